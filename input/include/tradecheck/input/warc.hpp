// WARC archives (ISO 28500; .warc, or .warc.gz as Common Crawl's CC-NEWS ships them), read a
// record at a time. Only `response` records of HTML pages are handed out, with their target URI
// and date; requests, metadata, redirects, error pages and non-HTML responses are counted and
// skipped. Memory is bounded by one page (max_page_bytes): a larger record is skipped without
// being held, so an archive of any size can be read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace tradecheck::input {

// Where a record starts: in a .warc.gz, the offset of its gzip member (what CDX indexes give),
// when the record starts one; otherwise its offset in the uncompressed stream.
struct WarcOffset {
    std::uint64_t bytes = 0;
    bool uncompressed = false;   // true: an offset in the decompressed data of a .warc.gz
};

// "@1234", or "@uncompressed:1234".
std::string to_string(const WarcOffset& offset);

struct WarcPage {
    WarcOffset offset;
    std::string target_uri;    // WARC-Target-URI
    std::string date;          // WARC-Date: when the page was fetched
    std::string record_id;     // WARC-Record-ID
    std::string charset;       // from the HTTP Content-Type header, "" when it gives none
    std::string body;          // the HTTP payload, transfer and content encodings undone
};

// A record that could not be read: cut short, malformed, too large, corrupt compression.
struct WarcProblem {
    WarcOffset offset;
    std::string message;
};

struct WarcCounts {
    std::size_t records = 0;     // every record seen, pages included
    std::size_t pages = 0;       // HTML responses handed out
    std::size_t redirects = 0;   // 3xx responses
    std::size_t errors = 0;      // other non-2xx responses
    std::size_t not_html = 0;    // responses of another content type
    std::size_t other = 0;       // warcinfo, request, metadata, revisit, ... records
    std::size_t problems = 0;
};

class WarcReader {
public:
    // Reads `prefix` (bytes already taken from `in` while sniffing) and then `in`; gzip or not
    // is told by the bytes.
    explicit WarcReader(std::istream& in, std::string prefix = {});
    ~WarcReader();
    WarcReader(const WarcReader&) = delete;
    WarcReader& operator=(const WarcReader&) = delete;

    // The next HTML page or problem; nullopt at the end of the archive.
    std::optional<std::variant<WarcPage, WarcProblem>> next();

    const WarcCounts& counts() const;
    // Bytes of the file (compressed, for .warc.gz) consumed so far.
    std::uint64_t consumed() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tradecheck::input
