// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioActionReader: one action of a scenario (an [[action]] table of the file, or an
// --action option of swaptierctl turned into a table by ActionSpec) to a SandboxAction.
// Internal to ScenarioParser and ActionSpec.
//
// Both forms go through this one reader, so the file and the command line accept the same
// keys, with the same ranges and the same error messages; only the label of the table differs
// ("[[action]]" or "--action"). An action names devices, cgroups and tiers of the scenario; the
// reader resolves them against the SandboxConfig it is given, which is the config built so far
// for a file and the finished config for an option.
#pragma once

#include "tomltable.h"

#include "swaptier/sandbox.h"

#include <QCoreApplication>

namespace swaptier::services::detail {

class ScenarioActionReader {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    /// `config` holds what an action may name (devices, cgroups, tiers) and the values that a
    /// set-pool and a set-promotion start from ([pool] and [promotion]). It must outlive the reader.
    explicit ScenarioActionReader(const SandboxConfig& config) : m_config(config) {}

    /// Reads one action table; false after recording the first error in the table's context.
    bool read(const TomlTable& t, SandboxAction& a) const;

private:
    /// "at": "start", "end", "50%", or a number in [0, 1]; absent = "end".
    static bool readAt(const TomlTable& t, double& at);
    bool readPool(const TomlTable& t, SandboxAction& a) const;
    bool readWriteback(const TomlTable& t, SandboxAction& a) const;
    bool readPolicy(const TomlTable& t, SandboxAction& a) const;
    bool readRecompress(const TomlTable& t, SandboxAction& a) const;
    bool readPromotion(const TomlTable& t, SandboxAction& a) const;
    /// add-device: the keys of a [[device]] table; the name is optional here (no name: a path
    /// is required and the device cannot be named by later actions), and the name and the
    /// swapfile must be new among the scenario's devices and earlier add-device actions.
    bool readNewDevice(const TomlTable& t, SandboxAction& a) const;
    /// A device named by an action must exist when it runs: an added one must be added by an
    /// earlier add-device action at the same progress point or before (sandbox.h).
    bool deviceExistsAt(const TomlTable& t, const SandboxAction& a) const;
    /// Fails at the table unless at least one of `keys` is given (an action that changes nothing).
    static bool requireOneOf(const TomlTable& t, Keys keys, const QString& kind);

    const SandboxConfig& m_config;
};

} // namespace swaptier::services::detail
