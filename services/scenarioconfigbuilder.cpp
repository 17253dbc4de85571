// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioConfigBuilder: the tables of a scenario document to the fields of SandboxConfig (see
// scenarioconfigbuilder.h). One method per table, in the order of the documentation; the
// limits and the names of enumerated values below are those of the sandbox and the format.
#include "scenarioconfigbuilder.h"

#include "scenarioactionreader.h"
#include "scenariofields.h"
#include "scenariokeys.h"
#include "scenariovalues.h"

#include "swaptier/tiers.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace swaptier::services::detail {

namespace {

using namespace Qt::StringLiterals;

// Limits of the sandbox (validateSandboxConfig()), checked here so that they get a location.
constexpr std::uint64_t kMaxWorkloadPages = 0xFFFF'FFFFull;
constexpr std::uint64_t kMaxThreads = 1024;
constexpr std::uint64_t kMinPagesPerThread = 16;
constexpr Int kMaxMinLoads = 0xFFFF'FFFF; // PromotionPolicy::minLoads

constexpr Choice<SwapDesign> kDesigns[] = {{"virtual", SwapDesign::Virtual}, {"classic", SwapDesign::Classic}};
constexpr Choice<WorkloadKind> kWorkloadKinds[] = {
    {"sequential", WorkloadKind::Sequential},    {"uniform", WorkloadKind::Uniform},
    {"zipfian", WorkloadKind::Zipfian},          {"phase-change", WorkloadKind::PhaseChange},
    {"fork-heavy", WorkloadKind::ForkHeavy},     {"trace", WorkloadKind::Trace}};
/// Workload keys that only some kinds use; a key given for another kind is an error, since it
/// would silently do nothing.
constexpr unsigned kindBit(WorkloadKind kind) { return 1u << unsigned(kind); }
struct KindKey {
    std::string_view key;
    unsigned kinds;
};
constexpr KindKey kKindKeys[] = {
    {"size", ~kindBit(WorkloadKind::Trace)}, // a trace maps the pages it touches
    {"passes", kindBit(WorkloadKind::Sequential)},
    {"write_fraction", kindBit(WorkloadKind::Uniform) | kindBit(WorkloadKind::Zipfian)
                           | kindBit(WorkloadKind::PhaseChange) | kindBit(WorkloadKind::ForkHeavy)},
    {"zipf_theta", kindBit(WorkloadKind::Zipfian)},
    {"phases", kindBit(WorkloadKind::PhaseChange)},
    {"phase_window", kindBit(WorkloadKind::PhaseChange)},
    {"fork_every", kindBit(WorkloadKind::ForkHeavy)},
    {"child_accesses", kindBit(WorkloadKind::ForkHeavy)},
    {"max_children", kindBit(WorkloadKind::ForkHeavy)},
    {"trace", kindBit(WorkloadKind::Trace)},
};

} // namespace

bool ScenarioConfigBuilder::build(const toml::table& doc, SandboxConfig& c, QString& name, QString& description) {
    const TomlTable top(m_ctx, doc, tr("the top-level table"));
    if (!readFormat(top) || !top.checkKeys(kTopKeys) || !top.require("name") || !top.line("name", name)
        || !top.line("description", description, true))
        return false;
    c.name = name.toStdString();
    if (!top.integer("seed", c.seed, 0, kIntMax) || !top.choice("design", c.design, kDesigns)
        || !top.duration("duration", c.durationMs) || !top.duration("sample_interval", c.sampleIntervalMs)
        || !top.integer("reclaim_batch", c.reclaimBatch, 1, 1 << 20)
        || !top.integer("round_accesses", c.roundAccesses, 1, 1 << 20)
        || !top.boolean("verify_pages", c.verifyPages))
        return false;
    const toml::table* pool = nullptr;
    if (!top.subtable("pool", pool, tr("a table ([pool])")))
        return false;
    if (pool
        && !ScenarioFields::pool(TomlTable(m_ctx, *pool, u"[pool]"_s), kPoolKeys, c.engine.pool,
                                 &c.engine.detectZeroPages))
        return false;
    if (!readContent(top, c) || !readPromotion(top, c) || !readMaintenance(top, c) || !readDevices(top, c)
        || !readTiers(top, c) || !readCgroups(top, c) || !readWorkloads(top, c) || !readActions(top, c))
        return false;
    if (c.workloads.empty())
        return top.failHere(tr("a scenario needs at least one [[workload]]"));
    return true;
}

