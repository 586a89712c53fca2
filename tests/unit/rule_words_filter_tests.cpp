// RuleWordsFilter: the byte scan that lets the Extractor skip an article before reading it.
// A skipped article gives no claims, so the filter must be sound: it may only say "no rule can
// hold here" when that is true of the text's tokens. A wrong "no" loses claims silently (no
// error, no warning), which is why these tests hold it to the tokenizer and to the extractor.
#include <algorithm>
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rule_words_filter.hpp"
#include "support.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/extractor.hpp"
#include "tradecheck/parser/tokens.hpp"

using namespace tradecheck;

namespace {

// The oracle: whether some rule has, for each of its positive `near` clauses, a phrase whose
// words all stand among the text's token norms. Only then can the rule make a claim, so only
// then must the filter say "may match".
bool some_rule_has_its_words(const RuleSet& rules, std::string_view text) {
    std::set<std::string> norms;
    for (const Token& t : tokenize(text)) norms.insert(t.norm);
    for (const Rule& rule : rules.rules) {
        bool all = true;
        for (const NearClause& clause : rule.near) {
            if (clause.negated) continue;
            bool any = false;
            for (const auto& phrase : clause.phrases) {
                bool every = true;
                for (const std::string& w : phrase) every = every && norms.count(w) > 0;
                any = any || every;
            }
            all = all && any;
        }
        // `measure M` holds only where one of M's head words stands (frames/measures.tsv).
        if (!rule.measures.empty() &&
            std::find(rule.measures.begin(), rule.measures.end(), "none") == rule.measures.end()) {
            bool any = false;
            for (const std::string& m : rule.measures)
                for (const std::string& w : rules.frames.words_of(m)) any = any || norms.count(w) > 0;
            all = all && any;
        }
        if (all) return true;
    }
    return false;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// Every word of the rules' near phrases, positive and negative: the words worth misspelling.
std::vector<std::string> near_words(const RuleSet& rules) {
    std::set<std::string> words;
    for (const Rule& rule : rules.rules)
        for (const NearClause& clause : rule.near)
            for (const auto& phrase : clause.phrases) words.insert(phrase.begin(), phrase.end());
    for (const Rule& rule : rules.rules)
        for (const std::string& m : rule.measures)
            for (const std::string& w : rules.frames.words_of(m)) words.insert(w);
    return {words.begin(), words.end()};
}

// A random short text: mostly plain words, some rule words in one of several spellings, glued
// by spaces, punctuation, line breaks, or nothing (so words run into each other).
std::string random_text(std::mt19937& rng, const std::vector<std::string>& rule_words) {
    static const std::vector<std::string> spelled{
        "tariff", "TARIFFS", "Tariff-free", "duty-free", "non-U.S. exports", "anti-dumping", "U.S.",
        "surplus", "China\xE2\x80\x99s", "caf\xC3\xA9", "Anti-Dumping", "U.S.-China", "NON-U.S.", "two-way",
        "quota-free", "Duties", "levy", "customs", "current account", "will invest", "trade gap"};
    static const std::vector<std::string> plain{
        "the", "rose", "profit", "net", "to", "of", "said", "mln", "dlrs", "company", "quarter", "shares",
        "25", "3.4", "pct", "%", "$1.2 billion", "1987", "in", "a", "Reuters", "year", "it", "was", "from",
        "caf\xC3\xA9", "\xC3\xA9t\xC3\xA9", "U.K.", "S.A.", "co", "inc", "oil", "prices", "by"};
    static const std::vector<std::string> glue{" ", " ", " ", " ", "\n", ", ", ". ", "-", "", ".", "'s ",
                                               "\xE2\x80\x99", " \xE2\x80\x94 ", "\xC2\xA0", "\n\n    "};
    const auto pick = [&](const std::vector<std::string>& v) -> const std::string& {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    std::string text;
    const int n = std::uniform_int_distribution<int>(1, 9)(rng);
    for (int i = 0; i < n; ++i) {
        if (i > 0) text += pick(glue);
        const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
        if (roll < 70) {
            text += pick(plain);
        } else if (roll < 80) {
            text += pick(spelled);
        } else {
            std::string w = pick(rule_words);
            switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
            case 0: break;
            case 1: w = upper(w); break;
            case 2: w[0] = upper(w.substr(0, 1))[0]; break;
            case 3: if (w.size() > 3) w.pop_back(); break;   // "tarif": no longer the word
            case 4: w += "s"; break;
            case 5:
                // Cut in two: "ex.port" is the tokens "ex", ".", "port", but to the byte scan
                // (which reads through dots) the letters of "export".
                if (w.size() > 1) {
                    static const std::vector<std::string> cuts{".", " ", "-", "", "'"};
                    const auto at = std::uniform_int_distribution<std::size_t>(1, w.size() - 1)(rng);
                    w = w.substr(0, at) + pick(cuts) + w.substr(at);
                }
                break;
            }
            text += w;
        }
    }
    return text;
}

Article article_of(std::string text, const std::string& id = "t") {
    Article a;
    a.id = id;
    a.text = std::move(text);
    return a;
}

// Copies of `s` misspelled in ways the tokenizer reads differently (or the same).
std::vector<std::string> mutations(const std::string& s, const std::vector<std::string>& rule_words) {
    std::vector<std::string> out{upper(s)};
    for (const std::string& w : rule_words) {
        if (w.size() < 4 || s.find(w) == std::string::npos) continue;
        const auto replaced = [&](const std::string& by) {
            std::string m = s;
            for (auto p = m.find(w); p != std::string::npos; p = m.find(w, p + by.size())) m.replace(p, w.size(), by);
            return m;
        };
        out.push_back(replaced(w.substr(0, w.size() - 1)));                    // "tarif"
        out.push_back(replaced(w.substr(0, 2) + " " + w.substr(2)));           // "ta riff": split
        out.push_back(replaced(upper(w)));                                      // "TARIFF"
        out.push_back(replaced(w.substr(0, 1) + "." + w.substr(1)));            // "t.ariff": a dot inside
    }
    return out;
}

// Articles whose claims must not depend on the filter: the seeds, their paragraphs one by one
// (many have figures but no rule word), every rule example, and misspelled copies of those.
std::vector<Article> corpus(const RuleSet& rules) {
    std::istringstream none;
    std::vector<Article> out = read_articles({(test::source_dir() / "seeds").string()}, none).articles;
    const std::size_t seeds = out.size();
    for (std::size_t i = 0; i < seeds; ++i) {
        const std::string text = out[i].text;
        for (std::size_t begin = 0; begin < text.size();) {
            std::size_t end = text.find("\n\n", begin);
            if (end == std::string::npos) end = text.size();
            out.push_back(article_of(text.substr(begin, end - begin), out[i].id + "#p"));
            begin = end + 2;
        }
    }
    const auto words = near_words(rules);
    for (const Rule& rule : rules.rules)
        for (const Example& ex : rule.examples) {
            out.push_back(article_of(ex.sentence, rule.id));
            for (std::string& m : mutations(ex.sentence, words)) out.push_back(article_of(std::move(m), rule.id + "~"));
        }
    return out;
}

} // namespace

namespace {

// Random texts over the rules' words: whenever the oracle says some rule may hold, so must the
// filter. Also checks that the run was not vacuous either way.
void check_sound_on_random_texts(const RuleSet& rules, unsigned seed) {
    const RuleWordsFilter filter(rules);
    REQUIRE(filter.filters());   // otherwise every answer below is a trivial "yes"
    std::mt19937 rng(seed);
    const auto words = near_words(rules);
    int refused = 0, must_pass = 0;
    constexpr int texts = 4000;
    for (int i = 0; i < texts; ++i) {
        const std::string text = random_text(rng, words);
        const bool may = filter.may_match(text);
        if (some_rule_has_its_words(rules, text)) {
            ++must_pass;
            INFO("text: [" << text << "]");
            CHECK(may);
        }
        refused += !may;
    }
    CHECK(must_pass > texts / 20);
    CHECK(refused > texts / 10);
}

} // namespace

TEST_CASE("the filter never turns away a text in which the default rules' near words stand as tokens",
          "[filter]") {
    check_sound_on_random_texts(test::default_rules(), 20240517);
}

TEST_CASE("the filter is sound for rules whose words hide inside others", "[filter]") {
    // "port" ends "export" and "us" ends "non-us": the scan finds them only as the tail of a
    // longer word it was following ("ex.port", "non-.US"). Some rules need two clauses, so a
    // word found for one rule does not let the text through for another.
    RuleSet rules;
    rules.rules = parse_rule_file(R"(
rule user.port {
  kind     k
  accepts  percent
  near     "port" | "ports" within 5 words
}
rule user.export {
  kind     k
  accepts  percent
  near     "export" | "exports" within 5 words
  near     "probe" within 5 words
}
rule user.us {
  kind     k
  accepts  money
  near     "U.S." within 3 words
  near     "deficit" | "café" within 4 words
}
rule user.non_us {
  kind     k
  accepts  percent
  near     "non-U.S." within 6 words
  not near "sales" within 6 words
  near     "China's" | "two-way trade" within 5 words
}
rule user.dumping {
  kind     k
  accepts  percent
  near     "dumping" within 5 words
  near     "anti-dumping" | "antidumping" within 5 words
}
)", "user.rules");
    index_vocabulary(rules);
    check_sound_on_random_texts(rules, 7);
}

TEST_CASE("claims are the same with and without the filter", "[filter]") {
    const RuleSet& rules = test::default_rules();
    const Extractor filtered(rules);
    const Extractor unfiltered(rules, ExtractorOptions{false});
    const RuleWordsFilter filter(rules);

    int skipped = 0, with_claims = 0;
    const std::vector<Article> articles = corpus(rules);
    REQUIRE(articles.size() > 100);
    for (const Article& a : articles) {
        INFO(a.id << ": [" << a.text.substr(0, 300) << "]");
        const auto got = filtered.claims(a);
        const auto want = unfiltered.claims(a);
        REQUIRE(got.size() == want.size());
        for (std::size_t i = 0; i < got.size(); ++i) {
            CHECK(got[i].rule == want[i].rule);
            CHECK(got[i].text == want[i].text);
            CHECK(got[i].start == want[i].start);
            CHECK(got[i].end == want[i].end);
            const double g = got[i].quantity.value, w = want[i].quantity.value;
            CHECK((g == w || (std::isnan(g) && std::isnan(w))));
            CHECK(got[i].actor == want[i].actor);
            CHECK(got[i].partner == want[i].partner);
        }
        // Skipped by the filter itself, not by the "no figure at all" test before it.
        if (!filter.may_match(a.text) && a.text.find_first_of("0123456789") != std::string::npos) ++skipped;
        with_claims += !want.empty();
    }
    CHECK(skipped > 0);
    CHECK(with_claims > 20);
}

TEST_CASE("a rule without a positive near clause makes the filter read every article", "[filter]") {
    // Such a rule may claim a figure anywhere: no word can rule it out.
    const std::string text = GENERATE(as<std::string>{},
                                      R"(rule user.any_percent {
  kind     tariff_rate
  accepts  percent
  not near "percentage points" within 3 words
})",
                                      R"(rule user.any_percent {
  kind     tariff_rate
  accepts  percent
})");
    INFO(text);
    RuleSet rules = test::default_rules();
    for (Rule& r : parse_rule_file(text, "user.rules")) rules.rules.push_back(std::move(r));
    index_vocabulary(rules);

    const RuleWordsFilter filter(rules);
    CHECK_FALSE(filter.filters());
    CHECK(filter.may_match(""));
    CHECK(filter.may_match("Net profit rose 25 pct to 3.4 mln dlrs"));

    // The default rules alone would skip this article; with the user's rule it gives a claim.
    CHECK_FALSE(RuleWordsFilter(test::default_rules()).may_match("Net profit rose 25 pct to 3.4 mln dlrs"));
    const auto claims = Extractor(rules).claims(article_of("Net profit rose 25 pct to 3.4 mln dlrs"));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].rule == "user.any_percent");
    CHECK(claims[0].text == "25 pct");
}

