// The checker's harder cases: undated figures, the same story filed twice, revisions, bases,
// currencies, and undated figures of periodic kinds.
#include <catch2/catch.hpp>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/conversion.hpp"
#include "tradecheck/checks/fact_key.hpp"

using namespace tradecheck;
using namespace tradecheck::checks;

namespace {

Claim deficit(const std::string& article, double billions, int exponent, std::optional<int> year,
              const std::string& unit = "USD", const std::string& basis = "") {
    Claim c;
    c.article = article;
    c.kind = "trade_balance";
    c.actor = "USA";
    c.metric = "trade_deficit";
    c.basis = basis;
    c.quantity.type = QuantityType::money;
    c.quantity.unit = unit;
    c.quantity.value = c.quantity.low = c.quantity.high = billions * 1e9;
    c.quantity.exponent = exponent;
    if (year) {
        c.period = Period::in;
        c.year = year;
    }
    c.key = fact_key(c);
    return c;
}

Finding only(const std::vector<Finding>& findings) {
    REQUIRE(findings.size() == 1);
    return findings[0];
}

} // namespace

TEST_CASE("an undated figure joins the dated fact it fits, and never makes a conflict", "[checks]") {
    const std::vector<Claim> claims{deficit("a", 169.8, 8, 1986), deficit("b", 170, 9, 1986),
                                    deficit("c", 169.8, 8, std::nullopt), deficit("d", 120, 9, std::nullopt)};
    const auto findings = check(claims);
    REQUIRE(findings.size() == 2);
    const auto dated = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.sources == 3; });
    REQUIRE(dated != findings.end());
    CHECK(dated->status == Status::agree);
    CHECK(dated->undated == std::vector<std::size_t>{2});
    CHECK(dated->rounding_only);   // 169.8 and 170 agree through rounding
    // 120 fits no dated figure: it stays undated, alone.
    const auto open = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.sources == 1; });
    REQUIRE(open != findings.end());
    CHECK(open->status == Status::single);
}

TEST_CASE("undated figures of periodic kinds that differ are not comparable, not a conflict", "[checks]") {
    const auto& f = only(check({deficit("a", 8.14, 7, std::nullopt), deficit("b", 1.45, 7, std::nullopt)}));
    CHECK(f.status == Status::not_comparable);
    CHECK(f.conflicts.empty());
}

TEST_CASE("the same story filed twice is one source", "[checks]") {
    CheckOptions options;
    options.source_of = {{"b", "a"}};
    const auto& f = only(check({deficit("a", 169.8, 8, 1986), deficit("b", 166.3, 8, 1986)}, options));
    CHECK(f.sources == 1);
    CHECK(f.status == Status::single);
    REQUIRE(f.same_text.size() == 1);
    CHECK(f.same_text[0].first == "b");
    CHECK(f.same_text[0].second == "a");
}

TEST_CASE("a revised figure is a revision, not a conflict, an unrevised difference is a conflict", "[checks]") {
    const auto& revised = only(check({deficit("a", 169.8, 8, 1986), deficit("b", 166.3, 8, 1986, "USD", "revised")}));
    CHECK(revised.status == Status::revised);
    REQUIRE(revised.conflicts.size() == 1);
    CHECK(revised.conflicts[0].revision);

    const auto& conflict = only(check({deficit("a", 169.8, 8, 1986), deficit("b", 166.3, 8, 1986)}));
    CHECK(conflict.status == Status::conflict);
    CHECK(conflict.conflicts[0].gap == Approx(3.5e9));
}

TEST_CASE("figures on different bases are different facts", "[checks]") {
    const auto findings = check({deficit("a", 58.6, 8, 1986), deficit("b", 51.5, 8, 1986, "USD", "customs")});
    CHECK(findings.size() == 2);
    for (const auto& f : findings) CHECK(f.status == Status::single);
}

TEST_CASE("money in different currencies is compared through the rates table", "[checks]") {
    Rates rates;
    rates.add(1986, "JPY", 168.52);
    CheckOptions options;
    options.rates = &rates;
    // 58.6 billion dollars is about 9,875 billion yen at 168.52.
    const auto& agree = only(check({deficit("a", 58.6, 8, 1986), deficit("b", 9875, 9, 1986, "JPY")}, options));
    CHECK(agree.status == Status::agree);
    CHECK(agree.converted);
    const auto& conflict = only(check({deficit("a", 58.6, 8, 1986), deficit("b", 7000, 9, 1986, "JPY")}, options));
    CHECK(conflict.status == Status::conflict);
    // Without a rate the figures are not comparable.
    const auto& unknown = only(check({deficit("a", 58.6, 8, 1986), deficit("b", 9875, 9, 1986, "XAU")}, options));
    CHECK(unknown.status == Status::not_comparable);
}

TEST_CASE("rates load from CSV and fall back to the nearest year", "[checks]") {
    Rates r;
    r.add(1986, "DEM", 2.1715);
    CHECK(r.per_usd("DEM", 1986) == Approx(2.1715));
    CHECK(r.per_usd("DEM", 1988) == Approx(2.1715));
    CHECK_FALSE(r.per_usd("DEM", 1995));
    CHECK(r.per_usd("USD", 1700) == 1.0);
}

TEST_CASE("amounts more than twofold apart are different measures, not a conflict", "[checks]") {
    const auto& f = only(check({deficit("a", 95.7, 8, 1986), deficit("b", 0.0347, 5, 1986)}));
    CHECK(f.status == Status::not_comparable);
    CHECK(f.conflicts.empty());
}

TEST_CASE("a figure for a year not yet over is a forecast", "[checks]") {
    CheckOptions options;
    options.article_year = {{"a", 1987}, {"b", 1987}};
    const auto& f = only(check({deficit("a", 144, 9, 1987), deficit("b", 170, 9, 1987)}, options));
    CHECK(f.status == Status::not_comparable);
}

TEST_CASE("two articles disagree only if none of their figures meet", "[checks]") {
    // Article b quotes both the old figure and the new one: it does not contradict a.
    const auto& f = only(check({deficit("a", 169.8, 8, 1986), deficit("b", 169.8, 8, 1986), deficit("b", 166.3, 8, 1986)}));
    CHECK(f.status == Status::agree);
}

TEST_CASE("truncated whole-unit amounts agree with the decimal figure", "[checks]") {
    const auto& f = only(check({deficit("a", 169.8, 8, 1986), deficit("b", 169, 9, 1986)}));
    CHECK(f.status == Status::agree);
    CHECK(f.rounding_only);
    const auto& g = only(check({deficit("a", 7.1, 8, 1986), deficit("b", 7.3, 8, 1986)}));
    CHECK(g.status == Status::conflict);
}

TEST_CASE("parenthetical conversions are checked through the rates table", "[checks]") {
    Rates rates;
    rates.add(2025, "EUR", 0.885);
    rates.add(2025, "CAD", 1.398);
    const std::string text = "an entry fee of 10 million euros (approximately C$16 million), and 10 million euros "
                             "(about C$30 million) for the other";
    const auto qs = find_quantities(text);
    const auto found = check_conversions("a", text, qs, 2025, rates);
    REQUIRE(found.size() == 2);
    CHECK(found[0].consistent);             // 10M EUR = 11.3M USD, C$16M = 11.4M USD
    CHECK(found[0].converted_text == "approximately C$16 million");
    CHECK_FALSE(found[1].consistent);       // C$30M is 21.5M USD
    Rates none;
    CHECK_FALSE(check_conversions("a", text, qs, 2025, none)[0].comparable);
}
