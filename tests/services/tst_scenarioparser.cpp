// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioParser: good files give the configs they describe (every key checked against the
// SandboxConfig field it sets, defaults included); bad files give an error at the right line
// and column saying what is wrong; sweeps give one variant per value; relative paths are placed
// where the format says; every built-in scenario loads.
#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "scenario.h"
#include "scenariovalues.h"

#include "swaptier/sandbox.h"

#include <optional>
#include <variant>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

const QString kDeviceDir = u"/srv/swaptier"_s;

ScenarioParser::Options withDeviceDir(const QString& dir = kDeviceDir) {
    ScenarioParser::Options options;
    options.deviceDir = dir;
    return options;
}

// A valid head (lines 1-2) and workload (3 lines) to build rows from.
const QByteArray kHead = "format = 1\nname = \"t\"\n";
const QByteArray kWork = "[[workload]]\nname = \"w\"\nsize = \"1M\"\n";

/// Forces a QStringBuilder expression into a QByteArray (test data must have the column's type).
QByteArray bytes(const QByteArray& text) { return text; }

QString s(const std::string& text) { return QString::fromStdString(text); }
QString n(std::uint64_t value) { return QString::number(value); }
QString n(double value) { return QString::number(value); }
QString b(bool value) { return value ? u"true"_s : u"false"_s; }
/// A limit where kNoLimit (== kUnlimited) is "max".
QString lim(std::uint64_t value) { return value == kNoLimit ? u"max"_s : n(value); }
QString tierList(const std::vector<std::string>& tiers) {
    QStringList names;
    for (const std::string& t : tiers)
        names << s(t);
    return names.join(u',');
}

QString poolText(const PoolOptions& p) {
    return u"%1/%2/%3/%4/%5/%6"_s.arg(b(p.enabled), QLatin1String(codecName(p.codec)))
        .arg(p.zstdLevel)
        .arg(p.limitBytes)
        .arg(p.acceptThresholdPercent)
        .arg(p.maxPagesPerZspage);
}

/// Every field of a config as "path" -> text, so that a row can name the fields it expects.
QMap<QString, QString> flatten(const SandboxConfig& c) {
    QMap<QString, QString> f;
    f[u"name"_s] = s(c.name);
    f[u"design"_s] = QLatin1String(swapDesignName(c.design));
    f[u"seed"_s] = n(c.seed);
    f[u"durationMs"_s] = n(c.durationMs);
    f[u"sampleIntervalMs"_s] = n(c.sampleIntervalMs);
    f[u"reclaimBatch"_s] = n(std::uint64_t(c.reclaimBatch));
    f[u"roundAccesses"_s] = n(std::uint64_t(c.roundAccesses));
    f[u"verifyPages"_s] = b(c.verifyPages);
    f[u"pool"_s] = poolText(c.engine.pool);
    f[u"detectZeroPages"_s] = b(c.engine.detectZeroPages);
    f[u"promotion"_s] = u"%1/%2/%3"_s.arg(b(c.promotion.deviceToPool), b(c.promotion.deviceToFasterTier)).arg(c.promotion.minLoads);
    f[u"maintainEveryRounds"_s] = n(std::uint64_t(c.maintainEveryRounds));
    const MaintenancePolicy& m = c.maintenance;
    f[u"maintenance"_s] = u"%1/%2/%3/%4/%5/%6"_s.arg(n(m.idleWritebackNanos), n(m.recompressNanos),
                                                    QLatin1String(codecName(m.recompressCodec)))
                              .arg(m.recompressLevel)
                              .arg(lim(m.writeBudgetBytesPerHour), b(m.compressedWriteback));
    f[u"mix"_s] = s(c.mix.toString());
    f[u"contentFiles"_s] = n(std::uint64_t(c.contentFiles.size()));
    f[u"devices"_s] = n(std::uint64_t(c.devices.size()));
    for (std::size_t i = 0; i < c.devices.size(); ++i) {
        const DeviceOptions& d = c.devices[i];
        const QString p = u"devices[%1]."_s.arg(i);
        f[p + u"name"_s] = i < c.deviceNames.size() ? s(c.deviceNames[i]) : u"(none)"_s;
        f[p + u"path"_s] = s(d.path);
        f[p + u"sizeBytes"_s] = n(d.sizeBytes);
        f[p + u"priority"_s] = QString::number(d.priority);
        f[p + u"discard"_s] = b(d.discard);
        f[p + u"io"_s] = QString::number(int(d.io));
        f[p + u"preallocate"_s] = b(d.preallocate);
        f[p + u"writeBehind"_s] = b(d.writeBehind);
    }
    f[u"tiers"_s] = n(std::uint64_t(c.tiers.size()));
    for (std::size_t i = 0; i < c.tiers.size(); ++i)
        f[u"tiers[%1]"_s.arg(i)] = u"%1:%2..%3"_s.arg(s(c.tiers[i].name)).arg(c.tiers[i].minPriority).arg(c.tiers[i].maxPriority);
    f[u"cgroups"_s] = n(std::uint64_t(c.cgroups.size()));
    for (std::size_t i = 0; i < c.cgroups.size(); ++i) {
        const CgroupSpec& g = c.cgroups[i];
        const QString p = u"cgroups[%1]."_s.arg(i);
        f[p + u"name"_s] = s(g.name);
        f[p + u"parent"_s] = QString::number(g.parent);
        f[p + u"memoryMax"_s] = g.memoryMax == kNoLimit ? u"max"_s : n(g.memoryMax);
        f[p + u"swapMax"_s] = g.swapMax == kNoLimit ? u"max"_s : n(g.swapMax);
        f[p + u"zswapMax"_s] = g.zswapMax == kNoLimit ? u"max"_s : n(g.zswapMax);
        f[p + u"zswapWriteback"_s] = b(g.zswapWriteback);
        QStringList tiers;
        for (const std::string& t : g.allowedTiers)
            tiers << s(t);
        f[p + u"allowedTiers"_s] = tiers.join(u',');
    }
    f[u"workloads"_s] = n(std::uint64_t(c.workloads.size()));
    for (std::size_t i = 0; i < c.workloads.size(); ++i) {
        const WorkloadSpec& w = c.workloads[i];
        const QString p = u"workloads[%1]."_s.arg(i);
        f[p + u"name"_s] = s(w.name);
        f[p + u"kind"_s] = QLatin1String(workloadKindName(w.kind));
        f[p + u"cgroup"_s] = QString::number(w.cgroup);
        f[p + u"threads"_s] = n(std::uint64_t(w.threads));
        f[p + u"pages"_s] = n(w.pages);
        f[p + u"accesses"_s] = n(w.accesses);
        f[p + u"passes"_s] = n(std::uint64_t(w.passes));
        f[p + u"writeFraction"_s] = n(w.writeFraction);
        f[p + u"zipfTheta"_s] = n(w.zipfTheta);
        f[p + u"phases"_s] = n(std::uint64_t(w.phases));
        f[p + u"phaseWindow"_s] = n(w.phaseWindow);
        f[p + u"forkEvery"_s] = n(w.forkEvery);
        f[p + u"childAccesses"_s] = n(w.childAccesses);
        f[p + u"maxChildren"_s] = n(std::uint64_t(w.maxChildren));
        f[p + u"startRound"_s] = n(w.startRound);
        f[p + u"hasMix"_s] = b(w.hasMix);
        f[p + u"mix"_s] = s(w.mix.toString());
    }
    f[u"actions"_s] = n(std::uint64_t(c.actions.size()));
    for (std::size_t i = 0; i < c.actions.size(); ++i) {
        const SandboxAction& a = c.actions[i];
        const QString p = u"actions[%1]."_s.arg(i);
        f[p + u"kind"_s] = QString::number(int(a.kind));
        f[p + u"at"_s] = n(a.at);
        f[p + u"device"_s] = QString::number(a.device);
        f[p + u"priority"_s] = QString::number(a.priority);
        f[p + u"pool"_s] = poolText(a.pool);
        f[p + u"cgroup"_s] = QString::number(a.cgroup);
        const WritebackOptions& w = a.writeback;
        f[p + u"writeback"_s] = u"%1/%2/%3/%4/%5/%6/%7"_s.arg(lim(w.maxPages), lim(w.maxPoolBytes), lim(w.maxWriteBytes),
                                                             n(w.minIdleNanos), b(w.secondChance), b(w.compressed))
                                    .arg(w.batchPages);
        const CgroupPolicyChange& pc = a.policy;
        f[p + u"policy"_s] = u"%1/%2/%3/%4"_s.arg(pc.swapMax ? lim(*pc.swapMax) : u"-"_s,
                                                  pc.zswapMax ? lim(*pc.zswapMax) : u"-"_s,
                                                  pc.zswapWriteback ? b(*pc.zswapWriteback) : u"-"_s,
                                                  pc.allowedTiers ? u"[%1]"_s.arg(tierList(*pc.allowedTiers)) : u"-"_s);
        const RecompressOptions& r = a.recompress;
        f[p + u"recompress"_s] = u"%1/%2/%3/%4"_s.arg(QLatin1String(codecName(r.codec)))
                                     .arg(r.zstdLevel)
                                     .arg(n(r.minIdleNanos), lim(r.maxPages));
        f[p + u"promotion"_s] = u"%1/%2/%3"_s.arg(b(a.promotion.deviceToPool), b(a.promotion.deviceToFasterTier)).arg(a.promotion.minLoads);
        const DeviceOptions& d = a.newDevice;
        f[p + u"newDevice"_s] = u"%1/%2/%3/%4/%5/%6/%7"_s.arg(s(d.path), n(d.sizeBytes))
                                    .arg(d.priority)
                                    .arg(int(d.io))
                                    .arg(b(d.discard), b(d.preallocate), b(d.writeBehind));
        f[p + u"newDeviceName"_s] = s(a.newDeviceName);
    }
    return f;
}

/// Checks "field=value" expectations against a config.
void expectFields(const SandboxConfig& config, const QStringList& expected) {
    const QMap<QString, QString> fields = flatten(config);
    for (const QString& e : expected) {
        const qsizetype eq = e.indexOf(u'=');
        QVERIFY2(eq > 0, qPrintable(e));
        const QString key = e.left(eq);
        QVERIFY2(fields.contains(key), qPrintable(u"no field %1"_s.arg(key)));
        QCOMPARE(fields.value(key), e.mid(eq + 1));
    }
}

