// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigEditCommand (configeditcommand.h).
#include "editors/configeditcommand.h"

namespace swaptier::ui {

ConfigEditCommand::ConfigEditCommand(const QString& text, const QString& target, swaptier::SandboxAction forward,
                                     swaptier::SandboxAction backward, Submit submit, QString mergeKey,
                                     QUndoCommand* parent)
    : QUndoCommand(text, parent), m_target(target), m_forward(std::move(forward)), m_backward(std::move(backward)),
      m_submit(std::move(submit)), m_mergeKey(std::move(mergeKey)) {}

void ConfigEditCommand::redo() {
    if (m_submit)
        m_submit(m_forward, m_target);
}

void ConfigEditCommand::undo() {
    if (m_submit)
        m_submit(m_backward, m_target);
}

bool ConfigEditCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const ConfigEditCommand*>(other);
    if (!next || m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey)
        return false;
    m_forward = next->m_forward; // undo still goes back to the value before the first edit
    setText(next->text());
    return true;
}

} // namespace swaptier::ui
