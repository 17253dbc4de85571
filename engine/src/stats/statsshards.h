// SPDX-License-Identifier: GPL-3.0-or-later
// StatsShards: per-thread statistics that can be read as one consistent cut while other
// threads work.
//
// Every operation records all its counter changes (usage per cgroup and backend, device
// entries per cgroup and device index, events) in its thread slot's shard, under that shard's mutex, before the operation's result becomes
// visible to any other thread. A snapshot locks every shard at once (in index order) and sums
// them. Because an operation's deltas are applied atomically in one shard, and an operation
// that depends on another (a move of an entry another thread just stored) can only start after
// the first one's deltas are in, the snapshot contains every operation wholly or not at all and
// never a later one without an earlier one it depends on: no negative or torn figures, and
// per-cgroup figures add up to the global ones. Per-device entries change in the same call as
// the Device backend's (Txn::usage), so a cgroup's per-device figures always add up to its
// Device figure, and a move between two devices is never seen half done.
//
// Per-device counts are a vector per cgroup and shard, indexed by the backing word's device
// index and grown on the first entry an index sees there (at most kMaxDevices): the hot path
// allocates only then, under the shard mutex.
//
// A shard mutex is uncontended except during a snapshot (10 Hz at most from the UI).
// Lock order: shard mutexes are leaves, taken after cluster locks; a snapshot takes them in
// ascending index order and nothing else meanwhile.
#pragma once

#include "swaptier/stats.h"
#include "util/threadslot.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace swaptier::stats {

/// Counters of one cgroup in one shard. Usage fields are signed: a shard may hold the free of
/// an entry another shard stored.
struct CgroupCounters {
    struct Usage {
        std::int64_t entries = 0, originalBytes = 0, storedBytes = 0;
    };
    std::array<Usage, kBackendCount> usage{};
    /// Backend::Device entries by device index (the backing word's), grown on demand; in
    /// every shard their sum is usage[Device].entries.
    std::vector<std::int64_t> deviceEntries;
    EventCounters events;
    bool touched = false;
};

class StatsShards {
public:
    /// Device indexes are below this (descriptor::Backing::kMaxDevices: 8 bits in the backing).
    static constexpr unsigned kMaxDevices = 256;

    StatsShards();
    ~StatsShards();

    /// An open transaction on the calling thread's shard: holds its mutex.
    class Txn {
    public:
        /// Adds (or with sign -1 removes) one entry of `storedBytes` on `backend` for `cgroup`;
        /// for Backend::Device also on device index `device` (ignored for other backends).
        /// REQUIRES: device < kMaxDevices.
        void usage(std::uint16_t cgroup, Backend backend, unsigned device, int sign, std::uint32_t storedBytes);
        /// Event counters of `cgroup`; the caller increments fields directly.
        EventCounters& events(std::uint16_t cgroup);

    private:
        friend class StatsShards;
        struct Shard;
        Txn(Shard& s);
        CgroupCounters& counters(std::uint16_t cgroup);
        Shard& m_shard;
        std::unique_lock<std::mutex> m_lock;
    };

    Txn begin();

    struct Snapshot {
        std::array<BackendUsage, kBackendCount> backends{};
        EventCounters events;
        std::vector<CgroupStats> cgroups;
    };
    Snapshot snapshot() const;

private:
    std::array<std::atomic<Txn::Shard*>, util::kMaxThreadSlots> m_shards;
    std::mutex m_createLock; // creating a shard
};

} // namespace swaptier::stats
