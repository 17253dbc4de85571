// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusExporter: builds the metric families of a sample (tiers and cgroups bounded to the
// largest few, the rest summed into "other"), renders them in the text format 0.0.4 and writes
// them atomically for the textfile collector. See prometheusexporter.h and docs/metrics.md.
#include "prometheusexporter.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <numeric>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;

// Every SandboxCounters field is exported (the table in families()): a new field must get a
// metric, and a line in docs/metrics.md, before this compiles again.
static_assert(sizeof(SandboxCounters) == 18 * sizeof(std::uint64_t), "a SandboxCounters field has no metric");

// --- model -------------------------------------------------------------------------------

/// One series of a family: its own labels (already rendered, without the common ones) and value.
struct Series {
    QString labels;
    QString value;
};

struct Family {
    QLatin1StringView name;
    QLatin1StringView type; ///< "gauge" or "counter"
    QLatin1StringView help;
    std::vector<Series> series;
};

QString num(std::uint64_t v) { return QString::number(static_cast<quint64>(v)); }

/// Nanoseconds as exact decimal seconds: 1500000000 -> "1.5", 42 -> "0.000000042".
QString seconds(std::uint64_t nanos) {
    constexpr std::uint64_t kNanosPerSecond = 1'000'000'000;
    QString out = num(nanos / kNanosPerSecond);
    const std::uint64_t frac = nanos % kNanosPerSecond;
    if (frac) {
        QString digits = num(frac).rightJustified(9, u'0');
        while (digits.endsWith(u'0'))
            digits.chop(1);
        out += u'.' + digits;
    }
    return out;
}

QString label(QLatin1StringView name, const QString& value) {
    return name + u"=\"" + PrometheusExporter::escapeLabelValue(value) + u'"';
}

/// Indices of the `keep` largest rows by `size` (ties: earlier first), in their original order.
std::vector<std::size_t> largest(const std::vector<std::uint64_t>& size, int keep) {
    std::vector<std::size_t> order(size.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
    order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(keep, 0))));
    std::sort(order.begin(), order.end());
    return order;
}

// --- tiers -------------------------------------------------------------------------------

struct TierRow {
    QString name;
    QString backend;
    std::uint64_t entries = 0;
    std::uint64_t originalBytes = 0;
    std::uint64_t storedBytes = 0;
    std::uint64_t capacityBytes = 0; ///< 0 = none
};

std::vector<TierRow> tierRows(const std::vector<TierUsage>& tiers, int maxTiers) {
    std::vector<std::uint64_t> size;
    for (const TierUsage& t : tiers)
        size.push_back(t.originalBytes);
    const std::vector<std::size_t> kept = largest(size, maxTiers);

    std::vector<TierRow> rows;
    std::vector<bool> isKept(tiers.size(), false);
    for (std::size_t i : kept) {
        const TierUsage& t = tiers[i];
        isKept[i] = true;
        rows.push_back({QString::fromStdString(t.name), QLatin1StringView(backendName(t.backend)), t.entries,
                        t.originalBytes, t.storedBytes, t.capacityBytes});
    }
    if (kept.size() < tiers.size()) {
        TierRow other{u"other"_s, {}, 0, 0, 0, 0};
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            if (isKept[i])
                continue;
            const TierUsage& t = tiers[i];
            const QString backend = QLatin1StringView(backendName(t.backend));
            other.backend = other.backend.isEmpty() || other.backend == backend ? backend : u"mixed"_s;
            other.entries += t.entries;
            other.originalBytes += t.originalBytes;
            other.storedBytes += t.storedBytes;
            other.capacityBytes += t.capacityBytes;
        }
        rows.push_back(other);
    }
    return rows;
}

// --- cgroups -----------------------------------------------------------------------------

struct CgroupRow {
    QString name;
    std::uint64_t residentBytes = 0;
    std::uint64_t memoryMax = kNoLimit;
    std::array<std::uint64_t, kBackendCount> swappedBytes{};
    std::uint64_t poolBytes = 0;
    std::uint64_t swapInFaults = 0;
    std::uint64_t refaults = 0;
    std::uint64_t swapOuts = 0;

