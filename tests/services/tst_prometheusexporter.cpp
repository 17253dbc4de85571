// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusExporter: render() output is checked by a small parser of the text exposition
// format 0.0.4 (HELP/TYPE before samples, metric and label name grammar, label escapes,
// numeric values, one contiguous group per family, no duplicate series); the parser itself is
// shown to reject broken input. Then values, the cardinality bound ("other"), label escaping,
// and write(): atomic replacement, no temporary left behind, clear errors that leave an
// earlier file intact (missing directory, a path under a regular file, an unwritable
// directory, a file-size limit standing in for a full disk).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "prometheusexporter.h"

#include "swaptier/sandbox.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <system_error>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

// --- a small exposition-format parser -----------------------------------------------------

struct Sample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct Exposition {
    QMap<QString, QString> types;
    QMap<QString, QString> help;
    QList<Sample> samples;
    QStringList errors; ///< "line N: what"
};

const QRegularExpression kMetricName(u"^[a-zA-Z_:][a-zA-Z0-9_:]*$"_s);
const QRegularExpression kLabelName(u"^[a-zA-Z_][a-zA-Z0-9_]*$"_s);

/// Parses `{a="x",b="y"}` starting at `pos` (at the '{'); returns false with `why` on error.
bool parseLabels(const QString& line, qsizetype& pos, QMap<QString, QString>* labels, QString* why) {
    ++pos; // '{'
    while (pos < line.size() && line.at(pos) != u'}') {
        const qsizetype eq = line.indexOf(u'=', pos);
        if (eq < 0)
            return *why = u"label without '='"_s, false;
        const QString name = line.mid(pos, eq - pos);
        if (!kLabelName.match(name).hasMatch())
            return *why = u"bad label name '%1'"_s.arg(name), false;
        pos = eq + 1;
        if (pos >= line.size() || line.at(pos) != u'"')
            return *why = u"label value not quoted"_s, false;
        ++pos;
        QString value;
        bool closed = false;
        while (pos < line.size()) {
            const QChar ch = line.at(pos++);
            if (ch == u'"') {
                closed = true;
                break;
            }
            if (ch == u'\\') {
                if (pos >= line.size())
                    return *why = u"dangling backslash"_s, false;
                const QChar esc = line.at(pos++);
                if (esc == u'\\')
                    value += u'\\';
                else if (esc == u'"')
                    value += u'"';
                else if (esc == u'n')
                    value += u'\n';
                else
                    return *why = u"bad escape \\%1"_s.arg(esc), false;
            } else {
                value += ch;
            }
        }
        if (!closed)
            return *why = u"unterminated label value"_s, false;
        if (labels->contains(name))
            return *why = u"label %1 twice"_s.arg(name), false;
        labels->insert(name, value);
        if (pos < line.size() && line.at(pos) == u',')
            ++pos;
        else if (pos >= line.size() || line.at(pos) != u'}')
            return *why = u"expected ',' or '}'"_s, false;
    }
    if (pos >= line.size())
        return *why = u"unterminated label set"_s, false;
    ++pos; // '}'
    return true;
}

bool parseValue(const QString& text, double* value) {
    if (text == u"NaN"_s || text == u"+Inf"_s || text == u"-Inf"_s)
        return true;
    bool ok = false;
    *value = text.toDouble(&ok);
    return ok;
}

