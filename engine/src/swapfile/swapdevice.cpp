// SPDX-License-Identifier: GPL-3.0-or-later
// SwapDevice: one swapfile = a file (through Env, opened and set up by swapfilesetup.h, which
// also writes the header page of swapheader.h) + a PhysicalAllocator (slots, checksums,
// reverse map; see physicalallocator.h).
//
// Why it looks like this:
//  - Safety of other people's data first. A path that exists and does not start with the
//    swaptier magic is refused with Exists before a single byte is written (the check only
//    opens and reads). A file we created is removed again if setting it up fails.
//  - A page is either stored intact or not stored: store() writes the page, and only then
//    publishes its checksum and owner. If the write fails the slot is released and the
//    caller still holds the only copy (the engine tries another backend).
//  - Bytes that changed on disk are never returned as data: load() verifies CRC32C and
//    reports CorruptData; a truncated file gives ShortIo. Every error names the device, the
//    path, the byte offset and the owning virtual slot.
//  - No lock is held during I/O: the allocator's locks cover bookkeeping only, and a discard
//    (punching the blocks of a cluster that became free) runs in free() with no lock held
//    while the cluster sits in the Discarding state where nobody can allocate from it.
//  - Discard is switched off for the device if the filesystem says EOPNOTSUPP, as the kernel
//    does for devices without discard support; any other punch failure is only counted.
//  - Write-behind (buffered files, DeviceOptions::writeBehind): every 4 MiB written, the
//    file's dirty pages are handed to the kernel for writeout at once (File::startWriteback).
//    The kernel submits its swap writes immediately; a buffered swapfile that left them dirty
//    would only move the pages from the pool into the page cache. A failure is counted (the
//    data is in the page cache regardless); an errno saying the call cannot work here turns
//    it off.
//  - A batch is one system call: storeRun() copies up to 512 pages into one 4096-aligned
//    buffer (so O_DIRECT needs no bounce) and writes the run with one writeAt; when the
//    caller's pages already lie back to back in an aligned buffer, it writes them in place. The copy costs
//    ~0.1 us per page against the write it replaces; it also pads compressed payloads, which
//    O_DIRECT could not write on their own. A run is all or nothing: its slots are published
//    after the write, or all released if it fails.
//
// Counters are relaxed atomics: each is exact, but a stats() call is not one consistent cut.
#include "swapfile/swapdevice.h"

#include "env/oserror.h"
#include "swapfile/physicalallocator.h"
#include "swapfile/swapfilesetup.h"
#include "swapfile/swapheader.h"
#include "util/crc32c.h"
#include "util/threadbuffer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <span>

namespace swaptier::swapfile {
namespace {

using env::kNoOffset;

bool validLength(std::uint32_t length) { return length > 0 && length <= kPageSize; }

} // namespace

struct SwapDevice::Impl {
    Impl(Env* e, DeviceId i, const DeviceOptions& o, std::unique_ptr<File> f, std::uint64_t slots)
        : env(e), id(i), options(o), file(std::move(f)), directIo(file->directIo()), allocator(slots),
          discard(o.discard), writeBehind(o.writeBehind && !directIo), priority(o.priority) {}

    /// Adds what and where to an error from the file layer (which knows path and errno).
    Error decorate(Error e, std::uint64_t offset, SlotId owner) const {
        e.on(id);
        if (owner.valid())
            e.at(owner);
        e.file(options.path, offset);
        return e;
    }
    Error error(Errc code, std::uint64_t offset = kNoOffset, SlotId owner = {}) const {
        return decorate(Error::of(code), offset, owner);
    }
    Error closedError() const { return error(Errc::IoError).os(EBADF); }

    void release(std::uint64_t slot) {
        const ReleaseResult r = allocator.release(slot, discard.load(std::memory_order_relaxed));
        if (r.discard)
            discardCluster(r.cluster);
    }
    void releaseRun(const PhysicalAllocator::Run& run) {
        for (std::uint32_t i = 0; i < run.count; ++i)
            release(run.first + i);
    }

