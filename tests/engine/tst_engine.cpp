// SPDX-License-Identifier: GPL-3.0-or-later
// Engine API behaviour: each backend, swap counts, the swap cache, device priorities, moves,
// swapoff, statistics and the return of all memory and disk space.
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/engine.h"

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <thread>
#endif

using namespace swaptier;
using namespace swaptier::test;

Q_DECLARE_METATYPE(swaptier::Placement)
Q_DECLARE_METATYPE(swaptier::Codec)
Q_DECLARE_METATYPE(swaptier::Backend)
Q_DECLARE_METATYPE(swaptier::test::PageKind)

namespace {

std::unique_ptr<Engine> makeEngine(PoolOptions pool = {}) {
    EngineOptions o;
    o.pool = pool;
    auto e = Engine::create(o);
    if (!e)
        qFatal("Engine::create failed: %s", errcName(e.code()));
    return std::move(*e);
}

void verifyIn(Engine& e, SlotId slot, const Page& expected) {
    Page got;
    auto r = e.swapIn(slot, got);
    QVERIFY2(r.ok(), errcName(r.code()));
    QVERIFY(got == expected);
}

std::uint64_t allocatedBytes(const std::string& path) {
    struct stat st{};
    if (::stat(path.c_str(), &st) != 0)
        return 0;
    return std::uint64_t(st.st_blocks) * 512;
}

} // namespace

class TstEngine : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void zeroPageNeedsNoStorage();
    void poolWorksWithoutAnySwapfile();
    void swapCountWithOverflow();
    void errorsOnUnknownAndFreedSlots();
    void backendFullLosesNothing();
    void devicePriorityAndRoundRobin();
    void addDeviceAtRuntime();
    void swapCacheAndShadow();
    void moveKeepsSlot_data();
    void moveKeepsSlot();
    void moveBatchCounts();
    void swapoffToOtherDevice();
    void swapoffIntoMemory();
    void swapoffWithNowhereToGoKeepsEverything();
    void swapoffCancelKeepsDevice();
    void swapoffWhileOthersStoreAndLoad();
    void statsAddUp();
    void trafficPerBackend();
    void everythingReturnedAfterFree();
    void runtimePoolCodecSwitch();
    void invalidOptionsRefused_data();
    void invalidOptionsRefused();
};

void TstEngine::roundTrip_data() {
    QTest::addColumn<Placement>("placement");
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<PageKind>("kind");
    QTest::addColumn<Backend>("expected");

    QTest::newRow("auto-lz4-text") << Placement::Auto << Codec::Lz4 << PageKind::Text << Backend::Pool;
    QTest::newRow("auto-zstd-text") << Placement::Auto << Codec::Zstd << PageKind::Text << Backend::Pool;
    QTest::newRow("auto-lzo-mixed") << Placement::Auto << Codec::Lzo << PageKind::Mixed << Backend::Pool;
    QTest::newRow("auto-random-raw-in-pool") << Placement::Auto << Codec::Lz4 << PageKind::Random << Backend::Pool;
    QTest::newRow("auto-zero") << Placement::Auto << Codec::Lz4 << PageKind::Zero << Backend::Zero;
    QTest::newRow("pool-only") << Placement::PoolOnly << Codec::Zstd << PageKind::Mixed << Backend::Pool;
    QTest::newRow("device-only-text") << Placement::DeviceOnly << Codec::Lz4 << PageKind::Text << Backend::Device;
    QTest::newRow("device-only-random") << Placement::DeviceOnly << Codec::Lz4 << PageKind::Random << Backend::Device;
    QTest::newRow("memory") << Placement::Memory << Codec::Lz4 << PageKind::Text << Backend::Memory;
}