    void add(const CgroupUsage& c) {
        residentBytes += c.residentPages * kPageSize;
        for (std::size_t b = 0; b < kBackendCount; ++b)
            swappedBytes[b] += c.swappedPages[b] * kPageSize;
        poolBytes += c.poolBytes;
        swapInFaults += c.counters.swapInFaults;
        refaults += c.counters.refaults;
        swapOuts += c.counters.swapOuts;
    }
};

std::vector<CgroupRow> cgroupRows(const std::vector<CgroupUsage>& cgroups, int maxCgroups) {
    std::vector<std::uint64_t> size;
    for (const CgroupUsage& c : cgroups)
        size.push_back(std::accumulate(c.swappedPages.begin(), c.swappedPages.end(), c.residentPages));
    const std::vector<std::size_t> kept = largest(size, maxCgroups);

    std::vector<CgroupRow> rows;
    std::vector<bool> isKept(cgroups.size(), false);
    for (std::size_t i : kept) {
        isKept[i] = true;
        CgroupRow row;
        row.name = QString::fromStdString(cgroups[i].name);
        row.memoryMax = cgroups[i].memoryMax;
        row.add(cgroups[i]);
        rows.push_back(row);
    }
    if (kept.size() < cgroups.size()) {
        CgroupRow other; // no memory.max: a sum of limits means nothing
        other.name = u"other"_s;
        for (std::size_t i = 0; i < cgroups.size(); ++i)
            if (!isKept[i])
                other.add(cgroups[i]);
        rows.push_back(other);
    }
    return rows;
}

// --- families ----------------------------------------------------------------------------

Family family(const char* name, const char* type, const char* help) {
    return {QLatin1StringView(name), QLatin1StringView(type), QLatin1StringView(help), {}};
}

Family single(const char* name, const char* type, const char* help, const QString& value) {
    Family f = family(name, type, help);
    f.series.push_back({QString(), value});
    return f;
}

