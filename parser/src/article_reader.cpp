#include "tradecheck/parser/article_reader.hpp"

#include "article_fields.hpp"
#include "flat_json.hpp"
#include "web_article.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <variant>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "tradecheck/parser/csv.hpp"
#include "tradecheck/parser/text.hpp"
#include "tradecheck/input/html_page.hpp"
#include "tradecheck/input/limits.hpp"
#include "tradecheck/input/warc.hpp"

namespace fs = std::filesystem;

namespace tradecheck {

std::optional<int> publication_year(const Article& article) {
    const std::string& d = article.published;
    if (d.size() < 4 || !std::all_of(d.begin(), d.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoi(d.substr(0, 4));
}

namespace {

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A YAML scalar as front matter writes it: bare, 'single' or "double" quoted.
std::string unquote(const std::string& value) {
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
        std::string out;
        for (std::size_t i = 1; i + 1 < value.size(); ++i) {
            out += value[i];
            if (value[i] == '\'' && value[i + 1] == '\'') ++i; // '' is an escaped quote
        }
        return out;
    }
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        std::string out;
        for (std::size_t i = 1; i + 1 < value.size(); ++i) {
            if (value[i] == '\\' && i + 2 < value.size()) {
                const char next = value[++i];
                out += next == 'n' ? '\n' : next == 't' ? '\t' : next;
            } else {
                out += value[i];
            }
        }
        return out;
    }
    return value;
}

} // namespace

// "2025-11-03", "2025-11-03T10:00:00Z" -> "2025-11-03"; anything else is kept only if it
// at least starts with a year, since a wrong date would mis-resolve "next decade".
std::string normalise_date(const std::string& raw) {
    const std::string d = trim(raw);
    const auto digits = [&](std::size_t from, std::size_t n) {
        return d.size() >= from + n &&
               std::all_of(d.begin() + static_cast<long>(from), d.begin() + static_cast<long>(from + n),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (digits(0, 4) && d.size() >= 10 && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2))
        return d.substr(0, 10);
    if (digits(0, 4) && (d.size() == 4 || !std::isdigit(static_cast<unsigned char>(d[4]))))
        return d.substr(0, 4);
    return {};
}

std::string article_digest(const Article& a) {
    return sha256_hex(a.title + '\x1f' + a.outlet + '\x1f' + a.published + '\x1f' + a.currency + '\x1f' + a.text);
}

namespace {

struct FrontMatter {
    std::map<std::string, std::string> fields;
    std::size_t body_start = 0;
};

// Front matter: a first line "---", key: value lines, a closing "---" line.
FrontMatter split_front_matter(std::string_view raw) {
    FrontMatter fm;
    std::size_t pos = 0;
    if (raw.substr(0, 3) == "\xEF\xBB\xBF") pos = 3; // BOM
    const auto line_end = [&](std::size_t from) {
        const auto nl = raw.find('\n', from);
        return nl == std::string_view::npos ? raw.size() : nl;
    };
    std::size_t end = line_end(pos);
    if (trim(raw.substr(pos, end - pos)) != "---") return fm;
    std::size_t line_no = 1;
    for (pos = end + 1; pos < raw.size(); pos = end + 1) {
        ++line_no;
        end = line_end(pos);
        const std::string line = trim(raw.substr(pos, end - pos));
        if (line == "---" || line == "...") {
            fm.body_start = std::min(end + 1, raw.size());
            return fm;
        }
        const auto colon = line.find(':');
        if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
        fm.fields[trim(line.substr(0, colon))] = unquote(trim(line.substr(colon + 1)));
    }
    throw std::runtime_error("front matter opened at line 1 never closes (no closing '---' line)");
}

std::string field(const std::map<std::string, std::string>& fields,
                  std::initializer_list<const char*> names) {
    for (const char* name : names)
        if (auto it = fields.find(name); it != fields.end() && !it->second.empty()) return it->second;
    return {};
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open file");
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw std::runtime_error("read error");
    return content;
}

bool is_jsonl_file(const fs::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".jsonl" || ext == ".ndjson";
}

bool is_html_file(const fs::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".html" || ext == ".htm" || ext == ".HTML" || ext == ".HTM";
}

bool is_warc_file(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.ends_with(".warc") || name.ends_with(".warc.gz");
}

bool is_article_file(const fs::path& path) {
    const std::string ext = path.extension().string();
    const std::string stem = path.stem().string();
    return ((ext == ".txt" || ext == ".md") && stem != "README" && stem != "readme") || is_jsonl_file(path) ||
           is_html_file(path) || is_warc_file(path);
}

const ManifestEntry* manifest_for(const fs::path& file,
                                  std::map<fs::path, std::map<std::string, ManifestEntry>>& cache,
                                  std::vector<ReadProblem>& problems) {
    const fs::path dir = file.parent_path();
    auto it = cache.find(dir);
    if (it == cache.end()) {
        std::map<std::string, ManifestEntry> entries;
        const fs::path manifest = dir / "manifest.csv";
        std::error_code ec;
        if (fs::is_regular_file(manifest, ec)) {
            try {
                entries = read_manifest(manifest.string());
            } catch (const std::exception& e) {
                problems.push_back({manifest.string(), e.what()});
            }
        }
        it = cache.emplace(dir, std::move(entries)).first;
    }
    const auto entry = it->second.find(file.filename().string());
    return entry == it->second.end() ? nullptr : &entry->second;
}

} // namespace

std::map<std::string, ManifestEntry> read_manifest(const std::string& path) {
    const std::string text = read_file(path);
    // Metadata is stored and printed as UTF-8: a Latin-1 manifest would poison every report.
    if (const auto bad = first_invalid_utf8(text))
        throw std::runtime_error(fmt::format("invalid UTF-8 at byte offset {}; its metadata is ignored", *bad));
    std::vector<CsvRecord> records;
    try {
        records = read_csv(text);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(fmt::format("{}:{}", path, e.what()));
    }
    if (records.empty()) throw std::runtime_error(fmt::format("{}:1: manifest has no 'file' column", path));
    const std::vector<std::string>& header = records.front().fields;
    const auto column = [&](const char* name) -> long {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : it - header.begin();
    };
    const long file_col = column("file");
    if (file_col < 0) throw std::runtime_error(fmt::format("{}:1: manifest has no 'file' column", path));
    const long cols[] = {column("outlet"), column("published"), column("title"), column("currency")};
    std::map<std::string, ManifestEntry> entries;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::vector<std::string>& row = records[r].fields;
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        const auto get = [&](long col) { return col >= 0 && col < static_cast<long>(row.size()) ? trim(row[col]) : std::string{}; };
        if (get(file_col).empty())
            throw std::runtime_error(fmt::format("{}:{}: record has no file name", path, records[r].line));
        entries[get(file_col)] = ManifestEntry{get(cols[0]), get(cols[1]), get(cols[2]), get(cols[3])};
    }
    return entries;
}

Article parse_article(std::string raw, const std::string& id, const std::string& path,
                      const ManifestEntry* manifest) {
    if (raw.find('\0') != std::string::npos) throw std::runtime_error("binary file (contains NUL bytes); skipped");
    if (const auto bad = first_invalid_utf8(raw))
        throw std::runtime_error(fmt::format("invalid UTF-8 at byte offset {}; skipped", *bad));
    const FrontMatter fm = split_front_matter(raw);

    Article a;
    a.id = field(fm.fields, {"id"});
    if (a.id.empty()) a.id = id;
    a.path = path;
    a.title = field(fm.fields, {"title"});
    a.outlet = field(fm.fields, {"source", "outlet"});
    a.published = normalise_date(field(fm.fields, {"date", "published"}));
    a.currency = field(fm.fields, {"currency"});
    if (manifest) {
        if (a.title.empty()) a.title = manifest->title;
        if (a.outlet.empty()) a.outlet = manifest->outlet;
        if (a.published.empty()) a.published = normalise_date(manifest->published);
        if (a.currency.empty()) a.currency = manifest->currency;
    }
    if (a.currency.empty()) a.currency = "USD";
    a.text = raw.substr(fm.body_start);
    if (blank(a.text)) throw std::runtime_error("empty article (no text); skipped");
    // Identity covers the metadata too: a corrected date changes how "next decade" resolves.
    a.sha256 = article_digest(a);
    return a;
}

std::optional<InputFormat> parse_input_format(std::string_view name) {
    if (name == "auto") return InputFormat::automatic;
    if (name == "text" || name == "txt" || name == "md" || name == "markdown") return InputFormat::text;
    if (name == "jsonl" || name == "ndjson") return InputFormat::jsonl;
    if (name == "html" || name == "htm") return InputFormat::html;
    if (name == "warc") return InputFormat::warc;
    return std::nullopt;
}

namespace {

using json = nlohmann::json;

// A known field as text: strings as they are, numbers as printed, null as "".
std::string scalar_field(const json& record, const char* name) {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number() || it->is_boolean()) return it->dump();
    throw std::runtime_error(fmt::format("field '{}' must be a string", name));
}

// nlohmann's messages start with "[json.exception.parse_error.101] parse error at line 1, ";
// the line is ours to give, so only the reason is kept.
std::string json_reason(const std::exception& e) {
    std::string what = e.what();
    if (const auto bracket = what.find("] "); what.rfind("[json.exception", 0) == 0 && bracket != std::string::npos)
        what = what.substr(bracket + 2);
    if (const auto at = what.find("at line 1, "); at != std::string::npos) what.erase(at, 11);
    return what;
}

} // namespace

