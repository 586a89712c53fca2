#include "tradecheck/checks/check.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "tradecheck/checks/fact_key.hpp"

namespace tradecheck::checks {

std::vector<std::string> key_fields(const std::string& key) {
    std::vector<std::string> fields(1);
    for (char c : key) {
        if (c == '|') fields.emplace_back();
        else fields.back() += c;
    }
    return fields;
}

namespace {

constexpr std::size_t period_field = 6;

// A claim's figure, in its own unit or converted to US dollars.
struct Reading {
    Interval interval;
    double value = 0;
    bool ok = true;        // false: a currency without a rate
    bool converted = false;
};

class Judge {
public:
    Judge(const std::vector<Claim>& claims, const CheckOptions& options) : claims_(claims), options_(options) {}

    Finding judge(const std::string& key, std::vector<std::size_t> members, std::vector<std::size_t> undated) const {
        Finding f;
        f.key = key;
        f.kind = claims_[members.empty() ? undated.front() : members.front()].kind;
        f.undated = undated;
        f.claims = std::move(members);
        f.claims.insert(f.claims.end(), undated.begin(), undated.end());
        std::sort(f.claims.begin(), f.claims.end());
        std::set<std::string> sources;
        for (std::size_t i : f.claims) {
            const std::string& s = source(i);
            sources.insert(s);
            if (s != claims_[i].article &&
                std::find(f.same_text.begin(), f.same_text.end(), std::pair{claims_[i].article, s}) == f.same_text.end())
                f.same_text.emplace_back(claims_[i].article, s);
        }
        f.sources = sources.size();
        if (f.sources < 2) return f;   // single
        if (const std::string missing = underspecified(claims_[f.claims.front()]); !missing.empty()) {
            // Without knowing whose figure it is, or of what, claims of one kind are not one fact.
            f.status = Status::not_comparable;
            f.note = missing;
            return f;
        }

        std::set<std::string> units;
        for (std::size_t i : f.claims) units.insert(claims_[i].quantity.unit);
        const bool to_usd = units.size() > 1;   // one currency compares as printed
        const bool periodic_open = key_fields(key).size() > period_field && key_fields(key)[period_field] == "-" &&
                                   options_.periodic_kinds.count(f.kind) != 0;
        bool incomparable = false, disjoint_open = false, forecast = false, scale = false;
        // One source is one voice: two sources disagree only when none of the figures one prints
        // for the fact meets any the other prints (a story may quote the old figure and the new).
        std::map<std::pair<std::string, std::string>, std::vector<Disagreement>> pairs;
        std::set<std::pair<std::string, std::string>> consistent;
        for (std::size_t x = 0; x < f.claims.size(); ++x)
            for (std::size_t y = x + 1; y < f.claims.size(); ++y) {
                const std::size_t a = f.claims[x], b = f.claims[y];
                if (source(a) == source(b)) continue;
                const auto voices = std::minmax(source(a), source(b));
                const Reading ra = read(a, to_usd), rb = read(b, to_usd);
                if (!ra.ok || !rb.ok) { incomparable = true; continue; }
                f.converted |= ra.converted || rb.converted;
                auto d = compare(a, b, ra, rb);
                if (!d) {
                    consistent.insert(voices);
                    f.rounding_only |= agrees_by_rounding(a, b);
                    continue;
                }
                // Claims without a period never make a conflict by themselves.
                if (is_in(undated, a) || is_in(undated, b)) continue;
                if (periodic_open && !d->on_horizon) { disjoint_open = true; continue; }
                // A figure for a year not yet over is a forecast; forecasts differ without conflict.
                if (is_forecast(a) || is_forecast(b)) { forecast = true; continue; }
                if (!d->on_horizon && different_scale(a, ra, rb)) { scale = true; continue; }
                pairs[voices].push_back(*d);
            }
        for (auto& [voices, ds] : pairs)
            if (!consistent.count(voices)) f.conflicts.insert(f.conflicts.end(), ds.begin(), ds.end());
        const bool real = std::any_of(f.conflicts.begin(), f.conflicts.end(), [](const Disagreement& d) { return !d.revision; });
        if (real) f.status = Status::conflict;
        else if (!f.conflicts.empty()) f.status = Status::revised;
        else if (incomparable) {
            f.status = Status::not_comparable;
            f.note = "figures in currencies with no rate on file; add one to the rates table";
        } else if (disjoint_open) {
            f.status = Status::not_comparable;
            f.note = "figures differ but no period is stated: they may be for different months or years";
        } else if (scale) {
            f.status = Status::not_comparable;
            f.note = "amounts differ more than twofold: probably different measures (a total and a part, a month "
                     "and a year)";
        } else if (forecast) {
            f.status = Status::not_comparable;
            f.note = "figures differ but are for a period not over when the articles were written: forecasts";
        } else {
            f.status = Status::agree;
        }
        return f;
    }

