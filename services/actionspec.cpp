// SPDX-License-Identifier: GPL-3.0-or-later
// ActionSpec: --action words to a TOML table to a SandboxAction (see actionspec.h).
//
// Why through TOML text: the reader of [[action]] tables (ScenarioActionReader) then checks an
// option exactly as it checks a file, and toml++ keeps the line of every value, which is the
// index of its word since each word is written on a line of its own:
//     line 1      [action]
//     line 2 + i  word i as `key = value`
// An error at line 1 (the table: a missing key) is about the spec as a whole.
#include "actionspec.h"

#include "scenarioactionreader.h"
#include "tomltable.h"

#include <QRegularExpression>
#include <QSet>

#include <toml++/toml.h>

#include <string>
#include <string_view>
#include <vector>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;
using detail::ParseContext;
using detail::qs;
using detail::TomlTable;

constexpr int kFirstWordLine = 2;

/// Keys whose values are names: always strings, whatever they look like.
bool isNameKey(QStringView key) {
    return key == u"kind" || key == u"device" || key == u"cgroup" || key == u"codec" || key == u"name"
        || key == u"path";
}

/// Keys whose values are lists of names: "a,b" is ["a", "b"].
bool isListKey(QStringView key) { return key == u"allowed_tiers"; }

/// A TOML basic string holding `text`.
QString tomlString(QStringView text) {
    QString out = u"\""_s;
    for (const QChar ch : text) {
        if (ch == u'"' || ch == u'\\')
            out += u'\\';
        out += ch;
    }
    return out + u'"';
}

/// The type of `raw` if it is a TOML value on its own ("4096", "true", "[1, 2]", "'x'").
std::optional<toml::node_type> tomlValueType(const QString& raw) {
    const std::string line = "v = " + raw.toStdString() + "\n";
    try {
        const toml::table t = toml::parse(std::string_view(line));
        const toml::node* v = t.get("v");
        if (t.size() != 1 || !v)
            return std::nullopt;
        return v->type();
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
}

/// The words of a spec: split at spaces outside quotes, [...] and {...}. False if a quote or
/// bracket is left open (the last word is then the open one).
bool splitWords(const QString& spec, QStringList& words) {
    QString word;
    QChar quote;
    bool escaped = false;
    int depth = 0;
    for (const QChar ch : spec) {
        if (!quote.isNull()) {
            if (escaped)
                escaped = false;
            else if (ch == u'\\' && quote == u'"')
                escaped = true;
            else if (ch == quote)
                quote = QChar();
        } else if (ch == u'"' || ch == u'\'') {
            quote = ch;
        } else if (ch == u'[' || ch == u'{') {
            ++depth;
        } else if ((ch == u']' || ch == u'}') && depth > 0) {
            --depth;
        } else if (ch.isSpace() && depth == 0) {
            if (!word.isEmpty())
                words << word;
            word.clear();
            continue;
        }
        word += ch;
    }
    if (!word.isEmpty())
        words << word;
    return quote.isNull() && depth == 0;
}

} // namespace

QString ActionSpecError::toString() const {
    if (word.isEmpty())
        return ActionSpec::tr("invalid --action \"%1\": %2").arg(spec, message);
    return ActionSpec::tr("invalid --action \"%1\": at '%2': %3").arg(spec, word, message);
}

