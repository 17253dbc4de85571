// SPDX-License-Identifier: GPL-3.0-or-later
// Swap tiers: validation of tier tables (which field each broken table names), tierOf at the
// range boundaries, and the engine side: devices follow the table and their priorities, a tier
// that holds a device cannot be dropped, stores and moves honour a tier mask, and the table
// can be replaced while other threads store (run under TSan too).
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/engine.h"
#include "swaptier/tiers.h"

#include <atomic>
#include <set>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using namespace Qt::StringLiterals;

using TierList = std::vector<TierSpec>;
Q_DECLARE_METATYPE(TierList)

namespace {

std::unique_ptr<Engine> makeEngine() {
    EngineOptions o;
    o.pool.enabled = false; // every store goes to a device, so tiers decide where
    auto e = Engine::create(o);
    if (!e)
        qFatal("Engine::create failed: %s", errcName(e.code()));
    return std::move(*e);
}

// fast: 1000..32767, mid: 100..999, slow: -1..99 (given out of order on purpose).
TierList threeTiers() {
    return {{"slow", -1, 99}, {"fast", 1000, 32767}, {"mid", 100, 999}};
}

std::uint32_t bitOf(const Engine& e, const char* name) {
    const auto table = e.tiers();
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].name == name)
            return 1u << i;
    qFatal("no tier %s", name);
    return 0;
}

const DeviceStats* deviceStats(const EngineStats& s, DeviceId id) {
    for (const DeviceStats& d : s.devices)
        if (d.id == id)
            return &d;
    return nullptr;
}

const TierStats* tierStats(const EngineStats& s, const char* name) {
    for (const TierStats& t : s.tiers)
        if (t.name == name)
            return &t;
    return nullptr;
}

QString tierOfDevice(const Engine& e, DeviceId id) {
    const EngineStats s = e.stats();
    const DeviceStats* d = deviceStats(s, id);
    return d ? QString::fromStdString(d->tier) : QStringLiteral("<gone>");
}

/// Tiers fast (1000..32767) and slow (-1..999), one 64-page device in each.
std::pair<DeviceId, DeviceId> addFastAndSlow(Engine& e, const QTemporaryDir& dir) {
    if (!e.setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}).ok())
        qFatal("setTiers failed");
    auto fast = e.addDevice(deviceIn(dir, "fast.swap", 64, 2000));
    auto slow = e.addDevice(deviceIn(dir, "slow.swap", 64, 10));
    if (!fast || !slow)
        qFatal("addDevice failed");
    return {*fast, *slow};
}

} // namespace

class TstTiers : public QObject {
    Q_OBJECT

private slots:
    void tableValidation_data();
    void tableValidation();
    void tierOfBoundaries_data();
    void tierOfBoundaries();
    void engineStartsWithDefaultTable();
    void devicesFollowTableAndPriority();
    void invalidTableKeepsOldOne();
    void tierHoldingDeviceCannotBeDropped();
    void storesHonourAllowedTiers();
    void movesHonourAllowedTiers();
    void storesWhileTableFlips();
};

