// Formatting shared by the check reports (findings.cpp: table, markdown, json; html.cpp).
// Private to the report layer.
#pragma once

#include <cmath>
#include <string>

#include <fmt/core.h>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/interval.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

// 70000000000 -> "70 billion", 1.3e12 -> "1.3 trillion": figures as news prints them.
inline std::string human(double v) {
    if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
    struct Scale { double size; const char* name; };
    for (const Scale& sc : {Scale{1e12, "trillion"}, Scale{1e9, "billion"}, Scale{1e6, "million"}})
        if (std::fabs(v) >= sc.size) return fmt::format("{:.10g} {}", v / sc.size, sc.name);
    return fmt::format("{:.10g}", v);
}

inline std::string period_text(const Claim& c) {
    if (c.period == Period::in && c.year) return fmt::format("in {}", *c.year);
    if (c.period != Period::by) return "-";
    if (!c.year) return "by ?";
    if (c.year_low && c.year_high && *c.year_low != *c.year_high)
        return fmt::format("by {} ({}-{})", *c.year, *c.year_low, *c.year_high);
    return fmt::format("by {}", *c.year);
}

// The counts a report opens with.
struct Summary {
    std::size_t facts = 0, conflicts = 0, stale = 0, revised = 0, changed = 0, agree = 0, single = 0, not_comparable = 0,
                articles = 0, claims = 0;
};

// "5 facts from 11 claims in 4 articles: 2 conflicts, 1 agree, 2 single, 0 not comparable"; stale,
// revised and changed facts are counted only when there are some.
inline std::string summary_line(const Summary& s) {
    const auto some = [](std::size_t n, const char* what) { return n ? fmt::format(", {} {}", n, what) : std::string(); };
    return fmt::format("{} fact{} from {} claim{} in {} article{}: {} conflict{}{}{}{}, {} agree, {} single, {} not comparable",
                       s.facts, s.facts == 1 ? "" : "s", s.claims, s.claims == 1 ? "" : "s", s.articles,
                       s.articles == 1 ? "" : "s", s.conflicts, s.conflicts == 1 ? "" : "s",
                       some(s.stale, s.stale == 1 ? "stale figure" : "stale figures"), some(s.revised, "revised"),
                       some(s.changed, "changed over time"), s.agree, s.single, s.not_comparable);
}

// "'166.3 billion dlrs' (17452.txt) contradicts Commerce Department: 169.8 billion USD; gap 3.5
// billion (2%)": one claim against the official figure it misses.
inline std::string contradiction_text(const FindingsView& v, const checks::Contradiction& c) {
    const db::StoredClaim& s = v.claims[c.claim];
    const Reference& r = (*v.references)[c.reference];
    const std::string official = r.low == r.high ? human(r.value) : fmt::format("{} to {}", human(r.low), human(r.high));
    return fmt::format("'{}' ({}) contradicts {}: {} {}{}; gap {} ({:.0f}%)", s.claim.text, s.claim.article, r.source,
                       official, r.unit, r.url.empty() ? "" : " <" + r.url + ">", human(c.gap), 100 * c.relative_gap);
}

// "10 million euros" = "approximately C$16 million" in a.txt: 10.8 million USD against 11.4
// million USD (1986 rates).
inline std::string conversion_text(const checks::ConversionCheck& c) {
    if (!c.comparable)
        return fmt::format("'{}' restated as '{}' ({}): no rate for {} or {} in {}", c.original_text, c.converted_text,
                           c.article, c.original.unit, c.converted.unit, c.year);
    return fmt::format("'{}' restated as '{}' ({}): {} USD against {} USD at {} rates", c.original_text,
                       c.converted_text, c.article, human(c.original_usd), human(c.converted_usd), c.year);
}

inline std::size_t inconsistent_conversions(const FindingsView& v) {
    std::size_t n = 0;
    if (v.conversions)
        for (const auto& c : *v.conversions) n += c.comparable && !c.consistent;
    return n;
}

inline std::size_t contradiction_count(const FindingsView& v) {
    return v.contradictions ? v.contradictions->size() : 0;
}

// The article text a claim was found in, or "" when the view has none.
inline const std::string& text_of(const FindingsView& v, const db::StoredClaim& s) {
    static const std::string none;
    const auto it = v.texts.find(s.claim.article);
    return it == v.texts.end() ? none : it->second;
}

} // namespace tradecheck::report
