// SPDX-License-Identifier: GPL-3.0-or-later
#include "importtracecommand.h"

#include "cliapp.h"
#include "commandsupport.h"
#include "errortext.h"

#include "swaptier/trace.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

namespace swaptier::services {

int ImportTraceCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out,
                            QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = QStringLiteral("import-trace");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Converts the memory trace of a real program, as printed by\n"
           "  valgrind --tool=lackey --trace-mem=yes --log-file=LACKEY_LOG PROGRAM\n"
           "into a swaptier trace (docs/trace-format.md). Replay it with a workload of kind \"trace\" in a "
           "scenario. Valgrind's own messages and the program's output in the log are skipped and counted.\n\n")
        + CliApp::exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption instructions(QStringLiteral("instructions"),
                                          tr("Also record instruction fetches (as reads of their pages)."));
    const QCommandLineOption keepRepeats(QStringLiteral("keep-repeats"),
                                         tr("Keep a record equal to the one just before it (default: dropped)."));
    parser.addOptions({instructions, keepRepeats});
    CommandSupport::addCommandName(parser, command);
    parser.addPositionalArgument(QStringLiteral("log"), tr("The lackey output."), QStringLiteral("LACKEY_LOG"));
    parser.addPositionalArgument(QStringLiteral("output"), tr("The trace file to write."), QStringLiteral("OUTPUT"));
    if (!parser.parse(QStringList{programPath} + arguments))
        return CommandSupport::usage(err, program, command, parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return CliApp::ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return CommandSupport::usage(err, program, command, tr("needs LACKEY_LOG and OUTPUT."));
    LackeyImportOptions options;
    options.includeInstructions = parser.isSet(instructions);
    options.collapseRepeats = !parser.isSet(keepRepeats);
    auto stats = importLackey(positional.at(0).toStdString(), positional.at(1).toStdString(), options);
    if (!stats)
        return CommandSupport::failure(err, program, command, errorText(stats.error()));
    out << tr("Wrote %1: %2 records over %3 distinct pages (%4 loads, %5 stores, %6 modifies; %7 other lines "
              "skipped, %8 malformed).")
               .arg(positional.at(1))
               .arg(stats->recordsWritten)
               .arg(stats->distinctPages)
               .arg(stats->loads)
               .arg(stats->stores)
               .arg(stats->modifies)
               .arg(stats->otherLines)
               .arg(stats->malformedLines)
        << u'\n';
    out.flush();
    return CliApp::ExitOk;
}

} // namespace swaptier::services
