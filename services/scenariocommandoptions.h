// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioCommandOptions: the options every scenario-running command of swaptierctl shares
// (run, compare, metrics): --design, --seed, --device-dir, --variant, -q, optionally the
// repeatable --action (actionspec.h), and the steps after parsing them: check the values, make
// the device directory, load the scenario (its file:line:column error ends the command with
// CliApp::ExitUsage), pick the variant, add the --action actions (an invalid one ends the
// command with CliApp::ExitUsage too: nothing runs).
#pragma once

#include "commandsupport.h"
#include "progressreporter.h"

#include <QCommandLineOption>
#include <QCoreApplication>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace swaptier::services {

class ScenarioCommandOptions {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioCommandOptions)

public:
    /// withDesign: offer --design (compare runs both designs and has none); withActions: offer
    /// --action.
    explicit ScenarioCommandOptions(bool withDesign, bool withActions = false);
    void addTo(QCommandLineParser& parser) const;

    /// After a successful parse: checks the values, prepares the device directory, loads the
    /// scenario named by `scenarioArgument`, keeps the --variant. Returns the exit code to end
    /// the command with (after printing why), or nullopt when everything is ready.
    std::optional<int> prepare(const QCommandLineParser& parser, const QString& scenarioArgument, QTextStream& err,
                               const QString& program, const QString& command);

    std::optional<swaptier::SwapDesign> design;  ///< --design, if given
    std::optional<quint64> seed;                 ///< --seed, if given
    ProgressReporter::Style progress = ProgressReporter::Style::Lines;
    CommandSupport::DeviceDirectory devices;
    LoadedScenario scenario;

private:
    bool m_withDesign;
    bool m_withActions;
    QCommandLineOption m_design, m_seed, m_deviceDir, m_variant, m_quiet, m_action;
};

} // namespace swaptier::services
