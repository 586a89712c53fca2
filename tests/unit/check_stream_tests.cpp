// `check` in bounded memory: checking claims run by run (checks::run_prefix) and rendering
// each run's findings through report::FindingsWriter gives the report of checking them all at
// once, in every format.
#include <algorithm>
#include <numeric>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/report/render.hpp"

using namespace tradecheck;
using checks::Status;

namespace {

std::string fmt_value(double v) {
    std::ostringstream o;
    o << v;
    return o.str();
}

// A trade balance (money, in billions) or, with `unit` percent, a tariff.
db::StoredClaim claim(const std::string& article, const std::string& actor, const std::string& partner, double value,
                      int exponent, std::optional<int> year, const std::string& basis = "",
                      const std::string& unit = "USD") {
    static std::int64_t id = 0;
    db::StoredClaim s;
    s.id = ++id;
    Claim& c = s.claim;
    c.article = article;
    c.actor = actor;
    c.partner = partner;
    c.basis = basis;
    c.quantity.unit = unit;
    if (unit == "percent") {
        c.kind = "tariff_rate";
        c.quantity.type = QuantityType::percent;
        c.quantity.value = c.quantity.low = c.quantity.high = value;
    } else {
        c.kind = "trade_balance";
        c.metric = "trade_deficit";
        c.quantity.type = QuantityType::money;
        c.quantity.value = c.quantity.low = c.quantity.high = value * 1e9;
    }
    c.quantity.exponent = exponent;
    if (year) {
        c.period = Period::in;
        c.year = year;
    }
    c.text = fmt_value(value);
    c.start = 4;
    c.end = 4 + c.text.size();
    c.key = checks::fact_key(c);
    s.title = "Story " + article;
    s.outlet = "Wire";
    s.published = "1987-06-0" + std::to_string(1 + article.size() % 9);
    return s;
}

// Claims in many series, in the order a whole read gives them (by article), with facts of every
// status and undated claims that join dated facts of their series.
std::vector<db::StoredClaim> corpus() {
    return {
        // USA: 1985 and 1986 facts, each joined by an undated figure that fits it.
        claim("a1", "USA", "", 169.8, 8, 1986), claim("a1", "USA", "", 150, 9, 1985),
        claim("a2", "USA", "", 170, 9, 1986), claim("a2", "USA", "", 150, 9, 1985),
        claim("a3", "USA", "", 169.8, 8, std::nullopt), claim("a4", "USA", "", 150, 9, std::nullopt),
        claim("a5", "USA", "", 90, 9, std::nullopt),   // fits neither: stays undated, alone
        // USA with Japan: a series of its own between USA's and the next actor's.
        claim("b1", "USA", "JPN", 58.6, 8, 1986), claim("b2", "USA", "JPN", 51.5, 8, 1986),
        claim("b3", "USA", "JPN", 58.6, 8, std::nullopt),
        // KOR: a revision.
        claim("c1", "KOR", "USA", 7.1, 8, 1986), claim("c2", "KOR", "USA", 7.3, 8, 1986, "revised"),
        // CHN: undated periodic figures that differ, with no dated fact to join.
        claim("d1", "CHN", "", 8.14, 7, std::nullopt), claim("d2", "CHN", "", 1.45, 7, std::nullopt),
        // TWN: the same story filed twice is one source.
        claim("e1", "TWN", "USA", 13.6, 8, 1986), claim("e2", "TWN", "USA", 13.6, 8, 1986),
        // CAN: single.
        claim("f1", "CAN", "", 20, 9, 1986),
        // Tariffs: a conflict and an agreement in one run of keys.
        claim("g1", "USA", "CHN", 25, 0, std::nullopt, "", "percent"),
        claim("g2", "USA", "CHN", 35, 0, std::nullopt, "", "percent"),
        claim("g3", "USA", "CAN", 25, 0, std::nullopt, "", "percent"),
        claim("g4", "USA", "CAN", 25, 0, std::nullopt, "", "percent"),
        // No partner: 35 fits only the tariff on China, and joins it (a key of another series).
        claim("g5", "USA", "", 35, 0, std::nullopt, "", "percent"),
        // Canada's tariffs all name their partner: a block that RunCutter cuts series by series.
        claim("h1", "CAN", "CHN", 100, 0, std::nullopt, "", "percent"),
        claim("h2", "CAN", "CHN", 100, 0, std::nullopt, "", "percent"),
        claim("h3", "CAN", "USA", 25, 0, std::nullopt, "", "percent"),
        claim("h4", "CAN", "USA", 10, 0, std::nullopt, "", "percent"),
        // An undated figure read before the dated ones of its series.
        claim("a0", "USA", "", 150.2, 8, std::nullopt),
    };
}

checks::CheckOptions options() {
    checks::CheckOptions o;
    o.source_of["e2"] = "e1";
    return o;
}

std::vector<Claim> plain(const std::vector<db::StoredClaim>& stored) {
    std::vector<Claim> out;
    for (const auto& s : stored) out.push_back(s.claim);
    return out;
}

std::size_t articles_of(const std::vector<checks::Finding>& findings, const std::vector<db::StoredClaim>& claims,
                        std::set<std::string>& seen) {
    for (const auto& f : findings)
        for (std::size_t i : f.claims) seen.insert(claims[i].claim.article);
    return seen.size();
}

// The report of checking `claims` run by run, in key order; `starts_run(key)` says whether a key
// starts a new run (it sees every claim's key in order, as checks::RunCutter does).
template <class StartsRun>
std::string streamed(std::vector<db::StoredClaim> claims, report::Format format, StartsRun starts_run) {
    std::vector<std::size_t> order(claims.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return claims[a].claim.key < claims[b].claim.key; });
    report::FindingsWriter writer(format, false);
    std::set<std::string> articles;
    for (std::size_t from = 0; from < order.size();) {
        std::size_t to = from + 1;
        starts_run(claims[order[from]].claim.key);
        while (to < order.size() && !starts_run(claims[order[to]].claim.key)) ++to;
        std::vector<std::size_t> members(order.begin() + static_cast<std::ptrdiff_t>(from),
                                         order.begin() + static_cast<std::ptrdiff_t>(to));
        std::sort(members.begin(), members.end());   // the order of the whole
        std::vector<db::StoredClaim> stored;
        for (std::size_t i : members) stored.push_back(claims[i]);
        const auto findings = checks::check(plain(stored), options());
        articles_of(findings, stored, articles);
        writer.add(findings, stored, {});
        from = to;
    }
    std::ostringstream out;
    const std::vector<db::StoredClaim> none;
    writer.finish(out, {none, nullptr, nullptr, nullptr, articles.size()});
    return out.str();
}

