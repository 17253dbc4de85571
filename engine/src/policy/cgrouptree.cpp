// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupTree: cgroup parents, limits, hierarchical charges and allowed-tier masks (see
// cgrouptree.h for the rules and the lock order).
#include "policy/cgrouptree.h"

#include "swaptier/ids.h"

#include <algorithm>

namespace swaptier::policy {

namespace {

bool validTierName(const std::string& name) {
    if (name.empty() || name.size() > kMaxTierNameBytes)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

} // namespace

CgroupTree::CgroupTree() {
    CgroupNode& root = node(0);
    root.depth.store(0, std::memory_order_relaxed);
    root.parentPlusOne.store(CgroupNode::kRootMark, std::memory_order_release);
}

CgroupTree::~CgroupTree() {
    for (auto& c : m_chunks)
        delete c.load(std::memory_order_relaxed);
}

CgroupNode& CgroupTree::node(std::uint16_t id) {
    auto& slot = m_chunks[id >> kChunkBits];
    Chunk* chunk = slot.load(std::memory_order_acquire);
    if (!chunk) {
        std::lock_guard lock(m_lock);
        chunk = slot.load(std::memory_order_relaxed);
        if (!chunk) {
            chunk = new Chunk;
            slot.store(chunk, std::memory_order_release);
        }
    }
    return chunk->nodes[id & ((1u << kChunkBits) - 1)];
}

const CgroupNode* CgroupTree::find(std::uint16_t id) const {
    const Chunk* chunk = m_chunks[id >> kChunkBits].load(std::memory_order_acquire);
    return chunk ? &chunk->nodes[id & ((1u << kChunkBits) - 1)] : nullptr;
}

CgroupNode& CgroupTree::ensureSeen(std::uint16_t id) {
    CgroupNode& n = node(id);
    if (n.parentPlusOne.load(std::memory_order_acquire) == CgroupNode::kUnseen) {
        n.depth.store(1, std::memory_order_relaxed);
        std::uint32_t expected = CgroupNode::kUnseen;
        // A racing apply() may set another parent first: then its parent (and depth) wins.
        n.parentPlusOne.compare_exchange_strong(expected, 1u, std::memory_order_acq_rel);
    }
    return n;
}

unsigned CgroupTree::chain(std::uint16_t id, Chain& out) {
    unsigned k = 0;
    std::uint16_t cur = id;
    for (;;) {
        out[k++] = cur;
        if (cur == 0)
            return k;
        const std::uint32_t p = ensureSeen(cur).parentPlusOne.load(std::memory_order_acquire);
        cur = std::uint16_t(p - 1);
        if (k > kMaxCgroupDepth) // cannot happen: apply() bounds the depth
            return k;
    }
}

Result<CgroupPolicy> CgroupTree::apply(std::uint16_t id, const CgroupPolicy& policy) {
    auto invalid = [id](const char* field) {
        Error e = Error::of(Errc::InvalidArgument);
        e.path = field;
        e.cgroup = CgroupId{id};
        return e;
    };
    if (policy.allowedTiers) {
        for (const std::string& name : *policy.allowedTiers)
            if (!validTierName(name))
                return invalid("allowedTiers");
    }
    if (policy.swapMaxBytes != kUnlimited && policy.swapMaxBytes % kPageSize != 0)
        return invalid("swapMaxBytes"); // whole pages, like the kernel rounds memory.swap.max
    const std::uint16_t parent = id == 0 ? 0 : policy.parent.value;
    if (id != 0 && parent == id)
        return invalid("parent");
    // Chunks first: node() may take m_lock to create one.
    CgroupNode& n = node(id);
    CgroupNode& p = node(parent);

    std::lock_guard lock(m_lock);
    if (id != 0) {
        const std::uint32_t pp = p.parentPlusOne.load(std::memory_order_acquire);
        const bool parentKnown = parent == 0 || (m_policies.size() > parent && m_policies[parent].has_value());
        if (!parentKnown || pp == CgroupNode::kUnseen)
            return invalid("parent"); // create parents first
        const unsigned depth = unsigned(p.depth.load(std::memory_order_relaxed)) + 1;
        if (depth > kMaxCgroupDepth)
            return invalid("parent");
        const std::uint32_t current = n.parentPlusOne.load(std::memory_order_acquire);
        if (current == CgroupNode::kUnseen) {
            n.depth.store(std::uint8_t(depth), std::memory_order_relaxed);
            std::uint32_t expected = CgroupNode::kUnseen;
            if (!n.parentPlusOne.compare_exchange_strong(expected, std::uint32_t(parent) + 1, std::memory_order_acq_rel)
                && expected != std::uint32_t(parent) + 1)
                return invalid("parent"); // a store saw it first, under the root
        } else if (current != std::uint32_t(parent) + 1) {
            return invalid("parent"); // seen before under another parent: cgroups do not move
        }
    }
    if (m_policies.size() <= id)
        m_policies.resize(std::size_t(id) + 1);
    CgroupPolicy old = m_policies[id].value_or(CgroupPolicy{});
    CgroupPolicy stored = policy;
    stored.parent = CgroupId{parent};
    if (stored.allowedTiers.has_value() != old.allowedTiers.has_value())
        m_tierRestrictions.fetch_add(stored.allowedTiers ? 1 : -1, std::memory_order_acq_rel);
    m_policies[id] = stored;
    n.swapMaxSlots.store(policy.swapMaxBytes == kUnlimited ? kUnlimited : policy.swapMaxBytes / kPageSize,
                         std::memory_order_release);
    n.zswapMaxBytes.store(policy.zswapMaxBytes, std::memory_order_release);
    n.writeback.store(policy.zswapWriteback, std::memory_order_release);
    n.restrictsTiers.store(policy.allowedTiers.has_value(), std::memory_order_release);
    n.tierCache.store(0, std::memory_order_release);
    n.hasPolicy.store(true, std::memory_order_release);
    return old;
}

std::optional<CgroupPolicy> CgroupTree::policyOf(std::uint16_t id) const {
    std::lock_guard lock(m_lock);
    if (m_policies.size() > id)
        return m_policies[id];
    return std::nullopt;
}

std::vector<CgroupPolicyState> CgroupTree::states() const {
    std::vector<CgroupPolicyState> out;
    std::lock_guard lock(m_lock);
    for (unsigned id = 0; id < 0x10000u; ++id) {
        const CgroupNode* n = find(std::uint16_t(id));
        if (!n) {
            id |= (1u << kChunkBits) - 1; // skip the whole missing chunk
            continue;
        }
        const std::uint32_t pp = n->parentPlusOne.load(std::memory_order_acquire);
        const bool hasPolicy = m_policies.size() > id && m_policies[id].has_value();
        if (pp == CgroupNode::kUnseen && !hasPolicy)
            continue;
        CgroupPolicyState s;
        s.id = CgroupId{std::uint16_t(id)};
        if (hasPolicy)
            s.policy = *m_policies[id];
        else
            s.policy.parent = CgroupId{0};
        s.depth = n->depth.load(std::memory_order_relaxed);
        s.poolBytes = std::uint64_t(std::max<std::int64_t>(0, n->poolBytes.load(std::memory_order_relaxed)));
        s.deviceBytes = std::uint64_t(std::max<std::int64_t>(0, n->deviceSlots.load(std::memory_order_relaxed))) * kPageSize;
        s.lruEntries = std::uint64_t(std::max<std::int64_t>(0, n->lru.live()));
        out.push_back(std::move(s));
    }
    return out;
}

bool CgroupTree::isInSubtree(std::uint16_t id, std::uint16_t ancestor) {
    if (ancestor == 0 || id == ancestor)
        return true;
    Chain c;
    const unsigned k = chain(id, c);
    return std::find(c.begin(), c.begin() + k, ancestor) != c.begin() + k;
}

std::vector<std::uint16_t> CgroupTree::activeLrus() const {
    std::lock_guard lock(m_lock);
    return m_active;
}

void CgroupTree::noteActive(std::uint16_t id, CgroupNode& n) {
    if (n.activeLru.load(std::memory_order_acquire))
        return;
    std::lock_guard lock(m_lock);
    if (!n.activeLru.load(std::memory_order_relaxed)) {
        m_active.push_back(id);
        n.activeLru.store(true, std::memory_order_release);
    }
}

void CgroupTree::chargePool(std::uint16_t id, std::int64_t bytes) {
    if (bytes == 0)
        return;
    Chain c;
    const unsigned k = chain(id, c);
    for (unsigned i = 0; i < k; ++i)
        node(c[i]).poolBytes.fetch_add(bytes, std::memory_order_relaxed);
}

void CgroupTree::chargeDevice(std::uint16_t id, std::int64_t slots) {
    if (slots == 0)
        return;
    Chain c;
    const unsigned k = chain(id, c);
    for (unsigned i = 0; i < k; ++i)
        node(c[i]).deviceSlots.fetch_add(slots, std::memory_order_relaxed);
}

std::optional<std::uint16_t> CgroupTree::tryChargeDevice(std::uint16_t id, std::int64_t slots) {
    Chain c;
    const unsigned k = chain(id, c);
    for (unsigned i = 0; i < k; ++i) {
        CgroupNode& n = node(c[i]);
        const std::int64_t now = n.deviceSlots.fetch_add(slots, std::memory_order_acq_rel) + slots;
        const std::uint64_t max = n.swapMaxSlots.load(std::memory_order_acquire);
        if (max != kUnlimited && now > std::int64_t(max)) {
            for (unsigned j = 0; j <= i; ++j)
                node(c[j]).deviceSlots.fetch_sub(slots, std::memory_order_acq_rel);
            return c[i];
        }
    }
    return std::nullopt;
}

bool CgroupTree::writebackAllowed(std::uint16_t id, std::uint16_t* who) {
    Chain c;
    const unsigned k = chain(id, c);
    for (unsigned i = 0; i < k; ++i) {
        if (!node(c[i]).writeback.load(std::memory_order_acquire)) {
            if (who)
                *who = c[i];
            return false;
        }
    }
    return true;
}

std::optional<std::uint16_t> CgroupTree::overPoolLimit(std::uint16_t id, std::uint64_t extra) {
    Chain c;
    const unsigned k = chain(id, c);
    for (unsigned i = 0; i < k; ++i) {
        CgroupNode& n = node(c[i]);
        const std::uint64_t max = n.zswapMaxBytes.load(std::memory_order_acquire);
        if (max == kUnlimited)
            continue;
        if (max == 0)
            return c[i]; // zswap.max 0: no pool at all (the kernel's obj_cgroup_may_zswap)
        const std::int64_t used = n.poolBytes.load(std::memory_order_relaxed);
        if (used > 0 && std::uint64_t(used) + extra > max)
            return c[i];
        if (used <= 0 && extra > max)
            return c[i];
    }
    return std::nullopt;
}

std::uint64_t CgroupTree::poolExcess(std::uint16_t id) {
    CgroupNode& n = node(id);
    const std::uint64_t max = n.zswapMaxBytes.load(std::memory_order_acquire);
    const std::int64_t used = n.poolBytes.load(std::memory_order_relaxed);
    if (max == kUnlimited || used <= 0 || std::uint64_t(used) <= max)
        return 0;
    return std::uint64_t(used) - max;
}

std::uint64_t CgroupTree::deviceExcess(std::uint16_t id) {
    CgroupNode& n = node(id);
    const std::uint64_t max = n.swapMaxSlots.load(std::memory_order_acquire);
    const std::int64_t used = n.deviceSlots.load(std::memory_order_relaxed);
    if (max == kUnlimited || used <= 0 || std::uint64_t(used) <= max)
        return 0;
    return std::uint64_t(used) - max;
}

std::uint32_t CgroupTree::nodeMask(std::uint16_t id, CgroupNode& n, const TierTable& table, std::uint64_t generation) {
    const std::uint64_t cached = n.tierCache.load(std::memory_order_acquire);
    if (cached != 0 && (cached >> 32) == (generation & 0xFFFFFFFFu))
        return std::uint32_t(cached);
    // Computed and cached under m_lock: apply() clears the cache under it too, so a mask of
    // the old names is never cached after a policy change.
    std::lock_guard lock(m_lock);
    std::uint32_t mask = 0;
    if (m_policies.size() > id && m_policies[id] && m_policies[id]->allowedTiers) {
        for (const std::string& name : *m_policies[id]->allowedTiers)
            if (auto index = table.indexOf(name))
                mask |= 1u << *index;
    } else {
        mask = kAllTiers;
    }
    if ((generation & 0xFFFFFFFFu) != 0)
        n.tierCache.store((generation & 0xFFFFFFFFu) << 32 | mask, std::memory_order_release);
    return mask;
}

std::uint32_t CgroupTree::tierMask(std::uint16_t id, const TierTable& table, std::uint64_t generation) {
    if (!anyTierRestriction())
        return kAllTiers;
    Chain c;
    const unsigned k = chain(id, c);
    std::uint32_t mask = kAllTiers;
    for (unsigned i = 0; i < k; ++i) {
        CgroupNode& n = node(c[i]);
        if (n.restrictsTiers.load(std::memory_order_acquire))
            mask &= nodeMask(c[i], n, table, generation);
    }
    return mask;
}

} // namespace swaptier::policy
