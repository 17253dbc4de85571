// SPDX-License-Identifier: GPL-3.0-or-later
#include "statsreport.h"

#include "texttable.h"
#include "units.h"

#include <QJsonArray>

namespace swaptier::services {

namespace {

QString num(quint64 v) { return QString::number(v); }

QString backendLabel(Backend b) { return QString::fromLatin1(backendName(b)); }

/// "key  value" lines with the keys padded to one width.
QString keyValues(const QList<std::pair<QString, QString>>& items, int indent = 2) {
    qsizetype width = 0;
    for (const auto& [key, value] : items)
        width = std::max(width, key.size());
    QString out;
    for (const auto& [key, value] : items)
        out += QString(indent, u' ') + key.leftJustified(width) + QStringLiteral("  ") + value + u'\n';
    return out;
}

QString heading(const QString& title) { return title + u'\n'; }

double ratioOf(quint64 original, quint64 stored) { return stored ? double(original) / double(stored) : 0.0; }

} // namespace

QList<std::pair<const char*, quint64>> StatsReport::eventCounters(const EventCounters& e) {
    return {
        {"swap_outs", e.swapOuts},         {"swap_ins", e.swapIns},           {"swpout_zero", e.swpoutZero},
        {"swpin_zero", e.swpinZero},       {"zswpout", e.zswpout},            {"zswpin", e.zswpin},
        {"zswpwb", e.zswpwb},              {"pswpout", e.pswpout},            {"pswpin", e.pswpin},
        {"swap_cache_hits", e.cacheHits},  {"swap_duplicates", e.duplicates}, {"swap_puts", e.puts},
        {"swap_frees", e.frees},           {"swap_moves", e.moves},           {"swap_move_failures", e.moveFailures},
        {"promotions", e.promotions},      {"tier_promotions", e.tierPromotions}, {"recompressions", e.recompressions}, {"writeback_writes", e.writebackWrites},
        {"zswap_rejects", e.poolRejects},  {"swap_io_errors", e.ioErrors},    {"swap_corruptions", e.corruptions},
        // Traffic per place (EventCounters::storedTo / loadedFrom).
        {"stored_zero", e.storedTo[std::size_t(Backend::Zero)]},
        {"stored_pool", e.storedTo[std::size_t(Backend::Pool)]},
        {"stored_device", e.storedTo[std::size_t(Backend::Device)]},
        {"stored_memory", e.storedTo[std::size_t(Backend::Memory)]},
        {"loaded_zero", e.loadedFrom[std::size_t(Backend::Zero)]},
        {"loaded_pool", e.loadedFrom[std::size_t(Backend::Pool)]},
        {"loaded_device", e.loadedFrom[std::size_t(Backend::Device)]},
        {"loaded_memory", e.loadedFrom[std::size_t(Backend::Memory)]},
    };
}

QString StatsReport::toText(const EngineStats& s, TextOptions options) {
    QString out;

    // --- backends ---
    {
        TextTable t({tr("backend"), tr("entries"), tr("original"), tr("stored"), tr("ratio")});
        BackendUsage total;
        for (std::size_t i = 0; i < kBackendCount; ++i) {
            const BackendUsage& u = s.backends[i];
            const auto b = static_cast<Backend>(i);
            t.addRow({backendLabel(b), num(u.entries), formatBytes(u.originalBytes), formatBytes(u.storedBytes),
                      b == Backend::Zero ? QStringLiteral("-") : formatRatio(ratioOf(u.originalBytes, u.storedBytes))});
            total.entries += u.entries;
            total.originalBytes += u.originalBytes;
            total.storedBytes += u.storedBytes;
        }
        t.addRow({tr("total"), num(total.entries), formatBytes(total.originalBytes), formatBytes(total.storedBytes),
                  formatRatio(ratioOf(total.originalBytes, total.storedBytes))});
        out += heading(tr("Backends")) + t.render() + u'\n';
    }

    // --- compressed pool ---
    {
        const PoolStats& p = s.pool;
        QString codec = QString::fromLatin1(codecName(p.codec));
        if (p.codec == Codec::Zstd)
            codec += u' ' + tr("(level %1)").arg(p.zstdLevel);
        const QString limit
            = p.limitBytes
                  ? tr("%1, accepting again below %2%").arg(formatBytes(p.limitBytes)).arg(p.acceptThresholdPercent)
                  : tr("none");
        out += heading(tr("Compressed pool"));
        out += keyValues({
            {tr("codec"), codec},
            {tr("objects"), tr("%1 (%2 stored raw)").arg(p.objects).arg(p.rawObjects)},
            {tr("original bytes"), formatBytes(p.originalBytes)},
            {tr("stored bytes"), formatBytes(p.storedBytes)},
            {tr("pool bytes"), tr("%1 in %2 zspages").arg(formatBytes(p.poolBytes)).arg(p.zspages)},
            {tr("compression ratio"), formatRatio(p.compressionRatio())},
            {tr("allocator efficiency"), p.poolBytes ? formatPercent(p.allocatorEfficiency()) : QStringLiteral("-")},
            {tr("effective ratio"), formatRatio(p.effectiveRatio())},
            {tr("limit"), limit},
            {tr("full"), p.full ? tr("yes (refusing stores)") : tr("no")},
            {tr("limit hits"), num(p.limitHits)},
            {tr("rejects"), num(p.rejects)},
            {tr("allocator metadata"), formatBytes(p.metadataBytes)},
        });
        if (options.poolClasses && !p.classes.empty()) {
            TextTable t({tr("class size"), tr("pages/zspage"), tr("objects/zspage"), tr("zspages"), tr("objects"),
                         tr("used")});
            for (const PoolClassStats& c : p.classes) {
                const quint64 capacity = quint64(c.objectsPerZspage) * c.zspages;
                t.addRow({num(c.objectSize), num(c.pagesPerZspage), num(c.objectsPerZspage), num(c.zspages),
                          num(c.objects),
                          capacity ? formatPercent(double(c.objects) / double(capacity)) : QStringLiteral("-")});
            }
            out += u'\n' + t.render(4);
        }
        out += u'\n';
    }

    // --- devices ---
    {
        out += heading(tr("Swap devices"));
        if (s.devices.empty()) {
            out += QStringLiteral("  ") + tr("none") + u'\n';
        } else {
            TextTable t({tr("device"), tr("priority"), tr("used slots"), tr("used"), tr("reads"), tr("writes"),
                         tr("errors r/w/crc/discard"), tr("discards"), tr("flags"), tr("path")},
                        {TextTable::Align::Left, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Right,
                         TextTable::Align::Right, TextTable::Align::Right, TextTable::Align::Left,
                         TextTable::Align::Left});
            for (const DeviceStats& d : s.devices) {
                QStringList flags;
                flags << (d.directIo ? tr("direct") : tr("buffered"));
                if (d.discard)
                    flags << tr("discard");
                if (d.writeBehind)
                    flags << tr("write-behind");
                if (d.draining)
                    flags << tr("draining");
                t.addRow(
                    {num(d.id.value), QString::number(d.priority),
                     QStringLiteral("%1/%2").arg(d.usedSlots).arg(d.totalSlots),
                     d.totalSlots ? formatPercent(double(d.usedSlots) / double(d.totalSlots)) : QStringLiteral("-"),
                     num(d.reads), num(d.writes),
                     QStringLiteral("%1/%2/%3/%4")
                         .arg(d.readErrors)
                         .arg(d.writeErrors)
                         .arg(d.checksumErrors)
                         .arg(d.discardErrors),
                     num(d.discards), flags.join(u','), QString::fromStdString(d.path)});
            }
            out += t.render();
        }
        out += u'\n';
    }

    // --- descriptors ---
    {
        const SlotTableStats& t = s.slotTable;
        out += heading(tr("Descriptors (virtual slot table)"));
        out += keyValues({
            {tr("live entries"), num(t.liveEntries)},
            {tr("clusters"), num(t.clusters)},
            {tr("metadata"), formatBytes(t.metadataBytes)},
            {tr("metadata per entry"),
             t.liveEntries ? tr("%1 B").arg(QString::number(t.bytesPerEntry(), 'f', 1)) : QStringLiteral("-")},
            {tr("overflow swap counts"), num(t.overflowCounts)},
            {tr("swap-cache pages"), num(t.cachedPages)},
        });
        out += u'\n';
    }

    // --- cgroups ---
    {
        out += heading(tr("Cgroups"));
        if (s.cgroups.empty()) {
            out += QStringLiteral("  ") + tr("none") + u'\n';
        } else {
            // Event columns carry their report keys (as in the Events table), not translated.
            TextTable t({tr("cgroup"), tr("zero"), tr("pool"), tr("device"), tr("memory"), tr("stored"),
                         QStringLiteral("swap_outs"), QStringLiteral("swap_ins"), QStringLiteral("zswpout"),
                         QStringLiteral("zswpin"), QStringLiteral("zswpwb"), QStringLiteral("pswpout"),
                         QStringLiteral("pswpin")});
            for (const CgroupStats& c : s.cgroups) {
                quint64 stored = 0;
                for (const BackendUsage& u : c.backends)
                    stored += u.storedBytes;
                const auto entries = [&](Backend b) { return num(c.backends[std::size_t(b)].entries); };
                t.addRow({num(c.id.value), entries(Backend::Zero), entries(Backend::Pool), entries(Backend::Device),
                          entries(Backend::Memory), formatBytes(stored), num(c.events.swapOuts), num(c.events.swapIns),
                          num(c.events.zswpout), num(c.events.zswpin), num(c.events.zswpwb), num(c.events.pswpout),
                          num(c.events.pswpin)});
            }
            out += t.render();
        }
        out += u'\n';
    }

    // --- events ---
    {
        TextTable t({tr("event"), tr("count")});
        for (const auto& [key, value] : eventCounters(s.events))
            t.addRow({QString::fromLatin1(key), num(value)});
        out += heading(tr("Events")) + t.render();
    }
    return out;
}

QJsonObject StatsReport::backendUsageJson(const BackendUsage& u) {
    return {{QStringLiteral("entries"), qint64(u.entries)},
            {QStringLiteral("original_bytes"), qint64(u.originalBytes)},
            {QStringLiteral("stored_bytes"), qint64(u.storedBytes)}};
}

namespace {

QJsonObject eventsJson(const EventCounters& e) {
    QJsonObject o;
    for (const auto& [key, value] : StatsReport::eventCounters(e))
        o.insert(QLatin1StringView(key), qint64(value));
    return o;
}

QJsonObject backendsJson(const std::array<BackendUsage, kBackendCount>& backends) {
    QJsonObject o;
    for (std::size_t i = 0; i < kBackendCount; ++i)
        o.insert(QLatin1StringView(backendName(static_cast<Backend>(i))), StatsReport::backendUsageJson(backends[i]));
    return o;
}

} // namespace

QJsonObject StatsReport::toJsonObject(const EngineStats& s) {
    QJsonObject root;
    root.insert(QStringLiteral("backends"), backendsJson(s.backends));
    root.insert(QStringLiteral("events"), eventsJson(s.events));

    const PoolStats& p = s.pool;
    QJsonArray classes;
    for (const PoolClassStats& c : p.classes)
        classes.append(QJsonObject{{QStringLiteral("object_size"), qint64(c.objectSize)},
                                   {QStringLiteral("pages_per_zspage"), qint64(c.pagesPerZspage)},
                                   {QStringLiteral("objects_per_zspage"), qint64(c.objectsPerZspage)},
                                   {QStringLiteral("zspages"), qint64(c.zspages)},
                                   {QStringLiteral("objects"), qint64(c.objects)}});
    root.insert(QStringLiteral("pool"),
                QJsonObject{{QStringLiteral("codec"), QLatin1StringView(codecName(p.codec))},
                            {QStringLiteral("zstd_level"), p.zstdLevel},
                            {QStringLiteral("limit_bytes"), qint64(p.limitBytes)},
                            {QStringLiteral("accept_threshold_percent"), qint64(p.acceptThresholdPercent)},
                            {QStringLiteral("full"), p.full},
                            {QStringLiteral("objects"), qint64(p.objects)},
                            {QStringLiteral("raw_objects"), qint64(p.rawObjects)},
                            {QStringLiteral("original_bytes"), qint64(p.originalBytes)},
                            {QStringLiteral("stored_bytes"), qint64(p.storedBytes)},
                            {QStringLiteral("pool_bytes"), qint64(p.poolBytes)},
                            {QStringLiteral("zspages"), qint64(p.zspages)},
                            {QStringLiteral("limit_hits"), qint64(p.limitHits)},
                            {QStringLiteral("rejects"), qint64(p.rejects)},
                            {QStringLiteral("metadata_bytes"), qint64(p.metadataBytes)},
                            {QStringLiteral("compression_ratio"), p.compressionRatio()},
                            {QStringLiteral("allocator_efficiency"), p.allocatorEfficiency()},
                            {QStringLiteral("effective_ratio"), p.effectiveRatio()},
                            {QStringLiteral("classes"), classes}});

    QJsonArray devices;
    for (const DeviceStats& d : s.devices)
        devices.append(QJsonObject{{QStringLiteral("id"), qint64(d.id.value)},
                                   {QStringLiteral("path"), QString::fromStdString(d.path)},
                                   {QStringLiteral("priority"), d.priority},
                                   {QStringLiteral("draining"), d.draining},
                                   {QStringLiteral("direct_io"), d.directIo},
                                   {QStringLiteral("discard"), d.discard},
                                   {QStringLiteral("total_slots"), qint64(d.totalSlots)},
                                   {QStringLiteral("used_slots"), qint64(d.usedSlots)},
                                   {QStringLiteral("clusters"), qint64(d.clusters)},
                                   {QStringLiteral("free_clusters"), qint64(d.freeClusters)},
                                   {QStringLiteral("reads"), qint64(d.reads)},
                                   {QStringLiteral("writes"), qint64(d.writes)},
                                   {QStringLiteral("read_errors"), qint64(d.readErrors)},
                                   {QStringLiteral("write_errors"), qint64(d.writeErrors)},
                                   {QStringLiteral("checksum_errors"), qint64(d.checksumErrors)},
                                   {QStringLiteral("discards"), qint64(d.discards)},
                                   {QStringLiteral("discard_errors"), qint64(d.discardErrors)},
                                   {QStringLiteral("write_behind"), d.writeBehind},
                                   {QStringLiteral("write_behind_errors"), qint64(d.writeBehindErrors)},
                                   {QStringLiteral("metadata_bytes"), qint64(d.metadataBytes)}});
    root.insert(QStringLiteral("devices"), devices);

    const SlotTableStats& t = s.slotTable;
    root.insert(QStringLiteral("slot_table"), QJsonObject{{QStringLiteral("live_entries"), qint64(t.liveEntries)},
                                                     {QStringLiteral("clusters"), qint64(t.clusters)},
                                                     {QStringLiteral("metadata_bytes"), qint64(t.metadataBytes)},
                                                     {QStringLiteral("bytes_per_entry"), t.bytesPerEntry()},
                                                     {QStringLiteral("overflow_counts"), qint64(t.overflowCounts)},
                                                     {QStringLiteral("cached_pages"), qint64(t.cachedPages)}});

    QJsonArray cgroups;
    for (const CgroupStats& c : s.cgroups)
        cgroups.append(QJsonObject{{QStringLiteral("id"), qint64(c.id.value)},
                                   {QStringLiteral("backends"), backendsJson(c.backends)},
                                   {QStringLiteral("events"), eventsJson(c.events)}});
    root.insert(QStringLiteral("cgroups"), cgroups);
    return root;
}

QByteArray StatsReport::toJson(const EngineStats& stats, QJsonDocument::JsonFormat format) {
    return QJsonDocument(toJsonObject(stats)).toJson(format);
}

} // namespace swaptier::services
