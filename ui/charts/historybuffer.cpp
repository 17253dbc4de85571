// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBuffer (historybuffer.h).
#include "charts/historybuffer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace swaptier::ui {

std::vector<HistoryBuffer::Level> HistoryBuffer::defaultLevels() { return {{0, 6000}, {1, 7200}, {10, 8640}}; }

HistoryBuffer::HistoryBuffer() : HistoryBuffer(defaultLevels()) {}

HistoryBuffer::HistoryBuffer(std::vector<Level> levels) : m_levels(std::move(levels)) {
    if (m_levels.empty())
        m_levels = defaultLevels();
}

void HistoryBuffer::clear() {
    m_series.clear();
    m_order.clear();
    m_latest = 0;
}

void HistoryBuffer::push(Ring& ring, const Level& level, Point p) {
    if (level.capacity == 0)
        return;
    if (ring.points.size() == level.capacity) {
        ring.points.pop_front();
        ring.dropped = true;
    }
    ring.points.push_back(p);
}

void HistoryBuffer::add(double time, const std::vector<std::pair<QString, double>>& values) {
    if (!std::isfinite(time) || (!m_series.empty() && time < m_latest))
        return;
    m_latest = time;
    const auto endsInGap = [](const Ring& ring) { return ring.points.empty() || std::isnan(ring.points.back().value); };
    for (const auto& [key, value] : values) {
        const bool gap = std::isnan(value);
        if (!gap && !std::isfinite(value))
            continue;
        auto it = m_series.find(key);
        if (it == m_series.end()) {
            if (gap)
                continue; // a series starts with a value
            it = m_series.try_emplace(key).first;
            it->second.rings.resize(m_levels.size());
            m_order << key;
        }
        for (std::size_t l = 0; l < m_levels.size(); ++l) {
            const Level& level = m_levels[l];
            Ring& ring = it->second.rings[l];
            if (level.resolution <= 0) {
                if (!gap || !endsInGap(ring)) // one NaN point per gap
                    push(ring, level, {time, value});
                continue;
            }
            const double bucket = std::floor(time / level.resolution) * level.resolution;
            if ((ring.count > 0 || ring.gap) && bucket != ring.bucketStart) { // the open bucket is complete
                const double end = ring.bucketStart + level.resolution;
                if (ring.count > 0)
                    push(ring, level, {end, ring.sum / double(ring.count)});
                else if (!endsInGap(ring))
                    push(ring, level, {end, std::numeric_limits<double>::quiet_NaN()}); // a bucket without a value
                ring.sum = 0;
                ring.count = 0;
                ring.gap = false;
            }
            ring.bucketStart = bucket;
            if (gap) {
                ring.gap = true;
                continue;
            }
            ring.sum += value;
            ++ring.count;
        }
    }
}

QStringList HistoryBuffer::series() const { return m_order; }

void HistoryBuffer::points(const QString& key, double span, QVector<double>& times, QVector<double>& values,
                           int* level) const {
    times.clear();
    values.clear();
    if (level)
        *level = -1;
    const auto it = m_series.find(key);
    if (it == m_series.end())
        return;
    const double from = span > 0 ? m_latest - span : -1e300;
    // The finest level whose oldest point is at or before `from`, or that never dropped one.
    std::size_t chosen = m_levels.size() - 1;
    for (std::size_t l = 0; l < m_levels.size(); ++l) {
        const Ring& ring = it->second.rings[l];
        if (m_levels[l].capacity == 0)
            continue;
        if (!ring.dropped || (!ring.points.empty() && ring.points.front().time <= from)) {
            chosen = l;
            break;
        }
    }
    const Ring& ring = it->second.rings[chosen];
    const auto first = std::lower_bound(ring.points.begin(), ring.points.end(), from,
                                        [](const Point& p, double t) { return p.time < t; });
    const auto n = qsizetype(std::distance(first, ring.points.end()));
    times.reserve(n);
    values.reserve(n);
    for (auto p = first; p != ring.points.end(); ++p) {
        times.push_back(p->time);
        values.push_back(p->value);
    }
    // A coarse level's open bucket is not a point yet: show its running average too.
    if (m_levels[chosen].resolution > 0 && ring.count > 0) {
        times.push_back(m_latest);
        values.push_back(ring.sum / double(ring.count));
    }
    if (level)
        *level = int(chosen);
}

} // namespace swaptier::ui
