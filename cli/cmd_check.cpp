// tradecheck check: group claims into facts and report agreement and conflict.
//
// Memory does not grow with the claims. They are read ordered by key and checked one run of
// keys at a time (checks::run_prefix: a fact key, the undated claims of its series, the claims
// that may unify with it and its mirror relation are always in one run); each run's facts are rendered at once into temporary files
// (report::FindingsWriter) and the run is dropped. Article texts are read when a claim of the
// run is quoted; duplicate texts are found by SQLite (Store::each_claim_by_key).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "busy_wait.hpp"
#include "common.hpp"
#include "store_open.hpp"
#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/copies.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/checks/reference.hpp"
#include "tradecheck/parser/article.hpp"
#include "tradecheck/parser/quantity.hpp"
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
    int same_moment_days = checks::CheckOptions{}.same_moment_days;
    double copy_threshold = checks::default_copy_threshold;
    bool save = false;
    std::string since;
    std::string rates;
    double busy_timeout = 0;
};

// What one pass over the articles finds: restatements inside one article ("10 million euros
// (approximately C$16 million)") and stories that copy others (checks/copies.hpp).
struct ArticlePass {
    std::vector<checks::ConversionCheck> conversions;
    checks::Copies copies;
};

ArticlePass read_articles(const db::Store& store, const checks::Rates& rates, double copy_threshold) {
    ArticlePass pass;
    checks::CopyFinder copies(copy_threshold);
    store.each_article([&](const Article& a) {
        QuantityOptions q;
        q.default_dollar = a.currency.empty() ? "USD" : a.currency;
        const int year = publication_year(a).value_or(0);
        for (auto& c : checks::check_conversions(a.id, a.text, find_quantities(a.text, q), year, rates))
            pass.conversions.push_back(std::move(c));
        copies.add(a.id, a.published, a.text, a.outlet);
    });
    pass.copies = copies.families();
    return pass;
}

// Articles by rowid: one bit each (SQLite numbers rows from 1 up), a hash set for outlandish rowids.
class ArticleSet {
public:
    void insert(std::int64_t row) {
        if (row < 0 || row >= dense) {
            count_ += sparse_.insert(row).second;
            return;
        }
        const auto i = static_cast<std::size_t>(row);
        if (i >= bits_.size()) bits_.resize(std::max(i + 1, 2 * bits_.size()));
        count_ += !bits_[i];
        bits_[i] = true;
    }
    std::size_t size() const { return count_; }

private:
    static constexpr std::int64_t dense = std::int64_t{1} << 27;
    std::vector<bool> bits_;
    std::unordered_set<std::int64_t> sparse_;
    std::size_t count_ = 0;
};

// The claims that contradict reference figures, with copies of the claims (they are few).
struct Contradicted {
    std::vector<db::StoredClaim> claims;
    std::vector<checks::Contradiction> contradictions;   // index into `claims`
};

// Checks the claims as they stream in, ordered by key, one run of keys with the same
// checks::run_prefix at a time, and hands each run's findings to the writer. Memory holds
// one run, its article texts when the format quotes them, the contradictions, and a bit per
// article.
class RunChecker {
public:
    RunChecker(const CheckCmdOptions& o, const db::Store& store, const checks::Rates& rates,
               const std::vector<Reference>& references, const checks::Copies& copies,
               report::FindingsWriter& writer)
        : since_(o.since), references_(references), writer_(writer) {
        options_.min_sources = o.min_sources;
        options_.copies = &copies;
        save_ = o.save;
        options_.same_moment_days = o.same_moment_days;
        options_.rates = &rates;
        if (writer.needs_texts()) text_of_ = store.text_reader();
    }

