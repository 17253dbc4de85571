// SPDX-License-Identifier: GPL-3.0-or-later
// swaptierctl's scenario commands end to end, through the built binary: exit codes (0 success,
// 1 runtime failure, 2 bad usage or invalid scenario), run with --json and --db, history
// re-reading what run recorded, compare with the swapoff curve, metrics writing a textfile,
// scenarios listing and printing the built-ins, clear errors for broken databases, and actions
// added with --action (reported by run, compared by compare, refused with status 2 when bad).
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#ifndef SWAPTIERCTL_PATH
#error "SWAPTIERCTL_PATH must name the built swaptierctl (set in tests/services/CMakeLists.txt)"
#endif

namespace {

struct Ran {
    int exitCode = -1;
    QString out;
    QString err;
};

Ran swaptierctl(const QStringList& args, int timeoutMs = 240000) {
    QProcess p;
    p.start(QStringLiteral(SWAPTIERCTL_PATH), args);
    Ran r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + QStringLiteral("/tst-swaptierctl-XXXXXX"));
    }
    return QTemporaryDir();
}

/// A small scenario: 2 threads write 4 MiB each twice under a 4 MiB limit, pool and one device.
const char* const kSmallScenario = R"(format = 1
name = "small"
description = "two writers under a limit"
seed = 5
sample_interval = "20ms"
[pool]
codec = "lz4"
limit = "2M"
[[device]]
name = "disk"
size = "64M"
priority = 5
io = "buffered"
[[cgroup]]
name = "work"
memory_max = "4M"
[[workload]]
name = "writers"
kind = "sequential"
cgroup = "work"
threads = 2
size = "4M"
passes = 2
)";

/// The swapoff case with a sweep over the mapped area.
const char* const kSwapoffScenario = R"(format = 1
name = "small-swapoff"
seed = 2
sample_interval = 0
[pool]
enabled = false
[[device]]
name = "swap"
size = "8M"
io = "buffered"
[[cgroup]]
name = "swapped"
memory_max = "1M"
[[workload]]
name = "filler"
kind = "sequential"
cgroup = "swapped"
size = "4M"
[[workload]]
name = "mapper"
kind = "sequential"
size = "4M"
[[action]]
at = "end"
kind = "swapoff"
device = "swap"
[sweep]
key = "workload.mapper.size"
values = ["4M", "16M"]
label = "mapped"
)";

/// kSmallScenario with a second device at the same priority but direct I/O: an equal-priority
/// warning for lint.
QByteArray lintWarningScenario() {
    return QByteArray(kSmallScenario)
           + "[[device]]\nname = \"fast\"\nsize = \"64M\"\npriority = 5\nio = \"direct\"\n";
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

class TestSwaptierctl : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void invalidScenarioRunsNothing();
    void runRecordsAndHistoryRereads();
    void brokenDatabases_data();
    void brokenDatabases();
    void compareShowsSwapoffCurve();
    void metricsWritesTextfile();
    void scenariosListsBuiltins();
    void helpDescribesActions();
    void invalidActionRunsNothing();
    void runWithActions();
    void compareWithAction();
    void runWithAddedDevice();
    void tierPoliciesBuiltinRuns();
    void lintExitCodes_data();
    void lintExitCodes();
    void lintJson();
};

void TestSwaptierctl::initTestCase() {
    QVERIFY2(QFile::exists(QStringLiteral(SWAPTIERCTL_PATH)), SWAPTIERCTL_PATH);
}

