// Fuzzes the web input on arbitrary bytes:
//   - the bytes as an HTML page (tradecheck::parse_input of an html RawInput, which runs
//     input::extract_html, with and without a WARC origin's charset);
//   - the bytes as a WARC archive (plain or, when they start with gzip's magic, .warc.gz):
//     every page the reader hands out goes through parse_input too.
// Invariants: parse_input never throws and gives an article xor a problem; an article has an
// id, a SHA-256 identity, a fingerprint, non-blank text, no NUL and valid UTF-8 in every field,
// metadata that is a JSON object, and the fingerprint peek_identity gave; the WARC reader
// always ends, with no more items than the input has bytes.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "tradecheck/input/warc.hpp"
#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/text.hpp"

namespace {

void clean(const std::string& s, const char* field) {
    FUZZ_CHECK(s.find('\0') == std::string::npos, "page %s contains a NUL byte", field);
    const auto bad = tradecheck::first_invalid_utf8(s);
    FUZZ_CHECK(!bad, "page %s has invalid UTF-8 at byte %zu", field, bad ? *bad : 0);
}

void parse_page(std::string bytes, const tradecheck::WebOrigin* origin) {
    tradecheck::RawInput in;
    in.kind = tradecheck::RawInput::Kind::html;
    in.path = "in/fuzz.html";
    in.id = origin ? origin->url : "fuzz.html";
    in.bytes = std::move(bytes);
    if (origin) in.web = *origin;
    const auto identity = tradecheck::peek_identity(in);
    FUZZ_CHECK(identity && identity->id == in.id && identity->fingerprint.size() == 32, "page identity");
    const tradecheck::ParsedInput p = tradecheck::parse_input(std::move(in));
    FUZZ_CHECK(p.article.has_value() != p.problem.has_value(), "parse_input: article xor problem");
    if (p.problem) {
        FUZZ_CHECK(!p.problem->message.empty(), "a problem without a message");
        return;
    }
    const tradecheck::Article& a = *p.article;
    FUZZ_CHECK(a.sha256.size() == 64, "page identity '%s' is not a SHA-256", a.sha256.c_str());
    FUZZ_CHECK(a.fingerprint == identity->fingerprint, "page fingerprint differs from the peeked one");
    FUZZ_CHECK(a.text.find_first_not_of(" \t\r\n") != std::string::npos, "page with blank text");
    clean(a.text, "text");
    clean(a.title, "title");
    clean(a.outlet, "outlet");
    clean(a.published, "published");
    clean(p.metadata, "metadata");
    const auto metadata = nlohmann::json::parse(p.metadata, nullptr, false);
    FUZZ_CHECK(metadata.is_object(), "page metadata is not a JSON object: %s", p.metadata.c_str());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);

    parse_page(raw, nullptr);
    static const tradecheck::WebOrigin latin{"https://x.example/a", "2025-03-01T00:00:00Z", "<urn:uuid:1>", "iso-8859-1"};
    parse_page(raw, &latin);

    std::istringstream in(raw);
    tradecheck::input::WarcReader reader(in);
    std::size_t items = 0;
    while (auto item = reader.next()) {
        FUZZ_CHECK(++items <= size + 1, "the WARC reader does not end: %zu items from %zu bytes", items, size);
        if (auto* page = std::get_if<tradecheck::input::WarcPage>(&*item)) {
            const tradecheck::WebOrigin origin{page->target_uri, page->date, page->record_id, page->charset};
            clean(origin.url, "target URI");
            parse_page(std::move(page->body), &origin);
        } else {
            FUZZ_CHECK(!std::get<tradecheck::input::WarcProblem>(*item).message.empty(), "WARC problem without a message");
        }
    }
    return 0;
}
