// SPDX-License-Identifier: GPL-3.0-or-later
// StatsReport and its helpers: human units, aligned tables, and the text and JSON reports of
// a real small engine run carrying that run's figures.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "statsreport.h"
#include "texttable.h"
#include "units.h"

#include "swaptier/engine.h"
#include "swaptier/pagecorpus.h"

#include <array>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

/// A line of `text` that matches `pattern` (with ^/$ per line).
bool hasLine(const QString& text, const QString& pattern) {
    return QRegularExpression(pattern, QRegularExpression::MultilineOption).match(text).hasMatch();
}

} // namespace

class TestStatsReport : public QObject {
    Q_OBJECT

private slots:
    void formatBytes_data();
    void formatBytes();
    void parseBytes_data();
    void parseBytes();
    void formatRatio();
    void textTable();
    void emptyStats();
    void syntheticFigures();
    void realEngineRun();
};

void TestStatsReport::formatBytes_data() {
    QTest::addColumn<quint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << quint64(0) << u"0 B"_s;
    QTest::newRow("below a KiB") << quint64(1023) << u"1023 B"_s;
    QTest::newRow("one KiB") << quint64(1024) << u"1.0 KiB"_s;
    QTest::newRow("1.5 KiB") << quint64(1536) << u"1.5 KiB"_s;
    QTest::newRow("one page") << quint64(4096) << u"4.0 KiB"_s;
    QTest::newRow("just below a MiB") << quint64(1048575) << u"1024.0 KiB"_s;
    QTest::newRow("one MiB") << quint64(1) * 1024 * 1024 << u"1.0 MiB"_s;
    QTest::newRow("16 MiB") << (quint64(16) << 20) << u"16.0 MiB"_s;
    QTest::newRow("5.5 GiB") << (quint64(11) << 29) << u"5.5 GiB"_s;
    QTest::newRow("2 TiB") << (quint64(2) << 40) << u"2.0 TiB"_s;
    QTest::newRow("beyond TiB stays TiB") << (quint64(3) << 50) << u"3072.0 TiB"_s;
}

void TestStatsReport::formatBytes() {
    QFETCH(quint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(services::formatBytes(bytes), text);
}

void TestStatsReport::parseBytes_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<quint64>("bytes");
    QTest::newRow("zero") << u"0"_s << true << quint64(0);
    QTest::newRow("plain bytes") << u"4096"_s << true << quint64(4096);
    QTest::newRow("K") << u"512K"_s << true << quint64(512) * 1024;
    QTest::newRow("M") << u"16M"_s << true << (quint64(16) << 20);
    QTest::newRow("MiB") << u"16MiB"_s << true << (quint64(16) << 20);
    QTest::newRow("mb lower case, spaced") << u" 16 mb "_s << true << (quint64(16) << 20);
    QTest::newRow("fraction G") << u"1.5G"_s << true << (quint64(3) << 29);
    QTest::newRow("T") << u"1T"_s << true << (quint64(1) << 40);
    QTest::newRow("B suffix") << u"100B"_s << true << quint64(100);
    QTest::newRow("empty") << QString() << false << quint64(0);
    QTest::newRow("negative") << u"-1"_s << false << quint64(0);
    QTest::newRow("words") << u"lots"_s << false << quint64(0);
    QTest::newRow("unknown unit") << u"16X"_s << false << quint64(0);
    QTest::newRow("double unit") << u"16MM"_s << false << quint64(0);
    QTest::newRow("fractional bytes") << u"1.5"_s << false << quint64(0);
    QTest::newRow("exponent") << u"1e3"_s << false << quint64(0);
    QTest::newRow("two dots") << u"1.2.3M"_s << false << quint64(0);
    QTest::newRow("overflow") << u"99999999999T"_s << false << quint64(0);
}

void TestStatsReport::parseBytes() {
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(quint64, bytes);
    const auto parsed = services::parseBytes(text);
    QCOMPARE(parsed.has_value(), ok);
    if (ok)
        QCOMPARE(*parsed, bytes);
}

void TestStatsReport::formatRatio() {
    QCOMPARE(services::formatRatio(2.414), u"2.41"_s);
    QCOMPARE(services::formatRatio(0.0), u"-"_s);
    QCOMPARE(services::formatPercent(0.9834), u"98.3%"_s);
}

