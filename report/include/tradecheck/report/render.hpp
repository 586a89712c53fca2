// Rendering claims and findings for people (table, markdown) and programs (json, jsonl, csv).
#pragma once

#include <functional>
#include <map>
#include <memory>
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

// `tradecheck timeline`: the claims of Store::timeline (ordered by fact key, then time), one fact's
// series after another. table and markdown quote each claim in its sentence through `text_of`
// (an article id -> its text; may be empty, then the claim's own text is shown); csv and jsonl
// have a row per claim, json an object per fact with its points. html is written as table.
void write_timeline(std::ostream& out, const std::vector<db::StoredClaim>& claims, Format format,
                    const std::function<std::string(const std::string&)>& text_of = {});

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

// What a check report shows besides its facts, known once every fact is in.
struct ReportExtras {
    const std::vector<db::StoredClaim>& claims;                         // what contradictions index into
    const std::vector<Reference>* references = nullptr;                 // official figures
    const std::vector<checks::Contradiction>* contradictions = nullptr; // claims that miss them
    const std::vector<checks::ConversionCheck>* conversions = nullptr;  // "10 million euros (C$16 million)"
    std::size_t articles = 0;   // distinct articles among the claims of the facts added
};

// A check report written fact by fact, in memory that does not grow with the facts: add()
// renders each fact at once into temporary files, one per status (two for markdown and html,
// whose facts appear twice), and finish() writes the report in its order: the summary,
// contradictions and conversions, then the facts, conflicts first, then revised, not comparable,
// agree, single. The facts of one status come out in the order they were added. So adding the
// findings of check() over runs of claims ordered by key (see checks::run_prefix), run after
// run, writes the same report as write_findings over the findings of check() over all of them.
// Throws std::runtime_error when a temporary file cannot be made or written.
class FindingsWriter {
public:
    FindingsWriter(Format format, bool color);
    ~FindingsWriter();
    FindingsWriter(const FindingsWriter&) = delete;
    FindingsWriter& operator=(const FindingsWriter&) = delete;

    // Whether this format quotes claims in their article's context, and so needs `texts` in add().
    bool needs_texts() const;
    // Renders `findings`, each ordered by status then key, whose claims index into `claims`.
    void add(const std::vector<checks::Finding>& findings, const std::vector<db::StoredClaim>& claims,
             const ArticleTexts& texts);
    // Whether a fact added so far conflicts.
    bool any_conflict() const;
    // Writes the whole report. Call once.
    void finish(std::ostream& out, const ReportExtras& extras);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One self-contained HTML page (no network): summary, conflicts first, each fact with an SVG
// number line of its sources' intervals, quotes with the figure highlighted. All article text
// is escaped. Implemented in html.cpp.
void write_findings_html(std::ostream& out, const FindingsView& view);

// The sentence-sized context of [start, end) (code points) in `text`, on one line, with the
// span marked by `open`/`close`.
std::string quote(const std::string& text, std::size_t start, std::size_t end, std::string_view open,
                  std::string_view close, std::size_t context = 70);

} // namespace tradecheck::report