bool ScenarioConfigBuilder::readFormat(const TomlTable& top) {
    if (!top.require("format"))
        return false;
    const toml::node& node = *top.find("format");
    const auto* version = node.as_integer();
    if (!version)
        return top.mustBe("format", node, tr("the integer 1"));
    if (version->get() != 1)
        return top.fail(node, tr("format %1 is not supported: this version of swaptier reads format = 1")
                                  .arg(version->get()));
    return true;
}

bool ScenarioConfigBuilder::readContent(const TomlTable& top, SandboxConfig& c) {
    const toml::table* content = nullptr;
    if (!top.subtable("content", content, tr("a table ([content])")))
        return false;
    if (!content)
        return true;
    const TomlTable t(m_ctx, *content, u"[content]"_s);
    if (!t.checkKeys(kContentKeys) || !t.mix("mix", c.mix))
        return false;
    if (const toml::node* node = t.find("files")) {
        const auto* files = node->as_array();
        if (!files)
            return t.mustBe("files", *node, tr("an array of file paths"));
        for (const toml::node& file : *files) {
            QString path;
            if (!t.existingFile(file, "files", path))
                return false;
            c.contentFiles.push_back(path.toStdString());
        }
    }
    return true;
}

bool ScenarioConfigBuilder::readName(const TomlTable& t, const Names& names, const QString& duplicate, QString& name,
                                     const QRegularExpression* pattern, const QString& invalid) {
    if (!t.require("name") || !t.line("name", name))
        return false;
    if (const auto it = names.constFind(name); it != names.constEnd())
        return t.failAt("name", duplicate.arg(name).arg(it->line));
    if (pattern && !pattern->match(name).hasMatch())
        return t.failAt("name", invalid.arg(name));
    return true;
}

int ScenarioConfigBuilder::lineOf(const TomlTable& t, std::string_view key) {
    const toml::node* node = t.find(key);
    return node ? int(node->source().begin.line) : 0;
}

bool ScenarioConfigBuilder::readDevices(const TomlTable& top, SandboxConfig& c) {
    std::vector<const toml::table*> entries;
    if (!top.tables("device", entries))
        return false;
    static const QRegularExpression validName(u"^[A-Za-z0-9._-]+$"_s);
    for (const toml::table* entry : entries) {
        const TomlTable t(m_ctx, *entry, u"[[device]]"_s);
        QString name;
        if (!t.checkKeys(kDeviceKeys)
            || !readName(t, m_devices, tr("duplicate device name '%1' (first defined on line %2)"), name, &validName,
                         tr("device name '%1' may only use letters, digits, '.', '_' and '-'")))
            return false;
        DeviceOptions d;
        if (!ScenarioFields::device(t, name, d))
            return false;
        for (std::size_t i = 0; i < c.devices.size(); ++i)
            if (c.devices[i].path == d.path)
                return t.failAt("path", tr("device '%1' uses the same swapfile as device '%2': %3")
                                            .arg(name, QString::fromStdString(c.deviceNames[i]),
                                                 QString::fromStdString(d.path)));
        m_devices.insert(name, {int(c.devices.size()), lineOf(t, "name")});
        c.devices.push_back(d);
        c.deviceNames.push_back(name.toStdString());
    }
    return true;
}

bool ScenarioConfigBuilder::readTiers(const TomlTable& top, SandboxConfig& c) {
    if (!top.tables("tier", m_tierTables))
        return false;
    // TierTable's rule for names (kMaxTierNameBytes ASCII characters at most).
    static const QRegularExpression validName(u"^[a-z0-9_-]{1,32}$"_s);
    static_assert(kMaxTierNameBytes == 32);
    for (const toml::table* entry : m_tierTables) {
        const TomlTable t(m_ctx, *entry, u"[[tier]]"_s);
        QString name;
        if (!t.checkKeys(kTierKeys)
            || !readName(t, m_tiers, tr("duplicate tier name '%1' (first defined on line %2)"), name, &validName,
                         tr("tier name '%1' may only use lowercase letters, digits, '_' and '-', at most 32 of them")))
            return false;
        if (c.tiers.size() == kMaxTiers)
            return t.failHere(tr("a scenario has at most %1 [[tier]] tables").arg(kMaxTiers));
        TierSpec spec;
        spec.name = name.toStdString();
        if (!t.integer("min_priority", spec.minPriority, kMinSwapPriority, kMaxSwapPriority)
            || !t.integer("max_priority", spec.maxPriority, kMinSwapPriority, kMaxSwapPriority))
            return false;
        if (spec.maxPriority < spec.minPriority)
            return t.failAt("max_priority", tr("%1 must be at least min_priority (%2), not %3")
                                                .arg(t.what("max_priority"))
                                                .arg(spec.minPriority)
                                                .arg(spec.maxPriority));
        m_tiers.insert(name, {int(c.tiers.size()), lineOf(t, "name")});
        c.tiers.push_back(spec);
    }
    return checkTierRanges(c);
}

