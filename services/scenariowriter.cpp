// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioWriter: SandboxConfig to scenario text (see scenariowriter.h).
//
// How a config is written:
//   1. The structure is checked first (the root cgroup, parents before children, every index
//      of a workload or action in range), so that nothing below reads out of range and every
//      reference can be written as a name.
//   2. A ScenarioComposer writes the tables in the order of docs/scenario-format.md, one key
//      per line, leaving out keys whose value is the parser's default (the value of a
//      default-constructed struct, which is what the parser starts from). Values go through a
//      Composer and scenariovaluetext.h; the first value that no text form holds exactly is
//      kept as the error, with its table and key.
//   3. The text is parsed back with ScenarioParser and compared with the config it was
//      written from (SandboxConfigDiff), after making that config's paths absolute and clean
//      as the parser makes them. A parse error or a difference becomes the error: the format
//      could not express the config, or the parser would refuse it.
#include "scenariowriter.h"

#include "sandboxconfigdiff.h"
#include "sandboxjson.h"
#include "scenario.h"
#include "scenariokeys.h"
#include "scenariovaluetext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;
using detail::tomlString;
using Kind = SandboxAction::Kind;

constexpr std::uint64_t kNanosPerMs = 1'000'000;

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString ioModeName(IoMode io) {
    switch (io) {
    case IoMode::Auto: return u"auto"_s;
    case IoMode::Direct: return u"direct"_s;
    case IoMode::Buffered: return u"buffered"_s;
    }
    return u"auto"_s;
}

/// A path made absolute against the current directory and cleaned, as the run would open it.
QString absoluteClean(const QString& path) { return QDir::cleanPath(QDir::current().absoluteFilePath(path)); }
QString absoluteClean(const std::string& path) { return absoluteClean(qs(path)); }

/// `path` (absolute, clean) relative to `dir` when it lies under it, else `path`.
QString relativeIfUnder(const QString& path, const QString& dir) {
    if (dir.isEmpty())
        return path;
    const QString base = absoluteClean(dir);
    const QString prefix = base.endsWith(u'/') ? base : base + u'/';
    if (!path.startsWith(prefix) || path.size() == prefix.size())
        return path;
    const QString relative = path.mid(prefix.size());
    // ":name" would read as a Qt resource path, not a relative one.
    return QDir::isRelativePath(relative) ? relative : path;
}

/// Writes the text of one scenario and keeps the first error, with the table it is in.
class Composer {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioWriter)

