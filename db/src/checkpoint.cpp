// Store::BackgroundCheckpoints: WAL checkpoints on a thread of their own during a bulk write.
//
// SQLite's default is that the commit which finds the WAL past 1,000 pages copies them into the
// database file and syncs both, before the writer may go on: a sixth of a fresh ingest's writer
// thread (perf, Reuters corpus). Here the writer's commits mostly only append; this thread
// checkpoints with PASSIVE, which never blocks them. A WAL hook (which replaces the automatic
// checkpoint) tells it how far the WAL has grown after each commit.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include <sqlite3.h>

#include "impl.hpp"

namespace tradecheck::db {

namespace {

constexpr int checkpoint_after = 1000;   // pages, SQLite's own default
// SQLite writes the WAL from its start again only when a write transaction begins with every
// page of it copied, which a writer that never waits would never see: at this size the commit
// copies the last pages itself (the thread has copied the rest), and the WAL starts over.
constexpr int start_over_at = 4 * checkpoint_after;

} // namespace

struct Store::BackgroundCheckpoints::State {
    explicit State(std::filesystem::path p) : path(std::move(p)) {}

    std::filesystem::path path;
    std::optional<SQLite::Database> db;   // this thread's own, opened at its first checkpoint
    std::mutex mutex;
    std::condition_variable wake, idle;
    bool due = false;
    bool busy = false;
    bool failed = false;   // no connection of its own: the commits checkpoint, as by default
    bool stop = false;
    std::thread thread;

    void run() {
        std::unique_lock lock(mutex);
        for (;;) {
            wake.wait(lock, [&] { return due || stop; });
            if (stop) return;
            due = false;
            busy = true;
            lock.unlock();
            const bool ok = checkpoint();
            lock.lock();
            busy = false;
            failed = !ok;
            idle.notify_all();
            if (failed) return;
        }
    }

    // Opened here rather than up front: a run that writes little (a re-ingest) never needs it.
    bool checkpoint() {
        try {
            if (!db) {
                db.emplace(path.string(), SQLite::OPEN_READWRITE);
                // A connection learns that the file is in WAL mode on its first read; until
                // then a checkpoint through it does nothing.
                if (db->execAndGet("PRAGMA journal_mode").getString() != "wal") return false;
            }
        } catch (const SQLite::Exception&) {
            return false;
        }
        // A failed checkpoint loses nothing: the pages stay in the WAL for the next one, or for
        // the one SQLite makes when the last connection closes.
        sqlite3_wal_checkpoint_v2(db->getHandle(), "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        return true;
    }

    // The WAL hook: runs on the writer's thread after each commit, with the WAL's size in pages.
    static int committed(void* context, sqlite3* writer, const char* schema, int pages) {
        auto* self = static_cast<State*>(context);
        if (pages < checkpoint_after) return SQLITE_OK;
        std::unique_lock lock(self->mutex);
        if (pages >= start_over_at || self->failed) {
            // Only one checkpoint runs at a time: wait for the thread's, then copy what it left.
            self->idle.wait(lock, [&] { return !self->busy; });
            self->due = false;
            lock.unlock();
            sqlite3_wal_checkpoint_v2(writer, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
            return SQLITE_OK;
        }
        self->due = true;
        lock.unlock();
        self->wake.notify_one();
        return SQLITE_OK;
    }
};

Store::BackgroundCheckpoints::BackgroundCheckpoints(Store& store) : store_(store) {
    Impl& impl = *store.impl_;
    impl.require_writable("checkpoint it");
    const bool wal = guarded(impl.path, "reading its journal mode", [&] {
        return impl.db.execAndGet("PRAGMA journal_mode").getString() == "wal";
    });
    if (!wal) return;   // a rollback journal: nothing to checkpoint
    state_ = std::make_unique<State>(impl.path);
    state_->thread = std::thread([state = state_.get()] { state->run(); });
    sqlite3_wal_hook(impl.db.getHandle(), &State::committed, state_.get());
}

Store::BackgroundCheckpoints::~BackgroundCheckpoints() {
    if (!state_) return;
    // Back to SQLite's automatic checkpoints (this replaces the hook) before the thread goes.
    sqlite3_wal_autocheckpoint(store_.impl_->db.getHandle(), checkpoint_after);
    {
        std::lock_guard lock(state_->mutex);
        state_->stop = true;
    }
    state_->wake.notify_one();
    state_->thread.join();
}

} // namespace tradecheck::db
