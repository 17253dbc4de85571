// SPDX-License-Identifier: GPL-3.0-or-later
// SweepReader: [sweep] to the table and key that receive each value (see scenariosweep.h).
// The places a key may name are the key lists of scenariokeys.h, less "name" (it identifies
// the entry) and the top-level keys that are not values of a run (format, name, the tables).
#include "scenariosweep.h"

#include "scenariokeys.h"

namespace swaptier::services::detail {

using namespace Qt::StringLiterals;

bool SweepReader::read(ParseContext& ctx, toml::table& doc, std::optional<Sweep>& out) {
    const toml::node* node = doc.get("sweep");
    if (!node)
        return true;
    const toml::table* sweepTable = node->as_table();
    const TomlTable top(ctx, doc, tr("the top-level table"));
    if (!sweepTable)
        return top.mustBe("sweep", *node, tr("a table ([sweep])"));
    const TomlTable t(ctx, *sweepTable, u"[sweep]"_s);
    Sweep sweep;
    if (!t.checkKeys(kSweepKeys) || !t.require("key") || !t.require("values") || !t.line("key", sweep.key))
        return false;
    toml::node* valuesNode = doc.get("sweep")->as_table()->get("values");
    sweep.values = valuesNode->as_array();
    if (!sweep.values)
        return t.mustBe("values", *valuesNode, tr("an array of values"));
    if (sweep.values->empty())
        return t.fail(*valuesNode, tr("'values' in [sweep] needs at least one value"));
    sweep.label = sweep.key.mid(sweep.key.lastIndexOf(u'.') + 1);
    if (!t.line("label", sweep.label))
        return false;
    sweep.target = resolve(t, doc, sweep.key, sweep.targetKey);
    if (!sweep.target)
        return false;
    out = std::move(sweep);
    return true;
}

toml::table* SweepReader::resolve(const TomlTable& t, toml::table& doc, const QString& key, std::string& targetKey) {
    const auto bad = [&](const QString& why) -> toml::table* {
        t.failAt("key", tr("bad sweep key '%1': %2").arg(key, why));
        return nullptr;
    };
    const qsizetype firstDot = key.indexOf(u'.');
    if (firstDot < 0) {
        if (!contains(kTopSweepKeys, key))
            return bad(tr("a top-level key must be one of %1").arg(joinKeys(kTopSweepKeys)));
        targetKey = key.toStdString();
        return &doc;
    }
    const QString section = key.left(firstDot);
    const std::string sectionKey = section.toStdString();
    Keys tableKeys;
    if (section == u"pool")
        tableKeys = kPoolKeys;
    else if (section == u"content")
        tableKeys = kContentKeys;
    else if (section == u"promotion")
        tableKeys = kPromotionKeys;
    else if (section == u"maintenance")
        tableKeys = kMaintenanceKeys;
    if (!tableKeys.empty()) {
        const QString field = key.mid(firstDot + 1);
        const Keys known = tableKeys;
        if (!contains(known, field))
            return bad(tr("[%1] has no key '%2' (known: %3)").arg(section, field, joinKeys(known)));
        toml::node* node = doc.get(sectionKey);
        if (!node)
            node = &doc.insert(sectionKey, toml::table{}).first->second;
        if (!node->is_table())
            return bad(tr("'%1' is not a table").arg(section));
        targetKey = field.toStdString();
        return node->as_table();
    }
    Keys known;
    if (section == u"device")
        known = kDeviceKeys;
    else if (section == u"cgroup")
        known = kCgroupKeys;
    else if (section == u"workload")
        known = kWorkloadKeys;
    else
        return bad(tr("expected a top-level key, pool.<key>, content.<key>, promotion.<key>, maintenance.<key>, "
                      "device.<name>.<key>, cgroup.<name>.<key> or workload.<name>.<key>"));
    const qsizetype lastDot = key.lastIndexOf(u'.');
    if (lastDot == firstDot)
        return bad(tr("expected %1.<name>.<key>").arg(section));
    const QString name = key.mid(firstDot + 1, lastDot - firstDot - 1);
    const QString field = key.mid(lastDot + 1);
    if (field == u"name" || !contains(known, field))
        return bad(tr("[[%1]] has no key '%2' that a sweep can vary (known: %3)")
                       .arg(section, field, joinKeys(known, u"name")));
    toml::node* arrayNode = doc.get(sectionKey);
    if (!arrayNode && section == u"cgroup")
        arrayNode = &doc.insert(sectionKey, toml::array{}).first->second;
    toml::array* array = arrayNode ? arrayNode->as_array() : nullptr;
    if (!array)
        return bad(tr("there is no [[%1]] named '%2'").arg(section, name));
    for (toml::node& element : *array)
        if (toml::table* entry = element.as_table())
            if (const auto* n = entry->get_as<std::string>("name"); n && QString::fromStdString(n->get()) == name) {
                targetKey = field.toStdString();
                return entry;
            }
    if (section == u"cgroup" && name == u"/") { // the implicit root
        array->push_back(toml::table{{"name", "/"}});
        targetKey = field.toStdString();
        return array->back().as_table();
    }
    return bad(tr("there is no [[%1]] named '%2'").arg(section, name));
}

} // namespace swaptier::services::detail
