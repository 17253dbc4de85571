// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox: simulated processes, cgroups and a reclaimer that drive a swap design with real page
// bytes, so that "what would this tier layout do to this workload?" is answered by running it.
//
// What is simulated and what is real:
//   - simulated: address spaces (page tables whose entries hold a resident frame or a swap
//     entry), fork with copy-on-write, munmap and exit, cgroups with memory.max (and the swap
//     limits, zswap writeback and allowed swap tiers of the kernel's memcg), an LRU
//     reclaimer with active/inactive lists and referenced bits, workingset refault detection;
//   - real: every page that is swapped out is a real 4 KiB page of bytes (zero, text, binary,
//     random, heap or cut from user files, see pagemix.h) handed to the real engine (or to the
//     classic baseline), compressed by the real codec and written to real swapfiles; every page
//     swapped back in is compared byte for byte with what was swapped out.
//
// Resident pages hold no bytes: a page's bytes are a pure function of (content key, write
// version), so they are generated when the page is swapped out and checked when it comes back.
// That keeps a simulated machine of many GiB cheap while the swap path sees real data.
//
// Two designs run the same sandbox (SwapDesign): Virtual (page tables hold virtual slots of the
// swaptier engine) and Classic (page tables hold the physical location; the compressed pool
// reserves a swapfile slot per page; swapoff walks every page table). With the same config and
// seed they see the same access stream, so their figures can be compared.
//
// Determinism: the run proceeds in rounds. In a round every worker thread makes accesses for
// its own processes, charging new resident pages against a budget computed at the last
// barrier; at the barrier the coordinator computes each cgroup's reclaim target, the workers
// evict from their own LRU shards in parallel, and actions (swapoff, priority changes) run.
// So for one config and seed the access, fault, refault and swap-out counts are the same on
// every run and for any machine speed (unless durationMs cuts the run short). Which backend a
// page lands on can vary when a pool limit is hit by parallel stores. In the Virtual design the
// engine enforces memory.swap.max (and memory.zswap.max where writeback cannot make room) at
// store time: when parallel stores race for the last room under such a limit, which of them is
// refused, and so the counts from then on, can vary too. Scheduled maintenance ages entries by
// the real clock, so it changes placement, not the counts.
//
// Thread safety: runSandbox() is called from one thread; it starts and joins its own workers.
// Callbacks (progress, samples, submitted actions and their progress) are called between
// rounds, one at a time and never concurrently, but not always from the calling thread: the
// coordinator step runs on whichever worker thread reaches the round's barrier last
// (std::barrier's completion), so a callback must not assume thread affinity (no GUI calls;
// post to an event loop instead). Live control from another thread: sandboxcontrol.h.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/options.h"
#include "swaptier/pagemix.h"
#include "swaptier/policy.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"
#include "swaptier/tiers.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace swaptier {

inline constexpr std::uint64_t kNoLimit = std::numeric_limits<std::uint64_t>::max();

enum class SwapDesign : std::uint8_t {
    Virtual, ///< page tables hold virtual slots (this engine)
    Classic, ///< page tables hold physical locations (the kernel before the seeds)
};
const char* swapDesignName(SwapDesign design); // "virtual", "classic"

/// One cgroup of the sandbox hierarchy. Index 0 of SandboxConfig::cgroups is always the root.
struct CgroupSpec {
    std::string name;                    ///< unique; the root is "/"
    int parent = -1;                     ///< index of the parent cgroup; -1 only for the root
    std::uint64_t memoryMax = kNoLimit;  ///< memory.max in bytes: resident pages of the subtree
    std::uint64_t swapMax = kNoLimit;    ///< memory.swap.max: swapped pages of the subtree (bytes)
    std::uint64_t zswapMax = kNoLimit;   ///< memory.zswap.max: pool bytes of the subtree
    bool zswapWriteback = true;          ///< memory.zswap.writeback: false keeps pages off devices
    /// Names of the swap tiers (SandboxConfig::tiers) the subtree may swap to; empty = all.
    /// Hierarchical like memory.zswap.writeback: a cgroup may use a tier only if it and every
    /// ancestor allow it. With no tier left its pages stay in the pool or resident.
    std::vector<std::string> allowedTiers;
};

