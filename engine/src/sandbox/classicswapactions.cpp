// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicSwapBackend's actions: writeback, compaction, recompression and policy changes as the
// classic design has to do them (see classicswapbackend.h for the list and swapbackend.h for
// why they are here at all).
//
// What the classic design pays, and where:
//   - its page-table values are physical locations: moving a written page to another slot
//     (device compaction, a tier the owner may no longer use) means rewriting every page-table
//     entry that names it, so it walks every page table of every process (walkAndRewrite);
//     taking a page off a device altogether (writeback turned off, swap.max lowered) means
//     faulting it in, which walks them too (walkAndFaultIn), as swapoff's try_to_unuse;
//   - zswap writeback is the one move it does cheaply: the page reserved its slot at swap-out,
//     so writing it there changes no page table and reserves no disk space (it was reserved
//     all along); but it is one 4 KiB write per page (zswap_writeback_entry), never a batch.
//
// Relocation protocol (compaction, tier moves): the new slot adopts the old one's swap count,
// owner, shadow and backing, the bytes are copied, the walk rewrites the values, and only then
// is the old slot dropped. New slots were free before, so no page table can name one before the
// walk rewrites it, and a value the walk meets is either an old value (mapped) or untouched;
// until the drop both slots hold the state, so every page stays readable on every path. The
// sandbox calls these with every worker waiting at a barrier: nothing else runs.
//
// Order: the zswap LRU is the store counter kept in each zswap entry (seq); the kernel keeps a
// list per memcg, the sandbox sorts the subtree's tree entries by seq when an action asks for
// them (that sort is part of the action's CPU time).
//
// Locks: as classicswapbackend.cpp; no lock is held across another, a pool call or any I/O.
#include "sandbox/classicswapbackend.h"

#include "codec/codec.h"
#include "sandbox/classicswapentry.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace swaptier::sandbox {
namespace {

constexpr auto kRelaxed = std::memory_order_relaxed;

struct alignas(kPageSize) PageBuffer {
    std::byte bytes[kPageSize];
};

std::uint64_t roundUpToClusters(std::uint64_t slots) {
    return (slots + kClassicClusterSlots - 1) / kClassicClusterSlots * kClassicClusterSlots;
}

void addWork(ActionFigures& to, const ActionFigures& from) {
    to.pagesMoved += from.pagesMoved;
    to.pagesWritten += from.pagesWritten;
    to.writeCalls += from.writeCalls;
    to.ptesVisited += from.ptesVisited;
    to.bytesReclaimed += from.bytesReclaimed;
    if (to.error.code == Errc::Ok)
        to.error = from.error;
}

} // namespace

// --- helpers ------------------------------------------------------------------------------

Status ClassicSwapBackend::setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) {
    return m_policies.set(cgroup, policy);
}

Status ClassicSwapBackend::setPromotionPolicy(const PromotionPolicy&) { return {}; }
Status ClassicSwapBackend::setMaintenancePolicy(const MaintenancePolicy&) { return {}; }
Status ClassicSwapBackend::maintain() { return {}; }

std::size_t ClassicSwapBackend::tierOfDevice(const ClassicSwapDevice& dev) const {
    std::lock_guard lock(m_availLock);
    return m_tiers.tierOf(dev.priority());
}

std::vector<ClassicSwapBackend::PoolEntry> ClassicSwapBackend::subtreePoolEntries(std::uint16_t cgroup) const {
    std::unordered_map<std::uint16_t, bool> member;
    std::vector<PoolEntry> entries;
    for (const auto& dev : m_devices) {
        if (!dev)
            continue;
        for (const ClassicPoolRecord& rec : dev->poolRecords()) {
            auto [it, fresh] = member.try_emplace(rec.cgroup, false);
            if (fresh)
                it->second = m_policies.inSubtree(rec.cgroup, cgroup);
            if (it->second)
                entries.push_back(PoolEntry{dev.get(), rec});
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const PoolEntry& a, const PoolEntry& b) { return a.record.entry.seq < b.record.entry.seq; });
    return entries;
}

