// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioFields: the values of scenario tables that need more than TomlTable's getters: a
// pool table, a codec, durations in nanoseconds, a write budget, lists of tier names and
// references to the devices and cgroups of the scenario, and the options of a swapfile (a
// [[device]] table or an add-device action). Internal to ScenarioParser.
//
// Shared by the document's conversion (scenarioconfigbuilder.h) and the action reader
// (scenarioactionreader.h), which also reads the `swaptierctl --action` options: a value is
// checked by the same code, with the same words, wherever it is written. References resolve
// against the SandboxConfig built so far (its deviceNames, cgroups and tiers), so a reference
// must follow what it names, and an --action resolves against the finished scenario.
#pragma once

#include "tomltable.h"

#include "swaptier/sandbox.h"

#include <QCoreApplication>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace swaptier::services::detail {

class ScenarioFields {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    /// The keys `known` of a pool table ([pool], or the pool of a set-pool action) into `pool`;
    /// detect_zero_pages is read only when `detectZeroPages` is given.
    static bool pool(const TomlTable& t, Keys known, PoolOptions& pool, bool* detectZeroPages);
    /// A codec that compresses: "lz4", "zstd" or "lzo" ("raw" is none). `purpose` completes
    /// "... in [table]: %1 with": "a pool compresses", "recompression stores pages".
    static bool codec(const TomlTable& t, std::string_view key, Codec& out, const QString& purpose);
    /// A zstd level, ZSTD_minCLevel() .. ZSTD_maxCLevel().
    static bool zstdLevel(const TomlTable& t, std::string_view key, int& out);
    /// A duration (TomlTable::duration) in nanoseconds.
    static bool durationNanos(const TomlTable& t, std::string_view key, std::uint64_t& out);
    /// Bytes per hour: a size, optionally followed by "/h" ("1G", "512M/h"), or "max" (no budget,
    /// kUnlimited).
    static bool bytesPerHour(const TomlTable& t, std::string_view key, std::uint64_t& out);
    /// An array of tier names: each a [[tier]] of `c` (or "default" when it has none), each
    /// once; an empty array only with `allowEmpty`. Absent: `out` is left as it is.
    static bool tierNames(const TomlTable& t, std::string_view key, const SandboxConfig& c, bool allowEmpty,
                          std::vector<std::string>& out);
    /// A cgroup of `c` by name: "/" is the root, and a leading '/' may be added to any name
    /// ("/batch" names "batch"). Absent: `index` is left as it is.
    static bool cgroupRef(const TomlTable& t, std::string_view key, const SandboxConfig& c, int& index);
    /// A device of `c` by name: one of SandboxConfig::deviceNames, or the name of an
    /// add-device action of c.actions (the j-th one is device devices.size() + j, as
    /// SandboxAction says). Absent: `index` is left as it is.
    static bool deviceRef(const TomlTable& t, std::string_view key, const SandboxConfig& c, int& index);
    /// The named devices of `c` with their indices: deviceNames, then the named add-device
    /// actions of c.actions.
    static QList<std::pair<QString, int>> deviceNames(const SandboxConfig& c);
    /// The swapfile keys of a [[device]] table or an add-device action (path, size,
    /// priority, discard, io, preallocate, write_behind) into `d`. `name` is the device's
    /// name (the default path is "<name>.swap"; empty: a path is required); a relative path
    /// is taken in the device directory (ParseContext::deviceDir), which must then be given.
    static bool device(const TomlTable& t, const QString& name, DeviceOptions& d);
    /// ", did you mean 'x'?" when `given` is a likely misspelling of one of `names`, else "".
    static QString suggestion(const QString& given, const QStringList& names);
};

} // namespace swaptier::services::detail
