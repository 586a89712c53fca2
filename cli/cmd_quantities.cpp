// `tradecheck quantities`: every figure in a text, one JSON object a line or as a table.
// Streams: the input is read in 1 MiB blocks, each cut at a paragraph break (or the last
// whitespace) so no quantity straddles two blocks; offsets are shifted by the code points
// already consumed. Invalid UTF-8 bytes are non-word characters and count one code point each.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cctype>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <fstream>
#include <future>
#include <thread>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include <tradecheck/parser/quantity.hpp>
#include <tradecheck/parser/quantity_locale.hpp>

#include "commands.hpp"

namespace tradecheck::cli {
namespace {

constexpr std::size_t block_size = std::size_t(1) << 20;

struct QuantitiesOptions {
    std::string file = "-";
    std::string format = "jsonl";
    std::string currency = "USD";
    bool currency_given = false;
    // The article's country (ISO 3166 alpha-2, "LK"), or "auto": from the text's dateline,
    // else the country it names most; it decides a bare "$" and "Rs" (quantity_locale.hpp).
    std::string country;
    unsigned jobs = 0;   // 0: one per core
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

// Writers into a buffer the caller has sized (see Writer::reserve): no bounds checks here.
char* put_raw(char* p, std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    return p + s.size();
}

// A JSON string; at most 6 bytes out per byte in (or nlohmann-json's output for invalid
// UTF-8, which is at most 3 bytes per byte in, plus quotes).
char* put_string(char* p, std::string_view s) {
    if (!valid_utf8(s))
        return put_raw(p, nlohmann::json(std::string(s)).dump(
                              -1, ' ', false, nlohmann::json::error_handler_t::replace));
    *p++ = '"';
    for (const char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = ch;
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
        }
    }
    *p++ = '"';
    return p;
}

// A double as nlohmann-json prints it: shortest round-trip digits, "25.0" for integers,
// "0.0001", "1e+16", "1.5e-05"; null for an unbounded end. At most 32 bytes.
char* put_double(char* p, double v) {
    if (!std::isfinite(v)) return put_raw(p, "null");
    if (v == 0) return put_raw(p, std::signbit(v) ? "-0.0" : "0.0");
    if (v == std::trunc(v) && std::fabs(v) < 1e15) { // an integer: its digits and ".0"
        p = std::to_chars(p, p + 24, static_cast<long long>(v)).ptr;
        *p++ = '.';
        *p++ = '0';
        return p;
    }
    char sci[40];
    const auto r = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    // sci = [-]d[.ddd]e(+|-)xx
    char digits[24];
    int k = 0;
    const char* q = sci;
    if (*q == '-') { *p++ = '-'; ++q; }
    for (; q < r.ptr && *q != 'e'; ++q)
        if (*q != '.') digits[k++] = *q;
    int e10 = 0;
    std::from_chars(q + 1 + (q[1] == '+'), r.ptr, e10);
    const int n = e10 + 1; // where the decimal point goes, counted from the first digit
    if (k <= n && n <= 15) {
        std::memcpy(p, digits, std::size_t(k)); p += k;
        std::memset(p, '0', std::size_t(n - k)); p += n - k;
        *p++ = '.'; *p++ = '0';
    } else if (0 < n && n <= 15) {
        std::memcpy(p, digits, std::size_t(n)); p += n;
        *p++ = '.';
        std::memcpy(p, digits + n, std::size_t(k - n)); p += k - n;
    } else if (-4 < n && n <= 0) {
        *p++ = '0'; *p++ = '.';
        std::memset(p, '0', std::size_t(-n)); p += -n;
        std::memcpy(p, digits, std::size_t(k)); p += k;
    } else {
        *p++ = digits[0];
        if (k > 1) {
            *p++ = '.';
            std::memcpy(p, digits + 1, std::size_t(k - 1)); p += k - 1;
        }
        *p++ = 'e';
        int x = n - 1;
        *p++ = x < 0 ? '-' : '+';
        if (x < 0) x = -x;
        if (x < 10) { *p++ = '0'; *p++ = char('0' + x); }
        else if (x < 100) { *p++ = char('0' + x / 10); *p++ = char('0' + x % 10); }
        else { *p++ = char('0' + x / 100); *p++ = char('0' + x / 10 % 10); *p++ = char('0' + x % 10); }
    }
    return p;
}

char* put_uint(char* p, std::size_t v) { return std::to_chars(p, p + 24, v).ptr; }

// Keys in nlohmann-json's (sorted) order: end high low qualifier relation same_as start text
// type unit value. `value`, `low` and `high` are often equal: printed once and copied.
void print_jsonl(std::string_view chunk, const Quantity& q, std::size_t base, std::size_t index_base,
                 std::string& out, std::size_t& pos) {
    const std::string_view text = chunk.substr(q.bytes.start, q.bytes.end - q.bytes.start);
    const std::size_t need = 400 + 6 * (text.size() + q.unit.size());
    if (pos + need > out.size()) out.resize(std::max(out.size() * 2, pos + need));
    char* p = out.data() + pos;
    p = put_raw(p, "{\"end\":");
    p = put_uint(p, base + q.span.end);
    p = put_raw(p, ",\"high\":");
    const char* high = p;
    p = put_double(p, q.high);
    const std::size_t high_len = std::size_t(p - high);
    p = put_raw(p, ",\"low\":");
    const char* low = p;
    if (q.low == q.high && std::signbit(q.low) == std::signbit(q.high)) {
        std::memmove(p, high, high_len);
        p += high_len;
    } else {
        p = put_double(p, q.low);
    }
    const std::size_t low_len = std::size_t(p - low);
    p = put_raw(p, ",\"qualifier\":\"");
    p = put_raw(p, to_string(q.qualifier));
    *p++ = '"';
    if (q.type == QuantityType::year || q.type == QuantityType::duration) {
        p = put_raw(p, ",\"relation\":\"");
        p = put_raw(p, to_string(q.relation));
        *p++ = '"';
    }
    if (q.same_as >= 0) {
        p = put_raw(p, ",\"same_as\":");
        p = put_uint(p, index_base + std::size_t(q.same_as));
    }
    p = put_raw(p, ",\"start\":");
    p = put_uint(p, base + q.span.start);
    p = put_raw(p, ",\"text\":");
    p = put_string(p, text);
    p = put_raw(p, ",\"type\":\"");
    p = put_raw(p, to_string(q.type));
    p = put_raw(p, "\",\"unit\":");
    p = put_string(p, q.unit);
    p = put_raw(p, ",\"value\":");
    if (q.value == q.low && std::signbit(q.value) == std::signbit(q.low)) {
        std::memmove(p, low, low_len);
        p += low_len;
    } else {
        p = put_double(p, q.value);
    }
    p = put_raw(p, "}\n");
    pos = std::size_t(p - out.data());
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

// Writes one block's quantities, in input order (the caller's thread).
void emit(std::string_view chunk, const std::vector<Quantity>& qs, std::size_t base, std::size_t& count,
          const QuantitiesOptions& o) {
    if (o.format == "table") {
        std::string out;
        for (const Quantity& q : qs) print_table_row(chunk, q, base, out);
        std::fwrite(out.data(), 1, out.size(), stdout);
    } else {
        // One buffer for every block: it only grows, so its pages are zeroed and faulted in
        // once, not once a block.
        static std::string out;
        std::size_t pos = 0;
        if (out.size() < qs.size() * 200 + 4096) out.resize(qs.size() * 200 + 4096);
        for (const Quantity& q : qs) print_jsonl(chunk, q, base, count, out, pos);
        std::fwrite(out.data(), 1, pos, stdout);
    }
    count += qs.size();
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
    // Blocks are scanned on all cores; their quantities are written in input order here. At
    // most two blocks per worker are in flight, so memory stays flat whatever the input size.
    struct Block {
        std::unique_ptr<std::string> text;         // outlives `found`: written before popped
        std::size_t base;                          // code points before the block
        std::future<std::vector<Quantity>> found;
    };
    QuantityOptions qo;
    qo.default_dollar = o.currency;
    bool resolved = o.country.empty();
    const auto resolve_country = [&](std::string_view head) {
        std::string country = o.country;
        if (country == "auto") country = article_country({}, head);
        for (char& c : country) c = char(std::toupper((unsigned char)c));
        qo = quantity_options_for(country);
        if (o.currency_given || country.empty()) qo.default_dollar = o.currency;
        resolved = true;
    };
    if (o.country != "auto" && !o.country.empty()) resolve_country({});
    const unsigned workers = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    std::deque<Block> inflight;
    std::size_t count = 0;
    // Block buffers are reused once written: a fresh 1 MiB buffer a block costs page faults
    // that weigh as much as scanning it.
    std::vector<std::unique_ptr<std::string>> spare;
    const auto write_front = [&] {
        Block& b = inflight.front();
        emit(*b.text, b.found.get(), b.base, count, o);
        spare.push_back(std::move(b.text));
        inflight.pop_front();
    };
    std::string tail; // what the last block left after its cut
    std::size_t base = 0;
    while (true) {
        std::unique_ptr<std::string> buf;
        if (spare.empty()) {
            buf = std::make_unique<std::string>();
        } else {
            buf = std::move(spare.back());
            spare.pop_back();
        }
        buf->assign(tail); // read straight after the tail of the last block
        const std::size_t kept = buf->size();
        buf->resize(kept + block_size);
        in->read(buf->data() + kept, std::streamsize(block_size));
        const std::size_t got = std::size_t(in->gcount());
        buf->resize(kept + got);
        const bool eof = got == 0 || !*in;
        const std::size_t cut = eof ? buf->size() : cut_point(*buf);
        if (!resolved) resolve_country(*buf); // the dateline and first paragraphs
        tail.assign(*buf, cut);
        buf->resize(cut);
        const std::size_t code_points = count_code_points(*buf);
        const std::string* text = buf.get();
        auto found = workers == 1 ? std::async(std::launch::deferred, [text, qo] { return find_quantities(*text, qo); })
                                  : std::async(std::launch::async, [text, qo] { return find_quantities(*text, qo); });
        inflight.push_back({std::move(buf), base, std::move(found)});
        base += code_points;
        if (inflight.size() >= 2 * workers) write_front();
        if (eof) break;
    }
    while (!inflight.empty()) write_front();
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
        ->capture_default_str()
        ->each([opts](const std::string&) { opts->currency_given = true; });
    cmd->add_option("--country", opts->country,
                    "The article's country, an ISO 3166 code (LK, PK, IN, CA, ...), or 'auto': "
                    "its dateline ('COLOMBO, ...'), else the country it names most. Decides a "
                    "bare 'Rs'/'rupees' (LKR, PKR, INR, ...) and a bare '$' (the country's own "
                    "dollar, else USD; never a non-dollar currency). --currency still sets the dollar")
        ->check([](const std::string& c) {
            const bool code = c.size() == 2 && std::isalpha(static_cast<unsigned char>(c[0])) &&
                              std::isalpha(static_cast<unsigned char>(c[1]));
            return code || c == "auto" ? std::string()
                                       : std::string("expected a two-letter ISO 3166 code (LK, PK, IN, CA) or 'auto'");
        });
    cmd->add_option("-j,--jobs", opts->jobs, "Threads scanning blocks (default: one per core); output order is kept");
    cmd->callback([opts, &status] { status = run(*opts); });
}

} // namespace tradecheck::cli
