#include "tradecheck/checks/copies.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace tradecheck::checks {

namespace {

// Fewer distinct features than this and a text is too short to tell a copy from another report
// of the same figure ("The U.S. trade deficit was 169.8 billion dlrs in 1986").
constexpr std::size_t min_features = 40;

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

std::uint64_t mix(std::uint64_t x) {   // splitmix64's finaliser
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

// Words that carry no content: articles, pronouns, auxiliaries, prepositions, conjunctions.
const std::unordered_set<std::string_view>& stopwords() {
    static const std::unordered_set<std::string_view> words{
        "the", "and", "for", "that", "this", "with", "from", "was", "were", "are", "has", "have", "had", "its",
        "his", "her", "their", "them", "they", "she", "him", "but", "not", "than", "then", "there", "these",
        "those", "which", "who", "whom", "whose", "what", "when", "where", "while", "will", "would", "could",
        "should", "shall", "may", "might", "can", "been", "being", "into", "onto", "about", "over", "under",
        "after", "before", "between", "during", "also", "such", "some", "any", "all", "each", "other", "more",
        "most", "very", "just", "only", "our", "out", "off", "one", "upon", "via", "per", "does", "did", "doing",
        "because", "since", "until", "yet", "both", "either", "neither", "nor", "own", "same", "too", "here",
        "how", "why", "you", "your", "ours", "itself", "himself", "herself", "themselves", "whether", "though",
        "although", "through", "against", "among", "within", "without", "across", "toward", "towards", "again",
        "further", "once", "said", "says", "say", "told", "added", "according", "mr", "mrs", "ms", "inc"};
    return words;
}

// Words a rewording machine swaps for one another, folded to one (general English synonyms,
// not any story's words).
const std::unordered_map<std::string_view, std::string_view>& synonyms() {
    static const std::unordered_map<std::string_view, std::string_view> words{
        {"primary", "first"},      {"initial", "first"},     {"practically", "nearly"}, {"almost", "nearly"},
        {"virtually", "nearly"},   {"roughly", "about"},     {"approximately", "about"}, {"around", "about"},
        {"large", "big"},          {"major", "big"},         {"serious", "big"},        {"huge", "big"},
        {"massive", "big"},        {"significant", "big"},   {"substantial", "big"},    {"small", "little"},
        {"minor", "little"},       {"nation", "country"},      {"increase", "rise"},
        {"raise", "rise"},         {"boost", "rise"},        {"climb", "rise"},         {"grow", "rise"},
        {"growth", "rise"},        {"jump", "rise"},         {"surge", "rise"},         {"decrease", "fall"},
        {"drop", "fall"},          {"decline", "fall"},      {"reduce", "cut"},         {"lower", "cut"},
        {"slash", "cut"},          {"scale", "cut"},         {"begin", "start"},        {"commence", "start"},
        {"launch", "start"},       {"finish", "end"},        {"conclude", "end"},       {"purchase", "buy"},
        {"acquire", "buy"},        {"assist", "help"},       {"aid", "help"},           {"support", "help"},
        {"demonstrate", "show"},   {"reveal", "show"},       {"indicate", "show"},      {"additionally", "also"},
        {"moreover", "also"},      {"furthermore", "also"},  {"however", "but"},        {"nonetheless", "but"},
        {"nevertheless", "but"},   {"economic", "economy"},  {"financial", "economy"},  {"fiscal", "economy"},
        {"leader", "chief"},       {"head", "chief"},        {"premier", "chief"},      {"government", "administration"},
        {"officials", "official"}, {"authorities", "official"}, {"authority", "official"}, {"nations", "country"},
        {"countries", "country"},  {"talks", "talk"},        {"negotiations", "talk"},  {"discussions", "talk"},
        {"meeting", "talk"},       {"agreement", "deal"},    {"accord", "deal"},        {"pact", "deal"},
        {"duty", "tariff"},        {"duties", "tariff"},     {"levy", "tariff"},        {"levies", "tariff"},
        {"vehicle", "car"},        {"vehicles", "car"},      {"automobile", "car"},     {"cars", "car"},
        {"ally", "partner"},       {"allies", "partner"},    {"partners", "partner"},   {"fractured", "broken"},
        {"strained", "broken"},    {"damaged", "broken"},    {"rebuild", "repair"},     {"restore", "repair"},
        {"mend", "repair"},        {"reset", "repair"},
        {"dollars", "dlrs"},       {"dollar", "dlrs"},       {"dlr", "dlrs"},           {"percent", "pct"}};
    return words;
}

// A plain stem: "tariffs" -> "tariff", "imposed" -> "impos", "rising" -> "ris".
std::string stem(std::string w) {
    const auto strip = [&](std::string_view suffix, std::size_t keep) {
        if (w.size() >= suffix.size() + keep && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
            w.resize(w.size() - suffix.size());
            return true;
        }
        return false;
    };
    if (!strip("ing", 3) && !strip("ies", 3) && !strip("ed", 3) && !strip("es", 3)) strip("s", 3);
    return w;
}

std::string fold(std::string w) {
    if (const auto it = synonyms().find(w); it != synonyms().end()) return std::string(it->second);
    std::string s = stem(w);
    if (const auto it = synonyms().find(s); it != synonyms().end()) return std::string(it->second);
    if (const auto it = synonyms().find(s + 'e'); s.size() < w.size() && it != synonyms().end())
        return std::string(it->second);   // "raised" -> "rais" -> "raise"
    return s;
}

} // namespace

std::vector<std::uint64_t> copy_features(std::string_view text) {
    std::vector<std::string> words;
    std::vector<std::string> figures;
    std::size_t i = 0;
    const auto alpha = [](unsigned char c) { return std::isalpha(c) != 0; };
    const auto digit = [](unsigned char c) { return std::isdigit(c) != 0; };
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (digit(c)) {
            std::string n;
            while (i < text.size()) {
                const auto d = static_cast<unsigned char>(text[i]);
                if (digit(d)) n += static_cast<char>(d);
                else if ((d == '.' || d == ',') && i + 1 < text.size() &&
                         digit(static_cast<unsigned char>(text[i + 1])) && !n.empty()) {
                    if (d == '.') n += '.';
                } else break;
                ++i;
            }
            figures.push_back(std::move(n));
            continue;
        }
        if (alpha(c)) {
            std::string w;
            while (i < text.size() && alpha(static_cast<unsigned char>(text[i])))
                w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
            if (w.size() >= 3 && !stopwords().count(w)) words.push_back(fold(std::move(w)));
            continue;
        }
        ++i;
    }
    std::vector<std::uint64_t> features;
    features.reserve(2 * words.size() + 2 * figures.size());
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::uint64_t h = fnv1a(words[k]);
        features.push_back(h);
        // Pairs of adjacent content words, in either order: a reworded sentence keeps most of
        // its pairs even when it swaps them.
        if (k + 1 < words.size()) {
            const std::uint64_t g = fnv1a(words[k + 1]);
            features.push_back(mix(std::min(h, g) * 31 + std::max(h, g)));
        }
    }
    // A story's figures are what a copy keeps whatever its words: each counts twice.
    for (const std::string& f : figures) {
        const std::uint64_t h = fnv1a(f, fnv1a("#"));
        features.push_back(h);
        if (f.size() != 4 || f.find('.') != std::string::npos) features.push_back(mix(h));   // not a year
    }
    for (std::uint64_t& f : features) f = mix(f);
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    return features;
}

