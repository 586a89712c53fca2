// The HTML report: `tradecheck check --format html`. One self-contained page: inline CSS and
// inline SVG, no scripts, no network. Every piece of text that comes from an article (ids,
// titles, outlets, dates, quotes, keys, names) goes through html_escape().
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "format_util.hpp"
#include "parts.hpp"
#include "timeline.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

namespace {

using checks::Disagreement;
using checks::Finding;
using checks::Interval;
using checks::Status;

// & < > " ' as entities: safe in text, in attribute values and inside SVG <text>.
std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

// "electric_vehicles" -> "electric vehicles".
std::string words(std::string_view id) {
    std::string out(id);
    std::replace(out.begin(), out.end(), '_', ' ');
    return out;
}

std::string_view status_label(Status s) {
    switch (s) {
    case Status::conflict: return "Conflict";
    case Status::stale: return "Stale figure";
    case Status::revised: return "Revised";
    case Status::changed: return "Changed over time";
    case Status::not_comparable: return "Not comparable";
    case Status::agree: return "Agree";
    case Status::single: return "Single source";
    }
    return "Single source";
}

// A symbol beside the word, so the badge does not rely on colour.
std::string_view status_symbol(Status s) {
    switch (s) {
    case Status::conflict: return "\u2717";        // ✗
    case Status::stale: return "\u231b";           // ⌛
    case Status::revised: return "\u21bb";         // ↻
    case Status::changed: return "\u2197";         // ↗
    case Status::not_comparable: return "\u2248";  // ≈ (different units)
    case Status::agree: return "\u2713";           // ✓
    case Status::single: return "\u2022";          // •
    }
    return "\u2022";
}

std::string badge(Status s) {
    return fmt::format(R"(<span class="badge {}">{} {}</span>)", to_string(s), status_symbol(s), status_label(s));
}

// One figure in its unit, compact, for axis ticks and intervals: "25%", "70 billion", "2×".
std::string with_unit(double v, std::string_view unit) {
    if (std::isinf(v)) return v < 0 ? "\u2212\u221e" : "\u221e";
    if (std::fabs(v) < 1e-12 * std::max(1.0, std::fabs(v))) v = 0;   // no "-0"
    const std::string h = human(v);
    if (unit == "percent") return h + "%";
    if (unit == "percentage_point") return h + " pp";
    if (unit == "multiplier") return h + "\u00d7";
    return h;
}

// The unit as a reader names it, for captions: "percent", "USD", "" for plain numbers.
std::string unit_words(std::string_view unit) {
    if (unit.empty()) return "plain number";
    if (unit == "multiplier") return "multiple (\u00d7)";
    return words(unit);
}

// The figure as printed, with its qualifier and unit: "more than 100%", "70 billion USD".
std::string figure_text(const Quantity& q) {
    std::string v = q.qualifier == Qualifier::between
                        ? with_unit(q.low, q.unit) + "\u2013" + with_unit(q.high, q.unit)
                        : with_unit(q.value, q.unit);
    if (q.unit != "percent" && q.unit != "percentage_point" && q.unit != "multiplier" && !q.unit.empty())
        v += " " + q.unit;
    switch (q.qualifier) {
    case Qualifier::exact:
    case Qualifier::between: return v;
    case Qualifier::about: return "about " + v;
    case Qualifier::more_than: return "more than " + v;
    case Qualifier::at_least: return "at least " + v;
    case Qualifier::less_than: return "less than " + v;
    case Qualifier::at_most: return "at most " + v;
    }
    return v;
}

std::string interval_words(const Interval& i, std::string_view unit) {
    return fmt::format("{}{}, {}{}", i.lo_open || std::isinf(i.lo) ? '(' : '[', with_unit(i.lo, unit),
                       with_unit(i.hi, unit), i.hi_open || std::isinf(i.hi) ? ')' : ']');
}

// The size of a gap in words: "10 percentage points", "5 years", "20 billion USD".
std::string gap_amount(const Disagreement& d, std::string_view unit) {
    const std::string h = human(d.gap);
    if (d.on_horizon) return fmt::format("{} year{}", h, d.gap == 1 ? "" : "s");
    if (unit == "percent") return fmt::format("{} percentage point{}", h, d.gap == 1 ? "" : "s");
    if (unit == "percentage_point") return h + " pp";
    if (unit == "multiplier") return h + "\u00d7";
    return unit.empty() ? h : h + " " + std::string(unit);
}

std::string relative_words(double r) {
    const double pct = 100 * r;
    return pct >= 1 || pct == 0 ? fmt::format("{:.0f}%", pct) : fmt::format("{:.2g}%", pct);
}

// ---- the fact in words ----

// "in 2024", "in February 1987", "by 2030 (2029-2031)", "none stated". The month comes from the
// claim or else from the fact key's period ("1987-02").
std::string period_words(const Claim& c, const std::string& key) {
    static constexpr std::string_view months[] = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
    int month = c.month.value_or(0);
    if (c.period == Period::in && c.year && month == 0) {
        const std::vector<std::string> fields = checks::key_fields(key);
        const std::string prefix = fmt::format("{}-", *c.year);
        if (fields.size() > 6 && fields[6].size() == prefix.size() + 2 && fields[6].rfind(prefix, 0) == 0 &&
            std::isdigit(static_cast<unsigned char>(fields[6][prefix.size()])) &&
            std::isdigit(static_cast<unsigned char>(fields[6][prefix.size() + 1])))
            month = std::stoi(fields[6].substr(prefix.size()));
    }
    if (c.period == Period::in && c.year && month >= 1 && month <= 12)
        return fmt::format("in {} {}", months[month - 1], *c.year);
    if (c.period == Period::open) return "none stated";
    return period_text(c);
}

struct Field {
    std::string label;
    std::string value;   // plain text, escaped when written
};

std::vector<Field> fact_fields(const Finding& f, const Claim& c) {
    std::vector<Field> out;
    out.push_back({"Kind", words(f.kind)});
    std::string who = c.actor.empty() ? "unknown" : c.actor;
    if (!c.partner.empty()) who += " \u2192 " + c.partner;
    out.push_back({c.partner.empty() ? "Actor" : "Actor \u2192 partner", who});
    if (!c.product.empty()) out.push_back({"Product", words(c.product)});
    if (!c.metric.empty()) out.push_back({"Metric", words(c.metric)});
    if (!c.basis.empty()) out.push_back({"Basis", words(c.basis)});
    std::string period = period_words(c, f.key);
    if (c.period == Period::by) period = "a target, by a horizon year";
    out.push_back({"Period", period});
    return out;
}

std::string fact_title(const Finding& f, const Claim& c) {
    std::string who = c.actor.empty() ? "?" : c.actor;
    if (!c.partner.empty()) who += " \u2192 " + c.partner;
    std::string t = words(f.kind);
    if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
    t += ": " + who;
    for (const std::string* s : {&c.product, &c.metric, &c.basis})
        if (!s->empty()) t += ", " + words(*s);
    if (c.period == Period::in && c.year) t += ", " + period_words(c, f.key);
    if (c.period == Period::by) t += " (target)";
    return t;
}

// ---- the quote ----

// The sentence around the claim, escaped, with the figure in <mark>.
std::string quote_html(const FindingsView& v, const db::StoredClaim& s) {
    const std::string& text = text_of(v, s);
    if (text.empty()) return "<mark>" + html_escape(s.claim.text) + "</mark>";
    // \x01 and \x02 mark the figure; any in the article become spaces (same byte count, so the
    // code point offsets still hold).
    std::string q;
    if (text.find_first_of("\x01\x02") == std::string::npos) {
        q = quote(text, s.claim.start, s.claim.end, "\x01", "\x02");
    } else {
        std::string clean = text;
        std::replace(clean.begin(), clean.end(), '\x01', ' ');
        std::replace(clean.begin(), clean.end(), '\x02', ' ');
        q = quote(clean, s.claim.start, s.claim.end, "\x01", "\x02");
    }
    // "...the ministry said...." reads better as "...the ministry said."
    if (q.size() > 4 && q.compare(q.size() - 3, 3, "...") == 0 && std::string_view(".!?").find(q[q.size() - 4]) !=
                                                                      std::string_view::npos)
        q.resize(q.size() - 3);
    const auto open = q.find('\x01');
    const auto close = open == std::string::npos ? std::string::npos : q.find('\x02', open);
    if (close == std::string::npos) return html_escape(q);
    return html_escape(q.substr(0, open)) + "<mark>" + html_escape(q.substr(open + 1, close - open - 1)) +
           "</mark>" + html_escape(q.substr(close + 1));
}

// ---- the number line ----

struct Row {
    std::string label;    // article id
    std::string tip;      // hover text
    Interval iv;
    double value = 0;
    bool involved = false;   // in one of the fact's disagreements
};

struct Gap {
    double from = 0, to = 0;
    std::string label;
};

struct Chart {
    std::string caption;
    std::string unit;         // for tick labels
    bool years = false;       // integer ticks, no scaling
    std::vector<Row> rows;
    std::vector<Gap> gaps;
};

std::string num(double x) { return fmt::format("{:.1f}", x); }

std::vector<double> nice_ticks(double lo, double hi, bool integers) {
    const double span = hi - lo;
    double raw = span / 5;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double norm = raw / mag;
    double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
    if (integers) step = std::max(1.0, std::round(step));
    std::vector<double> ticks;
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9 && ticks.size() < 20; t += step)
        ticks.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
    return ticks;
}

