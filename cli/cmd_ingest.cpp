// tradecheck ingest: read articles, extract claims, store both.
#include <iostream>

#include <fmt/core.h>

#include "commands.hpp"
#include "common.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/db/store.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/extractor.hpp"

namespace tradecheck::cli {

namespace {

struct IngestOptions {
    std::string db;
    std::vector<std::string> paths;
    std::vector<std::string> rules;
    bool reextract = false;
    bool quiet = false;
};

std::vector<Claim> claims_of(const Article& article, const RuleSet& rules) {
    std::vector<Claim> claims = extract_claims(article, rules);
    for (Claim& c : claims) c.key = checks::fact_key(c);
    return claims;
}

std::vector<db::RuleRecord> rule_records(const RuleSet& rules) {
    std::vector<db::RuleRecord> records;
    for (const Rule& r : rules.rules) records.push_back({r.id, r.kind, r.pos.file, r.pos.line, r.hash});
    return records;
}

// Re-runs the current rules over every stored article, e.g. after a rule changed.
std::size_t reextract(db::Store& store, const RuleSet& rules) {
    std::size_t claims = 0;
    for (const Article& a : store.articles()) {
        const auto found = claims_of(a, rules);
        claims += found.size();
        store.replace_claims(a.id, found, rules.hash);
    }
    return claims;
}

int run(const IngestOptions& o) {
    // Rules first: a broken rule file stops the ingest before anything is written.
    const RuleSet rules = load_rule_set(o.rules);
    if (o.paths.empty() && !o.reextract) {
        fmt::print(stderr, "tradecheck ingest: nothing to ingest (give files, directories or -)\n");
        return usage;
    }
    ReadResult read = read_articles(o.paths, std::cin);
    for (const ReadProblem& p : read.problems) fmt::print(stderr, "tradecheck: {}: {}\n", p.path, p.message);

    const std::string path = database_path(o.db);
    db::Store store(path);
    std::size_t inserted = 0, replaced = 0, unchanged = 0, claims = 0;
    db::Store::Transaction tx(store);
    for (const Article& a : read.articles) {
        // Unchanged articles cost a hash and nothing else.
        if (store.article_sha256(a.id) == a.sha256) { ++unchanged; continue; }
        const auto found = claims_of(a, rules);
        claims += found.size();
        const db::PutResult r = store.put_article(a, found, rules.hash);
        inserted += r == db::PutResult::inserted;
        replaced += r == db::PutResult::replaced;
        unchanged += r == db::PutResult::unchanged;
    }
    if (o.reextract) claims = reextract(store, rules);
    store.put_rules(rule_records(rules));
    tx.commit();

    if (!o.quiet)
        fmt::print(stderr, "{}: {} new, {} replaced, {} unchanged article{}; {} claim{} {}; {} input{} skipped\n", path,
                   inserted, replaced, unchanged, unchanged == 1 ? "" : "s", claims, claims == 1 ? "" : "s",
                   o.reextract ? "after re-extraction" : "extracted", read.problems.size(),
                   read.problems.size() == 1 ? "" : "s");
    return read.problems.empty() ? ok : partial;
}

} // namespace

void add_ingest(CLI::App& app, int& status) {
    auto opts = std::make_shared<IngestOptions>();
    CLI::App* cmd = app.add_subcommand("ingest", "Read articles, extract their claims and store both in the database");
    cmd->footer("Examples:\n  tradecheck ingest seeds/\n  tradecheck ingest --db news.db story.txt other/\n"
                "  cat story.md | tradecheck ingest -\n  tradecheck ingest --reextract --rules my-rules/\n\n"
                "Files: .txt and .md, with optional YAML front matter (title, date, source, currency, id); a "
                "manifest.csv beside them (file,outlet,published,title) fills in what front matter lacks. An "
                "article's id is its file name. Unchanged articles are skipped; changed ones replace their "
                "claims. Unreadable, binary, empty or invalid UTF-8 files are reported and skipped (exit 4).");
    add_db_option(*cmd, opts->db);
    add_rules_option(*cmd, opts->rules);
    cmd->add_option("paths", opts->paths, "Files or directories (recursive); - reads one article from stdin")
        ->type_name("PATH...");
    cmd->add_flag("--reextract", opts->reextract, "Re-run the current rules over every stored article");
    cmd->add_flag("-q,--quiet", opts->quiet, "No summary on stderr");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
