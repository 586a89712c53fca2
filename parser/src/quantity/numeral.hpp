// Digits as printed to an ast::Numeral: shared by the grammar's actions and the scanner's
// reading of a bare figure, so both give the same value, exponent and flags.
#pragma once

#include <charconv>
#include <cmath>
#include <cstddef>
#include <system_error>

#include "ast.hpp"

namespace tradecheck::quantity {

// Digits as printed ("1,783.9", ".08") to a numeral: commas dropped, decimals counted.
// Over 30 integer digits is not a figure anyone prints: rejected, never infinity.
inline bool digits_to_numeral(const char* b, const char* e, ast::Numeral& n) {
    char buf[64];
    std::size_t len = 0;
    int fraction = -1, integer_digits = 0;
    bool comma = false;
    for (const char* p = b; p != e; ++p) {
        const char c = *p;
        if (c == ',' || c == '\x1f') { comma = true; continue; } // '\x1f': a grouping space
        if (c == ' ') { comma = comma || fraction < 0; continue; } // "4 . 8", "1 234 567"
        if (c == '.') fraction = 0;
        else if (fraction >= 0) ++fraction;
        else if (integer_digits > 0 || c != '0') ++integer_digits;
        if (len + 1 >= sizeof buf) return false;
        buf[len++] = c;
    }
    if (integer_digits > 30) return false;
    double v = 0;
    auto [ptr, ec] = std::from_chars(buf, buf + len, v);
    if (ec != std::errc{} || ptr != buf + len || !std::isfinite(v)) return false;
    n = ast::Numeral{};
    n.value = v;
    n.exponent = fraction > 0 ? -fraction : 0;
    n.plain_integer = fraction < 0 && !comma;
    n.digits = int(len);
    return true;
}

// A digit fraction the press prints for a share or a price ("3/4", "1/2", "5/8", "7/16"): a
// proper fraction whose denominator halves, quarters, fifths, eighths or tenths. "24/7", "9/11"
// and "6/13" are no such fraction; "3/4" may still be March 4 (the scanner looks at the words
// around it).
inline bool fraction_shaped(int numerator, int denominator) {
    switch (denominator) {
    case 2: case 3: case 4: case 5: case 8: case 10: case 16: case 32: case 64:
        return numerator > 0 && numerator < denominator;
    default: return false;
    }
}

} // namespace tradecheck::quantity
