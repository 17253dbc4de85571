// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox (sandbox.h): config validation, page faults and reclaim under memory.max with
// every swapped-in page checked byte for byte, determinism for a seed (with actions too), fork
// and copy-on-write, swapoff in both designs, trace replay, cgroup policies (the engine's own
// enforcement in the virtual design, the sandbox's in the classic one; allowed swap tiers in
// both, and each cgroup's pages per device, so per tier), fatal swap-in errors, and the actions of issue #4 in both designs: writeback,
// compaction of devices and of the pool, recompression, policy changes and promotion, with
// their figures (disk reserved, page-table walks, innocent cgroups untouched) and scheduled
// maintenance.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"

#include "swaptier/sandbox.h"
#include "swaptier/trace.h"

#include <cerrno>
#include <mutex>
#include <string>
#include <vector>
#endif

using namespace swaptier;

namespace {

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + QStringLiteral("/tst-sandbox-XXXXXX"));
    }
    return QTemporaryDir();
}

constexpr std::uint64_t kMiB = 1024 * 1024;

CgroupSpec cgroup(const char* name, int parent, std::uint64_t memoryMax) {
    CgroupSpec g;
    g.name = name;
    g.parent = parent;
    g.memoryMax = memoryMax;
    return g;
}

WorkloadSpec workload(const char* name, WorkloadKind kind, int cg, unsigned threads, std::uint64_t pages,
                      std::uint64_t accesses = 0) {
    WorkloadSpec w;
    w.name = name;
    w.kind = kind;
    w.cgroup = cg;
    w.threads = threads;
    w.pages = pages;
    w.accesses = accesses;
    return w;
}

DeviceOptions device(const QTemporaryDir& dir, const char* name, std::uint64_t bytes, int priority) {
    DeviceOptions d;
    d.path = (dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
    d.sizeBytes = bytes;
    d.priority = priority;
    d.io = IoMode::Buffered;
    return d;
}

/// Two threads writing 2 x 1024 pages twice under a 2 MiB limit: most pages swap out and back.
SandboxConfig pressureConfig(const QTemporaryDir& dir, SwapDesign design = SwapDesign::Virtual) {
    SandboxConfig c;
    c.name = "pressure";
    c.design = design;
    c.seed = 7;
    c.engine.pool.limitBytes = 1 * kMiB;
    c.devices.push_back(device(dir, "ssd.swap", 32 * kMiB, 10));
    c.cgroups.push_back(cgroup("/", -1, kNoLimit));
    c.cgroups.push_back(cgroup("work", 0, 2 * kMiB));
    WorkloadSpec w = workload("fill", WorkloadKind::Sequential, 1, 2, 1024);
    w.passes = 2;
    c.workloads.push_back(w);
    c.sampleIntervalMs = 0;
    return c;
}

Result<SandboxReport> runOrFail(const SandboxConfig& c) {
    auto report = runSandbox(c);
    if (!report)
        qWarning("runSandbox failed: %s path=%s errno=%d", errcName(report.error().code), report.error().path.c_str(),
                 report.error().osError);
    return report;
}

std::uint64_t tierEntries(const SandboxSample& s, Backend b) {
    std::uint64_t n = 0;
    for (const TierUsage& t : s.tiers)
        if (t.backend == b)
            n += t.entries;
    return n;
}

/// A "design" column with a row per swap design.
void addDesignRows() {
    QTest::addColumn<int>("design");
    QTest::newRow("virtual") << int(SwapDesign::Virtual);
    QTest::newRow("classic") << int(SwapDesign::Classic);
}

/// pressureConfig with no pool, a small "fast" device (priority 10) and a large "slow" one
/// (priority 5), and tiers over them; one pass, so about 1500 pages are swapped out.
SandboxConfig tierConfig(const QTemporaryDir& dir, SwapDesign design) {
    SandboxConfig c = pressureConfig(dir, design);
    c.engine.pool.enabled = false;
    c.devices = {device(dir, "fast.swap", 8 * kMiB, 10), device(dir, "slow.swap", 32 * kMiB, 5)};
    c.tiers = {TierSpec{"slow", kMinSwapPriority, 9}, TierSpec{"fast", 10, kMaxSwapPriority}}; // any order
    c.workloads[0].passes = 1;
    return c;
}

SandboxAction action(SandboxAction::Kind kind, double at, int device = 0) {
    SandboxAction a;
    a.kind = kind;
    a.at = at;
    a.device = device;
    return a;
}

/// Cgroups /a (2 MiB, two threads over 1024 pages each) and /b (1 MiB, one thread over 512
/// pages) under the root, uniform accesses with some writes, a 32 MiB device and an unlimited
/// pool: /a's pages go to the pool, and reach the device only when something moves them there.
SandboxConfig actionConfig(const QTemporaryDir& dir, SwapDesign design) {
    SandboxConfig c;
    c.name = "actions";
    c.design = design;
    c.seed = 11;
    c.devices.push_back(device(dir, design == SwapDesign::Virtual ? "v.swap" : "c.swap", 32 * kMiB, 10));
    c.cgroups.push_back(cgroup("/", -1, kNoLimit));
    c.cgroups.push_back(cgroup("a", 0, 2 * kMiB));
    c.cgroups.push_back(cgroup("b", 0, 1 * kMiB));
    WorkloadSpec a = workload("wa", WorkloadKind::Uniform, 1, 2, 1024, 8000);
    a.writeFraction = 0.3;
    WorkloadSpec b = workload("wb", WorkloadKind::Uniform, 2, 1, 512, 8000);
    b.writeFraction = 0.3;
    c.workloads = {a, b};
    c.sampleIntervalMs = 0;
    return c;
}

constexpr std::uint64_t kActionMappedPages = 2 * 1024 + 512; ///< page-table entries of actionConfig

/// Checks every run with actions must pass: every swapped-in page verified (faults, and the
/// pages a classic walk faulted in), nothing leaked.
bool intact(const SandboxReport& r) {
    if (r.counters.verifiedPages >= r.counters.swapInFaults && r.counters.swapInFaults > 0 && r.leakedEntries == 0)
        return true;
    qWarning("verified %llu of %llu swap-ins, %llu entries leaked", qulonglong(r.counters.verifiedPages),
             qulonglong(r.counters.swapInFaults), qulonglong(r.leakedEntries));
    return false;
}

std::uint64_t swappedOn(const SandboxSample& s, int cgroup, Backend b) {
    return s.cgroups[std::size_t(cgroup)].swappedPages[std::size_t(b)];
}

const TierUsage& deviceRow(const SandboxSample& s, int device) {
    static const TierUsage none;
    for (const TierUsage& t : s.tiers)
        if (t.backend == Backend::Device && t.device == device)
            return t;
    return none;
}

} // namespace