// How deeply arrays and objects nest in a JSON text (outside strings). nlohmann parses and
// dumps recursively, so a hostile record nested 200,000 deep would overflow the stack.
std::size_t json_depth(std::string_view line) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

namespace {

// The known fields of a record read by nlohmann::json (any valid JSON), and its other fields
// as a JSON object into `metadata`.
Article fields_by_json(std::string_view line, std::string* metadata) {
    constexpr std::size_t max_depth = 256;
    if (json_depth(line) > max_depth)
        throw std::runtime_error(fmt::format("invalid record: JSON nested deeper than {} levels; skipped", max_depth));
    json record;
    try {
        record = json::parse(line.begin(), line.end());
    } catch (const json::exception& e) {
        throw std::runtime_error(fmt::format("invalid JSON record: {}; skipped", json_reason(e)));
    }
    if (!record.is_object()) throw std::runtime_error("invalid record: not a JSON object; skipped");
    const auto text = record.find("text");
    if (text == record.end() || !text->is_string())
        throw std::runtime_error("invalid record: no \"text\" string; skipped");

    Article a;
    try {
        a.id = scalar_field(record, "id");
        a.title = scalar_field(record, "title");
        a.outlet = scalar_field(record, "source");
        if (a.outlet.empty()) a.outlet = scalar_field(record, "outlet");
        a.published = scalar_field(record, "date");
        if (a.published.empty()) a.published = scalar_field(record, "published");
        a.currency = scalar_field(record, "currency");
    } catch (const std::exception& e) {
        throw std::runtime_error(fmt::format("invalid record: {}; skipped", e.what()));
    }
    a.text = text->get<std::string>();
    if (metadata) {
        for (const char* known : {"id", "title", "source", "outlet", "date", "published", "currency", "text"})
            record.erase(known);
        *metadata = record.empty() ? std::string() : record.dump();
    }
    return a;
}

// The same for the usual record, one object of known fields with text or null values, read
// without building a document (a third of `extract`'s time went to nlohmann's DOM). nullopt
// for anything else, left to fields_by_json.
std::optional<Article> fields_by_flat_reader(std::string_view line) {
    auto members = detail::read_flat_object(line);
    if (!members) return std::nullopt;
    Article a;
    std::string source, outlet, date, published;
    constexpr std::array<std::string_view, 8> names{"id", "title", "source", "outlet", "date", "published",
                                                    "currency", "text"};
    const std::array<std::string*, 8> slots{&a.id, &a.title, &source, &outlet, &date, &published, &a.currency, &a.text};
    constexpr std::size_t text = 7;
    std::array<bool, 8> seen{};
    for (detail::FlatMember& m : *members) {
        const auto k = static_cast<std::size_t>(std::find(names.begin(), names.end(), m.key) - names.begin());
        if (k == names.size() || seen[k]) return std::nullopt;   // metadata or a repeated key: the full parser's
        if (k == text && !m.value) return std::nullopt;         // null text: fields_by_json has the message
        seen[k] = true;
        if (m.value) *slots[k] = std::move(*m.value);
    }
    if (!seen[text]) return std::nullopt;
    a.outlet = source.empty() ? std::move(outlet) : std::move(source);
    a.published = date.empty() ? std::move(published) : std::move(date);
    return a;
}

} // namespace

