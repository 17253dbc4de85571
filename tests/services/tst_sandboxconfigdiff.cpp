// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxConfigDiff: a change to any field a scenario can set is found and named by its path,
// with both values; a change to a field that the run does not read (a key of another
// workload or action kind, a mix without hasMix, maintenance without every_rounds, run-time
// hooks) is not a difference.
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "sandboxconfigdiff.h"

#include "swaptier/sandbox.h"

#include <functional>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

#ifndef Q_MOC_RUN
using Mutation = std::function<void(SandboxConfig&)>;
Q_DECLARE_METATYPE(Mutation)
#endif

namespace {

/// A config with one of everything, so that every list has an element to change.
SandboxConfig base() {
    SandboxConfig c;
    c.name = "base";
    c.devices.resize(2);
    c.devices[0].path = "/dev-dir/a.swap";
    c.devices[0].sizeBytes = 1 << 20;
    c.devices[1].path = "/dev-dir/b.swap";
    c.devices[1].sizeBytes = 1 << 20;
    c.deviceNames = {"a", "b"};
    c.tiers = {TierSpec{"fast", 10, 32767}, TierSpec{"slow", -1, 9}};
    CgroupSpec root;
    root.name = "/";
    CgroupSpec child;
    child.name = "child";
    child.parent = 0;
    c.cgroups = {root, child};
    const WorkloadKind kinds[] = {WorkloadKind::Sequential, WorkloadKind::Uniform,   WorkloadKind::Zipfian,
                                  WorkloadKind::PhaseChange, WorkloadKind::ForkHeavy, WorkloadKind::Trace};
    for (const WorkloadKind kind : kinds) {
        WorkloadSpec w;
        w.name = workloadKindName(kind);
        w.kind = kind;
        w.pages = kind == WorkloadKind::Trace ? 0 : 16;
        if (kind == WorkloadKind::Trace)
            w.tracePath = "/traces/t.trace";
        c.workloads.push_back(w);
    }
    using Kind = SandboxAction::Kind;
    const Kind actionKinds[] = {Kind::Swapoff,   Kind::SetPriority,     Kind::SetPool,
                                Kind::CompactDevice, Kind::CompactPool, Kind::Writeback,
                                Kind::SetCgroupPolicy, Kind::Recompress, Kind::SetPromotion};
    for (const Kind kind : actionKinds) {
        SandboxAction a;
        a.kind = kind;
        c.actions.push_back(a);
    }
    c.maintainEveryRounds = 4;
    return c;
}

// Indices of base()'s workloads and actions, by kind.
enum { Seq, Uni, Zipf, Phase, Fork, Trace };
enum { Swapoff, SetPriority, SetPool, CompactDevice, CompactPool, Writeback, SetPolicy, Recompress, SetPromotion };

} // namespace

class TestSandboxConfigDiff : public QObject {
    Q_OBJECT

private slots:
    void sameConfigHasNoDifference();
    void differenceIsNamed_data();
    void differenceIsNamed();
    void unusedFieldsAreIgnored_data();
    void unusedFieldsAreIgnored();
    void emptyCgroupListIsTheRoot();
};

void TestSandboxConfigDiff::sameConfigHasNoDifference() {
    QVERIFY(!SandboxConfigDiff::first(base(), base()));
    QVERIFY(!SandboxConfigDiff::first(SandboxConfig{}, SandboxConfig{}));
}

