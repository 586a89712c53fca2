// Where an article is from, and what its bare "$" and "Rs"/"rupee" mean there.
// A rupee is LKR in a Colombo story, PKR in a Karachi one, INR in a Delhi one; a bare "$" is the
// country's own dollar where it has one, else the US dollar, never a non-dollar currency.
#pragma once

#include <string>
#include <string_view>

#include <tradecheck/parser/quantity.hpp>

namespace tradecheck {

// The article's country as an ISO 3166 alpha-2 code ("LK"), or "" when nothing tells: from its
// outlet (metadata) when the outlet is known or names its country ("Daily FT (Sri Lanka)"),
// else from a dateline at the start of the text ("COLOMBO, ...", "Karachi (Reuters) -"), else
// the country its first paragraphs mention most (at least twice).
std::string article_country(std::string_view outlet, std::string_view text);

// The quantity options for an article from `country` ("" gives the defaults: USD and INR).
QuantityOptions quantity_options_for(std::string_view country);

} // namespace tradecheck
