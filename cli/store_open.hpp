// Opening a database that must already exist (the reading commands).
#pragma once

#include <filesystem>
#include <string>

#include <fmt/core.h>

#include "busy_wait.hpp"
#include "common.hpp"
#include "tradecheck/db/store.hpp"

namespace tradecheck::cli {

// Reading commands never create a database: a typo in --db should say so, not make an empty file.
// A reader never waits for a writer (WAL); it may wait briefly for a process that recovers the
// database after a crash, up to `busy_timeout` seconds.
inline db::Store open_existing(const std::string& flag, double busy_timeout = default_busy_timeout()) {
    const std::string path = database_path(flag);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw db::StoreError(fmt::format("no database at '{}'; run 'tradecheck ingest' first or pass --db", path));
    try {
        return db::Store(path, true, lock_wait(busy_timeout));
    } catch (const db::OlderSchemaError& older) {
        // A file from an older tradecheck: upgrade it (a writer's short transaction, waiting its
        // turn), then read it. Without write access, say why it could not be upgraded.
        try {
            db::Store upgrade(path, false, lock_wait(busy_timeout));
        } catch (const std::exception& e) {
            throw db::StoreError(fmt::format("{}; upgrading it failed: {}", older.what(), e.what()));
        }
        fmt::print(stderr, "tradecheck: upgraded {} to schema version {}\n", path, db::Store::schema_version);
        return db::Store(path, true, lock_wait(busy_timeout));
    }
}

} // namespace tradecheck::cli
