// SPDX-License-Identifier: GPL-3.0-or-later
// bench_scaling: aggregate swap-out throughput with 1 and 2 threads on one engine, next to the
// raw codec's own 1 -> 2 thread scaling on the same pages in the same run.
//
// Target (issue #2): engine 2T/1T >= 1.8. A VM's two vCPUs may not give the raw codec 2x
// either (shared cores, SMT siblings, memory bandwidth, neighbours), so the figure to judge
// the engine by is `engine_scaling_vs_raw` = (engine 2T/1T) / (raw 2T/1T): 1.0 means the
// engine adds no contention of its own.
//
// Two persistent worker threads, each with its own kBatchPages text pages (PageMix of the text
// class with a per-thread seed, so no two pages are identical). One iteration runs four timed
// phases, in alternating order, each from a start barrier until the last worker is done (wall
// clock): raw 1T, engine 1T, raw 2T, engine 2T. The 1T phases alternate between the two
// workers, so both page sets count alike. Raw = compressPage into the worker's buffer;
// engine = Engine::swapOut(Placement::PoolOnly) into a shared unlimited pool; the slots are
// put back (untimed) after every engine phase.
//
// The wall-clock ratios need two idle cores. The counters *_cpus_used say how many CPUs the
// workers really got in the 1T and 2T phases (CPU seconds / wall seconds); run-benchmarks.sh
// judges the target on the repetitions where the host gave them (>= 0.95 and >= 1.8) and says
// how many there were. *_cpu_efficiency_2T compare the CPU cost per page with two threads to
// one (1.0: running two at once makes no page more expensive).
#include "benchsupport.h"

#include "codec/codec.h"

#include <algorithm>
#include <barrier>
#include <functional>
#include <string>
#include <thread>
#include <vector>

using namespace swaptier;
using namespace swaptier::bench;

