// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonModel: one row per compared figure with both designs' values in their units and the
// classic / virtual ratio ("=", "∞" and plain ratios), the better design's cell in bold, a
// tooltip per figure; a result with the same figures updates in place, other figures reset the
// model; all under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/comparisonmodel.h"
#include "sandboxsummary.h"

#include <cmath>
#include <memory>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr quint64 kMiB = 1024 * 1024;

/// A virtual and a classic report with known figures; `swapoff` adds a swapoff to both.
std::shared_ptr<ComparisonResult> result(bool swapoff, quint64 classicWall = 6'000'000) {
    auto r = std::make_shared<ComparisonResult>();
    r->scenario = u"fixture"_s;
    SandboxReport& v = r->virtualRun;
    SandboxReport& c = r->classicRun;
    v.design = SwapDesign::Virtual;
    c.design = SwapDesign::Classic;
    v.figures.wallNanos = 2'000'000;
    c.figures.wallNanos = classicWall;
    v.figures.cpuNanos = c.figures.cpuNanos = 1'500'000;
    v.counters.accesses = c.counters.accesses = 1000;
    v.counters.swapOuts = c.counters.swapOuts = 300;
    v.counters.swapInFaults = c.counters.swapInFaults = 120;
    v.figures.pagesWritten = 100;
    c.figures.pagesWritten = 110;
    v.figures.peakDiskReservedBytes = 1 * kMiB;
    c.figures.peakDiskReservedBytes = 4 * kMiB;
    v.figures.peakMetadataBytes = 48 * kMiB;
    c.figures.peakMetadataBytes = 24 * kMiB;
    if (swapoff) {
        SwapoffFigures sv;
        sv.nanos = 1'000'000;
        SwapoffFigures sc = sv;
        sc.nanos = 9'000'000;
        sc.ptesVisited = 9000;
        v.swapoffs = {sv};
        c.swapoffs = {sc};
    }
    r->rows = SandboxSummary::comparisonRows(v, c);
    return r;
}

int rowOf(const ComparisonModel& m, const QString& key) {
    for (int i = 0; i < m.rowCount(); ++i)
        if (m.index(i, 0).data(ComparisonModel::KeyRole).toString() == key)
            return i;
    return -1;
}

} // namespace

class TestComparisonModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void values_data();
    void values();
    void betterDesignIsBoldAndExplained();
    void updatesInPlaceOrResets();
};

void TestComparisonModel::initTestCase() { QLocale::setDefault(QLocale::c()); }

void TestComparisonModel::values_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("virtualText");
    QTest::addColumn<QString>("classicText");
    QTest::addColumn<QString>("ratioText");
    QTest::addColumn<int>("better");
    const int virt = int(ComparisonRow::Better::Virtual), classic = int(ComparisonRow::Better::Classic),
              same = int(ComparisonRow::Better::Same), notRanked = int(ComparisonRow::Better::NotRanked);
    QTest::newRow("time, virtual better") << u"wall_nanos"_s << u"wall time"_s << u"2.0 ms"_s << u"6.0 ms"_s
                                          << u"3.00x"_s << virt;
    QTest::newRow("equal cost") << u"cpu_nanos"_s << u"CPU time"_s << u"1.5 ms"_s << u"1.5 ms"_s << u"1.00x"_s
                                << same;
    QTest::newRow("workload") << u"accesses"_s << u"accesses"_s << u"1000"_s << u"1000"_s << u"1.00x"_s
                              << notRanked;
    QTest::newRow("both zero") << u"pages_read"_s << u"pages read from disk"_s << u"0"_s << u"0"_s << u"="_s
                               << same;
    QTest::newRow("bytes") << u"peak_disk_reserved_bytes"_s << u"disk reserved (peak)"_s << u"1.0 MiB"_s
                           << u"4.0 MiB"_s << u"4.00x"_s << virt;
    QTest::newRow("classic better") << u"peak_metadata_bytes"_s << u"swap metadata (peak)"_s << u"48.0 MiB"_s
                                    << u"24.0 MiB"_s << u"0.50x"_s << classic;
    QTest::newRow("only classic walks") << u"swapoff_ptes_visited"_s << u"swapoff page-table entries walked"_s
                                        << u"0"_s << u"9000"_s << u"\u221e"_s << virt;
}

