// Turns: the busy handler of a Store's connection, and the writers' waiting room.
#include "turns.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

namespace tradecheck::db {
namespace {

using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

thread_local std::optional<milliseconds> given_up;

// Sleeps between tries: short at first, so a lock handed over is taken within milliseconds,
// then 20 ms, which a waiting process costs nothing noticeable.
milliseconds pause(int count) {
    constexpr std::array<int, 5> steps{1, 2, 5, 10, 20};
    return milliseconds(steps[std::min<std::size_t>(static_cast<std::size_t>(count), steps.size() - 1)]);
}

milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

// Changes whenever another connection commits to the database.
std::int64_t data_version(SQLite::Database& connection) {
    return connection.execAndGet("PRAGMA data_version").getInt64();
}

// How long a writer that wants the lock again lets a waiter have it: long enough for a waiter
// in its 20 ms sleep on a loaded machine, short enough that a waiter which is suspended (and so
// never takes the lock) costs little. Taking turns is a courtesy; the timeout is the limit.
constexpr milliseconds handover_limit = std::chrono::seconds(2);

} // namespace

Turns::Turns(std::filesystem::path database, bool writer, LockWait wait)
    : database_(std::move(database)), writer_(writer), wait_(std::move(wait)) {}

int Turns::room() const {
    // Without the room (a directory this process cannot write to, where it cannot write the
    // database either) writers still wait; they only no longer know of each other.
    if (writer_ && !room_tried_) {
        room_tried_ = true;
        room_ = ::open((database_.string() + "-writers").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    }
    return room_;
}

Turns::~Turns() {
    if (room_ >= 0) ::close(room_);   // releases the flock too
}

void Turns::install(SQLite::Database& connection) {
    sqlite3_busy_handler(connection.getHandle(), &Turns::on_busy, this);
}

int Turns::on_busy(void* self, int count) {
    return static_cast<Turns*>(self)->keep_waiting(count) ? 1 : 0;
}

bool Turns::keep_waiting(int count) {
    if (count == 0) {
        started_ = Clock::now();
        reported_ = false;
        next_report_ = wait_.report_after;
    }
    const milliseconds waited = since(started_);
    if (waited >= wait_.timeout) {
        given_up = waited;
        if (reported_) report(WaitEvent::Stage::gave_up, waited);
        reported_ = false;
        return false;
    }
    if (for_write_) enter_room();
    if (waited >= next_report_) {
        report(reported_ ? WaitEvent::Stage::waiting : WaitEvent::Stage::started, waited);
        reported_ = true;
        next_report_ = waited + wait_.report_every;
    }
    std::this_thread::sleep_for(std::min(pause(count), wait_.timeout - waited));
    return true;
}

void Turns::report(WaitEvent::Stage stage, milliseconds waited) const {
    if (!wait_.report) return;
    wait_.report(WaitEvent{stage, database_, for_write_, waited, wait_.timeout});
}

void Turns::enter_room() {
    // Non-blocking: a writer probing the room holds it exclusively for an instant; the next
    // try comes within 20 ms.
    if (!in_room_ && room() >= 0 && ::flock(room_, LOCK_SH | LOCK_NB) == 0) in_room_ = true;
}

void Turns::leave_room() {
    if (in_room_) ::flock(room_, LOCK_UN);
    in_room_ = false;
}

bool Turns::others_waiting() const {
    if (in_room_ || room() < 0) return false;
    if (::flock(room_, LOCK_EX | LOCK_NB) == 0) {
        ::flock(room_, LOCK_UN);
        return false;
    }
    return errno == EWOULDBLOCK;
}

void Turns::await_turn(SQLite::Database& connection) {
    const milliseconds limit = std::min(handover_limit, wait_.timeout);
    if (limit <= milliseconds(0) || !others_waiting()) return;
    const std::int64_t version = data_version(connection);
    const auto start = Clock::now();
    for (int count = 0; since(start) < limit; ++count) {
        std::this_thread::sleep_for(pause(count));
        // The waiter took the lock (and left the room), or some writer committed meanwhile.
        if (!others_waiting() || data_version(connection) != version) return;
    }
}

Turns::Acquiring::Acquiring(Turns& turns) : turns_(turns) { turns_.for_write_ = true; }

Turns::Acquiring::~Acquiring() {
    turns_.leave_room();
    if (turns_.reported_) turns_.report(WaitEvent::Stage::ended, since(turns_.started_));
    turns_.reported_ = false;
    turns_.for_write_ = false;
}

std::optional<milliseconds> take_given_up_wait() {
    return std::exchange(given_up, std::nullopt);
}

} // namespace tradecheck::db
