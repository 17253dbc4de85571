// SPDX-License-Identifier: GPL-3.0-or-later
// Zspage and ZspageTable: the storage unit of one size class and the lock-free table that turns
// a handle's (class, zspage id) into a zspage address. Private to the compressed pool.
//
// A zspage is one allocation: a 48-byte header followed by pagesPerZspage * kPageSize bytes of
// objects (user space has no higher-order allocation problem, so unlike zsmalloc the pages need
// not be linked one by one). Object i lives at objects() + i * objectSize.
//
// Free objects are linked through their own first two bytes (the index of the next free
// object), so there is no per-object side table. Objects never handed out yet are not on that
// list: `fresh` counts up through them, so a new zspage needs no initialisation pass.
#pragma once

#include "pool/poolhandle.h"
#include "swaptier/ids.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <cstring>
#include <new>
#include <optional>
#include <vector>

namespace swaptier::pool {

/// Size of the zspage header; objects start this far into the allocation. malloc's 16-byte
/// alignment plus 48 keeps every object 16-byte aligned (object sizes are multiples of 16).
inline constexpr std::size_t kZspageHeaderBytes = 48;
/// "No object" in free-list links (objects per zspage never exceed 2048).
inline constexpr std::uint16_t kNoObject = 0xFFFF;
static_assert(PoolHandle::kMaxObjects < kNoObject);

/// Fullness groups of a size class (zsmalloc's inuse-ratio groups, in quartiles). A zspage is
/// listed in the group of its inuse/objectsPerZspage ratio; allocation takes the fullest
/// non-full zspage first, so sparse zspages drain and can be freed. Empty zspages are freed at
/// once and never listed. Pool compaction moves the zspages it empties to the kIsolated list,
/// whatever their ratio: allocation never takes an object there, frees still work.
enum Fullness : std::uint8_t {
    kUsedBelow25 = 0, ///< 0 < inuse < 25% of the objects
    kUsedBelow50 = 1,
    kUsedBelow75 = 2,
    kUsedBelow100 = 3, ///< almost full
    kFull = 4,         ///< no free object
    kIsolated = 5,     ///< being emptied by pool compaction (zsmalloc's isolated zspages)
    kFullnessGroups = 6,
};

inline Fullness fullnessOf(std::uint32_t inuse, std::uint32_t objects) {
    return inuse >= objects ? kFull : Fullness(inuse * 4 / objects);
}

/// Zspage header. Every field except the immutable `id` and `classIndex` is guarded by the
/// owning class's mutex.
struct Zspage {
    Zspage* prev;             // 8 B  neighbours in the class's list for `group` (null-terminated)
    Zspage* next;             // 8 B
    std::uint32_t id;         // 4 B  index in the class's ZspageTable = the handle's zspage field
    std::uint16_t inuse;      // 2 B  live objects
    std::uint16_t freeHead;   // 2 B  first freed object (its first 2 bytes link the next) or kNoObject
    std::uint16_t fresh;      // 2 B  objects [fresh, objectsPerZspage) were never handed out
    std::uint8_t group;       // 1 B  Fullness group it is listed in
    std::uint8_t classIndex;  // 1 B  owning size class (for assertions)
                              // 36 B used, padded to kZspageHeaderBytes

    std::byte* objects() { return reinterpret_cast<std::byte*>(this) + kZspageHeaderBytes; }
    const std::byte* objects() const { return reinterpret_cast<const std::byte*>(this) + kZspageHeaderBytes; }

    /// Hands out a free object and returns its index. REQUIRES: class mutex, inuse < objects.
    std::uint32_t take(std::uint32_t objectSize) {
        std::uint32_t index;
        if (freeHead != kNoObject) {
            index = freeHead;
            std::memcpy(&freeHead, objects() + std::size_t(index) * objectSize, sizeof freeHead);
        } else {
            index = fresh++;
        }
        ++inuse;
        return index;
    }
    /// Returns an object to the free list. REQUIRES: class mutex, object live.
    void give(std::uint32_t index, std::uint32_t objectSize) {
        std::memcpy(objects() + std::size_t(index) * objectSize, &freeHead, sizeof freeHead);
        freeHead = std::uint16_t(index);
        --inuse;
    }

