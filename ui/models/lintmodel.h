// SPDX-License-Identifier: GPL-3.0-or-later
// LintModel: the lint panel's table, one row per ConfigLint finding (services/configlint.h):
// its severity (with the standard warning or information icon), what it is about and the
// message; the explanation is the tooltip of every cell. A thin adapter over the findings.
//
// Updates: setFindings() is fed from the host's snapshots, so it is called often with the same
// findings: then it emits nothing. Findings about the same things in the same order whose text
// changed (new figures) give ranged dataChanged over the changed rows; other rows (a finding
// came or went) a model reset. Thread safety: GUI thread only, as every item model.
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "configlint.h"

#include <vector>
#endif

namespace swaptier::ui {

class LintModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Severity, ///< "warning" / "notice" with the matching standard icon
        Subject,  ///< "device ssd", "cgroup apps/web", "[pool]"
        Message,  ///< the one-line message
        ColumnCount
    };
    enum Role {
        CodeRole = Qt::UserRole, ///< the stable code ("equal-priority"), QString
        SeverityRole,            ///< services::LintSeverity as int
        SubjectKindRole,         ///< services::LintSubject::Kind as int, of the subject
        SubjectIndexRole,        ///< index into the config's devices, tiers or cgroups; -1 none
        RelatedKindRole,         ///< the same for the related subject (the ancestor, the other device)
        RelatedIndexRole,
        ExplanationRole,         ///< the explanation (also the tooltip)
    };

    explicit LintModel(QObject* parent = nullptr);

    void setFindings(std::vector<services::LintFinding> findings);
    const std::vector<services::LintFinding>& findings() const { return m_findings; }
    int warningCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<services::LintFinding> m_findings;
};

} // namespace swaptier::ui
