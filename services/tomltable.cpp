// SPDX-License-Identifier: GPL-3.0-or-later
// TomlTable: the checked getters of scenario tables (see tomltable.h). Each getter tells a
// wrong type ("must be an integer, not a string") from a value out of range ("must be between
// 1 and 16, not 20"), because the fix differs; sizes, durations and page mixes accept the text
// forms of scenariovalues.h and units.h.
#include "tomltable.h"

#include "scenariokeys.h"
#include "scenariovalues.h"
#include "units.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace swaptier::services::detail {

namespace {

constexpr Int kMaxMixWeight = 1'000'000;

/// Edit distance for "did you mean" on unknown keys and names: insertions, deletions,
/// substitutions and swaps of two neighbours ("wrok" -> "work") cost one each (the optimal
/// string alignment distance). The texts are short: a full table is fine.
template <class Text>
int editDistance(const Text& a, const Text& b) {
    const std::size_t n = std::size_t(a.size());
    const std::size_t m = std::size_t(b.size());
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = int(j);
    const auto at = [](const Text& t, std::size_t k) { return t[qsizetype(k)]; };
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = at(a, i - 1) == at(b, j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && at(a, i - 1) == at(b, j - 2) && at(a, i - 2) == at(b, j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[n][m];
}

} // namespace

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

bool contains(Keys keys, QStringView key) {
    return std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return qs(k) == key; });
}

QString joinKeys(Keys keys, QStringView skip) {
    QStringList names;
    for (std::string_view k : keys)
        if (qs(k) != skip)
            names << qs(k);
    return names.join(u", ");
}

QString valueText(const toml::node& node) {
    if (const auto* s = node.as_string())
        return QString::fromStdString(s->get());
    std::ostringstream out;
    node.visit([&](const auto& value) { out << value; });
    return QString::fromStdString(out.str());
}

QString closestName(QStringView name, const QStringList& candidates) {
    QString closest;
    int best = std::min<int>(3, int((name.size() + 1) / 2)); // fewer edits than this
    for (const QString& candidate : candidates)
        if (const int d = editDistance(name, QStringView(candidate)); d < best && d > 0) {
            best = d;
            closest = candidate;
        }
    return closest;
}

bool TomlTable::failAt(std::string_view key, const QString& message) const {
    const toml::node* node = find(key);
    return node ? fail(*node, message) : failHere(message);
}

QString TomlTable::what(std::string_view key) const { return tr("'%1' in %2").arg(qs(key), m_label); }

bool TomlTable::checkKeys(Keys known) const {
    for (const auto& [key, value] : m_table) {
        if (contains(known, qs(key.str())))
            continue;
        QString message = tr("unknown key '%1' in %2").arg(qs(key.str()), m_label);
        std::string_view closest;
        int best = 3; // suggest only close misspellings
        for (std::string_view k : known)
            if (const int d = editDistance(key.str(), k); d < best) {
                best = d;
                closest = k;
            }
        if (!closest.empty())
            message += tr(", did you mean '%1'?").arg(qs(closest));
        message += u' ' + tr("(known: %1)").arg(joinKeys(known));
        return m_ctx.fail(key.source(), message);
    }
    return true;
}

bool TomlTable::require(std::string_view key) const {
    return find(key) || failHere(tr("missing required key '%1' in %2").arg(qs(key), m_label));
}

bool TomlTable::forbid(std::string_view key, const QString& why) const {
    const toml::node* node = find(key);
    return !node || fail(*node, why);
}

bool TomlTable::boolean(std::string_view key, bool& out) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    if (const auto* b = node->as_boolean()) {
        out = b->get();
        return true;
    }
    return mustBe(key, *node, tr("true or false"));
}

bool TomlTable::integer(std::string_view key, Int& out, Int min, Int max) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    const auto* i = node->as_integer();
    if (!i)
        return mustBe(key, *node, tr("an integer"));
    if (i->get() < min || i->get() > max)
        return outOfRange(key, *node, rangeText(min, max), QString::number(i->get()));
    out = i->get();
    return true;
}