// Where the row's caps, bar and value sit, as an SVG number line with one row per claim.
std::string chart_svg(const Chart& ch) {
    constexpr double width = 820, label_right = 150, x0 = 184, x1 = 780, row_h = 24;
    constexpr double arrow_left = 166, arrow_right = 804;
    const double top = 14 + 16 * static_cast<double>(std::min<std::size_t>(ch.gaps.size(), 3));

    // The axis spans every finite end and value, padded.
    double lo = unbounded, hi = -unbounded;
    const auto take = [&](double x) {
        if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
    };
    for (const Row& r : ch.rows) {
        take(r.iv.lo);
        take(r.iv.hi);
        take(r.value);
    }
    if (!(lo <= hi)) lo = 0, hi = 1;
    if (hi - lo <= 1e-9 * std::max(1.0, std::fabs(hi))) {
        const double pad = ch.years ? 2 : std::max(std::fabs(lo) * 0.1, 1.0);
        lo -= pad, hi += pad;
    } else {
        const double pad = (hi - lo) * 0.08;
        lo -= pad, hi += pad;
    }
    const auto x = [&](double v) {
        if (v == -unbounded) return arrow_left;
        if (v == unbounded) return arrow_right;
        return x0 + (v - lo) / (hi - lo) * (x1 - x0);
    };

    const double axis_y = top + row_h * static_cast<double>(ch.rows.size()) + 4;
    const double height = axis_y + 40;
    std::ostringstream o;
    o << fmt::format(R"(<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {1}" )"
                     R"(width="{0}" height="{1}" role="img" aria-label="{2}">)",
                     num(width), num(height), html_escape("Number line: " + ch.caption));
    o << "<title>" << html_escape("Number line: " + ch.caption) << "</title>";

    // Gaps first, behind everything: a hatched red band between the disagreeing intervals.
    std::size_t gi = 0;
    for (const Gap& g : ch.gaps) {
        const double a = x(g.from), b = x(g.to);
        const double left = std::min(a, b), w = std::max(std::fabs(b - a), 2.0);
        o << fmt::format(R"~(<g class="gap"><rect x="{}" y="{}" width="{}" height="{}" fill="url(#hatch)" )~"
                         R"(stroke="#c5221f" stroke-dasharray="3 2"/>)",
                         num(left), num(top - 4), num(w), num(axis_y - top + 4));
        if (gi < 3) {
            const double ly = 12 + 16 * static_cast<double>(gi);
            const double lx = std::clamp(left + w / 2, x0 + 40, x1 - 40);
            o << fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="gap-label">{}</text>)", num(lx),
                             num(ly), html_escape(g.label));
        }
        o << "</g>";
        ++gi;
    }

    // Grid and axis.
    const auto ticks = nice_ticks(lo, hi, ch.years);
    for (double t : ticks) {
        const double tx = x(t);
        o << fmt::format(R"(<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" class="grid"/>)", num(tx), num(top - 6),
                         num(axis_y));
        o << fmt::format(R"(<line x1="{0}" x2="{0}" y1="{1}" y2="{2}" class="tick"/>)", num(tx), num(axis_y),
                         num(axis_y + 5));
        o << fmt::format(R"(<text x="{}" y="{}" text-anchor="middle" class="tick-label">{}</text>)", num(tx),
                         num(axis_y + 18),
                         html_escape(ch.years ? fmt::format("{:.0f}", t) : with_unit(t, ch.unit)));
    }
    o << fmt::format(R"(<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="axis"/>)", num(x0 - 8), num(x1 + 8),
                     num(axis_y));
    o << fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="axis-caption">{}</text>)", num(x1 + 8),
                     num(axis_y + 34), html_escape(ch.caption));

    // One row per claim: bar, end caps (filled = closed, hollow = open, arrow = unbounded), value.
    double y = top + row_h / 2;
    for (const Row& r : ch.rows) {
        const std::string cls = r.involved ? "row involved" : "row";
        o << fmt::format(R"(<g class="{}"><title>{}</title>)", cls, html_escape(r.tip));
        std::string label = r.label;
        if (label.size() > 24) {
            std::size_t cut = 22;
            while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0u) == 0x80u) --cut;
            label = label.substr(0, cut) + "\u2026";
        }
        o << fmt::format(R"(<text x="{}" y="{}" text-anchor="end" class="row-label">{}</text>)", num(label_right),
                         num(y + 4), html_escape(label));
        const double a = x(r.iv.lo), b = x(r.iv.hi);
        o << fmt::format(R"(<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" class="bar"/>)", num(a), num(b), num(y));
        const auto cap = [&](double v, double cx, bool open, bool left) {
            if (std::isinf(v)) {   // an arrow with its tip at the edge
                o << fmt::format(R"(<path d="M{} {} l{} -6 l0 12 z" class="arrow"/>)", num(cx), num(y),
                                 left ? 8 : -8);
            } else {
                o << fmt::format(R"(<circle cx="{}" cy="{}" r="4.5" class="{}"/>)", num(cx), num(y),
                                 open ? "cap open" : "cap closed");
            }
        };
        cap(r.iv.lo, a, r.iv.lo_open, true);
        cap(r.iv.hi, b, r.iv.hi_open, false);
        if (std::isfinite(r.value)) {
            const double vx = x(r.value);
            o << fmt::format(R"(<path d="M{} {} l5 5 l-5 5 l-5 -5 z" class="value"/>)", num(vx), num(y - 5));
        }
        o << "</g>";
        y += row_h;
    }
    o << "</svg>";
    return o.str();
}

