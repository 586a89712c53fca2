// Opening a database and bringing its schema up to date.
//
// The schema version lives in PRAGMA user_version. Version 0 with no tables is a fresh file:
// db/schema.sql (the newest schema) is run as a whole. An older version runs the upgrade steps
// from its version on. All of it happens in one IMMEDIATE transaction, so a failed migration
// leaves the file as it was, and two processes opening a fresh file do not both create it.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "impl.hpp"
#include "tradecheck/db/schema_sql.hpp"

namespace tradecheck::db {
namespace {

// One step from version `from` to `from + 1`; schema.sql is always the newest schema, and each
// step here takes an older file to the next one.
struct Upgrade {
    int from;
    const char* sql;
    std::array<const char*, 2> views;   // views to create as schema.sql defines them, after `sql`
    std::array<const char*, 4> tables{};  // tables to create as schema.sql defines them, first
};
constexpr std::array<Upgrade, 4> upgrades{{
    // 1 -> 2: claims carry their frame's role, status and measured phrase, and claim_view
    // shows them.
    {1,
     "ALTER TABLE claims ADD COLUMN role TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE claims ADD COLUMN status TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE claims ADD COLUMN measure TEXT NOT NULL DEFAULT '';"
     "DROP VIEW IF EXISTS claim_view;",
     {"claim_view", nullptr}},
    // 2 -> 3: claims carry when they hold (valid_from, valid_to, time_source) and the change
    // they are a side of (transition); timeline_view lists each fact's values over time.
    {2,
     "ALTER TABLE claims ADD COLUMN valid_from TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE claims ADD COLUMN valid_to TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE claims ADD COLUMN time_source TEXT NOT NULL DEFAULT '';"
     "ALTER TABLE claims ADD COLUMN transition INTEGER NOT NULL DEFAULT 0;"
     "DROP VIEW IF EXISTS claim_view;",
     {"claim_view", "timeline_view"}},
    // 3 -> 4: what `check --save` decided (check_runs, verdicts, verdict_claims, verdict_copies)
    // and the views that show it.
    {3, "", {"verdict_view", "verdict_claim_view"}, {"check_runs", "verdicts", "verdict_claims", "verdict_copies"}},
    // 4 -> 5: a claim's fact key holds the kind it is compared under (checks::compared_kind): a
    // trade value whose metric is a balance is a balance, so a "trade gap" typed as a trade value
    // meets the deficit another story states. The metrics are those of compared_kind().
    {4,
     "UPDATE claims SET key = 'trade_balance' || substr(key, 12) WHERE substr(key, 1, 12) = 'trade_value|'"
     " AND metric IN ('trade_deficit', 'trade_surplus', 'trade_balance', 'current_account');"
     // Official figures are keyed like claims. OR IGNORE: a file holding a figure under both
     // kinds keeps the second row's old key rather than failing the upgrade.
     "UPDATE OR IGNORE reference SET key = 'trade_balance' || substr(key, 12) WHERE substr(key, 1, 12) = 'trade_value|'"
     " AND metric IN ('trade_deficit', 'trade_surplus', 'trade_balance', 'current_account');",
     {nullptr, nullptr}},
}};

// The statement of schema.sql that creates view `name`, so an upgrade makes the view exactly as
// a new file has it. (Views in schema.sql end at the first ';', which none of them quotes.)
std::string view_sql(std::string_view name, std::string_view what = "VIEW", std::string_view after = " AS") {
    const std::string_view schema(schema_sql);
    const std::string head = "CREATE " + std::string(what) + " " + std::string(name) + std::string(after);
    const auto begin = schema.find(head);
    const auto end = begin == std::string_view::npos ? begin : schema.find(';', begin);
    if (end == std::string_view::npos)
        throw StoreError(fmt::format("schema.sql has no {} {} to upgrade to", what, name));
    return std::string(schema.substr(begin, end + 1 - begin));
}

int user_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

bool has_tables(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
               .getInt() > 0;
}

void refuse_newer(const std::filesystem::path& path, int version) {
    if (version > Store::schema_version) {
        throw StoreError(fmt::format(
            "database {} has schema version {}, newer than this tradecheck ({}); "
            "upgrade tradecheck", path.string(), version, Store::schema_version));
    }
}

// Runs the steps that take `version` to Store::schema_version.
void upgrade(SQLite::Database& db, const std::filesystem::path& path, int version) {
    for (int v = version; v < Store::schema_version; ++v) {
        const Upgrade* step = nullptr;
        for (const Upgrade& u : upgrades) {
            if (u.from == v) step = &u;
        }
        if (step == nullptr) {
            throw StoreError(fmt::format("database {} has schema version {}, which this "
                                         "tradecheck cannot upgrade", path.string(), v));
        }
        for (const char* table : step->tables)
            if (table) db.exec(view_sql(table, "TABLE", " ("));
        if (*step->sql) db.exec(step->sql);
        for (const char* view : step->views)
            if (view) db.exec(view_sql(view));
    }
}

// Another program's SQLite file: tables, but no schema version of ours.
void refuse_foreign(SQLite::Database& db, const std::filesystem::path& path, int version) {
    if (version == 0 && has_tables(db)) {
        throw StoreError(fmt::format("{} is a SQLite database but not a tradecheck one "
                                     "(it has tables and no schema version); refusing to "
                                     "change it", path.string()));
    }
}

// Brings the schema to the current version inside one transaction.
void migrate(SQLite::Database& db, const std::filesystem::path& path) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again under the write lock: another process may have migrated meanwhile.
    const int version = user_version(db);
    refuse_newer(path, version);
    if (version == Store::schema_version) return;  // rolls back an empty transaction
    if (version == 0) {
        refuse_foreign(db, path, version);
        db.exec(schema_sql);
    } else {
        upgrade(db, path, version);
    }
    // user_version is in the file header, so this is part of the transaction. The value is
    // our own constant, never outside text.
    db.exec(fmt::format("PRAGMA user_version = {}", Store::schema_version));
    transaction.commit();
}

// Columns added without a version step because they are backward compatible: a program that
// does not know them neither reads them nor needs to write them (they have defaults). Files
// made before a column existed get it here, the first time they are opened for writing.
struct AddedColumn {
    const char* table;
    const char* column;
    const char* sql;
};
constexpr std::array<AddedColumn, 2> added_columns{{
    {"articles", "metadata", "ALTER TABLE articles ADD COLUMN metadata TEXT NOT NULL DEFAULT ''"},
    {"articles", "fingerprint", "ALTER TABLE articles ADD COLUMN fingerprint TEXT"},
}};

// Indexes added the same way.
struct AddedIndex {
    const char* name;
    const char* sql;
};
constexpr std::array<AddedIndex, 1> added_indexes{{
    {"articles_identity", "CREATE INDEX IF NOT EXISTS articles_identity ON articles(id, fingerprint, sha256)"},
}};

bool has_column(SQLite::Database& db, const char* table, const char* column) {
    SQLite::Statement s(db, "SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
    s.bind(1, table);
    s.bind(2, column);
    return s.executeStep() && s.getColumn(0).getInt() > 0;
}

} // namespace

bool has_index(SQLite::Database& db, const char* name) {
    SQLite::Statement s(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?1");
    s.bind(1, name);
    return s.executeStep() && s.getColumn(0).getInt() > 0;
}

namespace {

void add_missing_columns_and_indexes(SQLite::Database& db) {
    for (const AddedColumn& c : added_columns) {
        if (has_column(db, c.table, c.column)) continue;
        SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (!has_column(db, c.table, c.column)) db.exec(c.sql);  // another process may have
        transaction.commit();
    }
    for (const AddedIndex& index : added_indexes) {
        if (!has_index(db, index.name)) db.exec(index.sql);
    }
    // articles_identity answers all that articles_digest (id, sha256) did, and every index
    // costs each article stored.
    if (has_index(db, "articles_digest")) db.exec("DROP INDEX articles_digest");
}

// A read-only connection cannot migrate: the file must already be current.
void check_read_only(SQLite::Database& db, const std::filesystem::path& path) {
    const int version = user_version(db);
    refuse_newer(path, version);
    if (version == 0) {
        throw StoreError(fmt::format("{} is not a tradecheck database yet (no schema); "
                                     "ingest articles into it first", path.string()));
    }
    if (version < Store::schema_version) {
        throw OlderSchemaError(fmt::format("database {} has the older schema version {}; open it once "
                                     "with write access to upgrade it", path.string(), version));
    }
}

SQLite::Database connect(const std::filesystem::path& path, bool read_only, Turns& turns) {
    const int flags = read_only ? SQLite::OPEN_READONLY
                                : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    SQLite::Database db(path, flags);
    turns.install(db);
    // Per connection, and a no-op inside a transaction: set before anything else.
    db.exec("PRAGMA foreign_keys = ON");
    // Refuse a newer file before touching it, even its journal mode. This first read is also
    // where SQLite notices a file that is not a database.
    // The version and the tables are read in one read transaction: read apart, another
    // process's migration could commit between them, and its new schema would look like
    // another program's tables without a version (a race four ingests into a new file hit).
    {
        SQLite::Transaction snapshot(db, SQLite::TransactionBehavior::DEFERRED);
        const int version = user_version(db);
        refuse_newer(path, version);
        // ...and another program's database before its journal mode is changed.
        if (!read_only) refuse_foreign(db, path, version);
    }   // rolls back the read transaction: nothing was written
    if (!read_only) {
        // WAL lets `sqlite3` readers query while tradecheck writes. The mode is stored in the
        // file, so a read-only connection leaves it alone.
        db.exec("PRAGMA journal_mode = WAL");
        // In WAL mode NORMAL syncs at checkpoints rather than at every commit: a power cut
        // can lose the last transactions but never corrupts the file, and a corpus ingest
        // committing a batch every few hundred articles does not wait on the disk each time.
        db.exec("PRAGMA synchronous = NORMAL");
    }
    return db;
}

} // namespace

SQLite::Database open_database(const std::filesystem::path& path, bool read_only, Turns& turns) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw StoreError(fmt::format("{} is a directory, not a database file", path.string()));
    }
    if (read_only && !std::filesystem::exists(path, ec)) {
        // SQLite would only say "unable to open"; a reader cannot create the file.
        throw StoreError(fmt::format("database {} does not exist", path.string()));
    }
    return guarded(path, "opening it", [&] {
        // A writer's first use may create or upgrade the schema: a wait is one for the write lock.
        std::optional<Turns::Acquiring> acquiring;
        if (!read_only) acquiring.emplace(turns);
        SQLite::Database db = connect(path, read_only, turns);
        if (read_only) {
            check_read_only(db, path);
        } else if (user_version(db) != Store::schema_version) {
            migrate(db, path);
        }
        if (!read_only) add_missing_columns_and_indexes(db);
        return db;
    });
}

} // namespace tradecheck::db
