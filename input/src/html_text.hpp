// The text of gumbo elements: what is furniture, and plain text with paragraph breaks.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace tradecheck::input::detail {

// Navigation, scripts, forms, comment sections, cookie banners, subscription prompts, ads:
// never part of the story, nor a place to look for its date or headline.
bool is_furniture(const GumboNode* n);

// `s` with every run of whitespace (no-break spaces included) made one space, trimmed.
std::string collapse_whitespace(std::string_view s);

// All the text below `n`, whitespace collapsed, on one line (a title, a heading).
std::string text_of(const GumboNode* n);

// How many characters of text below `n` are outside links: a paragraph of links is a list of
// teasers, not prose.
std::size_t text_outside_links(const GumboNode* n);

// The story's text below `n`: furniture, the headline (<h1>, stored as the title), headers and
// figures left out; each block a paragraph, paragraphs separated by a blank line, <br> a line.
std::string body_text(const GumboNode* n);

} // namespace tradecheck::input::detail
