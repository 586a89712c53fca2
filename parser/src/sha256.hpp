// SHA-256's compression function, portable and with the x86 SHA extensions (private to the
// parser library; text.cpp pads and formats).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace tradecheck::detail {

using Sha256State = std::array<std::uint32_t, 8>;

// Runs `count` 64-byte blocks through the compression function, with the SHA extensions when
// the CPU has them: hashing every record is a noticeable share of an ingest without them.
void sha256_blocks(Sha256State& h, const unsigned char* blocks, std::size_t count);

// The portable path alone, and whether sha256_blocks uses the other one (for tests).
void sha256_blocks_portable(Sha256State& h, const unsigned char* blocks, std::size_t count);
bool sha256_accelerated();

} // namespace tradecheck::detail
