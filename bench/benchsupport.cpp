// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark helpers: see benchsupport.h.
#include "benchsupport.h"

#include "swaptier/pagemix.h"
#include "swaptier/status.h"
#include "swaptier/workloadprocess.h"

#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>

namespace swaptier::bench {

// ---------------------------------------------------------------------------------------------
// Page sets
// ---------------------------------------------------------------------------------------------

void PageSet::Free::operator()(std::byte* p) const {
    ::operator delete[](p, std::align_val_t{kPageSize});
}

PageSet::PageSet(PageClass pageClass, std::size_t pages)
    : m_class(pageClass), m_pages(pages),
      m_data(static_cast<std::byte*>(::operator new[](pages * kPageSize, std::align_val_t{kPageSize}))) {
    std::memset(m_data.get(), 0, pages * kPageSize);
}

namespace {

struct CorpusState {
    PageCorpus corpus;
    bool loaded = false;
    bool heapWanted = false;
    bool heapOk = false;
    std::string heapNote = "heap capture not attempted";
};

CorpusState& corpusState() {
    static CorpusState s;
    return s;
}

std::uint64_t splitmix(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void captureHeapInto(CorpusState& s) {
    auto proc = WorkloadProcess::startPython({}, 32, 120000);
    if (!proc) {
        s.heapNote = "not captured: starting the python3 heap workload failed (" + describe(proc.error()) + ")";
        return;
    }
    HeapCaptureOptions options;
    options.maxPages = 4096;
    auto captured = s.corpus.captureHeap((*proc)->pid(), options);
    if (!captured) {
        s.heapNote = "not captured: reading the workload's memory failed (" + describe(captured.error())
                     + "); needs ptrace read access to a child process";
        return;
    }
    if (*captured == 0) {
        s.heapNote = "not captured: the workload process had no non-zero anonymous pages";
        return;
    }
    s.heapOk = true;
    s.heapNote = "captured " + std::to_string(*captured) + " pages of python3 heap (pid "
                 + std::to_string((*proc)->pid()) + ", " + std::to_string((*proc)->reportedBytes() >> 20)
                 + " MiB of objects)";
}

} // namespace

const PageCorpus& corpus(bool withHeap) {
    CorpusState& s = corpusState();
    if (s.loaded)
        return s.corpus;
    s.loaded = true;
    auto loaded = PageCorpus::load();
    if (loaded) {
        s.corpus = std::move(loaded).value();
    } else {
        std::fprintf(stderr, "bench: loading the page corpus failed: %s\n", describe(loaded.error()).c_str());
    }
    s.heapWanted = withHeap;
    if (withHeap) {
        captureHeapInto(s);
        if (!s.heapOk)
            std::fprintf(stderr, "bench: HEAP PAGES %s; the heap class is left out of this run\n",
                         s.heapNote.c_str());
    }
    return s.corpus;
}

bool heapCaptured() {
    return corpusState().heapOk;
}

const std::string& heapNote() {
    return corpusState().heapNote;
}

PageSet makePageSet(PageClass pageClass, std::size_t pages, std::uint64_t seed) {
    switch (pageClass) {
    case PageClass::Zero:
        return PageSet(pageClass, pages);
    case PageClass::Random: {
        PageSet set(pageClass, pages);
        std::uint64_t state = seed;
        for (std::size_t i = 0; i < pages; ++i) {
            std::byte* p = set.data(i);
            for (std::size_t off = 0; off < kPageSize; off += 8) {
                const std::uint64_t v = splitmix(state);
                std::memcpy(p + off, &v, 8);
            }
        }
        return set;
    }
    case PageClass::Text:
    case PageClass::Binary:
    case PageClass::Heap:
        break;
    }
    const PageCorpus& c = corpusState().corpus;
    const std::size_t available = c.pageCount(pageClass);
    const std::size_t n = std::min(available, pages);
    PageSet set(pageClass, n);
    for (std::size_t i = 0; i < n; ++i) {
        // Spread over the whole class: heap pages are in address order, text in file order.
        const std::size_t from = i * available / n;
        std::memcpy(set.data(i), c.page(pageClass, from).data(), kPageSize);
    }
    return set;
}

PageSet makeMixedPageSet(PageClass pageClass, std::size_t pages, std::uint64_t seed) {
    MixShares shares;
    shares.weights.fill(0);
    shares[pageClass] = 1;
    const PageMix mix(corpusState().corpus, shares, seed, true);
    PageSet set(pageClass, pages);
    for (std::size_t i = 0; i < pages; ++i)
        mix.fill(MutablePage(set.data(i), kPageSize), i);
    return set;
}

// ---------------------------------------------------------------------------------------------
// Clocks, errors, paths
// ---------------------------------------------------------------------------------------------

double threadCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double processCpuSeconds() {
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double wallSeconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::string describe(const Error& error) {
    std::string s = errcName(error.code);
    if (error.slot.valid())
        s += " slot " + std::to_string(error.slot.value);
    if (error.device.valid())
        s += " device " + std::to_string(error.device.value);
    if (!error.path.empty())
        s += " path " + error.path;
    if (error.osError != 0)
        s += " errno " + std::to_string(error.osError) + " (" + std::strerror(error.osError) + ")";
    return s;
}

std::string scratchDirectory() {
    if (const char* dir = std::getenv("SWAPTIER_BENCH_DIR"); dir && *dir)
        return dir;
    return "/var/tmp";
}

std::string scratchPath(const char* tag, const char* suffix) {
    static std::atomic<unsigned> serial{0};
    return scratchDirectory() + "/swaptier-bench-" + std::to_string(::getpid()) + "-" + tag + "-"
           + std::to_string(serial++) + suffix;
}

Fd::~Fd() {
    if (m_fd >= 0)
        ::close(m_fd);
}

std::unique_ptr<Engine> makeEngine(const CodecSpec& spec) {
    EngineOptions options;
    options.pool.codec = spec.codec;
    if (spec.codec == Codec::Zstd)
        options.pool.zstdLevel = spec.level;
    options.pool.limitBytes = 0; // unlimited: the benchmark measures stores, never refusals
    auto engine = Engine::create(options);
    if (!engine) {
        std::fprintf(stderr, "bench: Engine::create failed: %s\n", describe(engine.error()).c_str());
        std::abort();
    }
    return std::move(engine).value();
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

namespace {

std::string cpuModel() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(line.find_first_not_of(' ', colon + 1));
        }
    }
    return "unknown";
}

} // namespace

int runMain(int argc, char** argv, const std::vector<std::string>& defaultFlags) {
    benchmark::AddCustomContext("cpu_model", cpuModel());
    benchmark::AddCustomContext("nproc", std::to_string(::sysconf(_SC_NPROCESSORS_ONLN)));
    utsname u{};
    if (::uname(&u) == 0)
        benchmark::AddCustomContext("kernel", std::string(u.sysname) + " " + u.release);
#ifdef NDEBUG
    benchmark::AddCustomContext("swaptier_build", "optimized (NDEBUG)");
#else
    benchmark::AddCustomContext("swaptier_build", "DEBUG: assertions on, figures not representative");
#endif
    if (corpusState().loaded) {
        if (corpusState().heapWanted)
            benchmark::AddCustomContext("heap_capture", heapNote());
        const PageCorpus& c = corpusState().corpus;
        benchmark::AddCustomContext("corpus_pages",
                                    "text " + std::to_string(c.pageCount(PageClass::Text)) + ", binary "
                                        + std::to_string(c.pageCount(PageClass::Binary)) + ", heap "
                                        + std::to_string(c.pageCount(PageClass::Heap)));
    }

    // argv[0], then our defaults, then the user's flags: benchmark parses in order, last wins.
    std::vector<std::string> storage(defaultFlags);
    std::vector<char*> args;
    args.push_back(argv[0]);
    for (std::string& f : storage)
        args.push_back(f.data());
    for (int i = 1; i < argc; ++i)
        args.push_back(argv[i]);
    int n = int(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&n, args.data());
    if (benchmark::ReportUnrecognizedArguments(n, args.data()))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace swaptier::bench
