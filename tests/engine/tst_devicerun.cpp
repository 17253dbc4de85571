// SPDX-License-Identifier: GPL-3.0-or-later
// Batched writeback at the swapfile layer (issue #4): runs of contiguous slots from the
// allocator (contiguous, inside one cluster, a free cluster preferred, the compaction ceiling
// respected, partial runs on a fragmented device, nullopt when full); SwapDevice::storeRun and
// the compressed store/load round trip byte for byte in buffered and direct I/O, with the
// padding zeroed; a corrupted compressed slot reads as CorruptData; a failed run write releases
// the whole run; one write call per run; DeviceSet::storeRun's device order, tier masks and
// the Busy answer to a mask computed for another tier table; and runs, single stores, loads
// and frees from four threads at once.
#include "swapdevicetestsupport.h"

#include <QList>
#include <QTest>

#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "swapfile/deviceset.h"
#include "swapfile/physicalallocator.h"
#include "swapfile/swapdevice.h"
#include "util/epoch.h"

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using swapfile::DeviceSet;
using swapfile::PhysicalAllocator;
using swapfile::SwapDevice;
using swapfile::TierMask;
using testing::FaultInjectionEnv;

namespace {

using Run = PhysicalAllocator::Run;

/// Payload `seed` of `length` bytes: the first bytes of makePage(seed).
std::vector<std::byte> makePayload(std::uint64_t seed, std::uint32_t length) {
    const Page p = makePage(seed);
    return std::vector<std::byte>(p.begin(), p.begin() + length);
}

/// Payloads and the RunPages pointing at them (owner = 1000 + seed).
struct Batch {
    std::vector<std::vector<std::byte>> payloads;
    std::vector<SwapDevice::RunPage> pages;

    void add(std::uint64_t seed, std::uint32_t length) {
        payloads.push_back(makePayload(seed, length));
        pages.clear(); // payloads may have moved
        for (std::size_t i = 0; i < payloads.size(); ++i)
            pages.push_back({payloads[i].data(), std::uint32_t(payloads[i].size()), SlotId{1000 + i}});
    }
};

/// A length per page for a payload kind: "raw" whole pages, "compressed" 1..4095, "mixed".
std::uint32_t lengthFor(const QByteArray& kind, std::uint64_t i) {
    static constexpr std::uint32_t kCompressed[] = {1, 7, 100, 1500, 2048, 3000, 4095};
    if (kind == "raw")
        return kPageSize;
    const std::uint32_t c = kCompressed[i % std::size(kCompressed)];
    if (kind == "compressed")
        return c;
    return i % 2 ? std::uint32_t(kPageSize) : c;
}

bool sameCluster(const Run& r) { return r.first / 512 == (r.first + r.count - 1) / 512; }

} // namespace

class TestDeviceRun : public QObject, private SwapDeviceFixture {
    Q_OBJECT

private slots:
    void init();
    // allocator
    void firstRun_data();
    void firstRun();
    void runsFillDevice_data();
    void runsFillDevice();
    void prefersFreeCluster_data();
    void prefersFreeCluster();
    void fragmentedDevice_data();
    void fragmentedDevice();
    void respectsCeiling();
    // device
    void storeRunRoundTrip_data();
    void storeRunRoundTrip();
    void compressedStore_data();
    void compressedStore();
    void invalidArguments();
    void corruptSlot_data();
    void corruptSlot();
    void writeFailureReleasesRun_data();
    void writeFailureReleasesRun();
    void writeCallsPerRun();
    void drainingRefusesRun();
    void concurrentRunsAndStores();
    // device set
    void deviceSetOrder_data();
    void deviceSetOrder();
    void tierMasks_data();
    void tierMasks();
    void tierGeneration();
};

void TestDeviceRun::init() {
    m_dir = std::make_unique<QTemporaryDir>(makeSwapDeviceScratchDir());
    QVERIFY(m_dir->isValid());
    m_path = (m_dir->path() + QStringLiteral("/swapfile")).toStdString();
}

// --- allocator -------------------------------------------------------------------------------

void TestDeviceRun::firstRun_data() {
    QTest::addColumn<quint64>("slotCount");
    QTest::addColumn<quint32>("maxCount");
    QTest::addColumn<quint32>("count"); // 0: nullopt
    QTest::newRow("one") << quint64(2048) << 1u << 1u;
    QTest::newRow("256 of 2048") << quint64(2048) << 256u << 256u;
    QTest::newRow("whole cluster") << quint64(2048) << 512u << 512u;
    QTest::newRow("clamped to a cluster") << quint64(2048) << 5000u << 512u;
    QTest::newRow("device of 100 slots") << quint64(100) << 256u << 100u;
    QTest::newRow("zero asked") << quint64(2048) << 0u << 0u;
}

