// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRunModel under QAbstractItemModelTester: one row per run with its id, scenario (and
// variant), design, start, duration (empty while running), samples and status (the error as
// tooltip); setRuns() resets; rowOfRun(); SortRole gives numbers and times so that a proxy
// sorts 9 before 10 samples and by time, not by text; durations read as seconds, minutes or
// hours; every column explains itself.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/historyrunmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

RunRecord record(qint64 id, const QString& scenario, const QString& design, const QString& started, qint64 seconds,
                 qint64 samples, const QString& status) {
    RunRecord r;
    r.id = id;
    r.scenario = scenario;
    r.design = design;
    r.startedAt = QDateTime::fromString(started, Qt::ISODate);
    if (seconds >= 0)
        r.finishedAt = r.startedAt.addSecs(seconds);
    r.sampleCount = samples;
    r.status = status;
    return r;
}

std::vector<RunRecord> threeRuns() {
    std::vector<RunRecord> runs{
        record(3, u"tiers"_s, u"virtual"_s, u"2024-03-02T10:00:00Z"_s, -1, 10, u"running"_s),
        record(2, u"cgroup-tree"_s, u"classic"_s, u"2024-03-01T12:00:00Z"_s, 125, 9, u"failed"_s),
        record(1, u"tiers"_s, u"virtual"_s, u"2024-02-28T08:30:00Z"_s, 4, 1200, u"done"_s),
    };
    runs[1].error = u"a page would have been lost"_s;
    runs[2].variant = u"pool=64M"_s;
    runs[2].source = u"/etc/swaptier/tiers.toml"_s;
    return runs;
}

} // namespace

class TestHistoryRunModel : public QObject {
    Q_OBJECT

private slots:
    void showsTheRuns();
    void setRunsResets();
    void sortsByRawValues_data();
    void sortsByRawValues();
    void formatsDurations_data();
    void formatsDurations();
    void everyColumnExplainsItself();
};

void TestHistoryRunModel::showsTheRuns() {
    HistoryRunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setRuns(threeRuns());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(HistoryRunModel::ColumnCount));
    QCOMPARE(model.index(0, HistoryRunModel::Id).data().toString(), u"3"_s);
    QCOMPARE(model.index(0, HistoryRunModel::Scenario).data().toString(), u"tiers"_s);
    QCOMPARE(model.index(2, HistoryRunModel::Scenario).data().toString(), u"tiers [pool=64M]"_s);
    QCOMPARE(model.index(2, HistoryRunModel::Scenario).data(Qt::ToolTipRole).toString(), u"/etc/swaptier/tiers.toml"_s);
    QCOMPARE(model.index(1, HistoryRunModel::Design).data().toString(), u"classic"_s);
    QVERIFY(!model.index(0, HistoryRunModel::Started).data().toString().isEmpty());
    QCOMPARE(model.index(0, HistoryRunModel::Started).data(HistoryRunModel::SortRole).toDateTime(),
             QDateTime::fromString(u"2024-03-02T10:00:00Z"_s, Qt::ISODate));
    QCOMPARE(model.index(0, HistoryRunModel::Duration).data().toString(), QString()); // still running
    QCOMPARE(model.index(1, HistoryRunModel::Duration).data().toString(), u"2 min 05 s"_s);
    QCOMPARE(model.index(1, HistoryRunModel::Duration).data(HistoryRunModel::SortRole).toLongLong(), 125000);
    QCOMPARE(model.index(2, HistoryRunModel::Samples).data(HistoryRunModel::SortRole).toLongLong(), 1200);
    QCOMPARE(model.index(0, HistoryRunModel::Status).data().toString(), u"running"_s);
    QCOMPARE(model.index(1, HistoryRunModel::Status).data(Qt::ToolTipRole).toString(),
             u"a page would have been lost"_s);
    QVERIFY(!model.index(2, HistoryRunModel::Status).data(Qt::ToolTipRole).isValid()); // no error
    for (int c = 0; c < HistoryRunModel::ColumnCount; ++c)
        QCOMPARE(model.index(1, c).data(HistoryRunModel::RunIdRole).toLongLong(), 2);
    QCOMPARE(model.rowOfRun(1), 2);
    QCOMPARE(model.rowOfRun(42), -1);
}

void TestHistoryRunModel::setRunsResets() {
    HistoryRunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRuns(threeRuns());
    QCOMPARE(reset.size(), 1);
    std::vector<RunRecord> one{threeRuns().back()};
    model.setRuns(one);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.runs().front().id, 1);
    model.setRuns({});
    QCOMPARE(model.rowCount(), 0);
}

void TestHistoryRunModel::sortsByRawValues_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<QList<qint64>>("ascendingIds");
    QTest::newRow("samples: 9 < 10 < 1200") << int(HistoryRunModel::Samples) << QList<qint64>{2, 3, 1};
    QTest::newRow("started: by time") << int(HistoryRunModel::Started) << QList<qint64>{1, 2, 3};
    QTest::newRow("duration: running first") << int(HistoryRunModel::Duration) << QList<qint64>{3, 1, 2};
    QTest::newRow("id") << int(HistoryRunModel::Id) << QList<qint64>{1, 2, 3};
}

void TestHistoryRunModel::sortsByRawValues() {
    QFETCH(int, column);
    QFETCH(QList<qint64>, ascendingIds);
    HistoryRunModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(HistoryRunModel::SortRole);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(threeRuns());
    proxy.sort(column, Qt::AscendingOrder);
    QList<qint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, column).data(HistoryRunModel::RunIdRole).toLongLong();
    QCOMPARE(ids, ascendingIds);
}

void TestHistoryRunModel::formatsDurations_data() {
    QTest::addColumn<qint64>("msecs");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0.0 s"_s;
    QTest::newRow("fraction") << qint64(4250) << u"4.3 s"_s;
    QTest::newRow("just under a minute") << qint64(59'900) << u"59.9 s"_s;
    QTest::newRow("a minute") << qint64(60'000) << u"1 min 00 s"_s;
    QTest::newRow("minutes") << qint64(187'400) << u"3 min 07 s"_s;
    QTest::newRow("an hour") << qint64(3'600'000) << u"1 h 00 min"_s;
    QTest::newRow("hours") << qint64(7'500'000) << u"2 h 05 min"_s;
    QTest::newRow("clock went back") << qint64(-5) << u"0.0 s"_s;
}

void TestHistoryRunModel::formatsDurations() {
    QFETCH(qint64, msecs);
    QFETCH(QString, text);
    QCOMPARE(HistoryRunModel::formatDuration(msecs), text);
}

void TestHistoryRunModel::everyColumnExplainsItself() {
    HistoryRunModel model;
    for (int c = 0; c < HistoryRunModel::ColumnCount; ++c) {
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY2(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20,
                 qPrintable(QString::number(c)));
    }
    QVERIFY(!model.headerData(HistoryRunModel::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

QTEST_MAIN(TestHistoryRunModel)
#include "tst_historyrunmodel.moc"