enum class WorkloadKind : std::uint8_t {
    Sequential,  ///< usemem: write every page in order, `passes` times
    Uniform,     ///< uniformly random pages
    Zipfian,     ///< zipfian popularity (zipfTheta) over a random permutation of the pages
    PhaseChange, ///< uniform over a window of the pages that moves `phases` times
    ForkHeavy,   ///< uniform, forking children that share the pages and write some of them
    Trace,       ///< replays a swaptier trace v1 file (trace.h)
};
const char* workloadKindName(WorkloadKind kind); // "sequential", "uniform", ...

struct WorkloadSpec {
    std::string name;
    WorkloadKind kind = WorkloadKind::Uniform;
    int cgroup = 0;                      ///< index into SandboxConfig::cgroups
    unsigned threads = 1;                ///< one process per thread (usemem -n)
    std::uint64_t pages = 0;             ///< pages each process maps (trace: grows as needed)
    std::uint64_t accesses = 0;          ///< accesses per thread; 0 = one pass (Sequential: passes)
    unsigned passes = 1;                 ///< Sequential
    double writeFraction = 0.5;          ///< share of accesses that write (Sequential writes always)
    double zipfTheta = 0.99;             ///< Zipfian skew, 0 < theta, theta != 1
    unsigned phases = 4;                 ///< PhaseChange: number of windows
    double phaseWindow = 0.25;           ///< PhaseChange: window size as a share of the pages
    std::uint64_t forkEvery = 0;         ///< ForkHeavy: accesses between forks (0 = 1024)
    std::uint64_t childAccesses = 0;     ///< ForkHeavy: a child's accesses before exit (0 = forkEvery)
    unsigned maxChildren = 4;            ///< ForkHeavy: children alive at once per thread
    std::string tracePath;               ///< Trace
    std::uint64_t startRound = 0;        ///< Trace/any: round at which the workload starts (0 = at once)
    MixShares mix;                       ///< page contents
    bool hasMix = false;                 ///< false: SandboxConfig::mix
};

/// New values for a cgroup's swap policy (SandboxAction::Kind::SetCgroupPolicy); unset
/// fields keep their value. Limits in bytes, kNoLimit = "max".
struct CgroupPolicyChange {
    std::optional<std::uint64_t> swapMax;
    std::optional<std::uint64_t> zswapMax;
    std::optional<bool> zswapWriteback;
    std::optional<std::vector<std::string>> allowedTiers; ///< empty vector = every tier
};

