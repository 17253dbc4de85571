// SPDX-License-Identifier: GPL-3.0-or-later
// SandboxSummary: the actions of a run are listed with what they did and why one failed, and a
// comparison sets each action of the virtual design beside the same action of the classic one.
// The comparison's run table is its rows as values (comparisonRows), in order, with the swapoff
// rows only when a run swapped a device off.
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "errortext.h"
#include "sandboxsummary.h"

#include "swaptier/sandbox.h"

#include <cmath>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

ActionFigures writeback() {
    ActionFigures a;
    a.kind = SandboxAction::Kind::Writeback;
    a.at = 0.5;
    a.pagesMoved = 4096;
    a.pagesWritten = 4090;
    a.writeCalls = 17;
    a.ptesVisited = 0;
    a.bytesReclaimed = 3 << 20;
    a.diskReservedBefore = 1 << 20;
    a.diskReservedAfter = 17 << 20;
    a.nanos = 2'500'000;
    a.cpuNanos = 2'000'000;
    return a;
}

/// The line of `text` that starts (after indentation) with `start`.
QString lineStarting(const QString& text, const QString& start) {
    for (const QString& line : text.split(u'\n'))
        if (line.trimmed().startsWith(start))
            return line;
    return {};
}

} // namespace

class TestSandboxSummary : public QObject {
    Q_OBJECT

private slots:
    void formatAt_data();
    void formatAt();
    void reportListsActions();
    void failedActionSaysWhy();
    void noActionsNoTable();
    void comparisonPerAction();
    void comparisonWithAMissingAction();
    void comparisonRowsAreTheTable_data();
    void comparisonRowsAreTheTable();
    void tiersShowTraffic();
    void designFigures_data();
    void designFigures();
    void addedDeviceNamesItsIndex();
};

void TestSandboxSummary::formatAt_data() {
    QTest::addColumn<double>("at");
    QTest::addColumn<QString>("text");
    QTest::newRow("start") << 0.0 << u"start"_s;
    QTest::newRow("end") << 1.0 << u"end"_s;
    QTest::newRow("half") << 0.5 << u"50%"_s;
    QTest::newRow("fraction") << 0.125 << u"12.5%"_s;
}

void TestSandboxSummary::formatAt() {
    QFETCH(double, at);
    QFETCH(QString, text);
    QCOMPARE(SandboxSummary::formatAt(at), text);
}

void TestSandboxSummary::reportListsActions() {
    SandboxReport r;
    ActionFigures pool;
    pool.kind = SandboxAction::Kind::CompactPool;
    pool.at = 1.0;
    pool.bytesReclaimed = 8192;
    r.actions = {writeback(), pool};
    const QString text = SandboxSummary::report(u"t"_s, r);
    QVERIFY2(text.contains(u"Actions:"_s), qPrintable(text));
    const QString first = lineStarting(text, u"1. writeback"_s);
    QVERIFY2(!first.isEmpty(), qPrintable(text));
    const QStringList cells = first.simplified().split(u' ');
    // action (2 words), at, moved, written, calls, PTEs, reclaimed (2), reserved (5), time (2), CPU (2)
    QCOMPARE(cells.mid(2, 5), (QStringList{u"50%"_s, u"4096"_s, u"4090"_s, u"17"_s, u"0"_s}));
    QVERIFY2(first.contains(u"1.0 MiB -> 17.0 MiB"_s), qPrintable(first));
    QVERIFY2(first.contains(u"2.5 ms"_s), qPrintable(first));
    const QString second = lineStarting(text, u"2. compact-pool"_s);
    QVERIFY2(second.contains(u" end "_s) && second.contains(u"8.0 KiB"_s), qPrintable(second));
    QVERIFY(!text.contains(u"failed"_s));
}

