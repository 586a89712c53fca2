// Reads the frame of a figure from the tokens of its sentence.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "tradecheck/frames/frame.hpp"
#include "tradecheck/frames/lexicon.hpp"

namespace tradecheck {

// What the names found at a token (rules/names/*.tsv): the caller's name finder decides.
enum class NameClass : char { none, country, leader, country_adjective, country_possessive, product, government };

// One token of the sentence, as the frame reader needs it.
struct FrameToken {
    std::string_view norm;        // normalised: lower case, "U.S." -> "us" (tokens.hpp)
    bool word = false;
    bool capitalised = false;
    NameClass name = NameClass::none;   // on every token of a name
    bool name_start = false;            // the first token of a name
    std::string_view name_id;           // country code or product id, on every token of the name
    bool figure = false;                // part of a figure that may be a claim (not a year or duration)
};

// The tokens of one sentence and the figure to read: tokens [first, last) of `tokens`.
struct FrameQuery {
    std::span<const FrameToken> tokens;
    std::size_t first = 0;
    std::size_t last = 0;
    bool percent = false;   // a rate (change_rate) rather than an amount (change_amount)
    // The article's day, against which "on Tuesday" or "from August 1" are resolved
    // (Frame::time); without it the frame has no time.
    std::optional<std::chrono::year_month_day> published;
};

// The frame of the figure. Token positions in the result (phrase_first/last) index `tokens`.
Frame read_frame(const FrameQuery& query, const FrameLexicon& lexicon);

} // namespace tradecheck