std::pair<std::uint64_t, std::uint64_t> ClassicSwapBackend::subtreeUsage(std::uint16_t cgroup) const {
    const Totals t = totals();
    std::uint64_t poolBytes = 0, entries = 0;
    for (std::size_t cg = 0; cg < t.cgroups.size(); ++cg) {
        if (!m_policies.inSubtree(std::uint16_t(cg), cgroup))
            continue;
        poolBytes += t.cgroups[cg].poolBytes;
        for (std::uint64_t e : t.cgroups[cg].entries)
            entries += e;
    }
    return {poolBytes, entries};
}

// --- writeback ----------------------------------------------------------------------------

bool ClassicSwapBackend::writebackEntry(const PoolEntry& e, std::byte* page, Error& error) {
    const pool::PoolHandle h = e.record.entry.handle;
    const std::uint64_t slot = e.record.slot;
    ClassicSwapDevice& dev = *e.device;
    if (Status st = m_pool.load(h, page); !st) {
        // A corrupt object stays where it is: its swap-in reports it.
        if (st.code() == Errc::CorruptData)
            m_events.corruptions.fetch_add(1, kRelaxed);
        error = Error(st.error()).on(DeviceId{dev.index()}).at(SlotId{ClassicEntry::make(dev.index(), slot)});
        return false;
    }
    if (Status st = dev.writeSlot(slot, page); !st) {
        m_events.ioErrors.fetch_add(1, kRelaxed);
        error = st.error();
        return false;
    }
    if (!dev.commitWriteback(slot, h))
        return false; // not reached: nothing else runs during an action
    m_pool.free(h);
    m_events.pswpout.fetch_add(1, kRelaxed);
    m_events.zswpwb.fetch_add(1, kRelaxed);
    m_events.writebackWrites.fetch_add(1, kRelaxed);
    m_events.moves.fetch_add(1, kRelaxed);
    return true;
}

ActionFigures ClassicSwapBackend::writebackPass(const WritebackOptions& options, std::uint64_t& poolBytesFreed) {
    ActionFigures f;
    poolBytesFreed = 0;
    const std::uint16_t root = options.cgroup.value;
    const std::vector<PoolEntry> entries = subtreePoolEntries(root);
    const std::uint64_t now = m_env->nowNanos();
    const bool honourReferenced = options.secondChance || options.minIdleNanos > 0;
    TierTable tiers = TierTable::defaults();
    {
        std::lock_guard lock(m_availLock);
        tiers = m_tiers;
    }
    std::unordered_map<std::uint16_t, bool> allowed;
    std::unordered_map<std::uint16_t, std::uint32_t> masks;
    const auto mayWrite = [&](std::uint16_t cg, const ClassicSwapDevice& dev) {
        auto [a, freshA] = allowed.try_emplace(cg, false);
        if (freshA)
            a->second = m_policies.writebackAllowed(cg);
        auto [m, freshM] = masks.try_emplace(cg, 0);
        if (freshM)
            m->second = m_policies.tierMask(cg, tiers);
        return a->second && ((m->second >> tierOfDevice(dev)) & 1u);
    };

    auto page = std::make_unique<PageBuffer>();
    std::uint64_t written = 0;
    const auto limitReached = [&] {
        return written >= options.maxPages
               || (options.maxPoolBytes != kUnlimited && poolBytesFreed >= options.maxPoolBytes)
               || (options.maxWriteBytes != kUnlimited && (written + 1) * kPageSize > options.maxWriteBytes);
    };
    // Two sweeps, as the zswap shrinker walks its LRU: referenced entries lose their bit and go
    // to the young end in the first, and are written in the second if the pass still wants
    // pages (not with an idle age: a rotated entry counts as just used).
    std::vector<PoolEntry> rotated;
    bool stop = false;
    for (int sweep = 0; sweep < 2 && !stop; ++sweep) {
        if (sweep == 1 && options.minIdleNanos > 0)
            break;
        const std::vector<PoolEntry>& list = sweep == 0 ? entries : rotated;
        for (const PoolEntry& e : list) {
            if (limitReached()) {
                stop = true;
                break;
            }
            if (options.cancel && options.cancel->load(kRelaxed)) {
                f.error = Error::of(Errc::Cancelled);
                stop = true;
                break;
            }
            if (options.minIdleNanos > 0 && now - std::min(now, e.record.entry.storedNanos) < options.minIdleNanos) {
                stop = true; // oldest first: everything after it is younger
                break;
            }
            if (sweep == 0 && honourReferenced && e.record.entry.referenced) {
                e.device->rotate(e.record.slot, m_zswapSeq.fetch_add(1, kRelaxed));
                rotated.push_back(e);
                continue;
            }
            if (!mayWrite(e.record.cgroup, *e.device))
                continue; // writeback off, or its reserved slot lies on a tier it may not use
            Error error;
            if (writebackEntry(e, page->bytes, error)) {
                ++written;
                poolBytesFreed += e.record.entry.handle.length();
                if (options.progress && written % std::max<std::uint32_t>(1, options.batchPages) == 0)
                    options.progress(written);
                continue;
            }
            if (f.error.code == Errc::Ok)
                f.error = error;
            if (error.code != Errc::CorruptData) {
                stop = true; // a write error ends the pass (the entry stays in the pool)
                break;
            }
        }
    }
    f.pagesMoved = written;
    f.pagesWritten = written;
    f.writeCalls = written; // one write per page: zswap writes back page by page
    f.bytesReclaimed = poolBytesFreed;
    return f;
}