void TstEngine::roundTrip() {
    QFETCH(Placement, placement);
    QFETCH(Codec, codec);
    QFETCH(PageKind, kind);
    QFETCH(Backend, expected);

    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.codec = codec;
    auto e = makeEngine(pool);
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "swap0", 64)));

    std::vector<std::pair<SlotId, Page>> stored;
    for (std::uint64_t i = 0; i < 40; ++i) {
        Page p = makePage(kind, i);
        StoreOptions so;
        so.placement = placement;
        auto slot = e->swapOut(p, CgroupId{1}, so);
        QVERIFY2(slot.ok(), errcName(slot.code()));
        auto info = e->lookup(*slot);
        QVERIFY(info.ok());
        QCOMPARE(info->backend, expected);
        QCOMPARE(info->swapCount, 1u);
        QCOMPARE(info->cgroup, CgroupId{1});
        if (kind == PageKind::Random && expected == Backend::Pool)
            QCOMPARE(info->codec, Codec::Raw);
        stored.emplace_back(*slot, p);
    }
    std::set<SlotId> distinct;
    for (auto& [slot, page] : stored) {
        distinct.insert(slot);
        verifyIn(*e, slot, page);
    }
    QCOMPARE(distinct.size(), stored.size());
    for (auto& [slot, page] : stored)
        ST_VERIFY_OK(e->put(slot));
    const EngineStats s = e->stats();
    QCOMPARE(s.slotTable.liveEntries, 0u);
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.events.swapOuts, 40u);
    QCOMPARE(s.events.swapIns, 40u);
    QCOMPARE(s.events.frees, 40u);
}

void TstEngine::zeroPageNeedsNoStorage() {
    auto e = makeEngine();
    Page zero = makePage(PageKind::Zero, 0);
    auto slot = e->swapOut(zero, CgroupId{3});
    QVERIFY(slot.ok());
    const EngineStats s = e->stats();
    QCOMPARE(s.backends[std::size_t(Backend::Zero)].entries, 1u);
    QCOMPARE(s.backends[std::size_t(Backend::Zero)].storedBytes, 0u);
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.events.swpoutZero, 1u);
    Page got = makePage(PageKind::Random, 9);
    auto in = e->swapIn(*slot, got);
    QVERIFY(in.ok());
    QCOMPARE(in->from, Backend::Zero);
    QVERIFY(got == zero);
    QCOMPARE(e->stats().events.swpinZero, 1u);
}

void TstEngine::poolWorksWithoutAnySwapfile() {
    // vswap's first promise: a compressed store needs no swapfile and no reserved disk slot.
    auto e = makeEngine();
    std::vector<SlotId> ids;
    for (int i = 0; i < 1000; ++i) {
        auto s = e->swapOut(makePage(PageKind::Text, i), CgroupId{0});
        QVERIFY(s.ok());
        ids.push_back(*s);
    }
    const EngineStats s = e->stats();
    QVERIFY(s.devices.empty());
    QCOMPARE(s.backends[std::size_t(Backend::Pool)].entries, 1000u);
    QVERIFY(s.pool.compressionRatio() > 1.5);
    for (int i = 0; i < 1000; i += 97)
        verifyIn(*e, ids[i], makePage(PageKind::Text, i));
}

void TstEngine::swapCountWithOverflow() {
    auto e = makeEngine();
    Page p = makePage(PageKind::Text, 5);
    auto slot = e->swapOut(p, CgroupId{2});
    QVERIFY(slot.ok());
    // Far beyond the 10-bit inline count: the overflow table takes over and gives way again.
    const std::uint32_t extra = 3000;
    for (std::uint32_t i = 0; i < extra; ++i)
        ST_VERIFY_OK(e->duplicate(*slot));
    QCOMPARE(e->lookup(*slot)->swapCount, extra + 1);
    QCOMPARE(e->stats().slotTable.overflowCounts, 1u);
    for (std::uint32_t i = 0; i < extra; ++i)
        ST_VERIFY_OK(e->put(*slot));
    QCOMPARE(e->lookup(*slot)->swapCount, 1u);
    QCOMPARE(e->stats().slotTable.overflowCounts, 0u);
    verifyIn(*e, *slot, p);
    ST_VERIFY_OK(e->put(*slot));
    QCOMPARE(e->lookup(*slot).code(), Errc::FreedSlot);
}

void TstEngine::errorsOnUnknownAndFreedSlots() {
    auto e = makeEngine();
    Page out;
    QCOMPARE(e->swapIn(SlotId{}, out).code(), Errc::UnknownSlot);
    QCOMPARE(e->put(SlotId{987654321}).code(), Errc::UnknownSlot);
    QCOMPARE(e->lookup(SlotId{~std::uint64_t{0} - 1}).code(), Errc::UnknownSlot);

    auto a = e->swapOut(makePage(PageKind::Text, 1), CgroupId{});
    auto b = e->swapOut(makePage(PageKind::Text, 2), CgroupId{}); // keeps the cluster alive
    QVERIFY(a.ok() && b.ok());
    ST_VERIFY_OK(e->put(*a));
    QCOMPARE(e->put(*a).code(), Errc::FreedSlot);
    QCOMPARE(e->duplicate(*a).code(), Errc::FreedSlot); // vswap scenario (f)
    QCOMPARE(e->swapIn(*a, out).code(), Errc::FreedSlot);
    const auto err = e->put(*a).error();
    QCOMPARE(err.slot, *a);
}

