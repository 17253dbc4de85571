// SPDX-License-Identifier: GPL-3.0-or-later
// The classic design's page-table value: the PHYSICAL location of a swapped page, as the
// kernel's swp_entry_t (type = swap device, offset = slot) was before the virtual swap space.
// Whatever backs the page (a zero bit, a zswap object, the slot's bytes on disk), the value
// names a device slot, so moving a page between tiers would mean rewriting page tables.
//
// Bit layout (bit 0 = least significant; the value is < 2^48 <= kMaxSwapEntryValue):
//   [47:40] device  8 bits  config index of the swapfile (< 256, like MAX_SWAPFILES' 5 bits)
//   [39:0]  slot   40 bits  physical slot; its bytes live at file offset (slot + 1) * 4096
// Every value is meaningful (device 0, slot 0 is 0): a value is only valid while its slot's
// swap count is non-zero, which the device checks (FreedSlot otherwise).
#pragma once

#include "swaptier/ids.h"

#include <cstdint>

namespace swaptier::sandbox {

struct ClassicEntry {
    static constexpr unsigned kSlotBits = 40;
    static constexpr unsigned kDeviceBits = 8;
    static constexpr std::uint64_t kMaxSlots = std::uint64_t{1} << kSlotBits;   ///< slots per device
    static constexpr unsigned kMaxDevices = 1u << kDeviceBits;                   ///< device indices 0..255

    static constexpr std::uint64_t make(unsigned device, std::uint64_t slot) {
        return std::uint64_t(device) << kSlotBits | (slot & (kMaxSlots - 1));
    }
    static constexpr unsigned device(std::uint64_t value) {
        return unsigned((value >> kSlotBits) & (kMaxDevices - 1));
    }
    static constexpr std::uint64_t slot(std::uint64_t value) { return value & (kMaxSlots - 1); }
    /// True if the value has bits beyond the layout (never produced by the classic design).
    static constexpr bool malformed(std::uint64_t value) { return (value >> (kSlotBits + kDeviceBits)) != 0; }
};

static_assert(ClassicEntry::make(255, ClassicEntry::kMaxSlots - 1) == (std::uint64_t{1} << 48) - 1);
static_assert(ClassicEntry::device(ClassicEntry::make(7, 12345)) == 7);
static_assert(ClassicEntry::slot(ClassicEntry::make(7, 12345)) == 12345);

} // namespace swaptier::sandbox
