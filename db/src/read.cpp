// Store: the typed reads (claims, articles, an article's digest), whole or one row at a time.
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "impl.hpp"

namespace tradecheck::db {
namespace {

// One statement for every filter: an absent filter binds NULL and its test is always true.
// (It costs the planner the indices on kind/article_id, which is fine at corpus sizes.)
constexpr const char* sql_select_claims = R"(
SELECT c.id, c.article_id, c.kind, c.key, c.text, c.start, c."end", c.value, c.low, c.high,
       c.unit, c.qualifier, c.exponent, c.type, c.relation, c.actor, c.partner, c.product,
       c.metric, c.basis, c.period, c.year, c.year_low, c.year_high, c.rule_id, c.rules_hash,
       c.role, c.status, c.measure, c.valid_from, c.valid_to, c.time_source, c.transition,
       a.title, a.outlet, a.published
FROM claims AS c JOIN articles AS a ON a.id = c.article_id
WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.article_id = ?2)
ORDER BY c.article_id, c.start, c.id)";

// The same columns, for the claims timeline_view shows (docs/schema.md), filtered and in time order.
constexpr const char* sql_select_timeline = R"(
SELECT c.id, c.article_id, c.kind, c.key, c.text, c.start, c."end", c.value, c.low, c.high,
       c.unit, c.qualifier, c.exponent, c.type, c.relation, c.actor, c.partner, c.product,
       c.metric, c.basis, c.period, c.year, c.year_low, c.year_high, c.rule_id, c.rules_hash,
       c.role, c.status, c.measure, c.valid_from, c.valid_to, c.time_source, c.transition,
       a.title, a.outlet, a.published
FROM claims AS c JOIN articles AS a ON a.id = c.article_id
WHERE c.key <> '' AND (c.valid_from <> '' OR c.valid_to <> '')
  AND (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.actor = ?2) AND (?3 IS NULL OR c.partner = ?3)
  AND (?4 IS NULL OR c.product = ?4) AND (?5 IS NULL OR c.key = ?5)
  AND (?6 IS NULL OR c.valid_from >= ?6 OR (c.valid_to <> '' AND c.valid_to >= ?6))
ORDER BY c.key, coalesce(nullif(c.valid_from, ''), c.valid_to), a.published, c.id)";

// The same columns, then the article's rowid and the article whose text it repeats, for
// Store::each_claim_by_key, ordered by key. NOT INDEXED: reading the table in order and letting
// SQLite's sorter order the rows (in bounded memory, spilling to temporary files) takes half the
// time of reading the rows in key order through claims_key, one random page read per claim.
constexpr const char* sql_stream_claims = R"(
SELECT c.id, c.article_id, c.kind, c.key, c.text, c.start, c."end", c.value, c.low, c.high,
       c.unit, c.qualifier, c.exponent, c.type, c.relation, c.actor, c.partner, c.product,
       c.metric, c.basis, c.period, c.year, c.year_low, c.year_high, c.rule_id, c.rules_hash,
       c.role, c.status, c.measure, c.valid_from, c.valid_to, c.time_source, c.transition,
       a.title, a.outlet, a.published, a.rowid, coalesce(s.source, '')
FROM claims AS c NOT INDEXED JOIN articles AS a ON a.id = c.article_id
     LEFT JOIN temp.tc_same_text AS s ON s.article = c.article_id
WHERE (?1 IS NULL OR c.kind = ?1) AND (?2 IS NULL OR c.article_id = ?2)
ORDER BY c.key)";

// Each article whose text, white space aside (the bytes C's isspace() knows: space, \t \n \v
// \f \r), is the text of an article with a smaller id, with the smallest such id. SQLite sorts
// the texts in its own bounded memory, spilling to a temporary file: nothing per article is
// held by this process.
constexpr const char* sql_same_text = R"(
DROP TABLE IF EXISTS temp.tc_same_text;
CREATE TEMP TABLE tc_same_text (article TEXT PRIMARY KEY, source TEXT NOT NULL) WITHOUT ROWID;
INSERT INTO temp.tc_same_text (article, source)
SELECT id, first FROM (
    SELECT id, min(id) OVER (PARTITION BY replace(replace(replace(replace(replace(replace(
               text, ' ', ''), char(9), ''), char(10), ''), char(11), ''), char(12), ''), char(13), '')) AS first
    FROM articles)
WHERE id <> first)";

// Column positions in sql_select_claims (and sql_stream_claims).
struct Col {
    enum : int {
        id, article_id, kind, key, text, start, end, value, low, high, unit, qualifier,
        exponent, type, relation, actor, partner, product, metric, basis, period, year,
        year_low, year_high,
        rule_id, rules_hash, role, status, measure, valid_from, valid_to, time_source, transition, title, outlet, published, article_row, same_text_as
    };
};

constexpr const char* sql_select_text = "SELECT text FROM articles WHERE id = ?1";

constexpr const char* sql_select_articles =
    "SELECT id, path, sha256, title, outlet, published, currency, text FROM articles "
    "ORDER BY id";