// The gap between two disagreeing intervals, in value order.
Gap gap_between(const Interval& a, const Interval& b, std::string label) {
    if (a.hi <= b.lo) return {a.hi, b.lo, std::move(label)};
    return {b.hi, a.lo, std::move(label)};
}

std::vector<Chart> charts_for(const Finding& f, const std::vector<db::StoredClaim>& claims) {
    std::vector<Chart> charts;
    const auto involved = [&](std::size_t i) {
        return std::any_of(f.conflicts.begin(), f.conflicts.end(),
                           [&](const Disagreement& d) { return d.a == i || d.b == i; });
    };
    // One axis per unit (more than one only when the fact is not comparable).
    std::vector<std::string> units;
    for (std::size_t i : f.claims)
        if (std::find(units.begin(), units.end(), claims[i].claim.quantity.unit) == units.end())
            units.push_back(claims[i].claim.quantity.unit);
    for (const std::string& unit : units) {
        Chart ch;
        ch.unit = unit;
        ch.caption = "value, " + unit_words(unit);
        for (std::size_t i : f.claims) {
            const Claim& c = claims[i].claim;
            if (c.quantity.unit != unit) continue;
            const Interval iv = checks::interval_of(c.quantity);
            ch.rows.push_back({c.article,
                               fmt::format("{}: {} (allows {})", c.article, figure_text(c.quantity),
                                           interval_words(iv, unit)),
                               iv, c.quantity.value, involved(i)});
        }
        for (const Disagreement& d : f.conflicts) {
            if (d.on_horizon || claims[d.a].claim.quantity.unit != unit || claims[d.b].claim.quantity.unit != unit)
                continue;   // figures compared through a conversion have no gap on this axis
            Gap g = gap_between(checks::interval_of(claims[d.a].claim.quantity),
                                checks::interval_of(claims[d.b].claim.quantity),
                                fmt::format("gap {} ({})", gap_amount(d, unit), relative_words(d.relative_gap)));
            const bool seen = std::any_of(ch.gaps.begin(), ch.gaps.end(),
                                          [&](const Gap& o) { return o.from == g.from && o.to == g.to; });
            if (!seen) ch.gaps.push_back(std::move(g));
        }
        charts.push_back(std::move(ch));
    }
    // Targets: their horizons on a second axis of years.
    Chart horizon;
    horizon.years = true;
    horizon.caption = "horizon, target year";
    const auto horizon_of = [&](const Claim& c) {
        return checks::year_interval(c.year_low.value_or(*c.year), c.year_high.value_or(*c.year));
    };
    for (std::size_t i : f.claims) {
        const Claim& c = claims[i].claim;
        if (c.period != Period::by || !c.year) continue;
        const Interval iv = horizon_of(c);
        horizon.rows.push_back({c.article, fmt::format("{}: {}", c.article, period_text(c)), iv,
                                static_cast<double>(*c.year), involved(i)});
    }
    for (const Disagreement& d : f.conflicts) {
        if (!d.on_horizon) continue;
        const Claim& a = claims[d.a].claim;
        const Claim& b = claims[d.b].claim;
        if (!a.year || !b.year) continue;
        Gap g = gap_between(horizon_of(a), horizon_of(b),
                            fmt::format("gap {} ({})", gap_amount(d, ""), relative_words(d.relative_gap)));
        const bool seen = std::any_of(horizon.gaps.begin(), horizon.gaps.end(),
                                      [&](const Gap& o) { return o.from == g.from && o.to == g.to; });
        if (!seen) horizon.gaps.push_back(std::move(g));
    }
    if (!horizon.rows.empty()) charts.push_back(std::move(horizon));
    return charts;
}

