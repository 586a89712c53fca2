// The Store's bulk-write path, as `tradecheck ingest` uses it: put_new_article, a connection
// tuned with tune_for_bulk_writes() (the schema's CHECKs off), put_rules that writes nothing
// when the rules did not change, and WAL checkpoints on a thread of their own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::sample_claim;
using test::TempDir;

namespace {

int count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt(); }

// Claims of an article and articles, counted on a connection of the test's own: what another
// program reading the database would see.
int claims_of(const std::filesystem::path& file, const std::string& article_id) {
    SQLite::Database db(file.string());
    SQLite::Statement q(db, "SELECT count(*) FROM claims WHERE article_id = ?1");
    q.bind(1, article_id);
    q.executeStep();
    return q.getColumn(0).getInt();
}

int articles_in(const std::filesystem::path& file) {
    SQLite::Database db(file.string());
    return count(db, "SELECT count(*) FROM articles");
}

// Every value of an enum: the values from 0 up to the first whose to_string falls back to the
// name of value 0 (each to_string returns that for a value it does not know). So a value added
// to an enum is tested here without anyone adding it to this file.
template <class E>
std::vector<E> all_values() {
    std::vector<E> out{E{}};
    for (int i = 1; to_string(static_cast<E>(i)) != to_string(E{}); ++i) out.push_back(static_cast<E>(i));
    return out;
}

} // namespace

TEST_CASE("put_new_article inserts, leaves an unchanged article alone and replaces a changed one",
          "[store][bulk]") {
    // Ingest calls it for ids it believes new, in batches, on a tuned connection; when the
    // guess is wrong it must do what put_article does, never store a second copy.
    const bool tuned = GENERATE(false, true);
    const bool batched = GENERATE(false, true);
    INFO("tuned " << tuned << ", in a transaction " << batched);
    TempDir dir;
    const auto file = dir.file("t.db");
    Store store(file);
    if (tuned) store.tune_for_bulk_writes();
    const auto put = [&](const Article& a, const std::vector<Claim>& claims, const std::string& hash) {
        if (!batched) return store.put_new_article(a, claims, hash, "");
        Store::Transaction transaction(store);
        const PutResult r = store.put_new_article(a, claims, hash, "");
        transaction.commit();
        return r;
    };
    const Claim c1 = sample_claim("25%", 25, 28, 25), c2 = sample_claim("30%", 40, 43, 30);
    const Claim c3 = sample_claim("5%", 50, 52, 5);

    CHECK(put(sample_article("a", "s1"), {c1, c2}, "h1") == PutResult::inserted);
    CHECK(claims_of(file, "a") == 2);

    // Same id and digest, other claims: nothing is written.
    CHECK(put(sample_article("a", "s1"), {c3}, "h2") == PutResult::unchanged);
    CHECK(articles_in(file) == 1);
    CHECK(claims_of(file, "a") == 2);
    CHECK(store.claims()[0].rules_hash == "h1");

    // Another digest: the row and its claims are replaced, the old claims gone.
    CHECK(put(sample_article("a", "s2"), {c3}, "h2") == PutResult::replaced);
    CHECK(articles_in(file) == 1);
    CHECK(store.article_sha256("a") == std::optional<std::string>("s2"));
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].claim.text == "5%");
    CHECK(claims[0].rules_hash == "h2");

    // Without claims (no savepoint on that path) the same holds.
    CHECK(put(sample_article("a", "s3"), {}, "h3") == PutResult::replaced);
    CHECK(claims_of(file, "a") == 0);
    CHECK(put(sample_article("a", "s3"), {c1}, "h3") == PutResult::unchanged);
    CHECK(claims_of(file, "a") == 0);
    CHECK(put(sample_article("b", "s1"), {}, "h3") == PutResult::inserted);
    CHECK(articles_in(file) == 2);
}

