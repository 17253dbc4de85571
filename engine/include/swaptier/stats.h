// SPDX-License-Identifier: GPL-3.0-or-later
// Plain statistics structs the engine hands out. Counters named after the kernel's
// /proc/vmstat and memory.stat keys say so in their comments.
#pragma once

#include "swaptier/ids.h"
#include "swaptier/options.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace swaptier {

/// Where an entry's data lives now.
enum class Backend : std::uint8_t {
    Zero = 0,   ///< all-zero page: no storage at all
    Pool = 1,   ///< compressed pool object
    Device = 2, ///< swapfile slot
    Memory = 3, ///< page held in memory (swap cache only)
};
inline constexpr std::size_t kBackendCount = 4;
const char* backendName(Backend backend); // "zero", "pool", "device", "memory"

struct BackendUsage {
    std::uint64_t entries = 0;       ///< live entries on this backend
    std::uint64_t originalBytes = 0; ///< their uncompressed size (entries * kPageSize)
    std::uint64_t storedBytes = 0;   ///< bytes they occupy in the backend (compressed size, 0 for zero)
};

/// Event counters, monotonically increasing.
struct EventCounters {
    std::uint64_t swapOuts = 0;       ///< successful swap-outs, all backends
    std::uint64_t swapIns = 0;        ///< successful swap-ins, all backends and cache hits
    std::uint64_t swpoutZero = 0;     ///< vmstat swpout_zero: zero pages stored as state only
    std::uint64_t swpinZero = 0;      ///< vmstat swpin_zero
    std::uint64_t zswpout = 0;        ///< vmstat zswpout: stores into the pool (swap-out or move)
    std::uint64_t zswpin = 0;         ///< vmstat zswpin: loads from the pool
    std::uint64_t zswpwb = 0;         ///< vmstat zswpwb: pool -> device moves (writeback)
    std::uint64_t pswpout = 0;        ///< vmstat pswpout: pages written to swapfile devices
    std::uint64_t pswpin = 0;         ///< vmstat pswpin: pages read from swapfile devices
    std::uint64_t cacheHits = 0;      ///< swap-ins served from the swap cache
    std::uint64_t duplicates = 0;     ///< extra page-table references taken (fork)
    std::uint64_t puts = 0;           ///< references dropped
    std::uint64_t frees = 0;          ///< entries freed (count reached zero)
    std::uint64_t moves = 0;          ///< entries moved to another backend
    std::uint64_t moveFailures = 0;   ///< moves that failed and left the entry where it was
    std::uint64_t promotions = 0;     ///< device -> pool or -> faster tier on refault (PromotionPolicy)
    std::uint64_t tierPromotions = 0; ///< of which device -> a device of a faster tier
    std::uint64_t recompressions = 0; ///< pool entries stored again with the maintenance codec
    std::uint64_t writebackWrites = 0; ///< device writes of batched writeback (each a contiguous run)
    std::uint64_t poolRejects = 0;    ///< pool stores refused (limit); the page went elsewhere or failed
    std::uint64_t ioErrors = 0;       ///< failed device reads and writes
    std::uint64_t corruptions = 0;    ///< checksum or decompression failures
    /// Traffic of each place (index: Backend), for per-tier rates from two snapshots; counted
    /// in the same shard transaction as the events above (no atomics of their own).
    /// storedTo: pages stored into the backend, by a swap-out or by a move onto it (writeback,
    /// promotion, swapoff, compaction, policy enforcement). loadedFrom: swap-ins, by the
    /// backend the entry is on (LoadInfo::from, swap-cache hits included), and moves off it;
    /// a promotion counts once, as its swap-in. So storedTo[Zero] = swpoutZero,
    /// storedTo[Pool] = zswpout, storedTo[Device] = pswpout, loadedFrom[Zero] = swpinZero,
    /// sum(storedTo) = swapOuts + moves and sum(loadedFrom) = swapIns + moves - promotions.
    std::array<std::uint64_t, kBackendCount> storedTo{};
    std::array<std::uint64_t, kBackendCount> loadedFrom{};
};

