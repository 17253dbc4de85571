// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart (issue #5): with a full live history (ten minutes at 10 snapshots a second, the
// default span) the span shows every one of the 6,000 points of each series, and every series
// is drawn with a pen at most one pixel wide (a wider pen is stroked as a filled outline, which
// made each replot of that span take 40-50 ms and stall the GUI thread: bench_uistall,
// docs/benchmarks.md section 7). The pool ratio is original / stored bytes of the pool, on its
// own axis, with a gap (never 0 or infinity) while the pool is empty; tier lines sum the
// swapfiles of each tier, dashed, only when there is more than one tier or a tier with more
// than one swapfile; the writeback rate is the host's; and a run loaded from stored samples
// shows the same series, point for point, as the same samples seen live.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historychart.h"

#include <cmath>
#include <limits>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kSnapshots = 6000; // ten minutes at 10 a second

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Snapshot i: 0.1 s apart, the zero, pool and two swapfile rows (both in tier "fast")
/// filling, rates set. The pool is empty in the first one only.
HostSnapshot snapshotAt(int i) {
    HostSnapshot s;
    const auto n = std::uint64_t(i);
    s.sample.elapsedNanos = (n + 1) * 100'000'000u;
    TierUsage zero{"zero", Backend::Zero, -1, n * 3, 0, 0, 0, ""};
    TierUsage pool{"pool", Backend::Pool, -1, n * 2, n * 2 * 4096, n * 2 * 1024, 8u << 20, ""};
    TierUsage ssd{"/swap/ssd.swap", Backend::Device, 0, n, 0, 0, 32u << 20, "fast"};
    TierUsage nvme{"/swap/nvme.swap", Backend::Device, 1, n / 2, 0, 0, 32u << 20, "fast"};
    s.sample.tiers = {zero, pool, ssd, nvme};
    s.deviceNames = {"ssd", "nvme"};
    s.tierOccupancy = TierOccupancy::of(s.sample, {});
    s.swapOutsPerSecond = 100 + i % 7;
    s.swapInsPerSecond = 50 + i % 5;
    s.writebacksPerSecond = 20 + i % 3;
    s.accessesPerSecond = 1e6 + i;
    return s;
}

TierUsage place(const char* name, Backend backend, std::uint64_t entries, std::uint64_t original = 0,
                std::uint64_t stored = 0) {
    TierUsage t;
    t.name = name;
    t.backend = backend;
    t.entries = entries;
    t.originalBytes = original;
    t.storedBytes = stored;
    return t;
}

TierUsage swapfile(int index, const std::string& tier, std::uint64_t entries, bool swappedOff = false) {
    TierUsage t;
    t.name = "/swap/" + std::to_string(index) + ".swap";
    t.path = t.name;
    t.backend = Backend::Device;
    t.device = index;
    t.entries = entries;
    t.tier = tier;
    t.swappedOff = swappedOff;
    return t;
}

/// A snapshot of `sample` as EngineHost publishes it after `previous` (rates over the time
/// between them, 0 for the first).
HostSnapshot publishedAs(const SandboxSample& sample, const SandboxSample* previous,
                         const std::vector<TierSpec>& setupTiers = {}) {
    HostSnapshot s;
    s.sample = sample;
    s.tierOccupancy = TierOccupancy::of(sample, setupTiers);
    if (previous) {
        const double nanos = double(sample.elapsedNanos - previous->elapsedNanos);
        const auto rate = [nanos](std::uint64_t now, std::uint64_t before) { return double(now - before) * 1e9 / nanos; };
        s.swapOutsPerSecond = rate(sample.counters.swapOuts, previous->counters.swapOuts);
        s.swapInsPerSecond = rate(sample.counters.swapInFaults, previous->counters.swapInFaults);
        s.accessesPerSecond = rate(sample.counters.accesses, previous->counters.accesses);
        s.writebacksPerSecond = rate(sample.figures.poolWritebacks, previous->figures.poolWritebacks);
    }
    return s;
}

