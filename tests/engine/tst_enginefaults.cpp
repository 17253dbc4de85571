// SPDX-License-Identifier: GPL-3.0-or-later
// Bad disks and bad data at the engine level: failing and short writes, a full filesystem,
// full devices, a pool at its limit, corrupted and truncated swapfiles. Each case must give
// the right error value naming what and where, and lose no page: a refused swap-out leaves no
// entry (the caller still has its page), a failed move leaves the entry where it was, a failed
// load leaves the entry in place.
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "swaptier/engine.h"

#include <cerrno>
#include <utility>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using swaptier::testing::FaultInjectionEnv;

Q_DECLARE_METATYPE(swaptier::Errc)

namespace {

struct Rig {
    QTemporaryDir dir = makeScratchDir();
    FaultInjectionEnv env;
    std::unique_ptr<Engine> engine;

    explicit Rig(bool pool = false, std::uint64_t poolLimit = 0) {
        EngineOptions o;
        o.env = &env;
        o.pool.enabled = pool;
        o.pool.limitBytes = poolLimit;
        engine = std::move(*Engine::create(o));
    }
    DeviceId add(const char* name, std::uint64_t pages, int prio = -1) {
        auto id = engine->addDevice(deviceIn(dir, name, pages, prio));
        if (!id)
            qFatal("addDevice: %s", errcName(id.code()));
        return *id;
    }
};

bool readsBack(Engine& e, SlotId slot, const Page& expected) {
    Page got;
    return e.swapIn(slot, got).ok() && got == expected;
}

} // namespace

class TstEngineFaults : public QObject {
    Q_OBJECT

private slots:
    void failedSwapOutLeavesNoEntry_data();
    void failedSwapOutLeavesNoEntry();
    void failingDeviceFallsBackToAnother();
    void failedWritebackKeepsEntryInPool();
    void writebackPassFailingMidwayLosesNothing_data();
    void writebackPassFailingMidwayLosesNothing();
    void corruptedSlotIsReportedNotReturned();
    void truncatedSwapfileIsReported();
    void poolLimitFallsBackToDevice();
    void swapoffFallsBackToMemoryWhenWritesFail();
    void foreignFileIsNeverOverwritten();
};

void TstEngineFaults::failedSwapOutLeavesNoEntry_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<Errc>("expected");
    QTest::newRow("EIO") << 0 << Errc::IoError;
    QTest::newRow("ENOSPC") << 1 << Errc::NoSpace;
    QTest::newRow("short write") << 2 << Errc::ShortIo;
    QTest::newRow("disk full after 3 pages") << 3 << Errc::NoSpace;
}

void TstEngineFaults::failedSwapOutLeavesNoEntry() {
    QFETCH(int, fault);
    QFETCH(Errc, expected);
    Rig rig;
    const DeviceId dev = rig.add("d", 64);
    std::vector<std::pair<SlotId, Page>> kept;
    if (fault == 3) {
        rig.env.setDiskFullAfter(3 * kPageSize);
        for (int i = 0; i < 3; ++i) {
            Page p = makePage(PageKind::Text, i);
            auto s = rig.engine->swapOut(p, CgroupId{});
            QVERIFY(s.ok());
            kept.emplace_back(*s, p);
        }
    } else if (fault == 0) {
        rig.env.failWrites(EIO, swaptier::testing::kForever);
    } else if (fault == 1) {
        rig.env.failWrites(ENOSPC, swaptier::testing::kForever);
    } else {
        rig.env.shortWrites(swaptier::testing::kForever);
    }
    Page p = makePage(PageKind::Text, 42);
    auto r = rig.engine->swapOut(p, CgroupId{9});
    QCOMPARE(r.code(), expected);
    QCOMPARE(r.error().device, dev);
    QVERIFY(!r.error().path.empty());
    QVERIFY(r.error().offset != ~std::uint64_t{0});
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.slotTable.liveEntries, std::uint64_t(kept.size()));
    QCOMPARE(s.devices[0].usedSlots, std::uint64_t(kept.size())); // the failed slot was released
    QCOMPARE(s.events.ioErrors, 1u);
    rig.env.clearFaults();
    rig.env.setDiskFullAfter(~std::uint64_t{0});
    for (auto& [slot, page] : kept)
        QVERIFY(readsBack(*rig.engine, slot, page));
    auto again = rig.engine->swapOut(p, CgroupId{9});
    QVERIFY(again.ok());
    QVERIFY(readsBack(*rig.engine, *again, p));
}

void TstEngineFaults::failingDeviceFallsBackToAnother() {
    Rig rig;
    rig.add("a", 64, 10);
    const DeviceId b = rig.add("b", 64, 1);
    rig.env.failWrites(EIO, 1); // the first device's write fails once
    Page p = makePage(PageKind::Mixed, 1);
    auto s = rig.engine->swapOut(p, CgroupId{});
    QVERIFY(s.ok());
    QCOMPARE(rig.engine->lookup(*s)->device, b);
    QVERIFY(readsBack(*rig.engine, *s, p));
}

