// Check reports: `tradecheck check`.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "csv.hpp"
#include "format_util.hpp"
#include "parts.hpp"
#include "timeline.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

namespace {

using checks::Finding;
using checks::Status;

std::size_t byte_of_code_point(const std::string& text, std::size_t cp) {
    std::size_t i = 0;
    for (std::size_t seen = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0u) != 0x80u) {
            if (seen == cp) return i;
            ++seen;
        }
    }
    return text.size();
}

// Whitespace runs (line wraps, indentation) become one space.
std::string one_line(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && !out.empty() && out.back() == ' ') continue;
        // Control characters from the article (ESC, and the bytes the formats use as markers)
        // never reach the output as themselves.
        const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        out += space ? ' ' : control ? '?' : c;
    }
    return out;
}

// Where the sentence holding byte `b` starts, but not before `floor`: after the last ". ",
// ".\n", "? ", "! " or blank line.
std::size_t sentence_start(const std::string& text, std::size_t b, std::size_t floor) {
    std::size_t best = floor;
    for (std::string_view end : {". ", ".\n", "? ", "! ", "?\n", "!\n", "\n\n"}) {
        const auto at = text.rfind(end, b);
        if (at != std::string::npos && at + end.size() <= b && at + end.size() > best) best = at + end.size();
    }
    while (best < b && (text[best] == ' ' || text[best] == '\n')) ++best;
    return best;
}

// Moves `i` back to the start of a code point.
std::size_t code_point_start(const std::string& text, std::size_t i) {
    while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u) --i;
    return i;
}

// Just past the first [.!?] after `e` (and before `ceiling`) that ends a sentence: followed by
// white space and then a capital, a quote or the end. "U.S. exports" does not end one.
std::size_t sentence_end(const std::string& text, std::size_t e, std::size_t ceiling) {
    for (std::size_t i = e; i < ceiling; ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        std::size_t j = i + 1;
        if (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) continue;
        while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
        const auto next = j < text.size() ? static_cast<unsigned char>(text[j]) : 'A';
        if (std::isupper(next) || next == '"' || next >= 0x80) return i + 1;
    }
    return ceiling;
}

std::string value_text(const db::StoredClaim& s) {
    const Quantity& q = s.claim.quantity;
    std::string v = q.qualifier == Qualifier::between ? fmt::format("{}-{}", human(q.low), human(q.high)) : human(q.value);
    return fmt::format("{} {}", v, q.unit);
}

std::string interval_text(const Quantity& q) {
    const checks::Interval i = checks::interval_of(q);
    return fmt::format("{}{}, {}{}", i.lo_open || std::isinf(i.lo) ? '(' : '[', human(i.lo), human(i.hi),
                       i.hi_open || std::isinf(i.hi) ? ')' : ']');
}

std::string where_from(const db::StoredClaim& s) {
    std::string out = s.claim.article;
    if (!s.outlet.empty()) out += " · " + s.outlet;
    if (!s.published.empty()) out += " · " + s.published;
    return printable(out);
}

std::string headline(const Finding& f, const std::vector<db::StoredClaim>& claims) {
    const Claim& c = claims[f.claims.front()].claim;
    std::string who = c.actor.empty() ? "?" : c.actor;
    if (!c.partner.empty()) who += " -> " + c.partner;
    std::string what;
    for (const std::string* s : {&c.product, &c.metric, &c.basis})
        if (!s->empty()) what += " " + *s;
    std::string when;
    if (c.period == Period::in && c.year) when = fmt::format(" in {}", *c.year);
    if (c.period == Period::by) when = " (target)";
    return fmt::format("{} {}{}{}", f.kind, who, what, when);
}

std::string gap_text(const checks::Disagreement& d, const std::vector<db::StoredClaim>& claims) {
    if (d.stale)
        return fmt::format("stale figure: {} prints {} where {} gives the newer value (gap {}, {:.0f}%)",
                           claims[d.a].claim.article, claims[d.a].claim.text, claims[d.b].claim.article, human(d.gap),
                           100 * d.relative_gap);
    return fmt::format("{}{}{} gap {}{} ({:.0f}%) between {} and {}", d.mirror ? "mirror figures: " : "",
                       d.revision ? "revision: " : "",
                       d.on_horizon ? "horizon" : "value", human(d.gap),
                       d.on_horizon ? " years" : "", 100 * d.relative_gap, claims[d.a].claim.article,
                       claims[d.b].claim.article);
}

