// SPDX-License-Identifier: GPL-3.0-or-later
// ProgressReporter, driven by an injected clock and writing into a QString: the bar's exact
// text, its throttling to 10 redraws a second, padding over a longer earlier line, the
// 100-column bound, messages that do not break the bar, the 10% steps and the 5 s heartbeat
// of the line style, Quiet, finish(), the ETA, and styleFor() on a pipe and a pseudo-terminal.
#include <QTest>
#include <QTextStream>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "progressreporter.h"

#include "swaptier/sandbox.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

using Style = ProgressReporter::Style;

SandboxCounters someCounters() {
    SandboxCounters c;
    c.accesses = 1'234'567;
    c.swapOuts = 45'600;
    c.refaults = 12'300;
    return c;
}

/// A reporter writing into a string, with a clock the test moves.
struct Harness {
    QString text;
    QTextStream stream{&text};
    qint64 now = 1'000'000; // not zero: the reporter must measure from its construction
    ProgressReporter reporter;

    Harness(Style style, const QString& label = u"usemem"_s)
        : reporter(stream, style, label, [this] { return now; }) {}

    QString out() {
        stream.flush();
        return text;
    }
    /// What the terminal shows last: the text after the last carriage return.
    QString lastDraw() {
        const QString all = out();
        return all.mid(all.lastIndexOf(u'\r') + 1);
    }
};

} // namespace

class TestProgressReporter : public QObject {
    Q_OBJECT

private slots:
    void formatCount_data();
    void formatCount();
    void formatDuration_data();
    void formatDuration();
    void barText();
    void barThrottling();
    void barClearsLongerLine();
    void barFitsColumns();
    void barMessage();
    void barFinish();
    void linesSteps();
    void linesHeartbeat();
    void linesFinish();
    void quietPrintsNothing();
    void eta_data();
    void eta();
    void styleFor_data();
    void styleFor();
};

