// SPDX-License-Identifier: GPL-3.0-or-later
// SwapDevice when disks and files go wrong: a failing hole punch that still lets the cluster be
// reused; write-behind (when it asks the kernel, what a refusal does); corruption (CorruptData) and truncation (ShortIo) named by offset; failing, short
// and ENOSPC/EDQUOT writes and failing reads through FaultInjectionEnv losing nothing; and
// files already at the path: a foreign file refused byte-for-byte untouched, an empty file
// used, an earlier swapfile taken over. The normal paths are in tst_swapdevice.cpp.
#include "swapdevicetestsupport.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers: keep engine and standard headers out of
// moc's sight.
#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "swapfile/swapdevice.h"
#include "swapfile/swapheader.h"
#include "swaptier/env.h"

#include <cerrno>
#include <memory>
#include <random>
#include <string>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using swapfile::SwapDevice;
using testing::FaultInjectionEnv;

Q_DECLARE_METATYPE(swaptier::IoMode)

class TestSwapDeviceFaults : public QObject, private SwapDeviceFixture {
    Q_OBJECT

private slots:
    void init();
    void punchFailureStillReusesCluster_data();
    void punchFailureStillReusesCluster();
    void corruptByteIsCorruptData_data();
    void corruptByteIsCorruptData();
    void truncatedFileIsShortIo_data();
    void truncatedFileIsShortIo();
    void failedWriteLosesNothing_data();
    void failedWriteLosesNothing();
    void diskFullAfterBytes();
    void failedReadIsReported();
    void writeBehind_data();
    void writeBehind();
    void foreignFileRefused_data();
    void foreignFileRefused();
    void emptyFileIsUsed();
    void takesOverEarlierSwapfile();
};

void TestSwapDeviceFaults::init() {
    m_dir = std::make_unique<QTemporaryDir>(makeSwapDeviceScratchDir());
    QVERIFY(m_dir->isValid());
    m_path = (m_dir->path() + QStringLiteral("/swapfile")).toStdString();
}

// --- discard failures --------------------------------------------------------------------------

void TestSwapDeviceFaults::punchFailureStillReusesCluster_data() {
    QTest::addColumn<int>("err");
    QTest::addColumn<bool>("discardStaysOn");
    QTest::newRow("EIO") << EIO << true;
    QTest::newRow("EOPNOTSUPP") << EOPNOTSUPP << false;
}

void TestSwapDeviceFaults::punchFailureStillReusesCluster() {
    QFETCH(int, err);
    QFETCH(bool, discardStaysOn);
    FaultInjectionEnv fenv;
    fenv.failPunchHole(err, testing::kForever);
    auto dev = openOrFail(options(1024), &fenv);
    QVERIFY(dev);
    const Page p = makePage(1);
    for (int i = 0; i < 513; ++i)
        QVERIFY(dev->store(p.data(), SlotId{1}).ok());
    for (std::uint64_t i = 0; i < 512; ++i)
        dev->free(i);
    QCOMPARE(fenv.counters().punchHoles, std::uint64_t(1));
    QCOMPARE(dev->stats().discards, std::uint64_t(0));
    QCOMPARE(dev->stats().discard, discardStaysOn);
    std::uint64_t more = 0;
    while (dev->store(p.data(), SlotId{1}))
        ++more;
    QCOMPARE(more, std::uint64_t(1023)); // the failed cluster was reused
}

// --- corruption and I/O errors -----------------------------------------------------------------

void TestSwapDeviceFaults::corruptByteIsCorruptData_data() {
    QTest::addColumn<IoMode>("io");
    QTest::newRow("buffered") << IoMode::Buffered;
    QTest::newRow("direct") << IoMode::Direct;
}

void TestSwapDeviceFaults::corruptByteIsCorruptData() {
    QFETCH(IoMode, io);
    auto opened = SwapDevice::open(Env::posix(), kDev, options(16, io));
    if (!opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY(opened.ok());
    SwapDevice& dev = **opened;
    for (std::uint64_t i = 0; i < 10; ++i) {
        const Page p = makePage(i);
        QCOMPARE(*dev.store(p.data(), SlotId{100 + i}), i);
    }
    QVERIFY(FaultInjectionEnv::flipByte(m_path, offsetOf(3) + 1234, 0x10).ok());
    Page back{};
    const Status s = dev.load(3, back.data());
    QCOMPARE(s.code(), Errc::CorruptData);
    QCOMPARE(s.error().offset, offsetOf(3));
    QCOMPARE(s.error().device, kDev);
    QCOMPARE(s.error().path, m_path);
    QCOMPARE(s.error().slot, SlotId{103});
    QCOMPARE(dev.stats().checksumErrors, std::uint64_t(1));
    for (std::uint64_t i : {0, 2, 4, 9}) {
        QVERIFY(dev.load(i, back.data()).ok());
        QVERIFY(back == makePage(i));
    }
    QVERIFY(FaultInjectionEnv::flipByte(m_path, offsetOf(3) + 1234, 0x10).ok()); // repaired
    QVERIFY(dev.load(3, back.data()).ok());
    QVERIFY(back == makePage(3));
}

void TestSwapDeviceFaults::truncatedFileIsShortIo_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<quint64>("cut");
    QTest::newRow("buffered, inside slot 5") << IoMode::Buffered << quint64(offsetOf(5) + 100);
    QTest::newRow("buffered, before slot 5") << IoMode::Buffered << quint64(offsetOf(5));
    QTest::newRow("direct, inside slot 5") << IoMode::Direct << quint64(offsetOf(5) + 100);
    QTest::newRow("direct, before slot 5") << IoMode::Direct << quint64(offsetOf(5));
}

