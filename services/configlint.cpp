// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigLint (configlint.h). First a View resolves the hierarchy once (each cgroup's chain of
// ancestors, its effective limits, writeback and allowed tiers; each device's tier), then one
// function per rule appends its findings, then they are ordered. Names in messages are quoted
// and substituted in one QString::arg call, so a name holding "%2" cannot swallow a figure.
#include "configlint.h"

#include "units.h"

#include <QJsonValue>
#include <QStringList>

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>
#include <utility>

namespace swaptier::services {

namespace {

using Kind = LintSubject::Kind;
constexpr std::uint64_t kPage = swaptier::kPageSize;

QString str(const std::string& s) { return QString::fromStdString(s); }
/// A use and its limit for a message; exact byte counts when rounding would show them equal.
std::pair<QString, QString> useAndLimit(std::uint64_t use, std::uint64_t limit) {
    if (formatBytes(use) != formatBytes(limit))
        return {formatBytes(use), formatBytes(limit)};
    return {ConfigLint::tr("%1 bytes").arg(use), ConfigLint::tr("%1 bytes").arg(limit)};
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

/// A kernel zram block device: "/dev/zram" followed by a number.
bool isZramDevice(const std::string& path) {
    constexpr std::string_view prefix = "/dev/zram";
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0)
        return false;
    return std::all_of(path.begin() + std::ptrdiff_t(prefix.size()), path.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

const char* ioName(IoMode io) {
    switch (io) {
    case IoMode::Auto: return "auto";
    case IoMode::Direct: return "direct";
    case IoMode::Buffered: return "buffered";
    }
    return "?";
}

/// The config with its hierarchy resolved. Robust to invalid configs: a parent out of range or
/// a cycle ends the chain, an unknown tier name allows nothing.
struct View {
    const SandboxConfig& config;
    const bool virtualDesign;
    std::vector<CgroupSpec> rootOnly;              ///< the implicit root when the config lists no cgroup
    const std::vector<CgroupSpec>* cgroups = nullptr;
    std::vector<std::vector<int>> ancestors;       ///< strict ancestors of each cgroup, nearest first
    std::vector<QString> tierNames;                ///< the configured tiers, or "default"
    std::vector<int> deviceTier;                   ///< tier of each device, -1 if no range holds its priority
    std::vector<int> devicesInTier;
    std::vector<std::vector<bool>> allowed;        ///< effective allowed tiers of each cgroup
    std::vector<bool> restricted;                  ///< the chain names allowed tiers somewhere
    std::vector<bool> writeback;                   ///< effective memory.zswap.writeback
    std::vector<std::uint64_t> memoryMax, swapMax, zswapMax; ///< tightest value of the chain
    std::vector<std::uint64_t> threadsUnder;       ///< workload threads in the subtree

    explicit View(const SandboxConfig& c) : config(c), virtualDesign(c.design == SwapDesign::Virtual) {
        if (c.cgroups.empty()) {
            CgroupSpec root;
            root.name = "/";
            rootOnly.push_back(root);
            cgroups = &rootOnly;
        } else {
            cgroups = &c.cgroups;
        }
        resolveTiers();
        resolveCgroups();
    }

    std::size_t cgroupCount() const { return cgroups->size(); }
    const CgroupSpec& cgroup(std::size_t g) const { return (*cgroups)[g]; }
    QString cgroupName(std::size_t g) const { return str(cgroup(g).name); }
    LintSubject cgroupSubject(std::size_t g) const { return {Kind::Cgroup, int(g), cgroupName(g)}; }

    QString deviceName(std::size_t d) const {
        if (d < config.deviceNames.size() && !config.deviceNames[d].empty())
            return str(config.deviceNames[d]);
        return str(config.devices[d].path);
    }
    LintSubject deviceSubject(std::size_t d) const { return {Kind::Device, int(d), deviceName(d)}; }

    int tierIndex(const std::string& name) const {
        for (std::size_t t = 0; t < tierNames.size(); ++t)
            if (tierNames[t] == str(name))
                return int(t);
        return -1;
    }

    bool hasDeviceTier(std::size_t g) const {
        for (std::size_t t = 0; t < devicesInTier.size(); ++t)
            if (allowed[g][t] && devicesInTier[t] > 0)
                return true;
        return false;
    }

    /// "fast, slow", or "none".
    QString allowedText(std::size_t g) const {
        QStringList names;
        for (std::size_t t = 0; t < tierNames.size(); ++t)
            if (allowed[g][t])
                names << tierNames[t];
        return names.isEmpty() ? ConfigLint::tr("none") : names.join(QStringLiteral(", "));
    }

private:
    void resolveTiers() {
        if (config.tiers.empty())
            tierNames.push_back(QStringLiteral("default"));
        for (const TierSpec& t : config.tiers)
            tierNames.push_back(str(t.name));
        devicesInTier.assign(tierNames.size(), 0);
        for (const DeviceOptions& d : config.devices) {
            const int priority = std::clamp(d.priority, kMinSwapPriority, kMaxSwapPriority);
            int tier = config.tiers.empty() ? 0 : -1;
            for (std::size_t t = 0; t < config.tiers.size() && tier < 0; ++t)
                if (config.tiers[t].minPriority <= priority && priority <= config.tiers[t].maxPriority)
                    tier = int(t);
            deviceTier.push_back(tier);
            if (tier >= 0)
                ++devicesInTier[std::size_t(tier)];
        }
    }

    void resolveCgroups() {
        const std::size_t n = cgroupCount();
        ancestors.resize(n);
        for (std::size_t g = 0; g < n; ++g) {
            int p = cgroup(g).parent;
            while (p >= 0 && std::size_t(p) < n && std::size_t(p) != g && ancestors[g].size() < n) {
                ancestors[g].push_back(p);
                p = cgroup(std::size_t(p)).parent;
            }
        }
        allowed.assign(n, std::vector<bool>(tierNames.size(), true));
        restricted.assign(n, false);
        writeback.assign(n, true);
        memoryMax.assign(n, kNoLimit);
        swapMax.assign(n, kNoLimit);
        zswapMax.assign(n, kNoLimit);
        for (std::size_t g = 0; g < n; ++g) {
            std::vector<int> chain{int(g)};
            chain.insert(chain.end(), ancestors[g].begin(), ancestors[g].end());
            for (int a : chain) {
                const CgroupSpec& spec = cgroup(std::size_t(a));
                writeback[g] = writeback[g] && spec.zswapWriteback;
                memoryMax[g] = std::min(memoryMax[g], spec.memoryMax);
                swapMax[g] = std::min(swapMax[g], spec.swapMax);
                zswapMax[g] = std::min(zswapMax[g], spec.zswapMax);
                if (spec.allowedTiers.empty())
                    continue;
                restricted[g] = true;
                std::vector<bool> mask(tierNames.size(), false);
                for (const std::string& name : spec.allowedTiers)
                    if (const int t = tierIndex(name); t >= 0)
                        mask[std::size_t(t)] = true;
                for (std::size_t t = 0; t < mask.size(); ++t)
                    allowed[g][t] = allowed[g][t] && mask[t];
            }
        }
        threadsUnder.assign(n, 0);
        for (const WorkloadSpec& w : config.workloads) {
            if (w.cgroup < 0 || std::size_t(w.cgroup) >= n)
                continue;
            threadsUnder[std::size_t(w.cgroup)] += w.threads;
            for (int a : ancestors[std::size_t(w.cgroup)])
                threadsUnder[std::size_t(a)] += w.threads;
        }
    }
};

class Rules {
public:
    explicit Rules(const View& v) : m_v(v) {}

    std::vector<LintFinding> take() { return std::move(m_findings); }

    void compressedDevice() {
        const PoolOptions& pool = m_v.config.engine.pool;
        if (!pool.enabled || pool.codec == Codec::Raw)
            return;
        for (std::size_t d = 0; d < m_v.config.devices.size(); ++d) {
            const std::string& path = m_v.config.devices[d].path;
            if (!isZramDevice(path))
                continue;
            add(LintSeverity::Warning, lintcode::kPoolBeforeCompressedDevice, m_v.deviceSubject(d), {},
                ConfigLint::tr("Swap device \"%1\" is the zram device %2, behind the compressed pool (%3).")
                    .arg(m_v.deviceName(d), str(path), QString::fromLatin1(codecName(pool.codec))),
                ConfigLint::tr("zram compresses in memory as well: every page passes two compressors and pages "
                               "written back from the pool stay in RAM; disable the pool or swap to a disk."));
        }
    }

    void equalPriority() {
        const auto& devices = m_v.config.devices;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            for (std::size_t j = i + 1; j < devices.size(); ++j) {
                const bool bufferedI = devices[i].io == IoMode::Buffered;
                const bool bufferedJ = devices[j].io == IoMode::Buffered;
                if (devices[i].priority != devices[j].priority || bufferedI == bufferedJ)
                    continue;
                add(LintSeverity::Warning, lintcode::kEqualPriority, m_v.deviceSubject(i), m_v.deviceSubject(j),
                    ConfigLint::tr("Swap devices \"%1\" and \"%2\" share priority %3 but use different I/O modes "
                                   "(%4 and %5).")
                        .arg(m_v.deviceName(i), m_v.deviceName(j), QString::number(devices[i].priority),
                             QString::fromLatin1(ioName(devices[i].io)), QString::fromLatin1(ioName(devices[j].io))),
                    ConfigLint::tr("Devices of equal priority take pages in turn, so each gets its share whatever "
                                   "its speed; give the device meant to be used first a higher priority."));
            }
        }
    }

    void ancestorOverrides() {
        for (std::size_t g = 0; g < m_v.cgroupCount(); ++g) {
            const CgroupSpec& spec = m_v.cgroup(g);
            if (spec.zswapWriteback) {
                for (int a : m_v.ancestors[g]) {
                    if (m_v.cgroup(std::size_t(a)).zswapWriteback)
                        continue;
                    add(LintSeverity::Warning, lintcode::kWritebackDisabledByAncestor, m_v.cgroupSubject(g),
                        m_v.cgroupSubject(std::size_t(a)),
                        ConfigLint::tr("cgroup \"%1\" has memory.zswap.writeback on, but its ancestor \"%2\" turns "
                                       "it off.")
                            .arg(m_v.cgroupName(g), m_v.cgroupName(std::size_t(a))),
                        ConfigLint::tr("memory.zswap.writeback is hierarchical: no page of this cgroup reaches a "
                                       "swap device while an ancestor turns it off, so its own setting has no "
                                       "effect."));
                    break;
                }
            }
            std::vector<std::string> seen;
            for (const std::string& tier : spec.allowedTiers) {
                if (contains(seen, tier))
                    continue;
                seen.push_back(tier);
                for (int a : m_v.ancestors[g]) {
                    const std::vector<std::string>& theirs = m_v.cgroup(std::size_t(a)).allowedTiers;
                    if (theirs.empty() || contains(theirs, tier))
                        continue;
                    add(LintSeverity::Warning, lintcode::kTierExcludedByAncestor, m_v.cgroupSubject(g),
                        m_v.cgroupSubject(std::size_t(a)),
                        ConfigLint::tr("cgroup \"%1\" allows tier \"%2\", which its ancestor \"%3\" does not allow.")
                            .arg(m_v.cgroupName(g), str(tier), m_v.cgroupName(std::size_t(a))),
                        ConfigLint::tr("Allowed tiers are hierarchical: a cgroup may use a tier only if every "
                                       "ancestor allows it, so this entry has no effect."));
                    break;
                }
            }
        }
    }

    void tierWithoutDevice() {
        const auto& tiers = m_v.config.tiers;
        for (std::size_t t = 0; t < tiers.size(); ++t) {
            if (m_v.devicesInTier[t] > 0)
                continue;
            bool named = false;
            for (std::size_t g = 0; g < m_v.cgroupCount() && !named; ++g)
                named = contains(m_v.cgroup(g).allowedTiers, tiers[t].name);
            add(named ? LintSeverity::Warning : LintSeverity::Notice, lintcode::kTierWithoutDevice,
                {Kind::Tier, int(t), str(tiers[t].name)}, {},
                ConfigLint::tr("Tier \"%1\" (priorities %2 to %3) holds no swap device.")
                    .arg(str(tiers[t].name), QString::number(tiers[t].minPriority),
                         QString::number(tiers[t].maxPriority)),
                named ? ConfigLint::tr("A cgroup names this tier in its allowed tiers, but no swap device has a "
                                       "priority in its range; give a device such a priority or allow another tier.")
                      : ConfigLint::tr("No cgroup names it, so nothing depends on it; a device with a priority in "
                                       "this range would join it."));
        }
    }

    /// no-swap-space, cgroup-cannot-swap and cgroup-without-device.
    void swapPaths() {
        const PoolOptions& pool = m_v.config.engine.pool;
        const bool noDevice = m_v.config.devices.empty();
        if (noDevice && (!pool.enabled || !m_v.virtualDesign)) {
            add(LintSeverity::Warning, lintcode::kNoSwapSpace, {Kind::Config, -1, QStringLiteral("pool")}, {},
                pool.enabled ? ConfigLint::tr("There is no swap device, and the classic design needs a device slot "
                                              "for every swapped page, pool pages included.")
                             : ConfigLint::tr("The compressed pool is disabled and there is no swap device."),
                ConfigLint::tr("Nothing can be swapped: every cgroup runs into its memory.max; add a swap device "
                               "or enable the pool."));
            return;
        }
        for (std::size_t g = 0; g < m_v.cgroupCount(); ++g) {
            if (m_v.swapMax[g] < kPage)
                continue; // memory.swap.max = 0: the admin's "never swap"
            const bool poolUsable = pool.enabled && m_v.zswapMax[g] > 0;
            const bool deviceTier = m_v.hasDeviceTier(g);
            const bool writeback = m_v.writeback[g];
            QString message;
            if (!m_v.virtualDesign && !deviceTier) {
                message = ConfigLint::tr("cgroup \"%1\" cannot swap in the classic design: none of its allowed tiers "
                                         "(%2) holds a swap device, and every swapped page needs a slot there.")
                              .arg(m_v.cgroupName(g), m_v.allowedText(g));
            } else if (!poolUsable && !writeback) {
                message = pool.enabled ? ConfigLint::tr("cgroup \"%1\" cannot swap: its memory.zswap.max is 0 and "
                                                        "memory.zswap.writeback is off.")
                                             .arg(m_v.cgroupName(g))
                                       : ConfigLint::tr("cgroup \"%1\" cannot swap: the compressed pool is disabled "
                                                        "and memory.zswap.writeback is off.")
                                             .arg(m_v.cgroupName(g));
            } else if (!poolUsable && !deviceTier) {
                message = pool.enabled ? ConfigLint::tr("cgroup \"%1\" cannot swap: its memory.zswap.max is 0 and "
                                                        "none of its allowed tiers (%2) holds a swap device.")
                                             .arg(m_v.cgroupName(g), m_v.allowedText(g))
                                       : ConfigLint::tr("cgroup \"%1\" cannot swap: the compressed pool is disabled "
                                                        "and none of its allowed tiers (%2) holds a swap device.")
                                             .arg(m_v.cgroupName(g), m_v.allowedText(g));
            }
            if (!message.isEmpty()) {
                add(LintSeverity::Warning, lintcode::kCgroupCannotSwap, m_v.cgroupSubject(g), {}, message,
                    ConfigLint::tr("Reclaim cannot take any page of it out of memory; enable the pool or writeback, "
                                   "or allow a tier with a device (memory.swap.max = 0 says \"never swap\" if that "
                                   "is meant)."));
                continue;
            }
            if (m_v.virtualDesign && writeback && !deviceTier && m_v.restricted[g] && !noDevice) {
                bool none = true;
                for (bool a : m_v.allowed[g])
                    none = none && !a;
                add(LintSeverity::Warning, lintcode::kCgroupWithoutDevice, m_v.cgroupSubject(g), {},
                    none ? ConfigLint::tr("cgroup \"%1\" may use no swap tier: its allowed tiers and its ancestors' "
                                          "have none in common.")
                               .arg(m_v.cgroupName(g))
                         : ConfigLint::tr("cgroup \"%1\" may only use swap tiers that hold no device (%2).")
                               .arg(m_v.cgroupName(g), m_v.allowedText(g)),
                    ConfigLint::tr("Its pages can only stay in the compressed pool or in memory; allow a tier that "
                                   "holds a swap device."));
            }
        }
    }

    void poolWithoutLimit() {
        const SandboxConfig& c = m_v.config;
        if (!c.engine.pool.enabled || c.engine.pool.limitBytes != 0 || c.devices.empty())
            return;
        if (c.maintainEveryRounds > 0 && c.maintenance.idleWritebackNanos > 0)
            return;
        for (const SandboxAction& a : c.actions)
            if (a.kind == SandboxAction::Kind::Writeback || a.kind == SandboxAction::Kind::SetPool
                || (a.kind == SandboxAction::Kind::SetCgroupPolicy && a.policy.zswapMax))
                return; // the run moves pages to the devices, or caps the pool, on purpose
        for (const WorkloadSpec& w : c.workloads) {
            if (w.cgroup < 0 || std::size_t(w.cgroup) >= m_v.cgroupCount())
                continue;
            const auto g = std::size_t(w.cgroup);
            if (m_v.zswapMax[g] != kNoLimit || !m_v.writeback[g] || !m_v.hasDeviceTier(g) || m_v.swapMax[g] < kPage)
                continue;
            add(LintSeverity::Warning, lintcode::kPoolWithoutLimit, {Kind::Config, -1, QStringLiteral("pool")},
                m_v.cgroupSubject(g),
                ConfigLint::tr("The compressed pool has no size limit, so no page of cgroup \"%1\" ever reaches a "
                               "swap device.")
                    .arg(m_v.cgroupName(g)),
                ConfigLint::tr("An uncapped pool accepts every page, and only memory.zswap.max, writeback or idle "
                               "writeback move pages on to the devices; set a pool limit."));
            return;
        }
    }

    void usage(const SandboxSample& sample) {
        const std::size_t n = m_v.cgroupCount();
        if (sample.cgroups.size() != n)
            return; // a sample of another config
        for (std::size_t g = 0; g < n; ++g)
            if (sample.cgroups[g].name != m_v.cgroup(g).name)
                return;
        std::vector<std::uint64_t> swappedPages(n, 0), poolBytes(n, 0);
        for (std::size_t g = 0; g < n; ++g) {
            const CgroupUsage& u = sample.cgroups[g];
            std::uint64_t swapped = 0;
            if (m_v.virtualDesign) {
                swapped = u.swappedPages[std::size_t(Backend::Device)];
            } else {
                for (std::uint64_t pages : u.swappedPages)
                    swapped += pages;
            }
            swappedPages[g] += swapped;
            poolBytes[g] += u.poolBytes;
            for (int a : m_v.ancestors[g]) {
                swappedPages[std::size_t(a)] += swapped;
                poolBytes[std::size_t(a)] += u.poolBytes;
            }
        }
        for (std::size_t g = 0; g < n; ++g) {
            const CgroupSpec& spec = m_v.cgroup(g);
            const std::uint64_t resident = sample.cgroups[g].residentPages * kPage;
            if (spec.memoryMax != kNoLimit && resident > spec.memoryMax) {
                const auto [use, limit] = useAndLimit(resident, spec.memoryMax);
                add(LintSeverity::Warning, lintcode::kMemoryMaxBelowUse, m_v.cgroupSubject(g), {},
                    ConfigLint::tr("cgroup \"%1\" has %2 resident, above its memory.max of %3.")
                        .arg(m_v.cgroupName(g), use, limit),
                    ConfigLint::tr("Reclaim could not bring it under the limit (the kernel would start killing "
                                   "processes); give it more swap room or raise memory.max."));
            }
            const std::uint64_t swapped = swappedPages[g] * kPage;
            if (spec.swapMax != kNoLimit && swapped > spec.swapMax) {
                const auto [use, limit] = useAndLimit(swapped, spec.swapMax);
                add(LintSeverity::Warning, lintcode::kSwapMaxBelowUse, m_v.cgroupSubject(g), {},
                    (m_v.virtualDesign
                         ? ConfigLint::tr("cgroup \"%1\" has %2 on swap devices, above its memory.swap.max of %3.")
                         : ConfigLint::tr("cgroup \"%1\" has %2 swapped, above its memory.swap.max of %3."))
                        .arg(m_v.cgroupName(g), use, limit),
                    ConfigLint::tr("Further swap-outs of the subtree are refused until its use drops below the "
                                   "limit; raise memory.swap.max or bring pages back in."));
            }
            // The pool may pass zswap.max by about a page per storing thread: the virtual design
            // charges after the store, the classic sandbox checks between rounds (a reclaim batch).
            const std::uint64_t slackPages = m_v.virtualDesign ? 1 : std::max(1u, m_v.config.reclaimBatch);
            const std::uint64_t slack = slackPages * kPage * std::max<std::uint64_t>(1, m_v.threadsUnder[g]);
            const bool overZswap =
                spec.zswapMax != kNoLimit && spec.zswapMax <= kNoLimit - slack && poolBytes[g] > spec.zswapMax + slack;
            if (overZswap) {
                const auto [use, limit] = useAndLimit(poolBytes[g], spec.zswapMax);
                add(LintSeverity::Warning, lintcode::kZswapMaxBelowUse, m_v.cgroupSubject(g), {},
                    ConfigLint::tr("cgroup \"%1\" holds %2 in the compressed pool, above its memory.zswap.max of %3.")
                        .arg(m_v.cgroupName(g), use, limit),
                    ConfigLint::tr("New pages of the subtree go past the pool (or stay in memory when writeback is "
                                   "off) until its pool use drops; raise memory.zswap.max or write its pool pages "
                                   "back."));
            }
        }
    }

    void limitAboveAncestor() {
        struct Limit {
            const char* name;
            std::uint64_t CgroupSpec::*field;
        };
        static constexpr std::array<Limit, 3> kLimits{{{"memory.max", &CgroupSpec::memoryMax},
                                                       {"memory.swap.max", &CgroupSpec::swapMax},
                                                       {"memory.zswap.max", &CgroupSpec::zswapMax}}};
        for (std::size_t g = 0; g < m_v.cgroupCount(); ++g) {
            for (const Limit& limit : kLimits) {
                const std::uint64_t own = m_v.cgroup(g).*limit.field;
                if (own == kNoLimit)
                    continue;
                int tightest = -1;
                for (int a : m_v.ancestors[g]) {
                    const std::uint64_t value = m_v.cgroup(std::size_t(a)).*limit.field;
                    if (tightest < 0 || value < m_v.cgroup(std::size_t(tightest)).*limit.field)
                        tightest = a;
                }
                if (tightest < 0)
                    continue;
                const std::uint64_t theirs = m_v.cgroup(std::size_t(tightest)).*limit.field;
                if (theirs == kNoLimit || own <= theirs)
                    continue;
                const auto [ownText, theirText] = useAndLimit(own, theirs);
                add(LintSeverity::Notice, lintcode::kLimitAboveAncestor, m_v.cgroupSubject(g),
                    m_v.cgroupSubject(std::size_t(tightest)),
                    ConfigLint::tr("%1 of cgroup \"%2\" (%3) is above that of its ancestor \"%4\" (%5).")
                        .arg(QString::fromLatin1(limit.name), m_v.cgroupName(g), ownText,
                             m_v.cgroupName(std::size_t(tightest)), theirText),
                    ConfigLint::tr("Limits are hierarchical: the subtree never gets more than the ancestor allows, "
                                   "so this limit never takes effect."));
            }
        }
    }

    void poolOptionsWithoutPool() {
        const SandboxConfig& c = m_v.config;
        if (c.engine.pool.enabled)
            return;
        const QString noEffect =
            ConfigLint::tr("The setting has no effect while the pool is disabled ([pool] enabled = false).");
        for (std::size_t g = 0; g < m_v.cgroupCount(); ++g) {
            const std::uint64_t zswapMax = m_v.cgroup(g).zswapMax;
            if (zswapMax == kNoLimit || zswapMax == 0) // 0: "no pool" agrees with a disabled pool
                continue;
            add(LintSeverity::Notice, lintcode::kPoolOptionWithoutPool, m_v.cgroupSubject(g), {},
                ConfigLint::tr("cgroup \"%1\" sets memory.zswap.max to %2, but the compressed pool is disabled.")
                    .arg(m_v.cgroupName(g), formatBytes(zswapMax)),
                noEffect);
        }
        if (m_v.virtualDesign && c.promotion.deviceToPool)
            add(LintSeverity::Notice, lintcode::kPoolOptionWithoutPool,
                {Kind::Config, -1, QStringLiteral("promotion")}, {},
                ConfigLint::tr("Refault promotion to the pool (device_to_pool) is on, but the compressed pool is "
                               "disabled."),
                noEffect);
        if (c.maintainEveryRounds > 0 && (c.maintenance.idleWritebackNanos > 0 || c.maintenance.recompressNanos > 0))
            add(LintSeverity::Notice, lintcode::kPoolOptionWithoutPool,
                {Kind::Config, -1, QStringLiteral("maintenance")}, {},
                ConfigLint::tr("Scheduled maintenance writes back or recompresses pool pages, but the compressed "
                               "pool is disabled."),
                noEffect);
    }

    void promotionWithoutFasterTier() {
        const SandboxConfig& c = m_v.config;
        if (!m_v.virtualDesign || !c.promotion.deviceToFasterTier)
            return;
        const auto withDevices = std::count_if(m_v.devicesInTier.begin(), m_v.devicesInTier.end(),
                                               [](int devices) { return devices > 0; });
        if (withDevices >= 2)
            return;
        add(LintSeverity::Notice, lintcode::kPromotionWithoutFasterTier,
            {Kind::Config, -1, QStringLiteral("promotion")}, {},
            ConfigLint::tr("Promotion to a faster tier (device_to_faster_tier) is on, but fewer than two tiers "
                           "hold swap devices."),
            ConfigLint::tr("An entry only moves to a device of a tier above its own, so nothing is ever promoted; "
                           "put devices in two tiers or turn the option off."));
    }

private:
    void add(LintSeverity severity, const char* code, LintSubject subject, LintSubject related, QString message,
             QString explanation) {
        m_findings.push_back({severity, QString::fromLatin1(code), std::move(subject), std::move(related),
                              std::move(message), std::move(explanation)});
    }

    const View& m_v;
    std::vector<LintFinding> m_findings;
};

} // namespace

std::vector<LintFinding> ConfigLint::check(const SandboxConfig& config, const SandboxSample* sample) {
    const View view(config);
    Rules rules(view);
    rules.compressedDevice();
    rules.equalPriority();
    rules.ancestorOverrides();
    rules.tierWithoutDevice();
    rules.swapPaths();
    rules.poolWithoutLimit();
    if (sample)
        rules.usage(*sample);
    rules.limitAboveAncestor();
    rules.poolOptionsWithoutPool();
    rules.promotionWithoutFasterTier();
    std::vector<LintFinding> findings = rules.take();
    std::stable_sort(findings.begin(), findings.end(), [](const LintFinding& a, const LintFinding& b) {
        return std::forward_as_tuple(a.severity, a.subject.kind, a.subject.index, a.code, a.related.kind,
                                     a.related.index)
             < std::forward_as_tuple(b.severity, b.subject.kind, b.subject.index, b.code, b.related.kind,
                                     b.related.index);
    });
    return findings;
}

QString ConfigLint::severityText(LintSeverity severity) {
    return severity == LintSeverity::Warning ? tr("warning") : tr("notice");
}

QString ConfigLint::severityKey(LintSeverity severity) {
    return severity == LintSeverity::Warning ? QStringLiteral("warning") : QStringLiteral("notice");
}

QString ConfigLint::subjectText(const LintSubject& subject) {
    switch (subject.kind) {
    case Kind::None: return {};
    case Kind::Config: return QStringLiteral("[%1]").arg(subject.name);
    case Kind::Device: return tr("device %1").arg(subject.name);
    case Kind::Tier: return tr("tier %1").arg(subject.name);
    case Kind::Cgroup: return tr("cgroup %1").arg(subject.name);
    }
    return {};
}

QString ConfigLint::subjectKindKey(LintSubject::Kind kind) {
    switch (kind) {
    case Kind::None: return {};
    case Kind::Config: return QStringLiteral("config");
    case Kind::Device: return QStringLiteral("device");
    case Kind::Tier: return QStringLiteral("tier");
    case Kind::Cgroup: return QStringLiteral("cgroup");
    }
    return {};
}

QJsonObject ConfigLint::toJson(const LintFinding& finding) {
    const auto subject = [](const LintSubject& s) -> QJsonValue {
        if (s.kind == Kind::None)
            return QJsonValue::Null;
        return QJsonObject{{QStringLiteral("kind"), subjectKindKey(s.kind)},
                           {QStringLiteral("index"), s.index >= 0 ? QJsonValue(s.index) : QJsonValue()},
                           {QStringLiteral("name"), s.name}};
    };
    return QJsonObject{{QStringLiteral("severity"), severityKey(finding.severity)},
                       {QStringLiteral("code"), finding.code},
                       {QStringLiteral("subject"), subject(finding.subject)},
                       {QStringLiteral("related"), subject(finding.related)},
                       {QStringLiteral("message"), finding.message},
                       {QStringLiteral("explanation"), finding.explanation}};
}

} // namespace swaptier::services
