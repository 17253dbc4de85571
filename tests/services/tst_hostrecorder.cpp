// SPDX-License-Identifier: GPL-3.0-or-later
// HostRecorder through EngineHost::setHistoryPath(): a run of the desktop app lands in the sqlite
// history with every sample the sandbox produced (far more than the host published), the last
// one equal to the report's final state, and the final status (done, cancelled when stopped,
// for both designs); recording is off without a path; a second run is a second record; a
// history that cannot be used gives one historyError naming the file and the run still
// finishes; a host destroyed during a run leaves it "cancelled"; a failed run is "failed" with
// its reason.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "enginehost.h"
#include "historystore.h"
#include "hostrecorder.h"
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
        return QTemporaryDir(base + u"/tst-hostrecorder-XXXXXX"_s);
    }
    return QTemporaryDir();
}

/// One cgroup under pressure, a pool and a 32 MiB swapfile; a sample every millisecond.
SandboxConfig hostConfig(const QTemporaryDir& dir, std::uint64_t accesses, SwapDesign design = SwapDesign::Virtual) {
    SandboxConfig c;
    c.name = "recorded";
    c.design = design;
    c.seed = 7;
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

using Report = std::shared_ptr<const SandboxReport>;

bool sameCounters(const SandboxCounters& a, const SandboxCounters& b) {
    return a.accesses == b.accesses && a.writes == b.writes && a.firstTouchFaults == b.firstTouchFaults &&
           a.swapInFaults == b.swapInFaults && a.refaults == b.refaults &&
           a.refaultActivations == b.refaultActivations && a.swapOuts == b.swapOuts && a.cowBreaks == b.cowBreaks &&
           a.forks == b.forks && a.exits == b.exits && a.scanned == b.scanned && a.activations == b.activations &&
           a.deactivations == b.deactivations && a.reclaimFailures == b.reclaimFailures &&
           a.overLimitCharges == b.overLimitCharges && a.swapMaxHits == b.swapMaxHits &&
           a.zswapMaxHits == b.zswapMaxHits && a.verifiedPages == b.verifiedPages;
}

} // namespace

class TestHostRecorder : public QObject {
    Q_OBJECT

private slots:
    void recordsEverySampleAndTheFinalStatus_data();
    void recordsEverySampleAndTheFinalStatus();
    void offWithoutAPathAndOneRecordPerRun();
    void unusableHistoryGivesAnErrorAndTheRunGoesOn_data();
    void unusableHistoryGivesAnErrorAndTheRunGoesOn();
    void destroyedHostLeavesTheRunCancelled();
    void failedRunIsRecordedAsFailed();
};

void TestHostRecorder::recordsEverySampleAndTheFinalStatus_data() {
    QTest::addColumn<SwapDesign>("design");
    QTest::addColumn<bool>("stopEarly");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("designName");
    QTest::newRow("virtual, to the end") << SwapDesign::Virtual << false << u"done"_s << u"virtual"_s;
    QTest::newRow("classic, to the end") << SwapDesign::Classic << false << u"done"_s << u"classic"_s;
    QTest::newRow("virtual, stopped") << SwapDesign::Virtual << true << u"cancelled"_s << u"virtual"_s;
}

