// SPDX-License-Identifier: GPL-3.0-or-later
// Deterministic hashing and shuffling for workload generation (PageCorpus, PageMix,
// WorkloadProcess).
//
// Why our own: a workload must give the same pages for the same seed on every machine and
// standard library. std::shuffle's algorithm and the std distributions are
// implementation-defined, so file lists are shuffled with our own Fisher-Yates over
// splitmix64, and every choice in PageMix is a pure function of (seed, index). Nothing here
// reads the clock or std::random_device.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace swaptier::workload {

inline constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;

constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += kGolden;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline std::uint64_t hashString(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ull; // FNV-1a
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return h;
}

/// Uniform value in [0, bound) (bound > 0); the modulo bias is irrelevant at 64 bits.
inline std::uint64_t below(std::uint64_t h, std::uint64_t bound) { return h % bound; }

inline void seededShuffle(std::vector<std::string>& items, std::uint64_t seed) {
    std::uint64_t state = splitmix64(seed ^ 0x5EED5EED5EED5EEDull);
    for (std::size_t i = items.size(); i > 1; --i) {
        state = splitmix64(state);
        std::swap(items[i - 1], items[below(state, i)]);
    }
}

} // namespace swaptier::workload
