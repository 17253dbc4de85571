// SPDX-License-Identifier: GPL-3.0-or-later
// Names and validation of the sandbox configuration (sandbox.h). Validation names the
// offending field in Error::path as it is spelled in SandboxConfig ("workloads[2].pages"), so
// upper layers can map it back to a line of the scenario file or to a form field.
//
// Devices an action may name: the config's, plus those of AddDevice actions that surely ran
// before it (sandbox.h, SandboxAction): for a planned action, an AddDevice earlier in the list
// with an `at` not after its own; for a submitted one, every device the run has had.
#include "swaptier/sandbox.h"
#include "swaptier/tiers.h"

#include "codec/codec.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace swaptier {

const char* swapDesignName(SwapDesign design) {
    switch (design) {
    case SwapDesign::Virtual: return "virtual";
    case SwapDesign::Classic: return "classic";
    }
    return "?";
}

const char* workloadKindName(WorkloadKind kind) {
    switch (kind) {
    case WorkloadKind::Sequential: return "sequential";
    case WorkloadKind::Uniform: return "uniform";
    case WorkloadKind::Zipfian: return "zipfian";
    case WorkloadKind::PhaseChange: return "phase-change";
    case WorkloadKind::ForkHeavy: return "fork-heavy";
    case WorkloadKind::Trace: return "trace";
    }
    return "?";
}

namespace {

Error invalid(std::string field) {
    return Error::of(Errc::InvalidArgument).file(std::move(field));
}

std::string at(const char* list, std::size_t i, const char* field) {
    return std::string(list) + "[" + std::to_string(i) + "]." + field;
}

bool zstdLevelOk(int level) { return level >= codec::zstdMinLevel() && level <= codec::zstdMaxLevel(); }

bool tiersKnown(const std::vector<std::string>& names, const TierTable& tiers) {
    for (const std::string& tier : names)
        if (!tiers.indexOf(tier))
            return false;
    return true;
}

/// The options of a device to add; `paths` holds the paths of every other device.
Status validateNewDevice(const DeviceOptions& d, const std::string& where, const std::set<std::string>& paths) {
    if (d.path.empty() || paths.count(d.path) != 0)
        return invalid(where + ".newDevice.path");
    if (d.sizeBytes < kPageSize || d.sizeBytes % kPageSize != 0)
        return invalid(where + ".newDevice.sizeBytes");
    if (d.priority < -1 || d.priority > 32767)
        return invalid(where + ".newDevice.priority");
    return {};
}

/// The fields of one action that its kind uses; `where` names it in errors ("actions[2]").
/// `usable[d]`: device d may be named; `paths`: the paths an AddDevice may not take.
Status validateAction(const SandboxAction& a, const std::string& where, const std::vector<bool>& usable,
                      std::size_t cgroups, const TierTable& tiers, const std::set<std::string>& paths) {
    using Kind = SandboxAction::Kind;
    const auto field = [&where](const char* name) { return where + "." + name; };
    const bool usesDevice = a.kind == Kind::Swapoff || a.kind == Kind::SetPriority || a.kind == Kind::CompactDevice;
    if (usesDevice && (a.device < 0 || std::size_t(a.device) >= usable.size() || !usable[std::size_t(a.device)]))
        return invalid(field("device"));
    const bool usesCgroup = a.kind == Kind::Writeback || a.kind == Kind::SetCgroupPolicy || a.kind == Kind::Recompress;
    if (usesCgroup && (a.cgroup < 0 || std::size_t(a.cgroup) >= cgroups))
        return invalid(field("cgroup"));
    switch (a.kind) {
    case Kind::SetPriority:
        if (a.priority < -1 || a.priority > 32767)
            return invalid(field("priority"));
        break;
    case Kind::Writeback:
        if (a.writeback.batchPages < 1 || a.writeback.batchPages > 512)
            return invalid(field("writeback.batchPages"));
        if (a.writeback.maxPages < 1)
            return invalid(field("writeback.maxPages"));
        break;
    case Kind::SetCgroupPolicy: {
        const CgroupPolicyChange& p = a.policy;
        if (!p.swapMax && !p.zswapMax && !p.zswapWriteback && !p.allowedTiers)
            return invalid(field("policy")); // changes nothing
        if (p.allowedTiers && !tiersKnown(*p.allowedTiers, tiers))
            return invalid(field("policy.allowedTiers"));
        break;
    }
    case Kind::Recompress:
        if (a.recompress.codec == Codec::Raw)
            return invalid(field("recompress.codec"));
        if (a.recompress.codec == Codec::Zstd && !zstdLevelOk(a.recompress.zstdLevel))
            return invalid(field("recompress.zstdLevel"));
        if (a.recompress.maxPages < 1)
            return invalid(field("recompress.maxPages"));
        break;
    case Kind::SetPromotion:
        if (a.promotion.minLoads < 1)
            return invalid(field("promotion.minLoads"));
        break;
    case Kind::AddDevice:
        return validateNewDevice(a.newDevice, where, paths);
    case Kind::Swapoff:
    case Kind::SetPool:
    case Kind::CompactDevice:
    case Kind::CompactPool:
        break;
    }
    return {};
}

} // namespace