// The tiers table has the pages loaded from and stored into each place, and says which device
// was swapped off.
void TestSandboxSummary::tiersShowTraffic() {
    SandboxReport r;
    TierUsage pool;
    pool.name = "pool";
    pool.backend = Backend::Pool;
    pool.entries = 10;
    pool.pagesIn = 1234;
    pool.pagesOut = 5678;
    TierUsage gone;
    gone.name = "extra";
    gone.backend = Backend::Device;
    gone.device = 1;
    gone.path = "/srv/extra.swap";
    gone.swappedOff = true;
    gone.pagesIn = 77;
    gone.pagesOut = 88;
    r.final.tiers = {pool, gone};
    const QString text = SandboxSummary::report(u"t"_s, r);
    QVERIFY2(text.contains(u"pages in"_s) && text.contains(u"pages out"_s), qPrintable(text));
    const QStringList poolCells = lineStarting(text, u"pool "_s).simplified().split(u' ');
    QCOMPARE(poolCells.mid(poolCells.size() - 2), (QStringList{u"1234"_s, u"5678"_s}));
    const QString goneLine = lineStarting(text, u"extra "_s);
    QVERIFY2(goneLine.contains(u"swapped off"_s), qPrintable(goneLine));
    QVERIFY2(goneLine.simplified().endsWith(u"77 88"_s), qPrintable(goneLine));
}

void TestSandboxSummary::designFigures_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("value");
    QTest::newRow("written") << u"pages written to disk"_s << u"4321"_s;
    QTest::newRow("read") << u"pages read from disk"_s << u"765"_s;
    QTest::newRow("pool writebacks") << u"pages written back from the pool"_s << u"98"_s;
}

void TestSandboxSummary::designFigures() {
    QFETCH(QString, line);
    QFETCH(QString, value);
    SandboxReport r;
    r.figures.pagesWritten = 4321;
    r.figures.pagesRead = 765;
    r.figures.poolWritebacks = 98;
    const QString text = SandboxSummary::report(u"t"_s, r);
    const QString found = lineStarting(text, line);
    QVERIFY2(!found.isEmpty(), qPrintable(text));
    QCOMPARE(found.simplified(), line + u' ' + value);
}

