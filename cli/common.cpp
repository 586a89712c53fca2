#include "common.hpp"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace tradecheck::cli {

std::string database_path(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("TRADECHECK_DB"); env && *env) return env;
    return "tradecheck.db";
}

void add_db_option(CLI::App& cmd, std::string& db) {
    cmd.add_option("--db", db, "SQLite database file (default: $TRADECHECK_DB, else ./tradecheck.db)");
}

void add_rules_option(CLI::App& cmd, std::vector<std::string>& dirs) {
    cmd.add_option("--rules", dirs,
                   "Extra rules directory (repeatable); its *.rules, kinds.tsv and names/*.tsv are added to the "
                   "defaults, and a rule with a default rule's id replaces it. $TRADECHECK_RULES adds more "
                   "(colon-separated)")
        ->type_name("DIR")
        ->allow_extra_args(false);   // one directory per --rules: paths after it stay paths
}

std::string default_rules_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "tradecheck" / "rules";
        if (fs::is_directory(installed, ec)) return installed.string();
    }
    return TRADECHECK_SOURCE_RULES;
}

std::string default_rates_file() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "tradecheck" / "data" / "rates.csv";
        if (fs::is_regular_file(installed, ec)) return installed.string();
    }
    return TRADECHECK_SOURCE_DATA "/rates.csv";
}

RuleSet load_rule_set(const std::vector<std::string>& extra_dirs) {
    return load_rules(rule_directories(default_rules_dir(), extra_dirs));
}

bool stdout_is_terminal() { return isatty(STDOUT_FILENO) != 0; }
bool stderr_is_terminal() { return isatty(STDERR_FILENO) != 0; }

} // namespace tradecheck::cli
