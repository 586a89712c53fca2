#include "tradecheck/input/warc.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include <fmt/core.h>

#include "byte_source.hpp"
#include "http_payload.hpp"
#include "tradecheck/input/charset.hpp"
#include "tradecheck/input/html_page.hpp"
#include "tradecheck/input/limits.hpp"

namespace tradecheck::input {

using detail::ByteSource;
using detail::StreamError;

std::string to_string(const WarcOffset& offset) {
    return offset.uncompressed ? fmt::format("@uncompressed:{}", offset.bytes) : fmt::format("@{}", offset.bytes);
}

namespace {

// Lines and blocks of the uncompressed stream, read through a buffer.
class Reader {
public:
    explicit Reader(ByteSource& source) : source_(source), buf_(1 << 16) {}

    // The offset in the uncompressed stream of the next byte to read.
    std::uint64_t offset() const { return base_ + pos_; }

    // The next line without its line end, at most `max` bytes kept (the rest is read and
    // dropped, `cut` set). False at the end of the stream.
    bool line(std::string& out, std::size_t max, bool& cut) {
        out.clear();
        cut = false;
        bool any = false;
        for (;;) {
            if (pos_ == end_ && !refill()) {
                if (any && !out.empty() && out.back() == '\r') out.pop_back();
                return any;
            }
            any = true;
            const char* start = buf_.data() + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            const std::size_t keep = std::min(n, max - std::min(max, out.size()));
            out.append(start, keep);
            cut = cut || keep < n;
            pos_ += n + (nl ? 1 : 0);
            if (nl) {
                if (!out.empty() && out.back() == '\r') out.pop_back();
                return true;
            }
        }
    }

    // Appends up to `n` bytes to `out` (or drops them when `out` is null); how many there were.
    std::size_t take(std::size_t n, std::string* out) {
        std::size_t got = 0;
        while (got < n) {
            if (pos_ == end_ && !refill()) break;
            const std::size_t k = std::min(n - got, end_ - pos_);
            if (out) out->append(buf_.data() + pos_, k);
            pos_ += k;
            got += k;
        }
        return got;
    }

    // After damaged compressed data: what was buffered belongs to the damaged member.
    void discard() {
        base_ += end_;
        pos_ = end_ = 0;
    }

private:
    bool refill() {
        base_ += end_;
        pos_ = end_ = 0;
        end_ = source_.read(buf_.data(), buf_.size());
        return end_ > 0;
    }

    ByteSource& source_;
    std::vector<char> buf_;
    std::uint64_t base_ = 0;   // uncompressed offset of buf_[0]
    std::size_t pos_ = 0, end_ = 0;
};

constexpr std::size_t max_header_line = 16 << 10;
constexpr std::size_t max_header_lines = 512;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

std::optional<std::uint64_t> parse_length(std::string_view s) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return n;
}

// A target URI as UTF-8: bytes of another encoding percent-encoded, as a browser would send them.
std::string utf8_uri(std::string uri) {
    // A URI has no control bytes (a NUL would end it in C strings downstream), and no bytes
    // that are not UTF-8: both are percent-encoded, as a browser would.
    const auto control = [](unsigned char b) { return b < 0x20 || b == 0x7F; };
    const bool utf8 = is_utf8(uri);
    if (utf8 && std::none_of(uri.begin(), uri.end(), [&](char c) { return control(static_cast<unsigned char>(c)); }))
        return uri;
    std::string out;
    for (const char c : uri) {
        const auto b = static_cast<unsigned char>(c);
        if (control(b) || (b >= 0x80 && !utf8)) out += fmt::format("%{:02X}", b);
        else out += c;
    }
    return out;
}

std::string megabytes(std::uint64_t bytes) { return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6); }

// Thrown inside the reader for a record that cannot be read; `fatal` when nothing follows it.
struct RecordError {
    std::string message;
    bool fatal = false;
};

} // namespace

struct WarcReader::Impl {
    ByteSource source;
    Reader reader;
    WarcCounts counts;
    bool done = false;
    bool resync = false;     // after a malformed record: look for the next "WARC/" line
    WarcOffset offset;       // of the record being read
    std::string uri;         // of the record being read, for messages

    Impl(std::istream& in, std::string prefix) : source(in, std::move(prefix)), reader(source) {}

    WarcOffset offset_at(std::uint64_t uncompressed) const {
        if (!source.gzip()) return {uncompressed, false};
        if (const auto member = source.member_starting_at(uncompressed)) return {*member, false};
        return {uncompressed, true};
    }

    std::string context() const { return uri.empty() ? std::string() : fmt::format(" (record of {})", uri); }

    // Moves past `n` bytes of the record's block; a short read means the archive ends inside it.
    void skip(std::uint64_t n, std::uint64_t length) {
        if (reader.take(n, nullptr) < n) cut_short(length);
    }
    [[noreturn]] void cut_short(std::uint64_t length) {
        throw RecordError{fmt::format("record cut short: its Content-Length is {} bytes, the archive ends before{}",
                                      length, context()),
                          true};
    }

    std::optional<WarcPage> record();
    std::optional<WarcPage> response(std::uint64_t length, WarcPage page);
};