void TestProgressReporter::formatCount_data() {
    QTest::addColumn<quint64>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << quint64(0) << u"0"_s;
    QTest::newRow("below a thousand") << quint64(999) << u"999"_s;
    QTest::newRow("thousand") << quint64(1000) << u"1.00 k"_s;
    QTest::newRow("45.6 k") << quint64(45'600) << u"45.6 k"_s;
    QTest::newRow("123 k") << quint64(123'400) << u"123 k"_s;
    QTest::newRow("rounds up to the next unit") << quint64(999'999) << u"1.00 M"_s;
    QTest::newRow("1.23 M") << quint64(1'234'567) << u"1.23 M"_s;
    QTest::newRow("giga") << quint64(7'500'000'000) << u"7.50 G"_s;
    QTest::newRow("largest") << ~quint64(0) << u"18.4 E"_s;
}

void TestProgressReporter::formatCount() {
    QFETCH(quint64, value);
    QFETCH(QString, text);
    QCOMPARE(ProgressReporter::formatCount(value), text);
}

void TestProgressReporter::formatDuration_data() {
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0 s"_s;
    QTest::newRow("rounded") << qint64(4'499) << u"4 s"_s;
    QTest::newRow("59.5 s") << qint64(59'500) << u"1 min 00 s"_s;
    QTest::newRow("minutes") << qint64(125'000) << u"2 min 05 s"_s;
    QTest::newRow("hours") << qint64(3'720'000) << u"1 h 02 min"_s;
    QTest::newRow("negative") << qint64(-5) << u"0 s"_s;
}

void TestProgressReporter::formatDuration() {
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(ProgressReporter::formatDuration(ms), text);
}

void TestProgressReporter::barText() {
    Harness h(Style::Bar);
    h.now += 4'000;
    h.reporter.update(0.5, someCounters());
    QCOMPARE(h.out(),
             u"\rusemem  [##########..........]  50%  1.23 M accesses  45.6 k swap-outs  12.3 k refaults  ETA 4 s"_s);
    QVERIFY(!h.out().contains(u'\n'));
}

void TestProgressReporter::barThrottling() {
    Harness h(Style::Bar);
    h.reporter.update(0.10, someCounters()); // the first update always draws
    QCOMPARE(h.out().count(u'\r'), 1);
    for (qint64 t : {10, 50, 99}) {
        h.now = 1'000'000 + t;
        h.reporter.update(0.11 + double(t) / 1000, someCounters());
    }
    QCOMPARE(h.out().count(u'\r'), 1);
    h.now = 1'000'100;
    h.reporter.update(0.30, someCounters());
    QCOMPARE(h.out().count(u'\r'), 2);
    QVERIFY2(h.lastDraw().contains(u" 30%"), qPrintable(h.lastDraw()));

    // A steady stream of updates every 10 ms for 2 s gives at most 10 redraws a second.
    for (int i = 1; i <= 200; ++i) {
        h.now = 1'000'100 + 10 * i;
        h.reporter.update(0.3 + i * 0.003, someCounters());
    }
    QCOMPARE(h.out().count(u'\r'), 2 + 20);
}

void TestProgressReporter::barClearsLongerLine() {
    Harness h(Style::Bar);
    SandboxCounters big = someCounters();
    h.reporter.update(0.5, big);
    const qsizetype longer = h.lastDraw().size();
    h.now += 1'000;
    h.reporter.update(0.6, SandboxCounters{}); // "0 accesses": a shorter line
    const QString last = h.lastDraw();
    QCOMPARE(last.size(), longer);
    const QString visible = last.trimmed();
    QVERIFY(visible.size() < longer);
    QCOMPARE(last.mid(visible.size()), QString(longer - visible.size(), u' '));
}

void TestProgressReporter::barFitsColumns() {
    const QString label = u"a-very-long-scenario-name/with-a-variant-label-that-goes-on-and-on"_s;
    {
        // Typical figures: the label is shortened just enough, the line uses the columns.
        Harness h(Style::Bar, label);
        h.now += 4'000;
        h.reporter.update(0.5, someCounters());
        const QString line = h.lastDraw();
        QCOMPARE(line.size(), qsizetype(ProgressReporter::kMaxColumns));
        QVERIFY2(line.startsWith(u"a-very-l"), qPrintable(line));
        QVERIFY2(line.endsWith(QChar(0x2026) + u"  [##########..........]  50%  1.23 M accesses  45.6 k swap-outs  "
                                                 u"12.3 k refaults  ETA 4 s"_s),
                 qPrintable(line));
    }
    Harness h(Style::Bar, label);
    SandboxCounters huge;
    huge.accesses = 123'456'789'012;
    huge.swapOuts = 987'654'321'098;
    huge.refaults = 555'555'555'555;
    h.now += 3'600'000;
    h.reporter.update(0.01, huge);
    const QString line = h.lastDraw();
    QVERIFY2(line.size() <= ProgressReporter::kMaxColumns, qPrintable(line));
    QVERIFY2(line.startsWith(u'a'), qPrintable(line)); // some of the label always stays
    QVERIFY2(line.contains(QChar(0x2026)), qPrintable(line));
    QVERIFY2(line.contains(u"123 G accesses"), qPrintable(line));
    QVERIFY2(line.contains(u"ETA "), qPrintable(line));
}

void TestProgressReporter::barMessage() {
    Harness h(Style::Bar);
    h.reporter.update(0.5, someCounters());
    const QString bar = h.lastDraw();
    const qsizetype before = h.out().size();
    h.reporter.message(u"swapoff of tier1 started"_s);
    const QString added = h.out().mid(before);
    // Clear the bar, print the message on its own line, redraw the same bar.
    QCOMPARE(added, u"\r"_s + QString(bar.size(), u' ') + u"\rswapoff of tier1 started\n\r"_s + bar);
}

void TestProgressReporter::barFinish() {
    Harness h(Style::Bar);
    h.reporter.update(0.5, someCounters());
    h.now += 50; // inside the throttle window: finish() draws all the same
    h.reporter.finish(u"done in 8 s"_s);
    const QString out = h.out();
    QVERIFY(out.endsWith(u'\n'));
    const QString last = out.mid(out.lastIndexOf(u'\r') + 1);
    QVERIFY2(last.startsWith(u"usemem  [####################] 100%  1.23 M accesses"), qPrintable(last));
    QVERIFY2(last.trimmed().endsWith(u"done in 8 s"), qPrintable(last));
    // After finish nothing more is printed.
    h.now += 10'000;
    h.reporter.update(0.7, someCounters());
    h.reporter.finish(u"again"_s);
    QCOMPARE(h.out(), out);
}

void TestProgressReporter::linesSteps() {
    Harness h(Style::Lines);
    const SandboxCounters c = someCounters();
    for (double p : {0.0, 0.05, 0.09})
        h.reporter.update(p, c);
    QCOMPARE(h.out(), QString());
    h.now += 100;
    h.reporter.update(0.1, c);
    QCOMPARE(h.out().count(u'\n'), 1);
    h.reporter.update(0.15, c);
    h.reporter.update(0.19, c);
    QCOMPARE(h.out().count(u'\n'), 1);
    h.reporter.update(0.3, c); // 0.2 skipped: one line, not two
    QCOMPARE(h.out().count(u'\n'), 2);
    h.reporter.update(0.35, c);
    QCOMPARE(h.out().count(u'\n'), 2);
    for (int step = 4; step <= 10; ++step)
        h.reporter.update(step / 10.0, c);
    QCOMPARE(h.out().count(u'\n'), 9);
    QVERIFY(!h.out().contains(u'\r'));
    const QStringList lines = h.out().split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), u"usemem  10%  1.23 M accesses  45.6 k swap-outs  12.3 k refaults  ETA 1 s"_s);
    QVERIFY2(lines.at(1).startsWith(u"usemem  30%"), qPrintable(lines.at(1)));
    QVERIFY2(lines.last().startsWith(u"usemem 100%"), qPrintable(lines.last()));
}

void TestProgressReporter::linesHeartbeat() {
    Harness h(Style::Lines);
    const SandboxCounters c = someCounters();
    h.now += 4'999;
    h.reporter.update(0.01, c);
    QCOMPARE(h.out(), QString());
    h.now += 1;
    h.reporter.update(0.02, c); // 5 s without a line
    QCOMPARE(h.out().count(u'\n'), 1);
    h.now += 4'000;
    h.reporter.update(0.03, c);
    QCOMPARE(h.out().count(u'\n'), 1);
    h.now += 1'000;
    h.reporter.update(0.04, c);
    QCOMPARE(h.out().count(u'\n'), 2);
}

void TestProgressReporter::linesFinish() {
    Harness h(Style::Lines);
    h.reporter.message(u"starting"_s);
    h.reporter.finish(u"done"_s);
    QCOMPARE(h.out(), u"starting\nusemem 100%  0 accesses  0 swap-outs  0 refaults  done\n"_s);
}

void TestProgressReporter::quietPrintsNothing() {
    Harness h(Style::Quiet);
    for (int i = 0; i <= 10; ++i) {
        h.now += 6'000;
        h.reporter.update(i / 10.0, someCounters());
    }
    h.reporter.message(u"hello"_s);
    h.reporter.finish(u"done"_s);
    QCOMPARE(h.out(), QString());
}

void TestProgressReporter::eta_data() {
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<double>("progress");
    QTest::addColumn<QString>("eta");
    QTest::newRow("nothing done yet") << qint64(30'000) << 0.0 << u"ETA --"_s;
    QTest::newRow("below 1%") << qint64(30'000) << 0.005 << u"ETA --"_s;
    QTest::newRow("a quarter in 10 s") << qint64(10'000) << 0.25 << u"ETA 30 s"_s;
    QTest::newRow("half in 150 s") << qint64(150'000) << 0.5 << u"ETA 2 min 30 s"_s;
    QTest::newRow("10% in 20 min") << qint64(1'200'000) << 0.1 << u"ETA 3 h 00 min"_s;
    QTest::newRow("done") << qint64(5'000) << 1.0 << u"ETA 0 s"_s;
}

void TestProgressReporter::eta() {
    QFETCH(qint64, elapsedMs);
    QFETCH(double, progress);
    QFETCH(QString, eta);
    Harness h(Style::Bar);
    h.now += elapsedMs;
    h.reporter.update(progress, someCounters());
    QVERIFY2(h.lastDraw().endsWith(u"  "_s + eta), qPrintable(h.lastDraw()));
}

void TestProgressReporter::styleFor_data() {
    QTest::addColumn<bool>("terminal");
    QTest::addColumn<QByteArray>("term"); // empty: unset
    QTest::addColumn<int>("style");
    QTest::newRow("pipe") << false << QByteArray("xterm-256color") << int(Style::Lines);
    QTest::newRow("terminal") << true << QByteArray("xterm-256color") << int(Style::Bar);
    QTest::newRow("dumb terminal") << true << QByteArray("dumb") << int(Style::Lines);
    QTest::newRow("terminal, TERM unset") << true << QByteArray() << int(Style::Bar);
}

void TestProgressReporter::styleFor() {
    QFETCH(bool, terminal);
    QFETCH(QByteArray, term);
    QFETCH(int, style);

    int fds[2] = {-1, -1};
    int fd = -1;
    int master = -1;
    if (terminal) {
        master = ::posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0)
            QSKIP("no pseudo-terminal available");
        fd = ::open(::ptsname(master), O_RDWR | O_NOCTTY);
        QVERIFY(fd >= 0);
    } else {
        QCOMPARE(::pipe(fds), 0);
        fd = fds[1];
    }
    const QByteArray savedTerm = qgetenv("TERM");
    const bool hadTerm = qEnvironmentVariableIsSet("TERM");
    if (term.isEmpty())
        qunsetenv("TERM");
    else
        qputenv("TERM", term);
    const Style got = ProgressReporter::styleFor(fd);
    if (hadTerm)
        qputenv("TERM", savedTerm);
    else
        qunsetenv("TERM");
    for (int f : {fd, fds[0], master})
        if (f >= 0)
            ::close(f);
    QCOMPARE(int(got), style);
}

QTEST_APPLESS_MAIN(TestProgressReporter)
#include "tst_progressreporter.moc"
