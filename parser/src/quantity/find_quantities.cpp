// The scanner: walks the text, tries the grammar only where a quantity can start, turns each
// ast::Match into Quantity values, drops what only looks like a figure (dates, times, list
// markers, model numbers) and maps byte spans to code-point spans.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ast.hpp"
#include "numeral.hpp"
#include "quantity_grammar.hpp"

namespace tradecheck {
namespace {

using quantity::ast::Form;
using quantity::ast::Match;
using quantity::ast::Measure;

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_alnum(unsigned char c) { return is_digit(c) || is_lower(c); }

constexpr std::uint64_t ones = 0x0101010101010101ull;
constexpr std::uint64_t high_bits = 0x8080808080808080ull;
// Bytes of slack after the prepared text, so eight bytes can be loaded at any position.
constexpr std::size_t padding = 8;

std::uint64_t load8(const char* p) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    return x;
}

// The text the grammar reads: ASCII lower-cased, every whitespace byte (and the bytes of a
// no-break space) a plain ' '. Same length, so byte offsets carry over to the original;
// followed by `padding` zero bytes. Eight ASCII bytes at a time (SWAR).
// Buffers for the prepared text, kept between calls (callers scan blocks on fresh threads, so
// a pool, not a thread_local): a buffer only grows, so its pages are zeroed and faulted in
// once, not once a call (zeroing a fresh 1 MiB block costs about as much as scanning it).
// Buffers over 8 MiB and more than 16 buffers are not kept: memory stays flat.
class BufferPool {
public:
    std::string take() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (free_.empty()) return {};
        std::string b = std::move(free_.back());
        free_.pop_back();
        return b;
    }
    void give(std::string&& b) {
        if (b.size() > (std::size_t(8) << 20)) return;
        std::lock_guard<std::mutex> lock(mutex_);
        if (free_.size() < 16) free_.push_back(std::move(b));
    }

private:
    std::mutex mutex_;
    std::vector<std::string> free_;
};

BufferPool& buffer_pool() {
    static BufferPool pool;
    return pool;
}

// The bytes of a no-break space (U+00A0), narrow no-break space (U+202F) or thin space
// (U+2009, only ever a separator) at u[i], or 0.
std::size_t space_length(const unsigned char* u, std::size_t i, std::size_t n) {
    if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) return 2;
    if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xAF || u[i + 2] == 0x89))
        return 3;
    return 0;
}

std::string_view prepare(std::string_view text, std::string& out) {
    const std::size_t n = text.size();
    if (out.size() < n + padding) out.resize(n + padding);
    std::memset(out.data() + n, 0, padding);
    const char* in = text.data();
    char* o = out.data();
    auto fold = [](unsigned char c) {
        if (c >= 'A' && c <= 'Z') return char(c + 32);
        if (c >= '\t' && c <= '\r') return ' '; // \t \n \v \f \r
        return char(c);
    };
    bool non_ascii = false;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t x = load8(in + i);
        if (x & high_bits) {
            non_ascii = true;
            for (std::size_t k = i; k < i + 8; ++k) o[k] = fold((unsigned char)in[k]);
            continue;
        }
        // No byte has its high bit set, so none of these additions carries into the next byte.
        const std::uint64_t upper = (x + ones * (0x80 - 'A')) & ~(x + ones * (0x80 - 'Z' - 1)) & high_bits;
        x |= upper >> 2;
        const std::uint64_t space = (x + ones * (0x80 - '\t')) & ~(x + ones * (0x80 - '\r' - 1)) & high_bits;
        const std::uint64_t mask = (space >> 7) * 0xFF;
        x = (x & ~mask) | (ones * ' ' & mask);
        std::memcpy(o + i, &x, 8);
    }
    for (; i < n; ++i) {
        non_ascii = non_ascii || (unsigned char)in[i] >= 0x80;
        o[i] = fold((unsigned char)in[i]);
    }
    if (!non_ascii) return {out.data(), n + padding};
    const unsigned char* u = reinterpret_cast<const unsigned char*>(in);
    for (i = 0; i < n; ++i) {
        if (u[i] < 0xC2) continue;
        const std::size_t len = space_length(u, i, n);
        if (len == 0) continue;
        // Between two digits a no-break or thin space groups thousands ("40\u202f000"): the
        // grammar reads it as '\x1f'. Anywhere else it is a space.
        const bool grouping = i > 0 && is_digit(u[i - 1]) && i + len < n && is_digit(u[i + len]);
        std::memset(o + i, grouping ? '\x1f' : ' ', len);
        i += len - 1;
    }
    return {out.data(), n + padding};
}

// The words the scanner knows, in three (overlapping) classes:
//  * start: can begin a quantity (number words, qualifiers, range and time words, multipliers,
//    the letters of currency prefixes); any other word is skipped whole without calling X3;
//  * content: every quantity holds one of these or a digit (number, fraction, magnitude,
//    multiplier and period words);
//  * filler: may stand between a start word and the content ("more than", "over the course of
//    the next", "about an estimated").
// A start word that is not content is handed to X3 only if, reading on over start and filler
// words, a content word or something that is not a letter (a digit, '$', '-', ...) comes
// before an ordinary word or punctuation: "in the first half" is not tried at "in", "in the
// next five years" is. Words are keys of up to 12 letters packed 5 bits a letter into one
// integer, looked up in an open-addressing table: no allocation, no string compare.
//  * follows: the first word of something the grammar reads after a figure (units,
//    magnitudes, "to", "or more"), from quantity::follower_words().
//  * before_magnitude: a start word only right before a magnitude ("quarter million"; business
//    news prints "first quarter" far more often, and the grammar is not tried there).
enum WordClass : std::uint8_t {
    start = 1, content = 2, filler = 4, url = 8, follows = 16, before_magnitude = 32
};

class WordTable {
public:
    WordTable() {
        for (std::string_view w : kStart) add(w, start);
        for (std::string_view w : kContent) add(w, content);
        for (std::string_view w : kFiller) add(w, filler);
        for (std::string_view w : {"http", "https", "www"}) add(w, url);
        add("quarter", start | before_magnitude);
        for (const std::string& w : quantity::follower_words()) add(w, follows);
    }
    static constexpr std::size_t max_letters = 12;
    // A word's key: up to 7 letters, its bytes (so the scanner can take it straight from an
    // 8-byte load); 8 to 12 letters, 5 bits a letter with the top bit set; 0 otherwise.
    static std::uint64_t key(const char* p, std::size_t n) {
        if (n == 0 || n > 12) return 0;
        if (n <= 7) return load8_masked(p, n);
        std::uint64_t k = 0;
        for (std::size_t i = 0; i < n; ++i) k = (k << 5) | std::uint64_t(p[i] - 'a' + 1);
        return k | (std::uint64_t(1) << 63);
    }
    static std::uint64_t load8_masked(const char* p, std::size_t n) {
        std::uint64_t k = 0;
        std::memcpy(&k, p, n);
        return k;
    }
    std::uint8_t classes(std::uint64_t key) const {
        if (key == 0) return 0;
        for (std::size_t h = slot(key);; h = (h + 1) & (size - 1)) {
            if (keys_[h] == key) return classes_[h];
            if (keys_[h] == 0) return 0;
        }
    }
    std::uint8_t classes(const char* p, std::size_t n) const {
        if (n == 13 && std::string_view(p, n) == "approximately") return start | filler;
        return classes(key(p, n));
    }

private:
    static constexpr std::size_t size = 4096; // a load of about 1/8: a miss (most words) probes once or twice
    static std::size_t slot(std::uint64_t key) {
        return std::size_t((key * 0x9E3779B97F4A7C15ull) >> 52);
    }
    void add(std::string_view w, std::uint8_t c) {
        const std::uint64_t k = key(w.data(), w.size());
        if (k == 0) { // "approximately": special-cased in classes()
            if (c == follows) long_follower_ = true;
            return;
        }
        std::size_t h = slot(k);
        while (keys_[h] != 0 && keys_[h] != k) h = (h + 1) & (size - 1);
        keys_[h] = k;
        classes_[h] |= c;
    }