/// The format's grammar plus this exporter's conventions (HELP and TYPE for every family,
/// families contiguous, counters end in _total, no duplicate series).
Exposition parse(const QString& text) {
    Exposition out;
    if (!text.endsWith(u'\n'))
        out.errors << u"the text does not end with a newline"_s;
    QStringList lines = text.split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QString currentFamily;
    QSet<QString> finishedFamilies;
    QSet<QString> seriesSeen;
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QString& line = lines.at(n);
        const auto error = [&](const QString& what) { out.errors << u"line %1: %2: %3"_s.arg(n + 1).arg(what, line); };
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            const QStringList parts = line.split(u' ');
            if (parts.size() < 3 || (parts[1] != u"HELP" && parts[1] != u"TYPE"))
                continue; // a comment
            const QString& name = parts[2];
            if (!kMetricName.match(name).hasMatch())
                error(u"bad metric name"_s);
            if (finishedFamilies.contains(name) || currentFamily == name)
                error(u"%1 after the family's samples"_s.arg(parts[1]));
            if (parts[1] == u"TYPE") {
                if (out.types.contains(name))
                    error(u"second TYPE"_s);
                static const QStringList kTypes{u"counter"_s, u"gauge"_s, u"histogram"_s, u"summary"_s,
                                                u"untyped"_s};
                if (parts.size() != 4 || !kTypes.contains(parts[3]))
                    error(u"bad type"_s);
                else
                    out.types.insert(name, parts[3]);
            } else {
                if (out.help.contains(name))
                    error(u"second HELP"_s);
                out.help.insert(name, parts.mid(3).join(u' '));
            }
            continue;
        }
        Sample s;
        qsizetype pos = 0;
        while (pos < line.size() && line.at(pos) != u'{' && line.at(pos) != u' ')
            ++pos;
        s.name = line.left(pos);
        if (!kMetricName.match(s.name).hasMatch()) {
            error(u"bad metric name"_s);
            continue;
        }
        QString why;
        if (pos < line.size() && line.at(pos) == u'{' && !parseLabels(line, pos, &s.labels, &why)) {
            error(why);
            continue;
        }
        const QStringList rest = line.mid(pos).split(u' ', Qt::SkipEmptyParts);
        if (pos >= line.size() || line.at(pos) != u' ' || rest.isEmpty() || rest.size() > 2
            || !parseValue(rest.first(), &s.value)) {
            error(u"bad value"_s);
            continue;
        }
        if (!out.types.contains(s.name) || !out.help.contains(s.name))
            error(u"sample without HELP and TYPE before it"_s);
        if (out.types.value(s.name) == u"counter" && !s.name.endsWith(u"_total"))
            error(u"counter not named *_total"_s);
        if (s.name != currentFamily) {
            if (finishedFamilies.contains(s.name))
                error(u"family split in two groups"_s);
            if (!currentFamily.isEmpty())
                finishedFamilies.insert(currentFamily);
            currentFamily = s.name;
        }
        QString key = s.name;
        for (auto it = s.labels.begin(); it != s.labels.end(); ++it)
            key += u'|' + it.key() + u'=' + it.value();
        if (seriesSeen.contains(key))
            error(u"duplicate series"_s);
        seriesSeen.insert(key);
        out.samples << s;
    }
    return out;
}

/// Samples of `name` whose labels include every pair of `match`.
QList<Sample> find(const Exposition& e, const QString& name, const QMap<QString, QString>& match = {}) {
    QList<Sample> out;
    for (const Sample& s : e.samples) {
        if (s.name != name)
            continue;
        bool all = true;
        for (auto it = match.begin(); it != match.end(); ++it)
            all = all && s.labels.value(it.key(), u"\x01"_s) == it.value();
        if (all)
            out << s;
    }
    return out;
}

// --- inputs ------------------------------------------------------------------------------

const PrometheusExporter::Labels kLabels{u"usemem-small"_s, u"virtual"_s, u"sandbox"_s};

CgroupUsage cgroup(const std::string& name, std::uint64_t resident, std::uint64_t swappedDevice) {
    CgroupUsage c;
    c.name = name;
    c.residentPages = resident;
    c.peakResidentPages = resident;
    c.swappedPages = {1, 2, swappedDevice, 0};
    c.poolBytes = 1000;
    c.counters.swapInFaults = 3;
    c.counters.refaults = 2;
    c.counters.swapOuts = swappedDevice + 3;
    return c;
}

SandboxSample fullSample() {
    SandboxSample s;
    s.elapsedNanos = 1'500'000'000;
    s.round = 12;
    s.progress = 0.5;
    s.counters.accesses = 1'234'567;
    s.counters.swapOuts = 45'600;
    s.counters.refaults = 12'300;
    s.counters.verifiedPages = 99;
    s.figures.metadataBytes = 8192;
    s.figures.diskReservedBytes = 4096 * 20;
    s.figures.pagesWritten = 20;
    s.figures.poolWritebacks = 7;
    s.figures.cpuNanos = 42;
    s.tiers = {{"zero", Backend::Zero, -1, 5, 20480, 0, 0},
               {"pool", Backend::Pool, -1, 10, 40960, 12000, 0},
               {"/var/swap/a.swap", Backend::Device, 0, 20, 81920, 81920, 1 << 30}};
    CgroupUsage root = cgroup("/", 300, 7);
    CgroupUsage work = cgroup("/work", 200, 4);
    work.memoryMax = 64 << 20;
    s.cgroups = {root, work};
    return s;
}