void TstEngineFaults::failedWritebackKeepsEntryInPool() {
    Rig rig(true);
    rig.add("d", 64);
    Page p = makePage(PageKind::Text, 3);
    auto s = rig.engine->swapOut(p, CgroupId{});
    QVERIFY(s.ok());
    QCOMPARE(rig.engine->lookup(*s)->backend, Backend::Pool);
    rig.env.failWrites(EIO, swaptier::testing::kForever);
    auto m = rig.engine->move(*s, MoveTarget::anyDevice());
    QCOMPARE(m.code(), Errc::IoError);
    QCOMPARE(m.error().slot, *s);
    QCOMPARE(rig.engine->lookup(*s)->backend, Backend::Pool);
    const EngineStats st = rig.engine->stats();
    QCOMPARE(st.events.moveFailures, 1u);
    QCOMPARE(st.devices[0].usedSlots, 0u);
    QVERIFY(readsBack(*rig.engine, *s, p));
}

void TstEngineFaults::writebackPassFailingMidwayLosesNothing_data() {
    QTest::addColumn<bool>("pipelined");
    QTest::newRow("writer thread") << true;
    QTest::newRow("one thread") << false;
}

// The disk fills up during the fifth run of a batched writeback: the four runs before it are
// on the device, the failed run and (pipelined) the batch gathered behind it stay in the pool,
// and every page reads back. Once the disk has room again, a second pass writes the rest.
void TstEngineFaults::writebackPassFailingMidwayLosesNothing() {
    QFETCH(bool, pipelined);
    constexpr std::uint64_t kPages = 1024, kBatch = 64, kRunsThatFit = 4;
    Rig rig(true);
    rig.add("d", 2 * kPages);
    std::vector<std::pair<SlotId, Page>> entries;
    for (std::uint64_t i = 0; i < kPages; ++i) {
        Page p = makePage(PageKind::Text, i);
        auto s = rig.engine->swapOut(p, CgroupId{});
        QVERIFY(s.ok());
        QCOMPARE(rig.engine->lookup(*s)->backend, Backend::Pool);
        entries.emplace_back(*s, std::move(p));
    }
    rig.env.setDiskFullAfter((kRunsThatFit * kBatch + kBatch / 2) * kPageSize);
    WritebackOptions o;
    o.batchPages = std::uint32_t(kBatch);
    o.secondChance = false;
    o.pipelined = pipelined;
    auto r = rig.engine->writeback(o);
    QVERIFY(r.ok());
    QCOMPARE(r->written, kRunsThatFit * kBatch);
    QCOMPARE(r->writes, kRunsThatFit);
    QCOMPARE(r->firstError.code, Errc::NoSpace);
    QVERIFY(!r->firstError.path.empty());
    EngineStats st = rig.engine->stats();
    QCOMPARE(st.devices[0].usedSlots, kRunsThatFit * kBatch);
    QCOMPARE(st.backends[std::size_t(Backend::Pool)].entries, kPages - kRunsThatFit * kBatch);
    QCOMPARE(st.pool.objects, kPages - kRunsThatFit * kBatch);
    // Oldest first: the entries on the device are exactly the first ones stored.
    for (std::uint64_t i = 0; i < kPages; ++i)
        QCOMPARE(rig.engine->lookup(entries[i].first)->backend,
                 i < kRunsThatFit * kBatch ? Backend::Device : Backend::Pool);

    rig.env.clearFaults();
    auto again = rig.engine->writeback(o);
    QVERIFY(again.ok());
    QCOMPARE(again->firstError.code, Errc::Ok);
    QCOMPARE(again->written, kPages - kRunsThatFit * kBatch);
    st = rig.engine->stats();
    QCOMPARE(st.pool.objects, 0u);
    QCOMPARE(st.devices[0].usedSlots, kPages);
    for (const auto& [slot, page] : entries)
        QVERIFY(readsBack(*rig.engine, slot, page));
}

void TstEngineFaults::corruptedSlotIsReportedNotReturned() {
    Rig rig;
    const DeviceId dev = rig.add("c", 64);
    Page p = makePage(PageKind::Text, 5);
    auto s = rig.engine->swapOut(p, CgroupId{});
    QVERIFY(s.ok());
    const auto info = rig.engine->lookup(*s);
    const std::uint64_t offset = (info->physicalSlot + 1) * kPageSize + 100;
    QVERIFY(FaultInjectionEnv::flipByte(pathIn(rig.dir, "c"), offset, 0x01).ok());
    Page got;
    auto r = rig.engine->swapIn(*s, got);
    QCOMPARE(r.code(), Errc::CorruptData);
    QCOMPARE(r.error().device, dev);
    QCOMPARE(r.error().slot, *s);
    QCOMPARE(r.error().path, pathIn(rig.dir, "c"));
    QCOMPARE(r.error().offset, (info->physicalSlot + 1) * kPageSize);
    QCOMPARE(rig.engine->stats().events.corruptions, 1u);
    QCOMPARE(rig.engine->lookup(*s)->swapCount, 1u); // still there, still owned
    QVERIFY(FaultInjectionEnv::flipByte(pathIn(rig.dir, "c"), offset, 0x01).ok()); // repair
    QVERIFY(readsBack(*rig.engine, *s, p));
}

