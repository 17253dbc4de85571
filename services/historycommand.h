// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryCommand: `swaptierctl history --db FILE` lists the recorded runs; with a RUN id it
// re-reads that run: its facts and its time series (per tier and per cgroup), as text or JSON.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class HistoryCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::HistoryCommand)

public:
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
