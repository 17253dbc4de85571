// SPDX-License-Identifier: GPL-3.0-or-later
// SwapBackend: what the sandbox needs from a swap design, so that the same simulated processes,
// cgroups and reclaimer can run on the virtual design (VirtualSwapBackend, the engine) and on the
// classic one (ClassicSwapBackend) and be compared.
//
// A swapped page-table entry holds a 62-bit value whose meaning belongs to the design: a
// virtual slot id (virtual) or a (device, physical offset) pair (classic). The sandbox never
// looks inside it.
//
// Swapoff is where the designs differ most: the virtual design moves a device's entries by its
// reverse map and never touches a page table; the classic design must walk every page table of
// every process to find the entries that point at the device and fault each one in. The
// sandbox hands swapoff() a PageTableWalker so the classic design can do exactly that walk.
//
// Tiers: both designs run the same tier policy (swaptier/tiers.h). A device is in the tier whose
// priority range holds its priority; StoreOptions::allowedTiers (a mask over the table's
// indexes, highest priorities first) limits the devices a store may use. The engine has tiers
// of its own; the classic design, which the kernel never gave tiers, applies the same table to
// its own device choice so that the comparison runs the same policy.
//
// Tier policies and actions (issue #4): the virtual design hands the cgroup tree to the engine,
// which enforces memory.swap.max, memory.zswap.max, memory.zswap.writeback and the allowed tiers
// at store time; the classic design records it, and the sandbox enforces the limits around its
// swap path as the kernel's memcg does. The actions (writeback, compaction, recompression,
// policy changes) are where the designs pay differently: in the classic design a page's
// location IS its page-table value, so relocating a written page means walking every page
// table (walkAndRewrite), while zswap writeback into the slot the page reserved at swap-out
// needs no walk, and no new disk space either. Each action returns the work columns of its
// ActionFigures (pagesMoved, pagesWritten, writeCalls, ptesVisited, bytesReclaimed, error);
// the sandbox adds kind, round, times and the disk and pool figures. An action that fails
// leaves every page readable wherever it is; only a walker error (a page that could not be
// faulted in) loses data, and the walker has recorded it in the worker already.
//
// Thread safety: swapOut, swapIn, duplicate and put may run concurrently from the sandbox's
// worker threads. Everything else (swapoff, the actions, setDevicePriority, setPoolOptions,
// setTiers, setCgroupPolicy, addDevice, maintain, snapshot) is called by the coordinator while
// no worker runs.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/sandbox.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace swaptier::sandbox {

/// Largest value a swapped page-table entry can hold.
inline constexpr std::uint64_t kMaxSwapEntryValue = (std::uint64_t{1} << 62) - 1;

/// Lets a design walk every page-table entry of every live process (classic swapoff).
class PageTableWalker {
public:
    virtual ~PageTableWalker() = default;
    /// Visits every page-table entry of every live process, in order. For each swapped entry
    /// calls `match(value)`; when it returns true the page is faulted in (the design's swapIn
    /// and put are called, the page becomes resident and charged to its cgroup) and the entry
    /// now maps the resident page. Returns the number of entries visited (all of them,
    /// resident, swapped and empty), or the first error of a fault-in.
    virtual Result<std::uint64_t> walkAndFaultIn(const std::function<bool(std::uint64_t value)>& match) = 0;
    /// Visits every page-table entry of every live process, in order; for each swapped entry
    /// calls `rewrite(value)` and, when it returns a value, stores that value in the entry
    /// instead (the page stays swapped: the design moved it). Returns the entries visited.
    virtual Result<std::uint64_t> walkAndRewrite(
        const std::function<std::optional<std::uint64_t>(std::uint64_t value)>& rewrite) = 0;
    /// Page-table entries of every live process right now.
    virtual std::uint64_t mappedPages() const = 0;
};