void TestSwaptierctl::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("errFragment");
    QTest::newRow("no command") << QStringList{} << 2 << QStringLiteral("no command");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2 << QStringLiteral("unknown command");
    QTest::newRow("run without scenario") << QStringList{QStringLiteral("run")} << 2 << QStringLiteral("no scenario");
    QTest::newRow("run bad design") << QStringList{QStringLiteral("run"), QStringLiteral("usemem"), QStringLiteral("--design"),
                                                   QStringLiteral("quantum")}
                                    << 2 << QStringLiteral("unknown design");
    QTest::newRow("run bad seed") << QStringList{QStringLiteral("run"), QStringLiteral("usemem"), QStringLiteral("--seed"),
                                                 QStringLiteral("x")}
                                  << 2 << QStringLiteral("--seed");
    QTest::newRow("missing built-in") << QStringList{QStringLiteral("run"), QStringLiteral("no-such-scenario")} << 2
                                      << QStringLiteral("no-such-scenario");
    QTest::newRow("history without db") << QStringList{QStringLiteral("history")} << 2 << QStringLiteral("--db");
    QTest::newRow("history missing file") << QStringList{QStringLiteral("history"), QStringLiteral("--db"),
                                                         QStringLiteral("/nonexistent/h.db")}
                                          << 1 << QStringLiteral("/nonexistent/h.db");
    QTest::newRow("metrics without dir") << QStringList{QStringLiteral("metrics"), QStringLiteral("usemem")} << 2
                                         << QStringLiteral("--textfile");
    QTest::newRow("metrics missing dir") << QStringList{QStringLiteral("metrics"), QStringLiteral("--textfile"),
                                                        QStringLiteral("/nonexistent/dir"), QStringLiteral("usemem")}
                                         << 1 << QStringLiteral("/nonexistent/dir");
    QTest::newRow("run bad --action value")
        << QStringList{QStringLiteral("run"), QStringLiteral("usemem"), QStringLiteral("--action"),
                       QStringLiteral("writeback batch_pages=0")}
        << 2 << QStringLiteral("invalid --action \"writeback batch_pages=0\": at 'batch_pages=0': 'batch_pages' in --action must be between 1 and 512, not 0");
    QTest::newRow("compare bad --action kind")
        << QStringList{QStringLiteral("compare"), QStringLiteral("usemem"), QStringLiteral("--action"),
                       QStringLiteral("writebak")}
        << 2 << QStringLiteral("did you mean \"writeback\"?");
    QTest::newRow("--action without a value")
        << QStringList{QStringLiteral("run"), QStringLiteral("usemem"), QStringLiteral("--action")} << 2
        << QStringLiteral("--action");
    QTest::newRow("lint without scenario") << QStringList{QStringLiteral("lint")} << 2
                                           << QStringLiteral("no scenario");
    QTest::newRow("lint missing built-in") << QStringList{QStringLiteral("lint"), QStringLiteral("no-such-scenario")}
                                           << 2 << QStringLiteral("no-such-scenario");
    QTest::newRow("lint unknown variant") << QStringList{QStringLiteral("lint"), QStringLiteral("swapoff"),
                                                         QStringLiteral("--variant"), QStringLiteral("7M")}
                                          << 2 << QStringLiteral("no variant \"7M\"");
    QTest::newRow("scenarios unknown") << QStringList{QStringLiteral("scenarios"), QStringLiteral("nope")} << 2
                                       << QStringLiteral("nope");
}

void TestSwaptierctl::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, errFragment);
    const Ran r = swaptierctl(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(errFragment), qPrintable(r.err));
}

void TestSwaptierctl::invalidScenarioRunsNothing() {
    QTemporaryDir dir = makeScratchDir();
    QByteArray text(kSmallScenario);
    text.replace("priority = 5", "prioity = 5");
    const QString path = writeFile(dir, QStringLiteral("bad.toml"), text);
    const QString devices = dir.filePath(QStringLiteral("devices"));
    const Ran r = swaptierctl({QStringLiteral("run"), path, QStringLiteral("--device-dir"), devices,
                               QStringLiteral("--db"), dir.filePath(QStringLiteral("h.db"))});
    QCOMPARE(r.exitCode, 2);
    // file:line:column of the misspelt key, and nothing created.
    QVERIFY2(r.err.contains(path + QStringLiteral(":12:1")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("prioity")), qPrintable(r.err));
    QVERIFY(QDir(devices).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("h.db"))));
}