namespace {

constexpr unsigned kThreads = 2;
constexpr std::size_t kScratchBytes = 4480; // the pool's per-thread buffer size

/// Worker threads that run one job at a time, started and finished by barriers.
class Workers {
public:
    explicit Workers(unsigned count) : m_start(count + 1), m_done(count + 1) {
        for (unsigned i = 0; i < count; ++i)
            m_threads.emplace_back([this, i] { loop(i); });
    }
    ~Workers() {
        m_stop = true;
        m_start.arrive_and_wait();
        for (auto& t : m_threads)
            t.join();
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    /// Runs job(i) on workers first .. first+count-1 (mod size); returns wall seconds from the
    /// start barrier to the last worker's finish.
    double run(unsigned first, unsigned count, const std::function<void(unsigned)>& job) {
        m_job = &job;
        m_first = first;
        m_count = count;
        const double t0 = wallSeconds();
        m_start.arrive_and_wait();
        m_done.arrive_and_wait();
        return wallSeconds() - t0;
    }

private:
    void loop(unsigned i) {
        for (;;) {
            m_start.arrive_and_wait(); // the barrier orders m_job/m_first/m_count/m_stop
            if (m_stop)
                return;
            const unsigned n = unsigned(m_threads.size());
            if ((i + n - m_first) % n < m_count)
                (*m_job)(i);
            m_done.arrive_and_wait();
        }
    }

    std::barrier<> m_start;
    std::barrier<> m_done;
    std::vector<std::thread> m_threads;
    const std::function<void(unsigned)>* m_job = nullptr;
    unsigned m_first = 0;
    unsigned m_count = 0;
    bool m_stop = false;
};

const std::vector<PageSet>& threadPages() {
    static const std::vector<PageSet> sets = [] {
        std::vector<PageSet> v;
        for (unsigned i = 0; i < kThreads; ++i)
            v.push_back(makeMixedPageSet(PageClass::Text, kBatchPages, 100 + i));
        return v;
    }();
    return sets;
}

void benchScaling(benchmark::State& state, const CodecSpec& spec) {
    const auto& pages = threadPages();
    const auto engine = makeEngine(spec);
    std::vector<std::vector<SlotId>> slots(kThreads, std::vector<SlotId>(kBatchPages));
    std::vector<std::string> failures(kThreads);
    StoreOptions store;
    store.placement = Placement::PoolOnly;

    // CPU seconds of the last job of each worker (each writes its own; read after the barrier).
    std::vector<double> cpu(kThreads);
    const std::function<void(unsigned)> rawJob = [&](unsigned w) {
        alignas(64) static thread_local std::byte dst[kScratchBytes];
        const double t0 = threadCpuSeconds();
        std::size_t sum = 0;
        for (std::size_t i = 0; i < pages[w].size(); ++i)
            sum += codec::compressPage(spec.codec, spec.level, pages[w].data(i), dst, kScratchBytes);
        benchmark::DoNotOptimize(sum);
        cpu[w] = threadCpuSeconds() - t0;
    };
    const std::function<void(unsigned)> engineJob = [&](unsigned w) {
        const double t0 = threadCpuSeconds();
        for (std::size_t i = 0; i < pages[w].size(); ++i) {
            auto s = engine->swapOut(pages[w].page(i), CgroupId{std::uint16_t(1 + w)}, store);
            if (!s) {
                failures[w] = "swapOut: " + describe(s.error());
                return;
            }
            slots[w][i] = *s;
        }
        cpu[w] = threadCpuSeconds() - t0;
    };
    const std::function<void(unsigned)> putJob = [&](unsigned w) {
        for (SlotId s : slots[w])
            if (Status st = engine->put(s); !st && failures[w].empty())
                failures[w] = "put: " + describe(st.error());
    };

    Workers workers(kThreads);
    // Warm-up: contexts, thread slots, shards, clusters of both workers.
    workers.run(0, kThreads, rawJob);
    workers.run(0, kThreads, engineJob);
    workers.run(0, kThreads, putJob);

    double raw1 = 0, raw2 = 0, eng1 = 0, eng2 = 0;             // wall seconds
    double rawCpu1 = 0, rawCpu2 = 0, engCpu1 = 0, engCpu2 = 0; // CPU seconds, all workers
    std::uint64_t iterations = 0;
    auto run = [&](unsigned first, unsigned count, const std::function<void(unsigned)>& job, double& wall,
                   double& cpuTotal) {
        std::fill(cpu.begin(), cpu.end(), 0.0);
        wall += workers.run(first, count, job);
        for (double c : cpu)
            cpuTotal += c;
    };
    auto phase1 = [&](unsigned first) {
        run(first, 1, rawJob, raw1, rawCpu1);
        run(first, 1, engineJob, eng1, engCpu1);
        workers.run(first, 1, putJob);
    };
    auto phase2 = [&] {
        run(0, kThreads, rawJob, raw2, rawCpu2);
        run(0, kThreads, engineJob, eng2, engCpu2);
        workers.run(0, kThreads, putJob);
    };
    for (auto _ : state) {
        const double before = raw1 + raw2 + eng1 + eng2;
        const unsigned first = unsigned(iterations / 2 % kThreads); // both workers, both orders
        if (iterations % 2 == 0) {
            phase1(first);
            phase2();
        } else {
            phase2();
            phase1(first);
        }
        state.SetIterationTime(raw1 + raw2 + eng1 + eng2 - before);
        ++iterations;
        bool failed = false;
        for (const auto& f : failures)
            failed = failed || !f.empty();
        if (failed)
            break;
    }
    for (const auto& f : failures)
        if (!f.empty()) {
            state.SkipWithError(f.c_str());
            return;
        }
    const double batch = double(kBatchPages) * double(kPageSize) * double(iterations);
    const double r1 = batch / raw1 / 1e6, r2 = kThreads * batch / raw2 / 1e6;
    const double e1 = batch / eng1 / 1e6, e2 = kThreads * batch / eng2 / 1e6;
    state.counters["raw_1T_MBps"] = r1;
    state.counters["raw_2T_MBps"] = r2;
    state.counters["engine_1T_MBps"] = e1;
    state.counters["engine_2T_MBps"] = e2;
    state.counters["raw_2T_over_1T"] = r2 / r1;
    state.counters["engine_2T_over_1T"] = e2 / e1;
    state.counters["engine_scaling_vs_raw"] = (e2 / e1) / (r2 / r1);
    state.counters["engine_vs_raw_1T"] = e1 / r1;
    state.counters["engine_vs_raw_2T"] = e2 / r2;
    // CPU cost per page with two threads relative to one (1.0 = running two at once makes no
    // page more expensive). Robust to a busy host, but blind to time spent blocked, which the
    // wall-clock ratios above include.
    state.counters["raw_cpu_efficiency_2T"] = double(kThreads) * rawCpu1 / rawCpu2;
    state.counters["engine_cpu_efficiency_2T"] = double(kThreads) * engCpu1 / engCpu2;
    // Share of the 2T phase's wall time the two workers were really on a CPU (2.0 = both all
    // the time): below ~1.9 the host did not give this process two cores.
    state.counters["raw_2T_cpus_used"] = rawCpu2 / raw2;
    state.counters["engine_2T_cpus_used"] = engCpu2 / eng2;
    state.counters["raw_1T_cpus_used"] = rawCpu1 / raw1;
    state.counters["engine_1T_cpus_used"] = engCpu1 / eng1;
}

} // namespace

int main(int argc, char** argv) {
    corpus(false);
    threadPages();
    for (const CodecSpec& spec : kCodecs) {
        if (std::string(spec.name) != "lz4" && std::string(spec.name) != "zstd1")
            continue;
        benchmark::RegisterBenchmark((std::string("scaling/text/") + spec.name).c_str(),
                                     [spec](benchmark::State& s) { benchScaling(s, spec); })
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    }
    return runMain(argc, argv,
                   {"--benchmark_repetitions=10", "--benchmark_enable_random_interleaving=true",
                    "--benchmark_display_aggregates_only=true", "--benchmark_min_time=0.5"});
}
