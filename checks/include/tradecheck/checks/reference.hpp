// Reference figures: official numbers (a statistics office's trade balance, a tariff schedule)
// that claims are checked against. Users load them with `tradecheck reference import FILE.csv`.
#pragma once

#include <string>
#include <vector>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/parser/claim.hpp"
#include "tradecheck/parser/reference.hpp"

namespace tradecheck::checks {

// Reads a reference CSV: a header naming at least kind, value, unit and source; optional
// actor, partner, product, metric, basis, period, low, high, url. Throws std::runtime_error
// "file:line: message" for a malformed file (no partial result).
std::vector<Reference> read_references(const std::string& path);

// A claim that contradicts a reference of its fact.
struct Contradiction {
    std::size_t claim = 0;       // index into the checked claims
    std::size_t reference = 0;   // index into the references
    double gap = 0;              // |claim value - reference value|
    double relative_gap = 0;
};

// Every claim whose interval does not meet the range of a reference with its fact key.
std::vector<Contradiction> contradictions(const std::vector<Claim>& claims, const std::vector<Reference>& references);

} // namespace tradecheck::checks
