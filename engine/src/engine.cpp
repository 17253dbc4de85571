// SPDX-License-Identifier: GPL-3.0-or-later
// Engine entry operations: swap out, swap in, duplicate, put, swap-cache drop, lookup,
// statistics. The protocol and lock order are in engineimpl.h; moves and swapoff are in
// enginemove.cpp.
//
// Why a swap-out reserves its slot before storing: a device write records the owning virtual
// slot in the device's reverse map, which swapoff and compaction use to find entries. The
// reserved entry is busy until its data is stored, and nobody else knows its id yet.
#include "engineimpl.h"

#include "codec/codec.h"

#include "util/epoch.h"
#include "util/zeropage.h"

#include <cstring>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;

Result<std::unique_ptr<Engine>> Engine::create(const EngineOptions& options) {
    const PoolOptions& p = options.pool;
    if (p.acceptThresholdPercent < 1 || p.acceptThresholdPercent > 100 || p.maxPagesPerZspage < 1
        || p.maxPagesPerZspage > 16 || p.codec == Codec::Raw)
        return Error::of(Errc::InvalidArgument);
    auto engine = std::make_unique<EngineImpl>(options);
    if (Status st = engine->setPoolOptions(p); !st)
        return st.error();
    return std::unique_ptr<Engine>(std::move(engine));
}

EngineImpl::EngineImpl(const EngineOptions& options)
    : m_options(options),
      m_env(options.env ? options.env : Env::posix()),
      m_pool(options.pool),
      m_poolEnabled(options.pool.enabled),
      m_devices(m_env),
      m_startNanos(m_env->nowNanos()) {}

EngineImpl::~EngineImpl() {
    // Nothing may run concurrently with destruction. Wait for clusters retired by earlier
    // operations so their memory is back before the engine is gone.
    util::Epoch::global().barrier();
}

// --- devices ------------------------------------------------------------------------------

Result<DeviceId> EngineImpl::addDevice(const DeviceOptions& options) {
    return m_devices.add(options);
}

Status EngineImpl::setDevicePriority(DeviceId device, int priority) {
    return m_devices.setPriority(device, priority);
}

// --- helpers ------------------------------------------------------------------------------

Result<EngineImpl::Locked> EngineImpl::lockEntry(SlotId slot) const {
    Cluster* c = m_slots.find(slot);
    if (!c)
        return Error::of(Errc::UnknownSlot).at(slot);
    Locked l{c, std::uint32_t(slot.value % descriptor::kClusterSize), std::unique_lock(c->lock)};
    if (c->dead)
        return Error::of(Errc::UnknownSlot).at(slot);
    if (Backing::type(l.backing()) == BackingType::Free || countLocked(l) == 0)
        return Error::of(Errc::FreedSlot).at(slot);
    return l;
}

Status EngineImpl::waitWhileBusy(Locked& l, SlotId slot) const {
    while (l.meta() & Meta::kBusy) {
        const std::uint32_t expected = l.meta() | Meta::kWaiters;
        l.setMeta(expected);
        l.lock.unlock();
        l.cluster->meta[l.offset].wait(expected, std::memory_order_acquire);
        l.lock.lock();
        if (l.cluster->dead || Backing::type(l.backing()) == BackingType::Free || countLocked(l) == 0)
            return Error::of(Errc::FreedSlot).at(slot);
    }
    return {};
}

void EngineImpl::clearBusyLocked(Locked& l, Release& rel) {
    const std::uint32_t m = l.meta();
    if (m & Meta::kWaiters) {
        rel.notify = l.cluster;
        rel.notifyOffset = l.offset;
    }
    l.setMeta(m & ~(Meta::kBusy | Meta::kWaiters));
}

std::uint32_t EngineImpl::countLocked(const Locked& l) const {
    const std::uint32_t field = Meta::countField(l.meta());
    if (field != Meta::kCountOverflow)
        return field;
    return l.cluster->side->overflowCounts.at(std::uint16_t(l.offset));
}

