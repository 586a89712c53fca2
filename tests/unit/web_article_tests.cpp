// Web pages as articles (parser/src/web_article.cpp and the article reader's .html/.warc
// handling): ids, metadata, fingerprints, manifest, format names and stdin sniffing.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "tradecheck/parser/article_reader.hpp"

using namespace tradecheck;

namespace {

const std::string page = "<!DOCTYPE html><html lang=fr><head><meta property=og:site_name content=\"Le Fil\">"
                         "<meta property=article:published_time content=2025-04-02T08:00:00+02:00>"
                         "<title>Tarifs</title></head><body><main><p>La France a relev\xC3\xA9 ses droits de 10% "
                         "sur l'acier chinois, a dit le minist\xC3\xA8re.</p></main></body></html>";

RawInput html_input(const std::string& bytes, const std::string& id) {
    RawInput in;
    in.kind = RawInput::Kind::html;
    in.path = id;
    in.id = id;
    in.bytes = bytes;
    return in;
}

} // namespace

TEST_CASE("a folder of saved pages: each page an article, the non-article reported", "[web]") {
    std::istringstream none;
    const ReadResult r = read_articles({(test::source_dir() / "tests/fixtures/web").string()}, none);
    CHECK(r.articles.size() == 7);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].path, Catch::EndsWith("not_article.html"));
    CHECK_THAT(r.problems[0].message, Catch::Contains("no article body found"));
    const auto wire = std::find_if(r.articles.begin(), r.articles.end(), [](const Article& a) { return a.id == "wire_story.html"; });
    REQUIRE(wire != r.articles.end());
    CHECK(wire->outlet == "Northwire");
    CHECK(wire->published == "2024-08-26");
    CHECK(wire->fingerprint.size() == 32);
}

TEST_CASE("an HTML article: page metadata, the URL in metadata, a fingerprint peek_identity agrees with", "[web]") {
    RawInput in = html_input(page, "tarifs.html");
    const auto peek = peek_identity(in);
    REQUIRE(peek);
    CHECK(peek->id == "tarifs.html");
    const ParsedInput p = parse_input(std::move(in));
    REQUIRE(p.article);
    CHECK(p.article->title == "Tarifs");
    CHECK(p.article->outlet == "Le Fil");
    CHECK(p.article->published == "2025-04-02");
    CHECK(p.article->fingerprint == peek->fingerprint);
    const auto m = nlohmann::json::parse(p.metadata);
    CHECK(m["language"] == "fr");
    CHECK(m["extraction"]["body"] == "main");
    // The same bytes from elsewhere (another URI, another fetch) are another fingerprint.
    RawInput warc = html_input(page, "https://lefil.example/tarifs");
    warc.web = WebOrigin{"https://lefil.example/tarifs", "2025-04-03T00:00:00Z", "<urn:uuid:9>", ""};
    CHECK(peek_identity(warc)->fingerprint != peek->fingerprint);
    const ParsedInput w = parse_input(std::move(warc));
    REQUIRE(w.article);
    const auto wm = nlohmann::json::parse(w.metadata);
    CHECK(wm["url"] == "https://lefil.example/tarifs");
    CHECK(wm["warc"]["fetched"] == "2025-04-03T00:00:00Z");
}

TEST_CASE("a manifest fills in what a page lacks - the fetch date stands in last", "[web]") {
    const std::string bare = "<html><body><article><p>Mexico raised its steel tariff to 25%, the economy ministry "
                             "said.</p></article></body></html>";
    ManifestEntry m{"Gulf Wire", "2025-05-06", "Steel", "MXN"};
    const Article a = parse_html_article(bare, "m.html", "m.html", nullptr, &m);
    CHECK(a.outlet == "Gulf Wire");
    CHECK(a.published == "2025-05-06");
    CHECK(a.title == "Steel");
    CHECK(a.currency == "MXN");
    const WebOrigin origin{"https://x.example/m", "2025-07-08T01:02:03Z", "", ""};
    std::string metadata;
    const Article b = parse_html_article(bare, "u", "u", &origin, nullptr, &metadata);
    CHECK(b.published == "2025-07-08");
    CHECK(nlohmann::json::parse(metadata)["extraction"]["published_from"] == "warc-date");
    CHECK_THROWS_WITH(parse_html_article("<html><body><nav>menu</nav></body></html>", "n", "n"),
                      Catch::Contains("not an article"));
}

TEST_CASE("html and warc are input formats, and stdin is sniffed for them", "[web]") {
    CHECK(parse_input_format("html") == InputFormat::html);
    CHECK(parse_input_format("htm") == InputFormat::html);
    CHECK(parse_input_format("warc") == InputFormat::warc);
    std::istringstream html_in(page);
    const ReadResult h = read_articles({"-"}, html_in);
    REQUIRE(h.articles.size() == 1);
    CHECK(h.articles[0].id == "stdin");
    CHECK(h.articles[0].outlet == "Le Fil");
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
    const std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://lefil.example/t\r\n"
                             "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                             std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    std::istringstream warc_in(warc);
    const ReadResult w = read_articles({"-"}, warc_in);
    REQUIRE(w.articles.size() == 1);
    CHECK(w.articles[0].id == "https://lefil.example/t");
    CHECK(w.articles[0].path == "stdin@0");
    // Plain text that merely mentions a tag stays one text article.
    std::istringstream text_in("A <b>bold</b> 5% tariff.\n");
    const ReadResult t = read_articles({"-"}, text_in);
    REQUIRE(t.articles.size() == 1);
    CHECK(t.articles[0].text == "A <b>bold</b> 5% tariff.\n");
}