void TstEngine::backendFullLosesNothing() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    Page p = makePage(PageKind::Text, 7);
    QCOMPARE(e->swapOut(p, CgroupId{}).code(), Errc::BackendFull);

    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "tiny", 3)));
    std::vector<SlotId> ids;
    for (int i = 0; i < 3; ++i) {
        auto s = e->swapOut(makePage(PageKind::Text, i), CgroupId{});
        QVERIFY(s.ok());
        ids.push_back(*s);
    }
    auto full = e->swapOut(p, CgroupId{});
    QCOMPARE(full.code(), Errc::BackendFull);
    QCOMPARE(e->stats().slotTable.liveEntries, 3u); // the refused page left no entry behind
    for (int i = 0; i < 3; ++i)
        verifyIn(*e, ids[i], makePage(PageKind::Text, i));
}

void TstEngine::devicePriorityAndRoundRobin() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    auto high = e->addDevice(deviceIn(dir, "high", 8, 10));
    auto lowA = e->addDevice(deviceIn(dir, "lowA", 64, 5));
    auto lowB = e->addDevice(deviceIn(dir, "lowB", 64, 5));
    QVERIFY(high.ok() && lowA.ok() && lowB.ok());

    std::map<DeviceId, int> placed;
    std::vector<DeviceId> order;
    for (int i = 0; i < 28; ++i) {
        auto s = e->swapOut(makePage(PageKind::Mixed, i), CgroupId{});
        QVERIFY(s.ok());
        const DeviceId d = e->lookup(*s)->device;
        ++placed[d];
        order.push_back(d);
    }
    // The higher priority device is exhausted before a lower one is used...
    for (int i = 0; i < 8; ++i)
        QCOMPARE(order[i], *high);
    // ...then the two equal-priority devices take turns.
    QCOMPARE(placed[*lowA], 10);
    QCOMPARE(placed[*lowB], 10);
    for (int i = 8; i + 1 < 28; ++i)
        QVERIFY(order[i] != order[i + 1]);

    ST_VERIFY_OK(e->setDevicePriority(*lowB, 20));
    auto s = e->swapOut(makePage(PageKind::Mixed, 99), CgroupId{});
    QCOMPARE(e->lookup(*s)->device, *lowB);
    QCOMPARE(e->setDevicePriority(DeviceId{4242}, 1).code(), Errc::UnknownDevice);
    QCOMPARE(e->setDevicePriority(*lowB, 40000).code(), Errc::InvalidArgument);
}

void TstEngine::addDeviceAtRuntime() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    std::atomic<bool> stop{false};
    std::atomic<int> stored{0};
    std::thread writer([&] {
        for (int i = 0; !stop.load(); ++i)
            if (e->swapOut(makePage(PageKind::Text, i), CgroupId{}).ok())
                ++stored;
    });
    QTest::qWait(20);
    const int before = stored.load();
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "late", 4096)));
    QTRY_VERIFY(stored.load() > 100);
    stop = true;
    writer.join();
    QCOMPARE(before, 0);
    QCOMPARE(e->addDevice(deviceIn(dir, "late", 16)).code(), Errc::Exists);
}

