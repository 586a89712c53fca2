// Private to db/: the state behind Store, and the helpers its .cpp files share.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>
#include <string>
#include <string_view>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tradecheck/db/store.hpp"
#include "turns.hpp"

namespace tradecheck::db {

// A StoreError for a failed SQLite call, worded for the user and naming the database.
StoreError store_error(const std::filesystem::path& path, std::string_view action,
                       const SQLite::Exception& error);

// Runs `body`, turning any SQLite::Exception into a StoreError: SQLite's exceptions never
// leave the db layer.
template <class Body>
decltype(auto) guarded(const std::filesystem::path& path, std::string_view action, Body&& body) {
    try {
        return std::forward<Body>(body)();
    } catch (const SQLite::Exception& error) {
        throw store_error(path, action, error);
    }
}

// Opens (creating when writable) the database at `path`, makes `turns` its busy handler, sets
// the connection pragmas and brings its schema to Store::schema_version. Throws StoreError.
SQLite::Database open_database(const std::filesystem::path& path, bool read_only, Turns& turns);

// Whether the database has an index of that name (older files may lack articles_identity until
// they are opened for writing).
bool has_index(SQLite::Database& db, const char* name);

// Resets a cached statement when it goes out of scope, so no statement is left mid-step
// holding a read snapshot or a stale error.
class ResetGuard {
public:
    explicit ResetGuard(SQLite::Statement& statement) : statement_(statement) {}
    ~ResetGuard() { statement_.tryReset(); }
    ResetGuard(const ResetGuard&) = delete;
    ResetGuard& operator=(const ResetGuard&) = delete;
private:
    SQLite::Statement& statement_;
};

struct Store::Impl {
    Impl(const std::filesystem::path& p, bool ro, LockWait wait)
        : path(p), read_only(ro), turns(p, !ro, std::move(wait)), db(open_database(p, ro, turns)) {}

    std::filesystem::path path;
    bool read_only;
    Turns turns;          // the connection's busy handler: declared before it, closed after it
    SQLite::Database db;  // declared before the statements: they must be finalized first
    int depth = 0;        // open Store::Transactions; above 1 they are savepoints
    bool snapshot = false;  // a read transaction from hold_snapshot(true) is open

    // Prepared once, reused for every call (a corpus ingest inserts many thousands of claims).
    std::unique_ptr<SQLite::Statement> select_identity;
    std::unique_ptr<SQLite::Statement> update_fingerprint;
    std::unique_ptr<SQLite::Statement> upsert_article;
    std::unique_ptr<SQLite::Statement> insert_article;
    std::unique_ptr<SQLite::Statement> delete_claims;
    std::unique_ptr<SQLite::Statement> insert_claim;
    std::unique_ptr<SQLite::Statement> insert_rule;
    std::unique_ptr<SQLite::Statement> select_claims;
    std::unique_ptr<SQLite::Statement> select_timeline;
    std::unique_ptr<SQLite::Statement> select_articles;
    // SAVEPOINT / RELEASE tc_N by nesting depth N: one put_article each, so not re-parsed.
    std::vector<std::unique_ptr<SQLite::Statement>> savepoints, releases;

    // SELECT sha256, fingerprint FROM articles WHERE id = ?1, through the covering index when
    // there is one (a file no writer has opened since may lack it, and the column).
    SQLite::Statement& identity_lookup();

    // The statement in `slot`, prepared on first use, reset and with no bindings.
    SQLite::Statement& cached(std::unique_ptr<SQLite::Statement>& slot, const char* sql);

    SQLite::Statement& savepoint_statement(std::vector<std::unique_ptr<SQLite::Statement>>& by_level,
                                           const char* verb, int level);
    void begin();               // BEGIN IMMEDIATE, or a SAVEPOINT when nested
    void commit();              // COMMIT, or RELEASE of the innermost savepoint
    void rollback() noexcept;   // ROLLBACK, or ROLLBACK TO the innermost savepoint
    void require_writable(std::string_view action) const;
};

} // namespace tradecheck::db
