// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceRankModel (devicerankmodel.h).
#include "models/devicerankmodel.h"

#include "configchange.h"
#include "units.h"

#include <QIODevice>
#include <QMimeData>

#include <algorithm>

namespace swaptier::ui {

DeviceRankModel::DeviceRankModel(QObject* parent) : QAbstractTableModel(parent) {}

void DeviceRankModel::setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    std::vector<int> order;
    if (snapshot && snapshot->config) {
        const auto& devices = snapshot->config->devices;
        for (std::size_t i = 0; i < devices.size(); ++i)
            if (i >= snapshot->deviceActive.size() || snapshot->deviceActive[i])
                order.push_back(int(i));
        std::stable_sort(order.begin(), order.end(), [&devices](int a, int b) {
            return devices[std::size_t(a)].priority > devices[std::size_t(b)].priority;
        });
    }
    if (order != m_order) {
        beginResetModel();
        m_snapshot = snapshot;
        m_order = std::move(order);
        endResetModel();
        return;
    }
    m_snapshot = snapshot;
    if (!m_order.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DeviceRankModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_order.size());
}

int DeviceRankModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

std::uint64_t DeviceRankModel::usedBytes(int device) const {
    for (const swaptier::TierUsage& t : m_snapshot->sample.tiers)
        if (t.backend == swaptier::Backend::Device && t.device == device)
            return t.storedBytes;
    return 0;
}

QVariant DeviceRankModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_snapshot || !m_snapshot->config)
        return {};
    const int device = deviceAt(index.row());
    const swaptier::DeviceOptions& d = m_snapshot->config->devices[std::size_t(device)];
    if (role == DeviceIndexRole)
        return device;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name || index.column() == Tier || index.column() == Io
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Priority:
            return tr("Swapon priority (-1 to 32767). Higher is used first; equal priorities take turns. "
                      "Double-click or press F2 to change it, or drag the row to another place.");
        case Tier: return tr("The swap tier whose priority range holds this device's priority.");
        case Name: return QString::fromStdString(d.path);
        default: break;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (Column(index.column())) {
    case Rank: {
        int rank = 1;
        for (int r = 0; r < index.row(); ++r)
            if (m_snapshot->config->devices[std::size_t(deviceAt(r))].priority > d.priority)
                rank = r + 2;
        return rank;
    }
    case Name:
        if (std::size_t(device) < m_snapshot->deviceNames.size())
            return QString::fromStdString(m_snapshot->deviceNames[std::size_t(device)]);
        return QString::fromStdString(d.path);
    case Priority: return d.priority;
    case Tier: return QString::fromStdString(services::ConfigChange::tierOf(*m_snapshot->config, d.priority));
    case Io:
        switch (d.io) {
        case swaptier::IoMode::Direct: return tr("direct");
        case swaptier::IoMode::Buffered: return tr("buffered");
        case swaptier::IoMode::Auto: return tr("auto");
        }
        return {};
    case Size: return services::formatBytes(d.sizeBytes);
    case Used: return services::formatBytes(usedBytes(device));
    case ColumnCount: break;
    }
    return {};
}

QVariant DeviceRankModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Rank: return tr("Order in which the engine fills the swapfiles (devices of equal priority share a rank).");
        case Priority: return tr("Swapon priority: higher first, equal ones round-robin.");
        case Tier: return tr("The tier whose priority range holds the device's priority.");
        case Io: return tr("Direct I/O bypasses the page cache; buffered writes go through it.");
        case Used: return tr("Bytes of the swapfile's slots that hold pages now.");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Rank: return tr("Rank");
    case Name: return tr("Swapfile");
    case Priority: return tr("Priority");
    case Tier: return tr("Tier");
    case Io: return tr("I/O");
    case Size: return tr("Size");
    case Used: return tr("Used");
    case ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags DeviceRankModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // between rows
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    if (index.column() == Priority)
        f |= Qt::ItemIsEditable;
    return f;
}

bool DeviceRankModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != Priority)
        return false;
    bool ok = false;
    const int priority = value.toInt(&ok);
    if (!ok)
        return false;
    const int device = deviceAt(index.row());
    if (m_snapshot->config->devices[std::size_t(device)].priority == priority)
        return false;
    emit priorityEditRequested(device, priority);
    return true;
}

Qt::DropActions DeviceRankModel::supportedDropActions() const { return Qt::MoveAction; }
Qt::DropActions DeviceRankModel::supportedDragActions() const { return Qt::MoveAction; }

QStringList DeviceRankModel::mimeTypes() const { return {QString::fromLatin1(kMimeType)}; }

QMimeData* DeviceRankModel::mimeData(const QModelIndexList& indexes) const {
    for (const QModelIndex& i : indexes) {
        if (!i.isValid())
            continue;
        auto* data = new QMimeData;
        data->setData(QString::fromLatin1(kMimeType), QByteArray::number(deviceAt(i.row())));
        return data;
    }
    return nullptr;
}

bool DeviceRankModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                      const QModelIndex&) const {
    return data && action == Qt::MoveAction && data->hasFormat(QString::fromLatin1(kMimeType));
}

bool DeviceRankModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                   const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    bool ok = false;
    const int device = data->data(QString::fromLatin1(kMimeType)).toInt(&ok);
    const auto from = std::find(m_order.begin(), m_order.end(), device);
    if (!ok || from == m_order.end())
        return false;
    // `row` is the insertion point among the rows as they are; -1 with a parent: dropped onto
    // that row, whose place it takes; -1 without one: after the last row.
    const int fromRow = int(from - m_order.begin());
    int rank = 0;
    if (row < 0 && parent.isValid())
        rank = parent.row();
    else {
        const int insertAt = row >= 0 ? row : rowCount();
        rank = insertAt > fromRow ? insertAt - 1 : insertAt;
    }
    if (rank != fromRow)
        emit moveRequested(device, rank);
    return false; // the rows move when the run has applied the new priorities
}

} // namespace swaptier::ui
