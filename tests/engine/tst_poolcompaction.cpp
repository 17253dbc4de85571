// SPDX-License-Identifier: GPL-3.0-or-later
// Pool compaction (Engine::compactPool, CompressedPool::compactionPlan / migrate /
// endCompaction): the plan isolates the sparsest zspages and allocation avoids them, emptied
// zspages are given back, a fragmented pool shrinks to ceil(objects / objects per zspage)
// zspages per class with every entry intact, statistics stay consistent, cancel leaves
// everything readable, and compaction runs safely beside swap-in, put, store and moves.
// SWAPTIER_POOLCOMPACT_PAGES sets the size of the fragmentation test (default 6000).
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "pool/compressedpool.h"
#include "pool/sizeclass.h"
#include "swaptier/engine.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <random>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;

Q_DECLARE_METATYPE(swaptier::Codec)

namespace {

std::unique_ptr<Engine> makeEngine(Codec codec = Codec::Lz4, unsigned maxPages = 4) {
    EngineOptions o;
    o.pool.codec = codec;
    o.pool.maxPagesPerZspage = maxPages;
    auto e = Engine::create(o);
    if (!e)
        qFatal("Engine::create failed: %s", errcName(e.code()));
    return std::move(*e);
}

/// Text with a random tail whose length depends on the seed: compressed lengths spread over
/// most size classes, some pages are stored raw.
Page variedPage(std::uint64_t seed) {
    Page p = makePage(PageKind::Text, seed);
    const std::size_t randomBytes = std::size_t(seed * 7919 % 40) * 96; // 0..3744
    std::mt19937_64 rng(seed ^ 0x5eed);
    for (std::size_t i = kPageSize - randomBytes; i < kPageSize; ++i)
        p[i] = std::byte(rng() & 0xFF);
    return p;
}

CgroupId cgroupOf(std::uint64_t seed) {
    return CgroupId{std::uint16_t(1 + seed % 3)};
}

std::uint64_t pagesFromEnv() {
    const QByteArray v = qgetenv("SWAPTIER_POOLCOMPACT_PAGES");
    return v.isEmpty() ? 6000 : v.toULongLong();
}

/// Per-cgroup pool usage adds up to the pool's own counters, and to the global usage.
bool statsConsistent(const EngineStats& s, QString* why) {
    BackendUsage sum;
    for (const CgroupStats& c : s.cgroups) {
        sum.entries += c.backends[std::size_t(Backend::Pool)].entries;
        sum.storedBytes += c.backends[std::size_t(Backend::Pool)].storedBytes;
    }
    const BackendUsage& global = s.backends[std::size_t(Backend::Pool)];
    *why = QStringLiteral("cgroups %1/%2 global %3/%4 pool %5/%6")
               .arg(sum.entries).arg(sum.storedBytes).arg(global.entries).arg(global.storedBytes)
               .arg(s.pool.objects).arg(s.pool.storedBytes);
    return sum.entries == global.entries && sum.storedBytes == global.storedBytes && global.entries == s.pool.objects
           && global.storedBytes == s.pool.storedBytes;
}

/// Every class holds as few zspages as its objects need.
bool packedTight(const PoolStats& s, QString* why) {
    for (const PoolClassStats& c : s.classes) {
        const std::uint64_t need = (c.objects + c.objectsPerZspage - 1) / c.objectsPerZspage;
        if (c.zspages != need) {
            *why = QStringLiteral("class %1: %2 zspages for %3 objects of %4")
                       .arg(c.objectSize).arg(c.zspages).arg(c.objects).arg(c.objectsPerZspage);
            return false;
        }
    }
    return true;
}

/// Stores `count` varied pages; returns slot -> seed.
std::map<std::uint64_t, std::uint64_t> storeMany(Engine& e, std::uint64_t count, std::uint64_t firstSeed = 0) {
    std::map<std::uint64_t, std::uint64_t> live;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t seed = firstSeed + i;
        const Page p = variedPage(seed);
        auto s = e.swapOut(p, cgroupOf(seed));
        if (!s)
            qFatal("swapOut failed: %s", errcName(s.code()));
        live.emplace(s->value, seed);
    }
    return live;
}