constexpr double infinity = std::numeric_limits<double>::infinity();

// The enum value whose to_string is `text`; a value outside the schema's CHECK lists can
// only come from a hand-edited file, and is reported rather than guessed.
template <class Enum, std::size_t N>
Enum parse(const std::array<Enum, N>& all, const std::string& text, const char* column,
           const std::filesystem::path& path, std::int64_t claim_id) {
    for (Enum e : all) {
        if (to_string(e) == text) return e;
    }
    throw StoreError(fmt::format("database {}: claim {} has an unknown {} '{}'", path.string(),
                                 claim_id, column, text));
}

constexpr std::array all_types{QuantityType::number, QuantityType::percent, QuantityType::money,
                               QuantityType::multiplier, QuantityType::year,
                               QuantityType::duration};
constexpr std::array all_qualifiers{Qualifier::exact, Qualifier::about, Qualifier::more_than,
                                    Qualifier::at_least, Qualifier::less_than,
                                    Qualifier::at_most, Qualifier::between};
constexpr std::array all_relations{TimeRelation::none, TimeRelation::in, TimeRelation::by,
                                   TimeRelation::within_next, TimeRelation::end_of_decade,
                                   TimeRelation::relative};
constexpr std::array all_periods{Period::open, Period::in, Period::by};

// NULL stands for "no number": an open bound, or a NaN value.
double number(const SQLite::Statement& s, int column, double if_null) {
    return s.isColumnNull(column) ? if_null : s.getColumn(column).getDouble();
}

std::optional<int> year_of(const SQLite::Statement& s, int column) {
    if (s.isColumnNull(column)) return std::nullopt;
    return s.getColumn(column).getInt();
}

std::string text_of(const SQLite::Statement& s, int column) {
    return s.getColumn(column).getString();  // NULL reads as ""
}

std::size_t offset_of(const SQLite::Statement& s, int column) {
    return static_cast<std::size_t>(s.getColumn(column).getInt64());
}

Quantity read_quantity(const SQLite::Statement& s, const std::filesystem::path& path,
                       std::int64_t claim_id) {
    Quantity q;
    q.span = Span{offset_of(s, Col::start), offset_of(s, Col::end)};
    q.value = number(s, Col::value, std::numeric_limits<double>::quiet_NaN());
    q.low = number(s, Col::low, -infinity);
    q.high = number(s, Col::high, infinity);
    q.unit = text_of(s, Col::unit);
    q.qualifier = parse(all_qualifiers, text_of(s, Col::qualifier), "qualifier", path, claim_id);
    q.exponent = s.getColumn(Col::exponent).getInt();
    q.type = parse(all_types, text_of(s, Col::type), "type", path, claim_id);
    q.relation = parse(all_relations, text_of(s, Col::relation), "relation", path, claim_id);
    // Not stored: byte offsets (derivable from the text) and same_as (an index into the
    // extractor's working vector, meaningless once stored).
    return q;
}

StoredClaim read_claim(const SQLite::Statement& s, const std::filesystem::path& path) {
    StoredClaim stored;
    stored.id = s.getColumn(Col::id).getInt64();
    Claim& c = stored.claim;
    c.article = text_of(s, Col::article_id);
    c.kind = text_of(s, Col::kind);
    c.key = text_of(s, Col::key);
    c.text = text_of(s, Col::text);
    c.start = offset_of(s, Col::start);
    c.end = offset_of(s, Col::end);
    c.quantity = read_quantity(s, path, stored.id);
    c.actor = text_of(s, Col::actor);
    c.partner = text_of(s, Col::partner);
    c.product = text_of(s, Col::product);
    c.metric = text_of(s, Col::metric);
    c.basis = text_of(s, Col::basis);
    c.period = parse(all_periods, text_of(s, Col::period), "period", path, stored.id);
    c.year = year_of(s, Col::year);
    c.year_low = year_of(s, Col::year_low);
    c.year_high = year_of(s, Col::year_high);
    c.rule = text_of(s, Col::rule_id);
    stored.rules_hash = text_of(s, Col::rules_hash);
    c.role = text_of(s, Col::role);
    c.status = text_of(s, Col::status);
    c.measure = text_of(s, Col::measure);
    c.valid_from = parse_day(text_of(s, Col::valid_from));
    c.valid_to = parse_day(text_of(s, Col::valid_to));
    c.time_source = text_of(s, Col::time_source);
    c.transition = s.getColumn(Col::transition).getInt();
    stored.title = text_of(s, Col::title);
    stored.outlet = text_of(s, Col::outlet);
    stored.published = text_of(s, Col::published);
    return stored;
}

Article read_article(const SQLite::Statement& s) {
    Article a;
    a.id = text_of(s, 0);
    a.path = text_of(s, 1);
    a.sha256 = text_of(s, 2);
    a.title = text_of(s, 3);
    a.outlet = text_of(s, 4);
    a.published = text_of(s, 5);
    a.currency = text_of(s, 6);
    a.text = text_of(s, 7);
    return a;
}