void TstEngine::swapCacheAndShadow() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "s", 64)));
    Page p = makePage(PageKind::Text, 11);
    StoreOptions so;
    so.shadow = 12345;
    so.placement = Placement::DeviceOnly;
    auto slot = e->swapOut(p, CgroupId{4}, so);
    QVERIFY(slot.ok());
    QCOMPARE(e->lookup(*slot)->cache, CacheState::Shadow);
    QCOMPARE(e->lookup(*slot)->shadow, 12345u);

    Page got;
    LoadOptions keep;
    keep.keepCached = true;
    auto first = e->swapIn(*slot, got, keep);
    QVERIFY(first.ok());
    QVERIFY(!first->cacheHit);
    QVERIFY(first->hadShadow);
    QCOMPARE(first->shadow, 12345u);
    QCOMPARE(first->from, Backend::Device);
    QVERIFY(got == p);
    QCOMPARE(e->lookup(*slot)->cache, CacheState::Page);

    auto second = e->swapIn(*slot, got);
    QVERIFY(second.ok());
    QVERIFY(second->cacheHit);
    QVERIFY(got == p);
    const EngineStats s = e->stats();
    QCOMPARE(s.events.cacheHits, 1u);
    QCOMPARE(s.events.pswpin, 1u);
    QCOMPARE(s.slotTable.cachedPages, 1u);

    ST_VERIFY_OK(e->dropCached(*slot));
    QCOMPARE(e->lookup(*slot)->cache, CacheState::None);
    QCOMPARE(e->stats().slotTable.cachedPages, 0u);
    verifyIn(*e, *slot, p);

    StoreOptions mem;
    mem.placement = Placement::Memory;
    auto inMemory = e->swapOut(p, CgroupId{4}, mem);
    QCOMPARE(e->dropCached(*inMemory).code(), Errc::InvalidArgument); // it is the only copy
}

void TstEngine::moveKeepsSlot_data() {
    QTest::addColumn<Placement>("from");
    QTest::addColumn<int>("target"); // MoveTarget::Kind
    QTest::addColumn<Backend>("expected");

    QTest::newRow("pool->device (writeback)") << Placement::PoolOnly << int(MoveTarget::Kind::AnyDevice) << Backend::Device;
    QTest::newRow("device->pool (promotion)") << Placement::DeviceOnly << int(MoveTarget::Kind::Pool) << Backend::Pool;
    QTest::newRow("pool->memory") << Placement::PoolOnly << int(MoveTarget::Kind::Memory) << Backend::Memory;
    QTest::newRow("memory->device") << Placement::Memory << int(MoveTarget::Kind::AnyDevice) << Backend::Device;
    QTest::newRow("memory->pool") << Placement::Memory << int(MoveTarget::Kind::Pool) << Backend::Pool;
    QTest::newRow("device->memory") << Placement::DeviceOnly << int(MoveTarget::Kind::Memory) << Backend::Memory;
}

void TstEngine::moveKeepsSlot() {
    QFETCH(Placement, from);
    QFETCH(int, target);
    QFETCH(Backend, expected);
    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "m", 128)));
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 50; ++i) {
        Page p = makePage(PageKind::Mixed, 100 + i);
        StoreOptions so;
        so.placement = from;
        auto s = e->swapOut(p, CgroupId{7}, so);
        QVERIFY(s.ok());
        entries.emplace_back(*s, p);
    }
    MoveTarget t{MoveTarget::Kind(target), {}, {}};
    for (auto& [slot, page] : entries) {
        auto r = e->move(slot, t);
        QVERIFY2(r.ok(), errcName(r.code()));
        QCOMPARE(*r, MoveOutcome::Moved);
        QCOMPARE(e->lookup(slot)->backend, expected);
        QCOMPARE(*e->move(slot, t), MoveOutcome::AlreadyThere);
    }
    for (auto& [slot, page] : entries)
        verifyIn(*e, slot, page);
    const EngineStats s = e->stats();
    QCOMPARE(s.events.moves, 50u);
    QCOMPARE(s.backends[std::size_t(expected)].entries, 50u);
    if (from == Placement::PoolOnly && expected == Backend::Device)
        QCOMPARE(s.events.zswpwb, 50u);
    if (expected != Backend::Memory)
        QCOMPARE(s.slotTable.cachedPages, 0u); // memory handed back after leaving the memory backend
    const Backend source = from == Placement::PoolOnly ? Backend::Pool : from == Placement::Memory ? Backend::Memory : Backend::Device;
    QCOMPARE(s.backends[std::size_t(source)].entries, 0u);
    if (source == Backend::Pool)
        QCOMPARE(s.pool.objects, 0u);
    if (source == Backend::Device)
        QCOMPARE(s.devices.at(0).usedSlots, 0u);
}

void TstEngine::moveBatchCounts() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "b", 64)));
    std::vector<SlotId> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(*e->swapOut(makePage(i < 2 ? PageKind::Zero : PageKind::Text, i), CgroupId{}));
    ST_VERIFY_OK(e->put(ids[9]));
    const BatchMoveResult r = e->moveBatch(ids, MoveTarget::anyDevice());
    QCOMPARE(r.moved, 7u);
    QCOMPARE(r.skipped, 3u); // two zero pages, one freed slot
    QCOMPARE(r.failed, 0u);
    QCOMPARE(r.firstError.code, Errc::Ok);
}

