// JSON Lines articles and the streaming reader (ArticleSource + parse_input).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "tradecheck/parser/article_reader.hpp"
#include "tradecheck/parser/text.hpp"

using namespace tradecheck;
namespace fs = std::filesystem;

namespace {

// A directory under the system temp dir, removed at scope exit.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device device;
        path = fs::temp_directory_path() / ("tradecheck-jsonl-test-" + std::to_string(device()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& content) const {
        std::ofstream(path / name, std::ios::binary) << content;
        return path / name;
    }
};

} // namespace

TEST_CASE("a JSON Lines record gives id, title, date, outlet, currency, text and metadata", "[jsonl]") {
    std::string meta;
    const Article a = parse_jsonl_record(
        R"({"id":"r-1","title":"T","date":"1987-02-26T10:00:00","source":"Reuters","currency":"CAD",)"
        R"("text":"Canada imposed a 25% tariff.","topics":["trade"],"newid":1})",
        "all.jsonl:1", "all.jsonl:1", &meta);
    CHECK(a.id == "r-1");
    CHECK(a.path == "all.jsonl:1");
    CHECK(a.title == "T");
    CHECK(a.published == "1987-02-26");
    CHECK(a.outlet == "Reuters");
    CHECK(a.currency == "CAD");
    CHECK(a.text == "Canada imposed a 25% tariff.");
    CHECK(meta == R"({"newid":1,"topics":["trade"]})");
    CHECK(a.sha256.size() == 64);
}

TEST_CASE("JSON Lines defaults: outlet, published, numeric id, id from the line", "[jsonl]") {
    std::string meta = "stale";
    const Article a = parse_jsonl_record(R"({"id":42,"outlet":"Wire","published":"2025","text":"x 5%"})", "f:3",
                                         "f:3", &meta);
    CHECK(a.id == "42");
    CHECK(a.outlet == "Wire");
    CHECK(a.published == "2025");
    CHECK(a.currency == "USD");
    CHECK(meta.empty());
    CHECK(parse_jsonl_record(R"({"text":"y"})", "f:3", "f:3").id == "f:3");
}

TEST_CASE("a record's identity is its line, peek_identity reads it without parsing the record", "[jsonl]") {
    const auto sha = [](const std::string& line) { return parse_jsonl_record(line, "d", "d").sha256; };
    const auto fingerprint = [](const std::string& line) { return parse_jsonl_record(line, "d", "d").fingerprint; };
    CHECK(sha(R"({"id":"a","text":"t","x":1})") != sha(R"({"id":"a","text":"t","x":2})"));
    CHECK(sha(R"({"id":"a","text":"t"})") != sha(R"({"id":"a","text":"u"})"));
    CHECK(sha(R"({"id":"a","text":"t"})") == sha256_hex(R"({"id":"a","text":"t"})"));
    CHECK(fingerprint(R"({"id":"a","text":"t","x":1})") != fingerprint(R"({"id":"a","text":"t","x":2})"));
    CHECK(fingerprint(R"({"id":"a","text":"t"})") == fingerprint_hex(R"({"id":"a","text":"t"})"));
    CHECK(parse_jsonl_record(R"({"id":"a","text":"t"})", "d", "d", nullptr, false).fingerprint.empty());

    RawInput raw;
    raw.kind = RawInput::Kind::jsonl_record;
    raw.bytes = R"({"meta":{"id":"inner"},"id":"outer","text":"t"})";
    const auto peek = peek_identity(raw);
    REQUIRE(peek);
    CHECK(peek->id == "outer");
    CHECK(peek->fingerprint == fingerprint(raw.bytes));
    raw.bytes = R"({"id":7,"text":"t"})";
    REQUIRE(peek_identity(raw));
    CHECK(peek_identity(raw)->id == "7");
    raw.bytes = R"({"text":"no id"})";
    CHECK_FALSE(peek_identity(raw));
    raw.bytes = R"({"id":["x"],"text":"t"})";
    CHECK_FALSE(peek_identity(raw));
    raw.bytes = R"({"id":)";
    CHECK_FALSE(peek_identity(raw));
    raw.kind = RawInput::Kind::file;
    raw.bytes = R"({"id":"a","text":"t"})";
    CHECK_FALSE(peek_identity(raw));
}

TEST_CASE("invalid JSON Lines records are refused with a reason", "[jsonl]") {
    CHECK_THROWS_WITH(parse_jsonl_record("{\"id\":", "d", "d"), Catch::Contains("invalid JSON record"));
    CHECK_THROWS_WITH(parse_jsonl_record("[1,2]", "d", "d"), Catch::Contains("not a JSON object"));
    CHECK_THROWS_WITH(parse_jsonl_record(R"({"id":"a"})", "d", "d"), Catch::Contains("no \"text\""));
    CHECK_THROWS_WITH(parse_jsonl_record(R"({"text":"  "})", "d", "d"), Catch::Contains("empty"));
    CHECK_THROWS_WITH(parse_jsonl_record(R"({"text":"a\u0000b"})", "d", "d"), Catch::Contains("NUL"));
    CHECK_THROWS_WITH(parse_jsonl_record(R"({"text":"a","title":{"x":1}})", "d", "d"),
                      Catch::Contains("'title' must be a string"));
    CHECK_THROWS_WITH(parse_jsonl_record("{\"text\":\"caf\xe9\"}", "d", "d"), Catch::Contains("invalid JSON"));
}

