// How a Store waits when another process holds the lock it needs (docs/reliability.md).
//
// SQLite lets one writer at a time into a database; a second one gets SQLITE_BUSY. A Store
// waits for its turn instead, up to `timeout`, and tells `report` about a wait that lasts, so a
// program can say on stderr why it is not moving. Writers also take turns (Store::Transaction):
// one that commits while another waits lets that one go first.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>

namespace tradecheck::db {

// One moment of a wait, as LockWait::report hears of it.
struct WaitEvent {
    enum class Stage {
        started,   // waiting for `report_after` already; more may follow
        waiting,   // still waiting (every `report_every`)
        ended,     // got the lock after `waited` (only after `started` was reported)
        gave_up,   // `limit` ran out (only after `started`): the call fails with StoreError
    };
    Stage stage = Stage::started;
    std::filesystem::path database;
    bool for_write = true;               // for the write lock (another writer has it), else for a read
    std::chrono::milliseconds waited{};  // so far
    std::chrono::milliseconds limit{};   // the timeout
};

struct LockWait {
    // Long enough for any other writer's bounded transactions to make way (they take turns),
    // short enough that a stuck process (a suspended ingest, an open `sqlite3` shell inside
    // BEGIN) is reported as an error within minutes.
    static constexpr std::chrono::milliseconds default_timeout = std::chrono::minutes(5);

    std::chrono::milliseconds timeout = default_timeout;   // 0: fail at once
    // Called on the waiting thread; empty for a silent wait.
    std::function<void(const WaitEvent&)> report;
    std::chrono::milliseconds report_after = std::chrono::seconds(1);   // shorter waits are not reported
    std::chrono::milliseconds report_every = std::chrono::seconds(30);
};

} // namespace tradecheck::db
