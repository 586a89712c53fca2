// tradecheck extract: articles (JSON Lines) in, claims (JSON Lines) out, no database.
// A mapper for engines that stream records through a program: GNU parallel --pipe, Hadoop
// Streaming, Spark's RDD.pipe. Same extraction as `ingest`, same claim fields as
// `claims --format jsonl`.
#include <iostream>
#include <optional>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "pipeline.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/extractor.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::cli {

namespace {

struct ExtractOptions {
    std::vector<std::string> paths;
    std::vector<std::string> rules;
    std::string input_format;
    unsigned jobs = 0;
    bool quiet = false;
};

struct Extracted {
    std::vector<db::StoredClaim> claims;
    bool article = false;
    std::optional<ReadProblem> problem;
};

int run(const ExtractOptions& o) {
    const RuleSet rules = load_rule_set(o.rules);
    const Extractor extractor(rules);
    // stdin is JSON Lines unless told otherwise: an empty chunk is no records, not an empty
    // article. Named files go by their extension (a .warc.gz is not JSON Lines).
    const std::string format_name = !o.input_format.empty() ? o.input_format : o.paths.empty() ? "jsonl" : "auto";
    const std::optional<InputFormat> format = parse_input_format(format_name);
    if (!format) {
        fmt::print(stderr, "tradecheck extract: unknown input format '{}' (auto, text, markdown, jsonl, html or warc)\n",
                   format_name);
        return usage;
    }
    std::vector<std::string> paths = o.paths;
    if (paths.empty()) paths.push_back("-");
    ArticleSource source(paths, std::cin, *format);

    const auto work = [&](RawInput&& raw, unsigned) {
        Extracted out;
        ParsedInput parsed = parse_input(std::move(raw), false);   // no database: no identity to compare
        out.problem = std::move(parsed.problem);
        if (!parsed.article) return out;
        out.article = true;
        const Article& a = *parsed.article;
        for (Claim& c : extractor.claims(a)) {
            c.key = checks::fact_key(c);
            c.article = a.id;
            db::StoredClaim s;
            s.claim = std::move(c);
            s.title = a.title;
            s.outlet = a.outlet;
            s.published = a.published;
            s.rules_hash = rules.hash;
            out.claims.push_back(std::move(s));
        }
        return out;
    };
    std::size_t articles = 0, claims = 0, skipped = 0;
    const auto write = [&](Extracted&& r) {
        if (r.problem) {
            ++skipped;
            fmt::print(stderr, "tradecheck: {}: {}\n", r.problem->path, r.problem->message);
        }
        articles += r.article;
        // "id" numbers the claims of this output from 1 (there is no database to give them one).
        for (db::StoredClaim& s : r.claims) s.id = static_cast<std::int64_t>(++claims);
        if (!r.claims.empty()) report::write_claims(std::cout, r.claims, report::Format::jsonl);
    };
    const unsigned jobs = worker_count(o.jobs);
    run_pipeline<Extracted>(source, jobs, 4 * std::size_t(jobs) + 4, work, write, [] {});
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("error writing the claims to stdout");
    if (!o.quiet)
        for (const std::string& line : source.archive_summaries()) fmt::print(stderr, "{}\n", line);
    if (!o.quiet)
        fmt::print(stderr, "extract: {} article{}; {} claim{} extracted; {} input{} skipped\n", articles,
                   articles == 1 ? "" : "s", claims, claims == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s");
    return skipped == 0 ? ok : partial;
}

} // namespace

void add_extract(CLI::App& app, int& status) {
    auto opts = std::make_shared<ExtractOptions>();
    CLI::App* cmd = app.add_subcommand("extract", "Extract claims from articles (JSON Lines on stdin) to JSON Lines on stdout, without a database");
    cmd->footer("Examples:\n  tradecheck extract < corpus.jsonl > claims.jsonl\n"
                "  parallel --pipe --block 4M tradecheck extract -q < corpus.jsonl > claims.jsonl\n"
                "  hadoop jar hadoop-streaming.jar -mapper 'tradecheck extract -q' -input ... -output ...\n\n"
                "Each input line is an article (id, title, date, source, text); each output line is a claim with "
                "the fields of `tradecheck claims --format jsonl` (\"id\" numbers the claims of this output). "
                "Invalid records are reported on stderr with their line and skipped (exit 4). See docs/scaling.md.");
    add_rules_option(*cmd, opts->rules);
    cmd->add_option("paths", opts->paths, "Inputs instead of stdin (files, directories, -)")->type_name("PATH...");
    cmd->add_option("--input-format", opts->input_format, "jsonl (default for stdin), auto (default for paths), text, markdown, html or warc")
        ->check(CLI::IsMember({"auto", "text", "txt", "md", "markdown", "jsonl", "ndjson", "html", "htm", "warc"}));
    cmd->add_option("-j,--jobs", opts->jobs, "Extraction threads (default: one per core)")->type_name("N");
    cmd->add_flag("-q,--quiet", opts->quiet, "No summary on stderr");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
