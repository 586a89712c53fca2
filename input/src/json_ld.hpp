// The article described by a page's JSON-LD (<script type="application/ld+json">), which many
// news sites carry for search engines: schema.org NewsArticle and its kin.
#pragma once

#include <string>
#include <string_view>

namespace tradecheck::input::detail {

struct LinkedData {
    std::string headline, published, modified, publisher, author, language, url, body;
};

// Fills what `ld` still lacks from one script's JSON text. Invalid JSON, and anything nested
// deeper than a description needs, are ignored.
void read_json_ld(std::string_view json_text, LinkedData& ld);

} // namespace tradecheck::input::detail