void TestSwapDeviceFaults::truncatedFileIsShortIo() {
    QFETCH(IoMode, io);
    QFETCH(quint64, cut);
    auto opened = SwapDevice::open(Env::posix(), kDev, options(16, io));
    if (!opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY(opened.ok());
    SwapDevice& dev = **opened;
    for (std::uint64_t i = 0; i < 10; ++i) {
        const Page p = makePage(i);
        QVERIFY(dev.store(p.data(), SlotId{100 + i}).ok());
    }
    QVERIFY(FaultInjectionEnv::truncateFile(m_path, cut).ok());
    Page back{};
    const Status s = dev.load(5, back.data());
    QCOMPARE(s.code(), Errc::ShortIo);
    QCOMPARE(s.error().offset, offsetOf(5));
    QCOMPARE(s.error().device, kDev);
    QCOMPARE(s.error().path, m_path);
    QCOMPARE(s.error().slot, SlotId{105});
    QCOMPARE(dev.load(9, back.data()).code(), Errc::ShortIo);
    QCOMPARE(dev.stats().readErrors, std::uint64_t(2));
    QVERIFY(dev.load(4, back.data()).ok());
    QVERIFY(back == makePage(4));
}

void TestSwapDeviceFaults::failedWriteLosesNothing_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<int>("err"); // 0: a short write
    QTest::addColumn<Errc>("expected");
    QTest::newRow("EIO") << IoMode::Buffered << EIO << Errc::IoError;
    QTest::newRow("ENOSPC") << IoMode::Buffered << ENOSPC << Errc::NoSpace;
    QTest::newRow("EDQUOT") << IoMode::Buffered << EDQUOT << Errc::NoSpace;
    QTest::newRow("short write") << IoMode::Buffered << 0 << Errc::ShortIo;
    QTest::newRow("direct EIO") << IoMode::Direct << EIO << Errc::IoError;
    QTest::newRow("direct short write") << IoMode::Direct << 0 << Errc::ShortIo;
}

void TestSwapDeviceFaults::failedWriteLosesNothing() {
    QFETCH(IoMode, io);
    QFETCH(int, err);
    QFETCH(Errc, expected);
    FaultInjectionEnv fenv;
    auto dev = openOrFail(options(64, io == IoMode::Direct ? IoMode::Auto : io), &fenv);
    QVERIFY(dev);
    for (std::uint64_t i = 0; i < 10; ++i) {
        const Page p = makePage(i);
        QVERIFY(dev->store(p.data(), SlotId{100 + i}).ok());
    }
    if (err == 0)
        fenv.shortWrites(1);
    else
        fenv.failWrites(err, 1);
    const Page x = makePage(777);
    auto failed = dev->store(x.data(), SlotId{999});
    QCOMPARE(failed.code(), expected);
    QCOMPARE(failed.error().osError, err);
    QCOMPARE(failed.error().device, kDev);
    QCOMPARE(failed.error().path, m_path);
    QCOMPARE(failed.error().offset, offsetOf(10));
    QCOMPARE(failed.error().slot, SlotId{999});
    QCOMPARE(fenv.counters().injectedFaults, std::uint64_t(1));

    QCOMPARE(dev->usedSlotCount(), std::uint64_t(10)); // the slot was released
    QCOMPARE(dev->owner(10), SlotId{});
    QCOMPARE(dev->usedSlots().size(), std::size_t(10));
    QCOMPARE(dev->stats().writeErrors, std::uint64_t(1));
    Page back{};
    for (std::uint64_t i = 0; i < 10; ++i) {
        QVERIFY(dev->load(i, back.data()).ok());
        QVERIFY(back == makePage(i));
    }
    auto retry = dev->store(x.data(), SlotId{999}); // the caller still has the page
    QVERIFY(retry.ok());
    QCOMPARE(*retry, std::uint64_t(10));
    QVERIFY(dev->load(10, back.data()).ok());
    QVERIFY(back == x);
}

