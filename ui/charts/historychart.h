// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart: the history view over a chosen span (last minute ... everything): occupancy on
// top, rates below (issue #5).
//   - Top, left axis: swapped pages in each place (zero pages, pool, memory, each swapfile:
//     keys "tier:zero", "tier:pool", "tier:memory", "tier:device:N"), and per swap tier the
//     pages of its swapfiles ("swaptier:<name>", legend "tier <name>", dashed). The tier lines
//     are drawn only when they say more than the swapfile lines: once a sample has more than
//     one tier (the setup's tiers count even while empty) or a tier holding more than one
//     swapfile; from then on until clear() (or for the rest of a loaded run), a tier that
//     has gone (its last swapfile swapped off) at 0. Swapped-off swapfiles belong to no tier.
//     A loaded run gets them from the tier each sample stored with its swapfiles (history
//     schema v4); a run recorded before v4 names no tier and has none.
//   - Top, right axis: the pool's compression ratio ("ratio:pool": original bytes / stored
//     bytes), with a gap while the pool is empty (never 0 or infinite).
//   - Bottom: pages swapped out, swapped in and written back from the pool to swapfiles
//     (DesignFigures::poolWritebacks) per second on the left axis, page accesses per second
//     on the right ("rate:swapout", "rate:swapin", "rate:writeback", "rate:access").
// It owns one QCustomPlot (never subclassed) and a HistoryBuffer; snapshots only append to the
// buffer and set a dirty flag, and one 4 Hz timer (stopped while the chart is hidden) pushes
// the span's points into the graphs and queues one replot. Graphs are created when their
// series first appears and found by series key; every pen is one pixel wide (see graphFor()).
// Colours follow the palette (light and dark), refreshed on PaletteChange.
//
// A run re-opened from the sqlite history (showRun()) goes into a second HistoryBuffer, sized
// to keep the whole run, and the chart shows it instead of the live one under a banner ("Run N
// of <scenario>, <date>") with a "Back to live" button; the live buffer keeps recording
// meanwhile, and the span choice of each view is kept apart (a loaded run starts with the
// smallest span that covers it). Its rates are computed as the host computes live ones: over at
// least EngineHost::kPublishIntervalMs between samples.
#pragma once

#include <QPointF>
#include <QRect>
#include <QVector>
#include <QWidget>

#ifndef Q_MOC_RUN
#include "charts/historybuffer.h"
#include "enginehost.h"

#include <map>
#include <memory>
#include <string>
#include <vector>
#endif

class QComboBox;
class QFrame;
class QLabel;
class QPushButton;
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
    /// Forgets the live history (a new run). A loaded run stays shown.
    void clear();

    /// Shows `samples` (a run read back from the history, in order) instead of the live run,
    /// under a banner saying `title`. `deviceNames` are display names by device index (as
    /// HostSnapshot::deviceNames); missing ones are the file name of the tier's stored path.
    void showRun(const QString& title, const std::vector<swaptier::SandboxSample>& samples,
                 const std::vector<std::string>& deviceNames = {});
    /// Back to the live run (the banner's button); the loaded run is dropped.
    void showLive();
    bool showingRun() const { return m_showingRun; }
    /// The banner's text while a run is shown; empty otherwise.
    QString runTitle() const;
    const HistoryBuffer& runBuffer() const { return m_runBuffer; }

    /// Span in seconds shown (0 = everything kept).
    double span() const;
    void setSpanIndex(int index);
    /// The live history (recorded even while a loaded run is shown).
    const HistoryBuffer& buffer() const { return m_buffer; }
    /// Points currently in the graph of `key` (0 if it has none); for tests.
    int pointsShown(const QString& key) const;
    /// Legend text of the graph of `key` (empty if it has none); for tests.
    QString seriesName(const QString& key) const;
    /// Pen width of the graph of `key` in pixels (0 if it has none); for tests.
    double seriesPenWidth(const QString& key) const;
    /// Pen style of the graph of `key` (Qt::NoPen if it has none); for tests.
    Qt::PenStyle seriesPenStyle(const QString& key) const;
    /// Label of the value axis the graph of `key` is drawn against (empty if none); for tests.
    QString seriesAxisLabel(const QString& key) const;
    /// The points in the graph of `key` (a NaN value is a gap); for tests.
    QVector<QPointF> seriesPoints(const QString& key) const;
    /// Where the plots and the legend are inside the plot widget, after its last layout; for
    /// tests.
    struct PlotAreas {
        QRect occupancy; ///< the top plot's data area
        QRect rates;     ///< the bottom plot's data area
        QRect legend;
    };
    PlotAreas plotAreas() const;
    /// Pushes the data and replots now if anything changed (the timer's job).
    void refresh();

signals:
    /// showRun() or showLive() switched what the chart shows.
    void showingRunChanged(bool showingRun);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QCPGraph* graphFor(const QString& key);
    void applyColours();
    /// Series key and legend text of a tier row ("tier:pool", "compressed pool").
    static std::pair<QString, QString> tierSeries(const swaptier::TierUsage& tier,
                                                  const std::vector<std::string>& deviceNames);
    /// Whether one history draws tier lines, and which (see the top).
    struct TierLines {
        bool shown = false;
        std::vector<std::string> names; ///< every tier seen while shown, first seen first
    };
    /// Appends the occupancy series of `sample` to `values` (legend texts into `labels`): a
    /// line per place, a line per tier if `tierLines` says so (updated with `occupancy`), and
    /// the pool ratio (NaN, a gap, while the pool is empty).
    static void occupancyValues(const swaptier::SandboxSample& sample, const services::TierOccupancy& occupancy,
                                const std::vector<std::string>& deviceNames, TierLines& tierLines,
                                std::map<QString, QString>& labels, std::vector<std::pair<QString, double>>& values);
    QString labelOf(const QString& key) const;
    const HistoryBuffer& shownBuffer() const { return m_showingRun ? m_runBuffer : m_buffer; }

    QFrame* m_banner;                         ///< shown with a loaded run
    QLabel* m_bannerText;
    QPushButton* m_backToLive;
    QComboBox* m_span;
    QCustomPlot* m_plot;
    QCPAxisRect* m_ratesRect;
    QTimer* m_timer;
    HistoryBuffer m_buffer;
    std::map<QString, QCPGraph*> m_graphs;
    std::map<QString, QString> m_labels;     ///< series key -> legend text
    bool m_dirty = false;
    TierLines m_tierLines;                   ///< of the live history

    HistoryBuffer m_runBuffer;               ///< the loaded run
    std::map<QString, QString> m_runLabels;  ///< its legend texts
    bool m_showingRun = false;
    int m_liveSpanIndex = 1;                 ///< the live view's span while a run is shown
};

} // namespace swaptier::ui