bool TomlTable::number(std::string_view key, double& out, double min, double max, bool minOpen) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    double value = 0;
    if (const auto* i = node->as_integer())
        value = double(i->get());
    else if (const auto* f = node->as_floating_point())
        value = f->get();
    else
        return mustBe(key, *node, tr("a number"));
    if (!std::isfinite(value) || value > max || (minOpen ? value <= min : value < min)) {
        const QString range = minOpen ? tr("above %1 and at most %2").arg(min).arg(max)
                                      : tr("between %1 and %2").arg(min).arg(max);
        return outOfRange(key, *node, range, QString::number(value));
    }
    out = value;
    return true;
}

bool TomlTable::string(std::string_view key, QString& out) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    if (const auto* s = node->as_string()) {
        out = QString::fromStdString(s->get());
        return true;
    }
    return mustBe(key, *node, tr("a string"));
}

bool TomlTable::line(std::string_view key, QString& out, bool allowEmpty) const {
    QString value = out;
    if (!string(key, value))
        return false;
    if (const toml::node* node = find(key)) {
        if (!allowEmpty && value.trimmed().isEmpty())
            return fail(*node, tr("%1 must not be empty").arg(what(key)));
        if (value.contains(u'\n') || value.contains(u'\r'))
            return fail(*node, tr("%1 must be a single line").arg(what(key)));
    }
    out = value;
    return true;
}

bool TomlTable::size(std::string_view key, std::uint64_t& out, SizeForm form) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    const bool maxAllowed = form == SizeForm::Limit || form == SizeForm::PoolLimit;
    std::uint64_t bytes = 0;
    if (const auto* i = node->as_integer()) {
        if (i->get() < 0)
            return outOfRange(key, *node, tr("a size of 0 bytes or more"), QString::number(i->get()));
        bytes = std::uint64_t(i->get());
    } else if (const auto* s = node->as_string()) {
        const QString text = QString::fromStdString(s->get());
        if (maxAllowed && text.trimmed() == u"max") {
            out = form == SizeForm::Limit ? kNoLimit : 0;
            return true;
        }
        const auto parsed = parseBytes(text);
        if (!parsed)
            return fail(*node, tr("%1: '%2' is not a size; expected a number of bytes or a number with K, "
                                  "M, G or T (such as \"64M\")%3")
                                   .arg(what(key), text, maxAllowed ? tr(", or \"max\"") : QString()));
        bytes = *parsed;
    } else {
        return mustBe(key, *node,
                      maxAllowed ? tr("a size (a number of bytes, or a string such as \"64M\" or \"max\")")
                                 : tr("a size (a number of bytes, or a string such as \"64M\")"));
    }
    if (form == SizeForm::Pages) {
        if (bytes < kScenarioPageBytes)
            return fail(*node, tr("%1 must be at least one page (4096 bytes), not %2 bytes")
                                   .arg(what(key)).arg(bytes));
        if (bytes % kScenarioPageBytes != 0)
            return fail(*node, tr("%1 must be a whole number of 4096-byte pages, not %2 bytes")
                                   .arg(what(key)).arg(bytes));
    }
    out = bytes;
    return true;
}

bool TomlTable::duration(std::string_view key, std::uint64_t& ms) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    if (const auto* i = node->as_integer()) {
        if (i->get() < 0)
            return outOfRange(key, *node, tr("0 or more milliseconds"), QString::number(i->get()));
        ms = std::uint64_t(i->get());
        return true;
    }
    if (const auto* s = node->as_string()) {
        const QString text = QString::fromStdString(s->get());
        if (const auto parsed = parseDurationMs(text)) {
            ms = *parsed;
            return true;
        }
        return fail(*node, tr("%1: '%2' is not a duration; expected whole milliseconds such as \"250ms\", "
                              "\"30s\" or \"2m\"")
                               .arg(what(key), text));
    }
    return mustBe(key, *node, tr("a duration (milliseconds, or a string such as \"250ms\", \"30s\" or \"2m\")"));
}

