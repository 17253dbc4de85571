// SPDX-License-Identifier: GPL-3.0-or-later
// The per-entry descriptor (the kernel's swp_desc), packed into 14 bytes held as three
// parallel arrays per 512-entry cluster (see cluster.h):
//
//   backing  u64  where the data lives now                       (4 KiB per cluster)
//   meta     u32  swap count, busy/waiters bits, swap-cache state (2 KiB per cluster)
//   cgroup   u16  owning cgroup id                                (1 KiB per cluster)
//
// With the cluster header (~0.3 B per entry when full) and the directory (0.016 B per entry)
// a live entry costs about 14.3 B all-in. For comparison: vswap RFC v2 48 B, v3-v6 24 B, the
// 2026 swap-table edition ~18 B (8 B virtual table + 8 B swap table + 2 B memcg).
//
// backing word, bit 0 = least significant:
//   [63:60] type      4 bits  BackingType below
//   [59:0]  payload  60 bits  by type:
//     Zero, Reserved, Free: 0
//     Pool:    the PoolHandle (pool/poolhandle.h: codec, size class, zspage, object, length)
//     Device:  [59:52] device index  8 bits  slot in the engine's device table (not DeviceId)
//              [51:50] codec         2 bits  Raw today; a compressed writeback keeps its codec
//              [49:37] length       13 bits  bytes stored in the slot (4096 for a raw page)
//              [36:0]  slot         37 bits  physical slot on the device (up to 512 TiB)
//     Memory:  0 (the page is in the cluster's swap-cache side table)
//
// meta word:
//   [9:0]   count    10 bits  page-table references; kCountOverflow (1023) means the real count
//                             lives in the cluster's overflow side table (kernel: swap_map
//                             COUNT_CONTINUED / swap-table extend_table)
//   [10]    busy      1 bit   an operation owns the entry (I/O, decompression, move); others wait
//   [11]    waiters   1 bit   someone sleeps on this word: the busy owner must notify_all
//   [13:12] cache     2 bits  CacheState: None / Page (copy in the side table) / Shadow
//   [31:14] shadow   18 bits  refault shadow value (with CacheState::Shadow)
#pragma once

#include "pool/poolhandle.h"
#include "swaptier/engine.h"

#include <cstdint>

namespace swaptier::descriptor {

enum class BackingType : std::uint8_t {
    Free = 0,     ///< the slot is not allocated
    Reserved = 1, ///< allocated by a swap-out whose data is not stored yet (always busy)
    Zero = 2,
    Pool = 3,
    Device = 4,
    Memory = 5,
};

struct Backing {
    static constexpr unsigned kTypeShift = 60;
    static constexpr std::uint64_t kPayloadMask = (std::uint64_t{1} << kTypeShift) - 1;

    static constexpr unsigned kDevSlotBits = 37, kDevLengthShift = 37, kDevLengthBits = 13;
    static constexpr unsigned kDevCodecShift = 50, kDevIndexShift = 52, kDevIndexBits = 8;
    static constexpr std::uint64_t kMaxPhysicalSlot = (std::uint64_t{1} << kDevSlotBits) - 1;
    static constexpr unsigned kMaxDevices = 1u << kDevIndexBits;

    static constexpr std::uint64_t make(BackingType t, std::uint64_t payload = 0) {
        return std::uint64_t(t) << kTypeShift | (payload & kPayloadMask);
    }
    static constexpr std::uint64_t pool(pool::PoolHandle h) { return make(BackingType::Pool, h.bits); }
    static constexpr std::uint64_t device(unsigned index, std::uint64_t slot, Codec codec = Codec::Raw,
                                          std::uint32_t length = kPageSize) {
        return make(BackingType::Device, std::uint64_t(index) << kDevIndexShift
                                             | std::uint64_t(codec) << kDevCodecShift
                                             | std::uint64_t(length) << kDevLengthShift | slot);
    }

    static constexpr BackingType type(std::uint64_t w) { return BackingType(w >> kTypeShift); }
    static constexpr std::uint64_t payload(std::uint64_t w) { return w & kPayloadMask; }
    static constexpr pool::PoolHandle poolHandle(std::uint64_t w) { return pool::PoolHandle{payload(w)}; }
    static constexpr unsigned deviceIndex(std::uint64_t w) { return unsigned(payload(w) >> kDevIndexShift) & (kMaxDevices - 1); }
    static constexpr Codec deviceCodec(std::uint64_t w) { return Codec((payload(w) >> kDevCodecShift) & 3); }
    static constexpr std::uint32_t deviceLength(std::uint64_t w) {
        return std::uint32_t(payload(w) >> kDevLengthShift) & ((1u << kDevLengthBits) - 1);
    }
    static constexpr std::uint64_t deviceSlot(std::uint64_t w) { return payload(w) & kMaxPhysicalSlot; }

    /// Bytes the backend holds for this entry.
    static constexpr std::uint32_t storedBytes(std::uint64_t w) {
        switch (type(w)) {
        case BackingType::Pool: return poolHandle(w).length();
        case BackingType::Device: return deviceLength(w);
        case BackingType::Memory: return kPageSize;
        default: return 0;
        }
    }
    /// The public Backend of a stored entry (Free and Reserved have none).
    static constexpr Backend backend(std::uint64_t w) {
        switch (type(w)) {
        case BackingType::Pool: return Backend::Pool;
        case BackingType::Device: return Backend::Device;
        case BackingType::Memory: return Backend::Memory;
        default: return Backend::Zero;
        }
    }
    static constexpr bool stored(std::uint64_t w) {
        BackingType t = type(w);
        return t != BackingType::Free && t != BackingType::Reserved;
    }
};

struct Meta {
    static constexpr unsigned kCountBits = 10;
    static constexpr std::uint32_t kCountMask = (1u << kCountBits) - 1;
    static constexpr std::uint32_t kCountOverflow = kCountMask;        // 1023
    static constexpr std::uint32_t kMaxInlineCount = kCountOverflow - 1; // 1022
    static constexpr std::uint32_t kBusy = 1u << 10;
    static constexpr std::uint32_t kWaiters = 1u << 11;
    static constexpr unsigned kCacheShift = 12;
    static constexpr std::uint32_t kCacheMask = 3u << kCacheShift;
    static constexpr unsigned kShadowShift = 14;
    static constexpr std::uint32_t kShadowMask = ~0u << kShadowShift;
    static_assert(32 - kShadowShift == kShadowBits);

    static constexpr std::uint32_t countField(std::uint32_t m) { return m & kCountMask; }
    static constexpr std::uint32_t withCountField(std::uint32_t m, std::uint32_t c) { return (m & ~kCountMask) | c; }
    static constexpr CacheState cache(std::uint32_t m) { return CacheState((m & kCacheMask) >> kCacheShift); }
    static constexpr std::uint32_t withCache(std::uint32_t m, CacheState s) {
        return (m & ~kCacheMask) | (std::uint32_t(s) << kCacheShift);
    }
    static constexpr std::uint32_t shadow(std::uint32_t m) { return m >> kShadowShift; }
    static constexpr std::uint32_t withShadow(std::uint32_t m, std::uint32_t shadow) {
        return (m & ~kShadowMask) | (shadow << kShadowShift);
    }
};

} // namespace swaptier::descriptor
