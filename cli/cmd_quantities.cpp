// `tradecheck quantities`: every figure in a text, one JSON object a line or as a table.
// Streams: the input is read in 1 MiB blocks, each cut at a paragraph break (or the last
// whitespace) so no quantity straddles two blocks; offsets are shifted by the code points
// already consumed. Invalid UTF-8 bytes are non-word characters and count one code point each.
#include <charconv>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <tradecheck/parser/quantity.hpp>

#include "commands.hpp"

namespace tradecheck::cli {
namespace {

constexpr std::size_t block_size = std::size_t(1) << 20;

struct QuantitiesOptions {
    std::string file = "-";
    std::string format = "jsonl";
    std::string currency = "USD";
};

// Where to cut `buf` so the tail can wait for more input: after the last blank line, else
// after the last whitespace, else (one huge token) everything.
std::size_t cut_point(std::string_view buf) {
    const std::size_t para = buf.rfind("\n\n");
    if (para != std::string_view::npos && para > 0) return para + 2;
    const std::size_t space = buf.find_last_of(" \t\r\n");
    if (space != std::string_view::npos && space > 0) return space + 1;
    return buf.size();
}

// Code points in `s` counted as find_quantities counts them (a bad byte is one).
std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size()) { // eight ASCII bytes at a time
            std::uint64_t x;
            std::memcpy(&x, s.data() + i, 8);
            if ((x & 0x8080808080808080ull) == 0) {
                i += 8;
                n += 8;
                continue;
            }
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) len = 0;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) len = 0;
        i += len == 0 ? 1 : len;
        ++n;
    }
    return n;
}

// ---- jsonl output, written by hand into one buffer: the same bytes nlohmann-json's dump()
// gives (keys in its sorted order, its number format, its string escapes) at a fraction of
// the cost. A string that is not valid UTF-8 is still handed to nlohmann-json, whose
// replacement of bad bytes with U+FFFD stays the reference.

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        const std::size_t len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        const unsigned char d = static_cast<unsigned char>(s[i + 1]);
        if (c == 0xE0 && d < 0xA0) return false;               // overlong
        if (c == 0xED && d >= 0xA0) return false;              // surrogates
        if (c == 0xF0 && d < 0x90) return false;               // overlong
        if (c == 0xF4 && d >= 0x90) return false;              // beyond U+10FFFF
        if (c > 0xF4) return false;
        i += len;
    }
    return true;
}

void put_string(std::string_view s, std::string& out) {
    if (!valid_utf8(s)) {
        out += nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                   nlohmann::json::error_handler_t::replace);
        return;
    }
    out += '"';
    std::size_t run = 0; // start of bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(esc, 6);
        }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

// A double as nlohmann-json prints it: shortest round-trip digits, "25.0" for integers,
// "0.0001", "1e+16", "1.5e-05"; null for an unbounded end.
void put_double(double v, std::string& out) {
    if (!std::isfinite(v)) { out += "null"; return; }
    if (v == 0) { out += std::signbit(v) ? "-0.0" : "0.0"; return; }
    if (v == std::trunc(v) && std::fabs(v) < 1e15) { // an integer: its digits and ".0"
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
        out.append(buf, std::size_t(r.ptr - buf));
        out += ".0";
        return;
    }
    char sci[40];
    const auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    // sci = [-]d[.ddd]e(+|-)xx
    char digits[24];
    int k = 0;
    const char* p = sci;
    if (*p == '-') { out += '-'; ++p; }
    for (; p < r.ptr && *p != 'e'; ++p)
        if (*p != '.') digits[k++] = *p;
    int e10 = 0;
    std::from_chars(p + 1 + (p[1] == '+'), r.ptr, e10);
    const int n = e10 + 1; // position of the decimal point after the first digit
    char buf[64];
    char* b = buf;
    if (k <= n && n <= 15) {
        std::memcpy(b, digits, std::size_t(k)); b += k;
        std::memset(b, '0', std::size_t(n - k)); b += n - k;
        *b++ = '.'; *b++ = '0';
    } else if (0 < n && n <= 15) {
        std::memcpy(b, digits, std::size_t(n)); b += n;
        *b++ = '.';
        std::memcpy(b, digits + n, std::size_t(k - n)); b += k - n;
    } else if (-4 < n && n <= 0) {
        *b++ = '0'; *b++ = '.';
        std::memset(b, '0', std::size_t(-n)); b += -n;
        std::memcpy(b, digits, std::size_t(k)); b += k;
    } else {
        *b++ = digits[0];
        if (k > 1) {
            *b++ = '.';
            std::memcpy(b, digits + 1, std::size_t(k - 1)); b += k - 1;
        }
        *b++ = 'e';
        int x = n - 1;
        *b++ = x < 0 ? '-' : '+';
        if (x < 0) x = -x;
        if (x < 10) { *b++ = '0'; *b++ = char('0' + x); }
        else if (x < 100) { *b++ = char('0' + x / 10); *b++ = char('0' + x % 10); }
        else { *b++ = char('0' + x / 100); *b++ = char('0' + x / 10 % 10); *b++ = char('0' + x % 10); }
    }
    out.append(buf, std::size_t(b - buf));
}

void put_uint(std::size_t v, std::string& out) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, std::size_t(r.ptr - buf));
}

