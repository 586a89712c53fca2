// One fact however it is written: FactKey, unified partners, mirror relations, copies as one
// source (docs/checks.md).
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/fact_key.hpp"

using namespace tradecheck;
using namespace tradecheck::checks;

namespace {

Claim balance(const std::string& article, const std::string& actor, const std::string& partner,
              const std::string& metric, double billions, int year = 1986, const std::string& kind = "trade_balance") {
    Claim c;
    c.article = article;
    c.kind = kind;
    c.actor = actor;
    c.partner = partner;
    c.metric = metric;
    c.quantity.type = QuantityType::money;
    c.quantity.unit = "USD";
    c.quantity.value = c.quantity.low = c.quantity.high = billions * 1e9;
    c.quantity.exponent = -1;   // printed with one decimal
    c.period = Period::in;
    c.year = year;
    c.key = fact_key(c);
    return c;
}

Claim ev_tariff(const std::string& article, const std::string& partner, double percent) {
    Claim c;
    c.article = article;
    c.kind = "tariff_rate";
    c.actor = "CAN";
    c.partner = partner;
    c.product = "electric_vehicles";
    c.quantity.type = QuantityType::percent;
    c.quantity.unit = "percent";
    c.quantity.value = c.quantity.low = c.quantity.high = percent;
    c.key = fact_key(c);
    return c;
}

const Finding& only(const std::vector<Finding>& findings, const std::string& key_start) {
    const auto n = std::count_if(findings.begin(), findings.end(),
                                 [&](const Finding& f) { return f.key.rfind(key_start, 0) == 0; });
    REQUIRE(n == 1);
    return *std::find_if(findings.begin(), findings.end(),
                         [&](const Finding& f) { return f.key.rfind(key_start, 0) == 0; });
}

} // namespace

TEST_CASE("FactKey reads and prints the key string unchanged", "[checks][factkey]") {
    for (const std::string key : {"trade_balance|USA|-|-|trade_deficit|-|1986|money",
                                  "tariff_rate|CAN|CHN|electric_vehicles|-|-|-|percent",
                                  "trade_target|CAN|-|-|non_us_exports|-|by|multiplier"})
        CHECK(FactKey::parse(key).str() == key);
    const FactKey k = FactKey::parse("trade_balance|USA|-|-|trade_deficit|-|1986|money");
    CHECK(k.actor == "USA");
    CHECK(k.partner.empty());
    CHECK(k.period == "1986");
    CHECK(k.dated());
    CHECK(k.series() == FactKey::parse("trade_balance|USA|-|-|trade_deficit|-|1987|money").series());
    CHECK(FactKey::parse("a|b|c").fields == 3);
    const Claim c = balance("a", "TWN", "USA", "trade_surplus", 13.6);
    CHECK(key_of(c).str() == fact_key(c));
}

TEST_CASE("an unknown partner unifies with the one known fact it fits, and never conflicts", "[checks][factkey]") {
    const auto findings = check({ev_tariff("a", "CHN", 100), ev_tariff("b", "", 100)});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::agree);
    CHECK(findings[0].sources == 2);
    CHECK(matched_by(findings[0], 1) == "unified_partner");
    CHECK(matched_by(findings[0], 0) == "exact");

    // A figure that fits nothing stays a fact of its own; one that fits is not forced to.
    const auto apart = check({ev_tariff("a", "CHN", 100), ev_tariff("b", "", 25)});
    CHECK(apart.size() == 2);
    // Two known facts it could join: it joins neither.
    const auto two = check({ev_tariff("a", "CHN", 100), ev_tariff("c", "USA", 100), ev_tariff("b", "", 100)});
    CHECK(two.size() == 3);
}

TEST_CASE("a global figure keeps the partnerless fact apart from the bilateral one", "[checks][factkey]") {
    const auto findings = check({balance("a", "DEU", "", "trade_surplus", 52.5),
                                 balance("b", "DEU", "USA", "trade_surplus", 15.6),
                                 balance("c", "DEU", "", "trade_surplus", 15.6)});
    const Finding& bilateral = only(findings, "trade_balance|DEU|USA|");
    CHECK(bilateral.claims.size() == 1);
    CHECK(bilateral.unified.empty());
    // Without the global figure the partnerless one joins.
    const auto joined = check({balance("b", "DEU", "USA", "trade_surplus", 15.6),
                               balance("c", "DEU", "", "trade_surplus", 15.6)});
    REQUIRE(joined.size() == 1);
    CHECK(joined[0].status == Status::agree);
}

