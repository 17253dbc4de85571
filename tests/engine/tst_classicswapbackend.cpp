// SPDX-License-Identifier: GPL-3.0-or-later
// The classic swap design (ClassicSwapBackend) against real swapfiles: page round trips
// through the zero bit, the compressed pool and device slots with byte comparison; the costs
// the baseline exists to show (a zswap page reserves a device slot, no device means no pool
// either, swap_map metadata sized by the device, swapoff walking every page-table entry);
// swap counts beyond the swap_map byte; priorities and round-robin; full devices; swapoff
// refused while a slot is referenced elsewhere; swap tiers (the device choice limited to the
// allowed tiers, as the engine does); injected write and read errors; a
// 4-thread swapOut/swapIn/put stress that verifies every byte; and the actions of issue #4:
// zswap writeback into the reserved slots (oldest first, second chance, innocent cgroups and
// writeback off untouched), device compaction rewriting every page table, pool compaction,
// recompression, and policy changes that rewrite or fault in pages through the walker.
#include "enginetestsupport.h"
#include "pagefixtures.h"

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

// moc (Qt 6.4) cannot parse GCC 12's C++20 headers: keep engine and standard headers out of
// moc's sight.
#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "sandbox/classicswapentry.h"
#include "sandbox/swapbackend.h"
#include "swaptier/env.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <thread>
#include <utility>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using sandbox::BackendSnapshot;
using sandbox::ClassicEntry;
using sandbox::SwapBackend;
using swaptier::testing::FaultInjectionEnv;

namespace {

struct Rig {
    QTemporaryDir dir = makeScratchDir();
    std::unique_ptr<SwapBackend> backend;

    explicit Rig(bool pool = true, std::uint64_t poolLimit = 0, Env* env = nullptr) {
        EngineOptions o;
        o.env = env;
        o.pool.enabled = pool;
        o.pool.limitBytes = poolLimit;
        auto b = sandbox::makeClassicSwapBackend(o);
        if (!b)
            qFatal("makeClassicSwapBackend: %s", errcName(b.code()));
        backend = std::move(b).value();
    }
    void add(const char* name, std::uint64_t pages, int priority = -1, bool discard = true) {
        DeviceOptions d = deviceIn(dir, name, pages, priority);
        d.discard = discard;
        if (Status s = backend->addDevice(d); !s)
            qFatal("addDevice: %s", errcName(s.code()));
    }
    Result<std::uint64_t> out(const Page& page, Placement placement = Placement::Auto, std::uint32_t shadow = 0,
                              CgroupId cg = {}) {
        StoreOptions so;
        so.placement = placement;
        so.shadow = shadow;
        return backend->swapOut(page, cg, so);
    }
    /// Reads a value back and compares; returns the backend it came from (or nullopt).
    std::optional<Backend> readsBack(std::uint64_t value, const Page& expected) {
        Page got;
        auto in = backend->swapIn(value, got);
        if (!in || got != expected)
            return std::nullopt;
        return in->from;
    }
    const TierUsage& tier(const BackendSnapshot& s, const char* name) {
        for (const TierUsage& t : s.tiers)
            if (t.name == name)
                return t;
        qFatal("no tier %s", name);
    }
    const TierUsage& deviceTier(const BackendSnapshot& s, int device) {
        for (const TierUsage& t : s.tiers)
            if (t.backend == Backend::Device && t.device == device)
                return t;
        qFatal("no device tier %d", device);
    }
};

/// A page-table walker over a plain vector of page-table entries: visits all of them, faults
/// in each matching swapped entry through the backend (swapIn, compare, put).
class FakeWalker final : public sandbox::PageTableWalker {
public:
    struct Pte {
        bool swapped = false;
        std::uint64_t value = 0;
        Page page{};
    };

    explicit FakeWalker(SwapBackend& backend) : m_backend(backend) {}

    Result<std::uint64_t> walkAndFaultIn(const std::function<bool(std::uint64_t)>& match) override {
        std::uint64_t visited = 0;
        for (Pte& pte : ptes) {
            ++visited;
            if (!pte.swapped || !match(pte.value))
                continue;
            Page got;
            auto in = m_backend.swapIn(pte.value, got);
            if (!in)
                return in.error();
            if (got != pte.page)
                ++mismatches;
            if (Status st = m_backend.put(pte.value); !st)
                return st.error();
            pte.swapped = false;
            ++faulted;
        }
        return visited;
    }
    Result<std::uint64_t> walkAndRewrite(
        const std::function<std::optional<std::uint64_t>(std::uint64_t)>& rewrite) override {
        for (Pte& pte : ptes) {
            if (!pte.swapped)
                continue;
            if (const auto value = rewrite(pte.value)) {
                pte.value = *value;
                ++rewritten;
            }
        }
        return std::uint64_t(ptes.size());
    }
    std::uint64_t mappedPages() const override { return ptes.size(); }

    std::vector<Pte> ptes;
    std::uint64_t rewritten = 0;
    std::uint64_t faulted = 0;
    std::uint64_t mismatches = 0;

private:
    SwapBackend& m_backend;
};

} // namespace

class TstClassicSwapBackend : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void realPagesRoundTrip();
    void poolStoreReservesDeviceSlot();
    void noDeviceMeansNoPool();
    void poolLimitWritesReservedSlot();
    void swapCountsBeyondSwapMap();
    void putFreesSlotAndPoolObject();
    void priorities_data();
    void priorities();
    void setDevicePriority();
    void fullDeviceGoesToNext();
    void tiersLimitDeviceChoice();
    void discardPunchesFreeClusters();
    void swapoffWalksEveryPte();
    void swapoffRefusedWhileReferenced();
    void concurrentOperations();
    void metadataFollowsDeviceSize();
    void foreignFileRefused();
    void injectedWriteErrorLeavesNoSlot();
    void injectedReadErrorIsReturned();
    void writebackUsesReservedSlots();
    void writebackSecondChanceAndPolicy();
    void compactDeviceRewritesPageTables();
    void compactPoolAndRecompress();
    void policyChange_data();
    void policyChange();
};

void TstClassicSwapBackend::roundTrip_data() {
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("placement");
    QTest::addColumn<int>("expected");
    const int autoP = int(Placement::Auto), dev = int(Placement::DeviceOnly), poolOnly = int(Placement::PoolOnly);
    QTest::newRow("text auto -> pool") << int(PageKind::Text) << autoP << int(Backend::Pool);
    QTest::newRow("random auto -> pool (raw)") << int(PageKind::Random) << autoP << int(Backend::Pool);
    QTest::newRow("mixed auto -> pool") << int(PageKind::Mixed) << autoP << int(Backend::Pool);
    QTest::newRow("zero auto -> zero bit") << int(PageKind::Zero) << autoP << int(Backend::Zero);
    QTest::newRow("text pool-only") << int(PageKind::Text) << poolOnly << int(Backend::Pool);
    QTest::newRow("text device") << int(PageKind::Text) << dev << int(Backend::Device);
    QTest::newRow("random device") << int(PageKind::Random) << dev << int(Backend::Device);
    QTest::newRow("zero device -> zero bit") << int(PageKind::Zero) << dev << int(Backend::Zero);
}