Status EngineImpl::incrementCountLocked(Locked& l) {
    const std::uint32_t m = l.meta();
    const std::uint32_t field = Meta::countField(m);
    if (field < Meta::kMaxInlineCount) {
        l.setMeta(Meta::withCountField(m, field + 1));
    } else if (field == Meta::kMaxInlineCount) {
        if (!l.cluster->side)
            m_slots.noteSideTables(+1);
        l.cluster->sideTables().overflowCounts[std::uint16_t(l.offset)] = field + 1;
        m_slots.noteOverflow(+1);
        l.setMeta(Meta::withCountField(m, Meta::kCountOverflow));
    } else {
        std::uint32_t& count = l.cluster->side->overflowCounts.at(std::uint16_t(l.offset));
        if (count == ~std::uint32_t{0})
            return Error::of(Errc::InvalidArgument);
        ++count;
    }
    return {};
}

void EngineImpl::decrementCountLocked(Locked& l) {
    const std::uint32_t m = l.meta();
    const std::uint32_t field = Meta::countField(m);
    if (field != Meta::kCountOverflow) {
        l.setMeta(Meta::withCountField(m, field - 1));
        return;
    }
    auto& table = l.cluster->side->overflowCounts;
    auto it = table.find(std::uint16_t(l.offset));
    if (--it->second == Meta::kMaxInlineCount) {
        table.erase(it);
        m_slots.noteOverflow(-1);
        l.setMeta(Meta::withCountField(m, Meta::kMaxInlineCount));
    }
}

void EngineImpl::freeEntryLocked(Locked& l, stats::StatsShards::Txn& txn, Release& rel) {
    Cluster* c = l.cluster;
    const std::uint64_t b = l.backing();
    const std::uint16_t cg = l.cgroup();
    if (Backing::stored(b)) {
        countUsage(txn, cg, b, -1);
        ++txn.events(cg).frees;
        if (Backing::type(b) == BackingType::Pool)
            lruRemoveLocked(l, cg);
        settleCharges(cg, b, Backing::make(BackingType::Free), false);
    }
    if (c->side) {
        auto& pages = c->side->cachedPages;
        if (auto it = pages.find(std::uint16_t(l.offset)); it != pages.end()) {
            rel.page = std::move(it->second);
            pages.erase(it);
            m_slots.noteCachedPage(-1);
        }
        if (c->side->overflowCounts.erase(std::uint16_t(l.offset)))
            m_slots.noteOverflow(-1);
        if (c->side->empty()) {
            c->side.reset();
            m_slots.noteSideTables(-1);
        }
    }
    if (l.meta() & Meta::kWaiters) {
        rel.notify = c;
        rel.notifyOffset = l.offset;
    }
    rel.backing = b;
    c->backing[l.offset] = Backing::make(BackingType::Free);
    l.setMeta(0);
    c->cgroup[l.offset] = 0;
    c->returnEntry(l.offset);
    if (m_slots.afterFreeLocked(c))
        rel.retiredCluster = c;
}

void EngineImpl::releaseBacking(std::uint64_t backing) {
    switch (Backing::type(backing)) {
    case BackingType::Pool:
        m_pool.free(Backing::poolHandle(backing));
        break;
    case BackingType::Device:
        if (swapfile::SwapDevice* dev = m_devices.byIndex(Backing::deviceIndex(backing)))
            dev->free(Backing::deviceSlot(backing));
        break;
    default:
        break; // zero, memory (the page travels in Release::page), free, reserved
    }
}

void EngineImpl::finish(Release& rel) {
    if (rel.notify)
        rel.notify->meta[rel.notifyOffset].notify_all();
    if (rel.backing)
        releaseBacking(rel.backing);
    rel.page.reset();
    if (rel.retiredCluster)
        m_slots.retire(rel.retiredCluster);
}

void EngineImpl::countLoadError(EventCounters& ev, Errc code) {
    if (code == Errc::CorruptData)
        ++ev.corruptions;
    else
        ++ev.ioErrors;
}

// --- storing and loading data ---------------------------------------------------------------

