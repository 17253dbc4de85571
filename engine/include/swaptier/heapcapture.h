// SPDX-License-Identifier: GPL-3.0-or-later
// Heap capture: the anonymous writable memory of a running process ([heap] and anonymous rw-p
// mappings, what the kernel would swap) as Heap pages of a PageCorpus. A real heap compresses
// very differently from files (limits.md measures 3.6-5.8x), so the workload samples one.
//
// PageCorpus::captureHeap() (pagecorpus.h) does the capture: it reads /proc/PID/maps, keeps the
// regions isAnonymousWritable() accepts, samples their pages evenly and reads them through
// process_vm_readv or /proc/PID/mem. This header holds the parts it is built from, which tests
// also use directly: the parsed maps line and the capture options.
//
// WorkloadProcess (workloadprocess.h) starts a process with a realistic heap to capture.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace swaptier {

/// One line of /proc/PID/maps.
struct MemoryRegion {
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::string perms;  ///< "rw-p"
    std::string name;   ///< pathname, "[heap]", "[stack]", or empty for anonymous memory

    /// [heap] or an anonymous private writable mapping: what the kernel would swap.
    bool isAnonymousWritable() const;
};

/// Parses /proc/PID/maps text (malformed lines are skipped).
std::vector<MemoryRegion> parseMemoryMaps(std::string_view mapsText);

struct HeapCaptureOptions {
    std::size_t maxPages = 4096;  ///< pages kept at most, spread over the whole address range
    bool skipZeroPages = true;    ///< drop all-zero pages (the kernel would store them as zero entries)
};

} // namespace swaptier