public:
    /// Starts a table: "[pool]", "[[device]]". `where` names it in errors ("[[device]] \"ssd\"").
    void table(QStringView header, const QString& where) {
        m_text += u'\n' + header + u'\n';
        m_where = where;
    }
    /// "key = value"; nothing for an empty value (an error was recorded instead).
    void put(QStringView key, const QString& value) {
        if (!value.isEmpty())
            m_text += key + u" = "_s + value + u'\n';
    }
    /// A line as it is ("key = value" made elsewhere).
    void line(const QString& text) { m_text += text + u'\n'; }
    void comment(QStringView text) { m_text += u"# "_s + text + u'\n'; }

    static QString boolean(bool value) { return value ? u"true"_s : u"false"_s; }
    static QString string(const QString& value) { return tomlString(value); }
    static QString string(const std::string& value) { return tomlString(qs(value)); }
    static QString strings(const std::vector<std::string>& values) {
        QStringList items;
        for (const std::string& v : values)
            items << string(v);
        return u'[' + items.join(u", ") + u']';
    }
    /// { zero = 20, text = 80 }: the classes above 0 (missing classes are 0).
    static QString mix(const MixShares& mix) {
        QStringList items;
        for (const std::string_view name : detail::kMixKeys)
            if (const auto c = pageClassFromName(name); c && mix[*c] > 0)
                items << u"%1 = %2"_s.arg(QLatin1StringView(name.data(), qsizetype(name.size()))).arg(mix[*c]);
        return items.isEmpty() ? u"{}"_s : u"{ "_s + items.join(u", ") + u" }"_s;
    }

    QString integer(QStringView key, std::uint64_t value) { return orFail(detail::tomlInteger(value), key, value); }
    QString size(QStringView key, std::uint64_t bytes) { return orFail(detail::tomlSize(bytes), key, bytes); }
    /// A size where kNoLimit is "max".
    QString limit(QStringView key, std::uint64_t bytes) { return bytes == kNoLimit ? u"\"max\""_s : size(key, bytes); }
    QString duration(QStringView key, std::uint64_t ms) { return orFail(detail::tomlDuration(ms), key, ms); }
    /// A duration held in nanoseconds: the file holds whole milliseconds.
    QString nanos(QStringView key, std::uint64_t ns) {
        if (ns % kNanosPerMs != 0) {
            fail(tr("'%1' is %2 ns, but a scenario file holds whole milliseconds").arg(key).arg(ns));
            return {};
        }
        return duration(key, ns / kNanosPerMs);
    }
    QString number(QStringView key, double value) {
        if (const auto text = detail::tomlFloat(value))
            return *text;
        fail(tr("'%1' must be a finite number, not %2").arg(key).arg(value));
        return {};
    }
    QString progressPoint(double at) {
        if (const auto text = detail::tomlProgressPoint(at))
            return *text;
        fail(tr("'at' must be between 0 and 1, not %1").arg(at));
        return {};
    }
    /// A write budget: "1G/h" when a size fits that form, else bytes; kUnlimited is "max".
    QString bytesPerHour(QStringView key, std::uint64_t bytes) {
        if (bytes == kUnlimited)
            return u"\"max\""_s;
        const QString text = size(key, bytes);
        return text.startsWith(u'"') ? text.chopped(1) + u"/h\""_s : text;
    }

    void fail(const QString& message) {
        if (!m_error)
            m_error = m_where.isEmpty() ? message : u"%1: %2"_s.arg(m_where, message);
    }
    const std::optional<QString>& error() const { return m_error; }
    const QString& text() const { return m_text; }

private:
    QString orFail(const std::optional<QString>& text, QStringView key, std::uint64_t value) {
        if (text)
            return *text;
        fail(tr("'%1' = %2 is too large for a scenario file").arg(key).arg(value));
        return {};
    }

    QString m_text;
    QString m_where;
    std::optional<QString> m_error;
};

/// The pool keys in which `p` differs from `base`, as "key = value" (a [pool] table's lines,
/// or the entries of a set-pool action's inline table).
QStringList poolKeys(Composer& out, const PoolOptions& p, const PoolOptions& base) {
    QStringList keys;
    if (p.enabled != base.enabled)
        keys << u"enabled = "_s + Composer::boolean(p.enabled);
    if (p.codec != base.codec)
        keys << u"codec = "_s + Composer::string(std::string(codecName(p.codec)));
    if (p.zstdLevel != base.zstdLevel)
        keys << u"zstd_level = "_s + QString::number(p.zstdLevel);
    if (p.limitBytes != base.limitBytes) // 0 is no cap, written "max"
        if (const QString limit = p.limitBytes == 0 ? u"\"max\""_s : out.size(u"limit", p.limitBytes); !limit.isEmpty())
            keys << u"limit = "_s + limit;
    if (p.acceptThresholdPercent != base.acceptThresholdPercent)
        keys << u"accept_threshold = "_s + QString::number(p.acceptThresholdPercent);
    if (p.maxPagesPerZspage != base.maxPagesPerZspage)
        keys << u"max_pages_per_zspage = "_s + QString::number(p.maxPagesPerZspage);
    return keys;
}

/// Writes the text of `c`. REQUIRES: checkStructure(c) found nothing.
class ScenarioComposer {
public:
    ScenarioComposer(const SandboxConfig& c, const ScenarioWriter::Options& options) : m_c(c), m_options(options) {}

