// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxConfigDiff: field-by-field comparison of two SandboxConfigs (see sandboxconfigdiff.h).
// One function per struct, fields in declaration order; a Comparer keeps the first difference
// and ignores everything after it, so the functions need no early returns.
#include "sandboxconfigdiff.h"

#include "sandboxjson.h"
#include "scenariovaluetext.h"

#include <QStringList>

#include <string>
#include <vector>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;
using Kind = SandboxAction::Kind;

// ---- values as text -------------------------------------------------------------------------

QString text(const std::string& v) { return u'"' + QString::fromStdString(v) + u'"'; }
QString text(bool v) { return v ? u"true"_s : u"false"_s; }
QString text(int v) { return QString::number(v); }
QString text(unsigned v) { return QString::number(v); }
// ~0 is "no limit" wherever a 64-bit field has one (kNoLimit, kUnlimited).
QString text(std::uint64_t v) { return v == kNoLimit ? u"max"_s : QString::number(v); }
// The shortest text that reads back as the same double: two different values never look alike.
QString text(double v) { return detail::tomlFloat(v).value_or(QString::number(v)); }
QString text(Codec v) { return QString::fromLatin1(codecName(v)); }
QString text(SwapDesign v) { return QString::fromLatin1(swapDesignName(v)); }
QString text(WorkloadKind v) { return QString::fromLatin1(workloadKindName(v)); }
QString text(Kind v) { return SandboxJson::actionKindName(v); }
QString text(IoMode v) {
    switch (v) {
    case IoMode::Auto: return u"auto"_s;
    case IoMode::Direct: return u"direct"_s;
    case IoMode::Buffered: return u"buffered"_s;
    }
    return QString::number(int(v));
}
QString text(const MixShares& v) { return QString::fromStdString(v.toString()); }
QString text(const std::vector<std::string>& v) {
    QStringList names;
    for (const std::string& s : v)
        names << text(s);
    return u'[' + names.join(u", ") + u']';
}
template <class T>
QString text(const std::optional<T>& v) {
    return v ? text(*v) : u"unchanged"_s;
}

bool same(const MixShares& a, const MixShares& b) { return a.weights == b.weights; }
template <class T>
bool same(const T& a, const T& b) {
    return a == b;
}

// ---- the comparison -------------------------------------------------------------------------

struct Comparer {
    template <class T>
    void operator()(const QString& field, const T& a, const T& b) {
        if (!first && !same(a, b))
            first = SandboxConfigDiff::Difference{field, text(a), text(b)};
    }
    /// Compares the sizes of two lists; true when they match (and nothing differed before).
    template <class T>
    bool count(const QString& field, const std::vector<T>& a, const std::vector<T>& b) {
        if (!first && a.size() != b.size())
            first = SandboxConfigDiff::Difference{field + u".size"_s, QString::number(a.size()),
                                                    QString::number(b.size())};
        return !first;
    }
    std::optional<SandboxConfigDiff::Difference> first;
};

void comparePool(Comparer& cmp, const QString& p, const PoolOptions& a, const PoolOptions& b) {
    cmp(p + u"enabled"_s, a.enabled, b.enabled);
    cmp(p + u"codec"_s, a.codec, b.codec);
    cmp(p + u"zstdLevel"_s, a.zstdLevel, b.zstdLevel);
    cmp(p + u"limitBytes"_s, a.limitBytes, b.limitBytes);
    cmp(p + u"acceptThresholdPercent"_s, a.acceptThresholdPercent, b.acceptThresholdPercent);
    cmp(p + u"maxPagesPerZspage"_s, a.maxPagesPerZspage, b.maxPagesPerZspage);
}

void comparePromotion(Comparer& cmp, const QString& p, const PromotionPolicy& a, const PromotionPolicy& b) {
    cmp(p + u"deviceToPool"_s, a.deviceToPool, b.deviceToPool);
    cmp(p + u"deviceToFasterTier"_s, a.deviceToFasterTier, b.deviceToFasterTier);
    cmp(p + u"minLoads"_s, a.minLoads, b.minLoads);
}

void compareDevice(Comparer& cmp, const QString& p, const DeviceOptions& a, const DeviceOptions& b) {
    cmp(p + u"path"_s, a.path, b.path);
    cmp(p + u"sizeBytes"_s, a.sizeBytes, b.sizeBytes);
    cmp(p + u"priority"_s, a.priority, b.priority);
    cmp(p + u"discard"_s, a.discard, b.discard);
    cmp(p + u"io"_s, a.io, b.io);
    cmp(p + u"preallocate"_s, a.preallocate, b.preallocate);
    cmp(p + u"writeBehind"_s, a.writeBehind, b.writeBehind);
}

void compareCgroup(Comparer& cmp, const QString& p, const CgroupSpec& a, const CgroupSpec& b) {
    cmp(p + u"name"_s, a.name, b.name);
    cmp(p + u"parent"_s, a.parent, b.parent);
    cmp(p + u"memoryMax"_s, a.memoryMax, b.memoryMax);
    cmp(p + u"swapMax"_s, a.swapMax, b.swapMax);
    cmp(p + u"zswapMax"_s, a.zswapMax, b.zswapMax);
    cmp(p + u"zswapWriteback"_s, a.zswapWriteback, b.zswapWriteback);
    cmp(p + u"allowedTiers"_s, a.allowedTiers, b.allowedTiers);
}

