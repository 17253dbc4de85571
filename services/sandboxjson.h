// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxJson: a sandbox run (SandboxReport) and a virtual-vs-classic comparison as JSON, the
// machine-readable output of `swaptierctl run --json` and `swaptierctl compare --json`.
//
// Format (kReportFormatVersion = 1). Keys are snake_case; a unit is in the key where it helps
// (`_bytes`, `_nanos`, `_pages`). A run:
//   {"format":1, "kind":"run", "design":"virtual"|"classic", "scenario":{...caller's...},
//    "name", "seed", "rounds", "cut_short", "cancelled", "samples", "leaked_entries",
//    "counters":{...}, "workloads":[...], "final":{sample}, "figures":{...}, "swapoffs":[...],
//    "actions":[{"kind", "at", "device", "pages_moved", "pages_written", "write_calls", "ptes_visited",
//                "bytes_reclaimed", "disk_reserved_before_bytes", "disk_reserved_after_bytes",
//                "nanos", "cpu_nanos", "error": null | {error}}],
//    "engine":{StatsReport::toJsonObject(), the engine's own statistics}, "mix_classes":[...],
//    "first_store_error": null | {"code", "message", "os_error", "slot", "device", "path", "offset"}}
// "actions" lists every action the run executed (swapoffs too), in order; "kind" is the action's
// name in scenario files ("writeback", "set-policy", ...) and "at" its progress point in [0, 1];
// "device" is the index of the device it named or, for "add-device", created (null: none, or
// the add failed). A sample's "tiers" are TierUsage rows: {"name", "backend", "device", "tier",
// "entries", "original_bytes", "stored_bytes", "capacity_bytes", "path" (devices; null for the
// others), "swapped_off", "pages_in", "pages_out"}; "name" of a device is its display name,
// "pages_in" / "pages_out" count pages loaded from / stored into the place since the run
// began (rates: the difference between two samples over their "elapsed_nanos"). A sample's
// "cgroups" are CgroupUsage rows: {"name", "memory_max_bytes", "resident_pages",
// "peak_resident_pages", "swapped_pages":{backend: pages}, "swapped_pages_total",
// "device_entries", "pool_stored_bytes", "counters"}; "device_entries" lists the cgroup's
// pages on each swapfile by device index (the "device" of the tier rows, swapped-off ones
// included with 0), so a tier's share of a cgroup is the sum over the tier's devices.
// A comparison:
//   {"format":1, "kind":"compare", "scenario":{...},
//    "variants":[{"label", "virtual":run, "classic":run, "differences":{figure:{...}}}]}
// The runs inside a comparison carry no "scenario" (it is at the top). Each entry of
// "differences" is {"virtual", "classic", "virtual_minus_classic", "virtual_to_classic"} (the
// ratio is null when the classic figure is 0).
//
// Numbers: 64-bit counters are written as JSON integers, exact in the file up to 2^63 - 1
// (larger values, which no real counter reaches, are written as doubles). Readers that parse
// numbers as IEEE doubles (JavaScript, Python's json with floats, jq before 1.7) are exact only
// up to 2^53 (9.0e15: 104 days of nanoseconds, 32 PiB of bytes). "No limit" (kNoLimit for
// cgroup limits, 0 for a tier's capacity) is written as null, never as a huge number. A tier
// that is not a swapfile has "device": null; facts an error does not carry are null.
//
// The key set is pinned by tests/services/golden/*-structure.json: adding, removing or retyping
// a key changes the format, which must then bump kReportFormatVersion when readers could break.
#pragma once

#include "swaptier/sandbox.h"

#include <QJsonObject>
#include <QString>

#include <tuple>
#include <vector>

namespace swaptier::services {

class SandboxJson {
public:
    static constexpr int kReportFormatVersion = 1;

    /// The run object; `scenario` ({name, source, variant}, given by the caller) goes in as is.
    static QJsonObject report(const swaptier::SandboxReport& report, const QJsonObject& scenario);
    static QJsonObject sample(const swaptier::SandboxSample& sample);
    static QJsonObject counters(const swaptier::SandboxCounters& counters);
    static QJsonObject figures(const swaptier::DesignFigures& figures);

    /// The same scenario run on both designs, once per variant: (label, virtual run, classic run).
    static QJsonObject comparison(
        const QJsonObject& scenario,
        const std::vector<std::tuple<QString, swaptier::SandboxReport, swaptier::SandboxReport>>& variants);

    /// Stable name of a design in the JSON ("virtual", "classic").
    static QString designName(swaptier::SwapDesign design);
    /// Stable name of an action kind, as scenario files and --action spell it ("writeback").
    static QString actionKindName(swaptier::SandboxAction::Kind kind);
    static QJsonObject action(const swaptier::ActionFigures& action);
};

} // namespace swaptier::services
