// SPDX-License-Identifier: GPL-3.0-or-later
// ScenariosCommand: `swaptierctl scenarios` lists the built-in scenarios; `swaptierctl
// scenarios NAME` prints one of them as TOML, a starting point for an own scenario file.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class ScenariosCommand {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenariosCommand)

public:
    static int run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err);
};

} // namespace swaptier::services
