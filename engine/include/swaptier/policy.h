// SPDX-License-Identifier: GPL-3.0-or-later
// Tier policies: per-cgroup limits and where pages may go (the kernel's memcg swap files),
// and the operations that move pages between tiers under them: writeback (demotion from the
// pool to devices), promotion on refault, recompression with a stronger codec, and the
// scheduled maintenance that runs idle writeback and recompression within a write budget.
//
// Cgroups form a tree, as in cgroup v2. A cgroup's parent is fixed the first time the engine
// sees the cgroup (its first policy, or its first stored entry: then the parent is the root)
// and never changes, like a cgroup directory that cannot be moved; usage is charged to the
// cgroup and all its ancestors at once, so a limit check reads one counter per level.
//
// Semantics (engine/DESIGN.md, "Tier policies"):
//   - allowed tiers: a cgroup may use a device tier only if it and every ancestor allow it;
//   - swapMaxBytes (memory.swap.max): device slots of the subtree, times the page size. Only
//     physical backing counts, as in the virtual swap design: zero pages, pool objects and
//     Memory-backed entries do not. Strict: a store or writeback that would pass it is refused;
//   - zswapMaxBytes (memory.zswap.max): compressed bytes the subtree holds in the pool. A store
//     over it first writes back the subtree's oldest pool entries (LRU with a second-chance
//     referenced bit, per cgroup: no other cgroup's page is touched), and goes past the pool
//     (to a device) only if that cannot make room;
//   - zswapWriteback (memory.zswap.writeback): false anywhere up the tree means the cgroup's
//     pages never reach a device: stores are pool-only, writeback skips them;
//   - lowering a limit at runtime enforces it at once (setCgroupPolicy's report).
#pragma once

#include "swaptier/ids.h"
#include "swaptier/options.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace swaptier {

inline constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};
/// Deepest cgroup tree the engine accepts (root = depth 0).
inline constexpr unsigned kMaxCgroupDepth = 16;

struct CgroupPolicy {
    CgroupId parent;                           ///< ignored for the root (id 0)
    std::uint64_t swapMaxBytes = kUnlimited;   ///< memory.swap.max (device slots * page size)
    std::uint64_t zswapMaxBytes = kUnlimited;  ///< memory.zswap.max (compressed bytes in the pool)
    bool zswapWriteback = true;                ///< memory.zswap.writeback
    /// Tier names of the engine's table this cgroup may use; nullopt = every tier. A name the
    /// table does not (or no longer) have allows nothing.
    std::optional<std::vector<std::string>> allowedTiers;

    friend bool operator==(const CgroupPolicy&, const CgroupPolicy&) = default;
};

/// A cgroup's policy and its subtree's charged usage.
struct CgroupPolicyState {
    CgroupId id;
    CgroupPolicy policy;
    unsigned depth = 0;
    std::uint64_t deviceBytes = 0;             ///< device slots of the subtree * page size
    std::uint64_t poolBytes = 0;               ///< compressed bytes of the subtree in the pool
    std::uint64_t lruEntries = 0;              ///< this cgroup's own pool entries on its LRU
};

/// What setCgroupPolicy did to bring the subtree under lowered limits.
struct EnforceReport {
    std::uint64_t writtenBack = 0;             ///< pool -> device (zswap.max lowered)
    std::uint64_t toPool = 0;                  ///< device -> pool (swap.max or allowed tiers)
    std::uint64_t toMemory = 0;                ///< device or pool -> memory (no room elsewhere)
    std::uint64_t busy = 0;                    ///< held by other threads on every try: left
    bool satisfied = true;                     ///< the subtree is within its limits now
    std::uint64_t nanos = 0;
};

