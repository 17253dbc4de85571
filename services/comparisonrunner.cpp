// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonRunner (comparisonrunner.h): the virtual run, then the classic run, on one worker
// thread; progress throttled to steps of 0.2% of the whole; every sentence made on the runner's
// thread from the error values the worker hands back.
//
// No lock: the worker owns its config copy and its Outcome until it queues the Outcome to the
// runner's thread (the queued invocation is the hand-over); the cancel flag is atomic.
#include "comparisonrunner.h"

#include "sandboxsummary.h"
#include "scenariorunner.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <optional>

namespace swaptier::services {

namespace {

constexpr std::array<swaptier::SwapDesign, 2> kDesigns = {swaptier::SwapDesign::Virtual,
                                                          swaptier::SwapDesign::Classic};
/// Smallest step of the overall share worth a progress signal (500 at most per comparison).
constexpr double kProgressStep = 0.002;

/// `config` for one design, its swapfiles moved into `directory`; unnamed devices keep their
/// original path as display name.
swaptier::SandboxConfig forDesign(const swaptier::SandboxConfig& config, swaptier::SwapDesign design,
                                  const QString& directory) {
    swaptier::SandboxConfig out = config;
    out.design = design;
    out.deviceNames.resize(out.devices.size());
    for (std::size_t i = 0; i < out.devices.size(); ++i) {
        swaptier::DeviceOptions& d = out.devices[i];
        if (out.deviceNames[i].empty())
            out.deviceNames[i] = d.path;
        const QString file = QStringLiteral("%1-%2-%3")
                                 .arg(QString::fromLatin1(swaptier::swapDesignName(design)))
                                 .arg(i)
                                 .arg(QFileInfo(QString::fromStdString(d.path)).fileName());
        d.path = QDir(directory).filePath(file).toStdString();
    }
    return out;
}

} // namespace

struct ComparisonRunner::Outcome {
    enum class End { Finished, Failed, Cancelled };
    End end = End::Finished;
    QString message;                                        ///< Failed before any run (translated)
    swaptier::Error error;                                  ///< Failed in a run
    swaptier::SwapDesign failedDesign = swaptier::SwapDesign::Virtual;
    std::array<std::optional<swaptier::SandboxReport>, 2> reports; ///< kDesigns order
    QString scenario;
    quint64 seed = 0;
};

ComparisonRunner::ComparisonRunner(QObject* parent) : QObject(parent), m_scratchBase(QDir::tempPath()) {}

ComparisonRunner::~ComparisonRunner() {
    m_cancel.store(true);
    if (m_thread.joinable())
        m_thread.join();
    // m_dir's destructor removes the files; queued invocations die with the object.
}

QString ComparisonRunner::designName(swaptier::SwapDesign design) {
    switch (design) {
    case swaptier::SwapDesign::Virtual: return tr("virtual");
    case swaptier::SwapDesign::Classic: return tr("classic");
    }
    return QString();
}

QString ComparisonRunner::workDirectory() const { return m_dir ? m_dir->path() : QString(); }

bool ComparisonRunner::start(const swaptier::SandboxConfig& config) {
    if (m_running)
        return false;
    if (m_thread.joinable())
        m_thread.join(); // the previous worker ended (its outcome is handled)
    m_running = true;
    m_cancel.store(false);
    auto outcome = std::make_shared<Outcome>();
    outcome->scenario = QString::fromStdString(config.name);
    outcome->seed = config.seed;

    // Validated here, on the original config, so the sentence names the field as written.
    if (Status valid = swaptier::validateSandboxConfig(config); !valid) {
        outcome->end = Outcome::End::Failed;
        outcome->message = ScenarioRunner::sandboxErrorText(valid.error());
    } else {
        QDir().mkpath(m_scratchBase);
        const QString pattern = QDir(m_scratchBase).filePath(QStringLiteral("swaptier-compare-XXXXXX"));
        m_dir = std::make_unique<QTemporaryDir>(pattern);
        if (!m_dir->isValid()) {
            outcome->end = Outcome::End::Failed;
            outcome->message = tr("Cannot create a directory for the comparison's swapfiles in %1: %2")
                                   .arg(QDir::toNativeSeparators(m_scratchBase), m_dir->errorString());
            m_dir.reset();
        }
    }
    if (outcome->end == Outcome::End::Failed) {
        QMetaObject::invokeMethod(this, [this, outcome] { endWith(outcome); }, Qt::QueuedConnection);
        return true;
    }

    std::array<swaptier::SandboxConfig, 2> configs;
    std::array<QString, 2> names;
    for (std::size_t i = 0; i < kDesigns.size(); ++i) {
        configs[i] = forDesign(config, kDesigns[i], m_dir->path());
        names[i] = designName(kDesigns[i]);
    }
    m_thread = std::thread([this, configs = std::move(configs), names, outcome] {
        double posted = -1;
        for (std::size_t i = 0; i < kDesigns.size(); ++i) {
            if (m_cancel.load()) {
                outcome->end = Outcome::End::Cancelled;
                break;
            }
            swaptier::SandboxCallbacks cb;
            cb.cancel = &m_cancel;
            // Called between rounds, one call at a time: `posted` needs no lock.
            cb.onProgress = [this, &posted, i, name = names[i]](double p, const swaptier::SandboxCounters&) {
                const double share = (double(i) + std::clamp(p, 0.0, 1.0)) / double(kDesigns.size());
                if (share - posted < kProgressStep && !(p >= 1.0 && share > posted))
                    return;
                posted = share;
                QMetaObject::invokeMethod(
                    this, [this, share, name] { emit progress(share, name); }, Qt::QueuedConnection);
            };
            auto report = swaptier::runSandbox(configs[i], cb);
            if (!report) {
                outcome->end = Outcome::End::Failed;
                outcome->error = report.error();
                outcome->failedDesign = kDesigns[i];
                break;
            }
            if (report->cancelled || m_cancel.load()) {
                outcome->end = Outcome::End::Cancelled;
                break;
            }
            outcome->reports[i] = std::move(*report);
        }
        QMetaObject::invokeMethod(this, [this, outcome] { onWorkerEnded(outcome); }, Qt::QueuedConnection);
    });
    return true;
}

void ComparisonRunner::cancel() {
    if (m_running)
        m_cancel.store(true);
}

void ComparisonRunner::onWorkerEnded(const std::shared_ptr<Outcome>& outcome) {
    if (m_thread.joinable())
        m_thread.join();
    endWith(outcome);
}

void ComparisonRunner::endWith(const std::shared_ptr<Outcome>& outcome) {
    m_dir.reset(); // the runs removed their devices; this removes anything left and the directory
    m_running = false;
    switch (outcome->end) {
    case Outcome::End::Cancelled: emit cancelled(); return;
    case Outcome::End::Failed: {
        if (!outcome->message.isEmpty()) {
            emit failed(outcome->message);
            return;
        }
        emit failed(tr("The run in the %1 design failed: %2")
                        .arg(designName(outcome->failedDesign), ScenarioRunner::sandboxErrorText(outcome->error)));
        return;
    }
    case Outcome::End::Finished: break;
    }
    auto result = std::make_shared<ComparisonResult>();
    result->scenario = outcome->scenario;
    result->seed = outcome->seed;
    result->virtualRun = std::move(*outcome->reports[0]);
    result->classicRun = std::move(*outcome->reports[1]);
    result->rows = SandboxSummary::comparisonRows(result->virtualRun, result->classicRun);
    emit finished(std::move(result));
}

} // namespace swaptier::services
