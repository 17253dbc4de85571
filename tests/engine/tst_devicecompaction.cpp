// SPDX-License-Identifier: GPL-3.0-or-later
// Swapfile compaction (Engine::compactDevice, Engine::deviceFragmentation): the fragmentation
// figures against a model built from the entries' physical slots; compaction packs the used
// slots below the target (used slots rounded up to clusters), shrinks the file to the header
// plus the target, and leaves every entry readable byte for byte under its old slot id; it
// stays correct with swap-ins, puts and stores running in other threads; a cancel or a write
// error leaves every entry where it was and the device usable.
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "faultinjectionenv.h"
#include "swaptier/engine.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using swaptier::testing::FaultInjectionEnv;

namespace {

constexpr std::uint64_t kCluster = 512;

std::uint64_t roundUpToClusters(std::uint64_t count) { return (count + kCluster - 1) / kCluster * kCluster; }

/// Which of the stored pages are put again to fragment the device.
enum class Pattern { EveryOther, RandomHalf, AllButLastQuarter, None };

struct Rig {
    QTemporaryDir dir = makeScratchDir();
    FaultInjectionEnv env;
    std::unique_ptr<Engine> engine;
    DeviceId device;
    std::map<std::uint64_t, std::uint64_t> live; ///< slot id value -> page seed

    explicit Rig(std::uint64_t pages) {
        EngineOptions o;
        o.env = &env;
        o.pool.enabled = false;
        engine = std::move(*Engine::create(o));
        auto id = engine->addDevice(deviceIn(dir, "swap", pages));
        if (!id)
            qFatal("addDevice: %s", errcName(id.code()));
        device = *id;
    }

    StoreOptions onDevice() const {
        StoreOptions s;
        s.placement = Placement::DeviceOnly;
        s.device = device;
        return s;
    }

    /// Stores `count` pages, then puts some of them as `pattern` says.
    bool fragment(std::uint64_t count, Pattern pattern, std::uint64_t seed) {
        std::vector<SlotId> stored;
        for (std::uint64_t i = 0; i < count; ++i) {
            const Page p = makePage(PageKind::Random, seed + i);
            auto s = engine->swapOut(p, CgroupId{1}, onDevice());
            if (!s)
                return false;
            stored.push_back(*s);
            live[s->value] = seed + i;
        }
        std::vector<std::size_t> drop;
        for (std::size_t i = 0; i < stored.size(); ++i) {
            if ((pattern == Pattern::EveryOther && i % 2 == 1) || (pattern == Pattern::AllButLastQuarter && i < count * 3 / 4))
                drop.push_back(i);
        }
        if (pattern == Pattern::RandomHalf) {
            std::vector<std::size_t> all(stored.size());
            for (std::size_t i = 0; i < all.size(); ++i)
                all[i] = i;
            std::shuffle(all.begin(), all.end(), std::mt19937_64(seed));
            drop.assign(all.begin(), all.begin() + std::ptrdiff_t(all.size() / 2));
        }
        for (std::size_t i : drop) {
            if (!engine->put(stored[i]))
                return false;
            live.erase(stored[i].value);
        }
        return true;
    }

    /// The physical slots of the live entries (all must be on the device).
    std::set<std::uint64_t> usedPhysical() const {
        std::set<std::uint64_t> used;
        for (const auto& [slot, seed] : live) {
            auto info = engine->lookup(SlotId{slot});
            if (info && info->backend == Backend::Device && info->device == device)
                used.insert(info->physicalSlot);
        }
        return used;
    }

    /// Every live entry reads back byte for byte under its slot id, from a slot below `bound`.
    bool allReadBack(std::uint64_t bound) const {
        for (const auto& [slot, seed] : live) {
            auto info = engine->lookup(SlotId{slot});
            if (!info || info->backend != Backend::Device || info->device != device || info->physicalSlot >= bound)
                return false;
            Page got;
            if (!engine->swapIn(SlotId{slot}, got) || got != makePage(PageKind::Random, seed))
                return false;
        }
        return true;
    }

