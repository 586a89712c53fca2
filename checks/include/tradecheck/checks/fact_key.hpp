// FactKey: when two claims state the same fact. A fact is kind + actor + partner + product +
// metric + basis + period + what is measured (percent, money, multiplier, ...).
#pragma once

#include <string>

#include "tradecheck/parser/claim.hpp"

namespace tradecheck::checks {

// What a figure measures, so "double" and "$70 billion" for one target are two facts.
// Money in different currencies is one measure: the check compares or says why it cannot.
std::string measure_of(const Quantity& q);

// kind|actor|partner|product|metric|basis|period|measure, "-" for an empty field.
// period is the year for figures "in" a year, "by" for targets (their horizons are compared
// as intervals, not matched exactly), "-" when the text gives none.
std::string fact_key(const Claim& claim);

} // namespace tradecheck::checks
