// The extractor: article text + quantities + rules + names -> Claims.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tradecheck/parser/article.hpp"
#include "tradecheck/parser/claim.hpp"
#include "tradecheck/parser/rules.hpp"

namespace tradecheck {

// Every claim the rules find in `article`, in text order. At most one claim per quantity:
// the first rule (by priority, then load order) whose conditions hold makes it.
std::vector<Claim> extract_claims(const Article& article, const RuleSet& rules);

class RuleWordsFilter;

struct ExtractorOptions {
    // Articles in which no rule's `near` words appear are skipped after a byte scan: the rules
    // could make no claim there (docs/performance.md). Off only to check that this is so.
    bool skip_articles_without_rule_words = true;
};

// The same with one rule set prepared once. extract_claims() checks on every call that the
// rules' words are numbered (index_vocabulary(), which load_rules() has done) and numbers a
// copy when they are not; a program extracting a corpus makes one Extractor per rule set
// instead. The rule set must outlive the Extractor and not change while it is in use.
class Extractor {
public:
    explicit Extractor(const RuleSet& rules, ExtractorOptions options = {});
    ~Extractor();
    Extractor(const Extractor&) = delete;
    Extractor& operator=(const Extractor&) = delete;

    std::vector<Claim> claims(const Article& article) const;

private:
    std::optional<RuleSet> indexed_copy_;   // when `rules` was not indexed
    const RuleSet* rules_;
    std::unique_ptr<const RuleWordsFilter> filter_;   // null when every article is read
};

// One failed example: where the example is, and what went wrong.
struct ExampleFailure {
    const Rule* rule = nullptr;
    const Example* example = nullptr;
    std::string message;
};

// Runs every rule's examples against the whole rule set (so a rule that steals another's
// claim shows up). Returns the failures; `examples_run` counts what was run.
std::vector<ExampleFailure> test_rule_examples(const RuleSet& rules, int& examples_run);

// Problems a user should fix before relying on the rules: rules without examples,
// examples no rule matches, unknown names in examples. Each "file:line:column: message".
std::vector<std::string> lint_rules(const RuleSet& rules);

} // namespace tradecheck
