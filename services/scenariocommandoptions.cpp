// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariocommandoptions.h"

#include "actionspec.h"
#include "cliapp.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <unistd.h>

namespace swaptier::services {

ScenarioCommandOptions::ScenarioCommandOptions(bool withDesign, bool withActions)
    : m_withDesign(withDesign),
      m_withActions(withActions),
      m_design(QStringLiteral("design"), tr("Swap design: virtual or classic (default: the scenario's)."), tr("name")),
      m_seed(QStringLiteral("seed"), tr("Seed of the workload (default: the scenario's)."), tr("n")),
      m_deviceDir(QStringLiteral("device-dir"),
                  tr("Directory for the scenario's swapfiles (default: a temporary directory)."), tr("dir")),
      m_variant(QStringLiteral("variant"),
                tr("Run only this variant of a sweep (its label, e.g. \"mapped=48M\" or \"48M\")."), tr("label")),
      m_quiet({QStringLiteral("q"), QStringLiteral("quiet")}, tr("No progress on stderr.")),
      m_action(QStringLiteral("action"),
               tr("Add an action to the scenario, such as \"writeback cgroup=/batch at=50% max_pages=4096\" "
                  "(repeatable; see above)."),
               tr("spec")) {}

void ScenarioCommandOptions::addTo(QCommandLineParser& parser) const {
    if (m_withDesign)
        parser.addOption(m_design);
    parser.addOptions({m_seed, m_deviceDir, m_variant, m_quiet});
    if (m_withActions)
        parser.addOption(m_action);
}

std::optional<int> ScenarioCommandOptions::prepare(const QCommandLineParser& parser, const QString& scenarioArgument,
                                                   QTextStream& err, const QString& program, const QString& command) {
    if (m_withDesign && parser.isSet(m_design)) {
        const QString name = parser.value(m_design);
        if (name == u"virtual")
            design = SwapDesign::Virtual;
        else if (name == u"classic")
            design = SwapDesign::Classic;
        else
            return CommandSupport::usage(err, program, command,
                                         tr("unknown design \"%1\"; use virtual or classic.").arg(name));
    }
    if (parser.isSet(m_seed)) {
        bool ok = false;
        seed = parser.value(m_seed).toULongLong(&ok, 0);
        if (!ok)
            return CommandSupport::usage(err, program, command,
                                         tr("--seed needs a whole number, not \"%1\".").arg(parser.value(m_seed)));
    }
    progress = parser.isSet(m_quiet) ? ProgressReporter::Style::Quiet : ProgressReporter::styleFor(STDERR_FILENO);
    QString error;
    auto dir = CommandSupport::deviceDirectory(parser.value(m_deviceDir), &error);
    if (!dir)
        return CommandSupport::failure(err, program, command, error);
    devices = std::move(*dir);
    auto loaded = CommandSupport::loadScenario(err, program, command, scenarioArgument, devices.path);
    if (!loaded)
        return int(CliApp::ExitUsage);
    scenario = std::move(*loaded);
    if (!CommandSupport::selectVariant(scenario, parser.value(m_variant)))
        return CommandSupport::usage(err, program, command,
                                     tr("the scenario has no variant \"%1\".").arg(parser.value(m_variant)));
    if (m_withActions)
        if (const auto invalid = ActionSpec::addTo(scenario, parser.values(m_action), devices.path))
            return CommandSupport::usage(err, program, command, invalid->toString());
    return std::nullopt;
}

} // namespace swaptier::services
