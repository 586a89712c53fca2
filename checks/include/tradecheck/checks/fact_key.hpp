// FactKey: when two claims state the same fact. A fact is kind + actor + partner + product +
// metric + basis + period + what is measured (percent, money, multiplier, ...).
#pragma once

#include <set>
#include <string>

#include "tradecheck/parser/claim.hpp"

namespace tradecheck::checks {

// Kinds whose figures are for a period (a year, a month): trade values, balances, shares. Their
// fact key holds the period.
const std::set<std::string>& periodic_kinds();

// Kinds whose figures hold from a day until another (a tariff rate, a pledge): their key holds
// no period; when they hold is the claim's valid_from/valid_to (docs/checks.md, "Facts in time").
// Targets are neither: their horizon is the period "by".
bool is_timed_kind(const std::string& kind);

// What a figure measures, so "double" and "$70 billion" for one target are two facts.
// Money in different currencies is one measure: the check compares or says why it cannot.
std::string measure_of(const Quantity& q);

// kind|actor|partner|product|metric|basis|period|measure, "-" for an empty field.
// period is the year (or year-month) for periodic figures "in" a period, "by" for targets (their
// horizons are compared as intervals, not matched exactly), "-" when the text gives none and for
// timed kinds.
std::string fact_key(const Claim& claim);

} // namespace tradecheck::checks