void TestSandboxSummary::addedDeviceNamesItsIndex() {
    SandboxReport r;
    ActionFigures add;
    add.kind = SandboxAction::Kind::AddDevice;
    add.at = 0.3;
    add.device = 2;
    ActionFigures failed = add;
    failed.device = -1;
    failed.error = Error::of(Errc::NoSpace);
    failed.error.file("/srv/full.swap");
    r.actions = {add, failed};
    const QString text = SandboxSummary::report(u"t"_s, r);
    QVERIFY2(!lineStarting(text, u"1. add-device (device 2)"_s).isEmpty(), qPrintable(text));
    QVERIFY2(lineStarting(text, u"2. add-device"_s).simplified().startsWith(u"2. add-device 30%"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Action 2. add-device failed: "_s + errorText(failed.error)), qPrintable(text));
}

void TestSandboxSummary::failedActionSaysWhy() {
    SandboxReport r;
    ActionFigures failed = writeback();
    failed.error = Error::of(Errc::DeviceFull);
    r.actions = {failed};
    const QString text = SandboxSummary::report(u"t"_s, r);
    QVERIFY2(text.contains(u"Action 1. writeback failed: "_s + errorText(failed.error)), qPrintable(text));
}

void TestSandboxSummary::noActionsNoTable() {
    QVERIFY(SandboxSummary::actions({}).isEmpty());
    QVERIFY(!SandboxSummary::report(u"t"_s, SandboxReport{}).contains(u"Actions:"_s));
}

void TestSandboxSummary::comparisonPerAction() {
    SandboxReport v;
    SandboxReport c;
    ActionFigures classic = writeback();
    classic.ptesVisited = 9000;
    classic.pagesMoved = 0;
    classic.diskReservedBefore = 64 << 20;
    classic.diskReservedAfter = 64 << 20;
    classic.cpuNanos = 6'000'000;
    v.actions = {writeback()};
    c.actions = {classic};
    const QString all = SandboxSummary::comparison(u"t"_s, v, c);
    QVERIFY2(all.contains(u"Action 1: writeback at 50%"_s), qPrintable(all));
    const QString text = all.mid(all.indexOf(u"Action 1:"_s)); // after the run's own table
    const QString ptes = lineStarting(text, u"page-table entries walked"_s);
    QCOMPARE(ptes.simplified(), u"page-table entries walked 0 9000 -"_s); // nothing walked in virtual
    QCOMPARE(lineStarting(text, u"CPU time"_s).simplified().section(u' ', -1), u"3.00x"_s);
    QVERIFY2(lineStarting(text, u"disk reserved before -> after"_s).contains(u"64.0 MiB -> 64.0 MiB"_s),
             qPrintable(text));
    QVERIFY(!lineStarting(text, u"wall time"_s).isEmpty());
}

void TestSandboxSummary::comparisonWithAMissingAction() {
    SandboxReport v;
    SandboxReport c;
    ActionFigures failed = writeback();
    failed.error = Error::of(Errc::IoError);
    v.actions = {writeback(), writeback()};
    c.actions = {failed};
    const QString text = SandboxSummary::comparison(u"t"_s, v, c);
    QVERIFY2(text.contains(u"Action 2: writeback at 50%"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Failed in the classic design: "_s + errorText(failed.error)), qPrintable(text));
    // The second action exists in the virtual run only: the classic cells are "-".
    const QString section = text.mid(text.indexOf(u"Action 2:"_s));
    QCOMPARE(lineStarting(section, u"pages moved"_s).simplified(), u"pages moved 4096 - -"_s);
}

void TestSandboxSummary::comparisonRowsAreTheTable_data() {
    QTest::addColumn<bool>("swapoff");
    QTest::addColumn<int>("rows");
    QTest::newRow("no swapoff") << false << 12;
    QTest::newRow("swapoff") << true << 14;
}

void TestSandboxSummary::comparisonRowsAreTheTable() {
    QFETCH(bool, swapoff);
    QFETCH(int, rows);
    SandboxReport v;
    SandboxReport c;
    v.figures.wallNanos = 2'000'000;
    c.figures.wallNanos = 5'000'000;
    v.counters.accesses = c.counters.accesses = 4096;
    v.figures.peakDiskReservedBytes = 1 << 20;
    c.figures.peakDiskReservedBytes = 3 << 20;
    if (swapoff) {
        SwapoffFigures s;
        s.nanos = 1'000'000;
        v.swapoffs = {s};
        s.ptesVisited = 6144;
        c.swapoffs = {s};
    }
    const std::vector<ComparisonRow> list = SandboxSummary::comparisonRows(v, c);
    QCOMPARE(int(list.size()), rows);
    const QStringList lines = SandboxSummary::comparison(u"t"_s, v, c).split(u'\n');
    for (std::size_t i = 0; i < list.size(); ++i) {
        const ComparisonRow& r = list[i];
        const QString line = lines.value(int(i) + 3).simplified(); // title, header, rule
        const QString expected = r.name + u' ' + SandboxSummary::formatValue(r.unit, r.virtualValue) + u' '
            + SandboxSummary::formatValue(r.unit, r.classicValue) + u' ';
        QVERIFY2(line.startsWith(expected), qPrintable(line + u" | "_s + expected));
    }
    QCOMPARE(list[0].key, u"wall_nanos"_s);
    QCOMPARE(list[0].ratio(), 2.5);
    QCOMPARE(list[0].better(), ComparisonRow::Better::Virtual);
    QCOMPARE(list[2].key, u"accesses"_s);
    QCOMPARE(list[2].better(), ComparisonRow::Better::NotRanked);
    QCOMPARE(list[7].key, u"pages_read"_s);
    QCOMPARE(list[7].ratio(), 1.0); // both 0
    QCOMPARE(list[7].better(), ComparisonRow::Better::Same);
    if (swapoff) {
        QCOMPARE(list.back().key, u"swapoff_ptes_visited"_s);
        QCOMPARE(list.back().classicValue, quint64(6144));
        QVERIFY(std::isinf(list.back().ratio()));
        QCOMPARE(list.back().better(), ComparisonRow::Better::Virtual);
    }
}

QTEST_GUILESS_MAIN(TestSandboxSummary)
#include "tst_sandboxsummary.moc"
