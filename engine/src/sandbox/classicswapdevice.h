// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicSwapDevice: one swapfile as the kernel's swap_info_struct kept it before the virtual
// swap space. Everything is indexed by the PHYSICAL slot, and every per-slot array is
// allocated for the whole device at swapon, used or not:
//
//   swap_map     1 byte per slot: the swap count (0 = free). Counts above kSwapMapMax (0x3e)
//                continue in a side table, like the kernel's COUNT_CONTINUED pages, so a
//                duplicate never fails for overflow.
//   swap_cgroup  2 bytes per slot: the owning memcg id (mm/swap_cgroup.c).
//   zeromap      1 bit per slot: the page was all zeros, nothing was written (si->zeromap).
//   clusters     one ClusterInfo per 512 slots (swap_cluster_info), a free list, a nonfull
//                list and a current cluster per thread slot (the kernel's per-CPU clusters).
//   zswap tree   slot -> zswap entry of pages kept compressed (the zswap xarray per device):
//                the pool object and its place on the zswap LRU (ClassicZswapEntry); a zswap
//                page still holds its slot: the reservation the seeds complain about.
//   shadows      slot -> refault shadow (the kernel keeps them in the swap cache xarray).
// The side tables use CountingAllocator, so their real memory is reported (metadataBytes).
//
// On disk: page 0 is the swaptier header (swapfile/swapheader.h), slot i at (i + 1) * 4096.
// Contents never outlive the device. A path that exists and is neither empty nor a swaptier
// swapfile is refused (Exists) and left untouched; an earlier swaptier swapfile is taken over
// (swapfile/swapfilesetup.h does this for both swap designs).
// There is no per-slot checksum: the kernel keeps none (the sandbox compares every page).
//
// Relocation, writeback and compaction (the sandbox's actions) work on slots the caller owns:
// state() and adopt() copy a slot's bookkeeping to another slot (of this device or another),
// writeSlot() copies its bytes, drop() releases the old slot once no page table names it, and
// shrinkTo() cuts the device and its file down once nothing above the cut is used.
//
// Thread safety: all methods are thread-safe. One mutex (the kernel's si->lock) guards every
// per-slot array, the cluster lists and the counters of usage; it is a leaf, and it is never
// held across file I/O: writes, reads and discards run with it dropped. The caller guarantees
// a slot is not freed while it is being read (the sandbox never does). The relocation methods
// and shrinkTo() are for a caller that runs while no other operation does (the sandbox's
// coordinator between rounds): they keep the structures consistent, not the operations atomic.
#pragma once

#include "pool/poolhandle.h"
#include "sandbox/classiccountingallocator.h"
#include "swaptier/env.h"
#include "swaptier/ids.h"
#include "swaptier/options.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace swaptier::sandbox {

inline constexpr std::uint32_t kClassicClusterSlots = 512; ///< SWAPFILE_CLUSTER on x86-64

/// Per-cgroup usage of one device, by backend (Memory is always 0 in the classic design).
struct ClassicCgroupUsage {
    std::array<std::uint64_t, kBackendCount> entries{};
    std::uint64_t poolBytes = 0; ///< compressed bytes of the cgroup's zswap objects
};

/// Usage of one device, read in one critical section.
struct ClassicDeviceUsage {
    std::uint64_t usedSlots = 0;     ///< slots with a non-zero swap count (incl. zero and zswap pages)
    std::uint64_t zeroEntries = 0;   ///< slots with the zero bit
    std::uint64_t poolEntries = 0;   ///< slots whose page lives in the pool (zswap tree entries)
    std::uint64_t poolBytes = 0;     ///< their compressed bytes
    std::uint64_t deviceEntries = 0; ///< slots whose page was written to the file
    std::uint64_t continuedCounts = 0; ///< slots whose count lives in the continuation table
    std::uint64_t metadataBytes = 0; ///< every classic structure of the device (see metadataBytes())
    std::uint64_t pagesRead = 0;     ///< pages read from the file (DeviceStats::reads)
    std::uint64_t pagesWritten = 0;  ///< pages written to the file (DeviceStats::writes)
    std::vector<ClassicCgroupUsage> cgroups; ///< indexed by CgroupId value
};

