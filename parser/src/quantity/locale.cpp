// An article's country from its outlet, dateline or content, and the currencies a bare "$" and
// a bare rupee take there. Tables, not rules: a new outlet or city is one more row.
#include <tradecheck/parser/quantity_locale.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace tradecheck {
namespace {

struct Name {
    std::string_view name; // as printed, case-insensitive
    std::string_view country;
};

// Outlets whose name does not say where they are.
constexpr Name outlets[] = {
    {"daily ft", "LK"},        {"economynext", "LK"},      {"economy next", "LK"},
    {"ada derana", "LK"},      {"newsfirst", "LK"},        {"colombo telegraph", "LK"},
    {"dawn", "PK"},
    {"business recorder", "PK"}, {"express tribune", "PK"}, {"the hindu", "IN"},
    {"times of india", "IN"},  {"economic times", "IN"},   {"hindustan times", "IN"},
    {"livemint", "IN"},        {"business standard", "IN"}, {"globe and mail", "CA"},
    {"cbc", "CA"},             {"financial post", "CA"},   {"sydney morning herald", "AU"},
    {"australian financial review", "AU"}, {"nz herald", "NZ"}, {"straits times", "SG"},
    {"business times (singapore", "SG"}, {"south china morning post", "HK"},
    {"taipei times", "TW"},    {"fox news", "US"},         {"politico", "US"},
    {"wall street journal", "US"}, {"new york times", "US"}, {"washington post", "US"},
    {"kathmandu post", "NP"},  {"daily star (bangladesh", "BD"}};

// Country names (in an outlet's parentheses or in the text) and dateline cities.
constexpr Name places[] = {
    {"sri lanka", "LK"},  {"colombo", "LK"},    {"pakistan", "PK"},   {"karachi", "PK"},
    {"islamabad", "PK"},  {"lahore", "PK"},     {"india", "IN"},      {"new delhi", "IN"},
    {"delhi", "IN"},      {"mumbai", "IN"},     {"bengaluru", "IN"},  {"chennai", "IN"},
    {"nepal", "NP"},      {"kathmandu", "NP"},  {"bangladesh", "BD"}, {"dhaka", "BD"},
    {"canada", "CA"},     {"ottawa", "CA"},     {"toronto", "CA"},    {"australia", "AU"},
    {"sydney", "AU"},     {"canberra", "AU"},   {"melbourne", "AU"},  {"new zealand", "NZ"},
    {"wellington", "NZ"}, {"singapore", "SG"},  {"hong kong", "HK"},  {"taiwan", "TW"},
    {"taipei", "TW"},     {"united states", "US"}, {"washington", "US"}, {"new york", "US"},
    {"united kingdom", "GB"}, {"britain", "GB"}, {"london", "GB"},   {"mauritius", "MU"},
    {"seychelles", "SC"}};

// Letters and case as the C locale has them (tradecheck never sets another): ASCII only. Written
// out rather than std::tolower and std::isalpha, a library call for each byte of 2,000.
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char fold(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Whether `name` (lower case) stands at `pos` of `s` in any case, and no letter follows it.
bool name_at(std::string_view s, std::size_t pos, std::string_view name) {
    if (name.size() > s.size() - pos) return false;
    for (std::size_t k = 0; k < name.size(); ++k)
        if (fold(s[pos + k]) != name[k]) return false;
    return pos + name.size() == s.size() || !is_letter(s[pos + name.size()]);
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = fold(c);
    return out;
}

// The places by the first letter of their name (all are lower-case letters).
const std::array<std::vector<std::uint8_t>, 26>& places_by_letter() {
    static const auto table = [] {
        std::array<std::vector<std::uint8_t>, 26> t;
        for (std::size_t i = 0; i < std::size(places); ++i)
            t[static_cast<std::size_t>(places[i].name[0] - 'a')].push_back(static_cast<std::uint8_t>(i));
        return t;
    }();
    return table;
}

std::string from_outlet(std::string_view outlet) {
    const std::string o = lower(outlet);
    for (const Name& n : outlets)
        if (o.find(n.name) != std::string::npos) return std::string(n.country);
    if (const auto open = o.find('('); open != std::string::npos) // "Daily Mirror (Sri Lanka)"
        for (const Name& n : places)
            if (o.find(n.name, open) != std::string::npos) return std::string(n.country);
    return {};
}

// "COLOMBO, Feb 10 (Daily Mirror) -", "Karachi (Reuters) -": a place first, then a comma, a
// parenthesis or a dash.
std::string from_dateline(std::string_view text) {
    std::size_t b = 0;
    while (b < text.size() && std::isspace((unsigned char)text[b])) ++b;
    const std::string head = lower(text.substr(b, 40));
    for (const Name& n : places) {
        if (head.compare(0, n.name.size(), n.name) != 0) continue;
        std::size_t p = n.name.size();
        while (p < head.size() && head[p] == ' ') ++p;
        if (p < head.size() && (head[p] == ',' || head[p] == '(' || head[p] == '-' ||
                                (unsigned char)head[p] == 0xE2)) // an en or em dash
            return std::string(n.country);
    }
    return {};
}

// The country the first paragraphs name most often, when named at least twice.
std::string from_mentions(std::string_view text) {
    const std::string_view head = text.substr(0, 2000);
    std::array<int, std::size(places)> counts{};
    // Every name starts with a letter and counts only as a whole word: one pass over the word
    // starts, each compared in place (folding case) with the places of its first letter, finds
    // the occurrences that a search of the lower-cased head for each place did (that search
    // was a fifth of `extract`).
    const auto& by_letter = places_by_letter();
    for (std::size_t p = 0; p < head.size(); ++p) {
        if (!is_letter(head[p]) || (p > 0 && is_letter(head[p - 1]))) continue;
        for (const std::uint8_t i : by_letter[static_cast<std::size_t>(fold(head[p]) - 'a')])
            counts[i] += name_at(head, p, places[i].name);
    }
    // No country is named twice: the usual case, decided without the table below.
    if (std::accumulate(counts.begin(), counts.end(), 0) < 2) return {};
    // Cities count for their country.
    std::string best;
    int best_count = 1;
    for (std::size_t i = 0; i < std::size(places); ++i) {
        int total = 0;
        for (std::size_t k = 0; k < std::size(places); ++k)   // counts first: most are 0
            if (counts[k] != 0 && places[k].country == places[i].country) total += counts[k];
        if (total > best_count) {
            best_count = total;
            best = std::string(places[i].country);
        }
    }
    return best;
}

} // namespace

std::string article_country(std::string_view outlet, std::string_view text) {
    if (std::string c = from_outlet(outlet); !c.empty()) return c;
    if (std::string c = from_dateline(text); !c.empty()) return c;
    return from_mentions(text);
}

QuantityOptions quantity_options_for(std::string_view country) {
    struct Row { std::string_view country, dollar, rupee; };
    // Only dollar countries change the dollar: a bare "$" is never a non-dollar currency.
    static constexpr Row rows[] = {
        {"CA", "CAD", ""}, {"AU", "AUD", ""}, {"NZ", "NZD", ""}, {"SG", "SGD", ""},
        {"HK", "HKD", ""}, {"TW", "TWD", ""}, {"LK", "", "LKR"}, {"PK", "", "PKR"},
        {"IN", "", "INR"}, {"NP", "", "NPR"}, {"MU", "", "MUR"}, {"SC", "", "SCR"}};
    QuantityOptions options;
    for (const Row& r : rows) {
        if (r.country != country) continue;
        if (!r.dollar.empty()) options.default_dollar = std::string(r.dollar);
        if (!r.rupee.empty()) options.default_rupee = std::string(r.rupee);
    }
    return options;
}

} // namespace tradecheck
