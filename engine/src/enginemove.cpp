// SPDX-License-Identifier: GPL-3.0-or-later
// Moving entries between backends without changing their virtual slot, and swapoff.
//
// A move owns the entry through its busy bit while it copies the data: it reads the bytes
// (from the swap cache if a copy is there, else from the old backend), stores them on the
// target, then swaps the backing word under the cluster lock and releases the old space. A
// concurrent swap-in waits for the busy bit; a concurrent put of the last reference leaves the
// free to the mover; a concurrent move reports Busy. If reading or storing fails, the entry is
// left exactly as it was. This is the seed's point: writeback, promotion, swapoff and
// compaction change one descriptor, never a page table.
//
// Swapoff walks the device's reverse map (physical slot -> virtual slot) in batches and moves
// each entry to another device or into memory: its cost grows with the entries on the device,
// not with the memory mapped by processes, and no page table is scanned.
#include "engineimpl.h"

#include "util/epoch.h"

#include <chrono>
#include <cstring>
#include <thread>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;

bool EngineImpl::onTarget(std::uint64_t backing, const MoveTarget& target) const {
    switch (target.kind) {
    case MoveTarget::Kind::Pool:
        return Backing::type(backing) == BackingType::Pool;
    case MoveTarget::Kind::Memory:
        return Backing::type(backing) == BackingType::Memory;
    case MoveTarget::Kind::Device:
    case MoveTarget::Kind::AnyDevice: {
        if (Backing::type(backing) != BackingType::Device)
            return false;
        swapfile::SwapDevice* dev = m_devices.byIndex(Backing::deviceIndex(backing));
        if (!dev)
            return false;
        if (target.kind == MoveTarget::Kind::Device) // above the ceiling = not there yet (compaction)
            return dev->id() == target.device && Backing::deviceSlot(backing) < dev->allocationCeiling();
        return !(target.exclude.valid() && dev->id() == target.exclude)
               && (target.allowedTiers >> m_devices.tierOfIndex(Backing::deviceIndex(backing)) & 1u);
    }
    }
    return false;
}

Result<EngineImpl::Stored> EngineImpl::storeForMove(const std::byte* page, SlotId slot, std::uint16_t cgroup,
                                                    std::uint64_t oldBacking, const MoveTarget& target) {
    // A device-to-device move (swapoff, compaction) keeps the entry's slot charge; any other
    // move onto a device is charged to swap.max and checked against the owner's policy.
    const bool reserve = Backing::type(oldBacking) != BackingType::Device;
    StoreOptions options;
    switch (target.kind) {
    case MoveTarget::Kind::Pool:
        options.placement = Placement::PoolOnly;
        return storeData(page, slot, cgroup, options);
    case MoveTarget::Kind::Memory:
        options.placement = Placement::Memory;
        return storeData(page, slot, cgroup, options);
    case MoveTarget::Kind::Device: {
        const swapfile::SwapDevice* from =
            reserve ? nullptr : m_devices.byIndex(Backing::deviceIndex(oldBacking));
        const bool sameDevice = from && from->id() == target.device; // swapfile compaction
        return storeOnDevice(page, slot, cgroup, target.device, {}, kAllTiers, reserve, !sameDevice);
    }
    case MoveTarget::Kind::AnyDevice:
        return storeOnDevice(page, slot, cgroup, {}, target.exclude, target.allowedTiers, reserve);
    }
    return Error::of(Errc::InvalidArgument).at(slot);
}

