// Articles from web pages: an HTML file or a WARC record, by way of input/'s extractor.
#pragma once

#include <string>
#include <string_view>

#include "tradecheck/parser/article_reader.hpp"

namespace tradecheck {

// The fingerprint of a page as read (its bytes, where it came from, the extractor's version):
// equal fingerprints give equal articles, so a re-ingest need not parse the page again.
std::string page_fingerprint(const RawInput& raw);

} // namespace tradecheck
