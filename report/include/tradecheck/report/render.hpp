// Rendering claims and findings for people (table, markdown) and programs (json, jsonl, csv).
#pragma once

#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "tradecheck/checks/check.hpp"
#include "tradecheck/checks/conversion.hpp"
#include "tradecheck/checks/reference.hpp"
#include "tradecheck/db/store.hpp"

namespace tradecheck::report {

enum class Format { table, markdown, json, jsonl, csv, html };

// Parses "table", "markdown", ...; throws std::invalid_argument for anything else.
Format parse_format(std::string_view name);

// Article id -> text, for quoting a claim in its context.
using ArticleTexts = std::map<std::string, std::string>;

void write_claims(std::ostream& out, const std::vector<db::StoredClaim>& claims, Format format);

struct FindingsView {
    const std::vector<checks::Finding>& findings;
    const std::vector<db::StoredClaim>& claims;   // what Finding::claims index into
    const ArticleTexts& texts;
    const std::vector<Reference>* references = nullptr;               // official figures
    const std::vector<checks::Contradiction>* contradictions = nullptr; // claims that miss them
    const std::vector<checks::ConversionCheck>* conversions = nullptr;  // "10 million euros (C$16 million)"
};

// `color`: ANSI colours in the table form (when stdout is a terminal).
void write_findings(std::ostream& out, const FindingsView& view, Format format, bool color);

// One self-contained HTML page (no network): summary, conflicts first, each fact with an SVG
// number line of its sources' intervals, quotes with the figure highlighted. All article text
// is escaped. Implemented in html.cpp.
void write_findings_html(std::ostream& out, const FindingsView& view);

// The sentence-sized context of [start, end) (code points) in `text`, on one line, with the
// span marked by `open`/`close`.
std::string quote(const std::string& text, std::size_t start, std::size_t end, std::string_view open,
                  std::string_view close, std::size_t context = 70);

} // namespace tradecheck::report
