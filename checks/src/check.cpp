#include "tradecheck/checks/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "tradecheck/checks/fact_key.hpp"

namespace tradecheck::checks {

namespace {

std::optional<Interval> horizon_of(const Claim& c) {
    if (c.period != Period::by || !c.year) return std::nullopt;
    return year_interval(c.year_low.value_or(*c.year), c.year_high.value_or(*c.year));
}

double relative(double gap, double a, double b) {
    const double base = std::min(std::fabs(a), std::fabs(b));
    return base > 0 ? gap / base : 0;
}

// Compares two claims from different articles; returns a Disagreement when they conflict.
std::optional<Disagreement> compare(const Claim& a, const Claim& b, std::size_t ia, std::size_t ib) {
    const Interval va = interval_of(a.quantity), vb = interval_of(b.quantity);
    if (!meets(va, vb)) {
        const double gap = std::fabs(a.quantity.value - b.quantity.value);
        return Disagreement{ia, ib, false, gap, relative(gap, a.quantity.value, b.quantity.value)};
    }
    // An open horizon never conflicts by itself; two stated horizons must meet.
    const auto ha = horizon_of(a), hb = horizon_of(b);
    if (ha && hb && !meets(*ha, *hb)) {
        const double gap = std::fabs(*a.year - *b.year);
        return Disagreement{ia, ib, true, gap, relative(gap, *a.year, *b.year)};
    }
    return std::nullopt;
}

// The figures differ as printed and meet only once widened for rounding.
bool agrees_by_rounding(const Claim& a, const Claim& b) {
    if (a.quantity.qualifier != Qualifier::exact || b.quantity.qualifier != Qualifier::exact) return false;
    return a.quantity.value != b.quantity.value;
}

Finding judge(const std::string& key, const std::vector<Claim>& claims, std::vector<std::size_t> members) {
    Finding f;
    f.key = key;
    f.kind = claims[members.front()].kind;
    f.claims = std::move(members);
    std::set<std::string> articles, units;
    for (std::size_t i : f.claims) {
        articles.insert(claims[i].article);
        units.insert(claims[i].quantity.unit);
    }
    f.sources = articles.size();
    if (f.sources < 2) {
        f.status = Status::single;
        return f;
    }
    if (units.size() > 1) {
        f.status = Status::not_comparable;
        f.note = "figures in different units or currencies";
        return f;
    }
    for (std::size_t x = 0; x < f.claims.size(); ++x)
        for (std::size_t y = x + 1; y < f.claims.size(); ++y) {
            const Claim& a = claims[f.claims[x]];
            const Claim& b = claims[f.claims[y]];
            if (a.article == b.article) continue;   // one article is one voice
            if (auto d = compare(a, b, f.claims[x], f.claims[y])) f.conflicts.push_back(*d);
            else if (agrees_by_rounding(a, b)) f.rounding_only = true;
        }
    f.status = f.conflicts.empty() ? Status::agree : Status::conflict;
    return f;
}

} // namespace

std::vector<Finding> check(const std::vector<Claim>& claims, const CheckOptions& options) {
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < claims.size(); ++i)
        groups[claims[i].key.empty() ? fact_key(claims[i]) : claims[i].key].push_back(i);
    std::vector<Finding> findings;
    for (auto& [key, members] : groups) {
        Finding f = judge(key, claims, std::move(members));
        if (f.sources >= options.min_sources) findings.push_back(std::move(f));
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.status < b.status; });
    return findings;
}

} // namespace tradecheck::checks
