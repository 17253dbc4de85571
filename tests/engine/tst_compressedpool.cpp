// SPDX-License-Identifier: GPL-3.0-or-later
// CompressedPool (engine/src/pool): store/load/free round trips per codec, raw storage of
// incompressible pages, zspage packing and the fullest-first allocation policy, memory given
// back, the limit with its accept-threshold hysteresis, runtime option changes, and many
// threads at once. Size-class geometry is in tst_sizeclass.cpp; density, allocations on the
// hot path and time per page in tst_compressedpoolcost.cpp.
#include "compressedpooltestsupport.h"

#include <QSet>
#include <QString>
#include <QTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers (<compare>, which swaptier/ids.h includes):
// keep engine and standard headers out of moc's sight; the test class needs none of them.
#ifndef Q_MOC_RUN
#include "codec/codec.h"
#include "pool/compressedpool.h"
#include "pool/sizeclass.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstring>
#include <random>
#include <thread>
#include <utility>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::pool;
using namespace swaptier::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(swaptier::Codec)

class TstCompressedPool : public QObject {
    Q_OBJECT

private slots:
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
    void concurrent();
};

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

QTEST_APPLESS_MAIN(TstCompressedPool)
#include "tst_compressedpool.moc"
