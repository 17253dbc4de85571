// SPDX-License-Identifier: GPL-3.0-or-later
// EngineHost: a sandbox on its own thread seen from an event loop. Invalid configs and a
// second start are refused with a sentence; snapshots arrive at most 10 a second however fast
// the sandbox samples, numbered without gaps, the last one the final state; pause, actions
// (with their figures) and resume work from the host's thread; a held run ends on stop()
// with its report; destroying the host while a run goes on stops it cleanly. The published
// rates are the sample's counters over time: writebacks per second from the pool writebacks
// (a writeback action mid-run), in both designs.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <chrono>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + u"/tst-enginehost-XXXXXX"_s);
    }
    return QTemporaryDir();
}

/// One cgroup under pressure (2 MiB of 4 MiB touched), a pool and a 32 MiB swapfile.
SandboxConfig hostConfig(const QTemporaryDir& dir, std::uint64_t accesses = 6000) {
    SandboxConfig c;
    c.name = "host";
    c.seed = 3;
    DeviceOptions d;
    d.path = QString(dir.path() + u"/host.swap"_s).toStdString();
    d.sizeBytes = 32 * kMiB;
    d.priority = 10;
    c.devices.push_back(d);
    c.deviceNames = {"ssd"};
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
    w.accesses = accesses;
    w.writeFraction = 0.3;
    c.workloads = {w};
    c.sampleIntervalMs = 1; // far faster than the host publishes
    return c;
}

using Snapshot = std::shared_ptr<const HostSnapshot>;

} // namespace

class TestEngineHost : public QObject {
    Q_OBJECT

private slots:
    void refusesInvalidStarts();
    void snapshotsAreThrottledAndEndWithTheFinalState();
    void pauseActionsResumeAndHold();
    void writebackRateFollowsPoolWritebacks_data();
    void writebackRateFollowsPoolWritebacks();
    void destroyingTheHostStopsTheRun();
};