Article parse_jsonl_record(std::string_view line, const std::string& default_id, const std::string& path,
                           std::string* metadata, bool digest) {
    std::optional<Article> flat = fields_by_flat_reader(line);
    if (flat && metadata) metadata->clear();
    Article a = flat ? std::move(*flat) : fields_by_json(line, metadata);
    a.published = normalise_date(a.published);
    if (a.id.empty()) a.id = default_id;
    if (a.currency.empty()) a.currency = "USD";
    a.path = path;
    for (const std::string* field : {&a.text, &a.id, &a.title, &a.outlet, &a.currency})
        if (field->find('\0') != std::string::npos)
            throw std::runtime_error("invalid record: a field contains NUL characters; skipped");
    if (blank(a.text)) throw std::runtime_error("empty article (no text); skipped");
    // The line is the record: text, metadata and all. Hashing it as it is lets a re-ingest
    // recognise an unchanged record without parsing it (peek_identity).
    if (digest) {
        a.sha256 = sha256_hex(line);
        a.fingerprint = fingerprint_hex(line);
    }
    return a;
}

namespace {

// Reads a record's top-level "id" and stops: the SAX handler returns false once it has it.
class IdPeek : public nlohmann::json_sax<json> {
public:
    std::optional<std::string> id;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t& v) override { return value(v); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        id_next_ = depth_ == 1 && k == "id";
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    // A value at the top level after the key "id": keep it if it is text or an integer, and stop.
    bool value(std::optional<std::string> v = std::nullopt) {
        if (!id_next_ || depth_ != 1) return true;
        id = std::move(v);
        return false;
    }
    bool open() {
        if (id_next_ && depth_ == 1) return false;  // an object or array as id: not ours to read
        ++depth_;
        return true;
    }
    bool close() {
        --depth_;
        return true;
    }
    int depth_ = 0;
    bool id_next_ = false;
};

// The usual record begins {"id": "..." with a plain printable ASCII id: the id is read here,
// without the JSON parser. Anything else (escapes, other characters, another first key, a
// number) is left to IdPeek, which gives the same answer for these.
std::optional<std::string> leading_plain_id(std::string_view line) {
    std::size_t i = 0;
    const auto blanks = [&] { while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i; };
    const auto take = [&](char c) { return i < line.size() && line[i] == c ? (++i, true) : false; };
    blanks();
    if (!take('{')) return std::nullopt;
    blanks();
    if (line.substr(i, 4) != "\"id\"") return std::nullopt;
    i += 4;
    blanks();
    if (!take(':')) return std::nullopt;
    blanks();
    if (!take('"')) return std::nullopt;
    const std::size_t start = i;
    while (i < line.size() && line[i] >= 0x20 && line[i] <= 0x7E && line[i] != '"' && line[i] != '\\') ++i;
    if (i >= line.size() || line[i] != '"') return std::nullopt;
    return std::string(line.substr(start, i - start));
}

} // namespace

