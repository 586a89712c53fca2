// Store::merge_from: copying another tradecheck database (a shard, another machine's ingest)
// into this one without duplicating articles or claims.
//
// The source is ATTACHed (its path a bound parameter) and copied with INSERT ... SELECT, a
// chunk of its articles (by rowid, the order they were stored in) per transaction, so that
// other writers get their turns during a long merge (issue 17); claims get fresh ids here and
// keep their source order.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <sqlite3.h>

#include "impl.hpp"

namespace tradecheck::db {
namespace {

constexpr const char* source_schema = "tc_merge_src";

// The last source rowid of the chunk after rowid ?1 of at most ?2 articles (NULL: none left).
constexpr const char* sql_chunk_end = R"(
SELECT max(rowid) FROM (SELECT rowid FROM tc_merge_src.articles WHERE rowid > ?1 ORDER BY rowid LIMIT ?2))";

constexpr const char* sql_chunk_size = "SELECT count(*) FROM tc_merge_src.articles WHERE rowid > ?1 AND rowid <= ?2";

// Articles of the chunk that are new here or differ from ours, with whether they are new.
// Decided under the write lock, so a writer that stored one of them meanwhile is seen.
constexpr const char* sql_changed = R"(
INSERT INTO temp.tc_merge_ids (id, is_new)
SELECT s.id, m.id IS NULL
FROM tc_merge_src.articles AS s LEFT JOIN main.articles AS m ON m.id = s.id
WHERE s.rowid > ?1 AND s.rowid <= ?2 AND (m.id IS NULL OR m.sha256 <> s.sha256))";

constexpr const char* sql_drop_replaced_claims = R"(
DELETE FROM main.claims
WHERE article_id IN (SELECT id FROM temp.tc_merge_ids WHERE is_new = 0))";

// An upsert, not INSERT OR REPLACE, for the same reason as in store.cpp. "WHERE true" keeps
// SQLite from reading ON CONFLICT as part of the join.
constexpr const char* sql_copy_articles = R"(
INSERT INTO main.articles (id, path, sha256, title, outlet, published, currency, text,
                           ingested_at, metadata, fingerprint)
SELECT s.id, s.path, s.sha256, s.title, s.outlet, s.published, s.currency, s.text,
       s.ingested_at, {}, {}
FROM tc_merge_src.articles AS s JOIN temp.tc_merge_ids AS t ON t.id = s.id
WHERE true
ON CONFLICT (id) DO UPDATE SET
    path = excluded.path, sha256 = excluded.sha256, title = excluded.title,
    outlet = excluded.outlet, published = excluded.published, currency = excluded.currency,
    text = excluded.text, ingested_at = excluded.ingested_at, metadata = excluded.metadata,
    fingerprint = excluded.fingerprint)";

constexpr const char* sql_copy_claims = R"(
INSERT INTO main.claims (article_id, kind, key, text, start, "end", value, low, high, unit,
                         qualifier, exponent, type, relation, actor, partner, product, metric,
                         basis, period, year, year_low, year_high, rule_id, rules_hash, role,
                         status, measure, valid_from, valid_to, time_source, transition)
SELECT c.article_id, c.kind, c.key, c.text, c.start, c."end", c.value, c.low, c.high, c.unit,
       c.qualifier, c.exponent, c.type, c.relation, c.actor, c.partner, c.product, c.metric,
       c.basis, c.period, c.year, c.year_low, c.year_high, c.rule_id, c.rules_hash, {}
FROM tc_merge_src.claims AS c JOIN temp.tc_merge_ids AS t ON t.id = c.article_id
ORDER BY c.id)";

constexpr const char* sql_copy_rules = R"(
INSERT OR IGNORE INTO main.rules (id, kind, file, line, hash)
SELECT id, kind, file, line, hash FROM tc_merge_src.rules)";

std::size_t count(SQLite::Database& db, const char* sql) {
    return static_cast<std::size_t>(db.execAndGet(sql).getInt64());
}

// A rowid range (after, last] of the source.
struct Chunk {
    std::int64_t after;
    std::int64_t last;
};

std::optional<std::int64_t> chunk_end(SQLite::Database& db, std::int64_t after, std::size_t batch) {
    SQLite::Statement s(db, sql_chunk_end);
    s.bind(1, after);
    s.bind(2, static_cast<std::int64_t>(batch));
    if (!s.executeStep() || s.getColumn(0).isNull()) return std::nullopt;
    return s.getColumn(0).getInt64();
}