/// The error of a failed parse (a copy: outcomes are often temporaries).
std::optional<ScenarioError> errorOf(const ScenarioParser::Outcome& outcome) {
    if (const auto* error = std::get_if<ScenarioError>(&outcome))
        return *error;
    return std::nullopt;
}

const LoadedScenario& scenarioOf(const ScenarioParser::Outcome& outcome) {
    static const LoadedScenario empty;
    const auto* scenario = std::get_if<LoadedScenario>(&outcome);
    if (!scenario) {
        QTest::qFail(qPrintable(std::get<ScenarioError>(outcome).toString()), __FILE__, __LINE__);
        return empty;
    }
    return *scenario;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestScenarioParser : public QObject {
    Q_OBJECT

private slots:
    void valueForms_data();
    void valueForms();
    void goodInputs_data();
    void goodInputs();
    void badInputs_data();
    void badInputs();
    void sweepExpansion();
    void sweepOfAbsentTables();
    void sweepValueErrorPointsAtTheValue();
    void devicePathPlacement();
    void relativeDevicePathNeedsDeviceDir();
    void contentAndTraceFilesAreRelativeToTheScenario();
    void documentedExampleParses();
    void builtinsAreListed();
    void everyBuiltinParses();
    void usememMatchesTheSeeds();
    void fileNotFound();
    void errorText();
};

void TestScenarioParser::valueForms_data() {
    QTest::addColumn<QString>("form");   // duration | percent | progress
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("value");

    QTest::newRow("ms") << u"duration"_s << u"250ms"_s << true << 250.0;
    QTest::newRow("s") << u"duration"_s << u"30s"_s << true << 30000.0;
    QTest::newRow("fraction s") << u"duration"_s << u"1.5s"_s << true << 1500.0;
    QTest::newRow("m") << u"duration"_s << u"2m"_s << true << 120000.0;
    QTest::newRow("h, spaces") << u"duration"_s << u" 1 h "_s << true << 3600000.0;
    QTest::newRow("zero") << u"duration"_s << u"0s"_s << true << 0.0;
    QTest::newRow("no unit") << u"duration"_s << u"250"_s << false << 0.0;
    QTest::newRow("sub-ms") << u"duration"_s << u"0.5ms"_s << false << 0.0;
    QTest::newRow("negative") << u"duration"_s << u"-1s"_s << false << 0.0;
    QTest::newRow("bad unit") << u"duration"_s << u"3d"_s << false << 0.0;
    QTest::newRow("percent") << u"percent"_s << u"90%"_s << true << 0.9;
    QTest::newRow("percent fraction") << u"percent"_s << u"12.5%"_s << true << 0.125;
    QTest::newRow("percent without %") << u"percent"_s << u"90"_s << false << 0.0;
    QTest::newRow("start") << u"progress"_s << u"start"_s << true << 0.0;
    QTest::newRow("end") << u"progress"_s << u"end"_s << true << 1.0;
    QTest::newRow("half") << u"progress"_s << u"50%"_s << true << 0.5;
    QTest::newRow("past the end") << u"progress"_s << u"120%"_s << false << 0.0;
    QTest::newRow("middle") << u"progress"_s << u"middle"_s << false << 0.0;
}

void TestScenarioParser::valueForms() {
    QFETCH(QString, form);
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(double, value);
    std::optional<double> got;
    if (form == u"duration") {
        if (const auto ms = parseDurationMs(text))
            got = double(*ms);
    } else if (form == u"percent") {
        got = parsePercent(text);
    } else {
        got = parseProgressPoint(text);
    }
    QCOMPARE(got.has_value(), valid);
    if (valid)
        QCOMPARE(*got, value);
}

void TestScenarioParser::goodInputs_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("minimal: defaults")
        << bytes(kHead + kWork)
        << QStringList{u"name=t"_s,
                       u"seed=1"_s,
                       u"design=virtual"_s,
                       u"durationMs=0"_s,
                       u"sampleIntervalMs=100"_s,
                       u"reclaimBatch=64"_s,
                       u"roundAccesses=4096"_s,
                       u"verifyPages=true"_s,
                       u"pool=true/lz4/3/0/90/4"_s,
                       u"detectZeroPages=true"_s,
                       u"mix=zero=20,text=40,binary=25,random=15,heap=0"_s,
                       u"devices=0"_s,
                       u"cgroups=1"_s,
                       u"cgroups[0].name=/"_s,
                       u"cgroups[0].parent=-1"_s,
                       u"cgroups[0].memoryMax=max"_s,
                       u"workloads=1"_s,
                       u"workloads[0].name=w"_s,
                       u"workloads[0].kind=uniform"_s,
                       u"workloads[0].cgroup=0"_s,
                       u"workloads[0].threads=1"_s,
                       u"workloads[0].pages=256"_s,
                       u"workloads[0].accesses=0"_s,
                       u"workloads[0].writeFraction=0.5"_s,
                       u"workloads[0].hasMix=false"_s,
                       u"actions=0"_s};

    QTest::newRow("top-level settings")
        << bytes(kHead
               + "description = \"one line\"\nseed = 42\ndesign = \"classic\"\nduration = \"30s\"\n"
                 "sample_interval = \"250ms\"\nreclaim_batch = 128\nround_accesses = 1024\nverify_pages = false\n"
               + kWork)
        << QStringList{u"seed=42"_s,           u"design=classic"_s,     u"durationMs=30000"_s,
                       u"sampleIntervalMs=250"_s, u"reclaimBatch=128"_s, u"roundAccesses=1024"_s,
                       u"verifyPages=false"_s};

    QTest::newRow("durations: integer ms, minutes, zero interval")
        << bytes(kHead + "duration = 1500\nsample_interval = 0\n" + kWork)
        << QStringList{u"durationMs=1500"_s, u"sampleIntervalMs=0"_s};

    QTest::newRow("pool")
        << bytes(kHead
               + "[pool]\nenabled = false\ncodec = \"zstd\"\nzstd_level = 5\nlimit = \"64M\"\n"
                 "accept_threshold = \"80%\"\nmax_pages_per_zspage = 2\ndetect_zero_pages = false\n"
               + kWork)
        << QStringList{u"pool=false/zstd/5/67108864/80/2"_s, u"detectZeroPages=false"_s};

    QTest::newRow("pool limit max, lzo, integer threshold")
        << bytes(kHead + "[pool]\ncodec = \"lzo\"\nlimit = \"max\"\naccept_threshold = 75\n" + kWork)
        << QStringList{u"pool=true/lzo/3/0/75/4"_s};

    // 7/100 * 100 and 57/100 * 100 are not whole numbers in binary floating point.
    QTest::newRow("threshold percentages inexact in binary")
        << bytes(kHead + "[pool]\naccept_threshold = \"7%\"\n[[action]]\nkind = \"set-pool\"\n"
                         "pool = { accept_threshold = \"57%\" }\n" + kWork)
        << QStringList{u"pool=true/lz4/3/0/7/4"_s, u"actions[0].pool=true/lz4/3/0/57/4"_s};

    QTest::newRow("pool limit 0 is no cap") << bytes(kHead + "[pool]\nlimit = 0\n" + kWork)
                                            << QStringList{u"pool=true/lz4/3/0/90/4"_s};

    QTest::newRow("device defaults")
        << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = \"256M\"\n" + kWork)
        << QStringList{u"devices=1"_s,
                       u"devices[0].name=ssd"_s,
                       u"devices[0].path=/srv/swaptier/ssd.swap"_s,
                       u"devices[0].sizeBytes=268435456"_s,
                       u"devices[0].priority=-1"_s,
                       u"devices[0].discard=true"_s,
                       u"devices[0].io=0"_s,
                       u"devices[0].preallocate=false"_s,
                       u"devices[0].writeBehind=true"_s};

    QTest::newRow("device options, size forms")
        << bytes(kHead
               + "[[device]]\nname = \"a\"\npath = \"/var/tmp/a.swap\"\nsize = 1073741824\npriority = 10\n"
                 "discard = false\nio = \"direct\"\npreallocate = true\n"
                 "[[device]]\nname = \"b\"\nsize = \"512KiB\"\npriority = 32767\nio = \"buffered\"\n"
                 "write_behind = false\n"
                 "[[device]]\nname = \"c\"\nsize = \"1g\"\n"
               + kWork)
        << QStringList{u"devices=3"_s,
                       u"devices[0].path=/var/tmp/a.swap"_s,
                       u"devices[0].sizeBytes=1073741824"_s,
                       u"devices[0].priority=10"_s,
                       u"devices[0].discard=false"_s,
                       u"devices[0].io=1"_s,
                       u"devices[0].preallocate=true"_s,
                       u"devices[1].name=b"_s,
                       u"devices[1].sizeBytes=524288"_s,
                       u"devices[1].priority=32767"_s,
                       u"devices[1].io=2"_s,
                       u"devices[1].writeBehind=false"_s,
                       u"devices[2].sizeBytes=1073741824"_s};

    QTest::newRow("cgroup tree with root limits")
        << bytes(kHead
               + "[[cgroup]]\nname = \"apps\"\nmemory_max = \"64M\"\n"
                 "[[cgroup]]\nname = \"/\"\nmemory_max = \"1G\"\nswap_max = 0\n"
                 "[[cgroup]]\nname = \"apps/web\"\nparent = \"apps\"\nzswap_max = \"12M\"\nzswap_writeback = false\n"
                 "[[cgroup]]\nname = \"apps/batch\"\nparent = \"apps\"\nswap_max = \"8M\"\nmemory_max = \"max\"\n"
                 "[[workload]]\nname = \"w\"\ncgroup = \"apps/batch\"\nsize = \"1M\"\n")
        << QStringList{u"cgroups=4"_s,
                       u"cgroups[0].name=/"_s,
                       u"cgroups[0].memoryMax=1073741824"_s,
                       u"cgroups[0].swapMax=0"_s,
                       u"cgroups[1].name=apps"_s,
                       u"cgroups[1].parent=0"_s,
                       u"cgroups[1].memoryMax=67108864"_s,
                       u"cgroups[1].swapMax=max"_s,
                       u"cgroups[2].name=apps/web"_s,
                       u"cgroups[2].parent=1"_s,
                       u"cgroups[2].zswapMax=12582912"_s,
                       u"cgroups[2].zswapWriteback=false"_s,
                       u"cgroups[3].parent=1"_s,
                       u"cgroups[3].swapMax=8388608"_s,
                       u"cgroups[3].memoryMax=max"_s,
                       u"workloads[0].cgroup=3"_s};

    QTest::newRow("tiers and allowed tiers: the parent's list and the child's")
        << bytes(kHead
               + "[[tier]]\nname = \"slow\"\nmax_priority = 9\n"
                 "[[tier]]\nname = \"fast\"\nmin_priority = 10\n"
                 "[[cgroup]]\nname = \"apps\"\nallowed_tiers = [\"slow\"]\n"
                 "[[cgroup]]\nname = \"apps/web\"\nparent = \"apps\"\nallowed_tiers = [\"fast\", \"slow\"]\n"
               + kWork)
        << QStringList{u"tiers=2"_s,
                       u"tiers[0]=slow:-1..9"_s,
                       u"tiers[1]=fast:10..32767"_s,
                       u"cgroups[0].allowedTiers="_s,
                       u"cgroups[1].allowedTiers=slow"_s,
                       u"cgroups[2].allowedTiers=fast,slow"_s};

    QTest::newRow("one tier: every priority by default")
        << bytes(kHead + "[[tier]]\nname = \"all\"\n[[cgroup]]\nname = \"/\"\nallowed_tiers = [\"all\"]\n" + kWork)
        << QStringList{u"tiers=1"_s, u"tiers[0]=all:-1..32767"_s, u"cgroups[0].allowedTiers=all"_s};

    QTest::newRow("no [[tier]]: the tier is \"default\"")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nallowed_tiers = [\"default\"]\n" + kWork)
        << QStringList{u"tiers=0"_s, u"cgroups[1].allowedTiers=default"_s};

    QTest::newRow("workload kinds")
        << bytes(kHead
               + "[[workload]]\nname = \"seq\"\nkind = \"sequential\"\nthreads = 16\nsize = \"8M\"\npasses = 2\n"
                 "accesses = 100000\nstart_round = 3\n"
                 "[[workload]]\nname = \"z\"\nkind = \"zipfian\"\nsize = \"4M\"\nzipf_theta = 1.2\n"
                 "write_fraction = 0\n"
                 "[[workload]]\nname = \"p\"\nkind = \"phase-change\"\nsize = \"4M\"\nphases = 8\nphase_window = 1\n"
                 "[[workload]]\nname = \"f\"\nkind = \"fork-heavy\"\nsize = \"4M\"\nfork_every = 512\n"
                 "child_accesses = 64\nmax_children = 2\nwrite_fraction = 0.25\n")
        << QStringList{u"workloads=4"_s,
                       u"workloads[0].kind=sequential"_s,
                       u"workloads[0].threads=16"_s,
                       u"workloads[0].pages=2048"_s,
                       u"workloads[0].passes=2"_s,
                       u"workloads[0].accesses=100000"_s,
                       u"workloads[0].startRound=3"_s,
                       u"workloads[1].kind=zipfian"_s,
                       u"workloads[1].zipfTheta=1.2"_s,
                       u"workloads[1].writeFraction=0"_s,
                       u"workloads[2].kind=phase-change"_s,
                       u"workloads[2].phases=8"_s,
                       u"workloads[2].phaseWindow=1"_s,
                       u"workloads[3].kind=fork-heavy"_s,
                       u"workloads[3].forkEvery=512"_s,
                       u"workloads[3].childAccesses=64"_s,
                       u"workloads[3].maxChildren=2"_s,
                       u"workloads[3].writeFraction=0.25"_s};

    QTest::newRow("mixes: table, text form, missing classes are 0")
        << bytes(kHead
               + "[content]\nmix = \"zero=50,random=50\"\n"
                 "[[workload]]\nname = \"w\"\nsize = \"1M\"\nmix = { text = 80, zero = 20 }\n")
        << QStringList{u"mix=zero=50,text=0,binary=0,random=50,heap=0"_s, u"workloads[0].hasMix=true"_s,
                       u"workloads[0].mix=zero=20,text=80,binary=0,random=0,heap=0"_s};

    QTest::newRow("actions")
        << bytes(kHead
               + "[pool]\nlimit = \"32M\"\n"
                 "[[device]]\nname = \"ssd\"\nsize = \"1M\"\n[[device]]\nname = \"hdd\"\nsize = \"1M\"\n"
               + kWork
               + "[[action]]\nat = \"50%\"\nkind = \"swapoff\"\ndevice = \"hdd\"\n"
                 "[[action]]\nat = 0.25\nkind = \"set-priority\"\ndevice = \"ssd\"\npriority = 5\n"
                 "[[action]]\nat = \"start\"\nkind = \"set-pool\"\npool = { codec = \"zstd\", accept_threshold = 50 }\n"
                 "[[action]]\nkind = \"swapoff\"\ndevice = \"ssd\"\n")
        << QStringList{u"actions=4"_s,
                       u"actions[0].kind=0"_s,
                       u"actions[0].at=0.5"_s,
                       u"actions[0].device=1"_s,
                       u"actions[1].kind=1"_s,
                       u"actions[1].at=0.25"_s,
                       u"actions[1].device=0"_s,
                       u"actions[1].priority=5"_s,
                       u"actions[2].kind=2"_s,
                       u"actions[2].at=0"_s,
                       u"actions[2].pool=true/zstd/3/33554432/50/4"_s,
                       u"actions[3].at=1"_s,
                       u"actions[3].device=0"_s};

    // Two tiers, a cgroup tree and a device, for the tier-policy actions.
    const QByteArray setup = kHead
        + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\npriority = 10\n"
          "[[tier]]\nname = \"fast\"\nmin_priority = 10\n[[tier]]\nname = \"slow\"\nmax_priority = 9\n"
          "[[cgroup]]\nname = \"work\"\n[[cgroup]]\nname = \"work/batch\"\nparent = \"work\"\n"
        + kWork;
    QTest::newRow("add-device: [[device]] keys; later actions name it")
        << bytes(setup
                 + "[[action]]\nkind = \"add-device\"\nat = \"30%\"\nname = \"extra\"\nsize = \"64M\"\npriority = 20\n"
                   "[[action]]\nkind = \"add-device\"\nat = 0.3\npath = \"/mnt/hdd/b.swap\"\nsize = 8192\nio = \"direct\"\n"
                   "discard = false\npreallocate = true\nwrite_behind = false\n"
                   "[[action]]\nkind = \"set-priority\"\nat = \"30%\"\ndevice = \"extra\"\npriority = 3\n"
                   "[[action]]\nkind = \"swapoff\"\ndevice = \"extra\"\n"
                   "[[action]]\nkind = \"compact-device\"\ndevice = \"ssd\"\n")
        << QStringList{u"actions=5"_s,
                       u"devices=1"_s, // an added device is no [[device]]: it comes at run time
                       u"actions[0].kind=9"_s,
                       u"actions[0].at=0.3"_s,
                       u"actions[0].newDevice=/srv/swaptier/extra.swap/67108864/20/0/true/false/true"_s,
                       u"actions[0].newDeviceName=extra"_s,
                       u"actions[1].newDevice=/mnt/hdd/b.swap/8192/-1/1/false/true/false"_s,
                       u"actions[1].newDeviceName="_s,
                       u"actions[2].device=1"_s, // devices.size() + 0: the first add
                       u"actions[2].priority=3"_s,
                       u"actions[3].kind=0"_s,
                       u"actions[3].device=1"_s,
                       u"actions[4].device=0"_s};
    QTest::newRow("compactions")
        << bytes(setup + "[[action]]\nkind = \"compact-device\"\ndevice = \"ssd\"\nat = \"50%\"\n"
                         "[[action]]\nkind = \"compact-pool\"\n")
        << QStringList{u"actions=2"_s, u"actions[0].kind=3"_s, u"actions[0].device=0"_s, u"actions[0].at=0.5"_s,
                       u"actions[1].kind=4"_s, u"actions[1].at=1"_s};
    QTest::newRow("writeback: defaults (every cgroup, engine defaults)")
        << bytes(setup + "[[action]]\nkind = \"writeback\"\n")
        << QStringList{u"actions[0].kind=5"_s, u"actions[0].cgroup=0"_s,
                       u"actions[0].writeback=max/max/max/0/true/false/256"_s};
    QTest::newRow("writeback: every key")
        << bytes(setup
                 + "[[action]]\nkind = \"writeback\"\ncgroup = \"work/batch\"\nmax_pages = 4096\n"
                   "max_pool_bytes = \"8M\"\nmax_write_bytes = 65536\nmin_idle = \"30s\"\nsecond_chance = false\n"
                   "compressed = true\nbatch_pages = 512\n")
        << QStringList{u"actions[0].cgroup=2"_s,
                       u"actions[0].writeback=4096/8388608/65536/30000000000/false/true/512"_s};
    QTest::newRow("writeback: cgroup as a path, batch of 1, max limits")
        << bytes(setup
                 + "[[action]]\nkind = \"writeback\"\ncgroup = \"/work\"\nbatch_pages = 1\n"
                   "max_pool_bytes = \"max\"\nmin_idle = 250\n")
        << QStringList{u"actions[0].cgroup=1"_s, u"actions[0].writeback=max/max/max/250000000/true/false/1"_s};
    QTest::newRow("set-policy: every key")
        << bytes(setup
                 + "[[action]]\nkind = \"set-policy\"\nat = 0.3\ncgroup = \"work/batch\"\nswap_max = \"32M\"\n"
                   "zswap_max = \"16M\"\nzswap_writeback = false\nallowed_tiers = [\"slow\", \"fast\"]\n")
        << QStringList{u"actions[0].kind=6"_s, u"actions[0].at=0.3"_s, u"actions[0].cgroup=2"_s,
                       u"actions[0].policy=33554432/16777216/false/[slow,fast]"_s};
    QTest::newRow("set-policy: one key; max; [] allows every tier")
        << bytes(setup + "[[action]]\nkind = \"set-policy\"\ncgroup = \"/\"\nzswap_max = \"max\"\n"
                         "[[action]]\nkind = \"set-policy\"\ncgroup = \"work\"\nallowed_tiers = []\n")
        << QStringList{u"actions[0].cgroup=0"_s, u"actions[0].policy=-/max/-/-"_s, u"actions[1].cgroup=1"_s,
                       u"actions[1].policy=-/-/-/[]"_s};
    QTest::newRow("set-policy: allowed tier \"default\" without [[tier]]")
        << bytes(kHead + kWork + "[[action]]\nkind = \"set-policy\"\ncgroup = \"/\"\nallowed_tiers = [\"default\"]\n")
        << QStringList{u"actions[0].policy=-/-/-/[default]"_s};
    QTest::newRow("recompress: defaults and every key")
        << bytes(setup + "[[action]]\nkind = \"recompress\"\n"
                         "[[action]]\nkind = \"recompress\"\ncgroup = \"work\"\ncodec = \"lzo\"\nzstd_level = 19\n"
                         "min_idle = \"2m\"\nmax_pages = 100\n")
        << QStringList{u"actions[0].kind=7"_s, u"actions[0].cgroup=0"_s, u"actions[0].recompress=zstd/9/0/max"_s,
                       u"actions[1].cgroup=1"_s, u"actions[1].recompress=lzo/19/120000000000/100"_s};
    QTest::newRow("set-promotion keeps the [promotion] value it does not set")
        << bytes(kHead + "[promotion]\ndevice_to_pool = true\nmin_loads = 3\n" + kWork
                 + "[[action]]\nkind = \"set-promotion\"\nmin_loads = 1\n"
                   "[[action]]\nkind = \"set-promotion\"\ndevice_to_pool = false\n"
                   "[[action]]\nkind = \"set-promotion\"\ndevice_to_faster_tier = true\n")
        << QStringList{u"promotion=true/false/3"_s, u"actions[0].kind=8"_s, u"actions[0].promotion=true/false/1"_s,
                       u"actions[1].promotion=false/false/3"_s, u"actions[2].promotion=true/true/3"_s};
    QTest::newRow("[promotion]: up the tiers")
        << bytes(kHead + "[promotion]\ndevice_to_faster_tier = true\nmin_loads = 2\n" + kWork)
        << QStringList{u"promotion=false/true/2"_s};
    QTest::newRow("no [promotion] or [maintenance]: off")
        << bytes(kHead + kWork)
        << QStringList{u"promotion=false/false/1"_s, u"maintainEveryRounds=0"_s,
                       u"maintenance=0/0/zstd/9/max/false"_s};
    QTest::newRow("[maintenance]: every key")
        << bytes(kHead
                 + "[maintenance]\nevery_rounds = 16\nidle_writeback = \"30s\"\nrecompress_after = \"1m\"\n"
                   "recompress_codec = \"lz4\"\nrecompress_level = -5\nwrite_budget = \"1G\"\n"
                   "compressed_writeback = true\n"
                 + kWork)
        << QStringList{u"maintainEveryRounds=16"_s,
                       u"maintenance=30000000000/60000000000/lz4/-5/1073741824/true"_s};
    QTest::newRow("[maintenance]: budget per hour with /h, and none")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nwrite_budget = \"512M/h\"\n" + kWork)
        << QStringList{u"maintainEveryRounds=1"_s, u"maintenance=0/0/zstd/9/536870912/false"_s};
    QTest::newRow("[maintenance]: write_budget max")
        << bytes(kHead + "[maintenance]\nevery_rounds = 4\nwrite_budget = \"max\"\n" + kWork)
        << QStringList{u"maintenance=0/0/zstd/9/max/false"_s};
    QTest::newRow("workload cgroup as a path")
        << bytes(kHead + "[[cgroup]]\nname = \"batch\"\n[[workload]]\nname = \"w\"\nsize = \"1M\"\ncgroup = \"/batch\"\n")
        << QStringList{u"workloads[0].cgroup=1"_s};
}

