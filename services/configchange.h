// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigChange: what a setting action (a priority, the pool, a cgroup's policy, the promotion
// policy, a swapoff) does to the configuration a run started from, and the action that undoes
// it. The desktop app keeps the configuration of the running sandbox current this way (the
// engine has no "read back my config" call, and needs none: every change goes through an
// action whose result says whether it took), and builds its undo stack on inverse().
//
// Why here and not in the engine: the engine applies actions to its live structures; this is
// the bookkeeping of a client that shows and edits the setup, shared by every client (the GUI
// today, a live-kernel source later).
//
// Thread safety: every function is reentrant.
#pragma once

#include "swaptier/sandbox.h"

#include <optional>
#include <vector>

namespace swaptier::services {

class ConfigChange {
public:
    /// Whether `kind` changes the setup (so a client keeps its config current with apply()).
    static bool changesConfig(swaptier::SandboxAction::Kind kind);

    /// Applies a setting action that the run reported as done to `config` (priorities, pool,
    /// cgroup policy, promotion; an added device is appended with its name; a swapoff marks
    /// the device in `active`, sized like config.devices). Returns whether anything changed.
    /// Indices out of range change nothing.
    static bool apply(swaptier::SandboxConfig& config, std::vector<bool>& active,
                      const swaptier::SandboxAction& action);

    /// The action that puts back what `action` would change, read from `config` (the values
    /// before it runs); nothing for actions that cannot be undone (swapoff, compaction,
    /// writeback, recompression) or indices out of range.
    static std::optional<swaptier::SandboxAction> inverse(const swaptier::SandboxConfig& config,
                                                          const swaptier::SandboxAction& action);

    /// The setup as it stands, to save as a scenario: `config` without its swapped-off devices
    /// (`active`; device indices of the remaining actions shift down, actions on a removed
    /// device are dropped) and without the planned actions that already ran (`ran`, per
    /// config.actions: their effect is in the setup now, and a device an AddDevice created is
    /// a device of the setup).
    ///
    /// `planned` says where the devices the planned actions name are now: a planned action
    /// names device r, the scenario's r-th device for r < the scenario's device count, else the
    /// device of its (r - count)-th AddDevice (sandbox.h). planned[r] is that device's index in
    /// `config`, or -1 while it does not exist (its AddDevice has not run, or failed); its
    /// size is the scenario's device count plus its AddDevice actions. An AddDevice not run
    /// yet stays an action, and actions naming its device name it at its index in the saved
    /// setup; actions naming the device of a failed AddDevice are dropped.
    static swaptier::SandboxConfig currentSetup(const swaptier::SandboxConfig& config, const std::vector<bool>& active,
                                                const std::vector<bool>& ran, const std::vector<int>& planned);

    /// The tier name of `priority` in `config` (its tiers, or "default" without any).
    static std::string tierOf(const swaptier::SandboxConfig& config, int priority);
};

} // namespace swaptier::services
