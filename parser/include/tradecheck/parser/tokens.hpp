// Words and sentences of an article, as the rules see them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tradecheck {

// One word or punctuation mark. `norm` is what patterns compare against: lower case, curly
// apostrophes straightened, dotted abbreviations folded ("U.S." -> "us"), hyphenated words
// kept whole ("duty-free", "non-us"). A possessive "'s" is a token of its own.
struct Token {
    std::size_t begin = 0;   // bytes into the text, half-open
    std::size_t end = 0;
    std::string norm;
    bool word = false;       // letters/digits, as opposed to punctuation
    bool capitalised = false;// first letter upper case in the text (proper-noun test)
};

struct Sentence {
    std::size_t first = 0;   // token indices, half-open
    std::size_t last = 0;
};

std::vector<Token> tokenize(std::string_view text);

// The same, appended to `tokens`, with offsets shifted by `offset` (a part of a longer text).
void tokenize_into(std::string_view text, std::size_t offset, std::vector<Token>& tokens);

// Sentence boundaries: . ! ? before a capitalised word (abbreviations like "U.S.", "Mr.", "Nov."
// excepted), blank lines and indented paragraphs, and short heading lines without punctuation.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

// Index of the first token whose end is after `byte` (the token holding or following it).
std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte);

} // namespace tradecheck
