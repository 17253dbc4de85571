// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxSummary: the readable text swaptierctl prints for sandbox runs: one report (counters,
// tiers, cgroups, design figures, swapoffs, what each action did) and the side-by-side
// comparison of the virtual and the classic design with a ratio column (the run, then each
// action), plus the swapoff-cost curve across sweep variants.
#pragma once

#include <QCoreApplication>
#include <QString>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <tuple>
#include <vector>
#endif

namespace swaptier::services {

class SandboxSummary {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::SandboxSummary)

public:
    /// Everything about one run; `title` is the first line ("usemem-16 (virtual)").
    static QString report(const QString& title, const swaptier::SandboxReport& report);
    /// The metric-by-metric table of one variant run in both designs, then one table per action
    /// (the n-th action of one run against the n-th of the other: the same config runs the same
    /// actions in the same order).
    static QString comparison(const QString& title, const swaptier::SandboxReport& virtualRun,
                              const swaptier::SandboxReport& classicRun);
    /// Swapoff cost per variant in both designs (empty when no run swapped a device off).
    static QString swapoffCurve(
        const std::vector<std::tuple<QString, swaptier::SandboxReport, swaptier::SandboxReport>>& variants);
    /// "1.23 s", "456 ms", "78.9 us".
    static QString formatNanos(quint64 nanos);
    /// The table of a run's actions, with a line per failed action; empty without actions.
    static QString actions(const std::vector<swaptier::ActionFigures>& actions);
    /// One action in both designs; either may be null (that run has no such action).
    static QString actionComparison(int number, const swaptier::ActionFigures* virtualAction,
                                    const swaptier::ActionFigures* classicAction);
    /// A progress point: "start", "end", "50%".
    static QString formatAt(double at);
};

} // namespace swaptier::services
