// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart: the history view: pages per tier over time (top) and swap-in, swap-out and
// access rates (bottom), over a chosen span (last minute ... everything). It owns one
// QCustomPlot (never subclassed) and a HistoryBuffer; snapshots only append to the buffer
// and set a dirty flag, and one 4 Hz timer (stopped while the chart is hidden) pushes the
// span's points into the graphs and queues one replot. Graphs are found by series key.
// Colours follow the palette (light and dark), refreshed on PaletteChange.
//
// A run re-opened from the sqlite history (showRun()) goes into a second HistoryBuffer, sized
// to keep the whole run, and the chart shows it instead of the live one under a banner ("Run N
// of <scenario>, <date>") with a "Back to live" button; the live buffer keeps recording
// meanwhile, and the span choice of each view is kept apart (a loaded run starts with the
// smallest span that covers it). Its rates are computed as the host computes live ones: over at
// least EngineHost::kPublishIntervalMs between samples.
#pragma once

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

    HistoryBuffer m_runBuffer;               ///< the loaded run
    std::map<QString, QString> m_runLabels;  ///< its legend texts
    bool m_showingRun = false;
    int m_liveSpanIndex = 1;                 ///< the live view's span while a run is shown
};

} // namespace swaptier::ui
