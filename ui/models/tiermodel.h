// SPDX-License-Identifier: GPL-3.0-or-later
// TierModel: the tier overview table: one row per place a swapped page can live (zero pages,
// the compressed pool, pages kept in memory, each swapfile with its tier), over the engine
// host's newest snapshot. A thin adapter: no state of its own but the snapshot it shows.
//
// Updates: a snapshot with the same rows (same backends and devices in the same order) gives
// one ranged dataChanged over the whole table; other rows (a device added or swapped off) a
// model reset. Sorting and filtering belong to a proxy; SortRole gives raw numbers.
#pragma once

#include <QAbstractTableModel>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#include <utility>
#include <vector>
#endif

namespace swaptier::ui {

class TierModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Name,        ///< "zero pages", "compressed pool", "in memory", or the device's display name
        Tier,        ///< the swap tier holding the device's priority ("" for the others)
        Capacity,    ///< device size or pool limit; empty if none
        Entries,     ///< pages stored there
        Stored,      ///< original bytes of those pages (entries x 4 KiB)
        Resident,    ///< bytes they take there (compressed bytes in the pool, slots on a device)
        Ratio,       ///< Stored / Resident
        Used,        ///< Resident / Capacity
        InRate,      ///< pages read from here per second (swap-ins, moves out), since the last snapshot
        OutRate,     ///< pages stored here per second (swap-outs, writeback, moves in)
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< raw number (or the name) for sorting
        RawValueRole,            ///< the number as a qulonglong or double
    };

    explicit TierModel(QObject* parent = nullptr);

    void setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot);
    std::shared_ptr<const services::HostSnapshot> snapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString rowName(const swaptier::TierUsage& t) const;
    QVariant raw(const swaptier::TierUsage& t, int column) const;

    std::shared_ptr<const services::HostSnapshot> m_snapshot;
    std::vector<std::pair<double, double>> m_rates; ///< per row: in, out (pages per second)
};

} // namespace swaptier::ui