void TstClassicSwapBackend::roundTrip() {
    QFETCH(int, kind);
    QFETCH(int, placement);
    QFETCH(int, expected);
    Rig rig;
    rig.add("swap", 256);
    std::vector<std::pair<std::uint64_t, Page>> stored;
    for (std::uint32_t i = 1; i <= 16; ++i) {
        Page p = makePage(PageKind(kind), i);
        auto v = rig.out(p, Placement(placement), i % 2 ? i : 0); // odd pages carry a shadow
        ST_VERIFY_OK(v);
        QVERIFY(*v <= sandbox::kMaxSwapEntryValue);
        stored.emplace_back(*v, p);
    }
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(s.liveEntries, 16u);
    QCOMPARE(s.diskReservedBytes, 16u * kPageSize); // every page holds a slot, whatever backs it
    QCOMPARE(s.cgroupEntries.at(0)[std::size_t(expected)], 16u);
    QCOMPARE(s.pagesWritten, Backend(expected) == Backend::Device ? 16u : 0u);
    for (std::size_t i = 0; i < stored.size(); ++i) {
        const auto& [value, page] = stored[i];
        Page got;
        auto in = rig.backend->swapIn(value, got);
        ST_VERIFY_OK(in);
        QVERIFY(got == page);
        QCOMPARE(int(in->from), expected);
        const std::uint32_t seed = std::uint32_t(i + 1);
        QCOMPARE(in->hadShadow, seed % 2 == 1);
        QCOMPARE(in->shadow, seed % 2 ? seed : 0u);
    }
    for (const auto& [value, page] : stored)
        ST_VERIFY_OK(rig.backend->put(value));
    const BackendSnapshot after = rig.backend->snapshot();
    QCOMPARE(after.liveEntries, 0u);
    QCOMPARE(after.diskReservedBytes, 0u);
    const EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.events.swapOuts, 16u);
    QCOMPARE(st.events.swapIns, 16u);
    QCOMPARE(st.events.frees, 16u);
    QCOMPARE(st.pool.objects, 0u);
}

void TstClassicSwapBackend::realPagesRoundTrip() {
    std::vector<Page> pages = textPages(48);
    for (const Page& p : binaryPages(16))
        pages.push_back(p);
    pages.push_back(Page{}); // one real zero page
    QVERIFY(pages.size() > 8);
    Rig rig(true, 16 * kPageSize); // a small pool: some pages go to their slots
    rig.add("swap", 512);
    std::vector<std::uint64_t> values;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto v = rig.out(pages[i], i % 3 == 0 ? Placement::DeviceOnly : Placement::Auto);
        ST_VERIFY_OK(v);
        values.push_back(*v);
    }
    for (std::size_t i = 0; i < pages.size(); ++i)
        QVERIFY2(rig.readsBack(values[i], pages[i]).has_value(), qPrintable(QString::number(i)));
    const EngineStats st = rig.backend->engineStats();
    QVERIFY(st.events.zswpout > 0);
    QVERIFY(st.events.pswpout > 0);
    QCOMPARE(st.events.swpoutZero, 1u);
    for (std::uint64_t v : values)
        ST_VERIFY_OK(rig.backend->put(v));
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
}

void TstClassicSwapBackend::poolStoreReservesDeviceSlot() {
    Rig rig;
    rig.add("swap", 64);
    std::vector<std::uint64_t> values;
    for (int i = 0; i < 10; ++i) {
        auto v = rig.out(makePage(PageKind::Text, std::uint64_t(i)), Placement::PoolOnly);
        ST_VERIFY_OK(v);
        values.push_back(*v);
    }
    BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(s.diskReservedBytes, 10u * kPageSize); // nothing on disk, yet 10 slots taken
    QCOMPARE(s.pagesWritten, 0u);
    QCOMPARE(rig.tier(s, "pool").entries, 10u);
    QVERIFY(rig.tier(s, "pool").storedBytes < 10u * kPageSize); // compressed
    const TierUsage& dev = rig.deviceTier(s, 0);
    QCOMPARE(dev.entries, 0u);
    QCOMPARE(dev.storedBytes, 10u * kPageSize);
    QCOMPARE(dev.capacityBytes, 64u * kPageSize);
    QVERIFY(s.cgroupPoolBytes.at(0) > 0);

    // Zero pages reserve a slot too.
    for (int i = 0; i < 5; ++i)
        ST_VERIFY_OK(rig.out(makePage(PageKind::Zero, 0)));
    s = rig.backend->snapshot();
    QCOMPARE(s.diskReservedBytes, 15u * kPageSize);
    QCOMPARE(rig.tier(s, "zero").entries, 5u);
    QCOMPARE(rig.tier(s, "zero").storedBytes, 0u);

    // The device slots run out first: the pool has room, the page has nowhere to go.
    for (int i = 15; i < 64; ++i)
        ST_VERIFY_OK(rig.out(makePage(PageKind::Text, std::uint64_t(i))));
    QCOMPARE(rig.out(makePage(PageKind::Text, 99)).code(), Errc::BackendFull);
    QCOMPARE(rig.out(makePage(PageKind::Text, 99), Placement::PoolOnly).code(), Errc::BackendFull);
    QCOMPARE(rig.out(makePage(PageKind::Zero, 0)).code(), Errc::BackendFull);
    QCOMPARE(rig.out(makePage(PageKind::Text, 99), Placement::DeviceOnly).code(), Errc::DeviceFull);
    QCOMPARE(rig.backend->engineStats().pool.objects, 59u);
}

void TstClassicSwapBackend::noDeviceMeansNoPool() {
    Rig rig;
    const Page text = makePage(PageKind::Text, 1);
    QCOMPARE(rig.out(text).code(), Errc::BackendFull);
    QCOMPARE(rig.out(text, Placement::PoolOnly).code(), Errc::BackendFull);
    QCOMPARE(rig.out(makePage(PageKind::Zero, 0)).code(), Errc::BackendFull);
    QCOMPARE(rig.out(text, Placement::DeviceOnly).code(), Errc::NoDevice);
    QCOMPARE(rig.out(text, Placement::Memory).code(), Errc::InvalidArgument);
    const EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.pool.objects, 0u);
    QCOMPARE(st.events.swapOuts, 0u);
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);

    rig.add("swap", 8);
    QCOMPARE(rig.out(text, Placement::Memory).code(), Errc::InvalidArgument); // not in the classic design
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
}