bool ScenarioConfigBuilder::checkTierRanges(const SandboxConfig& c) {
    if (c.tiers.empty())
        return true;
    std::vector<std::size_t> order(c.tiers.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const TierSpec& x = c.tiers[a];
        const TierSpec& y = c.tiers[b];
        return x.minPriority != y.minPriority ? x.minPriority > y.minPriority : x.maxPriority > y.maxPriority;
    });
    const auto failAt = [&](std::size_t tier, std::string_view key, const QString& message) {
        return TomlTable(m_ctx, *m_tierTables[tier], u"[[tier]]"_s).failAt(key, message);
    };
    const auto range = [&](std::size_t tier) {
        const TierSpec& t = c.tiers[tier];
        return tr("'%1' (%2..%3)").arg(qs(t.name)).arg(t.minPriority).arg(t.maxPriority);
    };
    const std::size_t highest = order.front();
    const std::size_t lowest = order.back();
    if (c.tiers[highest].maxPriority != kMaxSwapPriority)
        return failAt(highest, "max_priority",
                      tr("no tier holds priorities %1..%2: the highest range, tier %3, must end at %2")
                          .arg(c.tiers[highest].maxPriority + 1)
                          .arg(kMaxSwapPriority)
                          .arg(range(highest)));
    if (c.tiers[lowest].minPriority != kMinSwapPriority)
        return failAt(lowest, "min_priority",
                      tr("no tier holds priorities %1..%2: the lowest range, tier %3, must start at %1")
                          .arg(kMinSwapPriority)
                          .arg(c.tiers[lowest].minPriority - 1)
                          .arg(range(lowest)));
    for (std::size_t k = 1; k < order.size(); ++k) {
        const std::size_t higher = order[k - 1];
        const std::size_t lower = order[k];
        const int top = c.tiers[lower].maxPriority;
        const int next = c.tiers[higher].minPriority;
        if (top >= next)
            return failAt(lower, "max_priority",
                          tr("the ranges of tiers %1 and %2 overlap; a priority belongs to one tier only")
                              .arg(range(lower), range(higher)));
        if (top + 1 != next)
            return failAt(lower, "max_priority",
                          tr("tiers %1 and %2 leave priorities %3..%4 without a tier; the ranges must cover "
                             "%5..%6 with no gap")
                              .arg(range(lower), range(higher))
                              .arg(top + 1)
                              .arg(next - 1)
                              .arg(kMinSwapPriority)
                              .arg(kMaxSwapPriority));
    }
    return true;
}

