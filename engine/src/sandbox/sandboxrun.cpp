// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxRun: the coordinator of a sandbox run (runSandbox() in sandbox.h).
//
// It loads the page corpus and traces, creates the swap design and its devices, starts one
// SandboxWorker thread per workload thread and drives them in rounds separated by two barriers:
//
//   workers: access phase ─┤barrier: plan├─ reclaim phase ─┤barrier: settle├─ next round
//
//   plan    (coordinator, workers waiting): each cgroup's usage is the sum of its subtree's
//           workers; a cgroup over memory.max minus a headroom of reclaimBatch pages per
//           active worker gets a reclaim target, shared among the workers under it in
//           proportion to their resident pages. Classic design: swap.max / zswap.max /
//           zswap.writeback become each worker's placement and swap allowance, and the allowed
//           tiers of the cgroup and its ancestors (intersected) its tier mask: a cgroup left
//           with no tier is treated as zswap.writeback = 0 (pool or nothing). Virtual design:
//           the engine was given the cgroup tree as policies at setup and enforces all of
//           them at store time itself (its LimitExceeded refusals count as reclaim failures).
//   settle  (coordinator): progress, due actions (sandboxactions.h), actions submitted through
//           the live control (sandboxcontrol.h), scheduled maintenance, samples, stop
//           conditions, pause and hold-at-end waits (submitted actions run during them, each
//           followed by a sample), the speed throttle, and each worker's budget of new resident
//           pages for the next round: its share of the headroom of its most constrained ancestor.
//
// Only the coordinator reads or writes a worker's state between the barriers, and workers
// touch only their own state during a phase, so no lock is needed; the barrier orders the two.
// When reclaim cannot make room (every tier full, swap.max reached), a worker at zero budget is
// granted reclaimBatch pages past the limit (counted as overLimitCharges) so the run always
// finishes; the kernel would OOM-kill there.
//
// Devices added by AddDevice actions join m_config.devices (and deviceNames) when they are
// created, so samples, names and the validation of later submitted actions see them. A
// planned action names the j-th planned AddDevice as devices.size() + j (sandbox.h); the run
// maps that to the index the add really got (submitted adds may have come in between), or
// refuses the action if the add failed.
//
// Lock order: none of its own; the swap design's locks are taken inside its calls.
#include "sandbox/sandboxactions.h"
#include "sandbox/sandboxworker.h"
#include "sandbox/swapbackend.h"
#include "util/cpuclock.h"

#include "swaptier/pagecorpus.h"
#include "swaptier/sandbox.h"
#include "swaptier/sandboxcontrol.h"
#include "swaptier/tiers.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <string>
#include <thread>

namespace swaptier {

namespace {

using sandbox::SandboxWorker;

using util::monotonicNanos;
using util::processCpuNanos;

std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

void add(SandboxCounters& to, const SandboxCounters& c) {
    to.accesses += c.accesses;
    to.writes += c.writes;
    to.firstTouchFaults += c.firstTouchFaults;
    to.swapInFaults += c.swapInFaults;
    to.refaults += c.refaults;
    to.refaultActivations += c.refaultActivations;
    to.swapOuts += c.swapOuts;
    to.cowBreaks += c.cowBreaks;
    to.forks += c.forks;
    to.exits += c.exits;
    to.scanned += c.scanned;
    to.activations += c.activations;
    to.deactivations += c.deactivations;
    to.reclaimFailures += c.reclaimFailures;
    to.overLimitCharges += c.overLimitCharges;
    to.swapMaxHits += c.swapMaxHits;
    to.zswapMaxHits += c.zswapMaxHits;
    to.verifiedPages += c.verifiedPages;
}

class SandboxRun;

class AllWorkersWalker final : public sandbox::PageTableWalker {
public:
    explicit AllWorkersWalker(std::vector<std::unique_ptr<SandboxWorker>>& workers) : m_workers(workers) {}
    Result<std::uint64_t> walkAndFaultIn(const std::function<bool(std::uint64_t)>& match) override {
        std::uint64_t visited = 0;
        for (auto& w : m_workers) {
            auto r = w->walkAndFaultIn(match);
            if (!r)
                return r.error();
            visited += *r;
        }
        return visited;
    }
    Result<std::uint64_t> walkAndRewrite(
        const std::function<std::optional<std::uint64_t>(std::uint64_t)>& rewrite) override {
        std::uint64_t visited = 0;
        for (auto& w : m_workers)
            visited += w->walkAndRewrite(rewrite);
        return visited;
    }
    std::uint64_t mappedPages() const override {
        std::uint64_t pages = 0;
        for (const auto& w : m_workers)
            pages += w->mappedPages();
        return pages;
    }

private:
    std::vector<std::unique_ptr<SandboxWorker>>& m_workers;
};

class SandboxRun {
public:
    SandboxRun(const SandboxConfig& config, const SandboxCallbacks& callbacks) : m_config(config), m_callbacks(callbacks) {
        if (m_config.cgroups.empty()) {
            CgroupSpec root;
            root.name = "/";
            m_config.cgroups.push_back(root);
        }
    }

