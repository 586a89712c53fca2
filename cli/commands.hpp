// Each subcommand lives in its own cmd_*.cpp and registers itself on the app here.
// A command's callback stores its exit status in `status`; errors go to stderr, results to stdout.
#pragma once

#include <CLI/CLI.hpp>

namespace tradecheck::cli {

// Exit statuses, documented in the README.
enum Status : int {
    ok = 0,
    failure = 1,        // nothing useful done: bad database, broken rule file, unreadable input
    usage = 2,          // bad command line (CLI11's own)
    conflicts = 3,      // `check --fail-on conflict` found a conflict
    partial = 4,        // some inputs were skipped; the rest was processed
};

void add_ingest(CLI::App& app, int& status);
void add_claims(CLI::App& app, int& status);
void add_check(CLI::App& app, int& status);
void add_rules(CLI::App& app, int& status);
void add_quantities(CLI::App& app, int& status);
void add_reference(CLI::App& app, int& status);
void add_extract(CLI::App& app, int& status);
void add_merge(CLI::App& app, int& status);
void add_timeline(CLI::App& app, int& status);

} // namespace tradecheck::cli
