#include <catch2/catch.hpp>

#include <fmt/core.h>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/fact_key.hpp"

using namespace tradecheck;
using namespace tradecheck::checks;

namespace {

Quantity percent(double v, Qualifier q = Qualifier::exact, int exponent = 0) {
    Quantity x;
    x.type = QuantityType::percent;
    x.unit = "percent";
    x.value = x.low = x.high = v;
    x.qualifier = q;
    x.exponent = exponent;
    if (q == Qualifier::more_than || q == Qualifier::at_least) x.high = unbounded;
    if (q == Qualifier::less_than || q == Qualifier::at_most) x.low = -unbounded;
    return x;
}

Claim tariff(const std::string& article, Quantity q) {
    Claim c;
    c.article = article;
    c.kind = "tariff_rate";
    c.actor = "CAN";
    c.partner = "CHN";
    c.product = "steel";
    c.quantity = q;
    c.key = fact_key(c);
    return c;
}

Claim doubling(const std::string& article, int year, int low, int high, double value = 2) {
    Claim c;
    c.article = article;
    c.kind = "trade_target";
    c.actor = "CAN";
    c.metric = "non_us_exports";
    c.quantity.type = QuantityType::multiplier;
    c.quantity.unit = "multiplier";
    c.quantity.value = c.quantity.low = c.quantity.high = value;
    c.period = Period::by;
    c.year = year;
    c.year_low = low;
    c.year_high = high;
    c.key = fact_key(c);
    return c;
}

Status status_of(const std::vector<Claim>& claims) {
    const auto findings = check(claims);
    REQUIRE(findings.size() == 1);
    return findings[0].status;
}

} // namespace

TEST_CASE("intervals read precision and qualifiers", "[checks]") {
    Quantity billions = percent(169.8, Qualifier::exact, -1);
    const Interval i = interval_of(billions);
    CHECK(i.lo == Approx(169.75));
    CHECK(i.hi == Approx(169.85));
    CHECK(interval_of(percent(170)).lo == Approx(169.5));
    CHECK(interval_of(percent(75, Qualifier::about)).lo == Approx(67.5));
    CHECK(interval_of(percent(100, Qualifier::more_than)).lo_open);
    CHECK(std::isinf(interval_of(percent(4, Qualifier::less_than)).lo));
}

TEST_CASE("more than 100% and 100% agree, 25% and 35% conflict", "[checks]") {
    CHECK(status_of({tariff("a", percent(100, Qualifier::more_than)), tariff("b", percent(100))}) == Status::agree);
    CHECK(status_of({tariff("a", percent(25)), tariff("b", percent(35))}) == Status::conflict);
    CHECK(status_of({tariff("a", percent(101)), tariff("b", percent(100, Qualifier::less_than))}) == Status::conflict);
    CHECK(status_of({tariff("a", percent(25)), tariff("b", percent(25.4, Qualifier::exact, -1))}) == Status::agree);
}

TEST_CASE("a conflict carries its size", "[checks]") {
    const auto findings = check({tariff("a", percent(25)), tariff("b", percent(35))});
    REQUIRE(findings[0].conflicts.size() == 1);
    CHECK(findings[0].conflicts[0].gap == Approx(10));
    CHECK(findings[0].conflicts[0].relative_gap == Approx(0.4));
}

TEST_CASE("rounding-only agreement is flagged", "[checks]") {
    const auto findings = check({tariff("a", percent(25)), tariff("b", percent(25.4, Qualifier::exact, -1))});
    CHECK(findings[0].rounding_only);
}

TEST_CASE("double within the next decade (2025) and double by 2035 agree, other horizons conflict", "[checks]") {
    CHECK(status_of({doubling("a", 2035, 2034, 2036), doubling("b", 2035, 2035, 2035)}) == Status::agree);
    CHECK(status_of({doubling("a", 2035, 2034, 2036), doubling("b", 2030, 2030, 2030)}) == Status::conflict);
    CHECK(status_of({doubling("a", 2035, 2034, 2036), doubling("b", 2035, 2035, 2035, 3)}) == Status::conflict);
}

TEST_CASE("one article is one voice, one source is single", "[checks]") {
    CHECK(status_of({tariff("a", percent(25)), tariff("a", percent(35))}) == Status::single);
    CHECK(status_of({tariff("a", percent(25))}) == Status::single);
}

