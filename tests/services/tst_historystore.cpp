// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore and HistorySchema: a run and its samples come back field for field; runs are
// listed newest first with their sample counts; finishing a run; migrations from every older
// schema version (built with the real migration steps, then filled with rows of that version);
// and every kind of file the store must refuse (newer schema, another application's database,
// not sqlite at all, truncated, unwritable places) is refused with a message naming the file
// and is left byte for byte as it was.
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "historyschema.h"
#include "historystore.h"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

/// Under $SWAPTIER_TEST_TMPDIR (set by ctest) when given, else the system temp dir.
QString scratchTemplate() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (base.isEmpty())
        return QDir::tempPath() + u"/tst_historystore-XXXXXX"_s;
    QDir().mkpath(base);
    return base + u"/tst_historystore-XXXXXX"_s;
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

/// A raw sqlite connection for building fixtures, closed at the end of the scope.
class RawDb {
public:
    explicit RawDb(const QString& path) { m_rc = sqlite3_open(QFile::encodeName(path).constData(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    bool ok() const { return m_rc == SQLITE_OK; }
    sqlite3* handle() const { return m_db; }
    /// Runs `sql`; the empty string on success, else sqlite's message.
    QString exec(const QByteArray& sql) const {
        char* message = nullptr;
        if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) == SQLITE_OK)
            return {};
        const QString text = QString::fromUtf8(message ? message : "error");
        sqlite3_free(message);
        return text;
    }
    qint64 value(const QByteArray& sql) const {
        sqlite3_stmt* stmt = nullptr;
        qint64 result = -1;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            result = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        return result;
    }
    QString text(const QByteArray& sql) const {
        sqlite3_stmt* stmt = nullptr;
        QString result;
        if (sqlite3_prepare_v2(m_db, sql.constData(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        sqlite3_finalize(stmt);
        return result;
    }

private:
    sqlite3* m_db = nullptr;
    int m_rc = SQLITE_ERROR;
};

constexpr std::uint64_t kHigh = std::uint64_t{1} << 63; // does not fit a signed sqlite INTEGER as is

/// Every counter a distinct value derived from `base`; the last one above 2^63.
SandboxCounters counters(std::uint64_t base) {
    SandboxCounters c;
    c.accesses = base + 1;
    c.writes = base + 2;
    c.firstTouchFaults = base + 3;
    c.swapInFaults = base + 4;
    c.refaults = base + 5;
    c.refaultActivations = base + 6;
    c.swapOuts = base + 7;
    c.cowBreaks = base + 8;
    c.forks = base + 9;
    c.exits = base + 10;
    c.scanned = base + 11;
    c.activations = base + 12;
    c.deactivations = base + 13;
    c.reclaimFailures = base + 14;
    c.overLimitCharges = base + 15;
    c.swapMaxHits = base + 16;
    c.zswapMaxHits = base + 17;
    c.verifiedPages = kHigh + base + 18;
    return c;
}

/// A sample whose every field, tier and cgroup has its own value.
SandboxSample makeSample(int index) {
    const auto n = std::uint64_t(index);
    SandboxSample s;
    s.elapsedNanos = 1'000'003 * (n + 1);
    s.round = 7 * n + 1;
    s.progress = 0.0625 * double(index % 16);
    s.counters = counters(1000 * n);
    s.figures.diskReservedBytes = 100 * n + 1;
    s.figures.peakDiskReservedBytes = 100 * n + 2;
    s.figures.metadataBytes = 100 * n + 3;
    s.figures.peakMetadataBytes = 100 * n + 4;
    s.figures.pagesWritten = 100 * n + 5;
    s.figures.pagesRead = 100 * n + 6;
    s.figures.poolWritebacks = 100 * n + 9;
    s.figures.cpuNanos = 100 * n + 7;
    s.figures.wallNanos = kHigh + 100 * n + 8;
    s.tiers = {
        {"zero", Backend::Zero, -1, 10 + n, 40960 + n, 0, 0},
        {"pool", Backend::Pool, -1, 20 + n, 81920 + n, 30000 + n, 1 << 20},
        {"/var/tmp/swap a.img", Backend::Device, 0, 30 + n, 122880 + n, 122880 + n, 64 << 20, "fast tïer"},
        {"memory", Backend::Memory, -1, 40 + n, 163840 + n, 163840 + n, 0},
    };
    CgroupUsage root;
    root.name = "/";
    root.memoryMax = kNoLimit;
    root.residentPages = 500 + n;
    root.peakResidentPages = 600 + n;
    root.swappedPages = {1 + n, 2 + n, 3 + n, 4 + n};
    root.poolBytes = 7000 + n;
    root.counters = counters(2000 + n);
    CgroupUsage app = root;
    app.name = "/app";
    app.memoryMax = 64ull << 20;
    app.residentPages = 300 + n;
    app.swappedPages = {5 + n, 6 + n, 7 + n, 8 + n};
    app.counters = counters(3000 + n);
    CgroupUsage batch = root;
    batch.name = "/app/batch ünïcode";
    batch.memoryMax = kHigh + 4096; // a limit, even though above 2^63
    batch.peakResidentPages = 900 + n;
    batch.poolBytes = 0;
    batch.counters = counters(4000 + n);
    s.cgroups = {root, app, batch};
    return s;
}

// The comparisons name every field, so a field the store forgets fails here by name.
void compareCounters(const SandboxCounters& got, const SandboxCounters& want) {
    QCOMPARE(got.accesses, want.accesses);
    QCOMPARE(got.writes, want.writes);
    QCOMPARE(got.firstTouchFaults, want.firstTouchFaults);
    QCOMPARE(got.swapInFaults, want.swapInFaults);
    QCOMPARE(got.refaults, want.refaults);
    QCOMPARE(got.refaultActivations, want.refaultActivations);
    QCOMPARE(got.swapOuts, want.swapOuts);
    QCOMPARE(got.cowBreaks, want.cowBreaks);
    QCOMPARE(got.forks, want.forks);
    QCOMPARE(got.exits, want.exits);
    QCOMPARE(got.scanned, want.scanned);
    QCOMPARE(got.activations, want.activations);
    QCOMPARE(got.deactivations, want.deactivations);
    QCOMPARE(got.reclaimFailures, want.reclaimFailures);
    QCOMPARE(got.overLimitCharges, want.overLimitCharges);
    QCOMPARE(got.swapMaxHits, want.swapMaxHits);
    QCOMPARE(got.zswapMaxHits, want.zswapMaxHits);
    QCOMPARE(got.verifiedPages, want.verifiedPages);
}

void compareSample(const SandboxSample& got, const SandboxSample& want) {
    QCOMPARE(got.elapsedNanos, want.elapsedNanos);
    QCOMPARE(got.round, want.round);
    QCOMPARE(got.progress, want.progress);
    compareCounters(got.counters, want.counters);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(got.figures.diskReservedBytes, want.figures.diskReservedBytes);
    QCOMPARE(got.figures.peakDiskReservedBytes, want.figures.peakDiskReservedBytes);
    QCOMPARE(got.figures.metadataBytes, want.figures.metadataBytes);
    QCOMPARE(got.figures.peakMetadataBytes, want.figures.peakMetadataBytes);
    QCOMPARE(got.figures.pagesWritten, want.figures.pagesWritten);
    QCOMPARE(got.figures.pagesRead, want.figures.pagesRead);
    QCOMPARE(got.figures.poolWritebacks, want.figures.poolWritebacks);
    QCOMPARE(got.figures.cpuNanos, want.figures.cpuNanos);
    QCOMPARE(got.figures.wallNanos, want.figures.wallNanos);
    QCOMPARE(got.tiers.size(), want.tiers.size());
    for (std::size_t i = 0; i < want.tiers.size(); ++i) {
        const TierUsage& g = got.tiers[i];
        const TierUsage& w = want.tiers[i];
        QCOMPARE(QString::fromStdString(g.name), QString::fromStdString(w.name));
        QCOMPARE(int(g.backend), int(w.backend));
        QCOMPARE(g.device, w.device);
        QCOMPARE(g.entries, w.entries);
        QCOMPARE(g.originalBytes, w.originalBytes);
        QCOMPARE(g.storedBytes, w.storedBytes);
        QCOMPARE(g.capacityBytes, w.capacityBytes);
        QCOMPARE(QString::fromStdString(g.tier), QString::fromStdString(w.tier));
    }
    QCOMPARE(got.cgroups.size(), want.cgroups.size());
    for (std::size_t i = 0; i < want.cgroups.size(); ++i) {
        const CgroupUsage& g = got.cgroups[i];
        const CgroupUsage& w = want.cgroups[i];
        QCOMPARE(QString::fromStdString(g.name), QString::fromStdString(w.name));
        QCOMPARE(g.memoryMax, w.memoryMax);
        QCOMPARE(g.residentPages, w.residentPages);
        QCOMPARE(g.peakResidentPages, w.peakResidentPages);
        for (std::size_t b = 0; b < kBackendCount; ++b)
            QCOMPARE(g.swappedPages[b], w.swappedPages[b]);
        QCOMPARE(g.poolBytes, w.poolBytes);
        compareCounters(g.counters, w.counters);
        if (QTest::currentTestFailed())
            return;
    }
}

void compareRun(const RunRecord& got, const RunRecord& want) {
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.scenario, want.scenario);
    QCOMPARE(got.source, want.source);
    QCOMPARE(got.variant, want.variant);
    QCOMPARE(got.design, want.design);
    QCOMPARE(got.seed, want.seed);
    QCOMPARE(got.startedAt, want.startedAt);
    QCOMPARE(got.finishedAt.isValid(), want.finishedAt.isValid());
    QCOMPARE(got.status, want.status);
    QCOMPARE(got.error, want.error);
    QCOMPARE(got.reportJson, want.reportJson);
    QCOMPARE(got.host, want.host);
    QCOMPARE(got.version, want.version);
    QCOMPARE(got.sampleCount, want.sampleCount);
}

RunRecord makeRun(const QString& scenario, qint64 startMs) {
    RunRecord run;
    run.scenario = scenario;
    run.source = u":/scenarios/"_s + scenario + u".toml"_s;
    run.design = u"virtual"_s;
    run.seed = 7;
    run.startedAt = QDateTime::fromMSecsSinceEpoch(startMs, Qt::UTC);
    return run;
}

/// Rows that are valid at schema `version` (as an older swaptier would have written them):
/// one finished run with two samples; from version 2 on, tiers and cgroups for the second one.
QByteArray oldRows(int version) {
    QByteArray sql =
        "INSERT INTO runs (id, scenario, source, variant, design, seed, started_at, finished_at, status, error, "
        "report_json) VALUES (5, 'old', ':/scenarios/old.toml', 'before', 'classic', 42, 1700000000000, "
        "1700000060000, 'done', '', '{\"old\":true}');"
        "INSERT INTO samples (id, run_id, seq, elapsed_ns, round, progress, accesses, swap_outs, wall_ns) "
        "VALUES (11, 5, 0, 1000, 1, 0.5, 10, 3, 99);"
        "INSERT INTO samples (id, run_id, seq, elapsed_ns, round, progress, accesses, swap_outs, wall_ns) "
        "VALUES (12, 5, 1, 2000, 2, 1.0, 20, 6, 199);";
    if (version >= 2)
        sql += "INSERT INTO tier_samples (sample_id, position, name, backend, device, entries, original_bytes, "
               "stored_bytes, capacity_bytes) VALUES (12, 0, 'pool', 'pool', -1, 8, 32768, 9000, 1048576);"
               "INSERT INTO cgroup_samples (sample_id, position, name, memory_max, resident_pages, "
               "swapped_pool_pages, verified_pages) VALUES (12, 0, '/', NULL, 77, 8, 4);";
    return sql;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void freshFileIsMarkedAndMigrated();
    void roundTrip();
    void runsNewestFirstWithCounts();
    void finishRun_data();
    void finishRun();
    void finishRunRefusals();
    void unknownRun();
    void beginRunValidates();
    void manySamples();
    void migrateFromOlderVersion_data();
    void migrateFromOlderVersion();
    void failedMigrationLeavesFileUnchanged();
    void newerSchemaRefused();
    void notADatabase_data();
    void notADatabase();
    void foreignDatabase_data();
    void foreignDatabase();
    void emptyFileIsAdopted();
    void unwritablePlace_data();
    void unwritablePlace();

private:
    QString newPath(const QString& name) const;
    /// A history file with `runs` runs of `samples` samples each, closed again.
    QString filledHistory(const QString& name, int runs, int samples);

    QTemporaryDir m_tmp{scratchTemplate()};
    int m_files = 0;
};

QString TestHistoryStore::newPath(const QString& name) const {
    const QString dir = m_tmp.filePath(u"case-%1"_s.arg(m_files));
    QDir().mkpath(dir);
    return dir + u'/' + name;
}

QString TestHistoryStore::filledHistory(const QString& name, int runs, int samples) {
    ++m_files;
    const QString path = newPath(name);
    QString error;
    auto store = HistoryStore::open(path, &error);
    if (!store)
        return {};
    for (int r = 0; r < runs; ++r) {
        const qint64 id = store->beginRun(makeRun(u"s%1"_s.arg(r), 1'700'000'000'000 + r), &error);
        std::vector<SandboxSample> batch;
        for (int i = 0; i < samples; ++i)
            batch.push_back(makeSample(i));
        if (id == 0 || !store->appendSamples(id, batch, &error))
            return {};
    }
    return path;
}

void TestHistoryStore::initTestCase() {
    QVERIFY2(m_tmp.isValid(), qPrintable(m_tmp.errorString()));
    // The schema is a list of steps 1..kVersion, in order.
    const auto steps = HistorySchema::steps();
    QCOMPARE(int(steps.size()), HistoryStore::kSchemaVersion);
    for (std::size_t i = 0; i < steps.size(); ++i)
        QCOMPARE(steps[i].version, int(i) + 1);
}

void TestHistoryStore::freshFileIsMarkedAndMigrated() {
    ++m_files;
    const QString path = newPath(u"fresh.db"_s);
    QString error;
    {
        auto store = HistoryStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->path(), path);
        const auto runs = store->runs(&error);
        QVERIFY2(runs, qPrintable(error));
        QVERIFY(runs->empty());
        // While open, the file is in WAL mode: the WAL and its index sit next to it.
        QVERIFY(QFile::exists(path + u"-wal"_s));
    }
    RawDb raw(path);
    QVERIFY(raw.ok());
    QCOMPARE(raw.value("PRAGMA application_id"), qint64(HistorySchema::kApplicationId));
    QCOMPARE(raw.value("PRAGMA user_version"), qint64(HistoryStore::kSchemaVersion));
    QCOMPARE(raw.text("PRAGMA journal_mode"), u"wal"_s);
    for (const char* table : {"runs", "samples", "tier_samples", "cgroup_samples"})
        QVERIFY2(raw.value("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '" + QByteArray(table) +
                           "'") == 1,
                 table);
}

void TestHistoryStore::roundTrip() {
    ++m_files;
    const QString path = newPath(u"round trip.db"_s);
    RunRecord want;
    want.scenario = u"zipf-pressure"_s;
    want.source = u"/home/me/scenarios/zipf pressure.toml"_s;
    want.variant = u"pool 25% ✓"_s;
    want.design = u"classic"_s;
    want.seed = 0xFEDC'BA98'7654'3210ull; // above 2^63
    want.startedAt = QDateTime::fromMSecsSinceEpoch(1'712'345'678'901, Qt::UTC);
    want.host = u"bench-host-3"_s;
    want.version = u"0.1.0-dev"_s;

    std::vector<SandboxSample> written;
    for (int i = 0; i < 8; ++i)
        written.push_back(makeSample(i));
    QString error;
    {
        auto store = HistoryStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        want.id = store->beginRun(want, &error);
        QVERIFY2(want.id > 0, qPrintable(error));
        // Two batches: the second continues after the first.
        QVERIFY2(store->appendSamples(want.id, std::span(written).first(5), &error), qPrintable(error));
        QVERIFY2(store->appendSamples(want.id, std::span(written).subspan(5), &error), qPrintable(error));
        want.reportJson = u"{\"name\":\"zipf-pressure\",\"rounds\":12}"_s;
        QVERIFY2(store->finishRun(want.id, u"done"_s, QString(), want.reportJson, &error), qPrintable(error));
    }
    // Everything comes back from the file, not from memory.
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const auto got = store->run(want.id, &error);
    QVERIFY2(got, qPrintable(error));
    want.status = u"done"_s;
    want.finishedAt = QDateTime::currentDateTimeUtc();
    want.sampleCount = 8;
    compareRun(*got, want);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(got->finishedAt.timeSpec(), Qt::UTC);
    QCOMPARE(got->startedAt.timeSpec(), Qt::UTC);

    const auto samples = store->samples(want.id, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        compareSample((*samples)[i], written[i]);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"sample %1 differs"_s.arg(i)));
    }
}

