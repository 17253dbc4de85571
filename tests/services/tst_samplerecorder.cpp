// SPDX-License-Identifier: GPL-3.0-or-later
// SampleRecorder: everything recorded from several threads at once reaches the database, in
// each thread's order; the writer writes on a full batch and after the delay (and not before);
// a write error (a file size limit makes every write fail, which works for root too) is
// reported by finish() with the file's path, and samples held after the error are written when
// the error is gone.
#include <QDir>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "historystore.h"
#include "samplerecorder.h"

#include <sys/resource.h>

#include <csignal>
#include <latch>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

/// Under $SWAPTIER_TEST_TMPDIR (set by ctest) when given, else the system temp dir.
QString scratchTemplate() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (base.isEmpty())
        return QDir::tempPath() + u"/tst_samplerecorder-XXXXXX"_s;
    QDir().mkpath(base);
    return base + u"/tst_samplerecorder-XXXXXX"_s;
}

/// A sample tagged with the thread that recorded it (counters.forks) and its index there (round).
SandboxSample tagged(int thread, int index) {
    SandboxSample s;
    s.round = std::uint64_t(index);
    s.elapsedNanos = std::uint64_t(index) * 1000 + std::uint64_t(thread);
    s.counters.forks = std::uint64_t(thread);
    s.counters.accesses = std::uint64_t(index) * 3;
    s.tiers.push_back({"pool", Backend::Pool, -1, std::uint64_t(index), 4096, 1000, 0});
    CgroupUsage cgroup;
    cgroup.name = "/t" + std::to_string(thread);
    cgroup.residentPages = std::uint64_t(index);
    s.cgroups.push_back(cgroup);
    return s;
}

/// Lowers RLIMIT_FSIZE so that every write to a regular file past `bytes` fails with EFBIG
/// (SIGXFSZ ignored), for the whole process, until lift() or the end of the scope. Unlike file
/// permissions this also stops root, and it hits a file sqlite already has open.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        m_active = getrlimit(RLIMIT_FSIZE, &m_saved) == 0 && sigaction(SIGXFSZ, &ignore, &m_savedAction) == 0;
        if (!m_active)
            return;
        rlimit lowered = m_saved;
        lowered.rlim_cur = bytes;
        if (setrlimit(RLIMIT_FSIZE, &lowered) != 0) {
            sigaction(SIGXFSZ, &m_savedAction, nullptr);
            m_active = false;
        }
    }
    ~FileSizeLimit() { lift(); }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

    bool active() const { return m_active; }
    void lift() {
        if (!m_active)
            return;
        setrlimit(RLIMIT_FSIZE, &m_saved);
        sigaction(SIGXFSZ, &m_savedAction, nullptr);
        m_active = false;
    }

private:
    rlimit m_saved{};
    struct sigaction m_savedAction {};
    bool m_active = false;
};

} // namespace

class TestSampleRecorder : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fourThreadsAtOnce();
    void writesOnFullBatchAndAfterDelay();
    void finishWithNothingRecorded();
    void destructorFinishes();
    void writeErrorIsReported();
    void heldSamplesAreWrittenAtFinish();

private:
    qint64 count(qint64 runId);

    QTemporaryDir m_tmp{scratchTemplate()};
    int m_case = 0;
    std::unique_ptr<HistoryStore> m_store;
    qint64 m_run = 0;
};

void TestSampleRecorder::initTestCase() { QVERIFY2(m_tmp.isValid(), qPrintable(m_tmp.errorString())); }

void TestSampleRecorder::init() {
    QString error;
    m_store = HistoryStore::open(m_tmp.filePath(u"history-%1.db"_s.arg(++m_case)), &error);
    QVERIFY2(m_store, qPrintable(error));
    RunRecord run;
    run.scenario = u"recorder"_s;
    run.source = u":/scenarios/recorder.toml"_s;
    run.design = u"virtual"_s;
    m_run = m_store->beginRun(run, &error);
    QVERIFY2(m_run > 0, qPrintable(error));
}

void TestSampleRecorder::cleanup() { m_store.reset(); }

qint64 TestSampleRecorder::count(qint64 runId) {
    QString error;
    const auto run = m_store->run(runId, &error);
    return run ? run->sampleCount : -1;
}

void TestSampleRecorder::fourThreadsAtOnce() {
    constexpr int kThreads = 4;
    constexpr int kPerThread = 3000;
    SampleRecorder recorder(*m_store, m_run, {16, 5});
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&recorder, &start, t] {
            start.arrive_and_wait(); // all four record at the same time
            for (int i = 0; i < kPerThread; ++i)
                recorder.record(tagged(t, i));
        });
    for (std::thread& thread : threads)
        thread.join();
    QString error;
    QVERIFY2(recorder.finish(&error), qPrintable(error));
    QVERIFY(!recorder.writeFailed());

    const auto samples = m_store->samples(m_run, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), std::size_t(kThreads * kPerThread));
    std::vector<int> next(kThreads, 0);
    for (const SandboxSample& s : *samples) {
        const auto t = int(s.counters.forks);
        QVERIFY(t >= 0 && t < kThreads);
        // Each thread's samples come in the order it recorded them, none missing or repeated.
        QCOMPARE(int(s.round), next[std::size_t(t)]);
        ++next[std::size_t(t)];
        QCOMPARE(s.elapsedNanos, s.round * 1000 + std::uint64_t(t));
        QCOMPARE(s.tiers.size(), std::size_t(1));
        QCOMPARE(s.tiers[0].entries, s.round);
        QCOMPARE(s.cgroups.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(s.cgroups[0].name), u"/t%1"_s.arg(t));
    }
    QCOMPARE(next, std::vector<int>(kThreads, kPerThread));
}

