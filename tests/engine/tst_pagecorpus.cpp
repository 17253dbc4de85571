// SPDX-License-Identifier: GPL-3.0-or-later
// PageCorpus / PageMix / WorkloadProcess: real page contents are deterministic, have the
// configured class shares, look like what they claim (text printable, random incompressible),
// report unreadable files as error values naming the path, and heap capture reads a real
// child process (skipped, loudly, where ptrace access is denied).
// moc (Qt 6.4) cannot parse GCC 12's <concepts>, which the engine headers pull in through
// <compare>: keep them out of moc's sight.
#ifndef Q_MOC_RUN
#include "swaptier/pagecorpus.h"
#endif

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>

using namespace swaptier;
using namespace Qt::StringLiterals;

namespace {

using PageBuf = std::array<std::byte, kPageSize>;

std::array<unsigned, 256> histogram(const PageBuf& page) {
    std::array<unsigned, 256> h{};
    for (std::byte b : page)
        ++h[static_cast<unsigned char>(b)];
    return h;
}

double entropyBitsPerByte(const PageBuf& page) {
    const auto h = histogram(page);
    double e = 0;
    for (unsigned n : h) {
        if (n == 0)
            continue;
        const double p = double(n) / double(kPageSize);
        e -= p * std::log2(p);
    }
    return e;
}

double chiSquareUniform(const PageBuf& page) {
    const auto h = histogram(page);
    const double expected = double(kPageSize) / 256.0;
    double chi = 0;
    for (unsigned n : h)
        chi += (double(n) - expected) * (double(n) - expected) / expected;
    return chi;
}

double printableFraction(const PageBuf& page) {
    std::size_t n = 0;
    for (std::byte b : page) {
        const auto c = static_cast<unsigned char>(b);
        n += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r' ? 1 : 0;
    }
    return double(n) / double(kPageSize);
}

bool allZero(const PageBuf& page) {
    return std::all_of(page.begin(), page.end(), [](std::byte b) { return b == std::byte{0}; });
}

MixShares sharesFrom(const QString& spec) {
    const auto s = MixShares::parse(spec.toStdString());
    return s ? *s : MixShares{};
}

} // namespace

class TestPageCorpus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void classNames();
    void parseShares_data();
    void parseShares();

    void defaultCorpusLoads();
    void corpusLoadIsDeterministic();
    void determinism_data();
    void determinism();
    void shares_data();
    void shares();
    void emptyClassesAreDropped();
    void textPagesArePrintable();
    void randomPagesLookIncompressible();
    void zeroPagesStayZero();
    void variationMakesRepeatsDiffer();

    void fromFiles_data();
    void fromFiles();

    void parseMaps_data();
    void parseMaps();
    void captureHeapOfChild();
    void captureHeapOfMissingProcess();

private:
    PageCorpus m_corpus;     // the Debian default corpus
    PageCorpus m_synthetic;  // every corpus class present, tiny
    QTemporaryDir m_tmp;
};

void TestPageCorpus::initTestCase() {
    CorpusOptions options;
    options.maxTextPages = 1024;
    options.maxBinaryPages = 1024;
    auto corpus = PageCorpus::load(options);
    QVERIFY2(corpus.ok(), errcName(corpus.code()));
    m_corpus = std::move(corpus.value());

    PageBuf page{};
    for (unsigned i = 0; i < 8; ++i) {
        page.fill(std::byte(i + 1));
        QVERIFY(m_synthetic.addPage(PageClass::Text, page).ok());
        QVERIFY(m_synthetic.addPage(PageClass::Binary, page).ok());
        QVERIFY(m_synthetic.addPage(PageClass::Heap, page).ok());
    }
    QCOMPARE(m_synthetic.addPage(PageClass::Random, page).code(), Errc::InvalidArgument);
    QVERIFY(m_tmp.isValid());
}

void TestPageCorpus::classNames() {
    QStringList names;
    for (PageClass c : kAllPageClasses) {
        const char* name = pageClassName(c);
        names << QString::fromLatin1(name);
        QCOMPARE(pageClassFromName(name), std::optional<PageClass>(c));
    }
    QCOMPARE(names, QStringList({u"zero"_s, u"text"_s, u"binary"_s, u"random"_s, u"heap"_s}));
    QVERIFY(!pageClassFromName("Text"));
}

