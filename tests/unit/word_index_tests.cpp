// WordIndex: the vocabulary every token is looked up in.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "tradecheck/parser/word_index.hpp"

using tradecheck::WordIndex;

TEST_CASE("words are numbered from 1 in the order added, and found again", "[text]") {
    WordIndex index;
    CHECK(index.find("tariff") == 0);
    CHECK(index.add("tariff") == 1);
    CHECK(index.add("duty") == 2);
    CHECK(index.add("tariff") == 1);
    CHECK(index.find("duty") == 2);
    CHECK(index.find("dut") == 0);
    CHECK(index.find("") == 0);
    CHECK(index.word(2) == "duty");
    CHECK(index.size() == 2);
    CHECK(index.add("") == 3);   // the empty word is a word like any other
    CHECK(index.find("") == 3);
    CHECK(index.add("") == 3);
}

TEST_CASE("words of every length up to and past the inline bytes are told apart", "[text]") {
    // Lengths 1..40 around the 4-, 8- and 16-byte loads; words that share a prefix or a suffix,
    // or differ only in their last byte, must not be confused.
    WordIndex index;
    std::set<std::string> words;
    for (std::size_t n = 1; n <= 40; ++n)
        for (char last : {'a', 'b'}) {
            words.insert(std::string(n - 1, 'x') + last);
            words.insert(last + std::string(n - 1, 'x'));
        }
    for (const std::string& w : words) index.add(w);
    std::uint32_t id = 0;
    for (const std::string& w : words) {
        INFO(w);
        CHECK(index.find(w) == ++id);
        CHECK(index.find(w + "y") == 0);   // no word ends in y
        CHECK(index.word(index.find(w)) == w);
    }
    CHECK(index.find(std::string(41, 'x')) == 0);
    CHECK(index.find(std::string("x\0a", 3)) == 0);   // an embedded NUL is a byte like any other
}
