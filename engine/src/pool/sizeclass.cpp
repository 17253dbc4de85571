// SPDX-License-Identifier: GPL-3.0-or-later
// SizeClassTable: builds the merged size classes of the compressed pool (see sizeclass.h and
// the design notes at the top of compressedpool.cpp).
#include "pool/sizeclass.h"

#include <algorithm>

namespace swaptier::pool {

SizeClassTable::SizeClassTable(unsigned maxPagesPerZspage)
    : m_maxPages(std::clamp(maxPagesPerZspage, 1u, kMaxPagesPerZspageLimit)) {
    // Walk from the largest class down, so a run of classes with the same layout ends up with
    // the run's largest size (zs_create_pool's can_merge()).
    std::array<std::uint32_t, kRawClassCount> reversedIndex{};
    for (std::uint32_t raw = kRawClassCount; raw-- > 0;) {
        const std::uint32_t size = kMinObjectSize + raw * kClassDelta;
        const std::uint32_t pages = pagesPerZspage(size, m_maxPages);
        const std::uint32_t objects = pages * std::uint32_t(kPageSize) / size;
        if (m_classes.empty() || m_classes.back().pagesPerZspage != pages
            || m_classes.back().objectsPerZspage != objects)
            m_classes.push_back({size, pages, objects});
        reversedIndex[raw] = std::uint32_t(m_classes.size() - 1);
    }
    std::reverse(m_classes.begin(), m_classes.end());
    const std::uint32_t n = count();
    for (std::uint32_t raw = 0; raw < kRawClassCount; ++raw)
        m_rawToDense[raw] = std::uint8_t(n - 1 - reversedIndex[raw]);
    for (const ClassGeometry& c : m_classes)
        if (!c.huge())
            m_watermark = std::max(m_watermark, c.objectSize);
}

} // namespace swaptier::pool
