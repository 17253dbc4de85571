// SPDX-License-Identifier: GPL-3.0-or-later
// TierModel under QAbstractItemModelTester: rows per backend and device with the figures of
// the snapshot (names from the device display names, ratio, share of capacity), one ranged
// dataChanged for a snapshot with the same rows, a reset when a device goes, tooltips on
// every column.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/tiermodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

TierUsage tier(Backend backend, int device, std::uint64_t entries, std::uint64_t stored, std::uint64_t capacity,
               const char* name = "", const char* tierName = "") {
    TierUsage t;
    t.backend = backend;
    t.device = device;
    t.name = name;
    t.tier = tierName;
    t.entries = entries;
    t.originalBytes = entries * 4096;
    t.storedBytes = stored;
    t.capacityBytes = capacity;
    return t;
}

std::shared_ptr<const HostSnapshot> snapshot(std::uint64_t poolEntries, bool withSlowDevice = true) {
    auto s = std::make_shared<HostSnapshot>();
    s->deviceNames = {"ssd", "hdd"};
    s->sample.tiers.push_back(tier(Backend::Zero, -1, 10, 0, 0, "zero"));
    s->sample.tiers.push_back(tier(Backend::Pool, -1, poolEntries, poolEntries * 1024, 8u << 20, "pool"));
    s->sample.tiers.push_back(tier(Backend::Device, 0, 100, 100 * 4096, 1u << 20, "/swap/ssd.swap", "fast"));
    if (withSlowDevice)
        s->sample.tiers.push_back(tier(Backend::Device, 1, 0, 0, 4u << 20, "/swap/hdd.swap", "slow"));
    return s;
}

} // namespace

class TestTierModel : public QObject {
    Q_OBJECT

private slots:
    void showsTheSnapshot();
    void sameRowsGiveDataChangedOtherRowsAReset();
    void everyColumnExplainsItself();
    void ratesPerPlaceFromTwoSamples();
};

void TestTierModel::showsTheSnapshot() {
    TierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(snapshot(2048));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(TierModel::ColumnCount));
    QCOMPARE(model.index(0, TierModel::Name).data().toString(), u"zero pages"_s);
    QCOMPARE(model.index(1, TierModel::Name).data().toString(), u"compressed pool"_s);
    QCOMPARE(model.index(2, TierModel::Name).data().toString(), u"ssd"_s); // display name, not the path
    QCOMPARE(model.index(2, TierModel::Tier).data().toString(), u"fast"_s);
    QCOMPARE(model.index(1, TierModel::Entries).data(TierModel::RawValueRole).toULongLong(), 2048u);
    QCOMPARE(model.index(1, TierModel::Stored).data().toString(), u"8.0 MiB"_s);
    QCOMPARE(model.index(1, TierModel::Resident).data().toString(), u"2.0 MiB"_s);
    QCOMPARE(model.index(1, TierModel::Ratio).data(TierModel::RawValueRole).toDouble(), 4.0);
    QCOMPARE(model.index(1, TierModel::Ratio).data().toString(), u"4.00"_s);
    QCOMPARE(model.index(1, TierModel::Used).data(TierModel::RawValueRole).toDouble(), 0.25);
    QCOMPARE(model.index(0, TierModel::Ratio).data().toString(), u"-"_s); // nothing stored
    QCOMPARE(model.index(0, TierModel::Capacity).data().toString(), QString()); // no capacity
    QCOMPARE(model.index(3, TierModel::Used).data(TierModel::SortRole).toDouble(), 0.0);
    QVERIFY(model.index(2, TierModel::Name).data(Qt::ToolTipRole).toString().contains(u"/swap/ssd.swap"_s));
}

void TestTierModel::sameRowsGiveDataChangedOtherRowsAReset() {
    TierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSnapshot(snapshot(100));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(snapshot(200));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.first().at(0).toModelIndex();
    const QModelIndex bottomRight = changed.first().at(1).toModelIndex();
    QCOMPARE(topLeft, model.index(0, 0));
    QCOMPARE(bottomRight, model.index(3, TierModel::ColumnCount - 1));
    QCOMPARE(model.index(1, TierModel::Entries).data(TierModel::RawValueRole).toULongLong(), 200u);

    model.setSnapshot(snapshot(200, false)); // the slow device was swapped off
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    model.setSnapshot(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestTierModel::everyColumnExplainsItself() {
    TierModel model;
    for (int c = 0; c < TierModel::ColumnCount; ++c) {
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY2(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20, qPrintable(QString::number(c)));
    }
    QVERIFY(!model.headerData(TierModel::ColumnCount, Qt::Horizontal).isValid());
}

void TestTierModel::ratesPerPlaceFromTwoSamples() {
    TierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto first = std::const_pointer_cast<HostSnapshot>(snapshot(100));
    first->sample.elapsedNanos = 1'000'000'000;
    first->sample.tiers[1].pagesIn = 50;
    first->sample.tiers[1].pagesOut = 1000;
    first->sample.tiers[2].pagesOut = 10;
    model.setSnapshot(first);
    QCOMPARE(model.index(1, TierModel::OutRate).data(TierModel::RawValueRole).toDouble(), 0.0); // one sample: no rate
    auto second = std::make_shared<HostSnapshot>(*first);
    second->sample.elapsedNanos = 1'500'000'000; // half a second later
    second->sample.tiers[1].pagesIn = 150;
    second->sample.tiers[1].pagesOut = 3000;
    second->sample.tiers[2].pagesOut = 20;
    model.setSnapshot(second);
    QCOMPARE(model.index(1, TierModel::InRate).data(TierModel::RawValueRole).toDouble(), 200.0);
    QCOMPARE(model.index(1, TierModel::OutRate).data(TierModel::RawValueRole).toDouble(), 4000.0);
    QCOMPARE(model.index(2, TierModel::OutRate).data(TierModel::RawValueRole).toDouble(), 20.0);
    QCOMPARE(model.index(0, TierModel::InRate).data(TierModel::RawValueRole).toDouble(), 0.0);
    QCOMPARE(model.index(1, TierModel::OutRate).data().toString(), QLocale().toString(4000.0, 'f', 0));
    // A republished snapshot of the same sample (a state change) keeps the rates.
    auto again = std::make_shared<HostSnapshot>(*second);
    model.setSnapshot(again);
    QCOMPARE(model.index(1, TierModel::OutRate).data(TierModel::RawValueRole).toDouble(), 4000.0);
}

QTEST_MAIN(TestTierModel)
#include "tst_tiermodel.moc"