Result<MoveOutcome> EngineImpl::moveEntry(SlotId slot, const MoveTarget& target, Wait wait,
                                          std::optional<std::pair<unsigned, std::uint64_t>> expectDevice,
                                          std::optional<ExpectPool> expectPool) {
    if (target.kind == MoveTarget::Kind::Pool && !m_poolEnabled.load(std::memory_order_acquire))
        return Error::of(Errc::InvalidArgument).at(slot);

    EpochGuard guard;
    const bool expecting = expectDevice || expectPool;
    auto locked = lockEntry(slot);
    if (!locked) {
        if (expecting && (locked.code() == Errc::FreedSlot || locked.code() == Errc::UnknownSlot))
            return MoveOutcome::Gone;
        return locked.error();
    }
    Locked& l = *locked;
    while (l.meta() & Meta::kBusy) {
        if (wait == Wait::ReportBusy)
            return Error::of(Errc::Busy).at(slot);
        if (Status st = waitWhileBusy(l, slot); !st)
            return expecting ? Result<MoveOutcome>(MoveOutcome::Gone) : Result<MoveOutcome>(st.error());
    }
    const std::uint64_t oldBacking = l.backing();
    if (expectDevice
        && (Backing::type(oldBacking) != BackingType::Device || Backing::deviceIndex(oldBacking) != expectDevice->first
            || Backing::deviceSlot(oldBacking) != expectDevice->second))
        return MoveOutcome::Gone;
    // A pool record is the entry's only while it is in the pool, owned by the record's
    // cgroup, with the record's stamp (a stale record may name another cgroup's entry).
    if (expectPool
        && (Backing::type(oldBacking) != BackingType::Pool || l.cgroup() != expectPool->cgroup || !l.cluster->lruWords
            || (l.cluster->lruWords[l.offset] & policy::LruWord::kStampMask) != expectPool->stamp))
        return MoveOutcome::Gone;
    if (Backing::type(oldBacking) == BackingType::Zero)
        return MoveOutcome::ZeroPage;
    if (onTarget(oldBacking, target))
        return MoveOutcome::AlreadyThere;

    // Own the entry; take the bytes from the swap cache when a copy is there.
    alignas(64) std::byte buffer[kPageSize];
    const bool fromCache = Meta::cache(l.meta()) == CacheState::Page;
    if (fromCache)
        std::memcpy(buffer, l.cluster->side->cachedPages.at(std::uint16_t(l.offset)).get(), kPageSize);
    const std::uint16_t cgroup = l.cgroup();
    l.setMeta(l.meta() | Meta::kBusy);
    l.lock.unlock();

    Status readStatus = fromCache ? Status{} : loadData(oldBacking, buffer, slot);
    Result<Stored> stored =
        readStatus ? storeForMove(buffer, slot, cgroup, oldBacking, target) : Result<Stored>(readStatus.error());

    Release rel;
    l.lock.lock();
    auto txn = m_stats.begin();
    auto& ev = txn.events(cgroup);
    if (!stored) {
        ++ev.moveFailures;
        if (!readStatus)
            countLoadError(ev, readStatus.code());
        clearBusyLocked(l, rel);
        if (countLocked(l) == 0)
            freeEntryLocked(l, txn, rel);
        l.lock.unlock();
        finish(rel);
        return stored.error();
    }

    const std::uint64_t newBacking = stored->backing;
    l.cluster->backing[l.offset] = newBacking;
    countUsage(txn, cgroup, oldBacking, -1);
    countUsage(txn, cgroup, newBacking, +1);
    settleCharges(cgroup, oldBacking, newBacking, stored->deviceCharged);
    if (Backing::type(oldBacking) == BackingType::Pool)
        lruRemoveLocked(l, cgroup);
    if (Backing::type(newBacking) == BackingType::Pool)
        lruInsertLocked(l, cgroup);
    else if (Backing::type(newBacking) == BackingType::Device && l.cluster->lruWords)
        l.cluster->lruWords[l.offset] = 0;
    ++ev.moves;
    ++ev.storedTo[std::size_t(Backing::backend(newBacking))];
    ++ev.loadedFrom[std::size_t(Backing::backend(oldBacking))];
    if (Backing::type(newBacking) == BackingType::Pool)
        ++ev.zswpout;
    if (Backing::type(newBacking) == BackingType::Device) {
        ++ev.pswpout;
        if (Backing::type(oldBacking) == BackingType::Pool)
            ++ev.zswpwb;
    }
    if (Backing::type(oldBacking) == BackingType::Memory) {
        // The in-memory page was the data; now it lives elsewhere and memory is given back.
        auto& side = *l.cluster->side;
        auto it = side.cachedPages.find(std::uint16_t(l.offset));
        rel.page = std::move(it->second);
        side.cachedPages.erase(it);
        m_slots.noteCachedPage(-1);
        l.setMeta(Meta::withCache(l.meta(), CacheState::None));
    }
    if (stored->memoryPage) {
        if (!l.cluster->side)
            m_slots.noteSideTables(+1);
        auto& slotPage = l.cluster->sideTables().cachedPages[std::uint16_t(l.offset)];
        if (!slotPage)
            m_slots.noteCachedPage(+1);
        slotPage = std::move(stored->memoryPage); // replaces an equal clean copy if there was one
        l.setMeta(Meta::withShadow(Meta::withCache(l.meta(), CacheState::Page), 0));
    }
    if (l.cluster->side && l.cluster->side->empty()) {
        l.cluster->side.reset();
        m_slots.noteSideTables(-1);
    }
    clearBusyLocked(l, rel);
    const std::uint64_t oldSpace = oldBacking;
    if (countLocked(l) == 0)
        freeEntryLocked(l, txn, rel); // rel.backing = the new space
    l.lock.unlock();
    finish(rel);
    releaseBacking(oldSpace);
    return MoveOutcome::Moved;
}

Result<MoveOutcome> EngineImpl::move(SlotId slot, const MoveTarget& target) {
    return moveEntry(slot, target, Wait::ReportBusy, std::nullopt);
}

BatchMoveResult EngineImpl::moveBatch(std::span<const SlotId> slots, const MoveTarget& target) {
    BatchMoveResult result;
    for (SlotId slot : slots) {
        auto r = moveEntry(slot, target, Wait::ReportBusy, std::nullopt);
        if (r) {
            if (*r == MoveOutcome::Moved)
                ++result.moved;
            else
                ++result.skipped;
        } else if (r.code() == Errc::Busy) {
            ++result.busy;
        } else if (r.code() == Errc::FreedSlot || r.code() == Errc::UnknownSlot) {
            ++result.skipped;
        } else {
            if (result.failed++ == 0)
                result.firstError = r.error();
        }
    }
    return result;
}

