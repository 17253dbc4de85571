// SPDX-License-Identifier: GPL-3.0-or-later
// Page codecs (engine/src/codec): every codec round-trips real text, binary, zero and random
// pages at its levels; output never exceeds dstCapacity (0 when it does not fit); and any
// damaged input - truncated, bit-flipped, overwritten, extended, or plain garbage - yields
// CorruptData or a page, never a crash or a write outside the page.
// moc (Qt 6.4) cannot parse <compare>, which swaptier/ids.h includes, in this build's predefined
// C++ mode; the test class needs none of these declarations.
#ifndef Q_MOC_RUN
#include "codec/codec.h"
#endif

#include "pagefixtures.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

using namespace swaptier;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(swaptier::Codec)

namespace {

using test::Page;
using test::binaryPages;
using test::randomPage;
using test::textPages;

/// A short repeating record, like an array of small structs.
Page patternPage() {
    Page p;
    for (std::size_t i = 0; i < kPageSize; ++i)
        p[i] = std::byte((i % 24) * 7 + (i / 24) % 3);
    return p;
}

std::vector<Page> pagesOfKind(const QString& kind, std::size_t maxPages) {
    if (kind == u"zero"_s)
        return {Page{}};
    if (kind == u"text"_s)
        return textPages(maxPages);
    if (kind == u"binary"_s)
        return binaryPages(maxPages);
    if (kind == u"pattern"_s)
        return {patternPage()};
    std::vector<Page> pages;
    for (std::size_t i = 0; i < std::min<std::size_t>(maxPages, 16); ++i)
        pages.push_back(randomPage(1000 + i));
    return pages;
}

// --- guarded decompression -------------------------------------------------------------------

/// Decompresses from an exactly sized heap copy of src (so a sanitizer sees any over-read)
/// into a page followed by a canary zone; fails the test if the canary changed.
struct GuardedOutput {
    static constexpr std::size_t kCanary = 256;
    std::vector<std::byte> buffer = std::vector<std::byte>(kPageSize + kCanary, std::byte{0xA5});

    Status decompress(Codec codec, const std::vector<std::byte>& src) {
        std::fill(buffer.begin() + kPageSize, buffer.end(), std::byte{0xA5});
        const std::vector<std::byte> exact(src);
        return codec::decompressPage(codec, exact.data(), exact.size(), buffer.data());
    }
    bool canaryIntact() const {
        return std::all_of(buffer.begin() + kPageSize, buffer.end(), [](std::byte b) { return b == std::byte{0xA5}; });
    }
    bool equals(const Page& page) const { return std::memcmp(buffer.data(), page.data(), kPageSize) == 0; }
};

std::vector<std::byte> compressed(Codec codec, int level, const Page& page) {
    std::vector<std::byte> out(codec::compressBound(codec));
    out.resize(codec::compressPage(codec, level, page.data(), out.data(), out.size()));
    return out;
}

} // namespace

class TstCodec : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void incompressibleWithinPage_data();
    void incompressibleWithinPage();
    void boundedOutput_data();
    void boundedOutput();
    void levels();
    void rawCodec();
    void damagedInput_data();
    void damagedInput();
    void perThreadContexts();
};

void TstCodec::roundTrip_data() {
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("minRatio"); // uncompressed / compressed over the set, 0: no check

    struct CodecLevel {
        const char* name;
        Codec codec;
        int level;
    };
    const CodecLevel codecs[] = {{"lz4", Codec::Lz4, 0},          {"lzo", Codec::Lzo, 0},
                                 {"zstd-5", Codec::Zstd, -5},     {"zstd1", Codec::Zstd, 1},
                                 {"zstd3", Codec::Zstd, 3},       {"zstd19", Codec::Zstd, 19}};
    for (const CodecLevel& c : codecs) {
        // Text compresses ~2x and binary ~1.8x (reference/limits.md); the floors leave room for
        // this machine's corpus and for zstd's fastest negative levels (~1.2x on libc's code).
        QTest::addRow("%s/zero", c.name) << c.codec << c.level << u"zero"_s << 40.0;
        QTest::addRow("%s/pattern", c.name) << c.codec << c.level << u"pattern"_s << 4.0;
        QTest::addRow("%s/text", c.name) << c.codec << c.level << u"text"_s << 1.4;
        QTest::addRow("%s/binary", c.name) << c.codec << c.level << u"binary"_s << 1.15;
        QTest::addRow("%s/random", c.name) << c.codec << c.level << u"random"_s << 0.0;
    }
}

