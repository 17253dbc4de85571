// SPDX-License-Identifier: GPL-3.0-or-later
// MixShares and PageMix: the deterministic mixed page generator (see pagemix.h).
//
// What and why: a workload needs far more pages than a corpus holds, in a chosen mix of
// classes, and must be able to check any page it reads back without keeping a copy. So every
// choice (the class, the corpus page, the random bytes, the variation) is a pure function of
// (seed, index) over splitmix64 (seededhash.h): nothing here reads the clock or
// std::random_device, and fill() only reads the corpus, so it may run on many threads.
#include "swaptier/pagemix.h"

#include "swaptier/pagecorpus.h"
#include "workload/seededhash.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace swaptier {

using workload::below;
using workload::kGolden;
using workload::splitmix64;

unsigned MixShares::total() const {
    unsigned t = 0;
    for (unsigned w : weights)
        t += w;
    return t;
}

double MixShares::fraction(PageClass c) const {
    const unsigned t = total();
    return t ? static_cast<double>((*this)[c]) / t : 0.0;
}

std::optional<MixShares> MixShares::parse(std::string_view spec) {
    MixShares shares;
    shares.weights.fill(0);
    if (spec.empty())
        return std::nullopt;
    while (!spec.empty()) {
        const std::size_t comma = spec.find(',');
        const std::string_view item = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
        if (comma != std::string_view::npos && spec.empty())
            return std::nullopt; // trailing comma
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            return std::nullopt;
        const auto cls = pageClassFromName(item.substr(0, eq));
        const std::string_view num = item.substr(eq + 1);
        unsigned value = 0;
        const auto r = std::from_chars(num.data(), num.data() + num.size(), value);
        if (!cls || num.empty() || r.ec != std::errc{} || r.ptr != num.data() + num.size() || value > 1000000)
            return std::nullopt;
        shares[*cls] = value;
    }
    if (shares.total() == 0)
        return std::nullopt;
    return shares;
}

std::string MixShares::toString() const {
    std::string s;
    for (PageClass c : kAllPageClasses) {
        if (!s.empty())
            s += ',';
        s += pageClassName(c);
        s += '=';
        s += std::to_string((*this)[c]);
    }
    return s;
}

PageMix::PageMix(const PageCorpus& corpus, const MixShares& shares, std::uint64_t seed, bool variation)
    : m_corpus(&corpus), m_shares(shares), m_seed(seed), m_variation(variation) {
    for (PageClass c : {PageClass::Text, PageClass::Binary, PageClass::Heap})
        if (corpus.pageCount(c) == 0)
            m_shares[c] = 0;
}

namespace {
std::uint64_t pageHash(std::uint64_t seed, std::uint64_t index) { return splitmix64(splitmix64(seed) ^ index); }
} // namespace

PageClass PageMix::classOf(std::uint64_t index) const {
    const unsigned total = m_shares.total();
    if (total == 0)
        return PageClass::Zero;
    std::uint64_t r = below(pageHash(m_seed, index), total);
    for (PageClass c : kAllPageClasses) {
        if (r < m_shares[c])
            return c;
        r -= m_shares[c];
    }
    return PageClass::Zero; // not reached
}

PageClass PageMix::fill(MutablePage page, std::uint64_t index) const {
    const PageClass cls = classOf(index);
    const std::uint64_t h = splitmix64(pageHash(m_seed, index) ^ 0xC1A55ull);
    switch (cls) {
    case PageClass::Zero:
        std::fill(page.begin(), page.end(), std::byte{0});
        return cls;
    case PageClass::Random: {
        std::uint64_t x = h;
        for (std::size_t i = 0; i < kPageSize; i += sizeof x) {
            x += kGolden;
            const std::uint64_t v = splitmix64(x);
            std::memcpy(page.data() + i, &v, sizeof v);
        }
        return cls;
    }
    case PageClass::Text:
    case PageClass::Binary:
    case PageClass::Heap: break;
    }
    const ConstPage src = m_corpus->page(cls, below(h, m_corpus->pageCount(cls)));
    std::memcpy(page.data(), src.data(), kPageSize);
    if (!m_variation)
        return cls;
    const std::size_t at = below(h >> 17, kPageSize / 8) * 8;
    if (cls == PageClass::Text) {
        // Hex digits of the index keep the page printable.
        static constexpr char kHex[] = "0123456789abcdef";
        for (std::size_t i = 0; i < 8; ++i)
            page[at + i] = static_cast<std::byte>(kHex[(index >> (4 * (7 - i))) & 0xF]);
    } else {
        const std::uint64_t mask = splitmix64(index ^ m_seed) | 1;
        std::uint64_t v;
        std::memcpy(&v, page.data() + at, sizeof v);
        v ^= mask;
        std::memcpy(page.data() + at, &v, sizeof v);
    }
    return cls;
}

} // namespace swaptier
