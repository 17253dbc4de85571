// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigEditCommand: one undoable change of the running setup (a priority, a cgroup's policy,
// the pool) for the window's QUndoStack. Redo submits the change as a sandbox action; undo
// submits the inverse action computed when the edit was made (ConfigChange::inverse, against
// the setup as it will be once the edits already queued have run), so undo and redo go
// through the engine exactly like the edit did, with the same checks, and show in the action
// log. A drag that re-ranks several devices is one command with a child per device.
//
// Consecutive edits of the same field (spinning a priority up step by step) merge into one
// command, so one undo puts back the value before the first step.
#pragma once

#include <QString>
#include <QUndoCommand>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <functional>
#endif

namespace swaptier::ui {

class ConfigEditCommand : public QUndoCommand {
public:
    /// Submits an action and logs it under a target name; returns its id (0: not submitted).
    using Submit = std::function<quint64(const swaptier::SandboxAction&, const QString& target)>;

    /// `mergeKey`: edits with the same non-empty key merge (e.g. "priority/2").
    ConfigEditCommand(const QString& text, const QString& target, swaptier::SandboxAction forward,
                      swaptier::SandboxAction backward, Submit submit, QString mergeKey = {},
                      QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 0x5357; }
    bool mergeWith(const QUndoCommand* other) override;

    const swaptier::SandboxAction& forward() const { return m_forward; }
    const swaptier::SandboxAction& backward() const { return m_backward; }

private:
    QString m_target;
    swaptier::SandboxAction m_forward;
    swaptier::SandboxAction m_backward;
    Submit m_submit;
    QString m_mergeKey;
};

} // namespace swaptier::ui
