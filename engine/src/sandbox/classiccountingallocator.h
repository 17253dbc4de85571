// SPDX-License-Identifier: GPL-3.0-or-later
// CountingAllocator: a std::allocator that adds every allocation to a byte counter, so the
// classic baseline can report the real memory of its per-slot side tables (the zswap tree,
// the refault shadows, the swap-count continuations) instead of an estimate. The counter sees
// node and bucket-array allocations alike; malloc's own headers are not included.
//
// Thread safety: none of its own. The counter is a plain integer owned by the container's
// owner, and every container using it is only changed under one lock (the device lock).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace swaptier::sandbox {

template<class T>
class CountingAllocator {
public:
    using value_type = T;

    /// REQUIRES: `counter` outlives every container (and copy of the allocator) using it.
    explicit CountingAllocator(std::uint64_t* counter) noexcept : m_counter(counter) {}
    template<class U>
    CountingAllocator(const CountingAllocator<U>& other) noexcept : m_counter(other.counter()) {}

    T* allocate(std::size_t n) {
        T* p = std::allocator<T>{}.allocate(n);
        *m_counter += n * sizeof(T);
        return p;
    }
    void deallocate(T* p, std::size_t n) noexcept {
        *m_counter -= n * sizeof(T);
        std::allocator<T>{}.deallocate(p, n);
    }

    std::uint64_t* counter() const noexcept { return m_counter; }

    template<class U>
    bool operator==(const CountingAllocator<U>& other) const noexcept {
        return m_counter == other.counter();
    }

private:
    std::uint64_t* m_counter;
};

} // namespace swaptier::sandbox
