// The WARC reader (input/src/warc.cpp): records in plain and gzip archives, what is handed out
// and what is counted, and broken archives reported with the record's offset.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "tradecheck/input/limits.hpp"
#include "tradecheck/input/warc.hpp"

using namespace tradecheck::input;

namespace {

std::string http(const std::string& status, const std::string& headers, const std::string& body) {
    return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type = "application/http; msgtype=response") {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2025-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + uri.substr(uri.size() - 1) +
           ">\r\nContent-Type: " + content_type + "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
           block + "\r\n\r\n";
}

std::string gzip(const std::string& data) {
    z_stream zs{};
    REQUIRE(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    REQUIRE(deflate(&zs, Z_FINISH) == Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
}

const std::string page_a = "<html><body><p>Page A</p></body></html>";
const std::string page_b = "<html><body><p>Page B caf\xE9</p></body></html>";

// The records of a small crawl: what a CC-NEWS file holds, in miniature.
std::vector<std::string> crawl() {
    return {
        record("warcinfo", "urn:x", "software: test\r\n", "application/warc-fields"),
        record("request", "https://news.example/a", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
               "application/http; msgtype=request"),
        record("response", "https://news.example/a",
               http("200 OK", "Content-Type: text/html; charset=UTF-8\r\n", page_a)),
        record("response", "https://news.example/old",
               http("301 Moved Permanently", "Location: https://news.example/a\r\n", "")),
        record("response", "https://news.example/logo.png", http("200 OK", "Content-Type: image/png\r\n", "\x89PNG")),
        record("response", "https://news.example/gone", http("404 Not Found", "Content-Type: text/html\r\n", "<p>no</p>")),
        record("metadata", "https://news.example/a", "fetchTimeMs: 12\r\n", "application/warc-fields"),
        record("response", "https://news.example/b",
               http("200 OK", "Content-Type: text/html; charset=ISO-8859-1\r\n", page_b)),
    };
}

struct Read {
    std::vector<WarcPage> pages;
    std::vector<WarcProblem> problems;
    WarcCounts counts;
};

Read read_all(const std::string& archive) {
    std::istringstream in(archive);
    WarcReader reader(in);
    Read r;
    while (auto item = reader.next()) {
        if (auto* page = std::get_if<WarcPage>(&*item)) r.pages.push_back(std::move(*page));
        else r.problems.push_back(std::get<WarcProblem>(*item));
    }
    r.counts = reader.counts();
    return r;
}

void check_crawl(const Read& r) {
    REQUIRE(r.pages.size() == 2);
    CHECK(r.pages[0].target_uri == "https://news.example/a");
    CHECK(r.pages[0].date == "2025-03-01T12:00:00Z");
    CHECK(r.pages[0].record_id == "<urn:uuid:a>");
    CHECK(r.pages[0].body == page_a);
    CHECK(r.pages[0].charset == "utf-8");
    CHECK(r.pages[1].target_uri == "https://news.example/b");
    CHECK(r.pages[1].charset == "iso-8859-1");
    CHECK(r.pages[1].body == page_b);
    CHECK(r.counts.pages == 2);
    CHECK(r.counts.redirects == 1);
    CHECK(r.counts.errors == 1);
    CHECK(r.counts.not_html == 1);
    CHECK(r.counts.other == 3);
}

} // namespace

TEST_CASE("a plain WARC: HTML responses handed out, the rest counted", "[warc]") {
    std::string archive;
    for (const std::string& r : crawl()) archive += r;
    const Read r = read_all(archive);
    check_crawl(r);
    CHECK(r.problems.empty());
    CHECK(r.counts.records == 8);
}

TEST_CASE("a .warc.gz of one gzip member a record reads the same, offsets are the members'", "[warc]") {
    std::string archive;
    std::vector<std::size_t> offsets;
    for (const std::string& r : crawl()) {
        offsets.push_back(archive.size());
        archive += gzip(r);
    }
    const Read r = read_all(archive);
    check_crawl(r);
    CHECK(r.problems.empty());
    CHECK(r.pages[0].offset.bytes == offsets[2]);
    CHECK_FALSE(r.pages[0].offset.uncompressed);
    CHECK(to_string(r.pages[1].offset) == "@" + std::to_string(offsets[7]));
    // One gzip member for the whole file: offsets are in the uncompressed stream.
    std::string whole;
    for (const std::string& rec : crawl()) whole += rec;
    const Read one = read_all(gzip(whole));
    check_crawl(one);
    CHECK(one.pages[0].offset.uncompressed);
}

TEST_CASE("a record cut short is reported with its offset - the pages before it are read", "[warc]") {
    std::string archive;
    for (const std::string& r : crawl()) archive += r;
    const std::size_t cut_at = archive.size();
    archive += record("response", "https://news.example/c", http("200 OK", "Content-Type: text/html\r\n", page_a));
    archive.resize(archive.size() - 30);
    const Read r = read_all(archive);
    check_crawl(r);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].offset.bytes == cut_at);
    CHECK_THAT(r.problems[0].message, Catch::Contains("record cut short") && Catch::Contains("news.example/c"));
}

