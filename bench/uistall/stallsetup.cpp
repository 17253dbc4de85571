// SPDX-License-Identifier: GPL-3.0-or-later
// The 500-cgroup setup of bench_uistall (stallsetup.h).
#include "stallsetup.h"

namespace swaptier::bench::uistall {

namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

void addTiers(SandboxConfig& config, int fastFrom) {
    TierSpec fast;
    fast.name = "fast";
    fast.minPriority = fastFrom;
    TierSpec slow;
    slow.name = "slow";
    slow.maxPriority = fastFrom - 1;
    config.tiers = {fast, slow};
}

void addDevice(SandboxConfig& config, const std::string& name, const std::string& path, std::uint64_t bytes,
               int priority) {
    DeviceOptions d;
    d.path = path;
    d.sizeBytes = bytes;
    d.priority = priority;
    config.devices.push_back(d);
    config.deviceNames.push_back(name);
}

} // namespace

void addCgroupTree(SandboxConfig& config, std::uint64_t jobMemoryMax) {
    CgroupSpec root;
    root.name = "/";
    config.cgroups.push_back(root);
    std::vector<int> services;
    for (int t = 0; t < kTenants; ++t) {
        CgroupSpec tenant;
        tenant.name = "tenant-" + std::to_string(t);
        tenant.parent = 0;
        const int tenantIndex = int(config.cgroups.size());
        config.cgroups.push_back(tenant);
        for (int s = 0; s < kServicesPerTenant; ++s) {
            CgroupSpec service;
            service.name = tenant.name + "/service-" + std::to_string(s);
            service.parent = tenantIndex;
            services.push_back(int(config.cgroups.size()));
            config.cgroups.push_back(service);
        }
    }
    // Jobs round-robin over the services, so every service has 9 or 10.
    for (int j = 0; j < kJobs; ++j) {
        const int service = services[std::size_t(j) % services.size()];
        CgroupSpec job;
        job.name = config.cgroups[std::size_t(service)].name + "/job-" + std::to_string(j);
        job.parent = service;
        job.memoryMax = jobMemoryMax;
        config.cgroups.push_back(job);
    }
}

std::vector<int> jobCgroups(const SandboxConfig& config) {
    std::vector<bool> hasChild(config.cgroups.size(), false);
    for (const CgroupSpec& c : config.cgroups)
        if (c.parent >= 0)
            hasChild[std::size_t(c.parent)] = true;
    std::vector<int> jobs;
    for (std::size_t i = 1; i < config.cgroups.size(); ++i)
        if (!hasChild[i])
            jobs.push_back(int(i));
    return jobs;
}

SandboxConfig syntheticConfig() {
    SandboxConfig config;
    config.name = "ui-stall-synthetic";
    config.engine.pool.codec = Codec::Lz4;
    config.engine.pool.limitBytes = 512 * kMiB;
    addDevice(config, "nvme", "/var/tmp/swaptier-uistall-nvme.swap", 1024 * kMiB, 100);
    addDevice(config, "ssd", "/var/tmp/swaptier-uistall-ssd.swap", 2048 * kMiB, 10);
    addDevice(config, "hdd-a", "/var/tmp/swaptier-uistall-hdd-a.swap", 4096 * kMiB, 5);
    addDevice(config, "hdd-b", "/var/tmp/swaptier-uistall-hdd-b.swap", 4096 * kMiB, 5);
    addTiers(config, 10);
    addCgroupTree(config, 64 * kMiB);
    return config;
}

SandboxConfig realConfig(const std::string& deviceDir, std::uint64_t pagesPerJob, std::uint64_t durationMs) {
    SandboxConfig config;
    config.name = "ui-stall";
    config.seed = 5;
    config.durationMs = durationMs;
    config.engine.pool.codec = Codec::Lz4;
    config.engine.pool.limitBytes = 48 * kMiB;
    config.mix.weights = {96, 3, 0, 1, 0}; // zero, text, binary, random, heap
    addDevice(config, "ssd", deviceDir + "/ssd.swap", 256 * kMiB, 10);
    addDevice(config, "hdd", deviceDir + "/hdd.swap", 512 * kMiB, 5);
    addTiers(config, 10);
    addCgroupTree(config, 256 * 1024);
    for (int job : jobCgroups(config)) {
        WorkloadSpec w;
        w.name = "w";
        w.name += std::to_string(config.workloads.size());
        w.kind = WorkloadKind::Sequential;
        w.cgroup = job;
        w.pages = pagesPerJob;
        w.passes = 3; // the later passes swap every page in (verified) and out again
        config.workloads.push_back(w);
    }
    return config;
}

} // namespace swaptier::bench::uistall
