// Quantity: one figure found in text, with where it stands and what it means.
// This header is the contract between the numeric grammar and everything after it.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace tradecheck {

// Half-open [start, end).
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

// Goods (tonnes, barrels, TEU, ...) are type `number` with a typed unit: the database's CHECK
// and the rule language know these six names, and `unit` already tells goods from money.
enum class QuantityType { number, percent, money, multiplier, year, duration };

enum class Qualifier { exact, about, more_than, at_least, less_than, at_most, between };

// How a time quantity relates to the figure it dates; only set for `year` and `duration`.
// The extractor resolves these against the article's publication date.
enum class TimeRelation {
    none,          // a plain year ("2024") or a plain duration ("18 months")
    in,            // "in 2024", "fiscal 2025", "1986/87": the figure is for that year
    by,            // "by 2030": a horizon
    within_next,   // "within the next decade", "over the next five years", "in the next year":
                   // a horizon `value` `unit`s after the article's date
    end_of_decade, // "by the end of the decade": horizon at the end of the article's decade
    relative,      // "last year" (value -1), "this year" (0), "next year" (+1)
};

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

struct Quantity {
    Span bytes;                // byte offsets into the UTF-8 input
    Span span;                 // the same span in Unicode code points
    QuantityType type = QuantityType::number;
    double value = 0;          // the figure; the midpoint for ranges
    double low = 0;            // lower bound as printed; -unbounded when open below
    double high = 0;           // upper bound as printed; +unbounded when open above
    // percent | percentage_point | ISO 4217 code (USD, CAD, EUR, ...) | multiplier |
    // year | month | week | day | tonne | kilogram | barrel | barrel_per_day | bushel | teu |
    // container | vehicle | unit | "" for a plain number
    std::string unit;
    Qualifier qualifier = Qualifier::exact;
    // Decimal exponent of the last printed digit, after magnitude scaling:
    // "169.8 billion" -> 8, "170" -> 0, "1,783.9" -> -1, "four" -> 0. Needed for rounding intervals.
    int exponent = 0;
    TimeRelation relation = TimeRelation::none;
    // Index (in the same result vector) of the quantity this one restates, e.g. the
    // "C$16 million" in "10 million euros (approximately C$16 million)"; -1 when none.
    int same_as = -1;
};

struct QuantityOptions {
    // What a bare "$" means: the article's default dollar.
    std::string default_dollar = "USD";
    // What a bare "Rs", "rupee(s)" means: LKR in Colombo, PKR in Karachi, INR in Delhi.
    // quantity_options_for() (quantity_locale.hpp) sets both from the article's country.
    std::string default_rupee = "INR";
};

// Every quantity in `utf8`, in text order, non-overlapping. Never throws on any input
// (invalid UTF-8 bytes are treated as non-word characters).
std::vector<Quantity> find_quantities(std::string_view utf8, const QuantityOptions& options = {});

constexpr std::string_view to_string(QuantityType type) {
    switch (type) {
    case QuantityType::number: return "number";
    case QuantityType::percent: return "percent";
    case QuantityType::money: return "money";
    case QuantityType::multiplier: return "multiplier";
    case QuantityType::year: return "year";
    case QuantityType::duration: return "duration";
    }
    return "number";
}

constexpr std::string_view to_string(Qualifier qualifier) {
    switch (qualifier) {
    case Qualifier::exact: return "exact";
    case Qualifier::about: return "about";
    case Qualifier::more_than: return "more_than";
    case Qualifier::at_least: return "at_least";
    case Qualifier::less_than: return "less_than";
    case Qualifier::at_most: return "at_most";
    case Qualifier::between: return "between";
    }
    return "exact";
}

constexpr std::string_view to_string(TimeRelation relation) {
    switch (relation) {
    case TimeRelation::none: return "none";
    case TimeRelation::in: return "in";
    case TimeRelation::by: return "by";
    case TimeRelation::within_next: return "within_next";
    case TimeRelation::end_of_decade: return "end_of_decade";
    case TimeRelation::relative: return "relative";
    }
    return "none";
}

} // namespace tradecheck
