// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRunModel: the runs of a sqlite history database (HistoryStore::runs()), one row each,
// for the history browser: run id, scenario, design, start time, duration, samples, status.
// A thin adapter over the list it was given; the browser sorts it through a
// QSortFilterProxyModel on SortRole (numbers and times sort as numbers, not as text).
//
// Updates: setRuns() replaces the list (a model reset: every row may change).
// Thread safety: none; the GUI thread owns it.
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "historystore.h"

#include <vector>
#endif

namespace swaptier::ui {

class HistoryRunModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Id,          ///< the run's id in the file ("Run N")
        Scenario,    ///< scenario name (variant in brackets when there is one)
        Design,      ///< "virtual" or "classic" design
        Started,     ///< local start time
        Duration,    ///< finished - started; empty while running
        Samples,     ///< samples recorded
        Status,      ///< running, done, failed, cancelled (the error as tooltip)
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw value for sorting: qlonglong, QDateTime or QString
        RunIdRole,               ///< the run's id (qlonglong), on every column
    };

    explicit HistoryRunModel(QObject* parent = nullptr);

    void setRuns(std::vector<services::RunRecord> runs);
    const std::vector<services::RunRecord>& runs() const { return m_runs; }
    /// The row of run `id`, or -1.
    int rowOfRun(qint64 id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "4.2 s", "3 min 07 s", "2 h 05 min" (translated).
    static QString formatDuration(qint64 msecs);
    /// The translated word for a stored status ("done" -> "done", "running" -> "running"...).
    static QString statusText(const QString& status);

private:
    QVariant raw(const services::RunRecord& run, int column) const;

    std::vector<services::RunRecord> m_runs;
};

} // namespace swaptier::ui