void TestEngineHost::refusesInvalidStarts() {
    const QTemporaryDir dir = makeScratchDir();
    EngineHost host;
    SandboxConfig bad = hostConfig(dir);
    bad.workloads[0].cgroup = 9;
    QString error;
    QVERIFY(!host.start(bad, false, &error));
    QVERIFY2(error.contains(u"workloads[0].cgroup"_s), qPrintable(error));
    QCOMPARE(host.state(), EngineHost::State::Idle);

    QVERIFY(!host.setSpeed(0.0, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(host.setSpeed(0.5, &error));

    QVERIFY(host.start(hostConfig(dir, 200000), false, &error));
    QVERIFY(host.running());
    QString second;
    QVERIFY(!host.start(hostConfig(dir), false, &second));
    QVERIFY(!second.isEmpty());
    QCOMPARE(host.submit(SandboxAction{}) > 0, true);
    QSignalSpy done(&host, &EngineHost::finished);
    host.stop();
    QVERIFY(done.wait(30000));
    QCOMPARE(host.state(), EngineHost::State::Finished);
    const auto report = done.takeFirst().at(0).value<std::shared_ptr<const SandboxReport>>();
    QVERIFY(report);
    QVERIFY(report->cancelled);
    QCOMPARE(host.submit(SandboxAction{}), 0u); // nothing runs any more
}

void TestEngineHost::snapshotsAreThrottledAndEndWithTheFinalState() {
    const QTemporaryDir dir = makeScratchDir();
    EngineHost host;
    QSignalSpy snapshots(&host, &EngineHost::snapshotAvailable);
    QSignalSpy states(&host, &EngineHost::stateChanged);
    QSignalSpy done(&host, &EngineHost::finished);
    QString error;
    const auto t0 = std::chrono::steady_clock::now();
    QVERIFY2(host.start(hostConfig(dir, 30000), false, &error), qPrintable(error));
    QVERIFY(done.wait(60000));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    const QString runError = done.first().at(1).toString();
    QVERIFY2(runError.isEmpty(), qPrintable(runError));
    const auto report = done.first().at(0).value<std::shared_ptr<const SandboxReport>>();
    QVERIFY(report);
    QVERIFY(report->samples > 10); // the sandbox sampled far more often than the host publishes
    QVERIFY(!snapshots.isEmpty());
    // At most one per 100 ms tick, plus the final one.
    QVERIFY2(snapshots.size() <= int(seconds * 1000 / EngineHost::kPublishIntervalMs) + 2,
             qPrintable(u"%1 snapshots in %2 s"_s.arg(snapshots.size()).arg(seconds)));
    quint64 serial = 0;
    for (const auto& args : snapshots) {
        const Snapshot s = args.at(0).value<Snapshot>();
        QVERIFY(s);
        QCOMPARE(s->serial, ++serial);
        QCOMPARE(s->scenario, u"host"_s);
        QCOMPARE(s->deviceNames, std::vector<std::string>{"ssd"});
        QVERIFY(s->swapOutsPerSecond >= 0 && s->swapInsPerSecond >= 0 && s->accessesPerSecond >= 0);
    }
    const Snapshot last = snapshots.last().at(0).value<Snapshot>();
    QCOMPARE(last, host.snapshot());
    QCOMPARE(last->state, EngineHost::State::Finished);
    QCOMPARE(last->progress, 1.0);
    QCOMPARE(last->sample.counters.accesses, report->counters.accesses);
    QCOMPARE(host.published(), serial);
    QCOMPARE(states.size(), 2); // Running, Finished
    QCOMPARE(states.at(0).at(0).value<EngineHost::State>(), EngineHost::State::Running);
    QCOMPARE(states.at(1).at(0).value<EngineHost::State>(), EngineHost::State::Finished);
}

void TestEngineHost::pauseActionsResumeAndHold() {
    const QTemporaryDir dir = makeScratchDir();
    EngineHost host;
    QSignalSpy actions(&host, &EngineHost::actionFinished);
    QSignalSpy snapshots(&host, &EngineHost::snapshotAvailable);
    QSignalSpy done(&host, &EngineHost::finished);
    QString error;
    QVERIFY2(host.start(hostConfig(dir, 20000), true, &error), qPrintable(error));
    host.pause();
    QCOMPARE(host.state(), EngineHost::State::Paused);
    QTRY_VERIFY_WITH_TIMEOUT(host.snapshot() && host.snapshot()->state == EngineHost::State::Paused, 20000);

    SandboxAction compact;
    compact.kind = SandboxAction::Kind::CompactPool;
    const quint64 id = host.submit(compact);
    QVERIFY(id > 0);
    QVERIFY(actions.wait(20000));
    QCOMPARE(actions.first().at(0).toULongLong(), id);
    const auto figures = actions.first().at(1).value<ActionFigures>();
    QCOMPARE(figures.kind, SandboxAction::Kind::CompactPool);
    QCOMPARE(figures.error.code, Errc::Ok);

    host.resume();
    QCOMPARE(host.state(), EngineHost::State::Running);
    // Held at the end: still running, progress 1, until stop().
    QTRY_VERIFY_WITH_TIMEOUT(host.snapshot() && host.snapshot()->holding, 60000);
    QVERIFY(host.running());
    QCOMPARE(host.snapshot()->progress, 1.0);
    QVERIFY(done.isEmpty());
    host.stop();
    QVERIFY(done.wait(20000));
    const auto report = done.first().at(0).value<std::shared_ptr<const SandboxReport>>();
    QVERIFY(report);
    QVERIFY(!report->cancelled); // every access was made
    QCOMPARE(report->actions.size(), std::size_t(1));
    QCOMPARE(report->leakedEntries, 0u);
    QCOMPARE(host.state(), EngineHost::State::Finished);
}

void TestEngineHost::writebackRateFollowsPoolWritebacks_data() {
    QTest::addColumn<int>("design");
    QTest::newRow("virtual") << int(SwapDesign::Virtual);
    QTest::newRow("classic") << int(SwapDesign::Classic);
}

void TestEngineHost::writebackRateFollowsPoolWritebacks() {
    QFETCH(int, design);
    const QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = hostConfig(dir, 30000);
    c.design = SwapDesign(design);
    c.engine.pool.limitBytes = 0; // unlimited: only the action writes back
    SandboxAction wb;
    wb.kind = SandboxAction::Kind::Writeback;
    wb.at = 0.5;
    wb.cgroup = 1;
    wb.writeback.maxPages = 200;
    wb.writeback.secondChance = false;
    c.actions = {wb};
    EngineHost host;
    QSignalSpy snapshots(&host, &EngineHost::snapshotAvailable);
    QSignalSpy done(&host, &EngineHost::finished);
    QString error;
    QVERIFY2(host.start(c, false, &error), qPrintable(error));
    QVERIFY(done.wait(60000));
    const auto report = done.first().at(0).value<std::shared_ptr<const SandboxReport>>();
    QVERIFY(report);
    QCOMPARE(report->actions.size(), std::size_t(1));
    const std::uint64_t moved = report->actions.front().pagesMoved;
    QCOMPARE(moved, std::uint64_t(200));
    QCOMPARE(report->figures.poolWritebacks, moved);

    // Each rate is the difference of poolWritebacks since the previous snapshot over the time
    // between them; together they add up to every page written back.
    QVERIFY(snapshots.size() >= 2);
    Snapshot previous = snapshots.first().at(0).value<Snapshot>();
    QCOMPARE(previous->writebacksPerSecond, 0.0); // nothing before the first
    double integrated = double(previous->sample.figures.poolWritebacks);
    bool sawRate = false;
    for (qsizetype i = 1; i < snapshots.size(); ++i) {
        const Snapshot s = snapshots.at(i).at(0).value<Snapshot>();
        const std::uint64_t pages = s->sample.figures.poolWritebacks - previous->sample.figures.poolWritebacks;
        const std::uint64_t nanos = s->sample.elapsedNanos - previous->sample.elapsedNanos;
        const double want = nanos ? double(pages) * 1e9 / double(nanos) : 0.0;
        QVERIFY2(qAbs(s->writebacksPerSecond - want) <= 1e-9 * qMax(1.0, want),
                 qPrintable(u"snapshot %1: %2/s, want %3/s"_s.arg(s->serial).arg(s->writebacksPerSecond).arg(want)));
        integrated += s->writebacksPerSecond * double(nanos) / 1e9;
        sawRate = sawRate || s->writebacksPerSecond > 0;
        previous = s;
    }
    QVERIFY(sawRate);
    QVERIFY2(qAbs(integrated - double(moved)) < 1e-6, qPrintable(QString::number(integrated)));
}

void TestEngineHost::destroyingTheHostStopsTheRun() {
    const QTemporaryDir dir = makeScratchDir();
    const auto t0 = std::chrono::steady_clock::now();
    {
        EngineHost host;
        QString error;
        QVERIFY(host.start(hostConfig(dir, 5'000'000), false, &error));
        QTest::qWait(200);
        host.pause(); // a paused run must end too
    }
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));
}

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