void TestDeviceRun::firstRun() {
    QFETCH(quint64, slotCount);
    QFETCH(quint32, maxCount);
    QFETCH(quint32, count);
    PhysicalAllocator a(slotCount);
    const auto run = a.allocateRun(maxCount);
    if (count == 0) {
        QVERIFY(!run);
        QCOMPARE(a.usedCount(), std::uint64_t(0));
        return;
    }
    QVERIFY(run);
    QCOMPARE(run->first, std::uint64_t(0));
    QCOMPARE(run->count, count);
    QCOMPARE(a.usedCount(), std::uint64_t(count));
    // Used but unpublished, like allocate()'s slots.
    QCOMPARE(a.owner(run->first), SlotId{});
    QVERIFY(a.usedSlots(0, ~std::uint64_t{0}).empty());
    a.publish(run->first, 0, SlotId{9});
    QCOMPARE(a.owner(run->first), SlotId{9});
}

void TestDeviceRun::runsFillDevice_data() {
    QTest::addColumn<quint64>("slotCount");
    QTest::addColumn<quint32>("maxCount");
    for (quint64 slotCount : {512, 1000, 2048, 1500})
        for (quint32 n : {1u, 100u, 200u, 256u, 300u, 512u})
            QTest::addRow("%llu slots, runs of %u", static_cast<unsigned long long>(slotCount), n) << slotCount << n;
}

void TestDeviceRun::runsFillDevice() {
    // Runs until the device is full: contiguous, never across a cluster, never overlapping,
    // every slot handed out exactly once, then nullopt.
    QFETCH(quint64, slotCount);
    QFETCH(quint32, maxCount);
    PhysicalAllocator a(slotCount);
    std::set<std::uint64_t> seen;
    while (auto run = a.allocateRun(maxCount)) {
        QVERIFY(run->count >= 1 && run->count <= maxCount);
        QVERIFY2(sameCluster(*run), qPrintable(QStringLiteral("%1+%2").arg(run->first).arg(run->count)));
        QVERIFY(run->first + run->count <= slotCount);
        for (std::uint64_t s = run->first; s < run->first + run->count; ++s)
            QVERIFY(seen.insert(s).second);
        QVERIFY(seen.size() <= slotCount);
    }
    QCOMPARE(seen.size(), std::size_t(slotCount));
    QCOMPARE(a.usedCount(), slotCount);
    QVERIFY(!a.allocate());
    QCOMPARE(a.freeClusterCount(), std::uint64_t(0));
}

void TestDeviceRun::prefersFreeCluster_data() {
    // Single slots first (they fill cluster 0 from slot 0), then runs.
    QTest::addColumn<quint32>("singles");
    QTest::addColumn<QList<quint32>>("asks");
    QTest::addColumn<QList<quint64>>("firsts");
    QTest::addColumn<QList<quint32>>("counts");
    QTest::newRow("fits in the current cluster") << 300u << QList<quint32>{200} << QList<quint64>{300}
                                                 << QList<quint32>{200};
    QTest::newRow("too short: a free cluster") << 300u << QList<quint32>{256} << QList<quint64>{512}
                                               << QList<quint32>{256};
    QTest::newRow("then stays in that cluster") << 300u << QList<quint32>{256, 100, 156} << QList<quint64>{512, 768, 868}
                                                << QList<quint32>{256, 100, 156};
    QTest::newRow("full current: a free cluster") << 512u << QList<quint32>{10} << QList<quint64>{512}
                                                  << QList<quint32>{10};
    // Clusters 1..3 used by runs, cluster 0 left with 212 free slots on the nonfull list:
    // with no free cluster the longest run is cut there.
    QTest::newRow("no free cluster: nonfull")
        << 300u << QList<quint32>{512, 512, 512, 256} << QList<quint64>{512, 1024, 1536, 300}
        << QList<quint32>{512, 512, 512, 212};
}

void TestDeviceRun::prefersFreeCluster() {
    QFETCH(quint32, singles);
    QFETCH(QList<quint32>, asks);
    QFETCH(QList<quint64>, firsts);
    QFETCH(QList<quint32>, counts);
    PhysicalAllocator a(4 * 512);
    for (quint32 i = 0; i < singles; ++i)
        QCOMPARE(a.allocate(), std::optional<std::uint64_t>(i));
    for (qsizetype i = 0; i < asks.size(); ++i) {
        const auto run = a.allocateRun(asks[i]);
        QVERIFY(run);
        QCOMPARE(run->first, firsts[i]);
        QCOMPARE(run->count, counts[i]);
    }
}

