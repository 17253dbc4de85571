// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart with a full live history (ten minutes at 10 snapshots a second, the default
// span): the span shows every one of the 6,000 points of each series, and every series is drawn
// with a pen at most one pixel wide. A wider pen is stroked as a filled outline, which made
// each replot of that span take 40-50 ms and stall the GUI thread (bench_uistall,
// docs/benchmarks.md section 7).
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historychart.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSnapshots = 6000; // ten minutes at 10 a second

/// Snapshot i: 0.1 s apart, the zero, pool and one swapfile rows filling, rates set.
HostSnapshot snapshotAt(int i) {
    HostSnapshot s;
    s.sample.elapsedNanos = std::uint64_t(i + 1) * 100'000'000u;
    TierUsage zero{"zero", Backend::Zero, -1, std::uint64_t(i) * 3, 0, 0, 0, ""};
    TierUsage pool{"pool", Backend::Pool, -1, std::uint64_t(i) * 2, 0, 0, 8u << 20, ""};
    TierUsage device{"/swap/ssd.swap", Backend::Device, 0, std::uint64_t(i), 0, 0, 32u << 20, "fast"};
    s.sample.tiers = {zero, pool, device};
    s.deviceNames = {"ssd"};
    s.swapOutsPerSecond = 100 + i % 7;
    s.swapInsPerSecond = 50 + i % 5;
    s.accessesPerSecond = 1e6 + i;
    return s;
}

} // namespace

class TestHistoryChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fullSpanThinPens_data();
    void fullSpanThinPens();

private:
    HistoryChart m_chart;
};

void TestHistoryChart::initTestCase() {
    for (int i = 0; i < kSnapshots; ++i)
        m_chart.addSnapshot(snapshotAt(i));
    m_chart.setSpanIndex(1);
    QCOMPARE(m_chart.span(), 600.0);
    m_chart.refresh();
}

void TestHistoryChart::fullSpanThinPens_data() {
    QTest::addColumn<QString>("key");
    QTest::newRow("zero pages") << u"tier:zero"_s;
    QTest::newRow("pool") << u"tier:pool"_s;
    QTest::newRow("swapfile") << u"tier:device:0"_s;
    QTest::newRow("swap-outs") << u"rate:swapout"_s;
    QTest::newRow("swap-ins") << u"rate:swapin"_s;
    QTest::newRow("accesses") << u"rate:access"_s;
}

void TestHistoryChart::fullSpanThinPens() {
    QFETCH(QString, key);
    QCOMPARE(m_chart.pointsShown(key), kSnapshots);
    const double width = m_chart.seriesPenWidth(key);
    QVERIFY2(width > 0 && width <= 1.0, qPrintable(u"pen width %1"_s.arg(width)));
}

QTEST_MAIN(TestHistoryChart)
#include "tst_historychart.moc"
