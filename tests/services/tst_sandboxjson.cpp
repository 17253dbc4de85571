// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxJson: the key structure of a run and of a comparison is pinned by golden files, and
// selected values (counters, null limits, design names, 64-bit precision) are checked.
//
// Golden files: tests/services/golden/report-structure.json and compare-structure.json hold
// the STRUCTURE of the JSON built from a report with every field set: every key with its JSON
// type ("number", "string", "bool", "null", or "null|number" where both occur), arrays as a
// one-element list holding the merged structure of their elements. A changed structure fails
// with the list of differing key paths. After an intended format change, regenerate them with
//     SWAPTIER_UPDATE_GOLDEN=1 /work/build-NAME/tests/tst_sandboxjson
// review the diff of the golden files, and bump SandboxJson::kReportFormatVersion if readers
// of the old format could break.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "sandboxjson.h"

#include "swaptier/sandbox.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t kTwoTo53 = std::uint64_t{1} << 53;

SandboxCounters countersWith(std::uint64_t base) {
    SandboxCounters c;
    std::uint64_t v = base;
    for (std::uint64_t* f : {&c.accesses, &c.writes, &c.firstTouchFaults, &c.swapInFaults, &c.refaults,
                             &c.refaultActivations, &c.swapOuts, &c.cowBreaks, &c.forks, &c.exits, &c.scanned,
                             &c.activations, &c.deactivations, &c.reclaimFailures, &c.overLimitCharges, &c.swapMaxHits, &c.zswapMaxHits,
                             &c.verifiedPages})
        *f = v++;
    return c;
}

DesignFigures figuresWith(std::uint64_t base) {
    DesignFigures f;
    f.diskReservedBytes = base * 4096;
    f.peakDiskReservedBytes = base * 8192;
    f.metadataBytes = base * 16;
    f.peakMetadataBytes = base * 32;
    f.pagesWritten = base + 1;
    f.pagesRead = base + 2;
    f.poolWritebacks = base + 3;
    f.cpuNanos = kTwoTo53 + 1; // exact as a JSON integer, not as a double
    f.wallNanos = base * 1'000'000;
    return f;
}

