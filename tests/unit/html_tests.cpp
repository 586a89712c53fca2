// The HTML report (report/src/html.cpp): escaping, order, charts, degenerate cases.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/report/render.hpp"

using namespace tradecheck;

namespace {

Quantity percent(double v, Qualifier q = Qualifier::exact) {
    Quantity x;
    x.type = QuantityType::percent;
    x.unit = "percent";
    x.value = x.low = x.high = v;
    x.qualifier = q;
    if (q == Qualifier::more_than || q == Qualifier::at_least) x.high = unbounded;
    if (q == Qualifier::less_than || q == Qualifier::at_most) x.low = -unbounded;
    return x;
}

Quantity money(double v, const std::string& currency) {
    Quantity x;
    x.type = QuantityType::money;
    x.unit = currency;
    x.value = x.low = x.high = v;
    x.exponent = 9;
    return x;
}

Quantity multiple(double v) {
    Quantity x;
    x.type = QuantityType::multiplier;
    x.unit = "multiplier";
    x.value = x.low = x.high = v;
    return x;
}

// A stored claim whose article text is `text`, the figure at code points [start, end).
db::StoredClaim stored(const std::string& article, const std::string& product, Quantity q, const std::string& text,
                       std::size_t start, std::size_t end) {
    db::StoredClaim s;
    s.claim.article = article;
    s.claim.kind = "tariff_rate";
    s.claim.actor = "CAN";
    s.claim.partner = "CHN";
    s.claim.product = product;
    s.claim.quantity = q;
    s.claim.start = start;
    s.claim.end = end;
    s.claim.text = text.substr(start, end - start);
    s.claim.key = checks::fact_key(s.claim);
    s.title = "Title of " + article;
    s.outlet = "Outlet of " + article;
    s.published = "2025-10-20";
    return s;
}

struct Page {
    std::vector<db::StoredClaim> claims;
    report::ArticleTexts texts;

    void add(db::StoredClaim s, const std::string& text) {
        texts[s.claim.article] = text;
        claims.push_back(std::move(s));
    }

    std::string render() const {
        std::vector<Claim> plain;
        for (const auto& s : claims) plain.push_back(s.claim);
        const auto findings = checks::check(plain);
        std::ostringstream out;
        report::write_findings_html(out, report::FindingsView{findings, claims, texts});
        return out.str();
    }
};

std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
    return n;
}

// The <section> of the fact whose key starts with `key`.
std::string section_of(const std::string& page, const std::string& key) {
    const auto at = page.find("<code>" + key);
    if (at == std::string::npos) return {};
    const auto from = page.rfind("<section", at);
    return page.substr(from, page.find("</section>", at) - from);
}

// Coordinates in the SVG are finite numbers.
bool has_bad_numbers(const std::string& page) {
    static const std::regex bad(R"re(="[^"]*(nan|inf)[^"]*")re", std::regex::icase);
    std::smatch m;
    return std::regex_search(page, m, bad);
}

} // namespace

TEST_CASE("html report escapes everything an article supplies", "[report][html]") {
    const std::string evil = "<script>alert(1)</script> <b>bold</b> \"quotes\" &amp; 'single'";
    const std::string text = evil + " Canada set a 25% tariff on steel. " + evil;
    const std::size_t start = text.find("25%"); // ASCII: bytes are code points
    db::StoredClaim s = stored("id" + evil, "steel", percent(25), text, start, start + 3);
    s.title = evil;
    s.outlet = evil;
    s.published = "<i>2025</i>";
    s.claim.key = "tariff_rate|<script>|" + evil;
    Page p;
    p.add(s, text);
    const std::string page = p.render();

    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("<SCRIPT") == std::string::npos);
    CHECK(page.find("<b>bold") == std::string::npos);
    CHECK(page.find("<i>2025") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    CHECK(page.find("&quot;quotes&quot;") != std::string::npos);
    CHECK(page.find("&amp;amp;") != std::string::npos);
    CHECK(page.find("&#39;single&#39;") != std::string::npos);
    // Title, outlet, quote (twice: before and after the figure), id in list, TOC and SVG label.
    CHECK(count(page, "&lt;script&gt;alert(1)") >= 5);
    CHECK(page.find("<mark>25%</mark>") != std::string::npos);
    // The only tags are the page's own: no event handlers, no external resources.
    CHECK(page.find(" onerror") == std::string::npos);
    CHECK(page.find("src=\"http") == std::string::npos);
    CHECK(page.find("href=\"http") == std::string::npos);
}

