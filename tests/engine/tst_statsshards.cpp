// SPDX-License-Identifier: GPL-3.0-or-later
// StatsShards: a snapshot taken while threads record operations is a consistent cut, per
// backend and per device index (a cgroup's device entries always add up to its Device figure).
#include <QtTest>

#ifndef Q_MOC_RUN
#include "stats/statsshards.h"

#include <atomic>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::stats;

class TstStatsShards : public QObject {
    Q_OBJECT

private slots:
    void sumsAcrossThreadsAndCgroups();
    void snapshotIsConsistentCut();
    void deviceEntriesFollowDevices_data();
    void deviceEntriesFollowDevices();
    void deviceSnapshotIsConsistentCut();
};

void TstStatsShards::sumsAcrossThreadsAndCgroups() {
    StatsShards s;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i) {
                auto txn = s.begin();
                txn.usage(std::uint16_t(t * 1000 + i % 4), Backend::Pool, 0, +1, 100);
                ++txn.events(std::uint16_t(t * 1000 + i % 4)).zswpout;
            }
        });
    for (auto& t : threads)
        t.join();
    const auto snap = s.snapshot();
    QCOMPARE(snap.cgroups.size(), std::size_t(12));
    QCOMPARE(snap.backends[std::size_t(Backend::Pool)].entries, 3000u);
    QCOMPARE(snap.backends[std::size_t(Backend::Pool)].storedBytes, 300000u);
    QCOMPARE(snap.backends[std::size_t(Backend::Pool)].originalBytes, 3000u * kPageSize);
    QCOMPARE(snap.events.zswpout, 3000u);
    QCOMPARE(snap.cgroups.front().id.value, 0);
    QCOMPARE(snap.cgroups.back().id.value, 2003);
}

void TstStatsShards::snapshotIsConsistentCut() {
    // Thread A stores entries (pool +1); thread B moves what A stored (pool -1, device +1).
    // B only moves what A has finished, as in the engine. No snapshot may ever show the move
    // without the store (a negative pool count) or unequal totals.
    StatsShards s;
    std::atomic<long> stored{0}, moved{0};
    std::atomic<bool> stop{false};
    std::thread a([&] {
        for (int i = 0; i < 200000; ++i) {
            auto txn = s.begin();
            txn.usage(1, Backend::Pool, 0, +1, 10);
            stored.fetch_add(1, std::memory_order_release);
        }
    });
    std::thread b([&] {
        while (moved.load() < 200000) {
            if (moved.load() < stored.load(std::memory_order_acquire)) {
                auto txn = s.begin();
                txn.usage(1, Backend::Pool, 0, -1, 10);
                txn.usage(1, Backend::Device, 0, +1, 4096);
                moved.fetch_add(1);
            }
        }
    });
    int checked = 0;
    bool ok = true;
    while (moved.load() < 200000 && ok) {
        const auto snap = s.snapshot();
        for (const auto& cg : snap.cgroups) {
            const auto pool = cg.backends[std::size_t(Backend::Pool)].entries;
            const auto dev = cg.backends[std::size_t(Backend::Device)].entries;
            if (pool > (1ull << 40) || dev > pool + dev + 1 || pool + dev > 200000)
                ok = false;
        }
        ++checked;
    }
    stop = true;
    a.join();
    b.join();
    QVERIFY(ok);
    const auto final = s.snapshot();
    QCOMPARE(final.backends[std::size_t(Backend::Pool)].entries, 0u);
    QCOMPARE(final.backends[std::size_t(Backend::Device)].entries, 200000u);
    qInfo("%d snapshots checked during the run", checked);
}

void TstStatsShards::deviceEntriesFollowDevices_data() {
    QTest::addColumn<QList<int>>("stores");    // device index of each stored entry
    QTest::addColumn<QList<int>>("moves");     // (from, to) pairs of device indexes; to -1 = the pool
    QTest::addColumn<QList<int>>("expected");  // deviceEntries after, by index
    QTest::addColumn<int>("poolEntries");
    QTest::newRow("one device") << QList<int>{0, 0, 0} << QList<int>{} << QList<int>{3} << 0;
    QTest::newRow("device to device") << QList<int>{0, 0, 2} << QList<int>{0, 2} << QList<int>{1, 0, 2} << 0;
    QTest::newRow("highest index") << QList<int>{255, 1} << QList<int>{1, 254} << [] {
        QList<int> e(256, 0);
        e[254] = 1;
        e[255] = 1;
        return e;
    }() << 0;
    QTest::newRow("moved off the last index: trimmed") << QList<int>{0, 4} << QList<int>{4, 1} << QList<int>{1, 1}
                                                         << 0;
    QTest::newRow("promoted to the pool") << QList<int>{3, 3} << QList<int>{3, -1, 3, -1} << QList<int>{} << 2;
}

