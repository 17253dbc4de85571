// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceSet: the engine's swapfile devices and the order stores try them in.
//
// Devices sit in a table of atomic pointers indexed by a small device index (the index an
// entry's backing word stores; DeviceIds are never reused, indexes are once a device is gone).
// Stores follow swapon(2): the highest priority first, and a higher group is exhausted before
// a lower one is used; inside a group of equal priority devices take turns (round-robin by an
// atomic cursor per group). The order is an immutable snapshot rebuilt on add, remove and
// priority change and published through an atomic pointer; old snapshots and removed devices
// are freed through epoch-based reclamation, so readers take no lock.
//
// Lock order: m_lock (add/remove/priority) is taken alone; device locks are taken by the
// devices themselves, never while m_lock is held.
#pragma once

#include "swapfile/swapdevice.h"
#include "swaptier/env.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace swaptier::swapfile {

class DeviceSet {
public:
    static constexpr unsigned kMaxDevices = 256;

    explicit DeviceSet(Env* env);
    ~DeviceSet();
    DeviceSet(const DeviceSet&) = delete;
    DeviceSet& operator=(const DeviceSet&) = delete;

    Result<DeviceId> add(const DeviceOptions& options);
    /// Unlinks the device, waits until no reader can hold it, then closes (and maybe deletes)
    /// its file. REQUIRES: no entry refers to it any more; not inside an EpochGuard.
    Status remove(DeviceId id, bool removeFile);
    Status setPriority(DeviceId id, int priority);

    /// The device at `index`, or null. REQUIRES: an EpochGuard.
    SwapDevice* byIndex(unsigned index) const { return index < kMaxDevices ? m_table[index].load(std::memory_order_acquire) : nullptr; }
    /// Index of a live device.
    Result<unsigned> indexOf(DeviceId id) const;

    struct Placed {
        unsigned index;
        std::uint64_t slot;
    };
    /// Writes the page to the best device that takes it (see above). `only`: that device only;
    /// `exclude`: never that one. NoDevice if there is no candidate at all, DeviceFull if all
    /// candidates are full or draining, or the last I/O error if a write failed on every
    /// candidate that had room. REQUIRES: an EpochGuard.
    Result<Placed> store(const std::byte* page, SlotId owner, DeviceId only = {}, DeviceId exclude = {});

    /// SwapDevice::trim() on every device.
    void trim();
    std::vector<DeviceStats> stats() const;
    std::size_t size() const;

private:
    struct Order {
        std::vector<std::vector<unsigned>> groups;                 // by priority, highest first
        std::unique_ptr<std::atomic<std::uint32_t>[]> cursors;     // one per group
    };
    void publishOrderLocked(); // REQUIRES m_lock

    Env* m_env;
    mutable std::mutex m_lock;
    std::uint32_t m_nextId = 0;             // GUARDED_BY(m_lock)
    std::atomic<SwapDevice*> m_table[kMaxDevices];
    std::atomic<Order*> m_order{nullptr};
};

} // namespace swaptier::swapfile