/// Equal points, a NaN (a gap) matching a NaN.
bool samePoints(const QVector<QPointF>& a, const QVector<QPointF>& b, QString* why) {
    if (a.size() != b.size()) {
        *why = u"%1 points, want %2"_s.arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool same = a[i].x() == b[i].x()
                          && (std::isnan(b[i].y()) ? std::isnan(a[i].y()) : a[i].y() == b[i].y());
        if (!same) {
            *why = u"point %1: (%2, %3), want (%4, %5)"_s.arg(i).arg(a[i].x()).arg(a[i].y()).arg(b[i].x()).arg(b[i].y());
            return false;
        }
    }
    return true;
}

} // namespace

class TestHistoryChart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void fullSpanThinPens_data();
    void fullSpanThinPens();
    void poolRatio_data();
    void poolRatio();
    void tierLines_data();
    void tierLines();
    void rates_data();
    void rates();
    void loadedRunMatchesLive();
    void legendKeepsOffThePlots_data();
    void legendKeepsOffThePlots();

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
    QTest::addColumn<int>("points");
    QTest::newRow("zero pages") << u"tier:zero"_s << kSnapshots;
    QTest::newRow("pool") << u"tier:pool"_s << kSnapshots;
    QTest::newRow("swapfile") << u"tier:device:0"_s << kSnapshots;
    QTest::newRow("second swapfile") << u"tier:device:1"_s << kSnapshots;
    QTest::newRow("tier (dashed)") << u"swaptier:fast"_s << kSnapshots;
    QTest::newRow("pool ratio (empty pool first)") << u"ratio:pool"_s << kSnapshots - 1;
    QTest::newRow("swap-outs") << u"rate:swapout"_s << kSnapshots;
    QTest::newRow("swap-ins") << u"rate:swapin"_s << kSnapshots;
    QTest::newRow("writebacks") << u"rate:writeback"_s << kSnapshots;
    QTest::newRow("accesses") << u"rate:access"_s << kSnapshots;
}

void TestHistoryChart::fullSpanThinPens() {
    QFETCH(QString, key);
    QFETCH(int, points);
    QCOMPARE(m_chart.pointsShown(key), points);
    const double width = m_chart.seriesPenWidth(key);
    QVERIFY2(width > 0 && width <= 1.0, qPrintable(u"pen width %1"_s.arg(width)));
}

void TestHistoryChart::poolRatio_data() {
    // Per snapshot: the pool's entries, original and stored bytes; the ratio expected (NaN:
    // none, the pool is empty or stores nothing).
    QTest::addColumn<QList<quint64>>("entries");
    QTest::addColumn<QList<quint64>>("original");
    QTest::addColumn<QList<quint64>>("stored");
    QTest::addColumn<QList<double>>("ratios");
    QTest::newRow("filled from the start")
        << QList<quint64>{1, 2, 4} << QList<quint64>{4096, 8192, 16384} << QList<quint64>{2048, 2048, 8192}
        << QList<double>{2.0, 4.0, 2.0};
    QTest::newRow("empty at first")
        << QList<quint64>{0, 0, 3, 3} << QList<quint64>{0, 0, 12288, 12288} << QList<quint64>{0, 0, 4096, 3000}
        << QList<double>{kNaN, kNaN, 3.0, 4.096};
    QTest::newRow("emptied and filled again")
        << QList<quint64>{2, 0, 0, 1, 0} << QList<quint64>{8192, 0, 0, 4096, 0}
        << QList<quint64>{1000, 0, 0, 4096, 0} << QList<double>{8.192, kNaN, kNaN, 1.0, kNaN};
    QTest::newRow("entries but no stored bytes: a gap, no infinity")
        << QList<quint64>{5, 5, 5} << QList<quint64>{20480, 20480, 20480} << QList<quint64>{5120, 0, 5120}
        << QList<double>{4.0, kNaN, 4.0};
    QTest::newRow("never filled") << QList<quint64>{0, 0} << QList<quint64>{0, 0} << QList<quint64>{0, 0}
                                  << QList<double>{kNaN, kNaN};
}