void TstCodec::roundTrip() {
    QFETCH(Codec, codec);
    QFETCH(int, level);
    QFETCH(QString, kind);
    QFETCH(double, minRatio);

    const std::vector<Page> pages = pagesOfKind(kind, 96);
    if (pages.empty())
        QSKIP(qPrintable(u"no %1 pages on this machine (looked in /usr/share/common-licenses, "
                         "/usr/share/doc/*/copyright, /usr/include, /usr/lib/x86_64-linux-gnu)"_s.arg(kind)));

    GuardedOutput out;
    std::size_t total = 0;
    for (const Page& page : pages) {
        const std::vector<std::byte> c = compressed(codec, level, page);
        // With compressBound() room every codec succeeds, even on random data.
        QVERIFY(!c.empty());
        QVERIFY(c.size() <= codec::compressBound(codec));
        total += c.size();
        const Status s = out.decompress(codec, c);
        QVERIFY2(s.ok(), errcName(s.code()));
        QVERIFY(out.equals(page));
        QVERIFY(out.canaryIntact());
    }
    const double ratio = double(pages.size() * kPageSize) / double(total);
    if (minRatio > 0)
        QVERIFY2(ratio >= minRatio, qPrintable(u"ratio %1 over %2 pages"_s.arg(ratio).arg(pages.size())));
    else // random: the codecs add their framing to incompressible data
        QVERIFY2(ratio <= 1.0, qPrintable(u"random data compressed %1x"_s.arg(ratio)));
}

void TstCodec::incompressibleWithinPage_data() {
    QTest::addColumn<Codec>("codec");
    QTest::newRow("zstd") << Codec::Zstd;
    QTest::newRow("lz4") << Codec::Lz4;
    QTest::newRow("lzo") << Codec::Lzo;
}

// What the pool does: ask for at most a page; random pages report 0 ("store raw") and
// compressible ones still round-trip.
void TstCodec::incompressibleWithinPage() {
    QFETCH(Codec, codec);
    std::vector<std::byte> dst(kPageSize);
    for (std::uint64_t seed = 0; seed < 32; ++seed) {
        const Page page = randomPage(seed);
        QCOMPARE(codec::compressPage(codec, 3, page.data(), dst.data(), dst.size()), std::size_t{0});
    }
    const Page pattern = patternPage();
    const std::size_t n = codec::compressPage(codec, 3, pattern.data(), dst.data(), dst.size());
    QVERIFY(n > 0 && n < kPageSize / 4);
    dst.resize(n);
    GuardedOutput out;
    QVERIFY(out.decompress(codec, dst).ok());
    QVERIFY(out.equals(pattern));
}

void TstCodec::boundedOutput_data() {
    QTest::addColumn<Codec>("codec");
    QTest::newRow("zstd") << Codec::Zstd;
    QTest::newRow("lz4") << Codec::Lz4;
    QTest::newRow("lzo") << Codec::Lzo;
}