ActionFigures ClassicSwapBackend::writeback(const WritebackOptions& options) {
    if (options.batchPages < 1 || options.batchPages > kClassicClusterSlots) {
        ActionFigures f;
        f.error = Error::of(Errc::InvalidArgument).file("batchPages");
        return f;
    }
    std::uint64_t freed = 0;
    return writebackPass(options, freed);
}

// --- recompression and pool compaction ----------------------------------------------------

ActionFigures ClassicSwapBackend::recompress(const RecompressOptions& options) {
    ActionFigures f;
    if (options.codec == Codec::Raw) {
        f.error = Error::of(Errc::InvalidArgument).file("codec");
        return f;
    }
    if (options.codec == Codec::Zstd
        && (options.zstdLevel < codec::zstdMinLevel() || options.zstdLevel > codec::zstdMaxLevel())) {
        f.error = Error::of(Errc::InvalidArgument).file("zstdLevel");
        return f;
    }
    const std::vector<PoolEntry> entries = subtreePoolEntries(options.cgroup.value);
    const std::uint64_t now = m_env->nowNanos();
    auto page = std::make_unique<PageBuffer>();
    std::vector<std::byte> packed(codec::compressBound(options.codec));
    std::uint64_t done = 0, recompressed = 0, bytesBefore = 0, bytesAfter = 0;
    for (const PoolEntry& e : entries) {
        if (done >= options.maxPages)
            break;
        if (options.cancel && options.cancel->load(kRelaxed)) {
            f.error = Error::of(Errc::Cancelled);
            break;
        }
        const ClassicZswapEntry& z = e.record.entry;
        if (options.minIdleNanos > 0 && now - std::min(now, z.storedNanos) < options.minIdleNanos)
            break; // oldest first: the rest is younger
        if (z.referenced || z.recompressed)
            continue; // in use lately, or done before (as the engine)
        ++done;
        const pool::PoolHandle h = z.handle;
        if (h.codec() == options.codec && options.codec != Codec::Zstd) {
            e.device->markRecompressed(e.record.slot);
            continue;
        }
        if (m_pool.load(h, page->bytes)) {
            const std::size_t len =
                codec::compressPage(options.codec, options.zstdLevel, page->bytes, packed.data(), packed.size());
            if (len != 0 && len < h.length()) {
                if (auto stored = m_pool.storeCompressed(options.codec, packed.data(), len)) {
                    if (e.device->replaceHandle(e.record.slot, h, *stored, true)) {
                        m_pool.free(h);
                        ++recompressed;
                        bytesBefore += h.length();
                        bytesAfter += stored->length();
                        m_events.recompressions.fetch_add(1, kRelaxed);
                        continue;
                    }
                    m_pool.free(*stored);
                }
            }
        }
        e.device->markRecompressed(e.record.slot); // no gain (or unreadable): not tried again
    }
    f.pagesMoved = recompressed;
    f.bytesReclaimed = bytesBefore - bytesAfter;
    return f;
}

