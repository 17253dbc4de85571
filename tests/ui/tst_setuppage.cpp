// SPDX-License-Identifier: GPL-3.0-or-later
// The Setup tab with the real engine: a priority edited in the ranked list's spin box, a row
// dropped at another place, a cgroup policy and the pool settings applied in their editors
// all change the running engine (seen in its own samples, not only in the tracked config);
// undo and redo go back and forth through the engine; invalid input is refused next to the
// field and submits nothing.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QUndoStack>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "adddevicedialog.h"
#include "configlint.h"
#include "models/lintmodel.h"
#include "models/tiermodel.h"
#include "scenario.h"
#include "editors/cgrouppolicyeditor.h"
#include "editors/deviceordereditor.h"
#include "editors/fielderror.h"
#include "editors/pooleditor.h"
#include "mainwindow.h"
#include "models/actionlogmodel.h"
#include "models/devicerankmodel.h"
#include "setuppage.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 60000;

/// The engine's own word on a device's tier: the sample's row for it.
QString engineTierOf(const MainWindow& window, int device) {
    const auto s = const_cast<MainWindow&>(window).host().snapshot();
    if (!s)
        return {};
    for (const TierUsage& t : s->sample.tiers)
        if (t.backend == Backend::Device && t.device == device)
            return QString::fromStdString(t.tier);
    return {};
}

std::uint64_t poolCapacity(MainWindow& window) {
    const auto s = window.host().snapshot();
    for (const TierUsage& t : s->sample.tiers)
        if (t.backend == Backend::Pool)
            return t.capacityBytes;
    return 0;
}

int cgroupIndex(MainWindow& window, const std::string& name) {
    const auto& groups = window.host().config()->cgroups;
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].name == name)
            return int(i);
    return -1;
}

void setText(QLineEdit* edit, const QString& text) {
    edit->selectAll();
    QTest::keyClicks(edit, text); // textEdited, as a user's typing
}

} // namespace

class TestSetupPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void priorityEditAndUndoReachTheEngine();
    void droppedRowReranksTheEngine();
    void cgroupPolicyAppliesAndRefusesBadInput();
    void poolSettingsApply();
    void addedSwapfileJoinsTheRunAndTheLint();
    void savedSetupLoadsBackWithTheEdits();
    void darkTheme();

private:
    std::unique_ptr<MainWindow> m_window;
};

void TestSetupPage::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"swaptier-test"_s);
    QCoreApplication::setApplicationName(u"tst_setuppage"_s);
    QSettings().clear();
}

void TestSetupPage::init() {
    m_window = std::make_unique<MainWindow>();
    QString error;
    QVERIFY2(m_window->startScenario(u"tier-policies"_s, &error), qPrintable(error));
    m_window->host().pause(); // actions still run while paused; the workload waits
    QTRY_VERIFY_WITH_TIMEOUT(m_window->host().snapshot() && m_window->host().snapshot()->config &&
                                 !engineTierOf(*m_window, 1).isEmpty(),
                             kTimeout);
    QCOMPARE(engineTierOf(*m_window, 0), u"fast"_s);
    QCOMPARE(engineTierOf(*m_window, 1), u"slow"_s);
}

void TestSetupPage::cleanup() {
    if (m_window && m_window->host().running()) {
        QSignalSpy finished(&m_window->host(), &EngineHost::finished);
        m_window->host().stop();
        QVERIFY(finished.wait(kTimeout));
    }
    m_window.reset();
}

void TestSetupPage::priorityEditAndUndoReachTheEngine() {
    MainWindow& window = *m_window;
    DeviceOrderEditor* editor = window.setupPage()->deviceEditor();
    DeviceRankModel* model = editor->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kTimeout);
    QCOMPARE(model->order(), (std::vector<int>{0, 1}));

    // The slow swapfile's priority, typed into the spin box of its row.
    window.tabs()->setCurrentWidget(window.setupPage());
    const QModelIndex slow = model->index(1, DeviceRankModel::Priority);
    editor->view()->setCurrentIndex(slow);
    editor->view()->edit(slow);
    auto* spin = editor->view()->findChild<QSpinBox*>(u"PrioritySpin"_s);
    QVERIFY(spin);
    QCOMPARE(spin->minimum(), -1);
    QCOMPARE(spin->maximum(), 32767);
    spin->setValue(20);
    QTest::keyClick(spin, Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(engineTierOf(window, 1), u"fast"_s, kTimeout); // the engine moved it
    QCOMPARE(window.host().config()->devices[1].priority, 20);
    QTRY_COMPARE_WITH_TIMEOUT(model->order(), (std::vector<int>{1, 0}), kTimeout);
    QCOMPARE(window.undoStack()->count(), 1);
    QVERIFY(window.undoStack()->undoText().contains(u"20"_s));
    ActionLogModel* log = window.actionLog();
    QCOMPARE(log->rowCount(), 1);
    QCOMPARE(log->status(0), ActionLogModel::Status::Done);

    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(engineTierOf(window, 1), u"slow"_s, kTimeout);
    QCOMPARE(window.host().config()->devices[1].priority, 1);
    window.undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(engineTierOf(window, 1), u"fast"_s, kTimeout);
    QCOMPARE(log->rowCount(), 3); // edit, undo and redo all went through the engine
}

