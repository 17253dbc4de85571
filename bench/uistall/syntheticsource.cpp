// SPDX-License-Identifier: GPL-3.0-or-later
// SyntheticSource (syntheticsource.h).
#include "syntheticsource.h"

#include "stallsetup.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace swaptier::bench::uistall {

namespace {

constexpr std::size_t kZero = std::size_t(Backend::Zero);
constexpr std::size_t kPool = std::size_t(Backend::Pool);
constexpr std::size_t kDevice = std::size_t(Backend::Device);
constexpr std::size_t kMemory = std::size_t(Backend::Memory);
constexpr std::uint64_t kPoolBytesPerPage = 1700; // lz4 on mixed pages, about 2.4:1

} // namespace

SyntheticSource::SyntheticSource(std::uint64_t entries, std::uint64_t seed)
    : m_config(std::make_shared<const SandboxConfig>(syntheticConfig())), m_entries(entries), m_rng(seed) {
    const std::size_t n = m_config->cgroups.size();
    for (const CgroupSpec& c : m_config->cgroups)
        m_parents.push_back(c.parent);
    m_deviceNames = m_config->deviceNames;
    m_pages.assign(n, {});
    m_counters.assign(n, {});
    m_resident.assign(n, 0);

    // A skewed share per cgroup (the root has no process): jobs by a random rank, tenants and
    // services a little of their own.
    std::vector<double> weight(n, 0.0);
    std::vector<std::size_t> rank(n);
    std::iota(rank.begin(), rank.end(), std::size_t(0));
    std::shuffle(rank.begin(), rank.end(), m_rng);
    for (std::size_t i = 1; i < n; ++i)
        weight[i] = 1.0 / std::pow(double(rank[i] + 5), 0.9);
    const std::vector<int> jobs = jobCgroups(*m_config);
    std::vector<bool> isJob(n, false);
    for (int j : jobs)
        isJob[std::size_t(j)] = true;
    for (std::size_t i = 1; i < n; ++i)
        if (!isJob[i])
            weight[i] *= 0.1;
    const double sum = std::accumulate(weight.begin(), weight.end(), 0.0);
    std::uniform_real_distribution<double> jitter(-0.1, 0.1);
    std::uint64_t given = 0;
    for (std::size_t i = 1; i < n; ++i) {
        const auto pages = std::uint64_t(double(entries) * weight[i] / sum);
        const double zero = 0.45 + jitter(m_rng), pool = 0.30 + jitter(m_rng);
        m_pages[i][kZero] = std::uint64_t(double(pages) * zero);
        m_pages[i][kPool] = std::uint64_t(double(pages) * pool);
        m_pages[i][kMemory] = pages / 1000;
        m_pages[i][kDevice] = pages - m_pages[i][kZero] - m_pages[i][kPool] - m_pages[i][kMemory];
        m_resident[i] = isJob[i] ? 2048 + (m_rng() % 8192) : 64;
        given += pages;
    }
    m_pages[std::size_t(jobs.front())][kZero] += entries - given; // rounding
}

void SyntheticSource::step(double seconds) {
    const std::size_t n = m_pages.size();
    m_nanos += std::uint64_t(seconds * 1e9);
    m_round += std::max<std::uint64_t>(1, std::uint64_t(seconds * 40));
    // Each cgroup swaps some of its pages in (up to 2% of them, from any backend) and writes a
    // little of its pool back to the swapfiles; what came in is swapped out again, spread over
    // random cgroups and backends.
    std::uint64_t freed = 0;
    for (std::size_t i = 1; i < n; ++i) {
        auto& p = m_pages[i];
        for (std::size_t b = 0; b < kBackendCount; ++b) {
            const std::uint64_t in = p[b] == 0 ? 0 : m_rng() % (p[b] / 50 + 1);
            p[b] -= in;
            m_in[b] += in;
            m_counters[i].swapInFaults += in;
            m_counters[i].refaults += in / 3;
            freed += in;
        }
        const std::uint64_t written = p[kPool] == 0 ? 0 : m_rng() % (p[kPool] / 200 + 1);
        p[kPool] -= written;
        p[kDevice] += written;
        m_in[kPool] += written;
        m_out[kDevice] += written;
        const std::uint64_t accesses = 1000 + m_rng() % 20000;
        m_counters[i].accesses += accesses;
        m_counters[i].writes += accesses / 3;
        m_total.accesses += accesses;
        m_total.writes += accesses / 3;
        m_resident[i] = std::uint64_t(std::max<std::int64_t>(16, std::int64_t(m_resident[i]) + std::int64_t(m_rng() % 65) - 32));
    }
    m_total.swapInFaults += freed;
    m_total.refaults += freed / 3;
    std::uniform_int_distribution<std::size_t> anyCgroup(1, n - 1);
    constexpr std::array<std::size_t, 10> kTargets = {kZero, kZero, kZero, kZero, kPool, kPool, kPool, kDevice, kDevice, kMemory};
    constexpr std::uint64_t kChunks = 400;
    for (std::uint64_t c = 0; c < kChunks && freed > 0; ++c) {
        const std::uint64_t chunk = c + 1 == kChunks ? freed : std::min(freed, freed / (kChunks - c) + m_rng() % 8);
        const std::size_t i = anyCgroup(m_rng);
        const std::size_t b = kTargets[m_rng() % kTargets.size()];
        m_pages[i][b] += chunk;
        m_out[b] += chunk;
        m_counters[i].swapOuts += chunk;
        m_total.swapOuts += chunk;
        freed -= chunk;
    }
}

