#include "flat_json.hpp"

#include <cstdint>
#include <cstring>

namespace tradecheck::detail {

namespace {

class FlatReader {
public:
    explicit FlatReader(std::string_view s) : s_(s) {}

    std::optional<std::vector<FlatMember>> object() {
        std::vector<FlatMember> members;
        skip_space();
        if (!take('{')) return std::nullopt;
        skip_space();
        if (!take('}')) {
            for (;;) {
                FlatMember m;
                skip_space();
                if (!string(m.key)) return std::nullopt;
                skip_space();
                if (!take(':')) return std::nullopt;
                skip_space();
                if (s_.substr(i_, 4) == "null") {
                    i_ += 4;
                } else {
                    m.value.emplace();
                    if (!string(*m.value)) return std::nullopt;
                }
                members.push_back(std::move(m));
                skip_space();
                if (take('}')) break;
                if (!take(',')) return std::nullopt;
            }
        }
        skip_space();
        if (i_ != s_.size()) return std::nullopt;
        return members;
    }

private:
    bool take(char c) {
        if (i_ >= s_.size() || s_[i_] != c) return false;
        ++i_;
        return true;
    }

    void skip_space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
    }

    // A quoted string into `out`. Runs of plain bytes are copied whole: most of an article
    // is one run between line-break escapes.
    bool string(std::string& out) {
        if (!take('"')) return false;
        for (;;) {
            const std::size_t run = i_;
            while (i_ < s_.size()) {
                skip_plain_ascii();
                if (i_ >= s_.size()) break;
                const auto c = static_cast<unsigned char>(s_[i_]);
                if (c == '"' || c == '\\' || c < 0x20) break;
                if (c < 0x80) { ++i_; continue; }
                const std::size_t n = utf8_length(i_);
                if (n == 0) return false;
                i_ += n;
            }
            out.append(s_.data() + run, i_ - run);
            if (i_ >= s_.size()) return false;
            const char c = s_[i_++];
            if (c == '"') return true;
            if (c != '\\' || !escape(out)) return false;   // a raw control character, or a bad escape
        }
    }

    // Skips eight bytes at a time while none is a quote, a backslash, a control character or
    // non-ASCII (the bytes string() looks at one by one).
    void skip_plain_ascii() {
        constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        const auto has_byte = [&](std::uint64_t w, unsigned char b) {
            const std::uint64_t x = w ^ (ones * b);
            return ((x - ones) & ~x & highs) != 0;
        };
        while (i_ + 8 <= s_.size()) {
            std::uint64_t w;
            std::memcpy(&w, s_.data() + i_, 8);
            // A byte below 0x20 or at/above 0x80: (b - 0x20) borrows, or the high bit is set.
            const bool special = ((w - ones * 0x20) | w) & highs;
            if (special || has_byte(w, '"') || has_byte(w, '\\')) return;
            i_ += 8;
        }
    }

    bool escape(std::string& out) {
        if (i_ >= s_.size()) return false;
        switch (s_[i_++]) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': return unicode_escape(out);
        default: return false;
        }
    }

    bool unicode_escape(std::string& out) {
        std::uint32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;   // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (s_.substr(i_, 2) != "\\u") return false;
            i_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    bool hex4(std::uint32_t& v) {
        if (i_ + 4 > s_.size()) return false;
        for (int k = 0; k < 4; ++k) {
            const char c = s_[i_++];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<std::uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        const auto byte = [&](std::uint32_t b) { out += static_cast<char>(b); };
        if (cp < 0x80) {
            byte(cp);
        } else if (cp < 0x800) {
            byte(0xC0 | (cp >> 6)); byte(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            byte(0xE0 | (cp >> 12)); byte(0x80 | ((cp >> 6) & 0x3F)); byte(0x80 | (cp & 0x3F));
        } else {
            byte(0xF0 | (cp >> 18)); byte(0x80 | ((cp >> 12) & 0x3F)); byte(0x80 | ((cp >> 6) & 0x3F));
            byte(0x80 | (cp & 0x3F));
        }
    }

    // Length of the well-formed UTF-8 sequence at `i` (lead byte >= 0x80), or 0.
    std::size_t utf8_length(std::size_t i) const {
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s_[i + k]); };
        const unsigned char lead = b(0);
        std::size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;   // the allowed range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) n = 2;
        else if (lead >= 0xE0 && lead <= 0xEF) { n = 3; if (lead == 0xE0) lo = 0xA0; if (lead == 0xED) hi = 0x9F; }
        else if (lead >= 0xF0 && lead <= 0xF4) { n = 4; if (lead == 0xF0) lo = 0x90; if (lead == 0xF4) hi = 0x8F; }
        else return 0;
        if (i + n > s_.size() || b(1) < lo || b(1) > hi) return 0;
        for (std::size_t k = 2; k < n; ++k)
            if ((b(k) & 0xC0u) != 0x80u) return 0;
        return n;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

} // namespace

std::optional<std::vector<FlatMember>> read_flat_object(std::string_view line) {
    return FlatReader(line).object();
}

} // namespace tradecheck::detail
