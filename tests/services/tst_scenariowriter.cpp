// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioWriter: what it writes, ScenarioParser reads back to the same config (every built-in
// scenario and every variant of its sweep; a hand-built config with every kind of workload and
// action, every cgroup limit and tiers; names and paths that need escaping); values are
// written in readable forms; device paths under Options::relativeTo are written relative and
// land in the device directory of the next load; what the format cannot express is an error,
// never a file that loads differently; save() is atomic, and its errors name the path and the
// system's reason (missing directory, a directory in the way, a full disk).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "sandboxconfigdiff.h"
#include "scenario.h"
#include "scenariovaluetext.h"
#include "scenariowriter.h"

#include "swaptier/sandbox.h"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>
#include <utility>
#include <variant>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

#ifndef Q_MOC_RUN
using Mutation = std::function<void(SandboxConfig&)>;
Q_DECLARE_METATYPE(Mutation)
Q_DECLARE_METATYPE(std::optional<QString>)
#endif

namespace {

using Kind = SandboxAction::Kind;

const QString kDeviceDir = u"/srv/swaptier-devices"_s;

ScenarioParser::Options deviceDir(const QString& dir) {
    ScenarioParser::Options options;
    options.deviceDir = dir;
    return options;
}

ScenarioWriter::Options writerOptions(const QString& dir, const QString& scenarioDir = {}) {
    ScenarioWriter::Options options;
    options.relativeTo = dir;
    options.scenarioDir = scenarioDir;
    return options;
}

/// The text of a successful toToml(), or a test failure with the writer's error.
QByteArray textOf(const ScenarioWriter::Outcome& outcome) {
    if (const auto* error = std::get_if<QString>(&outcome)) {
        QTest::qFail(qPrintable(u"toToml failed: "_s + *error), __FILE__, __LINE__);
        return {};
    }
    return std::get<QByteArray>(outcome);
}

/// The one config of a parsed text, or a test failure with the parser's error and the text.
std::optional<LoadedScenario> parsed(const ScenarioParser::Outcome& outcome, const QByteArray& text = {}) {
    if (const auto* error = std::get_if<ScenarioError>(&outcome)) {
        QTest::qFail(qPrintable(error->toString() + u"\n"_s + QString::fromUtf8(text)), __FILE__, __LINE__);
        return std::nullopt;
    }
    return std::get<LoadedScenario>(outcome);
}

/// "" when the configs run the same, else the first differing field with both values.
QString difference(const SandboxConfig& expected, const SandboxConfig& actual) {
    const auto d = SandboxConfigDiff::first(expected, actual);
    return d ? d->toString() : QString();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

/// A small valid config: one device, one cgroup, one workload.
SandboxConfig minimal(const QString& devices = kDeviceDir) {
    SandboxConfig c;
    DeviceOptions d;
    d.path = QString(devices + u"/swap.swap"_s).toStdString();
    d.sizeBytes = 16 << 20;
    c.devices = {d};
    c.deviceNames = {"swap"};
    CgroupSpec root;
    root.name = "/";
    CgroupSpec work;
    work.name = "work";
    work.parent = 0;
    work.memoryMax = 8 << 20;
    c.cgroups = {root, work};
    WorkloadSpec w;
    w.name = "w";
    w.cgroup = 1;
    w.pages = 1024;
    c.workloads = {w};
    return c;
}

CgroupSpec cgroup(const std::string& name, int parent) {
    CgroupSpec g;
    g.name = name;
    g.parent = parent;
    return g;
}

SandboxAction action(Kind kind, double at) {
    SandboxAction a;
    a.kind = kind;
    a.at = at;
    return a;
}

} // namespace

class TestScenarioWriter : public QObject {
    Q_OBJECT

private slots:
    void stringEscapes_data();
    void stringEscapes();
    void sizeText_data();
    void sizeText();
    void durationText_data();
    void durationText();
    void floatTextReadsBack_data();
    void floatTextReadsBack();
    void progressPointText_data();
    void progressPointText();

    void builtinRoundTrip_data();
    void builtinRoundTrip();
    void everyKindRoundTrips();
    void namesNeedingEscaping_data();
    void namesNeedingEscaping();
    void devicePathsRelativeToTheDeviceDir_data();
    void devicePathsRelativeToTheDeviceDir();
    void inexpressibleConfigsAreErrors_data();
    void inexpressibleConfigsAreErrors();

    void saveWritesWhatToTomlGives();
    void saveErrorsNameThePath_data();
    void saveErrorsNameThePath();
    void saveReplacesAnExistingFileAtomically();
    void failedSaveLeavesTheExistingFile();
    void saveToAFullDisk();
};

// ---- value forms ------------------------------------------------------------------------------

void TestScenarioWriter::stringEscapes_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("toml");
    QTest::newRow("plain") << u"batch"_s << u"\"batch\""_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
    QTest::newRow("quote") << u"say \"hi\""_s << u"\"say \\\"hi\\\"\""_s;
    QTest::newRow("backslash") << u"C:\\tmp"_s << u"\"C:\\\\tmp\""_s;
    QTest::newRow("short escapes") << u"\b\t\n\f\r"_s << u"\"\\b\\t\\n\\f\\r\""_s;
    QTest::newRow("other control") << u"a\u0001b\u001Fc\u007F"_s << u"\"a\\u0001b\\u001Fc\\u007F\""_s;
    QTest::newRow("nul") << QString(QChar(0)) << u"\"\\u0000\""_s;
    QTest::newRow("non-ASCII as is") << u"Müller – 日本"_s << u"\"Müller – 日本\""_s;
    QTest::newRow("surrogate pair as is") << u"🙂"_s << u"\"🙂\""_s;
    QTest::newRow("TOML syntax inside") << u"x\" = 1 # [pool]"_s << u"\"x\\\" = 1 # [pool]\""_s;
}

