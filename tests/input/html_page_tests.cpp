// HTML main-text extraction (input/src/html_page.cpp) on pages shaped like real news sites:
// what text is kept, what furniture is dropped, which metadata wins, encodings, bad pages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "tradecheck/input/html_page.hpp"
#include "tradecheck/input/limits.hpp"

using namespace tradecheck::input;

namespace {

std::string fixture(const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(TRADECHECK_SOURCE_DIR) / "tests/fixtures/web" / name;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// No tag, no entity, no script survives into the text.
void check_plain(const std::string& text) {
    CHECK_FALSE(has(text, "<"));
    CHECK_FALSE(has(text, ">"));
    CHECK_FALSE(has(text, "&amp;"));
    CHECK_FALSE(has(text, "&nbsp;"));
    CHECK_FALSE(has(text, "dataLayer"));
}

} // namespace

TEST_CASE("a wire story page: the article's paragraphs, og: and article: metadata", "[html]") {
    const HtmlPage p = extract_html(fixture("wire_story.html"));
    CHECK(p.text ==
          "OTTAWA (Northwire) - Canada will impose a 100% tariff on imports of Chinese-made electric vehicles from "
          "Oct. 1, Prime Minister Justin Trudeau said on Monday.\n\n"
          "Ottawa will also impose a 25% surtax on imports of steel and aluminum from China starting Oct. 15, he "
          "said.\n\n"
          "The move follows similar steps by the United States, which raised its tariff on Chinese EVs to 100% in May.");
    CHECK(p.title == "Canada slaps 100% tariff on Chinese electric vehicles");
    CHECK(p.published == "2024-08-26T14:05:00-04:00");
    CHECK(p.outlet == "Northwire");
    CHECK(p.canonical_url == "https://northwire.example/business/canada-ev-tariff-2024-08-26/");
    CHECK(p.language == "en-CA");
    CHECK(p.body_from == "article");
    CHECK(p.charset == "utf-8");
    check_plain(p.text);
    // The headline is the title, not a paragraph; cookie, newsletter, figure, related and
    // footer furniture are gone.
    for (const char* gone : {"slaps", "cookies", "Subscribe", "Photo", "38%", "rights reserved", "Jane Doe"})
        CHECK_FALSE(has(p.text, gone));
}

TEST_CASE("a blog post with comments: the post's body, without comments, sidebar or share buttons", "[html]") {
    const HtmlPage p = extract_html(fixture("blog_comments.html"));
    CHECK(p.text ==
          "The European Union cut its steel import quota by 15% in 2025, according to the Commission's own notice.\n\n"
          "That cut came after imports from Turkey rose 40% over two years, which the safeguard was meant to stop.\n\n"
          "Readers asked whether the figure was net of the tariff-free allowance. It is not: the quota is gross.\n"
          "The allowance is counted separately.");
    CHECK(p.body_from == "densest block");
    // The <title> less the site's name, which is the outlet (application-name).
    CHECK(p.title == "Why the steel quota math does not add up");
    CHECK(p.outlet == "Trade Notes");
    CHECK(p.author == "R. Okafor");
    // The post's <time>, not the comment's (the comments section is furniture).
    CHECK(p.published == "2025-02-11");
    for (const char* gone : {"25% cut", "60%", "Popular", "Share", "Leave a reply", "99%", "100% free"})
        CHECK_FALSE(has(p.text, gone));
}

TEST_CASE("an AMP page: amp- components dropped, canonical URL of the full page, parsely date", "[html]") {
    const HtmlPage p = extract_html(fixture("amp_page.html"));
    CHECK(p.text ==
          "WASHINGTON \xE2\x80\x94 The United States will raise tariffs on Chinese solar cells to 50% from 25%, the "
          "White House said on Tuesday.\n\n"
          "Tariffs on Chinese semiconductors will rise to 50% by 2025, officials said.\n\n"
          "The measures cover about $18 billion of imports from China.");
    CHECK(p.title == "US raises tariffs on Chinese solar cells to 50%");
    CHECK(p.outlet == "The Daily Ledger");
    CHECK(p.published == "2024-05-14T09:30:00Z");
    CHECK(p.canonical_url == "https://www.dailyledger.example/news/2024/05/14/solar-tariffs.html");
    for (const char* gone : {"70%", "cookie", "Markets", "briefing"}) CHECK_FALSE(has(p.text, gone));
}

TEST_CASE("a page whose metadata is only JSON-LD: @graph, publisher by @id, authors, dates", "[html]") {
    const HtmlPage p = extract_html(fixture("jsonld_only.html"));
    CHECK(p.title == "Japan sets 20% export target for rice");
    CHECK(p.published == "2025-06-03T08:00:00+09:00");
    CHECK(p.modified == "2025-06-03T10:00:00+09:00");
    CHECK(p.outlet == "Pacific Wire");
    CHECK(p.author == "K. Sato, M. Ito");
    CHECK(p.language == "en");
    CHECK(p.canonical_url == "https://pacificwire.example/japan-rice-exports");
    // The densest run of paragraphs, not the block of link teasers beside it.
    CHECK(p.body_from == "densest block");
    CHECK(has(p.text, "Japan aims to raise rice exports by 20% by 2030"));
    CHECK(has(p.text, "up 30% from the year before.\n\nThe ministry"));
    CHECK_FALSE(has(p.text, "90%"));
}

TEST_CASE("JSON-LD articleBody is the text of a page whose HTML has none", "[html]") {
    const std::string page =
        R"(<!DOCTYPE html><html><head><script type="application/ld+json">{"@type":"NewsArticle",)"
        R"("headline":"H","articleBody":"India raised its duty on gold imports to 15% from 10.75%, the finance ministry said on Friday."}</script>)"
        R"(</head><body><div id="app"></div></body></html>)";
    const HtmlPage p = extract_html(page);
    CHECK(p.body_from == "json-ld articleBody");
    CHECK(p.text == "India raised its duty on gold imports to 15% from 10.75%, the finance ministry said on Friday.");
}

TEST_CASE("declared windows-1252 and ISO-8859-1 pages become UTF-8", "[html][charset]") {
    const HtmlPage cp = extract_html(fixture("cp1252.html"));
    CHECK(cp.charset == "windows-1252");
    CHECK(cp.title == "Brazil\xE2\x80\x99s 35% tariff \xE2\x80\x93 explained");
    CHECK(has(cp.text, "S\xC3\xA3o Paulo \xE2\x80\x93 Brazil"));
    CHECK(has(cp.text, "\xE2\x80\x9CIt stays,\xE2\x80\x9D"));
    const HtmlPage latin = extract_html(fixture("latin1.html"));
    CHECK(latin.charset == "windows-1252");
    // The no-break space before % is a plain space in the text.
    CHECK(has(latin.text, "100 % sur les v\xC3\xA9hicules \xC3\xA9lectriques"));
    // A charset from the HTTP header (a WARC record) is used when the page declares none.
    const std::string undeclared = "<html><body><main><p>Caf\xE9 exports rose 12% in the year to March, the "
                                   "statistics office said on Monday in Bogot\xE1.</p></main></body></html>";
    CHECK(has(extract_html(undeclared, HtmlHints{"ISO-8859-1"}).text, "Caf\xC3\xA9"));
    // Declared UTF-8 but not: decoded as windows-1252, not rejected.
    const std::string liar = "<html><head><meta charset=utf-8></head><body><main><p>Caf\xE9 exports rose 12% in the "
                             "year to March, the statistics office said on Monday.</p></main></body></html>";
    const HtmlPage l = extract_html(liar);
    CHECK(l.charset == "windows-1252");
    CHECK(has(l.text, "Caf\xC3\xA9"));
    // An encoding nobody knows is a clear message.
    CHECK_THROWS_WITH(extract_html(undeclared, HtmlHints{"x-no-such-charset"}),
                      Catch::Contains("unknown character encoding 'x-no-such-charset'"));
}

TEST_CASE("the classes of <html>, <body> and <main> do not make the page furniture", "[html]") {
    const HtmlPage p = extract_html(
        "<html class=\"no-js menu-open\"><body class=\"has-sidebar cookie-consent-shown\"><main class=\"nav-pushed\">"
        "<p>Vietnam cut its import duty on US ethanol to 5% from 10%, the finance ministry said.</p></main></body></html>");
    CHECK(p.text == "Vietnam cut its import duty on US ethanol to 5% from 10%, the finance ministry said.");
}

TEST_CASE("malformed HTML is parsed as a browser would", "[html]") {
    const HtmlPage p = extract_html(fixture("malformed.html"));
    CHECK(has(p.text, "Mexico raised its tariff on steel to 25% on Tuesday, the economy ministry said"));
    CHECK(has(p.text, "It had been 15%."));
    check_plain(p.text);
    CHECK(p.title == "Tag soup");
}

TEST_CASE("pages that are not articles, too large or too deep are refused with a reason", "[html]") {
    CHECK_THROWS_AS(extract_html(fixture("not_article.html")), HtmlError);
    CHECK_THROWS_WITH(extract_html(fixture("not_article.html")), Catch::Contains("no article body found"));
    CHECK_THROWS_WITH(extract_html(""), Catch::Contains("no article body found"));
    const std::string huge(max_page_bytes + 1, ' ');
    CHECK_THROWS_WITH(extract_html(huge), Catch::Contains("larger than the 16 MB limit"));
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    CHECK_THROWS_WITH(extract_html(deep), Catch::Contains("deep (more than 5000)"));
    // A JSON-LD script nested beyond reason is ignored, not a stack overflow.
    std::string bomb = R"(<html><head><script type="application/ld+json">)";
    bomb += std::string(200000, '[') + std::string(200000, ']');
    bomb += "</script></head><body><main><p>Chile cut its copper export tax to 3% from 5%, the mining ministry said on "
            "Thursday.</p></main></body></html>";
    CHECK(has(extract_html(bomb).text, "Chile cut its copper export tax"));
}

TEST_CASE("looks_like_html tells a page from plain text", "[html]") {
    CHECK(looks_like_html("<!DOCTYPE html>\n<html>"));
    CHECK(looks_like_html("\xEF\xBB\xBF  <!doctype HTML>"));
    CHECK(looks_like_html("<html lang=en>"));
    CHECK_FALSE(looks_like_html("Canada imposed a 100% tariff."));
    CHECK_FALSE(looks_like_html("<b>bold</b> text"));
    CHECK_FALSE(looks_like_html(""));
}