void TstClassicSwapBackend::poolLimitWritesReservedSlot() {
    Rig rig(true, 8 * kPageSize);
    rig.add("swap", 128);
    std::vector<std::pair<std::uint64_t, Page>> stored;
    for (int i = 0; i < 32; ++i) {
        Page p = makePage(PageKind::Random, std::uint64_t(i));
        auto v = rig.out(p);
        ST_VERIFY_OK(v);
        stored.emplace_back(*v, p);
    }
    int fromPool = 0, fromDevice = 0;
    for (const auto& [value, page] : stored) {
        auto from = rig.readsBack(value, page);
        QVERIFY(from.has_value());
        fromPool += *from == Backend::Pool;
        fromDevice += *from == Backend::Device;
    }
    QVERIFY(fromPool > 0);
    QVERIFY(fromDevice > 0);
    QCOMPARE(fromPool + fromDevice, 32);
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(s.diskReservedBytes, 32u * kPageSize);
    QCOMPARE(s.pagesWritten, std::uint64_t(fromDevice));
    QCOMPARE(rig.deviceTier(s, 0).entries, std::uint64_t(fromDevice));
    QCOMPARE(rig.tier(s, "pool").entries, std::uint64_t(fromPool));
    QCOMPARE(rig.tier(s, "pool").capacityBytes, 8u * kPageSize);
    const EngineStats st = rig.backend->engineStats();
    QVERIFY(st.pool.poolBytes <= 8u * kPageSize);
    QCOMPARE(st.events.poolRejects, std::uint64_t(fromDevice));
    QCOMPARE(st.events.zswpout, std::uint64_t(fromPool));
    QCOMPARE(st.events.pswpout, std::uint64_t(fromDevice));

    // Raising the limit at run time lets pages into the pool again.
    PoolOptions po;
    po.limitBytes = 0;
    ST_VERIFY_OK(rig.backend->setPoolOptions(po));
    Page p = makePage(PageKind::Text, 1000);
    auto v = rig.out(p);
    ST_VERIFY_OK(v);
    QCOMPARE(rig.readsBack(*v, p), std::optional<Backend>(Backend::Pool));
}

void TstClassicSwapBackend::swapCountsBeyondSwapMap() {
    Rig rig(false);
    rig.add("swap", 16);
    const Page p = makePage(PageKind::Text, 7);
    auto v = rig.out(p);
    ST_VERIFY_OK(v);
    // Count 1 + 0x3d duplicates = 0x3e, the largest count the swap_map byte holds.
    for (int i = 0; i < 0x3d; ++i)
        ST_VERIFY_OK(rig.backend->duplicate(*v));
    QCOMPARE(rig.backend->engineStats().slotTable.overflowCounts, 0u);
    const std::uint64_t metaBefore = rig.backend->snapshot().metadataBytes;
    ST_VERIFY_OK(rig.backend->duplicate(*v)); // 0x3f: continues in the side table
    QCOMPARE(rig.backend->engineStats().slotTable.overflowCounts, 1u);
    QVERIFY(rig.backend->snapshot().metadataBytes > metaBefore);
    for (int i = 0; i < 1000; ++i) // never fails for overflow
        ST_VERIFY_OK(rig.backend->duplicate(*v));
    const std::uint64_t count = 1 + 0x3e + 1000;
    for (std::uint64_t i = 1; i < count; ++i) {
        ST_VERIFY_OK(rig.backend->put(*v));
        if (i % 300 == 0)
            QVERIFY(rig.readsBack(*v, p).has_value());
    }
    QCOMPARE(rig.backend->engineStats().slotTable.overflowCounts, 0u);
    QCOMPARE(rig.backend->snapshot().liveEntries, 1u);
    QVERIFY(rig.readsBack(*v, p).has_value());
    ST_VERIFY_OK(rig.backend->put(*v)); // the last reference
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
    QCOMPARE(rig.backend->put(*v).code(), Errc::FreedSlot);
    QCOMPARE(rig.backend->duplicate(*v).code(), Errc::FreedSlot);
    Page got;
    QCOMPARE(rig.backend->swapIn(*v, got).code(), Errc::FreedSlot);
    QCOMPARE(rig.backend->swapIn(ClassicEntry::make(0, 16), got).code(), Errc::UnknownSlot);
    QCOMPARE(rig.backend->swapIn(ClassicEntry::make(3, 0), got).code(), Errc::UnknownDevice);
    const EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.events.duplicates, std::uint64_t(count - 1));
    QCOMPARE(st.events.puts, count);
    QCOMPARE(st.events.frees, 1u);
}

void TstClassicSwapBackend::putFreesSlotAndPoolObject() {
    Rig rig;
    rig.add("swap", 16);
    auto v = rig.out(makePage(PageKind::Text, 1), Placement::Auto, 5);
    ST_VERIFY_OK(v);
    ST_VERIFY_OK(rig.backend->duplicate(*v));
    EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.pool.objects, 1u);
    QCOMPARE(st.devices.at(0).usedSlots, 1u);
    ST_VERIFY_OK(rig.backend->put(*v));
    QCOMPARE(rig.backend->engineStats().pool.objects, 1u); // one reference left
    ST_VERIFY_OK(rig.backend->put(*v));
    st = rig.backend->engineStats();
    QCOMPARE(st.pool.objects, 0u);
    QCOMPARE(st.pool.poolBytes, 0u);
    QCOMPARE(st.devices.at(0).usedSlots, 0u);
    QCOMPARE(st.backends[std::size_t(Backend::Pool)].entries, 0u);
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(rig.tier(s, "pool").entries, 0u);
    QCOMPARE(s.cgroupPoolBytes.at(0), 0u);
    // The freed slot is reused, and its old shadow is gone.
    auto again = rig.out(makePage(PageKind::Text, 2));
    ST_VERIFY_OK(again);
    Page got;
    auto in = rig.backend->swapIn(*again, got);
    ST_VERIFY_OK(in);
    QVERIFY(!in->hadShadow);
}

void TstClassicSwapBackend::priorities_data() {
    QTest::addColumn<QList<int>>("priorities");
    QTest::addColumn<QString>("expected"); // device index of each swap-out, in order
    QTest::newRow("higher priority first") << QList<int>{1, 5} << QStringLiteral("111111");
    QTest::newRow("equal: round-robin") << QList<int>{3, 3} << QStringLiteral("010101");
    QTest::newRow("three equal") << QList<int>{2, 2, 2} << QStringLiteral("012012");
    QTest::newRow("two equal above one") << QList<int>{1, 4, 4} << QStringLiteral("121212");
    QTest::newRow("default priorities") << QList<int>{-1, -1} << QStringLiteral("010101");
    QTest::newRow("one device") << QList<int>{0} << QStringLiteral("000000");
}

void TstClassicSwapBackend::priorities() {
    QFETCH(QList<int>, priorities);
    QFETCH(QString, expected);
    Rig rig(false);
    const char* names[] = {"a", "b", "c"};
    for (qsizetype i = 0; i < priorities.size(); ++i)
        rig.add(names[i], 64, priorities[i]);
    QString got;
    for (int i = 0; i < 6; ++i) {
        auto v = rig.out(makePage(PageKind::Text, std::uint64_t(i)), Placement::DeviceOnly);
        ST_VERIFY_OK(v);
        got += QString::number(ClassicEntry::device(*v));
    }
    QCOMPARE(got, expected);
}

void TstClassicSwapBackend::setDevicePriority() {
    Rig rig(false);
    rig.add("a", 64, 5);
    rig.add("b", 64, 1);
    auto v = rig.out(makePage(PageKind::Text, 1));
    ST_VERIFY_OK(v);
    QCOMPARE(ClassicEntry::device(*v), 0u);
    ST_VERIFY_OK(rig.backend->setDevicePriority(1, 10));
    v = rig.out(makePage(PageKind::Text, 2));
    ST_VERIFY_OK(v);
    QCOMPARE(ClassicEntry::device(*v), 1u);
    QCOMPARE(rig.backend->setDevicePriority(1, 40000).code(), Errc::InvalidArgument);
    QCOMPARE(rig.backend->setDevicePriority(7, 1).code(), Errc::UnknownDevice);
    QCOMPARE(rig.backend->engineStats().devices.at(1).priority, 10);
}

