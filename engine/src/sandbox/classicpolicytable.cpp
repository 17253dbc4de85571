// SPDX-License-Identifier: GPL-3.0-or-later
// ClassicPolicyTable: the classic design's record of the cgroup tree and its swap policies
// (see classicpolicytable.h).
#include "sandbox/classicpolicytable.h"

namespace swaptier::sandbox {

namespace {
const CgroupPolicy kDefaultPolicy{};
} // namespace

Status ClassicPolicyTable::set(CgroupId cgroup, const CgroupPolicy& policy) {
    const std::uint16_t id = cgroup.value;
    CgroupPolicy p = policy;
    if (id == 0) {
        p.parent = CgroupId{0};
    } else {
        const std::uint16_t parent = p.parent.value;
        if (parent == id || (parent != 0 && !known(parent)) || (known(id) && m_policies[id].parent.value != parent))
            return Error::of(Errc::InvalidArgument).file("parent");
        unsigned depth = 1;
        for (std::uint16_t g = parent; g != 0; g = parentOf(g))
            if (++depth > kMaxCgroupDepth)
                return Error::of(Errc::InvalidArgument).file("parent");
    }
    if (id >= m_policies.size()) {
        m_policies.resize(std::size_t(id) + 1);
        m_known.resize(std::size_t(id) + 1, false);
    }
    m_policies[id] = std::move(p);
    m_known[id] = true;
    return {};
}

const CgroupPolicy& ClassicPolicyTable::policy(std::uint16_t cgroup) const {
    return known(cgroup) ? m_policies[cgroup] : kDefaultPolicy;
}

std::uint16_t ClassicPolicyTable::parentOf(std::uint16_t cgroup) const {
    return known(cgroup) ? m_policies[cgroup].parent.value : std::uint16_t{0};
}

bool ClassicPolicyTable::inSubtree(std::uint16_t cgroup, std::uint16_t root) const {
    for (std::uint16_t g = cgroup;; g = parentOf(g)) {
        if (g == root)
            return true;
        if (g == 0)
            return false;
    }
}

bool ClassicPolicyTable::writebackAllowed(std::uint16_t cgroup) const {
    for (std::uint16_t g = cgroup;; g = parentOf(g)) {
        if (!policy(g).zswapWriteback)
            return false;
        if (g == 0)
            return true;
    }
}

std::uint32_t ClassicPolicyTable::tierMask(std::uint16_t cgroup, const TierTable& table) const {
    const std::uint32_t every = table.size() >= 32 ? kAllTiers : (std::uint32_t{1} << table.size()) - 1;
    std::uint32_t mask = every;
    for (std::uint16_t g = cgroup;; g = parentOf(g)) {
        if (const auto& names = policy(g).allowedTiers) {
            std::uint32_t own = 0;
            for (const std::string& name : *names)
                if (const auto index = table.indexOf(name))
                    own |= std::uint32_t{1} << *index;
            mask &= own;
        }
        if (g == 0)
            return mask;
    }
}

} // namespace swaptier::sandbox
