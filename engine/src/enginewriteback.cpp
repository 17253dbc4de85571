// SPDX-License-Identifier: GPL-3.0-or-later
// Writeback (demotion from the pool to devices), batched (issue #4).
//
// A pass takes records from the old end of each cgroup's pool LRU (round-robin over the
// cgroups of the subtree, a batch at a time), and for each live record, under the entry's
// cluster lock: a busy entry is skipped (record back at the young end), a referenced one gets
// its second chance (bit cleared, record rotated), one younger than minIdleNanos ends the
// cgroup's scan (record back at the old end), one whose owner may not reach a device stays.
// The others are taken: busy bit set, cluster lock dropped. Their device slots are charged to
// swap.max, their bytes gathered (decompressed, or the pool's compressed bytes as they are),
// and DeviceSet::storeRun allocates contiguous runs of physical slots and writes each run with
// one I/O. Then each entry is switched to its slot under its cluster lock and its pool object
// freed. An entry freed meanwhile (count 0 under the busy bit) is freed by the pass; a write
// error leaves the batch's entries in the pool. So no entry is lost or duplicated, and a pass
// never touches a cgroup outside its subtree.
//
// Store-time demotion (memory.zswap.max) and the global pool shrink (the pool refused a store
// for its limit: zswap's shrink worker) are writeback passes too; the shrink runs on the
// storing thread after its store, one thread at a time, a bounded amount per store.
//
// Lock order: as enginepolicy.cpp; no lock is held across the writes.
#include "engineimpl.h"

#include "util/epoch.h"
#include "util/threadbuffer.h"

#include <algorithm>
#include <chrono>
#include <cerrno>
#include <cstring>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;


struct EngineImpl::WritebackPass {
    explicit WritebackPass(const WritebackOptions& o) : options(o) {}

    const WritebackOptions& options;
    WritebackReport report;
    std::uint32_t now = 0;
    std::uint32_t idleUnits = 0;
    bool honourReferenced = true;
    bool stop = false;

    bool limitReached(std::uint64_t pendingPages, std::uint64_t pendingPoolBytes) const {
        if (report.written + pendingPages >= options.maxPages)
            return true;
        if (options.maxPoolBytes != kUnlimited && report.poolBytesFreed + pendingPoolBytes >= options.maxPoolBytes)
            return true;
        if (options.maxWriteBytes != kUnlimited
            && report.bytesWritten + (pendingPages + 1) * kPageSize > options.maxWriteBytes)
            return true;
        return false;
    }
};

