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
    return db::Store(path, true, lock_wait(busy_timeout));
}

} // namespace tradecheck::cli