void compareWorkload(Comparer& cmp, const QString& p, const WorkloadSpec& a, const WorkloadSpec& b) {
    cmp(p + u"name"_s, a.name, b.name);
    cmp(p + u"kind"_s, a.kind, b.kind);
    cmp(p + u"cgroup"_s, a.cgroup, b.cgroup);
    cmp(p + u"threads"_s, a.threads, b.threads);
    cmp(p + u"pages"_s, a.pages, b.pages);
    cmp(p + u"accesses"_s, a.accesses, b.accesses);
    if (a.kind != b.kind)
        return; // reported above
    switch (a.kind) {
    case WorkloadKind::Sequential:
        cmp(p + u"passes"_s, a.passes, b.passes);
        break;
    case WorkloadKind::Zipfian:
        cmp(p + u"zipfTheta"_s, a.zipfTheta, b.zipfTheta);
        break;
    case WorkloadKind::PhaseChange:
        cmp(p + u"phases"_s, a.phases, b.phases);
        cmp(p + u"phaseWindow"_s, a.phaseWindow, b.phaseWindow);
        break;
    case WorkloadKind::ForkHeavy:
        cmp(p + u"forkEvery"_s, a.forkEvery, b.forkEvery);
        cmp(p + u"childAccesses"_s, a.childAccesses, b.childAccesses);
        cmp(p + u"maxChildren"_s, a.maxChildren, b.maxChildren);
        break;
    case WorkloadKind::Trace:
        cmp(p + u"tracePath"_s, a.tracePath, b.tracePath);
        break;
    case WorkloadKind::Uniform:
        break;
    }
    if (a.kind != WorkloadKind::Sequential && a.kind != WorkloadKind::Trace)
        cmp(p + u"writeFraction"_s, a.writeFraction, b.writeFraction);
    cmp(p + u"startRound"_s, a.startRound, b.startRound);
    cmp(p + u"hasMix"_s, a.hasMix, b.hasMix);
    if (a.hasMix && b.hasMix)
        cmp(p + u"mix"_s, a.mix, b.mix);
}

void compareAction(Comparer& cmp, const QString& p, const SandboxAction& a, const SandboxAction& b) {
    cmp(p + u"kind"_s, a.kind, b.kind);
    cmp(p + u"at"_s, a.at, b.at);
    if (a.kind != b.kind)
        return; // reported above
    switch (a.kind) {
    case Kind::Swapoff:
    case Kind::CompactDevice:
        cmp(p + u"device"_s, a.device, b.device);
        break;
    case Kind::SetPriority:
        cmp(p + u"device"_s, a.device, b.device);
        cmp(p + u"priority"_s, a.priority, b.priority);
        break;
    case Kind::SetPool:
        comparePool(cmp, p + u"pool."_s, a.pool, b.pool);
        break;
    case Kind::CompactPool:
        break;
    case Kind::Writeback: {
        cmp(p + u"cgroup"_s, a.cgroup, b.cgroup);
        const WritebackOptions& x = a.writeback;
        const WritebackOptions& y = b.writeback;
        const QString w = p + u"writeback."_s;
        cmp(w + u"maxPages"_s, x.maxPages, y.maxPages);
        cmp(w + u"maxPoolBytes"_s, x.maxPoolBytes, y.maxPoolBytes);
        cmp(w + u"maxWriteBytes"_s, x.maxWriteBytes, y.maxWriteBytes);
        cmp(w + u"minIdleNanos"_s, x.minIdleNanos, y.minIdleNanos);
        cmp(w + u"secondChance"_s, x.secondChance, y.secondChance);
        cmp(w + u"compressed"_s, x.compressed, y.compressed);
        cmp(w + u"batchPages"_s, x.batchPages, y.batchPages);
        cmp(w + u"pipelined"_s, x.pipelined, y.pipelined);
        break;
    }
    case Kind::SetCgroupPolicy:
        cmp(p + u"cgroup"_s, a.cgroup, b.cgroup);
        cmp(p + u"policy.swapMax"_s, a.policy.swapMax, b.policy.swapMax);
        cmp(p + u"policy.zswapMax"_s, a.policy.zswapMax, b.policy.zswapMax);
        cmp(p + u"policy.zswapWriteback"_s, a.policy.zswapWriteback, b.policy.zswapWriteback);
        cmp(p + u"policy.allowedTiers"_s, a.policy.allowedTiers, b.policy.allowedTiers);
        break;
    case Kind::Recompress: {
        cmp(p + u"cgroup"_s, a.cgroup, b.cgroup);
        const RecompressOptions& x = a.recompress;
        const RecompressOptions& y = b.recompress;
        const QString r = p + u"recompress."_s;
        cmp(r + u"codec"_s, x.codec, y.codec);
        cmp(r + u"zstdLevel"_s, x.zstdLevel, y.zstdLevel);
        cmp(r + u"minIdleNanos"_s, x.minIdleNanos, y.minIdleNanos);
        cmp(r + u"maxPages"_s, x.maxPages, y.maxPages);
        break;
    }
    case Kind::AddDevice:
        compareDevice(cmp, p + u"newDevice."_s, a.newDevice, b.newDevice);
        cmp(p + u"newDeviceName"_s, a.newDeviceName, b.newDeviceName);
        break;
    case Kind::SetPromotion:
        comparePromotion(cmp, p + u"promotion."_s, a.promotion, b.promotion);
        break;
    }
}

