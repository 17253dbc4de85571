// SPDX-License-Identifier: GPL-3.0-or-later
// Tier policies (issue #4): per-cgroup charges, the pool LRU bookkeeping of every entry
// operation, and setCgroupPolicy with the enforcement of lowered limits.
//
// Charges (policy/cgrouptree.h) follow the backing word: settleCharges() is called wherever an
// entry's backing changes (store, move, writeback, promotion, free), under the entry's cluster
// lock, next to the statistics transaction, so charges and statistics always describe the
// same state. A device slot is charged before it is written (storeOnDevice, strict swap.max)
// and then only settled; pool bytes are charged after the store (soft zswap.max, checked
// before compressing, as the kernel does).
//
// Enforcement when a policy tightens: the pool excess is written back oldest first, and what
// is still over (writeback off, devices full, swap.max) moves into memory, oldest first; then
// device entries of the subtree that break their owner's policy (swap.max excess, writeback
// off, tier no longer allowed) move through the ordinary move path, found through each
// device's reverse map; entries those moves put into the pool are trimmed again. No page
// table is walked and no other cgroup's entry is touched: the LRUs hold stale records (of
// entries loaded, freed or moved since), which both steps walk past and never follow to the
// entry that now holds their slot. When setCgroupPolicy returns, the subtree's pool is at or
// below its zswap.max unless an entry could not be moved at all (busy on every try, a read
// error, no memory) or was stored concurrently; EnforceReport::satisfied then says false.
//
// Lock order: the cluster lock, then a statistics shard, then a pool-LRU lock or the cgroup
// tree lock (both leaves, never held together).
#include "engineimpl.h"

#include "util/epoch.h"

#include <chrono>

