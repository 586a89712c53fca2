// The views people query with sqlite3: claim_view spans and fact_view statuses.
#include <catch2/catch.hpp>

#include <limits>

#include <SQLiteCpp/SQLiteCpp.h>

#include "helpers.hpp"

using namespace tradecheck;
using namespace tradecheck::db;
using test::sample_article;
using test::sample_claim;
using test::TempDir;

namespace {

// Code points in a UTF-8 string: every byte that is not a continuation byte starts one.
std::size_t code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char byte : utf8) n += (byte & 0xC0) != 0x80;
    return n;
}

// A claim on the first occurrence of `quote` in `text`, with code point offsets.
Claim claim_on(const std::string& text, const std::string& quote, double low, double high) {
    const std::size_t byte = text.find(quote);
    REQUIRE(byte != std::string::npos);
    const std::size_t start = code_points(text.substr(0, byte));
    Claim c = sample_claim(quote, start, start + code_points(quote), (low + high) / 2);
    c.quantity.low = low;
    c.quantity.high = high;
    return c;
}

std::string fact_status(SQLite::Database& db, const std::string& key) {
    SQLite::Statement query(db, "SELECT status FROM fact_view WHERE key = ?1");
    query.bind(1, key);
    REQUIRE(query.executeStep());
    return query.getColumn(0).getString();
}

} // namespace

TEST_CASE("substr(text, start+1, end-start) gives the quote through claim_view", "[view]") {
    TempDir dir;
    Article article = sample_article();
    article.text = "The minister said “tariffs on café imports will reach 25% — or 30,5 %” "
                   "in Zürich; exports fell by $1.2 billion.";
    const std::vector<Claim> claims{claim_on(article.text, "25%", 25, 25),
                                    claim_on(article.text, "30,5 %", 30.5, 30.5),
                                    claim_on(article.text, "$1.2 billion", 1.2e9, 1.2e9)};
    Store(dir.file("t.db")).put_article(article, claims, "h");

    SQLite::Database db(dir.file("t.db").string());
    SQLite::Statement rows(db, R"(
        SELECT v.quote, substr(a.text, v.start + 1, v."end" - v.start), v.title, v.context
        FROM claim_view AS v JOIN articles AS a ON a.id = v.article_id ORDER BY v.start)");
    int n = 0;
    while (rows.executeStep()) {
        const std::string quote = rows.getColumn(0).getString();
        CHECK(rows.getColumn(1).getString() == quote);
        CHECK(rows.getColumn(2).getString() == article.title);
        CHECK(rows.getColumn(3).getString().find(quote) != std::string::npos);
        CHECK(quote == claims[static_cast<std::size_t>(n)].text);
        ++n;
    }
    CHECK(n == 3);
    // The unquoted spelling users type in sqlite3 works too.
    CHECK(db.execAndGet("SELECT count(*) FROM claim_view v JOIN articles a ON a.id = v.article_id "
                        "WHERE substr(a.text, v.start + 1, v.end - v.start) = v.quote")
              .getInt() == 3);
}

TEST_CASE("fact_view: one source is single, overlap agrees, disjoint conflicts", "[view]") {
    TempDir dir;
    Store store(dir.file("t.db"));
    const std::string text = "It rose 24 to 26 percent, then 25%.";
    auto put = [&](const std::string& id, const std::string& key, double low, double high) {
        Claim c = claim_on(text, "25%", low, high);
        c.key = key;
        Article a = sample_article(id, "sha-" + id);
        a.text = text;
        store.put_article(a, {c}, "h");
    };
    put("a.txt", "overlap", 24, 26);
    put("b.txt", "overlap", 25, 25);
    put("a.txt-2", "disjoint", 10, 10);
    put("b.txt-2", "disjoint", 25, 25);
    put("c.txt", "alone", 25, 25);
    put("d.txt", "open", 30, std::numeric_limits<double>::infinity());
    put("e.txt", "open", 40, 40);

    SQLite::Database db(dir.file("t.db").string());
    CHECK(fact_status(db, "overlap") == "agree");
    CHECK(fact_status(db, "disjoint") == "conflict");
    CHECK(fact_status(db, "alone") == "single");
    CHECK(fact_status(db, "open") == "agree");  // "more than 30" holds 40

    SQLite::Statement row(db, "SELECT kind, sources, claims, low, high, min_value, max_value, "
                              "units FROM fact_view WHERE key = 'disjoint'");
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getString() == "tariff_rate");
    CHECK(row.getColumn(1).getInt() == 2);
    CHECK(row.getColumn(2).getInt() == 2);
    CHECK(row.getColumn(3).getDouble() == 10);
    CHECK(row.getColumn(4).getDouble() == 25);
    CHECK(row.getColumn(5).getDouble() == 10);
    CHECK(row.getColumn(6).getDouble() == 25);
    CHECK(row.getColumn(7).getString() == "percent");
    CHECK(db.execAndGet("SELECT high IS NULL FROM fact_view WHERE key = 'open'").getInt() == 1);
}
