// The pieces of a check report in each format, which FindingsWriter (writer.cpp) puts together
// in report order: the head (summary, contradictions, conversions), then the facts one by one.
// Private to the report layer. A FindingsView passed to a head holds no findings; its claims
// are what its contradictions index into.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "format_util.hpp"
#include "tradecheck/report/render.hpp"

namespace tradecheck::report::parts {

// "b.md is a copy of a.md (similarity 0.82; family a.md): counted as one source" (findings.cpp).
std::string copy_text(const std::string& article, const checks::CopyOf& c);

// Table (findings.cpp).
void table_head(std::ostream& out, const FindingsView& v, const Summary& sum, bool color);
void table_fact(std::ostream& out, const FindingsView& v, const checks::Finding& f, bool color);

// Markdown: the head ends with the header of the table of every fact, which has a row per fact;
// then a section per fact that is not single. The quotes mark their figure with \x01 and \x02,
// which bold_marks turns into "**" (and so does to any \x01 or \x02 the articles bring).
void markdown_head(std::ostream& out, const FindingsView& v, const Summary& sum);
void markdown_row(std::ostream& out, const FindingsView& v, const checks::Finding& f);
void markdown_section(std::ostream& out, const FindingsView& v, const checks::Finding& f);
std::string bold_marks(std::string_view s);

// JSON: the whole document but for its facts ("facts" is an empty array), and one fact.
nlohmann::json head_json(const FindingsView& v, const Summary& sum);
nlohmann::json fact_json(const FindingsView& v, const checks::Finding& f);

// CSV: the header row, then a row per claim of each fact.
std::string csv_header();
void csv_fact(std::ostream& out, const FindingsView& v, const checks::Finding& f);

// HTML (html.cpp). The page is html_head, then (when there are facts) html_toc_start, an entry
// per fact, html_toc_end; html_main_start; html_no_facts when there are none, else a section per
// fact; html_end. Entries and sections link through an id with the fact's number, counted from
// 1 in report order: an entry is html_toc_entry_start, the number, html_toc_entry; a section is
// html_section_start, the number, what html_section writes.
void html_head(std::ostream& out, const FindingsView& v, const Summary& sum);
std::string html_toc_entry(const FindingsView& v, const checks::Finding& f);
std::string html_section_start(checks::Status s);
void html_section(std::ostream& out, const FindingsView& v, const checks::Finding& f);
extern const std::string_view html_toc_start;
extern const std::string_view html_toc_entry_start;
extern const std::string_view html_toc_end;
extern const std::string_view html_main_start;
extern const std::string_view html_no_facts;
extern const std::string_view html_end;

} // namespace tradecheck::report::parts
