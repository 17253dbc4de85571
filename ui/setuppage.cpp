// SPDX-License-Identifier: GPL-3.0-or-later
// SetupPage (setuppage.h).
#include "setuppage.h"

#include "configchange.h"
#include "editors/cgrouppolicyeditor.h"
#include "editors/deviceordereditor.h"
#include "editors/pooleditor.h"
#include "scenariorunner.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QSplitter>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

namespace swaptier::ui {

SetupPage::SetupPage(services::EngineHost* host, QUndoStack* undo, ConfigEditCommand::Submit submit, QWidget* parent)
    : QWidget(parent), m_host(host), m_undo(undo), m_submit(std::move(submit)), m_devices(new DeviceOrderEditor(this, this)),
      m_policy(new CgroupPolicyEditor(this, this)), m_pool(new PoolEditor(this, this)) {
    setObjectName(QStringLiteral("SetupPage"));
    auto* devicesBox = new QGroupBox(tr("Swapfiles and tiers"), this);
    auto* devicesLayout = new QVBoxLayout(devicesBox);
    devicesLayout->addWidget(m_devices, 3);
    auto* historyLabel = new QGroupBox(tr("Changes (select one to undo back to it)"), devicesBox);
    auto* historyLayout = new QVBoxLayout(historyLabel);
    auto* undoView = new QUndoView(m_undo, historyLabel);
    undoView->setEmptyLabel(tr("<started setup>"));
    undoView->setAccessibleName(tr("Changes made to the setup"));
    historyLayout->addWidget(undoView);
    devicesLayout->addWidget(historyLabel, 1);

    auto* policyBox = new QGroupBox(tr("Cgroup swap policy"), this);
    (new QVBoxLayout(policyBox))->addWidget(m_policy);
    auto* poolBox = new QGroupBox(tr("Compressed pool"), this);
    (new QVBoxLayout(poolBox))->addWidget(m_pool);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(policyBox);
    rightLayout->addWidget(poolBox);
    rightLayout->addStretch(1);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(devicesBox);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void SetupPage::setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    m_devices->setSnapshot(snapshot);
    m_policy->setSnapshot(snapshot);
    m_pool->setSnapshot(snapshot);
}

std::shared_ptr<const swaptier::SandboxConfig> SetupPage::editedConfig() const {
    return m_host->running() ? m_host->expectedConfig() : nullptr;
}

QString SetupPage::applyEdit(const std::vector<swaptier::SandboxAction>& actions, const QString& text,
                             const QString& target, const QString& mergeKey) {
    if (actions.empty())
        return {};
    auto config = editedConfig();
    if (!config)
        return tr("Nothing is running: start a scenario first.");
    // Each action against the setup as the ones before it leave it.
    auto working = std::make_shared<swaptier::SandboxConfig>(*config);
    std::vector<bool> active = m_host->deviceActive();
    std::vector<std::pair<swaptier::SandboxAction, swaptier::SandboxAction>> steps;
    for (const swaptier::SandboxAction& a : actions) {
        if (swaptier::Status valid = swaptier::validateSandboxAction(*working, a); !valid)
            return services::ScenarioRunner::sandboxErrorText(valid.error());
        auto back = services::ConfigChange::inverse(*working, a);
        if (!back)
            return tr("This change cannot be undone, so it is not made from here.");
        steps.emplace_back(a, *back);
        services::ConfigChange::apply(*working, active, a);
    }
    if (steps.size() == 1) {
        m_undo->push(new ConfigEditCommand(text, target, steps[0].first, steps[0].second, m_submit, mergeKey));
    } else {
        auto* macro = new QUndoCommand(text);
        // Undo runs the children backwards, so the inverses apply in reverse order.
        for (const auto& [forward, backward] : steps)
            new ConfigEditCommand(text, target, forward, backward, m_submit, QString(), macro);
        m_undo->push(macro);
    }
    return {};
}

} // namespace swaptier::ui