std::optional<RecordIdentity> peek_identity(const RawInput& raw) {
    if (raw.kind == RawInput::Kind::html) return RecordIdentity{raw.id, page_fingerprint(raw)};
    if (raw.kind != RawInput::Kind::jsonl_record) return std::nullopt;
    const std::string_view text = raw.text();
    std::optional<std::string> id = leading_plain_id(text);
    if (!id) {
        IdPeek peek;
        json::sax_parse(text.begin(), text.end(), &peek, json::input_format_t::json, false);
        id = std::move(peek.id);
    }
    if (!id || id->empty()) return std::nullopt;
    return RecordIdentity{std::move(*id), fingerprint_hex(text)};
}

ParsedInput parse_input(RawInput&& raw, bool digest) {
    ParsedInput parsed;
    try {
        switch (raw.kind) {
        case RawInput::Kind::problem:
            parsed.problem = ReadProblem{raw.path, raw.bytes};
            break;
        case RawInput::Kind::jsonl_record:
            parsed.article = parse_jsonl_record(raw.text(), raw.id, raw.path, &parsed.metadata, digest);
            break;
        case RawInput::Kind::file:
            parsed.article = parse_article(std::move(raw.bytes), raw.id, raw.path,
                                           raw.manifest ? &*raw.manifest : nullptr);
            break;
        case RawInput::Kind::html:
            parsed.article = parse_html_article(raw.text(), raw.id, raw.path, raw.web ? &*raw.web : nullptr,
                                                raw.manifest ? &*raw.manifest : nullptr, &parsed.metadata, digest);
            if (digest) parsed.article->fingerprint = page_fingerprint(raw);
            break;
        }
    } catch (const std::exception& e) {
        parsed.article.reset();
        parsed.problem = ReadProblem{raw.path, e.what()};
    }
    return parsed;
}

