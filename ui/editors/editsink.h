// SPDX-License-Identifier: GPL-3.0-or-later
// EditSink: where the setup editors send an edit. The setup page implements it: it checks the
// actions against the running setup (the engine's own validation), computes their inverses
// and pushes one undoable command. The editors know nothing of the host or the undo stack,
// which keeps them testable alone.
#pragma once

#include <QString>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <memory>
#include <vector>
#endif

namespace swaptier::ui {

class EditSink {
public:
    virtual ~EditSink() = default;

    /// The setup the editors show and edit: the run's config with the edits already queued
    /// applied; null when nothing runs.
    virtual std::shared_ptr<const swaptier::SandboxConfig> editedConfig() const = 0;

    /// Applies `actions` as one undoable edit named `text` (for the Edit menu: "Set priority of
    /// fast.swap to 5"), logged under `target`. Returns an empty string when submitted, else a
    /// translated sentence saying why not (for the editor to show next to the field).
    /// Edits with the same non-empty `mergeKey` in a row merge into one undo step.
    virtual QString applyEdit(const std::vector<swaptier::SandboxAction>& actions, const QString& text,
                              const QString& target, const QString& mergeKey) = 0;
};

} // namespace swaptier::ui
