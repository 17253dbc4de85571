// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxJson: see sandboxjson.h for the format. Every field of the sandbox.h structs is
// written; the engine statistics reuse StatsReport's JSON so both reports name them alike.
#include "sandboxjson.h"

#include "errortext.h"
#include "statsreport.h"

#include <QJsonArray>

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace swaptier::services {

namespace {

// Every field of these structs has a key below: a new field must be added here (and to the
// golden structure files) before this compiles again.
static_assert(sizeof(SandboxCounters) == 18 * sizeof(std::uint64_t), "a SandboxCounters field has no JSON key");
static_assert(sizeof(DesignFigures) == 9 * sizeof(std::uint64_t), "a DesignFigures field has no JSON key");

constexpr std::uint64_t kMaxExactInteger = std::numeric_limits<qint64>::max();

/// A 64-bit counter: a JSON integer while it fits qint64, a double beyond (see the header).
QJsonValue u64(std::uint64_t value) {
    if (value <= kMaxExactInteger)
        return QJsonValue(static_cast<qint64>(value));
    return QJsonValue(static_cast<double>(value));
}

/// A limit where kNoLimit means "none": null.
QJsonValue limit(std::uint64_t value) { return value == kNoLimit ? QJsonValue(QJsonValue::Null) : u64(value); }

QString str(const std::string& s) { return QString::fromStdString(s); }

QJsonValue latin1(const char* s) { return QJsonValue(QLatin1StringView(s)); }

/// a - b as a signed JSON number (exact while the difference fits qint64).
QJsonValue signedDifference(std::uint64_t a, std::uint64_t b) {
    if (a >= b) {
        const std::uint64_t d = a - b;
        return d <= kMaxExactInteger ? QJsonValue(static_cast<qint64>(d)) : QJsonValue(static_cast<double>(d));
    }
    const std::uint64_t d = b - a;
    return d <= kMaxExactInteger ? QJsonValue(-static_cast<qint64>(d)) : QJsonValue(-static_cast<double>(d));
}

QJsonObject tierJson(const TierUsage& t) {
    return QJsonObject{
        {QStringLiteral("name"), str(t.name)},
        {QStringLiteral("backend"), latin1(backendName(t.backend))},
        {QStringLiteral("device"), t.device >= 0 ? QJsonValue(t.device) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("tier"), t.tier.empty() ? QJsonValue(QJsonValue::Null) : str(t.tier)},
        {QStringLiteral("entries"), u64(t.entries)},
        {QStringLiteral("original_bytes"), u64(t.originalBytes)},
        {QStringLiteral("stored_bytes"), u64(t.storedBytes)},
        {QStringLiteral("capacity_bytes"), t.capacityBytes ? u64(t.capacityBytes) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("path"), t.path.empty() ? QJsonValue(QJsonValue::Null) : str(t.path)},
        {QStringLiteral("swapped_off"), t.swappedOff},
        {QStringLiteral("pages_in"), u64(t.pagesIn)},
        {QStringLiteral("pages_out"), u64(t.pagesOut)},
    };
}

QJsonObject cgroupJson(const CgroupUsage& c) {
    QJsonObject swapped;
    std::uint64_t swappedTotal = 0;
    for (std::size_t i = 0; i < kBackendCount; ++i) {
        swapped.insert(QLatin1StringView(backendName(static_cast<Backend>(i))), u64(c.swappedPages[i]));
        swappedTotal += c.swappedPages[i];
    }
    QJsonArray byDevice;
    for (std::uint64_t e : c.deviceEntries)
        byDevice.append(u64(e));
    return QJsonObject{
        {QStringLiteral("name"), str(c.name)},
        {QStringLiteral("memory_max_bytes"), limit(c.memoryMax)},
        {QStringLiteral("resident_pages"), u64(c.residentPages)},
        {QStringLiteral("peak_resident_pages"), u64(c.peakResidentPages)},
        {QStringLiteral("swapped_pages"), swapped},
        {QStringLiteral("swapped_pages_total"), u64(swappedTotal)},
        {QStringLiteral("device_entries"), byDevice},
        {QStringLiteral("pool_stored_bytes"), u64(c.poolBytes)},
        {QStringLiteral("counters"), SandboxJson::counters(c.counters)},
    };
}

QJsonObject swapoffJson(const SwapoffFigures& s) {
    return QJsonObject{
        {QStringLiteral("device"), s.device},
        {QStringLiteral("entries"), u64(s.entries)},
        {QStringLiteral("ptes_visited"), u64(s.ptesVisited)},
        {QStringLiteral("mapped_pages"), u64(s.mappedPages)},
        {QStringLiteral("nanos"), u64(s.nanos)},
        {QStringLiteral("cpu_nanos"), u64(s.cpuNanos)},
    };
}

/// null when there was no error; otherwise its code, facts and the translated sentence.
QJsonValue errorJson(const Error& e) {
    if (e.code == Errc::Ok)
        return QJsonValue(QJsonValue::Null);
    const QJsonValue null(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("code"), latin1(errcName(e.code))},
        {QStringLiteral("message"), errorText(e)},
        {QStringLiteral("os_error"), e.osError ? QJsonValue(e.osError) : null},
        {QStringLiteral("slot"), e.slot.valid() ? u64(e.slot.value) : null},
        {QStringLiteral("device"), e.device.valid() ? QJsonValue(static_cast<qint64>(e.device.value)) : null},
        {QStringLiteral("path"), e.path.empty() ? null : QJsonValue(str(e.path))},
        {QStringLiteral("offset"), e.offset == ~std::uint64_t{0} ? null : u64(e.offset)},
    };
}

QJsonObject workloadJson(const WorkloadTotals& w) {
    return QJsonObject{
        {QStringLiteral("name"), str(w.name)},
        {QStringLiteral("accesses"), u64(w.accesses)},
        {QStringLiteral("swapin_faults"), u64(w.swapInFaults)},
    };
}

/// The figures a comparison sets side by side, with their keys.
using ComparedFigures = std::vector<std::pair<QString, std::uint64_t>>;

ComparedFigures comparedFigures(const SandboxReport& r) {
    std::uint64_t swapoffNanos = 0;
    std::uint64_t swapoffCpuNanos = 0;
    std::uint64_t swapoffPtes = 0;
    for (const SwapoffFigures& s : r.swapoffs) {
        swapoffNanos += s.nanos;
        swapoffCpuNanos += s.cpuNanos;
        swapoffPtes += s.ptesVisited;
    }
    const DesignFigures& f = r.figures;
    return {
        {QStringLiteral("disk_reserved_bytes"), f.diskReservedBytes},
        {QStringLiteral("peak_disk_reserved_bytes"), f.peakDiskReservedBytes},
        {QStringLiteral("metadata_bytes"), f.metadataBytes},
        {QStringLiteral("peak_metadata_bytes"), f.peakMetadataBytes},
        {QStringLiteral("pages_written"), f.pagesWritten},
        {QStringLiteral("pages_read"), f.pagesRead},
        {QStringLiteral("cpu_nanos"), f.cpuNanos},
        {QStringLiteral("wall_nanos"), f.wallNanos},
        {QStringLiteral("swapoff_nanos"), swapoffNanos},
        {QStringLiteral("swapoff_cpu_nanos"), swapoffCpuNanos},
        {QStringLiteral("swapoff_ptes_visited"), swapoffPtes},
        {QStringLiteral("swapouts"), r.counters.swapOuts},
        {QStringLiteral("swapin_faults"), r.counters.swapInFaults},
        {QStringLiteral("refaults"), r.counters.refaults},
        {QStringLiteral("reclaim_failures"), r.counters.reclaimFailures},
    };
}

QJsonObject differences(const SandboxReport& virt, const SandboxReport& classic) {
    const ComparedFigures v = comparedFigures(virt);
    const ComparedFigures c = comparedFigures(classic);
    QJsonObject out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::uint64_t a = v[i].second;
        const std::uint64_t b = c[i].second;
        out.insert(v[i].first,
                   QJsonObject{
                       {QStringLiteral("virtual"), u64(a)},
                       {QStringLiteral("classic"), u64(b)},
                       {QStringLiteral("virtual_minus_classic"), signedDifference(a, b)},
                       {QStringLiteral("virtual_to_classic"),
                        b ? QJsonValue(static_cast<double>(a) / static_cast<double>(b)) : QJsonValue(QJsonValue::Null)},
                   });
    }
    return out;
}

} // namespace

