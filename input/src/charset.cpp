#include "tradecheck/input/charset.hpp"

#include <array>
#include <cerrno>
#include <cstdint>
#include <memory>
#include <stdexcept>

#include <fmt/core.h>
#include <iconv.h>

namespace tradecheck::input {

namespace {

std::string lower_trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n\"'");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n\"'");
    std::string out(s.substr(first, last - first + 1));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252's 0x80..0x9F (the rest is Latin-1, i.e. the code point itself). The five
// unassigned bytes map to the C1 controls of the same value, as the WHATWG decoder does.
constexpr std::array<std::uint16_t, 32> cp1252_high{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string from_windows_1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        append_utf8(out, b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b);
    }
    return out;
}

struct IconvCloser {
    void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Runs iconv from `from` to UTF-8 over all of `bytes`; false on an invalid or cut sequence.
bool iconv_all(std::string_view bytes, const char* from, std::string& out) {
    const iconv_t raw = iconv_open("UTF-8", from);
    if (raw == reinterpret_cast<iconv_t>(-1))
        throw std::runtime_error(fmt::format("unknown character encoding '{}'", from));
    const std::unique_ptr<void, IconvCloser> cd(raw);
    out.clear();
    char* in = const_cast<char*>(bytes.data());   // iconv's signature; it does not write there
    std::size_t in_left = bytes.size();
    std::array<char, 16384> buf{};
    while (in_left > 0) {
        char* o = buf.data();
        std::size_t o_left = buf.size();
        const std::size_t r = iconv(raw, &in, &in_left, &o, &o_left);
        out.append(buf.data(), buf.size() - o_left);
        if (r == static_cast<std::size_t>(-1) && errno != E2BIG) return false;
    }
    return true;
}

} // namespace

std::string canonical_charset(std::string_view label) {
    const std::string l = lower_trimmed(label);
    if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
    for (const char* alias : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1",
                              "latin1", "latin-1", "l1", "ascii", "us-ascii", "iso-ir-100", "cp819", "ibm819"})
        if (l == alias) return "windows-1252";
    return l;
}

bool is_utf8(std::string_view bytes) {
    // Plain ASCII is the common case and needs no iconv.
    std::size_t i = 0;
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    if (i == bytes.size()) return true;
    std::string ignored;
    return iconv_all(bytes.substr(i), "UTF-8", ignored);
}

std::string to_utf8(std::string_view bytes, const std::string& charset) {
    if (charset == "windows-1252") return from_windows_1252(bytes);
    std::string out;
    if (!iconv_all(bytes, charset.c_str(), out))
        throw std::runtime_error(fmt::format("the page is not valid {} (as its charset says)", charset));
    return out;
}

std::string charset_parameter(std::string_view content_type) {
    for (std::size_t semi = content_type.find(';'); semi != std::string_view::npos;
         semi = content_type.find(';', semi + 1)) {
        std::string_view param = content_type.substr(semi + 1);
        param = param.substr(0, param.find(';'));
        const auto eq = param.find('=');
        if (eq == std::string_view::npos) continue;
        if (lower_trimmed(param.substr(0, eq)) == "charset") return lower_trimmed(param.substr(eq + 1));
    }
    return {};
}

} // namespace tradecheck::input
