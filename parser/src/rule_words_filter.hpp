// Whether an article could give any rule a claim, decided from its bytes before anything is
// parsed. Every default rule has a `near` clause ("tariff" | "duty" ... within 8 words), and a
// clause holds only where one of its phrases stands as tokens of the text. Most stories in a
// newswire archive name none of the rules' words (earnings, commodities, sport): reading their
// figures with the grammar, tokenizing and matching them would find nothing.
//
// The test is sound, not complete: it may say "could" of an article that gives no claim, but
// "could not" only when no rule can hold. A token's norm is its bytes with ASCII capitals
// lowered and dots dropped (tokens.cpp), so every word of a phrase that stands in the text as
// tokens appears in the text read that way. One Aho-Corasick pass over the bytes looks for one
// word of each phrase, and stops as soon as each positive clause of some rule has one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tradecheck/parser/rules.hpp"

namespace tradecheck {

class RuleWordsFilter {
public:
    explicit RuleWordsFilter(const RuleSet& rules);

    // False only when no rule's positive `near` clauses can all hold anywhere in `text`.
    bool may_match(std::string_view text) const;

    // Whether the filter can ever say no. It cannot when a rule has no positive clause it can
    // look for (every article must be read), or the rules' words are too many for it.
    bool filters() const { return !always_; }

private:
    std::uint32_t number_of(const std::string& word);
    void build_automaton();
    bool found(std::uint32_t state, std::vector<std::uint8_t>& seen, std::vector<std::uint32_t>& left) const;

    bool always_ = false;
    std::vector<std::string> words_;                          // one word of each phrase looked for
    std::vector<std::vector<std::uint32_t>> clauses_of_word_; // the positive clauses a word satisfies
    std::vector<std::uint32_t> rule_of_clause_;               // clauses numbered across the rules
    std::vector<std::uint32_t> clauses_of_rule_;              // how many each rule must satisfy

    // The automaton. Every byte of a word has a class of its own, other bytes class 0, ASCII
    // capitals the class of their lower case, and '.' a class that leaves the state as it is.
    // A transition holds the next state times the number of classes (the row of the next
    // lookup) with the top bit set when some word ends there.
    static constexpr std::uint32_t k_ends_word = 0x80000000u;
    std::uint8_t class_of_[256] = {};
    std::uint32_t classes_ = 1;
    std::vector<std::uint32_t> next_;
    std::vector<std::uint32_t> out_start_;   // state -> its words in out_ (suffixes' included)
    std::vector<std::uint32_t> out_;
};

} // namespace tradecheck
