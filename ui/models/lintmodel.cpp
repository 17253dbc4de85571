// SPDX-License-Identifier: GPL-3.0-or-later
// LintModel (lintmodel.h).
#include "models/lintmodel.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>
#include <utility>

namespace swaptier::ui {

using services::ConfigLint;
using services::LintFinding;
using services::LintSeverity;

namespace {

/// The same finding about the same things: only its texts may differ.
bool sameRow(const LintFinding& a, const LintFinding& b) {
    return a.severity == b.severity && a.code == b.code && a.subject == b.subject && a.related == b.related;
}

bool sameRows(const std::vector<LintFinding>& a, const std::vector<LintFinding>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), sameRow);
}

} // namespace

LintModel::LintModel(QObject* parent) : QAbstractTableModel(parent) {}

void LintModel::setFindings(std::vector<LintFinding> findings) {
    if (findings == m_findings)
        return;
    if (!sameRows(m_findings, findings)) {
        beginResetModel();
        m_findings = std::move(findings);
        endResetModel();
        return;
    }
    const std::vector<LintFinding> before = std::exchange(m_findings, std::move(findings));
    const int rows = int(m_findings.size());
    int first = -1;
    for (int row = 0; row <= rows; ++row) {
        const bool changed = row < rows && !(before[std::size_t(row)] == m_findings[std::size_t(row)]);
        if (changed && first < 0)
            first = row;
        if (!changed && first >= 0) {
            emit dataChanged(index(first, 0), index(row - 1, ColumnCount - 1));
            first = -1;
        }
    }
}

int LintModel::warningCount() const {
    return int(std::count_if(m_findings.begin(), m_findings.end(),
                             [](const LintFinding& f) { return f.severity == LintSeverity::Warning; }));
}

int LintModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_findings.size()); }

int LintModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant LintModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LintFinding& f = m_findings[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Severity: return ConfigLint::severityText(f.severity);
        case Subject: return ConfigLint::subjectText(f.subject);
        case Message: return f.message;
        case ColumnCount: break;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() != Severity)
            return {};
        return QApplication::style()->standardIcon(
            f.severity == LintSeverity::Warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation);
    case Qt::ToolTipRole:
    case ExplanationRole: return f.explanation;
    case CodeRole: return f.code;
    case SeverityRole: return int(f.severity);
    case SubjectKindRole: return int(f.subject.kind);
    case SubjectIndexRole: return f.subject.index;
    case RelatedKindRole: return int(f.related.kind);
    case RelatedIndexRole: return f.related.index;
    default: return {};
    }
}

QVariant LintModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Severity: return tr("Severity");
        case Subject: return tr("About");
        case Message: return tr("Finding");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Severity: return tr("Warning: the setup does not work as configured. Notice: a setting has no effect.");
        case Subject: return tr("The device, tier, cgroup or part of the configuration the finding is about.");
        case Message: return tr("What was found; hover over a row for why it matters and what to do.");
        case ColumnCount: break;
        }
    }
    return {};
}

} // namespace swaptier::ui
