// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxSummary: the readable text swaptierctl prints for sandbox runs: one report (counters,
// tiers, cgroups, design figures, swapoffs, what each action did) and the side-by-side
// comparison of the virtual and the classic design with a ratio column (the run, then each
// action), plus the swapoff-cost curve across sweep variants. The run-level figures of the
// comparison are also given as values (comparisonRows) for the desktop app's comparison view:
// they keep this class's translation context, so the printed table and the view share one name
// per figure.
#pragma once

#include "comparisonrow.h"

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
    /// The run-level figures of comparison()'s first table, in its order: time, the workload
    /// and its faults, disk traffic, disk reserved, metadata, and the swapoff cost when either
    /// run swapped a device off.
    static std::vector<ComparisonRow> comparisonRows(const swaptier::SandboxReport& virtualRun,
                                                     const swaptier::SandboxReport& classicRun);
    /// A figure as the tables print it: "1234", "12.5 MiB", "456 ms".
    static QString formatValue(ComparisonRow::Unit unit, quint64 value);
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
