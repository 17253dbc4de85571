// SPDX-License-Identifier: GPL-3.0-or-later
// LintCommand (lintcommand.h). The scenario is loaded as run loads it, with a device directory
// that is never created (lint only reads the config: relative device paths need a directory to
// resolve against, and no rule depends on where it is).
#include "lintcommand.h"

#include "cliapp.h"
#include "commandsupport.h"
#include "configlint.h"
#include "sandboxjson.h"
#include "texttable.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace swaptier::services {

int LintCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = QStringLiteral("lint");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks the swap setup of a scenario for what an admin would want to know: a compressed pool in front "
           "of a zram device, equal priorities over devices that differ, settings an ancestor cgroup overrides, "
           "tiers and cgroups without a swap device, a pool without a limit, limits that never take effect. Each "
           "finding comes with a one-line explanation. Every variant of a sweep is checked; nothing is run or "
           "created. SCENARIO is a scenario file or the name of a built-in one (see \"%1 scenarios\").\n\n"
           "Exit codes:\n"
           "  0  no warning (notices only, or nothing found)\n"
           "  1  at least one warning\n"
           "  2  bad usage (unknown option, invalid scenario: nothing was checked)")
            .arg(program));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the findings as JSON."));
    const QCommandLineOption variant(QStringLiteral("variant"),
                                     tr("Check only this variant of a sweep (its label, e.g. \"mapped=48M\" or "
                                        "\"48M\")."),
                                     tr("label"));
    parser.addOptions({json, variant});
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
    const QString deviceDir = QDir::temp().filePath(QStringLiteral("swaptier-lint"));
    auto scenario = CommandSupport::loadScenario(err, program, command, positional.constFirst(), deviceDir);
    if (!scenario)
        return CliApp::ExitUsage;
    if (!CommandSupport::selectVariant(*scenario, parser.value(variant)))
        return CommandSupport::usage(err, program, command,
                                     tr("the scenario has no variant \"%1\".").arg(parser.value(variant)));

    int warnings = 0, notices = 0;
    QJsonArray variantsJson;
    QString text;
    for (const ScenarioVariant& v : scenario->variants) {
        const std::vector<LintFinding> findings = ConfigLint::check(v.config, nullptr);
        int variantWarnings = 0;
        QJsonArray findingsJson;
        for (const LintFinding& f : findings) {
            variantWarnings += f.severity == LintSeverity::Warning;
            findingsJson.append(ConfigLint::toJson(f));
        }
        warnings += variantWarnings;
        notices += int(findings.size()) - variantWarnings;
        variantsJson.append(QJsonObject{{QStringLiteral("label"), v.label},
                                        {QStringLiteral("design"), SandboxJson::designName(v.config.design)},
                                        {QStringLiteral("findings"), findingsJson}});

        QString title = scenario->name;
        if (!v.label.isEmpty())
            title += QStringLiteral(" [%1]").arg(v.label);
        if (findings.empty()) {
            text += tr("%1: no findings.").arg(title) + u'\n';
            continue;
        }
        const int variantNotices = int(findings.size()) - variantWarnings;
        text += tr("%1: warnings: %2, notices: %3")
                    .arg(title, QString::number(variantWarnings), QString::number(variantNotices))
              + u'\n';
        TextTable table({tr("#"), tr("severity"), tr("subject"), tr("message")},
                        {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left,
                         TextTable::Align::Left});
        QString why;
        for (std::size_t i = 0; i < findings.size(); ++i) {
            const LintFinding& f = findings[i];
            table.addRow({QString::number(i + 1), ConfigLint::severityText(f.severity),
                          ConfigLint::subjectText(f.subject), f.message});
            why += QStringLiteral("  %1. %2: %3\n").arg(QString::number(i + 1), f.code, f.explanation);
        }
        text += table.render(2) + u'\n' + why + u'\n';
    }

    if (parser.isSet(json)) {
        const QJsonObject document{
            {QStringLiteral("format"), 1},
            {QStringLiteral("kind"), QStringLiteral("lint")},
            {QStringLiteral("scenario"),
             QJsonObject{{QStringLiteral("name"), scenario->name}, {QStringLiteral("source"), scenario->source}}},
            {QStringLiteral("warnings"), warnings},
            {QStringLiteral("notices"), notices},
            {QStringLiteral("variants"), variantsJson}};
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        out << text;
    }
    out.flush();
    return warnings > 0 ? 1 : int(CliApp::ExitOk); // 1: warnings found (lintcommand.h)
}

} // namespace swaptier::services