TEST_CASE("a JSON Lines file streams record by record, bad lines are reported with file:line", "[jsonl]") {
    TempDir dir;
    const fs::path file = dir.write("c.jsonl", "{\"id\":\"a\",\"text\":\"one 5%\"}\n"
                                               "\n"
                                               "not json\r\n"
                                               "{\"id\":\"b\",\"text\":\"two\"}");
    std::istringstream no_stdin;
    ArticleSource source({file.string()}, no_stdin);
    CHECK(source.bytes_total() == fs::file_size(file));
    std::vector<std::string> ids, problems;
    while (auto raw = source.next()) {
        CHECK(raw->kind != RawInput::Kind::file);
        ParsedInput p = parse_input(std::move(*raw));
        if (p.article) ids.push_back(p.article->id);
        if (p.problem) problems.push_back(p.problem->path + ": " + p.problem->message);
    }
    CHECK(ids == std::vector<std::string>{"a", "b"});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith(file.string() + ":3: invalid JSON record"));
    CHECK(source.bytes_read() >= fs::file_size(file));
}

TEST_CASE("directories mix text files and JSON Lines, the format can be forced", "[jsonl]") {
    TempDir dir;
    dir.write("a.txt", "A 25% tariff.\n");
    dir.write("b.jsonl", "{\"id\":\"b1\",\"text\":\"x\"}\n{\"id\":\"b2\",\"text\":\"y\"}\n");
    dir.write("c.data", "{\"id\":\"c1\",\"text\":\"z\"}\n");
    std::istringstream no_stdin;
    const ReadResult r = read_articles({dir.path.string()}, no_stdin);
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].id == "a.txt");
    CHECK(r.articles[1].id == "b1");
    CHECK(r.articles[2].id == "b2");
    CHECK(r.articles[2].path == (dir.path / "b.jsonl").string() + ":2");

    const ReadResult forced = read_articles({(dir.path / "c.data").string()}, no_stdin, InputFormat::jsonl);
    REQUIRE(forced.articles.size() == 1);
    CHECK(forced.articles[0].id == "c1");
    const ReadResult as_text = read_articles({(dir.path / "b.jsonl").string()}, no_stdin, InputFormat::text);
    REQUIRE(as_text.articles.size() == 1);
    CHECK(as_text.articles[0].id == "b.jsonl");
}

TEST_CASE("stdin is JSON Lines when its first line is a JSON object", "[jsonl]") {
    std::istringstream lines("{\"id\":\"s1\",\"text\":\"a 5% tariff\"}\n{\"id\":\"s2\",\"text\":\"b\"}\n");
    const ReadResult r = read_articles({"-"}, lines);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[1].id == "s2");
    CHECK(r.articles[1].path == "stdin:2");

    std::istringstream text("{not json} a 25% tariff\nsecond line");
    const ReadResult t = read_articles({"-"}, text);
    REQUIRE(t.articles.size() == 1);
    CHECK(t.articles[0].id == "stdin");
    CHECK(t.articles[0].text == "{not json} a 25% tariff\nsecond line");

    std::istringstream empty;
    CHECK(read_articles({"-"}, empty, InputFormat::jsonl).problems.empty());
}

TEST_CASE("input format names", "[jsonl]") {
    CHECK(parse_input_format("auto") == InputFormat::automatic);
    CHECK(parse_input_format("markdown") == InputFormat::text);
    CHECK(parse_input_format("ndjson") == InputFormat::jsonl);
    CHECK_FALSE(parse_input_format("csv"));
}

// Lines are read a megabyte at a time and left in the blocks they were read into; a line that
// spans two blocks, or several, must come out whole, with the same bytes as std::getline gives.
TEST_CASE("JSON Lines records across read-block boundaries come out whole and in order", "[jsonl]") {
    TempDir dir;
    std::vector<std::string> lines;
    std::mt19937 random(7);
    std::size_t size = 0;
    const std::size_t block = std::size_t{1} << 20;
    // Records of random lengths up to 3 blocks long, so that boundaries fall everywhere: inside
    // a line, on its '\n', just after it, inside a "\r\n".
    for (int i = 0; size < 4 * block; ++i) {
        const std::size_t length = i % 50 == 7 ? 2 * block + random() % block : random() % 4000;
        std::string line = "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + std::string(length, 'a' + i % 26) + "\"}";
        if (i % 3 == 0) line += '\r';
        size += line.size() + 1;
        lines.push_back(std::move(line));
    }
    lines.push_back("{\"id\":\"last\",\"text\":\"no newline at the end\"}");
    std::string content;
    for (std::size_t i = 0; i < lines.size(); ++i) content += lines[i] + (i + 1 < lines.size() ? "\n" : "");
    const fs::path file = dir.write("big.jsonl", content);

    std::istringstream no_stdin;
    ArticleSource source({file.string()}, no_stdin);
    std::size_t n = 0;
    while (auto raw = source.next()) {
        REQUIRE(n < lines.size());
        std::string want = lines[n];
        if (!want.empty() && want.back() == '\r') want.pop_back();
        CHECK(raw->text() == want);
        CHECK(raw->path == file.string() + ":" + std::to_string(n + 1));
        const auto peek = peek_identity(*raw);
        REQUIRE(peek);
        CHECK(peek->id == (n + 1 == lines.size() ? std::string("last") : "r" + std::to_string(n)));
        ++n;
    }
    CHECK(n == lines.size());
    CHECK(source.bytes_read() == content.size() + 1);
}
