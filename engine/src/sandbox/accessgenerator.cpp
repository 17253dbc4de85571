// SPDX-License-Identifier: GPL-3.0-or-later
// The access streams of the sandbox's workload kinds (see accessgenerator.h).
#include "sandbox/accessgenerator.h"

#include "swaptier/trace.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace swaptier::sandbox {

namespace {

std::uint64_t scramble(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDull;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ull;
    return x ^ (x >> 33);
}

class SequentialGenerator final : public AccessGenerator {
public:
    SequentialGenerator(std::uint64_t pages, std::uint64_t planned) : m_pages(pages), m_planned(planned) {}
    bool next(Access& out) override {
        if (m_done == m_planned)
            return false;
        out.page = m_done % m_pages;
        out.write = true; // usemem writes every page it touches
        ++m_done;
        return true;
    }
    std::uint64_t planned() const override { return m_planned; }
    std::uint64_t pages() const override { return m_pages; }

private:
    std::uint64_t m_pages, m_planned, m_done = 0;
};

/// Uniform, zipfian and phase-change share the write decision and the stop condition.
class RandomGenerator : public AccessGenerator {
public:
    RandomGenerator(const WorkloadSpec& spec, std::uint64_t seed, std::uint64_t planned)
        : m_rng(seed), m_pages(spec.pages), m_planned(planned), m_writeFraction(spec.writeFraction) {}
    bool next(Access& out) final {
        if (m_done == m_planned)
            return false;
        out.page = pick();
        out.write = m_writeFraction > 0 && m_rng.unit() < m_writeFraction;
        ++m_done;
        return true;
    }
    std::uint64_t planned() const final { return m_planned; }
    std::uint64_t pages() const final { return m_pages; }

protected:
    virtual std::uint64_t pick() = 0;
    SandboxRng m_rng;
    std::uint64_t m_pages, m_planned, m_done = 0;
    double m_writeFraction;
};

class UniformGenerator final : public RandomGenerator {
public:
    using RandomGenerator::RandomGenerator;

private:
    std::uint64_t pick() override { return m_rng.below(m_pages); }
};

/// YCSB's ZipfianGenerator, scrambled so hot pages are spread over the mapping.
class ZipfianGenerator final : public RandomGenerator {
public:
    ZipfianGenerator(const WorkloadSpec& spec, std::uint64_t seed, std::uint64_t planned)
        : RandomGenerator(spec, seed, planned), m_theta(spec.zipfTheta) {
        const double n = double(m_pages);
        for (std::uint64_t i = 1; i <= m_pages; ++i)
            m_zetan += 1.0 / std::pow(double(i), m_theta);
        const double zeta2 = 1.0 + 1.0 / std::pow(2.0, m_theta);
        m_alpha = 1.0 / (1.0 - m_theta);
        m_eta = (1.0 - std::pow(2.0 / n, 1.0 - m_theta)) / (1.0 - zeta2 / m_zetan);
        m_half = 1.0 + std::pow(0.5, m_theta);
    }

private:
    std::uint64_t pick() override {
        const double u = m_rng.unit();
        const double uz = u * m_zetan;
        std::uint64_t rank;
        if (uz < 1.0)
            rank = 0;
        else if (uz < m_half)
            rank = 1;
        else
            rank = std::uint64_t(double(m_pages) * std::pow(m_eta * u - m_eta + 1.0, m_alpha));
        rank = std::min(rank, m_pages - 1);
        return scramble(rank) % m_pages;
    }

    double m_theta, m_zetan = 0, m_alpha = 0, m_eta = 0, m_half = 0;
};

class PhaseChangeGenerator final : public RandomGenerator {
public:
    PhaseChangeGenerator(const WorkloadSpec& spec, std::uint64_t seed, std::uint64_t planned)
        : RandomGenerator(spec, seed, planned), m_phases(std::max(1u, spec.phases)) {
        m_window = std::clamp<std::uint64_t>(std::uint64_t(double(m_pages) * spec.phaseWindow), 1, m_pages);
    }

private:
    std::uint64_t pick() override {
        const std::uint64_t phase = std::min<std::uint64_t>(m_phases - 1, m_done * m_phases / std::max<std::uint64_t>(1, m_planned));
        const std::uint64_t start = m_phases > 1 ? phase * (m_pages - m_window) / (m_phases - 1) : 0;
        return start + m_rng.below(m_window);
    }