/// A report with every field set to something other than its default and every vector
/// non-empty, so the derived structure covers every key.
SandboxReport fullReport(SwapDesign design, std::uint64_t base = 1000) {
    SandboxReport r;
    r.name = "usemem";
    r.design = design;
    r.seed = 42;
    r.rounds = std::numeric_limits<std::uint64_t>::max(); // beyond qint64: written as a double
    r.cutShort = true;
    r.cancelled = true;
    r.counters = countersWith(base);
    r.workloads = {{"usemem", base * 3, base / 2}};
    r.samples = 17;
    r.leakedEntries = 3;
    r.mixClasses = {PageClass::Text, PageClass::Heap};
    r.firstStoreError = Error::of(Errc::IoError);
    r.firstStoreError.at(SlotId{77}).on(DeviceId{1}).file("/var/swap/tier1.swap", 8192).os(5);
    r.figures = figuresWith(base);
    r.swapoffs = {{1, 500, 123456, 654321, 7'000'000, 6'000'000}};
    // Both actions carry an error, so that the structure pins the error object's keys (an
    // action that succeeded has "error": null, checked in actionValues).
    ActionFigures writeback;
    writeback.kind = SandboxAction::Kind::Writeback;
    writeback.at = 0.5;
    writeback.pagesMoved = 4096;
    writeback.pagesWritten = 4000;
    writeback.writeCalls = 16;
    writeback.ptesVisited = 0;
    writeback.bytesReclaimed = 6'000'000;
    writeback.diskReservedBefore = 1 << 20;
    writeback.diskReservedAfter = 17 << 20;
    writeback.nanos = 3'000'000;
    writeback.cpuNanos = kTwoTo53 + 3;
    writeback.error = Error::of(Errc::DeviceFull);
    ActionFigures compact = writeback;
    compact.kind = SandboxAction::Kind::CompactDevice;
    compact.at = 1.0;
    compact.device = 1;
    compact.error = Error::of(Errc::IoError);
    compact.error.on(DeviceId{1}).file("/var/swap/tier1.swap", 4096).os(5);
    r.actions = {writeback, compact};

    SandboxSample& s = r.final;
    s.elapsedNanos = 2'500'000'000;
    s.round = 99;
    s.progress = 0.75;
    s.counters = countersWith(base + 100);
    s.figures = figuresWith(base + 1);
    s.tiers = {{"pool", Backend::Pool, -1, 10, 40960, 12000, 0},
               {"tier1", Backend::Device, 1, 20, 81920, 81920, 1 << 30}};
    s.tiers[0].pagesIn = 300;
    s.tiers[0].pagesOut = 400;
    TierUsage& device = s.tiers[1];
    device.tier = "fast";
    device.path = "/var/swap/tier1.swap";
    device.pagesIn = 500;
    device.pagesOut = kTwoTo53 + 5;
    TierUsage gone = device;
    gone.name = "/var/swap/tier2.swap";
    gone.path = gone.name;
    gone.device = 2;
    gone.tier.clear();
    gone.entries = gone.originalBytes = gone.storedBytes = gone.capacityBytes = 0;
    gone.swappedOff = true;
    s.tiers.push_back(gone);
    CgroupUsage root;
    root.name = "/";
    root.residentPages = 300;
    root.peakResidentPages = 400;
    root.swappedPages = {1, 2, 3, 4};
    root.deviceEntries = {0, 3, 0}; // devices 0, 1 and 2 (swapped off)
    root.poolBytes = 5000;
    root.counters = countersWith(7);
    CgroupUsage limited = root;
    limited.name = "/work";
    limited.memoryMax = 64 << 20;
    s.cgroups = {root, limited};

    EngineStats& e = r.engine;
    e.backends[1] = {10, 40960, 12000};
    e.events.swapOuts = 77;
    e.cgroups = {{CgroupId{1}, {}, {}, {}}};
    e.slotTable = {30, 1, 4096, 2, 5};
    e.pool.limitBytes = 1 << 20;
    e.pool.objects = 10;
    e.pool.classes = {{2048, 1, 2, 3, 5}};
    DeviceStats d;
    d.id = DeviceId{1};
    d.path = "/var/swap/tier1.swap";
    d.totalSlots = 262144;
    d.usedSlots = 20;
    e.devices = {d};
    return r;
}

QJsonObject scenarioObject() {
    return QJsonObject{{u"name"_s, u"usemem-small"_s}, {u"source"_s, u"builtin"_s}, {u"variant"_s, u"lz4"_s}};
}

// --- structure ---------------------------------------------------------------------------

QString typeName(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Bool: return u"bool"_s;
    case QJsonValue::Double: return u"number"_s;
    case QJsonValue::String: return u"string"_s;
    case QJsonValue::Array: return u"array"_s;
    case QJsonValue::Object: return u"object"_s;
    case QJsonValue::Undefined: break;
    }
    return u"undefined"_s;
}

QJsonValue mergeStructure(const QJsonValue& a, const QJsonValue& b);

/// The structure of a JSON value: objects keep their keys, arrays become [merged element
/// structure] ([] when empty), scalars become their type name.
QJsonValue structureOf(const QJsonValue& v) {
    if (v.isObject()) {
        QJsonObject out;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), structureOf(it.value()));
        return out;
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty())
            return QJsonArray();
        QJsonValue element = structureOf(a.first());
        for (qsizetype i = 1; i < a.size(); ++i)
            element = mergeStructure(element, structureOf(a.at(i)));
        return QJsonArray{element};
    }
    return typeName(v);
}

