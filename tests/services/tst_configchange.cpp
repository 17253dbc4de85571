// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigChange: a setting action that took changes the tracked setup as the engine changed
// its own; its inverse, read from the setup before, puts every changed field back.
#include <QtTest>

#include "configchange.h"

using namespace swaptier;
using swaptier::services::ConfigChange;
using Kind = SandboxAction::Kind;

namespace {

SandboxConfig twoDevices() {
    SandboxConfig c;
    c.devices.resize(2);
    c.devices[0].path = "/tmp/a";
    c.devices[0].priority = 10;
    c.devices[1].path = "/tmp/b";
    c.devices[1].priority = 1;
    c.tiers = {{"fast", 10, kMaxSwapPriority}, {"slow", kMinSwapPriority, 9}};
    CgroupSpec root;
    root.name = "/";
    CgroupSpec child;
    child.name = "batch";
    child.parent = 0;
    child.swapMax = 64 << 20;
    child.allowedTiers = {"slow"};
    c.cgroups = {root, child};
    return c;
}

/// The fields a setting action can change, as text, to compare whole setups.
QString settings(const SandboxConfig& c, const std::vector<bool>& active) {
    QStringList parts;
    for (std::size_t i = 0; i < c.devices.size(); ++i)
        parts << QStringLiteral("dev%1=%2%3").arg(i).arg(c.devices[i].priority).arg(i < active.size() && !active[i] ? QStringLiteral("off") : QString());
    parts << QStringLiteral("pool=%1/%2/%3/%4/%5")
                 .arg(c.engine.pool.enabled)
                 .arg(int(c.engine.pool.codec))
                 .arg(c.engine.pool.zstdLevel)
                 .arg(c.engine.pool.limitBytes)
                 .arg(c.engine.pool.acceptThresholdPercent);
    for (const CgroupSpec& g : c.cgroups) {
        QStringList tiers;
        for (const auto& t : g.allowedTiers)
            tiers << QString::fromStdString(t);
        parts << QStringLiteral("%1:%2/%3/%4/[%5]")
                     .arg(QString::fromStdString(g.name))
                     .arg(g.swapMax)
                     .arg(g.zswapMax)
                     .arg(g.zswapWriteback)
                     .arg(tiers.join(u','));
    }
    parts << QStringLiteral("promo=%1/%2/%3")
                 .arg(c.promotion.deviceToPool)
                 .arg(c.promotion.deviceToFasterTier)
                 .arg(c.promotion.minLoads);
    return parts.join(u' ');
}

} // namespace

Q_DECLARE_METATYPE(SandboxAction)

class TestConfigChange : public QObject {
    Q_OBJECT

private slots:
    void applyAndInverse_data();
    void applyAndInverse();
    void swapoffMarksTheDevice();
    void actionsThatChangeNothingHaveNoInverse_data();
    void actionsThatChangeNothingHaveNoInverse();
    void tierOf();
    void currentSetupDropsWhatIsGone();
    void currentSetupRenumbersAddedDevices();
};

void TestConfigChange::applyAndInverse_data() {
    QTest::addColumn<SandboxAction>("action");
    QTest::addColumn<QString>("changed"); // a piece of settings() that must appear after apply

    SandboxAction priority;
    priority.kind = Kind::SetPriority;
    priority.device = 1;
    priority.priority = 20;
    QTest::newRow("priority") << priority << QStringLiteral("dev1=20");

    SandboxAction pool;
    pool.kind = Kind::SetPool;
    pool.pool.codec = Codec::Zstd;
    pool.pool.zstdLevel = 7;
    pool.pool.limitBytes = 32 << 20;
    QTest::newRow("pool") << pool << QStringLiteral("pool=1/1/7/33554432/90");

    SandboxAction limit;
    limit.kind = Kind::SetCgroupPolicy;
    limit.cgroup = 1;
    limit.policy.zswapMax = 1 << 20;
    QTest::newRow("one limit") << limit << QStringLiteral("batch:67108864/1048576/1/[slow]");

    SandboxAction all;
    all.kind = Kind::SetCgroupPolicy;
    all.cgroup = 1;
    all.policy.swapMax = kNoLimit;
    all.policy.zswapWriteback = false;
    all.policy.allowedTiers = std::vector<std::string>{};
    QTest::newRow("every field")
        << all << QStringLiteral("batch:%1/%1/0/[]").arg(kNoLimit);

    SandboxAction promo;
    promo.kind = Kind::SetPromotion;
    promo.promotion.deviceToFasterTier = true;
    promo.promotion.minLoads = 3;
    QTest::newRow("promotion") << promo << QStringLiteral("promo=0/1/3");
}

