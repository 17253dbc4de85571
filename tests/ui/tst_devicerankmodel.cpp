// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceRankModel: the run's active swapfiles ranked by priority, with tier and use; edits and
// drops become requests, never changes of the model itself.
#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/devicerankmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const HostSnapshot> snapshot(std::vector<int> priorities, std::vector<bool> active = {}) {
    auto s = std::make_shared<HostSnapshot>();
    auto c = std::make_shared<SandboxConfig>();
    c->tiers = {{"fast", 10, kMaxSwapPriority}, {"slow", kMinSwapPriority, 9}};
    for (std::size_t i = 0; i < priorities.size(); ++i) {
        DeviceOptions d;
        d.path = "/swap/d" + std::to_string(i);
        d.sizeBytes = std::uint64_t(i + 1) << 20;
        d.priority = priorities[i];
        c->devices.push_back(d);
        s->deviceNames.push_back("d" + std::to_string(i));
        TierUsage t;
        t.backend = Backend::Device;
        t.device = int(i);
        t.storedBytes = std::uint64_t(i) * 4096;
        s->sample.tiers.push_back(t);
    }
    s->config = c;
    s->deviceActive = active.empty() ? std::vector<bool>(priorities.size(), true) : active;
    s->state = HostSnapshot::State::Running;
    return s;
}

QStringList names(const DeviceRankModel& m) {
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.index(r, DeviceRankModel::Name).data().toString();
    return out;
}

} // namespace

class TestDeviceRankModel : public QObject {
    Q_OBJECT

private slots:
    void ranksByPriority_data();
    void ranksByPriority();
    void sameRowsGiveOneRangedDataChanged();
    void editingAPriorityRequestsIt();
    void dropRequestsAMove_data();
    void dropRequestsAMove();
};

void TestDeviceRankModel::ranksByPriority_data() {
    QTest::addColumn<std::vector<int>>("priorities");
    QTest::addColumn<std::vector<bool>>("active");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QList<int>>("ranks");
    QTest::addColumn<QStringList>("tiers");
    QTest::newRow("by priority") << std::vector<int>{1, 20, 10} << std::vector<bool>{}
                                 << QStringList{u"d1"_s, u"d2"_s, u"d0"_s} << QList<int>{1, 2, 3}
                                 << QStringList{u"fast"_s, u"fast"_s, u"slow"_s};
    QTest::newRow("equal share a rank, index order") << std::vector<int>{5, 5, 7} << std::vector<bool>{}
                                                     << QStringList{u"d2"_s, u"d0"_s, u"d1"_s} << QList<int>{1, 2, 2}
                                                     << QStringList{u"slow"_s, u"slow"_s, u"slow"_s};
    QTest::newRow("swapped off left out") << std::vector<int>{5, 6, 7} << std::vector<bool>{true, false, true}
                                          << QStringList{u"d2"_s, u"d0"_s} << QList<int>{1, 2}
                                          << QStringList{u"slow"_s, u"slow"_s};
}

void TestDeviceRankModel::ranksByPriority() {
    QFETCH(std::vector<int>, priorities);
    QFETCH(std::vector<bool>, active);
    QFETCH(QStringList, order);
    QFETCH(QList<int>, ranks);
    QFETCH(QStringList, tiers);
    DeviceRankModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(snapshot(priorities, active));
    QCOMPARE(names(model), order);
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.index(r, DeviceRankModel::Rank).data().toInt(), ranks[r]);
        QCOMPARE(model.index(r, DeviceRankModel::Tier).data().toString(), tiers[r]);
        const int device = model.index(r, 0).data(DeviceRankModel::DeviceIndexRole).toInt();
        QCOMPARE(model.index(r, DeviceRankModel::Priority).data().toInt(), priorities[std::size_t(device)]);
        QVERIFY(model.flags(model.index(r, DeviceRankModel::Priority)) & Qt::ItemIsEditable);
        QVERIFY(!(model.flags(model.index(r, DeviceRankModel::Name)) & Qt::ItemIsEditable));
    }
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestDeviceRankModel::sameRowsGiveOneRangedDataChanged() {
    DeviceRankModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(snapshot({3, 2, 1}));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSnapshot(snapshot({3, 2, 1}));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed[0][0].value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(changed[0][1].value<QModelIndex>(), model.index(2, DeviceRankModel::ColumnCount - 1));
    model.setSnapshot(snapshot({1, 2, 3})); // new order: a reset
    QCOMPARE(reset.count(), 1);
    QCOMPARE(names(model), (QStringList{u"d2"_s, u"d1"_s, u"d0"_s}));
}

