// Store: opening, transactions, and the writes (articles, claims, rules).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <tuple>

#include <fmt/format.h>
#include <sqlite3.h>

#include "impl.hpp"

namespace tradecheck::db {
namespace {

// An upsert, not INSERT OR REPLACE: a replace would delete the row first, and with it
// (ON DELETE CASCADE) claims we have not decided to drop.
constexpr const char* sql_upsert_article = R"(
INSERT INTO articles (id, path, sha256, title, outlet, published, currency, text, metadata,
                      fingerprint)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (id) DO UPDATE SET
    path = excluded.path, sha256 = excluded.sha256, title = excluded.title,
    outlet = excluded.outlet, published = excluded.published, currency = excluded.currency,
    text = excluded.text, metadata = excluded.metadata, fingerprint = excluded.fingerprint,
    ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";

// For an id the caller believes is not stored: a conflict fails instead of updating.
constexpr const char* sql_insert_article = R"(
INSERT INTO articles (id, path, sha256, title, outlet, published, currency, text, metadata,
                      fingerprint)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))";

constexpr const char* sql_update_fingerprint = "UPDATE articles SET fingerprint = ?2 WHERE id = ?1";

constexpr const char* sql_delete_claims = "DELETE FROM claims WHERE article_id = ?1";

constexpr const char* sql_insert_claim = R"(
INSERT INTO claims (article_id, kind, key, text, start, "end", value, low, high, unit,
                    qualifier, exponent, type, relation, actor, partner, product, metric,
                    basis, period, year, year_low, year_high, rule_id, rules_hash, role, status,
                    measure, valid_from, valid_to, time_source, transition)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
        ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32))";

constexpr const char* sql_insert_rule =
    "INSERT INTO rules (id, kind, file, line, hash) VALUES (?1, ?2, ?3, ?4, ?5)";

// Infinite bounds and NaN have no SQL value: they are stored as NULL.
void bind_number(SQLite::Statement& statement, int index, double value) {
    if (std::isfinite(value)) {
        statement.bind(index, value);
    } else {
        statement.bind(index);
    }
}

void bind_year(SQLite::Statement& statement, int index, const std::optional<int>& year) {
    if (year) {
        statement.bind(index, *year);
    } else {
        statement.bind(index);
    }
}

void bind_text(SQLite::Statement& statement, int index, std::string_view text) {
    statement.bind(index, std::string(text));
}

void bind_size(SQLite::Statement& statement, int index, std::size_t value) {
    statement.bind(index, static_cast<std::int64_t>(value));
}

void bind_claim(SQLite::Statement& s, const std::string& article_id, const Claim& c,
                const std::string& rules_hash) {
    const Quantity& q = c.quantity;
    // The one CHECK an enum cannot satisfy by construction; a bulk-writing connection does not
    // run the table's CHECKs (Store::tune_for_bulk_writes).
    if (c.end < c.start)
        throw StoreError(fmt::format("claim '{}' of article {} ends (at {}) before it starts (at {})", c.text,
                                     article_id, c.end, c.start));
    // The claim belongs to the article it is stored under, whatever c.article says.
    s.bind(1, article_id);
    s.bind(2, c.kind);
    s.bind(3, c.key);
    s.bind(4, c.text);
    bind_size(s, 5, c.start);
    bind_size(s, 6, c.end);
    bind_number(s, 7, q.value);
    bind_number(s, 8, q.low);
    bind_number(s, 9, q.high);
    s.bind(10, q.unit);
    bind_text(s, 11, to_string(q.qualifier));
    s.bind(12, q.exponent);
    bind_text(s, 13, to_string(q.type));
    bind_text(s, 14, to_string(q.relation));
    s.bind(15, c.actor);
    s.bind(16, c.partner);
    s.bind(17, c.product);
    s.bind(18, c.metric);
    s.bind(19, c.basis);
    bind_text(s, 20, to_string(c.period));
    bind_year(s, 21, c.year);
    bind_year(s, 22, c.year_low);
    bind_year(s, 23, c.year_high);
    s.bind(24, c.rule);
    s.bind(25, rules_hash);
    s.bind(26, c.role);
    s.bind(27, c.status);
    s.bind(28, c.measure);
    s.bind(29, to_iso(c.valid_from));
    s.bind(30, to_iso(c.valid_to));
    s.bind(31, c.time_source);
    s.bind(32, c.transition);
}

