// fingerprint_hex: how a re-ingest knows a JSON Lines record unchanged without SHA-256.
// Databases keep fingerprints, so the function may never change (pinned values), and an
// edit must never leave a record's fingerprint as it was.
#include <catch2/catch.hpp>

#include <cstddef>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "tradecheck/parser/text.hpp"

using namespace tradecheck;

TEST_CASE("fingerprints are fixed: a stored one must match the same bytes in every version", "[fingerprint]") {
    // Values computed once, when fingerprints were introduced. If this fails, every record in
    // every database would look changed to the next re-ingest.
    CHECK(fingerprint_hex("") == "3d06b0b5ac22315a986467affb57343c");
    CHECK(fingerprint_hex("abc") == "6f567d7cd747a006a27b0af1b68f29d3");
    CHECK(fingerprint_hex(std::string(1000, 'a')) == "b9c97f456dd08f0b4fa184701090cdba");
    CHECK(fingerprint_hex(R"({"id":"reuters-1","text":"A 25% tariff."})") == "20e0fd6f1470ffe11f54ddfa537ecd94");
}

TEST_CASE("a fingerprint is 32 lowercase hex digits and does not depend on where the bytes lie", "[fingerprint]") {
    const std::string text = "The EU agreed a 10% tariff on imports of Chinese electric vehicles.";
    const std::string fp = fingerprint_hex(text);
    REQUIRE(fp.size() == 32);
    CHECK(fp.find_first_not_of("0123456789abcdef") == std::string::npos);
    // The words are read unaligned: the same bytes at every offset of a buffer agree.
    for (std::size_t offset = 1; offset < 16; ++offset) {
        const std::string padded = std::string(offset, '#') + text;
        CHECK(fingerprint_hex(std::string_view(padded).substr(offset)) == fp);
    }
}

TEST_CASE("every one-bit edit changes the fingerprint, at every length and position", "[fingerprint]") {
    std::mt19937 rng(20261122);
    for (std::size_t length : {1u, 7u, 8u, 15u, 16u, 17u, 31u, 32u, 33u, 63u, 64u, 65u, 100u, 1000u}) {
        std::string data(length, '\0');
        for (char& c : data) c = static_cast<char>(rng());
        const std::string before = fingerprint_hex(data);
        for (std::size_t byte = 0; byte < length; ++byte) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string edited = data;
                edited[byte] = static_cast<char>(edited[byte] ^ (1 << bit));
                INFO("length " << length << ", byte " << byte << ", bit " << bit);
                CHECK(fingerprint_hex(edited) != before);
            }
        }
    }
}

TEST_CASE("trailing zero bytes count: the padding of the last block is not data", "[fingerprint]") {
    std::set<std::string> seen;
    std::string zeros;
    for (int n = 0; n <= 100; ++n, zeros.push_back('\0')) seen.insert(fingerprint_hex(zeros));
    CHECK(seen.size() == 101);
}

TEST_CASE("no two of many distinct records share a fingerprint, nor either half of one", "[fingerprint]") {
    // Every prefix of a record-like text (an edit that cuts or appends), and random short
    // records. Each 64-bit half must tell them apart alone, so neither half is idle.
    std::string text;
    for (int i = 0; text.size() < 3000; ++i)
        text += R"({"id":"r)" + std::to_string(i) + R"(","text":"Exports rose 4.5% to $1.3 billion."})";
    std::vector<std::string> inputs;
    for (std::size_t n = 0; n <= text.size(); ++n) inputs.push_back(text.substr(0, n));
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        std::string s(4 + rng() % 40, ' ');
        for (char& c : s) c = static_cast<char>('a' + rng() % 26);
        inputs.push_back(std::move(s));
    }
    std::set<std::string> distinct_inputs(inputs.begin(), inputs.end());
    std::set<std::string> whole, low, high;
    for (const std::string& s : distinct_inputs) {
        const std::string fp = fingerprint_hex(s);
        whole.insert(fp);
        high.insert(fp.substr(0, 16));
        low.insert(fp.substr(16));
    }
    CHECK(whole.size() == distinct_inputs.size());
    CHECK(high.size() == distinct_inputs.size());
    CHECK(low.size() == distinct_inputs.size());
}
