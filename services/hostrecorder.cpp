// SPDX-License-Identifier: GPL-3.0-or-later
// HostRecorder (hostrecorder.h): a HistoryStore, a run record in it and a SampleRecorder for the
// samples, ended like `swaptierctl run --db` ends its runs (ScenarioRunner::run).
#include "hostrecorder.h"

#include "historystore.h"
#include "samplerecorder.h"
#include "sandboxjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace swaptier::services {

HostRecorder::HostRecorder(std::unique_ptr<HistoryStore> store, qint64 runId, QString scenario)
    : m_store(std::move(store)), m_runId(runId), m_scenario(std::move(scenario)),
      m_samples(std::make_unique<SampleRecorder>(*m_store, m_runId)) {}

HostRecorder::~HostRecorder() {
    if (m_finished)
        return;
    // The host went away during the run (its thread was stopped and joined): keep what came.
    m_samples->finish(nullptr);
    m_store->finishRun(m_runId, QStringLiteral("cancelled"), tr("The application ended during the run."), QString(),
                       nullptr);
}

std::unique_ptr<HostRecorder> HostRecorder::begin(const QString& path, const SandboxConfig& config, QString* error) {
    QString why;
    auto store = HistoryStore::open(path, &why);
    if (!store) {
        if (error)
            *error = tr("The run is not recorded in the history: %1").arg(why);
        return nullptr;
    }
    RunRecord record;
    record.scenario = QString::fromStdString(config.name);
    record.design = SandboxJson::designName(config.design);
    record.seed = config.seed;
    record.host = QSysInfo::machineHostName();
    record.version = QCoreApplication::applicationVersion();
    const qint64 runId = store->beginRun(record, &why);
    if (runId == 0) {
        if (error)
            *error = tr("The run is not recorded in the history: %1").arg(why);
        return nullptr;
    }
    return std::unique_ptr<HostRecorder>(new HostRecorder(std::move(store), runId, record.scenario));
}

QString HostRecorder::path() const { return m_store->path(); }

void HostRecorder::record(const SandboxSample& sample) { m_samples->record(sample); }

bool HostRecorder::finish(const SandboxReport* report, const QString& runError, QString* error) {
    if (m_finished)
        return true;
    m_finished = true;
    QString status = QStringLiteral("failed");
    QString reportJson;
    if (report) {
        status = report->cancelled ? QStringLiteral("cancelled") : QStringLiteral("done");
        const QJsonObject scenario{{QStringLiteral("name"), m_scenario},
                                   {QStringLiteral("source"), QString()},
                                   {QStringLiteral("variant"), QString()}};
        reportJson = QString::fromUtf8(
            QJsonDocument(SandboxJson::report(*report, scenario)).toJson(QJsonDocument::Compact));
    }
    QString writeError;
    const bool samplesWritten = m_samples->finish(&writeError);
    QString recordedError = runError;
    if (!samplesWritten && recordedError.isEmpty())
        recordedError = writeError;
    QString endError;
    const bool ended = m_store->finishRun(m_runId, status, recordedError, reportJson, &endError);
    if (samplesWritten && ended)
        return true;
    if (error)
        *error = tr("The history of this run is incomplete: %1").arg(samplesWritten ? endError : writeError);
    return false;
}

} // namespace swaptier::services