void TestScenarioWriter::stringEscapes() {
    QFETCH(QString, value);
    QFETCH(QString, toml);
    QCOMPARE(detail::tomlString(value), toml);
}

void TestScenarioWriter::sizeText_data() {
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<std::optional<QString>>("toml");
    QTest::newRow("zero") << quint64(0) << std::optional(u"0"_s);
    QTest::newRow("one page") << quint64(4096) << std::optional(u"\"4K\""_s);
    QTest::newRow("64 MiB") << quint64(64) * 1024 * 1024 << std::optional(u"\"64M\""_s);
    QTest::newRow("1536 MiB") << quint64(1536) * 1024 * 1024 << std::optional(u"\"1536M\""_s);
    QTest::newRow("1 GiB") << (quint64(1) << 30) << std::optional(u"\"1G\""_s);
    QTest::newRow("2 TiB") << (quint64(2) << 40) << std::optional(u"\"2T\""_s);
    QTest::newRow("not a whole K") << quint64(4097) << std::optional(u"4097"_s);
    QTest::newRow("2^63 - 1 bytes") << quint64(std::numeric_limits<qint64>::max())
                                    << std::optional(u"9223372036854775807"_s);
    QTest::newRow("2^63 bytes") << (quint64(1) << 63) << std::optional(u"\"8388608T\""_s);
    QTest::newRow("above 2^63, not whole K") << (quint64(1) << 63) + 1 << std::optional<QString>();
}

void TestScenarioWriter::sizeText() {
    QFETCH(quint64, bytes);
    QFETCH(std::optional<QString>, toml);
    QCOMPARE(detail::tomlSize(bytes), toml);
}