// ---- ArticleSource ----------------------------------------------------------------------

namespace {

// "name:line", built without a format string: the reading thread makes two for every record.
std::string numbered(const std::string& name, std::size_t line) {
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), line).ptr;
    std::string out;
    out.reserve(name.size() + 1 + static_cast<std::size_t>(end - digits));
    out.append(name).append(1, ':').append(digits, end);
    return out;
}

std::string too_large(std::uintmax_t bytes) {
    return fmt::format("page of {:.1f} MB is larger than the {} MB limit for one HTML page; skipped",
                       static_cast<double>(bytes) / 1e6, input::max_page_bytes >> 20);
}

// Appends what is left of `in` to `out` while `out` stays within `limit` bytes; false (with
// more than `limit` bytes read) when there is more.
bool append_at_most(std::istream& in, std::string& out, std::size_t limit) {
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, static_cast<std::size_t>(in.gcount()));
        if (out.size() > limit) return false;
    }
    return true;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string warc_summary(const std::string& path, const input::WarcCounts& c) {
    return fmt::format("{}: {} read; skipped {}, {}, {}, {}{}", path, plural(c.pages, "HTML page", "HTML pages"),
                       plural(c.redirects, "redirect", "redirects"),
                       plural(c.not_html, "non-HTML response", "non-HTML responses"),
                       plural(c.errors, "HTTP error", "HTTP errors"),
                       plural(c.other, "other record", "other records"),
                       c.problems ? fmt::format(", {}", plural(c.problems, "broken record", "broken records")) : "");
}

} // namespace

// The lines of a file, read a megabyte at a time into blocks that the records cut from them
// share. std::getline goes through the stream's sentry for every line, and a string per line
// is an allocation by the reading thread and a free by another: between them most of a
// re-ingest's reading, and contention with the threads freeing.
class BlockLines {
public:
    explicit BlockLines(std::istream& in) : in_(in) {}

