// SPDX-License-Identifier: GPL-3.0-or-later
// Per-cgroup device entries (CgroupStats::deviceEntries, by DeviceStats::index): two cgroups
// with entries on devices of two tiers and in the pool, then one way of moving entries per
// row (writeback pool -> device, promotion to a faster tier, swapoff and a new device on the
// freed index, swapfile compaction, narrowed allowed tiers, device -> pool). After each, the
// figures must equal the truth the engine gives entry by entry (lookup), name the devices the
// row expects, add up to each cgroup's Device figure and, per device, to its used slots.
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/engine.h"
#include "swaptier/policy.h"

#include <map>
#include <string>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using namespace Qt::StringLiterals;

namespace {

constexpr CgroupId kA{1}, kB{2};

enum class Action { None, Writeback, Promotion, Swapoff, SwapoffThenAdd, Compaction, NarrowTiers, ToPool };

/// Where entries are: cgroup name ("A", "B") -> device name -> entries.
using Spread = std::map<QString, std::map<QString, std::uint64_t>>;

struct Rig {
    QTemporaryDir dir = makeScratchDir();
    std::unique_ptr<Engine> engine;
    std::map<QString, DeviceId> devices;           // by name
    std::map<std::uint64_t, CgroupId> live;        // slot -> owner

    Rig() {
        EngineOptions o;
        o.pool.enabled = true;
        o.pool.codec = Codec::Lz4;
        auto e = Engine::create(o);
        if (!e)
            qFatal("Engine::create: %s", errcName(e.code()));
        engine = std::move(*e);
    }
    bool add(const QString& name, std::uint64_t pages, int priority) {
        const std::string file = name.toStdString() + ".swap";
        auto d = engine->addDevice(deviceIn(dir, file.c_str(), pages, priority));
        if (d)
            devices[name] = *d;
        return d.ok();
    }
    /// Stores `count` text pages of `cg` on device `device` ("" = PoolOnly); the slots.
    std::vector<SlotId> store(CgroupId cg, const QString& device, int count, std::uint64_t firstSeed) {
        std::vector<SlotId> out;
        for (int i = 0; i < count; ++i) {
            StoreOptions o;
            o.placement = device.isEmpty() ? Placement::PoolOnly : Placement::DeviceOnly;
            if (!device.isEmpty())
                o.device = devices.at(device);
            auto s = engine->swapOut(makePage(PageKind::Text, firstSeed + std::uint64_t(i)), cg, o);
            if (!s)
                return out;
            live.emplace(s->value, cg);
            out.push_back(*s);
        }
        return out;
    }
    bool put(const std::vector<SlotId>& entries) {
        for (SlotId s : entries) {
            if (!engine->put(s))
                return false;
            live.erase(s.value);
        }
        return true;
    }
    QString nameOf(DeviceId id) const {
        for (const auto& [name, d] : devices)
            if (d == id)
                return name;
        return u"?"_s;
    }
};

QString cgroupName(CgroupId id) { return id == kA ? u"A"_s : id == kB ? u"B"_s : QString::number(id.value); }

/// "A:F=20 B:S1=8" -> placement.
Spread parse(const QString& text) {
    Spread out;
    for (const QString& item : text.split(u' ', Qt::SkipEmptyParts)) {
        const auto colon = item.indexOf(u':'), eq = item.indexOf(u'=');
        out[item.left(colon)][item.mid(colon + 1, eq - colon - 1)] = item.mid(eq + 1).toULongLong();
    }
    return out;
}

QString format(const Spread& p) {
    QStringList items;
    for (const auto& [cg, devices] : p)
        for (const auto& [device, n] : devices)
            if (n)
                items << u"%1:%2=%3"_s.arg(cg, device).arg(n);
    return items.join(u' ');
}

/// Checks the statistics against each other and against the entries themselves; returns the
/// placement the statistics give, or a failure in `why`.
Spread checkedPlacement(const Rig& rig, QString* why) {
    const EngineStats s = rig.engine->stats();
    std::map<unsigned, const DeviceStats*> byIndex;
    for (const DeviceStats& d : s.devices)
        byIndex[d.index] = &d;
    Spread fromStats;
    std::map<unsigned, std::uint64_t> perDevice;
    for (const CgroupStats& c : s.cgroups) {
        std::uint64_t sum = 0;
        for (std::size_t index = 0; index < c.deviceEntries.size(); ++index) {
            const std::uint64_t n = c.deviceEntries[index];
            sum += n;
            perDevice[unsigned(index)] += n;
            if (n == 0)
                continue;
            if (!byIndex.count(unsigned(index))) {
                *why = u"cgroup %1 has %2 entries on index %3, which holds no device"_s.arg(c.id.value).arg(n).arg(index);
                return {};
            }
            fromStats[cgroupName(c.id)][rig.nameOf(byIndex[unsigned(index)]->id)] = n;
        }
        if (!c.deviceEntries.empty() && c.deviceEntries.back() == 0)
            *why = u"cgroup %1: deviceEntries ends with a 0"_s.arg(c.id.value);
        if (sum != c.backends[std::size_t(Backend::Device)].entries)
            *why = u"cgroup %1: device entries sum to %2, Device backend %3"_s.arg(c.id.value).arg(sum).arg(
                c.backends[std::size_t(Backend::Device)].entries);
    }
    for (const auto& [index, d] : byIndex)
        if (perDevice[index] != d->usedSlots)
            *why = u"device %1 (index %2): %3 used slots, cgroups count %4"_s.arg(rig.nameOf(d->id))
                       .arg(index).arg(d->usedSlots).arg(perDevice[index]);

    Spread truth;
    for (const auto& [slot, owner] : rig.live) {
        auto info = rig.engine->lookup(SlotId{slot});
        if (!info) {
            *why = u"lookup of a live slot failed: %1"_s.arg(QLatin1StringView(errcName(info.code())));
            return {};
        }
        if (info->cgroup != owner)
            *why = u"slot %1 belongs to cgroup %2, not %3"_s.arg(slot).arg(info->cgroup.value).arg(owner.value);
        if (info->backend == Backend::Device)
            ++truth[cgroupName(owner)][rig.nameOf(info->device)];
    }
    if (format(truth) != format(fromStats))
        *why = u"statistics say \"%1\", the entries \"%2\""_s.arg(format(fromStats), format(truth));
    return fromStats;
}

} // namespace

