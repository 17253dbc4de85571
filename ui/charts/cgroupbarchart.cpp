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

    const QString names[LayerCount] = {tr("zero pages"), tr("compressed pool"), tr("swapfiles"), tr("in memory")};
    const QColor colours[LayerCount] = {QColor(0x9e9e9e), QColor(0x1f77b4), QColor(0xff7f0e), QColor(0x2ca02c)};
    for (int l = 0; l < LayerCount; ++l) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(names[l]);
        bars->setWidth(0.6);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colours[l]);
        if (l > 0)
            bars->moveAbove(m_layers[std::size_t(l - 1)]);
        m_layers[std::size_t(l)] = bars;
    }
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
            m_bars = topCgroups(*m_snapshot, topN());
        m_dirty = true;
        refresh();
    });
}

std::vector<CgroupBarChart::Bar> CgroupBarChart::topCgroups(const services::HostSnapshot& snapshot, int topN) {
    std::vector<Bar> all;
    for (const swaptier::CgroupUsage& c : snapshot.sample.cgroups) {
        Bar b;
        b.name = QString::fromStdString(c.name);
        b.pages[Zero] = double(c.swappedPages[std::size_t(swaptier::Backend::Zero)]);
        b.pages[Pool] = double(c.swappedPages[std::size_t(swaptier::Backend::Pool)]);
        b.pages[Device] = double(c.swappedPages[std::size_t(swaptier::Backend::Device)]);
        b.pages[Memory] = double(c.swappedPages[std::size_t(swaptier::Backend::Memory)]);
        if (total(b) > 0)
            all.push_back(std::move(b));
    }
    std::stable_sort(all.begin(), all.end(), [](const Bar& a, const Bar& b) { return total(a) > total(b); });
    const std::size_t keep = std::size_t(std::max(1, topN));
    if (all.size() <= keep)
        return all;
    Bar other;
    other.name = tr("other (%1 more)").arg(all.size() - keep);
    for (std::size_t i = keep; i < all.size(); ++i)
        for (int l = 0; l < LayerCount; ++l)
            other.pages[std::size_t(l)] += all[i].pages[std::size_t(l)];
    all.resize(keep);
    all.push_back(std::move(other));
    return all;
}

void CgroupBarChart::setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    m_bars = m_snapshot ? topCgroups(*m_snapshot, topN()) : std::vector<Bar>{};
    m_dirty = true;
}

int CgroupBarChart::topN() const { return m_topN->value(); }

void CgroupBarChart::setTopN(int n) { m_topN->setValue(n); }

void CgroupBarChart::refresh() {
    if (!m_dirty)
        return;
    m_dirty = false;
    QVector<double> keys;
    QVector<QString> labels;
    double highest = 1;
    for (std::size_t i = 0; i < m_bars.size(); ++i) {
        keys << double(i + 1);
        labels << m_bars[i].name;
        highest = std::max(highest, total(m_bars[i]));
    }
    for (int l = 0; l < LayerCount; ++l) {
        QVector<double> values;
        for (const Bar& b : m_bars)
            values << b.pages[std::size_t(l)];
        m_layers[std::size_t(l)]->setData(keys, values, true);
    }
    qSharedPointerCast<QCPAxisTickerText>(m_plot->xAxis->ticker())->setTicks(keys, labels);
    m_plot->xAxis->setRange(0.3, double(std::max<std::size_t>(m_bars.size(), 5)) + 0.7); // one bar is not a wall
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