struct CgroupStats {
    CgroupId id;
    std::array<BackendUsage, kBackendCount> backends{};
    EventCounters events;
    /// Backend::Device entries of this cgroup by engine device index (DeviceStats::index); an
    /// index past the end holds 0, and the vector ends at the last non-zero one. In the same
    /// cut as `backends`: sums to backends[Device].entries. A device->device move (promotion
    /// to a faster tier, swapoff, policy enforcement) is -1 on one index and +1 on the other.
    std::vector<std::uint64_t> deviceEntries;
};

struct PoolClassStats {
    std::uint32_t objectSize = 0;      ///< bytes per object slot
    std::uint32_t pagesPerZspage = 0;  ///< pages chained into one zspage
    std::uint32_t objectsPerZspage = 0;
    std::uint64_t zspages = 0;
    std::uint64_t objects = 0;         ///< live objects
};

struct PoolStats {
    Codec codec = Codec::Lz4;
    int zstdLevel = 0;
    std::uint64_t limitBytes = 0;
    unsigned acceptThresholdPercent = 90;
    bool full = false;                 ///< refusing stores until usage drops below the threshold
    std::uint64_t objects = 0;         ///< live objects
    std::uint64_t rawObjects = 0;      ///< live objects stored raw (incompressible pages)
    std::uint64_t originalBytes = 0;   ///< objects * kPageSize
    std::uint64_t storedBytes = 0;     ///< sum of object lengths (compressed bytes)
    std::uint64_t poolBytes = 0;       ///< pages held by zspages * kPageSize (zswap pool_total_size)
    std::uint64_t zspages = 0;
    std::uint64_t limitHits = 0;       ///< zswap pool_limit_hit
    std::uint64_t rejects = 0;         ///< stores refused because of the limit or its hysteresis
    std::uint64_t metadataBytes = 0;   ///< allocator bookkeeping (zspage headers, handle tables)
    std::vector<PoolClassStats> classes; ///< only classes holding zspages

    /// storedBytes / poolBytes: how well the size classes pack objects into pages.
    double allocatorEfficiency() const { return poolBytes ? double(storedBytes) / double(poolBytes) : 1.0; }
    /// originalBytes / storedBytes.
    double compressionRatio() const { return storedBytes ? double(originalBytes) / double(storedBytes) : 0.0; }
    /// originalBytes / poolBytes: what the pool really saves.
    double effectiveRatio() const { return poolBytes ? double(originalBytes) / double(poolBytes) : 0.0; }
};

/// What Engine::compactPool did. Bytes and zspages are the pool's before and after the pass:
/// stores and frees running meanwhile count in them too.
struct PoolCompactReport {
    std::uint64_t poolBytesBefore = 0, poolBytesAfter = 0; ///< PoolStats::poolBytes
    std::uint64_t zspagesBefore = 0, zspagesAfter = 0;
    std::uint64_t objectsMoved = 0;    ///< objects copied into fuller zspages (their handles switched)
    std::uint64_t busySkipped = 0;     ///< entries other threads held on two tries: left in place
    std::uint64_t vanished = 0;        ///< entries freed or moved out of the pool meanwhile
    std::uint64_t noRoom = 0;          ///< left in place: concurrent stores took the free objects
    std::uint64_t nanos = 0;           ///< wall time

    std::uint64_t reclaimedBytes() const {
        return poolBytesBefore > poolBytesAfter ? poolBytesBefore - poolBytesAfter : 0;
    }
};