class TestSandbox : public QObject {
    Q_OBJECT

private slots:
    void invalidConfig_data();
    void invalidConfig();
    void noPressureNeverSwaps();
    void pressureSwapsAndVerifies_data();
    void pressureSwapsAndVerifies();
    void sameSeedSameCounts_data();
    void sameSeedSameCounts();
    void forkSharesEntries();
    void swapoffWalksOnlyInClassic();
    void classicReservesDiskForPool();
    void traceReplay();
    void parentLimitBindsChildren();
    void swapMaxLimitsSwap_data();
    void swapMaxLimitsSwap();
    void noWritebackKeepsPagesOffDevices_data();
    void noWritebackKeepsPagesOffDevices();
    void zswapMaxSendsPagesToDevices_data();
    void zswapMaxSendsPagesToDevices();
    void allowedTiersLimitDevices_data();
    void allowedTiersLimitDevices();
    void deviceEntriesPerTier_data();
    void deviceEntriesPerTier();
    void swapInErrorStopsTheRun();
    void actionsKeepEveryPage_data();
    void actionsKeepEveryPage();
    void writebackMovesPagesToDevice_data();
    void writebackMovesPagesToDevice();
    void poolWritebacksCountPoolToDevice_data();
    void poolWritebacksCountPoolToDevice();
    void lowerZswapMaxEnforcedAtOnce_data();
    void lowerZswapMaxEnforcedAtOnce();
    void compactDeviceWalksOnlyInClassic_data();
    void compactDeviceWalksOnlyInClassic();
    void writebackOffMidRunEmptiesDevices_data();
    void writebackOffMidRunEmptiesDevices();
    void maintenanceOnlyInVirtual();
};

void TestSandbox::invalidConfig_data() {
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QString>("field");
    QTest::newRow("no workloads") << 0 << QStringLiteral("workloads");
    QTest::newRow("zero pages") << 1 << QStringLiteral("workloads[0].pages");
    QTest::newRow("bad cgroup") << 2 << QStringLiteral("workloads[0].cgroup");
    QTest::newRow("limit too small") << 3 << QStringLiteral("cgroups[1].memoryMax");
    QTest::newRow("parent after child") << 4 << QStringLiteral("cgroups[1].parent");
    QTest::newRow("device size") << 5 << QStringLiteral("devices[0].sizeBytes");
    QTest::newRow("action device") << 6 << QStringLiteral("actions[0].device");
    QTest::newRow("zipf theta 1") << 7 << QStringLiteral("workloads[0].zipfTheta");
    QTest::newRow("write fraction") << 8 << QStringLiteral("workloads[0].writeFraction");
    QTest::newRow("duplicate workload") << 9 << QStringLiteral("workloads[1].name");
    QTest::newRow("tier name") << 10 << QStringLiteral("tiers[0].name");
    QTest::newRow("duplicate tier") << 11 << QStringLiteral("tiers[1].name");
    QTest::newRow("tier ranges overlap") << 12 << QStringLiteral("tiers[1].maxPriority");
    QTest::newRow("gap between tiers") << 13 << QStringLiteral("tiers");
    QTest::newRow("unknown allowed tier") << 14 << QStringLiteral("cgroups[1].allowedTiers");
    QTest::newRow("allowed tier without tiers") << 15 << QStringLiteral("cgroups[1].allowedTiers");
    QTest::newRow("action cgroup") << 16 << QStringLiteral("actions[0].cgroup");
    QTest::newRow("writeback batch 0") << 17 << QStringLiteral("actions[0].writeback.batchPages");
    QTest::newRow("writeback batch 513") << 18 << QStringLiteral("actions[0].writeback.batchPages");
    QTest::newRow("recompress raw") << 19 << QStringLiteral("actions[0].recompress.codec");
    QTest::newRow("recompress zstd level") << 20 << QStringLiteral("actions[0].recompress.zstdLevel");
    QTest::newRow("policy changes nothing") << 21 << QStringLiteral("actions[0].policy");
    QTest::newRow("policy unknown tier") << 22 << QStringLiteral("actions[0].policy.allowedTiers");
    QTest::newRow("promotion action min loads") << 23 << QStringLiteral("actions[0].promotion.minLoads");
    QTest::newRow("compact device index") << 24 << QStringLiteral("actions[1].device");
    QTest::newRow("promotion min loads") << 25 << QStringLiteral("promotion.minLoads");
    QTest::newRow("maintenance codec") << 26 << QStringLiteral("maintenance.recompressCodec");
    QTest::newRow("cgroup tree too deep") << 27 << QStringLiteral("cgroups[17].parent");
}

void TestSandbox::invalidConfig() {
    QFETCH(int, mutation);
    QFETCH(QString, field);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    QVERIFY(validateSandboxConfig(c).ok());
    switch (mutation) {
    case 0: c.workloads.clear(); break;
    case 1: c.workloads[0].pages = 0; break;
    case 2: c.workloads[0].cgroup = 5; break;
    case 3: c.cgroups[1].memoryMax = 16 * kPageSize; break; // 2 threads need 32 pages
    case 4: c.cgroups[1].parent = 1; break;
    case 5: c.devices[0].sizeBytes = 1000; break;
    case 6: c.actions.push_back(action(SandboxAction::Kind::Swapoff, 1.0, 3)); break;
    case 7: c.workloads[0].kind = WorkloadKind::Zipfian; c.workloads[0].zipfTheta = 1.0; break;
    case 8: c.workloads[0].writeFraction = 1.5; break;
    case 9: c.workloads.push_back(c.workloads[0]); break;
    case 10: c.tiers = {TierSpec{"Fast", kMinSwapPriority, kMaxSwapPriority}}; break;
    case 11: c.tiers = {TierSpec{"a", 10, kMaxSwapPriority}, TierSpec{"a", kMinSwapPriority, 9}}; break;
    case 12: c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 10}}; break;
    case 13: c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 8}}; break;
    case 14:
        c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 9}};
        c.cgroups[1].allowedTiers = {"slow", "nvme"};
        break;
    case 15: c.cgroups[1].allowedTiers = {"fast"}; break; // the default table has only "default"
    case 16:
        c.actions.push_back(action(SandboxAction::Kind::Writeback, 0.5));
        c.actions[0].cgroup = 2;
        break;
    case 17:
    case 18:
        c.actions.push_back(action(SandboxAction::Kind::Writeback, 0.5));
        c.actions[0].writeback.batchPages = mutation == 17 ? 0 : 513;
        break;
    case 19:
    case 20:
        c.actions.push_back(action(SandboxAction::Kind::Recompress, 0.5));
        c.actions[0].recompress.codec = mutation == 19 ? Codec::Raw : Codec::Zstd;
        c.actions[0].recompress.zstdLevel = 99;
        break;
    case 21: c.actions.push_back(action(SandboxAction::Kind::SetCgroupPolicy, 0.5)); break;
    case 22:
        c.actions.push_back(action(SandboxAction::Kind::SetCgroupPolicy, 0.5));
        c.actions[0].policy.allowedTiers = std::vector<std::string>{"nvme"};
        break;
    case 23:
        c.actions.push_back(action(SandboxAction::Kind::SetPromotion, 0.5));
        c.actions[0].promotion.minLoads = 0;
        break;
    case 24:
        c.actions.push_back(action(SandboxAction::Kind::CompactPool, 0.5, 9)); // no device used: fine
        c.actions.push_back(action(SandboxAction::Kind::CompactDevice, 0.5, 1));
        break;
    case 25: c.promotion.minLoads = 0; break;
    case 26:
        c.maintainEveryRounds = 4;
        c.maintenance.recompressNanos = 1;
        c.maintenance.recompressCodec = Codec::Raw;
        break;
    case 27:
        for (int i = 2; i <= 17; ++i) // cgroups[i] is i deep below the root: the engine takes 16
            c.cgroups.push_back(cgroup(("d" + std::to_string(i)).c_str(), i - 1, kNoLimit));
        break;
    }
    const Status status = validateSandboxConfig(c);
    QCOMPARE(status.code(), Errc::InvalidArgument);
    QCOMPARE(QString::fromStdString(status.error().path), field);
    // runSandbox refuses the same config before touching any file.
    auto report = runSandbox(c);
    QCOMPARE(report.code(), Errc::InvalidArgument);
    QVERIFY(!QFile::exists(QString::fromStdString(c.devices[0].path)));
}

