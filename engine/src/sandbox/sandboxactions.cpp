// SPDX-License-Identifier: GPL-3.0-or-later
// Sandbox actions: one action on the swap design, measured (see sandboxactions.h).
#include "sandbox/sandboxactions.h"

#include "util/cpuclock.h"

namespace swaptier::sandbox {

namespace {

using util::monotonicNanos;
using util::processCpuNanos;

std::vector<std::uint64_t> poolBytesByCgroup(const BackendSnapshot& s, std::size_t cgroups) {
    std::vector<std::uint64_t> bytes(cgroups, 0);
    for (std::size_t g = 0; g < cgroups && g < s.cgroupPoolBytes.size(); ++g)
        bytes[g] = s.cgroupPoolBytes[g];
    return bytes;
}

} // namespace

CgroupPolicy cgroupPolicy(const CgroupSpec& spec) {
    CgroupPolicy p;
    p.parent = CgroupId{std::uint16_t(spec.parent < 0 ? 0 : spec.parent)};
    p.swapMaxBytes = spec.swapMax == kNoLimit ? kUnlimited : spec.swapMax / kPageSize * kPageSize;
    p.zswapMaxBytes = spec.zswapMax == kNoLimit ? kUnlimited : spec.zswapMax;
    p.zswapWriteback = spec.zswapWriteback;
    if (!spec.allowedTiers.empty())
        p.allowedTiers = spec.allowedTiers;
    return p;
}

void applyPolicyChange(CgroupSpec& spec, const CgroupPolicyChange& change) {
    if (change.swapMax)
        spec.swapMax = *change.swapMax;
    if (change.zswapMax)
        spec.zswapMax = *change.zswapMax;
    if (change.zswapWriteback)
        spec.zswapWriteback = *change.zswapWriteback;
    if (change.allowedTiers)
        spec.allowedTiers = *change.allowedTiers;
}

ActionOutcome runAction(SwapBackend& backend, PageTableWalker& walker, const SandboxAction& a,
                        std::vector<CgroupSpec>& cgroups, const ActionControl& control) {
    using Kind = SandboxAction::Kind;
    ActionOutcome out;
    const BackendSnapshot before = backend.snapshot();
    const std::uint64_t cpu0 = processCpuNanos();
    const std::uint64_t t0 = monotonicNanos();
    ActionFigures f;
    const CgroupId cgroup{std::uint16_t(a.cgroup)};
    bool counted = true; // false: the work columns come from the snapshots below
    switch (a.kind) {
    case Kind::Swapoff: {
        auto s = backend.swapoff(a.device, walker);
        counted = false;
        if (!s) {
            f.error = s.error();
            out.fatal = true;
            break;
        }
        f.pagesMoved = s->entries;
        f.ptesVisited = s->ptesVisited;
        out.swapoff = *s;
        break;
    }
    case Kind::SetPriority:
        counted = false;
        if (Status st = backend.setDevicePriority(a.device, a.priority); !st) {
            f.error = st.error();
            out.fatal = true;
        }
        break;
    case Kind::SetPool:
        counted = false;
        if (Status st = backend.setPoolOptions(a.pool); !st) {
            f.error = st.error();
            out.fatal = true;
        }
        break;
    case Kind::CompactDevice:
        f = backend.compactDevice(a.device, walker, control);
        break;
    case Kind::CompactPool:
        f = backend.compactPool();
        break;
    case Kind::Writeback: {
        WritebackOptions o = a.writeback;
        o.cgroup = cgroup;
        if (control.cancel)
            o.cancel = control.cancel;
        if (control.progress) {
            const std::uint64_t total = o.maxPages == kUnlimited ? 0 : o.maxPages;
            o.progress = [&control, total](std::uint64_t done) { control.progress(done, total); };
        }
        f = backend.writeback(o);
        break;
    }
    case Kind::SetCgroupPolicy: {
        CgroupSpec& spec = cgroups[std::size_t(a.cgroup)];
        const CgroupSpec saved = spec;
        applyPolicyChange(spec, a.policy);
        f = backend.changeCgroupPolicy(cgroup, cgroupPolicy(spec), walker);
        if (f.error.code == Errc::InvalidArgument)
            spec = saved; // refused before anything changed
        else
            out.policyChanged = true;
        break;
    }
    case Kind::Recompress: {
        RecompressOptions o = a.recompress;
        o.cgroup = cgroup;
        f = backend.recompress(o);
        break;
    }
    case Kind::SetPromotion:
        if (Status st = backend.setPromotionPolicy(a.promotion); !st)
            f.error = st.error();
        break;
    case Kind::AddDevice: {
        counted = false;
        DeviceOptions options = a.newDevice;
        options.removeFileOnClose = true; // the run made the file: it removes it on every path
        const auto index = int(backend.deviceCount());
        if (Status st = backend.addDevice(options); !st) {
            f.error = st.error();
            if (f.error.path.empty())
                f.error.path = options.path;
        } else {
            f.device = index;
            out.deviceAdded = true;
        }
        break;
    }
    }
    if (a.kind == Kind::Swapoff || a.kind == Kind::SetPriority || a.kind == Kind::CompactDevice)
        f.device = a.device;
    f.nanos = monotonicNanos() - t0;
    f.cpuNanos = processCpuNanos() - cpu0;
    const BackendSnapshot after = backend.snapshot();
    if (!counted) {
        f.pagesWritten = after.pagesWritten - before.pagesWritten;
        f.writeCalls = f.pagesWritten; // swapoff moves page by page
    }
    f.kind = a.kind;
    f.at = a.at;
    f.diskReservedBefore = before.diskReservedBytes;
    f.diskReservedAfter = after.diskReservedBytes;
    f.poolBytesBefore = poolBytesByCgroup(before, cgroups.size());
    f.poolBytesAfter = poolBytesByCgroup(after, cgroups.size());
    out.figures = std::move(f);
    return out;
}

} // namespace swaptier::sandbox