    static constexpr std::string_view kStart[] = {
        // numbers and fractions
        "zero", "nought", "naught", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "a", "an", "half",
        // qualifiers, ranges, signs
        "more", "greater", "over", "above", "exceeding", "exceeded", "exceeds", "exceed", "surpass", "surpassed", "in",
        "higher", "larger", "bigger", "upwards", "just", "well", "surpassing", "topping", "at",
        "no", "not", "up", "as", "less", "fewer", "under", "below", "lower", "smaller",
        "nearly", "almost", "about", "roughly", "approx", "some", "around",
        "close", "estimated", "circa", "approaching", "on", "between", "from", "minus",
        "negative", "equal", "equals", "equaling", "equalling", "percent", "percents", "per",
        // time
        "by", "within", "during", "last", "this", "next", "fiscal", "fy", "until", "through",
        // multipliers
        "double", "doubled", "doubling", "triple", "tripled", "tripling", "treble", "trebled",
        "quadruple", "quadrupled", "quadrupling", "halve", "halved", "halving", "twofold",
        "threefold", "fourfold", "fivefold", "tenfold", "sixfold", "sevenfold", "eightfold",
        "ninefold", "twentyfold", "hundredfold", "quintuple", "quintupled", "twice", "thrice",
        // vague amounts
        "tens", "hundreds", "thousands", "millions", "billions", "trillions", "dozens", "several",
        // currency prefixes
        "us", "u", "c", "can", "cdn", "cad", "au", "aud", "hk", "hkd", "nz", "nzd", "s", "nt",
        "r", "mex", "mxn", "usd", "sgd", "twd", "eur", "gbp", "jpy", "cny", "inr", "chf",
        "krw", "brl", "zar", "sek", "nok", "dkk", "rub", "sar", "aed", "myr", "thb", "idr",
        "php", "pln", "huf", "ils", "rmb", "rs", "maud", "musd", "meur", "mgbp", "mcad", "mchf",
        "lkr", "pkr", "npr", "bdt", "vnd", "egp", "ngn", "kes", "qar", "kwd", "czk", "uah", "ars",
        "clp", "sfr",
        // nationalities before a currency name: "US dollars 612 million"
        "canadian", "australian", "sri", "indian", "pakistani", "hong", "singapore", "nepalese"};
    static constexpr std::string_view kContent[] = {
        "zero", "nought", "naught", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
        "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "trillion", "mln", "mn", "bn", "bln", "tn", "trln", "dozen", "dozens",
        "half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth",
        "fifths", "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths",
        "tenth", "tenths", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
        "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth",
        "hundredths", "thousandth", "thousandths", "millionth", "millionths", "billionth",
        "billionths", "trillionth", "trillionths",
        "double", "doubled", "doubling", "triple", "tripled", "tripling", "treble", "trebled",
        "quadruple", "quadrupled", "quadrupling", "halve", "halved", "halving", "twofold",
        "threefold", "fourfold", "fivefold", "tenfold", "sixfold", "sevenfold", "eightfold",
        "ninefold", "twentyfold", "hundredfold", "quintuple", "quintupled", "twice", "thrice",
        "tens", "hundreds", "thousands", "millions", "billions", "trillions",
        "year", "years", "decade", "decades", "month", "months", "week", "weeks", "day", "days"};
    static constexpr std::string_view kFiller[] = {
        "than", "excess", "of", "least", "minimum", "to", "most", "maximum", "much", "many",
        "high", "average", "the", "end", "coming", "subsequent", "following", "course", "and",
        "an", "a", "estimated", "approximately", "approx", "just", "well", "about", "over",
        "above", "under", "below", "this", "next", "fiscal", "s", "or", "equal", "less",
        "more", "greater", "smaller", "lower", "higher", "larger", "bigger",
        // the currency name of "US dollars 612 million", "Sri Lankan rupees 5 billion"
        "dollars", "dollar", "rupees", "rupee", "lankan", "kong",
        "few", // "a few hundred"
        "cent"}; // "per cent of twenty-two"

public:
    // A follower word too long for a key: then every long word counts as one.
    bool long_follower() const { return long_follower_; }

private:
    bool long_follower_ = false;
    std::array<std::uint64_t, size> keys_{};
    std::array<std::uint8_t, size> classes_{};
};

const WordTable& word_table() {
    static const WordTable table;
    return table;
}

// Whether the '>' at i closes a "<...>" tag (a newswire ticker "<IBM>", maybe spaced).
bool tag_before(std::string_view s, std::size_t i) {
    for (std::size_t k = i; k > 0 && i - k < 40; --k) {
        const char c = s[k - 1];
        if (c == '<') return true;
        if (c == '>' || c == '\n') return false;
    }
    return false;
}

// Bytes that can begin a quantity on their own: digits, '.', '-', '$', and the lead bytes of
// the euro, rupee, pound and yen signs.
bool starts_symbol(std::string_view s, std::size_t i) {
    const unsigned char c = (unsigned char)s[i];
    const unsigned char n = i + 1 < s.size() ? (unsigned char)s[i + 1] : 0;
    switch (c) {
    case '$': return true;
    case '.': return is_digit(n);
    case '+': return (is_digit(n) || n == '.') && (i == 0 || !is_alnum((unsigned char)s[i - 1]));
    case '-': return is_digit(n) || n == '$' || n == '.';
    case '<':
    case '>': { // ">= 30", "<-30", "< = 100"; not "<>", "=>", "=<", nor a tag "<IBM> 80386"
        if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(') return false;
        if (c == '>' && tag_before(s, i)) return false;
        std::size_t j = i + 1;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j < s.size() && s[j] == '=') ++j;
        while (j < s.size() && s[j] == ' ') ++j;
        if (j < s.size() && s[j] == '-') ++j;
        // a figure, or a dollar figure: "investments >$ 50 million"
        return j < s.size() && (is_digit((unsigned char)s[j]) || (s[j] == '$' && j + 1 < s.size() &&
                                (is_digit((unsigned char)s[j + 1]) || s[j + 1] == ' ')));
    }
    case 0xE2: // € ₹, ≥ ≤, ⅓ ... ⅞
        return n == 0x82 ||
               (n == 0x89 && i + 2 < s.size() &&
                ((unsigned char)s[i + 2] == 0xA4 || (unsigned char)s[i + 2] == 0xA5)) ||
               (n == 0x85 && i + 2 < s.size() && (unsigned char)s[i + 2] >= 0x90 &&
                (unsigned char)s[i + 2] <= 0x9E && (i == 0 || !is_alnum((unsigned char)s[i - 1])));
    case 0xC2: // £ ¥, ¼ ½ ¾ (not glued to a word)
        return n == 0xA3 || n == 0xA5 ||
               ((n == 0xBC || n == 0xBD || n == 0xBE) && (i == 0 || !is_alnum((unsigned char)s[i - 1])));
    default: return false;
    }
}

