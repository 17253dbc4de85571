// SPDX-License-Identifier: GPL-3.0-or-later
// StatsShards: a snapshot taken while threads record operations is a consistent cut.
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
};

void TstStatsShards::sumsAcrossThreadsAndCgroups() {
    StatsShards s;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 1000; ++i) {
                auto txn = s.begin();
                txn.usage(std::uint16_t(t * 1000 + i % 4), Backend::Pool, +1, 100);
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
            txn.usage(1, Backend::Pool, +1, 10);
            stored.fetch_add(1, std::memory_order_release);
        }
    });
    std::thread b([&] {
        while (moved.load() < 200000) {
            if (moved.load() < stored.load(std::memory_order_acquire)) {
                auto txn = s.begin();
                txn.usage(1, Backend::Pool, -1, 10);
                txn.usage(1, Backend::Device, +1, 4096);
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

QTEST_APPLESS_MAIN(TstStatsShards)
#include "tst_statsshards.moc"
