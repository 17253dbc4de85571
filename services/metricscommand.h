// SPDX-License-Identifier: GPL-3.0-or-later
// MetricsCommand: `swaptierctl metrics --textfile DIR SCENARIO` runs a scenario and keeps
// DIR/swaptier.prom current (rewritten atomically at every sample and at the end) with the
// tier and cgroup figures in the Prometheus text format, for node_exporter's textfile
// collector. The live kernel becomes its default source in a later issue.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class MetricsCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::MetricsCommand)

public:
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
