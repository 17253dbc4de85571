// SPDX-License-Identifier: GPL-3.0-or-later
// Swap tiers: named ranges of device priority, after the kernel's swap tiers
// (Documentation/mm/swap-tier.rst, /sys/kernel/mm/swap/tiers). A device belongs to the tier
// whose range holds its priority, so tiers follow priority changes with no extra state. The
// ranges of a table cover every swapon priority (-1..32767) with no gap and no overlap, so
// every device is in exactly one tier. A store may be limited to some tiers
// (StoreOptions::allowedTiers, a bit mask over the table's indexes).
//
// TierTable is an immutable, validated value: the engine publishes a new one atomically
// (Engine::setTiers) and upper layers may use make() to check a configuration up front.
#pragma once

#include "swaptier/status.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace swaptier {

inline constexpr int kMinSwapPriority = -1;        ///< DEF_SWAP_PRIO
inline constexpr int kMaxSwapPriority = 32767;
inline constexpr std::size_t kMaxTiers = 32;       ///< one bit each in StoreOptions::allowedTiers
inline constexpr std::size_t kMaxTierNameBytes = 32;
inline constexpr std::uint32_t kAllTiers = ~std::uint32_t{0};

struct TierSpec {
    std::string name;   ///< 1..32 bytes of [a-z0-9_-]
    int minPriority = kMinSwapPriority; ///< inclusive
    int maxPriority = kMaxSwapPriority; ///< inclusive

    friend bool operator==(const TierSpec&, const TierSpec&) = default;
};

class TierTable {
public:
    /// Validates `tiers` (any order) and returns them sorted by priority, highest first.
    /// Every failure is InvalidArgument with Error::path naming the field as given (indexes
    /// are positions in `tiers`, not in the sorted table); see tiertable.cpp for each rule.
    static Result<TierTable> make(std::vector<TierSpec> tiers);
    /// One tier "default" covering every priority: the engine's table until setTiers().
    static TierTable defaults();

    std::size_t size() const { return m_specs.size(); }
    /// Tier `i` in table order (highest priorities first). REQUIRES: i < size().
    const TierSpec& spec(std::size_t i) const { return m_specs[i]; }
    const std::vector<TierSpec>& specs() const { return m_specs; }
    /// Index of the tier holding `priority`; a priority outside -1..32767 counts as the
    /// nearest end of that range.
    std::size_t tierOf(int priority) const;
    std::optional<std::size_t> indexOf(std::string_view name) const;

    friend bool operator==(const TierTable&, const TierTable&) = default;

private:
    explicit TierTable(std::vector<TierSpec> specs) : m_specs(std::move(specs)) {}

    std::vector<TierSpec> m_specs; // sorted by minPriority, descending; ranges tile -1..32767
};

} // namespace swaptier
