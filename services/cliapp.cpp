// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapp.h"

#include "democommand.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace swaptier::services {

QString CliApp::exitCodesHelp() {
    return tr("Exit codes:\n"
              "  0  success\n"
              "  1  runtime failure (engine error, failed verification, unwritable output)\n"
              "  2  bad usage (unknown command or option, invalid option value)");
}

int CliApp::run(const QStringList& arguments, QTextStream& out, QTextStream& err) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("swaptierctl: headless control of the swaptier virtual swap engine.\n\n"
                                        "Commands:\n"
                                        "  demo  run the built-in workload against a real engine and print its "
                                        "statistics (see \"swaptierctl demo --help\")\n\n")
                                     + exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), tr("The command to run: demo."),
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

    err << program << ": " << tr("unknown command \"%1\".").arg(command) << u'\n'
        << tr("Run \"%1 --help\" for usage.").arg(program) << u'\n';
    err.flush();
    return ExitUsage;
}

} // namespace swaptier::services