Result<EngineImpl::HeldDevice> EngineImpl::holdDevice(DeviceId device) const {
    auto indexed = m_devices.indexOf(device);
    if (!indexed)
        return indexed.error();
    EpochGuard guard;
    swapfile::SwapDevice* dev = m_devices.byIndex(*indexed);
    if (!dev || dev->id() != device)
        return Error::of(Errc::UnknownDevice).on(device);
    return HeldDevice{*indexed, dev};
}

Result<SwapoffReport> EngineImpl::swapoff(DeviceId device, const SwapoffOptions& options) {
    if (!options.allowOtherDevices && !options.allowMemory)
        return Error::of(Errc::InvalidArgument).on(device);
    // One swapoff (or device compaction) at a time: only swapoff removes devices, so `dev`
    // stays valid while we hold the lock.
    std::lock_guard swapoffLock(m_swapoffLock);
    auto held = holdDevice(device);
    if (!held)
        return held.error();
    const unsigned index = held->index;
    swapfile::SwapDevice* dev = held->device;

    const auto start = std::chrono::steady_clock::now();
    dev->setDraining(true);
    SwapoffReport report;
    report.entries = dev->usedSlotCount();
    std::uint64_t done = 0;
    unsigned idlePasses = 0;
    auto fail = [&](Error e) -> Result<SwapoffReport> {
        dev->setDraining(false);
        return e.on(device);
    };

    // Passes over the whole device in windows of 64 clusters until it is empty. usedSlots()
    // lists published slots only: a store that passed the draining check just before swapoff
    // set it may still be writing; its slot counts in usedSlotCount() and is listed a moment
    // later. The device is empty only when that count is zero.
    constexpr std::uint64_t kWindow = 64 * swapfile::kClusterSlots;
    bool devicesExhausted = !options.allowOtherDevices || m_devices.size() <= 1;
    const std::uint64_t total = dev->totalSlots();
    while (dev->usedSlotCount() != 0) {
        std::uint64_t progressed = 0;
        for (std::uint64_t first = 0; first < total; first += kWindow) {
            for (const auto& u : dev->usedSlots(first, kWindow)) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                    return fail(Error::of(Errc::Cancelled));
                const auto expect = std::make_pair(index, u.physicalSlot);
                Result<MoveOutcome> r = Error::of(Errc::NoDevice);
                bool toMemory = false;
                if (!devicesExhausted) {
                    r = moveEntry(u.owner, MoveTarget::anyDevice(device), Wait::Sleep, expect);
                    // No other device has room: later entries go straight to memory instead of
                    // being read once for a device store that fails and again for memory. Not
                    // when cgroups restrict tiers: then "no room" may hold for this owner only.
                    if (!r && (r.code() == Errc::NoDevice || r.code() == Errc::DeviceFull || r.code() == Errc::BackendFull)
                        && !m_cgroups.anyTierRestriction())
                        devicesExhausted = true;
                }
                // LimitExceeded: the owner's policy allows no other device (tiers): memory.
                if (!r && options.allowMemory
                    && (r.code() == Errc::NoDevice || r.code() == Errc::DeviceFull || r.code() == Errc::BackendFull
                        || r.code() == Errc::IoError || r.code() == Errc::NoSpace || r.code() == Errc::ShortIo
                        || r.code() == Errc::LimitExceeded)) {
                    r = moveEntry(u.owner, MoveTarget::memory(), Wait::Sleep, expect);
                    toMemory = true;
                }
                if (!r)
                    return fail(r.error());
                switch (*r) {
                case MoveOutcome::Moved:
                    ++(toMemory ? report.toMemory : report.toDevices);
                    ++progressed;
                    break;
                case MoveOutcome::Gone:
                    ++report.vanished;
                    break;
                case MoveOutcome::AlreadyThere:
                case MoveOutcome::ZeroPage:
                    break;
                }
                if (options.progress && (++done % 256 == 0))
                    options.progress(done, report.entries);
            }
        }
        // A pass that moved nothing while the device is still in use waits for a store in
        // flight (or an owner that is freeing its entry): give it a moment, never forever.
        if (progressed == 0 && dev->usedSlotCount() != 0) {
            if (++idlePasses > 2000)
                return fail(Error::of(Errc::Busy));
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } else {
            idlePasses = 0;
        }
    }
    if (options.progress)
        options.progress(report.entries, report.entries);
    // The device's reads and writes leave EngineStats::devices with it: hand them over.
    report.device = dev->stats();
    report.device.index = index;
    Status removed = m_devices.remove(device, options.removeFile);
    report.nanos = std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::steady_clock::now() - start).count());
    if (!removed)
        return removed.error();
    return report;
}

} // namespace swaptier
