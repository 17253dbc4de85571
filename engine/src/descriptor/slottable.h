// SPDX-License-Identifier: GPL-3.0-or-later
// SlotTable: the dynamic virtual slot space.
//
// Slots live in 512-entry clusters created on demand and released when their last entry is
// freed; there is no static size. A two-level directory of atomic pointers (4096 leaves of
// 1024 clusters: up to 2^31 slots) maps a slot to its cluster without any lock; clusters and
// leaves are freed through epoch-based reclamation (util/epoch.h), so a reader inside an
// EpochGuard may use any pointer it loaded.
//
// Allocation follows the kernel's per-CPU clusters: each thread slot (util/threadslot.h) has a
// current cluster it allocates from under that cluster's lock only. When it is full the
// thread takes a partly used cluster from the nonfull list, or creates a new one; the
// table-wide lock is taken only for those list and directory changes (about once per 512
// allocations), never on lookups.
//
// Lock order: cluster lock -> table lock (m_lock). The table lock is a leaf apart from that.
#pragma once

#include "descriptor/cluster.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"
#include "util/threadslot.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <vector>

namespace swaptier::descriptor {

struct EntryRef {
    Cluster* cluster = nullptr;
    std::uint32_t offset = 0;
    SlotId slot;
};

class SlotTable {
public:
    static constexpr unsigned kLeafBits = 10, kTopBits = 12;
    static constexpr std::uint64_t kMaxClusters = std::uint64_t{1} << (kLeafBits + kTopBits);

    SlotTable();
    ~SlotTable();
    SlotTable(const SlotTable&) = delete;
    SlotTable& operator=(const SlotTable&) = delete;

    /// Allocates an entry in the calling thread's current cluster and writes its descriptor.
    /// REQUIRES: an EpochGuard. BackendFull if the slot space (2^31 entries) is exhausted.
    Result<EntryRef> allocate(std::uint64_t backing, std::uint32_t meta, std::uint16_t cgroup);
    /// The live cluster holding `slot`, or null. REQUIRES: an EpochGuard (the pointer stays
    /// valid until it ends; a released cluster shows `dead`).
    Cluster* find(SlotId slot) const;
    /// Bookkeeping after an entry of `c` was returned with Cluster::returnEntry.
    /// REQUIRES: c->lock held. Returns true if `c` was released: the caller must call
    /// retire(c) after unlocking it.
    bool afterFreeLocked(Cluster* c);
    /// Hands a released cluster to epoch-based reclamation.
    void retire(Cluster* c);
    /// Releases the per-thread current clusters that hold no entry, and empty directory leaves.
    void trim();

    /// Side-table accounting, maintained by the engine as it inserts and erases.
    void noteOverflow(int delta) { m_overflowEntries.fetch_add(delta, std::memory_order_relaxed); }
    void noteCachedPage(int delta) { m_cachedPages.fetch_add(delta, std::memory_order_relaxed); }
    void noteSideTables(int delta) { m_sideTables.fetch_add(delta, std::memory_order_relaxed); }
    /// A cluster allocated (+1) or dropped (-1) its LRU word array.
    void noteLruWords(int delta) { m_lruWordArrays.fetch_add(delta, std::memory_order_relaxed); }

    /// Clusters, metadata bytes and side-table counts (liveEntries is left 0: the engine
    /// fills it from its statistics shards).
    SlotTableStats stats() const;
    /// Visits every live cluster (locks nothing; REQUIRES an EpochGuard).
    template<class F> void forEachCluster(F&& f) const;

private:
    struct Leaf {
        std::atomic<Cluster*> clusters[1u << kLeafBits];
        std::uint32_t live = 0; // clusters installed, GUARDED_BY(m_lock)
        Leaf() {
            for (auto& c : clusters)
                c.store(nullptr, std::memory_order_relaxed);
        }
    };

    Result<Cluster*> acquireCluster(unsigned slot);
    void install(unsigned slot, Cluster* c);
    void disown(Cluster* c, unsigned slot);
    /// REQUIRES: c->lock held; takes m_lock.
    void releaseLocked(Cluster* c);
    /// Puts an unowned, partly used cluster on the nonfull list if it is not there.
    /// REQUIRES: c->lock held; takes m_lock.
    void ensureNonfull(Cluster* c);
    void pushNonfullLocked(Cluster* c);   // REQUIRES m_lock
    void unlinkNonfullLocked(Cluster* c); // REQUIRES m_lock

    mutable std::mutex m_lock;                 // nonfull list, index allocation, directory writes
    Cluster* m_nonfull = nullptr;              // GUARDED_BY(m_lock)
    std::vector<std::uint64_t> m_freeIndices;  // GUARDED_BY(m_lock), min-heap: reuse low indices
    std::uint64_t m_nextIndex = 0;             // GUARDED_BY(m_lock)
    std::atomic<Leaf*> m_top[1u << kTopBits];
    std::atomic<Cluster*> m_current[util::kMaxThreadSlots];

    std::atomic<std::uint64_t> m_clusters{0};
    std::atomic<std::uint64_t> m_leaves{0};
    std::atomic<std::int64_t> m_overflowEntries{0};
    std::atomic<std::int64_t> m_cachedPages{0};
    std::atomic<std::int64_t> m_sideTables{0};
    std::atomic<std::int64_t> m_lruWordArrays{0};
};

template<class F>
void SlotTable::forEachCluster(F&& f) const {
    for (const auto& top : m_top) {
        Leaf* leaf = top.load(std::memory_order_acquire);
        if (!leaf)
            continue;
        for (const auto& entry : leaf->clusters)
            if (Cluster* c = entry.load(std::memory_order_acquire))
                f(c);
    }
}

} // namespace swaptier::descriptor
