// SPDX-License-Identifier: GPL-3.0-or-later
// CompressedPool: the compressed in-memory backend (zswap/zram) with a user-space zsmalloc.
//
// Compressed pages are 32..4096 bytes, most of them 1-3 KiB. Handing each to malloc would add
// a header per object, round to malloc's own bins and scatter objects over the heap so that
// freeing them rarely gives whole pages back. Instead, objects of similar size share "zspages":
// one allocation of 1..maxPagesPerZspage pages cut into equal slots, freed as a whole as soon as
// its last object goes.
//
// Size classes. Slot sizes run from 32 B to 4096 B in 16 B steps (255 classes, the handle's
// 8-bit class field). The step is a trade-off: a coarser step wastes more inside each object
// (up to step - 1 bytes; 15 B is under 1% of a 2 KiB object), a finer one means more classes,
// and every class strands on average half a zspage of free slots. Each class chains as many
// pages as make the best use of the zspage (zsmalloc's get_pages_per_zspage, whole percent,
// shortest chain on ties). Worked example with chains of up to 4 pages:
//   1536 B (3/8 page):  1 page holds 2 objects (75% used), 2 pages 5 (93%), 3 pages 8 (100%),
//                       4 pages 10 (93%): 3 pages, 8 objects, nothing wasted.
//   3264 B:             1, 2 or 3 pages hold 1, 2, 3 objects (79%), 4 pages 5 (99%): 4 pages.
//   3280 B:             every chain is 80% used, so 1 page with 1 object. Keeping such a page
//                       compressed saves nothing: it is a "huge" object.
// So the huge watermark is 3264 B with chains of 4 (3632 B with 8, 3840 B with 16: the values
// Documentation/mm/zsmalloc.rst gives). Neighbouring classes with the same (pages, objects)
// layout are merged into one class of the largest size (a bigger slot in the same layout costs
// nothing): with chains of 4 the 255 sizes become 69 classes, with 16 they become 191.
//
// Huge class. Compressed results above the watermark and incompressible pages (compressPage()
// returned 0) are stored raw: Codec::Raw, length kPageSize, one object in a one-page zspage.
// A load is then a memcpy. storeCompressed() keeps its bytes verbatim: above the watermark they
// go to the huge class with their own codec.
//
// Fullness groups (zspage.h). Allocation takes the fullest non-full zspage of the class, so
// sparsely used zspages drain and are freed; a zspage whose last object is freed goes back to
// the allocator at once.
//
// Handles (poolhandle.h) name (codec, class, zspage id, object, length). A load turns the
// zspage id into an address with the class's ZspageTable, lock-free; ids are reused.
//
// Store path: compress into a per-thread scratch buffer with no lock held; take the class
// mutex only to pick a slot and update the class counters; copy the bytes into the slot after
// unlocking (the slot is ours). A new zspage is allocated outside the lock, too.
//
// Limit (zswap's max_pool_percent + accept_threshold_percent). poolBytes counts the pages of
// all zspages and is reserved with a compare-and-swap before a zspage is allocated, so it never
// exceeds limitBytes. When a new zspage would exceed it the pool becomes "full": the store
// fails with PoolLimit (limitHits, rejects) and later stores are refused (rejects) until
// poolBytes < limitBytes * acceptThresholdPercent / 100. The full flag is cleared by the free
// that crosses the threshold, by the next store that finds usage below it, or by setOptions().
//
// Counters. Per-class objects, raw objects, stored bytes and zspages are plain integers under
// the class mutex: stats() reads each class under its lock, so every class is exact and the
// totals never go negative; different classes may be read at slightly different moments.
// poolBytes, limitHits and rejects are atomics.
//
// Compaction (see compressedpool.h). Isolated zspages sit on their own list (kIsolated), so
// fullestNonFull() never returns one and regroup() leaves them there; free() of their objects
// is unchanged. migrate() takes a destination only from the fullness lists and never creates
// a zspage. With no concurrent store, a class with N objects of P per zspage ends with
// ceil(N / P) zspages: the plan isolates floor(free / P) zspages, sparsest first, and their
// objects exactly fit the others' free objects.
//
// Lock order: there is no nesting. A class mutex is a leaf, and at most one is held at a
// time; m_optionsMutex is never held together with a class mutex. No lock is held while
// compressing, decompressing, copying an object or calling the memory allocator for a zspage.
#include "pool/compressedpool.h"

