// Character encodings of web pages: which one the bytes are in, and conversion to UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace tradecheck::input {

// The name tradecheck uses for an encoding label from <meta charset>, a Content-Type header or
// HTTP: "utf-8", "windows-1252" (also for "iso-8859-1", "latin1", "us-ascii", as browsers
// decode them, per the WHATWG Encoding Standard), otherwise the label lower-cased and trimmed.
std::string canonical_charset(std::string_view label);

// Whether `bytes` is well-formed UTF-8.
bool is_utf8(std::string_view bytes);

// `bytes` in `charset` (a canonical name) as UTF-8. windows-1252 is decoded by table, other
// encodings by iconv. Throws std::runtime_error for an encoding iconv does not know or bytes
// that are not valid in it.
std::string to_utf8(std::string_view bytes, const std::string& charset);

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), or "".
std::string charset_parameter(std::string_view content_type);

} // namespace tradecheck::input
