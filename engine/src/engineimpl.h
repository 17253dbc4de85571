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
#include "policy/cgrouptree.h"
#include "pool/compressedpool.h"
#include "stats/statsshards.h"
#include "swapfile/deviceset.h"
#include "swaptier/engine.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace swaptier {

static_assert(stats::StatsShards::kMaxDevices == descriptor::Backing::kMaxDevices
              && swapfile::DeviceSet::kMaxDevices == descriptor::Backing::kMaxDevices);

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

    Result<EnforceReport> setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) override;
    std::vector<CgroupPolicyState> cgroupPolicies() const override;
    Result<WritebackReport> writeback(const WritebackOptions& options) override;
    Result<RecompressReport> recompress(const RecompressOptions& options) override;
    Status setPromotionPolicy(const PromotionPolicy& policy) override;
    PromotionPolicy promotionPolicy() const override;
    Status setMaintenancePolicy(const MaintenancePolicy& policy) override;
    MaintenancePolicy maintenancePolicy() const override;
    Result<MaintenanceReport> maintain() override;

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

    /// Counts one entry of backing word `b` (sign +1 or -1) for `cgroup` in `txn`: its backend,
    /// stored bytes and, on a device, its device index. Every usage change goes through here,
    /// so per-device figures follow every move, device -> device ones included.
    static void countUsage(stats::StatsShards::Txn& txn, std::uint16_t cgroup, std::uint64_t b, int sign) {
        using descriptor::Backing;
        const bool onDevice = Backing::type(b) == descriptor::BackingType::Device;
        txn.usage(cgroup, Backing::backend(b), onDevice ? Backing::deviceIndex(b) : 0, sign, Backing::storedBytes(b));
    }
    /// Frees the entry: counters, swap-cache page, descriptor, cluster bookkeeping.
    /// REQUIRES: lock held, count 0, not busy (or the caller is the busy owner).
    void freeEntryLocked(Locked& l, stats::StatsShards::Txn& txn, Release& rel);
    /// Releases backend space and retired clusters, wakes waiters. Call with no lock held.
    void finish(Release& rel);
    void releaseBacking(std::uint64_t backing);

    /// swapOut() without the pool shrink and LRU cleaning that follow it.
    Result<SlotId> storePage(ConstPage page, CgroupId cgroup, const StoreOptions& options);
    /// Stores a page according to `options` and the policy of `cgroup`; returns the backing
    /// word. A device placement is charged to the cgroup's swap.max first (deviceCharged):
    /// the caller settles it with settleCharges(). With `reserveDevice` false (a device to
    /// device move) nothing is charged: the entry keeps the slot count it had.
    struct Stored {
        std::uint64_t backing = 0;
        std::unique_ptr<std::byte[]> memoryPage;
        bool poolRejected = false;
        bool deviceCharged = false;
    };
    Result<Stored> storeData(const std::byte* page, SlotId slot, std::uint16_t cgroup, const StoreOptions& options,
                             bool reserveDevice = true);
    /// Writes a page to a device allowed for `cgroup` (tiers of its policy and of `mask`),
    /// charging swap.max when `reserve`. LimitExceeded if the policy forbids every device.
    /// `checkTiers` false: a move within one device (swapfile compaction) stays on it whatever
    /// the owner's tiers (policy enforcement is what moves such entries away).
    Result<Stored> storeOnDevice(const std::byte* page, SlotId slot, std::uint16_t cgroup, DeviceId only,
                                 DeviceId exclude, std::uint32_t mask, bool reserve, bool checkTiers = true);

    // --- tier policies (enginepolicy.cpp, enginewriteback.cpp, enginemaintain.cpp) ----------
    /// Moves an entry's charges from `oldBacking` to `newBacking` (either may be Free). A
    /// device slot charged ahead by storeData (deviceCharged) is not charged again.
    void settleCharges(std::uint16_t cgroup, std::uint64_t oldBacking, std::uint64_t newBacking, bool deviceCharged);
    /// Puts a pool entry at the young end of its cgroup's LRU (referenced set, fresh stamp).
    /// REQUIRES: lock held, backing is Pool.
    void lruInsertLocked(Locked& l, std::uint16_t cgroup);
    /// The entry leaves the pool: its record turns stale. REQUIRES: lock held.
    void lruRemoveLocked(Locked& l, std::uint16_t cgroup);
    /// Engine time for LRU records (about 16.8 ms units since creation).
    std::uint32_t lruTime() const;
    static std::uint32_t lruUnits(std::uint64_t nanos) { return std::uint32_t(std::min<std::uint64_t>((nanos + (1u << 24) - 1) >> 24, 0xFFFFFFFFu)); }
    /// The device tier mask of `cgroup`'s policy, with the table generation it is for.
    std::pair<std::uint32_t, std::uint64_t> policyTierMask(std::uint16_t cgroup) const;
    /// Brings the cgroup `level` under its zswap.max by writing back its subtree's oldest
    /// entries (store path). Returns true if it is under its limit afterwards.
    bool demoteForPoolLimit(std::uint16_t level);
    /// Writes back oldest entries (round-robin over cgroups) until the pool accepts stores
    /// again or `maxPages` are written. Clears m_shrinkPending when done.
    WritebackReport shrinkPool(std::uint64_t maxPages);
    /// A writeback pass in batches of one cgroup's LRU records (enginewriteback.cpp): select
    /// (validate, rotate, take, charge), gather (decompress into an aligned buffer), write (in
    /// runs; on the pass's writer thread when pipelined), commit (switch entries to their slots).
    struct WritebackPass;
    struct WritebackBatch;
    class BatchWriter;
    /// Smallest batchPages for which a pass overlaps gathering and writing on two threads.
    static constexpr std::uint32_t kMinPipelinedBatch = 16;
    void selectBatch(WritebackPass& pass, std::uint16_t cgroup, std::vector<policy::LruRecord>& records,
                     WritebackBatch& batch, bool& youngHit);
    void gatherBatch(WritebackPass& pass, WritebackBatch& batch, std::byte* buffer);
    /// Touches only the batch's write results and the devices: safe on the writer thread.
    void writeBatch(WritebackBatch& batch);
    void commitBatch(WritebackPass& pass, WritebackBatch& batch);
    /// Drops stale records of a cgroup's LRU when they outnumber live ones.
    void cleanLru(std::uint16_t cgroup);
    /// Brings `subtree` under its zswap.max (setCgroupPolicy): writeback, then memory.
    void enforcePoolLimit(std::uint16_t subtree, EnforceReport& report);
    /// Device entries of `subtree` that break their owners' policy move off (setCgroupPolicy).
    void enforceDeviceEntries(std::uint16_t subtree, EnforceReport& report);
    /// Reads an entry's data from its backend (not from the swap cache). No lock held; the
    /// caller owns the entry's busy bit.
    Status loadData(std::uint64_t backing, std::byte* out, SlotId slot);
    /// Counts a failed load (I/O error or corruption) in the events of `txn`.
    static void countLoadError(EventCounters& ev, Errc code);

    /// The entry a pool LRU record names: its owner and its stamp (policy/poollru.h).
    struct ExpectPool {
        std::uint16_t cgroup = 0;
        std::uint32_t stamp = 0;
    };
    /// Moves one entry. With `expectDevice` (device index, physical slot) or `expectPool`, a
    /// slot that no longer holds that entry (freed, reused, moved) is MoveOutcome::Gone and
    /// left untouched.
    Result<MoveOutcome> moveEntry(SlotId slot, const MoveTarget& target, Wait wait,
                                  std::optional<std::pair<unsigned, std::uint64_t>> expectDevice,
                                  std::optional<ExpectPool> expectPool = std::nullopt);
    Result<Stored> storeForMove(const std::byte* page, SlotId slot, std::uint16_t cgroup, std::uint64_t oldBacking,
                                const MoveTarget& target);
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

    policy::CgroupTree m_cgroups;             // policies, charges, pool LRUs (leaf locks)
    std::uint64_t m_startNanos = 0;           // Env clock at creation (LRU time origin)
    std::atomic<bool> m_shrinkPending{false}; // the pool refused a store for its limit
    std::atomic<bool> m_shrinking{false};     // one thread shrinks at a time
    std::atomic<std::uint32_t> m_shrinkRetryAt{0}; // lruTime() before which a futile shrink is not retried
    std::atomic<bool> m_promoteDeviceToPool{false};
    std::atomic<bool> m_promoteFasterTier{false};
    std::atomic<std::uint32_t> m_promoteMinLoads{1};
    std::mutex m_maintainRunLock;             // one maintain() at a time; taken before any other lock
    mutable std::mutex m_maintenanceLock;     // maintenance policy and budget; a leaf, never across I/O
    MaintenancePolicy m_maintenance;          // GUARDED_BY(m_maintenanceLock)
    double m_budgetTokens = 0;                // GUARDED_BY(m_maintenanceLock): bytes
    std::uint64_t m_budgetStamp = 0;          // GUARDED_BY(m_maintenanceLock): Env nanos of last refill
    std::atomic<std::size_t> m_shrinkCursor{0};
};

} // namespace swaptier
