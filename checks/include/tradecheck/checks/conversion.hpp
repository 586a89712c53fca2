// Parenthetical conversions inside one article: "10 million euros (approximately C$16 million)".
// The two figures are the same amount; through the rates table they should agree.
#pragma once

#include <string>
#include <vector>

#include "tradecheck/checks/rates.hpp"
#include "tradecheck/parser/quantity.hpp"

namespace tradecheck::checks {

struct ConversionCheck {
    std::string article;
    Quantity original;          // "10 million euros"
    Quantity converted;         // "C$16 million"
    std::string original_text;
    std::string converted_text;
    double original_usd = 0;    // both in US dollars, with the rate of `year`
    double converted_usd = 0;
    int year = 0;
    bool consistent = true;     // the two agree within the tolerances of docs/checks.md
    bool comparable = true;     // false: a currency has no rate for the year
};

// Every money quantity that restates another (Quantity::same_as) in `quantities` of `text`,
// compared through `rates` for `year` (the article's year).
std::vector<ConversionCheck> check_conversions(const std::string& article, const std::string& text,
                                               const std::vector<Quantity>& quantities, int year,
                                               const Rates& rates);

} // namespace tradecheck::checks
