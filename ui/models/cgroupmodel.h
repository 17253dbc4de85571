// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupModel: the cgroup tree with each cgroup's memory, its swapped pages by where they
// live (zero, pool, swapfiles and, per swap tier, the swapfiles of that tier), its pool bytes,
// and its limits and policy as the run has them now (HostSnapshot::config, the setup with the
// edits that took), over the engine host's newest snapshot. A thin adapter.
//
// Columns: the Column enum, with one column per tier of the snapshot (HostSnapshot::
// tierOccupancy, the setup's order) right after Device; the columns after those shift by the
// tier count: use column() for an enum value's index and tierColumn() for a tier's. A change
// of the tier list resets the model (its columns change).
//
// Tree: an index's internalId is the cgroup's position in the snapshot (sample.cgroups order,
// parents before children, [0] the root). The structure (who is whose child) is rebuilt only
// when the cgroup list changes (model reset); otherwise one ranged dataChanged per group of
// siblings. Sorting and filtering belong to a proxy (recursive filtering keeps the ancestors
// of a match); SortRole gives raw numbers.
#pragma once

#include <QAbstractItemModel>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#include <vector>
#endif

namespace swaptier::ui {

class CgroupModel : public QAbstractItemModel {
    Q_OBJECT

public:
    enum Column {
        Name,
        Resident,     ///< memory.current of the subtree, bytes
        MemoryMax,    ///< memory.max ("max" if none)
        Swapped,      ///< this cgroup's swapped pages, every backend
        Zero,         ///< of which zero pages
        Pool,         ///< in the compressed pool
        Device,       ///< on swapfiles (then one column per tier: on that tier's swapfiles)
        InMemory,     ///< kept in memory by the swap design
        PoolBytes,    ///< compressed bytes in the pool
        SwapIns,      ///< swap-in faults so far
        SwapMax,      ///< memory.swap.max of the setup ("max" if none)
        ZswapMax,     ///< memory.zswap.max
        ZswapWriteback, ///< memory.zswap.writeback, the cgroup's own setting
        AllowedTiers, ///< the tiers its pages may go to (every tier if none named)
        ColumnCount   ///< the fixed columns; columnCount() adds the tiers
    };
    enum Role {
        SortRole = Qt::UserRole,
        RawValueRole,
        CgroupIndexRole,          ///< the cgroup's position in the snapshot (int)
    };

    explicit CgroupModel(QObject* parent = nullptr);

    void setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot);
    std::shared_ptr<const services::HostSnapshot> snapshot() const { return m_snapshot; }
    /// The model index of cgroup `cgroup` (snapshot position), column 0; invalid if none.
    QModelIndex indexOfCgroup(int cgroup) const;
    /// The column index of `c` (after Device: shifted by the tier columns).
    int column(Column c) const { return c <= Device ? int(c) : int(c) + tierCount(); }
    /// The column of tier `tier` (position in tierNames()).
    int tierColumn(int tier) const { return Device + 1 + tier; }
    int tierCount() const { return int(m_tiers.size()); }
    const std::vector<std::string>& tierNames() const { return m_tiers; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildStructure();
    void computeTierPages();
    /// The Column of `column`, or ColumnCount for a tier column (*tier its position).
    Column fieldOf(int column, int* tier) const;
    QVariant raw(int cgroup, int column) const;

    std::shared_ptr<const services::HostSnapshot> m_snapshot;
    std::vector<int> m_parent;                 ///< per cgroup: parent position, -1 for a top row
    std::vector<int> m_row;                    ///< per cgroup: its row under its parent
    std::vector<std::vector<int>> m_children;  ///< per cgroup: children positions in row order
    std::vector<int> m_top;                    ///< cgroups without a parent (normally just the root)
    std::vector<std::string> m_tiers;          ///< the tier columns' tiers
    std::vector<std::uint64_t> m_tierPages;    ///< per cgroup, per tier: pages (cgroup * tiers + tier)
};

} // namespace swaptier::ui