void TestPageCorpus::parseShares_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("default mix") << u"zero=20,text=40,binary=25,random=15"_s << true
                                 << u"zero=20,text=40,binary=25,random=15,heap=0"_s;
    QTest::newRow("one class") << u"text=1"_s << true << u"zero=0,text=1,binary=0,random=0,heap=0"_s;
    QTest::newRow("heap") << u"heap=70,zero=30"_s << true << u"zero=30,text=0,binary=0,random=0,heap=70"_s;
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("all zero weights") << u"text=0"_s << false << QString();
    QTest::newRow("unknown class") << u"text=10,video=5"_s << false << QString();
    QTest::newRow("missing value") << u"text="_s << false << QString();
    QTest::newRow("negative") << u"text=-1"_s << false << QString();
    QTest::newRow("not a number") << u"text=ten"_s << false << QString();
    QTest::newRow("no equals sign") << u"text"_s << false << QString();
    QTest::newRow("trailing comma") << u"text=1,"_s << false << QString();
}

void TestPageCorpus::parseShares() {
    QFETCH(QString, spec);
    QFETCH(bool, ok);
    QFETCH(QString, normalized);
    const auto shares = MixShares::parse(spec.toStdString());
    QCOMPARE(shares.has_value(), ok);
    if (ok)
        QCOMPARE(QString::fromStdString(shares->toString()), normalized);
}

void TestPageCorpus::defaultCorpusLoads() {
    // A Debian system has licences and shared libraries: both classes must be present.
    QVERIFY2(!PageCorpus::defaultTextFiles().empty(), "no default text files found");
    QVERIFY2(!PageCorpus::defaultBinaryFiles().empty(), "no default shared libraries found");
    QCOMPARE(m_corpus.pageCount(PageClass::Text), std::size_t{1024});
    QCOMPARE(m_corpus.pageCount(PageClass::Binary), std::size_t{1024});
    QCOMPARE(m_corpus.pageCount(PageClass::Heap), std::size_t{0});
    QCOMPARE(m_corpus.pageCount(PageClass::Zero), std::size_t{0});
    QCOMPARE(m_corpus.totalPages(), std::size_t{2048});
    // Binary pages start with ELF headers where a window starts at page 0; at least some do.
    std::size_t elf = 0;
    for (std::size_t i = 0; i < m_corpus.pageCount(PageClass::Binary); ++i)
        elf += std::memcmp(m_corpus.page(PageClass::Binary, i).data(), "\177ELF", 4) == 0 ? 1 : 0;
    QVERIFY(elf > 0);
}

void TestPageCorpus::corpusLoadIsDeterministic() {
    CorpusOptions options;
    options.maxTextPages = 64;
    options.maxBinaryPages = 64;
    options.seed = 7;
    auto a = PageCorpus::load(options);
    auto b = PageCorpus::load(options);
    options.seed = 8;
    auto c = PageCorpus::load(options);
    QVERIFY(a && b && c);
    bool differs = false;
    for (PageClass cls : {PageClass::Text, PageClass::Binary}) {
        QCOMPARE(a->pageCount(cls), b->pageCount(cls));
        for (std::size_t i = 0; i < a->pageCount(cls); ++i) {
            QVERIFY(std::memcmp(a->page(cls, i).data(), b->page(cls, i).data(), kPageSize) == 0);
            differs = differs || std::memcmp(a->page(cls, i).data(), c->page(cls, i).data(), kPageSize) != 0;
        }
    }
    QVERIFY2(differs, "another seed should pick other files or windows");
}

void TestPageCorpus::determinism_data() {
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<QString>("shares");
    QTest::newRow("seed 1, default mix") << quint64(1) << u"zero=20,text=40,binary=25,random=15"_s;
    QTest::newRow("seed 42, default mix") << quint64(42) << u"zero=20,text=40,binary=25,random=15"_s;
    QTest::newRow("seed 0, random only") << quint64(0) << u"random=1"_s;
    QTest::newRow("huge seed, text only") << quint64(~0ull) << u"text=1"_s;
}