void TestSwaptierctl::runRecordsAndHistoryRereads() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const QString db = dir.filePath(QStringLiteral("history.db"));
    const QString json = dir.filePath(QStringLiteral("report.json"));
    const Ran r = swaptierctl({QStringLiteral("run"), scenario, QStringLiteral("--db"), db, QStringLiteral("--json"), json});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("small (virtual design)")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("0 entries left")));

    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(report.value(QStringLiteral("kind")).toString(), QStringLiteral("run"));
    QCOMPARE(report.value(QStringLiteral("design")).toString(), QStringLiteral("virtual"));
    QCOMPARE(report.value(QStringLiteral("format")).toInt(), 1);
    QVERIFY(!report.value(QStringLiteral("final")).toObject().value(QStringLiteral("tiers")).toArray().isEmpty());

    // A second run in the other design goes into the same history.
    const Ran classic = swaptierctl({QStringLiteral("run"), scenario, QStringLiteral("--db"), db,
                                     QStringLiteral("--design"), QStringLiteral("classic"), QStringLiteral("-q")});
    QVERIFY2(classic.exitCode == 0, qPrintable(classic.err));
    QVERIFY(classic.err.isEmpty());

    const Ran list = swaptierctl({QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json")});
    QVERIFY2(list.exitCode == 0, qPrintable(list.err));
    const QJsonArray runs = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs.at(0).toObject().value(QStringLiteral("design")).toString(), QStringLiteral("classic"));
    QCOMPARE(runs.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("done"));
    const int firstId = runs.at(1).toObject().value(QStringLiteral("id")).toInt();
    QVERIFY(runs.at(1).toObject().value(QStringLiteral("samples")).toInt() >= 2);

    const Ran one = swaptierctl({QStringLiteral("history"), QStringLiteral("--db"), db, QString::number(firstId),
                                 QStringLiteral("--json")});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    const QJsonObject stored = QJsonDocument::fromJson(one.out.toUtf8()).object();
    const QJsonArray samples = stored.value(QStringLiteral("samples")).toArray();
    QVERIFY(samples.size() >= 2);
    // The last sample recorded is the final state of the run: same accesses as the report.
    const double lastAccesses = samples.last().toObject().value(QStringLiteral("counters")).toObject()
                                    .value(QStringLiteral("accesses")).toDouble();
    const double reportAccesses = report.value(QStringLiteral("final")).toObject().value(QStringLiteral("counters"))
                                      .toObject().value(QStringLiteral("accesses")).toDouble();
    QCOMPARE(lastAccesses, reportAccesses);
    QCOMPARE(stored.value(QStringLiteral("report")).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("run"));

    const Ran text = swaptierctl({QStringLiteral("history"), QStringLiteral("--db"), db});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY(text.out.contains(QStringLiteral("small")));
    const Ran missing = swaptierctl({QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("999")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("999")), qPrintable(missing.err));
}

void TestSwaptierctl::brokenDatabases_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("text file") << QByteArray("this is not a database\n");
    QTest::newRow("random bytes") << QByteArray(8192, '\x5a');
    QByteArray truncated("SQLite format 3");
    truncated.append('\0');
    truncated.append(QByteArray(40, '\x01'));
    QTest::newRow("truncated sqlite header") << truncated;
}

void TestSwaptierctl::brokenDatabases() {
    QFETCH(QByteArray, content);
    QTemporaryDir dir = makeScratchDir();
    const QString db = writeFile(dir, QStringLiteral("broken.db"), content);
    const Ran list = swaptierctl({QStringLiteral("history"), QStringLiteral("--db"), db});
    QCOMPARE(list.exitCode, 1);
    QVERIFY2(list.err.contains(db), qPrintable(list.err));
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const Ran run = swaptierctl({QStringLiteral("run"), scenario, QStringLiteral("--db"), db, QStringLiteral("-q")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(db), qPrintable(run.err));
    // The file is left as it was.
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), content);
}

void TestSwaptierctl::compareShowsSwapoffCurve() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("swapoff.toml"), kSwapoffScenario);
    const QString json = dir.filePath(QStringLiteral("compare.json"));
    const Ran r = swaptierctl({QStringLiteral("compare"), scenario, QStringLiteral("--json"), json, QStringLiteral("-q")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("swapoff page-table entries walked")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Swapoff cost as the mapped area grows")), qPrintable(r.out));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(doc.value(QStringLiteral("kind")).toString(), QStringLiteral("compare"));
    const QJsonArray variants = doc.value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 2);
    // The classic walk grows with the mapped area; the virtual design walks nothing.
    const auto walked = [&](int i, const char* design) {
        return variants.at(i).toObject().value(QLatin1String(design)).toObject().value(QStringLiteral("swapoffs"))
            .toArray().at(0).toObject().value(QStringLiteral("ptes_visited")).toDouble(-1);
    };
    QCOMPARE(walked(0, "virtual"), 0.0);
    QCOMPARE(walked(1, "virtual"), 0.0);
    QCOMPARE(walked(0, "classic"), double(1024 + 1024));
    QCOMPARE(walked(1, "classic"), double(1024 + 4096));
}