TEST_CASE("with the CHECKs off, a claim that ends before it starts is still refused", "[store][bulk]") {
    // tune_for_bulk_writes() turns the schema's CHECKs off on its connection; the offsets
    // CHECK ("end" >= start) is then the Store's to enforce. A refused claim must leave no
    // trace: not the article, not the claims before it.
    TempDir dir;
    const auto file = dir.file("t.db");
    Store store(file);
    store.tune_for_bulk_writes();
    Claim bad = sample_claim("25%", 30, 33, 25);
    bad.end = 29;
    const std::vector<Claim> claims{sample_claim("5%", 10, 12, 5), bad};

    CHECK_THROWS_AS(store.put_article(sample_article("a", "s1"), claims, "h"), StoreError);
    CHECK_THROWS_WITH(store.put_new_article(sample_article("a", "s1"), claims, "h", ""),
                      Catch::Contains("before it starts"));
    {
        Store::Transaction batch(store);
        store.put_new_article(sample_article("b", "s1"), {claims[0]}, "h", "");
        CHECK_THROWS_AS(store.put_new_article(sample_article("a", "s1"), claims, "h", ""), StoreError);
        batch.commit();
    }
    SQLite::Database db(file.string());
    CHECK(count(db, "SELECT count(*) FROM articles WHERE id = 'a'") == 0);
    CHECK(count(db, "SELECT count(*) FROM claims WHERE article_id = 'a'") == 0);
    CHECK(count(db, "SELECT count(*) FROM claims WHERE \"end\" < start") == 0);
    CHECK(claims_of(file, "b") == 1);   // the batch around the refused article went on

    // A refused replacement keeps the stored version.
    CHECK_THROWS_AS(store.put_article(sample_article("b", "s2"), claims, "h2"), StoreError);
    CHECK(store.article_sha256("b") == std::optional<std::string>("s1"));
    CHECK(claims_of(file, "b") == 1);
}

TEST_CASE("every enum name the Store writes is one the schema's CHECKs allow", "[store][bulk]") {
    // The bulk path writes with the CHECKs off, trusting that to_string() of every Qualifier,
    // QuantityType, TimeRelation and Period is in the claims table's IN lists. Were one not
    // (a value added to an enum but not to schema.sql), a plain Store would refuse the claim
    // and a bulk-written database would fail `PRAGMA integrity_check`.
    const auto qualifiers = all_values<Qualifier>();
    const auto types = all_values<QuantityType>();
    const auto relations = all_values<TimeRelation>();
    const auto periods = all_values<Period>();
    REQUIRE(qualifiers.size() >= 7);
    REQUIRE(types.size() >= 6);
    REQUIRE(relations.size() >= 6);
    REQUIRE(periods.size() >= 3);

    std::vector<std::pair<std::string, Claim>> claims;   // one article each: a refusal names it
    const auto add = [&](const std::string& name, auto set) {
        Claim c = sample_claim("25%", 0, 3, 25);
        set(c);
        claims.emplace_back(name, c);
    };
    for (Qualifier v : qualifiers) add("qualifier " + std::string(to_string(v)), [&](Claim& c) { c.quantity.qualifier = v; });
    for (QuantityType v : types) add("type " + std::string(to_string(v)), [&](Claim& c) { c.quantity.type = v; });
    for (TimeRelation v : relations) add("relation " + std::string(to_string(v)), [&](Claim& c) { c.quantity.relation = v; });
    for (Period v : periods) add("period " + std::string(to_string(v)), [&](Claim& c) { c.period = v; });

    TempDir dir;
    {
        Store checked(dir.file("checked.db"));
        for (const auto& [name, claim] : claims) {
            INFO(name);
            CHECK_NOTHROW(checked.put_article(sample_article(name, "s"), {claim}, "h"));
        }
        // And they read back as the values written.
        for (const StoredClaim& s : checked.claims()) {
            const Claim& want = std::find_if(claims.begin(), claims.end(),
                                             [&](const auto& c) { return c.first == s.claim.article; })->second;
            INFO(s.claim.article);
            CHECK(s.claim.quantity.qualifier == want.quantity.qualifier);
            CHECK(s.claim.quantity.type == want.quantity.type);
            CHECK(s.claim.quantity.relation == want.quantity.relation);
            CHECK(s.claim.period == want.period);
        }
    }
    {
        Store bulk(dir.file("bulk.db"));
        bulk.tune_for_bulk_writes();
        Store::Transaction batch(bulk);
        for (const auto& [name, claim] : claims) bulk.put_new_article(sample_article(name, "s"), {claim}, "h", "");
        batch.commit();
    }
    SQLite::Database db(dir.file("bulk.db").string());
    CHECK(count(db, "SELECT count(*) FROM claims") == static_cast<int>(claims.size()));
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");   // it tests CHECKs too
}

