// SPDX-License-Identifier: GPL-3.0-or-later
// EngineHost (enginehost.h): the sandbox on its own thread, snapshots at most 10 a second on the
// host's thread.
//
// Lock order: m_lock is a leaf: the sandbox's callbacks take it to hand over a sample, the
// progress or the result, the timer takes it to collect them; nothing else is taken under it,
// no signal is emitted under it.
#include "enginehost.h"

#include "configchange.h"
#include "hostrecorder.h"
#include "scenariorunner.h"

#include <QMetaObject>

#include <algorithm>

#include <sys/resource.h>

namespace swaptier::services {

namespace {

double perSecond(std::uint64_t now, std::uint64_t before, std::uint64_t nanos) {
    return nanos == 0 || now < before ? 0.0 : double(now - before) * 1e9 / double(nanos);
}

} // namespace

EngineHost::EngineHost(QObject* parent) : QObject(parent) {
    m_timer.setInterval(kPublishIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EngineHost::publish);
}

EngineHost::~EngineHost() {
    if (m_thread.joinable()) {
        m_control->stop();
        m_thread.join();
    }
    joinRecordingEnd();
}

void EngineHost::joinRecordingEnd() {
    if (m_recordingEnd.joinable())
        m_recordingEnd.join();
}

bool EngineHost::start(const swaptier::SandboxConfig& config, bool holdAtEnd, QString* error) {
    if (running()) {
        if (error)
            *error = tr("A scenario is already running; stop it first.");
        return false;
    }
    if (Status valid = validateSandboxConfig(config); !valid) {
        if (error)
            *error = ScenarioRunner::sandboxErrorText(valid.error());
        return false;
    }
    if (m_thread.joinable())
        m_thread.join(); // the previous run ended (its end is queued or handled)
    m_control = std::make_unique<swaptier::SandboxControl>();
    m_control->setHoldAtEnd(holdAtEnd);
    m_hold = holdAtEnd;
    m_scenario = QString::fromStdString(config.name);
    m_deviceNames = config.deviceNames;
    for (std::size_t i = m_deviceNames.size(); i < config.devices.size(); ++i)
        m_deviceNames.push_back(config.devices[i].path);
    m_design = config.design;
    {
        auto tracked = std::make_shared<swaptier::SandboxConfig>(config);
        if (tracked->cgroups.empty()) {
            swaptier::CgroupSpec root;
            root.name = "/";
            tracked->cgroups.push_back(root); // what the sandbox runs without cgroups
        }
        m_config = std::move(tracked);
    }
    m_deviceActive.assign(config.devices.size(), true);
    m_configDirty = false;
    m_submitted.clear();
    m_cgroupParents.clear();
    for (const swaptier::CgroupSpec& g : config.cgroups)
        m_cgroupParents.push_back(g.parent);
    if (m_cgroupParents.empty())
        m_cgroupParents.push_back(-1); // just the root
    m_snapshot.reset();
    m_published = 0;
    {
        std::lock_guard lock(m_lock);
        m_pending.reset();
        m_progress = 0;
        m_result.reset();
    }

    swaptier::SandboxCallbacks cb;
    cb.control = m_control.get();
    cb.onSample = [this](const swaptier::SandboxSample& s) {
        std::lock_guard lock(m_lock);
        m_pending = s;
    };
    cb.onProgress = [this](double progress, const swaptier::SandboxCounters&) {
        std::lock_guard lock(m_lock);
        m_progress = progress;
    };
    cb.onAction = [this](std::uint64_t id, const swaptier::ActionFigures& figures) {
        QMetaObject::invokeMethod(
            this, [this, id, figures] { onActionEnded(id, figures); }, Qt::QueuedConnection);
    };
    m_plannedRan.assign(config.actions.size(), false);
    // A planned action names the j-th planned AddDevice's device as devices.size() + j; the run
    // may give it another index (devices added from the window come first), reported in
    // ActionFigures::device, so the plan's references are kept mapped to config()'s indices.
    m_plannedDevices.clear();
    for (std::size_t d = 0; d < config.devices.size(); ++d)
        m_plannedDevices.push_back(int(d));
    std::vector<int> plannedRef(config.actions.size(), -1); // per planned AddDevice: its reference
    for (std::size_t i = 0; i < config.actions.size(); ++i)
        if (config.actions[i].kind == swaptier::SandboxAction::Kind::AddDevice) {
            plannedRef[i] = int(m_plannedDevices.size());
            m_plannedDevices.push_back(-1);
        }
    cb.onPlannedAction = [this, actions = config.actions, plannedRef](std::size_t index,
                                                                        const swaptier::ActionFigures& figures) {
        if (index >= actions.size())
            return;
        QMetaObject::invokeMethod(
            this,
            [this, index, action = actions[index], ref = plannedRef[index], figures]() mutable {
                if (index < m_plannedRan.size())
                    m_plannedRan[index] = true;
                if (ConfigChange::changesConfig(action.kind)) {
                    // The device as the run numbers it, which is how config() numbers it.
                    if (action.kind != swaptier::SandboxAction::Kind::AddDevice && figures.device >= 0)
                        action.device = figures.device;
                    const std::size_t before = m_config ? m_config->devices.size() : 0;
                    applyTaken(action, figures);
                    if (ref >= 0 && std::size_t(ref) < m_plannedDevices.size() && m_config
                        && m_config->devices.size() > before)
                        m_plannedDevices[std::size_t(ref)] = int(m_config->devices.size() - 1);
                }
            },
            Qt::QueuedConnection);
    };
    cb.onActionProgress = [this](std::uint64_t id, std::uint64_t done, std::uint64_t total) {
        QMetaObject::invokeMethod(
            this, [this, id, done, total] { emit actionProgress(id, done, total); }, Qt::QueuedConnection);
    };
    startRecording(config, cb);
    m_thread = std::thread([this, config, cb] {
        // The sandbox is the busy side of the app: on Linux a thread's nice value is its own and
        // is inherited by the threads it starts, so nice 10 here lowers the run and its workers
        // under the GUI thread, which keeps redraws responsive on a machine with few cores
        // (bench_uistall: longest stall 62 ms -> ~30 ms with 1M entries on 2 vCPUs). Failing to
        // lower it only costs responsiveness, so the result is ignored.
        static_cast<void>(::setpriority(PRIO_PROCESS, 0, 10));
        auto result = swaptier::runSandbox(config, cb);
        {
            std::lock_guard lock(m_lock);
            m_result = std::move(result);
        }
        QMetaObject::invokeMethod(this, [this] { onRunEnded(); }, Qt::QueuedConnection);
    });
    setState(State::Running);
    m_timer.start();
    return true;
}

void EngineHost::pause() {
    if (m_state != State::Running)
        return;
    m_control->setPaused(true);
    setState(State::Paused);
}

void EngineHost::resume() {
    if (m_state != State::Paused)
        return;
    m_control->setPaused(false);
    setState(State::Running);
}

bool EngineHost::setSpeed(double share, QString* error) {
    if (!(share > 0.0 && share <= 1.0)) {
        if (error)
            *error = tr("The speed must be more than 0% and at most 100% of full speed.");
        return false;
    }
    if (m_control)
        static_cast<void>(m_control->setSpeed(share));
    return true;
}

void EngineHost::stop() {
    if (running())
        m_control->stop();
}

quint64 EngineHost::submit(const swaptier::SandboxAction& action) {
    if (!running())
        return 0;
    const quint64 id = m_control->submit(action);
    if (ConfigChange::changesConfig(action.kind))
        m_submitted.emplace(id, action);
    return id;
}

std::shared_ptr<const swaptier::SandboxConfig> EngineHost::expectedConfig() const {
    if (!m_config || m_submitted.empty())
        return m_config;
    auto expected = std::make_shared<swaptier::SandboxConfig>(*m_config);
    std::vector<bool> active = m_deviceActive;
    for (const auto& [id, action] : m_submitted)
        ConfigChange::apply(*expected, active, action);
    return expected;
}

void EngineHost::onActionEnded(quint64 id, const swaptier::ActionFigures& figures) {
    if (auto it = m_submitted.find(id); it != m_submitted.end()) {
        const swaptier::SandboxAction action = it->second;
        m_submitted.erase(it);
        applyTaken(action, figures);
    }
    emit actionFinished(id, figures);
}

void EngineHost::applyTaken(const swaptier::SandboxAction& action, const swaptier::ActionFigures& figures) {
    // A cgroup policy change the engine did not refuse as invalid is kept by the run even
    // when enforcing it failed part way (sandboxactions.cpp); every other kind only on success.
    const bool took = figures.error.code == swaptier::Errc::Ok ||
                      (action.kind == swaptier::SandboxAction::Kind::SetCgroupPolicy &&
                       figures.error.code != swaptier::Errc::InvalidArgument &&
                       figures.error.code != swaptier::Errc::Cancelled);
    if (!took || !m_config)
        return;
    auto next = std::make_shared<swaptier::SandboxConfig>(*m_config);
    if (ConfigChange::apply(*next, m_deviceActive, action)) {
        if (action.kind == swaptier::SandboxAction::Kind::AddDevice)
            m_deviceNames.push_back(next->deviceNames.back());
        m_config = std::move(next);
        m_configDirty = true;
        emit configChanged(m_config);
    }
}

void EngineHost::cancelAction(quint64 id) {
    if (m_control)
        m_control->cancelAction(id);
}

void EngineHost::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void EngineHost::publish() {
    std::optional<swaptier::SandboxSample> sample;
    double progress = 0;
    {
        std::lock_guard lock(m_lock);
        sample.swap(m_pending);
        progress = m_progress;
    }
    const double speed = m_control ? m_control->speed() : 1.0;
    const bool settingsChanged =
        m_snapshot && (m_snapshot->state != m_state || m_snapshot->speed != speed || m_configDirty);
    if (!sample && !settingsChanged)
        return;
    auto next = std::make_shared<HostSnapshot>();
    next->serial = ++m_published;
    next->state = m_state;
    next->progress = sample ? std::max(progress, sample->progress) : progress;
    next->holding = m_hold && next->progress >= 1.0 && running();
    next->speed = speed;
    next->scenario = m_scenario;
    next->deviceNames = m_deviceNames;
    next->cgroupParents = m_cgroupParents;
    next->design = m_design;
    next->config = m_config;
    next->deviceActive = m_deviceActive;
    m_configDirty = false;
    if (sample)
        next->sample = std::move(*sample);
    else
        next->sample = m_snapshot->sample;
    next->tierOccupancy = TierOccupancy::of(next->sample, m_config ? m_config->tiers : std::vector<swaptier::TierSpec>{});
    if (m_snapshot && sample) {
        const swaptier::SandboxSample& before = m_snapshot->sample;
        const std::uint64_t nanos =
            next->sample.elapsedNanos > before.elapsedNanos ? next->sample.elapsedNanos - before.elapsedNanos : 0;
        next->swapOutsPerSecond = perSecond(next->sample.counters.swapOuts, before.counters.swapOuts, nanos);
        next->swapInsPerSecond = perSecond(next->sample.counters.swapInFaults, before.counters.swapInFaults, nanos);
        next->accessesPerSecond = perSecond(next->sample.counters.accesses, before.counters.accesses, nanos);
        next->writebacksPerSecond =
            perSecond(next->sample.figures.poolWritebacks, before.figures.poolWritebacks, nanos);
    }
    m_snapshot = std::move(next);
    emit snapshotAvailable(m_snapshot);
}

void EngineHost::onRunEnded() {
    if (m_thread.joinable())
        m_thread.join();
    std::optional<swaptier::Result<swaptier::SandboxReport>> result;
    {
        std::lock_guard lock(m_lock);
        result.swap(m_result);
    }
    if (!result)
        return; // already handled
    m_timer.stop();
    std::shared_ptr<const swaptier::SandboxReport> report;
    QString error;
    if (*result) {
        report = std::make_shared<const swaptier::SandboxReport>(std::move(**result));
        setState(State::Finished);
    } else {
        error = ScenarioRunner::sandboxErrorText(result->error());
        setState(State::Failed);
    }
    publish(); // the last sample and the final state
    finishRecording(report, error);
    emit finished(report, error);
}

void EngineHost::startRecording(const swaptier::SandboxConfig& config, swaptier::SandboxCallbacks& cb) {
    joinRecordingEnd();
    m_recorder.reset();
    if (m_historyPath.isEmpty())
        return;
    QString error;
    m_recorder = HostRecorder::begin(m_historyPath, config, &error);
    if (!m_recorder) {
        emit historyError(error);
        return;
    }
    cb.onSample = [recorder = m_recorder.get(), publishSample = std::move(cb.onSample)](const SandboxSample& s) {
        recorder->record(s);
        publishSample(s);
    };
}

void EngineHost::finishRecording(std::shared_ptr<const swaptier::SandboxReport> report, const QString& error) {
    if (!m_recorder)
        return;
    joinRecordingEnd(); // none in flight: start() joined the last one
    // The recorder's finish() and destructor run on this thread, after the sandbox thread
    // (the only caller of record()) was joined, as HostRecorder requires. The queued calls
    // back are dropped by Qt if the host is gone by then; its destructor joins this thread.
    m_recordingEnd = std::thread([this, recorder = std::move(m_recorder), report = std::move(report), error]() mutable {
        QString why;
        const bool ok = recorder->finish(report.get(), error, &why);
        recorder.reset();
        QMetaObject::invokeMethod(
            this,
            [this, ok, why] {
                if (!ok)
                    emit historyError(why);
                emit recordingFinished();
            },
            Qt::QueuedConnection);
    });
}

} // namespace swaptier::services