/// One entry of a device's zswap tree (the kernel's struct zswap_entry, without its links).
struct ClassicZswapEntry {
    pool::PoolHandle handle;
    std::uint64_t seq = 0;         ///< place on the zswap LRU: lower = older (the backend's store counter)
    std::uint64_t storedNanos = 0; ///< Env clock at store, for idle ages
    bool referenced = true;        ///< set at store, cleared by a second-chance scan (entry->referenced)
    bool recompressed = false;     ///< recompressed once already, or found not worth it
};

/// What swapIn needs to know about a used slot.
struct ClassicSlotView {
    bool zero = false;
    bool inPool = false;
    pool::PoolHandle handle; ///< with inPool
    bool hasShadow = false;
    std::uint32_t shadow = 0;
    std::uint64_t count = 0;  ///< swap count (page-table references)
    std::uint16_t cgroup = 0; ///< owner (swap_cgroup)
};

/// Everything a used slot holds except its bytes in the file: what adopt() gives another slot.
struct ClassicSlotState {
    std::uint64_t count = 1;
    std::uint16_t cgroup = 0;
    bool zero = false;
    bool inPool = false;
    ClassicZswapEntry zswap;       ///< with inPool
    bool written = false;          ///< the page's bytes are in the file (neither zero nor pool)
    bool hasShadow = false;
    std::uint32_t shadow = 0;
};

/// A zswap tree entry and the slot it belongs to (poolRecords()).
struct ClassicPoolRecord {
    std::uint64_t slot = 0;
    std::uint16_t cgroup = 0;
    ClassicZswapEntry entry;
};

/// What a put released.
struct ClassicPutResult {
    bool freed = false;      ///< the count reached zero: the slot is free again
    bool inPool = false;     ///< the slot had a zswap object: the caller frees `handle`
    pool::PoolHandle handle;
};

class ClassicSwapDevice {
public:
    /// Creates (or takes over an earlier swaptier swapfile at) options.path, sizes it, writes
    /// the header and allocates the per-slot arrays for the whole device (swapon).
    /// InvalidArgument for an empty path, a size under one page or over 2^40 slots, a priority
    /// outside -1..32767, or metadata that cannot be allocated; Exists for a foreign file.
    static Result<std::unique_ptr<ClassicSwapDevice>> open(Env* env, unsigned index, const DeviceOptions& options);
    ~ClassicSwapDevice();
    ClassicSwapDevice(const ClassicSwapDevice&) = delete;
    ClassicSwapDevice& operator=(const ClassicSwapDevice&) = delete;

    // --- the life of a slot ----------------------------------------------------------------
    /// Takes a free slot with swap count 1 for `cgroup` (get_swap_page). With `zero` the page
    /// is recorded as a zero page at once (zero bit, no write). A non-zero `shadow` is kept.
    /// DeviceFull if no slot is free or the device is draining.
    Result<std::uint64_t> reserve(CgroupId cgroup, std::uint32_t shadow, bool zero);
    /// Records that a reserved slot's page is a zswap object (zswap_store succeeded).
    void commitPool(std::uint64_t slot, const ClassicZswapEntry& entry);
    /// Writes the page of a reserved slot (swap_writepage). On failure the slot is released
    /// and the error names device, path and offset; nothing stays stored.
    Status writeAndCommit(std::uint64_t slot, const std::byte* page);
    /// Releases a reserved slot that never got its page (the pool refused a PoolOnly store).
    void cancel(std::uint64_t slot);

    /// What backs a used slot. UnknownSlot beyond the device, FreedSlot for a free slot.
    Result<ClassicSlotView> view(std::uint64_t slot) const;
    /// Reads a written slot's page.
    Status read(std::uint64_t slot, std::byte* page);
    /// swap_duplicate: one more reference. FreedSlot / UnknownSlot as view().
    Status duplicate(std::uint64_t slot);
    /// swap_free: one reference less; at zero the slot, its zero bit, shadow and cgroup are
    /// released (and its cluster discarded if it became wholly free and discard is on).
    Result<ClassicPutResult> put(std::uint64_t slot);

