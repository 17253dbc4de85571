// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioActionReader: the keys of each action kind (see scenarioactionreader.h and the
// [[action]] section of docs/scenario-format.md). A key that another kind uses is an error, not
// ignored: `max_pages` on a set-policy would silently do nothing, so the action is probably
// not what its author meant.
//
// add-device takes the keys of a [[device]] table; later actions name its device by its name
// (ScenarioFields::deviceRef resolves the names of earlier add-device actions too).
#include "scenarioactionreader.h"

#include "scenariofields.h"
#include "scenariokeys.h"
#include "scenariovalues.h"

#include <QRegularExpression>

namespace swaptier::services::detail {

namespace {

using namespace Qt::StringLiterals;
using Kind = SandboxAction::Kind;

constexpr Int kMaxPriority = 32767; // swapon(2)
constexpr Int kMaxBatchPages = 512; // WritebackOptions::batchPages: one swapfile cluster
constexpr Int kMaxMinLoads = 0xFFFF'FFFF;

constexpr Choice<Kind> kActionKinds[] = {
    {"swapoff", Kind::Swapoff},         {"set-priority", Kind::SetPriority},       {"set-pool", Kind::SetPool},
    {"compact-device", Kind::CompactDevice}, {"compact-pool", Kind::CompactPool}, {"writeback", Kind::Writeback},
    {"set-policy", Kind::SetCgroupPolicy},   {"recompress", Kind::Recompress},    {"set-promotion", Kind::SetPromotion},
    {"add-device", Kind::AddDevice}};

constexpr unsigned bit(Kind kind) { return 1u << unsigned(kind); }

/// The kinds that take each key ("at" and "kind": all of them).
struct KindKey {
    std::string_view key;
    unsigned kinds;
};
constexpr KindKey kKindKeys[] = {
    {"device", bit(Kind::Swapoff) | bit(Kind::SetPriority) | bit(Kind::CompactDevice)},
    {"priority", bit(Kind::SetPriority) | bit(Kind::AddDevice)},
    {"pool", bit(Kind::SetPool)},
    {"cgroup", bit(Kind::Writeback) | bit(Kind::SetCgroupPolicy) | bit(Kind::Recompress)},
    {"max_pages", bit(Kind::Writeback) | bit(Kind::Recompress)},
    {"max_pool_bytes", bit(Kind::Writeback)},
    {"max_write_bytes", bit(Kind::Writeback)},
    {"min_idle", bit(Kind::Writeback) | bit(Kind::Recompress)},
    {"second_chance", bit(Kind::Writeback)},
    {"compressed", bit(Kind::Writeback)},
    {"batch_pages", bit(Kind::Writeback)},
    {"swap_max", bit(Kind::SetCgroupPolicy)},
    {"zswap_max", bit(Kind::SetCgroupPolicy)},
    {"zswap_writeback", bit(Kind::SetCgroupPolicy)},
    {"allowed_tiers", bit(Kind::SetCgroupPolicy)},
    {"codec", bit(Kind::Recompress)},
    {"zstd_level", bit(Kind::Recompress)},
    {"device_to_pool", bit(Kind::SetPromotion)},
    {"device_to_faster_tier", bit(Kind::SetPromotion)},
    {"min_loads", bit(Kind::SetPromotion)},
    {"name", bit(Kind::AddDevice)},
    {"path", bit(Kind::AddDevice)},
    {"size", bit(Kind::AddDevice)},
    {"discard", bit(Kind::AddDevice)},
    {"io", bit(Kind::AddDevice)},
    {"preallocate", bit(Kind::AddDevice)},
    {"write_behind", bit(Kind::AddDevice)},
};

/// A progress point as the user writes it: "start", "end" or "NN%".
QString pointText(double at) {
    if (at <= 0)
        return u"\"start\""_s;
    if (at >= 1)
        return u"\"end\""_s;
    return u"\"%1%\""_s.arg(QString::number(at * 100, 'g', 4));
}

constexpr std::string_view kPolicyKeys[] = {"swap_max", "zswap_max", "zswap_writeback", "allowed_tiers"};
constexpr std::string_view kPromotionChangeKeys[] = {"device_to_pool", "device_to_faster_tier", "min_loads"};

} // namespace

bool ScenarioActionReader::read(const TomlTable& t, SandboxAction& a) const {
    if (!t.checkKeys(kActionKeys) || !t.require("kind") || !t.choice("kind", a.kind, kActionKinds)
        || !readAt(t, a.at))
        return false;
    const QString kind = qs(choiceName(kActionKinds, a.kind));
    for (const KindKey& k : kKindKeys)
        if (!(k.kinds & bit(a.kind))
            && !t.forbid(k.key, tr("%1 does not apply to kind = \"%2\"").arg(t.what(k.key), kind)))
            return false;
    switch (a.kind) {
    case Kind::Swapoff:
    case Kind::CompactDevice:
        return t.require("device") && ScenarioFields::deviceRef(t, "device", m_config, a.device)
            && deviceExistsAt(t, a);
    case Kind::SetPriority:
        return t.require("device") && ScenarioFields::deviceRef(t, "device", m_config, a.device)
            && deviceExistsAt(t, a) && t.require("priority") && t.integer("priority", a.priority, -1, kMaxPriority);
    case Kind::SetPool:
        return readPool(t, a);
    case Kind::CompactPool:
        return true;
    case Kind::Writeback:
        return readWriteback(t, a);
    case Kind::SetCgroupPolicy:
        return requireOneOf(t, kPolicyKeys, kind) && readPolicy(t, a);
    case Kind::Recompress:
        return readRecompress(t, a);
    case Kind::SetPromotion:
        return requireOneOf(t, kPromotionChangeKeys, kind) && readPromotion(t, a);
    case Kind::AddDevice:
        return readNewDevice(t, a);
    }
    return t.failHere(tr("unsupported action kind in %1").arg(t.label()));
}

bool ScenarioActionReader::readAt(const TomlTable& t, double& at) {
    const toml::node* node = t.find("at");
    if (!node)
        return true;
    const QString expected = tr("\"start\", \"end\", a percentage such as \"50%\" or a number between 0 and 1");
    if (const auto* s = node->as_string()) {
        const auto point = parseProgressPoint(QString::fromStdString(s->get()));
        if (!point)
            return t.outOfRange("at", *node, expected, u"\"%1\""_s.arg(QString::fromStdString(s->get())));
        at = *point;
        return true;
    }
    if (!node->is_number())
        return t.mustBe("at", *node, expected);
    return t.number("at", at, 0, 1);
}

bool ScenarioActionReader::readPool(const TomlTable& t, SandboxAction& a) const {
    const toml::table* pool = nullptr;
    if (!t.require("pool") || !t.subtable("pool", pool, tr("a table such as { codec = \"zstd\", limit = \"32M\" }")))
        return false;
    a.pool = m_config.engine.pool; // unspecified keys keep the scenario's [pool] values
    return ScenarioFields::pool(TomlTable(t.context(), *pool, t.label() + u".pool"_s), kActionPoolKeys, a.pool,
                                nullptr);
}

bool ScenarioActionReader::readWriteback(const TomlTable& t, SandboxAction& a) const {
    WritebackOptions& w = a.writeback;
    return ScenarioFields::cgroupRef(t, "cgroup", m_config, a.cgroup) && t.integer("max_pages", w.maxPages, 1, kIntMax)
        && t.size("max_pool_bytes", w.maxPoolBytes, SizeForm::Limit)
        && t.size("max_write_bytes", w.maxWriteBytes, SizeForm::Limit)
        && ScenarioFields::durationNanos(t, "min_idle", w.minIdleNanos) && t.boolean("second_chance", w.secondChance)
        && t.boolean("compressed", w.compressed) && t.integer("batch_pages", w.batchPages, 1, kMaxBatchPages);
}

bool ScenarioActionReader::readPolicy(const TomlTable& t, SandboxAction& a) const {
    CgroupPolicyChange& p = a.policy;
    if (!t.require("cgroup") || !ScenarioFields::cgroupRef(t, "cgroup", m_config, a.cgroup))
        return false;
    const auto limit = [&](std::string_view key, std::optional<std::uint64_t>& out) {
        std::uint64_t bytes = kNoLimit;
        if (!t.size(key, bytes, SizeForm::Limit))
            return false;
        if (t.find(key))
            out = bytes;
        return true;
    };
    if (!limit("swap_max", p.swapMax) || !limit("zswap_max", p.zswapMax))
        return false;
    if (t.find("zswap_writeback")) {
        bool on = true;
        if (!t.boolean("zswap_writeback", on))
            return false;
        p.zswapWriteback = on;
    }
    if (t.find("allowed_tiers")) {
        std::vector<std::string> tiers;
        if (!ScenarioFields::tierNames(t, "allowed_tiers", m_config, true, tiers))
            return false;
        p.allowedTiers = std::move(tiers);
    }
    return true;
}

bool ScenarioActionReader::readRecompress(const TomlTable& t, SandboxAction& a) const {
    RecompressOptions& r = a.recompress;
    return ScenarioFields::cgroupRef(t, "cgroup", m_config, a.cgroup)
        && ScenarioFields::codec(t, "codec", r.codec, tr("recompression compresses"))
        && ScenarioFields::zstdLevel(t, "zstd_level", r.zstdLevel)
        && ScenarioFields::durationNanos(t, "min_idle", r.minIdleNanos) && t.integer("max_pages", r.maxPages, 1, kIntMax);
}

bool ScenarioActionReader::readPromotion(const TomlTable& t, SandboxAction& a) const {
    a.promotion = m_config.promotion; // an unspecified key keeps the scenario's [promotion] value
    return t.boolean("device_to_pool", a.promotion.deviceToPool)
        && t.boolean("device_to_faster_tier", a.promotion.deviceToFasterTier)
        && t.integer("min_loads", a.promotion.minLoads, 1, kMaxMinLoads);
}

bool ScenarioActionReader::readNewDevice(const TomlTable& t, SandboxAction& a) const {
    static const QRegularExpression validName(u"^[A-Za-z0-9._-]+$"_s);
    QString name;
    if (!t.line("name", name))
        return false;
    const QList<std::pair<QString, int>> named = ScenarioFields::deviceNames(m_config);
    if (t.find("name")) {
        if (!validName.match(name).hasMatch())
            return t.failAt("name", tr("device name '%1' may only use letters, digits, '.', '_' and '-'").arg(name));
        for (const auto& [other, index] : named)
            if (other == name)
                return t.failAt("name", tr("duplicate device name '%1': the scenario has a device of that name "
                                           "already")
                                            .arg(name));
    }
    if (!ScenarioFields::device(t, name, a.newDevice))
        return false;
    a.newDeviceName = name.toStdString();
    // The swapfile of another device, of the scenario or added before: named by name if it has one.
    const QString path = QString::fromStdString(a.newDevice.path);
    const auto nameOf = [&named](int index, const std::string& fallback) {
        for (const auto& [n, i] : named)
            if (i == index)
                return n;
        return QString::fromStdString(fallback);
    };
    int index = 0;
    const auto clash = [&](const std::string& otherPath, const std::string& fallback) {
        const bool same = otherPath == a.newDevice.path;
        if (same)
            t.failAt("path", tr("device '%1' uses the same swapfile as device '%2': %3")
                                 .arg(name.isEmpty() ? path : name, nameOf(index, fallback), path));
        ++index;
        return same;
    };
    for (const DeviceOptions& d : m_config.devices)
        if (clash(d.path, d.path))
            return false;
    for (const SandboxAction& other : m_config.actions)
        if (other.kind == Kind::AddDevice && clash(other.newDevice.path, other.newDevice.path))
            return false;
    return true;
}

bool ScenarioActionReader::deviceExistsAt(const TomlTable& t, const SandboxAction& a) const {
    if (a.device < int(m_config.devices.size()))
        return true;
    // The add-device action that creates it: the (device - devices.size())-th one.
    int ordinal = a.device - int(m_config.devices.size());
    for (const SandboxAction& add : m_config.actions) {
        if (add.kind != Kind::AddDevice || ordinal-- > 0)
            continue;
        if (add.at <= a.at)
            return true;
        return t.failAt("device", tr("device '%1' is added at %2, after this action runs (at %3): an action may "
                                     "only name a device added at the same point or before")
                                      .arg(QString::fromStdString(add.newDeviceName), pointText(add.at),
                                           pointText(a.at)));
    }
    return true; // not reached: deviceRef only resolves names that exist
}

bool ScenarioActionReader::requireOneOf(const TomlTable& t, Keys keys, const QString& kind) {
    for (std::string_view key : keys)
        if (t.find(key))
            return true;
    return t.failHere(tr("kind = \"%1\" in %2 changes nothing: give at least one of %3")
                          .arg(kind, t.label(), joinKeys(keys)));
}

} // namespace swaptier::services::detail
