// SPDX-License-Identifier: GPL-3.0-or-later
// Pool compaction (issue #4): repacks the compressed pool's size classes so that partly used
// zspages are given back, in the spirit of zsmalloc's compaction.
//
// The pool isolates, per size class, the sparsest zspages whose objects fit into the free
// objects of the others (CompressedPool::compactionPlan; allocation skips isolated zspages).
// A pool handle names its zspage directly, so moving an object changes the handle the owning
// descriptor holds. The engine finds those entries with one scan of the slot table (each
// cluster under its own lock: compaction is rare, and a slot costs a type test and, for pool
// entries, a binary search in the plan), then moves each one with the move protocol: own the
// entry through its busy bit, copy the compressed bytes into a fuller zspage with the cluster
// lock dropped (CompressedPool::migrate: same codec and length, no recompression, never a new
// zspage), switch the backing word under the lock, free the old object. The length does not
// change, so no usage counter does either: per-cgroup stored bytes still add up to the pool's.
// An isolated zspage is given back by the free of its last object, as any other.
//
// Entries another thread holds are tried once more after the pass, then skipped (counted);
// entries freed or moved out of the pool meanwhile count as vanished. endCompaction() returns
// whatever is still isolated (skipped entries, no room, cancel) to allocation, so every entry
// stays readable wherever compaction left it.
#include "engineimpl.h"

#include "util/epoch.h"

#include <chrono>
#include <thread>
#include <vector>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;

namespace {

struct PoolEntry {
    SlotId slot;
    std::uint64_t backing = 0;
};

/// Live pool entries whose object lies in a zspage of `plan`.
std::vector<PoolEntry> entriesToMigrate(const descriptor::SlotTable& slots,
                                        const pool::CompressedPool::CompactionPlan& plan) {
    std::vector<PoolEntry> entries;
    entries.reserve(plan.objects);
    EpochGuard guard;
    slots.forEachCluster([&](descriptor::Cluster* c) {
        std::lock_guard lock(c->lock);
        if (c->dead)
            return;
        for (std::uint32_t offset = 0; offset < descriptor::kClusterSize; ++offset) {
            const std::uint64_t b = c->backing[offset];
            if (Backing::type(b) == BackingType::Pool && plan.contains(Backing::poolHandle(b)))
                entries.push_back({c->slotOf(offset), b});
        }
    });
    return entries;
}

void readPool(const PoolStats& s, std::uint64_t& bytes, std::uint64_t& zspages) {
    bytes = s.poolBytes;
    zspages = s.zspages;
}

} // namespace

EngineImpl::CompactOutcome EngineImpl::compactEntry(SlotId slot, std::uint64_t expected) {
    EpochGuard guard;
    auto locked = lockEntry(slot);
    if (!locked)
        return CompactOutcome::Gone;
    Locked& l = *locked;
    if (l.meta() & Meta::kBusy)
        return CompactOutcome::Busy;
    if (l.backing() != expected)
        return CompactOutcome::Gone; // freed, moved, or its slot reused since the scan
    l.setMeta(l.meta() | Meta::kBusy);
    l.lock.unlock();

    const pool::PoolHandle from = Backing::poolHandle(expected);
    const auto migrated = m_pool.migrate(from);
    const bool moved = migrated && migrated->has_value();

    Release rel;
    l.lock.lock();
    if (moved)
        l.cluster->backing[l.offset] = Backing::pool(**migrated);
    clearBusyLocked(l, rel);
    if (countLocked(l) == 0) { // the last reference was put meanwhile: ours to free
        auto txn = m_stats.begin();
        freeEntryLocked(l, txn, rel);
    }
    l.lock.unlock();
    finish(rel);
    if (moved) {
        m_pool.free(from);
        return CompactOutcome::Moved;
    }
    // Not isolated any more: its zspage was freed and the id reused, so this is another object.
    return migrated ? CompactOutcome::Gone : CompactOutcome::NoRoom;
}

Result<PoolCompactReport> EngineImpl::compactPool(const std::atomic<bool>* cancel) {
    std::lock_guard compactLock(m_poolCompactLock);
    if (cancel && cancel->load(std::memory_order_relaxed))
        return Error::of(Errc::Cancelled);
    const auto start = std::chrono::steady_clock::now();
    PoolCompactReport report;
    readPool(m_pool.stats(), report.poolBytesBefore, report.zspagesBefore);

    const auto plan = m_pool.compactionPlan();
    std::vector<PoolEntry> entries;
    if (!plan.zspages.empty())
        entries = entriesToMigrate(m_slots, plan);

    // Two tries: the whole list, then the entries that were busy the first time.
    bool cancelled = false;
    std::vector<PoolEntry> busy;
    for (int attempt = 0; attempt < 2 && !cancelled; ++attempt) {
        if (attempt == 1) {
            entries.swap(busy);
            busy.clear();
            std::this_thread::yield();
        }
        for (const PoolEntry& e : entries) {
            if (cancel && cancel->load(std::memory_order_relaxed)) {
                cancelled = true;
                break;
            }
            switch (compactEntry(e.slot, e.backing)) {
            case CompactOutcome::Moved: ++report.objectsMoved; break;
            case CompactOutcome::Busy: busy.push_back(e); break;
            case CompactOutcome::Gone: ++report.vanished; break;
            case CompactOutcome::NoRoom: ++report.noRoom; break;
            }
        }
    }
    report.busySkipped = busy.size();
    m_pool.endCompaction();

    readPool(m_pool.stats(), report.poolBytesAfter, report.zspagesAfter);
    report.nanos = std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::steady_clock::now() - start).count());
    if (cancelled)
        return Error::of(Errc::Cancelled);
    return report;
}

} // namespace swaptier
