// Article: one news story as tradecheck stores it, and the readers that make one from files.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace tradecheck {

struct Article {
    std::string id;        // file name for files, front-matter `id` when given, "stdin" for stdin
    std::string path;      // where it was read from ("-" for stdin)
    std::string sha256;    // hex digest of `text` plus metadata: the article's identity
    std::string fingerprint; // JSON Lines and HTML: fingerprint_hex of the record's line (of the
                             // page and its origin), by which a re-ingest knows it unchanged
                             // without parsing it or SHA-256; "" for text files
    std::string title;
    std::string outlet;
    std::string published; // ISO date YYYY-MM-DD, or "" when unknown
    std::string currency = "USD"; // what a bare "$" means in this article
    std::string text;      // UTF-8 body, front matter removed
};

// The year of `published`, if it has one.
std::optional<int> publication_year(const Article& article);

} // namespace tradecheck
