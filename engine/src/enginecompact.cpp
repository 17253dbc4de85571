// SPDX-License-Identifier: GPL-3.0-or-later
// Swapfile compaction (issue #4): packs a device's entries into its lowest slots, then cuts the
// device and its file down to them.
//
// The target is the device's used slots rounded up to whole clusters. An allocation ceiling
// there keeps every new store, and every relocation, below it. The device's reverse map lists
// the entries above the ceiling; each is moved with the ordinary move protocol (enginemove.cpp,
// moveEntry) to a free slot below it on the same device: a move "onto the device" counts an
// entry above the ceiling as not there yet. Busy entries are retried in a later pass, freed
// ones count as vanished. When no slot above the ceiling is used, the device drops those slots
// and truncates its file (the header page stays). Page tables never change: the slot ids stay.
//
// Concurrent stores may take the room below the ceiling that a relocation needs: then the
// ceiling rises by one cluster (the device shrinks less) instead of failing. Cancel or an error
// lifts the ceiling again: every entry is intact, wherever it was when compaction stopped.
#include "engineimpl.h"

#include "util/epoch.h"

#include <chrono>
#include <thread>

namespace swaptier {

using util::EpochGuard;

namespace {

/// Lifts a device's allocation ceiling when compaction ends, however it ends.
class CeilingGuard {
public:
    CeilingGuard(swapfile::SwapDevice& device, std::uint64_t slots) : m_device(device) {
        m_device.setAllocationCeiling(slots);
    }
    ~CeilingGuard() { lift(); }
    CeilingGuard(const CeilingGuard&) = delete;
    CeilingGuard& operator=(const CeilingGuard&) = delete;

    void lift() { m_device.setAllocationCeiling(m_device.totalSlots()); }
    /// One more cluster below the ceiling; false if there is no ceiling left to raise.
    bool raise() {
        const std::uint64_t ceiling = m_device.allocationCeiling();
        if (ceiling >= m_device.totalSlots())
            return false;
        m_device.setAllocationCeiling(ceiling + swapfile::kClusterSlots);
        return true;
    }

private:
    swapfile::SwapDevice& m_device;
};

std::uint64_t roundUpToClusters(std::uint64_t slots) {
    return (slots + swapfile::kClusterSlots - 1) / swapfile::kClusterSlots * swapfile::kClusterSlots;
}

} // namespace

Result<FragmentationStats> EngineImpl::deviceFragmentation(DeviceId device) const {
    EpochGuard guard; // no swapoff lock: the guard keeps a swapoff from closing the device meanwhile
    auto held = holdDevice(device);
    if (!held)
        return held.error();
    return held->device->fragmentation();
}

Result<DeviceCompactReport> EngineImpl::compactDevice(DeviceId device, const CompactOptions& options) {
    // One compaction or swapoff at a time: only swapoff removes devices, so `dev` stays valid
    // while we hold the lock, and nobody else moves the ceiling.
    std::lock_guard swapoffLock(m_swapoffLock);
    auto held = holdDevice(device);
    if (!held)
        return held.error();
    const auto [index, dev] = *held;
    const auto start = std::chrono::steady_clock::now();
    DeviceCompactReport report;
    auto before = dev->fragmentation();
    if (!before)
        return before.error();
    report.before = *before;

    CeilingGuard ceiling(*dev, roundUpToClusters(dev->usedSlotCount()));
    const std::uint64_t total = dev->usedSlotCountFrom(dev->allocationCeiling());
    const MoveTarget here = MoveTarget::onDevice(device);
    constexpr std::uint64_t kWindow = 64 * swapfile::kClusterSlots;
    std::uint64_t done = 0;
    unsigned idlePasses = 0;

    // Passes over the slots above the ceiling, in windows, until none of them is used. Like
    // swapoff, a store that allocated its slot just before the ceiling was set is counted by
    // usedSlotCountFrom() at once and listed by usedSlots() once it has written its page.
    while (dev->usedSlotCountFrom(dev->allocationCeiling()) != 0) {
        std::uint64_t progressed = 0;
        for (std::uint64_t first = dev->allocationCeiling(); first < dev->totalSlots(); first += kWindow) {
            for (const auto& u : dev->usedSlots(first, kWindow)) {
                if (options.cancel && options.cancel->load(std::memory_order_relaxed))
                    return Error::of(Errc::Cancelled).on(device);
                auto r = moveEntry(u.owner, here, Wait::ReportBusy, std::make_pair(index, u.physicalSlot));
                if (!r && r.code() == Errc::Busy)
                    continue; // another thread holds it: next pass
                if (!r && r.code() == Errc::DeviceFull && ceiling.raise())
                    continue; // concurrent stores took the room below: shrink a cluster less
                if (!r)
                    return Error(r.error()).on(device);
                if (*r == MoveOutcome::Moved)
                    ++report.moved;
                else if (*r == MoveOutcome::Gone)
                    ++report.vanished;
                ++progressed;
                if (options.progress && ++done % 256 == 0)
                    options.progress(done, total);
            }
        }
        // Nothing moved while slots above are still used: stores in flight, or busy entries.
        // Give them a moment, never forever.
        if (progressed == 0 && dev->usedSlotCountFrom(dev->allocationCeiling()) != 0) {
            if (++idlePasses > 2000)
                return Error::of(Errc::Busy).on(device);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } else {
            idlePasses = 0;
        }
    }
    if (options.progress)
        options.progress(total, total);

    if (options.shrinkFile) {
        auto shrunk = dev->shrinkToCeiling();
        if (!shrunk)
            return shrunk.error();
        report.shrunk = *shrunk;
    }
    ceiling.lift();
    auto after = dev->fragmentation();
    if (!after)
        return after.error();
    report.after = *after;
    report.nanos = std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::steady_clock::now() - start).count());
    return report;
}

} // namespace swaptier
