// SPDX-License-Identifier: GPL-3.0-or-later
// PhysicalAllocator: cluster-based physical slot allocation for one swapfile, with per-thread
// allocation clusters, free/nonfull lists, on-demand per-cluster metadata and deferred
// discard. The design, the cluster states and the lock order are described in the header.
//
// Lock order: m_listLock -> Cluster::lock. Never two cluster locks at once.
#include "swapfile/physicalallocator.h"

#include <algorithm>

namespace swaptier::swapfile {
namespace {

constexpr std::uint32_t kNone = ~std::uint32_t{0};
constexpr unsigned kWords = kClusterSlots / 64;

std::uint32_t clustersFor(std::uint64_t slots) { return std::uint32_t((slots + kClusterSlots - 1) / kClusterSlots); }

} // namespace

/// Per-slot metadata of one cluster. owner == SlotId::kInvalid while a slot is free or its
/// page is still being written.
struct PhysicalAllocator::ClusterMeta {
    std::array<std::uint32_t, kClusterSlots> crc;   ///< CRC32C of the page written to the slot
    std::array<std::uint64_t, kClusterSlots> owner; ///< reverse map: owning virtual slot
};

/// One cluster. Cache-line aligned so that the locks of clusters that different threads
/// allocate from do not share a line.
struct alignas(64) PhysicalAllocator::Cluster {
    enum class State : std::uint8_t { Free, Nonfull, Full, Current, Discarding, Fenced };

    std::mutex lock;
    std::array<std::uint64_t, kWords> used{};  ///< GUARDED_BY(lock) bit set = slot taken (or past the end)
    std::uint32_t usedCount = 0;               ///< GUARDED_BY(lock) slots taken, end padding excluded
    std::uint32_t slots = kClusterSlots;       ///< real slots (fewer in a partial last cluster); const
    State state = State::Free;                 ///< written under list lock + lock; read under either
    std::uint32_t ownerThread = kNone;         ///< thread slot of a Current cluster; as `state`
    std::uint32_t prev = kNone;                ///< list links, GUARDED_BY(m_listLock)
    std::uint32_t next = kNone;
    std::unique_ptr<ClusterMeta> meta;         ///< GUARDED_BY(lock) null while the cluster is free

