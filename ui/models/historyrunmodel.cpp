// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRunModel (historyrunmodel.h).
#include "models/historyrunmodel.h"

#include <QLocale>

#include <algorithm>

namespace swaptier::ui {

HistoryRunModel::HistoryRunModel(QObject* parent) : QAbstractTableModel(parent) {}

void HistoryRunModel::setRuns(std::vector<services::RunRecord> runs) {
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int HistoryRunModel::rowOfRun(qint64 id) const {
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == id)
            return int(i);
    return -1;
}

int HistoryRunModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_runs.size()); }

int HistoryRunModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString HistoryRunModel::formatDuration(qint64 msecs) {
    const QLocale locale;
    if (msecs < 60'000)
        return tr("%1 s").arg(locale.toString(double(std::max<qint64>(msecs, 0)) / 1000.0, 'f', 1));
    const qint64 seconds = msecs / 1000;
    if (seconds < 3600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'));
}

QString HistoryRunModel::statusText(const QString& status) {
    if (status == u"running")
        return tr("running");
    if (status == u"done")
        return tr("done");
    if (status == u"failed")
        return tr("failed");
    if (status == u"cancelled")
        return tr("cancelled");
    return status;
}

QVariant HistoryRunModel::raw(const services::RunRecord& run, int column) const {
    switch (Column(column)) {
    case Id: return run.id;
    case Scenario: return run.scenario;
    case Design: return run.design;
    case Started: return run.startedAt;
    case Duration:
        return run.finishedAt.isValid() ? QVariant(run.startedAt.msecsTo(run.finishedAt)) : QVariant(qint64(-1));
    case Samples: return run.sampleCount;
    case Status: return run.status;
    case ColumnCount: break;
    }
    return {};
}

QVariant HistoryRunModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const services::RunRecord& run = m_runs[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Id: return QString::number(run.id);
        case Scenario:
            return run.variant.isEmpty() ? run.scenario : tr("%1 [%2]").arg(run.scenario, run.variant);
        case Design:
            if (run.design == u"virtual")
                return tr("virtual");
            if (run.design == u"classic")
                return tr("classic");
            return run.design;
        case Started: return QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat);
        case Duration:
            return run.finishedAt.isValid() ? formatDuration(run.startedAt.msecsTo(run.finishedAt)) : QString();
        case Samples: return QLocale().toString(run.sampleCount);
        case Status: return statusText(run.status);
        case ColumnCount: break;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Id || column == Duration || column == Samples ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Status && !run.error.isEmpty())
            return run.error;
        if (column == Scenario && !run.source.isEmpty())
            return run.source;
        if (column == Started)
            return QLocale().toString(run.startedAt.toLocalTime(), QLocale::LongFormat);
        return {};
    case SortRole: return raw(run, column);
    case RunIdRole: return run.id;
    default: return {};
    }
}

QVariant HistoryRunModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Id: return tr("Run");
        case Scenario: return tr("Scenario");
        case Design: return tr("Design");
        case Started: return tr("Started");
        case Duration: return tr("Duration");
        case Samples: return tr("Samples");
        case Status: return tr("Status");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Id: return tr("The run's number in this history file.");
        case Scenario: return tr("The scenario that ran, with its variant in brackets.");
        case Design: return tr("The swap design: virtual swap slots or the classic kernel design.");
        case Started: return tr("When the run started (local time).");
        case Duration: return tr("How long the run took; empty while it is still running.");
        case Samples: return tr("How many samples of the run's state were recorded.");
        case Status: return tr("Whether the run finished, was cancelled, failed or is still running.");
        case ColumnCount: break;
        }
    }
    return {};
}

} // namespace swaptier::ui