    Result<SandboxReport> run();

private:
    struct Completion {
        SandboxRun* run;
        void operator()() noexcept { run->onBarrier(); }
    };

    Status setUp();
    void onBarrier();
    void plan();
    void settle();
    void computeBudgets();
    void applyPolicies();
    /// Recomputes what applyPolicies() derives from the cgroup specs (after setup or a change).
    void policiesChanged();
    bool runDueActions(bool allDone);
    /// A successful AddDevice: its device joins m_config (device index `index`).
    void deviceAdded(const SandboxAction& action, int index);
    /// Runs the actions submitted through the live control, each reported through onAction
    /// and followed by a sample. A submitted action never ends the run (a worker error does).
    void runSubmittedActions();
    /// The pause / hold-at-end wait, running submitted actions meanwhile. False: stop.
    bool waitWhileControlled(bool finished);
    void emitSample();
    SandboxSample takeSample();
    void checkWorkerErrors();
    std::vector<int> ancestors(int cgroup) const;
    /// Per cgroup: the tiers it may use, its own allowedTiers intersected with every ancestor's.
    std::vector<std::uint32_t> tierMasks() const;

    /// Per cgroup, over its subtree: resident pages, workers not done, workers whose last
    /// reclaim fell short of its quota.
    struct SubtreeState {
        std::vector<std::uint64_t> usage, active;
        std::vector<bool> failed;
    };
    SubtreeState subtreeState() const;

    SandboxConfig m_config;
    SandboxCallbacks m_callbacks;

    PageCorpus m_corpus;
    std::vector<std::unique_ptr<PageMix>> m_mixes;          ///< [0] the default, then per workload (or null)
    std::vector<std::shared_ptr<const sandbox::LoadedTrace>> m_traces; ///< per workload
    std::unique_ptr<sandbox::SwapBackend> m_backend;
    std::vector<std::unique_ptr<SandboxWorker>> m_workers;
    std::vector<std::vector<int>> m_ancestors;              ///< per cgroup: itself, parent, ..., root
    std::vector<std::uint32_t> m_tierMasks;                 ///< per cgroup: bit i = tier i of the table; 0 = none

    std::uint64_t m_plannedTotal = 0;
    std::uint64_t m_round = 0;
    int m_phase = 0;                                        ///< 0: next barrier plans, 1: settles
    std::atomic<bool> m_stop{false};
    std::atomic<std::uint64_t> m_publishedRound{0};
    std::vector<bool> m_actionDone;
    std::size_t m_plannedDevices = 0;                       ///< SandboxConfig::devices.size() as given
    std::vector<int> m_plannedAddOrdinal;                   ///< per planned action: j for the j-th AddDevice, else -1
    std::vector<int> m_plannedAddIndex;                     ///< per planned AddDevice: the index it got; -1 not run or failed
    std::vector<std::uint64_t> m_peakResident;              ///< per cgroup
    std::uint64_t m_zeroProgressRounds = 0;
    std::uint64_t m_accessesAtLastSettle = 0;
    bool m_needPolicySnapshot = false;