void TestSandbox::noPressureNeverSwaps() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.cgroups[1].memoryMax = kNoLimit;
    c.workloads[0] = workload("uniform", WorkloadKind::Uniform, 1, 2, 512, 20000);
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QCOMPARE(report->counters.accesses, std::uint64_t(40000));
    QCOMPARE(report->counters.swapOuts, std::uint64_t(0));
    QCOMPARE(report->counters.swapInFaults, std::uint64_t(0));
    // 20000 uniform accesses over 512 pages touch every page (P(miss) ~ e^-39).
    QCOMPARE(report->counters.firstTouchFaults, std::uint64_t(1024));
    QCOMPARE(report->final.cgroups[1].residentPages, std::uint64_t(1024));
    QCOMPARE(report->workloads[0].accesses, std::uint64_t(40000));
    QCOMPARE(report->leakedEntries, std::uint64_t(0));
    QCOMPARE(report->counters.exits, std::uint64_t(2));
}

void TestSandbox::pressureSwapsAndVerifies_data() {
    addDesignRows();
}

void TestSandbox::pressureSwapsAndVerifies() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir, SwapDesign(design));
    std::uint64_t samples = 0;
    SandboxCallbacks callbacks;
    callbacks.onSample = [&](const SandboxSample&) { ++samples; };
    auto report = runSandbox(c, callbacks);
    QVERIFY2(report.ok(), report.ok() ? "" : errcName(report.error().code));
    const SandboxCounters& k = report->counters;
    QCOMPARE(k.accesses, std::uint64_t(2 * 2 * 1024));
    QCOMPARE(k.writes, k.accesses);
    QCOMPARE(k.firstTouchFaults, std::uint64_t(2048));
    // 2 MiB = 512 pages for 2048 pages written in order: the second pass finds nearly every
    // page swapped out, and every one comes back byte for byte.
    QVERIFY2(k.swapOuts >= 2048, qPrintable(QString::number(k.swapOuts)));
    QVERIFY2(k.swapInFaults >= 1024, qPrintable(QString::number(k.swapInFaults)));
    QCOMPARE(k.verifiedPages, k.swapInFaults);
    QCOMPARE(k.overLimitCharges, std::uint64_t(0));
    // memory.max holds (the headroom is part of the limit).
    QVERIFY2(report->final.cgroups[1].peakResidentPages <= 512,
             qPrintable(QString::number(report->final.cgroups[1].peakResidentPages)));
    // Samples: first and last with sampling off.
    QCOMPARE(samples, std::uint64_t(2));
    QCOMPARE(report->samples, samples);
    // Every swapped page is still in the design at the end; nothing is left after teardown.
    std::uint64_t swapped = 0;
    for (std::uint64_t e : report->final.cgroups[1].swappedPages)
        swapped += e;
    if (SwapDesign(design) == SwapDesign::Virtual) {
        QCOMPARE(swapped, tierEntries(report->final, Backend::Zero) + tierEntries(report->final, Backend::Pool) +
                              tierEntries(report->final, Backend::Device) + tierEntries(report->final, Backend::Memory));
    }
    QVERIFY(swapped > 0);
    QCOMPARE(report->leakedEntries, std::uint64_t(0));
    QVERIFY(report->figures.metadataBytes > 0);
    QVERIFY(report->figures.cpuNanos > 0);
}

void TestSandbox::sameSeedSameCounts_data() {
    QTest::addColumn<int>("design");
    QTest::addColumn<bool>("withActions");
    QTest::newRow("virtual") << int(SwapDesign::Virtual) << false;
    QTest::newRow("virtual, actions") << int(SwapDesign::Virtual) << true;
    QTest::newRow("classic, actions") << int(SwapDesign::Classic) << true;
}

void TestSandbox::sameSeedSameCounts() {
    QFETCH(int, design);
    QFETCH(bool, withActions);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir, SwapDesign(design));
    if (withActions) {
        // Actions move pages between backends, never in or out of memory: the counts stay.
        // (Device compaction last: a device cut down mid-run may fill up, and which of the
        // parallel stores finds it full is a matter of timing.)
        c.actions.push_back(action(SandboxAction::Kind::Writeback, 0.3));
        c.actions.push_back(action(SandboxAction::Kind::CompactPool, 0.5));
        c.actions.push_back(action(SandboxAction::Kind::CompactDevice, 1.0));
        c.actions.push_back(action(SandboxAction::Kind::Recompress, 0.8));
        c.actions[0].cgroup = 1;
        c.actions[3].cgroup = 1;
    }
    c.workloads[0] = workload("zipf", WorkloadKind::Zipfian, 1, 3, 1024, 6000);
    c.workloads[0].writeFraction = 0.3;
    c.cgroups[1].memoryMax = 1 * kMiB;
    auto a = runOrFail(c);
    auto b = runOrFail(c);
    QVERIFY(a.ok() && b.ok());
    const auto key = [](const SandboxReport& r) {
        const SandboxCounters& k = r.counters;
        return QList<quint64>{k.accesses, k.writes, k.firstTouchFaults, k.swapInFaults, k.swapOuts, k.refaults,
                              k.refaultActivations, k.scanned, k.activations, k.deactivations, r.rounds};
    };
    QCOMPARE(key(*a), key(*b));
    QVERIFY(a->counters.swapOuts > 0);
    QVERIFY(a->counters.refaults > 0);
    QCOMPARE(a->actions.size(), c.actions.size());
    for (const ActionFigures& f : a->actions)
        QCOMPARE(f.error.code, Errc::Ok);
    QCOMPARE(a->counters.verifiedPages, a->counters.swapInFaults);
    c.seed = 8;
    auto other = runOrFail(c);
    QVERIFY(other.ok());
    QVERIFY(key(*other) != key(*a));
}

