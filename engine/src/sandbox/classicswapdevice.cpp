// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicSwapDevice: the swap_info_struct of the classic design. See classicswapdevice.h.
//
// Allocation: the kernel's per-CPU cluster scheme with thread slots for CPUs, everything
// under the one device lock (si->lock), as the kernel did from 4.x until per-cluster locks:
//   1. the calling thread slot's current cluster: the first free slot at or after its scan
//      position (then wrapping round the cluster);
//   2. else the head of the nonfull list, else of the free list, becomes its current cluster;
//   3. else any cluster with a free slot that is not being discarded (another thread's
//      current cluster), by a linear scan: the kernel's scan_swap_map fallback, so a device
//      never reports full while a slot is free.
// Cluster states (ClusterInfo::state):
//   Free        no used slot; on the free list
//   Current     some thread slot's allocation cluster (any fill level); on no list
//   Nonfull     some used slots, no owner; on the nonfull list
//   Full        every slot used; on no list
//   Discarding  wholly free, its blocks being punched with the lock dropped; on no list
// A Current cluster that fills up becomes Full; a Full one whose slot is freed becomes
// Nonfull; a Nonfull or Full one whose last slot is freed becomes Free (or Discarding first,
// with discard on). A Current cluster keeps its state when slots are freed: its thread keeps
// filling it. A thread slot whose cluster is no longer Current simply drops it.
//
// Locks: m_lock (si->lock) is the only lock and a leaf: no other lock is taken while it is
// held, and it is never held across file I/O (write, read, punch) or allocation of the file.
#include "sandbox/classicswapdevice.h"

#include "env/oserror.h"
#include "sandbox/classicswapentry.h"
#include "swapfile/swapfilesetup.h"
#include "swapfile/swapheader.h"
#include "util/threadslot.h"

#include <algorithm>
#include <cerrno>
#include <new>
#include <span>