void TstClassicSwapBackend::fullDeviceGoesToNext() {
    Rig rig(false);
    rig.add("small", 4, 10);
    rig.add("big", 64, 1);
    std::vector<std::uint64_t> values;
    for (int i = 0; i < 6; ++i) {
        auto v = rig.out(makePage(PageKind::Text, std::uint64_t(i)));
        ST_VERIFY_OK(v);
        QCOMPARE(ClassicEntry::device(*v), i < 4 ? 0u : 1u);
        values.push_back(*v);
    }
    ST_VERIFY_OK(rig.backend->put(values[1])); // a slot on the preferred device again
    auto v = rig.out(makePage(PageKind::Text, 10));
    ST_VERIFY_OK(v);
    QCOMPARE(ClassicEntry::device(*v), 0u);
    QCOMPARE(ClassicEntry::slot(*v), ClassicEntry::slot(values[1]));
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(rig.deviceTier(s, 0).entries, 4u);
    QCOMPARE(rig.deviceTier(s, 1).entries, 2u);
}

void TstClassicSwapBackend::tiersLimitDeviceChoice() {
    Rig rig;
    // Before the devices: the default table's "default" would hold them all otherwise.
    ST_VERIFY_OK(rig.backend->setTiers({TierSpec{"slow", -1, 9}, TierSpec{"fast", 10, 32767}}));
    rig.add("fast", 64, 10);
    rig.add("slow1", 64, 5);
    rig.add("slow2", 64, 5);
    constexpr std::uint32_t kFast = 1u << 0; // table order: highest priorities first
    constexpr std::uint32_t kSlow = 1u << 1;
    const auto out = [&](std::uint64_t i, std::uint32_t tiers, Placement placement = Placement::DeviceOnly,
                         PageKind kind = PageKind::Text) {
        StoreOptions so;
        so.placement = placement;
        so.allowedTiers = tiers;
        return rig.backend->swapOut(makePage(kind, i), CgroupId{}, so);
    };
    QString got;
    for (std::uint64_t i = 0; i < 4; ++i) {
        auto v = out(i, kSlow);
        ST_VERIFY_OK(v);
        got += QString::number(ClassicEntry::device(*v));
    }
    QCOMPARE(got, QStringLiteral("1212")); // round-robin inside the tier, never the faster device
    auto fast = out(10, kFast);
    ST_VERIFY_OK(fast);
    QCOMPARE(ClassicEntry::device(*fast), 0u);
    // The pool and the zero bit need a slot too: with no allowed device, nothing is stored.
    QCOMPARE(out(11, 0, Placement::Auto).code(), Errc::BackendFull);
    QCOMPARE(out(12, 0, Placement::Auto, PageKind::Zero).code(), Errc::BackendFull);
    QCOMPARE(out(13, 0).code(), Errc::NoDevice);

    BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(rig.deviceTier(s, 0).tier, std::string("fast"));
    QCOMPARE(rig.deviceTier(s, 2).tier, std::string("slow"));
    QCOMPARE(rig.tier(s, "pool").tier, std::string());

    // A device follows its priority into another tier.
    ST_VERIFY_OK(rig.backend->setDevicePriority(0, 3));
    QCOMPARE(out(14, kFast).code(), Errc::NoDevice);
    QCOMPARE(rig.deviceTier(rig.backend->snapshot(), 0).tier, std::string("slow"));

    // A table must keep the names of the tiers that hold devices, and be valid.
    const Status busy = rig.backend->setTiers({TierSpec{"all", -1, 32767}});
    QCOMPARE(busy.code(), Errc::Busy);
    QCOMPARE(busy.error().path, std::string("slow"));
    const Status gap = rig.backend->setTiers({TierSpec{"slow", -1, 8}, TierSpec{"fast", 10, 32767}});
    QCOMPARE(gap.code(), Errc::InvalidArgument);
    QCOMPARE(gap.error().path, std::string("tiers"));
    ST_VERIFY_OK(rig.backend->setTiers({TierSpec{"slow", -1, 32767}}));
    auto any = out(15, 1u << 0);
    ST_VERIFY_OK(any);
}

void TstClassicSwapBackend::discardPunchesFreeClusters() {
    Rig rig(false);
    rig.add("swap", 1024); // two clusters
    std::vector<std::uint64_t> values;
    for (int i = 0; i < 513; ++i) {
        auto v = rig.out(makePage(PageKind::Mixed, std::uint64_t(i)));
        ST_VERIFY_OK(v);
        values.push_back(*v);
    }
    EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.devices.at(0).clusters, 2u);
    QCOMPARE(st.devices.at(0).freeClusters, 0u);
    QCOMPARE(ClassicEntry::slot(values[512]), 512u); // the first cluster filled, then the second
    for (int i = 0; i < 512; ++i)
        ST_VERIFY_OK(rig.backend->put(values[std::size_t(i)]));
    st = rig.backend->engineStats();
    QCOMPARE(st.devices.at(0).discards, 1u);
    QCOMPARE(st.devices.at(0).freeClusters, 1u);
    QVERIFY(rig.readsBack(values[512], makePage(PageKind::Mixed, 512)).has_value());
}

