// Claim: one numeric trade claim an article makes.
#pragma once

#include <optional>
#include <string>

#include "tradecheck/parser/day.hpp"
#include "tradecheck/parser/quantity.hpp"

namespace tradecheck {

// What period a claim's figure is for.
enum class Period {
    open,    // no period in the text
    in,      // the figure is for `year`
    by,      // a target with horizon `year` (year_low..year_high when the text is approximate)
};

struct Claim {
    std::string article;       // Article::id
    std::string kind;          // tariff_rate, trade_target, export_share, ...
    Quantity quantity;
    std::string text;          // the exact span of the quantity
    std::size_t start = 0;     // code points, half-open, into the article text
    std::size_t end = 0;
    std::string actor;         // ISO 3166-1 alpha-3, EU for the Union, "" when unknown
    std::string partner;
    std::string product;       // product id from rules/names/products.tsv
    std::string metric;        // metric id from rules/names/metrics.tsv
    std::string basis;         // measurement basis when the text names one
    Period period = Period::open;
    std::optional<int> year;
    std::optional<int> month;  // 1-12 for monthly figures ("in February"); part of the fact key
    std::optional<int> year_low;
    std::optional<int> year_high;
    std::string role;          // the figure's role in its frame: level, previous, target, ...
    std::string status;        // in_effect, announced, threatened, proposed, expected, previous, target
    std::string measure;       // the measured phrase as printed ("tea exports"); "" when none was read
    // When the figure holds (docs/checks.md, "Facts in time"): from the day a date in the text
    // gives ("took effect on Tuesday", "from August 1"), else the article's day; until the day
    // the text ends it ("for 90 days"), else open. Periodic figures hold for their period.
    std::optional<Day> valid_from;
    std::optional<Day> valid_to;
    std::string time_source;   // text, article, period; "" when the claim has no time
    int transition = 0;        // > 0: the two sides of one change ("cut to 20% from 44%") share it
    std::string rule;          // id of the rule that made the claim
    std::string key;           // canonical fact key (see checks/fact_key)
};

constexpr std::string_view to_string(Period period) {
    switch (period) {
    case Period::open: return "open";
    case Period::in: return "in";
    case Period::by: return "by";
    }
    return "open";
}

} // namespace tradecheck