void TestHistoryStore::runsNewestFirstWithCounts() {
    ++m_files;
    const QString path = newPath(u"order.db"_s);
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const qint64 t0 = 1'700'000'000'000;
    // Started: a at t0, b at t0+2s, c at t0+1s, d at t0+2s like b (ties go to the later id).
    const qint64 a = store->beginRun(makeRun(u"a"_s, t0), &error);
    const qint64 b = store->beginRun(makeRun(u"b"_s, t0 + 2000), &error);
    const qint64 c = store->beginRun(makeRun(u"c"_s, t0 + 1000), &error);
    const qint64 dd = store->beginRun(makeRun(u"d"_s, t0 + 2000), &error);
    QVERIFY2(a > 0 && b > 0 && c > 0 && dd > 0, qPrintable(error));
    const std::vector<SandboxSample> four{makeSample(0), makeSample(1), makeSample(2), makeSample(3)};
    QVERIFY2(store->appendSamples(b, four, &error), qPrintable(error));
    QVERIFY2(store->appendSamples(c, std::span(four).first(2), &error), qPrintable(error));
    QVERIFY2(store->appendSamples(b, std::span(four).first(1), &error), qPrintable(error));
    QVERIFY2(store->finishRun(c, u"done"_s, QString(), u"{\"big\":1}"_s, &error), qPrintable(error));

    const auto runs = store->runs(&error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), std::size_t(4));
    QList<qint64> ids;
    QList<qint64> counts;
    for (const RunRecord& run : *runs) {
        ids << run.id;
        counts << run.sampleCount;
    }
    QCOMPARE(ids, (QList<qint64>{dd, b, c, a}));
    QCOMPARE(counts, (QList<qint64>{0, 5, 2, 0}));
    QCOMPARE((*runs)[1].scenario, u"b"_s);
    QCOMPARE((*runs)[2].status, u"done"_s);
    QCOMPARE((*runs)[3].status, u"running"_s);
    // The listing leaves out the reports (documented); run() has them.
    QVERIFY((*runs)[2].reportJson.isEmpty());
    QCOMPARE(store->run(c, &error)->reportJson, u"{\"big\":1}"_s);
    QCOMPARE(store->run(b, &error)->sampleCount, 5);
}

