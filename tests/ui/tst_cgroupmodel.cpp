// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupModel under QAbstractItemModelTester: the tree follows the parents (root, children,
// grandchildren), figures per column, a snapshot with the same cgroups gives ranged
// dataChanged per sibling group and no reset, a new cgroup a reset; a recursive filter proxy
// finds a grandchild with its ancestors; 500 cgroups build and update.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/cgroupmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

CgroupUsage usage(const std::string& name, std::uint64_t pool, std::uint64_t device) {
    CgroupUsage c;
    c.name = name;
    c.residentPages = 256;
    c.swappedPages[std::size_t(Backend::Pool)] = pool;
    c.swappedPages[std::size_t(Backend::Device)] = device;
    c.poolBytes = pool * 1000;
    return c;
}

/// "/", "/a", "/b", "/a/x" (parents -1, 0, 0, 1); `extra` adds "/b/y".
std::shared_ptr<const HostSnapshot> tree(std::uint64_t scale, bool extra = false) {
    auto s = std::make_shared<HostSnapshot>();
    s->sample.cgroups = {usage("/", 0, 0), usage("a", 10 * scale, 1), usage("b", 20 * scale, 2), usage("x", 5, 5)};
    s->sample.cgroups[1].memoryMax = 2u << 20;
    s->cgroupParents = {-1, 0, 0, 1};
    if (extra) {
        s->sample.cgroups.push_back(usage("y", 1, 1));
        s->cgroupParents.push_back(2);
    }
    return s;
}

} // namespace

class TestCgroupModel : public QObject {
    Q_OBJECT

private slots:
    void treeFollowsTheParents();
    void sameCgroupsGiveRangedUpdates();
    void recursiveFilterKeepsAncestors();
    void fiveHundredCgroups();
    void tierColumns();
    void policyColumns_data();
    void policyColumns();
};

void TestCgroupModel::treeFollowsTheParents() {
    CgroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(tree(1));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(root.data().toString(), u"/"_s);
    QCOMPARE(model.rowCount(root), 2);
    const QModelIndex a = model.index(0, 0, root);
    const QModelIndex b = model.index(1, 0, root);
    QCOMPARE(a.data().toString(), u"a"_s);
    QCOMPARE(b.data().toString(), u"b"_s);
    QCOMPARE(model.rowCount(a), 1);
    QCOMPARE(model.rowCount(b), 0);
    const QModelIndex x = model.index(0, 0, a);
    QCOMPARE(x.data().toString(), u"x"_s);
    QCOMPARE(x.parent(), a);
    QCOMPARE(a.parent(), root);
    QCOMPARE(model.indexOfCgroup(3), x);
    QCOMPARE(x.data(CgroupModel::CgroupIndexRole).toInt(), 3);
    QCOMPARE(model.index(0, CgroupModel::Swapped, root).data(CgroupModel::RawValueRole).toULongLong(), 11u);
    QCOMPARE(model.index(0, CgroupModel::Pool, root).data(CgroupModel::RawValueRole).toULongLong(), 10u);
    QCOMPARE(model.index(0, CgroupModel::MemoryMax, root).data().toString(), u"2.0 MiB"_s);
    QCOMPARE(model.index(1, CgroupModel::MemoryMax, root).data().toString(), u"max"_s);
    QCOMPARE(model.index(0, CgroupModel::Resident, root).data().toString(), u"1.0 MiB"_s);
    for (int c = 0; c < CgroupModel::ColumnCount; ++c)
        QVERIFY(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20);
}

void TestCgroupModel::sameCgroupsGiveRangedUpdates() {
    CgroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(tree(1));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(tree(3));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 3); // the top row, the root's children, a's child
    for (const auto& args : changed) {
        const QModelIndex first = args.at(0).toModelIndex();
        const QModelIndex last = args.at(1).toModelIndex();
        QCOMPARE(first.parent(), last.parent());
        QCOMPARE(first.column(), 0);
        QCOMPARE(last.column(), CgroupModel::ColumnCount - 1);
    }
    QCOMPARE(model.indexOfCgroup(2).siblingAtColumn(CgroupModel::Pool).data(CgroupModel::RawValueRole).toULongLong(), 60u);
    model.setSnapshot(tree(3, true));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(model.indexOfCgroup(2)), 1);
}