    /// One allocation of header + pages; null when memory is exhausted.
    static Zspage* create(std::uint32_t classIndex, std::uint32_t pages) {
        void* memory = ::operator new(kZspageHeaderBytes + std::size_t(pages) * kPageSize, std::nothrow);
        if (!memory)
            return nullptr;
        return new (memory) Zspage{nullptr, nullptr, 0, 0, kNoObject, 0, 0, std::uint8_t(classIndex)};
    }
    static void destroy(Zspage* zspage) {
        zspage->~Zspage();
        ::operator delete(static_cast<void*>(zspage));
    }
};
static_assert(sizeof(Zspage) <= kZspageHeaderBytes && kZspageHeaderBytes % 16 == 0);

/// Id -> zspage table of one size class: two levels, a fixed array of chunk pointers and
/// chunks of atomic zspage pointers. Chunk k holds 64 << k entries, so 21 chunks cover the
/// handle's 2^26 ids while a class with a handful of zspages needs one 512-byte chunk. Chunks
/// never move or shrink until the table dies, so find() needs no lock: a reader holding a live
/// handle reads the chunk pointer and the entry with two acquire loads.
///
/// Ids of freed zspages are reused (LIFO), keeping the table as small as the class's peak.
class ZspageTable {
public:
    static constexpr unsigned kFirstChunkBits = 6;
    static constexpr unsigned kChunkCount = PoolHandle::kZspageBits + 1 - kFirstChunkBits;

    ZspageTable() = default;
    ZspageTable(const ZspageTable&) = delete;
    ZspageTable& operator=(const ZspageTable&) = delete;
    ~ZspageTable() {
        for (auto& chunk : m_chunks)
            delete[] chunk.load(std::memory_order_relaxed);
    }

    /// Lock-free. Null for an id that names no live zspage.
    Zspage* find(std::uint32_t id) const {
        const auto [chunk, offset] = locate(id);
        const std::atomic<Zspage*>* entries = m_chunks[chunk].load(std::memory_order_acquire);
        return entries ? entries[offset].load(std::memory_order_acquire) : nullptr;
    }

    /// Allocates an id and publishes `zspage` under it; false when out of ids or memory.
    /// REQUIRES: class mutex.
    bool insert(Zspage* zspage) {
        std::uint32_t id;
        if (!m_freeIds.empty()) {
            id = m_freeIds.back();
            m_freeIds.pop_back();
        } else {
            if (m_nextId >= PoolHandle::kMaxZspages)
                return false;
            id = m_nextId;
            // Reserve room to give every id back later, so remove() never allocates.
            if (m_freeIds.capacity() <= id) {
                try {
                    m_freeIds.reserve(std::max<std::size_t>(64, 2 * m_freeIds.capacity()));
                } catch (const std::bad_alloc&) {
                    return false;
                }
            }
            const auto [chunk, offset] = locate(id);
            if (!m_chunks[chunk].load(std::memory_order_relaxed)) {
                auto* entries = new (std::nothrow) std::atomic<Zspage*>[chunkEntries(chunk)]();
                if (!entries)
                    return false;
                m_chunks[chunk].store(entries, std::memory_order_release);
                m_chunkBytes += chunkEntries(chunk) * sizeof(std::atomic<Zspage*>);
            }
            ++m_nextId;
        }
        zspage->id = id;
        const auto [chunk, offset] = locate(id);
        m_chunks[chunk].load(std::memory_order_relaxed)[offset].store(zspage, std::memory_order_release);
        return true;
    }

    /// Unpublishes a zspage and frees its id. REQUIRES: class mutex.
    void remove(const Zspage* zspage) {
        const auto [chunk, offset] = locate(zspage->id);
        m_chunks[chunk].load(std::memory_order_relaxed)[offset].store(nullptr, std::memory_order_relaxed);
        m_freeIds.push_back(zspage->id);
    }

    /// Calls f(Zspage*) for every live zspage. REQUIRES: class mutex or no concurrent user.
    template<class F>
    void forEach(F&& f) const {
        for (std::uint32_t id = 0; id < m_nextId; ++id)
            if (Zspage* z = find(id))
                f(z);
    }

    /// Bytes of chunks and free-id stack. REQUIRES: class mutex.
    std::uint64_t bytes() const { return m_chunkBytes + m_freeIds.capacity() * sizeof(std::uint32_t); }

private:
    struct Location {
        unsigned chunk;
        std::uint32_t offset;
    };
    static Location locate(std::uint32_t id) {
        const std::uint32_t v = id + (1u << kFirstChunkBits);
        const unsigned top = unsigned(std::bit_width(v)) - 1;
        return {top - kFirstChunkBits, v - (1u << top)};
    }
    static std::size_t chunkEntries(unsigned chunk) { return std::size_t{1} << (chunk + kFirstChunkBits); }

    std::array<std::atomic<std::atomic<Zspage*>*>, kChunkCount> m_chunks{}; // written under the class mutex
    std::vector<std::uint32_t> m_freeIds;  // class mutex
    std::uint32_t m_nextId = 0;            // class mutex: ids [0, m_nextId) were handed out
    std::uint64_t m_chunkBytes = 0;        // class mutex
};

} // namespace swaptier::pool
