// SPDX-License-Identifier: GPL-3.0-or-later
// RunCommand: `swaptierctl run SCENARIO` (one design, every variant of a sweep) and
// `swaptierctl compare SCENARIO` (both designs side by side, with the swapoff-cost curve of a
// sweep). Progress on stderr, readable summary on stdout, --json FILE for the full report,
// --db FILE to record the runs and their time series in the sqlite history.
// Exit codes as CliApp: 0 success, 1 runtime failure, 2 bad usage or invalid scenario.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class RunCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::RunCommand)

public:
    enum class Mode { Run, Compare };
    /// `programPath` is argv[0]; `arguments` are those after the command name.
    static int run(Mode mode, const QString& programPath, const QStringList& arguments, QTextStream& out,
                   QTextStream& err);
};

} // namespace swaptier::services
