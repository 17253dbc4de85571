// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryChart (historychart.h).
#include "charts/historychart.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace swaptier::ui {

namespace {

constexpr int kRefreshMs = 250;
constexpr int kLegendColumns = 6; // legend entries per row under the plots
const QString kSwapOuts = QStringLiteral("rate:swapout");
const QString kSwapIns = QStringLiteral("rate:swapin");
const QString kAccesses = QStringLiteral("rate:access");
const QString kWritebacks = QStringLiteral("rate:writeback");
const QString kPoolRatio = QStringLiteral("ratio:pool");
const QString kTierPrefix = QStringLiteral("swaptier:");

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

double perSecond(std::uint64_t now, std::uint64_t before, std::uint64_t nanos) {
    return nanos == 0 || now < before ? 0.0 : double(now - before) * 1e9 / double(nanos);
}

/// Whether per-tier lines say more than the per-swapfile ones: more than one tier, or a tier
/// holding more than one swapfile.
bool tierLinesWorthIt(const services::TierOccupancy& occupancy) {
    if (occupancy.tiers.size() > 1)
        return true;
    std::vector<int> devices(occupancy.tiers.size(), 0);
    for (const int tier : occupancy.deviceTier)
        if (tier >= 0 && std::size_t(tier) < devices.size() && ++devices[std::size_t(tier)] > 1)
            return true;
    return false;
}

/// Levels for a loaded run of `samples` samples over `seconds`: every level large enough to
/// keep the whole run (raw points up to a bound, so that a day-long run stays small).
std::vector<HistoryBuffer::Level> runLevels(std::size_t samples, double seconds) {
    constexpr std::size_t kMaxRawPoints = 100'000;
    std::vector<HistoryBuffer::Level> levels = HistoryBuffer::defaultLevels();
    for (HistoryBuffer::Level& level : levels) {
        const std::size_t whole = level.resolution > 0 ? std::size_t(std::ceil(seconds / level.resolution)) + 2
                                                       : std::min(samples, kMaxRawPoints);
        level.capacity = std::max(level.capacity, whole);
    }
    return levels;
}

} // namespace

