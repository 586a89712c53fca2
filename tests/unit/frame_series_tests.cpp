// Frames across figures and sentences: series links, the subject's head, short asides, the
// article's holder, products referred back to, and currency names (docs/frames.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "support.hpp"
#include "tradecheck/parser/extractor.hpp"

using namespace tradecheck;

namespace {

std::vector<Claim> claims_of(const std::string& text, const std::string& outlet = "wire",
                             const std::string& date = "2024-07-02") {
    Article a;
    a.id = "frame-test";
    a.outlet = outlet;
    a.published = date;
    a.text = text;
    return extract_claims(a, test::default_rules());
}

const Claim* with_value(const std::vector<Claim>& claims, double v) {
    for (const Claim& c : claims)
        if (std::abs(c.quantity.value - v) <= 1e-6 * std::abs(v)) return &c;
    return nullptr;
}

} // namespace

TEST_CASE("frames: a series reads each figure through the one before it", "[frames]") {
    const auto claims = claims_of("Sri Lanka's exports in February 2024 were 1,059 million US dollars, up 7.9 percent "
                                  "from 982 million dollars a year ago.");
    const Claim* level = with_value(claims, 1059e6);
    const Claim* previous = with_value(claims, 982e6);
    REQUIRE(level);
    REQUIRE(previous);
    CHECK(level->kind == "trade_value");
    CHECK(level->role == "level");
    CHECK(previous->kind == "trade_value");
    CHECK(previous->role == "previous");
    CHECK(previous->actor == "LKA");
    CHECK(previous->metric == "exports");
}

TEST_CASE("frames: the product of a series' first figure carries to the level", "[frames]") {
    const auto claims = claims_of("Rubber exports went up 3% to 910 million US dollars in 2024.");
    const Claim* level = with_value(claims, 910e6);
    REQUIRE(level);
    CHECK(level->product == "rubber");
    CHECK(level->role == "level");
}

TEST_CASE("frames: 'compared to' marks an older value", "[frames]") {
    const auto claims = claims_of("Expenditure on merchandise imports declined by 4.2 per cent to US dollars 1,405 "
                                  "million in May 2024 compared to US dollars 1,466 million in May 2023.");
    const Claim* previous = with_value(claims, 1466e6);
    REQUIRE(previous);
    CHECK(previous->role == "previous");
    CHECK(previous->partner.empty());   // "US dollars" names no country
}

TEST_CASE("frames: the subject's head, not a head inside its prepositional phrase", "[frames]") {
    const auto claims = claims_of("The deficit in the merchandise trade account narrowed to US dollars 393 million in "
                                  "May 2024 from US dollars 447 million recorded in May 2023.");
    const Claim* level = with_value(claims, 393e6);
    const Claim* previous = with_value(claims, 447e6);
    REQUIRE(level);
    REQUIRE(previous);
    CHECK(level->kind == "trade_balance");
    CHECK(previous->kind == "trade_balance");
    CHECK(previous->role == "previous");
}

TEST_CASE("frames: a short aside in brackets stays inside the clause", "[frames]") {
    const auto claims = claims_of("In 2022, Sri Lanka's precious stones (HS 7103) exports were valued at $32.7 million.");
    const Claim* c = with_value(claims, 32.7e6);
    REQUIRE(c);
    CHECK(c->product == "precious_stones");
}

TEST_CASE("frames: the article's holder and the outlet's country", "[frames]") {
    const auto claims = claims_of("Earnings from merchandise exports recorded a marginal decline of 0.8 per cent to US "
                                  "dollars 1,011 million in May 2024.",
                                  "The Island (Sri Lanka)");
    const Claim* c = with_value(claims, 1011e6);
    REQUIRE(c);
    CHECK(c->actor == "LKA");
}

TEST_CASE("frames: a product referred back to", "[frames]") {
    const auto claims = claims_of("Sri Lanka's apparel and textile industry remains one of the strongest. In 2025, the "
                                  "sector generated $5.30 billion in export revenue.");
    const Claim* c = with_value(claims, 5.3e9);
    REQUIRE(c);
    CHECK(c->product == "apparel/textiles");
    CHECK(c->actor == "LKA");
}