    // `to_usd`: convert money to US dollars (when the claims compared are in several currencies).
    Reading read(std::size_t i, bool to_usd) const {
        const Claim& c = claims_[i];
        Reading r{interval_of(c.quantity), c.quantity.value, true, false};
        if (!to_usd) return r;
        if (c.quantity.type != QuantityType::money) { r.ok = false; return r; }
        if (c.quantity.unit == "USD") return r;
        const int year = c.year ? *c.year : year_of(c.article);
        const auto rate = options_.rates && year ? options_.rates->per_usd(c.quantity.unit, year) : std::nullopt;
        if (!rate) { r.ok = false; return r; }
        const auto usd = [&](double v) { return std::isinf(v) ? v : v / *rate; };
        r.interval = {usd(r.interval.lo) * (1 - conversion_tolerance), usd(r.interval.hi) * (1 + conversion_tolerance),
                      r.interval.lo_open, r.interval.hi_open};
        r.value = usd(r.value);
        r.converted = true;
        return r;
    }

private:
    const std::string& source(std::size_t i) const {
        const auto it = options_.source_of.find(claims_[i].article);
        return it == options_.source_of.end() ? claims_[i].article : it->second;
    }

    int year_of(const std::string& article) const {
        const auto it = options_.article_year.find(article);
        return it == options_.article_year.end() ? 0 : it->second;
    }

    // What a fact lacks to be one fact, for people; "" when it is complete.
    std::string underspecified(const Claim& c) const {
        if (c.actor.empty() && c.partner.empty()) return "the articles do not say whose figure this is";
        if (options_.needs_metric.count(c.kind) && c.metric.empty()) return "the articles do not say what this figure measures";
        if (c.kind == "tariff_rate" && c.partner.empty() && c.product.empty())
            return "the articles do not say on whom or on what this tariff falls";
        return {};
    }

    bool different_scale(std::size_t a, const Reading& ra, const Reading& rb) const {
        const QuantityType t = claims_[a].quantity.type;
        if (t != QuantityType::money && t != QuantityType::number) return false;
        const double lo = std::min(std::fabs(ra.value), std::fabs(rb.value));
        const double hi = std::max(std::fabs(ra.value), std::fabs(rb.value));
        return lo > 0 && hi / lo > different_measure_ratio;
    }

    bool is_forecast(std::size_t i) const {
        const Claim& c = claims_[i];
        if (c.period != Period::in || !c.year || c.month || !options_.periodic_kinds.count(c.kind)) return false;
        const int published = year_of(c.article);
        return published && *c.year >= published;
    }

    static bool is_in(const std::vector<std::size_t>& v, std::size_t i) {
        return std::find(v.begin(), v.end(), i) != v.end();
    }

    static std::optional<Interval> horizon_of(const Claim& c) {
        if (c.period != Period::by || !c.year) return std::nullopt;
        return year_interval(c.year_low.value_or(*c.year), c.year_high.value_or(*c.year));
    }

    static double relative(double gap, double a, double b) {
        const double base = std::min(std::fabs(a), std::fabs(b));
        return base > 0 ? gap / base : 0;
    }

