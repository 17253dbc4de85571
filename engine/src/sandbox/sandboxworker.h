// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxWorker: one workload thread of the sandbox with everything it owns: its processes
// (page tables), its resident frames, and its shard of its cgroup's LRU lists.
//
// Why a worker owns all of that: during a round a worker touches only its own state, so the
// access phase takes no lock at all and its outcome does not depend on the other threads; the
// coordinator (SandboxRun) reads and adjusts workers only at barriers, while they wait. Forked
// children belong to the worker of their parent, so page sharing never crosses workers.
//
// Page-table entry (one uint64_t per mapped page):
//   bit 63     resident: bits 0..31 are the index of a Frame in this worker
//   bit 62     swapped: bits 0..61 are the swap design's value (SwapBackend)
//   0          never touched (or unmapped)
// Next to each entry a 32-bit write version: the page's bytes are fillPageContent(index,
// version) (pagecontent.h), so resident frames need no bytes.
//
// Frames and LRU: a Frame is 24 bytes; the active and inactive lists are intrusive doubly
// linked lists through the frames. An access sets the frame's referenced bit (no list
// operation, as mark_page_accessed on a mapped page); the reclaimer moves pages between lists:
// a referenced inactive page is activated, an unreferenced one is evicted, the active list is
// aged into the inactive one while it is the larger. A frame mapped by several processes after
// fork (copy-on-write) keeps its other mappers in a side table; evicting it stores one entry
// and gives every mapper a reference (swap count = mapcount).
//
// Refaults: evictions and activations advance the shard's nonresident age; the age is kept with
// the swapped entry as its shadow, and a swap-in whose distance (age now - shadow) is within the
// active list's size is a workingset refault that goes straight to the active list.
//
// Thread safety: the round methods run on the worker's thread; the coordinator methods run on
// the coordinator while the worker waits at a barrier. Nothing is synchronised inside.
#pragma once

#include "sandbox/accessgenerator.h"
#include "sandbox/swapbackend.h"

#include "swaptier/sandbox.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace swaptier::sandbox {

struct WorkerSetup {
    int workload = 0;                    ///< index into SandboxConfig::workloads
    unsigned thread = 0;                 ///< thread number within the workload
    int cgroup = 0;                      ///< index into SandboxConfig::cgroups (= CgroupId value)
    const WorkloadSpec* spec = nullptr;
    const PageMix* mix = nullptr;
    std::uint64_t threadSeed = 0;
    std::uint64_t contentBase = 0;       ///< PageMix index of the process's page 0
    std::shared_ptr<const LoadedTrace> trace;
    bool verifyPages = true;
};

class SandboxWorker {
public:
    SandboxWorker(const WorkerSetup& setup, SwapBackend& backend);
    ~SandboxWorker();
    SandboxWorker(const SandboxWorker&) = delete;
    SandboxWorker& operator=(const SandboxWorker&) = delete;

    // --- on the worker's thread ----------------------------------------------------------
    /// Makes up to `maxAccesses` accesses, charging at most budget() new resident pages.
    void accessPhase(std::uint64_t maxAccesses);
    /// Evicts up to quota() pages from the worker's LRU shard.
    void reclaimPhase();
    /// Exits every process (releases frames and swap entries).
    void exitAll();

    // --- on the coordinator, while the worker waits --------------------------------------
    void setBudget(std::uint64_t pages) { m_budget = pages; }
    void setQuota(std::uint64_t pages) { m_quota = pages; }
    /// zswapCapped: the placement is DeviceOnly because of memory.zswap.max (counted per page).
    void setPlacement(Placement placement, bool swapAllowed, bool zswapCapped) {
        m_placement = placement;
        m_swapAllowed = swapAllowed;
        m_zswapCapped = zswapCapped;
    }
    void setSwapAllowance(std::uint64_t pages) { m_swapAllowance = pages; }
    /// The device tiers the cgroup may use (StoreOptions::allowedTiers of every swap-out).
    void setAllowedTiers(std::uint32_t mask) { m_allowedTiers = mask; }

