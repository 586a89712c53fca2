// tradecheck reference import|list: official figures that claims are checked against.
#include <iostream>

#include <fmt/core.h>

#include "busy_wait.hpp"
#include "commands.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/checks/reference.hpp"

namespace tradecheck::cli {

namespace {

int import(const std::string& db, const std::string& file, double busy_timeout) {
    // The whole file is read and checked first: a bad line stores nothing.
    const std::vector<Reference> refs = checks::read_references(file);
    db::Store store(database_path(db), false, lock_wait(busy_timeout));
    const std::size_t added = store.put_references(refs);
    fmt::print(stderr, "{}: {} reference figure{} ({} new, {} updated)\n", database_path(db), refs.size(),
               refs.size() == 1 ? "" : "s", added, refs.size() - added);
    return ok;
}

int list(const std::string& db) {
    db::Store store = open_existing(db);
    fmt::print("{:<60} {:>16} {:<8} {}\n", "key", "value", "unit", "source");
    for (const Reference& r : store.references())
        fmt::print("{:<60} {:>16g} {:<8} {}\n", r.key, r.value, r.unit, r.source);
    return ok;
}

} // namespace

void add_reference(CLI::App& app, int& status) {
    auto db = std::make_shared<std::string>();
    auto file = std::make_shared<std::string>();
    auto busy_timeout = std::make_shared<double>();
    CLI::App* cmd = app.add_subcommand("reference", "Official figures that claims are checked against");
    cmd->require_subcommand(1);
    cmd->footer("A reference CSV has a header with at least kind, value, unit and source, and optionally actor, "
                "partner, product, metric, basis, period (YYYY, YYYY-MM or 'by YYYY'), low, high and url. "
                "`tradecheck check` then reports every claim that contradicts a reference. See docs/checks.md.");

    CLI::App* imp = cmd->add_subcommand("import", "Load reference figures from a CSV file");
    add_db_option(*imp, *db);
    imp->add_option("file", *file, "The CSV file")->required()->check(CLI::ExistingFile);
    add_busy_timeout_option(*imp, *busy_timeout);
    imp->footer("Example:\n  tradecheck reference import official.csv");
    imp->callback([db, file, busy_timeout, &status] { status = import(*db, *file, *busy_timeout); });

    CLI::App* ls = cmd->add_subcommand("list", "List the stored reference figures");
    add_db_option(*ls, *db);
    ls->callback([db, &status] { status = list(*db); });
}

} // namespace tradecheck::cli
