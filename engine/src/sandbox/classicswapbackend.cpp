// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicSwapBackend: the classic swap design (physical locations in page tables, zswap with
// a reserved slot per page, swapoff by page-table walk). See classicswapbackend.h for what it
// models and classicswapdevice.h for the per-device structures.
//
// The life of a swap-out, as the kernel did it before the virtual swap space:
//   1. get_swap_page: a slot on the best device (reserveSlot), swap count 1, owner cgroup in
//      swap_cgroup. No slot anywhere: the page cannot be swapped at all, not even to zswap.
//   2. a zero page: the slot's zero bit is set and nothing is written (swpout_zero);
//   3. else zswap_store: the page goes into the pool and the pool handle into the device's
//      zswap tree under the slot; the slot stays reserved but is never written (zswpout);
//   4. else (pool disabled, or refusing at its limit) swap_writepage writes the slot (pswpout).
// Swap-in finds the backing in the same order: zswap tree, zero bit, the slot's bytes.
//
// Locks (the lock order, such as it is: no lock is ever held while another is taken):
//   - m_availLock (swap_avail_lock) guards the priority order of the devices taking stores
//     and the tier table. reserveSlot copies the order (the devices of the allowed tiers) and
//     requeues the chosen device under it, then drops it before touching any device.
//   - ClassicSwapDevice::m_lock (si->lock), one per device, guards that device's per-slot
//     arrays; taken by the device's own methods only, one device at a time, never across I/O.
//   - the CompressedPool's size-class mutexes, taken inside pool calls made with no lock held.
// The device table (m_devices) and the pool options change only when no operation runs
// (addDevice, swapoff, setPoolOptions), so operations read it without a lock.
#include "sandbox/classicswapbackend.h"

#include "util/cpuclock.h"

#include "sandbox/classicswapentry.h"
#include "util/zeropage.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <ctime>

