// SPDX-License-Identifier: GPL-3.0-or-later
// Memory-access traces: the swaptier trace v1 writer and reader (round trip, malformed input
// with byte offsets, I/O errors) and the valgrind lackey importer, line by line and on a real
// valgrind run of a tiny C program.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/trace.h"

#include <cerrno>
#include <set>
#include <vector>
#endif

using namespace swaptier;

namespace {

/// A scratch directory under $SWAPTIER_TEST_TMPDIR (set by ctest) or the system temp dir.
QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + QStringLiteral("/tst-trace-XXXXXX"));
    }
    return QTemporaryDir();
}

std::string pathIn(const QTemporaryDir& dir, const char* name) {
    return (dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
}

bool writeFile(const std::string& path, const QByteArray& bytes) {
    QFile f(QString::fromStdString(path));
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QString recordText(const TraceRecord& r) {
    return QStringLiteral("%1 %2 %3")
        .arg(QLatin1Char(accessKindLetter(r.kind)))
        .arg(QString::number(r.page, 16))
        .arg(r.id);
}

/// All records of a trace file; fails the test on any error.
std::vector<TraceRecord> readAllRecords(const std::string& path, bool* ok) {
    *ok = false;
    std::vector<TraceRecord> out;
    auto reader = TraceReader::open(path);
    if (!reader) {
        qWarning("open %s: %s", path.c_str(), errcName(reader.code()));
        return out;
    }
    for (;;) {
        auto rec = reader->next();
        if (!rec) {
            qWarning("next: %s at %llu", errcName(rec.code()), static_cast<unsigned long long>(rec.error().offset));
            return out;
        }
        if (!*rec)
            break;
        out.push_back(**rec);
    }
    *ok = true;
    return out;
}

const QByteArray kHeader = QByteArrayLiteral("swaptier-trace 1\npage-size 4096\nsource t\n");

} // namespace

class TstTrace : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void commentsBlanksAndLayout();
    void malformed_data();
    void malformed();
    void ioErrors();
    void lackeyLines_data();
    void lackeyLines();
    void lackeyRealRun();
};

void TstTrace::roundTrip_data() {
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("source");
    QTest::newRow("empty trace") << 0 << QString();
    QTest::newRow("one record") << 1 << QStringLiteral("hand written");
    QTest::newRow("source with newline") << 3 << QStringLiteral("two\nlines");
    QTest::newRow("many records") << 20000 << QStringLiteral("valgrind lackey /tmp/x.log");
}

void TstTrace::roundTrip() {
    QFETCH(int, count);
    QFETCH(QString, source);
    auto dir = makeScratchDir();
    QVERIFY(dir.isValid());
    const std::string path = pathIn(dir, "t.trace");

    std::vector<TraceRecord> written;
    for (int i = 0; i < count; ++i) {
        const auto u = static_cast<std::uint64_t>(i);
        TraceRecord r;
        r.page = i == 1 ? ~std::uint64_t{0} : i == 2 ? 0 : (u * 0x9E3779B97F4A7C15ull) >> (u % 40);
        r.kind = static_cast<AccessKind>(i % 3);
        r.id = i % 5 == 0 ? 0 : static_cast<std::uint32_t>(i) * 7919u;
        written.push_back(r);
    }
    {
        TraceHeader h;
        h.source = source.toStdString();
        auto w = TraceWriter::create(path, h);
        QVERIFY2(w.ok(), errcName(w.code()));
        for (const auto& r : written)
            QVERIFY(w->write(r).ok());
        QVERIFY(w->close().ok());
    }
    auto reader = TraceReader::open(path);
    QVERIFY2(reader.ok(), errcName(reader.code()));
    QCOMPARE(reader->header().version, 1);
    QCOMPARE(reader->header().pageSize, 4096u);
    QCOMPARE(QString::fromStdString(reader->header().source), QString(source).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    bool ok = false;
    const auto got = readAllRecords(path, &ok);
    QVERIFY(ok);
    QCOMPARE(got.size(), written.size());
    QVERIFY(got == written);
}

void TstTrace::commentsBlanksAndLayout() {
    auto dir = makeScratchDir();
    const std::string path = pathIn(dir, "t.trace");
    QVERIFY(writeFile(path, QByteArrayLiteral("swaptier-trace 1\r\npage-size\t4096\nsource\n"
                                              "# a comment\n\nR 1\r\n  W\tFF  7 \nM 0\n")));
    auto reader = TraceReader::open(path);
    QVERIFY2(reader.ok(), errcName(reader.code()));
    QCOMPARE(reader->header().source, std::string());
    bool ok = false;
    const auto got = readAllRecords(path, &ok);
    QVERIFY(ok);
    const std::vector<TraceRecord> expected{{1, AccessKind::Read, 0}, {0xff, AccessKind::Write, 7}, {0, AccessKind::Modify, 0}};
    QVERIFY(got == expected);
}

void TstTrace::malformed_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qulonglong>("offset");
    const auto h = qulonglong(kHeader.size());
    QTest::newRow("bad kind") << kHeader + "R 10\nX 1f\n" << h + 5;
    QTest::newRow("lower-case kind") << kHeader + "r 10\n" << h;
    QTest::newRow("bad hex") << kHeader + "W 1g\n" << h;
    QTest::newRow("0x prefix") << kHeader + "W 0x10\n" << h;
    QTest::newRow("hex too long") << kHeader + "R 12345678901234567\n" << h;
    QTest::newRow("negative page") << kHeader + "R -1\n" << h;
    QTest::newRow("missing page") << kHeader + "R 1\nW 2\nW\n" << h + 8;
    QTest::newRow("bad id") << kHeader + "R 1 x\n" << h;
    QTest::newRow("id overflow") << kHeader + "R 1 4294967296\n" << h;
    QTest::newRow("extra field") << kHeader + "R 1 2 3\n" << h;
    QTest::newRow("empty file") << QByteArray() << 0ull;
    QTest::newRow("garbage header") << QByteArrayLiteral("hello\n") << 0ull;
    QTest::newRow("wrong version") << QByteArrayLiteral("swaptier-trace 2\npage-size 4096\nsource\n") << 0ull;
    QTest::newRow("wrong page size") << QByteArrayLiteral("swaptier-trace 1\npage-size 65536\nsource\n") << 17ull;
    QTest::newRow("missing source") << QByteArrayLiteral("swaptier-trace 1\npage-size 4096\n") << 32ull;
    QTest::newRow("source glued to text") << QByteArrayLiteral("swaptier-trace 1\npage-size 4096\nsourcex\n") << 32ull;
}