QString osError(int code) { return QString::fromStdString(std::generic_category().message(code)); }

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

/// Every entry of `dir`, hidden ones included (a leftover temporary file would be hidden).
QStringList entries(const QString& dir) {
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestPrometheusExporter : public QObject {
    Q_OBJECT

private slots:
    void parserRejectsBrokenText_data();
    void parserRejectsBrokenText();
    void grammar();
    void values_data();
    void values();
    void absentSeries();
    void cgroupCardinality();
    void tierCardinality();
    void zeroBoundPutsEverythingInOther();
    void escaping();
    void writeCreatesFile();
    void writeReplacesAtomically();
    void writeFails_data();
    void writeFails();
    void writeFailsInUnwritableDirectory();
    void writeFailureKeepsEarlierFile();
    void writeRejectsBadFileName();
};

void TestPrometheusExporter::parserRejectsBrokenText_data() {
    QTest::addColumn<QString>("text");
    const QString head = u"# HELP m_total x\n# TYPE m_total counter\n"_s;
    QTest::newRow("sample before TYPE") << u"m_total 1\n# HELP m_total x\n# TYPE m_total counter\n"_s;
    QTest::newRow("bad metric name") << u"# HELP 1m x\n# TYPE 1m gauge\n1m 1\n"_s;
    QTest::newRow("bad label name") << head + u"m_total{1a=\"x\"} 1\n"_s;
    QTest::newRow("unquoted label") << head + u"m_total{a=x} 1\n"_s;
    QTest::newRow("bad escape") << head + u"m_total{a=\"\\t\"} 1\n"_s;
    QTest::newRow("unterminated value") << head + u"m_total{a=\"x} 1\n"_s;
    QTest::newRow("not a number") << head + u"m_total 1x\n"_s;
    QTest::newRow("no value") << head + u"m_total\n"_s;
    QTest::newRow("duplicate series") << head + u"m_total{a=\"x\"} 1\nm_total{a=\"x\"} 2\n"_s;
    QTest::newRow("counter without _total") << u"# HELP m x\n# TYPE m counter\nm 1\n"_s;
    QTest::newRow("family split") << head + u"m_total 1\n# HELP g x\n# TYPE g gauge\ng 1\nm_total{a=\"b\"} 1\n"_s;
    QTest::newRow("no final newline") << head + u"m_total 1"_s;
}

void TestPrometheusExporter::parserRejectsBrokenText() {
    QFETCH(QString, text);
    QVERIFY(!parse(text).errors.isEmpty());
    QVERIFY2(parse(u"# HELP m_total x\n# TYPE m_total counter\nm_total{a=\"\\\"\"} 1\n"_s).errors.isEmpty(),
             "the parser rejects valid text");
}

void TestPrometheusExporter::grammar() {
    const QString text = PrometheusExporter::render(fullSample(), kLabels, {});
    const Exposition e = parse(text);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QVERIFY(e.samples.size() > 40);
    for (const Sample& s : e.samples) {
        QVERIFY2(s.name.startsWith(u"swaptier_"), qPrintable(s.name));
        QCOMPARE(s.labels.value(u"scenario"_s), kLabels.scenario);
        QCOMPARE(s.labels.value(u"design"_s), kLabels.design);
        QCOMPARE(s.labels.value(u"source"_s), kLabels.source);
        const bool bytes = s.name.endsWith(u"_bytes");
        QVERIFY2(!bytes || e.types.value(s.name) == u"gauge", qPrintable(s.name));
    }
    for (const QString& name : {u"swaptier_tier_entries"_s, u"swaptier_tier_original_bytes"_s,
                                u"swaptier_tier_stored_bytes"_s, u"swaptier_tier_capacity_bytes"_s,
                                u"swaptier_cgroup_resident_bytes"_s, u"swaptier_cgroup_memory_max_bytes"_s,
                                u"swaptier_cgroup_swapped_bytes"_s, u"swaptier_cgroup_pool_stored_bytes"_s,
                                u"swaptier_metadata_bytes"_s, u"swaptier_disk_reserved_bytes"_s})
        QVERIFY2(e.types.value(name) == u"gauge", qPrintable(name));
    for (const QString& name : {u"swaptier_cgroup_swapin_faults_total"_s, u"swaptier_cgroup_refaults_total"_s,
                                u"swaptier_cgroup_swapouts_total"_s, u"swaptier_accesses_total"_s,
                                u"swaptier_swapouts_total"_s, u"swaptier_swapin_faults_total"_s,
                                u"swaptier_refaults_total"_s, u"swaptier_disk_pages_written_total"_s,
                                u"swaptier_pool_writebacks_total"_s})
        QVERIFY2(e.types.value(name) == u"counter", qPrintable(name));
}

void TestPrometheusExporter::values_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("labelName");
    QTest::addColumn<QString>("labelValue");
    QTest::addColumn<double>("expected");

    QTest::newRow("accesses") << u"swaptier_accesses_total"_s << QString() << QString() << 1234567.0;
    QTest::newRow("refaults") << u"swaptier_refaults_total"_s << QString() << QString() << 12300.0;
    QTest::newRow("verified") << u"swaptier_verified_pages_total"_s << QString() << QString() << 99.0;
    QTest::newRow("progress") << u"swaptier_progress_ratio"_s << QString() << QString() << 0.5;
    QTest::newRow("elapsed seconds") << u"swaptier_elapsed_seconds"_s << QString() << QString() << 1.5;
    QTest::newRow("cpu seconds") << u"swaptier_cpu_seconds_total"_s << QString() << QString() << 42e-9;
    QTest::newRow("metadata") << u"swaptier_metadata_bytes"_s << QString() << QString() << 8192.0;
    QTest::newRow("pages written") << u"swaptier_disk_pages_written_total"_s << QString() << QString() << 20.0;
    QTest::newRow("pool writebacks") << u"swaptier_pool_writebacks_total"_s << QString() << QString() << 7.0;
    QTest::newRow("tier entries") << u"swaptier_tier_entries"_s << u"tier"_s << u"pool"_s << 10.0;
    QTest::newRow("tier stored") << u"swaptier_tier_stored_bytes"_s << u"tier"_s << u"pool"_s << 12000.0;
    QTest::newRow("tier capacity") << u"swaptier_tier_capacity_bytes"_s << u"backend"_s << u"device"_s
                                   << double(1 << 30);
    QTest::newRow("resident") << u"swaptier_cgroup_resident_bytes"_s << u"cgroup"_s << u"/work"_s << 200.0 * 4096;
    QTest::newRow("memory.max") << u"swaptier_cgroup_memory_max_bytes"_s << u"cgroup"_s << u"/work"_s
                                << double(64 << 20);
    QTest::newRow("pool stored") << u"swaptier_cgroup_pool_stored_bytes"_s << u"cgroup"_s << u"/"_s << 1000.0;
    QTest::newRow("cgroup swapouts") << u"swaptier_cgroup_swapouts_total"_s << u"cgroup"_s << u"/"_s << 10.0;
}

