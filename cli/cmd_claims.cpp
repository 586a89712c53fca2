// tradecheck claims: list stored claims.
#include <iostream>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/db/store.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::cli {

namespace {

struct ClaimsOptions {
    std::string db;
    std::string format = "table";
    std::string kind;
    std::string article;
};

int run(const ClaimsOptions& o) {
    db::Store store = open_existing(o.db);
    db::ClaimFilter filter;
    if (!o.kind.empty()) filter.kind = o.kind;
    if (!o.article.empty()) filter.article = o.article;
    report::write_claims(std::cout, store.claims(filter), report::parse_format(o.format));
    return ok;
}

} // namespace

void add_claims(CLI::App& app, int& status) {
    auto opts = std::make_shared<ClaimsOptions>();
    CLI::App* cmd = app.add_subcommand("claims", "List the claims stored in the database");
    cmd->footer("Examples:\n  tradecheck claims\n  tradecheck claims --kind tariff_rate --format csv > tariffs.csv\n"
                "  tradecheck claims --article 002_7fa7b0fad42237fe.txt --format jsonl");
    add_db_option(*cmd, opts->db);
    cmd->add_option("--format", opts->format, "table, csv, json or jsonl")
        ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}))->capture_default_str();
    cmd->add_option("--kind", opts->kind, "Only claims of this kind (tariff_rate, trade_target, ...)");
    cmd->add_option("--article", opts->article, "Only claims of this article id");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