Result<EngineImpl::Stored> EngineImpl::storeOnDevice(const std::byte* page, SlotId slot, std::uint16_t cgroup,
                                                      DeviceId only, DeviceId exclude, std::uint32_t mask, bool reserve,
                                                      bool checkTiers) {
    Stored out;
    if (reserve) {
        std::uint16_t who = 0;
        if (!m_cgroups.writebackAllowed(cgroup, &who)) {
            Error e = Error::of(Errc::LimitExceeded).at(slot);
            e.path = "memory.zswap.writeback";
            e.cgroup = CgroupId{who};
            return e;
        }
        if (auto refused = m_cgroups.tryChargeDevice(cgroup, 1)) {
            Error e = Error::of(Errc::LimitExceeded).at(slot);
            e.path = "memory.swap.max";
            e.cgroup = CgroupId{*refused};
            return e;
        }
        out.deviceCharged = true;
    }
    for (int attempt = 0;; ++attempt) {
        auto [policyMask, generation] = checkTiers ? policyTierMask(cgroup)
                                                   : std::pair<std::uint32_t, std::uint64_t>{kAllTiers, 0};
        const std::uint32_t bits = mask & policyMask;
        if (bits == 0 && mask != 0) { // the policy, not the caller, left no tier
            if (out.deviceCharged)
                m_cgroups.chargeDevice(cgroup, -1);
            Error e = Error::of(Errc::LimitExceeded).at(slot);
            e.path = "tiers";
            e.cgroup = CgroupId{cgroup};
            return e;
        }
        auto placed = m_devices.store(page, slot, only, exclude, swapfile::DeviceSet::TierMask{bits, generation});
        if (placed) {
            out.backing = Backing::device(placed->index, placed->slot);
            return out;
        }
        // The tier table changed under the mask: compute it again for the new table.
        if (placed.code() == Errc::Busy && placed.error().path == "tiers" && attempt < 16)
            continue;
        if (out.deviceCharged)
            m_cgroups.chargeDevice(cgroup, -1);
        return Error(placed.error()).at(slot);
    }
}

Result<EngineImpl::Stored> EngineImpl::storeData(const std::byte* page, SlotId slot, std::uint16_t cgroup,
                                                 const StoreOptions& options, bool reserveDevice) {
    Stored out;
    const bool poolOn = m_poolEnabled.load(std::memory_order_acquire);
    auto poolLimitError = [&](std::uint16_t level) {
        Error e = Error::of(Errc::LimitExceeded).at(slot);
        e.path = "memory.zswap.max";
        e.cgroup = CgroupId{level};
        return e;
    };
    switch (options.placement) {
    case Placement::Memory: {
        out.memoryPage = std::make_unique<std::byte[]>(kPageSize);
        std::memcpy(out.memoryPage.get(), page, kPageSize);
        out.backing = Backing::make(BackingType::Memory);
        return out;
    }
    case Placement::PoolOnly: {
        if (!poolOn)
            return Error::of(Errc::BackendFull).at(slot);
        if (auto level = m_cgroups.overPoolLimit(cgroup, 0); level && !demoteForPoolLimit(*level))
            return poolLimitError(*level);
        auto h = m_pool.store(page);
        if (!h) {
            if (h.code() == Errc::PoolLimit)
                m_shrinkPending.store(true, std::memory_order_relaxed);
            return Error(h.error()).at(slot);
        }
        out.backing = Backing::pool(*h);
        return out;
    }
    case Placement::Auto: {
        int overLimit = -1; // the cgroup level over its zswap.max, if any
        if (poolOn) {
            if (auto level = m_cgroups.overPoolLimit(cgroup, 0))
                overLimit = *level;
            // memory.zswap.max: make room by writing back the subtree's oldest entries first,
            // so the pool keeps the youngest pages (the kernel's shrink_memcg on store).
            if (overLimit >= 0 && demoteForPoolLimit(std::uint16_t(overLimit)))
                overLimit = -1;
            if (overLimit < 0) {
                auto h = m_pool.store(page);
                if (h) {
                    out.backing = Backing::pool(*h);
                    return out;
                }
                if (h.code() != Errc::PoolLimit)
                    return Error(h.error()).at(slot);
                m_shrinkPending.store(true, std::memory_order_relaxed);
            }
            out.poolRejected = true;
        }
        auto placed = storeOnDevice(page, slot, cgroup, {}, {}, options.allowedTiers, reserveDevice);
        if (placed) {
            placed->poolRejected = out.poolRejected;
            return placed;
        }
        Error e = placed.error();
        if (overLimit >= 0 && e.code == Errc::LimitExceeded)
            return poolLimitError(std::uint16_t(overLimit)); // neither the pool nor a device may take it
        // Nowhere to put it: "backend full" says more than "no device" when the pool refused.
        if (e.code == Errc::NoDevice || e.code == Errc::DeviceFull)
            e.code = Errc::BackendFull;
        return e.at(slot);
    }
    case Placement::DeviceOnly:
        return storeOnDevice(page, slot, cgroup, options.device, {}, options.allowedTiers, reserveDevice);
    }
    return Error::of(Errc::InvalidArgument).at(slot);
}

