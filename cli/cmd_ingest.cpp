// tradecheck ingest: read articles, extract their claims and store both.
//
// A streaming pipeline (pipeline.hpp): one thread reads the inputs, --jobs threads parse,
// hash and extract, and this thread is the one writer, storing results in input order in
// transactions of --batch articles. A JSON Lines record whose id and fingerprint are already
// stored costs that fast hash and one indexed lookup, made by the worker on a read-only
// connection of its own, and is neither parsed nor hashed with SHA-256 nor extracted.
#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <fmt/core.h>

#include "commands.hpp"
#include "busy_wait.hpp"
#include "common.hpp"
#include "pipeline.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/db/batched_writes.hpp"
#include "tradecheck/db/store.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/extractor.hpp"

namespace tradecheck::cli {

namespace {

struct IngestOptions {
    std::string db;
    std::vector<std::string> paths;
    std::vector<std::string> rules;
    std::string input_format = "auto";
    unsigned jobs = 0;
    std::size_t batch = 500;
    double busy_timeout = 0;
    bool reextract = false;
    bool quiet = false;
};

std::vector<Claim> claims_of(const Article& article, const Extractor& extractor) {
    std::vector<Claim> claims = extractor.claims(article);
    for (Claim& c : claims) c.key = checks::fact_key(c);
    return claims;
}

std::vector<db::RuleRecord> rule_records(const RuleSet& rules) {
    std::vector<db::RuleRecord> records;
    for (const Rule& r : rules.rules) records.push_back({r.id, r.kind, r.pos.file, r.pos.line, r.hash});
    return records;
}

// Re-runs the current rules over every stored article, e.g. after a rule changed.
std::size_t reextract(db::Store& store, db::BatchedWrites& batches, const RuleSet& rules, const Extractor& extractor) {
    std::size_t claims = 0;
    for (const Article& a : store.articles()) {
        const auto found = claims_of(a, extractor);
        claims += found.size();
        batches.before_write();
        store.replace_claims(a.id, found, rules.hash);
        batches.after_write();
    }
    return claims;
}

// What a worker hands the writer for one record.
struct Extracted {
    std::optional<Article> article;  // when `unchanged` by fingerprint: id and fingerprint only
    std::string metadata;
    std::vector<Claim> claims;
    bool unchanged = false;          // the stored digest was equal when the worker looked
    std::optional<RawInput> raw;     // the record, kept when `unchanged` in case it is not
    std::size_t bytes = 0;           // input bytes of the record, for the progress bar
    std::optional<ReadProblem> problem;
};

// The ids stored during this run, approximately: a Bloom filter of fixed size (1 MiB, so memory
// stays flat), with no false negatives. A worker's "unchanged" can only be stale for an id
// stored during this run, so the writer checks again only for those (and false positives).
class StoredIds {
public:
    void add(const std::string& id) {
        if (bits_.empty()) bits_.resize(words);   // 1 MiB, and a re-ingest may store nothing
        for_each_bit(id, [this](std::size_t bit) { bits_[bit / 64] |= std::uint64_t(1) << (bit % 64); });
    }
    bool maybe_contains(const std::string& id) const {
        if (bits_.empty()) return false;
        bool all = true;
        for_each_bit(id, [&](std::size_t bit) { all = all && (bits_[bit / 64] >> (bit % 64) & 1) != 0; });
        return all;
    }

private:
    static constexpr std::size_t words = std::size_t(1) << 17;
    template <class F>
    static void for_each_bit(const std::string& id, F&& f) {
        const std::size_t h = std::hash<std::string>{}(id);
        const std::size_t step = (h >> 32) | 1;
        for (std::size_t k = 0; k < 3; ++k) f((h + k * step) % (words * 64));
    }
    std::vector<std::uint64_t> bits_;
};

// A \r-redrawn line on stderr, at most 10 times a second, only on a terminal.
class Progress {
public:
    Progress(bool enabled, std::size_t total_bytes) : enabled_(enabled), total_(total_bytes) {}