void TestScenarioParser::goodInputs() {
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    const auto outcome = ScenarioParser::parse(text, u"good.toml"_s, withDeviceDir());
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.source, u"good.toml"_s);
    QCOMPARE(scenario.variants.size(), std::size_t(1));
    QVERIFY(scenario.variants[0].label.isEmpty());
    QVERIFY(scenario.sweepKey.isEmpty());
    expectFields(scenario.variants[0].config, expected);
}

void TestScenarioParser::badInputs_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("fragment");

    // kHead is lines 1-2, so the first line a row adds is line 3.
    QTest::newRow("syntax error") << bytes(QByteArray("format = 1\nname = = \"t\"\n")) << 2 << 8
                                  << u"TOML syntax error"_s;
    QTest::newRow("syntax error: unterminated header")
        << bytes(kHead + "[[device\n") << 3 << 9 << u"TOML syntax error"_s;
    QTest::newRow("unknown key")
        << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\n  prioity = 5\n" + kWork) << 6 << 3
        << u"unknown key 'prioity' in [[device]], did you mean 'priority'? (known: name, path, size"_s;
    QTest::newRow("unknown top-level key")
        << bytes(kHead + "sed = 4\n" + kWork) << 3 << 1 << u"unknown key 'sed' in the top-level table"_s;
    QTest::newRow("unknown mix class") << bytes(kHead + "[content]\nmix = { txt = 1 }\n" + kWork) << 4 << 9
                                       << u"unknown key 'txt' in [content].mix"_s;
    QTest::newRow("wrong type") << bytes(kHead + "seed = \"x\"\n" + kWork) << 3 << 8
                                << u"'seed' in the top-level table must be an integer, not a string"_s;
    QTest::newRow("wrong type: table expected")
        << bytes(kHead + "pool = 3\n" + kWork) << 3 << 8
        << u"'pool' in the top-level table must be a table ([pool]), not an integer"_s;
    QTest::newRow("wrong type: array of tables expected")
        << bytes(kHead + "[device]\nname = \"x\"\n" + kWork) << 3 << 1 << u"must be an array of tables ([[device]])"_s;
    QTest::newRow("bad size") << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = \"12X\"\n" + kWork) << 5 << 8
                              << u"'12X' is not a size"_s;
    QTest::newRow("negative size") << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = -4096\n" + kWork) << 5 << 8
                                   << u"must be a size of 0 bytes or more, not -4096"_s;
    QTest::newRow("non-page size")
        << bytes(kHead + "[[workload]]\nname = \"w\"\nsize = 5000\n") << 5 << 8
        << u"'size' in [[workload]] must be a whole number of 4096-byte pages, not 5000 bytes"_s;
    QTest::newRow("less than a page") << bytes(kHead + "[[device]]\nname = \"d\"\nsize = \"0\"\n" + kWork) << 5 << 8
                                      << u"at least one page"_s;
    QTest::newRow("duplicate device") << bytes(
        kHead + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\n[[device]]\nname = \"ssd\"\nsize = \"1M\"\n" + kWork)
                                      << 7 << 8 << u"duplicate device name 'ssd' (first defined on line 4)"_s;
    QTest::newRow("duplicate swapfile path") << bytes(
        kHead + "[[device]]\nname = \"a\"\nsize = \"1M\"\n[[device]]\nname = \"b\"\npath = \"a.swap\"\nsize = \"1M\"\n"
        + kWork) << 8 << 8 << u"device 'b' uses the same swapfile as device 'a'"_s;
    QTest::newRow("bad device name") << bytes(kHead + "[[device]]\nname = \"a b\"\nsize = \"1M\"\n" + kWork) << 4 << 8
                                     << u"may only use letters, digits"_s;
    QTest::newRow("priority out of range")
        << bytes(kHead + "[[device]]\nname = \"a\"\nsize = \"1M\"\npriority = 40000\n" + kWork) << 6 << 12
        << u"must be between -1 and 32767, not 40000"_s;
    QTest::newRow("unknown io mode") << bytes(kHead + "[[device]]\nname = \"a\"\nsize = \"1M\"\nio = \"sync\"\n"
                                              + kWork)
                                     << 6 << 6 << u"must be one of \"auto\", \"direct\", \"buffered\", not \"sync\""_s;
    QTest::newRow("unknown cgroup parent")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nparent = \"nope\"\n" + kWork) << 5 << 10
        << u"unknown parent cgroup 'nope' (cgroups: /)"_s;
    QTest::newRow("parent defined later")
        << bytes(kHead + "[[cgroup]]\nname = \"child\"\nparent = \"later\"\n[[cgroup]]\nname = \"later\"\n" + kWork)
        << 5 << 10 << u"parent cgroup 'later' is defined later in the file"_s;
    QTest::newRow("own parent") << bytes(kHead + "[[cgroup]]\nname = \"a\"\nparent = \"a\"\n" + kWork) << 5 << 10
                                << u"cannot be its own parent"_s;
    QTest::newRow("duplicate cgroup") << bytes(kHead + "[[cgroup]]\nname = \"a\"\n[[cgroup]]\nname = \"a\"\n" + kWork)
                                      << 6 << 8 << u"duplicate cgroup name 'a' (first defined on line 4)"_s;
    QTest::newRow("root twice") << bytes(kHead + "[[cgroup]]\nname = \"/\"\n[[cgroup]]\nname = \"/\"\n" + kWork) << 6
                                << 8 << u"the root cgroup '/' is given twice (first on line 4)"_s;
    QTest::newRow("root with a parent") << bytes(kHead + "[[cgroup]]\nname = \"/\"\nparent = \"/\"\n" + kWork) << 5
                                        << 10 << u"the root cgroup '/' has no parent"_s;
    QTest::newRow("cgroup limit not a size") << bytes(kHead + "[[cgroup]]\nname = \"a\"\nmemory_max = true\n" + kWork)
                                             << 5 << 14 << u"a string such as \"64M\" or \"max\")"_s;
    QTest::newRow("unknown allowed tier")
        << bytes(kHead + "[[tier]]\nname = \"slow\"\n[[cgroup]]\nname = \"a\"\nallowed_tiers = [\"slow\", \"nvme\"]\n"
                 + kWork)
        << 7 << 26 << u"unknown tier 'nvme' in 'allowed_tiers' in [[cgroup]] (tiers: slow)"_s;
    QTest::newRow("allowed tier without [[tier]]")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nallowed_tiers = [\"fast\"]\n" + kWork) << 5 << 18
        << u"unknown tier 'fast' in 'allowed_tiers' in [[cgroup]] (the scenario has no [[tier]], so its only tier is \"default\")"_s;
    QTest::newRow("allowed tiers empty")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nallowed_tiers = []\n" + kWork) << 5 << 17
        << u"must name at least one tier; leave it out to allow every tier"_s;
    QTest::newRow("allowed tier twice")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nallowed_tiers = [\"default\", \"default\"]\n" + kWork) << 5
        << 29 << u"tier 'default' is listed twice"_s;
    QTest::newRow("allowed tiers not an array")
        << bytes(kHead + "[[cgroup]]\nname = \"a\"\nallowed_tiers = \"default\"\n" + kWork) << 5 << 17
        << u"must be an array of tier names such as [\"fast\", \"slow\"], not a string"_s;
    QTest::newRow("gap between tiers")
        << bytes(kHead + "[[tier]]\nname = \"fast\"\nmin_priority = 10\n[[tier]]\nname = \"slow\"\nmax_priority = 8\n"
                 + kWork)
        << 8 << 16
        << u"tiers 'slow' (-1..8) and 'fast' (10..32767) leave priorities 9..9 without a tier; the ranges must cover -1..32767 with no gap"_s;
    QTest::newRow("overlapping tiers")
        << bytes(kHead + "[[tier]]\nname = \"fast\"\nmin_priority = 10\n[[tier]]\nname = \"slow\"\nmax_priority = 10\n"
                 + kWork)
        << 8 << 16 << u"the ranges of tiers 'slow' (-1..10) and 'fast' (10..32767) overlap"_s;
    QTest::newRow("top priorities without a tier")
        << bytes(kHead + "[[tier]]\nname = \"low\"\nmax_priority = 100\n" + kWork) << 5 << 16
        << u"no tier holds priorities 101..32767: the highest range, tier 'low' (-1..100), must end at 32767"_s;
    QTest::newRow("bottom priorities without a tier")
        << bytes(kHead + "[[tier]]\nname = \"high\"\nmin_priority = 0\n" + kWork) << 5 << 16
        << u"no tier holds priorities -1..-1"_s;
    QTest::newRow("duplicate tier")
        << bytes(kHead + "[[tier]]\nname = \"a\"\nmax_priority = 9\n[[tier]]\nname = \"a\"\nmin_priority = 10\n"
                 + kWork)
        << 7 << 8 << u"duplicate tier name 'a' (first defined on line 4)"_s;
    QTest::newRow("tier name")
        << bytes(kHead + "[[tier]]\nname = \"Fast\"\n" + kWork) << 4 << 8
        << u"tier name 'Fast' may only use lowercase letters, digits, '_' and '-', at most 32 of them"_s;
    QTest::newRow("tier max below min")
        << bytes(kHead + "[[tier]]\nname = \"x\"\nmin_priority = 10\nmax_priority = 5\n" + kWork) << 6 << 16
        << u"'max_priority' in [[tier]] must be at least min_priority (10), not 5"_s;
    QTest::newRow("tier priority out of range")
        << bytes(kHead + "[[tier]]\nname = \"x\"\nmin_priority = -2\n" + kWork) << 5 << 16
        << u"must be between -1 and 32767, not -2"_s;
    QTest::newRow("unknown tier key")
        << bytes(kHead + "[[tier]]\nname = \"x\"\nmin_prority = 3\n" + kWork) << 5 << 1
        << u"unknown key 'min_prority' in [[tier]], did you mean 'min_priority'? (known: name, min_priority, max_priority)"_s;
    QTest::newRow("unknown workload cgroup")
        << bytes(kHead + "[[workload]]\nname = \"w\"\ncgroup = \"batch\"\nsize = \"1M\"\n") << 5 << 10
        << u"unknown cgroup 'batch' in [[workload]] (cgroups: /)"_s;
    QTest::newRow("duplicate workload") << bytes(kHead + kWork + kWork) << 7 << 8 << u"duplicate workload name 'w'"_s;
    QTest::newRow("unknown device in action")
        << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\n" + kWork
               + "[[action]]\nkind = \"swapoff\"\ndevice = \"hdd\"\n")
        << 11 << 10 << u"unknown device 'hdd' in [[action]] (devices: ssd)"_s;
    QTest::newRow("action without device") << bytes(kHead + kWork + "[[action]]\nkind = \"swapoff\"\n") << 6 << 1
                                           << u"missing required key 'device' in [[action]]"_s;
    QTest::newRow("action key of another kind")
        << bytes(kHead + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\n" + kWork
               + "[[action]]\nkind = \"swapoff\"\ndevice = \"ssd\"\npriority = 3\n")
        << 12 << 12 << u"'priority' in [[action]] does not apply to kind = \"swapoff\""_s;
    QTest::newRow("action at past the end")
        << bytes(kHead + kWork + "[[action]]\nat = \"120%\"\nkind = \"set-pool\"\npool = {}\n") << 7 << 6
        << u"not \"120%\""_s;
    QTest::newRow("action at out of range")
        << bytes(kHead + kWork + "[[action]]\nat = 1.5\nkind = \"set-pool\"\npool = {}\n") << 7 << 6
        << u"must be between 0 and 1, not 1.5"_s;
    QTest::newRow("set-pool cannot set zero-page detection")
        << bytes(kHead + kWork + "[[action]]\nkind = \"set-pool\"\npool = { detect_zero_pages = false }\n") << 8 << 10
        << u"unknown key 'detect_zero_pages' in [[action]].pool"_s;
    QTest::newRow("missing required key") << bytes(kHead + "[[device]]\nname = \"ssd\"\n" + kWork) << 3 << 1
                                          << u"missing required key 'size' in [[device]]"_s;
    QTest::newRow("missing name") << bytes(QByteArray("format = 1\n") + kWork) << 1 << 1
                                  << u"missing required key 'name' in the top-level table"_s;
    QTest::newRow("missing format") << bytes(QByteArray("name = \"t\"\n") + kWork) << 1 << 1
                                    << u"missing required key 'format'"_s;
    QTest::newRow("workload without size") << bytes(kHead + "[[workload]]\nname = \"w\"\n") << 3 << 1
                                           << u"missing required key 'size' in [[workload]]"_s;
    QTest::newRow("no workload") << bytes(kHead) << 1 << 1 << u"a scenario needs at least one [[workload]]"_s;
    QTest::newRow("bad codec") << bytes(kHead + "[pool]\ncodec = \"gzip\"\n" + kWork) << 4 << 9
                               << u"unknown codec 'gzip' in [pool]"_s;
    QTest::newRow("raw is not a pool codec") << bytes(kHead + "[pool]\ncodec = \"raw\"\n" + kWork) << 4 << 9
                                             << u"unknown codec 'raw'"_s;
    QTest::newRow("threshold out of range") << bytes(kHead + "[pool]\naccept_threshold = \"150%\"\n" + kWork) << 4 << 20
                                            << u"a whole percentage between 1 and 100"_s;
    QTest::newRow("zspage chain too long") << bytes(kHead + "[pool]\nmax_pages_per_zspage = 17\n" + kWork) << 4 << 24
                                           << u"between 1 and 16, not 17"_s;
    QTest::newRow("threads out of range") << bytes(kHead + "[[workload]]\nname = \"w\"\nsize = \"1M\"\nthreads = 0\n")
                                          << 6 << 11 << u"'threads' in [[workload]] must be between 1 and 256, not 0"_s;
    QTest::newRow("too many threads")
        << bytes(kHead + "[[workload]]\nname = \"a\"\nsize = \"1M\"\nthreads = 256\n"
                 "[[workload]]\nname = \"b\"\nsize = \"1M\"\nthreads = 256\n"
                 "[[workload]]\nname = \"c\"\nsize = \"1M\"\nthreads = 256\n"
                 "[[workload]]\nname = \"d\"\nsize = \"1M\"\nthreads = 256\n"
                 "[[workload]]\nname = \"e\"\nsize = \"1M\"\nthreads = 1\n")
        << 22 << 11 << u"the workloads have 1025 threads in all; a sandbox runs at most 1024"_s;
    QTest::newRow("memory_max below 16 pages per thread")
        << bytes(kHead
                 + "[[cgroup]]\nname = \"small\"\nmemory_max = \"128K\"\n"
                   "[[workload]]\nname = \"w\"\ncgroup = \"small\"\nsize = \"1M\"\nthreads = 3\n")
        << 5 << 14
        << u"memory_max of cgroup 'small' must be at least 196608 bytes: 16 pages for each of the 3 threads"_s;
    QTest::newRow("too many children")
        << bytes(kHead + "[[workload]]\nname = \"w\"\nkind = \"fork-heavy\"\nsize = \"1M\"\nmax_children = 65\n")
        << 7 << 16 << u"between 1 and 64, not 65"_s;
    QTest::newRow("zipf theta 1") << bytes(
        kHead + "[[workload]]\nname = \"w\"\nkind = \"zipfian\"\nsize = \"1M\"\nzipf_theta = 1\n")
                                  << 7 << 14 << u"must not be 1"_s;
    QTest::newRow("phase window 0") << bytes(
        kHead + "[[workload]]\nname = \"w\"\nkind = \"phase-change\"\nsize = \"1M\"\nphase_window = 0\n")
                                    << 7 << 16 << u"must be above 0 and at most 1, not 0"_s;
    QTest::newRow("key of another workload kind")
        << bytes(kHead + "[[workload]]\nname = \"w\"\nkind = \"sequential\"\nsize = \"1M\"\nzipf_theta = 0.9\n") << 7
        << 14 << u"'zipf_theta' in [[workload]] does not apply to kind = \"sequential\""_s;
    QTest::newRow("size of a trace") << bytes(kHead + "[[workload]]\nname = \"w\"\nkind = \"trace\"\nsize = \"1M\"\n")
                                     << 6 << 8 << u"'size' in [[workload]] does not apply to kind = \"trace\""_s;
    QTest::newRow("unknown workload kind") << bytes(kHead + "[[workload]]\nname = \"w\"\nkind = \"random\"\n") << 5 << 8
                                           << u"must be one of \"sequential\", \"uniform\""_s;
    QTest::newRow("trace file missing")
        << bytes(kHead + "[[workload]]\nname = \"w\"\nkind = \"trace\"\ntrace = \"no/such.trace\"\n") << 6 << 9
        << u"no such file"_s;
    QTest::newRow("mix of zeros") << bytes(kHead + "[content]\nmix = { zero = 0 }\n" + kWork) << 4 << 7
                                  << u"needs at least one weight above 0"_s;
    QTest::newRow("bad duration") << bytes(kHead + "duration = \"10 parsecs\"\n" + kWork) << 3 << 12
                                  << u"'10 parsecs' is not a duration"_s;
    QTest::newRow("two-line description") << bytes(kHead + "description = \"\"\"\na\nb\"\"\"\n" + kWork) << 3 << 15
                                          << u"must be a single line"_s;
    QTest::newRow("empty name") << bytes(QByteArray("format = 1\nname = \"\"\n") + kWork) << 2 << 8
                                << u"must not be empty"_s;
    QTest::newRow("bad sweep key")
        << bytes(kHead + kWork + "[sweep]\nkey = \"workload.mapper.size\"\nvalues = [\"1M\"]\n") << 7 << 7
        << u"bad sweep key 'workload.mapper.size': there is no [[workload]] named 'mapper'"_s;
    QTest::newRow("bad sweep key: unknown field")
        << bytes(kHead + kWork + "[sweep]\nkey = \"workload.w.sise\"\nvalues = [\"1M\"]\n") << 7 << 7
        << u"bad sweep key 'workload.w.sise': [[workload]] has no key 'sise'"_s;
    QTest::newRow("bad sweep key: section")
        << bytes(kHead + kWork + "[sweep]\nkey = \"disk.x.size\"\nvalues = [\"1M\"]\n") << 7 << 7
        << u"bad sweep key 'disk.x.size'"_s;
    QTest::newRow("bad sweep key: format")
        << bytes(kHead + kWork + "[sweep]\nkey = \"format\"\nvalues = [2]\n") << 7 << 7 << u"bad sweep key 'format'"_s;
    QTest::newRow("sweep value of wrong type")
        << bytes(kHead + kWork + "[sweep]\nkey = \"workload.w.size\"\nvalues = [\"1M\", true]\n") << 8 << 17
        << u"'size' in [[workload]] must be a size"_s;
    QTest::newRow("sweep value out of range") << bytes(kHead + kWork + "[sweep]\nkey = \"seed\"\nvalues = [1, -1]\n")
                                              << 8 << 14 << u"'seed' in the top-level table"_s;
    QTest::newRow("sweep without values") << bytes(kHead + kWork + "[sweep]\nkey = \"seed\"\nvalues = []\n") << 8 << 10
                                          << u"needs at least one value"_s;
    QTest::newRow("unknown parent cgroup, did you mean")
        << bytes(kHead + "[[cgroup]]\nname = \"work\"\n[[cgroup]]\nname = \"b\"\nparent = \"wrok\"\n" + kWork) << 7 << 10
        << u"unknown parent cgroup 'wrok', did you mean 'work'? (cgroups: /, work)"_s;

    // Tier-policy actions. `setup` is lines 1-20, so an action's [[action]] is line 21 and its
    // keys follow from line 22.
    const QByteArray setup = kHead
        + "[[device]]\nname = \"ssd\"\nsize = \"1M\"\npriority = 10\n"
          "[[tier]]\nname = \"fast\"\nmin_priority = 10\n[[tier]]\nname = \"slow\"\nmax_priority = 9\n"
          "[[cgroup]]\nname = \"work\"\n[[cgroup]]\nname = \"work/batch\"\nparent = \"work\"\n"
        + kWork;
    const auto action = [&](const char* body) { return bytes(setup + "[[action]]\n" + body); };
    QTest::newRow("action kind typo: did you mean")
        << action("kind = \"writebak\"\n") << 22 << 8
        << u"'kind' in [[action]] must be one of \"swapoff\", \"set-priority\", \"set-pool\", \"compact-device\", "
           "\"compact-pool\", \"writeback\", \"set-policy\", \"recompress\", \"set-promotion\", \"add-device\", "
           "not \"writebak\"; did you mean \"writeback\"?"_s;
    QTest::newRow("action kind far from any: no suggestion")
        << action("kind = \"defragment\"\n") << 22 << 8 << u"\"add-device\", not \"defragment\""_s;
    QTest::newRow("add-device: name of a [[device]]")
        << action("kind = \"add-device\"\nname = \"ssd\"\nsize = \"1M\"\n") << 23 << 8
        << u"duplicate device name 'ssd': the scenario has a device of that name already"_s;
    QTest::newRow("add-device: swapfile of a [[device]]")
        << action("kind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\npath = \"/srv/swaptier/ssd.swap\"\n") << 25 << 8
        << u"device 'x' uses the same swapfile as device 'ssd': /srv/swaptier/ssd.swap"_s;
    QTest::newRow("add-device: neither name nor path")
        << action("kind = \"add-device\"\nsize = \"1M\"\n") << 21 << 1 << u"missing required key 'path' in [[action]]"_s;
    QTest::newRow("add-device: size")
        << action("kind = \"add-device\"\nname = \"x\"\nsize = 5000\n") << 24 << 8
        << u"'size' in [[action]] must be a whole number of 4096-byte pages"_s;
    QTest::newRow("add-device: key of another kind")
        << action("kind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\ncgroup = \"work\"\n") << 25 << 10
        << u"'cgroup' in [[action]] does not apply to kind = \"add-device\""_s;
    QTest::newRow("add-device: path of another kind")
        << action("kind = \"swapoff\"\ndevice = \"ssd\"\npath = \"x.swap\"\n") << 24 << 8
        << u"'path' in [[action]] does not apply to kind = \"swapoff\""_s;
    QTest::newRow("add-device: named before the add in the file")
        << action("kind = \"swapoff\"\ndevice = \"x\"\n[[action]]\nkind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\n")
        << 23 << 10 << u"unknown device 'x' in [[action]] (devices: ssd)"_s;
    QTest::newRow("add-device: named to run before the add")
        << action("kind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\nat = \"60%\"\n"
                  "[[action]]\nkind = \"swapoff\"\ndevice = \"x\"\nat = \"50%\"\n")
        << 28 << 10
        << u"device 'x' is added at \"60%\", after this action runs (at \"50%\"): an action may only name a device "
           "added at the same point or before"_s;
    QTest::newRow("add-device: two with one name")
        << action("kind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\n"
                  "[[action]]\nkind = \"add-device\"\nname = \"x\"\nsize = \"1M\"\npath = \"y.swap\"\n")
        << 27 << 8 << u"duplicate device name 'x'"_s;
    QTest::newRow("action key typo: did you mean")
        << action("kind = \"writeback\"\nbatch_page = 3\n") << 23 << 1
        << u"unknown key 'batch_page' in [[action]], did you mean 'batch_pages'?"_s;
    QTest::newRow("writeback: unknown cgroup, did you mean")
        << action("kind = \"writeback\"\ncgroup = \"work/bach\"\n") << 23 << 10
        << u"unknown cgroup 'work/bach' in [[action]], did you mean 'work/batch'? (cgroups: /, work, work/batch)"_s;
    QTest::newRow("writeback: unknown cgroup path, did you mean")
        << action("kind = \"writeback\"\ncgroup = \"/wrk\"\n") << 23 << 10
        << u"unknown cgroup '/wrk' in [[action]], did you mean '/work'?"_s;
    QTest::newRow("writeback: batch_pages 0")
        << action("kind = \"writeback\"\nbatch_pages = 0\n") << 23 << 15
        << u"'batch_pages' in [[action]] must be between 1 and 512, not 0"_s;
    QTest::newRow("writeback: batch_pages 513")
        << action("kind = \"writeback\"\nbatch_pages = 513\n") << 23 << 15
        << u"'batch_pages' in [[action]] must be between 1 and 512, not 513"_s;
    QTest::newRow("writeback: max_pages 0")
        << action("kind = \"writeback\"\nmax_pages = 0\n") << 23 << 13
        << u"'max_pages' in [[action]] must be 1 or more, not 0"_s;
    QTest::newRow("writeback: max_pool_bytes not a size")
        << action("kind = \"writeback\"\nmax_pool_bytes = \"8 pages\"\n") << 23 << 18
        << u"'max_pool_bytes' in [[action]]: '8 pages' is not a size"_s;
    QTest::newRow("writeback: min_idle not a duration")
        << action("kind = \"writeback\"\nmin_idle = \"soon\"\n") << 23 << 12
        << u"'min_idle' in [[action]]: 'soon' is not a duration"_s;
    QTest::newRow("writeback: second_chance not a boolean")
        << action("kind = \"writeback\"\nsecond_chance = \"no\"\n") << 23 << 17
        << u"'second_chance' in [[action]] must be true or false, not a string"_s;
    QTest::newRow("writeback: key of another kind")
        << action("kind = \"writeback\"\nzswap_max = \"1M\"\n") << 23 << 13
        << u"'zswap_max' in [[action]] does not apply to kind = \"writeback\""_s;
    QTest::newRow("set-policy: zswap_max lots")
        << action("kind = \"set-policy\"\ncgroup = \"work\"\nzswap_max = \"lots\"\n") << 24 << 13
        << u"'zswap_max' in [[action]]: 'lots' is not a size; expected a number of bytes or a number with K, M, G or T (such as \"64M\"), or \"max\""_s;
    QTest::newRow("set-policy: undeclared tier, did you mean")
        << action("kind = \"set-policy\"\ncgroup = \"work\"\nallowed_tiers = [\"slow\", \"fasst\"]\n") << 24 << 26
        << u"unknown tier 'fasst' in 'allowed_tiers' in [[action]], did you mean 'fast'? (tiers: fast, slow)"_s;
    QTest::newRow("set-policy: tier without [[tier]]")
        << bytes(kHead + kWork + "[[action]]\nkind = \"set-policy\"\ncgroup = \"/\"\nallowed_tiers = [\"fast\"]\n")
        << 9 << 18 << u"unknown tier 'fast' in 'allowed_tiers' in [[action]] (the scenario has no [[tier]]"_s;
    QTest::newRow("set-policy: changes nothing")
        << action("kind = \"set-policy\"\ncgroup = \"work\"\n") << 21 << 1
        << u"kind = \"set-policy\" in [[action]] changes nothing: give at least one of swap_max, zswap_max, zswap_writeback, allowed_tiers"_s;
    QTest::newRow("set-policy: no cgroup")
        << action("kind = \"set-policy\"\nzswap_max = \"1M\"\n") << 21 << 1
        << u"missing required key 'cgroup' in [[action]]"_s;
    QTest::newRow("set-policy: key of another kind")
        << action("kind = \"set-policy\"\ncgroup = \"work\"\nmax_pages = 5\n") << 24 << 13
        << u"'max_pages' in [[action]] does not apply to kind = \"set-policy\""_s;
    QTest::newRow("recompress: codec raw")
        << action("kind = \"recompress\"\ncodec = \"raw\"\n") << 23 << 9
        << u"unknown codec 'raw' in [[action]]: recompression compresses with \"lz4\", \"zstd\" or \"lzo\""_s;
    QTest::newRow("recompress: codec typo")
        << action("kind = \"recompress\"\ncodec = \"zstdd\"\n") << 23 << 9 << u"or \"lzo\", did you mean 'zstd'?"_s;
    QTest::newRow("recompress: zstd level")
        << action("kind = \"recompress\"\nzstd_level = 23\n") << 23 << 14
        << u"'zstd_level' in [[action]] must be between -131072 and 22, not 23"_s;
    QTest::newRow("compact-device: unknown device, did you mean")
        << action("kind = \"compact-device\"\ndevice = \"sdd\"\n") << 23 << 10
        << u"unknown device 'sdd' in [[action]], did you mean 'ssd'? (devices: ssd)"_s;
    QTest::newRow("compact-device: no device")
        << action("kind = \"compact-device\"\n") << 21 << 1 << u"missing required key 'device' in [[action]]"_s;
    QTest::newRow("compact-pool: takes no device")
        << action("kind = \"compact-pool\"\ndevice = \"ssd\"\n") << 23 << 10
        << u"'device' in [[action]] does not apply to kind = \"compact-pool\""_s;
    QTest::newRow("set-promotion: min_loads 0")
        << action("kind = \"set-promotion\"\nmin_loads = 0\n") << 23 << 13
        << u"'min_loads' in [[action]] must be between 1 and 4294967295, not 0"_s;
    QTest::newRow("set-promotion: changes nothing")
        << action("kind = \"set-promotion\"\nat = \"start\"\n") << 21 << 1
        << u"kind = \"set-promotion\" in [[action]] changes nothing: give at least one of device_to_pool, device_to_faster_tier, min_loads"_s;
    QTest::newRow("[promotion]: min_loads 0")
        << bytes(kHead + "[promotion]\nmin_loads = 0\n" + kWork) << 4 << 13
        << u"'min_loads' in [promotion] must be between 1 and 4294967295, not 0"_s;
    QTest::newRow("[promotion]: not a table")
        << bytes(kHead + "promotion = true\n" + kWork) << 3 << 13
        << u"'promotion' in the top-level table must be a table ([promotion]), not a boolean"_s;
    QTest::newRow("[maintenance]: no every_rounds")
        << bytes(kHead + "[maintenance]\nidle_writeback = \"1s\"\n" + kWork) << 3 << 1
        << u"missing required key 'every_rounds' in [maintenance]"_s;
    QTest::newRow("[maintenance]: every_rounds 0")
        << bytes(kHead + "[maintenance]\nevery_rounds = 0\n" + kWork) << 4 << 16
        << u"'every_rounds' in [maintenance] must be between 1 and 1048576, not 0"_s;
    QTest::newRow("[maintenance]: key typo")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nidle_writebak = \"1s\"\n" + kWork) << 5 << 1
        << u"unknown key 'idle_writebak' in [maintenance], did you mean 'idle_writeback'?"_s;
    QTest::newRow("[maintenance]: recompress_codec raw")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nrecompress_codec = \"raw\"\n" + kWork) << 5 << 20
        << u"unknown codec 'raw' in [maintenance]"_s;
    QTest::newRow("[maintenance]: write_budget per hour not a size")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nwrite_budget = \"lots/h\"\n" + kWork) << 5 << 16
        << u"'write_budget' in [maintenance]: 'lots/h' is not a size per hour"_s;
    QTest::newRow("[maintenance]: write_budget not a size")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nwrite_budget = \"lots\"\n" + kWork) << 5 << 16
        << u"'write_budget' in [maintenance]: 'lots' is not a size"_s;
    QTest::newRow("[maintenance]: idle_writeback not a duration")
        << bytes(kHead + "[maintenance]\nevery_rounds = 1\nidle_writeback = true\n" + kWork) << 5 << 18
        << u"'idle_writeback' in [maintenance] must be a duration"_s;
    QTest::newRow("sweep of a [maintenance] key needs every_rounds")
        << bytes(kHead + kWork + "[sweep]\nkey = \"maintenance.idle_writeback\"\nvalues = [\"1s\"]\n") << 8 << 11
        << u"missing required key 'every_rounds' in [maintenance]"_s;
    QTest::newRow("format version 2") << bytes(QByteArray("format = 2\nname = \"t\"\n") + kWork) << 1 << 10
                                      << u"format 2 is not supported"_s;
}

