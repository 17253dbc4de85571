// SPDX-License-Identifier: GPL-3.0-or-later
// SlotTable: clusters on demand, per-thread allocation clusters, lookups, release of empty
// clusters, reuse of partly used ones, trim, and the metadata cost per entry.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "descriptor/slottable.h"
#include "util/epoch.h"

#include <atomic>
#include <functional>
#include <set>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::descriptor;

namespace {

EntryRef allocateOne(SlotTable& t, std::uint16_t cg = 0) {
    util::EpochGuard guard;
    auto r = t.allocate(Backing::make(BackingType::Zero), 1, cg);
    if (!r)
        qFatal("allocate failed");
    return *r;
}

/// Frees an entry the way the engine does.
void freeOne(SlotTable& t, SlotId slot) {
    util::EpochGuard guard;
    Cluster* c = t.find(slot);
    QVERIFY(c);
    bool released;
    {
        std::lock_guard lock(c->lock);
        const auto off = std::uint32_t(slot.value % kClusterSize);
        c->backing[off] = Backing::make(BackingType::Free);
        c->meta[off].store(0);
        c->returnEntry(off);
        released = t.afterFreeLocked(c);
    }
    if (released)
        t.retire(c);
}

} // namespace

class TstSlotTable : public QObject {
    Q_OBJECT

private slots:
    void allocatesDenseSlotsInOneCluster();
    void findsClusterWithoutLocks();
    void threadsGetDistinctClusters();
    void emptyClusterReleasedAndIndexReused();
    void partlyUsedClusterIsReused();
    void trimReleasesCurrentClusters();
    void metadataPerEntryAtScale();
};

void TstSlotTable::allocatesDenseSlotsInOneCluster() {
    SlotTable t;
    std::vector<SlotId> ids;
    for (std::uint32_t i = 0; i < kClusterSize; ++i)
        ids.push_back(allocateOne(t).slot);
    for (std::uint32_t i = 1; i < ids.size(); ++i)
        QCOMPARE(ids[i].value, ids[0].value + i);
    QCOMPARE(t.stats().clusters, 1u);
    const SlotId next = allocateOne(t).slot; // the 513th opens a second cluster
    QCOMPARE(t.stats().clusters, 2u);
    QVERIFY(next.value / kClusterSize != ids[0].value / kClusterSize);
}

void TstSlotTable::findsClusterWithoutLocks() {
    SlotTable t;
    const EntryRef r = allocateOne(t, 77);
    util::EpochGuard guard;
    Cluster* c = t.find(r.slot);
    QCOMPARE(c, r.cluster);
    QCOMPARE(c->cgroup[r.offset], std::uint16_t(77));
    QVERIFY(!t.find(SlotId{r.slot.value + 100 * kClusterSize}));
    QVERIFY(!t.find(SlotId{}));
    QVERIFY(!t.find(SlotId{SlotTable::kMaxClusters * kClusterSize}));
}

void TstSlotTable::threadsGetDistinctClusters() {
    SlotTable t;
    std::vector<SlotId> a, b;
    // Both threads stay alive until both are done: a thread that exits gives its thread slot
    // (and its current cluster, by design) to the next thread.
    std::atomic<int> finished{0};
    auto run = [&](std::vector<SlotId>& out) {
        for (int i = 0; i < 100; ++i)
            out.push_back(allocateOne(t).slot);
        ++finished;
        while (finished.load() < 2)
            std::this_thread::yield();
    };
    std::thread ta(run, std::ref(a));
    std::thread tb(run, std::ref(b));
    ta.join();
    tb.join();
    std::set<std::uint64_t> clustersA, clustersB;
    for (SlotId s : a) clustersA.insert(s.value / kClusterSize);
    for (SlotId s : b) clustersB.insert(s.value / kClusterSize);
    QCOMPARE(clustersA.size(), std::size_t(1));
    QCOMPARE(clustersB.size(), std::size_t(1));
    QVERIFY(*clustersA.begin() != *clustersB.begin()); // no sharing, no contention
}

void TstSlotTable::emptyClusterReleasedAndIndexReused() {
    SlotTable t;
    std::vector<SlotId> first;
    for (std::uint32_t i = 0; i < kClusterSize; ++i)
        first.push_back(allocateOne(t).slot);
    allocateOne(t); // moves this thread to a second cluster: the first is no longer owned
    QCOMPARE(t.stats().clusters, 2u);
    for (SlotId s : first)
        freeOne(t, s);
    QCOMPARE(t.stats().clusters, 1u);
    {
        util::EpochGuard guard;
        QVERIFY(!t.find(first[0]));
    }
    // A third cluster takes the lowest free index again.
    for (std::uint32_t i = 0; i < kClusterSize; ++i)
        allocateOne(t);
    const SlotId s = allocateOne(t).slot;
    QCOMPARE(s.value / kClusterSize, first[0].value / kClusterSize);
}

void TstSlotTable::partlyUsedClusterIsReused() {
    SlotTable t;
    std::vector<SlotId> first;
    for (std::uint32_t i = 0; i < kClusterSize; ++i)
        first.push_back(allocateOne(t).slot);
    // Free a few from the full, unowned-once-left cluster, then fill the current one.
    const SlotId second = allocateOne(t).slot;
    for (int i = 0; i < 10; ++i)
        freeOne(t, first[i]);
    for (std::uint32_t i = 1; i < kClusterSize; ++i)
        allocateOne(t);
    // The next ten allocations fill the holes of the first cluster instead of a new cluster.
    for (int i = 0; i < 10; ++i)
        QCOMPARE(allocateOne(t).slot.value / kClusterSize, first[0].value / kClusterSize);
    QCOMPARE(t.stats().clusters, 2u);
    Q_UNUSED(second);
}

void TstSlotTable::trimReleasesCurrentClusters() {
    SlotTable t;
    const SlotId s = allocateOne(t).slot;
    freeOne(t, s);
    QCOMPARE(t.stats().clusters, 1u); // kept: it is this thread's current cluster
    t.trim();
    util::Epoch::global().barrier();
    QCOMPARE(t.stats().clusters, 0u);
    const std::uint64_t fixed = t.stats().metadataBytes;
    allocateOne(t);
    QVERIFY(t.stats().metadataBytes > fixed); // clusters and leaves really come and go
}

void TstSlotTable::metadataPerEntryAtScale() {
    SlotTable t;
    const std::uint64_t n = 2'000'000;
    for (std::uint64_t i = 0; i < n; ++i)
        allocateOne(t);
    const SlotTableStats s = t.stats();
    const double perEntry = double(s.metadataBytes) / double(n);
    qInfo("%llu entries: %llu clusters, %.3f metadata bytes per entry",
          static_cast<unsigned long long>(n), static_cast<unsigned long long>(s.clusters), perEntry);
    QVERIFY(perEntry <= 16.0);
    QVERIFY(perEntry >= 14.0);
}

QTEST_APPLESS_MAIN(TstSlotTable)
#include "tst_slottable.moc"