void TstTiers::tableValidation_data() {
    QTest::addColumn<TierList>("tiers");
    QTest::addColumn<QString>("field");        // empty: valid
    QTest::addColumn<QStringList>("sorted");   // valid tables: names in table order

    const std::string name32(32, 'a');
    const std::string name33(33, 'a');
    TierList many;
    for (int i = 0; i < 33; ++i)
        many.push_back({"t" + std::to_string(i), i == 0 ? -1 : i, i == 32 ? 32767 : i});

    QTest::newRow("default") << TierList{{"default", -1, 32767}} << QString() << QStringList{u"default"_s};
    QTest::newRow("three, any order") << threeTiers() << QString()
                                      << QStringList{u"fast"_s, u"mid"_s, u"slow"_s};
    QTest::newRow("one-priority tier") << TierList{{"b", 0, 32767}, {"a", -1, -1}} << QString()
                                       << QStringList{u"b"_s, u"a"_s};
    QTest::newRow("name alphabet and 32 bytes") << TierList{{"a-z_09", -1, 9}, {name32, 10, 32767}} << QString()
                                                << QStringList{QString::fromStdString(name32), u"a-z_09"_s};

    QTest::newRow("empty") << TierList{} << u"tiers"_s << QStringList{};
    QTest::newRow("33 tiers") << many << u"tiers"_s << QStringList{};
    QTest::newRow("gap") << TierList{{"a", -1, 99}, {"b", 101, 32767}} << u"tiers"_s << QStringList{};
    QTest::newRow("top uncovered") << TierList{{"a", -1, 32766}} << u"tiers"_s << QStringList{};
    QTest::newRow("bottom uncovered") << TierList{{"a", 0, 32767}} << u"tiers"_s << QStringList{};
    QTest::newRow("overlap") << TierList{{"hi", 100, 32767}, {"lo", -1, 100}} << u"tiers[1].maxPriority"_s
                             << QStringList{};
    QTest::newRow("overlap, lower given first") << TierList{{"lo", -1, 150}, {"hi", 100, 32767}}
                                                << u"tiers[0].maxPriority"_s << QStringList{};
    QTest::newRow("same range twice") << TierList{{"a", -1, 32767}, {"b", -1, 32767}} << u"tiers[1].maxPriority"_s
                                      << QStringList{};
    QTest::newRow("duplicate name") << TierList{{"x", -1, 99}, {"y", 100, 999}, {"x", 1000, 32767}}
                                    << u"tiers[2].name"_s << QStringList{};
    QTest::newRow("empty name") << TierList{{"", -1, 32767}} << u"tiers[0].name"_s << QStringList{};
    QTest::newRow("upper case") << TierList{{"a", -1, 99}, {"Fast", 100, 32767}} << u"tiers[1].name"_s
                                << QStringList{};
    QTest::newRow("space") << TierList{{"a b", -1, 32767}} << u"tiers[0].name"_s << QStringList{};
    QTest::newRow("33-byte name") << TierList{{name33, -1, 32767}} << u"tiers[0].name"_s << QStringList{};
    QTest::newRow("min below -1") << TierList{{"a", -2, 32767}} << u"tiers[0].minPriority"_s << QStringList{};
    QTest::newRow("min above 32767") << TierList{{"a", -1, 99}, {"b", 40000, 32767}} << u"tiers[1].minPriority"_s
                                     << QStringList{};
    QTest::newRow("max above 32767") << TierList{{"a", -1, 32768}} << u"tiers[0].maxPriority"_s << QStringList{};
    QTest::newRow("min above max") << TierList{{"a", -1, 99}, {"b", 200, 100}, {"c", 100, 32767}}
                                   << u"tiers[1].maxPriority"_s << QStringList{};
}

void TstTiers::tableValidation() {
    QFETCH(TierList, tiers);
    QFETCH(QString, field);
    QFETCH(QStringList, sorted);

    auto table = TierTable::make(tiers);
    if (!field.isEmpty()) {
        QVERIFY(!table.ok());
        QCOMPARE(table.code(), Errc::InvalidArgument);
        QCOMPARE(QString::fromStdString(table.error().path), field);
        return;
    }
    QVERIFY2(table.ok(), table.ok() ? "" : table.error().path.c_str());
    QStringList names;
    for (const TierSpec& t : table->specs())
        names << QString::fromStdString(t.name);
    QCOMPARE(names, sorted);
    for (std::size_t i = 0; i < table->size(); ++i) {
        const auto index = table->indexOf(table->spec(i).name);
        QVERIFY(index.has_value());
        QCOMPARE(*index, i);
        QCOMPARE(table->tierOf(table->spec(i).minPriority), i);
        QCOMPARE(table->tierOf(table->spec(i).maxPriority), i);
    }
}

