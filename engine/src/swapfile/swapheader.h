// SPDX-License-Identifier: GPL-3.0-or-later
// The swapfile header: page 0 of every swaptier swapfile.
//
// It exists for one reason: to tell "a swapfile swaptier made earlier" (which may be taken
// over, its old contents being meaningless) from "somebody's file" (which must be refused and
// left untouched). Slot contents never survive the engine, so the header describes the
// geometry only; nothing in it is needed to read a slot.
//
// Layout (little-endian; the rest of the page is zero):
//   offset size
//    0     8    magic "SWAPTIER"
//    8     4    format version (kSwapHeaderVersion)
//   12     4    page size (4096)
//   16     8    slot count (data pages after the header; slot i at (i + 1) * page size)
//   24     4    slots per cluster (512)
//   28     4    CRC32C of bytes [0, 28)
// A file is ours if it starts with the magic; version, sizes and CRC are informative.
#pragma once

#include "swaptier/ids.h"
#include "util/crc32c.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>

namespace swaptier::swapfile {

inline constexpr char kSwapMagic[8] = {'S', 'W', 'A', 'P', 'T', 'I', 'E', 'R'};
inline constexpr std::uint32_t kSwapHeaderVersion = 1;
inline constexpr std::size_t kSwapHeaderBytes = 32; ///< meaningful bytes of page 0

struct SwapHeader {
    std::uint32_t version = kSwapHeaderVersion;
    std::uint32_t pageSize = kPageSize;
    std::uint64_t slotCount = 0;
    std::uint32_t clusterSlots = 0;
    bool checksumOk = false; ///< decode only: the CRC over the fields matched
};

namespace detail {
inline void put32(std::byte* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        p[i] = std::byte((v >> (8 * i)) & 0xFFu);
}
inline void put64(std::byte* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i)
        p[i] = std::byte((v >> (8 * i)) & 0xFFu);
}
inline std::uint32_t get32(const std::byte* p) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v |= std::uint32_t(p[i]) << (8 * i);
    return v;
}
inline std::uint64_t get64(const std::byte* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= std::uint64_t(p[i]) << (8 * i);
    return v;
}
} // namespace detail

/// Writes a complete header page (kPageSize bytes) for `header` into `page`.
inline void encodeSwapHeader(const SwapHeader& header, std::byte* page) {
    std::memset(page, 0, kPageSize);
    std::memcpy(page, kSwapMagic, sizeof kSwapMagic);
    detail::put32(page + 8, header.version);
    detail::put32(page + 12, header.pageSize);
    detail::put64(page + 16, header.slotCount);
    detail::put32(page + 24, header.clusterSlots);
    detail::put32(page + 28, util::crc32c(page, 28));
}

/// True if `bytes` (at least sizeof kSwapMagic of them) start with the swaptier magic.
inline bool hasSwapMagic(const std::byte* bytes, std::size_t length) {
    return length >= sizeof kSwapMagic && std::memcmp(bytes, kSwapMagic, sizeof kSwapMagic) == 0;
}

/// Decodes a header page; nullopt if it does not start with the magic.
inline std::optional<SwapHeader> decodeSwapHeader(const std::byte* page, std::size_t length) {
    if (length < kSwapHeaderBytes || !hasSwapMagic(page, length))
        return std::nullopt;
    SwapHeader h;
    h.version = detail::get32(page + 8);
    h.pageSize = detail::get32(page + 12);
    h.slotCount = detail::get64(page + 16);
    h.clusterSlots = detail::get32(page + 24);
    h.checksumOk = detail::get32(page + 28) == util::crc32c(page, 28);
    return h;
}

} // namespace swaptier::swapfile