std::string quoted(const FindingsView& v, const db::StoredClaim& s, std::string_view open, std::string_view close) {
    const std::string& text = text_of(v, s);
    if (text.empty()) return std::string(open) + printable(s.claim.text) + std::string(close);
    return quote(text, s.claim.start, s.claim.end, open, close);
}

std::string md_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

nlohmann::json number_or_null(double x) {
    if (std::isnan(x) || std::isinf(x)) return nullptr;
    return x;
}

nlohmann::json optional_day(const std::optional<Day>& d) { return d ? nlohmann::json(to_iso(d)) : nlohmann::json(nullptr); }

// "2025-02-04 .. 2025-05-14   10 %        in_effect    raised_1.md · Wire · 2025-02-04"
std::string timeline_line(const db::StoredClaim& s) {
    return fmt::format("{:<26} {:<14} {:<11} {}", timeline::when_text(s), value_text(s),
                       s.claim.status.empty() ? "-" : s.claim.status, where_from(s));
}

nlohmann::json timeline_json(const std::vector<db::StoredClaim>& claims, const std::vector<timeline::Point>& points) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : points) {
        const Claim& c = claims[p.claim].claim;
        out.push_back({{"from", to_iso(p.from)}, {"until", p.until ? nlohmann::json(to_iso(p.until)) : nlohmann::json(nullptr)},
                       {"value", number_or_null(c.quantity.value)}, {"unit", c.quantity.unit}, {"status", c.status},
                       {"article", c.article}, {"published", claims[p.claim].published}, {"text", c.text}});
    }
    return out;
}

std::string paint(bool color, std::string_view code, const std::string& s) {
    return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : s;
}

} // namespace

