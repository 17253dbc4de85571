// SPDX-License-Identifier: GPL-3.0-or-later
// Scenarios: sandbox runs described in a TOML file (docs/scenario-format.md) and the parser
// that turns such a file into swaptier::SandboxConfig values, one per sweep value.
//
// A scenario names everything it refers to (devices, cgroups, workloads), so a file reads like
// the setup it describes; the parser resolves the names to the indices SandboxConfig uses and
// checks every value it converts. It only builds configs: nothing is created, started or
// written, whatever the file says. Every error points at the offending value (file, line and
// column, 1-based) and says what was expected, so a user can fix a file without the docs open.
//
// Built-in scenarios live in the Qt resources under ":/scenarios/NAME.toml"
// (resources/scenarios/ in the source tree); load() takes their NAME as well as a path.
//
// Thread safety: every function is static and reentrant.
#pragma once

#include "swaptier/sandbox.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <variant>
#include <vector>

namespace swaptier::services {

/// Why a scenario could not be loaded, with the location of the offending value.
struct ScenarioError {
    QString file;                 ///< the path or resource path given
    int line = 0;                 ///< 1-based; 0 when unknown (unreadable file, missing built-in)
    int column = 0;               ///< 1-based; 0 when unknown
    QString message;              ///< translated: what is wrong and what is expected

    /// "file:line:column: message", or "file: message" without a line (the compiler form, so
    /// editors can jump to it).
    QString toString() const;
};

/// One run of a scenario: the whole scenario, or the scenario with one sweep value applied.
struct ScenarioVariant {
    QString label;                ///< "" without a sweep; "mapped=48M" with one (sweep label=value)
    swaptier::SandboxConfig config;
};

struct LoadedScenario {
    QString source;               ///< the path given, or ":/scenarios/NAME.toml" for a built-in
    QString name;
    QString description;          ///< one line; may be empty
    QString sweepKey;             ///< "workload.mapper.size"; empty without a sweep
    QString sweepLabel;           ///< "mapped"; empty without a sweep
    std::vector<ScenarioVariant> variants; ///< at least one; one per sweep value, in file order
};

class ScenarioParser {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    struct Options {
        /// Directory for relative device paths (and default "<name>.swap" paths). Required
        /// when any device path is relative; made absolute against the current directory.
        QString deviceDir;
    };
    using Outcome = std::variant<LoadedScenario, ScenarioError>;

    /// Parses scenario text. `fileName` is used in errors and as LoadedScenario::source, and
    /// its directory anchors relative content and trace paths.
    static Outcome parse(const QByteArray& text, const QString& fileName, const Options& options);

    /// Loads a scenario file, or a built-in: a name without '/' that is not an existing file
    /// ("usemem" or "usemem.toml") is read from ":/scenarios/<name>.toml".
    static Outcome load(const QString& pathOrBuiltin, const Options& options);

    struct Builtin {
        QString name;             ///< what load() takes: "usemem"
        QString description;      ///< the file's one-line description
    };
    /// The built-in scenarios, sorted by name, read from the resources.
    static std::vector<Builtin> builtins();
};

} // namespace swaptier::services