TEST_CASE("a gzip member cut short, or corrupt, is reported - the members after a corrupt one are read", "[warc]") {
    std::vector<std::string> members;
    for (const std::string& r : crawl()) members.push_back(gzip(r));
    SECTION("corrupt member in the middle") {
        std::string& bad = members[3];   // the redirect
        for (std::size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(0xFF);
        std::string archive;
        std::size_t bad_offset = 0;
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i == 3) bad_offset = archive.size();
            archive += members[i];
        }
        const Read r = read_all(archive);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].offset.bytes == bad_offset);
        CHECK_THAT(r.problems[0].message, Catch::Contains("corrupt gzip data"));
        REQUIRE(r.pages.size() == 2);   // both pages, the one after the damage too
        CHECK(r.pages[1].target_uri == "https://news.example/b");
    }
    SECTION("last member cut short") {
        std::string archive;
        for (const std::string& m : members) archive += m;
        const std::size_t last = archive.size() - members.back().size();
        archive.resize(archive.size() - members.back().size() / 2);
        const Read r = read_all(archive);
        CHECK(r.pages.size() == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].offset.bytes == last);
        CHECK_THAT(r.problems[0].message, Catch::Contains("gzip data cut short"));
    }
}

TEST_CASE("garbage between records is one problem, and reading resumes at the next record", "[warc]") {
    const std::vector<std::string> records = crawl();
    std::string archive = records[2] + "this is not\r\na WARC record\r\n\r\n" + records[7];
    const Read r = read_all(archive);
    CHECK(r.pages.size() == 2);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].offset.bytes == records[2].size());
    CHECK_THAT(r.problems[0].message, Catch::Contains("not a WARC record"));
}

TEST_CASE("chunked and gzip-encoded HTTP payloads are decoded - a page past the limit is skipped", "[warc]") {
    std::string chunked;
    for (const std::string piece : {"<html><body><p>Chunked pa", "ge</p></body></ht", "ml>"}) {
        char size[16];
        std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
        chunked += size + piece + "\r\n";
    }
    chunked += "0\r\n\r\n";
    std::string archive =
        record("response", "https://x.example/c", http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked)) +
        record("response", "https://x.example/g",
               http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzip(page_a))) +
        record("response", "https://x.example/big",
               http("200 OK", "Content-Type: text/html\r\n", std::string(max_page_bytes + 10, 'x'))) +
        record("response", "https://x.example/z", http("200 OK", "Content-Type: text/html\r\n", page_b));
    const Read r = read_all(archive);
    REQUIRE(r.pages.size() == 3);
    CHECK(r.pages[0].body == "<html><body><p>Chunked page</p></body></html>");
    CHECK(r.pages[1].body == page_a);
    CHECK(r.pages[2].target_uri == "https://x.example/z");
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(r.problems[0].message, Catch::Contains("larger than the 16 MB limit") && Catch::Contains("x.example/big"));
}

TEST_CASE("an empty input is an empty archive - a non-UTF-8 target URI is percent-encoded", "[warc]") {
    CHECK(read_all("").pages.empty());
    CHECK(read_all("").problems.empty());
    const Read r = read_all(record("response", "https://x.example/caf\xE9", http("200 OK", "Content-Type: text/html\r\n", page_a)));
    REQUIRE(r.pages.size() == 1);
    CHECK(r.pages[0].target_uri == "https://x.example/caf%E9");
}