void TestHostRecorder::recordsEverySampleAndTheFinalStatus() {
    QFETCH(SwapDesign, design);
    QFETCH(bool, stopEarly);
    QFETCH(QString, status);
    QFETCH(QString, designName);
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    EngineHost host;
    host.setHistoryPath(db);
    QCOMPARE(host.historyPath(), db);
    QSignalSpy errors(&host, &EngineHost::historyError);
    QSignalSpy done(&host, &EngineHost::finished);
    QSignalSpy recorded(&host, &EngineHost::recordingFinished);
    QString error;
    QVERIFY2(host.start(hostConfig(dir, stopEarly ? 5'000'000 : 30000, design), false, &error), qPrintable(error));
    if (stopEarly) {
        QTRY_VERIFY_WITH_TIMEOUT(host.published() >= 3, 20000);
        host.stop();
    }
    QVERIFY(done.wait(60000));
    // The record is finished off the host's thread, after finished().
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 60000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.first().at(0).toString()));
    const auto report = done.first().at(0).value<Report>();
    QVERIFY(report);
    QCOMPARE(report->cancelled, stopEarly);

    auto store = HistoryStore::open(db, &error);
    QVERIFY2(store, qPrintable(error));
    const auto runs = store->runs(&error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), std::size_t(1));
    const RunRecord& run = runs->front();
    QCOMPARE(run.scenario, u"recorded"_s);
    QCOMPARE(run.design, designName);
    QCOMPARE(run.seed, quint64(7));
    QCOMPARE(run.status, status);
    QVERIFY(run.error.isEmpty());
    QVERIFY(run.finishedAt.isValid());
    QVERIFY(run.startedAt <= run.finishedAt);
    // Every sample the sandbox produced, not only the (far fewer) published ones.
    QCOMPARE(quint64(run.sampleCount), report->samples);
    QVERIFY2(quint64(run.sampleCount) > host.published(),
             qPrintable(u"%1 samples, %2 published"_s.arg(run.sampleCount).arg(host.published())));
    const auto samples = store->samples(run.id, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(quint64(samples->size()), report->samples);
    // The last sample is the report's final state (before teardown, whose exits only the
    // report's total counters include).
    const SandboxSample& last = samples->back();
    QVERIFY(sameCounters(last.counters, report->final.counters));
    QCOMPARE(last.counters.accesses, report->counters.accesses);
    QCOMPARE(last.elapsedNanos, report->final.elapsedNanos);
    QCOMPARE(last.figures.pagesWritten, report->final.figures.pagesWritten);
    QCOMPARE(last.tiers.size(), report->final.tiers.size());
    for (std::size_t i = 0; i < last.tiers.size(); ++i)
        QCOMPARE(last.tiers[i].entries, report->final.tiers[i].entries);
    QCOMPARE(last.cgroups.size(), report->final.cgroups.size());
    for (std::size_t i = 1; i < samples->size(); ++i)
        QVERIFY((*samples)[i - 1].elapsedNanos <= (*samples)[i].elapsedNanos); // in order
    const auto full = store->run(run.id, &error);
    QVERIFY2(full, qPrintable(error));
    QVERIFY(full->reportJson.contains(u"\"kind\":\"run\""_s));
}

void TestHostRecorder::offWithoutAPathAndOneRecordPerRun() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    EngineHost host;
    QSignalSpy done(&host, &EngineHost::finished);
    QSignalSpy errors(&host, &EngineHost::historyError);
    QSignalSpy recorded(&host, &EngineHost::recordingFinished);
    QString error;
    QVERIFY(host.historyPath().isEmpty()); // off by default
    QVERIFY2(host.start(hostConfig(dir, 3000), false, &error), qPrintable(error));
    QVERIFY(done.wait(60000));
    QVERIFY(!QFileInfo::exists(db));

    host.setHistoryPath(db);
    for (int run = 0; run < 2; ++run) {
        QVERIFY2(host.start(hostConfig(dir, 3000), false, &error), qPrintable(error));
        QVERIFY(done.wait(60000));
    }
    host.setHistoryPath(QString()); // off again
    QVERIFY2(host.start(hostConfig(dir, 3000), false, &error), qPrintable(error));
    QVERIFY(done.wait(60000));
    QCOMPARE(errors.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 60000); // the two recorded runs only
    QTest::qWait(50);
    QCOMPARE(recorded.size(), 2);

    auto store = HistoryStore::open(db, &error);
    QVERIFY2(store, qPrintable(error));
    const auto runs = store->runs(&error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), std::size_t(2));
    QCOMPARE(quint64((*runs)[0].sampleCount), done.at(2).at(0).value<Report>()->samples); // newest first
    QCOMPARE(quint64((*runs)[1].sampleCount), done.at(1).at(0).value<Report>()->samples);
    QVERIFY((*runs)[0].id > (*runs)[1].id);
}

