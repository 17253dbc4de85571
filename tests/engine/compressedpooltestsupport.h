// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the compressed pool tests (tst_sizeclass.cpp, tst_compressedpool.cpp,
// tst_compressedpoolcost.cpp): the page fixtures of pagefixtures.h, distinguishable byte blobs
// for storeCompressed(), a mixed corpus that uses every kind of size class, and a pool
// round-trip check.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include "pagefixtures.h"

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers: hide non-Qt includes from it.
#ifndef Q_MOC_RUN
#include "pool/compressedpool.h"
#include "swaptier/ids.h"
#include "swaptier/options.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <random>
#include <vector>
#endif

namespace swaptier::test {

/// A page of `length` distinguishable bytes (for storeCompressed, which stores bytes verbatim).
inline std::vector<std::byte> blob(std::size_t length, std::uint32_t tag) {
    std::vector<std::byte> b(length);
    for (std::size_t i = 0; i < length; ++i)
        b[i] = std::byte((i * 131 + tag * 7) & 0xFF);
    return b;
}

/// Text, binary, random and zero pages mixed, so every kind of class is used.
inline std::vector<Page> mixedCorpus(std::size_t perKind) {
    std::vector<Page> pages = textPages(perKind);
    const std::vector<Page> bin = binaryPages(perKind);
    pages.insert(pages.end(), bin.begin(), bin.end());
    for (std::size_t i = 0; i < perKind / 4; ++i)
        pages.push_back(randomPage(77 + i));
    pages.push_back(Page{});
    return pages;
}

inline bool loadsAs(const pool::CompressedPool& pool, pool::PoolHandle h, const Page& expected) {
    Page out;
    return pool.load(h, out.data()).ok() && out == expected;
}

inline PoolOptions withCodec(Codec codec, int level = 3) {
    PoolOptions o;
    o.codec = codec;
    o.zstdLevel = level;
    return o;
}

} // namespace swaptier::test
