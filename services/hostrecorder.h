// SPDX-License-Identifier: GPL-3.0-or-later
// HostRecorder: records one run of the desktop app (EngineHost) in the sqlite history, the same
// database `swaptierctl run --db FILE` writes: a run record (scenario, design, seed, status
// "running"), every sample the sandbox produces, and at the end the final status with the
// JSON report. `swaptierctl history --db FILE` and the app's history browser read it back.
//
// Why a writer thread (SampleRecorder) and not batches written on the host's timer: samples
// arrive on the sandbox's coordinator thread, which must never wait for sqlite, and the host
// lives on the GUI thread, which must not either: a commit normally takes a millisecond, but
// with another swaptierctl writing the same file sqlite waits for its lock up to the busy
// timeout (5 s), which on the host's timer would freeze the window. So record() only moves a
// copy of the sample into SampleRecorder's queue under its short lock, and SampleRecorder's
// thread writes batches of 64 samples (or every 250 ms) in one transaction each, keeping every
// sample in memory after a failed write and retrying at the end, so nothing is dropped.
// What remains on the host's thread is opening the file with the run record (start); the last
// batch with the final status (end) is written off it (EngineHost::finishRecording).
//
// Errors are values: begin() and finish() return the translated message (it names the file);
// EngineHost turns it into its historyError() signal and the run itself goes on unrecorded.
//
// Thread safety: record() may be called from any thread (the coordinator thread), between
// begin() and finish(); begin() runs on the host's thread, finish() and the destructor on one
// thread (EngineHost uses a short-lived thread of its own, so that no sqlite call runs on the
// GUI thread), and finish() / the destructor REQUIRE that no record() call is running or will
// start (the sandbox thread has been joined). Lock: only SampleRecorder's queue lock (a leaf), taken
// inside record(); HistoryStore's connection mutex is taken by the writer thread and by
// begin() / finish(), never while holding the queue lock.
#pragma once

#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace swaptier::services {

class HistoryStore;
class SampleRecorder;

class HostRecorder {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::HostRecorder)

public:
    /// Opens (or creates) the history at `path` and adds a run record of `config` with status
    /// "running". nullptr and *error ("The run is not recorded in the history: FILE: why")
    /// when the file cannot be used or the record cannot be written.
    static std::unique_ptr<HostRecorder> begin(const QString& path, const swaptier::SandboxConfig& config,
                                               QString* error);

    /// Ends the run record as "cancelled" ("The application ended during the run.") if finish()
    /// was not called: the host was destroyed during the run.
    ~HostRecorder();
    HostRecorder(const HostRecorder&) = delete;
    HostRecorder& operator=(const HostRecorder&) = delete;

    /// Queues a copy of the sample for the writer thread; never waits for the disk.
    void record(const swaptier::SandboxSample& sample);

    /// Writes what is queued, then ends the run record: "done", "cancelled" (report->cancelled)
    /// or "failed" (no report; `runError` says why), with the report as JSON. False and *error
    /// ("The history of this run is incomplete: FILE: why") if a sample or the end could not be
    /// written. Only the first call does anything; later calls return true.
    bool finish(const swaptier::SandboxReport* report, const QString& runError, QString* error);

    qint64 runId() const { return m_runId; }
    QString path() const;

private:
    HostRecorder(std::unique_ptr<HistoryStore> store, qint64 runId, QString scenario);

    std::unique_ptr<HistoryStore> m_store;
    const qint64 m_runId;
    const QString m_scenario;
    std::unique_ptr<SampleRecorder> m_samples; // after m_store: destroyed (joined) first
    bool m_finished = false;
};

} // namespace swaptier::services
