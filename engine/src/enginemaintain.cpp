// SPDX-License-Identifier: GPL-3.0-or-later
// Recompression of idle pool entries and the scheduled maintenance pass (issue #4).
//
// Recompression (what zram's recompress does, per cgroup subtree here): walk each cgroup's
// pool LRU from its old end without taking records off it, and for each idle entry (not
// referenced since the last scan, older than minIdleNanos, not recompressed before) own it
// through its busy bit, decompress, compress with the stronger codec, and if that is smaller,
// store the new object and switch the backing word under the cluster lock. The entry keeps
// its slot, its LRU stamp and so its place; its pool charge shrinks. Entries that do not gain
// are marked too, so a later pass does not try them again.
//
// maintain() is the timer's entry point: pool shrink to the accept threshold, idle writeback
// within a write budget (a token bucket: full at setMaintenancePolicy, refilled at
// budget/hour by the Env clock, capped at one hour's worth), then recompression.
//
// Lock order: m_maintainRunLock (one maintain() at a time) is taken before any other lock;
// m_maintenanceLock only guards the policy and the bucket and is never held across work.
#include "engineimpl.h"

#include "codec/codec.h"
#include "util/epoch.h"

#include <chrono>
#include <vector>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;

Result<RecompressReport> EngineImpl::recompress(const RecompressOptions& options) {
    if (options.codec == Codec::Raw)
        return Error::of(Errc::InvalidArgument).file("codec");
    if (options.codec == Codec::Zstd
        && (options.zstdLevel < codec::zstdMinLevel() || options.zstdLevel > codec::zstdMaxLevel()))
        return Error::of(Errc::InvalidArgument).file("zstdLevel");
    const auto start = std::chrono::steady_clock::now();
    RecompressReport rep;
    const std::uint32_t now = lruTime();
    const std::uint32_t idle = lruUnits(options.minIdleNanos);
    alignas(64) std::byte page[kPageSize];
    std::vector<std::byte> packed(codec::compressBound(options.codec));

    for (std::uint16_t cg : m_cgroups.activeLrus()) {
        if (!m_cgroups.isInSubtree(cg, options.cgroup.value))
            continue;
        policy::PoolLru& lru = m_cgroups.node(cg).lru;
        std::size_t skip = 0;
        bool young = false;
        std::vector<policy::LruRecord> records;
        while (!young && rep.recompressed + rep.kept < options.maxPages) {
            if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                return Error::of(Errc::Cancelled);
            records.clear();
            lru.peek(skip, 256, records);
            if (records.empty())
                break;
            skip += records.size();
            for (const policy::LruRecord& r : records) {
                if (rep.recompressed + rep.kept >= options.maxPages)
                    break;
                EpochGuard guard;
                Cluster* c = m_slots.find(SlotId{r.slot});
                if (!c)
                    continue;
                Locked l{c, std::uint32_t(r.slot % descriptor::kClusterSize), std::unique_lock(c->lock)};
                const std::uint64_t b = l.backing();
                if (c->dead || Backing::type(b) != BackingType::Pool || l.cgroup() != cg || !c->lruWords
                    || (c->lruWords[l.offset] & policy::LruWord::kStampMask) != r.stamp)
                    continue; // stale record
                ++rep.scanned;
                std::uint32_t& word = c->lruWords[l.offset];
                if (idle && std::uint32_t(now - r.time) < idle) {
                    young = true;
                    break;
                }
                if (word & policy::LruWord::kReferenced) {
                    word &= ~policy::LruWord::kReferenced; // in use since the last scan: not idle yet
                    continue;
                }
                if (word & policy::LruWord::kRecompressed)
                    continue; // done before
                if (l.meta() & Meta::kBusy) {
                    ++rep.busy;
                    continue;
                }
                const pool::PoolHandle h = Backing::poolHandle(b);
                if (h.codec() == options.codec && options.codec != Codec::Zstd) {
                    word |= policy::LruWord::kRecompressed; // same codec, nothing to gain
                    ++rep.kept;
                    continue;
                }
                l.setMeta(l.meta() | Meta::kBusy);
                l.lock.unlock();

                pool::PoolHandle freshHandle{};
                bool fresh = false;
                if (m_pool.load(h, page)) {
                    const std::size_t len = codec::compressPage(options.codec, options.zstdLevel, page, packed.data(),
                                                                packed.size());
                    if (len != 0 && len < h.length()) {
                        if (auto stored = m_pool.storeCompressed(options.codec, packed.data(), len)) {
                            freshHandle = *stored;
                            fresh = true;
                        }
                    }
                }

                Release rel;
                std::uint64_t oldSpace = 0;
                l.lock.lock();
                {
                    auto txn = m_stats.begin();
                    if (fresh && countLocked(l) > 0) {
                        const std::uint64_t nb = Backing::pool(freshHandle);
                        l.cluster->backing[l.offset] = nb;
                        countUsage(txn, cg, b, -1);
                        countUsage(txn, cg, nb, +1);
                        settleCharges(cg, b, nb, false);
                        ++txn.events(cg).recompressions;
                        ++rep.recompressed;
                        rep.bytesBefore += h.length();
                        rep.bytesAfter += freshHandle.length();
                        oldSpace = b;
                        fresh = false;
                    } else if (countLocked(l) > 0) {
                        ++rep.kept;
                    }
                    if (l.cluster->lruWords)
                        l.cluster->lruWords[l.offset] |= policy::LruWord::kRecompressed;
                    clearBusyLocked(l, rel);
                    if (countLocked(l) == 0)
                        freeEntryLocked(l, txn, rel);
                }
                l.lock.unlock();
                finish(rel);
                if (oldSpace)
                    releaseBacking(oldSpace);
                if (fresh)
                    m_pool.free(freshHandle); // the entry went away meanwhile
            }
        }
    }
    rep.nanos = std::uint64_t(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    return rep;
}

Status EngineImpl::setMaintenancePolicy(const MaintenancePolicy& policy) {
    if (policy.recompressNanos && policy.recompressCodec == Codec::Raw)
        return Error::of(Errc::InvalidArgument).file("recompressCodec");
    if (policy.recompressCodec == Codec::Zstd
        && (policy.recompressLevel < codec::zstdMinLevel() || policy.recompressLevel > codec::zstdMaxLevel()))
        return Error::of(Errc::InvalidArgument).file("recompressLevel");
    std::lock_guard lock(m_maintenanceLock);
    m_maintenance = policy;
    m_budgetTokens = policy.writeBudgetBytesPerHour == kUnlimited ? 0.0 : double(policy.writeBudgetBytesPerHour);
    m_budgetStamp = m_env->nowNanos();
    return {};
}

MaintenancePolicy EngineImpl::maintenancePolicy() const {
    std::lock_guard lock(m_maintenanceLock);
    return m_maintenance;
}

Result<MaintenanceReport> EngineImpl::maintain() {
    std::lock_guard run(m_maintainRunLock);
    MaintenancePolicy policy;
    std::uint64_t budget = kUnlimited;
    {
        std::lock_guard lock(m_maintenanceLock);
        policy = m_maintenance;
        if (policy.writeBudgetBytesPerHour != kUnlimited) {
            const std::uint64_t now = m_env->nowNanos();
            const double perNano = double(policy.writeBudgetBytesPerHour) / 3.6e12;
            if (now > m_budgetStamp)
                m_budgetTokens = std::min(double(policy.writeBudgetBytesPerHour),
                                          m_budgetTokens + perNano * double(now - m_budgetStamp));
            m_budgetStamp = now;
            budget = std::uint64_t(m_budgetTokens);
        }
    }
    MaintenanceReport report;
    auto add = [&](const WritebackReport& r) {
        WritebackReport& t = report.writeback;
        t.scanned += r.scanned;
        t.written += r.written;
        t.rotated += r.rotated;
        t.young += r.young;
        t.notAllowed += r.notAllowed;
        t.busy += r.busy;
        t.vanished += r.vanished;
        t.poolBytesFreed += r.poolBytesFreed;
        t.bytesWritten += r.bytesWritten;
        t.writes += r.writes;
        t.nanos += r.nanos;
        t.deviceFull = t.deviceFull || r.deviceFull;
        if (t.firstError.code == Errc::Ok)
            t.firstError = r.firstError;
    };
    // 1. A full pool first: the limit is not subject to the budget (the kernel's shrinker).
    if (m_pool.refusing())
        add(shrinkPool(kUnlimited));
    // 2. Idle writeback within the budget.
    if (policy.idleWritebackNanos) {
        WritebackOptions o;
        o.minIdleNanos = policy.idleWritebackNanos;
        o.maxWriteBytes = budget;
        o.compressed = policy.compressedWriteback;
        auto r = writeback(o);
        if (!r)
            return r.error();
        add(*r);
        if (budget != kUnlimited) {
            std::lock_guard lock(m_maintenanceLock);
            m_budgetTokens = std::max(0.0, m_budgetTokens - double(r->bytesWritten));
            budget = std::uint64_t(m_budgetTokens);
        }
    }
    // 3. Recompression of what stays in the pool.
    if (policy.recompressNanos) {
        RecompressOptions o;
        o.codec = policy.recompressCodec;
        o.zstdLevel = policy.recompressLevel;
        o.minIdleNanos = policy.recompressNanos;
        auto r = recompress(o);
        if (!r)
            return r.error();
        report.recompress = *r;
    }
    report.budgetLeftBytes = budget;
    return report;
}

} // namespace swaptier
