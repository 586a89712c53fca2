// What several subcommands share: where the database and the rules are, terminal checks.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "tradecheck/parser/rules.hpp"

namespace tradecheck::cli {

// --db, else $TRADECHECK_DB, else tradecheck.db in the current directory.
std::string database_path(const std::string& flag);

// Adds --db to a subcommand.
void add_db_option(CLI::App& cmd, std::string& db);

// Adds --rules DIR (repeatable) to a subcommand.
void add_rules_option(CLI::App& cmd, std::vector<std::string>& dirs);

// The default rules directory: share/tradecheck/rules beside the installed program, else the
// source tree's rules/ this program was built from.
std::string default_rules_dir();

// data/rates.csv beside the installed program, else in the source tree.
std::string default_rates_file();

// Loads default + $TRADECHECK_RULES + --rules directories. Throws RuleError/runtime_error.
RuleSet load_rule_set(const std::vector<std::string>& extra_dirs);

bool stdout_is_terminal();
bool stderr_is_terminal();

} // namespace tradecheck::cli
