// Store: the SQLite file that holds articles, claims and the rules that made them.
// The only place in tradecheck that writes SQL; every parameter is bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "tradecheck/db/lock_wait.hpp"
#include "tradecheck/parser/article.hpp"
#include "tradecheck/parser/claim.hpp"
#include "tradecheck/parser/reference.hpp"

namespace tradecheck::db {

// A database that cannot be opened, is locked, has a newer schema, or failed a write.
// The message is meant for the user as it is.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Opening read-only a database of an older schema, which only a writer can upgrade.
class OlderSchemaError : public StoreError {
public:
    using StoreError::StoreError;
};

// For a program that gives each thread its own Store (as the CLI does): turns off SQLite's
// per-connection mutexes and its memory statistics, whose global lock every allocation takes.
// Call before the first Store is opened; returns false if SQLite was already in use.
bool use_one_connection_per_thread();

struct RuleRecord {
    std::string id;
    std::string kind;
    std::string file;
    int line = 0;
    std::string hash;      // hash of the rule's own text
};

// A claim as read back, with the article fields a report needs.
struct StoredClaim {
    std::int64_t id = 0;
    Claim claim;
    std::string title;
    std::string outlet;
    std::string published;
    std::string rules_hash;
};

// What one `check --save` run decided (the tables check_runs, verdicts, verdict_claims and
// verdict_copies; docs/checks.md, "Verdicts in the database").
struct SavedCheck {
    std::string options;   // JSON object
    struct Fact {
        std::string key, kind, status, note, mirror_key;
        std::size_t sources = 0;
        std::optional<double> gap;
        std::vector<std::pair<std::int64_t, std::string>> claims;   // claims.id, how it was matched
    };
    std::vector<Fact> facts;
    struct Copy {
        std::string article, copy_of, family;
        double similarity = 0;
    };
    std::vector<Copy> copies;
};

// A claim as Store::each_claim_by_key reads it.
struct StreamedClaim {
    StoredClaim stored;
    std::int64_t article_row = 0;   // the article's rowid: a small number to count articles by
    std::string same_text_as;       // the first article, by id, whose text is this claim's article's
                                    // with white space aside, when that is another article; else ""
};

struct ClaimFilter {
    std::optional<std::string> kind;
    std::optional<std::string> article;
};

// Which claims `tradecheck timeline` shows: each set slot must equal the claim's (key: the whole
// fact key). `since` ("YYYY-MM-DD") keeps the claims that start on or after that day or still
// hold on it (valid_to on or after it).
struct TimelineFilter {
    std::optional<std::string> kind, actor, partner, product, key, since;
};

enum class PutResult { inserted, replaced, unchanged };

// How a record's fingerprint compares with the article stored under its id.
enum class FingerprintMatch {
    not_stored,    // no article has that id
    same,          // stored with this fingerprint: the record is unchanged
    different,     // stored with another fingerprint: the record changed
    not_recorded,  // stored without one (from a file, or before fingerprints): compare sha256
};

// What Store::merge_from did, counted in articles of the source database.
struct MergeResult {
    std::size_t inserted = 0;   // articles the destination did not have
    std::size_t replaced = 0;   // same id, other content: the source's version and claims win
    std::size_t unchanged = 0;  // same id and digest: nothing copied
    std::size_t claims = 0;     // claims copied
};

class Store {
public:
    static constexpr int schema_version = 5;

    // Opens or creates `path`, migrating an older schema inside a transaction.
    // Throws StoreError for a directory, an unreadable file, a newer schema, a locked database.
    // `wait` says how long a lock held by another process is waited for, and to whom the wait
    // is reported (lock_wait.hpp).
    explicit Store(const std::filesystem::path& path, bool read_only = false, LockWait wait = {});
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // All writes between begin() and commit() land together or not at all; a Transaction
    // destroyed without commit() rolls back. The outermost one takes the write lock when it is
    // created, waiting for it as the Store's LockWait says, and after letting a writer that
    // already waits go first. Keep it short: while it lives, every other writer waits.
    class Transaction {
    public:
        explicit Transaction(Store& store);
        ~Transaction();
        void commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
    private:
        Store& store_;
        bool done_ = false;
    };

    // Whether another writer waits for the write lock, which an open Transaction holds: a long
    // run of writes should commit and begin again (BatchedWrites does).
    bool writer_waiting() const;

    // Stores an article and its claims. An article whose id and sha256 are already stored is
    // left alone (unchanged), but for its fingerprint, set when missing or another; one whose
    // id is stored with another sha256 has its row and claims replaced.
    PutResult put_article(const Article& article, const std::vector<Claim>& claims,
                          const std::string& rules_hash);
    // The same, with the article's metadata (a JSON object as text, or "") stored beside it.
    PutResult put_article(const Article& article, const std::vector<Claim>& claims,
                          const std::string& rules_hash, const std::string& metadata);

    // put_article for an article the caller believes is new (ingest into a database that was
    // empty, of an id not seen before): the lookup of its id is skipped. If the id is stored
    // after all, it does what put_article does.
    PutResult put_new_article(const Article& article, const std::vector<Claim>& claims,
                              const std::string& rules_hash, const std::string& metadata);