void TstTiers::tierOfBoundaries_data() {
    QTest::addColumn<int>("priority");
    QTest::addColumn<QString>("tier");
    QTest::newRow("-1") << -1 << u"slow"_s;
    QTest::newRow("0") << 0 << u"slow"_s;
    QTest::newRow("99") << 99 << u"slow"_s;
    QTest::newRow("100") << 100 << u"mid"_s;
    QTest::newRow("999") << 999 << u"mid"_s;
    QTest::newRow("1000") << 1000 << u"fast"_s;
    QTest::newRow("32767") << 32767 << u"fast"_s;
    QTest::newRow("below range") << -7 << u"slow"_s;
    QTest::newRow("above range") << 40000 << u"fast"_s;
}

void TstTiers::tierOfBoundaries() {
    QFETCH(int, priority);
    QFETCH(QString, tier);
    auto table = TierTable::make(threeTiers());
    QVERIFY(table.ok());
    QCOMPARE(QString::fromStdString(table->spec(table->tierOf(priority)).name), tier);
    QVERIFY(!table->indexOf("none"));
    QVERIFY(!table->indexOf("fas"));
}

void TstTiers::engineStartsWithDefaultTable() {
    QCOMPARE(TierTable::defaults().specs(), (TierList{{"default", -1, 32767}}));
    auto dir = makeScratchDir();
    auto e = makeEngine();
    QCOMPARE(e->tiers(), TierTable::defaults().specs());
    auto a = e->addDevice(deviceIn(dir, "a.swap", 64, 5));
    auto b = e->addDevice(deviceIn(dir, "b.swap", 32, -1));
    ST_VERIFY_OK(a);
    ST_VERIFY_OK(b);
    const EngineStats s = e->stats();
    QCOMPARE(s.tiers.size(), std::size_t(1));
    QCOMPARE(s.tiers[0].name, std::string("default"));
    QCOMPARE(s.tiers[0].devices, std::uint64_t(2));
    QCOMPARE(s.tiers[0].totalSlots, std::uint64_t(96));
    QCOMPARE(s.tiers[0].usedSlots, std::uint64_t(0));
    for (const DeviceStats& d : s.devices)
        QCOMPARE(d.tier, std::string("default"));
}