TEST_CASE("html report: conflicts first, summary, quotes marked, gap sized", "[report][html]") {
    Page p;
    const std::string a = "Canada imposed a 25% tariff on steel from China. The U.S. kept 100% on electric vehicles.";
    const std::string b = "Canada imposed a 35% tariff on steel from China. Tariffs of 100% on electric vehicles stay.";
    p.add(stored("a.md", "steel", percent(25), a, 17, 20), a);
    p.add(stored("b.md", "steel", percent(35), b, 17, 20), b);
    p.add(stored("a.md", "electric_vehicles", percent(100), a, 63, 67), a);
    p.add(stored("b.md", "electric_vehicles", percent(100), b, 60, 64), b);
    const std::string page = p.render();

    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("2 facts from 4 claims in 2 articles: 1 conflict, 1 agree, 0 single, 0 not comparable") !=
          std::string::npos);
    const auto conflict = page.find("data-status=\"conflict\"");
    const auto agree = page.find("data-status=\"agree\"");
    REQUIRE(conflict != std::string::npos);
    REQUIRE(agree != std::string::npos);
    CHECK(conflict < agree);
    CHECK(count(page, "<svg class=\"chart\"") == 2);
    CHECK(page.find("<mark>25%</mark> tariff on steel") != std::string::npos);
    CHECK(page.find("<mark>35%</mark>") != std::string::npos);
    CHECK(page.find("<mark>100%</mark>") != std::string::npos);

    const std::string steel = section_of(page, "tariff_rate|CAN|CHN|steel");
    REQUIRE_FALSE(steel.empty());
    CHECK(steel.find("10 percentage points") != std::string::npos);
    CHECK(steel.find("40%") != std::string::npos);
    CHECK(steel.find("class=\"gap\"") != std::string::npos);        // the gap band in the chart
    CHECK(steel.find("Title of a.md") != std::string::npos);
    CHECK(steel.find("Outlet of b.md") != std::string::npos);
    CHECK(steel.find("2025-10-20") != std::string::npos);
    CHECK(steel.find(">24%<") != std::string::npos);                 // tick labels in human form
    CHECK(steel.find(">36%<") != std::string::npos);
    const std::string evs = section_of(page, "tariff_rate|CAN|CHN|electric_vehicles");
    CHECK(evs.find("class=\"gap\"") == std::string::npos);
    CHECK_FALSE(has_bad_numbers(page));
    // No scripts, no network.
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));
    CHECK(page.find("https://") == std::string::npos);
}

TEST_CASE("html report: open, unbounded and zero-width intervals", "[report][html]") {
    Page p;
    const std::string t = "more than 100% and less than 50% and double";
    p.add(stored("a.md", "steel", percent(100, Qualifier::more_than), t, 0, 14), t);
    p.add(stored("b.md", "steel", percent(50, Qualifier::less_than), t, 19, 32), t);
    db::StoredClaim d1 = stored("a.md", "x", multiple(2), t, 37, 43);
    db::StoredClaim d2 = stored("b.md", "x", multiple(2), t, 37, 43);
    p.add(d1, t);
    p.add(d2, t);
    const std::string page = p.render();
    CHECK_FALSE(has_bad_numbers(page));
    CHECK(count(page, "<svg class=\"chart\"") == 2);

    const std::string steel = section_of(page, "tariff_rate|CAN|CHN|steel");
    CHECK(steel.find("data-status=\"conflict\"") != std::string::npos);
    CHECK(count(steel, "class=\"arrow\"") == 2);            // one unbounded end each
    CHECK(count(steel, "class=\"cap open\"") == 2);         // "more than", "less than": open ends
    CHECK(steel.find("(100%, \xe2\x88\x9e)") != std::string::npos);
    CHECK(steel.find("class=\"gap\"") != std::string::npos);

    const std::string doubled = section_of(page, "tariff_rate|CAN|CHN|x");
    CHECK(doubled.find("data-status=\"agree\"") != std::string::npos);
    CHECK(count(doubled, "class=\"cap closed\"") == 4);
    CHECK(doubled.find("2\xc3\x97") != std::string::npos); // "2×"
}

TEST_CASE("html report: one claim, different units, no claims", "[report][html]") {
    SECTION("one claim") {
        Page p;
        const std::string t = "A 25% tariff.";
        p.add(stored("a.md", "steel", percent(25), t, 2, 5), t);
        const std::string page = p.render();
        CHECK(page.find("data-status=\"single\"") != std::string::npos);
        CHECK(count(page, "<svg class=\"chart\"") == 1);
        CHECK_FALSE(has_bad_numbers(page));
    }
    SECTION("different currencies: one axis per unit") {
        Page p;
        const std::string t = "$70 billion or C$95 billion";
        p.add(stored("a.md", "steel", money(70e9, "USD"), t, 0, 11), t);
        p.add(stored("b.md", "steel", money(95e9, "CAD"), t, 15, 27), t);
        const std::string page = p.render();
        const std::string fact = section_of(page, "tariff_rate|CAN|CHN|steel");
        CHECK(fact.find("data-status=\"not_comparable\"") != std::string::npos);
        CHECK(count(fact, "<svg class=\"chart\"") == 2);
        CHECK(fact.find(">70 billion<") != std::string::npos);
        CHECK(fact.find("value, USD") != std::string::npos);
        CHECK(fact.find("value, CAD") != std::string::npos);
        CHECK(fact.find("One number line per unit") != std::string::npos);
        CHECK_FALSE(has_bad_numbers(page));
    }
    SECTION("no claims") {
        Page p;
        const std::string page = p.render();
        CHECK(page.find("0 facts from 0 claims") != std::string::npos);
        CHECK(page.find("</html>") != std::string::npos);
    }
    SECTION("control characters in the article do not move the highlight") {
        Page p;
        const std::string t = "A \x01 25% \x02 tariff.";
        p.add(stored("a.md", "steel", percent(25), t, 4, 7), t);
        const std::string page = p.render();
        CHECK(page.find("<mark>25%</mark>") != std::string::npos);
        CHECK(page.find('\x01') == std::string::npos);
    }
    SECTION("no article text: the span alone") {
        Page p;
        p.add(stored("a.md", "steel", percent(25), "25%", 0, 3), "");
        p.texts.clear();
        CHECK(p.render().find("<mark>25%</mark>") != std::string::npos);
    }
}