struct DeviceStats {
    DeviceId id;
    std::string path;
    int priority = -1;
    std::string tier;                  ///< name of the tier whose range holds `priority`
    bool draining = false;             ///< being swapped off: no new stores
    bool directIo = false;
    bool discard = false;
    std::uint64_t totalSlots = 0;
    std::uint64_t usedSlots = 0;
    std::uint64_t clusters = 0;        ///< 512-slot clusters on the device
    std::uint64_t freeClusters = 0;    ///< clusters with no used slot
    std::uint64_t reads = 0;
    std::uint64_t writes = 0;
    std::uint64_t readErrors = 0;
    std::uint64_t writeErrors = 0;
    std::uint64_t checksumErrors = 0;
    std::uint64_t discards = 0;        ///< clusters whose blocks were punched out
    std::uint64_t discardErrors = 0;   ///< punches that failed (the cluster is reused all the same)
    bool writeBehind = false;          ///< buffered runs are pushed to disk as they are written
    std::uint64_t writeBehindErrors = 0; ///< write-behind hints the kernel refused (data stays in the page cache)
    std::uint64_t metadataBytes = 0;   ///< per-slot checksum and reverse-map tables
    /// Engine device index: the slot of CgroupStats::deviceEntries that counts this device's
    /// entries. Unlike `id` it is reused by a device added after this one is swapped off.
    unsigned index = 0;
};

/// How scattered a swapfile's used slots are (Engine::deviceFragmentation). Each 512-slot
/// cluster is read under its own lock: exact when no store or free runs meanwhile.
struct FragmentationStats {
    std::uint64_t totalSlots = 0, usedSlots = 0;
    std::uint64_t freeExtents = 0;        ///< maximal runs of free slots
    std::uint64_t largestFreeRun = 0;     ///< slots
    std::uint64_t highestUsedSlot = 0;    ///< +1 (0 when empty): the file can shrink to this
    std::uint64_t fileBytes = 0, allocatedBytes = 0; ///< size and st_blocks*512 of the swapfile
};

/// What Engine::compactDevice did.
struct DeviceCompactReport {
    FragmentationStats before, after;
    std::uint64_t moved = 0;              ///< entries relocated below the ceiling
    std::uint64_t vanished = 0;           ///< entries freed (or moved away) by others meanwhile
    std::uint64_t nanos = 0;              ///< wall time
    bool shrunk = false;                  ///< the device and its file were cut down
};

struct SlotTableStats {
    std::uint64_t liveEntries = 0;     ///< allocated virtual slots
    std::uint64_t clusters = 0;        ///< live 512-entry clusters
    std::uint64_t metadataBytes = 0;   ///< descriptor arrays + cluster headers + directory + side tables
    std::uint64_t overflowCounts = 0;  ///< entries whose swap count lives in an overflow table
    std::uint64_t cachedPages = 0;     ///< pages in the swap cache (including Memory-backed entries)
    /// metadataBytes per live entry (0 when empty).
    double bytesPerEntry() const { return liveEntries ? double(metadataBytes) / double(liveEntries) : 0.0; }
};

/// One swap tier (swaptier/tiers.h) and the live devices whose priority falls in its range.
struct TierStats {
    std::string name;
    int minPriority = -1;
    int maxPriority = 32767;
    std::uint64_t devices = 0;         ///< live devices in the tier, draining ones included
    std::uint64_t usedSlots = 0;
    std::uint64_t totalSlots = 0;
    /// pswpin / pswpout of the tier: pages read and written by its live devices (a device's
    /// counts leave with it at swapoff), and the write calls that carried them (batched
    /// writeback writes many pages per call).
    std::uint64_t reads = 0;
    std::uint64_t writes = 0;
    std::uint64_t writeCalls = 0;
};

/// A statistics snapshot. `backends`, `events` and `cgroups` form one consistent cut: every
/// operation is either wholly in it or wholly out, and per-cgroup figures add up to the global
/// ones. `slotTable`, `pool` and `devices` are read right after, each consistent on its own
/// (so a device's usedSlots equals the sum of the cgroups' deviceEntries at its index only
/// when no operation runs meanwhile).
struct EngineStats {
    std::array<BackendUsage, kBackendCount> backends{};
    EventCounters events;
    std::vector<CgroupStats> cgroups;  ///< cgroups that ever held an entry, by id
    SlotTableStats slotTable;
    PoolStats pool;
    std::vector<DeviceStats> devices;  ///< live devices, by priority then id
    std::vector<TierStats> tiers;      ///< the tier table, highest priorities first; same cut as `devices`
};

} // namespace swaptier