    // The next line, without its '\n' (the last may lack one), into `raw`: a view of its block,
    // or a copy in raw.bytes when it spans blocks. False at the end or on an error.
    bool next(RawInput& raw) {
        std::string spanning;   // a line that runs across blocks, gathered piece by piece
        for (;;) {
            if (pos_ == end_ && !refill()) {
                if (spanning.empty()) return false;
                raw.bytes = std::move(spanning);   // the last line, without a '\n'
                return true;
            }
            const char* start = block_.get() + pos_;
            const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
            const std::size_t length = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
            pos_ += length + (nl ? 1 : 0);
            if (!nl) {
                spanning.append(start, length);
                continue;
            }
            if (spanning.empty()) {
                raw.block = block_;
                raw.line = std::string_view(start, length);
            } else {
                raw.bytes = std::move(spanning.append(start, length));
            }
            return true;
        }
    }

private:
    static constexpr std::size_t block_size = std::size_t{1} << 20;

    bool refill() {
        if (!in_) return false;
        block_ = free_block();
        in_.read(block_.get(), static_cast<std::streamsize>(block_size));
        pos_ = 0;
        end_ = static_cast<std::size_t>(in_.gcount());
        return end_ > 0;
    }

    // A block no record uses any more, or a new one: a few are in use at any time (the
    // pipeline bounds the records in flight), and a new megabyte is 256 page faults.
    std::shared_ptr<char[]> free_block() {
        block_.reset();
        for (std::shared_ptr<char[]>& b : blocks_) {
            if (b.use_count() != 1) continue;
            // The last record's release of the block happens before its reuse.
            std::atomic_thread_fence(std::memory_order_acquire);
            return b;
        }
        auto b = std::make_shared_for_overwrite<char[]>(block_size);
        if (blocks_.size() < max_spare) blocks_.push_back(b);
        return b;
    }

    static constexpr std::size_t max_spare = 16;
    std::istream& in_;
    std::vector<std::shared_ptr<char[]>> blocks_;   // the blocks kept for reuse
    std::shared_ptr<char[]> block_;
    std::size_t pos_ = 0, end_ = 0;
};

struct ArticleSource::State {
    std::vector<std::string> paths;
    std::size_t next_path = 0;
    std::istream& stdin_stream;
    InputFormat format;

    std::deque<fs::path> files;                 // files of the directory being read
    std::deque<RawInput> pending;               // problems (and stdin's one article) to hand out
    std::map<fs::path, std::map<std::string, ManifestEntry>> manifests;

    // The JSON Lines stream being read, if any. A file's lines are read in blocks; stdin's with
    // std::getline, so that each record is handled as soon as its line arrives.
    std::unique_ptr<std::ifstream> file_stream;
    std::optional<BlockLines> file_lines;
    std::istream* lines = nullptr;
    std::string lines_path;                     // "dir/all.jsonl" or "stdin"
    std::string lines_id;                       // "all.jsonl" or "stdin"
    std::size_t line_no = 0;
    std::optional<std::string> first_line;      // stdin's line already read while sniffing

    // The WARC archive being read, if any, and a line about each one read to its end.
    std::unique_ptr<std::ifstream> warc_stream;
    std::unique_ptr<input::WarcReader> warc;
    std::string warc_path;
    std::uint64_t warc_consumed = 0;
    std::vector<std::string> summaries;

    std::optional<std::size_t> total;

    State(std::vector<std::string> p, std::istream& in, InputFormat f)
        : paths(std::move(p)), stdin_stream(in), format(f) {}

    static RawInput problem(std::string path, std::string message) {
        RawInput r;
        r.kind = RawInput::Kind::problem;
        r.path = std::move(path);
        r.bytes = std::move(message);
        return r;
    }

    bool jsonl(const fs::path& file) const {
        return format == InputFormat::jsonl || (format == InputFormat::automatic && is_jsonl_file(file));
    }

    bool html(const fs::path& file) const {
        return format == InputFormat::html || (format == InputFormat::automatic && is_html_file(file));
    }

    bool warc_file(const fs::path& file) const {
        return format == InputFormat::warc || (format == InputFormat::automatic && is_warc_file(file));
    }

    void open_warc(std::istream& in, std::string path, std::string prefix = {}) {
        warc = std::make_unique<input::WarcReader>(in, std::move(prefix));
        warc_path = std::move(path);
        warc_consumed = 0;
    }

