// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonRunner: one small config (a cgroup under pressure, a pool, one swapfile, a swapoff
// at the end) run in both designs off the caller's thread: the result's rows are the reports'
// own figures; only the classic design walks page tables for the swapoff; progress rises from
// the virtual run to the classic one; the swapfiles live in the runner's own directory (never
// at the config's paths) and are gone at the end. Cancel ends a long comparison promptly with
// no result and no files left; an invalid config fails with the sentence naming the field; a
// second start is refused while one runs; destroying the runner mid-run stops it cleanly.
#include <QDir>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "comparisonrunner.h"

#include <memory>
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
        return QTemporaryDir(base + u"/tst-comparisonrunner-XXXXXX"_s);
    }
    return QTemporaryDir();
}

/// One cgroup writing 1024 pages twice under a 1 MiB limit, a 256 KiB pool, one 16 MiB swapfile
/// at `liveDir` (the path a live run would use), swapped off after the last access; a sample
/// every millisecond.
SandboxConfig smallConfig(const QString& liveDir, std::uint64_t passes = 2) {
    SandboxConfig c;
    c.name = "small";
    c.seed = 11;
    c.engine.pool.limitBytes = 256 * 1024;
    DeviceOptions d;
    d.path = QString(liveDir + u"/live.swap"_s).toStdString();
    d.sizeBytes = 16 * kMiB;
    d.priority = 10;
    d.io = IoMode::Buffered;
    c.devices = {d};
    CgroupSpec root;
    root.name = "/";
    CgroupSpec work;
    work.name = "work";
    work.parent = 0;
    work.memoryMax = 1 * kMiB;
    c.cgroups = {root, work};
    WorkloadSpec w;
    w.name = "fill";
    w.kind = WorkloadKind::Sequential;
    w.cgroup = 1;
    w.pages = 1024;
    w.passes = unsigned(passes);
    c.workloads = {w};
    SandboxAction off;
    off.kind = SandboxAction::Kind::Swapoff;
    off.at = 1.0;
    off.device = 0;
    c.actions = {off};
    c.sampleIntervalMs = 1; // the peaks are taken at the samples
    return c;
}

/// The figure `key` of a report, taken straight from the report's fields.
quint64 figure(const QString& key, const SandboxReport& r) {
    quint64 swapoffNanos = 0, swapoffPtes = 0;
    for (const SwapoffFigures& s : r.swapoffs) {
        swapoffNanos += s.nanos;
        swapoffPtes += s.ptesVisited;
    }
    if (key == u"wall_nanos"_s) return r.figures.wallNanos;
    if (key == u"cpu_nanos"_s) return r.figures.cpuNanos;
    if (key == u"accesses"_s) return r.counters.accesses;
    if (key == u"swapouts"_s) return r.counters.swapOuts;
    if (key == u"swapin_faults"_s) return r.counters.swapInFaults;
    if (key == u"refaults"_s) return r.counters.refaults;
    if (key == u"pages_written"_s) return r.figures.pagesWritten;
    if (key == u"pages_read"_s) return r.figures.pagesRead;
    if (key == u"pool_writebacks"_s) return r.figures.poolWritebacks;
    if (key == u"peak_disk_reserved_bytes"_s) return r.figures.peakDiskReservedBytes;
    if (key == u"final_disk_reserved_bytes"_s) return r.final.figures.diskReservedBytes;
    if (key == u"peak_metadata_bytes"_s) return r.figures.peakMetadataBytes;
    if (key == u"swapoff_nanos"_s) return swapoffNanos;
    if (key == u"swapoff_ptes_visited"_s) return swapoffPtes;
    qFatal("unknown figure key");
}

/// Entries of a directory (files and subdirectories, hidden ones too).
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

class TestComparisonRunner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void comparesBothDesigns();
    void rowsAreTheReportsFigures_data();
    void rowsAreTheReportsFigures();
    void swapoffWalksOnlyInClassic();
    void progressRisesThroughBothRuns();
    void filesStayInTheRunnersDirectory();
    void cancelEndsPromptlyWithNothingLeft();
    void invalidConfigFails_data();
    void invalidConfigFails();
    void destroyingTheRunnerStopsIt();

private:
    QTemporaryDir m_live = makeScratchDir();    ///< where the config's swapfile would live
    QTemporaryDir m_scratch = makeScratchDir(); ///< the runners' scratch base
    std::shared_ptr<const ComparisonResult> m_result;
    QList<QPair<double, QString>> m_progress;
    QString m_workDir;
};

