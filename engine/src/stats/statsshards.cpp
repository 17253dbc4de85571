// SPDX-License-Identifier: GPL-3.0-or-later
// StatsShards: see statsshards.h for why a snapshot is a consistent cut.
//
// Per-cgroup counters in a shard are a two-level sparse array (256 pages of 256 cgroups), so
// a shard costs memory only for the cgroup id ranges it has seen; per-device counts likewise
// only for the device indexes a cgroup has used in that shard.
#include "stats/statsshards.h"

#include <cassert>
#include <map>

namespace swaptier::stats {

struct StatsShards::Txn::Shard {
    static constexpr unsigned kPageBits = 8;
    using Page = std::array<CgroupCounters, 1u << kPageBits>;

    std::mutex mutex;
    std::array<std::unique_ptr<Page>, ((1u << 16) >> kPageBits)> pages; // GUARDED_BY(mutex)
};

StatsShards::StatsShards() {
    for (auto& s : m_shards)
        s.store(nullptr, std::memory_order_relaxed);
}

StatsShards::~StatsShards() {
    for (auto& s : m_shards)
        delete s.load(std::memory_order_relaxed);
}

StatsShards::Txn::Txn(Shard& s) : m_shard(s), m_lock(s.mutex) {}

CgroupCounters& StatsShards::Txn::counters(std::uint16_t cgroup) {
    auto& page = m_shard.pages[cgroup >> Shard::kPageBits];
    if (!page)
        page = std::make_unique<Shard::Page>();
    CgroupCounters& c = (*page)[cgroup & ((1u << Shard::kPageBits) - 1)];
    c.touched = true;
    return c;
}

void StatsShards::Txn::usage(std::uint16_t cgroup, Backend backend, unsigned device, int sign,
                             std::uint32_t storedBytes) {
    CgroupCounters& c = counters(cgroup);
    auto& u = c.usage[std::size_t(backend)];
    u.entries += sign;
    u.originalBytes += sign * std::int64_t(kPageSize);
    u.storedBytes += sign * std::int64_t(storedBytes);
    if (backend == Backend::Device) {
        assert(device < kMaxDevices);
        if (device >= c.deviceEntries.size())
            c.deviceEntries.resize(device + 1u);
        c.deviceEntries[device] += sign;
    }
}

EventCounters& StatsShards::Txn::events(std::uint16_t cgroup) {
    return counters(cgroup).events;
}

StatsShards::Txn StatsShards::begin() {
    const unsigned slot = util::threadSlot();
    Txn::Shard* s = m_shards[slot].load(std::memory_order_acquire);
    if (!s) {
        std::lock_guard lock(m_createLock);
        s = m_shards[slot].load(std::memory_order_acquire);
        if (!s) {
            s = new Txn::Shard;
            m_shards[slot].store(s, std::memory_order_release);
        }
    }
    return Txn(*s);
}

namespace {

void addEvents(EventCounters& to, const EventCounters& from) {
    to.swapOuts += from.swapOuts;
    to.swapIns += from.swapIns;
    to.swpoutZero += from.swpoutZero;
    to.swpinZero += from.swpinZero;
    to.zswpout += from.zswpout;
    to.zswpin += from.zswpin;
    to.zswpwb += from.zswpwb;
    to.pswpout += from.pswpout;
    to.pswpin += from.pswpin;
    to.cacheHits += from.cacheHits;
    to.duplicates += from.duplicates;
    to.puts += from.puts;
    to.frees += from.frees;
    to.moves += from.moves;
    to.moveFailures += from.moveFailures;
    to.promotions += from.promotions;
    to.tierPromotions += from.tierPromotions;
    to.recompressions += from.recompressions;
    to.writebackWrites += from.writebackWrites;
    to.poolRejects += from.poolRejects;
    to.ioErrors += from.ioErrors;
    to.corruptions += from.corruptions;
    for (std::size_t b = 0; b < kBackendCount; ++b) {
        to.storedTo[b] += from.storedTo[b];
        to.loadedFrom[b] += from.loadedFrom[b];
    }
}

} // namespace

StatsShards::Snapshot StatsShards::snapshot() const {
    // Lock every existing shard, in index order, and hold them all while summing.
    std::vector<std::unique_lock<std::mutex>> locks;
    std::vector<Txn::Shard*> shards;
    for (const auto& entry : m_shards) {
        if (Txn::Shard* s = entry.load(std::memory_order_acquire)) {
            locks.emplace_back(s->mutex);
            shards.push_back(s);
        }
    }

    struct Sum {
        std::array<CgroupCounters::Usage, kBackendCount> usage{};
        std::vector<std::int64_t> devices;
        EventCounters events;
    };
    std::map<std::uint16_t, Sum> perCgroup;
    for (Txn::Shard* s : shards) {
        for (std::size_t p = 0; p < s->pages.size(); ++p) {
            if (!s->pages[p])
                continue;
            for (std::size_t i = 0; i < s->pages[p]->size(); ++i) {
                const CgroupCounters& c = (*s->pages[p])[i];
                if (!c.touched)
                    continue;
                Sum& sum = perCgroup[std::uint16_t(p << Txn::Shard::kPageBits | i)];
                for (std::size_t b = 0; b < kBackendCount; ++b) {
                    sum.usage[b].entries += c.usage[b].entries;
                    sum.usage[b].originalBytes += c.usage[b].originalBytes;
                    sum.usage[b].storedBytes += c.usage[b].storedBytes;
                }
                if (sum.devices.size() < c.deviceEntries.size())
                    sum.devices.resize(c.deviceEntries.size());
                for (std::size_t d = 0; d < c.deviceEntries.size(); ++d)
                    sum.devices[d] += c.deviceEntries[d];
                addEvents(sum.events, c.events);
            }
        }
    }
    locks.clear();

    Snapshot snap;
    for (const auto& [id, sum] : perCgroup) {
        CgroupStats cs;
        cs.id = CgroupId{id};
        for (std::size_t b = 0; b < kBackendCount; ++b) {
            // Each cgroup's sum is a consistent cut, so it is never negative.
            cs.backends[b].entries = std::uint64_t(sum.usage[b].entries);
            cs.backends[b].originalBytes = std::uint64_t(sum.usage[b].originalBytes);
            cs.backends[b].storedBytes = std::uint64_t(sum.usage[b].storedBytes);
            snap.backends[b].entries += cs.backends[b].entries;
            snap.backends[b].originalBytes += cs.backends[b].originalBytes;
            snap.backends[b].storedBytes += cs.backends[b].storedBytes;
        }
        std::size_t devices = sum.devices.size();
        while (devices > 0 && sum.devices[devices - 1] == 0)
            --devices;
        cs.deviceEntries.resize(devices);
        for (std::size_t d = 0; d < devices; ++d)
            cs.deviceEntries[d] = std::uint64_t(sum.devices[d]); // a consistent cut: never negative
        cs.events = sum.events;
        addEvents(snap.events, sum.events);
        snap.cgroups.push_back(cs);
    }
    return snap;
}

} // namespace swaptier::stats