    std::optional<Disagreement> compare(std::size_t ia, std::size_t ib, const Reading& ra, const Reading& rb) const {
        const Claim& a = claims_[ia];
        const Claim& b = claims_[ib];
        const bool revision = a.basis == "revised" || b.basis == "revised";
        if (!meets(ra.interval, rb.interval)) {
            const double gap = std::fabs(ra.value - rb.value);
            return Disagreement{ia, ib, false, revision, gap, relative(gap, ra.value, rb.value)};
        }
        // An open horizon never conflicts by itself; two stated horizons must meet.
        const auto ha = horizon_of(a), hb = horizon_of(b);
        if (ha && hb && !meets(*ha, *hb)) {
            const double gap = std::fabs(*a.year - *b.year);
            return Disagreement{ia, ib, true, revision, gap, relative(gap, *a.year, *b.year)};
        }
        return std::nullopt;
    }

    // The figures differ as printed and meet only once widened for rounding.
    bool agrees_by_rounding(std::size_t ia, std::size_t ib) const {
        const Quantity& a = claims_[ia].quantity;
        const Quantity& b = claims_[ib].quantity;
        return a.qualifier == Qualifier::exact && b.qualifier == Qualifier::exact && a.unit == b.unit &&
               a.value != b.value;
    }

    const std::vector<Claim>& claims_;
    const CheckOptions& options_;
};

// The key without its period: claims that differ only in period are the same series.
std::string series_of(const std::string& key) {
    auto fields = key_fields(key);
    if (fields.size() > period_field) fields[period_field] = "*";
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "|" : "") + fields[i];
    return out;
}

bool dated(const std::string& key) {
    const auto fields = key_fields(key);
    return fields.size() > period_field && fields[period_field] != "-" && fields[period_field] != "by";
}

struct Groups {
    std::map<std::string, std::vector<std::size_t>> members;
    std::map<std::string, std::vector<std::size_t>> undated;   // joined from the open group
};

// An undated claim joins the dated fact of its series whose figures it fits (the one with the
// most claims when several do): "the 169.8 billion dlr deficit" in a 1987 story is the 1986 one.
void attach_undated(Groups& g, const std::vector<Claim>& claims, const Judge& judge) {
    std::map<std::string, std::vector<std::string>> dated_by_series;
    for (const auto& [key, members] : g.members)
        if (dated(key)) dated_by_series[series_of(key)].push_back(key);
    for (auto& [key, members] : g.members) {
        const auto fields = key_fields(key);
        if (fields.size() <= period_field || fields[period_field] != "-") continue;
        const auto series = dated_by_series.find(series_of(key));
        if (series == dated_by_series.end()) continue;
        std::vector<std::size_t> stay;
        for (std::size_t i : members) {
            const std::string* best = nullptr;
            for (const std::string& candidate : series->second) {
                const auto& others = g.members[candidate];
                const bool fits = std::any_of(others.begin(), others.end(), [&](std::size_t j) {
                    const bool to_usd = claims[i].quantity.unit != claims[j].quantity.unit;
                    const Reading ri = judge.read(i, to_usd), rj = judge.read(j, to_usd);
                    return ri.ok && rj.ok && meets(ri.interval, rj.interval);
                });
                if (fits && (!best || others.size() > g.members[*best].size())) best = &candidate;
            }
            if (best) g.undated[*best].push_back(i);
            else stay.push_back(i);
        }
        members = std::move(stay);
    }
}

} // namespace

std::vector<Finding> check(const std::vector<Claim>& claims, const CheckOptions& options) {
    Judge judge(claims, options);

    Groups g;
    for (std::size_t i = 0; i < claims.size(); ++i)
        g.members[claims[i].key.empty() ? fact_key(claims[i]) : claims[i].key].push_back(i);
    attach_undated(g, claims, judge);

    std::vector<Finding> findings;
    for (auto& [key, members] : g.members) {
        auto& undated = g.undated[key];
        if (members.empty() && undated.empty()) continue;
        Finding f = judge.judge(key, members, undated);
        if (f.sources >= options.min_sources) findings.push_back(std::move(f));
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.status < b.status; });
    return findings;
}

} // namespace tradecheck::checks