void TestSwapDeviceFaults::diskFullAfterBytes() {
    FaultInjectionEnv fenv;
    auto dev = openOrFail(options(64), &fenv);
    QVERIFY(dev);
    fenv.setDiskFullAfter(10 * kPageSize + kPageSize / 2);
    for (std::uint64_t i = 0; i < 10; ++i) {
        const Page p = makePage(i);
        QVERIFY(dev->store(p.data(), SlotId{i + 1}).ok());
    }
    const Page p = makePage(10);
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto s = dev->store(p.data(), SlotId{11});
        QCOMPARE(s.code(), Errc::NoSpace);
        QCOMPARE(s.error().osError, ENOSPC);
    }
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(10));
    fenv.clearFaults(); // space freed elsewhere
    QCOMPARE(*dev->store(p.data(), SlotId{11}), std::uint64_t(10));
    Page back{};
    for (std::uint64_t i = 0; i <= 10; ++i) {
        QVERIFY(dev->load(i, back.data()).ok());
        QVERIFY(back == makePage(i));
    }
}

void TestSwapDeviceFaults::failedReadIsReported() {
    FaultInjectionEnv fenv;
    auto dev = openOrFail(options(64), &fenv);
    QVERIFY(dev);
    for (std::uint64_t i = 0; i < 5; ++i) {
        const Page p = makePage(i);
        QVERIFY(dev->store(p.data(), SlotId{50 + i}).ok());
    }
    fenv.failReads(EIO, 1);
    Page back{};
    const Status s = dev->load(2, back.data());
    QCOMPARE(s.code(), Errc::IoError);
    QCOMPARE(s.error().osError, EIO);
    QCOMPARE(s.error().offset, offsetOf(2));
    QCOMPARE(s.error().slot, SlotId{52});
    QCOMPARE(s.error().device, kDev);
    QCOMPARE(dev->stats().readErrors, std::uint64_t(1));
    QVERIFY(dev->load(2, back.data()).ok()); // the page is still there
    QVERIFY(back == makePage(2));
}

// --- existing files ----------------------------------------------------------------------------

// --- write-behind ------------------------------------------------------------------------------

void TestSwapDeviceFaults::writeBehind_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("err");          // injected into every startWriteback; 0 = none
    QTest::addColumn<bool>("asksKernel");  // startWriteback calls reach the env
    QTest::addColumn<bool>("staysOn");     // DeviceStats::writeBehind afterwards
    QTest::newRow("buffered") << IoMode::Buffered << true << 0 << true << true;
    QTest::newRow("buffered, option off") << IoMode::Buffered << false << 0 << false << false;
    QTest::newRow("direct: nothing to push") << IoMode::Direct << true << 0 << false << false;
    QTest::newRow("EIO: counted, stays on") << IoMode::Buffered << true << EIO << true << true;
    QTest::newRow("ENOSYS: turned off") << IoMode::Buffered << true << ENOSYS << true << false;
    QTest::newRow("EINVAL: turned off") << IoMode::Buffered << true << EINVAL << true << false;
}

// 12 MiB in runs of 512 pages and single stores: a buffered device hands its dirty pages to the
// kernel every 4 MiB; a refused hint is counted and loses nothing (every page reads back), and
// an errno saying the call cannot work on this file turns write-behind off after one try.
void TestSwapDeviceFaults::writeBehind() {
    QFETCH(IoMode, io);
    QFETCH(bool, enabled);
    QFETCH(int, err);
    QFETCH(bool, asksKernel);
    QFETCH(bool, staysOn);
    FaultInjectionEnv fenv;
    DeviceOptions o = options(4096, io);
    o.writeBehind = enabled;
    auto dev = openOrFail(o, &fenv);
    QVERIFY(dev);
    if (io == IoMode::Direct && !dev->stats().directIo)
        QSKIP("the scratch filesystem refuses O_DIRECT: no direct device to check");
    QCOMPARE(dev->stats().writeBehind, enabled && io == IoMode::Buffered);
    if (err != 0)
        fenv.failStartWriteback(err, testing::kForever);
    fenv.resetCounters();

    constexpr std::uint32_t kRun = 512, kRuns = 5;
    std::vector<Page> pages;
    std::vector<std::uint64_t> physical;
    for (std::uint32_t r = 0; r < kRuns; ++r) {
        std::vector<SwapDevice::RunPage> run;
        const std::size_t first = pages.size();
        for (std::uint32_t i = 0; i < kRun; ++i)
            pages.push_back(makePage(first + i));
        for (std::uint32_t i = 0; i < kRun; ++i)
            run.push_back({pages[first + i].data(), std::uint32_t(kPageSize), SlotId{first + i + 1}});
        auto stored = dev->storeRun(run);
        QVERIFY(stored.ok());
        QCOMPARE(stored->count, kRun);
        for (std::uint32_t i = 0; i < kRun; ++i)
            physical.push_back(stored->firstSlot + i);
    }
    for (std::uint32_t i = 0; i < 512; ++i) { // 2 MiB of single stores: 12 MiB written in all
        pages.push_back(makePage(pages.size()));
        auto s = dev->store(pages.back().data(), SlotId{pages.size()});
        QVERIFY(s.ok());
        physical.push_back(*s);
    }

    const std::uint64_t calls = fenv.counters().startWritebacks;
    const DeviceStats st = dev->stats();
    if (!asksKernel)
        QCOMPARE(calls, 0u);
    else if (staysOn)
        QCOMPARE(calls, 3u); // 12 MiB / 4 MiB
    else
        QCOMPARE(calls, 1u); // refused as unsupported: never asked again
    QCOMPARE(st.writeBehind, staysOn);
    QCOMPARE(st.writeBehindErrors, err != 0 ? calls : 0u);
    QCOMPARE(st.writeErrors, 0u);
    QCOMPARE(st.writes, std::uint64_t(pages.size()));
    Page got;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        QVERIFY(dev->load(physical[i], got.data()).ok());
        QVERIFY(got == pages[i]);
    }
}