void TestPageCorpus::determinism() {
    QFETCH(quint64, seed);
    QFETCH(QString, shares);
    const PageMix a(m_corpus, sharesFrom(shares), seed);
    const PageMix b(m_corpus, sharesFrom(shares), seed);
    const PageMix other(m_corpus, sharesFrom(shares), seed + 1);
    PageBuf pa{}, pb{}, po{};
    std::size_t differentFromOtherSeed = 0;
    for (std::uint64_t index : {0ull, 1ull, 2ull, 3ull, 1000ull, 123456789ull, ~0ull}) {
        QCOMPARE(a.fill(pa, index), b.fill(pb, index));
        QVERIFY(pa == pb);
        // Filling again (after other pages) gives the same bytes: no hidden state.
        a.fill(po, index + 1);
        QCOMPARE(a.fill(po, index), a.classOf(index));
        QVERIFY(po == pa);
        other.fill(po, index);
        differentFromOtherSeed += po != pa ? 1 : 0;
    }
    QVERIFY(differentFromOtherSeed >= 4);
}

void TestPageCorpus::shares_data() {
    QTest::addColumn<QString>("shares");
    QTest::newRow("default 20/40/25/15") << u"zero=20,text=40,binary=25,random=15"_s;
    QTest::newRow("text only") << u"text=1"_s;
    QTest::newRow("zero and random halves") << u"zero=50,random=50"_s;
    QTest::newRow("all five classes") << u"zero=10,text=30,binary=20,random=10,heap=30"_s;
    QTest::newRow("rare class 1%") << u"zero=1,text=99"_s;
}

void TestPageCorpus::shares() {
    QFETCH(QString, shares);
    const MixShares wanted = sharesFrom(shares);
    const PageMix mix(m_synthetic, wanted, 2024);
    constexpr unsigned kPages = 10000;
    std::array<unsigned, kPageClassCount> seen{};
    PageBuf page{};
    for (unsigned i = 0; i < kPages; ++i) {
        const PageClass c = mix.fill(page, i);
        QCOMPARE(c, mix.classOf(i));
        ++seen[std::size_t(c)];
    }
    for (PageClass c : kAllPageClasses) {
        const double got = double(seen[std::size_t(c)]) / kPages;
        const double want = wanted.fraction(c);
        // 2 percentage points is >4 standard deviations of a binomial share at n = 10k.
        QVERIFY2(std::abs(got - want) <= 0.02,
                 qPrintable(u"%1: %2 observed, %3 wanted"_s.arg(QLatin1String(pageClassName(c))).arg(got).arg(want)));
        if (want == 0)
            QCOMPARE(seen[std::size_t(c)], 0u);
    }
}

void TestPageCorpus::emptyClassesAreDropped() {
    const PageMix mix(m_corpus, sharesFrom(u"zero=10,text=10,heap=80"_s), 3); // no heap captured
    QCOMPARE(mix.shares()[PageClass::Heap], 0u);
    QCOMPARE(mix.shares()[PageClass::Text], 10u);
    PageBuf page{};
    for (unsigned i = 0; i < 500; ++i)
        QVERIFY(mix.fill(page, i) != PageClass::Heap);

    const PageCorpus empty;
    const PageMix nothing(empty, sharesFrom(u"text=1"_s), 3);
    QCOMPARE(nothing.fill(page, 9), PageClass::Zero);
    QVERIFY(allZero(page));
}

void TestPageCorpus::textPagesArePrintable() {
    const PageMix mix(m_corpus, sharesFrom(u"text=1"_s), 5);
    PageBuf page{};
    double sum = 0;
    double entropy = 0;
    unsigned low = 0;
    constexpr unsigned kPages = 2000;
    for (unsigned i = 0; i < kPages; ++i) {
        QCOMPARE(mix.fill(page, i), PageClass::Text);
        const double f = printableFraction(page);
        sum += f;
        entropy += entropyBitsPerByte(page);
        low += f < 0.8 ? 1 : 0;
    }
    QVERIFY2(sum / kPages >= 0.95, qPrintable(u"mean printable fraction %1"_s.arg(sum / kPages)));
    QVERIFY2(low <= kPages / 100, qPrintable(u"%1 text pages below 80% printable"_s.arg(low)));
    QVERIFY2(entropy / kPages < 6.0, qPrintable(u"text entropy %1 bits/byte"_s.arg(entropy / kPages)));
}