void TestComparisonRunner::initTestCase() {
    QVERIFY(m_live.isValid() && m_scratch.isValid());
    ComparisonRunner runner;
    runner.setScratchBase(m_scratch.path());
    QSignalSpy done(&runner, &ComparisonRunner::finished);
    QSignalSpy failed(&runner, &ComparisonRunner::failed);
    connect(&runner, &ComparisonRunner::progress, this,
            [this](double share, const QString& design) { m_progress.append({share, design}); });
    QVERIFY(runner.start(smallConfig(m_live.path())));
    QVERIFY(runner.running());
    m_workDir = runner.workDirectory();
    QVERIFY(m_workDir.startsWith(m_scratch.path()));
    QVERIFY(QFileInfo(m_workDir).isDir());
    QVERIFY(!runner.start(smallConfig(m_live.path()))); // one at a time
    QVERIFY(done.wait(120000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(!runner.running());
    m_result = done.first().first().value<std::shared_ptr<const ComparisonResult>>();
    QVERIFY(m_result);
}

void TestComparisonRunner::comparesBothDesigns() {
    QCOMPARE(m_result->scenario, u"small"_s);
    QCOMPARE(m_result->seed, quint64(11));
    QCOMPARE(m_result->virtualRun.design, SwapDesign::Virtual);
    QCOMPARE(m_result->classicRun.design, SwapDesign::Classic);
    QVERIFY(!m_result->virtualRun.cancelled && !m_result->classicRun.cancelled);
    QVERIFY(!m_result->cutShort());
    // Same workload and seed: the same work.
    QCOMPARE(m_result->virtualRun.counters.accesses, quint64(2 * 1024));
    QCOMPARE(m_result->classicRun.counters.accesses, m_result->virtualRun.counters.accesses);
    QVERIFY(m_result->virtualRun.counters.swapOuts > 0);
    QCOMPARE(m_result->classicRun.counters.swapOuts, m_result->virtualRun.counters.swapOuts);
    QVERIFY(m_result->virtualRun.figures.pagesWritten > 0 && m_result->classicRun.figures.pagesWritten > 0);
}

void TestComparisonRunner::rowsAreTheReportsFigures_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("unit");
    QTest::addColumn<int>("kind");
    const int count = int(ComparisonRow::Unit::Count), bytes = int(ComparisonRow::Unit::Bytes),
              nanos = int(ComparisonRow::Unit::Nanos);
    const int cost = int(ComparisonRow::Kind::Cost), work = int(ComparisonRow::Kind::Workload);
    QTest::newRow("wall time") << u"wall_nanos"_s << nanos << cost;
    QTest::newRow("CPU time") << u"cpu_nanos"_s << nanos << cost;
    QTest::newRow("accesses") << u"accesses"_s << count << work;
    QTest::newRow("swap-outs") << u"swapouts"_s << count << work;
    QTest::newRow("swap-in faults") << u"swapin_faults"_s << count << cost;
    QTest::newRow("refaults") << u"refaults"_s << count << cost;
    QTest::newRow("pages written") << u"pages_written"_s << count << cost;
    QTest::newRow("pages read") << u"pages_read"_s << count << cost;
    QTest::newRow("pool writebacks") << u"pool_writebacks"_s << count << cost;
    QTest::newRow("disk reserved peak") << u"peak_disk_reserved_bytes"_s << bytes << cost;
    QTest::newRow("disk reserved end") << u"final_disk_reserved_bytes"_s << bytes << cost;
    QTest::newRow("metadata peak") << u"peak_metadata_bytes"_s << bytes << cost;
    QTest::newRow("swapoff time") << u"swapoff_nanos"_s << nanos << cost;
    QTest::newRow("swapoff PTEs") << u"swapoff_ptes_visited"_s << count << cost;
}

void TestComparisonRunner::rowsAreTheReportsFigures() {
    QFETCH(QString, key);
    QFETCH(int, unit);
    QFETCH(int, kind);
    QCOMPARE(int(m_result->rows.size()), 14); // every row of the data table, no other
    const auto it = std::find_if(m_result->rows.begin(), m_result->rows.end(),
                                 [&](const ComparisonRow& r) { return r.key == key; });
    QVERIFY2(it != m_result->rows.end(), qPrintable(key));
    QCOMPARE(it->virtualValue, figure(key, m_result->virtualRun));
    QCOMPARE(it->classicValue, figure(key, m_result->classicRun));
    QCOMPARE(int(it->unit), unit);
    QCOMPARE(int(it->kind), kind);
    QVERIFY(!it->name.isEmpty());
    QVERIFY(!it->description.isEmpty());
    if (it->virtualValue > 0)
        QCOMPARE(it->ratio(), double(it->classicValue) / double(it->virtualValue));
}

void TestComparisonRunner::swapoffWalksOnlyInClassic() {
    QCOMPARE(m_result->virtualRun.swapoffs.size(), std::size_t(1));
    QCOMPARE(m_result->classicRun.swapoffs.size(), std::size_t(1));
    QCOMPARE(m_result->virtualRun.swapoffs[0].ptesVisited, quint64(0));
    QVERIFY(m_result->classicRun.swapoffs[0].ptesVisited > 0);
    const auto it = std::find_if(m_result->rows.begin(), m_result->rows.end(),
                                 [](const ComparisonRow& r) { return r.key == u"swapoff_ptes_visited"_s; });
    QVERIFY(it != m_result->rows.end());
    QVERIFY(std::isinf(it->ratio()));
    QCOMPARE(it->better(), ComparisonRow::Better::Virtual);
}

void TestComparisonRunner::progressRisesThroughBothRuns() {
    QVERIFY(m_progress.size() >= 2);
    QVERIFY2(m_progress.size() <= 502, qPrintable(QString::number(m_progress.size())));
    double last = -1;
    bool classicSeen = false;
    for (const auto& [share, design] : m_progress) {
        QVERIFY(share >= last);
        QVERIFY(share >= 0 && share <= 1);
        last = share;
        if (design == u"classic"_s) {
            classicSeen = true;
            QVERIFY(share >= 0.5);
        } else {
            QCOMPARE(design, u"virtual"_s);
            QVERIFY(!classicSeen && share <= 0.5);
        }
    }
    QVERIFY(classicSeen);
    QCOMPARE(last, 1.0);
}

void TestComparisonRunner::filesStayInTheRunnersDirectory() {
    QVERIFY(entries(m_live.path()).isEmpty()); // the config's swapfile path was never created
    QVERIFY(!QFileInfo::exists(m_workDir));
    QVERIFY(entries(m_scratch.path()).isEmpty());
    // The reports name the swapfile as the config does, not by its temporary path.
    const std::string live = QString(m_live.path() + u"/live.swap"_s).toStdString();
    for (const SandboxReport* r : {&m_result->virtualRun, &m_result->classicRun}) {
        bool found = false;
        for (const TierUsage& t : r->final.tiers)
            if (t.backend == Backend::Device) {
                QCOMPARE(t.name, live);
                found = true;
            }
        QVERIFY(found);
    }
}

void TestComparisonRunner::cancelEndsPromptlyWithNothingLeft() {
    ComparisonRunner runner;
    runner.setScratchBase(m_scratch.path());
    QSignalSpy progress(&runner, &ComparisonRunner::progress);
    QSignalSpy cancelled(&runner, &ComparisonRunner::cancelled);
    QSignalSpy finished(&runner, &ComparisonRunner::finished);
    QSignalSpy failed(&runner, &ComparisonRunner::failed);
    QVERIFY(runner.start(smallConfig(m_live.path(), 100000))); // minutes of work
    QVERIFY(progress.wait(30000));
    QVERIFY(!entries(runner.workDirectory()).isEmpty()); // the virtual run's swapfile
    QElapsedTimer timer;
    timer.start();
    runner.cancel();
    QVERIFY(cancelled.wait(10000));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!runner.running());
    QCOMPARE(cancelled.size(), 1);
    QVERIFY(finished.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(runner.workDirectory().isEmpty());
    QVERIFY2(entries(m_scratch.path()).isEmpty(), qPrintable(entries(m_scratch.path()).join(u' ')));
    QVERIFY(progress.last().at(0).toDouble() < 0.5); // the classic run never started
}

void TestComparisonRunner::invalidConfigFails_data() {
    QTest::addColumn<int>("breakage");
    QTest::addColumn<QString>("field");
    QTest::newRow("workload in a missing cgroup") << 0 << u"workloads[0].cgroup"_s;
    QTest::newRow("device of no size") << 1 << u"devices[0].sizeBytes"_s;
    QTest::newRow("swapoff of a missing device") << 2 << u"actions[0].device"_s;
}

void TestComparisonRunner::invalidConfigFails() {
    QFETCH(int, breakage);
    QFETCH(QString, field);
    SandboxConfig c = smallConfig(m_live.path());
    switch (breakage) {
    case 0: c.workloads[0].cgroup = 7; break;
    case 1: c.devices[0].sizeBytes = 0; break;
    case 2: c.actions[0].device = 3; break;
    }
    ComparisonRunner runner;
    runner.setScratchBase(m_scratch.path());
    QSignalSpy failed(&runner, &ComparisonRunner::failed);
    QSignalSpy finished(&runner, &ComparisonRunner::finished);
    QVERIFY(runner.start(c));
    QVERIFY(failed.isEmpty()); // always through the event loop
    QVERIFY(failed.wait(5000));
    const QString error = failed.first().first().toString();
    QVERIFY2(error.contains(field), qPrintable(error));
    QVERIFY(finished.isEmpty());
    QVERIFY(!runner.running());
    QVERIFY(entries(m_scratch.path()).isEmpty());
}

void TestComparisonRunner::destroyingTheRunnerStopsIt() {
    auto runner = std::make_unique<ComparisonRunner>();
    runner->setScratchBase(m_scratch.path());
    QSignalSpy progress(runner.get(), &ComparisonRunner::progress);
    QVERIFY(runner->start(smallConfig(m_live.path(), 100000)));
    QVERIFY(progress.wait(30000));
    QElapsedTimer timer;
    timer.start();
    runner.reset();
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(entries(m_scratch.path()).isEmpty());
    QVERIFY(entries(m_live.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestComparisonRunner)
#include "tst_comparisonrunner.moc"