    std::uint64_t m_startNanos = 0, m_startCpu = 0, m_lastSampleNanos = 0;
    std::uint64_t m_roundStartNanos = 0;                    ///< end of the previous settle (throttle)
    SandboxReport m_report;
    Error m_fatal;
};

std::vector<int> SandboxRun::ancestors(int cgroup) const {
    std::vector<int> chain;
    for (int g = cgroup; g >= 0; g = m_config.cgroups[std::size_t(g)].parent)
        chain.push_back(g);
    return chain;
}

std::vector<std::uint32_t> SandboxRun::tierMasks() const {
    // The config is valid: the table can be made and every allowed name is in it. Masks are over
    // the table's order (highest priorities first), which is the backends' order as well.
    const TierTable table = m_config.tiers.empty() ? TierTable::defaults() : TierTable::make(m_config.tiers).value();
    const std::uint32_t every = table.size() >= 32 ? kAllTiers : (std::uint32_t{1} << table.size()) - 1;
    std::vector<std::uint32_t> own(m_config.cgroups.size(), every);
    for (std::size_t g = 0; g < m_config.cgroups.size(); ++g) {
        const std::vector<std::string>& names = m_config.cgroups[g].allowedTiers;
        if (names.empty())
            continue;
        own[g] = 0;
        for (const std::string& name : names)
            if (const auto index = table.indexOf(name))
                own[g] |= std::uint32_t{1} << *index;
    }
    std::vector<std::uint32_t> masks(m_config.cgroups.size(), every);
    for (std::size_t g = 0; g < m_config.cgroups.size(); ++g)
        for (int a : m_ancestors[g])
            masks[g] &= own[std::size_t(a)];
    return masks;
}

SandboxRun::SubtreeState SandboxRun::subtreeState() const {
    const std::size_t n = m_config.cgroups.size();
    SubtreeState s{std::vector<std::uint64_t>(n, 0), std::vector<std::uint64_t>(n, 0), std::vector<bool>(n, false)};
    for (const auto& w : m_workers) {
        for (int a : m_ancestors[std::size_t(w->cgroup())]) {
            s.usage[std::size_t(a)] += w->residentPages();
            if (!w->done())
                ++s.active[std::size_t(a)];
            if (w->lastReclaimShortfall() > 0)
                s.failed[std::size_t(a)] = true;
        }
    }
    return s;
}

Status SandboxRun::setUp() {
    // Page contents: the user's files, or text and libraries from the system; heap pages from
    // a real python3 process when a mix asks for them.
    bool wantHeap = m_config.mix[PageClass::Heap] > 0;
    for (const WorkloadSpec& w : m_config.workloads)
        wantHeap = wantHeap || (w.hasMix && w.mix[PageClass::Heap] > 0);
    if (!m_config.contentFiles.empty()) {
        auto corpus = PageCorpus::fromFiles(m_config.contentFiles, 8192);
        if (!corpus)
            return corpus.error();
        m_corpus = std::move(corpus.value());
    } else {
        CorpusOptions options;
        options.maxTextPages = 1024;
        options.maxBinaryPages = 1024;
        options.seed = m_config.seed;
        auto corpus = PageCorpus::load(options);
        if (!corpus)
            return corpus.error();
        m_corpus = std::move(corpus.value());
    }
    if (wantHeap) {
        // Best effort: without python3 (or with ptrace restricted) the heap class is dropped
        // from the mix and the report's mixClasses says so.
        if (auto process = WorkloadProcess::startPython({}, 16, 30000))
            (void)m_corpus.captureHeap((*process)->pid());
    }
    m_mixes.push_back(std::make_unique<PageMix>(m_corpus, m_config.mix, m_config.seed));
    for (const WorkloadSpec& w : m_config.workloads)
        m_mixes.push_back(w.hasMix ? std::make_unique<PageMix>(m_corpus, w.mix, m_config.seed) : nullptr);
    for (PageClass c : kAllPageClasses)
        if (m_mixes[0]->shares()[c] > 0)
            m_report.mixClasses.push_back(c);

    m_traces.resize(m_config.workloads.size());
    for (std::size_t i = 0; i < m_config.workloads.size(); ++i) {
        if (m_config.workloads[i].kind != WorkloadKind::Trace)
            continue;
        auto trace = sandbox::loadTrace(m_config.workloads[i].tracePath);
        if (!trace)
            return trace.error();
        m_traces[i] = std::move(trace.value());
    }

    auto backend = m_config.design == SwapDesign::Virtual ? sandbox::makeVirtualSwapBackend(m_config.engine)
                                                          : sandbox::makeClassicSwapBackend(m_config.engine);
    if (!backend)
        return backend.error();
    m_backend = std::move(backend.value());
    // The table first: the default table's tier "default" would hold every device added before.
    if (!m_config.tiers.empty())
        if (Status set = m_backend->setTiers(m_config.tiers); !set)
            return set;
    for (const DeviceOptions& d : m_config.devices) {
        DeviceOptions options = d;
        options.removeFileOnClose = true; // the sandbox made the file: it removes it on every path
        if (Status added = m_backend->addDevice(options); !added)
            return added;
    }

    // The cgroup tree as policies, parents first (validation put them in that order): the
    // engine enforces them from now on; the classic design keeps them for its actions.
    for (std::size_t g = 0; g < m_config.cgroups.size(); ++g)
        if (Status set = m_backend->setCgroupPolicy(CgroupId{std::uint16_t(g)},
                                                    sandbox::cgroupPolicy(m_config.cgroups[g]));
            !set)
            return set;
    if (Status set = m_backend->setPromotionPolicy(m_config.promotion); !set)
        return set;
    if (m_config.maintainEveryRounds > 0)
        if (Status set = m_backend->setMaintenancePolicy(m_config.maintenance); !set)
            return set;

    for (std::size_t g = 0; g < m_config.cgroups.size(); ++g)
        m_ancestors.push_back(ancestors(int(g)));
    policiesChanged();
    m_peakResident.assign(m_config.cgroups.size(), 0);
    m_actionDone.assign(m_config.actions.size(), false);
    m_plannedDevices = m_config.devices.size();
    m_plannedAddOrdinal.assign(m_config.actions.size(), -1);
    for (std::size_t i = 0; i < m_config.actions.size(); ++i)
        if (m_config.actions[i].kind == SandboxAction::Kind::AddDevice) {
            m_plannedAddOrdinal[i] = int(m_plannedAddIndex.size());
            m_plannedAddIndex.push_back(-1);
        }

    for (std::size_t i = 0; i < m_config.workloads.size(); ++i) {
        const WorkloadSpec& w = m_config.workloads[i];
        for (unsigned t = 0; t < w.threads; ++t) {
            sandbox::WorkerSetup setup;
            setup.workload = int(i);
            setup.thread = t;
            setup.cgroup = w.cgroup;
            setup.spec = &m_config.workloads[i];
            setup.mix = m_mixes[i + 1] ? m_mixes[i + 1].get() : m_mixes[0].get();
            setup.threadSeed = mix64(m_config.seed ^ mix64((std::uint64_t(i) << 20) | t));
            setup.contentBase = (std::uint64_t(i + 1) << 48) | (std::uint64_t(t) << 32);
            setup.trace = m_traces[i];
            setup.verifyPages = m_config.verifyPages;
            m_workers.push_back(std::make_unique<SandboxWorker>(setup, *m_backend));
            m_plannedTotal += m_workers.back()->plannedAccesses();
        }
    }
    return {};
}

void SandboxRun::checkWorkerErrors() {
    if (m_fatal.code != Errc::Ok)
        return;
    for (const auto& w : m_workers) {
        if (w->error().code != Errc::Ok) {
            m_fatal = w->error();
            m_stop.store(true, std::memory_order_relaxed);
            return;
        }
    }
}

void SandboxRun::onBarrier() {
    if (m_phase == 0)
        plan();
    else
        settle();
    m_phase ^= 1;
}

void SandboxRun::policiesChanged() {
    m_tierMasks = tierMasks();
    m_needPolicySnapshot = false;
    for (const CgroupSpec& g : m_config.cgroups)
        m_needPolicySnapshot = m_needPolicySnapshot || g.swapMax != kNoLimit || g.zswapMax != kNoLimit;
}

void SandboxRun::applyPolicies() {
    if (m_config.design == SwapDesign::Virtual) {
        // The engine enforces every limit and the allowed tiers at store time.
        for (auto& w : m_workers) {
            w->setPlacement(Placement::Auto, true, false);
            w->setSwapAllowance(kNoLimit);
            w->setAllowedTiers(kAllTiers);
        }
        return;
    }
    // Classic: memory.zswap.writeback (hierarchical: off anywhere up the tree means off),
    // memory.zswap.max and memory.swap.max, from the design's per-cgroup figures; the allowed
    // tiers (hierarchical too, recomputed when a policy changes).
    sandbox::BackendSnapshot snap;
    if (m_needPolicySnapshot)
        snap = m_backend->snapshot();
    const std::size_t n = m_config.cgroups.size();
    std::vector<std::uint64_t> swapped(n, 0), poolBytes(n, 0);
    for (std::size_t g = 0; g < n && g < snap.cgroupEntries.size(); ++g) {
        std::uint64_t entries = 0;
        for (std::uint64_t e : snap.cgroupEntries[g])
            entries += e;
        for (int a : m_ancestors[g]) {
            swapped[std::size_t(a)] += entries;
            poolBytes[std::size_t(a)] += snap.cgroupPoolBytes[g];
        }
    }
    std::vector<std::uint64_t> workersUnder(n, 0);
    for (const auto& w : m_workers)
        for (int a : m_ancestors[std::size_t(w->cgroup())])
            ++workersUnder[std::size_t(a)];
    for (auto& w : m_workers) {
        bool writeback = true, poolFull = false;
        std::uint64_t allowance = kNoLimit;
        for (int a : m_ancestors[std::size_t(w->cgroup())]) {
            const CgroupSpec& g = m_config.cgroups[std::size_t(a)];
            writeback = writeback && g.zswapWriteback;
            if (g.zswapMax != kNoLimit && poolBytes[std::size_t(a)] >= g.zswapMax)
                poolFull = true;
            if (g.swapMax != kNoLimit) {
                const std::uint64_t maxPages = g.swapMax / kPageSize;
                const std::uint64_t left = maxPages > swapped[std::size_t(a)] ? maxPages - swapped[std::size_t(a)] : 0;
                allowance = std::min(allowance, left / std::max<std::uint64_t>(1, workersUnder[std::size_t(a)]));
            }
        }
        const std::uint32_t tiers = m_tierMasks[std::size_t(w->cgroup())];
        writeback = writeback && tiers != 0; // no device tier left: as zswap.writeback = 0
        Placement placement = Placement::Auto;
        bool swapAllowed = true;
        if (poolFull) {
            placement = Placement::DeviceOnly;
            swapAllowed = writeback; // no pool room and no writeback: nowhere to go
        } else if (!writeback) {
            placement = Placement::PoolOnly;
        }
        w->setPlacement(placement, swapAllowed, poolFull);
        w->setSwapAllowance(allowance);
        w->setAllowedTiers(tiers);
    }
}

void SandboxRun::plan() {
    checkWorkerErrors();
    if (m_stop.load(std::memory_order_relaxed))
        return;
    const std::size_t n = m_config.cgroups.size();
    const SubtreeState state = subtreeState();
    const std::vector<std::uint64_t>& usage = state.usage;
    const std::vector<std::uint64_t>& active = state.active;
    std::vector<std::uint64_t> target(n, 0);
    for (std::size_t g = 0; g < n; ++g) {
        const CgroupSpec& spec = m_config.cgroups[g];
        if (spec.memoryMax == kNoLimit)
            continue;
        const std::uint64_t limit = spec.memoryMax / kPageSize;
        const std::uint64_t reserve =
            std::min<std::uint64_t>(std::uint64_t(m_config.reclaimBatch) * std::max<std::uint64_t>(1, active[g]), limit / 2);
        if (usage[g] + reserve > limit)
            target[g] = usage[g] + reserve - limit;
    }
    for (auto& w : m_workers) {
        std::uint64_t quota = 0;
        for (int a : m_ancestors[std::size_t(w->cgroup())]) {
            const std::size_t g = std::size_t(a);
            if (target[g] == 0 || usage[g] == 0)
                continue;
            const std::uint64_t share = (target[g] * w->residentPages() + usage[g] - 1) / usage[g];
            quota = std::max(quota, share);
        }
        w->setQuota(quota);
    }
    applyPolicies();
}

void SandboxRun::computeBudgets() {
    const SubtreeState state = subtreeState();
    const std::vector<std::uint64_t>& usage = state.usage;
    const std::vector<std::uint64_t>& active = state.active;
    const std::vector<bool>& failed = state.failed;
    const bool stalled = m_zeroProgressRounds >= 64;
    for (auto& w : m_workers) {
        std::uint64_t budget = m_config.roundAccesses;
        bool stuck = false;
        for (int a : m_ancestors[std::size_t(w->cgroup())]) {
            const CgroupSpec& spec = m_config.cgroups[std::size_t(a)];
            if (spec.memoryMax == kNoLimit)
                continue;
            const std::uint64_t limit = spec.memoryMax / kPageSize;
            const std::uint64_t headroom = limit > usage[std::size_t(a)] ? limit - usage[std::size_t(a)] : 0;
            const std::uint64_t share = headroom / std::max<std::uint64_t>(1, active[std::size_t(a)]);
            if (share < budget) {
                budget = share;
                stuck = failed[std::size_t(a)];
            }
        }
        if (budget == 0 && !w->done() && (stuck || stalled)) {
            budget = m_config.reclaimBatch;
            w->counters().overLimitCharges += budget;
        }
        w->setBudget(budget);
    }
}

void SandboxRun::emitSample() {
    SandboxSample sample = takeSample();
    ++m_report.samples;
    if (m_callbacks.onSample)
        m_callbacks.onSample(sample);
}

void SandboxRun::runSubmittedActions() {
    SandboxControl* control = m_callbacks.control;
    if (!control)
        return;
    while (auto next = control->takeAction()) {
        const std::uint64_t id = next->id;
        ActionFigures figures;
        figures.kind = next->action.kind;
        figures.round = m_round;
        if (next->cancelled) {
            figures.error = Error::of(Errc::Cancelled);
        } else if (Status valid = validateSandboxAction(m_config, next->action); !valid) {
            figures.error = valid.error();
        } else {
            ActionControl ac;
            ac.cancel = control->runningCancelFlag();
            if (m_callbacks.onActionProgress)
                ac.progress = [this, id](std::uint64_t done, std::uint64_t total) {
                    m_callbacks.onActionProgress(id, done, total);
                };
            AllWorkersWalker walker(m_workers);
            sandbox::ActionOutcome outcome = sandbox::runAction(*m_backend, walker, next->action, m_config.cgroups, ac);
            outcome.figures.round = m_round;
            if (outcome.swapoff)
                m_report.swapoffs.push_back(*outcome.swapoff);
            if (outcome.policyChanged)
                policiesChanged();
            if (outcome.deviceAdded)
                deviceAdded(next->action, outcome.figures.device);
            figures = outcome.figures;
            m_report.actions.push_back(std::move(outcome.figures));
        }
        control->actionFinished();
        if (m_callbacks.onAction)
            m_callbacks.onAction(id, figures);
        checkWorkerErrors(); // the classic design faults pages in through the workers
        if (m_stop.load(std::memory_order_relaxed))
            return;
        emitSample();
    }
}

bool SandboxRun::waitWhileControlled(bool finished) {
    SandboxControl* control = m_callbacks.control;
    if (!control)
        return true;
    for (;;) {
        runSubmittedActions();
        if (m_stop.load(std::memory_order_relaxed) || control->stopRequested()
            || (m_callbacks.cancel && m_callbacks.cancel->load(std::memory_order_relaxed)))
            return false;
        if (!control->waitWhilePaused(std::chrono::milliseconds(100), finished) && control->queuedActions() == 0) {
            // Not waiting any more (resumed, or no hold): unless an action arrived meanwhile.
            if (!control->paused() && !(finished && control->holdAtEnd()))
                return true;
        }
    }
}

bool SandboxRun::runDueActions(bool allDone) {
    const double progress = m_plannedTotal ? double(m_report.counters.accesses) / double(m_plannedTotal) : 1.0;
    bool pending = false;
    for (std::size_t i = 0; i < m_config.actions.size(); ++i) {
        if (m_actionDone[i])
            continue;
        const SandboxAction& a = m_config.actions[i];
        const bool due = a.at >= 1.0 ? allDone : (progress >= a.at || allDone);
        if (!due) {
            pending = true;
            continue;
        }
        m_actionDone[i] = true;
        SandboxAction run = a;
        const bool namesDevice = a.kind == SandboxAction::Kind::Swapoff || a.kind == SandboxAction::Kind::SetPriority
                                 || a.kind == SandboxAction::Kind::CompactDevice;
        if (namesDevice && std::size_t(a.device) >= m_plannedDevices) {
            // A device of a planned AddDevice (validation: one that ran before this action).
            run.device = m_plannedAddIndex[std::size_t(a.device) - m_plannedDevices];
            if (run.device < 0) { // that add failed: nothing to act on, the run goes on
                ActionFigures refused;
                refused.kind = a.kind;
                refused.at = a.at;
                refused.round = m_round;
                refused.error = Error::of(Errc::UnknownDevice)
                                    .on(DeviceId{unsigned(a.device)})
                                    .file("actions[" + std::to_string(i) + "].device");
                m_report.actions.push_back(std::move(refused));
                continue;
            }
        }
        AllWorkersWalker walker(m_workers);
        sandbox::ActionOutcome outcome = sandbox::runAction(*m_backend, walker, run, m_config.cgroups);
        outcome.figures.round = m_round;
        if (outcome.swapoff)
            m_report.swapoffs.push_back(*outcome.swapoff);
        if (outcome.policyChanged)
            policiesChanged();
        if (outcome.deviceAdded) {
            deviceAdded(a, outcome.figures.device);
            m_plannedAddIndex[std::size_t(m_plannedAddOrdinal[i])] = outcome.figures.device;
        }
        const Error error = outcome.figures.error;
        if (m_callbacks.onPlannedAction)
            m_callbacks.onPlannedAction(i, outcome.figures);
        m_report.actions.push_back(std::move(outcome.figures));
        if (outcome.fatal) {
            if (m_fatal.code == Errc::Ok)
                m_fatal = error;
            m_stop.store(true, std::memory_order_relaxed);
            return false;
        }
        checkWorkerErrors(); // the classic design faults pages in through the workers
        if (m_stop.load(std::memory_order_relaxed))
            return false;
    }
    return pending;
}

void SandboxRun::deviceAdded(const SandboxAction& action, int index) {
    // The backend numbers devices as the config does: the new one is the next index.
    DeviceOptions options = action.newDevice;
    options.removeFileOnClose = true;
    m_config.devices.resize(std::size_t(index));
    m_config.devices.push_back(std::move(options));
    m_config.deviceNames.resize(std::size_t(index)); // names missing before: the paths
    m_config.deviceNames.push_back(action.newDeviceName);
}

SandboxSample SandboxRun::takeSample() {
    SandboxSample s;
    const std::uint64_t now = monotonicNanos();
    s.elapsedNanos = now - m_startNanos;
    s.round = m_round;
    SandboxCounters total;
    std::vector<SandboxCounters> perCgroup(m_config.cgroups.size());
    const std::vector<std::uint64_t> usage = subtreeState().usage;
    for (const auto& w : m_workers) {
        add(total, w->counters());
        add(perCgroup[std::size_t(w->cgroup())], w->counters());
    }
    s.counters = total;
    s.progress = m_plannedTotal ? std::min(1.0, double(total.accesses) / double(m_plannedTotal)) : 1.0;
    const sandbox::BackendSnapshot snap = m_backend->snapshot();
    s.tiers = snap.tiers;
    for (TierUsage& t : s.tiers)
        if (t.backend == Backend::Device && t.device >= 0 && std::size_t(t.device) < m_config.deviceNames.size() &&
            !m_config.deviceNames[std::size_t(t.device)].empty())
            t.name = m_config.deviceNames[std::size_t(t.device)];
    // One device entry per device row (TierUsage::device), swapped-off ones included.
    std::size_t deviceRows = 0;
    for (const TierUsage& t : s.tiers)
        if (t.backend == Backend::Device && t.device >= 0)
            deviceRows = std::max(deviceRows, std::size_t(t.device) + 1);
    for (std::size_t g = 0; g < m_config.cgroups.size(); ++g) {
        CgroupUsage c;
        c.name = m_config.cgroups[g].name;
        c.memoryMax = m_config.cgroups[g].memoryMax;
        c.residentPages = usage[g];
        m_peakResident[g] = std::max(m_peakResident[g], usage[g]);
        c.peakResidentPages = m_peakResident[g];
        if (g < snap.cgroupEntries.size()) {
            c.swappedPages = snap.cgroupEntries[g];
            c.poolBytes = snap.cgroupPoolBytes[g];
        }
        c.deviceEntries.assign(deviceRows, 0);
        if (g < snap.cgroupDeviceEntries.size())
            for (std::size_t d = 0; d < deviceRows && d < snap.cgroupDeviceEntries[g].size(); ++d)
                c.deviceEntries[d] = snap.cgroupDeviceEntries[g][d];
        c.counters = perCgroup[g];
        s.cgroups.push_back(std::move(c));
    }
    DesignFigures& f = m_report.figures;
    f.metadataBytes = snap.metadataBytes;
    f.peakMetadataBytes = std::max(f.peakMetadataBytes, snap.metadataBytes);
    f.diskReservedBytes = snap.diskReservedBytes;
    f.peakDiskReservedBytes = std::max(f.peakDiskReservedBytes, snap.diskReservedBytes);
    f.pagesWritten = snap.pagesWritten;
    f.pagesRead = snap.pagesRead;
    f.poolWritebacks = snap.poolWritebacks;
    f.cpuNanos = processCpuNanos() - m_startCpu;
    f.wallNanos = s.elapsedNanos;
    s.figures = f;
    m_lastSampleNanos = now;
    return s;
}

void SandboxRun::settle() {
    ++m_round;
    m_publishedRound.store(m_round, std::memory_order_relaxed);
    checkWorkerErrors();
    // Usage peaks and progress.
    SandboxCounters total;
    bool allDone = true;
    for (const auto& w : m_workers) {
        add(total, w->counters());
        allDone = allDone && w->done();
    }
    m_report.counters = total;
    if (total.accesses == m_accessesAtLastSettle)
        ++m_zeroProgressRounds;
    else
        m_zeroProgressRounds = 0;
    m_accessesAtLastSettle = total.accesses;
    {
        const std::vector<std::uint64_t> usage = subtreeState().usage;
        for (std::size_t g = 0; g < usage.size(); ++g)
            m_peakResident[g] = std::max(m_peakResident[g], usage[g]);
    }
    const double progress = m_plannedTotal ? std::min(1.0, double(total.accesses) / double(m_plannedTotal)) : 1.0;
    if (m_callbacks.onProgress)
        m_callbacks.onProgress(progress, total);

    bool stop = m_stop.load(std::memory_order_relaxed);
    bool pendingActions = false;
    if (!stop)
        pendingActions = runDueActions(allDone);
    if (!m_stop.load(std::memory_order_relaxed))
        runSubmittedActions();
    if (!m_stop.load(std::memory_order_relaxed) && m_config.maintainEveryRounds > 0
        && m_round % m_config.maintainEveryRounds == 0)
        static_cast<void>(m_backend->maintain()); // best effort: a failed pass leaves entries where they are
    stop = m_stop.load(std::memory_order_relaxed);
    SandboxControl* control = m_callbacks.control;
    const bool finished = allDone && !pendingActions;
    if (!stop && control && control->stopRequested()) {
        stop = true;
        m_report.cancelled = !finished; // a stop after the last access cancels nothing
    }
    // Paused, or done and held: wait here (the workers wait at the barrier), running actions.
    if (!stop && control && (control->paused() || (finished && control->holdAtEnd()))) {
        emitSample(); // the state the run pauses in
        if (!waitWhileControlled(finished)) {
            stop = true;
            m_report.cancelled = !finished && !m_stop.load(std::memory_order_relaxed);
        }
    }
    const std::uint64_t now = monotonicNanos();
    if (!stop && finished)
        stop = true;
    if (!stop && m_config.durationMs && now - m_startNanos >= m_config.durationMs * 1'000'000u) {
        stop = true;
        m_report.cutShort = true;
    }
    if (!stop && m_callbacks.cancel && m_callbacks.cancel->load(std::memory_order_relaxed)) {
        stop = true;
        m_report.cancelled = true;
    }
    if (stop) {
        m_stop.store(true, std::memory_order_relaxed);
        return;
    }
    if (m_config.sampleIntervalMs && now - m_lastSampleNanos >= m_config.sampleIntervalMs * 1'000'000u)
        emitSample();
    computeBudgets();
    if (control) { // slowed down: stretch this round by the share not run
        control->throttle(now - std::min(now, m_roundStartNanos));
        m_roundStartNanos = monotonicNanos();
    }
}

Result<SandboxReport> SandboxRun::run() {
    if (Status valid = validateSandboxConfig(m_config); !valid)
        return valid.error();
    if (Status ready = setUp(); !ready)
        return ready.error();
    m_report.name = m_config.name;
    m_report.design = m_config.design;
    m_report.seed = m_config.seed;
    for (const WorkloadSpec& w : m_config.workloads)
        m_report.workloads.push_back(WorkloadTotals{w.name, 0, 0});

    m_startNanos = monotonicNanos();
    m_startCpu = processCpuNanos();
    m_roundStartNanos = m_startNanos;
    {
        SandboxSample first = takeSample();
        ++m_report.samples;
        if (m_callbacks.onSample)
            m_callbacks.onSample(first);
    }
    computeBudgets();

    std::barrier<Completion> barrier(std::ptrdiff_t(m_workers.size()), Completion{this});
    std::vector<std::thread> threads;
    threads.reserve(m_workers.size());
    for (auto& worker : m_workers) {
        SandboxWorker* w = worker.get();
        threads.emplace_back([this, w, &barrier] {
            const std::uint64_t startRound = m_config.workloads[std::size_t(w->workload())].startRound;
            for (;;) {
                if (m_publishedRound.load(std::memory_order_relaxed) >= startRound)
                    w->accessPhase(m_config.roundAccesses);
                barrier.arrive_and_wait();
                if (m_stop.load(std::memory_order_relaxed))
                    break;
                w->reclaimPhase();
                barrier.arrive_and_wait();
                if (m_stop.load(std::memory_order_relaxed))
                    break;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    threads.clear();

    // The state after the last access, before teardown.
    checkWorkerErrors();
    {
        SandboxCounters total;
        for (const auto& w : m_workers)
            add(total, w->counters());
        m_report.counters = total;
    }
    m_report.final = takeSample();
    ++m_report.samples;
    if (m_callbacks.onSample)
        m_callbacks.onSample(m_report.final);
    m_report.engine = m_backend->engineStats();
    m_report.rounds = m_round;
    for (const auto& w : m_workers) {
        WorkloadTotals& t = m_report.workloads[std::size_t(w->workload())];
        t.accesses += w->counters().accesses;
        t.swapInFaults += w->counters().swapInFaults;
        if (m_report.firstStoreError.code == Errc::Ok && w->firstStoreError().code != Errc::Ok)
            m_report.firstStoreError = w->firstStoreError();
    }

    // Teardown: every process exits in its own worker, in parallel.
    for (auto& worker : m_workers) {
        SandboxWorker* w = worker.get();
        threads.emplace_back([w] { w->exitAll(); });
    }
    for (auto& t : threads)
        t.join();
    checkWorkerErrors();
    if (m_fatal.code != Errc::Ok)
        return m_fatal;
    {
        SandboxCounters total; // now with the exits of teardown
        for (const auto& w : m_workers)
            add(total, w->counters());
        m_report.counters = total;
    }
    m_report.leakedEntries = m_backend->snapshot().liveEntries;
    return std::move(m_report);
}

} // namespace

Result<SandboxReport> runSandbox(const SandboxConfig& config, const SandboxCallbacks& callbacks) {
    SandboxRun run(config, callbacks);
    return run.run();
}

} // namespace swaptier