void TstTrace::malformed() {
    QFETCH(QByteArray, content);
    QFETCH(qulonglong, offset);
    auto dir = makeScratchDir();
    const std::string path = pathIn(dir, "bad.trace");
    QVERIFY(writeFile(path, content));

    Error error;
    auto reader = TraceReader::open(path);
    if (!reader) {
        error = reader.error();
    } else {
        for (int i = 0; i < 100; ++i) {
            auto rec = reader->next();
            if (!rec) {
                error = rec.error();
                break;
            }
            QVERIFY2(rec->has_value(), "reached the end without an error");
        }
    }
    QCOMPARE(errcName(error.code), errcName(Errc::InvalidArgument));
    QCOMPARE(error.path, path);
    QCOMPARE(qulonglong(error.offset), offset);
}

void TstTrace::ioErrors() {
    auto dir = makeScratchDir();
    const std::string missing = pathIn(dir, "nope/missing.trace");

    auto reader = TraceReader::open(missing);
    QCOMPARE(errcName(reader.code()), errcName(Errc::IoError));
    QCOMPARE(reader.error().osError, ENOENT);
    QCOMPARE(reader.error().path, missing);

    auto writer = TraceWriter::create(missing, {});
    QCOMPARE(errcName(writer.code()), errcName(Errc::IoError));
    QCOMPARE(writer.error().osError, ENOENT);
    QCOMPARE(writer.error().path, missing);

    TraceHeader badHeader;
    badHeader.pageSize = 65536;
    QCOMPARE(errcName(TraceWriter::create(pathIn(dir, "x.trace"), badHeader).code()), errcName(Errc::InvalidArgument));

    // Importer: unreadable input and unwritable output both name their path.
    auto in = importLackey(missing, pathIn(dir, "out.trace"));
    QCOMPARE(errcName(in.code()), errcName(Errc::IoError));
    QCOMPARE(in.error().osError, ENOENT);
    QCOMPARE(in.error().path, missing);

    const std::string log = pathIn(dir, "lackey.log");
    QVERIFY(writeFile(log, " L 1000,4\n"));
    auto out = importLackey(log, missing);
    QCOMPARE(errcName(out.code()), errcName(Errc::IoError));
    QCOMPARE(out.error().osError, ENOENT);
    QCOMPARE(out.error().path, missing);

    if (QFileInfo::exists(QStringLiteral("/dev/full"))) {
        auto full = importLackey(log, "/dev/full");
        QCOMPARE(errcName(full.code()), errcName(Errc::IoError));
        QCOMPARE(full.error().osError, ENOSPC);
    }
}

