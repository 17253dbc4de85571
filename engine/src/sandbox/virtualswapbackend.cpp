// SPDX-License-Identifier: GPL-3.0-or-later
// VirtualSwapBackend: the swaptier engine behind the sandbox's SwapBackend interface.
//
// The page-table value is the virtual slot id itself. Swapoff is Engine::swapoff(): the device's
// reverse map names the entries to move, so the walker is never used and no page table is read.
// Figures come from one EngineStats snapshot: descriptor, pool and device metadata, device slots
// in use (the only disk space the design reserves) and device reads/writes.
//
// Per-cgroup device entries (BackendSnapshot::cgroupDeviceEntries) are the engine's
// CgroupStats::deviceEntries, which count by engine device index: each run device is found by
// its DeviceId in the same snapshot's DeviceStats, whose index names the slot.
//
// Traffic per place (TierUsage::pagesIn / pagesOut): zero, pool and memory from the engine's
// EventCounters::loadedFrom / storedTo, devices from their DeviceStats::reads / writes; a
// swapped-off device keeps the figures Engine::swapoff reported at its removal.
//
// Tier policies and actions go straight to the engine: the cgroup tree as policies, writeback,
// recompression, both compactions, promotion and maintenance. None of them reads a page table
// (the walker is never used); an action's write figures are the difference of the engine's
// event counters around it: pages written (pswpout) and write calls (single-page moves plus
// one per batched writeback run).
//
// Thread safety: as the engine (every method may run concurrently); device ids are only
// changed by addDevice and swapoff, which the sandbox calls while no worker runs.
#include "sandbox/swapbackend.h"

#include "util/cpuclock.h"

#include <algorithm>

namespace swaptier::sandbox {

namespace {

using util::monotonicNanos;
using util::threadCpuNanos;

class VirtualSwapBackend final : public SwapBackend {
public:
    explicit VirtualSwapBackend(std::unique_ptr<Engine> engine) : m_engine(std::move(engine)) {}

    Status setTiers(const std::vector<TierSpec>& tiers) override { return m_engine->setTiers(tiers); }

    Status addDevice(const DeviceOptions& options) override {
        auto id = m_engine->addDevice(options);
        if (!id)
            return id.error();
        m_devices.push_back(*id);
        m_paths.push_back(options.path);
        m_removedTraffic.emplace_back();
        return {};
    }

    std::size_t deviceCount() const override { return m_devices.size(); }

    Result<std::uint64_t> swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) override {
        StoreOptions o = options;
        o.device = {};
        auto slot = m_engine->swapOut(page, cgroup, o);
        if (!slot)
            return slot.error();
        return slot->value;
    }

    Result<LoadInfo> swapIn(std::uint64_t value, MutablePage out) override {
        return m_engine->swapIn(SlotId{value}, out);
    }
    Status duplicate(std::uint64_t value) override { return m_engine->duplicate(SlotId{value}); }
    Status put(std::uint64_t value) override { return m_engine->put(SlotId{value}); }

    Result<SwapoffFigures> swapoff(int device, PageTableWalker& walker) override {
        auto id = deviceId(device);
        if (!id)
            return id.error();
        SwapoffFigures figures;
        figures.device = device;
        figures.mappedPages = walker.mappedPages();
        const std::uint64_t cpu0 = threadCpuNanos();
        const std::uint64_t t0 = monotonicNanos();
        SwapoffOptions options;
        options.allowOtherDevices = true;
        options.allowMemory = true;
        auto report = m_engine->swapoff(*id, options);
        if (!report)
            return report.error();
        figures.nanos = monotonicNanos() - t0;
        figures.cpuNanos = threadCpuNanos() - cpu0;
        figures.entries = report->entries;
        figures.ptesVisited = 0;
        m_devices[std::size_t(device)] = DeviceId{};
        m_removedTraffic[std::size_t(device)] = Traffic{report->device.reads, report->device.writes};
        return figures;
    }

    Status setDevicePriority(int device, int priority) override {
        auto id = deviceId(device);
        if (!id)
            return id.error();
        return m_engine->setDevicePriority(*id, priority);
    }

    Status setPoolOptions(const PoolOptions& options) override { return m_engine->setPoolOptions(options); }