    std::optional<QString> write(const QString& name, const QString& description) {
        m_out.comment(u"swaptier scenario, format 1 (docs/scenario-format.md)");
        m_out.put(u"format", u"1"_s);
        m_out.put(u"name", Composer::string(name));
        if (!description.isEmpty())
            m_out.put(u"description", Composer::string(description));
        writeTop();
        writePool();
        writeContent();
        writePromotion();
        writeMaintenance();
        writeDevices();
        writeTiers();
        writeCgroups();
        writeWorkloads();
        writeActions();
        return m_out.error();
    }
    const QString& text() const { return m_out.text(); }

private:
    QString cgroupName(int index) const { return Composer::string(m_c.cgroups[std::size_t(index)].name); }

    /// The name an action writes for device `index`: a [[device]]'s, or the name of the
    /// add-device action that creates it (checkStructure made sure it has one).
    QString deviceName(int index) const {
        if (std::size_t(index) < m_c.deviceNames.size())
            return Composer::string(qs(m_c.deviceNames[std::size_t(index)]));
        int ordinal = index - int(m_c.devices.size());
        for (const SandboxAction& a : m_c.actions)
            if (a.kind == Kind::AddDevice && ordinal-- == 0)
                return Composer::string(qs(a.newDeviceName));
        return {};
    }

    /// The keys of a device, for [[device]] and add-device: `name` empty writes no name (an
    /// add-device may leave it out; its path is then written, as the parser requires).
    void writeDeviceKeys(const DeviceOptions& dev, const QString& name) {
        const DeviceOptions d;
        if (!name.isEmpty())
            m_out.put(u"name", Composer::string(name));
        const QString path = relativeIfUnder(absoluteClean(dev.path), m_options.relativeTo);
        if (name.isEmpty() || path != name + u".swap"_s) // the default: "<name>.swap" in the device directory
            m_out.put(u"path", Composer::string(path));
        m_out.put(u"size", m_out.size(u"size", dev.sizeBytes));
        if (dev.priority != d.priority)
            m_out.put(u"priority", QString::number(dev.priority));
        if (dev.discard != d.discard)
            m_out.put(u"discard", Composer::boolean(dev.discard));
        if (dev.io != d.io)
            m_out.put(u"io", Composer::string(ioModeName(dev.io)));
        if (dev.preallocate != d.preallocate)
            m_out.put(u"preallocate", Composer::boolean(dev.preallocate));
        if (dev.writeBehind != d.writeBehind)
            m_out.put(u"write_behind", Composer::boolean(dev.writeBehind));
    }

    void writeTop() {
        const SandboxConfig d;
        if (m_c.seed != d.seed)
            m_out.put(u"seed", m_out.integer(u"seed", m_c.seed));
        if (m_c.design != d.design)
            m_out.put(u"design", Composer::string(SandboxJson::designName(m_c.design)));
        if (m_c.durationMs != d.durationMs)
            m_out.put(u"duration", m_out.duration(u"duration", m_c.durationMs));
        if (m_c.sampleIntervalMs != d.sampleIntervalMs)
            m_out.put(u"sample_interval", m_out.duration(u"sample_interval", m_c.sampleIntervalMs));
        if (m_c.reclaimBatch != d.reclaimBatch)
            m_out.put(u"reclaim_batch", QString::number(m_c.reclaimBatch));
        if (m_c.roundAccesses != d.roundAccesses)
            m_out.put(u"round_accesses", QString::number(m_c.roundAccesses));
        if (m_c.verifyPages != d.verifyPages)
            m_out.put(u"verify_pages", Composer::boolean(m_c.verifyPages));
    }

    void writePool() {
        QStringList keys = poolKeys(m_out, m_c.engine.pool, PoolOptions{});
        if (m_c.engine.detectZeroPages != EngineOptions{}.detectZeroPages)
            keys << u"detect_zero_pages = "_s + Composer::boolean(m_c.engine.detectZeroPages);
        if (keys.isEmpty())
            return;
        m_out.table(u"[pool]", u"[pool]"_s);
        for (const QString& key : keys)
            m_out.line(key);
    }

    void writeContent() {
        const bool defaultMix = m_c.mix.weights == MixShares{}.weights;
        if (defaultMix && m_c.contentFiles.empty())
            return;
        m_out.table(u"[content]", u"[content]"_s);
        if (!defaultMix)
            m_out.put(u"mix", Composer::mix(m_c.mix));
        if (!m_c.contentFiles.empty()) {
            std::vector<std::string> files;
            for (const std::string& f : m_c.contentFiles)
                files.push_back(relativeIfUnder(absoluteClean(f), m_options.scenarioDir).toStdString());
            m_out.put(u"files", Composer::strings(files));
        }
    }

