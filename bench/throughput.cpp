// SPDX-License-Identifier: GPL-3.0-or-later
// bench_throughput: engine swap-out and swap-in throughput per page class and codec, measured
// side by side with the raw codec (codec::compressPage / decompressPage) on the same pages,
// in the same thread (so with the same per-thread codec contexts), in the same iteration.
//
// Targets (issue #2): engine swap-out >= 90% of raw compression, engine swap-in >= 85% of raw
// decompression. The counter `engine_vs_raw` is that fraction (raw time / engine time).
//
// One benchmark = one (direction, page class, codec). Every iteration runs three passes over
// the same batch of kBatchPages pages, in an order that rotates from one iteration to the next,
// each timed with the thread's CPU clock. The manual time of an iteration is the engine pass,
// so bytes_per_second is the engine's throughput. Repetitions are randomly interleaved with
// the other benchmarks; the summary takes the median of each counter.
//
//   swapout/<class>/<codec>
//     raw     compressPage into a per-thread 4480-byte buffer (the pool's own scratch size)
//     pool    CompressedPool::store on a bare pool (no engine): codec + size-class allocator
//     engine  Engine::swapOut(Placement::PoolOnly) into an unlimited pool
//   Each batch's slots and handles are released (untimed) after the next batch is stored:
//   memory stays bounded at two batches and the pool reuses freed memory, as in a steady state.
//   engine_vs_pool isolates the engine's own bookkeeping (slot, descriptor, statistics).
//
//   swapin/<class>/<codec>
//     raw     decompressPage of the same compressed objects where a bare pool holds them
//             (CompressedPool::objectData): the raw codec reading the pool's memory layout
//     packed  decompressPage from one contiguous buffer of the batch's compressed pages (the
//             layout codec benchmarks use; objects of one page class are spread over many size
//             classes in the pool, so this is friendlier to the hardware prefetcher)
//     engine  Engine::swapIn of the stored slots in store order
//   All three follow the pool's rule (incompressible or above the huge watermark: kept raw,
//   so a load is a copy) and write into the same output page.
//
// Zero pages never reach a codec in the engine (descriptor only); their raw figures are what a
// design without zero detection would pay. Heap pages come from a live python3 process; if the
// capture is not possible here the heap class is left out and the JSON context says why.
#include "benchsupport.h"

#include "codec/codec.h"
#include "pool/compressedpool.h"
#include "pool/sizeclass.h"

#include <array>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace swaptier;
using namespace swaptier::bench;

namespace {

/// Same capacity as the pool's per-thread compression buffer: compressPage takes the same path.
constexpr std::size_t kScratchBytes = 4480;
const CgroupId kCgroup{1};

PoolOptions poolOptions(const CodecSpec& spec) {
    PoolOptions o;
    o.codec = spec.codec;
    if (spec.codec == Codec::Zstd)
        o.zstdLevel = spec.level;
    o.limitBytes = 0;
    return o;
}

std::uint32_t hugeWatermark() {
    static const std::uint32_t w = pool::SizeClassTable(PoolOptions{}.maxPagesPerZspage).hugeWatermark();
    return w;
}

/// What the pool keeps for a compressed length (0 = incompressible): kPageSize above the watermark.
std::uint64_t keptBytes(std::size_t length) {
    return length == 0 || length > hugeWatermark() ? kPageSize : length;
}

/// Three timed passes per iteration, in rotating order; seconds summed per pass.
struct Passes {
    static constexpr std::size_t kCount = 3;
    std::array<double, kCount> seconds{};
    std::uint64_t iterations = 0;