// compressPage() writes nothing past dstCapacity and returns 0 when the result does not fit;
// with exactly the needed room it succeeds.
void TstCodec::boundedOutput() {
    QFETCH(Codec, codec);
    std::vector<Page> pages = textPages(8);
    pages.push_back(patternPage());
    pages.push_back(randomPage(7));
    constexpr std::size_t kGuard = 512;
    for (const Page& page : pages) {
        const std::size_t needed = compressed(codec, 3, page).size();
        QVERIFY(needed > 0);
        for (std::size_t capacity : {needed + 1, needed, needed - 1, needed / 2, std::size_t{1}, std::size_t{0}}) {
            std::vector<std::byte> dst(capacity + kGuard, std::byte{0x5A});
            const std::size_t n = codec::compressPage(codec, 3, page.data(), dst.data(), capacity);
            if (capacity >= needed)
                QCOMPARE(n, needed);
            else
                QCOMPARE(n, std::size_t{0});
            QVERIFY2(std::all_of(dst.begin() + std::ptrdiff_t(capacity), dst.end(),
                                 [](std::byte b) { return b == std::byte{0x5A}; }),
                     qPrintable(u"wrote past capacity %1 (needed %2)"_s.arg(capacity).arg(needed)));
        }
    }
}

void TstCodec::levels() {
    QVERIFY(codec::zstdMinLevel() < 0);
    QVERIFY(codec::zstdMaxLevel() >= 19);
    const std::vector<Page> pages = textPages(24);
    if (pages.empty())
        QSKIP("no text pages on this machine (/usr/share/common-licenses, /usr/share/doc, /usr/include)");
    GuardedOutput out;
    std::size_t fastest = 0, strongest = 0;
    for (const Page& page : pages) {
        for (int level : {codec::zstdMinLevel(), -1, 0, 1, 3, 9, codec::zstdMaxLevel()}) {
            const std::vector<std::byte> c = compressed(Codec::Zstd, level, page);
            QVERIFY(!c.empty());
            QVERIFY(out.decompress(Codec::Zstd, c).ok());
            QVERIFY(out.equals(page));
            if (level == codec::zstdMinLevel())
                fastest += c.size();
            if (level == codec::zstdMaxLevel())
                strongest += c.size();
        }
    }
    // The per-thread context really switches level between calls.
    QVERIFY2(strongest < fastest, qPrintable(u"max level %1 B, min level %2 B"_s.arg(strongest).arg(fastest)));
}

void TstCodec::rawCodec() {
    const Page page = randomPage(42);
    std::vector<std::byte> dst(2 * kPageSize);
    QCOMPARE(codec::compressPage(Codec::Raw, 0, page.data(), dst.data(), dst.size()), std::size_t{0});
    QCOMPARE(codec::compressBound(Codec::Raw), kPageSize);

    GuardedOutput out;
    const std::vector<std::byte> whole(page.begin(), page.end());
    QVERIFY(out.decompress(Codec::Raw, whole).ok());
    QVERIFY(out.equals(page));
    QVERIFY(out.canaryIntact());
    for (std::size_t length : {std::size_t{0}, std::size_t{1}, kPageSize - 1, kPageSize + 1}) {
        std::vector<std::byte> src(length, std::byte{1});
        QCOMPARE(out.decompress(Codec::Raw, src).code(), Errc::CorruptData);
        QVERIFY(out.canaryIntact());
    }
}

void TstCodec::damagedInput_data() {
    QTest::addColumn<Codec>("codec");
    QTest::newRow("zstd") << Codec::Zstd;
    QTest::newRow("lz4") << Codec::Lz4;
    QTest::newRow("lzo") << Codec::Lzo;
}

