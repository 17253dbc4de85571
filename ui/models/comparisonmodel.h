// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonModel: the table of the "Classic vs virtual" view: one row per compared figure
// (ComparisonRow, the rows `swaptierctl compare` prints) with the virtual and the classic
// figure and the classic / virtual ratio. A thin adapter over a ComparisonResult: no state of
// its own but the result it shows.
//
// The design that did better on a cost is shown in bold; tooltips explain each figure, give
// exact values and say which design did better. Updates: a result with the same figures (same
// keys in the same order) gives one ranged dataChanged, other figures a model reset. SortRole
// gives raw numbers (the ratio as a double, +infinity when only the classic design paid).
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "comparisonrunner.h"

#include <memory>
#endif

namespace swaptier::ui {

class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Figure,   ///< the figure's translated name
        Virtual,  ///< its value in the virtual design, formatted with its unit
        Classic,  ///< its value in the classic design
        Ratio,    ///< classic / virtual ("3.00x", "=" when both are 0, "∞" when only virtual is 0)
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw number (or the name) for sorting
        RawValueRole,            ///< qulonglong for the values, double for the ratio, the name
        KeyRole,                 ///< ComparisonRow::key, any column
        BetterRole,              ///< int(ComparisonRow::Better), any column
    };

    explicit ComparisonModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const services::ComparisonResult> result);
    std::shared_ptr<const services::ComparisonResult> result() const { return m_result; }

    /// The ratio as the table shows it.
    static QString ratioText(const services::ComparisonRow& row);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant raw(const services::ComparisonRow& row, int column) const;
    QString valueToolTip(const services::ComparisonRow& row, quint64 value) const;
    QString ratioToolTip(const services::ComparisonRow& row) const;

    std::shared_ptr<const services::ComparisonResult> m_result;
};

} // namespace swaptier::ui
