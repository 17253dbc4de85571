// SPDX-License-Identifier: GPL-3.0-or-later
// SwapDevice: one swapfile. Physical slots are allocated in 512-slot clusters with a current
// cluster per thread slot (the kernel's per-CPU clusters), from a free-cluster list and a
// nonfull list; a cluster that becomes wholly free is discarded (its blocks punched out) when
// discard is on. Every written slot's CRC32C is kept in memory, so a slot whose bytes changed
// on disk (corruption, truncation) reads back as CorruptData or ShortIo, never as wrong bytes.
// A reverse map names the virtual slot that owns each physical slot: swapoff and compaction
// find a device's entries without scanning anything else.
//
// Batched writeback: storeRun() takes a contiguous run of slots in one cluster (see
// physicalallocator.h) and writes many pages with one File::writeAt. A slot may hold a
// compressed payload shorter than a page: it is written zero-padded to the page, its checksum
// covers the payload only, and the reader passes the length back (the engine keeps it in the
// entry's descriptor; the device does not store it).
//
// Compaction (engine/DESIGN.md, "Swapfile compaction"): an allocation ceiling keeps stores
// below a slot; once nothing above it is used, shrinkToCeiling() cuts the slot space and the
// file down to it (the header page stays and records the new slot count).
//
// On-disk layout: page 0 is a header (magic "SWAPTIER", format version, slot count), physical
// slot i lives at byte offset (i + 1) * kPageSize. Contents do not survive the engine: an
// existing swaptier swapfile is taken over and its old contents ignored; any other existing
// file is refused (Exists) and left untouched.
//
// Thread safety: all methods are thread-safe. Lock order: the device's list mutex, then a
// cluster's mutex; no device lock is held across I/O. The caller guarantees a physical slot is
// not freed while it is being loaded (the engine's entry busy bit).
#pragma once

#include "swaptier/env.h"
#include "swaptier/ids.h"
#include "swaptier/options.h"
#include "swaptier/stats.h"
#include "swaptier/status.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace swaptier::swapfile {

inline constexpr std::uint32_t kClusterSlots = 512;

struct UsedSlot {
    std::uint64_t physicalSlot;
    SlotId owner;
};

class SwapDevice {
public:
    /// Creates the swapfile (or takes over an earlier swaptier swapfile) and sizes it.
    static Result<std::unique_ptr<SwapDevice>> open(Env* env, DeviceId id, const DeviceOptions& options);
    ~SwapDevice();
    SwapDevice(const SwapDevice&) = delete;
    SwapDevice& operator=(const SwapDevice&) = delete;

    /// Allocates a physical slot owned by `owner`, writes the page and records its checksum.
    /// DeviceFull if no slot is free or the device is draining; NoSpace/IoError/ShortIo if the
    /// write fails (the slot is then released again). Returns the physical slot.
    Result<std::uint64_t> store(const std::byte* page, SlotId owner);
    /// store() of `length` bytes (1..kPageSize; less than a page: a compressed payload, written
    /// zero-padded, its checksum over the `length` bytes). InvalidArgument for another length.
    Result<std::uint64_t> store(const std::byte* data, std::uint32_t length, SlotId owner);

    /// One page of a run: `length` bytes (1..kPageSize; kPageSize = a raw page) for `owner`.
    struct RunPage {
        const std::byte* data;
        std::uint32_t length;
        SlotId owner;
    };
    /// Slots [firstSlot, firstSlot + count) hold pages[0..count).
    struct StoredRun {
        std::uint64_t firstSlot;
        std::uint32_t count;
    };
    /// Stores the first `count` pages (1 <= count <= min(pages.size(), kClusterSlots)) in
    /// contiguous slots with one write: each slot gets its page's bytes, zero-padded, then its
    /// owner and the checksum of its `length` bytes. The caller stores the rest with another
    /// call. Errors as store(): DeviceFull, or the write's error (every slot of the run is
    /// released, nothing published), naming the offset and owner of the first page;
    /// InvalidArgument for an empty span, a null page, a length outside 1..kPageSize or an
    /// invalid owner. The run is assembled in a 4096-aligned per-thread buffer that grows to
    /// the largest run the thread wrote (at most 2 MiB) and lives as long as the thread.
    Result<StoredRun> storeRun(std::span<const RunPage> pages);

    /// Reads and verifies a slot. CorruptData (checksum mismatch), ShortIo (file truncated),
    /// IoError; the Error names the device, path, offset and slot.
    Status load(std::uint64_t physicalSlot, std::byte* page);
    /// Reads a slot stored with `length` bytes (1..kPageSize): `out` gets the whole page
    /// (kPageSize bytes, the payload then the padding), the checksum covers the first
    /// `length`. A wrong length reads as CorruptData; one outside 1..kPageSize is
    /// InvalidArgument.
    Status load(std::uint64_t physicalSlot, std::byte* out, std::uint32_t length);
    /// Releases a slot; discards its cluster if that became wholly free.
    void free(std::uint64_t physicalSlot);
    /// Owner of a used slot (SlotId{} if the slot is free).
    SlotId owner(std::uint64_t physicalSlot) const;
    /// Snapshot of used slots in [firstSlot, firstSlot + maxSlots), in slot order.
    std::vector<UsedSlot> usedSlots(std::uint64_t firstSlot = 0, std::uint64_t maxSlots = ~std::uint64_t{0}) const;

    // --- compaction (one caller at a time: the engine's m_swapoffLock) -------------------------
    /// Stores take slots below `slots` only (rounded up to whole clusters); a ceiling at or
    /// past totalSlots() lifts it.
    void setAllocationCeiling(std::uint64_t slots);
    /// The first slot stores may not take (totalSlots() without a ceiling).
    std::uint64_t allocationCeiling() const;
    /// Used slots at or above `firstSlot`, stores in flight included.
    std::uint64_t usedSlotCountFrom(std::uint64_t firstSlot) const;
    /// If no slot at or above the ceiling is used: drops those slots, truncates the file to the
    /// header plus the slots left and rewrites the header; true. False (nothing changed) if a
    /// slot up there is used or there is nothing to cut. The error of a failed truncate (nothing
    /// changed) or of the header write (the device and file are shrunk all the same).
    Result<bool> shrinkToCeiling();
    /// Free extents, largest free run, highest used slot, file size and allocated bytes.
    Result<FragmentationStats> fragmentation() const;

    /// Releases the per-thread allocation clusters; those left empty are discarded (when
    /// discard is on), so a device holding no entry holds no disk blocks beyond its header.
    void trim();
    /// A draining device takes no new stores (swapoff).
    void setDraining(bool draining);
    bool draining() const;
    void setPriority(int priority);
    int priority() const;
    DeviceId id() const;
    const std::string& path() const;
    std::uint64_t totalSlots() const;
    std::uint64_t usedSlotCount() const;
    /// True when no slot is free (cheap, approximate under concurrency).
    bool full() const;
    DeviceStats stats() const;
    /// File::writeAt calls that carried pages (one per store(), one per storeRun() run),
    /// failed ones included; the header is not counted. DeviceStats::writes counts pages.
    std::uint64_t writeCalls() const;
    /// Closes the file; deletes it if `removeFile` (or DeviceOptions::removeFileOnClose).
    Status close(bool removeFile);

private:
    struct Impl;
    explicit SwapDevice(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace swaptier::swapfile
