// SPDX-License-Identifier: GPL-3.0-or-later
// EngineHost: runs one sandbox configuration on a thread of its own for an event-loop client
// (the desktop app) and publishes what happens as immutable snapshots, at most 10 a second,
// on the host's own thread. Controls (pause, resume, speed, stop, actions with progress and
// cancel) go to the engine's SandboxControl; results come back as signals.
//
// Why this shape (house style, "engine-to-UI data flow uses immutable snapshots over queued
// signals"): the sandbox calls back on its coordinator thread, which must never wait for the
// UI. Its callbacks only move the newest sample into a slot under m_lock (older unpublished
// samples are superseded: a snapshot is a state, not an event) and queue action results and
// the end of the run to the host's thread. A QTimer on the host's thread, 100 ms, turns the
// newest sample into a HostSnapshot (with rates against the previous one) and emits it, so
// however fast the sandbox samples, the client sees at most 10 snapshots a second, each a
// shared_ptr to const data it may keep as long as it likes.
//
// A data source for live kernels can take the same place later: clients see only
// HostSnapshot, the state and the signals.
//
// Recording (opt-in, setHistoryPath()): each run is also written to the sqlite history by a
// HostRecorder (hostrecorder.h), every sample the sandbox produces, not only the published ones,
// from a writer thread of its own.
//
// Thread safety: the public methods and signals belong to the host's thread (the thread the
// object lives in). Lock: m_lock (a leaf), held only to hand a sample or the state over. The
// sample callback hands the sample to the HostRecorder (its own leaf lock) before and outside
// m_lock. m_recorder is set before the sandbox thread starts; when the run ends it moves to a
// short-lived thread of its own (m_recordingEnd) that writes the last samples and the final
// status, so that sqlite (a commit, or a wait for another writer's lock up to the busy timeout)
// never runs on the host's thread; recordingFinished() follows. start() and the destructor
// join that thread first, so one run's record is complete before the next begins.
#pragma once

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"
#include "tieroccupancy.h"
#include "swaptier/sandboxcontrol.h"
#endif

#include <QObject>
#include <QString>
#include <QTimer>

#ifndef Q_MOC_RUN
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#endif

namespace swaptier::services {

class HostRecorder;

/// What the host publishes: the state of the run at one moment. Immutable once published.
struct HostSnapshot {
    enum class State { Idle, Running, Paused, Finished, Failed };

    quint64 serial = 0;                  ///< 1, 2, ... per run
    State state = State::Idle;
    bool holding = false;                ///< every workload done, the run kept for actions
    double progress = 0;                 ///< share of the planned accesses made, [0, 1]
    double speed = 1;                    ///< SandboxControl::speed()
    QString scenario;                    ///< SandboxConfig::name
    std::vector<std::string> deviceNames; ///< display names, SandboxConfig::devices order
    std::vector<int> cgroupParents;      ///< parent index per cgroup (-1: the root), sample.cgroups order
    swaptier::SwapDesign design = swaptier::SwapDesign::Virtual;
    /// The setup as the run has it now: the started config with every setting action that
    /// took applied (ConfigChange::apply). Shared between snapshots until it changes.
    std::shared_ptr<const swaptier::SandboxConfig> config;
    std::vector<bool> deviceActive;      ///< per config.devices: false once swapped off
    swaptier::SandboxSample sample;      ///< the newest sample
    TierOccupancy tierOccupancy;         ///< sample's swapfile pages by tier (config's tier order)
    /// Per second, from this sample and the previous published one (0 for the first).
    double swapOutsPerSecond = 0;
    double swapInsPerSecond = 0;
    double accessesPerSecond = 0;
    /// Pages written back from the pool to swapfiles (DesignFigures::poolWritebacks).
    double writebacksPerSecond = 0;
};

class EngineHost : public QObject {
    Q_OBJECT

public:
    using State = HostSnapshot::State;

    explicit EngineHost(QObject* parent = nullptr);
    ~EngineHost() override; ///< stops a running sandbox and waits for it

    /// Starts `config` (validated first; false and *error with a translated sentence naming
    /// the field). REQUIRES: not running. `holdAtEnd`: keep the finished run for actions.
    bool start(const swaptier::SandboxConfig& config, bool holdAtEnd, QString* error);
    void pause();
    void resume();
    /// Share of full speed in (0, 1]; false and *error otherwise.
    bool setSpeed(double share, QString* error);
    /// Ends the run (cancelled unless it was holding at its end); finished() follows.
    void stop();
    /// Queues an action for the running sandbox; 0 if nothing is running. An action that
    /// changes the setup (ConfigChange::changesConfig) is applied to config() when the run
    /// reports it done, before actionFinished() is emitted.
    quint64 submit(const swaptier::SandboxAction& action);
    void cancelAction(quint64 id);

