// SPDX-License-Identifier: GPL-3.0-or-later
// ActionLogModel: the actions the admin started in this session (compaction, writeback now,
// swapoff...), one row each, newest last: what, on what, its state (queued, running with
// progress, done, failed, cancelled) and a one-line result from its ActionFigures. Fed by the
// EngineHost's signals through the window; a thin adapter over that list.
//
// Updates: a new action inserts a row; progress and results change one row (ranged
// dataChanged over it).
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <vector>
#endif

namespace swaptier::ui {

class ActionLogModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Action, Target, State, Progress, Result, ColumnCount };
    enum class Status { Queued, Running, Done, Failed, Cancelled };
    enum Role {
        IdRole = Qt::UserRole,   ///< the host's action id (qulonglong)
        StatusRole,              ///< Status as int
        ProgressRole,            ///< done / total in [0, 1], -1 unknown
    };

    explicit ActionLogModel(QObject* parent = nullptr);

    /// A submitted action (id from EngineHost::submit) on `target` (display text).
    void added(quint64 id, swaptier::SandboxAction::Kind kind, const QString& target);
    void progressed(quint64 id, quint64 done, quint64 total);
    void finished(quint64 id, const swaptier::ActionFigures& figures);
    /// Row of `id`, -1 if unknown.
    int rowOf(quint64 id) const;
    Status status(int row) const { return m_rows[std::size_t(row)].status; }
    /// Every action still queued or running is marked cancelled (the run ended).
    void runEnded();

    static QString kindName(swaptier::SandboxAction::Kind kind);
    /// "moved 1,024 pages, wrote 1,024 in 4 writes, gave back 12.0 MiB, 0.31 s", or the error.
    static QString resultText(const swaptier::ActionFigures& figures);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        quint64 id = 0;
        swaptier::SandboxAction::Kind kind{};
        QString target;
        Status status = Status::Queued;
        quint64 done = 0, total = 0;
        QString result;
    };
    void rowChanged(int row);

    std::vector<Row> m_rows;
};

} // namespace swaptier::ui