void TestSwaptierctl::metricsWritesTextfile() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const QString textfiles = dir.filePath(QStringLiteral("textfile"));
    QVERIFY(QDir().mkpath(textfiles));
    const Ran r = swaptierctl({QStringLiteral("metrics"), QStringLiteral("--textfile"), textfiles, scenario,
                               QStringLiteral("-q")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(QDir(textfiles).filePath(QStringLiteral("swaptier.prom")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY2(text.contains(QStringLiteral("swaptier_tier_entries{")), qPrintable(text.left(400)));
    QVERIFY(text.contains(QStringLiteral("cgroup=\"work\"")));
    QVERIFY(text.contains(QStringLiteral("scenario=\"small\"")));
    // Only the final file is left: no temporary beside it.
    QCOMPARE(QDir(textfiles).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("swaptier.prom")});
}

void TestSwaptierctl::scenariosListsBuiltins() {
    const Ran list = swaptierctl({QStringLiteral("scenarios")});
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.out.contains(QStringLiteral("usemem")), qPrintable(list.out));
    QVERIFY(list.out.contains(QStringLiteral("swapoff")));
    const Ran one = swaptierctl({QStringLiteral("scenarios"), QStringLiteral("usemem")});
    QCOMPARE(one.exitCode, 0);
    QVERIFY(one.out.contains(QStringLiteral("format = 1")));
}

void TestSwaptierctl::helpDescribesActions() {
    for (const QString& command : {QStringLiteral("run"), QStringLiteral("compare")}) {
        const Ran r = swaptierctl({command, QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("--action <spec>")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("--action \"writeback cgroup=/batch at=50% max_pages=4096\"")),
                 qPrintable(r.out));
    }
}

void TestSwaptierctl::invalidActionRunsNothing() {
    QTemporaryDir dir = makeScratchDir();
    const QString path = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const QString devices = dir.filePath(QStringLiteral("devices"));
    const Ran r = swaptierctl({QStringLiteral("run"), path, QStringLiteral("--device-dir"), devices,
                               QStringLiteral("--db"), dir.filePath(QStringLiteral("h.db")), QStringLiteral("--action"),
                               QStringLiteral("compact-pool"), QStringLiteral("--action"),
                               QStringLiteral("writeback cgroup=/wrk max_pages=16")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("at 'cgroup=/wrk': unknown cgroup '/wrk' in --action, did you mean "
                                           "'/work'? (cgroups: /, work)")),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QVERIFY(QDir(devices).isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("h.db"))));
}

void TestSwaptierctl::runWithActions() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const QString json = dir.filePath(QStringLiteral("report.json"));
    const Ran r = swaptierctl({QStringLiteral("run"), scenario, QStringLiteral("-q"), QStringLiteral("--json"), json,
                               QStringLiteral("--action"), QStringLiteral("writeback cgroup=/work at=50% max-pages=256"),
                               QStringLiteral("--action"), QStringLiteral("compact-pool")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Actions:")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("1. writeback")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("2. compact-pool")), qPrintable(r.out));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray actions = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("actions")).toArray();
    QCOMPARE(actions.size(), 2);
    const QJsonObject writeback = actions.at(0).toObject();
    QCOMPARE(writeback.value(QStringLiteral("kind")).toString(), QStringLiteral("writeback"));
    QCOMPARE(writeback.value(QStringLiteral("at")).toDouble(), 0.5);
    QVERIFY2(writeback.value(QStringLiteral("error")).isNull(), qPrintable(r.out));
    // At most the 256 pages asked for, each written to the device.
    const double written = writeback.value(QStringLiteral("pages_written")).toDouble(-1);
    QVERIFY(written >= 0 && written <= 256);
    QCOMPARE(actions.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("compact-pool"));
}

void TestSwaptierctl::compareWithAction() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const Ran r = swaptierctl({QStringLiteral("compare"), scenario, QStringLiteral("-q"), QStringLiteral("--action"),
                               QStringLiteral("writeback cgroup=/work at=50%")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("Action 1: writeback at 50%")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("disk reserved before -> after")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("page-table entries walked")), qPrintable(r.out));
}

