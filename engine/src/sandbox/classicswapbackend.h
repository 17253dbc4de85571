// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicSwapBackend: the kernel's swap design before the virtual swap space, as a baseline
// the sandbox runs side by side with the swaptier engine (makeClassicSwapBackend()).
//
// A page-table entry holds the PHYSICAL location (ClassicEntry: device index, slot). What that
// costs, and what the baseline exists to measure:
//   - every swapped page holds a device slot, including zero pages (a zero bit, no write) and
//     pages zswap keeps compressed in memory (the slot is reserved and never written): with no
//     free device slot a page cannot go to the pool either (BackendFull), and the disk
//     reserved (diskReservedBytes) counts all of them;
//   - swap_map and swap_cgroup are allocated for the whole device at swapon, used or not
//     (metadataBytes grows with device size, not with use);
//   - swapoff must walk every page-table entry of every process to find the entries that name
//     the device (try_to_unuse) and fault each one in; ptesVisited counts that walk.
//
// Placement: Auto stores into the pool when it is enabled and accepting, else writes the
// reserved slot (also when the pool refuses at its limit); PoolOnly is pool or fail (the slot
// is still reserved first); DeviceOnly writes a slot (options.device is ignored, as the
// interface says); Memory does not exist in the classic design (InvalidArgument). With
// zero-page detection on, a zero page takes a slot and sets its zero bit, whatever the placement.
// Devices are chosen as swapon does: higher priority first, round-robin among equal
// priorities (the device used is requeued behind its equals), the next device when one is full.
// Tiers (not in the kernel's classic design, run here so both designs apply one policy): a
// device is in the tier of the table (setTiers) whose range holds its priority, and a store
// only considers devices of the tiers in StoreOptions::allowedTiers. Since every swapped page
// holds a slot, a store with no allowed device cannot go to the pool either (BackendFull).
//
// The actions of issue #4, as the classic design has to do them (classicswapactions.cpp):
//   - writeback: zswap writeback of the subtree's pool entries, oldest first on the zswap LRU
//     (second chance for referenced entries), each into the slot it reserved at swap-out: no
//     new disk space, one 4 KiB write per page, no page-table change;
//   - device compaction: a written page's location is its page-table value, so relocating
//     slots means rewriting page tables: every used slot above the target moves to a free low
//     slot (read + write), one walk over every page table rewrites the values, then the file
//     shrinks;
//   - pool compaction and recompression: zsmalloc-style, on the pool only (the zswap tree's
//     handles change, page tables do not);
//   - a policy change that takes written pages off a device (tiers narrowed: rewrite them to
//     an allowed device; writeback off, swap.max lowered: fault them in) walks every page
//     table like swapoff; a lowered zswap.max writes back into the reserved slots first;
//   - promotion and scheduled maintenance do not exist in the classic design: no-ops.
//
// Errors carry the device index (Error::device), the page-table value (Error::slot), the
// swapfile path and the byte offset. A failed write leaves nothing stored (the slot is
// released); a failed read is returned, never a zero page.
//
// Thread safety: as SwapBackend (swapbackend.h): swapOut, swapIn, duplicate and put from any
// number of threads; everything else with no operation running. Lock order: see the .cpp.
#pragma once

#include "pool/compressedpool.h"
#include "sandbox/classicpolicytable.h"
#include "sandbox/classicswapdevice.h"
#include "sandbox/swapbackend.h"

#include "swaptier/tiers.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace swaptier::sandbox {

class ClassicSwapBackend final : public SwapBackend {
public:
    /// REQUIRES: options.pool valid (makeClassicSwapBackend() checks it).
    explicit ClassicSwapBackend(const EngineOptions& options);
    ~ClassicSwapBackend() override;