// Nothing is copied: `a` and `metadata` outlive the statement's step, and the statement is
// reset and its bindings cleared before its next use (Impl::cached).
void bind_article(SQLite::Statement& s, const Article& a, const std::string& metadata) {
    s.bindNoCopy(1, a.id);
    s.bindNoCopy(2, a.path);
    s.bindNoCopy(3, a.sha256);
    s.bindNoCopy(4, a.title);
    s.bindNoCopy(5, a.outlet);
    if (a.published.empty()) {
        s.bind(6);  // unknown date: NULL, so `published IS NULL` finds it
    } else {
        s.bindNoCopy(6, a.published);
    }
    s.bindNoCopy(7, a.currency);
    s.bindNoCopy(8, a.text);
    s.bindNoCopy(9, metadata);
    if (a.fingerprint.empty()) {
        s.bind(10);  // from a file: NULL, so a re-ingest compares sha256 instead
    } else {
        s.bindNoCopy(10, a.fingerprint);
    }
}

void run(SQLite::Statement& statement) {
    ResetGuard reset(statement);
    statement.exec();
}

} // namespace

// ---- Impl -------------------------------------------------------------------------------

SQLite::Statement& Store::Impl::cached(std::unique_ptr<SQLite::Statement>& slot,
                                       const char* sql) {
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(db, sql);
    }
    slot->tryReset();  // a previous use may have ended in an error; its code is stale now
    slot->clearBindings();
    return *slot;
}

void Store::Impl::begin() {
    // After some errors (disk full, I/O) SQLite rolls the whole transaction back by itself.
    // A savepoint opened then would silently start and commit a transaction of its own.
    if (depth > 0 && sqlite3_get_autocommit(db.getHandle()) != 0) {
        throw StoreError(fmt::format("database {}: the transaction was already rolled back "
                                     "after an earlier error", path.string()));
    }
    // IMMEDIATE takes the write lock now, waiting for it (Turns), rather than failing later
    // when a read transaction cannot be upgraded (SQLITE_BUSY_SNAPSHOT, which no wait cures).
    if (depth == 0) {
        turns.await_turn(db);
        const Turns::Acquiring acquiring(turns);
        db.exec("BEGIN IMMEDIATE");
    } else {
        run(savepoint_statement(savepoints, "SAVEPOINT", depth));
    }
    ++depth;
}

void Store::Impl::commit() {
    const int level = depth - 1;
    if (level == 0) db.exec("COMMIT");
    else run(savepoint_statement(releases, "RELEASE", level));
    --depth;
}

SQLite::Statement& Store::Impl::savepoint_statement(std::vector<std::unique_ptr<SQLite::Statement>>& by_level,
                                                    const char* verb, int level) {
    const auto at = static_cast<std::size_t>(level);
    if (by_level.size() <= at) by_level.resize(at + 1);
    if (!by_level[at]) by_level[at] = std::make_unique<SQLite::Statement>(db, fmt::format("{} tc_{}", verb, level));
    by_level[at]->tryReset();
    return *by_level[at];
}

void Store::Impl::rollback() noexcept {
    const int level = depth - 1;
    --depth;
    try {
        // ROLLBACK TO keeps the savepoint open; RELEASE removes it.
        db.exec(level == 0 ? std::string("ROLLBACK")
                           : fmt::format("ROLLBACK TO tc_{0}; RELEASE tc_{0}", level));
    } catch (...) {
        // SQLite already rolled back on its own after some errors (disk full, I/O); nothing
        // is left to undo, and a destructor must not throw.
    }
}

void Store::Impl::require_writable(std::string_view action) const {
    if (read_only) {
        throw StoreError(fmt::format("database {} is open read-only; cannot {}", path.string(),
                                     action));
    }
}

// ---- Store ------------------------------------------------------------------------------