std::vector<Family> families(const SandboxSample& s, const PrometheusExporter::Options& options) {
    std::vector<Family> out;

    // Run-wide state.
    out.push_back(single("swaptier_progress_ratio", "gauge", "Share of the planned accesses done, 0 to 1.",
                         QString::number(s.progress, 'g', 6)));
    out.push_back(single("swaptier_elapsed_seconds", "gauge", "Wall-clock time since the run started.",
                         seconds(s.elapsedNanos)));
    out.push_back(single("swaptier_rounds_total", "counter", "Rounds of the sandbox run so far.", num(s.round)));

    // Sandbox-wide counters (kernel names in docs/metrics.md).
    const SandboxCounters& c = s.counters;
    const struct {
        const char* name;
        const char* help;
        std::uint64_t value;
    } counters[] = {
        {"swaptier_accesses_total", "Page accesses made by the workloads.", c.accesses},
        {"swaptier_writes_total", "Page accesses that wrote.", c.writes},
        {"swaptier_first_touch_faults_total", "Faults on never-touched pages.", c.firstTouchFaults},
        {"swaptier_swapin_faults_total", "Faults on swapped pages (pgmajfault).", c.swapInFaults},
        {"swaptier_refaults_total", "Swap-ins of recently evicted pages (workingset_refault_anon).", c.refaults},
        {"swaptier_refault_activations_total", "Refaulted pages activated at once (workingset_activate_anon).",
         c.refaultActivations},
        {"swaptier_swapouts_total", "Pages swapped out (pswpout + zswpout + swpout_zero).", c.swapOuts},
        {"swaptier_cow_breaks_total", "Writes that broke a copy-on-write share.", c.cowBreaks},
        {"swaptier_forks_total", "Processes forked.", c.forks},
        {"swaptier_exits_total", "Processes exited.", c.exits},
        {"swaptier_pages_scanned_total", "Pages looked at by the reclaimer (pgscan).", c.scanned},
        {"swaptier_activations_total", "Pages moved to the active list (pgactivate).", c.activations},
        {"swaptier_deactivations_total", "Pages moved to the inactive list (pgdeactivate).", c.deactivations},
        {"swaptier_reclaim_failures_total", "Pages the reclaimer could not swap out.", c.reclaimFailures},
        {"swaptier_over_limit_charges_total",
         "Pages charged past memory.max because reclaim could not make room (the kernel would OOM-kill).",
         c.overLimitCharges},
        {"swaptier_swap_max_hits_total", "Swap-outs refused by memory.swap.max (memory.events swap_max).",
         c.swapMaxHits},
        {"swaptier_zswap_max_hits_total", "Pages sent past the pool because of memory.zswap.max.", c.zswapMaxHits},
        {"swaptier_verified_pages_total", "Swapped-in pages compared byte for byte with what was swapped out.",
         c.verifiedPages},
    };
    for (const auto& counter : counters)
        out.push_back(single(counter.name, "counter", counter.help, num(counter.value)));

    // Design figures.
    const DesignFigures& f = s.figures;
    out.push_back(single("swaptier_disk_reserved_bytes", "gauge",
                         "Swapfile space taken now (classic: including the pool's slot reservations).",
                         num(f.diskReservedBytes)));
    out.push_back(single("swaptier_disk_reserved_peak_bytes", "gauge", "Highest swaptier_disk_reserved_bytes so far.",
                         num(f.peakDiskReservedBytes)));
    out.push_back(single("swaptier_metadata_bytes", "gauge",
                         "Swap metadata now: descriptors or swap_map, pool tree, reverse maps.", num(f.metadataBytes)));
    out.push_back(single("swaptier_metadata_peak_bytes", "gauge", "Highest swaptier_metadata_bytes so far.",
                         num(f.peakMetadataBytes)));
    out.push_back(single("swaptier_disk_pages_written_total", "counter", "4 KiB pages written to swapfiles.",
                         num(f.pagesWritten)));
    out.push_back(single("swaptier_disk_pages_read_total", "counter", "4 KiB pages read from swapfiles.",
                         num(f.pagesRead)));
    out.push_back(single("swaptier_pool_writebacks_total", "counter",
                         "Pages written back from the compressed pool to swapfiles (zswpwb).",
                         num(f.poolWritebacks)));
    out.push_back(single("swaptier_cpu_seconds_total", "counter", "Process CPU time of the run, all threads.",
                         seconds(f.cpuNanos)));

    // Tiers.
    Family entries = family("swaptier_tier_entries", "gauge", "Swap entries held by the tier.");
    Family original = family("swaptier_tier_original_bytes", "gauge", "Uncompressed size of the tier's entries.");
    Family stored = family("swaptier_tier_stored_bytes", "gauge",
                           "Bytes the tier's entries take in it (compressed in the pool, slots on a device).");
    Family capacity = family("swaptier_tier_capacity_bytes", "gauge",
                             "Size of the device or the pool limit (absent when the tier has none).");
    for (const TierRow& t : tierRows(s.tiers, options.maxTiers)) {
        const QString labels = label("tier"_L1, t.name) + u',' + label("backend"_L1, t.backend);
        entries.series.push_back({labels, num(t.entries)});
        original.series.push_back({labels, num(t.originalBytes)});
        stored.series.push_back({labels, num(t.storedBytes)});
        if (t.capacityBytes)
            capacity.series.push_back({labels, num(t.capacityBytes)});
    }
    for (Family* fam : {&entries, &original, &stored, &capacity})
        out.push_back(std::move(*fam));

    // Cgroups.
    Family resident = family("swaptier_cgroup_resident_bytes", "gauge", "Resident memory of the cgroup's subtree.");
    Family memoryMax = family("swaptier_cgroup_memory_max_bytes", "gauge",
                              "memory.max of the cgroup (absent when unlimited).");
    Family swapped = family("swaptier_cgroup_swapped_bytes", "gauge",
                            "Uncompressed size of the cgroup's swapped pages, by backend (this cgroup only).");
    Family pool = family("swaptier_cgroup_pool_stored_bytes", "gauge",
                         "Compressed bytes of the cgroup's pages in the pool (this cgroup only).");
    Family swapins = family("swaptier_cgroup_swapin_faults_total", "counter", "Faults on swapped pages of the cgroup.");
    Family refaults = family("swaptier_cgroup_refaults_total", "counter", "Refaults of the cgroup.");
    Family swapouts = family("swaptier_cgroup_swapouts_total", "counter", "Pages of the cgroup swapped out.");
    for (const CgroupRow& row : cgroupRows(s.cgroups, options.maxCgroups)) {
        const QString labels = label("cgroup"_L1, row.name);
        resident.series.push_back({labels, num(row.residentBytes)});
        if (row.memoryMax != kNoLimit)
            memoryMax.series.push_back({labels, num(row.memoryMax)});
        for (std::size_t b = 0; b < kBackendCount; ++b)
            swapped.series.push_back(
                {labels + u',' + label("backend"_L1, QLatin1StringView(backendName(static_cast<Backend>(b)))),
                 num(row.swappedBytes[b])});
        pool.series.push_back({labels, num(row.poolBytes)});
        swapins.series.push_back({labels, num(row.swapInFaults)});
        refaults.series.push_back({labels, num(row.refaults)});
        swapouts.series.push_back({labels, num(row.swapOuts)});
    }
    for (Family* fam : {&resident, &memoryMax, &swapped, &pool, &swapins, &refaults, &swapouts})
        out.push_back(std::move(*fam));
    return out;
}

