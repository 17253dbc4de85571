// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBuffer: the time series behind the history charts, kept in multi-resolution ring
// buffers so that a run of hours stays small and every zoom span draws a few thousand points
// at most.
//
// Each series (by key, e.g. "tier:pool") has one ring per level: level 0 keeps every point
// (the host publishes at most 10 a second), the coarser levels keep averages over fixed
// buckets (1 s, 10 s by default). A ring drops its oldest point when full. points(span) answers
// from the finest level that still covers the span (or that never dropped anything), so the
// last minute is drawn at full resolution and the last day from 10-second averages.
//
// Gaps: a NaN value says "no value now" (a ratio of an empty pool). It breaks the series' line
// (QCustomPlot leaves a gap at a NaN point): level 0 keeps one NaN point per gap, a coarse
// level averages the values a bucket had and keeps a NaN point for a bucket that had none.
// A series is not started by a NaN.
//
// Not a widget and Qt-free in its logic (QString keys, QVector output for QCustomPlot).
// Thread safety: none; the GUI thread owns it.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include <deque>
#include <map>
#include <vector>

namespace swaptier::ui {

class HistoryBuffer {
public:
    struct Level {
        double resolution;   ///< seconds per point; 0 = every point as it came
        std::size_t capacity;
    };
    /// Raw x 6,000 (10 min at 10 per second), 1 s x 7,200 (2 h), 10 s x 8,640 (24 h).
    static std::vector<Level> defaultLevels();

    HistoryBuffer();
    explicit HistoryBuffer(std::vector<Level> levels);

    void clear();
    /// Adds a point of each given series at `time` seconds (non-decreasing; an earlier time
    /// is ignored). A series seen for the first time starts here. A NaN value is a gap (see
    /// the top); an infinite one is ignored.
    void add(double time, const std::vector<std::pair<QString, double>>& values);

    QStringList series() const;             ///< keys in the order first seen
    double latestTime() const { return m_latest; }
    bool empty() const { return m_series.empty(); }

    /// The points of `key` within [latest - span, latest] (span <= 0: everything kept), from
    /// the finest level that covers the span; `level` (if given) says which level answered.
    void points(const QString& key, double span, QVector<double>& times, QVector<double>& values,
                int* level = nullptr) const;

private:
    struct Point {
        double time;
        double value;
    };
    struct Ring {
        std::deque<Point> points;
        bool dropped = false;                ///< full once: the oldest points are gone
        double bucketStart = -1;             ///< coarse levels: the open bucket
        double sum = 0;
        std::size_t count = 0;
        bool gap = false;                    ///< coarse levels: the open bucket saw a NaN
    };
    struct Series {
        std::vector<Ring> rings;             ///< one per level
    };
    void push(Ring& ring, const Level& level, Point p);

    std::vector<Level> m_levels;
    std::map<QString, Series> m_series;
    QStringList m_order;
    double m_latest = 0;
};

} // namespace swaptier::ui
