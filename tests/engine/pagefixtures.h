// SPDX-License-Identifier: GPL-3.0-or-later
// Real page contents for the engine's codec and pool tests: text and library pages cut from
// files on this machine (/usr/share/common-licenses, /usr/share/doc, /usr/include, libc,
// libstdc++ and the dynamic loader) and seeded incompressible pages.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers: hide non-Qt includes from it.
#ifndef Q_MOC_RUN
#include "swaptier/ids.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <random>
#include <vector>
#endif

namespace swaptier::test {

using Page = std::array<std::byte, kPageSize>;

// --- page fixtures ---------------------------------------------------------------------------

inline std::vector<Page> pagesFromFiles(const QStringList& paths, std::size_t maxPages, bool textOnly) {
    std::vector<Page> pages;
    for (const QString& path : paths) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        if (textOnly && bytes.contains('\0'))
            continue;
        for (qsizetype off = 0; off + qsizetype(kPageSize) <= bytes.size() && pages.size() < maxPages;
             off += qsizetype(kPageSize)) {
            Page p;
            std::memcpy(p.data(), bytes.constData() + off, kPageSize);
            if (std::any_of(p.begin(), p.end(), [](std::byte b) { return b != std::byte{0}; }))
                pages.push_back(p);
        }
        if (pages.size() >= maxPages)
            break;
    }
    return pages;
}

/// Text pages: licences, package copyright files, then C headers.
inline std::vector<Page> textPages(std::size_t maxPages) {
    using namespace Qt::StringLiterals;
    QStringList files;
    const QDir licenses(u"/usr/share/common-licenses"_s);
    for (const QString& name : licenses.entryList(QDir::Files | QDir::Readable, QDir::Name))
        files << licenses.filePath(name);
    const QDir doc(u"/usr/share/doc"_s);
    for (const QString& pkg : doc.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        files << doc.filePath(pkg + u"/copyright"_s);
    const QDir include(u"/usr/include"_s);
    for (const QString& name : include.entryList({u"*.h"_s}, QDir::Files | QDir::Readable, QDir::Name))
        files << include.filePath(name);
    return pagesFromFiles(files, maxPages, true);
}

inline std::vector<Page> binaryPages(std::size_t maxPages) {
    using namespace Qt::StringLiterals;
    return pagesFromFiles({u"/usr/lib/x86_64-linux-gnu/libc.so.6"_s, u"/usr/lib/x86_64-linux-gnu/libstdc++.so.6"_s,
                           u"/lib64/ld-linux-x86-64.so.2"_s},
                          maxPages, false);
}

inline Page randomPage(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    Page p;
    for (std::size_t i = 0; i < kPageSize; i += 8) {
        const std::uint64_t v = rng();
        std::memcpy(p.data() + i, &v, 8);
    }
    return p;
}

} // namespace swaptier::test