    BackendSnapshot snapshot() const override {
        const EngineStats stats = m_engine->stats();
        BackendSnapshot s;
        const auto tier = [&](const char* name, Backend backend, std::uint64_t capacity) {
            const BackendUsage& u = stats.backends[std::size_t(backend)];
            TierUsage t;
            t.name = name;
            t.backend = backend;
            t.entries = u.entries;
            t.originalBytes = u.originalBytes;
            t.storedBytes = u.storedBytes;
            t.capacityBytes = capacity;
            t.pagesIn = stats.events.loadedFrom[std::size_t(backend)];
            t.pagesOut = stats.events.storedTo[std::size_t(backend)];
            s.tiers.push_back(std::move(t));
        };
        tier("zero", Backend::Zero, 0);
        tier("pool", Backend::Pool, stats.pool.limitBytes);
        tier("memory", Backend::Memory, 0);
        // Engine device index -> run device index, for the per-cgroup device entries.
        std::vector<std::pair<unsigned, std::size_t>> runDevices;
        for (std::size_t i = 0; i < m_devices.size(); ++i) {
            TierUsage t;
            t.name = m_paths[i];
            t.path = m_paths[i];
            t.backend = Backend::Device;
            t.device = int(i);
            t.swappedOff = !m_devices[i].valid();
            if (t.swappedOff) {
                t.pagesIn = m_removedTraffic[i].reads;
                t.pagesOut = m_removedTraffic[i].writes;
            }
            for (const DeviceStats& d : stats.devices) {
                if (t.swappedOff || d.id != m_devices[i])
                    continue;
                t.entries = d.usedSlots;
                t.originalBytes = t.storedBytes = d.usedSlots * kPageSize;
                t.capacityBytes = d.totalSlots * kPageSize;
                t.tier = d.tier;
                t.pagesIn = d.reads;
                t.pagesOut = d.writes;
                runDevices.emplace_back(d.index, i);
            }
            s.tiers.push_back(std::move(t));
        }
        for (const CgroupStats& c : stats.cgroups) {
            if (s.cgroupEntries.size() <= c.id.value) {
                s.cgroupEntries.resize(c.id.value + 1u);
                s.cgroupDeviceEntries.resize(c.id.value + 1u);
                s.cgroupPoolBytes.resize(c.id.value + 1u);
            }
            for (std::size_t b = 0; b < kBackendCount; ++b)
                s.cgroupEntries[c.id.value][b] = c.backends[b].entries;
            std::vector<std::uint64_t>& byDevice = s.cgroupDeviceEntries[c.id.value];
            byDevice.assign(m_devices.size(), 0);
            for (const auto& [index, run] : runDevices)
                if (index < c.deviceEntries.size())
                    byDevice[run] = c.deviceEntries[index];
            s.cgroupPoolBytes[c.id.value] = c.backends[std::size_t(Backend::Pool)].storedBytes;
        }
        s.metadataBytes = stats.slotTable.metadataBytes + stats.pool.metadataBytes;
        for (const DeviceStats& d : stats.devices) {
            s.metadataBytes += d.metadataBytes;
            s.diskReservedBytes += d.usedSlots * kPageSize;
        }
        // Reads and writes of removed devices are gone from stats.devices: use the counters.
        s.pagesWritten = stats.events.pswpout;
        s.pagesRead = stats.events.pswpin;
        s.poolWritebacks = stats.events.zswpwb;
        s.liveEntries = stats.slotTable.liveEntries;
        return s;
    }

    EngineStats engineStats() const override { return m_engine->stats(); }

    // --- tier policies and actions -------------------------------------------------------
    Status setCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy) override {
        auto report = m_engine->setCgroupPolicy(cgroup, policy);
        if (!report)
            return report.error();
        return {};
    }

    ActionFigures changeCgroupPolicy(CgroupId cgroup, const CgroupPolicy& policy, PageTableWalker&) override {
        const Writes before = writes();
        ActionFigures f;
        auto report = m_engine->setCgroupPolicy(cgroup, policy);
        if (!report) {
            f.error = report.error();
            return f;
        }
        finish(f, before, report->writtenBack); // pagesMoved: every move, device -> device too
        return f;
    }