void TestScenarioParser::badInputs() {
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, fragment);
    const auto outcome = ScenarioParser::parse(text, u"bad.toml"_s, withDeviceDir());
    const auto error = errorOf(outcome);
    QVERIFY2(error, "the parse should have failed");
    QCOMPARE(error->file, u"bad.toml"_s);
    QVERIFY2(error->message.contains(fragment), qPrintable(error->message));
    QCOMPARE(error->line, line);
    QCOMPARE(error->column, column);
}

void TestScenarioParser::sweepExpansion() {
    const auto outcome = ScenarioParser::load(u"swapoff"_s, withDeviceDir());
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.sweepKey, u"workload.mapper.size"_s);
    QCOMPARE(scenario.sweepLabel, u"mapped"_s);
    const QStringList labels{u"mapped=12M"_s, u"mapped=24M"_s, u"mapped=48M"_s, u"mapped=96M"_s, u"mapped=192M"_s};
    QCOMPARE(scenario.variants.size(), std::size_t(labels.size()));
    for (std::size_t i = 0; i < scenario.variants.size(); ++i) {
        const ScenarioVariant& v = scenario.variants[i];
        QCOMPARE(v.label, labels[qsizetype(i)]);
        QCOMPARE(v.config.workloads.size(), std::size_t(2));
        QCOMPARE(v.config.workloads[0].name, std::string("filler"));
        QCOMPARE(v.config.workloads[0].pages, std::uint64_t(3072)); // untouched by the sweep
        QCOMPARE(v.config.workloads[1].name, std::string("mapper"));
        QCOMPARE(v.config.workloads[1].pages, std::uint64_t(3072) << i); // 12M, 24M, ... in pages
    }

    // A top-level key, with integer values and the default label.
    const auto seeds =
        ScenarioParser::parse(kHead + kWork + "[sweep]\nkey = \"seed\"\nvalues = [7, 8, 9]\n", u"s.toml"_s, {});
    const LoadedScenario& bySeed = scenarioOf(seeds);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(bySeed.sweepLabel, u"seed"_s);
    QCOMPARE(bySeed.variants.size(), std::size_t(3));
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(bySeed.variants[i].label, u"seed=%1"_s.arg(7 + i));
        QCOMPARE(bySeed.variants[i].config.seed, std::uint64_t(7 + i));
    }
}