// ---- the page ----

constexpr std::string_view css = R"CSS(
:root { --conflict:#b3261e; --stale:#a0410d; --revised:#6f42c1; --changed:#1f5fa8; --not_comparable:#8a5300; --agree:#1e6b35; --single:#5f6368;
        --bar:#3b6ea8; --ink:#1f2328; --muted:#57606a; --rule:#d0d7de; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 980px; margin: 0 auto; padding: 24px 28px 48px; }
header.top { border-bottom: 2px solid var(--rule); padding-bottom: 12px; margin-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 6px; }
.summary { font-size: 17px; margin: 0 0 10px; }
.counts { list-style: none; padding: 0; margin: 0 0 12px; display: flex; flex-wrap: wrap; gap: 8px 18px; }
.counts li { font-size: 14px; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 11px; color: #fff; font-size: 12px;
         font-weight: 600; letter-spacing: .02em; white-space: nowrap; vertical-align: 2px; }
.badge.conflict { background: var(--conflict); } .badge.stale { background: var(--stale); } .badge.revised { background: var(--revised); } .badge.changed { background: var(--changed); } .badge.not_comparable { background: var(--not_comparable); }
.badge.agree { background: var(--agree); } .badge.single { background: var(--single); }
nav.toc h2 { font-size: 15px; margin: 10px 0 4px; text-transform: uppercase; letter-spacing: .05em;
             color: var(--muted); }
nav.toc ol { margin: 0; padding-left: 24px; font-size: 14px; }
nav.toc li { margin: 2px 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
section.fact { border: 1px solid var(--rule); border-left: 6px solid var(--single); border-radius: 6px;
               padding: 14px 18px 10px; margin: 18px 0; break-inside: avoid-page; }
section.fact.conflict { border-left-color: var(--conflict); }
section.fact.revised { border-left-color: var(--revised); }
section.fact.stale { border-left-color: var(--stale); } section.fact.changed { border-left-color: var(--changed); }
section.fact.not_comparable { border-left-color: var(--not_comparable); }
section.fact.agree { border-left-color: var(--agree); }
section.fact h2 { font-size: 19px; margin: 0 0 4px; line-height: 1.35; }
.key { margin: 0 0 6px; font-size: 13px; color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
              font-size: 12.5px; }
.key code { background: #f6f8fa; padding: 1px 5px; border-radius: 3px; word-break: break-all; color: var(--ink); }
dl.words { display: grid; grid-template-columns: max-content 1fr; gap: 0 14px; margin: 6px 0 8px; font-size: 14px; }
dl.words dt { color: var(--muted); } dl.words dd { margin: 0; }
.gaps { margin: 6px 0; padding-left: 20px; }
.gaps li { color: var(--conflict); } .gaps li span { color: var(--ink); }
.note { font-size: 14px; color: var(--not_comparable); margin: 6px 0; }
figure.chart { margin: 8px 0 4px; }
figure.chart figcaption { font-size: 12px; color: var(--muted); }
svg.chart { display: block; width: 100%; max-width: 820px; height: auto;
            font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg .grid { stroke: #eaeef2; stroke-width: 1; }
svg .axis, svg .tick { stroke: #6e7781; stroke-width: 1; }
svg .tick-label, svg .axis-caption { fill: var(--muted); }
svg .row-label { fill: var(--ink); font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace;
                 font-size: 11.5px; }
svg .bar { stroke: var(--bar); stroke-width: 6; stroke-linecap: butt; opacity: .55; }
svg .cap { stroke: var(--bar); stroke-width: 2; }
svg .cap.closed { fill: var(--bar); }
svg .cap.open { fill: #fff; }
svg .arrow { fill: var(--bar); }
svg .involved .row-label { fill: #a50e0e; font-weight: 700; }
svg .value { fill: #111; stroke: #fff; stroke-width: 1; }
svg .gap-label { fill: #c5221f; font-weight: 600; }
svg.timeline { display: block; width: 100%; max-width: 820px; height: auto; }
svg.timeline .grid { stroke: #eaeef2; } svg.timeline .axis, svg.timeline .tick { stroke: #6e7781; }
svg.timeline .riser { stroke: var(--bar); stroke-width: 1.5; opacity: .6; }
svg.timeline .step { stroke: var(--bar); stroke-width: 3; fill: none; }
svg.timeline .point circle { fill: var(--bar); }
svg.timeline .point text { fill: var(--ink); }
svg.timeline .announced .step { stroke-dasharray: 6 4; }
svg.timeline .announced circle { fill: #fff; stroke: var(--bar); stroke-width: 2; }
svg.timeline .previous .step { stroke: #8c959f; } svg.timeline .previous circle { fill: #8c959f; }
svg.timeline .open .step { stroke-dasharray: 2 3; }
svg.timeline .threatened circle, svg.timeline .proposed circle, svg.timeline .expected circle,
svg.timeline .target circle { fill: #fff; stroke: #b35900; stroke-width: 2; }
svg.timeline .threatened text, svg.timeline .proposed text, svg.timeline .expected text,
svg.timeline .target text { fill: #b35900; }
ol.claims { list-style: none; padding: 0; margin: 6px 0 0; }
ol.claims li { padding: 8px 0; border-top: 1px solid #eaeef2; }
.claim-head { font-size: 14px; }
.figure { font-weight: 700; font-size: 15px; }
.claim-head .sep { color: #8c959f; margin: 0 6px; }
blockquote { margin: 4px 0; padding: 2px 12px; border-left: 3px solid var(--rule); color: #24292f;
             font-family: Georgia, "Times New Roman", serif; font-size: 15.5px; }
mark { background: #ffe27a; color: #000; padding: 0 2px; border-radius: 2px; font-weight: 600; }
.source { font-size: 13px; color: var(--muted); }
.source cite { font-style: italic; color: var(--ink); }
.legend { font-size: 12px; color: var(--muted); margin: 2px 0 0; }
footer { margin-top: 28px; border-top: 1px solid var(--rule); padding-top: 8px; font-size: 13px; color: var(--muted); }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  nav.toc a { color: inherit; }
  section.fact { break-inside: avoid; }
}
)CSS";

std::string count_item(Status s, std::size_t n) {
    return fmt::format("<li>{} <strong>{}</strong></li>", badge(s), n);
}

} // namespace

namespace parts {

// A fact's section, from just after the number in its id (see parts.hpp).
void html_section(std::ostream& o, const FindingsView& v, const Finding& f) {
    const Claim& first = v.claims[f.claims.front()].claim;
    o << fmt::format("\" data-status=\"{}\">\n", to_string(f.status));
    o << "<h2>" << badge(f.status) << " " << html_escape(fact_title(f, first)) << "</h2>\n";
    o << fmt::format("<p class=\"key\">key <code>{}</code> &middot; {} source{} &middot; {} claim{}</p>\n",
                     html_escape(f.key), f.sources, f.sources == 1 ? "" : "s", f.claims.size(),
                     f.claims.size() == 1 ? "" : "s");
    o << "<dl class=\"words\">";
    for (const Field& field : fact_fields(f, first))
        o << "<dt>" << html_escape(field.label) << "</dt><dd>" << html_escape(field.value) << "</dd>";
    o << "</dl>\n";

    if (!f.conflicts.empty()) {
        o << "<ul class=\"gaps\">\n";
        for (const Disagreement& d : f.conflicts) {
            const Claim& a = v.claims[d.a].claim;
            const Claim& b = v.claims[d.b].claim;
            const auto side = [&](const Claim& c) {
                const std::string what = d.on_horizon ? period_text(c) : figure_text(c.quantity);
                return fmt::format("<strong>{}</strong> (<span class=\"mono\">{}</span>)", html_escape(what),
                                   html_escape(c.article));
            };
            o << fmt::format("<li><span>{}{} vs {}: {} gap of <strong>{}</strong>, {} of the smaller {}.</span></li>\n",
                             d.revision ? "Revision: " : "", side(a), side(b), d.on_horizon ? "horizon" : "value",
                             html_escape(gap_amount(d, a.quantity.unit)), html_escape(relative_words(d.relative_gap)),
                             d.on_horizon ? "year" : "figure");
        }
        o << "</ul>\n";
    }
    const std::vector<Chart> charts = charts_for(f, v.claims);
    const auto value_axes = std::count_if(charts.begin(), charts.end(), [](const Chart& c) { return !c.years; });
    if (!f.note.empty() || (value_axes > 1 && !f.converted)) {
        std::string note = f.note.empty() ? "figures in different units" : f.note;
        note[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(note[0])));
        if (note.back() != '.') note += '.';
        if (value_axes > 1 && !f.converted) note += " One number line per unit below.";
        o << "<p class=\"note\">" << html_escape(note) << "</p>\n";
    }
    if (f.rounding_only)
        o << "<p class=\"note\">Agrees only through rounding of the printed figures.</p>\n";
    if (f.converted)
        o << "<p class=\"note\">Money compared in US dollars through the rates table (&plusmn;5%); the number "
             "lines show each currency as printed.</p>\n";
    for (const auto& [article, original] : f.same_text)
        o << "<p class=\"note\"><span class=\"mono\">" << html_escape(article)
          << "</span> is the same text as <span class=\"mono\">" << html_escape(original)
          << "</span>: counted as one source.</p>\n";
    if (!f.mirror_key.empty())
        o << "<p class=\"note\">Mirror relation: claims under <span class=\"mono\">" << html_escape(f.mirror_key)
          << "</span> state it from the other side.</p>\n";
    for (const auto& [article, c] : f.copies) o << "<p class=\"note\">" << html_escape(copy_text(article, c)) << ".</p>\n";

    for (const Chart& ch : charts) o << "<figure class=\"chart\">" << chart_svg(ch) << "</figure>\n";
    if (const auto points = timeline::points(v.claims, f.claims); timeline::worth_showing(v.claims, points))
        o << "<figure class=\"chart\">" << timeline::svg(v.claims, points, html_escape)
          << "<figcaption>Values over time: when each figure holds, by its text or its article's date.</figcaption>"
             "</figure>\n";

    o << "<ol class=\"claims\">\n";
    for (std::size_t i : f.claims) {
        const db::StoredClaim& s = v.claims[i];
        const Claim& c = s.claim;
        const Interval iv = checks::interval_of(c.quantity);
        o << "<li class=\"claim\">";
        o << "<div class=\"claim-head\"><span class=\"figure\">" << html_escape(figure_text(c.quantity))
          << "</span><span class=\"sep\">|</span>" << html_escape(words(to_string(c.quantity.qualifier)))
          << "<span class=\"sep\">|</span>allows " << html_escape(interval_words(iv, c.quantity.unit))
          << "<span class=\"sep\">|</span>period "
          << html_escape(std::find(f.undated.begin(), f.undated.end(), i) != f.undated.end()
                             ? "none stated (joins this dated fact: the figure fits)"
                                                                           : period_words(c, f.key))
          << "</div>\n";
        o << "<blockquote>" << quote_html(v, s) << "</blockquote>\n";
        o << "<div class=\"source\">";
        if (!s.title.empty()) o << "<cite>" << html_escape(s.title) << "</cite> &mdash; ";
        o << html_escape(s.outlet.empty() ? "unknown outlet" : s.outlet);
        if (!s.published.empty()) o << " &middot; <time>" << html_escape(s.published) << "</time>";
        o << " &middot; <span class=\"mono\">" << html_escape(c.article) << "</span>";
        if (const auto how = checks::matched_by(f, i); how != "exact")
            o << " &middot; matched: " << html_escape(std::string(how));
        o << "</div></li>\n";
    }
    o << "</ol>\n</section>\n";
}

std::string html_section_start(checks::Status s) {
    return fmt::format("<section class=\"fact {}\" id=\"fact-", to_string(s));
}

std::string html_toc_entry(const FindingsView& v, const Finding& f) {
    return fmt::format("\">{} {}</a> <span class=\"muted\">&middot; {} source{}</span></li>\n", badge(f.status),
                       html_escape(fact_title(f, v.claims[f.claims.front()].claim)), f.sources,
                       f.sources == 1 ? "" : "s");
}

void html_head(std::ostream& o, const FindingsView& view, const Summary& sum) {
    o << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // No scripts, no fetches: the page is text, CSS and SVG only.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\">\n"
         "<title>tradecheck report</title>\n<style>"
      << css << "</style>\n</head>\n<body>\n<div class=\"page\">\n";
    // The hatch used for conflict gaps, defined once for every chart on the page.
    o << "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>"
         "<pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fce8e6\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ea8a80\" stroke-width=\"2.5\"/></pattern></defs></svg>\n";

    o << "<header class=\"top\">\n<h1>tradecheck report</h1>\n";
    o << "<p class=\"summary\" id=\"summary\">" << html_escape(summary_line(sum)) << ".</p>\n";
    if (contradiction_count(view)) {
        o << "<section class=\"contradictions\"><h2>Claims that contradict reference figures</h2><ul>\n";
        for (const auto& c : *view.contradictions) o << "<li>" << html_escape(contradiction_text(view, c)) << "</li>\n";
        o << "</ul></section>\n";
    }
    if (inconsistent_conversions(view)) {
        o << "<section class=\"contradictions\"><h2>Conversions inside an article that do not match</h2><ul>\n";
        for (const auto& c : *view.conversions)
            if (c.comparable && !c.consistent) o << "<li>" << html_escape(conversion_text(c)) << "</li>\n";
        o << "</ul></section>\n";
    }
    o << "<ul class=\"counts\">" << count_item(Status::conflict, sum.conflicts)
      << (sum.stale ? count_item(Status::stale, sum.stale) : std::string())
      << (sum.revised ? count_item(Status::revised, sum.revised) : std::string())
      << (sum.changed ? count_item(Status::changed, sum.changed) : std::string())
      << count_item(Status::not_comparable, sum.not_comparable) << count_item(Status::agree, sum.agree)
      << count_item(Status::single, sum.single) << "</ul>\n";
}

const std::string_view html_toc_start = "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2>\n<ol>\n";
const std::string_view html_toc_entry_start = "<li><a href=\"#fact-";
const std::string_view html_toc_end = "</ol></nav>\n";
const std::string_view html_main_start = "</header>\n<main>\n";
const std::string_view html_no_facts = "<p class=\"muted\">No claims to check: ingest some articles first.</p>\n";
const std::string_view html_end =
    "</main>\n<footer>\n<p class=\"legend\">How to read the number lines: each row is one article's claim. "
    "The bar is the interval of values the printed figure allows (exact figures &plusmn; half a unit of the "
    "last printed digit, &ldquo;about&rdquo; &plusmn; 10%, bounds as printed); a filled end cap is a closed "
    "end, a hollow one an open end, an arrow an unbounded end; the diamond is the printed figure. Article "
    "ids in bold red take part in a conflict; the hatched red band is the gap between intervals that do not meet.</p>\n"
    "<p>Generated by tradecheck check --format html.</p>\n</footer>\n</div>\n</body>\n</html>\n";

} // namespace parts

void write_findings_html(std::ostream& out, const FindingsView& view) {
    write_findings(out, view, Format::html, false);
}

} // namespace tradecheck::report