void TestSandbox::forkSharesEntries() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    WorkloadSpec w = workload("forky", WorkloadKind::ForkHeavy, 1, 2, 1024, 12000);
    w.forkEvery = 1000;
    w.childAccesses = 800;
    w.maxChildren = 2;
    w.writeFraction = 0.5;
    c.workloads[0] = w;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(report->counters.forks >= 4);
    QCOMPARE(report->counters.exits, report->counters.forks + 2);
    QVERIFY(report->counters.cowBreaks > 0);
    QVERIFY2(report->engine.events.duplicates > 0, "fork must share swapped entries (swap count > 1)");
    QCOMPARE(report->counters.verifiedPages, report->counters.swapInFaults);
    QCOMPARE(report->leakedEntries, std::uint64_t(0));
}

void TestSandbox::swapoffWalksOnlyInClassic() {
    for (SwapDesign design : {SwapDesign::Virtual, SwapDesign::Classic}) {
        QTemporaryDir dir = makeScratchDir();
        SandboxConfig c = pressureConfig(dir, design);
        c.engine.pool.enabled = false;
        c.workloads[0].passes = 1;
        WorkloadSpec mapper = workload("mapper", WorkloadKind::Sequential, 0, 1, 4096);
        c.workloads.push_back(mapper);
        c.actions.push_back(action(SandboxAction::Kind::Swapoff, 1.0, 0));
        auto report = runOrFail(c);
        QVERIFY(report.ok());
        QCOMPARE(report->swapoffs.size(), std::size_t(1));
        const SwapoffFigures& s = report->swapoffs[0];
        QVERIFY(s.entries > 1000);
        QCOMPARE(s.mappedPages, std::uint64_t(2 * 1024 + 4096));
        if (design == SwapDesign::Virtual)
            QCOMPARE(s.ptesVisited, std::uint64_t(0));
        else
            QCOMPARE(s.ptesVisited, s.mappedPages);
        QCOMPARE(tierEntries(report->final, Backend::Device), std::uint64_t(0));
        QCOMPARE(report->leakedEntries, std::uint64_t(0));
    }
}

void TestSandbox::classicReservesDiskForPool() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.engine.pool.limitBytes = 0; // everything fits in the pool
    c.workloads[0].passes = 1;
    auto virt = runOrFail(c);
    c.design = SwapDesign::Classic;
    c.devices[0].path += ".classic";
    auto classic = runOrFail(c);
    QVERIFY(virt.ok() && classic.ok());
    // Same workload, same seed: the same accesses and evictions.
    QCOMPARE(classic->counters.accesses, virt->counters.accesses);
    QCOMPARE(classic->counters.swapOuts, virt->counters.swapOuts);
    // The virtual design keeps pool pages off the disk; the classic one reserves a slot each.
    QCOMPARE(virt->final.figures.diskReservedBytes, std::uint64_t(0));
    QVERIFY(classic->final.figures.diskReservedBytes >= (virt->counters.swapOuts - 64) * kPageSize / 2);
}

void TestSandbox::traceReplay() {
    QTemporaryDir dir = makeScratchDir();
    const std::string path = (dir.path() + QStringLiteral("/t.trace")).toStdString();
    {
        auto writer = TraceWriter::create(path, TraceHeader{kTraceFormatVersion, kTracePageSize, "test"});
        QVERIFY(writer.ok());
        for (std::uint64_t i = 0; i < 3000; ++i) {
            const std::uint64_t page = 0x7f0000000ull + (i * 7919) % 600; // sparse addresses, 600 pages
            QVERIFY(writer->write(TraceRecord{page, i % 3 == 0 ? AccessKind::Write : AccessKind::Read, 1}).ok());
        }
        QVERIFY(writer->close().ok());
    }
    SandboxConfig c = pressureConfig(dir);
    WorkloadSpec w = workload("replay", WorkloadKind::Trace, 1, 1, 0);
    w.tracePath = path;
    c.workloads[0] = w;
    c.cgroups[1].memoryMax = 1 * kMiB; // 256 of 600 pages
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QCOMPARE(report->counters.accesses, std::uint64_t(3000));
    QCOMPARE(report->counters.writes, std::uint64_t(1000));
    QCOMPARE(report->counters.firstTouchFaults, std::uint64_t(600));
    QVERIFY(report->counters.swapInFaults > 0);
    // A missing trace is an error naming the file.
    c.workloads[0].tracePath = path + ".missing";
    auto missing = runSandbox(c);
    QCOMPARE(missing.code(), Errc::IoError);
    QCOMPARE(missing.error().path, path + ".missing");
}

void TestSandbox::parentLimitBindsChildren() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.cgroups[1].memoryMax = 3 * kMiB;                  // 768 pages for the subtree
    c.cgroups.push_back(cgroup("work/a", 1, kNoLimit));
    c.cgroups.push_back(cgroup("work/b", 1, kNoLimit));
    c.workloads[0] = workload("a", WorkloadKind::Uniform, 2, 1, 1024, 8000);
    c.workloads.push_back(workload("b", WorkloadKind::Uniform, 3, 1, 1024, 8000));
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY2(report->final.cgroups[1].peakResidentPages <= 768,
             qPrintable(QString::number(report->final.cgroups[1].peakResidentPages)));
    QVERIFY(report->final.cgroups[2].counters.swapOuts > 0);
    QVERIFY(report->final.cgroups[3].counters.swapOuts > 0);
    QCOMPARE(report->final.cgroups[1].counters.accesses, std::uint64_t(0)); // no workload of its own
}

void TestSandbox::swapMaxLimitsSwap_data() {
    addDesignRows();
}

