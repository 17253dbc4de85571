// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonView (offscreen): without a scenario the button is disabled; with one, a click runs
// the comparison off the GUI thread (Cancel enabled meanwhile), and the result fills the table
// with every compared figure and the chart with one bar pair per cost figure; Cancel on a long
// comparison ends it with the previous result still shown and the controls back to idle.
#include <QDir>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/comparisonchart.h"
#include "comparisonview.h"
#include "models/comparisonmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + u"/tst-comparisonview-XXXXXX"_s);
    }
    return QTemporaryDir();
}

/// A cgroup writing 1024 pages `passes` times under 1 MiB, a 256 KiB pool, a 16 MiB swapfile
/// swapped off after the last access.
SandboxConfig config(const QString& dir, unsigned passes) {
    SandboxConfig c;
    c.name = "view";
    c.seed = 5;
    c.engine.pool.limitBytes = 256 * 1024;
    DeviceOptions d;
    d.path = QString(dir + u"/live.swap"_s).toStdString();
    d.sizeBytes = 16 * kMiB;
    d.priority = 10;
    d.io = IoMode::Buffered;
    c.devices = {d};
    CgroupSpec root;
    root.name = "/";
    CgroupSpec work;
    work.name = "work";
    work.parent = 0;
    work.memoryMax = 1 * kMiB;
    c.cgroups = {root, work};
    WorkloadSpec w;
    w.name = "fill";
    w.kind = WorkloadKind::Sequential;
    w.cgroup = 1;
    w.pages = 1024;
    w.passes = passes;
    c.workloads = {w};
    SandboxAction off;
    off.kind = SandboxAction::Kind::Swapoff;
    off.device = 0;
    c.actions = {off};
    c.sampleIntervalMs = 1;
    return c;
}

} // namespace

class TestComparisonView : public QObject {
    Q_OBJECT

private slots:
    void buttonNeedsAScenario();
    void clickRunsAndShowsTheComparison();
    void cancelKeepsThePreviousResult();

private:
    QTemporaryDir m_live = makeScratchDir();
    QTemporaryDir m_scratch = makeScratchDir();
};

void TestComparisonView::buttonNeedsAScenario() {
    ComparisonView view;
    QVERIFY(!view.hasConfig());
    QVERIFY(!view.compareButton()->isEnabled());
    QVERIFY(!view.cancelButton()->isEnabled());
    QVERIFY(!view.runComparison());
    view.setConfig(config(m_live.path(), 2), u"my scenario"_s);
    QVERIFY(view.compareButton()->isEnabled());
    QCOMPARE(view.scenarioName(), u"my scenario"_s);
    view.clearConfig();
    QVERIFY(!view.compareButton()->isEnabled());
    QVERIFY(!view.running());
}

void TestComparisonView::clickRunsAndShowsTheComparison() {
    ComparisonView view;
    view.runner()->setScratchBase(m_scratch.path());
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setConfig(config(m_live.path(), 2), u"my scenario"_s);
    QSignalSpy done(&view, &ComparisonView::comparisonFinished);
    QTest::mouseClick(view.compareButton(), Qt::LeftButton);
    QVERIFY(view.running());
    QVERIFY(!view.compareButton()->isEnabled());
    QVERIFY(view.cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(view.result() != nullptr, 120000);
    QCOMPARE(done.size(), 1);
    QVERIFY(!view.running());
    QVERIFY(view.compareButton()->isEnabled());
    QVERIFY(!view.cancelButton()->isEnabled());
    QCOMPARE(view.progressBar()->value(), view.progressBar()->maximum());
    QVERIFY2(view.statusText().contains(u"my scenario"_s), qPrintable(view.statusText()));

    const auto& rows = view.result()->rows;
    QCOMPARE(view.table()->model(), static_cast<QAbstractItemModel*>(view.model()));
    QCOMPARE(view.model()->rowCount(), int(rows.size()));
    for (int i = 0; i < view.model()->rowCount(); ++i) {
        QCOMPARE(view.model()->index(i, ComparisonModel::Figure).data().toString(), rows[std::size_t(i)].name);
        QCOMPARE(view.model()->index(i, ComparisonModel::Classic).data(ComparisonModel::RawValueRole).toULongLong(),
                 rows[std::size_t(i)].classicValue);
    }
    int costs = 0;
    for (const ComparisonRow& r : rows)
        costs += ComparisonChart::charted(r) ? 1 : 0;
    QVERIFY(costs >= 10);
    QCOMPARE(view.chart()->barCount(ComparisonChart::VirtualSeries), costs);
    QCOMPARE(view.chart()->barCount(ComparisonChart::ClassicSeries), costs);
    QCOMPARE(view.chart()->barLabels().size(), costs);
    QVERIFY(view.chart()->barLabels().contains(u"\u221e"_s)); // only the classic design walks page tables
}

void TestComparisonView::cancelKeepsThePreviousResult() {
    ComparisonView view;
    view.runner()->setScratchBase(m_scratch.path());
    view.setConfig(config(m_live.path(), 2), u"short"_s);
    QVERIFY(view.runComparison());
    QTRY_VERIFY_WITH_TIMEOUT(view.result() != nullptr, 120000);
    const auto previous = view.result();
    const int rows = view.model()->rowCount();

    view.setConfig(config(m_live.path(), 100000), u"long"_s);
    QVERIFY(view.runComparison());
    QTRY_VERIFY_WITH_TIMEOUT(view.statusText().contains(u"running the virtual design"_s), 30000);
    QTest::mouseClick(view.cancelButton(), Qt::LeftButton);
    QVERIFY(!view.cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!view.running(), 10000);
    QCOMPARE(view.statusText(), u"Comparison cancelled."_s);
    QCOMPARE(view.result(), previous);
    QCOMPARE(view.model()->rowCount(), rows);
    QVERIFY(view.compareButton()->isEnabled());
    QCOMPARE(view.progressBar()->value(), 0);
    QVERIFY(QDir(m_scratch.path()).isEmpty());
}

QTEST_MAIN(TestComparisonView)
#include "tst_comparisonview.moc"