    // The archive's next page or problem; nullopt (and the archive closed) at its end.
    std::optional<RawInput> next_from_warc(std::size_t& bytes_read) {
        auto item = warc->next();
        const std::uint64_t consumed = warc->consumed();
        bytes_read += consumed - warc_consumed;
        warc_consumed = consumed;
        if (!item) {
            summaries.push_back(warc_summary(warc_path, warc->counts()));
            warc.reset();
            warc_stream.reset();
            return std::nullopt;
        }
        if (const auto* p = std::get_if<input::WarcProblem>(&*item))
            return problem(warc_path + input::to_string(p->offset), p->message);
        input::WarcPage& page = std::get<input::WarcPage>(*item);
        RawInput r;
        r.kind = RawInput::Kind::html;
        r.path = warc_path + input::to_string(page.offset);
        r.id = page.target_uri.empty() ? r.path : page.target_uri;
        r.bytes = std::move(page.body);
        r.web = WebOrigin{std::move(page.target_uri), std::move(page.date), std::move(page.record_id),
                          std::move(page.charset)};
        return r;
    }

    void open_lines(std::istream& in, std::string path, std::string id) {
        lines = &in;
        lines_path = std::move(path);
        lines_id = std::move(id);
        line_no = 0;
    }
};

ArticleSource::ArticleSource(std::vector<std::string> paths, std::istream& stdin_stream, InputFormat format)
    : state_(std::make_unique<State>(std::move(paths), stdin_stream, format)) {}

ArticleSource::~ArticleSource() = default;

std::size_t ArticleSource::bytes_total() {
    State& s = *state_;
    if (s.total) return *s.total;
    std::size_t total = 0;
    for (const std::string& p : s.paths) {
        std::error_code ec;
        if (p == "-") continue;
        if (fs::is_directory(p, ec)) {
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && is_article_file(it->path())) total += it->file_size(ec);
        } else if (const auto size = fs::file_size(p, ec); !ec) {
            total += size;
        }
    }
    s.total = total;
    return total;
}

