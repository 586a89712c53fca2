// Opening a database: fresh files, migrations, and every file tradecheck must refuse.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::TempDir;

namespace {

// What version 4 added (check --save's tables and views), to make an older file from a new one.
void drop_version_4(SQLite::Database& db) {
    for (const char* view : {"verdict_claim_view", "verdict_view"}) db.exec(std::string("DROP VIEW ") + view);
    for (const char* table : {"verdict_copies", "verdict_claims", "verdicts", "check_runs"})
        db.exec(std::string("DROP TABLE ") + table);
}

} // namespace

TEST_CASE("a fresh file gets the current schema, WAL and foreign keys", "[open]") {
    TempDir dir;
    { Store store(dir.file("new.db")); }
    SQLite::Database db(dir.file("new.db").string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::schema_version);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    for (const char* name : {"articles", "claims", "rules", "claim_view", "fact_view", "timeline_view",
                             "claims_key", "claims_article", "claims_kind", "check_runs", "verdicts",
                             "verdict_claims", "verdict_copies", "verdict_view", "verdict_claim_view"}) {
        SQLite::Statement find(db, "SELECT count(*) FROM sqlite_master WHERE name = ?1");
        find.bind(1, name);
        REQUIRE(find.executeStep());
        CHECK(find.getColumn(0).getInt() == 1);
    }
}

TEST_CASE("reopening a current database keeps its data", "[open]") {
    TempDir dir;
    { Store(dir.file("t.db")).put_article(sample_article(), {}, "h"); }
    Store store(dir.file("t.db"));
    CHECK(store.articles().size() == 1);
}

TEST_CASE("deleting an article deletes its claims", "[open]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    store.put_article(sample_article(), {test::sample_claim("25%", 25, 28, 25)}, "h");
    SQLite::Database db(dir.file("t.db").string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("DELETE FROM articles");
    CHECK(store.claims().empty());
}

TEST_CASE("a database with a newer schema is refused", "[open]") {
    TempDir dir;
    const auto path = dir.file("future.db");
    { Store store(path); }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 7");
    }
    const std::string message = "database " + path.string() +
                                " has schema version 7, newer than this tradecheck (" +
                                std::to_string(Store::schema_version) + "); upgrade tradecheck";
    CHECK_THROWS_WITH(Store(path), message);
    CHECK_THROWS_WITH(Store(path, /*read_only=*/true), message);
}

TEST_CASE("a version 1 file gains the frame columns and keeps its claims", "[open]") {
    TempDir dir;
    const auto path = dir.file("v1.db");
    {
        Store store(path);
        store.put_article(sample_article(), {test::sample_claim("25%", 25, 28, 25)}, "h");
    }
    {
        // Undo what versions 2 and 3 added, as a file written by tradecheck with schema version 1.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP VIEW claim_view");
        db.exec("DROP VIEW timeline_view");
        for (const char* column : {"role", "status", "measure", "valid_from", "valid_to", "time_source", "transition"})
            db.exec(std::string("ALTER TABLE claims DROP COLUMN ") + column);
        db.exec("CREATE VIEW claim_view AS SELECT id AS claim_id FROM claims");
        drop_version_4(db);
        db.exec("PRAGMA user_version = 1");
    }
    CHECK_THROWS_WITH(Store(path, /*read_only=*/true), Catch::Contains("older schema version 1"));
    Store store(path);
    REQUIRE(store.claims().size() == 1);
    CHECK(store.claims()[0].claim.role.empty());
    SQLite::Database db(path.string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::schema_version);
    CHECK(db.execAndGet("SELECT count(*) FROM claim_view WHERE role = '' AND status = '' AND measure = ''").getInt() == 1);
}

TEST_CASE("a claim's role, status and measured phrase are stored and read back", "[open]") {
    TempDir dir;
    Claim c = test::sample_claim("25%", 25, 28, 25);
    c.role = "previous";
    c.status = "previous";
    c.measure = "the 25% tariff on steel";
    Store store(dir.file("t.db"));
    store.put_article(sample_article(), {c}, "h");
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.role == "previous");
    CHECK(claims[0].claim.status == "previous");
    CHECK(claims[0].claim.measure == "the 25% tariff on steel");
}

TEST_CASE("a version 2 file gains the time columns and timeline_view, and keeps its claims", "[open]") {
    TempDir dir;
    const auto path = dir.file("v2.db");
    {
        Store store(path);
        store.put_article(sample_article(), {test::sample_claim("25%", 25, 28, 25)}, "h");
    }
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("DROP VIEW timeline_view");
        db.exec("DROP VIEW claim_view");
        for (const char* column : {"valid_from", "valid_to", "time_source", "transition"})
            db.exec(std::string("ALTER TABLE claims DROP COLUMN ") + column);
        db.exec("CREATE VIEW claim_view AS SELECT id AS claim_id FROM claims");
        drop_version_4(db);
        db.exec("PRAGMA user_version = 2");
    }
    Store store(path);
    REQUIRE(store.claims().size() == 1);
    CHECK_FALSE(store.claims()[0].claim.valid_from);
    SQLite::Database db(path.string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::schema_version);
    CHECK(db.execAndGet("SELECT count(*) FROM claim_view WHERE valid_from = '' AND transition = 0").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM timeline_view").getInt() == 0);
    CHECK(db.execAndGet("SELECT count(*) FROM verdict_view").getInt() == 0);
}

