// SPDX-License-Identifier: GPL-3.0-or-later
// SourceBar: the data source bar at the top of the window: which scenario (the built-in ones
// of the services layer), start, pause/resume, stop, and the speed, plus the run's state and
// progress. It only emits requests and shows the host's state; the window wires it to the
// EngineHost. A live-kernel source can take the scenario box's place later behind the same
// signals.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"
#endif

class QComboBox;
class QLabel;
class QProgressBar;
class QSlider;
class QToolButton;

namespace swaptier::ui {

class SourceBar : public QWidget {
    Q_OBJECT

public:
    explicit SourceBar(QWidget* parent = nullptr);

    QString scenario() const;            ///< built-in name ("usemem")
    void setScenario(const QString& name);
    int speedPercent() const;
    void setSpeedPercent(int percent);

    /// Shows the host's state (enables and disables the buttons accordingly).
    void setState(services::HostSnapshot::State state);
    /// Shows the run's progress, [0, 1] (or that it is done and held). Never repaints at once:
    /// the bar is painted with the next paint event of the window.
    void setProgress(double progress, bool holding);

signals:
    void startRequested(const QString& scenario);
    void pauseRequested(bool paused);
    void stopRequested();
    void speedChanged(int percent);

private:
    QComboBox* m_scenario;
    QToolButton* m_start;
    QToolButton* m_pause;
    QToolButton* m_stop;
    QSlider* m_speed;
    QLabel* m_speedLabel;
    QLabel* m_state;
    QProgressBar* m_progress;
};

} // namespace swaptier::ui