    // --- relocation, writeback, compaction (no other operation running) ---------------------
    /// A used slot's bookkeeping. UnknownSlot / FreedSlot as view().
    Result<ClassicSlotState> state(std::uint64_t slot) const;
    /// Takes free slot `at` (or, with nullopt, a free slot as reserve() chooses it) and gives it
    /// `state`: swap count, owner, shadow and backing (zero bit, zswap entry, or written). The
    /// bytes of a written state are the caller's to copy with writeSlot() before any read.
    /// DeviceFull if no slot is free (or the device is draining); InvalidArgument if `at` is
    /// beyond the device or used.
    Result<std::uint64_t> adopt(const ClassicSlotState& state, std::optional<std::uint64_t> at);
    /// Releases a used slot whatever its count, once no page table names it: its state lives on
    /// in the slot that adopted it, so its zswap object is NOT freed. A free slot is left alone.
    void drop(std::uint64_t slot);
    /// Writes a page into a slot's place in the file; the bookkeeping does not change.
    Status writeSlot(std::uint64_t slot, const std::byte* page);
    /// zswap writeback's commit, after the page was written with writeSlot(): the slot's zswap
    /// entry (still holding `handle`) goes, and the slot reads from the file from now on. False
    /// if the slot has no such entry; the caller frees the pool object on true.
    bool commitWriteback(std::uint64_t slot, pool::PoolHandle handle);
    /// Points a zswap entry at another object (pool compaction, recompression), with
    /// `recompressed` marking it; false if the entry does not hold `from`.
    bool replaceHandle(std::uint64_t slot, pool::PoolHandle from, pool::PoolHandle to, bool recompressed);
    /// Second chance: the entry's referenced bit is cleared and it moves to the young end of
    /// the LRU (`seq`). False if the slot has no zswap entry.
    bool rotate(std::uint64_t slot, std::uint64_t seq);
    /// Marks a zswap entry as recompressed (or not worth it). False if there is none.
    bool markRecompressed(std::uint64_t slot);
    /// Every entry of the zswap tree, in no particular order.
    std::vector<ClassicPoolRecord> poolRecords() const;
    /// Used slots at or above `first`, ascending.
    std::vector<std::uint64_t> usedSlotsFrom(std::uint64_t first) const;
    /// Up to `max` free slots below `limit`, ascending (clusters being discarded excluded).
    std::vector<std::uint64_t> freeSlotsBelow(std::uint64_t limit, std::size_t max) const;
    /// Cuts the device to `slots` slots (a multiple of the cluster size, at least one
    /// cluster): the file is truncated to them and its header rewritten, the per-slot arrays
    /// shrink. Busy if a slot at or above `slots` is used; InvalidArgument for a bad size.
    /// Nothing changes on failure, except that a failed header rewrite leaves the file cut.
    Status shrinkTo(std::uint64_t slots);

    // --- device state ----------------------------------------------------------------------
    void setDraining(bool draining);
    bool draining() const;
    /// Cheap hint: true if the device is draining or had no free slot a moment ago.
    bool fullHint() const;
    void setPriority(int priority);
    int priority() const;
    unsigned index() const;
    const std::string& path() const;
    std::uint64_t totalSlots() const;
    std::uint64_t usedSlots() const;
    ClassicDeviceUsage usage() const;
    DeviceStats stats() const;
    /// Closes the file (deleting it if DeviceOptions::removeFileOnClose) and frees the
    /// per-slot arrays (swapoff). Later calls do nothing.
    Status close();

private:
    /// One 512-slot cluster (swap_cluster_info). Links are cluster indices (kNone = no link).
    struct ClusterInfo {
        std::uint32_t prev;
        std::uint32_t next;
        std::uint16_t used;  ///< slots of the cluster with a non-zero count
        std::uint8_t state;  ///< ClusterState
        std::uint8_t pad;
    };
    /// A doubly linked list of clusters threaded through ClusterInfo::prev/next.
    struct ClusterList {
        std::uint32_t head;
        std::uint32_t tail;
        std::uint64_t length;
    };
    /// The allocation cluster of one thread slot (the kernel's percpu_cluster).
    struct ThreadCluster {
        std::uint32_t cluster; ///< kNone: none
        std::uint32_t next;    ///< offset in the cluster where the next scan starts
    };
    template<class V>
    using SlotMap = std::unordered_map<std::uint64_t, V, std::hash<std::uint64_t>, std::equal_to<std::uint64_t>,
                                       CountingAllocator<std::pair<const std::uint64_t, V>>>;