// An --action add-device creates a swapfile in the device directory at 30%; a second --action
// names it for a swapoff at 80%, which deletes the file. The report has the device's index, its
// row under its name with its traffic, and the text report the pages in and out of each place.
void TestSwaptierctl::runWithAddedDevice() {
    QTemporaryDir dir = makeScratchDir();
    const QString scenario = writeFile(dir, QStringLiteral("small.toml"), kSmallScenario);
    const QString json = dir.filePath(QStringLiteral("report.json"));
    const QString devices = dir.filePath(QStringLiteral("devices"));
    const Ran r = swaptierctl({QStringLiteral("run"), scenario, QStringLiteral("-q"), QStringLiteral("--json"), json,
                               QStringLiteral("--device-dir"), devices, QStringLiteral("--action"),
                               QStringLiteral("add-device name=extra size=16M priority=9 at=30%"),
                               QStringLiteral("--action"), QStringLiteral("swapoff device=extra at=80%")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("1. add-device (device 1)")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("pages in")) && r.out.contains(QStringLiteral("pages out")), qPrintable(r.out));
    QVERIFY(!QFile::exists(QDir(devices).filePath(QStringLiteral("extra.swap"))));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject report = QJsonDocument::fromJson(f.readAll()).object();
    const QJsonArray actions = report.value(QStringLiteral("actions")).toArray();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("add-device"));
    QCOMPARE(actions.at(0).toObject().value(QStringLiteral("device")).toInt(-1), 1);
    QVERIFY(actions.at(0).toObject().value(QStringLiteral("error")).isNull());
    QCOMPARE(actions.at(1).toObject().value(QStringLiteral("device")).toInt(-1), 1);
    QVERIFY2(actions.at(1).toObject().value(QStringLiteral("error")).isNull(), qPrintable(r.out));
    const QJsonArray tiers = report.value(QStringLiteral("final")).toObject().value(QStringLiteral("tiers")).toArray();
    QCOMPARE(tiers.size(), 5); // zero, pool, memory, disk, extra
    for (const QJsonValue& t : tiers)
        QVERIFY(t.toObject().value(QStringLiteral("pages_in")).isDouble()
                && t.toObject().value(QStringLiteral("pages_out")).isDouble());
    const QJsonObject extra = tiers.at(4).toObject();
    QCOMPARE(extra.value(QStringLiteral("name")).toString(), QStringLiteral("extra"));
    QCOMPARE(extra.value(QStringLiteral("path")).toString(), QDir(devices).filePath(QStringLiteral("extra.swap")));
    QCOMPARE(extra.value(QStringLiteral("device")).toInt(-1), 1);
    QVERIFY(extra.value(QStringLiteral("swapped_off")).toBool());
    QVERIFY(extra.value(QStringLiteral("pages_out")).toDouble() > 0);
}

void TestSwaptierctl::tierPoliciesBuiltinRuns() {
    QTemporaryDir dir = makeScratchDir();
    const QString json = dir.filePath(QStringLiteral("report.json"));
    const Ran r = swaptierctl({QStringLiteral("run"), QStringLiteral("tier-policies"), QStringLiteral("-q"),
                               QStringLiteral("--json"), json});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray actions = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("actions")).toArray();
    QStringList kinds;
    for (const QJsonValue& a : actions) {
        kinds << a.toObject().value(QStringLiteral("kind")).toString();
        QVERIFY2(a.toObject().value(QStringLiteral("error")).isNull(), qPrintable(r.out));
    }
    QCOMPARE(kinds, (QStringList{QStringLiteral("set-policy"), QStringLiteral("writeback"),
                                 QStringLiteral("recompress"), QStringLiteral("set-promotion"),
                                 QStringLiteral("compact-pool"), QStringLiteral("compact-device")}));
}

