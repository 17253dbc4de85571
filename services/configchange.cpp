// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigChange (configchange.h).
#include "configchange.h"

#include "swaptier/tiers.h"

namespace swaptier::services {

using Kind = swaptier::SandboxAction::Kind;

bool ConfigChange::changesConfig(Kind kind) {
    switch (kind) {
    case Kind::SetPriority:
    case Kind::SetPool:
    case Kind::SetCgroupPolicy:
    case Kind::SetPromotion:
    case Kind::Swapoff:
    case Kind::AddDevice:
        return true;
    default:
        return false;
    }
}

bool ConfigChange::apply(swaptier::SandboxConfig& config, std::vector<bool>& active,
                         const swaptier::SandboxAction& a) {
    const bool deviceOk = a.device >= 0 && std::size_t(a.device) < config.devices.size();
    const bool cgroupOk = a.cgroup >= 0 && std::size_t(a.cgroup) < config.cgroups.size();
    switch (a.kind) {
    case Kind::SetPriority:
        if (!deviceOk || config.devices[std::size_t(a.device)].priority == a.priority)
            return false;
        config.devices[std::size_t(a.device)].priority = a.priority;
        return true;
    case Kind::SetPool:
        config.engine.pool = a.pool;
        return true;
    case Kind::SetCgroupPolicy: {
        if (!cgroupOk)
            return false;
        swaptier::CgroupSpec& g = config.cgroups[std::size_t(a.cgroup)];
        if (a.policy.swapMax)
            g.swapMax = *a.policy.swapMax;
        if (a.policy.zswapMax)
            g.zswapMax = *a.policy.zswapMax;
        if (a.policy.zswapWriteback)
            g.zswapWriteback = *a.policy.zswapWriteback;
        if (a.policy.allowedTiers)
            g.allowedTiers = *a.policy.allowedTiers;
        return true;
    }
    case Kind::SetPromotion:
        config.promotion = a.promotion;
        return true;
    case Kind::AddDevice:
        // The run appends the device to its list, so it gets the next index here too.
        config.deviceNames.resize(config.devices.size());
        config.devices.push_back(a.newDevice);
        config.deviceNames.push_back(a.newDeviceName.empty() ? a.newDevice.path : a.newDeviceName);
        active.resize(config.devices.size(), true);
        return true;
    case Kind::Swapoff:
        if (!deviceOk)
            return false;
        active.resize(config.devices.size(), true);
        if (!active[std::size_t(a.device)])
            return false;
        active[std::size_t(a.device)] = false;
        return true;
    default:
        return false;
    }
}

std::optional<swaptier::SandboxAction> ConfigChange::inverse(const swaptier::SandboxConfig& config,
                                                             const swaptier::SandboxAction& a) {
    swaptier::SandboxAction back;
    back.kind = a.kind;
    switch (a.kind) {
    case Kind::SetPriority:
        if (a.device < 0 || std::size_t(a.device) >= config.devices.size())
            return std::nullopt;
        back.device = a.device;
        back.priority = config.devices[std::size_t(a.device)].priority;
        return back;
    case Kind::SetPool:
        back.pool = config.engine.pool;
        return back;
    case Kind::SetCgroupPolicy: {
        if (a.cgroup < 0 || std::size_t(a.cgroup) >= config.cgroups.size())
            return std::nullopt;
        const swaptier::CgroupSpec& g = config.cgroups[std::size_t(a.cgroup)];
        back.cgroup = a.cgroup;
        if (a.policy.swapMax)
            back.policy.swapMax = g.swapMax;
        if (a.policy.zswapMax)
            back.policy.zswapMax = g.zswapMax;
        if (a.policy.zswapWriteback)
            back.policy.zswapWriteback = g.zswapWriteback;
        if (a.policy.allowedTiers)
            back.policy.allowedTiers = g.allowedTiers;
        return back;
    }
    case Kind::SetPromotion:
        back.promotion = config.promotion;
        return back;
    default:
        return std::nullopt;
    }
}

swaptier::SandboxConfig ConfigChange::currentSetup(const swaptier::SandboxConfig& config,
                                                  const std::vector<bool>& active, const std::vector<bool>& ran,
                                                  const std::vector<int>& planned) {
    swaptier::SandboxConfig out = config;
    out.devices.clear();
    out.deviceNames.clear();
    out.actions.clear();
    std::vector<int> newIndex(config.devices.size(), -1);
    for (std::size_t i = 0; i < config.devices.size(); ++i) {
        if (i < active.size() && !active[i])
            continue;
        newIndex[i] = int(out.devices.size());
        out.devices.push_back(config.devices[i]);
        if (i < config.deviceNames.size())
            out.deviceNames.push_back(config.deviceNames[i]);
    }
    if (out.deviceNames.size() != out.devices.size())
        out.deviceNames.resize(std::min(out.deviceNames.size(), out.devices.size()));

    // Where each planned device reference goes in `out`: a device that exists now to its new
    // index (-1 if swapped off), the device of an AddDevice still to run to the index it will
    // get after the saved devices and the earlier such adds, a failed add's device to -1.
    std::size_t adds = 0;
    for (const swaptier::SandboxAction& a : config.actions)
        adds += a.kind == Kind::AddDevice ? 1 : 0;
    const std::size_t firstAdded = planned.size() >= adds ? planned.size() - adds : 0;
    std::vector<int> target(planned.size(), -1);
    for (std::size_t r = 0; r < planned.size(); ++r)
        if (planned[r] >= 0 && std::size_t(planned[r]) < newIndex.size())
            target[r] = newIndex[std::size_t(planned[r])];
    int pending = int(out.devices.size());
    for (std::size_t i = 0, j = 0; i < config.actions.size(); ++i) {
        if (config.actions[i].kind != Kind::AddDevice)
            continue;
        const std::size_t r = firstAdded + j++;
        if (r < target.size() && !(i < ran.size() && ran[i]))
            target[r] = pending++;
    }

    for (std::size_t i = 0; i < config.actions.size(); ++i) {
        if (i < ran.size() && ran[i])
            continue;
        swaptier::SandboxAction a = config.actions[i];
        const bool usesDevice = a.kind == Kind::Swapoff || a.kind == Kind::SetPriority || a.kind == Kind::CompactDevice;
        if (usesDevice) {
            if (a.device < 0 || std::size_t(a.device) >= target.size() || target[std::size_t(a.device)] < 0)
                continue; // the device is gone, or its add failed
            a.device = target[std::size_t(a.device)];
        }
        out.actions.push_back(std::move(a));
    }
    return out;
}

std::string ConfigChange::tierOf(const swaptier::SandboxConfig& config, int priority) {
    if (config.tiers.empty())
        return "default";
    auto table = swaptier::TierTable::make(config.tiers);
    if (!table)
        return {};
    return table->spec(table->tierOf(priority)).name;
}

} // namespace swaptier::services