void EngineImpl::writebackBatch(WritebackPass& pass, std::uint16_t cgroup, std::vector<policy::LruRecord>& records) {
    using policy::LruRecord;
    using policy::LruWord;
    struct Taken {
        LruRecord record;
        Cluster* cluster;
        std::uint32_t offset;
        std::uint64_t backing;
    };
    WritebackReport& rep = pass.report;
    policy::CgroupNode& node = m_cgroups.node(cgroup);
    const bool allowed = m_cgroups.writebackAllowed(cgroup);
    auto [mask, generation] = policyTierMask(cgroup);

    std::vector<Taken> taken;
    std::vector<LruRecord> toFront, toBack;
    std::uint64_t plannedPoolBytes = 0;
    bool youngHit = false;

    EpochGuard guard; // clusters of taken entries stay alive: each holds a busy entry
    for (const LruRecord& r : records) {
        if (youngHit || pass.limitReached(taken.size(), plannedPoolBytes)) {
            toFront.push_back(r);
            continue;
        }
        Cluster* c = m_slots.find(SlotId{r.slot});
        if (!c) {
            ++rep.vanished;
            continue;
        }
        std::lock_guard lock(c->lock);
        const std::uint32_t off = std::uint32_t(r.slot % descriptor::kClusterSize);
        const std::uint64_t b = c->backing[off];
        if (c->dead || Backing::type(b) != BackingType::Pool || c->cgroup[off] != cgroup || !c->lruWords
            || (c->lruWords[off] & LruWord::kStampMask) != r.stamp) {
            ++rep.vanished;
            continue;
        }
        ++rep.scanned;
        const std::uint32_t m = c->meta[off].load(std::memory_order_relaxed);
        if (m & Meta::kBusy) {
            ++rep.busy;
            toBack.push_back(r);
            continue;
        }
        std::uint32_t& word = c->lruWords[off];
        if (pass.honourReferenced && (word & LruWord::kReferenced)) {
            word &= ~LruWord::kReferenced;
            ++rep.rotated;
            toBack.push_back({r.slot, r.stamp, pass.now});
            continue;
        }
        if (pass.idleUnits && std::uint32_t(pass.now - r.time) < pass.idleUnits) {
            ++rep.young;
            youngHit = true;
            toFront.push_back(r);
            continue;
        }
        if (!allowed || mask == 0) {
            ++rep.notAllowed;
            toBack.push_back(r);
            continue;
        }
        c->meta[off].store(m | Meta::kBusy, std::memory_order_release);
        taken.push_back({r, c, off, b});
        plannedPoolBytes += Backing::storedBytes(b);
    }
    for (const LruRecord& r : toBack)
        node.lru.push(r);
    node.lru.pushFront(toFront);
    if (taken.empty()) {
        records.clear();
        if (youngHit)
            records.push_back({}); // signal: young entries reached (the caller ends this cgroup's scan)
        return;
    }

    // Charge swap.max; entries past it stay in the pool.
    std::size_t charged = 0;
    for (; charged < taken.size(); ++charged)
        if (m_cgroups.tryChargeDevice(cgroup, 1))
            break;

    // Gather the bytes. The busy bit keeps every pool object alive and unmoved. Raw pages are
    // decompressed back to back into an aligned per-thread buffer, which the device then writes
    // in place (no second copy).
    const std::size_t k = charged;
    std::byte* buffer = util::threadBuffer<util::BufferTag::WritebackGather>(k * kPageSize);
    if (!buffer) {
        rep.firstError = Error::of(Errc::IoError).os(ENOMEM);
        pass.stop = true;
    }
    std::vector<swapfile::SwapDevice::RunPage> pages;
    pages.reserve(k);
    std::vector<bool> readable(k, true), corrupt(k, false);
    for (std::size_t i = 0; i < k; ++i) {
        const pool::PoolHandle h = Backing::poolHandle(taken[i].backing);
        const SlotId slot{taken[i].record.slot};
        if (pass.options.compressed && h.codec() != Codec::Raw) {
            pages.push_back({m_pool.objectData(h), h.length(), slot});
            continue;
        }
        if (!buffer) {
            readable[i] = false;
            pages.push_back({nullptr, std::uint32_t(kPageSize), slot});
            continue;
        }
        std::byte* page = buffer + i * kPageSize;
        if (Status st = m_pool.load(h, page); !st) {
            readable[i] = false;
            corrupt[i] = true;
            if (rep.firstError.code == Errc::Ok)
                rep.firstError = Error(st.error()).at(slot);
        }
        pages.push_back({page, std::uint32_t(kPageSize), slot});
    }
    // Unreadable entries (corrupt pool objects) are not written: compact them out of the run.
    std::vector<std::size_t> order; // pages index -> taken index
    {
        std::vector<swapfile::SwapDevice::RunPage> good;
        for (std::size_t i = 0; i < k; ++i)
            if (readable[i]) {
                good.push_back(pages[i]);
                order.push_back(i);
            }
        pages.swap(good);
    }

    std::vector<std::pair<unsigned, std::uint64_t>> placed(k, {~0u, 0});
    std::uint64_t runs = 0;
    for (std::size_t at = 0; at < pages.size();) {
        auto r = m_devices.storeRun(std::span(pages).subspan(at), {}, swapfile::DeviceSet::TierMask{mask, generation});
        if (!r) {
            if (r.code() == Errc::Busy && r.error().path == "tiers") {
                std::tie(mask, generation) = policyTierMask(cgroup);
                if (mask != 0)
                    continue;
                rep.notAllowed += pages.size() - at;
                break;
            }
            if (r.code() == Errc::DeviceFull || r.code() == Errc::NoDevice)
                rep.deviceFull = true;
            else if (rep.firstError.code == Errc::Ok)
                rep.firstError = r.error();
            pass.stop = true;
            break;
        }
        for (std::uint32_t j = 0; j < r->count; ++j)
            placed[order[at + j]] = {r->index, r->firstSlot + j};
        ++runs;
        rep.bytesWritten += std::uint64_t(r->count) * kPageSize;
        at += r->count;
    }
    rep.writes += runs;

    // Commit: switch each written entry to its slot; the others stay in the pool.
    std::vector<LruRecord> keep;
    for (std::size_t i = 0; i < taken.size(); ++i) {
        Taken& t = taken[i];
        const bool wasCharged = i < charged;
        const bool written = wasCharged && placed[i].first != ~0u;
        Locked l{t.cluster, t.offset, std::unique_lock(t.cluster->lock)};
        Release rel;
        std::uint64_t oldSpace = 0;
        {
            auto txn = m_stats.begin();
            auto& ev = txn.events(cgroup);
            if (written) {
                const pool::PoolHandle h = Backing::poolHandle(t.backing);
                const bool keepCompressed = pass.options.compressed && h.codec() != Codec::Raw;
                const std::uint64_t nb =
                    keepCompressed ? Backing::device(placed[i].first, placed[i].second, h.codec(), h.length())
                                   : Backing::device(placed[i].first, placed[i].second);
                l.cluster->backing[l.offset] = nb;
                txn.usage(cgroup, Backend::Pool, -1, Backing::storedBytes(t.backing));
                txn.usage(cgroup, Backend::Device, +1, Backing::storedBytes(nb));
                settleCharges(cgroup, t.backing, nb, true);
                lruRemoveLocked(l, cgroup);
                ++ev.moves;
                ++ev.zswpwb;
                ++ev.pswpout;
                ++rep.written;
                rep.poolBytesFreed += Backing::storedBytes(t.backing);
                oldSpace = t.backing;
            } else {
                if (wasCharged)
                    m_cgroups.chargeDevice(cgroup, -1);
                else
                    ++rep.notAllowed; // swap.max
                if (wasCharged && corrupt[i])
                    ++ev.corruptions;
            }
            clearBusyLocked(l, rel);
            if (countLocked(l) == 0)
                freeEntryLocked(l, txn, rel); // put while we wrote: free wherever it is now
            else if (!written)
                keep.push_back(t.record);
        }
        l.lock.unlock();
        finish(rel);
        if (oldSpace)
            releaseBacking(oldSpace);
    }
    if (runs) {
        auto txn = m_stats.begin();
        txn.events(cgroup).writebackWrites += runs;
    }
    node.lru.pushFront(keep);
    records.clear();
    if (youngHit)
        records.push_back({}); // signal: young entries reached
}

