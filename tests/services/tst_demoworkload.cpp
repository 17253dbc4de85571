// SPDX-License-Identifier: GPL-3.0-or-later
// DemoWorkload and `swaptierctl demo`: small real runs succeed, are deterministic for a seed,
// leave no file behind; bad options are rejected (exit code 2 from the real binary), runtime
// failures give exit code 1.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "demoworkload.h"
#endif

#ifndef SWAPTIERCTL_PATH
#error "SWAPTIERCTL_PATH must name the built swaptierctl (set in tests/services/CMakeLists.txt)"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

QStringList leftovers(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

/// Under $SWAPTIER_TEST_TMPDIR (set by ctest) when given, else the system temp dir.
QString scratchTemplate() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (base.isEmpty())
        return QDir::tempPath() + u"/tst_demoworkload-XXXXXX"_s;
    QDir().mkpath(base);
    return base + u"/tst_demoworkload-XXXXXX"_s;
}

struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CtlRun runCtl(const QStringList& args, int timeoutMs = 300000) {
    QProcess p;
    p.start(QStringLiteral(SWAPTIERCTL_PATH), args);
    CtlRun r;
    if (!p.waitForStarted(30000))
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

} // namespace

class TestDemoWorkload : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void validate_data();
    void validate();
    void smallRun_data();
    void smallRun();
    void deterministicForASeed();
    void cliBadUsage_data();
    void cliBadUsage();
    void cliHelp_data();
    void cliHelp();
    void cliRealRun();
    void cliUnwritableJson();

private:
    QTemporaryDir m_tmp{scratchTemplate()};
};

void TestDemoWorkload::initTestCase() {
    QVERIFY(m_tmp.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(SWAPTIERCTL_PATH)), SWAPTIERCTL_PATH);
}

void TestDemoWorkload::validate_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<quint64>("pages");
    QTest::addColumn<int>("cgroups");
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("workDir");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::newRow("defaults") << 2 << quint64(20000) << 4 << int(Codec::Lz4) << QString() << QString();
    QTest::newRow("zero threads") << 0 << quint64(10) << 4 << int(Codec::Lz4) << QString() << u"threads"_s;
    QTest::newRow("65 threads") << 65 << quint64(10) << 4 << int(Codec::Lz4) << QString() << u"threads"_s;
    QTest::newRow("zero pages") << 1 << quint64(0) << 4 << int(Codec::Lz4) << QString() << u"pages"_s;
    QTest::newRow("too many pages") << 1 << quint64(10'000'001) << 4 << int(Codec::Lz4) << QString() << u"pages"_s;
    QTest::newRow("no cgroup") << 1 << quint64(10) << 0 << int(Codec::Zstd) << QString() << u"cgroups"_s;
    QTest::newRow("raw codec") << 1 << quint64(10) << 4 << int(Codec::Raw) << QString() << u"raw"_s;
    QTest::newRow("missing work dir") << 1 << quint64(10) << 4 << int(Codec::Lzo) << u"/nonexistent/swaptier"_s
                                      << u"/nonexistent/swaptier"_s;
    const QString file = QCoreApplication::applicationFilePath(); // certainly a file, not a directory
    QTest::newRow("work dir is a file") << 1 << quint64(10) << 4 << int(Codec::Lzo) << file << file;
}

void TestDemoWorkload::validate() {
    QFETCH(int, threads);
    QFETCH(quint64, pages);
    QFETCH(int, cgroups);
    QFETCH(int, codec);
    QFETCH(QString, workDir);
    QFETCH(QString, problem);
    DemoOptions o;
    o.threads = threads;
    o.pages = pages;
    o.cgroups = cgroups;
    o.codec = Codec(codec);
    o.workDir = workDir;
    const QStringList problems = DemoWorkload::validate(o);
    if (problem.isEmpty()) {
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        return;
    }
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
    // run() refuses the same options without touching anything.
    const DemoResult r = DemoWorkload(o).run();
    QVERIFY(!r.ok);
    QCOMPARE(r.failures, problems);
}

void TestDemoWorkload::smallRun_data() {
    QTest::addColumn<int>("threads");
    QTest::addColumn<quint64>("pages");
    QTest::addColumn<int>("codec");
    QTest::addColumn<quint64>("poolLimit");
    QTest::addColumn<bool>("expectPoolFull");
    QTest::newRow("1 thread, lz4, no limit") << 1 << quint64(1500) << int(Codec::Lz4) << quint64(0) << false;
    QTest::newRow("2 threads, zstd, 256 KiB pool")
        << 2 << quint64(2000) << int(Codec::Zstd) << quint64(256 << 10) << true;
    QTest::newRow("4 threads, lzo, 4 MiB pool") << 4 << quint64(3000) << int(Codec::Lzo) << quint64(4 << 20) << false;
    QTest::newRow("a single page") << 1 << quint64(1) << int(Codec::Lz4) << quint64(0) << false;
}