void TestHistoryChart::poolRatio() {
    QFETCH(QList<quint64>, entries);
    QFETCH(QList<quint64>, original);
    QFETCH(QList<quint64>, stored);
    QFETCH(QList<double>, ratios);
    HistoryChart chart;
    QVector<QPointF> want;
    bool started = false;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        SandboxSample sample;
        sample.elapsedNanos = std::uint64_t(i + 1) * 100'000'000u;
        sample.tiers = {place("zero", Backend::Zero, 0), place("pool", Backend::Pool, entries[i], original[i], stored[i])};
        chart.addSnapshot(publishedAs(sample, nullptr));
        // A point per ratio; one NaN point (a gap) where the pool empties, none before the first.
        const double t = double(sample.elapsedNanos) / 1e9;
        if (!std::isnan(ratios[i]))
            want.append(QPointF(t, ratios[i]));
        else if (started && !std::isnan(want.back().y()))
            want.append(QPointF(t, kNaN));
        started = started || !std::isnan(ratios[i]);
    }
    chart.refresh();
    QString why;
    QVERIFY2(samePoints(chart.seriesPoints(u"ratio:pool"_s), want, &why), qPrintable(why));
    QCOMPARE(chart.buffer().series().contains(u"ratio:pool"_s), started);
    if (started) {
        QCOMPARE(chart.seriesName(u"ratio:pool"_s), u"pool ratio"_s);
        QCOMPARE(chart.seriesAxisLabel(u"ratio:pool"_s), u"pool ratio"_s); // its own axis
        QVERIFY(chart.seriesPenWidth(u"ratio:pool"_s) <= 1.0);
    }
}

void TestHistoryChart::tierLines_data() {
    // The swapfiles of one sample: their tier ("" = swapped off) and entries; the setup's
    // tiers; the tier lines expected, with their pages (none: no tier line at all).
    QTest::addColumn<QStringList>("deviceTiers");
    QTest::addColumn<QList<quint64>>("deviceEntries");
    QTest::addColumn<QStringList>("setupTiers");
    QTest::addColumn<QStringList>("tiers");
    QTest::addColumn<QList<double>>("pages");
    QTest::newRow("one swapfile: its own line says it all")
        << QStringList{u"fast"_s} << QList<quint64>{7} << QStringList{} << QStringList{} << QList<double>{};
    QTest::newRow("two in one tier, one in another")
        << QStringList{u"fast"_s, u"fast"_s, u"slow"_s} << QList<quint64>{10, 5, 40} << QStringList{}
        << QStringList{u"fast"_s, u"slow"_s} << QList<double>{15, 40};
    QTest::newRow("two in one tier")
        << QStringList{u"fast"_s, u"fast"_s} << QList<quint64>{3, 4} << QStringList{} << QStringList{u"fast"_s}
        << QList<double>{7};
    QTest::newRow("one swapfile, the setup has two tiers")
        << QStringList{u"fast"_s} << QList<quint64>{9} << QStringList{u"fast"_s, u"slow"_s}
        << QStringList{u"fast"_s, u"slow"_s} << QList<double>{9, 0};
    QTest::newRow("a swapped-off swapfile is in no tier")
        << QStringList{u"fast"_s, QString(), u"slow"_s} << QList<quint64>{2, 0, 6} << QStringList{}
        << QStringList{u"fast"_s, u"slow"_s} << QList<double>{2, 6};
    QTest::newRow("one tier left after a swapoff")
        << QStringList{u"fast"_s, QString()} << QList<quint64>{2, 0} << QStringList{} << QStringList{}
        << QList<double>{};
}

