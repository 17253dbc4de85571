// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow (mainwindow.h).
#include "mainwindow.h"

#include "adddevicedialog.h"
#include "charts/cgroupbarchart.h"
#include "comparisonview.h"
#include "configchange.h"
#include "configlint.h"
#include "editors/cgrouppolicyeditor.h"
#include "editors/deviceordereditor.h"
#include "historybrowser.h"
#include "models/devicerankmodel.h"
#include "models/lintmodel.h"
#include "scenariowriter.h"
#include "charts/historychart.h"
#include "models/actionlogmodel.h"
#include "models/cgroupmodel.h"
#include "models/tiermodel.h"
#include "scenario.h"
#include "setuppage.h"
#include "sourcebar.h"
#include "units.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMenu>
#include <QEventLoop>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QMenuBar>
#include <QVBoxLayout>

#include <variant>

namespace swaptier::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_host(std::make_unique<services::EngineHost>()), m_source(new SourceBar(this)),
      m_tabs(new QTabWidget(this)), m_tierModel(new TierModel(this)), m_cgroupModel(new CgroupModel(this)),
      m_tierProxy(new QSortFilterProxyModel(this)), m_cgroupProxy(new QSortFilterProxyModel(this)),
      m_tierView(new QTableView(this)), m_cgroupView(new QTreeView(this)), m_cgroupFilter(new QLineEdit(this)),
      m_history(new HistoryChart(this)), m_cgroupChart(new CgroupBarChart(this)), m_actionLog(new ActionLogModel(this)), m_actionView(new QTableView(this)),
      m_undo(new QUndoStack(this)), m_status(new QLabel(this)) {
    setWindowTitle(tr("swaptier"));
    setObjectName(QStringLiteral("MainWindow"));

    auto* bar = addToolBar(tr("Data source"));
    bar->setObjectName(QStringLiteral("DataSourceBar"));
    bar->setMovable(false);
    bar->addWidget(m_source);

    // Tiers.
    m_tierProxy->setSourceModel(m_tierModel);
    m_tierProxy->setSortRole(TierModel::SortRole);
    m_tierView->setModel(m_tierProxy);
    m_tierView->setSortingEnabled(true);
    m_tierView->sortByColumn(-1, Qt::AscendingOrder); // model order until the user sorts
    m_tierView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tierView->verticalHeader()->hide();
    m_tierView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tierView->horizontalHeader()->setSectionResizeMode(TierModel::Name, QHeaderView::Stretch);
    m_tierView->setAccessibleName(tr("Tier overview"));
    m_tabs->addTab(m_tierView, tr("&Tiers"));

    // Cgroups.
    m_cgroupProxy->setSourceModel(m_cgroupModel);
    m_cgroupProxy->setSortRole(CgroupModel::SortRole);
    m_cgroupProxy->setRecursiveFilteringEnabled(true);
    m_cgroupProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_cgroupProxy->setFilterKeyColumn(CgroupModel::Name);
    m_cgroupView->setModel(m_cgroupProxy);
    m_cgroupView->setSortingEnabled(true);
    m_cgroupView->sortByColumn(-1, Qt::AscendingOrder);
    m_cgroupView->setUniformRowHeights(true); // 500 cgroups: no per-row size hints
    m_cgroupView->setAccessibleName(tr("Cgroup tree"));
    m_cgroupView->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_cgroupFilter->setPlaceholderText(tr("Filter cgroups by name"));
    m_cgroupFilter->setClearButtonEnabled(true);
    m_cgroupFilter->setAccessibleName(tr("Cgroup filter"));
    connect(m_cgroupFilter, &QLineEdit::textChanged, m_cgroupProxy, &QSortFilterProxyModel::setFilterFixedString);
    auto* cgroupPage = new QWidget(this);
    auto* cgroupLayout = new QVBoxLayout(cgroupPage);
    cgroupLayout->setContentsMargins(0, 0, 0, 0);
    cgroupLayout->addWidget(m_cgroupFilter);
    cgroupLayout->addWidget(m_cgroupView);
    m_tabs->addTab(cgroupPage, tr("&Cgroups"));
    m_tabs->addTab(m_cgroupChart, tr("&Occupancy"));
    m_tabs->addTab(m_history, tr("&History"));
    m_setup = new SetupPage(m_host.get(), m_undo,
                            [this](const swaptier::SandboxAction& a, const QString& target) { return runAction(a, target); },
                            this);
    m_tabs->addTab(m_setup, tr("S&etup"));
    m_compare = new ComparisonView(this);
    m_tabs->addTab(m_compare, tr("Classic &vs virtual"));
    m_tabs->setTabToolTip(0, tr("Where swapped pages live: each place with its size, use, compression and traffic."));
    m_tabs->setTabToolTip(1, tr("Each cgroup's pages per place, limits and policy; type to filter."));
    m_tabs->setTabToolTip(2, tr("Swapped pages per cgroup, the largest first."));
    m_tabs->setTabToolTip(3, tr("Pages per place and swap rates over time; older runs from the history file."));
    m_tabs->setTabToolTip(4, tr("Change the running setup: swapfile order and priorities, cgroup policy, pool."));
    m_tabs->setTabToolTip(5, tr("The same scenario in the classic and the virtual design, side by side."));

    // Lint panel.
    m_lint = new LintModel(this);
    m_lintView = new QTableView(this);
    m_lintView->setModel(m_lint);
    m_lintView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lintView->verticalHeader()->hide();
    m_lintView->horizontalHeader()->setStretchLastSection(true);
    m_lintView->setAccessibleName(tr("Setup warnings"));
    m_lintView->setToolTip(tr("Setup mistakes found in the running setup; hover for the explanation, double-click "
                              "or press Enter to go to the setting."));
    connect(m_lintView, &QAbstractItemView::activated, this, &MainWindow::jumpToFinding);
    m_lintDock = new QDockWidget(tr("Lint"), this);
    m_lintDock->setObjectName(QStringLiteral("LintDock"));
    m_lintDock->setWidget(m_lintView);
    addDockWidget(Qt::BottomDockWidgetArea, m_lintDock);

    setCentralWidget(m_tabs);
    createMenus();
    createActions();
    statusBar()->addWidget(m_status, 1);
    m_status->setText(tr("Choose a scenario and press Start."));

    connect(m_source, &SourceBar::startRequested, this, [this](const QString& name) {
        QString error;
        if (!startScenario(name, &error))
            showWarning(tr("Cannot start the scenario"), error);
    });
    connect(m_source, &SourceBar::pauseRequested, this, [this](bool paused) {
        if (paused)
            m_host->pause();
        else
            m_host->resume();
    });
    connect(m_source, &SourceBar::stopRequested, m_host.get(), &services::EngineHost::stop);
    connect(m_source, &SourceBar::speedChanged, this,
            [this](int percent) { static_cast<void>(m_host->setSpeed(percent / 100.0, nullptr)); });
    connect(m_host.get(), &services::EngineHost::stateChanged, m_source, &SourceBar::setState);
    connect(m_host.get(), &services::EngineHost::stateChanged, this, &MainWindow::updateActionsEnabled);
    connect(m_host.get(), &services::EngineHost::actionProgress, m_actionLog, &ActionLogModel::progressed);
    connect(m_host.get(), &services::EngineHost::actionFinished, m_actionLog, &ActionLogModel::finished);
    connect(m_host.get(), &services::EngineHost::finished, m_actionLog, &ActionLogModel::runEnded);
    connect(m_host.get(), &services::EngineHost::snapshotAvailable, this, &MainWindow::onSnapshot);
    connect(m_host.get(), &services::EngineHost::finished, this, &MainWindow::onFinished);
    connect(m_host.get(), &services::EngineHost::historyError, this, [this](const QString& message) {
        m_status->setText(message);
        statusBar()->showMessage(message, 10000);
    });
    connect(m_host.get(), &services::EngineHost::configChanged, this, [this] { updateLint(true); });

    readSettings();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open scenario…"), this, &MainWindow::openScenarioFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Run a scenario file (TOML, see docs/scenario-format.md)."));
    QAction* save = file->addAction(tr("&Save setup as…"), this, &MainWindow::saveSetupAs);
    save->setShortcut(QKeySequence::SaveAs);
    save->setToolTip(tr("Save the running setup, with your changes, as a scenario file."));
    m_runActions.append(save);
    file->addSeparator();
    QAction* history = file->addAction(tr("Open &history…"), this, &MainWindow::openHistory);
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_recordAction = file->addAction(tr("&Record runs in the history"));
    m_recordAction->setCheckable(true);
    m_recordAction->setToolTip(tr("Write every sample of each run to the history file, to open it again later."));
    connect(m_recordAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            QDir().mkpath(QFileInfo(historyPath()).absolutePath());
        m_host->setHistoryPath(on ? historyPath() : QString());
        QSettings().setValue(QStringLiteral("history/record"), on);
    });
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QMenu* themes = view->addMenu(tr("&Theme"));
    auto* group = new QActionGroup(this);
    const std::pair<QString, QString> choices[] = {{QStringLiteral("system"), tr("&System")},
                                                    {QStringLiteral("light"), tr("&Light")},
                                                    {QStringLiteral("dark"), tr("&Dark")}};
    for (const auto& [key, text] : choices) {
        QAction* a = themes->addAction(text);
        a->setCheckable(true);
        a->setData(key);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, key] { setTheme(key); });
    }
    connect(themes, &QMenu::aboutToShow, this, [this, group] {
        for (QAction* a : group->actions())
            a->setChecked(a->data().toString() == m_theme);
    });
    view->addAction(m_lintDock->toggleViewAction());
}