    /// Stores pages until the device is full; returns how many fit, then puts them again.
    std::uint64_t freeRoom() {
        std::vector<SlotId> extra;
        const Page p = makePage(PageKind::Random, 999999);
        for (;;) {
            auto s = engine->swapOut(p, CgroupId{2}, onDevice());
            if (!s)
                break;
            extra.push_back(*s);
        }
        for (SlotId s : extra)
            static_cast<void>(engine->put(s));
        return extra.size();
    }
};

/// The figures deviceFragmentation must report for these used slots.
FragmentationStats model(const std::set<std::uint64_t>& used, std::uint64_t total) {
    FragmentationStats f;
    f.totalSlots = total;
    f.usedSlots = used.size();
    std::uint64_t next = 0; // first slot after the previous used one
    auto gap = [&](std::uint64_t end) {
        if (end > next) {
            ++f.freeExtents;
            f.largestFreeRun = std::max(f.largestFreeRun, end - next);
        }
    };
    for (std::uint64_t s : used) {
        gap(s);
        next = s + 1;
    }
    gap(total);
    f.highestUsedSlot = used.empty() ? 0 : *used.rbegin() + 1;
    return f;
}

#define COMPARE_FIGURES(actual, expected)                                \
    do {                                                                 \
        QCOMPARE((actual).totalSlots, (expected).totalSlots);            \
        QCOMPARE((actual).usedSlots, (expected).usedSlots);              \
        QCOMPARE((actual).freeExtents, (expected).freeExtents);          \
        QCOMPARE((actual).largestFreeRun, (expected).largestFreeRun);    \
        QCOMPARE((actual).highestUsedSlot, (expected).highestUsedSlot);  \
    } while (0)

bool headerIntact(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[8] = {};
    in.read(magic, sizeof magic);
    return in && std::string(magic, sizeof magic) == "SWAPTIER";
}

} // namespace

Q_DECLARE_METATYPE(Pattern)

class TstDeviceCompaction : public QObject {
    Q_OBJECT

private slots:
    void fragmentationMatchesModel_data();
    void fragmentationMatchesModel();
    void compactPacksAndShrinks_data();
    void compactPacksAndShrinks();
    void compactWithoutShrinkKeepsSize();
    void compactUnderConcurrentSwapInPutStore();
    void cancelLeavesEverythingReadable();
    void writeErrorLeavesEntryInPlace();
    void emptyDeviceShrinksToHeader();
    void unknownDevice();
    void timesLargeCompaction();
};

namespace {

struct Row {
    std::uint64_t devicePages;
    std::uint64_t stored;
    Pattern pattern;
};

Row fetchRow() {
    QFETCH(quint64, devicePages);
    QFETCH(quint64, stored);
    QFETCH(Pattern, pattern);
    return Row{devicePages, stored, pattern};
}

void addRows() {
    QTest::addColumn<quint64>("devicePages");
    QTest::addColumn<quint64>("stored");
    QTest::addColumn<Pattern>("pattern");
    QTest::newRow("every other of 4096 in 8192") << quint64(8192) << quint64(4096) << Pattern::EveryOther;
    QTest::newRow("random half of 3000 in 4096") << quint64(4096) << quint64(3000) << Pattern::RandomHalf;
    QTest::newRow("last quarter of a full device") << quint64(4096) << quint64(4096) << Pattern::AllButLastQuarter;
    QTest::newRow("already packed") << quint64(4096) << quint64(1000) << Pattern::None;
    QTest::newRow("partial last cluster") << quint64(3000) << quint64(3000) << Pattern::EveryOther;
}

} // namespace

void TstDeviceCompaction::fragmentationMatchesModel_data() { addRows(); }

void TstDeviceCompaction::fragmentationMatchesModel() {
    const auto [devicePages, stored, pattern] = fetchRow();
    Rig rig(devicePages);
    auto empty = rig.engine->deviceFragmentation(rig.device);
    ST_VERIFY_OK(empty);
    COMPARE_FIGURES(*empty, model({}, devicePages));
    QCOMPARE(empty->freeExtents, 1u);
    QCOMPARE(empty->fileBytes, (devicePages + 1) * kPageSize);

    QVERIFY(rig.fragment(stored, pattern, 100));
    auto f = rig.engine->deviceFragmentation(rig.device);
    ST_VERIFY_OK(f);
    COMPARE_FIGURES(*f, model(rig.usedPhysical(), devicePages));
    QCOMPARE(f->fileBytes, (devicePages + 1) * kPageSize);
    QVERIFY(f->allocatedBytes >= f->usedSlots * kPageSize); // every used slot was written
}

void TstDeviceCompaction::compactPacksAndShrinks_data() { addRows(); }

