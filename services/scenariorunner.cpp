// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorunner.h"

#include "errortext.h"
#include "samplerecorder.h"
#include "sandboxjson.h"

#include "swaptier/sandbox.h"

#include <QSysInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <csignal>

namespace swaptier::services {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int) {
    g_interrupted.store(true, std::memory_order_relaxed);
}

} // namespace

const std::atomic<bool>* ScenarioRunner::installInterruptFlag() {
    static const bool installed = [] {
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
        return true;
    }();
    (void)installed;
    return &g_interrupted;
}

QString ScenarioRunner::sandboxErrorText(const Error& error) {
    if (error.code == Errc::InvalidArgument && !error.path.empty() && error.path.front() != '/')
        return tr("The scenario is not valid: field %1 is out of range or inconsistent.")
            .arg(QString::fromStdString(error.path));
    return errorText(error);
}

ScenarioRunner::ScenarioRunner(const LoadedScenario& scenario, Options options, QTextStream& err)
    : m_scenario(scenario), m_options(std::move(options)), m_err(err) {}

QJsonObject ScenarioRunner::scenarioJson(const QString& variantLabel) const {
    return QJsonObject{{QStringLiteral("name"), m_scenario.name},
                       {QStringLiteral("source"), m_scenario.source},
                       {QStringLiteral("variant"), variantLabel}};
}

ScenarioRunner::Outcome ScenarioRunner::run(const ScenarioVariant& variant, SwapDesign design) {
    Outcome outcome;
    SandboxConfig config = variant.config;
    config.design = design;
    if (m_options.seed)
        config.seed = *m_options.seed;

    QString label = m_scenario.name;
    if (!variant.label.isEmpty())
        label += u' ' + variant.label;
    label += u' ' + SandboxJson::designName(design);
    ProgressReporter progress(m_err, m_options.progress, label);

    std::unique_ptr<SampleRecorder> recorder;
    if (m_options.store) {
        RunRecord record;
        record.scenario = m_scenario.name;
        record.source = m_scenario.source;
        record.variant = variant.label;
        record.design = SandboxJson::designName(design);
        record.seed = config.seed;
        record.host = QSysInfo::machineHostName();
        record.version = QCoreApplication::applicationVersion();
        QString error;
        outcome.runId = m_options.store->beginRun(record, &error);
        if (outcome.runId == 0) {
            outcome.error = error;
            return outcome;
        }
        recorder = std::make_unique<SampleRecorder>(*m_options.store, outcome.runId);
    }

    QString metricsError;
    SandboxCallbacks callbacks;
    callbacks.cancel = m_options.cancel;
    callbacks.onProgress = [&](double done, const SandboxCounters& counters) { progress.update(done, counters); };
    callbacks.onSample = [&](const SandboxSample& sample) {
        if (recorder)
            recorder->record(sample);
        if (!m_options.metricsDir.isEmpty() && metricsError.isEmpty()) {
            const PrometheusExporter::Labels labels{m_scenario.name, SandboxJson::designName(design),
                                                    QStringLiteral("sandbox")};
            PrometheusExporter::write(m_options.metricsDir, sample, labels, m_options.metrics, &metricsError);
        }
    };

    auto report = runSandbox(config, callbacks);
    QString status = QStringLiteral("done");
    QString runError;
    QString reportJson;
    if (!report) {
        status = QStringLiteral("failed");
        runError = sandboxErrorText(report.error());
        progress.finish(tr("failed"));
    } else {
        if (report->cancelled)
            status = QStringLiteral("cancelled");
        reportJson = QString::fromUtf8(
            QJsonDocument(SandboxJson::report(*report, scenarioJson(variant.label))).toJson(QJsonDocument::Compact));
        progress.finish(report->cancelled ? tr("cancelled") : tr("done"));
        outcome.report = std::move(report.value());
    }
    if (recorder) {
        QString error;
        if (!recorder->finish(&error) && runError.isEmpty())
            runError = error;
        if (!m_options.store->finishRun(outcome.runId, status, runError, reportJson, &error) && runError.isEmpty())
            runError = error;
    }
    if (runError.isEmpty() && !metricsError.isEmpty())
        runError = metricsError;
    if (runError.isEmpty() && outcome.report && outcome.report->cancelled)
        runError = tr("Interrupted: the run was cancelled before its end.");
    if (runError.isEmpty() && outcome.report && outcome.report->leakedEntries)
        runError = tr("%n swap entries were left in the swap design after every process exited.", nullptr,
                      int(outcome.report->leakedEntries));
    outcome.error = runError;
    return outcome;
}

} // namespace swaptier::services