void TestCgroupModel::recursiveFilterKeepsAncestors() {
    CgroupModel model;
    model.setSnapshot(tree(1, true));
    QSortFilterProxyModel proxy;
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setFilterFixedString(u"x"_s);
    QCOMPARE(proxy.rowCount(), 1); // "/"
    const QModelIndex root = proxy.index(0, 0);
    QCOMPARE(proxy.rowCount(root), 1); // only "a" leads to "x"
    const QModelIndex a = proxy.index(0, 0, root);
    QCOMPARE(a.data().toString(), u"a"_s);
    QCOMPARE(proxy.index(0, 0, a).data().toString(), u"x"_s);
}

void TestCgroupModel::fiveHundredCgroups() {
    auto s = std::make_shared<HostSnapshot>();
    s->sample.cgroups.push_back(usage("/", 0, 0));
    s->cgroupParents.push_back(-1);
    for (int i = 1; i < 500; ++i) { // 20 parents under the root, the rest spread below them
        s->sample.cgroups.push_back(usage("cg" + std::to_string(i), std::uint64_t(i), 0));
        s->cgroupParents.push_back(i <= 20 ? 0 : 1 + (i % 20));
    }
    CgroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(s);
    QCOMPARE(model.rowCount(model.index(0, 0)), 20);
    int total = 0;
    for (int r = 0; r < 20; ++r)
        total += model.rowCount(model.index(r, 0, model.index(0, 0)));
    QCOMPARE(total, 479);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSnapshot(std::make_shared<HostSnapshot>(*s));
    QCOMPARE(changed.size(), 1 + 1 + 20); // top, the root's children, each parent's children
}

// Two tiers: a column each right after "Swapfiles", the cgroup's pages on that tier's devices;
// the fixed columns after them shift; a new tier list resets the model (new columns).
void TestCgroupModel::tierColumns() {
    auto s = std::const_pointer_cast<HostSnapshot>(tree(1));
    TierUsage fast, slow, slow2;
    fast.backend = slow.backend = slow2.backend = Backend::Device;
    fast.device = 0;
    fast.tier = "fast";
    slow.device = 1;
    slow.tier = "slow";
    slow2.device = 2;
    slow2.tier = "slow";
    s->sample.tiers = {fast, slow, slow2};
    s->sample.cgroups[1].deviceEntries = {1, 0, 0};   // a: 1 device page, on fast
    s->sample.cgroups[2].deviceEntries = {0, 1, 1};   // b: 2, both slow
    s->sample.cgroups[3].deviceEntries = {2, 3, 0};   // x: 5
    const std::vector<TierSpec> tiers = {{"fast", 10, kMaxSwapPriority}, {"slow", kMinSwapPriority, 9}};
    s->tierOccupancy = TierOccupancy::of(s->sample, tiers);

    CgroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(s);
    QCOMPARE(model.columnCount(), int(CgroupModel::ColumnCount) + 2);
    QCOMPARE(model.tierColumn(0), CgroupModel::Device + 1);
    QCOMPARE(model.column(CgroupModel::InMemory), CgroupModel::Device + 3);
    QCOMPARE(model.headerData(model.tierColumn(0), Qt::Horizontal).toString(), u"Tier fast"_s);
    QCOMPARE(model.headerData(model.tierColumn(1), Qt::Horizontal).toString(), u"Tier slow"_s);
    QVERIFY(model.headerData(model.tierColumn(1), Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"slow"_s));
    QCOMPARE(model.headerData(model.column(CgroupModel::SwapIns), Qt::Horizontal).toString(), u"Swap-ins"_s);
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());

    const auto value = [&](int cgroup, int column) {
        return model.indexOfCgroup(cgroup).siblingAtColumn(column).data(CgroupModel::RawValueRole).toULongLong();
    };
    QCOMPARE(value(1, model.tierColumn(0)), 1u);
    QCOMPARE(value(1, model.tierColumn(1)), 0u);
    QCOMPARE(value(2, model.tierColumn(1)), 2u);
    QCOMPARE(value(3, model.tierColumn(0)), 2u);
    QCOMPARE(value(3, model.tierColumn(1)), 3u);
    QCOMPARE(value(3, model.column(CgroupModel::Device)), 5u);
    QCOMPARE(value(3, model.column(CgroupModel::PoolBytes)), 5000u);
    QCOMPARE(model.indexOfCgroup(3).siblingAtColumn(model.tierColumn(1)).data().toString(), QLocale().toString(3));

    // Same tiers: ranged updates up to the last column, no reset.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto same = std::make_shared<HostSnapshot>(*s);
    same->sample.cgroups[3].deviceEntries = {0, 5, 0};
    model.setSnapshot(same);
    QCOMPARE(reset.size(), 1);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().at(1).toModelIndex().column(), model.columnCount() - 1);
    QCOMPARE(value(3, model.tierColumn(0)), 0u);
    QCOMPARE(value(3, model.tierColumn(1)), 5u);

    // Another tier list: new columns, by a reset.
    auto fewer = std::make_shared<HostSnapshot>(*same);
    fewer->sample.tiers = {slow, slow2}; // only the slow tier left, no tiers in the setup
    fewer->tierOccupancy = TierOccupancy::of(fewer->sample, {});
    model.setSnapshot(fewer);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.columnCount(), int(CgroupModel::ColumnCount) + 1);
    QCOMPARE(model.headerData(model.tierColumn(0), Qt::Horizontal).toString(), u"Tier slow"_s);
}