    void writePromotion() {
        const PromotionPolicy& p = m_c.promotion;
        const PromotionPolicy d;
        if (p.deviceToPool == d.deviceToPool && p.deviceToFasterTier == d.deviceToFasterTier
            && p.minLoads == d.minLoads)
            return;
        m_out.table(u"[promotion]", u"[promotion]"_s);
        if (p.deviceToPool != d.deviceToPool)
            m_out.put(u"device_to_pool", Composer::boolean(p.deviceToPool));
        if (p.deviceToFasterTier != d.deviceToFasterTier)
            m_out.put(u"device_to_faster_tier", Composer::boolean(p.deviceToFasterTier));
        if (p.minLoads != d.minLoads)
            m_out.put(u"min_loads", QString::number(p.minLoads));
    }

    void writeMaintenance() {
        if (m_c.maintainEveryRounds == 0)
            return; // no maintenance runs: its policy does nothing
        const MaintenancePolicy& m = m_c.maintenance;
        const MaintenancePolicy d;
        m_out.table(u"[maintenance]", u"[maintenance]"_s);
        m_out.put(u"every_rounds", QString::number(m_c.maintainEveryRounds));
        if (m.idleWritebackNanos != d.idleWritebackNanos)
            m_out.put(u"idle_writeback", m_out.nanos(u"idle_writeback", m.idleWritebackNanos));
        if (m.recompressNanos != d.recompressNanos)
            m_out.put(u"recompress_after", m_out.nanos(u"recompress_after", m.recompressNanos));
        if (m.recompressCodec != d.recompressCodec)
            m_out.put(u"recompress_codec", Composer::string(std::string(codecName(m.recompressCodec))));
        if (m.recompressLevel != d.recompressLevel)
            m_out.put(u"recompress_level", QString::number(m.recompressLevel));
        if (m.writeBudgetBytesPerHour != d.writeBudgetBytesPerHour)
            m_out.put(u"write_budget", m_out.bytesPerHour(u"write_budget", m.writeBudgetBytesPerHour));
        if (m.compressedWriteback != d.compressedWriteback)
            m_out.put(u"compressed_writeback", Composer::boolean(m.compressedWriteback));
    }

    void writeDevices() {
        for (std::size_t i = 0; i < m_c.devices.size(); ++i) {
            const QString name = qs(m_c.deviceNames[i]);
            m_out.table(u"[[device]]", u"[[device]] %1"_s.arg(Composer::string(name)));
            writeDeviceKeys(m_c.devices[i], name);
        }
    }

    void writeTiers() {
        const TierSpec d;
        for (const TierSpec& t : m_c.tiers) {
            m_out.table(u"[[tier]]", u"[[tier]] %1"_s.arg(Composer::string(t.name)));
            m_out.put(u"name", Composer::string(t.name));
            if (t.minPriority != d.minPriority)
                m_out.put(u"min_priority", QString::number(t.minPriority));
            if (t.maxPriority != d.maxPriority)
                m_out.put(u"max_priority", QString::number(t.maxPriority));
        }
    }

    void writeCgroups() {
        const CgroupSpec d;
        for (std::size_t i = 0; i < m_c.cgroups.size(); ++i) {
            const CgroupSpec& g = m_c.cgroups[i];
            const bool limits = g.memoryMax != d.memoryMax || g.swapMax != d.swapMax || g.zswapMax != d.zswapMax
                || g.zswapWriteback != d.zswapWriteback || g.allowedTiers != d.allowedTiers;
            if (i == 0 && !limits)
                continue; // the root always exists
            m_out.table(u"[[cgroup]]", u"[[cgroup]] %1"_s.arg(Composer::string(g.name)));
            m_out.put(u"name", Composer::string(g.name));
            if (i != 0 && g.parent != 0)
                m_out.put(u"parent", cgroupName(g.parent));
            if (g.memoryMax != d.memoryMax)
                m_out.put(u"memory_max", m_out.limit(u"memory_max", g.memoryMax));
            if (g.swapMax != d.swapMax)
                m_out.put(u"swap_max", m_out.limit(u"swap_max", g.swapMax));
            if (g.zswapMax != d.zswapMax)
                m_out.put(u"zswap_max", m_out.limit(u"zswap_max", g.zswapMax));
            if (g.zswapWriteback != d.zswapWriteback)
                m_out.put(u"zswap_writeback", Composer::boolean(g.zswapWriteback));
            if (!g.allowedTiers.empty())
                m_out.put(u"allowed_tiers", Composer::strings(g.allowedTiers));
        }
    }

