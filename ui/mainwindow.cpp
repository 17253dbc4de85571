// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow (mainwindow.h).
#include "mainwindow.h"

#include "charts/cgroupbarchart.h"
#include "charts/historychart.h"
#include "models/actionlogmodel.h"
#include "models/cgroupmodel.h"
#include "models/tiermodel.h"
#include "scenario.h"
#include "setuppage.h"
#include "sourcebar.h"
#include "units.h"

#include <QAction>
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

    setCentralWidget(m_tabs);
    createMenus();
    createActions();
    statusBar()->addWidget(m_status, 1);
    m_status->setText(tr("Choose a scenario and press Start."));

    connect(m_source, &SourceBar::startRequested, this, [this](const QString& name) {
        QString error;
        if (!startScenario(name, &error))
            QMessageBox::warning(this, tr("Cannot start the scenario"), error);
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

    readSettings();
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
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
    bar->addSeparator();
    m_cancelAction = bar->addAction(tr("&Cancel action"));
    m_cancelAction->setToolTip(tr("Cancel the action selected in the log: a queued one does not run, a running "
                                  "writeback or compaction stops at its next batch."));
    connect(m_cancelAction, &QAction::triggered, this, [this] {
        const QModelIndex current = m_actionView->currentIndex();
        if (current.isValid())
            m_host->cancelAction(current.data(ActionLogModel::IdRole).toULongLong());
    });
    m_runActions = {compactPool, writeback, compactDevice, swapoff, m_cancelAction};

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
    if (!m_expandedOnce && m_cgroupProxy->rowCount() > 0) {
        m_cgroupView->expandAll();
        m_cgroupView->resizeColumnToContents(CgroupModel::Name);
        m_expandedOnce = true;
    }
    m_source->setProgress(snapshot->progress, snapshot->holding);
    if (snapshot->holding)
        m_status->setText(tr("Every access made; the run stays for actions until you press Stop."));
}

void MainWindow::onFinished(const std::shared_ptr<const swaptier::SandboxReport>& report, const QString& error) {
    if (!error.isEmpty()) {
        m_status->setText(tr("The run failed: %1").arg(error));
        QMessageBox::warning(this, tr("The run failed"), error);
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

void MainWindow::readSettings() {
    QSettings settings;
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
