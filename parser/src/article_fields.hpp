// What every reader of articles shares: how a date is normalised, how an article is identified.
#pragma once

#include <string>

#include "tradecheck/parser/article.hpp"

namespace tradecheck {

// "2025-11-03", "2025-11-03T10:00:00Z" -> "2025-11-03"; "2025..." -> "2025"; otherwise "".
std::string normalise_date(const std::string& raw);

// The article's identity (sha256): its text with the metadata that changes what it means.
std::string article_digest(const Article& a);

} // namespace tradecheck