Status EngineImpl::loadData(std::uint64_t backing, std::byte* out, SlotId slot) {
    switch (Backing::type(backing)) {
    case BackingType::Pool: {
        Status st = m_pool.load(Backing::poolHandle(backing), out);
        if (!st)
            return Error(st.error()).at(slot);
        return {};
    }
    case BackingType::Device: {
        swapfile::SwapDevice* dev = m_devices.byIndex(Backing::deviceIndex(backing));
        if (!dev)
            return Error::of(Errc::UnknownDevice).at(slot);
        const Codec codec = Backing::deviceCodec(backing);
        if (codec == Codec::Raw) {
            Status st = dev->load(Backing::deviceSlot(backing), out);
            if (!st)
                return Error(st.error()).at(slot);
            return {};
        }
        // Compressed writeback: the slot holds the pool's compressed bytes.
        alignas(4096) std::byte stored[kPageSize];
        const std::uint32_t length = Backing::deviceLength(backing);
        if (Status st = dev->load(Backing::deviceSlot(backing), stored, length); !st)
            return Error(st.error()).at(slot);
        if (Status st = codec::decompressPage(codec, stored, length, out); !st)
            return Error(st.error()).at(slot).on(dev->id());
        return {};
    }
    case BackingType::Zero:
        std::memset(out, 0, kPageSize);
        return {};
    default:
        return Error::of(Errc::InvalidArgument).at(slot);
    }
}

// --- entry operations ---------------------------------------------------------------------

Result<SlotId> EngineImpl::swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) {
    auto slot = storePage(page, cgroup, options);
    // After the store, with no lock held (the statistics transaction of the store included):
    // the pool refused a store for its limit: bring it back under its accept threshold by
    // writing back its oldest entries (one thread at a time, a bounded share per store).
    if (m_shrinkPending.load(std::memory_order_relaxed)
        && std::int32_t(lruTime() - m_shrinkRetryAt.load(std::memory_order_relaxed)) >= 0)
        shrinkPool(256);
    if (slot && m_cgroups.node(cgroup.value).lru.staleHeavy())
        cleanLru(cgroup.value);
    return slot;
}