/// Something done to the swap setup while the workload runs, between rounds.
///
/// Device indices: SandboxConfig::devices first, then the devices AddDevice actions created, in
/// the order they were added; an AddDevice takes the index devices.size() has at the add
/// (ActionFigures::device tells it), a failed one takes none. A planned action
/// (SandboxConfig::actions) names the device of the j-th AddDevice of the list as
/// devices.size() + j, whatever the order the adds ran in, and may do so only if that
/// AddDevice comes before it in the list with an `at` not after its own (so it has run
/// first). If that add failed, the action is reported UnknownDevice (path
/// "actions[i].device") without running, and the run goes on. A submitted action
/// (sandboxcontrol.h) names devices by their index in the run at the time it is submitted.
struct SandboxAction {
    enum class Kind : std::uint8_t {
        Swapoff,
        SetPriority,
        SetPool,
        CompactDevice,   ///< swapfile compaction of `device` (shrinks the file)
        CompactPool,     ///< pool compaction
        Writeback,       ///< write back pool entries of `cgroup`'s subtree now (`writeback`)
        SetCgroupPolicy, ///< change `cgroup`'s limits (`policy`); lowered limits are enforced at once
        Recompress,      ///< recompress idle pool entries of `cgroup`'s subtree (`recompress`)
        SetPromotion,    ///< change the promotion policy (`promotion`)
        /// Create the swapfile `newDevice` (as the run creates its devices: the run removes it
        /// again at swapoff or at the end) and swap it on, named `newDeviceName`.
        AddDevice,
    };
    Kind kind = Kind::Swapoff;
    double at = 1.0;                     ///< progress share in [0, 1]; 1 = after the last access
    int device = 0;                      ///< index into SandboxConfig::devices
    int priority = 0;                    ///< SetPriority
    PoolOptions pool;                    ///< SetPool
    int cgroup = 0;                      ///< index into SandboxConfig::cgroups (Writeback, SetCgroupPolicy, Recompress)
    WritebackOptions writeback;          ///< Writeback (its cgroup field is ignored: `cgroup`)
    CgroupPolicyChange policy;           ///< SetCgroupPolicy
    RecompressOptions recompress;        ///< Recompress (its cgroup field is ignored: `cgroup`)
    PromotionPolicy promotion;           ///< SetPromotion
    DeviceOptions newDevice;             ///< AddDevice (removeFileOnClose is ignored: always removed)
    std::string newDeviceName;           ///< AddDevice: display name (as SandboxConfig::deviceNames; empty = the path)
};

/// What one executed action did, in the design that ran it (for `swaptierctl compare`).
struct ActionFigures {
    SandboxAction::Kind kind = SandboxAction::Kind::Swapoff;
    double at = 0;
    std::uint64_t round = 0;             ///< round after which it ran (SandboxSample::round)
    /// The device the action named (Swapoff, SetPriority, CompactDevice: its index in the run)
    /// or created (AddDevice: the new device's index, -1 if the add failed); -1 for the others.
    int device = -1;
    std::uint64_t pagesMoved = 0;        ///< entries that changed backend (or slot, for compaction)
    std::uint64_t pagesWritten = 0;      ///< 4 KiB device writes the action made
    std::uint64_t writeCalls = 0;        ///< write system calls (batched writeback: one per run)
    std::uint64_t ptesVisited = 0;       ///< page-table entries walked (classic design)
    std::uint64_t bytesReclaimed = 0;    ///< pool bytes or file bytes given back
    std::uint64_t diskReservedBefore = 0, diskReservedAfter = 0; ///< swapfile slots taken, bytes
    std::uint64_t nanos = 0;             ///< wall time (AddDevice: creating the file and swapping it on)
    std::uint64_t cpuNanos = 0;          ///< process CPU time during the action
    /// Compressed pool bytes of each cgroup (this cgroup only, SandboxConfig::cgroups order)
    /// right before and right after the action.
    std::vector<std::uint64_t> poolBytesBefore, poolBytesAfter;
    Error error;                         ///< code Ok if it succeeded
};

struct SandboxConfig {
    std::string name;
    SwapDesign design = SwapDesign::Virtual;
    std::uint64_t seed = 1;
    EngineOptions engine;                ///< pool options, zero-page detection
    std::vector<DeviceOptions> devices;  ///< swapfiles, created by the run
    std::vector<std::string> deviceNames; ///< display names, same order as devices (missing: the path)
    std::vector<TierSpec> tiers;         ///< named priority ranges (tiers.h); empty = one tier "default"
    std::vector<CgroupSpec> cgroups;     ///< [0] is the root; empty: just the root
    std::vector<WorkloadSpec> workloads;
    std::vector<SandboxAction> actions;
    MixShares mix;                       ///< default page contents
    std::vector<std::string> contentFiles; ///< pages cut from these files (Text/Binary classes)
    std::uint64_t durationMs = 0;        ///< wall-clock cap; 0 = until every workload is done
    std::uint64_t sampleIntervalMs = 100; ///< time between samples; 0 = first and last only
    unsigned reclaimBatch = 64;          ///< pages of headroom each worker gets per round
    unsigned roundAccesses = 4096;       ///< most accesses a worker makes per round
    bool verifyPages = true;             ///< compare every swapped-in page with its expected bytes
    PromotionPolicy promotion;           ///< refault promotion (Virtual; the classic design never promotes)
    /// Scheduled maintenance (Engine::maintain) every this many rounds; 0 = none. The sandbox
    /// runs it between rounds, in the Virtual design only: the kernel's classic design has no
    /// scheduled idle writeback or recompression (Writeback and Recompress actions run in both).
    unsigned maintainEveryRounds = 0;
    MaintenancePolicy maintenance;
};

