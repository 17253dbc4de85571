// SPDX-License-Identifier: GPL-3.0-or-later
// TierOccupancy: tiers in the setup's order (then the ones only the engine named), each
// device in its tier, swapped-off devices in none, and a cgroup's swapfile pages per tier
// that with the unassigned rest always sum to its device pages.
#include <QtTest>

#include "tieroccupancy.h"

using namespace swaptier;
using swaptier::services::TierOccupancy;

namespace {

TierUsage deviceRow(int device, const char* tier, bool swappedOff = false) {
    TierUsage t;
    t.backend = Backend::Device;
    t.device = device;
    t.tier = tier;
    t.swappedOff = swappedOff;
    return t;
}

CgroupUsage cgroup(std::vector<std::uint64_t> perDevice, std::uint64_t devicePages) {
    CgroupUsage c;
    c.deviceEntries = std::move(perDevice);
    c.swappedPages[std::size_t(Backend::Device)] = devicePages;
    return c;
}

using Tiers = std::vector<std::string>;
using Pages = std::vector<std::uint64_t>;

} // namespace

Q_DECLARE_METATYPE(Tiers)
Q_DECLARE_METATYPE(Pages)

class TestTierOccupancy : public QObject {
    Q_OBJECT

private slots:
    void tiersAndDevices();
    void pagesOf_data();
    void pagesOf();
};

void TestTierOccupancy::tiersAndDevices() {
    SandboxSample s;
    TierUsage pool;
    pool.backend = Backend::Pool;
    s.tiers = {pool, deviceRow(0, "slow"), deviceRow(1, "fast"), deviceRow(2, "", true), deviceRow(3, "slow")};
    const std::vector<TierSpec> setup = {{"fast", 10, kMaxSwapPriority}, {"mid", 5, 9}, {"slow", kMinSwapPriority, 4}};
    const TierOccupancy o = TierOccupancy::of(s, setup);
    QCOMPARE(o.tiers, (Tiers{"fast", "mid", "slow"})); // the setup's order; "mid" holds no device yet
    QCOMPARE(o.deviceTier, (std::vector<int>{2, 0, -1, 2}));

    // No tiers in the setup: the engine's names, in the order the devices name them.
    const TierOccupancy plain = TierOccupancy::of(s, {});
    QCOMPARE(plain.tiers, (Tiers{"slow", "fast"}));
    QCOMPARE(plain.deviceTier, (std::vector<int>{0, 1, -1, 0}));

    QVERIFY(TierOccupancy::of(SandboxSample{}, {}).tiers.empty());

    // Out of step (a tier dropped by hand): its devices' pages are unassigned, never out of range.
    TierOccupancy cut = o;
    cut.tiers.pop_back();
    std::uint64_t rest = 0;
    QCOMPARE(cut.pagesOf(cgroup({3, 4, 0, 5}, 12), &rest), (Pages{4, 0}));
    QCOMPARE(rest, std::uint64_t(8));
}

void TestTierOccupancy::pagesOf_data() {
    QTest::addColumn<std::vector<std::uint64_t>>("perDevice");
    QTest::addColumn<qulonglong>("devicePages");
    QTest::addColumn<Pages>("expected"); // fast, mid, slow
    QTest::addColumn<qulonglong>("unassigned");
    QTest::newRow("two tiers") << std::vector<std::uint64_t>{4, 6, 0, 5} << 15ull << Pages{6, 0, 9} << 0ull;
    QTest::newRow("swapped-off device counts nowhere") << std::vector<std::uint64_t>{1, 0, 7, 0} << 8ull
                                                       << Pages{0, 0, 1} << 7ull;
    QTest::newRow("no per-device figures") << std::vector<std::uint64_t>{} << 12ull << Pages{0, 0, 0} << 12ull;
    QTest::newRow("device past the rows") << std::vector<std::uint64_t>{0, 2, 0, 0, 3} << 5ull << Pages{2, 0, 0}
                                          << 3ull;
    QTest::newRow("nothing swapped") << std::vector<std::uint64_t>{0, 0, 0, 0} << 0ull << Pages{0, 0, 0} << 0ull;
}

void TestTierOccupancy::pagesOf() {
    QFETCH(std::vector<std::uint64_t>, perDevice);
    QFETCH(qulonglong, devicePages);
    QFETCH(Pages, expected);
    QFETCH(qulonglong, unassigned);
    SandboxSample s;
    s.tiers = {deviceRow(0, "slow"), deviceRow(1, "fast"), deviceRow(2, "", true), deviceRow(3, "slow")};
    const std::vector<TierSpec> setup = {{"fast", 10, kMaxSwapPriority}, {"mid", 5, 9}, {"slow", kMinSwapPriority, 4}};
    const TierOccupancy o = TierOccupancy::of(s, setup);
    std::uint64_t rest = 99;
    const Pages pages = o.pagesOf(cgroup(perDevice, devicePages), &rest);
    QCOMPARE(pages, expected);
    QCOMPARE(qulonglong(rest), unassigned);
    QCOMPARE(o.pagesOf(cgroup(perDevice, devicePages)), expected); // without the rest
}

QTEST_APPLESS_MAIN(TestTierOccupancy)
#include "tst_tieroccupancy.moc"