void TstClassicSwapBackend::swapoffWalksEveryPte() {
    Rig rig(true, 16 * kPageSize);
    rig.add("a", 256, 5);
    rig.add("b", 256, 5);
    FakeWalker walker(*rig.backend);
    for (int i = 0; i < 100; ++i) // resident pages: visited all the same
        walker.ptes.push_back({false, 0, {}});
    std::uint64_t onA = 0;
    for (int i = 0; i < 120; ++i) {
        const PageKind kind = i % 5 == 0 ? PageKind::Zero : i % 2 ? PageKind::Random : PageKind::Text;
        Page p = makePage(kind, std::uint64_t(i));
        auto v = rig.out(p, i % 3 == 0 ? Placement::DeviceOnly : Placement::Auto);
        ST_VERIFY_OK(v);
        walker.ptes.push_back({true, *v, p});
        if (i % 7 == 0) { // shared by a second page table (fork)
            ST_VERIFY_OK(rig.backend->duplicate(*v));
            walker.ptes.push_back({true, *v, p});
        }
        onA += ClassicEntry::device(*v) == 0;
    }
    const EngineStats before = rig.backend->engineStats();
    QVERIFY(before.events.zswpout > 0 && before.events.pswpout > 0 && before.events.swpoutZero > 0);
    const std::string pathA = pathIn(rig.dir, "a");
    QVERIFY(QFile::exists(QString::fromStdString(pathA)));
    const std::uint64_t ptes = walker.ptes.size();
    std::uint64_t ptesOnA = 0;
    for (const auto& pte : walker.ptes)
        ptesOnA += pte.swapped && ClassicEntry::device(pte.value) == 0;
    QVERIFY(ptesOnA > onA); // some entries are shared

    auto f = rig.backend->swapoff(0, walker);
    ST_VERIFY_OK(f);
    QCOMPARE(f->device, 0);
    QCOMPARE(f->entries, onA);
    QCOMPARE(f->ptesVisited, ptes); // every entry of every page table, not just device A's
    QCOMPARE(f->mappedPages, ptes);
    QVERIFY(f->nanos > 0);
    QCOMPARE(walker.mismatches, 0u);
    QCOMPARE(walker.faulted, ptesOnA); // shared entries are faulted in once per page table

    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(rig.deviceTier(s, 0).entries, 0u);     // the removed device keeps its row, empty
    QCOMPARE(rig.deviceTier(s, 0).capacityBytes, 0u);
    QCOMPARE(s.liveEntries, 120u - onA);
    QVERIFY(!QFile::exists(QString::fromStdString(pathA))); // removeFileOnClose
    QCOMPARE(rig.backend->engineStats().devices.size(), 1u);
    for (const auto& pte : walker.ptes) { // device B's pages are untouched
        if (!pte.swapped)
            continue;
        QCOMPARE(ClassicEntry::device(pte.value), 1u);
        QVERIFY(rig.readsBack(pte.value, pte.page).has_value());
    }
    // New stores go to B; values naming A are dead; A cannot be swapped off twice.
    auto v = rig.out(makePage(PageKind::Text, 500));
    ST_VERIFY_OK(v);
    QCOMPARE(ClassicEntry::device(*v), 1u);
    Page got;
    QCOMPARE(rig.backend->swapIn(ClassicEntry::make(0, 0), got).code(), Errc::UnknownDevice);
    QCOMPARE(rig.backend->swapoff(0, walker).code(), Errc::UnknownDevice);
    QCOMPARE(rig.backend->swapoff(9, walker).code(), Errc::UnknownDevice);
}

void TstClassicSwapBackend::swapoffRefusedWhileReferenced() {
    Rig rig(false);
    rig.add("a", 64, 5);
    rig.add("b", 64, 1);
    FakeWalker walker(*rig.backend);
    const Page hidden = makePage(PageKind::Text, 1);
    auto outside = rig.out(hidden); // referenced by no page table the walker sees
    ST_VERIFY_OK(outside);
    QCOMPARE(ClassicEntry::device(*outside), 0u);
    const Page seen = makePage(PageKind::Text, 2);
    auto inside = rig.out(seen);
    ST_VERIFY_OK(inside);
    walker.ptes.push_back({true, *inside, seen});

    auto f = rig.backend->swapoff(0, walker);
    QCOMPARE(f.code(), Errc::Busy);
    QCOMPARE(f.error().device, DeviceId{0});
    QCOMPARE(walker.faulted, 1u);
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(rig.deviceTier(s, 0).entries, 1u); // kept, with its page
    QCOMPARE(rig.deviceTier(s, 0).capacityBytes, 64u * kPageSize);
    QVERIFY(rig.readsBack(*outside, hidden).has_value());
    auto v = rig.out(makePage(PageKind::Text, 3)); // stores resumed on the preferred device
    ST_VERIFY_OK(v);
    QCOMPARE(ClassicEntry::device(*v), 0u);
    walker.ptes.push_back({true, *v, makePage(PageKind::Text, 3)});

    ST_VERIFY_OK(rig.backend->put(*outside));
    auto g = rig.backend->swapoff(0, walker);
    ST_VERIFY_OK(g);
    QCOMPARE(g->entries, 1u);
    QCOMPARE(g->ptesVisited, 2u);
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
}

void TstClassicSwapBackend::concurrentOperations() {
    Rig rig(true, 64 * kPageSize);
    rig.add("a", 2048, 3);
    rig.add("b", 2048, 3);
    constexpr int kThreads = 4;
    constexpr int kOps = 400;
    std::atomic<int> failures{0};
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::mt19937 rng(std::uint32_t(t + 1));
            std::vector<std::pair<std::uint64_t, std::uint64_t>> kept; // value, seed
            auto pageOf = [](std::uint64_t seed) {
                const PageKind kinds[] = {PageKind::Text, PageKind::Random, PageKind::Zero, PageKind::Mixed};
                return makePage(kinds[seed % 4], seed);
            };
            for (int i = 0; i < kOps; ++i) {
                const std::uint64_t seed = std::uint64_t(t) * 100000 + std::uint64_t(i);
                StoreOptions so;
                so.placement = i % 5 == 0 ? Placement::DeviceOnly : Placement::Auto;
                auto v = rig.backend->swapOut(pageOf(seed), CgroupId{std::uint16_t(t)}, so);
                if (!v) {
                    ++failures;
                    continue;
                }
                kept.emplace_back(*v, seed);
                const auto& [value, s] = kept[rng() % kept.size()];
                Page got;
                if (!rig.backend->swapIn(value, got))
                    ++failures;
                else if (got != pageOf(s))
                    ++mismatches;
                if (i % 3 == 0) {
                    if (!rig.backend->duplicate(value) || !rig.backend->put(value))
                        ++failures;
                }
                if (kept.size() > 24) {
                    const std::size_t k = rng() % kept.size();
                    if (!rig.backend->put(kept[k].first))
                        ++failures;
                    kept.erase(kept.begin() + std::ptrdiff_t(k));
                }
            }
            for (const auto& [value, s] : kept) {
                Page got;
                if (!rig.backend->swapIn(value, got) || got != pageOf(s))
                    ++mismatches;
                if (!rig.backend->put(value))
                    ++failures;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(mismatches.load(), 0);
    const EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.events.swapOuts, std::uint64_t(kThreads * kOps));
    QCOMPARE(st.events.frees, std::uint64_t(kThreads * kOps));
    QVERIFY(st.events.zswpout > 0);
    QVERIFY(st.events.pswpout > 0);
    QCOMPARE(st.pool.objects, 0u);
    QVERIFY(st.devices.at(0).writes > 0 && st.devices.at(1).writes > 0); // round-robin spread
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(s.liveEntries, 0u);
    QCOMPARE(s.diskReservedBytes, 0u);
    for (const auto& row : s.cgroupEntries)
        for (std::uint64_t n : row)
            QCOMPARE(n, 0u);
}

void TstClassicSwapBackend::metadataFollowsDeviceSize() {
    auto emptyMetadata = [](std::uint64_t pages) {
        Rig rig;
        if (pages)
            rig.add("swap", pages);
        return rig.backend->snapshot().metadataBytes;
    };
    const std::uint64_t none = emptyMetadata(0);
    const std::uint64_t small = emptyMetadata(1024);
    const std::uint64_t large = emptyMetadata(65536); // 256 MiB, sparse on disk
    QVERIFY(none > 0); // the pool's own bookkeeping
    // swap_map (1 B) + swap_cgroup (2 B) per slot, allocated at swapon with no page stored.
    QVERIFY(small - none >= 1024u * 3);
    QVERIFY(large - small >= (65536u - 1024u) * 3);
    QVERIFY(large - small < (65536u - 1024u) * 4); // ... plus the zero bit and cluster info

    // The zswap tree grows with the pages kept in the pool.
    Rig rig;
    rig.add("swap", 1024);
    const std::uint64_t before = rig.backend->snapshot().metadataBytes;
    for (int i = 0; i < 100; ++i)
        ST_VERIFY_OK(rig.out(makePage(PageKind::Text, std::uint64_t(i)), Placement::PoolOnly));
    QVERIFY(rig.backend->snapshot().metadataBytes > before + 100u * 16);
    QCOMPARE(rig.backend->engineStats().slotTable.liveEntries, 100u);
}

