// Many small writes (an ingest's articles, a re-extraction's claims) in bounded transactions.
//
// One transaction per write would sync and lock far too often; one for the whole run would
// hold the write lock for minutes and starve every other writer (issue 17). A batch ends after
// `items` writes or `max_age`, and sooner, once it is `yield_after` old, when another writer
// waits: then Store::Transaction lets that writer go first.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>

#include "tradecheck/db/store.hpp"

namespace tradecheck::db {

class BatchedWrites {
public:
    struct Limits {
        std::size_t items = 500;
        std::chrono::milliseconds max_age = std::chrono::seconds(1);
        std::chrono::milliseconds yield_after = std::chrono::milliseconds(100);
    };

    BatchedWrites(Store& store, Limits limits);
    // Destroyed with a transaction open (an exception): it rolls back, losing only that batch.
    ~BatchedWrites() = default;
    BatchedWrites(const BatchedWrites&) = delete;
    BatchedWrites& operator=(const BatchedWrites&) = delete;

    // Before an item's writes: a transaction is open afterwards (waiting for the lock if needed).
    void before_write();
    // After them: counts `items` and commits when a limit is reached.
    void after_write(std::size_t items = 1);
    // Nothing to write for now (waiting for input): commits when another writer waits or the
    // batch is old, so the lock is not held idle.
    void idle();
    // Commits the open transaction, if any.
    void commit();

private:
    bool due(bool idle) const;

    Store& store_;
    Limits limits_;
    std::optional<Store::Transaction> transaction_;
    std::size_t items_ = 0;
    std::chrono::steady_clock::time_point opened_{};
};

} // namespace tradecheck::db
