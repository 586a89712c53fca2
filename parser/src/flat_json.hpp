// A JSON object whose values are all strings or null, read in one pass without building a
// document: the usual shape of a JSON Lines article. Private to the parser library.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tradecheck::detail {

struct FlatMember {
    std::string key;
    std::optional<std::string> value;   // nullopt: JSON null
};

// The members of `line`, in order, or nullopt when `line` is anything else: nested values,
// numbers or booleans, invalid escapes or UTF-8, control characters in strings, trailing text.
// nullopt is not a verdict on the line: the caller hands it to the full parser, which reads
// every JSON text and words every error. Whatever this accepts, a conforming parser reads the
// same way (the article-reader fuzz target holds it to nlohmann's).
std::optional<std::vector<FlatMember>> read_flat_object(std::string_view line);

} // namespace tradecheck::detail