// A digit run that is a time, a date, a phone number or a version, not a figure:
// "10:30", "5/17/2018", "02-11-2025", "555-1234", "192.168.1.2".
bool not_a_figure(std::string_view s, std::size_t i) {
    std::size_t groups = 1, dashes = 0, slashes = 0, dots = 0, first_len = 0, len = 0;
    bool dash_first = false;
    std::size_t lens[8] = {};
    int values[3] = {}; // the first three groups, up to two digits ("3/4", "7-3/4")
    for (; i < s.size(); ++i) {
        const unsigned char c = (unsigned char)s[i];
        if (is_digit(c)) {
            if (groups <= 3 && len < 2) values[groups - 1] = values[groups - 1] * 10 + (c - '0');
            ++len;
            continue;
        }
        const bool sep = c == ':' || c == '-' || c == '/' || c == '.';
        if (!sep || i + 1 >= s.size() || !is_digit((unsigned char)s[i + 1]) || len == 0) break;
        if (c == ':') return true;
        dash_first = dash_first || (c == '-' && slashes == 0);
        dashes += c == '-';
        slashes += c == '/';
        dots += c == '.';
        if (groups <= 8) lens[groups - 1] = len;
        if (groups == 1) first_len = len;
        ++groups;
        len = 0;
    }
    if (groups <= 8) lens[groups - 1] = len;
    // "7-3/4 pct", "104-3/8": a whole number and a fraction, the wire's rate and bond quotes
    if (dashes == 1 && slashes == 1 && dots == 0 && groups == 3 && lens[1] <= 2 && lens[2] <= 2 &&
        dash_first && quantity::fraction_shaped(values[1], values[2]))
        return false;
    if (dashes + slashes >= 2 || dots >= 2) return true;
    // "3/4", "7/16": a fraction the grammar reads (and the scanner may still call a date)
    if (slashes == 1 && groups == 2 && first_len <= 2 && lens[1] <= 2)
        return !quantity::fraction_shaped(values[0], values[1]);
    if (slashes == 1 && first_len <= 2 && lens[1] <= 2) return true;
    if (dashes == 1 && first_len == 3 && lens[1] == 4) return true;
    return false;
}

