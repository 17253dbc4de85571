// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicPolicyTable: the cgroup tree and swap policies as the classic design's actions see
// them (writeback, recompression and policy changes work on a cgroup's subtree, and a written
// page may only stay where its owner's policy allows it).
//
// Why the classic design keeps its own copy: the kernel's classic path has memcg limits but no
// engine to hand them to; the sandbox enforces the limits around the swap path at reclaim, and
// the classic backend needs the tree and the current policy only for the actions. Semantics as
// swaptier/policy.h: a cgroup's parent is fixed the first time it is seen (a cgroup never seen
// is a child of the root with the default policy); writeback off anywhere up the tree means
// off; the allowed tiers of a cgroup are its own intersected with every ancestor's.
//
// Thread safety: none; only the sandbox's coordinator uses it (setup and actions).
#pragma once

#include "swaptier/ids.h"
#include "swaptier/policy.h"
#include "swaptier/status.h"
#include "swaptier/tiers.h"

#include <cstdint>
#include <vector>

namespace swaptier::sandbox {

class ClassicPolicyTable {
public:
    /// Creates or changes a cgroup's policy. InvalidArgument (Error::path = "parent") for an
    /// unknown parent or a parent change, or a tree deeper than kMaxCgroupDepth.
    Status set(CgroupId cgroup, const CgroupPolicy& policy);
    /// The cgroup's policy (the default for a cgroup never set).
    const CgroupPolicy& policy(std::uint16_t cgroup) const;
    std::uint16_t parentOf(std::uint16_t cgroup) const;
    /// True if `cgroup` is `root` or one of its descendants.
    bool inSubtree(std::uint16_t cgroup, std::uint16_t root) const;
    /// memory.zswap.writeback of the cgroup and every ancestor.
    bool writebackAllowed(std::uint16_t cgroup) const;
    /// The tiers of `table` the cgroup may use (bit i = tier i): its allowed tiers intersected
    /// with every ancestor's; a name the table lacks allows nothing.
    std::uint32_t tierMask(std::uint16_t cgroup, const TierTable& table) const;

private:
    bool known(std::uint16_t cgroup) const { return cgroup < m_known.size() && m_known[cgroup]; }

    std::vector<CgroupPolicy> m_policies; ///< by CgroupId value
    std::vector<bool> m_known;
};

} // namespace swaptier::sandbox
