// SPDX-License-Identifier: GPL-3.0-or-later
// The keys of each table of a scenario file, in the order of docs/scenario-format.md.
// Internal to ScenarioParser.
//
// One list per table, shared by the conversion (scenarioconfigbuilder.h), which rejects any
// other key, and the sweep (scenariosweep.h), which may only vary a key that the conversion
// reads: a key added here is accepted by both.
#pragma once

#include <string_view>

namespace swaptier::services::detail {

inline constexpr std::string_view kTopKeys[] = {"format",        "name",           "description",  "seed",
                                                "design",        "duration",       "sample_interval",
                                                "reclaim_batch", "round_accesses", "verify_pages", "pool",
                                                "content",       "promotion",      "maintenance",  "device",
                                                "tier",          "cgroup",         "workload",     "action",
                                                "sweep"};
// The top-level keys a sweep may vary (format, name and the tables may not).
inline constexpr std::string_view kTopSweepKeys[] = {"description",     "seed",          "design",
                                                     "duration",        "sample_interval", "reclaim_batch",
                                                     "round_accesses", "verify_pages"};
inline constexpr std::string_view kPoolKeys[] = {"enabled",          "codec",
                                                 "zstd_level",       "limit",
                                                 "accept_threshold", "max_pages_per_zspage",
                                                 "detect_zero_pages"};
inline constexpr std::string_view kActionPoolKeys[] = {"enabled",          "codec",
                                                       "zstd_level",       "limit",
                                                       "accept_threshold", "max_pages_per_zspage"};
inline constexpr std::string_view kContentKeys[] = {"mix", "files"};
inline constexpr std::string_view kPromotionKeys[] = {"device_to_pool", "device_to_faster_tier", "min_loads"};
inline constexpr std::string_view kMaintenanceKeys[] = {"every_rounds",     "idle_writeback",   "recompress_after",
                                                        "recompress_codec", "recompress_level", "write_budget",
                                                        "compressed_writeback"};
inline constexpr std::string_view kDeviceKeys[] = {"name", "path",    "size",       "priority",
                                                   "discard", "io", "preallocate", "write_behind"};
inline constexpr std::string_view kTierKeys[] = {"name", "min_priority", "max_priority"};
inline constexpr std::string_view kCgroupKeys[] = {"name",      "parent",          "memory_max",   "swap_max",
                                                   "zswap_max", "zswap_writeback", "allowed_tiers"};
inline constexpr std::string_view kWorkloadKeys[] = {
    "name",       "kind",         "cgroup",         "threads",      "size",  "accesses",
    "passes",     "write_fraction", "zipf_theta",   "phases",       "phase_window",
    "fork_every", "child_accesses", "max_children", "trace",        "start_round", "mix"};
// Every key an action may have; which kind takes which is in scenarioconfigbuilder.cpp.
inline constexpr std::string_view kActionKeys[] = {
    "at",        "kind",          "device",          "priority",      "pool",       "cgroup",
    "max_pages", "max_pool_bytes", "max_write_bytes", "min_idle",      "second_chance", "compressed",
    "batch_pages", "swap_max",    "zswap_max",       "zswap_writeback", "allowed_tiers", "codec",
    "zstd_level", "device_to_pool", "device_to_faster_tier", "min_loads", "name",         "path",
    "size",       "discard",       "io",              "preallocate",   "write_behind"};
inline constexpr std::string_view kSweepKeys[] = {"key", "values", "label"};
inline constexpr std::string_view kMixKeys[] = {"zero", "text", "binary", "random", "heap"};

} // namespace swaptier::services::detail