void TestHistoryStore::finishRun_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("done") << u"done"_s << QString();
    QTest::newRow("failed") << u"failed"_s << u"swap-in of slot 12 returned different bytes"_s;
    QTest::newRow("cancelled") << u"cancelled"_s << QString();
}

void TestHistoryStore::finishRun() {
    QFETCH(QString, status);
    QFETCH(QString, error);
    ++m_files;
    const QString path = newPath(u"finish.db"_s);
    QString message;
    auto store = HistoryStore::open(path, &message);
    QVERIFY2(store, qPrintable(message));
    const qint64 id = store->beginRun(makeRun(u"f"_s, 1'700'000'000'000), &message);
    QVERIFY2(id > 0, qPrintable(message));
    QVERIFY(!store->run(id, &message)->finishedAt.isValid());
    QCOMPARE(store->run(id, &message)->status, u"running"_s);

    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY2(store->finishRun(id, status, error, u"{}"_s, &message), qPrintable(message));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
    const auto run = store->run(id, &message);
    QVERIFY2(run, qPrintable(message));
    QCOMPARE(run->status, status);
    QCOMPARE(run->error, error);
    QCOMPARE(run->reportJson, u"{}"_s);
    QVERIFY(run->finishedAt.isValid());
    QVERIFY2(run->finishedAt >= before && run->finishedAt <= after, qPrintable(run->finishedAt.toString(Qt::ISODateWithMs)));
}