void TestHostRecorder::unusableHistoryGivesAnErrorAndTheRunGoesOn_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason"); // part of the message
    QTest::newRow("missing directory") << u"missing"_s << u"does not exist"_s;
    QTest::newRow("a directory") << u"directory"_s << u"it is a directory"_s;
    QTest::newRow("not sqlite") << u"text"_s << u"not a swaptier history database"_s;
}

void TestHostRecorder::unusableHistoryGivesAnErrorAndTheRunGoesOn() {
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QTemporaryDir dir = makeScratchDir();
    QString db;
    QByteArray before;
    if (kind == u"missing"_s) {
        db = dir.filePath(u"no such dir/history.db"_s);
    } else if (kind == u"directory"_s) {
        db = dir.filePath(u"adir"_s);
        QVERIFY(QDir(dir.path()).mkdir(u"adir"_s));
    } else {
        db = dir.filePath(u"notes.db"_s);
        before = QByteArray("these are notes, not a database\n").repeated(200);
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(before), before.size());
    }
    EngineHost host;
    host.setHistoryPath(db);
    QSignalSpy errors(&host, &EngineHost::historyError);
    QSignalSpy done(&host, &EngineHost::finished);
    QString error;
    QVERIFY2(host.start(hostConfig(dir, 3000), false, &error), qPrintable(error));
    QCOMPARE(errors.size(), 1); // at once, from start()
    const QString message = errors.first().at(0).toString();
    QVERIFY2(message.contains(db), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QVERIFY2(message.contains(u"not recorded"_s), qPrintable(message));
    QVERIFY(host.running());

    QVERIFY(done.wait(60000));
    const auto report = done.first().at(0).value<Report>();
    QVERIFY(report);
    QVERIFY(done.first().at(1).toString().isEmpty());
    QVERIFY(report->samples > 0);
    QCOMPARE(host.state(), EngineHost::State::Finished);
    QTest::qWait(50); // a record's end would report after finished()
    QCOMPARE(errors.size(), 1); // nothing more at the end
    if (!before.isEmpty()) {
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before); // left as it was
    }
}

void TestHostRecorder::destroyedHostLeavesTheRunCancelled() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    {
        EngineHost host;
        host.setHistoryPath(db);
        QString error;
        QVERIFY2(host.start(hostConfig(dir, 5'000'000), false, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(host.published() >= 3, 20000);
    }
    QString error;
    auto store = HistoryStore::open(db, &error);
    QVERIFY2(store, qPrintable(error));
    const auto runs = store->runs(&error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), std::size_t(1));
    QCOMPARE(runs->front().status, u"cancelled"_s);
    QVERIFY(runs->front().error.contains(u"application ended"_s));
    QVERIFY(runs->front().sampleCount > 0);
}

void TestHostRecorder::failedRunIsRecordedAsFailed() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    QString error;
    auto recorder = HostRecorder::begin(db, hostConfig(dir, 1000, SwapDesign::Classic), &error);
    QVERIFY2(recorder, qPrintable(error));
    QCOMPARE(recorder->path(), db);
    SandboxSample sample;
    sample.counters.accesses = 42;
    recorder->record(sample);
    QVERIFY2(recorder->finish(nullptr, u"a page would have been lost"_s, &error), qPrintable(error));
    QVERIFY(recorder->finish(nullptr, QString(), &error)); // once only
    const qint64 id = recorder->runId();
    recorder.reset();

    auto store = HistoryStore::open(db, &error);
    QVERIFY2(store, qPrintable(error));
    const auto run = store->run(id, &error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->status, u"failed"_s);
    QCOMPARE(run->error, u"a page would have been lost"_s);
    QCOMPARE(run->design, u"classic"_s);
    QCOMPARE(run->sampleCount, 1);
    QVERIFY(run->reportJson.isEmpty());
}

QTEST_GUILESS_MAIN(TestHostRecorder)
#include "tst_hostrecorder.moc"
