// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandsupport.h"

#include "cliapp.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace swaptier::services {

void CommandSupport::addCommandName(QCommandLineParser& parser, const QString& command) {
    parser.addPositionalArgument(command, tr("The command."), command);
}

int CommandSupport::usage(QTextStream& err, const QString& program, const QString& command, const QString& message) {
    err << program << u' ' << command << ": " << message << u'\n'
        << tr("Run \"%1 %2 --help\" for usage.").arg(program, command) << u'\n';
    err.flush();
    return CliApp::ExitUsage;
}

int CommandSupport::failure(QTextStream& err, const QString& program, const QString& command, const QString& message) {
    err << program << u' ' << command << ": " << tr("error: %1").arg(message) << u'\n';
    err.flush();
    return CliApp::ExitFailure;
}

std::optional<CommandSupport::DeviceDirectory> CommandSupport::deviceDirectory(const QString& requested, QString* error) {
    DeviceDirectory dir;
    if (!requested.isEmpty()) {
        if (!QDir().mkpath(requested)) {
            *error = tr("cannot create the device directory \"%1\".").arg(requested);
            return std::nullopt;
        }
        dir.path = QDir(requested).absolutePath();
        return dir;
    }
    dir.temporary = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("swaptier-run-XXXXXX")));
    if (!dir.temporary->isValid()) {
        *error = tr("cannot create a temporary directory in \"%1\": %2").arg(QDir::tempPath(), dir.temporary->errorString());
        return std::nullopt;
    }
    dir.path = dir.temporary->path();
    return dir;
}

std::optional<LoadedScenario> CommandSupport::loadScenario(QTextStream& err, const QString& program,
                                                           const QString& command, const QString& nameOrPath,
                                                           const QString& deviceDir) {
    ScenarioParser::Options options;
    options.deviceDir = deviceDir;
    auto outcome = ScenarioParser::load(nameOrPath, options);
    if (auto* error = std::get_if<ScenarioError>(&outcome)) {
        err << error->toString() << u'\n'
            << program << u' ' << command << ": " << tr("the scenario is not valid; nothing was run.") << u'\n';
        err.flush();
        return std::nullopt;
    }
    return std::get<LoadedScenario>(std::move(outcome));
}

bool CommandSupport::selectVariant(LoadedScenario& scenario, const QString& label) {
    if (label.isEmpty())
        return true;
    std::vector<ScenarioVariant> kept;
    for (ScenarioVariant& v : scenario.variants) {
        // "mapped=48M" or just "48M"
        if (v.label == label || v.label.section(u'=', 1) == label)
            kept.push_back(std::move(v));
    }
    scenario.variants = std::move(kept);
    return !scenario.variants.empty();
}

bool CommandSupport::writeJson(const QString& path, const QJsonObject& object, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson(QJsonDocument::Indented)) < 0
        || !file.commit()) {
        *error = tr("cannot write the JSON report to \"%1\": %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace swaptier::services
