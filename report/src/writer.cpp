// FindingsWriter: a check report rendered fact by fact into temporary files, then put together.
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <functional>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include <fmt/core.h>

#include "parts.hpp"

namespace tradecheck::report {

namespace {

using checks::Finding;
using checks::Status;

constexpr std::size_t status_count = 7;   // Status::conflict .. Status::single, in report order

// Text appended to a temporary file (made on first use, deleted when closed), then read back:
// all of it, or record by record when it was put as records.
class Spool {
public:
    Spool() = default;
    ~Spool() {
        if (file_) std::fclose(file_);
    }
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;

    void put(std::string_view s) {
        if (s.empty()) return;
        if (!file_) open();
        if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) fail("write");
    }

    void put_record(std::string_view s) {
        const std::uint64_t size = s.size();
        put(std::string_view(reinterpret_cast<const char*>(&size), sizeof size));
        put(s);
    }

    void copy_to(std::ostream& out) {
        if (!file_) return;
        rewind();
        std::array<char, 1 << 16> buffer;
        while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file_))
            out.write(buffer.data(), static_cast<std::streamsize>(n));
        if (std::ferror(file_)) fail("read");
    }

    template <class Visit>
    void each_record(Visit&& visit) {
        if (!file_) return;
        rewind();
        std::string record;
        std::uint64_t size = 0;
        while (std::fread(&size, sizeof size, 1, file_) == 1) {
            record.resize(size);
            if (size && std::fread(record.data(), 1, size, file_) != size) fail("read");
            visit(record);
        }
        if (std::ferror(file_)) fail("read");
    }

private:
    void open() {
        file_ = std::tmpfile();
        if (!file_)
            throw std::runtime_error(
                fmt::format("cannot create a temporary file for the report: {}", std::strerror(errno)));
    }

    void rewind() {
        if (std::fflush(file_) != 0) fail("write");
        std::rewind(file_);
    }

    [[noreturn]] static void fail(const char* what) {
        throw std::runtime_error(fmt::format("cannot {} a temporary file of the report: {}", what, std::strerror(errno)));
    }

    std::FILE* file_ = nullptr;
};

// A dumped JSON fact, indented as an element of the top-level "facts" array.
std::string nested(const std::string& json) {
    std::string out = "    ";
    for (char c : json) {
        out += c;
        if (c == '\n') out += "    ";
    }
    return out;
}

} // namespace

struct FindingsWriter::Impl {
    Format format;
    bool color;
    Summary sum;
    std::array<std::size_t, status_count> count{};
    // Per status: table and CSV facts, JSON facts, markdown table rows, HTML contents entries...
    std::array<Spool, status_count> facts;
    // ...and the markdown and HTML sections.
    std::array<Spool, status_count> sections;
    std::ostringstream piece;

    std::string render(const std::function<void(std::ostream&)>& write) {
        piece.str(std::string());
        write(piece);
        return piece.str();
    }

    void count_in(const Finding& f) {
        ++sum.facts;
        sum.claims += f.claims.size();
        sum.conflicts += f.status == Status::conflict;
        sum.stale += f.status == Status::stale;
        sum.revised += f.status == Status::revised;
        sum.changed += f.status == Status::changed;
        sum.agree += f.status == Status::agree;
        sum.single += f.status == Status::single;
        sum.not_comparable += f.status == Status::not_comparable;
        ++count[static_cast<std::size_t>(f.status)];
    }

    void add(const FindingsView& v, const Finding& f) {
        const auto s = static_cast<std::size_t>(f.status);
        switch (format) {
        case Format::table: facts[s].put(render([&](std::ostream& o) { parts::table_fact(o, v, f, color); })); break;
        case Format::markdown:
            facts[s].put(parts::bold_marks(render([&](std::ostream& o) { parts::markdown_row(o, v, f); })));
            if (f.status != Status::single)
                sections[s].put(parts::bold_marks(render([&](std::ostream& o) { parts::markdown_section(o, v, f); })));
            break;
        case Format::json:
        case Format::jsonl: {
            const bool indent = format == Format::json;
            if (count[s]) facts[s].put(indent ? ",\n" : ",");
            const std::string json = parts::fact_json(v, f).dump(indent ? 2 : -1);
            facts[s].put(indent ? nested(json) : json);
            break;
        }
        case Format::csv: facts[s].put(render([&](std::ostream& o) { parts::csv_fact(o, v, f); })); break;
        case Format::html:
            facts[s].put_record(parts::html_toc_entry(v, f));
            sections[s].put_record(render([&](std::ostream& o) { parts::html_section(o, v, f); }));
            break;
        }
        count_in(f);
    }