void TestSetupPage::droppedRowReranksTheEngine() {
    MainWindow& window = *m_window;
    DeviceOrderEditor* editor = window.setupPage()->deviceEditor();
    DeviceRankModel* model = editor->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kTimeout);
    // Drop the slow swapfile onto the top row, as the view does at the end of a drag.
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(1, 0)}));
    QVERIFY(!model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
    QTRY_COMPARE_WITH_TIMEOUT(model->order(), (std::vector<int>{1, 0}), kTimeout);
    QCOMPARE(window.host().config()->devices[1].priority, 11); // just above the old top
    QCOMPARE(engineTierOf(window, 1), u"fast"_s);
    QVERIFY(editor->error()->isHidden());
    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(model->order(), (std::vector<int>{0, 1}), kTimeout);
    QCOMPARE(window.host().config()->devices[1].priority, 1);
}

void TestSetupPage::cgroupPolicyAppliesAndRefusesBadInput() {
    MainWindow& window = *m_window;
    CgroupPolicyEditor* editor = window.setupPage()->policyEditor();
    const int batch = cgroupIndex(window, "apps/batch");
    QVERIFY(batch > 0);
    QTRY_VERIFY_WITH_TIMEOUT(editor->isEnabled(), kTimeout);
    editor->selectCgroup(batch);
    QCOMPARE(editor->cgroup(), batch);
    // allowed_tiers = ["slow"] in the scenario.
    QCOMPARE(editor->tierList()->count(), 2);
    QCOMPARE(editor->tierList()->findItems(u"slow"_s, Qt::MatchExactly).first()->checkState(), Qt::Checked);
    QCOMPARE(editor->tierList()->findItems(u"fast"_s, Qt::MatchExactly).first()->checkState(), Qt::Unchecked);

    // Refused: not a size. Nothing is submitted, the reason is under the field.
    setText(editor->swapMaxEdit(), u"12X"_s);
    QTest::mouseClick(editor->applyButton(), Qt::LeftButton);
    QVERIFY(!editor->swapMaxError()->isHidden());
    QVERIFY(editor->swapMaxError()->text().contains(u"12X"_s));
    QCOMPARE(editor->swapMaxEdit()->accessibleDescription(), editor->swapMaxError()->text());
    QCOMPARE(window.actionLog()->rowCount(), 0);
    QCOMPARE(window.undoStack()->count(), 0);
    // Refused: no tier allowed.
    setText(editor->swapMaxEdit(), u"max"_s);
    editor->tierList()->findItems(u"slow"_s, Qt::MatchExactly).first()->setCheckState(Qt::Unchecked);
    QVERIFY(!editor->apply());
    QVERIFY(!editor->tiersError()->isHidden());
    QVERIFY(editor->swapMaxError()->isHidden());
    QCOMPARE(window.actionLog()->rowCount(), 0);
    editor->revert();
    QCOMPARE(editor->tierList()->findItems(u"slow"_s, Qt::MatchExactly).first()->checkState(), Qt::Checked);

    // Make sure the batch job has pool pages, then keep it out of the pool: the engine writes
    // them back at once.
    window.host().resume();
    QTRY_VERIFY_WITH_TIMEOUT(window.host().snapshot()->sample.cgroups[std::size_t(batch)].poolBytes > 0 ||
                                 window.host().snapshot()->holding,
                             kTimeout);
    window.host().pause();
    QTRY_COMPARE_WITH_TIMEOUT(window.host().snapshot()->state, EngineHost::State::Paused, kTimeout);
    const std::uint64_t poolBefore = window.host().snapshot()->sample.cgroups[std::size_t(batch)].poolBytes;
    const std::uint64_t limitBefore = window.host().config()->cgroups[std::size_t(batch)].zswapMax;
    QSignalSpy ended(&window.host(), &EngineHost::actionFinished);
    setText(editor->zswapMaxEdit(), u"0"_s);
    QTest::keyClick(editor->zswapMaxEdit(), Qt::Key_Return);
    QVERIFY(editor->zswapMaxError()->isHidden());
    QCOMPARE(window.undoStack()->count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window.host().config()->cgroups[std::size_t(batch)].zswapMax, std::uint64_t(0), kTimeout);
    QCOMPARE(ended.count(), 1);
    // The engine enforced the lowered limit at once: it wrote the batch job's pool pages back,
    // all of them.
    const auto figures = ended[0][1].value<ActionFigures>();
    QCOMPARE(figures.error.code, Errc::Ok);
    if (poolBefore > 0)
        QVERIFY(figures.pagesMoved > 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.host().snapshot()->sample.cgroups[std::size_t(batch)].poolBytes, std::uint64_t(0),
                              kTimeout);
    QCOMPARE(window.actionLog()->status(window.actionLog()->rowCount() - 1), ActionLogModel::Status::Done);

    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(window.host().config()->cgroups[std::size_t(batch)].zswapMax, limitBefore, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(editor->zswapMaxEdit()->text(), CgroupPolicyEditor::limitText(limitBefore), kTimeout);
}

void TestSetupPage::poolSettingsApply() {
    MainWindow& window = *m_window;
    PoolEditor* editor = window.setupPage()->poolEditor();
    QTRY_VERIFY_WITH_TIMEOUT(editor->isEnabled(), kTimeout);
    QCOMPARE(editor->codecBox()->currentText(), u"lz4"_s);
    QCOMPARE(editor->limitEdit()->text(), u"16M"_s);
    QCOMPARE(poolCapacity(window), std::uint64_t(16) << 20);

    setText(editor->limitEdit(), u"lots"_s);
    QVERIFY(!editor->apply());
    QVERIFY(!editor->limitError()->isHidden());
    QVERIFY(editor->limitError()->text().contains(u"lots"_s));
    QCOMPARE(window.actionLog()->rowCount(), 0);

    editor->codecBox()->setCurrentIndex(editor->codecBox()->findText(u"zstd"_s));
    QVERIFY(editor->levelSpin()->isEnabled());
    editor->levelSpin()->setValue(5);
    setText(editor->limitEdit(), u"8M"_s);
    QTest::mouseClick(editor->applyButton(), Qt::LeftButton);
    QVERIFY(editor->limitError()->isHidden());
    QTRY_COMPARE_WITH_TIMEOUT(poolCapacity(window), std::uint64_t(8) << 20, kTimeout); // the engine's pool
    QCOMPARE(window.host().config()->engine.pool.codec, Codec::Zstd);
    QCOMPARE(window.host().config()->engine.pool.zstdLevel, 5);
    window.undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(poolCapacity(window), std::uint64_t(16) << 20, kTimeout);
    QCOMPARE(window.host().config()->engine.pool.codec, Codec::Lz4);
    QTRY_COMPARE_WITH_TIMEOUT(editor->codecBox()->currentText(), u"lz4"_s, kTimeout);
}

void TestSetupPage::addedSwapfileJoinsTheRunAndTheLint() {
    MainWindow& window = *m_window;
    const auto config = window.host().expectedConfig();
    QTemporaryDir dir;
    {
        AddDeviceDialog dialog(*config, dir.path());
        dialog.sizeEdit()->setText(u"12Q"_s);
        QVERIFY(!dialog.check());
        QVERIFY(!dialog.sizeError()->isHidden());
        QVERIFY(dialog.sizeError()->text().contains(u"12Q"_s));
        dialog.nameEdit()->setText(u"slow"_s); // taken
        dialog.sizeEdit()->setText(u"16M"_s);
        QVERIFY(!dialog.check());
        QVERIFY(!dialog.nameError()->isHidden());
        QVERIFY(dialog.sizeError()->isHidden());
    }
    // A buffered swapfile with the slow one's priority: added to the run, and the lint panel
    // warns that two devices of different I/O modes share a priority.
    AddDeviceDialog dialog(*config, dir.path());
    dialog.nameEdit()->setText(u"spare"_s);
    dialog.sizeEdit()->setText(u"16M"_s);
    dialog.prioritySpin()->setValue(1);
    auto* io = dialog.findChild<QComboBox*>();
    QVERIFY(io);
    io->setCurrentIndex(2); // buffered
    QVERIFY(dialog.check());
    QVERIFY(dialog.action());
    QSignalSpy ended(&window.host(), &EngineHost::actionFinished);
    QVERIFY(window.addDevice(*dialog.action()) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kTimeout);
    const auto figures = ended[0][1].value<ActionFigures>();
    QCOMPARE(figures.error.code, Errc::Ok);
    QCOMPARE(figures.device, 2);
    QVERIFY(QFileInfo::exists(dir.filePath(u"spare.swap"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(window.setupPage()->deviceEditor()->model()->rowCount(), 3, kTimeout);
    QCOMPARE(window.host().config()->deviceNames.back(), std::string("spare"));
    QTRY_COMPARE_WITH_TIMEOUT(engineTierOf(window, 2), u"slow"_s, kTimeout);
    bool named = false;
    for (int r = 0; r < window.tierModel()->rowCount(); ++r)
        named = named || window.tierModel()->index(r, TierModel::Name).data().toString() == u"spare"_s;
    QVERIFY(named);

    LintModel* lint = window.lintModel();
    QAbstractItemModelTester tester(lint, QAbstractItemModelTester::FailureReportingMode::Fatal);
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < lint->rowCount(); ++r)
                if (lint->index(r, 0).data(LintModel::CodeRole).toString() == u"equal-priority"_s)
                    row = r;
            return row >= 0;
        }(),
        kTimeout);
    // Activating the finding goes to the device in the Setup tab.
    emit window.lintView()->activated(lint->index(row, 0));
    QCOMPARE(window.tabs()->currentWidget(), window.setupPage());
    const int selected =
        window.setupPage()->deviceEditor()->view()->currentIndex().data(DeviceRankModel::DeviceIndexRole).toInt();
    QCOMPARE(selected, lint->index(row, 0).data(LintModel::SubjectIndexRole).toInt());

    // Swapoff removes it again: its file goes, the lint warning too.
    SandboxAction off;
    off.kind = SandboxAction::Kind::Swapoff;
    off.device = 2;
    QVERIFY(window.runAction(off, u"spare"_s) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.setupPage()->deviceEditor()->model()->rowCount(), 2, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(dir.filePath(u"spare.swap"_s)), kTimeout);
}

void TestSetupPage::savedSetupLoadsBackWithTheEdits() {
    MainWindow& window = *m_window;
    QVERIFY(window.setupPage()->deviceEditor()->setPriority(1, 30));
    QTRY_COMPARE_WITH_TIMEOUT(window.host().config()->devices[1].priority, 30, kTimeout);
    // A swapfile added from the window is a device of the saved setup.
    QTemporaryDir addDir;
    SandboxAction add;
    add.kind = SandboxAction::Kind::AddDevice;
    add.newDeviceName = "keep";
    add.newDevice.path = addDir.filePath(u"keep.swap"_s).toStdString();
    add.newDevice.sizeBytes = 4ull << 20;
    add.newDevice.priority = 3;
    QVERIFY(window.addDevice(add) > 0);
    QTRY_COMPARE_WITH_TIMEOUT(window.host().config()->devices.size(), std::size_t(3), kTimeout);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"edited.toml"_s);
    QString error;
    QVERIFY2(window.saveSetup(path, &error), qPrintable(error));
    ScenarioParser::Options options;
    options.deviceDir = dir.path();
    auto loaded = ScenarioParser::load(path, options);
    if (auto* failure = std::get_if<ScenarioError>(&loaded))
        QFAIL(qPrintable(failure->toString()));
    const SandboxConfig& config = std::get<LoadedScenario>(loaded).variants.front().config;
    QCOMPARE(config.devices.size(), std::size_t(3));
    QCOMPARE(config.devices[1].priority, 30);
    QCOMPARE(config.deviceNames[1], std::string("slow"));
    QCOMPARE(config.deviceNames[2], std::string("keep"));
    QCOMPARE(config.devices[2].priority, 3);
    QCOMPARE(config.devices[2].sizeBytes, 4ull << 20);
    // The device files are named relative to the run's directory, so they land in the new one.
    QVERIFY(QString::fromStdString(config.devices[0].path).startsWith(dir.path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("swaptier-gui-"));
    // A directory that cannot hold the file: a sentence naming it, no file.
    QVERIFY(!window.saveSetup(dir.filePath(u"no/such/dir/x.toml"_s), &error));
    QVERIFY2(error.contains(u"no/such/dir"_s), qPrintable(error));
}

void TestSetupPage::darkTheme() {
    MainWindow& window = *m_window;
    window.setTheme(u"dark"_s);
    QCOMPARE(window.theme(), u"dark"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 160);
    window.setTheme(u"light"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 160);
    window.setTheme(u"nonsense"_s);
    QCOMPARE(window.theme(), u"system"_s);
    QCOMPARE(QSettings().value(u"view/theme"_s).toString(), u"system"_s);
}

QTEST_MAIN(TestSetupPage)
#include "tst_setuppage.moc"
