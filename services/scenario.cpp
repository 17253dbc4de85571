// SPDX-License-Identifier: GPL-3.0-or-later
// ScenarioParser: scenario files (TOML, docs/scenario-format.md) to SandboxConfigs.
//
// How a file is read:
//   1. toml++ parses the text into a table. A syntax error comes back with toml++'s position
//      and description; toml++ reports errors by exception, which is caught right there.
//   2. The [sweep] is resolved first: its key names one place in the document (a top-level
//      key, a key of [pool] or [content], or a key of the [[device]], [[cgroup]] or
//      [[workload]] with a given name).
//   3. For each sweep value (or once, without a sweep) the value node is moved into that place
//      and the whole document is converted. A swept value is therefore checked by exactly the
//      code that checks a written one, and since toml++ keeps a node's source position when it
//      is moved, its errors point at the value in `values`.
// Conversion reads each TOML table through a Table, which rejects unknown keys (suggesting the
// closest known one), converts each value and checks its type and range. Names (devices,
// cgroups, workloads) are resolved to the indices SandboxConfig uses. The first error stops the
// parse; Context keeps it, with the location of the offending value, or of the table for a
// missing key.
#include "scenario.h"

#include "scenariovalues.h"
#include "units.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <string_view>

namespace swaptier::services {

namespace {

using namespace Qt::StringLiterals;
using Keys = std::span<const std::string_view>;
using Int = std::int64_t;

constexpr Int kIntMax = std::numeric_limits<Int>::max();
constexpr Int kMaxPriority = 32767; // swapon(2)
constexpr Int kMaxMixWeight = 1'000'000;
// Limits of the sandbox (validateSandboxConfig()), checked here so that they get a location.
constexpr std::uint64_t kMaxWorkloadPages = 0xFFFF'FFFFull;
constexpr std::uint64_t kMaxThreads = 1024;
constexpr std::uint64_t kMinPagesPerThread = 16;
// zstd's levels: ZSTD_minCLevel() (-ZSTD_TARGETLENGTH_MAX) .. ZSTD_maxCLevel().
constexpr Int kZstdMinLevel = -131072;
constexpr Int kZstdMaxLevel = 22;

// ---- Keys of each table, in the order of the documentation ---------------------------------

constexpr std::string_view kTopKeys[] = {"format",        "name",           "description", "seed",
                                         "design",        "duration",       "sample_interval",
                                         "reclaim_batch", "round_accesses", "verify_pages", "pool",
                                         "content",       "device",         "cgroup",      "workload",
                                         "action",        "sweep"};
// The top-level keys a sweep may vary (format, name and the tables may not).
constexpr std::string_view kTopSweepKeys[] = {"description",     "seed",          "design",
                                              "duration",        "sample_interval", "reclaim_batch",
                                              "round_accesses", "verify_pages"};
constexpr std::string_view kPoolKeys[] = {"enabled",          "codec",
                                          "zstd_level",       "limit",
                                          "accept_threshold", "max_pages_per_zspage",
                                          "detect_zero_pages"};
constexpr std::string_view kActionPoolKeys[] = {"enabled",          "codec",
                                                "zstd_level",       "limit",
                                                "accept_threshold", "max_pages_per_zspage"};
constexpr std::string_view kContentKeys[] = {"mix", "files"};
constexpr std::string_view kDeviceKeys[] = {"name", "path", "size", "priority", "discard", "io", "preallocate"};
constexpr std::string_view kCgroupKeys[] = {"name",      "parent",    "memory_max",
                                            "swap_max",  "zswap_max", "zswap_writeback"};
constexpr std::string_view kWorkloadKeys[] = {"name",         "kind",          "cgroup",       "threads",
                                              "size",         "accesses",      "passes",       "write_fraction",
                                              "zipf_theta",   "phases",        "phase_window", "fork_every",
                                              "child_accesses", "max_children", "trace",       "start_round",
                                              "mix"};
constexpr std::string_view kActionKeys[] = {"at", "kind", "device", "priority", "pool"};
constexpr std::string_view kSweepKeys[] = {"key", "values", "label"};
constexpr std::string_view kMixKeys[] = {"zero", "text", "binary", "random", "heap"};

template <class E>
struct Choice {
    std::string_view name;
    E value;
};

constexpr Choice<SwapDesign> kDesigns[] = {{"virtual", SwapDesign::Virtual}, {"classic", SwapDesign::Classic}};
constexpr Choice<IoMode> kIoModes[] = {
    {"auto", IoMode::Auto}, {"direct", IoMode::Direct}, {"buffered", IoMode::Buffered}};
constexpr Choice<WorkloadKind> kWorkloadKinds[] = {
    {"sequential", WorkloadKind::Sequential},    {"uniform", WorkloadKind::Uniform},
    {"zipfian", WorkloadKind::Zipfian},          {"phase-change", WorkloadKind::PhaseChange},
    {"fork-heavy", WorkloadKind::ForkHeavy},     {"trace", WorkloadKind::Trace}};
constexpr Choice<SandboxAction::Kind> kActionKinds[] = {{"swapoff", SandboxAction::Kind::Swapoff},
                                                        {"set-priority", SandboxAction::Kind::SetPriority},
                                                        {"set-pool", SandboxAction::Kind::SetPool}};

/// Workload keys that only some kinds use; a key given for another kind is an error, since it
/// would silently do nothing.
constexpr unsigned kindBit(WorkloadKind kind) { return 1u << unsigned(kind); }
struct KindKey {
    std::string_view key;
    unsigned kinds;
};
constexpr KindKey kKindKeys[] = {
    {"size", ~kindBit(WorkloadKind::Trace)}, // a trace maps the pages it touches
    {"passes", kindBit(WorkloadKind::Sequential)},
    {"write_fraction", kindBit(WorkloadKind::Uniform) | kindBit(WorkloadKind::Zipfian)
                           | kindBit(WorkloadKind::PhaseChange) | kindBit(WorkloadKind::ForkHeavy)},
    {"zipf_theta", kindBit(WorkloadKind::Zipfian)},
    {"phases", kindBit(WorkloadKind::PhaseChange)},
    {"phase_window", kindBit(WorkloadKind::PhaseChange)},
    {"fork_every", kindBit(WorkloadKind::ForkHeavy)},
    {"child_accesses", kindBit(WorkloadKind::ForkHeavy)},
    {"max_children", kindBit(WorkloadKind::ForkHeavy)},
    {"trace", kindBit(WorkloadKind::Trace)},
};

// ---- Small helpers -------------------------------------------------------------------------

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

bool contains(Keys keys, QStringView key) {
    return std::any_of(keys.begin(), keys.end(), [&](std::string_view k) { return qs(k) == key; });
}

QString joinKeys(Keys keys, QStringView skip = {}) {
    QStringList names;
    for (std::string_view k : keys)
        if (qs(k) != skip)
            names << qs(k);
    return names.join(u", ");
}

template <class E, std::size_t N>
QString joinChoices(const Choice<E> (&choices)[N]) {
    QStringList names;
    for (const Choice<E>& c : choices)
        names << u"\"%1\""_s.arg(qs(c.name));
    return names.join(u", ");
}

template <class E, std::size_t N>
std::string_view choiceName(const Choice<E> (&choices)[N], E value) {
    for (const Choice<E>& c : choices)
        if (c.value == value)
            return c.name;
    return {};
}

/// Levenshtein distance, for "did you mean" on unknown keys.
int editDistance(std::string_view a, std::string_view b) {
    std::vector<int> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

/// A value as the sweep label shows it: strings bare, everything else as TOML writes it.
QString valueText(const toml::node& node) {
    if (const auto* s = node.as_string())
        return QString::fromStdString(s->get());
    std::ostringstream out;
    node.visit([&](const auto& value) { out << value; });
    return QString::fromStdString(out.str());
}

// ---- Context: where the file is and the first error ---------------------------------------

class Context {
public:
    Context(QString file, QString baseDir, QString deviceDir)
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

// ---- Table: typed, checked access to one TOML table ----------------------------------------

enum class SizeForm : std::uint8_t {
    Bytes,     ///< any number of bytes
    Pages,     ///< a whole number of pages, at least one
    Limit,     ///< bytes, or "max" for kNoLimit
    PoolLimit, ///< bytes, or "max" / 0 for no cap (0)
};

/// One table of the document. Every getter leaves `out` unchanged when the key is absent (so
/// `out` holds the default) and returns false after recording an error.
class Table {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    Table(Context& ctx, const toml::table& table, QString label)
        : m_ctx(ctx), m_table(table), m_label(std::move(label)) {}

    const QString& label() const { return m_label; }
    const toml::node* find(std::string_view key) const { return m_table.get(key); }
    Context& context() const { return m_ctx; }

    bool fail(const toml::node& at, const QString& message) const { return m_ctx.fail(at.source(), message); }
    bool failHere(const QString& message) const { return m_ctx.fail(m_table.source(), message); }
    /// Fails at the value of `key` if present, else at the table.
    bool failAt(std::string_view key, const QString& message) const {
        const toml::node* node = find(key);
        return node ? fail(*node, message) : failHere(message);
    }
    QString what(std::string_view key) const { return tr("'%1' in %2").arg(qs(key), m_label); }

    bool checkKeys(Keys known) const {
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

    bool require(std::string_view key) const {
        return find(key) || failHere(tr("missing required key '%1' in %2").arg(qs(key), m_label));
    }

    bool forbid(std::string_view key, const QString& why) const {
        const toml::node* node = find(key);
        return !node || fail(*node, why);
    }

    bool boolean(std::string_view key, bool& out) const {
        const toml::node* node = find(key);
        if (!node)
            return true;
        if (const auto* b = node->as_boolean()) {
            out = b->get();
            return true;
        }
        return mustBe(key, *node, tr("true or false"));
    }

    bool integer(std::string_view key, Int& out, Int min, Int max) const {
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

    template <class T>
    bool integer(std::string_view key, T& out, Int min, Int max) const {
        Int value = static_cast<Int>(out);
        if (!integer(key, value, min, max))
            return false;
        out = static_cast<T>(value);
        return true;
    }

    /// A number (integer or float) in [min, max], or (min, max] with minOpen.
    bool number(std::string_view key, double& out, double min, double max, bool minOpen = false) const {
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

    bool string(std::string_view key, QString& out) const {
        const toml::node* node = find(key);
        if (!node)
            return true;
        if (const auto* s = node->as_string()) {
            out = QString::fromStdString(s->get());
            return true;
        }
        return mustBe(key, *node, tr("a string"));
    }

    /// A string that is not empty and has no line break (names, descriptions).
    bool line(std::string_view key, QString& out, bool allowEmpty = false) const {
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

    bool size(std::string_view key, std::uint64_t& out, SizeForm form) const {
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

    bool duration(std::string_view key, std::uint64_t& ms) const {
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

    template <class E, std::size_t N>
    bool choice(std::string_view key, E& out, const Choice<E> (&choices)[N]) const {
        const toml::node* node = find(key);
        if (!node)
            return true;
        const auto* s = node->as_string();
        if (!s)
            return mustBe(key, *node, tr("one of %1").arg(joinChoices(choices)));
        for (const Choice<E>& c : choices)
            if (c.name == s->get()) {
                out = c.value;
                return true;
            }
        return outOfRange(key, *node, tr("one of %1").arg(joinChoices(choices)),
                          u"\"%1\""_s.arg(QString::fromStdString(s->get())));
    }

    /// Page-class weights: an inline table { zero = 20, text = 40, ... } (missing classes 0) or
    /// the text form "zero=20,text=40". At least one weight must be above 0.
    bool mix(std::string_view key, MixShares& out, bool* present = nullptr) const {
        const toml::node* node = find(key);
        if (!node)
            return true;
        MixShares shares;
        shares.weights.fill(0);
        if (const auto* t = node->as_table()) {
            const Table weights(m_ctx, *t, m_label + u'.' + qs(key));
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

    /// A path string naming an existing file, relative to the scenario file's directory.
    bool existingFile(const toml::node& node, std::string_view key, QString& out) const {
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

    /// The table at `key`, or nullptr if absent; anything else there is an error.
    bool subtable(std::string_view key, const toml::table*& out, const QString& shape) const {
        out = nullptr;
        const toml::node* node = find(key);
        if (!node)
            return true;
        out = node->as_table();
        return out || mustBe(key, *node, shape);
    }

    /// The tables of the array of tables at `key` ([[device]] ...); none if absent.
    bool tables(std::string_view key, std::vector<const toml::table*>& out) const {
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

    static QString typeName(const toml::node& node) {
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

    bool mustBe(std::string_view key, const toml::node& node, const QString& expected) const {
        return fail(node, tr("%1 must be %2, not %3").arg(what(key), expected, typeName(node)));
    }
    bool outOfRange(std::string_view key, const toml::node& node, const QString& expected, const QString& value) const {
        return fail(node, tr("%1 must be %2, not %3").arg(what(key), expected, value));
    }

private:
    static QString rangeText(Int min, Int max) {
        return max == kIntMax ? tr("%1 or more").arg(min) : tr("between %1 and %2").arg(min).arg(max);
    }

    Context& m_ctx;
    const toml::table& m_table;
    QString m_label;
};

// ---- DocumentReader: the whole document to one SandboxConfig -------------------------------

class DocumentReader {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    explicit DocumentReader(Context& ctx) : m_ctx(ctx) {}

    bool read(const toml::table& doc, SandboxConfig& c, QString& name, QString& description) {
        const Table top(m_ctx, doc, tr("the top-level table"));
        if (!readFormat(top) || !top.checkKeys(kTopKeys) || !top.require("name") || !top.line("name", name)
            || !top.line("description", description, true))
            return false;
        c.name = name.toStdString();
        if (!top.integer("seed", c.seed, 0, kIntMax) || !top.choice("design", c.design, kDesigns)
            || !top.duration("duration", c.durationMs) || !top.duration("sample_interval", c.sampleIntervalMs)
            || !top.integer("reclaim_batch", c.reclaimBatch, 1, 1 << 20)
            || !top.integer("round_accesses", c.roundAccesses, 1, 1 << 20)
            || !top.boolean("verify_pages", c.verifyPages))
            return false;
        const toml::table* pool = nullptr;
        if (!top.subtable("pool", pool, tr("a table ([pool])")))
            return false;
        if (pool && !readPool(Table(m_ctx, *pool, u"[pool]"_s), kPoolKeys, c.engine.pool, &c.engine.detectZeroPages))
            return false;
        if (!readContent(top, c) || !readDevices(top, c) || !readCgroups(top, c) || !readWorkloads(top, c)
            || !readActions(top, c))
            return false;
        if (c.workloads.empty())
            return top.failHere(tr("a scenario needs at least one [[workload]]"));
        return true;
    }

private:
    struct Definition {
        int index = 0;
        int line = 0;
    };
    using Names = QHash<QString, Definition>;

    bool readFormat(const Table& top) {
        if (!top.require("format"))
            return false;
        const toml::node& node = *top.find("format");
        const auto* version = node.as_integer();
        if (!version)
            return top.mustBe("format", node, tr("the integer 1"));
        if (version->get() != 1)
            return top.fail(node, tr("format %1 is not supported: this version of swaptier reads format = 1")
                                      .arg(version->get()));
        return true;
    }

    bool readPool(const Table& t, Keys known, PoolOptions& pool, bool* detectZeroPages) {
        if (!t.checkKeys(known) || !t.boolean("enabled", pool.enabled))
            return false;
        if (const toml::node* node = t.find("codec")) {
            const auto* s = node->as_string();
            if (!s)
                return t.mustBe("codec", *node, tr("a codec name (\"lz4\", \"zstd\" or \"lzo\")"));
            const auto codec = codecFromName(s->get());
            if (!codec || *codec == Codec::Raw)
                return t.fail(*node, tr("unknown codec '%1' in %2: a pool compresses with \"lz4\", \"zstd\" or \"lzo\"")
                                         .arg(QString::fromStdString(s->get()), t.label()));
            pool.codec = *codec;
        }
        if (!t.integer("zstd_level", pool.zstdLevel, kZstdMinLevel, kZstdMaxLevel)
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
                    percent = *fraction * 100.0;
            if (!percent || *percent != std::floor(*percent) || *percent < 1 || *percent > 100)
                return t.outOfRange("accept_threshold", *node,
                                    tr("a whole percentage between 1 and 100 (90 or \"90%\")"), valueText(*node));
            pool.acceptThresholdPercent = unsigned(*percent);
        }
        return !detectZeroPages || t.boolean("detect_zero_pages", *detectZeroPages);
    }

    bool readContent(const Table& top, SandboxConfig& c) {
        const toml::table* content = nullptr;
        if (!top.subtable("content", content, tr("a table ([content])")))
            return false;
        if (!content)
            return true;
        const Table t(m_ctx, *content, u"[content]"_s);
        if (!t.checkKeys(kContentKeys) || !t.mix("mix", c.mix))
            return false;
        if (const toml::node* node = t.find("files")) {
            const auto* files = node->as_array();
            if (!files)
                return t.mustBe("files", *node, tr("an array of file paths"));
            for (const toml::node& file : *files) {
                QString path;
                if (!t.existingFile(file, "files", path))
                    return false;
                c.contentFiles.push_back(path.toStdString());
            }
        }
        return true;
    }

    /// Reads the "name" of an entry, which must be new among `names`; `duplicate` is the message
    /// for a name used twice, with %1 = the name and %2 = the line of its first use.
    bool readName(const Table& t, const Names& names, const QString& duplicate, QString& name) {
        if (!t.require("name") || !t.line("name", name))
            return false;
        if (const auto it = names.constFind(name); it != names.constEnd())
            return t.failAt("name", duplicate.arg(name).arg(it->line));
        return true;
    }

    static int lineOf(const Table& t, std::string_view key) {
        const toml::node* node = t.find(key);
        return node ? int(node->source().begin.line) : 0;
    }

    bool readDevices(const Table& top, SandboxConfig& c) {
        std::vector<const toml::table*> entries;
        if (!top.tables("device", entries))
            return false;
        static const QRegularExpression validName(u"^[A-Za-z0-9._-]+$"_s);
        for (const toml::table* entry : entries) {
            const Table t(m_ctx, *entry, u"[[device]]"_s);
            QString name;
            if (!t.checkKeys(kDeviceKeys)
                || !readName(t, m_devices, tr("duplicate device name '%1' (first defined on line %2)"), name))
                return false;
            if (!validName.match(name).hasMatch())
                return t.failAt("name",
                                tr("device name '%1' may only use letters, digits, '.', '_' and '-'").arg(name));
            DeviceOptions d;
            QString path = name + u".swap"_s;
            if (!t.line("path", path) || !t.require("size") || !t.size("size", d.sizeBytes, SizeForm::Pages)
                || !t.integer("priority", d.priority, -1, kMaxPriority) || !t.boolean("discard", d.discard)
                || !t.choice("io", d.io, kIoModes) || !t.boolean("preallocate", d.preallocate))
                return false;
            if (QDir::isRelativePath(path)) {
                if (m_ctx.deviceDir().isEmpty())
                    return t.failAt("path", tr("device '%1' has the relative path '%2', but no device directory was "
                                               "given; give an absolute path or a device directory")
                                                .arg(name, path));
                path = QDir(m_ctx.deviceDir()).absoluteFilePath(path);
            }
            path = QDir::cleanPath(path);
            for (std::size_t i = 0; i < c.devices.size(); ++i)
                if (c.devices[i].path == path.toStdString())
                    return t.failAt("path", tr("device '%1' uses the same swapfile as device '%2': %3")
                                                .arg(name, QString::fromStdString(c.deviceNames[i]), path));
            d.path = path.toStdString();
            m_devices.insert(name, {int(c.devices.size()), lineOf(t, "name")});
            c.devices.push_back(d);
            c.deviceNames.push_back(name.toStdString());
        }
        return true;
    }

    bool readCgroups(const Table& top, SandboxConfig& c) {
        CgroupSpec root;
        root.name = "/";
        c.cgroups.assign(1, root);
        m_memoryMaxAt.assign(1, toml::source_region{});
        m_cgroups.insert(u"/"_s, {0, 0});
        std::vector<const toml::table*> entries;
        if (!top.tables("cgroup", entries))
            return false;
        QSet<QString> everyName; // to tell a parent defined later from an unknown one
        for (const toml::table* entry : entries)
            if (const auto* s = entry->get_as<std::string>("name"))
                everyName.insert(QString::fromStdString(s->get()));
        int rootLine = 0;
        for (const toml::table* entry : entries) {
            const Table t(m_ctx, *entry, u"[[cgroup]]"_s);
            QString name;
            if (!t.checkKeys(kCgroupKeys) || !t.require("name") || !t.line("name", name))
                return false;
            std::size_t index = 0;
            if (name == u"/") {
                if (rootLine)
                    return t.failAt("name", tr("the root cgroup '/' is given twice (first on line %1)").arg(rootLine));
                rootLine = lineOf(t, "name");
                if (!t.forbid("parent", tr("the root cgroup '/' has no parent")))
                    return false;
            } else {
                if (!readName(t, m_cgroups, tr("duplicate cgroup name '%1' (first defined on line %2)"), name))
                    return false;
                QString parent = u"/"_s;
                if (!t.line("parent", parent))
                    return false;
                const auto it = m_cgroups.constFind(parent);
                if (it == m_cgroups.constEnd()) {
                    if (parent == name)
                        return t.failAt("parent", tr("cgroup '%1' cannot be its own parent").arg(name));
                    if (everyName.contains(parent))
                        return t.failAt("parent", tr("parent cgroup '%1' is defined later in the file; define a parent "
                                                     "before its children")
                                                      .arg(parent));
                    return t.failAt("parent", tr("unknown parent cgroup '%1' (cgroups: %2)")
                                                  .arg(parent, cgroupNames(c)));
                }
                CgroupSpec spec;
                spec.name = name.toStdString();
                spec.parent = it->index;
                index = c.cgroups.size();
                c.cgroups.push_back(spec);
                m_cgroups.insert(name, {int(index), lineOf(t, "name")});
            }
            CgroupSpec& spec = c.cgroups[index];
            m_memoryMaxAt.resize(c.cgroups.size());
            const toml::node* memoryMax = t.find("memory_max");
            m_memoryMaxAt[index] = memoryMax ? memoryMax->source() : entry->source();
            if (!t.size("memory_max", spec.memoryMax, SizeForm::Limit)
                || !t.size("swap_max", spec.swapMax, SizeForm::Limit)
                || !t.size("zswap_max", spec.zswapMax, SizeForm::Limit)
                || !t.boolean("zswap_writeback", spec.zswapWriteback))
                return false;
        }
        return true;
    }

    static QString cgroupNames(const SandboxConfig& c) {
        QStringList names;
        for (const CgroupSpec& spec : c.cgroups)
            names << QString::fromStdString(spec.name);
        return names.join(u", ");
    }

    bool readWorkloads(const Table& top, SandboxConfig& c) {
        std::vector<const toml::table*> entries;
        if (!top.tables("workload", entries))
            return false;
        Names workloads;
        for (const toml::table* entry : entries) {
            const Table t(m_ctx, *entry, u"[[workload]]"_s);
            WorkloadSpec w;
            QString name;
            if (!t.checkKeys(kWorkloadKeys)
                || !readName(t, workloads, tr("duplicate workload name '%1' (first defined on line %2)"), name)
                || !t.choice("kind", w.kind, kWorkloadKinds))
                return false;
            w.name = name.toStdString();
            workloads.insert(name, {int(c.workloads.size()), lineOf(t, "name")});
            const QString kind = qs(choiceName(kWorkloadKinds, w.kind));
            for (const KindKey& k : kKindKeys)
                if (!(k.kinds & kindBit(w.kind))
                    && !t.forbid(k.key, tr("%1 does not apply to kind = \"%2\"").arg(t.what(k.key), kind)))
                    return false;
            QString cgroup = u"/"_s;
            if (!t.line("cgroup", cgroup))
                return false;
            const auto it = m_cgroups.constFind(cgroup);
            if (it == m_cgroups.constEnd())
                return t.failAt("cgroup", tr("unknown cgroup '%1' (cgroups: %2)").arg(cgroup, cgroupNames(c)));
            w.cgroup = it->index;
            std::uint64_t bytes = 0;
            if ((w.kind != WorkloadKind::Trace && !t.require("size")) || !t.size("size", bytes, SizeForm::Pages))
                return false;
            w.pages = bytes / kScenarioPageBytes;
            if (w.pages > kMaxWorkloadPages)
                return t.failAt("size", tr("%1 must be at most 16T (2^32 pages)").arg(t.what("size")));
            if (!t.integer("threads", w.threads, 1, 256) || !t.integer("accesses", w.accesses, 0, kIntMax)
                || !t.integer("passes", w.passes, 1, 1'000'000) || !t.number("write_fraction", w.writeFraction, 0, 1)
                || !t.number("zipf_theta", w.zipfTheta, 0, 100, true)
                || !t.integer("phases", w.phases, 1, 1'000'000) || !t.number("phase_window", w.phaseWindow, 0, 1, true)
                || !t.integer("fork_every", w.forkEvery, 0, kIntMax)
                || !t.integer("child_accesses", w.childAccesses, 0, kIntMax)
                || !t.integer("max_children", w.maxChildren, 1, 64)
                || !t.integer("start_round", w.startRound, 0, kIntMax) || !t.mix("mix", w.mix, &w.hasMix))
                return false;
            if (w.zipfTheta == 1.0)
                return t.failAt("zipf_theta", tr("%1 must not be 1 (the zipfian generator needs theta != 1)")
                                                  .arg(t.what("zipf_theta")));
            if (w.kind == WorkloadKind::Trace) {
                QString path;
                if (!t.require("trace") || !t.existingFile(*t.find("trace"), "trace", path))
                    return false;
                w.tracePath = path.toStdString();
            }
            m_threads += w.threads;
            if (m_threads > kMaxThreads)
                return t.failAt("threads", tr("the workloads have %1 threads in all; a sandbox runs at most %2")
                                               .arg(m_threads).arg(kMaxThreads));
            c.workloads.push_back(w);
        }
        return checkMemoryLimits(c);
    }

    /// A memory.max must leave 16 pages to every thread of the workloads below it, or the
    /// sandbox would thrash without progress (the same rule as validateSandboxConfig()).
    bool checkMemoryLimits(const SandboxConfig& c) {
        std::vector<std::uint64_t> threadsUnder(c.cgroups.size(), 0);
        for (const WorkloadSpec& w : c.workloads)
            for (int g = w.cgroup; g >= 0; g = c.cgroups[std::size_t(g)].parent)
                threadsUnder[std::size_t(g)] += w.threads;
        for (std::size_t i = 0; i < c.cgroups.size(); ++i) {
            const std::uint64_t needed = kMinPagesPerThread * std::max<std::uint64_t>(1, threadsUnder[i]);
            if (c.cgroups[i].memoryMax == kNoLimit || c.cgroups[i].memoryMax / kScenarioPageBytes >= needed)
                continue;
            const QString message = tr("memory_max of cgroup '%1' must be at least %2 bytes: 16 pages for each of "
                                       "the %3 threads of the workloads in it")
                                        .arg(QString::fromStdString(c.cgroups[i].name))
                                        .arg(needed * kScenarioPageBytes)
                                        .arg(threadsUnder[i]);
            return m_ctx.fail(m_memoryMaxAt[i], message);
        }
        return true;
    }

    bool readActions(const Table& top, SandboxConfig& c) {
        std::vector<const toml::table*> entries;
        if (!top.tables("action", entries))
            return false;
        for (const toml::table* entry : entries) {
            const Table t(m_ctx, *entry, u"[[action]]"_s);
            SandboxAction a;
            if (!t.checkKeys(kActionKeys) || !t.require("kind") || !t.choice("kind", a.kind, kActionKinds)
                || !readAt(t, a.at))
                return false;
            const QString kind = qs(choiceName(kActionKinds, a.kind));
            const auto notFor = [&](std::string_view key) {
                return t.forbid(key, tr("%1 does not apply to kind = \"%2\"").arg(t.what(key), kind));
            };
            bool ok = true;
            switch (a.kind) {
            case SandboxAction::Kind::Swapoff:
                ok = notFor("priority") && notFor("pool") && readDeviceRef(t, a.device);
                break;
            case SandboxAction::Kind::SetPriority:
                ok = notFor("pool") && readDeviceRef(t, a.device) && t.require("priority")
                    && t.integer("priority", a.priority, -1, kMaxPriority);
                break;
            case SandboxAction::Kind::SetPool: {
                const toml::table* pool = nullptr;
                ok = notFor("device") && notFor("priority") && t.require("pool")
                    && t.subtable("pool", pool, tr("a table such as { codec = \"zstd\", limit = \"32M\" }"));
                a.pool = c.engine.pool; // unspecified keys keep the scenario's [pool] values
                ok = ok && readPool(Table(m_ctx, *pool, u"[[action]].pool"_s), kActionPoolKeys, a.pool, nullptr);
                break;
            }
            }
            if (!ok)
                return false;
            c.actions.push_back(a);
        }
        return true;
    }

    /// "at": "start", "end", "50%", or a number in [0, 1]; absent = "end".
    bool readAt(const Table& t, double& at) {
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

    bool readDeviceRef(const Table& t, int& device) {
        QString name;
        if (!t.require("device") || !t.line("device", name))
            return false;
        const auto it = m_devices.constFind(name);
        if (it == m_devices.constEnd()) {
            QStringList names = m_devices.keys();
            names.sort();
            return t.failAt(
                "device", names.isEmpty()
                              ? tr("unknown device '%1' in %2 (the scenario has no [[device]])").arg(name, t.label())
                              : tr("unknown device '%1' in %2 (devices: %3)").arg(name, t.label(), names.join(u", ")));
        }
        device = it->index;
        return true;
    }

    Context& m_ctx;
    Names m_devices;
    Names m_cgroups;
    std::vector<toml::source_region> m_memoryMaxAt; ///< per cgroup: where its memory_max is (or its table)
    std::uint64_t m_threads = 0;                    ///< threads of the workloads read so far
};

// ---- Sweep: which value is varied, and where it goes ---------------------------------------

struct Sweep {
    QString key;
    QString label;
    toml::table* target = nullptr; ///< the table that receives each value
    std::string targetKey;         ///< the key in it
    toml::array* values = nullptr;
};

class SweepReader {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ScenarioParser)

public:
    /// Reads [sweep] (absent: `out` stays empty) and resolves its key in `doc`, creating the
    /// table it names if only the sweep sets it (a [pool], the root [[cgroup]]).
    static bool read(Context& ctx, toml::table& doc, std::optional<Sweep>& out) {
        const toml::node* node = doc.get("sweep");
        if (!node)
            return true;
        const toml::table* sweepTable = node->as_table();
        const Table top(ctx, doc, tr("the top-level table"));
        if (!sweepTable)
            return top.mustBe("sweep", *node, tr("a table ([sweep])"));
        const Table t(ctx, *sweepTable, u"[sweep]"_s);
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

private:
    static toml::table* resolve(const Table& t, toml::table& doc, const QString& key, std::string& targetKey) {
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
        if (section == u"pool" || section == u"content") {
            const QString field = key.mid(firstDot + 1);
            const Keys known = section == u"pool" ? Keys(kPoolKeys) : Keys(kContentKeys);
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
            return bad(tr("expected a top-level key, pool.<key>, content.<key>, device.<name>.<key>, "
                          "cgroup.<name>.<key> or workload.<name>.<key>"));
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
};

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

    Context ctx(fileName, QFileInfo(fileName).absolutePath(), options.deviceDir);
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
        DocumentReader reader(ctx);
        if (!reader.read(doc, variant.config, scenario.name, scenario.description))
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
