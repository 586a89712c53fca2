// tradecheck timeline: each fact's values over time, with their sources (timeline_view).
#include <algorithm>
#include <cctype>
#include <iostream>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/db/store.hpp"
#include "tradecheck/parser/day.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::cli {

namespace {

struct TimelineOptions {
    std::string db;
    std::string format = "table";
    std::string kind, actor, partner, product, key, since;
    double busy_timeout = default_busy_timeout();
};

std::optional<std::string> given(const std::string& s) { return s.empty() ? std::nullopt : std::optional(s); }

// Country and bloc codes are stored in capitals (USA, CHN, EU); "usa" means the same.
std::optional<std::string> code(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return given(s);
}

int run(const TimelineOptions& o) {
    db::Store store = open_existing(o.db, o.busy_timeout);
    db::TimelineFilter filter{given(o.kind), code(o.actor), code(o.partner), given(o.product), given(o.key),
                              given(o.since)};
    const std::vector<db::StoredClaim> claims = store.timeline(filter);
    if (claims.empty())
        fmt::print(stderr, "tradecheck: no claim with a time matches; 'tradecheck claims' lists every claim\n");
    const report::Format format = report::parse_format(o.format);
    std::function<std::string(const std::string&)> text_of;
    if (format == report::Format::table || format == report::Format::markdown) text_of = store.text_reader();
    report::write_timeline(std::cout, claims, format, text_of);
    return ok;
}

} // namespace

void add_timeline(CLI::App& app, int& status) {
    auto opts = std::make_shared<TimelineOptions>();
    CLI::App* cmd = app.add_subcommand("timeline", "Show each fact's values over time, with their sources");
    cmd->footer("Examples:\n  tradecheck timeline --actor USA --partner CHN --kind tariff_rate\n"
                "  tradecheck timeline --since 2025-04-01 --format csv > rates.csv\n"
                "  tradecheck timeline --key 'tariff_rate|USA|CHN|-|-|-|-' --format json\n\n"
                "Lists the claims that say when they hold (timeline_view in docs/schema.md): from and until "
                "as read from the text ('took effect on Tuesday', 'from August 1', 'for 90 days') or the "
                "article's date, and their status: in_effect, announced, threatened, proposed, expected, "
                "previous (an older value quoted), target. See docs/checks.md, 'Facts in time'.");
    add_db_option(*cmd, opts->db);
    cmd->add_option("--format", opts->format, "table, markdown, csv, json or jsonl")
        ->check(CLI::IsMember({"table", "markdown", "csv", "json", "jsonl"}))->capture_default_str();
    cmd->add_option("--kind", opts->kind, "Only facts of this kind (tariff_rate, trade_value, ...)");
    cmd->add_option("--actor", opts->actor, "Only facts of this actor (a country or bloc code: USA, CHN, EU)");
    cmd->add_option("--partner", opts->partner, "Only facts toward this partner (a country or bloc code)");
    cmd->add_option("--product", opts->product, "Only facts about this product (as in the key: electric_vehicles)");
    cmd->add_option("--key", opts->key, "Only the fact with this whole key");
    cmd->add_option("--since", opts->since, "Only claims that start on or after DATE (YYYY-MM-DD), or still hold on it")
        ->check([](const std::string& d) {
            return d.size() == 10 && parse_day(d) ? std::string() : std::string("expected a day YYYY-MM-DD");
        });
    add_busy_timeout_option(*cmd, opts->busy_timeout);
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