void TstClassicSwapBackend::foreignFileRefused() {
    QTemporaryDir dir = makeScratchDir();
    const std::string path = pathIn(dir, "precious");
    QByteArray content(3 * int(kPageSize) + 17, 'x');
    content.replace(0, 8, "NOTSWAP!");
    {
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), content.size());
    }
    auto backend = sandbox::makeClassicSwapBackend({});
    ST_VERIFY_OK(backend);
    DeviceOptions d = deviceIn(dir, "precious", 64);
    Status s = (*backend)->addDevice(d);
    QCOMPARE(s.code(), Errc::Exists);
    QCOMPARE(s.error().path, path);
    backend->reset();
    QFile f(QString::fromStdString(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content); // byte for byte, and not removed

    // An earlier swaptier swapfile is taken over (its old contents mean nothing).
    DeviceOptions keep = deviceIn(dir, "ours", 64);
    keep.removeFileOnClose = false;
    {
        auto first = sandbox::makeClassicSwapBackend({});
        ST_VERIFY_OK((*first)->addDevice(keep));
    }
    auto second = sandbox::makeClassicSwapBackend({});
    ST_VERIFY_OK((*second)->addDevice(keep));
    QCOMPARE((*second)->addDevice(keep).code(), Errc::Exists); // the same path twice
}

void TstClassicSwapBackend::injectedWriteErrorLeavesNoSlot() {
    FaultInjectionEnv env;
    Rig rig(false, 0, &env);
    rig.add("swap", 64);
    env.failWrites(EIO, 1);
    const Page p = makePage(PageKind::Text, 1);
    auto v = rig.out(p);
    QCOMPARE(v.code(), Errc::IoError);
    QCOMPARE(v.error().osError, EIO);
    QCOMPARE(v.error().device, DeviceId{0});
    QCOMPARE(v.error().path, pathIn(rig.dir, "swap"));
    QCOMPARE(v.error().offset, kPageSize); // slot 0, after the header page
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(s.liveEntries, 0u);
    QCOMPARE(s.diskReservedBytes, 0u);
    QCOMPARE(s.pagesWritten, 0u);
    const EngineStats st = rig.backend->engineStats();
    QCOMPARE(st.events.ioErrors, 1u);
    QCOMPARE(st.events.swapOuts, 0u);
    QCOMPARE(st.devices.at(0).writeErrors, 1u);
    QCOMPARE(st.devices.at(0).usedSlots, 0u);
    auto again = rig.out(p);
    ST_VERIFY_OK(again);
    QCOMPARE(rig.readsBack(*again, p), std::optional<Backend>(Backend::Device));
}

void TstClassicSwapBackend::injectedReadErrorIsReturned() {
    FaultInjectionEnv env;
    Rig rig(false, 0, &env);
    rig.add("swap", 64);
    const Page p = makePage(PageKind::Text, 1);
    auto v = rig.out(p);
    ST_VERIFY_OK(v);
    env.failReads(EIO, 1);
    Page got{};
    auto in = rig.backend->swapIn(*v, got);
    QCOMPARE(in.code(), Errc::IoError);
    QCOMPARE(in.error().slot, SlotId{*v});
    QCOMPARE(in.error().offset, (ClassicEntry::slot(*v) + 1) * kPageSize);
    QCOMPARE(rig.backend->engineStats().devices.at(0).readErrors, 1u);
    QCOMPARE(rig.backend->snapshot().liveEntries, 1u); // the entry stays
    QCOMPARE(rig.readsBack(*v, p), std::optional<Backend>(Backend::Device));
}

// --- actions (issue #4) ---------------------------------------------------------------------

namespace {

/// Root, /a and /b as children of the root.
void setTree(SwapBackend& b) {
    CgroupPolicy p;
    QVERIFY(b.setCgroupPolicy(CgroupId{0}, p).ok());
    QVERIFY(b.setCgroupPolicy(CgroupId{1}, p).ok());
    QVERIFY(b.setCgroupPolicy(CgroupId{2}, p).ok());
}

std::uint64_t poolBytesOf(const BackendSnapshot& s, std::size_t cgroup) {
    return cgroup < s.cgroupPoolBytes.size() ? s.cgroupPoolBytes[cgroup] : 0;
}

std::uint64_t entriesOf(const BackendSnapshot& s, std::size_t cgroup, Backend b) {
    return cgroup < s.cgroupEntries.size() ? s.cgroupEntries[cgroup][std::size_t(b)] : 0;
}

} // namespace

void TstClassicSwapBackend::writebackUsesReservedSlots() {
    Rig rig(true);
    rig.add("a", 256);
    setTree(*rig.backend);
    FakeWalker walker(*rig.backend);
    for (int i = 0; i < 50; ++i) { // 40 pages of /a (oldest first), 10 of /b after them
        const CgroupId cg{std::uint16_t(i < 40 ? 1 : 2)};
        const Page p = makePage(PageKind::Text, std::uint64_t(i));
        auto v = rig.out(p, Placement::Auto, 0, cg);
        ST_VERIFY_OK(v);
        walker.ptes.push_back({true, *v, p});
    }
    const BackendSnapshot before = rig.backend->snapshot();
    QCOMPARE(before.diskReservedBytes, 50u * kPageSize); // zswap pages hold their slots
    QCOMPARE(entriesOf(before, 1, Backend::Pool), 40u);

    WritebackOptions o;
    o.cgroup = CgroupId{1};
    o.maxPages = 25;
    o.secondChance = false;
    const ActionFigures f = rig.backend->writeback(o);
    ST_VERIFY_OK(Status(f.error));
    QCOMPARE(f.pagesMoved, 25u);
    QCOMPARE(f.pagesWritten, 25u);
    QCOMPARE(f.writeCalls, 25u);  // one write per page, whatever the batch
    QCOMPARE(f.ptesVisited, 0u); // the slot was reserved: no page table changes
    QVERIFY(f.bytesReclaimed > 0);
    const BackendSnapshot after = rig.backend->snapshot();
    QCOMPARE(after.diskReservedBytes, before.diskReservedBytes); // no new disk space
    QCOMPARE(after.pagesWritten, before.pagesWritten + 25);
    QCOMPARE(entriesOf(after, 1, Backend::Device), 25u);
    QCOMPARE(entriesOf(after, 1, Backend::Pool), 15u);
    QCOMPARE(poolBytesOf(after, 2), poolBytesOf(before, 2)); // the innocent cgroup
    QCOMPARE(poolBytesOf(after, 1) + f.bytesReclaimed, poolBytesOf(before, 1));
    // Oldest first: the first 25 stores now read from the file, the rest from the pool.
    for (std::size_t i = 0; i < walker.ptes.size(); ++i)
        QCOMPARE(rig.readsBack(walker.ptes[i].value, walker.ptes[i].page),
                 std::optional<Backend>(i < 25 ? Backend::Device : Backend::Pool));
    QCOMPARE(rig.backend->engineStats().events.zswpwb, 25u);
    for (const auto& pte : walker.ptes)
        ST_VERIFY_OK(rig.backend->put(pte.value));
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
    QCOMPARE(rig.backend->engineStats().pool.objects, 0u);
}

