// Words numbered from 1, looked up by their text: the vocabulary the rules and names tables
// match against. Every token of an article is looked up once, so this is an open-addressing
// table whose slots hold short words inline (two 8-byte compares settle a probe) rather than
// std::unordered_map<std::string, ...> (a hash call, a pointer chase and a memcmp).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tradecheck {

class WordIndex {
public:
    // The id of `word`, or 0 when it is not in the index.
    std::uint32_t find(std::string_view word) const {
        // Most tokens can be ruled out before hashing: no word of the index starts with their
        // first byte (numbers, punctuation) or has their length.
        if (!word.empty() && !first_bytes_[static_cast<unsigned char>(word[0])]) return 0;
        if (!(lengths_ >> std::min<std::size_t>(word.size(), 63) & 1) || slots_.empty()) return 0;
        const Key k = key(word);
        const std::uint32_t tag = tag_of(k);
        for (std::size_t i = k.hash & mask_;; i = (i + 1) & mask_) {
            const std::uint32_t slot = slots_[i];
            if (slot == 0) return 0;
            if ((slot & ~id_mask) != tag) continue;
            const std::uint32_t id = slot & id_mask;
            const Key& s = keys_[id - 1];
            if (s.head == k.head && s.tail == k.tail && s.size == k.size &&
                (k.size <= inline_bytes || words_[id - 1] == word))
                return id;
        }
    }

    // The id of `word`, numbering it next when it is new.
    std::uint32_t add(std::string_view word) {
        if (const std::uint32_t id = find(word)) return id;
        if (words_.size() >= id_mask) throw std::length_error("vocabulary too large");
        words_.emplace_back(word);
        keys_.push_back(key(word));
        if (!word.empty()) first_bytes_[static_cast<unsigned char>(word[0])] = true;
        lengths_ |= std::uint64_t{1} << std::min<std::size_t>(word.size(), 63);
        if (2 * words_.size() > slots_.size()) rehash(slots_.empty() ? 64 : 2 * slots_.size());
        else place(static_cast<std::uint32_t>(words_.size()));
        return static_cast<std::uint32_t>(words_.size());
    }

    std::size_t size() const { return words_.size(); }
    bool empty() const { return words_.empty(); }
    const std::string& word(std::uint32_t id) const { return words_[id - 1]; }

private:
    static constexpr std::size_t inline_bytes = 16;

    // The first sixteen bytes (zero-padded), the length, and a hash of the whole word.
    struct Key {
        std::uint64_t head = 0, tail = 0;
        std::uint64_t size = 0;
        std::uint64_t hash = 0;
    };

    // A slot is an id (low 24 bits) and 8 bits of the hash: the table stays small enough for
    // the L1 cache, and most probes of a word that is not there end without touching keys_.
    static constexpr std::uint32_t id_mask = 0x00FFFFFF;
    static std::uint32_t tag_of(const Key& k) { return static_cast<std::uint32_t>(k.hash >> 56) << 24; }

    // Bytes [from, from + 8) of `s` as one integer, zero past the end.
    static std::uint64_t load(std::string_view s, std::size_t from) {
        std::uint64_t w = 0;
        for (std::size_t i = from; i < s.size() && i < from + 8; ++i)
            w |= std::uint64_t{static_cast<unsigned char>(s[i])} << (8 * (i - from));
        return w;
    }

    static std::uint64_t load8(const char* p) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        return w;
    }

    static std::uint32_t load4(const char* p) {
        std::uint32_t w;
        std::memcpy(&w, p, 4);
        return w;
    }

    // The first sixteen bytes as two integers, zero-padded. On little-endian machines by
    // fixed-size (overlapping) loads, which compile to plain moves: a byte loop costs more than
    // the rest of the lookup.
    static void load16(std::string_view s, std::uint64_t& head, std::uint64_t& tail) {
        const char* p = s.data();
        const std::size_t n = s.size();
        if constexpr (std::endian::native == std::endian::little) {
            if (n >= 16) {
                head = load8(p);
                tail = load8(p + 8);
            } else if (n > 8) {
                head = load8(p);
                tail = load8(p + n - 8) >> (8 * (16 - n));
            } else if (n == 8) {
                head = load8(p);
                tail = 0;
            } else if (n >= 4) {
                head = load4(p) | (std::uint64_t{load4(p + n - 4)} << (8 * (n - 4)));
                tail = 0;
            } else if (n > 0) {   // 1-3 bytes: first, middle and last (they overlap as needed)
                head = std::uint64_t{static_cast<unsigned char>(p[0])} |
                       std::uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
                       std::uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
                tail = 0;
            } else {
                head = tail = 0;
            }
        } else {
            head = load(s, 0);
            tail = load(s, 8);
        }
    }

    static std::uint64_t mix(std::uint64_t h, std::uint64_t w) {
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        return h ^ (h >> 32);
    }

    static Key key(std::string_view s) {
        Key k;
        load16(s, k.head, k.tail);
        k.size = s.size();
        std::uint64_t h = mix(mix(0x9E3779B97F4A7C15ull ^ s.size(), k.head), k.tail);
        for (std::size_t i = inline_bytes; i < s.size(); i += 8) h = mix(h, load(s, i));
        k.hash = h ^ (h >> 29);
        return k;
    }

    void place(std::uint32_t id) {
        const Key& k = keys_[id - 1];
        std::size_t i = k.hash & mask_;
        while (slots_[i] != 0) i = (i + 1) & mask_;
        slots_[i] = tag_of(k) | id;
    }

    void rehash(std::size_t capacity) {
        slots_.assign(capacity, 0);
        mask_ = capacity - 1;
        for (std::uint32_t id = 1; id <= words_.size(); ++id) place(id);
    }

    std::vector<std::string> words_;
    std::vector<Key> keys_;                // by id - 1
    std::vector<std::uint32_t> slots_;     // 0: empty
    std::array<bool, 256> first_bytes_{};  // the first bytes of the words
    std::uint64_t lengths_ = 0;            // bit n: a word of n bytes (63: 63 or more)
    std::size_t mask_ = 0;
};

} // namespace tradecheck
