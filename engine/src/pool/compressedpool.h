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
#pragma once

#include "pool/poolhandle.h"
#include "swaptier/options.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"

#include <cstddef>
#include <memory>

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
    /// exactly kPageSize). Used to move objects between pools and by pool compaction.
    Result<PoolHandle> storeCompressed(Codec codec, const std::byte* data, std::size_t length);
    /// Decompresses the object into page (kPageSize bytes). CorruptData if it does not decode.
    Status load(PoolHandle handle, std::byte* page) const;
    /// Pointer to the stored bytes of a live object (handle.length() of them), valid until freed.
    const std::byte* objectData(PoolHandle handle) const;
    /// Frees the object at once and gives back its zspage when that becomes empty.
    void free(PoolHandle handle);

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
