// Reading RFC 4180 CSV (manifest.csv, reference files): quoted fields may hold commas, doubled
// quotes and line breaks. Header-only, so the layers that read CSV need no other library.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tradecheck {

struct CsvRecord {
    std::vector<std::string> fields;
    int line = 0;   // the line the record starts on, for messages
};

// Every record of `text`. Throws std::runtime_error "LINE: unterminated quoted field".
inline std::vector<CsvRecord> read_csv(std::string_view text) {
    std::vector<CsvRecord> records;
    CsvRecord record{{std::string()}, 1};
    bool quoted = false;
    int line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') { record.fields.back() += '"'; ++i; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; record.fields.back() += c; }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.fields.emplace_back();
        } else if (c == '\n') {
            records.push_back(std::move(record));
            record = CsvRecord{{std::string()}, ++line};
        } else if (c != '\r') {
            record.fields.back() += c;
        }
    }
    if (quoted) throw std::runtime_error(std::to_string(record.line) + ": unterminated quoted field");
    if (record.fields.size() > 1 || !record.fields[0].empty()) records.push_back(std::move(record));
    return records;
}

} // namespace tradecheck
