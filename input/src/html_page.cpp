#include "tradecheck/input/html_page.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>

#include "html_text.hpp"
#include "html_tree.hpp"
#include "json_ld.hpp"
#include "tradecheck/input/charset.hpp"
#include "tradecheck/input/limits.hpp"

namespace tradecheck::input {

namespace {

using namespace detail;

// A gumbo tree, destroyed with the options it was made with.
class Document {
public:
    explicit Document(std::string_view utf8) : options_(kGumboDefaultOptions) {
        options_.max_errors = 0;   // the parse errors of tag soup are of no use here, and cost memory
        out_ = gumbo_parse_with_options(&options_, utf8.data(), utf8.size());
        if (!out_) throw HtmlError("the HTML parser gave no document");
    }
    ~Document() { gumbo_destroy_output(&options_, out_); }
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;
    const GumboNode* root() const { return out_->document; }

private:
    GumboOptions options_;
    GumboOutput* out_ = nullptr;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string trimmed(std::string_view s) { return collapse_whitespace(s); }

// Beyond this depth a page is not a news story but an attack on the parser: gumbo frees its
// tree recursively (a frame a level), and some deep tag soup makes it quadratic.
constexpr std::size_t max_nesting = 5000;

bool is_void_or_sibling_closed(std::string_view name) {
    // Void elements have no end tag; <p>, <li>, <td>, ... close when a sibling opens, so an
    // unclosed run of them does not nest.
    for (std::string_view v : {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
                               "track", "wbr", "param", "keygen", "p", "li", "td", "th", "tr", "option", "dt", "dd"})
        if (name == v) return true;
    return false;
}

// An upper estimate of how deep the page's elements nest, from its tags alone (open tags that
// can nest, less end tags), read before gumbo builds a tree of it.
std::size_t nesting_estimate(std::string_view html) {
    std::size_t depth = 0, deepest = 0;
    for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
        if (html[i + 1] == '/') {
            depth -= depth > 0;
            continue;
        }
        std::size_t j = i + 1;
        while (j < html.size() && j - i <= 10 && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
        if (j == i + 1 || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) continue;
        if (is_void_or_sibling_closed(lower(html.substr(i + 1, j - i - 1)))) continue;
        deepest = std::max(deepest, ++depth);
    }
    return deepest;
}

// Everything one walk over the page collects: metadata, body candidates, paragraph density.
struct Survey {
    std::unordered_map<std::string, std::string> meta;   // first content for each property/name
    std::string declared_charset;
    std::string title_tag, first_h1, first_time, canonical, html_lang;
    LinkedData ld;
    std::vector<const GumboNode*> article_bodies, articles, mains;
    // A parent's paragraph text (characters outside links) and paragraph count, for the
    // densest block.
    std::unordered_map<const GumboNode*, std::pair<std::size_t, std::size_t>> paragraphs;
};

void note_meta(const GumboNode* n, Survey& s) {
    std::string_view key = attr(n, "property");
    if (key.empty()) key = attr(n, "name");
    if (key.empty()) key = attr(n, "itemprop");
    const std::string_view content = !attr(n, "content").empty() ? attr(n, "content") : attr(n, "datetime");
    if (!key.empty() && !content.empty()) s.meta.emplace(lower(key), trimmed(content));
    if (const std::string_view cs = attr(n, "charset"); !cs.empty() && s.declared_charset.empty())
        s.declared_charset = std::string(cs);
    if (lower(attr(n, "http-equiv")) == "content-type" && s.declared_charset.empty())
        s.declared_charset = charset_parameter(attr(n, "content"));
    if (lower(attr(n, "http-equiv")) == "content-language" && !attr(n, "content").empty())
        s.meta.emplace("content-language", trimmed(attr(n, "content")));
}

bool is_within(const GumboNode* n, const GumboNode* ancestor) {
    for (; n; n = n->parent)
        if (n == ancestor) return true;
    return false;
}

// The nodes of `nodes` (in document order) that are not inside another of them: an outer
// candidate holds the inner ones' text, and extracting each nested one would be quadratic in a
// hostile page.
std::vector<const GumboNode*> outermost(const std::vector<const GumboNode*>& nodes) {
    std::vector<const GumboNode*> out;
    for (const GumboNode* n : nodes)
        if (out.empty() || !is_within(n, out.back())) out.push_back(n);
    return out;
}

// The head's and the body's furniture-free parts, in one walk.
Survey survey(const GumboNode* root) {
    Survey s;
    walk(root, [&](const GumboNode* n) {
        if (!is_element(n)) return n->type == GUMBO_NODE_DOCUMENT;
        switch (tag_of(n)) {
        case GUMBO_TAG_HTML:
            s.html_lang = trimmed(attr(n, "lang"));
            break;
        case GUMBO_TAG_META:
            note_meta(n, s);
            return false;
        case GUMBO_TAG_LINK:
            if (s.canonical.empty() && lower(attr(n, "rel")) == "canonical") s.canonical = trimmed(attr(n, "href"));
            return false;
        case GUMBO_TAG_TITLE:
            if (s.title_tag.empty()) s.title_tag = text_of(n);
            return false;
        case GUMBO_TAG_SCRIPT:
            if (lower(trimmed(attr(n, "type"))) == "application/ld+json" && n->v.element.children.length > 0) {
                const auto* t = static_cast<const GumboNode*>(n->v.element.children.data[0]);
                if (t->type == GUMBO_NODE_TEXT) read_json_ld(t->v.text.text, s.ld);
            }
            return false;
        default:
            break;
        }
        if (is_furniture(n)) return false;
        if (attr(n, "itemprop") == "articleBody") s.article_bodies.push_back(n);
        if (tag_of(n) == GUMBO_TAG_ARTICLE) s.articles.push_back(n);
        if (tag_of(n) == GUMBO_TAG_MAIN || lower(attr(n, "role")) == "main") s.mains.push_back(n);
        switch (tag_of(n)) {
        case GUMBO_TAG_H1:
            if (s.first_h1.empty()) s.first_h1 = text_of(n);
            return false;
        case GUMBO_TAG_TIME:
            if (s.first_time.empty()) s.first_time = trimmed(attr(n, "datetime"));
            break;
        case GUMBO_TAG_P:
            if (n->parent) {
                auto& [chars, count] = s.paragraphs[n->parent];
                chars += text_outside_links(n);
                ++count;
            }
            return false;
        default:
            break;
        }
        return true;
    });
    for (auto* list : {&s.article_bodies, &s.articles, &s.mains}) *list = outermost(*list);
    return s;
}

const std::string& first_of(const Survey& s, std::initializer_list<const char*> keys) {
    static const std::string none;
    for (const char* k : keys)
        if (const auto it = s.meta.find(k); it != s.meta.end() && !it->second.empty()) return it->second;
    return none;
}

std::string first_nonempty(std::initializer_list<std::string_view> values) {
    for (std::string_view v : values)
        if (!v.empty()) return std::string(v);
    return {};
}

// "Story – Site" -> "Story": a <title> names the site after the story, which the outlet says.
std::string without_site_name(const std::string& title, const std::string& outlet) {
    if (outlet.empty() || title.size() <= outlet.size() || !title.ends_with(outlet)) return title;
    std::string rest = title.substr(0, title.size() - outlet.size());
    for (const char* sep : {" | ", " - ", " – ", " — ", " · ", " :: "})
        if (rest.ends_with(sep)) return rest.substr(0, rest.size() - std::string_view(sep).size());
    return title;
}

// Below these a candidate is page furniture that happens to be an <article> or <main> (a
// teaser, an empty shell filled by script), not the story.
constexpr std::size_t min_body_chars = 40;
constexpr std::size_t min_dense_chars = 100;

struct Body {
    std::string text;
    std::string from;
};

// The longest text among `nodes`, if one is long enough.
std::optional<Body> longest(const std::vector<const GumboNode*>& nodes, const char* from, const GumboNode** chosen) {
    std::optional<Body> best;
    for (const GumboNode* n : nodes) {
        std::string t = body_text(n);
        if (t.size() >= min_body_chars && (!best || t.size() > best->text.size())) {
            best = Body{std::move(t), from};
            *chosen = n;
        }
    }
    return best;
}

std::optional<Body> choose_body(const Survey& s) {
    const GumboNode* dense = nullptr;
    std::size_t dense_chars = 0;
    for (const auto& [parent, score] : s.paragraphs)
        if (score.first > dense_chars) {
            dense = parent;
            dense_chars = score.first;
        }
    const GumboNode* chosen = nullptr;
    std::optional<Body> body = longest(s.article_bodies, "articleBody", &chosen);
    if (!body) body = longest(s.articles, "article", &chosen);
    if (!body) body = longest(s.mains, "main", &chosen);
    // An <article> or <main> that holds only the header, with the story in a block beside it.
    if (body && dense && !is_within(dense, chosen) && dense_chars > 2 * body->text.size()) body.reset();
    if (!body && dense && dense_chars >= min_dense_chars) body = Body{body_text(dense), "densest block"};
    return body;
}

// The page as UTF-8, and the encoding it was decoded from. Valid UTF-8 is taken as UTF-8
// whatever the page declares (a page saved by a browser keeps its old <meta charset> but is
// UTF-8 now); other bytes are decoded as the HTTP header or <meta charset> says, windows-1252
// when neither says or they say UTF-8 (the bytes prove them wrong).
std::pair<std::string, std::string> decode(std::string_view bytes, const HtmlHints& hints) {
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {std::string(bytes.substr(3)), "utf-8"};
    if (bytes.substr(0, 2) == "\xFF\xFE") return {to_utf8(bytes.substr(2), "utf-16le"), "utf-16le"};
    if (bytes.substr(0, 2) == "\xFE\xFF") return {to_utf8(bytes.substr(2), "utf-16be"), "utf-16be"};
    if (is_utf8(bytes)) return {std::string(bytes), "utf-8"};
    std::string charset = canonical_charset(hints.charset);
    if (charset.empty()) {
        const Document doc(bytes);   // gumbo reads the undecoded page well enough to find its <meta>
        charset = canonical_charset(survey(doc.root()).declared_charset);
    }
    if (charset.empty() || charset == "utf-8") charset = "windows-1252";
    return {to_utf8(bytes, charset), charset};
}

} // namespace

bool looks_like_html(std::string_view start) {
    if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
    const auto first = start.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return false;
    const std::string head = lower(start.substr(first, 14));
    return head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head");
}

HtmlPage extract_html(std::string_view bytes, const HtmlHints& hints) {
    if (bytes.size() > max_page_bytes)
        throw HtmlError(fmt::format("page of {:.1f} MB is larger than the {} MB limit for one HTML page; skipped",
                                    static_cast<double>(bytes.size()) / 1e6, max_page_bytes >> 20));
    HtmlPage page;
    std::string utf8;
    try {
        std::tie(utf8, page.charset) = decode(bytes, hints);
    } catch (const std::exception& e) {
        throw HtmlError(fmt::format("{}; skipped", e.what()));
    }
    if (const std::size_t depth = nesting_estimate(utf8); depth > max_nesting)
        throw HtmlError(fmt::format("elements nested about {} deep (more than {}): not a news page; skipped", depth,
                                    max_nesting));
    const Document doc(utf8);
    const Survey s = survey(doc.root());

    std::optional<Body> body = choose_body(s);
    if (!body && s.ld.body.size() >= min_body_chars)
        body = Body{collapse_whitespace(s.ld.body), "json-ld articleBody"};
    if (!body)
        throw HtmlError("no article body found (no <article>, <main> or run of paragraphs): not an article; skipped");
    page.text = std::move(body->text);
    page.body_from = std::move(body->from);

    page.outlet = first_nonempty({first_of(s, {"og:site_name"}), trimmed(s.ld.publisher),
                                  first_of(s, {"application-name"})});
    page.title = first_nonempty({first_of(s, {"og:title"}), trimmed(s.ld.headline), s.first_h1,
                                 first_of(s, {"twitter:title"}), without_site_name(s.title_tag, page.outlet)});
    page.published = first_nonempty(
        {first_of(s, {"article:published_time"}), trimmed(s.ld.published),
         first_of(s, {"datepublished", "date", "pubdate", "publishdate", "publish-date", "dc.date",
                      "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date"}),
         s.first_time});
    page.modified = first_nonempty({first_of(s, {"article:modified_time"}), trimmed(s.ld.modified),
                                    first_of(s, {"datemodified"})});
    page.author = first_nonempty({first_of(s, {"author"}), trimmed(s.ld.author)});
    page.canonical_url = first_nonempty({s.canonical, first_of(s, {"og:url"}), trimmed(s.ld.url)});
    std::string locale = first_of(s, {"og:locale"});
    std::replace(locale.begin(), locale.end(), '_', '-');
    page.language = first_nonempty({s.html_lang, first_of(s, {"content-language"}), trimmed(s.ld.language), locale});
    return page;
}

} // namespace tradecheck::input