    /// Same rules as Engine::setTiers: InvalidArgument for a bad table, Busy (Error::path =
    /// the tier name) if the table drops the tier name of a live device.
    Status setTiers(const std::vector<TierSpec>& tiers) override;
    Status addDevice(const DeviceOptions& options) override;
    std::size_t deviceCount() const override;
    Result<std::uint64_t> swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) override;
    Result<LoadInfo> swapIn(std::uint64_t value, MutablePage out) override;
    Status duplicate(std::uint64_t value) override;
    Status put(std::uint64_t value) override;
    /// try_to_unuse: stops stores to the device, walks every page table with the walker
    /// (faulting in each entry that names the device), then closes and removes the device.
    /// Busy (device kept, stores resumed) if a slot is still referenced after the walk;
    /// a walker error is returned as is (device kept).
    Result<SwapoffFigures> swapoff(int device, PageTableWalker& walker) override;
    Status setDevicePriority(int device, int priority) override;
    Status setPoolOptions(const PoolOptions& options) override;
    /// Tiers: zero, pool, memory (always empty), then every device added so far in config
    /// order; a device removed by swapoff keeps its row, marked swapped off, with 0 entries, 0
    /// capacity and its final reads and writes. Traffic: zero swpin_zero / swpout_zero, pool
    /// zswpin + zswpwb / zswpout, memory none, devices their page reads / writes. A cgroup's
    /// device entries are its pages written to each device (the device's swap_cgroup counts).
    BackendSnapshot snapshot() const override;
    EngineStats engineStats() const override;

    Status setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) override;
    ActionFigures changeCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy, PageTableWalker& walker) override;
    /// options.compressed is ignored: zswap writeback always decompresses. batchPages and
    /// secondChance are honoured as the zswap shrinker does (one write per page whatever the
    /// batch). Entries whose owner may not write back, or whose reserved slot lies on a tier
    /// the owner may no longer use, stay in the pool.
    ActionFigures writeback(const WritebackOptions& options) override;
    ActionFigures recompress(const RecompressOptions& options) override;
    ActionFigures compactDevice(int device, PageTableWalker& walker, const ActionControl& control) override;
    ActionFigures compactPool() override;
    /// The classic design never promotes: accepted and ignored.
    Status setPromotionPolicy(const PromotionPolicy& policy) override;
    /// The classic design has no scheduled maintenance: accepted and ignored.
    Status setMaintenancePolicy(const MaintenancePolicy& policy) override;
    Status maintain() override;

