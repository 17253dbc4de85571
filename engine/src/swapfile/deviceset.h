// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceSet: the engine's swapfile devices and the order stores try them in.
//
// Devices sit in a table of atomic pointers indexed by a small device index (the index an
// entry's backing word stores; DeviceIds are never reused, indexes are once a device is gone).
// Stores follow swapon(2): the highest priority first, and a higher group is exhausted before
// a lower one is used; inside a group of equal priority devices take turns (round-robin by an
// atomic cursor per group). The order is an immutable snapshot rebuilt on add, remove and
// priority change and published through an atomic pointer; old snapshots and removed devices
// are freed through epoch-based reclamation, so readers take no lock.
//
// Tiers (swaptier/tiers.h) ride on the same snapshot: it holds the tier table and the tier
// index of every priority group and device, rebuilt with the order on add, remove, priority
// change and setTiers. A store reads one snapshot, so it applies its tier mask to one table,
// and skipping a tier costs one bit test per priority group.
//
// A tier mask is computed from tier names against some table; if setTiers() publishes another
// table between that and the store, bit i may name another tier. So every table gets a
// generation (1 for the first, +1 on each setTiers), tierView() hands out a table with its
// generation, and a TierMask that carries a generation is refused with Busy (path "tiers",
// nothing written) by a store that finds another one: the caller recomputes and retries.
// Generation 0 means "any table" (the allowedTiers overload of store()).
//
// Batched writeback: storeRun() places a run of pages on one device (SwapDevice::storeRun:
// contiguous slots, one write), in the same device order as store().
//
// Lock order: m_lock (add/remove/priority/tiers) is taken alone; device locks are taken by the
// devices themselves, never while m_lock is held.
#pragma once

#include "swapfile/swapdevice.h"
#include "swaptier/env.h"
#include "swaptier/tiers.h"

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace swaptier::swapfile {

/// Tiers a store may use (bit i = tier i of the table of generation `generation`; 0: any).
struct TierMask {
    std::uint32_t bits = kAllTiers;
    std::uint64_t generation = 0;
};

class DeviceSet {
public:
    static constexpr unsigned kMaxDevices = 256;
    using TierMask = swapfile::TierMask;

    explicit DeviceSet(Env* env);
    ~DeviceSet();
    DeviceSet(const DeviceSet&) = delete;
    DeviceSet& operator=(const DeviceSet&) = delete;

    Result<DeviceId> add(const DeviceOptions& options);
    /// Unlinks the device, waits until no reader can hold it, then closes (and maybe deletes)
    /// its file. REQUIRES: no entry refers to it any more; not inside an EpochGuard.
    Status remove(DeviceId id, bool removeFile);
    Status setPriority(DeviceId id, int priority);
    /// Publishes `table`; Busy (Error::path = the tier name) if a live device is in a tier
    /// whose name `table` lacks, and then the old table stays.
    Status setTiers(TierTable table);
    TierTable tiers() const;

    /// The device at `index`, or null. REQUIRES: an EpochGuard.
    SwapDevice* byIndex(unsigned index) const { return index < kMaxDevices ? m_table[index].load(std::memory_order_acquire) : nullptr; }
    /// Index of a live device.
    Result<unsigned> indexOf(DeviceId id) const;

    struct Placed {
        unsigned index;
        std::uint64_t slot;
    };
    /// Writes the page to the best device that takes it (see above). `only`: that device only;
    /// `exclude`: never that one; `allowedTiers`: devices of these tiers only (bit i = tier i).
    /// NoDevice if there is no candidate at all (UnknownDevice if `only` names no live
    /// device), DeviceFull if all candidates are full or draining, or the last I/O error if a
    /// write failed on every candidate that had room. REQUIRES: an EpochGuard.
    Result<Placed> store(const std::byte* page, SlotId owner, DeviceId only = {}, DeviceId exclude = {},
                         std::uint32_t allowedTiers = kAllTiers);
    /// As above with a mask bound to a table generation: Busy (Error::path "tiers", nothing
    /// written) if `mask.generation` is not 0 and not the current snapshot's.
    Result<Placed> store(const std::byte* page, SlotId owner, DeviceId only, DeviceId exclude, TierMask mask);

    struct PlacedRun {
        unsigned index;
        std::uint64_t firstSlot;
        std::uint32_t count;
    };
    /// SwapDevice::storeRun() on the first device that takes it, in store()'s order and with its
    /// errors (Busy for a stale mask generation, NoDevice, DeviceFull, the last I/O error;
    /// InvalidArgument for an empty span). `count` may be less than pages.size(): the caller
    /// stores the rest with another call. REQUIRES: an EpochGuard.
    Result<PlacedRun> storeRun(std::span<const SwapDevice::RunPage> pages, DeviceId exclude = {}, TierMask mask = {});

    /// The published tier table and its generation (for TierMask). REQUIRES: an EpochGuard (the
    /// table itself stays valid as long as the shared_ptr is held).
    struct TierView {
        std::shared_ptr<const TierTable> table;
        std::uint64_t generation;
    };
    TierView tierView() const;
    /// Tier index of the device at `index` in the current snapshot. REQUIRES: an EpochGuard
    /// and a live device at `index`. A reader racing with add() may see the device before the
    /// snapshot that lists it (then the answer is stale until that snapshot is published).
    std::size_t tierOfIndex(unsigned index) const;

    /// SwapDevice::trim() on every device.
    void trim();
    struct Stats {
        std::vector<DeviceStats> devices; // by priority then id, each with its tier name
        std::vector<TierStats> tiers;     // the table, highest first, with its devices summed
    };
    Stats stats() const;
    std::size_t size() const;

private:
    struct Order {
        std::shared_ptr<const TierTable> tiers;
        std::uint64_t tierGeneration = 0;                          // of `tiers`, see TierMask
        std::vector<std::vector<unsigned>> groups;                 // by priority, highest first
        std::vector<std::uint8_t> groupTier;                       // tier index of each group
        std::array<std::uint8_t, kMaxDevices> deviceTier{};        // tier index by device index
        std::unique_ptr<std::atomic<std::uint32_t>[]> cursors;     // one per group
    };
    void publishOrderLocked(); // REQUIRES m_lock
    /// Walks the order for one store: `write(index, device)` on each candidate until one
    /// succeeds. REQUIRES: an EpochGuard.
    template <typename T, typename Write>
    Result<T> place(DeviceId only, DeviceId exclude, TierMask mask, Write&& write);

    Env* m_env;
    mutable std::mutex m_lock;
    std::uint32_t m_nextId = 0;             // GUARDED_BY(m_lock)
    std::shared_ptr<const TierTable> m_tiers; // GUARDED_BY(m_lock); readers use m_order
    std::uint64_t m_tierGeneration = 1;       // GUARDED_BY(m_lock) generation of m_tiers
    std::atomic<SwapDevice*> m_table[kMaxDevices];
    std::atomic<Order*> m_order{nullptr};
};

} // namespace swaptier::swapfile