    void writeWorkloads() {
        const WorkloadSpec d;
        for (const WorkloadSpec& w : m_c.workloads) {
            m_out.table(u"[[workload]]", u"[[workload]] %1"_s.arg(Composer::string(w.name)));
            m_out.put(u"name", Composer::string(w.name));
            m_out.put(u"kind", Composer::string(std::string(workloadKindName(w.kind))));
            if (w.cgroup != 0)
                m_out.put(u"cgroup", cgroupName(w.cgroup));
            if (w.threads != d.threads)
                m_out.put(u"threads", QString::number(w.threads));
            // A trace maps the pages it touches: its size is not written (and loads as 0).
            if (w.kind != WorkloadKind::Trace) {
                if (w.pages > std::numeric_limits<std::uint64_t>::max() / 4096)
                    m_out.fail(ScenarioWriter::tr("'size' = %1 pages is too large for a scenario file").arg(w.pages));
                else
                    m_out.put(u"size", m_out.size(u"size", w.pages * 4096));
            }
            if (w.accesses != d.accesses)
                m_out.put(u"accesses", m_out.integer(u"accesses", w.accesses));
            switch (w.kind) {
            case WorkloadKind::Sequential:
                if (w.passes != d.passes)
                    m_out.put(u"passes", QString::number(w.passes));
                break;
            case WorkloadKind::Zipfian:
                if (w.zipfTheta != d.zipfTheta)
                    m_out.put(u"zipf_theta", m_out.number(u"zipf_theta", w.zipfTheta));
                break;
            case WorkloadKind::PhaseChange:
                if (w.phases != d.phases)
                    m_out.put(u"phases", QString::number(w.phases));
                if (w.phaseWindow != d.phaseWindow)
                    m_out.put(u"phase_window", m_out.number(u"phase_window", w.phaseWindow));
                break;
            case WorkloadKind::ForkHeavy:
                if (w.forkEvery != d.forkEvery)
                    m_out.put(u"fork_every", m_out.integer(u"fork_every", w.forkEvery));
                if (w.childAccesses != d.childAccesses)
                    m_out.put(u"child_accesses", m_out.integer(u"child_accesses", w.childAccesses));
                if (w.maxChildren != d.maxChildren)
                    m_out.put(u"max_children", QString::number(w.maxChildren));
                break;
            case WorkloadKind::Trace:
                m_out.put(u"trace",
                          Composer::string(relativeIfUnder(absoluteClean(w.tracePath), m_options.scenarioDir)));
                break;
            case WorkloadKind::Uniform:
                break;
            }
            const bool writes = w.kind != WorkloadKind::Sequential && w.kind != WorkloadKind::Trace;
            if (writes && w.writeFraction != d.writeFraction)
                m_out.put(u"write_fraction", m_out.number(u"write_fraction", w.writeFraction));
            if (w.startRound != d.startRound)
                m_out.put(u"start_round", m_out.integer(u"start_round", w.startRound));
            if (w.hasMix)
                m_out.put(u"mix", Composer::mix(w.mix));
        }
    }