void TestPageCorpus::randomPagesLookIncompressible() {
    const PageMix mix(m_corpus, sharesFrom(u"random=1"_s), 11);
    PageBuf page{};
    PageBuf previous{};
    for (unsigned i = 0; i < 1000; ++i) {
        QCOMPARE(mix.fill(page, i), PageClass::Random);
        // 255 degrees of freedom: mean 255, sd 22.6; 400 is ~6.4 sd.
        const double chi = chiSquareUniform(page);
        QVERIFY2(chi < 400, qPrintable(u"page %1: chi-square %2"_s.arg(i).arg(chi)));
        QVERIFY(entropyBitsPerByte(page) > 7.9);
        QVERIFY(page != previous);
        previous = page;
    }
    // Binary pages, for contrast, are far from uniform.
    const PageMix binary(m_corpus, sharesFrom(u"binary=1"_s), 11);
    double chi = 0;
    for (unsigned i = 0; i < 200; ++i) {
        binary.fill(page, i);
        chi += chiSquareUniform(page);
    }
    QVERIFY(chi / 200 > 1000);
}

void TestPageCorpus::zeroPagesStayZero() {
    const PageMix mix(m_corpus, sharesFrom(u"zero=1"_s), 13, /*variation=*/true);
    PageBuf page{};
    page.fill(std::byte{0x5A});
    for (unsigned i = 0; i < 100; ++i) {
        QCOMPARE(mix.fill(page, i), PageClass::Zero);
        QVERIFY(allZero(page));
    }
}

void TestPageCorpus::variationMakesRepeatsDiffer() {
    // A corpus of one text page: every index copies it, variation must make them differ.
    PageCorpus one;
    PageBuf text{};
    for (std::size_t i = 0; i < kPageSize; ++i)
        text[i] = std::byte("lorem ipsum dolor sit amet "[i % 27]);
    QVERIFY(one.addPage(PageClass::Text, text).ok());
    QVERIFY(one.addPage(PageClass::Binary, text).ok());
    for (const char* spec : {"text=1", "binary=1"}) {
        const PageMix varied(one, sharesFrom(QString::fromLatin1(spec)), 1, true);
        const PageMix plain(one, sharesFrom(QString::fromLatin1(spec)), 1, false);
        PageBuf a{}, b{};
        varied.fill(a, 1);
        varied.fill(b, 2);
        QVERIFY(a != b);
        QVERIFY(a != text);
        std::size_t changed = 0;
        for (std::size_t i = 0; i < kPageSize; ++i)
            changed += a[i] != text[i] ? 1 : 0;
        QVERIFY2(changed <= 8, "variation changes a few bytes, not the page");
        plain.fill(a, 1);
        QVERIFY(a == text);
        if (std::strcmp(spec, "text=1") == 0)
            QCOMPARE(printableFraction(b), 1.0);
    }
}

void TestPageCorpus::fromFiles_data() {
    QTest::addColumn<QStringList>("files");  // names in the temp dir; "." is the directory itself
    QTest::addColumn<int>("maxPages");
    QTest::addColumn<int>("expectErrno");    // 0: success
    QTest::addColumn<QString>("failingFile");
    QTest::addColumn<int>("textPages");
    QTest::addColumn<int>("binaryPages");
    QTest::newRow("missing file") << QStringList{u"no-such-file"_s} << 10 << ENOENT << u"no-such-file"_s << 0 << 0;
    QTest::newRow("missing after a good one")
        << QStringList{u"text-10k.txt"_s, u"gone.bin"_s} << 10 << ENOENT << u"gone.bin"_s << 0 << 0;
    QTest::newRow("missing beyond maxPages")
        << QStringList{u"text-10k.txt"_s, u"gone.bin"_s} << 1 << ENOENT << u"gone.bin"_s << 0 << 0;
    QTest::newRow("directory") << QStringList{u"."_s} << 10 << EISDIR << u"."_s << 0 << 0;
    QTest::newRow("empty file") << QStringList{u"empty"_s} << 10 << 0 << QString() << 0 << 0;
    QTest::newRow("text, tail padded") << QStringList{u"text-10k.txt"_s} << 10 << 0 << QString() << 3 << 0;
    QTest::newRow("text capped") << QStringList{u"text-10k.txt"_s} << 2 << 0 << QString() << 2 << 0;
    QTest::newRow("binary") << QStringList{u"blob-3p.bin"_s} << 10 << 0 << QString() << 0 << 3;
    QTest::newRow("text and binary")
        << QStringList{u"blob-3p.bin"_s, u"text-10k.txt"_s} << 10 << 0 << QString() << 3 << 3;
    QTest::newRow("both capped") << QStringList{u"blob-3p.bin"_s, u"text-10k.txt"_s} << 4 << 0 << QString() << 1
                                 << 3;
}