    /// Refusals before any slot is taken: closed (IoError EBADF) or draining (DeviceFull).
    Status admit(SlotId owner) const {
        if (closed.load(std::memory_order_acquire))
            return closedError().at(owner);
        if (draining.load(std::memory_order_relaxed))
            return error(Errc::DeviceFull, kNoOffset, owner);
        return {};
    }
    /// The second half of the draining handshake, after the slots were counted. Swapoff sets
    /// `draining`, then waits for the used count to reach zero; a store counts its slots
    /// (allocate), then looks at `draining` again. All four are seq_cst (the allocator's count
    /// too), so at least one sees the other: swapoff waits for these slots, or the store backs
    /// off. Otherwise a store that passed admit() could land on a device swapoff just removed.
    bool mustBackOff() const { return draining.load(std::memory_order_seq_cst); }

    /// Punches the blocks of a Discarding cluster (no lock held), then frees it for reuse
    /// whatever the outcome: a failed discard costs disk space, never a slot.
    void discardCluster(std::uint32_t cluster) {
        const std::uint64_t first = allocator.firstSlotOf(cluster);
        const std::uint64_t length = std::uint64_t(allocator.slotCountOf(cluster)) * kPageSize;
        Status s = file->punchHole(slotOffset(first), length);
        if (s) {
            discards.fetch_add(1, std::memory_order_relaxed);
        } else {
            discardErrors.fetch_add(1, std::memory_order_relaxed);
            if (s.error().osError == EOPNOTSUPP)
                discard.store(false, std::memory_order_relaxed);
        }
        allocator.discardDone(cluster);
    }

    /// Write-behind: counts bytes written through the page cache; every kWriteBehindBytes, the
    /// file's dirty pages are handed to the kernel for writeout (one call, whole file: the
    /// flusher then writes them in offset order, merged). Only a hint: the data is in the page
    /// cache either way, and a later read verifies its CRC.
    void writtenBehind(std::uint64_t bytes) {
        if (!writeBehind.load(std::memory_order_relaxed))
            return;
        if (unflushed.fetch_add(bytes, std::memory_order_relaxed) + bytes < kWriteBehindBytes)
            return;
        if (unflushed.exchange(0, std::memory_order_relaxed) == 0)
            return; // another thread just did it
        if (Status s = file->startWriteback(0, 0); !s) {
            writeBehindErrors.fetch_add(1, std::memory_order_relaxed);
            const int err = s.error().osError;
            if (err == ENOSYS || err == EINVAL || err == EOPNOTSUPP || err == ESPIPE)
                writeBehind.store(false, std::memory_order_relaxed); // cannot work here: stop asking
        }
    }
    static constexpr std::uint64_t kWriteBehindBytes = 4 << 20;

    Env* const env;
    const DeviceId id;
    const DeviceOptions options;
    std::unique_ptr<File> file; ///< null once closed
    const bool directIo;
    PhysicalAllocator allocator;

    std::atomic<bool> discard;  ///< punch free clusters (off if the filesystem cannot)
    std::atomic<bool> writeBehind; ///< start writeout after each run (buffered; off if the kernel cannot)
    std::atomic<int> priority;
    std::atomic<bool> draining{false};
    std::atomic<bool> closed{false};

