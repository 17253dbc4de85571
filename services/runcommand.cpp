// SPDX-License-Identifier: GPL-3.0-or-later
// RunCommand: `run` and `compare` (see runcommand.h). The options they share, the --action
// actions included, are parsed and applied by ScenarioCommandOptions before anything runs, so
// every usage error (status 2) comes before the first device is created.
#include "runcommand.h"

#include "actionspec.h"
#include "cliapp.h"
#include "commandsupport.h"
#include "progressreporter.h"
#include "sandboxjson.h"
#include "sandboxsummary.h"
#include "scenariocommandoptions.h"
#include "scenariorunner.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QTextStream>


namespace swaptier::services {

int RunCommand::run(Mode mode, const QString& programPath, const QStringList& arguments, QTextStream& out,
                    QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = mode == Mode::Run ? QStringLiteral("run") : QStringLiteral("compare");
    QCommandLineParser parser;
    if (mode == Mode::Run) {
        parser.setApplicationDescription(
            tr("Runs a scenario in the sandbox: simulated processes in cgroups with memory limits, a reclaimer "
               "swapping real pages through the swap design, every page that comes back checked byte for byte. "
               "SCENARIO is a scenario file or the name of a built-in one (see \"%1 scenarios\"). A scenario with "
               "a sweep runs once per value.\n\n"
               "Progress goes to stderr (a bar on a terminal), the summary to stdout; the summary lists what each "
               "action did.\n\n")
                .arg(program)
            + ActionSpec::helpText() + u'\n' + CliApp::exitCodesHelp());
    } else {
        parser.setApplicationDescription(
            tr("Runs a scenario twice per variant, with the virtual design (virtual swap slots in the page "
               "tables) and with the classic design (physical locations in the page tables, a disk slot reserved "
               "for every compressed page, swapoff walking every page table), same workload and seed, and "
               "prints a table of the differences, and one per action (pages moved and written, write calls, "
               "page-table entries walked, disk reserved, time). For a sweep it also prints the swapoff cost per "
               "variant.\n\n")
            + ActionSpec::helpText() + u'\n' + CliApp::exitCodesHelp());
    }
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the full report as JSON to <file>."), tr("file"));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Record the run and its samples (per tier and per cgroup) in the sqlite history "
                                   "<file> (created if missing)."),
                                tr("file"));
    ScenarioCommandOptions shared(mode == Mode::Run, true);
    shared.addTo(parser);
    parser.addOptions({json, db});
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
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return CommandSupport::usage(err, program, command,
                                     positional.isEmpty() ? tr("no scenario given.")
                                                          : tr("unexpected argument \"%1\".").arg(positional.at(1)));
    if (auto exit = shared.prepare(parser, positional.constFirst(), err, program, command))
        return *exit;
    const LoadedScenario* scenario = &shared.scenario;
    ScenarioRunner::Options options;
    options.seed = shared.seed;
    QString error;

    std::unique_ptr<HistoryStore> store;
    if (parser.isSet(db)) {
        store = HistoryStore::open(parser.value(db), &error);
        if (!store)
            return CommandSupport::failure(err, program, command, error);
        options.store = store.get();
    }
    options.progress = shared.progress;
    options.cancel = ScenarioRunner::installInterruptFlag();
    ScenarioRunner runner(*scenario, options, err);

    int code = CliApp::ExitOk;
    QJsonArray variantsJson;
    std::vector<std::tuple<QString, SandboxReport, SandboxReport>> compared;
    const auto title = [&](const ScenarioVariant& v, SwapDesign d) -> QString {
        QString t = scenario->name;
        if (!v.label.isEmpty())
            t += QStringLiteral(" [%1]").arg(v.label);
        return t + QStringLiteral(" (%1 design)").arg(SandboxJson::designName(d));
    };
    for (const ScenarioVariant& v : scenario->variants) {
        if (options.cancel->load())
            break;
        if (mode == Mode::Run) {
            const SwapDesign d = shared.design.value_or(v.config.design);
            ScenarioRunner::Outcome outcome = runner.run(v, d);
            if (outcome.report) {
                out << SandboxSummary::report(title(v, d), *outcome.report) << u'\n';
                out.flush();
                variantsJson.append(SandboxJson::report(*outcome.report, runner.scenarioJson(v.label)));
            }
            if (!outcome.error.isEmpty())
                code = CommandSupport::failure(err, program, command, outcome.error);
            continue;
        }
        ScenarioRunner::Outcome virt = runner.run(v, SwapDesign::Virtual);
        if (!virt.error.isEmpty())
            code = CommandSupport::failure(err, program, command, virt.error);
        if (!virt.report || options.cancel->load())
            continue;
        ScenarioRunner::Outcome classic = runner.run(v, SwapDesign::Classic);
        if (!classic.error.isEmpty())
            code = CommandSupport::failure(err, program, command, classic.error);
        if (!classic.report)
            continue;
        QString t = scenario->name;
        if (!v.label.isEmpty())
            t += QStringLiteral(" [%1]").arg(v.label);
        out << SandboxSummary::comparison(tr("%1: virtual and classic design, seed %2").arg(t).arg(virt.report->seed),
                                          *virt.report, *classic.report)
            << u'\n';
        out.flush();
        compared.emplace_back(v.label, std::move(*virt.report), std::move(*classic.report));
    }
    if (mode == Mode::Compare) {
        const QString curve = SandboxSummary::swapoffCurve(compared);
        if (!curve.isEmpty())
            out << curve << u'\n';
        out.flush();
    }
    if (options.cancel->load() && code == CliApp::ExitOk)
        code = CommandSupport::failure(err, program, command, tr("interrupted."));

    if (parser.isSet(json)) {
        QJsonObject document;
        if (mode == Mode::Compare)
            document = SandboxJson::comparison(runner.scenarioJson(QString()), compared);
        else if (variantsJson.size() == 1)
            document = variantsJson.first().toObject();
        else
            document = QJsonObject{{QStringLiteral("format"), SandboxJson::kReportFormatVersion},
                                   {QStringLiteral("kind"), QStringLiteral("sweep")},
                                   {QStringLiteral("scenario"), runner.scenarioJson(QString())},
                                   {QStringLiteral("sweep_key"), scenario->sweepKey},
                                   {QStringLiteral("runs"), variantsJson}};
        if (!CommandSupport::writeJson(parser.value(json), document, &error))
            code = CommandSupport::failure(err, program, command, error);
    }
    return code;
}

} // namespace swaptier::services