QString SandboxJson::designName(SwapDesign design) {
    // Pinned here rather than taken from the engine: these strings are part of the file format.
    switch (design) {
    case SwapDesign::Virtual: return QStringLiteral("virtual");
    case SwapDesign::Classic: return QStringLiteral("classic");
    }
    return QStringLiteral("unknown");
}

QString SandboxJson::actionKindName(SandboxAction::Kind kind) {
    // Pinned here: these strings are part of the report format and of the scenario format.
    switch (kind) {
    case SandboxAction::Kind::Swapoff: return QStringLiteral("swapoff");
    case SandboxAction::Kind::SetPriority: return QStringLiteral("set-priority");
    case SandboxAction::Kind::SetPool: return QStringLiteral("set-pool");
    case SandboxAction::Kind::CompactDevice: return QStringLiteral("compact-device");
    case SandboxAction::Kind::CompactPool: return QStringLiteral("compact-pool");
    case SandboxAction::Kind::Writeback: return QStringLiteral("writeback");
    case SandboxAction::Kind::SetCgroupPolicy: return QStringLiteral("set-policy");
    case SandboxAction::Kind::Recompress: return QStringLiteral("recompress");
    case SandboxAction::Kind::SetPromotion: return QStringLiteral("set-promotion");
    case SandboxAction::Kind::AddDevice: return QStringLiteral("add-device");
    }
    return QStringLiteral("unknown");
}