void TestDeviceRun::fragmentedDevice_data() {
    // Two clusters filled slot by slot, then the ranges `holes` (first, count pairs) freed; runs
    // of `ask` then come out longest first (the current cluster or the nonfull list), each at
    // most `ask` long, and nullopt once no slot is free.
    QTest::addColumn<QList<quint64>>("holes");
    QTest::addColumn<quint32>("ask");
    QTest::addColumn<QList<quint64>>("runs"); // first, count pairs, in order
    QTest::newRow("longest first") << QList<quint64>{10, 10, 100, 50, 600, 30} << 64u
                                   << QList<quint64>{100, 50, 600, 30, 10, 10};
    QTest::newRow("cut to the ask") << QList<quint64>{100, 50} << 20u << QList<quint64>{100, 20, 120, 20, 140, 10};
    QTest::newRow("single slots") << QList<quint64>{3, 1, 700, 1, 1000, 1} << 512u
                                  << QList<quint64>{700, 1, 1000, 1, 3, 1};
    QTest::newRow("adjacent words") << QList<quint64>{60, 10, 128, 128} << 200u
                                    << QList<quint64>{128, 128, 60, 10};
    QTest::newRow("a run across a word edge") << QList<quint64>{63, 2, 900, 1} << 2u
                                              << QList<quint64>{63, 2, 900, 1};
}

void TestDeviceRun::fragmentedDevice() {
    QFETCH(QList<quint64>, holes);
    QFETCH(quint32, ask);
    QFETCH(QList<quint64>, runs);
    PhysicalAllocator a(2 * 512);
    for (std::uint64_t i = 0; i < 1024; ++i)
        QVERIFY(a.allocate());
    for (qsizetype i = 0; i < holes.size(); i += 2)
        for (std::uint64_t s = holes[i]; s < holes[i] + holes[i + 1]; ++s)
            static_cast<void>(a.release(s, false));
    for (qsizetype i = 0; i < runs.size(); i += 2) {
        const auto run = a.allocateRun(ask);
        QVERIFY(run);
        QCOMPARE(run->first, runs[i]);
        QCOMPARE(quint64(run->count), runs[i + 1]);
    }
    QVERIFY(!a.allocateRun(ask));
    QCOMPARE(a.usedCount(), std::uint64_t(1024));
}

void TestDeviceRun::respectsCeiling() {
    PhysicalAllocator a(4 * 512);
    QCOMPARE(a.allocateRun(512)->first, std::uint64_t(0));
    QCOMPARE(a.allocateRun(10)->first, std::uint64_t(512)); // cluster 1 is this thread's now
    a.setCeiling(1);                                         // fences clusters 1..3, cluster 1 too
    QVERIFY(!a.allocateRun(10));                             // cluster 0 is full
    QVERIFY(!a.allocate());
    static_cast<void>(a.release(5, false));
    static_cast<void>(a.release(6, false));
    const auto below = a.allocateRun(10);
    QVERIFY(below);
    QCOMPARE(below->first, std::uint64_t(5));
    QCOMPARE(below->count, 2u);
    QVERIFY(!a.allocateRun(1));
    QCOMPARE(a.usedCountFrom(1024), std::uint64_t(0)); // nothing landed above the ceiling
    // Lifted: cluster 1 is nonfull again and clusters 2, 3 free; a run takes a free one.
    a.setCeiling(4);
    const auto free = a.allocateRun(300);
    QVERIFY(free);
    QCOMPARE(free->first, std::uint64_t(1024));
    QCOMPARE(free->count, 300u);
}

// --- device ----------------------------------------------------------------------------------

void TestDeviceRun::storeRunRoundTrip_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<int>("pages");
    for (IoMode m : {IoMode::Buffered, IoMode::Direct})
        for (const char* kind : {"raw", "compressed", "mixed"})
            for (int pages : {1, 300, 700})
                QTest::addRow("%s, %s, %d", ioName(m), kind, pages) << m << QByteArray(kind) << pages;
}

