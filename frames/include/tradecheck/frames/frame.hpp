// Frame: what one figure measures, read from the words around it.
//
// "Sri Lanka's tea exports rose 3% to $1.4 billion from $1.3 billion": for "$1.4 billion" the
// measured phrase is "tea exports", its head "exports", the holder Sri Lanka, the product tea,
// the role level; "3%" is a change rate and "$1.3 billion" the previous level. Rules
// (parser/) read frames to decide what a figure is a claim of; see docs/frames.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tradecheck {

// What the figure is to its measure.
enum class Role {
    level,          // the measure's value: "a 44% tariff", "exports were $3 billion"
    change_amount,  // "increased by $12.5 billion"
    change_rate,    // "exports rose 5%", "a 3% increase"
    previous,       // an older value quoted for comparison: "from 44%", "up from 4.8 billion"
    threshold,      // a limit the measure applies above or below: "parcels under $800"
    target,         // a goal: "a target of $36 billion by 2030"
};

// What the clause says about the figure: in force, or only announced, threatened, ...
enum class Status { in_effect, announced, threatened, proposed, expected, previous, target };

// Whose measure it is.
enum class HolderType { unknown, country, government, company, person };

struct Frame {
    std::string measure;          // measure id from frames/measures*.tsv ("tariff", "exports"); "" if none
    std::string measure_group;    // its group: tariff, flow, balance, investment, share, target, threshold
    std::string metric;           // the metric the measure stands for (measures.tsv); "" when none
    std::string veto;             // a word that makes it no trade figure ("revenue", "electricity"); "" if none
    std::size_t phrase_first = 0; // tokens of the measured phrase, half-open, in the caller's numbering
    std::size_t phrase_last = 0;
    std::string holder;           // country code of whose measure it is; "" when unknown
    HolderType holder_type = HolderType::unknown;
    std::string counterpart;      // country code toward whom ("on Chinese goods", "exports to the US")
    bool subject_faces = false;   // the clause's verb makes its subject the one that faces the measure
                                  // ("Vietnam will pay 19%", "those countries would be subjected to")
    std::string product;          // product id(s), "/"-joined, that the measure is of ("tea exports")
    Role role = Role::level;
    std::string verb;             // verb id from frames/verbs*.tsv that governs the figure; "" if none
    bool changes = false;         // that verb says the measure changed to the figure ("raised to 20%")
    Status status = Status::in_effect;
    std::size_t clause_first = 0; // tokens of the figure's clause, half-open, in the caller's numbering
    std::size_t clause_last = 0;
    // When the clause says the figure holds ("took effect on Tuesday", "for 90 days"); empty
    // when it names no day, or the article's day is unknown (effective_time.hpp).
    std::optional<std::chrono::year_month_day> from;
    std::optional<std::chrono::year_month_day> to;

    bool has_measure() const { return !measure.empty(); }
};

constexpr std::string_view to_string(Role role) {
    switch (role) {
    case Role::level: return "level";
    case Role::change_amount: return "change_amount";
    case Role::change_rate: return "change_rate";
    case Role::previous: return "previous";
    case Role::threshold: return "threshold";
    case Role::target: return "target";
    }
    return "level";
}

constexpr std::string_view to_string(Status status) {
    switch (status) {
    case Status::in_effect: return "in_effect";
    case Status::announced: return "announced";
    case Status::threatened: return "threatened";
    case Status::proposed: return "proposed";
    case Status::expected: return "expected";
    case Status::previous: return "previous";
    case Status::target: return "target";
    }
    return "in_effect";
}

constexpr std::string_view to_string(HolderType type) {
    switch (type) {
    case HolderType::unknown: return "unknown";
    case HolderType::country: return "country";
    case HolderType::government: return "government";
    case HolderType::company: return "company";
    case HolderType::person: return "person";
    }
    return "unknown";
}

} // namespace tradecheck