bool use_one_connection_per_thread() {
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK &&
           sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

Store::Store(const std::filesystem::path& path, bool read_only, LockWait wait)
    : impl_(std::make_unique<Impl>(path, read_only, std::move(wait))) {}

Store::~Store() = default;

Store::Transaction::Transaction(Store& store) : store_(store) {
    Impl& impl = *store_.impl_;
    impl.require_writable("start a transaction");
    guarded(impl.path, "starting a transaction", [&] { impl.begin(); });
}

Store::Transaction::~Transaction() {
    if (!done_) store_.impl_->rollback();
}

void Store::Transaction::commit() {
    if (done_) return;
    Impl& impl = *store_.impl_;
    guarded(impl.path, "committing", [&] { impl.commit(); });
    done_ = true;
}

bool Store::writer_waiting() const { return impl_->turns.others_waiting(); }

bool Store::has_articles() const {
    return guarded(impl_->path, "reading it", [&] {
        return impl_->db.execAndGet("SELECT EXISTS (SELECT 1 FROM articles)").getInt() != 0;
    });
}

void Store::hold_snapshot(bool hold) {
    if (impl_->depth > 0) throw StoreError("hold_snapshot() inside a write transaction");
    if (hold == impl_->snapshot) return;
    guarded(impl_->path, hold ? "starting a read" : "ending a read", [&] {
        impl_->db.exec(hold ? "BEGIN" : "COMMIT");
        impl_->snapshot = hold;
    });
}

void Store::set_fingerprint(const std::string& id, const std::string& fingerprint) {
    impl_->require_writable("store articles");
    guarded(impl_->path, fmt::format("storing the fingerprint of article {}", id), [&] {
        SQLite::Statement& update = impl_->cached(impl_->update_fingerprint, sql_update_fingerprint);
        update.bindNoCopy(1, id);
        update.bindNoCopy(2, fingerprint);
        run(update);
    });
}

void Store::tune_for_bulk_writes() {
    impl_->require_writable("tune for writing");
    guarded(impl_->path, "setting it up for a bulk write", [&] {
        // Each put_article is a savepoint inside the batch's transaction. SQLite keeps a
        // savepoint's undo pages in a sub-journal that moves to a temporary file once it passes
        // 64 KiB, and stays there: 90,000 small file writes for the Reuters corpus. In memory
        // it holds the pages of one article at a time.
        impl_->db.exec("PRAGMA temp_store = MEMORY");
        // Room for a batch's index pages until its commit (16 MiB; the default is 2).
        impl_->db.exec("PRAGMA cache_size = -16384");
        // The claims table's CHECKs test four columns against IN lists, and SQLite builds a
        // temporary b-tree for each list on every row inserted: a third of the cost of storing
        // a claim. What this connection writes comes from bind_claim, whose enum names are the
        // lists' members (a test holds them to the CHECKs) and which checks the offsets itself.
        impl_->db.exec("PRAGMA ignore_check_constraints = ON");
    });
}

PutResult Store::put_article(const Article& article, const std::vector<Claim>& claims,
                             const std::string& rules_hash) {
    return put_article(article, claims, rules_hash, std::string());
}

PutResult Store::put_article(const Article& article, const std::vector<Claim>& claims,
                             const std::string& rules_hash, const std::string& metadata) {
    impl_->require_writable("store articles");
    try {
        Transaction transaction(*this);  // a savepoint when the caller has a transaction open
        const std::optional<std::string> stored = article_sha256(article.id);
        if (stored && *stored == article.sha256) {
            // Stored without its fingerprint (or with one from elsewhere): record it, so the
            // next re-ingest knows the record from its fingerprint alone.
            if (!article.fingerprint.empty() &&
                match_fingerprint(article.id, article.fingerprint) != FingerprintMatch::same)
                set_fingerprint(article.id, article.fingerprint);
            transaction.commit();
            return PutResult::unchanged;
        }
        SQLite::Statement& upsert = impl_->cached(impl_->upsert_article, sql_upsert_article);
        bind_article(upsert, article, metadata);
        run(upsert);
        // A new article has no claims to delete (claims cascade with their article).
        write_claims(article.id, claims, rules_hash, stored.has_value());
        transaction.commit();
        return stored ? PutResult::replaced : PutResult::inserted;
    } catch (const SQLite::Exception& e) {
        // Worded only on failure: a corpus ingest stores articles by the hundred thousand.
        throw store_error(impl_->path, fmt::format("storing article {}", article.id), e);
    }
}

PutResult Store::put_new_article(const Article& article, const std::vector<Claim>& claims,
                                 const std::string& rules_hash, const std::string& metadata) {
    impl_->require_writable("store articles");
    try {
        // One statement is atomic by itself: only an article with claims needs a savepoint,
        // and most articles of a corpus have none.
        std::optional<Transaction> transaction;
        if (!claims.empty()) transaction.emplace(*this);
        SQLite::Statement& insert = impl_->cached(impl_->insert_article, sql_insert_article);
        bind_article(insert, article, metadata);
        try {
            run(insert);
        } catch (const SQLite::Exception& e) {
            // Stored after all (another process, or the caller's guess was wrong): the failed
            // statement changed nothing, and put_article decides as usual.
            if (e.getExtendedErrorCode() != SQLITE_CONSTRAINT_PRIMARYKEY) throw;
            transaction.reset();
            return put_article(article, claims, rules_hash, metadata);
        }
        write_claims(article.id, claims, rules_hash, false);
        if (transaction) transaction->commit();
        return PutResult::inserted;
    } catch (const SQLite::Exception& e) {
        throw store_error(impl_->path, fmt::format("storing article {}", article.id), e);
    }
}

void Store::replace_claims(const std::string& article_id, const std::vector<Claim>& claims,
                           const std::string& rules_hash) {
    impl_->require_writable("store claims");
    const std::string action = fmt::format("storing the claims of article {}", article_id);
    guarded(impl_->path, action, [&] {
        Transaction transaction(*this);
        if (!article_sha256(article_id)) {
            throw StoreError(fmt::format("database {} has no article {}; cannot store its claims",
                                         impl_->path.string(), article_id));
        }
        write_claims(article_id, claims, rules_hash, true);
        transaction.commit();
    });
}

// Inside the caller's transaction: the article is known to be stored.
void Store::write_claims(const std::string& article_id, const std::vector<Claim>& claims,
                         const std::string& rules_hash, bool replace) {
    if (replace) {
        SQLite::Statement& remove = impl_->cached(impl_->delete_claims, sql_delete_claims);
        remove.bind(1, article_id);
        run(remove);
    }
    for (const Claim& claim : claims) {
        SQLite::Statement& insert = impl_->cached(impl_->insert_claim, sql_insert_claim);
        bind_claim(insert, article_id, claim, rules_hash);
        run(insert);
    }
}

namespace {

auto fields(const RuleRecord& r) { return std::tie(r.id, r.kind, r.file, r.line, r.hash); }

bool same_rules(SQLite::Database& db, std::vector<RuleRecord> rules) {
    std::sort(rules.begin(), rules.end(), [](const RuleRecord& a, const RuleRecord& b) { return a.id < b.id; });
    SQLite::Statement stored(db, "SELECT id, kind, file, line, hash FROM rules ORDER BY id");
    for (const RuleRecord& rule : rules) {
        if (!stored.executeStep()) return false;
        const RuleRecord row{stored.getColumn(0).getString(), stored.getColumn(1).getString(),
                             stored.getColumn(2).getString(), stored.getColumn(3).getInt(),
                             stored.getColumn(4).getString()};
        if (fields(row) != fields(rule)) return false;
    }
    return !stored.executeStep();
}

} // namespace

void Store::put_rules(const std::vector<RuleRecord>& rules) {
    impl_->require_writable("store rules");
    guarded(impl_->path, "storing the rules", [&] {
        // Most runs store the rules they found stored (a re-ingest with the same rules): then
        // nothing is written, and nothing needs syncing.
        if (same_rules(impl_->db, rules)) return;
        Transaction transaction(*this);
        impl_->db.exec("DELETE FROM rules");
        for (const RuleRecord& rule : rules) {
            SQLite::Statement& insert = impl_->cached(impl_->insert_rule, sql_insert_rule);
            insert.bind(1, rule.id);
            insert.bind(2, rule.kind);
            insert.bind(3, rule.file);
            insert.bind(4, rule.line);
            insert.bind(5, rule.hash);
            run(insert);
        }
        transaction.commit();
    });
}

} // namespace tradecheck::db