namespace parts {

std::string copy_text(const std::string& article, const checks::CopyOf& c) {
    const std::string family = c.family == c.copy_of ? "" : fmt::format("; family {}", c.family);
    return fmt::format("{} is a copy of {} (similarity {:.2f}{}): counted as one source", article, c.copy_of,
                       c.similarity, family);
}

void table_head(std::ostream& out, const FindingsView& v, const Summary& sum, bool color) {
    out << summary_line(sum) << "\n";
    if (contradiction_count(v)) {
        out << "\n" << paint(color, "1;31", "CONTRADICTS REFERENCE")
            << fmt::format("  [{} claim{}]\n", contradiction_count(v), contradiction_count(v) == 1 ? "" : "s");
        for (const auto& c : *v.contradictions) out << "    " << contradiction_text(v, c) << "\n";
    }
    if (inconsistent_conversions(v)) {
        out << "\n" << paint(color, "1;31", "CONVERSION DOES NOT MATCH") << fmt::format("  [{}]\n", inconsistent_conversions(v));
        for (const auto& c : *v.conversions)
            if (c.comparable && !c.consistent) out << "    " << conversion_text(c) << "\n";
    }
}

void table_fact(std::ostream& out, const FindingsView& v, const Finding& f, bool color) {
    const std::string_view code = f.status == Status::conflict         ? "1;31"
                                  : f.status == Status::stale          ? "31"
                                  : f.status == Status::revised        ? "35"
                                  : f.status == Status::changed        ? "36"
                                  : f.status == Status::agree          ? "32"
                                  : f.status == Status::not_comparable ? "33"
                                                                       : "2";
    std::string status(to_string(f.status));
    for (char& ch : status) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out << "\n" << paint(color, code, fmt::format("{:<14}", status)) << " " << headline(f, v.claims)
        << fmt::format("  [{} source{}]", f.sources, f.sources == 1 ? "" : "s") << "\n";
    out << "    key " << f.key << "\n";
    for (std::size_t i : f.claims) {
        const db::StoredClaim& s = v.claims[i];
        const bool undated = std::find(f.undated.begin(), f.undated.end(), i) != f.undated.end();
        out << fmt::format("    {:<22} {:<10} {:<28} {:<20} {}\n", value_text(s), to_string(s.claim.quantity.qualifier),
                           interval_text(s.claim.quantity), undated ? "(no period stated)" : period_text(s.claim),
                           where_from(s));
        out << "        \"" << quoted(v, s, color ? "\x1b[1m" : "[", color ? "\x1b[0m" : "]") << "\"\n";
        if (const auto how = checks::matched_by(f, i); how != "exact") out << "        matched: " << how << "\n";
    }
    if (!f.mirror_key.empty()) out << "    mirror relation, the other side's key " << f.mirror_key << "\n";
    for (const auto& d : f.conflicts) out << "    " << paint(color, code, gap_text(d, v.claims)) << "\n";
    if (const auto points = timeline::points(v.claims, f.claims); timeline::worth_showing(v.claims, points)) {
        out << "    timeline:\n";
        for (const auto& p : points) out << "      " << timeline_line(v.claims[p.claim]) << "\n";
    }
    if (f.rounding_only) out << "    agrees only through rounding of the printed figures\n";
    if (f.converted) out << "    money compared in US dollars through the rates table (+/-5%)\n";
    for (const auto& [article, original] : f.same_text)
        out << fmt::format("    {} is the same text as {}: counted as one source\n", article, original);
    for (const auto& [article, c] : f.copies) out << "    " << copy_text(article, c) << "\n";
    if (!f.note.empty()) out << "    " << f.note << "\n";
}

void markdown_head(std::ostream& out, const FindingsView& v, const Summary& sum) {
    out << "# tradecheck report\n\n" << summary_line(sum) << ".\n\n";
    if (contradiction_count(v)) {
        out << "## Claims that contradict reference figures\n\n";
        for (const auto& c : *v.contradictions) out << "- " << md_escape(contradiction_text(v, c)) << "\n";
        out << "\n";
    }
    if (inconsistent_conversions(v)) {
        out << "## Conversions inside an article that do not match\n\n";
        for (const auto& c : *v.conversions)
            if (c.comparable && !c.consistent) out << "- " << md_escape(conversion_text(c)) << "\n";
        out << "\n";
    }
    out << "| status | fact | sources | values |\n|---|---|---|---|\n";
}

void markdown_row(std::ostream& out, const FindingsView& v, const Finding& f) {
    std::string values;
    for (std::size_t i : f.claims) values += (values.empty() ? "" : "; ") + value_text(v.claims[i]);
    out << fmt::format("| {} | {} | {} | {} |\n", to_string(f.status), md_escape(headline(f, v.claims)), f.sources,
                       md_escape(values));
}

void markdown_section(std::ostream& out, const FindingsView& v, const Finding& f) {
    out << fmt::format("\n## {}: {}\n\n`{}`\n\n", to_string(f.status), md_escape(headline(f, v.claims)), f.key);
    for (std::size_t i : f.claims) {
        const db::StoredClaim& s = v.claims[i];
        const std::string title = s.title.empty() ? "" : fmt::format(" *{}*", md_escape(s.title));
        out << fmt::format("- **{}** ({}) —{} {}\n  > {}\n", md_escape(value_text(s)),
                           to_string(s.claim.quantity.qualifier), title, md_escape(where_from(s)),
                           // The figure in bold, everything else escaped as text.
                           md_escape(quoted(v, s, "\x01", "\x02")));
        if (const auto how = checks::matched_by(f, i); how != "exact") out << "  matched: " << how << "\n";
    }
    if (!f.mirror_key.empty()) out << "\nMirror relation, the other side's key `" << f.mirror_key << "`\n";
    for (const auto& d : f.conflicts) out << "\n" << md_escape(gap_text(d, v.claims)) << "\n";
    for (const auto& [article, c] : f.copies) out << "\n" << md_escape(copy_text(article, c)) << "\n";
    if (const auto points = timeline::points(v.claims, f.claims); timeline::worth_showing(v.claims, points)) {
        out << "\n### Timeline\n\n| when | value | status | source |\n|---|---|---|---|\n";
        for (const auto& p : points) {
            const db::StoredClaim& s = v.claims[p.claim];
            out << fmt::format("| {} | {} | {} | {} |\n", timeline::when_text(s), md_escape(value_text(s)),
                               s.claim.status.empty() ? "-" : s.claim.status, md_escape(where_from(s)));
        }
    }
}

std::string bold_marks(std::string_view s) {
    std::string result;
    result.reserve(s.size());
    for (char c : s) {
        if (c == '\x01' || c == '\x02') result += "**";
        else result += c;
    }
    return result;
}

nlohmann::json fact_json(const FindingsView& v, const Finding& f) {
    nlohmann::json claims = nlohmann::json::array();
    for (std::size_t i : f.claims) {
        const db::StoredClaim& s = v.claims[i];
        const Claim& c = s.claim;
        const checks::Interval iv = checks::interval_of(c.quantity);
        claims.push_back({{"article", c.article}, {"value", number_or_null(c.quantity.value)},
                          {"low", number_or_null(c.quantity.low)}, {"high", number_or_null(c.quantity.high)},
                          {"unit", c.quantity.unit}, {"qualifier", to_string(c.quantity.qualifier)},
                          {"year", c.year ? nlohmann::json(*c.year) : nlohmann::json(nullptr)},
                          {"period", to_string(c.period)}, {"text", c.text}, {"start", c.start}, {"end", c.end},
                          {"interval", {number_or_null(iv.lo), number_or_null(iv.hi)}},
                          {"title", s.title}, {"outlet", s.outlet}, {"published", s.published},
                          {"rule", c.rule}, {"basis", c.basis}, {"status", c.status}, {"role", c.role},
                          {"measure", c.measure}, {"valid_from", optional_day(c.valid_from)},
                          {"valid_to", optional_day(c.valid_to)}, {"time_source", c.time_source},
                          {"transition", c.transition},
                          {"undated", std::find(f.undated.begin(), f.undated.end(), i) != f.undated.end()},
                          {"matched", checks::matched_by(f, i)}});
    }
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto& d : f.conflicts)
        conflicts.push_back({{"a", v.claims[d.a].claim.article}, {"b", v.claims[d.b].claim.article},
                             {"on", d.on_horizon ? "horizon" : "value"}, {"gap", d.gap},
                             {"relative_gap", d.relative_gap}, {"revision", d.revision}, {"stale", d.stale},
                             {"mirror", d.mirror}});
    nlohmann::json same_text = nlohmann::json::array();
    for (const auto& [article, original] : f.same_text) same_text.push_back({{"article", article}, {"same_as", original}});
    nlohmann::json copies = nlohmann::json::array();
    for (const auto& [article, c] : f.copies)
        copies.push_back({{"article", article}, {"copy_of", c.copy_of}, {"family", c.family},
                          {"similarity", c.similarity}});
    return {{"key", f.key}, {"kind", f.kind}, {"status", to_string(f.status)}, {"sources", f.sources},
            {"rounding_only", f.rounding_only}, {"converted", f.converted}, {"note", f.note},
            {"same_text", same_text}, {"copies", copies}, {"mirror_key", f.mirror_key}, {"conflicts", conflicts},
            {"claims", claims}, {"timeline", timeline_json(v.claims, timeline::points(v.claims, f.claims))}};
}

