// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonView: the "Classic vs virtual" view. For the scenario the window has loaded, a
// "Compare designs" button runs it in the virtual and in the classic design (same workload and
// seed, one after the other, on ComparisonRunner's worker thread) and shows the figures
// `swaptierctl compare` prints: a chart of the costs normalised to the virtual design
// (ComparisonChart) above a table of every figure (ComparisonModel). A progress bar, a Cancel
// button and a status line follow the run; the GUI thread never waits for it.
//
// The comparison runs its own copy of the scenario in a temporary directory: it never touches
// the live run's swapfiles, and the live run may go on meanwhile (its CPU use then shows in
// the compared times: pause it for clean timings). The last result stays shown until the next
// one arrives; the status line names the scenario it belongs to.
//
// GUI thread only.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "comparisonrunner.h"

#include <memory>
#include <optional>
#endif

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace swaptier::ui {

class ComparisonChart;
class ComparisonModel;

class ComparisonView : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonView(QWidget* parent = nullptr);
    ~ComparisonView() override;

    /// The scenario to compare (`scenarioName` is shown; the config's design is ignored).
    void setConfig(const swaptier::SandboxConfig& config, const QString& scenarioName);
    /// No scenario: the button is disabled (a running comparison goes on).
    void clearConfig();
    bool hasConfig() const { return m_config.has_value(); }
    QString scenarioName() const { return m_scenarioName; }

    /// Starts comparing the scenario set; false when there is none or a comparison runs.
    bool runComparison();
    /// Cancels a running comparison (the last result stays shown).
    void cancel();
    bool running() const;

    /// The last finished comparison (null before the first).
    std::shared_ptr<const services::ComparisonResult> result() const { return m_result; }

    // For tests and the main window.
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QString statusText() const;
    ComparisonModel* model() const { return m_model; }
    ComparisonChart* chart() const { return m_chart; }
    QTableView* table() const { return m_table; }
    services::ComparisonRunner* runner() const { return m_runner; }

signals:
    /// A comparison finished and is shown.
    void comparisonFinished(std::shared_ptr<const swaptier::services::ComparisonResult> result);

private:
    void updateControls();
    void onProgress(double share, const QString& designName);
    void onFinished(std::shared_ptr<const services::ComparisonResult> result);
    void onEnded(const QString& status, bool complete);

    std::optional<swaptier::SandboxConfig> m_config;
    QString m_scenarioName;
    QString m_runningName;               ///< the scenario of the running (or last) comparison
    std::shared_ptr<const services::ComparisonResult> m_result;

    services::ComparisonRunner* m_runner;
    QLabel* m_scenario;
    QPushButton* m_compare;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    ComparisonChart* m_chart;
    ComparisonModel* m_model;
    QTableView* m_table;
};

} // namespace swaptier::ui
