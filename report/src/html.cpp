// The HTML report: `tradecheck check --format html`. (Being written; see render.hpp.)
#include "tradecheck/report/render.hpp"

namespace tradecheck::report {

void write_findings_html(std::ostream& out, const FindingsView& view) {
    // Placeholder until the HTML report lands: the Markdown form, escaped, inside <pre>.
    (void)view;
    out << "<!doctype html><meta charset=utf-8><title>tradecheck report</title><p>HTML report not yet built.</p>\n";
}

} // namespace tradecheck::report
