// `claims --format jsonl` and `extract` write each claim without building a JSON object; the
// bytes must be what nlohmann::json writes for the same object (its key order and number
// format), since users diff and hash these files.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tradecheck/report/render.hpp"

using namespace tradecheck;

TEST_CASE("a JSON Lines claim is byte for byte nlohmann's own serialisation of it", "[report]") {
    std::vector<db::StoredClaim> claims(4);
    claims[0].id = 1;
    claims[0].claim.article = "a.txt";
    claims[0].claim.text = "a 25% \"tariff\"\\ on\nsteel\t\x01\x1f\x7f";
    claims[0].claim.quantity.value = claims[0].claim.quantity.low = claims[0].claim.quantity.high = 25;
    claims[0].claim.year = 2024;
    claims[1].id = 2;
    claims[1].claim.text = "Canada’s C$16 million — ünïcödé";
    claims[1].claim.quantity.value = 1.3e12;
    claims[1].claim.quantity.low = -std::numeric_limits<double>::infinity();
    claims[1].claim.quantity.high = std::numeric_limits<double>::quiet_NaN();
    claims[1].claim.year_low = 2034;
    claims[1].claim.year_high = 2037;
    claims[2].id = 300000000000;
    claims[2].claim.quantity.value = 0.000125;
    claims[2].claim.quantity.low = 1e-7;
    claims[2].claim.quantity.high = 123456789.125;
    claims[2].claim.quantity.exponent = -3;
    claims[2].claim.start = 12;
    claims[2].claim.end = 15;
    claims[3].title = "";   // every field empty or zero
    std::ostringstream out;
    report::write_claims(out, claims, report::Format::jsonl);
    std::istringstream lines(out.str());
    std::string line;
    int n = 0;
    while (std::getline(lines, line)) {
        INFO(line);
        CHECK(nlohmann::json::parse(line).dump() == line);
        ++n;
    }
    CHECK(n == 4);
    // And the values are the ones given.
    const auto first = nlohmann::json::parse(out.str().substr(0, out.str().find('\n')));
    CHECK(first.at("text") == claims[0].claim.text);
    CHECK(first.at("year") == 2024);
    CHECK(first.at("year_low").is_null());
}
