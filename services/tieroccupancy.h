// SPDX-License-Identifier: GPL-3.0-or-later
// TierOccupancy: a sample's swapfile pages grouped by swap tier, for views that show where a
// cgroup's pages live per tier (the cgroup tree's tier columns, the occupancy bars).
//
// A sample gives each cgroup's device entries by device (CgroupUsage::deviceEntries) and each
// device's tier (TierUsage::tier). TierOccupancy fixes the order of the tiers once per sample
// (the setup's tier order, fastest first, then any tier only the engine named, such as the
// default tier of a setup without tiers) and which tier each device index belongs to, so that
// every view shows the same columns in the same order. Swapped-off devices belong to no tier.
//
// Thread safety: a value type; const functions are reentrant.
#pragma once

#include "swaptier/sandbox.h"

#include <cstdint>
#include <string>
#include <vector>

namespace swaptier::services {

struct TierOccupancy {
    std::vector<std::string> tiers; ///< tier names, the setup's order first
    std::vector<int> deviceTier;    ///< per device index of the sample: position in `tiers`, -1 none

    /// The tiers of `sample`'s devices, ordered by `setupTiers` (SandboxConfig::tiers; may be
    /// empty) and then by first appearance. A tier of the setup that holds no device now is
    /// listed too: an empty tier is worth seeing.
    static TierOccupancy of(const swaptier::SandboxSample& sample, const std::vector<swaptier::TierSpec>& setupTiers);

    /// `cgroup`'s swapfile pages per tier (tiers order). Device entries the sample does not
    /// attribute to a device of a tier (a sample without per-device figures, a device index
    /// past the sample's rows) are added to *unassigned when given, so that the tiers and
    /// *unassigned always sum to the cgroup's Backend::Device pages.
    std::vector<std::uint64_t> pagesOf(const swaptier::CgroupUsage& cgroup, std::uint64_t* unassigned = nullptr) const;

    bool operator==(const TierOccupancy&) const = default;
};

} // namespace swaptier::services
