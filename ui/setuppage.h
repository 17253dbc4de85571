// SPDX-License-Identifier: GPL-3.0-or-later
// SetupPage: the "Setup" tab, where the admin changes the running swap setup: the order and
// priorities of the swapfiles (DeviceOrderEditor), a cgroup's swap policy
// (CgroupPolicyEditor) and the compressed pool (PoolEditor). It is their EditSink: an edit is
// checked against the running setup with the engine's own validation (validateSandboxAction),
// its inverse is read from the setup as it will be (EngineHost::expectedConfig), and it is
// pushed on the window's undo stack as a ConfigEditCommand, whose redo submits it to the run
// (and so to the action log). Undo and redo therefore work through the engine too.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "editors/configeditcommand.h"
#include "editors/editsink.h"
#include "enginehost.h"

#include <memory>
#endif

class QUndoStack;

namespace swaptier::ui {

class CgroupPolicyEditor;
class DeviceOrderEditor;
class PoolEditor;

class SetupPage : public QWidget, public EditSink {
    Q_OBJECT

public:
    /// `submit` sends an action to the run and logs it (MainWindow::runAction).
    SetupPage(services::EngineHost* host, QUndoStack* undo, ConfigEditCommand::Submit submit,
              QWidget* parent = nullptr);

    void setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);

    std::shared_ptr<const swaptier::SandboxConfig> editedConfig() const override;
    QString applyEdit(const std::vector<swaptier::SandboxAction>& actions, const QString& text,
                      const QString& target, const QString& mergeKey) override;

    DeviceOrderEditor* deviceEditor() const { return m_devices; }
    CgroupPolicyEditor* policyEditor() const { return m_policy; }
    PoolEditor* poolEditor() const { return m_pool; }

private:
    services::EngineHost* m_host;
    QUndoStack* m_undo;
    ConfigEditCommand::Submit m_submit;
    DeviceOrderEditor* m_devices;
    CgroupPolicyEditor* m_policy;
    PoolEditor* m_pool;
};

} // namespace swaptier::ui