ActionFigures ClassicSwapBackend::compactPool() {
    ActionFigures f;
    const std::uint64_t before = m_pool.stats().poolBytes;
    const auto plan = m_pool.compactionPlan();
    std::uint64_t moved = 0;
    if (!plan.zspages.empty()) {
        for (const auto& dev : m_devices) {
            if (!dev)
                continue;
            for (const ClassicPoolRecord& rec : dev->poolRecords()) {
                const pool::PoolHandle h = rec.entry.handle;
                if (!plan.contains(h))
                    continue;
                auto migrated = m_pool.migrate(h);
                if (!migrated || !migrated->has_value())
                    continue; // no room left in the class (or no longer isolated): stays
                if (dev->replaceHandle(rec.slot, h, **migrated, false)) {
                    m_pool.free(h);
                    ++moved;
                } else {
                    m_pool.free(**migrated);
                }
            }
        }
    }
    m_pool.endCompaction();
    const std::uint64_t after = m_pool.stats().poolBytes;
    f.pagesMoved = moved;
    f.bytesReclaimed = before > after ? before - after : 0;
    return f;
}

// --- device compaction --------------------------------------------------------------------

ActionFigures ClassicSwapBackend::compactDevice(int device, PageTableWalker& walker, const ActionControl& control) {
    ActionFigures f;
    ClassicSwapDevice* dev = device >= 0 ? deviceAt(unsigned(device)) : nullptr;
    if (!dev) {
        f.error = Error::of(Errc::UnknownDevice).on(DeviceId{unsigned(device)});
        return f;
    }
    const unsigned index = dev->index();
    const std::uint64_t total = dev->totalSlots();
    const std::uint64_t target = std::min(total, std::max<std::uint64_t>(kClassicClusterSlots,
                                                                         roundUpToClusters(dev->usedSlots())));
    if (target >= total)
        return f; // no whole cluster to give back
    const std::vector<std::uint64_t> from = dev->usedSlotsFrom(target);
    const std::vector<std::uint64_t> to = dev->freeSlotsBelow(target, from.size());
    if (to.size() < from.size()) {
        f.error = Error::of(Errc::Busy).on(DeviceId{index}).file(dev->path());
        return f;
    }

    // 1. Every used slot above the target gets a free low slot: state, then bytes.
    std::unordered_map<std::uint64_t, std::uint64_t> moved; // old slot -> new slot
    moved.reserve(from.size());
    auto page = std::make_unique<PageBuffer>();
    const auto undo = [&] {
        for (const auto& [oldSlot, newSlot] : moved)
            dev->drop(newSlot); // the old slot still holds everything
    };
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (control.cancel && control.cancel->load(std::memory_order_relaxed)) {
            undo(); // nothing is rewritten yet: every page table still names the old slots
            f.error = Error::of(Errc::Cancelled).on(DeviceId{index});
            return f;
        }
        if (control.progress && i % 64 == 0)
            control.progress(i, from.size());
        auto state = dev->state(from[i]);
        auto adopted = state ? dev->adopt(*state, to[i]) : Result<std::uint64_t>(state.error());
        if (!adopted) {
            undo();
            f.error = adopted.error();
            return f;
        }
        moved.emplace(from[i], *adopted);
        if (!state->written)
            continue; // zero bit or zswap entry: no bytes in the file
        Status copied = dev->read(from[i], page->bytes);
        if (copied)
            copied = dev->writeSlot(*adopted, page->bytes);
        if (!copied) {
            m_events.ioErrors.fetch_add(1, kRelaxed);
            undo();
            f.error = copied.error();
            return f;
        }
        ++f.pagesWritten;
        m_events.pswpout.fetch_add(1, kRelaxed);
    }

    // 2. Every page table: each value naming a moved slot now names its new slot.
    auto visited = walker.walkAndRewrite([&](std::uint64_t value) -> std::optional<std::uint64_t> {
        if (ClassicEntry::malformed(value) || ClassicEntry::device(value) != index)
            return std::nullopt;
        auto it = moved.find(ClassicEntry::slot(value));
        if (it == moved.end())
            return std::nullopt;
        return ClassicEntry::make(index, it->second);
    });
    if (!visited) {
        // Not reached (the sandbox's walk cannot fail). Some values may name new slots already:
        // keep both slots (a leak, never a lost page).
        f.error = visited.error();
        return f;
    }
    f.ptesVisited = *visited;
    for (const auto& [oldSlot, newSlot] : moved)
        dev->drop(oldSlot);
    f.pagesMoved = moved.size();
    f.writeCalls = f.pagesWritten;
    m_events.moves.fetch_add(moved.size(), kRelaxed);

    // 3. Nothing above the target is used: cut the device and its file.
    if (Status cut = dev->shrinkTo(target); !cut)
        f.error = cut.error();
    else
        f.bytesReclaimed = (total - dev->totalSlots()) * kPageSize;
    return f;
}

