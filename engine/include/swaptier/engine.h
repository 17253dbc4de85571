// SPDX-License-Identifier: GPL-3.0-or-later
// Engine: the user-space virtual swap space.
//
// A swapped-out page gets a virtual slot (SlotId) that a page-table entry stores. A per-entry
// descriptor says where the data lives now (zero page, compressed pool object, swapfile slot,
// page in memory), how many page tables refer to it (swap count), its swap-cache state and the
// owning cgroup. Moving an entry between backends (writeback, promotion, swapoff, compaction)
// changes only the descriptor: the slot id, and so every page table, stays as it is.
//
// Thread safety: every method may be called from any number of threads at once. Operations on
// one entry are linearizable. Long operations (I/O, (de)compression) hold no lock; they hold
// the entry's busy bit, which makes other operations on that entry wait (loads, puts of the
// last reference are deferred) or report Busy (moves). See engine/DESIGN.md for the lock order.
//
// Ownership: the engine owns its pool memory and its devices' files (closed on destruction,
// deleted if DeviceOptions::removeFileOnClose).
#pragma once

#include "swaptier/ids.h"
#include "swaptier/options.h"
#include "swaptier/policy.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"
#include "swaptier/tiers.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace swaptier {

using ConstPage = std::span<const std::byte, kPageSize>;
using MutablePage = std::span<std::byte, kPageSize>;

/// Width of the refault shadow value an entry can keep (see Descriptor layout).
inline constexpr unsigned kShadowBits = 18;

enum class CacheState : std::uint8_t {
    None = 0,   ///< no page in the swap cache, no shadow
    Page = 1,   ///< a copy of the page is in the swap cache
    Shadow = 2, ///< a refault shadow value is kept
};

/// What lookup() reports about one entry.
struct EntryInfo {
    SlotId slot;
    Backend backend = Backend::Zero;
    DeviceId device;                          ///< Backend::Device
    std::uint64_t physicalSlot = 0;           ///< Backend::Device
    Codec codec = Codec::Raw;                 ///< Backend::Pool
    std::uint32_t storedBytes = 0;            ///< bytes the backend holds for this entry
    std::uint32_t swapCount = 0;              ///< page-table references
    CgroupId cgroup;
    CacheState cache = CacheState::None;
    std::uint32_t shadow = 0;                 ///< with CacheState::Shadow
    bool busy = false;                        ///< an operation holds the entry right now
};

/// What swapIn() reports besides the bytes.
struct LoadInfo {
    Backend from = Backend::Zero;             ///< backend the bytes came from
    bool cacheHit = false;                    ///< served from the swap cache
    bool hadShadow = false;
    std::uint32_t shadow = 0;                 ///< the shadow kept at swap-out, for refault distance
};

/// What a move did to one entry.
enum class MoveOutcome : std::uint8_t {
    Moved,         ///< the entry's data now lives on the target
    AlreadyThere,  ///< the entry already was on the target: nothing done
    Gone,          ///< the entry was freed (or no longer matched the expected source) meanwhile
    ZeroPage,      ///< zero entries need no storage and are never moved
};

struct BatchMoveResult {
    std::uint64_t moved = 0;
    std::uint64_t skipped = 0;                ///< AlreadyThere, Gone, ZeroPage
    std::uint64_t busy = 0;                   ///< entries another thread held; not moved
    std::uint64_t failed = 0;
    Error firstError;                         ///< code Ok when failed == 0
};

struct SwapoffReport {
    std::uint64_t entries = 0;                ///< entries on the device when swapoff began
    std::uint64_t toDevices = 0;              ///< moved to other devices
    std::uint64_t toMemory = 0;               ///< moved into memory
    std::uint64_t vanished = 0;               ///< freed by their owners while swapoff ran
    std::uint64_t nanos = 0;                  ///< wall time
    /// The device's statistics right before its removal (tier left empty): its reads and
    /// writes, the moves off it included, leave EngineStats::devices with it.
    DeviceStats device;
};

class Engine {
public:
    static Result<std::unique_ptr<Engine>> create(const EngineOptions& options = {});
    virtual ~Engine() = default;

    // --- devices -------------------------------------------------------------------------
    /// Creates (or takes over an earlier swaptier swapfile at) options.path and adds it.
    virtual Result<DeviceId> addDevice(const DeviceOptions& options) = 0;
    /// Moves every entry off the device (no page-table scan: the device's reverse map names
    /// the virtual slots), then removes it. On failure or cancel the device stays, draining
    /// ended, and every entry is intact wherever it is.
    virtual Result<SwapoffReport> swapoff(DeviceId device, const SwapoffOptions& options = {}) = 0;
    /// Changes a device's priority at runtime (and so, maybe, its tier).
    virtual Status setDevicePriority(DeviceId device, int priority) = 0;
    /// Free extents, largest free run, highest used slot and file size of a device.
    /// UnknownDevice if `device` names no live device.
    virtual Result<FragmentationStats> deviceFragmentation(DeviceId device) const = 0;
    /// Swapfile compaction: relocates the device's entries into its lowest slots (same device,
    /// same slot ids; concurrent swap-in, put and stores continue), then, with
    /// options.shrinkFile, cuts the device and its file down to the used slots rounded up to
    /// whole clusters. One compaction or swapoff at a time. On failure or cancel every entry is
    /// intact and the device takes stores in all its slots again. See engine/DESIGN.md.
    virtual Result<DeviceCompactReport> compactDevice(DeviceId device, const CompactOptions& options = {}) = 0;