Result<SlotId> EngineImpl::storePage(ConstPage page, CgroupId cgroup, const StoreOptions& options) {
    EpochGuard guard;
    const std::uint32_t meta = Meta::withShadow(1, options.shadow & ((1u << kShadowBits) - 1))
                               | (options.shadow ? std::uint32_t(CacheState::Shadow) << Meta::kCacheShift : 0);

    if (m_options.detectZeroPages && util::isZeroPage(page.data())) {
        auto ref = m_slots.allocate(Backing::make(BackingType::Zero), meta, cgroup.value);
        if (!ref)
            return ref.error();
        std::lock_guard lock(ref->cluster->lock);
        auto txn = m_stats.begin();
        countUsage(txn, cgroup.value, Backing::make(BackingType::Zero), +1);
        auto& ev = txn.events(cgroup.value);
        ++ev.swapOuts;
        ++ev.swpoutZero;
        ++ev.storedTo[std::size_t(Backend::Zero)];
        return ref->slot;
    }

    auto ref = m_slots.allocate(Backing::make(BackingType::Reserved), meta | Meta::kBusy, cgroup.value);
    if (!ref)
        return ref.error();
    auto stored = storeData(page.data(), ref->slot, cgroup.value, options);

    Release rel;
    Locked l{ref->cluster, ref->offset, std::unique_lock(ref->cluster->lock)};
    auto txn = m_stats.begin();
    auto& ev = txn.events(cgroup.value);
    if (stored && stored->poolRejected)
        ++ev.poolRejects;
    if (!stored) {
        if (stored.code() == Errc::BackendFull)
            ++ev.poolRejects; // the pool refused before the devices did
        else if (stored.code() != Errc::NoDevice && stored.code() != Errc::DeviceFull
                 && stored.code() != Errc::LimitExceeded && stored.code() != Errc::PoolLimit)
            ++ev.ioErrors;
        clearBusyLocked(l, rel);
        l.setMeta(Meta::withCountField(l.meta(), 0));
        freeEntryLocked(l, txn, rel);
        l.lock.unlock();
        finish(rel);
        return stored.error();
    }
    const std::uint64_t b = stored->backing;
    l.cluster->backing[l.offset] = b;
    if (stored->memoryPage) {
        if (!l.cluster->side)
            m_slots.noteSideTables(+1);
        l.cluster->sideTables().cachedPages[std::uint16_t(l.offset)] = std::move(stored->memoryPage);
        m_slots.noteCachedPage(+1);
        l.setMeta(Meta::withCache(l.meta(), CacheState::Page));
    }
    countUsage(txn, cgroup.value, b, +1);
    settleCharges(cgroup.value, Backing::make(BackingType::Free), b, stored->deviceCharged);
    ++ev.swapOuts;
    ++ev.storedTo[std::size_t(Backing::backend(b))];
    if (Backing::type(b) == BackingType::Pool) {
        ++ev.zswpout;
        lruInsertLocked(l, cgroup.value);
    } else if (Backing::type(b) == BackingType::Device) {
        ++ev.pswpout;
        if (l.cluster->lruWords)
            l.cluster->lruWords[l.offset] = 0; // load count for promotion
    }
    clearBusyLocked(l, rel);
    l.lock.unlock();
    finish(rel);
    return ref->slot;
}