    std::uint64_t m_phases, m_window = 1;
};

class TraceGenerator final : public AccessGenerator {
public:
    TraceGenerator(std::shared_ptr<const LoadedTrace> trace, std::uint64_t planned)
        : m_trace(std::move(trace)), m_planned(planned) {}
    bool next(Access& out) override {
        if (m_done == m_planned || m_trace->records.empty())
            return false;
        const std::uint32_t r = m_trace->records[m_done % m_trace->records.size()];
        out.page = r >> 1;
        out.write = (r & 1u) != 0;
        ++m_done;
        return true;
    }
    std::uint64_t planned() const override { return m_trace->records.empty() ? 0 : m_planned; }
    std::uint64_t pages() const override { return m_trace->pages; }

private:
    std::shared_ptr<const LoadedTrace> m_trace;
    std::uint64_t m_planned, m_done = 0;
};

} // namespace

Result<std::shared_ptr<const LoadedTrace>> loadTrace(const std::string& path) {
    auto reader = TraceReader::open(path);
    if (!reader)
        return reader.error();
    auto trace = std::make_shared<LoadedTrace>();
    trace->path = path;
    std::unordered_map<std::uint64_t, std::uint32_t> dense;
    for (;;) {
        auto record = reader->next();
        if (!record)
            return record.error();
        if (!record->has_value())
            break;
        const TraceRecord& r = **record;
        auto [it, inserted] = dense.try_emplace(r.page, std::uint32_t(dense.size()));
        if (inserted && dense.size() > (std::uint64_t{1} << 31))
            return Error::of(Errc::InvalidArgument).file(path);
        trace->records.push_back((it->second << 1) | (r.kind == AccessKind::Read ? 0u : 1u));
    }
    trace->pages = dense.size();
    return std::shared_ptr<const LoadedTrace>(std::move(trace));
}

std::uint64_t plannedAccesses(const WorkloadSpec& spec, const LoadedTrace* trace) {
    switch (spec.kind) {
    case WorkloadKind::Sequential:
        return spec.accesses ? spec.accesses : spec.pages * std::max(1u, spec.passes);
    case WorkloadKind::Trace:
        if (!trace || trace->records.empty())
            return 0;
        return spec.accesses ? spec.accesses : trace->records.size();
    case WorkloadKind::Uniform:
    case WorkloadKind::Zipfian:
    case WorkloadKind::PhaseChange:
    case WorkloadKind::ForkHeavy:
        break;
    }
    return spec.accesses ? spec.accesses : spec.pages;
}

std::unique_ptr<AccessGenerator> makeAccessGenerator(const WorkloadSpec& spec, std::uint64_t threadSeed,
                                                     std::shared_ptr<const LoadedTrace> trace) {
    const std::uint64_t planned = plannedAccesses(spec, trace.get());
    switch (spec.kind) {
    case WorkloadKind::Sequential:
        return std::make_unique<SequentialGenerator>(spec.pages, planned);
    case WorkloadKind::Zipfian:
        return std::make_unique<ZipfianGenerator>(spec, threadSeed, planned);
    case WorkloadKind::PhaseChange:
        return std::make_unique<PhaseChangeGenerator>(spec, threadSeed, planned);
    case WorkloadKind::Trace:
        return std::make_unique<TraceGenerator>(std::move(trace), planned);
    case WorkloadKind::Uniform:
    case WorkloadKind::ForkHeavy:
        break;
    }
    return std::make_unique<UniformGenerator>(spec, threadSeed, planned);
}

} // namespace swaptier::sandbox
