// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupBarChart: where each cgroup's swapped pages live, as stacked bars (zero pages, pool,
// the swapfiles of each swap tier in the setup's order, memory) for the top N cgroups by
// swapped pages plus one "other" bar for the rest. Swapfile pages the sample does not place in
// a tier (a source without per-device figures) get a "swapfiles" layer of their own, so every
// swapped page is in some layer.
// It owns one QCustomPlot (never subclassed); snapshots only recompute the bars and mark the
// chart dirty, a 4 Hz timer (stopped while hidden) pushes them and queues one replot.
#pragma once

#include <QStringList>
#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"

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
    /// What a stacked layer holds.
    enum class LayerKind { Zero, Pool, Tier, Swapfiles, Memory };
    struct Layer {
        LayerKind kind = LayerKind::Zero;
        QString name;                    ///< legend text (a tier's name for LayerKind::Tier)
        bool operator==(const Layer&) const = default;
    };
    /// One bar: a cgroup (or "other") and its swapped pages per layer (Stack::layers order).
    struct Bar {
        QString name;
        std::vector<double> pages;
    };
    struct Stack {
        std::vector<Layer> layers;       ///< bottom first
        std::vector<Bar> bars;
    };

    explicit CgroupBarChart(QWidget* parent = nullptr);

    /// The layers and bars for `snapshot`: zero, pool, one layer per tier of
    /// snapshot.tierOccupancy, "swapfiles" for device pages in no tier (only when there are
    /// some, or no tiers at all), memory. Bars: cgroups with swapped pages, most first (ties by
    /// position), the first `topN`, then one "other" bar summing the rest (if any).
    static Stack topCgroups(const services::HostSnapshot& snapshot, int topN);

    void setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot);
    int topN() const;
    void setTopN(int n);
    const std::vector<Bar>& bars() const { return m_stack.bars; }
    const std::vector<Layer>& layers() const { return m_stack.layers; }
    /// The legend names of the plotted layers (what refresh() last pushed), bottom first.
    QStringList plottedLayers() const;
    /// Pushes the bars and replots now if they changed (the timer's job).
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void applyColours();
    /// Makes one QCPBars per layer of m_stack if the layers changed.
    void rebuildLayers();

    QSpinBox* m_topN;
    QCustomPlot* m_plot;
    std::vector<QCPBars*> m_layerBars;   ///< m_plottedLayers order, bottom first
    std::vector<Layer> m_plottedLayers;
    QTimer* m_timer;
    std::shared_ptr<const services::HostSnapshot> m_snapshot;
    Stack m_stack;
    bool m_dirty = false;
};

} // namespace swaptier::ui