TEST_CASE("mirror relations are one fact; their disagreement is mirror figures, not a conflict", "[checks][mirror]") {
    const auto agree = check({balance("a", "TWN", "USA", "trade_surplus", 13.6),
                              balance("b", "USA", "TWN", "trade_deficit", 13.6)});
    REQUIRE(agree.size() == 1);
    CHECK(agree[0].status == Status::agree);
    CHECK(agree[0].key == "trade_balance|TWN|USA|-|trade_surplus|-|1986|money");
    CHECK(agree[0].mirror_key == "trade_balance|USA|TWN|-|trade_deficit|-|1986|money");
    CHECK(matched_by(agree[0], 1) == "mirror");

    const auto differ = check({balance("a", "EU", "JPN", "trade_deficit", 18.0),
                               balance("b", "JPN", "EU", "trade_surplus", 16.7)});
    REQUIRE(differ.size() == 1);
    CHECK(differ[0].status == Status::not_comparable);
    CHECK(differ[0].note.rfind("mirror figures", 0) == 0);
    REQUIRE(differ[0].conflicts.size() == 1);
    CHECK(differ[0].conflicts[0].mirror);

    // The same side still conflicts.
    const auto same_side = check({balance("a", "EU", "JPN", "trade_deficit", 18.0),
                                  balance("b", "JPN", "EU", "trade_surplus", 18.0),
                                  balance("c", "EU", "JPN", "trade_deficit", 16.7)});
    REQUIRE(same_side.size() == 1);
    CHECK(same_side[0].status == Status::conflict);

    const auto trade = check({balance("a", "JPN", "USA", "exports", 85.0, 1986, "trade_value"),
                              balance("b", "USA", "JPN", "imports", 85.0, 1986, "trade_value")});
    REQUIRE(trade.size() == 1);
    CHECK(trade[0].status == Status::agree);

    // A's exports to B and A's imports from B are not mirrors.
    CHECK(check({balance("a", "JPN", "USA", "exports", 85.0, 1986, "trade_value"),
                 balance("b", "JPN", "USA", "imports", 85.0, 1986, "trade_value")})
              .size() == 2);
}

TEST_CASE("copies of one story are one source", "[checks][copies]") {
    Copies copies;
    copies["b"] = CopyOf{"a", "a", 0.8};
    CheckOptions options;
    options.copies = &copies;
    const std::vector<Claim> claims{balance("a", "TWN", "USA", "trade_surplus", 13.6),
                                    balance("b", "TWN", "USA", "trade_surplus", 13.6)};
    const auto findings = check(claims, options);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::single);
    CHECK(findings[0].sources == 1);
    REQUIRE(findings[0].copies.size() == 1);
    CHECK(findings[0].copies[0].first == "b");
    CHECK(check(claims).at(0).status == Status::agree);
}

TEST_CASE("a balance typed as a trade value meets its twin: the metric decides the kind", "[checks][retyped]") {
    CHECK(compared_kind("trade_value", "trade_deficit") == "trade_balance");
    CHECK(compared_kind("trade_value", "current_account") == "trade_balance");
    CHECK(compared_kind("trade_balance", "bilateral_trade") == "trade_balance");   // "the bilateral trade surplus"
    CHECK(compared_kind("trade_value", "exports") == "trade_value");
    CHECK(compared_kind("trade_value", "") == "trade_value");        // no metric: as typed
    CHECK(compared_kind("export_share", "trade_deficit") == "export_share");   // other kinds: as typed

    // "the U.S. trade gap was 169.8 billion" (typed a trade value) and "a deficit of 169.8 billion".
    const auto agree = check({balance("a", "USA", "", "trade_deficit", 169.8, 1986, "trade_value"),
                              balance("b", "USA", "", "trade_deficit", 169.8)});
    REQUIRE(agree.size() == 1);
    CHECK(agree[0].kind == "trade_balance");
    CHECK(agree[0].key == "trade_balance|USA|-|-|trade_deficit|-|1986|money");
    CHECK(agree[0].status == Status::agree);
    CHECK(matched_by(agree[0], 0) == "retyped");
    CHECK(matched_by(agree[0], 1) == "exact");

    // Retyped, the figures are compared: 169.8 against 120 is a conflict, not two singles.
    const auto differ = check({balance("a", "USA", "", "trade_deficit", 169.8, 1986, "trade_value"),
                               balance("b", "USA", "", "trade_deficit", 120.0)});
    REQUIRE(differ.size() == 1);
    CHECK(differ[0].status == Status::conflict);

    // A retyped claim is still a mirror side: the U.S. "trade gap with Taiwan" and Taiwan's surplus.
    const auto mirror = check({balance("a", "TWN", "USA", "trade_surplus", 13.6),
                               balance("b", "USA", "TWN", "trade_deficit", 13.6, 1986, "trade_value")});
    REQUIRE(mirror.size() == 1);
    CHECK(mirror[0].status == Status::agree);
    CHECK(matched_by(mirror[0], 1) == "mirror+retyped");
}