void TestSwapDeviceFaults::foreignFileRefused_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<IoMode>("io");
    QByteArray random(3 * kPageSize, '\0');
    std::mt19937 rng(11);
    for (auto& c : random)
        c = char(rng());
    QTest::newRow("short text") << QByteArray("hello, world\n") << IoMode::Buffered;
    QTest::newRow("magic prefix only") << QByteArray("SWAPTIE") << IoMode::Buffered;
    QTest::newRow("one random page") << random.left(kPageSize) << IoMode::Buffered;
    QTest::newRow("three random pages") << random << IoMode::Buffered;
    QTest::newRow("three random pages, direct") << random << IoMode::Direct;
    QTest::newRow("almost our magic") << (QByteArray("SWAPTIEX") + random) << IoMode::Auto;
}

void TestSwapDeviceFaults::foreignFileRefused() {
    QFETCH(QByteArray, content);
    QFETCH(IoMode, io);
    {
        QFile f(QString::fromStdString(m_path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), qint64(content.size()));
    }
    const QByteArray before = fileHash(m_path);
    auto dev = SwapDevice::open(Env::posix(), kDev, options(100, io));
    QCOMPARE(dev.code(), Errc::Exists);
    QCOMPARE(dev.error().path, m_path);
    QCOMPARE(dev.error().device, kDev);
    QCOMPARE(QFileInfo(QString::fromStdString(m_path)).size(), qint64(content.size()));
    QCOMPARE(fileHash(m_path), before);
}

void TestSwapDeviceFaults::emptyFileIsUsed() {
    {
        QFile f(QString::fromStdString(m_path));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    auto dev = openOrFail(options(100));
    QVERIFY(dev);
    QCOMPARE(QFileInfo(QString::fromStdString(m_path)).size(), qint64(101 * kPageSize));
}

void TestSwapDeviceFaults::takesOverEarlierSwapfile() {
    {
        auto first = openOrFail(options(100));
        QVERIFY(first);
        for (std::uint64_t i = 0; i < 50; ++i) {
            const Page p = makePage(i);
            QVERIFY(first->store(p.data(), SlotId{i + 1}).ok());
        }
        QVERIFY(first->close(false).ok());
    }
    QVERIFY(Env::posix()->exists(m_path));
    auto dev = openOrFail(options(700));
    QVERIFY(dev);
    QCOMPARE(dev->totalSlots(), std::uint64_t(700));
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QVERIFY(dev->usedSlots().empty());
    Page back{};
    QCOMPARE(dev->load(0, back.data()).code(), Errc::InvalidArgument); // old contents are gone
    QCOMPARE(QFileInfo(QString::fromStdString(m_path)).size(), qint64(701 * kPageSize));
    QVERIFY(allocatedBytes(m_path) < 50 * kPageSize); // the old blocks were dropped
    QFile f(QString::fromStdString(m_path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray header = f.read(kPageSize);
    auto h = swapfile::decodeSwapHeader(reinterpret_cast<const std::byte*>(header.constData()), kPageSize);
    QVERIFY(h);
    QCOMPARE(h->slotCount, std::uint64_t(700));
    const Page p = makePage(5);
    QCOMPARE(*dev->store(p.data(), SlotId{5}), std::uint64_t(0));
    QVERIFY(dev->load(0, back.data()).ok());
    QVERIFY(back == p);
}

QTEST_APPLESS_MAIN(TestSwapDeviceFaults)
#include "tst_swapdevicefaults.moc"