/// Union of two structures; differing scalar types become "a|b" (sorted).
QJsonValue mergeStructure(const QJsonValue& a, const QJsonValue& b) {
    if (a.isObject() && b.isObject()) {
        QJsonObject out = a.toObject();
        const QJsonObject o = b.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), out.contains(it.key()) ? mergeStructure(out.value(it.key()), it.value()) : it.value());
        return out;
    }
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray();
        const QJsonArray y = b.toArray();
        if (x.isEmpty() || y.isEmpty())
            return x.isEmpty() ? y : x;
        return QJsonArray{mergeStructure(x.first(), y.first())};
    }
    const auto names = [](const QJsonValue& v) {
        return v.isString() ? v.toString().split(u'|') : QStringList{typeName(v)};
    };
    QStringList all = names(a) + names(b);
    all.sort();
    all.removeDuplicates();
    return all.join(u'|');
}

QString compact(const QJsonValue& v) {
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toString();
}

/// Human-readable differences between a golden structure and the output's, one per key path.
void diffStructure(const QJsonValue& golden, const QJsonValue& actual, const QString& path, QStringList* out) {
    if (golden.isObject() && actual.isObject()) {
        const QJsonObject g = golden.toObject();
        const QJsonObject a = actual.toObject();
        QStringList keys = g.keys() + a.keys();
        keys.sort();
        keys.removeDuplicates();
        for (const QString& key : keys) {
            const QString sub = path.isEmpty() ? key : path + u'.' + key;
            if (!a.contains(key))
                *out << u"%1: in the golden (%2), missing from the output"_s.arg(sub, compact(g.value(key)));
            else if (!g.contains(key))
                *out << u"%1: new in the output (%2)"_s.arg(sub, compact(a.value(key)));
            else
                diffStructure(g.value(key), a.value(key), sub, out);
        }
        return;
    }
    if (golden.isArray() && actual.isArray() && !golden.toArray().isEmpty() && !actual.toArray().isEmpty()) {
        diffStructure(golden.toArray().first(), actual.toArray().first(), path + u"[]", out);
        return;
    }
    if (golden != actual)
        *out << u"%1: golden %2, output %3"_s.arg(path, compact(golden), compact(actual));
}

QString goldenPath(const QString& name) {
    return QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/golden/" + name;
}

/// Compares the structure of `json` with golden/<name>, or rewrites the golden when
/// SWAPTIER_UPDATE_GOLDEN=1. Returns the differences (empty: equal).
QStringList checkGolden(const QJsonObject& json, const QString& name) {
    const QJsonObject structure = structureOf(json).toObject();
    const QString path = goldenPath(name);
    if (qEnvironmentVariable("SWAPTIER_UPDATE_GOLDEN") == u"1") {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {u"cannot write %1: %2"_s.arg(path, out.errorString())};
        out.write(QJsonDocument(structure).toJson(QJsonDocument::Indented));
        qInfo("golden file rewritten: %s", qPrintable(path));
    }
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return {u"cannot read %1: %2 (SWAPTIER_UPDATE_GOLDEN=1 writes it)"_s.arg(path, in.errorString())};
    QJsonParseError parseError;
    const QJsonDocument golden = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (golden.isNull())
        return {u"%1 is not JSON: %2"_s.arg(path, parseError.errorString())};
    QStringList differences;
    diffStructure(golden.object(), structure, QString(), &differences);
    return differences;
}

/// The value at a '/'-separated path ("final/cgroups/1/memory_max_bytes"); Undefined if absent.
QJsonValue at(const QJsonObject& root, const QString& path) {
    QJsonValue v = root;
    for (const QString& part : path.split(u'/')) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex && v.isArray()) {
            const QJsonArray a = v.toArray();
            if (index < 0 || index >= a.size())
                return QJsonValue(QJsonValue::Undefined);
            v = a.at(index);
        } else if (v.isObject() && v.toObject().contains(part)) {
            v = v.toObject().value(part);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return v;
}

