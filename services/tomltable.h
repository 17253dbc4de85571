// SPDX-License-Identifier: GPL-3.0-or-later
// TomlTable: typed, checked access to one table of a scenario file, and ParseContext, which
// keeps where that file is and the first error found in it. Internal to ScenarioParser.
//
// Every value of a scenario is read through a TomlTable, so that every key is checked the same
// way: an unknown key is rejected (suggesting the closest known one), each getter checks the
// value's type and range, and an error names the key and its table and points at the value
// (or at the table, for a missing key). toml++ keeps each node's source position, and that is
// what the error carries. Only the first error is kept: getters return false after recording
// it, so callers chain them with && and stop at the first failure.
//
// Kept apart from the conversion (scenarioconfigbuilder.h) and the sweep (scenariosweep.h) so
// that both check values with exactly the same code and words. Like them, TomlTable translates
// in the ScenarioParser context: its messages are the parser's, whichever file reads the value.
#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <toml++/toml.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace swaptier::services::detail {

using Keys = std::span<const std::string_view>;
using Int = std::int64_t;

inline constexpr Int kIntMax = std::numeric_limits<Int>::max();

/// One accepted name of an enumerated value: "zipfian" for WorkloadKind::Zipfian.
template <class E>
struct Choice {
    std::string_view name;
    E value;
};

QString qs(std::string_view s);
bool contains(Keys keys, QStringView key);
/// "a, b, c", without `skip`.
QString joinKeys(Keys keys, QStringView skip = {});
/// A value as the sweep label shows it: strings bare, everything else as TOML writes it.
QString valueText(const toml::node& node);
/// The entry of `candidates` that `name` is most likely a misspelling of: at most two edits
/// away (an edit changes, adds or removes a character or swaps two neighbours) and fewer edits
/// than half its length ("bach" -> "batch", "wrok" -> "work", but not "hdd" -> "ssd"); empty if
/// none is that close.
QString closestName(QStringView name, const QStringList& candidates);

/// "\"a\", \"b\"": the names of `choices`, quoted.
template <class E, std::size_t N>
QString joinChoices(const Choice<E> (&choices)[N]) {
    QStringList names;
    for (const Choice<E>& c : choices)
        names << QStringLiteral("\"%1\"").arg(qs(c.name));
    return names.join(u", ");
}

template <class E, std::size_t N>
std::string_view choiceName(const Choice<E> (&choices)[N], E value) {
    for (const Choice<E>& c : choices)
        if (c.value == value)
            return c.name;
    return {};
}

// ---- ParseContext: where the file is and the first error -----------------------------------

class ParseContext {
public:
    ParseContext(QString file, QString baseDir, QString deviceDir)
        : m_file(std::move(file)), m_baseDir(std::move(baseDir)), m_deviceDir(std::move(deviceDir)) {}

    /// Records the first error only; returns false so that callers can `return fail(...)`.
    bool fail(const toml::source_region& where, const QString& message) {
        if (m_error)
            return false;
        // Nodes a sweep created (a [pool] that was not in the file) have no position: use the
        // position of the sweep value being applied.
        const toml::source_region& at = (where.begin.line == 0 && m_fallback) ? *m_fallback : where;
        m_error = ScenarioError{m_file, int(at.begin.line), int(at.begin.column), message};
        return false;
    }
    const std::optional<ScenarioError>& error() const { return m_error; }
    void setFallback(const toml::source_region* region) { m_fallback = region; }
    const QString& baseDir() const { return m_baseDir; }
    const QString& deviceDir() const { return m_deviceDir; }

private:
    QString m_file;
    QString m_baseDir;   ///< directory of the scenario file: anchors content and trace paths
    QString m_deviceDir; ///< Options::deviceDir: anchors device paths
    const toml::source_region* m_fallback = nullptr;
    std::optional<ScenarioError> m_error;
};

// ---- TomlTable: typed, checked access to one TOML table ------------------------------------