void TestSandbox::swapMaxLimitsSwap() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir, SwapDesign(design));
    c.cgroups[1].swapMax = 256 * kPageSize + 100; // whole pages count: 256
    c.workloads[0].passes = 1;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    const CgroupUsage& work = report->final.cgroups[1];
    std::uint64_t swapped = 0;
    for (std::uint64_t e : work.swappedPages)
        swapped += e;
    if (SwapDesign(design) == SwapDesign::Virtual) {
        // The engine counts physical backing only (the vswap design): the device slots obey
        // the limit, pool and zero pages do not count.
        QVERIFY2(work.swappedPages[std::size_t(Backend::Device)] <= 256,
                 qPrintable(QString::number(work.swappedPages[std::size_t(Backend::Device)])));
        QVERIFY(swapped > 256);
        QCOMPARE(report->firstStoreError.code, Errc::Ok); // a limit is not an error
    } else {
        QVERIFY2(swapped <= 256, qPrintable(QString::number(swapped))); // every entry holds a slot
    }
    QVERIFY(report->counters.swapMaxHits > 0);
    QVERIFY(report->counters.reclaimFailures >= report->counters.swapMaxHits);
    QVERIFY(report->counters.overLimitCharges > 0); // nowhere to put the rest: past memory.max
    QCOMPARE(report->counters.verifiedPages, report->counters.swapInFaults);
}

void TestSandbox::noWritebackKeepsPagesOffDevices_data() {
    addDesignRows();
}

void TestSandbox::noWritebackKeepsPagesOffDevices() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir, SwapDesign(design));
    c.engine.pool.limitBytes = 512 * 1024;
    c.cgroups[1].zswapWriteback = false;
    // Writeback of everything now, and scheduled idle writeback: neither may touch /work.
    c.actions.push_back(action(SandboxAction::Kind::Writeback, 0.5));
    c.actions[0].cgroup = 0;
    c.actions[0].writeback.secondChance = false;
    c.maintainEveryRounds = 2;
    c.maintenance.idleWritebackNanos = 1;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QCOMPARE(report->final.cgroups[1].swappedPages[std::size_t(Backend::Device)], std::uint64_t(0));
    QVERIFY(report->final.cgroups[1].swappedPages[std::size_t(Backend::Pool)] > 0);
    QVERIFY(report->counters.reclaimFailures > 0); // the pool filled up and the rest stayed in memory
    QCOMPARE(report->actions.size(), std::size_t(1));
    QCOMPARE(report->actions[0].pagesWritten, std::uint64_t(0));
    QCOMPARE(report->counters.verifiedPages, report->counters.swapInFaults);
    QCOMPARE(report->leakedEntries, std::uint64_t(0));
    if (SwapDesign(design) == SwapDesign::Virtual) {
        QCOMPARE(report->engine.events.pswpout, std::uint64_t(0));
        for (const CgroupStats& cg : report->engine.cgroups) {
            QCOMPARE(cg.events.pswpout, std::uint64_t(0));
            QCOMPARE(cg.events.zswpwb, std::uint64_t(0));
        }
    }
}

void TestSandbox::zswapMaxSendsPagesToDevices_data() {
    addDesignRows();
}

void TestSandbox::zswapMaxSendsPagesToDevices() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir, SwapDesign(design));
    c.engine.pool.limitBytes = 0;
    c.cgroups[1].zswapMax = 256 * 1024;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    const CgroupUsage& work = report->final.cgroups[1];
    QVERIFY(work.swappedPages[std::size_t(Backend::Device)] > 0);
    if (SwapDesign(design) == SwapDesign::Virtual) {
        // The engine checks the cap at every store and makes room by writing the cgroup's
        // oldest pool entries back: the pool keeps the youngest pages, no store is refused.
        // Checked before compressing: each of the two threads may pass it by one page.
        QVERIFY2(work.poolBytes <= 256 * 1024 + 2 * kPageSize, qPrintable(QString::number(work.poolBytes)));
        QVERIFY(report->engine.events.zswpwb > 0);
        QCOMPARE(report->counters.zswapMaxHits, std::uint64_t(0));
    } else {
        QVERIFY(report->counters.zswapMaxHits > 0);
        // The cap is checked between rounds: at most one round of evictions (64 pages per
        // worker, compressed) lands past it.
        QVERIFY2(work.poolBytes <= 256 * 1024 + 2 * 64 * kPageSize, qPrintable(QString::number(work.poolBytes)));
        // The pool has no limit of its own: every page written to the device was sent there by
        // the cap; the other capped swap-outs were zero pages, which need no storage.
        QVERIFY(report->engine.events.pswpout <= report->counters.zswapMaxHits);
        QVERIFY(report->counters.zswapMaxHits - report->engine.events.pswpout <= report->engine.events.swpoutZero);
    }
}

void TestSandbox::allowedTiersLimitDevices_data() {
    addDesignRows();
}

void TestSandbox::allowedTiersLimitDevices() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    const auto used = [](const SandboxSample& s, int device) { return deviceRow(s, device).storedBytes; };

    // No policy: "fast" has the higher priority and room for every page.
    SandboxConfig c = tierConfig(dir, SwapDesign(design));
    auto open = runOrFail(c);
    QVERIFY(open.ok());
    QCOMPARE(deviceRow(open->final, 0).tier, std::string("fast"));
    QCOMPARE(deviceRow(open->final, 1).tier, std::string("slow"));
    QVERIFY(used(open->final, 0) > 0);

    // Allowed only "slow": nothing ever lands on "fast" (a slot there would show in its row).
    c.cgroups[1].allowedTiers = {"slow"};
    auto slowOnly = runOrFail(c);
    QVERIFY(slowOnly.ok());
    QCOMPARE(used(slowOnly->final, 0), std::uint64_t(0));
    QVERIFY(used(slowOnly->final, 1) > 0);
    QCOMPARE(slowOnly->counters.swapOuts, open->counters.swapOuts); // same evictions, other device
    QCOMPARE(slowOnly->counters.reclaimFailures, std::uint64_t(0));

    // A child allowed both under a parent allowed "slow": the parent wins.
    c.cgroups.push_back(cgroup("work/child", 1, kNoLimit));
    c.cgroups[2].allowedTiers = {"fast", "slow"};
    c.workloads[0].cgroup = 2;
    auto child = runOrFail(c);
    QVERIFY(child.ok());
    QCOMPARE(used(child->final, 0), std::uint64_t(0));
    QVERIFY(used(child->final, 1) > 0);
    QVERIFY(child->final.cgroups[2].swappedPages[std::size_t(Backend::Device)] > 0);

    // A child allowed only "fast" under that parent has no tier left: its pages stay in the pool
    // (virtual) or resident; the classic design cannot even use the pool without a slot.
    c.cgroups[2].allowedTiers = {"fast"};
    c.engine.pool.enabled = true;
    c.engine.pool.limitBytes = 512 * 1024;
    auto none = runOrFail(c);
    QVERIFY(none.ok());
    const CgroupUsage& g = none->final.cgroups[2];
    QCOMPARE(g.swappedPages[std::size_t(Backend::Device)], std::uint64_t(0));
    QCOMPARE(used(none->final, 0) + used(none->final, 1), std::uint64_t(0));
    QVERIFY(none->counters.reclaimFailures > 0);
    if (SwapDesign(design) == SwapDesign::Virtual)
        QVERIFY(g.swappedPages[std::size_t(Backend::Pool)] > 0);
    else
        QCOMPARE(none->counters.swapOuts, std::uint64_t(0));
    QCOMPARE(none->leakedEntries, std::uint64_t(0));
}