/// Who pays for a writeback pass.
struct WritebackOptions {
    CgroupId cgroup;                           ///< this cgroup and its descendants (root: all)
    std::uint64_t maxPages = kUnlimited;       ///< entries to write at most
    std::uint64_t maxPoolBytes = kUnlimited;   ///< stop once this many compressed bytes left the pool
    std::uint64_t maxWriteBytes = kUnlimited;  ///< stop before writing more to disk (write budget)
    std::uint64_t minIdleNanos = 0;            ///< only entries not stored or loaded for this long
    /// Honour the referenced bit: a referenced entry is rotated once instead of written
    /// (the kernel's zswap shrinker). False writes strictly oldest first ("writeback now").
    bool secondChance = true;
    /// Keep the pool's compressed bytes in the device slot (no decompression; a read
    /// decompresses). Each entry still takes one 4 KiB slot.
    bool compressed = false;
    std::uint32_t batchPages = 256;            ///< entries per contiguous run and write (1..512)
    /// Overlap gathering (decompressing) the next batch with writing this one, on a second
    /// thread the pass starts and joins (only for passes of two batches or more, batchPages
    /// >= 16). The same entries are written, in the same order, as with false.
    bool pipelined = true;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(std::uint64_t done)> progress; ///< after each batch, caller's thread
};

struct WritebackReport {
    std::uint64_t scanned = 0;                 ///< LRU records looked at
    std::uint64_t written = 0;                 ///< entries now on a device
    std::uint64_t rotated = 0;                 ///< referenced entries given a second chance
    std::uint64_t young = 0;                   ///< entries younger than minIdleNanos: pass stopped there
    std::uint64_t notAllowed = 0;              ///< owners with writeback off, no tier, or at swap.max
    std::uint64_t busy = 0;                    ///< held by other threads: left in the pool
    std::uint64_t vanished = 0;                ///< freed or moved meanwhile (stale records)
    std::uint64_t poolBytesFreed = 0;          ///< compressed bytes that left the pool
    std::uint64_t bytesWritten = 0;            ///< bytes written to devices
    std::uint64_t writes = 0;                  ///< write calls (one per contiguous run)
    std::uint64_t nanos = 0;
    bool deviceFull = false;                   ///< no device had room for the rest
    Error firstError;                          ///< first write error (entries stay in the pool)
};

struct RecompressOptions {
    CgroupId cgroup;                           ///< this cgroup and its descendants (root: all)
    Codec codec = Codec::Zstd;
    int zstdLevel = 9;
    std::uint64_t minIdleNanos = 0;
    std::uint64_t maxPages = kUnlimited;
    const std::atomic<bool>* cancel = nullptr;
};

struct RecompressReport {
    std::uint64_t scanned = 0;
    std::uint64_t recompressed = 0;            ///< entries stored smaller with the new codec
    std::uint64_t kept = 0;                    ///< no gain: left as they were
    std::uint64_t busy = 0, vanished = 0;
    std::uint64_t bytesBefore = 0, bytesAfter = 0; ///< compressed bytes of the recompressed entries
    std::uint64_t nanos = 0;
};

/// Promotion on refault: a swap-in from a slower backend may bring the entry to a faster one.
struct PromotionPolicy {
    bool deviceToPool = false;                 ///< off by default, as the kernel (no zswap re-store)
    /// A device read moves the entry to a device of a faster tier (a tier listed before the
    /// entry's in the tier table, allowed to its cgroup, with room), when it did not go to the
    /// pool. Off by default. The move writes once, on the reading thread, after the read.
    bool deviceToFasterTier = false;
    /// A device read promotes only entries loaded this many times (1 = every refault).
    std::uint32_t minLoads = 1;
};

/// The scheduled maintenance of Engine::maintain().
struct MaintenancePolicy {
    std::uint64_t idleWritebackNanos = 0;      ///< write back pool entries idle this long; 0 = off
    std::uint64_t recompressNanos = 0;         ///< recompress pool entries idle this long; 0 = off
    Codec recompressCodec = Codec::Zstd;
    int recompressLevel = 9;
    std::uint64_t writeBudgetBytesPerHour = kUnlimited; ///< idle writeback budget (flash wear)
    bool compressedWriteback = false;
};

struct MaintenanceReport {
    WritebackReport writeback;                 ///< idle writeback, and pool-limit demotion
    RecompressReport recompress;
    std::uint64_t budgetLeftBytes = 0;         ///< write budget left after this pass
};

} // namespace swaptier