void TestSandboxConfigDiff::differenceIsNamed_data() {
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("left");  // base()'s value
    QTest::addColumn<QString>("right"); // the mutated value

    const auto row = [](const char* tag, Mutation m, const QString& field, const QString& left, const QString& right) {
        QTest::newRow(tag) << m << field << left << right;
    };
    row("name", [](SandboxConfig& c) { c.name = "other"; }, u"name"_s, u"\"base\""_s, u"\"other\""_s);
    row("design", [](SandboxConfig& c) { c.design = SwapDesign::Classic; }, u"design"_s, u"virtual"_s, u"classic"_s);
    row("seed", [](SandboxConfig& c) { c.seed = 9; }, u"seed"_s, u"1"_s, u"9"_s);
    row("pool.enabled", [](SandboxConfig& c) { c.engine.pool.enabled = false; }, u"engine.pool.enabled"_s,
        u"true"_s, u"false"_s);
    row("pool.codec", [](SandboxConfig& c) { c.engine.pool.codec = Codec::Zstd; }, u"engine.pool.codec"_s,
        u"lz4"_s, u"zstd"_s);
    row("pool.zstdLevel", [](SandboxConfig& c) { c.engine.pool.zstdLevel = 7; }, u"engine.pool.zstdLevel"_s,
        u"3"_s, u"7"_s);
    row("pool.limitBytes", [](SandboxConfig& c) { c.engine.pool.limitBytes = 4096; }, u"engine.pool.limitBytes"_s,
        u"0"_s, u"4096"_s);
    row("pool.acceptThreshold", [](SandboxConfig& c) { c.engine.pool.acceptThresholdPercent = 50; },
        u"engine.pool.acceptThresholdPercent"_s, u"90"_s, u"50"_s);
    row("pool.maxPagesPerZspage", [](SandboxConfig& c) { c.engine.pool.maxPagesPerZspage = 1; },
        u"engine.pool.maxPagesPerZspage"_s, u"4"_s, u"1"_s);
    row("detectZeroPages", [](SandboxConfig& c) { c.engine.detectZeroPages = false; }, u"engine.detectZeroPages"_s,
        u"true"_s, u"false"_s);
    row("device count", [](SandboxConfig& c) { c.devices.pop_back(); }, u"devices.size"_s, u"2"_s, u"1"_s);
    row("device path", [](SandboxConfig& c) { c.devices[1].path = "/x"; }, u"devices[1].path"_s,
        u"\"/dev-dir/b.swap\""_s, u"\"/x\""_s);
    row("device size", [](SandboxConfig& c) { c.devices[0].sizeBytes = 8192; }, u"devices[0].sizeBytes"_s,
        u"1048576"_s, u"8192"_s);
    row("device priority", [](SandboxConfig& c) { c.devices[0].priority = 5; }, u"devices[0].priority"_s, u"-1"_s,
        u"5"_s);
    row("device discard", [](SandboxConfig& c) { c.devices[0].discard = false; }, u"devices[0].discard"_s,
        u"true"_s, u"false"_s);
    row("device io", [](SandboxConfig& c) { c.devices[0].io = IoMode::Buffered; }, u"devices[0].io"_s, u"auto"_s,
        u"buffered"_s);
    row("device preallocate", [](SandboxConfig& c) { c.devices[0].preallocate = true; },
        u"devices[0].preallocate"_s, u"false"_s, u"true"_s);
    row("device writeBehind", [](SandboxConfig& c) { c.devices[0].writeBehind = false; },
        u"devices[0].writeBehind"_s, u"true"_s, u"false"_s);
    row("device names", [](SandboxConfig& c) { c.deviceNames[1] = "c"; }, u"deviceNames"_s, u"[\"a\", \"b\"]"_s,
        u"[\"a\", \"c\"]"_s);
    row("tier count", [](SandboxConfig& c) { c.tiers.clear(); }, u"tiers.size"_s, u"2"_s, u"0"_s);
    row("tier name", [](SandboxConfig& c) { c.tiers[0].name = "quick"; }, u"tiers[0].name"_s, u"\"fast\""_s,
        u"\"quick\""_s);
    row("tier min", [](SandboxConfig& c) { c.tiers[0].minPriority = 11; }, u"tiers[0].minPriority"_s, u"10"_s,
        u"11"_s);
    row("tier max", [](SandboxConfig& c) { c.tiers[1].maxPriority = 10; }, u"tiers[1].maxPriority"_s, u"9"_s,
        u"10"_s);
    row("cgroup count", [](SandboxConfig& c) { c.cgroups.pop_back(); }, u"cgroups.size"_s, u"2"_s, u"1"_s);
    row("cgroup name", [](SandboxConfig& c) { c.cgroups[1].name = "kid"; }, u"cgroups[1].name"_s, u"\"child\""_s,
        u"\"kid\""_s);
    row("cgroup parent", [](SandboxConfig& c) { c.cgroups[1].parent = 1; }, u"cgroups[1].parent"_s, u"0"_s, u"1"_s);
    row("memoryMax", [](SandboxConfig& c) { c.cgroups[1].memoryMax = 1 << 20; }, u"cgroups[1].memoryMax"_s,
        u"max"_s, u"1048576"_s);
    row("swapMax", [](SandboxConfig& c) { c.cgroups[0].swapMax = 0; }, u"cgroups[0].swapMax"_s, u"max"_s, u"0"_s);
    row("zswapMax", [](SandboxConfig& c) { c.cgroups[1].zswapMax = 4096; }, u"cgroups[1].zswapMax"_s, u"max"_s,
        u"4096"_s);
    row("zswapWriteback", [](SandboxConfig& c) { c.cgroups[1].zswapWriteback = false; },
        u"cgroups[1].zswapWriteback"_s, u"true"_s, u"false"_s);
    row("allowedTiers", [](SandboxConfig& c) { c.cgroups[1].allowedTiers = {"slow"}; },
        u"cgroups[1].allowedTiers"_s, u"[]"_s, u"[\"slow\"]"_s);
    row("workload count", [](SandboxConfig& c) { c.workloads.pop_back(); }, u"workloads.size"_s, u"6"_s, u"5"_s);
    row("workload name", [](SandboxConfig& c) { c.workloads[Uni].name = "u"; }, u"workloads[1].name"_s,
        u"\"uniform\""_s, u"\"u\""_s);
    row("workload kind", [](SandboxConfig& c) { c.workloads[Uni].kind = WorkloadKind::Zipfian; },
        u"workloads[1].kind"_s, u"uniform"_s, u"zipfian"_s);
    row("workload cgroup", [](SandboxConfig& c) { c.workloads[Seq].cgroup = 1; }, u"workloads[0].cgroup"_s, u"0"_s,
        u"1"_s);
    row("threads", [](SandboxConfig& c) { c.workloads[Seq].threads = 2; }, u"workloads[0].threads"_s, u"1"_s, u"2"_s);
    row("pages", [](SandboxConfig& c) { c.workloads[Seq].pages = 17; }, u"workloads[0].pages"_s, u"16"_s, u"17"_s);
    row("trace pages", [](SandboxConfig& c) { c.workloads[Trace].pages = 3; }, u"workloads[5].pages"_s, u"0"_s,
        u"3"_s);
    row("accesses", [](SandboxConfig& c) { c.workloads[Uni].accesses = 5; }, u"workloads[1].accesses"_s, u"0"_s,
        u"5"_s);
    row("passes", [](SandboxConfig& c) { c.workloads[Seq].passes = 2; }, u"workloads[0].passes"_s, u"1"_s, u"2"_s);
    row("writeFraction", [](SandboxConfig& c) { c.workloads[Fork].writeFraction = 0.25; },
        u"workloads[4].writeFraction"_s, u"0.5"_s, u"0.25"_s);
    row("zipfTheta", [](SandboxConfig& c) { c.workloads[Zipf].zipfTheta = 0.1; }, u"workloads[2].zipfTheta"_s,
        u"0.99"_s, u"0.1"_s);
    row("phases", [](SandboxConfig& c) { c.workloads[Phase].phases = 2; }, u"workloads[3].phases"_s, u"4"_s, u"2"_s);
    row("phaseWindow", [](SandboxConfig& c) { c.workloads[Phase].phaseWindow = 0.5; },
        u"workloads[3].phaseWindow"_s, u"0.25"_s, u"0.5"_s);
    row("forkEvery", [](SandboxConfig& c) { c.workloads[Fork].forkEvery = 10; }, u"workloads[4].forkEvery"_s,
        u"0"_s, u"10"_s);
    row("childAccesses", [](SandboxConfig& c) { c.workloads[Fork].childAccesses = 10; },
        u"workloads[4].childAccesses"_s, u"0"_s, u"10"_s);
    row("maxChildren", [](SandboxConfig& c) { c.workloads[Fork].maxChildren = 1; }, u"workloads[4].maxChildren"_s,
        u"4"_s, u"1"_s);
    row("tracePath", [](SandboxConfig& c) { c.workloads[Trace].tracePath = "/t2"; }, u"workloads[5].tracePath"_s,
        u"\"/traces/t.trace\""_s, u"\"/t2\""_s);
    row("startRound", [](SandboxConfig& c) { c.workloads[Trace].startRound = 3; }, u"workloads[5].startRound"_s,
        u"0"_s, u"3"_s);
    row("hasMix", [](SandboxConfig& c) { c.workloads[Uni].hasMix = true; }, u"workloads[1].hasMix"_s, u"false"_s,
        u"true"_s);
    row("action count", [](SandboxConfig& c) { c.actions.pop_back(); }, u"actions.size"_s, u"9"_s, u"8"_s);
    row("action kind", [](SandboxConfig& c) { c.actions[CompactPool].kind = SandboxAction::Kind::Swapoff; },
        u"actions[4].kind"_s, u"compact-pool"_s, u"swapoff"_s);
    row("action at", [](SandboxConfig& c) { c.actions[CompactPool].at = 0.5; }, u"actions[4].at"_s, u"1.0"_s,
        u"0.5"_s);
    row("swapoff device", [](SandboxConfig& c) { c.actions[Swapoff].device = 1; }, u"actions[0].device"_s, u"0"_s,
        u"1"_s);
    row("compact-device device", [](SandboxConfig& c) { c.actions[CompactDevice].device = 1; },
        u"actions[3].device"_s, u"0"_s, u"1"_s);
    row("set-priority priority", [](SandboxConfig& c) { c.actions[SetPriority].priority = 4; },
        u"actions[1].priority"_s, u"0"_s, u"4"_s);
    row("set-pool codec", [](SandboxConfig& c) { c.actions[SetPool].pool.codec = Codec::Lzo; },
        u"actions[2].pool.codec"_s, u"lz4"_s, u"lzo"_s);
    row("writeback cgroup", [](SandboxConfig& c) { c.actions[Writeback].cgroup = 1; }, u"actions[5].cgroup"_s,
        u"0"_s, u"1"_s);
    row("writeback maxPages", [](SandboxConfig& c) { c.actions[Writeback].writeback.maxPages = 8; },
        u"actions[5].writeback.maxPages"_s, u"max"_s, u"8"_s);
    row("writeback maxPoolBytes", [](SandboxConfig& c) { c.actions[Writeback].writeback.maxPoolBytes = 8; },
        u"actions[5].writeback.maxPoolBytes"_s, u"max"_s, u"8"_s);
    row("writeback maxWriteBytes", [](SandboxConfig& c) { c.actions[Writeback].writeback.maxWriteBytes = 8; },
        u"actions[5].writeback.maxWriteBytes"_s, u"max"_s, u"8"_s);
    row("writeback minIdle", [](SandboxConfig& c) { c.actions[Writeback].writeback.minIdleNanos = 8; },
        u"actions[5].writeback.minIdleNanos"_s, u"0"_s, u"8"_s);
    row("writeback secondChance", [](SandboxConfig& c) { c.actions[Writeback].writeback.secondChance = false; },
        u"actions[5].writeback.secondChance"_s, u"true"_s, u"false"_s);
    row("writeback compressed", [](SandboxConfig& c) { c.actions[Writeback].writeback.compressed = true; },
        u"actions[5].writeback.compressed"_s, u"false"_s, u"true"_s);
    row("writeback batchPages", [](SandboxConfig& c) { c.actions[Writeback].writeback.batchPages = 8; },
        u"actions[5].writeback.batchPages"_s, u"256"_s, u"8"_s);
    row("writeback pipelined", [](SandboxConfig& c) { c.actions[Writeback].writeback.pipelined = false; },
        u"actions[5].writeback.pipelined"_s, u"true"_s, u"false"_s);
    row("policy cgroup", [](SandboxConfig& c) { c.actions[SetPolicy].cgroup = 1; }, u"actions[6].cgroup"_s, u"0"_s,
        u"1"_s);
    row("policy swapMax", [](SandboxConfig& c) { c.actions[SetPolicy].policy.swapMax = kNoLimit; },
        u"actions[6].policy.swapMax"_s, u"unchanged"_s, u"max"_s);
    row("policy zswapMax", [](SandboxConfig& c) { c.actions[SetPolicy].policy.zswapMax = 0; },
        u"actions[6].policy.zswapMax"_s, u"unchanged"_s, u"0"_s);
    row("policy zswapWriteback", [](SandboxConfig& c) { c.actions[SetPolicy].policy.zswapWriteback = true; },
        u"actions[6].policy.zswapWriteback"_s, u"unchanged"_s, u"true"_s);
    row("policy allowedTiers", [](SandboxConfig& c) { c.actions[SetPolicy].policy.allowedTiers.emplace(); },
        u"actions[6].policy.allowedTiers"_s, u"unchanged"_s, u"[]"_s);
    row("recompress cgroup", [](SandboxConfig& c) { c.actions[Recompress].cgroup = 1; }, u"actions[7].cgroup"_s,
        u"0"_s, u"1"_s);
    row("recompress codec", [](SandboxConfig& c) { c.actions[Recompress].recompress.codec = Codec::Lz4; },
        u"actions[7].recompress.codec"_s, u"zstd"_s, u"lz4"_s);
    row("recompress zstdLevel", [](SandboxConfig& c) { c.actions[Recompress].recompress.zstdLevel = 1; },
        u"actions[7].recompress.zstdLevel"_s, u"9"_s, u"1"_s);
    row("recompress minIdle", [](SandboxConfig& c) { c.actions[Recompress].recompress.minIdleNanos = 1; },
        u"actions[7].recompress.minIdleNanos"_s, u"0"_s, u"1"_s);
    row("recompress maxPages", [](SandboxConfig& c) { c.actions[Recompress].recompress.maxPages = 1; },
        u"actions[7].recompress.maxPages"_s, u"max"_s, u"1"_s);
    row("set-promotion minLoads", [](SandboxConfig& c) { c.actions[SetPromotion].promotion.minLoads = 2; },
        u"actions[8].promotion.minLoads"_s, u"1"_s, u"2"_s);
    row("mix", [](SandboxConfig& c) { c.mix[PageClass::Heap] = 5; }, u"mix"_s,
        u"zero=20,text=40,binary=25,random=15,heap=0"_s, u"zero=20,text=40,binary=25,random=15,heap=5"_s);
    row("contentFiles", [](SandboxConfig& c) { c.contentFiles = {"/c"}; }, u"contentFiles"_s, u"[]"_s,
        u"[\"/c\"]"_s);
    row("durationMs", [](SandboxConfig& c) { c.durationMs = 5; }, u"durationMs"_s, u"0"_s, u"5"_s);
    row("sampleIntervalMs", [](SandboxConfig& c) { c.sampleIntervalMs = 5; }, u"sampleIntervalMs"_s, u"100"_s,
        u"5"_s);
    row("reclaimBatch", [](SandboxConfig& c) { c.reclaimBatch = 5; }, u"reclaimBatch"_s, u"64"_s, u"5"_s);
    row("roundAccesses", [](SandboxConfig& c) { c.roundAccesses = 5; }, u"roundAccesses"_s, u"4096"_s, u"5"_s);
    row("verifyPages", [](SandboxConfig& c) { c.verifyPages = false; }, u"verifyPages"_s, u"true"_s, u"false"_s);
    row("promotion deviceToPool", [](SandboxConfig& c) { c.promotion.deviceToPool = true; },
        u"promotion.deviceToPool"_s, u"false"_s, u"true"_s);
    row("promotion deviceToFasterTier", [](SandboxConfig& c) { c.promotion.deviceToFasterTier = true; },
        u"promotion.deviceToFasterTier"_s, u"false"_s, u"true"_s);
    row("maintainEveryRounds", [](SandboxConfig& c) { c.maintainEveryRounds = 0; }, u"maintainEveryRounds"_s,
        u"4"_s, u"0"_s);
    row("maintenance idleWriteback", [](SandboxConfig& c) { c.maintenance.idleWritebackNanos = 1; },
        u"maintenance.idleWritebackNanos"_s, u"0"_s, u"1"_s);
    row("maintenance recompress", [](SandboxConfig& c) { c.maintenance.recompressNanos = 1; },
        u"maintenance.recompressNanos"_s, u"0"_s, u"1"_s);
    row("maintenance codec", [](SandboxConfig& c) { c.maintenance.recompressCodec = Codec::Lzo; },
        u"maintenance.recompressCodec"_s, u"zstd"_s, u"lzo"_s);
    row("maintenance level", [](SandboxConfig& c) { c.maintenance.recompressLevel = 1; },
        u"maintenance.recompressLevel"_s, u"9"_s, u"1"_s);
    row("maintenance budget", [](SandboxConfig& c) { c.maintenance.writeBudgetBytesPerHour = 1; },
        u"maintenance.writeBudgetBytesPerHour"_s, u"max"_s, u"1"_s);
    row("maintenance compressed", [](SandboxConfig& c) { c.maintenance.compressedWriteback = true; },
        u"maintenance.compressedWriteback"_s, u"false"_s, u"true"_s);
}