/// A JSON value as compact text, so expectations can be written as JSON ("null", "42", "\"x\"").
QString jsonText(const QJsonValue& v) {
    if (v.isUndefined())
        return u"<absent>"_s;
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

std::vector<std::tuple<QString, SandboxReport, SandboxReport>> twoVariants() {
    SandboxReport v1 = fullReport(SwapDesign::Virtual, 1000);
    SandboxReport c1 = fullReport(SwapDesign::Classic, 5000);
    SandboxReport v2 = fullReport(SwapDesign::Virtual, 10);
    SandboxReport c2 = fullReport(SwapDesign::Classic, 10);
    c2.figures.pagesRead = 0;
    c2.swapoffs.clear();
    return {{u"lz4"_s, v1, c1}, {u"zstd"_s, v2, c2}};
}

} // namespace

class TestSandboxJson : public QObject {
    Q_OBJECT

private slots:
    void reportStructure();
    void comparisonStructure();
    void reportValues_data();
    void reportValues();
    void designNames();
    void largeCountersStayExact();
    void emptyReportHasAllTopLevelKeys();
    void comparisonValues_data();
    void comparisonValues();
    void actionValues();
    void actionKindNames();
};

void TestSandboxJson::reportStructure() {
    const QJsonObject json = SandboxJson::report(fullReport(SwapDesign::Virtual), scenarioObject());
    const QStringList differences = checkGolden(json, u"report-structure.json"_s);
    QVERIFY2(differences.isEmpty(), qPrintable(u"report structure differs from the golden:\n  "_s
                                               + differences.join(u"\n  "_s)));
}

void TestSandboxJson::comparisonStructure() {
    const QJsonObject json = SandboxJson::comparison(scenarioObject(), twoVariants());
    const QStringList differences = checkGolden(json, u"compare-structure.json"_s);
    QVERIFY2(differences.isEmpty(), qPrintable(u"comparison structure differs from the golden:\n  "_s
                                               + differences.join(u"\n  "_s)));
}