namespace swaptier {

using descriptor::Backing;
using descriptor::BackingType;
using descriptor::Meta;
using util::EpochGuard;

void EngineImpl::settleCharges(std::uint16_t cgroup, std::uint64_t oldBacking, std::uint64_t newBacking,
                               bool deviceCharged) {
    const auto poolBytes = [](std::uint64_t b) -> std::int64_t {
        return Backing::type(b) == BackingType::Pool ? std::int64_t(Backing::storedBytes(b)) : 0;
    };
    const auto deviceSlots = [](std::uint64_t b) -> std::int64_t {
        return Backing::type(b) == BackingType::Device ? 1 : 0;
    };
    m_cgroups.chargePool(cgroup, poolBytes(newBacking) - poolBytes(oldBacking));
    m_cgroups.chargeDevice(cgroup, deviceSlots(newBacking) - deviceSlots(oldBacking) - (deviceCharged ? 1 : 0));
}

std::uint32_t EngineImpl::lruTime() const {
    const std::uint64_t now = m_env->nowNanos();
    return std::uint32_t(now > m_startNanos ? (now - m_startNanos) >> 24 : 0);
}

void EngineImpl::lruInsertLocked(Locked& l, std::uint16_t cgroup) {
    if (l.cluster->ensureLruWords())
        m_slots.noteLruWords(+1);
    policy::CgroupNode& node = m_cgroups.ensureSeen(cgroup);
    const std::uint32_t stamp = node.lru.nextStamp();
    // Referenced from the start: a new entry survives one scan (zswap_store does the same).
    l.cluster->lruWords[l.offset] = stamp | policy::LruWord::kReferenced;
    node.lru.push({l.cluster->slotOf(l.offset).value, stamp, lruTime()});
    node.lru.noteLive(+1);
    m_cgroups.noteActive(cgroup, node);
}

void EngineImpl::lruRemoveLocked(Locked& l, std::uint16_t cgroup) {
    if (l.cluster->lruWords)
        l.cluster->lruWords[l.offset] = 0; // its record is stale from now on
    m_cgroups.node(cgroup).lru.noteLive(-1);
}

std::pair<std::uint32_t, std::uint64_t> EngineImpl::policyTierMask(std::uint16_t cgroup) const {
    auto& tree = const_cast<policy::CgroupTree&>(m_cgroups);
    if (!tree.anyTierRestriction())
        return {kAllTiers, 0};
    EpochGuard guard;
    const auto view = m_devices.tierView();
    return {tree.tierMask(cgroup, *view.table, view.generation), view.generation};
}

void EngineImpl::cleanLru(std::uint16_t cgroup) {
    policy::CgroupNode& node = m_cgroups.node(cgroup);
    std::deque<policy::LruRecord> records;
    if (!node.lru.beginCleaning(records))
        return;
    std::deque<policy::LruRecord> kept;
    {
        EpochGuard guard;
        for (const policy::LruRecord& r : records) {
            Cluster* c = m_slots.find(SlotId{r.slot});
            if (!c)
                continue;
            std::lock_guard lock(c->lock);
            const std::uint32_t offset = std::uint32_t(r.slot % descriptor::kClusterSize);
            if (!c->dead && Backing::type(c->backing[offset]) == BackingType::Pool && c->cgroup[offset] == cgroup
                && c->lruWords && (c->lruWords[offset] & policy::LruWord::kStampMask) == r.stamp)
                kept.push_back(r);
        }
    }
    node.lru.endCleaning(std::move(kept));
}

// --- setCgroupPolicy ------------------------------------------------------------------------

std::vector<CgroupPolicyState> EngineImpl::cgroupPolicies() const { return m_cgroups.states(); }

void EngineImpl::enforcePoolLimit(std::uint16_t subtree, EnforceReport& report) {
    if (m_cgroups.poolExcess(subtree) == 0)
        return;
    // a. Written back, oldest first, where the owners may write back. The pass walks past
    //    stale records and stops once the excess has left the pool (or nothing more can go).
    if (m_cgroups.writebackAllowed(subtree)) {
        WritebackOptions wb;
        wb.cgroup = CgroupId{subtree};
        wb.maxPoolBytes = m_cgroups.poolExcess(subtree);
        wb.secondChance = false;
        if (auto written = writeback(wb))
            report.writtenBack += written->written;
    }
    if (m_cgroups.poolExcess(subtree) == 0)
        return;
    // b. Still over: the oldest into memory, a batch of each member's records in turn. Every
    //    record present now is looked at once at most, so this ends; it is complete for the
    //    entries stored before it started. A record moves only the entry it names (owner,
    //    pool, stamp); stale ones are dropped, those of entries left in the pool (excess met,
    //    or the move failed) go back to the old end in their order.
    std::vector<std::uint16_t> members;
    for (std::uint16_t c : m_cgroups.activeLrus())
        if (m_cgroups.isInSubtree(c, subtree))
            members.push_back(c);
    std::vector<std::size_t> unseen(members.size());
    for (std::size_t i = 0; i < members.size(); ++i)
        unseen[i] = m_cgroups.node(members[i]).lru.size();
    std::vector<std::vector<policy::LruRecord>> keep(members.size());
    std::vector<policy::LruRecord> records;
    for (bool more = true; more && m_cgroups.poolExcess(subtree) > 0;) {
        more = false;
        for (std::size_t i = 0; i < members.size() && m_cgroups.poolExcess(subtree) > 0; ++i) {
            if (unseen[i] == 0)
                continue;
            records.clear();
            m_cgroups.node(members[i]).lru.pop(std::min<std::size_t>(256, unseen[i]), records);
            unseen[i] = records.empty() ? 0 : unseen[i] - records.size();
            more = more || unseen[i] > 0;
            for (const policy::LruRecord& r : records) {
                if (m_cgroups.poolExcess(subtree) == 0) {
                    keep[i].push_back(r);
                    continue;
                }
                auto moved = moveEntry(SlotId{r.slot}, MoveTarget::memory(), Wait::Sleep, std::nullopt,
                                       ExpectPool{members[i], r.stamp});
                if (moved && *moved == MoveOutcome::Moved) {
                    ++report.toMemory;
                    continue;
                }
                if (moved && *moved == MoveOutcome::Gone)
                    continue; // a stale record
                if (!moved && moved.code() == Errc::Busy)
                    ++report.busy;
                keep[i].push_back(r);
            }
        }
    }
    for (std::size_t i = 0; i < members.size(); ++i)
        if (!keep[i].empty())
            m_cgroups.node(members[i]).lru.pushFront(keep[i]);
}

void EngineImpl::enforceDeviceEntries(std::uint16_t subtree, EnforceReport& report) {
    // Which device entries of the subtree must move, and where to, per owner.
    EpochGuard guard;
    for (unsigned index = 0; index < swapfile::DeviceSet::kMaxDevices; ++index) {
        swapfile::SwapDevice* dev = m_devices.byIndex(index);
        if (!dev)
            continue;
        const std::size_t tier = m_devices.tierOfIndex(index);
        constexpr std::uint64_t kWindow = 64 * swapfile::kClusterSlots;
        const std::uint64_t total = dev->totalSlots();
        for (std::uint64_t first = 0; first < total; first += kWindow) {
            for (const auto& u : dev->usedSlots(first, kWindow)) {
                auto info = lookup(u.owner);
                if (!info || info->backend != Backend::Device || info->device != dev->id()
                    || info->physicalSlot != u.physicalSlot)
                    continue;
                const std::uint16_t owner = info->cgroup.value;
                if (!m_cgroups.isInSubtree(owner, subtree))
                    continue;
                const bool writebackOk = m_cgroups.writebackAllowed(owner);
                const std::uint32_t mask = policyTierMask(owner).first;
                const bool tierOk = (mask >> tier) & 1u;
                // swap.max: the levels from the owner up to the subtree root that are over.
                bool overSwapMax = false;
                policy::CgroupTree::Chain chain;
                const unsigned depth = m_cgroups.chain(owner, chain);
                for (unsigned i = 0; i < depth && !overSwapMax; ++i) {
                    overSwapMax = m_cgroups.deviceExcess(chain[i]) > 0;
                    if (chain[i] == subtree)
                        break;
                }
                if (writebackOk && tierOk && !overSwapMax)
                    continue;
                const auto expect = std::make_pair(index, u.physicalSlot);
                Result<MoveOutcome> r = Error::of(Errc::NoDevice);
                bool toPool = false;
                if (writebackOk && !overSwapMax && mask != 0)
                    r = moveEntry(u.owner, MoveTarget::anyDevice({}, mask), Wait::Sleep, expect);
                if (!r && m_poolEnabled.load(std::memory_order_acquire)) {
                    r = moveEntry(u.owner, MoveTarget::pool(), Wait::Sleep, expect);
                    toPool = true;
                }
                if (!r) {
                    r = moveEntry(u.owner, MoveTarget::memory(), Wait::Sleep, expect);
                    toPool = false;
                    if (r && *r == MoveOutcome::Moved)
                        ++report.toMemory;
                } else if (*r == MoveOutcome::Moved && toPool) {
                    ++report.toPool;
                }
                if (!r && r.code() == Errc::Busy)
                    ++report.busy;
            }
        }
    }
}

Result<EnforceReport> EngineImpl::setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) {
    auto old = m_cgroups.apply(cgroup.value, policy);
    if (!old)
        return old.error();
    const auto start = std::chrono::steady_clock::now();
    EnforceReport report;
    const std::uint16_t id = cgroup.value;
    const bool tightened = policy.swapMaxBytes < old->swapMaxBytes || policy.zswapMaxBytes < old->zswapMaxBytes
                           || (!policy.zswapWriteback && old->zswapWriteback) || policy.allowedTiers.has_value();

    // 1. The pool (also when nothing tightened: applying a policy again finishes an earlier
    //    enforcement that could not complete).
    enforcePoolLimit(id, report);
    if (tightened) {
        // 2. Device entries that break their owners' policy now (one read of every device's
        //    reverse map: only when the subtree holds device slots and something can be broken).
        const bool holdsDevice = m_cgroups.node(id).deviceSlots.load(std::memory_order_relaxed) > 0;
        const bool tiersChanged = policy.allowedTiers.has_value() && policy.allowedTiers != old->allowedTiers;
        if (holdsDevice && (m_cgroups.deviceExcess(id) > 0 || !m_cgroups.writebackAllowed(id) || tiersChanged)) {
            enforceDeviceEntries(id, report);
            // 3. Device entries moved into the pool may pass a non-zero zswap.max by one entry
            //    (a soft limit, checked before the store as the kernel does): trim again.
            enforcePoolLimit(id, report);
        }
    }
    report.satisfied = m_cgroups.poolExcess(id) == 0 && m_cgroups.deviceExcess(id) == 0;
    report.nanos = std::uint64_t(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count());
    return report;
}

// --- promotion and maintenance configuration -------------------------------------------------

Status EngineImpl::setPromotionPolicy(const PromotionPolicy& policy) {
    if (policy.minLoads == 0)
        return Error::of(Errc::InvalidArgument).file("minLoads");
    m_promoteMinLoads.store(policy.minLoads, std::memory_order_relaxed);
    m_promoteFasterTier.store(policy.deviceToFasterTier, std::memory_order_relaxed);
    m_promoteDeviceToPool.store(policy.deviceToPool, std::memory_order_release);
    return {};
}

PromotionPolicy EngineImpl::promotionPolicy() const {
    PromotionPolicy p;
    p.deviceToPool = m_promoteDeviceToPool.load(std::memory_order_acquire);
    p.deviceToFasterTier = m_promoteFasterTier.load(std::memory_order_relaxed);
    p.minLoads = m_promoteMinLoads.load(std::memory_order_relaxed);
    return p;
}

} // namespace swaptier
