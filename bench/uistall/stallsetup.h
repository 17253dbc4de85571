// SPDX-License-Identifier: GPL-3.0-or-later
// The setup bench_uistall measures the desktop app with (issue #5): 500 cgroups in a three-level
// tree (the root, 9 tenants, 5 services per tenant, 445 jobs spread over the services), several
// swapfiles in two tiers and a compressed pool. The synthetic snapshots (syntheticsource.h) and
// the real sandbox run (a scenario file written from realConfig()) share the tree, so the views
// see the same rows in both modes.
//
// Why mostly zero pages in the real run: a zero page goes to the zero backend as descriptor
// state only (no codec, no I/O), so a million swapped entries cost the sandbox about a
// microsecond each, and the run fits the two-vCPU machine's time budget while the engine still
// works in its threads. A few text and random pages keep the pool and the swapfiles busy.
//
// Thread safety: plain functions of their arguments.
#pragma once

#include "swaptier/sandbox.h"

#include <cstdint>
#include <string>
#include <vector>

namespace swaptier::bench::uistall {

inline constexpr int kTenants = 9;
inline constexpr int kServicesPerTenant = 5;
inline constexpr int kJobs = 445;
/// The root, the tenants, the services and the jobs.
inline constexpr int kCgroups = 1 + kTenants + kTenants * kServicesPerTenant + kJobs;
static_assert(kCgroups == 500);

/// Adds the tree to `config.cgroups` (which must be empty): "/" first, then "tenant-N",
/// "tenant-N/service-M", "tenant-N/service-M/job-K" (parents before children). Every job has
/// memory.max `jobMemoryMax` bytes; the others have no limit.
void addCgroupTree(SandboxConfig& config, std::uint64_t jobMemoryMax);

/// Indices in `config.cgroups` of the jobs (the leaves), in order.
std::vector<int> jobCgroups(const SandboxConfig& config);

/// The synthetic mode's setup: the tree, an lz4 pool capped at 512 MiB, four swapfiles of
/// 1, 2, 4 and 4 GiB with priorities 100, 10, 5, 5 in tiers "fast" (10 and up) and "slow".
SandboxConfig syntheticConfig();

/// The real mode's run: the tree (jobs with memory.max 256 KiB), one sequential workload of
/// `pagesPerJob` pages (one thread, three passes: the later two swap every page in and out
/// again) in every job, pages 96% zero, 3% text, 1%
/// random; an lz4 pool capped at 48 MiB; swapfiles "ssd" (256 MiB, priority 10, tier "fast")
/// and "hdd" (512 MiB, priority 5, tier "slow") in `deviceDir`. A wall-clock cap of
/// `durationMs` ends it in any case.
SandboxConfig realConfig(const std::string& deviceDir, std::uint64_t pagesPerJob, std::uint64_t durationMs);

} // namespace swaptier::bench::uistall