void TestStatsReport::textTable() {
    TextTable t({u"name"_s, u"count"_s});
    t.addRow({u"zero"_s, u"5"_s});
    t.addRow({u"pool"_s, u"12345"_s, u"dropped"_s});
    t.addRow({u"x"_s});
    QCOMPARE(t.rowCount(), 3);
    QCOMPARE(t.render(1), u" name  count\n"
                          " ----  -----\n"
                          " zero      5\n"
                          " pool  12345\n"
                          " x\n"_s);
}

void TestStatsReport::emptyStats() {
    const EngineStats s;
    const QString text = StatsReport::toText(s);
    for (const QString& section : {u"Backends"_s, u"Compressed pool"_s, u"Swap devices"_s, u"Descriptors"_s,
                                   u"Cgroups"_s, u"Events"_s})
        QVERIFY2(hasLine(text, u"^"_s + QRegularExpression::escape(section)), qPrintable(section));
    QVERIFY(hasLine(text, uR"(^\s+total\s+0\s+0 B\s+0 B\s+-$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+zswpout\s+0$)"_s));
    const QJsonObject json = StatsReport::toJsonObject(s);
    QCOMPARE(json[u"backends"_s][u"pool"_s][u"entries"_s].toInteger(), 0);
    QCOMPARE(json[u"devices"_s].toArray().size(), 0);
    QCOMPARE(json[u"cgroups"_s].toArray().size(), 0);
    QCOMPARE(json[u"events"_s].toObject().size(), 30); // 22 vmstat-style counters + 8 traffic counters
}

void TestStatsReport::syntheticFigures() {
    EngineStats s;
    s.backends[std::size_t(Backend::Pool)] = {3000, 3000 * 4096ull, 5ull << 20};
    s.pool.codec = Codec::Zstd;
    s.pool.zstdLevel = 3;
    s.pool.objects = 3000;
    s.pool.originalBytes = 3000 * 4096ull;
    s.pool.storedBytes = 5ull << 20;
    s.pool.poolBytes = 6ull << 20;
    s.pool.limitBytes = 8ull << 20;
    s.pool.full = true;
    s.pool.limitHits = 7;
    s.slotTable.liveEntries = 3000;
    s.slotTable.metadataBytes = 3000 * 24;
    DeviceStats d;
    d.id = DeviceId{4};
    d.path = "/swap/ssd.swap";
    d.priority = 100;
    d.totalSlots = 1000;
    d.usedSlots = 250;
    d.readErrors = 1;
    d.writeErrors = 2;
    d.checksumErrors = 3;
    d.discardErrors = 4;
    d.draining = true;
    d.writeBehind = true;
    d.writeBehindErrors = 5;
    s.devices.push_back(d);
    s.events.zswpwb = 99;
    s.events.storedTo[std::size_t(Backend::Memory)] = 11;
    s.events.loadedFrom[std::size_t(Backend::Pool)] = 12;

    const QString text = StatsReport::toText(s);
    QVERIFY(hasLine(text, uR"(^\s+pool\s+3000\s+11\.7 MiB\s+5\.0 MiB\s+2\.34$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+codec\s+zstd \(level 3\)$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+compression ratio\s+2\.34$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+allocator efficiency\s+83\.3%$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+limit\s+8\.0 MiB, accepting again below 90%$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+full\s+yes)"_s));
    QVERIFY(hasLine(text, uR"(^\s+limit hits\s+7$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+metadata per entry\s+24\.0 B$)"_s));
    QVERIFY(hasLine(
        text, uR"(^\s+4\s+100\s+250/1000\s+25\.0%\s+0\s+0\s+1/2/3/4\s+0\s+buffered,write-behind,draining\s+/swap/ssd\.swap$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+zswpwb\s+99$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+stored_memory\s+11$)"_s));
    QVERIFY(hasLine(text, uR"(^\s+loaded_pool\s+12$)"_s));

    const QJsonObject json = StatsReport::toJsonObject(s);
    QCOMPARE(json[u"pool"_s][u"codec"_s].toString(), u"zstd"_s);
    QCOMPARE(json[u"pool"_s][u"stored_bytes"_s].toInteger(), qint64(5) << 20);
    QCOMPARE(json[u"pool"_s][u"full"_s].toBool(), true);
    QCOMPARE(json[u"pool"_s][u"allocator_efficiency"_s].toDouble(), 5.0 / 6.0);
    QCOMPARE(json[u"slot_table"_s][u"bytes_per_entry"_s].toDouble(), 24.0);
    QCOMPARE(json[u"devices"_s][0][u"checksum_errors"_s].toInteger(), 3);
    QCOMPARE(json[u"devices"_s][0][u"discard_errors"_s].toInteger(), 4);
    QCOMPARE(json[u"devices"_s][0][u"write_behind"_s].toBool(), true);
    QCOMPARE(json[u"devices"_s][0][u"write_behind_errors"_s].toInteger(), 5);
    QCOMPARE(json[u"devices"_s][0][u"path"_s].toString(), u"/swap/ssd.swap"_s);
    QCOMPARE(json[u"events"_s][u"zswpwb"_s].toInteger(), 99);
    QCOMPARE(json[u"events"_s][u"stored_memory"_s].toInteger(), 11);
    QCOMPARE(json[u"events"_s][u"loaded_pool"_s].toInteger(), 12);
    QCOMPARE(json[u"events"_s][u"stored_pool"_s].toInteger(), 0);
}