/// Puts a random `percent` of the entries.
void putRandom(Engine& e, std::map<std::uint64_t, std::uint64_t>& live, unsigned percent, std::uint64_t rngSeed) {
    std::mt19937_64 rng(rngSeed);
    for (auto it = live.begin(); it != live.end();) {
        if (rng() % 100 < percent) {
            if (!e.put(SlotId{it->first}))
                qFatal("put failed");
            it = live.erase(it);
        } else {
            ++it;
        }
    }
}

bool allReadBack(Engine& e, const std::map<std::uint64_t, std::uint64_t>& live, QString* why) {
    Page got;
    for (const auto& [slot, seed] : live) {
        auto r = e.swapIn(SlotId{slot}, got);
        if (!r || got != variedPage(seed)) {
            *why = QStringLiteral("slot %1: %2").arg(slot).arg(QLatin1String(r ? "bytes differ" : errcName(r.code())));
            return false;
        }
    }
    return true;
}

void putAll(Engine& e, const std::map<std::uint64_t, std::uint64_t>& live) {
    for (const auto& entry : live)
        if (!e.put(SlotId{entry.first}))
            qFatal("put failed");
}

} // namespace

class TstPoolCompaction : public QObject {
    Q_OBJECT

private slots:
    void planIsolatesSparsest();
    void endCompactionReturnsZspages();
    void migrateNeverGrowsThePool();
    void emptyPoolIsNoOp();
    void fragmentedPoolShrinks_data();
    void fragmentedPoolShrinks();
    void cancel();
    void concurrentTraffic();
};

// --- pool level ------------------------------------------------------------------------------

namespace {

/// A pool with `zspages` full zspages of one class (objects of `length` bytes); handles by zspage.
struct OneClassPool {
    pool::CompressedPool pool{PoolOptions{}};
    std::uint32_t perZspage = 0;
    std::map<std::uint32_t, std::vector<pool::PoolHandle>> byZspage;

    OneClassPool(std::uint32_t length, std::uint32_t zspages) {
        const pool::SizeClassTable table(PoolOptions{}.maxPagesPerZspage);
        perZspage = table[table.classFor(length)].objectsPerZspage;
        const Page bytes = variedPage(1);
        for (std::uint32_t i = 0; i < zspages * perZspage; ++i) {
            auto h = pool.storeCompressed(Codec::Lz4, bytes.data(), length);
            if (!h)
                qFatal("storeCompressed failed");
            byZspage[h->zspage()].push_back(*h);
        }
    }
    /// Frees objects of zspage `z` until `keep` are left.
    void keep(std::uint32_t z, std::uint32_t keepObjects) {
        auto& v = byZspage[z];
        while (v.size() > keepObjects) {
            pool.free(v.back());
            v.pop_back();
        }
    }
};

} // namespace

void TstPoolCompaction::planIsolatesSparsest() {
    OneClassPool p(1000, 4);
    QCOMPARE(p.byZspage.size(), std::size_t(4));
    const std::uint32_t P = p.perZspage;
    QVERIFY(P >= 4);
    const auto ids = [&] {
        std::vector<std::uint32_t> v;
        for (const auto& [id, handles] : p.byZspage)
            v.push_back(id);
        return v;
    }();
    // Sparse, half, almost full, full: free = (P-1) + (P-P/2) + 1 >= P, < 2P: one zspage to empty.
    p.keep(ids[0], 1);
    p.keep(ids[1], P / 2);
    p.keep(ids[2], P - 1);
    const PoolStats before = p.pool.stats();
    QCOMPARE(before.zspages, std::uint64_t(4));

    const auto plan = p.pool.compactionPlan();
    QCOMPARE(plan.zspages.size(), std::size_t(1));
    QCOMPARE(plan.objects, std::uint64_t(1));
    const pool::PoolHandle sparse = p.byZspage[ids[0]].front();
    QVERIFY(plan.contains(sparse));
    for (std::uint32_t z : {ids[1], ids[2], ids[3]})
        QVERIFY(!plan.contains(p.byZspage[z].front()));

    // Allocation avoids the isolated zspage even though it has the most free objects.
    const Page bytes = variedPage(2);
    std::vector<pool::PoolHandle> fresh;
    for (std::uint32_t i = 0; i < P / 2 - 1; ++i) {
        auto h = p.pool.storeCompressed(Codec::Lz4, bytes.data(), 1000);
        QVERIFY(h.ok());
        QVERIFY(h->zspage() != ids[0]);
        fresh.push_back(*h);
    }

    // Migrating its object empties it: given back at once, bytes intact.
    auto moved = p.pool.migrate(sparse);
    QVERIFY(moved.ok() && moved->has_value());
    const pool::PoolHandle to = **moved;
    QVERIFY(to.zspage() != ids[0]);
    QCOMPARE(to.length(), sparse.length());
    QCOMPARE(to.codec(), sparse.codec());
    QVERIFY(std::equal(p.pool.objectData(to), p.pool.objectData(to) + to.length(), variedPage(1).data()));
    p.pool.free(sparse);
    const PoolStats after = p.pool.stats();
    QCOMPARE(after.zspages, std::uint64_t(3));
    QCOMPARE(after.poolBytes, before.poolBytes - before.poolBytes / 4);
    QCOMPARE(after.objects, before.objects + fresh.size());

    // A handle of a non-isolated zspage is not migrated.
    auto notIsolated = p.pool.migrate(p.byZspage[ids[3]].front());
    QVERIFY(notIsolated.ok() && !notIsolated->has_value());
    QCOMPARE(p.pool.endCompaction(), std::uint64_t(0));
}

