#include "html_text.hpp"

#include <algorithm>
#include <array>

#include "html_tree.hpp"

namespace tradecheck::input::detail {

namespace {

// Builds text from pieces, collapsing whitespace and turning block boundaries into breaks.
class TextBuilder {
public:
    void add(std::string_view s) {
        for (std::size_t i = 0; i < s.size();) {
            const std::size_t space = space_length(s, i);
            if (space > 0) {
                space_ = true;
                i += space;
                continue;
            }
            if (!out_.empty()) {
                if (breaks_ > 0) out_.append(static_cast<std::size_t>(breaks_), '\n');
                else if (space_) out_ += ' ';
            }
            breaks_ = 0;
            space_ = false;
            out_ += s[i++];
        }
    }
    void paragraph() { breaks_ = std::max(breaks_, 2); }
    void line() { breaks_ = std::max(breaks_, 1); }
    std::string take() { return std::move(out_); }

private:
    // Bytes of the whitespace character at s[i]: ASCII blanks, U+00A0 and U+202F (no-break
    // spaces, common around numbers: "100 %"), U+2009 (thin space); 0 for anything else.
    static std::size_t space_length(std::string_view s, std::size_t i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
        if (s.substr(i, 2) == "\xC2\xA0") return 2;
        if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") return 3;
        return 0;
    }
    std::string out_;
    int breaks_ = 0;
    bool space_ = false;
};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Words of class and id values that mark furniture, and words that mark the story itself
// ("article-body has-sidebar" is the story). Whole words only: "ad" must not match "header".
constexpr std::array<std::string_view, 42> furniture_words{
    "ad", "ads", "advert", "advertisement", "adslot", "banner", "breadcrumb", "breadcrumbs", "comment",
    "comments", "consent", "cookie", "cookies", "disqus", "footer", "gdpr", "masthead", "menu", "modal",
    "nav", "navbar", "navigation", "newsletter", "outbrain", "paywall", "popular", "popup", "promo",
    "promotion", "recommended", "related", "share", "sharing", "sidebar", "signup", "social", "sponsor",
    "sponsored", "subscribe", "subscription", "taboola", "trending"};
constexpr std::array<std::string_view, 8> story_words{"article", "body", "content", "main", "story", "text",
                                                      "entry", "post"};

bool furniture_by_name(std::string_view value) {
    bool furniture = false;
    const std::string v = lower(value);
    for (std::size_t i = 0; i < v.size();) {
        std::size_t j = i;
        while (j < v.size() && ((v[j] >= 'a' && v[j] <= 'z') || (v[j] >= '0' && v[j] <= '9'))) ++j;
        const std::string_view word = std::string_view(v).substr(i, j - i);
        if (std::find(story_words.begin(), story_words.end(), word) != story_words.end()) return false;
        if (std::find(furniture_words.begin(), furniture_words.end(), word) != furniture_words.end()) furniture = true;
        i = j + 1;
    }
    return furniture;
}

bool hidden_by_style(std::string_view style) {
    std::string s;
    for (char c : lower(style))
        if (c != ' ' && c != '\t') s += c;
    return s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos;
}

bool is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS: case GUMBO_TAG_CENTER:
        return true;
    default:
        return false;
    }
}

// Elements whose content is never text to read.
bool never_text(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BUTTON: case GUMBO_TAG_FORM: case GUMBO_TAG_INPUT:
        return true;
    default:
        return false;
    }
}

std::string_view text_value(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA
               ? std::string_view(n->v.text.text)
               : std::string_view();
}

} // namespace

bool is_furniture(const GumboNode* n) {
    if (!is_element(n)) return false;
    const GumboTag t = tag_of(n);
    // A page's own classes ("menu-open", "has-sidebar") say nothing of its content.
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_HEAD || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN) return false;
    if (never_text(t) || t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE) return true;
    if (t == GUMBO_TAG_UNKNOWN) {
        // AMP's components (amp-ad, amp-sidebar, amp-consent, ...) and <dialog>: none is prose.
        const std::string name = unknown_tag_name(n);
        if (name.starts_with("amp-") || name == "dialog" || name == "picture") return true;
    }
    if (gumbo_get_attribute(&n->v.element.attributes, "hidden") || attr(n, "aria-hidden") == "true") return true;
    const std::string role = lower(attr(n, "role"));
    for (const char* r : {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
                          "search", "menu", "menubar", "form"})
        if (role == r) return true;
    return hidden_by_style(attr(n, "style")) || furniture_by_name(attr(n, "class")) || furniture_by_name(attr(n, "id"));
}

std::string collapse_whitespace(std::string_view s) {
    TextBuilder b;
    b.add(s);
    return b.take();
}

std::string text_of(const GumboNode* n) {
    TextBuilder b;
    walk(n, [&](const GumboNode* c) {
        b.add(text_value(c));
        return !never_text(tag_of(c));
    });
    return b.take();
}

std::size_t text_outside_links(const GumboNode* n) {
    std::size_t chars = 0;
    walk(n, [&](const GumboNode* c) {
        const std::string_view t = text_value(c);
        chars += static_cast<std::size_t>(std::count_if(t.begin(), t.end(), [](char ch) {
            return ch != ' ' && ch != '\n' && ch != '\t' && ch != '\r' && (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        }));
        return tag_of(c) != GUMBO_TAG_A && !never_text(tag_of(c));
    });
    return chars;
}

std::string body_text(const GumboNode* n) {
    TextBuilder b;
    walk(
        n,
        [&](const GumboNode* c) {
            if (c != n && is_element(c)) {
                const GumboTag t = tag_of(c);
                if (is_furniture(c) || t == GUMBO_TAG_H1 || t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FIGURE) return false;
                if (t == GUMBO_TAG_BR) b.line();
                else if (is_block(t)) b.paragraph();
                else if (t == GUMBO_TAG_TD || t == GUMBO_TAG_TH) b.add(" ");
                return true;
            }
            b.add(text_value(c));
            return true;
        },
        [&](const GumboNode* c) {
            if (is_block(tag_of(c))) b.paragraph();
        });
    return b.take();
}

} // namespace tradecheck::input::detail
