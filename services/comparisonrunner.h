// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonRunner: runs one sandbox configuration in both swap designs (virtual, then
// classic) on a worker thread for an event-loop client (the desktop app's "Classic vs virtual"
// view) and hands back both reports with the comparison rows `swaptierctl compare` prints
// (SandboxSummary::comparisonRows), so the two front ends compare the same figures.
//
// Why one design after the other, never both at once: the CPU-time figure is the process's CPU
// time during a run (all threads), and the wall time depends on the cores left free; two runs
// at once would each count the other's work. The same reason makes the figures of a comparison
// run while the live sandbox (EngineHost) runs noisier: pause the live run for clean timings.
// Every other figure (pages, bytes, page-table entries) does not depend on timing.
//
// Files: each run's swapfiles are created in a QTemporaryDir of the runner's own (the config's
// device paths are rewritten into it, "virtual-0-ssd.swap", "classic-0-ssd.swap"), so a
// comparison never touches the live run's swapfiles; the directory is removed when the runs
// end, however they end. Device display names default to the original paths, so the reports
// name the devices as the scenario does.
//
// Every start() that returns true ends with exactly one of finished(), failed() or cancelled(),
// always delivered through the event loop (even a validation failure), after which running()
// is false and the directory is gone.
//
// Thread safety: the public methods and the signals belong to the runner's thread (the thread
// the object lives in). The worker thread reads only its own copy of the config and the atomic
// cancel flag; what it produces reaches the runner's thread through queued invocations (no
// lock). The destructor cancels a running comparison and joins the worker.
#pragma once

#ifndef Q_MOC_RUN
#include "comparisonrow.h"
#include "swaptier/sandbox.h"
#endif

#include <QObject>
#include <QString>

#ifndef Q_MOC_RUN
#include <atomic>
#include <memory>
#include <thread>
#include <vector>
#endif

class QTemporaryDir;

namespace swaptier::services {

/// A finished comparison. Immutable once published.
struct ComparisonResult {
    QString scenario;                    ///< SandboxConfig::name
    quint64 seed = 0;
    swaptier::SandboxReport virtualRun;
    swaptier::SandboxReport classicRun;
    std::vector<ComparisonRow> rows;     ///< SandboxSummary::comparisonRows(virtualRun, classicRun)
    /// Whether a run was cut short by the config's durationMs: then the two runs did not make
    /// the same accesses and the figures compare different amounts of work.
    bool cutShort() const { return virtualRun.cutShort || classicRun.cutShort; }
};

class ComparisonRunner : public QObject {
    Q_OBJECT

public:
    explicit ComparisonRunner(QObject* parent = nullptr);
    ~ComparisonRunner() override; ///< cancels a running comparison and waits for the worker

    /// Starts comparing `config` (its `design` is ignored). False, with nothing started, when a
    /// comparison is already running. An invalid config ends in failed() with the validation
    /// sentence naming the field ("workloads[0].cgroup").
    bool start(const swaptier::SandboxConfig& config);
    /// Asks the running comparison to stop after the current round; cancelled() follows.
    void cancel();

    bool running() const { return m_running; }
    /// Where temporary directories are made (default: QDir::tempPath()).
    void setScratchBase(const QString& directory) { m_scratchBase = directory; }
    QString scratchBase() const { return m_scratchBase; }
    /// The running comparison's directory (empty when none runs).
    QString workDirectory() const;

    /// The translated name of a design ("virtual", "classic").
    static QString designName(swaptier::SwapDesign design);

signals:
    /// Share done over both runs in [0, 1] (the virtual run is the first half) and the
    /// translated name of the design running. At most a few hundred per comparison.
    void progress(double share, const QString& designName);
    void finished(std::shared_ptr<const swaptier::services::ComparisonResult> result);
    /// A translated sentence: the config is invalid, a device could not be created, a run
    /// would have lost a page...
    void failed(const QString& error);
    void cancelled();

private:
    struct Outcome; // what the worker hands back

    void onWorkerEnded(const std::shared_ptr<Outcome>& outcome);
    void endWith(const std::shared_ptr<Outcome>& outcome);

    QString m_scratchBase;
    std::unique_ptr<QTemporaryDir> m_dir; ///< the running comparison's files
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
};

} // namespace swaptier::services

Q_DECLARE_METATYPE(std::shared_ptr<const swaptier::services::ComparisonResult>)