void TestScenarioWriter::durationText_data() {
    QTest::addColumn<quint64>("ms");
    QTest::addColumn<std::optional<QString>>("toml");
    QTest::newRow("zero") << quint64(0) << std::optional(u"0"_s);
    QTest::newRow("250ms") << quint64(250) << std::optional(u"\"250ms\""_s);
    QTest::newRow("1500ms") << quint64(1500) << std::optional(u"\"1500ms\""_s);
    QTest::newRow("30s") << quint64(30'000) << std::optional(u"\"30s\""_s);
    QTest::newRow("90s") << quint64(90'000) << std::optional(u"\"90s\""_s);
    QTest::newRow("2m") << quint64(120'000) << std::optional(u"\"2m\""_s);
    QTest::newRow("3h") << quint64(3 * 3'600'000) << std::optional(u"\"3h\""_s);
    QTest::newRow("beyond the text form") << (quint64(1) << 60) + 1 << std::optional(u"1152921504606846977"_s);
    QTest::newRow("beyond TOML integers") << std::numeric_limits<quint64>::max() - 1 << std::optional<QString>();
}

void TestScenarioWriter::durationText() {
    QFETCH(quint64, ms);
    QFETCH(std::optional<QString>, toml);
    QCOMPARE(detail::tomlDuration(ms), toml);
}

void TestScenarioWriter::floatTextReadsBack_data() {
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("toml"); // empty: only the read-back is checked
    QTest::newRow("0.5") << 0.5 << u"0.5"_s;
    QTest::newRow("0.99") << 0.99 << u"0.99"_s;
    QTest::newRow("integral") << 2.0 << u"2.0"_s;
    QTest::newRow("zero") << 0.0 << u"0.0"_s;
    QTest::newRow("one third") << 1.0 / 3 << QString();
    QTest::newRow("tiny") << 1e-7 << u"1e-07"_s;
    QTest::newRow("denormal") << 5e-324 << QString();
    QTest::newRow("huge") << 1e300 << QString();
}

void TestScenarioWriter::floatTextReadsBack() {
    QFETCH(double, value);
    QFETCH(QString, toml);
    const auto text = detail::tomlFloat(value);
    QVERIFY(text);
    if (!toml.isEmpty())
        QCOMPARE(*text, toml);
    // TOML float syntax: it reads back as a float, and as the same double.
    QVERIFY2(text->contains(u'.') || text->contains(u'e'), qPrintable(*text));
    bool ok = false;
    QCOMPARE(text->toDouble(&ok), value);
    QVERIFY(ok);
    QVERIFY(!detail::tomlFloat(std::nan("")));
    QVERIFY(!detail::tomlFloat(std::numeric_limits<double>::infinity()));
}

void TestScenarioWriter::progressPointText_data() {
    QTest::addColumn<double>("at");
    QTest::addColumn<std::optional<QString>>("toml");
    QTest::newRow("start") << 0.0 << std::optional(u"\"start\""_s);
    QTest::newRow("end") << 1.0 << std::optional(u"\"end\""_s);
    QTest::newRow("half") << 0.5 << std::optional(u"\"50%\""_s);
    QTest::newRow("0.3") << 0.3 << std::optional(u"\"30%\""_s); // 0.3 * 100 is not exactly 30
    QTest::newRow("12.5%") << 0.125 << std::optional(u"\"12.5%\""_s);
    QTest::newRow("one third") << 1.0 / 3 << std::optional(u"0.3333333333333333"_s);
    QTest::newRow("below 0") << -0.1 << std::optional<QString>();
    QTest::newRow("above 1") << 1.5 << std::optional<QString>();
    QTest::newRow("NaN") << std::nan("") << std::optional<QString>();
}

void TestScenarioWriter::progressPointText() {
    QFETCH(double, at);
    QFETCH(std::optional<QString>, toml);
    QCOMPARE(detail::tomlProgressPoint(at), toml);
}

// ---- round trips ------------------------------------------------------------------------------

void TestScenarioWriter::builtinRoundTrip_data() {
    QTest::addColumn<QString>("builtin");
    QTest::addColumn<int>("variant");
    const auto builtins = ScenarioParser::builtins();
    QVERIFY(builtins.size() >= 8);
    for (const auto& b : builtins) {
        const auto outcome = ScenarioParser::load(b.name, deviceDir(kDeviceDir));
        const auto* scenario = std::get_if<LoadedScenario>(&outcome);
        QVERIFY2(scenario, qPrintable(b.name));
        for (std::size_t i = 0; i < scenario->variants.size(); ++i) {
            const QString label = scenario->variants[i].label;
            QTest::addRow("%s%s%s", qPrintable(b.name), label.isEmpty() ? "" : " ", qPrintable(label))
                << b.name << int(i);
        }
    }
}

void TestScenarioWriter::builtinRoundTrip() {
    QFETCH(QString, builtin);
    QFETCH(int, variant);
    const auto original = parsed(ScenarioParser::load(builtin, deviceDir(kDeviceDir)));
    QVERIFY(original);
    const SandboxConfig& config = original->variants[std::size_t(variant)].config;

    const QByteArray text =
        textOf(ScenarioWriter::toToml(config, original->name, original->description, writerOptions(kDeviceDir)));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(!text.contains(kDeviceDir.toUtf8()), text.constData()); // the device directory is not named
    QVERIFY(!text.contains("[sweep]"));

    // Loaded with another device directory, the devices move along and nothing else changes.
    const QString elsewhere = u"/var/lib/elsewhere"_s;
    const auto reloaded = parsed(ScenarioParser::parse(text, u"saved.toml"_s, deviceDir(elsewhere)), text);
    QVERIFY(reloaded);
    QCOMPARE(reloaded->name, original->name);
    QCOMPARE(reloaded->description, original->description);
    QCOMPARE(reloaded->variants.size(), std::size_t(1));
    SandboxConfig expected = config;
    for (DeviceOptions& d : expected.devices) {
        QVERIFY(QString::fromStdString(d.path).startsWith(kDeviceDir + u'/'));
        d.path = QString(elsewhere + QString::fromStdString(d.path).mid(kDeviceDir.size())).toStdString();
    }
    const QString diff = difference(expected, reloaded->variants[0].config);
    QVERIFY2(diff.isEmpty(), qPrintable(diff + u"\n"_s + QString::fromUtf8(text)));

    // Writing what was read back gives the same text: the form is stable.
    const QByteArray again = textOf(ScenarioWriter::toToml(reloaded->variants[0].config, reloaded->name,
                                                           reloaded->description, writerOptions(elsewhere)));
    QCOMPARE(again, text);
}

void TestScenarioWriter::everyKindRoundTrips() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString scenarioDir = tmp.filePath(u"scenarios"_s);
    const QString devices = tmp.filePath(u"devices"_s);
    const QString outside = tmp.filePath(u"outside"_s);
    QVERIFY(QDir().mkpath(scenarioDir + u"/corpus"_s) && QDir().mkpath(scenarioDir + u"/traces"_s)
            && QDir().mkpath(outside));
    QVERIFY(writeFile(scenarioDir + u"/corpus/a.txt"_s, "text\n"));
    QVERIFY(writeFile(outside + u"/b.bin"_s, "binary"));
    QVERIFY(writeFile(scenarioDir + u"/traces/ls.trace"_s, "swaptier-trace 1\npage-size 4096\nsource test\nR 1\n"));

    SandboxConfig c;
    c.design = SwapDesign::Classic;
    c.seed = 7;
    c.durationMs = 90'000;
    c.sampleIntervalMs = 250;
    c.reclaimBatch = 32;
    c.roundAccesses = 1024;
    c.verifyPages = false;
    c.engine.pool = PoolOptions{true, Codec::Zstd, 5, 48ull << 20, 80, 2};
    c.engine.detectZeroPages = false;

    DeviceOptions fast;
    fast.path = QString(devices + u"/fast.swap"_s).toStdString(); // the default path: not written
    fast.sizeBytes = 64ull << 20;
    fast.priority = 100;
    fast.discard = false;
    fast.io = IoMode::Direct;
    DeviceOptions medium;
    medium.path = QString(devices + u"/sub/medium.img"_s).toStdString();
    medium.sizeBytes = 3 * 4096;
    medium.priority = 50;
    medium.io = IoMode::Buffered;
    medium.preallocate = true;
    medium.writeBehind = false;
    DeviceOptions slow;
    slow.path = "/var/tmp/swaptier-writer-test-slow.swap";
    slow.sizeBytes = 1ull << 30;
    c.devices = {fast, medium, slow};
    c.deviceNames = {"fast", "medium", "slow"};
    c.tiers = {TierSpec{"fast", 100, 32767}, TierSpec{"medium", 10, 99}, TierSpec{"slow", -1, 9}};

    CgroupSpec root;
    root.name = "/";
    root.memoryMax = 1ull << 30;
    root.zswapMax = 256ull << 20;
    CgroupSpec apps;
    apps.name = "apps";
    apps.parent = 0;
    apps.memoryMax = 128ull << 20;
    apps.zswapMax = 0; // zero bytes, not "no limit"
    CgroupSpec web;
    web.name = "apps/web";
    web.parent = 1;
    web.zswapWriteback = false;
    web.allowedTiers = {"fast", "medium"};
    CgroupSpec batch;
    batch.name = "batch";
    batch.parent = 0;
    batch.swapMax = (64ull << 20) + 4097;
    batch.allowedTiers = {"slow"};
    c.cgroups = {root, apps, web, batch};

    WorkloadSpec stream;
    stream.name = "stream";
    stream.kind = WorkloadKind::Sequential;
    stream.cgroup = 3;
    stream.threads = 2;
    stream.pages = 1024;
    stream.passes = 3;
    stream.startRound = 5;
    WorkloadSpec uniform;
    uniform.name = "uniform";
    uniform.cgroup = 1;
    uniform.pages = 256;
    uniform.accesses = 10'000;
    uniform.writeFraction = 0.125;
    uniform.hasMix = true;
    uniform.mix.weights = {1, 0, 0, 3, 0};
    WorkloadSpec zipf;
    zipf.name = "web";
    zipf.kind = WorkloadKind::Zipfian;
    zipf.cgroup = 2;
    zipf.threads = 4;
    zipf.pages = 512;
    zipf.accesses = 20'000;
    zipf.zipfTheta = 1.2;
    zipf.writeFraction = 0.3;
    WorkloadSpec phases;
    phases.name = "phases";
    phases.kind = WorkloadKind::PhaseChange;
    phases.pages = 300;
    phases.phases = 7;
    phases.phaseWindow = 0.1;
    phases.writeFraction = 0.6;
    WorkloadSpec forker;
    forker.name = "forker";
    forker.kind = WorkloadKind::ForkHeavy;
    forker.pages = 128;
    forker.forkEvery = 500;
    forker.childAccesses = 200;
    forker.maxChildren = 8;
    forker.writeFraction = 0.9;
    WorkloadSpec replay;
    replay.name = "replay";
    replay.kind = WorkloadKind::Trace;
    replay.tracePath = QString(scenarioDir + u"/traces/ls.trace"_s).toStdString();
    replay.startRound = 2;
    c.workloads = {stream, uniform, zipf, phases, forker, replay};

    SandboxAction policy = action(Kind::SetCgroupPolicy, 0.1);
    policy.cgroup = 3;
    policy.policy.swapMax = 32ull << 20;
    policy.policy.zswapMax = kNoLimit;
    policy.policy.zswapWriteback = false;
    policy.policy.allowedTiers = std::vector<std::string>{}; // every tier again
    SandboxAction narrow = action(Kind::SetCgroupPolicy, 0.15);
    narrow.cgroup = 2;
    narrow.policy.allowedTiers = std::vector<std::string>{"fast"};
    SandboxAction writeback = action(Kind::Writeback, 0.2);
    writeback.cgroup = 1;
    writeback.writeback.maxPages = 4096;
    writeback.writeback.maxPoolBytes = 8ull << 20;
    writeback.writeback.maxWriteBytes = 12345;
    writeback.writeback.minIdleNanos = 1'500'000'000;
    writeback.writeback.secondChance = false;
    writeback.writeback.compressed = true;
    writeback.writeback.batchPages = 128;
    SandboxAction writebackAll = action(Kind::Writeback, 0.25);
    SandboxAction recompress = action(Kind::Recompress, 1.0 / 3);
    recompress.cgroup = 1;
    recompress.recompress.codec = Codec::Lzo;
    recompress.recompress.zstdLevel = 12;
    recompress.recompress.minIdleNanos = 500'000'000;
    recompress.recompress.maxPages = 100;
    SandboxAction setPool = action(Kind::SetPool, 0.4);
    setPool.pool = c.engine.pool;
    setPool.pool.codec = Codec::Lz4;
    setPool.pool.limitBytes = 0; // no cap
    SandboxAction promote = action(Kind::SetPromotion, 0.5);
    SandboxAction sameOnPurpose = action(Kind::SetPromotion, 0.55);
    SandboxAction priority = action(Kind::SetPriority, 0.6);
    priority.device = 1;
    priority.priority = 5;
    SandboxAction addNamed = action(Kind::AddDevice, 0.45);
    addNamed.newDeviceName = "extra";
    addNamed.newDevice.path = QString(devices + u"/extra.swap"_s).toStdString(); // default path: not written
    addNamed.newDevice.sizeBytes = 8ull << 20;
    addNamed.newDevice.priority = 20;
    addNamed.newDevice.discard = false;
    addNamed.newDevice.io = IoMode::Direct;
    addNamed.newDevice.writeBehind = false;
    SandboxAction addUnnamed = action(Kind::AddDevice, 0.46); // no name: its path is written
    addUnnamed.newDevice.path = "/var/tmp/swaptier-writer-test-added.swap";
    addUnnamed.newDevice.sizeBytes = 1ull << 20;
    SandboxAction priorityOfAdded = action(Kind::SetPriority, 0.65); // names "extra"
    priorityOfAdded.device = 3;
    priorityOfAdded.priority = 7;
    SandboxAction compactDevice = action(Kind::CompactDevice, 0.7);
    SandboxAction compactPool = action(Kind::CompactPool, 0.8);
    SandboxAction swapoff = action(Kind::Swapoff, 1.0);
    swapoff.device = 2;
    c.mix.weights = {10, 0, 40, 50, 0};
    c.contentFiles = {QString(scenarioDir + u"/corpus/a.txt"_s).toStdString(),
                      QString(outside + u"/b.bin"_s).toStdString()};
    c.promotion.deviceToPool = true;
    c.promotion.minLoads = 3;
    promote.promotion = c.promotion;
    promote.promotion.deviceToFasterTier = true;
    sameOnPurpose.promotion = c.promotion; // changes nothing, but is an action: written, and kept
    c.actions = {policy,        narrow,   writeback,  writebackAll,    recompress,    setPool,
                 promote,       sameOnPurpose, addNamed, addUnnamed, priority, priorityOfAdded, compactDevice,
                 compactPool,   swapoff};
    c.maintainEveryRounds = 8;
    c.maintenance.idleWritebackNanos = 2'000'000'000;
    c.maintenance.recompressNanos = 750'000'000;
    c.maintenance.recompressCodec = Codec::Lz4;
    c.maintenance.recompressLevel = 4;
    c.maintenance.writeBudgetBytesPerHour = 256ull << 20;
    c.maintenance.compressedWriteback = true;

    const QString path = scenarioDir + u"/all kinds.toml"_s;
    const auto error =
        ScenarioWriter::save(path, c, u"all-kinds"_s, u"every kind of everything"_s, writerOptions(devices));
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    const QByteArray text = readFile(path);

    const auto loaded = parsed(ScenarioParser::load(path, deviceDir(devices)), text);
    QVERIFY(loaded);
    QCOMPARE(loaded->name, u"all-kinds"_s);
    QCOMPARE(loaded->description, u"every kind of everything"_s);
    SandboxConfig expected = c;
    expected.name = "all-kinds";
    const QString diff = difference(expected, loaded->variants[0].config);
    QVERIFY2(diff.isEmpty(), qPrintable(diff + u"\n"_s + QString::fromUtf8(text)));

    // Readable forms, relative paths where they are anchored, absolute ones elsewhere.
    const QByteArray expectedLines[] = {
        "design = \"classic\"\n", "duration = \"90s\"\n", "sample_interval = \"250ms\"\n",
        "limit = \"48M\"\n", "detect_zero_pages = false\n", "mix = { zero = 10, binary = 40, random = 50 }\n",
        "files = [\"corpus/a.txt\", \"" + (outside + u"/b.bin"_s).toUtf8() + "\"]\n",
        "idle_writeback = \"2s\"\n", "recompress_after = \"750ms\"\n", "write_budget = \"256M/h\"\n",
        "size = \"64M\"\n", "path = \"sub/medium.img\"\n", "size = \"12K\"\n", "io = \"buffered\"\n",
        "path = \"/var/tmp/swaptier-writer-test-slow.swap\"\n", "size = \"1G\"\n",
        "[[cgroup]]\nname = \"/\"\nmemory_max = \"1G\"\nzswap_max = \"256M\"\n", "zswap_max = 0\n",
        "parent = \"apps\"\n", "allowed_tiers = [\"fast\", \"medium\"]\n", "swap_max = 67112961\n",
        "kind = \"trace\"\n", "trace = \"traces/ls.trace\"\n", "at = \"10%\"\n", "at = 0.3333333333333333\n",
        "allowed_tiers = []\n", "min_idle = \"1500ms\"\n", "pool = { codec = \"lz4\", limit = \"max\" }\n",
        "at = \"55%\"\nkind = \"set-promotion\"\ndevice_to_pool = true\n", "at = \"end\"\nkind = \"swapoff\"\n"};
    for (const QByteArray& line : expectedLines)
        QVERIFY2(text.contains(line),
                 qPrintable(u"missing: "_s + QString::fromUtf8(line) + u"\n"_s + QString::fromUtf8(text)));
    QVERIFY2(!text.contains("fast.swap"), text.constData()); // the default path is left out
    QVERIFY2(!text.contains(devices.toUtf8()), text.constData());
    QVERIFY2(!text.contains(scenarioDir.toUtf8()), text.constData());
}

void TestScenarioWriter::namesNeedingEscaping_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("quotes") << u"say \"hi\""_s;
    QTest::newRow("backslashes") << u"C:\\temp\\x"_s;
    QTest::newRow("tab") << u"a\tb"_s;
    QTest::newRow("control characters") << u"a\u0001b\u007Fc"_s;
    QTest::newRow("non-ASCII") << u"Müller – 日本語"_s;
    QTest::newRow("outside the BMP") << u"🙂 batch"_s;
    QTest::newRow("TOML syntax") << u"x\" = 1 # ]] [pool]"_s;
    QTest::newRow("leading slash") << u"/looks/like/a/path"_s;
}

void TestScenarioWriter::namesNeedingEscaping() {
    QFETCH(QString, name);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // The name as a content file name too (no '/' in a file name).
    QString fileName = name;
    fileName.replace(u'/', u'_');
    QVERIFY(writeFile(tmp.filePath(fileName), "content"));

    SandboxConfig c = minimal();
    const std::string n = name.toStdString();
    c.cgroups[1].name = n;
    c.cgroups.push_back(cgroup(n + " child", 1));
    c.workloads[0].name = n;
    c.workloads[0].cgroup = 2;
    c.contentFiles = {tmp.filePath(fileName).toStdString()};
    SandboxAction a = action(Kind::Writeback, 0.5);
    a.cgroup = 2;
    c.actions = {a};

    const QByteArray text = textOf(ScenarioWriter::toToml(c, name, name, writerOptions(kDeviceDir, tmp.path())));
    QVERIFY(!QTest::currentTestFailed());
    const auto loaded = parsed(ScenarioParser::parse(text, tmp.filePath(u"s.toml"_s), deviceDir(kDeviceDir)), text);
    QVERIFY(loaded);
    QCOMPARE(loaded->name, name);
    QCOMPARE(loaded->description, name);
    SandboxConfig expected = c;
    expected.name = n;
    const QString diff = difference(expected, loaded->variants[0].config);
    QVERIFY2(diff.isEmpty(), qPrintable(diff + u"\n"_s + QString::fromUtf8(text)));
}

void TestScenarioWriter::devicePathsRelativeToTheDeviceDir_data() {
    QTest::addColumn<QString>("path");       // the device's path in the config
    QTest::addColumn<QString>("relativeTo"); // ScenarioWriter::Options::relativeTo
    QTest::addColumn<QString>("written");    // the "path = " line, or "" when left out
    QTest::newRow("default name in the dir") << u"/tmp/run-1/swap.swap"_s << u"/tmp/run-1"_s << QString();
    QTest::newRow("other name in the dir") << u"/tmp/run-1/other.img"_s << u"/tmp/run-1"_s << u"other.img"_s;
    QTest::newRow("in a subdirectory") << u"/tmp/run-1/a/b.swap"_s << u"/tmp/run-1/"_s << u"a/b.swap"_s;
    QTest::newRow("outside") << u"/var/swap/swap.swap"_s << u"/tmp/run-1"_s << u"/var/swap/swap.swap"_s;
    QTest::newRow("sibling sharing a prefix") << u"/tmp/run-10/swap.swap"_s << u"/tmp/run-1"_s
                                              << u"/tmp/run-10/swap.swap"_s;
    QTest::newRow("unclean paths") << u"/tmp//run-1/./x/../swap.swap"_s << u"/tmp/run-1/x/.."_s << QString();
    QTest::newRow("no relativeTo") << u"/tmp/run-1/swap.swap"_s << QString() << u"/tmp/run-1/swap.swap"_s;
    QTest::newRow("dir is the root") << u"/var/swap.swap"_s << u"/"_s << u"var/swap.swap"_s;
}

void TestScenarioWriter::devicePathsRelativeToTheDeviceDir() {
    QFETCH(QString, path);
    QFETCH(QString, relativeTo);
    QFETCH(QString, written);
    SandboxConfig c = minimal();
    c.devices[0].path = path.toStdString();
    const QByteArray text = textOf(ScenarioWriter::toToml(c, u"paths"_s, {}, writerOptions(relativeTo)));
    QVERIFY(!QTest::currentTestFailed());
    if (written.isEmpty())
        QVERIFY2(!text.contains("\npath = "), text.constData());
    else
        QVERIFY2(text.contains(QByteArray("\npath = \"" + written.toUtf8() + "\"\n")), text.constData());

    // Reloaded with the device directory = relativeTo: the same (clean) absolute path.
    const auto loaded = parsed(ScenarioParser::parse(text, u"p.toml"_s, deviceDir(relativeTo)), text);
    QVERIFY(loaded);
    QCOMPARE(QString::fromStdString(loaded->variants[0].config.devices[0].path), QDir::cleanPath(path));
}

void TestScenarioWriter::inexpressibleConfigsAreErrors_data() {
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QStringList>("message"); // parts of the error, in order

    const auto row = [](const char* tag, Mutation m, const QStringList& message, const QString& name = u"s"_s,
                        const QString& description = {}) {
        QTest::newRow(tag) << m << name << description << message;
    };
    const Mutation none = [](SandboxConfig&) {};
    row("empty name", none, {u"name must be one line and not empty"_s}, u"  "_s);
    row("two-line name", none, {u"name must be one line"_s}, u"a\nb"_s);
    row("two-line description", none, {u"description must be a single line"_s}, u"s"_s, u"a\rb"_s);
    row("device without a name", [](SandboxConfig& c) { c.deviceNames.clear(); },
        {u"there are 0 device names for 1 devices"_s});
    row("root not first", [](SandboxConfig& c) { std::swap(c.cgroups[0], c.cgroups[1]); },
        {u"the first cgroup must be the root"_s});
    row("parent after its child",
        [](SandboxConfig& c) {
            c.cgroups[1].parent = 2;
            c.cgroups.push_back(cgroup("late", 0));
        },
        {u"[[cgroup]] \"work\""_s, u"parent must be a cgroup listed before it, not cgroup 2"_s});
    row("workload in a missing cgroup", [](SandboxConfig& c) { c.workloads[0].cgroup = 9; },
        {u"[[workload]] \"w\""_s, u"there is no cgroup 9 (the scenario has 2)"_s});
    row("swapoff of a missing device",
        [](SandboxConfig& c) {
            c.actions = {action(Kind::Swapoff, 1)};
            c.actions[0].device = 5;
        },
        {u"[[action]] 1 (swapoff)"_s, u"there is no device 5"_s});
    row("action on an added device without a name",
        [](SandboxConfig& c) {
            SandboxAction add = action(Kind::AddDevice, 0.5);
            add.newDevice.path = "/var/tmp/added.swap";
            add.newDevice.sizeBytes = 1 << 20;
            c.actions = {add, action(Kind::CompactDevice, 1)};
            c.actions[1].device = 1;
        },
        {u"[[action]] 2 (compact-device)"_s, u"names the device added by an add-device action without a name"_s});
    row("device beyond the added ones",
        [](SandboxConfig& c) {
            SandboxAction add = action(Kind::AddDevice, 0.5);
            add.newDeviceName = "more";
            add.newDevice.path = "/var/tmp/more.swap";
            add.newDevice.sizeBytes = 1 << 20;
            c.actions = {add, action(Kind::Swapoff, 1)};
            c.actions[1].device = 2;
        },
        {u"[[action]] 2 (swapoff)"_s, u"there is no device 2 (the scenario has 1, and 1 added by earlier actions)"_s});
    row("action before the add of its device",
        [](SandboxConfig& c) {
            SandboxAction add = action(Kind::AddDevice, 0.5);
            add.newDeviceName = "late";
            add.newDevice.path = "/var/tmp/late.swap";
            add.newDevice.sizeBytes = 1 << 20;
            c.actions = {add, action(Kind::CompactDevice, 0.25)};
            c.actions[1].device = 1;
        },
        {u"would not load back"_s, u"device 'late' is added at \"50%\", after this action runs"_s});
    row("writeback of cgroup -1",
        [](SandboxConfig& c) {
            c.actions = {action(Kind::Writeback, 1)};
            c.actions[0].cgroup = -1;
        },
        {u"[[action]] 1 (writeback)"_s, u"there is no cgroup -1"_s});
    row("sub-millisecond idle time", [](SandboxConfig& c) {
        c.actions = {action(Kind::Writeback, 1)};
        c.actions[0].writeback.minIdleNanos = 1'500'000;
    }, {u"[[action]] 1 (writeback)"_s, u"'min_idle' is 1500000 ns"_s, u"whole milliseconds"_s});
    row("progress point above 1", [](SandboxConfig& c) { c.actions = {action(Kind::CompactPool, 1.5)}; },
        {u"[[action]] 1 (compact-pool)"_s, u"'at' must be between 0 and 1, not 1.5"_s});
    row("NaN write fraction", [](SandboxConfig& c) { c.workloads[0].writeFraction = std::nan(""); },
        {u"[[workload]] \"w\""_s, u"'write_fraction' must be a finite number"_s});
    row("seed beyond TOML integers", [](SandboxConfig& c) { c.seed = std::uint64_t(1) << 63; },
        {u"'seed' = 9223372036854775808 is too large"_s});
    row("set-policy changing nothing", [](SandboxConfig& c) { c.actions = {action(Kind::SetCgroupPolicy, 0.5)}; },
        {u"would not load back"_s, u"changes nothing"_s});
    row("trace workload with a size", [](SandboxConfig& c) {
        c.workloads[0].kind = WorkloadKind::Trace;
        c.workloads[0].tracePath = QCoreApplication::applicationFilePath().toStdString(); // exists
    }, {u"would load back differently: workloads[0].pages would be 0 instead of 1024"_s});
    row("writeback not pipelined", [](SandboxConfig& c) {
        c.actions = {action(Kind::Writeback, 1)};
        c.actions[0].writeback.pipelined = false;
    }, {u"actions[0].writeback.pipelined would be true instead of false"_s});
    row("name not UTF-8", [](SandboxConfig& c) { c.workloads[0].name = "w\xff"; },
        {u"would load back differently: workloads[0].name"_s});
    row("memory.max below 16 pages per thread", [](SandboxConfig& c) { c.cgroups[1].memoryMax = 8 * 4096; },
        {u"would not load back"_s, u"memory_max of cgroup 'work' must be at least 65536 bytes"_s});
    row("missing content file", [](SandboxConfig& c) { c.contentFiles = {"/nonexistent/swaptier/corpus.txt"}; },
        {u"would not load back"_s, u"no such file '/nonexistent/swaptier/corpus.txt'"_s});
    row("gap between tiers", [](SandboxConfig& c) { c.tiers = {TierSpec{"fast", 10, 32767}, TierSpec{"slow", -1, 5}}; },
        {u"would not load back"_s, u"leave priorities 6..9 without a tier"_s});
    row("raw pool codec", [](SandboxConfig& c) { c.engine.pool.codec = Codec::Raw; },
        {u"would not load back"_s, u"unknown codec 'raw'"_s});
}

void TestScenarioWriter::inexpressibleConfigsAreErrors() {
    QFETCH(Mutation, mutate);
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(QStringList, message);
    SandboxConfig c = minimal();
    QVERIFY(std::holds_alternative<QByteArray>(ScenarioWriter::toToml(c, u"s"_s, {}, writerOptions(kDeviceDir))));
    mutate(c);
    const auto outcome = ScenarioWriter::toToml(c, name, description, writerOptions(kDeviceDir));
    const auto* error = std::get_if<QString>(&outcome);
    if (!error)
        QFAIL(qPrintable(u"written without an error:\n"_s + QString::fromUtf8(std::get<QByteArray>(outcome))));
    qsizetype from = 0;
    for (const QString& part : message) {
        const qsizetype at = error->indexOf(part, from);
        QVERIFY2(at >= 0, qPrintable(u"'%1' not in: %2"_s.arg(part, *error)));
        from = at + part.size();
    }
}

// ---- saving ---------------------------------------------------------------------------------

void TestScenarioWriter::saveWritesWhatToTomlGives() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const SandboxConfig c = minimal(tmp.path());
    const QString path = tmp.filePath(u"new.toml"_s);
    QVERIFY(!ScenarioWriter::save(path, c, u"new"_s, u"saved"_s, writerOptions(tmp.path())));
    const QByteArray text =
        textOf(ScenarioWriter::toToml(c, u"new"_s, u"saved"_s, writerOptions(tmp.path(), tmp.path())));
    QCOMPARE(readFile(path), text);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), QStringList{u"new.toml"_s});
    // A relative save path: content paths are anchored at the file's directory all the same.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(tmp.path()));
    const auto error = ScenarioWriter::save(u"relative.toml"_s, c, u"new"_s, u"saved"_s, writerOptions(tmp.path()));
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QCOMPARE(readFile(tmp.filePath(u"relative.toml"_s)), text);
}

