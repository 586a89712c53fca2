// A fact's values over time: the points and the step chart (timeline.hpp).
#include "timeline.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include <fmt/core.h>

#include "format_util.hpp"

namespace tradecheck::report::timeline {

namespace {

// A value that steps: in force, or decided and coming into force.
bool steps(const std::string& status) { return !is_prospect(status) && status != "previous"; }

std::string value_label(const db::StoredClaim& s) {
    const Quantity& q = s.claim.quantity;
    const std::string unit = q.unit == "%" || q.unit == "percent" ? "%" : " " + q.unit;
    return human(q.value) + unit;
}

long day_number(const Day& d) { return std::chrono::sys_days{d}.time_since_epoch().count(); }

} // namespace

bool is_prospect(const std::string& status) {
    return status == "threatened" || status == "proposed" || status == "expected" || status == "target";
}

std::vector<Point> points(const std::vector<db::StoredClaim>& claims, const std::vector<std::size_t>& members) {
    std::vector<Point> result;
    for (std::size_t i : members) {
        const Claim& c = claims[i].claim;
        if (!c.valid_from && !c.valid_to) continue;
        result.push_back({i, c.valid_from ? *c.valid_from : *c.valid_to, c.valid_from ? c.valid_to : std::nullopt});
    }
    std::stable_sort(result.begin(), result.end(), [&](const Point& a, const Point& b) {
        if (a.from != b.from) return a.from < b.from;
        return claims[a.claim].published < claims[b.claim].published;
    });
    // A step without a stated end lasts until the next value that steps starts.
    for (std::size_t i = 0; i < result.size(); ++i) {
        Point& p = result[i];
        if (p.until || !steps(claims[p.claim].claim.status)) continue;
        for (std::size_t j = i + 1; j < result.size(); ++j)
            if (result[j].from > p.from && steps(claims[result[j].claim].claim.status)) {
                p.until = result[j].from;
                break;
            }
    }
    return result;
}

bool worth_showing(const std::vector<db::StoredClaim>& claims, const std::vector<Point>& points) {
    std::set<double> values;
    std::set<long> days;
    std::set<std::string> statuses;
    for (const Point& p : points) {
        values.insert(claims[p.claim].claim.quantity.value);
        days.insert(day_number(p.from));
        statuses.insert(claims[p.claim].claim.status);
    }
    return values.size() > 1 && (days.size() > 1 || statuses.size() > 1);
}

std::string when_text(const db::StoredClaim& s) {
    const Claim& c = s.claim;
    if (c.valid_from && c.valid_to) return fmt::format("{} .. {}", to_iso(c.valid_from), to_iso(c.valid_to));
    if (c.valid_from) return "from " + to_iso(c.valid_from);
    if (c.valid_to) return "until " + to_iso(c.valid_to);
    return "-";
}

std::string svg(const std::vector<db::StoredClaim>& claims, const std::vector<Point>& points,
                std::string (*escape)(std::string_view)) {
    if (points.empty()) return {};
    constexpr double width = 760, height = 230, left = 64, right = 24, top = 18, bottom = 58;

    long first = day_number(points.front().from), last = first;
    double lo = 0, hi = 0;
    for (const Point& p : points) {
        first = std::min(first, day_number(p.from));
        last = std::max({last, day_number(p.from), p.until ? day_number(*p.until) : last});
        const double v = claims[p.claim].claim.quantity.value;
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    // Room on both sides, and for an open end to show as one.
    const long span = std::max(last - first, 20L);
    first -= span / 12;
    last += span / 6;
    // Round grid lines: four steps of 1, 2, 2.5 or 5 times a power of ten.
    {
        const double raw = std::max((hi - lo) * 1.12, 1e-9) / 4;
        const double power = std::pow(10, std::floor(std::log10(raw)));
        double step = power * 10;
        for (double m : {1.0, 2.0, 2.5, 5.0})
            if (m * power >= raw) { step = m * power; break; }
        lo = std::floor(lo / step) * step;
        hi = lo + 4 * step;
    }
    const auto x = [&](long day) { return left + (width - left - right) * double(day - first) / double(last - first); };
    const auto y = [&](double v) { return top + (height - top - bottom) * (hi - v) / (hi - lo); };

    std::ostringstream o;
    o << fmt::format(R"(<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" )"
                     R"(role="img" aria-label="values over time" font-family="system-ui, sans-serif" font-size="11">)",
                     width, height);
    // Value grid: four steps from the lower to the upper bound.
    for (int k = 0; k <= 4; ++k) {
        const double v = lo + (hi - lo) * k / 4;
        o << fmt::format(R"(<line class="grid" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>)", left, width - right,
                         y(v), y(v));
        o << fmt::format(R"(<text class="tick-label" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)", left - 6,
                         y(v) + 4, escape(human(v)));
    }
    // Day axis: weeks over a few weeks, months over a year or so, else years; at most a dozen labels.
    const bool months = last - first < 500;
    std::vector<std::pair<long, std::string>> ticks;
    if (last - first < 70) {
        for (long d = first; d <= last; d += 7) ticks.emplace_back(d, to_iso(Day{std::chrono::sys_days{std::chrono::days{d}}}).substr(5));
    } else {
        using namespace std::chrono;
        const Day start{sys_days{days{first}}};
        Day tick = months ? Day{start.year() / start.month() / 1} : Day{start.year() / January / 1};
        for (; day_number(tick) <= last; tick = months ? tick + std::chrono::months{1} : tick + years{1})
            if (day_number(tick) >= first)
                ticks.emplace_back(day_number(tick), to_iso(tick).substr(0, months ? 7 : 4));
    }
    const std::size_t every = ticks.size() / 12 + 1;
    const double axis_y = height - bottom;
    o << fmt::format(R"(<line class="axis" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/>)", left, width - right,
                     axis_y, axis_y);
    for (std::size_t k = 0; k < ticks.size(); k += every)
        o << fmt::format(R"(<line class="tick" x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}"/>)"
                         R"(<text class="tick-label" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">{4}</text>)",
                         x(ticks[k].first), axis_y, axis_y + 4, axis_y + 16, ticks[k].second);

    // Risers first, behind the steps: one value in force giving way to the next.
    const Point* previous_step = nullptr;
    for (const Point& p : points) {
        if (!steps(claims[p.claim].claim.status)) continue;
        if (previous_step && previous_step->until && *previous_step->until == p.from)
            o << fmt::format(R"(<line class="riser" x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}"/>)",
                             x(day_number(p.from)), y(claims[previous_step->claim].claim.quantity.value),
                             y(claims[p.claim].claim.quantity.value));
        previous_step = &p;
    }
    for (const Point& p : points) {
        const db::StoredClaim& s = claims[p.claim];
        const std::string& status = s.claim.status.empty() ? std::string("in_effect") : s.claim.status;
        const double v = s.claim.quantity.value;
        if (!std::isfinite(v)) continue;
        const double x0 = x(day_number(p.from)), y0 = y(v);
        const std::string title = escape(fmt::format("{} {} ({}) — {}{}", value_label(s), status, when_text(s),
                                                     s.claim.article, s.outlet.empty() ? "" : " · " + s.outlet));
        std::string css = status;
        std::replace(css.begin(), css.end(), ' ', '_');
        if (is_prospect(status)) {
            o << fmt::format(R"(<g class="point {0}"><title>{1}</title><circle cx="{2:.1f}" cy="{3:.1f}" r="5"/>)"
                             R"(<text x="{4:.1f}" y="{5:.1f}">{6} {0}</text></g>)",
                             css, title, x0, y0, x0 + 8, y0 - 6, escape(value_label(s)));
            continue;
        }
        // An older value quoted for comparison ends where it was replaced: a short stub up to it.
        const double x1 = status == "previous" && !s.claim.valid_from ? x0
                          : p.until                                   ? x(day_number(*p.until))
                                                                      : width - right;
        const double xs = status == "previous" && !s.claim.valid_from ? std::max(left, x0 - 40) : x0;
        o << fmt::format(R"(<g class="point {0}{1}"><title>{2}</title>)"
                         R"(<line class="step" x1="{3:.1f}" x2="{4:.1f}" y1="{5:.1f}" y2="{5:.1f}"/>)"
                         R"(<circle cx="{6:.1f}" cy="{5:.1f}" r="3.5"/><text x="{7:.1f}" y="{8:.1f}">{9}</text></g>)",
                         css, p.until || status == "previous" ? "" : " open", title, xs, x1, y0,
                         status == "previous" && !s.claim.valid_from ? x1 : x0, xs + 4, y0 - 6, escape(value_label(s)));
    }
    // The legend says what each mark means.
    const double ly = height - 18;
    double lx = left;
    for (const auto& [css, words] : {std::pair{"in_effect", "in force"}, std::pair{"announced", "announced"},
                                     std::pair{"previous", "older value quoted"},
                                     std::pair{"threatened", "threat, proposal, forecast, target"}}) {
        if (std::string_view(css) == "threatened")
            o << fmt::format(R"(<g class="point threatened"><circle cx="{:.1f}" cy="{:.1f}" r="4"/></g>)", lx + 8, ly - 4);
        else
            o << fmt::format(R"(<g class="point {}"><line class="step" x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}"/></g>)",
                             css, lx, lx + 18, ly - 4, ly - 4);
        o << fmt::format(R"(<text class="tick-label" x="{:.1f}" y="{:.1f}">{}</text>)", lx + 22, ly, words);
        lx += 40 + 6.2 * std::string_view(words).size();
    }
    o << "</svg>";
    return o.str();
}

} // namespace tradecheck::report::timeline
