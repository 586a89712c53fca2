#include <catch2/catch.hpp>

#include "tradecheck/parser/text.hpp"
#include "tradecheck/parser/tokens.hpp"

#include "sha256.hpp"

using namespace tradecheck;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[text]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 gives the same state with and without the CPU's SHA extensions", "[text]") {
    // Every block count from 0 to 40 over bytes that vary, so each round and schedule word matters.
    std::vector<unsigned char> data(64 * 40);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<unsigned char>((i * 131 + 7) ^ (i >> 5));
    for (std::size_t blocks = 0; blocks <= 40; ++blocks) {
        detail::Sha256State a{1, 2, 3, 4, 5, 6, 7, 8}, b = a;
        detail::sha256_blocks(a, data.data(), blocks);
        detail::sha256_blocks_portable(b, data.data(), blocks);
        CHECK(a == b);
    }
    INFO("SHA extensions in use: " << detail::sha256_accelerated());
    for (std::size_t n : {55u, 56u, 63u, 64u, 65u, 119u, 120u, 128u, 1000u})
        CHECK(sha256_hex(std::string(n, 'x')).size() == 64);
}

TEST_CASE("invalid UTF-8 is found with its byte offset", "[text]") {
    CHECK_FALSE(first_invalid_utf8("plain ascii and “curly” é"));
    CHECK(first_invalid_utf8("abc\xff") == 3u);
    CHECK(first_invalid_utf8("ab\xc0\xaf") == 2u);        // overlong
    CHECK(first_invalid_utf8("x\xed\xa0\x80") == 1u);      // surrogate
    CHECK(first_invalid_utf8("\xe2\x80") == 0u);           // truncated
}

TEST_CASE("code points are what SQLite's substr counts", "[text]") {
    const std::string s = "Canada’s 25%";
    CHECK(count_code_points(s) == 12);
    CodePointCursor cursor(s);
    CHECK(cursor.at(s.find("25")) == 9);
    CHECK(cursor.at(s.size()) == 12);
}

TEST_CASE("tokens fold abbreviations and possessives", "[text]") {
    const auto tokens = tokenize("Canada’s non-U.S. exports to the U.S. rose.");
    std::vector<std::string> norms;
    for (const auto& t : tokens) norms.push_back(t.norm);
    CHECK(norms == std::vector<std::string>{"canada", "'s", "non-us", "exports", "to", "the", "us", "rose", "."});
}

TEST_CASE("sentences split at full stops but not at abbreviations", "[text]") {
    const std::string text = "The U.S. Trade Representative spoke. Mr. Baker said tariffs rose 5 pct.\n"
                             "    A new paragraph starts here";
    const auto tokens = tokenize(text);
    const auto sentences = split_sentences(text, tokens);
    REQUIRE(sentences.size() == 3);
    CHECK(tokens[sentences[1].first].norm == "mr");
    CHECK(tokens[sentences[2].first].norm == "a");
}
