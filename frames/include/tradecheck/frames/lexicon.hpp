// The words behind frames, as data: measure nouns, verbs and veto words, read from
// frames/measures*.tsv, frames/verbs*.tsv and frames/vetoes*.tsv in each rules directory.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tradecheck/frames/frame.hpp"

namespace tradecheck {

struct MeasureWord {
    std::string id;       // "tariff", "exports"
    std::string group;    // "tariff", "flow", "balance", "investment", "share", "target", "threshold"
    std::string metric;   // the metric id it stands for ("trade_deficit"); "" when none
};

enum class VerbSubject { holder, counterpart, none };
enum class Change { none, up, down };

struct VerbWord {
    std::string id;       // "impose", "face", "raise"
    Status status = Status::in_effect;
    VerbSubject subject = VerbSubject::holder;
    Change change = Change::none;
};

struct VetoWord {
    std::string why;
    std::vector<std::string> unless_after;   // "export" cancels the veto of "revenue"
    std::string on_trade;                    // the measure it names before "on imports": "a tax on
                                             // imports" is a tariff; "" when none
};

class FrameLexicon {
public:
    // Reads every measures*.tsv, verbs*.tsv and vetoes*.tsv in `dir` (no error when `dir` is
    // missing). A later file's word replaces an earlier one's. Throws std::runtime_error
    // "file:line:column: message" on a malformed file.
    void load_directory(const std::filesystem::path& dir);
    void load_file(const std::filesystem::path& file);

    // By normalised token (see tokens.hpp); null when the word is not listed.
    const MeasureWord* measure(std::string_view norm) const;
    const VerbWord* verb(std::string_view norm) const;
    const VetoWord* veto(std::string_view norm) const;
    // The first word's entry of the measure `id` ("tariff"); null when no word names it.
    const MeasureWord* measure_by_id(std::string_view id) const;
    // The trade flow whose word lifts the veto `v` ("export" before "earnings"): what that flow
    // brings in is what the veto word names. Null when no flow word lifts it.
    const MeasureWord* lifting_flow(const VetoWord& v) const;

    // Every word that names `measure`: an id, a group, or share_of_ID (the words of ID).
    std::vector<std::string> words_of(std::string_view measure) const;

    bool is_measure(const std::string& id) const;
    bool is_measure_group(const std::string& group) const;
    bool empty() const { return measures_.empty(); }

private:
    // Looked up by string_view without building a std::string (a frame looks up every word of
    // its clause). The hash is std::hash<std::string>'s, so the tables iterate as before.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view w) const noexcept { return std::hash<std::string_view>{}(w); }
    };
    template <typename T>
    using WordTable = std::unordered_map<std::string, T, WordHash, std::equal_to<>>;

    WordTable<MeasureWord> measures_;
    WordTable<VerbWord> verbs_;
    WordTable<VetoWord> vetoes_;
};

} // namespace tradecheck