    void writeActions() {
        for (std::size_t i = 0; i < m_c.actions.size(); ++i) {
            const SandboxAction& a = m_c.actions[i];
            const QString kind = SandboxJson::actionKindName(a.kind);
            m_out.table(u"[[action]]", u"[[action]] %1 (%2)"_s.arg(i + 1).arg(kind));
            m_out.put(u"at", m_out.progressPoint(a.at));
            m_out.put(u"kind", Composer::string(kind));
            switch (a.kind) {
            case Kind::Swapoff:
            case Kind::CompactDevice:
                m_out.put(u"device", deviceName(a.device));
                break;
            case Kind::SetPriority:
                m_out.put(u"device", deviceName(a.device));
                m_out.put(u"priority", QString::number(a.priority));
                break;
            case Kind::SetPool: {
                // Keys left out keep the scenario's [pool] values.
                const QStringList keys = poolKeys(m_out, a.pool, m_c.engine.pool);
                m_out.put(u"pool", keys.isEmpty() ? u"{}"_s : u"{ "_s + keys.join(u", ") + u" }"_s);
                break;
            }
            case Kind::CompactPool:
                break;
            case Kind::Writeback:
                writeWriteback(a);
                break;
            case Kind::SetCgroupPolicy:
                writePolicy(a);
                break;
            case Kind::Recompress:
                writeRecompress(a);
                break;
            case Kind::SetPromotion:
                writePromotionChange(a);
                break;
            case Kind::AddDevice:
                writeDeviceKeys(a.newDevice, qs(a.newDeviceName));
                break;
            }
        }
    }

    void writeWriteback(const SandboxAction& a) {
        const WritebackOptions& w = a.writeback;
        const WritebackOptions d;
        if (a.cgroup != 0)
            m_out.put(u"cgroup", cgroupName(a.cgroup));
        if (w.maxPages != d.maxPages)
            m_out.put(u"max_pages", m_out.integer(u"max_pages", w.maxPages));
        if (w.maxPoolBytes != d.maxPoolBytes)
            m_out.put(u"max_pool_bytes", m_out.limit(u"max_pool_bytes", w.maxPoolBytes));
        if (w.maxWriteBytes != d.maxWriteBytes)
            m_out.put(u"max_write_bytes", m_out.limit(u"max_write_bytes", w.maxWriteBytes));
        if (w.minIdleNanos != d.minIdleNanos)
            m_out.put(u"min_idle", m_out.nanos(u"min_idle", w.minIdleNanos));
        if (w.secondChance != d.secondChance)
            m_out.put(u"second_chance", Composer::boolean(w.secondChance));
        if (w.compressed != d.compressed)
            m_out.put(u"compressed", Composer::boolean(w.compressed));
        if (w.batchPages != d.batchPages)
            m_out.put(u"batch_pages", QString::number(w.batchPages));
    }

    void writePolicy(const SandboxAction& a) {
        const CgroupPolicyChange& p = a.policy;
        m_out.put(u"cgroup", cgroupName(a.cgroup));
        if (p.swapMax)
            m_out.put(u"swap_max", m_out.limit(u"swap_max", *p.swapMax));
        if (p.zswapMax)
            m_out.put(u"zswap_max", m_out.limit(u"zswap_max", *p.zswapMax));
        if (p.zswapWriteback)
            m_out.put(u"zswap_writeback", Composer::boolean(*p.zswapWriteback));
        if (p.allowedTiers)
            m_out.put(u"allowed_tiers", Composer::strings(*p.allowedTiers)); // [] allows every tier again
    }

    void writeRecompress(const SandboxAction& a) {
        const RecompressOptions& r = a.recompress;
        const RecompressOptions d;
        if (a.cgroup != 0)
            m_out.put(u"cgroup", cgroupName(a.cgroup));
        if (r.codec != d.codec)
            m_out.put(u"codec", Composer::string(std::string(codecName(r.codec))));
        if (r.zstdLevel != d.zstdLevel)
            m_out.put(u"zstd_level", QString::number(r.zstdLevel));
        if (r.minIdleNanos != d.minIdleNanos)
            m_out.put(u"min_idle", m_out.nanos(u"min_idle", r.minIdleNanos));
        if (r.maxPages != d.maxPages)
            m_out.put(u"max_pages", m_out.integer(u"max_pages", r.maxPages));
    }

