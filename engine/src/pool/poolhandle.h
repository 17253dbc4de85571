// SPDX-License-Identifier: GPL-3.0-or-later
// PoolHandle: the 60-bit name of one compressed-pool object, small enough to live in the
// payload of an entry's backing word (see descriptor/descriptor.h).
//
// Bit layout (bit 0 = least significant):
//   [59:58] codec      2 bits  Codec of the object (Raw = stored uncompressed)
//   [57:50] sizeClass  8 bits  index into the pool's size-class table
//   [49:24] zspage    26 bits  index of the zspage in its class's zspage table
//   [23:13] object    11 bits  object index inside the zspage (< 2048)
//   [12:0]  length    13 bits  exact stored length in bytes (1..4096)
// A handle names an object only while it is live; it is never 0 for a live object because
// length >= 1.
#pragma once

#include "swaptier/options.h"

#include <cstdint>

namespace swaptier::pool {

struct PoolHandle {
    std::uint64_t bits = 0;

    static constexpr unsigned kLengthBits = 13, kObjectBits = 11, kZspageBits = 26, kClassBits = 8, kCodecBits = 2;
    static constexpr unsigned kObjectShift = kLengthBits;
    static constexpr unsigned kZspageShift = kObjectShift + kObjectBits;
    static constexpr unsigned kClassShift = kZspageShift + kZspageBits;
    static constexpr unsigned kCodecShift = kClassShift + kClassBits;
    static constexpr unsigned kTotalBits = kCodecShift + kCodecBits; // 60
    static constexpr std::uint64_t kMaxZspages = std::uint64_t{1} << kZspageBits;
    static constexpr std::uint32_t kMaxObjects = 1u << kObjectBits;

    static constexpr std::uint64_t mask(unsigned n) { return (std::uint64_t{1} << n) - 1; }

    static constexpr PoolHandle make(Codec codec, std::uint32_t sizeClass, std::uint32_t zspage, std::uint32_t object,
                                     std::uint32_t length) {
        return PoolHandle{(std::uint64_t(codec) & mask(kCodecBits)) << kCodecShift
                          | (std::uint64_t(sizeClass) & mask(kClassBits)) << kClassShift
                          | (std::uint64_t(zspage) & mask(kZspageBits)) << kZspageShift
                          | (std::uint64_t(object) & mask(kObjectBits)) << kObjectShift
                          | (std::uint64_t(length) & mask(kLengthBits))};
    }
    constexpr Codec codec() const { return Codec((bits >> kCodecShift) & mask(kCodecBits)); }
    constexpr std::uint32_t sizeClass() const { return std::uint32_t((bits >> kClassShift) & mask(kClassBits)); }
    constexpr std::uint32_t zspage() const { return std::uint32_t((bits >> kZspageShift) & mask(kZspageBits)); }
    constexpr std::uint32_t object() const { return std::uint32_t((bits >> kObjectShift) & mask(kObjectBits)); }
    constexpr std::uint32_t length() const { return std::uint32_t(bits & mask(kLengthBits)); }
    constexpr bool operator==(const PoolHandle&) const = default;
};
static_assert(PoolHandle::kTotalBits == 60);

} // namespace swaptier::pool