TEST_CASE("put_rules writes nothing when the rules stored are the rules given", "[store][bulk]") {
    // Every ingest stores its rules; a re-ingest with the same rules must not commit (no write,
    // no sync). PRAGMA data_version, on another connection, changes with every commit made by
    // another connection, and only then.
    TempDir dir;
    Store store(dir.file("t.db"));
    const std::vector<RuleRecord> rules{{"r1", "tariff_rate", "tariffs.rules", 3, "aa"},
                                        {"r2", "trade_target", "targets.rules", 9, "bb"}};
    store.put_rules(rules);
    SQLite::Database observer(dir.file("t.db").string());
    const auto version = [&] { return count(observer, "PRAGMA data_version"); };

    const int v0 = version();
    store.put_rules(rules);
    CHECK(version() == v0);
    store.put_rules({rules[1], rules[0]});   // the same set in another order
    CHECK(version() == v0);

    // Any field that differs is a change, and is written.
    std::vector<RuleRecord> changed = rules;
    for (int field = 0; field < 5; ++field) {
        INFO("field " << field);
        RuleRecord& r = changed[1];
        if (field == 0) r.id = "r2b";
        if (field == 1) r.kind = "export_share";
        if (field == 2) r.file = "shares.rules";
        if (field == 3) r.line = 10;
        if (field == 4) r.hash = "cc";
        const int before = version();
        store.put_rules(changed);
        CHECK(version() != before);
        const int after = version();
        store.put_rules(changed);
        CHECK(version() == after);
    }
    CHECK(observer.execAndGet("SELECT group_concat(id || ':' || kind || ':' || file || ':' || line || ':' || hash) "
                              "FROM (SELECT * FROM rules ORDER BY id)").getString() ==
          "r1:tariff_rate:tariffs.rules:3:aa,r2b:export_share:shares.rules:10:cc");

    // Fewer rules, or none, is a change too.
    int before = version();
    store.put_rules({changed[0]});
    CHECK(version() != before);
    before = version();
    store.put_rules({});
    CHECK(version() != before);
    CHECK(count(observer, "SELECT count(*) FROM rules") == 0);
    before = version();
    store.put_rules({});
    CHECK(version() == before);
}

TEST_CASE("background checkpoints keep the WAL bounded during a bulk write", "[store][bulk][checkpoint]") {
    // While BackgroundCheckpoints lives, SQLite's own checkpoints are off; its thread (or, past
    // 4,000 pages, the writer's commit) must copy the WAL into the database, so that the WAL
    // starts over instead of holding every page written. The run writes well over twice the
    // bound, so a WAL that was never checkpointed would break it.
    TempDir dir;
    const auto file = dir.file("t.db");
    const auto wal = dir.file("t.db-wal");
    constexpr int batches = 80, per_batch = 100;
    std::uintmax_t largest = 0, bound = 0;
    {
        Store store(file);
        store.tune_for_bulk_writes();
        {
            SQLite::Database db(file.string());
            // 4,000 pages before the writer checkpoints itself, and two batches' worth of slack.
            const std::uintmax_t page = static_cast<std::uintmax_t>(count(db, "PRAGMA page_size"));
            bound = (4000 + 2 * per_batch * 4) * (page + 24);   // a frame is a page and a 24-byte header
        }
        Store::BackgroundCheckpoints checkpoints(store);
        std::string text(8000, 'x');
        for (int b = 0; b < batches; ++b) {
            Store::Transaction batch(store);
            for (int i = 0; i < per_batch; ++i) {
                const std::string id = "a" + std::to_string(b * per_batch + i);
                Article a = sample_article(id, "s-" + id);
                text.replace(0, id.size(), id);   // no two texts alike
                a.text = text;
                store.put_new_article(a, {sample_claim("25%", 0, 3, 25)}, "h", "");
            }
            batch.commit();
            largest = std::max(largest, std::filesystem::file_size(wal));
        }
    }
    INFO("largest WAL " << largest << " bytes, bound " << bound);
    CHECK(largest > 0);
    CHECK(largest <= bound);
    // Not vacuous: without checkpoints the WAL would have held the whole database.
    CHECK(std::filesystem::file_size(file) > 2 * bound);

    Store reopened(file, /*read_only=*/true);
    SQLite::Database db(file.string());
    CHECK(count(db, "SELECT count(*) FROM articles") == batches * per_batch);
    CHECK(count(db, "SELECT count(*) FROM claims") == batches * per_batch);
    CHECK(reopened.has_article("a0", "s-a0"));
    const std::string last = "a" + std::to_string(batches * per_batch - 1);
    CHECK(reopened.has_article(last, "s-" + last));
}
