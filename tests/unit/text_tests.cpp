#include <catch2/catch.hpp>

#include "tradecheck/parser/text.hpp"
#include "tradecheck/parser/tokens.hpp"

using namespace tradecheck;

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[text]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000, 'a')).size() == 64);
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