// Keys in nlohmann-json's (sorted) order: end high low qualifier relation same_as start text
// type unit value.
void print_jsonl(std::string_view chunk, const Quantity& q, std::size_t base, std::size_t index_base,
                 std::string& out) {
    out += "{\"end\":";
    put_uint(base + q.span.end, out);
    out += ",\"high\":";
    put_double(q.high, out);
    out += ",\"low\":";
    put_double(q.low, out);
    out += ",\"qualifier\":\"";
    out += to_string(q.qualifier);
    out += '"';
    if (q.type == QuantityType::year || q.type == QuantityType::duration) {
        out += ",\"relation\":\"";
        out += to_string(q.relation);
        out += '"';
    }
    if (q.same_as >= 0) {
        out += ",\"same_as\":";
        put_uint(index_base + std::size_t(q.same_as), out);
    }
    out += ",\"start\":";
    put_uint(base + q.span.start, out);
    out += ",\"text\":";
    put_string(chunk.substr(q.bytes.start, q.bytes.end - q.bytes.start), out);
    out += ",\"type\":\"";
    out += to_string(q.type);
    out += "\",\"unit\":";
    put_string(q.unit, out);
    out += ",\"value\":";
    put_double(q.value, out);
    out += "}\n";
}

std::string flat(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (r.size() > 40) r = r.substr(0, 37) + "...";
    return r;
}

void print_table_row(std::string_view chunk, const Quantity& q, std::size_t base, std::string& out) {
    auto num = [](double v) { return std::isinf(v) ? std::string(v > 0 ? "+inf" : "-inf") : fmt::format("{:g}", v); };
    out += fmt::format("{:>9} {:>9}  {:<40}  {:>12} {:>12} {:>12}  {:<16} {:<10} {:<10} {}\n",
                       base + q.span.start, base + q.span.end,
                       flat(chunk.substr(q.bytes.start, q.bytes.end - q.bytes.start)), num(q.value),
                       num(q.low), num(q.high), q.unit, to_string(q.qualifier), to_string(q.type),
                       q.type == QuantityType::year || q.type == QuantityType::duration
                           ? std::string(to_string(q.relation))
                           : std::string());
}

// Runs the scan over one block and writes its quantities.
void emit(std::string_view chunk, std::size_t base, std::size_t& count, const QuantitiesOptions& o) {
    QuantityOptions qo;
    qo.default_dollar = o.currency;
    const auto qs = find_quantities(chunk, qo);
    std::string out;
    out.reserve(qs.size() * 160);
    if (o.format == "table")
        for (const Quantity& q : qs) print_table_row(chunk, q, base, out);
    else
        for (const Quantity& q : qs) print_jsonl(chunk, q, base, count, out);
    count += qs.size();
    std::fwrite(out.data(), 1, out.size(), stdout);
}

int run(const QuantitiesOptions& o) {
    std::ifstream file;
    std::istream* in = &std::cin;
    // Standard input is read in 1 MiB blocks through iostreams; nothing here mixes it with
    // C stdio, so it need not stay synchronised (output goes through fwrite only).
    if (o.file == "-") std::ios::sync_with_stdio(false);
    if (o.file != "-") {
        file.open(o.file, std::ios::binary);
        if (!file) {
            fmt::print(stderr, "tradecheck quantities: cannot open {}\n", o.file);
            return failure;
        }
        in = &file;
    }
    if (o.format == "table")
        fmt::print("{:>9} {:>9}  {:<40}  {:>12} {:>12} {:>12}  {:<16} {:<10} {:<10} {}\n", "start",
                   "end", "text", "value", "low", "high", "unit", "qualifier", "type", "relation");
    std::string buf;
    std::size_t base = 0, count = 0;
    while (true) {
        const std::size_t kept = buf.size(); // read straight after the tail of the last block
        buf.resize(kept + block_size);
        in->read(buf.data() + kept, std::streamsize(block_size));
        const std::size_t got = std::size_t(in->gcount());
        buf.resize(kept + got);
        const bool eof = got == 0 || !*in;
        const std::size_t cut = eof ? buf.size() : cut_point(buf);
        const std::string_view chunk(buf.data(), cut);
        emit(chunk, base, count, o);
        base += count_code_points(chunk);
        buf.erase(0, cut);
        if (eof) break;
    }
    if (in->bad()) {
        fmt::print(stderr, "tradecheck quantities: read error on {}\n", o.file);
        return failure;
    }
    std::fflush(stdout);
    return ok;
}

} // namespace

void add_quantities(CLI::App& app, int& status) {
    auto opts = std::make_shared<QuantitiesOptions>();
    CLI::App* cmd = app.add_subcommand(
        "quantities",
        "Print every number in a text: money, percentages, ranges, years, durations, "
        "multipliers.\nOffsets are Unicode code points, half-open; an invalid UTF-8 byte counts "
        "as one code point.\nReads in 1 MiB blocks, so any input size runs in flat memory.");
    cmd->add_option("file", opts->file, "Text file to read; '-' or nothing reads standard input");
    cmd->add_option("--format", opts->format,
                    "jsonl: one JSON object a line (text, start, end, value, low, high [null = "
                    "unbounded], unit, qualifier, type, relation, same_as); table: aligned columns")
        ->check(CLI::IsMember({"jsonl", "table"}))
        ->capture_default_str();
    cmd->add_option("--currency", opts->currency,
                    "ISO 4217 code a bare '$' or 'dollars' means (e.g. CAD for a Canadian paper)")
        ->capture_default_str();
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