void SyntheticSource::startProgress(double seconds) {
    m_progressFrom = m_nanos;
    m_progressSeconds = seconds;
}

std::shared_ptr<const services::HostSnapshot> SyntheticSource::next(double seconds) {
    const SandboxCounters before = m_total;
    const std::uint64_t nanosBefore = m_nanos;
    step(seconds);

    auto s = std::make_shared<services::HostSnapshot>();
    s->serial = ++m_serial;
    s->state = services::HostSnapshot::State::Running;
    s->scenario = QString::fromStdString(m_config->name);
    s->deviceNames = m_deviceNames;
    s->cgroupParents = m_parents;
    s->config = m_config;
    s->deviceActive.assign(m_config->devices.size(), true);
    s->progress = m_progressSeconds > 0
                      ? std::min(1.0, double(m_nanos - m_progressFrom) / 1e9 / m_progressSeconds)
                      : 0.0;

    SandboxSample& sample = s->sample;
    sample.elapsedNanos = m_nanos;
    sample.round = m_round;
    sample.progress = s->progress;
    sample.counters = m_total;

    const std::size_t n = m_pages.size();
    std::array<std::uint64_t, kBackendCount> entries{};
    std::uint64_t poolBytes = 0;
    std::vector<std::uint64_t> subtree(m_resident);
    for (std::size_t i = n; i-- > 1;) // children come after their parents
        subtree[std::size_t(m_parents[i])] += subtree[i];
    sample.cgroups.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        CgroupUsage c;
        c.name = m_config->cgroups[i].name;
        c.memoryMax = m_config->cgroups[i].memoryMax;
        c.residentPages = subtree[i];
        c.peakResidentPages = subtree[i];
        c.swappedPages = m_pages[i];
        c.poolBytes = m_pages[i][kPool] * kPoolBytesPerPage;
        c.counters = m_counters[i];
        for (std::size_t b = 0; b < kBackendCount; ++b)
            entries[b] += m_pages[i][b];
        poolBytes += c.poolBytes;
        sample.cgroups.push_back(std::move(c));
    }

    const auto row = [&](const char* name, Backend backend, std::uint64_t stored, std::uint64_t capacity) {
        TierUsage t;
        t.name = name;
        t.backend = backend;
        t.entries = entries[std::size_t(backend)];
        t.originalBytes = t.entries * kPageSize;
        t.storedBytes = stored;
        t.capacityBytes = capacity;
        t.pagesIn = m_in[std::size_t(backend)];
        t.pagesOut = m_out[std::size_t(backend)];
        sample.tiers.push_back(std::move(t));
    };
    row("zero", Backend::Zero, 0, 0);
    row("pool", Backend::Pool, poolBytes, m_config->engine.pool.limitBytes);
    row("memory", Backend::Memory, entries[kMemory] * kPageSize, 0);
    // The swapfiles share the device entries by size.
    std::uint64_t capacity = 0;
    for (const DeviceOptions& d : m_config->devices)
        capacity += d.sizeBytes;
    std::uint64_t left = entries[kDevice];
    for (std::size_t d = 0; d < m_config->devices.size(); ++d) {
        const DeviceOptions& device = m_config->devices[d];
        TierUsage t;
        t.name = m_deviceNames[d];
        t.path = device.path;
        t.backend = Backend::Device;
        t.device = int(d);
        t.tier = device.priority >= 10 ? "fast" : "slow";
        t.entries = d + 1 == m_config->devices.size()
                        ? left
                        : std::uint64_t(double(entries[kDevice]) * double(device.sizeBytes) / double(capacity));
        left -= t.entries;
        t.originalBytes = t.storedBytes = t.entries * kPageSize;
        t.capacityBytes = device.sizeBytes;
        t.pagesIn = m_in[kDevice] * device.sizeBytes / capacity;
        t.pagesOut = m_out[kDevice] * device.sizeBytes / capacity;
        sample.tiers.push_back(std::move(t));
    }

    const double elapsed = double(m_nanos - nanosBefore) / 1e9;
    if (elapsed > 0 && m_serial > 1) {
        s->swapOutsPerSecond = double(m_total.swapOuts - before.swapOuts) / elapsed;
        s->swapInsPerSecond = double(m_total.swapInFaults - before.swapInFaults) / elapsed;
        s->accessesPerSecond = double(m_total.accesses - before.accesses) / elapsed;
    }
    return s;
}

} // namespace swaptier::bench::uistall
