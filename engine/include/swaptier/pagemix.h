// SPDX-License-Identifier: GPL-3.0-or-later
// PageMix: turns a PageCorpus into an endless, deterministic page sequence. Page `index` of
// seed `seed` always has the same class and the same bytes (for the same corpus), so a workload
// can regenerate the expected bytes of any page instead of keeping a copy.
//
// MixShares says how much of each page class (pageclass.h) the sequence holds; it has a text
// form ("zero=20,text=40,...") for command lines and settings.
//
// Thread safety: PageMix only reads its corpus; fill() is const and may run concurrently once
// the corpus is loaded.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/pageclass.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace swaptier {

class PageCorpus;

/// Relative weights of the page classes in a PageMix (any scale; percentages read best).
struct MixShares {
    std::array<unsigned, kPageClassCount> weights{20, 40, 25, 15, 0};

    unsigned& operator[](PageClass c) { return weights[static_cast<std::size_t>(c)]; }
    unsigned operator[](PageClass c) const { return weights[static_cast<std::size_t>(c)]; }
    unsigned total() const;
    /// Share of a class in [0, 1].
    double fraction(PageClass c) const;
    /// "zero=20,text=40,binary=25,random=15,heap=0" (missing classes get 0); nullopt if malformed.
    static std::optional<MixShares> parse(std::string_view spec);
    std::string toString() const;
};

/// Deterministic page generator over a corpus: page `index` gets a class drawn with the shares
/// from hash(seed, index) and a page of that class (a corpus page chosen by the same hash, a
/// PRNG page, or zeros). With variation on, Text/Binary/Heap pages get 8 bytes changed from the
/// index (hex digits in text, an XOR elsewhere) so repeated corpus pages are not identical;
/// Zero pages always stay all-zero.
///
/// Classes whose corpus is empty (no Heap capture, no text files found) are dropped from the
/// shares; shares() reports what is really used. If nothing is left, every page is Zero.
/// The corpus must outlive the mix. fill() is const and may run concurrently.
class PageMix {
public:
    PageMix(const PageCorpus& corpus, const MixShares& shares, std::uint64_t seed, bool variation = true);

    PageClass classOf(std::uint64_t index) const;
    /// Writes page `index` and returns its class.
    PageClass fill(MutablePage page, std::uint64_t index) const;
    const MixShares& shares() const { return m_shares; }
    std::uint64_t seed() const { return m_seed; }

private:
    const PageCorpus* m_corpus;
    MixShares m_shares;
    std::uint64_t m_seed;
    bool m_variation;
};

} // namespace swaptier