std::size_t run_on(SQLite::Database& db, const char* sql, const Chunk& chunk) {
    SQLite::Statement s(db, sql);
    s.bind(1, chunk.after);
    s.bind(2, chunk.last);
    if (s.getColumnCount() > 0) return s.executeStep() ? static_cast<std::size_t>(s.getColumn(0).getInt64()) : 0;
    return static_cast<std::size_t>(s.exec());
}

bool source_has_column(SQLite::Database& db, const char* column, const char* table = "articles") {
    SQLite::Statement s(db, "SELECT count(*) FROM pragma_table_info(?2, 'tc_merge_src') WHERE name = ?1");
    s.bind(1, column);
    s.bind(2, table);
    return s.executeStep() && s.getColumn(0).getInt() > 0;
}

// Detaches the source however the merge ends.
class Attached {
public:
    Attached(SQLite::Database& db, const std::filesystem::path& source) : db_(db) {
        SQLite::Statement attach(db_, fmt::format("ATTACH DATABASE ?1 AS {}", source_schema));
        attach.bind(1, source.string());
        attach.exec();
    }
    ~Attached() {
        try {
            db_.exec(fmt::format("DETACH DATABASE {}", source_schema));
        } catch (...) {
            // The connection is closing or the database is gone; nothing more to undo.
        }
    }
    Attached(const Attached&) = delete;
    Attached& operator=(const Attached&) = delete;
private:
    SQLite::Database& db_;
};

} // namespace

MergeResult Store::merge_from(const std::filesystem::path& source, std::size_t batch) {
    batch = std::max<std::size_t>(batch, 1);
    impl_->require_writable("merge into it");
    std::error_code ec;
    if (std::filesystem::equivalent(source, impl_->path, ec)) {
        throw StoreError(fmt::format("cannot merge database {} into itself", source.string()));
    }
    if (impl_->depth > 0) {
        throw StoreError(fmt::format("database {}: cannot merge inside a transaction",
                                     impl_->path.string()));
    }
    // Opening the source read-only checks that it exists, is a tradecheck database and has
    // our schema version, with the usual messages; ATTACH alone would create a missing file.
    { const Store check(source, true); }

    return guarded(impl_->path, fmt::format("merging {}", source.string()), [&] {
        Attached attached(impl_->db, source);
        impl_->db.exec("CREATE TEMP TABLE IF NOT EXISTS tc_merge_ids "
                       "(id TEXT PRIMARY KEY NOT NULL, is_new INTEGER NOT NULL)");
        // A source made before articles.metadata or .fingerprint existed, and never opened for
        // writing since.
        const std::string copy_articles =
            fmt::format(sql_copy_articles, source_has_column(impl_->db, "metadata") ? "s.metadata" : "''",
                        source_has_column(impl_->db, "fingerprint") ? "s.fingerprint" : "NULL");
        // A source of schema version 1 has no frame columns.
        // Version 2 has no times.
        const std::string copy_claims = fmt::format(
            sql_copy_claims,
            fmt::format("{}, {}",
                        source_has_column(impl_->db, "role", "claims") ? "c.role, c.status, c.measure" : "'', '', ''",
                        source_has_column(impl_->db, "valid_from", "claims")
                            ? "c.valid_from, c.valid_to, c.time_source, c.transition"
                            : "'', '', '', 0"));
        {
            Transaction transaction(*this);
            impl_->db.exec(sql_copy_rules);
            transaction.commit();
        }
        MergeResult result;
        Chunk chunk{std::numeric_limits<std::int64_t>::min(), 0};
        for (;;) {
            // Each chunk lands whole or not at all; a merge stopped between chunks is finished
            // by running it again (what is already here is skipped as unchanged).
            Transaction transaction(*this);
            const std::optional<std::int64_t> last = chunk_end(impl_->db, chunk.after, batch);
            if (!last) break;   // rolls back an empty transaction
            chunk.last = *last;
            impl_->db.exec("DELETE FROM temp.tc_merge_ids");
            run_on(impl_->db, sql_changed, chunk);
            const std::size_t inserted = count(impl_->db, "SELECT count(*) FROM temp.tc_merge_ids WHERE is_new");
            const std::size_t replaced = count(impl_->db, "SELECT count(*) FROM temp.tc_merge_ids WHERE NOT is_new");
            result.unchanged += run_on(impl_->db, sql_chunk_size, chunk) - inserted - replaced;
            result.inserted += inserted;
            result.replaced += replaced;
            impl_->db.exec(sql_drop_replaced_claims);
            impl_->db.exec(copy_articles);
            result.claims += static_cast<std::size_t>(impl_->db.exec(copy_claims));
            impl_->db.exec("DELETE FROM temp.tc_merge_ids");
            transaction.commit();
            chunk.after = chunk.last;
        }
        return result;
    });
}

} // namespace tradecheck::db