void TstDeviceCompaction::compactPacksAndShrinks() {
    const auto [devicePages, stored, pattern] = fetchRow();
    Rig rig(devicePages);
    QVERIFY(rig.fragment(stored, pattern, 7));
    const std::uint64_t used = rig.live.size();
    const std::uint64_t target = roundUpToClusters(used);
    const std::set<std::uint64_t> physicalBefore = rig.usedPhysical();
    const auto above = std::uint64_t(std::count_if(physicalBefore.begin(), physicalBefore.end(),
                                                   [&](std::uint64_t s) { return s >= target; }));
    std::map<std::uint64_t, std::uint64_t> progressSeen; // total -> last done
    CompactOptions options;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { progressSeen[total] = done; };

    auto r = rig.engine->compactDevice(rig.device, options);
    ST_VERIFY_OK(r);
    COMPARE_FIGURES(r->before, model(physicalBefore, devicePages));
    QCOMPARE(r->before.fileBytes, (devicePages + 1) * kPageSize);
    QCOMPARE(r->moved, above);
    QCOMPARE(r->vanished, 0u);
    QVERIFY(r->shrunk);
    QCOMPARE(progressSeen.size(), std::size_t(1));
    QCOMPARE(progressSeen.begin()->first, above);
    QCOMPARE(progressSeen.begin()->second, above);

    // Packed below the target, and the file cut to the header plus the target.
    COMPARE_FIGURES(r->after, model(rig.usedPhysical(), target));
    QCOMPARE(r->after.totalSlots, target);
    QCOMPARE(r->after.usedSlots, used);
    QVERIFY(r->after.highestUsedSlot <= target);
    QVERIFY(r->after.largestFreeRun <= target - used);
    QCOMPARE(r->after.fileBytes, (target + 1) * kPageSize);
    QVERIFY(r->after.allocatedBytes <= r->before.allocatedBytes);
    if (used % kCluster == 0) {
        QCOMPARE(r->after.freeExtents, 0u);
        QCOMPARE(r->after.highestUsedSlot, used);
    }
    QVERIFY(rig.allReadBack(target));
    QVERIFY(headerIntact(pathIn(rig.dir, "swap")));

    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.devices.at(0).totalSlots, target);
    QCOMPARE(s.devices.at(0).usedSlots, used);
    QCOMPARE(s.events.moves, above);

    // The device takes stores again, in every slot it kept.
    QCOMPARE(rig.freeRoom(), target - used);
    QVERIFY(rig.allReadBack(target));
}

void TstDeviceCompaction::compactWithoutShrinkKeepsSize() {
    Rig rig(4096);
    QVERIFY(rig.fragment(4096, Pattern::EveryOther, 3));
    CompactOptions options;
    options.shrinkFile = false;
    auto r = rig.engine->compactDevice(rig.device, options);
    ST_VERIFY_OK(r);
    QVERIFY(!r->shrunk);
    QCOMPARE(r->moved, 1024u);
    QCOMPARE(r->after.totalSlots, 4096u);
    QCOMPARE(r->after.fileBytes, 4097 * kPageSize);
    QCOMPARE(r->after.highestUsedSlot, 2048u);
    QCOMPARE(r->after.freeExtents, 1u);
    QCOMPARE(r->after.largestFreeRun, 2048u);
    QVERIFY(rig.allReadBack(2048));
    QCOMPARE(rig.freeRoom(), 2048u); // no ceiling left behind
}

