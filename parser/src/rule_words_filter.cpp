#include "rule_words_filter.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace tradecheck {

namespace {

constexpr std::uint32_t k_max_states = 1u << 16;   // a few hundred for the default rules

// A word the byte scan can look for: what a word token's norm is made of (lower-case ASCII
// letters, digits, '-' in compounds, and non-ASCII letters, kept as they are). A punctuation
// token's norm ("'s", ",") may stand for other bytes in the text (a curly apostrophe).
bool searchable(const std::string& word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
    });
}

// The word of a phrase to look for: the longest, as the rarest likely ("invest" in "to
// invest"). Null when no word of it can be looked for.
const std::string* telling_word(const std::vector<std::string>& phrase) {
    const std::string* best = nullptr;
    for (const std::string& w : phrase)
        if (searchable(w) && (!best || w.size() > best->size())) best = &w;
    return best;
}

} // namespace

RuleWordsFilter::RuleWordsFilter(const RuleSet& rules) {
    // One positive clause of the rule being read: it holds where one of `words` stands.
    const auto add_clause = [&](std::vector<std::uint32_t>& words) {
        const auto clause_number = static_cast<std::uint32_t>(rule_of_clause_.size());
        rule_of_clause_.push_back(static_cast<std::uint32_t>(clauses_of_rule_.size()));
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (const std::uint32_t w : words) clauses_of_word_[w].push_back(clause_number);
    };
    for (const Rule& rule : rules.rules) {
        std::uint32_t positive = 0;
        for (const NearClause& clause : rule.near) {
            if (clause.negated) continue;   // it can only turn a claim away
            std::vector<std::uint32_t> words;
            bool usable = true;
            for (const auto& phrase : clause.phrases) {
                const std::string* w = telling_word(phrase);
                if (!w) { usable = false; break; }
                words.push_back(number_of(*w));
            }
            if (!usable) continue;   // it may hold anywhere: it narrows nothing
            add_clause(words);
            ++positive;
        }
        // `measure M`: a frame reads M only where one of M's head words stands.
        if (!rule.measures.empty() &&
            std::find(rule.measures.begin(), rule.measures.end(), "none") == rule.measures.end()) {
            std::vector<std::uint32_t> words;
            for (const std::string& m : rule.measures)
                for (const std::string& w : rules.frames.words_of(m))
                    if (searchable(w)) words.push_back(number_of(w));
            if (!words.empty()) {
                add_clause(words);
                ++positive;
            }
        }
        if (positive == 0) always_ = true;   // this rule may hold in any article
        clauses_of_rule_.push_back(positive);
    }
    if (!always_) build_automaton();
}

std::uint32_t RuleWordsFilter::number_of(const std::string& word) {
    const auto it = std::find(words_.begin(), words_.end(), word);
    if (it != words_.end()) return static_cast<std::uint32_t>(it - words_.begin());
    words_.push_back(word);
    clauses_of_word_.emplace_back();
    return static_cast<std::uint32_t>(words_.size() - 1);
}

void RuleWordsFilter::build_automaton() {
    for (const std::string& w : words_)
        for (const char ch : w) {
            const auto c = static_cast<unsigned char>(ch);
            if (class_of_[c] == 0) class_of_[c] = static_cast<std::uint8_t>(classes_++);
        }
    const std::uint32_t dot = classes_++;
    class_of_[static_cast<unsigned char>('.')] = static_cast<std::uint8_t>(dot);
    for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c - 'A' + 'a'];
    const std::uint32_t k = classes_;

    // The trie, with states numbered plainly while it is built.
    constexpr std::uint32_t none = ~0u;
    std::vector<std::uint32_t> next(k, none);
    std::vector<std::vector<std::uint32_t>> ends(1);
    for (std::uint32_t w = 0; w < words_.size(); ++w) {
        std::uint32_t s = 0;
        for (const char ch : words_[w]) {
            const std::uint32_t c = class_of_[static_cast<unsigned char>(ch)];
            if (next[s * k + c] == none) {
                next[s * k + c] = static_cast<std::uint32_t>(ends.size());
                ends.emplace_back();
                next.resize(next.size() + k, none);
            }
            s = next[s * k + c];
        }
        ends[s].push_back(w);
    }
    const auto states = static_cast<std::uint32_t>(ends.size());
    if (states >= k_max_states) { always_ = true; return; }

    // Breadth first: a state's missing moves are those of its longest proper suffix (its fail
    // state), whose moves are all known by then; a state ends the words its suffix ends.
    std::vector<std::uint32_t> fail(states, 0);
    std::deque<std::uint32_t> queue;
    for (std::uint32_t c = 0; c < k; ++c) {
        if (next[c] == none) next[c] = 0;
        else queue.push_back(next[c]);
    }
    while (!queue.empty()) {
        const std::uint32_t r = queue.front();
        queue.pop_front();
        const auto& inherited = ends[fail[r]];
        ends[r].insert(ends[r].end(), inherited.begin(), inherited.end());
        for (std::uint32_t c = 0; c < k; ++c) {
            std::uint32_t& to = next[r * k + c];
            if (to == none) {
                to = next[fail[r] * k + c];
            } else {
                fail[to] = next[fail[r] * k + c];
                queue.push_back(to);
            }
        }
    }
    for (std::uint32_t s = 0; s < states; ++s) next[s * k + dot] = s;   // "U.S." reads as "us"

    out_start_.assign(1, 0);
    for (const auto& e : ends) {
        out_.insert(out_.end(), e.begin(), e.end());
        out_start_.push_back(static_cast<std::uint32_t>(out_.size()));
    }
    next_.resize(next.size());
    for (std::size_t i = 0; i < next.size(); ++i)
        next_[i] = next[i] * k | (ends[next[i]].empty() ? 0 : k_ends_word);
}

bool RuleWordsFilter::may_match(std::string_view text) const {
    if (always_) return true;
    std::vector<std::uint8_t> seen;   // by word; filled at the first word found
    std::vector<std::uint32_t> left;  // by clause, then by rule: see found()
    std::uint32_t row = 0;
    for (const char ch : text) {
        const std::uint32_t to = next_[row + class_of_[static_cast<unsigned char>(ch)]];
        row = to & ~k_ends_word;
        if ((to & k_ends_word) != 0 && found(row / classes_, seen, left)) return true;
    }
    return false;
}

// Marks the words ending at `state` as seen; true once some rule has all its clauses.
bool RuleWordsFilter::found(std::uint32_t state, std::vector<std::uint8_t>& seen,
                            std::vector<std::uint32_t>& left) const {
    const std::size_t clauses = rule_of_clause_.size();
    if (seen.empty()) {
        seen.assign(words_.size(), 0);
        // left[c] for a clause: 1 until satisfied; left[clauses + r]: rule r's unsatisfied clauses.
        left.assign(clauses, 1);
        left.insert(left.end(), clauses_of_rule_.begin(), clauses_of_rule_.end());
    }
    for (std::uint32_t i = out_start_[state]; i < out_start_[state + 1]; ++i) {
        const std::uint32_t w = out_[i];
        if (seen[w]) continue;
        seen[w] = 1;
        for (const std::uint32_t c : clauses_of_word_[w]) {
            if (left[c] == 0) continue;
            left[c] = 0;
            if (--left[clauses + rule_of_clause_[c]] == 0) return true;
        }
    }
    return false;
}

} // namespace tradecheck