TEST_CASE("the filter reads words as the tokenizer does: case, dotted abbreviations", "[filter]") {
    const RuleWordsFilter defaults(test::default_rules());
    CHECK(defaults.may_match("non-U.S. exports will double"));
    CHECK(defaults.may_match("TARIFFS OF 25 PCT"));
    CHECK(defaults.may_match("Duty-Free access for 90 pct of goods"));
    CHECK_FALSE(defaults.may_match("Net profit rose 25 pct to 3.4 mln dlrs"));

    // A rule whose only word is "non-us": it stands in the text only as "non-U.S.", "NON-US"...
    RuleSet rules;
    rules.rules = parse_rule_file(R"(rule user.non_us {
  kind     export_share
  accepts  percent
  near     "non-U.S." within 6 words
})", "user.rules");
    index_vocabulary(rules);
    REQUIRE(rules.rules[0].near[0].phrases[0] == std::vector<std::string>{"non-us"});
    const RuleWordsFilter filter(rules);
    REQUIRE(filter.filters());
    for (const char* text : {"non-U.S. exports will double", "NON-U.S. exports rose 5 pct", "non-US exports",
                             "Non-Us sales", "(non-U.S.)"}) {
        INFO(text);
        CHECK(filter.may_match(text));
    }
    for (const char* text : {"non-U.K. exports will double", "U.S. exports rose 5 pct", "non- US exports", "nonus"}) {
        INFO(text);
        CHECK_FALSE(filter.may_match(text));
    }
}

// Before the filter, Extractor::claims skips an article without a digit unless
// might_spell_figures() finds a spelled figure. The grammar reads a lower-cased copy of the
// text, so that search must ignore case too: "will DOUBLE" or "TEN PERCENT" (headlines, wire
// copy in capitals) lost their claims while it did not, though the same text with any digit
// elsewhere gave them.
TEST_CASE("an article whose only figures are spelled in capitals is read", "[filter]") {
    const Extractor extractor(test::default_rules());
    for (const char* text : {"Canada said exports to India will DOUBLE.", "TARIFFS OF TEN PERCENT ON STEEL"}) {
        INFO(text);
        REQUIRE(extractor.claims(article_of(std::string(text) + "\n\nRef 7")).size() == 1);
        CHECK(extractor.claims(article_of(text)).size() == 1);
    }
}
