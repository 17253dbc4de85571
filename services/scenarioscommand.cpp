// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenarioscommand.h"

#include "cliapp.h"
#include "commandsupport.h"
#include "scenario.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace swaptier::services {

int ScenariosCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out,
                          QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = QStringLiteral("scenarios");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the built-in scenarios. With a NAME, prints that scenario's TOML text: save it to a file, edit it "
           "and run it with \"%1 run FILE\". The format is described in docs/scenario-format.md.\n\n")
            .arg(program)
        + CliApp::exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    CommandSupport::addCommandName(parser, command);
    parser.addPositionalArgument(QStringLiteral("name"), tr("A built-in scenario to print."), QStringLiteral("[NAME]"));
    if (!parser.parse(QStringList{programPath} + arguments))
        return CommandSupport::usage(err, program, command, parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return CliApp::ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return CommandSupport::usage(err, program, command, tr("unexpected argument \"%1\".").arg(positional.at(1)));
    const std::vector<ScenarioParser::Builtin> builtins = ScenarioParser::builtins();
    if (positional.isEmpty()) {
        TextTable table({tr("scenario"), tr("description")}, {TextTable::Align::Left, TextTable::Align::Left});
        for (const ScenarioParser::Builtin& b : builtins)
            table.addRow({b.name, b.description});
        out << table.render(0);
        out.flush();
        return CliApp::ExitOk;
    }
    QString name = positional.constFirst();
    if (name.endsWith(QStringLiteral(".toml")))
        name.chop(5);
    QFile file(QStringLiteral(":/scenarios/%1.toml").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        QStringList names;
        for (const ScenarioParser::Builtin& b : builtins)
            names << b.name;
        return CommandSupport::usage(err, program, command,
                                     tr("no built-in scenario \"%1\" (there are: %2).").arg(name, names.join(u", ")));
    }
    out << QString::fromUtf8(file.readAll());
    out.flush();
    return CliApp::ExitOk;
}

} // namespace swaptier::services
