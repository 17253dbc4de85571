// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioFields: pool tables, codecs, durations, write budgets, tier lists and references of
// scenario tables (see scenariofields.h). A reference to a name that does not exist lists the
// names there are, and suggests the closest one when it looks like a misspelling.
#include "scenariofields.h"

#include "scenariovalues.h"
#include "units.h"

#include <QDir>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace swaptier::services::detail {

namespace {

using namespace Qt::StringLiterals;

// zstd's levels: ZSTD_minCLevel() (-ZSTD_TARGETLENGTH_MAX) .. ZSTD_maxCLevel().
constexpr Int kZstdMinLevel = -131072;
constexpr Int kZstdMaxLevel = 22;
constexpr std::uint64_t kNanosPerMs = 1'000'000;
constexpr Int kMaxPriority = 32767; // swapon(2)

constexpr Choice<IoMode> kIoModes[] = {
    {"auto", IoMode::Auto}, {"direct", IoMode::Direct}, {"buffered", IoMode::Buffered}};

QStringList cgroupNames(const SandboxConfig& c) {
    QStringList names;
    for (const CgroupSpec& g : c.cgroups)
        names << QString::fromStdString(g.name);
    return names;
}

} // namespace

QString ScenarioFields::suggestion(const QString& given, const QStringList& names) {
    const QString closest = closestName(given, names);
    return closest.isEmpty() ? QString() : tr(", did you mean '%1'?").arg(closest);
}

bool ScenarioFields::pool(const TomlTable& t, Keys known, PoolOptions& pool, bool* detectZeroPages) {
    if (!t.checkKeys(known) || !t.boolean("enabled", pool.enabled)
        || !codec(t, "codec", pool.codec, tr("a pool compresses")) || !zstdLevel(t, "zstd_level", pool.zstdLevel)
        || !t.size("limit", pool.limitBytes, SizeForm::PoolLimit)
        || !t.integer("max_pages_per_zspage", pool.maxPagesPerZspage, 1, 16))
        return false;
    if (const toml::node* node = t.find("accept_threshold")) {
        // An integer percentage, or the same with a '%': 90 or "90%".
        std::optional<double> percent;
        if (const auto* i = node->as_integer())
            percent = double(i->get());
        else if (const auto* s = node->as_string())
            if (const auto fraction = parsePercent(QString::fromStdString(s->get())))
                // Undo the parser's division by 100: 0.07 * 100 is 7.000000000000001.
                percent = std::round(*fraction * 100.0 * 1e9) / 1e9;
        if (!percent || *percent != std::floor(*percent) || *percent < 1 || *percent > 100)
            return t.outOfRange("accept_threshold", *node,
                                tr("a whole percentage between 1 and 100 (90 or \"90%\")"), valueText(*node));
        pool.acceptThresholdPercent = unsigned(*percent);
    }
    return !detectZeroPages || t.boolean("detect_zero_pages", *detectZeroPages);
}

bool ScenarioFields::codec(const TomlTable& t, std::string_view key, Codec& out, const QString& purpose) {
    const toml::node* node = t.find(key);
    if (!node)
        return true;
    const auto* s = node->as_string();
    if (!s)
        return t.mustBe(key, *node, tr("a codec name (\"lz4\", \"zstd\" or \"lzo\")"));
    const auto codec = codecFromName(s->get());
    if (!codec || *codec == Codec::Raw) {
        const QString given = QString::fromStdString(s->get());
        return t.fail(*node, tr("unknown codec '%1' in %2: %3 with \"lz4\", \"zstd\" or \"lzo\"%4")
                                 .arg(given, t.label(), purpose,
                                      suggestion(given, {u"lz4"_s, u"zstd"_s, u"lzo"_s})));
    }
    out = *codec;
    return true;
}

bool ScenarioFields::zstdLevel(const TomlTable& t, std::string_view key, int& out) {
    return t.integer(key, out, kZstdMinLevel, kZstdMaxLevel);
}

bool ScenarioFields::durationNanos(const TomlTable& t, std::string_view key, std::uint64_t& out) {
    std::uint64_t ms = out / kNanosPerMs;
    if (!t.duration(key, ms))
        return false;
    if (!t.find(key))
        return true;
    if (ms > std::numeric_limits<std::uint64_t>::max() / kNanosPerMs)
        return t.failAt(key, tr("%1 must be at most 584 years (2^64 nanoseconds)").arg(t.what(key)));
    out = ms * kNanosPerMs;
    return true;
}

bool ScenarioFields::bytesPerHour(const TomlTable& t, std::string_view key, std::uint64_t& out) {
    const toml::node* node = t.find(key);
    if (!node)
        return true;
    if (const auto* s = node->as_string()) {
        QString text = QString::fromStdString(s->get()).trimmed();
        if (text.endsWith(u"/h")) {
            text.chop(2);
            const auto bytes = parseBytes(text.trimmed());
            if (!bytes)
                return t.fail(*node, tr("%1: '%2' is not a size per hour; expected a size such as \"1G\" or "
                                        "\"512M/h\", or \"max\"")
                                         .arg(t.what(key), QString::fromStdString(s->get())));
            out = *bytes;
            return true;
        }
    }
    return t.size(key, out, SizeForm::Limit);
}

