// Store writes and reads: round trips, re-puts, transactions, hostile text.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::sample_claim;
using test::TempDir;

namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// "more than 25%": open above; no year.
Claim open_above() {
    Claim c = sample_claim("more than 25%", 20, 33, 25);
    c.quantity.qualifier = Qualifier::more_than;
    c.quantity.high = inf;
    c.quantity.exponent = 0;
    c.period = Period::open;
    c.year.reset();
    return c;
}

// "at most 1.5 billion" by around 2030: open below, a year range.
Claim open_below() {
    Claim c = sample_claim("at most $1.5 billion", 40, 60, 1.5e9);
    c.kind = "trade_target";
    c.key = "trade_target|USA|CHN|total";
    c.quantity.type = QuantityType::money;
    c.quantity.unit = "USD";
    c.quantity.qualifier = Qualifier::at_most;
    c.quantity.low = -inf;
    c.quantity.exponent = 8;
    c.basis = "fob";
    c.period = Period::by;
    c.year = 2030;
    c.year_low = 2029;
    c.year_high = 2031;
    return c;
}

void require_same(const Claim& got, const Claim& want, const std::string& article_id) {
    CHECK(got.article == article_id);
    CHECK(got.kind == want.kind);
    CHECK(got.key == want.key);
    CHECK(got.text == want.text);
    CHECK(got.start == want.start);
    CHECK(got.end == want.end);
    CHECK(got.quantity.span == Span{want.start, want.end});
    CHECK(got.quantity.type == want.quantity.type);
    CHECK(got.quantity.value == want.quantity.value);
    CHECK(got.quantity.low == want.quantity.low);
    CHECK(got.quantity.high == want.quantity.high);
    CHECK(got.quantity.unit == want.quantity.unit);
    CHECK(got.quantity.qualifier == want.quantity.qualifier);
    CHECK(got.quantity.exponent == want.quantity.exponent);
    CHECK(got.quantity.relation == want.quantity.relation);
    CHECK(got.actor == want.actor);
    CHECK(got.partner == want.partner);
    CHECK(got.product == want.product);
    CHECK(got.metric == want.metric);
    CHECK(got.basis == want.basis);
    CHECK(got.period == want.period);
    CHECK(got.year == want.year);
    CHECK(got.year_low == want.year_low);
    CHECK(got.year_high == want.year_high);
    CHECK(got.rule == want.rule);
}

// How many times other connections have committed to the file, seen from this connection.
int data_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA data_version").getInt();
}

} // namespace

TEST_CASE("an article and its claims round-trip", "[store]") {
    TempDir dir;
    const Article article = sample_article();
    const std::vector<Claim> claims{open_below(), open_above()};
    {
        Store store(dir.file("t.db"));
        CHECK(store.put_article(article, claims, "rules-h1") == PutResult::inserted);
    }
    Store store(dir.file("t.db"), /*read_only=*/true);

    const std::vector<Article> articles = store.articles();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == article.id);
    CHECK(articles[0].path == article.path);
    CHECK(articles[0].sha256 == article.sha256);
    CHECK(articles[0].title == article.title);
    CHECK(articles[0].outlet == article.outlet);
    CHECK(articles[0].published == article.published);
    CHECK(articles[0].currency == article.currency);
    CHECK(articles[0].text == article.text);

    const std::vector<StoredClaim> stored = store.claims();
    REQUIRE(stored.size() == 2);
    // Ordered by start: open_above (20) before open_below (40).
    require_same(stored[0].claim, claims[1], article.id);
    require_same(stored[1].claim, claims[0], article.id);
    CHECK(stored[0].title == article.title);
    CHECK(stored[0].outlet == article.outlet);
    CHECK(stored[0].published == article.published);
    CHECK(stored[0].rules_hash == "rules-h1");
    CHECK(stored[0].id != stored[1].id);
}

