#include "tradecheck/parser/article_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include <fmt/core.h>

#include "tradecheck/parser/text.hpp"

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

// RFC 4180 fields of one record starting at `pos`; advances `pos` past the record.
std::vector<std::string> csv_record(const std::string& text, std::size_t& pos, std::size_t& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (quoted) {
            if (c == '"' && pos + 1 < text.size() && text[pos + 1] == '"') { fields.back() += '"'; ++pos; }
            else if (c == '"') quoted = false;
            else { if (c == '\n') ++line; fields.back() += c; }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else if (c == '\n') {
            ++pos;
            ++line;
            break;
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    if (quoted) throw std::runtime_error(fmt::format("line {}: unterminated quoted field", line));
    return fields;
}

bool is_article_file(const fs::path& path) {
    const std::string ext = path.extension().string();
    const std::string stem = path.stem().string();
    return (ext == ".txt" || ext == ".md") && stem != "README" && stem != "readme";
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
    std::size_t pos = 0, line = 1;
    const std::vector<std::string> header = csv_record(text, pos, line);
    const auto column = [&](const char* name) -> long {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? -1 : it - header.begin();
    };
    const long file_col = column("file");
    if (file_col < 0) throw std::runtime_error(fmt::format("{}:1: manifest has no 'file' column", path));
    const long cols[] = {column("outlet"), column("published"), column("title"), column("currency")};
    std::map<std::string, ManifestEntry> entries;
    while (pos < text.size()) {
        const std::size_t record_line = line;
        std::vector<std::string> row;
        try {
            row = csv_record(text, pos, line);
        } catch (const std::exception& e) {
            throw std::runtime_error(fmt::format("{}:{}", path, e.what()));
        }
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        const auto get = [&](long col) { return col >= 0 && col < static_cast<long>(row.size()) ? trim(row[col]) : std::string{}; };
        if (get(file_col).empty())
            throw std::runtime_error(fmt::format("{}:{}: record has no file name", path, record_line));
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
    if (trim(a.text).empty()) throw std::runtime_error("empty article (no text); skipped");
    // Identity covers the metadata too: a corrected date changes how "next decade" resolves.
    a.sha256 = sha256_hex(a.title + '\x1f' + a.outlet + '\x1f' + a.published + '\x1f' + a.currency +
                          '\x1f' + a.text);
    return a;
}

ReadResult read_articles(const std::vector<std::string>& paths, std::istream& stdin_stream) {
    ReadResult result;
    std::map<fs::path, std::map<std::string, ManifestEntry>> manifests;
    const auto read_one = [&](const fs::path& file) {
        try {
            const ManifestEntry* meta = manifest_for(file, manifests, result.problems);
            result.articles.push_back(parse_article(read_file(file), file.filename().string(), file.string(), meta));
        } catch (const std::exception& e) {
            result.problems.push_back({file.string(), e.what()});
        }
    };
    for (const std::string& p : paths) {
        if (p == "-") {
            std::string raw((std::istreambuf_iterator<char>(stdin_stream)), std::istreambuf_iterator<char>());
            try {
                result.articles.push_back(parse_article(std::move(raw), "stdin", "-"));
            } catch (const std::exception& e) {
                result.problems.push_back({"-", e.what()});
            }
            continue;
        }
        std::error_code ec;
        const fs::path path(p);
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> files;
            for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && is_article_file(it->path())) files.push_back(it->path());
            if (ec) result.problems.push_back({p, ec.message()});
            std::sort(files.begin(), files.end());
            for (const auto& f : files) read_one(f);
        } else if (fs::exists(path, ec)) {
            read_one(path);
        } else {
            result.problems.push_back({p, "no such file or directory"});
        }
    }
    return result;
}

} // namespace tradecheck