void TestHistoryChart::tierLines() {
    QFETCH(QStringList, deviceTiers);
    QFETCH(QList<quint64>, deviceEntries);
    QFETCH(QStringList, setupTiers);
    QFETCH(QStringList, tiers);
    QFETCH(QList<double>, pages);
    SandboxSample sample;
    sample.elapsedNanos = 100'000'000;
    sample.tiers = {place("zero", Backend::Zero, 0), place("pool", Backend::Pool, 0)};
    for (qsizetype d = 0; d < deviceTiers.size(); ++d)
        sample.tiers.push_back(swapfile(int(d), deviceTiers[d].toStdString(), deviceEntries[d], deviceTiers[d].isEmpty()));
    std::vector<TierSpec> setup;
    for (const QString& name : setupTiers)
        setup.push_back(TierSpec{name.toStdString(), 0, 0});
    HistoryChart chart;
    chart.addSnapshot(publishedAs(sample, nullptr, setup));
    chart.refresh();
    QStringList shown;
    for (const QString& key : chart.buffer().series())
        if (key.startsWith(u"swaptier:"_s))
            shown << key.mid(9);
    QCOMPARE(shown, tiers);
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const QString key = u"swaptier:"_s + tiers[i];
        QCOMPARE(chart.seriesPoints(key), (QVector<QPointF>{QPointF(0.1, pages[i])}));
        QCOMPARE(chart.seriesName(key), u"tier "_s + tiers[i]);
        QCOMPARE(chart.seriesPenStyle(key), Qt::DashLine); // apart from the swapfile lines
        QVERIFY(chart.seriesPenWidth(key) <= 1.0);
        QCOMPARE(chart.seriesAxisLabel(key), u"swapped pages"_s);
    }
    for (qsizetype d = 0; d < deviceTiers.size(); ++d)
        QCOMPARE(chart.seriesPenStyle(u"tier:device:%1"_s.arg(d)), Qt::SolidLine);

    // Once shown, tier lines stay for the rest of the history (a swapoff leaving one swapfile
    // does not end them; a tier left without swapfiles is at 0), until clear().
    SandboxSample later = sample;
    later.elapsedNanos = 200'000'000;
    later.tiers.resize(3); // only swapfile 0 is left
    chart.addSnapshot(publishedAs(later, &sample));
    chart.refresh();
    for (qsizetype i = 0; i < tiers.size(); ++i) {
        const double now = later.tiers[2].tier == tiers[i].toStdString() ? double(later.tiers[2].entries) : 0.0;
        QCOMPARE(chart.seriesPoints(u"swaptier:"_s + tiers[i]), (QVector<QPointF>{QPointF(0.1, pages[i]), QPointF(0.2, now)}));
    }
    chart.clear();
    later.elapsedNanos = 300'000'000;
    chart.addSnapshot(publishedAs(later, nullptr));
    chart.refresh();
    for (const QString& key : chart.buffer().series())
        QVERIFY2(!key.startsWith(u"swaptier:"_s), qPrintable(key));
}

void TestHistoryChart::rates_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("axis");
    QTest::newRow("swap-outs") << u"rate:swapout"_s << u"swap-outs/s"_s << u"pages per second"_s;
    QTest::newRow("swap-ins") << u"rate:swapin"_s << u"swap-ins/s"_s << u"pages per second"_s;
    QTest::newRow("writebacks") << u"rate:writeback"_s << u"writebacks/s"_s << u"pages per second"_s;
    QTest::newRow("accesses") << u"rate:access"_s << u"accesses/s"_s << u"accesses per second"_s;
}

void TestHistoryChart::rates() {
    QFETCH(QString, key);
    QFETCH(QString, label);
    QFETCH(QString, axis);
    HistoryChart chart;
    QVector<QPointF> want;
    for (int i = 0; i < 20; ++i) {
        const HostSnapshot s = snapshotAt(i);
        chart.addSnapshot(s);
        const double value = key == u"rate:swapout"_s    ? s.swapOutsPerSecond
                             : key == u"rate:swapin"_s   ? s.swapInsPerSecond
                             : key == u"rate:writeback"_s ? s.writebacksPerSecond
                                                          : s.accessesPerSecond;
        want.append(QPointF(double(s.sample.elapsedNanos) / 1e9, value));
    }
    chart.refresh();
    QString why;
    QVERIFY2(samePoints(chart.seriesPoints(key), want, &why), qPrintable(why));
    QCOMPARE(chart.seriesName(key), label);
    QCOMPARE(chart.seriesAxisLabel(key), axis);
}