void TstPoolCompaction::endCompactionReturnsZspages() {
    OneClassPool p(1000, 3);
    const std::uint32_t P = p.perZspage;
    auto it = p.byZspage.begin();
    const std::uint32_t sparse = it->first;
    p.keep(sparse, 1);
    p.keep((++it)->first, 1);
    const auto plan = p.pool.compactionPlan(); // free = 2P - 2 >= P: one zspage isolated
    QCOMPARE(plan.zspages.size(), std::size_t(1));
    // A second plan finds nothing more to isolate (the isolated one is no destination).
    QCOMPARE(p.pool.compactionPlan().zspages.size(), std::size_t(0));
    QCOMPARE(p.pool.endCompaction(), std::uint64_t(1));
    // Back in allocation: 2P - 2 stores fill both sparse zspages, no new zspage.
    const Page bytes = variedPage(3);
    for (std::uint32_t i = 0; i < 2 * P - 2; ++i)
        QVERIFY(p.pool.storeCompressed(Codec::Lz4, bytes.data(), 1000).ok());
    QCOMPARE(p.pool.stats().zspages, std::uint64_t(3));
    QCOMPARE(p.pool.compactionPlan().zspages.size(), std::size_t(0));
}

void TstPoolCompaction::migrateNeverGrowsThePool() {
    OneClassPool p(1000, 2);
    const std::uint32_t P = p.perZspage;
    auto it = p.byZspage.begin();
    const std::uint32_t sparse = it->first;
    const std::uint32_t other = (++it)->first;
    p.keep(sparse, 1);
    p.keep(other, 1);
    const auto plan = p.pool.compactionPlan();
    QCOMPARE(plan.zspages.size(), std::size_t(1));
    const pool::PoolHandle isolated = plan.contains(p.byZspage[sparse].front()) ? p.byZspage[sparse].front()
                                                                                : p.byZspage[other].front();
    // Concurrent stores take every free object outside the isolated zspage.
    const Page bytes = variedPage(4);
    for (std::uint32_t i = 0; i < P - 1; ++i)
        QVERIFY(p.pool.storeCompressed(Codec::Lz4, bytes.data(), 1000).ok());
    const PoolStats before = p.pool.stats();
    QCOMPARE(before.zspages, std::uint64_t(2));
    auto moved = p.pool.migrate(isolated);
    QCOMPARE(moved.code(), Errc::BackendFull);
    QCOMPARE(p.pool.stats().zspages, std::uint64_t(2));
    QCOMPARE(p.pool.stats().objects, before.objects);
    QCOMPARE(p.pool.endCompaction(), std::uint64_t(1));
}

// --- engine level ----------------------------------------------------------------------------