    std::uint64_t residentPages() const { return m_resident; }
    std::uint64_t activePages() const { return m_active.count; }
    std::uint64_t budget() const { return m_budget; }
    /// The generator is exhausted (children may still be alive until exitAll()).
    bool done() const { return m_done; }
    std::uint64_t accessesDone() const { return m_counters.accesses; }
    std::uint64_t plannedAccesses() const { return m_planned; }
    /// Pages the last reclaimPhase() could not evict although its quota asked for them.
    std::uint64_t lastReclaimShortfall() const { return m_lastShortfall; }
    int cgroup() const { return m_setup.cgroup; }
    int workload() const { return m_setup.workload; }
    const SandboxCounters& counters() const { return m_counters; }
    SandboxCounters& counters() { return m_counters; }
    /// A fatal error (a page could not be swapped in, or came back wrong); code Ok if none.
    const Error& error() const { return m_error; }
    const Error& firstStoreError() const { return m_firstStoreError; }
    /// Page-table entries of the live processes.
    std::uint64_t mappedPages() const;
    /// The classic design's swapoff walk over this worker's processes (see PageTableWalker).
    Result<std::uint64_t> walkAndFaultIn(const std::function<bool(std::uint64_t)>& match);
    /// The classic design's relocation walk (see PageTableWalker); cannot fail.
    std::uint64_t walkAndRewrite(const std::function<std::optional<std::uint64_t>(std::uint64_t)>& rewrite);

    static constexpr std::uint64_t kResidentBit = std::uint64_t{1} << 63;
    static constexpr std::uint64_t kSwappedBit = std::uint64_t{1} << 62;
    static constexpr std::uint64_t kValueMask = kSwappedBit - 1;

private:
    static constexpr std::uint32_t kNil = ~std::uint32_t{0};

    struct Process {
        bool alive = true;
        std::uint64_t contentBase = 0;
        std::vector<std::uint64_t> pte;
        std::vector<std::uint32_t> version;
        std::uint64_t remaining = 0;     ///< children: accesses left before exit
    };

    /// A resident page. 24 bytes.
    struct Frame {
        std::uint32_t prev = kNil;       ///< LRU neighbours (frame indices)
        std::uint32_t next = kNil;
        std::uint32_t process = 0;       ///< first mapper (other mappers: m_sharers)
        std::uint32_t page = 0;          ///< page index in every mapper's page table (fork keeps layout)
        std::uint16_t mapcount = 0;      ///< page tables mapping the frame; 0 = frame free
        std::uint8_t referenced = 0;     ///< accessed since the reclaimer last looked
        std::uint8_t list = 0;           ///< 0 inactive, 1 active, 2 not on a list (free)
        std::uint32_t reserved = 0;
    };

    struct LruList {
        std::uint32_t head = kNil;       ///< most recently added
        std::uint32_t tail = kNil;       ///< next to scan
        std::uint64_t count = 0;
    };

    bool nextAccess();
    bool needsFrame(const Process& p, std::uint64_t page, bool write) const;
    bool access(std::uint32_t pid, std::uint64_t page, bool write);
    bool faultIn(std::uint32_t pid, std::uint64_t page, bool countAccess);
    std::uint32_t allocFrame(std::uint32_t pid, std::uint64_t page, std::uint8_t list);
    void unmapFrame(std::uint32_t frame, std::uint32_t pid);
    void freeFrame(std::uint32_t frame);
    void pushHead(LruList& list, std::uint32_t frame, std::uint8_t which);
    void unlink(std::uint32_t frame);
    enum class EvictOutcome { Evicted, Refused, Fatal };
    EvictOutcome evict(std::uint32_t frame);
    bool fork();
    void exitProcess(std::uint32_t pid);
    bool fail(Error error);

    WorkerSetup m_setup;
    SwapBackend& m_backend;
    std::unique_ptr<AccessGenerator> m_generator;
    std::uint64_t m_planned = 0;

    std::vector<Process> m_processes;    ///< [0] is the workload's process; the rest forked children
    std::vector<std::uint32_t> m_children; ///< live children, oldest first
    std::vector<Frame> m_frames;
    std::vector<std::uint32_t> m_freeFrames;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_sharers; ///< frame -> other mappers
    LruList m_inactive, m_active;
    std::uint64_t m_resident = 0;
    std::uint64_t m_age = 0;             ///< nonresident age (evictions + activations)

    Access m_pending;
    std::uint32_t m_pendingProcess = 0;
    bool m_hasPending = false;
    bool m_done = false;
    std::uint64_t m_sinceFork = 0;
    std::uint64_t m_actorTurn = 0;

    std::uint64_t m_budget = 0;
    std::uint64_t m_quota = 0;
    std::uint64_t m_lastShortfall = 0;
    Placement m_placement = Placement::Auto;
    bool m_swapAllowed = true;
    bool m_zswapCapped = false;
    std::uint64_t m_swapAllowance = kNoLimit;
    std::uint32_t m_allowedTiers = kAllTiers;

    SandboxCounters m_counters;
    Error m_error;
    Error m_firstStoreError;
    struct alignas(kPageSize) PageBuffer {
        std::byte bytes[kPageSize];
    };
    std::unique_ptr<PageBuffer> m_page;     ///< swap I/O buffer
    std::unique_ptr<PageBuffer> m_expected; ///< verification buffer
};

} // namespace swaptier::sandbox
