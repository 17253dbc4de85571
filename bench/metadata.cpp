// SPDX-License-Identifier: GPL-3.0-or-later
// bench_metadata: descriptor memory per entry at 10M entries, from the allocator's own
// statistics, next to the engine's accounting.
//
// Target (issue #2): <= 16 bytes per entry at 10M entries (the seeds: 48 B in RFC v2, 24 B in
// v3-v6, ~18 B in the swap-table edition).
//
// One thread swaps out 10M all-zero pages: each becomes a descriptor with no backend storage,
// so everything the heap gains is slot-table metadata (clusters, directory leaves). The figure
// is the growth of mallinfo2().uordblks + hblkhd (bytes in use in malloc chunks, headers and
// alignment waste included, plus mmapped chunks) divided by the entries. `held_B_per_entry`
// uses arena + hblkhd instead (what malloc took from the OS, free holes included).
// The slot-id vector and the engine are allocated before the first reading.
//
// Then three more states of the same table:
//   fragmented  every second entry put: clusters stay (each is half full), so the cost per
//               *live* entry doubles. That is the price of fixed 512-entry clusters; nothing
//               is compacted.
//   refilled    as many entries swapped out again: the half-empty clusters are reused first,
//               so the cost per live entry falls back.
//   emptied     everything put and trim(): what is left over (should be ~0).
#include "benchsupport.h"

#include "descriptor/cluster.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace swaptier;
using namespace swaptier::bench;

namespace {

struct HeapReading {
    std::int64_t inUse = 0; ///< uordblks + hblkhd
    std::int64_t held = 0;  ///< arena + hblkhd
    std::int64_t rss = 0;   ///< resident set size
};

HeapReading readHeap() {
    const struct mallinfo2 m = mallinfo2();
    HeapReading r;
    r.inUse = std::int64_t(m.uordblks + m.hblkhd);
    r.held = std::int64_t(m.arena + m.hblkhd);
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    if (statm >> size >> resident)
        r.rss = resident * ::sysconf(_SC_PAGESIZE);
    return r;
}

void benchMetadata(benchmark::State& state) {
    const auto entries = std::size_t(state.range(0));
    const auto engine = makeEngine(kCodecs[2]);
    // Both id vectors are allocated before the first reading: they are not engine metadata.
    std::vector<SlotId> slots;
    slots.reserve(entries);
    std::vector<SlotId> kept;
    kept.reserve(entries);
    slots.resize(entries); // touch the pages now, so the RSS figure does not count them
    kept.resize(entries);
    const PageSet zero(PageClass::Zero, 1);
    std::string failure;

    auto swapOutZero = [&](std::size_t count, std::vector<SlotId>& into) {
        for (std::size_t i = 0; i < count; ++i) {
            auto s = engine->swapOut(zero.page(0), CgroupId{1});
            if (!s) {
                failure = "swapOut: " + describe(s.error());
                return;
            }
            into.push_back(*s);
        }
    };
    auto put = [&](SlotId s) {
        if (Status st = engine->put(s); !st && failure.empty())
            failure = "put: " + describe(st.error());
    };

    // Warm-up: thread slot, statistics shard, epoch record (one-time, not per entry).
    {
        std::vector<SlotId> one;
        swapOutZero(1, one);
        for (SlotId s : one)
            put(s);
        engine->trim();
    }

    for (auto _ : state) {
        slots.clear();
        const HeapReading before = readHeap();
        const double t0 = wallSeconds();
        swapOutZero(entries, slots);
        const double elapsed = wallSeconds() - t0;
        state.SetIterationTime(elapsed);
        if (!failure.empty())
            break;
        const HeapReading full = readHeap();
        const EngineStats fullStats = engine->stats();

        // Fragmented: every second entry put.
        kept.clear();
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (i % 2)
                put(slots[i]);
            else
                kept.push_back(slots[i]);
        }
        const HeapReading frag = readHeap();
        const EngineStats fragStats = engine->stats();

        // Refilled: as many new entries as were put.
        const std::size_t refill = slots.size() - kept.size();
        swapOutZero(refill, kept);
        const HeapReading refilled = readHeap();
        const EngineStats refillStats = engine->stats();

        // Emptied.
        for (SlotId s : kept)
            put(s);
        engine->trim();
        const HeapReading empty = readHeap();
        if (!failure.empty())
            break;

        const double n = double(entries);
        const double live = double(fragStats.slotTable.liveEntries);
        state.counters["entries"] = n;
        state.counters["swapout_ns_per_entry"] = elapsed / n * 1e9;
        state.counters["malloc_B_per_entry"] = double(full.inUse - before.inUse) / n;
        state.counters["held_B_per_entry"] = double(full.held - before.held) / n;
        state.counters["rss_B_per_entry"] = double(full.rss - before.rss) / n;
        state.counters["engine_B_per_entry"] = fullStats.slotTable.bytesPerEntry();
        state.counters["clusters"] = double(fullStats.slotTable.clusters);
        state.counters["frag_live_entries"] = live;
        state.counters["frag_malloc_B_per_live_entry"] = double(frag.inUse - before.inUse) / live;
        state.counters["frag_engine_B_per_live_entry"] = fragStats.slotTable.bytesPerEntry();
        state.counters["refill_malloc_B_per_entry"] =
            double(refilled.inUse - before.inUse) / double(refillStats.slotTable.liveEntries);
        state.counters["refill_clusters"] = double(refillStats.slotTable.clusters);
        state.counters["emptied_leftover_B"] = double(empty.inUse - before.inUse);
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

} // namespace

BENCHMARK(benchMetadata)->Name("metadata/zero_entries")->Arg(10'000'000)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
    benchmark::AddCustomContext("descriptor_bytes",
                                std::to_string(sizeof(std::uint64_t) + sizeof(std::uint32_t) + sizeof(std::uint16_t)));
    benchmark::AddCustomContext("sizeof_cluster", std::to_string(sizeof(descriptor::Cluster)) + " bytes for "
                                                      + std::to_string(descriptor::kClusterSize) + " entries");
    return runMain(argc, argv, {"--benchmark_repetitions=1"});
}
