// SPDX-License-Identifier: GPL-3.0-or-later
// Size classes of the compressed pool (engine/src/pool/sizeclass.h): the geometry as zsmalloc
// computes it (merged classes, huge watermark, pages and objects per zspage for every chain
// length), and which class and zspage slot a stored object of each length really takes.
// The pool's store/load/free paths are in tst_compressedpool.cpp.
#include "compressedpooltestsupport.h"

#include <QTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers (<compare>, which swaptier/ids.h includes):
// keep engine and standard headers out of moc's sight; the test class needs none of them.
#ifndef Q_MOC_RUN
#include "pool/compressedpool.h"
#include "pool/sizeclass.h"

#include <algorithm>
#include <cstring>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::pool;
using namespace swaptier::test;

namespace {

constexpr std::uint32_t roundUpToClass(std::uint32_t length) {
    return std::max(kMinObjectSize, (length + kClassDelta - 1) / kClassDelta * kClassDelta);
}

} // namespace

class TstSizeClass : public QObject {
    Q_OBJECT

private slots:
    void geometry_data();
    void geometry();
    void classSelection_data();
    void classSelection();
};

// --- geometry --------------------------------------------------------------------------------

void TstSizeClass::geometry_data() {
    QTest::addColumn<unsigned>("maxPages");
    QTest::addColumn<unsigned>("watermark");
    QTest::addColumn<unsigned>("classes");
    // Watermarks for 4, 8 and 16 are the ones Documentation/mm/zsmalloc.rst reports.
    QTest::newRow("chain1") << 1u << 2048u << 30u;
    QTest::newRow("chain2") << 2u << 2720u << 42u;
    QTest::newRow("chain4") << 4u << 3264u << 69u;
    QTest::newRow("chain8") << 8u << 3632u << 123u;
    QTest::newRow("chain16") << 16u << 3840u << 191u;
}

void TstSizeClass::geometry() {
    QFETCH(unsigned, maxPages);
    QFETCH(unsigned, watermark);
    QFETCH(unsigned, classes);

    const SizeClassTable t(maxPages);
    QCOMPARE(t.hugeWatermark(), watermark);
    QCOMPARE(t.count(), classes);
    QCOMPARE(t[t.hugeClass()].objectSize, std::uint32_t(kPageSize));
    QVERIFY(t[t.hugeClass()].huge());
    for (std::uint32_t i = 0; i < t.count(); ++i) {
        const ClassGeometry& g = t[i];
        QVERIFY(g.objectSize % kClassDelta == 0);
        QVERIFY(g.pagesPerZspage >= 1 && g.pagesPerZspage <= maxPages);
        QCOMPARE(g.objectsPerZspage, g.pagesPerZspage * std::uint32_t(kPageSize) / g.objectSize);
        QVERIFY(g.objectsPerZspage < PoolHandle::kMaxObjects);
        if (i > 0) { // ascending, and merged neighbours really differ in layout
            QVERIFY(t[i - 1].objectSize < g.objectSize);
            QVERIFY(t[i - 1].pagesPerZspage != g.pagesPerZspage || t[i - 1].objectsPerZspage != g.objectsPerZspage);
        }
    }
    // Every length goes to the smallest class that holds it, and that class has the layout
    // zsmalloc computes for the length's own 16-byte size (merging changes nothing there).
    for (std::uint32_t length = 1; length <= kPageSize; ++length) {
        const std::uint32_t c = t.classFor(length);
        QVERIFY(t[c].objectSize >= length);
        QVERIFY(c == 0 || t[c - 1].objectSize < length);
        const std::uint32_t own = roundUpToClass(length);
        const std::uint32_t pages = pagesPerZspage(own, maxPages);
        QCOMPARE(t[c].pagesPerZspage, pages);
        QCOMPARE(t[c].objectsPerZspage, pages * std::uint32_t(kPageSize) / own);
    }
    // The worked example of compressedpool.cpp: 1536 B = 3/8 page, 8 objects in 3 pages.
    if (maxPages >= 3) {
        const ClassGeometry& g = t[t.classFor(1536)];
        QCOMPARE(g.pagesPerZspage, 3u);
        QCOMPARE(g.objectsPerZspage, 8u);
    }
}

void TstSizeClass::classSelection_data() {
    QTest::addColumn<unsigned>("maxPages");
    QTest::addColumn<unsigned>("length");
    for (unsigned chain : {1u, 4u, 16u})
        for (unsigned length : {1u, 32u, 33u, 100u, 700u, 1536u, 2048u, 2049u, 3264u, 3265u, 3840u, 4096u})
            QTest::addRow("chain%u/%uB", chain, length) << chain << length;
}

// Objects of one length fill exactly objectsPerZspage slots of one zspage before a second
// zspage is started; lengths above the watermark take a whole page each.
void TstSizeClass::classSelection() {
    QFETCH(unsigned, maxPages);
    QFETCH(unsigned, length);

    PoolOptions o;
    o.maxPagesPerZspage = maxPages;
    CompressedPool pool(o);
    const SizeClassTable t(maxPages);
    const bool huge = length > t.hugeWatermark();
    const std::uint32_t own = huge ? std::uint32_t(kPageSize) : roundUpToClass(length);
    const std::uint32_t pages = huge ? 1 : pagesPerZspage(own, maxPages);
    const std::uint32_t perZspage = pages * std::uint32_t(kPageSize) / own;

    std::vector<PoolHandle> handles;
    std::vector<std::vector<std::byte>> blobs;
    for (std::uint32_t i = 0; i <= perZspage; ++i) {
        blobs.push_back(blob(length, i));
        auto h = pool.storeCompressed(Codec::Lz4, blobs.back().data(), length);
        QVERIFY2(h.ok(), errcName(h.code()));
        QCOMPARE(h->length(), length);
        QCOMPARE(h->codec(), Codec::Lz4);
        QCOMPARE(h->object(), i < perZspage ? i : 0u); // fresh slots in order, then a new zspage
        handles.push_back(*h);

        const PoolStats s = pool.stats();
        QCOMPARE(s.classes.size(), std::size_t{1});
        const PoolClassStats& c = s.classes.front();
        QVERIFY(c.objectSize >= length && c.objectSize >= own);
        QCOMPARE(c.pagesPerZspage, pages);
        QCOMPARE(c.objectsPerZspage, perZspage);
        QCOMPARE(c.objects, std::uint64_t(i) + 1);
        QCOMPARE(c.zspages, std::uint64_t(i < perZspage ? 1 : 2));
        QCOMPARE(s.poolBytes, c.zspages * pages * kPageSize);
        QCOMPARE(s.storedBytes, std::uint64_t(i + 1) * length);
        QCOMPARE(s.rawObjects, std::uint64_t{0});
    }
    for (std::size_t i = 0; i < handles.size(); ++i)
        QVERIFY(std::memcmp(pool.objectData(handles[i]), blobs[i].data(), length) == 0);
    for (PoolHandle h : handles)
        pool.free(h);
    QCOMPARE(pool.stats().poolBytes, std::uint64_t{0});
}

QTEST_APPLESS_MAIN(TstSizeClass)
#include "tst_sizeclass.moc"
