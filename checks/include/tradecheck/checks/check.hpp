// The consistency check: groups claims by fact key and gives each fact a verdict.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tradecheck/checks/copies.hpp"
#include "tradecheck/checks/fact_key.hpp"
#include "tradecheck/checks/interval.hpp"
#include "tradecheck/checks/rates.hpp"
#include "tradecheck/parser/claim.hpp"

namespace tradecheck::checks {

// conflict: sources disagree about the same moment; stale: a source prints, for a day on which
// others say a newer value was in force, the value before it; changed: the values differ only
// across time (docs/checks.md, "Facts in time").
enum class Status { conflict, stale, revised, changed, not_comparable, agree, single };

constexpr std::string_view to_string(Status s) {
    switch (s) {
    case Status::conflict: return "conflict";
    case Status::stale: return "stale";
    case Status::revised: return "revised";
    case Status::changed: return "changed";
    case Status::not_comparable: return "not_comparable";
    case Status::agree: return "agree";
    case Status::single: return "single";
    }
    return "single";
}

// Two claims from different sources whose intervals do not meet.
struct Disagreement {
    std::size_t a = 0;          // indices into the checked claims
    std::size_t b = 0;
    bool on_horizon = false;    // the targets' horizons differ, not their values
    bool revision = false;      // one side is a figure its text calls revised
    double gap = 0;             // |value a - value b| (years for horizons; USD when converted)
    double relative_gap = 0;    // gap / the smaller |value|
    bool stale = false;         // a's figure is the value before the one b says holds on a's date
    bool mirror = false;        // a and b state one relation from its two sides (mirror figures)
};

struct Finding {
    std::string key;
    std::string kind;
    Status status = Status::single;
    std::vector<std::size_t> claims;      // indices into the checked claims, in input order
    std::vector<std::size_t> undated;     // of those, claims with no stated period that joined this
                                          // dated fact because their figure fits; they never conflict
    std::vector<std::size_t> unified;     // of those, claims with no partner stated that joined this
                                          // fact, the one whose figures they fit; they never conflict
    std::vector<std::size_t> mirrored;    // of those, claims stating the relation from the other side
    std::vector<std::size_t> retyped;     // of those, claims typed as another kind whose metric makes them this one
    std::string mirror_key;               // ... whose key this is ("" when none joined)
    std::size_t sources = 0;              // distinct sources (same text filed twice counts once)
    std::vector<Disagreement> conflicts;  // the disagreeing pairs, the first max_listed_conflicts
    std::size_t disagreeing_pairs = 0;    // all of them (more than listed: `note` says so)
    std::vector<std::pair<std::string, std::string>> same_text;  // article, the article it repeats
    // Copies among the fact's sources (reworded or syndicated: CheckOptions::copies), each one
    // source with its family: article -> where it is copied from.
    std::vector<std::pair<std::string, CopyOf>> copies;
    bool rounding_only = false;           // agrees only because printed figures are rounded
    bool converted = false;               // money in several currencies compared through rates
    std::string note;                     // why not comparable, for people
};

struct CheckOptions {
    std::size_t min_sources = 1;          // leave out facts with fewer sources
    // Kinds whose figures are for a period (trade values, balances). Two undated claims of
    // these never conflict: without periods they may be for different months or years.
    std::set<std::string> periodic_kinds = checks::periodic_kinds();
    // Kinds whose facts mean nothing without a metric ("trade of what?").
    std::set<std::string> needs_metric{"trade_value", "trade_balance"};
    // article -> the article whose text it repeats (the same story filed twice).
    std::map<std::string, std::string> source_of;
    // article -> the story it copies (copies.hpp): a family of copies is one source. Null: none.
    const Copies* copies = nullptr;
    // article -> publication year, for converting money with the rate of its time.
    std::map<std::string, int> article_year;
    // article -> its day: a claim without a date of its own holds on it (docs/checks.md).
    std::map<std::string, Day> article_day;
    // Two claims in force speak of the same moment when the days they hold on are at most
    // this many days apart; further apart, differing values are a change, not a conflict.
    int same_moment_days = 3;
    const Rates* rates = nullptr;         // money in different currencies is not comparable without
};

// A fact stated by thousands of articles that disagree has millions of disagreeing pairs; the
// report lists this many and counts the rest.
inline constexpr std::size_t max_listed_conflicts = 1000;

// Amounts of money (or plain counts) for one fact that differ by more than this factor are taken
// for different measures (a total and a part, a month and a year), not a disagreement: real
// disagreements between news reports are a few percent (rounding, revision, basis).
inline constexpr double different_measure_ratio = 2.0;

// Findings ordered conflicts first, then stale, revised, changed, not comparable, agree, single;
// by key within each.
std::vector<Finding> check(const std::vector<Claim>& claims, const CheckOptions& options = {});

// How claim `claim` (an index into the checked claims, one of f.claims) joined fact f: "exact"
// (its key is the fact's), "undated" (no period stated; its figure fits this dated fact),
// "unified_partner" (no partner stated; its figure fits this fact and no other of its series),
// "mirror" (the relation from the other side: B's deficit with A for A's surplus with B), or
// "mirror+undated", "mirror+unified_partner"; "+retyped" (or "retyped" alone) when the claim was
// typed as another kind than the fact's and its metric made it this one (compared_kind()).
std::string matched_by(const Finding& f, std::size_t claim);

// The fields of a fact key: kind, actor, partner, product, metric, basis, period, measure.
std::vector<std::string> key_fields(const std::string& key);

// The start of a fact key up to its period: "kind|actor|partner|product|metric|basis|" (the whole
// key when it has fewer fields): the series of a key. Undated claims join the dated facts of
// their series; partnerless claims and mirror relations reach further, so check() runs are cut
// by run_prefix (below), of which a series is always a part.
std::string_view series_prefix(std::string_view key);

// The start of a fact key that check() needs whole runs of (a coarser series_prefix): claims
// with no partner unify with facts of a known partner ("kind|actor|"), and the two sides of a
// mirror relation (balances and trade values: docs/checks.md) have each other's actor, so their
// runs are the whole kind ("kind|"). Keys that share a run_prefix are adjacent in sorted order.
// So check() over each run of claims with one run_prefix, of claims sorted by key (a claim's key
// being fact_key() when Claim::key is empty), gives the findings check() gives over all of them,
// run by run, provided each run keeps the claims in the order of the whole (the order of
// Finding::claims).
std::string_view run_prefix(std::string_view key);

// Cuts a stream of fact keys, in key order, into the runs check() may take one at a time (the
// claims of one run are checked together; the report is the one of checking them all at once).
// A run is at most a run_prefix. Inside one it ends at each series boundary too, when the block
// of that run_prefix has no partnerless key with an actor: then no claim of the block unifies
// across series (undated claims join facts of their own series) and the kind has no mirror
// relations (those kinds' run_prefix is the kind, and is never cut). Partnerless keys ("-",
// which sorts before every partner code) come first in their block, so whether it has any is
// known before its first partnered key. So memory holds one series, not one actor's claims,
// whenever no story leaves an actor's partner out.
class RunCutter {
public:
    // Whether `key`, the next key in key order, starts a new run.
    bool starts_run(std::string_view key);

private:
    std::string last_;
    bool any_ = false;
    bool block_partnerless_ = false;   // the current run_prefix block has a partnerless key
};

} // namespace tradecheck::checks