Result<LoadInfo> EngineImpl::swapIn(SlotId slot, MutablePage out, const LoadOptions& options) {
    EpochGuard guard;
    auto locked = lockEntry(slot);
    if (!locked)
        return locked.error();
    Locked& l = *locked;
    LoadInfo info;
    for (;;) {
        const std::uint32_t m = l.meta();
        const std::uint64_t b = l.backing();
        info.from = Backing::backend(b);
        info.hadShadow = Meta::cache(m) == CacheState::Shadow;
        info.shadow = info.hadShadow ? Meta::shadow(m) : 0;
        if (Meta::cache(m) == CacheState::Page) {
            std::memcpy(out.data(), l.cluster->side->cachedPages.at(std::uint16_t(l.offset)).get(), kPageSize);
            info.cacheHit = true;
            auto txn = m_stats.begin();
            auto& ev = txn.events(l.cgroup());
            ++ev.swapIns;
            ++ev.cacheHits;
            ++ev.loadedFrom[std::size_t(info.from)];
            return info;
        }
        if (Backing::type(b) == BackingType::Zero) {
            std::memset(out.data(), 0, kPageSize);
            auto txn = m_stats.begin();
            auto& ev = txn.events(l.cgroup());
            ++ev.swapIns;
            ++ev.swpinZero;
            ++ev.loadedFrom[std::size_t(Backend::Zero)];
            return info;
        }
        if (!(m & Meta::kBusy))
            break;
        if (Status st = waitWhileBusy(l, slot); !st)
            return st.error();
    }

    const std::uint64_t b = l.backing();
    const std::uint16_t cg = l.cgroup();
    // Promotion on refault (PromotionPolicy): count device loads in the entry's LRU word.
    bool promote = false;
    const bool toPool = m_promoteDeviceToPool.load(std::memory_order_relaxed);
    const bool toFasterTier = m_promoteFasterTier.load(std::memory_order_relaxed);
    if (Backing::type(b) == BackingType::Device && (toPool || toFasterTier)) {
        if (l.cluster->ensureLruWords())
            m_slots.noteLruWords(+1);
        std::uint32_t& loads = l.cluster->lruWords[l.offset];
        if (loads != ~std::uint32_t{0})
            ++loads;
        promote = loads >= m_promoteMinLoads.load(std::memory_order_relaxed);
    }
    l.setMeta(l.meta() | Meta::kBusy);
    l.lock.unlock();

    Status st = loadData(b, out.data(), slot);
    std::unique_ptr<std::byte[]> cachePage;
    if (st && options.keepCached) {
        cachePage = std::make_unique<std::byte[]>(kPageSize);
        std::memcpy(cachePage.get(), out.data(), kPageSize);
    }
    pool::PoolHandle promotedHandle{};
    bool promoted = false;
    if (st && promote && toPool && m_poolEnabled.load(std::memory_order_acquire) && !m_pool.refusing()
        && !m_cgroups.overPoolLimit(cg, 0)) {
        if (auto h = m_pool.store(out.data())) {
            promotedHandle = *h;
            promoted = true;
        }
    }
    // Or up the tiers: a device of a tier before the entry's, allowed to its cgroup. Best
    // effort: no room or a failed write leaves the entry where it is. No swap.max charge: the
    // entry keeps one slot (the new one is settled against the old one below).
    std::uint64_t promotedSlot = 0; // Backing word of the faster device's slot; 0 = none
    if (st && promote && toFasterTier && !promoted) {
        // The device is live: the entry on it is busy (swapoff waits), and the guard is held.
        const std::uint32_t faster = (std::uint32_t{1} << m_devices.tierOfIndex(Backing::deviceIndex(b))) - 1;
        if (faster != 0)
            if (auto placed = storeOnDevice(out.data(), slot, cg, {}, {}, faster, false, true))
                promotedSlot = placed->backing;
    }

    Release rel;
    std::uint64_t oldSpace = 0;
    l.lock.lock();
    auto txn = m_stats.begin();
    auto& ev = txn.events(cg);
    if (st) {
        ++ev.swapIns;
        ++ev.loadedFrom[std::size_t(Backing::backend(b))];
        if (Backing::type(b) == BackingType::Pool) {
            ++ev.zswpin;
            if (l.cluster->lruWords)
                l.cluster->lruWords[l.offset] |= policy::LruWord::kReferenced; // second chance
        } else if (Backing::type(b) == BackingType::Device) {
            ++ev.pswpin;
        }
        if (cachePage) {
            if (!l.cluster->side)
                m_slots.noteSideTables(+1);
            l.cluster->sideTables().cachedPages[std::uint16_t(l.offset)] = std::move(cachePage);
            m_slots.noteCachedPage(+1);
            // The shadow has served its purpose: the page is back in memory.
            l.setMeta(Meta::withShadow(Meta::withCache(l.meta(), CacheState::Page), 0));
        }
        if (promoted && countLocked(l) > 0 && l.backing() == b) {
            const std::uint64_t nb = Backing::pool(promotedHandle);
            l.cluster->backing[l.offset] = nb;
            countUsage(txn, cg, b, -1);
            countUsage(txn, cg, nb, +1);
            settleCharges(cg, b, nb, false);
            lruInsertLocked(l, cg);
            ++ev.promotions;
            ++ev.moves;
            ++ev.zswpout;
            ++ev.storedTo[std::size_t(Backend::Pool)]; // loaded once: counted as the swap-in
            oldSpace = b;
            promoted = false;
        } else if (promotedSlot && countLocked(l) > 0 && l.backing() == b) {
            l.cluster->backing[l.offset] = promotedSlot;
            countUsage(txn, cg, b, -1); // device -> device: net zero per backend, not per device
            countUsage(txn, cg, promotedSlot, +1);
            settleCharges(cg, b, promotedSlot, false);
            l.cluster->lruWords[l.offset] = 0; // a new device: its load count starts again
            ++ev.promotions;
            ++ev.tierPromotions;
            ++ev.moves;
            ++ev.pswpout;
            ++ev.storedTo[std::size_t(Backend::Device)]; // loaded once: counted as the swap-in
            oldSpace = b;
            promotedSlot = 0;
        }
    } else {
        countLoadError(ev, st.code());
    }
    clearBusyLocked(l, rel);
    if (countLocked(l) == 0)
        freeEntryLocked(l, txn, rel); // the last reference was put while we read
    l.lock.unlock();
    finish(rel);
    if (oldSpace)
        releaseBacking(oldSpace);
    if (promoted)
        m_pool.free(promotedHandle); // not needed after all (entry freed meanwhile)
    if (promotedSlot)
        releaseBacking(promotedSlot); // likewise
    if (!st)
        return st.error();
    return info;
}

