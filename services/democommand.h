// SPDX-License-Identifier: GPL-3.0-or-later
// DemoCommand: `swaptierctl demo [options]`: parses the options into DemoOptions, runs the
// DemoWorkload with progress lines on stderr, prints the summary and the statistics report on
// stdout and optionally writes the JSON report to a file. Exit codes as CliApp.
#pragma once

#include "demoworkload.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

class QTextStream;

namespace swaptier::services {

class DemoCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::DemoCommand)

public:
    /// `programPath` is argv[0]; `arguments` are those after "demo".
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