void TstEngine::swapoffToOtherDevice() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    // More entries than one scan window of swapoff (64 clusters = 32768 slots), spread over
    // the whole device.
    const int n = 40000;
    auto a = e->addDevice(deviceIn(dir, "a", 65536, 10));
    auto b = e->addDevice(deviceIn(dir, "b", 65536, 1));
    QVERIFY(a.ok() && b.ok());
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < n; ++i) {
        Page p = makePage(PageKind::Mixed, i);
        auto s = e->swapOut(p, CgroupId{std::uint16_t(i % 3)});
        QVERIFY(s.ok());
        entries.emplace_back(*s, p);
    }
    QCOMPARE(e->lookup(entries[0].first)->device, *a);
    std::uint64_t lastDone = 0;
    SwapoffOptions so;
    so.removeFile = true;
    so.progress = [&](std::uint64_t done, std::uint64_t) { lastDone = done; };
    auto report = e->swapoff(*a, so);
    QVERIFY2(report.ok(), errcName(report.code()));
    QCOMPARE(report->entries, std::uint64_t(n));
    QCOMPARE(report->toDevices, std::uint64_t(n));
    QCOMPARE(report->toMemory, 0u);
    QCOMPARE(lastDone, std::uint64_t(n));
    QVERIFY(!QFileInfo::exists(dir.path() + QStringLiteral("/a")));
    for (auto& [slot, page] : entries) {
        QCOMPARE(e->lookup(slot)->device, *b); // same virtual slot, new home
        verifyIn(*e, slot, page);
    }
    const EngineStats s = e->stats();
    QCOMPARE(s.devices.size(), std::size_t(1));
    QCOMPARE(s.devices[0].usedSlots, std::uint64_t(n));
    QCOMPARE(e->swapoff(*a).code(), Errc::UnknownDevice);
}

void TstEngine::swapoffIntoMemory() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    auto a = e->addDevice(deviceIn(dir, "only", 512));
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 300; ++i) {
        Page p = makePage(PageKind::Text, i);
        entries.emplace_back(*e->swapOut(p, CgroupId{}), p);
    }
    auto report = e->swapoff(*a);
    QVERIFY2(report.ok(), errcName(report.code()));
    QCOMPARE(report->toMemory, 300u);
    for (auto& [slot, page] : entries) {
        QCOMPARE(e->lookup(slot)->backend, Backend::Memory);
        verifyIn(*e, slot, page);
    }
    QCOMPARE(e->stats().backends[std::size_t(Backend::Memory)].entries, 300u);
}

void TstEngine::swapoffWithNowhereToGoKeepsEverything() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    auto a = e->addDevice(deviceIn(dir, "only", 64));
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 20; ++i) {
        Page p = makePage(PageKind::Text, i);
        entries.emplace_back(*e->swapOut(p, CgroupId{}), p);
    }
    SwapoffOptions so;
    so.allowMemory = false;
    auto report = e->swapoff(*a, so);
    QCOMPARE(report.code(), Errc::NoDevice);
    QCOMPARE(report.error().device, *a);
    const EngineStats s = e->stats();
    QCOMPARE(s.devices.size(), std::size_t(1));
    QVERIFY(!s.devices[0].draining);
    for (auto& [slot, page] : entries)
        verifyIn(*e, slot, page);
    // Still usable after the failed swapoff.
    QVERIFY(e->swapOut(makePage(PageKind::Text, 99), CgroupId{}).ok());
}

void TstEngine::swapoffCancelKeepsDevice() {
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    auto a = e->addDevice(deviceIn(dir, "a", 4096, 5));
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "b", 4096, 1)));
    std::vector<std::pair<SlotId, Page>> entries;
    for (int i = 0; i < 2000; ++i) {
        Page p = makePage(PageKind::Mixed, i);
        entries.emplace_back(*e->swapOut(p, CgroupId{}), p);
    }
    std::atomic<bool> cancel{false};
    SwapoffOptions so;
    so.cancel = &cancel;
    so.progress = [&](std::uint64_t done, std::uint64_t) {
        if (done >= 512)
            cancel = true;
    };
    auto report = e->swapoff(*a, so);
    QCOMPARE(report.code(), Errc::Cancelled);
    const EngineStats s = e->stats();
    QCOMPARE(s.devices.size(), std::size_t(2));
    std::uint64_t used = 0;
    for (const auto& d : s.devices) {
        QVERIFY(!d.draining);
        used += d.usedSlots;
    }
    QCOMPARE(used, 2000u);
    for (auto& [slot, page] : entries)
        verifyIn(*e, slot, page);
}