/// The state of a design at one moment.
struct BackendSnapshot {
    /// zero, pool, memory, then every device added so far by index (with its tier, path and
    /// traffic, see TierUsage; swapped-off ones marked, with their final traffic). Names are
    /// the paths: the sandbox puts the display names in.
    std::vector<TierUsage> tiers;
    std::vector<std::array<std::uint64_t, kBackendCount>> cgroupEntries; ///< indexed by CgroupId value
    /// Backend::Device entries indexed by CgroupId value, then by device index (TierUsage::
    /// device; an index past the end holds 0); each sums to cgroupEntries[g][Device].
    std::vector<std::vector<std::uint64_t>> cgroupDeviceEntries;
    std::vector<std::uint64_t> cgroupPoolBytes;                    ///< compressed bytes, indexed by CgroupId value
    std::uint64_t metadataBytes = 0;                               ///< see DesignFigures
    std::uint64_t diskReservedBytes = 0;
    std::uint64_t pagesWritten = 0;
    std::uint64_t pagesRead = 0;
    std::uint64_t poolWritebacks = 0;                              ///< see DesignFigures (zswpwb)
    std::uint64_t liveEntries = 0;
};

class SwapBackend {
public:
    virtual ~SwapBackend() = default;

    /// Replaces the tier table (TierTable::defaults() until called). InvalidArgument as
    /// TierTable::make; Busy (Error::path = the tier name) if a live device's tier name is not
    /// in the new table, which is why the sandbox calls it at setup BEFORE adding the devices
    /// (they would all be in the default table's tier "default" otherwise).
    virtual Status setTiers(const std::vector<TierSpec>& tiers) = 0;
    /// Adds a device; its index is deviceCount() before the call. The sandbox adds the config's
    /// devices at setup (device index i = devices[i]) and AddDevice ones between rounds. On
    /// failure nothing is added: no index taken, no file left behind.
    virtual Status addDevice(const DeviceOptions& options) = 0;
    /// Devices added so far, swapped-off ones included.
    virtual std::size_t deviceCount() const = 0;
    /// Stores a page for `cgroup`; options.device is ignored, options.placement,
    /// options.shadow and options.allowedTiers are honoured. Returns the page-table value
    /// (<= kMaxSwapEntryValue).
    virtual Result<std::uint64_t> swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) = 0;
    /// Reads the page of a swapped entry. The reference stays (put() drops it).
    virtual Result<LoadInfo> swapIn(std::uint64_t value, MutablePage out) = 0;
    virtual Status duplicate(std::uint64_t value) = 0;
    virtual Status put(std::uint64_t value) = 0;
    /// Empties device `device` (config index) and removes it. The figures' ptesVisited is 0 for
    /// a design that needs no page-table walk.
    virtual Result<SwapoffFigures> swapoff(int device, PageTableWalker& walker) = 0;
    virtual Status setDevicePriority(int device, int priority) = 0;
    virtual Status setPoolOptions(const PoolOptions& options) = 0;
    virtual BackendSnapshot snapshot() const = 0;
    /// Engine statistics (virtual design); the classic design fills pool and devices only.
    virtual EngineStats engineStats() const = 0;

    // --- tier policies and actions (see the top of this file) ------------------------------
    /// A cgroup's policy at setup, parents first. Virtual: Engine::setCgroupPolicy, enforced
    /// by the engine from then on. Classic: recorded (the tree, and the limits the actions
    /// enforce). InvalidArgument for an unknown parent.
    virtual Status setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) = 0;
    /// SandboxAction::SetCgroupPolicy: the cgroup's new policy; lowered limits, writeback
    /// turned off and narrowed tiers are enforced before it returns.
    virtual ActionFigures changeCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy, PageTableWalker& walker) = 0;
    /// Writes pool entries of options.cgroup's subtree back to devices, oldest first.
    virtual ActionFigures writeback(const WritebackOptions& options) = 0;
    /// Stores idle pool entries of options.cgroup's subtree again with a stronger codec.
    virtual ActionFigures recompress(const RecompressOptions& options) = 0;
    /// Packs device `device` (config index) into its lowest slots and shrinks its file.
    virtual ActionFigures compactDevice(int device, PageTableWalker& walker, const ActionControl& control) = 0;
    /// Repacks the pool's size classes and gives partly used zspages back.
    virtual ActionFigures compactPool() = 0;
    virtual Status setPromotionPolicy(const PromotionPolicy& policy) = 0;
    virtual Status setMaintenancePolicy(const MaintenancePolicy& policy) = 0;
    /// One scheduled maintenance pass (Engine::maintain).
    virtual Status maintain() = 0;
};

/// The swaptier engine behind the interface.
Result<std::unique_ptr<SwapBackend>> makeVirtualSwapBackend(const EngineOptions& options);
/// The classic design (classicswapbackend.cpp).
Result<std::unique_ptr<SwapBackend>> makeClassicSwapBackend(const EngineOptions& options);

} // namespace swaptier::sandbox