    std::atomic<std::uint64_t> reads{0};          ///< verified page reads
    std::atomic<std::uint64_t> writes{0};         ///< pages written and published
    std::atomic<std::uint64_t> writeCalls{0};     ///< writeAt calls carrying pages (failed ones too)
    std::atomic<std::uint64_t> readErrors{0};     ///< failed reads (IoError, ShortIo)
    std::atomic<std::uint64_t> writeErrors{0};    ///< pages whose write failed (slots released again)
    std::atomic<std::uint64_t> checksumErrors{0}; ///< reads whose CRC32C did not match
    std::atomic<std::uint64_t> discards{0};       ///< clusters punched out
    std::atomic<std::uint64_t> discardErrors{0};  ///< punches that failed
    std::atomic<std::uint64_t> writeBehindErrors{0}; ///< startWriteback calls that failed
    std::atomic<std::uint64_t> unflushed{0};      ///< bytes written since the last write-behind
};

SwapDevice::SwapDevice(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

SwapDevice::~SwapDevice() {
    if (m_impl)
        static_cast<void>(close(false));
}

Result<std::unique_ptr<SwapDevice>> SwapDevice::open(Env* env, DeviceId id, const DeviceOptions& options) {
    if (!env)
        env = Env::posix();
    const std::uint64_t slots = options.sizeBytes / kPageSize;
    if (options.path.empty() || slots == 0 || slots > PhysicalAllocator::kMaxSlots)
        return deviceError(Errc::InvalidArgument, id, options.path);

    auto file = openSwapfile(env, id, options, slots, kClusterSlots);
    if (!file)
        return file.error();

    auto impl = std::make_unique<Impl>(env, id, options, std::move(file).value(), slots);
    return std::unique_ptr<SwapDevice>(new SwapDevice(std::move(impl)));
}

Result<std::uint64_t> SwapDevice::store(const std::byte* page, SlotId owner) {
    return store(page, std::uint32_t(kPageSize), owner);
}

Result<std::uint64_t> SwapDevice::store(const std::byte* data, std::uint32_t length, SlotId owner) {
    Impl& d = *m_impl;
    if (!data || !owner.valid() || !validLength(length))
        return d.error(Errc::InvalidArgument, kNoOffset, owner);
    if (Status s = d.admit(owner); !s)
        return s.error();
    const auto slot = d.allocator.allocate();
    if (!slot)
        return d.error(Errc::DeviceFull, kNoOffset, owner);
    if (d.mustBackOff()) {
        d.release(*slot);
        return d.error(Errc::DeviceFull, kNoOffset, owner);
    }

    // A payload shorter than a page goes out as a whole zero-padded page (O_DIRECT writes
    // whole blocks, and the slot's bytes are then defined).
    struct alignas(File::directIoAlignment()) {
        std::byte bytes[kPageSize];
    } padded;
    std::span<const std::byte> out(data, kPageSize);
    if (length < kPageSize) {
        std::memcpy(padded.bytes, data, length);
        std::memset(padded.bytes + length, 0, kPageSize - length);
        out = padded.bytes;
    }
    const std::uint32_t crc = util::crc32c(data, length);
    const std::uint64_t offset = slotOffset(*slot);
    d.writeCalls.fetch_add(1, std::memory_order_relaxed);
    if (Status s = d.file->writeAt(offset, out); !s) {
        d.writeErrors.fetch_add(1, std::memory_order_relaxed);
        d.release(*slot);
        return d.decorate(s.error(), offset, owner);
    }
    d.writtenBehind(kPageSize);
    d.allocator.publish(*slot, crc, owner);
    d.writes.fetch_add(1, std::memory_order_relaxed);
    return *slot;
}

Result<SwapDevice::StoredRun> SwapDevice::storeRun(std::span<const RunPage> pages) {
    Impl& d = *m_impl;
    if (pages.empty())
        return d.error(Errc::InvalidArgument);
    const SlotId firstOwner = pages.front().owner;
    const std::size_t wanted = std::min<std::size_t>(pages.size(), kClusterSlots);
    for (std::size_t i = 0; i < wanted; ++i)
        if (!pages[i].data || !pages[i].owner.valid() || !validLength(pages[i].length))
            return d.error(Errc::InvalidArgument, kNoOffset, pages[i].owner);
    if (Status s = d.admit(firstOwner); !s)
        return s.error();
    const auto run = d.allocator.allocateRun(std::uint32_t(wanted));
    if (!run)
        return d.error(Errc::DeviceFull, kNoOffset, firstOwner);
    const std::uint64_t offset = slotOffset(run->first);
    if (d.mustBackOff()) {
        d.releaseRun(*run);
        return d.error(Errc::DeviceFull, kNoOffset, firstOwner);
    }

    const std::size_t bytes = std::size_t(run->count) * kPageSize;
    // Zero copy when the caller's pages already are the run: whole pages, back to back, at an
    // O_DIRECT-aligned address (the engine's writeback decompresses into such a buffer).
    bool inPlace = reinterpret_cast<std::uintptr_t>(pages[0].data) % File::directIoAlignment() == 0;
    for (std::uint32_t i = 0; i < run->count && inPlace; ++i)
        inPlace = pages[i].length == kPageSize && pages[i].data == pages[0].data + std::size_t(i) * kPageSize;
    std::byte* gather = inPlace ? nullptr : util::threadBuffer<util::BufferTag::DeviceRun>(bytes);
    const std::byte* buffer = inPlace ? pages[0].data : gather;
    if (!buffer) {
        d.releaseRun(*run);
        return d.decorate(env::osError(ENOMEM, d.options.path, offset), offset, firstOwner);
    }
    if (gather) {
        for (std::uint32_t i = 0; i < run->count; ++i) {
            const RunPage& p = pages[i];
            std::byte* slot = gather + std::size_t(i) * kPageSize;
            std::memcpy(slot, p.data, p.length);
            std::memset(slot + p.length, 0, kPageSize - p.length);
        }
    }
    d.writeCalls.fetch_add(1, std::memory_order_relaxed);
    if (Status s = d.file->writeAt(offset, std::span<const std::byte>(buffer, bytes)); !s) {
        d.writeErrors.fetch_add(run->count, std::memory_order_relaxed);
        d.releaseRun(*run);
        return d.decorate(s.error(), offset, firstOwner);
    }
    d.writtenBehind(bytes);
    // Checksums from the buffer: the bytes that went to disk, even if a caller's page changed.
    for (std::uint32_t i = 0; i < run->count; ++i)
        d.allocator.publish(run->first + i, util::crc32c(buffer + std::size_t(i) * kPageSize, pages[i].length),
                            pages[i].owner);
    d.writes.fetch_add(run->count, std::memory_order_relaxed);
    return StoredRun{run->first, run->count};
}

Status SwapDevice::load(std::uint64_t physicalSlot, std::byte* page) {
    return load(physicalSlot, page, std::uint32_t(kPageSize));
}

Status SwapDevice::load(std::uint64_t physicalSlot, std::byte* out, std::uint32_t length) {
    Impl& d = *m_impl;
    const std::uint64_t offset = physicalSlot < d.allocator.totalSlots() ? slotOffset(physicalSlot) : kNoOffset;
    std::uint32_t crc = 0;
    SlotId owner;
    if (!out || !validLength(length) || !d.allocator.lookup(physicalSlot, crc, owner))
        return d.error(Errc::InvalidArgument, offset);
    if (d.closed.load(std::memory_order_acquire))
        return d.closedError().at(owner);
    // The whole page, whatever the payload: O_DIRECT reads whole blocks.
    if (Status s = d.file->readAt(offset, std::span<std::byte>(out, kPageSize)); !s) {
        d.readErrors.fetch_add(1, std::memory_order_relaxed);
        return d.decorate(s.error(), offset, owner);
    }
    if (util::crc32c(out, length) != crc) {
        d.checksumErrors.fetch_add(1, std::memory_order_relaxed);
        return d.error(Errc::CorruptData, offset, owner);
    }
    d.reads.fetch_add(1, std::memory_order_relaxed);
    return {};
}

void SwapDevice::free(std::uint64_t physicalSlot) {
    Impl& d = *m_impl;
    if (d.closed.load(std::memory_order_acquire)) {
        static_cast<void>(d.allocator.release(physicalSlot, false)); // no file to discard in
        return;
    }
    d.release(physicalSlot);
}

SlotId SwapDevice::owner(std::uint64_t physicalSlot) const { return m_impl->allocator.owner(physicalSlot); }

std::vector<UsedSlot> SwapDevice::usedSlots(std::uint64_t firstSlot, std::uint64_t maxSlots) const {
    return m_impl->allocator.usedSlots(firstSlot, maxSlots);
}

void SwapDevice::setAllocationCeiling(std::uint64_t slots) {
    m_impl->allocator.setCeiling(std::uint32_t(std::min<std::uint64_t>(
        (slots + kClusterSlots - 1) / kClusterSlots, m_impl->allocator.clusterCount())));
}

std::uint64_t SwapDevice::allocationCeiling() const {
    const PhysicalAllocator& a = m_impl->allocator;
    return std::min(a.totalSlots(), a.firstSlotOf(a.ceiling()));
}

std::uint64_t SwapDevice::usedSlotCountFrom(std::uint64_t firstSlot) const {
    return m_impl->allocator.usedCountFrom(firstSlot);
}

Result<bool> SwapDevice::shrinkToCeiling() {
    Impl& d = *m_impl;
    if (d.closed.load(std::memory_order_acquire))
        return d.closedError();
    const auto slots = d.allocator.shrinkableTo();
    if (!slots || *slots >= d.allocator.totalSlots())
        return false;
    // Nothing at or above the ceiling is used and nothing can be allocated there: cut the file
    // first, so a failed truncate leaves the device exactly as it was.
    const std::uint64_t bytes = slotOffset(*slots);
    if (Status s = d.file->truncate(bytes); !s)
        return d.decorate(s.error(), bytes, {});
    d.allocator.shrink();
    // The header only informs (swapheader.h), but it should not claim slots the file lacks.
    struct alignas(File::directIoAlignment()) {
        std::byte bytes[kPageSize];
    } page;
    SwapHeader h;
    h.slotCount = *slots;
    h.clusterSlots = kClusterSlots;
    encodeSwapHeader(h, page.bytes);
    Status written = d.file->writeAt(0, page.bytes);
    if (written)
        written = d.file->sync();
    if (!written) {
        d.writeErrors.fetch_add(1, std::memory_order_relaxed);
        return d.decorate(written.error(), 0, {});
    }
    return true;
}

Result<FragmentationStats> SwapDevice::fragmentation() const {
    const Impl& d = *m_impl;
    if (d.closed.load(std::memory_order_acquire))
        return d.closedError();
    FragmentationStats f = d.allocator.fragmentation();
    auto size = d.file->size();
    if (!size)
        return d.decorate(size.error(), kNoOffset, {});
    auto allocated = d.file->allocatedBytes();
    if (!allocated)
        return d.decorate(allocated.error(), kNoOffset, {});
    f.fileBytes = *size;
    f.allocatedBytes = *allocated;
    return f;
}

void SwapDevice::setDraining(bool draining) {
    m_impl->draining.store(draining, std::memory_order_seq_cst); // pairs with store()'s second check
}
void SwapDevice::trim() {
    if (m_impl->closed.load(std::memory_order_acquire))
        return;
    for (std::uint32_t cluster : m_impl->allocator.trim(m_impl->discard.load(std::memory_order_relaxed)))
        m_impl->discardCluster(cluster);
}

bool SwapDevice::draining() const { return m_impl->draining.load(std::memory_order_relaxed); }
void SwapDevice::setPriority(int priority) { m_impl->priority.store(priority, std::memory_order_relaxed); }
int SwapDevice::priority() const { return m_impl->priority.load(std::memory_order_relaxed); }
DeviceId SwapDevice::id() const { return m_impl->id; }
const std::string& SwapDevice::path() const { return m_impl->options.path; }
std::uint64_t SwapDevice::totalSlots() const { return m_impl->allocator.totalSlots(); }
std::uint64_t SwapDevice::usedSlotCount() const { return m_impl->allocator.usedCount(); }
bool SwapDevice::full() const { return m_impl->allocator.usedCount() >= m_impl->allocator.totalSlots(); }

DeviceStats SwapDevice::stats() const {
    const Impl& d = *m_impl;
    constexpr auto r = std::memory_order_relaxed;
    DeviceStats s;
    s.id = d.id;
    s.path = d.options.path;
    s.priority = d.priority.load(r);
    s.draining = d.draining.load(r);
    s.directIo = d.directIo;
    s.discard = d.discard.load(r);
    s.totalSlots = d.allocator.totalSlots();
    s.usedSlots = d.allocator.usedCount();
    s.clusters = d.allocator.clusterCount();
    s.freeClusters = d.allocator.freeClusterCount();
    s.reads = d.reads.load(r);
    s.writes = d.writes.load(r);
    s.readErrors = d.readErrors.load(r);
    s.writeErrors = d.writeErrors.load(r);
    s.checksumErrors = d.checksumErrors.load(r);
    s.discards = d.discards.load(r);
    s.discardErrors = d.discardErrors.load(r);
    s.writeBehind = d.writeBehind.load(r);
    s.writeBehindErrors = d.writeBehindErrors.load(r);
    s.metadataBytes = d.allocator.metadataBytes();
    return s;
}

std::uint64_t SwapDevice::writeCalls() const { return m_impl->writeCalls.load(std::memory_order_relaxed); }

Status SwapDevice::close(bool removeFile) {
    Impl& d = *m_impl;
    if (d.closed.exchange(true, std::memory_order_acq_rel))
        return {};
    d.file.reset();
    if (removeFile || d.options.removeFileOnClose)
        if (Status s = d.env->remove(d.options.path); !s)
            return Error(s.error()).on(d.id);
    return {};
}

} // namespace swaptier::swapfile
