// Claim listings: `tradecheck claims`.
#include <cmath>
#include <stdexcept>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "csv.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

Format parse_format(std::string_view name) {
    if (name == "table") return Format::table;
    if (name == "markdown" || name == "md") return Format::markdown;
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    if (name == "csv") return Format::csv;
    if (name == "html") return Format::html;
    throw std::invalid_argument(fmt::format("unknown format '{}'", name));
}

namespace {

nlohmann::json number_or_null(double v) {
    if (std::isnan(v) || std::isinf(v)) return nullptr;
    return v;
}

template <class T>
nlohmann::json optional_or_null(const std::optional<T>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json claim_json(const db::StoredClaim& s) {
    const Claim& c = s.claim;
    return {{"id", s.id},
            {"article", c.article},
            {"kind", c.kind},
            {"text", c.text},
            {"start", c.start},
            {"end", c.end},
            {"value", number_or_null(c.quantity.value)},
            {"low", number_or_null(c.quantity.low)},
            {"high", number_or_null(c.quantity.high)},
            {"unit", c.quantity.unit},
            {"qualifier", to_string(c.quantity.qualifier)},
            {"type", to_string(c.quantity.type)},
            {"exponent", c.quantity.exponent},
            {"actor", c.actor},
            {"partner", c.partner},
            {"product", c.product},
            {"metric", c.metric},
            {"basis", c.basis},
            {"period", to_string(c.period)},
            {"year", optional_or_null(c.year)},
            {"year_low", optional_or_null(c.year_low)},
            {"year_high", optional_or_null(c.year_high)},
            {"key", c.key},
            {"rule", c.rule},
            {"role", c.role},
            {"status", c.status},
            {"measure", c.measure},
            {"valid_from", to_iso(c.valid_from)},
            {"valid_to", to_iso(c.valid_to)},
            {"time_source", c.time_source},
            {"transition", c.transition},
            {"title", s.title},
            {"outlet", s.outlet},
            {"published", s.published}};
}

// A JSON string as nlohmann::json::dump() writes it. ASCII is escaped here; anything else goes
// through nlohmann, which also refuses invalid UTF-8.
void append_json_string(std::string& out, const std::string& s) {
    for (unsigned char c : s)
        if (c >= 0x80) {
            out += nlohmann::json(s).dump();
            return;
        }
    out += '"';
    for (char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
            else out += c;
        }
    }
    out += '"';
}

template <class T>
void append_json_optional(std::string& out, const std::optional<T>& v) {
    out += v ? fmt::format("{}", *v) : std::string("null");
}

// One claim as a JSON Lines row: the bytes claim_json(s).dump() gives (keys in nlohmann's
// order, numbers by its serializer) without building the object, which cost more than
// extracting the claim. tests/unit checks the two agree.
std::string claim_jsonl(const db::StoredClaim& s) {
    const Claim& c = s.claim;
    std::string out;
    out.reserve(512 + c.text.size() + s.title.size());
    const auto key = [&](const char* k) { out += out.empty() ? "{\"" : ",\""; out += k; out += "\":"; };
    const auto text = [&](const char* k, const std::string& v) { key(k); append_json_string(out, v); };
    const auto number = [&](const char* k, double v) { key(k); out += number_or_null(v).dump(); };
    text("actor", c.actor);
    text("article", c.article);
    text("basis", c.basis);
    key("end"); out += fmt::format("{}", c.end);
    key("exponent"); out += fmt::format("{}", c.quantity.exponent);
    number("high", c.quantity.high);
    key("id"); out += fmt::format("{}", s.id);
    text("key", c.key);
    text("kind", c.kind);
    number("low", c.quantity.low);
    text("measure", c.measure);
    text("metric", c.metric);
    text("outlet", s.outlet);
    text("partner", c.partner);
    text("period", std::string(to_string(c.period)));
    text("product", c.product);
    text("published", s.published);
    text("qualifier", std::string(to_string(c.quantity.qualifier)));
    text("role", c.role);
    text("rule", c.rule);
    key("start"); out += fmt::format("{}", c.start);
    text("status", c.status);
    text("text", c.text);
    text("time_source", c.time_source);
    text("title", s.title);
    key("transition"); out += fmt::format("{}", c.transition);
    text("type", std::string(to_string(c.quantity.type)));
    text("unit", c.quantity.unit);
    text("valid_from", to_iso(c.valid_from));
    text("valid_to", to_iso(c.valid_to));
    number("value", c.quantity.value);
    key("year"); append_json_optional(out, c.year);
    key("year_high"); append_json_optional(out, c.year_high);
    key("year_low"); append_json_optional(out, c.year_low);
    out += "}\n";
    return out;
}

const char* const k_columns[] = {"id", "article", "kind", "text", "start", "end", "value", "low", "high",
                                 "unit", "qualifier", "type", "exponent", "actor", "partner", "product",
                                 "metric", "basis", "period", "year", "year_low", "year_high", "key", "rule",
                                 "role", "status", "measure", "valid_from", "valid_to", "time_source", "transition",
                                 "title", "outlet", "published"};

std::string cell(const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_float()) return fmt::format("{:g}", v.get<double>());
    return v.dump();
}

std::string shorten(std::string s, std::size_t width) {
    if (s.size() <= width) return s;
    std::size_t cut = width - 1;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u) --cut; // whole code points
    return s.substr(0, cut) + "~";
}

void write_claims_table(std::ostream& out, const std::vector<db::StoredClaim>& claims) {
    out << fmt::format("{:<26} {:<17} {:<24} {:>12} {:<9} {:<9} {:<4} {:<4} {:<20} {:<16} {}\n", "article", "kind",
                       "text", "value", "unit", "qualifier", "act", "part", "product", "metric", "year");
    for (const auto& s : claims) {
        const Claim& c = s.claim;
        out << fmt::format("{:<26} {:<17} {:<24} {:>12} {:<9} {:<9} {:<4} {:<4} {:<20} {:<16} {}\n",
                           shorten(printable(c.article), 26), shorten(c.kind, 17), shorten(printable(c.text), 24),
                           fmt::format("{:g}", c.quantity.value), c.quantity.unit, to_string(c.quantity.qualifier),
                           c.actor.empty() ? "-" : c.actor, c.partner.empty() ? "-" : c.partner,
                           shorten(c.product.empty() ? "-" : c.product, 20),
                           shorten(c.metric.empty() ? "-" : c.metric, 16),
                           c.year ? fmt::format("{}{}", c.period == Period::by ? "by " : "", *c.year) : "-");
    }
    out << fmt::format("{} claim{}\n", claims.size(), claims.size() == 1 ? "" : "s");
}

} // namespace

void write_claims(std::ostream& out, const std::vector<db::StoredClaim>& claims, Format format) {
    switch (format) {
    case Format::json: {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& s : claims) all.push_back(claim_json(s));
        out << nlohmann::json{{"claims", all}}.dump(2) << '\n';
        return;
    }
    case Format::jsonl:
        for (const auto& s : claims) out << claim_jsonl(s);
        return;
    case Format::csv: {
        std::vector<std::string> header(std::begin(k_columns), std::end(k_columns));
        out << csv_row(header);
        for (const auto& s : claims) {
            const nlohmann::json j = claim_json(s);
            std::vector<std::string> row;
            for (const char* col : k_columns) row.push_back(cell(j.at(col)));
            out << csv_row(row);
        }
        return;
    }
    case Format::table:
    case Format::markdown:
    case Format::html:
        write_claims_table(out, claims);
        return;
    }
}

} // namespace tradecheck::report