// The limits and policy of each cgroup as the run has them (HostSnapshot::config, same order
// as the sample); without a setup the columns are empty. With tiers the columns shift.
void TestCgroupModel::policyColumns_data() {
    QTest::addColumn<bool>("withTiers");
    QTest::newRow("no tiers") << false;
    QTest::newRow("two tier columns before them") << true;
}

void TestCgroupModel::policyColumns() {
    QFETCH(bool, withTiers);
    auto s = std::const_pointer_cast<HostSnapshot>(tree(1));
    auto config = std::make_shared<SandboxConfig>();
    config->cgroups.resize(4);
    config->cgroups[1].swapMax = 64ull << 20;
    config->cgroups[1].zswapMax = 0;
    config->cgroups[1].zswapWriteback = false;
    config->cgroups[3].allowedTiers = {"fast", "slow"};
    s->config = config;
    if (withTiers) {
        TierUsage fast, slow;
        fast.backend = slow.backend = Backend::Device;
        fast.device = 0;
        fast.tier = "fast";
        slow.device = 1;
        slow.tier = "slow";
        s->sample.tiers = {fast, slow};
        s->tierOccupancy = TierOccupancy::of(s->sample, {});
    }
    CgroupModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(s);
    const auto text = [&](int cgroup, CgroupModel::Column c) {
        return model.indexOfCgroup(cgroup).siblingAtColumn(model.column(c)).data().toString();
    };
    QCOMPARE(text(1, CgroupModel::SwapMax), u"64.0 MiB"_s);
    QCOMPARE(text(1, CgroupModel::ZswapMax), u"0 B"_s);
    QCOMPARE(text(1, CgroupModel::ZswapWriteback), u"off"_s);
    QCOMPARE(text(1, CgroupModel::AllowedTiers), u"every tier"_s);
    QCOMPARE(text(2, CgroupModel::SwapMax), u"max"_s);
    QCOMPARE(text(2, CgroupModel::ZswapWriteback), u"on"_s);
    QCOMPARE(text(3, CgroupModel::AllowedTiers), u"fast, slow"_s);
    QCOMPARE(model.headerData(model.column(CgroupModel::AllowedTiers), Qt::Horizontal).toString(), u"Allowed tiers"_s);
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20);

    // No setup (a source without one): nothing shown, nothing made up.
    auto bare = std::make_shared<HostSnapshot>(*s);
    bare->config.reset();
    model.setSnapshot(bare);
    QVERIFY(!model.indexOfCgroup(1).siblingAtColumn(model.column(CgroupModel::SwapMax)).data().isValid());
    QVERIFY(!model.indexOfCgroup(1).siblingAtColumn(model.column(CgroupModel::AllowedTiers)).data().isValid());
}

QTEST_MAIN(TestCgroupModel)
#include "tst_cgroupmodel.moc"