TEST_CASE("money in different currencies is not comparable, not a conflict", "[checks]") {
    Claim a = tariff("a", percent(1)), b = tariff("b", percent(1));
    for (Claim* c : {&a, &b}) {
        c->kind = "investment_pledge";
        c->quantity.type = QuantityType::money;
        c->quantity.value = 70e9;
        c->quantity.exponent = 9;
    }
    a.quantity.unit = "USD";
    b.quantity.unit = "CAD";
    a.key = fact_key(a);
    b.key = fact_key(b);
    CHECK(status_of({a, b}) == Status::not_comparable);
}

TEST_CASE("shares of a country's exports toward no one and of nothing named are not compared", "[checks]") {
    Claim a, b;
    a.article = "a";
    b.article = "b";
    for (Claim* c : {&a, &b}) {
        c->kind = "export_share";
        c->actor = "LKA";
        c->metric = "exports";
        c->period = Period::in;
        c->year = 2023;
        c->quantity.type = QuantityType::percent;
        c->quantity.unit = "percent";
    }
    a.quantity.value = a.quantity.low = a.quantity.high = 14;
    b.quantity.value = b.quantity.low = b.quantity.high = 52.6;
    a.key = fact_key(a);
    b.key = fact_key(b);
    CHECK(status_of({a, b}) == Status::not_comparable);
    // Toward a partner they are one fact, and 14% against 52.6% conflict.
    a.partner = b.partner = "USA";
    a.key = fact_key(a);
    b.key = fact_key(b);
    CHECK(status_of({a, b}) == Status::conflict);
}

TEST_CASE("fact keys separate measures and periods", "[checks]") {
    Claim c = doubling("a", 2035, 2034, 2036);
    CHECK(fact_key(c) == "trade_target|CAN|-|-|non_us_exports|-|by|multiplier");
    c.period = Period::in;
    c.year = 2024;
    CHECK(fact_key(c) == "trade_target|CAN|-|-|non_us_exports|-|2024|multiplier");
}

TEST_CASE("a fact thousands of articles disagree on lists the first pairs and counts them all", "[checks]") {
    // 120 articles at 25% and 120 at 35%: 14,400 disagreeing pairs, which a report could not
    // usefully list and memory should not hold.
    std::vector<Claim> claims;
    for (int i = 0; i < 240; ++i)
        claims.push_back(tariff(fmt::format("a{:03}", i), percent(i % 2 ? 35 : 25)));
    const auto findings = check(claims);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::conflict);
    CHECK(f.sources == 240);
    CHECK(f.disagreeing_pairs == 120u * 120u);
    CHECK(f.conflicts.size() == max_listed_conflicts);
    CHECK(f.note == fmt::format("14400 disagreeing pairs of claims; the first {} are listed", max_listed_conflicts));
    // Voice pairs come in the order of the articles' names: a000 against each 35% article first.
    CHECK(claims[f.conflicts.front().a].article == "a000");
    CHECK(claims[f.conflicts.front().b].article == "a001");
}

TEST_CASE("a disagreement with few pairs is listed whole, with no note", "[checks]") {
    const auto findings = check({tariff("a", percent(25)), tariff("b", percent(35)), tariff("c", percent(35))});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].disagreeing_pairs == 2);
    CHECK(findings[0].conflicts.size() == 2);
    CHECK(findings[0].note.empty());
}

TEST_CASE("threats, proposals, forecasts and older values quoted never conflict with figures in force", "[check]") {
    for (const char* not_in_force : {"threatened", "proposed", "expected", "previous"}) {
        Claim in_force = tariff("a.txt", percent(25));
        in_force.status = "in_effect";
        Claim other = tariff("b.txt", percent(50));
        other.status = not_in_force;
        INFO(not_in_force);
        const auto findings = check({in_force, other});
        REQUIRE(findings.size() == 1);
        CHECK(findings[0].status == Status::not_comparable);
        CHECK_THAT(findings[0].note, Catch::Contains("not figures in force"));
    }
    // Figures in force that agree make the fact agree, whatever old rate the stories also quote.
    Claim now_a = tariff("a.txt", percent(100)), now_b = tariff("b.txt", percent(100));
    Claim old_a = tariff("a.txt", percent(5, Qualifier::about));
    now_a.status = now_b.status = "in_effect";
    old_a.status = "previous";
    CHECK(status_of({now_a, old_a, now_b}) == Status::agree);
    // Two figures in force, or announced, still conflict; so do claims without a status.
    for (const char* status : {"in_effect", "announced", ""}) {
        Claim a = tariff("a.txt", percent(25));
        Claim b = tariff("b.txt", percent(50));
        a.status = b.status = status;
        INFO(status);
        CHECK(status_of({a, b}) == Status::conflict);
    }
}
