// tradecheck check: group claims into facts and report agreement and conflict.
#include <fstream>
#include <iostream>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/checks/check.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::cli {

namespace {

struct CheckCmdOptions {
    std::string db;
    std::string format = "table";
    std::string fail_on;
    std::string kind;
    std::string out;
    std::size_t min_sources = 1;
};

int run(const CheckCmdOptions& o) {
    db::Store store = open_existing(o.db);
    db::ClaimFilter filter;
    if (!o.kind.empty()) filter.kind = o.kind;
    const std::vector<db::StoredClaim> stored = store.claims(filter);
    std::vector<Claim> claims;
    claims.reserve(stored.size());
    for (const auto& s : stored) claims.push_back(s.claim);
    const auto findings = checks::check(claims, {o.min_sources});

    report::ArticleTexts texts;
    for (const Article& a : store.articles()) texts.emplace(a.id, a.text);
    const report::FindingsView view{findings, stored, texts};

    const report::Format format = report::parse_format(o.format);
    if (o.out.empty() || o.out == "-") {
        report::write_findings(std::cout, view, format, format == report::Format::table && stdout_is_terminal());
    } else {
        std::ofstream file(o.out, std::ios::binary);
        if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", o.out));
        report::write_findings(file, view, format, false);
        if (!file) throw std::runtime_error(fmt::format("error writing '{}'", o.out));
    }
    const bool conflict = std::any_of(findings.begin(), findings.end(),
                                      [](const checks::Finding& f) { return f.status == checks::Status::conflict; });
    return o.fail_on == "conflict" && conflict ? conflicts : ok;
}

} // namespace

void add_check(CLI::App& app, int& status) {
    auto opts = std::make_shared<CheckCmdOptions>();
    CLI::App* cmd = app.add_subcommand("check", "Report which facts the articles agree or disagree on");
    cmd->footer("Examples:\n  tradecheck check\n  tradecheck check --format markdown --out report.md\n"
                "  tradecheck check --format json | jq '.facts[] | select(.status==\"conflict\")'\n"
                "  tradecheck check --fail-on conflict   # exit 3 when any fact conflicts\n\n"
                "Each claim is an interval: exact figures +/- half a unit of the last printed digit, \"about\" "
                "+/- 10%, bounds as printed. Two claims from different articles conflict when their intervals "
                "do not meet. See docs/checks.md.");
    add_db_option(*cmd, opts->db);
    cmd->add_option("--format", opts->format, "table, markdown, json, csv or html")
        ->check(CLI::IsMember({"table", "markdown", "json", "csv", "html"}))->capture_default_str();
    cmd->add_option("--fail-on", opts->fail_on, "Exit 3 when a fact has this status")
        ->check(CLI::IsMember({"conflict"}));
    cmd->add_option("--kind", opts->kind, "Only facts of this kind");
    cmd->add_option("--min-sources", opts->min_sources, "Only facts stated by at least N articles")
        ->capture_default_str();
    cmd->add_option("--out", opts->out, "Write the report to FILE instead of stdout");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
