// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonChart (comparisonchart.h).
#include "charts/comparisonchart.h"

#include "models/comparisonmodel.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace swaptier::ui {

using services::ComparisonRow;

namespace {

/// Ratios within this factor of each other (1 included) keep a linear axis.
constexpr double kLogSpan = 10.0;
/// Head room above the highest bar for its label: a share of the top on a linear axis, a
/// factor on a logarithmic one.
constexpr double kLinearHeadroom = 1.2;
constexpr double kLogHeadroom = 4.0;

/// Longest line of a figure's name under its bars before it wraps at a space.
constexpr qsizetype kLabelLine = 11;

/// `name` wrapped at spaces into lines of about kLabelLine characters (no word is cut).
QString wrapped(const QString& name) {
    QString out;
    qsizetype line = 0;
    for (const QString& word : name.split(u' ', Qt::SkipEmptyParts)) {
        if (line > 0 && line + 1 + word.size() > kLabelLine) {
            out += u'\n';
            line = 0;
        } else if (line > 0) {
            out += u' ';
            ++line;
        }
        out += word;
        line += word.size();
    }
    return out;
}

QColor mix(const QColor& a, const QColor& b, double share) {
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

bool ComparisonChart::charted(const ComparisonRow& row) { return row.kind == ComparisonRow::Kind::Cost; }

ComparisonChart::Layout ComparisonChart::layoutFor(const std::vector<ComparisonRow>& rows) {
    Layout out;
    double lowest = 1, highest = 1; // of the finite, positive ratios, and of the virtual bars' 1
    bool anyInfinite = false;
    for (const ComparisonRow& row : rows) {
        if (!charted(row))
            continue;
        const double r = row.ratio();
        if (std::isinf(r))
            anyInfinite = true;
        else if (r > 0) {
            lowest = std::min(lowest, r);
            highest = std::max(highest, r);
        }
    }
    out.logarithmic = highest / lowest >= kLogSpan;
    double top = 0; // where a bar of an infinite ratio ends
    if (out.logarithmic) {
        out.lower = std::pow(10.0, std::floor(std::log10(lowest / 2))); // a decade below, at most
        top = highest * kLogHeadroom;
        out.upper = (anyInfinite ? top : highest) * kLogHeadroom;
    } else {
        out.lower = 0;
        top = highest * kLinearHeadroom;
        out.upper = (anyInfinite ? top : highest) * kLinearHeadroom;
    }
    const double floor = out.lower; // an empty bar
    for (const ComparisonRow& row : rows) {
        if (!charted(row))
            continue;
        out.names << row.name;
        out.keys << row.key;
        out.labels << ComparisonModel::ratioText(row);
        const double r = row.ratio();
        if (row.virtualValue == 0 && row.classicValue == 0) {
            out.virtualBars << 1.0;
            out.classicBars << 1.0;
        } else if (std::isinf(r)) {
            out.virtualBars << floor;
            out.classicBars << top;
        } else {
            out.virtualBars << 1.0;
            out.classicBars << std::max(r, floor);
        }
    }
    return out;
}

ComparisonChart::ComparisonChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    m_plot->setAccessibleName(tr("Classic design relative to the virtual design"));
    m_plot->setToolTip(tr("Each cost of the classic design divided by the same cost of the virtual design: a bar "
                          "above the dashed line at 1 means the classic design needed more."));

    auto* group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(2);
    const QString names[SeriesCount] = {tr("virtual design"), tr("classic design")};
    for (int s = 0; s < SeriesCount; ++s) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(names[s]);
        bars->setWidth(0.36);
        bars->setPen(Qt::NoPen);
        bars->setBarsGroup(group);
        m_bars[s] = bars;
    }
    m_unitLine = new QCPItemStraightLine(m_plot);
    m_unitLine->point1->setCoords(0, 1);
    m_unitLine->point2->setCoords(1, 1);

    m_plot->yAxis->setLabel(tr("classic / virtual"));
    // The legend in a row of its own above the plot: inside, it would hide the tallest bars.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 0);
    m_plot->xAxis->grid()->setVisible(false);
    applyColours();
    rebuild();
}

void ComparisonChart::setRows(const std::vector<ComparisonRow>& rows) {
    m_layout = layoutFor(rows);
    rebuild();
}

void ComparisonChart::rebuild() {
    for (QCPItemText* label : m_labels)
        m_plot->removeItem(label);
    m_labels.clear();

    const Layout& l = m_layout;
    QVector<double> keys;
    for (int i = 0; i < l.names.size(); ++i)
        keys << double(i + 1);
    if (l.logarithmic) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        m_plot->yAxis->setScaleType(QCPAxis::stLinear);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    // QCPBars draws a bar from its base value to base + value: heights are given above the base.
    const double base = l.logarithmic ? l.lower : 0.0;
    const auto above = [base](const QVector<double>& tops) {
        QVector<double> out;
        for (double top : tops)
            out << top - base;
        return out;
    };
    for (QCPBars* bars : m_bars)
        bars->setBaseValue(base);
    m_bars[VirtualSeries]->setData(keys, above(l.virtualBars), true);
    m_bars[ClassicSeries]->setData(keys, above(l.classicBars), true);

    const QColor text = palette().color(QPalette::Text);
    for (int i = 0; i < l.names.size(); ++i) {
        auto* label = new QCPItemText(m_plot);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->position->setCoords(keys[i], std::max(l.virtualBars[i], l.classicBars[i]));
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 3));
        label->setText(l.labels[i]);
        label->setColor(text);
        m_labels.push_back(label);
    }
    QVector<QString> names;
    for (const QString& name : l.names)
        names << wrapped(name);
    qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker())->setTicks(keys, names);
    m_plot->xAxis->setRange(0.4, double(std::max<qsizetype>(l.names.size(), 3)) + 0.6);
    m_plot->yAxis->setRange(l.lower, l.upper);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int ComparisonChart::barCount(Series series) const { return m_bars[series]->data()->size(); }

QVector<double> ComparisonChart::barTops(Series series) const {
    QVector<double> out;
    const QCPBars* bars = m_bars[series];
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        out << bars->baseValue() + it->value;
    return out;
}

QColor ComparisonChart::seriesColour(Series series) const { return m_bars[series]->brush().color(); }

QStringList ComparisonChart::barLabels() const {
    QStringList out;
    for (const QCPItemText* label : m_labels)
        out << label->text();
    return out;
}

bool ComparisonChart::logarithmic() const { return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic; }

void ComparisonChart::applyColours() {
    const QPalette p = palette();
    const QColor text = p.color(QPalette::Text);
    m_plot->setBackground(p.brush(QPalette::Base));
    m_plot->legend->setBrush(p.brush(QPalette::Base));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setBorderPen(QPen(p.color(QPalette::Mid)));
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(p.color(QPalette::Mid), 0, Qt::DotLine));
    }
    m_bars[VirtualSeries]->setBrush(p.color(QPalette::Highlight));
    m_bars[ClassicSeries]->setBrush(mix(text, p.color(QPalette::Base), 0.45));
    m_unitLine->setPen(QPen(text, 1, Qt::DashLine));
    for (QCPItemText* label : m_labels)
        label->setColor(text);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ComparisonChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

} // namespace swaptier::ui