    // Claims without a stored key (only hand-made databases have them) come first, as SQL
    // orders '' first; keyed by fact_key(), they are merged into the stream in key order.
    void add(db::StreamedClaim&& c) {
        if (!since_.empty() && (c.stored.published.empty() || c.stored.published < since_)) return;
        if (c.stored.claim.key.empty()) {
            std::string key = checks::fact_key(c.stored.claim);
            keyless_.emplace_back(std::move(key), std::move(c));
            keyless_sorted_ = false;
            return;
        }
        if (!keyless_.empty()) take_keyless(&c.stored.claim.key);
        take(c.stored.claim.key, std::move(c));
    }

    void finish() {
        if (!keyless_.empty()) take_keyless(nullptr);
        if (!stored_.empty()) check_run();
    }

    std::size_t articles() const { return articles_.size(); }

    // The contradictions in the order of the claims read whole: by article, start and claim id.
    Contradicted contradicted() {
        std::stable_sort(contradicted_.begin(), contradicted_.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.claim.article, a.first.claim.start, a.first.id) <
                   std::tie(b.first.claim.article, b.first.claim.start, b.first.id);
        });
        Contradicted out;
        for (auto& [claim, c] : contradicted_) {
            c.claim = out.claims.size();
            out.claims.push_back(std::move(claim));
            out.contradictions.push_back(c);
        }
        return out;
    }

private:
    // The keyless claims whose key sorts before `key` or equals it (all when null), in key order.
    void take_keyless(const std::string* key) {
        if (!keyless_sorted_)
            std::stable_sort(keyless_.begin() + static_cast<std::ptrdiff_t>(keyless_next_), keyless_.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        keyless_sorted_ = true;
        for (; keyless_next_ < keyless_.size() && (!key || keyless_[keyless_next_].first <= *key); ++keyless_next_)
            take(keyless_[keyless_next_].first, std::move(keyless_[keyless_next_].second));
        if (keyless_next_ == keyless_.size()) keyless_.clear(), keyless_next_ = 0;
    }

    // Memory holds one run's claims once: StoredClaim in stored_, whose Claim check() borrows
    // (moved into claims_ and back), and the few other fields of the stream in meta_.
    void take(std::string_view key, db::StreamedClaim&& c) {
        if (cutter_.starts_run(key) && !stored_.empty()) check_run();
        meta_.push_back({c.article_row, std::move(c.same_text_as)});
        stored_.push_back(std::move(c.stored));
    }

    // The run's claims in the order a whole read gives them (article, start, id), and the
    // check options for their articles.
    void prepare_run() {
        std::vector<std::size_t> order(stored_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const db::StoredClaim& a = stored_[x];
            const db::StoredClaim& b = stored_[y];
            return std::tie(a.claim.article, a.claim.start, a.id) < std::tie(b.claim.article, b.claim.start, b.id);
        });
        // Put stored_ and meta_ in that order in place, cycle by cycle (no second copy of the run).
        for (std::size_t i = 0; i < order.size(); ++i) {
            std::size_t from = order[i];
            while (from < i) from = order[from];
            if (from != i) {
                std::swap(stored_[i], stored_[from]);
                std::swap(meta_[i], meta_[from]);
            }
            order[i] = from;
        }
        claims_.clear();
        options_.source_of.clear();
        options_.article_year.clear();
        options_.article_day.clear();
        for (std::size_t i = 0; i < stored_.size(); ++i) {
            db::StoredClaim& c = stored_[i];
            const std::string& article = c.claim.article;
            if (!meta_[i].same_text_as.empty()) options_.source_of[article] = meta_[i].same_text_as;
            dated_.published = c.published;
            if (const auto year = publication_year(dated_)) options_.article_year[article] = *year;
            if (const auto day = parse_day(c.published)) options_.article_day[article] = *day;
            claims_.push_back(std::move(c.claim));
        }
    }

    void check_run() {
        prepare_run();
        const std::vector<checks::Finding> findings = checks::check(claims_, options_);
        std::vector<checks::Contradiction> contradictions;
        if (!references_.empty()) contradictions = checks::contradictions(claims_, references_);
        for (std::size_t i = 0; i < claims_.size(); ++i) stored_[i].claim = std::move(claims_[i]);
        for (const checks::Contradiction& c : contradictions) contradicted_.emplace_back(stored_[c.claim], c);
        texts_.clear();
        for (const checks::Finding& f : findings)
            for (std::size_t i : f.claims) {
                articles_.insert(meta_[i].article_row);
                const std::string& article = stored_[i].claim.article;
                if (text_of_ && !texts_.count(article)) texts_.emplace(article, text_of_(article));
            }
        writer_.add(findings, stored_, texts_);
        if (save_) keep_verdicts(findings);
        stored_.clear();
        meta_.clear();
        // A run of one actor's claims can be large (RunCutter); do not keep its buffers after it.
        if (stored_.capacity() > release_above) {
            stored_.shrink_to_fit();
            meta_.shrink_to_fit();
            claims_ = {};
        }
    }

    // What check --save stores of the run's facts (the report's facts, nothing recomputed).
    void keep_verdicts(const std::vector<checks::Finding>& findings) {
        for (const checks::Finding& f : findings) {
            db::SavedCheck::Fact fact;
            fact.key = f.key;
            fact.kind = f.kind;
            fact.status = std::string(checks::to_string(f.status));
            fact.note = f.note;
            fact.mirror_key = f.mirror_key;
            fact.sources = f.sources;
            for (const checks::Disagreement& d : f.conflicts)
                fact.gap = std::max(fact.gap.value_or(0.0), d.relative_gap);
            for (std::size_t i : f.claims) fact.claims.emplace_back(stored_[i].id, std::string(checks::matched_by(f, i)));
            verdicts_.push_back(std::move(fact));
        }
    }

