// SPDX-License-Identifier: GPL-3.0-or-later
// PoolLru: one cgroup's pool entries, oldest first, for writeback (the kernel's per-memcg
// zswap list_lru with its second-chance "referenced" flag).
//
// The list is a FIFO of records {slot, stamp, time}, not an intrusive list: the descriptor
// stays 14 bytes and a record costs 16. An entry's current stamp lives in its cluster's
// lruWord array (descriptor/cluster.h): a record is live only while the entry is in the pool,
// owned by this cgroup, and holds the same stamp; anything else is a stale record (the entry
// was freed, moved or re-stored) and is dropped when met. Every insertion into the pool takes
// a fresh stamp, so an entry is live in exactly one record. Pool compaction and recompression
// keep the entry's stamp, and so its place.
//
// lruWord layout (per entry, 32 bits):
//   [29:0]  stamp        30 bits  per-cgroup insertion number (wraps; 0 is never used)
//   [30]    recompressed  1 bit   stored with the maintenance codec already
//   [31]    referenced    1 bit   loaded (or stored) since the writeback scan last met it
// For device-backed entries the same word counts loads (promotion's minLoads).
//
// Stale records are dropped lazily by scans; when they outnumber live ones (staleHeavy()), a
// cleaning pass (the engine's, it needs cluster locks) filters the whole list.
//
// Lock order: `m_lock` is a leaf taken under (or without) a cluster lock; never the reverse.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

namespace swaptier::policy {

struct LruWord {
    static constexpr std::uint32_t kStampMask = (1u << 30) - 1;
    static constexpr std::uint32_t kRecompressed = 1u << 30;
    static constexpr std::uint32_t kReferenced = 1u << 31;
};

struct LruRecord {
    std::uint64_t slot = 0;
    std::uint32_t stamp = 0;
    std::uint32_t time = 0;   ///< engine time units (EngineImpl::lruTime) at insertion or rotation
};

class PoolLru {
public:
    /// A fresh stamp for a new insertion (never 0).
    std::uint32_t nextStamp();
    /// Appends a record at the young end. REQUIRES: nothing (takes m_lock).
    void push(const LruRecord& r);
    /// Puts records back at the old end, in order (a scan that stopped early).
    void pushFront(const std::vector<LruRecord>& records);
    /// Takes up to `n` records from the old end.
    void pop(std::size_t n, std::vector<LruRecord>& out);
    /// Copies up to `n` records from the old end starting at `skip`, without removing them.
    void peek(std::size_t skip, std::size_t n, std::vector<LruRecord>& out) const;
    /// Live pool entries of this cgroup (the engine keeps it in step with the pool).
    void noteLive(std::int64_t delta) { m_live.fetch_add(delta, std::memory_order_relaxed); }
    std::int64_t live() const { return m_live.load(std::memory_order_relaxed); }
    std::size_t size() const;
    /// More stale records than live entries (and enough of them to be worth a pass).
    bool staleHeavy() const;
    /// Takes the whole list for a cleaning pass; false if one is running already.
    bool beginCleaning(std::deque<LruRecord>& out);
    /// Puts the cleaned records back at the old end of whatever was pushed meanwhile.
    void endCleaning(std::deque<LruRecord>&& kept);
    std::uint64_t memoryBytes() const;

private:
    mutable std::mutex m_lock;
    std::deque<LruRecord> m_queue;     // GUARDED_BY(m_lock): front = oldest
    std::atomic<std::uint32_t> m_stamp{0};
    std::atomic<std::int64_t> m_live{0};
    std::atomic<std::size_t> m_size{0};
    bool m_cleaning = false;           // GUARDED_BY(m_lock)
};

} // namespace swaptier::policy
