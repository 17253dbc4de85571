// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow with the real engine: starting a built-in scenario fills the tier and cgroup
// views from the host's snapshots; the source bar's pause, speed and stop reach the host; an
// unknown scenario is refused with a sentence; settings survive a new window.
#include <QAbstractItemModelTester>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historychart.h"
#include "mainwindow.h"
#include "models/actionlogmodel.h"
#include "models/cgroupmodel.h"
#include "models/tiermodel.h"
#include "sourcebar.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void runsAScenarioIntoTheViews();
    void unknownScenarioIsRefused();
    void settingsPersist();
};

void TestMainWindow::initTestCase() {
    QStandardPaths::setTestModeEnabled(true); // QSettings in a test location
    QCoreApplication::setOrganizationName(u"swaptier-test"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QSettings().clear();
}

void TestMainWindow::runsAScenarioIntoTheViews() {
    MainWindow window;
    QAbstractItemModelTester tiers(window.tierModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester cgroups(window.cgroupModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy finished(&window.host(), &EngineHost::finished);
    QString error;
    QVERIFY2(window.startScenario(u"cgroup-tree"_s, &error), qPrintable(error));
    QCOMPARE(window.host().state(), EngineHost::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(window.tierModel()->rowCount() > 0 && window.cgroupModel()->rowCount() > 0, 30000);

    // Pause from the source bar: the host pauses.
    emit window.sourceBar()->pauseRequested(true);
    QCOMPARE(window.host().state(), EngineHost::State::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(window.host().snapshot()->state, EngineHost::State::Paused, 20000);
    emit window.sourceBar()->speedChanged(50);
    QTRY_COMPARE_WITH_TIMEOUT(window.host().snapshot()->speed, 0.5, 20000);
    emit window.sourceBar()->pauseRequested(false);
    QCOMPARE(window.host().state(), EngineHost::State::Running);

    // The history tab draws what the snapshots brought (one point per snapshot, per series).
    window.tabs()->setCurrentWidget(window.historyChart());
    QTRY_VERIFY_WITH_TIMEOUT(window.historyChart()->buffer().series().contains(u"tier:pool"_s), 20000);
    window.historyChart()->refresh();
    QVERIFY(window.historyChart()->pointsShown(u"tier:pool"_s) > 0);
    QVERIFY(window.historyChart()->pointsShown(u"rate:swapout"_s) > 0);

    // The cgroup tree has the scenario's cgroups under the root.
    const QModelIndex root = window.cgroupModel()->index(0, 0);
    QCOMPARE(root.data().toString(), u"/"_s);
    QVERIFY(window.cgroupModel()->rowCount(root) > 0);

    // Actions from the window reach the engine and come back into the log.
    SandboxAction compact;
    compact.kind = SandboxAction::Kind::CompactPool;
    const quint64 compactId = window.runAction(compact, u"compressed pool"_s);
    SandboxAction writeback;
    writeback.kind = SandboxAction::Kind::Writeback;
    writeback.cgroup = window.selectedCgroup();
    QCOMPARE(writeback.cgroup, 0); // nothing selected: the root
    const quint64 writebackId = window.runAction(writeback, u"/"_s);
    QVERIFY(compactId > 0 && writebackId > compactId);
    ActionLogModel* log = window.actionLog();
    QCOMPARE(log->rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(log->status(log->rowOf(compactId)), ActionLogModel::Status::Done, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(log->status(log->rowOf(writebackId)), ActionLogModel::Status::Done, 60000);
    QVERIFY(log->index(log->rowOf(writebackId), ActionLogModel::Result).data().toString().contains(u"moved"_s));

    // After the writeback, swapfile pages show per tier: each cgroup's tier columns add up to
    // its swapfile column, and some are on a tier.
    CgroupModel* model = window.cgroupModel();
    QVERIFY(model->tierCount() > 0);
    const auto pagesOnTiers = [model](int cgroup) {
        qulonglong sum = 0;
        for (int t = 0; t < model->tierCount(); ++t)
            sum += model->indexOfCgroup(cgroup).siblingAtColumn(model->tierColumn(t)).data(CgroupModel::RawValueRole).toULongLong();
        return sum;
    };
    const int cgroupCount = int(window.host().snapshot()->sample.cgroups.size());
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            qulonglong all = 0;
            for (int c = 0; c < cgroupCount; ++c)
                all += pagesOnTiers(c);
            return all > 0;
        }(),
        20000);
    for (int c = 0; c < cgroupCount; ++c)
        QCOMPARE(pagesOnTiers(c), model->indexOfCgroup(c)
                                      .siblingAtColumn(model->column(CgroupModel::Device))
                                      .data(CgroupModel::RawValueRole)
                                      .toULongLong());

    emit window.sourceBar()->stopRequested();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(1).toString().isEmpty(), qPrintable(finished.first().at(1).toString()));
    QCOMPARE(window.host().state(), EngineHost::State::Finished);
}

void TestMainWindow::unknownScenarioIsRefused() {
    MainWindow window;
    QCOMPARE(window.runAction(SandboxAction{}, u"x"_s), 0u); // nothing runs: refused, not logged
    QCOMPARE(window.actionLog()->rowCount(), 0);
    QString error;
    QVERIFY(!window.startScenario(u"no-such-scenario"_s, &error));
    QVERIFY2(error.contains(u"no-such-scenario"_s), qPrintable(error));
    QCOMPARE(window.host().state(), EngineHost::State::Idle);

    // Start pressed with it: a warning naming it, shown without blocking (this line returns).
    window.show();
    emit window.sourceBar()->startRequested(u"no-such-scenario"_s);
    QMessageBox* box = window.findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"no-such-scenario"_s), qPrintable(box->text()));
    box->accept();
    QTRY_VERIFY(!window.findChild<QMessageBox*>()); // closed and deleted
}

void TestMainWindow::settingsPersist() {
    {
        MainWindow window;
        window.sourceBar()->setScenario(u"usemem"_s);
        window.sourceBar()->setSpeedPercent(40);
        window.tabs()->setCurrentIndex(2);
        window.close(); // writes the settings
    }
    MainWindow again;
    QCOMPARE(again.sourceBar()->scenario(), u"usemem"_s);
    QCOMPARE(again.sourceBar()->speedPercent(), 40);
    QCOMPARE(again.tabs()->currentIndex(), 2);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
