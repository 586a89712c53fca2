// Reading articles from files, directories and stdin.
//   - .txt / .md files, with optional YAML front matter (title, date, source, currency, id)
//   - a manifest.csv beside the files (file, outlet, published, title[, currency]) for metadata
//     that the files themselves do not carry; front matter wins where both give a field.
//   - JSON Lines (.jsonl, .ndjson): one article a line, an object with `id`, `title`, `date`
//     (or `published`), `source` (or `outlet`), `currency` and `text`; other fields are kept as
//     the article's metadata (a JSON object).
//   - HTML pages (.html, .htm): the main text and the page's metadata, extracted by input/
//     (tradecheck/input/html_page.hpp); a page with no article body is a problem.
//   - WARC archives (.warc, .warc.gz): each HTML response record is a page, with the record's
//     target URI as its id; other records are counted (archive_summaries) and skipped.
// Bad inputs (unreadable, binary, empty, invalid UTF-8, unclosed front matter, invalid JSON
// records, pages that are not articles, broken WARC records) are reported as problems and
// skipped; they never stop the rest.
//
// Two ways to read: read_articles() collects everything (fine for a handful of files), and
// ArticleSource + parse_input() stream a corpus of any size: the source does the I/O and cuts
// the input into records (a file, or a line of JSON Lines) one at a time, and parse_input()
// turns a record into an Article, so that the costly part can run on other threads.
#pragma once

#include <cstddef>
#include <fstream>
#include <istream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tradecheck/parser/article.hpp"

namespace tradecheck {

struct ReadProblem {
    std::string path;      // "file", or "file:line" for a JSON Lines record
    std::string message;
};

struct ReadResult {
    std::vector<Article> articles;
    std::vector<ReadProblem> problems;
};

struct ManifestEntry {
    std::string outlet;
    std::string published;
    std::string title;
    std::string currency;
};

// How to read an input. `automatic` goes by the extension (.jsonl/.ndjson are JSON Lines,
// .html/.htm HTML, .warc/.warc.gz WARC, everything else one article a file); stdin is JSON
// Lines when its first line is a JSON object, HTML when it starts like an HTML document, WARC
// when it starts with "WARC/" or is gzip.
enum class InputFormat { automatic, text, jsonl, html, warc };

// "auto", "text" (also "txt", "md", "markdown"), "jsonl" (also "ndjson"), "html" (also "htm"),
// "warc"; nullopt otherwise.
std::optional<InputFormat> parse_input_format(std::string_view name);

// file name -> metadata, from a manifest.csv. Throws std::runtime_error with file:line on a
// malformed manifest.
std::map<std::string, ManifestEntry> read_manifest(const std::string& path);

// Makes an Article from a file's raw bytes. Throws std::runtime_error (message without the
// path) when the content cannot be an article.
Article parse_article(std::string raw, const std::string& id, const std::string& path,
                      const ManifestEntry* manifest = nullptr);

// Makes an Article from one JSON Lines record. `default_id` is used when the record has no
// `id`. Fields other than the known ones go, as a JSON object, to `metadata` (left empty when
// there are none). The article's identity (sha256) is the digest of the record's line as it
// is, and so is its fingerprint, by which a record that did not change is recognised without
// parsing it (see peek_identity).
// Throws std::runtime_error (message without the path) for invalid JSON, a non-object, a
// missing or empty `text`, NUL bytes. `digest` false leaves sha256 and fingerprint empty (for
// `extract`, which stores nothing).
Article parse_jsonl_record(std::string_view line, const std::string& default_id,
                           const std::string& path, std::string* metadata = nullptr, bool digest = true);

// Where a page from a WARC archive came from.
struct WebOrigin {
    std::string url;         // WARC-Target-URI
    std::string fetched;     // WARC-Date
    std::string record_id;   // WARC-Record-ID
    std::string charset;     // the charset of the HTTP Content-Type header, "" when none
};

// Makes an Article from an HTML page: the extracted main text, title, date (the page's, else
// the manifest's, else the WARC record's fetch date), outlet; the URL and the extraction's
// details go, as a JSON object, to `metadata`. The fingerprint covers the page's bytes and
// origin, so an unchanged page is known without parsing it. Throws std::runtime_error
// (message without the path) for a page that gives no article.
Article parse_html_article(std::string_view bytes, const std::string& id, const std::string& path,
                           const WebOrigin* origin = nullptr, const ManifestEntry* manifest = nullptr,
                           std::string* metadata = nullptr, bool digest = true);

// One unit of input as the source cuts it: a whole file, one JSON Lines record, an HTML page
// (a file or a WARC record), or a problem (a file that cannot be read, a bad manifest).
struct RawInput {
    enum class Kind { file, jsonl_record, html, problem };
    Kind kind = Kind::file;
    std::string path;      // for display: "dir/a.txt", "all.jsonl:12", "-"
    std::string id;        // the default id: the file name, "stdin", or "all.jsonl:12"
    std::string bytes;     // file content or the record's line; the message for a problem
    std::optional<ManifestEntry> manifest;
    std::optional<WebOrigin> web;   // an HTML page from a WARC record
    // A JSON Lines file is read a megabyte at a time, and a record's line is left in the block
    // it was read into, shared with the records around it: no copy and no allocation per line.
    // `bytes` is then empty and `line` views the block. text() is the record either way.
    std::shared_ptr<const char[]> block;
    std::string_view line;

