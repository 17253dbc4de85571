// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigLint: the mistakes an admin would want flagged in a swap setup (a SandboxConfig), each
// as a finding with a stable code, what it is about, a one-line message naming the subject and
// the figures, and a one-line explanation of why it matters or what to do. The desktop app's
// lint panel (ui/models/lintmodel.h) and `swaptierctl lint` show them.
//
// The rules (code, severity; W = warning, N = notice). The semantics are the engine's
// (swaptier/policy.h, swaptier/sandbox.h): limits, writeback and allowed tiers are hierarchical
// (a cgroup gets the tightest value of its chain up to the root), a device belongs to the tier
// whose priority range holds its priority, no [[tier]] means one tier "default".
//   - pool-before-compressed-device, W: the pool is enabled and a device's path is a zram block
//     device (/dev/zramN). The engine's swapfiles never compress (DeviceOptions has no codec;
//     compressed writeback stores the pool's bytes once, it does not compress them again), so
//     the only compressed device a config can name is a kernel zram device, the device the
//     exported units would swap on: pages then pass two compressors and written-back pages stay
//     in RAM. PoolOptions::limitBytes 0 means "no cap", not "off": only `enabled` turns the pool
//     off (and the raw codec, which compresses nothing).
//   - equal-priority, W: two devices with the same priority (taken in turn, round-robin) that
//     differ in I/O mode (buffered against direct or auto). Equal priorities also mean the same
//     tier (the tier is a function of the priority), so I/O mode is what the config says about
//     a device's speed; equal priority over alike devices is the kernel's striping, not flagged.
//   - writeback-disabled-by-ancestor, W: memory.zswap.writeback on, off in an ancestor.
//   - tier-excluded-by-ancestor, W: an allowed tier that an ancestor's allowed tiers lack.
//   - tier-without-device, W when a cgroup names the tier in its allowed tiers, else N: a
//     configured tier whose range holds no device priority (priorities as configured: actions
//     are not applied).
//   - cgroup-without-device, W (virtual design): the cgroup restricts its tiers (itself or an
//     ancestor) and no allowed tier holds a device, while writeback is on and the pool usable:
//     its pages can only stay in the pool or in memory.
//   - cgroup-cannot-swap, W: no page of the cgroup can be swapped at all: neither the pool (off,
//     or memory.zswap.max 0 up the chain) nor a device (writeback off, or no device in its
//     tiers); in the classic design every swapped page needs a device slot of an allowed tier,
//     pool pages included. Not flagged when memory.swap.max is below a page up the chain: that
//     is the admin's way of saying "never swap".
//   - no-swap-space, W: the pool is disabled and there is no device (replaces the above).
//   - pool-without-limit, W: the pool is enabled with no cap, there are devices, no idle
//     writeback or writeback action, and a workload's cgroup has no memory.zswap.max up its chain
//     with writeback on: an uncapped pool takes every page, so that cgroup's pages never reach a
//     device.
//   - memory-max-below-use, swap-max-below-use, zswap-max-below-use, W (only with a sample):
//     resident bytes of the subtree above memory.max; swapped bytes of the subtree above
//     memory.swap.max (virtual design: device slots only, as the engine counts them; classic:
//     every swapped page, since each holds a slot); pool bytes of the subtree above
//     memory.zswap.max.
//   - limit-above-ancestor, N: a cgroup's memory.max, memory.swap.max or memory.zswap.max above
//     an ancestor's, so it never takes effect.
//   - pool-option-without-pool, N: memory.zswap.max, refault promotion to the pool or scheduled
//     pool maintenance while the pool is disabled.
//   - promotion-without-faster-tier, N (virtual design): promotion to a faster tier is on but
//     fewer than two tiers hold devices.
// Findings are ordered by severity (warnings first), then subject (configuration, devices,
// tiers, cgroups; each by index), then code. Invalid configs (parents out of range, unknown tier
// names) are linted as far as they make sense and never crash: an unknown tier allows nothing.
//
// Thread safety: every function is static, pure and reentrant.
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <vector>
#endif