HistoryChart::HistoryChart(QWidget* parent)
    : QWidget(parent), m_banner(new QFrame(this)), m_bannerText(new QLabel(m_banner)),
      m_backToLive(new QPushButton(tr("Back to &live"), m_banner)), m_span(new QComboBox(this)),
      m_plot(new QCustomPlot(this)), m_ratesRect(nullptr), m_timer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The banner over a loaded run.
    m_banner->setObjectName(QStringLiteral("historyRunBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::AlternateBase);
    m_banner->setAutoFillBackground(true);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(6, 3, 6, 3);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setAccessibleName(tr("Shown run"));
    m_backToLive->setObjectName(QStringLiteral("backToLive"));
    m_backToLive->setToolTip(tr("Show the live run again; its history was kept while this run was shown."));
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_backToLive);
    m_banner->hide();
    connect(m_backToLive, &QPushButton::clicked, this, &HistoryChart::showLive);
    layout->addWidget(m_banner);
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
    m_plot->setToolTip(tr("Top: swapped pages in each place and in each swap tier (dashed) over time, and the "
                          "compression ratio of the pool (right axis). Bottom: pages swapped out, swapped in and "
                          "written back from the pool to swapfiles, and page accesses, per second. Drag to pan, "
                          "wheel to zoom."));

    // Top: occupancy. Bottom: rates, same time axis.
    QCPAxisRect* occupancy = m_plot->axisRect();
    occupancy->axis(QCPAxis::atLeft)->setLabel(tr("swapped pages"));
    // The pool's ratio (original / stored bytes) is a small number: its own axis on the right.
    occupancy->axis(QCPAxis::atRight)->setVisible(true);
    occupancy->axis(QCPAxis::atRight)->setLabel(tr("pool ratio"));
    m_ratesRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_ratesRect);
    m_ratesRect->axis(QCPAxis::atLeft)->setLabel(tr("pages per second"));
    m_ratesRect->axis(QCPAxis::atBottom)->setLabel(tr("seconds since start"));
    // One time axis: both plots start and end at the same x, whatever their tick labels' width.
    auto* margins = new QCPMarginGroup(m_plot);
    occupancy->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    m_ratesRect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    connect(occupancy->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            m_ratesRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::setRange));
    // The legend has a row of its own under both plots, filled left to right and wrapped: a
    // dozen series (places, tiers, ratio, rates) would hide the data as an inset.
    m_plot->legend->setVisible(true);
    occupancy->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(2, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.001);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(kLegendColumns);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 2));
    // Accesses are orders of magnitude above swap traffic: their own axis on the right.
    m_ratesRect->axis(QCPAxis::atRight)->setVisible(true);
    m_ratesRect->axis(QCPAxis::atRight)->setLabel(tr("accesses per second"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    occupancy->setRangeZoom(Qt::Horizontal);
    occupancy->setRangeDrag(Qt::Horizontal);
    m_ratesRect->setRangeZoom(Qt::Horizontal);
    m_ratesRect->setRangeDrag(Qt::Horizontal);
    for (QCPGraph* g : {graphFor(kSwapOuts), graphFor(kSwapIns), graphFor(kWritebacks), graphFor(kAccesses)})
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
    const bool right = key == kAccesses || key == kPoolRatio;
    QCPGraph* g = m_plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(right ? QCPAxis::atRight : QCPAxis::atLeft));
    g->setAdaptiveSampling(true);
    g->setName(labelOf(key));
    // One pixel wide: QPainter strokes a wider pen as a filled outline, which made a replot of
    // the ten-minute span (6,000 points in each of ~10 graphs) take 40-50 ms instead of ~4 ms
    // (bench_uistall, docs/benchmarks.md section 7). Tier lines are told apart by a dash
    // pattern instead, which a one-pixel pen keeps on the fast path.
    QPen pen(seriesColour(m_graphs.size()), 1);
    if (key.startsWith(kTierPrefix))
        pen.setStyle(Qt::DashLine);
    g->setPen(pen);
    m_graphs.emplace(key, g);
    return g;
}

QString HistoryChart::labelOf(const QString& key) const {
    if (key == kSwapOuts)
        return tr("swap-outs/s");
    if (key == kSwapIns)
        return tr("swap-ins/s");
    if (key == kAccesses)
        return tr("accesses/s");
    if (key == kWritebacks)
        return tr("writebacks/s");
    if (key == kPoolRatio)
        return tr("pool ratio");
    const auto& labels = m_showingRun ? m_runLabels : m_labels;
    const auto it = labels.find(key);
    return it != labels.end() ? it->second : key;
}

std::pair<QString, QString> HistoryChart::tierSeries(const swaptier::TierUsage& t,
                                                     const std::vector<std::string>& deviceNames) {
    switch (t.backend) {
    case swaptier::Backend::Zero: return {QStringLiteral("tier:zero"), tr("zero pages")};
    case swaptier::Backend::Pool: return {QStringLiteral("tier:pool"), tr("compressed pool")};
    case swaptier::Backend::Memory: return {QStringLiteral("tier:memory"), tr("in memory")};
    case swaptier::Backend::Device: break;
    }
    return {QStringLiteral("tier:device:%1").arg(t.device),
            t.device >= 0 && std::size_t(t.device) < deviceNames.size()
                ? QString::fromStdString(deviceNames[std::size_t(t.device)])
                : QString::fromStdString(t.name)};
}

