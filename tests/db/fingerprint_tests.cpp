// Fingerprints: how a re-ingest of a JSON Lines corpus knows a record unchanged without
// hashing it. A wrong `same` would keep stale claims, so every path that writes an article
// (insert, replace, the unchanged fill-in, merge, an older file's upgrade) is held to what
// match_fingerprint answers afterwards.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::sample_claim;
using test::count;
using test::TempDir;

namespace {

Article with_fingerprint(const std::string& id, const std::string& sha, const std::string& fp) {
    Article a = sample_article(id, sha);
    a.fingerprint = fp;
    return a;
}

bool has_index(const std::filesystem::path& file, const std::string& name) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1");
    s.bind(1, name);
    return s.executeStep() && s.getColumn(0).getInt() == 1;
}

bool has_fingerprint_column(const std::filesystem::path& file) {
    return count(file, "SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'fingerprint'") == 1;
}

// A file as the release before fingerprints wrote it: no column, articles_digest for lookups.
void make_pre_fingerprint(const std::filesystem::path& file) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP INDEX articles_identity");
    db.exec("ALTER TABLE articles DROP COLUMN fingerprint");
    db.exec("CREATE INDEX articles_digest ON articles(id, sha256)");
}

} // namespace

TEST_CASE("match_fingerprint tells unknown, same, changed and unrecorded records apart",
          "[db][fingerprint]") {
    TempDir dir;
    const auto file = dir.file("t.db");
    Store store(file);
    store.put_article(with_fingerprint("j", "s1", "fp-1"), {}, "h");
    store.put_article(sample_article("f", "s2"), {}, "h");  // from a file: no fingerprint
    // Stored as NULL, not '': an empty record line must never compare `same` to a file.
    CHECK(count(file, "SELECT count(*) FROM articles WHERE fingerprint IS NULL") == 1);

    // `report` and `claims` read through read-only Stores; they must answer alike.
    const bool read_only = GENERATE(false, true);
    INFO("read-only " << read_only);
    const Store reader(file, true);
    const Store& s = read_only ? reader : store;
    CHECK(s.match_fingerprint("nope", "fp-1") == FingerprintMatch::not_stored);
    CHECK(s.match_fingerprint("j", "fp-1") == FingerprintMatch::same);
    CHECK(s.match_fingerprint("j", "fp-2") == FingerprintMatch::different);
    CHECK(s.match_fingerprint("f", "fp-1") == FingerprintMatch::not_recorded);
    CHECK(s.match_fingerprint("f", "") == FingerprintMatch::not_recorded);
}

TEST_CASE("an unchanged article records its line's fingerprint and keeps its claims",
          "[db][fingerprint]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    const Claim claim = sample_claim("25%", 25, 28, 25);
    store.put_article(sample_article("a", "s1"), {claim}, "h");

    // A row from before fingerprints, met again as a record: same sha256, so nothing else is
    // written, but the next re-ingest can skip the SHA-256.
    CHECK(store.put_article(with_fingerprint("a", "s1", "fp-1"), {}, "h2") == PutResult::unchanged);
    CHECK(store.match_fingerprint("a", "fp-1") == FingerprintMatch::same);
    const auto claims = store.claims();
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].rules_hash == "h");

    // Equal sha256 from another line (keys reordered, another corpus copy): still unchanged,
    // but the latest line's fingerprint is recorded so that line is known next time.
    CHECK(store.put_article(with_fingerprint("a", "s1", "fp-2"), {}, "h") == PutResult::unchanged);
    CHECK(store.match_fingerprint("a", "fp-2") == FingerprintMatch::same);
    CHECK(store.claims().size() == 1);
    // The same article read from a file has no line: the recorded fingerprint stays.
    CHECK(store.put_article(sample_article("a", "s1"), {}, "h") == PutResult::unchanged);
    CHECK(store.match_fingerprint("a", "fp-2") == FingerprintMatch::same);
}

