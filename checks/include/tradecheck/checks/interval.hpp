// Interval: the values a printed figure allows. "169.8 billion" allows 169.75..169.85 billion,
// "more than 100%" allows (100, inf), "about 75%" allows 75 +/- the approximation tolerance.
#pragma once

#include <string>

#include "tradecheck/parser/quantity.hpp"

namespace tradecheck::checks {

// How far "about", "roughly", "nearly", "almost", "some", "around" stretch a figure, as a
// fraction of its value. Documented in docs/checks.md.
inline constexpr double approximation_tolerance = 0.10;

struct Interval {
    double lo = -unbounded;
    double hi = unbounded;
    bool lo_open = false;
    bool hi_open = false;
};

// The interval a quantity allows, from its value, printed precision and qualifier.
Interval interval_of(const Quantity& q);

// A closed interval around a horizon year: [low, high].
Interval year_interval(int low, int high);

// True when some value lies in both.
bool meets(const Interval& a, const Interval& b);

// Distance between two disjoint intervals (0 when they meet).
double distance(const Interval& a, const Interval& b);

// "[24.5, 25.5]", "(100, inf)".
std::string to_string(const Interval& i);

} // namespace tradecheck::checks
