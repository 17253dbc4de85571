// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycommand.h"

#include "cliapp.h"
#include "commandsupport.h"
#include "historystore.h"
#include "progressreporter.h"
#include "sandboxjson.h"
#include "sandboxsummary.h"
#include "texttable.h"
#include "units.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace swaptier::services {

int HistoryCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const QString command = QStringLiteral("history");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the runs recorded with \"%1 run --db FILE\" (newest first). With a RUN id, prints that run and "
           "its samples over time: progress, counters, and the entries of every tier.\n\n")
            .arg(program)
        + CliApp::exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption db(QStringLiteral("db"), tr("The sqlite history file (required)."), tr("file"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  tr("Print JSON: the list of runs, or the run with its report and samples."));
    parser.addOptions({db, json});
    CommandSupport::addCommandName(parser, command);
    parser.addPositionalArgument(QStringLiteral("run"), tr("A run id from the list."), QStringLiteral("[RUN]"));
    if (!parser.parse(QStringList{programPath} + arguments))
        return CommandSupport::usage(err, program, command, parser.errorText());
    if (parser.isSet(help)) {
        out << parser.helpText();
        out.flush();
        return CliApp::ExitOk;
    }
    if (!parser.isSet(db))
        return CommandSupport::usage(err, program, command, tr("--db FILE is required."));
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return CommandSupport::usage(err, program, command, tr("unexpected argument \"%1\".").arg(positional.at(1)));
    qint64 runId = 0;
    if (!positional.isEmpty()) {
        bool ok = false;
        runId = positional.constFirst().toLongLong(&ok);
        if (!ok || runId <= 0)
            return CommandSupport::usage(err, program, command,
                                         tr("RUN must be a run id from the list, not \"%1\".").arg(positional.constFirst()));
    }
    if (!QFileInfo::exists(parser.value(db)))
        return CommandSupport::failure(err, program, command,
                                       tr("there is no history file \"%1\".").arg(parser.value(db)));
    QString error;
    auto store = HistoryStore::open(parser.value(db), &error);
    if (!store)
        return CommandSupport::failure(err, program, command, error);

    const auto dateText = [](const QDateTime& t) {
        return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
    };
    if (runId == 0) {
        auto runs = store->runs(&error);
        if (!runs)
            return CommandSupport::failure(err, program, command, error);
        if (parser.isSet(json)) {
            QJsonArray list;
            for (const RunRecord& r : *runs)
                list.append(QJsonObject{{QStringLiteral("id"), r.id},
                                        {QStringLiteral("scenario"), r.scenario},
                                        {QStringLiteral("source"), r.source},
                                        {QStringLiteral("variant"), r.variant},
                                        {QStringLiteral("design"), r.design},
                                        {QStringLiteral("seed"), double(r.seed)},
                                        {QStringLiteral("started_at"), dateText(r.startedAt)},
                                        {QStringLiteral("finished_at"), dateText(r.finishedAt)},
                                        {QStringLiteral("status"), r.status},
                                        {QStringLiteral("error"), r.error},
                                        {QStringLiteral("samples"), r.sampleCount}});
            out << QJsonDocument(list).toJson(QJsonDocument::Indented);
            out.flush();
            return CliApp::ExitOk;
        }
        TextTable table({tr("run"), tr("started (UTC)"), tr("scenario"), tr("variant"), tr("design"), tr("seed"),
                         tr("status"), tr("samples")},
                        {TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Left, TextTable::Align::Left,
                         TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Left, TextTable::Align::Right});
        for (const RunRecord& r : *runs)
            table.addRow({QString::number(r.id), dateText(r.startedAt), r.scenario, r.variant, r.design,
                          QString::number(r.seed), r.status, QString::number(r.sampleCount)});
        if (runs->empty())
            out << tr("No runs recorded in \"%1\".").arg(store->path()) << u'\n';
        else
            out << table.render(0);
        out.flush();
        return CliApp::ExitOk;
    }

    auto record = store->run(runId, &error);
    if (!record)
        return CommandSupport::failure(err, program, command, error);
    auto samples = store->samples(runId, &error);
    if (!samples)
        return CommandSupport::failure(err, program, command, error);
    if (parser.isSet(json)) {
        QJsonArray series;
        for (const SandboxSample& s : *samples)
            series.append(SandboxJson::sample(s));
        QJsonObject object{{QStringLiteral("id"), record->id},
                           {QStringLiteral("scenario"), record->scenario},
                           {QStringLiteral("source"), record->source},
                           {QStringLiteral("variant"), record->variant},
                           {QStringLiteral("design"), record->design},
                           {QStringLiteral("seed"), double(record->seed)},
                           {QStringLiteral("started_at"), dateText(record->startedAt)},
                           {QStringLiteral("finished_at"), dateText(record->finishedAt)},
                           {QStringLiteral("status"), record->status},
                           {QStringLiteral("error"), record->error},
                           {QStringLiteral("host"), record->host},
                           {QStringLiteral("version"), record->version},
                           {QStringLiteral("samples"), series}};
        const QJsonDocument report = QJsonDocument::fromJson(record->reportJson.toUtf8());
        object.insert(QStringLiteral("report"), report.isObject() ? QJsonValue(report.object()) : QJsonValue());
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out.flush();
        return CliApp::ExitOk;
    }
    out << tr("Run %1: %2%3, %4 design, seed %5").arg(record->id).arg(record->scenario,
                                                                        record->variant.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(record->variant),
                                                                        record->design)
               .arg(record->seed)
        << u'\n'
        << tr("  source %1; host %2; swaptier %3").arg(record->source, record->host, record->version) << u'\n'
        << tr("  started %1, finished %2, status %3").arg(dateText(record->startedAt), dateText(record->finishedAt), record->status)
        << u'\n';
    if (!record->error.isEmpty())
        out << tr("  error: %1").arg(record->error) << u'\n';
    QStringList headers{tr("time"), tr("progress"), tr("accesses"), tr("swap-outs"), tr("swap-ins"), tr("refaults")};
    QStringList tierNames;
    if (!samples->empty())
        for (const TierUsage& t : samples->back().tiers)
            tierNames << QString::fromStdString(t.name);
    for (const QString& n : tierNames)
        headers << tr("%1 entries").arg(n);
    TextTable table(headers);
    for (const SandboxSample& s : *samples) {
        QStringList row{SandboxSummary::formatNanos(s.elapsedNanos), formatPercent(s.progress),
                        QString::number(s.counters.accesses), QString::number(s.counters.swapOuts),
                        QString::number(s.counters.swapInFaults), QString::number(s.counters.refaults)};
        for (const QString& n : tierNames) {
            QString cell = QStringLiteral("-");
            for (const TierUsage& t : s.tiers)
                if (QString::fromStdString(t.name) == n)
                    cell = QString::number(t.entries);
            row << cell;
        }
        table.addRow(row);
    }
    out << u'\n' << tr("%n samples:", nullptr, int(samples->size())) << u'\n' << table.render();
    out.flush();
    return CliApp::ExitOk;
}

} // namespace swaptier::services