    void writePromotionChange(const SandboxAction& a) {
        // Keys left out keep the scenario's [promotion] values; at least one is needed.
        const PromotionPolicy& p = a.promotion;
        const PromotionPolicy& base = m_c.promotion;
        const bool any = p.deviceToPool != base.deviceToPool || p.deviceToFasterTier != base.deviceToFasterTier
            || p.minLoads != base.minLoads;
        if (!any || p.deviceToPool != base.deviceToPool)
            m_out.put(u"device_to_pool", Composer::boolean(p.deviceToPool));
        if (p.deviceToFasterTier != base.deviceToFasterTier)
            m_out.put(u"device_to_faster_tier", Composer::boolean(p.deviceToFasterTier));
        if (p.minLoads != base.minLoads)
            m_out.put(u"min_loads", QString::number(p.minLoads));
    }

    const SandboxConfig& m_c;
    const ScenarioWriter::Options& m_options;
    Composer m_out;
};

/// Checks what the writer relies on: the root first, parents before children, names for every
/// device, and every index a workload or an action holds in range. The message is translated.
std::optional<QString> checkStructure(const SandboxConfig& c, const QString& name, const QString& description) {
    if (name.trimmed().isEmpty() || name.contains(u'\n') || name.contains(u'\r'))
        return ScenarioWriter::tr("the scenario's name must be one line and not empty");
    if (description.contains(u'\n') || description.contains(u'\r'))
        return ScenarioWriter::tr("the description must be a single line");
    if (c.deviceNames.size() != c.devices.size())
        return ScenarioWriter::tr("there are %1 device names for %2 devices; a scenario names every device")
            .arg(c.deviceNames.size())
            .arg(c.devices.size());
    if (c.cgroups.front().name != "/" || c.cgroups.front().parent != -1)
        return ScenarioWriter::tr("the first cgroup must be the root, named \"/\" with no parent");
    const auto noCgroup = [&](const QString& where, int index) {
        return u"%1: %2"_s.arg(
            where, ScenarioWriter::tr("there is no cgroup %1 (the scenario has %2)").arg(index).arg(c.cgroups.size()));
    };
    for (std::size_t i = 1; i < c.cgroups.size(); ++i)
        if (c.cgroups[i].parent < 0 || std::size_t(c.cgroups[i].parent) >= i)
            return u"[[cgroup]] %1: %2"_s.arg(tomlString(qs(c.cgroups[i].name)),
                                               ScenarioWriter::tr("its parent must be a cgroup listed before it, "
                                                                  "not cgroup %1")
                                                   .arg(c.cgroups[i].parent));
    for (const WorkloadSpec& w : c.workloads)
        if (w.cgroup < 0 || std::size_t(w.cgroup) >= c.cgroups.size())
            return noCgroup(u"[[workload]] %1"_s.arg(tomlString(qs(w.name))), w.cgroup);
    std::vector<std::size_t> added; // the add-device actions so far, by list index
    for (std::size_t i = 0; i < c.actions.size(); ++i) {
        const SandboxAction& a = c.actions[i];
        const QString where = u"[[action]] %1 (%2)"_s.arg(i + 1).arg(SandboxJson::actionKindName(a.kind));
        switch (a.kind) {
        case Kind::Swapoff:
        case Kind::SetPriority:
        case Kind::CompactDevice: {
            // A [[device]], or the device of an earlier add-device, which must have a name to be
            // named by (sandbox.h: the j-th add's device is devices.size() + j).
            if (a.device >= 0 && std::size_t(a.device) < c.devices.size())
                break;
            if (a.device >= 0 && std::size_t(a.device) - c.devices.size() < added.size()) {
                const SandboxAction& add = c.actions[added[std::size_t(a.device) - c.devices.size()]];
                if (add.newDeviceName.empty())
                    return u"%1: %2"_s.arg(where, ScenarioWriter::tr("it names the device added by an add-device "
                                                                     "action without a name; give that device a "
                                                                     "name"));
                break;
            }
            return u"%1: %2"_s.arg(where, ScenarioWriter::tr("there is no device %1 (the scenario has %2, and %3 "
                                                             "added by earlier actions)")
                                              .arg(a.device)
                                              .arg(c.devices.size())
                                              .arg(added.size()));
        }
        case Kind::Writeback:
        case Kind::SetCgroupPolicy:
        case Kind::Recompress:
            if (a.cgroup < 0 || std::size_t(a.cgroup) >= c.cgroups.size())
                return noCgroup(where, a.cgroup);
            break;
        case Kind::SetPool:
        case Kind::CompactPool:
        case Kind::SetPromotion:
            break;
        case Kind::AddDevice:
            added.push_back(i);
            break;
        }
    }
    return std::nullopt;
}