    ActionFigures writeback(const WritebackOptions& options) override {
        const Writes before = writes();
        ActionFigures f;
        auto report = m_engine->writeback(options);
        if (!report) {
            f.error = report.error();
            return f;
        }
        finish(f, before, report->written);
        f.pagesMoved = report->written;
        f.bytesReclaimed = report->poolBytesFreed;
        f.error = report->firstError;
        return f;
    }

    ActionFigures recompress(const RecompressOptions& options) override {
        ActionFigures f;
        auto report = m_engine->recompress(options);
        if (!report) {
            f.error = report.error();
            return f;
        }
        f.pagesMoved = report->recompressed;
        f.bytesReclaimed = report->bytesBefore - report->bytesAfter;
        return f;
    }

    ActionFigures compactDevice(int device, PageTableWalker&, const ActionControl& control) override {
        const Writes before = writes();
        ActionFigures f;
        auto id = deviceId(device);
        if (!id) {
            f.error = id.error();
            return f;
        }
        CompactOptions options;
        options.cancel = control.cancel;
        if (control.progress)
            options.progress = control.progress;
        auto report = m_engine->compactDevice(*id, options);
        if (!report) {
            f.error = report.error();
            finish(f, before, 0);
            return f;
        }
        finish(f, before, 0);
        f.pagesMoved = report->moved;
        f.bytesReclaimed = report->before.fileBytes > report->after.fileBytes
                               ? report->before.fileBytes - report->after.fileBytes
                               : 0;
        return f;
    }

    ActionFigures compactPool() override {
        ActionFigures f;
        auto report = m_engine->compactPool();
        if (!report) {
            f.error = report.error();
            return f;
        }
        f.pagesMoved = report->objectsMoved;
        f.bytesReclaimed = report->reclaimedBytes();
        return f;
    }

    Status setPromotionPolicy(const PromotionPolicy& policy) override { return m_engine->setPromotionPolicy(policy); }
    Status setMaintenancePolicy(const MaintenancePolicy& policy) override {
        return m_engine->setMaintenancePolicy(policy);
    }
    Status maintain() override {
        auto report = m_engine->maintain();
        if (!report)
            return report.error();
        return {};
    }

private:
    /// The engine's write counters at one moment.
    struct Writes {
        std::uint64_t pages = 0;    ///< pswpout
        std::uint64_t batched = 0;  ///< writebackWrites (one per contiguous run)
        std::uint64_t moves = 0;
    };
    Writes writes() const {
        const EventCounters ev = m_engine->stats().events;
        return Writes{ev.pswpout, ev.writebackWrites, ev.moves};
    }
    /// Fills pagesWritten, writeCalls and pagesMoved from the counters since `before`;
    /// `batchedPages` of the pages written went out in batched runs.
    void finish(ActionFigures& f, const Writes& before, std::uint64_t batchedPages) const {
        const Writes after = writes();
        f.pagesWritten = after.pages - before.pages;
        f.writeCalls = f.pagesWritten - std::min(f.pagesWritten, batchedPages) + (after.batched - before.batched);
        f.pagesMoved = after.moves - before.moves;
    }

    Result<DeviceId> deviceId(int device) const {
        if (device < 0 || std::size_t(device) >= m_devices.size() || !m_devices[std::size_t(device)].valid())
            return Error::of(Errc::UnknownDevice);
        return m_devices[std::size_t(device)];
    }

    /// A removed device's page reads and writes (SwapoffReport::device).
    struct Traffic {
        std::uint64_t reads = 0;
        std::uint64_t writes = 0;
    };

    std::unique_ptr<Engine> m_engine;
    std::vector<DeviceId> m_devices;  ///< by config index; invalid once swapped off
    std::vector<std::string> m_paths;
    std::vector<Traffic> m_removedTraffic; ///< by config index; set at swapoff
};

} // namespace

Result<std::unique_ptr<SwapBackend>> makeVirtualSwapBackend(const EngineOptions& options) {
    auto engine = Engine::create(options);
    if (!engine)
        return engine.error();
    return std::unique_ptr<SwapBackend>(std::make_unique<VirtualSwapBackend>(std::move(engine.value())));
}

} // namespace swaptier::sandbox
