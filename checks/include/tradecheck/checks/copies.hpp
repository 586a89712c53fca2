// Independent sources: stories that are copies of one another (syndicated under several outlets,
// or reworded by a machine) are one source. Found by MinHash over an article's content words,
// pairs of them and its figures, with LSH banding to find candidate pairs (docs/checks.md,
// "Independent sources").
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tradecheck::checks {

// Two stories are copies when the estimated Jaccard similarity of their features is at least
// this (check --copy-threshold).
inline constexpr double default_copy_threshold = 0.5;

// Where an article's story comes from, when it is a copy.
struct CopyOf {
    std::string family;      // the earliest published story of its family (ties: by id)
    std::string copy_of;     // the earlier story it was found to copy (the most similar one)
    double similarity = 0;   // estimated Jaccard similarity with copy_of
};

// article -> where it is copied from; articles that are no copy are not in it.
using Copies = std::map<std::string, CopyOf>;

// The features of a text: content words (lower case, plain stem, common synonyms folded),
// pairs of adjacent content words, and its figures, hashed. Exposed for tests.
std::vector<std::uint64_t> copy_features(std::string_view text);

// Collects articles one at a time (memory: one signature per article), then finds families.
class CopyFinder {
public:
    static constexpr std::size_t hashes = 126;   // bands * rows
    static constexpr std::size_t rows = 3;
    static constexpr std::size_t bands = hashes / rows;

    explicit CopyFinder(double threshold = default_copy_threshold) : threshold_(threshold) {}

    // `published` is YYYY-MM-DD or "" (unknown dates sort last). A story is never taken for a copy
    // of a story of its own outlet (`outlet`, "" when unknown) published more than
    // `same_outlet_days` before it: an outlet's later stories on a subject reuse its background
    // paragraphs but are new reports (a refile or rewrite comes the same day or the next),
    // unless it is at least `republished` similar: the same text printed again.
    void add(const std::string& article, const std::string& published, std::string_view text,
             const std::string& outlet = {});
    static constexpr int same_outlet_days = 1;
    static constexpr double republished = 0.9;

    // Families in publication order: each copy names the earliest story of its family.
    Copies families() const;

    // The estimated similarity of two texts (for tests).
    static double similarity(std::string_view a, std::string_view b);

private:
    // The low 16 bits of each minimum (b-bit MinHash): two different minima look alike once in
    // 65,536, which moves an estimate by about that much, and a signature takes 252 bytes.
    using Signature = std::array<std::uint16_t, hashes>;
    static Signature signature(const std::vector<std::uint64_t>& features);
    static double estimate(const Signature& a, const Signature& b);

    static constexpr std::size_t no_signature = static_cast<std::size_t>(-1);
    struct Entry {
        std::string article, published, outlet;
        long day = 0;                          // day number of `published`, 0 when unknown
        std::size_t signature = no_signature;  // into signatures_; none: too few features to judge
    };
    double threshold_;
    std::vector<Entry> entries_;
    std::vector<Signature> signatures_;   // only of the stories long enough to judge
};

} // namespace tradecheck::checks
