// SPDX-License-Identifier: GPL-3.0-or-later
// TierOccupancy (tieroccupancy.h).
#include "tieroccupancy.h"

#include <algorithm>

namespace swaptier::services {

TierOccupancy TierOccupancy::of(const swaptier::SandboxSample& sample,
                                const std::vector<swaptier::TierSpec>& setupTiers) {
    TierOccupancy out;
    const auto position = [&out](const std::string& name) {
        const auto it = std::find(out.tiers.begin(), out.tiers.end(), name);
        if (it != out.tiers.end())
            return int(it - out.tiers.begin());
        out.tiers.push_back(name);
        return int(out.tiers.size()) - 1;
    };
    for (const swaptier::TierSpec& t : setupTiers)
        position(t.name);
    for (const swaptier::TierUsage& row : sample.tiers) {
        if (row.backend != swaptier::Backend::Device || row.device < 0)
            continue;
        if (std::size_t(row.device) >= out.deviceTier.size())
            out.deviceTier.resize(std::size_t(row.device) + 1, -1);
        if (!row.swappedOff && !row.tier.empty())
            out.deviceTier[std::size_t(row.device)] = position(row.tier);
    }
    return out;
}

std::vector<std::uint64_t> TierOccupancy::pagesOf(const swaptier::CgroupUsage& cgroup, std::uint64_t* unassigned) const {
    std::vector<std::uint64_t> pages(tiers.size(), 0);
    std::uint64_t assigned = 0;
    for (std::size_t d = 0; d < cgroup.deviceEntries.size() && d < deviceTier.size(); ++d) {
        if (deviceTier[d] < 0 || std::size_t(deviceTier[d]) >= pages.size())
            continue; // no tier (or a hand-made TierOccupancy out of step): unassigned
        pages[std::size_t(deviceTier[d])] += cgroup.deviceEntries[d];
        assigned += cgroup.deviceEntries[d];
    }
    if (unassigned) {
        const std::uint64_t device = cgroup.swappedPages[std::size_t(swaptier::Backend::Device)];
        *unassigned = device > assigned ? device - assigned : 0;
    }
    return pages;
}

} // namespace swaptier::services
