// SPDX-License-Identifier: GPL-3.0-or-later
// SwapDevice against real files, when all goes well: page round trips in every I/O mode and
// the header format; the cluster allocator's order (current cluster, then nonfull, then free),
// distinct clusters per thread, borrowing from other threads' clusters, a partial last cluster
// never over-allocated; DeviceFull; discard really releasing disk blocks, and allocation
// waiting for a discard in progress; closing, removing, I/O modes and preallocation; draining;
// the reverse map; statistics; and a 4-thread store/load/free stress that verifies every byte.
// Faults, damaged files and files found on disk are in tst_swapdevicefaults.cpp.
#include "swapdevicetestsupport.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers: keep engine and standard headers out of
// moc's sight.
#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "swapfile/swapdevice.h"
#include "swapfile/swapheader.h"
#include "swaptier/env.h"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <latch>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using swapfile::SwapDevice;
using testing::FaultInjectionEnv;

class TestSwapDevice : public QObject, private SwapDeviceFixture {
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void invalidOptions_data();
    void invalidOptions();
    void headerFormat();
    void allocationOrder();
    void perThreadClusters();
    void borrowsFromOtherThreadsClusters();
    void partialLastCluster_data();
    void partialLastCluster();
    void fillFromFourThreads();
    void deviceFull();
    void discardReleasesBlocks_data();
    void discardReleasesBlocks();
    void allocationWaitsForDiscard();
    void closeAndRemove_data();
    void closeAndRemove();
    void ioModes_data();
    void ioModes();
    void preallocate();
    void draining();
    void reverseMap();
    void metadataFollowsUse();
    void statsAreFilled();
    void loadOfUnusedSlotRefused();
    void concurrentStoreLoadFree_data();
    void concurrentStoreLoadFree();
};

void TestSwapDevice::init() {
    m_dir = std::make_unique<QTemporaryDir>(makeSwapDeviceScratchDir());
    QVERIFY(m_dir->isValid());
    m_path = (m_dir->path() + QStringLiteral("/swapfile")).toStdString();
}

// --- round trips and options -------------------------------------------------------------

void TestSwapDevice::roundTrip_data() {
    QTest::addColumn<IoMode>("io");
    for (IoMode m : {IoMode::Buffered, IoMode::Direct, IoMode::Auto})
        QTest::newRow(ioName(m)) << m;
}

