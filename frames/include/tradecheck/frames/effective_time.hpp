// When a figure holds, as its clause says: "took effect on Tuesday", "from August 1",
// "until the end of July", "for 90 days". Dates are resolved against the article's day.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>

#include "tradecheck/frames/reader.hpp"

namespace tradecheck {

struct EffectiveTime {
    std::optional<std::chrono::year_month_day> from;   // the day the figure starts to hold
    std::optional<std::chrono::year_month_day> to;     // the day it stops holding
};

// What the clause says of when its figure holds. `tokens[first, last)` is the clause (Frame's
// clause_first/clause_last), `figure` the first token of the figure: of several dates the
// nearest to it counts. `published` is the article's day; `future` says the clause speaks of
// what will be ("will take effect on Tuesday" is the next Tuesday, "took effect on Tuesday"
// the last one). A day that does not exist ("February 30") is no date.
EffectiveTime read_effective_time(std::span<const FrameToken> tokens, std::size_t first, std::size_t last,
                                  std::size_t figure, std::chrono::year_month_day published, bool future);

} // namespace tradecheck