namespace {

/// CgroupUsage::deviceEntries against the rest of a sample: one per device row, 0 on a
/// swapped-off device, summing to swappedPages[Device] per cgroup and to the row's entries per
/// device. Empty if it holds, else what broke.
QString deviceEntriesBroken(const SandboxSample& s) {
    std::vector<const TierUsage*> rows;
    for (const TierUsage& t : s.tiers)
        if (t.backend == Backend::Device)
            rows.push_back(&t);
    std::vector<std::uint64_t> perDevice(rows.size(), 0);
    for (const CgroupUsage& c : s.cgroups) {
        if (c.deviceEntries.size() != rows.size())
            return QStringLiteral("%1: %2 device entries for %3 devices")
                .arg(QString::fromStdString(c.name)).arg(c.deviceEntries.size()).arg(rows.size());
        std::uint64_t sum = 0;
        for (std::size_t d = 0; d < rows.size(); ++d) {
            if (rows[d]->device != int(d))
                return QStringLiteral("device row %1 has index %2").arg(d).arg(rows[d]->device);
            if (rows[d]->swappedOff && c.deviceEntries[d] != 0)
                return QStringLiteral("%1: entries on swapped-off device %2").arg(QString::fromStdString(c.name)).arg(d);
            sum += c.deviceEntries[d];
            perDevice[d] += c.deviceEntries[d];
        }
        if (sum != c.swappedPages[std::size_t(Backend::Device)])
            return QStringLiteral("%1: device entries sum to %2, swappedPages[Device] is %3")
                .arg(QString::fromStdString(c.name)).arg(sum).arg(c.swappedPages[std::size_t(Backend::Device)]);
    }
    for (std::size_t d = 0; d < rows.size(); ++d)
        if (perDevice[d] != rows[d]->entries)
            return QStringLiteral("device %1: cgroups hold %2 entries, its row %3").arg(d).arg(perDevice[d]).arg(rows[d]->entries);
    return {};
}

} // namespace

void TestSandbox::deviceEntriesPerTier_data() {
    addDesignRows();
}

// /a may use only "fast", /b only "slow" (two devices, the first swapped off at 60%): in every
// sample the per-device figures add up, and at the end each cgroup's pages are on its own
// tier's devices only.
void TestSandbox::deviceEntriesPerTier() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c;
    c.name = "tiers";
    c.design = SwapDesign(design);
    c.seed = 5;
    c.engine.pool.enabled = false;
    c.devices = {device(dir, "fast.swap", 16 * kMiB, 20), device(dir, "slow0.swap", 16 * kMiB, 5),
                 device(dir, "slow1.swap", 16 * kMiB, 4)};
    c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 9}};
    c.cgroups.push_back(cgroup("/", -1, kNoLimit));
    c.cgroups.push_back(cgroup("a", 0, 2 * kMiB));
    c.cgroups.push_back(cgroup("b", 0, 1 * kMiB));
    c.cgroups[1].allowedTiers = {"fast"};
    c.cgroups[2].allowedTiers = {"slow"};
    WorkloadSpec a = workload("wa", WorkloadKind::Sequential, 1, 2, 1024);
    a.passes = 2;
    WorkloadSpec b = workload("wb", WorkloadKind::Sequential, 2, 1, 768);
    b.passes = 3;
    c.workloads = {a, b};
    c.actions.push_back(action(SandboxAction::Kind::Swapoff, 0.6, 1));
    c.sampleIntervalMs = 1;

    std::mutex lock;
    std::vector<QString> broken; // GUARDED_BY(lock)
    std::uint64_t samples = 0;   // GUARDED_BY(lock)
    SandboxCallbacks callbacks;
    callbacks.onSample = [&](const SandboxSample& s) {
        const QString why = deviceEntriesBroken(s);
        std::lock_guard g(lock);
        ++samples;
        if (!why.isEmpty())
            broken.push_back(QStringLiteral("round %1: %2").arg(s.round).arg(why));
    };
    auto report = runSandbox(c, callbacks);
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QCOMPARE(report->swapoffs.size(), std::size_t(1));
    QVERIFY(report->swapoffs[0].entries > 0); // /b's pages were on it
    QVERIFY2(broken.empty(), broken.empty() ? "" : qPrintable(broken.front()));
    QVERIFY(samples >= 2);

    const SandboxSample& s = report->final;
    QVERIFY2(deviceEntriesBroken(s).isEmpty(), qPrintable(deviceEntriesBroken(s)));
    QCOMPARE(deviceRow(s, 0).tier, std::string("fast"));
    QVERIFY(deviceRow(s, 1).swappedOff);
    QCOMPARE(deviceRow(s, 2).tier, std::string("slow"));
    const CgroupUsage& ga = s.cgroups[1];
    const CgroupUsage& gb = s.cgroups[2];
    QCOMPARE(ga.deviceEntries.size(), std::size_t(3));
    QVERIFY(ga.deviceEntries[0] > 0);
    QCOMPARE(ga.deviceEntries[1] + ga.deviceEntries[2], std::uint64_t(0));
    QCOMPARE(gb.deviceEntries[0] + gb.deviceEntries[1], std::uint64_t(0));
    QVERIFY(gb.deviceEntries[2] > 0); // where its pages went after the swapoff
    QCOMPARE(s.cgroups[0].deviceEntries, (std::vector<std::uint64_t>{0, 0, 0}));
    qInfo("%llu samples checked; /a on fast %llu, /b on slow1 %llu, swapoff moved %llu",
          qulonglong(samples), qulonglong(ga.deviceEntries[0]), qulonglong(gb.deviceEntries[2]),
          qulonglong(report->swapoffs[0].entries));
}

void TestSandbox::swapInErrorStopsTheRun() {
    QTemporaryDir dir = makeScratchDir();
    testing::FaultInjectionEnv env(Env::posix());
    SandboxConfig c = pressureConfig(dir);
    c.engine.env = &env;
    c.engine.pool.enabled = false;
    env.failReads(EIO, 1);
    auto report = runSandbox(c);
    QCOMPARE(report.code(), Errc::IoError);
    QCOMPARE(report.error().osError, EIO);
    QVERIFY(!QFile::exists(QString::fromStdString(c.devices[0].path))); // removed on the error path too
}

