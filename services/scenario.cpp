// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioParser: scenario files (TOML, docs/scenario-format.md) to SandboxConfigs.
//
// How a file is read:
//   1. toml++ parses the text into a table. A syntax error comes back with toml++'s position
//      and description; toml++ reports errors by exception, which is caught right there.
//   2. The [sweep] is resolved first (SweepReader, scenariosweep.h): its key names one place in
//      the document (a top-level key, a key of [pool] or [content], or a key of the [[device]],
//      [[cgroup]] or [[workload]] with a given name).
//   3. For each sweep value (or once, without a sweep) the value node is moved into that place
//      and the whole document is converted (ScenarioConfigBuilder, scenarioconfigbuilder.h). A
//      swept value is therefore checked by exactly the code that checks a written one, and
//      since toml++ keeps a node's source position when it is moved, its errors point at the
//      value in `values`.
// Both read each TOML table through a TomlTable (tomltable.h), which rejects unknown keys
// (suggesting the closest known one), converts each value and checks its type and range. The
// first error stops the parse; the ParseContext keeps it, with the location of the offending
// value, or of the table for a missing key.
#include "scenario.h"

#include "scenarioconfigbuilder.h"
#include "scenariosweep.h"
#include "tomltable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <toml++/toml.h>

#include <optional>
#include <string>
#include <string_view>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;
using detail::ParseContext;
using detail::qs;
using detail::ScenarioConfigBuilder;
using detail::Sweep;
using detail::SweepReader;
using detail::valueText;

QString builtinPath(const QString& name) { return u":/scenarios/"_s + name + u".toml"_s; }

} // namespace

QString ScenarioError::toString() const {
    if (line <= 0)
        return u"%1: %2"_s.arg(file, message);
    if (column <= 0)
        return u"%1:%2: %3"_s.arg(file).arg(line).arg(message);
    return u"%1:%2:%3: %4"_s.arg(file).arg(line).arg(column).arg(message);
}

ScenarioParser::Outcome ScenarioParser::parse(const QByteArray& text, const QString& fileName, const Options& options) {
    toml::table doc;
    try {
        doc = toml::parse(std::string_view(text.constData(), std::size_t(text.size())), fileName.toStdString());
    } catch (const toml::parse_error& e) {
        const std::string_view description = e.description();
        return ScenarioError{fileName, int(e.source().begin.line), int(e.source().begin.column),
                             tr("TOML syntax error: %1").arg(qs(description))};
    }

    ParseContext ctx(fileName, QFileInfo(fileName).absolutePath(), options.deviceDir);
    std::optional<Sweep> sweep;
    if (!SweepReader::read(ctx, doc, sweep))
        return *ctx.error();

    LoadedScenario scenario;
    scenario.source = fileName;
    if (sweep) {
        scenario.sweepKey = sweep->key;
        scenario.sweepLabel = sweep->label;
    }
    const std::size_t count = sweep ? sweep->values->size() : 1;
    for (std::size_t i = 0; i < count; ++i) {
        ScenarioVariant variant;
        toml::source_region valueRegion;
        if (sweep) {
            toml::node& value = (*sweep->values)[i];
            valueRegion = value.source();
            variant.label = sweep->label + u'=' + valueText(value);
            // Moving keeps the value's source position, so its errors point into `values`.
            sweep->target->insert_or_assign(sweep->targetKey, std::move(value));
            ctx.setFallback(&valueRegion);
        }
        ScenarioConfigBuilder builder(ctx);
        if (!builder.build(doc, variant.config, scenario.name, scenario.description))
            return *ctx.error();
        ctx.setFallback(nullptr);
        scenario.variants.push_back(std::move(variant));
    }
    return scenario;
}

ScenarioParser::Outcome ScenarioParser::load(const QString& pathOrBuiltin, const Options& options) {
    QString path = pathOrBuiltin;
    const QFileInfo info(pathOrBuiltin);
    if (!pathOrBuiltin.contains(u'/') && !info.exists()) {
        QString name = pathOrBuiltin;
        if (name.endsWith(u".toml"))
            name.chop(5);
        path = builtinPath(name);
        if (name.isEmpty() || !QFileInfo(path).isFile()) {
            QStringList names;
            for (const Builtin& b : builtins())
                names << b.name;
            return ScenarioError{pathOrBuiltin, 0, 0,
                                 tr("no such file, and no built-in scenario of that name (built-ins: %1)")
                                     .arg(names.join(u", "))};
        }
    } else if (info.isDir()) {
        return ScenarioError{pathOrBuiltin, 0, 0, tr("this is a directory, not a scenario file")};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ScenarioError{path, 0, 0, tr("cannot read the scenario file: %1").arg(file.errorString())};
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ScenarioError{path, 0, 0, tr("cannot read the scenario file: %1").arg(file.errorString())};
    return parse(text, path, options);
}

std::vector<ScenarioParser::Builtin> ScenarioParser::builtins() {
    std::vector<Builtin> list;
    const QDir dir(u":/scenarios"_s);
    for (const QString& entry : dir.entryList({u"*.toml"_s}, QDir::Files, QDir::Name)) {
        Builtin builtin;
        builtin.name = entry.chopped(5);
        QFile file(dir.filePath(entry));
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray text = file.readAll();
            try {
                const toml::table doc = toml::parse(std::string_view(text.constData(), std::size_t(text.size())));
                builtin.description = QString::fromStdString(doc["description"].value_or(std::string()));
            } catch (const toml::parse_error&) {
                // A broken built-in is reported by load(); the list still names it.
            }
        }
        list.push_back(builtin);
    }
    return list;
}

} // namespace swaptier::services
