// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow (mainwindow.h).
#include "mainwindow.h"

#include "charts/historychart.h"
#include "models/cgroupmodel.h"
#include "models/tiermodel.h"
#include "scenario.h"
#include "sourcebar.h"
#include "units.h"

#include <QCloseEvent>
#include <QDir>
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
#include <QTreeView>
#include <QVBoxLayout>

#include <variant>

namespace swaptier::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_host(std::make_unique<services::EngineHost>()), m_source(new SourceBar(this)),
      m_tabs(new QTabWidget(this)), m_tierModel(new TierModel(this)), m_cgroupModel(new CgroupModel(this)),
      m_tierProxy(new QSortFilterProxyModel(this)), m_cgroupProxy(new QSortFilterProxyModel(this)),
      m_tierView(new QTableView(this)), m_cgroupView(new QTreeView(this)), m_cgroupFilter(new QLineEdit(this)),
      m_history(new HistoryChart(this)), m_status(new QLabel(this)) {
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
    m_tabs->addTab(m_history, tr("&History"));

    setCentralWidget(m_tabs);
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
    connect(m_host.get(), &services::EngineHost::snapshotAvailable, this, &MainWindow::onSnapshot);
    connect(m_host.get(), &services::EngineHost::finished, this, &MainWindow::onFinished);

    readSettings();
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
        m_status->setText(tr("Finished: %n round(s), %1 page accesses.", nullptr, int(std::min<std::uint64_t>(report->rounds, 0x7fffffff)))
                              .arg(QLocale().toString(qulonglong(report->counters.accesses))));
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
