// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox actions: running one SandboxAction on a swap design between rounds and measuring
// what it cost (ActionFigures), plus the translation of the sandbox's cgroup specs into the
// swap policies the designs are given.
//
// Why apart from the run: the run decides WHEN an action is due (its progress point, config
// order); this decides nothing but does it, the same way for both designs: the design does
// the work and reports its work columns, the runner adds wall and process CPU time (around
// the design's call only), the disk reserved and each cgroup's pool bytes before and after.
//
// Thread safety: none; the sandbox's coordinator calls it while every worker waits.
#pragma once

#include "sandbox/swapbackend.h"

#include "swaptier/policy.h"
#include "swaptier/sandbox.h"

#include <optional>
#include <vector>

namespace swaptier::sandbox {

/// The policy of a cgroup spec as the designs take it: limits in bytes with kNoLimit as
/// kUnlimited, memory.swap.max rounded down to whole pages, no allowed tiers as every tier,
/// and the parent's index as its CgroupId (the root's own for the root).
CgroupPolicy cgroupPolicy(const CgroupSpec& spec);
/// Applies a SetCgroupPolicy change to a spec; unset fields keep their value.
void applyPolicyChange(CgroupSpec& spec, const CgroupPolicyChange& change);

/// What running one action gave.
struct ActionOutcome {
    ActionFigures figures;
    std::optional<SwapoffFigures> swapoff; ///< Swapoff that succeeded
    /// The error ends the run: swapoff, priority and pool changes failing (as ever), never
    /// the issue #4 actions, whose errors leave every page where it was.
    bool fatal = false;
    bool policyChanged = false;            ///< a SetCgroupPolicy took effect: `cgroups` changed
    bool deviceAdded = false;              ///< an AddDevice succeeded: device figures.device exists now
};

/// Runs `action` on `backend`. SetCgroupPolicy merges its change into `cgroups` (kept as it
/// was if the design refuses the policy). AddDevice adds action.newDevice (its file removed
/// with the device, as the config's devices) as device backend.deviceCount(); its failure
/// (file not created, no space, a path in use) is the action's error, never fatal, and an
/// error without a path gets the device's. `control` gives writeback and device compaction a
/// cancel flag and a progress callback (submitted actions). REQUIRES: the action passed
/// validateSandboxConfig or validateSandboxAction.
ActionOutcome runAction(SwapBackend& backend, PageTableWalker& walker, const SandboxAction& action,
                        std::vector<CgroupSpec>& cgroups, const ActionControl& control = {});

} // namespace swaptier::sandbox