/// Usage of one place at one moment: zero, pool and memory, then every device the run has had
/// (SandboxConfig::devices, then the added ones) by index, swapped-off ones included.
///
/// Traffic (pagesIn, pagesOut): cumulative page counts since the run began, never decreasing,
/// so a client computes pages per second per place from two samples (difference over the
/// difference of elapsedNanos). pagesIn: pages loaded from the place (swap-ins, and moves off
/// it such as writeback out of the pool or swapoff); pagesOut: pages stored into it
/// (swap-outs, and writeback, promotion, swapoff or compaction moves onto it). Per design:
///   - Virtual, zero / pool / memory: EventCounters::loadedFrom / storedTo of the engine (a
///     swap-in counts where its entry is, a swap-cache hit included; a promotion counts once
///     on the way out, as its swap-in);
///   - Classic, zero: swpin_zero / swpout_zero; pool: zswpin + zswpwb / zswpout; memory: 0;
///   - devices, both designs: the device's own page reads / writes (DeviceStats::reads and
///     writes; compaction copies count on both sides), frozen at their last value once the
///     device is swapped off. Their pagesOut add up to DesignFigures::pagesWritten (pswpout),
///     but for a page written by a faster-tier promotion whose entry was freed meanwhile
///     (written, then given back: never in the sandbox, whose entries are freed by their owner).
struct TierUsage {
    /// "zero", "pool", "memory"; for a device its display name (SandboxConfig::deviceNames or
    /// SandboxAction::newDeviceName), else its path.
    std::string name;
    Backend backend = Backend::Zero;
    int device = -1;                     ///< device index in the run (SandboxAction) for Backend::Device
    std::uint64_t entries = 0;
    std::uint64_t originalBytes = 0;
    std::uint64_t storedBytes = 0;       ///< compressed bytes (pool), slots * page (device)
    std::uint64_t capacityBytes = 0;     ///< device size or pool limit; 0 = none
    std::string tier{};                  ///< Backend::Device: the tier holding the device's priority ("" once swapped off, and for other rows)
    std::string path{};                  ///< Backend::Device: the swapfile's path; "" for other rows
    /// Backend::Device: removed by a swapoff (its file deleted). The row stays, with entries,
    /// bytes and capacity 0 and its final traffic, so that device indices hold.
    bool swappedOff = false;
    std::uint64_t pagesIn = 0;           ///< pages loaded from this place (see above)
    std::uint64_t pagesOut = 0;          ///< pages stored into this place (see above)
};

