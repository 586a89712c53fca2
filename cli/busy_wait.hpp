// --busy-timeout, and the waiting messages on stderr of every command that opens a database.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "tradecheck/db/lock_wait.hpp"

namespace tradecheck::cli {

// Seconds; the default is db::LockWait::default_timeout.
double default_busy_timeout();

// Adds --busy-timeout SECONDS to a subcommand that writes.
void add_busy_timeout_option(CLI::App& cmd, double& seconds);

// Waits up to `seconds` for another process's lock, saying on stderr when a wait passes a
// second, every 30 s after, and when it ends. `before_print` (when set) runs first: a progress
// line clears itself there.
db::LockWait lock_wait(double seconds, std::function<void()> before_print = {});

} // namespace tradecheck::cli