void TestComparisonModel::values() {
    QFETCH(QString, key);
    QFETCH(QString, name);
    QFETCH(QString, virtualText);
    QFETCH(QString, classicText);
    QFETCH(QString, ratioText);
    QFETCH(int, better);
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    const auto r = result(true);
    model.setResult(r);
    QCOMPARE(model.rowCount(), int(r->rows.size()));
    QCOMPARE(model.columnCount(), int(ComparisonModel::ColumnCount));
    const int row = rowOf(model, key);
    QVERIFY2(row >= 0, qPrintable(key));
    QCOMPARE(model.index(row, ComparisonModel::Figure).data().toString(), name);
    QCOMPARE(model.index(row, ComparisonModel::Virtual).data().toString(), virtualText);
    QCOMPARE(model.index(row, ComparisonModel::Classic).data().toString(), classicText);
    QCOMPARE(model.index(row, ComparisonModel::Ratio).data().toString(), ratioText);
    QCOMPARE(model.index(row, ComparisonModel::Ratio).data(ComparisonModel::BetterRole).toInt(), better);
    const ComparisonRow& source = r->rows[std::size_t(row)];
    QCOMPARE(model.index(row, ComparisonModel::Virtual).data(ComparisonModel::RawValueRole).toULongLong(),
             source.virtualValue);
    QCOMPARE(model.index(row, ComparisonModel::Classic).data(ComparisonModel::SortRole).toULongLong(),
             source.classicValue);
    const double ratio = model.index(row, ComparisonModel::Ratio).data(ComparisonModel::SortRole).toDouble();
    if (source.virtualValue == 0 && source.classicValue > 0)
        QVERIFY(std::isinf(ratio));
    else
        QCOMPARE(ratio, source.ratio());
    QCOMPARE(model.index(row, ComparisonModel::Figure).data(Qt::ToolTipRole).toString(), source.description);
    QVERIFY(!model.index(row, ComparisonModel::Ratio).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestComparisonModel::betterDesignIsBoldAndExplained() {
    ComparisonModel model;
    model.setResult(result(true));
    const auto bold = [&](int row, int column) {
        return model.index(row, column).data(Qt::FontRole).value<QFont>().bold();
    };
    const int wall = rowOf(model, u"wall_nanos"_s), metadata = rowOf(model, u"peak_metadata_bytes"_s),
              cpu = rowOf(model, u"cpu_nanos"_s);
    QVERIFY(bold(wall, ComparisonModel::Virtual) && !bold(wall, ComparisonModel::Classic));
    QVERIFY(!bold(metadata, ComparisonModel::Virtual) && bold(metadata, ComparisonModel::Classic));
    QVERIFY(!bold(cpu, ComparisonModel::Virtual) && !bold(cpu, ComparisonModel::Classic));
    QVERIFY(model.index(wall, ComparisonModel::Ratio).data(Qt::ToolTipRole).toString().contains(u"3.00"_s));
    QCOMPARE(model.index(metadata, ComparisonModel::Classic).data(Qt::ToolTipRole).toString(),
             u"25165824 bytes"_s); // exact, in the C locale
    for (int c = 0; c < ComparisonModel::ColumnCount; ++c) {
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }
}

void TestComparisonModel::updatesInPlaceOrResets() {
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    model.setResult(result(false));
    QCOMPARE(resets.size(), 1);
    const int without = model.rowCount();
    model.setResult(result(false, 8'000'000)); // same figures, new values
    QCOMPARE(resets.size(), 1);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changes.first().at(1).toModelIndex(), model.index(without - 1, ComparisonModel::ColumnCount - 1));
    QCOMPARE(model.index(rowOf(model, u"wall_nanos"_s), ComparisonModel::Ratio).data().toString(), u"4.00x"_s);
    model.setResult(result(true)); // the swapoff rows appear
    QCOMPARE(resets.size(), 2);
    QCOMPARE(model.rowCount(), without + 2);
    model.setResult(nullptr);
    QCOMPARE(resets.size(), 3);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