Result<WritebackReport> EngineImpl::writeback(const WritebackOptions& options) {
    if (options.batchPages < 1 || options.batchPages > swapfile::kClusterSlots)
        return Error::of(Errc::InvalidArgument).file("batchPages");
    const auto start = std::chrono::steady_clock::now();
    WritebackPass pass{options};
    pass.now = lruTime();
    pass.idleUnits = lruUnits(options.minIdleNanos);
    pass.honourReferenced = options.secondChance || options.minIdleNanos > 0;

    std::vector<std::uint16_t> members;
    std::uint64_t queued = 0;
    for (std::uint16_t c : m_cgroups.activeLrus()) {
        if (m_cgroups.isInSubtree(c, options.cgroup.value)) {
            members.push_back(c);
            queued += m_cgroups.node(c).lru.size();
        }
    }
    if (!members.empty()) // round-robin: who goes first changes from pass to pass
        std::rotate(members.begin(),
                    members.begin() + std::ptrdiff_t(m_shrinkCursor.fetch_add(1, std::memory_order_relaxed) % members.size()),
                    members.end());
    std::vector<bool> finished(members.size(), false);
    const std::uint64_t scanCap = 2 * queued + options.batchPages;
    std::uint64_t lastProgress = 0;
    std::vector<policy::LruRecord> records;
    while (!pass.stop) {
        bool progress = false;
        for (std::size_t i = 0; i < members.size() && !pass.stop; ++i) {
            if (finished[i])
                continue;
            if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
                pass.stop = true;
                break;
            }
            if (pass.limitReached(0, 0) || pass.report.scanned > scanCap) {
                pass.stop = true;
                break;
            }
            const std::uint64_t left = options.maxPages - pass.report.written;
            records.clear();
            m_cgroups.node(members[i]).lru.pop(std::size_t(std::min<std::uint64_t>(options.batchPages, left)), records);
            if (records.empty()) {
                finished[i] = true;
                continue;
            }
            const std::uint64_t before = pass.report.written + pass.report.rotated;
            writebackBatch(pass, members[i], records);
            if (!records.empty()) // young entries reached: nothing older is left in this cgroup
                finished[i] = true;
            if (pass.report.written + pass.report.rotated > before)
                progress = true;
            if (options.progress && pass.report.written != lastProgress) {
                lastProgress = pass.report.written;
                options.progress(pass.report.written);
            }
        }
        if (!progress)
            break;
    }
    for (std::uint16_t c : members)
        if (m_cgroups.node(c).lru.staleHeavy())
            cleanLru(c);
    pass.report.nanos = std::uint64_t(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    if (options.cancel && options.cancel->load(std::memory_order_relaxed))
        return Error::of(Errc::Cancelled);
    return pass.report;
}

bool EngineImpl::demoteForPoolLimit(std::uint16_t level) {
    if (!m_cgroups.writebackAllowed(level))
        return false; // nothing under it may reach a device
    const std::uint64_t excess = m_cgroups.poolExcess(level);
    WritebackOptions o;
    o.cgroup = CgroupId{level};
    // Room for this page and some slack, so the next stores do not each pay for a pass.
    o.maxPoolBytes = excess + 16 * kPageSize;
    o.batchPages = 64;
    o.secondChance = true;
    static_cast<void>(writeback(o));
    return !m_cgroups.overPoolLimit(level, 0);
}

WritebackReport EngineImpl::shrinkPool(std::uint64_t maxPages) {
    WritebackReport total;
    if (m_shrinking.exchange(true, std::memory_order_acq_rel))
        return total;
    while (m_pool.refusing() && total.written < maxPages) {
        WritebackOptions o;
        o.maxPages = std::min<std::uint64_t>(64, maxPages - total.written);
        o.batchPages = 64;
        auto r = writeback(o);
        if (!r)
            break;
        total.written += r->written;
        total.rotated += r->rotated;
        total.bytesWritten += r->bytesWritten;
        total.poolBytesFreed += r->poolBytesFreed;
        total.writes += r->writes;
        if (r->written == 0)
            break;
    }
    // Nothing more to do (or nothing writable now): the next refused store asks again, but
    // not for ~100 ms when this pass could not write anything (no store pays for futile scans).
    if (total.written == 0)
        m_shrinkRetryAt.store(lruTime() + 6, std::memory_order_relaxed);
    m_shrinkPending.store(false, std::memory_order_relaxed);
    m_shrinking.store(false, std::memory_order_release);
    return total;
}

} // namespace swaptier
