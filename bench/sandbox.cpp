// SPDX-License-Identifier: GPL-3.0-or-later
// bench_sandbox: what the sandbox (swaptier/sandbox.h) costs and what it shows, each figure next
// to its limit measured in the same run. Only the engine API and its internals: no Qt.
//
//   sandbox/access/<T>T       Uniform workload, T = 1 or 2 threads, 64 MiB per thread, no memory
//                             limit (nothing swaps), sampleIntervalMs 0. Each iteration runs it
//                             with 1M and with 10M accesses per thread, alternating which goes
//                             first. The 10M run gives the access rate (first-touch faults
//                             included); the difference of the two runs is a pure hit phase (a
//                             uniform stream touches all 16,384 pages within ~0.2M accesses;
//                             hit_phase_pure checks the first-touch counts are equal). Rates per
//                             thread (wall clock) and per CPU-second, i.e. per core.
//                             Target (issue #3): >= 1M page accesses per second per core.
//   sandbox/swapbound/<codec> usemem: one thread writes 64 MiB sequentially in a cgroup with
//                             memory.max = 4 MiB, pool only (no device, pool unlimited). A
//                             one-pass run gives swap-outs only; a two-pass run adds a second
//                             pass in which every access is a swap-in fault that evicts a page
//                             (sequential over an LRU), measured as the difference of the runs.
//                             Next to them, in the same iteration, the raw codec
//                             (codec::compressPage / decompressPage, called as the pool calls
//                             them) on 2,048 pages from the sandbox's own page generator with the
//                             same corpus, mix and seed. The mix has no zero class, so every
//                             swap-out goes through the codec on both sides.
//                             swapout_vs_codec = sandbox swap-outs per CPU-second / codec
//                             compressions per CPU-second (1.0: the sandbox's page generation,
//                             page tables, LRU and engine cost nothing); pass2_vs_codec = codec
//                             time of the second pass's compressions and decompressions / its
//                             CPU time. Page verification stays on (the default).
//   sandbox/swapoff/<design>/<io>
//                             Swapoff cost against the memory mapped elsewhere, for the virtual
//                             and the classic design, swapfile opened buffered or O_DIRECT. A
//                             cgroup "swapped" (memory.max 1 MiB) runs a sequential filler of
//                             N = 4,096 pages, one pass, which ends on the only swapfile (pool
//                             disabled, no zero pages); a "mapper" in the root cgroup maps k x N
//                             pages (k = 1, 2, 4, 8, 16; one sequential pass, all resident). After
//                             the last access the device is swapped off (action Swapoff at 1.0):
//                             the virtual design moves its entries into memory through the
//                             device's reverse map, the classic one walks every page table and
//                             faults them in. One iteration runs every k, in an order that
//                             rotates per repetition. Per k: swapoff wall and CPU time, page-table
//                             entries walked, entries on the device, mapped pages. Over the k:
//                             max/min time and least-squares slopes of wall and CPU time over
//                             mapped pages (ns per extra mapped page). Page verification is off
//                             here, so the classic fault-in pays no regenerate-and-compare that
//                             the virtual move does not pay.
//   sandbox/swapoff-walk/<design>
//                             The walk where it can be seen: a filler of 256 pages (so the data
//                             movement takes a few ms) and a mapper of 4,096 or of 1,048,576
//                             pages, buffered swapfile, alternating which runs first. Counters:
//                             both swapoffs, and ns per extra mapped page between them.
//   sandbox/tiermove/<io>     The tier-move curve next to the swapoff curve: the same filler
//                             (N = 4,096 pages, cgroup "swapped", memory.max 1 MiB) and mapper
//                             (k x N pages, k = 1, 2, 4, 8, 16), but two swapfiles, "fast"
//                             (priority 10, tier "fast") and "slow" (priority 1, tier "slow"),
//                             and the filler's cgroup allowed only the fast tier. After the last
//                             access a SetCgroupPolicy action narrows its allowed tiers to
//                             {"slow"}: every entry of it moves fast -> slow. The virtual design
//                             moves them through the engine's reverse maps; the classic one walks
//                             every page table and rewrites each entry in place. Both designs run
//                             side by side in one iteration, every k in an order that rotates per
//                             repetition (and which design goes first alternates). Per k: entries
//                             moved, PTEs walked, wall and CPU ms of each design (from
//                             report.actions[0]) and classic/virtual ratios of the same iteration.
//                             Over the k: max/min time and slopes over mapped pages, per design.
//                             Page verification is off, as in the swapoff curve.
//
// Sandbox times come from the report: figures.wallNanos / cpuNanos (process CPU time; the
// sandbox's threads are the only busy ones) and swapoffs[0].nanos / cpuNanos. Swapfiles go to
// scratchDirectory() ($SWAPTIER_BENCH_DIR, else /var/tmp), which must allow O_DIRECT.
#include "benchsupport.h"

