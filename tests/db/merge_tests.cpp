// Store::merge_from: shards and other machines' databases combine without duplicates.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::sample_claim;
using test::count;
using test::TempDir;

TEST_CASE("merging shards copies articles and claims once", "[merge]") {
    TempDir dir;
    {
        Store a(dir.file("a.db"));
        a.put_article(sample_article("1.txt", "s1"), {sample_claim("25%", 25, 28, 25)}, "h");
        a.put_article(sample_article("2.txt", "s2"), {sample_claim("25%", 25, 28, 25), sample_claim("25%", 25, 28, 26)},
                      "h", R"({"topic":"steel"})");
        a.put_rules({{"tariff.rate.1", "tariff_rate", "tariffs.rules", 3, "rh"}});
        Store b(dir.file("b.db"));
        b.put_article(sample_article("3.txt", "s3"), {sample_claim("25%", 25, 28, 30)}, "h");
        b.put_article(sample_article("1.txt", "s1"), {sample_claim("25%", 25, 28, 25)}, "h");  // also in a
    }
    Store out(dir.file("out.db"));
    const MergeResult ra = out.merge_from(dir.file("a.db"));
    CHECK(ra.inserted == 2);
    CHECK(ra.replaced == 0);
    CHECK(ra.unchanged == 0);
    CHECK(ra.claims == 3);
    const MergeResult rb = out.merge_from(dir.file("b.db"));
    CHECK(rb.inserted == 1);
    CHECK(rb.unchanged == 1);
    CHECK(rb.claims == 1);
    CHECK(out.claims().size() == 4);
    CHECK(out.articles().size() == 3);

    // Merging again changes nothing.
    const MergeResult again = out.merge_from(dir.file("a.db"));
    CHECK(again.inserted == 0);
    CHECK(again.unchanged == 2);
    CHECK(again.claims == 0);
    CHECK(out.claims().size() == 4);

    // Metadata and rules travel; claims keep their order within an article.
    CHECK(count(dir.file("out.db"), "SELECT count(*) FROM articles WHERE metadata = '{\"topic\":\"steel\"}'") == 1);
    CHECK(count(dir.file("out.db"), "SELECT count(*) FROM rules") == 1);
    const auto claims = out.claims({std::nullopt, std::string("2.txt")});
    REQUIRE(claims.size() == 2);
    CHECK(claims[0].claim.quantity.value == 25);
    CHECK(claims[1].claim.quantity.value == 26);
}

TEST_CASE("a changed article in the source replaces ours with its claims", "[merge]") {
    TempDir dir;
    {
        Store src(dir.file("src.db"));
        src.put_article(sample_article("1.txt", "new"), {sample_claim("30%", 25, 28, 30)}, "h2");
    }
    Store out(dir.file("out.db"));
    out.put_article(sample_article("1.txt", "old"), {sample_claim("25%", 25, 28, 25), sample_claim("25%", 25, 28, 26)},
                    "h1");
    const MergeResult r = out.merge_from(dir.file("src.db"));
    CHECK(r.replaced == 1);
    CHECK(r.claims == 1);
    const auto claims = out.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.quantity.value == 30);
    CHECK(claims[0].rules_hash == "h2");
    CHECK(out.article_sha256("1.txt") == "new");
}

TEST_CASE("merge refuses itself, missing files, and open transactions, and changes nothing", "[merge]") {
    TempDir dir;
    Store out(dir.file("out.db"));
    out.put_article(sample_article(), {sample_claim("25%", 25, 28, 25)}, "h");
    CHECK_THROWS_WITH(out.merge_from(dir.file("out.db")), Catch::Contains("into itself"));
    CHECK_THROWS_WITH(out.merge_from(dir.file("missing.db")), Catch::Contains("does not exist"));
    CHECK_FALSE(std::filesystem::exists(dir.file("missing.db")));
    { Store other(dir.file("other.db")); }
    {
        Store::Transaction tx(out);
        CHECK_THROWS_AS(out.merge_from(dir.file("other.db")), StoreError);
    }
    CHECK(out.claims().size() == 1);
    // After the refusals, a merge still works.
    CHECK(out.merge_from(dir.file("other.db")).inserted == 0);
}

TEST_CASE("a database from before the metadata column gets it when opened for writing", "[merge]") {
    TempDir dir;
    {
        Store s(dir.file("old.db"));
        s.put_article(sample_article(), {}, "h");
    }
    {
        SQLite::Database db(dir.file("old.db").string(), SQLite::OPEN_READWRITE);
        db.exec("ALTER TABLE articles DROP COLUMN metadata");
    }
    Store out(dir.file("out.db"));
    CHECK(out.merge_from(dir.file("old.db")).inserted == 1);  // read as '' metadata
    { Store reopened(dir.file("old.db")); }
    CHECK(count(dir.file("old.db"), "SELECT count(*) FROM pragma_table_info('articles') WHERE name='metadata'") == 1);
}
