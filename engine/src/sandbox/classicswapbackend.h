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
// Errors carry the device index (Error::device), the page-table value (Error::slot), the
// swapfile path and the byte offset. A failed write leaves nothing stored (the slot is
// released); a failed read is returned, never a zero page.
//
// Thread safety: as SwapBackend (swapbackend.h): swapOut, swapIn, duplicate and put from any
// number of threads; everything else with no operation running. Lock order: see the .cpp.
#pragma once

#include "pool/compressedpool.h"
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
    /// order; a device removed by swapoff keeps its row with 0 entries and 0 capacity.
    BackendSnapshot snapshot() const override;
    EngineStats engineStats() const override;

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

    const EngineOptions m_options;
    Env* const m_env;
    pool::CompressedPool m_pool;
    std::atomic<bool> m_poolEnabled;

    /// Config index -> device; null once swapped off. Changed only with no operation running.
    std::vector<std::unique_ptr<ClassicSwapDevice>> m_devices;
    std::vector<std::string> m_paths; ///< config index -> path (kept after swapoff for the tier rows)

    mutable std::mutex m_availLock;   ///< swap_avail_lock: guards m_avail and m_tiers
    std::vector<unsigned> m_avail;    ///< devices taking stores, priority order; rotated for round-robin
    TierTable m_tiers = TierTable::defaults(); ///< the tiers a device's priority falls in

    Events m_events;
};

} // namespace swaptier::sandbox