void TstEngineFaults::truncatedSwapfileIsReported() {
    Rig rig;
    rig.add("t", 64);
    std::vector<SlotId> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(*rig.engine->swapOut(makePage(PageKind::Text, i), CgroupId{}));
    const std::uint64_t last = rig.engine->lookup(ids.back())->physicalSlot;
    QVERIFY(FaultInjectionEnv::truncateFile(pathIn(rig.dir, "t"), (last + 1) * kPageSize + 512).ok());
    Page got;
    auto r = rig.engine->swapIn(ids.back(), got);
    QVERIFY2(r.code() == Errc::ShortIo || r.code() == Errc::CorruptData, errcName(r.code()));
    QCOMPARE(r.error().slot, ids.back());
    QVERIFY(readsBack(*rig.engine, ids.front(), makePage(PageKind::Text, 0)));
}

void TstEngineFaults::poolLimitFallsBackToDevice() {
    Rig rig(true, 64 * 1024); // 16 pages of pool
    rig.add("d", 1024);
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 200; ++i) {
        Page p = makePage(PageKind::Random, i); // incompressible: one page each
        entries.emplace_back(*rig.engine->swapOut(p, CgroupId{}), p);
    }
    EngineStats s = rig.engine->stats();
    QVERIFY(s.pool.poolBytes <= 64 * 1024);
    QVERIFY(s.pool.limitHits >= 1);
    QVERIFY(s.events.poolRejects > 0);
    QVERIFY(s.backends[std::size_t(Backend::Device)].entries > 150);
    // A refused store makes the storing thread shrink the pool (zswap's shrink worker): the
    // oldest pool entries were written back to the device, so the first page is there now.
    QVERIFY(s.events.zswpwb > 0);
    QCOMPARE(rig.engine->lookup(entries.front().first)->backend, Backend::Device);
    // Free pool entries below the accept threshold (90% of the limit): the pool accepts again.
    std::vector<std::pair<SlotId, Page>> onDevice;
    for (auto& [slot, page] : entries) {
        if (rig.engine->lookup(slot)->backend == Backend::Pool)
            QVERIFY(rig.engine->put(slot).ok());
        else
            onDevice.emplace_back(slot, page);
    }
    auto again = rig.engine->swapOut(makePage(PageKind::Random, 999), CgroupId{});
    QCOMPARE(rig.engine->lookup(*again)->backend, Backend::Pool);
    for (auto& [slot, page] : onDevice)
        QVERIFY(readsBack(*rig.engine, slot, page));
    // No pool, no room: BackendFull and nothing stored.
    Rig tiny(true, 4096);
    auto first = tiny.engine->swapOut(makePage(PageKind::Random, 1), CgroupId{});
    QVERIFY(first.ok());
    auto refused = tiny.engine->swapOut(makePage(PageKind::Random, 2), CgroupId{});
    QCOMPARE(refused.code(), Errc::BackendFull);
    QCOMPARE(tiny.engine->stats().slotTable.liveEntries, 1u);
}

void TstEngineFaults::swapoffFallsBackToMemoryWhenWritesFail() {
    Rig rig;
    const DeviceId a = rig.add("a", 256, 5);
    rig.add("b", 256, 1);
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 100; ++i) {
        Page p = makePage(PageKind::Mixed, i);
        entries.emplace_back(*rig.engine->swapOut(p, CgroupId{}), p);
    }
    rig.env.failWrites(EIO, swaptier::testing::kForever); // device b cannot take them
    auto report = rig.engine->swapoff(a);
    QVERIFY2(report.ok(), errcName(report.code()));
    QCOMPARE(report->toMemory, 100u);
    rig.env.clearFaults();
    for (auto& [slot, page] : entries) {
        QCOMPARE(rig.engine->lookup(slot)->backend, Backend::Memory);
        QVERIFY(readsBack(*rig.engine, slot, page));
    }
}

void TstEngineFaults::foreignFileIsNeverOverwritten() {
    Rig rig;
    const std::string path = pathIn(rig.dir, "precious");
    {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(10000, 'x'));
    }
    DeviceOptions d = deviceIn(rig.dir, "precious", 64);
    auto r = rig.engine->addDevice(d);
    QCOMPARE(r.code(), Errc::Exists);
    QCOMPARE(r.error().path, path);
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray(10000, 'x'));
}

QTEST_GUILESS_MAIN(TstEngineFaults)
#include "tst_enginefaults.moc"