// --- policy changes -----------------------------------------------------------------------

std::optional<std::uint64_t> ClassicSwapBackend::relocateWritten(ClassicSwapDevice& from, std::uint64_t slot,
                                                                 const ClassicSlotState& state, std::uint32_t mask,
                                                                 std::byte* page, Error& error,
                                                                 std::uint64_t& written) {
    std::vector<unsigned> order;
    {
        std::lock_guard lock(m_availLock);
        for (unsigned index : m_avail) {
            ClassicSwapDevice* dev = deviceAt(index);
            if (dev != &from && ((mask >> m_tiers.tierOf(dev->priority())) & 1u))
                order.push_back(index);
        }
    }
    if (order.empty())
        return std::nullopt;
    if (Status st = from.read(slot, page); !st) {
        m_events.ioErrors.fetch_add(1, kRelaxed);
        error = st.error();
        return std::nullopt;
    }
    for (unsigned index : order) {
        ClassicSwapDevice* dev = deviceAt(index);
        auto adopted = dev->adopt(state, std::nullopt);
        if (!adopted)
            continue; // full: the next one
        if (Status st = dev->writeSlot(*adopted, page); !st) {
            dev->drop(*adopted);
            m_events.ioErrors.fetch_add(1, kRelaxed);
            error = st.error();
            return std::nullopt;
        }
        ++written;
        m_events.pswpout.fetch_add(1, kRelaxed);
        m_events.moves.fetch_add(1, kRelaxed);
        return ClassicEntry::make(index, *adopted);
    }
    return std::nullopt;
}

