// SPDX-License-Identifier: GPL-3.0-or-later
// TierModel (tiermodel.h).
#include "models/tiermodel.h"

#include "units.h"

#include <QLocale>

namespace swaptier::ui {

using services::formatBytes;
using services::formatPercent;
using services::formatRatio;

namespace {

/// Same rows: the same backends and devices in the same order.
bool sameRows(const std::vector<swaptier::TierUsage>& a, const std::vector<swaptier::TierUsage>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].backend != b[i].backend || a[i].device != b[i].device || a[i].name != b[i].name)
            return false;
    return true;
}

double ratioOf(const swaptier::TierUsage& t) {
    return t.storedBytes ? double(t.originalBytes) / double(t.storedBytes) : 0.0;
}

} // namespace

TierModel::TierModel(QObject* parent) : QAbstractTableModel(parent) {}

namespace {

/// Pages per second in and out of each row of `after`, against the same place in `before`.
std::vector<std::pair<double, double>> ratesOf(const services::HostSnapshot* before, const services::HostSnapshot* after) {
    std::vector<std::pair<double, double>> rates;
    if (!after)
        return rates;
    rates.assign(after->sample.tiers.size(), {0.0, 0.0});
    if (!before || after->sample.elapsedNanos <= before->sample.elapsedNanos)
        return rates;
    const double seconds = double(after->sample.elapsedNanos - before->sample.elapsedNanos) / 1e9;
    for (std::size_t i = 0; i < after->sample.tiers.size(); ++i) {
        const swaptier::TierUsage& a = after->sample.tiers[i];
        for (const swaptier::TierUsage& b : before->sample.tiers) {
            if (b.backend != a.backend || b.device != a.device)
                continue;
            rates[i].first = a.pagesIn >= b.pagesIn ? double(a.pagesIn - b.pagesIn) / seconds : 0.0;
            rates[i].second = a.pagesOut >= b.pagesOut ? double(a.pagesOut - b.pagesOut) / seconds : 0.0;
            break;
        }
    }
    return rates;
}

} // namespace

void TierModel::setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot) {
    // Rates need two samples: a snapshot that repeats the last sample keeps the last rates.
    if (!snapshot || !m_snapshot || snapshot->sample.elapsedNanos != m_snapshot->sample.elapsedNanos)
        m_rates = ratesOf(m_snapshot.get(), snapshot.get());
    if (snapshot && m_rates.size() != snapshot->sample.tiers.size())
        m_rates.assign(snapshot->sample.tiers.size(), {0.0, 0.0});
    static const std::vector<swaptier::TierUsage> none;
    const auto& before = m_snapshot ? m_snapshot->sample.tiers : none;
    const auto& after = snapshot ? snapshot->sample.tiers : none;
    if (!sameRows(before, after)) {
        beginResetModel();
        m_snapshot = std::move(snapshot);
        endResetModel();
        return;
    }
    m_snapshot = std::move(snapshot);
    if (!after.empty())
        emit dataChanged(index(0, 0), index(int(after.size()) - 1, ColumnCount - 1));
}

int TierModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_snapshot)
        return 0;
    return int(m_snapshot->sample.tiers.size());
}

int TierModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString TierModel::rowName(const swaptier::TierUsage& t) const {
    switch (t.backend) {
    case swaptier::Backend::Zero: return tr("zero pages");
    case swaptier::Backend::Pool: return tr("compressed pool");
    case swaptier::Backend::Memory: return tr("in memory");
    case swaptier::Backend::Device:
        if (t.device >= 0 && std::size_t(t.device) < m_snapshot->deviceNames.size())
            return QString::fromStdString(m_snapshot->deviceNames[std::size_t(t.device)]);
        return QString::fromStdString(t.name);
    }
    return QString::fromStdString(t.name);
}

QVariant TierModel::raw(const swaptier::TierUsage& t, int column) const {
    switch (Column(column)) {
    case Name: return rowName(t);
    case Tier: return QString::fromStdString(t.tier);
    case Capacity: return qulonglong(t.capacityBytes);
    case Entries: return qulonglong(t.entries);
    case Stored: return qulonglong(t.originalBytes);
    case Resident: return qulonglong(t.storedBytes);
    case Ratio: return ratioOf(t);
    case Used: return t.capacityBytes ? double(t.storedBytes) / double(t.capacityBytes) : 0.0;
    case InRate:
    case OutRate: {
        const std::size_t row = std::size_t(&t - m_snapshot->sample.tiers.data());
        if (row >= m_rates.size())
            return 0.0;
        return column == InRate ? m_rates[row].first : m_rates[row].second;
    }
    case ColumnCount: break;
    }
    return {};
}

QVariant TierModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_snapshot)
        return {};
    const swaptier::TierUsage& t = m_snapshot->sample.tiers[std::size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case Name:
        case Tier: return raw(t, column);
        case Capacity: return t.capacityBytes ? formatBytes(t.capacityBytes) : QString();
        case Entries: return QLocale().toString(qulonglong(t.entries));
        case Stored: return formatBytes(t.originalBytes);
        case Resident: return formatBytes(t.storedBytes);
        case Ratio: return t.storedBytes ? formatRatio(ratioOf(t)) : QStringLiteral("-");
        case Used: return t.capacityBytes ? formatPercent(raw(t, Used).toDouble()) : QString();
        case InRate:
        case OutRate: return QLocale().toString(raw(t, column).toDouble(), 'f', 0);
        case ColumnCount: break;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == Name || column == Tier ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole:
    case RawValueRole: return raw(t, column);
    case Qt::ToolTipRole:
        if (t.backend == swaptier::Backend::Device)
            return tr("Swapfile %1").arg(QString::fromStdString(t.name));
        return {};
    default: return {};
    }
}

QVariant TierModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case Name: return tr("Where");
        case Tier: return tr("Tier");
        case Capacity: return tr("Capacity");
        case Entries: return tr("Pages");
        case Stored: return tr("Stored");
        case Resident: return tr("Resident");
        case Ratio: return tr("Ratio");
        case Used: return tr("Used");
        case InRate: return tr("In/s");
        case OutRate: return tr("Out/s");
        case ColumnCount: break;
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Name: return tr("Where swapped pages live: zero pages (no storage), the compressed pool, pages kept in memory, or a swapfile.");
        case Tier: return tr("The swap tier whose priority range holds the swapfile's priority.");
        case Capacity: return tr("The swapfile's size, or the compressed pool's limit.");
        case Entries: return tr("Swapped pages stored here.");
        case Stored: return tr("The original size of those pages (4 KiB each).");
        case Resident: return tr("What they take here: compressed bytes in the pool, 4 KiB slots on a swapfile.");
        case Ratio: return tr("Compression ratio: stored bytes divided by resident bytes.");
        case Used: return tr("Resident bytes as a share of the capacity.");
        case InRate: return tr("Pages read from here per second: swap-ins and pages moved elsewhere.");
        case OutRate: return tr("Pages stored here per second: swap-outs, writeback and pages moved here.");
        case ColumnCount: break;
        }
    }
    return {};
}

} // namespace swaptier::ui
