// SPDX-License-Identifier: GPL-3.0-or-later
// LintCommand: `swaptierctl lint SCENARIO` checks the swap setup of every variant of a scenario
// with ConfigLint (configlint.h) and prints the findings as a table, each with its explanation,
// or as JSON (--json). Nothing is run or created, so it fits a pre-commit hook or CI step.
//
// Exit codes differ from the running commands: 0 no warning (notices only, or nothing), 1 at
// least one warning, 2 bad usage or an invalid scenario (file:line:column as for run).
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class LintCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::LintCommand)

public:
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
