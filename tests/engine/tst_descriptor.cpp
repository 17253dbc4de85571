// SPDX-License-Identifier: GPL-3.0-or-later
// Descriptor bit layout: every field round-trips at its limits and leaves the others alone.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "descriptor/cluster.h"
#include "descriptor/descriptor.h"
#endif

using namespace swaptier;
using namespace swaptier::descriptor;

class TstDescriptor : public QObject {
    Q_OBJECT

private slots:
    void deviceBacking_data();
    void deviceBacking();
    void poolBacking();
    void metaFields_data();
    void metaFields();
    void sizePerEntry();
};

void TstDescriptor::deviceBacking_data() {
    QTest::addColumn<uint>("index");
    QTest::addColumn<quint64>("slot");
    QTest::addColumn<uint>("length");
    QTest::newRow("first") << 0u << quint64(0) << 4096u;
    QTest::newRow("last device, last slot") << 255u << quint64(Backing::kMaxPhysicalSlot) << 4096u;
    QTest::newRow("compressed length") << 17u << quint64(123456789) << 1234u;
    QTest::newRow("one byte") << 3u << quint64(1) << 1u;
}

void TstDescriptor::deviceBacking() {
    QFETCH(uint, index);
    QFETCH(quint64, slot);
    QFETCH(uint, length);
    const std::uint64_t w = Backing::device(index, slot, Codec::Zstd, length);
    QCOMPARE(Backing::type(w), BackingType::Device);
    QCOMPARE(Backing::deviceIndex(w), index);
    QCOMPARE(Backing::deviceSlot(w), slot);
    QCOMPARE(Backing::deviceLength(w), length);
    QCOMPARE(Backing::deviceCodec(w), Codec::Zstd);
    QCOMPARE(Backing::storedBytes(w), length);
    QCOMPARE(Backing::backend(w), Backend::Device);
    QVERIFY(Backing::stored(w));
}

void TstDescriptor::poolBacking() {
    const auto h = pool::PoolHandle::make(Codec::Lzo, 200, (1u << 26) - 1, 2047, 4096);
    const std::uint64_t w = Backing::pool(h);
    QCOMPARE(Backing::type(w), BackingType::Pool);
    QCOMPARE(Backing::poolHandle(w), h);
    QCOMPARE(Backing::poolHandle(w).codec(), Codec::Lzo);
    QCOMPARE(Backing::poolHandle(w).zspage(), (1u << 26) - 1);
    QCOMPARE(Backing::poolHandle(w).object(), 2047u);
    QCOMPARE(Backing::storedBytes(w), 4096u);
    QVERIFY(!Backing::stored(Backing::make(BackingType::Reserved)));
    QVERIFY(!Backing::stored(Backing::make(BackingType::Free)));
    QCOMPARE(Backing::storedBytes(Backing::make(BackingType::Zero)), 0u);
    QCOMPARE(Backing::storedBytes(Backing::make(BackingType::Memory)), std::uint32_t(kPageSize));
}

void TstDescriptor::metaFields_data() {
    QTest::addColumn<uint>("count");
    QTest::addColumn<uint>("shadow");
    QTest::addColumn<int>("cache");
    QTest::newRow("zero") << 0u << 0u << int(CacheState::None);
    QTest::newRow("max inline count") << Meta::kMaxInlineCount << 1u << int(CacheState::Page);
    QTest::newRow("overflow marker") << Meta::kCountOverflow << (1u << kShadowBits) - 1 << int(CacheState::Shadow);
}

void TstDescriptor::metaFields() {
    QFETCH(uint, count);
    QFETCH(uint, shadow);
    QFETCH(int, cache);
    std::uint32_t m = Meta::kBusy;
    m = Meta::withCountField(m, count);
    m = Meta::withShadow(m, shadow);
    m = Meta::withCache(m, CacheState(cache));
    QCOMPARE(Meta::countField(m), count);
    QCOMPARE(Meta::shadow(m), shadow);
    QCOMPARE(int(Meta::cache(m)), cache);
    QVERIFY(m & Meta::kBusy);
    QVERIFY(!(m & Meta::kWaiters));
}

void TstDescriptor::sizePerEntry() {
    // The descriptor arrays cost 14 bytes per entry; the header adds well under 1 byte.
    const double perEntry = double(sizeof(Cluster)) / kClusterSize;
    qInfo("sizeof(Cluster) = %zu bytes, %.3f bytes per entry", sizeof(Cluster), perEntry);
    QVERIFY(perEntry >= 14.0);
    QVERIFY(perEntry < 14.5);
}

QTEST_APPLESS_MAIN(TstDescriptor)
#include "tst_descriptor.moc"