std::string whole(const std::vector<db::StoredClaim>& claims, report::Format format) {
    const auto findings = checks::check(plain(claims), options());
    std::ostringstream out;
    report::write_findings(out, report::FindingsView{findings, claims, {}}, format, false);
    return out.str();
}

// Runs of one run_prefix each (the coarsest cut).
struct ByRunPrefix {
    std::string last;
    bool operator()(const std::string& key) {
        const bool starts = std::string(checks::run_prefix(key)) != last;
        last = checks::run_prefix(key);
        return starts;
    }
};

} // namespace

TEST_CASE("series_prefix is the key up to its period", "[checks][stream]") {
    CHECK(checks::series_prefix("trade_balance|USA|-|-|trade_deficit|-|1986|money") ==
          "trade_balance|USA|-|-|trade_deficit|-|");
    CHECK(checks::series_prefix("trade_balance|USA|-|-|trade_deficit|-|-|money") ==
          "trade_balance|USA|-|-|trade_deficit|-|");
    CHECK(checks::series_prefix("a|b|c") == "a|b|c");
    CHECK(checks::series_prefix("") == "");
}

TEST_CASE("run_prefix is the kind for balances and trade values, else the kind and actor", "[checks][stream]") {
    CHECK(checks::run_prefix("trade_balance|USA|-|-|trade_deficit|-|1986|money") == "trade_balance|");
    CHECK(checks::run_prefix("tariff_rate|CAN|-|electric_vehicles|-|-|-|percent") == "tariff_rate|CAN|");
    CHECK(checks::run_prefix("a|b") == "a|b");
    CHECK(checks::run_prefix("a") == "a");
}

TEST_CASE("checking run by run writes the report of checking everything, in every format", "[checks][stream]") {
    const auto claims = corpus();
    for (auto format : {report::Format::table, report::Format::markdown, report::Format::json, report::Format::jsonl,
                        report::Format::csv, report::Format::html}) {
        INFO("format " << static_cast<int>(format));
        CHECK(streamed(claims, format, ByRunPrefix{}) == whole(claims, format));
    }
}

