// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupBarChart: the top N cgroups by swapped pages, most first, ties in cgroup order,
// cgroups with nothing swapped left out, the rest summed per layer into one "other" bar;
// swapfile pages split by tier (a layer per tier, in the setup's order), pages in no tier in
// a "swapfiles" layer; the chart's bars and plotted layers follow the snapshot and the N chosen.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/cgroupbarchart.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const HostSnapshot> snapshot() {
    auto s = std::make_shared<HostSnapshot>();
    const auto add = [&](const char* name, std::uint64_t zero, std::uint64_t pool, std::uint64_t device) {
        CgroupUsage c;
        c.name = name;
        c.swappedPages[std::size_t(Backend::Zero)] = zero;
        c.swappedPages[std::size_t(Backend::Pool)] = pool;
        c.swappedPages[std::size_t(Backend::Device)] = device;
        s->sample.cgroups.push_back(c);
        s->cgroupParents.push_back(s->cgroupParents.empty() ? -1 : 0);
    };
    add("/", 0, 0, 0);      // nothing swapped: no bar
    add("a", 1, 10, 0);     // 11
    add("b", 0, 50, 50);    // 100
    add("c", 5, 5, 1);      // 11 (tie with a: a first)
    add("d", 0, 2, 3);      // 5
    return s;
}

/// snapshot() with two tiers: devices 0 (fast) and 1 (slow); b's 50 device pages are 20 fast
/// + 30 slow, c's 1 is slow, d's 3 are fast; with `unplaced`, one of d's pages is on no device
/// the sample knows.
std::shared_ptr<const HostSnapshot> tiered(bool unplaced = false) {
    auto s = std::make_shared<HostSnapshot>(*snapshot());
    TierUsage fast, slow;
    fast.backend = slow.backend = Backend::Device;
    fast.device = 0;
    fast.tier = "fast";
    slow.device = 1;
    slow.tier = "slow";
    s->sample.tiers = {fast, slow};
    s->sample.cgroups[2].deviceEntries = {20, 30};
    s->sample.cgroups[3].deviceEntries = {0, 1};
    s->sample.cgroups[4].deviceEntries = {unplaced ? 2u : 3u, 0};
    s->tierOccupancy = TierOccupancy::of(s->sample, {{"fast", 10, kMaxSwapPriority}, {"slow", kMinSwapPriority, 9}});
    return s;
}

QStringList namesOf(const std::vector<CgroupBarChart::Layer>& layers) {
    QStringList names;
    for (const auto& l : layers)
        names << l.name;
    return names;
}

} // namespace

class TestCgroupBarChart : public QObject {
    Q_OBJECT

private slots:
    void topCgroups_data();
    void topCgroups();
    void tierLayers_data();
    void tierLayers();
    void chartFollowsTheSnapshot();
};

void TestCgroupBarChart::topCgroups_data() {
    QTest::addColumn<int>("n");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<double>>("totals");
    QTest::newRow("all fit") << 10 << QStringList{u"b"_s, u"a"_s, u"c"_s, u"d"_s} << QList<double>{100, 11, 11, 5};
    QTest::newRow("top 2 and other") << 2 << QStringList{u"b"_s, u"a"_s, u"other (2 more)"_s}
                                     << QList<double>{100, 11, 16};
    QTest::newRow("top 1") << 1 << QStringList{u"b"_s, u"other (3 more)"_s} << QList<double>{100, 27};
}

void TestCgroupBarChart::topCgroups() {
    QFETCH(int, n);
    QFETCH(QStringList, names);
    QFETCH(QList<double>, totals);
    const auto stack = CgroupBarChart::topCgroups(*snapshot(), n);
    // No tiers known: device pages are one "swapfiles" layer.
    QCOMPARE(namesOf(stack.layers),
             (QStringList{u"zero pages"_s, u"compressed pool"_s, u"swapfiles"_s, u"in memory"_s}));
    const auto& bars = stack.bars;
    QCOMPARE(int(bars.size()), names.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        QCOMPARE(bars[i].name, names[int(i)]);
        QCOMPARE(bars[i].pages.size(), stack.layers.size());
        double sum = 0;
        for (double v : bars[i].pages)
            sum += v;
        QCOMPARE(sum, totals[int(i)]);
    }
    if (n == 2) { // other = c + d per layer
        QCOMPARE(bars[2].pages[0], 5.0);
        QCOMPARE(bars[2].pages[1], 7.0);
        QCOMPARE(bars[2].pages[2], 4.0);
    }
}

void TestCgroupBarChart::tierLayers_data() {
    QTest::addColumn<bool>("unplaced");
    QTest::addColumn<QStringList>("layers");
    QTest::addColumn<QList<double>>("b");     // b's pages per layer
    QTest::addColumn<QList<double>>("other"); // top 2: "other" = c + d per layer
    const QString zero = u"zero pages"_s, pool = u"compressed pool"_s, fast = u"tier fast"_s, slow = u"tier slow"_s;
    QTest::newRow("every page in a tier") << false << QStringList{zero, pool, fast, slow, u"in memory"_s}
                                          << QList<double>{0, 50, 20, 30, 0} << QList<double>{5, 7, 3, 1, 0};
    QTest::newRow("a page in no tier") << true
                                       << QStringList{zero, pool, fast, slow, u"swapfiles, no tier"_s, u"in memory"_s}
                                       << QList<double>{0, 50, 20, 30, 0, 0} << QList<double>{5, 7, 2, 1, 1, 0};
}

void TestCgroupBarChart::tierLayers() {
    QFETCH(bool, unplaced);
    QFETCH(QStringList, layers);
    QFETCH(QList<double>, b);
    QFETCH(QList<double>, other);
    const auto stack = CgroupBarChart::topCgroups(*tiered(unplaced), 2);
    QCOMPARE(namesOf(stack.layers), layers);
    QCOMPARE(stack.bars.size(), std::size_t(3));
    QCOMPARE(stack.bars[0].name, u"b"_s);
    QCOMPARE(QList<double>(stack.bars[0].pages.begin(), stack.bars[0].pages.end()), b);
    QCOMPARE(stack.bars[2].name, u"other (2 more)"_s);
    QCOMPARE(QList<double>(stack.bars[2].pages.begin(), stack.bars[2].pages.end()), other);
}

void TestCgroupBarChart::chartFollowsTheSnapshot() {
    CgroupBarChart chart;
    chart.setTopN(2);
    chart.setSnapshot(snapshot());
    QCOMPARE(chart.bars().size(), std::size_t(3));
    QVERIFY(chart.plottedLayers().isEmpty()); // nothing pushed before the timer's refresh
    chart.refresh();
    QCOMPARE(chart.plottedLayers().size(), 4);
    QVERIFY(chart.plottedLayers().contains(u"swapfiles"_s));
    chart.setTopN(3); // recomputes from the kept snapshot
    QCOMPARE(chart.bars().size(), std::size_t(4));
    // Tiers appear: the plotted layers follow.
    chart.setSnapshot(tiered());
    chart.refresh();
    QCOMPARE(chart.plottedLayers(), namesOf(chart.layers()));
    QVERIFY(chart.plottedLayers().contains(u"tier slow"_s));
    QVERIFY(!chart.plottedLayers().contains(u"swapfiles"_s));
    chart.setSnapshot(nullptr);
    QVERIFY(chart.bars().empty());
    chart.refresh();
}

QTEST_MAIN(TestCgroupBarChart)
#include "tst_cgroupbarchart.moc"