/// `config` as the parser would return it from the written file: named `name`, the root
/// cgroup present, and every path absolute and clean.
SandboxConfig asLoaded(const SandboxConfig& config, const QString& name) {
    SandboxConfig c = config;
    c.name = name.toStdString();
    if (c.cgroups.empty()) {
        CgroupSpec root;
        root.name = "/";
        c.cgroups.push_back(root);
    }
    for (DeviceOptions& d : c.devices)
        d.path = absoluteClean(d.path).toStdString();
    for (SandboxAction& a : c.actions)
        if (a.kind == Kind::AddDevice)
            a.newDevice.path = absoluteClean(a.newDevice.path).toStdString();
    for (std::string& f : c.contentFiles)
        f = absoluteClean(f).toStdString();
    for (WorkloadSpec& w : c.workloads)
        if (w.kind == WorkloadKind::Trace)
            w.tracePath = absoluteClean(w.tracePath).toStdString();
    return c;
}

/// toToml() with the file it will be read from (`fileName`), for the check of step 3.
ScenarioWriter::Outcome compose(const SandboxConfig& config, const QString& name, const QString& description,
                                const ScenarioWriter::Options& options, const QString& fileName) {
    const SandboxConfig expected = asLoaded(config, name);
    if (const auto error = checkStructure(expected, name, description))
        return *error;
    ScenarioComposer composer(expected, options);
    if (const auto error = composer.write(name, description))
        return *error;
    const QByteArray text = composer.text().toUtf8();

    ScenarioParser::Options parserOptions;
    parserOptions.deviceDir = options.relativeTo;
    const ScenarioParser::Outcome loaded = ScenarioParser::parse(text, fileName, parserOptions);
    if (const auto* error = std::get_if<ScenarioError>(&loaded))
        return ScenarioWriter::tr("the written text would not load back (line %1: %2)")
            .arg(error->line)
            .arg(error->message);
    const SandboxConfig& reloaded = std::get<LoadedScenario>(loaded).variants.front().config;
    if (const auto difference = SandboxConfigDiff::first(expected, reloaded))
        return ScenarioWriter::tr("the written text would load back differently: %1 would be %2 instead of %3")
            .arg(difference->field, difference->right, difference->left);
    return text;
}

} // namespace

ScenarioWriter::Outcome ScenarioWriter::toToml(const SandboxConfig& config, const QString& name,
                                               const QString& description, const Options& options) {
    const QString dir = options.scenarioDir.isEmpty() ? QDir::currentPath() : absoluteClean(options.scenarioDir);
    return compose(config, name, description, options, QDir(dir).filePath(u"scenario.toml"_s));
}

std::optional<QString> ScenarioWriter::save(const QString& path, const SandboxConfig& config, const QString& name,
                                            const QString& description, const Options& options) {
    const auto failed = [&](const QString& reason) {
        return tr("cannot save the scenario to \"%1\": %2").arg(path, reason);
    };
    const QFileInfo target(path);
    Options here = options;
    here.scenarioDir = target.absolutePath();
    const Outcome outcome = compose(config, name, description, here, target.absoluteFilePath());
    if (const auto* error = std::get_if<QString>(&outcome))
        return failed(*error);
    const QByteArray& text = std::get<QByteArray>(outcome);

    if (target.exists() && !target.isFile() && !target.isDir()) {
        // A device or a pipe: nothing to replace atomically, and a rename would replace the node.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.flush())
            return failed(file.errorString());
        return std::nullopt;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return failed(file.errorString());
    return std::nullopt;
}

} // namespace swaptier::services
