// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxConfigDiff: the first field in which two sandbox configs differ in what a run does,
// named by its path ("workloads[1].zipfTheta", "actions[0].writeback.maxPages").
//
// Used by ScenarioWriter to check that a written scenario loads back to the config it was
// written from, and by tests to say which field a round trip changed. "What a run does" means:
//   - every field a scenario file can set is compared, fields of sub-structs one by one;
//   - a field that the kind of its workload or action does not use is not compared
//     (zipfTheta of a sequential workload, priority of a swapoff): the parser leaves those at
//     their defaults, and a run never reads them;
//   - a workload's mix counts only with hasMix, the maintenance policy only with
//     maintainEveryRounds above 0;
//   - an empty cgroup list is the root alone ("empty: just the root", sandbox.h);
//   - run-time hooks are not compared: EngineOptions::env, DeviceOptions::removeFileOnClose
//     (the sandbox sets it), the cancel and progress members of action options, and the
//     cgroup ids inside WritebackOptions and RecompressOptions (an action's `cgroup` rules).
// Doubles are compared exactly; paths as strings (a caller compares cleaned paths).
//
// Thread safety: static and reentrant.
#pragma once

#include "swaptier/sandbox.h"

#include <QString>

#include <optional>

namespace swaptier::services {

class SandboxConfigDiff {
public:
    struct Difference {
        QString field;   ///< "devices[0].sizeBytes", "cgroups", "name" (not translated: a path)
        QString left;    ///< the value in the first config, as text ("67108864", "max", "zstd")
        QString right;   ///< the value in the second config
        /// "field: left != right".
        QString toString() const;
    };

    /// The first difference, fields in SandboxConfig's order; nullopt when the configs run
    /// the same.
    static std::optional<Difference> first(const swaptier::SandboxConfig& left, const swaptier::SandboxConfig& right);
};

} // namespace swaptier::services
