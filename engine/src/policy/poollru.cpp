// SPDX-License-Identifier: GPL-3.0-or-later
// PoolLru: the per-cgroup FIFO of pool entries (see poollru.h for the record rules).
#include "policy/poollru.h"

#include <algorithm>

namespace swaptier::policy {

std::uint32_t PoolLru::nextStamp() {
    for (;;) {
        const std::uint32_t s = (m_stamp.fetch_add(1, std::memory_order_relaxed) + 1) & LruWord::kStampMask;
        if (s != 0)
            return s;
    }
}

void PoolLru::push(const LruRecord& r) {
    std::lock_guard lock(m_lock);
    m_queue.push_back(r);
    m_size.store(m_queue.size(), std::memory_order_relaxed);
}

void PoolLru::pushFront(const std::vector<LruRecord>& records) {
    if (records.empty())
        return;
    std::lock_guard lock(m_lock);
    m_queue.insert(m_queue.begin(), records.begin(), records.end());
    m_size.store(m_queue.size(), std::memory_order_relaxed);
}

void PoolLru::pop(std::size_t n, std::vector<LruRecord>& out) {
    std::lock_guard lock(m_lock);
    const std::size_t k = std::min(n, m_queue.size());
    out.insert(out.end(), m_queue.begin(), m_queue.begin() + std::ptrdiff_t(k));
    m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(k));
    m_size.store(m_queue.size(), std::memory_order_relaxed);
}

void PoolLru::peek(std::size_t skip, std::size_t n, std::vector<LruRecord>& out) const {
    std::lock_guard lock(m_lock);
    if (skip >= m_queue.size())
        return;
    const std::size_t k = std::min(n, m_queue.size() - skip);
    out.insert(out.end(), m_queue.begin() + std::ptrdiff_t(skip), m_queue.begin() + std::ptrdiff_t(skip + k));
}

std::size_t PoolLru::size() const { return m_size.load(std::memory_order_relaxed); }

bool PoolLru::staleHeavy() const {
    const std::size_t n = size();
    const std::int64_t liveNow = live();
    return n > 4096 && std::int64_t(n) > 2 * std::max<std::int64_t>(liveNow, 0) + 1024;
}

bool PoolLru::beginCleaning(std::deque<LruRecord>& out) {
    std::lock_guard lock(m_lock);
    if (m_cleaning)
        return false;
    m_cleaning = true;
    out.swap(m_queue);
    m_queue.clear();
    m_size.store(0, std::memory_order_relaxed);
    return true;
}

void PoolLru::endCleaning(std::deque<LruRecord>&& kept) {
    std::lock_guard lock(m_lock);
    kept.insert(kept.end(), m_queue.begin(), m_queue.end());
    m_queue.swap(kept);
    m_cleaning = false;
    m_size.store(m_queue.size(), std::memory_order_relaxed);
}

std::uint64_t PoolLru::memoryBytes() const {
    return std::uint64_t(size()) * sizeof(LruRecord);
}

} // namespace swaptier::policy