Status validateSandboxConfig(const SandboxConfig& c) {
    // tiers: a valid table (TierTable::make names the field: "tiers[1].maxPriority").
    TierTable tiers = TierTable::defaults();
    if (!c.tiers.empty()) {
        auto table = TierTable::make(c.tiers);
        if (!table)
            return table.error();
        tiers = std::move(*table);
    }
    // cgroups: [0] is the root, parents come first.
    const std::size_t cgroups = c.cgroups.empty() ? 1 : c.cgroups.size();
    if (cgroups > 0xFFFF)
        return invalid("cgroups");
    std::set<std::string> names;
    for (std::size_t i = 0; i < c.cgroups.size(); ++i) {
        const CgroupSpec& g = c.cgroups[i];
        if (g.name.empty() || !names.insert(g.name).second)
            return invalid(at("cgroups", i, "name"));
        if (i == 0 ? g.parent != -1 : (g.parent < 0 || std::size_t(g.parent) >= i))
            return invalid(at("cgroups", i, "parent"));
        unsigned depth = 0; // the engine's limit (kMaxCgroupDepth below the root)
        for (int p = g.parent; p >= 0; p = c.cgroups[std::size_t(p)].parent)
            ++depth;
        if (depth > kMaxCgroupDepth)
            return invalid(at("cgroups", i, "parent"));
        if (!tiersKnown(g.allowedTiers, tiers))
            return invalid(at("cgroups", i, "allowedTiers"));
    }
    if (c.workloads.empty())
        return invalid("workloads");
    std::vector<std::uint64_t> threadsUnder(cgroups, 0);
    std::uint64_t totalThreads = 0;
    names.clear();
    for (std::size_t i = 0; i < c.workloads.size(); ++i) {
        const WorkloadSpec& w = c.workloads[i];
        if (w.name.empty() || !names.insert(w.name).second)
            return invalid(at("workloads", i, "name"));
        if (w.cgroup < 0 || std::size_t(w.cgroup) >= cgroups)
            return invalid(at("workloads", i, "cgroup"));
        if (w.threads < 1 || w.threads > 256)
            return invalid(at("workloads", i, "threads"));
        if (w.kind == WorkloadKind::Trace) {
            if (w.tracePath.empty())
                return invalid(at("workloads", i, "tracePath"));
        } else if (w.pages < 1 || w.pages > 0xFFFFFFFFull) {
            return invalid(at("workloads", i, "pages"));
        }
        if (!(w.writeFraction >= 0.0 && w.writeFraction <= 1.0))
            return invalid(at("workloads", i, "writeFraction"));
        if (w.kind == WorkloadKind::Zipfian && (!(w.zipfTheta > 0.0) || w.zipfTheta == 1.0 || w.zipfTheta > 100.0))
            return invalid(at("workloads", i, "zipfTheta"));
        if (w.kind == WorkloadKind::PhaseChange) {
            if (w.phases < 1)
                return invalid(at("workloads", i, "phases"));
            if (!(w.phaseWindow > 0.0 && w.phaseWindow <= 1.0))
                return invalid(at("workloads", i, "phaseWindow"));
        }
        if (w.kind == WorkloadKind::ForkHeavy && (w.maxChildren < 1 || w.maxChildren > 64))
            return invalid(at("workloads", i, "maxChildren"));
        if (w.hasMix && w.mix.total() == 0)
            return invalid(at("workloads", i, "mix"));
        totalThreads += w.threads;
        for (int g = w.cgroup; g >= 0; g = c.cgroups.empty() ? -1 : c.cgroups[std::size_t(g)].parent)
            threadsUnder[std::size_t(g)] += w.threads;
    }
    if (totalThreads > 1024)
        return invalid("workloads");
    // A limit must leave every thread below it some pages to work with.
    for (std::size_t i = 0; i < c.cgroups.size(); ++i) {
        const CgroupSpec& g = c.cgroups[i];
        if (g.memoryMax != kNoLimit && g.memoryMax / kPageSize < 16 * std::max<std::uint64_t>(1, threadsUnder[i]))
            return invalid(at("cgroups", i, "memoryMax"));
    }
    std::set<std::string> paths;
    for (std::size_t i = 0; i < c.devices.size(); ++i) {
        const DeviceOptions& d = c.devices[i];
        if (d.path.empty() || !paths.insert(d.path).second)
            return invalid(at("devices", i, "path"));
        if (d.sizeBytes < kPageSize || d.sizeBytes % kPageSize != 0)
            return invalid(at("devices", i, "sizeBytes"));
        if (d.priority < -1 || d.priority > 32767)
            return invalid(at("devices", i, "priority"));
    }
    if (c.deviceNames.size() > c.devices.size())
        return invalid("deviceNames");
    // The AddDevice actions, in list order: the j-th one's device is devices.size() + j.
    std::vector<std::size_t> adds;
    for (std::size_t i = 0; i < c.actions.size(); ++i)
        if (c.actions[i].kind == SandboxAction::Kind::AddDevice)
            adds.push_back(i);
    for (std::size_t i = 0; i < c.actions.size(); ++i) {
        const SandboxAction& a = c.actions[i];
        if (!(a.at >= 0.0 && a.at <= 1.0))
            return invalid(at("actions", i, "at"));
        std::vector<bool> usable(c.devices.size() + adds.size(), false);
        std::fill_n(usable.begin(), c.devices.size(), true);
        for (std::size_t j = 0; j < adds.size(); ++j)
            usable[c.devices.size() + j] = adds[j] < i && c.actions[adds[j]].at <= a.at;
        if (Status st = validateAction(a, "actions[" + std::to_string(i) + "]", usable, cgroups, tiers, paths); !st)
            return st;
        if (a.kind == SandboxAction::Kind::AddDevice)
            paths.insert(a.newDevice.path);
    }
    if (c.promotion.minLoads < 1)
        return invalid("promotion.minLoads");
    if (c.maintainEveryRounds > 0) {
        const MaintenancePolicy& m = c.maintenance;
        if (m.recompressNanos && m.recompressCodec == Codec::Raw)
            return invalid("maintenance.recompressCodec");
        if (m.recompressCodec == Codec::Zstd && !zstdLevelOk(m.recompressLevel))
            return invalid("maintenance.recompressLevel");
    }
    if (c.mix.total() == 0)
        return invalid("mix");
    if (c.roundAccesses < 1)
        return invalid("roundAccesses");
    if (c.reclaimBatch < 1)
        return invalid("reclaimBatch");
    return {};
}

Status validateSandboxAction(const SandboxConfig& c, const SandboxAction& action) {
    TierTable tiers = TierTable::defaults();
    if (!c.tiers.empty()) {
        auto table = TierTable::make(c.tiers);
        if (!table)
            return table.error();
        tiers = std::move(*table);
    }
    const std::size_t cgroups = c.cgroups.empty() ? 1 : c.cgroups.size();
    std::set<std::string> paths;
    for (const DeviceOptions& d : c.devices)
        paths.insert(d.path);
    return validateAction(action, "action", std::vector<bool>(c.devices.size(), true), cgroups, tiers, paths);
}

} // namespace swaptier