void TstTrace::lackeyLines_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("instructions");
    QTest::addColumn<bool>("collapse");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<qulonglong>("other");
    QTest::addColumn<qulonglong>("malformed");
    const QStringList none;
    using L = QStringList;

    QTest::newRow("load") << QByteArray(" L BE801950,4\n") << false << true << L{"R be801 0"} << 0ull << 0ull;
    QTest::newRow("store") << QByteArray(" S BE80199C,4\n") << false << true << L{"W be801 0"} << 0ull << 0ull;
    QTest::newRow("modify") << QByteArray(" M 0025747C,1\n") << false << true << L{"M 257 0"} << 0ull << 0ull;
    QTest::newRow("instruction skipped") << QByteArray("I  0023C790,2\n") << false << true << none << 0ull << 0ull;
    QTest::newRow("instruction included") << QByteArray("I  0023C790,2\n") << true << true << L{"R 23c 0"} << 0ull << 0ull;
    QTest::newRow("64-bit address") << QByteArray(" L 7FFF0000ABCD1FF8,8\n") << false << true << L{"R 7fff0000abcd1 0"} << 0ull << 0ull;
    QTest::newRow("straddles a page") << QByteArray(" S 00000FFE,4\n") << false << true << L{"W 0 0", "W 1 0"} << 0ull << 0ull;
    QTest::newRow("ends on page end") << QByteArray(" L 00000FFC,4\n") << false << true << L{"R 0 0"} << 0ull << 0ull;
    QTest::newRow("CRLF and trailing blanks") << QByteArray(" L 1000,4  \r\n") << false << true << L{"R 1 0"} << 0ull << 0ull;
    QTest::newRow("valgrind message") << QByteArray("==123== Lackey, an example Valgrind tool\n") << false << true << none << 1ull << 0ull;
    QTest::newRow("pid becomes id") << QByteArray("==123== Command: ./a\n L 1000,4\n") << false << true << L{"R 1 123"} << 1ull << 0ull;
    QTest::newRow("program output") << QByteArray("hello world\n") << false << true << none << 1ull << 0ull;
    QTest::newRow("output starting with I") << QByteArray("I am output\n") << false << true << none << 1ull << 0ull;
    QTest::newRow("blank line") << QByteArray("\n") << false << true << none << 1ull << 0ull;
    QTest::newRow("bad hex") << QByteArray(" L ZZZ,4\n") << false << true << none << 0ull << 1ull;
    QTest::newRow("no size") << QByteArray(" L 1000\n") << false << true << none << 0ull << 1ull;
    QTest::newRow("size zero") << QByteArray(" S 1000,0\n") << false << true << none << 0ull << 1ull;
    QTest::newRow("size too big") << QByteArray(" S 1000,99999\n") << false << true << none << 0ull << 1ull;
    QTest::newRow("address wraps") << QByteArray(" S FFFFFFFFFFFFFFFF,2\n") << false << true << none << 0ull << 1ull;
    QTest::newRow("truncated last line") << QByteArray(" L 10") << false << true << none << 0ull << 1ull;
    QTest::newRow("repeats collapsed")
        << QByteArray(" L 1000,4\n L 1004,4\n S 1008,4\n L 100c,4\n L 2000,4\n") << false << true
        << L{"R 1 0", "W 1 0", "R 1 0", "R 2 0"} << 0ull << 0ull;
    QTest::newRow("repeats kept")
        << QByteArray(" L 1000,4\n L 1004,4\n S 1008,4\n L 100c,4\n L 2000,4\n") << false << false
        << L{"R 1 0", "R 1 0", "W 1 0", "R 1 0", "R 2 0"} << 0ull << 0ull;
}

void TstTrace::lackeyLines() {
    QFETCH(QByteArray, input);
    QFETCH(bool, instructions);
    QFETCH(bool, collapse);
    QFETCH(QStringList, expected);
    QFETCH(qulonglong, other);
    QFETCH(qulonglong, malformed);
    auto dir = makeScratchDir();
    const std::string log = pathIn(dir, "lackey.log");
    const std::string out = pathIn(dir, "out.trace");
    QVERIFY(writeFile(log, input));

    LackeyImportOptions o;
    o.includeInstructions = instructions;
    o.collapseRepeats = collapse;
    auto stats = importLackey(log, out, o);
    QVERIFY2(stats.ok(), errcName(stats.code()));
    QCOMPARE(qulonglong(stats->lines), qulonglong(input.count('\n') + (input.endsWith('\n') ? 0 : 1)));
    QCOMPARE(qulonglong(stats->otherLines), other);
    QCOMPARE(qulonglong(stats->malformedLines), malformed);
    QCOMPARE(qulonglong(stats->recordsWritten), qulonglong(expected.size()));

    bool ok = false;
    const auto records = readAllRecords(out, &ok);
    QVERIFY(ok);
    QStringList got;
    std::set<std::uint64_t> pages;
    for (const auto& r : records) {
        got << recordText(r);
        pages.insert(r.page);
    }
    QCOMPARE(got, expected);
    QCOMPARE(qulonglong(stats->distinctPages), qulonglong(pages.size()));
}

