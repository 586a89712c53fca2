#include "busy_wait.hpp"

#include <chrono>
#include <cmath>
#include <utility>

#include <fmt/core.h>

namespace tradecheck::cli {

namespace {

double seconds_of(std::chrono::milliseconds ms) { return static_cast<double>(ms.count()) / 1000.0; }

void print(const db::WaitEvent& e) {
    using Stage = db::WaitEvent::Stage;
    const std::string db = e.database.string();
    const char* what = e.for_write ? "another writer to finish its transaction"
                                   : "another process (recovering or checkpointing it) before reading";
    switch (e.stage) {
    case Stage::started:
        fmt::print(stderr, "tradecheck: {}: waiting for {} (up to {:g} s, --busy-timeout)\n", db, what,
                   seconds_of(e.limit));
        break;
    case Stage::waiting:
        fmt::print(stderr, "tradecheck: {}: still waiting for {} ({:.0f} s of {:g} s)\n", db, what,
                   seconds_of(e.waited), seconds_of(e.limit));
        break;
    case Stage::ended:
        fmt::print(stderr, "tradecheck: {}: waited {:.1f} s for {}; going on\n", db, seconds_of(e.waited),
                   e.for_write ? "another writer" : "another process");
        break;
    case Stage::gave_up:
        // The StoreError that follows says so, with what was being done.
        break;
    }
}

} // namespace

double default_busy_timeout() { return seconds_of(db::LockWait::default_timeout); }

void add_busy_timeout_option(CLI::App& cmd, double& seconds) {
    seconds = default_busy_timeout();
    cmd.add_option("--busy-timeout", seconds,
                   "Seconds to wait for another process's lock on the database before giving up (0: fail at once)")
        ->check(CLI::NonNegativeNumber)
        ->type_name("SECONDS")
        ->capture_default_str();
}

db::LockWait lock_wait(double seconds, std::function<void()> before_print) {
    db::LockWait wait;
    wait.timeout = std::chrono::milliseconds(std::llround(seconds * 1000.0));
    wait.report = [before = std::move(before_print)](const db::WaitEvent& e) {
        if (e.stage == db::WaitEvent::Stage::gave_up) return;
        if (before) before();
        print(e);
    };
    return wait;
}

} // namespace tradecheck::cli
