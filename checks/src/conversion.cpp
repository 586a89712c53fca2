#include "tradecheck/checks/conversion.hpp"

#include <cmath>

#include "tradecheck/checks/interval.hpp"

namespace tradecheck::checks {

std::vector<ConversionCheck> check_conversions(const std::string& article, const std::string& text,
                                               const std::vector<Quantity>& quantities, int year,
                                               const Rates& rates) {
    std::vector<ConversionCheck> out;
    const auto span_text = [&](const Quantity& q) { return text.substr(q.bytes.start, q.bytes.end - q.bytes.start); };
    for (const Quantity& q : quantities) {
        if (q.same_as < 0 || static_cast<std::size_t>(q.same_as) >= quantities.size()) continue;
        const Quantity& original = quantities[static_cast<std::size_t>(q.same_as)];
        if (q.type != QuantityType::money || original.type != QuantityType::money || q.unit == original.unit) continue;
        ConversionCheck c{article, original, q, span_text(original), span_text(q), 0, 0, year, true, true};
        const auto a = rates.per_usd(original.unit, year), b = rates.per_usd(q.unit, year);
        if (!a || !b) {
            c.comparable = false;
            out.push_back(c);
            continue;
        }
        // Each side is an interval (rounding, "approximately"), converted and widened by the
        // rate tolerance; the conversion is consistent when they meet.
        const auto usd = [](const Quantity& x, double rate) {
            const Interval i = interval_of(x);
            return Interval{i.lo / rate * (1 - conversion_tolerance), i.hi / rate * (1 + conversion_tolerance),
                            i.lo_open, i.hi_open};
        };
        c.original_usd = original.value / *a;
        c.converted_usd = q.value / *b;
        c.consistent = meets(usd(original, *a), usd(q, *b));
        out.push_back(c);
    }
    return out;
}

} // namespace tradecheck::checks
