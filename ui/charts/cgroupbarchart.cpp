// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupBarChart (cgroupbarchart.h).
#include "charts/cgroupbarchart.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace swaptier::ui {

namespace {

constexpr int kRefreshMs = 250;

double total(const CgroupBarChart::Bar& b) { return std::accumulate(b.pages.begin(), b.pages.end(), 0.0); }

/// Fill colours: fixed ones for zero, pool, unplaced swapfile pages and memory; the tiers take
/// warm colours in order, fastest first, repeating after seven.
QColor colourOf(CgroupBarChart::LayerKind kind, int tier) {
    static const QColor tiers[] = {QColor(0xff7f0e), QColor(0xd62728), QColor(0x9467bd), QColor(0x8c564b),
                                   QColor(0xe377c2), QColor(0xbcbd22), QColor(0x17becf)};
    switch (kind) {
    case CgroupBarChart::LayerKind::Zero: return QColor(0x9e9e9e);
    case CgroupBarChart::LayerKind::Pool: return QColor(0x1f77b4);
    case CgroupBarChart::LayerKind::Tier: return tiers[std::size_t(tier) % std::size(tiers)];
    case CgroupBarChart::LayerKind::Swapfiles: return QColor(0xc49c94);
    case CgroupBarChart::LayerKind::Memory: return QColor(0x2ca02c);
    }
    return QColor(0x7f7f7f);
}

} // namespace

CgroupBarChart::CgroupBarChart(QWidget* parent)
    : QWidget(parent), m_topN(new QSpinBox(this)), m_plot(new QCustomPlot(this)), m_timer(new QTimer(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Largest cgroups:"), this);
    label->setBuddy(m_topN);
    m_topN->setRange(1, 50);
    m_topN->setValue(10);
    m_topN->setToolTip(tr("How many cgroups get a bar of their own; the rest are summed in \"other\"."));
    m_topN->setAccessibleName(tr("Number of cgroups shown"));
    top->addWidget(label);
    top->addWidget(m_topN);
    top->addStretch(1);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    m_plot->setAccessibleName(tr("Swapped pages per cgroup"));
    m_plot->setToolTip(tr("Each cgroup's own swapped pages (not its descendants'), by where they live."));

    m_plot->yAxis->setLabel(tr("swapped pages"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    m_plot->xAxis->setTickLabelRotation(30);
    m_plot->xAxis->setSubTicks(false);
    applyColours();

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &CgroupBarChart::refresh);
    connect(m_topN, &QSpinBox::valueChanged, this, [this] {
        if (m_snapshot)
            m_stack = topCgroups(*m_snapshot, topN());
        m_dirty = true;
        refresh();
    });
}

CgroupBarChart::Stack CgroupBarChart::topCgroups(const services::HostSnapshot& snapshot, int topN) {
    using swaptier::Backend;
    const services::TierOccupancy& occupancy = snapshot.tierOccupancy;
    // Per cgroup: zero, pool, the tiers, unplaced swapfile pages, memory.
    const std::size_t tiers = occupancy.tiers.size();
    std::vector<Bar> all;
    bool unplaced = tiers == 0;
    for (const swaptier::CgroupUsage& c : snapshot.sample.cgroups) {
        Bar b;
        b.name = QString::fromStdString(c.name);
        b.pages.reserve(tiers + 4);
        b.pages.push_back(double(c.swappedPages[std::size_t(Backend::Zero)]));
        b.pages.push_back(double(c.swappedPages[std::size_t(Backend::Pool)]));
        std::uint64_t rest = 0;
        for (std::uint64_t pages : occupancy.pagesOf(c, &rest))
            b.pages.push_back(double(pages));
        b.pages.push_back(double(rest));
        b.pages.push_back(double(c.swappedPages[std::size_t(Backend::Memory)]));
        unplaced = unplaced || rest > 0;
        if (total(b) > 0)
            all.push_back(std::move(b));
    }

    Stack stack;
    stack.layers.push_back({LayerKind::Zero, tr("zero pages")});
    stack.layers.push_back({LayerKind::Pool, tr("compressed pool")});
    for (const std::string& name : occupancy.tiers)
        stack.layers.push_back({LayerKind::Tier, tr("tier %1").arg(QString::fromStdString(name))});
    if (unplaced)
        stack.layers.push_back({LayerKind::Swapfiles, tiers == 0 ? tr("swapfiles") : tr("swapfiles, no tier")});
    stack.layers.push_back({LayerKind::Memory, tr("in memory")});
    const std::size_t unplacedAt = 2 + tiers;
    if (!unplaced)
        for (Bar& b : all)
            b.pages.erase(b.pages.begin() + std::ptrdiff_t(unplacedAt)); // all 0

    std::stable_sort(all.begin(), all.end(), [](const Bar& a, const Bar& b) { return total(a) > total(b); });
    const std::size_t keep = std::size_t(std::max(1, topN));
    if (all.size() > keep) {
        Bar other;
        other.name = tr("other (%1 more)").arg(all.size() - keep);
        other.pages.assign(stack.layers.size(), 0.0);
        for (std::size_t i = keep; i < all.size(); ++i)
            for (std::size_t l = 0; l < stack.layers.size(); ++l)
                other.pages[l] += all[i].pages[l];
        all.resize(keep);
        all.push_back(std::move(other));
    }
    stack.bars = std::move(all);
    return stack;
}

void CgroupBarChart::setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    m_stack = m_snapshot ? topCgroups(*m_snapshot, topN()) : Stack{};
    m_dirty = true;
}

int CgroupBarChart::topN() const { return m_topN->value(); }

void CgroupBarChart::setTopN(int n) { m_topN->setValue(n); }

QStringList CgroupBarChart::plottedLayers() const {
    QStringList names;
    for (const Layer& l : m_plottedLayers)
        names << l.name;
    return names;
}

void CgroupBarChart::rebuildLayers() {
    if (m_stack.layers == m_plottedLayers)
        return;
    for (QCPBars* bars : m_layerBars)
        m_plot->removePlottable(bars);
    m_layerBars.clear();
    int tier = 0;
    for (const Layer& layer : m_stack.layers) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(layer.name);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colourOf(layer.kind, tier));
        tier += layer.kind == LayerKind::Tier ? 1 : 0;
        if (!m_layerBars.empty())
            bars->moveAbove(m_layerBars.back());
        m_layerBars.push_back(bars);
    }
    m_plottedLayers = m_stack.layers;
}

