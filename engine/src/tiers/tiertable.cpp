// SPDX-License-Identifier: GPL-3.0-or-later
// TierTable: validation and lookup of swap tiers (swaptier/tiers.h).
//
// Which field each rule reports in Error::path (i = position in the list as given):
//   no tier at all, more than kMaxTiers tiers           -> "tiers"
//   name empty, longer than 32 bytes, not [a-z0-9_-]    -> "tiers[i].name"
//   name already used by an earlier tier                -> "tiers[i].name" (the later one)
//   minPriority outside -1..32767                       -> "tiers[i].minPriority"
//   maxPriority outside -1..32767 or below minPriority  -> "tiers[i].maxPriority"
//   two ranges overlap                                  -> "tiers[i].maxPriority" of the lower
//                                                          range (it reaches into the higher one)
//   a gap between ranges, or -1 / 32767 not covered     -> "tiers"
#include "swaptier/tiers.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace swaptier {

namespace {

Error invalid(std::string field) {
    return Error::of(Errc::InvalidArgument).file(std::move(field));
}

std::string at(std::size_t i, const char* field) {
    return "tiers[" + std::to_string(i) + "]." + field;
}

bool validName(const std::string& name) {
    if (name.empty() || name.size() > kMaxTierNameBytes)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

bool validPriority(int p) {
    return p >= kMinSwapPriority && p <= kMaxSwapPriority;
}

} // namespace

Result<TierTable> TierTable::make(std::vector<TierSpec> tiers) {
    if (tiers.empty() || tiers.size() > kMaxTiers)
        return invalid("tiers");
    std::set<std::string> names;
    for (std::size_t i = 0; i < tiers.size(); ++i) {
        const TierSpec& t = tiers[i];
        if (!validName(t.name) || !names.insert(t.name).second)
            return invalid(at(i, "name"));
        if (!validPriority(t.minPriority))
            return invalid(at(i, "minPriority"));
        if (!validPriority(t.maxPriority) || t.maxPriority < t.minPriority)
            return invalid(at(i, "maxPriority"));
    }

    // Sort positions (not specs) so an overlap can still be reported by its input index.
    std::vector<std::size_t> order(tiers.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const TierSpec& x = tiers[a];
        const TierSpec& y = tiers[b];
        if (x.minPriority != y.minPriority)
            return x.minPriority > y.minPriority;
        return x.maxPriority != y.maxPriority ? x.maxPriority > y.maxPriority : a < b;
    });
    if (tiers[order.front()].maxPriority != kMaxSwapPriority || tiers[order.back()].minPriority != kMinSwapPriority)
        return invalid("tiers");
    for (std::size_t k = 1; k < order.size(); ++k) {
        const TierSpec& higher = tiers[order[k - 1]];
        const TierSpec& lower = tiers[order[k]];
        if (lower.maxPriority >= higher.minPriority)
            return invalid(at(order[k], "maxPriority"));
        if (lower.maxPriority + 1 != higher.minPriority)
            return invalid("tiers");
    }

    std::vector<TierSpec> sorted;
    sorted.reserve(tiers.size());
    for (std::size_t i : order)
        sorted.push_back(std::move(tiers[i]));
    return TierTable(std::move(sorted));
}

TierTable TierTable::defaults() {
    return TierTable({TierSpec{"default", kMinSwapPriority, kMaxSwapPriority}});
}

std::size_t TierTable::tierOf(int priority) const {
    // At most 32 ranges, highest first: the first whose minimum is at or below `priority`.
    for (std::size_t i = 0; i + 1 < m_specs.size(); ++i)
        if (priority >= m_specs[i].minPriority)
            return i;
    return m_specs.size() - 1;
}

std::optional<std::size_t> TierTable::indexOf(std::string_view name) const {
    for (std::size_t i = 0; i < m_specs.size(); ++i)
        if (m_specs[i].name == name)
            return i;
    return std::nullopt;
}

} // namespace swaptier