QJsonObject SandboxJson::action(const ActionFigures& a) {
    return QJsonObject{
        {QStringLiteral("kind"), actionKindName(a.kind)},
        {QStringLiteral("at"), a.at},
        {QStringLiteral("device"), a.device >= 0 ? QJsonValue(a.device) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("pages_moved"), u64(a.pagesMoved)},
        {QStringLiteral("pages_written"), u64(a.pagesWritten)},
        {QStringLiteral("write_calls"), u64(a.writeCalls)},
        {QStringLiteral("ptes_visited"), u64(a.ptesVisited)},
        {QStringLiteral("bytes_reclaimed"), u64(a.bytesReclaimed)},
        {QStringLiteral("disk_reserved_before_bytes"), u64(a.diskReservedBefore)},
        {QStringLiteral("disk_reserved_after_bytes"), u64(a.diskReservedAfter)},
        {QStringLiteral("nanos"), u64(a.nanos)},
        {QStringLiteral("cpu_nanos"), u64(a.cpuNanos)},
        {QStringLiteral("error"), errorJson(a.error)},
    };
}

QJsonObject SandboxJson::counters(const SandboxCounters& c) {
    return QJsonObject{
        {QStringLiteral("accesses"), u64(c.accesses)},
        {QStringLiteral("writes"), u64(c.writes)},
        {QStringLiteral("first_touch_faults"), u64(c.firstTouchFaults)},
        {QStringLiteral("swapin_faults"), u64(c.swapInFaults)},
        {QStringLiteral("refaults"), u64(c.refaults)},
        {QStringLiteral("refault_activations"), u64(c.refaultActivations)},
        {QStringLiteral("swapouts"), u64(c.swapOuts)},
        {QStringLiteral("cow_breaks"), u64(c.cowBreaks)},
        {QStringLiteral("forks"), u64(c.forks)},
        {QStringLiteral("exits"), u64(c.exits)},
        {QStringLiteral("scanned"), u64(c.scanned)},
        {QStringLiteral("activations"), u64(c.activations)},
        {QStringLiteral("deactivations"), u64(c.deactivations)},
        {QStringLiteral("reclaim_failures"), u64(c.reclaimFailures)},
        {QStringLiteral("over_limit_charges"), u64(c.overLimitCharges)},
        {QStringLiteral("swap_max_hits"), u64(c.swapMaxHits)},
        {QStringLiteral("zswap_max_hits"), u64(c.zswapMaxHits)},
        {QStringLiteral("verified_pages"), u64(c.verifiedPages)},
    };
}