void TestSandboxJson::reportValues_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // JSON text

    QTest::newRow("format") << u"format"_s << u"1"_s;
    QTest::newRow("kind") << u"kind"_s << u"\"run\""_s;
    QTest::newRow("design") << u"design"_s << u"\"virtual\""_s;
    QTest::newRow("scenario as given") << u"scenario/variant"_s << u"\"lz4\""_s;
    QTest::newRow("run counter") << u"counters/accesses"_s << u"1000"_s;
    QTest::newRow("last run counter") << u"counters/verified_pages"_s << u"1017"_s;
    QTest::newRow("over-limit charges") << u"counters/over_limit_charges"_s << u"1014"_s;
    QTest::newRow("sample counter") << u"final/counters/swapouts"_s << u"1106"_s;
    QTest::newRow("cgroup counter") << u"final/cgroups/1/counters/swapin_faults"_s << u"10"_s;
    QTest::newRow("unlimited cgroup") << u"final/cgroups/0/memory_max_bytes"_s << u"null"_s;
    QTest::newRow("limited cgroup") << u"final/cgroups/1/memory_max_bytes"_s << u"67108864"_s;
    QTest::newRow("swapped by backend") << u"final/cgroups/0/swapped_pages/device"_s << u"3"_s;
    QTest::newRow("swapped total") << u"final/cgroups/0/swapped_pages_total"_s << u"10"_s;
    QTest::newRow("device entries") << u"final/cgroups/0/device_entries"_s << u"[0,3,0]"_s;
    QTest::newRow("tier without device") << u"final/tiers/0/device"_s << u"null"_s;
    QTest::newRow("tier without capacity") << u"final/tiers/0/capacity_bytes"_s << u"null"_s;
    QTest::newRow("device tier") << u"final/tiers/1/device"_s << u"1"_s;
    QTest::newRow("tier backend") << u"final/tiers/1/backend"_s << u"\"device\""_s;
    QTest::newRow("tier capacity") << u"final/tiers/1/capacity_bytes"_s << u"1073741824"_s;
    QTest::newRow("tier pages in") << u"final/tiers/0/pages_in"_s << u"300"_s;
    QTest::newRow("tier pages out") << u"final/tiers/0/pages_out"_s << u"400"_s;
    QTest::newRow("tier without path") << u"final/tiers/0/path"_s << u"null"_s;
    QTest::newRow("device display name") << u"final/tiers/1/name"_s << u"\"tier1\""_s;
    QTest::newRow("device path") << u"final/tiers/1/path"_s << u"\"/var/swap/tier1.swap\""_s;
    QTest::newRow("device pages out, exact") << u"final/tiers/1/pages_out"_s << u"9007199254740997"_s;
    QTest::newRow("device on") << u"final/tiers/1/swapped_off"_s << u"false"_s;
    QTest::newRow("device swapped off") << u"final/tiers/2/swapped_off"_s << u"true"_s;
    QTest::newRow("swapped-off device capacity") << u"final/tiers/2/capacity_bytes"_s << u"null"_s;
    QTest::newRow("swapped-off device traffic") << u"final/tiers/2/pages_in"_s << u"500"_s;
    QTest::newRow("engine traffic") << u"engine/events/stored_pool"_s << u"0"_s;
    QTest::newRow("progress") << u"final/progress"_s << u"0.75"_s;
    QTest::newRow("figure") << u"figures/disk_reserved_bytes"_s << u"4096000"_s;
    QTest::newRow("pool writebacks") << u"figures/pool_writebacks"_s << u"1003"_s;
    QTest::newRow("sample pool writebacks") << u"final/figures/pool_writebacks"_s << u"1004"_s;
    QTest::newRow("swapoff") << u"swapoffs/0/ptes_visited"_s << u"123456"_s;
    QTest::newRow("workload") << u"workloads/0/swapin_faults"_s << u"500"_s;
    QTest::newRow("flag") << u"cut_short"_s << u"true"_s;
    QTest::newRow("mix classes") << u"mix_classes"_s << u"[\"text\",\"heap\"]"_s;
    QTest::newRow("engine pool class") << u"engine/pool/classes/0/object_size"_s << u"2048"_s;
    QTest::newRow("engine device") << u"engine/devices/0/path"_s << u"\"/var/swap/tier1.swap\""_s;
    QTest::newRow("engine slot table") << u"engine/slot_table/live_entries"_s << u"30"_s;
    QTest::newRow("engine events") << u"engine/events/swap_outs"_s << u"77"_s;
    QTest::newRow("store error code") << u"first_store_error/code"_s << u"\"io-error\""_s;
    QTest::newRow("store error slot") << u"first_store_error/slot"_s << u"77"_s;
    QTest::newRow("store error offset") << u"first_store_error/offset"_s << u"8192"_s;
    QTest::newRow("store error errno") << u"first_store_error/os_error"_s << u"5"_s;
    QTest::newRow("action kind") << u"actions/0/kind"_s << u"\"writeback\""_s;
    QTest::newRow("action at") << u"actions/0/at"_s << u"0.5"_s;
    QTest::newRow("action pages moved") << u"actions/0/pages_moved"_s << u"4096"_s;
    QTest::newRow("action pages written") << u"actions/0/pages_written"_s << u"4000"_s;
    QTest::newRow("action write calls") << u"actions/0/write_calls"_s << u"16"_s;
    QTest::newRow("action PTEs") << u"actions/0/ptes_visited"_s << u"0"_s;
    QTest::newRow("action reclaimed") << u"actions/0/bytes_reclaimed"_s << u"6000000"_s;
    QTest::newRow("action reserved before") << u"actions/0/disk_reserved_before_bytes"_s << u"1048576"_s;
    QTest::newRow("action reserved after") << u"actions/0/disk_reserved_after_bytes"_s << u"17825792"_s;
    QTest::newRow("action wall") << u"actions/0/nanos"_s << u"3000000"_s;
    QTest::newRow("action CPU, exact") << u"actions/0/cpu_nanos"_s << u"9007199254740995"_s;
    QTest::newRow("action error code") << u"actions/0/error/code"_s << u"\"device-full\""_s;
    QTest::newRow("action without device") << u"actions/0/device"_s << u"null"_s;
    QTest::newRow("action on a device") << u"actions/1/device"_s << u"1"_s;
    QTest::newRow("second action kind") << u"actions/1/kind"_s << u"\"compact-device\""_s;
    QTest::newRow("second action error path") << u"actions/1/error/path"_s << u"\"/var/swap/tier1.swap\""_s;
}

