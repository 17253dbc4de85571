// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxControl: steering a running sandbox from another thread. A paused run makes no
// access and still runs submitted actions (each followed by a sample); resuming finishes it
// with every page verified. Hold-at-end keeps a finished run alive for actions until stop().
// Submitted actions are validated (an invalid one is reported, the run goes on), a queued one
// can be cancelled before it runs, a running writeback stops at its next batch. The throttle
// wait follows the speed and ends early on any change. Both designs where it matters.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"
#include "swaptier/sandboxcontrol.h"

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace std::chrono_literals;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + QStringLiteral("/tst-sandboxcontrol-XXXXXX"));
    }
    return QTemporaryDir();
}

/// Two cgroups under the root, uniform accesses with writes, a 32 MiB device and an unlimited
/// pool: pages swap out to the pool and reach the device only through actions.
SandboxConfig liveConfig(const QTemporaryDir& dir, SwapDesign design) {
    SandboxConfig c;
    c.name = "live";
    c.design = design;
    c.seed = 5;
    DeviceOptions d;
    d.path = (dir.path() + QStringLiteral("/live.swap")).toStdString();
    d.sizeBytes = 32 * kMiB;
    d.priority = 10;
    c.devices.push_back(d);
    CgroupSpec root;
    root.name = "/";
    root.parent = -1;
    CgroupSpec a;
    a.name = "a";
    a.parent = 0;
    a.memoryMax = 2 * kMiB;
    c.cgroups = {root, a};
    WorkloadSpec w;
    w.name = "wa";
    w.kind = WorkloadKind::Uniform;
    w.cgroup = 1;
    w.threads = 2;
    w.pages = 1024;
    w.accesses = 6000;
    w.writeFraction = 0.3;
    c.workloads = {w};
    c.sampleIntervalMs = 0;
    return c;
}

SandboxAction actionOf(SandboxAction::Kind kind) {
    SandboxAction a;
    a.kind = kind;
    a.cgroup = 1;
    return a;
}

/// What the callbacks saw, for the test thread.
struct Observed {
    std::mutex lock;
    std::map<std::uint64_t, ActionFigures> actions; // GUARDED_BY(lock)
    std::uint64_t samples = 0;                      // GUARDED_BY(lock)
    std::uint64_t lastAccesses = 0;                 // GUARDED_BY(lock)
    double lastProgress = 0;                        // GUARDED_BY(lock)
    std::uint64_t progressCalls = 0;                // GUARDED_BY(lock)

    SandboxCallbacks callbacks(SandboxControl& control) {
        SandboxCallbacks cb;
        cb.control = &control;
        cb.onSample = [this](const SandboxSample& s) {
            std::lock_guard g(lock);
            ++samples;
            lastAccesses = s.counters.accesses;
        };
        cb.onProgress = [this](double p, const SandboxCounters&) {
            std::lock_guard g(lock);
            lastProgress = p;
            ++progressCalls;
        };
        cb.onAction = [this](std::uint64_t id, const ActionFigures& f) {
            std::lock_guard g(lock);
            actions[id] = f;
        };
        return cb;
    }
    bool has(std::uint64_t id) {
        std::lock_guard g(lock);
        return actions.count(id) != 0;
    }
    ActionFigures figures(std::uint64_t id) {
        std::lock_guard g(lock);
        return actions[id];
    }
    std::uint64_t sampleCount() {
        std::lock_guard g(lock);
        return samples;
    }
    std::uint64_t progressCount() {
        std::lock_guard g(lock);
        return progressCalls;
    }
    double progress() {
        std::lock_guard g(lock);
        return lastProgress;
    }
};

/// Polls `ready` for up to 20 s (the machine is shared: no tight timing).
template<typename F>
bool eventually(F ready) {
    for (int i = 0; i < 2000; ++i) {
        if (ready())
            return true;
        std::this_thread::sleep_for(10ms);
    }
    return ready();
}

