// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupModel (cgroupmodel.h).
#include "models/cgroupmodel.h"

#include "units.h"

#include <QLocale>
#include <QStringList>

namespace swaptier::ui {

using services::formatBytes;

namespace {

constexpr std::uint64_t kPage = 4096;

bool sameCgroups(const services::HostSnapshot* a, const services::HostSnapshot* b) {
    if (!a || !b)
        return a == b;
    if (a->sample.cgroups.size() != b->sample.cgroups.size() || a->cgroupParents != b->cgroupParents
        || a->tierOccupancy.tiers != b->tierOccupancy.tiers)
        return false;
    for (std::size_t i = 0; i < a->sample.cgroups.size(); ++i)
        if (a->sample.cgroups[i].name != b->sample.cgroups[i].name)
            return false;
    return true;
}

std::uint64_t swappedTotal(const swaptier::CgroupUsage& c) {
    std::uint64_t n = 0;
    for (std::uint64_t v : c.swappedPages)
        n += v;
    return n;
}

} // namespace

CgroupModel::CgroupModel(QObject* parent) : QAbstractItemModel(parent) {}

void CgroupModel::setSnapshot(std::shared_ptr<const services::HostSnapshot> snapshot) {
    if (!sameCgroups(m_snapshot.get(), snapshot.get())) {
        beginResetModel();
        m_snapshot = std::move(snapshot);
        rebuildStructure();
        computeTierPages();
        endResetModel();
        return;
    }
    m_snapshot = std::move(snapshot);
    if (!m_snapshot)
        return;
    computeTierPages();
    // One ranged dataChanged per group of siblings.
    const int last = columnCount() - 1;
    if (!m_top.empty())
        emit dataChanged(createIndex(0, 0, quintptr(m_top.front())),
                         createIndex(int(m_top.size()) - 1, last, quintptr(m_top.back())));
    for (const std::vector<int>& kids : m_children)
        if (!kids.empty())
            emit dataChanged(createIndex(0, 0, quintptr(kids.front())),
                             createIndex(int(kids.size()) - 1, last, quintptr(kids.back())));
}

void CgroupModel::computeTierPages() {
    m_tiers = m_snapshot ? m_snapshot->tierOccupancy.tiers : std::vector<std::string>{};
    m_tierPages.clear();
    if (!m_snapshot || m_tiers.empty())
        return;
    m_tierPages.reserve(m_snapshot->sample.cgroups.size() * m_tiers.size());
    for (const swaptier::CgroupUsage& c : m_snapshot->sample.cgroups) {
        const std::vector<std::uint64_t> pages = m_snapshot->tierOccupancy.pagesOf(c);
        m_tierPages.insert(m_tierPages.end(), pages.begin(), pages.end());
    }
}

CgroupModel::Column CgroupModel::fieldOf(int column, int* tier) const {
    if (column <= Device)
        return Column(column);
    if (column <= Device + tierCount()) {
        *tier = column - Device - 1;
        return ColumnCount;
    }
    return Column(column - tierCount());
}

void CgroupModel::rebuildStructure() {
    const std::size_t n = m_snapshot ? m_snapshot->sample.cgroups.size() : 0;
    m_parent.assign(n, -1);
    m_row.assign(n, 0);
    m_children.assign(n, {});
    m_top.clear();
    for (std::size_t i = 0; i < n; ++i) {
        int parent = i < m_snapshot->cgroupParents.size() ? m_snapshot->cgroupParents[i] : -1;
        if (parent < 0 || std::size_t(parent) >= i) // parents come first; anything else is a top row
            parent = -1;
        m_parent[i] = parent;
        std::vector<int>& siblings = parent < 0 ? m_top : m_children[std::size_t(parent)];
        m_row[i] = int(siblings.size());
        siblings.push_back(int(i));
    }
}

QModelIndex CgroupModel::indexOfCgroup(int cgroup) const {
    if (cgroup < 0 || std::size_t(cgroup) >= m_parent.size())
        return {};
    return createIndex(m_row[std::size_t(cgroup)], 0, quintptr(cgroup));
}

QModelIndex CgroupModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    const std::vector<int>* siblings = &m_top;
    if (parent.isValid()) {
        if (parent.column() != 0)
            return {};
        siblings = &m_children[std::size_t(parent.internalId())];
    }
    if (std::size_t(row) >= siblings->size())
        return {};
    return createIndex(row, column, quintptr((*siblings)[std::size_t(row)]));
}

QModelIndex CgroupModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    const int p = m_parent[std::size_t(child.internalId())];
    if (p < 0)
        return {};
    return createIndex(m_row[std::size_t(p)], 0, quintptr(p));
}

int CgroupModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    return int(m_children[std::size_t(parent.internalId())].size());
}

int CgroupModel::columnCount(const QModelIndex&) const { return ColumnCount + tierCount(); }