void TestSwapDevice::roundTrip() {
    QFETCH(IoMode, io);
    auto opened = SwapDevice::open(Env::posix(), kDev, options(2000, io));
    if (io == IoMode::Direct && !opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY2(opened.ok(), errcName(opened.code()));
    SwapDevice& dev = **opened;
    QCOMPARE(dev.totalSlots(), std::uint64_t(2000));
    std::vector<std::uint64_t> stored;
    for (std::uint64_t i = 0; i < 2000; ++i) {
        const Page p = makePage(i);
        auto s = dev.store(p.data(), SlotId{100 + i});
        QVERIFY2(s.ok(), errcName(s.code()));
        stored.push_back(*s);
    }
    QVERIFY(dev.full());
    QCOMPARE(std::set<std::uint64_t>(stored.begin(), stored.end()).size(), std::size_t(2000));
    for (std::uint64_t i = 0; i < 2000; ++i) {
        Page back{};
        QVERIFY(dev.load(stored[i], back.data()).ok());
        QVERIFY(back == makePage(i));
    }
    const Page extra = makePage(9999);
    QCOMPARE(dev.store(extra.data(), SlotId{1}).code(), Errc::DeviceFull);
    for (std::uint64_t s : stored)
        dev.free(s);
    QCOMPARE(dev.usedSlotCount(), std::uint64_t(0));
    const DeviceStats st = dev.stats();
    QCOMPARE(st.writes, std::uint64_t(2000));
    QCOMPARE(st.reads, std::uint64_t(2000));
    if (io == IoMode::Direct)
        QVERIFY(st.directIo);
    if (io == IoMode::Buffered)
        QVERIFY(!st.directIo);
}

void TestSwapDevice::invalidOptions_data() {
    QTest::addColumn<quint64>("sizeBytes");
    QTest::addColumn<bool>("emptyPath");
    QTest::newRow("zero size") << quint64(0) << false;
    QTest::newRow("less than a page") << quint64(kPageSize - 1) << false;
    QTest::newRow("no path") << quint64(kPageSize * 10) << true;
}

void TestSwapDevice::invalidOptions() {
    QFETCH(quint64, sizeBytes);
    QFETCH(bool, emptyPath);
    DeviceOptions o = options(1);
    o.sizeBytes = sizeBytes;
    if (emptyPath)
        o.path.clear();
    auto dev = SwapDevice::open(Env::posix(), kDev, o);
    QCOMPARE(dev.code(), Errc::InvalidArgument);
    QCOMPARE(dev.error().device, kDev);
    QVERIFY(!Env::posix()->exists(m_path));
}

void TestSwapDevice::headerFormat() {
    DeviceOptions o = options(10);
    o.sizeBytes += 100; // not whole pages: rounded down
    auto dev = openOrFail(o);
    QVERIFY(dev);
    QCOMPARE(dev->totalSlots(), std::uint64_t(10));
    QFile f(QString::fromStdString(m_path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.size(), qint64(11 * kPageSize));
    const QByteArray page = f.read(kPageSize);
    QVERIFY(page.startsWith("SWAPTIER"));
    auto h = swapfile::decodeSwapHeader(reinterpret_cast<const std::byte*>(page.constData()), std::size_t(page.size()));
    QVERIFY(h);
    QCOMPARE(h->version, swapfile::kSwapHeaderVersion);
    QCOMPARE(h->pageSize, std::uint32_t(kPageSize));
    QCOMPARE(h->slotCount, std::uint64_t(10));
    QCOMPARE(h->clusterSlots, swapfile::kClusterSlots);
    QVERIFY(h->checksumOk);
}

// --- allocator -------------------------------------------------------------------------------

void TestSwapDevice::allocationOrder() {
    auto dev = openOrFail(options(4 * 512, IoMode::Buffered, false));
    QVERIFY(dev);
    const Page p = makePage(1);
    auto store = [&] { return *dev->store(p.data(), SlotId{1}); };
    for (std::uint64_t i = 0; i < 1030; ++i)
        QCOMPARE(store(), i); // cluster 0, 1, then into 2, lowest slot first
    dev->free(5);             // cluster 0: full -> nonfull
    dev->free(600);           // cluster 1: full -> nonfull
    QCOMPARE(store(), std::uint64_t(1030)); // the current cluster first
    for (std::uint64_t i = 1031; i < 1536; ++i)
        QCOMPARE(store(), i);
    QCOMPARE(store(), std::uint64_t(5));    // then the nonfull list, oldest first
    QCOMPARE(store(), std::uint64_t(600));
    QCOMPARE(store(), std::uint64_t(1536)); // then a free cluster
}

void TestSwapDevice::perThreadClusters() {
    auto dev = openOrFail(options(4 * 512));
    QVERIFY(dev);
    std::latch bothAlive(2), bothDone(2);
    std::vector<std::uint64_t> stored[2];
    auto worker = [&](int t) {
        bothAlive.arrive_and_wait(); // both threads live: they hold different thread slots
        for (std::uint64_t i = 0; i < 20; ++i) {
            const Page p = makePage(std::uint64_t(t) * 100 + i);
            auto s = dev->store(p.data(), SlotId{std::uint64_t(t) * 100 + i});
            if (s)
                stored[t].push_back(*s);
        }
        bothDone.arrive_and_wait();
    };
    std::thread a(worker, 0), b(worker, 1);
    a.join();
    b.join();
    QCOMPARE(stored[0].size(), std::size_t(20));
    QCOMPARE(stored[1].size(), std::size_t(20));
    for (auto& s : stored) {
        for (std::size_t i = 1; i < s.size(); ++i) {
            QCOMPARE(s[i], s[0] + i); // consecutive slots of one cluster
            QCOMPARE(s[i] / 512, s[0] / 512);
        }
    }
    QVERIFY(stored[0][0] / 512 != stored[1][0] / 512);
}

void TestSwapDevice::borrowsFromOtherThreadsClusters() {
    // Two clusters (512 + 88 slots), each made current by another live thread: a third thread
    // must still get every remaining slot rather than a false DeviceFull.
    auto dev = openOrFail(options(600));
    QVERIFY(dev);
    std::latch stored(3), release(3);
    std::atomic<int> failures{0};
    auto holder = [&](std::uint64_t owner) {
        const Page p = makePage(owner);
        if (!dev->store(p.data(), SlotId{owner}))
            ++failures;
        stored.arrive_and_wait();
        release.arrive_and_wait();
    };
    std::thread a(holder, 1), b(holder, 2);
    stored.arrive_and_wait();
    std::uint64_t more = 0;
    const Page p = makePage(3);
    while (dev->store(p.data(), SlotId{3 + more}))
        ++more;
    release.arrive_and_wait();
    a.join();
    b.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(more, std::uint64_t(598));
    QCOMPARE(dev->usedSlots().size(), std::size_t(600));
}

void TestSwapDevice::partialLastCluster_data() {
    QTest::addColumn<quint64>("pages");
    for (quint64 n : {1, 2, 511, 512, 513, 1000, 1024, 1500})
        QTest::newRow(QByteArray::number(n).constData()) << n;
}

void TestSwapDevice::partialLastCluster() {
    QFETCH(quint64, pages);
    auto dev = openOrFail(options(pages));
    QVERIFY(dev);
    QCOMPARE(dev->stats().clusters, (pages + 511) / 512);
    std::set<std::uint64_t> seen;
    const Page p = makePage(pages);
    for (;;) {
        auto s = dev->store(p.data(), SlotId{seen.size()});
        if (!s) {
            QCOMPARE(s.code(), Errc::DeviceFull);
            break;
        }
        QVERIFY2(*s < pages, qPrintable(QString::number(*s)));
        QVERIFY(seen.insert(*s).second);
    }
    QCOMPARE(seen.size(), std::size_t(pages));
    QVERIFY(dev->full());
    for (std::uint64_t s : seen)
        dev->free(s);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QCOMPARE(dev->stats().freeClusters, dev->stats().clusters);
}

void TestSwapDevice::fillFromFourThreads() {
    auto dev = openOrFail(options(1000));
    QVERIFY(dev);
    std::vector<std::uint64_t> got[4];
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            const Page p = makePage(std::uint64_t(t));
            while (auto s = dev->store(p.data(), SlotId{std::uint64_t(t)}))
                got[t].push_back(*s);
        });
    for (auto& th : threads)
        th.join();
    std::set<std::uint64_t> all;
    for (auto& g : got)
        for (std::uint64_t s : g) {
            QVERIFY(s < 1000);
            QVERIFY(all.insert(s).second);
        }
    QCOMPARE(all.size(), std::size_t(1000));
}