bool TomlTable::mix(std::string_view key, MixShares& out, bool* present) const {
    const toml::node* node = find(key);
    if (!node)
        return true;
    MixShares shares;
    shares.weights.fill(0);
    if (const auto* t = node->as_table()) {
        const TomlTable weights(m_ctx, *t, m_label + u'.' + qs(key));
        if (!weights.checkKeys(kMixKeys))
            return false;
        for (std::string_view name : kMixKeys) {
            unsigned weight = 0;
            if (!weights.integer(name, weight, 0, kMaxMixWeight))
                return false;
            shares[*pageClassFromName(name)] = weight;
        }
    } else if (const auto* s = node->as_string()) {
        const auto parsed = MixShares::parse(s->get());
        if (!parsed)
            return fail(*node, tr("%1: '%2' is not a page mix; expected weights such as "
                                  "\"zero=20,text=40,binary=25,random=15\"")
                                   .arg(what(key), QString::fromStdString(s->get())));
        shares = *parsed;
    } else {
        return mustBe(key, *node, tr("a table of weights such as { zero = 20, text = 80 }"));
    }
    if (shares.total() == 0)
        return fail(*node,
                    tr("%1 needs at least one weight above 0 (classes: %2)").arg(what(key), joinKeys(kMixKeys)));
    out = shares;
    if (present)
        *present = true;
    return true;
}

bool TomlTable::existingFile(const toml::node& node, std::string_view key, QString& out) const {
    const auto* s = node.as_string();
    if (!s)
        return mustBe(key, node, tr("a file path (a string)"));
    const QString given = QString::fromStdString(s->get());
    if (given.isEmpty())
        return fail(node, tr("%1 must not be empty").arg(what(key)));
    const QString path = QDir::cleanPath(QDir(m_ctx.baseDir()).absoluteFilePath(given));
    if (!QFileInfo(path).isFile())
        return fail(node, tr("%1: no such file '%2'").arg(what(key), path));
    out = path;
    return true;
}

bool TomlTable::subtable(std::string_view key, const toml::table*& out, const QString& shape) const {
    out = nullptr;
    const toml::node* node = find(key);
    if (!node)
        return true;
    out = node->as_table();
    return out || mustBe(key, *node, shape);
}

bool TomlTable::tables(std::string_view key, std::vector<const toml::table*>& out) const {
    out.clear();
    const toml::node* node = find(key);
    if (!node)
        return true;
    const auto* array = node->as_array();
    if (!array)
        return mustBe(key, *node, tr("an array of tables ([[%1]])").arg(qs(key)));
    for (const toml::node& element : *array) {
        const auto* t = element.as_table();
        if (!t)
            return fail(element, tr("each '%1' must be a table ([[%1]]), not %2").arg(qs(key), typeName(element)));
        out.push_back(t);
    }
    return true;
}

QString TomlTable::typeName(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string: return tr("a string");
    case toml::node_type::integer: return tr("an integer");
    case toml::node_type::floating_point: return tr("a floating-point number");
    case toml::node_type::boolean: return tr("a boolean");
    case toml::node_type::table: return tr("a table");
    case toml::node_type::array: return tr("an array");
    case toml::node_type::date: return tr("a date");
    case toml::node_type::time: return tr("a time");
    case toml::node_type::date_time: return tr("a date-time");
    case toml::node_type::none: break;
    }
    return tr("nothing");
}

bool TomlTable::mustBe(std::string_view key, const toml::node& node, const QString& expected) const {
    return fail(node, tr("%1 must be %2, not %3").arg(what(key), expected, typeName(node)));
}

bool TomlTable::outOfRange(std::string_view key, const toml::node& node, const QString& expected,
                           const QString& value) const {
    return fail(node, tr("%1 must be %2, not %3").arg(what(key), expected, value));
}

QString TomlTable::rangeText(Int min, Int max) {
    return max == kIntMax ? tr("%1 or more").arg(min) : tr("between %1 and %2").arg(min).arg(max);
}

} // namespace swaptier::services::detail
