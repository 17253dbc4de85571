// SPDX-License-Identifier: GPL-3.0-or-later
// SlotTable: dynamic clusters of virtual slots. See slottable.h for the design and lock order.
//
// Cluster life cycle (all transitions under the cluster lock, list/directory changes also under
// the table lock, taken second):
//   created     -> owned by a thread slot (m_current[slot] points at it)
//   owned, full -> unowned (the owner moves on); joins the nonfull list at its first free
//   unowned     -> nonfull list while 0 < used < 512; taken back by an allocating thread
//   unowned, 0  -> released: unlinked from the directory, marked dead, retired (EBR)
// An owned cluster is never released by a free, so a thread's current cluster survives churn;
// trim() disowns current clusters so that empty ones go too.
#include "descriptor/slottable.h"

#include "util/epoch.h"

#include <algorithm>
#include <functional>

namespace swaptier::descriptor {

SlotTable::SlotTable() {
    for (auto& t : m_top)
        t.store(nullptr, std::memory_order_relaxed);
    for (auto& c : m_current)
        c.store(nullptr, std::memory_order_relaxed);
}

SlotTable::~SlotTable() {
    // No operation may run concurrently with destruction: free everything directly.
    for (auto& t : m_top) {
        Leaf* leaf = t.load(std::memory_order_relaxed);
        if (!leaf)
            continue;
        for (auto& entry : leaf->clusters)
            delete entry.load(std::memory_order_relaxed);
        delete leaf;
    }
}

Result<EntryRef> SlotTable::allocate(std::uint64_t backing, std::uint32_t meta, std::uint16_t cgroup) {
    const unsigned slot = util::threadSlot();
    for (;;) {
        Cluster* c = m_current[slot].load(std::memory_order_acquire);
        if (c) {
            std::unique_lock lock(c->lock);
            if (!c->dead && c->ownerSlot == int(slot)) {
                if (c->used < kClusterSize) {
                    const std::uint32_t off = c->takeFreeEntry();
                    c->backing[off] = backing;
                    c->meta[off].store(meta, std::memory_order_release);
                    c->cgroup[off] = cgroup;
                    return EntryRef{c, off, c->slotOf(off)};
                }
                c->ownerSlot = -1; // full: it joins the nonfull list at its first free
            }
            lock.unlock();
            m_current[slot].compare_exchange_strong(c, nullptr, std::memory_order_acq_rel);
        }
        auto acquired = acquireCluster(slot);
        if (!acquired)
            return acquired.error();
    }
}

Result<Cluster*> SlotTable::acquireCluster(unsigned slot) {
    // 1. A partly used cluster nobody owns.
    for (;;) {
        Cluster* c;
        {
            std::lock_guard lock(m_lock);
            c = m_nonfull;
            if (!c)
                break;
            unlinkNonfullLocked(c);
        }
        std::unique_lock clock(c->lock);
        if (c->dead || c->ownerSlot != -1 || c->used == kClusterSize)
            continue;
        c->ownerSlot = int(slot);
        if (c->onNonfullList.load(std::memory_order_acquire)) { // a free re-queued it meanwhile
            std::lock_guard lock(m_lock);
            if (c->onNonfullList.load(std::memory_order_relaxed))
                unlinkNonfullLocked(c);
        }
        clock.unlock();
        install(slot, c);
        return c;
    }

    // 2. A new cluster.
    auto* c = new Cluster(0);
    Leaf* newLeaf = nullptr;
    {
        std::unique_lock lock(m_lock);
        std::uint64_t index;
        if (!m_freeIndices.empty()) {
            std::pop_heap(m_freeIndices.begin(), m_freeIndices.end(), std::greater<>());
            index = m_freeIndices.back();
            m_freeIndices.pop_back();
        } else if (m_nextIndex < kMaxClusters) {
            index = m_nextIndex++;
        } else {
            lock.unlock();
            delete c;
            return Error::of(Errc::BackendFull);
        }
        c->index = index;
        c->ownerSlot = int(slot);
        auto& top = m_top[index >> kLeafBits];
        Leaf* leaf = top.load(std::memory_order_relaxed);
        if (!leaf) {
            leaf = newLeaf = new Leaf;
            top.store(leaf, std::memory_order_release);
            m_leaves.fetch_add(1, std::memory_order_relaxed);
        }
        ++leaf->live;
        leaf->clusters[index & ((1u << kLeafBits) - 1)].store(c, std::memory_order_release);
        m_clusters.fetch_add(1, std::memory_order_relaxed);
    }
    install(slot, c);
    return c;
}

void SlotTable::install(unsigned slot, Cluster* c) {
    Cluster* old = m_current[slot].exchange(c, std::memory_order_acq_rel);
    if (old && old != c)
        disown(old, slot); // two threads sharing an overflowed slot raced: let the loser's go
}

void SlotTable::disown(Cluster* c, unsigned slot) {
    util::EpochGuard guard;
    bool released = false;
    {
        std::lock_guard lock(c->lock);
        if (c->dead || c->ownerSlot != int(slot))
            return;
        c->ownerSlot = -1;
        if (c->used == 0) {
            releaseLocked(c);
            released = true;
        } else if (c->used < kClusterSize) {
            ensureNonfull(c);
        }
    }
    if (released)
        retire(c);
}

Cluster* SlotTable::find(SlotId slot) const {
    if (!slot.valid())
        return nullptr;
    const std::uint64_t index = slot.value >> kClusterShift;
    if (index >= kMaxClusters)
        return nullptr;
    Leaf* leaf = m_top[index >> kLeafBits].load(std::memory_order_acquire);
    if (!leaf)
        return nullptr;
    return leaf->clusters[index & ((1u << kLeafBits) - 1)].load(std::memory_order_acquire);
}

bool SlotTable::afterFreeLocked(Cluster* c) {
    if (c->ownerSlot != -1)
        return false; // the owner keeps allocating from it
    if (c->used == 0) {
        releaseLocked(c);
        return true;
    }
    ensureNonfull(c);
    return false;
}

void SlotTable::ensureNonfull(Cluster* c) {
    if (c->onNonfullList.load(std::memory_order_acquire))
        return; // a stale "true" is harmless: whoever unlinked it is about to take it
    std::lock_guard lock(m_lock);
    if (!c->onNonfullList.load(std::memory_order_relaxed))
        pushNonfullLocked(c);
}

void SlotTable::releaseLocked(Cluster* c) {
    std::lock_guard lock(m_lock);
    if (c->onNonfullList.load(std::memory_order_relaxed))
        unlinkNonfullLocked(c);
    Leaf* leaf = m_top[c->index >> kLeafBits].load(std::memory_order_relaxed);
    leaf->clusters[c->index & ((1u << kLeafBits) - 1)].store(nullptr, std::memory_order_release);
    --leaf->live;
    m_freeIndices.push_back(c->index);
    std::push_heap(m_freeIndices.begin(), m_freeIndices.end(), std::greater<>());
    m_clusters.fetch_sub(1, std::memory_order_relaxed);
    c->dead = true;
    if (c->side) {
        noteSideTables(-1);
        c->side.reset();
    }
    if (c->lruWords) {
        noteLruWords(-1);
        c->lruWords.reset();
    }
}

void SlotTable::retire(Cluster* c) {
    util::Epoch::global().retire(c, [](void* p) { delete static_cast<Cluster*>(p); });
}

void SlotTable::pushNonfullLocked(Cluster* c) {
    c->prev = nullptr;
    c->next = m_nonfull;
    if (m_nonfull)
        m_nonfull->prev = c;
    m_nonfull = c;
    c->onNonfullList.store(true, std::memory_order_release);
}

void SlotTable::unlinkNonfullLocked(Cluster* c) {
    if (c->prev)
        c->prev->next = c->next;
    else
        m_nonfull = c->next;
    if (c->next)
        c->next->prev = c->prev;
    c->prev = c->next = nullptr;
    c->onNonfullList.store(false, std::memory_order_release);
}

void SlotTable::trim() {
    const unsigned slots = util::threadSlotHighWater();
    for (unsigned s = 0; s < slots; ++s) {
        util::EpochGuard guard;
        if (Cluster* c = m_current[s].exchange(nullptr, std::memory_order_acq_rel))
            disown(c, s);
    }
    // Empty directory leaves.
    std::vector<Leaf*> dead;
    {
        std::lock_guard lock(m_lock);
        for (auto& top : m_top) {
            Leaf* leaf = top.load(std::memory_order_relaxed);
            if (leaf && leaf->live == 0) {
                top.store(nullptr, std::memory_order_release);
                dead.push_back(leaf);
            }
        }
    }
    for (Leaf* leaf : dead) {
        m_leaves.fetch_sub(1, std::memory_order_relaxed);
        util::Epoch::global().retire(leaf, [](void* p) { delete static_cast<Leaf*>(p); });
    }
    util::Epoch::global().reclaim();
}

SlotTableStats SlotTable::stats() const {
    SlotTableStats s;
    s.clusters = m_clusters.load(std::memory_order_relaxed);
    const auto overflow = std::max<std::int64_t>(0, m_overflowEntries.load(std::memory_order_relaxed));
    const auto cached = std::max<std::int64_t>(0, m_cachedPages.load(std::memory_order_relaxed));
    const auto sides = std::max<std::int64_t>(0, m_sideTables.load(std::memory_order_relaxed));
    s.overflowCounts = std::uint64_t(overflow);
    s.cachedPages = std::uint64_t(cached);
    s.metadataBytes = sizeof(m_top) + sizeof(m_current) + m_leaves.load(std::memory_order_relaxed) * sizeof(Leaf)
                      + s.clusters * sizeof(Cluster)
                      + std::uint64_t(sides) * sizeof(SideTables) + std::uint64_t(overflow + cached) * 64
                      + std::uint64_t(std::max<std::int64_t>(0, m_lruWordArrays.load(std::memory_order_relaxed)))
                            * kClusterSize * sizeof(std::uint32_t);
    return s;
}

} // namespace swaptier::descriptor
