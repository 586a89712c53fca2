// `tradecheck quantities`: every figure in a text, one JSON object a line or as a table.
// Streams: the input is read in 1 MiB blocks, each cut at a paragraph break (or the last
// whitespace) so no quantity straddles two blocks; offsets are shifted by the code points
// already consumed. Invalid UTF-8 bytes are non-word characters and count one code point each.
#include <cmath>
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

nlohmann::json bound(double v) { return std::isinf(v) ? nlohmann::json(nullptr) : nlohmann::json(v); }

void print_jsonl(std::string_view chunk, const Quantity& q, std::size_t base, std::size_t index_base,
                 std::string& out) {
    nlohmann::json j;
    j["text"] = std::string(chunk.substr(q.bytes.start, q.bytes.end - q.bytes.start));
    j["start"] = base + q.span.start;
    j["end"] = base + q.span.end;
    j["value"] = bound(q.value);
    j["low"] = bound(q.low);
    j["high"] = bound(q.high);
    j["unit"] = q.unit;
    j["qualifier"] = std::string(to_string(q.qualifier));
    j["type"] = std::string(to_string(q.type));
    if (q.type == QuantityType::year || q.type == QuantityType::duration)
        j["relation"] = std::string(to_string(q.relation));
    if (q.same_as >= 0) j["same_as"] = index_base + std::size_t(q.same_as);
    out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
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
    for (const Quantity& q : qs) {
        if (o.format == "table") print_table_row(chunk, q, base, out);
        else print_jsonl(chunk, q, base, count, out);
    }
    count += qs.size();
    std::fwrite(out.data(), 1, out.size(), stdout);
}

int run(const QuantitiesOptions& o) {
    std::ifstream file;
    std::istream* in = &std::cin;
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
    std::vector<char> block(block_size);
    std::size_t base = 0, count = 0;
    while (true) {
        in->read(block.data(), std::streamsize(block.size()));
        const std::size_t got = std::size_t(in->gcount());
        buf.append(block.data(), got);
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
