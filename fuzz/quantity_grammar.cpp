// Fuzzes the numeric grammar: tradecheck::find_quantities on arbitrary bytes.
// Invariants (quantity.hpp's contract):
//   - it returns (never throws, never crashes, no sanitizer report);
//   - results are in text order and do not overlap, in bytes and in code points;
//   - byte spans lie within the input, code-point spans within its code-point count
//     (each byte that does not start a well-formed UTF-8 sequence counts as one code point);
//   - a code-point span is never longer than its byte span;
//   - low <= value <= high whenever all three are numbers (NaN is not compared; an infinite
//     value is allowed only with matching infinite bounds);
//   - same_as is -1 or the index of another result.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "tradecheck/parser/quantity.hpp"

namespace {

// Same counting rule as find_quantities: a valid UTF-8 sequence is one code point, and so is
// every byte that does not start one.
std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) len = 0;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) len = 0;
        i += len == 0 ? 1 : len;
    }
    return n;
}

void check(std::string_view text, const tradecheck::QuantityOptions& options) {
    const std::vector<tradecheck::Quantity> qs = tradecheck::find_quantities(text, options);
    const std::size_t cps = code_points(text);
    for (std::size_t i = 0; i < qs.size(); ++i) {
        const tradecheck::Quantity& q = qs[i];
        FUZZ_CHECK(q.bytes.start <= q.bytes.end && q.bytes.end <= text.size(),
                   "quantity %zu: bytes [%zu,%zu) outside input of %zu bytes", i, q.bytes.start,
                   q.bytes.end, text.size());
        FUZZ_CHECK(q.bytes.start < q.bytes.end, "quantity %zu: empty byte span at %zu", i, q.bytes.start);
        FUZZ_CHECK(q.span.start <= q.span.end && q.span.end <= cps,
                   "quantity %zu: code points [%zu,%zu) outside input of %zu code points", i,
                   q.span.start, q.span.end, cps);
        FUZZ_CHECK(q.span.end - q.span.start <= q.bytes.end - q.bytes.start,
                   "quantity %zu: %zu code points in %zu bytes", i, q.span.end - q.span.start,
                   q.bytes.end - q.bytes.start);
        if (i > 0) {
            FUZZ_CHECK(qs[i - 1].bytes.end <= q.bytes.start,
                       "quantities %zu and %zu overlap or are out of order: bytes [%zu,%zu) then [%zu,%zu)",
                       i - 1, i, qs[i - 1].bytes.start, qs[i - 1].bytes.end, q.bytes.start, q.bytes.end);
            FUZZ_CHECK(qs[i - 1].span.end <= q.span.start,
                       "quantities %zu and %zu overlap in code points: [%zu,%zu) then [%zu,%zu)", i - 1,
                       i, qs[i - 1].span.start, qs[i - 1].span.end, q.span.start, q.span.end);
        }
        if (!std::isnan(q.value) && !std::isnan(q.low) && !std::isnan(q.high)) {
            FUZZ_CHECK(q.low <= q.value && q.value <= q.high,
                       "quantity %zu: low %g, value %g, high %g out of order", i, q.low, q.value, q.high);
        }
        FUZZ_CHECK(q.same_as >= -1 && q.same_as < static_cast<int>(qs.size()) &&
                       q.same_as != static_cast<int>(i),
                   "quantity %zu: same_as %d of %zu", i, q.same_as, qs.size());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(text, {});
    // A bare "$" as another currency takes other branches of the money rules.
    if (size > 0 && data[0] == 'C') check(text.substr(1), {"CAD"});
    return 0;
}