void TestHistoryStore::finishRunRefusals() {
    ++m_files;
    const QString path = newPath(u"refusals.db"_s);
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const qint64 id = store->beginRun(makeRun(u"r"_s, 1'700'000'000'000), &error);
    QVERIFY2(id > 0, qPrintable(error));

    QVERIFY(!store->finishRun(id, u"running"_s, QString(), QString(), &error));
    QVERIFY2(error.contains(path) && error.contains(u"running"_s), qPrintable(error));
    QVERIFY(!store->finishRun(id, u"exploded"_s, QString(), QString(), &error));
    QVERIFY2(error.contains(u"exploded"_s), qPrintable(error));
    QCOMPARE(store->run(id, &error)->status, u"running"_s); // nothing changed

    QVERIFY2(store->finishRun(id, u"done"_s, QString(), u"{\"first\":1}"_s, &error), qPrintable(error));
    QVERIFY(!store->finishRun(id, u"failed"_s, u"late"_s, QString(), &error));
    QVERIFY2(error.contains(u"already finished"_s) && error.contains(path), qPrintable(error));
    QCOMPARE(store->run(id, &error)->reportJson, u"{\"first\":1}"_s);
    QCOMPARE(store->run(id, &error)->status, u"done"_s);
}

void TestHistoryStore::unknownRun() {
    ++m_files;
    const QString path = newPath(u"unknown.db"_s);
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const QString expected = u"no run 999 in %1"_s.arg(path);

    QVERIFY(!store->run(999, &error));
    QCOMPARE(error, expected);
    error.clear();
    QVERIFY(!store->samples(999, &error));
    QCOMPARE(error, expected);
    error.clear();
    const std::vector<SandboxSample> one{makeSample(1)};
    QVERIFY(!store->appendSamples(999, one, &error));
    QCOMPARE(error, expected);
    error.clear();
    QVERIFY(!store->finishRun(999, u"done"_s, QString(), QString(), &error));
    QCOMPARE(error, expected);
    // Nothing was written by the refused append, and the store still works.
    const qint64 id = store->beginRun(makeRun(u"after"_s, 1), &error);
    QVERIFY2(id > 0, qPrintable(error));
    QCOMPARE(store->samples(id, &error)->size(), std::size_t(0));
}