void TstCodec::damagedInput() {
    QFETCH(Codec, codec);
    std::vector<Page> pages = textPages(4);
    const std::vector<Page> binary = binaryPages(4);
    pages.insert(pages.end(), binary.begin(), binary.end());
    pages.push_back(patternPage());
    pages.push_back(Page{});

    GuardedOutput out;
    std::mt19937_64 rng(0x5eed0000u + unsigned(codec)); // deterministic
    auto check = [&](const std::vector<std::byte>& input, bool mustFail, const char* what) {
        const Status s = out.decompress(codec, input);
        if (!out.canaryIntact())
            return QString(u"%1: wrote past the page"_s).arg(QLatin1StringView(what));
        if (s.code() != Errc::Ok && s.code() != Errc::CorruptData)
            return QString(u"%1: %2"_s).arg(QLatin1StringView(what), QLatin1StringView(errcName(s.code())));
        if (mustFail && s.ok())
            return QString(u"%1 (%2 bytes) decoded"_s).arg(QLatin1StringView(what)).arg(input.size());
        return QString();
    };

    unsigned mutated = 0, decodedMutants = 0;
    for (const Page& page : pages) {
        const std::vector<std::byte> good = compressed(codec, 1, page);
        QVERIFY(out.decompress(codec, good).ok());

        // Every truncation fails.
        for (std::size_t len = 0; len < good.size(); ++len) {
            const QString err = check(std::vector<std::byte>(good.begin(), good.begin() + std::ptrdiff_t(len)), true,
                                      "truncated");
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
        // Trailing bytes after the end of the stream fail (the stored length is exact).
        for (std::size_t extra : {1, 3, 16, 200}) {
            std::vector<std::byte> longer = good;
            for (std::size_t i = 0; i < extra; ++i)
                longer.push_back(std::byte(rng()));
            const QString err = check(longer, true, "extended");
            QVERIFY2(err.isEmpty(), qPrintable(err));
        }
        // Two pages' worth of stream cannot fit one page.
        std::vector<std::byte> twice = good;
        twice.insert(twice.end(), good.begin(), good.end());
        const QString err = check(twice, true, "concatenated");
        QVERIFY2(err.isEmpty(), qPrintable(err));

        // Random bit flips and byte overwrites: a page or CorruptData, never anything else.
        for (int i = 0; i < 400; ++i) {
            std::vector<std::byte> bad = good;
            const int edits = 1 + int(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = rng() % bad.size();
                if (rng() & 1)
                    bad[at] ^= std::byte(1u << (rng() % 8));
                else
                    bad[at] = std::byte(rng());
            }
            const QString mutErr = check(bad, false, "mutated");
            QVERIFY2(mutErr.isEmpty(), qPrintable(mutErr));
            ++mutated;
            decodedMutants += out.decompress(codec, bad).ok();
        }
    }
    // Plain garbage of every length up to past a page.
    for (int i = 0; i < 1500; ++i) {
        std::vector<std::byte> junk(1 + rng() % (kPageSize + 512));
        for (std::byte& b : junk)
            b = std::byte(rng());
        const QString err = check(junk, false, "garbage");
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }
    qInfo("%s: %u mutants, %u still decoded to a page (changed literals), the rest CorruptData",
          codecName(codec), mutated, decodedMutants);
    QVERIFY(mutated >= 2000);
    QVERIFY(decodedMutants < mutated);
}

// Contexts are per thread: many threads compress at once, threads come and go (their contexts
// are freed at exit, which LeakSanitizer checks), and results match the single-thread ones.
void TstCodec::perThreadContexts() {
    std::vector<Page> pages = textPages(16);
    pages.push_back(patternPage());
    pages.push_back(randomPage(3));
    std::atomic<int> failures{0};
    for (int round = 0; round < 3; ++round) {
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                GuardedOutput out;
                for (int i = 0; i < 40; ++i) {
                    const Page& page = pages[std::size_t(i + t) % pages.size()];
                    const Codec c = std::array{Codec::Zstd, Codec::Lz4, Codec::Lzo}[std::size_t(i + t) % 3];
                    const std::vector<std::byte> z = compressed(c, 1 + (i % 5), page);
                    if (z.empty() || !out.decompress(c, z).ok() || !out.equals(page))
                        ++failures;
                }
            });
        }
        for (std::thread& t : threads)
            t.join();
    }
    QCOMPARE(failures.load(), 0);
}

QTEST_APPLESS_MAIN(TstCodec)
#include "tst_codec.moc"