void TestDeviceRun::storeRunRoundTrip() {
    QFETCH(IoMode, io);
    QFETCH(QByteArray, kind);
    QFETCH(int, pages);
    auto opened = SwapDevice::open(Env::posix(), kDev, options(2048, io));
    if (io == IoMode::Direct && !opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY2(opened.ok(), errcName(opened.code()));
    SwapDevice& dev = **opened;
    if (io == IoMode::Direct)
        QVERIFY(dev.stats().directIo);
    Batch batch;
    for (int i = 0; i < pages; ++i)
        batch.add(std::uint64_t(i), lengthFor(kind, std::uint64_t(i)));

    std::vector<std::uint64_t> slotOf(std::size_t(pages), 0);
    std::size_t done = 0;
    std::uint64_t calls = 0;
    while (done < batch.pages.size()) {
        auto run = dev.storeRun(std::span(batch.pages).subspan(done));
        QVERIFY2(run.ok(), errcName(run.code()));
        QVERIFY(run->count >= 1 && run->count <= 512);
        QVERIFY(sameCluster(Run{run->firstSlot, run->count}));
        for (std::uint32_t i = 0; i < run->count; ++i)
            slotOf[done + i] = run->firstSlot + i;
        done += run->count;
        ++calls;
    }
    // A fresh device: whole free clusters, so ceil(pages / 512) runs.
    QCOMPARE(calls, std::uint64_t((pages + 511) / 512));
    QCOMPARE(dev.writeCalls(), calls);
    QCOMPARE(dev.stats().writes, std::uint64_t(pages));
    QCOMPARE(dev.usedSlotCount(), std::uint64_t(pages));

    for (int i = 0; i < pages; ++i) {
        const auto& want = batch.payloads[std::size_t(i)];
        const std::uint32_t length = std::uint32_t(want.size());
        QCOMPARE(dev.owner(slotOf[std::size_t(i)]), SlotId{1000 + std::uint64_t(i)});
        Page back;
        back.fill(std::byte{0xAA});
        const Status s = dev.load(slotOf[std::size_t(i)], back.data(), length);
        QVERIFY2(s.ok(), errcName(s.code()));
        QVERIFY(std::equal(want.begin(), want.end(), back.begin()));
        QVERIFY(std::all_of(back.begin() + length, back.end(), [](std::byte b) { return b == std::byte{0}; }));
        if (length == kPageSize) { // a raw page also reads through the page-sized load()
            Page again{};
            QVERIFY(dev.load(slotOf[std::size_t(i)], again.data()).ok());
            QVERIFY(again == back);
        }
    }
    QCOMPARE(dev.stats().checksumErrors, std::uint64_t(0));
    for (std::uint64_t s : slotOf)
        dev.free(s);
    QCOMPARE(dev.usedSlotCount(), std::uint64_t(0));
}

void TestDeviceRun::compressedStore_data() {
    QTest::addColumn<IoMode>("io");
    QTest::addColumn<quint32>("length");
    for (IoMode m : {IoMode::Buffered, IoMode::Direct})
        for (quint32 length : {1u, 17u, 2048u, 4095u, 4096u})
            QTest::addRow("%s, %u bytes", ioName(m), length) << m << length;
}

void TestDeviceRun::compressedStore() {
    QFETCH(IoMode, io);
    QFETCH(quint32, length);
    auto opened = SwapDevice::open(Env::posix(), kDev, options(64, io));
    if (io == IoMode::Direct && !opened && opened.error().osError == EINVAL)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY2(opened.ok(), errcName(opened.code()));
    SwapDevice& dev = **opened;
    std::vector<std::uint64_t> stored;
    for (std::uint64_t i = 0; i < 10; ++i) {
        const auto payload = makePayload(i, length);
        auto s = dev.store(payload.data(), length, SlotId{50 + i});
        QVERIFY2(s.ok(), errcName(s.code()));
        stored.push_back(*s);
    }
    QCOMPARE(dev.writeCalls(), std::uint64_t(10));
    for (std::uint64_t i = 0; i < 10; ++i) {
        const auto payload = makePayload(i, length);
        Page back;
        back.fill(std::byte{0x55});
        QVERIFY(dev.load(stored[i], back.data(), length).ok());
        QVERIFY(std::equal(payload.begin(), payload.end(), back.begin()));
        QVERIFY(std::all_of(back.begin() + length, back.end(), [](std::byte b) { return b == std::byte{0}; }));
        QCOMPARE(dev.owner(stored[i]), SlotId{50 + i});
    }
}

void TestDeviceRun::invalidArguments() {
    auto dev = openOrFail(options(64));
    QVERIFY(dev);
    const Page p = makePage(1);
    auto invalid = [&](std::vector<SwapDevice::RunPage> pages) { return dev->storeRun(pages).code(); };
    QCOMPARE(invalid({}), Errc::InvalidArgument);
    QCOMPARE(invalid({{nullptr, 10, SlotId{1}}}), Errc::InvalidArgument);
    QCOMPARE(invalid({{p.data(), 0, SlotId{1}}}), Errc::InvalidArgument);
    QCOMPARE(invalid({{p.data(), kPageSize + 1, SlotId{1}}}), Errc::InvalidArgument);
    QCOMPARE(invalid({{p.data(), 10, SlotId{1}}, {p.data(), 10, SlotId{}}}), Errc::InvalidArgument);
    QCOMPARE(dev->store(p.data(), 0, SlotId{1}).code(), Errc::InvalidArgument);
    QCOMPARE(dev->store(p.data(), kPageSize + 1, SlotId{1}).code(), Errc::InvalidArgument);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QCOMPARE(dev->writeCalls(), std::uint64_t(0));
    const auto slot = dev->store(p.data(), 100, SlotId{1});
    QVERIFY(slot);
    Page back{};
    QCOMPARE(dev->load(*slot, back.data(), 0).code(), Errc::InvalidArgument);
    QCOMPARE(dev->load(*slot, back.data(), kPageSize + 1).code(), Errc::InvalidArgument);
    QVERIFY(dev->load(*slot, back.data(), 100).ok());
}

void TestDeviceRun::corruptSlot_data() {
    QTest::addColumn<quint32>("length");
    QTest::addColumn<quint32>("flipAt");     // byte of the slot flipped on disk; ~0: none
    QTest::addColumn<quint32>("loadLength"); // length the reader passes
    QTest::addColumn<bool>("corrupt");
    QTest::newRow("first payload byte") << 100u << 0u << 100u << true;
    QTest::newRow("last payload byte") << 100u << 99u << 100u << true;
    QTest::newRow("one-byte payload") << 1u << 0u << 1u << true;
    QTest::newRow("long payload") << 4095u << 4000u << 4095u << true;
    QTest::newRow("raw page") << 4096u << 4095u << 4096u << true;
    QTest::newRow("wrong length, shorter") << 100u << ~0u << 99u << true;
    QTest::newRow("wrong length, longer") << 100u << ~0u << 101u << true;
    QTest::newRow("intact") << 100u << ~0u << 100u << false;
}

void TestDeviceRun::corruptSlot() {
    QFETCH(quint32, length);
    QFETCH(quint32, flipAt);
    QFETCH(quint32, loadLength);
    QFETCH(bool, corrupt);
    auto dev = openOrFail(options(64));
    QVERIFY(dev);
    Batch batch;
    for (std::uint64_t i = 0; i < 8; ++i)
        batch.add(i, length);
    auto run = dev->storeRun(batch.pages);
    QVERIFY(run.ok());
    QCOMPARE(run->count, 8u);
    const std::uint64_t victim = run->firstSlot + 3;
    if (flipAt != ~0u)
        QVERIFY(FaultInjectionEnv::flipByte(m_path, offsetOf(victim) + flipAt).ok());
    Page back{};
    const Status s = dev->load(victim, back.data(), loadLength);
    if (!corrupt) {
        QVERIFY(s.ok());
        return;
    }
    QCOMPARE(s.code(), Errc::CorruptData);
    QCOMPARE(s.error().offset, offsetOf(victim));
    QCOMPARE(s.error().slot, SlotId{1003});
    QCOMPARE(s.error().device, kDev);
    QCOMPARE(dev->stats().checksumErrors, std::uint64_t(1));
    // The neighbours in the same write are untouched.
    QVERIFY(dev->load(victim - 1, back.data(), length).ok());
    QVERIFY(dev->load(victim + 1, back.data(), length).ok());
}

void TestDeviceRun::writeFailureReleasesRun_data() {
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<Errc>("code");
    QTest::newRow("EIO") << QByteArray("eio") << Errc::IoError;
    QTest::newRow("ENOSPC") << QByteArray("enospc") << Errc::NoSpace;
    QTest::newRow("short write") << QByteArray("short") << Errc::ShortIo;
    QTest::newRow("disk full mid-run") << QByteArray("diskfull") << Errc::NoSpace;
}

void TestDeviceRun::writeFailureReleasesRun() {
    QFETCH(QByteArray, fault);
    QFETCH(Errc, code);
    FaultInjectionEnv env;
    auto dev = openOrFail(options(2048, IoMode::Buffered, false), &env);
    QVERIFY(dev);
    Batch batch;
    for (std::uint64_t i = 0; i < 300; ++i)
        batch.add(i, lengthFor("mixed", i));
    if (fault == "eio")
        env.failWrites(EIO);
    else if (fault == "enospc")
        env.failWrites(ENOSPC);
    else if (fault == "short")
        env.shortWrites();
    else
        env.setDiskFullAfter(100 * kPageSize);
    auto failed = dev->storeRun(batch.pages);
    QCOMPARE(failed.code(), code);
    QCOMPARE(failed.error().offset, offsetOf(0)); // the run's start
    QCOMPARE(failed.error().slot, SlotId{1000});  // its first page's owner
    QCOMPARE(failed.error().device, kDev);
    QCOMPARE(failed.error().path, m_path);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QVERIFY(dev->usedSlots().empty());
    QCOMPARE(dev->owner(0), SlotId{});
    QCOMPARE(dev->stats().writeErrors, std::uint64_t(300));
    QCOMPARE(dev->stats().writes, std::uint64_t(0));
    QCOMPARE(dev->writeCalls(), std::uint64_t(1));
    // Nothing leaked: the same slots are taken again and read back.
    env.clearFaults();
    auto again = dev->storeRun(batch.pages);
    QVERIFY2(again.ok(), errcName(again.code()));
    QCOMPARE(again->firstSlot, std::uint64_t(0));
    QCOMPARE(again->count, 300u);
    Page back{};
    for (std::uint32_t i = 0; i < again->count; ++i)
        QVERIFY(dev->load(i, back.data(), batch.pages[i].length).ok());
}

void TestDeviceRun::writeCallsPerRun() {
    FaultInjectionEnv env;
    auto dev = openOrFail(options(2048), &env);
    QVERIFY(dev);
    const std::uint64_t before = env.counters().writes;
    Batch batch;
    for (std::uint64_t i = 0; i < 100; ++i)
        batch.add(i, lengthFor("mixed", i));
    for (int r = 0; r < 3; ++r) {
        auto run = dev->storeRun(batch.pages);
        QVERIFY(run.ok());
        QCOMPARE(run->count, 100u);
    }
    const Page p = makePage(7);
    for (std::uint64_t i = 0; i < 5; ++i)
        QVERIFY(dev->store(p.data(), SlotId{1 + i}).ok());
    QCOMPARE(dev->writeCalls(), std::uint64_t(8));
    QCOMPARE(env.counters().writes - before, std::uint64_t(8)); // what reached the file
    QCOMPARE(dev->stats().writes, std::uint64_t(305));          // DeviceStats stays per page
}

void TestDeviceRun::drainingRefusesRun() {
    auto dev = openOrFail(options(64));
    QVERIFY(dev);
    Batch batch;
    batch.add(1, 100);
    dev->setDraining(true);
    QCOMPARE(dev->storeRun(batch.pages).code(), Errc::DeviceFull);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
    QCOMPARE(dev->writeCalls(), std::uint64_t(0));
    dev->setDraining(false);
    QVERIFY(dev->storeRun(batch.pages).ok());
}

void TestDeviceRun::concurrentRunsAndStores() {
    // Four threads store runs and single pages, load and free, on one device: no slot is
    // handed out twice and every live page reads back byte for byte.
    auto dev = openOrFail(options(4096));
    QVERIFY(dev);
    struct Live {
        std::uint64_t seed;
        std::uint32_t length;
    };
    std::map<std::uint64_t, Live> live[4]; // by physical slot
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            std::mt19937_64 rng(std::uint64_t(t) + 1);
            auto& mine = live[t];
            std::uint64_t seed = std::uint64_t(t) << 32;
            for (int round = 0; round < 200; ++round) {
                Batch batch;
                const std::uint64_t n = 1 + rng() % 64;
                for (std::uint64_t i = 0; i < n; ++i)
                    batch.add(seed + i, lengthFor("mixed", rng()));
                auto run = dev->storeRun(batch.pages);
                if (run) {
                    for (std::uint32_t i = 0; i < run->count; ++i)
                        mine[run->firstSlot + i] = Live{seed + i, batch.pages[i].length};
                } else if (run.code() != Errc::DeviceFull) {
                    ++failures;
                }
                seed += n;
                const auto single = makePayload(seed, lengthFor("compressed", rng()));
                if (auto s = dev->store(single.data(), std::uint32_t(single.size()), SlotId{1}))
                    mine[*s] = Live{seed, std::uint32_t(single.size())};
                ++seed;
                // Check and free about half of what this thread holds.
                for (auto it = mine.begin(); it != mine.end();) {
                    Page back{};
                    if (!dev->load(it->first, back.data(), it->second.length).ok()) {
                        ++failures;
                    } else {
                        const auto want = makePayload(it->second.seed, it->second.length);
                        if (!std::equal(want.begin(), want.end(), back.begin()))
                            ++failures;
                    }
                    if (rng() % 2) {
                        dev->free(it->first);
                        it = mine.erase(it);
                    } else {
                        ++it;
                    }
                }
            }
        });
    for (auto& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
    std::set<std::uint64_t> all;
    for (const auto& m : live)
        for (const auto& [slot, l] : m)
            QVERIFY(all.insert(slot).second);
    QCOMPARE(dev->usedSlotCount(), std::uint64_t(all.size()));
}