void TestScenarioParser::sweepOfAbsentTables() {
    // [pool] and the root [[cgroup]] are not in the file: the sweep creates them.
    const QByteArray text = kHead + kWork
        + "[sweep]\nkey = \"pool.codec\"\nvalues = [\"lz4\", \"zstd\", \"lzo\"]\nlabel = \"codec\"\n";
    const auto outcome = ScenarioParser::parse(text, u"s.toml"_s, {});
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.variants.size(), std::size_t(3));
    QCOMPARE(scenario.variants[1].label, u"codec=zstd"_s);
    QCOMPARE(scenario.variants[0].config.engine.pool.codec, Codec::Lz4);
    QCOMPARE(scenario.variants[1].config.engine.pool.codec, Codec::Zstd);
    QCOMPARE(scenario.variants[2].config.engine.pool.codec, Codec::Lzo);

    const auto root = ScenarioParser::parse(
        kHead + kWork + "[sweep]\nkey = \"cgroup./.memory_max\"\nvalues = [\"8M\", \"max\"]\n", u"r.toml"_s, {});
    const LoadedScenario& byRoot = scenarioOf(root);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(byRoot.variants.size(), std::size_t(2));
    QCOMPARE(byRoot.variants[0].label, u"memory_max=8M"_s);
    QCOMPARE(byRoot.variants[0].config.cgroups.size(), std::size_t(1));
    QCOMPARE(byRoot.variants[0].config.cgroups[0].memoryMax, std::uint64_t(8) << 20);
    QCOMPARE(byRoot.variants[1].config.cgroups[0].memoryMax, kNoLimit);

    // [promotion] is not in the file either; a [maintenance] key sweeps like any other.
    const auto promotion = ScenarioParser::parse(
        kHead + "[maintenance]\nevery_rounds = 2\n" + kWork
            + "[sweep]\nkey = \"promotion.min_loads\"\nvalues = [1, 4]\n",
        u"p.toml"_s, {});
    const LoadedScenario& byPromotion = scenarioOf(promotion);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(byPromotion.variants.size(), std::size_t(2));
    QCOMPARE(byPromotion.variants[1].label, u"min_loads=4"_s);
    QCOMPARE(byPromotion.variants[1].config.promotion.minLoads, 4u);
    const auto idle = ScenarioParser::parse(
        kHead + "[maintenance]\nevery_rounds = 2\n" + kWork
            + "[sweep]\nkey = \"maintenance.idle_writeback\"\nvalues = [\"1s\", \"2m\"]\n",
        u"m.toml"_s, {});
    const LoadedScenario& byIdle = scenarioOf(idle);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(byIdle.variants[1].config.maintenance.idleWritebackNanos, std::uint64_t(120'000'000'000));
}

void TestScenarioParser::sweepValueErrorPointsAtTheValue() {
    // A bad value for a created [pool] has no position of its own: the error is at the value.
    const QByteArray text = kHead + kWork + "[sweep]\nkey = \"pool.codec\"\nvalues = [\"lz4\",\n  \"gzip\"]\n";
    const auto error = errorOf(ScenarioParser::parse(text, u"s.toml"_s, {}));
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"unknown codec 'gzip'"), qPrintable(error->message));
    QCOMPARE(error->line, 9);
    QCOMPARE(error->column, 3);
}