void TestSwapDevice::deviceFull() {
    auto dev = openOrFail(options(4));
    QVERIFY(dev);
    const Page p = makePage(4);
    for (int i = 0; i < 4; ++i)
        QVERIFY(dev->store(p.data(), SlotId{1}).ok());
    auto full = dev->store(p.data(), SlotId{42});
    QCOMPARE(full.code(), Errc::DeviceFull);
    QCOMPARE(full.error().device, kDev);
    QCOMPARE(full.error().slot, SlotId{42});
    QCOMPARE(full.error().path, m_path);
    dev->free(2);
    QVERIFY(!dev->full());
    QCOMPARE(*dev->store(p.data(), SlotId{1}), std::uint64_t(2));
}

// --- discard ---------------------------------------------------------------------------------

void TestSwapDevice::discardReleasesBlocks_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<bool>("discard");
    QTest::newRow("buffered, discard") << IoMode::Buffered << true;
    QTest::newRow("direct, discard") << IoMode::Direct << true;
    QTest::newRow("buffered, no discard") << IoMode::Buffered << false;
}

void TestSwapDevice::discardReleasesBlocks() {
    QFETCH(IoMode, io);
    QFETCH(bool, discard);
    {
        const std::string probe = m_path + ".probe";
        auto f = Env::posix()->open(probe, {.create = true, .exclusive = true});
        QVERIFY(f.ok());
        const Page p = makePage(0);
        QVERIFY((*f)->writeAt(0, p).ok());
        const Status s = (*f)->punchHole(0, kPageSize);
        if (!s && s.error().osError == EOPNOTSUPP)
            QSKIP(qPrintable(QStringLiteral("SKIPPING LOUDLY: the filesystem at %1 does not support "
                                            "FALLOC_FL_PUNCH_HOLE, so discard cannot be tested here")
                                 .arg(m_dir->path())));
    }
    auto opened = SwapDevice::open(Env::posix(), kDev, options(4 * 512, io, discard));
    if (!opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY(opened.ok());
    SwapDevice& dev = **opened;
    // 513 stores: cluster 0 fills and is retired when the 513th goes to cluster 1.
    for (std::uint64_t i = 0; i < 513; ++i) {
        const Page p = makePage(i);
        QCOMPARE(*dev.store(p.data(), SlotId{i}), i);
    }
    const std::uint64_t before = allocatedBytes(m_path);
    QVERIFY2(before >= 513 * kPageSize, qPrintable(QString::number(before)));
    for (std::uint64_t i = 0; i < 512; ++i)
        dev.free(i);
    const std::uint64_t after = allocatedBytes(m_path);
    const DeviceStats st = dev.stats();
    QCOMPARE(st.freeClusters, std::uint64_t(3));
    if (discard) {
        QCOMPARE(st.discards, std::uint64_t(1));
        QVERIFY2(after + 512 * kPageSize <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    } else {
        QCOMPARE(st.discards, std::uint64_t(0));
        QVERIFY2(after >= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }
    Page back{};
    QVERIFY(dev.load(512, back.data()).ok()); // the neighbour cluster is intact
    QVERIFY(back == makePage(512));
}

void TestSwapDevice::allocationWaitsForDiscard() {
    // Both clusters full; another thread frees cluster 0, whose discard takes 300 ms. A store
    // during the discard must wait for it and get slot 0, not report DeviceFull.
    FaultInjectionEnv fenv;
    auto dev = openOrFail(options(1024), &fenv);
    QVERIFY(dev);
    const Page p = makePage(1);
    for (std::uint64_t i = 0; i < 1024; ++i)
        QCOMPARE(*dev->store(p.data(), SlotId{1}), i);
    fenv.delayPunchHole(std::chrono::milliseconds(300));
    std::thread freer([&] {
        for (std::uint64_t i = 0; i < 512; ++i)
            dev->free(i);
    });
    while (fenv.counters().punchHoles == 0) // the discard has started
        std::this_thread::yield();
    const std::uint64_t start = Env::posix()->nowNanos();
    auto s = dev->store(p.data(), SlotId{2});
    const std::uint64_t waited = Env::posix()->nowNanos() - start;
    freer.join();
    QVERIFY2(s.ok(), errcName(s.code()));
    QCOMPARE(*s, std::uint64_t(0));
    QVERIFY2(waited >= 100'000'000, qPrintable(QString::number(waited)));
    QCOMPARE(dev->stats().discards, std::uint64_t(1));
}

// --- file lifecycle and I/O modes ------------------------------------------------------------

void TestSwapDevice::closeAndRemove_data() {
    QTest::addColumn<bool>("removeOnClose"); // DeviceOptions::removeFileOnClose
    QTest::addColumn<int>("how");            // 0 close(false), 1 close(true), 2 destructor
    QTest::addColumn<bool>("removed");
    QTest::newRow("close(false)") << false << 0 << false;
    QTest::newRow("close(true)") << false << 1 << true;
    QTest::newRow("close(false), removeFileOnClose") << true << 0 << true;
    QTest::newRow("destructor") << false << 2 << false;
    QTest::newRow("destructor, removeFileOnClose") << true << 2 << true;
}

void TestSwapDevice::closeAndRemove() {
    QFETCH(bool, removeOnClose);
    QFETCH(int, how);
    QFETCH(bool, removed);
    DeviceOptions o = options(10);
    o.removeFileOnClose = removeOnClose;
    auto dev = openOrFail(o);
    QVERIFY(dev);
    QVERIFY(Env::posix()->exists(m_path));
    if (how == 2) {
        dev.reset();
    } else {
        QVERIFY(dev->close(how == 1).ok());
        QVERIFY(dev->close(how == 1).ok()); // idempotent
        const Page p = makePage(1);
        auto s = dev->store(p.data(), SlotId{1});
        QCOMPARE(s.code(), Errc::IoError);
        QCOMPARE(s.error().osError, EBADF);
    }
    QCOMPARE(Env::posix()->exists(m_path), !removed);
}

void TestSwapDevice::ioModes_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<bool>("fsDoesDirect");
    QTest::addColumn<bool>("opens");
    QTest::addColumn<bool>("directIo");
    QTest::newRow("direct") << IoMode::Direct << true << true << true;
    QTest::newRow("auto") << IoMode::Auto << true << true << true;
    QTest::newRow("buffered") << IoMode::Buffered << true << true << false;
    QTest::newRow("direct, fs refuses") << IoMode::Direct << false << false << false;
    QTest::newRow("auto, fs refuses") << IoMode::Auto << false << true << false;
}

void TestSwapDevice::ioModes() {
    QFETCH(IoMode, io);
    QFETCH(bool, fsDoesDirect);
    QFETCH(bool, opens);
    QFETCH(bool, directIo);
    {
        auto probe = Env::posix()->open(m_path + ".probe", {.create = true, .direct = true});
        QVERIFY(probe.ok());
        if (fsDoesDirect && directIo && !(*probe)->directIo())
            QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    }
    FaultInjectionEnv fenv;
    fenv.setDirectIoSupported(fsDoesDirect);
    auto dev = SwapDevice::open(&fenv, kDev, options(10, io));
    QCOMPARE(dev.ok(), opens);
    if (!opens) {
        QCOMPARE(dev.code(), Errc::IoError);
        QCOMPARE(dev.error().osError, EINVAL);
        QCOMPARE(dev.error().path, m_path);
        QVERIFY(!Env::posix()->exists(m_path)); // the file it created is gone again
        return;
    }
    QCOMPARE((*dev)->stats().directIo, directIo);
    const Page p = makePage(3);
    QVERIFY((*dev)->store(p.data(), SlotId{3}).ok());
    Page back{};
    QVERIFY((*dev)->load(0, back.data()).ok());
    QVERIFY(back == p);
}

void TestSwapDevice::preallocate() {
    DeviceOptions o = options(300);
    o.preallocate = true;
    {
        auto dev = openOrFail(o);
        QVERIFY(dev);
        QVERIFY(allocatedBytes(m_path) >= 301 * kPageSize);
        QVERIFY(dev->close(true).ok());
    }
    FaultInjectionEnv fenv;
    fenv.failAllocate(ENOSPC);
    auto dev = SwapDevice::open(&fenv, kDev, o);
    QCOMPARE(dev.code(), Errc::NoSpace);
    QCOMPARE(dev.error().path, m_path);
    QCOMPARE(dev.error().device, kDev);
    QVERIFY(!Env::posix()->exists(m_path));
}

// --- state, reverse map, statistics ------------------------------------------------------------

void TestSwapDevice::draining() {
    auto dev = openOrFail(options(10));
    QVERIFY(dev);
    const Page p = makePage(1);
    QVERIFY(dev->store(p.data(), SlotId{1}).ok());
    QVERIFY(dev->store(p.data(), SlotId{2}).ok());
    dev->setDraining(true);
    QVERIFY(dev->draining());
    QVERIFY(dev->stats().draining);
    QCOMPARE(dev->store(p.data(), SlotId{3}).code(), Errc::DeviceFull);
    Page back{};
    QVERIFY(dev->load(0, back.data()).ok()); // loads and frees go on while draining
    dev->free(0);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(1));
    dev->setDraining(false);
    QVERIFY(dev->store(p.data(), SlotId{3}).ok());
}

void TestSwapDevice::reverseMap() {
    auto dev = openOrFail(options(3 * 512));
    QVERIFY(dev);
    const Page p = makePage(1);
    for (std::uint64_t i = 0; i < 1200; ++i)
        QCOMPARE(*dev->store(p.data(), SlotId{5000 + 3 * i}), i);
    for (std::uint64_t i : {0, 1, 511, 512, 1199})
        QCOMPARE(dev->owner(i), SlotId{5000 + 3 * i});
    QCOMPARE(dev->owner(1200), SlotId{});
    QCOMPARE(dev->owner(1 << 20), SlotId{});

    const auto all = dev->usedSlots();
    QCOMPARE(all.size(), std::size_t(1200));
    for (std::uint64_t i = 0; i < all.size(); ++i) {
        QCOMPARE(all[i].physicalSlot, i);
        QCOMPARE(all[i].owner, SlotId{5000 + 3 * i});
    }
    const auto window = dev->usedSlots(500, 100); // crosses the cluster boundary at 512
    QCOMPARE(window.size(), std::size_t(100));
    QCOMPARE(window.front().physicalSlot, std::uint64_t(500));
    QCOMPARE(window.back().physicalSlot, std::uint64_t(599));
    QCOMPARE(dev->usedSlots(1100).size(), std::size_t(100));
    QVERIFY(dev->usedSlots(1536).empty());
    QVERIFY(dev->usedSlots(0, 0).empty());

    for (std::uint64_t i = 0; i < 600; i += 2)
        dev->free(i);
    QCOMPARE(dev->owner(0), SlotId{});
    QCOMPARE(dev->owner(1), SlotId{5003});
    const auto left = dev->usedSlots();
    QCOMPARE(left.size(), std::size_t(900));
    for (const auto& u : left) {
        QVERIFY(u.physicalSlot >= 600 || u.physicalSlot % 2 == 1);
        QCOMPARE(u.owner, SlotId{5000 + 3 * u.physicalSlot});
    }
}

void TestSwapDevice::metadataFollowsUse() {
    auto dev = openOrFail(options(8 * 512, IoMode::Buffered, false));
    QVERIFY(dev);
    const std::uint64_t empty = dev->stats().metadataBytes;
    QVERIFY(empty > 0);
    const Page p = makePage(1);
    std::vector<std::uint64_t> stored;
    stored.push_back(*dev->store(p.data(), SlotId{1}));
    const std::uint64_t one = dev->stats().metadataBytes;
    QVERIFY2(one >= empty + 512 * 12, qPrintable(QStringLiteral("%1 -> %2").arg(empty).arg(one)));
    for (int i = 0; i < 3 * 512; ++i)
        stored.push_back(*dev->store(p.data(), SlotId{1}));
    const std::uint64_t four = dev->stats().metadataBytes;
    QCOMPARE(four - empty, 4 * (one - empty));
    for (std::uint64_t s : stored)
        dev->free(s);
    // Only the thread's current cluster keeps its table.
    QCOMPARE(dev->stats().metadataBytes, one);
}

void TestSwapDevice::statsAreFilled() {
    DeviceOptions o = options(1000);
    o.priority = 7;
    auto dev = openOrFail(o);
    QVERIFY(dev);
    const Page p = makePage(1);
    for (int i = 0; i < 600; ++i)
        QVERIFY(dev->store(p.data(), SlotId{1}).ok());
    Page back{};
    QVERIFY(dev->load(10, back.data()).ok());
    QVERIFY(dev->load(11, back.data()).ok());
    const DeviceStats st = dev->stats();
    QCOMPARE(st.id, kDev);
    QCOMPARE(st.path, m_path);
    QCOMPARE(st.priority, 7);
    QVERIFY(!st.draining);
    QVERIFY(st.discard);
    QVERIFY(!st.directIo);
    QCOMPARE(st.totalSlots, std::uint64_t(1000));
    QCOMPARE(st.usedSlots, std::uint64_t(600));
    QCOMPARE(st.clusters, std::uint64_t(2));
    QCOMPARE(st.freeClusters, std::uint64_t(0));
    QCOMPARE(st.writes, std::uint64_t(600));
    QCOMPARE(dev->writeCalls(), std::uint64_t(600)); // one write call per store()
    QCOMPARE(st.reads, std::uint64_t(2));
    QCOMPARE(st.readErrors + st.writeErrors + st.checksumErrors + st.discards, std::uint64_t(0));
    QVERIFY(st.metadataBytes > 2 * 512 * 12);
    QCOMPARE(dev->id(), kDev);
    QCOMPARE(dev->path(), m_path);
    dev->setPriority(-1);
    QCOMPARE(dev->priority(), -1);
    QCOMPARE(dev->stats().priority, -1);
}

void TestSwapDevice::loadOfUnusedSlotRefused() {
    auto dev = openOrFail(options(10));
    QVERIFY(dev);
    Page back{};
    QCOMPARE(dev->load(3, back.data()).code(), Errc::InvalidArgument);
    QCOMPARE(dev->load(10, back.data()).code(), Errc::InvalidArgument);
    const Page p = makePage(1);
    QCOMPARE(dev->store(p.data(), SlotId{}).code(), Errc::InvalidArgument);
    QVERIFY(dev->store(p.data(), SlotId{1}).ok());
    dev->free(0);
    dev->free(0); // a double free is ignored
    dev->free(99);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QCOMPARE(dev->load(0, back.data()).code(), Errc::InvalidArgument);
}

// --- concurrency -------------------------------------------------------------------------------

void TestSwapDevice::concurrentStoreLoadFree_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<quint64>("totalSlots");
    QTest::addColumn<int>("flushEvery"); // free everything a thread holds every N ops (0: never)
    QTest::addColumn<int>("maxLive");    // entries a thread holds at most
    QTest::newRow("buffered, tight") << IoMode::Buffered << quint64(1500) << 0 << 450;
    QTest::newRow("direct, tight") << IoMode::Auto << quint64(1500) << 0 << 450;
    QTest::newRow("buffered, bursts") << IoMode::Buffered << quint64(8 * 512) << 1500 << 1200;
    QTest::newRow("direct, bursts") << IoMode::Auto << quint64(8 * 512) << 1500 << 1200;
}

