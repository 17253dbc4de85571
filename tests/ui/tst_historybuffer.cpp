// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBuffer: every point at level 0 while it fits; averages per bucket at coarser levels;
// a full ring drops its oldest points; points(span) answers from the finest level that covers
// the span (raw for the last minute, averages for the whole day), never from a level that
// lost part of the span; times never go back; new series start where they appear; a NaN value
// is a gap (one NaN point per gap at level 0, a NaN point per bucket without values at coarse
// levels) and never starts a series.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historybuffer.h"

#include <cmath>
#include <limits>
#endif

using namespace swaptier::ui;
using namespace Qt::StringLiterals;

class TestHistoryBuffer : public QObject {
    Q_OBJECT

private slots:
    void keepsEveryPointWhileItFits();
    void averagesPerBucket();
    void spanChoosesTheFinestCoveringLevel_data();
    void spanChoosesTheFinestCoveringLevel();
    void timeNeverGoesBack();
    void nanIsAGap_data();
    void nanIsAGap();
};

void TestHistoryBuffer::keepsEveryPointWhileItFits() {
    HistoryBuffer b;
    for (int i = 0; i < 50; ++i)
        b.add(i * 0.1, {{u"a"_s, double(i)}});
    QVector<double> t, v;
    int level = -2;
    b.points(u"a"_s, 0, t, v, &level);
    QCOMPARE(level, 0);
    QCOMPARE(t.size(), 50);
    QCOMPARE(v.front(), 0.0);
    QCOMPARE(v.back(), 49.0);
    QCOMPARE(b.series(), QStringList{u"a"_s});
    b.points(u"missing"_s, 0, t, v, &level);
    QVERIFY(t.isEmpty());
    QCOMPARE(level, -1);
}

void TestHistoryBuffer::averagesPerBucket() {
    // Level 0 holds 4 points only, level 1 averages over 1 s.
    HistoryBuffer b({{0, 4}, {1, 100}});
    for (int i = 0; i < 30; ++i) // 3 s at 10 per second: values 0..29
        b.add(i * 0.1, {{u"a"_s, double(i)}});
    QVector<double> t, v;
    int level = -1;
    b.points(u"a"_s, 0, t, v, &level); // everything: level 0 lost points, level 1 did not
    QCOMPARE(level, 1);
    // Buckets [0,1) and [1,2) are complete (averages 4.5 and 14.5), [2,3) is open (24.5 so far).
    QCOMPARE(t.size(), 3);
    QCOMPARE(v.at(0), 4.5);
    QCOMPARE(v.at(1), 14.5);
    QCOMPARE(v.at(2), 24.5);
    QCOMPARE(t.at(0), 1.0);
    QCOMPARE(t.at(1), 2.0);
    b.points(u"a"_s, 0.25, t, v, &level); // the last quarter second: level 0 still covers it
    QCOMPARE(level, 0);
    QCOMPARE(v.back(), 29.0);
}

void TestHistoryBuffer::spanChoosesTheFinestCoveringLevel_data() {
    QTest::addColumn<double>("span");
    QTest::addColumn<int>("level");
    QTest::newRow("last minute: raw") << 60.0 << 0;
    QTest::newRow("last hour: 1 s averages") << 3600.0 << 1;
    QTest::newRow("everything: 10 s averages") << 0.0 << 2;
}

void TestHistoryBuffer::spanChoosesTheFinestCoveringLevel() {
    QFETCH(double, span);
    QFETCH(int, level);
    HistoryBuffer b; // defaults: raw x 6000, 1 s x 7200, 10 s x 8640
    for (int i = 0; i < 3 * 3600 * 2; ++i) // 3 hours at 2 points per second
        b.add(i * 0.5, {{u"a"_s, 1.0}});
    QVector<double> t, v;
    int used = -1;
    b.points(u"a"_s, span, t, v, &used);
    QCOMPARE(used, level);
    QVERIFY(!t.isEmpty());
    QVERIFY(t.size() <= 8641);
    if (span > 0)
        QVERIFY(t.front() >= b.latestTime() - span);
    for (double x : v)
        QCOMPARE(x, 1.0);
}

void TestHistoryBuffer::timeNeverGoesBack() {
    HistoryBuffer b;
    b.add(5, {{u"a"_s, 1}});
    b.add(4, {{u"a"_s, 2}}); // ignored
    b.add(6, {{u"a"_s, 3}, {u"b"_s, 7}});
    QVector<double> t, v;
    b.points(u"a"_s, 0, t, v);
    QCOMPARE(v, (QVector<double>{1, 3}));
    b.points(u"b"_s, 0, t, v);
    QCOMPARE(t, QVector<double>{6});
    QCOMPARE(b.series(), (QStringList{u"a"_s, u"b"_s}));
    b.clear();
    QVERIFY(b.empty());
    QCOMPARE(b.latestTime(), 0.0);
}

void TestHistoryBuffer::nanIsAGap_data() {
    QTest::addColumn<double>("resolution");
    QTest::addColumn<QVector<double>>("times");
    QTest::addColumn<QVector<double>>("values");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // 0.1 s apart: 2 for i < 15, no value (NaN) for 15 <= i < 32, 4 from i = 32 to 49.
    QVector<double> rawTimes, rawValues;
    for (int i = 0; i < 50; ++i) {
        if (i >= 15 && i < 32 && i != 15)
            continue;
        rawTimes << i * 0.1;
        rawValues << (i < 15 ? 2.0 : i < 32 ? nan : 4.0);
    }
    QTest::newRow("raw: one NaN point per gap") << 0.0 << rawTimes << rawValues;
    // 1 s buckets: [0,1) and [1,2) average their values (2), [2,3) had none, [3,4) averages
    // its values (4), [4,5) is open (4 so far, shown at the latest time).
    QTest::newRow("1 s: a NaN bucket") << 1.0 << QVector<double>{1, 2, 3, 4, 4.9} << QVector<double>{2, 2, nan, 4, 4};
}

void TestHistoryBuffer::nanIsAGap() {
    QFETCH(double, resolution);
    QFETCH(QVector<double>, times);
    QFETCH(QVector<double>, values);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    HistoryBuffer b({{resolution, 1000}});
    for (int i = 0; i < 50; ++i)
        b.add(i * 0.1, {{u"ratio"_s, i < 15 ? 2.0 : i < 32 ? nan : 4.0},
                        {u"late"_s, i < 20 ? nan : 1.0}, // starts at its first value
                        {u"inf"_s, std::numeric_limits<double>::infinity()}});
    QCOMPARE(b.series(), (QStringList{u"ratio"_s, u"late"_s}));
    QVector<double> t, v;
    b.points(u"ratio"_s, 0, t, v);
    QCOMPARE(t.size(), times.size());
    for (qsizetype i = 0; i < t.size(); ++i) {
        QVERIFY2(qAbs(t.at(i) - times.at(i)) < 1e-9, qPrintable(u"time %1: %2"_s.arg(i).arg(t.at(i))));
        QVERIFY2(std::isnan(values.at(i)) ? std::isnan(v.at(i)) : v.at(i) == values.at(i),
                 qPrintable(u"value %1: %2, want %3"_s.arg(i).arg(v.at(i)).arg(values.at(i))));
    }
    b.points(u"late"_s, 0, t, v);
    QVERIFY(!t.isEmpty());
    QVERIFY(t.front() >= 1.0);
    for (double x : v)
        QCOMPARE(x, 1.0);
}

QTEST_GUILESS_MAIN(TestHistoryBuffer)
#include "tst_historybuffer.moc"