void TstTiers::devicesFollowTableAndPriority() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    auto hot = e->addDevice(deviceIn(dir, "hot.swap", 64, 5000));
    auto warm = e->addDevice(deviceIn(dir, "warm.swap", 32, 500));
    auto cold = e->addDevice(deviceIn(dir, "cold.swap", 16, 99));
    auto cold2 = e->addDevice(deviceIn(dir, "cold2.swap", 16, -1));
    ST_VERIFY_OK(hot);
    ST_VERIFY_OK(warm);
    ST_VERIFY_OK(cold);
    ST_VERIFY_OK(cold2);
    // The devices are in "default": a table without that name is refused until they are gone.
    Status st = e->setTiers(threeTiers());
    QCOMPARE(st.code(), Errc::Busy);
    QCOMPARE(st.error().path, std::string("default"));
    QCOMPARE(e->tiers(), TierTable::defaults().specs());
    // Keeping the name for one of the ranges is enough.
    ST_VERIFY_OK(e->setTiers({{"fast", 1000, 32767}, {"default", -1, 999}}));
    QCOMPARE(tierOfDevice(*e, *hot), u"fast"_s);
    QCOMPARE(tierOfDevice(*e, *cold2), u"default"_s);
    ST_VERIFY_OK(e->setTiers({{"fast", 1000, 32767}, {"mid", 100, 999}, {"default", -1, 99}}));
    ST_VERIFY_OK(e->swapoff(*cold));
    ST_VERIFY_OK(e->swapoff(*cold2));
    cold = e->addDevice(deviceIn(dir, "cold.swap", 16, 99));
    ST_VERIFY_OK(cold);
    st = e->setTiers(threeTiers());
    QCOMPARE(st.code(), Errc::Busy);
    QCOMPARE(st.error().path, std::string("default"));
    QCOMPARE(st.error().device, *cold);
    ST_VERIFY_OK(e->swapoff(*cold));
    ST_VERIFY_OK(e->setTiers(threeTiers()));
    cold = e->addDevice(deviceIn(dir, "cold.swap", 16, 99));
    cold2 = e->addDevice(deviceIn(dir, "cold2.swap", 16, -1));
    ST_VERIFY_OK(cold);
    ST_VERIFY_OK(cold2);
    QCOMPARE(e->tiers(), (TierList{{"fast", 1000, 32767}, {"mid", 100, 999}, {"slow", -1, 99}}));

    QCOMPARE(tierOfDevice(*e, *hot), u"fast"_s);
    QCOMPARE(tierOfDevice(*e, *warm), u"mid"_s);
    QCOMPARE(tierOfDevice(*e, *cold), u"slow"_s);
    QCOMPARE(tierOfDevice(*e, *cold2), u"slow"_s);
    EngineStats s = e->stats();
    QCOMPARE(s.tiers.size(), std::size_t(3));
    QCOMPARE(s.tiers[0].name, std::string("fast"));
    QCOMPARE(s.tiers[0].minPriority, 1000);
    QCOMPARE(s.tiers[2].maxPriority, 99);
    QCOMPARE(tierStats(s, "fast")->devices, std::uint64_t(1));
    QCOMPARE(tierStats(s, "mid")->totalSlots, std::uint64_t(32));
    QCOMPARE(tierStats(s, "slow")->devices, std::uint64_t(2));
    QCOMPARE(tierStats(s, "slow")->totalSlots, std::uint64_t(32));

    // A priority change moves the device into the tier holding its new priority.
    ST_VERIFY_OK(e->setDevicePriority(*cold, 100));
    QCOMPARE(tierOfDevice(*e, *cold), u"mid"_s);
    ST_VERIFY_OK(e->setDevicePriority(*warm, 1000));
    QCOMPARE(tierOfDevice(*e, *warm), u"fast"_s);
    s = e->stats();
    QCOMPARE(tierStats(s, "fast")->devices, std::uint64_t(2));
    QCOMPARE(tierStats(s, "mid")->devices, std::uint64_t(1));
    QCOMPARE(tierStats(s, "slow")->devices, std::uint64_t(1));

    // A new table with the same names re-sorts the devices by its ranges.
    ST_VERIFY_OK(e->setTiers({{"fast", 6000, 32767}, {"mid", 200, 5999}, {"slow", -1, 199}}));
    QCOMPARE(tierOfDevice(*e, *hot), u"mid"_s);
    QCOMPARE(tierOfDevice(*e, *warm), u"mid"_s);
    QCOMPARE(tierOfDevice(*e, *cold), u"slow"_s);
    s = e->stats();
    QCOMPARE(tierStats(s, "fast")->devices, std::uint64_t(0));
    QCOMPARE(tierStats(s, "fast")->totalSlots, std::uint64_t(0));
}

void TstTiers::invalidTableKeepsOldOne() {
    auto e = makeEngine();
    ST_VERIFY_OK(e->setTiers(threeTiers()));
    const TierList before = e->tiers();
    Status st = e->setTiers({{"a", -1, 10}, {"b", 12, 32767}});
    QCOMPARE(st.code(), Errc::InvalidArgument);
    QCOMPARE(st.error().path, std::string("tiers"));
    st = e->setTiers({{"a", -1, 10}, {"a", 11, 32767}});
    QCOMPARE(st.code(), Errc::InvalidArgument);
    QCOMPARE(st.error().path, std::string("tiers[1].name"));
    QCOMPARE(e->tiers(), before);
}

