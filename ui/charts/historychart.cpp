// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart (historychart.h).
#include "charts/historychart.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace swaptier::ui {

namespace {

constexpr int kRefreshMs = 250;
const QString kSwapOuts = QStringLiteral("rate:swapout");
const QString kSwapIns = QStringLiteral("rate:swapin");
const QString kAccesses = QStringLiteral("rate:access");

struct SpanChoice {
    const char* label;
    double seconds;
};
constexpr SpanChoice kSpans[] = {{QT_TRANSLATE_NOOP("swaptier::ui::HistoryChart", "last minute"), 60},
                                 {QT_TRANSLATE_NOOP("swaptier::ui::HistoryChart", "last 10 minutes"), 600},
                                 {QT_TRANSLATE_NOOP("swaptier::ui::HistoryChart", "last hour"), 3600},
                                 {QT_TRANSLATE_NOOP("swaptier::ui::HistoryChart", "everything"), 0}};

/// Distinct colours that read on light and dark backgrounds.
QColor seriesColour(std::size_t i) {
    static const QColor colours[] = {QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c), QColor(0xd62728),
                                     QColor(0x9467bd), QColor(0x8c564b), QColor(0xe377c2), QColor(0x17becf)};
    return colours[i % std::size(colours)];
}

} // namespace

