// SPDX-License-Identifier: GPL-3.0-or-later
// CommandSupport: what the scenario commands of swaptierctl (run, compare, metrics, history,
// scenarios) share: usage errors in one format, the directory swapfiles are created in, loading
// a scenario with its file:line:column error, opening the history database, writing JSON files
// atomically.
#pragma once

#include "historystore.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QCommandLineParser;
class QTextStream;

namespace swaptier::services {

class CommandSupport {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::CommandSupport)

public:
    /// Shows the command's name in the usage line of its --help ("swaptierctl [options] run
    /// SCENARIO"); call before adding the real positional arguments. The parse is unaffected:
    /// commands parse the arguments after their name.
    static void addCommandName(QCommandLineParser& parser, const QString& command);
    /// Prints "PROGRAM COMMAND: message" and the --help hint; returns CliApp::ExitUsage.
    static int usage(QTextStream& err, const QString& program, const QString& command, const QString& message);
    /// Prints "PROGRAM COMMAND: error: message"; returns CliApp::ExitFailure.
    static int failure(QTextStream& err, const QString& program, const QString& command, const QString& message);

    /// The directory for swapfiles: `requested` if given (created if missing), else a fresh
    /// temporary directory removed with the returned object. nullopt and *error on failure.
    struct DeviceDirectory {
        QString path;
        std::unique_ptr<QTemporaryDir> temporary;
    };
    static std::optional<DeviceDirectory> deviceDirectory(const QString& requested, QString* error);

    /// Loads a scenario file or built-in; on error prints "file:line:column: message" and
    /// returns nullopt (the caller exits with CliApp::ExitUsage: nothing ran).
    static std::optional<LoadedScenario> loadScenario(QTextStream& err, const QString& program, const QString& command,
                                                      const QString& nameOrPath, const QString& deviceDir);
    /// Keeps only the variant labelled `label` ("" keeps all). False if there is none.
    static bool selectVariant(LoadedScenario& scenario, const QString& label);

    /// Writes indented JSON atomically (QSaveFile). False and *error naming the path on failure.
    static bool writeJson(const QString& path, const QJsonObject& object, QString* error);
};

} // namespace swaptier::services
