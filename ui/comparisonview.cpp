// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonView (comparisonview.h).
#include "comparisonview.h"

#include "charts/comparisonchart.h"
#include "models/comparisonmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace swaptier::ui {

namespace {

constexpr int kProgressSteps = 1000;

} // namespace

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent), m_runner(new services::ComparisonRunner(this)), m_scenario(new QLabel(this)),
      m_compare(new QPushButton(tr("&Compare designs"), this)), m_cancel(new QPushButton(tr("Cance&l"), this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)), m_chart(new ComparisonChart(this)),
      m_model(new ComparisonModel(this)), m_table(new QTableView(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_scenario->setTextFormat(Qt::PlainText);
    top->addWidget(m_scenario, 1);
    m_compare->setToolTip(tr("Runs the scenario twice, in the virtual and in the classic design, with the same "
                             "workload and seed, and compares what each design cost. The live run's swapfiles "
                             "are not touched."));
    m_cancel->setToolTip(tr("Stops the comparison; the last result stays shown."));
    top->addWidget(m_compare);
    top->addWidget(m_cancel);
    layout->addLayout(top);

    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    m_progress->setAccessibleName(tr("Comparison progress"));
    layout->addWidget(m_progress);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setText(tr("No comparison yet."));
    layout->addWidget(m_status);

    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Figures of both designs"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(ComparisonModel::Figure, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    m_chart->setMinimumHeight(220);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({550, 450}); // proportions: the chart a little more than half
    layout->addWidget(splitter, 1);

    connect(m_compare, &QPushButton::clicked, this, [this] { runComparison(); });
    connect(m_cancel, &QPushButton::clicked, this, &ComparisonView::cancel);
    connect(m_runner, &services::ComparisonRunner::progress, this, &ComparisonView::onProgress);
    connect(m_runner, &services::ComparisonRunner::finished, this, &ComparisonView::onFinished);
    connect(m_runner, &services::ComparisonRunner::failed, this,
            [this](const QString& error) { onEnded(tr("The comparison failed: %1").arg(error), false); });
    connect(m_runner, &services::ComparisonRunner::cancelled, this,
            [this] { onEnded(tr("Comparison cancelled."), false); });
    updateControls();
}

ComparisonView::~ComparisonView() = default; // the runner (a child) cancels and joins

void ComparisonView::setConfig(const swaptier::SandboxConfig& config, const QString& scenarioName) {
    m_config = config;
    m_scenarioName = scenarioName;
    updateControls();
}

void ComparisonView::clearConfig() {
    m_config.reset();
    m_scenarioName.clear();
    updateControls();
}

bool ComparisonView::running() const { return m_runner->running(); }

QString ComparisonView::statusText() const { return m_status->text(); }

bool ComparisonView::runComparison() {
    if (!m_config || running())
        return false;
    if (!m_runner->start(*m_config))
        return false;
    m_runningName = m_scenarioName;
    m_progress->setValue(0);
    m_status->setText(tr("Comparing \"%1\": starting…").arg(m_runningName));
    updateControls();
    return true;
}

void ComparisonView::cancel() {
    if (!running())
        return;
    m_runner->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void ComparisonView::onProgress(double share, const QString& designName) {
    if (!m_cancel->isEnabled())
        return; // cancelling: keep saying so
    m_progress->setValue(int(std::lround(share * kProgressSteps)));
    m_status->setText(tr("Comparing \"%1\": running the %2 design…").arg(m_runningName, designName));
}

void ComparisonView::onFinished(std::shared_ptr<const services::ComparisonResult> result) {
    m_result = std::move(result);
    m_model->setResult(m_result);
    m_chart->setRows(m_result->rows);
    QString status = tr("Compared \"%1\" in both designs, seed %2.")
                         .arg(m_runningName)
                         .arg(m_result->seed);
    if (m_result->cutShort())
        status += u' '
            + tr("The scenario's duration cut a run short: the two designs did not do the same work, so the "
                 "figures are not comparable one to one.");
    onEnded(status, true);
    emit comparisonFinished(m_result);
}

void ComparisonView::onEnded(const QString& status, bool complete) {
    m_progress->setValue(complete ? kProgressSteps : 0);
    m_status->setText(status);
    updateControls();
}

void ComparisonView::updateControls() {
    const bool busy = running();
    m_scenario->setText(m_config ? tr("Scenario: %1").arg(m_scenarioName)
                                 : tr("No scenario loaded: load one to compare its run in both designs."));
    m_compare->setEnabled(m_config.has_value() && !busy);
    m_cancel->setEnabled(busy);
}

} // namespace swaptier::ui