void TestSandbox::actionsKeepEveryPage_data() {
    QTest::addColumn<int>("design");
    QTest::addColumn<int>("kind");
    using Kind = SandboxAction::Kind;
    const std::pair<Kind, const char*> kinds[] = {
        {Kind::CompactDevice, "compact-device"}, {Kind::CompactPool, "compact-pool"},
        {Kind::Writeback, "writeback"},          {Kind::SetCgroupPolicy, "set-policy"},
        {Kind::Recompress, "recompress"},        {Kind::SetPromotion, "set-promotion"},
    };
    for (SwapDesign design : {SwapDesign::Virtual, SwapDesign::Classic})
        for (const auto& [kind, name] : kinds)
            QTest::addRow("%s %s", swapDesignName(design), name) << int(design) << int(kind);
}

void TestSandbox::actionsKeepEveryPage() {
    QFETCH(int, design);
    QFETCH(int, kind);
    using Kind = SandboxAction::Kind;
    const bool classic = SwapDesign(design) == SwapDesign::Classic;
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design));
    // Device compaction and promotion need pages on the device: a small pool sends them there.
    // (The others need /a's pages in the pool at the action: with a small pool, the engine's
    // shrinker may just have written them all back, so they keep the unlimited one.)
    if (Kind(kind) == Kind::CompactDevice || Kind(kind) == Kind::SetPromotion)
        c.engine.pool.limitBytes = 256 * 1024;
    SandboxAction a = action(Kind(kind), 0.5);
    a.cgroup = 1;
    a.writeback.maxPages = 100;
    a.writeback.secondChance = false;
    a.policy.zswapMax = 64 * 1024;
    a.recompress.codec = Codec::Zstd;
    a.promotion.deviceToPool = true;
    c.actions.push_back(a);
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(intact(*report));
    QCOMPARE(report->actions.size(), std::size_t(1));
    const ActionFigures& f = report->actions[0];
    QCOMPARE(int(f.kind), kind);
    QCOMPARE(f.error.code, Errc::Ok);
    QCOMPARE(f.at, 0.5);
    QVERIFY(f.round > 0 && f.round < report->rounds);
    QCOMPARE(f.poolBytesBefore.size(), std::size_t(3));
    QCOMPARE(f.poolBytesAfter.size(), std::size_t(3));
    if (Kind(kind) != Kind::CompactDevice || !classic)
        QCOMPARE(f.ptesVisited, std::uint64_t(0)); // only the classic design walks, and only to relocate
    // Only the action's cgroup (/a) may see its pool change; /b is innocent.
    if (Kind(kind) == Kind::Writeback || Kind(kind) == Kind::SetCgroupPolicy || Kind(kind) == Kind::Recompress)
        QCOMPARE(f.poolBytesAfter[2], f.poolBytesBefore[2]);
    switch (Kind(kind)) {
    case Kind::CompactDevice:
        if (classic)
            QCOMPARE(f.ptesVisited, f.pagesMoved > 0 ? kActionMappedPages : 0);
        break;
    case Kind::Writeback:
        QVERIFY2(f.pagesMoved > 0 && f.pagesMoved <= 100,
                 qPrintable(QStringLiteral("moved %1, /a pool bytes %2").arg(f.pagesMoved).arg(f.poolBytesBefore[1])));
        QCOMPARE(f.pagesWritten, f.pagesMoved);
        QVERIFY(f.poolBytesAfter[1] < f.poolBytesBefore[1]);
        if (classic) {
            QCOMPARE(f.diskReservedAfter, f.diskReservedBefore);
            QCOMPARE(f.writeCalls, f.pagesWritten);
        } else {
            QCOMPARE(f.diskReservedAfter, f.diskReservedBefore + f.pagesWritten * kPageSize);
            QVERIFY(f.writeCalls <= f.pagesWritten);
        }
        break;
    case Kind::SetCgroupPolicy:
        QVERIFY2(f.poolBytesAfter[1] <= 64 * 1024, qPrintable(QString::number(f.poolBytesAfter[1])));
        break;
    default:
        break;
    }
}

void TestSandbox::writebackMovesPagesToDevice_data() {
    addDesignRows();
}

void TestSandbox::writebackMovesPagesToDevice() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design)); // unlimited pool: nothing on disk before
    SandboxAction a = action(SandboxAction::Kind::Writeback, 0.5);
    a.cgroup = 1;
    a.writeback.maxPages = 300;
    a.writeback.secondChance = false;
    c.actions.push_back(a);
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(intact(*report));
    const ActionFigures& f = report->actions.at(0);
    QCOMPARE(f.error.code, Errc::Ok);
    QCOMPARE(f.pagesMoved, std::uint64_t(300));
    QCOMPARE(f.pagesWritten, std::uint64_t(300));
    QCOMPARE(f.poolBytesAfter[2], f.poolBytesBefore[2]); // writeback of /a leaves /b alone
    QVERIFY(f.poolBytesBefore[1] - f.poolBytesAfter[1] == f.bytesReclaimed && f.bytesReclaimed > 0);
    if (SwapDesign(design) == SwapDesign::Virtual) {
        // Slots are taken at writeback time, in runs written with one call each.
        QCOMPARE(f.diskReservedAfter - f.diskReservedBefore, 300 * kPageSize);
        QVERIFY2(f.writeCalls < f.pagesWritten, qPrintable(QString::number(f.writeCalls)));
    } else {
        // Each page writes the slot it reserved at swap-out: no new disk space, a write each.
        QCOMPARE(f.diskReservedAfter, f.diskReservedBefore);
        QVERIFY(f.diskReservedBefore > 300 * kPageSize);
        QCOMPARE(f.writeCalls, std::uint64_t(300));
    }
    // The only pages on disk are the written-back ones; later faults read them back intact.
    QVERIFY(report->engine.events.pswpin > 0);
    QVERIFY(report->engine.events.pswpout >= 300);
}

void TestSandbox::poolWritebacksCountPoolToDevice_data() {
    QTest::addColumn<int>("design");
    QTest::addColumn<bool>("withDevice");
    QTest::newRow("virtual") << int(SwapDesign::Virtual) << true;
    QTest::newRow("classic") << int(SwapDesign::Classic) << true;
    QTest::newRow("virtual, no device") << int(SwapDesign::Virtual) << false;
    QTest::newRow("classic, no device") << int(SwapDesign::Classic) << false;
}

