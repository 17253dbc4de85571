// SPDX-License-Identifier: GPL-3.0-or-later
// AccessGenerator: the page-access stream of one sandbox process (one workload thread).
//
// Every stream is a pure function of (workload spec, thread seed): no clock, no std
// distributions (their algorithms differ between standard libraries), so a run is the same on
// every machine. Kinds (WorkloadKind): sequential fill like usemem, uniform, scrambled zipfian
// (YCSB's generator: Gray et al., "Quickly generating billion-record synthetic databases"),
// phase change (a uniform window that moves), and trace replay over a trace loaded once and
// shared read-only by every thread that replays it. Fork-heavy workloads use the uniform stream;
// the worker decides which process (parent or child) makes each access.
//
// Thread safety: a generator belongs to one worker thread. LoadedTrace is immutable once built.
#pragma once

#include "swaptier/sandbox.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace swaptier::sandbox {

struct Access {
    std::uint64_t page = 0;  ///< page index within the process's mapping
    bool write = false;
};

/// splitmix64 as a stream: fast, small, identical everywhere.
class SandboxRng {
public:
    explicit SandboxRng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t x = (m_state += 0x9E3779B97F4A7C15ull);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [0, bound), bound > 0 (the modulo bias is below 2^-32 for any sandbox bound).
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t m_state;
};

/// A trace turned into dense page indices, loaded once: record = page << 1 | write.
struct LoadedTrace {
    std::vector<std::uint32_t> records;
    std::uint64_t pages = 0;   ///< distinct pages = the mapping's size
    std::string path;
};
/// Reads a swaptier trace v1 file. Errors of the reader (with path and offset) pass through;
/// more than 2^31 distinct pages is InvalidArgument.
Result<std::shared_ptr<const LoadedTrace>> loadTrace(const std::string& path);

class AccessGenerator {
public:
    virtual ~AccessGenerator() = default;
    /// The next access; false once the stream has made planned() accesses.
    virtual bool next(Access& out) = 0;
    /// Accesses the stream makes in all.
    virtual std::uint64_t planned() const = 0;
    /// Pages the process maps.
    virtual std::uint64_t pages() const = 0;
};

/// The stream of one thread of `spec`. `trace` is required for WorkloadKind::Trace.
std::unique_ptr<AccessGenerator> makeAccessGenerator(const WorkloadSpec& spec, std::uint64_t threadSeed,
                                                     std::shared_ptr<const LoadedTrace> trace = {});

/// Accesses one thread of `spec` makes (the generator's planned()), without building it.
std::uint64_t plannedAccesses(const WorkloadSpec& spec, const LoadedTrace* trace);

} // namespace swaptier::sandbox