TEST_CASE("the streamed report has every status, in order, and undated claims in their dated facts",
          "[checks][stream]") {
    const auto report = nlohmann::json::parse(streamed(corpus(), report::Format::json, ByRunPrefix{}));
    const auto& facts = report["facts"];
    const std::vector<std::string> rank{"conflict", "revised", "not_comparable", "agree", "single"};
    const auto rank_of = [&](const nlohmann::json& f) {
        return std::find(rank.begin(), rank.end(), f["status"].get<std::string>()) - rank.begin();
    };
    std::set<std::string> statuses;
    for (std::size_t i = 0; i < facts.size(); ++i) {
        statuses.insert(facts[i]["status"].get<std::string>());
        if (i == 0) continue;
        const auto& a = facts[i - 1];
        const auto& b = facts[i];
        CHECK((rank_of(a) < rank_of(b) || (rank_of(a) == rank_of(b) && a["key"] < b["key"])));
    }
    CHECK(statuses == std::set<std::string>(rank.begin(), rank.end()));

    const auto fact = [&](const std::string& key) {
        for (const auto& f : facts)
            if (f["key"] == key) return f;
        FAIL("no fact " << key);
        return nlohmann::json();
    };
    const auto undated = [](const nlohmann::json& f) {
        std::set<std::string> out;
        for (const auto& c : f["claims"])
            if (c["undated"].get<bool>()) out.insert(c["article"].get<std::string>());
        return out;
    };
    const auto y1986 = fact("trade_balance|USA|-|-|trade_deficit|-|1986|money");
    CHECK(y1986["status"] == "agree");
    CHECK(undated(y1986) == std::set<std::string>{"a3"});
    const auto y1985 = fact("trade_balance|USA|-|-|trade_deficit|-|1985|money");
    CHECK(undated(y1985) == std::set<std::string>{"a0", "a4"});
    CHECK(y1985["sources"] == 4);
    CHECK(fact("trade_balance|USA|-|-|trade_deficit|-|-|money")["claims"].size() == 1);   // a5 alone
    CHECK(undated(fact("trade_balance|USA|JPN|-|trade_deficit|-|1986|money")) == std::set<std::string>{"b3"});
    CHECK(fact("trade_balance|USA|JPN|-|trade_deficit|-|1986|money")["status"] == "conflict");
    CHECK(fact("trade_balance|KOR|USA|-|trade_deficit|-|1986|money")["status"] == "revised");
    CHECK(fact("trade_balance|CHN|-|-|trade_deficit|-|-|money")["status"] == "not_comparable");
    CHECK(fact("trade_balance|TWN|USA|-|trade_deficit|-|1986|money")["status"] == "single");
    const auto china = fact("tariff_rate|USA|CHN|-|-|-|-|percent");
    CHECK(china["status"] == "conflict");
    bool unified = false;
    for (const auto& c : china["claims"]) unified |= c["article"] == "g5" && c["matched"] == "unified_partner";
    CHECK(unified);
    CHECK(fact("tariff_rate|USA|CAN|-|-|-|-|percent")["status"] == "agree");
    CHECK(fact("tariff_rate|CAN|CHN|-|-|-|-|percent")["status"] == "agree");
    CHECK(fact("tariff_rate|CAN|USA|-|-|-|-|percent")["status"] == "conflict");
    CHECK(report["summary"]["articles"] == 25);
    CHECK(report["summary"]["claims"] == 27);
}

TEST_CASE("RunCutter cuts a block at its series only when no key of it leaves the partner out", "[checks][stream]") {
    checks::RunCutter cut;
    CHECK(cut.starts_run("tariff_rate|CAN|CHN|-|-|-|-|percent"));
    CHECK_FALSE(cut.starts_run("tariff_rate|CAN|CHN|-|-|-|-|percent"));
    CHECK(cut.starts_run("tariff_rate|CAN|USA|-|-|-|-|percent"));          // another series
    CHECK(cut.starts_run("tariff_rate|USA|-|steel|-|-|-|percent"));        // another block
    CHECK_FALSE(cut.starts_run("tariff_rate|USA|CAN|steel|-|-|-|percent")); // it has a partnerless key
    CHECK_FALSE(cut.starts_run("tariff_rate|USA|CHN|-|-|-|-|percent"));
    CHECK(cut.starts_run("trade_balance|JPN|USA|-|trade_surplus|-|1986|money"));
    CHECK_FALSE(cut.starts_run("trade_balance|USA|JPN|-|trade_deficit|-|1986|money"));   // mirror kinds: one run
    CHECK(cut.starts_run("tariff_rate|-|-|-|-|-|-|percent"));              // no actor: nothing unifies
    CHECK(cut.starts_run("tariff_rate|-|CHN|-|-|-|-|percent"));
}

TEST_CASE("checking the runs RunCutter cuts writes the report of checking everything", "[checks][stream]") {
    const auto claims = corpus();
    std::size_t runs = 0;
    checks::RunCutter cutter;
    const auto counted = [&](const std::string& key) {
        const bool starts = cutter.starts_run(key);
        runs += starts;
        return starts;
    };
    for (auto format : {report::Format::table, report::Format::json, report::Format::csv, report::Format::html}) {
        INFO("format " << static_cast<int>(format));
        runs = 0;
        cutter = {};
        CHECK(streamed(claims, format, counted) == whole(claims, format));
    }
    std::size_t blocks = 0;
    ByRunPrefix by_block;
    std::vector<std::string> keys;
    for (const auto& c : claims) keys.push_back(c.claim.key);
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) blocks += by_block(k);
    CHECK(runs == blocks + 1);   // Canada's two tariff series are two runs
}

TEST_CASE("runs cut at every key would lose the undated claims that join dated facts", "[checks][stream]") {
    // The control for the tests above: a wrong cut changes the report.
    const auto claims = corpus();
    std::string last;
    const auto by_key = [&last](const std::string& key) { return std::exchange(last, key) != key; };
    CHECK(streamed(claims, report::Format::json, by_key) != whole(claims, report::Format::json));
}
