// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the engine tests: a scratch directory and deterministic page contents
// whose bytes can be regenerated from a seed for byte-for-byte verification.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 standard headers: hide non-Qt includes from it.
#ifndef Q_MOC_RUN
#include "swaptier/engine.h"

#include <array>
#include <cstring>
#include <random>
#include <string>
#endif

namespace swaptier::test {

using Page = std::array<std::byte, kPageSize>;

/// A scratch directory under $SWAPTIER_TEST_TMPDIR (set by ctest) or the system temp dir,
/// removed at the end of the test.
inline QTemporaryDir makeScratchDir() {
    const QByteArray base = qgetenv("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(base));
        return QTemporaryDir(QString::fromLocal8Bit(base) + QStringLiteral("/tst-XXXXXX"));
    }
    return QTemporaryDir();
}

inline std::string pathIn(const QTemporaryDir& dir, const char* name) {
    return (dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
}

enum class PageKind { Zero, Text, Random, Mixed };

/// Deterministic page for (kind, seed). Text pages are word salad from a small vocabulary
/// (compresses 2-4x like real text); random pages are incompressible; mixed pages are half
/// text, half random.
inline void fillPage(Page& page, PageKind kind, std::uint64_t seed) {
    static const char* const kWords[] = {
        "swap ", "page ", "cluster ", "virtual ", "slot ", "the ", "of ", "memory ", "cgroup ", "tier ",
        "zswap ", "device ", "priority ", "writeback\n", "compaction ", "kernel ", "entry ", "count ",
    };
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + 1);
    switch (kind) {
    case PageKind::Zero:
        page.fill(std::byte{0});
        return;
    case PageKind::Random:
        for (std::size_t i = 0; i < kPageSize; i += 8) {
            const std::uint64_t v = rng();
            std::memcpy(page.data() + i, &v, 8);
        }
        return;
    case PageKind::Text:
    case PageKind::Mixed: {
        std::size_t i = 0;
        const std::size_t textEnd = kind == PageKind::Text ? kPageSize : kPageSize / 2;
        while (i < textEnd) {
            const char* w = kWords[rng() % std::size(kWords)];
            for (const char* p = w; *p && i < textEnd; ++p)
                page[i++] = std::byte(*p);
        }
        for (; i < kPageSize; i += 8) {
            const std::uint64_t v = rng();
            std::memcpy(page.data() + i, &v, std::min<std::size_t>(8, kPageSize - i));
        }
        return;
    }
    }
}

inline Page makePage(PageKind kind, std::uint64_t seed) {
    Page p;
    fillPage(p, kind, seed);
    return p;
}

inline DeviceOptions deviceIn(const QTemporaryDir& dir, const char* name, std::uint64_t pages, int priority = -1) {
    DeviceOptions d;
    d.path = pathIn(dir, name);
    d.sizeBytes = pages * kPageSize;
    d.priority = priority;
    d.io = IoMode::Buffered;
    d.removeFileOnClose = true;
    return d;
}

} // namespace swaptier::test

#define ST_VERIFY_OK(expr)                                                                          \
    do {                                                                                            \
        const auto& st_result_ = (expr);                                                            \
        QVERIFY2(st_result_.ok(), st_result_.ok() ? "" : ::swaptier::errcName(st_result_.code())); \
    } while (0)
