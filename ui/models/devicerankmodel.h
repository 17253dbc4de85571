// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceRankModel: the device order editor's list: the run's swapfiles ranked as the engine
// uses them (priority, highest first; equal priorities share their turn round-robin), with
// each one's tier, I/O mode, size and use. The priority column is editable and rows can be
// dragged to another place; neither changes the model: both become requests
// (priorityEditRequested, moveRequested) that the editor turns into undoable actions, and the
// rows follow when the run reports the change (a new config in the snapshot).
//
// A thin adapter over HostSnapshot (config, deviceActive, sample.tiers). Updates: the same
// rows in the same order give one ranged dataChanged, anything else a reset.
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#include <vector>
#endif

namespace swaptier::ui {

class DeviceRankModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Rank,        ///< 1, 2, ...; equal priorities share a rank
        Name,        ///< display name
        Priority,    ///< swapon priority, editable (-1..32767)
        Tier,        ///< the tier holding the priority
        Io,          ///< direct / buffered / auto
        Size,        ///< device size
        Used,        ///< bytes of slots in use
        ColumnCount
    };
    enum Role {
        DeviceIndexRole = Qt::UserRole, ///< index into SandboxConfig::devices
    };
    static constexpr const char* kMimeType = "application/x-swaptier-device";

    explicit DeviceRankModel(QObject* parent = nullptr);

    void setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);
    /// Device index of each row, top first.
    const std::vector<int>& order() const { return m_order; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    /// Priority column: emits priorityEditRequested (the value shows once the run applied it).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    /// Emits moveRequested and returns false, so that the view removes nothing.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

signals:
    void priorityEditRequested(int device, int priority);
    /// `rank`: the row the device should end up in (0 = top).
    void moveRequested(int device, int rank);

private:
    int deviceAt(int row) const { return m_order[std::size_t(row)]; }
    std::uint64_t usedBytes(int device) const;

    std::shared_ptr<const services::HostSnapshot> m_snapshot;
    std::vector<int> m_order; ///< active devices, priority descending, then index
};

} // namespace swaptier::ui