    // The "facts" array of the JSON forms, from the spools.
    void json_facts(std::ostream& out) {
        const bool indent = format == Format::json;
        if (!sum.facts) {
            out << "[]";
            return;
        }
        out << (indent ? "[\n" : "[");
        bool first = true;
        for (std::size_t s = 0; s < status_count; ++s) {
            if (!count[s]) continue;
            if (!first) out << (indent ? ",\n" : ",");
            facts[s].copy_to(out);
            first = false;
        }
        out << (indent ? "\n  ]" : "]");
    }

    // nlohmann-json orders keys, so "facts" comes after "contradictions" and "conversions" and
    // before "summary": the document is written around its empty facts array.
    void json(std::ostream& out, const FindingsView& head) {
        const bool indent = format == Format::json;
        const std::string doc = parts::head_json(head, sum).dump(indent ? 2 : -1);
        const std::string_view empty_facts = indent ? "\"facts\": []" : "\"facts\":[]";
        // No other key is "facts", and quotes inside strings are escaped: the first match is it.
        const std::size_t found = doc.find(empty_facts);
        if (found == std::string::npos) throw std::logic_error("JSON report without its facts");
        const std::size_t at = found + empty_facts.size() - 2;
        out.write(doc.data(), static_cast<std::streamsize>(at));
        json_facts(out);
        out << std::string_view(doc).substr(at + 2) << '\n';
    }

    // The HTML contents entries or sections, numbered from 1 in report order.
    void html_numbered(std::ostream& out, std::array<Spool, status_count>& spools, bool entries) {
        std::size_t n = 0;
        for (std::size_t s = 0; s < status_count; ++s)
            spools[s].each_record([&](const std::string& record) {
                out << (entries ? std::string(parts::html_toc_entry_start)
                                : parts::html_section_start(static_cast<Status>(s)))
                    << ++n << record;
            });
    }

    void html(std::ostream& out, const FindingsView& head) {
        parts::html_head(out, head, sum);
        if (sum.facts) {
            out << parts::html_toc_start;
            html_numbered(out, facts, true);
            out << parts::html_toc_end;
        }
        out << parts::html_main_start;
        if (!sum.facts) out << parts::html_no_facts;
        html_numbered(out, sections, false);
        out << parts::html_end;
    }

    void copy(std::ostream& out, std::array<Spool, status_count>& spools) {
        for (Spool& spool : spools) spool.copy_to(out);
    }

    void finish(std::ostream& out, const FindingsView& head) {
        switch (format) {
        case Format::table:
            parts::table_head(out, head, sum, color);
            copy(out, facts);
            return;
        case Format::markdown:
            out << parts::bold_marks(render([&](std::ostream& o) { parts::markdown_head(o, head, sum); }));
            copy(out, facts);
            copy(out, sections);
            return;
        case Format::json:
        case Format::jsonl: json(out, head); return;
        case Format::csv:
            out << parts::csv_header();
            copy(out, facts);
            return;
        case Format::html: html(out, head); return;
        }
    }
};

FindingsWriter::FindingsWriter(Format format, bool color) : impl_(std::make_unique<Impl>()) {
    impl_->format = format;
    impl_->color = color;
}

FindingsWriter::~FindingsWriter() = default;

bool FindingsWriter::needs_texts() const {
    return impl_->format == Format::table || impl_->format == Format::markdown || impl_->format == Format::html;
}

void FindingsWriter::add(const std::vector<checks::Finding>& findings, const std::vector<db::StoredClaim>& claims,
                         const ArticleTexts& texts) {
    const FindingsView view{findings, claims, texts};
    for (const Finding& f : findings) impl_->add(view, f);
}

bool FindingsWriter::any_conflict() const { return impl_->sum.conflicts != 0; }

void FindingsWriter::finish(std::ostream& out, const ReportExtras& extras) {
    static const std::vector<checks::Finding> no_findings;
    static const ArticleTexts no_texts;
    impl_->sum.articles = extras.articles;
    const FindingsView head{no_findings, extras.claims, no_texts, extras.references, extras.contradictions,
                            extras.conversions};
    impl_->finish(out, head);
}

} // namespace tradecheck::report
