// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart: the history view: pages per tier over time (top) and swap-in, swap-out and
// access rates (bottom), over a chosen span (last minute ... everything). It owns one
// QCustomPlot (never subclassed) and a HistoryBuffer; snapshots only append to the buffer
// and set a dirty flag, and one 4 Hz timer (stopped while the chart is hidden) pushes the
// span's points into the graphs and queues one replot. Graphs are found by series key.
// Colours follow the palette (light and dark), refreshed on PaletteChange.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "charts/historybuffer.h"
#include "enginehost.h"

#include <map>
#include <memory>
#endif

class QComboBox;
class QCustomPlot;
class QCPAxisRect;
class QCPGraph;
class QTimer;

namespace swaptier::ui {

class HistoryChart : public QWidget {
    Q_OBJECT

public:
    explicit HistoryChart(QWidget* parent = nullptr);
    ~HistoryChart() override;

    /// Appends the snapshot's figures (cheap; drawing waits for the timer).
    void addSnapshot(const services::HostSnapshot& snapshot);
    /// Forgets the history (a new run).
    void clear();

    /// Span in seconds shown (0 = everything kept).
    double span() const;
    void setSpanIndex(int index);
    const HistoryBuffer& buffer() const { return m_buffer; }
    /// Points currently in the graph of `key` (0 if it has none); for tests.
    int pointsShown(const QString& key) const;
    /// Pushes the data and replots now if anything changed (the timer's job).
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QCPGraph* graphFor(const QString& key);
    void applyColours();

    QComboBox* m_span;
    QCustomPlot* m_plot;
    QCPAxisRect* m_ratesRect;
    QTimer* m_timer;
    HistoryBuffer m_buffer;
    std::map<QString, QCPGraph*> m_graphs;
    std::map<QString, QString> m_labels;     ///< series key -> legend text
    bool m_dirty = false;
};

} // namespace swaptier::ui