void TestPageCorpus::fromFiles() {
    QFETCH(QStringList, files);
    QFETCH(int, maxPages);
    QFETCH(int, expectErrno);
    QFETCH(QString, failingFile);
    QFETCH(int, textPages);
    QFETCH(int, binaryPages);

    const QDir dir(m_tmp.path());
    {
        QFile text(dir.filePath(u"text-10k.txt"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        for (int i = 0; text.size() < 10000; ++i)
            text.write(QByteArrayLiteral("The quick brown fox jumps over the lazy dog. ") + QByteArray::number(i)
                       + '\n');
        QFile blob(dir.filePath(u"blob-3p.bin"_s));
        QVERIFY(blob.open(QIODevice::WriteOnly));
        QByteArray bytes(3 * 4096, '\0');
        for (int i = 0; i < bytes.size(); i += 7)
            bytes[i] = char(i * 31);
        blob.write(bytes);
        QFile empty(dir.filePath(u"empty"_s));
        QVERIFY(empty.open(QIODevice::WriteOnly));
    }

    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(QDir::cleanPath(dir.filePath(f)).toStdString());
    auto corpus = PageCorpus::fromFiles(paths, std::size_t(maxPages));
    if (expectErrno != 0) {
        QVERIFY(!corpus.ok());
        QCOMPARE(corpus.code(), Errc::IoError);
        QCOMPARE(corpus.error().osError, expectErrno);
        QCOMPARE(QString::fromStdString(corpus.error().path), QDir::cleanPath(dir.filePath(failingFile)));
        return;
    }
    QVERIFY2(corpus.ok(), errcName(corpus.code()));
    QCOMPARE(corpus->pageCount(PageClass::Text), std::size_t(textPages));
    QCOMPARE(corpus->pageCount(PageClass::Binary), std::size_t(binaryPages));
    if (textPages > 0) {
        const ConstPage first = corpus->page(PageClass::Text, 0);
        QVERIFY(std::memcmp(first.data(), "The quick brown fox", 19) == 0);
    }
}

void TestPageCorpus::parseMaps_data() {
    QTest::addColumn<QString>("maps");
    QTest::addColumn<int>("regions");
    QTest::addColumn<int>("anonymousWritable");
    QTest::addColumn<quint64>("firstStart");
    QTest::newRow("heap") << u"55d0c7a00000-55d0c7a21000 rw-p 00000000 00:00 0                          [heap]\n"_s
                          << 1 << 1 << quint64(0x55d0c7a00000);
    QTest::newRow("anonymous rw-p") << u"7f0000000000-7f0000100000 rw-p 00000000 00:00 0 \n"_s << 1 << 1
                                    << quint64(0x7f0000000000);
    QTest::newRow("library, stack, vdso")
        << u"7f1e2a400000-7f1e2a426000 r--p 00000000 fe:01 1837  /usr/lib/x86_64-linux-gnu/libc.so.6\n"
           "7f1e2a5f0000-7f1e2a5f4000 rw-p 001f0000 fe:01 1837  /usr/lib/x86_64-linux-gnu/libc.so.6\n"
           "7ffd5c9d1000-7ffd5c9f2000 rw-p 00000000 00:00 0      [stack]\n"
           "7ffd5c9f8000-7ffd5c9fc000 r--p 00000000 00:00 0      [vvar]\n"
           "7ffd5c9fc000-7ffd5c9fe000 r-xp 00000000 00:00 0      [vdso]\n"_s
        << 5 << 0 << quint64(0x7f1e2a400000);
    QTest::newRow("shared and read-only anonymous")
        << u"7f0000000000-7f0000001000 rw-s 00000000 00:01 5 /dev/zero (deleted)\n"
           "7f0000002000-7f0000003000 r--p 00000000 00:00 0\n"
           "7f0000004000-7f0000008000 ---p 00000000 00:00 0\n"_s
        << 3 << 0 << quint64(0x7f0000000000);
    QTest::newRow("malformed lines skipped")
        << u"garbage\n\nzz-10 rw-p 0 0 0\n2000-1000 rw-p 0 00:00 0\n1000-3000 rw-p 00000000 00:00 0"_s << 1 << 1
        << quint64(0x1000);
    QTest::newRow("name with spaces")
        << u"1000-2000 rw-p 00000000 08:01 42     /tmp/a file with spaces\n"_s << 1 << 0 << quint64(0x1000);
    QTest::newRow("empty") << QString() << 0 << 0 << quint64(0);
}

void TestPageCorpus::parseMaps() {
    QFETCH(QString, maps);
    QFETCH(int, regions);
    QFETCH(int, anonymousWritable);
    QFETCH(quint64, firstStart);
    const std::string text = maps.toStdString();
    const auto parsed = parseMemoryMaps(text);
    QCOMPARE(int(parsed.size()), regions);
    QCOMPARE(
        int(std::count_if(parsed.begin(), parsed.end(), [](const MemoryRegion& r) { return r.isAnonymousWritable(); })),
        anonymousWritable);
    if (!parsed.empty()) {
        QCOMPARE(quint64(parsed.front().start), firstStart);
        QVERIFY(parsed.front().end > parsed.front().start);
    }
    if (maps.contains(u"spaces"_s))
        QCOMPARE(QString::fromStdString(parsed.front().name), u"/tmp/a file with spaces"_s);
}

void TestPageCorpus::captureHeapOfChild() {
    auto proc = WorkloadProcess::startPython({}, 24, 120000);
    if (!proc.ok() && proc.error().osError == ENOENT)
        QSKIP("python3 is not installed: cannot start the heap workload process");
    QVERIFY2(proc.ok(), qPrintable(u"starting python3 failed: %1 (errno %2)"_s.arg(QLatin1String(errcName(proc.code())))
                                       .arg(proc.ok() ? 0 : proc.error().osError)));
    QVERIFY((*proc)->pid() > 0);
    QVERIFY((*proc)->reportedBytes() >= 24ull << 20);

    PageCorpus corpus;
    HeapCaptureOptions options;
    options.maxPages = 2048;
    auto captured = corpus.captureHeap((*proc)->pid(), options);
    if (!captured.ok()) {
        const int err = captured.error().osError;
        if (err == EPERM || err == EACCES || err == ENOSYS)
            QSKIP(qPrintable(u"SKIPPED LOUDLY: reading another process's memory is not permitted here "
                             "(process_vm_readv and %1 failed: %2). Heap capture needs ptrace read access "
                             "(same uid and yama ptrace_scope 0, or CAP_SYS_PTRACE; Docker's default seccomp "
                             "profile denies process_vm_readv)."_s.arg(QString::fromStdString(captured.error().path),
                                                                       QString::fromLocal8Bit(std::strerror(err)))));
        QFAIL(qPrintable(u"capture failed: %1 errno %2 path %3"_s.arg(QLatin1String(errcName(captured.code())))
                             .arg(err)
                             .arg(QString::fromStdString(captured.error().path))));
    }
    QCOMPARE(*captured, corpus.pageCount(PageClass::Heap));
    QVERIFY2(*captured >= 1024, qPrintable(u"only %1 heap pages"_s.arg(*captured)));
    QVERIFY(*captured <= options.maxPages);

    // Real heap contents: no zero page (skipped), and the workload's sentences are in there.
    std::size_t withText = 0;
    PageBuf page{};
    for (std::size_t i = 0; i < *captured; ++i) {
        const ConstPage p = corpus.page(PageClass::Heap, i);
        std::copy(p.begin(), p.end(), page.begin());
        QVERIFY(!allZero(page));
        const std::string_view bytes(reinterpret_cast<const char*>(p.data()), kPageSize);
        withText += bytes.find(" the ") != std::string_view::npos ? 1 : 0;
    }
    QVERIFY2(withText * 100 >= *captured, qPrintable(u"%1 of %2 heap pages hold text"_s.arg(withText).arg(*captured)));

    // The pages feed a mix like any other class.
    const PageMix mix(corpus, sharesFrom(u"heap=1"_s), 1);
    QCOMPARE(mix.fill(page, 77), PageClass::Heap);
}

void TestPageCorpus::captureHeapOfMissingProcess() {
    PageCorpus corpus;
    const pid_t pid = 0x3FFFFFFF; // above any pid_max
    auto captured = corpus.captureHeap(pid);
    QVERIFY(!captured.ok());
    QCOMPARE(captured.code(), Errc::IoError);
    QCOMPARE(captured.error().osError, ENOENT);
    QCOMPARE(QString::fromStdString(captured.error().path), u"/proc/%1/maps"_s.arg(pid));
    QCOMPARE(corpus.captureHeap(0).code(), Errc::InvalidArgument);
    QCOMPARE(corpus.totalPages(), std::size_t{0});
}

QTEST_APPLESS_MAIN(TestPageCorpus)
#include "tst_pagecorpus.moc"