TEST_CASE("replacing an article replaces its fingerprint, set_fingerprint needs write access",
          "[db][fingerprint]") {
    TempDir dir;
    const auto file = dir.file("t.db");
    Store store(file);
    store.put_article(with_fingerprint("a", "s1", "fp-1"), {}, "h");

    CHECK(store.put_article(with_fingerprint("a", "s2", "fp-2"), {}, "h") == PutResult::replaced);
    CHECK(store.match_fingerprint("a", "fp-2") == FingerprintMatch::same);
    CHECK(store.match_fingerprint("a", "fp-1") == FingerprintMatch::different);
    // Replaced by a file's version: the old line's fingerprint must go, or re-ingesting that
    // old line would be taken as unchanged and keep this version's claims.
    CHECK(store.put_article(sample_article("a", "s3"), {}, "h") == PutResult::replaced);
    CHECK(store.match_fingerprint("a", "fp-2") == FingerprintMatch::not_recorded);
    // put_new_article's fallback for an id stored after all is put_article's.
    CHECK(store.put_new_article(with_fingerprint("a", "s4", "fp-4"), {}, "h", "") == PutResult::replaced);
    CHECK(store.match_fingerprint("a", "fp-4") == FingerprintMatch::same);
    CHECK(store.put_new_article(with_fingerprint("b", "s5", "fp-5"), {}, "h", "") == PutResult::inserted);
    CHECK(store.match_fingerprint("b", "fp-5") == FingerprintMatch::same);

    store.set_fingerprint("a", "fp-9");
    CHECK(store.match_fingerprint("a", "fp-9") == FingerprintMatch::same);
    CHECK(store.article_sha256("a") == "s4");  // only the fingerprint changes

    Store reader(file, true);
    CHECK_THROWS_AS(reader.set_fingerprint("a", "fp-0"), StoreError);
    CHECK(store.match_fingerprint("a", "fp-9") == FingerprintMatch::same);
}

TEST_CASE("a file from before fingerprints is read as it is and upgraded when opened for writing",
          "[db][fingerprint]") {
    TempDir dir;
    const auto file = dir.file("old.db");
    {
        Store s(file);
        s.put_article(sample_article("a", "s1"), {sample_claim("25%", 25, 28, 25)}, "h");
    }
    make_pre_fingerprint(file);

    {
        // A reader may not migrate, so its lookups must not need the column or the new index.
        const Store reader(file, true);
        CHECK(reader.has_article("a", "s1"));
        CHECK_FALSE(reader.has_article("a", "s2"));
        CHECK(reader.article_sha256("a") == "s1");
        CHECK(reader.match_fingerprint("a", "fp") == FingerprintMatch::not_recorded);
        CHECK(reader.match_fingerprint("b", "fp") == FingerprintMatch::not_stored);
    }
    CHECK_FALSE(has_fingerprint_column(file));  // the reader changed nothing

    Store writer(file);
    CHECK(has_fingerprint_column(file));
    CHECK(has_index(file, "articles_identity"));
    CHECK_FALSE(has_index(file, "articles_digest"));  // every index costs each article stored
    CHECK(writer.has_article("a", "s1"));
    CHECK(writer.claims().size() == 1);
    CHECK(writer.match_fingerprint("a", "fp") == FingerprintMatch::not_recorded);
    // The first re-ingest as JSON Lines records the fingerprint the rows never had.
    CHECK(writer.put_article(with_fingerprint("a", "s1", "fp"), {}, "h") == PutResult::unchanged);
    CHECK(Store(file, true).match_fingerprint("a", "fp") == FingerprintMatch::same);
}

TEST_CASE("merge_from carries fingerprints, and NULL from a source without them",
          "[db][fingerprint]") {
    TempDir dir;
    {
        Store src(dir.file("src.db"));
        src.put_article(with_fingerprint("j", "s1", "fp-j"), {}, "h");
        src.put_article(sample_article("f", "s2"), {}, "h");
        src.put_article(with_fingerprint("r", "s3-new", "fp-r-new"), {}, "h");
        Store old(dir.file("old.db"));
        old.put_article(with_fingerprint("o", "s4", "fp-o"), {}, "h");
        old.put_article(sample_article("q", "s5-new"), {}, "h");
    }
    make_pre_fingerprint(dir.file("old.db"));

    Store out(dir.file("out.db"));
    out.put_article(with_fingerprint("r", "s3-old", "fp-r-old"), {}, "h");
    out.put_article(with_fingerprint("q", "s5-old", "fp-q-old"), {}, "h");
    const MergeResult a = out.merge_from(dir.file("src.db"));
    CHECK(a.inserted == 2);
    CHECK(a.replaced == 1);
    CHECK(out.match_fingerprint("j", "fp-j") == FingerprintMatch::same);
    CHECK(out.match_fingerprint("f", "fp-j") == FingerprintMatch::not_recorded);
    CHECK(out.match_fingerprint("r", "fp-r-new") == FingerprintMatch::same);

    const MergeResult b = out.merge_from(dir.file("old.db"));
    CHECK(b.inserted == 1);
    CHECK(b.replaced == 1);
    CHECK(out.match_fingerprint("o", "fp-o") == FingerprintMatch::not_recorded);
    // A replaced article must not keep our fingerprint of the version it replaced.
    CHECK(out.match_fingerprint("q", "fp-q-old") == FingerprintMatch::not_recorded);
    CHECK(out.article_sha256("q") == "s5-new");
}
