// SPDX-License-Identifier: GPL-3.0-or-later
// Strongly typed identifiers of the engine. Never bare integers across the API.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>

namespace swaptier {

/// Size of one page, the unit every backend stores.
inline constexpr std::size_t kPageSize = 4096;

/// A virtual swap slot: the id a (simulated) page-table entry holds.
/// Layout: value = clusterIndex * kClusterSize + offsetInCluster. Slot ids are allocated
/// dynamically; kInvalid is never a valid slot.
struct SlotId {
    static constexpr std::uint64_t kInvalid = ~std::uint64_t{0};
    std::uint64_t value = kInvalid;

    constexpr bool valid() const { return value != kInvalid; }
    constexpr auto operator<=>(const SlotId&) const = default;
};

/// Owning cgroup of an entry. 16 bits like the kernel's memcg id; 0 is the root cgroup.
struct CgroupId {
    std::uint16_t value = 0;
    constexpr auto operator<=>(const CgroupId&) const = default;
};

/// A swapfile device. Ids are never reused within one engine (a removed device's id stays dead).
struct DeviceId {
    static constexpr std::uint32_t kInvalid = ~std::uint32_t{0};
    std::uint32_t value = kInvalid;

    constexpr bool valid() const { return value != kInvalid; }
    constexpr auto operator<=>(const DeviceId&) const = default;
};

} // namespace swaptier

template<> struct std::hash<swaptier::SlotId> {
    std::size_t operator()(swaptier::SlotId s) const noexcept { return std::hash<std::uint64_t>{}(s.value); }
};
template<> struct std::hash<swaptier::CgroupId> {
    std::size_t operator()(swaptier::CgroupId c) const noexcept { return c.value; }
};
template<> struct std::hash<swaptier::DeviceId> {
    std::size_t operator()(swaptier::DeviceId d) const noexcept { return d.value; }
};