Q_DECLARE_METATYPE(Action)

class TstDeviceStats : public QObject {
    Q_OBJECT

private slots:
    void followsEveryMove_data();
    void followsEveryMove();
};

void TstDeviceStats::followsEveryMove_data() {
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("expected"); // cgroup:device=entries, devices with none left out

    const QString stored = u"A:S1=20 B:F=10 B:S1=8"_s;
    QTest::newRow("stored") << Action::None << stored;
    QTest::newRow("writeback pool -> device") << Action::Writeback << u"A:F=16 A:S1=20 B:F=22 B:S1=8"_s;
    QTest::newRow("promotion to a faster tier") << Action::Promotion << u"A:F=20 B:F=10 B:S1=8"_s;
    QTest::newRow("swapoff") << Action::Swapoff << u"A:F=20 B:F=18"_s;
    QTest::newRow("swapoff, then a device on its index") << Action::SwapoffThenAdd << u"A:F=20 B:F=18 B:S3=3"_s;
    QTest::newRow("compaction") << Action::Compaction << u"A:S1=20 B:F=10 B:S1=14"_s;
    QTest::newRow("allowed tiers narrowed") << Action::NarrowTiers << u"A:S1=20 B:S1=18"_s;
    QTest::newRow("device -> pool") << Action::ToPool << u"A:S1=20 B:S1=8"_s;
}

