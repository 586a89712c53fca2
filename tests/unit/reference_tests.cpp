#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/checks/reference.hpp"

using namespace tradecheck;
using namespace tradecheck::checks;

namespace {

std::string write_temp(const std::string& text) {
    const auto path = std::filesystem::temp_directory_path() / ("tc_ref_" + std::to_string(std::rand()) + ".csv");
    std::ofstream(path) << text;
    return path.string();
}

Claim deficit(double billions, int exponent) {
    Claim c;
    c.article = "a";
    c.kind = "trade_balance";
    c.actor = "USA";
    c.metric = "trade_deficit";
    c.period = Period::in;
    c.year = 1986;
    c.quantity.type = QuantityType::money;
    c.quantity.unit = "USD";
    c.quantity.value = c.quantity.low = c.quantity.high = billions * 1e9;
    c.quantity.exponent = exponent;
    c.key = fact_key(c);
    return c;
}

} // namespace

TEST_CASE("reference figures load from CSV with the claims' keys", "[reference]") {
    const auto path = write_temp(
        "kind,actor,partner,metric,period,value,unit,source,url\n"
        "trade_balance,USA,,trade_deficit,1986,169800000000,USD,\"US Commerce Department, census basis\",https://example.org\n"
        "tariff_rate,USA,JPN,,,100,percent,Federal Register,\n");
    const auto refs = read_references(path);
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].key == deficit(169.8, 8).key);
    CHECK(refs[0].source == "US Commerce Department, census basis");
    CHECK(refs[1].key == "tariff_rate|USA|JPN|-|-|-|-|percent");
    std::filesystem::remove(path);
}

TEST_CASE("claims that miss a reference are contradictions, rounding is not", "[reference]") {
    const auto path = write_temp("kind,actor,metric,period,value,unit,source\n"
                                 "trade_balance,USA,trade_deficit,1986,169800000000,USD,Commerce\n");
    const auto refs = read_references(path);
    const std::vector<Claim> claims{deficit(169.8, 8), deficit(170, 9), deficit(166.3, 8)};
    const auto found = contradictions(claims, refs);
    REQUIRE(found.size() == 1);
    CHECK(found[0].claim == 2);
    CHECK(found[0].gap == Approx(3.5e9));
    std::filesystem::remove(path);
}

TEST_CASE("malformed reference files are refused with file:line", "[reference]") {
    const auto no_value = write_temp("kind,unit,source\ntrade_balance,USD,x\n");
    CHECK_THROWS_WITH(read_references(no_value), Catch::Contains(":1: the header has no 'value' column"));
    const auto bad_number = write_temp("kind,value,unit,source\ntrade_balance,12x,USD,x\n");
    CHECK_THROWS_WITH(read_references(bad_number), Catch::Contains(":2: value '12x' is not a number"));
    const auto bad_period = write_temp("kind,value,unit,source,period\ntrade_balance,1,USD,x,86\n");
    CHECK_THROWS_WITH(read_references(bad_period), Catch::Contains("period '86'"));
    for (const auto& p : {no_value, bad_number, bad_period}) std::filesystem::remove(p);
}
