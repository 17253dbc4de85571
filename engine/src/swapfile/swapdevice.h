// SPDX-License-Identifier: GPL-3.0-or-later
// SwapDevice: one swapfile. Physical slots are allocated in 512-slot clusters with a current
// cluster per thread slot (the kernel's per-CPU clusters), from a free-cluster list and a
// nonfull list; a cluster that becomes wholly free is discarded (its blocks punched out) when
// discard is on. Every written slot's CRC32C is kept in memory, so a slot whose bytes changed
// on disk (corruption, truncation) reads back as CorruptData or ShortIo, never as wrong bytes.
// A reverse map names the virtual slot that owns each physical slot: swapoff and compaction
// find a device's entries without scanning anything else.
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
    /// Reads and verifies a slot. CorruptData (checksum mismatch), ShortIo (file truncated),
    /// IoError; the Error names the device, path, offset and slot.
    Status load(std::uint64_t physicalSlot, std::byte* page);
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
    /// Closes the file; deletes it if `removeFile` (or DeviceOptions::removeFileOnClose).
    Status close(bool removeFile);

private:
    struct Impl;
    explicit SwapDevice(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace swaptier::swapfile