    /// Runs the passes (each returns false on failure) and returns the time of pass `timed`.
    double run(const std::array<std::function<bool()>, kCount>& passes, std::size_t timed) {
        double result = 0;
        for (std::size_t k = 0; k < kCount; ++k) {
            const std::size_t p = (k + iterations) % kCount;
            const double t0 = threadCpuSeconds();
            if (!passes[p]())
                return -1;
            const double dt = threadCpuSeconds() - t0;
            seconds[p] += dt;
            if (p == timed)
                result = dt;
        }
        ++iterations;
        return result;
    }
};

void mbps(benchmark::State& state, const char* name, double bytes, double seconds) {
    state.counters[name] = bytes / seconds / 1e6;
}

// ---------------------------------------------------------------------------------------------
// swap-out
// ---------------------------------------------------------------------------------------------

void benchSwapOut(benchmark::State& state, const PageSet& pages, const CodecSpec& spec) {
    enum { kRaw, kPool, kEngine };
    const auto engine = makeEngine(spec);
    pool::CompressedPool bare(poolOptions(spec));
    const std::size_t n = pages.size();
    // Batch k is released after batch k+1 is stored (see the file comment).
    std::vector<SlotId> slots[2];
    std::vector<pool::PoolHandle> handles[2];
    alignas(64) static thread_local std::byte dst[kScratchBytes];
    StoreOptions store;
    store.placement = Placement::PoolOnly;
    std::string failure;
    std::uint64_t kept = 0;
    std::size_t current = 0;

    const std::array<std::function<bool()>, Passes::kCount> passes = {
        [&] {
            std::uint64_t sum = 0;
            for (std::size_t i = 0; i < n; ++i)
                sum += keptBytes(codec::compressPage(spec.codec, spec.level, pages.data(i), dst, kScratchBytes));
            benchmark::DoNotOptimize(sum);
            kept += sum;
            return true;
        },
        [&] {
            auto& into = handles[current];
            for (std::size_t i = 0; i < n; ++i) {
                auto h = bare.store(pages.data(i));
                if (!h) {
                    failure = "CompressedPool::store: " + describe(h.error());
                    return false;
                }
                into.push_back(*h);
            }
            return true;
        },
        [&] {
            auto& into = slots[current];
            for (std::size_t i = 0; i < n; ++i) {
                auto slot = engine->swapOut(pages.page(i), kCgroup, store);
                if (!slot) {
                    failure = "swapOut: " + describe(slot.error());
                    return false;
                }
                into.push_back(*slot);
            }
            return true;
        },
    };
    auto release = [&](std::size_t batch) {
        for (SlotId s : slots[batch])
            if (Status st = engine->put(s); !st && failure.empty())
                failure = "put: " + describe(st.error());
        for (pool::PoolHandle h : handles[batch])
            bare.free(h);
        slots[batch].clear();
        handles[batch].clear();
    };
    for (auto& v : slots)
        v.reserve(n);
    for (auto& v : handles)
        v.reserve(n);

    // Warm-up: codec contexts, thread slot, statistics shard, clusters; leaves one batch stored.
    Passes warm;
    warm.run(passes, kEngine);
    current = 1;

    Passes t;
    for (auto _ : state) {
        const double engineSeconds = t.run(passes, kEngine);
        if (engineSeconds < 0)
            break;
        state.SetIterationTime(engineSeconds);
        current ^= 1;
        release(current); // the batch before the one just stored
    }
    release(0);
    release(1);
    if (!failure.empty()) {
        state.SkipWithError(failure.c_str());
        return;
    }
    const double bytes = double(t.iterations) * double(n) * double(kPageSize);
    state.SetBytesProcessed(std::int64_t(bytes));
    mbps(state, "engine_MBps", bytes, t.seconds[kEngine]);
    mbps(state, "pool_MBps", bytes, t.seconds[kPool]);
    mbps(state, "raw_MBps", bytes, t.seconds[kRaw]);
    state.counters["engine_vs_raw"] = t.seconds[kRaw] / t.seconds[kEngine];
    state.counters["pool_vs_raw"] = t.seconds[kRaw] / t.seconds[kPool];
    state.counters["engine_vs_pool"] = t.seconds[kPool] / t.seconds[kEngine];
    const double pagesDone = double(t.iterations) * double(n);
    state.counters["overhead_ns_per_page"] = (t.seconds[kEngine] - t.seconds[kRaw]) / pagesDone * 1e9;
    state.counters["engine_over_pool_ns_per_page"] = (t.seconds[kEngine] - t.seconds[kPool]) / pagesDone * 1e9;
    state.counters["comp_ratio"] = (double(t.iterations) + 1) * double(n) * double(kPageSize) / double(kept);
}

// ---------------------------------------------------------------------------------------------
// swap-in
// ---------------------------------------------------------------------------------------------

/// One compressed object: where it is, how long, with which codec.
struct Object {
    const std::byte* data;
    std::uint32_t length;
    Codec codec;
};

void benchSwapIn(benchmark::State& state, const PageSet& pages, const CodecSpec& spec) {
    enum { kRaw, kPacked, kEngine };
    const auto engine = makeEngine(spec);
    pool::CompressedPool bare(poolOptions(spec));
    const std::size_t n = pages.size();
    std::vector<SlotId> slots;
    std::vector<pool::PoolHandle> handles;
    std::vector<Object> inPool, packed;
    std::vector<std::byte> packedBytes(n * kPageSize);
    std::string failure;
    StoreOptions store;
    store.placement = Placement::PoolOnly;

    // The engine, then the bare pool, take the whole batch in the same order: each gets its
    // objects allocated one after the other, as a pool filling up does.
    for (std::size_t i = 0; i < n && failure.empty(); ++i) {
        auto slot = engine->swapOut(pages.page(i), kCgroup, store);
        if (!slot)
            failure = "swapOut: " + describe(slot.error());
        else
            slots.push_back(*slot);
    }
    for (std::size_t i = 0; i < n && failure.empty(); ++i) {
        auto h = bare.store(pages.data(i));
        if (!h) {
            failure = "CompressedPool::store: " + describe(h.error());
            break;
        }
        handles.push_back(*h);
        inPool.push_back({bare.objectData(*h), h->length(), h->codec()});
    }
    std::size_t at = 0;
    alignas(64) std::byte tmp[kScratchBytes];
    for (std::size_t i = 0; i < n && failure.empty(); ++i) {
        const std::size_t len = codec::compressPage(spec.codec, spec.level, pages.data(i), tmp, kScratchBytes);
        const Object o{packedBytes.data() + at, std::uint32_t(keptBytes(len)),
                       len == 0 || len > hugeWatermark() ? Codec::Raw : spec.codec};
        std::memcpy(packedBytes.data() + at, o.codec == Codec::Raw ? pages.data(i) : tmp, o.length);
        at += (o.length + 15) & ~std::size_t{15}; // 16-byte steps, like the pool's size classes
        packed.push_back(o);
    }
    PageSet out(PageClass::Zero, 1);
    MutablePage outPage(out.data(0), kPageSize);

    auto decompressAll = [&](const std::vector<Object>& objects) {
        for (const Object& o : objects)
            if (Status st = codec::decompressPage(o.codec, o.data, o.length, out.data(0)); !st) {
                failure = "decompressPage: " + describe(st.error());
                return false;
            }
        return true;
    };
    const std::array<std::function<bool()>, Passes::kCount> passes = {
        [&] { return decompressAll(inPool); },
        [&] { return decompressAll(packed); },
        [&] {
            for (SlotId s : slots)
                if (auto r = engine->swapIn(s, outPage); !r) {
                    failure = "swapIn: " + describe(r.error());
                    return false;
                }
            return true;
        },
    };

    // Every side must give back the pages that went in (this also warms the contexts up).
    for (std::size_t i = 0; i < slots.size() && failure.empty(); ++i) {
        for (const Object* o : {&inPool[i], &packed[i]})
            if (!codec::decompressPage(o->codec, o->data, o->length, out.data(0))
                || std::memcmp(out.data(0), pages.data(i), kPageSize) != 0)
                failure = "raw round trip differs at page " + std::to_string(i);
        if (!engine->swapIn(slots[i], outPage) || std::memcmp(out.data(0), pages.data(i), kPageSize) != 0)
            failure = "engine round trip differs at page " + std::to_string(i);
    }

    Passes t;
    for (auto _ : state) {
        if (!failure.empty())
            break;
        const double engineSeconds = t.run(passes, kEngine);
        if (engineSeconds < 0)
            break;
        state.SetIterationTime(engineSeconds);
    }
    for (SlotId s : slots)
        if (Status st = engine->put(s); !st && failure.empty())
            failure = "put: " + describe(st.error());
    for (pool::PoolHandle h : handles)
        bare.free(h);
    if (!failure.empty()) {
        state.SkipWithError(failure.c_str());
        return;
    }
    std::uint64_t kept = 0;
    for (const Object& o : packed)
        kept += o.length;
    const double bytes = double(t.iterations) * double(n) * double(kPageSize);
    state.SetBytesProcessed(std::int64_t(bytes));
    mbps(state, "engine_MBps", bytes, t.seconds[kEngine]);
    mbps(state, "raw_MBps", bytes, t.seconds[kRaw]);
    mbps(state, "packed_MBps", bytes, t.seconds[kPacked]);
    state.counters["engine_vs_raw"] = t.seconds[kRaw] / t.seconds[kEngine];
    state.counters["engine_vs_packed"] = t.seconds[kPacked] / t.seconds[kEngine];
    state.counters["overhead_ns_per_page"] =
        (t.seconds[kEngine] - t.seconds[kRaw]) / (double(t.iterations) * double(n)) * 1e9;
    state.counters["comp_ratio"] = double(n) * double(kPageSize) / double(kept);
}

} // namespace