#include "codec/codec.h"
#include "pool/sizeclass.h"
#include "pool/zspage.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <cstring>
#if defined(__x86_64__)
#include <emmintrin.h>
#endif
#include <mutex>

namespace swaptier::pool {
namespace {

// Per-thread compression output. Larger than every codec's compressBound() for one page
// (lzo's 4419 B is the largest), so compressPage() never needs its slower bounded path.
constexpr std::size_t kScratchBytes = 4480;
alignas(64) thread_local std::byte t_scratch[kScratchBytes];

bool validCodec(Codec codec) {
    return std::uint8_t(codec) <= std::uint8_t(Codec::Lzo);
}

/// limit * percent / 100 without overflow.
std::uint64_t acceptBytes(std::uint64_t limit, unsigned percent) {
    return limit / 100 * percent + limit % 100 * percent / 100;
}

PoolOptions sanitized(PoolOptions o) {
    if (!validCodec(o.codec))
        o.codec = Codec::Lz4;
    o.zstdLevel = std::clamp(o.zstdLevel, codec::zstdMinLevel(), codec::zstdMaxLevel());
    o.acceptThresholdPercent = std::clamp(o.acceptThresholdPercent, 1u, 100u);
    o.maxPagesPerZspage = std::clamp(o.maxPagesPerZspage, 1u, kMaxPagesPerZspageLimit);
    return o;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Data structures
// ---------------------------------------------------------------------------------------------

/// One size class. The first part is read by lock-free loads and never changes after
/// construction (apart from the table's chunk pointers); the mutable part sits on its own
/// cache lines.
struct SizeClass {
    ClassGeometry geometry;
    std::uint32_t index = 0;
    ZspageTable table;          // find() lock-free; insert/remove under mutex

    alignas(64) std::mutex mutex;
    std::array<Zspage*, kFullnessGroups> lists{}; // GUARDED_BY(mutex): list heads per group
    std::uint64_t zspages = 0;                    // GUARDED_BY(mutex)
    std::uint64_t objects = 0;                    // GUARDED_BY(mutex): live objects
    std::uint64_t rawObjects = 0;                 // GUARDED_BY(mutex): live objects with Codec::Raw
    std::uint64_t storedBytes = 0;                // GUARDED_BY(mutex): sum of live object lengths

    // --- fullness lists, REQUIRES(mutex) ---
    void link(Zspage* z, Fullness group) {
        z->group = group;
        z->prev = nullptr;
        z->next = lists[group];
        if (z->next)
            z->next->prev = z;
        lists[group] = z;
    }
    void unlink(Zspage* z) {
        if (z->prev)
            z->prev->next = z->next;
        else
            lists[z->group] = z->next;
        if (z->next)
            z->next->prev = z->prev;
        z->prev = z->next = nullptr;
    }
    void regroup(Zspage* z) {
        if (z->group == kIsolated)
            return; // stays out of allocation until compaction ends
        const Fullness group = fullnessOf(z->inuse, geometry.objectsPerZspage);
        if (group != z->group) {
            unlink(z);
            link(z, group);
        }
    }
    /// The fullest zspage with a free object, or null.
    Zspage* fullestNonFull() const {
        for (int g = kUsedBelow100; g >= kUsedBelow25; --g)
            if (lists[std::size_t(g)])
                return lists[std::size_t(g)];
        return nullptr;
    }
    void account(Codec codec, std::uint32_t length) {
        ++objects;
        storedBytes += length;
        rawObjects += codec == Codec::Raw;
    }
    /// Isolates the sparsest partly used zspages whose objects fit into the others' free
    /// objects; adds their keys and objects to `plan`. REQUIRES(mutex).
    void isolateSparsest(CompressedPool::CompactionPlan& plan) {
        // Emptying k zspages with s_1..s_k objects needs s_1 + .. + s_k free objects in the
        // others, which have free - sum(P - s_i): that holds exactly while k * P <= free,
        // whichever zspages are chosen. The sparsest ones need the fewest copies.
        const std::uint32_t perZspage = geometry.objectsPerZspage;
        std::uint64_t freeObjects = zspages * perZspage - objects;
        for (const Zspage* z = lists[kIsolated]; z; z = z->next) // none unless a plan is running
            freeObjects -= perZspage - z->inuse;
        std::size_t count = freeObjects / perZspage;
        if (count == 0)
            return; // most classes of a packed pool: no zspage header is touched
        // The k sparsest lie in the lowest groups that together hold k zspages: walk only those
        // (every header read is a cache miss), then sort what they hold.
        std::vector<Zspage*> partial;
        for (int g = kUsedBelow25; g <= kUsedBelow100 && partial.size() < count; ++g)
            for (Zspage* z = lists[std::size_t(g)]; z; z = z->next)
                partial.push_back(z);
        count = std::min(count, partial.size());
        std::partial_sort(partial.begin(), partial.begin() + std::ptrdiff_t(count), partial.end(),
                          [](const Zspage* a, const Zspage* b) { return a->inuse < b->inuse; });
        for (std::size_t i = 0; i < count; ++i) {
            Zspage* z = partial[i];
            unlink(z);
            link(z, kIsolated);
            plan.zspages.push_back(CompressedPool::CompactionPlan::key(index, z->id));
            plan.objects += z->inuse;
        }
    }
    /// Returns the isolated zspages to their fullness groups; returns how many. REQUIRES(mutex).
    std::uint64_t unisolateAll() {
        std::uint64_t n = 0;
        while (Zspage* z = lists[kIsolated]) {
            unlink(z);
            link(z, fullnessOf(z->inuse, geometry.objectsPerZspage));
            ++n;
        }
        return n;
    }
};

struct CompressedPool::Impl {
    explicit Impl(const PoolOptions& o);
    ~Impl();

    /// Refusal check of the limit hysteresis; clears `full` once usage is below the threshold.
    bool admit();
    /// Reserves bytes of pool memory for a new zspage; false if the limit would be exceeded.
    bool reserve(std::uint64_t bytes);
    /// Gives back a freed zspage's bytes and ends the hysteresis below the threshold.
    void release(std::uint64_t bytes);
    bool belowAcceptThreshold() const;

    /// Copies `length` bytes of `data` into a new object of class `classIndex`.
    Result<PoolHandle> put(Codec codec, const std::byte* data, std::uint32_t length, std::uint32_t classIndex);
    /// put() when the class has no free slot: allocates a zspage and takes its first object.
    Status putIntoNewZspage(SizeClass& c, Codec codec, std::uint32_t length, Zspage*& zspage, std::uint32_t& object);
    Result<PoolHandle> refuse(Errc code);
    const std::byte* object(PoolHandle handle) const;

    const SizeClassTable geometry;
    std::unique_ptr<SizeClass[]> classes;

    mutable std::mutex optionsMutex;
    PoolOptions options;                  // GUARDED_BY(optionsMutex): what options() reports

    // Hot copies of the options, read without a lock by store().
    std::atomic<bool> enabled;
    std::atomic<Codec> codec;
    std::atomic<int> zstdLevel;
    std::atomic<std::uint64_t> limitBytes;
    std::atomic<unsigned> acceptPercent;

    alignas(64) std::atomic<std::uint64_t> poolBytes{0}; // zspage pages * kPageSize, incl. reservations
    std::atomic<bool> full{false};                       // limit hit, refusing until below threshold
    std::atomic<std::uint64_t> limitHits{0};             // new zspage refused by the limit
    std::atomic<std::uint64_t> rejects{0};               // stores refused: limit or hysteresis
};

CompressedPool::Impl::Impl(const PoolOptions& o)
    : geometry(o.maxPagesPerZspage), classes(new SizeClass[geometry.count()]), options(sanitized(o)),
      enabled(options.enabled), codec(options.codec), zstdLevel(options.zstdLevel), limitBytes(options.limitBytes),
      acceptPercent(options.acceptThresholdPercent) {
    for (std::uint32_t i = 0; i < geometry.count(); ++i) {
        classes[i].geometry = geometry[i];
        classes[i].index = i;
    }
}

CompressedPool::Impl::~Impl() {
    for (std::uint32_t i = 0; i < geometry.count(); ++i)
        classes[i].table.forEach([](Zspage* z) { Zspage::destroy(z); });
}

// ---------------------------------------------------------------------------------------------
// Limit
// ---------------------------------------------------------------------------------------------

bool CompressedPool::Impl::belowAcceptThreshold() const {
    const std::uint64_t limit = limitBytes.load(std::memory_order_relaxed);
    return limit == 0
        || poolBytes.load(std::memory_order_relaxed) < acceptBytes(limit, acceptPercent.load(std::memory_order_relaxed));
}

bool CompressedPool::Impl::admit() {
    if (!full.load(std::memory_order_relaxed))
        return true;
    if (!belowAcceptThreshold())
        return false;
    full.store(false, std::memory_order_relaxed);
    return true;
}

bool CompressedPool::Impl::reserve(std::uint64_t bytes) {
    const std::uint64_t limit = limitBytes.load(std::memory_order_relaxed);
    std::uint64_t current = poolBytes.load(std::memory_order_relaxed);
    do {
        if (limit != 0 && current + bytes > limit)
            return false;
    } while (!poolBytes.compare_exchange_weak(current, current + bytes, std::memory_order_relaxed));
    return true;
}

void CompressedPool::Impl::release(std::uint64_t bytes) {
    poolBytes.fetch_sub(bytes, std::memory_order_relaxed);
    if (full.load(std::memory_order_relaxed) && belowAcceptThreshold())
        full.store(false, std::memory_order_relaxed);
}

Result<PoolHandle> CompressedPool::Impl::refuse(Errc code) {
    rejects.fetch_add(1, std::memory_order_relaxed);
    return Error::of(code);
}

// ---------------------------------------------------------------------------------------------
// Allocation
// ---------------------------------------------------------------------------------------------

namespace {

/// Copies an object's bytes into pool memory with non-temporal stores. An object is read again
/// only at swap-in, usually much later, so writing around the caches saves the read-for-
/// ownership of every line it covers (the lines of a freed object are cold) and leaves the
/// caches to the working set. `dst` is 16-byte aligned and its slot holds `length` rounded up
/// to 16 (object sizes are multiples of 16); the bytes past `length` in that slot are padding.
void copyToObject(std::byte* dst, const std::byte* src, std::size_t length) {
#if defined(__x86_64__)
    std::size_t i = 0;
    for (; i + 16 <= length; i += 16)
        _mm_stream_si128(reinterpret_cast<__m128i*>(dst + i),
                         _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + i)));
    if (i < length) {
        alignas(16) std::byte tail[16] = {};
        std::memcpy(tail, src + i, length - i);
        _mm_stream_si128(reinterpret_cast<__m128i*>(dst + i), _mm_load_si128(reinterpret_cast<const __m128i*>(tail)));
    }
    _mm_sfence(); // order the streamed bytes before the handle is published
#else
    std::memcpy(dst, src, length);
#endif
}

} // namespace

Result<PoolHandle> CompressedPool::Impl::put(Codec objectCodec, const std::byte* data, std::uint32_t length,
                                             std::uint32_t classIndex) {
    SizeClass& c = classes[classIndex];
    const std::uint32_t size = c.geometry.objectSize;
    Zspage* zspage = nullptr;
    std::uint32_t index = 0;
    {
        std::lock_guard lock(c.mutex);
        zspage = c.fullestNonFull();
        if (zspage) {
            index = zspage->take(size);
            c.regroup(zspage);
            c.account(objectCodec, length);
        }
    }
    if (!zspage) {
        Status made = putIntoNewZspage(c, objectCodec, length, zspage, index);
        if (!made)
            return made.error();
    }
    // The slot is ours: no lock needed to fill it. zspage->id never changes while it lives.
    copyToObject(zspage->objects() + std::size_t(index) * size, data, length);
    return PoolHandle::make(objectCodec, classIndex, zspage->id, index, length);
}

Status CompressedPool::Impl::putIntoNewZspage(SizeClass& c, Codec objectCodec, std::uint32_t length, Zspage*& zspage,
                                              std::uint32_t& index) {
    const std::uint64_t bytes = std::uint64_t(c.geometry.pagesPerZspage) * kPageSize;
    if (!reserve(bytes)) {
        full.store(true, std::memory_order_relaxed);
        limitHits.fetch_add(1, std::memory_order_relaxed);
        rejects.fetch_add(1, std::memory_order_relaxed);
        return Error::of(Errc::PoolLimit);
    }
    // Allocated without the lock. Another thread may add a zspage to the class meanwhile; both
    // then fill up through the fullness lists.
    Zspage* z = Zspage::create(c.index, c.geometry.pagesPerZspage);
    if (!z) {
        release(bytes);
        return Error::of(Errc::PoolLimit).os(ENOMEM);
    }
    {
        std::lock_guard lock(c.mutex);
        if (c.table.insert(z)) {
            index = z->take(c.geometry.objectSize);
            c.link(z, fullnessOf(z->inuse, c.geometry.objectsPerZspage));
            ++c.zspages;
            c.account(objectCodec, length);
            zspage = z;
        }
    }
    if (!zspage) { // out of zspage ids or table memory
        Zspage::destroy(z);
        release(bytes);
        return Error::of(Errc::PoolLimit).os(ENOMEM);
    }
    return {};
}

const std::byte* CompressedPool::Impl::object(PoolHandle handle) const {
    const std::uint32_t classIndex = handle.sizeClass();
    if (classIndex >= geometry.count())
        return nullptr;
    const SizeClass& c = classes[classIndex];
    const Zspage* z = c.table.find(handle.zspage());
    const std::uint32_t length = handle.length();
    if (!z || handle.object() >= c.geometry.objectsPerZspage || length == 0 || length > c.geometry.objectSize)
        return nullptr;
    return z->objects() + std::size_t(handle.object()) * c.geometry.objectSize;
}

// ---------------------------------------------------------------------------------------------
// CompressedPool
// ---------------------------------------------------------------------------------------------

CompressedPool::CompressedPool(const PoolOptions& options) : m_impl(std::make_unique<Impl>(options)) {}

CompressedPool::~CompressedPool() = default;

Result<PoolHandle> CompressedPool::store(const std::byte* page) {
    Impl& d = *m_impl;
    if (!d.enabled.load(std::memory_order_relaxed))
        return Error::of(Errc::InvalidArgument);
    if (!d.admit())
        return d.refuse(Errc::PoolLimit);
    const Codec objectCodec = d.codec.load(std::memory_order_relaxed);
    // lz4 stops as soon as its output passes its capacity, so an incompressible page is given
    // up early when the capacity is the huge watermark (anything longer is stored raw anyway).
    // zstd and lzo cannot stop early (the codec would compress into a bounded scratch and
    // copy): they get the whole buffer.
    const std::size_t capacity = objectCodec == Codec::Lz4 ? d.geometry.hugeWatermark() : kScratchBytes;
    const std::size_t length =
        codec::compressPage(objectCodec, d.zstdLevel.load(std::memory_order_relaxed), page, t_scratch, capacity);
    if (length == 0 || length > d.geometry.hugeWatermark())
        return d.put(Codec::Raw, page, std::uint32_t(kPageSize), d.geometry.hugeClass());
    return d.put(objectCodec, t_scratch, std::uint32_t(length), d.geometry.classFor(std::uint32_t(length)));
}

Result<PoolHandle> CompressedPool::storeCompressed(Codec objectCodec, const std::byte* data, std::size_t length) {
    Impl& d = *m_impl;
    if (!d.enabled.load(std::memory_order_relaxed) || !validCodec(objectCodec) || length == 0 || length > kPageSize
        || (objectCodec == Codec::Raw && length != kPageSize))
        return Error::of(Errc::InvalidArgument);
    if (!d.admit())
        return d.refuse(Errc::PoolLimit);
    const auto n = std::uint32_t(length);
    const std::uint32_t classIndex = n > d.geometry.hugeWatermark() ? d.geometry.hugeClass() : d.geometry.classFor(n);
    return d.put(objectCodec, data, n, classIndex);
}

Status CompressedPool::load(PoolHandle handle, std::byte* page) const {
    const std::byte* data = m_impl->object(handle);
    if (!data)
        return Error::of(Errc::InvalidArgument);
    return codec::decompressPage(handle.codec(), data, handle.length(), page);
}

const std::byte* CompressedPool::objectData(PoolHandle handle) const {
    return m_impl->object(handle);
}

// ---------------------------------------------------------------------------------------------
// Compaction
// ---------------------------------------------------------------------------------------------

bool CompressedPool::CompactionPlan::contains(PoolHandle handle) const {
    return std::binary_search(zspages.begin(), zspages.end(), key(handle.sizeClass(), handle.zspage()));
}

CompressedPool::CompactionPlan CompressedPool::compactionPlan() {
    Impl& d = *m_impl;
    CompactionPlan plan;
    for (std::uint32_t i = 0; i < d.geometry.count(); ++i) {
        SizeClass& c = d.classes[i];
        std::lock_guard lock(c.mutex);
        c.isolateSparsest(plan);
    }
    std::sort(plan.zspages.begin(), plan.zspages.end());
    return plan;
}

Result<std::optional<PoolHandle>> CompressedPool::migrate(PoolHandle from) {
    Impl& d = *m_impl;
    const std::uint32_t classIndex = from.sizeClass();
    if (classIndex >= d.geometry.count())
        return Error::of(Errc::InvalidArgument);
    SizeClass& c = d.classes[classIndex];
    const std::uint32_t size = c.geometry.objectSize;
    const Zspage* source = nullptr;
    Zspage* target = nullptr;
    std::uint32_t index = 0;
    {
        std::lock_guard lock(c.mutex);
        source = c.table.find(from.zspage());
        if (!source || source->group != kIsolated)
            return std::optional<PoolHandle>();
        target = c.fullestNonFull();
        if (!target)
            return Error::of(Errc::BackendFull);
        index = target->take(size);
        c.regroup(target);
        c.account(from.codec(), from.length());
    }
    // Both objects are ours: the source cannot be freed (caller), the target was just taken.
    copyToObject(target->objects() + std::size_t(index) * size, source->objects() + std::size_t(from.object()) * size,
                 from.length());
    return std::optional<PoolHandle>(PoolHandle::make(from.codec(), classIndex, target->id, index, from.length()));
}

std::uint64_t CompressedPool::endCompaction() {
    Impl& d = *m_impl;
    std::uint64_t n = 0;
    for (std::uint32_t i = 0; i < d.geometry.count(); ++i) {
        SizeClass& c = d.classes[i];
        std::lock_guard lock(c.mutex);
        n += c.unisolateAll();
    }
    return n;
}

void CompressedPool::free(PoolHandle handle) {
    Impl& d = *m_impl;
    const std::uint32_t classIndex = handle.sizeClass();
    if (classIndex >= d.geometry.count()) {
        assert(!"CompressedPool::free: bad handle");
        return;
    }
    SizeClass& c = d.classes[classIndex];
    Zspage* dead = nullptr;
    {
        std::lock_guard lock(c.mutex);
        Zspage* z = c.table.find(handle.zspage());
        if (!z || handle.object() >= c.geometry.objectsPerZspage || z->inuse == 0) {
            assert(!"CompressedPool::free: handle names no live object");
            return;
        }
        z->give(handle.object(), c.geometry.objectSize);
        --c.objects;
        c.storedBytes -= handle.length();
        c.rawObjects -= handle.codec() == Codec::Raw;
        if (z->inuse == 0) {
            c.unlink(z);
            c.table.remove(z);
            --c.zspages;
            dead = z;
        } else {
            c.regroup(z);
        }
    }
    if (dead) {
        Zspage::destroy(dead);
        d.release(std::uint64_t(c.geometry.pagesPerZspage) * kPageSize);
    }
}

Status CompressedPool::setOptions(const PoolOptions& requested) {
    Impl& d = *m_impl;
    if (!validCodec(requested.codec) || requested.zstdLevel < codec::zstdMinLevel()
        || requested.zstdLevel > codec::zstdMaxLevel() || requested.acceptThresholdPercent < 1
        || requested.acceptThresholdPercent > 100)
        return Error::of(Errc::InvalidArgument);
    std::lock_guard lock(d.optionsMutex);
    const unsigned chain = d.options.maxPagesPerZspage; // fixed at creation
    d.options = requested;
    d.options.maxPagesPerZspage = chain;
    d.enabled.store(requested.enabled, std::memory_order_relaxed);
    d.codec.store(requested.codec, std::memory_order_relaxed);
    d.zstdLevel.store(requested.zstdLevel, std::memory_order_relaxed);
    d.acceptPercent.store(requested.acceptThresholdPercent, std::memory_order_relaxed);
    d.limitBytes.store(requested.limitBytes, std::memory_order_relaxed);
    // A limit lowered below current usage makes the pool full at once (zswap: cur >= max);
    // a raised or removed one may end the hysteresis.
    if (requested.limitBytes != 0 && d.poolBytes.load(std::memory_order_relaxed) > requested.limitBytes)
        d.full.store(true, std::memory_order_relaxed);
    else if (d.belowAcceptThreshold())
        d.full.store(false, std::memory_order_relaxed);
    return {};
}

PoolOptions CompressedPool::options() const {
    std::lock_guard lock(m_impl->optionsMutex);
    return m_impl->options;
}

bool CompressedPool::refusing() const {
    return m_impl->full.load(std::memory_order_relaxed) && !m_impl->belowAcceptThreshold();
}

PoolStats CompressedPool::stats() const {
    const Impl& d = *m_impl;
    PoolStats s;
    {
        std::lock_guard lock(d.optionsMutex);
        s.codec = d.options.codec;
        s.zstdLevel = d.options.zstdLevel;
        s.limitBytes = d.options.limitBytes;
        s.acceptThresholdPercent = d.options.acceptThresholdPercent;
    }
    s.full = refusing();
    s.limitHits = d.limitHits.load(std::memory_order_relaxed);
    s.rejects = d.rejects.load(std::memory_order_relaxed);
    s.metadataBytes = sizeof(Impl) + std::uint64_t(d.geometry.count()) * sizeof(SizeClass);
    for (std::uint32_t i = 0; i < d.geometry.count(); ++i) {
        SizeClass& c = d.classes[i];
        std::lock_guard lock(c.mutex);
        s.objects += c.objects;
        s.rawObjects += c.rawObjects;
        s.storedBytes += c.storedBytes;
        s.zspages += c.zspages;
        s.poolBytes += c.zspages * c.geometry.pagesPerZspage * kPageSize;
        s.metadataBytes += c.zspages * kZspageHeaderBytes + c.table.bytes();
        if (c.zspages != 0)
            s.classes.push_back({c.geometry.objectSize, c.geometry.pagesPerZspage, c.geometry.objectsPerZspage,
                                 c.zspages, c.objects});
    }
    s.originalBytes = s.objects * kPageSize;
    return s;
}

} // namespace swaptier::pool