// --- device set ------------------------------------------------------------------------------

void TestDeviceRun::deviceSetOrder_data() {
    QTest::addColumn<bool>("excludeFirst");
    QTest::newRow("all devices") << false;
    QTest::newRow("first device excluded") << true;
}

void TestDeviceRun::deviceSetOrder() {
    // Devices a and b (priority 10) take turns; c (priority 5) only once both are full.
    QFETCH(bool, excludeFirst);
    DeviceSet set(Env::posix());
    std::vector<DeviceId> ids;
    for (int i = 0; i < 3; ++i) {
        DeviceOptions o = options(1024);
        o.path = m_path + "-" + std::to_string(i);
        o.priority = i < 2 ? 10 : 5;
        o.removeFileOnClose = true;
        auto id = set.add(o);
        QVERIFY(id.ok());
        ids.push_back(*id);
    }
    const DeviceId exclude = excludeFirst ? ids[0] : DeviceId{};
    Batch batch;
    for (std::uint64_t i = 0; i < 256; ++i)
        batch.add(i, 512);
    util::EpochGuard guard;
    std::vector<DeviceId> order;
    std::map<unsigned, std::set<std::uint64_t>> used;
    for (;;) {
        auto placed = set.storeRun(batch.pages, exclude);
        if (!placed) {
            QCOMPARE(placed.code(), Errc::DeviceFull);
            break;
        }
        QCOMPARE(placed->count, 256u);
        SwapDevice* dev = set.byIndex(placed->index);
        QVERIFY(dev);
        order.push_back(dev->id());
        for (std::uint32_t i = 0; i < placed->count; ++i) {
            QVERIFY(used[placed->index].insert(placed->firstSlot + i).second);
            QCOMPARE(dev->owner(placed->firstSlot + i), SlotId{1000 + i});
        }
    }
    if (excludeFirst) {
        const std::vector<DeviceId> want{ids[1], ids[1], ids[1], ids[1], ids[2], ids[2], ids[2], ids[2]};
        QCOMPARE(order, want);
    } else {
        QCOMPARE(order.size(), std::size_t(12));
        for (std::size_t i = 0; i < 8; ++i) // the two of priority 10 alternate
            QVERIFY(order[i] != ids[2] && (i == 0 || order[i] != order[i - 1]));
        for (std::size_t i = 8; i < 12; ++i)
            QCOMPARE(order[i], ids[2]);
    }
}