void TestHistoryChart::loadedRunMatchesLive() {
    // 40 samples 0.1 s apart: a pool that fills, empties (a gap in the ratio) and fills again,
    // three swapfiles in two tiers, counters that grow (writebacks in bursts).
    std::vector<SandboxSample> samples;
    for (int i = 0; i < 40; ++i) {
        const auto n = std::uint64_t(i);
        SandboxSample s;
        s.elapsedNanos = (n + 1) * 100'000'000u;
        s.round = n;
        const std::uint64_t pool = i >= 15 && i < 22 ? 0 : 10 + n;
        s.tiers = {place("zero", Backend::Zero, n), place("pool", Backend::Pool, pool, pool * 4096, pool * (1000 + n)),
                   place("memory", Backend::Memory, 0), swapfile(0, "fast", n * 2), swapfile(1, "fast", n),
                   swapfile(2, "slow", 100 + n)};
        s.counters.swapOuts = n * n;
        s.counters.swapInFaults = n * 3;
        s.counters.accesses = n * 10'000;
        s.figures.poolWritebacks = (n / 5) * 64;
        samples.push_back(s);
    }
    HistoryChart live;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        HostSnapshot s = publishedAs(samples[i], i ? &samples[i - 1] : nullptr);
        s.deviceNames = {"ssd", "nvme", "hdd"};
        live.addSnapshot(s);
    }
    live.refresh();
    HistoryChart loaded;
    loaded.showRun(u"Run 1"_s, samples, {"ssd", "nvme", "hdd"});
    QVERIFY(loaded.showingRun());

    const QStringList keys = live.buffer().series();
    QCOMPARE(loaded.runBuffer().series(), keys);
    for (const QString& key : {u"ratio:pool"_s, u"swaptier:fast"_s, u"swaptier:slow"_s, u"rate:writeback"_s})
        QVERIFY2(keys.contains(key), qPrintable(key));
    for (const QString& key : keys) {
        QString why;
        QVERIFY2(samePoints(loaded.seriesPoints(key), live.seriesPoints(key), &why), qPrintable(key + u": "_s + why));
        QCOMPARE(loaded.seriesName(key), live.seriesName(key));
    }
    // The writebacks came in bursts of 64 pages every 5 samples: 640 pages a second then.
    const QVector<QPointF> writebacks = live.seriesPoints(u"rate:writeback"_s);
    QCOMPARE(writebacks.at(5).y(), 640.0);
    QCOMPARE(writebacks.at(6).y(), 0.0);
    // The ratio has one gap, where the pool emptied.
    int gaps = 0;
    for (const QPointF& p : live.seriesPoints(u"ratio:pool"_s))
        gaps += std::isnan(p.y()) ? 1 : 0;
    QCOMPARE(gaps, 1);

    // Samples that name no tier (runs recorded before history schema v4): no tier lines, no error.
    for (SandboxSample& s : samples)
        for (TierUsage& t : s.tiers)
            t.tier.clear();
    loaded.showRun(u"Run 1"_s, samples, {});
    for (const QString& key : loaded.runBuffer().series())
        QVERIFY2(!key.startsWith(u"swaptier:"_s), qPrintable(key));
    QCOMPARE(loaded.pointsShown(u"swaptier:fast"_s), 0);
    QCOMPARE(loaded.pointsShown(u"tier:device:2"_s), 40);
}

void TestHistoryChart::legendKeepsOffThePlots_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("window") << QSize(1100, 600);
    QTest::newRow("narrow") << QSize(640, 480);
}

void TestHistoryChart::legendKeepsOffThePlots() {
    // Every kind of series at once (places, two tiers, the ratio, the rates): the legend has
    // a row of its own under the plots, never over their data, and the plots share one time
    // axis from the same left edge to the same right edge.
    QFETCH(QSize, size);
    m_chart.resize(size);
    m_chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_chart));
    m_chart.grab(); // lays the plot out
    const HistoryChart::PlotAreas areas = m_chart.plotAreas();
    m_chart.hide();
    QVERIFY(!areas.occupancy.isEmpty() && !areas.rates.isEmpty() && !areas.legend.isEmpty());
    QVERIFY2(!areas.legend.intersects(areas.occupancy) && !areas.legend.intersects(areas.rates),
             qPrintable(u"legend %1,%2 %3x%4"_s.arg(areas.legend.x()).arg(areas.legend.y())
                            .arg(areas.legend.width()).arg(areas.legend.height())));
    QVERIFY(areas.legend.top() >= areas.rates.bottom());
    QVERIFY(areas.rates.top() > areas.occupancy.bottom());
    QCOMPARE(areas.rates.left(), areas.occupancy.left());
    QCOMPARE(areas.rates.right(), areas.occupancy.right());
    // Tall enough plots: the legend takes a few rows, not the chart.
    QVERIFY2(areas.occupancy.height() > areas.legend.height(), qPrintable(QString::number(areas.legend.height())));
}

QTEST_MAIN(TestHistoryChart)
#include "tst_historychart.moc"