void TstClassicSwapBackend::writebackSecondChanceAndPolicy() {
    Rig rig(true);
    rig.add("a", 256);
    setTree(*rig.backend);
    std::vector<std::pair<std::uint64_t, Page>> pages;
    for (int i = 0; i < 30; ++i) { // alternately /a and /b
        const Page p = makePage(PageKind::Text, std::uint64_t(100 + i));
        auto v = rig.out(p, Placement::Auto, 0, CgroupId{std::uint16_t(1 + i % 2)});
        ST_VERIFY_OK(v);
        pages.emplace_back(*v, p);
    }
    // Every entry is referenced from its store: the first sweep rotates them all, the second
    // writes the oldest.
    WritebackOptions o;
    o.cgroup = CgroupId{0};
    o.maxPages = 4;
    o.secondChance = true;
    const ActionFigures f = rig.backend->writeback(o);
    QCOMPARE(f.pagesMoved, 4u);
    for (std::size_t i = 0; i < pages.size(); ++i)
        QCOMPARE(rig.readsBack(pages[i].first, pages[i].second),
                 std::optional<Backend>(i < 4 ? Backend::Device : Backend::Pool));
    // memory.zswap.writeback = 0 on /b: a writeback of the root writes only /a's pages.
    CgroupPolicy off;
    off.zswapWriteback = false;
    ST_VERIFY_OK(rig.backend->setCgroupPolicy(CgroupId{2}, off));
    WritebackOptions all;
    all.cgroup = CgroupId{0};
    const ActionFigures g = rig.backend->writeback(all);
    QCOMPARE(g.pagesMoved, 13u); // /a's 15, less the 2 written above
    const BackendSnapshot s = rig.backend->snapshot();
    QCOMPARE(entriesOf(s, 1, Backend::Pool), 0u);
    QCOMPARE(entriesOf(s, 2, Backend::Pool), 13u);
    QCOMPARE(entriesOf(s, 2, Backend::Device), 2u); // written before writeback was turned off
    WritebackOptions bad;
    bad.batchPages = 0;
    QCOMPARE(rig.backend->writeback(bad).error.code, Errc::InvalidArgument);
    for (const auto& [value, page] : pages) {
        QVERIFY(rig.readsBack(value, page).has_value());
        ST_VERIFY_OK(rig.backend->put(value));
    }
}

void TstClassicSwapBackend::compactDeviceRewritesPageTables() {
    Rig rig(true, 32 * kPageSize); // a small pool: pages go to the pool and to the file
    rig.add("a", 2048, 5);          // 4 clusters
    FakeWalker walker(*rig.backend);
    std::mt19937 rng(7);
    std::vector<std::pair<std::uint64_t, Page>> stored;
    for (int i = 0; i < 1600; ++i) {
        const PageKind kind = i % 9 == 0 ? PageKind::Zero : i % 3 ? PageKind::Text : PageKind::Random;
        const Page p = makePage(kind, std::uint64_t(1000 + i));
        auto v = rig.out(p);
        ST_VERIFY_OK(v);
        stored.emplace_back(*v, p);
    }
    // Keep one in five, scattered over every cluster; some shared by a second page table.
    for (std::size_t i = 0; i < stored.size(); ++i) {
        if (rng() % 5 != 0) {
            ST_VERIFY_OK(rig.backend->put(stored[i].first));
            continue;
        }
        walker.ptes.push_back({true, stored[i].first, stored[i].second});
        if (i % 4 == 0) {
            ST_VERIFY_OK(rig.backend->duplicate(stored[i].first));
            walker.ptes.push_back({true, stored[i].first, stored[i].second});
        }
    }
    for (int i = 0; i < 50; ++i)
        walker.ptes.push_back({false, 0, {}}); // resident: visited all the same
    const BackendSnapshot before = rig.backend->snapshot();
    QVERIFY(before.liveEntries < 512);
    std::uint64_t above = 0;
    for (const auto& pte : walker.ptes)
        above += pte.swapped && ClassicEntry::slot(pte.value) >= 512;
    QVERIFY(above > 0);

    const ActionFigures f = rig.backend->compactDevice(0, walker, {});
    ST_VERIFY_OK(Status(f.error));
    QVERIFY(f.pagesMoved > 0);
    QCOMPARE(f.ptesVisited, std::uint64_t(walker.ptes.size())); // every page table, every entry
    QVERIFY(walker.rewritten >= f.pagesMoved);                   // shared entries once per table
    QVERIFY(f.pagesWritten > 0 && f.pagesWritten < f.pagesMoved); // zero and pool pages have no bytes
    QCOMPARE(f.writeCalls, f.pagesWritten);
    QCOMPARE(f.bytesReclaimed, (2048u - 512u) * kPageSize);
    const BackendSnapshot after = rig.backend->snapshot();
    QCOMPARE(after.liveEntries, before.liveEntries);
    QCOMPARE(rig.deviceTier(after, 0).capacityBytes, 512u * kPageSize);
    QCOMPARE(QFileInfo(QString::fromStdString(pathIn(rig.dir, "a"))).size(), qint64(513 * kPageSize));
    for (const auto& pte : walker.ptes) {
        if (!pte.swapped)
            continue;
        QVERIFY(ClassicEntry::slot(pte.value) < 512);
        QVERIFY(rig.readsBack(pte.value, pte.page).has_value());
    }
    // The shrunk device keeps working: new stores, then every reference dropped.
    auto v = rig.out(makePage(PageKind::Random, 5));
    ST_VERIFY_OK(v);
    QVERIFY(ClassicEntry::slot(*v) < 512);
    ST_VERIFY_OK(rig.backend->put(*v));
    for (const auto& pte : walker.ptes)
        if (pte.swapped)
            ST_VERIFY_OK(rig.backend->put(pte.value));
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
    QCOMPARE(rig.backend->engineStats().pool.objects, 0u);
    QCOMPARE(rig.backend->compactDevice(3, walker, {}).error.code, Errc::UnknownDevice);
}