CopyFinder::Signature CopyFinder::signature(const std::vector<std::uint64_t>& features) {
    // Hash k of a (well mixed) feature f is the top half of a_k * f + b_k (multiply-shift), with
    // a_k odd: cheap enough that a long article costs about what reading it does.
    static const auto params = [] {
        std::array<std::pair<std::uint64_t, std::uint64_t>, hashes> p{};
        for (std::size_t k = 0; k < hashes; ++k) p[k] = {mix(2 * k + 1) | 1, mix(2 * k + 2)};
        return p;
    }();
    std::array<std::uint32_t, hashes> minima;
    minima.fill(std::numeric_limits<std::uint32_t>::max());
    for (std::uint64_t f : features)
        for (std::size_t k = 0; k < hashes; ++k) {
            const auto h = static_cast<std::uint32_t>((params[k].first * f + params[k].second) >> 32);
            minima[k] = std::min(minima[k], h);
        }
    Signature s;
    for (std::size_t k = 0; k < hashes; ++k) s[k] = static_cast<std::uint16_t>(minima[k]);
    return s;
}

double CopyFinder::estimate(const Signature& a, const Signature& b) {
    std::size_t same = 0;
    for (std::size_t k = 0; k < hashes; ++k) same += a[k] == b[k];
    return static_cast<double>(same) / hashes;
}