TEST_CASE("a claim's time and transition are stored, read back and shown in timeline_view", "[open]") {
    TempDir dir;
    Claim c = test::sample_claim("25%", 25, 28, 25);
    c.key = "tariff_rate|USA|IND|-|-|-|-|percent";
    c.status = "in_effect";
    c.valid_from = parse_day("2025-08-07");
    c.valid_to = parse_day("2025-11-05");
    c.time_source = "text";
    c.transition = 2;
    Store store(dir.file("t.db"));
    store.put_article(sample_article(), {c}, "h");
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(to_iso(claims[0].claim.valid_from) == "2025-08-07");
    CHECK(to_iso(claims[0].claim.valid_to) == "2025-11-05");
    CHECK(claims[0].claim.time_source == "text");
    CHECK(claims[0].claim.transition == 2);
    SQLite::Database db(dir.file("t.db").string());
    CHECK(db.execAndGet("SELECT valid_from || '/' || valid_to || '/' || status || '/' || quote FROM timeline_view "
                        "WHERE fact = 'tariff_rate|USA|IND|-|-|-|-|percent'").getString() ==
          "2025-08-07/2025-11-05/in_effect/25%");
}

TEST_CASE("a version 4 file re-keys its retyped trade values and balances, and nothing else", "[open]") {
    TempDir dir;
    const auto path = dir.file("v4.db");
    const auto claim = [](const char* kind, const char* metric, const char* key, std::size_t start) {
        Claim c = test::sample_claim("430 mln dlrs", start, start + 12, 4.3e8);
        c.kind = kind;
        c.metric = metric;
        c.key = key;
        return c;
    };
    {
        Store store(path);
        // Keys as version 4 stored them: the kind as typed.
        store.put_article(sample_article(),
                          {claim("trade_value", "trade_deficit", "trade_value|NOR|-|-|trade_deficit|-|1986|money", 0),
                           claim("trade_balance", "bilateral_trade", "trade_balance|NOR|SWE|-|bilateral_trade|-|1986|money", 20),
                           claim("trade_value", "exports", "trade_value|NOR|-|-|exports|-|1986|money", 40),
                           claim("tariff_rate", "trade_deficit", "tariff_rate|USA|CHN|steel", 60)},
                          "h");
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 4");
    }
    { Store store(path); }
    SQLite::Database db(path.string());
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::schema_version);
    const auto key_at = [&](int start) {
        SQLite::Statement q(db, "SELECT key FROM claims WHERE start = ?1");
        q.bind(1, start);
        REQUIRE(q.executeStep());
        return q.getColumn(0).getString();
    };
    CHECK(key_at(0) == "trade_balance|NOR|-|-|trade_deficit|-|1986|money");
    CHECK(key_at(20) == "trade_balance|NOR|SWE|-|bilateral_trade|-|1986|money");   // a balance stays one
    CHECK(key_at(40) == "trade_value|NOR|-|-|exports|-|1986|money");
    CHECK(key_at(60) == "tariff_rate|USA|CHN|steel");
    CHECK(db.execAndGet("SELECT count(*) FROM claims WHERE kind = 'trade_value'").getInt() == 2);   // kinds kept
}

TEST_CASE("files that are not tradecheck databases are refused, naming the path", "[open]") {
    TempDir dir;

    SECTION("a directory") {
        CHECK_THROWS_WITH(Store(dir.path()), Catch::Contains(dir.path().string()) &&
                                                 Catch::Contains("is a directory"));
    }
    SECTION("a text file") {
        const auto path = dir.file("notes.db");
        std::ofstream(path) << "These are my notes, not a database. " << std::string(200, 'x');
        CHECK_THROWS_WITH(Store(path), Catch::Contains(path.string()) &&
                                           Catch::Contains("not a SQLite database"));
        CHECK_THROWS_AS(Store(path, true), StoreError);
    }
    SECTION("another program's SQLite database") {
        const auto path = dir.file("other.db");
        { SQLite::Database(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
              .exec("CREATE TABLE customers(id INTEGER)"); }
        CHECK_THROWS_WITH(Store(path), Catch::Contains(path.string()) &&
                                           Catch::Contains("not a tradecheck one"));
    }
    SECTION("a file in a directory that does not exist") {
        const auto path = dir.file("missing") / "t.db";
        CHECK_THROWS_WITH(Store(path), Catch::Contains(path.string()) &&
                                           Catch::Contains("cannot open"));
    }
    SECTION("a missing file opened read-only") {
        const auto path = dir.file("absent.db");
        CHECK_THROWS_WITH(Store(path, true), "database " + path.string() + " does not exist");
        CHECK_FALSE(std::filesystem::exists(path));
    }
    SECTION("a read-only location") {
        // /proc refuses new files even to root, where chmod would not stop anyone.
        const std::filesystem::path path = "/proc/tradecheck-test.db";
        if (std::filesystem::is_directory("/proc")) {
            CHECK_THROWS_WITH(Store(path), Catch::Contains(path.string()));
        }
    }
}
