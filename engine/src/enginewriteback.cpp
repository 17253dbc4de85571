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
// Pipelining: a pass of two batches or more starts a writer thread (BatchWriter) and keeps
// two batches in flight, each gathered into its own per-thread aligned buffer: while the
// writer writes batch k, this thread selects and gathers batch k+1, then waits for batch k
// and commits it. The page cache copy or the device's latency of one batch thus overlaps the
// decompression and checksumming of the next (writeback of 256 MiB buffered: see
// docs/benchmarks.md section 6). The writer touches only its batch's write results and the
// devices; batches pass between the threads under the writer's mutex. Limits count the
// entries of uncommitted batches (pendingPages), so a pass never overshoots maxPages or its
// byte budgets; if batch k fails, batch k+1 is committed unwritten (it stays in the pool).
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
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

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
    std::uint64_t pendingPages = 0;     ///< taken by batches not committed yet (in flight)
    std::uint64_t pendingPoolBytes = 0; ///< their compressed bytes

    bool limitReached(std::uint64_t planned, std::uint64_t plannedPoolBytes) const {
        const std::uint64_t pages = pendingPages + planned;
        if (report.written + pages >= options.maxPages)
            return true;
        if (options.maxPoolBytes != kUnlimited
            && report.poolBytesFreed + pendingPoolBytes + plannedPoolBytes >= options.maxPoolBytes)
            return true;
        if (options.maxWriteBytes != kUnlimited && report.bytesWritten + (pages + 1) * kPageSize > options.maxWriteBytes)
            return true;
        return false;
    }
};

/// One batch on its way through the pass: taken from one cgroup's LRU (select), gathered
/// (gather), written (write: the only phase that may run on the writer thread, and it touches
/// only the fields below "write results"), committed (commit).
struct EngineImpl::WritebackBatch {
    struct Taken {
        policy::LruRecord record;
        Cluster* cluster;
        std::uint32_t offset;
        std::uint64_t backing;
    };
    std::uint16_t cgroup = 0;
    std::vector<Taken> taken;               ///< entries whose busy bit the pass set
    std::size_t charged = 0;                ///< taken[0, charged) hold a swap.max charge
    std::uint64_t poolBytes = 0;            ///< compressed bytes of the taken entries
    std::uint32_t mask = kAllTiers;         ///< the owner's allowed tiers ...
    std::uint64_t generation = 0;           ///< ... for this tier table generation
    std::vector<swapfile::SwapDevice::RunPage> pages; ///< readable charged entries, write order
    std::vector<std::size_t> order;         ///< pages index -> taken index
    std::vector<std::uint8_t> corrupt;      ///< per taken entry: its pool object did not decode

    // write results
    std::vector<std::pair<unsigned, std::uint64_t>> placed; ///< per taken entry: device, slot (~0u: not written)
    std::uint64_t runs = 0;
    std::uint64_t bytesWritten = 0;
    std::uint64_t notAllowed = 0;           ///< no allowed tier left when written
    bool deviceFull = false;
    bool failed = false;                    ///< stop the pass (device full or write error)
    Error error;

    /// Empties the batch for reuse (keeps the vectors' capacity).
    void reset(std::uint16_t owner) {
        cgroup = owner;
        taken.clear();
        charged = 0;
        poolBytes = 0;
        mask = kAllTiers;
        generation = 0;
        pages.clear();
        order.clear();
        corrupt.clear();
        placed.clear();
        runs = 0;
        bytesWritten = 0;
        notAllowed = 0;
        deviceFull = false;
        failed = false;
        error = {};
    }
};