void TestScenarioParser::devicePathPlacement() {
    const QByteArray text = kHead
        + "[[device]]\nname = \"fast\"\nsize = \"1M\"\n"
          "[[device]]\nname = \"nested\"\npath = \"tier2/../tier2/slow.img\"\nsize = \"1M\"\n"
          "[[device]]\nname = \"abs\"\npath = \"/var/swap/abs.swap\"\nsize = \"1M\"\n"
        + kWork;
    const auto outcome = ScenarioParser::parse(text, u"/elsewhere/d.toml"_s, withDeviceDir(u"/run/st/dev"_s));
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    const SandboxConfig& c = scenario.variants[0].config;
    QCOMPARE(c.devices.size(), std::size_t(3));
    QCOMPARE(c.devices[0].path, std::string("/run/st/dev/fast.swap")); // default "<name>.swap"
    QCOMPARE(c.devices[1].path, std::string("/run/st/dev/tier2/slow.img")); // relative, cleaned
    QCOMPARE(c.devices[2].path, std::string("/var/swap/abs.swap"));        // absolute: untouched
    QCOMPARE(c.deviceNames, (std::vector<std::string>{"fast", "nested", "abs"}));

    // A relative device directory is made absolute against the current directory.
    const auto relative = ScenarioParser::parse(text, u"d.toml"_s, withDeviceDir(u"devs"_s));
    const LoadedScenario& rel = scenarioOf(relative);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(QString::fromStdString(rel.variants[0].config.devices[0].path),
             QDir::current().absoluteFilePath(u"devs/fast.swap"_s));
}