void TestDemoWorkload::smallRun() {
    QFETCH(int, threads);
    QFETCH(quint64, pages);
    QFETCH(int, codec);
    QFETCH(quint64, poolLimit);
    QFETCH(bool, expectPoolFull);

    QTemporaryDir work(m_tmp.filePath(u"run-XXXXXX"_s));
    QVERIFY(work.isValid());
    DemoOptions o;
    o.threads = threads;
    o.pages = pages;
    o.codec = Codec(codec);
    o.poolLimitBytes = poolLimit;
    o.seed = 77;
    o.workDir = work.path();
    QStringList progress;
    const DemoWorkload demo(o);
    const DemoResult r = demo.run([&](const QString& line) { progress << line; });
    QVERIFY2(r.ok, qPrintable(r.failures.join(u'\n')));
    QVERIFY(r.failures.isEmpty());
    QVERIFY2(leftovers(work.path()).isEmpty(), qPrintable(leftovers(work.path()).join(u", ")));
    QVERIFY(progress.size() >= 5);

    const DemoCounters& c = r.counters;
    QCOMPARE(c.swapOuts, pages);
    QCOMPARE(c.frees, pages);
    quint64 byClass = 0;
    for (quint64 n : c.swapOutsByClass)
        byClass += n;
    QCOMPARE(byClass, pages);
    QVERIFY(c.verified >= r.peak.slotTable.liveEntries); // every remaining entry was verified at the end
    QCOMPARE(c.swapIns, c.verified);
    QVERIFY(r.swapoffDone);
    QCOMPARE(r.peak.events.swapOuts, pages);
    QCOMPARE(r.peak.devices.size(), std::size_t(1)); // the fast device was swapped off
    QCOMPARE(r.peak.devices.front().priority, 5);
    QCOMPARE(r.peak.pool.codec, Codec(codec));
    if (expectPoolFull) {
        QVERIFY(r.peak.pool.limitHits > 0);
        QVERIFY(r.peak.events.pswpout > 0);
    }
    // The engine ended empty.
    for (const BackendUsage& u : r.end.backends)
        QCOMPARE(u.entries, 0u);
    QCOMPARE(r.end.slotTable.liveEntries, 0u);
    QCOMPARE(r.end.events.frees, pages);

    const QString summary = demo.summaryText(r);
    QVERIFY(summary.contains(u"%1 pages"_s.arg(pages)));
    QVERIFY(summary.contains(u"OK"_s));
    const QJsonObject json = demo.toJson(r);
    QCOMPARE(json[u"ok"_s].toBool(), true);
    QCOMPARE(json[u"counters"_s][u"swap_outs"_s].toInteger(), qint64(pages));
    QCOMPARE(json[u"peak"_s][u"events"_s][u"swap_outs"_s].toInteger(), qint64(pages));
    QCOMPARE(json[u"end"_s][u"slot_table"_s][u"live_entries"_s].toInteger(), 0);
}

void TestDemoWorkload::deterministicForASeed() {
    // Each worker's operation sequence depends only on (seed, worker): what it does and which
    // pages it writes repeat exactly; only move outcomes depend on timing (swapoff, limits).
    DemoOptions o;
    o.threads = 2;
    o.pages = 1200;
    o.seed = 4242;
    o.poolLimitBytes = 0;
    o.workDir = m_tmp.path();
    const DemoResult a = DemoWorkload(o).run();
    const DemoResult b = DemoWorkload(o).run();
    o.seed = 4243;
    const DemoResult other = DemoWorkload(o).run();
    QVERIFY2(a.ok && b.ok && other.ok, qPrintable((a.failures + b.failures + other.failures).join(u'\n')));
    QCOMPARE(a.counters.swapOutsByClass, b.counters.swapOutsByClass);
    QCOMPARE(a.counters.duplicates, b.counters.duplicates);
    QCOMPARE(a.counters.puts, b.counters.puts);
    QCOMPARE(a.counters.swapIns, b.counters.swapIns);
    QCOMPARE(a.counters.lookups, b.counters.lookups);
    QCOMPARE(a.end.events.swpoutZero, b.end.events.swpoutZero);
    QVERIFY(a.counters.swapOutsByClass != other.counters.swapOutsByClass || a.counters.puts != other.counters.puts);
}

