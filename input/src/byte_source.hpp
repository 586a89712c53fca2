// The bytes of a WARC file as one stream, whether the file is plain or gzip: .warc.gz is a
// series of gzip members (one a record, usually), read through zlib a buffer at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace tradecheck::input::detail {

// Damaged compressed data, with the compressed offset where it was found.
class StreamError : public std::runtime_error {
public:
    StreamError(std::uint64_t offset, const std::string& what) : std::runtime_error(what), offset(offset) {}
    std::uint64_t offset;
};

class ByteSource {
public:
    // Reads `prefix` (bytes already taken from `in`, e.g. while sniffing stdin), then `in`.
    // gzip when the first two bytes are gzip's magic number.
    ByteSource(std::istream& in, std::string prefix);
    ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // Up to `n` uncompressed bytes into `out`; 0 at the end. Throws StreamError for corrupt or
    // cut-short gzip data (after handing out what came before it).
    std::size_t read(char* out, std::size_t n);

    // After a StreamError: skips to the next gzip member. False when there is none.
    bool recover();

    bool gzip() const;
    // The file offset of the gzip member whose data starts at uncompressed offset
    // `uncompressed`, if one of the members read lately does (a .warc.gz usually holds one
    // record a member, and tools index records by their member's offset).
    std::optional<std::uint64_t> member_starting_at(std::uint64_t uncompressed) const;
    // Bytes of the file consumed so far.
    std::uint64_t consumed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tradecheck::input::detail
