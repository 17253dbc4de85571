// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox (sandbox.h): config validation, page faults and reclaim under memory.max with
// every swapped-in page checked byte for byte, determinism for a seed, fork and copy-on-write,
// swapoff in both designs, trace replay, cgroup policies (allowed swap tiers in both designs
// included), and fatal swap-in errors.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"

#include "swaptier/sandbox.h"
#include "swaptier/trace.h"

#include <cerrno>
#include <string>
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
    void sameSeedSameCounts();
    void forkSharesEntries();
    void swapoffWalksOnlyInClassic();
    void classicReservesDiskForPool();
    void traceReplay();
    void parentLimitBindsChildren();
    void swapMaxLimitsSwap();
    void noWritebackKeepsPagesOffDevices();
    void zswapMaxSendsPagesToDevices();
    void allowedTiersLimitDevices_data();
    void allowedTiersLimitDevices();
    void swapInErrorStopsTheRun();
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
    case 6: c.actions.push_back(SandboxAction{SandboxAction::Kind::Swapoff, 1.0, 3, 0, {}}); break;
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

void TestSandbox::sameSeedSameCounts() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
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
        c.actions.push_back(SandboxAction{SandboxAction::Kind::Swapoff, 1.0, 0, 0, {}});
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

void TestSandbox::swapMaxLimitsSwap() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.cgroups[1].swapMax = 256 * kPageSize;
    c.workloads[0].passes = 1;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    std::uint64_t swapped = 0;
    for (std::uint64_t e : report->final.cgroups[1].swappedPages)
        swapped += e;
    QVERIFY2(swapped <= 256, qPrintable(QString::number(swapped)));
    QVERIFY(report->counters.swapMaxHits > 0);
    QVERIFY(report->counters.overLimitCharges > 0); // nowhere to put the rest: past memory.max
}

void TestSandbox::noWritebackKeepsPagesOffDevices() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.engine.pool.limitBytes = 512 * 1024;
    c.cgroups[1].zswapWriteback = false;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    QCOMPARE(report->final.cgroups[1].swappedPages[std::size_t(Backend::Device)], std::uint64_t(0));
    QVERIFY(report->final.cgroups[1].swappedPages[std::size_t(Backend::Pool)] > 0);
    QVERIFY(report->counters.reclaimFailures > 0); // the pool filled up and the rest stayed in memory
}

void TestSandbox::zswapMaxSendsPagesToDevices() {
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = pressureConfig(dir);
    c.engine.pool.limitBytes = 0;
    c.cgroups[1].zswapMax = 256 * 1024;
    auto report = runOrFail(c);
    QVERIFY(report.ok());
    const CgroupUsage& work = report->final.cgroups[1];
    QVERIFY(report->counters.zswapMaxHits > 0);
    QVERIFY(work.swappedPages[std::size_t(Backend::Device)] > 0);
    // The cap is checked between rounds: at most one round of evictions (64 pages per worker,
    // compressed) lands past it.
    QVERIFY2(work.poolBytes <= 256 * 1024 + 2 * 64 * kPageSize, qPrintable(QString::number(work.poolBytes)));
    // The pool has no limit of its own: every page written to the device was sent there by the
    // cap; the other capped swap-outs were zero pages, which need no storage.
    QVERIFY(report->engine.events.pswpout <= report->counters.zswapMaxHits);
    QVERIFY(report->counters.zswapMaxHits - report->engine.events.pswpout <= report->engine.events.swpoutZero);
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

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
