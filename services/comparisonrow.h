// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonRow: one figure of a virtual-vs-classic comparison as values (name, both designs'
// figures, unit, ratio, which design did better), the rows that `swaptierctl compare` prints as
// its first table and the desktop app's comparison view charts and lists. They are computed
// from two reports by SandboxSummary::comparisonRows(), once, for every front end.
//
// Ratios are classic / virtual, as in the printed table: 3.0 reads "the classic design needed
// three times as much". Every figure compared is a cost or a workload count; none is a "more is
// better" figure.
//
// Plain value type: no thread affinity.
#pragma once

#include <QString>

#include <limits>

namespace swaptier::services {

struct ComparisonRow {
    enum class Unit : quint8 { Count, Bytes, Nanos };
    enum class Kind : quint8 {
        Cost,     ///< lower is better (time, pages written, disk reserved, page-table entries walked...)
        Workload, ///< the work itself (accesses, swap-outs): the same for both designs by construction
    };
    enum class Better : quint8 { Virtual, Classic, Same, NotRanked };

    QString key;                  ///< stable identifier ("wall_nanos", "swapoff_ptes_visited")
    QString name;                 ///< translated figure name ("wall time")
    QString description;          ///< translated sentence saying what the figure counts
    quint64 virtualValue = 0;
    quint64 classicValue = 0;
    Unit unit = Unit::Count;
    Kind kind = Kind::Cost;

    /// classic / virtual: 1 when both are 0, +infinity when only the virtual figure is 0.
    double ratio() const {
        if (virtualValue == 0)
            return classicValue == 0 ? 1.0 : std::numeric_limits<double>::infinity();
        return double(classicValue) / double(virtualValue);
    }
    /// The design with the lower cost; Same when equal; NotRanked for workload figures.
    Better better() const {
        if (kind == Kind::Workload)
            return Better::NotRanked;
        if (virtualValue == classicValue)
            return Better::Same;
        return virtualValue < classicValue ? Better::Virtual : Better::Classic;
    }
};

} // namespace swaptier::services