void TstClassicSwapBackend::compactPoolAndRecompress() {
    Rig rig(true);
    rig.add("a", 1024);
    setTree(*rig.backend);
    std::vector<std::pair<std::uint64_t, Page>> kept;
    std::vector<std::uint64_t> dropped;
    for (int i = 0; i < 900; ++i) {
        const Page p = makePage(PageKind::Text, std::uint64_t(5000 + i));
        auto v = rig.out(p, Placement::Auto, 0, CgroupId{1});
        ST_VERIFY_OK(v);
        if (i % 3 == 0)
            kept.emplace_back(*v, p);
        else
            dropped.push_back(*v);
    }
    for (std::uint64_t v : dropped) // two in three freed: zspages left sparse
        ST_VERIFY_OK(rig.backend->put(v));
    const PoolStats sparse = rig.backend->engineStats().pool;
    const ActionFigures c = rig.backend->compactPool();
    ST_VERIFY_OK(Status(c.error));
    QVERIFY(c.pagesMoved > 0);
    QVERIFY(c.bytesReclaimed > 0);
    QCOMPARE(rig.backend->engineStats().pool.poolBytes, sparse.poolBytes - c.bytesReclaimed);
    QCOMPARE(c.ptesVisited, 0u);
    for (const auto& [value, page] : kept)
        QCOMPARE(rig.readsBack(value, page), std::optional<Backend>(Backend::Pool));

    // Recompression skips referenced entries (all of them, fresh from their store) ...
    RecompressOptions r;
    r.cgroup = CgroupId{1};
    r.codec = Codec::Zstd;
    r.zstdLevel = 12;
    QCOMPARE(rig.backend->recompress(r).pagesMoved, 0u);
    // ... until a second-chance scan clears their bits (it writes one page back).
    WritebackOptions scan;
    scan.cgroup = CgroupId{1};
    scan.maxPages = 1;
    QCOMPARE(rig.backend->writeback(scan).pagesMoved, 1u);
    const std::uint64_t bytesBefore = poolBytesOf(rig.backend->snapshot(), 1);
    const ActionFigures z = rig.backend->recompress(r);
    ST_VERIFY_OK(Status(z.error));
    QVERIFY(z.pagesMoved > 0);
    QVERIFY(z.bytesReclaimed > 0);
    QCOMPARE(poolBytesOf(rig.backend->snapshot(), 1), bytesBefore - z.bytesReclaimed);
    QCOMPARE(rig.backend->engineStats().events.recompressions, z.pagesMoved);
    QCOMPARE(rig.backend->recompress(r).pagesMoved, 0u); // each entry once
    r.codec = Codec::Raw;
    QCOMPARE(rig.backend->recompress(r).error.code, Errc::InvalidArgument);
    for (const auto& [value, page] : kept) {
        QVERIFY(rig.readsBack(value, page).has_value());
        ST_VERIFY_OK(rig.backend->put(value));
    }
    QCOMPARE(rig.backend->engineStats().pool.objects, 0u);
}

void TstClassicSwapBackend::policyChange_data() {
    QTest::addColumn<int>("change");
    QTest::newRow("tiers narrowed: rewritten to the slow device") << 0;
    QTest::newRow("writeback off: faulted in") << 1;
    QTest::newRow("swap.max lowered: excess faulted in") << 2;
    QTest::newRow("zswap.max lowered: written back, no walk") << 3;
}

void TstClassicSwapBackend::policyChange() {
    QFETCH(int, change);
    Rig rig(change == 3);
    ST_VERIFY_OK(rig.backend->setTiers({TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 9}}));
    rig.add("fast", 256, 10);
    rig.add("slow", 256, 5);
    setTree(*rig.backend);
    FakeWalker walker(*rig.backend);
    std::vector<std::uint16_t> owners; // per pte
    for (int i = 0; i < 60; ++i) { // 40 pages of /a, 20 of /b, all on "fast" (or in the pool)
        const auto owner = std::uint16_t(i % 3 == 2 ? 2 : 1);
        const Page p = makePage(PageKind::Text, std::uint64_t(300 + i));
        auto v = rig.out(p, Placement::Auto, 0, CgroupId{owner});
        ST_VERIFY_OK(v);
        QCOMPARE(ClassicEntry::device(*v), 0u);
        walker.ptes.push_back({true, *v, p});
        owners.push_back(owner);
        if (i % 10 == 0) { // shared by a second page table
            ST_VERIFY_OK(rig.backend->duplicate(*v));
            walker.ptes.push_back({true, *v, p});
            owners.push_back(owner);
        }
    }
    const BackendSnapshot before = rig.backend->snapshot();
    CgroupPolicy p;
    switch (change) {
    case 0: p.allowedTiers = std::vector<std::string>{"slow"}; break;
    case 1: p.zswapWriteback = false; break;
    case 2: p.swapMaxBytes = 10 * kPageSize; break;
    case 3: p.zswapMaxBytes = poolBytesOf(before, 1) / 4; break;
    }
    const ActionFigures f = rig.backend->changeCgroupPolicy(CgroupId{1}, p, walker);
    ST_VERIFY_OK(Status(f.error));
    QCOMPARE(walker.mismatches, 0u);
    const BackendSnapshot after = rig.backend->snapshot();
    switch (change) {
    case 0: // /a's pages rewritten onto "slow" through every page table; /b stays on "fast"
        QCOMPARE(f.pagesMoved, 40u);
        QCOMPARE(f.pagesWritten, 40u);
        QCOMPARE(f.ptesVisited, std::uint64_t(walker.ptes.size()));
        QCOMPARE(walker.faulted, 0u);
        for (std::size_t i = 0; i < walker.ptes.size(); ++i)
            QCOMPARE(ClassicEntry::device(walker.ptes[i].value), owners[i] == 1 ? 1u : 0u);
        QCOMPARE(rig.deviceTier(after, 1).entries, 40u);
        QCOMPARE(rig.deviceTier(after, 0).entries, 20u);
        QCOMPARE(after.diskReservedBytes, before.diskReservedBytes);
        break;
    case 1: // /a's written pages may stay on no device: faulted in
        QCOMPARE(f.pagesMoved, 40u);
        QCOMPARE(f.ptesVisited, std::uint64_t(walker.ptes.size()));
        QCOMPARE(entriesOf(after, 1, Backend::Device), 0u);
        QCOMPARE(entriesOf(after, 2, Backend::Device), 20u);
        break;
    case 2: // every classic entry holds a slot: 30 of /a's 40 faulted in
        QCOMPARE(entriesOf(after, 1, Backend::Device), 10u);
        QCOMPARE(f.pagesMoved, 30u);
        QCOMPARE(f.ptesVisited, std::uint64_t(walker.ptes.size()));
        QCOMPARE(entriesOf(after, 2, Backend::Device), 20u);
        break;
    case 3: // the oldest written into the slots they hold: no walk, no new disk space
        QVERIFY(poolBytesOf(after, 1) <= p.zswapMaxBytes);
        QVERIFY(f.pagesMoved > 0);
        QCOMPARE(f.pagesWritten, f.pagesMoved);
        QCOMPARE(f.ptesVisited, 0u);
        QCOMPARE(after.diskReservedBytes, before.diskReservedBytes);
        QCOMPARE(poolBytesOf(after, 2), poolBytesOf(before, 2));
        break;
    }
    for (const auto& pte : walker.ptes) {
        if (!pte.swapped)
            continue;
        QVERIFY(rig.readsBack(pte.value, pte.page).has_value());
        ST_VERIFY_OK(rig.backend->put(pte.value));
    }
    QCOMPARE(rig.backend->snapshot().liveEntries, 0u);
}

QTEST_APPLESS_MAIN(TstClassicSwapBackend)
#include "tst_classicswapbackend.moc"
