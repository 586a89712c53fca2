// peek_identity: a JSON Lines record's id and fingerprint, read without parsing the record.
// A re-ingest asks the store "is this id stored with this fingerprint?" with what peek_identity
// gives, and skips the record when it is. So the peeked id and fingerprint must be the ones the full
// parser (parse_input) would store; otherwise an unchanged record is parsed again for nothing,
// or, worse, a record is taken for another. The usual record ({"id": "plain ascii", ...}) takes
// a fast path that reads the id by hand; every other goes through nlohmann's SAX parser. Both
// must agree with the full parser.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/text.hpp"

using namespace tradecheck;

namespace {

const std::string k_default_id = "in.jsonl:7";   // what parse_input uses when a record has no id

RawInput record(const std::string& line) {
    RawInput raw;
    raw.kind = RawInput::Kind::jsonl_record;
    raw.path = k_default_id;
    raw.id = k_default_id;
    raw.bytes = line;
    return raw;
}

// The id the full parser stores for `line`, or nullopt when it refuses the record.
std::optional<std::string> parsed_id(const std::string& line, std::string* fingerprint = nullptr) {
    ParsedInput parsed = parse_input(record(line));
    if (!parsed.article) return std::nullopt;
    if (fingerprint) *fingerprint = parsed.article->fingerprint;
    return parsed.article->id;
}

// Peek and full parse agree: same id and same fingerprint (of the line as it is).
void check_agrees(const std::string& line) {
    INFO("line: " << line);
    const auto peek = peek_identity(record(line));
    std::string fingerprint;
    const auto full = parsed_id(line, &fingerprint);
    REQUIRE(full);
    REQUIRE(peek);
    CHECK(peek->id == *full);
    CHECK(peek->fingerprint == fingerprint);
    CHECK(peek->fingerprint == fingerprint_hex(line));
}

} // namespace

TEST_CASE("peek_identity reads the id the full parser would, on either path", "[jsonl][identity]") {
    struct Case {
        std::string line;
        std::string id;
    };
    const std::vector<Case> cases{
        // The fast path: {"id": "printable ascii"
        {R"({"id": "reuters-1", "text": "x"})", "reuters-1"},
        {R"({ "id" : "a b", "text":"x"})", "a b"},
        {"   {\"id\":\"lead\",\"text\":\"x\"}", "lead"},
        {"\t{\t\"id\"\t:\t\"tabs\",\"text\":\"x\"}", "tabs"},
        {R"({"id":"x"   ,"text":"t"})", "x"},
        {R"({"id":"~!#$%&'()*+,-./:;<=>?@[]^_`{|} ","text":"t"})", "~!#$%&'()*+,-./:;<=>?@[]^_`{|} "},
        {"{\"id\":\"" + std::string(5000, 'k') + "\",\"text\":\"t\"}", std::string(5000, 'k')},
        // Escapes and non-ASCII end the fast path; the SAX parser must decode them the same way.
        {R"({"id":"a\"b","text":"x"})", "a\"b"},
        {R"({"id":"a\\b","text":"x"})", "a\\b"},
        {R"({"id":"x\/y","text":"x"})", "x/y"},
        {R"({"id":"a\tb","text":"x"})", "a\tb"},   // an escaped tab
        {R"({"id":"caf\u00e9","text":"x"})", "caf\xC3\xA9"},
        {"{\"id\":\"caf\xC3\xA9\",\"text\":\"x\"}", "caf\xC3\xA9"},   // raw UTF-8
        {R"({"id":"\ud83d\ude00","text":"x"})", "\xF0\x9F\x98\x80"},
        {"{\"id\":\"a\x7F" "b\",\"text\":\"x\"}", "a\x7F" "b"},   // DEL: valid raw in JSON, not "printable"
        {R"({"\u0069d":"escaped key","text":"x"})", "escaped key"},
        // Other shapes: integer ids, the id not first, white space the fast path does not skip.
        {R"({"id": 42, "text":"x"})", "42"},
        {R"({"id":-7,"text":"x"})", "-7"},
        {R"({"id":18446744073709551615,"text":"x"})", "18446744073709551615"},
        {R"({"title":"t","id":"late","text":"x"})", "late"},
        {R"({"meta":{"id":"inner"},"list":["id"],"id":"outer","text":"t"})", "outer"},
        {"\r{\"id\":\"cr\",\"text\":\"x\"}", "cr"},
        {"\xEF\xBB\xBF{\"id\":\"bom\",\"text\":\"x\"}", "bom"},
        {"{\"id\":\"crlf\",\"text\":\"x\"}\r", "crlf"},
    };
    for (const Case& c : cases) {
        check_agrees(c.line);
        const auto peek = peek_identity(record(c.line));
        REQUIRE(peek);
        CHECK(peek->id == c.id);
    }
}