namespace swaptier::services {

enum class LintSeverity : quint8 {
    Warning, ///< something does not work as the config says, or pages cannot go where intended
    Notice,  ///< a setting has no effect; worth knowing, harmless
};

/// What a finding is about, so a UI can jump to it.
struct LintSubject {
    enum class Kind : quint8 {
        None,   ///< no subject (LintFinding::related when there is none)
        Config, ///< a part of the config as a whole; `name` is its scenario table ("pool", "promotion", "maintenance")
        Device, ///< index into SandboxConfig::devices
        Tier,   ///< index into SandboxConfig::tiers
        Cgroup, ///< index into SandboxConfig::cgroups (0 = the root, also when the config lists none)
    };
    Kind kind = Kind::None;
    int index = -1;
    QString name; ///< display name: device name (or path), tier name, cgroup name

    friend bool operator==(const LintSubject&, const LintSubject&) = default;
};

struct LintFinding {
    LintSeverity severity = LintSeverity::Warning;
    QString code;        ///< stable machine code ("equal-priority"), see the list above
    LintSubject subject;
    LintSubject related; ///< the other party (the ancestor, the other device), kind None if none
    QString message;     ///< one line, translated, naming the subject and the figures
    QString explanation; ///< one line, translated: why it matters, what to do

    friend bool operator==(const LintFinding&, const LintFinding&) = default;
};

/// The codes of LintFinding::code.
namespace lintcode {
inline constexpr char kPoolBeforeCompressedDevice[] = "pool-before-compressed-device";
inline constexpr char kEqualPriority[] = "equal-priority";
inline constexpr char kWritebackDisabledByAncestor[] = "writeback-disabled-by-ancestor";
inline constexpr char kTierExcludedByAncestor[] = "tier-excluded-by-ancestor";
inline constexpr char kTierWithoutDevice[] = "tier-without-device";
inline constexpr char kCgroupWithoutDevice[] = "cgroup-without-device";
inline constexpr char kCgroupCannotSwap[] = "cgroup-cannot-swap";
inline constexpr char kNoSwapSpace[] = "no-swap-space";
inline constexpr char kPoolWithoutLimit[] = "pool-without-limit";
inline constexpr char kMemoryMaxBelowUse[] = "memory-max-below-use";
inline constexpr char kSwapMaxBelowUse[] = "swap-max-below-use";
inline constexpr char kZswapMaxBelowUse[] = "zswap-max-below-use";
inline constexpr char kLimitAboveAncestor[] = "limit-above-ancestor";
inline constexpr char kPoolOptionWithoutPool[] = "pool-option-without-pool";
inline constexpr char kPromotionWithoutFasterTier[] = "promotion-without-faster-tier";
} // namespace lintcode

class ConfigLint {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ConfigLint)

public:
    /// The findings of `config`, ordered (see above). `sample` (may be null) is a sample of a
    /// run of this config (cgroups in config order); without it the usage rules are skipped.
    static std::vector<LintFinding> check(const swaptier::SandboxConfig& config, const swaptier::SandboxSample* sample);

    /// "warning" / "notice", translated (for people).
    static QString severityText(LintSeverity severity);
    /// "warning" / "notice", never translated (for JSON and scripts).
    static QString severityKey(LintSeverity severity);
    /// "device ssd", "tier fast", "cgroup apps/web", "[pool]", translated; "" for None.
    static QString subjectText(const LintSubject& subject);
    /// "config", "device", "tier", "cgroup", "" for None; never translated.
    static QString subjectKindKey(LintSubject::Kind kind);
    /// {"severity": "warning"|"notice", "code", "subject": {"kind", "index", "name"},
    ///  "related": null | {...}, "message", "explanation"}; an index is null when there is none.
    static QJsonObject toJson(const LintFinding& finding);
};

} // namespace swaptier::services
