// The HTTP response inside a WARC response record: status, the headers that matter, and the
// payload with its transfer and content encodings undone.
#pragma once

#include <string>
#include <string_view>

namespace tradecheck::input::detail {

struct HttpHead {
    int status = 0;
    std::string content_type;       // the media type, lower case, without parameters
    std::string charset;            // the Content-Type's charset parameter, or ""
    bool chunked = false;           // Transfer-Encoding: chunked
    std::string content_encoding;   // gzip, deflate, br, ... lower case; "" or identity for none

    void status_line(std::string_view line);   // "HTTP/1.1 200 OK"
    void header_line(std::string_view line);   // "Name: value"
    bool is_html() const;

    // The page's bytes. Throws std::runtime_error for bad chunking, an unsupported or corrupt
    // content encoding, or a page that inflates past max_page_bytes.
    std::string decode(std::string payload) const;
};

} // namespace tradecheck::input::detail