TEST_CASE("peek_identity gives nothing where the id is missing, empty or not text or an integer",
          "[jsonl][identity]") {
    // The full parser then falls back to the default id (or, for a float or boolean, prints
    // it): parse_input has the last word, and the record is parsed as a new one.
    struct Case {
        std::string line;
        std::string full_id;
    };
    const std::vector<Case> cases{
        {R"({"id":"","text":"x"})", k_default_id},
        {R"({"ids":"x","text":"x"})", k_default_id},
        {R"({"idx":"x","id2":"y","text":"x"})", k_default_id},
        {R"({"text":"x"})", k_default_id},
        {R"({"id":null,"text":"x"})", k_default_id},
        {R"({"id":4.5,"text":"x"})", "4.5"},
        {R"({"id":true,"text":"x"})", "true"},
        {R"({"meta":{"id":"inner"},"text":"x"})", k_default_id},
    };
    for (const Case& c : cases) {
        INFO("line: " << c.line);
        CHECK_FALSE(peek_identity(record(c.line)));
        CHECK(parsed_id(c.line) == c.full_id);
    }
    // Not a JSON Lines record: never peeked.
    RawInput file = record(R"({"id":"a","text":"x"})");
    file.kind = RawInput::Kind::file;
    CHECK_FALSE(peek_identity(file));
}

TEST_CASE("peek_identity on records the full parser refuses", "[jsonl][identity]") {
    // The header's contract: the peek reads the id and stops, so it may name a record that
    // parse_input then refuses (it has the last word); it never throws, and it gives nothing
    // when the record is broken before its id.
    const std::vector<std::string> refused_with_id{
        R"({"id":"x"})",                          // no text
        R"({"id":"x","text":"t"} trailing)",     // text after the object
        R"({"id":"x" "text":"t"})",              // a missing comma
        R"({"id":"x","text":"a\u0000b"})",       // NUL in the text
    };
    for (const std::string& line : refused_with_id) {
        INFO("line: " << line);
        CHECK_FALSE(parsed_id(line));
        const auto peek = peek_identity(record(line));
        REQUIRE(peek);
        CHECK(peek->id == "x");
        CHECK(peek->fingerprint == fingerprint_hex(line));
    }
    const std::vector<std::string> no_id_to_peek{
        "{\"id\":\"a\tb\",\"text\":\"x\"}",       // a raw tab: JSON strings cannot hold one
        "{\"id\":\"a\nb\",\"text\":\"x\"}",
        "{\"id\":\"caf\xE9\",\"text\":\"x\"}",   // Latin-1, not UTF-8
        R"({"id":"unterminated)",
        R"({"id")",
        R"(["id","x"])",
        R"({"id":{"x":1},"text":"t"})",         // an object as id: refused by both
        "",
    };
    for (const std::string& line : no_id_to_peek) {
        INFO("line: " << line);
        CHECK_FALSE(parsed_id(line));
        CHECK_NOTHROW(peek_identity(record(line)));
        CHECK_FALSE(peek_identity(record(line)));
    }
}

TEST_CASE("peek_identity agrees with the full parser on random records", "[jsonl][identity]") {
    // Ids of every kind (plain ASCII, quotes and backslashes, control characters, non-ASCII,
    // integers), placed first or after other fields, with random white space, written escaped
    // or raw.
    std::mt19937 rng(424242);
    const auto roll = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    const std::vector<std::string> pieces{"a", "Z", "9", "-", " ", "\"", "\\", "/", "\t", "\x7F", "\x01",
                                          "caf\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80", "{", "}", ":", ","};
    const std::vector<std::string> blanks{"", " ", "  ", "\t", " \t "};
    int checked = 0;
    for (int i = 0; i < 3000; ++i) {
        nlohmann::json id;
        if (roll(5) == 0) {
            id = std::int64_t{roll(2000000)} - 1000000;
        } else {
            std::string s;
            for (int n = 1 + roll(8); n > 0; --n) s += pieces[static_cast<std::size_t>(roll(static_cast<int>(pieces.size())))];
            id = s;
        }
        const bool ascii_escapes = roll(2) == 0;   // "\u00e9" or the raw bytes
        const std::string id_text = id.dump(-1, ' ', ascii_escapes);
        const auto b = [&]() -> const std::string& { return blanks[static_cast<std::size_t>(roll(5))]; };
        std::string line = b() + "{" + b();
        const int before = roll(3);   // fields before the id
        if (before >= 1) line += R"("title":"T",)" + b();
        if (before >= 2) line += R"("meta":{"id":"inner","n":[1,"id"]},)" + b();
        line += "\"id\"" + b() + ":" + b() + id_text + b() + "," + b() + R"("text":"Tariffs rose 5%")" + b() + "}";
        INFO("line: " << line);
        const auto peek = peek_identity(record(line));
        std::string fingerprint;
        const auto full = parsed_id(line, &fingerprint);
        REQUIRE(full);   // every record generated is valid, with a non-empty id
        REQUIRE(peek);
        CHECK(peek->id == *full);
        CHECK(peek->fingerprint == fingerprint);
        ++checked;
    }
    CHECK(checked > 2500);
}
