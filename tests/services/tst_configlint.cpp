// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigLint: every rule on a built config, once where it fires (code, severity, subject and
// related subject, a message naming the subject) and once on a near miss where it must not;
// a clean base config that the engine accepts; the built-in scenarios free of warnings; the
// order of findings; hostile names and broken hierarchies handled without a crash.
#include <QtTest>

#include "configlint.h"
#include "scenario.h"

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(swaptier::SandboxConfig)
Q_DECLARE_METATYPE(swaptier::SandboxSample)

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

DeviceOptions device(const char* path, int priority, IoMode io) {
    DeviceOptions d;
    d.path = path;
    d.sizeBytes = 64 * kMiB;
    d.priority = priority;
    d.io = io;
    return d;
}

CgroupSpec cgroup(const char* name, int parent) {
    CgroupSpec g;
    g.name = name;
    g.parent = parent;
    return g;
}

WorkloadSpec workload(const char* name, int cgroupIndex) {
    WorkloadSpec w;
    w.name = name;
    w.cgroup = cgroupIndex;
    w.pages = 1024;
    return w;
}

/// A clean setup: a capped lz4 pool, "ssd" (priority 10, direct) in tier "fast" and "hdd"
/// (priority 5, buffered) in tier "slow"; cgroups / (0), apps (1), apps/web (2), batch (3);
/// workloads in apps/web and batch.
SandboxConfig base() {
    SandboxConfig c;
    c.name = "lint";
    c.engine.pool.codec = Codec::Lz4;
    c.engine.pool.limitBytes = 16 * kMiB;
    c.devices = {device("/swap/ssd.swap", 10, IoMode::Direct), device("/swap/hdd.swap", 5, IoMode::Buffered)};
    c.deviceNames = {"ssd", "hdd"};
    c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"slow", kMinSwapPriority, 9}};
    c.cgroups = {cgroup("/", -1), cgroup("apps", 0), cgroup("apps/web", 1), cgroup("batch", 0)};
    c.workloads = {workload("web", 2), workload("batch", 3)};
    return c;
}

/// Three tiers; "mid" (6..9) holds no device.
SandboxConfig withEmptyMidTier() {
    SandboxConfig c = base();
    c.tiers = {TierSpec{"fast", 10, kMaxSwapPriority}, TierSpec{"mid", 6, 9}, TierSpec{"slow", kMinSwapPriority, 5}};
    return c;
}

SandboxSample sampleOf(const SandboxConfig& c) {
    SandboxSample s;
    for (const CgroupSpec& g : c.cgroups) {
        CgroupUsage u;
        u.name = g.name;
        u.memoryMax = g.memoryMax;
        s.cgroups.push_back(u);
    }
    return s;
}