/// The pass's second thread: writes batch k while the caller gathers batch k+1. One job at a
/// time, handed over under `m_lock` (the hand-over orders the batch's memory both ways).
class EngineImpl::BatchWriter {
public:
    explicit BatchWriter(EngineImpl& engine) : m_engine(engine), m_thread([this] { run(); }) {}
    ~BatchWriter() {
        {
            std::lock_guard lock(m_lock);
            m_quit = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
    BatchWriter(const BatchWriter&) = delete;
    BatchWriter& operator=(const BatchWriter&) = delete;

    /// REQUIRES: no job pending (wait() returned since the last submit).
    void submit(WritebackBatch& batch) {
        {
            std::lock_guard lock(m_lock);
            m_job = &batch;
        }
        m_wake.notify_all();
    }
    /// Blocks until the submitted job (if any) is written.
    void wait() {
        std::unique_lock lock(m_lock);
        m_wake.wait(lock, [this] { return m_job == nullptr; });
    }

private:
    void run() {
        std::unique_lock lock(m_lock);
        for (;;) {
            m_wake.wait(lock, [this] { return m_quit || m_job != nullptr; });
            if (m_job == nullptr)
                return; // quit with nothing pending
            WritebackBatch* job = m_job;
            lock.unlock();
            m_engine.writeBatch(*job);
            lock.lock();
            m_job = nullptr;
            m_wake.notify_all();
        }
    }

    EngineImpl& m_engine;
    std::mutex m_lock;
    std::condition_variable m_wake;
    WritebackBatch* m_job = nullptr;
    bool m_quit = false;
    std::thread m_thread; // last: starts after the fields it uses
};

void EngineImpl::selectBatch(WritebackPass& pass, std::uint16_t cgroup, std::vector<policy::LruRecord>& records,
                             WritebackBatch& batch, bool& youngHit) {
    using policy::LruRecord;
    using policy::LruWord;
    WritebackReport& rep = pass.report;
    policy::CgroupNode& node = m_cgroups.node(cgroup);
    const bool allowed = m_cgroups.writebackAllowed(cgroup);
    batch.reset(cgroup);
    std::tie(batch.mask, batch.generation) = policyTierMask(cgroup);

    std::vector<LruRecord> toFront, toBack;
    youngHit = false;
    // A taken entry's cluster stays alive without the guard: its busy entry cannot be freed
    // (a put under the busy bit leaves the freeing to the pass), so the cluster cannot empty.
    EpochGuard guard;
    for (const LruRecord& r : records) {
        if (youngHit || pass.limitReached(batch.taken.size(), batch.poolBytes)) {
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
        if (!allowed || batch.mask == 0) {
            ++rep.notAllowed;
            toBack.push_back(r);
            continue;
        }
        c->meta[off].store(m | Meta::kBusy, std::memory_order_release);
        batch.taken.push_back({r, c, off, b});
        batch.poolBytes += Backing::storedBytes(b);
    }
    for (const LruRecord& r : toBack)
        node.lru.push(r);
    node.lru.pushFront(toFront);
    records.clear();

    // Charge swap.max; entries past it stay in the pool.
    for (; batch.charged < batch.taken.size(); ++batch.charged)
        if (m_cgroups.tryChargeDevice(cgroup, 1))
            break;
    batch.placed.assign(batch.taken.size(), {~0u, 0});
    batch.corrupt.assign(batch.taken.size(), 0);
}

void EngineImpl::gatherBatch(WritebackPass& pass, WritebackBatch& batch, std::byte* buffer) {
    // The busy bit keeps every pool object alive and unmoved. Raw pages are decompressed back
    // to back into `buffer` (aligned), which the device then writes in place (no second copy).
    // Unreadable entries (corrupt pool objects) are left out of the run.
    WritebackReport& rep = pass.report;
    if (!buffer && batch.charged > 0) {
        if (rep.firstError.code == Errc::Ok)
            rep.firstError = Error::of(Errc::IoError).os(ENOMEM);
        pass.stop = true;
        return; // nothing gathered: the batch is committed unwritten
    }
    batch.pages.reserve(batch.charged);
    batch.order.reserve(batch.charged);
    for (std::size_t i = 0; i < batch.charged; ++i) {
        const pool::PoolHandle h = Backing::poolHandle(batch.taken[i].backing);
        const SlotId slot{batch.taken[i].record.slot};
        if (pass.options.compressed && h.codec() != Codec::Raw) {
            batch.pages.push_back({m_pool.objectData(h), h.length(), slot});
            batch.order.push_back(i);
            continue;
        }
        std::byte* page = buffer + batch.pages.size() * kPageSize;
        if (Status st = m_pool.load(h, page); !st) {
            batch.corrupt[i] = 1;
            if (rep.firstError.code == Errc::Ok)
                rep.firstError = Error(st.error()).at(slot);
            continue;
        }
        batch.pages.push_back({page, std::uint32_t(kPageSize), slot});
        batch.order.push_back(i);
    }
}

void EngineImpl::writeBatch(WritebackBatch& batch) {
    // storeRun walks the published device order: without a guard a concurrent add, swapoff or
    // priority change could retire and free that order while this thread (the pass's thread
    // or its BatchWriter) still walks it. Holding it across the writes is what the other
    // device stores do too; swapoff's barrier waits for it.
    EpochGuard guard;
    const std::span<const swapfile::SwapDevice::RunPage> pages(batch.pages);
    for (std::size_t at = 0; at < pages.size();) {
        auto r = m_devices.storeRun(pages.subspan(at), {}, swapfile::DeviceSet::TierMask{batch.mask, batch.generation});
        if (!r) {
            if (r.code() == Errc::Busy && r.error().path == "tiers") {
                std::tie(batch.mask, batch.generation) = policyTierMask(batch.cgroup);
                if (batch.mask != 0)
                    continue;
                batch.notAllowed += pages.size() - at;
                break;
            }
            if (r.code() == Errc::DeviceFull || r.code() == Errc::NoDevice)
                batch.deviceFull = true;
            else
                batch.error = r.error();
            batch.failed = true;
            break;
        }
        for (std::uint32_t j = 0; j < r->count; ++j)
            batch.placed[batch.order[at + j]] = {r->index, r->firstSlot + j};
        ++batch.runs;
        batch.bytesWritten += std::uint64_t(r->count) * kPageSize;
        at += r->count;
    }
}

void EngineImpl::commitBatch(WritebackPass& pass, WritebackBatch& batch) {
    using policy::LruRecord;
    WritebackReport& rep = pass.report;
    const std::uint16_t cgroup = batch.cgroup;
    rep.writes += batch.runs;
    rep.bytesWritten += batch.bytesWritten;
    rep.notAllowed += batch.notAllowed;
    rep.deviceFull = rep.deviceFull || batch.deviceFull;
    if (batch.error.code != Errc::Ok && rep.firstError.code == Errc::Ok)
        rep.firstError = batch.error;
    if (batch.failed)
        pass.stop = true;

    // Switch each written entry to its slot; the others stay in the pool.
    std::vector<LruRecord> keep;
    for (std::size_t i = 0; i < batch.taken.size(); ++i) {
        WritebackBatch::Taken& t = batch.taken[i];
        const bool wasCharged = i < batch.charged;
        const bool written = wasCharged && batch.placed[i].first != ~0u;
        Locked l{t.cluster, t.offset, std::unique_lock(t.cluster->lock)};
        Release rel;
        std::uint64_t oldSpace = 0;
        {
            auto txn = m_stats.begin();
            auto& ev = txn.events(cgroup);
            if (written) {
                const pool::PoolHandle h = Backing::poolHandle(t.backing);
                const bool keepCompressed = pass.options.compressed && h.codec() != Codec::Raw;
                const auto [device, slot] = batch.placed[i];
                const std::uint64_t nb = keepCompressed ? Backing::device(device, slot, h.codec(), h.length())
                                                        : Backing::device(device, slot);
                l.cluster->backing[l.offset] = nb;
                countUsage(txn, cgroup, t.backing, -1);
                countUsage(txn, cgroup, nb, +1);
                settleCharges(cgroup, t.backing, nb, true);
                lruRemoveLocked(l, cgroup);
                ++ev.moves;
                ++ev.zswpwb;
                ++ev.pswpout;
                ++ev.storedTo[std::size_t(Backend::Device)];
                ++ev.loadedFrom[std::size_t(Backend::Pool)];
                ++rep.written;
                rep.poolBytesFreed += Backing::storedBytes(t.backing);
                oldSpace = t.backing;
            } else {
                if (wasCharged)
                    m_cgroups.chargeDevice(cgroup, -1);
                else
                    ++rep.notAllowed; // swap.max
                if (batch.corrupt[i])
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
    if (batch.runs) {
        auto txn = m_stats.begin();
        txn.events(cgroup).writebackWrites += batch.runs;
    }
    m_cgroups.node(cgroup).lru.pushFront(keep);
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

    // Two batches in flight when the pass has room for at least two: the writer thread writes
    // one while this thread selects and gathers the next, each into its own buffer.
    const bool pipelined = options.pipelined && options.batchPages >= kMinPipelinedBatch
                           && std::min(options.maxPages, queued) >= 2 * std::uint64_t(options.batchPages);
    std::optional<BatchWriter> writer;
    if (pipelined)
        writer.emplace(*this);
    WritebackBatch batches[2];
    WritebackBatch* inFlight = nullptr; // submitted to the writer, not committed
    unsigned next = 0;
    const auto retire = [&](WritebackBatch& b) {
        commitBatch(pass, b);
        pass.pendingPages -= b.taken.size();
        pass.pendingPoolBytes -= b.poolBytes;
    };

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
            if (pass.limitReached(0, 0) || pass.report.scanned + pass.report.vanished > scanCap) {
                pass.stop = true;
                break;
            }
            const std::uint64_t left = options.maxPages - pass.report.written - pass.pendingPages;
            records.clear();
            m_cgroups.node(members[i]).lru.pop(std::size_t(std::min<std::uint64_t>(options.batchPages, left)), records);
            if (records.empty()) {
                finished[i] = true;
                continue;
            }
            const std::uint64_t rotatedBefore = pass.report.rotated;
            const std::uint64_t vanishedBefore = pass.report.vanished;
            WritebackBatch& batch = batches[next];
            bool youngHit = false;
            selectBatch(pass, members[i], records, batch, youngHit);
            if (youngHit) // nothing older is left in this cgroup
                finished[i] = true;
            // Dropping stale records is progress too: the live entries behind a batch of them
            // (entries loaded, freed or moved since) are still to be reached.
            if (batch.charged > 0 || pass.report.rotated > rotatedBefore || pass.report.vanished > vanishedBefore)
                progress = true;
            if (batch.taken.empty())
                continue;
            pass.pendingPages += batch.taken.size();
            pass.pendingPoolBytes += batch.poolBytes;
            gatherBatch(pass, batch,
                        next == 0 ? util::threadBuffer<util::BufferTag::WritebackGather>(batch.charged * kPageSize)
                                  : util::threadBuffer<util::BufferTag::WritebackGatherNext>(batch.charged * kPageSize));
            if (writer) {
                if (inFlight) {
                    writer->wait();
                    retire(*inFlight);
                    inFlight = nullptr;
                }
                if (pass.stop) { // the previous batch failed: this one stays in the pool
                    retire(batch);
                    break;
                }
                writer->submit(batch);
                inFlight = &batch;
                next ^= 1u;
            } else {
                if (!pass.stop)
                    writeBatch(batch);
                retire(batch);
            }
            if (options.progress && pass.report.written != lastProgress) {
                lastProgress = pass.report.written;
                options.progress(pass.report.written);
            }
        }
        if (!progress)
            break;
    }
    if (inFlight) {
        writer->wait();
        retire(*inFlight);
        if (options.progress && pass.report.written != lastProgress)
            options.progress(pass.report.written);
    }
    writer.reset();
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
    if (excess == 0) // zswap.max 0 (nothing to write back, never room) or freed meanwhile
        return !m_cgroups.overPoolLimit(level, 0);
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
