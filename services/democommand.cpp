// SPDX-License-Identifier: GPL-3.0-or-later
#include "democommand.h"

#include "cliapp.h"
#include "statsreport.h"
#include "units.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

namespace swaptier::services {

namespace {

class Usage {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::DemoCommand)

public:
    Usage(const QString& program, QTextStream& err) : m_program(program), m_err(err) {}
    int operator()(const QString& message) const {
        m_err << m_program << " demo: " << message << u'\n'
              << tr("Run \"%1 demo --help\" for usage.").arg(m_program) << u'\n';
        m_err.flush();
        return CliApp::ExitUsage;
    }

private:
    const QString& m_program;
    QTextStream& m_err;
};

} // namespace

int DemoCommand::run(const QString& programPath, const QStringList& arguments, QTextStream& out, QTextStream& err) {
    const QString program = QFileInfo(programPath).fileName();
    const DemoOptions defaults;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs the built-in demo workload against a real engine: a compressed pool and two swap files (a fast "
           "high-priority one and a slower one) in a temporary directory, worker threads swapping real pages "
           "(text, shared-library, zero and random pages) in and out for several cgroups, verifying every byte "
           "read back, duplicating and dropping references, moving entries between pool, devices and memory, "
           "and swapping off the fast device mid-run. At the end every entry is dropped, the engine must be "
           "empty and the temporary directory is removed.\n\n"
           "Progress goes to stderr; the summary and the statistics report go to stdout.\n\n")
        + CliApp::exitCodesHelp());
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     tr("Worker threads, 1 to 64 (default %1).").arg(defaults.threads), tr("n"),
                                     QString::number(defaults.threads));
    const QCommandLineOption pages(QStringLiteral("pages"),
                                   tr("Pages to swap out in all (default %1).").arg(defaults.pages), tr("n"),
                                   QString::number(defaults.pages));
    const QCommandLineOption seed(
        QStringLiteral("seed"), tr("Seed of the page contents and the operation mix (default %1).").arg(defaults.seed),
        tr("n"), QString::number(defaults.seed));
    const QCommandLineOption codec(QStringLiteral("codec"), tr("Pool codec: lz4, zstd or lzo (default %1).")
                                                               .arg(QLatin1StringView(codecName(defaults.codec))),
                                   tr("name"), QLatin1StringView(codecName(defaults.codec)));
    const QCommandLineOption poolLimit(QStringLiteral("pool-limit"),
                                       tr("Pool memory limit, e.g. 16M, 512K, 1G; 0 for none (default %1).")
                                           .arg(formatBytes(defaults.poolLimitBytes)),
                                       tr("size"), QStringLiteral("16M"));
    const QCommandLineOption cgroups(QStringLiteral("cgroups"),
                                     tr("Cgroups owning the pages (default %1).").arg(defaults.cgroups), tr("n"),
                                     QString::number(defaults.cgroups));
    const QCommandLineOption json(QStringLiteral("json"), tr("Also write the report as JSON to <file>."), tr("file"));
    const QCommandLineOption workdir(QStringLiteral("workdir"),
                                     tr("Directory for the temporary swap files (default: %1).").arg(QDir::tempPath()),
                                     tr("dir"));
    const QCommandLineOption poolClasses(QStringLiteral("pool-classes"),
                                         tr("Add the table of the pool's size classes to the report."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("No progress lines on stderr."));
    parser.addOptions({threads, pages, seed, codec, poolLimit, cgroups, json, workdir, poolClasses, quiet});
    parser.addPositionalArgument(QStringLiteral("demo"), tr("Run the demo workload."), QStringLiteral("demo"));

    const Usage usage(program, err);
    if (!parser.parse(QStringList{programPath} + arguments))
        return usage(parser.errorText());
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        out << parser.helpText();
        out.flush();
        return CliApp::ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(tr("unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));

    DemoOptions options;
    bool ok = false;
    options.threads = parser.value(threads).toInt(&ok);
    if (!ok)
        return usage(tr("--threads needs a whole number, not \"%1\".").arg(parser.value(threads)));
    options.pages = parser.value(pages).toULongLong(&ok);
    if (!ok)
        return usage(tr("--pages needs a whole number, not \"%1\".").arg(parser.value(pages)));
    options.seed = parser.value(seed).toULongLong(&ok, 0);
    if (!ok)
        return usage(tr("--seed needs a whole number, not \"%1\".").arg(parser.value(seed)));
    options.cgroups = parser.value(cgroups).toInt(&ok);
    if (!ok)
        return usage(tr("--cgroups needs a whole number, not \"%1\".").arg(parser.value(cgroups)));
    const auto codecValue = codecFromName(parser.value(codec).toStdString());
    if (!codecValue || *codecValue == Codec::Raw)
        return usage(tr("unknown pool codec \"%1\"; use lz4, zstd or lzo.").arg(parser.value(codec)));
    options.codec = *codecValue;
    const auto limit = parseBytes(parser.value(poolLimit));
    if (!limit)
        return usage(tr("--pool-limit needs a size such as 16M, 512K or 1G, not \"%1\".").arg(parser.value(poolLimit)));
    options.poolLimitBytes = *limit;
    options.workDir = parser.value(workdir);
    if (const QStringList problems = DemoWorkload::validate(options); !problems.isEmpty())
        return usage(problems.join(u' '));

    const DemoWorkload demo(options);
    const bool showProgress = !parser.isSet(quiet);
    const DemoResult result = demo.run([&](const QString& line) {
        if (!showProgress)
            return;
        err << program << " demo: " << line << u'\n';
        err.flush();
    });

    out << demo.summaryText(result) << u'\n'
        << tr("Engine statistics after the workload, before teardown") << u'\n'
        << QString(60, u'=') << u'\n'
        << StatsReport::toText(result.peak, StatsReport::TextOptions{parser.isSet(poolClasses)});
    out.flush();

    int code = result.ok ? CliApp::ExitOk : CliApp::ExitFailure;
    if (!result.ok) {
        for (const QString& f : result.failures)
            err << program << " demo: " << tr("error: %1").arg(f) << u'\n';
    }
    if (parser.isSet(json)) {
        const QString path = parser.value(json);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(demo.toJson(result)).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
            err << program
                << " demo: " << tr("cannot write the JSON report to \"%1\": %2").arg(path, file.errorString()) << u'\n';
            code = CliApp::ExitFailure;
        }
    }
    err.flush();
    return code;
}

} // namespace swaptier::services