void TstTiers::tierHoldingDeviceCannotBeDropped() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    const auto [fast, slow] = addFastAndSlow(*e, dir);
    const Page page = makePage(PageKind::Random, 1);
    auto slot = e->swapOut(page, CgroupId{1});
    ST_VERIFY_OK(slot);
    QCOMPARE(e->lookup(*slot)->device, fast);

    const TierList before = e->tiers();
    const TierList onlySlow{{"slow", -1, 32767}};
    Status st = e->setTiers(onlySlow);
    QCOMPARE(st.code(), Errc::Busy);
    QCOMPARE(st.error().path, std::string("fast"));
    QCOMPARE(st.error().device, fast);
    QCOMPARE(e->tiers(), before);
    QCOMPARE(tierOfDevice(*e, fast), u"fast"_s);

    // Renaming ranges keeps the names: allowed, even though "fast" now holds no device.
    ST_VERIFY_OK(e->setTiers({{"fast", 3000, 32767}, {"slow", -1, 2999}}));
    QCOMPARE(tierOfDevice(*e, fast), u"slow"_s);
    ST_VERIFY_OK(e->setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}));

    // Once the device is swapped off, its tier can go; its entry lives on the other device.
    auto report = e->swapoff(fast);
    ST_VERIFY_OK(report);
    QCOMPARE(report->toDevices, std::uint64_t(1));
    ST_VERIFY_OK(e->setTiers(onlySlow));
    QCOMPARE(e->tiers(), onlySlow);
    QCOMPARE(tierOfDevice(*e, slow), u"slow"_s);
    Page got;
    ST_VERIFY_OK(e->swapIn(*slot, got));
    QVERIFY(got == page);
    QCOMPARE(e->lookup(*slot)->device, slow);

    // "slow" holds a device now: a table without it is refused the same way.
    st = e->setTiers({{"other", -1, 32767}});
    QCOMPARE(st.code(), Errc::Busy);
    QCOMPARE(st.error().path, std::string("slow"));
    ST_VERIFY_OK(e->put(*slot));
}

void TstTiers::storesHonourAllowedTiers() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->setTiers(threeTiers()));
    auto fastA = e->addDevice(deviceIn(dir, "fa.swap", 64, 2000));
    auto fastB = e->addDevice(deviceIn(dir, "fb.swap", 64, 2000));
    auto slow = e->addDevice(deviceIn(dir, "slow.swap", 8, 10));
    ST_VERIFY_OK(fastA);
    ST_VERIFY_OK(fastB);
    ST_VERIFY_OK(slow);
    const std::uint32_t fastBit = bitOf(*e, "fast");
    const std::uint32_t midBit = bitOf(*e, "mid");
    const std::uint32_t slowBit = bitOf(*e, "slow");
    QCOMPARE(fastBit, 1u);
    QCOMPARE(slowBit, 4u);

    std::vector<SlotId> held;
    auto store = [&](Placement placement, std::uint32_t mask, std::uint64_t seed, DeviceId only = {}) {
        StoreOptions o;
        o.placement = placement;
        o.allowedTiers = mask;
        o.device = only;
        const Page page = makePage(PageKind::Random, seed);
        return e->swapOut(page, CgroupId{1}, o);
    };

    // Only the slow tier: every page lands on the slow device, although the fast ones come first.
    for (std::uint64_t i = 0; i < 8; ++i) {
        auto slot = store(Placement::Auto, slowBit, i);
        ST_VERIFY_OK(slot);
        QCOMPARE(e->lookup(*slot)->device, *slow);
        held.push_back(*slot);
    }
    QCOMPARE(tierStats(e->stats(), "slow")->usedSlots, std::uint64_t(8));
    // The slow tier is full now: the fast devices are not used as a fallback.
    auto full = store(Placement::DeviceOnly, slowBit, 100);
    QCOMPARE(full.code(), Errc::DeviceFull);
    full = store(Placement::Auto, slowBit, 101);
    QCOMPARE(full.code(), Errc::BackendFull);

    // Only the fast tier: both fast devices take turns, the slow one is never used.
    std::set<DeviceId> used;
    for (std::uint64_t i = 0; i < 8; ++i) {
        auto slot = store(Placement::Auto, fastBit | midBit, 200 + i);
        ST_VERIFY_OK(slot);
        used.insert(e->lookup(*slot)->device);
        held.push_back(*slot);
    }
    QCOMPARE(used, (std::set<DeviceId>{*fastA, *fastB}));
    QCOMPARE(tierStats(e->stats(), "fast")->usedSlots, std::uint64_t(8));

    // No allowed device at all: the tier is empty, or the mask names no tier.
    QCOMPARE(store(Placement::DeviceOnly, midBit, 300).code(), Errc::NoDevice);
    QCOMPARE(store(Placement::DeviceOnly, 0, 301).code(), Errc::NoDevice);
    QCOMPARE(store(Placement::DeviceOnly, 1u << 5, 302).code(), Errc::NoDevice); // past the table
    QCOMPARE(store(Placement::Auto, midBit, 303).code(), Errc::BackendFull);
    // A named device of a disallowed tier is skipped too; a device that does not exist is unknown.
    QCOMPARE(store(Placement::DeviceOnly, slowBit, 304, *fastA).code(), Errc::NoDevice);
    QCOMPARE(store(Placement::DeviceOnly, fastBit, 305, DeviceId{999}).code(), Errc::UnknownDevice);
    auto named = store(Placement::DeviceOnly, fastBit, 306, *fastB);
    ST_VERIFY_OK(named);
    QCOMPARE(e->lookup(*named)->device, *fastB);
    held.push_back(*named);

    // Failed stores kept nothing.
    const EngineStats s = e->stats();
    QCOMPARE(s.slotTable.liveEntries, std::uint64_t(held.size()));
    for (SlotId slot : held)
        ST_VERIFY_OK(e->put(slot));
}

