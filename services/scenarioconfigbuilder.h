// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioConfigBuilder: one parsed scenario document to one SandboxConfig. Internal to
// ScenarioParser, which runs it once per sweep value.
//
// A scenario names what it refers to (devices, cgroups, workloads); the builder resolves those
// names to the indices SandboxConfig uses, in file order, so a reference must follow what it
// names. Beyond the type and range of each value (TomlTable, scenariofields.h), it checks what
// only the whole document shows: keys that do not apply to a workload or action kind, duplicate
// names and swapfiles, tier ranges that overlap or leave a gap, and the sandbox's limits
// (threads, pages, memory.max per thread), which are checked here as well as in
// validateSandboxConfig() so that they get a file location.
#pragma once

#include "tomltable.h"

#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QString>

#include <cstdint>
#include <string_view>
#include <vector>

namespace swaptier::services::detail {

class ScenarioConfigBuilder {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    explicit ScenarioConfigBuilder(ParseContext& ctx) : m_ctx(ctx) {}

    /// Converts `doc` into `c` and its name and description; false after recording the first
    /// error in the context.
    bool build(const toml::table& doc, SandboxConfig& c, QString& name, QString& description);

private:
    struct Definition {
        int index = 0;
        int line = 0;
    };
    using Names = QHash<QString, Definition>;

    bool readFormat(const TomlTable& top);
    bool readContent(const TomlTable& top, SandboxConfig& c);
    bool readPromotion(const TomlTable& top, SandboxConfig& c);
    /// [maintenance]: Engine::maintain() every `every_rounds` rounds, with its MaintenancePolicy.
    bool readMaintenance(const TomlTable& top, SandboxConfig& c);
    /// Reads the "name" of an entry, which must be new among `names`; `duplicate` is the message
    /// for a name used twice, with %1 = the name and %2 = the line of its first use. With a
    /// `pattern`, the whole name must match it, else `invalid` (%1 = the name) is the error.
    bool readName(const TomlTable& t, const Names& names, const QString& duplicate, QString& name,
                  const QRegularExpression* pattern = nullptr, const QString& invalid = {});
    static int lineOf(const TomlTable& t, std::string_view key);
    bool readDevices(const TomlTable& top, SandboxConfig& c);
    bool readTiers(const TomlTable& top, SandboxConfig& c);
    /// The [[tier]] ranges must tile -1..32767 (TierTable::make's rule), checked here so that
    /// an overlap or a gap points at the key to change. REQUIRES: every range valid on its own.
    bool checkTierRanges(const SandboxConfig& c);
    bool readCgroups(const TomlTable& top, SandboxConfig& c);
    bool readWorkloads(const TomlTable& top, SandboxConfig& c);
    /// A memory.max must leave 16 pages to every thread of the workloads below it, or the
    /// sandbox would thrash without progress (the same rule as validateSandboxConfig()).
    bool checkMemoryLimits(const SandboxConfig& c);
    /// The [[action]] tables, through ScenarioActionReader (scenarioactionreader.h).
    bool readActions(const TomlTable& top, SandboxConfig& c);

    ParseContext& m_ctx;
    Names m_devices;
    Names m_cgroups;
    Names m_tiers;
    std::vector<const toml::table*> m_tierTables;   ///< per tier of SandboxConfig::tiers: its [[tier]]
    std::vector<toml::source_region> m_memoryMaxAt; ///< per cgroup: where its memory_max is (or its table)
    std::uint64_t m_threads = 0;                    ///< threads of the workloads read so far
};

} // namespace swaptier::services::detail