void TstEngine::swapoffWhileOthersStoreAndLoad() {
    // Stores racing with the start of a swapoff (they passed the draining check just before
    // it was set) must end up on a live device, never on the removed one.
    auto dir = makeScratchDir();
    PoolOptions pool;
    pool.enabled = false;
    auto e = makeEngine(pool);
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "keep", 65536, 1)));
    std::mutex lock;
    std::vector<std::pair<SlotId, std::uint64_t>> stored; // GUARDED_BY(lock)
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    auto writer = [&](std::uint64_t base) {
        for (std::uint64_t i = base; !stop.load(); ++i) {
            auto s = e->swapOut(makePage(PageKind::Mixed, i), CgroupId{}, {});
            if (!s) {
                ++failures;
                continue;
            }
            std::lock_guard g(lock);
            stored.emplace_back(*s, i);
        }
    };
    for (int round = 0; round < 20; ++round) {
        auto victim = e->addDevice(deviceIn(dir, qPrintable(QStringLiteral("v%1").arg(round)), 4096, 10));
        QVERIFY(victim.ok());
        stop = false;
        std::thread w1(writer, std::uint64_t(round) << 40), w2(writer, (std::uint64_t(round) << 40) | (1ull << 39));
        QTest::qSleep(2);
        auto report = e->swapoff(*victim);
        stop = true;
        w1.join();
        w2.join();
        QVERIFY2(report.ok(), errcName(report.code()));
    }
    QCOMPARE(failures.load(), 0);
    for (auto& [slot, seed] : stored)
        verifyIn(*e, slot, makePage(PageKind::Mixed, seed));
    const EngineStats s = e->stats();
    QCOMPARE(s.devices.size(), std::size_t(1));
    QCOMPARE(s.devices[0].usedSlots, std::uint64_t(stored.size()));
}

void TstEngine::statsAddUp() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->addDevice(deviceIn(dir, "s", 256)));
    for (int i = 0; i < 200; ++i) {
        StoreOptions so;
        so.placement = i % 4 == 0 ? Placement::DeviceOnly : i % 4 == 1 ? Placement::Memory : Placement::Auto;
        PageKind kind = i % 5 == 0 ? PageKind::Zero : PageKind::Text;
        QVERIFY(e->swapOut(makePage(kind, i), CgroupId{std::uint16_t(i % 7)}, so).ok());
    }
    const EngineStats s = e->stats();
    QCOMPARE(s.cgroups.size(), std::size_t(7));
    std::array<BackendUsage, kBackendCount> sum{};
    for (const auto& cg : s.cgroups)
        for (std::size_t b = 0; b < kBackendCount; ++b) {
            sum[b].entries += cg.backends[b].entries;
            sum[b].storedBytes += cg.backends[b].storedBytes;
        }
    std::uint64_t total = 0;
    for (std::size_t b = 0; b < kBackendCount; ++b) {
        QCOMPARE(sum[b].entries, s.backends[b].entries);
        QCOMPARE(sum[b].storedBytes, s.backends[b].storedBytes);
        QCOMPARE(s.backends[b].originalBytes, s.backends[b].entries * kPageSize);
        total += s.backends[b].entries;
    }
    QCOMPARE(total, 200u);
    QCOMPARE(s.slotTable.liveEntries, 200u);
    QCOMPARE(s.backends[std::size_t(Backend::Pool)].storedBytes, s.pool.storedBytes);
    QCOMPARE(s.backends[std::size_t(Backend::Pool)].entries, s.pool.objects);
    QCOMPARE(s.backends[std::size_t(Backend::Device)].entries, s.devices[0].usedSlots);
    QVERIFY(s.slotTable.bytesPerEntry() > 0);
}

