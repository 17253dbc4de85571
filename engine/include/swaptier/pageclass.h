// SPDX-License-Identifier: GPL-3.0-or-later
// Page classes: the kinds of 4 KiB page contents a workload is made of, so that compression in
// tests, benchmarks and the demo workload is real compression of realistic data, not of
// synthetic patterns.
//
// Page classes (see limits.md for what each compresses to):
//   Zero    all-zero pages (the zero backend; generated, never stored)
//   Text    cut from real text files: licences, copyright files, uncompressed man/info pages
//   Binary  cut from shared libraries, page-aligned as they would be mapped
//   Random  from a seeded PRNG: incompressible, the pool stores them raw (generated)
//   Heap    the anonymous writable memory of a running process ([heap] and anonymous rw-p
//           mappings), read through process_vm_readv or /proc/PID/mem
//
// PageCorpus (pagecorpus.h) stores Text, Binary and Heap pages; PageMix (pagemix.h) draws a
// class for every page index. This header is on its own because both of them need it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace swaptier {

enum class PageClass : std::uint8_t {
    Zero = 0,
    Text = 1,
    Binary = 2,
    Random = 3,
    Heap = 4,
};
inline constexpr std::size_t kPageClassCount = 5;
inline constexpr std::array<PageClass, kPageClassCount> kAllPageClasses = {
    PageClass::Zero, PageClass::Text, PageClass::Binary, PageClass::Random, PageClass::Heap};

/// Stable machine name ("zero", "text", "binary", "random", "heap").
const char* pageClassName(PageClass pageClass);
std::optional<PageClass> pageClassFromName(std::string_view name);

} // namespace swaptier
