// SPDX-License-Identifier: GPL-3.0-or-later
// SyntheticSource: HostSnapshots as the engine host would publish them for syntheticConfig()
// (stallsetup.h), without running anything: 500 cgroups, the zero/pool/memory rows and four
// swapfiles, `entries` swapped entries spread over the cgroups (a skewed share per cgroup, so a
// sort by size means something) and the backends (about 45% zero pages, 30% pool, 25%
// swapfiles, a few in memory).
//
// Every next() moves entries between cgroups and between backends (writeback, swap-ins and
// swap-outs), so every row's figures change, sorted orders change from snapshot to snapshot,
// and the counters rise, as in a busy run. The total stays `entries`.
//
// Thread safety: none; one thread uses an object (the GUI thread in the benchmark).
#pragma once

#include "enginehost.h"

#include <array>
#include <cstdint>
#include <memory>
#include <random>
#include <vector>

namespace swaptier::bench::uistall {

class SyntheticSource {
public:
    SyntheticSource(std::uint64_t entries, std::uint64_t seed);

    /// The next snapshot, `seconds` of run time after the previous one (the first is at
    /// `seconds`).
    std::shared_ptr<const services::HostSnapshot> next(double seconds);
    /// From the next snapshot on, the progress rises from 0 to 1 over `seconds` of run time (as
    /// a run's share of its planned accesses does); before the first call it stays 0.
    void startProgress(double seconds);
    /// Swapped entries in every snapshot.
    std::uint64_t entries() const { return m_entries; }
    int cgroups() const { return int(m_config->cgroups.size()); }

private:
    void step(double seconds);

    std::shared_ptr<const SandboxConfig> m_config;
    std::vector<int> m_parents;
    std::vector<std::string> m_deviceNames;
    std::uint64_t m_entries;
    std::mt19937_64 m_rng;
    /// Per cgroup: swapped pages by backend (this cgroup only), its cumulative counters.
    std::vector<std::array<std::uint64_t, kBackendCount>> m_pages;
    std::vector<SandboxCounters> m_counters;
    std::vector<std::uint64_t> m_resident;            ///< own resident pages per cgroup
    std::array<std::uint64_t, kBackendCount> m_in{}, m_out{}; ///< traffic per backend
    SandboxCounters m_total;
    std::uint64_t m_nanos = 0;
    std::uint64_t m_progressFrom = 0;             ///< run time at which the progress is 0
    double m_progressSeconds = 0;                 ///< 0: no progress yet
    std::uint64_t m_round = 0;
    quint64 m_serial = 0;
};

} // namespace swaptier::bench::uistall
