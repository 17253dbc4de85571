// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupBarChart: the top N cgroups by swapped pages, most first, ties in cgroup order,
// cgroups with nothing swapped left out, the rest summed per layer into one "other" bar;
// the chart's bars follow the snapshot and the N chosen.
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

} // namespace

class TestCgroupBarChart : public QObject {
    Q_OBJECT

private slots:
    void topCgroups_data();
    void topCgroups();
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
    const auto bars = CgroupBarChart::topCgroups(*snapshot(), n);
    QCOMPARE(int(bars.size()), names.size());
    for (std::size_t i = 0; i < bars.size(); ++i) {
        QCOMPARE(bars[i].name, names[int(i)]);
        double sum = 0;
        for (double v : bars[i].pages)
            sum += v;
        QCOMPARE(sum, totals[int(i)]);
    }
    if (n == 2) { // other = c + d per layer
        QCOMPARE(bars[2].pages[CgroupBarChart::Zero], 5.0);
        QCOMPARE(bars[2].pages[CgroupBarChart::Pool], 7.0);
        QCOMPARE(bars[2].pages[CgroupBarChart::Device], 4.0);
    }
}

void TestCgroupBarChart::chartFollowsTheSnapshot() {
    CgroupBarChart chart;
    chart.setTopN(2);
    chart.setSnapshot(snapshot());
    QCOMPARE(chart.bars().size(), std::size_t(3));
    chart.refresh();
    chart.setTopN(3); // recomputes from the kept snapshot
    QCOMPARE(chart.bars().size(), std::size_t(4));
    chart.setSnapshot(nullptr);
    QVERIFY(chart.bars().empty());
    chart.refresh();
}

QTEST_MAIN(TestCgroupBarChart)
#include "tst_cgroupbarchart.moc"