void TestSandboxJson::reportValues() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QJsonObject json = SandboxJson::report(fullReport(SwapDesign::Virtual), scenarioObject());
    QCOMPARE(jsonText(at(json, path)), expected);
}

void TestSandboxJson::designNames() {
    QCOMPARE(SandboxJson::designName(SwapDesign::Virtual), u"virtual"_s);
    QCOMPARE(SandboxJson::designName(SwapDesign::Classic), u"classic"_s);
    const QJsonObject classic = SandboxJson::report(fullReport(SwapDesign::Classic), scenarioObject());
    QCOMPARE(classic.value(u"design"_s).toString(), u"classic"_s);
    // The three keys that say what the object is are at the top level of every run.
    for (const QString& key : {u"format"_s, u"kind"_s, u"design"_s})
        QVERIFY2(classic.contains(key), qPrintable(key));
}

void TestSandboxJson::largeCountersStayExact() {
    const QJsonObject json = SandboxJson::report(fullReport(SwapDesign::Virtual), scenarioObject());
    const QByteArray text = QJsonDocument(json).toJson(QJsonDocument::Compact);
    // 2^53 + 1 is not a double; written as an integer it survives the file.
    QVERIFY(text.contains("\"cpu_nanos\":9007199254740993"));
    const QJsonDocument back = QJsonDocument::fromJson(text);
    QCOMPARE(at(back.object(), u"figures/cpu_nanos"_s).toInteger(), qint64(kTwoTo53 + 1));
    // Beyond qint64 the value becomes a (rounded) double, never a negative number.
    const double rounds = json.value(u"rounds"_s).toDouble();
    QVERIFY(rounds > 1.8e19);
}

void TestSandboxJson::emptyReportHasAllTopLevelKeys() {
    const QJsonObject full = SandboxJson::report(fullReport(SwapDesign::Virtual), scenarioObject());
    const QJsonObject empty = SandboxJson::report(SandboxReport{}, QJsonObject{});
    QCOMPARE(empty.keys(), full.keys());
    QCOMPARE(empty.value(u"workloads"_s).toArray().size(), 0);
    QCOMPARE(at(empty, u"final/tiers"_s).toArray().size(), 0);
    QVERIFY(empty.value(u"first_store_error"_s).isNull());
}

