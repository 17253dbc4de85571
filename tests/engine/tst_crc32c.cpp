// SPDX-License-Identifier: GPL-3.0-or-later
// CRC32C: the standard check values (RFC 3720 / iSCSI vectors), the hardware and portable
// implementations agreeing on every length and alignment, seed chaining, and detection of a
// single flipped bit anywhere in a page.
// moc (Qt 6.4) cannot parse GCC 12's <concepts>: keep engine headers out of moc's sight.
#ifndef Q_MOC_RUN
#include "util/crc32c.h"
#include "util/crc32cimpl.h"
#endif

#include <QByteArray>
#include <QTest>

#include <cstdint>
#include <random>
#include <vector>

using namespace swaptier;

class TestCrc32c : public QObject {
    Q_OBJECT

private slots:
    void checkValues_data();
    void checkValues();
    void implementationsAgree();
    void seedChains();
    void detectsEveryBitFlipInAPage();
    void benchmarkPage();
};

void TestCrc32c::checkValues_data() {
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<quint32>("expected");

    QByteArray inc(32, '\0'), dec(32, '\0');
    for (int i = 0; i < 32; ++i) {
        inc[i] = char(i);
        dec[i] = char(31 - i);
    }
    QTest::newRow("empty") << QByteArray() << quint32(0);
    QTest::newRow("123456789") << QByteArray("123456789") << quint32(0xE3069283);
    QTest::newRow("a") << QByteArray("a") << quint32(0xC1D04330);
    QTest::newRow("32 zeros") << QByteArray(32, '\0') << quint32(0x8A9136AA);
    QTest::newRow("32 ones") << QByteArray(32, '\xFF') << quint32(0x62A8AB43);
    QTest::newRow("32 incrementing") << inc << quint32(0x46DD794E);
    QTest::newRow("32 decrementing") << dec << quint32(0x113FDB5C);
}

void TestCrc32c::checkValues() {
    QFETCH(QByteArray, data);
    QFETCH(quint32, expected);
    const auto n = std::size_t(data.size());
    QCOMPARE(util::crc32c(data.constData(), n), expected);
    QCOMPARE(util::crc32cPortable(data.constData(), n), expected);
    if (util::crc32cHardwareAvailable())
        QCOMPARE(util::crc32cHardware(data.constData(), n), expected);
}

void TestCrc32c::implementationsAgree() {
    if (!util::crc32cHardwareAvailable())
        QSKIP("no SSE4.2 on this CPU: only the portable implementation exists");
    std::mt19937_64 rng(42);
    std::vector<unsigned char> buf(4096 + 64);
    for (auto& b : buf)
        b = static_cast<unsigned char>(rng());
    // Every length up to 300 at every misalignment 0..15 (head, body and tail paths), plus pages.
    for (std::size_t offset = 0; offset < 16; ++offset) {
        for (std::size_t length = 0; length <= 300; ++length) {
            const std::uint32_t seed = std::uint32_t(rng());
            const auto hw = util::crc32cHardware(buf.data() + offset, length, seed);
            const auto sw = util::crc32cPortable(buf.data() + offset, length, seed);
            if (hw != sw)
                QFAIL(qPrintable(QStringLiteral("offset %1 length %2: %3 != %4").arg(offset).arg(length).arg(hw).arg(sw)));
        }
        QCOMPARE(util::crc32cHardware(buf.data() + offset, 4096), util::crc32cPortable(buf.data() + offset, 4096));
    }
}

void TestCrc32c::seedChains() {
    QByteArray data(10000, '\0');
    std::mt19937 rng(7);
    for (auto& c : data)
        c = char(rng());
    const auto whole = util::crc32c(data.constData(), std::size_t(data.size()));
    for (std::size_t cut : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(4096), std::size_t(9999)}) {
        const auto head = util::crc32c(data.constData(), cut);
        QCOMPARE(util::crc32c(data.constData() + cut, std::size_t(data.size()) - cut, head), whole);
        QCOMPARE(util::crc32cPortable(data.constData() + cut, std::size_t(data.size()) - cut,
                                      util::crc32cPortable(data.constData(), cut)),
                 whole);
    }
}

void TestCrc32c::detectsEveryBitFlipInAPage() {
    std::vector<unsigned char> page(4096);
    std::mt19937 rng(3);
    for (auto& b : page)
        b = static_cast<unsigned char>(rng());
    const auto good = util::crc32c(page.data(), page.size());
    for (std::size_t bit = 0; bit < page.size() * 8; bit += 7) {
        page[bit / 8] ^= static_cast<unsigned char>(1u << (bit % 8));
        const auto bad = util::crc32c(page.data(), page.size());
        page[bit / 8] ^= static_cast<unsigned char>(1u << (bit % 8));
        if (bad == good)
            QFAIL(qPrintable(QStringLiteral("flip of bit %1 not detected").arg(bit)));
    }
    QCOMPARE(util::crc32c(page.data(), page.size()), good);
}

void TestCrc32c::benchmarkPage() {
    std::vector<unsigned char> page(4096, 0x5A);
    std::uint32_t crc = 0;
    QBENCHMARK {
        crc = util::crc32c(page.data(), page.size(), crc);
    }
    QVERIFY(crc != 0 || page.empty());
}

QTEST_APPLESS_MAIN(TestCrc32c)
#include "tst_crc32c.moc"