// EventCounters::storedTo / loadedFrom, each place's traffic: a swap-out stores into one place,
// a swap-in loads from its entry's place (a swap-cache hit of a memory entry included), a move
// loads from the place it leaves and stores into the one it reaches. Swapoff hands over the
// device's final reads and writes, which leave the statistics with it.
void TstEngine::trafficPerBackend() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    auto dev = e->addDevice(deviceIn(dir, "t", 256));
    QVERIFY(dev.ok());
    std::vector<std::pair<SlotId, Page>> zero, pool, device, memory;
    const auto store = [&](std::vector<std::pair<SlotId, Page>>& into, PageKind kind, Placement placement, int n,
                           std::uint16_t cgroup) {
        for (int i = 0; i < n; ++i) {
            Page p = makePage(kind, std::uint64_t(into.size() * 100 + std::size_t(i) + std::size_t(placement)));
            StoreOptions so;
            so.placement = placement;
            auto slot = e->swapOut(p, CgroupId{cgroup}, so);
            QVERIFY2(slot.ok(), errcName(slot.code()));
            into.emplace_back(*slot, p);
        }
    };
    store(zero, PageKind::Zero, Placement::Auto, 4, 0);
    store(pool, PageKind::Text, Placement::Auto, 6, 1);
    store(device, PageKind::Text, Placement::DeviceOnly, 5, 0);
    store(memory, PageKind::Random, Placement::Memory, 3, 1);
    using Counts = std::array<std::uint64_t, kBackendCount>; // zero, pool, device, memory
    const auto check = [&](const Counts& stored, const Counts& loaded) {
        const EngineStats s = e->stats();
        const EventCounters& ev = s.events;
        QCOMPARE(ev.storedTo, stored);
        QCOMPARE(ev.loadedFrom, loaded);
        QCOMPARE(ev.storedTo[std::size_t(Backend::Zero)], ev.swpoutZero);
        QCOMPARE(ev.storedTo[std::size_t(Backend::Pool)], ev.zswpout);
        QCOMPARE(ev.storedTo[std::size_t(Backend::Device)], ev.pswpout);
        QCOMPARE(ev.loadedFrom[std::size_t(Backend::Zero)], ev.swpinZero);
        std::uint64_t storedSum = 0, loadedSum = 0;
        Counts perCgroupStored{}, perCgroupLoaded{};
        for (std::size_t b = 0; b < kBackendCount; ++b) {
            storedSum += ev.storedTo[b];
            loadedSum += ev.loadedFrom[b];
            for (const CgroupStats& c : s.cgroups) {
                perCgroupStored[b] += c.events.storedTo[b];
                perCgroupLoaded[b] += c.events.loadedFrom[b];
            }
        }
        QCOMPARE(storedSum, ev.swapOuts + ev.moves);
        QCOMPARE(loadedSum, ev.swapIns + ev.moves - ev.promotions);
        QCOMPARE(perCgroupStored, ev.storedTo); // the cgroups' figures add up to the global ones
        QCOMPARE(perCgroupLoaded, ev.loadedFrom);
    };
    check({4, 6, 5, 3}, {0, 0, 0, 0});
    if (QTest::currentTestFailed())
        return;

    for (int i = 0; i < 2; ++i)
        verifyIn(*e, zero[std::size_t(i)].first, zero[std::size_t(i)].second);
    for (int i = 0; i < 3; ++i)
        verifyIn(*e, pool[std::size_t(i)].first, pool[std::size_t(i)].second);
    for (int i = 0; i < 2; ++i)
        verifyIn(*e, device[std::size_t(i)].first, device[std::size_t(i)].second);
    verifyIn(*e, memory[0].first, memory[0].second); // a swap-cache hit: loaded from memory
    check({4, 6, 5, 3}, {2, 3, 2, 1});
    if (QTest::currentTestFailed())
        return;

    // Moves: two pool entries to the device, one into memory; a memory entry into the pool.
    QCOMPARE(*e->move(pool[0].first, MoveTarget::onDevice(*dev)), MoveOutcome::Moved);
    QCOMPARE(*e->move(pool[1].first, MoveTarget::anyDevice()), MoveOutcome::Moved);
    QCOMPARE(*e->move(pool[2].first, MoveTarget::memory()), MoveOutcome::Moved);
    QCOMPARE(*e->move(memory[1].first, MoveTarget::pool()), MoveOutcome::Moved);
    QCOMPARE(*e->move(zero[0].first, MoveTarget::pool()), MoveOutcome::ZeroPage); // nothing moves
    check({4, 7, 7, 4}, {2, 6, 2, 2});
    if (QTest::currentTestFailed())
        return;

    // Swapoff with no other device: the device's 7 entries go into memory.
    const DeviceStats before = e->stats().devices.at(0);
    QCOMPARE(before.writes, 7u);
    QCOMPARE(before.reads, 2u);
    auto report = e->swapoff(*dev);
    QVERIFY2(report.ok(), errcName(report.code()));
    QCOMPARE(report->toMemory, 7u);
    QCOMPARE(report->device.writes, 7u);
    QCOMPARE(report->device.reads, 2u + 7u); // the moves read every entry once
    QCOMPARE(report->device.path, before.path);
    QVERIFY(e->stats().devices.empty());
    check({4, 7, 7, 11}, {2, 6, 9, 2});
    if (QTest::currentTestFailed())
        return;
    for (const auto* group : {&zero, &pool, &device, &memory})
        for (const auto& [slot, page] : *group)
            verifyIn(*e, slot, page);
}

