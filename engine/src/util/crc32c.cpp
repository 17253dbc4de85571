// SPDX-License-Identifier: GPL-3.0-or-later
// CRC32C (Castagnoli, reflected polynomial 0x82F63B78): the checksum of every swapfile slot.
//
// Why CRC32C: x86-64 computes it in hardware (the SSE4.2 crc32 instruction: 8 bytes per
// instruction, about 0.5 us per 4 KiB page), it detects every burst error up to 32 bits and
// every odd number of flipped bits, and it is the checksum ext4, btrfs and iSCSI use.
//
// Two implementations with identical results: the hardware one, and a portable
// slicing-by-8 table fallback (8 tables of 256 entries built at compile time, 8 KiB) for CPUs
// without SSE4.2. util::crc32c() picks one once, on first use, from __builtin_cpu_supports.
//
// Seed convention (as LevelDB's crc32c::Extend): the seed is a previous result, so
// crc32c(b, nb, crc32c(a, na)) == crc32c(a followed by b). Pre- and post-inversion happen
// inside; crc32c("123456789") == 0xE3069283, the standard check value.
#include "util/crc32c.h"

#include "util/crc32cimpl.h"

#include <array>
#include <bit>
#include <cstring>

namespace swaptier::util {
namespace {

constexpr std::uint32_t kPolynomial = 0x82F63B78u; // Castagnoli, bit-reversed

using Tables = std::array<std::array<std::uint32_t, 256>, 8>;

/// tables[0] is the classic byte table; tables[k][b] is the CRC of byte b followed by k zero
/// bytes, so eight table lookups advance the CRC by eight bytes at once.
constexpr Tables makeTables() {
    Tables t{};
    for (std::uint32_t b = 0; b < 256; ++b) {
        std::uint32_t crc = b;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ ((crc & 1u) ? kPolynomial : 0u);
        t[0][b] = crc;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t b = 0; b < 256; ++b)
            t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xFFu];
    return t;
}

constexpr Tables kTables = makeTables();

std::uint32_t load32(const unsigned char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) std::uint32_t crc32cSse42(const void* data, std::size_t length,
                                                             std::uint32_t seed) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint32_t crc = ~seed;
    // Byte steps up to an 8-byte boundary, then 8 bytes per instruction.
    while (length > 0 && reinterpret_cast<std::uintptr_t>(p) % 8 != 0) {
        crc = __builtin_ia32_crc32qi(crc, *p++);
        --length;
    }
    std::uint64_t crc64 = crc;
    while (length >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        crc64 = __builtin_ia32_crc32di(crc64, word);
        p += 8;
        length -= 8;
    }
    crc = std::uint32_t(crc64);
    while (length > 0) {
        crc = __builtin_ia32_crc32qi(crc, *p++);
        --length;
    }
    return ~crc;
}
#endif

using Crc32cFn = std::uint32_t (*)(const void*, std::size_t, std::uint32_t);

Crc32cFn pickImplementation() {
    return crc32cHardwareAvailable() ? crc32cHardware : crc32cPortable;
}

} // namespace

std::uint32_t crc32cPortable(const void* data, std::size_t length, std::uint32_t seed) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint32_t crc = ~seed;
    if constexpr (std::endian::native == std::endian::little) {
        while (length >= 8) {
            const std::uint32_t lo = load32(p) ^ crc;
            const std::uint32_t hi = load32(p + 4);
            crc = kTables[7][lo & 0xFFu] ^ kTables[6][(lo >> 8) & 0xFFu] ^ kTables[5][(lo >> 16) & 0xFFu]
                  ^ kTables[4][lo >> 24] ^ kTables[3][hi & 0xFFu] ^ kTables[2][(hi >> 8) & 0xFFu]
                  ^ kTables[1][(hi >> 16) & 0xFFu] ^ kTables[0][hi >> 24];
            p += 8;
            length -= 8;
        }
    }
    while (length > 0) {
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xFFu];
        --length;
    }
    return ~crc;
}

bool crc32cHardwareAvailable() {
#if defined(__x86_64__)
    static const bool available = [] {
        __builtin_cpu_init(); // needed if we run before the libgcc constructor (static init)
        return __builtin_cpu_supports("sse4.2") != 0;
    }();
    return available;
#else
    return false;
#endif
}

std::uint32_t crc32cHardware(const void* data, std::size_t length, std::uint32_t seed) {
#if defined(__x86_64__)
    return crc32cSse42(data, length, seed);
#else
    return crc32cPortable(data, length, seed);
#endif
}

std::uint32_t crc32c(const void* data, std::size_t length, std::uint32_t seed) {
    static const Crc32cFn impl = pickImplementation();
    return impl(data, length, seed);
}

} // namespace swaptier::util