std::optional<RawInput> ArticleSource::next() {
    State& s = *state_;
    for (;;) {
        if (!s.pending.empty()) {
            RawInput r = std::move(s.pending.front());
            s.pending.pop_front();
            return r;
        }
        if (s.lines) {
            RawInput r;
            bool got = false;
            if (s.first_line) {
                r.bytes = std::move(*s.first_line);
                s.first_line.reset();
                got = true;
            } else if (s.file_lines) {
                got = s.file_lines->next(r);
            } else {
                got = static_cast<bool>(std::getline(*s.lines, r.bytes));
            }
            if (got) {
                ++s.line_no;
                bytes_read_ += r.text().size() + 1;
                if (r.text().ends_with('\r')) {
                    if (r.block) r.line.remove_suffix(1);
                    else r.bytes.pop_back();
                }
                if (r.text().find_first_not_of(" \t") == std::string_view::npos) continue;  // blank line
                r.kind = RawInput::Kind::jsonl_record;
                r.path = numbered(s.lines_path, s.line_no);
                r.id = numbered(s.lines_id, s.line_no);
                return r;
            }
            const bool bad = s.lines->bad();
            std::string path = s.lines_path;
            s.lines = nullptr;
            s.file_lines.reset();
            s.file_stream.reset();
            if (bad) return State::problem(std::move(path), "read error");
            continue;
        }
        if (s.warc) {
            if (std::optional<RawInput> r = s.next_from_warc(bytes_read_)) return r;
            continue;
        }
        if (!s.files.empty()) {
            const fs::path file = std::move(s.files.front());
            s.files.pop_front();
            if (s.warc_file(file)) {
                auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
                if (!*in) return State::problem(file.string(), "cannot open file");
                s.warc_stream = std::move(in);
                s.open_warc(*s.warc_stream, file.string());
                continue;
            }
            if (s.jsonl(file)) {
                auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
                if (!*in) return State::problem(file.string(), "cannot open file");
                s.file_stream = std::move(in);
                s.file_lines.emplace(*s.file_stream);
                s.open_lines(*s.file_stream, file.string(), file.filename().string());
                continue;
            }
            std::vector<ReadProblem> manifest_problems;
            const ManifestEntry* meta = manifest_for(file, s.manifests, manifest_problems);
            for (ReadProblem& p : manifest_problems) s.pending.push_back(State::problem(p.path, p.message));
            RawInput r;
            r.kind = RawInput::Kind::file;
            r.path = file.string();
            r.id = file.filename().string();
            if (meta) r.manifest = *meta;
            try {
                if (s.html(file)) {
                    r.kind = RawInput::Kind::html;
                    // A page too large to parse is refused before it is read.
                    if (const std::uintmax_t size = fs::file_size(file); size > input::max_page_bytes)
                        throw std::runtime_error(too_large(size));
                }
                r.bytes = read_file(file);
                bytes_read_ += r.bytes.size();
            } catch (const std::exception& e) {
                r = State::problem(file.string(), e.what());
            }
            s.pending.push_back(std::move(r));
            continue;
        }
        if (s.next_path >= s.paths.size()) return std::nullopt;
        const std::string p = s.paths[s.next_path++];
        if (p == "-") {
            bool as_jsonl = s.format == InputFormat::jsonl;
            bool as_warc = s.format == InputFormat::warc;
            bool as_html = s.format == InputFormat::html;
            std::string first;
            bool newline = false;
            if (s.format == InputFormat::automatic) {
                // JSON Lines when the first line is a JSON object, WARC when it is a WARC
                // version line or gzip, HTML when it starts a document, else one article.
                newline = static_cast<bool>(std::getline(s.stdin_stream, first)) && !s.stdin_stream.eof();
                const auto brace = first.find_first_not_of(" \t\xEF\xBB\xBF");
                as_jsonl = brace != std::string::npos && first[brace] == '{' && json::accept(first);
                as_warc = first.starts_with("WARC/") || first.starts_with("\x1F\x8B");
                as_html = !as_jsonl && !as_warc && input::looks_like_html(first);
                if (as_jsonl) s.first_line = std::move(first);
            }
            if (as_jsonl) {
                s.open_lines(s.stdin_stream, "stdin", "stdin");
                continue;
            }
            if (newline) first += '\n';
            if (as_warc) {
                s.open_warc(s.stdin_stream, "stdin", std::move(first));
                continue;
            }
            RawInput r;
            r.kind = as_html ? RawInput::Kind::html : RawInput::Kind::file;
            r.path = "-";
            r.id = "stdin";
            r.bytes = std::move(first);
            if (as_html) {
                if (!append_at_most(s.stdin_stream, r.bytes, input::max_page_bytes))
                    return State::problem("-", too_large(r.bytes.size()));
            } else {
                r.bytes.append(std::istreambuf_iterator<char>(s.stdin_stream), std::istreambuf_iterator<char>());
            }
            bytes_read_ += r.bytes.size();
            return r;
        }
        std::error_code ec;
        const fs::path path(p);
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && is_article_file(it->path())) found.push_back(it->path());
            if (ec) s.pending.push_back(State::problem(p, ec.message()));
            std::sort(found.begin(), found.end());
            s.files.insert(s.files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        } else if (fs::exists(path, ec)) {
            s.files.push_back(path);
        } else {
            s.pending.push_back(State::problem(p, "no such file or directory"));
        }
    }
}

std::vector<std::string> ArticleSource::archive_summaries() const { return state_->summaries; }

ReadResult read_articles(const std::vector<std::string>& paths, std::istream& stdin_stream, InputFormat format) {
    ReadResult result;
    ArticleSource source(paths, stdin_stream, format);
    while (auto raw = source.next()) {
        ParsedInput parsed = parse_input(std::move(*raw));
        if (parsed.article) result.articles.push_back(std::move(*parsed.article));
        if (parsed.problem) result.problems.push_back(std::move(*parsed.problem));
    }
    return result;
}

} // namespace tradecheck
