#include "tradecheck/checks/fact_key.hpp"

#include <fmt/core.h>

namespace tradecheck::checks {

const std::set<std::string>& periodic_kinds() {
    static const std::set<std::string> kinds{"trade_value", "trade_balance", "export_share", "import_share"};
    return kinds;
}

bool is_timed_kind(const std::string& kind) { return !periodic_kinds().count(kind) && kind != "trade_target"; }

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
    // "In April, the US imposed a 44% tariff": April is when the rate held, not another fact.
    if (c.period == Period::in && is_timed_kind(c.kind)) return "-";
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