namespace swaptier::sandbox {
namespace {

constexpr int kMinPriority = -1;
constexpr int kMaxPriority = 32767;

using util::threadCpuNanos;

/// With placement Auto or PoolOnly, "no slot on any device" means the page has nowhere to go.
Error nowhere(Error e, Placement placement) {
    if (placement != Placement::DeviceOnly && (e.code == Errc::NoDevice || e.code == Errc::DeviceFull))
        e.code = Errc::BackendFull;
    return e;
}

} // namespace

Result<std::unique_ptr<SwapBackend>> makeClassicSwapBackend(const EngineOptions& options) {
    const PoolOptions& p = options.pool;
    if (p.acceptThresholdPercent < 1 || p.acceptThresholdPercent > 100 || p.maxPagesPerZspage < 1
        || p.maxPagesPerZspage > 16 || p.codec == Codec::Raw)
        return Error::of(Errc::InvalidArgument);
    auto backend = std::make_unique<ClassicSwapBackend>(options);
    if (Status st = backend->setPoolOptions(p); !st)
        return st.error();
    return std::unique_ptr<SwapBackend>(std::move(backend));
}

ClassicSwapBackend::ClassicSwapBackend(const EngineOptions& options)
    : m_options(options), m_env(options.env ? options.env : Env::posix()), m_pool(options.pool),
      m_poolEnabled(options.pool.enabled) {}

ClassicSwapBackend::~ClassicSwapBackend() = default; // devices close (and remove their files if asked)

// --- devices ------------------------------------------------------------------------------

ClassicSwapDevice* ClassicSwapBackend::deviceAt(unsigned index) const {
    return index < m_devices.size() ? m_devices[index].get() : nullptr;
}

Result<ClassicSwapDevice*> ClassicSwapBackend::resolve(std::uint64_t value) const {
    if (ClassicEntry::malformed(value))
        return Error::of(Errc::InvalidArgument).at(SlotId{value});
    const unsigned index = ClassicEntry::device(value);
    ClassicSwapDevice* dev = deviceAt(index);
    if (!dev)
        return Error::of(Errc::UnknownDevice).on(DeviceId{index}).at(SlotId{value});
    return dev;
}

Status ClassicSwapBackend::setTiers(const std::vector<TierSpec>& tiers) {
    auto table = TierTable::make(tiers);
    if (!table)
        return table.error();
    std::lock_guard lock(m_availLock);
    for (const auto& dev : m_devices) {
        if (!dev)
            continue;
        const std::string& name = tierNameLocked(*dev);
        if (!table->indexOf(name))
            return Error::of(Errc::Busy).on(DeviceId{dev->index()}).file(name);
    }
    m_tiers = std::move(*table);
    return {};
}

const std::string& ClassicSwapBackend::tierNameLocked(const ClassicSwapDevice& dev) const {
    return m_tiers.spec(m_tiers.tierOf(dev.priority())).name;
}

Status ClassicSwapBackend::addDevice(const DeviceOptions& options) {
    const auto index = unsigned(m_devices.size());
    for (const auto& dev : m_devices)
        if (dev && dev->path() == options.path)
            return Error::of(Errc::Exists).on(DeviceId{index}).file(options.path);
    auto dev = ClassicSwapDevice::open(m_env, index, options);
    if (!dev)
        return dev.error();
    m_devices.push_back(std::move(dev).value());
    m_paths.push_back(options.path);
    m_removedTraffic.emplace_back(0, 0);
    std::lock_guard lock(m_availLock);
    m_avail.push_back(index);
    sortAvailLocked();
    return {};
}

std::size_t ClassicSwapBackend::deviceCount() const { return m_devices.size(); }

void ClassicSwapBackend::sortAvailLocked() {
    // Stable: equal priorities keep their current (round-robin) order.
    std::stable_sort(m_avail.begin(), m_avail.end(),
                     [this](unsigned a, unsigned b) { return deviceAt(a)->priority() > deviceAt(b)->priority(); });
}

Result<ClassicSwapBackend::Reserved> ClassicSwapBackend::reserveSlot(CgroupId cgroup, std::uint32_t shadow,
                                                                     bool zero, std::uint32_t allowedTiers) {
    std::array<unsigned, ClassicEntry::kMaxDevices> order{};
    std::size_t n = 0;
    std::size_t start = 0;
    {
        std::lock_guard lock(m_availLock);
        const std::size_t tiers = m_tiers.size();
        const std::uint32_t everyTier = tiers >= 32 ? kAllTiers : (std::uint32_t{1} << tiers) - 1;
        const bool filter = (allowedTiers & everyTier) != everyTier;
        for (unsigned index : m_avail)
            if (!filter || (allowedTiers >> m_tiers.tierOf(deviceAt(index)->priority()) & 1u))
                order[n++] = index;
        while (start < n && deviceAt(order[start])->fullHint())
            ++start;
        if (start < n) {
            // plist_requeue: the chosen device goes behind the others of its priority (which
            // share its tier, so the filter does not split the group).
            const auto pos = std::size_t(std::find(m_avail.begin(), m_avail.end(), order[start]) - m_avail.begin());
            const int prio = deviceAt(m_avail[pos])->priority();
            std::size_t end = pos + 1;
            while (end < m_avail.size() && deviceAt(m_avail[end])->priority() == prio)
                ++end;
            std::rotate(m_avail.begin() + std::ptrdiff_t(pos), m_avail.begin() + std::ptrdiff_t(pos) + 1,
                        m_avail.begin() + std::ptrdiff_t(end));
        }
    }
    if (n == 0)
        return Error::of(Errc::NoDevice);
    // Devices before `start` looked full: try them last in case a slot was freed meanwhile.
    Error last = Error::of(Errc::DeviceFull);
    for (std::size_t k = 0; k < n; ++k) {
        ClassicSwapDevice* dev = deviceAt(order[(start + k) % n]);
        auto slot = dev->reserve(cgroup, shadow, zero);
        if (slot)
            return Reserved{dev, *slot};
        last = slot.error();
    }
    return last;
}

// --- entries ------------------------------------------------------------------------------

Result<std::uint64_t> ClassicSwapBackend::swapOut(ConstPage page, CgroupId cgroup, const StoreOptions& options) {
    constexpr auto r = std::memory_order_relaxed;
    const Placement placement = options.placement;
    if (placement == Placement::Memory)
        return Error::of(Errc::InvalidArgument); // no in-memory backing without a virtual layer
    const std::uint32_t shadow = options.shadow & ((1u << kShadowBits) - 1);

    if (m_options.detectZeroPages && util::isZeroPage(page.data())) {
        auto res = reserveSlot(cgroup, shadow, true, options.allowedTiers);
        if (!res)
            return nowhere(res.error(), placement);
        m_events.swapOuts.fetch_add(1, r);
        m_events.swpoutZero.fetch_add(1, r);
        return ClassicEntry::make(res->device->index(), res->slot);
    }

    const bool poolOn = m_poolEnabled.load(std::memory_order_acquire);
    if (placement == Placement::PoolOnly && !poolOn)
        return Error::of(Errc::BackendFull);
    auto res = reserveSlot(cgroup, shadow, false, options.allowedTiers);
    if (!res)
        return nowhere(res.error(), placement);
    ClassicSwapDevice& dev = *res->device;
    const std::uint64_t slot = res->slot;
    const std::uint64_t value = ClassicEntry::make(dev.index(), slot);

    if (placement == Placement::PoolOnly || (placement == Placement::Auto && poolOn)) {
        auto handle = m_pool.store(page.data());
        if (handle) {
            ClassicZswapEntry entry;
            entry.handle = *handle;
            entry.seq = m_zswapSeq.fetch_add(1, r);
            entry.storedNanos = m_env->nowNanos();
            dev.commitPool(slot, entry);
            m_events.zswpout.fetch_add(1, r);
            m_events.swapOuts.fetch_add(1, r);
            return value;
        }
        if (handle.code() == Errc::PoolLimit)
            m_events.poolRejects.fetch_add(1, r);
        if (placement == Placement::PoolOnly) {
            dev.cancel(slot);
            Error e = handle.code() == Errc::PoolLimit ? handle.error() : Error::of(Errc::BackendFull);
            return e.on(DeviceId{dev.index()});
        }
        // zswap refused: the page is written to the slot it already holds.
    }
    if (Status st = dev.writeAndCommit(slot, page.data()); !st) {
        m_events.ioErrors.fetch_add(1, r);
        return st.error();
    }
    m_events.pswpout.fetch_add(1, r);
    m_events.swapOuts.fetch_add(1, r);
    return value;
}

Result<LoadInfo> ClassicSwapBackend::swapIn(std::uint64_t value, MutablePage out) {
    constexpr auto r = std::memory_order_relaxed;
    auto dev = resolve(value);
    if (!dev)
        return dev.error();
    const std::uint64_t slot = ClassicEntry::slot(value);
    auto view = (*dev)->view(slot);
    if (!view)
        return view.error();
    LoadInfo info;
    info.hadShadow = view->hasShadow;
    info.shadow = view->shadow;
    if (view->inPool) {
        if (Status st = m_pool.load(view->handle, out.data()); !st) {
            if (st.code() == Errc::CorruptData)
                m_events.corruptions.fetch_add(1, r);
            return Error(st.error()).on(DeviceId{(*dev)->index()}).at(SlotId{value});
        }
        info.from = Backend::Pool;
        m_events.zswpin.fetch_add(1, r);
    } else if (view->zero) {
        std::memset(out.data(), 0, kPageSize);
        info.from = Backend::Zero;
        m_events.swpinZero.fetch_add(1, r);
    } else {
        if (Status st = (*dev)->read(slot, out.data()); !st) {
            m_events.ioErrors.fetch_add(1, r);
            return st.error();
        }
        info.from = Backend::Device;
        m_events.pswpin.fetch_add(1, r);
    }
    m_events.swapIns.fetch_add(1, r);
    return info;
}

Status ClassicSwapBackend::duplicate(std::uint64_t value) {
    auto dev = resolve(value);
    if (!dev)
        return dev.error();
    if (Status st = (*dev)->duplicate(ClassicEntry::slot(value)); !st)
        return st;
    m_events.duplicates.fetch_add(1, std::memory_order_relaxed);
    return {};
}

Status ClassicSwapBackend::put(std::uint64_t value) {
    auto dev = resolve(value);
    if (!dev)
        return dev.error();
    auto res = (*dev)->put(ClassicEntry::slot(value));
    if (!res)
        return res.error();
    if (res->inPool)
        m_pool.free(res->handle); // no lock held: the slot is already free
    m_events.puts.fetch_add(1, std::memory_order_relaxed);
    if (res->freed)
        m_events.frees.fetch_add(1, std::memory_order_relaxed);
    return {};
}

// --- swapoff and configuration ------------------------------------------------------------

Result<SwapoffFigures> ClassicSwapBackend::swapoff(int device, PageTableWalker& walker) {
    const std::uint64_t wall0 = m_env->nowNanos();
    const std::uint64_t cpu0 = threadCpuNanos();
    ClassicSwapDevice* dev = device >= 0 ? deviceAt(unsigned(device)) : nullptr;
    if (!dev)
        return Error::of(Errc::UnknownDevice).on(DeviceId{unsigned(device)});
    const unsigned index = dev->index();

    // The device takes no more stores (del_from_avail_list).
    dev->setDraining(true);
    {
        std::lock_guard lock(m_availLock);
        m_avail.erase(std::remove(m_avail.begin(), m_avail.end(), index), m_avail.end());
    }
    auto restore = [&] {
        dev->setDraining(false);
        std::lock_guard lock(m_availLock);
        m_avail.push_back(index);
        sortAvailLocked();
    };

    SwapoffFigures f;
    f.device = device;
    f.entries = dev->usedSlots();
    f.mappedPages = walker.mappedPages();
    // try_to_unuse: every page-table entry of every process is looked at.
    auto visited = walker.walkAndFaultIn(
        [index](std::uint64_t value) { return !ClassicEntry::malformed(value) && ClassicEntry::device(value) == index; });
    if (!visited) {
        restore();
        return visited.error();
    }
    f.ptesVisited = *visited;
    if (dev->usedSlots() != 0) {
        // A slot is referenced from outside the page tables walked: the device must stay.
        restore();
        return Error::of(Errc::Busy).on(DeviceId{index}).file(dev->path());
    }
    const DeviceStats last = dev->stats();
    m_removedTraffic[index] = {last.reads, last.writes};
    Status closed = dev->close();
    m_devices[index].reset();
    f.nanos = m_env->nowNanos() - wall0;
    f.cpuNanos = threadCpuNanos() - cpu0;
    if (!closed)
        return closed.error();
    return f;
}

Status ClassicSwapBackend::setDevicePriority(int device, int priority) {
    if (priority < kMinPriority || priority > kMaxPriority)
        return Error::of(Errc::InvalidArgument).on(DeviceId{unsigned(device)});
    ClassicSwapDevice* dev = device >= 0 ? deviceAt(unsigned(device)) : nullptr;
    if (!dev)
        return Error::of(Errc::UnknownDevice).on(DeviceId{unsigned(device)});
    dev->setPriority(priority);
    std::lock_guard lock(m_availLock);
    sortAvailLocked();
    return {};
}

Status ClassicSwapBackend::setPoolOptions(const PoolOptions& options) {
    if (Status st = m_pool.setOptions(options); !st)
        return st;
    m_poolEnabled.store(options.enabled, std::memory_order_release);
    return {};
}

// --- figures ------------------------------------------------------------------------------

ClassicSwapBackend::Totals ClassicSwapBackend::totals() const {
    Totals t;
    t.devices.resize(m_devices.size());
    for (std::size_t i = 0; i < m_devices.size(); ++i) {
        if (!m_devices[i])
            continue;
        ClassicDeviceUsage u = m_devices[i]->usage();
        t.usedSlots += u.usedSlots;
        t.zeroEntries += u.zeroEntries;
        t.poolEntries += u.poolEntries;
        t.poolBytes += u.poolBytes;
        t.deviceEntries += u.deviceEntries;
        t.continuedCounts += u.continuedCounts;
        t.metadataBytes += u.metadataBytes;
        if (t.cgroups.size() < u.cgroups.size()) {
            t.cgroups.resize(u.cgroups.size());
            t.cgroupDevices.resize(u.cgroups.size(), std::vector<std::uint64_t>(m_devices.size(), 0));
        }
        for (std::size_t cg = 0; cg < u.cgroups.size(); ++cg) {
            for (std::size_t b = 0; b < kBackendCount; ++b)
                t.cgroups[cg].entries[b] += u.cgroups[cg].entries[b];
            t.cgroups[cg].poolBytes += u.cgroups[cg].poolBytes;
            t.cgroupDevices[cg][i] = u.cgroups[cg].entries[std::size_t(Backend::Device)];
        }
        t.devices[i] = std::move(u);
    }
    return t;
}

BackendSnapshot ClassicSwapBackend::snapshot() const {
    constexpr auto r = std::memory_order_relaxed;
    const Totals t = totals();
    BackendSnapshot s;
    const auto place = [&s](const char* name, Backend backend, std::uint64_t entries, std::uint64_t storedBytes,
                            std::uint64_t capacityBytes, std::uint64_t pagesIn, std::uint64_t pagesOut) {
        TierUsage tier;
        tier.name = name;
        tier.backend = backend;
        tier.entries = entries;
        tier.originalBytes = entries * kPageSize;
        tier.storedBytes = storedBytes;
        tier.capacityBytes = capacityBytes;
        tier.pagesIn = pagesIn;
        tier.pagesOut = pagesOut;
        s.tiers.push_back(std::move(tier));
    };
    place("zero", Backend::Zero, t.zeroEntries, 0, 0, m_events.swpinZero.load(r), m_events.swpoutZero.load(r));
    // Pages leave the pool by swap-in or by writeback (swapoff and policy walks fault them in).
    place("pool", Backend::Pool, t.poolEntries, t.poolBytes, m_pool.options().limitBytes,
          m_events.zswpin.load(r) + m_events.zswpwb.load(r), m_events.zswpout.load(r));
    place("memory", Backend::Memory, 0, 0, 0, 0, 0);
    {
        std::lock_guard lock(m_availLock); // tier names; no other lock is taken under it
        for (std::size_t i = 0; i < m_paths.size(); ++i) {
            TierUsage tier;
            tier.name = m_paths[i];
            tier.path = m_paths[i];
            tier.backend = Backend::Device;
            tier.device = int(i);
            if (const ClassicSwapDevice* dev = m_devices[i].get()) {
                tier.tier = tierNameLocked(*dev);
                const ClassicDeviceUsage& u = t.devices[i];
                tier.entries = u.deviceEntries;
                tier.originalBytes = u.deviceEntries * kPageSize;
                tier.storedBytes = u.usedSlots * kPageSize; // zero and zswap pages hold a slot too
                tier.capacityBytes = dev->totalSlots() * kPageSize;
                tier.pagesIn = u.pagesRead;
                tier.pagesOut = u.pagesWritten;
            } else {
                tier.swappedOff = true;
                tier.pagesIn = m_removedTraffic[i].first;
                tier.pagesOut = m_removedTraffic[i].second;
            }
            s.tiers.push_back(std::move(tier));
        }
    }
    s.cgroupEntries.resize(t.cgroups.size());
    s.cgroupPoolBytes.resize(t.cgroups.size());
    for (std::size_t cg = 0; cg < t.cgroups.size(); ++cg) {
        s.cgroupEntries[cg] = t.cgroups[cg].entries;
        s.cgroupPoolBytes[cg] = t.cgroups[cg].poolBytes;
    }
    s.cgroupDeviceEntries = t.cgroupDevices;
    s.metadataBytes = t.metadataBytes + m_pool.stats().metadataBytes;
    s.diskReservedBytes = t.usedSlots * kPageSize;
    s.pagesWritten = m_events.pswpout.load(std::memory_order_relaxed);
    s.pagesRead = m_events.pswpin.load(std::memory_order_relaxed);
    s.poolWritebacks = m_events.zswpwb.load(std::memory_order_relaxed); // writebackEntry(): every pool -> slot write
    s.liveEntries = t.usedSlots;
    return s;
}

EngineStats ClassicSwapBackend::engineStats() const {
    constexpr auto r = std::memory_order_relaxed;
    const Totals t = totals();
    EngineStats s;
    s.backends[std::size_t(Backend::Zero)] = BackendUsage{t.zeroEntries, t.zeroEntries * kPageSize, 0};
    s.backends[std::size_t(Backend::Pool)] = BackendUsage{t.poolEntries, t.poolEntries * kPageSize, t.poolBytes};
    s.backends[std::size_t(Backend::Device)] =
        BackendUsage{t.deviceEntries, t.deviceEntries * kPageSize, t.deviceEntries * kPageSize};

    EventCounters& ev = s.events;
    ev.swapOuts = m_events.swapOuts.load(r);
    ev.swapIns = m_events.swapIns.load(r);
    ev.swpoutZero = m_events.swpoutZero.load(r);
    ev.swpinZero = m_events.swpinZero.load(r);
    ev.zswpout = m_events.zswpout.load(r);
    ev.zswpin = m_events.zswpin.load(r);
    ev.pswpout = m_events.pswpout.load(r);
    ev.pswpin = m_events.pswpin.load(r);
    ev.duplicates = m_events.duplicates.load(r);
    ev.puts = m_events.puts.load(r);
    ev.frees = m_events.frees.load(r);
    ev.zswpwb = m_events.zswpwb.load(r);
    ev.writebackWrites = m_events.writebackWrites.load(r);
    ev.moves = m_events.moves.load(r);
    ev.recompressions = m_events.recompressions.load(r);
    ev.poolRejects = m_events.poolRejects.load(r);
    ev.ioErrors = m_events.ioErrors.load(r);
    ev.corruptions = m_events.corruptions.load(r);
    // Traffic per place, as the tier rows of snapshot() count it.
    ev.storedTo[std::size_t(Backend::Zero)] = ev.swpoutZero;
    ev.storedTo[std::size_t(Backend::Pool)] = ev.zswpout;
    ev.storedTo[std::size_t(Backend::Device)] = ev.pswpout;
    ev.loadedFrom[std::size_t(Backend::Zero)] = ev.swpinZero;
    ev.loadedFrom[std::size_t(Backend::Pool)] = ev.zswpin + ev.zswpwb;
    for (std::size_t i = 0; i < m_devices.size(); ++i)
        ev.loadedFrom[std::size_t(Backend::Device)] +=
            m_devices[i] ? t.devices[i].pagesRead : m_removedTraffic[i].first;

    for (std::size_t cg = 0; cg < t.cgroups.size(); ++cg) {
        const ClassicCgroupUsage& u = t.cgroups[cg];
        if (u.entries == std::array<std::uint64_t, kBackendCount>{})
            continue;
        CgroupStats c;
        c.id = CgroupId{std::uint16_t(cg)};
        for (std::size_t b = 0; b < kBackendCount; ++b)
            c.backends[b] = BackendUsage{u.entries[b], u.entries[b] * kPageSize,
                                         b == std::size_t(Backend::Pool)     ? u.poolBytes
                                         : b == std::size_t(Backend::Device) ? u.entries[b] * kPageSize
                                                                             : 0};
        // By config index, which is also the classic DeviceStats::index; up to the last non-zero.
        const std::vector<std::uint64_t>& byDevice = t.cgroupDevices[cg];
        std::size_t devices = byDevice.size();
        while (devices > 0 && byDevice[devices - 1] == 0)
            --devices;
        c.deviceEntries.assign(byDevice.begin(), byDevice.begin() + std::ptrdiff_t(devices));
        s.cgroups.push_back(c);
    }

    // The classic "slot table" is the devices' swap_map and friends.
    s.slotTable.liveEntries = t.usedSlots;
    s.slotTable.clusters = 0;
    s.slotTable.metadataBytes = t.metadataBytes;
    s.slotTable.overflowCounts = t.continuedCounts;
    s.pool = m_pool.stats();
    for (const auto& dev : m_devices)
        if (dev)
            s.devices.push_back(dev->stats());
    return s;
}

} // namespace swaptier::sandbox
