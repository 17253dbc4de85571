// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonChart: the cost figures of a virtual-vs-classic comparison as grouped bars
// normalised to the virtual design: for each figure a virtual bar at 1 and a classic bar at
// classic / virtual, labelled with that ratio, and a dashed line at 1. Workload figures
// (accesses, swap-outs) are left out: they are the same work in both designs, not a cost.
//
// Scale: linear while the ratios stay within a factor of 10 of each other (and of 1), else
// logarithmic, so a 2000x swapoff walk and a 1.05x CPU time both stay readable. Figures a
// ratio cannot express: both designs 0 (both bars at 1, "="), only the virtual figure 0 (the
// virtual bar empty, the classic bar to the top, "∞"), only the classic figure 0 (the classic
// bar empty, "0.00x").
//
// It owns one QCustomPlot (never subclassed). A comparison changes the bars once, so a
// queued replot per change is enough (no timer). Colours come from the palette (Highlight for
// the virtual design, a mix of Text and Base for the classic one) and follow PaletteChange.
// GUI thread only.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

#ifndef Q_MOC_RUN
#include "comparisonrow.h"

#include <vector>
#endif

class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace swaptier::ui {

class ComparisonChart : public QWidget {
    Q_OBJECT

public:
    enum Series { VirtualSeries, ClassicSeries, SeriesCount };

    /// What the chart draws for some rows: one entry per charted figure, in row order.
    struct Layout {
        QStringList names;               ///< x-axis labels (the figures' names)
        QStringList keys;                ///< ComparisonRow::key of each bar pair
        QVector<double> virtualBars;     ///< plotted heights (1, or the axis floor for a 0)
        QVector<double> classicBars;     ///< plotted heights (the ratio, clamped into the axis)
        QStringList labels;              ///< the ratio text above each pair
        bool logarithmic = false;
        double lower = 0;                ///< value axis range
        double upper = 1;
    };
    /// Whether a row is charted (a cost; workload figures are not).
    static bool charted(const services::ComparisonRow& row);
    static Layout layoutFor(const std::vector<services::ComparisonRow>& rows);

    explicit ComparisonChart(QWidget* parent = nullptr);

    /// Shows these rows (empty: no bars) and queues one replot.
    void setRows(const std::vector<services::ComparisonRow>& rows);
    const Layout& layout() const { return m_layout; }

    /// What the plot holds, for tests: bars in a series, where they end on the value axis,
    /// their colour, the texts of the bar labels, the value axis' scale.
    int barCount(Series series) const;
    QVector<double> barTops(Series series) const;
    QColor seriesColour(Series series) const;
    QStringList barLabels() const;
    bool logarithmic() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyColours();

    QCustomPlot* m_plot;
    QCPBars* m_bars[SeriesCount] = {};
    QCPItemStraightLine* m_unitLine = nullptr;
    std::vector<QCPItemText*> m_labels;
    Layout m_layout;
};

} // namespace swaptier::ui