HistoryChart::HistoryChart(QWidget* parent)
    : QWidget(parent), m_span(new QComboBox(this)), m_plot(new QCustomPlot(this)), m_ratesRect(nullptr),
      m_timer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    auto* spanLabel = new QLabel(tr("S&how:"), this);
    spanLabel->setBuddy(m_span);
    for (const SpanChoice& s : kSpans)
        m_span->addItem(tr(s.label), s.seconds);
    m_span->setCurrentIndex(1);
    m_span->setToolTip(tr("How much of the run's history to show. Long spans are drawn from 1-second and "
                          "10-second averages."));
    m_span->setAccessibleName(tr("History span"));
    top->addWidget(spanLabel);
    top->addWidget(m_span);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    m_plot->setAccessibleName(tr("History chart"));
    m_plot->setToolTip(tr("Top: swapped pages in each place over time. Bottom: pages swapped out and in, and "
                          "page accesses, per second. Drag to pan, wheel to zoom."));

    // Top: occupancy. Bottom: rates, same time axis.
    QCPAxisRect* occupancy = m_plot->axisRect();
    occupancy->axis(QCPAxis::atLeft)->setLabel(tr("swapped pages"));
    m_ratesRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_ratesRect);
    m_ratesRect->axis(QCPAxis::atLeft)->setLabel(tr("pages per second"));
    m_ratesRect->axis(QCPAxis::atBottom)->setLabel(tr("seconds since start"));
    connect(occupancy->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_ratesRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    m_plot->legend->setVisible(true);
    occupancy->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    // Accesses are orders of magnitude above swap traffic: their own axis on the right.
    m_ratesRect->axis(QCPAxis::atRight)->setVisible(true);
    m_ratesRect->axis(QCPAxis::atRight)->setLabel(tr("accesses per second"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    occupancy->setRangeZoom(Qt::Horizontal);
    occupancy->setRangeDrag(Qt::Horizontal);
    m_ratesRect->setRangeZoom(Qt::Horizontal);
    m_ratesRect->setRangeDrag(Qt::Horizontal);
    for (QCPGraph* g : {graphFor(kSwapOuts), graphFor(kSwapIns), graphFor(kAccesses)})
        static_cast<void>(g);
    applyColours();

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &HistoryChart::refresh);
    connect(m_span, &QComboBox::currentIndexChanged, this, [this] {
        m_dirty = true;
        refresh();
    });
}

HistoryChart::~HistoryChart() = default;

double HistoryChart::span() const { return m_span->currentData().toDouble(); }

void HistoryChart::setSpanIndex(int index) { m_span->setCurrentIndex(index); }

QCPGraph* HistoryChart::graphFor(const QString& key) {
    if (auto it = m_graphs.find(key); it != m_graphs.end())
        return it->second;
    const bool rate = key.startsWith(QStringLiteral("rate:"));
    QCPAxisRect* rect = rate ? m_ratesRect : m_plot->axisRect(0);
    QCPGraph* g = m_plot->addGraph(rect->axis(QCPAxis::atBottom),
                                   rect->axis(key == kAccesses ? QCPAxis::atRight : QCPAxis::atLeft));
    g->setAdaptiveSampling(true);
    QString label;
    if (key == kSwapOuts)
        label = tr("swap-outs/s");
    else if (key == kSwapIns)
        label = tr("swap-ins/s");
    else if (key == kAccesses)
        label = tr("accesses/s");
    else
        label = m_labels.count(key) ? m_labels[key] : key;
    g->setName(label);
    g->setPen(QPen(seriesColour(m_graphs.size()), 1.5));
    m_graphs.emplace(key, g);
    return g;
}

void HistoryChart::addSnapshot(const services::HostSnapshot& s) {
    const double elapsed = double(s.sample.elapsedNanos) / 1e9;
    std::vector<std::pair<QString, double>> values;
    values.reserve(s.sample.tiers.size() + 3);
    for (const swaptier::TierUsage& t : s.sample.tiers) {
        QString key, label;
        switch (t.backend) {
        case swaptier::Backend::Zero:
            key = QStringLiteral("tier:zero");
            label = tr("zero pages");
            break;
        case swaptier::Backend::Pool:
            key = QStringLiteral("tier:pool");
            label = tr("compressed pool");
            break;
        case swaptier::Backend::Memory:
            key = QStringLiteral("tier:memory");
            label = tr("in memory");
            break;
        case swaptier::Backend::Device:
            key = QStringLiteral("tier:device:%1").arg(t.device);
            label = t.device >= 0 && std::size_t(t.device) < s.deviceNames.size()
                        ? QString::fromStdString(s.deviceNames[std::size_t(t.device)])
                        : QString::fromStdString(t.name);
            break;
        }
        m_labels[key] = label;
        values.emplace_back(key, double(t.entries));
    }
    values.emplace_back(kSwapOuts, s.swapOutsPerSecond);
    values.emplace_back(kSwapIns, s.swapInsPerSecond);
    values.emplace_back(kAccesses, s.accessesPerSecond);
    m_buffer.add(elapsed, values);
    m_dirty = true;
}

void HistoryChart::clear() {
    m_buffer.clear();
    for (auto& [key, graph] : m_graphs)
        graph->data()->clear();
    m_dirty = true;
}

int HistoryChart::pointsShown(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? 0 : it->second->dataCount();
}

void HistoryChart::refresh() {
    if (!m_dirty)
        return;
    m_dirty = false;
    const double spanSeconds = span();
    QVector<double> times, values;
    for (const QString& key : m_buffer.series()) {
        m_buffer.points(key, spanSeconds, times, values);
        graphFor(key)->setData(times, values, true);
    }
    const double latest = m_buffer.latestTime();
    const double from = spanSeconds > 0 ? std::max(0.0, latest - spanSeconds) : 0.0;
    m_plot->axisRect(0)->axis(QCPAxis::atBottom)->setRange(from, std::max(latest, from + 1.0));
    for (QCPAxisRect* rect : {m_plot->axisRect(0), m_ratesRect}) {
        for (QCPAxis* axis : {rect->axis(QCPAxis::atLeft), rect->axis(QCPAxis::atRight)}) {
            double upper = 1;
            for (QCPGraph* g : rect->graphs()) {
                bool found = false;
                const QCPRange r = g->getValueRange(found, QCP::sdBoth);
                if (found && g->valueAxis() == axis)
                    upper = std::max(upper, r.upper * 1.1);
            }
            axis->setRange(0, upper);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HistoryChart::applyColours() {
    const QPalette p = palette();
    m_plot->setBackground(p.brush(QPalette::Base));
    m_plot->legend->setBrush(p.brush(QPalette::Base));
    m_plot->legend->setTextColor(p.color(QPalette::Text));
    m_plot->legend->setBorderPen(QPen(p.color(QPalette::Mid)));
    for (QCPAxisRect* rect : m_plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(p.color(QPalette::Text)));
            axis->setTickPen(QPen(p.color(QPalette::Text)));
            axis->setSubTickPen(QPen(p.color(QPalette::Text)));
            axis->setTickLabelColor(p.color(QPalette::Text));
            axis->setLabelColor(p.color(QPalette::Text));
            axis->grid()->setPen(QPen(p.color(QPalette::Mid), 0, Qt::DotLine));
        }
    }
    m_dirty = true;
}

void HistoryChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void HistoryChart::showEvent(QShowEvent* event) {
    m_timer->start();
    m_dirty = true;
    QWidget::showEvent(event);
}

void HistoryChart::hideEvent(QHideEvent* event) {
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace swaptier::ui
