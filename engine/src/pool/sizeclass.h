// SPDX-License-Identifier: GPL-3.0-or-later
// Size-class geometry of the compressed pool: which object size a compressed length goes to,
// how many pages a zspage of that class chains and how many objects it holds. Pure arithmetic,
// fixed when the pool is created; see compressedpool.cpp for the trade-off and a worked example.
#pragma once

#include "swaptier/ids.h"

#include <array>
#include <cstdint>
#include <vector>

namespace swaptier::pool {

/// Smallest object: a free object must hold its free-list link, and smaller classes would only
/// add classes for the rare page that compresses below 32 bytes (zsmalloc's ZS_MIN_ALLOC_SIZE).
inline constexpr std::uint32_t kMinObjectSize = 32;
/// Step between neighbouring classes: kPageSize >> 8, so 255 classes fit the handle's 8-bit
/// class field (zsmalloc's ZS_SIZE_CLASS_DELTA). A 16-byte step also keeps every object 16-byte
/// aligned inside its zspage.
inline constexpr std::uint32_t kClassDelta = 16;
/// Classes before merging: 32, 48, ..., 4096.
inline constexpr std::uint32_t kRawClassCount = (std::uint32_t(kPageSize) - kMinObjectSize) / kClassDelta + 1;
static_assert(kRawClassCount == 255);
/// Longest zspage chain PoolOptions::maxPagesPerZspage may ask for.
inline constexpr unsigned kMaxPagesPerZspageLimit = 16;

/// Index of the unmerged class of the smallest object size >= length (length 1..kPageSize).
constexpr std::uint32_t rawClassIndex(std::uint32_t length) {
    return length <= kMinObjectSize ? 0 : (length - kMinObjectSize + kClassDelta - 1) / kClassDelta;
}

/// zsmalloc's get_pages_per_zspage(): the chain length in 1..maxPages that uses the largest
/// whole percentage of the zspage's bytes for objects; the shortest chain wins ties.
constexpr std::uint32_t pagesPerZspage(std::uint32_t objectSize, unsigned maxPages) {
    std::uint32_t best = 1, bestUsedPercent = 0;
    for (std::uint32_t pages = 1; pages <= maxPages; ++pages) {
        const std::uint32_t bytes = pages * std::uint32_t(kPageSize);
        const std::uint32_t usedPercent = (bytes - bytes % objectSize) * 100 / bytes;
        if (usedPercent > bestUsedPercent) {
            bestUsedPercent = usedPercent;
            best = pages;
        }
    }
    return best;
}

struct ClassGeometry {
    std::uint32_t objectSize = 0;       ///< bytes per object slot, a multiple of kClassDelta
    std::uint32_t pagesPerZspage = 0;   ///< pages chained into one zspage
    std::uint32_t objectsPerZspage = 0; ///< pagesPerZspage * kPageSize / objectSize
    /// One object per one-page zspage: nothing is saved by compressing below kPageSize.
    bool huge() const { return objectsPerZspage == 1; }
};

/// The pool's classes after merging: neighbouring unmerged classes with the same
/// (pagesPerZspage, objectsPerZspage) become one class with the largest of their sizes, as
/// zsmalloc does (a bigger slot in the same zspage layout costs nothing). Indices are dense,
/// ascending by object size; the last one is the huge class (kPageSize objects).
class SizeClassTable {
public:
    /// maxPagesPerZspage is clamped to 1..kMaxPagesPerZspageLimit.
    explicit SizeClassTable(unsigned maxPagesPerZspage);

    unsigned maxPagesPerZspage() const { return m_maxPages; }
    std::uint32_t count() const { return std::uint32_t(m_classes.size()); }
    const ClassGeometry& operator[](std::uint32_t index) const { return m_classes[index]; }
    /// Class for an object of `length` bytes (1..kPageSize).
    std::uint32_t classFor(std::uint32_t length) const { return m_rawToDense[rawClassIndex(length)]; }
    /// The class of kPageSize objects (raw pages and anything above the watermark).
    std::uint32_t hugeClass() const { return count() - 1; }
    /// Largest compressed length the pool keeps compressed; longer results are stored raw.
    std::uint32_t hugeWatermark() const { return m_watermark; }

private:
    unsigned m_maxPages;
    std::uint32_t m_watermark = 0;
    std::array<std::uint8_t, kRawClassCount> m_rawToDense{};
    std::vector<ClassGeometry> m_classes;
};

} // namespace swaptier::pool