void TstPoolCompaction::emptyPoolIsNoOp() {
    auto e = makeEngine();
    auto r = e->compactPool();
    ST_VERIFY_OK(r);
    QCOMPARE(r->poolBytesBefore, std::uint64_t(0));
    QCOMPARE(r->poolBytesAfter, std::uint64_t(0));
    QCOMPARE(r->zspagesBefore, std::uint64_t(0));
    QCOMPARE(r->zspagesAfter, std::uint64_t(0));
    QCOMPARE(r->objectsMoved, std::uint64_t(0));
    QCOMPARE(r->reclaimedBytes(), std::uint64_t(0));

    // A packed pool is left alone too: nothing to isolate, nothing moved.
    auto live = storeMany(*e, 64);
    auto again = e->compactPool();
    ST_VERIFY_OK(again);
    QCOMPARE(again->objectsMoved, std::uint64_t(0));
    QCOMPARE(again->poolBytesAfter, again->poolBytesBefore);
    QString why;
    QVERIFY2(allReadBack(*e, live, &why), qPrintable(why));
    putAll(*e, live);
}

void TstPoolCompaction::fragmentedPoolShrinks_data() {
    QTest::addColumn<Codec>("codec");
    QTest::addColumn<unsigned>("maxPages");
    QTest::newRow("lz4") << Codec::Lz4 << 4u;
    QTest::newRow("zstd/chain16") << Codec::Zstd << 16u;
}

void TstPoolCompaction::fragmentedPoolShrinks() {
    QFETCH(Codec, codec);
    QFETCH(unsigned, maxPages);
    auto e = makeEngine(codec, maxPages);
    const std::uint64_t pages = pagesFromEnv();
    auto live = storeMany(*e, pages);
    putRandom(*e, live, 70, 42);
    std::map<std::uint64_t, EntryInfo> infoBefore;
    for (const auto& entry : live)
        infoBefore.emplace(entry.first, *e->lookup(SlotId{entry.first}));

    const EngineStats before = e->stats();
    QString why;
    QVERIFY2(statsConsistent(before, &why), qPrintable(why));
    QVERIFY(!packedTight(before.pool, &why)); // a fragmented pool to start with

    auto r = e->compactPool();
    ST_VERIFY_OK(r);
    const EngineStats after = e->stats();
    qInfo("%llu pages, %zu left: pool %llu -> %llu KiB (%llu KiB reclaimed), zspages %llu -> %llu, %llu moved, "
          "efficiency %.3f -> %.3f, %.2f ms",
          static_cast<unsigned long long>(pages), live.size(),
          static_cast<unsigned long long>(r->poolBytesBefore / 1024),
          static_cast<unsigned long long>(r->poolBytesAfter / 1024),
          static_cast<unsigned long long>(r->reclaimedBytes() / 1024),
          static_cast<unsigned long long>(r->zspagesBefore), static_cast<unsigned long long>(r->zspagesAfter),
          static_cast<unsigned long long>(r->objectsMoved), before.pool.allocatorEfficiency(),
          after.pool.allocatorEfficiency(), double(r->nanos) / 1e6);

    QCOMPARE(r->poolBytesBefore, before.pool.poolBytes);
    QCOMPARE(r->poolBytesAfter, after.pool.poolBytes);
    QCOMPARE(r->zspagesBefore, before.pool.zspages);
    QCOMPARE(r->zspagesAfter, after.pool.zspages);
    QVERIFY(r->poolBytesAfter < r->poolBytesBefore);
    QCOMPARE(r->reclaimedBytes(), r->poolBytesBefore - r->poolBytesAfter);
    QVERIFY(r->zspagesAfter < r->zspagesBefore);
    QVERIFY(r->objectsMoved > 0);
    QCOMPARE(r->busySkipped, std::uint64_t(0));
    QCOMPARE(r->vanished, std::uint64_t(0));
    QCOMPARE(r->noRoom, std::uint64_t(0));
    QVERIFY(after.pool.allocatorEfficiency() > before.pool.allocatorEfficiency());
    QVERIFY2(packedTight(after.pool, &why), qPrintable(why));

    // Same objects, same bytes: only handles changed.
    QCOMPARE(after.pool.objects, before.pool.objects);
    QCOMPARE(after.pool.storedBytes, before.pool.storedBytes);
    QVERIFY2(statsConsistent(after, &why), qPrintable(why));
    for (std::size_t b = 0; b < kBackendCount; ++b)
        QCOMPARE(after.backends[b].storedBytes, before.backends[b].storedBytes);
    for (const auto& [slot, info] : infoBefore) {
        auto now = e->lookup(SlotId{slot});
        QVERIFY(now.ok());
        QCOMPARE(now->backend, info.backend);
        QCOMPARE(now->codec, info.codec);
        QCOMPARE(now->storedBytes, info.storedBytes);
        QCOMPARE(now->cgroup, info.cgroup);
        QCOMPARE(now->swapCount, info.swapCount);
    }
    QVERIFY2(allReadBack(*e, live, &why), qPrintable(why));

    // Nothing isolated is left behind: new stores go in, and the pool empties completely.
    auto more = storeMany(*e, 200, pages);
    QVERIFY2(allReadBack(*e, more, &why), qPrintable(why));
    putAll(*e, more);
    putAll(*e, live);
    const EngineStats empty = e->stats();
    QCOMPARE(empty.pool.zspages, std::uint64_t(0));
    QCOMPARE(empty.pool.poolBytes, std::uint64_t(0));
    QCOMPARE(empty.pool.objects, std::uint64_t(0));
}