void TestPrometheusExporter::values() {
    QFETCH(QString, metric);
    QFETCH(QString, labelName);
    QFETCH(QString, labelValue);
    QFETCH(double, expected);
    const Exposition e = parse(PrometheusExporter::render(fullSample(), kLabels, {}));
    QMap<QString, QString> match;
    if (!labelName.isEmpty())
        match.insert(labelName, labelValue);
    const QList<Sample> found = find(e, metric, match);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, expected);
}

void TestPrometheusExporter::absentSeries() {
    const Exposition e = parse(PrometheusExporter::render(fullSample(), kLabels, {}));
    // No memory.max series for the unlimited root, no capacity for tiers without one.
    QCOMPARE(find(e, u"swaptier_cgroup_memory_max_bytes"_s).size(), 1);
    QCOMPARE(find(e, u"swaptier_cgroup_memory_max_bytes"_s, {{u"cgroup"_s, u"/"_s}}).size(), 0);
    QCOMPARE(find(e, u"swaptier_tier_capacity_bytes"_s).size(), 1);
    QCOMPARE(find(e, u"swaptier_tier_entries"_s).size(), 3);
    // Swapped bytes: one series per backend and cgroup, pages turned into bytes.
    QCOMPARE(find(e, u"swaptier_cgroup_swapped_bytes"_s).size(), 2 * int(kBackendCount));
    const QList<Sample> device
        = find(e, u"swaptier_cgroup_swapped_bytes"_s, {{u"cgroup"_s, u"/"_s}, {u"backend"_s, u"device"_s}});
    QCOMPARE(device.size(), 1);
    QCOMPARE(device.first().value, 7.0 * 4096);
    // No cgroup or tier "other" when everything fits.
    QCOMPARE(find(e, u"swaptier_cgroup_resident_bytes"_s, {{u"cgroup"_s, u"other"_s}}).size(), 0);
    QCOMPARE(find(e, u"swaptier_tier_entries"_s, {{u"tier"_s, u"other"_s}}).size(), 0);
}

