// Plain structs the quantity grammar produces. The grammar runs over a lower-cased copy of the
// text in which every ASCII whitespace byte is a plain space, so positions are byte offsets that
// are valid in the original text too.
#pragma once

#include <string_view>

#include <tradecheck/parser/quantity.hpp>

namespace tradecheck::quantity::ast {

// A number as printed, before its unit: "1,783.9", "4 . 8", "seventy", "1.3 trillion", "half".
struct Numeral {
    double value = 0;
    int exponent = 0;           // decimal exponent of the last printed digit, after magnitude
    bool has_magnitude = false; // "million", "bn", "k", ...
    int magnitude = 0;          // its power of ten: "billion" -> 9
    bool plain_integer = false; // only digits: no separator, decimals or magnitude ("2024")
    bool spelled = false;       // written in words
    int digits = 0;             // how many digits were printed (year detection, "1986/87")
    bool slash = false;         // a bare digit fraction "3/4" (a date too: the scanner decides)
};

// What a unit word turns a numeral into. `scale` applies to the value ("cents" -> 0.01,
// "decades" -> 10, "basis points" -> 0.01), `scale_exp` to the exponent.
// `name` always points at a string literal in the grammar's tables, so the AST allocates nothing.
struct Unit {
    std::string_view name;      // "" | "$" (the default dollar) | ISO 4217 | percent | ...
    double scale = 1;
    int scale_exp = 0;
};

// One end of a quantity: sign, currency, numeral, unit, and where it stands.
struct Measure {
    Numeral number;
    Unit unit;
    bool negative = false;
    bool plus = false;          // "+0.3%": a market round-up's sign (a bare "+94" is a phone code)
    bool has_unit = false;
    bool unit_before = false;   // the unit came before the figure ("$5", "USD 5")
    const char* begin = nullptr;
    const char* end = nullptr;
};

enum class Form { amount, range, year, year_span, horizon, relative, end_of_decade };

// What one successful parse at one position found.
struct Match {
    Form form = Form::amount;
    Qualifier qualifier = Qualifier::exact;
    bool qualifier_is_over = false; // "over"/"above"/"under": dropped before a bare year
    bool qualified = false;         // a qualifier was read (also "equal to": exact)
    Measure low;                    // the figure, or the low end of a range
    Measure high;                   // the high end (ranges, "1986/87")
    TimeRelation relation = TimeRelation::none;
    double horizon = 0;             // form horizon/relative: the count of `low.unit` units
    bool maybe_change = false;      // "from A to B" / "A to B": a change when a verb precedes
    bool from_to = false;           // the "from A to B" form: its verb may stand a few words back
    bool vague = false;             // "tens of millions", "several billion": an interval by design
};

// A word of a spelled-out number, folded left to right by the grammar's actions.
enum class WordKind { unit, teen, tens, hundred, scale, dozen };

struct WordToken {
    WordKind kind = WordKind::unit;
    double value = 0;
    int exponent = 0;
};

// The running state of that fold: "two hundred and five thousand" = (2*100+5)*1000.
struct WordFold {
    double total = 0;    // completed scale groups
    double current = 0;  // the group being built
    double last_scale = 1e300;
    int exponent = 0;
    bool started = false;
    WordKind last = WordKind::unit;
};

} // namespace tradecheck::quantity::ast