/// Runs the sandbox on a thread of its own; join() gives the report.
struct RunThread {
    Result<SandboxReport> report = Error::of(Errc::Busy);
    std::thread thread;
    RunThread(const SandboxConfig& c, SandboxCallbacks cb) : thread([this, c, cb] { report = runSandbox(c, cb); }) {}
    ~RunThread() {
        if (thread.joinable())
            thread.join();
    }
    Result<SandboxReport>& join() {
        thread.join();
        return report;
    }
};

} // namespace

Q_DECLARE_METATYPE(swaptier::SwapDesign)

class TestSandboxControl : public QObject {
    Q_OBJECT

private slots:
    void speedIsValidated_data();
    void speedIsValidated();
    void throttleWaitsAndWakesOnChange();
    void pausedRunMakesNoAccessButRunsActions_data();
    void pausedRunMakesNoAccessButRunsActions();
    void holdAtEndKeepsTheRunForActions();
    void invalidAndCancelledActionsAreReported();
    void runningWritebackIsCancelled();
};

void TestSandboxControl::speedIsValidated_data() {
    QTest::addColumn<double>("share");
    QTest::addColumn<bool>("ok");
    QTest::newRow("full") << 1.0 << true;
    QTest::newRow("a quarter") << 0.25 << true;
    QTest::newRow("zero") << 0.0 << false;
    QTest::newRow("negative") << -0.5 << false;
    QTest::newRow("above full") << 1.5 << false;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << false;
}

void TestSandboxControl::speedIsValidated() {
    QFETCH(double, share);
    QFETCH(bool, ok);
    SandboxControl control;
    const Status st = control.setSpeed(share);
    QCOMPARE(st.ok(), ok);
    if (ok) {
        QCOMPARE(control.speed(), share);
    } else {
        QCOMPARE(st.code(), Errc::InvalidArgument);
        QCOMPARE(st.error().path, std::string("speed"));
        QCOMPARE(control.speed(), 1.0);
    }
}

