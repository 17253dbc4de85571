// SPDX-License-Identifier: GPL-3.0-or-later
// SourceBar (sourcebar.h).
#include "sourcebar.h"

#include "scenario.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

namespace swaptier::ui {

using State = services::HostSnapshot::State;

SourceBar::SourceBar(QWidget* parent)
    : QWidget(parent), m_scenario(new QComboBox(this)), m_start(new QToolButton(this)), m_pause(new QToolButton(this)),
      m_stop(new QToolButton(this)), m_speed(new QSlider(Qt::Horizontal, this)), m_speedLabel(new QLabel(this)),
      m_state(new QLabel(this)), m_progress(new QProgressBar(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);

    auto* scenarioLabel = new QLabel(tr("&Scenario:"), this);
    scenarioLabel->setBuddy(m_scenario);
    for (const auto& b : services::ScenarioParser::builtins()) {
        m_scenario->addItem(b.name, b.name);
        m_scenario->setItemData(m_scenario->count() - 1, b.description, Qt::ToolTipRole);
    }
    m_scenario->setToolTip(tr("The built-in sandbox scenario to run: simulated processes and cgroups driving the "
                              "real swap engine with real page bytes."));
    m_scenario->setAccessibleName(tr("Scenario"));

    m_start->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_start->setText(tr("Start"));
    m_start->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_start->setToolTip(tr("Start the scenario (a running one is stopped first)."));
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_pause->setToolTip(tr("Pause the workload between two rounds; actions still run while paused."));
    m_stop->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setText(tr("Stop"));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setToolTip(tr("End the run and remove its swapfiles."));

    m_speed->setRange(1, 100);
    m_speed->setValue(100);
    m_speed->setToolTip(tr("Share of full speed: below 100% each round is followed by a wait, so changes are "
                           "easier to follow. The counts of the run do not change."));
    m_speed->setAccessibleName(tr("Speed"));
    m_speed->setMaximumWidth(160);
    auto* speedLabel = new QLabel(tr("S&peed:"), this);
    speedLabel->setBuddy(m_speed);
    m_speedLabel->setMinimumWidth(m_speedLabel->fontMetrics().horizontalAdvance(QStringLiteral("100%")) + 4);
    m_speedLabel->setText(tr("%1%").arg(100));

    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(m_progress->fontMetrics().horizontalAdvance(tr("done, held for actions")) + 24);
    m_progress->setToolTip(tr("Share of the scenario's planned page accesses made so far."));
    m_state->setToolTip(tr("State of the run."));

    layout->addWidget(scenarioLabel);
    layout->addWidget(m_scenario);
    layout->addWidget(m_start);
    layout->addWidget(m_pause);
    layout->addWidget(m_stop);
    layout->addSpacing(12);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speed);
    layout->addWidget(m_speedLabel);
    layout->addSpacing(12);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addStretch(1);

    connect(m_start, &QToolButton::clicked, this, [this] { emit startRequested(scenario()); });
    connect(m_pause, &QToolButton::toggled, this, [this](bool on) { emit pauseRequested(on); });
    connect(m_stop, &QToolButton::clicked, this, &SourceBar::stopRequested);
    connect(m_speed, &QSlider::valueChanged, this, [this](int v) {
        m_speedLabel->setText(tr("%1%").arg(v));
        emit speedChanged(v);
    });
    setState(State::Idle);
    setProgress(0, false);
}

QString SourceBar::scenario() const { return m_scenario->currentData().toString(); }

void SourceBar::setScenario(const QString& name) {
    int i = m_scenario->findData(name);
    if (i < 0 && name.contains(QLatin1Char('/'))) { // a scenario file: listed by its file name
        m_scenario->addItem(QFileInfo(name).fileName(), name);
        m_scenario->setItemData(m_scenario->count() - 1, name, Qt::ToolTipRole);
        i = m_scenario->count() - 1;
    }
    if (i >= 0)
        m_scenario->setCurrentIndex(i);
}

int SourceBar::speedPercent() const { return m_speed->value(); }

void SourceBar::setSpeedPercent(int percent) { m_speed->setValue(percent); }

void SourceBar::setState(State state) {
    const bool running = state == State::Running || state == State::Paused;
    m_pause->setEnabled(running);
    m_stop->setEnabled(running);
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(state == State::Paused);
    }
    switch (state) {
    case State::Idle: m_state->setText(tr("Not running")); break;
    case State::Running: m_state->setText(tr("Running")); break;
    case State::Paused: m_state->setText(tr("Paused")); break;
    case State::Finished: m_state->setText(tr("Finished")); break;
    case State::Failed: m_state->setText(tr("Failed")); break;
    }
}

void SourceBar::setProgress(double progress, bool holding) {
    // QProgressBar::setValue() repaints at once (QWidget::repaint()) whenever the text or the
    // bar would change, and a synchronous repaint paints every dirty widget of the window with
    // it: with the cgroup tree open, that put the tree's repaint inside each snapshot's
    // handling (bench_uistall). With updates off, setValue() only records the value; turning
    // them back on schedules an ordinary update, painted with the rest in the next paint event.
    const int value = int(progress * 1000);
    if (value != m_progress->value()) {
        m_progress->setUpdatesEnabled(false);
        m_progress->setValue(value);
        m_progress->setUpdatesEnabled(true);
    }
    m_progress->setFormat(holding ? tr("done, held for actions") : tr("%p%")); // an update if it changes
}

} // namespace swaptier::ui
