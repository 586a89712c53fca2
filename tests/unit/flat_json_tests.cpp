// The one-pass reader for flat JSON Lines records (parser/src/flat_json.hpp): whatever it
// accepts must read exactly as nlohmann::json reads it, and what it declines goes to nlohmann.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "flat_json.hpp"
#include "tradecheck/parser/article_reader.hpp"

using tradecheck::detail::read_flat_object;

namespace {

// The members as nlohmann reads them (null as nullopt), or nullopt when it does not read an
// object of strings and nulls.
std::optional<std::map<std::string, std::optional<std::string>>> by_nlohmann(const std::string& line) {
    try {
        const auto j = nlohmann::json::parse(line);
        if (!j.is_object()) return std::nullopt;
        std::map<std::string, std::optional<std::string>> out;
        for (const auto& [k, v] : j.items()) {
            if (v.is_null()) out[k] = std::nullopt;
            else if (v.is_string()) out[k] = v.get<std::string>();
            else return std::nullopt;
        }
        return out;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

void agrees_with_nlohmann(const std::string& line) {
    INFO(line);
    const auto flat = read_flat_object(line);
    if (!flat) return;   // declined: nlohmann decides
    const auto full = by_nlohmann(line);
    REQUIRE(full);
    std::map<std::string, std::optional<std::string>> mine;
    for (const auto& m : *flat) mine[m.key] = m.value;   // the last of a repeated key, as nlohmann
    CHECK(mine == *full);
}

} // namespace

TEST_CASE("the flat reader reads strings, escapes and nulls as a JSON parser does", "[jsonl]") {
    const auto members = read_flat_object(R"( {"id" : "a\"b", "t":"line\nnext\t\u00e9\ud83d\ude00 \/ \\", "n": null} )");
    REQUIRE(members);
    REQUIRE(members->size() == 3);
    CHECK((*members)[0].key == "id");
    CHECK((*members)[0].value == std::optional<std::string>("a\"b"));
    CHECK((*members)[1].value == std::optional<std::string>("line\nnext\t\xC3\xA9\xF0\x9F\x98\x80 / \\"));
    CHECK_FALSE((*members)[2].value);
    CHECK(read_flat_object("{}")->empty());
}

TEST_CASE("the flat reader declines what is not a flat object of strings", "[jsonl]") {
    for (const char* line : {R"({"a": 1})", R"({"a": ["x"]})", R"({"a": {"b": "c"}})", R"({"a": true})",
                             R"({"a": "x"} trailing)", R"({"a": "x",})", R"(["a"])", R"({"a": "\x"})",
                             R"({"a": "\ud800"})", R"({"a": "\udc00x"})", "{\"a\": \"tab\there\"}",
                             "{\"a\": \"\xC0\xAF\"}", "{\"a\": \"\xED\xA0\x80\"}", "{\"a\": \"\xF4\x90\x80\x80\"}",
                             R"({"a": "unterminated)", R"({"a" "x"})", ""})
        CHECK_FALSE(read_flat_object(line));
}

TEST_CASE("what the flat reader accepts, nlohmann reads the same way", "[jsonl]") {
    // Records built from pieces that exercise every branch: escapes, multi-byte UTF-8 around
    // the 8-byte boundaries the reader skips by, nulls, white space, bad bytes.
    const std::vector<std::string> pieces{"a", "plain text ", "\\n", "\\\"", "\\\\", "\\u0041", "\\u00e9",
                                          "\\ud83d\\ude00", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                          "\x7f", "\x1f", "\xff", "\\q", "12345678", "\"", "\\u0000"};
    std::mt19937 rng(21578);
    for (int round = 0; round < 3000; ++round) {
        std::string line = "{";
        const int fields = static_cast<int>(rng() % 4);
        for (int f = 0; f < fields; ++f) {
            if (f) line += rng() % 2 ? "," : " , ";
            line += "\"k" + std::to_string(rng() % 3) + "\":";
            if (rng() % 6 == 0) { line += "null"; continue; }
            line += '"';
            for (int p = static_cast<int>(rng() % 12); p > 0; --p) line += pieces[rng() % pieces.size()];
            line += '"';
        }
        line += "}";
        agrees_with_nlohmann(line);
    }
}

TEST_CASE("a record the flat reader declines still parses, through nlohmann", "[jsonl]") {
    // Metadata, a numeric id and a repeated key all take the full parser's path.
    std::string metadata;
    const auto a = tradecheck::parse_jsonl_record(R"({"id": 7, "text": "A 25% tariff.", "lang": "en", "text": "B"})",
                                                  "d", "d", &metadata);
    CHECK(a.id == "7");
    CHECK(a.text == "B");
    CHECK(metadata == R"({"lang":"en"})");
    const auto flat = tradecheck::parse_jsonl_record(R"({"id": "x", "text": "A 25% tariff.", "source": null})",
                                                     "d", "d", &metadata);
    CHECK(flat.outlet.empty());
    CHECK(metadata.empty());
}