// The word that ends just before byte `end` (skipping spaces), lower-cased, with its start.
std::string_view previous_word(std::string_view s, std::size_t end, std::size_t* start = nullptr) {
    std::size_t e = end;
    while (e > 0 && s[e - 1] == ' ') --e;
    std::size_t b = e;
    while (b > 0 && (is_alnum((unsigned char)s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '#'))
        --b;
    if (start) *start = b;
    return s.substr(b, e - b);
}

std::string_view next_word(std::string_view s, std::size_t begin) {
    std::size_t b = begin;
    while (b < s.size() && s[b] == ' ') ++b;
    std::size_t e = b;
    while (e < s.size() && (is_alnum((unsigned char)s[e]) || s[e] == '.' || s[e] == '\'')) ++e;
    return s.substr(b, e - b);
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

bool is_month(std::string_view w) {
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    return one_of(w, {"january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "jan", "feb", "mar",
                      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"});
}

// Words before "from A to B" / "A to B" that make it a change, two figures, not a range.
bool is_change_verb(std::string_view w) {
    return one_of(w, {"rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls",
                      "falling", "fallen", "increased", "increase", "increases", "increasing",
                      "decreased", "decrease", "jumped", "jump", "climbed", "climb", "grew",
                      "grow", "growing", "dropped", "drop", "declined", "decline", "up", "down",
                      "cut", "cuts", "raised", "raise", "raising", "lowered", "lower", "reduced",
                      "reduce", "widened", "narrowed", "slipped", "slid", "surged", "soared",
                      "plunged", "eased", "edged", "moved", "changed", "revised", "boosted",
                      "hiked", "lifted", "expanded", "shrank", "tumbled", "went", "go"});
}

// Verbs that make "from A to B" a change but not "A to B": "gained 1 to 2%" is a range of gains.
bool is_from_change_verb(std::string_view w) {
    return is_change_verb(w) ||
           one_of(w, {"gained", "gain", "gains", "gaining", "added", "adds", "lost", "loses",
                      "losing", "advanced", "rallied", "slumped", "sank", "dipped", "firmed",
                      "weakened", "strengthened", "appreciated", "depreciated", "climbing",
                      "jumping", "soaring", "raises", "hikes", "hiking", "lifting", "cutting",
                      "slashed", "slashing", "trimmed", "increasing", "widening", "narrowing"});
}

// A change verb up to six words before `begin` in the same clause: "raising female
// labour-force participation from 31.6% to 40%". With `need_by`, a "by" must stand between
// them: "increase by a record 2.8 mln tonnes to ...", but not "tariff increases of 8% to 30%".
// With `across_comma`, the verb may stand before one comma and a percentage, ten words back:
// "surged 102.9% year on year, from $ 463 million to $939 million".
bool change_verb_before(std::string_view s, std::size_t begin, bool need_by = false, bool across_comma = false) {
    std::size_t pos = begin;
    bool by = false, comma = false;
    for (int k = 0; k < 10; ++k) {
        std::size_t start = 0;
        const std::string_view w = previous_word(s, pos, &start);
        if (w.empty() && across_comma && start > 0 && ((s[start - 1] == ',' && !comma) || s[start - 1] == '%')) {
            comma = comma || s[start - 1] == ',';
            pos = start - 1;
            continue;
        }
        if (w.empty()) return false; // punctuation ends the clause
        if (k >= 6 && !comma) return false;   // six words back; ten only across the comma
        by = by || w == "by";
        if (is_from_change_verb(w)) return by || !need_by;
        pos = start;
        if (pos > 0 && s[pos - 1] == '-') --pos; // "labour-force": two words of one clause
    }
    return false;
}

// The typed units of goods: a count of these, never money.
bool is_goods_unit(std::string_view unit) {
    return one_of(unit, {"tonne", "kilogram", "barrel", "barrel_per_day", "bushel", "teu",
                         "container", "vehicle", "unit"});
}

struct Scanner {
    std::string_view original;
    std::string_view text; // prepared
    const QuantityOptions& options;
    std::vector<Quantity> out;
    // Where the last "from A to B" read as a change ended (change_list_goes_on()).
    std::size_t last_change_end = std::string_view::npos;

    // --- conversion of grammar output

    // "$" and "Rs" are the article's dollar and rupee (QuantityOptions).
    std::string_view unit_name(std::string_view name) const {
        if (name == "$") return options.default_dollar;
        if (name == "Rs") return options.default_rupee;
        return name;
    }
    static QuantityType type_of(std::string_view unit) {
        if (unit.empty()) return QuantityType::number;
        if (is_goods_unit(unit)) return QuantityType::number; // "300,000 barrels per day"
        if (unit == "percent" || unit == "percentage_point") return QuantityType::percent;
        if (unit == "multiplier") return QuantityType::multiplier;
        if (unit == "year" || unit == "month" || unit == "week" || unit == "day")
            return QuantityType::duration;
        return QuantityType::money;
    }
    static double measure_value(const Measure& m) {
        const double v = m.number.value * m.unit.scale;
        return m.negative ? -v : v;
    }
    static bool year_like(const Measure& m) {
        return !m.has_unit && m.number.plain_integer && m.number.digits == 4 && !m.negative &&
               m.number.value >= 1900 && m.number.value <= 2100;
    }
    std::size_t offset(const char* p) const { return std::size_t(p - text.data()); }
    std::size_t trimmed_end(const char* b, const char* e) const {
        while (e > b && e[-1] == ' ') --e;
        return offset(e);
    }

    Quantity from_measure(const Measure& m) const {
        Quantity q;
        q.bytes = {offset(m.begin), trimmed_end(m.begin, m.end)};
        q.unit = unit_name(m.unit.name);
        q.type = type_of(q.unit);
        q.value = q.low = q.high = measure_value(m);
        q.exponent = m.number.exponent + m.unit.scale_exp;
        if (year_like(m)) {
            q.type = QuantityType::year;
            q.unit = "year";
        }
        return q;
    }

    static void apply_qualifier(Quantity& q, Qualifier qual) {
        q.qualifier = qual;
        switch (qual) {
        case Qualifier::more_than:
        case Qualifier::at_least: q.high = unbounded; break;
        case Qualifier::less_than:
        case Qualifier::at_most: q.low = -unbounded; break;
        default: break;
        }
    }

    // "between 4 and 6.5 billion euros": the low end takes the high end's unit and magnitude.
    static bool is_percent(const Measure& m) {
        return m.has_unit && (m.unit.name == "percent" || m.unit.name == "percentage_point");
    }

    static void inherit(Measure& low, Measure& high) {
        // A percentage never takes a magnitude: "dropped 36 pct to 160 mln crowns" is two figures
        // of different kinds, and neither lends the other its unit or its "mln".
        if (is_percent(low) != is_percent(high) && (low.number.has_magnitude || high.number.has_magnitude)) return;
        if (!low.has_unit && high.has_unit) {
            low.unit = high.unit;
            low.has_unit = true;
        } else if (low.has_unit && !high.has_unit) {
            high.unit = low.unit;
            high.has_unit = true;
        }
        if (!is_percent(low) && !low.number.has_magnitude && high.number.has_magnitude &&
            low.number.value < high.number.value / std::pow(10.0, high.number.magnitude)) {
            low.number.value *= std::pow(10.0, high.number.magnitude);
            low.number.exponent += high.number.magnitude;
            low.number.has_magnitude = true;
            low.number.plain_integer = false;
        }
    }

    // "2-0", "3-1": a score, not a range (a range never runs downwards).
    static bool is_score(const Match& m) {
        auto small = [](const Measure& x) {
            return !x.has_unit && x.number.plain_integer && x.number.digits <= 2 && !x.negative;
        };
        return !m.maybe_change && m.qualifier != Qualifier::between && small(m.low) &&
               small(m.high) && m.high.number.value <= m.low.number.value;
    }

    // "will increase tariffs from 25 percent to 100 percent on EVs, ..., from 7.5 percent to 25
    // percent on batteries and from 25 percent to 50 percent on photovoltaic cells": a "from A
    // to B" listed after one that was a change, in the same sentence, is a change too.
    bool change_list_goes_on(std::size_t begin) const {
        if (last_change_end == std::string_view::npos || begin < last_change_end || begin - last_change_end > 240)
            return false;
        const std::string_view between = text.substr(last_change_end, begin - last_change_end);
        for (std::size_t i = 0; i < between.size(); ++i) {
            const char c = between[i];
            if (c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') return false;
            if (c == '.' && (i + 1 == between.size() || between[i + 1] == ' ')) return false;   // not "102.5"
        }
        return between.find(',') != std::string_view::npos || between.find(" and ") != std::string_view::npos;
    }

    void convert_range(Match m, std::size_t begin, std::size_t end) {
        if (is_score(m)) return;
        // "1989-93": a span of years, the second in two digits (the grammar's year_tail reads
        // only consecutive years).
        if (year_like(m.low) && !m.high.has_unit && m.high.number.plain_integer &&
            m.high.number.digits == 2 && !m.maybe_change) {
            const double lo = m.low.number.value;
            const double hi = lo - std::fmod(lo, 100) + m.high.number.value;
            if (hi > lo) {
                Quantity q = from_measure(m.low);
                q.bytes = {begin, end};
                q.high = hi;
                out.push_back(q);
                return;
            }
        }
        const bool years = year_like(m.low) && year_like(m.high);
        // "gained 0.68 per cent to 3,005.47": a unit on the first figure only is a change and
        // then a level ("4 to 6 percent" puts the unit on the second).
        const bool low_had_unit = m.low.has_unit;
        // A unit printed before the figure ("$6.8 to 6.9 billion") is the whole range's.
        const bool level_after = m.maybe_change && !m.from_to && low_had_unit &&
                                 !m.low.unit_before && !m.high.has_unit;
        // "from US$ 2.5 billion in 2013 to US$ 3.6 billion to 2022": a bare year after "to" a
        // sum of millions is a year, not the sum's other end.
        const bool year_after = !m.high.has_unit && year_like(m.high) && !year_like(m.low) && measure_value(m.low) > 1e6;
        if (!years && !level_after && !year_after) inherit(m.low, m.high);
        const double lo = measure_value(m.low), hi = measure_value(m.high);
        std::string_view before = previous_word(text, begin);
        // "increased by $12.5 billion to $310.2 billion", "increase by a record 2.8 mln tonnes
        // to 71.8 mln tonnes": with its own unit, the first figure of "A to B" after a change
        // verb a few words back is the change, the second the level. Without one it is the low
        // end of a range of changes: "reduce by 65 to 70 pct", "gained 1 to 2%".
        const bool change =
            m.maybe_change && (is_change_verb(before) || level_after ||
                               (m.from_to && change_verb_before(text, begin, false, true)) ||
                               (m.from_to && change_list_goes_on(begin)) ||
                               (low_had_unit && change_verb_before(text, begin, true)));
        if (change && m.from_to) last_change_end = end;
        if (change || hi < lo || m.low.unit.name != m.high.unit.name) {
            // Two figures: a change ("rose from 5% to 7%") or not a range at all.
            Quantity a = from_measure(m.low), b = from_measure(m.high);
            if (m.qualifier != Qualifier::between) apply_qualifier(a, m.qualifier);
            out.push_back(a);
            out.push_back(b);
            return;
        }
        Quantity q = from_measure(m.high);
        q.bytes = {begin, end};
        q.low = lo;
        q.high = hi;
        q.value = (lo + hi) / 2;
        q.exponent = std::min(m.low.number.exponent + m.low.unit.scale_exp, q.exponent);
        q.qualifier = Qualifier::between;
        if (years) {
            q.type = QuantityType::year;
            q.unit = "year";
            q.value = lo;
        }
        out.push_back(q);
    }

    void convert(const Match& m, std::size_t begin, std::size_t end) {
        Quantity q;
        q.bytes = {begin, end};
        switch (m.form) {
        case Form::range: convert_range(m, begin, end); return;
        case Form::amount: {
            q = from_measure(m.low);
            const bool year = q.type == QuantityType::year;
            if (year && m.qualifier != Qualifier::exact && !m.qualifier_is_over) {
                q.type = QuantityType::number; // "more than 2000 workers"
                q.unit.clear();
            }
            if (year && m.qualifier_is_over) {
                out.push_back(q); // "grew 5% over 2023": the qualifier is a preposition
                return;
            }
            q.bytes = {begin, end};
            apply_qualifier(q, m.qualifier);
            break;
        }
        case Form::year:
        case Form::year_span:
            q.type = QuantityType::year;
            q.unit = "year";
            q.value = q.low = q.high = m.low.number.value;
            if (m.form == Form::year_span) q.high = m.high.number.value;
            q.relation = m.relation;
            break;
        case Form::horizon:
            q.type = QuantityType::duration;
            q.unit = m.low.unit.name;
            q.value = q.low = q.high = m.low.number.value * m.low.unit.scale;
            q.exponent = m.low.number.exponent + m.low.unit.scale_exp;
            q.relation = TimeRelation::within_next;
            break;
        case Form::relative:
        case Form::end_of_decade:
            q.type = QuantityType::year;
            q.unit = "year";
            q.value = q.low = q.high = m.horizon;
            q.relation = m.relation;
            break;
        }
        out.push_back(q);
    }

    // --- what only looks like a figure

    // A number with no unit and no qualifier, as printed: the kind that may be a date, a
    // list marker or a model number.
    static bool bare(const Match& m) {
        return m.form == Form::amount && m.qualifier == Qualifier::exact && !m.qualified &&
               !m.low.has_unit &&
               !m.low.number.has_magnitude && !m.low.negative;
    }

    bool sentence_start(std::size_t word_start) const {
        std::size_t p = word_start;
        while (p > 0 && text[p - 1] == ' ') --p;
        if (p == 0) return true;
        const char c = text[p - 1];
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == '(' ||
               c == ':' || c == ';' || c == '-' || original[p - 1] == '\n' ||
               (unsigned char)c >= 0x80;
    }

    bool drop_bare(const Match& m, std::size_t begin, std::size_t end) const {
        // "+94 11 2345678": a '+' keeps only a figure with a unit ("+0.3%", "+$5").
        if (m.low.plus && !m.low.has_unit && !m.high.has_unit) return true;
        if (!bare(m)) return false;
        const double v = m.low.number.value;
        std::size_t word_start = 0;
        const std::string_view prev = previous_word(text, begin, &word_start);
        const std::string_view next = next_word(text, end);
        const bool small_int = m.low.number.plain_integer && v <= 31;
        // "on 3/4", "Tuesday 1/2", "3/4 March": a date, not three quarters.
        if (m.low.number.slash && slash_date(prev, next)) return true;
        // "File Photo [1/2]": a picture's place in a gallery.
        if (m.low.number.slash && begin > 0 && text[begin - 1] == '[') return true;
        // Dates: "Dec. 7", "November 22", "22 November" ("May" only capitalised).
        if (small_int && is_month(prev) && (prev != "may" || original[word_start] == 'M'))
            return true;
        if (small_int && is_month(next) && next != "may") return true;
        // Times: "9 a.m.", "10 pm", "8 GMT".
        if (one_of(next, {"a.m.", "p.m.", "a.m", "p.m", "am", "pm", "gmt", "edt", "est", "bst",
                          "cet", "o'clock", "hrs", "hours."}))
            return next != "hours." || true;
        // Citations and footnote markers: "[3]", "the country or not.”3 He", "only 17%12.";
        // a list marker or a typo glued to the next sentence: "3.Income", "1776.What".
        if (m.low.number.plain_integer && !m.low.number.spelled) {
            if (begin > 0 && text[begin - 1] == '[' && end < text.size() && text[end] == ']') return true;
            const unsigned char b = begin > 0 ? (unsigned char)text[begin - 1] : ' ';
            if (b == '%' || (b >= 0x80 && begin >= 3 && text.substr(begin - 3, 3) == "\xE2\x80\x9D"))
                return true;
            if (end + 1 < text.size() && text[end] == '.' && original[end + 1] >= 'A' &&
                original[end + 1] <= 'Z')
                return true;
        }
        // "No. 1", "#3", "nr. 22".
        if (one_of(prev, {"no.", "nos.", "nr.", "#", "number", "num."})) return true;
        if (begin > 0 && text[begin - 1] == '#') return true;
        // The pronoun "one": "the one you mentioned", "one of the largest".
        if (m.low.number.spelled && v == 1 &&
            (one_of(prev, {"the", "this", "that", "which", "no", "any", "each", "every",
                           "another", "a"}) || next == "of" || next == "another"))
            return true;
        // The tens of a spaced ordinal: "its twenty fifth anniversary", "the twenty first century".
        if (m.low.number.spelled && one_of(next, {"first", "second", "third", "fourth", "fifth", "sixth",
                                                  "seventh", "eighth", "ninth"}))
            return true;
        // An ordinal, not a fraction: "the one hundredth anniversary", "its one thousandth".
        if (m.low.number.spelled && v > 0 && v < 0.095 && text.substr(begin, 3) == "one" &&
            next != "of" && one_of(prev, {"the", "its", "his", "her", "their", "our", "this", "that"}))
            return true;
        if (!m.low.number.spelled && m.low.number.plain_integer) {
            // List markers: "1." or "2)" starting a line, "(3)".
            const bool paren = begin > 0 && text[begin - 1] == '(' && end < text.size() &&
                               text[end] == ')';
            if (paren && v < 100) return true;
            // A marker heads text on its own line: "192." alone on a line is a figure.
            if (end < text.size() && (text[end] == '.' || text[end] == ')') &&
                text_on_line_after(end + 1) && line_start(begin))
                return true;
            // Model numbers after a proper noun: "Boeing 737", "Section 232". At the start of a
            // sentence every word is capitalised, so there the word must also not be a common
            // one ("About 150", "Only 12", "Some 40").
            if (!year_like(m.low) && !prev.empty() && has_upper(original.substr(word_start, prev.size())) &&
                !is_month(prev) &&
                (!sentence_start(word_start) || (m.low.number.digits >= 3 && proper_noun_like(prev))))
                return true;
        }
        return false;
    }

    // The words around a bare digit fraction that make it a date: a preposition of time or a
    // day before it, a month or a year after it.
    static bool slash_date(std::string_view prev, std::string_view next) {
        if (one_of(prev, {"on", "since", "until", "till", "by", "from", "dated", "before", "after",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                          "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "date",
                          "due", "ending", "ended"}))
            return true;
        return is_month(next) || (next.size() == 4 && is_digit((unsigned char)next[0]));
    }

    // "Boeing", "iPhone", "U.S.": a capital anywhere in the word.
    static bool has_upper(std::string_view w) {
        return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    }

    // A capitalised word at a sentence start that is no function word the scanner knows.
    static bool proper_noun_like(std::string_view w) {
        for (char c : w)
            if (!is_lower((unsigned char)c)) return false; // "U.S.", "No.": handled elsewhere
        if (word_table().classes(w.data(), w.size()) != 0) return false;
        return !one_of(w, {"the", "all", "only", "and", "but", "or", "so", "with", "for", "of",
                           "to", "at", "after", "before", "since", "each", "every", "its",
                           "their", "his", "her", "our", "these", "those", "that", "than", "like",
                           "total", "and", "plus", "another", "another", "if", "when", "while",
                           "although", "though", "because", "as", "per", "for", "nearly", "then",
                           "now", "today", "yesterday", "overall", "combined", "respectively",
                           "vs", "versus", "against", "including", "excluding", "net", "also",
                           // newswire table abbreviations: "Shr 10 cts", "Revs 150 mln"
                           "shr", "shrs", "revs", "rev", "sales", "qtr", "avg", "oper", "div",
                           "pay", "loss", "profit", "record", "gross", "note", "notes", "exports",
                           "imports", "production", "output", "stocks"});
    }

    // Whether, from p, a space and then something other than a line's end follow.
    bool text_on_line_after(std::size_t p) const {
        if (p >= original.size() || (original[p] != ' ' && original[p] != '\t')) return false;
        while (p < original.size() && (original[p] == ' ' || original[p] == '\t')) ++p;
        return p < original.size() && original[p] != '\n' && original[p] != '\r';
    }

    bool line_start(std::size_t p) const {
        while (p > 0 && (original[p - 1] == ' ' || original[p - 1] == '\t')) --p;
        return p == 0 || original[p - 1] == '\n' || original[p - 1] == '\r';
    }

    // "a deficit of (71.5)": accounting negatives, decimals or thousands only.
    void accounting_negative(Quantity& q, const Match& m) const {
        if (!bare(m) || m.low.number.plain_integer || m.low.number.spelled) return;
        if (q.bytes.start == 0 || text[q.bytes.start - 1] != '(') return;
        if (q.bytes.end >= text.size() || text[q.bytes.end] != ')') return;
        q.value = q.low = q.high = -q.value;
        q.bytes.start -= 1;
        q.bytes.end += 1;
    }

    // "10 million euros (approximately C$16 million)": the second restates the first.
    void link_restatement(std::size_t first_new) {
        if (first_new == 0 || first_new >= out.size()) return;
        const Quantity& a = out[first_new - 1];
        Quantity& b = out[first_new];
        if (a.type != QuantityType::money || b.type != QuantityType::money) return;
        std::size_t p = a.bytes.end;
        while (p < b.bytes.start && text[p] == ' ') ++p;
        if (p >= b.bytes.start || text[p] != '(') return;
        ++p;
        while (p < b.bytes.start && text[p] == ' ') ++p;
        if (p == b.bytes.start) b.same_as = int(first_new - 1);
    }

    // --- the walk

    // Past a token that did not parse: the rest of its letters, digits and inner separators.
    std::size_t skip_token(std::size_t i) const {
        if (i < text.size() && !is_alnum((unsigned char)text[i])) return i + 1;
        return skip_token_rest(i);
    }
    // The same from inside the token (after its first letters).
    std::size_t skip_token_rest(std::size_t i) const {
        const std::size_t n = text.size();
        while (i < n) {
            const unsigned char c = (unsigned char)text[i];
            if (is_alnum(c)) { ++i; continue; }
            const bool inner = c == '.' || c == ',' || c == ':' || c == '/' || c == '-' ||
                               c == '^' || c == '\'';
            if (inner && i + 1 < n && is_alnum((unsigned char)text[i + 1])) { i += 2; continue; }
            break;
        }
        return i;
    }

    // Is position i (a digit) glued to what precedes it: "G7", "COVID-19", "+1", "1.2.3"?
    bool glued_before(std::size_t i) const {
        if (i == 0) return false;
        const unsigned char p = (unsigned char)text[i - 1];
        if (is_alnum(p) || p == '^' || p == '#' || p == '_') return true;
        if (p == '+') return true; // read from the '+' itself (a sign), never from its digit
        if ((p == '-' || p == '/' || p == '.') && i >= 2) {
            const unsigned char pp = (unsigned char)text[i - 2];
            return is_alnum(pp);
        }
        return false;
    }

    // A figure that stands alone ("150 companies", "1,783.9,"), read without X3: its digits
    // as digits_text reads them, then the end of the text, a closing mark, a full stop, or a
    // space and a word that nothing in the grammar continues a figure with (see
    // WordClass::follows). Anything else is left to the grammar. Gives the Match X3 gives.
    bool plain_figure(std::size_t i, std::size_t limit, Match& m, const char*& first) const {
        const std::size_t n = limit;
        std::size_t p = i;
        while (p < n && is_digit((unsigned char)text[p])) ++p;
        while (p + 3 < n && text[p] == ',' && is_digit((unsigned char)text[p + 1]) &&
               is_digit((unsigned char)text[p + 2]) && is_digit((unsigned char)text[p + 3]) &&
               !(p + 4 < n && is_digit((unsigned char)text[p + 4])))
            p += 4;
        // "12,34,567": Indian grouping is the grammar's (digits_text).
        if (p + 3 < n && text[p] == ',' && is_digit((unsigned char)text[p + 1]) &&
            is_digit((unsigned char)text[p + 2]) && text[p + 3] == ',')
            return false;
        if (p + 1 < n && text[p] == '.' && is_digit((unsigned char)text[p + 1])) {
            p += 2;
            while (p < n && is_digit((unsigned char)text[p])) ++p;
        }
        Measure low;
        std::size_t end = p; // end of what is read
        if (p < n) {
            const char c = text[p];
            if (c == ' ') {
                // Up to a magnitude and a unit from the commonest newswire forms ("150 mln",
                // "12 pct", "1.5 billion dlrs", "20 mln yen"): a word is read only when the
                // grammar could read nothing longer there, else the grammar decides.
                int stage = 0; // 0: after the digits, 1: after a magnitude, 2: after a unit
                std::size_t q = p;
                while (true) {
                    std::size_t w = q;
                    while (w < n && text[w] == ' ') ++w;
                    std::size_t e = w;
                    while (e < n && is_lower((unsigned char)text[e])) ++e;
                    if (e == w) {
                        // "March 19 - The": a spaced dash before a word no figure starts with
                        // ends the figure (the grammar reads "19 - 20", "19 - twenty" as ranges)
                        if (w > q && w < n && text[w] == '-' && dash_then_word(w + 1, n)) break;
                        // not a word: a dash may start a range, anything else ends the figure
                        if (w == q || stage == 0) return false;
                        const unsigned char d = (unsigned char)text[w];
                        if (w < n && (d == '-' || d >= 0x80 || d == '(' || d == '%' || d == '$' ||
                                      is_digit(d)))
                            return false;
                        break;
                    }
                    if (e < n && (is_digit((unsigned char)text[e]) || text[e] == '_')) return false;
                    const std::string_view word = text.substr(w, e - w);
                    const WordTable& table = word_table();
                    if (e - w > WordTable::max_letters && table.long_follower()) return false;
                    if (!(table.classes(text.data() + w, e - w) & follows)) break;
                    if (word == "in" || word == "over" || word == "out") {
                        if (stage == 0 && ratio_may_follow(word, e)) return false;
                        break; // "150 mln dlrs in 1986": the figure ends
                    }
                    const int magnitude = stage == 0 ? newswire_magnitude(word) : -1;
                    const std::string_view unit = stage < 2 ? newswire_unit(word, e) : std::string_view();
                    if (magnitude > 0) {
                        stage = 1;
                        low.number.has_magnitude = true; // applied below
                        low.number.magnitude = magnitude;
                    } else if (!unit.empty()) {
                        stage = 2;
                        low.unit = quantity::ast::Unit{unit};
                        low.has_unit = true;
                    } else {
                        return false; // "to", "or", "and", other units: the grammar
                    }
                    end = e;
                    q = e;
                    if (q >= n || text[q] != ' ') {
                        // glued to what follows: only a closing mark or a full stop
                        const unsigned char d = q < n ? (unsigned char)text[q] : ' ';
                        if (q < n && !(d == ',' || d == ';' || d == ')' || d == '"' || d == '\'' ||
                                       (d == '.' && !(q + 1 < n && is_alnum((unsigned char)text[q + 1])))))
                            return false;
                        break;
                    }
                }
            } else if (c == '.') {
                if (p + 1 < n && is_digit((unsigned char)text[p + 1])) return false;
            } else if (c != ',' && c != ';' && c != ')' && c != '"' && c != '\'') {
                return false;
            }
        }
        const bool has_magnitude = low.number.has_magnitude;
        const int magnitude = low.number.magnitude;
        if (!quantity::digits_to_numeral(text.data() + i, text.data() + p, low.number)) return false;
        if (has_magnitude) { // as apply_magnitude()
            low.number.value *= std::pow(10.0, magnitude);
            low.number.exponent += magnitude;
            low.number.has_magnitude = true;
            low.number.magnitude = magnitude;
            low.number.plain_integer = false;
        }
        low.begin = text.data() + i;
        low.end = text.data() + end;
        m = Match{};
        m.low = low;
        first = low.end;
        return true;
    }

    // Whether a spaced magnitude word follows at p: "quarter million".
    bool magnitude_at(std::size_t p) const {
        std::string_view w = next_word(text, p);
        std::size_t letters = 0;
        while (letters < w.size() && is_lower((unsigned char)w[letters])) ++letters;
        w = w.substr(0, letters); // "quarter million."
        return p < text.size() && text[p] == ' ' &&
               one_of(w, {"thousand", "million", "billion", "trillion", "mln", "bn", "lakh", "crore"});
    }

    // After "in", "over" or "out" (ending at e), whether a ratio's denominator may follow: a
    // digit or a number word ("1 in 5", "2 in every ten", "1 out of three").
    bool ratio_may_follow(std::string_view word, std::size_t e) const {
        std::string_view next = next_word(text, e);
        if (word == "out") {
            if (next != "of") return false;
            next = next_word(text, std::size_t(next.data() - text.data()) + 2);
        }
        if (next == "every") next = next_word(text, std::size_t(next.data() - text.data()) + 5);
        if (next.empty()) return false;
        if (is_digit((unsigned char)next[0])) return true;
        std::size_t letters = 0;
        while (letters < next.size() && is_lower((unsigned char)next[letters])) ++letters;
        return (word_table().classes(next.data(), letters) & content) != 0;
    }

    // After a dash at p: spaces, then a word that begins nothing the grammar reads (no number
    // word, currency prefix or sign): "- The", "- Shr", "- Qtly".
    bool dash_then_word(std::size_t p, std::size_t n) const {
        if (p >= n || text[p] != ' ') return false;
        while (p < n && text[p] == ' ') ++p;
        std::size_t e = p;
        while (e < n && is_lower((unsigned char)text[e])) ++e;
        if (e == p || e - p > WordTable::max_letters) return false;
        if (e < n && (is_digit((unsigned char)text[e]) || text[e] == '$' || text[e] == '_'))
            return false;
        return (word_table().classes(text.data() + p, e - p) & (start | content)) == 0;
    }

    // The spaced magnitudes plain_figure reads itself (a subset of the grammar's).
    static int newswire_magnitude(std::string_view w) {
        if (w == "mln" || w == "million") return 6;
        if (w == "billion" || w == "bln") return 9;
        if (w == "thousand") return 3;
        if (w == "trillion") return 12;
        return -1;
    }
    // The units plain_figure reads itself, when no longer unit starts with the word: "pct"
    // but not "pct points", "dlrs" but not "dlrs" after a nationality (that is a follower word
    // and goes to the grammar before this is reached).
    std::string_view newswire_unit(std::string_view w, std::size_t e) const {
        if (w == "pct" || w == "percent") {
            const std::string_view after = next_word(text, e);
            if (after.substr(0, 5) == "point") return {};
            return "percent";
        }
        if (w == "dlrs" || w == "dlr" || w == "dollars" || w == "dollar") return "$";
        if (w == "yen") return "JPY";
        // as the grammar's currency_noun and resolve_currency read them with no nationality
        if (w == "stg") return "GBP";
        if (w == "marks") return "DEM";
        if (w == "francs") return "FRF";
        if (w == "lire") return "ITL";
        return {};
    }

    // Where the paragraph holding byte i ends: the next blank line (a line holding only
    // whitespace), else the text's end. Positions only grow, so one forward search serves all.
    std::size_t paragraph_end_ = 0;
    std::size_t paragraph_end(std::size_t i) {
        if (i < paragraph_end_) return paragraph_end_;
        const std::size_t n = original.size();
        for (std::size_t p = original.find('\n', i); ; p = original.find('\n', p + 1)) {
            if (p == std::string_view::npos) return paragraph_end_ = n;
            std::size_t q = p + 1;
            while (q < n && (original[q] == ' ' || original[q] == '\t' || original[q] == '\r')) ++q;
            if (q < n && original[q] == '\n') return paragraph_end_ = p;
        }
    }

    bool try_at(std::size_t i, std::size_t& next) {
        const char* first = text.data() + i;
        // Bound the window: a quantity phrase is short and never crosses a blank line ("-1" and
        // "-4" in two paragraphs are two numbers), and the bound keeps pathological input (a
        // megabyte of digits) linear.
        const std::size_t limit = std::min({text.size(), i + 4096, paragraph_end(i)});
        const char* last = text.data() + limit;
        Match m;
        const bool plain = is_digit((unsigned char)text[i]) && plain_figure(i, limit, m, first);
        if (!plain && !quantity::parse_quantity(first, last, m)) return false;
        const std::size_t end = trimmed_end(text.data() + i, first);
        if (end <= i) return false;
        next = end;
        if (drop_bare(m, i, end)) return true;
        const std::size_t before = out.size();
        convert(m, i, end);
        if (out.size() == before + 1) accounting_negative(out.back(), m);
        link_restatement(before);
        return true;
    }

    // After a start word that is not itself a number: can a quantity follow? Reads on over
    // start and filler words (see WordTable). Anything it does not understand answers yes, so
    // the filter never hides a quantity X3 would read.
    bool worth_trying(std::size_t p) const {
        const std::size_t n = text.size();
        const WordTable& table = word_table();
        {
            // Start words that only begin fixed phrases: the next word must continue one.
            std::size_t e = p;
            while (e < n && is_lower((unsigned char)text[e])) ++e;
            if (e < n && text[e] == ' ') {
                const std::string_view w = text.substr(p, e - p);
                std::string_view next = next_word(text, e);
                std::size_t letters = 0;
                while (letters < next.size() && is_lower((unsigned char)next[letters])) ++letters;
                next = next.substr(0, letters); // "a half." ends a sentence
                if (!phrase_continues(w, next)) return false;
                if (!digits_continue(w, e)) return false;
            }
        }
        for (int words = 0; words < 10; ++words) {
            while (p < n && text[p] == ' ') ++p;
            if (p >= n) return false;
            const unsigned char c = (unsigned char)text[p];
            if (!is_lower(c)) {
                switch (c) {
                case ',': case ';': case ':': case ')': case '"': case '\'': case '?': case '!':
                case '/': case '[': case ']': case '{': case '}': case '=': case '*': case '&':
                case '@': case '|':
                    return false;
                default: return true; // a digit, '$', '-', '.', a sign, ...
                }
            }
            std::size_t e = p;
            while (e < n && is_lower((unsigned char)text[e])) ++e;
            const std::uint8_t cls = table.classes(text.data() + p, e - p);
            if (cls & content) return true;
            if (!(cls & (start | filler))) return false;
            if (e < n && text[e] == '.') {
                // "u.s." and "approx." read on; any other word ends with its full stop.
                const std::string_view w = text.substr(p, e - p);
                if (w == "u" && e + 2 < n && text[e + 1] == 's') {
                    e += 2;
                    if (e < n && text[e] == '.') ++e;
                } else if (w == "approx" || w == "rs") {
                    ++e;
                } else {
                    return false;
                }
            }
            if (e < n && text[e] != ' ') return true; // "us$", "c$", "one-third", ...
            p = e;
        }
        return true;
    }

    // A time or range word before digits: "in"/"by"/"during"/... begin a time phrase only
    // before a year ("in 2024", "by 2030") or, for "in"/"within", a count of periods ("in 3
    // years"); "from" only a range with "to" ("from 10 to 25"). Otherwise the grammar would fail
    // there and the scanner read the figure from its digits anyway: "in 1986 dlrs" is tried at
    // "1986". True when the word is none of these or no digit follows.
    bool digits_continue(std::string_view w, std::size_t e) const {
        const bool time = one_of(w, {"in", "by", "during", "until", "through", "within", "fiscal", "fy"});
        if (!time && w != "from") return true;
        const std::size_t n = text.size();
        std::size_t p = e;
        while (p < n && text[p] == ' ') ++p;
        if (p >= n || !is_digit((unsigned char)text[p])) return true;
        if (w == "from") { // a "to" before the clause ends
            for (std::size_t k = p; k + 3 < n && k < p + 80; ++k) {
                const char c = text[k];
                if (c == ';' || c == ':' || c == '!' || c == '?') break;
                if (c == ' ' && text[k + 1] == 't' && text[k + 2] == 'o' && text[k + 3] == ' ') return true;
            }
            return false;
        }
        std::size_t d = p;
        while (d < n && is_digit((unsigned char)text[d])) ++d;
        const bool more = d + 1 < n && (text[d] == '.' || text[d] == ',') && is_digit((unsigned char)text[d + 1]);
        if (d - p == 4 && !more) return true; // a year, maybe ("1986/87" too)
        if (w != "in" && w != "within") return false;
        std::size_t u = d;
        while (u < n && text[u] == ' ') ++u;
        std::size_t ue = u;
        while (ue < n && is_lower((unsigned char)text[ue])) ++ue;
        const std::string_view unit = text.substr(u, ue - u);
        return one_of(unit, {"year", "years", "decade", "decades", "month", "months", "week",
                             "weeks", "day", "days"}) || unit.empty();
    }

    // For start words that begin only fixed phrases in the grammar (qualifier_word, time and
    // fraction rules), whether `next` can be the phrase's second word. Other words: true.
    static bool phrase_continues(std::string_view w, std::string_view next) {
        auto any = [next](std::initializer_list<std::string_view> l) { return one_of(next, l); };
        if (w == "a")
            return any({"minimum", "maximum", "half", "halves", "third", "thirds", "quarter",
                        "quarters", "fourth", "fourths", "fifth", "fifths", "sixth", "sixths",
                        "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth",
                        "tenths", "hundred", "thousand", "million", "billion", "trillion",
                        "dozen", "few", "eleventh", "twelfth", "thirteenth", "fourteenth",
                        "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                        "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                        "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth",
                        "millionth", "billionth", "trillionth", "twenty", "thirty", "forty",
                        "fifty", "sixty", "seventy", "eighty", "ninety"});
        if (w == "an") return any({"estimated", "approximately", "average"});
        if (w == "at") return any({"least", "most"});
        if (w == "on") return any({"average"});
        if (w == "up") return any({"to"});
        if (w == "as") return any({"much", "many", "high"});
        if (w == "no" || w == "not") return any({"less", "fewer", "more", "higher"});
        if (w == "last" || w == "this" || w == "next") return any({"year"});
        if (w == "close") return any({"to"});
        if (w == "percent" || w == "percents") return any({"of"});
        if (w == "per") return any({"cent"});
        if (w == "upwards") return any({"of"});
        if (w == "more" || w == "less" || w == "greater" || w == "fewer" || w == "higher" ||
            w == "larger" || w == "bigger" || w == "lower" || w == "smaller")
            return any({"than", "or"});
        return true;
    }

    void run() {
        // 0: skipped byte; 1: letter; 2: digit; 3: '$', '.', '-', '<', '>' or a non-ASCII byte.
        static constexpr auto byte_class = [] {
            std::array<std::uint8_t, 256> t{};
            for (int c = 'a'; c <= 'z'; ++c) t[std::size_t(c)] = 1;
            for (int c = '0'; c <= '9'; ++c) t[std::size_t(c)] = 2;
            for (int c : {'$', '.', '-', '<', '>', '+'}) t[std::size_t(c)] = 3;
            for (int c = 0x80; c < 256; ++c) t[std::size_t(c)] = 3;
            return t;
        }();
        const std::size_t n = text.size();
        std::size_t i = 0;
        const WordTable& table = word_table();
        out.reserve(n / 48); // newswire prints a figure every 60 bytes or so
        while (i < n) {
            const unsigned char c = (unsigned char)text[i];
            const std::uint8_t bc = byte_class[c];
            if (bc == 0) {
                ++i;
                continue;
            }
            std::size_t next = i + 1;
            if (bc == 1) {
                // The word's end and key from one 8-byte load (the text is padded).
                const std::uint64_t x = load8(text.data() + i);
                const std::uint64_t y = x & ~high_bits;
                const std::uint64_t lower = (y + ones * (0x80 - 'a')) &
                                            ~(y + ones * (0x80 - 'z' - 1)) & ~x & high_bits;
                const std::uint64_t other = ~lower & high_bits;
                std::size_t e, len;
                std::uint8_t cls;
                if (other != 0) {
                    len = std::size_t(__builtin_ctzll(other)) / 8;
                    e = std::min(i + len, n);
                    len = e - i;
                    cls = len == 0 ? 0 : table.classes(x & (~std::uint64_t(0) >> (64 - 8 * len)));
                } else {
                    e = i + 8;
                    while (e < n && is_lower((unsigned char)text[e])) ++e;
                    len = e - i;
                    cls = table.classes(text.data() + i, len);
                }
                if (cls == 0) {
                    i = skip_token_rest(e); // the letters are read: go on from their end
                    continue;
                }
                if ((cls & url) && e < n && (text[e] == ':' || text[e] == '.')) {
                    while (e < n && text[e] != ' ') ++e; // a URL: its digits are not figures
                    i = e;
                    continue;
                }
                if ((cls & before_magnitude) && !magnitude_at(e)) {
                    i = skip_token_rest(e);
                    continue;
                }
                if ((cls & start) && ((cls & content) || worth_trying(i)) && try_at(i, next)) {
                    i = next;
                    continue;
                }
                i = skip_token_rest(e);
                continue;
            }
            if (bc == 2) {
                if (glued_before(i) || not_a_figure(text, i) || !try_at(i, next)) next = skip_token(i);
                i = next;
                continue;
            }
            {
                if (starts_symbol(text, i) && (c != '-' || i == 0 || !is_alnum((unsigned char)text[i - 1])) &&
                    try_at(i, next)) {
                    i = next;
                    continue;
                }
            }
            i = i + 1;
        }
    }
};

// Code points of a valid UTF-8 sequence starting at s[i], or 0 when s[i] does not start one
// (then that byte counts as one code point of its own).
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const unsigned char c = (unsigned char)s[i];
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if (((unsigned char)s[i + k] >> 6) != 2) return 0;
    return len;
}

// Fills every quantity's code-point span in one forward pass (spans are in order).
void code_point_spans(std::string_view s, std::vector<Quantity>& qs) {
    std::size_t byte = 0, cp = 0;
    auto advance_to = [&](std::size_t target) {
        while (byte < target) {
            if (byte + 8 <= target && (load8(s.data() + byte) & high_bits) == 0) {
                byte += 8; // eight ASCII bytes: eight code points
                cp += 8;
                continue;
            }
            if ((unsigned char)s[byte] < 0x80) { // ASCII: one code point a byte
                ++byte;
                ++cp;
                continue;
            }
            const std::size_t len = utf8_length(s, byte);
            byte += len == 0 ? 1 : len;
            ++cp;
        }
        return cp;
    };
    for (Quantity& q : qs) {
        q.span.start = advance_to(q.bytes.start);
        q.span.end = advance_to(q.bytes.end);
    }
}

} // namespace

std::vector<Quantity> find_quantities(std::string_view utf8, const QuantityOptions& options) {
    try {
        std::string buffer = buffer_pool().take();
        const std::string_view prepared = prepare(utf8, buffer);
        Scanner scanner{utf8, prepared.substr(0, utf8.size()), options, {}};
        scanner.run();
        buffer_pool().give(std::move(buffer));
        code_point_spans(utf8, scanner.out);
        return std::move(scanner.out);
    } catch (...) {
        return {}; // only allocation can throw here; the contract is never to throw
    }
}

} // namespace tradecheck

namespace tradecheck::quantity {
bool parse_quantity(const char*& first, const char* last, ast::Match& out) {
    return x3::phrase_parse(first, last, quantity_rule(), grammar::skipper, out,
                            x3::skip_flag::dont_post_skip);
}
} // namespace tradecheck::quantity