TEST_CASE("unbounded bounds, NaN and empty fields are NULL in SQL", "[store]") {
    TempDir dir;
    Article article = sample_article();
    article.published = "";
    Claim nan_value = open_above();
    nan_value.quantity.value = std::numeric_limits<double>::quiet_NaN();
    {
        Store store(dir.file("t.db"));
        store.put_article(article, {open_below(), nan_value}, "h");
        const std::vector<StoredClaim> back = store.claims();
        REQUIRE(back.size() == 2);
        CHECK(std::isnan(back[0].claim.quantity.value));
        CHECK(back[0].published.empty());
    }
    SQLite::Database db(dir.file("t.db").string());
    CHECK(db.execAndGet("SELECT count(*) FROM articles WHERE published IS NULL").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE high IS NULL").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE low IS NULL").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE value IS NULL").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE year IS NULL "
                        "AND year_low IS NULL AND year_high IS NULL").getInt() == 1);
    CHECK(db.execAndGet("SELECT qualifier || ',' || type || ',' || period FROM claims "
                        "WHERE kind = 'trade_target'").getString() == "at_most,money,by");
}

TEST_CASE("claims can be filtered by kind and article", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article("a.txt", "s1"), {open_above(), open_below()}, "h");
    store.put_article(sample_article("b.txt", "s2"), {open_above()}, "h");

    CHECK(store.claims().size() == 3);
    CHECK(store.claims({std::string("tariff_rate"), std::nullopt}).size() == 2);
    CHECK(store.claims({std::nullopt, std::string("b.txt")}).size() == 1);
    CHECK(store.claims({std::string("trade_target"), std::string("b.txt")}).empty());
    const auto ordered = store.claims();
    CHECK(ordered[0].claim.article == "a.txt");
    CHECK(ordered[2].claim.article == "b.txt");
    CHECK(store.article_sha256("b.txt") == std::optional<std::string>("s2"));
    CHECK_FALSE(store.article_sha256("missing.txt"));
}

TEST_CASE("re-putting an unchanged article writes nothing", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    const Article article = sample_article();
    REQUIRE(store.put_article(article, {open_above()}, "h1") == PutResult::inserted);
    const std::int64_t id_before = store.claims()[0].id;

    SQLite::Database observer(dir.file("t.db").string());
    const int before = data_version(observer);
    // Different claims and hash on purpose: an unchanged article must not even look at them.
    CHECK(store.put_article(article, {open_above(), open_below()}, "h2") == PutResult::unchanged);
    CHECK(data_version(observer) == before);
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].id == id_before);
    CHECK(claims[0].rules_hash == "h1");
}

TEST_CASE("an article with a new sha256 replaces its row and claims", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article("a.txt", "s1"), {open_above(), open_below()}, "h1");
    store.put_article(sample_article("b.txt", "s9"), {open_above()}, "h1");

    Article changed = sample_article("a.txt", "s2");
    changed.title = "Tariffs rise again";
    CHECK(store.put_article(changed, {open_below()}, "h2") == PutResult::replaced);

    CHECK(store.article_sha256("a.txt") == std::optional<std::string>("s2"));
    const auto a_claims = store.claims({std::nullopt, std::string("a.txt")});
    REQUIRE(a_claims.size() == 1);
    CHECK(a_claims[0].claim.kind == "trade_target");
    CHECK(a_claims[0].title == "Tariffs rise again");
    CHECK(a_claims[0].rules_hash == "h2");
    CHECK(store.claims({std::nullopt, std::string("b.txt")}).size() == 1);  // untouched
}

TEST_CASE("replace_claims swaps the claims of a stored article only", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article(), {open_above()}, "h1");
    store.replace_claims("a1.txt", {open_below(), open_above()}, "h2");
    const auto claims = store.claims();
    REQUIRE(claims.size() == 2);
    CHECK(claims[0].rules_hash == "h2");
    CHECK_THROWS_AS(store.replace_claims("nope.txt", {open_above()}, "h"), StoreError);
}