void TestHistoryStore::beginRunValidates() {
    ++m_files;
    const QString path = newPath(u"validate.db"_s);
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    RunRecord run = makeRun(u"v"_s, 1);
    run.design = u"hybrid"_s;
    QCOMPARE(store->beginRun(run, &error), 0);
    QVERIFY2(error.contains(u"hybrid"_s) && error.contains(path), qPrintable(error));
    run.design = u"virtual"_s;
    run.status = u"paused"_s;
    QCOMPARE(store->beginRun(run, &error), 0);
    QVERIFY2(error.contains(u"paused"_s), qPrintable(error));
    QCOMPARE(store->runs(&error)->size(), std::size_t(0));
    // No start time: now.
    run.status.clear();
    run.startedAt = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const qint64 id = store->beginRun(run, &error);
    QVERIFY2(id > 0, qPrintable(error));
    QVERIFY(store->run(id, &error)->startedAt >= before);
}

void TestHistoryStore::manySamples() {
    ++m_files;
    const QString path = newPath(u"many.db"_s);
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const qint64 id = store->beginRun(makeRun(u"many"_s, 1), &error);
    QVERIFY2(id > 0, qPrintable(error));
    constexpr int kBatches = 100;
    constexpr int kBatch = 64;
    std::vector<SandboxSample> batch(kBatch);
    const auto start = std::chrono::steady_clock::now();
    for (int b = 0; b < kBatches; ++b) {
        for (int i = 0; i < kBatch; ++i)
            batch[std::size_t(i)] = makeSample(b * kBatch + i);
        QVERIFY2(store->appendSamples(id, batch, &error), qPrintable(error));
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    qInfo("%d samples (4 tiers, 3 cgroups each) in %.3f s: %.0f samples/s", kBatches * kBatch, seconds,
          kBatches * kBatch / seconds);
    const auto samples = store->samples(id, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), std::size_t(kBatches * kBatch));
    for (int i : {0, 63, 64, 4000, kBatches * kBatch - 1}) {
        compareSample((*samples)[std::size_t(i)], makeSample(i));
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"sample %1 differs"_s.arg(i)));
    }
}