void TstDeviceStats::followsEveryMove() {
    QFETCH(Action, action);
    QFETCH(QString, expected);
    Rig rig;
    ST_VERIFY_OK(rig.engine->setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}));
    QVERIFY(rig.add(u"F"_s, 256, 2000));
    QVERIFY(rig.add(u"S1"_s, 2048, 20)); // 4 clusters: room above the first one to compact
    QVERIFY(rig.add(u"S2"_s, 256, 10));
    CgroupPolicy child;
    child.parent = CgroupId{0};
    ST_VERIFY_OK(rig.engine->setCgroupPolicy(kA, child));
    ST_VERIFY_OK(rig.engine->setCgroupPolicy(kB, child));

    const std::vector<SlotId> aSlow = rig.store(kA, u"S1"_s, 20, 0);
    QCOMPARE(rig.store(kA, QString(), 16, 100).size(), std::size_t(16));
    const std::vector<SlotId> bFast = rig.store(kB, u"F"_s, 10, 200);
    QCOMPARE(rig.store(kB, u"S1"_s, 8, 300).size(), std::size_t(8));
    QCOMPARE(rig.store(kB, QString(), 12, 400).size(), std::size_t(12));
    QCOMPARE(aSlow.size(), std::size_t(20));
    QCOMPARE(bFast.size(), std::size_t(10));
    QString why;
    QCOMPARE(format(checkedPlacement(rig, &why)), u"A:S1=20 B:F=10 B:S1=8"_s);
    QVERIFY2(why.isEmpty(), qPrintable(why));

    switch (action) {
    case Action::None:
        break;
    case Action::Writeback: {
        WritebackOptions o;
        o.secondChance = false;
        auto r = rig.engine->writeback(o);
        ST_VERIFY_OK(r);
        QCOMPARE(r->written, std::uint64_t(28));
        break;
    }
    case Action::Promotion: {
        PromotionPolicy p;
        p.deviceToFasterTier = true;
        ST_VERIFY_OK(rig.engine->setPromotionPolicy(p));
        for (std::size_t i = 0; i < aSlow.size(); ++i) {
            Page got;
            ST_VERIFY_OK(rig.engine->swapIn(aSlow[i], got));
            QVERIFY(got == makePage(PageKind::Text, i));
        }
        QCOMPARE(rig.engine->stats().events.tierPromotions, std::uint64_t(20));
        break;
    }
    case Action::Swapoff:
    case Action::SwapoffThenAdd: {
        SwapoffOptions o;
        o.allowMemory = false;
        o.removeFile = true;
        unsigned freedIndex = 0;
        for (const DeviceStats& d : rig.engine->stats().devices)
            if (d.id == rig.devices.at(u"S1"_s))
                freedIndex = d.index;
        auto r = rig.engine->swapoff(rig.devices.at(u"S1"_s), o);
        ST_VERIFY_OK(r);
        QCOMPARE(r->entries, std::uint64_t(28));
        QCOMPARE(r->device.index, freedIndex);
        rig.devices.erase(u"S1"_s);
        if (action == Action::SwapoffThenAdd) {
            QVERIFY(rig.add(u"S3"_s, 256, 20));
            bool reused = false;
            for (const DeviceStats& d : rig.engine->stats().devices)
                reused = reused || (d.id == rig.devices.at(u"S3"_s) && d.index == freedIndex);
            QVERIFY2(reused, "the new device should take the swapped-off device's index");
            QCOMPARE(rig.store(kB, u"S3"_s, 3, 600).size(), std::size_t(3));
        }
        break;
    }
    case Action::Compaction: {
        // Fill the first cluster, put B's next pages above it, then free the filler: the
        // compaction moves B's pages down, within the device.
        const std::vector<SlotId> filler = rig.store(kA, u"S1"_s, 520, 1000);
        QCOMPARE(filler.size(), std::size_t(520));
        QCOMPARE(rig.store(kB, u"S1"_s, 6, 500).size(), std::size_t(6));
        QVERIFY(rig.put(filler));
        auto r = rig.engine->compactDevice(rig.devices.at(u"S1"_s), CompactOptions{});
        ST_VERIFY_OK(r);
        QVERIFY2(r->moved >= 6, qPrintable(QString::number(r->moved)));
        QVERIFY(r->shrunk);
        break;
    }
    case Action::NarrowTiers: {
        CgroupPolicy slowOnly = child;
        slowOnly.allowedTiers = std::vector<std::string>{"slow"};
        auto r = rig.engine->setCgroupPolicy(kB, slowOnly);
        ST_VERIFY_OK(r);
        QVERIFY(r->satisfied);
        break;
    }
    case Action::ToPool: {
        const BatchMoveResult r = rig.engine->moveBatch(bFast, MoveTarget::pool());
        QCOMPARE(r.moved, std::uint64_t(10));
        break;
    }
    }

    QCOMPARE(format(checkedPlacement(rig, &why)), format(parse(expected)));
    QVERIFY2(why.isEmpty(), qPrintable(why));

    // Every entry put: no device entries left anywhere.
    std::vector<SlotId> all;
    for (const auto& [slot, owner] : rig.live)
        all.push_back(SlotId{slot});
    QVERIFY(rig.put(all));
    const EngineStats s = rig.engine->stats();
    for (const CgroupStats& c : s.cgroups) {
        QVERIFY2(c.deviceEntries.empty(), qPrintable(QString::number(c.id.value)));
        QCOMPARE(c.backends[std::size_t(Backend::Device)].entries, std::uint64_t(0));
    }
}

QTEST_APPLESS_MAIN(TstDeviceStats)
#include "tst_devicestats.moc"