QString osError(int code) { return QString::fromStdString(std::generic_category().message(code)); }

/// write(2) all of `data`, retrying on EINTR and short writes. Returns 0 or an errno.
int writeAll(int fd, const QByteArray& data) {
    const char* p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<std::size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += n;
        left -= n;
    }
    return 0;
}

} // namespace

QString PrometheusExporter::escapeLabelValue(const QString& value) {
    QString out;
    out.reserve(value.size());
    for (QChar ch : value) {
        if (ch == u'\\')
            out += u"\\\\";
        else if (ch == u'"')
            out += u"\\\"";
        else if (ch == u'\n')
            out += u"\\n";
        else
            out += ch;
    }
    return out;
}

QString PrometheusExporter::render(const SandboxSample& sample, const Labels& labels, const Options& options) {
    const QString common = label("scenario"_L1, labels.scenario) + u',' + label("design"_L1, labels.design) + u','
                           + label("source"_L1, labels.source);
    QString out;
    for (const Family& f : families(sample, options)) {
        if (f.series.empty())
            continue;
        out += u"# HELP " + f.name + u' ' + f.help + u'\n';
        out += u"# TYPE " + f.name + u' ' + f.type + u'\n';
        for (const Series& s : f.series)
            out += f.name + u'{' + (s.labels.isEmpty() ? common : s.labels + u',' + common) + u"} " + s.value + u'\n';
    }
    return out;
}

bool PrometheusExporter::write(const QString& dir, const SandboxSample& sample, const Labels& labels,
                               const Options& options, QString* error) {
    const auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (options.fileName.isEmpty() || options.fileName.contains(u'/') || options.fileName.startsWith(u'.'))
        return fail(tr("Invalid metrics file name \"%1\": it must be a plain, visible file name.")
                        .arg(options.fileName));

    const QString target = dir + u'/' + options.fileName;
    // ".swaptier.prom.tmp-XXXXXX": hidden and not ending in .prom, so the collector skips it.
    QByteArray tmpName = QFile::encodeName(dir + u"/." + options.fileName + u".tmp-XXXXXX");
    const int fd = ::mkostemp(tmpName.data(), O_CLOEXEC);
    if (fd < 0)
        return fail(tr("Cannot create a temporary file in %1: %2").arg(dir, osError(errno)));
    const QString tmpPath = QFile::decodeName(tmpName);

    const auto abandon = [&](const QString& text) {
        ::unlink(tmpName.constData());
        return fail(text);
    };
    const QByteArray data = render(sample, labels, options).toUtf8();
    if (const int e = writeAll(fd, data)) {
        ::close(fd);
        return abandon(tr("Cannot write %1: %2").arg(tmpPath, osError(e)));
    }
    if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
        const int e = errno;
        ::close(fd);
        return abandon(tr("Cannot write %1: %2").arg(tmpPath, osError(e)));
    }
    if (::close(fd) != 0)
        return abandon(tr("Cannot write %1: %2").arg(tmpPath, osError(errno)));
    if (::rename(tmpName.constData(), QFile::encodeName(target).constData()) != 0)
        return abandon(tr("Cannot replace %1: %2").arg(target, osError(errno)));

    // Make the rename itself durable. EINVAL: the filesystem cannot sync directories.
    const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0)
        return fail(tr("%1 was replaced, but its directory cannot be opened to flush it: %2").arg(target, osError(errno)));
    const int synced = ::fsync(dirFd) == 0 ? 0 : errno;
    ::close(dirFd);
    if (synced != 0 && synced != EINVAL)
        return fail(tr("%1 was replaced, but its directory cannot be flushed to disk: %2").arg(target, osError(synced)));
    return true;
}

} // namespace swaptier::services
