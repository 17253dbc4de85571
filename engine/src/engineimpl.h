// SPDX-License-Identifier: GPL-3.0-or-later
// EngineImpl: the Engine interface over the slot table, the compressed pool, the devices and
// the statistics shards. engine.cpp holds the entry operations (swap out/in, duplicate, put),
// enginemove.cpp the moves and swapoff, enginecompact.cpp swapfile compaction,
// enginepoolcompact.cpp pool compaction, enginetiers.cpp the tier table.
//
// Entry protocol (every operation on an entry):
//   1. EpochGuard, find the cluster (lock-free), take the cluster lock, validate the entry.
//   2. Short work (descriptor edits, counters, swap-cache copies) happens under the lock.
//   3. Long work (decompression, device I/O, compression) happens with the lock dropped and
//      the entry's busy bit set: loads wait for it (std::atomic::wait on the meta word), moves
//      report Busy or wait, a put of the last reference only sets the count to 0 and the busy
//      owner frees the entry when it finishes.
//   4. Backend space freed by an operation is released after the cluster lock is dropped
//      (pool and device locks are never taken under a cluster lock).
// Lock order: cluster -> slot-table -> statistics shard. Pool class locks and device locks are
// leaves taken with no cluster lock held. Counter changes of an operation are recorded in one
// shard transaction, inside the cluster lock, before the result is visible to other threads.
#pragma once

#include "descriptor/slottable.h"
#include "pool/compressedpool.h"
#include "stats/statsshards.h"
#include "swapfile/deviceset.h"
#include "swaptier/engine.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace swaptier {

class EngineImpl final : public Engine {
public:
    explicit EngineImpl(const EngineOptions& options);
    ~EngineImpl() override;

    Result<DeviceId> addDevice(const DeviceOptions& options) override;
    Result<SwapoffReport> swapoff(DeviceId device, const SwapoffOptions& options) override;
    Status setDevicePriority(DeviceId device, int priority) override;
    Result<FragmentationStats> deviceFragmentation(DeviceId device) const override;
    Result<DeviceCompactReport> compactDevice(DeviceId device, const CompactOptions& options) override;

    Status setTiers(std::vector<TierSpec> tiers) override;
    std::vector<TierSpec> tiers() const override;

    Result<SlotId> swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) override;
    Result<LoadInfo> swapIn(SlotId slot, MutablePage out, const LoadOptions& options) override;
    Status duplicate(SlotId slot) override;
    Status put(SlotId slot) override;
    Status dropCached(SlotId slot) override;
    Result<EntryInfo> lookup(SlotId slot) const override;

    Result<MoveOutcome> move(SlotId slot, const MoveTarget& target) override;
    BatchMoveResult moveBatch(std::span<const SlotId> slots, const MoveTarget& target) override;
    Result<PoolCompactReport> compactPool(const std::atomic<bool>* cancel) override;

    Status setPoolOptions(const PoolOptions& options) override;
    EngineStats stats() const override;
    void trim() override;

private:
    using Cluster = descriptor::Cluster;

    /// An entry whose cluster lock is held.
    struct Locked {
        Cluster* cluster = nullptr;
        std::uint32_t offset = 0;
        std::unique_lock<std::mutex> lock;

        std::uint64_t backing() const { return cluster->backing[offset]; }
        std::uint32_t meta() const { return cluster->meta[offset].load(std::memory_order_relaxed); }
        void setMeta(std::uint32_t m) { cluster->meta[offset].store(m, std::memory_order_release); }
        std::uint16_t cgroup() const { return cluster->cgroup[offset]; }
    };

    /// What an operation must release once the cluster lock is dropped.
    struct Release {
        std::uint64_t backing = 0;              // backend space (pool object, device slot)
        std::unique_ptr<std::byte[]> page;      // swap-cache page
        Cluster* retiredCluster = nullptr;      // cluster released by the free
        Cluster* notify = nullptr;              // wake waiters on this entry's meta word
        std::uint32_t notifyOffset = 0;
    };

    enum class Wait : std::uint8_t { ReportBusy, Sleep };

    /// Finds and locks the entry: UnknownSlot, or FreedSlot if free (or its count already
    /// dropped to zero while a busy owner finishes). REQUIRES: an EpochGuard.
    Result<Locked> lockEntry(SlotId slot) const;
    /// Sleeps until the entry's busy bit changes, then relocks and revalidates (FreedSlot).
    Status waitWhileBusy(Locked& l, SlotId slot) const;
    /// Clears the busy bit; remembers whether waiters must be woken. REQUIRES: lock held.
    static void clearBusyLocked(Locked& l, Release& rel);

    std::uint32_t countLocked(const Locked& l) const;
    Status incrementCountLocked(Locked& l);
    void decrementCountLocked(Locked& l);

    /// Frees the entry: counters, swap-cache page, descriptor, cluster bookkeeping.
    /// REQUIRES: lock held, count 0, not busy (or the caller is the busy owner).
    void freeEntryLocked(Locked& l, stats::StatsShards::Txn& txn, Release& rel);
    /// Releases backend space and retired clusters, wakes waiters. Call with no lock held.
    void finish(Release& rel);
    void releaseBacking(std::uint64_t backing);

    /// Stores a page according to `options`; returns the backing word.
    struct Stored {
        std::uint64_t backing = 0;
        std::unique_ptr<std::byte[]> memoryPage;
        bool poolRejected = false;
    };
    Result<Stored> storeData(const std::byte* page, SlotId slot, const StoreOptions& options);
    /// Reads an entry's data from its backend (not from the swap cache). No lock held; the
    /// caller owns the entry's busy bit.
    Status loadData(std::uint64_t backing, std::byte* out, SlotId slot);
    /// Counts a failed load (I/O error or corruption) in the events of `txn`.
    static void countLoadError(EventCounters& ev, Errc code);

    Result<MoveOutcome> moveEntry(SlotId slot, const MoveTarget& target, Wait wait,
                                  std::optional<std::pair<unsigned, std::uint64_t>> expectDevice);
    Result<Stored> storeForMove(const std::byte* page, SlotId slot, const MoveTarget& target);
    bool onTarget(std::uint64_t backing, const MoveTarget& target) const;
    /// A live device and its index (UnknownDevice if none). The pointer stays valid while the
    /// caller holds m_swapoffLock (only swapoff removes devices) or an EpochGuard.
    struct HeldDevice {
        unsigned index = 0;
        swapfile::SwapDevice* device = nullptr;
    };
    Result<HeldDevice> holdDevice(DeviceId device) const;

    /// Pool compaction of one entry (enginepoolcompact.cpp): migrates its object out of an
    /// isolated zspage if its backing still is `expected`.
    enum class CompactOutcome : std::uint8_t { Moved, Busy, Gone, NoRoom };
    CompactOutcome compactEntry(SlotId slot, std::uint64_t expected);

    EngineOptions m_options;
    Env* m_env;
    descriptor::SlotTable m_slots;
    pool::CompressedPool m_pool;
    std::atomic<bool> m_poolEnabled;
    swapfile::DeviceSet m_devices;
    stats::StatsShards m_stats;
    std::mutex m_configLock;  // serialises setPoolOptions
    std::mutex m_poolCompactLock; // one pool compaction at a time; taken before any other lock
    std::mutex m_swapoffLock; // one swapoff or device compaction at a time; taken before any other lock
};

} // namespace swaptier