void TestPrometheusExporter::cgroupCardinality() {
    SandboxSample s = fullSample();
    s.cgroups.clear();
    // Sizes are a permutation so that the largest are not simply the first: cgroup i has
    // (i * 37) % 100 + 1 resident pages and one swapped page (plus the helper's 1 + 2).
    double restResident = 0;
    double restSwapouts = 0;
    QSet<QString> largest;
    for (int i = 0; i < 100; ++i) {
        const std::uint64_t resident = std::uint64_t((i * 37) % 100 + 1);
        s.cgroups.push_back(cgroup("/cg" + std::to_string(i), resident, 1));
        if (resident > 36) {
            largest.insert(u"/cg%1"_s.arg(i));
        } else {
            restResident += double(resident * 4096);
            restSwapouts += 4;
        }
    }
    QCOMPARE(largest.size(), 64);
    const Exposition e = parse(PrometheusExporter::render(s, kLabels, {}));
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));

    const QList<Sample> resident = find(e, u"swaptier_cgroup_resident_bytes"_s);
    QCOMPARE(resident.size(), 65);
    QSet<QString> named;
    for (const Sample& r : resident)
        named.insert(r.labels.value(u"cgroup"_s));
    QVERIFY(named.contains(u"other"_s));
    named.remove(u"other"_s);
    QCOMPARE(named, largest);

    const QMap<QString, QString> other{{u"cgroup"_s, u"other"_s}};
    QCOMPARE(find(e, u"swaptier_cgroup_resident_bytes"_s, other).first().value, restResident);
    QCOMPARE(find(e, u"swaptier_cgroup_swapouts_total"_s, other).first().value, restSwapouts);
    QCOMPARE(find(e, u"swaptier_cgroup_refaults_total"_s, other).first().value, 36.0 * 2);
    QCOMPARE(find(e, u"swaptier_cgroup_memory_max_bytes"_s, other).size(), 0);
    QCOMPARE(find(e, u"swaptier_cgroup_swapped_bytes"_s, {{u"cgroup"_s, u"other"_s}, {u"backend"_s, u"pool"_s}})
                 .first()
                 .value,
             36.0 * 2 * 4096);
    // Every series family of cgroups has the same 65 label sets.
    QCOMPARE(find(e, u"swaptier_cgroup_swapin_faults_total"_s).size(), 65);
    QCOMPARE(find(e, u"swaptier_cgroup_swapped_bytes"_s).size(), 65 * int(kBackendCount));
}

void TestPrometheusExporter::tierCardinality() {
    SandboxSample s = fullSample();
    s.tiers.clear();
    for (int i = 0; i < 40; ++i)
        s.tiers.push_back({"/swap/" + std::to_string(i), Backend::Device, i, std::uint64_t(i),
                           std::uint64_t(i + 1) * 4096, std::uint64_t(i + 1) * 4096, 1 << 20});
    PrometheusExporter::Options options;
    options.maxTiers = 32;
    const Exposition e = parse(PrometheusExporter::render(s, kLabels, options));
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(find(e, u"swaptier_tier_entries"_s).size(), 33);
    // Tiers 0..7 are the smallest: summed into "other", which keeps their common backend.
    const QList<Sample> other = find(e, u"swaptier_tier_entries"_s, {{u"tier"_s, u"other"_s}});
    QCOMPARE(other.size(), 1);
    QCOMPARE(other.first().value, 0.0 + 1 + 2 + 3 + 4 + 5 + 6 + 7);
    QCOMPARE(other.first().labels.value(u"backend"_s), u"device"_s);
    QCOMPARE(find(e, u"swaptier_tier_capacity_bytes"_s, {{u"tier"_s, u"other"_s}}).first().value, 8.0 * (1 << 20));
    QCOMPARE(find(e, u"swaptier_tier_entries"_s, {{u"tier"_s, u"/swap/7"_s}}).size(), 0);
    QCOMPARE(find(e, u"swaptier_tier_entries"_s, {{u"tier"_s, u"/swap/8"_s}}).size(), 1);
}