void TstDeviceCompaction::compactUnderConcurrentSwapInPutStore() {
    Rig rig(4096);
    QVERIFY(rig.fragment(3072, Pattern::RandomHalf, 11));
    // Three groups of entries, one per thread, so the threads share no test state.
    std::vector<std::pair<SlotId, std::uint64_t>> groups[3];
    std::size_t n = 0;
    for (const auto& [slot, seed] : rig.live)
        groups[n++ % 3].emplace_back(SlotId{slot}, seed);
    rig.env.delayWrites(std::chrono::microseconds(50)); // keep compaction running a while

    std::atomic<bool> stop{false};
    std::atomic<int> ready{0};
    std::atomic<std::uint64_t> failures{0}, reads{0}, puts{0}, stores{0}, refused{0};
    auto verify = [&](SlotId slot, std::uint64_t seed) {
        Page got;
        if (!rig.engine->swapIn(slot, got) || got != makePage(PageKind::Random, seed))
            failures.fetch_add(1);
        reads.fetch_add(1, std::memory_order_relaxed);
    };
    std::vector<std::pair<SlotId, std::uint64_t>> added; // written by the store thread only
    std::vector<std::thread> threads;
    threads.emplace_back([&] { // swap-ins
        ready.fetch_add(1);
        for (std::size_t i = 0; !stop.load(); ++i)
            verify(groups[0][i % groups[0].size()].first, groups[0][i % groups[0].size()].second);
    });
    threads.emplace_back([&] { // swap-in then put, one entry after another
        ready.fetch_add(1);
        auto& mine = groups[1];
        while (!stop.load() && mine.size() > 50) {
            verify(mine.back().first, mine.back().second);
            if (!rig.engine->put(mine.back().first))
                failures.fetch_add(1);
            mine.pop_back();
            puts.fetch_add(1, std::memory_order_relaxed);
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        }
    });
    threads.emplace_back([&] { // stores onto the device (refused when the room below the ceiling is taken)
        ready.fetch_add(1);
        for (std::uint64_t seed = 500000; !stop.load(); ++seed) {
            const Page p = makePage(PageKind::Random, seed);
            auto s = rig.engine->swapOut(p, CgroupId{3}, rig.onDevice());
            if (s) {
                added.emplace_back(*s, seed);
                stores.fetch_add(1, std::memory_order_relaxed);
                verify(*s, seed);
            } else if (s.code() == Errc::DeviceFull) {
                refused.fetch_add(1, std::memory_order_relaxed);
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            } else {
                failures.fetch_add(1);
            }
            if (added.size() >= 300) { // churn: drop the older half
                for (std::size_t i = 0; i < 150; ++i)
                    if (!rig.engine->put(added[i].first))
                        failures.fetch_add(1);
                added.erase(added.begin(), added.begin() + 150);
            }
        }
    });
    while (ready.load() < 3)
        std::this_thread::yield();
    auto r = rig.engine->compactDevice(rig.device);
    stop.store(true);
    for (auto& t : threads)
        t.join();
    rig.env.clearFaults();

    ST_VERIFY_OK(r);
    QCOMPARE(failures.load(), 0u);
    QVERIFY(reads.load() > 0 && puts.load() > 0); // the threads ran while compaction did
    QVERIFY(r->moved > 0);
    rig.live.clear();
    for (const auto& group : groups)
        for (const auto& [slot, seed] : group)
            rig.live[slot.value] = seed;
    for (const auto& [slot, seed] : added)
        rig.live[slot.value] = seed;
    auto f = rig.engine->deviceFragmentation(rig.device);
    ST_VERIFY_OK(f);
    QCOMPARE(f->usedSlots, std::uint64_t(rig.live.size()));
    COMPARE_FIGURES(*f, model(rig.usedPhysical(), f->totalSlots));
    QCOMPARE(f->fileBytes, (f->totalSlots + 1) * kPageSize);
    QVERIFY(r->shrunk);
    QVERIFY(f->totalSlots < 4096);
    QVERIFY(rig.allReadBack(f->totalSlots));
    QCOMPARE(rig.engine->stats().slotTable.liveEntries, std::uint64_t(rig.live.size()));
}

void TstDeviceCompaction::cancelLeavesEverythingReadable() {
    Rig rig(8192);
    QVERIFY(rig.fragment(8192, Pattern::RandomHalf, 21));
    const std::uint64_t used = rig.live.size();
    std::atomic<bool> cancel{false};
    std::uint64_t calls = 0;
    CompactOptions options;
    options.cancel = &cancel;
    options.progress = [&](std::uint64_t done, std::uint64_t total) {
        ++calls;
        if (done * 4 >= total)
            cancel.store(true);
    };
    auto r = rig.engine->compactDevice(rig.device, options);
    QCOMPARE(r.code(), Errc::Cancelled);
    QCOMPARE(r.error().device, rig.device);
    QVERIFY(calls > 0);
    QVERIFY(rig.allReadBack(8192));
    auto f = rig.engine->deviceFragmentation(rig.device);
    ST_VERIFY_OK(f);
    QCOMPARE(f->totalSlots, 8192u);
    QCOMPARE(f->fileBytes, 8193 * kPageSize);
    QVERIFY(rig.engine->stats().events.moves > 0);          // it was midway
    QVERIFY(f->highestUsedSlot > roundUpToClusters(used));  // and not done
    QCOMPARE(rig.freeRoom(), 8192 - used);                  // the ceiling was lifted

    auto again = rig.engine->compactDevice(rig.device);
    ST_VERIFY_OK(again);
    QVERIFY(again->shrunk);
    QCOMPARE(again->after.totalSlots, roundUpToClusters(used));
    QVERIFY(rig.allReadBack(roundUpToClusters(used)));
}

