// FactKey: when two claims state the same fact. A fact is kind + actor + partner + product +
// metric + basis + period + what is measured (percent, money, multiplier, ...).
#pragma once

#include <compare>
#include <set>
#include <string>
#include <string_view>

#include "tradecheck/parser/claim.hpp"

namespace tradecheck::checks {

// Kinds whose figures are for a period (a year, a month): trade values, balances, shares. Their
// fact key holds the period.
const std::set<std::string>& periodic_kinds();

// Kinds whose figures hold from a day until another (a tariff rate, a pledge): their key holds
// no period; when they hold is the claim's valid_from/valid_to (docs/checks.md, "Facts in time").
// Targets are neither: their horizon is the period "by".
bool is_timed_kind(const std::string& kind);

// The kind a claim is compared under. Rules type a figure by the words around it, and stories word
// one figure differently: "the U.S. trade gap was a record 169.8 billion dlrs" reads as a trade
// value by its verb and is a deficit by its metric, the balance another story calls "a deficit of
// 169.8 billion". A trade value whose metric is a surplus, deficit, balance or current account is
// a trade_balance. Not the other way: a balance is typed by "surplus", "deficit" or "gap", words
// stronger than a metric of "bilateral trade" read from "the bilateral trade surplus". Every other
// kind is compared as it is typed (docs/checks.md, "Retyped claims").
std::string compared_kind(const std::string& kind, const std::string& metric);

// What a figure measures, so "double" and "$70 billion" for one target are two facts.
// Money in different currencies is one measure: the check compares or says why it cannot.
std::string measure_of(const Quantity& q);

// The identity of a fact, slot by slot. An unknown slot is empty (printed "-"). The key string
// (str()) is what the database stores and users see; check() reasons on the slots
// (docs/checks.md, "One fact however it is written").
struct FactKey {
    std::string kind, actor, partner, product, metric, basis;
    std::string period;    // a year, year-month, "by", or "" when none is stated
    std::string measure;
    std::string extra;     // fields after the measure in a key string, kept verbatim ("" when none)
    std::size_t fields = 8;   // how many fields the string parsed had (fewer: the rest are empty)

    // Reads a key string; a string with fewer fields leaves the rest empty.
    static FactKey parse(std::string_view key);
    // kind|actor|partner|product|metric|basis|period|measure, "-" for an empty slot.
    std::string str() const;
    // The same key but for its period: claims that differ only in period are one series.
    FactKey series() const;
    // For a year or a month ("in 1986"), not open ("-") or a horizon ("by").
    bool dated() const { return !period.empty() && period != "by"; }

    friend bool operator==(const FactKey&, const FactKey&) = default;
    friend auto operator<=>(const FactKey&, const FactKey&) = default;
};

FactKey key_of(const Claim& claim);

// kind|actor|partner|product|metric|basis|period|measure, "-" for an empty field.
// period is the year (or year-month) for periodic figures "in" a period, "by" for targets (their
// horizons are compared as intervals, not matched exactly), "-" when the text gives none and for
// timed kinds.
std::string fact_key(const Claim& claim);

} // namespace tradecheck::checks