void TstPoolCompaction::cancel() {
    // Two engines fragmented alike: the twin's full compaction says how long one takes.
    auto fragmented = [](std::map<std::uint64_t, std::uint64_t>& live) {
        auto engine = makeEngine();
        live = storeMany(*engine, pagesFromEnv());
        putRandom(*engine, live, 70, 7);
        return engine;
    };
    std::map<std::uint64_t, std::uint64_t> live, twinLive;
    auto e = fragmented(live);
    auto twin = fragmented(twinLive);
    auto timed = twin->compactPool();
    ST_VERIFY_OK(timed);
    const std::uint64_t packedZspages = timed->zspagesAfter;
    QString why;

    // Cancelled before it starts: nothing moved, nothing left isolated.
    std::atomic<bool> stop{true};
    auto r = e->compactPool(&stop);
    QCOMPARE(r.code(), Errc::Cancelled);
    QCOMPARE(e->stats().pool.zspages, timed->zspagesBefore);
    QVERIFY2(allReadBack(*e, live, &why), qPrintable(why));

    // Cancelled midway: another thread stops it after about half the twin's time.
    stop = false;
    std::atomic<bool> started{false};
    std::thread canceller([&] {
        while (!started.load())
            std::this_thread::yield();
        std::this_thread::sleep_for(std::chrono::nanoseconds(timed->nanos / 2));
        stop = true;
    });
    started = true;
    auto midway = e->compactPool(&stop);
    canceller.join();
    QVERIFY(midway.ok() || midway.code() == Errc::Cancelled);
    const PoolStats afterCancel = e->stats().pool;
    qInfo("midway: %s, zspages %llu -> %llu (%llu when packed)", midway.ok() ? "finished first" : "cancelled",
          static_cast<unsigned long long>(timed->zspagesBefore), static_cast<unsigned long long>(afterCancel.zspages),
          static_cast<unsigned long long>(packedZspages));
    QVERIFY(afterCancel.zspages >= packedZspages && afterCancel.zspages <= timed->zspagesBefore);
    QVERIFY2(statsConsistent(e->stats(), &why), qPrintable(why));
    QVERIFY2(allReadBack(*e, live, &why), qPrintable(why));

    // Stores use the zspages the cancelled pass left isolated; a later compaction finishes.
    auto more = storeMany(*e, 100, 1u << 30);
    auto full = e->compactPool();
    ST_VERIFY_OK(full);
    QVERIFY2(packedTight(e->stats().pool, &why), qPrintable(why));
    QVERIFY2(allReadBack(*e, live, &why), qPrintable(why));
    QVERIFY2(allReadBack(*e, more, &why), qPrintable(why));
    putAll(*e, live);
    putAll(*e, more);
    QCOMPARE(e->stats().pool.zspages, std::uint64_t(0));
    putAll(*twin, twinLive);
}