void TestScenarioWriter::saveErrorsNameThePath_data() {
    QTest::addColumn<QString>("where"); // relative to a fresh temporary directory, or absolute
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing directory") << u"missing/sub/s.toml"_s << QString::fromLocal8Bit(std::strerror(ENOENT));
    QTest::newRow("a file in the way") << u"file/s.toml"_s << QString::fromLocal8Bit(std::strerror(ENOTDIR));
    QTest::newRow("a directory as the target") << u"dir"_s << u"directory"_s;
    QTest::newRow("read-only directory") << u"readonly/s.toml"_s << QString::fromLocal8Bit(std::strerror(EACCES));
}

void TestScenarioWriter::saveErrorsNameThePath() {
    QFETCH(QString, where);
    QFETCH(QString, reason);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(u"file"_s), "a file"));
    QVERIFY(QDir(tmp.path()).mkdir(u"dir"_s) && QDir(tmp.path()).mkdir(u"readonly"_s));
    const QString readonly = tmp.filePath(u"readonly"_s);
    QVERIFY(QFile::setPermissions(readonly, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    if (QTest::currentDataTag() == QByteArray("read-only directory")) {
        // Root (CAP_DAC_OVERRIDE) writes into a read-only directory all the same.
        QFile probe(readonly + u"/probe"_s);
        if (probe.open(QIODevice::WriteOnly)) {
            probe.close();
            probe.remove();
            QFile::setPermissions(readonly, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QSKIP("this process may write into a read-only directory (it runs as root): nothing to test");
        }
    }
    const auto entries = [&] {
        return QDir(tmp.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    };
    const QStringList before = entries();

    const QString path = tmp.filePath(where);
    const auto error = ScenarioWriter::save(path, minimal(), u"s"_s, {}, writerOptions(kDeviceDir));
    QFile::setPermissions(readonly, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(error);
    QVERIFY2(error->contains(u"\"%1\""_s.arg(path)), qPrintable(*error));
    QVERIFY2(error->contains(reason, Qt::CaseInsensitive), qPrintable(*error));
    QCOMPARE(entries(), before); // nothing left behind, not even a temporary file
    QVERIFY(QFileInfo(tmp.filePath(u"dir"_s)).isDir());
    QCOMPARE(readFile(tmp.filePath(u"file"_s)), QByteArray("a file"));
    QVERIFY(QDir(readonly).isEmpty());
}

void TestScenarioWriter::saveReplacesAnExistingFileAtomically() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"s.toml"_s);
    const QString link = tmp.filePath(u"old-link.toml"_s);
    QVERIFY(writeFile(path, "# the old file\n"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    QCOMPARE(::link(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
    struct stat old {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &old), 0);

    QVERIFY(!ScenarioWriter::save(path, minimal(), u"s"_s, {}, writerOptions(kDeviceDir)));
    QVERIFY(readFile(path).contains("name = \"s\"\n"));
    // A new file was renamed over the name: the old one is intact under its other link.
    QCOMPARE(readFile(link), QByteArray("# the old file\n"));
    struct stat now {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &now), 0);
    QVERIFY(now.st_ino != old.st_ino);
    QCOMPARE(QFileInfo(path).permissions(), QFileInfo(link).permissions()); // kept
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).size(), 2);
}

void TestScenarioWriter::failedSaveLeavesTheExistingFile() {
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"s.toml"_s);
    QVERIFY(writeFile(path, "# precious\n"));
    SandboxConfig c = minimal();
    c.workloads[0].cgroup = 7; // cannot be written
    const auto error = ScenarioWriter::save(path, c, u"s"_s, {}, writerOptions(kDeviceDir));
    QVERIFY(error);
    QVERIFY2(error->startsWith(u"cannot save the scenario to \"%1\": [[workload]] \"w\": "_s.arg(path)),
             qPrintable(*error));
    QCOMPARE(readFile(path), QByteArray("# precious\n"));
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files), QStringList{u"s.toml"_s});
}

void TestScenarioWriter::saveToAFullDisk() {
    // /dev/full: every write fails with ENOSPC. A node of our own is used when this process
    // may make one (root), so that a broken save() could only ever replace that node.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QString full = tmp.filePath(u"full"_s);
    if (::mknod(QFile::encodeName(full).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0
        || !QFile(full).open(QIODevice::WriteOnly)) {
        full = u"/dev/full"_s;
        const QFileInfo info(full);
        if (!info.exists() || info.isFile() || !info.isWritable())
            QSKIP("/dev/full is missing or not writable here, and a private device node could not be made "
                  "(needs root and a file system without nodev): the disk-full path is not tested");
    }
    const auto error = ScenarioWriter::save(full, minimal(), u"s"_s, {}, writerOptions(kDeviceDir));
    QVERIFY(error);
    QVERIFY2(error->contains(u"\"%1\""_s.arg(full)), qPrintable(*error));
    QVERIFY2(error->contains(QString::fromLocal8Bit(std::strerror(ENOSPC))), qPrintable(*error));
    struct stat node {};
    QCOMPARE(::stat(QFile::encodeName(full).constData(), &node), 0);
    QVERIFY(S_ISCHR(node.st_mode)); // written into, not replaced
}

QTEST_GUILESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