void TestDeviceRun::tierMasks_data() {
    // Tiers "fast" (priority >= 10: device 0) and "slow" (device 1). `generation`: "current",
    // "zero" (any table), "stale" (the one before setTiers), "future".
    QTest::addColumn<quint32>("bits");
    QTest::addColumn<QByteArray>("generation");
    QTest::addColumn<int>("device"); // index into the added devices; -1: refused
    QTest::addColumn<Errc>("code");
    QTest::newRow("fast, current") << 1u << QByteArray("current") << 0 << Errc::Ok;
    QTest::newRow("slow, current") << 2u << QByteArray("current") << 1 << Errc::Ok;
    QTest::newRow("both, zero") << 3u << QByteArray("zero") << 0 << Errc::Ok;
    QTest::newRow("slow, zero") << 2u << QByteArray("zero") << 1 << Errc::Ok;
    QTest::newRow("no tier") << 0u << QByteArray("current") << -1 << Errc::NoDevice;
    QTest::newRow("fast, stale") << 1u << QByteArray("stale") << -1 << Errc::Busy;
    QTest::newRow("both, future") << 3u << QByteArray("future") << -1 << Errc::Busy;
}

void TestDeviceRun::tierMasks() {
    QFETCH(quint32, bits);
    QFETCH(QByteArray, generation);
    QFETCH(int, device);
    QFETCH(Errc, code);
    DeviceSet set(Env::posix());
    auto table = TierTable::make({{"fast", 10, 32767}, {"slow", -1, 9}});
    QVERIFY(table.ok());
    QVERIFY(set.setTiers(*table).ok());
    std::vector<DeviceId> ids;
    for (int i = 0; i < 2; ++i) {
        DeviceOptions o = options(1024);
        o.path = m_path + "-" + std::to_string(i);
        o.priority = i == 0 ? 20 : 1;
        o.removeFileOnClose = true;
        auto id = set.add(o);
        QVERIFY(id.ok());
        ids.push_back(*id);
    }
    util::EpochGuard guard;
    const DeviceSet::TierView view = set.tierView();
    QCOMPARE(view.table->specs(), table->specs());
    QCOMPARE(*view.table->indexOf("fast"), std::size_t(0));
    std::uint64_t gen = view.generation;
    if (generation == "zero")
        gen = 0;
    else if (generation == "stale")
        gen = view.generation - 1;
    else if (generation == "future")
        gen = view.generation + 1;
    const TierMask mask{bits, gen};

    Batch batch;
    for (std::uint64_t i = 0; i < 10; ++i)
        batch.add(i, 300);
    auto placed = set.storeRun(batch.pages, {}, mask);
    const Page p = makePage(1);
    auto single = set.store(p.data(), SlotId{1}, {}, {}, mask);
    if (device < 0) {
        QCOMPARE(placed.code(), code);
        QCOMPARE(single.code(), code);
        if (code == Errc::Busy) {
            QCOMPARE(placed.error().path, std::string("tiers"));
            QCOMPARE(single.error().path, std::string("tiers"));
        }
        for (DeviceId id : ids) { // nothing written anywhere
            SwapDevice* dev = set.byIndex(*set.indexOf(id));
            QCOMPARE(dev->usedSlotCount(), std::uint64_t(0));
            QCOMPARE(dev->writeCalls(), std::uint64_t(0));
        }
        return;
    }
    QVERIFY2(placed.ok(), errcName(placed.code()));
    QVERIFY2(single.ok(), errcName(single.code()));
    const unsigned want = *set.indexOf(ids[std::size_t(device)]);
    QCOMPARE(placed->index, want);
    QCOMPARE(placed->count, 10u);
    QCOMPARE(single->index, want);
    QCOMPARE(set.tierOfIndex(want), std::size_t(device));
    Page back{};
    QVERIFY(set.byIndex(want)->load(placed->firstSlot + 4, back.data(), 300).ok());
    const auto payload = makePayload(4, 300);
    QVERIFY(std::equal(payload.begin(), payload.end(), back.begin()));
}

