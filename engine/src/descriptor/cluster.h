// SPDX-License-Identifier: GPL-3.0-or-later
// Cluster: 512 consecutive virtual slots and their descriptors (layout in descriptor.h),
// created on demand by the slot table and released when its last entry is freed.
//
// Locking: `lock` guards every field except `meta`, which is written only under `lock` but
// may be waited on (std::atomic::wait) without it by a thread waiting for the busy bit, and
// the nonfull-list fields (onNonfullList, prev, next), which belong to the slot-table lock.
// Lock order (engine-wide): cluster lock -> slot-table lock -> statistics shard lock. Device
// and pool locks are never taken while a cluster lock is held.
#pragma once

#include "descriptor/descriptor.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace swaptier::descriptor {

inline constexpr std::uint32_t kClusterSize = 512;
inline constexpr unsigned kClusterShift = 9;

/// Rarely used per-entry data, allocated only for clusters that need it.
struct SideTables {
    std::unordered_map<std::uint16_t, std::uint32_t> overflowCounts; ///< offset -> full swap count
    std::unordered_map<std::uint16_t, std::unique_ptr<std::byte[]>> cachedPages; ///< swap cache

    bool empty() const { return overflowCounts.empty() && cachedPages.empty(); }
    /// Approximate heap bytes of the tables themselves (not the cached page contents).
    std::size_t bytes() const {
        return sizeof(SideTables) + (overflowCounts.size() + cachedPages.size()) * 48
               + (overflowCounts.bucket_count() + cachedPages.bucket_count()) * sizeof(void*);
    }
};

struct alignas(64) Cluster {
    // --- header (about 150 bytes) ---
    std::mutex lock;                      ///< guards everything below (meta: writes only)
    std::uint64_t index = 0;              ///< cluster index: first slot = index * kClusterSize
    std::uint32_t used = 0;               ///< allocated entries
    std::int32_t ownerSlot = -1;          ///< thread slot allocating from this cluster, -1 none
    /// Linked in the slot table's nonfull list. Written only under the slot-table lock; read
    /// without it as a hint that is checked again under that lock before acting on it.
    std::atomic<bool> onNonfullList{false};
    bool dead = false;                    ///< released: unlinked from the directory, retired
    std::uint64_t freeMap[kClusterSize / 64]; ///< bit set = entry free
    std::unique_ptr<SideTables> side;     ///< overflow counts and swap-cache pages, lazily
    /// Per-entry pool-LRU word (policy/poollru.h: stamp, recompressed, referenced; load count
    /// for device entries), allocated when the cluster first holds a pool or device entry
    /// that needs one and kept until the cluster is released (4 B per entry).
    std::unique_ptr<std::uint32_t[]> lruWords;
    Cluster* prev = nullptr;              ///< nonfull list links (slot-table lock)
    Cluster* next = nullptr;

    // --- descriptors ---
    std::uint64_t backing[kClusterSize];
    std::atomic<std::uint32_t> meta[kClusterSize];
    std::uint16_t cgroup[kClusterSize];

    explicit Cluster(std::uint64_t idx) : index(idx) {
        for (auto& w : freeMap)
            w = ~std::uint64_t{0};
        for (std::uint32_t i = 0; i < kClusterSize; ++i) {
            backing[i] = Backing::make(BackingType::Free);
            meta[i].store(0, std::memory_order_relaxed);
            cgroup[i] = 0;
        }
    }

    SlotId slotOf(std::uint32_t offset) const { return SlotId{index * kClusterSize + offset}; }
    /// The LRU word array, allocated on first use (zeroed). Returns true if it was allocated now.
    bool ensureLruWords() {
        if (lruWords)
            return false;
        lruWords = std::make_unique<std::uint32_t[]>(kClusterSize);
        return true;
    }
    SideTables& sideTables() {
        if (!side)
            side = std::make_unique<SideTables>();
        return *side;
    }
    /// Takes the lowest free entry. REQUIRES: lock held, used < kClusterSize.
    std::uint32_t takeFreeEntry() {
        for (std::uint32_t w = 0; w < kClusterSize / 64; ++w) {
            if (freeMap[w]) {
                unsigned bit = unsigned(__builtin_ctzll(freeMap[w]));
                freeMap[w] &= ~(std::uint64_t{1} << bit);
                ++used;
                return w * 64 + bit;
            }
        }
        return kClusterSize; // unreachable when used < kClusterSize
    }
    /// REQUIRES: lock held.
    void returnEntry(std::uint32_t offset) {
        freeMap[offset / 64] |= std::uint64_t{1} << (offset % 64);
        --used;
    }
};

} // namespace swaptier::descriptor