public:
    std::vector<db::SavedCheck::Fact> take_verdicts() { return std::move(verdicts_); }

private:

    std::string since_;
    const std::vector<Reference>& references_;
    report::FindingsWriter& writer_;
    checks::CheckOptions options_;
    std::function<std::string(const std::string&)> text_of_;
    std::vector<std::pair<std::string, db::StreamedClaim>> keyless_;   // fact key, claim
    std::size_t keyless_next_ = 0;              // the first not yet taken
    bool keyless_sorted_ = true;
    // What the stream gives of a claim beside its StoredClaim.
    struct Meta {
        std::int64_t article_row = 0;
        std::string same_text_as;
    };
    static constexpr std::size_t release_above = 4096;   // claims
    checks::RunCutter cutter_;
    std::vector<db::StoredClaim> stored_;       // the run's claims, as the writer takes them
    std::vector<Meta> meta_;                    // the same claims' stream fields
    std::vector<Claim> claims_;                 // their Claims, while check() reads them
    Article dated_;                             // publication_year() reads an Article
    report::ArticleTexts texts_;                // of the run's reported claims, when quoted
    ArticleSet articles_;                       // of every reported claim
    std::vector<std::pair<db::StoredClaim, checks::Contradiction>> contradicted_;
    bool save_ = false;
    std::vector<db::SavedCheck::Fact> verdicts_;   // with --save: every fact, for the database
};

// check --save: the run, stamped with its options, and what it decided, in one short
// transaction on a connection of its own (the report was read from a snapshot).
void save_verdicts(db::Store& store, const CheckCmdOptions& o, std::vector<db::SavedCheck::Fact> facts,
                   const checks::Copies& copies) {
    db::SavedCheck run;
    run.options = nlohmann::json{{"format", o.format},
                                 {"kind", o.kind},
                                 {"min_sources", o.min_sources},
                                 {"same_moment", o.same_moment_days},
                                 {"copy_threshold", o.copy_threshold},
                                 {"since", o.since},
                                 {"rates", o.rates.empty() ? default_rates_file() : o.rates}}
                      .dump();
    run.facts = std::move(facts);
    for (const auto& [article, c] : copies) run.copies.push_back({article, c.copy_of, c.family, c.similarity});
    store.hold_snapshot(false);
    store.save_check(run);
}