void TestDeviceRun::tierGeneration() {
    DeviceSet set(Env::posix());
    DeviceOptions o = options(64);
    o.priority = 20;
    o.removeFileOnClose = true;
    auto id = set.add(o);
    QVERIFY(id.ok());
    std::uint64_t first = 0;
    {
        util::EpochGuard guard;
        first = set.tierView().generation;
        QCOMPARE(first, std::uint64_t(1));
        QCOMPARE(set.tierView().table->specs(), TierTable::defaults().specs());
    }
    // Priorities, adds and removes keep the table and its generation.
    QVERIFY(set.setPriority(*id, 30).ok());
    auto table = TierTable::make({{"fast", 10, 32767}, {"default", -1, 9}});
    QVERIFY(table.ok());
    // Refused (the device's tier "default" would vanish): nothing changes.
    auto noDefault = TierTable::make({{"fast", -1, 32767}});
    QVERIFY(noDefault.ok());
    QCOMPARE(set.setTiers(*noDefault).code(), Errc::Busy);
    {
        util::EpochGuard guard;
        QCOMPARE(set.tierView().generation, first);
    }
    QVERIFY(set.setTiers(*table).ok());
    QVERIFY(set.setTiers(*table).ok());
    util::EpochGuard guard;
    const auto view = set.tierView();
    QCOMPARE(view.generation, first + 2);
    QCOMPARE(view.table->specs(), table->specs());
    Batch batch;
    batch.add(1, kPageSize);
    QCOMPARE(set.storeRun(batch.pages, {}, TierMask{kAllTiers, first + 1}).code(), Errc::Busy);
    QVERIFY(set.storeRun(batch.pages, {}, TierMask{kAllTiers, first + 2}).ok());
    QVERIFY(set.storeRun(batch.pages, {}, TierMask{kAllTiers, 0}).ok());
}

QTEST_GUILESS_MAIN(TestDeviceRun)
#include "tst_devicerun.moc"