int main(int argc, char** argv) {
    corpus(true);
    static std::vector<std::unique_ptr<PageSet>> sets;
    for (PageClass c : kAllPageClasses) {
        auto set = std::make_unique<PageSet>(makePageSet(c, kBatchPages));
        if (set->size() == 0) {
            std::fprintf(stderr, "bench_throughput: no %s pages (%s): class left out\n", pageClassName(c),
                         c == PageClass::Heap ? heapNote().c_str() : "corpus empty");
            continue;
        }
        sets.push_back(std::move(set));
    }
    for (const auto& set : sets) {
        const PageSet& pages = *set;
        // Zero pages are ~50x faster for the engine than for the codecs, and the minimum time
        // counts engine time: a shorter minimum keeps their wall time in line with the others.
        // Every other benchmark takes --benchmark_min_time (default below).
        const bool zero = pages.pageClass() == PageClass::Zero;
        for (const CodecSpec& spec : kCodecs) {
            const std::string suffix = std::string(pageClassName(pages.pageClass())) + "/" + spec.name;
            auto* out = benchmark::RegisterBenchmark(
                ("swapout/" + suffix).c_str(), [&pages, spec](benchmark::State& s) { benchSwapOut(s, pages, spec); });
            auto* in = benchmark::RegisterBenchmark(
                ("swapin/" + suffix).c_str(), [&pages, spec](benchmark::State& s) { benchSwapIn(s, pages, spec); });
            for (auto* b : {out, in}) {
                b->UseManualTime()->Unit(benchmark::kMillisecond);
                if (zero)
                    b->MinTime(0.02);
            }
        }
    }
    return runMain(argc, argv,
                   {"--benchmark_repetitions=5", "--benchmark_enable_random_interleaving=true",
                    "--benchmark_display_aggregates_only=true", "--benchmark_min_time=0.1"});
}