void write_report(const CheckCmdOptions& o, report::FindingsWriter& writer, const report::ReportExtras& extras) {
    if (o.out.empty() || o.out == "-") {
        writer.finish(std::cout, extras);
        return;
    }
    std::ofstream file(o.out, std::ios::binary);
    if (!file) throw std::runtime_error(fmt::format("cannot write '{}'", o.out));
    writer.finish(file, extras);
    if (!file) throw std::runtime_error(fmt::format("error writing '{}'", o.out));
}

// Like open_existing (never creates a file), for writing.
db::Store open_existing_for_writing(const std::string& flag, double busy_timeout) {
    const std::string path = database_path(flag);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw db::StoreError(fmt::format("no database at '{}'; run 'tradecheck ingest' first or pass --db", path));
    return db::Store(path, false, lock_wait(busy_timeout));
}

int run(const CheckCmdOptions& o) {
    // --save writes, so it opens the file for writing (which upgrades an older schema); the
    // report is still read from one snapshot.
    db::Store store = o.save ? open_existing_for_writing(o.db, o.busy_timeout) : open_existing(o.db, o.busy_timeout);
    // One snapshot for the whole report: an ingest committing meanwhile is either all in it or
    // not at all, and is never waited for (WAL readers do not block writers).
    store.hold_snapshot(true);
    const checks::Rates rates = checks::Rates::load(o.rates.empty() ? default_rates_file() : o.rates);
    const std::vector<Reference> references = store.references();
    const report::Format format = report::parse_format(o.format);
    const bool to_terminal = (o.out.empty() || o.out == "-") && stdout_is_terminal();
    report::FindingsWriter writer(format, format == report::Format::table && to_terminal);

    const ArticlePass pass = read_articles(store, rates, o.copy_threshold);
    RunChecker checker(o, store, rates, references, pass.copies, writer);
    db::ClaimFilter filter;
    if (!o.kind.empty()) filter.kind = o.kind;
    store.each_claim_by_key(filter, [&](db::StreamedClaim& c) { checker.add(std::move(c)); });
    checker.finish();

    const Contradicted contradicted = checker.contradicted();
    write_report(o, writer, {contradicted.claims, &references, &contradicted.contradictions, &pass.conversions,
                             checker.articles()});
    if (o.save) save_verdicts(store, o, checker.take_verdicts(), pass.copies);
    // A claim that contradicts an official figure fails the check as a conflict does.
    const bool conflict = !contradicted.contradictions.empty() || writer.any_conflict();
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
    cmd->add_option("--same-moment", opts->same_moment_days,
                    "Days apart within which two figures in force speak of the same moment; further apart, "
                    "differing values are a change over time, not a conflict")
        ->check(CLI::Range(0, 3650))->capture_default_str();
    cmd->add_option("--copy-threshold", opts->copy_threshold,
                    "Stories whose content words, word pairs and figures are at least this similar (estimated "
                    "Jaccard, MinHash) are copies of one story and count as one source")
        ->check(CLI::Range(0.05, 1.0))->capture_default_str();
    cmd->add_flag("--save", opts->save,
                  "Store what the check decided (facts, their claims and how each was matched, status, note, "
                  "gap, copies) in the database, stamped with the run and its options: verdict_view");
    cmd->add_option("--out", opts->out, "Write the report to FILE instead of stdout");
    cmd->add_option("--since", opts->since, "Only articles published on or after DATE (YYYY-MM-DD)")
        ->check([](const std::string& d) {
            return d.size() >= 4 && std::all_of(d.begin(), d.begin() + 4, ::isdigit) ? std::string()
                                                                                   : std::string("expected YYYY-MM-DD");
        });
    cmd->add_option("--rates", opts->rates,
                    "Exchange-rate table (year,currency,per_usd,source) used to compare money in different "
                    "currencies (default: data/rates.csv)");
    add_busy_timeout_option(*cmd, opts->busy_timeout);
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
