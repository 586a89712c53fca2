// Names as data: countries and blocs, products and metrics, loaded from TSV files
// (rules/names/countries*.tsv, products*.tsv, metrics*.tsv) and found in tokenised text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "tradecheck/parser/tokens.hpp"
#include "tradecheck/parser/word_index.hpp"

namespace tradecheck {

enum class MentionKind { name, adjective, possessive, capital, leader, product, metric, basis };

struct Mention {
    std::size_t first = 0;    // token indices, half-open
    std::size_t last = 0;
    std::string id;           // country code, product id or metric id
    MentionKind kind = MentionKind::name;
};

struct NameEntry {
    std::string id;
    std::string file;         // where it was defined, for messages
    int line = 0;
    std::string extra;        // HS chapter for products, "symmetric" for metrics
};

class Names {
public:
    // Reads every names/*.tsv under each directory, in order; a later entry with the same id
    // adds its names to (and replaces the extra field of) the earlier one. Throws
    // std::runtime_error "file:line:column: message" on a malformed file.
    void load_directory(const std::filesystem::path& names_dir);
    void load_file(const std::filesystem::path& file);

    // Numbers the words of every name in `vocabulary` (adding those it lacks), so that find()
    // compares integers. Call after the last load.
    void index(WordIndex& vocabulary);
    bool indexed() const { return indexed_phrases_ == phrases_.size(); }

    // Every country, product and metric mention, in token order, longest match first. `ids`
    // holds each token's id in the vocabulary given to index() (0 for words not in it).
    std::vector<Mention> find(const std::vector<Token>& tokens, const std::vector<std::uint32_t>& ids) const;

    bool is_country(const std::string& code) const { return countries_.count(code) != 0; }
    bool is_product(const std::string& id) const { return products_.count(id) != 0; }
    bool is_metric(const std::string& id) const { return metrics_.count(id) != 0; }
    bool is_basis(const std::string& id) const { return bases_.count(id) != 0; }
    bool is_symmetric_metric(const std::string& id) const;
    const std::map<std::string, NameEntry>& countries() const { return countries_; }
    const std::map<std::string, NameEntry>& products() const { return products_; }
    const std::map<std::string, NameEntry>& metrics() const { return metrics_; }

private:
    struct Phrase {
        std::vector<std::string> words;   // normalised tokens
        std::vector<std::uint32_t> ids;   // the same as vocabulary ids, once indexed
        std::string id;
        MentionKind kind;
        bool proper;                      // must be capitalised in the text
    };
    void add_phrases(const std::string& field, const std::string& id, MentionKind kind, bool proper);
    std::map<std::string, NameEntry> countries_, products_, metrics_, bases_;
    std::vector<Phrase> phrases_;                      // in the order loaded
    std::vector<std::vector<Phrase>> by_first_id_;     // first word's vocabulary id -> phrases
    std::size_t indexed_phrases_ = 0;
};

} // namespace tradecheck