void TestScenarioParser::relativeDevicePathNeedsDeviceDir() {
    // Defaulted path: the error is at the [[device]] table; written path: at the path.
    const auto defaulted =
        errorOf(ScenarioParser::parse(kHead + "[[device]]\nname = \"a\"\nsize = \"1M\"\n" + kWork, u"x.toml"_s, {}));
    QVERIFY(defaulted);
    QVERIFY2(defaulted->message.contains(u"no device directory"), qPrintable(defaulted->message));
    QCOMPARE(defaulted->line, 3);
    QCOMPARE(defaulted->column, 1);
    const auto written = errorOf(ScenarioParser::parse(
        kHead + "[[device]]\nname = \"a\"\npath = \"a.img\"\nsize = \"1M\"\n" + kWork, u"x.toml"_s, {}));
    QVERIFY(written);
    QCOMPARE(written->line, 5);
    QCOMPARE(written->column, 8);
    // An absolute path needs no device directory.
    QVERIFY(!errorOf(ScenarioParser::parse(
        kHead + "[[device]]\nname = \"a\"\npath = \"/tmp/a.img\"\nsize = \"1M\"\n" + kWork, u"x.toml"_s, {})));
}

void TestScenarioParser::contentAndTraceFilesAreRelativeToTheScenario() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"corpus"_s));
    QVERIFY(writeFile(dir.filePath(u"corpus/a.txt"_s), "some text\n"));
    QVERIFY(writeFile(dir.filePath(u"ls.trace"_s), "swaptier-trace 1\npage-size 4096\nsource test\nR 1\n"));
    const QString scenarioPath = dir.filePath(u"s.toml"_s);
    QVERIFY(
        writeFile(scenarioPath,
                  kHead
                      + "[content]\nfiles = [\"corpus/a.txt\"]\n"
                        "[[workload]]\nname = \"replay\"\nkind = \"trace\"\ntrace = \"ls.trace\"\nstart_round = 2\n"));
    const auto outcome = ScenarioParser::load(scenarioPath, {});
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.source, scenarioPath);
    const SandboxConfig& c = scenario.variants[0].config;
    QCOMPARE(c.contentFiles, std::vector<std::string>{dir.filePath(u"corpus/a.txt"_s).toStdString()});
    QCOMPARE(c.workloads[0].kind, WorkloadKind::Trace);
    QCOMPARE(c.workloads[0].tracePath, dir.filePath(u"ls.trace"_s).toStdString());
    QCOMPARE(c.workloads[0].pages, std::uint64_t(0)); // a trace's mapping grows as needed
    QCOMPARE(c.workloads[0].startRound, std::uint64_t(2));

    // The same file from another directory: the content file is not found next to it.
    QVERIFY(writeFile(dir.filePath(u"corpus/s.toml"_s), kHead + "[content]\nfiles = [\"corpus/a.txt\"]\n" + kWork));
    const auto error = errorOf(ScenarioParser::load(dir.filePath(u"corpus/s.toml"_s), {}));
    QVERIFY(error);
    QVERIFY2(error->message.contains(u"no such file"), qPrintable(error->message));
    QCOMPARE(error->line, 4);
    QCOMPARE(error->column, 10);
}

