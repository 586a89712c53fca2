// The article in a web page: its main text and the metadata the page carries.
//
// The page is parsed by gumbo (a complete HTML5 parser: the tree a browser would build, from
// any tag soup). The body is, in this order: the element marked itemprop="articleBody", the
// largest <article>, <main>, or the block holding the densest run of <p> text; navigation,
// scripts, styles, forms, figures, comments sections and cookie/subscription furniture are
// dropped, and block elements become paragraphs separated by blank lines. <h1> is the
// headline: it goes to the title, not the text (a page that repeats its headline would give
// the same claim twice).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace tradecheck::input {

// Raised for a page that cannot give an article: too large, an undecodable encoding, no body.
class HtmlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bumped whenever extraction changes what a page gives, so that a re-ingest parses pages
// stored by an older extractor again instead of finding them unchanged.
inline constexpr int html_extraction_version = 1;

// What the page's bytes came with from outside: a WARC record's HTTP Content-Type charset.
struct HtmlHints {
    std::string charset;   // the label as given ("ISO-8859-1"), or ""
};

struct HtmlPage {
    std::string text;           // UTF-8, paragraphs separated by blank lines
    std::string title;          // og:title, JSON-LD headline, <h1>, <title>
    std::string published;      // article:published_time, JSON-LD datePublished, <time datetime>;
                                // as the page writes it (ISO 8601, usually)
    std::string modified;       // article:modified_time, JSON-LD dateModified
    std::string outlet;         // og:site_name, JSON-LD publisher
    std::string author;         // meta author, JSON-LD author
    std::string canonical_url;  // <link rel=canonical>, og:url, JSON-LD url
    std::string language;       // <html lang>, JSON-LD inLanguage, og:locale
    std::string body_from;      // where the text came from: "articleBody", "article", "main",
                                // "densest block", "json-ld articleBody"
    std::string charset;        // the encoding the page was decoded from
};

// Throws HtmlError (a message for the user, without the path).
HtmlPage extract_html(std::string_view bytes, const HtmlHints& hints = {});

// Whether a text starts as an HTML document does (after a BOM and blanks: "<!DOCTYPE html",
// "<html", "<head"), for telling a page on stdin from a plain-text article.
bool looks_like_html(std::string_view start);

} // namespace tradecheck::input
