// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBuffer: every point at level 0 while it fits; averages per bucket at coarser levels;
// a full ring drops its oldest points; points(span) answers from the finest level that covers
// the span (raw for the last minute, averages for the whole day), never from a level that
// lost part of the span; times never go back; new series start where they appear.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historybuffer.h"
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

QTEST_GUILESS_MAIN(TestHistoryBuffer)
#include "tst_historybuffer.moc"