bool ScenarioConfigBuilder::readCgroups(const TomlTable& top, SandboxConfig& c) {
    CgroupSpec root;
    root.name = "/";
    c.cgroups.assign(1, root);
    m_memoryMaxAt.assign(1, toml::source_region{});
    m_cgroups.insert(u"/"_s, {0, 0});
    std::vector<const toml::table*> entries;
    if (!top.tables("cgroup", entries))
        return false;
    QSet<QString> everyName; // to tell a parent defined later from an unknown one
    for (const toml::table* entry : entries)
        if (const auto* s = entry->get_as<std::string>("name"))
            everyName.insert(QString::fromStdString(s->get()));
    int rootLine = 0;
    for (const toml::table* entry : entries) {
        const TomlTable t(m_ctx, *entry, u"[[cgroup]]"_s);
        QString name;
        if (!t.checkKeys(kCgroupKeys) || !t.require("name") || !t.line("name", name))
            return false;
        std::size_t index = 0;
        if (name == u"/") {
            if (rootLine)
                return t.failAt("name", tr("the root cgroup '/' is given twice (first on line %1)").arg(rootLine));
            rootLine = lineOf(t, "name");
            if (!t.forbid("parent", tr("the root cgroup '/' has no parent")))
                return false;
        } else {
            if (!readName(t, m_cgroups, tr("duplicate cgroup name '%1' (first defined on line %2)"), name))
                return false;
            QString parent = u"/"_s;
            if (!t.line("parent", parent))
                return false;
            const auto it = m_cgroups.constFind(parent);
            if (it == m_cgroups.constEnd()) {
                if (parent == name)
                    return t.failAt("parent", tr("cgroup '%1' cannot be its own parent").arg(name));
                if (everyName.contains(parent))
                    return t.failAt("parent", tr("parent cgroup '%1' is defined later in the file; define a parent "
                                                 "before its children")
                                                  .arg(parent));
                QStringList names;
                for (const CgroupSpec& g : c.cgroups)
                    names << QString::fromStdString(g.name);
                return t.failAt("parent", tr("unknown parent cgroup '%1'%2 (cgroups: %3)")
                                              .arg(parent, ScenarioFields::suggestion(parent, names),
                                                   names.join(u", ")));
            }
            CgroupSpec spec;
            spec.name = name.toStdString();
            spec.parent = it->index;
            index = c.cgroups.size();
            c.cgroups.push_back(spec);
            m_cgroups.insert(name, {int(index), lineOf(t, "name")});
        }
        CgroupSpec& spec = c.cgroups[index];
        m_memoryMaxAt.resize(c.cgroups.size());
        const toml::node* memoryMax = t.find("memory_max");
        m_memoryMaxAt[index] = memoryMax ? memoryMax->source() : entry->source();
        if (!t.size("memory_max", spec.memoryMax, SizeForm::Limit)
            || !t.size("swap_max", spec.swapMax, SizeForm::Limit)
            || !t.size("zswap_max", spec.zswapMax, SizeForm::Limit)
            || !t.boolean("zswap_writeback", spec.zswapWriteback)
            || !ScenarioFields::tierNames(t, "allowed_tiers", c, false, spec.allowedTiers))
            return false;
    }
    return true;
}

bool ScenarioConfigBuilder::readWorkloads(const TomlTable& top, SandboxConfig& c) {
    std::vector<const toml::table*> entries;
    if (!top.tables("workload", entries))
        return false;
    Names workloads;
    for (const toml::table* entry : entries) {
        const TomlTable t(m_ctx, *entry, u"[[workload]]"_s);
        WorkloadSpec w;
        QString name;
        if (!t.checkKeys(kWorkloadKeys)
            || !readName(t, workloads, tr("duplicate workload name '%1' (first defined on line %2)"), name)
            || !t.choice("kind", w.kind, kWorkloadKinds))
            return false;
        w.name = name.toStdString();
        workloads.insert(name, {int(c.workloads.size()), lineOf(t, "name")});
        const QString kind = qs(choiceName(kWorkloadKinds, w.kind));
        for (const KindKey& k : kKindKeys)
            if (!(k.kinds & kindBit(w.kind))
                && !t.forbid(k.key, tr("%1 does not apply to kind = \"%2\"").arg(t.what(k.key), kind)))
                return false;
        if (!ScenarioFields::cgroupRef(t, "cgroup", c, w.cgroup))
            return false;
        std::uint64_t bytes = 0;
        if ((w.kind != WorkloadKind::Trace && !t.require("size")) || !t.size("size", bytes, SizeForm::Pages))
            return false;
        w.pages = bytes / kScenarioPageBytes;
        if (w.pages > kMaxWorkloadPages)
            return t.failAt("size", tr("%1 must be at most 16T (2^32 pages)").arg(t.what("size")));
        if (!t.integer("threads", w.threads, 1, 256) || !t.integer("accesses", w.accesses, 0, kIntMax)
            || !t.integer("passes", w.passes, 1, 1'000'000) || !t.number("write_fraction", w.writeFraction, 0, 1)
            || !t.number("zipf_theta", w.zipfTheta, 0, 100, true)
            || !t.integer("phases", w.phases, 1, 1'000'000) || !t.number("phase_window", w.phaseWindow, 0, 1, true)
            || !t.integer("fork_every", w.forkEvery, 0, kIntMax)
            || !t.integer("child_accesses", w.childAccesses, 0, kIntMax)
            || !t.integer("max_children", w.maxChildren, 1, 64)
            || !t.integer("start_round", w.startRound, 0, kIntMax) || !t.mix("mix", w.mix, &w.hasMix))
            return false;
        if (w.zipfTheta == 1.0)
            return t.failAt("zipf_theta", tr("%1 must not be 1 (the zipfian generator needs theta != 1)")
                                              .arg(t.what("zipf_theta")));
        if (w.kind == WorkloadKind::Trace) {
            QString path;
            if (!t.require("trace") || !t.existingFile(*t.find("trace"), "trace", path))
                return false;
            w.tracePath = path.toStdString();
        }
        m_threads += w.threads;
        if (m_threads > kMaxThreads)
            return t.failAt("threads", tr("the workloads have %1 threads in all; a sandbox runs at most %2")
                                           .arg(m_threads).arg(kMaxThreads));
        c.workloads.push_back(w);
    }
    return checkMemoryLimits(c);
}