void HistoryChart::occupancyValues(const swaptier::SandboxSample& sample, const services::TierOccupancy& occupancy,
                                   const std::vector<std::string>& deviceNames, TierLines& tierLines,
                                   std::map<QString, QString>& labels,
                                   std::vector<std::pair<QString, double>>& values) {
    std::vector<double> tierPages(occupancy.tiers.size(), 0.0);
    double ratio = std::numeric_limits<double>::quiet_NaN();
    bool hasPool = false;
    for (const swaptier::TierUsage& t : sample.tiers) {
        auto [key, label] = tierSeries(t, deviceNames);
        labels[key] = label;
        values.emplace_back(key, double(t.entries));
        if (t.backend == swaptier::Backend::Pool) {
            hasPool = true;
            if (t.entries > 0 && t.storedBytes > 0 && t.originalBytes > 0)
                ratio = double(t.originalBytes) / double(t.storedBytes);
        }
        if (t.backend == swaptier::Backend::Device && t.device >= 0 && std::size_t(t.device) < occupancy.deviceTier.size()) {
            const int tier = occupancy.deviceTier[std::size_t(t.device)];
            if (tier >= 0 && std::size_t(tier) < tierPages.size())
                tierPages[std::size_t(tier)] += double(t.entries);
        }
    }
    tierLines.shown = tierLines.shown || tierLinesWorthIt(occupancy);
    if (tierLines.shown) {
        for (const std::string& tier : occupancy.tiers)
            if (std::find(tierLines.names.begin(), tierLines.names.end(), tier) == tierLines.names.end())
                tierLines.names.push_back(tier);
        for (const std::string& tier : tierLines.names) {
            const auto at = std::find(occupancy.tiers.begin(), occupancy.tiers.end(), tier);
            const QString name = QString::fromStdString(tier);
            const QString key = kTierPrefix + name;
            labels[key] = tr("tier %1").arg(name);
            values.emplace_back(key, at == occupancy.tiers.end() ? 0.0 : tierPages[std::size_t(at - occupancy.tiers.begin())]);
        }
    }
    if (hasPool)
        values.emplace_back(kPoolRatio, ratio); // NaN: a gap while the pool is empty
}

void HistoryChart::addSnapshot(const services::HostSnapshot& s) {
    const double elapsed = double(s.sample.elapsedNanos) / 1e9;
    std::vector<std::pair<QString, double>> values;
    values.reserve(s.sample.tiers.size() + s.tierOccupancy.tiers.size() + 5);
    occupancyValues(s.sample, s.tierOccupancy, s.deviceNames, m_tierLines, m_labels, values);
    values.emplace_back(kSwapOuts, s.swapOutsPerSecond);
    values.emplace_back(kSwapIns, s.swapInsPerSecond);
    values.emplace_back(kWritebacks, s.writebacksPerSecond);
    values.emplace_back(kAccesses, s.accessesPerSecond);
    m_buffer.add(elapsed, values);
    if (!m_showingRun)
        m_dirty = true;
}

void HistoryChart::clear() {
    m_buffer.clear();
    m_tierLines = TierLines();
    if (m_showingRun)
        return;
    for (auto& [key, graph] : m_graphs)
        graph->data()->clear();
    m_dirty = true;
}

void HistoryChart::showRun(const QString& title, const std::vector<swaptier::SandboxSample>& samples,
                           const std::vector<std::string>& deviceNames) {
    // Display names by device index: the caller's, else the file name of the stored path.
    std::vector<std::string> names = deviceNames;
    for (const swaptier::SandboxSample& sample : samples)
        for (const swaptier::TierUsage& t : sample.tiers)
            if (t.backend == swaptier::Backend::Device && t.device >= 0) {
                const auto i = std::size_t(t.device);
                if (names.size() <= i)
                    names.resize(i + 1);
                if (names[i].empty())
                    names[i] = QFileInfo(QString::fromStdString(t.name)).fileName().toStdString();
            }

    const double seconds = samples.empty() ? 0.0 : double(samples.back().elapsedNanos) / 1e9;
    m_runBuffer = HistoryBuffer(runLevels(samples.size(), seconds));
    m_runLabels.clear();
    // Rates against the newest sample at least one publish interval older (the first sample
    // before that), as the live view gets them from the host's 10-a-second snapshots.
    constexpr std::uint64_t kWindowNanos = std::uint64_t(services::EngineHost::kPublishIntervalMs) * 1'000'000;
    std::size_t reference = 0;
    TierLines tierLines;
    std::vector<std::pair<QString, double>> values;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const swaptier::SandboxSample& s = samples[i];
        while (reference + 1 < i && samples[reference + 1].elapsedNanos + kWindowNanos <= s.elapsedNanos)
            ++reference;
        values.clear();
        // No setup here: the tiers the samples name (stored since history schema v4).
        occupancyValues(s, services::TierOccupancy::of(s, {}), names, tierLines, m_runLabels, values);
        const swaptier::SandboxSample& before = samples[reference];
        const std::uint64_t nanos = s.elapsedNanos > before.elapsedNanos ? s.elapsedNanos - before.elapsedNanos : 0;
        values.emplace_back(kSwapOuts, perSecond(s.counters.swapOuts, before.counters.swapOuts, nanos));
        values.emplace_back(kSwapIns, perSecond(s.counters.swapInFaults, before.counters.swapInFaults, nanos));
        values.emplace_back(kWritebacks, perSecond(s.figures.poolWritebacks, before.figures.poolWritebacks, nanos));
        values.emplace_back(kAccesses, perSecond(s.counters.accesses, before.counters.accesses, nanos));
        m_runBuffer.add(double(s.elapsedNanos) / 1e9, values);
    }

    if (!m_showingRun)
        m_liveSpanIndex = m_span->currentIndex();
    m_showingRun = true;
    m_bannerText->setText(title);
    m_banner->show();
    // The smallest span that covers the whole run.
    int spanIndex = m_span->count() - 1;
    for (int i = 0; i < m_span->count(); ++i) {
        const double span = m_span->itemData(i).toDouble();
        if (span <= 0 || span >= seconds) {
            spanIndex = i;
            break;
        }
    }
    m_dirty = true;
    m_span->setCurrentIndex(spanIndex); // refreshes when it changes
    refresh();
    emit showingRunChanged(true);
}