    std::string_view text() const { return block ? line : std::string_view(bytes); }
};

// A parsed input: an article, or the reason it was skipped.
struct ParsedInput {
    std::optional<Article> article;
    std::string metadata;  // JSON object of the record's other fields, or ""
    std::optional<ReadProblem> problem;
};

// Never throws: a bad record becomes a problem with its path. `digest` false: a JSON Lines
// record's sha256 and fingerprint are left empty.
ParsedInput parse_input(RawInput&& raw, bool digest = true);

// The id and fingerprint of a JSON Lines record, read without parsing the whole record: the
// id by a parser that stops as soon as it has it, the fingerprint (fingerprint_hex, not
// SHA-256) over the raw line. Enough to learn that a stored article is unchanged. For an HTML
// page, its id (file name or URI) and page_fingerprint. nullopt for other inputs, and for
// records whose id is missing or not a string or integer (parse_input then has the last word).
struct RecordIdentity {
    std::string id;
    std::string fingerprint;
};
std::optional<RecordIdentity> peek_identity(const RawInput& raw);

// Streams the inputs named by `paths` (files; directories, recursively in sorted order; "-"
// for `stdin_stream`), one record at a time. Only the current file or line is in memory.
class ArticleSource {
public:
    ArticleSource(std::vector<std::string> paths, std::istream& stdin_stream,
                  InputFormat format = InputFormat::automatic);
    ~ArticleSource();
    ArticleSource(const ArticleSource&) = delete;
    ArticleSource& operator=(const ArticleSource&) = delete;

    // The next record, or nullopt at the end.
    std::optional<RawInput> next();

    // Bytes of input consumed so far, and the total size of the named files (0 when unknown,
    // e.g. stdin); for progress reports.
    std::size_t bytes_read() const { return bytes_read_; }
    std::size_t bytes_total();

    // One line for each WARC archive read to its end: its pages and what was skipped, e.g.
    // "cc.warc.gz: 120 HTML pages; skipped 14 redirects, 30 non-HTML responses, 2 HTTP errors,
    // 300 other records". Call once next() has returned nullopt.
    std::vector<std::string> archive_summaries() const;

private:
    struct State;
    std::unique_ptr<State> state_;
    std::size_t bytes_read_ = 0;
};

// Files and directories (recursively, in sorted order). "-" reads stdin: one article, or JSON
// Lines (see InputFormat).
ReadResult read_articles(const std::vector<std::string>& paths, std::istream& stdin_stream,
                         InputFormat format = InputFormat::automatic);

} // namespace tradecheck
