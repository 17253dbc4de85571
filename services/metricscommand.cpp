// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscommand.h"

#include "cliapp.h"
#include "commandsupport.h"
#include "scenariocommandoptions.h"
#include "scenariorunner.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>


namespace swaptier::services {

int MetricsCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = QStringLiteral("metrics");
    const PrometheusExporter::Options defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs SCENARIO in the sandbox and writes its tier and cgroup figures in the Prometheus text format to "
           "DIR/%1, for node_exporter's textfile collector (--collector.textfile.directory=DIR). The file is "
           "replaced atomically at every sample and at the end, so the collector never reads half a file. Label "
           "cardinality is bounded: beyond --max-cgroups cgroups the smallest are summed into cgroup=\"other\". "
           "The metrics are described in docs/metrics.md.\n\n")
            .arg(defaults.fileName)
        + CliApp::exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption textfile(QStringLiteral("textfile"), tr("The textfile collector directory (required)."),
                                      tr("dir"));
    const QCommandLineOption fileName(QStringLiteral("file-name"),
                                      tr("Name of the file in DIR, ending in .prom (default %1).").arg(defaults.fileName),
                                      tr("name"), defaults.fileName);
    const QCommandLineOption maxCgroups(QStringLiteral("max-cgroups"),
                                        tr("Cgroups with their own series (default %1).").arg(defaults.maxCgroups),
                                        tr("n"), QString::number(defaults.maxCgroups));
    parser.addOptions({textfile, fileName, maxCgroups});
    ScenarioCommandOptions shared(true);
    shared.addTo(parser);
    CommandSupport::addCommandName(parser, command);
    parser.addPositionalArgument(QStringLiteral("scenario"), tr("Scenario file or built-in name."),
                                 QStringLiteral("SCENARIO"));
    if (!parser.parse(QStringList{programPath} + arguments))
        return CommandSupport::usage(err, program, command, parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return CliApp::ExitOk;
    }
    if (!parser.isSet(textfile))
        return CommandSupport::usage(err, program, command, tr("--textfile DIR is required."));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return CommandSupport::usage(err, program, command,
                                     positional.isEmpty() ? tr("no scenario given.")
                                                          : tr("unexpected argument \"%1\".").arg(positional.at(1)));
    ScenarioRunner::Options options;
    options.metricsDir = parser.value(textfile);
    options.metrics.fileName = parser.value(fileName);
    if (!options.metrics.fileName.endsWith(QStringLiteral(".prom")) || options.metrics.fileName.contains(u'/'))
        return CommandSupport::usage(err, program, command,
                                     tr("--file-name must be a file name ending in .prom, not \"%1\".")
                                         .arg(options.metrics.fileName));
    bool ok = false;
    options.metrics.maxCgroups = parser.value(maxCgroups).toInt(&ok);
    if (!ok || options.metrics.maxCgroups < 0)
        return CommandSupport::usage(err, program, command,
                                     tr("--max-cgroups needs a whole number >= 0, not \"%1\".").arg(parser.value(maxCgroups)));
    if (!QFileInfo(options.metricsDir).isDir())
        return CommandSupport::failure(err, program, command,
                                       tr("the textfile directory \"%1\" does not exist.").arg(options.metricsDir));

    if (auto exit = shared.prepare(parser, positional.constFirst(), err, program, command))
        return *exit;
    const LoadedScenario* scenario = &shared.scenario;
    options.seed = shared.seed;
    options.progress = shared.progress;
    options.cancel = ScenarioRunner::installInterruptFlag();
    ScenarioRunner runner(*scenario, options, err);
    const ScenarioVariant& v = scenario->variants.front();
    ScenarioRunner::Outcome outcome = runner.run(v, shared.design.value_or(v.config.design));
    if (!outcome.error.isEmpty())
        return CommandSupport::failure(err, program, command, outcome.error);
    out << tr("Wrote %1").arg(QDir(options.metricsDir).filePath(options.metrics.fileName)) << u'\n';
    out.flush();
    return CliApp::ExitOk;
}

} // namespace swaptier::services
