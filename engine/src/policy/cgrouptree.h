// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupTree: the engine's view of the cgroup hierarchy for tier policies (swaptier/policy.h):
// each cgroup's parent, its limits and flags, its subtree's charged usage and its pool LRU.
//
// Nodes live in a two-level table indexed by the 16-bit cgroup id (chunks of 256 nodes
// allocated on first use, never freed before the tree), so a store finds its node with no
// lock. A node's parent is set once, by a compare-and-swap, the first time the cgroup is seen
// (first policy, or first charge: then the root) and never changes, so a cgroup's ancestor
// chain is immutable and hierarchical charges stay exact without a lock:
//   - poolBytes: compressed bytes of the subtree's pool entries (soft limit: checked before a
//     store, charged after it, as the kernel's obj_cgroup_may_zswap);
//   - deviceSlots: device slots of the subtree (strict: tryChargeDevice adds at every level
//     and takes it all back if any level passes its swap.max).
// Limits and the writeback flag are atomics read by every store; the allowed tier names sit
// behind m_lock and each node caches the mask they give for one tier-table generation.
//
// Lock order: m_lock (policy changes, tier-name resolution, the active list) is a leaf. The
// per-node LRU locks (poollru.h) are leaves too; neither is held across I/O.
#pragma once

#include "policy/poollru.h"
#include "swaptier/ids.h"
#include "swaptier/policy.h"
#include "swaptier/tiers.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace swaptier::policy {

struct CgroupNode {
    static constexpr std::uint32_t kUnseen = 0;
    /// parent id + 1; kUnseen until set; the root holds kRootMark.
    static constexpr std::uint32_t kRootMark = 0x10000u + 1;
    std::atomic<std::uint32_t> parentPlusOne{kUnseen};
    std::atomic<std::uint8_t> depth{0};                  ///< written before parentPlusOne (release)
    std::atomic<std::int64_t> poolBytes{0};              ///< subtree, hierarchical charge
    std::atomic<std::int64_t> deviceSlots{0};            ///< subtree, hierarchical charge
    std::atomic<std::uint64_t> swapMaxSlots{kUnlimited}; ///< memory.swap.max / page size
    std::atomic<std::uint64_t> zswapMaxBytes{kUnlimited};
    std::atomic<bool> writeback{true};
    std::atomic<bool> hasPolicy{false};
    std::atomic<bool> restrictsTiers{false};             ///< allowed tier names are set
    std::atomic<bool> activeLru{false};                  ///< listed in CgroupTree's active list
    /// (generation << 32) | mask of the allowed tiers for that tier-table generation; 0 = none cached.
    std::atomic<std::uint64_t> tierCache{0};
    PoolLru lru;                                         ///< this cgroup's own pool entries
};

class CgroupTree {
public:
    using Chain = std::array<std::uint16_t, kMaxCgroupDepth + 1>;

    CgroupTree();
    ~CgroupTree();
    CgroupTree(const CgroupTree&) = delete;
    CgroupTree& operator=(const CgroupTree&) = delete;

    /// The node of `id`, created (unseen) if needed.
    CgroupNode& node(std::uint16_t id);
    /// The node if its chunk exists, else null. No allocation.
    const CgroupNode* find(std::uint16_t id) const;
    /// Sets an unseen cgroup's parent to the root. Returns the node.
    CgroupNode& ensureSeen(std::uint16_t id);
    /// Ids from `id` up to the root (inclusive); returns how many. Sees `id` first if needed.
    unsigned chain(std::uint16_t id, Chain& out);

    /// Validates and applies a policy (InvalidArgument with Error::path = the field, e.g.
    /// "parent"). The parent must be the root or a cgroup with a policy; a cgroup already seen
    /// under another parent keeps it (InvalidArgument "parent"). Returns the old policy.
    Result<CgroupPolicy> apply(std::uint16_t id, const CgroupPolicy& policy);
    std::optional<CgroupPolicy> policyOf(std::uint16_t id) const;
    /// Every cgroup with a policy or a charge, by id.
    std::vector<CgroupPolicyState> states() const;
    /// True if `id` is `ancestor` or below it.
    bool isInSubtree(std::uint16_t id, std::uint16_t ancestor);
    /// Cgroups that have ever held a pool LRU record (for round-robin writeback).
    std::vector<std::uint16_t> activeLrus() const;
    /// Records that `id` holds LRU records (idempotent, cheap after the first call).
    void noteActive(std::uint16_t id, CgroupNode& n);

    // --- charges (every level of the chain) --------------------------------------------------
    void chargePool(std::uint16_t id, std::int64_t bytes);
    void chargeDevice(std::uint16_t id, std::int64_t slots);
    /// Adds `slots` at every level unless a level would pass its swap.max: then nothing is
    /// charged and the refusing level is returned.
    std::optional<std::uint16_t> tryChargeDevice(std::uint16_t id, std::int64_t slots);

    // --- effective policy -------------------------------------------------------------------
    /// False if the cgroup or an ancestor has writeback off (the id of that level in `who`).
    bool writebackAllowed(std::uint16_t id, std::uint16_t* who = nullptr);
    /// The first level (from the cgroup up) whose pool usage plus `extra` passes its
    /// zswap.max, or whose zswap.max is 0 (no pool at all, as the kernel), if any.
    std::optional<std::uint16_t> overPoolLimit(std::uint16_t id, std::uint64_t extra);
    /// How far a level is over its own zswap.max (0 if not).
    std::uint64_t poolExcess(std::uint16_t id);
    std::uint64_t deviceExcess(std::uint16_t id);
    /// The allowed-tier mask of the cgroup and its ancestors (intersection) for `table` of
    /// `generation`; kAllTiers when none restricts tiers.
    std::uint32_t tierMask(std::uint16_t id, const TierTable& table, std::uint64_t generation);
    /// True if any cgroup restricts tiers (a fast path for stores).
    bool anyTierRestriction() const { return m_tierRestrictions.load(std::memory_order_acquire) != 0; }

private:
    static constexpr unsigned kChunkBits = 8;
    static constexpr unsigned kChunks = 1u << (16 - kChunkBits);
    struct Chunk {
        CgroupNode nodes[1u << kChunkBits];
    };

    std::uint32_t nodeMask(std::uint16_t id, CgroupNode& n, const TierTable& table, std::uint64_t generation);

    std::array<std::atomic<Chunk*>, kChunks> m_chunks{};
    mutable std::mutex m_lock;                      // chunk creation, policies, tier names, active list
    std::vector<std::optional<CgroupPolicy>> m_policies; // GUARDED_BY(m_lock), by id (grown on demand)
    std::vector<std::uint16_t> m_active;            // GUARDED_BY(m_lock)
    std::atomic<int> m_tierRestrictions{0};
};

} // namespace swaptier::policy
