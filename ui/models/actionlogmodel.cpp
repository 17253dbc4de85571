// SPDX-License-Identifier: GPL-3.0-or-later
// ActionLogModel (actionlogmodel.h).
#include "models/actionlogmodel.h"

#include "errortext.h"
#include "units.h"

#include <QLocale>

namespace swaptier::ui {

using Kind = swaptier::SandboxAction::Kind;

ActionLogModel::ActionLogModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ActionLogModel::kindName(Kind kind) {
    switch (kind) {
    case Kind::Swapoff: return tr("swapoff");
    case Kind::SetPriority: return tr("set priority");
    case Kind::SetPool: return tr("set pool");
    case Kind::CompactDevice: return tr("compact swapfile");
    case Kind::CompactPool: return tr("compact pool");
    case Kind::Writeback: return tr("write back now");
    case Kind::SetCgroupPolicy: return tr("set cgroup policy");
    case Kind::Recompress: return tr("recompress");
    case Kind::SetPromotion: return tr("set promotion");
    case Kind::AddDevice: return tr("add swapfile");
    }
    return {};
}

QString ActionLogModel::resultText(const swaptier::ActionFigures& f) {
    if (f.error.code == Errc::Cancelled)
        return tr("cancelled");
    if (f.error.code != Errc::Ok)
        return services::errorText(f.error);
    const QLocale locale;
    QStringList parts;
    parts << tr("moved %1 pages").arg(locale.toString(qulonglong(f.pagesMoved)));
    if (f.pagesWritten)
        parts << tr("wrote %1 pages in %2 writes")
                     .arg(locale.toString(qulonglong(f.pagesWritten)), locale.toString(qulonglong(f.writeCalls)));
    if (f.bytesReclaimed)
        parts << tr("gave back %1").arg(services::formatBytes(f.bytesReclaimed));
    parts << tr("%1 s").arg(locale.toString(double(f.nanos) / 1e9, 'f', 2));
    return parts.join(QStringLiteral(", "));
}

void ActionLogModel::added(quint64 id, Kind kind, const QString& target) {
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row r;
    r.id = id;
    r.kind = kind;
    r.target = target;
    m_rows.push_back(std::move(r));
    endInsertRows();
}

int ActionLogModel::rowOf(quint64 id) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

void ActionLogModel::rowChanged(int row) { emit dataChanged(index(row, 0), index(row, ColumnCount - 1)); }

void ActionLogModel::progressed(quint64 id, quint64 done, quint64 total) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    Row& r = m_rows[std::size_t(row)];
    r.status = Status::Running;
    r.done = done;
    r.total = total;
    rowChanged(row);
}

void ActionLogModel::finished(quint64 id, const swaptier::ActionFigures& figures) {
    const int row = rowOf(id);
    if (row < 0)
        return;
    Row& r = m_rows[std::size_t(row)];
    r.status = figures.error.code == Errc::Ok          ? Status::Done
               : figures.error.code == Errc::Cancelled ? Status::Cancelled
                                                       : Status::Failed;
    if (r.status == Status::Done && r.total)
        r.done = r.total;
    r.result = resultText(figures);
    rowChanged(row);
}

void ActionLogModel::runEnded() {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        Row& r = m_rows[i];
        if (r.status == Status::Queued || r.status == Status::Running) {
            r.status = Status::Cancelled;
            r.result = tr("the run ended first");
            rowChanged(int(i));
        }
    }
}

int ActionLogModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ActionLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ActionLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = m_rows[std::size_t(index.row())];
    const double share = r.total ? double(r.done) / double(r.total) : -1.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Action: return kindName(r.kind);
        case Target: return r.target;
        case State:
            switch (r.status) {
            case Status::Queued: return tr("queued");
            case Status::Running: return tr("running");
            case Status::Done: return tr("done");
            case Status::Failed: return tr("failed");
            case Status::Cancelled: return tr("cancelled");
            }
            return {};
        case Progress:
            if (share >= 0)
                return services::formatPercent(share);
            return r.done ? QLocale().toString(qulonglong(r.done)) : QString();
        case Result: return r.result;
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: return index.column() == Result ? r.result : QVariant();
    case IdRole: return qulonglong(r.id);
    case StatusRole: return int(r.status);
    case ProgressRole: return share;
    default: return {};
    }
}

QVariant ActionLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Action: return tr("Action");
    case Target: return tr("On");
    case State: return tr("State");
    case Progress: return tr("Progress");
    case Result: return tr("Result");
    case ColumnCount: break;
    }
    return {};
}

} // namespace swaptier::ui
