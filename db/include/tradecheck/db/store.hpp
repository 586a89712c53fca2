// Store: the SQLite file that holds articles, claims and the rules that made them.
// The only place in tradecheck that writes SQL; every parameter is bound.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

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

struct ClaimFilter {
    std::optional<std::string> kind;
    std::optional<std::string> article;
};

enum class PutResult { inserted, replaced, unchanged };

// What Store::merge_from did, counted in articles of the source database.
struct MergeResult {
    std::size_t inserted = 0;   // articles the destination did not have
    std::size_t replaced = 0;   // same id, other content: the source's version and claims win
    std::size_t unchanged = 0;  // same id and digest: nothing copied
    std::size_t claims = 0;     // claims copied
};

class Store {
public:
    static constexpr int schema_version = 1;

    // Opens or creates `path`, migrating an older schema inside a transaction.
    // Throws StoreError for a directory, an unreadable file, a newer schema, a locked database.
    explicit Store(const std::filesystem::path& path, bool read_only = false);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // All writes between begin() and commit() land together or not at all; a Transaction
    // destroyed without commit() rolls back.
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

    // Stores an article and its claims. An article whose id and sha256 are already stored is
    // left alone (unchanged); one whose id is stored with another sha256 has its row and
    // claims replaced.
    PutResult put_article(const Article& article, const std::vector<Claim>& claims,
                          const std::string& rules_hash);
    // The same, with the article's metadata (a JSON object as text, or "") stored beside it.
    PutResult put_article(const Article& article, const std::vector<Claim>& claims,
                          const std::string& rules_hash, const std::string& metadata);

    // Replaces the claims of a stored article (re-extraction with changed rules).
    void replace_claims(const std::string& article_id, const std::vector<Claim>& claims,
                        const std::string& rules_hash);

    // Replaces the rules table with the rules in force.
    void put_rules(const std::vector<RuleRecord>& rules);

    // Copies into this database the articles and claims of the tradecheck database at `source`
    // (built on another machine or from another shard), in one transaction: new articles with
    // their claims, articles whose id is here with another digest replaced together with their
    // claims, identical articles skipped. Rules this database lacks are added. The source is
    // only read; it must have this program's schema version. Must not be called inside a
    // Transaction (SQLite cannot attach a database there). Throws StoreError.
    MergeResult merge_from(const std::filesystem::path& source);

    std::vector<StoredClaim> claims(const ClaimFilter& filter = {}) const;
    std::vector<Article> articles() const;
    std::optional<std::string> article_sha256(const std::string& id) const;

    // Reference figures (reference.cpp). put_references adds them, replacing any with the same
    // key and source, in one transaction; returns how many were new.
    std::size_t put_references(const std::vector<Reference>& references);
    std::vector<Reference> references() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tradecheck::db