void MainWindow::createActions() {
    using Kind = swaptier::SandboxAction::Kind;
    addToolBarBreak();
    auto* bar = addToolBar(tr("Actions"));
    bar->setObjectName(QStringLiteral("ActionsBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    QAction* compactPool = bar->addAction(tr("Compact &pool"));
    compactPool->setToolTip(tr("Repack the compressed pool's size classes and give back the memory of emptied pages."));
    connect(compactPool, &QAction::triggered, this, [this] {
        swaptier::SandboxAction a;
        a.kind = Kind::CompactPool;
        runAction(a, tr("compressed pool"));
    });

    QAction* writeback = bar->addAction(tr("&Write back now"));
    writeback->setToolTip(tr("Write the pool pages of the cgroup selected in the Cgroups tab (and its descendants; "
                             "the root if none is selected) to the swapfiles now, oldest first, in large writes."));
    connect(writeback, &QAction::triggered, this, [this] {
        swaptier::SandboxAction a;
        a.kind = Kind::Writeback;
        a.cgroup = selectedCgroup();
        a.writeback.secondChance = false;
        const auto snapshot = m_host->snapshot();
        QString target = tr("cgroup %1").arg(a.cgroup);
        if (snapshot && std::size_t(a.cgroup) < snapshot->sample.cgroups.size())
            target = QString::fromStdString(snapshot->sample.cgroups[std::size_t(a.cgroup)].name);
        runAction(a, target);
    });

    const auto deviceButton = [&](const QString& text, const QString& tip, Kind kind) {
        auto* menu = new QMenu(text, this);
        connect(menu, &QMenu::aboutToShow, this, [this, menu, kind] { fillDeviceMenu(menu, kind); });
        auto* button = new QToolButton(bar);
        button->setText(text);
        button->setToolTip(tip);
        button->setMenu(menu);
        button->setPopupMode(QToolButton::InstantPopup);
        return bar->addWidget(button);
    };
    QAction* compactDevice = deviceButton(tr("Compact &swapfile"),
                                          tr("Move the swapfile's live slots to its start and shrink the file."),
                                          Kind::CompactDevice);
    QAction* swapoff = deviceButton(tr("Swap&off"),
                                    tr("Empty a swapfile and remove it: its pages move to the other tiers (no page "
                                       "table is walked)."),
                                    Kind::Swapoff);
    QAction* addDevice = bar->addAction(tr("&Add swapfile…"));
    addDevice->setToolTip(tr("Create a swapfile and swap it on in the running sandbox; Swapoff removes one."));
    connect(addDevice, &QAction::triggered, this, &MainWindow::showAddDeviceDialog);
    bar->addSeparator();
    m_cancelAction = bar->addAction(tr("&Cancel action"));
    m_cancelAction->setToolTip(tr("Cancel the action selected in the log: a queued one does not run, a running "
                                  "writeback or compaction stops at its next batch."));
    connect(m_cancelAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_actionView->currentIndex();
        if (current.isValid())
            m_host->cancelAction(current.data(ActionLogModel::IdRole).toULongLong());
    });
    m_runActions.append({compactPool, writeback, compactDevice, swapoff, addDevice, m_cancelAction});

    m_actionView->setModel(m_actionLog);
    m_actionView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_actionView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_actionView->verticalHeader()->hide();
    m_actionView->horizontalHeader()->setStretchLastSection(true);
    m_actionView->setAccessibleName(tr("Action log"));
    auto* dock = new QDockWidget(tr("Actions"), this);
    dock->setObjectName(QStringLiteral("ActionsDock"));
    dock->setWidget(m_actionView);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    tabifyDockWidget(dock, m_lintDock); // the log and the lint panel share the bottom
    dock->raise();
    resizeDocks({dock}, {140}, Qt::Vertical);
    updateActionsEnabled();
}

void MainWindow::fillDeviceMenu(QMenu* menu, swaptier::SandboxAction::Kind kind) {
    menu->clear();
    const auto snapshot = m_host->snapshot();
    if (snapshot) {
        for (const swaptier::TierUsage& t : snapshot->sample.tiers) {
            if (t.backend != swaptier::Backend::Device || t.device < 0)
                continue;
            const QString name = std::size_t(t.device) < snapshot->deviceNames.size()
                                     ? QString::fromStdString(snapshot->deviceNames[std::size_t(t.device)])
                                     : QString::fromStdString(t.name);
            QAction* item = menu->addAction(name);
            const int device = t.device;
            connect(item, &QAction::triggered, this, [this, kind, device, name] {
                swaptier::SandboxAction a;
                a.kind = kind;
                a.device = device;
                runAction(a, name);
            });
        }
    }
    if (menu->isEmpty())
        menu->addAction(tr("(no swapfile)"))->setEnabled(false);
}

void MainWindow::updateActionsEnabled() {
    const bool running = m_host->running();
    for (QAction* a : m_runActions)
        a->setEnabled(running);
}

quint64 MainWindow::runAction(const swaptier::SandboxAction& action, const QString& target) {
    const quint64 id = m_host->submit(action);
    if (id == 0) {
        m_status->setText(tr("Nothing is running: start a scenario first."));
        return 0;
    }
    m_actionLog->added(id, action.kind, target);
    m_actionView->scrollToBottom();
    return id;
}

int MainWindow::selectedCgroup() const {
    const QModelIndex current = m_cgroupView->currentIndex();
    if (!current.isValid())
        return 0;
    return m_cgroupProxy->mapToSource(current).data(CgroupModel::CgroupIndexRole).toInt();
}

MainWindow::~MainWindow() {
    m_host.reset(); // stops and joins the run before the device directory goes
}

bool MainWindow::startScenario(const QString& name, QString* error) {
    if (m_host->running()) {
        QEventLoop wait;
        connect(m_host.get(), &services::EngineHost::finished, &wait, &QEventLoop::quit);
        m_host->stop();
        wait.exec(QEventLoop::ExcludeUserInputEvents);
    }
    auto dir = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("swaptier-gui-XXXXXX")));
    if (!dir->isValid()) {
        if (error)
            *error = tr("Cannot create a directory for the swapfiles in %1: %2").arg(QDir::tempPath(), dir->errorString());
        return false;
    }
    services::ScenarioParser::Options options;
    options.deviceDir = dir->path();
    auto loaded = services::ScenarioParser::load(name, options);
    if (auto* failure = std::get_if<services::ScenarioError>(&loaded)) {
        if (error)
            *error = failure->toString();
        return false;
    }
    const services::LoadedScenario& scenario = std::get<services::LoadedScenario>(loaded);
    swaptier::SandboxConfig config = scenario.variants.front().config;
    if (!m_host->start(config, true, error))
        return false;
    m_deviceDir = std::move(dir);
    m_scenarioName = scenario.name;
    m_scenarioDescription = scenario.description;
    m_source->setScenario(name);
    m_compare->setConfig(config, scenario.name);
    m_lintedConfig.reset();
    m_undo->clear(); // edits of the last run do not apply to this one
    m_history->clear();
    static_cast<void>(m_host->setSpeed(m_source->speedPercent() / 100.0, nullptr));
    m_expandedOnce = false;
    m_status->setText(tr("Running %1: %2").arg(scenario.name, scenario.description));
    return true;
}