const LintFinding* findCode(const std::vector<LintFinding>& findings, const QString& code) {
    for (const LintFinding& f : findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

const LintFinding* findCode(const std::vector<LintFinding>& findings, const char* code) {
    return findCode(findings, QString::fromLatin1(code));
}

QString dump(const std::vector<LintFinding>& findings) {
    QStringList lines;
    for (const LintFinding& f : findings)
        lines << f.code + u": "_s + f.message;
    return lines.join(u'\n');
}

} // namespace

class TestConfigLint : public QObject {
    Q_OBJECT

private slots:
    void baseIsCleanAndValid();
    void rules_data();
    void rules();
    void builtinsHaveNoWarnings();
    void findingsAreOrdered();
    void usageRulesNeedAMatchingSample();
    void hostileInputIsHandled();
    void jsonNamesEverything();
};

void TestConfigLint::baseIsCleanAndValid() {
    const SandboxConfig c = base();
    QVERIFY(validateSandboxConfig(c).ok());
    const SandboxSample s = sampleOf(c);
    const auto findings = ConfigLint::check(c, &s);
    QVERIFY2(findings.empty(), qPrintable(dump(findings)));
}

void TestConfigLint::rules_data() {
    QTest::addColumn<SandboxConfig>("config");
    QTest::addColumn<bool>("withSample");
    QTest::addColumn<SandboxSample>("sample");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("fires");
    QTest::addColumn<int>("severity");
    QTest::addColumn<int>("subjectKind");
    QTest::addColumn<int>("subjectIndex");
    QTest::addColumn<QString>("subjectName");
    QTest::addColumn<int>("relatedIndex");   // -1: no related subject
    QTest::addColumn<QString>("figure");     // a figure the message must name ("" = none)

    using K = LintSubject::Kind;
    const int W = int(LintSeverity::Warning), N = int(LintSeverity::Notice);
    const auto row = [](const char* name, const SandboxConfig& c, const char* code, bool fires, int severity,
                        K kind, int index, const QString& subject, int related, const QString& figure,
                        const SandboxSample* sample = nullptr) {
        QTest::newRow(name) << c << (sample != nullptr) << (sample ? *sample : SandboxSample{})
                            << QString::fromLatin1(code) << fires
                            << severity << int(kind) << index << subject << related << figure;
    };
    const QString none;

    {
        SandboxConfig c = base();
        c.devices[1].path = "/dev/zram0";
        row("zram behind the pool", c, lintcode::kPoolBeforeCompressedDevice, true, W, K::Device, 1, u"hdd"_s, -1,
            u"/dev/zram0"_s);
        c.engine.pool.enabled = false;
        row("zram without a pool", c, lintcode::kPoolBeforeCompressedDevice, false, W, K::Device, 1, u"hdd"_s, -1,
            none);
        SandboxConfig d = base();
        d.devices[1].path = "/var/zram0.swap";
        row("a swapfile named zram", d, lintcode::kPoolBeforeCompressedDevice, false, W, K::Device, 1, u"hdd"_s, -1,
            none);
    }
    {
        SandboxConfig c = base();
        c.devices[1].priority = 10;
        row("equal priority, direct and buffered", c, lintcode::kEqualPriority, true, W, K::Device, 0, u"ssd"_s, 1,
            u"buffered"_s);
        c.devices[1].io = IoMode::Auto;
        row("equal priority, direct and auto", c, lintcode::kEqualPriority, false, W, K::Device, 0, u"ssd"_s, 1, none);
    }
    {
        SandboxConfig c = base();
        c.cgroups[1].zswapWriteback = false;
        row("writeback off above", c, lintcode::kWritebackDisabledByAncestor, true, W, K::Cgroup, 2, u"apps/web"_s, 1,
            u"apps"_s);
        SandboxConfig d = base();
        d.cgroups[2].zswapWriteback = false;
        row("writeback off in the leaf", d, lintcode::kWritebackDisabledByAncestor, false, W, K::Cgroup, 2,
            u"apps/web"_s, 1, none);
    }
    {
        SandboxConfig c = base();
        c.cgroups[1].allowedTiers = {"slow"};
        c.cgroups[2].allowedTiers = {"fast"};
        row("tier excluded above", c, lintcode::kTierExcludedByAncestor, true, W, K::Cgroup, 2, u"apps/web"_s, 1,
            u"fast"_s);
        c.cgroups[2].allowedTiers = {"slow"};
        row("tier allowed above", c, lintcode::kTierExcludedByAncestor, false, W, K::Cgroup, 2, u"apps/web"_s, 1,
            none);
    }
    {
        row("empty tier nobody names", withEmptyMidTier(), lintcode::kTierWithoutDevice, true, N, K::Tier, 1,
            u"mid"_s, -1, u"6 to 9"_s);
        SandboxConfig c = withEmptyMidTier();
        c.cgroups[3].allowedTiers = {"mid", "slow"};
        row("empty tier a cgroup names", c, lintcode::kTierWithoutDevice, true, W, K::Tier, 1, u"mid"_s, -1,
            u"6 to 9"_s);
        SandboxConfig d = base();
        d.tiers.clear();
        row("no tiers configured", d, lintcode::kTierWithoutDevice, false, N, K::Tier, 0, u"default"_s, -1, none);
    }
    {
        SandboxConfig c = withEmptyMidTier();
        c.cgroups[3].allowedTiers = {"mid"};
        row("cgroup only on an empty tier", c, lintcode::kCgroupWithoutDevice, true, W, K::Cgroup, 3, u"batch"_s, -1,
            u"mid"_s);
        SandboxConfig d = base();
        d.cgroups[1].allowedTiers = {"slow"};
        d.cgroups[2].allowedTiers = {"fast"};
        row("cgroup with disjoint tiers", d, lintcode::kCgroupWithoutDevice, true, W, K::Cgroup, 2, u"apps/web"_s, -1,
            u"in common"_s);
        c.cgroups[3].allowedTiers = {"mid", "slow"};
        row("cgroup with a device tier too", c, lintcode::kCgroupWithoutDevice, false, W, K::Cgroup, 3, u"batch"_s,
            -1, none);
    }
    {
        SandboxConfig c = base();
        c.engine.pool.enabled = false;
        c.cgroups[3].zswapWriteback = false;
        row("no pool and no writeback", c, lintcode::kCgroupCannotSwap, true, W, K::Cgroup, 3, u"batch"_s, -1,
            u"memory.zswap.writeback"_s);
        c.cgroups[3].swapMax = 0;
        row("no swap on purpose (swap.max 0)", c, lintcode::kCgroupCannotSwap, false, W, K::Cgroup, 3, u"batch"_s, -1,
            none);
        SandboxConfig d = base();
        d.cgroups[3].zswapMax = 0;
        d.cgroups[3].zswapWriteback = false;
        row("zswap.max 0 and no writeback", d, lintcode::kCgroupCannotSwap, true, W, K::Cgroup, 3, u"batch"_s, -1,
            u"memory.zswap.max is 0"_s);
        SandboxConfig e = withEmptyMidTier();
        e.design = SwapDesign::Classic;
        e.cgroups[3].allowedTiers = {"mid"};
        row("classic: no slot in the allowed tiers", e, lintcode::kCgroupCannotSwap, true, W, K::Cgroup, 3,
            u"batch"_s, -1, u"mid"_s);
        e.design = SwapDesign::Virtual;
        row("virtual: the pool still takes pages", e, lintcode::kCgroupCannotSwap, false, W, K::Cgroup, 3,
            u"batch"_s, -1, none);
    }
    {
        SandboxConfig c = base();
        c.devices.clear();
        c.deviceNames.clear();
        c.engine.pool.enabled = false;
        row("no pool, no device", c, lintcode::kNoSwapSpace, true, W, K::Config, -1, u"pool"_s, -1, none);
        c.engine.pool.enabled = true;
        row("a pool and no device", c, lintcode::kNoSwapSpace, false, W, K::Config, -1, u"pool"_s, -1, none);
    }
    {
        SandboxConfig c = base();
        c.engine.pool.limitBytes = 0;
        row("uncapped pool", c, lintcode::kPoolWithoutLimit, true, W, K::Config, -1, u"pool"_s, 2, u"apps/web"_s);
        c.cgroups[1].zswapMax = 8 * kMiB;
        c.cgroups[3].zswapMax = 8 * kMiB;
        row("uncapped pool, zswap.max everywhere", c, lintcode::kPoolWithoutLimit, false, W, K::Config, -1,
            u"pool"_s, -1, none);
    }
    {
        SandboxConfig c = base();
        c.cgroups[1].memoryMax = 16 * kMiB;
        SandboxSample s = sampleOf(c);
        s.cgroups[1].residentPages = 5000;
        row("resident above memory.max", c, lintcode::kMemoryMaxBelowUse, true, W, K::Cgroup, 1, u"apps"_s, -1,
            u"16.0 MiB"_s, &s);
        s.cgroups[1].residentPages = 4096;
        row("resident at memory.max", c, lintcode::kMemoryMaxBelowUse, false, W, K::Cgroup, 1, u"apps"_s, -1, none,
            &s);
        row("no sample, no usage rule", c, lintcode::kMemoryMaxBelowUse, false, W, K::Cgroup, 1, u"apps"_s, -1, none);
    }
    {
        SandboxConfig c = base();
        c.cgroups[3].swapMax = 4 * kMiB;
        SandboxSample s = sampleOf(c);
        s.cgroups[3].swappedPages[std::size_t(Backend::Device)] = 2048;
        row("device pages above swap.max", c, lintcode::kSwapMaxBelowUse, true, W, K::Cgroup, 3, u"batch"_s, -1,
            u"8.0 MiB"_s, &s);
        SandboxSample pool = sampleOf(c);
        pool.cgroups[3].swappedPages[std::size_t(Backend::Pool)] = 2048;
        row("virtual: pool pages do not count", c, lintcode::kSwapMaxBelowUse, false, W, K::Cgroup, 3, u"batch"_s, -1,
            none, &pool);
        c.design = SwapDesign::Classic;
        row("classic: pool pages count", c, lintcode::kSwapMaxBelowUse, true, W, K::Cgroup, 3, u"batch"_s, -1,
            u"4.0 MiB"_s, &pool);
    }
    {
        SandboxConfig c = base();
        c.cgroups[1].zswapMax = 1 * kMiB;
        SandboxSample s = sampleOf(c);
        s.cgroups[2].poolBytes = 3 * kMiB; // the child's bytes count for the parent
        row("subtree pool above zswap.max", c, lintcode::kZswapMaxBelowUse, true, W, K::Cgroup, 1, u"apps"_s, -1,
            u"3.0 MiB"_s, &s);
        s.cgroups[2].poolBytes = 1 * kMiB + 4096; // one page past, by the one thread storing
        row("one page past zswap.max", c, lintcode::kZswapMaxBelowUse, false, W, K::Cgroup, 1, u"apps"_s, -1, none,
            &s);
        s.cgroups[2].poolBytes = 1 * kMiB + 8192; // two pages past: rounding would show 1.0 MiB twice
        row("two pages past zswap.max", c, lintcode::kZswapMaxBelowUse, true, W, K::Cgroup, 1, u"apps"_s, -1,
            u"1056768 bytes in the compressed pool, above its memory.zswap.max of 1048576 bytes"_s, &s);
    }
    {
        SandboxConfig c = base();
        c.cgroups[1].memoryMax = 16 * kMiB;
        c.cgroups[2].memoryMax = 32 * kMiB;
        row("child memory.max above the parent's", c, lintcode::kLimitAboveAncestor, true, N, K::Cgroup, 2,
            u"apps/web"_s, 1, u"32.0 MiB"_s);
        c.cgroups[2].memoryMax = 8 * kMiB;
        row("child memory.max below the parent's", c, lintcode::kLimitAboveAncestor, false, N, K::Cgroup, 2,
            u"apps/web"_s, 1, none);
    }
    {
        SandboxConfig c = base();
        c.engine.pool.enabled = false;
        c.cgroups[3].zswapMax = 4 * kMiB;
        row("zswap.max without a pool", c, lintcode::kPoolOptionWithoutPool, true, N, K::Cgroup, 3, u"batch"_s, -1,
            u"4.0 MiB"_s);
        c.cgroups[3].zswapMax = 0;
        row("zswap.max 0 without a pool", c, lintcode::kPoolOptionWithoutPool, false, N, K::Cgroup, 3, u"batch"_s, -1,
            none);
        c.promotion.deviceToPool = true;
        row("promotion to a disabled pool", c, lintcode::kPoolOptionWithoutPool, true, N, K::Config, -1,
            u"promotion"_s, -1, u"device_to_pool"_s);
    }
    {
        SandboxConfig c = base();
        c.promotion.deviceToFasterTier = true;
        row("faster-tier promotion over two tiers", c, lintcode::kPromotionWithoutFasterTier, false, N, K::Config, -1,
            u"promotion"_s, -1, none);
        c.tiers.clear();
        row("faster-tier promotion over one tier", c, lintcode::kPromotionWithoutFasterTier, true, N, K::Config, -1,
            u"promotion"_s, -1, u"device_to_faster_tier"_s);
    }
}

void TestConfigLint::rules() {
    QFETCH(SandboxConfig, config);
    QFETCH(bool, withSample);
    QFETCH(SandboxSample, sample);
    QFETCH(QString, code);
    QFETCH(bool, fires);
    QFETCH(int, severity);
    QFETCH(int, subjectKind);
    QFETCH(int, subjectIndex);
    QFETCH(QString, subjectName);
    QFETCH(int, relatedIndex);
    QFETCH(QString, figure);

    const auto findings = ConfigLint::check(config, withSample ? &sample : nullptr);
    const LintFinding* f = findCode(findings, code);
    if (!fires) {
        QVERIFY2(!f, qPrintable(dump(findings)));
        return;
    }
    QVERIFY2(f, qPrintable(dump(findings)));
    QCOMPARE(int(f->severity), severity);
    QCOMPARE(int(f->subject.kind), subjectKind);
    QCOMPARE(f->subject.index, subjectIndex);
    QCOMPARE(f->subject.name, subjectName);
    QCOMPARE(f->related.index, relatedIndex);
    QCOMPARE(f->related.kind == LintSubject::Kind::None, relatedIndex < 0);
    // The message names the subject (a config part by its table name) and the figure.
    QVERIFY2(f->message.contains(subjectName, Qt::CaseInsensitive), qPrintable(f->message));
    if (!figure.isEmpty())
        QVERIFY2(f->message.contains(figure), qPrintable(f->message));
    if (f->related.kind != LintSubject::Kind::None)
        QVERIFY2(f->message.contains(f->related.name), qPrintable(f->message));
    QVERIFY(!f->message.contains(u'\n'));
    QVERIFY(f->explanation.size() > 30 && !f->explanation.contains(u'\n'));
    // Nothing is reported twice.
    for (std::size_t i = 0; i < findings.size(); ++i)
        for (std::size_t j = i + 1; j < findings.size(); ++j)
            QVERIFY2(!(findings[i] == findings[j]), qPrintable(findings[i].message));
}

void TestConfigLint::builtinsHaveNoWarnings() {
    const auto builtins = ScenarioParser::builtins();
    QVERIFY(builtins.size() >= 8);
    ScenarioParser::Options options;
    options.deviceDir = QDir::tempPath();
    for (const auto& b : builtins) {
        auto outcome = ScenarioParser::load(b.name, options);
        QVERIFY2(std::holds_alternative<LoadedScenario>(outcome), qPrintable(b.name));
        for (const ScenarioVariant& v : std::get<LoadedScenario>(outcome).variants) {
            const auto findings = ConfigLint::check(v.config, nullptr);
            QVERIFY2(findings.empty(), qPrintable(b.name + u": "_s + dump(findings)));
        }
    }
}

void TestConfigLint::findingsAreOrdered() {
    SandboxConfig c = withEmptyMidTier();            // notice: tier mid (1)
    c.devices[1].priority = 10;                       // warning: ssd/hdd equal priority, different I/O
    c.cgroups[1].zswapWriteback = false;              // warning: apps/web under apps
    c.cgroups[1].memoryMax = 16 * kMiB;
    c.cgroups[2].memoryMax = 32 * kMiB;               // notice: apps/web above apps
    c.engine.pool.limitBytes = 0;                     // warning: [pool], batch has no cap
    const auto findings = ConfigLint::check(c, nullptr);
    QStringList codes;
    for (const LintFinding& f : findings)
        codes << f.code;
    QCOMPARE(codes, (QStringList{u"pool-without-limit"_s, u"equal-priority"_s, u"writeback-disabled-by-ancestor"_s,
                                 u"tier-without-device"_s, u"tier-without-device"_s, u"limit-above-ancestor"_s}));
    // With ssd and hdd both at 10, "slow" is empty too: tiers by index.
    QCOMPARE(findings[3].subject.name, u"mid"_s);
    QCOMPARE(findings[4].subject.name, u"slow"_s);
    QCOMPARE(findings[0].related.name, u"batch"_s); // the first workload (web) has writeback off above it
}

void TestConfigLint::usageRulesNeedAMatchingSample() {
    SandboxConfig c = base();
    c.cgroups[1].memoryMax = 16 * kMiB;
    SandboxSample s = sampleOf(c);
    s.cgroups[1].residentPages = 100000;
    QVERIFY(findCode(ConfigLint::check(c, &s), lintcode::kMemoryMaxBelowUse));
    SandboxSample renamed = s;
    renamed.cgroups[1].name = "other";
    QVERIFY(!findCode(ConfigLint::check(c, &renamed), lintcode::kMemoryMaxBelowUse));
    SandboxSample shorter = s;
    shorter.cgroups.pop_back();
    QVERIFY(!findCode(ConfigLint::check(c, &shorter), lintcode::kMemoryMaxBelowUse));

    // No cgroup listed: the implicit root, index 0, named "/"; a pool-only setup with no cap
    // (no device to miss) is clean.
    SandboxConfig rootOnly = base();
    rootOnly.cgroups.clear();
    for (WorkloadSpec& w : rootOnly.workloads)
        w.cgroup = 0;
    rootOnly.tiers.clear();
    rootOnly.devices.clear();
    rootOnly.deviceNames.clear();
    rootOnly.engine.pool.limitBytes = 0;
    QVERIFY(validateSandboxConfig(rootOnly).ok());
    SandboxSample rootSample;
    rootSample.cgroups.resize(1);
    rootSample.cgroups[0].name = "/";
    rootSample.cgroups[0].residentPages = 100000;
    QVERIFY(ConfigLint::check(rootOnly, &rootSample).empty());
    rootOnly.engine.pool.enabled = false;
    const auto findings = ConfigLint::check(rootOnly, &rootSample);
    QCOMPARE(findings.size(), std::size_t(1));
    QCOMPARE(findings.front().code, QString::fromLatin1(lintcode::kNoSwapSpace));
}

void TestConfigLint::hostileInputIsHandled() {
    SandboxConfig c = base();
    c.deviceNames = {"%2%1", "%3"};
    c.devices[1].priority = 10;
    const auto findings = ConfigLint::check(c, nullptr);
    const LintFinding* f = findCode(findings, lintcode::kEqualPriority);
    QVERIFY(f);
    QVERIFY2(f->message.contains(u"\"%2%1\" and \"%3\" share priority 10"_s), qPrintable(f->message));

    // Parents out of range, a cycle, unknown tier names, more devices than names: no crash.
    SandboxConfig broken = base();
    broken.cgroups[1].parent = 2;
    broken.cgroups[2].parent = 1;
    broken.cgroups[3].parent = 99;
    broken.cgroups[3].allowedTiers = {"nonexistent"};
    broken.deviceNames.pop_back();
    broken.workloads.push_back(workload("lost", 42));
    const auto brokenFindings = ConfigLint::check(broken, nullptr);
    const LintFinding* g = findCode(brokenFindings, lintcode::kCgroupWithoutDevice);
    QVERIFY2(g && g->subject.name == u"batch"_s, qPrintable(dump(brokenFindings))); // an unknown tier allows nothing
    SandboxSample s = sampleOf(broken);
    QVERIFY(!ConfigLint::check(broken, &s).empty());
}

void TestConfigLint::jsonNamesEverything() {
    SandboxConfig c = base();
    c.cgroups[1].zswapWriteback = false;
    const auto findings = ConfigLint::check(c, nullptr);
    QCOMPARE(findings.size(), std::size_t(1));
    const QJsonObject o = ConfigLint::toJson(findings.front());
    QCOMPARE(o.value(u"severity"_s).toString(), u"warning"_s);
    QCOMPARE(o.value(u"code"_s).toString(), u"writeback-disabled-by-ancestor"_s);
    QCOMPARE(o.value(u"subject"_s).toObject().value(u"kind"_s).toString(), u"cgroup"_s);
    QCOMPARE(o.value(u"subject"_s).toObject().value(u"index"_s).toInt(), 2);
    QCOMPARE(o.value(u"related"_s).toObject().value(u"name"_s).toString(), u"apps"_s);
    QVERIFY(!o.value(u"explanation"_s).toString().isEmpty());
    QCOMPARE(ConfigLint::subjectText(findings.front().subject), u"cgroup apps/web"_s);
    QCOMPARE(ConfigLint::subjectText({LintSubject::Kind::Config, -1, u"pool"_s}), u"[pool]"_s);
}

QTEST_GUILESS_MAIN(TestConfigLint)
#include "tst_configlint.moc"