void TstTrace::lackeyRealRun() {
    const QString cc = QStandardPaths::findExecutable(QStringLiteral("cc"));
    const QString valgrind = QStandardPaths::findExecutable(QStringLiteral("valgrind"));
    if (cc.isEmpty())
        QSKIP("no C compiler 'cc' in PATH: cannot build the traced program");
    if (valgrind.isEmpty())
        QSKIP("valgrind is not installed: the lackey import of a real program is not tested");

    auto dir = makeScratchDir();
    QVERIFY(dir.isValid());
    const std::string src = pathIn(dir, "writer.c");
    const std::string prog = pathIn(dir, "writer");
    const std::string log = pathIn(dir, "lackey.log");
    const std::string out = pathIn(dir, "writer.trace");
    // Writes a 64 KiB heap buffer byte by byte (16+ pages), then reads every 64th byte.
    QVERIFY(writeFile(src, QByteArrayLiteral(
        "#include <stdlib.h>\n"
        "int main(void) {\n"
        "    volatile char *buf = malloc(65536);\n"
        "    if (!buf) return 2;\n"
        "    for (int i = 0; i < 65536; ++i) buf[i] = (char)i;\n"
        "    unsigned sum = 0;\n"
        "    for (int i = 0; i < 65536; i += 64) sum += (unsigned char)buf[i];\n"
        "    free((void *)buf);\n"
        "    return sum == 1u ? 1 : 0;\n"
        "}\n")));

    QProcess build;
    build.start(cc, {QStringLiteral("-O1"), QStringLiteral("-o"), QString::fromStdString(prog), QString::fromStdString(src)});
    QVERIFY2(build.waitForFinished(120000), "cc did not finish");
    QVERIFY2(build.exitStatus() == QProcess::NormalExit && build.exitCode() == 0, build.readAllStandardError().constData());

    QProcess run;
    run.start(valgrind, {QStringLiteral("--tool=lackey"), QStringLiteral("--trace-mem=yes"),
                         QStringLiteral("--log-file=") + QString::fromStdString(log), QString::fromStdString(prog)});
    QVERIFY2(run.waitForFinished(300000), "valgrind did not finish");
    QVERIFY2(run.exitStatus() == QProcess::NormalExit && run.exitCode() == 0, run.readAllStandardError().constData());

    auto stats = importLackey(log, out);
    QVERIFY2(stats.ok(), errcName(stats.code()));
    qInfo("lackey: %llu lines, %llu I, %llu L, %llu S, %llu M, %llu records, %llu pages, %llu other, %llu malformed",
          static_cast<unsigned long long>(stats->lines), static_cast<unsigned long long>(stats->instructionFetches),
          static_cast<unsigned long long>(stats->loads), static_cast<unsigned long long>(stats->stores),
          static_cast<unsigned long long>(stats->modifies), static_cast<unsigned long long>(stats->recordsWritten),
          static_cast<unsigned long long>(stats->distinctPages), static_cast<unsigned long long>(stats->otherLines),
          static_cast<unsigned long long>(stats->malformedLines));
    QVERIFY(stats->loads > 0);
    QVERIFY(stats->stores >= 65536);
    QVERIFY(stats->instructionFetches > 0);
    QVERIFY(stats->otherLines > 0); // valgrind's ==PID== banner
    QCOMPARE(stats->malformedLines, std::uint64_t{0});
    QVERIFY(stats->recordsWritten > 0);
    // Collapsing: 64 Ki consecutive byte stores to 16 pages must not produce 64 Ki records.
    QVERIFY(stats->recordsWritten < stats->loads + stats->stores + stats->modifies);

    bool ok = false;
    const auto records = readAllRecords(out, &ok);
    QVERIFY(ok);
    QCOMPARE(qulonglong(records.size()), qulonglong(stats->recordsWritten));
    std::set<std::uint64_t> written;
    std::set<std::uint64_t> all;
    std::set<std::uint32_t> ids;
    for (const auto& r : records) {
        all.insert(r.page);
        ids.insert(r.id);
        if (r.kind != AccessKind::Read)
            written.insert(r.page);
    }
    QCOMPARE(qulonglong(all.size()), qulonglong(stats->distinctPages));
    QVERIFY2(written.size() >= 16, qPrintable(QStringLiteral("%1 written pages").arg(written.size())));
    // Every access comes after valgrind's banner, so all records carry the traced PID.
    QCOMPARE(ids.size(), std::size_t{1});
    QVERIFY(*ids.begin() != 0);
}

QTEST_APPLESS_MAIN(TstTrace)
#include "tst_trace.moc"