nlohmann::json head_json(const FindingsView& v, const Summary& s) {
    nlohmann::json contradictions = nlohmann::json::array();
    if (v.contradictions)
        for (const auto& c : *v.contradictions) {
            const Claim& claim = v.claims[c.claim].claim;
            const Reference& r = (*v.references)[c.reference];
            contradictions.push_back({{"article", claim.article}, {"key", r.key}, {"text", claim.text},
                                      {"start", claim.start}, {"end", claim.end},
                                      {"value", number_or_null(claim.quantity.value)}, {"unit", claim.quantity.unit},
                                      {"reference", {{"value", r.value}, {"low", r.low}, {"high", r.high},
                                                     {"unit", r.unit}, {"source", r.source}, {"url", r.url}}},
                                      {"gap", c.gap}, {"relative_gap", c.relative_gap}});
        }
    nlohmann::json conversions = nlohmann::json::array();
    if (v.conversions)
        for (const auto& c : *v.conversions)
            conversions.push_back({{"article", c.article}, {"original", c.original_text}, {"converted", c.converted_text},
                                   {"original_unit", c.original.unit}, {"converted_unit", c.converted.unit},
                                   {"original_usd", c.comparable ? nlohmann::json(c.original_usd) : nlohmann::json(nullptr)},
                                   {"converted_usd", c.comparable ? nlohmann::json(c.converted_usd) : nlohmann::json(nullptr)},
                                   {"year", c.year}, {"comparable", c.comparable}, {"consistent", c.consistent}});
    return {{"summary", {{"facts", s.facts}, {"claims", s.claims}, {"articles", s.articles}, {"conflict", s.conflicts},
                         {"stale", s.stale}, {"revised", s.revised}, {"changed", s.changed}, {"agree", s.agree}, {"single", s.single},
                         {"not_comparable", s.not_comparable}, {"contradicts_reference", contradictions.size()}}},
            {"facts", nlohmann::json::array()}, {"contradictions", contradictions}, {"conversions", conversions}};
}