void CgroupBarChart::refresh() {
    if (!m_dirty)
        return;
    m_dirty = false;
    rebuildLayers();
    QVector<double> keys;
    QVector<QString> labels;
    double highest = 1;
    for (std::size_t i = 0; i < m_stack.bars.size(); ++i) {
        keys << double(i + 1);
        labels << m_stack.bars[i].name;
        highest = std::max(highest, total(m_stack.bars[i]));
    }
    for (std::size_t l = 0; l < m_layerBars.size(); ++l) {
        QVector<double> values;
        for (const Bar& b : m_stack.bars)
            values << (l < b.pages.size() ? b.pages[l] : 0.0);
        m_layerBars[l]->setData(keys, values, true);
    }
    qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker())->setTicks(keys, labels);
    m_plot->xAxis->setRange(0.3, double(std::max<std::size_t>(m_stack.bars.size(), 5)) + 0.7); // one bar is not a wall
    m_plot->yAxis->setRange(0, highest * 1.15);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CgroupBarChart::applyColours() {
    const QPalette p = palette();
    m_plot->setBackground(p.brush(QPalette::Base));
    m_plot->legend->setBrush(p.brush(QPalette::Base));
    m_plot->legend->setTextColor(p.color(QPalette::Text));
    m_plot->legend->setBorderPen(QPen(p.color(QPalette::Mid)));
    for (QCPAxis* axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(p.color(QPalette::Text)));
        axis->setTickPen(QPen(p.color(QPalette::Text)));
        axis->setTickLabelColor(p.color(QPalette::Text));
        axis->setLabelColor(p.color(QPalette::Text));
        axis->grid()->setPen(QPen(p.color(QPalette::Mid), 0, Qt::DotLine));
    }
    m_dirty = true;
}

void CgroupBarChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    QWidget::changeEvent(event);
}

void CgroupBarChart::showEvent(QShowEvent* event) {
    m_timer->start();
    m_dirty = true;
    QWidget::showEvent(event);
}

void CgroupBarChart::hideEvent(QHideEvent* event) {
    m_timer->stop();
    QWidget::hideEvent(event);
}

} // namespace swaptier::ui