void TstPoolCompaction::concurrentTraffic() {
    auto e = makeEngine();
    constexpr unsigned kThreads = 3;
    constexpr std::uint64_t kInitial = 3000, kSeedStride = std::uint64_t{1} << 32;
    // Each thread owns its entries: slot -> seed.
    std::vector<std::map<std::uint64_t, std::uint64_t>> owned(kThreads);
    for (unsigned t = 0; t < kThreads; ++t) {
        owned[t] = storeMany(*e, kInitial, t * kSeedStride);
        putRandom(*e, owned[t], 70, 100 + t);
    }

    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> failures{0}, ops{0};
    auto worker = [&](unsigned t) {
        std::mt19937_64 rng(t + 1);
        auto& mine = owned[t];
        std::uint64_t nextSeed = t * kSeedStride + kInitial;
        Page got;
        while (!stop.load(std::memory_order_relaxed)) {
            const unsigned op = unsigned(rng() % 100);
            if (mine.empty() || op < 25) { // store
                const std::uint64_t seed = nextSeed++;
                auto s = e->swapOut(variedPage(seed), cgroupOf(seed));
                if (s)
                    mine.emplace(s->value, seed);
                else
                    ++failures;
                continue;
            }
            auto it = mine.begin();
            std::advance(it, std::ptrdiff_t(rng() % std::min<std::size_t>(mine.size(), 64)));
            const SlotId slot{it->first};
            if (op < 65) { // swap-in, sometimes keeping a cached copy
                LoadOptions lo;
                lo.keepCached = op % 5 == 0;
                auto r = e->swapIn(slot, got, lo);
                if (!r || got != variedPage(it->second))
                    ++failures;
                if (lo.keepCached && !e->dropCached(slot))
                    ++failures;
            } else if (op < 90) { // put
                if (!e->put(slot))
                    ++failures;
                mine.erase(it);
            } else { // out of the pool and back (a move racing with compaction reports Busy)
                auto m = e->move(slot, MoveTarget::memory());
                if (!m && m.code() != Errc::Busy)
                    ++failures;
                auto back = e->move(slot, MoveTarget::pool());
                if (!back && back.code() != Errc::Busy)
                    ++failures;
            }
            ++ops;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; ++t)
        threads.emplace_back(worker, t);
    // Compact over and over while the workers fragment the pool again, until they have done
    // enough operations for many of them to meet a compaction in flight.
    PoolCompactReport total;
    int rounds = 0;
    for (; rounds < 6 || ops.load() < 6000; ++rounds) {
        auto r = e->compactPool();
        if (!r) {
            stop = true;
            for (auto& th : threads)
                th.join();
            QFAIL(errcName(r.code()));
        }
        total.objectsMoved += r->objectsMoved;
        total.busySkipped += r->busySkipped;
        total.vanished += r->vanished;
        total.noRoom += r->noRoom;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    stop = true;
    for (auto& th : threads)
        th.join();
    qInfo("%llu ops beside %d compactions: %llu moved, %llu busy, %llu vanished, %llu no room",
          static_cast<unsigned long long>(ops.load()), rounds, static_cast<unsigned long long>(total.objectsMoved),
          static_cast<unsigned long long>(total.busySkipped), static_cast<unsigned long long>(total.vanished),
          static_cast<unsigned long long>(total.noRoom));
    QCOMPARE(failures.load(), std::uint64_t(0));
    QVERIFY(total.objectsMoved > 0);

    QString why;
    QVERIFY2(statsConsistent(e->stats(), &why), qPrintable(why));
    std::uint64_t entries = 0;
    for (const auto& mine : owned) {
        QVERIFY2(allReadBack(*e, mine, &why), qPrintable(why));
        entries += mine.size();
    }
    QCOMPARE(e->stats().slotTable.liveEntries, entries);
    // Quiet now: one more compaction packs every class tight.
    ST_VERIFY_OK(e->compactPool());
    QVERIFY2(packedTight(e->stats().pool, &why), qPrintable(why));
    for (const auto& mine : owned) {
        QVERIFY2(allReadBack(*e, mine, &why), qPrintable(why));
        putAll(*e, mine);
    }
    const EngineStats empty = e->stats();
    QCOMPARE(empty.pool.zspages, std::uint64_t(0));
    QCOMPARE(empty.slotTable.liveEntries, std::uint64_t(0));
}

QTEST_GUILESS_MAIN(TstPoolCompaction)
#include "tst_poolcompaction.moc"
