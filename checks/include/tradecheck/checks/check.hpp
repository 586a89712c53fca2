// The consistency check: groups claims by fact key and gives each fact a verdict.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tradecheck/checks/interval.hpp"
#include "tradecheck/parser/claim.hpp"

namespace tradecheck::checks {

enum class Status { conflict, not_comparable, agree, single };

constexpr std::string_view to_string(Status s) {
    switch (s) {
    case Status::conflict: return "conflict";
    case Status::not_comparable: return "not_comparable";
    case Status::agree: return "agree";
    case Status::single: return "single";
    }
    return "single";
}

// Two claims from different articles whose intervals do not meet.
struct Disagreement {
    std::size_t a = 0;          // indices into the checked claims
    std::size_t b = 0;
    bool on_horizon = false;    // the targets' horizons differ, not their values
    double gap = 0;             // |value a - value b| (years for horizons)
    double relative_gap = 0;    // gap / the smaller |value|
};

struct Finding {
    std::string key;
    std::string kind;
    Status status = Status::single;
    std::vector<std::size_t> claims;      // indices into the checked claims, in input order
    std::size_t sources = 0;              // distinct articles
    std::vector<Disagreement> conflicts;  // every disagreeing pair
    bool rounding_only = false;           // agrees only because printed figures are rounded
    std::string note;                     // why not comparable, for people
};

struct CheckOptions {
    std::size_t min_sources = 1;          // leave out facts with fewer articles
};

// Findings ordered conflicts first, then not comparable, agree, single; by key within each.
std::vector<Finding> check(const std::vector<Claim>& claims, const CheckOptions& options = {});

} // namespace tradecheck::checks
