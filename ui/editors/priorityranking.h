// SPDX-License-Identifier: GPL-3.0-or-later
// PriorityRanking: turns "put this device at that place in the ranked list" (a drag and drop in
// the device order editor) into swapon priorities, the only order the kernel and the engine
// know. A device moved between two others gets a priority strictly between theirs (the
// midpoint, so it lands in their tier when they share one); when there is no integer between
// them, the devices above are raised (or, at the top of the range, those below lowered) just
// enough to keep the order strict, and every other device keeps its priority.
//
// Why a separate, Qt-free function: the arithmetic has edge cases (equal priorities, the ends
// of -1..32767) that deserve a table of tests of their own.
//
// Thread safety: reentrant.
#pragma once

#include <optional>
#include <vector>

namespace swaptier::ui {

struct RankedDevice {
    int device = 0;    ///< index into SandboxConfig::devices
    int priority = 0;  ///< -1..32767

    friend bool operator==(const RankedDevice&, const RankedDevice&) = default;
};

class PriorityRanking {
public:
    /// `ranked`: the devices in display order (priority descending). Returns the priority
    /// changes (device, new priority) that put `device` at position `rank` (0 = top; clamped)
    /// with priorities strictly decreasing around it; empty when nothing needs to change;
    /// nullopt when the range -1..32767 has no room (or `device` is not in the list).
    static std::optional<std::vector<RankedDevice>> moveTo(const std::vector<RankedDevice>& ranked, int device,
                                                           int rank);
};

} // namespace swaptier::ui