void TestHistoryStore::migrateFromOlderVersion_data() {
    QTest::addColumn<int>("version");
    for (int v = 1; v < HistoryStore::kSchemaVersion; ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestHistoryStore::migrateFromOlderVersion() {
    QFETCH(int, version);
    ++m_files;
    const QString path = newPath(u"old.db"_s);
    {
        // The database an older swaptier wrote: only the first `version` steps, by the same code.
        RawDb raw(path);
        QVERIFY(raw.ok());
        QString error;
        QVERIFY2(HistorySchema::migrate(raw.handle(), version, &error), qPrintable(error));
        QCOMPARE(raw.value("PRAGMA user_version"), qint64(version));
        QCOMPARE(raw.value("PRAGMA application_id"), qint64(HistorySchema::kApplicationId));
        const QString failed = raw.exec(oldRows(version));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // Tables of later steps do not exist yet.
        if (version < 2)
            QCOMPARE(raw.value("SELECT count(*) FROM sqlite_schema WHERE name = 'tier_samples'"), 0);
    }

    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    const auto run = store->run(5, &error);
    QVERIFY2(run, qPrintable(error));
    QCOMPARE(run->scenario, u"old"_s);
    QCOMPARE(run->source, u":/scenarios/old.toml"_s);
    QCOMPARE(run->variant, u"before"_s);
    QCOMPARE(run->design, u"classic"_s);
    QCOMPARE(run->seed, quint64(42));
    QCOMPARE(run->startedAt, QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC));
    QCOMPARE(run->finishedAt, QDateTime::fromMSecsSinceEpoch(1'700'000'060'000, Qt::UTC));
    QCOMPARE(run->status, u"done"_s);
    QCOMPARE(run->reportJson, u"{\"old\":true}"_s);
    QCOMPARE(run->host, QString()); // columns added later read as empty
    QCOMPARE(run->version, QString());
    QCOMPARE(run->sampleCount, 2);

    auto samples = store->samples(5, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), std::size_t(2));
    QCOMPARE((*samples)[0].counters.accesses, 10u);
    QCOMPARE((*samples)[1].counters.accesses, 20u);
    QCOMPARE((*samples)[1].counters.swapOuts, 6u);
    QCOMPARE((*samples)[1].figures.wallNanos, 199u);
    QCOMPARE((*samples)[1].figures.poolWritebacks, 0u); // recorded before v4: none counted
    QCOMPARE((*samples)[1].progress, 1.0);
    if (version >= 2) {
        QCOMPARE((*samples)[1].tiers.size(), std::size_t(1));
        QCOMPARE((*samples)[1].tiers[0].storedBytes, 9000u);
        QCOMPARE((*samples)[1].tiers[0].tier, std::string()); // recorded before v4: no tier
        QCOMPARE((*samples)[1].cgroups.size(), std::size_t(1));
        QCOMPARE((*samples)[1].cgroups[0].memoryMax, kNoLimit);
        QCOMPARE((*samples)[1].cgroups[0].swappedPages[std::size_t(Backend::Pool)], 8u);
        QCOMPARE((*samples)[1].cgroups[0].counters.verifiedPages, 4u);
    } else {
        QVERIFY((*samples)[1].tiers.empty());
    }

    // The new tables and columns work on the migrated file: the old run gets a full sample
    // after its two, and a new run keeps its host and version.
    const SandboxSample full = makeSample(3);
    QVERIFY2(store->appendSamples(5, std::span(&full, 1), &error), qPrintable(error));
    samples = store->samples(5, &error);
    QVERIFY2(samples, qPrintable(error));
    QCOMPARE(samples->size(), std::size_t(3));
    compareSample((*samples)[2], full);
    if (QTest::currentTestFailed())
        return;
    RunRecord fresh = makeRun(u"new"_s, 1'800'000'000'000);
    fresh.host = u"h"_s;
    fresh.version = u"9.9"_s;
    const qint64 id = store->beginRun(fresh, &error);
    QVERIFY2(id > 5, qPrintable(error)); // ids continue after the old ones
    QCOMPARE(store->run(id, &error)->host, u"h"_s);
    QCOMPARE(store->run(id, &error)->version, u"9.9"_s);
    QCOMPARE(store->runs(&error)->front().id, id);
    store.reset();

    RawDb raw(path);
    QCOMPARE(raw.value("PRAGMA user_version"), qint64(HistoryStore::kSchemaVersion));
}

