// SPDX-License-Identifier: GPL-3.0-or-later
// CompressedPool (engine/src/pool): size-class geometry as zsmalloc computes it, store/load/
// free round trips per codec, raw storage of incompressible pages, zspage packing and the
// fullest-first allocation policy, memory given back, the limit with its accept-threshold
// hysteresis, runtime option changes, and many threads at once.
// moc (Qt 6.4) cannot parse <compare>, which swaptier/ids.h includes, in this build's predefined
// C++ mode; the test class needs none of these declarations.
#ifndef Q_MOC_RUN
#include "codec/codec.h"
#include "pool/compressedpool.h"
#include "pool/sizeclass.h"
#endif

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

using namespace swaptier;
using namespace swaptier::pool;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(swaptier::Codec)

// Counts this thread's operator new calls (noAllocationOnHotPath). libstdc++'s array and
// nothrow forms call this one. Not under ASan/TSan: their runtimes replace operator new
// themselves and would see our delete free memory their new allocated.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SWAPTIER_COUNT_ALLOCATIONS 0
#else
#define SWAPTIER_COUNT_ALLOCATIONS 1
namespace {
thread_local std::uint64_t t_allocations = 0;
}
void* operator new(std::size_t n) {
    ++t_allocations;
    if (void* p = std::malloc(n ? n : 1))
        return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
#endif

namespace {

using Page = std::array<std::byte, kPageSize>;

// --- page fixtures ---------------------------------------------------------------------------

std::vector<Page> pagesFromFiles(const QStringList& paths, std::size_t maxPages, bool textOnly) {
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
std::vector<Page> textPages(std::size_t maxPages) {
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

std::vector<Page> binaryPages(std::size_t maxPages) {
    return pagesFromFiles({u"/usr/lib/x86_64-linux-gnu/libc.so.6"_s, u"/usr/lib/x86_64-linux-gnu/libstdc++.so.6"_s},
                          maxPages, false);
}

Page randomPage(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    Page p;
    for (std::size_t i = 0; i < kPageSize; i += 8) {
        const std::uint64_t v = rng();
        std::memcpy(p.data() + i, &v, 8);
    }
    return p;
}

/// A page of `length` distinguishable bytes (for storeCompressed, which stores bytes verbatim).
std::vector<std::byte> blob(std::size_t length, std::uint32_t tag) {
    std::vector<std::byte> b(length);
    for (std::size_t i = 0; i < length; ++i)
        b[i] = std::byte((i * 131 + tag * 7) & 0xFF);
    return b;
}

/// Text, binary, random and zero pages mixed, so every kind of class is used.
std::vector<Page> mixedCorpus(std::size_t perKind) {
    std::vector<Page> pages = textPages(perKind);
    const std::vector<Page> bin = binaryPages(perKind);
    pages.insert(pages.end(), bin.begin(), bin.end());
    for (std::size_t i = 0; i < perKind / 4; ++i)
        pages.push_back(randomPage(77 + i));
    pages.push_back(Page{});
    return pages;
}

bool loadsAs(const CompressedPool& pool, PoolHandle h, const Page& expected) {
    Page out;
    return pool.load(h, out.data()).ok() && out == expected;
}

PoolOptions withCodec(Codec codec, int level = 3) {
    PoolOptions o;
    o.codec = codec;
    o.zstdLevel = level;
    return o;
}

constexpr std::uint32_t roundUpToClass(std::uint32_t length) {
    return std::max(kMinObjectSize, (length + kClassDelta - 1) / kClassDelta * kClassDelta);
}

} // namespace

class TstCompressedPool : public QObject {
    Q_OBJECT

private slots:
    void geometry_data();
    void geometry();
    void classSelection_data();
    void classSelection();
    void roundTrip_data();
    void roundTrip();
    void rawStorage();
    void storeCompressed();
    void fullestFirst();
    void memoryReturned();
    void limitHysteresis_data();
    void limitHysteresis();
    void limitChangedAtRuntime();
    void setOptionsValidation_data();
    void setOptionsValidation();
    void codecSwitch();
    void disabledPool();
    void allocatorEfficiency_data();
    void allocatorEfficiency();
    void noAllocationOnHotPath();
    void concurrent();
    void overhead();
};

// --- geometry --------------------------------------------------------------------------------

void TstCompressedPool::geometry_data() {
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

void TstCompressedPool::geometry() {
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

void TstCompressedPool::classSelection_data() {
    QTest::addColumn<unsigned>("maxPages");
    QTest::addColumn<unsigned>("length");
    for (unsigned chain : {1u, 4u, 16u})
        for (unsigned length : {1u, 32u, 33u, 100u, 700u, 1536u, 2048u, 2049u, 3264u, 3265u, 3840u, 4096u})
            QTest::addRow("chain%u/%uB", chain, length) << chain << length;
}

// Objects of one length fill exactly objectsPerZspage slots of one zspage before a second
// zspage is started; lengths above the watermark take a whole page each.
void TstCompressedPool::classSelection() {
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

// --- round trips -----------------------------------------------------------------------------

void TstCompressedPool::roundTrip_data() {
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("level");
    QTest::addColumn<unsigned>("maxPages");
    QTest::newRow("lz4") << Codec::Lz4 << 0 << 4u;
    QTest::newRow("lzo") << Codec::Lzo << 0 << 4u;
    QTest::newRow("zstd-1") << Codec::Zstd << -1 << 4u;
    QTest::newRow("zstd3") << Codec::Zstd << 3 << 4u;
    QTest::newRow("zstd3/chain1") << Codec::Zstd << 3 << 1u;
    QTest::newRow("lz4/chain16") << Codec::Lz4 << 0 << 16u;
    QTest::newRow("raw") << Codec::Raw << 0 << 4u; // a pool that never compresses
}

void TstCompressedPool::roundTrip() {
    QFETCH(Codec, codec);
    QFETCH(int, level);
    QFETCH(unsigned, maxPages);

    const std::vector<Page> pages = mixedCorpus(150);
    PoolOptions o = withCodec(codec, level);
    o.maxPagesPerZspage = maxPages;
    CompressedPool pool(o);

    std::vector<PoolHandle> handles;
    std::uint64_t stored = 0, raw = 0;
    for (const Page& page : pages) {
        auto h = pool.store(page.data());
        QVERIFY2(h.ok(), errcName(h.code()));
        QVERIFY(h->codec() == codec || h->codec() == Codec::Raw);
        if (h->codec() == Codec::Raw) {
            QCOMPARE(h->length(), std::uint32_t(kPageSize));
            ++raw;
        } else {
            QVERIFY(h->length() <= SizeClassTable(maxPages).hugeWatermark());
        }
        stored += h->length();
        handles.push_back(*h);
    }
    for (std::size_t i = 0; i < pages.size(); ++i) {
        QVERIFY2(loadsAs(pool, handles[i], pages[i]), qPrintable(u"page %1"_s.arg(i)));
        // objectData() holds exactly what load() decodes.
        Page viaData;
        QVERIFY(codec::decompressPage(handles[i].codec(), pool.objectData(handles[i]), handles[i].length(),
                                      viaData.data())
                    .ok());
        QVERIFY(viaData == pages[i]);
    }
    PoolStats s = pool.stats();
    QCOMPARE(s.objects, std::uint64_t(pages.size()));
    QCOMPARE(s.rawObjects, raw);
    QCOMPARE(s.storedBytes, stored);
    QCOMPARE(s.originalBytes, pages.size() * kPageSize);
    QVERIFY(s.poolBytes >= s.storedBytes);
    QVERIFY(s.metadataBytes > 0);
    std::uint64_t classObjects = 0, classZspages = 0, classBytes = 0;
    for (const PoolClassStats& c : s.classes) {
        QVERIFY(c.zspages > 0);
        QVERIFY(c.objects <= c.zspages * c.objectsPerZspage);
        classObjects += c.objects;
        classZspages += c.zspages;
        classBytes += c.zspages * c.pagesPerZspage * kPageSize;
    }
    QCOMPARE(classObjects, s.objects);
    QCOMPARE(classZspages, s.zspages);
    QCOMPARE(classBytes, s.poolBytes);
    if (codec == Codec::Raw)
        QCOMPARE(s.rawObjects, s.objects);
    else
        QVERIFY(s.compressionRatio() > 1.3);

    for (PoolHandle h : handles)
        pool.free(h);
    s = pool.stats();
    QCOMPARE(s.objects, std::uint64_t{0});
    QCOMPARE(s.rawObjects, std::uint64_t{0});
    QCOMPARE(s.storedBytes, std::uint64_t{0});
    QCOMPARE(s.poolBytes, std::uint64_t{0});
    QCOMPARE(s.zspages, std::uint64_t{0});
    QVERIFY(s.classes.empty());
}

// Incompressible pages go to the huge class raw: one page per object, loaded by copying.
void TstCompressedPool::rawStorage() {
    CompressedPool pool(withCodec(Codec::Zstd, 3));
    std::vector<Page> pages;
    std::vector<PoolHandle> handles;
    for (std::uint64_t i = 0; i < 64; ++i) {
        pages.push_back(randomPage(i));
        auto h = pool.store(pages.back().data());
        QVERIFY(h.ok());
        QCOMPARE(h->codec(), Codec::Raw);
        QCOMPARE(h->length(), std::uint32_t(kPageSize));
        QVERIFY(std::memcmp(pool.objectData(*h), pages.back().data(), kPageSize) == 0);
        handles.push_back(*h);
    }
    const PoolStats s = pool.stats();
    QCOMPARE(s.rawObjects, std::uint64_t{64});
    QCOMPARE(s.zspages, std::uint64_t{64});
    QCOMPARE(s.poolBytes, 64 * kPageSize);
    QCOMPARE(s.allocatorEfficiency(), 1.0);
    QCOMPARE(s.classes.size(), std::size_t{1});
    QCOMPARE(s.classes[0].objectSize, std::uint32_t(kPageSize));
    QCOMPARE(s.classes[0].objectsPerZspage, 1u);
    for (std::size_t i = 0; i < pages.size(); ++i)
        QVERIFY(loadsAs(pool, handles[i], pages[i]));
    for (PoolHandle h : handles)
        pool.free(h);
    QCOMPARE(pool.stats().poolBytes, std::uint64_t{0});
}

void TstCompressedPool::storeCompressed() {
    CompressedPool pool(withCodec(Codec::Lz4));
    const std::vector<std::byte> b = blob(kPageSize + 1, 1);
    QCOMPARE(pool.storeCompressed(Codec::Lz4, b.data(), 0).code(), Errc::InvalidArgument);
    QCOMPARE(pool.storeCompressed(Codec::Lz4, b.data(), kPageSize + 1).code(), Errc::InvalidArgument);
    QCOMPARE(pool.storeCompressed(Codec::Raw, b.data(), kPageSize - 1).code(), Errc::InvalidArgument);
    QCOMPARE(pool.storeCompressed(Codec(9), b.data(), 100).code(), Errc::InvalidArgument);

    // Bytes compressed elsewhere (another pool, another codec) load like the pool's own.
    std::vector<Page> pages = textPages(8);
    Page half = randomPage(5); // compresses to ~3.6 KiB: above the watermark, kept compressed
    std::fill(half.begin() + 3600, half.end(), std::byte{0});
    pages.push_back(half);
    for (Codec c : {Codec::Zstd, Codec::Lzo, Codec::Lz4}) {
        for (const Page& page : pages) {
            std::vector<std::byte> z(codec::compressBound(c));
            z.resize(codec::compressPage(c, 1, page.data(), z.data(), z.size()));
            QVERIFY(!z.empty());
            auto h = pool.storeCompressed(c, z.data(), z.size());
            QVERIFY(h.ok());
            QCOMPARE(h->codec(), c);
            QCOMPARE(h->length(), std::uint32_t(z.size()));
            QVERIFY(std::memcmp(pool.objectData(*h), z.data(), z.size()) == 0);
            QVERIFY(loadsAs(pool, *h, page));
            pool.free(*h);
        }
    }
    const Page page = randomPage(6);
    auto raw = pool.storeCompressed(Codec::Raw, page.data(), kPageSize);
    QVERIFY(raw.ok());
    QVERIFY(loadsAs(pool, *raw, page));
    QCOMPARE(pool.stats().rawObjects, std::uint64_t{1});
    pool.free(*raw);

    // Bytes that do not decode report CorruptData on load (the pool stores, it does not check).
    const std::vector<std::byte> junk = blob(700, 3);
    auto bad = pool.storeCompressed(Codec::Zstd, junk.data(), junk.size());
    QVERIFY(bad.ok());
    Page out;
    QCOMPARE(pool.load(*bad, out.data()).code(), Errc::CorruptData);
    pool.free(*bad);
    QCOMPARE(pool.stats().zspages, std::uint64_t{0});
}

// Allocation takes the fullest non-full zspage, so sparse zspages drain.
void TstCompressedPool::fullestFirst() {
    CompressedPool pool(withCodec(Codec::Lz4));
    constexpr std::uint32_t kLength = 1536; // 8 objects in 3 pages
    const std::vector<std::byte> b = blob(kLength, 0);
    std::vector<PoolHandle> handles;
    for (int i = 0; i < 3 * 8; ++i) {
        auto h = pool.storeCompressed(Codec::Lz4, b.data(), kLength);
        QVERIFY(h.ok());
        handles.push_back(*h);
    }
    QCOMPARE(pool.stats().zspages, std::uint64_t{3});
    const std::uint32_t sparse = handles[0].zspage(), dense = handles[8].zspage(), other = handles[16].zspage();
    QVERIFY(sparse != dense && dense != other && sparse != other);
    // sparse: 1 of 8 left (12%); dense: 7 of 8 (87%); other: 4 of 8 (50%).
    for (int i = 1; i < 8; ++i)
        pool.free(handles[std::size_t(i)]);
    pool.free(handles[8]);
    for (int i = 16; i < 20; ++i)
        pool.free(handles[std::size_t(i)]);
    auto h = pool.storeCompressed(Codec::Lz4, b.data(), kLength);
    QVERIFY(h.ok());
    QCOMPARE(h->zspage(), dense);
    QCOMPARE(h->object(), handles[8].object()); // the slot just freed, reused through its link
    // dense is full now; the next goes to "other" (50%), not to "sparse" (12%).
    auto h2 = pool.storeCompressed(Codec::Lz4, b.data(), kLength);
    QVERIFY(h2.ok());
    QCOMPARE(h2->zspage(), other);
    // Emptying "sparse" frees it at once.
    const std::uint64_t before = pool.stats().poolBytes;
    pool.free(handles[0]);
    QCOMPARE(pool.stats().poolBytes, before - 3 * kPageSize);
    QCOMPARE(pool.stats().zspages, std::uint64_t{2});
}

// Interleaved stores and frees in random order: everything comes back, ids are reused.
void TstCompressedPool::memoryReturned() {
    const std::vector<Page> pages = mixedCorpus(120);
    CompressedPool pool(withCodec(Codec::Lz4));
    std::mt19937 rng(12345);
    std::vector<std::pair<PoolHandle, std::size_t>> live;
    std::uint64_t peakZspages = 0;
    for (int round = 0; round < 6; ++round) {
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const std::size_t which = rng() % pages.size();
            auto h = pool.store(pages[which].data());
            QVERIFY(h.ok());
            live.emplace_back(*h, which);
        }
        std::shuffle(live.begin(), live.end(), rng);
        const std::size_t keep = round == 5 ? 0 : live.size() / 3;
        while (live.size() > keep) {
            QVERIFY(loadsAs(pool, live.back().first, pages[live.back().second]));
            pool.free(live.back().first);
            live.pop_back();
        }
        peakZspages = std::max(peakZspages, pool.stats().zspages);
    }
    const PoolStats s = pool.stats();
    QCOMPARE(s.poolBytes, std::uint64_t{0});
    QCOMPARE(s.zspages, std::uint64_t{0});
    QCOMPARE(s.objects, std::uint64_t{0});
    QCOMPARE(s.storedBytes, std::uint64_t{0});
    // What stays is bookkeeping only: class table and id tables, no zspage headers.
    QVERIFY2(s.metadataBytes < 256 * 1024, qPrintable(QString::number(s.metadataBytes)));
}

// --- limit -----------------------------------------------------------------------------------

void TstCompressedPool::limitHysteresis_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<unsigned>("limitPages");
    QTest::addColumn<unsigned>("threshold");
    QTest::newRow("random/90%") << u"random"_s << 64u << 90u;
    QTest::newRow("random/50%") << u"random"_s << 40u << 50u;
    QTest::newRow("random/100%") << u"random"_s << 32u << 100u; // no hysteresis
    QTest::newRow("random/1%") << u"random"_s << 100u << 1u;
    QTest::newRow("text/90%") << u"text"_s << 96u << 90u;
    QTest::newRow("text/70%") << u"text"_s << 50u << 70u;
}

void TstCompressedPool::limitHysteresis() {
    QFETCH(QString, kind);
    QFETCH(unsigned, limitPages);
    QFETCH(unsigned, threshold);

    std::vector<Page> pages;
    if (kind == u"text"_s) {
        pages = textPages(2000);
        if (pages.size() < 400)
            QSKIP("fewer than 400 text pages found under /usr/share/common-licenses, /usr/share/doc, /usr/include");
    } else {
        for (std::uint64_t i = 0; i < 2 * limitPages; ++i)
            pages.push_back(randomPage(i));
    }
    PoolOptions o = withCodec(Codec::Lz4);
    o.limitBytes = std::uint64_t(limitPages) * kPageSize;
    o.acceptThresholdPercent = threshold;
    CompressedPool pool(o);
    const std::uint64_t accept = o.limitBytes * threshold / 100;

    // Fill until the pool refuses.
    std::vector<std::pair<PoolHandle, std::size_t>> live;
    std::size_t next = 0;
    Errc refused = Errc::Ok;
    while (next < pages.size()) {
        auto h = pool.store(pages[next].data());
        if (!h.ok()) {
            refused = h.code();
            break;
        }
        live.emplace_back(*h, next++);
        QVERIFY(!pool.refusing());
    }
    QCOMPARE(refused, Errc::PoolLimit);
    PoolStats s = pool.stats();
    QVERIFY(s.poolBytes <= o.limitBytes);
    QVERIFY(s.full);
    QVERIFY(pool.refusing());
    QCOMPARE(s.limitHits, std::uint64_t{1});
    QCOMPARE(s.rejects, std::uint64_t{1});

    // While full, even a page that would fit an existing zspage is refused.
    const Page zeroish{};
    QCOMPARE(pool.store(zeroish.data()).code(), Errc::PoolLimit);
    QCOMPARE(pool.stats().rejects, std::uint64_t{2});
    QCOMPARE(pool.stats().limitHits, std::uint64_t{1});

    // Free oldest first; refuse exactly while poolBytes >= limit * threshold / 100.
    std::uint64_t rejects = 2;
    bool accepted = false;
    for (std::size_t i = 0; i < live.size() && !accepted; ++i) {
        QVERIFY(loadsAs(pool, live[i].first, pages[live[i].second]));
        pool.free(live[i].first);
        const std::uint64_t used = pool.stats().poolBytes;
        if (used >= accept) {
            QVERIFY2(pool.refusing(), qPrintable(u"used %1, accept below %2"_s.arg(used).arg(accept)));
            QCOMPARE(pool.store(zeroish.data()).code(), Errc::PoolLimit);
            QCOMPARE(pool.stats().rejects, ++rejects);
        } else {
            QVERIFY(!pool.refusing());
            QVERIFY(!pool.stats().full);
            auto h = pool.store(pages[next % pages.size()].data());
            QVERIFY2(h.ok(), errcName(h.code()));
            QVERIFY(loadsAs(pool, *h, pages[next % pages.size()]));
            pool.free(*h);
            accepted = true;
        }
    }
    QVERIFY(accepted);
    QCOMPARE(pool.stats().limitHits, std::uint64_t{1});
}

void TstCompressedPool::limitChangedAtRuntime() {
    CompressedPool pool(withCodec(Codec::Lz4));
    std::vector<PoolHandle> handles;
    for (std::uint64_t i = 0; i < 20; ++i) {
        const Page p = randomPage(i);
        handles.push_back(*pool.store(p.data()));
    }
    QVERIFY(!pool.refusing());
    // Lowering the limit below usage makes the pool full at once.
    PoolOptions o = pool.options();
    o.limitBytes = 10 * kPageSize;
    QVERIFY(pool.setOptions(o).ok());
    QVERIFY(pool.refusing());
    const Page p = randomPage(99);
    QCOMPARE(pool.store(p.data()).code(), Errc::PoolLimit);
    QCOMPARE(pool.stats().limitBytes, 10 * kPageSize);
    // Removing the limit ends the hysteresis.
    o.limitBytes = 0;
    QVERIFY(pool.setOptions(o).ok());
    QVERIFY(!pool.refusing());
    auto h = pool.store(p.data());
    QVERIFY(h.ok());
    handles.push_back(*h);
    // So does a limit raised far enough.
    o.limitBytes = 10 * kPageSize;
    QVERIFY(pool.setOptions(o).ok());
    QVERIFY(pool.refusing());
    o.limitBytes = 100 * kPageSize;
    QVERIFY(pool.setOptions(o).ok());
    QVERIFY(!pool.refusing());
    for (PoolHandle x : handles)
        pool.free(x);
}

// --- options ---------------------------------------------------------------------------------

void TstCompressedPool::setOptionsValidation_data() {
    QTest::addColumn<int>("codec");
    QTest::addColumn<int>("level");
    QTest::addColumn<unsigned>("threshold");
    QTest::addColumn<bool>("valid");
    QTest::newRow("zstd min level") << int(Codec::Zstd) << codec::zstdMinLevel() << 90u << true;
    QTest::newRow("zstd max level") << int(Codec::Zstd) << codec::zstdMaxLevel() << 90u << true;
    QTest::newRow("zstd level too high") << int(Codec::Zstd) << codec::zstdMaxLevel() + 1 << 90u << false;
    QTest::newRow("zstd level too low") << int(Codec::Zstd) << codec::zstdMinLevel() - 1 << 90u << false;
    QTest::newRow("threshold 0") << int(Codec::Lz4) << 3 << 0u << false;
    QTest::newRow("threshold 1") << int(Codec::Lz4) << 3 << 1u << true;
    QTest::newRow("threshold 100") << int(Codec::Lzo) << 3 << 100u << true;
    QTest::newRow("threshold 101") << int(Codec::Lzo) << 3 << 101u << false;
    QTest::newRow("unknown codec") << 4 << 3 << 90u << false;
    QTest::newRow("raw codec") << int(Codec::Raw) << 3 << 90u << true;
}

void TstCompressedPool::setOptionsValidation() {
    QFETCH(int, codec);
    QFETCH(int, level);
    QFETCH(unsigned, threshold);
    QFETCH(bool, valid);

    PoolOptions initial = withCodec(Codec::Lz4);
    initial.maxPagesPerZspage = 8;
    CompressedPool pool(initial);
    PoolOptions o = initial;
    o.codec = Codec(codec);
    o.zstdLevel = level;
    o.acceptThresholdPercent = threshold;
    o.limitBytes = 1 << 20;
    o.maxPagesPerZspage = 2; // fixed at creation: ignored
    const Status s = pool.setOptions(o);
    QCOMPARE(s.code(), valid ? Errc::Ok : Errc::InvalidArgument);
    const PoolOptions now = pool.options();
    QCOMPARE(now.maxPagesPerZspage, 8u);
    QCOMPARE(now.codec, valid ? o.codec : initial.codec);
    QCOMPARE(now.limitBytes, valid ? o.limitBytes : initial.limitBytes);
    QCOMPARE(pool.stats().codec, now.codec);
    QCOMPARE(pool.stats().acceptThresholdPercent, now.acceptThresholdPercent);

    const std::vector<Page> pages = mixedCorpus(8);
    for (const Page& page : pages) {
        auto h = pool.store(page.data());
        QVERIFY(h.ok());
        QVERIFY(loadsAs(pool, *h, page));
        pool.free(*h);
    }
}

// Objects keep the codec they were stored with when the pool's codec changes.
void TstCompressedPool::codecSwitch() {
    const std::vector<Page> pages = mixedCorpus(40);
    CompressedPool pool(withCodec(Codec::Lz4));
    struct Stored {
        PoolHandle handle;
        std::size_t page;
        Codec codec;
    };
    std::vector<Stored> all;
    const std::pair<Codec, int> steps[] = {{Codec::Lz4, 0}, {Codec::Zstd, 5}, {Codec::Lzo, 0}, {Codec::Zstd, -3},
                                           {Codec::Raw, 0}, {Codec::Lz4, 0}};
    for (const auto& [c, level] : steps) {
        PoolOptions o = pool.options();
        o.codec = c;
        o.zstdLevel = level;
        QVERIFY(pool.setOptions(o).ok());
        QCOMPARE(pool.stats().codec, c);
        for (std::size_t i = 0; i < pages.size(); i += 3) {
            auto h = pool.store(pages[i].data());
            QVERIFY(h.ok());
            QVERIFY(h->codec() == c || h->codec() == Codec::Raw);
            all.push_back({*h, i, c});
        }
    }
    QSet<int> seen;
    for (const Stored& s : all) {
        QVERIFY(loadsAs(pool, s.handle, pages[s.page]));
        seen.insert(int(s.handle.codec()));
    }
    QCOMPARE(seen.size(), 4); // zstd, lz4, lzo and raw objects live side by side
    for (const Stored& s : all)
        pool.free(s.handle);
    QCOMPARE(pool.stats().poolBytes, std::uint64_t{0});
}

void TstCompressedPool::disabledPool() {
    CompressedPool pool(withCodec(Codec::Lz4));
    const Page p = randomPage(1);
    auto h = pool.store(p.data());
    QVERIFY(h.ok());
    PoolOptions o = pool.options();
    o.enabled = false;
    QVERIFY(pool.setOptions(o).ok());
    QCOMPARE(pool.store(p.data()).code(), Errc::InvalidArgument);
    QCOMPARE(pool.storeCompressed(Codec::Raw, p.data(), kPageSize).code(), Errc::InvalidArgument);
    QVERIFY(loadsAs(pool, *h, p)); // what is stored stays readable
    pool.free(*h);
    QCOMPARE(pool.stats().zspages, std::uint64_t{0});
    QCOMPARE(pool.stats().rejects, std::uint64_t{0});
}

// --- density ---------------------------------------------------------------------------------

void TstCompressedPool::allocatorEfficiency_data() {
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<unsigned>("maxPages");
    QTest::newRow("lz4/chain4") << Codec::Lz4 << 4u;
    QTest::newRow("zstd/chain4") << Codec::Zstd << 4u;
    QTest::newRow("lzo/chain4") << Codec::Lzo << 4u;
    QTest::newRow("lz4/chain8") << Codec::Lz4 << 8u;
}

// storedBytes / poolBytes on real text: zsmalloc reports 95.9% (chain 4) on kernel-build data
// (reference/kernel-anchors.md 2.3); a few thousand pages leave one part-filled zspage per
// class, so the floor is 80%.
void TstCompressedPool::allocatorEfficiency() {
    QFETCH(Codec, codec);
    QFETCH(unsigned, maxPages);
    const std::vector<Page> pages = textPages(4000);
    if (pages.size() < 1000)
        QSKIP(qPrintable(u"only %1 text pages found under /usr/share/common-licenses, /usr/share/doc, /usr/include"_s
                             .arg(pages.size())));
    PoolOptions o = withCodec(codec, 1);
    o.maxPagesPerZspage = maxPages;
    CompressedPool pool(o);
    std::vector<PoolHandle> handles;
    for (const Page& p : pages)
        handles.push_back(*pool.store(p.data()));
    const PoolStats s = pool.stats();
    qInfo("%s chain %u: %zu pages, ratio %.2f, allocator efficiency %.3f, effective %.2f, %zu classes, "
          "metadata %llu B (%.2f%% of pool)",
          codecName(codec), maxPages, pages.size(), s.compressionRatio(), s.allocatorEfficiency(), s.effectiveRatio(),
          s.classes.size(), static_cast<unsigned long long>(s.metadataBytes),
          100.0 * double(s.metadataBytes) / double(s.poolBytes));
    QVERIFY(s.allocatorEfficiency() > 0.8);
    QVERIFY(s.allocatorEfficiency() <= 1.0);
    QVERIFY(s.compressionRatio() > 1.5);
    // A 64-byte header and an 8-byte table entry per zspage (>= 4 KiB), plus fixed class tables.
    QVERIFY(s.metadataBytes < s.poolBytes / 25);
    for (PoolHandle h : handles)
        pool.free(h);
}

// Once a thread's codec contexts exist and the class has a zspage with room, store, load and
// free allocate nothing (zstd's own malloc calls are not counted; its contexts are reused).
void TstCompressedPool::noAllocationOnHotPath() {
#if !SWAPTIER_COUNT_ALLOCATIONS
    QSKIP("the sanitizer runtime owns operator new in this build; allocations are counted in normal builds");
#else
    const std::vector<Page> pages = textPages(16);
    if (pages.empty())
        QSKIP("no text pages found under /usr/share/common-licenses, /usr/share/doc, /usr/include");
    for (Codec c : {Codec::Lz4, Codec::Zstd, Codec::Lzo}) {
        CompressedPool pool(withCodec(c, 1));
        Page out;
        for (const Page& page : pages) {
            const std::uint64_t empty = t_allocations;
            auto anchor = pool.store(page.data()); // keeps a zspage with free slots alive
            QVERIFY(anchor.ok());
            QVERIFY(t_allocations > empty); // the counter works: a new zspage was allocated
            QVERIFY(anchor->codec() == c);
            const std::uint64_t before = t_allocations;
            for (int i = 0; i < 50; ++i) {
                auto h = pool.store(page.data());
                QVERIFY(h.ok());
                QVERIFY(pool.load(*h, out.data()).ok());
                pool.free(*h);
            }
            QCOMPARE(t_allocations - before, std::uint64_t{0});
            pool.free(*anchor);
        }
    }
#endif
}

// --- concurrency -----------------------------------------------------------------------------

// Four threads store, load and free at once in shared classes, one thread switches codecs and
// another reads stats; then each thread verifies and frees the others' objects.
void TstCompressedPool::concurrent() {
    const std::vector<Page> pages = mixedCorpus(100);
    CompressedPool pool(withCodec(Codec::Lz4));
    constexpr int kThreads = 4;
    constexpr int kOps = 4000;
    struct Live {
        PoolHandle handle;
        std::size_t page;
    };
    std::array<std::vector<Live>, kThreads> kept;
    std::atomic<int> failures{0};
    std::atomic<bool> stop{false};

    std::thread switcher([&] {
        const Codec cycle[] = {Codec::Zstd, Codec::Lzo, Codec::Lz4};
        for (int i = 0; !stop.load(); ++i) {
            PoolOptions o = pool.options();
            o.codec = cycle[i % 3];
            o.zstdLevel = 1 + i % 3;
            if (!pool.setOptions(o).ok())
                ++failures;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    std::thread reader([&] {
        while (!stop.load()) {
            const PoolStats s = pool.stats();
            std::uint64_t objects = 0;
            for (const PoolClassStats& c : s.classes)
                objects += c.objects;
            if (objects != s.objects || s.rawObjects > s.objects || s.objects > std::uint64_t(kThreads) * kOps
                || s.storedBytes > s.poolBytes)
                ++failures;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    });
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t) {
        workers.emplace_back([&, t] {
            std::mt19937 rng(unsigned(100 + t));
            std::vector<Live>& mine = kept[std::size_t(t)];
            Page out;
            for (int op = 0; op < kOps; ++op) {
                const unsigned r = rng() % 10;
                if (r < 5 || mine.empty()) {
                    const std::size_t which = rng() % pages.size();
                    auto h = pool.store(pages[which].data());
                    if (!h.ok())
                        ++failures;
                    else
                        mine.push_back({*h, which});
                } else if (r < 8) {
                    const Live& l = mine[rng() % mine.size()];
                    if (!pool.load(l.handle, out.data()).ok() || out != pages[l.page])
                        ++failures;
                } else {
                    const std::size_t at = rng() % mine.size();
                    const Live l = mine[at];
                    mine[at] = mine.back();
                    mine.pop_back();
                    if (!pool.load(l.handle, out.data()).ok() || out != pages[l.page])
                        ++failures;
                    pool.free(l.handle);
                }
            }
        });
    }
    for (std::thread& w : workers)
        w.join();
    stop = true;
    switcher.join();
    reader.join();
    QCOMPARE(failures.load(), 0);

    std::size_t total = 0;
    for (const auto& k : kept)
        total += k.size();
    QCOMPARE(pool.stats().objects, std::uint64_t(total));

    // Cross-thread: thread t verifies and frees what thread t+1 stored.
    workers.clear();
    for (int t = 0; t < kThreads; ++t) {
        workers.emplace_back([&, t] {
            Page out;
            for (const Live& l : kept[std::size_t((t + 1) % kThreads)]) {
                if (!pool.load(l.handle, out.data()).ok() || out != pages[l.page])
                    ++failures;
                pool.free(l.handle);
            }
        });
    }
    for (std::thread& w : workers)
        w.join();
    QCOMPARE(failures.load(), 0);
    const PoolStats s = pool.stats();
    QCOMPARE(s.objects, std::uint64_t{0});
    QCOMPARE(s.poolBytes, std::uint64_t{0});
    QCOMPARE(s.zspages, std::uint64_t{0});
}

// Pool cost per page next to the raw codec on the same pages, best of 9 rounds per phase
// (reported, not asserted: the machine is shared and noisy; the engine's benchmarks hold the
// >= 90% / 85% targets).
void TstCompressedPool::overhead() {
    const std::vector<Page> pages = textPages(512);
    if (pages.size() < 64)
        QSKIP("fewer than 64 text pages found under /usr/share/common-licenses, /usr/share/doc, /usr/include");
    CompressedPool pool(withCodec(Codec::Lz4));
    std::vector<std::byte> dst(codec::compressBound(Codec::Lz4));
    std::vector<std::vector<std::byte>> compressedPages(pages.size());
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::size_t n = codec::compressPage(Codec::Lz4, 0, pages[i].data(), dst.data(), dst.size());
        compressedPages[i].assign(dst.begin(), dst.begin() + std::ptrdiff_t(n));
    }
    std::vector<PoolHandle> handles(pages.size());
    Page out;
    std::array<qint64, 4> best{}; // raw compress, pool store, raw decompress, pool load
    best.fill(std::numeric_limits<qint64>::max());
    QElapsedTimer timer;
    for (int round = 0; round < 9; ++round) {
        std::array<qint64, 4> t{};
        timer.start();
        for (const Page& page : pages)
            (void)codec::compressPage(Codec::Lz4, 0, page.data(), dst.data(), dst.size());
        t[0] = timer.nsecsElapsed();
        timer.start();
        for (std::size_t i = 0; i < pages.size(); ++i)
            handles[i] = *pool.store(pages[i].data());
        t[1] = timer.nsecsElapsed();
        timer.start();
        for (const auto& c : compressedPages)
            (void)codec::decompressPage(Codec::Lz4, c.data(), c.size(), out.data());
        t[2] = timer.nsecsElapsed();
        timer.start();
        for (PoolHandle h : handles)
            (void)pool.load(h, out.data());
        t[3] = timer.nsecsElapsed();
        for (PoolHandle h : handles) {
            QVERIFY(pool.load(h, out.data()).ok());
            pool.free(h);
        }
        for (std::size_t k = 0; k < 4; ++k)
            best[k] = std::min(best[k], t[k]);
    }
    const double n = double(pages.size());
    qInfo("lz4 on %zu text pages: compress %.0f ns, pool store %.0f ns (raw/pool %.0f%%); decompress %.0f ns, "
          "pool load %.0f ns (%.0f%%)",
          pages.size(), double(best[0]) / n, double(best[1]) / n, 100.0 * double(best[0]) / double(best[1]),
          double(best[2]) / n, double(best[3]) / n, 100.0 * double(best[2]) / double(best[3]));
    QCOMPARE(pool.stats().poolBytes, std::uint64_t{0});
}

QTEST_APPLESS_MAIN(TstCompressedPool)
#include "tst_compressedpool.moc"