TEST_CASE("a transaction destroyed without commit leaves the database as it was",
          "[store][transaction]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article("a.txt", "s1"), {open_above()}, "h1");

    auto failing_batch = [&] {
        Store::Transaction transaction(store);
        store.put_article(sample_article("b.txt", "s2"), {open_above()}, "h1");
        store.put_article(sample_article("a.txt", "s3"), {open_below()}, "h1");
        throw std::runtime_error("ingest failed half way");
    };
    CHECK_THROWS_WITH(failing_batch(), "ingest failed half way");

    const auto articles = store.articles();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].sha256 == "s1");
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.kind == "tariff_rate");

    SECTION("and a committed one keeps its writes") {
        Store::Transaction transaction(store);
        store.put_article(sample_article("b.txt", "s2"), {open_above()}, "h1");
        transaction.commit();
        CHECK(store.articles().size() == 2);
    }
}

TEST_CASE("a failing put_article changes nothing, inside a transaction or not",
          "[store][transaction]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article("a.txt", "s1"), {open_above()}, "h1");
    Claim bad = open_below();
    bad.start = 70;  // after end: the schema's CHECK refuses it, after other rows were written
    const std::vector<Claim> bad_claims{open_above(), bad};

    SECTION("on its own") {
        CHECK_THROWS_AS(store.put_article(sample_article("a.txt", "s2"), bad_claims, "h2"),
                        StoreError);
    }
    SECTION("inside a transaction that goes on and commits") {
        Store::Transaction transaction(store);
        store.put_article(sample_article("b.txt", "s5"), {open_below()}, "h1");
        CHECK_THROWS_AS(store.put_article(sample_article("a.txt", "s2"), bad_claims, "h2"),
                        StoreError);
        transaction.commit();
        CHECK(store.article_sha256("b.txt") == std::optional<std::string>("s5"));
    }
    CHECK(store.article_sha256("a.txt") == std::optional<std::string>("s1"));
    const auto claims = store.claims({std::nullopt, std::string("a.txt")});
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].rules_hash == "h1");
}

TEST_CASE("SQL in titles, text and filters is stored and matched verbatim", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    Article article = sample_article("x'); DROP TABLE claims;--.txt", "s1");
    article.title = "Robert'); DROP TABLE articles;--";
    article.outlet = "\" OR \"1\"=\"1";
    article.text = "'; DELETE FROM claims WHERE '1'='1 -- 25% \\ %_ ?1 :name $x";
    Claim claim = sample_claim("'; DELETE", 0, 9, 25);
    claim.actor = "USA' --";
    store.put_article(article, {claim}, "h' OR 1=1 --");

    const auto articles = store.articles();
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].id == article.id);
    CHECK(articles[0].title == article.title);
    CHECK(articles[0].outlet == article.outlet);
    CHECK(articles[0].text == article.text);
    const auto claims = store.claims({std::nullopt, article.id});
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.actor == "USA' --");
    CHECK(claims[0].rules_hash == "h' OR 1=1 --");
    CHECK(store.claims({std::string("x' OR '1'='1"), std::nullopt}).empty());
}

TEST_CASE("put_rules replaces the rules table", "[store]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_rules({{"r1", "tariff_rate", "tariffs.rules", 3, "aa"},
                     {"r2", "trade_target", "targets.rules", 9, "bb"}});
    store.put_rules({{"r3", "export_share", "shares.rules", 1, "cc"}});
    SQLite::Database db(dir.file("t.db").string());
    CHECK(db.execAndGet("SELECT group_concat(id || ':' || kind || ':' || file || ':' || line || "
                        "':' || hash) FROM rules").getString() ==
          "r3:export_share:shares.rules:1:cc");
    CHECK_THROWS_AS(store.put_rules({{"d", "k", "f", 1, "h"}, {"d", "k", "f", 2, "h"}}),
                    StoreError);
    CHECK(db.execAndGet("SELECT count(*) FROM rules").getInt() == 1);  // rolled back
}

TEST_CASE("a read-only store refuses writes", "[store]") {
    TempDir dir;
    { Store store(dir.file("t.db")); }
    Store store(dir.file("t.db"), /*read_only=*/true);
    CHECK(store.articles().empty());
    CHECK_THROWS_WITH(store.put_article(sample_article(), {}, "h"),
                      Catch::Contains("read-only") && Catch::Contains("t.db"));
    CHECK_THROWS_AS(Store::Transaction(store), StoreError);
}
