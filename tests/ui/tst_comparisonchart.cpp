// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonChart: the costs of a comparison (not the workload figures) as bar pairs, the
// virtual bar at 1 and the classic one at the ratio, labelled with the ratio; linear while the
// ratios stay within a decade, logarithmic beyond; a figure only the classic design paid gets
// an empty virtual bar and a classic bar above every finite ratio; the plot holds what the
// layout says, and nothing once the rows are gone.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/comparisonchart.h"
#include "comparisonrunner.h"
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

} // namespace

class TestComparisonChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void layout_data();
    void layout();
    void coloursFollowThePalette();
};

void TestComparisonChart::initTestCase() { QLocale::setDefault(QLocale::c()); }

void TestComparisonChart::layout_data() {
    QTest::addColumn<bool>("swapoff");
    QTest::addColumn<bool>("logarithmic");
    QTest::newRow("ratios within a decade: linear") << false << false;
    QTest::newRow("only classic walks: logarithmic") << true << true;
}

void TestComparisonChart::layout() {
    QFETCH(bool, swapoff);
    QFETCH(bool, logarithmic);
    const auto r = result(swapoff);
    const ComparisonChart::Layout l = ComparisonChart::layoutFor(r->rows);
    int costs = 0;
    for (const ComparisonRow& row : r->rows)
        costs += row.kind == ComparisonRow::Kind::Cost ? 1 : 0;
    QCOMPARE(int(l.names.size()), costs);
    QCOMPARE(int(l.virtualBars.size()), costs);
    QCOMPARE(int(l.classicBars.size()), costs);
    QCOMPARE(int(l.labels.size()), costs);
    QVERIFY(!l.keys.contains(u"accesses"_s) && !l.keys.contains(u"swapouts"_s));
    // swapoff: 9 ms against 1 ms is 9x, but the walk is infinite: a decade apart from 0.5x.
    QCOMPARE(l.logarithmic, logarithmic);
    const int wall = int(l.keys.indexOf(u"wall_nanos"_s));
    QCOMPARE(l.virtualBars[wall], 1.0);
    QCOMPARE(l.classicBars[wall], 3.0);
    QCOMPARE(l.labels[wall], u"3.00x"_s);
    const int read = int(l.keys.indexOf(u"pages_read"_s));
    QCOMPARE(l.classicBars[read], 1.0);
    QCOMPARE(l.labels[read], u"="_s);
    for (int i = 0; i < l.classicBars.size(); ++i) {
        QVERIFY(l.classicBars[i] >= l.lower && l.classicBars[i] < l.upper);
        QVERIFY(l.virtualBars[i] >= l.lower && l.virtualBars[i] < l.upper);
    }
    if (swapoff) {
        const int walk = int(l.keys.indexOf(u"swapoff_ptes_visited"_s));
        QCOMPARE(l.virtualBars[walk], l.lower); // nothing walked: an empty bar
        QVERIFY(l.classicBars[walk] > 9.0);     // above every finite ratio
        QCOMPARE(l.labels[walk], u"\u221e"_s);
        QVERIFY(l.lower > 0);
    } else {
        QCOMPARE(l.lower, 0.0);
    }

    ComparisonChart chart;
    chart.setRows(r->rows);
    QCOMPARE(chart.barCount(ComparisonChart::VirtualSeries), costs);
    QCOMPARE(chart.barCount(ComparisonChart::ClassicSeries), costs);
    QCOMPARE(chart.barLabels(), l.labels);
    QCOMPARE(chart.logarithmic(), logarithmic);
    // The bars end where the layout says, also on a log axis whose bars start at its floor.
    const QVector<double> virtualTops = chart.barTops(ComparisonChart::VirtualSeries);
    const QVector<double> classicTops = chart.barTops(ComparisonChart::ClassicSeries);
    for (int i = 0; i < costs; ++i) {
        QVERIFY2(qFuzzyCompare(virtualTops[i], l.virtualBars[i]), qPrintable(l.keys[i]));
        QVERIFY2(qFuzzyCompare(classicTops[i], l.classicBars[i]), qPrintable(l.keys[i]));
    }
    chart.setRows({});
    QCOMPARE(chart.barCount(ComparisonChart::ClassicSeries), 0);
    QVERIFY(chart.barLabels().isEmpty());
}

void TestComparisonChart::coloursFollowThePalette() {
    ComparisonChart chart;
    chart.setRows(result(true)->rows);
    QPalette dark = chart.palette();
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    dark.setColor(QPalette::Highlight, QColor(0x30, 0x80, 0xff));
    chart.setPalette(dark);
    QCOMPARE(chart.seriesColour(ComparisonChart::VirtualSeries), QColor(0x30, 0x80, 0xff));
    const QColor classic = chart.seriesColour(ComparisonChart::ClassicSeries);
    // Between the text and the background: visible on black, distinct from both.
    QVERIFY2(classic.lightnessF() > 0.3 && classic.lightnessF() < 0.8, qPrintable(classic.name()));
    QCOMPARE(chart.barLabels().size(), int(ComparisonChart::layoutFor(result(true)->rows).labels.size()));
}

QTEST_MAIN(TestComparisonChart)
#include "tst_comparisonchart.moc"