void MainWindow::onSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    m_tierModel->setSnapshot(snapshot);
    m_cgroupModel->setSnapshot(snapshot);
    m_history->addSnapshot(*snapshot);
    m_cgroupChart->setSnapshot(snapshot);
    m_setup->setSnapshot(snapshot);
    updateLint(false);
    if (!m_expandedOnce && m_cgroupProxy->rowCount() > 0) {
        m_cgroupView->expandAll();
        m_cgroupView->resizeColumnToContents(CgroupModel::Name);
        m_expandedOnce = true;
    }
    m_source->setProgress(snapshot->progress, snapshot->holding);
    if (snapshot->holding)
        m_status->setText(tr("Every access made; the run stays for actions until you press Stop."));
}

void MainWindow::showWarning(const QString& title, const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::onFinished(const std::shared_ptr<const swaptier::SandboxReport>& report, const QString& error) {
    if (!error.isEmpty()) {
        m_status->setText(tr("The run failed: %1").arg(error));
        showWarning(tr("The run failed"), error);
        return;
    }
    if (report)
        m_status->setText(tr("Finished after %1 rounds and %2 page accesses.")
                              .arg(QLocale().toString(qulonglong(report->rounds)),
                                   QLocale().toString(qulonglong(report->counters.accesses))));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateLint(bool force) {
    // The setup rules change only with the setup; the usage rules (limits below use) with
    // every sample: once a second is plenty for those.
    const auto config = m_host->config();
    const auto snapshot = m_host->snapshot();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!config || (!force && config == m_lintedConfig && now - m_lintedAtMs < 1000))
        return;
    m_lintedConfig = config;
    m_lintedAtMs = now;
    m_lint->setFindings(services::ConfigLint::check(*config, snapshot ? &snapshot->sample : nullptr));
    const int warnings = m_lint->warningCount();
    m_lintDock->setWindowTitle(warnings ? tr("Lint (%1)").arg(warnings) : tr("Lint"));
}

void MainWindow::jumpToFinding(const QModelIndex& index) {
    if (!index.isValid())
        return;
    const auto kind = services::LintSubject::Kind(index.data(LintModel::SubjectKindRole).toInt());
    const int subject = index.data(LintModel::SubjectIndexRole).toInt();
    switch (kind) {
    case services::LintSubject::Kind::Device: {
        m_tabs->setCurrentWidget(m_setup);
        DeviceOrderEditor* editor = m_setup->deviceEditor();
        const auto& order = editor->model()->order();
        for (std::size_t r = 0; r < order.size(); ++r)
            if (order[r] == subject)
                editor->view()->setCurrentIndex(editor->model()->index(int(r), DeviceRankModel::Priority));
        editor->view()->setFocus();
        break;
    }
    case services::LintSubject::Kind::Cgroup:
        m_tabs->setCurrentWidget(m_setup);
        m_setup->policyEditor()->selectCgroup(subject);
        m_setup->policyEditor()->setFocus();
        break;
    case services::LintSubject::Kind::Tier:
        m_tabs->setCurrentWidget(m_setup);
        break;
    default:
        break;
    }
}

void MainWindow::openScenarioFile() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/scenarioDir"), QDir::homePath()).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), dir,
                                                      tr("Scenarios (*.toml);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("files/scenarioDir"), QFileInfo(path).absolutePath());
    QString error;
    if (!startScenario(QFileInfo(path).absoluteFilePath(), &error))
        showWarning(tr("Cannot start the scenario"), error);
}

bool MainWindow::saveSetup(const QString& path, QString* error) {
    const auto config = m_host->config();
    if (!config) {
        if (error)
            *error = tr("Nothing has run yet: start a scenario first.");
        return false;
    }
    const swaptier::SandboxConfig setup =
        services::ConfigChange::currentSetup(*config, m_host->deviceActive(), m_host->plannedRan(),
                                             m_host->plannedDevices());
    services::ScenarioWriter::Options options;
    if (m_deviceDir)
        options.relativeTo = m_deviceDir->path();
    const QString name = m_scenarioName.isEmpty() ? QFileInfo(path).completeBaseName() : m_scenarioName;
    const auto failure = services::ScenarioWriter::save(path, setup, name, m_scenarioDescription, options);
    if (failure) {
        if (error)
            *error = *failure;
        return false;
    }
    return true;
}

void MainWindow::saveSetupAs() {
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("files/scenarioDir"), QDir::homePath()).toString();
    const QString suggested = QDir(dir).filePath((m_scenarioName.isEmpty() ? QStringLiteral("setup") : m_scenarioName) +
                                                 QStringLiteral(".toml"));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the setup as a scenario"), suggested, tr("Scenarios (*.toml)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("files/scenarioDir"), QFileInfo(path).absolutePath());
    QString error;
    if (!saveSetup(path, &error)) {
        showWarning(tr("Cannot save the setup"), error);
        return;
    }
    statusBar()->showMessage(tr("Saved the setup to %1.").arg(QDir::toNativeSeparators(path)), 8000);
}