void TestConfigChange::applyAndInverse() {
    QFETCH(SandboxAction, action);
    QFETCH(QString, changed);
    const SandboxConfig before = twoDevices();
    std::vector<bool> active(2, true);
    const QString original = settings(before, active);
    QVERIFY(ConfigChange::changesConfig(action.kind));

    const auto inverse = ConfigChange::inverse(before, action);
    QVERIFY(inverse);
    SandboxConfig after = before;
    QVERIFY(ConfigChange::apply(after, active, action));
    QVERIFY2(settings(after, active).contains(changed), qPrintable(settings(after, active)));
    QVERIFY(settings(after, active) != original);

    QVERIFY(ConfigChange::apply(after, active, *inverse));
    QCOMPARE(settings(after, active), original);
}

void TestConfigChange::swapoffMarksTheDevice() {
    SandboxConfig c = twoDevices();
    std::vector<bool> active(2, true);
    SandboxAction off;
    off.kind = Kind::Swapoff;
    off.device = 0;
    QVERIFY(ConfigChange::apply(c, active, off));
    QCOMPARE(active, (std::vector<bool>{false, true}));
    QVERIFY(!ConfigChange::apply(c, active, off)); // already off
    QVERIFY(!ConfigChange::inverse(c, off));       // a swapoff is not undone by an action
    off.device = 5;
    QVERIFY(!ConfigChange::apply(c, active, off)); // out of range: nothing
}

void TestConfigChange::actionsThatChangeNothingHaveNoInverse_data() {
    QTest::addColumn<int>("kind");
    QTest::newRow("compact pool") << int(Kind::CompactPool);
    QTest::newRow("compact device") << int(Kind::CompactDevice);
    QTest::newRow("writeback") << int(Kind::Writeback);
    QTest::newRow("recompress") << int(Kind::Recompress);
}

void TestConfigChange::actionsThatChangeNothingHaveNoInverse() {
    QFETCH(int, kind);
    SandboxAction a;
    a.kind = Kind(kind);
    SandboxConfig c = twoDevices();
    std::vector<bool> active(2, true);
    const QString before = settings(c, active);
    QVERIFY(!ConfigChange::changesConfig(a.kind));
    QVERIFY(!ConfigChange::apply(c, active, a));
    QVERIFY(!ConfigChange::inverse(c, a));
    QCOMPARE(settings(c, active), before);
}

void TestConfigChange::tierOf() {
    const SandboxConfig c = twoDevices();
    QCOMPARE(ConfigChange::tierOf(c, 10), std::string("fast"));
    QCOMPARE(ConfigChange::tierOf(c, 9), std::string("slow"));
    QCOMPARE(ConfigChange::tierOf(c, -1), std::string("slow"));
    QCOMPARE(ConfigChange::tierOf(SandboxConfig{}, 3), std::string("default"));
}