void TstDeviceCompaction::writeErrorLeavesEntryInPlace() {
    Rig rig(4096);
    QVERIFY(rig.fragment(4096, Pattern::EveryOther, 31));
    std::map<std::uint64_t, std::uint64_t> physical; // slot id -> physical slot
    for (const auto& [slot, seed] : rig.live)
        physical[slot] = rig.engine->lookup(SlotId{slot})->physicalSlot;
    rig.env.failWrites(EIO, 1); // the first relocation's write
    auto r = rig.engine->compactDevice(rig.device);
    QCOMPARE(r.code(), Errc::IoError);
    QCOMPARE(r.error().osError, EIO);
    QCOMPARE(r.error().device, rig.device);
    QVERIFY(r.error().slot.valid());
    QCOMPARE(rig.engine->lookup(r.error().slot)->physicalSlot, physical.at(r.error().slot.value));
    for (const auto& [slot, where] : physical)
        QCOMPARE(rig.engine->lookup(SlotId{slot})->physicalSlot, where); // nothing moved
    QVERIFY(rig.allReadBack(4096));
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.devices.at(0).totalSlots, 4096u);
    QCOMPARE(s.devices.at(0).writeErrors, 1u);
    QCOMPARE(s.events.moveFailures, 1u);

    auto again = rig.engine->compactDevice(rig.device);
    ST_VERIFY_OK(again);
    QCOMPARE(again->moved, 1024u);
    QCOMPARE(again->after.totalSlots, 2048u);
    QVERIFY(rig.allReadBack(2048));
}

void TstDeviceCompaction::emptyDeviceShrinksToHeader() {
    Rig rig(2048);
    QVERIFY(rig.fragment(700, Pattern::None, 41));
    for (const auto& [slot, seed] : rig.live)
        ST_VERIFY_OK(rig.engine->put(SlotId{slot}));
    rig.live.clear();
    auto r = rig.engine->compactDevice(rig.device);
    ST_VERIFY_OK(r);
    QVERIFY(r->shrunk);
    QCOMPARE(r->moved, 0u);
    QCOMPARE(r->after.totalSlots, 0u);
    QCOMPARE(r->after.usedSlots, 0u);
    QCOMPARE(r->after.freeExtents, 0u);
    QCOMPARE(r->after.highestUsedSlot, 0u);
    QCOMPARE(r->after.fileBytes, kPageSize);
    QVERIFY(headerIntact(pathIn(rig.dir, "swap")));
    const Page p = makePage(PageKind::Random, 1);
    QCOMPARE(rig.engine->swapOut(p, CgroupId{}, rig.onDevice()).code(), Errc::DeviceFull);
    auto again = rig.engine->compactDevice(rig.device);
    ST_VERIFY_OK(again);
    QVERIFY(!again->shrunk);
    QCOMPARE(again->after.fileBytes, kPageSize);
}

void TstDeviceCompaction::unknownDevice() {
    Rig rig(512);
    const DeviceId bogus{rig.device.value + 7};
    QCOMPARE(rig.engine->compactDevice(bogus).code(), Errc::UnknownDevice);
    QCOMPARE(rig.engine->compactDevice(bogus).error().device, bogus);
    QCOMPARE(rig.engine->deviceFragmentation(bogus).code(), Errc::UnknownDevice);
    ST_VERIFY_OK(rig.engine->swapoff(rig.device));
    QCOMPARE(rig.engine->compactDevice(rig.device).code(), Errc::UnknownDevice);
    QCOMPARE(rig.engine->deviceFragmentation(rig.device).code(), Errc::UnknownDevice);
}

void TstDeviceCompaction::timesLargeCompaction() {
    // SWAPTIER_COMPACT_ENTRIES=65536 measures the figure; the default keeps CI fast.
    const QByteArray env = qgetenv("SWAPTIER_COMPACT_ENTRIES");
    const std::uint64_t entries = env.isEmpty() ? 8192 : env.toULongLong();
    Rig rig(2 * entries);
    QVERIFY(rig.fragment(2 * entries, Pattern::EveryOther, 51));
    auto r = rig.engine->compactDevice(rig.device);
    ST_VERIFY_OK(r);
    QCOMPARE(r->moved, entries / 2);
    QCOMPARE(r->after.totalSlots, roundUpToClusters(entries));
    QCOMPARE(r->after.fileBytes, (roundUpToClusters(entries) + 1) * kPageSize);
    qInfo("compacted %llu of %llu entries in %.1f ms; free extents %llu -> %llu, file %llu -> %llu KiB",
          static_cast<unsigned long long>(r->moved), static_cast<unsigned long long>(entries),
          double(r->nanos) / 1e6, static_cast<unsigned long long>(r->before.freeExtents),
          static_cast<unsigned long long>(r->after.freeExtents),
          static_cast<unsigned long long>(r->before.fileBytes / 1024),
          static_cast<unsigned long long>(r->after.fileBytes / 1024));
}

QTEST_GUILESS_MAIN(TstDeviceCompaction)
#include "tst_devicecompaction.moc"