ActionFigures ClassicSwapBackend::changeCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy,
                                                     PageTableWalker& walker) {
    ActionFigures f;
    if (Status st = m_policies.set(cgroup, policy); !st) {
        f.error = st.error();
        return f;
    }
    const std::uint16_t id = cgroup.value;
    TierTable tiers = TierTable::defaults();
    {
        std::lock_guard lock(m_availLock);
        tiers = m_tiers;
    }

    // 1. memory.zswap.max: write the oldest back into the slots they reserved (no walk).
    auto [poolBytes, entries] = subtreeUsage(id);
    if (policy.zswapMaxBytes != kUnlimited && poolBytes > policy.zswapMaxBytes) {
        WritebackOptions wb;
        wb.cgroup = cgroup;
        wb.maxPoolBytes = poolBytes - policy.zswapMaxBytes;
        wb.secondChance = false;
        std::uint64_t freed = 0;
        addWork(f, writebackPass(wb, freed));
        std::tie(poolBytes, entries) = subtreeUsage(id);
    }

    // 2. What else breaks the policy now: written pages of owners that may not write back or
    // may not use their device's tier, entries over swap.max (every classic entry holds a
    // slot), pool bytes over zswap.max that writeback could not move.
    bool relocate = false, faultWritten = false;
    {
        const Totals t = totals();
        for (std::size_t i = 0; i < t.devices.size(); ++i) {
            if (!m_devices[i])
                continue;
            const std::size_t tier = tierOfDevice(*m_devices[i]);
            const auto& cgroups = t.devices[i].cgroups;
            for (std::size_t cg = 0; cg < cgroups.size(); ++cg) {
                const auto owner = std::uint16_t(cg);
                if (cgroups[cg].entries[std::size_t(Backend::Device)] == 0 || !m_policies.inSubtree(owner, id))
                    continue;
                if (!m_policies.writebackAllowed(owner))
                    faultWritten = true;
                else if (!((m_policies.tierMask(owner, tiers) >> tier) & 1u))
                    relocate = true;
            }
        }
    }
    const std::uint64_t swapLimit = policy.swapMaxBytes == kUnlimited ? kUnlimited : policy.swapMaxBytes / kPageSize;
    std::uint64_t swapExcess = swapLimit != kUnlimited && entries > swapLimit ? entries - swapLimit : 0;
    std::uint64_t poolExcess =
        policy.zswapMaxBytes != kUnlimited && poolBytes > policy.zswapMaxBytes ? poolBytes - policy.zswapMaxBytes : 0;

    // 3. Tiers narrowed: rewrite each such page to a device it may use (a walk, like swapoff).
    auto page = std::make_unique<PageBuffer>();
    std::unordered_set<std::uint64_t> stuck; // no allowed device had room: fault in below
    if (relocate) {
        std::unordered_map<std::uint64_t, std::uint64_t> moved; // old value -> new value
        std::vector<std::pair<ClassicSwapDevice*, std::uint64_t>> oldSlots;
        std::uint64_t written = 0;
        auto visited = walker.walkAndRewrite([&](std::uint64_t value) -> std::optional<std::uint64_t> {
            if (auto it = moved.find(value); it != moved.end())
                return it->second;
            if (stuck.count(value))
                return std::nullopt;
            auto dev = resolve(value);
            if (!dev)
                return std::nullopt;
            const std::uint64_t slot = ClassicEntry::slot(value);
            auto state = (*dev)->state(slot);
            if (!state || !state->written || !m_policies.inSubtree(state->cgroup, id)
                || !m_policies.writebackAllowed(state->cgroup))
                return std::nullopt;
            const std::uint32_t mask = m_policies.tierMask(state->cgroup, tiers);
            if ((mask >> tierOfDevice(**dev)) & 1u)
                return std::nullopt;
            Error error;
            auto fresh = relocateWritten(**dev, slot, *state, mask, page->bytes, error, written);
            if (!fresh) {
                if (error.code != Errc::Ok && f.error.code == Errc::Ok)
                    f.error = error;
                stuck.insert(value);
                return std::nullopt;
            }
            moved.emplace(value, *fresh);
            oldSlots.emplace_back(*dev, slot);
            return fresh;
        });
        if (!visited) {
            f.error = visited.error(); // not reached: keep both copies (see compactDevice)
            return f;
        }
        f.ptesVisited += *visited;
        for (const auto& [dev, slot] : oldSlots)
            dev->drop(slot);
        f.pagesMoved += moved.size();
        f.pagesWritten += written;
        f.writeCalls += written;
    }

    // 4. Fault in what may stay on no device, and the excess over the limits.
    if (faultWritten || !stuck.empty() || swapExcess > 0 || poolExcess > 0) {
        std::uint64_t freedSlots = 0;
        auto visited = walker.walkAndFaultIn([&](std::uint64_t value) {
            auto dev = resolve(value);
            if (!dev)
                return false;
            auto state = (*dev)->state(ClassicEntry::slot(value));
            if (!state || !m_policies.inSubtree(state->cgroup, id))
                return false;
            const bool take = (state->written && (!m_policies.writebackAllowed(state->cgroup) || stuck.count(value)))
                              || swapExcess > 0 || (poolExcess > 0 && state->inPool);
            if (!take)
                return false;
            if (state->count == 1) { // this fault-in frees the slot
                ++freedSlots;
                if (swapExcess > 0)
                    --swapExcess;
                if (state->inPool)
                    poolExcess -= std::min<std::uint64_t>(poolExcess, state->zswap.handle.length());
            }
            return true;
        });
        if (!visited) {
            f.error = visited.error(); // a page could not be faulted in: the worker stops the run
            return f;
        }
        f.ptesVisited += *visited;
        f.pagesMoved += freedSlots;
    }
    return f;
}

} // namespace swaptier::sandbox
