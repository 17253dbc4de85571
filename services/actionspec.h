// SPDX-License-Identifier: GPL-3.0-or-later
// ActionSpec: the --action option of `swaptierctl run` and `compare`, which adds an action to a
// scenario from the command line: a kind followed by KEY=VALUE words with the keys of an
// [[action]] table (docs/scenario-format.md), such as
//     writeback cgroup=/batch at=50% max_pages=4096
//     set-policy cgroup=/batch zswap_max=16M at=0.3
//     compact-pool
//     add-device name=extra path=extra.swap size=64M priority=5
//
// Grammar:
//   SPEC  := [KIND] (WORD)*            words separated by spaces; KIND is a word without '='
//   WORD  := KEY '=' VALUE             KEY as in the file; '-' may stand for '_' (max-pages)
//   VALUE := true | false | a number | a TOML string, array or inline table
//          | any other text, taken as a string ("64M", "30s", "50%", "/batch", "max")
// A VALUE may hold spaces inside quotes, [...] or {...}. The values of name keys (kind, device,
// cgroup, codec, name, path) are always strings, so `device=1` names the device "1". allowed_tiers also
// takes a comma-separated list ("fast,slow"; empty: every tier). A dotted KEY sets a key of a
// table: `set-pool pool.codec=zstd`.
//
// The words become a TOML table, one word per line, which ScenarioActionReader reads exactly
// as it reads an [[action]] of a file: same keys, ranges and messages, and the line of an error
// names the offending word. Names resolve against the scenario the option is added to, with
// the actions of the earlier options: `--action "add-device name=x size=64M" --action
// "swapoff device=x"` names the added device. A relative add-device path is taken in the
// device directory of the run.
//
// Thread safety: every function is static and reentrant.
#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace swaptier::services {

/// Why an --action could not be read.
struct ActionSpecError {
    QString spec;                 ///< the option's value
    QString word;                 ///< the offending word; empty when the spec as a whole is wrong
    QString message;              ///< translated: what is wrong and what is expected

    /// "invalid --action "SPEC": at 'WORD': message" (without "at" when no word is to blame).
    QString toString() const;
};

class ActionSpec {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ActionSpec)

public:
    using Outcome = std::variant<swaptier::SandboxAction, ActionSpecError>;

    /// Reads one --action value; devices, cgroups and tiers are names of `config` (devices of
    /// its add-device actions included), and a set-pool or set-promotion starts from its
    /// [pool] or [promotion]. `deviceDir` anchors a relative add-device path (empty: such a
    /// path is an error).
    static Outcome parse(const QString& spec, const swaptier::SandboxConfig& config,
                         const QString& deviceDir = QString());

    /// Appends the actions of `specs`, in order, to every variant of `scenario`, after the
    /// scenario's own actions; each spec resolves names against the scenario with the
    /// actions of the specs before it. Returns the first error (and then leaves `scenario` as
    /// it was).
    static std::optional<ActionSpecError> addTo(LoadedScenario& scenario, const QStringList& specs,
                                                const QString& deviceDir = QString());

    /// The grammar and an example, for the commands' --help (translated).
    static QString helpText();
};

} // namespace swaptier::services