enum class SizeForm : std::uint8_t {
    Bytes,     ///< any number of bytes
    Pages,     ///< a whole number of pages, at least one
    Limit,     ///< bytes, or "max" for kNoLimit
    PoolLimit, ///< bytes, or "max" / 0 for no cap (0)
};

/// One table of the document. Every getter leaves `out` unchanged when the key is absent (so
/// `out` holds the default) and returns false after recording an error.
class TomlTable {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    TomlTable(ParseContext& ctx, const toml::table& table, QString label)
        : m_ctx(ctx), m_table(table), m_label(std::move(label)) {}

    const QString& label() const { return m_label; }
    const toml::node* find(std::string_view key) const { return m_table.get(key); }
    ParseContext& context() const { return m_ctx; }

    bool fail(const toml::node& at, const QString& message) const { return m_ctx.fail(at.source(), message); }
    bool failHere(const QString& message) const { return m_ctx.fail(m_table.source(), message); }
    /// Fails at the value of `key` if present, else at the table.
    bool failAt(std::string_view key, const QString& message) const;
    /// "'key' in [table]", the subject of most messages.
    QString what(std::string_view key) const;

    /// Fails at the first key that is not in `known`, with a "did you mean" for a close one.
    bool checkKeys(Keys known) const;
    bool require(std::string_view key) const;
    bool forbid(std::string_view key, const QString& why) const;

    bool boolean(std::string_view key, bool& out) const;
    bool integer(std::string_view key, Int& out, Int min, Int max) const;
    template <class T>
    bool integer(std::string_view key, T& out, Int min, Int max) const {
        Int value = static_cast<Int>(out);
        if (!integer(key, value, min, max))
            return false;
        out = static_cast<T>(value);
        return true;
    }
    /// A number (integer or float) in [min, max], or (min, max] with minOpen.
    bool number(std::string_view key, double& out, double min, double max, bool minOpen = false) const;
    bool string(std::string_view key, QString& out) const;
    /// A string that is not empty and has no line break (names, descriptions).
    bool line(std::string_view key, QString& out, bool allowEmpty = false) const;
    bool size(std::string_view key, std::uint64_t& out, SizeForm form) const;
    bool duration(std::string_view key, std::uint64_t& ms) const;

    template <class E, std::size_t N>
    bool choice(std::string_view key, E& out, const Choice<E> (&choices)[N]) const {
        const toml::node* node = find(key);
        if (!node)
            return true;
        const auto* s = node->as_string();
        if (!s)
            return mustBe(key, *node, tr("one of %1").arg(joinChoices(choices)));
        QStringList names;
        for (const Choice<E>& c : choices) {
            if (c.name == s->get()) {
                out = c.value;
                return true;
            }
            names << qs(c.name);
        }
        const QString given = QString::fromStdString(s->get());
        QString message = tr("%1 must be one of %2, not \"%3\"").arg(what(key), joinChoices(choices), given);
        if (const QString closest = closestName(given, names); !closest.isEmpty())
            message += tr("; did you mean \"%1\"?").arg(closest);
        return fail(*node, message);
    }

    /// Page-class weights: an inline table { zero = 20, text = 40, ... } (missing classes 0) or
    /// the text form "zero=20,text=40". At least one weight must be above 0.
    bool mix(std::string_view key, MixShares& out, bool* present = nullptr) const;
    /// A path string naming an existing file, relative to the scenario file's directory.
    bool existingFile(const toml::node& node, std::string_view key, QString& out) const;
    /// The table at `key`, or nullptr if absent; anything else there is an error.
    bool subtable(std::string_view key, const toml::table*& out, const QString& shape) const;
    /// The tables of the array of tables at `key` ([[device]] ...); none if absent.
    bool tables(std::string_view key, std::vector<const toml::table*>& out) const;

    static QString typeName(const toml::node& node);
    bool mustBe(std::string_view key, const toml::node& node, const QString& expected) const;
    bool outOfRange(std::string_view key, const toml::node& node, const QString& expected, const QString& value) const;

private:
    static QString rangeText(Int min, Int max);

    ParseContext& m_ctx;
    const toml::table& m_table;
    QString m_label;
};

} // namespace swaptier::services::detail
