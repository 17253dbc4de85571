// SPDX-License-Identifier: GPL-3.0-or-later
// ImportTraceCommand: `swaptierctl import-trace LACKEY_LOG OUTPUT` converts the output of
// `valgrind --tool=lackey --trace-mem=yes` into a swaptier trace v1 file (docs/trace-format.md)
// that a `kind = "trace"` workload replays against any tier layout.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class ImportTraceCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ImportTraceCommand)

public:
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
