#include "tradecheck/checks/interval.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/core.h>

namespace tradecheck::checks {

namespace {

// Half a unit of the last printed digit: "170" may be anything that rounds to 170.
double rounding(const Quantity& q) {
    if (q.type == QuantityType::multiplier) return 0;   // "double" means 2, not 1.5..2.5
    return 0.5 * std::pow(10.0, q.exponent);
}

// Newswire truncates large amounts: "169 billion dlrs" is printed for 169.8 billion as often as
// "170 billion" is. A figure printed in whole millions or more may stand for anything up to the
// next unit of its last digit.
bool truncatable(const Quantity& q) {
    // Whole thousands, millions, billions ("169 billion", not "7.1 billion").
    return (q.type == QuantityType::money || q.type == QuantityType::number) && q.exponent >= 6 && q.exponent % 3 == 0;
}

} // namespace

Interval interval_of(const Quantity& q) {
    const double r = rounding(q);
    switch (q.qualifier) {
    case Qualifier::exact:
        if (truncatable(q)) return {q.value - r, q.value + 2 * r, false, true};
        return {q.value - r, q.value + r, false, false};
    case Qualifier::about: {
        const double w = std::max(r, approximation_tolerance * std::fabs(q.value));
        return {q.value - w, q.value + w, false, false};
    }
    case Qualifier::more_than:
        return {q.value, unbounded, true, false};
    case Qualifier::at_least:
        return {q.value, unbounded, false, false};
    case Qualifier::less_than:
        return {-unbounded, q.value, false, true};
    case Qualifier::at_most:
        return {-unbounded, q.value, false, false};
    case Qualifier::between:
        return {q.low - r, q.high + r, false, false};
    }
    return {};
}

Interval year_interval(int low, int high) {
    return {static_cast<double>(low), static_cast<double>(high), false, false};
}

bool meets(const Interval& a, const Interval& b) {
    // a ends before b starts, or the other way round; open ends do not touch.
    const auto before = [](const Interval& x, const Interval& y) {
        return x.hi < y.lo || (x.hi == y.lo && (x.hi_open || y.lo_open));
    };
    return !before(a, b) && !before(b, a);
}

double distance(const Interval& a, const Interval& b) {
    if (meets(a, b)) return 0;
    return a.hi < b.lo ? b.lo - a.hi : a.lo - b.hi;
}

std::string to_string(const Interval& i) {
    const auto num = [](double v) {
        if (std::isinf(v)) return std::string(v < 0 ? "-inf" : "inf");
        return fmt::format("{:g}", v);
    };
    return fmt::format("{}{}, {}{}", i.lo_open || std::isinf(i.lo) ? '(' : '[', num(i.lo), num(i.hi),
                       i.hi_open || std::isinf(i.hi) ? ')' : ']');
}

} // namespace tradecheck::checks