void TstEngine::everythingReturnedAfterFree() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    DeviceOptions d = deviceIn(dir, "r", 4096);
    d.discard = true;
    ST_VERIFY_OK(e->addDevice(d));
    std::vector<SlotId> ids;
    for (int i = 0; i < 5000; ++i) {
        StoreOptions so;
        so.placement = i % 3 == 0 ? Placement::DeviceOnly : i % 3 == 1 ? Placement::Auto : Placement::Memory;
        ids.push_back(*e->swapOut(makePage(i % 10 == 0 ? PageKind::Zero : PageKind::Mixed, i), CgroupId{}, so));
    }
    QVERIFY(e->stats().slotTable.clusters >= 10);
    QVERIFY(allocatedBytes(d.path) > 1000 * kPageSize);
    for (SlotId s : ids)
        ST_VERIFY_OK(e->put(s));
    e->trim();
    const EngineStats s = e->stats();
    QCOMPARE(s.slotTable.liveEntries, 0u);
    QCOMPARE(s.slotTable.clusters, 0u);
    QCOMPARE(s.slotTable.cachedPages, 0u);
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.pool.poolBytes, 0u);
    QCOMPARE(s.pool.zspages, 0u);
    QCOMPARE(s.devices[0].usedSlots, 0u);
    QCOMPARE(s.devices[0].discardErrors, 0u);
    // Freed clusters were discarded: the file holds its header page and nothing else.
    QVERIFY2(allocatedBytes(d.path) <= 64 * 1024, qPrintable(QString::number(allocatedBytes(d.path))));
}

void TstEngine::runtimePoolCodecSwitch() {
    PoolOptions pool;
    pool.codec = Codec::Lz4;
    auto e = makeEngine(pool);
    auto a = e->swapOut(makePage(PageKind::Text, 1), CgroupId{});
    pool.codec = Codec::Zstd;
    pool.zstdLevel = 9;
    ST_VERIFY_OK(e->setPoolOptions(pool));
    auto b = e->swapOut(makePage(PageKind::Text, 2), CgroupId{});
    QCOMPARE(e->lookup(*a)->codec, Codec::Lz4);
    QCOMPARE(e->lookup(*b)->codec, Codec::Zstd);
    verifyIn(*e, *a, makePage(PageKind::Text, 1));
    verifyIn(*e, *b, makePage(PageKind::Text, 2));
    QCOMPARE(e->stats().pool.codec, Codec::Zstd);
}

void TstEngine::invalidOptionsRefused_data() {
    QTest::addColumn<int>("field");
    QTest::newRow("threshold 0") << 0;
    QTest::newRow("threshold 101") << 1;
    QTest::newRow("chain 0") << 2;
    QTest::newRow("chain 17") << 3;
    QTest::newRow("raw codec") << 4;
    QTest::newRow("zstd level 99") << 5;
}

void TstEngine::invalidOptionsRefused() {
    QFETCH(int, field);
    EngineOptions o;
    switch (field) {
    case 0: o.pool.acceptThresholdPercent = 0; break;
    case 1: o.pool.acceptThresholdPercent = 101; break;
    case 2: o.pool.maxPagesPerZspage = 0; break;
    case 3: o.pool.maxPagesPerZspage = 17; break;
    case 4: o.pool.codec = Codec::Raw; break;
    case 5: o.pool.codec = Codec::Zstd; o.pool.zstdLevel = 99; break;
    }
    QCOMPARE(Engine::create(o).code(), Errc::InvalidArgument);
}

QTEST_GUILESS_MAIN(TstEngine)
#include "tst_engine.moc"
