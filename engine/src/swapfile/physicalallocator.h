// SPDX-License-Identifier: GPL-3.0-or-later
// PhysicalAllocator: the slot allocator of one swapfile, and the per-slot metadata (checksum
// and reverse map) of the slots it hands out. No I/O happens here: SwapDevice writes, reads
// and discards; this class only decides which slot and remembers what is in it.
//
// Slots are grouped in clusters of kClusterSlots (512, the kernel's SWAPFILE_CLUSTER on
// x86-64). Every cluster is in exactly one state:
//
//   Free        no used slot; on the free list
//   Nonfull     some used slots, owned by no thread; on the nonfull list
//   Full        every slot used (or just retired by its owner); on no list
//   Current     a thread slot's allocation cluster (any fill level); on no list
//   Discarding  wholly free, its blocks being punched out by free(); not allocatable
//   Fenced      at or above the allocation ceiling (compaction): on no list, not allocatable
//
// Allocation (the kernel's per-CPU cluster scheme, with thread slots for CPUs): take the
// lowest free slot of this thread slot's Current cluster, under that cluster's lock only.
// If there is none, the slow path takes the list lock: retire the full Current cluster, make
// the head of the nonfull list (else of the free list) Current, allocate there. If both lists
// are empty, take a slot from another thread slot's Current cluster (so a device never
// reports full while one has room); if discards are in flight, wait for them; else full.
// Frees only take the cluster lock unless the cluster must change list (Full -> Nonfull,
// Nonfull -> Free/Discarding). A Current cluster never changes list on free: its thread
// keeps filling it, as in the kernel.
//
// Runs (allocateRun, for the batched writer: many pages in one contiguous write): 1..n
// contiguous free slots inside one cluster, so a run never crosses a cluster and never needs
// two cluster locks. A run is always cut from a Current cluster, so no new state exists:
//   1. this thread slot's Current cluster, if it holds a free run of the full length (lowest
//      such run; cluster lock only, like allocate()'s fast path);
//   2. else, under the list lock, the head of the free list (the next one if the head is a
//      partial last cluster too short for the run) becomes this thread slot's Current
//      cluster and gives its first n slots: a batch writes into a fresh 2 MiB extent;
//   3. else the longest run among the Current cluster and the first kRunScanClusters
//      clusters of the nonfull list (a nonfull winner becomes Current; the scan is bounded so
//      a fragmented device costs a few cluster scans, not a walk of the whole device);
//   4. else the longest run in another thread slot's Current cluster; then wait for
//      discards in flight, as allocate(); else nullopt (no free slot anywhere).
// Making a cluster Current retires the thread slot's previous one by its fill level: Full,
// Nonfull (listed), or Free if it was left empty (listed without a discard: trim() punches
// empty clusters of a quiet device). Fenced and Discarding clusters are on no list and never
// Current, so a run never lands above the compaction ceiling. A run's slots are "used,
// unpublished" exactly like allocate()'s and are released or published one by one.
//
// The last cluster of a device whose size is not a multiple of 512 has fewer slots: its bits
// beyond the end are marked used from the start and never handed out or counted.
//
// Per-slot metadata (CRC32C of the bytes stored in the slot: a whole page, or a compressed
// payload whose length the caller keeps; owner SlotId) is allocated per cluster when the
// cluster takes its first slot and freed when it returns to the free list, so metadata
// follows use, not device size (ClusterMeta: 6 KiB per 2 MiB cluster in use, 0.3% of data).
//
// Compaction (engine/DESIGN.md, "Swapfile compaction"): setCeiling(n) fences every cluster at
// or above n, so no slot is handed out there (a thread's Current cluster among them is taken
// away from it), and lists fenced clusters below n again by their fill level. A fenced cluster
// that becomes empty is discarded like any other and stays fenced. shrink() then drops the
// fenced clusters once all are empty: totalSlots() and clusterCount() get smaller, the cluster
// array keeps its size (slot numbers above the end are rejected like any out-of-range slot).
// One caller at a time sets the ceiling and shrinks (the engine's m_swapoffLock).
//
// Lock order: the list lock (m_listLock), then a cluster lock. Never two cluster locks at
// once. Nothing is locked across a caller's I/O. The per-thread-slot current-cluster table
// (m_current) is written only under the list lock plus the cluster's lock, and read without
// locks: a reader validates it under the cluster lock (state == Current, owner == its slot),
// which also makes thread slots shared by several threads (registry overflow) safe.
#pragma once