std::vector<CgroupSpec> cgroupsOf(const SandboxConfig& c) {
    if (!c.cgroups.empty())
        return c.cgroups;
    CgroupSpec root;
    root.name = "/";
    return {root};
}

QString at(const char16_t* list, std::size_t i) { return u"%1[%2]."_s.arg(QStringView(list)).arg(i); }

} // namespace

QString SandboxConfigDiff::Difference::toString() const { return u"%1: %2 != %3"_s.arg(field, left, right); }

std::optional<SandboxConfigDiff::Difference> SandboxConfigDiff::first(const SandboxConfig& a, const SandboxConfig& b) {
    Comparer cmp;
    cmp(u"name"_s, a.name, b.name);
    cmp(u"design"_s, a.design, b.design);
    cmp(u"seed"_s, a.seed, b.seed);
    comparePool(cmp, u"engine.pool."_s, a.engine.pool, b.engine.pool);
    cmp(u"engine.detectZeroPages"_s, a.engine.detectZeroPages, b.engine.detectZeroPages);
    if (cmp.count(u"devices"_s, a.devices, b.devices))
        for (std::size_t i = 0; i < a.devices.size(); ++i)
            compareDevice(cmp, at(u"devices", i), a.devices[i], b.devices[i]);
    cmp(u"deviceNames"_s, a.deviceNames, b.deviceNames);
    if (cmp.count(u"tiers"_s, a.tiers, b.tiers))
        for (std::size_t i = 0; i < a.tiers.size(); ++i) {
            const QString p = at(u"tiers", i);
            cmp(p + u"name"_s, a.tiers[i].name, b.tiers[i].name);
            cmp(p + u"minPriority"_s, a.tiers[i].minPriority, b.tiers[i].minPriority);
            cmp(p + u"maxPriority"_s, a.tiers[i].maxPriority, b.tiers[i].maxPriority);
        }
    const std::vector<CgroupSpec> cgroupsA = cgroupsOf(a);
    const std::vector<CgroupSpec> cgroupsB = cgroupsOf(b);
    if (cmp.count(u"cgroups"_s, cgroupsA, cgroupsB))
        for (std::size_t i = 0; i < cgroupsA.size(); ++i)
            compareCgroup(cmp, at(u"cgroups", i), cgroupsA[i], cgroupsB[i]);
    if (cmp.count(u"workloads"_s, a.workloads, b.workloads))
        for (std::size_t i = 0; i < a.workloads.size(); ++i)
            compareWorkload(cmp, at(u"workloads", i), a.workloads[i], b.workloads[i]);
    if (cmp.count(u"actions"_s, a.actions, b.actions))
        for (std::size_t i = 0; i < a.actions.size(); ++i)
            compareAction(cmp, at(u"actions", i), a.actions[i], b.actions[i]);
    cmp(u"mix"_s, a.mix, b.mix);
    cmp(u"contentFiles"_s, a.contentFiles, b.contentFiles);
    cmp(u"durationMs"_s, a.durationMs, b.durationMs);
    cmp(u"sampleIntervalMs"_s, a.sampleIntervalMs, b.sampleIntervalMs);
    cmp(u"reclaimBatch"_s, a.reclaimBatch, b.reclaimBatch);
    cmp(u"roundAccesses"_s, a.roundAccesses, b.roundAccesses);
    cmp(u"verifyPages"_s, a.verifyPages, b.verifyPages);
    comparePromotion(cmp, u"promotion."_s, a.promotion, b.promotion);
    cmp(u"maintainEveryRounds"_s, a.maintainEveryRounds, b.maintainEveryRounds);
    if (a.maintainEveryRounds != 0 && b.maintainEveryRounds != 0) {
        const MaintenancePolicy& x = a.maintenance;
        const MaintenancePolicy& y = b.maintenance;
        cmp(u"maintenance.idleWritebackNanos"_s, x.idleWritebackNanos, y.idleWritebackNanos);
        cmp(u"maintenance.recompressNanos"_s, x.recompressNanos, y.recompressNanos);
        cmp(u"maintenance.recompressCodec"_s, x.recompressCodec, y.recompressCodec);
        cmp(u"maintenance.recompressLevel"_s, x.recompressLevel, y.recompressLevel);
        cmp(u"maintenance.writeBudgetBytesPerHour"_s, x.writeBudgetBytesPerHour, y.writeBudgetBytesPerHour);
        cmp(u"maintenance.compressedWriteback"_s, x.compressedWriteback, y.compressedWriteback);
    }
    return cmp.first;
}

} // namespace swaptier::services