void TestStatsReport::realEngineRun() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    EngineOptions options;
    options.pool.codec = Codec::Lz4;
    auto engine = Engine::create(options);
    QVERIFY2(engine.ok(), errcName(engine.code()));
    DeviceOptions dev;
    dev.path = QString(dir.path() + u"/report.swap"_s).toStdString();
    dev.sizeBytes = 64 * kPageSize;
    dev.priority = 7;
    dev.removeFileOnClose = true;
    auto deviceId = (*engine)->addDevice(dev);
    QVERIFY2(deviceId.ok(), errcName(deviceId.code()));

    auto corpus = PageCorpus::load(CorpusOptions{{}, {}, 64, 64, 32, 1});
    QVERIFY(corpus.ok());
    MixShares textOnly;
    textOnly.weights = {0, 1, 0, 0, 0};
    const PageMix text(*corpus, textOnly, 9);
    std::array<std::byte, kPageSize> page{};
    const CgroupId cg{7};
    std::vector<SlotId> stored;
    const auto out = [&](const StoreOptions& store) {
        auto slot = (*engine)->swapOut(page, cg, store);
        QVERIFY2(slot.ok(), errcName(slot.code()));
        stored.push_back(*slot);
    };
    for (unsigned i = 0; i < 10; ++i) { // text pages into the pool
        text.fill(page, i);
        out({});
    }
    page.fill(std::byte{0});
    for (unsigned i = 0; i < 3; ++i) // zero pages
        out({});
    text.fill(page, 100);
    out(StoreOptions{Placement::DeviceOnly, {}, 0});
    out(StoreOptions{Placement::DeviceOnly, {}, 0});
    out(StoreOptions{Placement::Memory, {}, 0});
    QVERIFY((*engine)->duplicate(stored[0]).ok());
    QVERIFY((*engine)->swapIn(stored[1], page).ok());

    const EngineStats s = (*engine)->stats();
    QCOMPARE(s.backends[std::size_t(Backend::Zero)].entries, 3u);
    QCOMPARE(s.backends[std::size_t(Backend::Pool)].entries, 10u);
    QCOMPARE(s.backends[std::size_t(Backend::Device)].entries, 2u);
    QCOMPARE(s.backends[std::size_t(Backend::Memory)].entries, 1u);

    const QString report = StatsReport::toText(s);
    QVERIFY2(hasLine(report, uR"(^\s+zero\s+3\s+12\.0 KiB\s+0 B\s+-$)"_s), qPrintable(report));
    QVERIFY(hasLine(report, uR"(^\s+pool\s+10\s+40\.0 KiB\s)"_s));
    QVERIFY(hasLine(report, uR"(^\s+device\s+2\s+8\.0 KiB\s+8\.0 KiB\s+1\.00$)"_s));
    QVERIFY(hasLine(report, uR"(^\s+memory\s+1\s)"_s));
    QVERIFY(hasLine(report, uR"(^\s+total\s+16\s+64\.0 KiB\s)"_s));
    QVERIFY(hasLine(report, uR"(^\s+codec\s+lz4$)"_s));
    QVERIFY(hasLine(report, u"^\\s+compression ratio\\s+"_s
                                + QRegularExpression::escape(services::formatRatio(s.pool.compressionRatio()))
                                + u"$"_s));
    QVERIFY(s.pool.compressionRatio() > 1.2); // real text compresses
    QVERIFY(hasLine(report, u"^\\s+%1\\s+7\\s+2/%2\\s.*%3$"_s.arg(deviceId->value).arg(s.devices.at(0).totalSlots)
                                .arg(QRegularExpression::escape(QString::fromStdString(dev.path)))));
    QVERIFY(hasLine(report, uR"(^\s+live entries\s+16$)"_s));
    QVERIFY(hasLine(report, uR"(^\s+7\s+3\s+10\s+2\s+1\s)"_s)); // the cgroup row
    QVERIFY(hasLine(report, uR"(^\s+swap_outs\s+16$)"_s));
    QVERIFY(hasLine(report, uR"(^\s+swpout_zero\s+3$)"_s));
    QVERIFY(hasLine(report, uR"(^\s+swap_duplicates\s+1$)"_s));
    QVERIFY(hasLine(report, u"^\\s+zswpout\\s+%1$"_s.arg(s.events.zswpout)));
    QVERIFY(hasLine(report, u"^\\s+pswpout\\s+%1$"_s.arg(s.events.pswpout)));
    QCOMPARE(s.events.pswpout, 2u);

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(StatsReport::toJson(s), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject json = doc.object();
    for (std::size_t b = 0; b < kBackendCount; ++b) {
        const QJsonObject usage = json[u"backends"_s][QLatin1String(backendName(Backend(b)))].toObject();
        QCOMPARE(usage[u"entries"_s].toInteger(), qint64(s.backends[b].entries));
        QCOMPARE(usage[u"stored_bytes"_s].toInteger(), qint64(s.backends[b].storedBytes));
        QCOMPARE(usage[u"original_bytes"_s].toInteger(), qint64(s.backends[b].originalBytes));
    }
    QCOMPARE(json[u"pool"_s][u"codec"_s].toString(), u"lz4"_s);
    QCOMPARE(json[u"pool"_s][u"stored_bytes"_s].toInteger(), qint64(s.pool.storedBytes));
    QCOMPARE(json[u"pool"_s][u"pool_bytes"_s].toInteger(), qint64(s.pool.poolBytes));
    QCOMPARE(json[u"pool"_s][u"compression_ratio"_s].toDouble(), s.pool.compressionRatio());
    QCOMPARE(json[u"slot_table"_s][u"live_entries"_s].toInteger(), 16);
    QCOMPARE(json[u"slot_table"_s][u"metadata_bytes"_s].toInteger(), qint64(s.slotTable.metadataBytes));
    QCOMPARE(json[u"devices"_s][0][u"priority"_s].toInt(), 7);
    QCOMPARE(json[u"devices"_s][0][u"used_slots"_s].toInteger(), 2);
    QCOMPARE(json[u"devices"_s][0][u"path"_s].toString(), QString::fromStdString(dev.path));
    QCOMPARE(json[u"events"_s][u"swap_outs"_s].toInteger(), 16);
    QCOMPARE(json[u"events"_s][u"zswpout"_s].toInteger(), qint64(s.events.zswpout));
    const QJsonArray cgroups = json[u"cgroups"_s].toArray();
    QCOMPARE(cgroups.size(), qsizetype(s.cgroups.size()));
    bool found = false;
    for (const QJsonValue& c : cgroups) {
        if (c[u"id"_s].toInt() != 7)
            continue;
        found = true;
        QCOMPARE(c[u"backends"_s][u"pool"_s][u"entries"_s].toInteger(), 10);
        QCOMPARE(c[u"events"_s][u"swap_outs"_s].toInteger(), 16);
    }
    QVERIFY(found);

    for (SlotId slot : stored)
        QVERIFY((*engine)->put(slot).ok());
    QVERIFY((*engine)->put(stored[0]).ok());
}

QTEST_APPLESS_MAIN(TestStatsReport)
#include "tst_statsreport.moc"