void TestSwaptierctl::lintExitCodes_data() {
    QTest::addColumn<QByteArray>("scenario"); // file contents, or a built-in's name prefixed with "builtin:"
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("outFragments");
    QTest::newRow("clean built-in") << QByteArray("builtin:usemem") << 0
                                    << QStringList{QStringLiteral("usemem: no findings.")};
    QTest::newRow("clean sweep, every variant")
        << QByteArray("builtin:swapoff") << 0
        << QStringList{QStringLiteral("swapoff [mapped=12M]: no findings."),
                       QStringLiteral("swapoff [mapped=192M]: no findings.")};
    QTest::newRow("clean file") << QByteArray(kSmallScenario) << 0
                                << QStringList{QStringLiteral("small: no findings.")};
    QTest::newRow("a warning") << lintWarningScenario() << 1
                               << QStringList{QStringLiteral("small: warnings: 1, notices: 0"),
                                              QStringLiteral("device disk"),
                                              QStringLiteral("\"disk\" and \"fast\" share priority 5"),
                                              QStringLiteral("1. equal-priority: ")};
    QByteArray notice(kSmallScenario);
    notice += "[[cgroup]]\nname = \"work/child\"\nparent = \"work\"\nmemory_max = \"8M\"\n";
    QTest::newRow("a notice only") << notice << 0
                                   << QStringList{QStringLiteral("small: warnings: 0, notices: 1"),
                                                  QStringLiteral("1. limit-above-ancestor: ")};
    QByteArray invalid(kSmallScenario);
    invalid.replace("priority = 5", "prioity = 5");
    QTest::newRow("invalid file") << invalid << 2 << QStringList{};
}

void TestSwaptierctl::lintExitCodes() {
    QFETCH(QByteArray, scenario);
    QFETCH(int, exitCode);
    QFETCH(QStringList, outFragments);
    QTemporaryDir dir = makeScratchDir();
    const QString argument = scenario.startsWith("builtin:") ? QString::fromUtf8(scenario.mid(8))
                                                              : writeFile(dir, QStringLiteral("lint.toml"), scenario);
    const Ran r = swaptierctl({QStringLiteral("lint"), argument});
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString::number(r.exitCode) + u' ' + r.out + r.err));
    for (const QString& fragment : outFragments)
        QVERIFY2(r.out.contains(fragment), qPrintable(r.out));
    if (exitCode == 2) {
        QVERIFY2(r.err.contains(argument + QStringLiteral(":12:1")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    } else {
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }
    // Nothing is created, not even the directory lint resolves relative device paths against.
    QVERIFY(!QFileInfo::exists(QDir::temp().filePath(QStringLiteral("swaptier-lint"))));
}

void TestSwaptierctl::lintJson() {
    QTemporaryDir dir = makeScratchDir();
    const QString path = writeFile(dir, QStringLiteral("lint.toml"), lintWarningScenario());
    const Ran r = swaptierctl({QStringLiteral("lint"), path, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("lint"));
    QCOMPARE(o.value(QStringLiteral("warnings")).toInt(), 1);
    QCOMPARE(o.value(QStringLiteral("notices")).toInt(), 0);
    QCOMPARE(o.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("source")).toString(), path);
    const QJsonArray variants = o.value(QStringLiteral("variants")).toArray();
    QCOMPARE(variants.size(), 1);
    const QJsonArray findings = variants.at(0).toObject().value(QStringLiteral("findings")).toArray();
    QCOMPARE(findings.size(), 1);
    const QJsonObject f = findings.at(0).toObject();
    QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
    QCOMPARE(f.value(QStringLiteral("code")).toString(), QStringLiteral("equal-priority"));
    const QJsonObject subject = f.value(QStringLiteral("subject")).toObject();
    QCOMPARE(subject.value(QStringLiteral("name")).toString(), QStringLiteral("disk"));
    QCOMPARE(subject.value(QStringLiteral("kind")).toString(), QStringLiteral("device"));
    QCOMPARE(subject.value(QStringLiteral("index")).toInt(), 0);
    QCOMPARE(f.value(QStringLiteral("related")).toObject().value(QStringLiteral("index")).toInt(), 1);
    QVERIFY(!f.value(QStringLiteral("explanation")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestSwaptierctl)
#include "tst_swaptierctl.moc"