std::string csv_header() {
    return csv_row({"key", "kind", "status", "sources", "article", "value", "low", "high", "unit", "qualifier", "year",
                    "text", "start", "end", "claim_status", "valid_from", "valid_to", "transition", "copy_of",
                    "copy_similarity", "matched"});
}

void csv_fact(std::ostream& out, const FindingsView& v, const Finding& f) {
    const auto num = [](double x) { return std::isfinite(x) ? fmt::format("{:g}", x) : std::string(); };
    for (std::size_t i : f.claims) {
        const Claim& c = v.claims[i].claim;
        // The story this claim's article copies, when the check found one (one source with it).
        std::string copy_of, similarity;
        for (const auto& [article, copy] : f.copies)
            if (article == c.article) copy_of = copy.copy_of, similarity = fmt::format("{:.2f}", copy.similarity);
        out << csv_row({f.key, f.kind, std::string(to_string(f.status)), std::to_string(f.sources), c.article,
                        num(c.quantity.value), num(c.quantity.low), num(c.quantity.high), c.quantity.unit,
                        std::string(to_string(c.quantity.qualifier)), c.year ? std::to_string(*c.year) : "",
                        c.text, std::to_string(c.start), std::to_string(c.end), c.status, to_iso(c.valid_from),
                        to_iso(c.valid_to), c.transition ? std::to_string(c.transition) : "", copy_of, similarity,
                        std::string(checks::matched_by(f, i))});
    }
}

} // namespace parts

std::string quote(const std::string& text, std::size_t start, std::size_t end, std::string_view open,
                  std::string_view close, std::size_t context) {
    const std::size_t b = byte_of_code_point(text, start);
    const std::size_t e = byte_of_code_point(text, end);
    std::size_t from = code_point_start(text, b > context ? b - context : 0);
    std::size_t to = code_point_start(text, std::min(text.size(), e + context));
    // Prefer to cut at a sentence or word boundary.
    if (const std::size_t start = sentence_start(text, b, from); start > from) from = start;
    else if (const auto sp = text.find(' ', from); from > 0 && sp < b) from = sp + 1;
    if (const std::size_t end = sentence_end(text, e, to); end < to) to = end;
    else if (const auto sp = text.rfind(' ', to); to < text.size() && sp != std::string::npos && sp > e) to = sp;
    std::string out = from > 0 ? "..." : "";
    out += one_line(text.substr(from, b - from));
    out += std::string(open) + one_line(text.substr(b, e - b)) + std::string(close);
    out += one_line(text.substr(e, to - e));
    if (to < text.size()) out += "...";
    return out;
}

void write_findings(std::ostream& out, const FindingsView& view, Format format, bool color) {
    FindingsWriter writer(format, color);
    writer.add(view.findings, view.claims, view.texts);
    std::set<std::string> articles;
    for (const Finding& f : view.findings)
        for (std::size_t i : f.claims) articles.insert(view.claims[i].claim.article);
    writer.finish(out, {view.claims, view.references, view.contradictions, view.conversions, articles.size()});
}

} // namespace tradecheck::report
