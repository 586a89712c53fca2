#include "tradecheck/checks/fact_key.hpp"

#include <fmt/core.h>

namespace tradecheck::checks {

std::string measure_of(const Quantity& q) {
    switch (q.type) {
    case QuantityType::percent: return q.unit == "percentage_point" ? "percentage_point" : "percent";
    case QuantityType::money: return "money";
    case QuantityType::multiplier: return "multiplier";
    case QuantityType::year: return "year";
    case QuantityType::duration: return "duration";
    case QuantityType::number: return q.unit.empty() ? "number" : q.unit;
    }
    return "number";
}

namespace {

std::string_view field(const std::string& s) { return s.empty() ? std::string_view("-") : std::string_view(s); }

std::string period_of(const Claim& c) {
    if (c.period == Period::in && c.year && c.month) return fmt::format("{}-{:02}", *c.year, *c.month);
    if (c.period == Period::in && c.year) return std::to_string(*c.year);
    return c.period == Period::by ? "by" : "-";
}

} // namespace

std::string fact_key(const Claim& c) {
    // A revised figure is the same fact as the one it revises; the check tells them apart.
    const std::string basis = c.basis == "revised" ? std::string() : c.basis;
    return fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", c.kind, field(c.actor), field(c.partner), field(c.product),
                       field(c.metric), field(basis), period_of(c), measure_of(c.quantity));
}

} // namespace tradecheck::checks
