// Reading articles from files, directories and stdin.
//   - .txt / .md files, with optional YAML front matter (title, date, source, currency, id)
//   - a manifest.csv beside the files (file, outlet, published, title[, currency]) for metadata
//     that the files themselves do not carry; front matter wins where both give a field.
// Bad inputs (unreadable, binary, empty, invalid UTF-8, unclosed front matter) are reported as
// problems and skipped; they never stop the rest.
#pragma once

#include <istream>
#include <map>
#include <string>
#include <vector>

#include "tradecheck/parser/article.hpp"

namespace tradecheck {

struct ReadProblem {
    std::string path;
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

// file name -> metadata, from a manifest.csv. Throws std::runtime_error with file:line on a
// malformed manifest.
std::map<std::string, ManifestEntry> read_manifest(const std::string& path);

// Makes an Article from a file's raw bytes. Throws std::runtime_error (message without the
// path) when the content cannot be an article.
Article parse_article(std::string raw, const std::string& id, const std::string& path,
                      const ManifestEntry* manifest = nullptr);

// Files and directories (recursively, in sorted order). "-" reads one article from `stdin_stream`.
ReadResult read_articles(const std::vector<std::string>& paths, std::istream& stdin_stream);

} // namespace tradecheck
