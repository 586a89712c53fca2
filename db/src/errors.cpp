// Turns SQLite's error codes into messages a user can act on, always naming the file.
#include <string>

#include <sqlite3.h>

#include <fmt/format.h>

#include "impl.hpp"

namespace tradecheck::db {

StoreError store_error(const std::filesystem::path& path, std::string_view action,
                       const SQLite::Exception& error) {
    const std::string file = path.string();
    // The primary code is the low byte of an extended code (SQLITE_BUSY_SNAPSHOT -> SQLITE_BUSY).
    switch (error.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
        const auto waited = take_given_up_wait();
        const std::string how_long =
            waited ? fmt::format(" (waited {:.1f} s, the busy timeout)", static_cast<double>(waited->count()) / 1000) : "";
        return StoreError(fmt::format(
            "database {} is locked by another process{} while {}; the unfinished transaction was rolled back: try "
            "again later (a re-run continues where this one stopped) or wait longer (--busy-timeout)",
            file, how_long, action));
    }
    case SQLITE_READONLY:
        return StoreError(fmt::format(
            "database {} is read-only while {}: check the permissions of the file and its "
            "directory ({})", file, action, error.what()));
    case SQLITE_NOTADB:
        return StoreError(fmt::format("{} is not a SQLite database ({})", file, error.what()));
    case SQLITE_CORRUPT:
        return StoreError(fmt::format("database {} is corrupt ({})", file, error.what()));
    case SQLITE_CANTOPEN:
        return StoreError(fmt::format(
            "cannot open database {}: check that its directory exists and is writable ({})",
            file, error.what()));
    default:
        return StoreError(fmt::format("database {}: {} failed: {}", file, action, error.what()));
    }
}

} // namespace tradecheck::db