private:
    /// Event counters (vmstat names in EventCounters), relaxed: each exact, not one cut.
    struct Events {
        std::atomic<std::uint64_t> swapOuts{0};
        std::atomic<std::uint64_t> swapIns{0};
        std::atomic<std::uint64_t> swpoutZero{0};
        std::atomic<std::uint64_t> swpinZero{0};
        std::atomic<std::uint64_t> zswpout{0};
        std::atomic<std::uint64_t> zswpin{0};
        std::atomic<std::uint64_t> pswpout{0};
        std::atomic<std::uint64_t> pswpin{0};
        std::atomic<std::uint64_t> duplicates{0};
        std::atomic<std::uint64_t> puts{0};
        std::atomic<std::uint64_t> frees{0};
        std::atomic<std::uint64_t> zswpwb{0};
        std::atomic<std::uint64_t> writebackWrites{0};
        std::atomic<std::uint64_t> moves{0};
        std::atomic<std::uint64_t> recompressions{0};
        std::atomic<std::uint64_t> poolRejects{0};
        std::atomic<std::uint64_t> ioErrors{0};
        std::atomic<std::uint64_t> corruptions{0};
    };
    struct Reserved {
        ClassicSwapDevice* device;
        std::uint64_t slot;
    };
    /// Usage summed over the live devices (each device read in one critical section).
    struct Totals {
        std::uint64_t usedSlots = 0;
        std::uint64_t zeroEntries = 0;
        std::uint64_t poolEntries = 0;
        std::uint64_t poolBytes = 0;
        std::uint64_t deviceEntries = 0;
        std::uint64_t continuedCounts = 0;
        std::uint64_t metadataBytes = 0;          ///< classic structures of every device
        std::vector<ClassicDeviceUsage> devices;  ///< config index -> usage (empty for removed)
        std::vector<ClassicCgroupUsage> cgroups;  ///< indexed by CgroupId value
        /// Pages written to a device (Backend::Device) by CgroupId value, then config index;
        /// the same figures as devices[i].cgroups[g].entries[Device], read in the same pass.
        std::vector<std::vector<std::uint64_t>> cgroupDevices;
    };

    /// The live device with config index `index`, or null (never added, or swapped off).
    ClassicSwapDevice* deviceAt(unsigned index) const;
    /// Resolves a page-table value: UnknownDevice / InvalidArgument with the value named.
    Result<ClassicSwapDevice*> resolve(std::uint64_t value) const;
    /// get_swap_page: a slot on the best device of the allowed tiers (bit i = tier i) by
    /// priority (round-robin among equals). NoDevice if no such device takes stores,
    /// DeviceFull if every one is full.
    Result<Reserved> reserveSlot(CgroupId cgroup, std::uint32_t shadow, bool zero, std::uint32_t allowedTiers);
    /// Name of the tier holding `dev`'s priority. REQUIRES: m_availLock held.
    const std::string& tierNameLocked(const ClassicSwapDevice& dev) const;
    /// Rebuilds the priority order. REQUIRES: m_availLock held.
    void sortAvailLocked();
    Totals totals() const;

    // --- actions (classicswapactions.cpp) ---------------------------------------------------
    /// A pool entry of some device: where it is and its zswap tree entry.
    struct PoolEntry {
        ClassicSwapDevice* device;
        ClassicPoolRecord record;
    };
    /// The zswap entries of `cgroup`'s subtree on every live device, oldest first (the LRU
    /// order of the kernel's per-memcg zswap lists, here sorted from the trees).
    std::vector<PoolEntry> subtreePoolEntries(std::uint16_t cgroup) const;
    /// The tier (index in m_tiers) of a live device.
    std::size_t tierOfDevice(const ClassicSwapDevice& dev) const;
    /// Writes one pool entry back into its reserved slot. Returns false (and sets `error`) if
    /// it could not: the entry stays in the pool.
    bool writebackEntry(const PoolEntry& e, std::byte* page, Error& error);
    /// The writeback pass behind writeback() and a lowered zswap.max.
    ActionFigures writebackPass(const WritebackOptions& options, std::uint64_t& poolBytesFreed);
    /// Moves a written page to a device of the tiers in `mask` (not `from`), copying its
    /// swap count, owner and shadow; its old slot stays used until drop(). Returns the new
    /// page-table value, or nullopt if no allowed device has room (or on an I/O error, which
    /// is kept in `error`).
    std::optional<std::uint64_t> relocateWritten(ClassicSwapDevice& from, std::uint64_t slot,
                                                 const ClassicSlotState& state, std::uint32_t mask, std::byte* page,
                                                 Error& error, std::uint64_t& written);
    /// Compressed pool bytes and entries of `cgroup`'s subtree.
    std::pair<std::uint64_t, std::uint64_t> subtreeUsage(std::uint16_t cgroup) const;

    const EngineOptions m_options;
    Env* const m_env;
    pool::CompressedPool m_pool;
    std::atomic<bool> m_poolEnabled;

    /// Config index -> device; null once swapped off. Changed only with no operation running.
    std::vector<std::unique_ptr<ClassicSwapDevice>> m_devices;
    std::vector<std::string> m_paths; ///< config index -> path (kept after swapoff for the tier rows)
    /// Config index -> pages read and written by a swapped-off device (its final figures).
    std::vector<std::pair<std::uint64_t, std::uint64_t>> m_removedTraffic;

    mutable std::mutex m_availLock;   ///< swap_avail_lock: guards m_avail and m_tiers
    std::vector<unsigned> m_avail;    ///< devices taking stores, priority order; rotated for round-robin
    TierTable m_tiers = TierTable::defaults(); ///< the tiers a device's priority falls in

    ClassicPolicyTable m_policies;    ///< the cgroup tree (coordinator only)
    std::atomic<std::uint64_t> m_zswapSeq{0}; ///< zswap LRU order: the next store's place

    Events m_events;
};

} // namespace swaptier::sandbox