void TstTiers::movesHonourAllowedTiers() {
    auto dir = makeScratchDir();
    auto e = makeEngine();
    const auto [fast, slow] = addFastAndSlow(*e, dir);
    const std::uint32_t fastBit = bitOf(*e, "fast");
    const std::uint32_t slowBit = bitOf(*e, "slow");

    const Page page = makePage(PageKind::Text, 7);
    auto slot = e->swapOut(page, CgroupId{1});
    ST_VERIFY_OK(slot);
    QCOMPARE(e->lookup(*slot)->device, fast);

    // Any device of the fast tier: already there. Demote to the slow tier, then promote back.
    auto r = e->move(*slot, MoveTarget::anyDevice({}, fastBit));
    ST_VERIFY_OK(r);
    QCOMPARE(*r, MoveOutcome::AlreadyThere);
    r = e->move(*slot, MoveTarget::anyDevice({}, slowBit));
    ST_VERIFY_OK(r);
    QCOMPARE(*r, MoveOutcome::Moved);
    QCOMPARE(e->lookup(*slot)->device, slow);
    r = e->move(*slot, MoveTarget::anyDevice());
    ST_VERIFY_OK(r);
    QCOMPARE(*r, MoveOutcome::AlreadyThere); // any tier: the slow device will do
    r = e->move(*slot, MoveTarget::anyDevice({}, fastBit));
    ST_VERIFY_OK(r);
    QCOMPARE(*r, MoveOutcome::Moved);
    QCOMPARE(e->lookup(*slot)->device, fast);
    // Nowhere to go: the entry stays where it was.
    r = e->move(*slot, MoveTarget::anyDevice(slow, slowBit));
    QCOMPARE(r.code(), Errc::NoDevice);
    QCOMPARE(e->lookup(*slot)->device, fast);
    Page got;
    ST_VERIFY_OK(e->swapIn(*slot, got));
    QVERIFY(got == page);
    ST_VERIFY_OK(e->put(*slot));
}