void TestSandboxJson::comparisonValues_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");

    QTest::newRow("kind") << u"kind"_s << u"\"compare\""_s;
    QTest::newRow("format") << u"format"_s << u"1"_s;
    QTest::newRow("scenario") << u"scenario/name"_s << u"\"usemem-small\""_s;
    QTest::newRow("label") << u"variants/1/label"_s << u"\"zstd\""_s;
    QTest::newRow("virtual run") << u"variants/0/virtual/design"_s << u"\"virtual\""_s;
    QTest::newRow("classic run") << u"variants/0/classic/design"_s << u"\"classic\""_s;
    QTest::newRow("runs carry no scenario") << u"variants/0/virtual/scenario"_s << u"<absent>"_s;
    QTest::newRow("difference: virtual") << u"variants/0/differences/disk_reserved_bytes/virtual"_s
                                         << u"4096000"_s;
    QTest::newRow("difference: classic") << u"variants/0/differences/disk_reserved_bytes/classic"_s
                                         << u"20480000"_s;
    QTest::newRow("difference: negative") << u"variants/0/differences/disk_reserved_bytes/virtual_minus_classic"_s
                                          << u"-16384000"_s;
    QTest::newRow("difference: ratio") << u"variants/0/differences/disk_reserved_bytes/virtual_to_classic"_s
                                       << u"0.2"_s;
    QTest::newRow("ratio of nothing") << u"variants/1/differences/pages_read/virtual_to_classic"_s << u"null"_s;
    QTest::newRow("swapoff sum") << u"variants/0/differences/swapoff_ptes_visited/classic"_s << u"123456"_s;
    QTest::newRow("no swapoff") << u"variants/1/differences/swapoff_nanos/classic"_s << u"0"_s;
    QTest::newRow("counter") << u"variants/0/differences/refaults/virtual_minus_classic"_s << u"-4000"_s;
}

void TestSandboxJson::comparisonValues() {
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QJsonObject json = SandboxJson::comparison(scenarioObject(), twoVariants());
    QCOMPARE(jsonText(at(json, path)), expected);
}

void TestSandboxJson::actionValues() {
    // A successful action has a null error, and every action of the report is listed in order.
    SandboxReport r;
    ActionFigures ok;
    ok.kind = SandboxAction::Kind::CompactPool;
    ok.bytesReclaimed = 8192;
    r.actions = {ok, ok, ok};
    r.actions[1].kind = SandboxAction::Kind::SetCgroupPolicy;
    r.actions[2].kind = SandboxAction::Kind::AddDevice; // the device it created
    r.actions[2].device = 3;
    const QJsonObject json = SandboxJson::report(r, {});
    QCOMPARE(json.value(u"actions"_s).toArray().size(), 3);
    QCOMPARE(jsonText(at(json, u"actions/2/kind"_s)), u"\"add-device\""_s);
    QCOMPARE(jsonText(at(json, u"actions/2/device"_s)), u"3"_s);
    QCOMPARE(jsonText(at(json, u"actions/0/error"_s)), u"null"_s);
    QCOMPARE(jsonText(at(json, u"actions/0/kind"_s)), u"\"compact-pool\""_s);
    QCOMPARE(jsonText(at(json, u"actions/0/bytes_reclaimed"_s)), u"8192"_s);
    QCOMPARE(jsonText(at(json, u"actions/1/kind"_s)), u"\"set-policy\""_s);
    // In a comparison, each design's run carries its own actions.
    const QJsonObject compared = SandboxJson::comparison(scenarioObject(), twoVariants());
    QCOMPARE(jsonText(at(compared, u"variants/0/classic/actions/1/kind"_s)), u"\"compact-device\""_s);
}

void TestSandboxJson::actionKindNames() {
    using Kind = SandboxAction::Kind;
    const std::pair<Kind, QString> names[] = {
        {Kind::Swapoff, u"swapoff"_s},           {Kind::SetPriority, u"set-priority"_s},
        {Kind::SetPool, u"set-pool"_s},          {Kind::CompactDevice, u"compact-device"_s},
        {Kind::CompactPool, u"compact-pool"_s},  {Kind::Writeback, u"writeback"_s},
        {Kind::SetCgroupPolicy, u"set-policy"_s}, {Kind::Recompress, u"recompress"_s},
        {Kind::SetPromotion, u"set-promotion"_s}, {Kind::AddDevice, u"add-device"_s}};
    for (const auto& [kind, name] : names)
        QCOMPARE(SandboxJson::actionKindName(kind), name);
}

QTEST_APPLESS_MAIN(TestSandboxJson)
#include "tst_sandboxjson.moc"
