// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "democommand.h"
#include "historycommand.h"
#include "importtracecommand.h"
#include "lintcommand.h"
#include "metricscommand.h"
#include "runcommand.h"
#include "scenarioscommand.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace swaptier::services {

QString CliApp::exitCodesHelp() {
    return tr("Exit codes:\n"
              "  0  success\n"
              "  1  runtime failure (engine error, failed verification, unwritable output or database,\n"
              "     interrupted run)\n"
              "  2  bad usage (unknown command or option, invalid option value, invalid scenario: nothing ran)");
}

int CliApp::run(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("swaptierctl: headless control of the swaptier virtual swap engine.\n\n"
                                        "Commands (\"swaptierctl COMMAND --help\" for each):\n"
                                        "  run SCENARIO        run a scenario in the sandbox and print its summary\n"
                                        "  compare SCENARIO    run it with the virtual and the classic design, side by side\n"
                                        "  scenarios [NAME]    list the built-in scenarios, or print one\n"
                                        "  lint SCENARIO       check a scenario's swap setup for mistakes\n"
                                        "  history --db FILE   list the recorded runs, or re-read one\n"
                                        "  metrics --textfile DIR SCENARIO\n"
                                        "                      run a scenario, keep a Prometheus textfile current\n"
                                        "  import-trace LACKEY_LOG OUTPUT\n"
                                        "                      convert a valgrind lackey memory trace for replay\n"
                                        "  demo                drive a real engine directly with verified pages\n\n")
                                     + exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("The command to run: run, compare, scenarios, lint, history, metrics, import-trace or demo."),
                                 QStringLiteral("command [command options]"));
    // Options after the command belong to the command.
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);

    const QString programPath = arguments.isEmpty() ? QStringLiteral("swaptierctl") : arguments.constFirst();
    const QString program = QFileInfo(programPath).fileName();
    if (!parser.parse(arguments)) {
        err << program << ": " << parser.errorText() << u'\n'
            << tr("Run \"%1 --help\" for usage.").arg(program) << u'\n';
        err.flush();
        return ExitUsage;
    }
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        out << parser.helpText();
        out.flush();
        return ExitOk;
    }
    if (parser.isSet(version)) {
        out << QCoreApplication::applicationName() << u' ' << QCoreApplication::applicationVersion() << u'\n';
        out.flush();
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << program << ": " << tr("no command given.") << u'\n'
            << tr("Run \"%1 --help\" for usage.").arg(program) << u'\n';
        err.flush();
        return ExitUsage;
    }
    const QString command = positional.constFirst();
    const QStringList rest = positional.mid(1);
    if (command == u"demo")
        return DemoCommand::run(programPath, rest, out, err);
    if (command == u"run")
        return RunCommand::run(RunCommand::Mode::Run, programPath, rest, out, err);
    if (command == u"compare")
        return RunCommand::run(RunCommand::Mode::Compare, programPath, rest, out, err);
    if (command == u"scenarios")
        return ScenariosCommand::run(programPath, rest, out, err);
    if (command == u"lint")
        return LintCommand::run(programPath, rest, out, err);
    if (command == u"history")
        return HistoryCommand::run(programPath, rest, out, err);
    if (command == u"metrics")
        return MetricsCommand::run(programPath, rest, out, err);
    if (command == u"import-trace")
        return ImportTraceCommand::run(programPath, rest, out, err);

    err << program << ": " << tr("unknown command \"%1\".").arg(command) << u'\n'
        << tr("Run \"%1 --help\" for usage.").arg(program) << u'\n';
    err.flush();
    return ExitUsage;
}

} // namespace swaptier::services