/// Kernel-style counters of the sandbox (memory.stat / vmstat names in the comments).
struct SandboxCounters {
    std::uint64_t accesses = 0;
    std::uint64_t writes = 0;
    std::uint64_t firstTouchFaults = 0;  ///< pgfault on a never-touched page
    std::uint64_t swapInFaults = 0;      ///< pgmajfault: a fault on a swapped page
    std::uint64_t refaults = 0;          ///< workingset_refault_anon: swap-in within the active list's reach
    std::uint64_t refaultActivations = 0;///< workingset_activate_anon
    std::uint64_t swapOuts = 0;          ///< pswpout + zswpout + swpout_zero of the sandbox
    std::uint64_t cowBreaks = 0;         ///< writes that broke a copy-on-write share
    std::uint64_t forks = 0;
    std::uint64_t exits = 0;
    std::uint64_t scanned = 0;           ///< pgscan: pages looked at by the reclaimer
    std::uint64_t activations = 0;       ///< pgactivate
    std::uint64_t deactivations = 0;     ///< pgdeactivate
    std::uint64_t reclaimFailures = 0;   ///< pages the reclaimer could not swap out (every tier full, swap.max)
    std::uint64_t overLimitCharges = 0;  ///< pages charged past memory.max because reclaim could not make room (the kernel would OOM-kill)
    std::uint64_t swapMaxHits = 0;       ///< memory.events swap_max (Virtual: stores the engine refused for memory.swap.max)
    /// Classic: swap-outs placed past the pool because of memory.zswap.max (zero pages
    /// included). Virtual: stores the engine refused for it (its writeback could not make room).
    std::uint64_t zswapMaxHits = 0;
    std::uint64_t verifiedPages = 0;     ///< swap-ins compared byte for byte
};

struct CgroupUsage {
    std::string name;
    std::uint64_t memoryMax = kNoLimit;
    std::uint64_t residentPages = 0;     ///< memory.current / 4 KiB, subtree
    std::uint64_t peakResidentPages = 0;
    std::array<std::uint64_t, kBackendCount> swappedPages{}; ///< by backend, this cgroup only
    /// Backend::Device entries of this cgroup only, by device index in the run (TierUsage::
    /// device; one per row of SandboxSample::tiers with Backend::Device, swapped-off devices
    /// included with 0); sums to swappedPages[Device]. A device's tier is TierUsage::tier.
    std::vector<std::uint64_t> deviceEntries;
    std::uint64_t poolBytes = 0;         ///< compressed bytes in the pool, this cgroup only
    SandboxCounters counters;            ///< this cgroup only
};

/// Figures on which the two designs are compared.
struct DesignFigures {
    std::uint64_t diskReservedBytes = 0;     ///< swapfile slots taken now (classic: incl. pool reservations)
    std::uint64_t peakDiskReservedBytes = 0;
    std::uint64_t metadataBytes = 0;         ///< swap metadata now: descriptors or swap_map, pool tree, rmaps
    std::uint64_t peakMetadataBytes = 0;
    std::uint64_t pagesWritten = 0;          ///< 4 KiB writes to swapfiles
    std::uint64_t pagesRead = 0;             ///< 4 KiB reads from swapfiles
    /// Pages moved from the compressed pool to a swapfile (vmstat zswpwb), cumulative, exact:
    /// by a Writeback action or a lowered memory.zswap.max (both designs), and in the Virtual
    /// design also by the engine's own writeback (maintenance, the shrink of a full pool,
    /// store-time demotion under memory.zswap.max). Unlike pagesWritten it leaves out direct
    /// swap-outs to a device and device-to-device moves (compaction, promotion, swapoff).
    std::uint64_t poolWritebacks = 0;
    std::uint64_t cpuNanos = 0;              ///< process CPU time of the run (all threads)
    std::uint64_t wallNanos = 0;
};

struct SwapoffFigures {
    int device = -1;
    std::uint64_t entries = 0;               ///< entries on the device when swapoff began
    std::uint64_t ptesVisited = 0;           ///< page-table entries the design had to walk
    std::uint64_t mappedPages = 0;           ///< page-table entries of every process at that time
    std::uint64_t nanos = 0;                 ///< wall time of the swapoff
    std::uint64_t cpuNanos = 0;
};

/// A sample: the state of tiers and cgroups at one moment of the run.
struct SandboxSample {
    std::uint64_t elapsedNanos = 0;
    std::uint64_t round = 0;
    double progress = 0;                 ///< share of the planned accesses done, [0, 1]
    SandboxCounters counters;            ///< cumulative
    std::vector<TierUsage> tiers;
    std::vector<CgroupUsage> cgroups;    ///< same order as SandboxConfig::cgroups
    DesignFigures figures;
};

