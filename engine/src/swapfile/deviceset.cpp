// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceSet: device table and priority order. See deviceset.h.
#include "swapfile/deviceset.h"

#include "util/epoch.h"

#include <algorithm>
#include <cassert>
#include <map>

namespace swaptier::swapfile {

DeviceSet::DeviceSet(Env* env) : m_env(env), m_tiers(std::make_shared<const TierTable>(TierTable::defaults())) {
    for (auto& d : m_table)
        d.store(nullptr, std::memory_order_relaxed);
    std::lock_guard lock(m_lock);
    publishOrderLocked(); // readers always find a snapshot, and in it a tier table
}

DeviceSet::~DeviceSet() {
    util::Epoch::global().barrier();
    for (auto& d : m_table)
        delete d.load(std::memory_order_relaxed); // closes; removes the file if asked at add time
    delete m_order.load(std::memory_order_relaxed);
}

Result<DeviceId> DeviceSet::add(const DeviceOptions& options) {
    if (options.priority < kMinSwapPriority || options.priority > kMaxSwapPriority)
        return Error::of(Errc::InvalidArgument).file(options.path);
    std::unique_lock lock(m_lock);
    unsigned index = kMaxDevices;
    for (unsigned i = 0; i < kMaxDevices; ++i) {
        if (!m_table[i].load(std::memory_order_relaxed)) {
            index = i;
            break;
        }
    }
    if (index == kMaxDevices)
        return Error::of(Errc::InvalidArgument).file(options.path);
    for (const auto& d : m_table) {
        SwapDevice* dev = d.load(std::memory_order_relaxed);
        if (dev && dev->path() == options.path)
            return Error::of(Errc::Exists).file(options.path);
    }
    const DeviceId id{m_nextId};
    auto device = SwapDevice::open(m_env, id, options);
    if (!device)
        return device.error();
    ++m_nextId;
    m_table[index].store(device->release(), std::memory_order_release);
    publishOrderLocked();
    return id;
}

Status DeviceSet::remove(DeviceId id, bool removeFile) {
    SwapDevice* dev = nullptr;
    {
        std::lock_guard lock(m_lock);
        for (auto& d : m_table) {
            SwapDevice* candidate = d.load(std::memory_order_relaxed);
            if (candidate && candidate->id() == id) {
                dev = candidate;
                d.store(nullptr, std::memory_order_release);
                break;
            }
        }
        if (!dev)
            return Error::of(Errc::UnknownDevice).on(id);
        publishOrderLocked();
    }
    util::Epoch::global().barrier(); // no reader holds `dev` after this
    Status st = dev->close(removeFile);
    delete dev;
    return st;
}

Status DeviceSet::setPriority(DeviceId id, int priority) {
    if (priority < kMinSwapPriority || priority > kMaxSwapPriority)
        return Error::of(Errc::InvalidArgument).on(id);
    std::lock_guard lock(m_lock);
    for (auto& d : m_table) {
        SwapDevice* dev = d.load(std::memory_order_relaxed);
        if (dev && dev->id() == id) {
            dev->setPriority(priority);
            publishOrderLocked();
            return {};
        }
    }
    return Error::of(Errc::UnknownDevice).on(id);
}

Status DeviceSet::setTiers(TierTable table) {
    std::lock_guard lock(m_lock);
    for (const auto& d : m_table) {
        const SwapDevice* dev = d.load(std::memory_order_relaxed);
        if (!dev)
            continue;
        const std::string& name = m_tiers->spec(m_tiers->tierOf(dev->priority())).name;
        if (!table.indexOf(name))
            return Error::of(Errc::Busy).on(dev->id()).file(name);
    }
    m_tiers = std::make_shared<const TierTable>(std::move(table));
    ++m_tierGeneration;
    publishOrderLocked();
    return {};
}

TierTable DeviceSet::tiers() const {
    std::lock_guard lock(m_lock);
    return *m_tiers;
}

DeviceSet::TierView DeviceSet::tierView() const {
    assert(util::Epoch::global().inCriticalSection());
    const Order* order = m_order.load(std::memory_order_acquire);
    return TierView{order->tiers, order->tierGeneration};
}

std::size_t DeviceSet::tierOfIndex(unsigned index) const {
    assert(util::Epoch::global().inCriticalSection());
    return m_order.load(std::memory_order_acquire)->deviceTier[index];
}

Result<unsigned> DeviceSet::indexOf(DeviceId id) const {
    for (unsigned i = 0; i < kMaxDevices; ++i) {
        SwapDevice* dev = m_table[i].load(std::memory_order_acquire);
        if (dev && dev->id() == id)
            return i;
    }
    return Error::of(Errc::UnknownDevice).on(id);
}

void DeviceSet::publishOrderLocked() {
    std::map<int, std::vector<unsigned>, std::greater<>> byPriority;
    for (unsigned i = 0; i < kMaxDevices; ++i)
        if (SwapDevice* dev = m_table[i].load(std::memory_order_relaxed))
            byPriority[dev->priority()].push_back(i);
    auto* order = new Order;
    order->tiers = m_tiers;
    order->tierGeneration = m_tierGeneration;
    for (auto& [prio, indexes] : byPriority) {
        const auto tier = std::uint8_t(m_tiers->tierOf(prio));
        for (unsigned index : indexes)
            order->deviceTier[index] = tier;
        order->groups.push_back(std::move(indexes));
        order->groupTier.push_back(tier);
    }
    order->cursors = std::make_unique<std::atomic<std::uint32_t>[]>(order->groups.size());
    for (std::size_t g = 0; g < order->groups.size(); ++g)
        order->cursors[g].store(0, std::memory_order_relaxed);
    if (Order* old = m_order.exchange(order, std::memory_order_acq_rel))
        util::Epoch::global().retire(old, [](void* p) { delete static_cast<Order*>(p); });
}

template <typename T, typename Write>
Result<T> DeviceSet::place(DeviceId only, DeviceId exclude, TierMask mask, Write&& write) {
    assert(util::Epoch::global().inCriticalSection()); // the order below is freed once retired
    const Order* order = m_order.load(std::memory_order_acquire);
    if (mask.generation != 0 && mask.generation != order->tierGeneration)
        return Error::of(Errc::Busy).file("tiers"); // the mask was computed for another table
    bool candidate = false;
    bool onlyInOtherTier = false; // `only` is live but its tier is not allowed
    Error last = Error::of(Errc::DeviceFull);
    for (std::size_t g = 0; g < order->groups.size(); ++g) {
        const auto& group = order->groups[g];
        if (!(mask.bits >> order->groupTier[g] & 1u)) {
            if (only.valid() && !onlyInOtherTier)
                onlyInOtherTier = std::any_of(group.begin(), group.end(), [&](unsigned index) {
                    const SwapDevice* dev = byIndex(index);
                    return dev && dev->id() == only;
                });
            continue;
        }
        const std::size_t n = group.size();
        const std::size_t start = order->cursors[g].fetch_add(1, std::memory_order_relaxed) % n;
        for (std::size_t k = 0; k < n; ++k) {
            const unsigned index = group[(start + k) % n];
            SwapDevice* dev = byIndex(index);
            if (!dev || (only.valid() && dev->id() != only) || (exclude.valid() && dev->id() == exclude))
                continue;
            candidate = true;
            if (dev->draining() || dev->full())
                continue;
            Result<T> placed = write(index, *dev);
            if (placed)
                return placed;
            if (placed.code() != Errc::DeviceFull)
                last = placed.error();
        }
    }
    if (!candidate)
        return only.valid() && !onlyInOtherTier ? Error::of(Errc::UnknownDevice).on(only) : Error::of(Errc::NoDevice);
    return last;
}

Result<DeviceSet::Placed> DeviceSet::store(const std::byte* page, SlotId owner, DeviceId only, DeviceId exclude,
                                           std::uint32_t allowedTiers) {
    return store(page, owner, only, exclude, TierMask{allowedTiers, 0});
}

Result<DeviceSet::Placed> DeviceSet::store(const std::byte* page, SlotId owner, DeviceId only, DeviceId exclude,
                                           TierMask mask) {
    return place<Placed>(only, exclude, mask, [&](unsigned index, SwapDevice& dev) -> Result<Placed> {
        auto slot = dev.store(page, owner);
        if (!slot)
            return slot.error();
        return Placed{index, *slot};
    });
}

Result<DeviceSet::PlacedRun> DeviceSet::storeRun(std::span<const SwapDevice::RunPage> pages, DeviceId exclude,
                                                 TierMask mask) {
    if (pages.empty())
        return Error::of(Errc::InvalidArgument);
    return place<PlacedRun>({}, exclude, mask, [&](unsigned index, SwapDevice& dev) -> Result<PlacedRun> {
        auto run = dev.storeRun(pages);
        if (!run)
            return run.error();
        return PlacedRun{index, run->firstSlot, run->count};
    });
}

void DeviceSet::trim() {
    util::EpochGuard guard;
    for (const auto& d : m_table)
        if (SwapDevice* dev = d.load(std::memory_order_acquire))
            dev->trim();
}

DeviceSet::Stats DeviceSet::stats() const {
    util::EpochGuard guard;
    Stats out;
    // One table for the whole snapshot; a device's tier follows from the priority it reports.
    const TierTable& table = *m_order.load(std::memory_order_acquire)->tiers;
    for (const TierSpec& spec : table.specs()) {
        TierStats t;
        t.name = spec.name;
        t.minPriority = spec.minPriority;
        t.maxPriority = spec.maxPriority;
        out.tiers.push_back(std::move(t));
    }
    for (unsigned index = 0; index < kMaxDevices; ++index) {
        if (SwapDevice* dev = m_table[index].load(std::memory_order_acquire)) {
            DeviceStats ds = dev->stats();
            ds.index = index;
            TierStats& tier = out.tiers[table.tierOf(ds.priority)];
            ds.tier = tier.name;
            ++tier.devices;
            tier.usedSlots += ds.usedSlots;
            tier.totalSlots += ds.totalSlots;
            tier.reads += ds.reads;
            tier.writes += ds.writes;
            tier.writeCalls += dev->writeCalls();
            out.devices.push_back(std::move(ds));
        }
    }
    std::sort(out.devices.begin(), out.devices.end(), [](const DeviceStats& a, const DeviceStats& b) {
        return a.priority != b.priority ? a.priority > b.priority : a.id < b.id;
    });
    return out;
}

std::size_t DeviceSet::size() const {
    std::size_t n = 0;
    for (const auto& d : m_table)
        if (d.load(std::memory_order_acquire))
            ++n;
    return n;
}

} // namespace swaptier::swapfile