void TestDeviceRankModel::editingAPriorityRequestsIt() {
    DeviceRankModel model;
    model.setSnapshot(snapshot({10, 1}));
    QSignalSpy requested(&model, &DeviceRankModel::priorityEditRequested);
    const QModelIndex slow = model.index(1, DeviceRankModel::Priority);
    QVERIFY(model.setData(slow, 20));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested[0][0].toInt(), 1);
    QCOMPARE(requested[0][1].toInt(), 20);
    QCOMPARE(slow.data().toInt(), 1); // shown once the run applied it
    QVERIFY(!model.setData(slow, 1)); // unchanged: no request
    QVERIFY(!model.setData(model.index(1, DeviceRankModel::Name), 3));
    QCOMPARE(requested.count(), 1);
}

void TestDeviceRankModel::dropRequestsAMove_data() {
    QTest::addColumn<int>("device");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("ontoRow");
    QTest::addColumn<int>("rank"); // -1: no request
    // Rows: d2 (30), d1 (20), d0 (10).
    QTest::newRow("bottom to top, between rows") << 0 << 0 << -1 << 0;
    QTest::newRow("top to the end") << 2 << 3 << -1 << 2;
    QTest::newRow("top below the second") << 2 << 2 << -1 << 1;
    QTest::newRow("onto a row takes its place (down)") << 2 << -1 << 1 << 1;
    QTest::newRow("onto a row takes its place (up)") << 0 << -1 << 0 << 0;
    QTest::newRow("onto itself: nothing") << 1 << -1 << 1 << -1;
    QTest::newRow("just below itself: nothing") << 1 << 2 << -1 << -1;
    QTest::newRow("empty space: the end") << 2 << -1 << -1 << 2;
}

void TestDeviceRankModel::dropRequestsAMove() {
    QFETCH(int, device);
    QFETCH(int, row);
    QFETCH(int, ontoRow);
    QFETCH(int, rank);
    DeviceRankModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(snapshot({10, 20, 30}));
    const int fromRow = int(std::find(model.order().begin(), model.order().end(), device) - model.order().begin());
    std::unique_ptr<QMimeData> data(model.mimeData({model.index(fromRow, 0)}));
    QVERIFY(data);
    QSignalSpy requested(&model, &DeviceRankModel::moveRequested);
    const QModelIndex parent = ontoRow >= 0 ? model.index(ontoRow, 0) : QModelIndex();
    QVERIFY(model.canDropMimeData(data.get(), Qt::MoveAction, row, 0, parent));
    QVERIFY(!model.dropMimeData(data.get(), Qt::MoveAction, row, 0, parent)); // the view removes nothing
    QCOMPARE(model.rowCount(), 3);
    if (rank < 0) {
        QCOMPARE(requested.count(), 0);
        return;
    }
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested[0][0].toInt(), device);
    QCOMPARE(requested[0][1].toInt(), rank);
    // Foreign data is refused.
    QMimeData text;
    text.setText(QStringLiteral("1"));
    QVERIFY(!model.canDropMimeData(&text, Qt::MoveAction, 0, 0, {}));
}

QTEST_MAIN(TestDeviceRankModel)
#include "tst_devicerankmodel.moc"