QJsonObject SandboxJson::figures(const DesignFigures& f) {
    return QJsonObject{
        {QStringLiteral("disk_reserved_bytes"), u64(f.diskReservedBytes)},
        {QStringLiteral("peak_disk_reserved_bytes"), u64(f.peakDiskReservedBytes)},
        {QStringLiteral("metadata_bytes"), u64(f.metadataBytes)},
        {QStringLiteral("peak_metadata_bytes"), u64(f.peakMetadataBytes)},
        {QStringLiteral("pages_written"), u64(f.pagesWritten)},
        {QStringLiteral("pages_read"), u64(f.pagesRead)},
        {QStringLiteral("pool_writebacks"), u64(f.poolWritebacks)},
        {QStringLiteral("cpu_nanos"), u64(f.cpuNanos)},
        {QStringLiteral("wall_nanos"), u64(f.wallNanos)},
    };
}

QJsonObject SandboxJson::sample(const SandboxSample& s) {
    QJsonArray tiers;
    for (const TierUsage& t : s.tiers)
        tiers.append(tierJson(t));
    QJsonArray cgroups;
    for (const CgroupUsage& c : s.cgroups)
        cgroups.append(cgroupJson(c));
    return QJsonObject{
        {QStringLiteral("elapsed_nanos"), u64(s.elapsedNanos)},
        {QStringLiteral("round"), u64(s.round)},
        {QStringLiteral("progress"), s.progress},
        {QStringLiteral("counters"), counters(s.counters)},
        {QStringLiteral("tiers"), tiers},
        {QStringLiteral("cgroups"), cgroups},
        {QStringLiteral("figures"), figures(s.figures)},
    };
}

QJsonObject SandboxJson::report(const SandboxReport& r, const QJsonObject& scenario) {
    QJsonArray workloads;
    for (const WorkloadTotals& w : r.workloads)
        workloads.append(workloadJson(w));
    QJsonArray swapoffs;
    for (const SwapoffFigures& s : r.swapoffs)
        swapoffs.append(swapoffJson(s));
    QJsonArray actions;
    for (const ActionFigures& a : r.actions)
        actions.append(action(a));
    QJsonArray mixClasses;
    for (PageClass c : r.mixClasses)
        mixClasses.append(latin1(pageClassName(c)));

    return QJsonObject{
        {QStringLiteral("format"), kReportFormatVersion},
        {QStringLiteral("kind"), QStringLiteral("run")},
        {QStringLiteral("design"), designName(r.design)},
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("name"), str(r.name)},
        {QStringLiteral("seed"), u64(r.seed)},
        {QStringLiteral("rounds"), u64(r.rounds)},
        {QStringLiteral("cut_short"), r.cutShort},
        {QStringLiteral("cancelled"), r.cancelled},
        {QStringLiteral("samples"), u64(r.samples)},
        {QStringLiteral("leaked_entries"), u64(r.leakedEntries)},
        {QStringLiteral("counters"), counters(r.counters)},
        {QStringLiteral("workloads"), workloads},
        {QStringLiteral("final"), sample(r.final)},
        {QStringLiteral("figures"), figures(r.figures)},
        {QStringLiteral("swapoffs"), swapoffs},
        {QStringLiteral("actions"), actions},
        {QStringLiteral("engine"), StatsReport::toJsonObject(r.engine)},
        {QStringLiteral("mix_classes"), mixClasses},
        {QStringLiteral("first_store_error"), errorJson(r.firstStoreError)},
    };
}

QJsonObject SandboxJson::comparison(const QJsonObject& scenario,
                                    const std::vector<std::tuple<QString, SandboxReport, SandboxReport>>& variants) {
    QJsonArray list;
    for (const auto& [label, virt, classic] : variants) {
        QJsonObject v = report(virt, {});
        QJsonObject c = report(classic, {});
        v.remove(QStringLiteral("scenario"));
        c.remove(QStringLiteral("scenario"));
        list.append(QJsonObject{
            {QStringLiteral("label"), label},
            {QStringLiteral("virtual"), v},
            {QStringLiteral("classic"), c},
            {QStringLiteral("differences"), differences(virt, classic)},
        });
    }
    return QJsonObject{
        {QStringLiteral("format"), kReportFormatVersion},
        {QStringLiteral("kind"), QStringLiteral("compare")},
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("variants"), list},
    };
}

} // namespace swaptier::services