double CopyFinder::similarity(std::string_view a, std::string_view b) {
    return estimate(signature(copy_features(a)), signature(copy_features(b)));
}

namespace {

long day_number(const std::string& published) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (published.size() < 10 || std::sscanf(published.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) return 0;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!ymd.ok()) return 0;
    return static_cast<long>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

} // namespace

void CopyFinder::add(const std::string& article, const std::string& published, std::string_view text,
                     const std::string& outlet) {
    Entry e;
    e.article = article;
    e.published = published;
    e.outlet = outlet;
    e.day = day_number(published);
    const auto features = copy_features(text);
    if (features.size() >= min_features) {
        e.signature = signatures_.size();
        signatures_.push_back(signature(features));
    }
    entries_.push_back(std::move(e));
}

Copies CopyFinder::families() const {
    // Publication order; unknown dates last; ties by id.
    std::vector<std::size_t> order(entries_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Entry& x = entries_[a];
        const Entry& y = entries_[b];
        return std::make_tuple(x.published.empty(), x.published, x.article) <
               std::make_tuple(y.published.empty(), y.published, y.article);
    });
    std::vector<std::size_t> rank(entries_.size());
    for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = k;

    // LSH: stories that share all rows of any band are candidates.
    std::vector<std::vector<std::size_t>> earlier(entries_.size());   // candidate earlier stories
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t band = 0; band < bands; ++band) {
        buckets.clear();
        for (std::size_t k : order) {
            const Entry& e = entries_[k];
            if (e.signature == no_signature) continue;
            const Signature& sig = signatures_[e.signature];
            std::uint64_t h = mix(band + 1);
            for (std::size_t r = 0; r < rows; ++r) h = mix(h ^ sig[band * rows + r]);
            auto& bucket = buckets[h];
            for (std::size_t j : bucket) earlier[k].push_back(j);
            bucket.push_back(k);
        }
    }

    Copies out;
    std::vector<std::string> family(entries_.size());
    for (std::size_t k : order) {
        const Entry& e = entries_[k];
        family[k] = e.article;
        auto& cands = earlier[k];
        std::sort(cands.begin(), cands.end());
        cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
        std::size_t best = entries_.size();
        double best_sim = 0;
        for (std::size_t j : cands) {
            const Entry& o = entries_[j];
            const double sim = estimate(signatures_[e.signature], signatures_[o.signature]);
            if (!e.outlet.empty() && e.outlet == o.outlet && e.day && o.day &&
                std::abs(e.day - o.day) > same_outlet_days && sim < republished)
                continue;
            if (sim >= threshold_ && (sim > best_sim || (sim == best_sim && rank[j] < rank[best]))) {
                best = j;
                best_sim = sim;
            }
        }
        if (best == entries_.size()) continue;
        family[k] = family[best];
        out[e.article] = CopyOf{family[best], entries_[best].article, best_sim};
    }
    return out;
}

} // namespace tradecheck::checks
