// Small text utilities shared by the readers and the extractor: UTF-8 checks, code-point
// offsets (what users see in SQLite's substr()), and content hashing.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tradecheck {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF included), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 (it counts the bytes that are not continuation bytes).
// Articles are checked for valid UTF-8 before anything counts in them.
std::size_t count_code_points(std::string_view text);

// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

// Lowercase hex (32 digits) of a 128-bit fingerprint of `data`: how a re-ingest recognises a
// JSON Lines record it has stored before, about eight times faster than SHA-256 (which stays the
// article's identity, computed only for records read in full). Not cryptographic: it tells edits
// apart, not forgeries. The same bytes give the same fingerprint on every machine and in every
// version, since databases keep it (tests pin known values); parser/src/fingerprint.cpp says how.
std::string fingerprint_hex(std::string_view data);

// Converts byte offsets to code-point offsets in one forward pass. Offsets must be asked for
// in non-decreasing order, which is how the extractor walks a text.
class CodePointCursor {
public:
    explicit CodePointCursor(std::string_view text) : text_(text) {}
    std::size_t at(std::size_t byte_offset);
private:
    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t code_point_ = 0;
};

} // namespace tradecheck
