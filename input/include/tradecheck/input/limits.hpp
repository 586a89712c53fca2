// Bounds on what one web page may cost, shared by the HTML extractor and the WARC reader.
#pragma once

#include <cstddef>

namespace tradecheck::input {

// The largest HTML page read. gumbo builds the whole tree (several times the page in memory)
// and --jobs pages are parsed at once; real news pages are well under 5 MB, scripts included.
inline constexpr std::size_t max_page_bytes = std::size_t{16} << 20;

} // namespace tradecheck::input