void TestDemoWorkload::cliBadUsage_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << u"no command"_s;
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << u"frobnicate"_s;
    QTest::newRow("unknown top-level option") << QStringList{u"--frob"_s} << u"frob"_s;
    QTest::newRow("unknown demo option") << QStringList{u"demo"_s, u"--frob"_s} << u"frob"_s;
    QTest::newRow("threads zero") << QStringList{u"demo"_s, u"--threads"_s, u"0"_s} << u"threads"_s;
    QTest::newRow("threads not a number") << QStringList{u"demo"_s, u"--threads"_s, u"two"_s} << u"two"_s;
    QTest::newRow("threads missing value") << QStringList{u"demo"_s, u"--threads"_s} << u"threads"_s;
    QTest::newRow("pages zero") << QStringList{u"demo"_s, u"--pages"_s, u"0"_s} << u"pages"_s;
    QTest::newRow("pages negative") << QStringList{u"demo"_s, u"--pages"_s, u"-5"_s} << u"-5"_s;
    QTest::newRow("seed not a number") << QStringList{u"demo"_s, u"--seed"_s, u"x1"_s} << u"x1"_s;
    QTest::newRow("unknown codec") << QStringList{u"demo"_s, u"--codec"_s, u"gzip"_s} << u"gzip"_s;
    QTest::newRow("raw codec") << QStringList{u"demo"_s, u"--codec"_s, u"raw"_s} << u"raw"_s;
    QTest::newRow("bad pool limit") << QStringList{u"demo"_s, u"--pool-limit"_s, u"lots"_s} << u"lots"_s;
    QTest::newRow("missing workdir") << QStringList{u"demo"_s, u"--workdir"_s, u"/nonexistent/swaptier"_s}
                                     << u"/nonexistent/swaptier"_s;
    QTest::newRow("stray argument") << QStringList{u"demo"_s, u"extra"_s} << u"extra"_s;
}

void TestDemoWorkload::cliBadUsage() {
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CtlRun r = runCtl(args, 60000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains(u"--help"_s), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out)); // nothing ran
}

void TestDemoWorkload::cliHelp_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expect");
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"demo"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << u"Exit codes"_s;
    QTest::newRow("demo --help") << QStringList{u"demo"_s, u"--help"_s} << u"--pool-limit"_s;
    QTest::newRow("--version") << QStringList{u"--version"_s} << u"swaptierctl"_s;
}

void TestDemoWorkload::cliHelp() {
    QFETCH(QStringList, args);
    QFETCH(QString, expect);
    const CtlRun r = runCtl(args, 60000);
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(expect), qPrintable(r.out));
    if (args.contains(u"--help"_s) || args.contains(u"-h"_s)) {
        for (const QString& code : {u"0  success"_s, u"1  runtime failure"_s, u"2  bad usage"_s})
            QVERIFY2(r.out.contains(code), qPrintable(r.out));
    }
}

void TestDemoWorkload::cliRealRun() {
    QTemporaryDir work(m_tmp.filePath(u"cli-XXXXXX"_s));
    QVERIFY(work.isValid());
    const QString jsonPath = m_tmp.filePath(u"demo.json"_s);
    const CtlRun r = runCtl({u"demo"_s, u"--pages"_s, u"800"_s, u"--threads"_s, u"2"_s, u"--seed"_s, u"5"_s,
                             u"--codec"_s, u"zstd"_s, u"--pool-limit"_s, u"1M"_s, u"--json"_s, jsonPath,
                             u"--workdir"_s, work.path()});
    QVERIFY2(r.exitCode == 0, qPrintable(u"exit %1\n%2\n%3"_s.arg(r.exitCode).arg(r.err, r.out)));
    QVERIFY(leftovers(work.path()).isEmpty());
    // Progress on stderr, report on stdout.
    QVERIFY2(r.err.contains(u"swapoff"_s), qPrintable(r.err));
    QVERIFY(!r.out.contains(u"loading the page corpus"_s));
    for (const QString& section : {u"swaptier demo"_s, u"Backends"_s, u"Compressed pool"_s, u"Swap devices"_s,
                                   u"Descriptors"_s, u"Cgroups"_s, u"Events"_s, u"800 pages"_s, u"zstd"_s})
        QVERIFY2(r.out.contains(section), qPrintable(section));

    QFile file(jsonPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(json[u"ok"_s].toBool(), true);
    QCOMPARE(json[u"options"_s][u"codec"_s].toString(), u"zstd"_s);
    QCOMPARE(json[u"options"_s][u"pool_limit_bytes"_s].toInteger(), 1 << 20);
    QCOMPARE(json[u"counters"_s][u"swap_outs"_s].toInteger(), 800);
    QCOMPARE(json[u"peak"_s][u"events"_s][u"swap_outs"_s].toInteger(), 800);
    QCOMPARE(json[u"peak"_s][u"pool"_s][u"codec"_s].toString(), u"zstd"_s);
    QCOMPARE(json[u"end"_s][u"slot_table"_s][u"live_entries"_s].toInteger(), 0);
    // The stdout report carries the figures of the JSON snapshot.
    const qint64 zswpout = json[u"peak"_s][u"events"_s][u"zswpout"_s].toInteger();
    QVERIFY(zswpout > 0);
    QVERIFY(r.out.contains(u"zswpout"_s));
}

void TestDemoWorkload::cliUnwritableJson() {
    QTemporaryDir work(m_tmp.filePath(u"cli-XXXXXX"_s));
    const QString jsonPath = u"/nonexistent/dir/demo.json"_s;
    const CtlRun r
        = runCtl({u"demo"_s, u"--pages"_s, u"50"_s, u"--quiet"_s, u"--json"_s, jsonPath, u"--workdir"_s, work.path()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(jsonPath), qPrintable(r.err));
    QVERIFY(r.out.contains(u"swaptier demo"_s)); // the run itself happened
    QVERIFY(leftovers(work.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestDemoWorkload)
#include "tst_demoworkload.moc"