namespace {

// An undated balance ("the 169.8 billion dlr deficit") in a story of `story_year`.
Claim undated(const std::string& article, double billions, const std::string& status = "in_effect") {
    Claim c = balance(article, "USA", "", "trade_deficit", billions);
    c.period = Period::open;
    c.year.reset();
    c.status = status;
    c.key = fact_key(c);
    return c;
}

CheckOptions published(std::initializer_list<std::pair<const char*, int>> years) {
    CheckOptions o;
    for (const auto& [article, year] : years) o.article_year[article] = year;
    return o;
}

std::size_t undated_members(const std::vector<Finding>& findings, const std::string& key) {
    for (const Finding& f : findings)
        if (f.key == key) return f.undated.size();
    return 0;
}

} // namespace

TEST_CASE("an undated figure joins a fact of its story's year or the year before only", "[checks][undated]") {
    const std::vector<Claim> claims{balance("a", "USA", "", "trade_deficit", 169.8, 1986),
                                    balance("b", "USA", "", "trade_deficit", 169.8, 1986),
                                    undated("c", 169.8), undated("d", 169.8)};
    const auto findings = check(claims, published({{"a", 1987}, {"b", 1987}, {"c", 1987}, {"d", 1990}}));
    // The 1987 story's figure is the 1986 deficit; the 1990 story's is some later one.
    CHECK(undated_members(findings, "trade_balance|USA|-|-|trade_deficit|-|1986|money") == 1);
    CHECK(only(findings, "trade_balance|USA|-|-|trade_deficit|-|-|").claims.size() == 1);
}

TEST_CASE("a projection or a goal never joins a dated fact", "[checks][undated]") {
    const std::vector<Claim> claims{balance("a", "USA", "", "trade_deficit", 169.8, 1986),
                                    undated("c", 169.8, "expected"), undated("d", 169.8, "target"),
                                    undated("e", 169.8, "in_effect")};
    const auto findings = check(claims, published({{"a", 1987}, {"c", 1987}, {"d", 1987}, {"e", 1987}}));
    CHECK(undated_members(findings, "trade_balance|USA|-|-|trade_deficit|-|1986|money") == 1);
}

TEST_CASE("an open bound far below the dated figure says nothing of which fact it is", "[checks][undated]") {
    Claim over = undated("c", 50);   // "a deficit of over 50 billion dlrs" meets 169.8, and any larger
    over.quantity.qualifier = Qualifier::more_than;
    over.quantity.high = std::numeric_limits<double>::infinity();
    const std::vector<Claim> claims{balance("a", "USA", "", "trade_deficit", 169.8, 1986), over};
    const auto findings = check(claims, published({{"a", 1987}, {"c", 1987}}));
    CHECK(undated_members(findings, "trade_balance|USA|-|-|trade_deficit|-|1986|money") == 0);
}

namespace {

Claim export_target(const std::string& article, double value, int year, QuantityType type = QuantityType::money) {
    Claim c;
    c.article = article;
    c.kind = "trade_target";
    c.actor = "LKA";
    c.metric = "exports";
    c.quantity.type = type;
    c.quantity.unit = type == QuantityType::money ? "USD" : "multiplier";
    c.quantity.value = c.quantity.low = c.quantity.high = value;
    c.period = Period::by;
    c.year = year;
    c.status = "target";
    c.key = fact_key(c);
    return c;
}

} // namespace

TEST_CASE("amounts for different years are different goals; multiples are one goal", "[checks][targets]") {
    const auto milestones = check({export_target("a", 8e9, 2025), export_target("b", 36e9, 2030)});
    REQUIRE(milestones.size() == 1);
    CHECK(milestones[0].status == Status::not_comparable);
    const auto same_year = check({export_target("a", 28e9, 2030), export_target("b", 36e9, 2030)});
    REQUIRE(same_year.size() == 1);
    CHECK(same_year[0].status == Status::conflict);
    const auto multiples = check({export_target("a", 2, 2035, QuantityType::multiplier),
                                  export_target("b", 3, 2030, QuantityType::multiplier)});
    REQUIRE(multiples.size() == 1);
    CHECK(multiples[0].status == Status::conflict);
}

TEST_CASE("an older value of a dated period is that period's figure, and can conflict", "[checks][undated]") {
    // "the swing to a surplus in 1986 from an 890 mln dlr deficit in 1985" against "a 900 mln
    // dlr deficit in 1985": two sources disagree on 1985.
    Claim older = balance("a", "KOR", "", "trade_deficit", 0.89, 1985);
    older.status = "previous";
    Claim stated = balance("b", "KOR", "", "trade_deficit", 0.9, 1985);
    stated.quantity.exponent = -1;
    older.quantity.exponent = -2;
    const auto findings = check({older, stated});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::conflict);
}
