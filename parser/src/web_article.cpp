// HTML pages and WARC records as articles: input/ extracts, this file makes the Article.
#include "web_article.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "article_fields.hpp"
#include "tradecheck/input/html_page.hpp"
#include "tradecheck/parser/text.hpp"

namespace tradecheck {

namespace {

// The URL, the page's other metadata and how the text was found, as a JSON object; empty
// fields are left out.
std::string page_metadata(const input::HtmlPage& page, const WebOrigin* origin, bool date_from_fetch) {
    nlohmann::ordered_json m = nlohmann::ordered_json::object();
    const auto put = [](nlohmann::ordered_json& o, const char* key, const std::string& value) {
        if (!value.empty()) o[key] = value;
    };
    put(m, "url", origin && !origin->url.empty() ? origin->url : page.canonical_url);
    if (page.canonical_url != m.value("url", std::string())) put(m, "canonical_url", page.canonical_url);
    put(m, "language", page.language);
    put(m, "author", page.author);
    put(m, "modified", page.modified);
    nlohmann::ordered_json extraction = {{"format", "html"}, {"version", input::html_extraction_version}};
    put(extraction, "body", page.body_from);
    put(extraction, "charset", page.charset);
    if (date_from_fetch) extraction["published_from"] = "warc-date";
    m["extraction"] = std::move(extraction);
    if (origin) {
        nlohmann::ordered_json warc = nlohmann::ordered_json::object();
        put(warc, "record_id", origin->record_id);
        put(warc, "fetched", origin->fetched);
        m["warc"] = std::move(warc);
    }
    // Invalid UTF-8 in a URL from a WARC header must not stop the article: replaced, not thrown.
    return m.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

} // namespace

std::string page_fingerprint(const RawInput& raw) {
    std::string key(raw.text());
    const auto add = [&](const std::string& field) { key.append(1, '\x1f').append(field); };
    add(std::to_string(input::html_extraction_version));
    add(raw.id);
    if (raw.web) {
        add(raw.web->url);
        add(raw.web->fetched);
        add(raw.web->record_id);
        add(raw.web->charset);
    }
    if (raw.manifest) {
        add(raw.manifest->outlet);
        add(raw.manifest->published);
        add(raw.manifest->title);
        add(raw.manifest->currency);
    }
    return fingerprint_hex(key);
}

Article parse_html_article(std::string_view bytes, const std::string& id, const std::string& path,
                           const WebOrigin* origin, const ManifestEntry* manifest, std::string* metadata,
                           bool digest) {
    input::HtmlHints hints;
    if (origin) hints.charset = origin->charset;
    input::HtmlPage page = input::extract_html(bytes, hints);   // HtmlError is a runtime_error

    Article a;
    a.id = id;
    a.path = path;
    a.title = std::move(page.title);
    a.outlet = page.outlet;
    a.published = normalise_date(page.published);
    if (manifest) {
        if (a.title.empty()) a.title = manifest->title;
        if (a.outlet.empty()) a.outlet = manifest->outlet;
        if (a.published.empty()) a.published = normalise_date(manifest->published);
        a.currency = manifest->currency;
    }
    // CC-NEWS fetches stories within hours of publication: the fetch date is a fair stand-in,
    // and the metadata says it is one.
    const bool date_from_fetch = a.published.empty() && origin && !normalise_date(origin->fetched).empty();
    if (date_from_fetch) a.published = normalise_date(origin->fetched);
    if (a.currency.empty()) a.currency = "USD";
    a.text = std::move(page.text);
    for (const std::string* field : {&a.text, &a.title, &a.outlet})
        if (field->find('\0') != std::string::npos) throw std::runtime_error("page contains NUL characters; skipped");
    if (metadata) *metadata = page_metadata(page, origin, date_from_fetch);
    if (digest) a.sha256 = article_digest(a);
    return a;
}

} // namespace tradecheck
