#include "json_ld.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <nlohmann/json.hpp>

namespace tradecheck::input::detail {

namespace {

using json = nlohmann::json;

// Deep enough for @graph -> article -> publisher -> logo; anything deeper is dropped while
// parsing, so a hostile script costs no more than a plain one.
constexpr int max_depth = 8;

bool has_type(const json& item, std::initializer_list<std::string_view> types) {
    const auto t = item.find("@type");
    if (t == item.end()) return false;
    const auto matches = [&](const json& v) {
        return v.is_string() && std::find(types.begin(), types.end(), v.get_ref<const std::string&>()) != types.end();
    };
    return t->is_array() ? std::any_of(t->begin(), t->end(), matches) : matches(*t);
}

bool is_article(const json& item) {
    return has_type(item, {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting",
                           "Report", "ScholarlyArticle", "TechArticle"});
}

std::string text(const json& item, const char* key) {
    const auto v = item.find(key);
    return v != item.end() && v->is_string() ? v->get<std::string>() : std::string();
}

// A name given as "Name", {"name": ...}, {"@id": ...} (looked up in the graph) or a list of them.
std::string name_of(const json& v, const std::map<std::string, const json*>& by_id) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string names;
        for (const json& each : v) {
            const std::string n = name_of(each, by_id);
            if (n.empty()) continue;
            if (!names.empty()) names += ", ";
            names += n;
        }
        return names;
    }
    if (!v.is_object()) return {};
    if (std::string n = text(v, "name"); !n.empty()) return n;
    if (const auto id = by_id.find(text(v, "@id")); id != by_id.end() && id->second != &v && id->second->is_object())
        return text(*id->second, "name");
    return {};
}

void fill(std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
}

} // namespace

void read_json_ld(std::string_view json_text, LinkedData& ld) {
    const json doc = json::parse(
        json_text.begin(), json_text.end(),
        [](int depth, json::parse_event_t, json&) { return depth <= max_depth; }, false);
    if (doc.is_discarded()) return;
    // The described things: the document, a list of them, or an @graph of them.
    std::vector<const json*> items;
    const auto add = [&](const json& v) {
        if (!v.is_object()) return;
        items.push_back(&v);
        if (const auto g = v.find("@graph"); g != v.end() && g->is_array())
            for (const json& each : *g)
                if (each.is_object()) items.push_back(&each);
    };
    if (doc.is_array())
        for (const json& each : doc) add(each);
    else
        add(doc);
    std::map<std::string, const json*> by_id;
    for (const json* item : items)
        if (std::string id = text(*item, "@id"); !id.empty()) by_id.emplace(std::move(id), item);

    const auto article = std::find_if(items.begin(), items.end(), [](const json* i) { return is_article(*i); });
    if (article == items.end()) return;
    const json& a = **article;
    fill(ld.headline, text(a, "headline"));
    fill(ld.published, text(a, "datePublished"));
    fill(ld.modified, text(a, "dateModified"));
    if (const auto p = a.find("publisher"); p != a.end()) fill(ld.publisher, name_of(*p, by_id));
    if (const auto p = a.find("author"); p != a.end()) fill(ld.author, name_of(*p, by_id));
    if (const auto l = a.find("inLanguage"); l != a.end()) fill(ld.language, name_of(*l, by_id));
    fill(ld.url, text(a, "url"));
    fill(ld.body, text(a, "articleBody"));
    if (ld.publisher.empty())   // a WebSite or Organization beside the article names the outlet
        for (const json* item : items)
            if (has_type(*item, {"NewsMediaOrganization", "Organization", "WebSite"}))
                fill(ld.publisher, text(*item, "name"));
}

} // namespace tradecheck::input::detail