void TstTiers::storesWhileTableFlips() {
    // Two tables with the same names in the same order; the device at 500 changes tier with
    // every flip, the others never do. Stores limited to tier 0 ("hi") fill the device at 2000
    // first; then they go to the device at 500 or fail (DeviceFull), depending on the table
    // they saw, but never use the device at 50.
    //
    // Loose lockstep, so both tables are really used on any scheduler: store i of a thread
    // waits for flip i / 4, and flip k waits until 16k - 8 stores are done. Flips still race
    // with stores in flight (up to 8 of them), and every phase has at least 8 stores that
    // began and ended under one table.
    const TierList tableA{{"hi", 1000, 32767}, {"lo", -1, 999}};
    const TierList tableB{{"hi", 100, 32767}, {"lo", -1, 99}};
    constexpr int kThreads = 4;
    constexpr int kPerThread = 300;
    constexpr int kPerPhase = 4;                                      // stores per thread and flip
    constexpr int kPhases = kThreads * kPerThread / (kThreads * kPerPhase);

    auto dir = makeScratchDir();
    auto e = makeEngine();
    ST_VERIFY_OK(e->setTiers(tableA));
    auto top = e->addDevice(deviceIn(dir, "top.swap", kPerThread, 2000));
    auto middle = e->addDevice(deviceIn(dir, "middle.swap", kThreads * kPerThread, 500));
    auto bottom = e->addDevice(deviceIn(dir, "bottom.swap", kThreads * kPerThread, 50));
    ST_VERIFY_OK(top);
    ST_VERIFY_OK(middle);
    ST_VERIFY_OK(bottom);

    std::atomic<int> flips{0};
    std::atomic<int> done{0};
    std::atomic<int> flipFailures{0};
    std::thread flipper([&] {
        for (int k = 1; k <= kPhases; ++k) {
            while (done.load(std::memory_order_acquire) < k * kThreads * kPerPhase - kThreads * kPerPhase / 2)
                std::this_thread::yield();
            if (!e->setTiers(k % 2 ? tableB : tableA).ok() || e->stats().tiers.size() != 2)
                ++flipFailures; // stats read the table while stores use it
            flips.store(k, std::memory_order_release);
        }
    });

    std::vector<std::vector<std::pair<SlotId, std::uint64_t>>> stored(kThreads);
    std::atomic<int> deviceFull{0};
    std::atomic<int> otherFailures{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t) {
        workers.emplace_back([&, t] {
            StoreOptions o;
            o.placement = Placement::DeviceOnly;
            o.allowedTiers = 1u; // "hi" in both tables
            for (int i = 0; i < kPerThread; ++i) {
                while (flips.load(std::memory_order_acquire) < i / kPerPhase)
                    std::this_thread::yield();
                const std::uint64_t seed = std::uint64_t(t) * 100000 + std::uint64_t(i);
                const Page page = makePage(PageKind::Random, seed);
                auto slot = e->swapOut(page, CgroupId{std::uint16_t(t + 1)}, o);
                if (slot)
                    stored[std::size_t(t)].emplace_back(*slot, seed);
                else
                    ++(slot.code() == Errc::DeviceFull ? deviceFull : otherFailures);
                done.fetch_add(1, std::memory_order_release);
            }
        });
    }
    for (auto& w : workers)
        w.join();
    flipper.join();
    QCOMPARE(flips.load(), kPhases);
    QCOMPARE(flipFailures.load(), 0);
    QCOMPARE(otherFailures.load(), 0);

    std::size_t onMiddle = 0;
    std::size_t total = 0;
    for (const auto& list : stored) {
        total += list.size();
        for (const auto& [slot, seed] : list) {
            auto info = e->lookup(slot);
            ST_VERIFY_OK(info);
            QVERIFY(info->device != *bottom);
            onMiddle += info->device == *middle;
            Page got;
            ST_VERIFY_OK(e->swapIn(slot, got));
            QVERIFY(got == makePage(PageKind::Random, seed));
            ST_VERIFY_OK(e->put(slot));
        }
    }
    qDebug("%d table flips; %zu pages on the device that changes tier, %d stores found no room", flips.load(),
           onMiddle, deviceFull.load());
    QCOMPARE(total + std::size_t(deviceFull.load()), std::size_t(kThreads * kPerThread));
    QCOMPARE(total - onMiddle, std::size_t(kPerThread)); // "top" was filled
    QVERIFY(onMiddle > 0);        // under table B
    QVERIFY(deviceFull.load() > 0); // under table A, once "top" was full
    const EngineStats s = e->stats();
    QCOMPARE(s.slotTable.liveEntries, std::uint64_t(0));
    for (const TierStats& tier : s.tiers)
        QCOMPARE(tier.usedSlots, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TstTiers)
#include "tst_tiers.moc"