void TestSandboxConfigDiff::differenceIsNamed() {
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    QFETCH(QString, left);
    QFETCH(QString, right);
    SandboxConfig changed = base();
    mutate(changed);
    const auto difference = SandboxConfigDiff::first(base(), changed);
    QVERIFY(difference);
    QCOMPARE(difference->field, field);
    QCOMPARE(difference->left, left);
    QCOMPARE(difference->right, right);
    QCOMPARE(difference->toString(), u"%1: %2 != %3"_s.arg(field, left, right));
    // Symmetric: the other way round names the same field.
    const auto reverse = SandboxConfigDiff::first(changed, base());
    QVERIFY(reverse);
    QCOMPARE(reverse->field, field);
    QCOMPARE(reverse->left, right);
}

void TestSandboxConfigDiff::unusedFieldsAreIgnored_data() {
    QTest::addColumn<Mutation>("setup"); // applied to both configs
    QTest::addColumn<Mutation>("mutate");
    const auto row = [](const char* tag, Mutation m, Mutation setup = [](SandboxConfig&) {}) {
        QTest::newRow(tag) << setup << m;
    };
    row("passes of a uniform workload", [](SandboxConfig& c) { c.workloads[Uni].passes = 3; });
    row("writeFraction of a sequential workload", [](SandboxConfig& c) { c.workloads[Seq].writeFraction = 0.1; });
    row("writeFraction of a trace", [](SandboxConfig& c) { c.workloads[Trace].writeFraction = 0.1; });
    row("zipfTheta of a uniform workload", [](SandboxConfig& c) { c.workloads[Uni].zipfTheta = 2; });
    row("phases of a zipfian workload", [](SandboxConfig& c) { c.workloads[Zipf].phases = 9; });
    row("fork keys of a phase-change workload", [](SandboxConfig& c) {
        c.workloads[Phase].forkEvery = 9;
        c.workloads[Phase].childAccesses = 9;
        c.workloads[Phase].maxChildren = 9;
    });
    row("tracePath of a sequential workload", [](SandboxConfig& c) { c.workloads[Seq].tracePath = "/x"; });
    row("mix without hasMix", [](SandboxConfig& c) { c.workloads[Uni].mix[PageClass::Heap] = 9; });
    row("priority of a swapoff", [](SandboxConfig& c) { c.actions[Swapoff].priority = 9; });
    row("device of a writeback", [](SandboxConfig& c) { c.actions[Writeback].device = 1; });
    row("cgroup of a compact-pool", [](SandboxConfig& c) { c.actions[CompactPool].cgroup = 1; });
    row("pool of a set-priority", [](SandboxConfig& c) { c.actions[SetPriority].pool.codec = Codec::Zstd; });
    row("writeback options of a recompress",
        [](SandboxConfig& c) { c.actions[Recompress].writeback.maxPages = 1; });
    row("policy of a writeback", [](SandboxConfig& c) { c.actions[Writeback].policy.swapMax = 1; });
    row("promotion of a set-pool", [](SandboxConfig& c) { c.actions[SetPool].promotion.minLoads = 5; });
    row("cgroup id inside writeback options",
        [](SandboxConfig& c) { c.actions[Writeback].writeback.cgroup = CgroupId{1}; });
    row("maintenance policy without every_rounds", [](SandboxConfig& c) { c.maintenance.idleWritebackNanos = 5; },
        [](SandboxConfig& c) { c.maintainEveryRounds = 0; });
    row("removeFileOnClose", [](SandboxConfig& c) { c.devices[0].removeFileOnClose = true; });
}

void TestSandboxConfigDiff::unusedFieldsAreIgnored() {
    QFETCH(Mutation, setup);
    QFETCH(Mutation, mutate);
    SandboxConfig left = base();
    setup(left);
    SandboxConfig changed = left;
    mutate(changed);
    const auto difference = SandboxConfigDiff::first(left, changed);
    QVERIFY2(!difference, qPrintable(difference ? difference->toString() : QString()));
}

void TestSandboxConfigDiff::emptyCgroupListIsTheRoot() {
    SandboxConfig empty;
    SandboxConfig root;
    root.cgroups.resize(1);
    root.cgroups[0].name = "/";
    QVERIFY(!SandboxConfigDiff::first(empty, root));
    root.cgroups[0].memoryMax = 1 << 20; // a root with a limit is not the default root
    const auto difference = SandboxConfigDiff::first(empty, root);
    QVERIFY(difference);
    QCOMPARE(difference->field, u"cgroups[0].memoryMax"_s);
}

QTEST_GUILESS_MAIN(TestSandboxConfigDiff)
#include "tst_sandboxconfigdiff.moc"
