#include <catch2/catch.hpp>

#include "support.hpp"
#include "tradecheck/parser/extractor.hpp"
#include "tradecheck/parser/rules.hpp"

using namespace tradecheck;

namespace {

std::string error_of(const std::string& text) {
    const std::map<std::string, std::string> kinds{{"tariff_rate", ""}};
    try {
        parse_rule_file(text, "my.rules", &kinds);
    } catch (const RuleError& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("a rule file parses into rules", "[rules]") {
    const auto rules = parse_rule_file(R"(# comment
rule tariff_rate.test {
  kind     tariff_rate   # trailing comment
  accepts  percent | money
  near     "tariff" | "import duty" within 5 words
  not near "percentage points" within 2 words
  actor    "imposed by" @country | subject-country
  partner  "from" @country
           | "on" @country-adjective
  metric   = "exports"
  example  "Canada imposed a 25% tariff on steel from China"
           => value 25, unit percent, actor CAN
}
)", "t.rules");
    REQUIRE(rules.size() == 1);
    const Rule& r = rules[0];
    CHECK(r.id == "tariff_rate.test");
    CHECK(r.kind == "tariff_rate");
    CHECK(r.accepts == std::vector<QuantityType>{QuantityType::percent, QuantityType::money});
    REQUIRE(r.near.size() == 2);
    CHECK(r.near[0].count == 5);
    CHECK(r.near[0].phrases[1] == std::vector<std::string>{"import", "duty"});
    CHECK(r.near[1].negated);
    CHECK(r.slots.at("actor").alternatives.size() == 2);
    CHECK(r.slots.at("partner").alternatives.size() == 2);   // continued on the next line
    CHECK(r.slots.at("metric").fixed == "exports");
    REQUIRE(r.examples.size() == 1);
    CHECK(r.examples[0].expect.size() == 3);
    CHECK(r.pos.line == 2);
    CHECK(r.hash.size() == 16);
}

TEST_CASE("rule file errors carry file:line:column, the line and a caret", "[rules]") {
    CHECK(error_of("rule a {\n  kind tariff_rate\n  acepts percent\n}\n") ==
          "my.rules:3:3: unknown statement 'acepts' (expected kind, accepts, unit, near, not near, measure, role, "
          "status, holder, echoes, actor, partner, product, metric, basis, scope, priority or example)\n    acepts percent\n    ^");
    CHECK_THAT(error_of("rule a {\n  kind tariff_rat\n  accepts percent\n}\n"),
               Catch::StartsWith("my.rules:2:8: unknown kind 'tariff_rat'"));
    CHECK_THAT(error_of("rule a {\n  kind tariff_rate\n  accepts percent\n"),
               Catch::StartsWith("my.rules:4:1: unexpected end of file, expected '}'"));
    CHECK_THAT(error_of("rule a {\n  kind tariff_rate\n  accepts percent\n  near \"tariff within 3 words\n}\n"),
               Catch::StartsWith("my.rules:4:"));
    CHECK_THAT(error_of("rule a {\n  kind tariff_rate\n  accepts percnt\n}\n"),
               Catch::StartsWith("my.rules:3:11: unknown quantity type 'percnt'"));
    CHECK_THAT(error_of("rule a {\n  kind tariff_rate\n  accepts percent\n  actor @contry\n}\n"),
               Catch::StartsWith("my.rules:4:10: unknown name class 'contry'"));
    CHECK_THAT(error_of("rule a {\n kind tariff_rate\n accepts percent\n}\nrule a {\n kind tariff_rate\n accepts percent\n}\n"),
               Catch::Contains("duplicate rule id 'a'"));
    CHECK_THAT(error_of("rule a {\n kind tariff_rate\n}\n"), Catch::Contains("has no 'accepts'"));
    CHECK_THAT(error_of("rule a { kind tariff_rate }"), Catch::StartsWith("my.rules:1:"));
    CHECK_THAT(error_of(std::string(200, '{')), Catch::StartsWith("my.rules:1:1:"));
}

TEST_CASE("every default rule has examples and they all pass", "[rules]") {
    const RuleSet& rules = test::default_rules();
    REQUIRE(rules.rules.size() >= 8);
    int run = 0;
    const auto failures = test_rule_examples(rules, run);
    for (const auto& f : failures) UNSCOPED_INFO(f.rule->id << ": " << f.example->sentence << ": " << f.message);
    CHECK(failures.empty());
    CHECK(run >= 15);
    CHECK(lint_rules(rules).empty());
    std::set<std::string> kinds;
    for (const Rule& r : rules.rules) kinds.insert(r.kind);
    for (const char* k : {"tariff_rate", "trade_target", "export_share", "investment_pledge", "trade_value",
                          "market_access", "trade_balance"})
        CHECK(kinds.count(k) == 1);
}
