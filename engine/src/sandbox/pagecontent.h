// SPDX-License-Identifier: GPL-3.0-or-later
// PageContent: the bytes of a sandbox page as a pure function of (content index, write version).
//
// Resident sandbox pages hold no bytes (see sandbox.h): a page's content is PageMix page
// `index` with its write version stamped into four bytes, so the bytes handed to the swap
// design at swap-out can be generated then, and the bytes that come back at swap-in can be
// checked against the same function. Zero-class pages are never stamped: they stay all-zero
// whatever is written, so the mix's zero share is what the swap design sees.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/pagemix.h"

#include <cstdint>
#include <cstring>

namespace swaptier::sandbox {

/// Writes the content of page `index` at write version `version` into `out`.
inline void fillPageContent(const PageMix& mix, std::uint64_t index, std::uint32_t version, MutablePage out) {
    const PageClass pageClass = mix.fill(out, index);
    if (pageClass == PageClass::Zero || version == 0)
        return;
    // A 4-byte aligned place that depends on the page, so stamps do not line up across pages.
    const std::size_t offset = std::size_t(((index * 0x9E3779B97F4A7C15ull) >> 40) % (kPageSize / 4)) * 4;
    std::memcpy(out.data() + offset, &version, sizeof version);
}

} // namespace swaptier::sandbox