#include "swapfile/swapdevice.h"
#include "swaptier/ids.h"
#include "util/threadslot.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace swaptier::swapfile {

/// What a release asks the caller to do next.
struct ReleaseResult {
    bool discard = false;      ///< cluster `cluster` is Discarding: punch it, then discardDone()
    std::uint32_t cluster = 0;
};

class PhysicalAllocator {
public:
    /// Largest supported device: cluster indexes must fit 32 bits (minus a sentinel).
    static constexpr std::uint64_t kMaxSlots = std::uint64_t{0xFFFFFFFEu} * kClusterSlots;

    /// REQUIRES: 0 < totalSlots <= kMaxSlots.
    explicit PhysicalAllocator(std::uint64_t totalSlots);
    ~PhysicalAllocator();
    PhysicalAllocator(const PhysicalAllocator&) = delete;
    PhysicalAllocator& operator=(const PhysicalAllocator&) = delete;

    /// Takes a free slot for the calling thread; nullopt if the device is full. The slot is
    /// "used" but not yet published: owner() says SlotId{} and usedSlots() skips it.
    std::optional<std::uint64_t> allocate();

    /// Contiguous slots [first, first + count) of one cluster.
    struct Run {
        std::uint64_t first = 0;
        std::uint32_t count = 0;
    };
    /// Clusters of the nonfull list allocateRun() looks at when no cluster is free.
    static constexpr unsigned kRunScanClusters = 16;
    /// Takes 1..maxCount contiguous free slots of one cluster for the calling thread (the order
    /// is in the header comment); nullopt if maxCount is 0 or no slot is free. maxCount above
    /// kClusterSlots counts as kClusterSlots. The slots are used and unpublished, as allocate()'s.
    std::optional<Run> allocateRun(std::uint32_t maxCount);
    /// Records the checksum and owner of a slot after its page was written.
    void publish(std::uint64_t slot, std::uint32_t crc, SlotId owner);
    /// Releases a used slot (a free or out-of-range slot is ignored). With `discard`, a
    /// cluster that became wholly free and belongs to no thread is returned for discarding.
    ReleaseResult release(std::uint64_t slot, bool discard);
    /// Ends the discard of a cluster returned by release(): it goes to the free list.
    void discardDone(std::uint32_t cluster);
    /// Takes every thread slot's Current cluster away from its thread: an empty one becomes
    /// Free (or, with `discard`, Discarding: returned for the caller to punch and then
    /// discardDone()), a used one Nonfull or Full. Threads simply pick a new cluster next time.
    std::vector<std::uint32_t> trim(bool discard);

    /// Checksum and owner of a published slot; false if the slot is not in use.
    bool lookup(std::uint64_t slot, std::uint32_t& crc, SlotId& owner) const;
    SlotId owner(std::uint64_t slot) const;
    std::vector<UsedSlot> usedSlots(std::uint64_t firstSlot, std::uint64_t maxSlots) const;

    // --- compaction (one caller at a time) ---------------------------------------------------
    /// Fences the clusters at and above `clusters` (clamped to clusterCount()) and unfences the
    /// ones below it. setCeiling(clusterCount()) lifts the ceiling.
    void setCeiling(std::uint32_t clusters);
    /// Clusters below the ceiling (clusterCount() when there is none).
    std::uint32_t ceiling() const { return m_ceiling.load(std::memory_order_relaxed); }
    /// Used slots at or above `firstSlot`, allocations in flight included.
    std::uint64_t usedCountFrom(std::uint64_t firstSlot) const;
    /// The slot count the device can shrink to (the ceiling's first slot) if every cluster at or
    /// above the ceiling is fenced and empty, waiting for discards of those to end; else nullopt.
    std::optional<std::uint64_t> shrinkableTo();
    /// Drops the clusters at and above the ceiling. REQUIRES: shrinkableTo() gave a value and
    /// the ceiling has not changed since.
    void shrink();
    /// Free extents, largest free run and highest used slot (file sizes are left 0). Each
    /// cluster is read under its lock: exact when quiescent.
    FragmentationStats fragmentation() const;