void TestScenarioParser::documentedExampleParses() {
    // The complete example of docs/scenario-format.md, with the content file it names.
    const QString docPath = QFINDTESTDATA("../../docs/scenario-format.md");
    if (docPath.isEmpty())
        QSKIP("docs/scenario-format.md is not next to the sources");
    QFile doc(docPath);
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QByteArray markdown = doc.readAll();
    const qsizetype begin = markdown.indexOf("```toml\n");
    QVERIFY(begin >= 0);
    const qsizetype end = markdown.indexOf("```", begin + 8);
    QVERIFY(end > begin);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(u"corpus"_s));
    QVERIFY(writeFile(dir.filePath(u"corpus/README.txt"_s), "text\n"));
    QVERIFY(writeFile(dir.filePath(u"example.toml"_s), markdown.mid(begin + 8, end - begin - 8)));

    const auto outcome = ScenarioParser::load(dir.filePath(u"example.toml"_s), withDeviceDir());
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(scenario.name, u"tiers-under-pressure"_s);
    QCOMPARE(scenario.variants.size(), std::size_t(3));
    QCOMPARE(scenario.variants[2].label, u"batch=96M"_s);
    expectFields(scenario.variants[2].config,
                 {u"seed=42"_s, u"durationMs=120000"_s, u"pool=true/zstd/3/33554432/90/4"_s, u"contentFiles=1"_s,
                  u"devices[0].path=/srv/swaptier/ssd.swap"_s, u"devices[1].path=/var/tmp/swaptier-hdd.swap"_s,
                  u"tiers=2"_s, u"tiers[0]=fast:10..32767"_s, u"tiers[1]=slow:-1..9"_s,
                  u"cgroups=4"_s, u"cgroups[2].parent=1"_s, u"cgroups[2].zswapWriteback=false"_s,
                  u"cgroups[3].allowedTiers=slow"_s,
                  u"workloads[0].cgroup=2"_s, u"workloads[0].hasMix=true"_s, u"workloads[1].pages=24576"_s,
                  u"workloads[1].startRound=50"_s, u"maintainEveryRounds=16"_s,
                  u"maintenance=30000000000/0/zstd/9/1073741824/false"_s, u"actions=3"_s,
                  u"actions[0].pool=true/lz4/3/33554432/90/4"_s, u"actions[1].kind=5"_s, u"actions[1].at=0.75"_s,
                  u"actions[1].cgroup=3"_s, u"actions[1].writeback=4096/max/max/0/true/false/256"_s,
                  u"actions[2].device=0"_s});
}

void TestScenarioParser::builtinsAreListed() {
    const auto builtins = ScenarioParser::builtins();
    QStringList names;
    for (const auto& b : builtins) {
        names << b.name;
        QVERIFY2(!b.description.isEmpty(), qPrintable(b.name));
        QVERIFY2(!b.description.contains(u'\n'), qPrintable(b.name));
        QVERIFY2(b.description.size() <= 120, qPrintable(b.name + u": "_s + b.description)); // fits a line
    }
    QCOMPARE(names, (QStringList{u"cgroup-tree"_s, u"fork-heavy"_s, u"phase-change"_s, u"swapoff"_s,
                                 u"tier-moves"_s, u"tier-policies"_s, u"usemem"_s, u"zipfian-tiers"_s}));
}

void TestScenarioParser::everyBuiltinParses() {
    for (const auto& builtin : ScenarioParser::builtins()) {
        const auto outcome = ScenarioParser::load(builtin.name, withDeviceDir());
        if (const auto error = errorOf(outcome))
            QFAIL(qPrintable(error->toString()));
        const auto& scenario = std::get<LoadedScenario>(outcome);
        QCOMPARE(scenario.source, u":/scenarios/%1.toml"_s.arg(builtin.name));
        QCOMPARE(scenario.name, builtin.name);
        QCOMPARE(scenario.description, builtin.description);
        QVERIFY(!scenario.variants.empty());
        for (const ScenarioVariant& v : scenario.variants) {
            QVERIFY(!v.config.workloads.empty());
            QVERIFY2(!v.config.devices.empty(), qPrintable(builtin.name));
            for (const DeviceOptions& d : v.config.devices) // relative paths, placed in deviceDir
                QVERIFY2(QString::fromStdString(d.path).startsWith(kDeviceDir + u'/'), d.path.c_str());
        }
    }
    // "name.toml" names the same built-in.
    QVERIFY(!errorOf(ScenarioParser::load(u"usemem.toml"_s, withDeviceDir())));
}

void TestScenarioParser::usememMatchesTheSeeds() {
    const auto outcome = ScenarioParser::load(u"usemem"_s, withDeviceDir());
    const LoadedScenario& scenario = scenarioOf(outcome);
    if (QTest::currentTestFailed())
        return;
    expectFields(scenario.variants[0].config,
                 {u"pool=true/lz4/3/67108864/90/4"_s, u"devices=1"_s, u"devices[0].sizeBytes=1073741824"_s,
                  u"devices[0].priority=10"_s, u"cgroups=2"_s, u"cgroups[1].memoryMax=134217728"_s, u"workloads=1"_s,
                  u"workloads[0].kind=sequential"_s, u"workloads[0].threads=16"_s, u"workloads[0].pages=4096"_s,
                  u"workloads[0].passes=2"_s, u"workloads[0].cgroup=1"_s});
}

void TestScenarioParser::fileNotFound() {
    const QString missing = u"/nonexistent-swaptier-dir/scenario.toml"_s;
    const auto error = errorOf(ScenarioParser::load(missing, withDeviceDir()));
    QVERIFY(error);
    QCOMPARE(error->file, missing);
    QCOMPARE(error->line, 0);
    QVERIFY2(error->message.contains(u"cannot read the scenario file"), qPrintable(error->message));

    // No '/', no such file: a built-in name, and there is none.
    const auto builtin = errorOf(ScenarioParser::load(u"no-such-scenario"_s, withDeviceDir()));
    QVERIFY(builtin);
    QCOMPARE(builtin->file, u"no-such-scenario"_s);
    QCOMPARE(builtin->line, 0);
    QVERIFY2(builtin->message.contains(u"no built-in scenario"), qPrintable(builtin->message));
    QVERIFY2(builtin->message.contains(u"usemem"), qPrintable(builtin->message)); // lists the built-ins

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto directory = errorOf(ScenarioParser::load(dir.path(), withDeviceDir()));
    QVERIFY(directory);
    QVERIFY2(directory->message.contains(u"directory"), qPrintable(directory->message));
}

void TestScenarioParser::errorText() {
    ScenarioError e{u"a.toml"_s, 3, 7, u"bad"_s};
    QCOMPARE(e.toString(), u"a.toml:3:7: bad"_s);
    e.column = 0;
    QCOMPARE(e.toString(), u"a.toml:3: bad"_s);
    e.line = 0;
    QCOMPARE(e.toString(), u"a.toml: bad"_s);
}

QTEST_GUILESS_MAIN(TestScenarioParser)
#include "tst_scenarioparser.moc"