void TestSampleRecorder::writesOnFullBatchAndAfterDelay() {
    {
        // A full batch is written at once, without waiting for the (one minute) delay; what is
        // left over waits for the delay or for finish().
        SampleRecorder recorder(*m_store, m_run, {4, 60'000});
        for (int i = 0; i < 4; ++i)
            recorder.record(tagged(0, i));
        QTRY_COMPARE_WITH_TIMEOUT(count(m_run), 4, 10'000);
        recorder.record(tagged(0, 4));
        QTest::qWait(300);
        QCOMPARE(count(m_run), 4);
        QString error;
        QVERIFY2(recorder.finish(&error), qPrintable(error));
        QCOMPARE(count(m_run), 5);
    }
    {
        // Fewer samples than a batch are written once the oldest is maxDelayMs old.
        SampleRecorder recorder(*m_store, m_run, {1000, 100});
        for (int i = 5; i < 8; ++i)
            recorder.record(tagged(0, i));
        QTRY_COMPARE_WITH_TIMEOUT(count(m_run), 8, 10'000);
        QString error;
        QVERIFY2(recorder.finish(&error), qPrintable(error));
    }
    QString error;
    const auto samples = m_store->samples(m_run, &error);
    QVERIFY2(samples, qPrintable(error));
    for (std::size_t i = 0; i < samples->size(); ++i)
        QCOMPARE((*samples)[i].round, std::uint64_t(i)); // the second recorder appended after the first
}

void TestSampleRecorder::finishWithNothingRecorded() {
    SampleRecorder recorder(*m_store, m_run);
    QString error;
    QVERIFY2(recorder.finish(&error), qPrintable(error));
    QVERIFY(recorder.finish(&error)); // a second call gives the same answer
    QCOMPARE(count(m_run), 0);
}

void TestSampleRecorder::destructorFinishes() {
    {
        SampleRecorder recorder(*m_store, m_run, {1000, 60'000});
        for (int i = 0; i < 10; ++i)
            recorder.record(tagged(1, i));
    }
    QCOMPARE(count(m_run), 10);
}

void TestSampleRecorder::writeErrorIsReported() {
    SampleRecorder recorder(*m_store, m_run, {4, 10});
    QString error;
    {
        FileSizeLimit limit(0); // no write to any file succeeds
        QVERIFY(limit.active());
        for (int i = 0; i < 10; ++i)
            recorder.record(tagged(2, i));
        QTRY_VERIFY_WITH_TIMEOUT(recorder.writeFailed(), 10'000);
        QVERIFY(!recorder.finish(&error)); // the retry at finish() fails too
    }
    QVERIFY2(error.contains(m_store->path()), qPrintable(error));
    QVERIFY2(error.contains(u"run %1"_s.arg(m_run)), qPrintable(error));
    // How many are missing: all 10, whether the last failed batch held them all ("cannot write
    // 10 sample(s)") or a busy machine split them ("...; in all, 10 recorded sample(s)").
    QVERIFY2(error.contains(QRegularExpression(u"\\b10 (recorded )?sample\\(s\\)"_s)), qPrintable(error));
    qInfo("%s", qPrintable(error));
    QString again;
    QVERIFY(!recorder.finish(&again));
    QCOMPARE(again, error);

    // Nothing half-written, and the store works again once writes succeed.
    QCOMPARE(count(m_run), 0);
    const SandboxSample one = tagged(2, 0);
    QVERIFY2(m_store->appendSamples(m_run, std::span(&one, 1), &error), qPrintable(error));
    QCOMPARE(count(m_run), 1);
}

void TestSampleRecorder::heldSamplesAreWrittenAtFinish() {
    SampleRecorder recorder(*m_store, m_run, {1, 10});
    FileSizeLimit limit(0);
    QVERIFY(limit.active());
    for (int i = 0; i < 5; ++i)
        recorder.record(tagged(3, i));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.writeFailed(), 10'000);
    limit.lift();
    // Writes would succeed now, but after a failure the recorder holds samples for finish().
    for (int i = 5; i < 12; ++i)
        recorder.record(tagged(3, i));
    QTest::qWait(200);
    QCOMPARE(count(m_run), 0);
    QString error;
    QVERIFY2(recorder.finish(&error), qPrintable(error));
    QString detail;
    const auto samples = m_store->samples(m_run, &detail);
    QVERIFY2(samples, qPrintable(detail));
    QCOMPARE(samples->size(), std::size_t(12));
    for (std::size_t i = 0; i < samples->size(); ++i)
        QCOMPARE((*samples)[i].round, std::uint64_t(i));
}

QTEST_GUILESS_MAIN(TestSampleRecorder)
#include "tst_samplerecorder.moc"