    // --- tiers ---------------------------------------------------------------------------
    /// Replaces the tier table atomically (see swaptier/tiers.h): a store sees the old table
    /// or the new one, never a mix. InvalidArgument (Error::path names the field, as
    /// TierTable::make) for an invalid table; Busy (Error::path = the tier name) if the new
    /// table has no tier of a name that holds a live device now: swap it off first. Devices
    /// keep their priorities and land in the tier whose range holds them.
    virtual Status setTiers(std::vector<TierSpec> tiers) = 0;
    /// The current table, highest priorities first (TierTable::defaults() until setTiers()).
    virtual std::vector<TierSpec> tiers() const = 0;

    // --- entries -------------------------------------------------------------------------
    /// Stores a page for cgroup `cgroup` and returns its slot, with swap count 1.
    /// On failure nothing is stored: the caller still owns the only copy of the page.
    virtual Result<SlotId> swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options = {}) = 0;
    /// Copies the entry's page into `out`. The reference count is unchanged (put() drops it).
    virtual Result<LoadInfo> swapIn(SlotId slot, MutablePage out, const LoadOptions& options = {}) = 0;
    /// Takes one more page-table reference (as fork does).
    virtual Status duplicate(SlotId slot) = 0;
    /// Drops one reference; at zero the entry is freed and its backend space released at once.
    virtual Status put(SlotId slot) = 0;
    /// Drops the swap-cache copy of an entry (not for Memory-backed entries: InvalidArgument).
    virtual Status dropCached(SlotId slot) = 0;
    virtual Result<EntryInfo> lookup(SlotId slot) const = 0;

    // --- moves ---------------------------------------------------------------------------
    /// Moves one entry to `target` without changing its slot. Safe against concurrent swap-in
    /// and put. Busy if another thread holds the entry. On failure the entry is unchanged.
    virtual Result<MoveOutcome> move(SlotId slot, const MoveTarget& target) = 0;
    virtual BatchMoveResult moveBatch(std::span<const SlotId> slots, const MoveTarget& target) = 0;
    /// Pool compaction: migrates the objects of the sparsest zspages of each size class into
    /// the free objects of fuller ones (same bytes, no recompression; the entries' handles
    /// change, their slots do not) and gives the emptied zspages back. Safe against concurrent
    /// swap-in, put, store and moves; entries held by other threads are skipped and counted.
    /// One pool compaction at a time (a second call waits). Cancelled if *cancel becomes true:
    /// every entry stays readable wherever it is. See engine/DESIGN.md, "Pool compaction".
    virtual Result<PoolCompactReport> compactPool(const std::atomic<bool>* cancel = nullptr) = 0;

    // --- tier policies (swaptier/policy.h, engine/DESIGN.md "Tier policies") -------------
    /// Creates or changes a cgroup's policy. InvalidArgument (Error::path = the field) for a
    /// bad policy, an unknown parent, a parent change or a tree deeper than kMaxCgroupDepth.
    /// Lowered limits, writeback turned off and narrowed tiers are enforced before it
    /// returns: the subtree's excess pool entries are written back (oldest first) or, with
    /// writeback off, brought into memory; device entries over swap.max, of owners with
    /// writeback off or on tiers they may no longer use move to an allowed device, the pool
    /// or memory. The report says what moved and whether the subtree is within its limits.
    virtual Result<EnforceReport> setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) = 0;
    /// Every cgroup with a policy or charged usage, by id.
    virtual std::vector<CgroupPolicyState> cgroupPolicies() const = 0;
    /// Writes pool entries of a subtree back to devices, oldest first, in contiguous runs of
    /// options.batchPages slots written with one I/O each. Safe against concurrent swap-in,
    /// put, stores and moves; an entry is never lost or duplicated. Entries whose owners may
    /// not reach a device (writeback off, no tier, swap.max) stay in the pool. A write error
    /// leaves the batch's entries in the pool and ends the pass (firstError).
    virtual Result<WritebackReport> writeback(const WritebackOptions& options) = 0;
    /// Stores idle pool entries of a subtree again with a stronger codec when that makes
    /// them smaller (same slot, same LRU place; an entry is recompressed once).
    virtual Result<RecompressReport> recompress(const RecompressOptions& options) = 0;
    virtual Status setPromotionPolicy(const PromotionPolicy& policy) = 0;
    virtual PromotionPolicy promotionPolicy() const = 0;
    virtual Status setMaintenancePolicy(const MaintenancePolicy& policy) = 0;
    virtual MaintenancePolicy maintenancePolicy() const = 0;
    /// One maintenance pass, for a timer (the desktop app, swaptierctl, a systemd timer):
    /// brings a full pool back under its accept threshold, writes back entries idle longer
    /// than the policy's age within the write budget (a token bucket refilled by the Env
    /// clock, at most one hour's worth), then recompresses idle entries.
    virtual Result<MaintenanceReport> maintain() = 0;

    // --- configuration and statistics ----------------------------------------------------
    /// Changes the pool's codec, level or limit at runtime; stored objects keep their codec.
    virtual Status setPoolOptions(const PoolOptions& options) = 0;
    virtual EngineStats stats() const = 0;
    /// Releases the per-thread allocation clusters of the slot table and of every device:
    /// empty ones are freed (device clusters discarded), so an engine holding no entry holds
    /// no descriptor memory and no swapfile blocks beyond the headers.
    virtual void trim() = 0;
};

} // namespace swaptier
