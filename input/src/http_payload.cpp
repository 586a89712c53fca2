#include "http_payload.hpp"

#include <array>
#include <charconv>
#include <stdexcept>

#include <fmt/core.h>
#include <zlib.h>

#include "tradecheck/input/charset.hpp"
#include "tradecheck/input/limits.hpp"

namespace tradecheck::input::detail {

namespace {

std::string lower_trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    std::string out(s.substr(first, s.find_last_not_of(" \t") - first + 1));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string dechunk(std::string_view in) {
    std::string out;
    std::size_t pos = 0;
    for (;;) {
        const auto eol = in.find('\n', pos);
        if (eol == std::string_view::npos) throw std::runtime_error("malformed chunked transfer encoding");
        std::size_t size = 0;
        const char* begin = in.data() + pos;
        const auto [end, ec] = std::from_chars(begin, in.data() + eol, size, 16);
        if (ec != std::errc() || end == begin) throw std::runtime_error("malformed chunked transfer encoding");
        pos = eol + 1;
        if (size == 0) return out;
        if (size > in.size() - pos) throw std::runtime_error("chunked transfer encoding cut short");
        out.append(in.substr(pos, size));
        pos += size;
        if (in.substr(pos, 2) == "\r\n") pos += 2;
        else if (in.substr(pos, 1) == "\n") pos += 1;
    }
}

// gzip or zlib/raw deflate, up to max_page_bytes of output.
std::string inflate_all(std::string_view in, bool gzip) {
    z_stream zs{};
    // deflate in HTTP is zlib-wrapped; 15+32 takes either a zlib or a gzip header.
    if (inflateInit2(&zs, gzip ? 15 + 16 : 15 + 32) != Z_OK) throw std::runtime_error("zlib could not be initialised");
    std::string out;
    std::array<char, 1 << 16> buf{};
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = reinterpret_cast<Bytef*>(buf.data());
        zs.avail_out = buf.size();
        rc = inflate(&zs, Z_NO_FLUSH);
        out.append(buf.data(), buf.size() - zs.avail_out);
        if (out.size() > max_page_bytes) {
            inflateEnd(&zs);
            throw std::runtime_error(fmt::format("page inflates past the {} MB limit for one HTML page", max_page_bytes >> 20));
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) throw std::runtime_error("corrupt or cut-short compressed page");
    return out;
}

} // namespace

void HttpHead::status_line(std::string_view line) {
    // "HTTP/1.1 200 OK": the second word.
    const auto space = line.find(' ');
    if (!line.starts_with("HTTP/") || space == std::string_view::npos) return;
    const char* begin = line.data() + space + 1;
    std::from_chars(begin, line.data() + line.size(), status);
}

void HttpHead::header_line(std::string_view line) {
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return;
    const std::string name = lower_trim(line.substr(0, colon));
    const std::string_view value = line.substr(colon + 1);
    if (name == "content-type") {
        content_type = lower_trim(value.substr(0, value.find(';')));
        charset = charset_parameter(value);
    } else if (name == "transfer-encoding") {
        chunked = lower_trim(value).find("chunked") != std::string::npos;
    } else if (name == "content-encoding") {
        content_encoding = lower_trim(value);
    }
}

bool HttpHead::is_html() const { return content_type == "text/html" || content_type == "application/xhtml+xml"; }

std::string HttpHead::decode(std::string payload) const {
    if (chunked) payload = dechunk(payload);
    if (content_encoding.empty() || content_encoding == "identity") return payload;
    if (content_encoding == "gzip" || content_encoding == "x-gzip") return inflate_all(payload, true);
    if (content_encoding == "deflate") return inflate_all(payload, false);
    throw std::runtime_error(fmt::format("content encoding '{}' is not supported", content_encoding));
}

} // namespace tradecheck::input::detail