void TestSandbox::poolWritebacksCountPoolToDevice() {
    // An unlimited pool and no maintenance: the Writeback action at 50% is the only thing that
    // moves pages from the pool to the device, so every sample before it counts 0 writebacks
    // and every sample from its round on counts exactly the pages it moved.
    QFETCH(int, design);
    QFETCH(bool, withDevice);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design));
    if (!withDevice)
        c.devices.clear();
    c.sampleIntervalMs = 1;
    SandboxAction a = action(SandboxAction::Kind::Writeback, 0.5);
    a.cgroup = 1;
    a.writeback.maxPages = 250;
    a.writeback.secondChance = false;
    c.actions.push_back(a);
    std::vector<SandboxSample> samples;
    SandboxCallbacks callbacks;
    callbacks.onSample = [&samples](const SandboxSample& s) { samples.push_back(s); };
    auto report = runSandbox(c, callbacks);
    QVERIFY2(report.ok(), report.ok() ? "" : errcName(report.error().code));
    QCOMPARE(report->actions.size(), std::size_t(1));
    const ActionFigures& f = report->actions.front();
    const std::uint64_t moved = withDevice ? std::uint64_t(250) : std::uint64_t(0);
    if (withDevice)
        QCOMPARE(f.error.code, Errc::Ok);
    QCOMPARE(f.pagesMoved, moved);
    int before = 0, after = 0;
    for (const SandboxSample& s : samples) {
        const bool afterAction = s.round >= f.round;
        (afterAction ? after : before) += 1;
        QVERIFY2(s.figures.poolWritebacks == (afterAction ? moved : 0),
                 qPrintable(QStringLiteral("round %1 (action after round %2): %3 writebacks")
                                .arg(s.round)
                                .arg(f.round)
                                .arg(s.figures.poolWritebacks)));
        QVERIFY(s.figures.poolWritebacks <= s.figures.pagesWritten);
    }
    QVERIFY2(before > 0 && after > 0, qPrintable(QStringLiteral("%1 samples before, %2 after").arg(before).arg(after)));
    QCOMPARE(report->figures.poolWritebacks, moved);
    QCOMPARE(report->final.figures.poolWritebacks, moved);
    QCOMPARE(report->engine.events.zswpwb, moved);
}

void TestSandbox::lowerZswapMaxEnforcedAtOnce_data() {
    addDesignRows();
}

void TestSandbox::lowerZswapMaxEnforcedAtOnce() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design));
    SandboxAction a = action(SandboxAction::Kind::SetCgroupPolicy, 0.5);
    a.cgroup = 1;
    a.policy.zswapMax = 128 * 1024;
    c.actions.push_back(a);
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(intact(*report));
    const ActionFigures& f = report->actions.at(0);
    QCOMPARE(f.error.code, Errc::Ok);
    QVERIFY(f.poolBytesBefore[1] > 128 * 1024);
    QVERIFY2(f.poolBytesAfter[1] <= 128 * 1024, qPrintable(QString::number(f.poolBytesAfter[1])));
    QCOMPARE(f.poolBytesAfter[2], f.poolBytesBefore[2]);
    QVERIFY(f.pagesWritten > 0);  // written back, oldest first
    QCOMPARE(f.ptesVisited, std::uint64_t(0)); // classic too: into the slots the pages reserved
    // And it holds until the end: in the engine at every store, in the classic design between
    // rounds (one round of evictions may land past it).
    const std::uint64_t slack = SwapDesign(design) == SwapDesign::Virtual ? 2 * kPageSize : 2 * 64 * kPageSize;
    QVERIFY2(report->final.cgroups[1].poolBytes <= 128 * 1024 + slack,
             qPrintable(QString::number(report->final.cgroups[1].poolBytes)));
}

void TestSandbox::compactDeviceWalksOnlyInClassic_data() {
    addDesignRows();
}

void TestSandbox::compactDeviceWalksOnlyInClassic() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design));
    c.engine.pool.enabled = false; // every swapped page on the device; swap-ins free slots at random
    c.actions.push_back(action(SandboxAction::Kind::CompactDevice, 0.6));
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(intact(*report));
    const ActionFigures& f = report->actions.at(0);
    QCOMPARE(f.error.code, Errc::Ok);
    QVERIFY2(f.pagesMoved > 0, "the device was fragmented: some slots had to move");
    QVERIFY(f.bytesReclaimed > 0);
    if (SwapDesign(design) == SwapDesign::Virtual)
        QCOMPARE(f.ptesVisited, std::uint64_t(0)); // the slot ids stay: no page table changes
    else
        QCOMPARE(f.ptesVisited, kActionMappedPages); // every entry of every page table
    QVERIFY(deviceRow(report->final, 0).capacityBytes < 32 * kMiB);
}

void TestSandbox::writebackOffMidRunEmptiesDevices_data() {
    addDesignRows();
}

void TestSandbox::writebackOffMidRunEmptiesDevices() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = actionConfig(dir, SwapDesign(design));
    c.engine.pool.limitBytes = 256 * 1024; // the pool fills: pages reach the device
    SandboxAction a = action(SandboxAction::Kind::SetCgroupPolicy, 0.5);
    a.cgroup = 1;
    a.policy.zswapWriteback = false;
    c.actions.push_back(a);
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QVERIFY(intact(*report));
    const ActionFigures& f = report->actions.at(0);
    QCOMPARE(f.error.code, Errc::Ok);
    QVERIFY(f.pagesMoved > 0); // /a had pages on the device: they left it
    if (SwapDesign(design) == SwapDesign::Virtual)
        QCOMPARE(f.ptesVisited, std::uint64_t(0)); // moved to the pool or memory by descriptor
    else
        QCOMPARE(f.ptesVisited, kActionMappedPages); // faulted in through every page table
    QCOMPARE(swappedOn(report->final, 1, Backend::Device), std::uint64_t(0));
}

void TestSandbox::maintenanceOnlyInVirtual() {
    for (SwapDesign design : {SwapDesign::Virtual, SwapDesign::Classic}) {
        QTemporaryDir dir = makeScratchDir();
        SandboxConfig c = actionConfig(dir, design); // unlimited pool: only maintenance writes
        c.maintainEveryRounds = 1;
        c.maintenance.idleWritebackNanos = 1;
        auto report = runOrFail(c);
        QVERIFY(report.ok());
        QVERIFY(intact(*report));
        if (design == SwapDesign::Virtual) {
            QVERIFY(report->engine.events.zswpwb > 0);
            QVERIFY(report->engine.events.pswpin > 0); // written back idle, read back verified
        } else {
            QCOMPARE(report->engine.events.zswpwb, std::uint64_t(0)); // no scheduled maintenance
            QCOMPARE(report->engine.events.pswpout, std::uint64_t(0));
        }
    }
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