void TestHistoryStore::failedMigrationLeavesFileUnchanged() {
    ++m_files;
    const QString path = newPath(u"conflict.db"_s);
    {
        // Version 1, plus an index that makes the last step fail after the ones before it have
        // created their tables: the whole migration must be undone.
        RawDb raw(path);
        QString error;
        QVERIFY2(HistorySchema::migrate(raw.handle(), 1, &error), qPrintable(error));
        const QString failed = raw.exec(oldRows(1) + "CREATE INDEX runs_by_start ON runs (scenario);");
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());

    QString error;
    QVERIFY(!HistoryStore::open(path, &error));
    QVERIFY2(error.startsWith(path) && error.contains(u"step 3"_s) && error.contains(u"runs_by_start"_s),
             qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(entries(QFileInfo(path).path()), QStringList{u"conflict.db"_s});
    RawDb raw(path);
    QCOMPARE(raw.value("PRAGMA user_version"), 1);
    QCOMPARE(raw.value("SELECT count(*) FROM sqlite_schema WHERE name = 'tier_samples'"), 0);
}

void TestHistoryStore::newerSchemaRefused() {
    ++m_files;
    const QString path = newPath(u"newer.db"_s);
    {
        RawDb raw(path);
        QString error;
        QVERIFY2(HistorySchema::migrate(raw.handle(), HistoryStore::kSchemaVersion, &error), qPrintable(error));
        const QString failed =
            raw.exec(oldRows(HistoryStore::kSchemaVersion) + "PRAGMA user_version = " +
                     QByteArray::number(HistoryStore::kSchemaVersion + 1) + ";");
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    const QByteArray before = readAll(path);
    QString error;
    QVERIFY(!HistoryStore::open(path, &error));
    QVERIFY2(error.startsWith(path) && error.contains(u"newer"_s) &&
                 error.contains(QString::number(HistoryStore::kSchemaVersion + 1)),
             qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(entries(QFileInfo(path).path()), QStringList{u"newer.db"_s});
    // migrate() itself refuses to go backwards.
    RawDb raw(path);
    QVERIFY(!HistorySchema::migrate(raw.handle(), HistoryStore::kSchemaVersion, &error));
    QVERIFY2(error.contains(u"newer"_s), qPrintable(error));
}

void TestHistoryStore::notADatabase_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // part of the message
    QTest::newRow("text file") << u"text"_s << u"not a swaptier history database: file is not a database"_s;
    QTest::newRow("random bytes") << u"random"_s << u"not a swaptier history database: file is not a database"_s;
    QTest::newRow("torn header") << u"header"_s << u"damaged"_s;
    QTest::newRow("truncated to its first pages") << u"pages"_s << u"damaged"_s;
    QTest::newRow("truncated in the middle") << u"half"_s << u"damaged"_s;
    QTest::newRow("swaptier header, table dropped") << u"dropped"_s << u"damaged (table cgroup_samples)"_s;
}

void TestHistoryStore::notADatabase() {
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path;
    if (kind == u"text") {
        ++m_files;
        path = newPath(u"notes.txt"_s);
        QVERIFY(writeFile(path, "Shopping list\n- swap space\n- more swap space\n"));
    } else if (kind == u"random") {
        ++m_files;
        path = newPath(u"noise.db"_s);
        QByteArray bytes(16384, '\0');
        QRandomGenerator generator(20240611);
        for (char& c : bytes)
            c = char(generator.bounded(256));
        QVERIFY(writeFile(path, bytes));
    } else if (kind == u"dropped") {
        ++m_files;
        path = newPath(u"dropped.db"_s);
        RawDb raw(path);
        QString error;
        QVERIFY2(HistorySchema::migrate(raw.handle(), HistoryStore::kSchemaVersion, &error), qPrintable(error));
        QVERIFY(raw.exec("DROP TABLE cgroup_samples").isEmpty());
    } else {
        // A real history cut short: within the 100-byte header, or after its first pages.
        path = filledHistory(u"cut.db"_s, 3, 200);
        QVERIFY(!path.isEmpty());
        const QByteArray whole = readAll(path);
        QVERIFY(whole.size() > 64 * 1024);
        const qsizetype keep = kind == u"header" ? 60 : kind == u"pages" ? 3 * 4096 : whole.size() / 2;
        QVERIFY(writeFile(path, whole.left(keep)));
    }
    const QByteArray before = readAll(path);
    const QStringList filesBefore = entries(QFileInfo(path).path());

    QString error;
    QVERIFY(!HistoryStore::open(path, &error));
    QVERIFY2(error.startsWith(path + u':') && error.contains(expected), qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(entries(QFileInfo(path).path()), filesBefore);
}

void TestHistoryStore::foreignDatabase_data() {
    QTest::addColumn<int>("applicationId");
    QTest::newRow("another application_id") << 0x46534c31; // "FSL1"
    QTest::newRow("no application_id") << 0;
}

void TestHistoryStore::foreignDatabase() {
    QFETCH(int, applicationId);
    ++m_files;
    const QString path = newPath(u"someone else.db"_s);
    {
        RawDb raw(path);
        const QString failed = raw.exec("PRAGMA application_id = " + QByteArray::number(applicationId) +
                                        "; CREATE TABLE contacts (name TEXT, phone TEXT);"
                                        "INSERT INTO contacts VALUES ('Ada', '+44 1234');");
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }
    const QByteArray before = readAll(path);
    QString error;
    QVERIFY(!HistoryStore::open(path, &error));
    QVERIFY2(error.startsWith(path) && error.contains(u"not a swaptier history database"_s) &&
                 error.contains(u"another application"_s),
             qPrintable(error));
    QCOMPARE(readAll(path), before);
    QCOMPARE(entries(QFileInfo(path).path()), QStringList{u"someone else.db"_s});
}

void TestHistoryStore::emptyFileIsAdopted() {
    // An empty file is an empty sqlite database: it becomes a history (touch FILE; run --db FILE).
    ++m_files;
    const QString path = newPath(u"empty.db"_s);
    QVERIFY(writeFile(path, QByteArray()));
    QString error;
    auto store = HistoryStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->beginRun(makeRun(u"e"_s, 1), &error) > 0);
    store.reset();
    RawDb raw(path);
    QCOMPARE(raw.value("PRAGMA application_id"), qint64(HistorySchema::kApplicationId));
}

void TestHistoryStore::unwritablePlace_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("missing directory") << u"missing"_s;
    QTest::newRow("path through a regular file") << u"through-file"_s;
    QTest::newRow("path is a directory") << u"directory"_s;
    QTest::newRow("directory of /proc") << u"proc"_s;
    QTest::newRow("read-only directory") << u"ro-dir"_s;
    QTest::newRow("history in a read-only directory") << u"ro-dir-existing"_s;
    QTest::newRow("read-only file") << u"ro-file"_s;
}

void TestHistoryStore::unwritablePlace() {
    QFETCH(QString, kind);
    ++m_files;
    QString dir = QFileInfo(newPath(u"x"_s)).path();
    QString path;
    if (kind == u"missing") {
        path = dir + u"/no such dir/history.db"_s;
    } else if (kind == u"through-file") {
        QVERIFY(writeFile(dir + u"/plain"_s, "x"));
        path = dir + u"/plain/history.db"_s;
    } else if (kind == u"directory") {
        path = dir;
    } else if (kind == u"proc") {
        path = u"/proc/swaptier-history-test.db"_s; // no one, root included, creates files there
    } else {
        if (geteuid() == 0)
            QSKIP("running as root: file permissions do not stop root from writing (the /proc row covers an "
                  "unwritable directory)");
        if (kind == u"ro-dir") {
            path = dir + u"/history.db"_s;
        } else {
            path = filledHistory(u"ro.db"_s, 1, 2);
            dir = QFileInfo(path).path();
        }
        if (kind == u"ro-file")
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
        else // sqlite cannot create its WAL and journal files next to the file
            QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
    }
    const QStringList before = entries(dir);
    QString error;
    const auto store = HistoryStore::open(path, &error);
    if (kind.startsWith(u"ro-dir"))
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!store);
    QVERIFY2(error.startsWith(path + u':'), qPrintable(error));
    QVERIFY2(error.size() > path.size() + 10, qPrintable(error)); // and says why
    QCOMPARE(entries(dir), before);
    QVERIFY(!QFile::exists(u"/proc/swaptier-history-test.db"_s));
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