std::optional<WarcPage> WarcReader::Impl::record() {
    std::string line;
    bool cut = false;
    // Blank lines end the previous record; then the version line.
    std::uint64_t start = 0;
    for (;;) {
        start = reader.offset();
        if (!reader.line(line, max_header_line, cut)) {
            done = true;
            return std::nullopt;
        }
        if (!line.empty() && (!resync || line.starts_with("WARC/1."))) break;
    }
    offset = offset_at(start);
    uri.clear();
    resync = false;
    if (!line.starts_with("WARC/")) {
        resync = true;
        throw RecordError{"not a WARC record here (no 'WARC/1.x' line); looking for the next record"};
    }
    std::string type, content_type, length_text;
    WarcPage page;
    page.offset = offset;
    for (std::size_t n = 0;; ++n) {
        if (!reader.line(line, max_header_line, cut)) throw RecordError{"record cut short inside its header", true};
        if (line.empty()) break;
        if (n >= max_header_lines || cut) {
            resync = true;
            throw RecordError{"record header too long; looking for the next record"};
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) continue;
        const std::string name = lower(trim(std::string_view(line).substr(0, colon)));
        std::string value = trim(std::string_view(line).substr(colon + 1));
        if (name == "warc-type") type = std::move(value);
        else if (name == "warc-target-uri") page.target_uri = uri = utf8_uri(std::move(value));
        else if (name == "warc-date") page.date = std::move(value);
        else if (name == "warc-record-id") page.record_id = std::move(value);
        else if (name == "content-type") content_type = lower(value);
        else if (name == "content-length") length_text = std::move(value);
    }
    const std::optional<std::uint64_t> length = parse_length(length_text);
    if (!length) {
        resync = true;
        throw RecordError{fmt::format("record has no valid Content-Length{}; looking for the next record", context())};
    }
    ++counts.records;
    if (type != "response" || !content_type.starts_with("application/http")) {
        ++counts.other;
        skip(*length, *length);
        return std::nullopt;
    }
    return response(*length, std::move(page));
}

std::optional<WarcPage> WarcReader::Impl::response(std::uint64_t length, WarcPage page) {
    // The HTTP status line and header, read a line at a time within the block.
    const std::uint64_t block_start = reader.offset();
    const auto left = [&] { return length - std::min(length, reader.offset() - block_start); };
    std::string line;
    bool cut = false;
    detail::HttpHead head;
    for (std::size_t n = 0;; ++n) {
        if (left() == 0) {
            ++counts.errors;
            return std::nullopt;   // no payload at all: nothing to read
        }
        if (!reader.line(line, max_header_line, cut)) cut_short(length);
        if (reader.offset() - block_start > length || n >= max_header_lines) {
            // The header runs past the record: the Content-Length is wrong, the stream is lost.
            resync = true;
            throw RecordError{fmt::format("HTTP header runs past the record's end{}; looking for the next record", context())};
        }
        if (line.empty()) break;
        if (n == 0) head.status_line(line);
        else head.header_line(line);
    }
    const std::uint64_t body = left();
    if (head.status >= 300 && head.status < 400) {
        ++counts.redirects;
        skip(body, length);
        return std::nullopt;
    }
    if (head.status < 200 || head.status >= 300) {
        ++counts.errors;
        skip(body, length);
        return std::nullopt;
    }
    if (!head.content_type.empty() && !head.is_html()) {
        ++counts.not_html;
        skip(body, length);
        return std::nullopt;
    }
    if (body > max_page_bytes) {
        skip(body, length);
        throw RecordError{fmt::format("page of {} is larger than the {} MB limit for one HTML page{}; skipped",
                                      megabytes(body), max_page_bytes >> 20, context())};
    }
    std::string payload;
    payload.reserve(body);
    if (reader.take(body, &payload) < body) cut_short(length);
    try {
        page.body = head.decode(std::move(payload));
    } catch (const std::exception& e) {
        throw RecordError{fmt::format("{}{}; skipped", e.what(), context())};
    }
    if (head.content_type.empty() && !looks_like_html(page.body)) {   // no type given, and not HTML
        ++counts.not_html;
        return std::nullopt;
    }
    page.charset = head.charset;
    ++counts.pages;
    return page;
}

WarcReader::WarcReader(std::istream& in, std::string prefix) : impl_(std::make_unique<Impl>(in, std::move(prefix))) {}
WarcReader::~WarcReader() = default;

std::optional<std::variant<WarcPage, WarcProblem>> WarcReader::next() {
    Impl& s = *impl_;
    while (!s.done) {
        try {
            if (std::optional<WarcPage> page = s.record()) return *std::move(page);
        } catch (const RecordError& e) {
            ++s.counts.problems;
            if (e.fatal) s.done = true;
            return WarcProblem{s.offset, e.message};
        } catch (const StreamError& e) {
            ++s.counts.problems;
            const std::string message = fmt::format("{}{}; skipped to the next gzip member", e.what(), s.context());
            const WarcOffset member{e.offset, false};
            s.reader.discard();
            s.resync = true;
            if (!s.source.recover()) {
                s.done = true;
                return WarcProblem{member, fmt::format("{}{}", e.what(), s.context())};
            }
            return WarcProblem{member, message};
        }
    }
    return std::nullopt;
}

const WarcCounts& WarcReader::counts() const { return impl_->counts; }
std::uint64_t WarcReader::consumed() const { return impl_->source.consumed(); }

} // namespace tradecheck::input
