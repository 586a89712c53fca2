#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tradecheck/checks/copies.hpp"

using namespace tradecheck::checks;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(TRADECHECK_SOURCE_DIR) + "/tests/fixtures/cases/" + name);
    std::stringstream s;
    s << in.rdbuf();
    const std::string text = s.str();
    const auto body = text.find("---", 3);   // past the front matter
    return body == std::string::npos ? text : text.substr(body + 3);
}

} // namespace

TEST_CASE("a reworded or syndicated story is a copy, an independent one on the same event is not",
          "[checks][copies]") {
    const std::string wire = fixture("copy_wire.md");
    CHECK(CopyFinder::similarity(wire, fixture("copy_reworded.md")) >= default_copy_threshold);
    CHECK(CopyFinder::similarity(wire, fixture("copy_syndicated_a.md")) >= default_copy_threshold);
    CHECK(CopyFinder::similarity(fixture("copy_syndicated_a.md"), fixture("copy_syndicated_b.md")) >= 0.8);
    CHECK(CopyFinder::similarity(wire, fixture("copy_independent.md")) < default_copy_threshold / 2);
    CHECK(CopyFinder::similarity(wire, wire) == 1.0);
}

TEST_CASE("families in publication order; short texts are never copies", "[checks][copies]") {
    CopyFinder finder;
    finder.add("late", "1987-03-12", fixture("copy_syndicated_a.md"));
    finder.add("independent", "1987-03-13", fixture("copy_independent.md"));
    finder.add("first", "1987-03-10", fixture("copy_wire.md"));
    finder.add("reworded", "1987-03-11", fixture("copy_reworded.md"));
    finder.add("short1", "1987-03-10", "The U.S. trade deficit was 169.8 billion dlrs in 1986.");
    finder.add("short2", "1987-03-11", "The U.S. trade deficit was 169.8 billion dlrs in 1986.");
    const Copies copies = finder.families();
    REQUIRE(copies.count("late"));
    REQUIRE(copies.count("reworded"));
    CHECK(copies.at("late").family == "first");
    CHECK(copies.at("reworded").family == "first");
    CHECK(copies.at("reworded").copy_of == "first");
    CHECK(copies.at("reworded").similarity >= default_copy_threshold);
    CHECK_FALSE(copies.count("first"));
    CHECK_FALSE(copies.count("independent"));
    CHECK_FALSE(copies.count("short2"));
}

TEST_CASE("copy features fold inflection and common synonyms", "[checks][copies]") {
    CHECK(copy_features("tariffs increased on vehicles") == copy_features("tariff raised on cars"));
    CHECK(copy_features("the 7.3 billion") != copy_features("the 7.4 billion"));
}