// At full speed there is no wait; at 1% a 1 s round would wait 99 s, capped at 1 s, and a
// change from another thread ends the wait at once.
void TestSandboxControl::throttleWaitsAndWakesOnChange() {
    SandboxControl control;
    auto t0 = std::chrono::steady_clock::now();
    control.throttle(1'000'000'000);
    QVERIFY(std::chrono::steady_clock::now() - t0 < 500ms);

    QVERIFY(control.setSpeed(0.5).ok());
    t0 = std::chrono::steady_clock::now();
    control.throttle(100'000'000); // 100 ms round at half speed: ~100 ms more
    QVERIFY(std::chrono::steady_clock::now() - t0 >= 90ms);

    QVERIFY(control.setSpeed(0.01).ok());
    std::thread changer([&] {
        std::this_thread::sleep_for(50ms);
        QVERIFY(control.setSpeed(1.0).ok());
    });
    t0 = std::chrono::steady_clock::now();
    control.throttle(1'000'000'000); // would be 1 s
    const auto waited = std::chrono::steady_clock::now() - t0;
    changer.join();
    QVERIFY2(waited < 900ms, qPrintable(QString::number(std::chrono::duration<double>(waited).count())));
}

void TestSandboxControl::pausedRunMakesNoAccessButRunsActions_data() {
    QTest::addColumn<SwapDesign>("design");
    QTest::newRow("virtual") << SwapDesign::Virtual;
    QTest::newRow("classic") << SwapDesign::Classic;
}

// Paused before it starts: the run takes its first sample and waits at the first barrier. A
// submitted writeback runs while paused (figures reported, a sample after it), the accesses
// stay where they are; resumed, the run finishes with every swapped-in page verified.
void TestSandboxControl::pausedRunMakesNoAccessButRunsActions() {
    QFETCH(SwapDesign, design);
    const QTemporaryDir dir = makeScratchDir();
    const SandboxConfig c = liveConfig(dir, design);
    SandboxControl control;
    control.setPaused(true);
    Observed seen;
    RunThread run(c, seen.callbacks(control));

    QVERIFY(eventually([&] { return seen.sampleCount() >= 2; })); // the first sample, and the pause sample
    const std::uint64_t progressCalls = seen.progressCount();
    const double progressAtPause = seen.progress();
    QVERIFY(progressAtPause < 1.0);
    std::this_thread::sleep_for(300ms);
    QCOMPARE(seen.progressCount(), progressCalls); // no round while paused
    QVERIFY(control.paused());

    const std::uint64_t samplesBefore = seen.sampleCount();
    SandboxAction wb = actionOf(SandboxAction::Kind::Writeback);
    wb.writeback.secondChance = false;
    const std::uint64_t id = control.submit(wb);
    QCOMPARE(id, 1u);
    QVERIFY(eventually([&] { return seen.has(id); }));
    const ActionFigures f = seen.figures(id);
    QCOMPARE(f.kind, SandboxAction::Kind::Writeback);
    QCOMPARE(f.error.code, Errc::Ok);
    QVERIFY(eventually([&] { return seen.sampleCount() > samplesBefore; })); // the sample after it
    QCOMPARE(seen.progressCount(), progressCalls); // still paused
    QCOMPARE(control.queuedActions(), std::size_t(0));

    control.setPaused(false);
    auto& report = run.join();
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(!report->cancelled);
    QCOMPARE(report->actions.size(), std::size_t(1));
    QCOMPARE(report->actions.front().kind, SandboxAction::Kind::Writeback);
    QVERIFY(report->counters.verifiedPages >= report->counters.swapInFaults);
    QCOMPARE(report->leakedEntries, 0u);
    QCOMPARE(seen.progress(), 1.0);
}

// Every access made, the run stays alive while held: a compaction and a policy change run on
// the finished state, then stop() ends it, not counted as cancelled.
void TestSandboxControl::holdAtEndKeepsTheRunForActions() {
    const QTemporaryDir dir = makeScratchDir();
    const SandboxConfig c = liveConfig(dir, SwapDesign::Virtual);
    SandboxControl control;
    control.setHoldAtEnd(true);
    QVERIFY(control.holdAtEnd());
    Observed seen;
    RunThread run(c, seen.callbacks(control));
    QVERIFY(eventually([&] { return seen.progress() >= 1.0; }));
    std::this_thread::sleep_for(200ms);
    QVERIFY(run.thread.joinable()); // still running: held

    const std::uint64_t compact = control.submit(actionOf(SandboxAction::Kind::CompactPool));
    SandboxAction policy = actionOf(SandboxAction::Kind::SetCgroupPolicy);
    policy.policy.zswapMax = 64 * 1024; // lowered below use: the excess is written back at once
    const std::uint64_t lowered = control.submit(policy);
    QVERIFY(eventually([&] { return seen.has(compact) && seen.has(lowered); }));
    QCOMPARE(seen.figures(compact).error.code, Errc::Ok);
    QCOMPARE(seen.figures(lowered).error.code, Errc::Ok);
    QVERIFY(seen.figures(lowered).pagesMoved > 0);

    control.stop();
    QVERIFY(control.stopRequested());
    auto& report = run.join();
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(!report->cancelled);
    QCOMPARE(report->actions.size(), std::size_t(2));
    QCOMPARE(report->leakedEntries, 0u);
}

// An action naming a device that does not exist is reported InvalidArgument with its field;
// one cancelled while queued is reported Cancelled and never runs; the run is unharmed.
void TestSandboxControl::invalidAndCancelledActionsAreReported() {
    const QTemporaryDir dir = makeScratchDir();
    const SandboxConfig c = liveConfig(dir, SwapDesign::Virtual);
    SandboxControl control;
    control.setPaused(true);
    Observed seen;
    RunThread run(c, seen.callbacks(control));
    QVERIFY(eventually([&] { return seen.sampleCount() >= 2; }));

    SandboxAction bad = actionOf(SandboxAction::Kind::Swapoff);
    bad.device = 7;
    SandboxAction priority = actionOf(SandboxAction::Kind::SetPriority);
    priority.priority = 40000;
    const std::uint64_t badId = control.submit(bad);
    const std::uint64_t priorityId = control.submit(priority);
    QVERIFY(eventually([&] { return seen.has(badId) && seen.has(priorityId); }));
    QCOMPARE(seen.figures(badId).error.code, Errc::InvalidArgument);
    QCOMPARE(seen.figures(badId).error.path, std::string("action.device"));
    QCOMPARE(seen.figures(priorityId).error.path, std::string("action.priority"));

    control.stop(); // ends the paused run
    auto& report = run.join();
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(report->cancelled);
    QVERIFY(report->actions.empty()); // the invalid ones never ran

    // The queue on its own (no run takes from it): a cancelled queued action comes out marked
    // cancelled (the run reports it Cancelled without running it); cancelling the running one
    // raises the flag its writeback or compaction polls.

    SandboxControl queued;
    const std::uint64_t a = queued.submit(actionOf(SandboxAction::Kind::CompactPool));
    const std::uint64_t b = queued.submit(actionOf(SandboxAction::Kind::CompactPool));
    queued.cancelAction(a);
    queued.cancelAction(12345); // unknown: ignored
    QCOMPARE(queued.queuedActions(), std::size_t(2));
    auto first = queued.takeAction();
    QVERIFY(first.has_value());
    QCOMPARE(first->id, a);
    QVERIFY(first->cancelled);
    queued.actionFinished();
    auto second = queued.takeAction();
    QVERIFY(second.has_value());
    QCOMPARE(second->id, b);
    QVERIFY(!second->cancelled);
    queued.cancelAction(b); // running now: its flag is raised
    QVERIFY(queued.runningCancelFlag()->load());
    queued.actionFinished();
    QVERIFY(!queued.runningCancelFlag()->load());
    QVERIFY(!queued.takeAction().has_value());
}

// A writeback of everything in batches of 8 is cancelled from its own progress callback after
// the first batches: it reports Cancelled, and every page is still intact at the end.
void TestSandboxControl::runningWritebackIsCancelled() {
    const QTemporaryDir dir = makeScratchDir();
    const SandboxConfig c = liveConfig(dir, SwapDesign::Virtual);
    SandboxControl control;
    control.setHoldAtEnd(true);
    Observed seen;
    SandboxCallbacks cb = seen.callbacks(control);
    std::atomic<std::uint64_t> progressCalls{0};
    cb.onActionProgress = [&](std::uint64_t id, std::uint64_t done, std::uint64_t) {
        if (progressCalls.fetch_add(1) == 1 && done > 0)
            control.cancelAction(id);
    };
    RunThread run(c, cb);
    QVERIFY(eventually([&] { return seen.progress() >= 1.0; }));
    SandboxAction wb = actionOf(SandboxAction::Kind::Writeback);
    wb.cgroup = 0;
    wb.writeback.batchPages = 8;
    wb.writeback.secondChance = false;
    const std::uint64_t id = control.submit(wb);
    QVERIFY(eventually([&] { return seen.has(id); }));
    QCOMPARE(seen.figures(id).error.code, Errc::Cancelled);
    QVERIFY(progressCalls.load() >= 2);
    control.stop();
    auto& report = run.join();
    QVERIFY2(report.ok(), errcName(report.code()));
    QCOMPARE(report->leakedEntries, 0u);
    QVERIFY(report->counters.verifiedPages >= report->counters.swapInFaults);
}

QTEST_GUILESS_MAIN(TestSandboxControl)
#include "tst_sandboxcontrol.moc"
