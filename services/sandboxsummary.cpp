// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxSummary: plain-text tables of sandbox reports (see sandboxsummary.h). Ratios are
// classic / virtual, so "3.00x" reads "the classic design needed three times as much".
#include "sandboxsummary.h"

#include "errortext.h"
#include "progressreporter.h"
#include "sandboxjson.h"
#include "texttable.h"
#include "units.h"

#include <algorithm>

namespace swaptier::services {

namespace {

QString count(quint64 v) { return QString::number(v); }

QString perSecond(quint64 events, quint64 nanos) {
    if (nanos == 0)
        return QStringLiteral("-");
    return ProgressReporter::formatCount(quint64(double(events) * 1e9 / double(nanos)));
}

QString limitText(std::uint64_t bytes) {
    return bytes == kNoLimit ? SandboxSummary::tr("max") : formatBytes(bytes);
}

QString ratio(double a, double b) {
    if (a == 0 && b == 0)
        return QStringLiteral("=");
    if (a == 0)
        return QStringLiteral("-");
    return QStringLiteral("%1x").arg(b / a, 0, 'f', 2);
}

quint64 swapoffNanos(const SandboxReport& r) {
    quint64 n = 0;
    for (const SwapoffFigures& s : r.swapoffs)
        n += s.nanos;
    return n;
}

} // namespace

QString SandboxSummary::formatNanos(quint64 nanos) {
    if (nanos >= 1'000'000'000u)
        return tr("%1 s").arg(double(nanos) / 1e9, 0, 'f', 2);
    if (nanos >= 1'000'000u)
        return tr("%1 ms").arg(double(nanos) / 1e6, 0, 'f', 1);
    return tr("%1 us").arg(double(nanos) / 1e3, 0, 'f', 1);
}

QString SandboxSummary::formatAt(double at) {
    if (at <= 0)
        return tr("start");
    if (at >= 1)
        return tr("end");
    return tr("%1%").arg(QString::number(at * 100, 'g', 4));
}

QString SandboxSummary::actions(const std::vector<ActionFigures>& actions) {
    if (actions.empty())
        return {};
    TextTable table({tr("action"), tr("at"), tr("pages moved"), tr("pages written"), tr("write calls"),
                     tr("PTEs walked"), tr("reclaimed"), tr("disk reserved before -> after"), tr("time"), tr("CPU")});
    QString failures;
    int number = 0;
    for (const ActionFigures& a : actions) {
        ++number;
        QString name = tr("%1. %2").arg(number).arg(SandboxJson::actionKindName(a.kind));
        if (a.kind == SandboxAction::Kind::AddDevice && a.device >= 0)
            name = tr("%1 (device %2)").arg(name).arg(a.device);
        table.addRow({name, formatAt(a.at), count(a.pagesMoved), count(a.pagesWritten), count(a.writeCalls),
                      count(a.ptesVisited), formatBytes(a.bytesReclaimed),
                      tr("%1 -> %2").arg(formatBytes(a.diskReservedBefore), formatBytes(a.diskReservedAfter)),
                      formatNanos(a.nanos), formatNanos(a.cpuNanos)});
        if (a.error.code != Errc::Ok)
            failures += QStringLiteral("  ") + tr("Action %1 failed: %2").arg(name, errorText(a.error)) + u'\n';
    }
    return tr("Actions:") + u'\n' + table.render() + failures;
}

QString SandboxSummary::actionComparison(int number, const ActionFigures* v, const ActionFigures* c) {
    const ActionFigures* any = v ? v : c;
    if (!any)
        return {};
    TextTable table({tr("metric"), tr("virtual"), tr("classic"), tr("classic / virtual")});
    const auto row = [&](const QString& name, auto value, auto text) {
        const QString missing = tr("-");
        table.addRow({name, v ? text(value(*v)) : missing, c ? text(value(*c)) : missing,
                      v && c ? ratio(double(value(*v)), double(value(*c))) : missing});
    };
    const auto asCount = [](quint64 n) { return count(n); };
    const auto asBytes = [](quint64 n) { return formatBytes(n); };
    const auto asNanos = [](quint64 n) { return formatNanos(n); };
    row(tr("pages moved"), [](const ActionFigures& a) { return a.pagesMoved; }, asCount);
    row(tr("pages written"), [](const ActionFigures& a) { return a.pagesWritten; }, asCount);
    row(tr("write calls"), [](const ActionFigures& a) { return a.writeCalls; }, asCount);
    row(tr("page-table entries walked"), [](const ActionFigures& a) { return a.ptesVisited; }, asCount);
    row(tr("bytes reclaimed"), [](const ActionFigures& a) { return a.bytesReclaimed; }, asBytes);
    // Before -> after in one cell; the ratio compares what is left reserved after the action.
    const auto reserved = [](const ActionFigures& a) {
        return tr("%1 -> %2").arg(formatBytes(a.diskReservedBefore), formatBytes(a.diskReservedAfter));
    };
    const QString missing = tr("-");
    table.addRow({tr("disk reserved before -> after"), v ? reserved(*v) : missing, c ? reserved(*c) : missing,
                  v && c ? ratio(double(v->diskReservedAfter), double(c->diskReservedAfter)) : missing});
    row(tr("CPU time"), [](const ActionFigures& a) { return a.cpuNanos; }, asNanos);
    row(tr("wall time"), [](const ActionFigures& a) { return a.nanos; }, asNanos);
    QString text = tr("Action %1: %2 at %3").arg(number).arg(SandboxJson::actionKindName(any->kind), formatAt(any->at))
        + u'\n' + table.render();
    if (v && v->error.code != Errc::Ok)
        text += QStringLiteral("  ") + tr("Failed in the virtual design: %1").arg(errorText(v->error)) + u'\n';
    if (c && c->error.code != Errc::Ok)
        text += QStringLiteral("  ") + tr("Failed in the classic design: %1").arg(errorText(c->error)) + u'\n';
    return text;
}

QString SandboxSummary::report(const QString& title, const SandboxReport& r) {
    QString text;
    const SandboxCounters& k = r.counters;
    const DesignFigures& f = r.figures;
    text += title + u'\n';
    text += tr("  seed %1, %2 rounds, %3 wall, %4 CPU, %5 accesses/s%6\n")
                .arg(r.seed)
                .arg(r.rounds)
                .arg(formatNanos(f.wallNanos), formatNanos(f.cpuNanos), perSecond(k.accesses, f.wallNanos),
                     r.cancelled ? tr(" (cancelled)") : r.cutShort ? tr(" (cut short by the duration)") : QString());

    TextTable counters({tr("counter"), tr("value"), tr("per second")});
    const auto row = [&](const QString& name, quint64 v) { counters.addRow({name, count(v), perSecond(v, f.wallNanos)}); };
    row(tr("accesses"), k.accesses);
    row(tr("writes"), k.writes);
    row(tr("first-touch faults"), k.firstTouchFaults);
    row(tr("swap-in faults (major)"), k.swapInFaults);
    row(tr("refaults (workingset)"), k.refaults);
    row(tr("refault activations"), k.refaultActivations);
    row(tr("swap-outs"), k.swapOuts);
    row(tr("pages scanned"), k.scanned);
    row(tr("copy-on-write breaks"), k.cowBreaks);
    row(tr("forks"), k.forks);
    row(tr("reclaim failures"), k.reclaimFailures);
    row(tr("charges past memory.max"), k.overLimitCharges);
    row(tr("swap.max hits"), k.swapMaxHits);
    row(tr("pages verified byte for byte"), k.verifiedPages);
    text += u'\n' + counters.render();

    TextTable tiers({tr("tier"), tr("entries"), tr("original"), tr("stored"), tr("capacity"), tr("pages in"),
                     tr("pages out")});
    for (const TierUsage& t : r.final.tiers)
        tiers.addRow({QString::fromStdString(t.name), count(t.entries), formatBytes(t.originalBytes),
                      formatBytes(t.storedBytes),
                      t.swappedOff ? tr("swapped off") : t.capacityBytes ? formatBytes(t.capacityBytes) : tr("-"),
                      count(t.pagesIn), count(t.pagesOut)});
    text += u'\n' + tr("Tiers at the end of the workload:") + u'\n' + tiers.render();

    TextTable cgroups({tr("cgroup"), tr("memory.max"), tr("resident"), tr("peak"), tr("swapped"), tr("in pool"),
                       tr("swap-outs"), tr("swap-ins"), tr("refaults")});
    for (const CgroupUsage& c : r.final.cgroups) {
        quint64 swapped = 0;
        for (std::uint64_t e : c.swappedPages)
            swapped += e;
        cgroups.addRow({QString::fromStdString(c.name), limitText(c.memoryMax), formatBytes(c.residentPages * kPageSize),
                        formatBytes(c.peakResidentPages * kPageSize), formatBytes(swapped * kPageSize),
                        formatBytes(c.poolBytes), count(c.counters.swapOuts), count(c.counters.swapInFaults),
                        count(c.counters.refaults)});
    }
    text += u'\n' + tr("Cgroups (resident and peak include the subtree):") + u'\n' + cgroups.render();

    TextTable figures({tr("design figure"), tr("now"), tr("peak")});
    figures.addRow({tr("swap metadata"), formatBytes(f.metadataBytes), formatBytes(f.peakMetadataBytes)});
    figures.addRow({tr("disk reserved"), formatBytes(f.diskReservedBytes), formatBytes(f.peakDiskReservedBytes)});
    figures.addRow({tr("pages written to disk"), count(f.pagesWritten), QString()});
    figures.addRow({tr("pages read from disk"), count(f.pagesRead), QString()});
    figures.addRow({tr("pages written back from the pool"), count(f.poolWritebacks), QString()});
    text += u'\n' + figures.render();

    if (!r.swapoffs.empty()) {
        TextTable swapoffs({tr("swapoff of device"), tr("entries"), tr("mapped pages"), tr("PTEs walked"), tr("time"),
                            tr("CPU")});
        for (const SwapoffFigures& s : r.swapoffs)
            swapoffs.addRow({QString::number(s.device), count(s.entries), count(s.mappedPages), count(s.ptesVisited),
                             formatNanos(s.nanos), formatNanos(s.cpuNanos)});
        text += u'\n' + swapoffs.render();
    }
    if (!r.actions.empty())
        text += u'\n' + actions(r.actions);
    if (r.firstStoreError.code != Errc::Ok)
        text += u'\n' + tr("Some pages could not be swapped out and stayed resident (first refusal: %1).")
                            .arg(QString::fromLatin1(errcName(r.firstStoreError.code))) + u'\n';
    text += u'\n' + tr("Teardown: every process exited; %n entries left in the swap design.", nullptr,
                        int(r.leakedEntries)) + u'\n';
    return text;
}

std::vector<ComparisonRow> SandboxSummary::comparisonRows(const SandboxReport& v, const SandboxReport& c) {
    using Unit = ComparisonRow::Unit;
    using Kind = ComparisonRow::Kind;
    std::vector<ComparisonRow> rows;
    const auto add = [&](const char* key, const QString& name, const QString& description, quint64 a, quint64 b,
                         Unit unit, Kind kind = Kind::Cost) {
        rows.push_back(ComparisonRow{QString::fromLatin1(key), name, description, a, b, unit, kind});
    };
    add("wall_nanos", tr("wall time"), tr("Elapsed time of the whole run, workload and actions."),
        v.figures.wallNanos, c.figures.wallNanos, Unit::Nanos);
    add("cpu_nanos", tr("CPU time"), tr("Processor time the process used during the run, all threads together."),
        v.figures.cpuNanos, c.figures.cpuNanos, Unit::Nanos);
    add("accesses", tr("accesses"),
        tr("Page accesses the workload made: the same work in both designs (same workload and seed)."),
        v.counters.accesses, c.counters.accesses, Unit::Count, Kind::Workload);
    add("swapouts", tr("swap-outs"), tr("Pages the reclaimer swapped out (to zero pages, the pool or swapfiles)."),
        v.counters.swapOuts, c.counters.swapOuts, Unit::Count, Kind::Workload);
    add("swapin_faults", tr("swap-in faults"), tr("Faults on swapped pages that brought them back (major faults)."),
        v.counters.swapInFaults, c.counters.swapInFaults, Unit::Count);
    add("refaults", tr("refaults"),
        tr("Swap-ins of pages that were evicted while still in use (workingset refaults)."), v.counters.refaults,
        c.counters.refaults, Unit::Count);
    add("pages_written", tr("pages written to disk"), tr("4 KiB pages written to the swapfiles."),
        v.figures.pagesWritten, c.figures.pagesWritten, Unit::Count);
    add("pages_read", tr("pages read from disk"), tr("4 KiB pages read back from the swapfiles."),
        v.figures.pagesRead, c.figures.pagesRead, Unit::Count);
    add("pool_writebacks", tr("pool writebacks"),
        tr("Pages the compressed pool wrote back to the swapfiles to make room or by request (zswpwb)."),
        v.figures.poolWritebacks, c.figures.poolWritebacks, Unit::Count);
    add("peak_disk_reserved_bytes", tr("disk reserved (peak)"),
        tr("Most swapfile space taken at once. The classic design reserves a swapfile slot for every compressed "
           "page, even one that never reaches the disk."),
        v.figures.peakDiskReservedBytes, c.figures.peakDiskReservedBytes, Unit::Bytes);
    add("final_disk_reserved_bytes", tr("disk reserved (end)"),
        tr("Swapfile space taken after the last access, before the processes exit."),
        v.final.figures.diskReservedBytes, c.final.figures.diskReservedBytes, Unit::Bytes);
    add("peak_metadata_bytes", tr("swap metadata (peak)"),
        tr("Most memory the swap bookkeeping took at once: descriptors or swap maps, the pool's index, reverse "
           "maps."),
        v.figures.peakMetadataBytes, c.figures.peakMetadataBytes, Unit::Bytes);
    if (!v.swapoffs.empty() || !c.swapoffs.empty()) {
        add("swapoff_nanos", tr("swapoff time"), tr("Elapsed time of every swapoff of the run together."),
            swapoffNanos(v), swapoffNanos(c), Unit::Nanos);
        quint64 pv = 0, pc = 0;
        for (const SwapoffFigures& s : v.swapoffs)
            pv += s.ptesVisited;
        for (const SwapoffFigures& s : c.swapoffs)
            pc += s.ptesVisited;
        add("swapoff_ptes_visited", tr("swapoff page-table entries walked"),
            tr("Page-table entries swapoff had to visit. The classic design walks every page table to find the "
               "entries of the device; the virtual design changes only the descriptors."),
            pv, pc, Unit::Count);
    }
    return rows;
}

QString SandboxSummary::formatValue(ComparisonRow::Unit unit, quint64 value) {
    switch (unit) {
    case ComparisonRow::Unit::Count: return count(value);
    case ComparisonRow::Unit::Bytes: return formatBytes(value);
    case ComparisonRow::Unit::Nanos: return formatNanos(value);
    }
    return count(value);
}

QString SandboxSummary::comparison(const QString& title, const SandboxReport& v, const SandboxReport& c) {
    TextTable table({tr("metric"), tr("virtual"), tr("classic"), tr("classic / virtual")});
    for (const ComparisonRow& r : comparisonRows(v, c))
        table.addRow({r.name, formatValue(r.unit, r.virtualValue), formatValue(r.unit, r.classicValue),
                      ratio(double(r.virtualValue), double(r.classicValue))});
    QString text = title + u'\n' + table.render();
    const std::size_t actionCount = std::max(v.actions.size(), c.actions.size());
    for (std::size_t i = 0; i < actionCount; ++i)
        text += u'\n'
            + actionComparison(int(i + 1), i < v.actions.size() ? &v.actions[i] : nullptr,
                               i < c.actions.size() ? &c.actions[i] : nullptr);
    return text;
}

QString SandboxSummary::swapoffCurve(const std::vector<std::tuple<QString, SandboxReport, SandboxReport>>& variants) {
    TextTable table({tr("variant"), tr("mapped pages"), tr("swapped entries"), tr("virtual swapoff"),
                     tr("classic swapoff"), tr("classic PTEs walked"), tr("classic / virtual")});
    for (const auto& [label, v, c] : variants) {
        if (v.swapoffs.empty() || c.swapoffs.empty())
            continue;
        const SwapoffFigures& sv = v.swapoffs.front();
        const SwapoffFigures& sc = c.swapoffs.front();
        table.addRow({label.isEmpty() ? tr("(default)") : label, count(sc.mappedPages), count(sv.entries),
                      formatNanos(sv.nanos), formatNanos(sc.nanos), count(sc.ptesVisited),
                      ratio(double(sv.nanos), double(sc.nanos))});
    }
    if (table.rowCount() == 0)
        return {};
    return tr("Swapoff cost as the mapped area grows:") + u'\n' + table.render();
}

} // namespace swaptier::services