QVariant CgroupModel::raw(int cgroup, int column) const {
    const swaptier::CgroupUsage& c = m_snapshot->sample.cgroups[std::size_t(cgroup)];
    // The setup's cgroups are in the sample's order; none (a source without a setup): no policy.
    const swaptier::CgroupSpec* spec =
        m_snapshot->config && std::size_t(cgroup) < m_snapshot->config->cgroups.size()
            ? &m_snapshot->config->cgroups[std::size_t(cgroup)]
            : nullptr;
    const auto swapped = [&c](swaptier::Backend b) { return qulonglong(c.swappedPages[std::size_t(b)]); };
    int tier = -1;
    switch (fieldOf(column, &tier)) {
    case Name: return QString::fromStdString(c.name);
    case Resident: return qulonglong(c.residentPages * kPage);
    case MemoryMax: return qulonglong(c.memoryMax);
    case Swapped: return qulonglong(swappedTotal(c));
    case Zero: return swapped(swaptier::Backend::Zero);
    case Pool: return swapped(swaptier::Backend::Pool);
    case Device: return swapped(swaptier::Backend::Device);
    case InMemory: return swapped(swaptier::Backend::Memory);
    case PoolBytes: return qulonglong(c.poolBytes);
    case SwapIns: return qulonglong(c.counters.swapInFaults);
    case SwapMax: return spec ? QVariant(qulonglong(spec->swapMax)) : QVariant();
    case ZswapMax: return spec ? QVariant(qulonglong(spec->zswapMax)) : QVariant();
    case ZswapWriteback: return spec ? QVariant(spec->zswapWriteback) : QVariant();
    case AllowedTiers: {
        if (!spec)
            return {};
        QStringList names;
        for (const std::string& t : spec->allowedTiers)
            names << QString::fromStdString(t);
        return names.join(u", ");
    }
    case ColumnCount: {
        const std::size_t at = std::size_t(cgroup) * m_tiers.size() + std::size_t(tier);
        return qulonglong(at < m_tierPages.size() ? m_tierPages[at] : 0);
    }
    }
    return {};
}

QVariant CgroupModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_snapshot)
        return {};
    const int cgroup = int(index.internalId());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: {
        const QVariant v = raw(cgroup, column);
        int tier = -1;
        switch (fieldOf(column, &tier)) {
        case Name: return v;
        case Resident:
        case PoolBytes: return formatBytes(v.toULongLong());
        case MemoryMax:
        case SwapMax:
        case ZswapMax:
            if (!v.isValid())
                return v;
            return v.toULongLong() == swaptier::kNoLimit ? tr("max") : formatBytes(v.toULongLong());
        case ZswapWriteback:
            return v.isValid() ? QVariant(v.toBool() ? tr("on") : tr("off")) : v;
        case AllowedTiers:
            return v.isValid() && v.toString().isEmpty() ? QVariant(tr("every tier")) : v;
        default: return QLocale().toString(v.toULongLong());
        }
    }
    case Qt::TextAlignmentRole: {
        int tier = -1;
        const Column field = fieldOf(column, &tier);
        return field == Name || field == AllowedTiers ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
               : field == ZswapWriteback              ? QVariant(Qt::AlignCenter)
                                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    case SortRole:
    case RawValueRole: return raw(cgroup, column);
    case CgroupIndexRole: return cgroup;
    default: return {};
    }
}

QVariant CgroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    int tier = -1;
    const Column field = fieldOf(section, &tier);
    const QString tierName = tier >= 0 ? QString::fromStdString(m_tiers[std::size_t(tier)]) : QString();
    if (role == Qt::DisplayRole) {
        switch (field) {
        case Name: return tr("Cgroup");
        case Resident: return tr("Memory");
        case MemoryMax: return tr("memory.max");
        case Swapped: return tr("Swapped pages");
        case Zero: return tr("Zero");
        case Pool: return tr("Pool");
        case Device: return tr("Swapfiles");
        case InMemory: return tr("In memory");
        case PoolBytes: return tr("Pool bytes");
        case SwapIns: return tr("Swap-ins");
        case SwapMax: return tr("swap.max");
        case ZswapMax: return tr("zswap.max");
        case ZswapWriteback: return tr("Writeback");
        case AllowedTiers: return tr("Allowed tiers");
        case ColumnCount: return tr("Tier %1").arg(tierName);
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (field) {
        case Name: return tr("The cgroup; its children are below it.");
        case Resident: return tr("Memory the cgroup and its descendants use now (memory.current).");
        case MemoryMax: return tr("The cgroup's memory limit (memory.max).");
        case Swapped: return tr("Pages of this cgroup (not its descendants) that are swapped out, wherever they are.");
        case Zero: return tr("Swapped pages that were all zeros: they take no storage.");
        case Pool: return tr("Swapped pages in the compressed pool.");
        case Device: return tr("Swapped pages on swapfiles.");
        case InMemory: return tr("Swapped pages the swap design keeps in memory (after a swapoff with nowhere else to go).");
        case PoolBytes: return tr("Compressed bytes this cgroup's pages take in the pool.");
        case SwapIns: return tr("Page faults that read a swapped page back (pgmajfault).");
        case SwapMax:
            return tr("memory.swap.max: the most swapped bytes of the cgroup and its descendants, wherever they "
                      "are. Change it in the Setup tab.");
        case ZswapMax:
            return tr("memory.zswap.max: the most compressed-pool bytes of the cgroup and its descendants.");
        case ZswapWriteback:
            return tr("memory.zswap.writeback: whether the cgroup's pages may go to swapfiles. Off in an ancestor "
                      "turns it off here too.");
        case AllowedTiers:
            return tr("The swap tiers the cgroup's pages may use; an ancestor's list narrows it further.");
        case ColumnCount:
            return tr("Swapped pages on the swapfiles of tier %1 (the devices whose priority lies in its range).")
                .arg(tierName);
        }
    }
    return {};
}

} // namespace swaptier::ui
