// SPDX-License-Identifier: GPL-3.0-or-later
// ComparisonModel (comparisonmodel.h).
#include "models/comparisonmodel.h"

#include "sandboxsummary.h"

#include <QFont>
#include <QLocale>

#include <cmath>

namespace swaptier::ui {

using services::ComparisonRow;

namespace {

/// Same figures: the same keys in the same order.
bool sameRows(const std::vector<ComparisonRow>& a, const std::vector<ComparisonRow>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].key != b[i].key)
            return false;
    return true;
}

} // namespace

ComparisonModel::ComparisonModel(QObject* parent) : QAbstractTableModel(parent) {}

void ComparisonModel::setResult(std::shared_ptr<const services::ComparisonResult> result) {
    static const std::vector<ComparisonRow> none;
    const auto& before = m_result ? m_result->rows : none;
    const auto& after = result ? result->rows : none;
    if (!sameRows(before, after)) {
        beginResetModel();
        m_result = std::move(result);
        endResetModel();
        return;
    }
    m_result = std::move(result);
    if (!after.empty())
        emit dataChanged(index(0, 0), index(int(after.size()) - 1, ColumnCount - 1));
}

QString ComparisonModel::ratioText(const ComparisonRow& row) {
    if (row.virtualValue == 0 && row.classicValue == 0)
        return QStringLiteral("=");
    const double r = row.ratio();
    if (std::isinf(r))
        return QStringLiteral("\u221e");
    return tr("%1x").arg(QLocale().toString(r, 'f', 2));
}

int ComparisonModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return int(m_result->rows.size());
}

int ComparisonModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ComparisonModel::raw(const ComparisonRow& row, int column) const {
    switch (Column(column)) {
    case Figure: return row.name;
    case Virtual: return qulonglong(row.virtualValue);
    case Classic: return qulonglong(row.classicValue);
    case Ratio: return row.ratio();
    case ColumnCount: break;
    }
    return {};
}

QString ComparisonModel::valueToolTip(const ComparisonRow& row, quint64 value) const {
    const QString exact = QLocale().toString(qulonglong(value));
    switch (row.unit) {
    case ComparisonRow::Unit::Bytes: return tr("%1 bytes").arg(exact);
    case ComparisonRow::Unit::Nanos: return tr("%1 ns").arg(exact);
    case ComparisonRow::Unit::Count: break;
    }
    return exact;
}

QString ComparisonModel::ratioToolTip(const ComparisonRow& row) const {
    switch (row.better()) {
    case ComparisonRow::Better::NotRanked:
        return tr("The work itself, not a cost: the same workload and seed make it equal in both designs.");
    case ComparisonRow::Better::Same: return tr("Both designs needed the same.");
    case ComparisonRow::Better::Virtual:
        if (row.virtualValue == 0)
            return tr("Only the classic design paid this cost; the virtual design needed none.");
        return tr("The virtual design did better: the classic design needed %1 times as much.")
            .arg(QLocale().toString(row.ratio(), 'f', 2));
    case ComparisonRow::Better::Classic:
        return tr("The classic design did better: it needed %1% of what the virtual design needed.")
            .arg(QLocale().toString(row.ratio() * 100.0, 'f', 1));
    }
    return {};
}

QVariant ComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_result)
        return {};
    const ComparisonRow& row = m_result->rows[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Figure: return row.name;
        case Virtual: return services::SandboxSummary::formatValue(row.unit, row.virtualValue);
        case Classic: return services::SandboxSummary::formatValue(row.unit, row.classicValue);
        case Ratio: return ratioText(row);
        case ColumnCount: break;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Figure ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole: {
        const ComparisonRow::Better better = row.better();
        if ((column == Virtual && better == ComparisonRow::Better::Virtual)
            || (column == Classic && better == ComparisonRow::Better::Classic)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    case Qt::ToolTipRole:
        switch (Column(column)) {
        case Figure: return row.description;
        case Virtual: return valueToolTip(row, row.virtualValue);
        case Classic: return valueToolTip(row, row.classicValue);
        case Ratio: return ratioToolTip(row);
        case ColumnCount: break;
        }
        return {};
    case SortRole:
    case RawValueRole: return raw(row, column);
    case KeyRole: return row.key;
    case BetterRole: return int(row.better());
    default: return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Figure: return tr("Figure");
        case Virtual: return tr("Virtual");
        case Classic: return tr("Classic");
        case Ratio: return tr("Classic / virtual");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Figure: return tr("What is compared; hover over a figure for what it counts.");
        case Virtual: return tr("The virtual design: virtual swap slots in the page tables (this engine).");
        case Classic:
            return tr("The classic design: physical swap locations in the page tables, a swapfile slot reserved "
                      "for every compressed page, swapoff walking every page table.");
        case Ratio:
            return tr("The classic figure divided by the virtual one: above 1 the classic design needed more.");
        case ColumnCount: break;
        }
    }
    return {};
}

} // namespace swaptier::ui
