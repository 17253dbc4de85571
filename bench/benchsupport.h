// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the benchmark programs of issue #2: page sets with real contents (from
// PageCorpus, including a live process heap when it can be captured), clocks, the machine
// context written into every JSON report, and a main() that applies this project's default
// flags before the user's own (a flag given on the command line always wins).
//
// Why CPU time for single-thread figures: the VM's two vCPUs are shared and noisy. The thread
// CPU clock (CLOCK_THREAD_CPUTIME_ID) does not advance while the thread is preempted, so a
// neighbour's burst does not count against whichever side happened to be running. Multi-thread
// and I/O figures use the wall clock (steady_clock), because waiting is part of what they measure.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/pageclass.h"
#include "swaptier/pagecorpus.h"

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swaptier::bench {

/// Pages per batch: a working set of 8 MiB, larger than the L2 caches, as a reclaim batch is.
inline constexpr std::size_t kBatchPages = 2048;

/// A contiguous, page-aligned array of pages of one class. Movable, not copyable.
class PageSet {
public:
    PageSet() = default;
    PageSet(PageClass pageClass, std::size_t pages);
    PageSet(PageSet&&) noexcept = default;
    PageSet& operator=(PageSet&&) noexcept = default;

    PageClass pageClass() const { return m_class; }
    std::size_t size() const { return m_pages; }
    std::uint64_t bytes() const { return std::uint64_t(m_pages) * kPageSize; }
    std::byte* data(std::size_t i) { return m_data.get() + i * kPageSize; }
    const std::byte* data(std::size_t i) const { return m_data.get() + i * kPageSize; }
    ConstPage page(std::size_t i) const { return ConstPage(data(i), kPageSize); }

private:
    struct Free {
        void operator()(std::byte* p) const;
    };
    PageClass m_class = PageClass::Zero;
    std::size_t m_pages = 0;
    std::unique_ptr<std::byte[], Free> m_data;
};

/// The real page corpus, loaded once per process: text and binary pages from the default
/// files, heap pages captured from a python3 workload process when `withHeap` (first call
/// decides). heapNote() says what happened to the capture, in one line.
const PageCorpus& corpus(bool withHeap);
bool heapCaptured();
const std::string& heapNote();

/// `pages` pages of a class: zeros, seeded PRNG bytes, or corpus pages spread evenly over what
/// the corpus holds (fewer if the corpus is smaller). Empty if the corpus has none.
PageSet makePageSet(PageClass pageClass, std::size_t pages, std::uint64_t seed = 1);
/// `pages` distinct pages from a PageMix of one class (8 bytes varied per page), for threads
/// that need their own pages with the same character.
PageSet makeMixedPageSet(PageClass pageClass, std::size_t pages, std::uint64_t seed);

/// Thread CPU time in seconds (CLOCK_THREAD_CPUTIME_ID).
double threadCpuSeconds();
/// CPU time of the whole process (all threads) in seconds.
double processCpuSeconds();
/// Monotonic wall time in seconds.
double wallSeconds();

/// One-line text of an engine error ("corrupt-data slot 12 device 0 path /x errno 5").
std::string describe(const Error& error);

/// Directory for swapfiles: $SWAPTIER_BENCH_DIR, else /var/tmp. Must not be tmpfs for O_DIRECT.
std::string scratchDirectory();
/// A new file name in scratchDirectory(): swaptier-bench-PID-TAG-N SUFFIX (N counts per process).
std::string scratchPath(const char* tag, const char* suffix = ".swap");

/// A plain file descriptor, closed on destruction.
class Fd {
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd();
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

/// Short codec spec shared by the programs.
struct CodecSpec {
    const char* name; ///< "zstd1", "zstd3", "lz4", "lzo"
    Codec codec;
    int level;        ///< zstd level (ignored by the others)
};
inline constexpr CodecSpec kCodecs[] = {
    {"zstd1", Codec::Zstd, 1}, {"zstd3", Codec::Zstd, 3}, {"lz4", Codec::Lz4, 0}, {"lzo", Codec::Lzo, 0}};

/// An engine with an unlimited pool using `spec`. Aborts the program on failure (a benchmark
/// without an engine is a broken build, not a slow one).
std::unique_ptr<Engine> makeEngine(const CodecSpec& spec);

/// Runs the registered benchmarks: adds the machine context (CPU model, nproc, kernel, date,
/// heap capture note), prepends `defaultFlags` to argv, initialises and runs. Returns main's
/// exit code (non-zero on unknown flags).
int runMain(int argc, char** argv, const std::vector<std::string>& defaultFlags);

} // namespace swaptier::bench
