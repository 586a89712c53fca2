#include "tradecheck/parser/tokens.hpp"

#include <algorithm>
#include <array>

namespace tradecheck {

namespace {

// ASCII classes by table: std::isalnum and std::tolower are calls into the C locale, and the
// tokenizer asks for every byte of every article.
constexpr std::array<bool, 256> k_alnum = [] {
    std::array<bool, 256> t{};
    for (int c = '0'; c <= '9'; ++c) t[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = true;
    return t;
}();

bool ascii_alnum(unsigned char c) { return k_alnum[c]; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
char ascii_lower(char c) { return ascii_upper(static_cast<unsigned char>(c)) ? static_cast<char>(c - 'A' + 'a') : c; }

// Multi-byte punctuation that news text uses; every other non-ASCII character is a letter.
struct Punct { std::string_view bytes; char as; };
constexpr std::array<Punct, 8> k_punct{{{"\xE2\x80\x99", '\''}, {"\xE2\x80\x98", '\''},
                                        {"\xE2\x80\x9C", '"'}, {"\xE2\x80\x9D", '"'},
                                        {"\xE2\x80\x94", '-'}, {"\xE2\x80\x93", '-'},
                                        {"\xE2\x80\xA6", '.'}, {"\xC2\xA0", ' '}}};

// Length and ASCII stand-in of a multi-byte punctuation mark at `i`, or 0.
std::size_t punct_at(std::string_view text, std::size_t i, char& as) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead != 0xE2 && lead != 0xC2) return 0;   // every mark above starts with one of these
    for (const auto& p : k_punct)
        if (text.substr(i, p.bytes.size()) == p.bytes) { as = p.as; return p.bytes.size(); }
    return 0;
}

bool letter_at(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return ascii_alnum(c);
    char as = 0;
    return punct_at(text, i, as) == 0 && (c & 0xC0u) != 0x80u;
}

std::size_t char_length(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return std::min(n, text.size() - i);
}

// A run of letters/digits starting at `i`; returns its end.
std::size_t word_end(std::string_view text, std::size_t i) {
    for (;;) {
        while (i < text.size() && k_alnum[static_cast<unsigned char>(text[i])]) ++i;   // ASCII, the usual case
        if (i >= text.size() || static_cast<unsigned char>(text[i]) < 0x80 || !letter_at(text, i)) return i;
        i += char_length(text, i);
    }
}

// "U.S.", "U.K.", "U.A.E.": two or more capital letters each followed by a dot.
std::size_t dotted_abbreviation_end(std::string_view text, std::size_t i) {
    std::size_t j = i, letters = 0;
    while (j + 1 < text.size() && ascii_upper(static_cast<unsigned char>(text[j])) && text[j + 1] == '.') {
        j += 2;
        ++letters;
    }
    return letters >= 2 ? j : i;
}

std::string fold(std::string_view raw) {
    std::string out(raw.size(), '\0');
    // Plain ASCII without dots (nearly every word): lower-cased byte for byte.
    std::size_t i = 0;
    for (; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        if (c >= 0x80 || c == '.') break;
        out[i] = ascii_lower(raw[i]);
    }
    if (i == raw.size()) return out;
    out.resize(i);
    while (i < raw.size()) {
        char as = 0;
        if (static_cast<unsigned char>(raw[i]) >= 0x80)
            if (const std::size_t n = punct_at(raw, i, as)) { out += as; i += n; continue; }
        if (raw[i] != '.') out += ascii_lower(raw[i]);
        ++i;
    }
    return out;
}

} // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    tokenize_into(text, 0, tokens);
    return tokens;
}

