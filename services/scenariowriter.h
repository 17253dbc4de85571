// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioWriter: a SandboxConfig as a scenario file (docs/scenario-format.md, "Saving"), the
// inverse of ScenarioParser, so that the desktop app can save what it opened or edited.
//
// What is written: one run, everything the format can say about it, in the documented order
// of tables; a key is left out where its value is the parser's default, so the file reads
// like a hand-written one. Names stand for indices (devices, cgroups, workloads, tiers), as
// the parser expects. Sizes are written "64M" when exact, else in bytes; durations "30s";
// progress points "50%"; limits of kNoLimit "max". A sweep is not written (a config is one
// variant of it), nor are comments beyond a first line naming the format.
//
// The contract: ScenarioParser reads the text back to a config that runs the same
// (SandboxConfigDiff finds no difference), with Options::deviceDir = Options::relativeTo and
// the file in Options::scenarioDir. The writer checks this itself: it parses what it wrote
// and compares, so a config the format cannot express (a duration below a millisecond, a
// parent cgroup listed after its child, an index out of range, a set-policy that changes
// nothing) or one the parser would refuse (a memory.max below 16 pages per thread, a gap
// between tiers, a content file that does not exist) gives an error value, never a file that
// loads differently. Not written, and not compared: run-time hooks (EngineOptions::env, the
// cancel and progress members of action options), DeviceOptions::removeFileOnClose (the
// sandbox sets it) and the cgroup ids inside WritebackOptions/RecompressOptions (the action's
// `cgroup` is what counts).
//
// Thread safety: every function is static and reentrant.
#pragma once

#include "swaptier/sandbox.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>
#include <variant>

namespace swaptier::services {

class ScenarioWriter {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioWriter)

public:
    struct Options {
        /// Device paths under this directory are written relative to it (a default
        /// "<name>.swap" there is left out), so a file saved from a run in a temporary device
        /// directory does not name that directory; load it back with
        /// ScenarioParser::Options::deviceDir. Others stay absolute. Empty: every device path
        /// is written absolute.
        QString relativeTo;
        /// The directory the text will be saved in: content files and traces under it are
        /// written relative to it, as the parser reads them; others stay absolute. Empty:
        /// written absolute. save() sets it to the directory of the file it writes.
        QString scenarioDir;
    };

    /// The UTF-8 text of a scenario file, or a translated message saying what cannot be
    /// written and where ("[[action]] 2 (writeback): ...").
    using Outcome = std::variant<QByteArray, QString>;

    /// `config` as a scenario named `name` (one line, not empty; config.name is not used) with
    /// the one-line `description` (may be empty). Relative paths in `config` are taken against
    /// the current directory, as the run would open them.
    static Outcome toToml(const swaptier::SandboxConfig& config, const QString& name, const QString& description,
                          const Options& options);

    /// Writes toToml()'s text to `path` atomically (QSaveFile: a temporary file renamed over
    /// the target, so an existing file is untouched unless the whole text was written). An
    /// existing target that is not a regular file (a device such as /dev/full, a pipe) is
    /// written directly: renaming over it would replace the device node. Returns nothing on
    /// success, else a translated message naming `path` and the reason (toToml()'s error, or
    /// the system's: "Permission denied", "No space left on device").
    static std::optional<QString> save(const QString& path, const swaptier::SandboxConfig& config, const QString& name,
                                       const QString& description, const Options& options);
};

} // namespace swaptier::services