struct WorkloadTotals {
    std::string name;
    std::uint64_t accesses = 0;
    std::uint64_t swapInFaults = 0;
};

struct SandboxReport {
    std::string name;
    SwapDesign design = SwapDesign::Virtual;
    std::uint64_t seed = 0;
    std::uint64_t rounds = 0;
    bool cutShort = false;               ///< durationMs ended the run before every access was made
    bool cancelled = false;
    SandboxCounters counters;
    std::vector<WorkloadTotals> workloads;
    SandboxSample final;                 ///< state after the last access, before teardown
    DesignFigures figures;
    std::vector<SwapoffFigures> swapoffs;
    std::vector<ActionFigures> actions;  ///< every action run (swapoffs too), in order
    std::uint64_t samples = 0;           ///< samples handed to onSample
    std::uint64_t leakedEntries = 0;     ///< entries left in the swap design after every process exited (must be 0)
    EngineStats engine;                  ///< Virtual: engine statistics after the workload (before teardown)
    std::vector<PageClass> mixClasses;   ///< classes the content mix really used
    /// First swap-out the design refused (code Ok if none); the page stayed resident. Refusals
    /// by a cgroup limit (Errc::LimitExceeded, Virtual) are not errors: see the counters.
    Error firstStoreError;
};

class SandboxControl; // sandboxcontrol.h

struct SandboxCallbacks {
    std::function<void(const SandboxSample&)> onSample;          ///< every sampleIntervalMs, first and last
    std::function<void(double progress, const SandboxCounters&)> onProgress; ///< every round (cheap)
    const std::atomic<bool>* cancel = nullptr;                   ///< true: stop after the round (report.cancelled)
    /// Live control (pause, speed, submitted actions); not owned, must outlive the run.
    SandboxControl* control = nullptr;
    /// A submitted action (SandboxControl::submit) ended: ran, failed, was refused as invalid
    /// or cancelled (figures.error says which). Its figures are in the report's actions too,
    /// unless it never ran.
    std::function<void(std::uint64_t id, const ActionFigures&)> onAction;
    /// Progress of a running submitted action (writeback: pages written of the most asked
    /// for, 0 = no bound; device compaction: entries moved of those to move).
    std::function<void(std::uint64_t id, std::uint64_t done, std::uint64_t total)> onActionProgress;
    /// An action of SandboxConfig::actions (the scenario's own plan) ran: its index there and
    /// its figures (error code Ok if it took), so that a client can keep its view of the setup
    /// current.
    std::function<void(std::size_t index, const ActionFigures&)> onPlannedAction;
};

/// Progress and cancellation of one running action.
struct ActionControl {
    const std::atomic<bool>* cancel = nullptr; ///< writeback and device compaction stop when set
    std::function<void(std::uint64_t done, std::uint64_t total)> progress;
};

/// Validates the config (InvalidArgument, with `path` naming the offending field as
/// "workloads[2].pages"), loads the page corpus, creates the devices, runs the workloads to
/// completion (or durationMs, or cancel), tears every process down and returns the report.
/// Errors of the swap design that would lose a page (I/O error on swap-in, corrupt data,
/// byte mismatch) stop the run and are returned; devices are removed on every path.
Result<SandboxReport> runSandbox(const SandboxConfig& config, const SandboxCallbacks& callbacks = {});

/// The validation runSandbox() does first, alone (no file is touched).
Status validateSandboxConfig(const SandboxConfig& config);

/// Whether `action` may run on a sandbox of `config` (device and cgroup indices, values in
/// range, tier names known; `at` is not checked). An AddDevice needs a path that no device
/// of `config` has (swapped-off ones included), a size of whole pages (at least one) and a
/// priority in -1..32767. The error's path names the field ("action.priority",
/// "action.newDevice.path"). The run validates submitted actions against its config as it is
/// then: with the devices added so far.
Status validateSandboxAction(const SandboxConfig& config, const SandboxAction& action);

} // namespace swaptier