void TestPrometheusExporter::zeroBoundPutsEverythingInOther() {
    PrometheusExporter::Options options;
    options.maxCgroups = 0;
    options.maxTiers = 0;
    const Exposition e = parse(PrometheusExporter::render(fullSample(), kLabels, options));
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    const QList<Sample> resident = find(e, u"swaptier_cgroup_resident_bytes"_s);
    QCOMPARE(resident.size(), 1);
    QCOMPARE(resident.first().value, 500.0 * 4096);
    const QList<Sample> tiers = find(e, u"swaptier_tier_entries"_s);
    QCOMPARE(tiers.size(), 1);
    QCOMPARE(tiers.first().value, 35.0);
    QCOMPARE(tiers.first().labels.value(u"backend"_s), u"mixed"_s);
}

void TestPrometheusExporter::escaping() {
    const QString nasty = u"/a\"b\\c\nd"_s;
    SandboxSample s = fullSample();
    s.cgroups[1].name = nasty.toStdString();
    PrometheusExporter::Labels labels = kLabels;
    labels.scenario = u"say \"hi\"\\"_s;
    const QString text = PrometheusExporter::render(s, labels, {});
    QVERIFY(text.contains(u"cgroup=\"/a\\\"b\\\\c\\nd\""_s));
    QVERIFY(text.contains(u"scenario=\"say \\\"hi\\\"\\\\\""_s));
    const Exposition e = parse(text);
    QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
    QCOMPARE(find(e, u"swaptier_cgroup_resident_bytes"_s, {{u"cgroup"_s, nasty}}).size(), 1);
    QCOMPARE(find(e, u"swaptier_accesses_total"_s).first().labels.value(u"scenario"_s), labels.scenario);
    QCOMPARE(PrometheusExporter::escapeLabelValue(u"plain"_s), u"plain"_s);
}

void TestPrometheusExporter::writeCreatesFile() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    QVERIFY2(PrometheusExporter::write(dir.path(), fullSample(), kLabels, {}, &error), qPrintable(error));
    QCOMPARE(entries(dir.path()), QStringList{u"swaptier.prom"_s});
    const QString path = dir.filePath(u"swaptier.prom"_s);
    QCOMPARE(readAll(path), PrometheusExporter::render(fullSample(), kLabels, {}).toUtf8());
    struct stat st {};
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0644));
}

void TestPrometheusExporter::writeReplacesAtomically() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PrometheusExporter::Options options;
    options.fileName = u"run.prom"_s;
    const QString path = dir.filePath(options.fileName);
    QString error;
    QVERIFY2(PrometheusExporter::write(dir.path(), fullSample(), kLabels, options, &error), qPrintable(error));
    const QByteArray first = readAll(path);

    // A reader that opened the file before the update keeps seeing the complete old text: the
    // new file is renamed over the old one, never rewritten in place.
    QFile reader(path);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    SandboxSample later = fullSample();
    later.counters.accesses = 7'654'321;
    later.cgroups.push_back(cgroup("/late", 5, 5));
    QVERIFY2(PrometheusExporter::write(dir.path(), later, kLabels, options, &error), qPrintable(error));
    QCOMPARE(reader.readAll(), first);

    const QByteArray second = readAll(path);
    QCOMPARE(second, PrometheusExporter::render(later, kLabels, options).toUtf8());
    QVERIFY(second.contains("swaptier_accesses_total{scenario=\"usemem-small\",design=\"virtual\",source=\"sandbox\"} "
                            "7654321\n"));
    QCOMPARE(entries(dir.path()), QStringList{options.fileName});
}

void TestPrometheusExporter::writeFails_data() {
    QTest::addColumn<QString>("subdir"); // under a temporary directory
    QTest::addColumn<int>("errnoValue");
    QTest::newRow("missing directory") << u"does/not/exist"_s << ENOENT;
    QTest::newRow("path under a regular file") << u"regular-file/x"_s << ENOTDIR;
}

