// Small helpers over gumbo's tree: attributes, tag names, and a walk that needs no recursion
// (a page of 100,000 nested <div>s must not exhaust a worker thread's stack).
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tradecheck::input::detail {

inline bool is_element(const GumboNode* n) {
    return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

inline GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

// The value of attribute `name`, or "" (absent and empty are the same to us).
inline std::string_view attr(const GumboNode* n, const char* name) {
    if (!is_element(n)) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a && a->value ? std::string_view(a->value) : std::string_view();
}

// The lower-case name of an element gumbo does not know (AMP's <amp-ad>, <dialog>), from its
// source text; "" for known tags.
inline std::string unknown_tag_name(const GumboNode* n) {
    if (tag_of(n) != GUMBO_TAG_UNKNOWN || !is_element(n)) return {};
    GumboStringPiece piece = n->v.element.original_tag;
    if (!piece.data || piece.length == 0) return {};
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data, piece.length);
    for (char& c : name)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return name;
}

inline const GumboVector* children_of(const GumboNode* n) {
    if (n->type == GUMBO_NODE_DOCUMENT) return &n->v.document.children;
    if (is_element(n)) return &n->v.element.children;
    return nullptr;
}

// Visits `root` and its descendants in document order. enter(node) returns whether to go into
// the node's children; leave(node) follows its children (for nodes entered and descended).
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
    std::vector<std::pair<const GumboNode*, unsigned>> stack;
    if (!enter(root)) return;
    if (!children_of(root)) return leave(root);
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const GumboVector* kids = children_of(node);
        if (next >= kids->length) {
            const GumboNode* done = node;
            stack.pop_back();
            leave(done);
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids->data[next++]);
        if (enter(child)) {
            if (children_of(child)) stack.emplace_back(child, 0);
            else leave(child);
        }
    }
}

template <class Enter>
void walk(const GumboNode* root, Enter&& enter) {
    walk(root, std::forward<Enter>(enter), [](const GumboNode*) {});
}

} // namespace tradecheck::input::detail