void HistoryChart::showLive() {
    if (!m_showingRun)
        return;
    m_showingRun = false;
    m_runBuffer = HistoryBuffer();
    m_runLabels.clear();
    m_banner->hide();
    m_bannerText->clear();
    m_dirty = true;
    m_span->setCurrentIndex(m_liveSpanIndex);
    refresh();
    emit showingRunChanged(false);
}

Qt::PenStyle HistoryChart::seriesPenStyle(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? Qt::NoPen : it->second->pen().style();
}

QString HistoryChart::seriesAxisLabel(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? QString() : it->second->valueAxis()->label();
}

QVector<QPointF> HistoryChart::seriesPoints(const QString& key) const {
    QVector<QPointF> points;
    const auto it = m_graphs.find(key);
    if (it == m_graphs.end())
        return points;
    const QCPGraphDataContainer& data = *it->second->data();
    points.reserve(data.size());
    for (auto p = data.constBegin(); p != data.constEnd(); ++p)
        points.append(QPointF(p->key, p->value));
    return points;
}

HistoryChart::PlotAreas HistoryChart::plotAreas() const {
    return PlotAreas{m_plot->axisRect(0)->rect(), m_ratesRect->rect(), m_plot->legend->outerRect()};
}

QString HistoryChart::runTitle() const { return m_showingRun ? m_bannerText->text() : QString(); }

int HistoryChart::pointsShown(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? 0 : it->second->dataCount();
}

QString HistoryChart::seriesName(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? QString() : it->second->name();
}

double HistoryChart::seriesPenWidth(const QString& key) const {
    const auto it = m_graphs.find(key);
    return it == m_graphs.end() ? 0.0 : it->second->pen().widthF();
}

void HistoryChart::refresh() {
    if (!m_dirty)
        return;
    m_dirty = false;
    const double spanSeconds = span();
    const HistoryBuffer& buffer = shownBuffer();
    const QStringList keys = buffer.series();
    QVector<double> times, values;
    for (const QString& key : keys) {
        buffer.points(key, spanSeconds, times, values);
        graphFor(key)->setData(times, values, true);
    }
    // Graphs of series the shown history lacks (another run's devices) are empty and out of
    // the legend; the rates always belong there.
    for (auto& [key, graph] : m_graphs) {
        const bool has = keys.contains(key);
        if (!has)
            graph->data()->clear();
        graph->setName(labelOf(key));
        if (has || key.startsWith(QStringLiteral("rate:"))) {
            if (!m_plot->legend->hasItemWithPlottable(graph))
                graph->addToLegend();
        } else {
            graph->removeFromLegend();
        }
    }
    const double latest = buffer.latestTime();
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