void TstStatsShards::deviceEntriesFollowDevices() {
    QFETCH(QList<int>, stores);
    QFETCH(QList<int>, moves);
    QFETCH(QList<int>, expected);
    QFETCH(int, poolEntries);
    StatsShards s;
    constexpr std::uint16_t kCgroup = 7;
    // Stores on one thread, moves on another: the moving shard holds negative device counts.
    std::thread([&] {
        for (int d : stores) {
            auto txn = s.begin();
            txn.usage(kCgroup, Backend::Device, unsigned(d), +1, 4096);
            txn.usage(kCgroup + 1, Backend::Pool, 0, +1, 100); // another cgroup: no device entries
        }
    }).join();
    std::thread([&] {
        for (qsizetype i = 0; i + 1 < moves.size(); i += 2) {
            auto txn = s.begin();
            txn.usage(kCgroup, Backend::Device, unsigned(moves[i]), -1, 4096);
            if (moves[i + 1] < 0)
                txn.usage(kCgroup, Backend::Pool, 0, +1, 1000);
            else
                txn.usage(kCgroup, Backend::Device, unsigned(moves[i + 1]), +1, 4096);
        }
    }).join();
    const auto snap = s.snapshot();
    QCOMPARE(snap.cgroups.size(), std::size_t(2));
    const CgroupStats& cg = snap.cgroups[0];
    QCOMPARE(cg.id.value, kCgroup);
    const std::vector<std::uint64_t> want(expected.begin(), expected.end());
    QCOMPARE(cg.deviceEntries, want);
    std::uint64_t sum = 0;
    for (std::uint64_t e : cg.deviceEntries)
        sum += e;
    QCOMPARE(sum, cg.backends[std::size_t(Backend::Device)].entries);
    QCOMPARE(cg.backends[std::size_t(Backend::Pool)].entries, std::uint64_t(poolEntries));
    QVERIFY(snap.cgroups[1].deviceEntries.empty());
}

void TstStatsShards::deviceSnapshotIsConsistentCut() {
    // A stores entries in the pool; B writes the k-th back to device k % 3; C promotes the k-th
    // from device k % 3 to device 7, each only after the step before it is in. Every snapshot:
    // no negative device count, and the device entries add up to the Device figure.
    constexpr long kEntries = 100000;
    StatsShards s;
    std::atomic<long> stored{0}, written{0}, promoted{0};
    std::thread a([&] {
        for (long i = 0; i < kEntries; ++i) {
            auto txn = s.begin();
            txn.usage(2, Backend::Pool, 0, +1, 10);
            stored.fetch_add(1, std::memory_order_release);
        }
    });
    std::thread b([&] {
        for (long k = 0; k < kEntries;) {
            if (k < stored.load(std::memory_order_acquire)) {
                auto txn = s.begin();
                txn.usage(2, Backend::Pool, 0, -1, 10);
                txn.usage(2, Backend::Device, unsigned(k % 3), +1, 4096);
                written.store(++k, std::memory_order_release);
            } else {
                std::this_thread::yield();
            }
        }
    });
    std::thread c([&] {
        for (long k = 0; k < kEntries;) {
            if (k < written.load(std::memory_order_acquire)) {
                auto txn = s.begin();
                txn.usage(2, Backend::Device, unsigned(k % 3), -1, 4096);
                txn.usage(2, Backend::Device, 7, +1, 4096);
                promoted.store(++k, std::memory_order_release);
            } else {
                std::this_thread::yield();
            }
        }
    });
    int checked = 0;
    QString failure;
    while (promoted.load() < kEntries && failure.isEmpty()) {
        const auto snap = s.snapshot();
        for (const auto& cg : snap.cgroups) {
            std::uint64_t sum = 0;
            for (std::uint64_t e : cg.deviceEntries) {
                if (e > std::uint64_t(kEntries))
                    failure = QStringLiteral("device count %1 out of range").arg(e);
                sum += e;
            }
            if (sum != cg.backends[std::size_t(Backend::Device)].entries)
                failure = QStringLiteral("device entries %1, Device backend %2")
                              .arg(sum)
                              .arg(cg.backends[std::size_t(Backend::Device)].entries);
        }
        ++checked;
    }
    a.join();
    b.join();
    c.join();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const auto final = s.snapshot();
    QCOMPARE(final.cgroups.size(), std::size_t(1));
    QCOMPARE(final.cgroups[0].deviceEntries, (std::vector<std::uint64_t>{0, 0, 0, 0, 0, 0, 0, kEntries}));
    QCOMPARE(final.backends[std::size_t(Backend::Device)].entries, std::uint64_t(kEntries));
    qInfo("%d snapshots checked during the run", checked);
}

QTEST_APPLESS_MAIN(TstStatsShards)
#include "tst_statsshards.moc"
