// The claims the five seed articles must yield (issue: "What the seeds must show").
#include <catch2/catch.hpp>

#include <sstream>

#include "support.hpp"
#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/extractor.hpp"

using namespace tradecheck;

namespace {

struct Seeds {
    std::vector<Article> articles;
    std::vector<Claim> claims;
};

const Seeds& seeds() {
    static const Seeds s = [] {
        Seeds out;
        std::istringstream none;
        out.articles = read_articles({(test::source_dir() / "seeds").string()}, none).articles;
        for (const Article& a : out.articles)
            for (Claim c : extract_claims(a, test::default_rules())) {
                c.key = checks::fact_key(c);
                out.claims.push_back(std::move(c));
            }
        return out;
    }();
    return s;
}

std::vector<const Claim*> find(const std::string& kind, double value) {
    std::vector<const Claim*> out;
    for (const Claim& c : seeds().claims)
        if (c.kind == kind && c.quantity.value == Approx(value)) out.push_back(&c);
    return out;
}

const Claim& one(const std::string& kind, double value, const std::string& article_prefix) {
    for (const Claim* c : find(kind, value))
        if (c->article.rfind(article_prefix, 0) == 0) return *c;
    FAIL("no " << kind << " claim of " << value << " in " << article_prefix);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("the five seeds are read with their metadata", "[seeds]") {
    REQUIRE(seeds().articles.size() == 5);
    for (const Article& a : seeds().articles) {
        CHECK_FALSE(a.title.empty());
        CHECK_FALSE(a.outlet.empty());
        CHECK(a.published.size() == 10);
    }
}

TEST_CASE("seeds: Canada's tariffs on Chinese EVs and steel/aluminum", "[seeds]") {
    const auto hundreds = find("tariff_rate", 100);
    const auto it = std::find_if(hundreds.begin(), hundreds.end(), [](const Claim* c) {
        return c->article.rfind("001_", 0) == 0 && c->quantity.qualifier == Qualifier::exact && !c->partner.empty();
    });
    REQUIRE(it != hundreds.end());
    const Claim& ev = **it;
    CHECK(ev.actor == "CAN");
    CHECK(ev.partner == "CHN");
    CHECK(ev.product == "electric_vehicles");
    CHECK(ev.quantity.unit == "percent");
    CHECK(ev.text == "100%");

    const Claim& metal = one("tariff_rate", 25, "001_");
    CHECK(metal.actor == "CAN");
    CHECK(metal.partner == "CHN");
    CHECK(metal.product.find("aluminum") != std::string::npos);
}

TEST_CASE("seeds: US tariffs on China of more than 100%", "[seeds]") {
    const auto claims = find("tariff_rate", 100);
    const auto us = std::find_if(claims.begin(), claims.end(), [](const Claim* c) {
        return c->quantity.qualifier == Qualifier::more_than;
    });
    REQUIRE(us != claims.end());
    CHECK((*us)->actor == "USA");
    CHECK((*us)->partner == "CHN");
    CHECK(std::isinf((*us)->quantity.high));
}

TEST_CASE("seeds: doubling non-US exports within a decade is one fact all five agree on", "[seeds]") {
    const auto doubling = find("trade_target", 2);
    std::set<std::string> articles, keys;
    for (const Claim* c : doubling)
        if (c->metric == "non_us_exports") {
            articles.insert(c->article);
            keys.insert(c->key);
            CHECK(c->actor == "CAN");
            CHECK(c->period == Period::by);
            REQUIRE(c->year);
            CHECK(*c->year_low <= 2035);
            CHECK(*c->year_high >= 2035);
        }
    CHECK(articles.size() == 5);
    REQUIRE(keys.size() == 1);

    std::vector<Claim> all(seeds().claims);
    const auto findings = checks::check(all);
    const auto fact = std::find_if(findings.begin(), findings.end(),
                                   [&](const checks::Finding& f) { return f.key == *keys.begin(); });
    REQUIRE(fact != findings.end());
    CHECK(fact->status == checks::Status::agree);
    CHECK(fact->sources == 5);
}

TEST_CASE("seeds: export shares of the US (about 75%) and China (less than 4%)", "[seeds]") {
    const Claim& us = one("export_share", 75, "004_");
    CHECK(us.quantity.qualifier == Qualifier::about);
    CHECK(us.actor == "CAN");
    CHECK(us.partner == "USA");
    const Claim& china = one("export_share", 4, "004_");
    CHECK(china.quantity.qualifier == Qualifier::less_than);
    CHECK(china.actor == "CAN");
    CHECK(china.partner == "CHN");
    CHECK(china.year == 2024);
}

TEST_CASE("seeds: duty-free access for up to 95% of goods exported to Indonesia", "[seeds]") {
    const Claim& c = one("market_access", 95, "003_");
    CHECK(c.quantity.qualifier == Qualifier::at_most);
    CHECK(c.actor == "CAN");
    CHECK(c.partner == "IDN");
}

TEST_CASE("seeds: the $70 billion Canada-India target and the UAE pledge are two facts", "[seeds]") {
    const Claim& target = one("trade_target", 70e9, "002_");
    CHECK(target.quantity.unit == "CAD");
    CHECK(target.metric == "bilateral_trade");
    CHECK(target.year == 2030);
    CHECK(((target.actor == "CAN" && target.partner == "IND") || (target.actor == "IND" && target.partner == "CAN")));
    const Claim& pledge = one("investment_pledge", 70e9, "002_");
    CHECK(pledge.actor == "ARE");
    CHECK(pledge.partner == "CAN");
    CHECK(pledge.key != target.key);
}

TEST_CASE("seeds: Canada-US two-way trade of over $1.3 trillion in 2024", "[seeds]") {
    const Claim& c = one("trade_value", 1.3e12, "002_");
    CHECK(c.quantity.qualifier == Qualifier::more_than);
    CHECK(c.metric == "bilateral_trade");
    CHECK(c.year == 2024);
    CHECK(c.period == Period::in);
    CHECK(((c.actor == "CAN" && c.partner == "USA")));
}

TEST_CASE("seeds: every claim's span is the text at its code-point offsets", "[seeds]") {
    for (const Claim& c : seeds().claims) {
        const auto& articles = seeds().articles;
        const auto a = std::find_if(articles.begin(), articles.end(), [&](const Article& x) { return x.id == c.article; });
        REQUIRE(a != articles.end());
        // Walk code points to the span, as SQLite's substr(text, start+1, end-start) does.
        std::size_t cp = 0, byte = 0, begin = 0;
        for (; byte < a->text.size() && cp < c.end; ++byte) {
            if ((static_cast<unsigned char>(a->text[byte]) & 0xC0u) != 0x80u) {
                if (cp == c.start) begin = byte;
                ++cp;
            }
        }
        while (byte < a->text.size() && (static_cast<unsigned char>(a->text[byte]) & 0xC0u) == 0x80u) ++byte;
        CHECK(a->text.substr(begin, byte - begin) == c.text);
    }
}
