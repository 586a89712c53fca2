// Private to db/: how a Store's connection waits for a lock, and how writers take turns.
//
// SQLite has no queue for its write lock. A writer that cannot have it calls the busy handler,
// which sleeps and tries again; a writer that commits and begins again at once gets the lock
// back before any sleeper wakes, so two ingests used to run one after the other at best, and
// the second gave up after the old 5 s busy timeout (issue 17). Here a waiting writer sits in a
// waiting room, a shared flock on the file DB-writers beside the database; a writer about to
// begin a transaction that finds the room occupied first lets a waiter have the lock.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>

#include <SQLiteCpp/SQLiteCpp.h>

#include "tradecheck/db/lock_wait.hpp"

namespace tradecheck::db {

class Turns {
public:
    Turns(std::filesystem::path database, bool writer, LockWait wait);
    ~Turns();
    Turns(const Turns&) = delete;
    Turns& operator=(const Turns&) = delete;

    // Makes this object the busy handler of `connection` (in place of a busy timeout).
    void install(SQLite::Database& connection);

    // While one lives, a wait is one for the write lock: it sits in the waiting room and is
    // reported as a wait for another writer. Its end is reported when it was reported at all.
    class Acquiring {
    public:
        explicit Acquiring(Turns& turns);
        ~Acquiring();
        Acquiring(const Acquiring&) = delete;
        Acquiring& operator=(const Acquiring&) = delete;
    private:
        Turns& turns_;
    };

    // Before BEGIN IMMEDIATE: while other writers wait, gives one of them the time to take the
    // lock (until the room empties or another connection commits), at most a couple of seconds
    // and never longer than the timeout.
    void await_turn(SQLite::Database& connection);

    // Whether another writer is waiting for the lock (a transaction open here should end soon).
    bool others_waiting() const;

    std::chrono::milliseconds timeout() const { return wait_.timeout; }

private:
    static int on_busy(void* self, int count);
    bool keep_waiting(int count);
    void report(WaitEvent::Stage stage, std::chrono::milliseconds waited) const;
    void enter_room();
    void leave_room();
    int room() const;

    std::filesystem::path database_;
    bool writer_;
    LockWait wait_;
    // DB-writers, opened at the first write (never before the database itself was opened: the
    // path may be a directory or a typo); -1 for readers and when it cannot be opened.
    mutable int room_ = -1;
    mutable bool room_tried_ = false;
    bool in_room_ = false;
    bool for_write_ = false;      // inside an Acquiring
    bool reported_ = false;       // this wait's start was reported
    std::chrono::steady_clock::time_point started_{};
    std::chrono::milliseconds next_report_{};
};

// How long the last wait of this thread lasted before it gave up, once: for the error message
// of the SQLITE_BUSY that follows. Empty when SQLite failed without waiting.
std::optional<std::chrono::milliseconds> take_given_up_wait();

} // namespace tradecheck::db
