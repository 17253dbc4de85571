// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: the sqlite history of sandbox runs. `swaptierctl run --db FILE` records a run
// and its time series of samples; `swaptierctl history --db FILE` lists runs and reads them back.
//
// A run is one row (RunRecord); each SandboxSample is a row with its counters and design figures
// as columns, plus one row per tier and per cgroup. The schema is built by migrations
// (historyschema.h) and described in docs/history-schema.md.
//
// Errors are values: each fallible call returns false / 0 / nullopt and fills *error (when not
// null) with a translated message that starts with the file's path and says what went wrong.
//
// Thread safety: every method may be called from any thread; calls are serialised by an
// internal mutex (SampleRecorder writes from its own thread while the caller reads). Several
// processes may use one file: sqlite's locks and a busy timeout of a few seconds arbitrate.
#pragma once

#include "historyschema.h"
#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace swaptier::services {

/// One run as stored. beginRun() takes what is known at the start; the rest is filled by
/// finishRun() and by the reads.
struct RunRecord {
    qint64 id = 0;            ///< assigned by beginRun(); never reused in a file
    QString scenario;         ///< scenario name
    QString source;           ///< where the scenario came from: a path or ":/scenarios/x.toml"
    QString variant;          ///< variant label; empty = none
    QString design;           ///< "virtual" or "classic"
    quint64 seed = 0;
    QDateTime startedAt;      ///< UTC, millisecond precision; invalid at beginRun() = now
    QDateTime finishedAt;     ///< UTC; invalid while running
    QString status;           ///< "running", "done", "failed" or "cancelled"
    QString error;            ///< why it failed; empty otherwise
    QString reportJson;       ///< the full JSON report, written at the end; may be empty
    QString host;             ///< host name of the machine that ran it
    QString version;          ///< swaptier version that ran it
    qint64 sampleCount = 0;   ///< filled by the reads
};

class HistoryStore {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::HistoryStore)

public:
    static constexpr int kSchemaVersion = HistorySchema::kVersion;

    /// Opens the history at `path`, creating it if it does not exist, and migrates an older
    /// schema in one transaction (a failure leaves the file as it was). Refuses, and leaves
    /// untouched: a file that is not sqlite, a sqlite database of another application (another
    /// application_id and not empty), a schema newer than this build, and a file or directory
    /// that cannot be written. Sets WAL journaling, synchronous=NORMAL and foreign keys.
    static std::unique_ptr<HistoryStore> open(const QString& path, QString* error);

    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    /// Adds a run; returns its id (> 0), or 0 on error. `run.id` and `run.sampleCount` are
    /// ignored; an empty status means "running"; the design must be "virtual" or "classic".
    qint64 beginRun(const RunRecord& run, QString* error);

    /// Appends samples to a run in one transaction, after the ones it already has.
    bool appendSamples(qint64 runId, std::span<const swaptier::SandboxSample> samples, QString* error);

    /// Ends a running run: status "done", "failed" or "cancelled", finishedAt = now. Refuses a
    /// run that is already finished.
    bool finishRun(qint64 runId, const QString& status, const QString& error, const QString& reportJson,
                   QString* err);

    /// Every run, newest first (by start time, then by id), with sampleCount. reportJson is
    /// left empty here (a report can be large and a listing does not need it): run() has it.
    std::optional<std::vector<RunRecord>> runs(QString* error) const;
    /// One run with sampleCount; nullopt and "no run N in FILE" if there is none.
    std::optional<RunRecord> run(qint64 id, QString* error) const;
    /// The samples of a run in the order they were appended, with tiers and cgroups in their
    /// stored order; nullopt and "no run N in FILE" if there is no such run.
    std::optional<std::vector<swaptier::SandboxSample>> samples(qint64 runId, QString* error) const;

    QString path() const;

private:
    struct Private;
    explicit HistoryStore(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace swaptier::services
