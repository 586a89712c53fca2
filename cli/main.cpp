#include <exception>

#include <fmt/core.h>

#include "commands.hpp"
#include "tradecheck/db/store.hpp"

int main(int argc, char** argv) {
    // Every command opens a Store per thread (ingest: one writer, one reader per worker), so
    // SQLite need not lock each call; when it cannot be set, the default is merely slower.
    (void)tradecheck::db::use_one_connection_per_thread();
    CLI::App app{"tradecheck: extract numeric trade claims from news articles, store them in "
                 "SQLite, and report where articles agree or disagree."};
    app.set_version_flag("--version", "tradecheck 0.1.0");
    app.require_subcommand(1);

    int status = tradecheck::cli::ok;
    tradecheck::cli::add_ingest(app, status);
    tradecheck::cli::add_claims(app, status);
    tradecheck::cli::add_check(app, status);
    tradecheck::cli::add_timeline(app, status);
    tradecheck::cli::add_rules(app, status);
    tradecheck::cli::add_quantities(app, status);
    tradecheck::cli::add_reference(app, status);
    tradecheck::cli::add_extract(app, status);
    tradecheck::cli::add_merge(app, status);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version exit 0; every other command-line mistake is a usage error.
        return app.exit(e) == 0 ? tradecheck::cli::ok : tradecheck::cli::usage;
    } catch (const std::exception& e) {
        fmt::print(stderr, "tradecheck: error: {}\n", e.what());
        return tradecheck::cli::failure;
    }
    return status;
}