bool ScenarioFields::tierNames(const TomlTable& t, std::string_view key, const SandboxConfig& c, bool allowEmpty,
                               std::vector<std::string>& out) {
    const toml::node* node = t.find(key);
    if (!node)
        return true;
    const auto* names = node->as_array();
    if (!names)
        return t.mustBe(key, *node, tr("an array of tier names such as [\"fast\", \"slow\"]"));
    if (names->empty() && !allowEmpty)
        return t.fail(*node, tr("%1 must name at least one tier; leave it out to allow every tier").arg(t.what(key)));
    QStringList known;
    for (const TierSpec& tier : c.tiers)
        known << QString::fromStdString(tier.name);
    if (known.isEmpty())
        known << u"default"_s;
    std::vector<std::string> list;
    for (const toml::node& element : *names) {
        const auto* s = element.as_string();
        if (!s)
            return t.fail(element, tr("each tier in %1 must be a string, not %2")
                                       .arg(t.what(key), TomlTable::typeName(element)));
        const QString name = QString::fromStdString(s->get());
        if (!known.contains(name))
            return t.fail(element, c.tiers.empty()
                                       ? tr("unknown tier '%1' in %2 (the scenario has no [[tier]], so its only "
                                            "tier is \"default\")")
                                             .arg(name, t.what(key))
                                       : tr("unknown tier '%1' in %2%3 (tiers: %4)")
                                             .arg(name, t.what(key), suggestion(name, known), known.join(u", ")));
        const std::string tier = name.toStdString();
        if (std::find(list.begin(), list.end(), tier) != list.end())
            return t.fail(element, tr("tier '%1' is listed twice in %2").arg(name, t.what(key)));
        list.push_back(tier);
    }
    out = std::move(list);
    return true;
}

bool ScenarioFields::cgroupRef(const TomlTable& t, std::string_view key, const SandboxConfig& c, int& index) {
    QString name;
    if (!t.line(key, name))
        return false;
    if (!t.find(key))
        return true;
    const QStringList names = cgroupNames(c);
    qsizetype found = names.indexOf(name);
    if (found < 0 && name.size() > 1 && name.startsWith(u'/'))
        found = names.indexOf(name.mid(1));
    if (found >= 0) {
        index = int(found);
        return true;
    }
    // Suggest in the form given: "/bach" -> "/batch".
    QString hint;
    if (name.size() > 1 && name.startsWith(u'/')) {
        const QString closest = closestName(QStringView(name).mid(1), names);
        if (!closest.isEmpty() && closest != u"/")
            hint = tr(", did you mean '%1'?").arg(u'/' + closest);
    } else {
        hint = suggestion(name, names);
    }
    return t.failAt(key, tr("unknown cgroup '%1' in %2%3 (cgroups: %4)").arg(name, t.label(), hint, names.join(u", ")));
}

QList<std::pair<QString, int>> ScenarioFields::deviceNames(const SandboxConfig& c) {
    QList<std::pair<QString, int>> named;
    for (std::size_t i = 0; i < c.deviceNames.size(); ++i)
        named.append({QString::fromStdString(c.deviceNames[i]), int(i)});
    int added = int(c.devices.size());
    for (const SandboxAction& a : c.actions) {
        if (a.kind != SandboxAction::Kind::AddDevice)
            continue;
        if (!a.newDeviceName.empty())
            named.append({QString::fromStdString(a.newDeviceName), added});
        ++added;
    }
    return named;
}

bool ScenarioFields::device(const TomlTable& t, const QString& name, DeviceOptions& d) {
    QString path = name.isEmpty() ? QString() : name + u".swap"_s;
    if ((name.isEmpty() && !t.require("path")) || !t.line("path", path) || !t.require("size")
        || !t.size("size", d.sizeBytes, SizeForm::Pages) || !t.integer("priority", d.priority, -1, kMaxPriority)
        || !t.boolean("discard", d.discard) || !t.choice("io", d.io, kIoModes) || !t.boolean("preallocate", d.preallocate)
        || !t.boolean("write_behind", d.writeBehind))
        return false;
    if (QDir::isRelativePath(path)) {
        const QString& dir = t.context().deviceDir();
        if (dir.isEmpty())
            return t.failAt("path", tr("device '%1' has the relative path '%2', but no device directory was "
                                       "given; give an absolute path or a device directory")
                                        .arg(name.isEmpty() ? path : name, path));
        path = QDir(dir).absoluteFilePath(path);
    }
    d.path = QDir::cleanPath(path).toStdString();
    return true;
}

bool ScenarioFields::deviceRef(const TomlTable& t, std::string_view key, const SandboxConfig& c, int& index) {
    QString name;
    if (!t.line(key, name))
        return false;
    if (!t.find(key))
        return true;
    QStringList names;
    const QList<std::pair<QString, int>> named = deviceNames(c);
    for (const auto& [n, i] : named) {
        if (n == name) {
            index = i;
            return true;
        }
        names << n;
    }
    return t.failAt(key, names.isEmpty()
                             ? tr("unknown device '%1' in %2 (the scenario has no [[device]])").arg(name, t.label())
                             : tr("unknown device '%1' in %2%3 (devices: %4)")
                                   .arg(name, t.label(), suggestion(name, names), names.join(u", ")));
}

} // namespace swaptier::services::detail
