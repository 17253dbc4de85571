// SPDX-License-Identifier: GPL-3.0-or-later
// StatsReport: an EngineStats snapshot as a readable plain-text report (aligned tables, human
// units) and as JSON (raw numbers, stable snake_case keys; event counters keyed like the
// kernel's /proc/vmstat where the kernel has one: swpout_zero, zswpout, zswpwb, pswpin, ...).
#pragma once

#include "swaptier/stats.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace swaptier::services {

class StatsReport {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::StatsReport)

public:
    struct TextOptions {
        bool poolClasses = false; ///< add the table of the pool's size classes (long: one row per class)
    };

    /// Sections: backends, compressed pool, swap devices, descriptors, cgroups, events (all
    /// counters, named like the JSON keys). Ends with a newline.
    static QString toText(const swaptier::EngineStats& stats, TextOptions options);
    static QString toText(const swaptier::EngineStats& stats) { return toText(stats, TextOptions{}); }

    static QJsonObject toJsonObject(const swaptier::EngineStats& stats);
    static QByteArray toJson(const swaptier::EngineStats& stats,
                             QJsonDocument::JsonFormat format = QJsonDocument::Indented);

    /// The event counters with their report keys, in report order.
    static QList<std::pair<const char*, quint64>> eventCounters(const swaptier::EventCounters& events);
    static QJsonObject backendUsageJson(const swaptier::BackendUsage& usage);
};

} // namespace swaptier::services