#include "codec/codec.h"
#include "pool/sizeclass.h"
#include "sandbox/pagecontent.h"

#include "swaptier/pagecorpus.h"
#include "swaptier/sandbox.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

using namespace swaptier;
using namespace swaptier::bench;

namespace {

constexpr std::uint64_t kSeed = 1;
constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

// --- access rate
constexpr std::uint64_t kAccessPagesPerThread = 64 * kMiB / kPageSize;
constexpr std::uint64_t kLongAccesses = 10'000'000;
constexpr std::uint64_t kShortAccesses = 1'000'000;

// --- swap-bound rate
constexpr std::uint64_t kUsememPages = 64 * kMiB / kPageSize;
constexpr std::uint64_t kUsememLimit = 4 * kMiB;
constexpr std::size_t kCodecPages = 2048;
constexpr int kCodecPasses = 4;
constexpr std::size_t kScratchBytes = 4480; // the pool's per-thread compression buffer

// --- swapoff curve
constexpr std::uint64_t kFillerPages = 4096;
constexpr std::uint64_t kFillerLimit = 1 * kMiB;
constexpr std::uint64_t kDeviceSlack = 1024;
constexpr std::array<unsigned, 5> kMapperFactors = {1, 2, 4, 8, 16};
// --- tier-move curve: the swapoff curve's filler and mapper, two tiers
constexpr int kFastPriority = 10, kSlowPriority = 1;
// --- page-table walk probe: few entries on the device, little or much mapped memory
constexpr std::uint64_t kProbeFillerPages = 256;
constexpr std::uint64_t kProbeFillerLimit = 16 * kPageSize; // the least validation accepts
constexpr std::uint64_t kProbeSmallMapper = 4096;
constexpr std::uint64_t kProbeLargeMapper = std::uint64_t{1} << 20;

/// The default mix without its zero class: every swapped page goes through the codec.
MixShares nonZeroMix() {
    MixShares m;
    m[PageClass::Zero] = 0;
    return m;
}

/// The PageMix index of page 0 of workload `workload`, thread `thread` (as sandboxrun.cpp sets it).
std::uint64_t contentBase(std::uint64_t workload, std::uint64_t thread) {
    return ((workload + 1) << 48) | (thread << 32);
}

double perSecond(double count, std::uint64_t nanos) {
    return nanos ? count / (double(nanos) * 1e-9) : 0.0;
}

SandboxConfig baseConfig(const std::string& name) {
    SandboxConfig c;
    c.name = name;
    c.seed = kSeed;
    c.sampleIntervalMs = 0;
    CgroupSpec root;
    root.name = "/";
    c.cgroups.push_back(root);
    return c;
}

/// Runs one config. nullopt (and `failure` set) if the run fails or its report is not sound.
std::optional<SandboxReport> runChecked(const SandboxConfig& config, std::string& failure) {
    auto report = runSandbox(config);
    if (!report) {
        failure = config.name + ": runSandbox: " + describe(report.error());
        return std::nullopt;
    }
    if (report->cutShort || report->cancelled)
        failure = config.name + ": the run did not finish";
    else if (report->leakedEntries != 0)
        failure = config.name + ": " + std::to_string(report->leakedEntries) + " swap entries leaked";
    else if (report->firstStoreError.code != Errc::Ok)
        failure = config.name + ": a swap-out was refused: " + describe(report->firstStoreError);
    if (!failure.empty())
        return std::nullopt;
    return std::move(report).value();
}

/// Alternates the order of the two sides of a benchmark over its repetitions (`turn` is the
/// benchmark's own counter; repetitions of different benchmarks are interleaved).
bool flip(unsigned& turn) {
    return turn++ % 2 == 0;
}

// ---------------------------------------------------------------------------------------------
// 1. access rate with nothing swapped
// ---------------------------------------------------------------------------------------------

SandboxConfig accessConfig(unsigned threads, std::uint64_t accesses) {
    SandboxConfig c = baseConfig("access");
    WorkloadSpec w;
    w.name = "uniform";
    w.kind = WorkloadKind::Uniform;
    w.threads = threads;
    w.pages = kAccessPagesPerThread;
    w.accesses = accesses;
    c.workloads.push_back(w);
    return c;
}

void benchAccess(benchmark::State& state, unsigned threads, unsigned& turn) {
    std::string failure;
    for (auto _ : state) {
        std::optional<SandboxReport> shortRun, longRun;
        const bool shortFirst = flip(turn);
        for (int k = 0; k < 2 && failure.empty(); ++k) {
            if ((k == 0) == shortFirst)
                shortRun = runChecked(accessConfig(threads, kShortAccesses), failure);
            else
                longRun = runChecked(accessConfig(threads, kLongAccesses), failure);
        }
        if (!failure.empty())
            break;
        const SandboxReport& l = *longRun;
        const SandboxReport& s = *shortRun;
        state.SetIterationTime(double(l.figures.wallNanos) * 1e-9);
        const double accesses = double(l.counters.accesses);
        state.counters["accesses"] = accesses;
        state.counters["first_touch_faults"] = double(l.counters.firstTouchFaults);
        state.counters["rounds"] = double(l.rounds);
        state.counters["cpus_used"] = double(l.figures.cpuNanos) / double(l.figures.wallNanos);
        state.counters["acc_per_s_per_thread"] = perSecond(accesses / threads, l.figures.wallNanos);
        state.counters["acc_per_cpu_s"] = perSecond(accesses, l.figures.cpuNanos);
        // The hit phase: what the long run did beyond the short one. Pure hits only if the short
        // run had already touched every page (same first-touch count).
        const double hits = accesses - double(s.counters.accesses);
        const bool pure = s.counters.firstTouchFaults == l.counters.firstTouchFaults
                          && l.counters.swapOuts == 0 && s.counters.swapOuts == 0;
        state.counters["hit_phase_pure"] = pure ? 1 : 0;
        const std::uint64_t wall = l.figures.wallNanos > s.figures.wallNanos ? l.figures.wallNanos - s.figures.wallNanos : 0;
        const std::uint64_t cpu = l.figures.cpuNanos > s.figures.cpuNanos ? l.figures.cpuNanos - s.figures.cpuNanos : 0;
        state.counters["hit_acc_per_s_per_thread"] = perSecond(hits / threads, wall);
        state.counters["hit_acc_per_cpu_s"] = perSecond(hits, cpu);
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

// ---------------------------------------------------------------------------------------------
// 2. swap-bound rate vs the raw codec
// ---------------------------------------------------------------------------------------------

/// The pages the sandbox hands the pool: its own generator, same corpus options, mix and seed.
class SandboxPages {
public:
    SandboxPages() {
        CorpusOptions options; // as sandboxrun.cpp loads it
        options.maxTextPages = 1024;
        options.maxBinaryPages = 1024;
        options.seed = kSeed;
        auto loaded = PageCorpus::load(options);
        if (!loaded) {
            std::fprintf(stderr, "bench_sandbox: loading the page corpus failed: %s\n", describe(loaded.error()).c_str());
            std::abort();
        }
        m_corpus = std::move(loaded).value();
        const PageMix mix(m_corpus, nonZeroMix(), kSeed);
        m_pages = PageSet(PageClass::Text, kCodecPages);
        for (std::size_t i = 0; i < kCodecPages; ++i)
            sandbox::fillPageContent(mix, contentBase(0, 0) + i, 1, MutablePage(m_pages.data(i), kPageSize));
    }
    const PageSet& pages() const { return m_pages; }

private:
    PageCorpus m_corpus;
    PageSet m_pages;
};

const SandboxPages& sandboxPages() {
    static const SandboxPages pages;
    return pages;
}

struct CodecCost {
    std::uint64_t pages = 0;
    double compressCpu = 0, compressWall = 0;
    double decompressCpu = 0, decompressWall = 0;
};

/// kCodecPasses compressions and decompressions of the page set, each call made as the pool
/// makes it (compressedpool.cpp): lz4 gets the huge watermark as its output limit, the others
/// the 4,480-byte scratch; an incompressible page or one above the watermark is kept raw, so
/// its load is a copy.
CodecCost measureCodec(const CodecSpec& spec, std::string& failure) {
    static const std::uint32_t watermark = pool::SizeClassTable(PoolOptions{}.maxPagesPerZspage).hugeWatermark();
    const std::size_t capacity = spec.codec == Codec::Lz4 ? watermark : kScratchBytes;
    const PageSet& pages = sandboxPages().pages();
    const std::size_t n = pages.size();
    std::vector<std::byte> stored(n * kScratchBytes);
    std::vector<std::size_t> lengths(n);
    std::vector<Codec> codecs(n);
    PageSet out(PageClass::Zero, 1);
    CodecCost cost;
    for (int pass = 0; pass < kCodecPasses; ++pass) {
        double c0 = threadCpuSeconds(), w0 = wallSeconds();
        for (std::size_t i = 0; i < n; ++i) {
            std::byte* dst = stored.data() + i * kScratchBytes;
            const std::size_t len = codec::compressPage(spec.codec, spec.level, pages.data(i), dst, capacity);
            if (len == 0 || len > watermark) {
                std::memcpy(dst, pages.data(i), kPageSize);
                lengths[i] = kPageSize;
                codecs[i] = Codec::Raw;
            } else {
                lengths[i] = len;
                codecs[i] = spec.codec;
            }
        }
        cost.compressCpu += threadCpuSeconds() - c0;
        cost.compressWall += wallSeconds() - w0;
        c0 = threadCpuSeconds();
        w0 = wallSeconds();
        for (std::size_t i = 0; i < n; ++i)
            if (!codec::decompressPage(codecs[i], stored.data() + i * kScratchBytes, lengths[i], out.data(0))) {
                failure = "decompressPage failed on page " + std::to_string(i);
                return cost;
            }
        cost.decompressCpu += threadCpuSeconds() - c0;
        cost.decompressWall += wallSeconds() - w0;
        cost.pages += n;
    }
    for (std::size_t i = 0; i < n; i += 97) // the round trip must hold
        if (!codec::decompressPage(codecs[i], stored.data() + i * kScratchBytes, lengths[i], out.data(0))
            || std::memcmp(out.data(0), pages.data(i), kPageSize) != 0)
            failure = "codec round trip differs at page " + std::to_string(i);
    return cost;
}

SandboxConfig usememConfig(const CodecSpec& spec, unsigned passes) {
    SandboxConfig c = baseConfig("usemem");
    c.engine.pool.enabled = true;
    c.engine.pool.codec = spec.codec;
    if (spec.codec == Codec::Zstd)
        c.engine.pool.zstdLevel = spec.level;
    c.engine.pool.limitBytes = 0;
    c.mix = nonZeroMix();
    CgroupSpec limited;
    limited.name = "usemem";
    limited.parent = 0;
    limited.memoryMax = kUsememLimit;
    c.cgroups.push_back(limited);
    WorkloadSpec w;
    w.name = "usemem";
    w.kind = WorkloadKind::Sequential;
    w.cgroup = 1;
    w.pages = kUsememPages;
    w.passes = passes;
    c.workloads.push_back(w);
    return c;
}

void benchSwapBound(benchmark::State& state, const CodecSpec& spec, unsigned& turn) {
    std::string failure;
    for (auto _ : state) {
        CodecCost codecCost;
        std::optional<SandboxReport> one, two;
        const bool codecFirst = flip(turn);
        for (int k = 0; k < 2 && failure.empty(); ++k) {
            if ((k == 0) == codecFirst) {
                codecCost = measureCodec(spec, failure);
            } else {
                one = runChecked(usememConfig(spec, 1), failure);
                if (failure.empty())
                    two = runChecked(usememConfig(spec, 2), failure);
            }
        }
        if (!failure.empty())
            break;
        const double outs1 = double(one->counters.swapOuts);
        const double outs2 = double(two->counters.swapOuts);
        const double ins2 = double(two->counters.swapInFaults);
        if (outs1 < double(kUsememPages) / 2 || ins2 < double(kUsememPages) / 2 || outs2 <= outs1) {
            failure = "usemem swapped too little: " + std::to_string(one->counters.swapOuts) + " swap-outs, "
                      + std::to_string(two->counters.swapInFaults) + " swap-ins";
            break;
        }
        state.SetIterationTime(double(one->figures.wallNanos) * 1e-9);
        const double pages = double(codecCost.pages);
        const double compressPerCpu = pages / codecCost.compressCpu;
        const double decompressPerCpu = pages / codecCost.decompressCpu;
        // One pass: every page is written once, all but the last ~4 MiB are swapped out.
        state.counters["swapouts"] = outs1;
        state.counters["swapouts_per_s"] = perSecond(outs1, one->figures.wallNanos);
        state.counters["swapouts_per_cpu_s"] = perSecond(outs1, one->figures.cpuNanos);
        state.counters["codec_compress_per_s"] = pages / codecCost.compressWall;
        state.counters["codec_compress_per_cpu_s"] = compressPerCpu;
        state.counters["swapout_vs_codec"] = perSecond(outs1, one->figures.cpuNanos) / compressPerCpu;
        state.counters["swapout_vs_codec_wall"] =
            perSecond(outs1, one->figures.wallNanos) / (pages / codecCost.compressWall);
        // The second pass (two-pass run minus one-pass run): every access is a swap-in fault
        // (sequential over an LRU) and evicts a page, so it is one swap-in plus one swap-out per
        // page. Its codec limit is one decompression plus one compression per page.
        const double cpuPass2 = double(two->figures.cpuNanos) * 1e-9 - double(one->figures.cpuNanos) * 1e-9;
        const double wallPass2 = double(two->figures.wallNanos) * 1e-9 - double(one->figures.wallNanos) * 1e-9;
        const double codecPass2 = (outs2 - outs1) / compressPerCpu + ins2 / decompressPerCpu;
        state.counters["swapins"] = ins2;
        state.counters["pass2_swapouts"] = outs2 - outs1;
        state.counters["swapins_per_s"] = wallPass2 > 0 ? ins2 / wallPass2 : 0;
        state.counters["swapins_per_cpu_s"] = cpuPass2 > 0 ? ins2 / cpuPass2 : 0;
        state.counters["codec_decompress_per_cpu_s"] = decompressPerCpu;
        state.counters["codec_roundtrip_per_cpu_s"] = 1.0 / (1.0 / compressPerCpu + 1.0 / decompressPerCpu);
        state.counters["pass2_vs_codec"] = cpuPass2 > 0 ? codecPass2 / cpuPass2 : 0;
        state.counters["verified_pages"] = double(two->counters.verifiedPages);
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

// ---------------------------------------------------------------------------------------------
// 3. swapoff cost against mapped memory
// ---------------------------------------------------------------------------------------------

/// The two workloads of the mapped-memory curves: a filler in cgroup 1 whose pages all end up
/// swapped (no zero pages, so each one is on a device), and a mapper in the root that only maps
/// (and so grows the page tables the classic design has to walk).
void addFillerAndMapper(SandboxConfig& c, std::uint64_t fillerPages, std::uint64_t mapperPages) {
    WorkloadSpec filler;
    filler.name = "filler";
    filler.kind = WorkloadKind::Sequential;
    filler.cgroup = 1;
    filler.pages = fillerPages;
    filler.mix = nonZeroMix();
    filler.hasMix = true;
    c.workloads.push_back(filler);
    WorkloadSpec mapper;
    mapper.name = "mapper";
    mapper.kind = WorkloadKind::Sequential;
    mapper.cgroup = 0;
    mapper.pages = mapperPages;
    c.workloads.push_back(mapper);
}

SandboxConfig swapoffConfig(SwapDesign design, IoMode io, std::uint64_t fillerPages, std::uint64_t fillerLimit,
                            std::uint64_t mapperPages) {
    SandboxConfig c = baseConfig("swapoff");
    c.design = design;
    c.verifyPages = false;
    c.engine.pool.enabled = false;
    DeviceOptions d;
    d.path = scratchPath("sandbox");
    d.sizeBytes = (fillerPages + kDeviceSlack) * kPageSize;
    d.discard = false; // measure the move, not hole punching
    d.io = io;
    c.devices.push_back(d);
    CgroupSpec swapped;
    swapped.name = "swapped";
    swapped.parent = 0;
    swapped.memoryMax = fillerLimit;
    c.cgroups.push_back(swapped);
    addFillerAndMapper(c, fillerPages, mapperPages);
    SandboxAction off;
    off.kind = SandboxAction::Kind::Swapoff;
    off.at = 1.0;
    off.device = 0;
    c.actions.push_back(off);
    return c;
}

/// Least-squares slope and intercept of y over x.
std::pair<double, double> linearFit(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = double(x.size());
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sx += x[i];
        sy += y[i];
        sxx += x[i] * x[i];
        sxy += x[i] * y[i];
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    return {slope, (sy - slope * sx) / n};
}

/// One swapoff run; nullopt (and `failure` set) unless the report holds one swapoff of a
/// non-empty device.
std::optional<SwapoffFigures> swapoffRun(const SandboxConfig& config, std::string& failure) {
    auto report = runChecked(config, failure);
    if (!report)
        return std::nullopt;
    if (report->swapoffs.size() != 1 || report->swapoffs[0].entries == 0) {
        failure = "mapper of " + std::to_string(config.workloads[1].pages)
                  + " pages: no swapoff of a non-empty device in the report";
        return std::nullopt;
    }
    return report->swapoffs[0];
}

void benchSwapoff(benchmark::State& state, SwapDesign design, IoMode io, unsigned& turn) {
    constexpr std::size_t kPoints = kMapperFactors.size();
    std::string failure;
    for (auto _ : state) {
        std::array<SwapoffFigures, kPoints> figures{};
        const unsigned first = turn++;
        for (std::size_t j = 0; j < kPoints && failure.empty(); ++j) {
            const std::size_t i = (first + j) % kPoints;
            const auto f = swapoffRun(
                swapoffConfig(design, io, kFillerPages, kFillerLimit, kMapperFactors[i] * kFillerPages), failure);
            if (f)
                figures[i] = *f;
        }
        if (!failure.empty())
            break;
        std::vector<double> mapped, nanos, cpu, ptes;
        double total = 0, lo = 0, hi = 0;
        bool ptesAreMapped = true;
        for (std::size_t i = 0; i < kPoints; ++i) {
            const SwapoffFigures& f = figures[i];
            // Appended, not "k" + to_string(): GCC 12 gives a false -Wrestrict on the latter.
            std::string k = std::to_string(kMapperFactors[i]);
            k.insert(k.begin(), 'k');
            k += '_';
            state.counters[k + "ms"] = double(f.nanos) * 1e-6;
            state.counters[k + "cpu_ms"] = double(f.cpuNanos) * 1e-6;
            state.counters[k + "ptes"] = double(f.ptesVisited);
            state.counters[k + "entries"] = double(f.entries);
            state.counters[k + "mapped"] = double(f.mappedPages);
            mapped.push_back(double(f.mappedPages));
            nanos.push_back(double(f.nanos));
            cpu.push_back(double(f.cpuNanos));
            ptes.push_back(double(f.ptesVisited));
            total += double(f.nanos);
            lo = i == 0 ? double(f.nanos) : std::min(lo, double(f.nanos));
            hi = std::max(hi, double(f.nanos));
            ptesAreMapped = ptesAreMapped && f.ptesVisited == f.mappedPages
                            && f.mappedPages == (kMapperFactors[i] + 1) * kFillerPages;
        }
        state.SetIterationTime(total * 1e-9);
        const auto [slope, intercept] = linearFit(mapped, nanos);
        const auto [cpuSlope, cpuIntercept] = linearFit(mapped, cpu);
        const auto [pteSlope, pteIntercept] = linearFit(mapped, ptes);
        state.counters["max_over_min"] = hi / lo;
        state.counters["k16_over_k1"] = nanos.back() / nanos.front();
        state.counters["slope_ns_per_mapped_page"] = slope;
        state.counters["intercept_ms"] = intercept * 1e-6;
        state.counters["cpu_slope_ns_per_mapped_page"] = cpuSlope;
        state.counters["cpu_intercept_ms"] = cpuIntercept * 1e-6;
        state.counters["ptes_equal_mapped"] = ptesAreMapped ? 1 : 0;
        state.counters["ptes_per_mapped_page"] = pteSlope;
        state.counters["ptes_at_zero_mapped"] = pteIntercept;
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

/// The walk alone: 256 filler pages on the device (a few ms of data movement), and a mapper of
/// 4,096 or of 1,048,576 pages, alternating which runs first. The difference is what 1M more
/// mapped pages cost a swapoff.
void benchSwapoffWalk(benchmark::State& state, SwapDesign design, unsigned& turn) {
    std::string failure;
    for (auto _ : state) {
        std::optional<SwapoffFigures> small, large;
        const bool smallFirst = flip(turn);
        for (int k = 0; k < 2 && failure.empty(); ++k) {
            const bool isSmall = (k == 0) == smallFirst;
            auto f = swapoffRun(swapoffConfig(design, IoMode::Buffered, kProbeFillerPages, kProbeFillerLimit,
                                              isSmall ? kProbeSmallMapper : kProbeLargeMapper),
                                failure);
            (isSmall ? small : large) = f;
        }
        if (!failure.empty())
            break;
        state.SetIterationTime(double(large->nanos) * 1e-9);
        const double extra = double(large->mappedPages) - double(small->mappedPages);
        state.counters["entries"] = double(large->entries);
        state.counters["small_mapped"] = double(small->mappedPages);
        state.counters["large_mapped"] = double(large->mappedPages);
        state.counters["small_ptes"] = double(small->ptesVisited);
        state.counters["large_ptes"] = double(large->ptesVisited);
        state.counters["small_ms"] = double(small->nanos) * 1e-6;
        state.counters["large_ms"] = double(large->nanos) * 1e-6;
        state.counters["small_cpu_ms"] = double(small->cpuNanos) * 1e-6;
        state.counters["large_cpu_ms"] = double(large->cpuNanos) * 1e-6;
        state.counters["ns_per_mapped_page"] = (double(large->nanos) - double(small->nanos)) / extra;
        state.counters["cpu_ns_per_mapped_page"] = (double(large->cpuNanos) - double(small->cpuNanos)) / extra;
        state.counters["large_over_small"] = double(large->nanos) / double(small->nanos);
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

// ---------------------------------------------------------------------------------------------
// 4. tier moves (fast -> slow) against mapped memory
// ---------------------------------------------------------------------------------------------

SandboxConfig tierMoveConfig(SwapDesign design, IoMode io, std::uint64_t mapperPages) {
    SandboxConfig c = baseConfig("tier-moves");
    c.design = design;
    c.verifyPages = false;
    c.engine.pool.enabled = false;
    for (const int priority : {kFastPriority, kSlowPriority}) {
        DeviceOptions d;
        d.path = scratchPath("sandbox");
        d.sizeBytes = (kFillerPages + kDeviceSlack) * kPageSize; // each can hold the whole filler
        d.priority = priority;
        d.discard = false; // measure the move, not hole punching
        d.io = io;
        c.devices.push_back(d);
    }
    c.deviceNames = {"fast", "slow"};
    TierSpec fast;
    fast.name = "fast";
    fast.minPriority = kFastPriority;
    TierSpec slow;
    slow.name = "slow";
    slow.maxPriority = kFastPriority - 1;
    c.tiers = {fast, slow};
    CgroupSpec swapped;
    swapped.name = "swapped";
    swapped.parent = 0;
    swapped.memoryMax = kFillerLimit;
    swapped.allowedTiers = {"fast"};
    c.cgroups.push_back(swapped);
    addFillerAndMapper(c, kFillerPages, mapperPages);
    SandboxAction narrow;
    narrow.kind = SandboxAction::Kind::SetCgroupPolicy;
    narrow.at = 1.0;
    narrow.cgroup = 1;
    narrow.policy.allowedTiers = std::vector<std::string>{"slow"};
    c.actions.push_back(narrow);
    return c;
}

struct TierMoveFigures {
    ActionFigures action;
    std::uint64_t swapped = 0;           ///< filler pages swapped out, all to the fast device
    std::uint64_t mappedPages = 0;       ///< page-table entries of every process (no fork, no exit)
};

/// One tier-move run; nullopt (and `failure` set) unless the set-policy moved every swapped
/// entry and left the fast device empty.
std::optional<TierMoveFigures> tierMoveRun(const SandboxConfig& config, std::string& failure) {
    auto report = runChecked(config, failure);
    if (!report)
        return std::nullopt;
    const std::string what = std::string(swapDesignName(config.design)) + ", mapper of "
                             + std::to_string(config.workloads[1].pages) + " pages: ";
    if (report->actions.size() != 1 || report->actions[0].kind != SandboxAction::Kind::SetCgroupPolicy) {
        failure = what + "no set-policy in the report";
        return std::nullopt;
    }
    TierMoveFigures f;
    f.action = report->actions[0];
    f.swapped = report->counters.swapOuts;
    f.mappedPages = config.workloads[0].pages + config.workloads[1].pages;
    std::uint64_t onFast = 0;
    for (const TierUsage& t : report->final.tiers)
        if (t.backend == Backend::Device && t.device == 0)
            onFast += t.entries;
    if (f.action.error.code != Errc::Ok)
        failure = what + "set-policy failed: " + describe(f.action.error);
    else if (f.swapped == 0 || f.action.pagesMoved != f.swapped || onFast != 0)
        failure = what + std::to_string(f.action.pagesMoved) + " entries moved of " + std::to_string(f.swapped)
                  + " swapped, " + std::to_string(onFast) + " left on the fast device";
    if (!failure.empty())
        return std::nullopt;
    return f;
}

void benchTierMove(benchmark::State& state, IoMode io, unsigned& turn) {
    constexpr std::size_t kPoints = kMapperFactors.size();
    constexpr std::array<SwapDesign, 2> kDesigns = {SwapDesign::Virtual, SwapDesign::Classic};
    std::string failure;
    for (auto _ : state) {
        std::array<std::array<TierMoveFigures, kPoints>, 2> figures{}; // [design][k]
        const unsigned first = turn++;
        for (std::size_t j = 0; j < kPoints && failure.empty(); ++j) {
            const std::size_t i = (first + j) % kPoints;
            for (std::size_t n = 0; n < 2 && failure.empty(); ++n) {
                const std::size_t d = (first + n) % 2; // which design goes first alternates
                const auto f = tierMoveRun(tierMoveConfig(kDesigns[d], io, kMapperFactors[i] * kFillerPages), failure);
                if (f)
                    figures[d][i] = *f;
            }
        }
        if (!failure.empty())
            break;
        double total = 0;
        bool virtualWalksNothing = true, classicWalksMapped = true, sameMoves = true;
        std::vector<double> mapped;
        std::array<std::vector<double>, 2> nanos, cpu;
        for (std::size_t i = 0; i < kPoints; ++i) {
            const TierMoveFigures& v = figures[0][i];
            const TierMoveFigures& c = figures[1][i];
            // Appended, not "k" + to_string(): GCC 12 gives a false -Wrestrict on the latter.
            std::string k = std::to_string(kMapperFactors[i]);
            k.insert(k.begin(), 'k');
            k += '_';
            state.counters[k + "entries"] = double(v.action.pagesMoved);
            state.counters[k + "mapped"] = double(v.mappedPages);
            for (std::size_t d = 0; d < 2; ++d) {
                const ActionFigures& a = figures[d][i].action;
                const std::string p = k + swapDesignName(kDesigns[d]) + "_";
                state.counters[p + "ptes"] = double(a.ptesVisited);
                state.counters[p + "ms"] = double(a.nanos) * 1e-6;
                state.counters[p + "cpu_ms"] = double(a.cpuNanos) * 1e-6;
                state.counters[p + "written"] = double(a.pagesWritten);
                nanos[d].push_back(double(a.nanos));
                cpu[d].push_back(double(a.cpuNanos));
                total += double(a.nanos);
            }
            state.counters[k + "classic_over_virtual"] = double(c.action.nanos) / double(v.action.nanos);
            state.counters[k + "cpu_classic_over_virtual"] = double(c.action.cpuNanos) / double(v.action.cpuNanos);
            mapped.push_back(double(v.mappedPages));
            virtualWalksNothing = virtualWalksNothing && v.action.ptesVisited == 0;
            classicWalksMapped = classicWalksMapped && c.action.ptesVisited == c.mappedPages
                                 && c.mappedPages == (kMapperFactors[i] + 1) * kFillerPages;
            sameMoves = sameMoves && v.action.pagesMoved == c.action.pagesMoved;
        }
        state.SetIterationTime(total * 1e-9);
        for (std::size_t d = 0; d < 2; ++d) {
            const std::string p = swapDesignName(kDesigns[d]) + std::string("_");
            const auto [lo, hi] = std::minmax_element(nanos[d].begin(), nanos[d].end());
            state.counters[p + "max_over_min"] = *hi / *lo;
            state.counters[p + "k16_over_k1"] = nanos[d].back() / nanos[d].front();
            state.counters[p + "slope_ns_per_mapped_page"] = linearFit(mapped, nanos[d]).first;
            state.counters[p + "cpu_slope_ns_per_mapped_page"] = linearFit(mapped, cpu[d]).first;
        }
        state.counters["virtual_ptes_zero"] = virtualWalksNothing ? 1 : 0;
        state.counters["classic_ptes_equal_mapped"] = classicWalksMapped ? 1 : 0;
        state.counters["same_entries_moved"] = sameMoves ? 1 : 0;
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

} // namespace

int main(int argc, char** argv) {
    static std::array<unsigned, 12> turns{}; // one order counter per benchmark
    std::size_t next = 0;
    sandboxPages(); // corpus and codec pages before any timing
    benchmark::AddCustomContext("scratch_directory", scratchDirectory());
    benchmark::AddCustomContext("sandbox_mix_swapped", nonZeroMix().toString());
    for (unsigned threads : {1u, 2u})
        benchmark::RegisterBenchmark(("sandbox/access/" + std::to_string(threads) + "T").c_str(),
                                     [threads, &turn = turns[next++]](benchmark::State& s) { benchAccess(s, threads, turn); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    for (const CodecSpec& spec : {kCodecs[2], kCodecs[1]})
        benchmark::RegisterBenchmark((std::string("sandbox/swapbound/") + spec.name).c_str(),
                                     [spec, &turn = turns[next++]](benchmark::State& s) { benchSwapBound(s, spec, turn); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    for (IoMode io : {IoMode::Buffered, IoMode::Direct})
        for (SwapDesign design : {SwapDesign::Virtual, SwapDesign::Classic})
            benchmark::RegisterBenchmark((std::string("sandbox/swapoff/") + swapDesignName(design) + "/"
                                          + (io == IoMode::Direct ? "direct" : "buffered"))
                                             .c_str(),
                                         [design, io, &turn = turns[next++]](benchmark::State& s) {
                                             benchSwapoff(s, design, io, turn);
                                         })
                ->Iterations(1)
                ->UseManualTime()
                ->Unit(benchmark::kMillisecond);
    for (IoMode io : {IoMode::Buffered, IoMode::Direct})
        benchmark::RegisterBenchmark((std::string("sandbox/tiermove/") + (io == IoMode::Direct ? "direct" : "buffered")).c_str(),
                                     [io, &turn = turns[next++]](benchmark::State& s) { benchTierMove(s, io, turn); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    for (SwapDesign design : {SwapDesign::Virtual, SwapDesign::Classic})
        benchmark::RegisterBenchmark((std::string("sandbox/swapoff-walk/") + swapDesignName(design)).c_str(),
                                     [design, &turn = turns[next++]](benchmark::State& s) {
                                         benchSwapoffWalk(s, design, turn);
                                     })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    return runMain(argc, argv,
                   {"--benchmark_repetitions=5", "--benchmark_enable_random_interleaving=true",
                    "--benchmark_display_aggregates_only=true"});
}
