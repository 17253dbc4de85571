// SPDX-License-Identifier: GPL-3.0-or-later
// CliApp: the command dispatch of swaptierctl (the headless binary). main() only creates the
// QCoreApplication and calls run(); every command, option and message lives here and in the
// command classes (DemoCommand), so they can be tested without starting a process.
//
// Exit codes (also shown by --help): 0 success, 1 runtime failure, 2 bad usage or arguments.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace swaptier::services {

class CliApp {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::CliApp)

public:
    enum ExitCode : int {
        ExitOk = 0,       ///< the command did what was asked
        ExitFailure = 1,  ///< it ran and failed (engine error, verification failure, unwritable output)
        ExitUsage = 2,    ///< unknown command or option, invalid option value
    };

    /// Runs swaptierctl; arguments[0] is the program name. Results go to `out`, progress and
    /// errors to `err`. Needs a QCoreApplication. Never calls exit().
    static int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

    /// The "Exit codes:" paragraph of the help texts.
    static QString exitCodesHelp();
};

} // namespace swaptier::services