ActionSpec::Outcome ActionSpec::parse(const QString& spec, const SandboxConfig& config, const QString& deviceDir) {
    const auto error = [&](const QString& word, const QString& message) {
        return ActionSpecError{spec, word, message};
    };
    QStringList words;
    if (!splitWords(spec, words))
        return error(words.isEmpty() ? QString() : words.last(), tr("a quote or bracket is not closed"));
    if (words.isEmpty())
        return error(QString(), tr("no action given; expected a kind such as \"writeback\" followed by KEY=VALUE "
                                   "words"));

    // One `key = value` line per word.
    static const QRegularExpression keyPattern(u"^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$"_s);
    QString text = u"[action]\n"_s;
    QSet<QString> keys;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words.at(i);
        for (const QChar ch : word)
            if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
                return error(word, tr("a word may not hold control characters or line breaks"));
        QString key;
        QString raw;
        const qsizetype eq = word.indexOf(u'=');
        if (i == 0 && eq < 0) {
            key = u"kind"_s;
            raw = word;
        } else if (eq < 0) {
            return error(word, tr("expected KEY=VALUE; only the first word may be the kind alone"));
        } else {
            key = word.left(eq).replace(u'-', u'_');
            raw = word.mid(eq + 1);
        }
        if (!keyPattern.match(key).hasMatch())
            return error(word, tr("'%1' is not a key: keys are letters, digits, '_' and '-', with '.' between "
                                  "the parts of a dotted key")
                                   .arg(word.left(eq)));
        if (keys.contains(key))
            return error(word, tr("'%1' is given twice").arg(key));
        keys.insert(key);
        const QString field = key.mid(key.lastIndexOf(u'.') + 1);
        const std::optional<toml::node_type> type = tomlValueType(raw);
        QString value;
        if (isNameKey(field))
            value = type == toml::node_type::string ? raw : tomlString(raw);
        else if (type)
            value = raw;
        else if (isListKey(field)) {
            QString list = raw.trimmed();
            if (list.startsWith(u'[') && list.endsWith(u']'))
                list = list.mid(1, list.size() - 2);
            QStringList items;
            for (const QString& item : list.split(u',', Qt::SkipEmptyParts))
                items << tomlString(item.trimmed());
            value = u'[' + items.join(u", ") + u']';
        } else {
            value = tomlString(raw);
        }
        text += key + u" = " + value + u'\n';
    }

    toml::table doc;
    try {
        const std::string utf8 = text.toStdString();
        doc = toml::parse(std::string_view(utf8), std::string_view("--action"));
    } catch (const toml::parse_error& e) {
        const qsizetype index = qsizetype(e.source().begin.line) - kFirstWordLine;
        const std::string_view description = e.description();
        return error(index >= 0 && index < words.size() ? words.at(index) : QString(),
                     tr("cannot be read: %1").arg(qs(description)));
    }
    const toml::table* table = doc["action"].as_table();
    if (!table)
        return error(QString(), tr("cannot be read"));
    ParseContext ctx(u"--action"_s, QString(), deviceDir);
    SandboxAction action;
    if (detail::ScenarioActionReader(config).read(TomlTable(ctx, *table, u"--action"_s), action))
        return action;
    const ScenarioError& e = *ctx.error();
    const qsizetype index = qsizetype(e.line) - kFirstWordLine;
    return error(index >= 0 && index < words.size() ? words.at(index) : QString(), e.message);
}

std::optional<ActionSpecError> ActionSpec::addTo(LoadedScenario& scenario, const QStringList& specs,
                                                 const QString& deviceDir) {
    // Each variant's config grows spec by spec (a later spec may name an added device); the
    // scenario takes them only when every spec of every variant is valid.
    std::vector<SandboxConfig> configs;
    for (const ScenarioVariant& variant : scenario.variants) {
        SandboxConfig c = variant.config;
        for (const QString& spec : specs) {
            Outcome outcome = parse(spec, c, deviceDir);
            if (auto* e = std::get_if<ActionSpecError>(&outcome))
                return *e;
            c.actions.push_back(std::get<SandboxAction>(outcome));
        }
        configs.push_back(std::move(c));
    }
    for (std::size_t v = 0; v < scenario.variants.size(); ++v)
        scenario.variants[v].config = std::move(configs[v]);
    return std::nullopt;
}

QString ActionSpec::helpText() {
    return tr("--action SPEC adds an action to the scenario, after its own [[action]] tables (repeatable). SPEC is "
              "an action kind followed by KEY=VALUE words with the keys of an [[action]] table of the scenario "
              "format, where '-' may stand for '_':\n"
              "  --action \"writeback cgroup=/batch at=50% max_pages=4096\"\n"
              "  --action \"set-policy cgroup=/batch zswap_max=16M at=0.3\"\n"
              "  --action compact-pool\n"
              "  --action \"add-device name=extra size=64M priority=5 at=30%\"\n"
              "Kinds: swapoff, set-priority, set-pool, compact-device, compact-pool, writeback, set-policy, "
              "recompress, set-promotion, add-device. Values: true, false, numbers and quoted TOML strings are "
              "taken as such, anything else as text (sizes \"64M\", durations \"30s\", points \"50%\", names); "
              "allowed_tiers takes a list \"fast,slow\" (empty: every tier), and pool.KEY=VALUE sets a key of "
              "a set-pool. add-device takes the keys of a [[device]] table (a relative path is in the device "
              "directory), and later --action options may name its device. An invalid SPEC ends the command "
              "with status 2 before anything runs.\n");
}

} // namespace swaptier::services
