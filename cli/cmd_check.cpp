// tradecheck check: group claims into facts and report agreement and conflict.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <iostream>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/reference.hpp"
#include "tradecheck/parser/text.hpp"
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
    std::string since;
    std::string rates;
};

// The same story filed twice (same text, whitespace aside) is one source: each article maps to
// the first article, by id, with its text.
std::map<std::string, std::string> same_text_sources(const report::ArticleTexts& texts) {
    std::map<std::string, std::string> first_with, source_of;
    for (const auto& [id, text] : texts) {
        std::string folded;
        for (char c : text)
            if (!std::isspace(static_cast<unsigned char>(c))) folded += c;
        const auto [it, fresh] = first_with.emplace(sha256_hex(folded), id);
        if (!fresh) source_of[id] = it->second;
    }
    return source_of;
}

int run(const CheckCmdOptions& o) {
    db::Store store = open_existing(o.db);
    db::ClaimFilter filter;
    if (!o.kind.empty()) filter.kind = o.kind;
    std::vector<db::StoredClaim> stored = store.claims(filter);
    // --since: only articles published on or after the date (ISO dates compare as text).
    if (!o.since.empty())
        std::erase_if(stored, [&](const db::StoredClaim& s) { return s.published.empty() || s.published < o.since; });
    std::vector<Claim> claims;
    claims.reserve(stored.size());
    for (const auto& s : stored) claims.push_back(s.claim);

    report::ArticleTexts texts;
    checks::CheckOptions options;
    options.min_sources = o.min_sources;
    const std::vector<Article> articles = store.articles();
    for (const Article& a : articles) {
        if (const auto year = publication_year(a)) options.article_year[a.id] = *year;
        texts.emplace(a.id, a.text);
    }
    options.source_of = same_text_sources(texts);
    const checks::Rates rates = checks::Rates::load(o.rates.empty() ? default_rates_file() : o.rates);
    options.rates = &rates;
    const auto findings = checks::check(claims, options);
    const std::vector<Reference> references = store.references();
    const auto contradicted = checks::contradictions(claims, references);
    // Restatements inside one article ("10 million euros (approximately C$16 million)").
    std::vector<checks::ConversionCheck> conversions;
    for (const Article& a : articles) {
        QuantityOptions q;
        q.default_dollar = a.currency.empty() ? "USD" : a.currency;
        const int year = publication_year(a).value_or(0);
        for (auto& c : checks::check_conversions(a.id, a.text, find_quantities(a.text, q), year, rates))
            conversions.push_back(std::move(c));
    }
    const report::FindingsView view{findings, stored, texts, &references, &contradicted, &conversions};

    const report::Format format = report::parse_format(o.format);
    if (o.out.empty() || o.out == "-") {
        report::write_findings(std::cout, view, format, format == report::Format::table && stdout_is_terminal());
    } else {
        std::ofstream file(o.out, std::ios::binary);
        if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", o.out));
        report::write_findings(file, view, format, false);
        if (!file) throw std::runtime_error(fmt::format("error writing '{}'", o.out));
    }
    // A claim that contradicts an official figure fails the check as a conflict does.
    const bool conflict = !contradicted.empty() ||
                          std::any_of(findings.begin(), findings.end(),
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
    cmd->add_option("--since", opts->since, "Only articles published on or after DATE (YYYY-MM-DD)")
        ->check([](const std::string& d) {
            return d.size() >= 4 && std::all_of(d.begin(), d.begin() + 4, ::isdigit) ? std::string()
                                                                                   : std::string("expected YYYY-MM-DD");
        });
    cmd->add_option("--rates", opts->rates,
                    "Exchange-rate table (year,currency,per_usd,source) used to compare money in different "
                    "currencies (default: data/rates.csv)");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
