// SPDX-License-Identifier: GPL-3.0-or-later
// Engine tier table (swaptier/tiers.h): validation, then an atomic publish by the DeviceSet.
//
// The table lives in the DeviceSet's order snapshot, next to the priority groups it splits,
// so a store applies its tier mask to exactly one table and takes no lock. setTiers validates
// with no lock held, then takes only DeviceSet::m_lock (a leaf): the check that no live
// device loses its tier name and the publish happen under it, so addDevice and
// setDevicePriority cannot slip in between.
#include "engineimpl.h"

namespace swaptier {

Status EngineImpl::setTiers(std::vector<TierSpec> tiers) {
    auto table = TierTable::make(std::move(tiers));
    if (!table)
        return table.error();
    return m_devices.setTiers(std::move(*table));
}

std::vector<TierSpec> EngineImpl::tiers() const {
    return m_devices.tiers().specs();
}

} // namespace swaptier