namespace swaptier::sandbox {
namespace {

using env::kNoOffset;
using swapfile::deviceError;
using swapfile::slotOffset;

constexpr std::uint32_t kNone = ~std::uint32_t{0};
constexpr std::uint64_t kNoSlot = ~std::uint64_t{0};
constexpr int kMinPriority = -1;
constexpr int kMaxPriority = 32767;

/// swap_map encoding: 0 = free, 1..kSwapMapMax = the swap count, kCountContinued = the count
/// is above kSwapMapMax and lives in the continuation table (the kernel's SWAP_MAP_MAX and
/// COUNT_CONTINUED; the kernel chains continuation pages, we keep the whole count in a map).
constexpr std::uint8_t kSwapMapMax = 0x3e;
constexpr std::uint8_t kCountContinued = 0x80;

enum ClusterState : std::uint8_t { Free, Current, Nonfull, Full, Discarding };

} // namespace

// --- creation and teardown ----------------------------------------------------------------

ClassicSwapDevice::ClassicSwapDevice(Env* env, unsigned index, const DeviceOptions& options, std::uint64_t slots)
    : m_env(env), m_index(index), m_options(options), m_totalSlots(slots),
      m_clusterCount(std::uint32_t((slots + kClassicClusterSlots - 1) / kClassicClusterSlots)),
      m_swapMap(slots, 0), m_swapCgroup(slots, 0), m_zeroMap((slots + 63) / 64, 0), m_clusters(m_clusterCount),
      m_freeClusters{kNone, kNone, 0}, m_nonfullClusters{kNone, kNone, 0},
      m_threadClusters(util::kMaxThreadSlots, ThreadCluster{kNone, 0}),
      m_zswapTree(0, std::hash<std::uint64_t>{}, std::equal_to<std::uint64_t>{},
                  CountingAllocator<std::pair<const std::uint64_t, ClassicZswapEntry>>(&m_sideTableBytes)),
      m_shadows(0, std::hash<std::uint64_t>{}, std::equal_to<std::uint64_t>{},
                CountingAllocator<std::pair<const std::uint64_t, std::uint32_t>>(&m_sideTableBytes)),
      m_continuedCounts(0, std::hash<std::uint64_t>{}, std::equal_to<std::uint64_t>{},
                        CountingAllocator<std::pair<const std::uint64_t, std::uint64_t>>(&m_sideTableBytes)),
      m_discard(options.discard), m_priority(options.priority) {
    for (std::uint32_t c = 0; c < m_clusterCount; ++c) {
        m_clusters[c] = ClusterInfo{kNone, kNone, 0, Free, 0};
        listPushLocked(m_freeClusters, c);
    }
}

ClassicSwapDevice::~ClassicSwapDevice() { static_cast<void>(close()); }

Result<std::unique_ptr<ClassicSwapDevice>> ClassicSwapDevice::open(Env* env, unsigned index,
                                                                   const DeviceOptions& options) {
    if (!env)
        env = Env::posix();
    const std::uint64_t slots = options.sizeBytes / kPageSize;
    if (index >= ClassicEntry::kMaxDevices || options.path.empty() || slots == 0 || slots > ClassicEntry::kMaxSlots
        || options.priority < kMinPriority || options.priority > kMaxPriority)
        return deviceError(Errc::InvalidArgument, DeviceId{index}, options.path);

    // swapon allocates swap_map and swap_cgroup for the whole device before touching the file.
    std::unique_ptr<ClassicSwapDevice> dev;
    try {
        dev.reset(new ClassicSwapDevice(env, index, options, slots));
    } catch (const std::bad_alloc&) {
        return deviceError(Errc::InvalidArgument, DeviceId{index}, options.path).os(ENOMEM);
    }

    auto file = swapfile::openSwapfile(env, DeviceId{index}, options, slots, kClassicClusterSlots);
    if (!file)
        return file.error();
    dev->m_directIo = (*file)->directIo();
    dev->m_file = std::move(file).value();
    return dev;
}

Status ClassicSwapDevice::close() {
    if (m_closed.exchange(true, std::memory_order_acq_rel))
        return {};
    // Only a file this device set up is ever removed (never one open() refused).
    const bool ownsFile = m_file != nullptr;
    m_file.reset();
    {
        // swapoff frees the per-slot arrays with the device.
        std::lock_guard lock(m_lock);
        std::vector<std::uint8_t>().swap(m_swapMap);
        std::vector<std::uint16_t>().swap(m_swapCgroup);
        std::vector<std::uint64_t>().swap(m_zeroMap);
        std::vector<ClusterInfo>().swap(m_clusters);
        std::vector<ThreadCluster>().swap(m_threadClusters);
        m_zswapTree.clear();
        m_zswapTree.rehash(0);
        m_shadows.clear();
        m_shadows.rehash(0);
        m_continuedCounts.clear();
        m_continuedCounts.rehash(0);
    }
    if (ownsFile && m_options.removeFileOnClose)
        if (Status s = m_env->remove(m_options.path); !s)
            return Error(s.error()).on(DeviceId{m_index});
    return {};
}

// --- errors -------------------------------------------------------------------------------

Error ClassicSwapDevice::decorate(Error e, std::uint64_t slot, std::uint64_t offset) const {
    e.on(DeviceId{m_index});
    if (slot != kNoSlot)
        e.at(SlotId{ClassicEntry::make(m_index, slot)});
    e.file(m_options.path, offset);
    return e;
}

Error ClassicSwapDevice::error(Errc code, std::uint64_t slot, std::uint64_t offset) const {
    return decorate(Error::of(code), slot, offset);
}

Status ClassicSwapDevice::checkSlotLocked(std::uint64_t slot) const {
    if (slot >= m_swapMap.size())
        return error(Errc::UnknownSlot, slot, kNoOffset);
    if (m_swapMap[slot] == 0)
        return error(Errc::FreedSlot, slot, slotOffset(slot));
    return {};
}

// --- swap counts --------------------------------------------------------------------------

std::uint64_t ClassicSwapDevice::countLocked(std::uint64_t slot) const {
    const std::uint8_t b = m_swapMap[slot];
    if (b != kCountContinued)
        return b;
    return m_continuedCounts.at(slot);
}

void ClassicSwapDevice::setCountLocked(std::uint64_t slot, std::uint64_t count) {
    if (count <= kSwapMapMax) {
        if (m_swapMap[slot] == kCountContinued)
            m_continuedCounts.erase(slot);
        m_swapMap[slot] = std::uint8_t(count);
        return;
    }
    m_swapMap[slot] = kCountContinued;
    m_continuedCounts[slot] = count;
}

ClassicCgroupUsage& ClassicSwapDevice::cgroupLocked(std::uint16_t cgroup) {
    if (cgroup >= m_cgroups.size())
        m_cgroups.resize(std::size_t(cgroup) + 1);
    return m_cgroups[cgroup];
}

// --- cluster lists ------------------------------------------------------------------------

std::uint32_t ClassicSwapDevice::clusterSize(std::uint32_t cluster) const {
    const std::uint64_t first = std::uint64_t(cluster) * kClassicClusterSlots;
    return std::uint32_t(std::min<std::uint64_t>(kClassicClusterSlots, m_totalSlots - first));
}

void ClassicSwapDevice::listPushLocked(ClusterList& list, std::uint32_t cluster) {
    ClusterInfo& ci = m_clusters[cluster];
    ci.prev = list.tail;
    ci.next = kNone;
    if (list.tail != kNone)
        m_clusters[list.tail].next = cluster;
    else
        list.head = cluster;
    list.tail = cluster;
    ++list.length;
}

void ClassicSwapDevice::listRemoveLocked(ClusterList& list, std::uint32_t cluster) {
    ClusterInfo& ci = m_clusters[cluster];
    if (ci.prev != kNone)
        m_clusters[ci.prev].next = ci.next;
    else
        list.head = ci.next;
    if (ci.next != kNone)
        m_clusters[ci.next].prev = ci.prev;
    else
        list.tail = ci.prev;
    ci.prev = ci.next = kNone;
    --list.length;
}

std::uint32_t ClassicSwapDevice::listPopLocked(ClusterList& list) {
    const std::uint32_t c = list.head;
    if (c != kNone)
        listRemoveLocked(list, c);
    return c;
}

// --- allocation ---------------------------------------------------------------------------

std::optional<std::uint64_t> ClassicSwapDevice::takeFromClusterLocked(std::uint32_t cluster,
                                                                      std::uint32_t startOffset) {
    ClusterInfo& ci = m_clusters[cluster];
    const std::uint32_t size = clusterSize(cluster);
    if (ci.used >= size)
        return std::nullopt;
    const std::uint64_t first = std::uint64_t(cluster) * kClassicClusterSlots;
    for (std::uint32_t k = 0; k < size; ++k) {
        const std::uint32_t off = (startOffset + k) % size;
        if (m_swapMap[first + off] != 0)
            continue;
        m_swapMap[first + off] = 1;
        ++ci.used;
        ++m_usedSlots;
        m_usedHint.store(m_usedSlots, std::memory_order_relaxed);
        if (ci.used == size && ci.state == Current)
            ci.state = Full; // every owner drops it at its next allocation
        return first + off;
    }
    return std::nullopt; // unreachable while `used` matches the swap_map
}

std::optional<std::uint64_t> ClassicSwapDevice::allocateLocked() {
    if (m_usedSlots >= m_totalSlots)
        return std::nullopt;
    ThreadCluster& tc = m_threadClusters[util::threadSlot()];
    if (tc.cluster != kNone) {
        if (m_clusters[tc.cluster].state == Current) {
            if (auto slot = takeFromClusterLocked(tc.cluster, tc.next)) {
                tc.next = std::uint32_t(*slot % kClassicClusterSlots) + 1;
                return slot;
            }
            m_clusters[tc.cluster].state = Full;
        }
        tc.cluster = kNone;
    }
    std::uint32_t c = listPopLocked(m_nonfullClusters);
    if (c == kNone)
        c = listPopLocked(m_freeClusters);
    if (c != kNone) {
        m_clusters[c].state = Current;
        tc.cluster = c;
        auto slot = takeFromClusterLocked(c, 0);
        tc.next = slot ? std::uint32_t(*slot % kClassicClusterSlots) + 1 : 0;
        return slot;
    }
    // No list has a cluster: take a slot from another thread slot's current cluster.
    for (std::uint32_t i = 0; i < m_clusterCount; ++i) {
        if (m_clusters[i].state == Discarding)
            continue;
        if (auto slot = takeFromClusterLocked(i, 0))
            return slot;
    }
    return std::nullopt; // full, or the last free clusters are being discarded
}

std::optional<std::uint32_t> ClassicSwapDevice::releaseLocked(std::uint64_t slot, bool committed,
                                                              ClassicPutResult* out) {
    const std::uint16_t cg = m_swapCgroup[slot];
    std::uint64_t& zeroWord = m_zeroMap[slot / 64];
    const std::uint64_t zeroBit = std::uint64_t{1} << (slot % 64);
    if (committed) {
        ClassicCgroupUsage& usage = cgroupLocked(cg);
        if (zeroWord & zeroBit) {
            --m_zeroEntries;
            --usage.entries[std::size_t(Backend::Zero)];
        } else if (auto it = m_zswapTree.find(slot); it != m_zswapTree.end()) {
            const pool::PoolHandle handle = it->second.handle;
            if (out) {
                out->inPool = true;
                out->handle = handle;
            }
            --m_poolEntries;
            m_poolBytes -= handle.length();
            --usage.entries[std::size_t(Backend::Pool)];
            usage.poolBytes -= handle.length();
            m_zswapTree.erase(it);
        } else {
            --m_deviceEntries;
            --usage.entries[std::size_t(Backend::Device)];
        }
    }
    zeroWord &= ~zeroBit;
    m_shadows.erase(slot);
    if (m_swapMap[slot] == kCountContinued)
        m_continuedCounts.erase(slot);
    m_swapMap[slot] = 0;
    m_swapCgroup[slot] = 0;
    --m_usedSlots;
    m_usedHint.store(m_usedSlots, std::memory_order_relaxed);

    const auto c = std::uint32_t(slot / kClassicClusterSlots);
    ClusterInfo& ci = m_clusters[c];
    --ci.used;
    switch (ci.state) {
    case Current:
        return std::nullopt; // its thread keeps filling it
    case Full:
        if (ci.used != 0) {
            ci.state = Nonfull;
            listPushLocked(m_nonfullClusters, c);
            return std::nullopt;
        }
        break;
    case Nonfull:
        if (ci.used != 0)
            return std::nullopt;
        listRemoveLocked(m_nonfullClusters, c);
        break;
    default:
        return std::nullopt; // Free or Discarding hold no used slot: not reached
    }
    if (m_discard.load(std::memory_order_relaxed)) {
        ci.state = Discarding;
        return c;
    }
    ci.state = Free;
    listPushLocked(m_freeClusters, c);
    return std::nullopt;
}

void ClassicSwapDevice::discardCluster(std::uint32_t cluster) {
    const std::uint64_t first = std::uint64_t(cluster) * kClassicClusterSlots;
    Status s = m_file->punchHole(slotOffset(first), std::uint64_t(clusterSize(cluster)) * kPageSize);
    if (s) {
        m_discards.fetch_add(1, std::memory_order_relaxed);
    } else {
        m_discardErrors.fetch_add(1, std::memory_order_relaxed);
        if (s.error().osError == EOPNOTSUPP)
            m_discard.store(false, std::memory_order_relaxed); // like a device without discard
    }
    std::lock_guard lock(m_lock);
    m_clusters[cluster].state = Free;
    listPushLocked(m_freeClusters, cluster);
}

// --- the life of a slot -------------------------------------------------------------------

Result<std::uint64_t> ClassicSwapDevice::reserve(CgroupId cgroup, std::uint32_t shadow, bool zero) {
    if (m_draining.load(std::memory_order_relaxed) || m_closed.load(std::memory_order_acquire))
        return error(Errc::DeviceFull, kNoSlot, kNoOffset);
    std::lock_guard lock(m_lock);
    const auto slot = allocateLocked();
    if (!slot)
        return error(Errc::DeviceFull, kNoSlot, kNoOffset);
    m_swapCgroup[*slot] = cgroup.value;
    ClassicCgroupUsage& usage = cgroupLocked(cgroup.value);
    if (zero) {
        m_zeroMap[*slot / 64] |= std::uint64_t{1} << (*slot % 64);
        ++m_zeroEntries;
        ++usage.entries[std::size_t(Backend::Zero)];
    }
    if (shadow != 0)
        m_shadows[*slot] = shadow;
    return *slot;
}

void ClassicSwapDevice::commitPool(std::uint64_t slot, const ClassicZswapEntry& entry) {
    std::lock_guard lock(m_lock);
    m_zswapTree[slot] = entry;
    ++m_poolEntries;
    m_poolBytes += entry.handle.length();
    ClassicCgroupUsage& usage = cgroupLocked(m_swapCgroup[slot]);
    ++usage.entries[std::size_t(Backend::Pool)];
    usage.poolBytes += entry.handle.length();
}

Status ClassicSwapDevice::writeAndCommit(std::uint64_t slot, const std::byte* page) {
    const std::uint64_t offset = slotOffset(slot);
    Status st = m_file->writeAt(offset, std::span<const std::byte>(page, kPageSize));
    if (!st) {
        m_writeErrors.fetch_add(1, std::memory_order_relaxed);
        cancel(slot);
        return decorate(st.error(), slot, offset);
    }
    m_writes.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(m_lock);
    ++m_deviceEntries;
    ++cgroupLocked(m_swapCgroup[slot]).entries[std::size_t(Backend::Device)];
    return {};
}

void ClassicSwapDevice::cancel(std::uint64_t slot) {
    std::optional<std::uint32_t> discard;
    {
        std::lock_guard lock(m_lock);
        discard = releaseLocked(slot, false, nullptr);
    }
    if (discard)
        discardCluster(*discard);
}

Result<ClassicSlotView> ClassicSwapDevice::view(std::uint64_t slot) const {
    std::lock_guard lock(m_lock);
    if (Status s = checkSlotLocked(slot); !s)
        return s.error();
    ClassicSlotView v;
    v.zero = (m_zeroMap[slot / 64] >> (slot % 64)) & 1u;
    if (auto it = m_zswapTree.find(slot); it != m_zswapTree.end()) {
        v.inPool = true;
        v.handle = it->second.handle;
    }
    if (auto it = m_shadows.find(slot); it != m_shadows.end()) {
        v.hasShadow = true;
        v.shadow = it->second;
    }
    v.count = countLocked(slot);
    v.cgroup = m_swapCgroup[slot];
    return v;
}

Status ClassicSwapDevice::read(std::uint64_t slot, std::byte* page) {
    const std::uint64_t offset = slotOffset(slot);
    if (m_closed.load(std::memory_order_acquire))
        return error(Errc::IoError, slot, offset).os(EBADF);
    if (Status s = m_file->readAt(offset, std::span<std::byte>(page, kPageSize)); !s) {
        m_readErrors.fetch_add(1, std::memory_order_relaxed);
        return decorate(s.error(), slot, offset);
    }
    m_reads.fetch_add(1, std::memory_order_relaxed);
    return {};
}

Status ClassicSwapDevice::duplicate(std::uint64_t slot) {
    std::lock_guard lock(m_lock);
    if (Status s = checkSlotLocked(slot); !s)
        return s;
    setCountLocked(slot, countLocked(slot) + 1);
    return {};
}

Result<ClassicPutResult> ClassicSwapDevice::put(std::uint64_t slot) {
    ClassicPutResult out;
    std::optional<std::uint32_t> discard;
    {
        std::lock_guard lock(m_lock);
        if (Status s = checkSlotLocked(slot); !s)
            return s.error();
        const std::uint64_t count = countLocked(slot);
        if (count > 1) {
            setCountLocked(slot, count - 1);
            return out;
        }
        out.freed = true;
        discard = releaseLocked(slot, true, &out);
    }
    if (discard)
        discardCluster(*discard);
    return out;
}

// --- relocation, writeback and compaction ------------------------------------------------

void ClassicSwapDevice::claimLocked(std::uint64_t slot) {
    const auto c = std::uint32_t(slot / kClassicClusterSlots);
    ClusterInfo& ci = m_clusters[c];
    if (ci.state == Free) {
        listRemoveLocked(m_freeClusters, c);
        ci.state = Nonfull;
        listPushLocked(m_nonfullClusters, c);
    }
    m_swapMap[slot] = 1;
    ++ci.used;
    ++m_usedSlots;
    m_usedHint.store(m_usedSlots, std::memory_order_relaxed);
    if (ci.used == clusterSize(c)) {
        if (ci.state == Nonfull)
            listRemoveLocked(m_nonfullClusters, c);
        if (ci.state == Nonfull || ci.state == Current)
            ci.state = Full; // a thread owning it drops it at its next allocation
    }
}

Result<ClassicSlotState> ClassicSwapDevice::state(std::uint64_t slot) const {
    std::lock_guard lock(m_lock);
    if (Status s = checkSlotLocked(slot); !s)
        return s.error();
    ClassicSlotState st;
    st.count = countLocked(slot);
    st.cgroup = m_swapCgroup[slot];
    st.zero = (m_zeroMap[slot / 64] >> (slot % 64)) & 1u;
    if (auto it = m_zswapTree.find(slot); it != m_zswapTree.end()) {
        st.inPool = true;
        st.zswap = it->second;
    }
    st.written = !st.zero && !st.inPool;
    if (auto it = m_shadows.find(slot); it != m_shadows.end()) {
        st.hasShadow = true;
        st.shadow = it->second;
    }
    return st;
}

Result<std::uint64_t> ClassicSwapDevice::adopt(const ClassicSlotState& state, std::optional<std::uint64_t> at) {
    if (m_closed.load(std::memory_order_acquire))
        return error(Errc::DeviceFull, kNoSlot, kNoOffset);
    std::lock_guard lock(m_lock);
    std::uint64_t slot = 0;
    if (at) {
        if (*at >= m_totalSlots || m_swapMap[*at] != 0
            || m_clusters[std::size_t(*at / kClassicClusterSlots)].state == Discarding)
            return error(Errc::InvalidArgument, *at, kNoOffset);
        claimLocked(*at);
        slot = *at;
    } else {
        if (m_draining.load(std::memory_order_relaxed))
            return error(Errc::DeviceFull, kNoSlot, kNoOffset);
        const auto taken = allocateLocked();
        if (!taken)
            return error(Errc::DeviceFull, kNoSlot, kNoOffset);
        slot = *taken;
    }
    setCountLocked(slot, std::max<std::uint64_t>(1, state.count));
    m_swapCgroup[slot] = state.cgroup;
    ClassicCgroupUsage& usage = cgroupLocked(state.cgroup);
    if (state.zero) {
        m_zeroMap[slot / 64] |= std::uint64_t{1} << (slot % 64);
        ++m_zeroEntries;
        ++usage.entries[std::size_t(Backend::Zero)];
    } else if (state.inPool) {
        m_zswapTree[slot] = state.zswap;
        ++m_poolEntries;
        m_poolBytes += state.zswap.handle.length();
        ++usage.entries[std::size_t(Backend::Pool)];
        usage.poolBytes += state.zswap.handle.length();
    } else {
        ++m_deviceEntries;
        ++usage.entries[std::size_t(Backend::Device)];
    }
    if (state.hasShadow)
        m_shadows[slot] = state.shadow;
    return slot;
}

void ClassicSwapDevice::drop(std::uint64_t slot) {
    std::optional<std::uint32_t> discard;
    {
        std::lock_guard lock(m_lock);
        if (slot >= m_swapMap.size() || m_swapMap[slot] == 0)
            return;
        discard = releaseLocked(slot, true, nullptr);
    }
    if (discard)
        discardCluster(*discard);
}

Status ClassicSwapDevice::writeSlot(std::uint64_t slot, const std::byte* page) {
    const std::uint64_t offset = slotOffset(slot);
    if (m_closed.load(std::memory_order_acquire))
        return error(Errc::IoError, slot, offset).os(EBADF);
    if (Status st = m_file->writeAt(offset, std::span<const std::byte>(page, kPageSize)); !st) {
        m_writeErrors.fetch_add(1, std::memory_order_relaxed);
        return decorate(st.error(), slot, offset);
    }
    m_writes.fetch_add(1, std::memory_order_relaxed);
    return {};
}

bool ClassicSwapDevice::commitWriteback(std::uint64_t slot, pool::PoolHandle handle) {
    std::lock_guard lock(m_lock);
    auto it = m_zswapTree.find(slot);
    if (it == m_zswapTree.end() || !(it->second.handle == handle))
        return false;
    m_zswapTree.erase(it);
    ClassicCgroupUsage& usage = cgroupLocked(m_swapCgroup[slot]);
    --m_poolEntries;
    m_poolBytes -= handle.length();
    --usage.entries[std::size_t(Backend::Pool)];
    usage.poolBytes -= handle.length();
    ++m_deviceEntries;
    ++usage.entries[std::size_t(Backend::Device)];
    return true;
}

bool ClassicSwapDevice::replaceHandle(std::uint64_t slot, pool::PoolHandle from, pool::PoolHandle to,
                                      bool recompressed) {
    std::lock_guard lock(m_lock);
    auto it = m_zswapTree.find(slot);
    if (it == m_zswapTree.end() || !(it->second.handle == from))
        return false;
    ClassicCgroupUsage& usage = cgroupLocked(m_swapCgroup[slot]);
    m_poolBytes = m_poolBytes - from.length() + to.length();
    usage.poolBytes = usage.poolBytes - from.length() + to.length();
    it->second.handle = to;
    it->second.recompressed = it->second.recompressed || recompressed;
    return true;
}

bool ClassicSwapDevice::rotate(std::uint64_t slot, std::uint64_t seq) {
    std::lock_guard lock(m_lock);
    auto it = m_zswapTree.find(slot);
    if (it == m_zswapTree.end())
        return false;
    it->second.referenced = false;
    it->second.seq = seq;
    return true;
}

bool ClassicSwapDevice::markRecompressed(std::uint64_t slot) {
    std::lock_guard lock(m_lock);
    auto it = m_zswapTree.find(slot);
    if (it == m_zswapTree.end())
        return false;
    it->second.recompressed = true;
    return true;
}

std::vector<ClassicPoolRecord> ClassicSwapDevice::poolRecords() const {
    std::lock_guard lock(m_lock);
    std::vector<ClassicPoolRecord> records;
    records.reserve(m_zswapTree.size());
    for (const auto& [slot, entry] : m_zswapTree)
        records.push_back(ClassicPoolRecord{slot, m_swapCgroup[slot], entry});
    return records;
}

std::vector<std::uint64_t> ClassicSwapDevice::usedSlotsFrom(std::uint64_t first) const {
    std::lock_guard lock(m_lock);
    std::vector<std::uint64_t> slots;
    for (std::uint64_t s = first; s < m_swapMap.size(); ++s)
        if (m_swapMap[s] != 0)
            slots.push_back(s);
    return slots;
}

std::vector<std::uint64_t> ClassicSwapDevice::freeSlotsBelow(std::uint64_t limit, std::size_t max) const {
    std::lock_guard lock(m_lock);
    std::vector<std::uint64_t> slots;
    const std::uint64_t end = std::min<std::uint64_t>(limit, m_swapMap.size());
    for (std::uint64_t s = 0; s < end && slots.size() < max; ++s)
        if (m_swapMap[s] == 0 && m_clusters[std::size_t(s / kClassicClusterSlots)].state != Discarding)
            slots.push_back(s);
    return slots;
}

Status ClassicSwapDevice::shrinkTo(std::uint64_t slots) {
    const auto usedAbove = [this](std::uint64_t from) {
        for (std::uint64_t s = from; s < m_swapMap.size(); ++s)
            if (m_swapMap[s] != 0)
                return true;
        return false;
    };
    {
        std::lock_guard lock(m_lock);
        if (m_closed.load(std::memory_order_acquire) || slots == 0 || slots > m_totalSlots
            || (slots % kClassicClusterSlots != 0 && slots != m_totalSlots))
            return error(Errc::InvalidArgument, kNoSlot, kNoOffset);
        if (slots == m_totalSlots)
            return {};
        if (usedAbove(slots))
            return error(Errc::Busy, kNoSlot, kNoOffset);
    }
    // Cut the file first, so a failed truncate leaves the device as it was.
    if (Status s = m_file->truncate(slotOffset(slots)); !s)
        return decorate(s.error(), kNoSlot, slotOffset(slots));
    {
        std::lock_guard lock(m_lock);
        if (usedAbove(slots))
            return error(Errc::Busy, kNoSlot, kNoOffset); // not reached: nothing runs meanwhile
        const auto clusters = std::uint32_t(slots / kClassicClusterSlots);
        for (std::uint32_t c = clusters; c < m_clusterCount; ++c)
            if (m_clusters[c].state == Free)
                listRemoveLocked(m_freeClusters, c); // wholly free: on the free list, or a thread's current one
        for (ThreadCluster& tc : m_threadClusters)
            if (tc.cluster != kNone && tc.cluster >= clusters)
                tc = ThreadCluster{kNone, 0};
        m_swapMap.resize(slots);
        m_swapMap.shrink_to_fit();
        m_swapCgroup.resize(slots);
        m_swapCgroup.shrink_to_fit();
        m_zeroMap.resize((slots + 63) / 64);
        m_zeroMap.shrink_to_fit();
        m_clusters.resize(clusters);
        m_clusters.shrink_to_fit();
        m_totalSlots = slots;
        m_clusterCount = clusters;
    }
    // The header only informs (swapheader.h), but it should not claim slots the file lacks.
    struct alignas(File::directIoAlignment()) {
        std::byte bytes[kPageSize];
    } page{};
    swapfile::SwapHeader h;
    h.slotCount = slots;
    h.clusterSlots = kClassicClusterSlots;
    swapfile::encodeSwapHeader(h, page.bytes);
    Status written = m_file->writeAt(0, page.bytes);
    if (written)
        written = m_file->sync();
    if (!written) {
        m_writeErrors.fetch_add(1, std::memory_order_relaxed);
        return decorate(written.error(), kNoSlot, 0);
    }
    return {};
}

// --- device state -------------------------------------------------------------------------

void ClassicSwapDevice::setDraining(bool draining) { m_draining.store(draining, std::memory_order_relaxed); }
bool ClassicSwapDevice::draining() const { return m_draining.load(std::memory_order_relaxed); }
bool ClassicSwapDevice::fullHint() const {
    return draining() || m_usedHint.load(std::memory_order_relaxed) >= m_totalSlots;
}
void ClassicSwapDevice::setPriority(int priority) { m_priority.store(priority, std::memory_order_relaxed); }
int ClassicSwapDevice::priority() const { return m_priority.load(std::memory_order_relaxed); }
unsigned ClassicSwapDevice::index() const { return m_index; }
const std::string& ClassicSwapDevice::path() const { return m_options.path; }
std::uint64_t ClassicSwapDevice::totalSlots() const { return m_totalSlots; }
std::uint64_t ClassicSwapDevice::usedSlots() const {
    std::lock_guard lock(m_lock);
    return m_usedSlots;
}

std::uint64_t ClassicSwapDevice::metadataBytesLocked() const {
    return sizeof(*this) + m_swapMap.capacity() * sizeof(std::uint8_t)
           + m_swapCgroup.capacity() * sizeof(std::uint16_t) + m_zeroMap.capacity() * sizeof(std::uint64_t)
           + m_clusters.capacity() * sizeof(ClusterInfo) + m_threadClusters.capacity() * sizeof(ThreadCluster)
           + m_sideTableBytes;
}

ClassicDeviceUsage ClassicSwapDevice::usage() const {
    std::lock_guard lock(m_lock);
    ClassicDeviceUsage u;
    u.usedSlots = m_usedSlots;
    u.zeroEntries = m_zeroEntries;
    u.poolEntries = m_poolEntries;
    u.poolBytes = m_poolBytes;
    u.deviceEntries = m_deviceEntries;
    u.continuedCounts = m_continuedCounts.size();
    u.metadataBytes = metadataBytesLocked();
    u.pagesRead = m_reads.load(std::memory_order_relaxed);
    u.pagesWritten = m_writes.load(std::memory_order_relaxed);
    u.cgroups = m_cgroups;
    return u;
}

DeviceStats ClassicSwapDevice::stats() const {
    constexpr auto r = std::memory_order_relaxed;
    DeviceStats s;
    s.id = DeviceId{m_index};
    s.index = m_index;
    s.path = m_options.path;
    s.priority = priority();
    s.draining = draining();
    s.directIo = m_directIo;
    s.discard = m_discard.load(r);
    s.totalSlots = m_totalSlots;
    s.reads = m_reads.load(r);
    s.writes = m_writes.load(r);
    s.readErrors = m_readErrors.load(r);
    s.writeErrors = m_writeErrors.load(r);
    s.discards = m_discards.load(r);
    s.discardErrors = m_discardErrors.load(r);
    std::lock_guard lock(m_lock);
    s.usedSlots = m_usedSlots;
    s.clusters = m_clusters.size();
    s.freeClusters = std::uint64_t(
        std::count_if(m_clusters.begin(), m_clusters.end(), [](const ClusterInfo& c) { return c.used == 0; }));
    s.metadataBytes = metadataBytesLocked();
    return s;
}

} // namespace swaptier::sandbox
