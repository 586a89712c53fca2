// Numeric rules as data. A rule file (rules/*.rules) holds blocks like
//
//   rule tariff_rate.ad_valorem {
//     kind     tariff_rate
//     accepts  percent
//     near     "tariff" | "tariffs" | "duty" within 8 words
//     actor    "imposed by" @country | subject-country
//     partner  "from" @country | "on" @country-adjective
//     product  "on" @product
//     example  "Canada imposed a 100% tariff on electric vehicles from China"
//              => value 100, unit percent, actor CAN, partner CHN, product electric_vehicles
//   }
//
// docs/rules.md is the reference. parse_rule_file() reads one file; load_rules() reads the
// default directory and any user directories, with names/*.tsv and kinds.tsv beside them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tradecheck/frames/frame.hpp"
#include "tradecheck/frames/lexicon.hpp"
#include "tradecheck/parser/names.hpp"
#include "tradecheck/parser/quantity.hpp"

namespace tradecheck {

struct SourcePos {
    std::string file;
    int line = 0;
    int column = 0;
};

// A broken rule file. what() is "file:line:column: message" followed by the offending line
// and a caret under the column.
class RuleError : public std::runtime_error {
public:
    RuleError(const SourcePos& pos, const std::string& message, std::string_view source_line);
    const SourcePos& pos() const { return pos_; }
private:
    SourcePos pos_;
};

enum class TermKind {
    literal,             // "imposed by"
    country,             // any mention: name, adjective, possessive, capital, leader
    country_name,
    country_adjective,
    country_possessive,  // "Canada's", "Carney's"
    country_capital,
    country_leader,
    subject_country,     // the first country mentioned in the sentence, before the figure
    article_country,     // the first country of the article's first sentence (the dateline)
    product,             // one product, or a coordinated list ("steel and aluminum")
    metric,
    basis,               // a measurement basis ("customs-cleared", "seasonally adjusted")
    holder,              // the figure's frame: whose measure it is ("Sri Lanka's exports")
    counterpart,         // the figure's frame: toward whom ("tariffs on Chinese goods")
    measured_product,    // the figure's frame: the product its measure is of ("tea exports")
    measured_metric,     // the figure's frame: a metric named in its phrase, else its measure's metric
    article_holder,      // whose measures the article reports: the country most often read as the
                         // holder of figures like this one (tariffs; trade flows, balances, shares)
    article_counterpart, // toward whom the article's holder aims measures like this one: the country
                         // most often read as their counterpart, for a claim whose actor is that holder
    antecedent_product,  // "the sector's exports", "its exports", "makes them unaffordable": the
                         // product named last before the figure, in its sentence or the two before
    antecedent_counterpart,  // "Exports to India rose 12%. February exports hit $264 million": the
                             // counterpart of the same measure just before, in a sentence naming no one else
};

enum class Side { any, before, after };   // where a match must stand relative to the figure

struct Term {
    TermKind kind = TermKind::literal;
    std::vector<std::string> words;   // literal: normalised tokens
    std::vector<std::uint32_t> ids;   // the same words as vocabulary ids (see RuleSet)
    bool capture = false;             // "@": this term fills the slot
};

struct Pattern {
    Side side = Side::any;
    std::vector<Term> terms;
};

struct NearClause {
    bool negated = false;                       // "not near"
    std::vector<std::vector<std::string>> phrases;
    std::vector<std::vector<std::uint32_t>> ids;   // the phrases as vocabulary ids
    int count = 6;
    bool sentences = false;                     // "within N sentences" instead of words
    Side side = Side::any;                      // "before"/"after": only on that side of the figure
    SourcePos pos;
};

struct SlotSpec {
    std::vector<Pattern> alternatives;   // tried in order; the first that matches wins
    std::string fixed;                   // `metric = "exports"`: a constant, or the fallback
                                         // when no alternative matches
    int within = 0;                      // `within N words`: matches farther from the figure
                                         // do not count (0: anywhere in scope)
};

struct Expectation {
    std::string field;
    std::string value;
};

struct Example {
    std::string sentence;
    std::vector<Expectation> expect;
    SourcePos pos;
};

inline constexpr const char* k_slot_names[] = {"actor", "partner", "product", "metric", "basis"};

struct Rule {
    std::string id;
    std::string kind;
    std::vector<QuantityType> accepts;
    std::vector<std::string> units;          // empty: any unit of the accepted types
    std::vector<NearClause> near;
    std::map<std::string, SlotSpec> slots;   // by slot name
    // Frame conditions (docs/frames.md): the figure's measure (an id or a group of
    // frames/measures*.tsv), its role and its holder's type must be among these; empty: any.
    // A rule with `measure` never takes a figure whose phrase holds a veto word.
    std::vector<std::string> measures;
    std::vector<Role> roles;
    std::vector<Status> statuses;            // `status`: what the clause says of the figure
    std::vector<HolderType> holders;
    // `echoes M | ...`: the figure's value is printed elsewhere in the article as the level (or
    // older value) of a figure that measures one of these ("even at 30%" in a story that names
    // "a 30% tariff"); empty: no such condition.
    std::vector<std::string> echoes;
    int priority = 0;                        // higher is tried first
    int scope = 0;                           // slots may come from this many sentences around
    std::vector<Example> examples;
    SourcePos pos;
    std::string hash;                        // SHA-256 of the rule's own text
};

struct RuleSet {
    std::vector<Rule> rules;                 // in the order they are tried
    Names names;
    FrameLexicon frames;                     // frames/*.tsv: measure nouns, verbs, veto words
    std::map<std::string, std::string> kinds; // kind -> description, from kinds.tsv
    std::string hash;                        // one hash over every rule and names file in force
    // Every word a rule's phrases or a name use, numbered from 1, so matching compares integers:
    // the rules' words first (ids 1..rule_words), then the names'. Built by index_vocabulary();
    // a word of the text that is not here can match no phrase and no name.
    WordIndex vocabulary;
    std::uint32_t rule_words = 0;
};

// Numbers the words of every phrase in `set` (call after changing its rules).
void index_vocabulary(RuleSet& set);

// Parses one rule file's text. Throws RuleError on syntax or meaning errors. `kinds` (when
// not null) is the set of known claim kinds.
std::vector<Rule> parse_rule_file(std::string_view text, const std::string& file,
                                  const std::map<std::string, std::string>* kinds = nullptr);

// Loads every *.rules, names/*.tsv and kinds.tsv under `dirs`, in order. A later rule with
// the id of an earlier one replaces it. Throws RuleError (rule files) or std::runtime_error.
RuleSet load_rules(const std::vector<std::filesystem::path>& dirs);

// The directories to load: the default rules directory, then TRADECHECK_RULES (colon-separated),
// then `extra` (from --rules). The default is found beside the executable's source tree or
// installed share directory; see cli/.
std::vector<std::filesystem::path> rule_directories(const std::filesystem::path& default_dir,
                                                    const std::vector<std::string>& extra);

} // namespace tradecheck