    std::uint64_t totalSlots() const { return m_totalSlots.load(std::memory_order_relaxed); }
    std::uint64_t clusterCount() const { return m_clusterCount.load(std::memory_order_relaxed); }
    std::uint64_t firstSlotOf(std::uint32_t cluster) const { return std::uint64_t(cluster) * kClusterSlots; }
    std::uint32_t slotCountOf(std::uint32_t cluster) const;
    /// Used slots, in-flight allocations included (exact when quiescent). The count is taken
    /// and read seq_cst: SwapDevice's draining handshake with swapoff relies on it.
    std::uint64_t usedCount() const { return m_used.load(std::memory_order_seq_cst); }
    /// Clusters with no used slot, whatever their state (exact when quiescent).
    std::uint64_t freeClusterCount() const { return m_freeClusters.load(std::memory_order_relaxed); }
    /// Cluster headers, the per-thread table and the per-cluster metadata in use.
    std::uint64_t metadataBytes() const;

private:
    struct Cluster;
    struct ClusterMeta;
    struct List {
        std::uint32_t head;
        std::uint32_t tail;
    };

    /// A run of free slots inside one cluster: [start, start + length) of its 512.
    struct FreeRun {
        std::uint32_t start = 0;
        std::uint32_t length = 0;
    };

    std::optional<std::uint64_t> takeSlot(std::uint32_t index, Cluster& c);
    std::optional<std::uint64_t> allocateSlow(unsigned thread);
    static FreeRun findRun(const Cluster& c, std::uint32_t want);
    Run takeRun(std::uint32_t index, Cluster& c, FreeRun run);
    std::optional<Run> allocateRunSlow(unsigned thread, std::uint32_t want);
    void makeCurrent(unsigned thread, std::uint32_t index, std::vector<std::unique_ptr<ClusterMeta>>& dropped);
    ReleaseResult relocate(std::uint32_t index, bool discard);
    void fence(std::uint32_t index, Cluster& c);
    void unfence(std::uint32_t index, Cluster& c, std::vector<std::unique_ptr<ClusterMeta>>& dropped);
    void pushBack(List& list, std::uint32_t index);
    std::uint32_t popFront(List& list);
    void unlink(List& list, std::uint32_t index);

    std::atomic<std::uint64_t> m_totalSlots;   ///< shrinks only (shrink(), under m_listLock)
    std::atomic<std::uint32_t> m_clusterCount; ///< as m_totalSlots; m_clusters keeps its length
    std::unique_ptr<Cluster[]> m_clusters;

    /// Current cluster per thread slot (kNone if none). See the lock rules above.
    std::array<std::atomic<std::uint32_t>, util::kMaxThreadSlots> m_current;

    std::mutex m_listLock;
    std::condition_variable m_discardDone; ///< signalled (list lock) when a discard ends
    List m_free;                           // GUARDED_BY(m_listLock)
    List m_nonfull;                        // GUARDED_BY(m_listLock)
    std::uint32_t m_discarding = 0;        // GUARDED_BY(m_listLock) clusters being discarded
    std::atomic<std::uint32_t> m_ceiling;  ///< written under m_listLock, read anywhere

    std::atomic<std::uint64_t> m_used{0};
    std::atomic<std::uint64_t> m_freeClusters{0};
    std::atomic<std::uint64_t> m_metaClusters{0}; ///< clusters with a ClusterMeta allocated
};

} // namespace swaptier::swapfile
