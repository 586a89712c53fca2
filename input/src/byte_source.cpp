#include "byte_source.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>

#include <fmt/core.h>
#include <zlib.h>

namespace tradecheck::input::detail {

struct ByteSource::Impl {
    std::istream& in;
    std::string prefix;
    std::size_t prefix_pos = 0;
    bool gzip = false;
    bool at_end = false;           // of the file
    bool member_done = true;       // between gzip members
    std::string pending_error;     // found after output was handed out: thrown on the next read
    std::uint64_t pending_offset = 0;
    z_stream zs{};
    bool zs_ready = false;
    std::array<unsigned char, 1 << 16> buf{};
    std::uint64_t buf_offset = 0;  // file offset of buf[0]
    std::uint64_t member_start = 0;
    std::uint64_t produced = 0;    // uncompressed bytes handed out before this read
    std::deque<std::pair<std::uint64_t, std::uint64_t>> members;   // recent (uncompressed, file) starts

    Impl(std::istream& i, std::string p) : in(i), prefix(std::move(p)) {}
    ~Impl() {
        if (zs_ready) inflateEnd(&zs);
    }

    // Raw bytes of the file: the prefix, then the stream.
    std::size_t raw_read(unsigned char* out, std::size_t n) {
        std::size_t got = 0;
        if (prefix_pos < prefix.size()) {
            got = std::min(n, prefix.size() - prefix_pos);
            std::memcpy(out, prefix.data() + prefix_pos, got);
            prefix_pos += got;
        }
        if (got < n && in) {
            in.read(reinterpret_cast<char*>(out + got), static_cast<std::streamsize>(n - got));
            got += static_cast<std::size_t>(in.gcount());
        }
        return got;
    }

    std::uint64_t offset_of(const unsigned char* p) const { return buf_offset + static_cast<std::uint64_t>(p - buf.data()); }

    // Refills the compressed buffer when zlib has used it all; false at the end of the file.
    bool fill() {
        if (zs.avail_in > 0) return true;
        buf_offset += static_cast<std::uint64_t>(zs.next_in ? zs.next_in - buf.data() : 0);
        const std::size_t got = raw_read(buf.data(), buf.size());
        zs.next_in = buf.data();
        zs.avail_in = static_cast<uInt>(got);
        return got > 0;
    }

    std::size_t plain_read(char* out, std::size_t n) {
        const std::size_t got = raw_read(reinterpret_cast<unsigned char*>(out), n);
        buf_offset += got;
        return got;
    }

    std::size_t gzip_read(char* out, std::size_t n) {
        zs.next_out = reinterpret_cast<unsigned char*>(out);
        zs.avail_out = static_cast<uInt>(std::min<std::size_t>(n, 1u << 30));
        while (zs.avail_out > 0) {
            if (member_done) {
                if (!fill()) {
                    at_end = true;
                    break;
                }
                member_start = offset_of(zs.next_in);
                members.emplace_back(produced + (n - zs.avail_out), member_start);
                if (members.size() > 256) members.pop_front();
                inflateReset(&zs);
                member_done = false;
            }
            if (!fill()) {
                at_end = true;
                pending_error = "gzip data cut short (the file ends inside a compressed member)";
                pending_offset = member_start;
                break;
            }
            const int rc = inflate(&zs, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                member_done = true;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                pending_error = fmt::format("corrupt gzip data ({})", zs.msg ? zs.msg : "inflate failed");
                pending_offset = member_start;
                break;
            }
        }
        produced += n - zs.avail_out;
        return n - zs.avail_out;
    }
};

ByteSource::ByteSource(std::istream& in, std::string prefix) : impl_(std::make_unique<Impl>(in, std::move(prefix))) {
    Impl& s = *impl_;
    // Sniff gzip's magic number from the first two bytes, kept in the prefix to be read again.
    while (s.prefix.size() < 2 && s.in) {
        char c;
        if (!s.in.get(c)) break;
        s.prefix += c;
    }
    s.gzip = s.prefix.size() >= 2 && static_cast<unsigned char>(s.prefix[0]) == 0x1F &&
             static_cast<unsigned char>(s.prefix[1]) == 0x8B;
    if (s.gzip) {
        if (inflateInit2(&s.zs, 15 + 16) != Z_OK) throw std::runtime_error("zlib could not be initialised");
        s.zs_ready = true;
    }
}

ByteSource::~ByteSource() = default;

std::size_t ByteSource::read(char* out, std::size_t n) {
    Impl& s = *impl_;
    if (!s.pending_error.empty()) {
        const std::string message = std::move(s.pending_error);
        s.pending_error.clear();
        throw StreamError(s.pending_offset, message);
    }
    if (n == 0) return 0;
    if (!s.gzip) return s.plain_read(out, n);
    if (s.at_end) return 0;
    const std::size_t got = s.gzip_read(out, n);
    if (got == 0 && !s.pending_error.empty()) return read(out, n);   // nothing to hand out first
    return got;
}

bool ByteSource::recover() {
    Impl& s = *impl_;
    if (!s.gzip || s.at_end) return false;
    // zlib has read past the damaged member's start: look for the next 1f 8b 08 from here.
    for (;;) {
        if (!s.fill()) {
            s.at_end = true;
            return false;
        }
        const unsigned char* p = s.zs.next_in;
        const unsigned char* end = p + s.zs.avail_in;
        while (p < end && *p != 0x1F) ++p;
        if (p == end) {
            s.zs.next_in = const_cast<unsigned char*>(end);
            s.zs.avail_in = 0;
            continue;
        }
        if (end - p < 3) {
            // The magic may span two buffers: keep its start and read more after it.
            const std::size_t keep = static_cast<std::size_t>(end - p);
            const std::uint64_t at = s.offset_of(p);
            std::memmove(s.buf.data(), p, keep);
            const std::size_t got = s.raw_read(s.buf.data() + keep, s.buf.size() - keep);
            s.buf_offset = at;
            s.zs.next_in = s.buf.data();
            s.zs.avail_in = static_cast<uInt>(keep + got);
            if (got == 0) {
                s.at_end = true;
                return false;
            }
            continue;
        }
        if (p[1] == 0x8B && p[2] == 0x08) {
            s.zs.avail_in = static_cast<uInt>(end - p);
            s.zs.next_in = const_cast<unsigned char*>(p);
            s.member_done = true;
            s.pending_error.clear();
            return true;
        }
        s.zs.avail_in = static_cast<uInt>(end - p - 1);
        s.zs.next_in = const_cast<unsigned char*>(p + 1);
    }
}

bool ByteSource::gzip() const { return impl_->gzip; }
std::optional<std::uint64_t> ByteSource::member_starting_at(std::uint64_t uncompressed) const {
    for (const auto& [start, file_offset] : impl_->members)
        if (start == uncompressed) return file_offset;
    return std::nullopt;
}
std::uint64_t ByteSource::consumed() const {
    const Impl& s = *impl_;
    if (!s.gzip) return s.buf_offset;
    return s.buf_offset + static_cast<std::uint64_t>(s.zs.next_in ? s.zs.next_in - s.buf.data() : 0);
}

} // namespace tradecheck::input::detail
