// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the desktop app's window. The data source bar on top (SourceBar), the actions
// bar (compact the pool or a swapfile, write back now, swapoff, cancel) with their log in a
// dock (ActionLogModel), the views below in tabs: the tier overview (TierModel), the cgroup
// tree with a filter (CgroupModel) and the history (HistoryChart). It owns the EngineHost that runs the sandbox and hands each published
// snapshot to the models (the host publishes at most 10 a second; models update in place).
// Window geometry, the last scenario and the speed persist in QSettings.
#pragma once

#include <QMainWindow>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#endif

class QAction;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTemporaryDir;
class QTreeView;
class QUndoStack;

namespace swaptier::ui {

class ActionLogModel;
class CgroupBarChart;
class CgroupModel;
class ComparisonView;
class HistoryChart;
class LintModel;
class SetupPage;
class SourceBar;
class TierModel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Loads the built-in scenario `name` and starts it (a running one is stopped and waited
    /// for first). False and *error with a sentence if it cannot.
    bool startScenario(const QString& name, QString* error);

    /// Submits `action` to the running sandbox and logs it under `target` (display text);
    /// 0 if nothing runs.
    quint64 runAction(const swaptier::SandboxAction& action, const QString& target);
    /// Hands a snapshot to every view, as the host's snapshotAvailable does (public for the
    /// responsiveness benchmark, which feeds synthetic ones).
    void showSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) { onSnapshot(snapshot); }
    /// Index of the cgroup selected in the tree (0, the root, if none).
    int selectedCgroup() const;

    services::EngineHost& host() { return *m_host; }
    ActionLogModel* actionLog() const { return m_actionLog; }
    TierModel* tierModel() const { return m_tierModel; }
    CgroupModel* cgroupModel() const { return m_cgroupModel; }
    QTabWidget* tabs() const { return m_tabs; }
    HistoryChart* historyChart() const { return m_history; }
    CgroupBarChart* cgroupChart() const { return m_cgroupChart; }
    SourceBar* sourceBar() const { return m_source; }
    SetupPage* setupPage() const { return m_setup; }
    ComparisonView* comparisonView() const { return m_compare; }
    LintModel* lintModel() const { return m_lint; }
    QTableView* lintView() const { return m_lintView; }

    /// Saves the running setup (edits applied, swapped-off devices and the planned actions
    /// that already ran left out) as a scenario file; false and *error with a sentence if not.
    bool saveSetup(const QString& path, QString* error);
    /// The history database the window records its runs in and opens by default.
    QString historyPath() const;
    /// Light, dark or the system's palette ("system", "light", "dark"), kept in QSettings.
    void setTheme(const QString& theme);
    QString theme() const { return m_theme; }
    /// Runs the "Add swapfile" dialog's action (for the dialog and tests); 0 if refused.
    quint64 addDevice(const swaptier::SandboxAction& action);
    QUndoStack* undoStack() const { return m_undo; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);
    void onFinished(const std::shared_ptr<const swaptier::SandboxReport>& report, const QString& error);
    /// A window-modal warning that does not block the caller (no nested event loop: the run's
    /// updates go on while it is up, and it closes with the window).
    void showWarning(const QString& title, const QString& text);
    void createActions();
    void createMenus();
    void openScenarioFile();
    void saveSetupAs();
    void openHistory();
    void showAddDeviceDialog();
    void updateLint(bool force);
    void jumpToFinding(const QModelIndex& index);
    void fillDeviceMenu(QMenu* menu, swaptier::SandboxAction::Kind kind);
    void updateActionsEnabled();
    void readSettings();
    void writeSettings() const;

    std::unique_ptr<services::EngineHost> m_host;
    std::unique_ptr<QTemporaryDir> m_deviceDir;  ///< swapfiles of the current run
    SourceBar* m_source;
    QTabWidget* m_tabs;
    TierModel* m_tierModel;
    CgroupModel* m_cgroupModel;
    QSortFilterProxyModel* m_tierProxy;
    QSortFilterProxyModel* m_cgroupProxy;
    QTableView* m_tierView;
    QTreeView* m_cgroupView;
    QLineEdit* m_cgroupFilter;
    HistoryChart* m_history;
    CgroupBarChart* m_cgroupChart;
    ActionLogModel* m_actionLog;
    QTableView* m_actionView;
    QUndoStack* m_undo;
    SetupPage* m_setup = nullptr;
    ComparisonView* m_compare = nullptr;
    LintModel* m_lint = nullptr;
    QTableView* m_lintView = nullptr;
    QDockWidget* m_lintDock = nullptr;
    QAction* m_recordAction = nullptr;
    QString m_theme = QStringLiteral("system");
    QString m_scenarioName;
    QString m_scenarioDescription;
    std::shared_ptr<const swaptier::SandboxConfig> m_lintedConfig;
    qint64 m_lintedAtMs = 0;
    QList<QAction*> m_runActions;                ///< enabled only while a run goes on
    QAction* m_cancelAction = nullptr;
    QLabel* m_status;
    bool m_expandedOnce = false;
};

} // namespace swaptier::ui