void TestSwapDevice::concurrentStoreLoadFree() {
    // Four threads store, load (verifying every byte and the reverse map) and free at random
    // on a device that fills up ("tight": 3 clusters, the last one partial), or that sees
    // whole clusters emptied, discarded and reused while others allocate ("bursts"). A claim
    // table catches any slot handed out twice.
    QFETCH(IoMode, io);
    QFETCH(quint64, totalSlots);
    QFETCH(int, flushEvery);
    QFETCH(int, maxLive);
    const std::uint64_t kSlots = totalSlots;
    constexpr int kThreads = 4, kOps = 3000;
    auto dev = openOrFail(options(kSlots, io));
    QVERIFY(dev);
    std::vector<std::atomic<std::uint64_t>> claims(kSlots);
    std::atomic<int> failures{0};
    std::atomic<std::uint64_t> fullCount{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937_64 rng(std::uint64_t(t) + 1);
            std::vector<std::pair<std::uint64_t, std::uint64_t>> live; // (slot, owner)
            Page back{};
            std::uint64_t seq = 0;
            auto verify = [&](std::uint64_t slot, std::uint64_t owner) {
                if (!dev->load(slot, back.data()).ok() || back != makePage(owner) || dev->owner(slot) != SlotId{owner})
                    ++failures;
            };
            auto freeAll = [&] {
                for (auto [slot, owner] : live) {
                    verify(slot, owner);
                    claims[slot].store(0);
                    dev->free(slot);
                }
                live.clear();
            };
            for (int op = 0; op < kOps; ++op) {
                if (flushEvery > 0 && op % flushEvery == flushEvery - 1)
                    freeAll();
                const auto dice = rng() % (flushEvery > 0 ? 5 : 4); // bursts: store more, free less
                if ((dice < 2 || dice == 4) && live.size() < std::size_t(maxLive)) {
                    const std::uint64_t owner = (std::uint64_t(t) << 32) | ++seq;
                    const Page p = makePage(owner);
                    auto s = dev->store(p.data(), SlotId{owner});
                    if (!s) {
                        if (s.code() == Errc::DeviceFull)
                            ++fullCount;
                        else
                            ++failures;
                        continue;
                    }
                    if (*s >= kSlots || claims[*s].exchange(owner) != 0)
                        ++failures;
                    live.emplace_back(*s, owner);
                } else if (!live.empty()) {
                    const std::size_t i = rng() % live.size();
                    verify(live[i].first, live[i].second);
                    if (dice == 3) {
                        claims[live[i].first].store(0);
                        dev->free(live[i].first);
                        live[i] = live.back();
                        live.pop_back();
                    }
                }
            }
            freeAll();
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    const DeviceStats st = dev->stats();
    QCOMPARE(st.freeClusters, st.clusters);
    QCOMPARE(st.readErrors + st.writeErrors + st.checksumErrors, std::uint64_t(0));
    qInfo("stores refused with DeviceFull: %llu, discards: %llu", static_cast<unsigned long long>(fullCount.load()),
          static_cast<unsigned long long>(st.discards));
}

QTEST_APPLESS_MAIN(TestSwapDevice)
#include "tst_swapdevice.moc"