    void update(std::size_t articles, std::size_t bytes, bool force = false) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double mb = static_cast<double>(bytes) / 1e6;
        const double rate = seconds > 0 ? mb / seconds : 0;
        std::string line = fmt::format("{} articles, {:.1f} MB, {:.1f} MB/s", articles, mb, rate);
        if (total_ > 0 && bytes > 0 && bytes <= total_) {
            const double left = seconds * static_cast<double>(total_ - bytes) / static_cast<double>(bytes);
            const auto secs = static_cast<long>(left + 0.5);
            line = fmt::format("[{:3.0f}%] {}, ETA {}:{:02}", 100.0 * static_cast<double>(bytes) / static_cast<double>(total_),
                               line, secs / 60, secs % 60);
        }
        fmt::print(stderr, "\r{:<{}}", line, width_);
        width_ = std::max(width_, line.size());
        shown_ = true;
    }

    // Clears the line before other output goes to stderr.
    void clear() {
        if (!shown_) return;
        fmt::print(stderr, "\r{:<{}}\r", "", width_);
        shown_ = false;
    }

private:
    bool enabled_;
    std::size_t total_;
    std::size_t width_ = 0;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

// glibc hands the top of its heap back to the kernel whenever 128 KiB of it is free, and the
// writer's SQLite connection frees and reallocates that much over and over: a third of a
// fresh ingest's time went to brk and to faulting the same pages back in (measured with perf
// and strace on the Reuters corpus). Keeping up to 64 MiB of free heap stops the churn; peak
// memory did not change.
void keep_freed_heap() {
#ifdef __GLIBC__
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

int run(const IngestOptions& o) {
    keep_freed_heap();
    // Rules first: a broken rule file stops the ingest before anything is read or written.
    const RuleSet rules = load_rule_set(o.rules);
    const Extractor extractor(rules);
    if (o.paths.empty() && !o.reextract) {
        fmt::print(stderr, "tradecheck ingest: nothing to ingest (give files, directories or -)\n");
        return usage;
    }
    const std::optional<InputFormat> format = parse_input_format(o.input_format);
    if (!format) {
        fmt::print(stderr, "tradecheck ingest: unknown input format '{}' (auto, text, markdown, jsonl, html or warc)\n",
                   o.input_format);
        return usage;
    }

    const std::string path = database_path(o.db);
    // The progress line is cleared before a waiting message; it exists once the inputs are known.
    auto clear_progress = std::make_shared<std::function<void()>>();
    db::Store store(path, false, lock_wait(o.busy_timeout, [clear_progress] {
                        if (*clear_progress) (*clear_progress)();
                    }));
    store.tune_for_bulk_writes();
    db::Store::BackgroundCheckpoints checkpoints(store);
    const unsigned jobs = worker_count(o.jobs);
    const std::size_t batch = std::max<std::size_t>(o.batch, 1);

    ArticleSource source(o.paths, std::cin, *format);
    Progress progress(!o.quiet && stderr_is_terminal(), !o.quiet && stderr_is_terminal() ? source.bytes_total() : 0);
    *clear_progress = [&progress] { progress.clear(); };

    // Each worker looks digests up on its own read-only connection (WAL lets it read while the
    // writer writes). It sees only committed batches; the writer checks again before storing.
    std::vector<std::unique_ptr<db::Store>> readers(jobs);
    std::vector<char> reader_failed(jobs, 0);
    std::vector<std::size_t> lookups(jobs, 0);
    // Into a database with no articles, nothing can be unchanged but what this run stores, which
    // the writer checks itself: the workers need not look (a lookup is a read transaction).
    const bool stored_before = store.has_articles();
    // Worker w's connection for a lookup, or null when there is nothing to look up or it cannot
    // be opened (the writer still decides). A run of unchanged articles (a re-ingest) shares one
    // read snapshot, renewed now and then so it is never far behind.
    const auto reader = [&](unsigned w) -> const db::Store* {
        if (!stored_before) return nullptr;
        if (!readers[w] && !reader_failed[w]) {
            try {
                readers[w] = std::make_unique<db::Store>(path, true);
            } catch (const db::StoreError&) {
                reader_failed[w] = 1;
            }
        }
        if (!readers[w]) return nullptr;
        if (++lookups[w] % 256 == 0) readers[w]->hold_snapshot(false);
        readers[w]->hold_snapshot(true);
        return readers[w].get();
    };
    // The first new or changed article lets go of the snapshot: the writer is about to write,
    // and a held snapshot would keep the WAL from being checkpointed.
    const auto changed = [&](unsigned w) {
        if (readers[w]) readers[w]->hold_snapshot(false);
    };
    const auto stored_unchanged = [&](unsigned w, const Article& a) {
        const db::Store* r = reader(w);
        const bool unchanged = r && r->has_article(a.id, a.sha256);
        if (!unchanged) changed(w);
        return unchanged;
    };
    const auto work = [&](RawInput&& raw, unsigned w) {
        Extracted out;
        out.bytes = raw.text().size();
        // A JSON Lines record's id and fingerprint come without parsing it: an unchanged record
        // stops here.
        std::optional<RecordIdentity> peek = peek_identity(raw);
        db::FingerprintMatch match = db::FingerprintMatch::not_recorded;
        if (peek) {
            const db::Store* r = reader(w);
            match = r ? r->match_fingerprint(peek->id, peek->fingerprint) : db::FingerprintMatch::not_stored;
            if (match == db::FingerprintMatch::same) {
                out.unchanged = true;
                out.article.emplace();
                out.article->id = std::move(peek->id);
                out.article->fingerprint = std::move(peek->fingerprint);
                out.raw = std::move(raw);
                return out;
            }
            if (match != db::FingerprintMatch::not_recorded) changed(w);
        }
        ParsedInput parsed = parse_input(std::move(raw));
        out.problem = std::move(parsed.problem);
        if (!parsed.article) return out;
        out.metadata = std::move(parsed.metadata);
        // The peek answered for this id, unless the stored article has no fingerprint (it came
        // from a file, or from an older tradecheck): then its sha256 decides.
        const bool answered = peek && peek->id == parsed.article->id && match != db::FingerprintMatch::not_recorded;
        if (!answered && stored_unchanged(w, *parsed.article))
            out.unchanged = true;
        else
            out.claims = claims_of(*parsed.article, extractor);
        out.article = std::move(parsed.article);
        return out;
    };

    std::size_t inserted = 0, replaced = 0, unchanged = 0, claims = 0, skipped = 0;
    std::size_t articles = 0, bytes_done = 0;
    StoredIds stored_ids;
    // A batch is committed as a whole: a crash loses at most one batch, never an article's
    // claims without the article. Batches are bounded in time too, and end early when another
    // writer waits, so concurrent ingests take turns instead of starving each other.
    db::BatchedWrites batches(store, {batch});
    const auto write = [&](Extracted&& r) {
        bytes_done += r.bytes;
        if (r.problem) {
            ++skipped;
            progress.clear();
            fmt::print(stderr, "tradecheck: {}: {}\n", r.problem->path, r.problem->message);
        }
        if (!r.article) return;
        ++articles;
        if (r.unchanged) {
            // The worker's connection sees committed batches only; check against this one.
            const Article& seen = *r.article;
            const bool by_fingerprint = seen.sha256.empty();  // else parsed, and found by sha256
            const bool still = !stored_ids.maybe_contains(seen.id) ||
                               (by_fingerprint ? store.match_fingerprint(seen.id, seen.fingerprint) ==
                                                     db::FingerprintMatch::same
                                               : store.has_article(seen.id, seen.sha256));
            if (still) {
                // A record found by sha256 had no fingerprint stored: store it for next time.
                if (!by_fingerprint && !seen.fingerprint.empty()) {
                    batches.before_write();
                    store.set_fingerprint(seen.id, seen.fingerprint);
                    batches.after_write(0);
                }
                ++unchanged;
                return;
            }
            // Stored earlier in this same input under the same id: parse and extract it now.
            if (r.raw) {
                ParsedInput parsed = parse_input(std::move(*r.raw));
                r.article = std::move(parsed.article);
                r.metadata = std::move(parsed.metadata);
                if (!r.article) return;  // cannot happen: it parsed in the worker once
            }
            r.claims = claims_of(*r.article, extractor);
        }
        const Article& a = *r.article;
        // Into a database that was empty, an id this run has not stored is new: no lookup.
        const bool is_new = !stored_before && !stored_ids.maybe_contains(a.id);
        batches.before_write();
        const db::PutResult put = is_new ? store.put_new_article(a, r.claims, rules.hash, r.metadata)
                                         : store.put_article(a, r.claims, rules.hash, r.metadata);
        const bool stored = put != db::PutResult::unchanged;
        batches.after_write(stored ? 1 : 0);
        if (!stored) {
            ++unchanged;
            return;
        }
        stored_ids.add(a.id);
        inserted += put == db::PutResult::inserted;
        replaced += put == db::PutResult::replaced;
        claims += r.claims.size();
    };
    const auto tick = [&] {
        batches.idle();
        progress.update(articles, bytes_done);
    };
    run_pipeline<Extracted>(source, jobs, 4 * std::size_t(jobs) + 4, work, write, tick);
    readers.clear();   // their snapshots would keep the writes that follow in the WAL
    progress.update(articles, bytes_done, true);
    progress.clear();

    if (!o.quiet)
        for (const std::string& line : source.archive_summaries()) fmt::print(stderr, "{}\n", line);
    if (o.reextract) claims = reextract(store, batches, rules, extractor);
    batches.before_write();
    store.put_rules(rule_records(rules));
    batches.commit();

    if (!o.quiet)
        fmt::print(stderr, "{}: {} new, {} replaced, {} unchanged article{}; {} claim{} {}; {} input{} skipped\n", path,
                   inserted, replaced, unchanged, unchanged == 1 ? "" : "s", claims, claims == 1 ? "" : "s",
                   o.reextract ? "after re-extraction" : "extracted", skipped, skipped == 1 ? "" : "s");
    return skipped == 0 ? ok : partial;
}

} // namespace

void add_ingest(CLI::App& app, int& status) {
    auto opts = std::make_shared<IngestOptions>();
    CLI::App* cmd = app.add_subcommand("ingest", "Read articles, extract their claims and store both in the database");
    cmd->footer("Examples:\n  tradecheck ingest seeds/\n  tradecheck ingest --db news.db story.txt other/\n"
                "  tradecheck ingest --db reuters.db corpus.jsonl\n"
                "  cat story.md | tradecheck ingest -\n  scraper | tradecheck ingest --input-format jsonl -\n"
                "  tradecheck ingest saved-pages/\n  tradecheck ingest CC-NEWS-20250301000000-00001.warc.gz\n"
                "  tradecheck ingest --reextract --rules my-rules/\n\n"
                "Files: .txt and .md, with optional YAML front matter (title, date, source, currency, id); a "
                "manifest.csv beside them (file,outlet,published,title) fills in what front matter lacks. An "
                "article's id is its file name. JSON Lines (.jsonl, .ndjson, or stdin whose first line is a JSON "
                "object): one article a line with id, title, date, source (or outlet), currency and text; other "
                "fields are kept as metadata. HTML pages (.html, .htm): the main text, with title, date, outlet and URL from the "
                "page's meta tags and JSON-LD; WARC archives (.warc, .warc.gz): each HTML response is a page, its id the "
                "target URI (see docs/web-input.md). Unchanged articles cost a hash and are skipped; changed ones replace "
                "their claims. Unreadable, binary, empty or invalid UTF-8 files and invalid JSON records are "
                "reported with file (and line) and skipped (exit 4).");
    add_db_option(*cmd, opts->db);
    add_rules_option(*cmd, opts->rules);
    cmd->add_option("paths", opts->paths,
                    "Files or directories (recursive); - reads stdin (one article, or JSON Lines)")
        ->type_name("PATH...");
    cmd->add_option("--input-format", opts->input_format,
                    "auto (by extension: .jsonl/.ndjson JSON Lines, .html/.htm HTML, .warc/.warc.gz WARC), "
                    "text, markdown, jsonl, html or warc")
        ->check(CLI::IsMember({"auto", "text", "txt", "md", "markdown", "jsonl", "ndjson", "html", "htm", "warc"}))
        ->capture_default_str();
    cmd->add_option("-j,--jobs", opts->jobs, "Extraction threads (default: one per core)")->type_name("N");
    cmd->add_option("--batch", opts->batch,
                    "Articles per transaction at most; a transaction also ends after 1 s, or after 0.1 s when "
                    "another writer waits")
        ->capture_default_str();
    add_busy_timeout_option(*cmd, opts->busy_timeout);
    cmd->add_flag("--reextract", opts->reextract, "Re-run the current rules over every stored article");
    cmd->add_flag("-q,--quiet", opts->quiet, "No progress bar and no summary on stderr");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
