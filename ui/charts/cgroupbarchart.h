// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupBarChart: where each cgroup's swapped pages live, as stacked bars (zero pages, pool,
// swapfiles, memory) for the top N cgroups by swapped pages plus one "other" bar for the rest.
// It owns one QCustomPlot (never subclassed); snapshots only recompute the bars and mark the
// chart dirty, a 4 Hz timer (stopped while hidden) pushes them and queues one replot.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <array>
#include <vector>
#endif

class QCPBars;
class QCustomPlot;
class QSpinBox;
class QTimer;

namespace swaptier::ui {

class CgroupBarChart : public QWidget {
    Q_OBJECT

public:
    /// One bar: a cgroup (or "other") and its swapped pages per stacked layer.
    struct Bar {
        QString name;
        std::array<double, 4> pages{};   ///< Layer order
    };
    enum Layer { Zero, Pool, Device, Memory, LayerCount };

    explicit CgroupBarChart(QWidget* parent = nullptr);

    /// The bars for `snapshot`: cgroups with swapped pages, most first (ties by position),
    /// the first `topN`, then one "other" bar summing the rest (if any).
    static std::vector<Bar> topCgroups(const services::HostSnapshot& snapshot, int topN);

    void setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot);
    int topN() const;
    void setTopN(int n);
    const std::vector<Bar>& bars() const { return m_bars; }
    /// Pushes the bars and replots now if they changed (the timer's job).
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyColours();

    QSpinBox* m_topN;
    QCustomPlot* m_plot;
    std::array<QCPBars*, LayerCount> m_layers{};
    QTimer* m_timer;
    std::shared_ptr<const services::HostSnapshot> m_snapshot;
    std::vector<Bar> m_bars;
    bool m_dirty = false;
};

} // namespace swaptier::ui
