// A fact's values over time (docs/checks.md, "Facts in time"): the claims that say when they
// hold, placed on a line of days. Used by the check reports (a timeline per fact whose values
// differ over time) and by `tradecheck timeline`. Private to the report layer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "tradecheck/db/store.hpp"
#include "tradecheck/parser/day.hpp"

namespace tradecheck::report::timeline {

// One claim placed in time. `from` is when it starts to hold (its valid_from, else its
// valid_to); `until` is where its line ends: its valid_to, else the start of the next value in
// force or announced for the same fact, else nothing (an open end).
struct Point {
    std::size_t claim = 0;   // index into the claims the points were made from
    Day from;
    std::optional<Day> until;
};

// The members of one fact (indices into `claims`) that have a time, in time order: by start,
// then publication, then as given.
std::vector<Point> points(const std::vector<db::StoredClaim>& claims, const std::vector<std::size_t>& members);

// Whether a report shows a fact's timeline: its timed claims give more than one value, on more
// than one day or with more than one status (a threat beside the rate in force). A figure
// repeated across months needs no chart.
bool worth_showing(const std::vector<db::StoredClaim>& claims, const std::vector<Point>& points);

// "2025-02-04 .. 2025-03-04", "from 2025-02-04", "until 2025-07-09": when the point holds, as its
// claim says (an end read from the text, not the one drawn up to the next value).
std::string when_text(const db::StoredClaim& claim);

// Statuses that are not a rate or value in force: drawn apart, never joined to the steps.
bool is_prospect(const std::string& status);

// A self-contained SVG step chart of the points (HTML report): values in force as solid steps,
// announcements dashed, older values quoted for comparison grey, threats, proposals and forecasts
// as hollow markers. Every text that comes from an article is escaped with `escape`.
std::string svg(const std::vector<db::StoredClaim>& claims, const std::vector<Point>& points,
                std::string (*escape)(std::string_view));

} // namespace tradecheck::report::timeline