void TestPrometheusExporter::writeFails() {
    QFETCH(QString, subdir);
    QFETCH(int, errnoValue);
    QTemporaryDir base;
    QVERIFY(base.isValid());
    QFile regular(base.filePath(u"regular-file"_s));
    QVERIFY(regular.open(QIODevice::WriteOnly));
    regular.close();

    const QString dir = base.filePath(subdir);
    QString error;
    QVERIFY(!PrometheusExporter::write(dir, fullSample(), kLabels, {}, &error));
    QVERIFY2(error.contains(dir), qPrintable(error));
    QVERIFY2(error.contains(osError(errnoValue)), qPrintable(error));
    QCOMPARE(entries(base.path()), QStringList{u"regular-file"_s});
}

void TestPrometheusExporter::writeFailsInUnwritableDirectory() {
    QString dir;
    QString earlier;
    QTemporaryDir base;
    QVERIFY(base.isValid());
    if (::geteuid() != 0) {
        // An earlier file in a directory that has become read-only.
        dir = base.filePath(u"ro"_s);
        QVERIFY(QDir().mkdir(dir));
        QString error;
        QVERIFY2(PrometheusExporter::write(dir, fullSample(), kLabels, {}, &error), qPrintable(error));
        earlier = QString::fromUtf8(readAll(dir + u"/swaptier.prom"));
        QCOMPARE(::chmod(QFile::encodeName(dir).constData(), 0555), 0);
    } else {
        // Root ignores permission bits. sysfs refuses to create files even for root: an
        // existing directory nobody can write to.
        dir = u"/sys"_s;
        const QByteArray probe = "/sys/.swaptier-probe";
        const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600);
        if (fd >= 0) {
            ::close(fd);
            ::unlink(probe.constData());
        }
        if (!QFileInfo(dir).isDir() || fd >= 0)
            QSKIP("running as root and no directory that refuses file creation (/sys) is available");
    }
    QString error;
    const bool ok = PrometheusExporter::write(dir, fullSample(), kLabels, {}, &error);
    if (!earlier.isEmpty())
        ::chmod(QFile::encodeName(dir).constData(), 0755);
    QVERIFY(!ok);
    QVERIFY2(error.contains(dir), qPrintable(error));
    QVERIFY2(error.contains(osError(EACCES)) || error.contains(osError(EROFS)), qPrintable(error));
    if (!earlier.isEmpty()) {
        QCOMPARE(QString::fromUtf8(readAll(dir + u"/swaptier.prom")), earlier);
        QCOMPARE(entries(dir), QStringList{u"swaptier.prom"_s});
    }
}

void TestPrometheusExporter::writeFailureKeepsEarlierFile() {
    // A full disk, simulated honestly: RLIMIT_FSIZE makes write(2) fail with EFBIG once the
    // temporary file would pass the limit, for root too. SIGXFSZ is ignored meanwhile.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    SandboxSample small;
    QString error;
    QVERIFY2(PrometheusExporter::write(dir.path(), small, kLabels, {}, &error), qPrintable(error));
    const QString path = dir.filePath(u"swaptier.prom"_s);
    const QByteArray earlier = readAll(path);
    QVERIFY(earlier.size() > 1000);

    SandboxSample big = fullSample();
    for (int i = 0; i < 50; ++i)
        big.cgroups.push_back(cgroup("/many/" + std::to_string(i), std::uint64_t(i + 1), 1));
    QVERIFY(PrometheusExporter::render(big, kLabels, {}).toUtf8().size() > earlier.size() + 4096);

    rlimit saved{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    rlimit limited = saved;
    limited.rlim_cur = rlim_t(earlier.size());
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limited), 0);
    const bool ok = PrometheusExporter::write(dir.path(), big, kLabels, {}, &error);
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, oldHandler);

    QVERIFY(!ok);
    QVERIFY2(error.contains(dir.path()), qPrintable(error));
    QVERIFY2(error.contains(osError(EFBIG)), qPrintable(error));
    QCOMPARE(readAll(path), earlier);
    QCOMPARE(entries(dir.path()), QStringList{u"swaptier.prom"_s});
}

void TestPrometheusExporter::writeRejectsBadFileName() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString& name : {QString(), u"a/b.prom"_s, u".."_s}) {
        PrometheusExporter::Options options;
        options.fileName = name;
        QString error;
        QVERIFY(!PrometheusExporter::write(dir.path(), fullSample(), kLabels, options, &error));
        QVERIFY(!error.isEmpty());
    }
    QVERIFY(entries(dir.path()).isEmpty());
}

QTEST_APPLESS_MAIN(TestPrometheusExporter)
#include "tst_prometheusexporter.moc"
