// RFC 4180 output: fields with commas, quotes or line breaks are quoted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tradecheck::report {

// Control characters from article text (ESC sequences could recolour or rewrite a terminal)
// shown as '?' in the human formats.
inline std::string printable(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) c = '?';
    return out;
}

inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

inline std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\r\n";
}

} // namespace tradecheck::report
