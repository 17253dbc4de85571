// SPDX-License-Identifier: GPL-3.0-or-later
// Thread slots: a small dense index per live thread, the user-space stand-in for a CPU id.
//
// Per-thread engine structures (allocation clusters of the slot table and of each device,
// statistics shards) are arrays indexed by this slot. A slot is assigned at a thread's first
// call and returned when the thread exits, so a later thread reuses it (and inherits, say, its
// current allocation cluster: nothing leaks when threads come and go).
//
// If more than kMaxThreadSlots threads are alive at once, further threads share slots
// (hashed). Every per-slot structure therefore takes its own lock: sharing costs contention,
// never correctness.
#pragma once

namespace swaptier::util {

inline constexpr unsigned kMaxThreadSlots = 256;

/// This thread's slot, in [0, kMaxThreadSlots).
unsigned threadSlot();

/// One more than the highest slot ever handed out (how many per-slot entries can be in use).
unsigned threadSlotHighWater();

} // namespace swaptier::util
