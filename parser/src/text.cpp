#include "tradecheck/parser/text.hpp"

#include "sha256.hpp"

#include <array>
#include <cstdint>

namespace tradecheck {

namespace {

// Length of the well-formed sequence starting at text[i], or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) { length = 2; cp = lead & 0x1Fu; }
    else if (lead >= 0xE0 && lead <= 0xEF) { length = 3; cp = lead & 0x0Fu; }
    else if (lead >= 0xF0 && lead <= 0xF4) { length = 4; cp = lead & 0x07u; }
    else return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0u) != 0x80u) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    const bool overlong = (length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (overlong || surrogate || cp > 0x10FFFF) return 0;
    return length;
}

} // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0u) != 0x80u) ++count;
    return count;
}

std::size_t CodePointCursor::at(std::size_t byte_offset) {
    if (byte_offset < byte_) { byte_ = 0; code_point_ = 0; } // tolerate a step back
    if (byte_offset > text_.size()) byte_offset = text_.size();
    code_point_ += count_code_points(text_.substr(byte_, byte_offset - byte_));
    byte_ = byte_offset;
    return code_point_;
}

// SHA-256 as in FIPS 180-4. Small and dependency-free: the hash is an article's identity.
// The portable compression function is in sha256.cpp with the one that uses the x86 SHA
// extensions; this file does the padding and the hex.
std::string sha256_hex(std::string_view data) {
    detail::Sha256State h{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    const std::size_t full = data.size() / 64;
    detail::sha256_blocks(h, bytes, full);

    std::array<unsigned char, 128> tail{};
    const std::size_t rest = data.size() - full * 64;
    for (std::size_t i = 0; i < rest; ++i) tail[i] = bytes[full * 64 + i];
    tail[rest] = 0x80;
    const std::size_t tail_size = rest + 9 <= 64 ? 64 : 128;
    const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
    for (int i = 0; i < 8; ++i) tail[tail_size - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
    detail::sha256_blocks(h, tail.data(), tail_size / 64);

    static constexpr char hex[] = "0123456789abcdef";
    std::string out(64, '0');
    std::size_t at = 0;
    for (std::uint32_t word : h)
        for (int shift = 28; shift >= 0; shift -= 4) out[at++] = hex[(word >> shift) & 0xFu];
    return out;
}

} // namespace tradecheck
