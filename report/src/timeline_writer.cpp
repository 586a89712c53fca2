// `tradecheck timeline`: each fact's values over time, one series after another.
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "csv.hpp"
#include "format_util.hpp"
#include "parts.hpp"
#include "timeline.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

namespace {

// The runs of claims that share a fact key (Store::timeline orders by key).
std::vector<std::vector<std::size_t>> series_of(const std::vector<db::StoredClaim>& claims) {
    std::vector<std::vector<std::size_t>> series;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (series.empty() || claims[series.back().front()].claim.key != claims[i].claim.key) series.emplace_back();
        series.back().push_back(i);
    }
    return series;
}

// "tariff_rate USA -> CHN electric_vehicles"
std::string series_title(const Claim& c) {
    std::string out = c.kind + " " + (c.actor.empty() ? "?" : c.actor);
    if (!c.partner.empty()) out += " -> " + c.partner;
    for (const std::string* s : {&c.product, &c.metric, &c.basis})
        if (!s->empty()) out += " " + *s;
    return out;
}

std::string figure(const Claim& c) {
    const Quantity& q = c.quantity;
    const std::string v =
        q.qualifier == Qualifier::between ? fmt::format("{}-{}", human(q.low), human(q.high)) : human(q.value);
    return fmt::format("{} {}", v, q.unit);
}

std::string source(const db::StoredClaim& s) {
    std::string out = s.claim.article;
    if (!s.outlet.empty()) out += " · " + s.outlet;
    if (!s.published.empty()) out += " · " + s.published;
    return printable(out);
}

std::string status_of(const Claim& c) { return c.status.empty() ? "-" : c.status; }

nlohmann::json point_json(const db::StoredClaim& s, const timeline::Point& p) {
    const Claim& c = s.claim;
    const auto number = [](double x) { return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr); };
    const auto day = [](const std::optional<Day>& d) { return d ? nlohmann::json(to_iso(d)) : nlohmann::json(nullptr); };
    return {{"fact", c.key},          {"from", to_iso(p.from)},     {"until", day(p.until)},
            {"valid_from", day(c.valid_from)}, {"valid_to", day(c.valid_to)}, {"time_source", c.time_source},
            {"value", number(c.quantity.value)}, {"low", number(c.quantity.low)}, {"high", number(c.quantity.high)},
            {"unit", c.quantity.unit},  {"qualifier", to_string(c.quantity.qualifier)}, {"status", c.status},
            {"role", c.role},           {"transition", c.transition}, {"article", c.article},
            {"outlet", s.outlet},       {"published", s.published},  {"text", c.text},
            {"start", c.start},         {"end", c.end}};
}

std::string md_cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

} // namespace

void write_timeline(std::ostream& out, const std::vector<db::StoredClaim>& claims, Format format,
                    const std::function<std::string(const std::string&)>& text_of) {
    const auto all = series_of(claims);
    switch (format) {
    case Format::json:
    case Format::jsonl: {
        nlohmann::json facts = nlohmann::json::array();
        for (const auto& members : all) {
            nlohmann::json points = nlohmann::json::array();
            for (const auto& p : timeline::points(claims, members)) {
                nlohmann::json j = point_json(claims[p.claim], p);
                if (format == Format::jsonl) out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                else points.push_back(std::move(j));
            }
            const Claim& c = claims[members.front()].claim;
            if (format == Format::json)
                facts.push_back({{"key", c.key}, {"kind", c.kind}, {"actor", c.actor}, {"partner", c.partner},
                                 {"product", c.product}, {"points", std::move(points)}});
        }
        if (format == Format::json)
            out << nlohmann::json{{"facts", facts}}.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return;
    }
    case Format::csv:
        out << csv_row({"fact", "kind", "actor", "partner", "product", "from", "until", "valid_from", "valid_to",
                        "time_source", "value", "unit", "status", "transition", "article", "outlet", "published",
                        "text"});
        for (const auto& members : all)
            for (const auto& p : timeline::points(claims, members)) {
                const db::StoredClaim& s = claims[p.claim];
                const Claim& c = s.claim;
                out << csv_row({c.key, c.kind, c.actor, c.partner, c.product, to_iso(p.from), to_iso(p.until),
                                to_iso(c.valid_from), to_iso(c.valid_to), c.time_source,
                                std::isfinite(c.quantity.value) ? fmt::format("{:g}", c.quantity.value) : "",
                                c.quantity.unit, c.status, c.transition ? std::to_string(c.transition) : "",
                                c.article, s.outlet, s.published, c.text});
            }
        return;
    case Format::markdown:
        out << "# Timelines\n";
        for (const auto& members : all) {
            const Claim& first = claims[members.front()].claim;
            out << fmt::format("\n## {}\n\n`{}`\n\n| when | value | status | source | quote |\n|---|---|---|---|---|\n",
                               md_cell(series_title(first)), first.key);
            for (const auto& p : timeline::points(claims, members)) {
                const db::StoredClaim& s = claims[p.claim];
                const std::string text = text_of ? text_of(s.claim.article) : std::string();
                out << fmt::format("| {} | {} | {} | {} | {} |\n", timeline::when_text(s), md_cell(figure(s.claim)),
                                   status_of(s.claim), md_cell(source(s)),
                                   md_cell(text.empty() ? printable(s.claim.text)
                                                        : quote(text, s.claim.start, s.claim.end, "", "")));
            }
        }
        return;
    case Format::table:
    case Format::html:
        for (const auto& members : all) {
            const Claim& first = claims[members.front()].claim;
            out << (&members == &all.front() ? "" : "\n") << series_title(first) << "\n    key " << first.key << "\n";
            for (const auto& p : timeline::points(claims, members)) {
                const db::StoredClaim& s = claims[p.claim];
                out << fmt::format("    {:<26} {:<16} {:<11} {}\n", timeline::when_text(s), figure(s.claim),
                                   status_of(s.claim), source(s));
                const std::string text = text_of ? text_of(s.claim.article) : std::string();
                out << "        \"" << (text.empty() ? printable(s.claim.text) : quote(text, s.claim.start, s.claim.end, "[", "]"))
                    << "\"\n";
            }
        }
        return;
    }
}

} // namespace tradecheck::report