bool ScenarioConfigBuilder::checkMemoryLimits(const SandboxConfig& c) {
    std::vector<std::uint64_t> threadsUnder(c.cgroups.size(), 0);
    for (const WorkloadSpec& w : c.workloads)
        for (int g = w.cgroup; g >= 0; g = c.cgroups[std::size_t(g)].parent)
            threadsUnder[std::size_t(g)] += w.threads;
    for (std::size_t i = 0; i < c.cgroups.size(); ++i) {
        const std::uint64_t needed = kMinPagesPerThread * std::max<std::uint64_t>(1, threadsUnder[i]);
        if (c.cgroups[i].memoryMax == kNoLimit || c.cgroups[i].memoryMax / kScenarioPageBytes >= needed)
            continue;
        const QString message = tr("memory_max of cgroup '%1' must be at least %2 bytes: 16 pages for each of "
                                   "the %3 threads of the workloads in it")
                                    .arg(QString::fromStdString(c.cgroups[i].name))
                                    .arg(needed * kScenarioPageBytes)
                                    .arg(threadsUnder[i]);
        return m_ctx.fail(m_memoryMaxAt[i], message);
    }
    return true;
}

bool ScenarioConfigBuilder::readPromotion(const TomlTable& top, SandboxConfig& c) {
    const toml::table* table = nullptr;
    if (!top.subtable("promotion", table, tr("a table ([promotion])")))
        return false;
    if (!table)
        return true;
    const TomlTable t(m_ctx, *table, u"[promotion]"_s);
    return t.checkKeys(kPromotionKeys) && t.boolean("device_to_pool", c.promotion.deviceToPool)
        && t.boolean("device_to_faster_tier", c.promotion.deviceToFasterTier)
        && t.integer("min_loads", c.promotion.minLoads, 1, kMaxMinLoads);
}

bool ScenarioConfigBuilder::readMaintenance(const TomlTable& top, SandboxConfig& c) {
    const toml::table* table = nullptr;
    if (!top.subtable("maintenance", table, tr("a table ([maintenance])")))
        return false;
    if (!table)
        return true;
    const TomlTable t(m_ctx, *table, u"[maintenance]"_s);
    MaintenancePolicy& m = c.maintenance;
    return t.checkKeys(kMaintenanceKeys) && t.require("every_rounds")
        && t.integer("every_rounds", c.maintainEveryRounds, 1, 1 << 20)
        && ScenarioFields::durationNanos(t, "idle_writeback", m.idleWritebackNanos)
        && ScenarioFields::durationNanos(t, "recompress_after", m.recompressNanos)
        && ScenarioFields::codec(t, "recompress_codec", m.recompressCodec, tr("recompression compresses"))
        && ScenarioFields::zstdLevel(t, "recompress_level", m.recompressLevel)
        && ScenarioFields::bytesPerHour(t, "write_budget", m.writeBudgetBytesPerHour)
        && t.boolean("compressed_writeback", m.compressedWriteback);
}

bool ScenarioConfigBuilder::readActions(const TomlTable& top, SandboxConfig& c) {
    std::vector<const toml::table*> entries;
    if (!top.tables("action", entries))
        return false;
    const ScenarioActionReader reader(c);
    for (const toml::table* entry : entries) {
        SandboxAction a;
        if (!reader.read(TomlTable(m_ctx, *entry, u"[[action]]"_s), a))
            return false;
        c.actions.push_back(a);
    }
    return true;
}

} // namespace swaptier::services::detail