    ClassicSwapDevice(Env* env, unsigned index, const DeviceOptions& options, std::uint64_t slots);

    Error error(Errc code, std::uint64_t slot, std::uint64_t offset) const;
    Error decorate(Error e, std::uint64_t slot, std::uint64_t offset) const;
    Status checkSlotLocked(std::uint64_t slot) const;

    // REQUIRES: m_lock held, for every *Locked method.
    std::uint64_t countLocked(std::uint64_t slot) const;
    void setCountLocked(std::uint64_t slot, std::uint64_t count);
    std::optional<std::uint64_t> allocateLocked();
    std::optional<std::uint64_t> takeFromClusterLocked(std::uint32_t cluster, std::uint32_t startOffset);
    /// Marks free slot `slot` used (count 1), keeping its cluster's list and state right.
    void claimLocked(std::uint64_t slot);
    /// Frees a slot; `committed`: its page was stored (zero, pool or file), so usage counts drop.
    /// Returns a cluster that became Discarding (the caller punches it with no lock held).
    std::optional<std::uint32_t> releaseLocked(std::uint64_t slot, bool committed, ClassicPutResult* out);
    ClassicCgroupUsage& cgroupLocked(std::uint16_t cgroup);
    void listPushLocked(ClusterList& list, std::uint32_t cluster);
    void listRemoveLocked(ClusterList& list, std::uint32_t cluster);
    std::uint32_t listPopLocked(ClusterList& list);
    std::uint32_t clusterSize(std::uint32_t cluster) const;
    /// Punches a Discarding cluster (no lock held), then puts it on the free list.
    void discardCluster(std::uint32_t cluster);
    std::uint64_t metadataBytesLocked() const;

    Env* const m_env;
    const unsigned m_index;
    const DeviceOptions m_options;
    /// Slots and clusters of the device; shrinkTo() lowers them (with no other operation running,
    /// so the unlocked readers, fullHint() and totalSlots(), never race with it).
    std::uint64_t m_totalSlots;
    std::uint32_t m_clusterCount;
    std::unique_ptr<File> m_file; ///< null once closed
    bool m_directIo = false;

    mutable std::mutex m_lock; ///< si->lock: everything below up to the atomics
    std::vector<std::uint8_t> m_swapMap;
    std::vector<std::uint16_t> m_swapCgroup;
    std::vector<std::uint64_t> m_zeroMap;
    std::vector<ClusterInfo> m_clusters;
    ClusterList m_freeClusters;
    ClusterList m_nonfullClusters;
    std::vector<ThreadCluster> m_threadClusters;
    std::uint64_t m_sideTableBytes = 0; ///< bytes the three maps below hold (CountingAllocator)
    SlotMap<ClassicZswapEntry> m_zswapTree;
    SlotMap<std::uint32_t> m_shadows;
    SlotMap<std::uint64_t> m_continuedCounts;
    std::uint64_t m_usedSlots = 0;
    std::uint64_t m_zeroEntries = 0;
    std::uint64_t m_poolEntries = 0;
    std::uint64_t m_poolBytes = 0;
    std::uint64_t m_deviceEntries = 0;
    std::vector<ClassicCgroupUsage> m_cgroups;

    std::atomic<std::uint64_t> m_usedHint{0}; ///< m_usedSlots, readable without the lock
    std::atomic<bool> m_draining{false};
    std::atomic<bool> m_discard;
    std::atomic<int> m_priority;
    std::atomic<bool> m_closed{false};
    // Event counters, relaxed: each exact, stats() not one consistent cut.
    std::atomic<std::uint64_t> m_reads{0};         ///< pages read from the file
    std::atomic<std::uint64_t> m_writes{0};        ///< pages written to the file
    std::atomic<std::uint64_t> m_readErrors{0};    ///< failed reads
    std::atomic<std::uint64_t> m_writeErrors{0};   ///< failed writes (slot released)
    std::atomic<std::uint64_t> m_discards{0};      ///< clusters punched out
    std::atomic<std::uint64_t> m_discardErrors{0}; ///< punches that failed (cluster reused anyway)
};

} // namespace swaptier::sandbox