QString MainWindow::historyPath() const {
    const QString fallback =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("history.db"));
    return QSettings().value(QStringLiteral("history/path"), fallback).toString();
}

void MainWindow::openHistory() {
    const QString path = historyPath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    HistoryBrowser browser(path, m_history, this);
    connect(&browser, &HistoryBrowser::pathChosen, this, [this](const QString& chosen) {
        QSettings().setValue(QStringLiteral("history/path"), chosen);
        if (m_recordAction->isChecked())
            m_host->setHistoryPath(chosen);
    });
    connect(&browser, &HistoryBrowser::runOpened, this, [this] { m_tabs->setCurrentWidget(m_history); });
    browser.exec();
}

quint64 MainWindow::addDevice(const swaptier::SandboxAction& action) {
    const QString name = QString::fromStdString(action.newDeviceName.empty() ? action.newDevice.path : action.newDeviceName);
    return runAction(action, name);
}

void MainWindow::showAddDeviceDialog() {
    const auto config = m_host->expectedConfig();
    if (!config || !m_deviceDir) {
        m_status->setText(tr("Nothing is running: start a scenario first."));
        return;
    }
    AddDeviceDialog dialog(*config, m_deviceDir->path(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.action())
        addDevice(*dialog.action());
}

void MainWindow::setTheme(const QString& theme) {
    m_theme = theme == QLatin1String("light") || theme == QLatin1String("dark") ? theme : QStringLiteral("system");
    QSettings().setValue(QStringLiteral("view/theme"), m_theme);
    static const QString systemStyle = QApplication::style()->name();
    if (m_theme == QLatin1String("system")) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    // Fusion draws every control from the palette, so both palettes look whole.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p = QApplication::style()->standardPalette();
    if (m_theme == QLatin1String("dark")) {
        const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x20), text(0xe8, 0xe8, 0xea);
        const QColor disabled(0x80, 0x80, 0x86), highlight(0x3d, 0x7e, 0xd6);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, base);
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, disabled);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, window);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        p.setColor(QPalette::Highlight, highlight);
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x55));
        p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
        p.setColor(QPalette::Light, QColor(0x48, 0x48, 0x4c));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, disabled);
    }
    QApplication::setPalette(p);
}

void MainWindow::readSettings() {
    QSettings settings;
    setTheme(settings.value(QStringLiteral("view/theme"), QStringLiteral("system")).toString());
    m_recordAction->setChecked(settings.value(QStringLiteral("history/record"), true).toBool());
    if (m_recordAction->isChecked())
        QDir().mkpath(QFileInfo(historyPath()).absolutePath());
    m_host->setHistoryPath(m_recordAction->isChecked() ? historyPath() : QString());
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_source->setScenario(settings.value(QStringLiteral("source/scenario"), QStringLiteral("cgroup-tree")).toString());
    m_source->setSpeedPercent(settings.value(QStringLiteral("source/speed"), 100).toInt());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("source/scenario"), m_source->scenario());
    settings.setValue(QStringLiteral("source/speed"), m_source->speedPercent());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
}

} // namespace swaptier::ui