Status EngineImpl::duplicate(SlotId slot) {
    EpochGuard guard;
    auto l = lockEntry(slot);
    if (!l)
        return l.error();
    if (Status st = incrementCountLocked(*l); !st)
        return Error(st.error()).at(slot);
    auto txn = m_stats.begin();
    ++txn.events(l->cgroup()).duplicates;
    return {};
}

Status EngineImpl::put(SlotId slot) {
    EpochGuard guard;
    auto locked = lockEntry(slot);
    if (!locked)
        return locked.error();
    Locked& l = *locked;
    Release rel;
    {
        auto txn = m_stats.begin();
        ++txn.events(l.cgroup()).puts;
        decrementCountLocked(l);
        // At zero a busy owner (load or move in flight) frees the entry when it finishes.
        if (countLocked(l) == 0 && !(l.meta() & Meta::kBusy))
            freeEntryLocked(l, txn, rel);
    }
    l.lock.unlock();
    finish(rel);
    return {};
}

Status EngineImpl::dropCached(SlotId slot) {
    EpochGuard guard;
    auto locked = lockEntry(slot);
    if (!locked)
        return locked.error();
    Locked& l = *locked;
    if (Backing::type(l.backing()) == BackingType::Memory)
        return Error::of(Errc::InvalidArgument).at(slot); // the cached page is the only copy
    if (Meta::cache(l.meta()) != CacheState::Page)
        return {};
    Release rel;
    auto& side = *l.cluster->side;
    auto it = side.cachedPages.find(std::uint16_t(l.offset));
    rel.page = std::move(it->second);
    side.cachedPages.erase(it);
    m_slots.noteCachedPage(-1);
    if (side.empty()) {
        l.cluster->side.reset();
        m_slots.noteSideTables(-1);
    }
    l.setMeta(Meta::withCache(l.meta(), CacheState::None));
    l.lock.unlock();
    finish(rel);
    return {};
}

Result<EntryInfo> EngineImpl::lookup(SlotId slot) const {
    EpochGuard guard;
    auto locked = lockEntry(slot);
    if (!locked)
        return locked.error();
    const Locked& l = *locked;
    const std::uint64_t b = l.backing();
    const std::uint32_t m = l.meta();
    EntryInfo info;
    info.slot = slot;
    info.backend = Backing::backend(b);
    info.storedBytes = Backing::storedBytes(b);
    info.swapCount = countLocked(l);
    info.cgroup = CgroupId{l.cgroup()};
    info.cache = Meta::cache(m);
    info.shadow = info.cache == CacheState::Shadow ? Meta::shadow(m) : 0;
    info.busy = (m & Meta::kBusy) != 0;
    if (Backing::type(b) == BackingType::Pool) {
        info.codec = Backing::poolHandle(b).codec();
    } else if (Backing::type(b) == BackingType::Device) {
        info.physicalSlot = Backing::deviceSlot(b);
        info.codec = Backing::deviceCodec(b);
        if (swapfile::SwapDevice* dev = m_devices.byIndex(Backing::deviceIndex(b)))
            info.device = dev->id();
    }
    return info;
}

// --- configuration and statistics ---------------------------------------------------------

Status EngineImpl::setPoolOptions(const PoolOptions& options) {
    std::lock_guard lock(m_configLock);
    if (Status st = m_pool.setOptions(options); !st)
        return st;
    m_poolEnabled.store(options.enabled, std::memory_order_release);
    m_options.pool = options;
    return {};
}

EngineStats EngineImpl::stats() const {
    EngineStats s;
    auto snap = m_stats.snapshot();
    s.backends = snap.backends;
    s.events = snap.events;
    s.cgroups = std::move(snap.cgroups);
    s.slotTable = m_slots.stats();
    for (const auto& b : s.backends)
        s.slotTable.liveEntries += b.entries;
    s.pool = m_pool.stats();
    auto devices = m_devices.stats();
    s.devices = std::move(devices.devices);
    s.tiers = std::move(devices.tiers);
    return s;
}

void EngineImpl::trim() {
    m_slots.trim();
    m_devices.trim();
    util::Epoch::global().barrier();
}

} // namespace swaptier
