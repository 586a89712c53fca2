#include "tradecheck/checks/fact_key.hpp"

#include <fmt/core.h>

#include <string_view>

namespace tradecheck::checks {

const std::set<std::string>& periodic_kinds() {
    static const std::set<std::string> kinds{"trade_value", "trade_balance", "export_share", "import_share"};
    return kinds;
}

bool is_timed_kind(const std::string& kind) { return !periodic_kinds().count(kind) && kind != "trade_target"; }

std::string compared_kind(const std::string& kind, const std::string& metric) {
    static const std::set<std::string> balances{"trade_deficit", "trade_surplus", "trade_balance", "current_account"};
    return kind == "trade_value" && balances.count(metric) ? "trade_balance" : kind;
}

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

FactKey FactKey::parse(std::string_view key) {
    FactKey k;
    std::string* slots[] = {&k.kind, &k.actor, &k.partner, &k.product, &k.metric, &k.basis, &k.period, &k.measure};
    std::size_t n = 0;
    std::size_t from = 0;
    while (true) {
        const std::size_t bar = key.find('|', from);
        const std::string_view f = key.substr(from, bar == std::string_view::npos ? std::string_view::npos : bar - from);
        if (n < 8) {
            // The kind and measure are printed as they are; other slots print "-" when unknown.
            *slots[n] = (f == "-" && n != 0 && n != 7) ? std::string() : std::string(f);
        } else {
            if (!k.extra.empty() || n > 8) k.extra += '|';
            k.extra += f;
        }
        ++n;
        if (bar == std::string_view::npos) break;
        from = bar + 1;
    }
    k.fields = n;
    return k;
}

std::string FactKey::str() const {
    std::string s = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", kind, field(actor), field(partner), field(product),
                                field(metric), field(basis), field(period), measure);
    if (!extra.empty()) s += "|" + extra;
    return s;
}

FactKey FactKey::series() const {
    FactKey k = *this;
    k.period.assign(1, '*');   // not = "*": GCC 12 warns falsely (-Wrestrict) on that
    return k;
}

FactKey key_of(const Claim& c) {
    FactKey k;
    k.kind = compared_kind(c.kind, c.metric);
    k.actor = c.actor;
    k.partner = c.partner;
    k.product = c.product;
    k.metric = c.metric;
    // A revised figure is the same fact as the one it revises; the check tells them apart.
    k.basis = c.basis == "revised" ? std::string() : c.basis;
    const std::string period = period_of(c);
    k.period = period == "-" ? std::string() : period;
    k.measure = measure_of(c.quantity);
    return k;
}

std::string fact_key(const Claim& c) { return key_of(c).str(); }

} // namespace tradecheck::checks