    State state() const { return m_state; }
    bool running() const { return m_state == State::Running || m_state == State::Paused; }
    /// The setup of the current (or last) run, as edited by its actions; null before start().
    std::shared_ptr<const swaptier::SandboxConfig> config() const { return m_config; }
    const std::vector<bool>& deviceActive() const { return m_deviceActive; }
    /// Per config()->actions (the scenario's plan): whether it has run.
    const std::vector<bool>& plannedRan() const { return m_plannedRan; }
    /// Where the devices the plan names are in config() (ConfigChange::currentSetup): per
    /// device reference of a planned action, its index in config(), -1 while it does not exist.
    const std::vector<int>& plannedDevices() const { return m_plannedDevices; }
    /// config() with the setting actions submitted but not yet ended applied, in submission
    /// order: the setup as it will be if they all take (what an editor edits).
    std::shared_ptr<const swaptier::SandboxConfig> expectedConfig() const;
    /// The newest published snapshot (null before the first).
    std::shared_ptr<const HostSnapshot> snapshot() const { return m_snapshot; }
    /// Snapshots published since start() (for tests and the UI's status bar).
    quint64 published() const { return m_published; }
    static constexpr int kPublishIntervalMs = 100;

    /// Records every run started from now on in the sqlite history at `path` (created if
    /// missing; the format of `swaptierctl run --db`); empty = no recording (the default).
    void setHistoryPath(const QString& path) { m_historyPath = path; }
    QString historyPath() const { return m_historyPath; }

signals:
    void snapshotAvailable(std::shared_ptr<const swaptier::services::HostSnapshot> snapshot);
    void stateChanged(swaptier::services::HostSnapshot::State state);
    void actionProgress(quint64 id, quint64 done, quint64 total);
    void actionFinished(quint64 id, const swaptier::ActionFigures& figures);
    /// config() changed (a setting action took); the next snapshot carries it too.
    void configChanged(std::shared_ptr<const swaptier::SandboxConfig> config);
    /// The run ended: its report, or a translated error (a page would have been lost, a
    /// device could not be created...).
    void finished(std::shared_ptr<const swaptier::SandboxReport> report, const QString& error);
    /// The run could not be (fully) recorded in the history: a translated sentence naming the
    /// file. The run itself goes on. Emitted from start(), or after finished() when the end of
    /// the record failed (then before recordingFinished()).
    void historyError(const QString& message);
    /// A recorded run's history record is complete (or failed, after historyError()): the
    /// history file now holds its final status. Only for runs that were being recorded.
    void recordingFinished();

private:
    void publish();
    void setState(State state);
    void onRunEnded();
    void onActionEnded(quint64 id, const swaptier::ActionFigures& figures);
    /// Applies a setting action (submitted or planned) that ended to m_config if it took.
    void applyTaken(const swaptier::SandboxAction& action, const swaptier::ActionFigures& figures);
    /// start(): opens the history and begins the run record; on success the sample callback
    /// also hands every sample to the recorder.
    void startRecording(const swaptier::SandboxConfig& config, swaptier::SandboxCallbacks& cb);
    /// onRunEnded(): the last samples and the final status, on m_recordingEnd.
    void finishRecording(std::shared_ptr<const swaptier::SandboxReport> report, const QString& error);
    void joinRecordingEnd();

    std::unique_ptr<swaptier::SandboxControl> m_control; ///< one per run
    std::thread m_thread;
    QTimer m_timer;
    State m_state = State::Idle;
    bool m_hold = false;
    QString m_scenario;
    std::vector<std::string> m_deviceNames;
    std::vector<int> m_cgroupParents;
    swaptier::SwapDesign m_design = swaptier::SwapDesign::Virtual;
    std::shared_ptr<const swaptier::SandboxConfig> m_config;
    std::vector<bool> m_deviceActive;
    std::vector<bool> m_plannedRan;
    std::vector<int> m_plannedDevices; ///< see plannedDevices()
    bool m_configDirty = false;                  ///< config changed since the last snapshot
    std::map<quint64, swaptier::SandboxAction> m_submitted; ///< setting actions not yet ended
    std::shared_ptr<const HostSnapshot> m_snapshot;
    quint64 m_published = 0;

    mutable std::mutex m_lock;
    std::optional<swaptier::SandboxSample> m_pending;  // GUARDED_BY(m_lock): newest unpublished sample
    double m_progress = 0;                             // GUARDED_BY(m_lock)
    std::optional<swaptier::Result<swaptier::SandboxReport>> m_result; // GUARDED_BY(m_lock)

    QString m_historyPath;                   ///< empty: runs are not recorded
    std::unique_ptr<HostRecorder> m_recorder; ///< the run's recorder; null when not recording
    std::thread m_recordingEnd;               ///< finishes the last run's record (see the top)
};

} // namespace swaptier::services

Q_DECLARE_METATYPE(std::shared_ptr<const swaptier::services::HostSnapshot>)
Q_DECLARE_METATYPE(std::shared_ptr<const swaptier::SandboxReport>)
Q_DECLARE_METATYPE(swaptier::ActionFigures)
Q_DECLARE_METATYPE(std::shared_ptr<const swaptier::SandboxConfig>)
