#include <catch2/catch.hpp>

#include <sstream>

#include "support.hpp"
#include "tradecheck/parser/article_reader.hpp"

using namespace tradecheck;

TEST_CASE("front matter gives title, date, outlet and currency", "[articles]") {
    const Article a = parse_article("---\ntitle: \"A \\\"quoted\\\" title\"\ndate: 2025-12-31\nsource: Wire\n"
                                    "currency: CAD\n---\nBody text.\n",
                                    "a.md", "dir/a.md");
    CHECK(a.id == "a.md");
    CHECK(a.title == "A \"quoted\" title");
    CHECK(a.published == "2025-12-31");
    CHECK(a.outlet == "Wire");
    CHECK(a.currency == "CAD");
    CHECK(a.text == "Body text.\n");
    CHECK(publication_year(a) == 2025);
    CHECK(a.sha256.size() == 64);
}

TEST_CASE("a manifest fills in what front matter lacks", "[articles]") {
    ManifestEntry m{"Prairie Wire", "2025-11-01", "Steel tariff stays", ""};
    const Article a = parse_article("Body only.", "p.txt", "p.txt", &m);
    CHECK(a.outlet == "Prairie Wire");
    CHECK(a.published == "2025-11-01");
    CHECK(a.title == "Steel tariff stays");
    CHECK(a.currency == "USD");
}

TEST_CASE("bad articles are refused with a reason", "[articles]") {
    CHECK_THROWS_WITH(parse_article(std::string("abc\0def", 7), "b", "b"), Catch::Contains("binary"));
    CHECK_THROWS_WITH(parse_article("ok \xff bad", "u", "u"), Catch::Contains("invalid UTF-8 at byte offset 3"));
    CHECK_THROWS_WITH(parse_article("  \n\n", "e", "e"), Catch::Contains("empty"));
    CHECK_THROWS_WITH(parse_article("---\ntitle: x\nno end\n", "f", "f"), Catch::Contains("never closes"));
}

TEST_CASE("directories are read recursively, bad files are reported and skipped", "[articles]") {
    std::istringstream no_stdin;
    const ReadResult r = read_articles({(test::source_dir() / "tests/fixtures/conflict").string(), "/no/such/file"},
                                       no_stdin);
    CHECK(r.articles.size() == 3);   // README.md and manifest.csv are not articles
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "/no/such/file");
    const auto prairie = std::find_if(r.articles.begin(), r.articles.end(),
                                      [](const Article& a) { return a.id == "prairie_wire.txt"; });
    REQUIRE(prairie != r.articles.end());
    CHECK(prairie->outlet == "Prairie Wire (test fixture)");
}

TEST_CASE("stdin is one article", "[articles]") {
    std::istringstream in("---\ntitle: piped\n---\nCanada imposed a 25% tariff.\n");
    const ReadResult r = read_articles({"-"}, in);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "stdin");
    CHECK(r.articles[0].title == "piped");
}