void TestConfigChange::currentSetupDropsWhatIsGone() {
    SandboxConfig c = twoDevices();
    c.devices.push_back(c.devices[1]);
    c.devices[2].path = "/tmp/c";
    c.deviceNames = {"a", "b", "c"};
    SandboxAction ran; // ran already: not saved
    ran.kind = Kind::CompactPool;
    SandboxAction onGone; // names the swapped-off device: dropped
    onGone.kind = Kind::CompactDevice;
    onGone.device = 1;
    SandboxAction onLast; // names device 2, which becomes 1
    onLast.kind = Kind::SetPriority;
    onLast.device = 2;
    onLast.priority = 3;
    SandboxAction cgroupAction; // no device: kept as is
    cgroupAction.kind = Kind::Writeback;
    cgroupAction.cgroup = 1;
    c.actions = {ran, onGone, onLast, cgroupAction};
    const SandboxConfig out = ConfigChange::currentSetup(c, {true, false, true}, {true, false, false, false}, {0, 1, 2});
    QCOMPARE(out.devices.size(), std::size_t(2));
    QCOMPARE(out.devices[1].path, std::string("/tmp/c"));
    QCOMPARE(out.deviceNames, (std::vector<std::string>{"a", "c"}));
    QCOMPARE(out.actions.size(), std::size_t(2));
    QCOMPARE(out.actions[0].kind, Kind::SetPriority);
    QCOMPARE(out.actions[0].device, 1);
    QCOMPARE(out.actions[1].kind, Kind::Writeback);
    QCOMPARE(out.cgroups.size(), c.cgroups.size());
}

// A scenario with devices a, b and three planned adds: x (ran, and got index 3 because a device
// "w" was added from the window first), y (ran and failed), z (not run yet). Device b is
// swapped off. Actions name devices by plan reference: a=0, b=1, x=2, y=3, z=4.
void TestConfigChange::currentSetupRenumbersAddedDevices() {
    SandboxConfig c = twoDevices();
    c.deviceNames = {"a", "b"};
    const auto add = [](const char* name) {
        SandboxAction a;
        a.kind = Kind::AddDevice;
        a.newDevice.path = std::string("/tmp/") + name;
        a.newDevice.sizeBytes = 1 << 20;
        a.newDeviceName = name;
        return a;
    };
    const auto onDevice = [](int device, int priority) {
        SandboxAction a;
        a.kind = Kind::SetPriority;
        a.device = device;
        a.priority = priority;
        return a;
    };
    // The setup now: a, b (off), w (from the window), x (the planned add that ran).
    std::vector<bool> active = {true, true};
    SandboxAction w = add("w");
    QVERIFY(ConfigChange::apply(c, active, w));
    QVERIFY(ConfigChange::apply(c, active, add("x")));
    QVERIFY(ConfigChange::apply(c, active, [] {
        SandboxAction off;
        off.kind = Kind::Swapoff;
        off.device = 1;
        return off;
    }()));
    c.actions = {add("x"), add("y"), add("z"), onDevice(2, 5), onDevice(3, 6), onDevice(4, 7), onDevice(1, 8),
                 onDevice(0, 9)};
    const std::vector<bool> ran = {true, true, false, false, false, false, false, false};
    const std::vector<int> planned = {0, 1, 3, -1, -1}; // x is device 3 of the setup; y failed; z not run

    const SandboxConfig out = ConfigChange::currentSetup(c, active, ran, planned);
    QCOMPARE(out.deviceNames, (std::vector<std::string>{"a", "w", "x"}));
    QCOMPARE(out.actions.size(), std::size_t(4)); // z's add; priorities of x, z, a (y failed, b is off)
    QCOMPARE(out.actions[0].kind, Kind::AddDevice);
    QCOMPARE(out.actions[0].newDeviceName, std::string("z"));
    QCOMPARE(out.actions[1].device, 2); // x
    QCOMPARE(out.actions[1].priority, 5);
    QCOMPARE(out.actions[2].device, 3); // z: after the three saved devices
    QCOMPARE(out.actions[2].priority, 7);
    QCOMPARE(out.actions[3].device, 0); // a
    QCOMPARE(out.actions[3].priority, 9);
}

QTEST_APPLESS_MAIN(TestConfigChange)
#include "tst_configchange.moc"
