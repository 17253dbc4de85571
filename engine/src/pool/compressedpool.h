// SPDX-License-Identifier: GPL-3.0-or-later
// CompressedPool: the zswap/zram-style compressed memory backend, with a size-class object
// allocator in the spirit of zsmalloc.
//
// A page is compressed with the pool's current codec into a per-thread buffer; the result goes
// into an object of the smallest size class that holds it. Objects of one class are packed into
// "zspages": chains of 1..maxPagesPerZspage pages whose length is chosen per class to waste the
// least space (a 3/8-page class packs 8 objects into 3 pages). Pages that do not compress below
// the huge-class watermark are stored raw in a whole page. See pool/DESIGN notes in the .cpp.
//
// Limit: when allocating a new zspage would take the pool over limitBytes, the pool is "full"
// and refuses stores (PoolLimit) until it shrinks below acceptThresholdPercent of the limit
// (zswap's accept_threshold_percent hysteresis).
//
// Thread safety: all methods are thread-safe. Each size class has its own mutex; the handle ->
// zspage translation is lock-free (a two-level table of atomic pointers that never moves).
// load() of a handle may run concurrently with store()/free() of other handles. The caller
// guarantees a handle is not freed while it is being loaded (the engine's entry busy bit).
// Lock order: a class mutex is a leaf (no other lock is taken while holding it).
//
// Compaction (zsmalloc's, driven by the engine: a handle names its zspage directly, so moving
// an object changes the handle the owning descriptor holds). compactionPlan() isolates, per
// class, the sparsest zspages whose objects fit into the free objects of the others;
// allocation skips isolated zspages. The engine migrate()s each of their live objects into the
// fuller zspages and frees the old handle; an isolated zspage is given back when its last
// object goes (the ordinary free path). endCompaction() returns what is left to allocation.
#pragma once

#include "pool/poolhandle.h"
#include "swaptier/options.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace swaptier::pool {

class CompressedPool {
public:
    explicit CompressedPool(const PoolOptions& options);
    ~CompressedPool();
    CompressedPool(const CompressedPool&) = delete;
    CompressedPool& operator=(const CompressedPool&) = delete;

    /// Compresses and stores one page. PoolLimit if the pool refuses (limit or hysteresis);
    /// InvalidArgument if the pool is disabled.
    Result<PoolHandle> store(const std::byte* page);
    /// Stores bytes that are already compressed with `codec` (length <= kPageSize; Raw means
    /// exactly kPageSize). Used to move objects between pools (compaction uses migrate()).
    Result<PoolHandle> storeCompressed(Codec codec, const std::byte* data, std::size_t length);
    /// Decompresses the object into page (kPageSize bytes). CorruptData if it does not decode.
    Status load(PoolHandle handle, std::byte* page) const;
    /// Pointer to the stored bytes of a live object (handle.length() of them), valid until freed.
    const std::byte* objectData(PoolHandle handle) const;
    /// Frees the object at once and gives back its zspage when that becomes empty.
    void free(PoolHandle handle);

    /// The zspages one compaction is emptying.
    struct CompactionPlan {
        std::vector<std::uint64_t> zspages; ///< key() of every isolated zspage, ascending
        std::uint64_t objects = 0;          ///< live objects they held when isolated

        static constexpr std::uint64_t key(std::uint32_t sizeClass, std::uint32_t zspage) {
            return std::uint64_t(sizeClass) << PoolHandle::kZspageBits | zspage;
        }
        /// Whether `handle` lay in an isolated zspage when the plan was made (its id may have
        /// been reused since: migrate() checks again).
        bool contains(PoolHandle handle) const;
    };
    /// Per size class, isolates the sparsest partly used zspages whose live objects fit into
    /// the free objects of the class's other zspages: floor(free objects / objects per
    /// zspage) of them (zsmalloc's zs_can_compact), so after migration each class holds
    /// ceil(objects / objects per zspage) zspages. Allocation skips isolated zspages until
    /// endCompaction(). REQUIRES: no other compaction in progress (the engine serialises).
    CompactionPlan compactionPlan();
    /// Copies the live object `from` of an isolated zspage, bytes and codec as they are (no
    /// recompression), into a free object of a non-isolated zspage of its class and returns
    /// the new handle; `from` stays live until the caller frees it. nullopt if from's zspage is
    /// not isolated (any more). BackendFull if every free object of the class lies in isolated
    /// zspages (concurrent stores took the others): compaction never allocates a zspage, so it
    /// never grows the pool; neither the limit nor PoolOptions::enabled apply.
    /// REQUIRES: `from` is not freed meanwhile (the engine holds the entry's busy bit).
    Result<std::optional<PoolHandle>> migrate(PoolHandle from);
    /// Returns every zspage still isolated to allocation; returns how many there were.
    std::uint64_t endCompaction();

    /// Runtime change of codec, level, limit, threshold (maxPagesPerZspage is fixed at creation).
    Status setOptions(const PoolOptions& options);
    PoolOptions options() const;
    /// True while the limit hysteresis refuses stores (cheap check before compressing).
    bool refusing() const;
    PoolStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace swaptier::pool