    // Whether any article is stored (without counting them).
    bool has_articles() const;

    // hold_snapshot(true): the reads that follow share one read transaction, seeing the
    // database as of the first of them, until hold_snapshot(false). Starting a read
    // transaction costs more than a digest lookup (SQLite takes its locks and checks its files
    // each time), so a worker finding article after article unchanged holds one. While a
    // snapshot is held, a checkpoint cannot finish and the WAL file grows with every write:
    // let go of it before anything is written. Not inside a Transaction.
    void hold_snapshot(bool hold);

    // Sets this connection up for a long run of put_article calls in large transactions
    // (ingest): savepoint journals in memory, a larger page cache, and the tables' CHECK
    // constraints left to put_article (which writes only values they allow). Not for queries
    // (with temporary storage in memory, a big sort would be held in memory too), nor for
    // writes of SQL the program did not write.
    void tune_for_bulk_writes();

    // While one lives, the database's WAL is checkpointed (copied into the database file) on a
    // thread of its own with a connection of its own, instead of by whichever commit finds the
    // WAL past 1,000 pages: the writer's commits mostly only append to the WAL, and a corpus
    // ingest does not wait on the copying and the disk syncs. At 4,000 pages a commit copies
    // what the thread has left and the WAL starts over, so it stays bounded. Create and destroy
    // it on the thread that writes through this Store; in a database that is not in WAL mode it
    // does nothing.
    class BackgroundCheckpoints {
    public:
        explicit BackgroundCheckpoints(Store& store);
        ~BackgroundCheckpoints();
        BackgroundCheckpoints(const BackgroundCheckpoints&) = delete;
        BackgroundCheckpoints& operator=(const BackgroundCheckpoints&) = delete;
    private:
        struct State;
        Store& store_;
        std::unique_ptr<State> state_;   // null when checkpoints stay with the commits
    };

    // Replaces the claims of a stored article (re-extraction with changed rules).
    void replace_claims(const std::string& article_id, const std::vector<Claim>& claims,
                        const std::string& rules_hash);

    // Replaces the rules table with the rules in force.
    void put_rules(const std::vector<RuleRecord>& rules);

    // Copies into this database the articles and claims of the tradecheck database at `source`
    // (built on another machine or from another shard), `batch` source articles per transaction,
    // in the order they were stored there: new articles with their claims, articles whose id
    // is here with another digest replaced together with their claims, identical articles
    // skipped. Rules this database lacks are added first. A merge that stops (a lock wait that
    // ran out) keeps the chunks committed; merging again finishes it. The source is only read;
    // it must have this program's schema version. Must not be called inside a Transaction
    // (SQLite cannot attach a database there). Throws StoreError.
    MergeResult merge_from(const std::filesystem::path& source, std::size_t batch = 500);

    std::vector<StoredClaim> claims(const ClaimFilter& filter = {}) const;
    // The claims of timeline_view that match `filter`: claims of a fact that have a time, ordered
    // by fact key, then when they start (valid_from, else valid_to), then publication and id.
    std::vector<StoredClaim> timeline(const TimelineFilter& filter = {}) const;
    std::vector<Article> articles() const;

    // Reads for databases larger than memory (read.cpp). Each calls `visit` with one row at a
    // time, so memory does not grow with the rows; `visit` may use the other reads meanwhile.
    // each_claim_by_key: the claims matching `filter`, ordered by key (BINARY, i.e. as
    // std::string compares; the claims of one key in no particular order).
    void each_claim_by_key(const ClaimFilter& filter, const std::function<void(StreamedClaim&)>& visit) const;
    // each_article: every article, ordered by id.
    void each_article(const std::function<void(const Article&)>& visit) const;
    // A function returning an article's text ("" for an unknown id) through one prepared
    // statement, for reading texts one at a time. It must not outlive this Store.
    std::function<std::string(const std::string& id)> text_reader() const;
    std::optional<std::string> article_sha256(const std::string& id) const;
    // Whether the article `id` is stored with this digest.
    bool has_article(const std::string& id, std::string_view sha256) const;
    // The question a re-ingest asks of every JSON Lines record, answered from an index.
    FingerprintMatch match_fingerprint(const std::string& id, std::string_view fingerprint) const;
    // Records the fingerprint of a stored article found unchanged by its sha256 (stored before
    // fingerprints existed, or from a file), so that the next re-ingest needs no SHA-256.
    void set_fingerprint(const std::string& id, const std::string& fingerprint);

    // Reference figures (reference.cpp). put_references adds them, replacing any with the same
    // key and source, in one transaction; returns how many were new.
    std::size_t put_references(const std::vector<Reference>& references);
    std::vector<Reference> references() const;

    // Stores a check run and what it decided in one transaction; returns the run's id.
    std::int64_t save_check(const SavedCheck& run);

private:
    // Inserts an article's claims inside the caller's transaction, deleting its old ones first
    // when `replace`.
    void write_claims(const std::string& article_id, const std::vector<Claim>& claims,
                      const std::string& rules_hash, bool replace);

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tradecheck::db