void bind_optional(SQLite::Statement& s, int index, const std::optional<std::string>& value) {
    if (value) {
        s.bind(index, *value);
    } else {
        s.bind(index);
    }
}

} // namespace

std::vector<StoredClaim> Store::claims(const ClaimFilter& filter) const {
    return guarded(impl_->path, "reading claims", [&] {
        SQLite::Statement& s = impl_->cached(impl_->select_claims, sql_select_claims);
        ResetGuard reset(s);
        bind_optional(s, 1, filter.kind);
        bind_optional(s, 2, filter.article);
        std::vector<StoredClaim> result;
        while (s.executeStep()) result.push_back(read_claim(s, impl_->path));
        return result;
    });
}

std::vector<StoredClaim> Store::timeline(const TimelineFilter& filter) const {
    return guarded(impl_->path, "reading the timeline", [&] {
        SQLite::Statement& s = impl_->cached(impl_->select_timeline, sql_select_timeline);
        ResetGuard reset(s);
        int index = 0;
        for (const auto* slot : {&filter.kind, &filter.actor, &filter.partner, &filter.product, &filter.key,
                                 &filter.since})
            bind_optional(s, ++index, *slot);
        std::vector<StoredClaim> result;
        while (s.executeStep()) result.push_back(read_claim(s, impl_->path));
        return result;
    });
}

std::vector<Article> Store::articles() const {
    return guarded(impl_->path, "reading articles", [&] {
        SQLite::Statement& s = impl_->cached(impl_->select_articles, sql_select_articles);
        ResetGuard reset(s);
        std::vector<Article> result;
        while (s.executeStep()) result.push_back(read_article(s));
        return result;
    });
}

// The statement that reads an article's digest and fingerprint by id.
SQLite::Statement& Store::Impl::identity_lookup() {
    if (!select_identity && !has_index(db, "articles_identity"))
        return cached(select_identity, "SELECT sha256, NULL FROM articles WHERE id = ?1");
    // The covering index answers from its own pages; the planner would rather take the primary
    // key's and read each article's row, text and all.
    return cached(select_identity,
                  "SELECT sha256, fingerprint FROM articles INDEXED BY articles_identity WHERE id = ?1");
}

std::optional<std::string> Store::article_sha256(const std::string& id) const {
    return guarded(impl_->path, "reading an article digest", [&] {
        SQLite::Statement& s = impl_->identity_lookup();
        ResetGuard reset(s);
        s.bindNoCopy(1, id);
        std::optional<std::string> sha;
        if (s.executeStep()) sha = text_of(s, 0);
        return sha;
    });
}

namespace {
std::string_view text_view(const SQLite::Column& c) {
    return {c.getText(), static_cast<std::size_t>(c.getBytes())};
}
} // namespace

bool Store::has_article(const std::string& id, std::string_view sha256) const {
    return guarded(impl_->path, "reading an article digest", [&] {
        SQLite::Statement& s = impl_->identity_lookup();
        ResetGuard reset(s);
        s.bindNoCopy(1, id);
        return s.executeStep() && text_view(s.getColumn(0)) == sha256;
    });
}

FingerprintMatch Store::match_fingerprint(const std::string& id, std::string_view fingerprint) const {
    return guarded(impl_->path, "reading an article fingerprint", [&] {
        SQLite::Statement& s = impl_->identity_lookup();
        ResetGuard reset(s);
        s.bindNoCopy(1, id);
        if (!s.executeStep()) return FingerprintMatch::not_stored;
        const SQLite::Column stored = s.getColumn(1);
        if (stored.isNull()) return FingerprintMatch::not_recorded;
        return text_view(stored) == fingerprint ? FingerprintMatch::same : FingerprintMatch::different;
    });
}

void Store::each_claim_by_key(const ClaimFilter& filter, const std::function<void(StreamedClaim&)>& visit) const {
    guarded(impl_->path, "reading claims", [&] {
        impl_->db.exec(sql_same_text);
        SQLite::Statement s(impl_->db, sql_stream_claims);
        bind_optional(s, 1, filter.kind);
        bind_optional(s, 2, filter.article);
        StreamedClaim claim;
        while (s.executeStep()) {
            claim.stored = read_claim(s, impl_->path);
            claim.article_row = s.getColumn(Col::article_row).getInt64();
            claim.same_text_as = text_of(s, Col::same_text_as);
            visit(claim);
        }
    });
}

void Store::each_article(const std::function<void(const Article&)>& visit) const {
    guarded(impl_->path, "reading articles", [&] {
        SQLite::Statement s(impl_->db, sql_select_articles);
        while (s.executeStep()) visit(read_article(s));
    });
}

std::function<std::string(const std::string&)> Store::text_reader() const {
    auto s = guarded(impl_->path, "reading an article",
                     [&] { return std::make_shared<SQLite::Statement>(impl_->db, sql_select_text); });
    return [s, path = impl_->path](const std::string& id) {
        return guarded(path, "reading an article", [&] {
            ResetGuard reset(*s);
            s->bind(1, id);
            return s->executeStep() ? text_of(*s, 0) : std::string();
        });
    };
}

} // namespace tradecheck::db