void tokenize_into(std::string_view text, std::size_t offset, std::vector<Token>& tokens) {
    const std::size_t first = tokens.size();   // tokens before this text are not ours to join
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') { ++i; continue; }
        char as = 0;
        if (c >= 0x80)
            if (const std::size_t n = punct_at(text, i, as); n > 0 && as == ' ') { i += n; continue; }
        if (!letter_at(text, i)) {
            // Possessive 's after a word: a token of its own so "Canada's" is "canada" + "'s".
            std::size_t n = c >= 0x80 ? punct_at(text, i, as) : 0;
            if (n == 0) { as = static_cast<char>(c); n = 1; }
            if (as == '\'' && i + n < text.size() && (text[i + n] == 's' || text[i + n] == 'S') &&
                (i + n + 1 >= text.size() || !letter_at(text, i + n + 1)) && tokens.size() > first &&
                tokens.back().word && tokens.back().end == offset + i) {
                tokens.push_back({offset + i, offset + i + n + 1, "'s", true, false});
                i += n + 1;
                continue;
            }
            tokens.push_back({offset + i, offset + i + n, std::string(1, as), false, false});
            i += n;
            continue;
        }
        std::size_t end = dotted_abbreviation_end(text, i);
        if (end == i) {
            end = word_end(text, i);
            // Hyphenated compounds stay whole: "duty-free", "two-way", "non-US", "non-U.S."
            while (end + 1 < text.size() && text[end] == '-' && letter_at(text, end + 1)) {
                const std::size_t next = dotted_abbreviation_end(text, end + 1);
                end = next > end + 1 ? next : word_end(text, end + 1);
            }
        }
        const std::string_view raw = text.substr(i, end - i);
        tokens.push_back({offset + i, offset + end, fold(raw), true, ascii_upper(c)});
        i = end;
    }
}

namespace {

bool is_abbreviation(const Token& t) {
    static constexpr std::array<std::string_view, 34> k_abbrev{
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "inc", "co", "corp", "ltd", "gov",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "gen", "sen", "rep", "prof", "dept", "est", "approx", "u"};
    return t.word && (t.end - t.begin == 1 || std::find(k_abbrev.begin(), k_abbrev.end(), t.norm) != k_abbrev.end());
}

bool blank_line_between(std::string_view text, std::size_t from, std::size_t to) {
    const std::string_view gap = text.substr(from, to - from);
    const auto nl = gap.find('\n');
    if (nl == std::string_view::npos) return false;
    const std::string_view after = gap.substr(nl + 1);
    // A second newline, or an indented line (Reuters starts paragraphs with four spaces).
    return after.find('\n') != std::string_view::npos || after.substr(0, 2) == "  " || after.substr(0, 1) == "\t";
}

// A line break after a short line that does not end a sentence: a heading.
bool heading_break(std::string_view text, const Token& prev, const Token& next) {
    const std::string_view gap = text.substr(prev.end, next.begin - prev.end);
    if (gap.find('\n') == std::string_view::npos || !next.capitalised) return false;
    const auto line_start = text.rfind('\n', prev.begin);
    const std::size_t begin = line_start == std::string_view::npos ? 0 : line_start + 1;
    return prev.end - begin < 60 && prev.norm != "," && prev.norm != "-";
}

// Newswire hard-wraps its lines (Reuters at about 65 characters), so most lines end
// mid-sentence; a line break there is never a heading.
bool hard_wrapped(std::string_view text) {
    std::size_t lines = 0, open = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
        if (!line.empty()) {
            ++lines;
            const char last = line.back();
            open += !(last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                      line.substr(line.size() >= 3 ? line.size() - 3 : 0) == "\xE2\x80\x9D");
        }
        start = end + 1;
    }
    return lines >= 4 && open * 2 > lines;
}

} // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<Sentence> sentences;
    const bool wrapped = hard_wrapped(text);
    std::size_t first = 0;
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const Token& next = tokens[i + 1];
        // Most gaps are one space: only a gap with a line break can be a paragraph or heading break.
        bool line_break = false;
        for (std::size_t b = t.end; b < next.begin && !line_break; ++b) line_break = text[b] == '\n';
        bool boundary = line_break && (blank_line_between(text, t.end, next.begin) ||
                                       (!wrapped && heading_break(text, t, next)));
        const bool terminal = t.norm == "." || t.norm == "!" || t.norm == "?";
        const bool opens = next.capitalised || next.norm == "\"" || !next.word;
        if (terminal && opens && next.begin > t.end && !(i > 0 && t.norm == "." && is_abbreviation(tokens[i - 1]) &&
                                                          tokens[i - 1].end == t.begin && !boundary))
            boundary = true;
        if (boundary) {
            sentences.push_back({first, i + 1});
            first = i + 1;
        }
    }
    if (first < tokens.size()) sentences.push_back({first, tokens.size()});
    return sentences;
}

std::size_t token_at(const std::vector<Token>& tokens, std::size_t byte) {
    const auto it = std::lower_bound(tokens.begin(), tokens.end(), byte,
                                     [](const Token& t, std::size_t b) { return t.end <= b; });
    return static_cast<std::size_t>(it - tokens.begin());
}

} // namespace tradecheck
