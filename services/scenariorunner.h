// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioRunner: runs one variant of a loaded scenario in one swap design, the way every
// swaptierctl command that runs scenarios needs it: progress on stderr (ProgressReporter),
// samples recorded into the sqlite history off the sandbox's thread (SampleRecorder), the
// Prometheus textfile rewritten at every sample, Ctrl-C turned into a clean cancel.
//
// Errors are values: run() returns the report or fills a translated sentence. A run that the
// history or the textfile could not record still returns its report, with *error set, so the
// caller prints what it has and exits with a failure status.
#pragma once

#include "historystore.h"
#include "progressreporter.h"
#include "prometheusexporter.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <optional>

class QTextStream;

namespace swaptier::services {

class ScenarioRunner {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioRunner)

public:
    struct Options {
        std::optional<quint64> seed;                      ///< overrides the scenario's seed
        HistoryStore* store = nullptr;                    ///< record the run and its samples here
        QString metricsDir;                               ///< rewrite DIR/<file>.prom at every sample
        PrometheusExporter::Options metrics;
        ProgressReporter::Style progress = ProgressReporter::Style::Lines;
        const std::atomic<bool>* cancel = nullptr;        ///< e.g. set by SIGINT
    };

    ScenarioRunner(const LoadedScenario& scenario, Options options, QTextStream& err);

    struct Outcome {
        std::optional<swaptier::SandboxReport> report;    ///< set when the sandbox ran to its end
        QString error;                                    ///< empty on full success
        qint64 runId = 0;                                 ///< history id, 0 without a store
    };
    Outcome run(const ScenarioVariant& variant, swaptier::SwapDesign design);

    /// {name, source, variant} for the JSON reports.
    QJsonObject scenarioJson(const QString& variantLabel) const;

    /// Installs a SIGINT/SIGTERM handler that sets the returned flag (process-wide, once).
    static const std::atomic<bool>* installInterruptFlag();

    /// A sentence for a sandbox error: validation errors name the config field.
    static QString sandboxErrorText(const swaptier::Error& error);

private:
    const LoadedScenario& m_scenario;
    Options m_options;
    QTextStream& m_err;
};

} // namespace swaptier::services