    bool isUsed(std::uint32_t i) const { return (used[i / 64] >> (i % 64)) & 1u; }
};

PhysicalAllocator::PhysicalAllocator(std::uint64_t totalSlots)
    : m_totalSlots(totalSlots),
      m_clusterCount(clustersFor(totalSlots)),
      m_clusters(new Cluster[clustersFor(totalSlots)]),
      m_free{kNone, kNone},
      m_nonfull{kNone, kNone},
      m_ceiling(clustersFor(totalSlots)),
      m_freeClusters(clustersFor(totalSlots)) {
    for (auto& c : m_current)
        c.store(kNone, std::memory_order_relaxed);
    // A partial last cluster: its missing slots are "used" forever, so no search finds them.
    const std::uint32_t count = clustersFor(totalSlots);
    Cluster& last = m_clusters[count - 1];
    last.slots = std::uint32_t(totalSlots - firstSlotOf(count - 1));
    for (std::uint32_t i = last.slots; i < kClusterSlots; ++i)
        last.used[i / 64] |= std::uint64_t{1} << (i % 64);
    for (std::uint32_t i = 0; i < count; ++i)
        pushBack(m_free, i);
}

PhysicalAllocator::~PhysicalAllocator() = default;

std::uint32_t PhysicalAllocator::slotCountOf(std::uint32_t cluster) const { return m_clusters[cluster].slots; }

// --- lists (REQUIRES: m_listLock) ------------------------------------------------------------

void PhysicalAllocator::pushBack(List& list, std::uint32_t index) {
    Cluster& c = m_clusters[index];
    c.prev = list.tail;
    c.next = kNone;
    if (list.tail != kNone)
        m_clusters[list.tail].next = index;
    else
        list.head = index;
    list.tail = index;
}

std::uint32_t PhysicalAllocator::popFront(List& list) {
    const std::uint32_t index = list.head;
    if (index != kNone)
        unlink(list, index);
    return index;
}

void PhysicalAllocator::unlink(List& list, std::uint32_t index) {
    Cluster& c = m_clusters[index];
    if (c.prev != kNone)
        m_clusters[c.prev].next = c.next;
    else
        list.head = c.next;
    if (c.next != kNone)
        m_clusters[c.next].prev = c.prev;
    else
        list.tail = c.prev;
    c.prev = c.next = kNone;
}

// --- allocation ------------------------------------------------------------------------------

/// Takes the lowest free slot of a cluster. REQUIRES: c.lock.
std::optional<std::uint64_t> PhysicalAllocator::takeSlot(std::uint32_t index, Cluster& c) {
    if (c.usedCount >= c.slots)
        return std::nullopt;
    for (unsigned w = 0; w < kWords; ++w) {
        if (c.used[w] == ~std::uint64_t{0})
            continue;
        const unsigned bit = unsigned(__builtin_ctzll(~c.used[w]));
        const std::uint32_t i = w * 64 + bit;
        if (!c.meta) {
            c.meta = std::make_unique<ClusterMeta>();
            m_metaClusters.fetch_add(1, std::memory_order_relaxed);
        }
        c.used[w] |= std::uint64_t{1} << bit;
        c.meta->owner[i] = SlotId::kInvalid;
        if (c.usedCount++ == 0)
            m_freeClusters.fetch_sub(1, std::memory_order_relaxed);
        m_used.fetch_add(1, std::memory_order_seq_cst); // see usedCount()
        return firstSlotOf(index) + i;
    }
    return std::nullopt; // unreachable: usedCount < slots means a clear bit exists
}

std::optional<std::uint64_t> PhysicalAllocator::allocate() {
    const unsigned thread = util::threadSlot();
    const std::uint32_t index = m_current[thread].load(std::memory_order_acquire);
    if (index != kNone) {
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        if (c.state == Cluster::State::Current && c.ownerThread == thread)
            if (auto slot = takeSlot(index, c))
                return slot;
    }
    return allocateSlow(thread);
}

std::optional<std::uint64_t> PhysicalAllocator::allocateSlow(unsigned thread) {
    std::unique_lock listLock(m_listLock);
    for (;;) {
        // 1. This thread slot's cluster again (a free may have raced in), else retire it.
        if (const std::uint32_t index = m_current[thread].load(std::memory_order_relaxed); index != kNone) {
            Cluster& c = m_clusters[index];
            std::lock_guard guard(c.lock);
            if (auto slot = takeSlot(index, c))
                return slot;
            c.state = Cluster::State::Full;
            c.ownerThread = kNone;
            m_current[thread].store(kNone, std::memory_order_release);
        }
        // 2. A new Current cluster: partially used ones first (keeps free clusters whole for
        //    discard and large runs), then free ones.
        std::uint32_t index = popFront(m_nonfull);
        if (index == kNone)
            index = popFront(m_free);
        if (index != kNone) {
            Cluster& c = m_clusters[index];
            std::lock_guard guard(c.lock);
            c.state = Cluster::State::Current;
            c.ownerThread = thread;
            m_current[thread].store(index, std::memory_order_release);
            if (auto slot = takeSlot(index, c))
                return slot;
            continue; // a listed cluster always has room; retire it next round if not
        }
        // 3. No list has room: borrow a slot from another thread slot's Current cluster.
        const unsigned threads = std::min(util::threadSlotHighWater(), util::kMaxThreadSlots);
        for (unsigned other = 0; other < threads; ++other) {
            const std::uint32_t theirs = m_current[other].load(std::memory_order_relaxed);
            if (theirs == kNone)
                continue;
            Cluster& c = m_clusters[theirs];
            std::lock_guard guard(c.lock);
            if (c.state == Cluster::State::Current)
                if (auto slot = takeSlot(theirs, c))
                    return slot;
        }
        // 4. Clusters being discarded will be free in a moment; otherwise the device is full.
        if (m_discarding == 0)
            return std::nullopt;
        m_discardDone.wait(listLock);
    }
}

// --- runs ------------------------------------------------------------------------------------

/// The lowest run of at least `want` free slots (cut to `want`), else the longest free run
/// (the lowest of equal ones); length 0 if the cluster is full. Skips whole words of used or
/// free bits. REQUIRES: c.lock.
PhysicalAllocator::FreeRun PhysicalAllocator::findRun(const Cluster& c, std::uint32_t want) {
    FreeRun best;
    if (c.usedCount >= c.slots)
        return best;
    std::uint32_t start = 0, length = 0; // the free run being walked
    for (std::uint32_t i = 0; i < kClusterSlots;) {
        const unsigned bit = i % 64;
        const std::uint64_t w = c.used[i / 64] >> bit; // bits i.. of this word; zeros shifted in on top
        const std::uint32_t left = 64 - bit;
        if (w & 1u) {
            // Used: skip the used bits. ~w has the shifted-in bits set, so its ctz stays <= left;
            // ~w == 0 only for a whole used word (bit == 0).
            const std::uint64_t inv = ~w;
            i += inv ? std::uint32_t(__builtin_ctzll(inv)) : 64;
            length = 0;
            continue;
        }
        const std::uint32_t n = w ? std::min<std::uint32_t>(std::uint32_t(__builtin_ctzll(w)), left) : left;
        if (length == 0)
            start = i;
        length += n;
        i += n;
        if (length >= want)
            return FreeRun{start, want};
        if (length > best.length)
            best = FreeRun{start, length};
    }
    return best;
}

/// Marks `run` used. REQUIRES: c.lock; every slot of `run` free.
PhysicalAllocator::Run PhysicalAllocator::takeRun(std::uint32_t index, Cluster& c, FreeRun run) {
    if (!c.meta) {
        c.meta = std::make_unique<ClusterMeta>();
        m_metaClusters.fetch_add(1, std::memory_order_relaxed);
    }
    for (std::uint32_t i = run.start; i < run.start + run.length; ++i) {
        c.used[i / 64] |= std::uint64_t{1} << (i % 64);
        c.meta->owner[i] = SlotId::kInvalid;
    }
    if (c.usedCount == 0)
        m_freeClusters.fetch_sub(1, std::memory_order_relaxed);
    c.usedCount += run.length;
    m_used.fetch_add(run.length, std::memory_order_seq_cst); // see usedCount()
    return Run{firstSlotOf(index) + run.start, run.length};
}

/// Makes an unlisted cluster this thread slot's Current one, retiring the previous one by its
/// fill level (an empty one goes back to the free list, its metadata to `dropped`).
/// REQUIRES: m_listLock, no cluster lock; `index` on no list and not fenced.
void PhysicalAllocator::makeCurrent(unsigned thread, std::uint32_t index,
                                    std::vector<std::unique_ptr<ClusterMeta>>& dropped) {
    if (const std::uint32_t old = m_current[thread].load(std::memory_order_relaxed); old != kNone) {
        Cluster& o = m_clusters[old];
        std::lock_guard guard(o.lock);
        if (o.state == Cluster::State::Current && o.ownerThread == thread) {
            o.ownerThread = kNone;
            if (o.usedCount == o.slots) {
                o.state = Cluster::State::Full;
            } else if (o.usedCount > 0) {
                o.state = Cluster::State::Nonfull;
                pushBack(m_nonfull, old);
            } else {
                if (o.meta) {
                    dropped.push_back(std::move(o.meta));
                    m_metaClusters.fetch_sub(1, std::memory_order_relaxed);
                }
                o.state = Cluster::State::Free;
                pushBack(m_free, old);
            }
        }
        m_current[thread].store(kNone, std::memory_order_release);
    }
    Cluster& c = m_clusters[index];
    std::lock_guard guard(c.lock);
    c.state = Cluster::State::Current;
    c.ownerThread = thread;
    m_current[thread].store(index, std::memory_order_release);
}

std::optional<PhysicalAllocator::Run> PhysicalAllocator::allocateRun(std::uint32_t maxCount) {
    if (maxCount == 0)
        return std::nullopt;
    const std::uint32_t want = std::min(maxCount, kClusterSlots);
    const unsigned thread = util::threadSlot();
    const std::uint32_t index = m_current[thread].load(std::memory_order_acquire);
    if (index != kNone) {
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        if (c.state == Cluster::State::Current && c.ownerThread == thread && c.slots - c.usedCount >= want)
            if (const FreeRun r = findRun(c, want); r.length >= want)
                return takeRun(index, c, r);
    }
    return allocateRunSlow(thread, want);
}

std::optional<PhysicalAllocator::Run> PhysicalAllocator::allocateRunSlow(unsigned thread, std::uint32_t want) {
    std::vector<std::unique_ptr<ClusterMeta>> dropped; // freed after the list lock is released
    std::unique_lock listLock(m_listLock);
    for (;;) {
        // 1. This thread slot's Current cluster again: a free may have made the run whole.
        std::uint32_t bestIndex = kNone;
        FreeRun best;
        const std::uint32_t current = m_current[thread].load(std::memory_order_relaxed);
        if (current != kNone) {
            Cluster& c = m_clusters[current];
            std::lock_guard guard(c.lock);
            if (c.state == Cluster::State::Current && c.ownerThread == thread) {
                const FreeRun r = findRun(c, want);
                if (r.length >= want)
                    return takeRun(current, c, r);
                if (r.length > 0) {
                    best = r;
                    bestIndex = current;
                }
            }
        }
        // 2. A wholly free cluster becomes Current. Only the partial last cluster can be shorter
        //    than a run: then try the next free one, and take it only if it beats `best`.
        std::uint32_t index = m_free.head;
        if (index != kNone && m_clusters[index].slots < want && m_clusters[index].next != kNone)
            index = m_clusters[index].next;
        if (index != kNone && m_clusters[index].slots > best.length) {
            unlink(m_free, index);
            makeCurrent(thread, index, dropped);
            Cluster& c = m_clusters[index];
            std::lock_guard guard(c.lock);
            if (const FreeRun r = findRun(c, want); r.length > 0)
                return takeRun(index, c, r);
            continue; // a free cluster has room; look again if not
        }
        // 3. The longest run among the Current cluster and the head of the nonfull list.
        unsigned scanned = 0;
        for (std::uint32_t i = m_nonfull.head; i != kNone && scanned < kRunScanClusters && best.length < want;
             i = m_clusters[i].next, ++scanned) {
            Cluster& c = m_clusters[i];
            std::lock_guard guard(c.lock);
            if (const FreeRun r = findRun(c, want); r.length > best.length) {
                best = r;
                bestIndex = i;
            }
        }
        if (bestIndex != kNone) {
            if (bestIndex != current) {
                unlink(m_nonfull, bestIndex);
                makeCurrent(thread, bestIndex, dropped);
            }
            Cluster& c = m_clusters[bestIndex];
            std::lock_guard guard(c.lock);
            // Frees since the scan only lengthen a nonfull cluster's runs; a thread sharing
            // this slot may have taken from the Current one meanwhile: look again if so.
            if (const FreeRun r = findRun(c, want); r.length > 0)
                return takeRun(bestIndex, c, r);
            continue;
        }
        // 4. No list has room: the longest run in another thread slot's Current cluster.
        const unsigned threads = std::min(util::threadSlotHighWater(), util::kMaxThreadSlots);
        for (unsigned other = 0; other < threads; ++other) {
            const std::uint32_t theirs = m_current[other].load(std::memory_order_relaxed);
            if (other == thread || theirs == kNone)
                continue;
            Cluster& c = m_clusters[theirs];
            std::lock_guard guard(c.lock);
            if (c.state == Cluster::State::Current)
                if (const FreeRun r = findRun(c, want); r.length > best.length) {
                    best = r;
                    bestIndex = theirs;
                }
        }
        if (bestIndex != kNone) {
            Cluster& c = m_clusters[bestIndex];
            std::lock_guard guard(c.lock);
            if (const FreeRun r = findRun(c, want); r.length > 0)
                return takeRun(bestIndex, c, r);
            continue; // its owner filled it meanwhile
        }
        // 5. Clusters being discarded will be free in a moment; otherwise the device is full.
        if (m_discarding == 0)
            return std::nullopt;
        m_discardDone.wait(listLock);
    }
}

void PhysicalAllocator::publish(std::uint64_t slot, std::uint32_t crc, SlotId owner) {
    if (slot >= totalSlots())
        return;
    Cluster& c = m_clusters[slot / kClusterSlots];
    const std::uint32_t i = std::uint32_t(slot % kClusterSlots);
    std::lock_guard guard(c.lock);
    if (!c.isUsed(i) || !c.meta)
        return;
    c.meta->crc[i] = crc;
    c.meta->owner[i] = owner.value;
}

// --- release ---------------------------------------------------------------------------------

ReleaseResult PhysicalAllocator::release(std::uint64_t slot, bool discard) {
    if (slot >= totalSlots())
        return {};
    const std::uint32_t index = std::uint32_t(slot / kClusterSlots);
    const std::uint32_t i = std::uint32_t(slot % kClusterSlots);
    Cluster& c = m_clusters[index];
    bool moveList;
    {
        std::lock_guard guard(c.lock);
        if (!c.isUsed(i))
            return {}; // double free: ignore rather than corrupt the counts
        c.used[i / 64] &= ~(std::uint64_t{1} << (i % 64));
        c.meta->owner[i] = SlotId::kInvalid;
        if (--c.usedCount == 0)
            m_freeClusters.fetch_add(1, std::memory_order_relaxed);
        m_used.fetch_sub(1, std::memory_order_relaxed);
        moveList = c.state == Cluster::State::Full
                   || ((c.state == Cluster::State::Nonfull || c.state == Cluster::State::Fenced) && c.usedCount == 0);
    }
    if (!moveList)
        return {};
    return relocate(index, discard);
}

/// Puts a cluster on the list its fill level asks for. Decided again under both locks, since
/// other frees (or nothing) may have happened since the caller looked: idempotent.
ReleaseResult PhysicalAllocator::relocate(std::uint32_t index, bool discard) {
    std::unique_ptr<ClusterMeta> dropped; // freed after the locks are released
    ReleaseResult result;
    std::lock_guard listGuard(m_listLock);
    Cluster& c = m_clusters[index];
    std::lock_guard guard(c.lock);
    if (c.state == Cluster::State::Full) {
        if (c.usedCount == c.slots)
            return result;
        if (c.usedCount > 0) {
            c.state = Cluster::State::Nonfull;
            pushBack(m_nonfull, index);
            return result;
        }
    } else if (c.state == Cluster::State::Nonfull) {
        if (c.usedCount > 0)
            return result;
        unlink(m_nonfull, index);
    } else if (c.state == Cluster::State::Fenced) {
        if (c.usedCount > 0 || !c.meta)
            return result; // in use, or already emptied (and discarded) before
    } else {
        return result; // Current (its thread keeps it), or already Free/Discarding
    }
    // Wholly free and owned by no thread.
    dropped = std::move(c.meta);
    if (dropped)
        m_metaClusters.fetch_sub(1, std::memory_order_relaxed);
    if (discard) {
        c.state = Cluster::State::Discarding;
        ++m_discarding;
        result.discard = true;
        result.cluster = index;
    } else if (c.state != Cluster::State::Fenced) {
        c.state = Cluster::State::Free;
        pushBack(m_free, index);
    }
    return result;
}

void PhysicalAllocator::discardDone(std::uint32_t index) {
    {
        std::lock_guard listGuard(m_listLock);
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        if (index >= m_ceiling.load(std::memory_order_relaxed)) {
            c.state = Cluster::State::Fenced; // compaction fenced it meanwhile
        } else {
            c.state = Cluster::State::Free;
            pushBack(m_free, index);
        }
        --m_discarding;
    }
    m_discardDone.notify_all();
}

std::vector<std::uint32_t> PhysicalAllocator::trim(bool discard) {
    std::vector<std::uint32_t> toDiscard;
    std::vector<std::unique_ptr<ClusterMeta>> dropped; // freed after the locks are released
    std::lock_guard listGuard(m_listLock);
    for (auto& current : m_current) {
        const std::uint32_t index = current.load(std::memory_order_relaxed);
        if (index == kNone)
            continue;
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        current.store(kNone, std::memory_order_release);
        if (c.state != Cluster::State::Current)
            continue;
        c.ownerThread = kNone;
        if (c.usedCount == c.slots) {
            c.state = Cluster::State::Full;
        } else if (c.usedCount > 0) {
            c.state = Cluster::State::Nonfull;
            pushBack(m_nonfull, index);
        } else {
            if (c.meta) {
                dropped.push_back(std::move(c.meta));
                m_metaClusters.fetch_sub(1, std::memory_order_relaxed);
            }
            if (discard) {
                c.state = Cluster::State::Discarding;
                ++m_discarding;
                toDiscard.push_back(index);
            } else {
                c.state = Cluster::State::Free;
                pushBack(m_free, index);
            }
        }
    }
    return toDiscard;
}

// --- compaction ------------------------------------------------------------------------------

/// Takes a cluster out of allocation. REQUIRES: m_listLock and c.lock.
void PhysicalAllocator::fence(std::uint32_t index, Cluster& c) {
    switch (c.state) {
    case Cluster::State::Free:
        unlink(m_free, index);
        break;
    case Cluster::State::Nonfull:
        unlink(m_nonfull, index);
        break;
    case Cluster::State::Current:
        m_current[c.ownerThread].store(kNone, std::memory_order_release);
        c.ownerThread = kNone;
        break;
    case Cluster::State::Full:
        break;
    case Cluster::State::Discarding: // discardDone() fences it
    case Cluster::State::Fenced:
        return;
    }
    c.state = Cluster::State::Fenced;
}

/// Lists a fenced cluster again by its fill level. REQUIRES: m_listLock and c.lock.
void PhysicalAllocator::unfence(std::uint32_t index, Cluster& c, std::vector<std::unique_ptr<ClusterMeta>>& dropped) {
    if (c.usedCount == 0) {
        if (c.meta) {
            dropped.push_back(std::move(c.meta));
            m_metaClusters.fetch_sub(1, std::memory_order_relaxed);
        }
        c.state = Cluster::State::Free;
        pushBack(m_free, index);
    } else if (c.usedCount < c.slots) {
        c.state = Cluster::State::Nonfull;
        pushBack(m_nonfull, index);
    } else {
        c.state = Cluster::State::Full;
    }
}

void PhysicalAllocator::setCeiling(std::uint32_t clusters) {
    std::vector<std::unique_ptr<ClusterMeta>> dropped; // freed after the locks are released
    std::lock_guard listGuard(m_listLock);
    const std::uint32_t count = m_clusterCount.load(std::memory_order_relaxed);
    const std::uint32_t ceiling = std::min(clusters, count);
    m_ceiling.store(ceiling, std::memory_order_relaxed);
    for (std::uint32_t index = 0; index < count; ++index) {
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        if (index >= ceiling)
            fence(index, c);
        else if (c.state == Cluster::State::Fenced)
            unfence(index, c, dropped);
    }
}

std::uint64_t PhysicalAllocator::usedCountFrom(std::uint64_t firstSlot) const {
    std::uint64_t used = 0;
    const std::uint32_t count = m_clusterCount.load(std::memory_order_relaxed);
    for (std::uint64_t index = firstSlot / kClusterSlots; index < count; ++index) {
        Cluster& c = m_clusters[index];
        const std::uint64_t base = firstSlotOf(std::uint32_t(index));
        const std::uint32_t lo = std::uint32_t(std::max(firstSlot, base) - base);
        std::lock_guard guard(c.lock);
        if (lo == 0) {
            used += c.usedCount;
            continue;
        }
        for (std::uint32_t i = lo; i < c.slots; ++i)
            used += c.isUsed(i);
    }
    return used;
}

std::optional<std::uint64_t> PhysicalAllocator::shrinkableTo() {
    std::unique_lock listLock(m_listLock);
    for (;;) {
        const std::uint32_t ceiling = m_ceiling.load(std::memory_order_relaxed);
        const std::uint32_t count = m_clusterCount.load(std::memory_order_relaxed);
        bool discarding = false;
        for (std::uint32_t index = ceiling; index < count; ++index) {
            Cluster& c = m_clusters[index];
            std::lock_guard guard(c.lock);
            if (c.state == Cluster::State::Discarding)
                discarding = true;
            else if (c.state != Cluster::State::Fenced || c.usedCount != 0)
                return std::nullopt;
        }
        if (!discarding)
            return std::min(totalSlots(), firstSlotOf(ceiling));
        m_discardDone.wait(listLock);
    }
}

void PhysicalAllocator::shrink() {
    std::vector<std::unique_ptr<ClusterMeta>> dropped; // freed after the locks are released
    std::lock_guard listGuard(m_listLock);
    const std::uint32_t ceiling = m_ceiling.load(std::memory_order_relaxed);
    const std::uint32_t count = m_clusterCount.load(std::memory_order_relaxed);
    if (ceiling >= count)
        return;
    for (std::uint32_t index = ceiling; index < count; ++index) {
        Cluster& c = m_clusters[index];
        std::lock_guard guard(c.lock);
        if (c.meta) {
            dropped.push_back(std::move(c.meta));
            m_metaClusters.fetch_sub(1, std::memory_order_relaxed);
        }
    }
    m_freeClusters.fetch_sub(count - ceiling, std::memory_order_relaxed); // all were empty
    m_clusterCount.store(ceiling, std::memory_order_relaxed);
    m_totalSlots.store(firstSlotOf(ceiling), std::memory_order_relaxed);
}

FragmentationStats PhysicalAllocator::fragmentation() const {
    FragmentationStats f;
    f.totalSlots = totalSlots();
    std::uint64_t run = 0; // free slots since the last used one
    auto endRun = [&] {
        if (run == 0)
            return;
        ++f.freeExtents;
        f.largestFreeRun = std::max(f.largestFreeRun, run);
        run = 0;
    };
    const std::uint32_t count = m_clusterCount.load(std::memory_order_relaxed);
    for (std::uint32_t index = 0; index < count; ++index) {
        Cluster& c = m_clusters[index];
        const std::uint64_t base = firstSlotOf(index);
        std::lock_guard guard(c.lock);
        for (std::uint32_t w = 0; w * 64 < c.slots; ++w) {
            const std::uint32_t bits = std::min<std::uint32_t>(64, c.slots - w * 64);
            if (c.used[w] == 0 && bits == 64) {
                run += 64;
                continue;
            }
            for (std::uint32_t b = 0; b < bits; ++b) {
                if ((c.used[w] >> b) & 1u) {
                    endRun();
                    ++f.usedSlots;
                    f.highestUsedSlot = base + w * 64 + b + 1;
                } else {
                    ++run;
                }
            }
        }
    }
    endRun();
    return f;
}

// --- lookups ---------------------------------------------------------------------------------

bool PhysicalAllocator::lookup(std::uint64_t slot, std::uint32_t& crc, SlotId& owner) const {
    if (slot >= totalSlots())
        return false;
    Cluster& c = m_clusters[slot / kClusterSlots];
    const std::uint32_t i = std::uint32_t(slot % kClusterSlots);
    std::lock_guard guard(c.lock);
    if (!c.isUsed(i) || !c.meta || c.meta->owner[i] == SlotId::kInvalid)
        return false;
    crc = c.meta->crc[i];
    owner = SlotId{c.meta->owner[i]};
    return true;
}

SlotId PhysicalAllocator::owner(std::uint64_t slot) const {
    std::uint32_t crc;
    SlotId owner;
    return lookup(slot, crc, owner) ? owner : SlotId{};
}

std::vector<UsedSlot> PhysicalAllocator::usedSlots(std::uint64_t firstSlot, std::uint64_t maxSlots) const {
    std::vector<UsedSlot> out;
    const std::uint64_t total = totalSlots();
    if (firstSlot >= total || maxSlots == 0)
        return out;
    const std::uint64_t end = maxSlots >= total - firstSlot ? total : firstSlot + maxSlots;
    for (std::uint64_t index = firstSlot / kClusterSlots; firstSlotOf(std::uint32_t(index)) < end; ++index) {
        Cluster& c = m_clusters[index];
        const std::uint64_t base = firstSlotOf(std::uint32_t(index));
        const std::uint32_t lo = std::uint32_t(std::max(firstSlot, base) - base);
        const std::uint32_t hi = std::uint32_t(std::min<std::uint64_t>(end - base, c.slots));
        std::lock_guard guard(c.lock);
        if (c.usedCount == 0 || !c.meta)
            continue;
        for (std::uint32_t i = lo; i < hi; ++i)
            if (c.isUsed(i) && c.meta->owner[i] != SlotId::kInvalid)
                out.push_back(UsedSlot{base + i, SlotId{c.meta->owner[i]}});
    }
    return out;
}

std::uint64_t PhysicalAllocator::metadataBytes() const {
    return clusterCount() * sizeof(Cluster) + sizeof(m_current)
           + m_metaClusters.load(std::memory_order_relaxed) * sizeof(ClusterMeta);
}

} // namespace swaptier::swapfile
