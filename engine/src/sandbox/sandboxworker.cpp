// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxWorker: page faults, copy-on-write, fork and exit, and the LRU reclaimer of one
// workload thread (see sandboxworker.h for the page-table and frame layout).
#include "sandbox/sandboxworker.h"

#include "sandbox/pagecontent.h"

#include <algorithm>
#include <cstring>

namespace swaptier::sandbox {

namespace {
constexpr std::uint64_t kShadowMask = (std::uint64_t{1} << kShadowBits) - 1;
constexpr std::uint32_t kMaxMapcount = 0xFFFF;
} // namespace

SandboxWorker::SandboxWorker(const WorkerSetup& setup, SwapBackend& backend)
    : m_setup(setup), m_backend(backend), m_page(std::make_unique<PageBuffer>()),
      m_expected(std::make_unique<PageBuffer>()) {
    m_generator = makeAccessGenerator(*setup.spec, setup.threadSeed, setup.trace);
    m_planned = m_generator->planned();
    Process first;
    first.contentBase = setup.contentBase;
    first.pte.assign(m_generator->pages(), 0);
    first.version.assign(m_generator->pages(), 0);
    m_processes.push_back(std::move(first));
    m_done = m_planned == 0;
}

SandboxWorker::~SandboxWorker() = default;

bool SandboxWorker::fail(Error error) {
    if (m_error.code == Errc::Ok)
        m_error = std::move(error);
    return false;
}

// --- LRU lists ---------------------------------------------------------------------------

void SandboxWorker::pushHead(LruList& list, std::uint32_t frame, std::uint8_t which) {
    Frame& f = m_frames[frame];
    f.list = which;
    f.prev = kNil;
    f.next = list.head;
    if (list.head != kNil)
        m_frames[list.head].prev = frame;
    list.head = frame;
    if (list.tail == kNil)
        list.tail = frame;
    ++list.count;
}

void SandboxWorker::unlink(std::uint32_t frame) {
    Frame& f = m_frames[frame];
    if (f.list > 1)
        return;
    LruList& list = f.list == 1 ? m_active : m_inactive;
    if (f.prev != kNil)
        m_frames[f.prev].next = f.next;
    else
        list.head = f.next;
    if (f.next != kNil)
        m_frames[f.next].prev = f.prev;
    else
        list.tail = f.prev;
    f.prev = f.next = kNil;
    f.list = 2;
    --list.count;
}

// --- frames ------------------------------------------------------------------------------

std::uint32_t SandboxWorker::allocFrame(std::uint32_t pid, std::uint64_t page, std::uint8_t list) {
    std::uint32_t index;
    if (!m_freeFrames.empty()) {
        index = m_freeFrames.back();
        m_freeFrames.pop_back();
    } else {
        index = std::uint32_t(m_frames.size());
        m_frames.emplace_back();
    }
    Frame& f = m_frames[index];
    f = Frame{};
    f.process = pid;
    f.page = std::uint32_t(page);
    f.mapcount = 1;
    f.referenced = 1;
    f.list = 2;
    pushHead(list == 1 ? m_active : m_inactive, index, list);
    ++m_resident;
    if (m_budget > 0)
        --m_budget;
    return index;
}

void SandboxWorker::freeFrame(std::uint32_t frame) {
    unlink(frame);
    Frame& f = m_frames[frame];
    f.mapcount = 0;
    m_freeFrames.push_back(frame);
    --m_resident;
}

void SandboxWorker::unmapFrame(std::uint32_t frame, std::uint32_t pid) {
    Frame& f = m_frames[frame];
    if (f.mapcount <= 1) {
        freeFrame(frame);
        return;
    }
    --f.mapcount;
    auto it = m_sharers.find(frame);
    std::vector<std::uint32_t>& others = it->second;
    if (f.process == pid) {
        f.process = others.back();
        others.pop_back();
    } else {
        others.erase(std::find(others.begin(), others.end(), pid));
    }
    if (others.empty())
        m_sharers.erase(it);
}

// --- accesses ----------------------------------------------------------------------------

bool SandboxWorker::nextAccess() {
    const WorkloadSpec& spec = *m_setup.spec;
    const bool forky = spec.kind == WorkloadKind::ForkHeavy;
    if (forky) {
        // Children whose accesses are used up exit; a new child is forked every forkEvery.
        for (std::size_t i = 0; i < m_children.size();) {
            if (m_processes[m_children[i]].remaining == 0) {
                exitProcess(m_children[i]);
                m_children.erase(m_children.begin() + std::ptrdiff_t(i));
            } else {
                ++i;
            }
        }
        if (m_error.code != Errc::Ok)
            return false;
        const std::uint64_t every = spec.forkEvery ? spec.forkEvery : 1024;
        if (m_sinceFork >= every && m_children.size() < std::max(1u, spec.maxChildren)) {
            if (!fork())
                return false;
            m_sinceFork = 0;
        }
    }
    if (!m_generator->next(m_pending)) {
        m_done = true;
        return false;
    }
    m_pendingProcess = 0;
    if (forky) {
        ++m_sinceFork;
        const std::uint64_t turn = m_actorTurn++ % (1 + m_children.size());
        if (turn > 0) {
            m_pendingProcess = m_children[turn - 1];
            --m_processes[m_pendingProcess].remaining;
        }
    }
    return true;
}

bool SandboxWorker::needsFrame(const Process& p, std::uint64_t page, bool write) const {
    const std::uint64_t e = p.pte[page];
    if (e & kResidentBit)
        return write && m_frames[std::uint32_t(e)].mapcount > 1;
    return true;
}

void SandboxWorker::accessPhase(std::uint64_t maxAccesses) {
    std::uint64_t made = 0;
    while (made < maxAccesses && m_error.code == Errc::Ok) {
        if (!m_hasPending) {
            if (m_done || !nextAccess())
                break;
            m_hasPending = true;
        }
        const Process& p = m_processes[m_pendingProcess];
        if (needsFrame(p, m_pending.page, m_pending.write) && m_budget == 0)
            break; // over budget: the access waits for the next round
        if (!access(m_pendingProcess, m_pending.page, m_pending.write))
            break;
        m_hasPending = false;
        ++made;
    }
}

bool SandboxWorker::access(std::uint32_t pid, std::uint64_t page, bool write) {
    Process& p = m_processes[pid];
    ++m_counters.accesses;
    if (write)
        ++m_counters.writes;
    const std::uint64_t e = p.pte[page];
    if (e & kResidentBit) {
        const std::uint32_t frame = std::uint32_t(e);
        m_frames[frame].referenced = 1;
        if (write) {
            if (m_frames[frame].mapcount > 1) {
                unmapFrame(frame, pid);
                const std::uint32_t copy = allocFrame(pid, page, 0);
                p.pte[page] = kResidentBit | copy;
                ++m_counters.cowBreaks;
            }
            ++p.version[page];
        }
        return true;
    }
    if (e == 0) {
        ++m_counters.firstTouchFaults;
        p.pte[page] = kResidentBit | allocFrame(pid, page, 0);
        if (write)
            ++p.version[page];
        return true;
    }
    if (!faultIn(pid, page, true))
        return false;
    if (write)
        ++p.version[page];
    return true;
}

bool SandboxWorker::faultIn(std::uint32_t pid, std::uint64_t page, bool countFault) {
    Process& p = m_processes[pid];
    const std::uint64_t value = p.pte[page] & kValueMask;
    const MutablePage buffer(m_page->bytes, kPageSize);
    auto info = m_backend.swapIn(value, buffer);
    if (!info)
        return fail(info.error());
    if (m_setup.verifyPages) {
        const MutablePage expected(m_expected->bytes, kPageSize);
        fillPageContent(*m_setup.mix, p.contentBase + page, p.version[page], expected);
        if (std::memcmp(expected.data(), buffer.data(), kPageSize) != 0) {
            Error mismatch = Error::of(Errc::CorruptData);
            mismatch.slot = SlotId{value};
            return fail(std::move(mismatch));
        }
        ++m_counters.verifiedPages;
    }
    if (Status put = m_backend.put(value); !put)
        return fail(put.error());
    bool activate = false;
    if (countFault) {
        ++m_counters.swapInFaults;
        if (info->hadShadow) {
            ++m_counters.refaults;
            const std::uint64_t distance = (m_age - info->shadow) & kShadowMask;
            if (distance <= m_active.count) {
                activate = true;
                ++m_counters.refaultActivations;
                ++m_age;
            }
        }
    }
    p.pte[page] = kResidentBit | allocFrame(pid, page, activate ? 1 : 0);
    return true;
}

// --- reclaim -----------------------------------------------------------------------------

SandboxWorker::EvictOutcome SandboxWorker::evict(std::uint32_t frame) {
    const Frame f = m_frames[frame];
    Process& owner = m_processes[f.process];
    if (!m_swapAllowed || m_swapAllowance == 0) {
        if (m_swapAllowance == 0)
            ++m_counters.swapMaxHits;
        ++m_counters.reclaimFailures;
        return EvictOutcome::Refused;
    }
    const MutablePage buffer(m_page->bytes, kPageSize);
    fillPageContent(*m_setup.mix, owner.contentBase + f.page, owner.version[f.page], buffer);
    StoreOptions options;
    options.placement = m_placement;
    options.shadow = std::uint32_t(m_age & kShadowMask);
    options.allowedTiers = m_allowedTiers;
    auto stored = m_backend.swapOut(buffer, CgroupId{std::uint16_t(m_setup.cgroup)}, options);
    if (!stored) {
        ++m_counters.reclaimFailures;
        if (stored.code() == Errc::LimitExceeded) {
            // The engine's own policy enforcement (Virtual design): a limit, not a failure.
            if (stored.error().path == "memory.swap.max")
                ++m_counters.swapMaxHits;
            else if (stored.error().path == "memory.zswap.max")
                ++m_counters.zswapMaxHits;
        } else if (m_firstStoreError.code == Errc::Ok) {
            m_firstStoreError = stored.error();
        }
        return EvictOutcome::Refused;
    }
    const std::uint64_t value = *stored;
    owner.pte[f.page] = kSwappedBit | value;
    if (f.mapcount > 1) {
        auto it = m_sharers.find(frame);
        for (std::uint32_t pid : it->second) {
            if (Status dup = m_backend.duplicate(value); !dup) {
                fail(dup.error());
                return EvictOutcome::Fatal;
            }
            m_processes[pid].pte[f.page] = kSwappedBit | value;
        }
        m_sharers.erase(it);
    }
    freeFrame(frame);
    ++m_age;
    ++m_counters.swapOuts;
    if (m_zswapCapped)
        ++m_counters.zswapMaxHits;
    if (m_swapAllowance != kNoLimit)
        --m_swapAllowance;
    return EvictOutcome::Evicted;
}

void SandboxWorker::reclaimPhase() {
    const std::uint64_t target = m_quota;
    m_quota = 0;
    m_lastShortfall = 0;
    if (target == 0 || m_error.code != Errc::Ok)
        return;
    std::uint64_t evicted = 0;
    std::uint64_t steps = 4 * (m_resident + 64); // bounds the work when every page is hot
    while (evicted < target && steps-- > 0) {
        if (m_inactive.count == 0 && m_active.count == 0)
            break;
        if (m_active.count > m_inactive.count) {
            // inactive_is_low: age the active list into the inactive one.
            const std::uint32_t a = m_active.tail;
            unlink(a);
            m_frames[a].referenced = 0;
            pushHead(m_inactive, a, 0);
            ++m_counters.deactivations;
            continue;
        }
        const std::uint32_t t = m_inactive.tail;
        ++m_counters.scanned;
        if (m_frames[t].referenced) {
            m_frames[t].referenced = 0;
            unlink(t);
            pushHead(m_active, t, 1);
            ++m_counters.activations;
            ++m_age;
            continue;
        }
        const EvictOutcome outcome = evict(t);
        if (outcome == EvictOutcome::Evicted) {
            ++evicted;
        } else if (outcome == EvictOutcome::Refused) {
            unlink(t);
            pushHead(m_inactive, t, 0); // rotate: the page stays resident
            break;
        } else {
            return;
        }
    }
    m_lastShortfall = target - evicted;
}

// --- fork and exit -----------------------------------------------------------------------

bool SandboxWorker::fork() {
    const std::uint32_t childPid = std::uint32_t(m_processes.size());
    Process child;
    {
        const Process& parent = m_processes[0];
        child.contentBase = parent.contentBase;
        child.pte = parent.pte;
        child.version = parent.version;
    }
    const WorkloadSpec& spec = *m_setup.spec;
    const std::uint64_t every = spec.forkEvery ? spec.forkEvery : 1024;
    child.remaining = spec.childAccesses ? spec.childAccesses : every;
    for (std::uint64_t page = 0; page < child.pte.size(); ++page) {
        const std::uint64_t e = child.pte[page];
        if (e & kResidentBit) {
            Frame& f = m_frames[std::uint32_t(e)];
            if (f.mapcount >= kMaxMapcount) {
                child.pte[page] = 0; // cannot share further: the child starts without this page
                continue;
            }
            ++f.mapcount;
            m_sharers[std::uint32_t(e)].push_back(childPid);
        } else if (e & kSwappedBit) {
            if (Status dup = m_backend.duplicate(e & kValueMask); !dup) {
                // Undo what the child took so far, then report.
                for (std::uint64_t q = 0; q < page; ++q) {
                    const std::uint64_t taken = child.pte[q];
                    if (taken & kResidentBit)
                        unmapFrame(std::uint32_t(taken), childPid);
                    else if (taken & kSwappedBit)
                        (void)m_backend.put(taken & kValueMask);
                }
                return fail(dup.error());
            }
        }
    }
    m_processes.push_back(std::move(child));
    m_children.push_back(childPid);
    ++m_counters.forks;
    return true;
}

void SandboxWorker::exitProcess(std::uint32_t pid) {
    Process& p = m_processes[pid];
    if (!p.alive)
        return;
    for (std::uint64_t page = 0; page < p.pte.size(); ++page) {
        const std::uint64_t e = p.pte[page];
        if (e & kResidentBit) {
            unmapFrame(std::uint32_t(e), pid);
        } else if (e & kSwappedBit) {
            if (Status put = m_backend.put(e & kValueMask); !put)
                fail(put.error());
        }
    }
    p.alive = false;
    p.pte = {};
    p.version = {};
    ++m_counters.exits;
}

void SandboxWorker::exitAll() {
    for (std::uint32_t child : m_children)
        exitProcess(child);
    m_children.clear();
    exitProcess(0);
}

std::uint64_t SandboxWorker::mappedPages() const {
    std::uint64_t pages = 0;
    for (const Process& p : m_processes)
        if (p.alive)
            pages += p.pte.size();
    return pages;
}

Result<std::uint64_t> SandboxWorker::walkAndFaultIn(const std::function<bool(std::uint64_t)>& match) {
    std::uint64_t visited = 0;
    for (std::uint32_t pid = 0; pid < m_processes.size(); ++pid) {
        if (!m_processes[pid].alive)
            continue;
        const std::uint64_t pages = m_processes[pid].pte.size();
        for (std::uint64_t page = 0; page < pages; ++page) {
            ++visited;
            const std::uint64_t e = m_processes[pid].pte[page];
            if ((e & kSwappedBit) && !(e & kResidentBit) && match(e & kValueMask)) {
                if (!faultIn(pid, page, false))
                    return m_error;
            }
        }
    }
    return visited;
}

std::uint64_t SandboxWorker::walkAndRewrite(
    const std::function<std::optional<std::uint64_t>(std::uint64_t)>& rewrite) {
    std::uint64_t visited = 0;
    for (Process& p : m_processes) {
        if (!p.alive)
            continue;
        visited += p.pte.size();
        for (std::uint64_t& e : p.pte) {
            if (!(e & kSwappedBit) || (e & kResidentBit))
                continue;
            if (const auto value = rewrite(e & kValueMask))
                e = kSwappedBit | (*value & kValueMask);
        }
    }
    return visited;
}

} // namespace swaptier::sandbox
