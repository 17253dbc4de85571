// SPDX-License-Identifier: GPL-3.0-or-later
// Randomized model test of the engine: at least 1M mixed operations (swap out, swap in,
// duplicate, share a reference with the other thread, put, move, drop cache, swapoff, and the
// tier operations of issue #4: writeback, pool and swapfile compaction, cgroup policy changes
// with their enforcement, recompression, promotion on/off) on two
// threads over a shared table of entries, checking every swapped-in page byte for byte against
// its regenerated contents, while a third thread takes statistics snapshots and checks they
// add up (per backend, and each cgroup's per-device entries to its Device figure). At the end the per-cgroup policy charges must equal the statistics of each subtree,
// every reference is put and the engine must have returned all memory, disk space and charges.
//
// The model: entry i holds a slot, a content seed and how many engine references each thread
// owns. A thread acts only through references it owns, so the entry is alive whenever it
// acts; both threads hold references to shared entries, so the engine sees concurrent loads,
// moves, puts and swapoff on the same entries. A thread creates new entries only in its own
// half of the table (i % 2), and only once no reference to the old one is left.
//
// SWAPTIER_MODEL_OPS overrides the operation count: the ASan and TSan presets run 200k
// (instrumented, 1M would take ~7 minutes under TSan); the normal build runs the full 1M.
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/engine.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <mutex>
#include <random>
#include <sys/stat.h>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;

namespace {

constexpr unsigned kThreads = 2;
constexpr std::size_t kEntries = 4096;

enum Op { OpOut, OpIn, OpDup, OpShare, OpPut, OpMove, OpDrop, OpSwapoff, OpTier, OpCount };
const char* const kOpNames[OpCount] = {"out", "in", "dup", "share", "put", "move", "drop", "swapoff", "tier"};

// Cgroups 1..5: /1, /1/2, /3, /3/4, /1/5 (parents first).
constexpr std::uint16_t kParents[6] = {0, 0, 1, 0, 3, 1};

/// A store, move or tier operation may be refused by policy or room; anything else is a bug.
bool acceptableRefusal(Errc c) {
    return c == Errc::Busy || c == Errc::PoolLimit || c == Errc::DeviceFull || c == Errc::BackendFull
           || c == Errc::UnknownDevice || c == Errc::LimitExceeded || c == Errc::NoDevice;
}

struct Entry {
    std::atomic<int> refs[kThreads];
    SlotId slot;        // written by the creating thread before it publishes refs (release)
    std::uint64_t seed = 0;
    PageKind kind = PageKind::Text;
    Entry() {
        for (auto& r : refs)
            r.store(0, std::memory_order_relaxed);
    }
};

PageKind kindFor(std::uint64_t seed) {
    const unsigned r = unsigned(seed % 20);
    return r < 2 ? PageKind::Zero : r < 5 ? PageKind::Random : r < 10 ? PageKind::Mixed : PageKind::Text;
}

std::uint64_t allocatedBytes(const std::string& path) {
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 ? std::uint64_t(st.st_blocks) * 512 : 0;
}

struct Failure {
    std::mutex mutex;
    QString message;
    std::atomic<bool> failed{false};
    void set(const QString& m) {
        std::lock_guard lock(mutex);
        if (!failed.exchange(true))
            message = m;
    }
};

} // namespace

class TstEngineModel : public QObject {
    Q_OBJECT

private slots:
    void randomizedAgainstModel();
};

void TstEngineModel::randomizedAgainstModel() {
    std::uint64_t totalOps = 1'000'000;
    if (const QByteArray env = qgetenv("SWAPTIER_MODEL_OPS"); !env.isEmpty())
        totalOps = env.toULongLong();
    QVERIFY(totalOps >= 1000);
    const std::uint64_t opsPerThread = totalOps / kThreads;

    auto dir = makeScratchDir();
    EngineOptions eo;
    eo.pool.codec = Codec::Lz4;
    eo.pool.limitBytes = 512 * 1024; // fills up: exercises the limit, hysteresis and fallback
    auto created = Engine::create(eo);
    QVERIFY(created.ok());
    Engine& engine = **created;

    std::mutex devicesLock;
    std::vector<std::pair<DeviceId, std::string>> devices; // GUARDED_BY(devicesLock), oldest first
    int deviceCounter = 0;
    auto addDevice = [&](int priority) -> bool {
        DeviceOptions d = deviceIn(dir, qPrintable(QStringLiteral("dev%1").arg(deviceCounter++)), 16384, priority);
        d.removeFileOnClose = false;
        auto id = engine.addDevice(d);
        if (!id)
            return false;
        std::lock_guard lock(devicesLock);
        devices.emplace_back(*id, d.path);
        return true;
    };
    // Two tiers, so promotion up the tiers has somewhere to go (devices join at 0..10).
    QVERIFY(engine.setTiers({{"fast", 8, 32767}, {"slow", -1, 7}}).ok());
    QVERIFY(addDevice(10));
    QVERIFY(addDevice(5));
    for (std::uint16_t cg = 1; cg <= 5; ++cg) {
        CgroupPolicy p;
        p.parent = CgroupId{kParents[cg]};
        QVERIFY(engine.setCgroupPolicy(CgroupId{cg}, p).ok());
    }
    std::array<std::atomic<std::uint64_t>, 6> tierOps{}; // writeback, compact pool, compact device, policy, recompress, promotion

    std::vector<Entry> table(kEntries);
    Failure failure;
    std::array<std::array<std::atomic<std::uint64_t>, OpCount>, kThreads> counts{};
    std::atomic<bool> done{false};
    std::atomic<std::uint64_t> swapoffMoves{0};
    std::atomic<unsigned> finishedThreads{0};
    std::atomic<std::uint64_t> drained{0};

    auto worker = [&](unsigned t) {
        std::mt19937_64 rng(0xC0FFEEull + t);
        Page page, got;
        std::uint64_t nextSeed = std::uint64_t(t) << 48;
        std::uint64_t executed = 0, nextSwapoff = opsPerThread / 8, idle = 0;
        std::size_t drainCursor = 0;
        bool finished = false;
        for (std::uint64_t n = 0; !failure.failed.load(); ++n) {
            // A thread that has done its share keeps putting its own references until the other
            // one is done too: otherwise its references could keep every entry of the other
            // thread's half alive while the other thread owns none, and starve it.
            if (executed >= opsPerThread) {
                if (!finished) {
                    finished = true;
                    ++finishedThreads;
                }
                if (finishedThreads.load() == kThreads)
                    break;
                bool put = false;
                for (std::size_t k = 0; k < kEntries && !put; ++k, drainCursor = (drainCursor + 1) % kEntries) {
                    Entry& own = table[drainCursor];
                    if (own.refs[t].load(std::memory_order_acquire) > 0) {
                        Status st = engine.put(own.slot);
                        if (!st)
                            failure.set(QStringLiteral("put: %1").arg(QLatin1String(errcName(st.code()))));
                        own.refs[t].fetch_sub(1, std::memory_order_release);
                        ++drained;
                        put = true;
                    }
                }
                if (!put)
                    std::this_thread::yield();
                continue;
            }
            if (++idle > 50'000'000) {
                failure.set(QStringLiteral("model thread %1 made no progress (test livelock)").arg(t));
                break;
            }
            // Thread 0 swaps off its oldest device eight times per run while thread 1 works.
            if (t == 0 && executed >= nextSwapoff) {
                nextSwapoff += opsPerThread / 8;
                if (!addDevice(int(rng() % 11))) {
                    failure.set(QStringLiteral("addDevice failed"));
                    break;
                }
                std::pair<DeviceId, std::string> victim;
                {
                    std::lock_guard lock(devicesLock);
                    victim = devices.front();
                    devices.erase(devices.begin());
                }
                SwapoffOptions so;
                so.removeFile = true;
                auto r = engine.swapoff(victim.first, so);
                if (!r) {
                    failure.set(QStringLiteral("swapoff: %1").arg(QLatin1String(errcName(r.code()))));
                    break;
                }
                swapoffMoves += r->toDevices + r->toMemory;
                ++counts[t][OpSwapoff];
                ++executed;
                idle = 0;
                continue;
            }

            const unsigned roll = unsigned(rng() % 100);
            const Op op = roll < 25 ? OpOut : roll < 50 ? OpIn : roll < 58 ? OpDup : roll < 63 ? OpShare
                        : roll < 85 ? OpPut : roll < 95 ? OpMove : roll < 98 ? OpDrop : OpTier;
            if (op == OpTier) {
                // Whole-engine tier operations, racing with the other thread's entry operations.
                // Compactions scan the whole pool or device: rarer than the per-cgroup operations.
                static constexpr unsigned kKinds[16] = {0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5};
                const unsigned kind = kKinds[rng() % 16];
                const CgroupId cg{std::uint16_t(rng() % 6)};
                switch (kind) {
                case 0: {
                    WritebackOptions o;
                    o.cgroup = cg;
                    o.maxPages = 1 + rng() % 256;
                    o.batchPages = std::uint32_t(1 + rng() % 64);
                    o.compressed = rng() % 2;
                    o.secondChance = rng() % 2;
                    auto r = engine.writeback(o);
                    if (!r)
                        failure.set(QStringLiteral("writeback: %1").arg(QLatin1String(errcName(r.code()))));
                    else if (r->firstError.code != Errc::Ok && !acceptableRefusal(r->firstError.code))
                        failure.set(QStringLiteral("writeback error: %1").arg(QLatin1String(errcName(r->firstError.code))));
                    break;
                }
                case 1: {
                    auto r = engine.compactPool();
                    if (!r)
                        failure.set(QStringLiteral("compactPool: %1").arg(QLatin1String(errcName(r.code()))));
                    break;
                }
                case 2: {
                    DeviceId victim;
                    {
                        std::lock_guard lock(devicesLock);
                        victim = devices[rng() % devices.size()].first;
                    }
                    CompactOptions co;
                    co.shrinkFile = rng() % 2;
                    auto r = engine.compactDevice(victim, co);
                    if (!r && r.code() != Errc::UnknownDevice && r.code() != Errc::Busy)
                        failure.set(QStringLiteral("compactDevice: %1").arg(QLatin1String(errcName(r.code()))));
                    break;
                }
                case 3: {
                    if (cg.value == 0)
                        break;
                    CgroupPolicy p;
                    p.parent = CgroupId{kParents[cg.value]};
                    if (rng() % 3 == 0)
                        p.zswapMaxBytes = (8 + rng() % 256) * 1024;
                    if (rng() % 3 == 0)
                        p.swapMaxBytes = (64 + rng() % 4096) * kPageSize;
                    p.zswapWriteback = rng() % 4 != 0;
                    auto r = engine.setCgroupPolicy(cg, p);
                    if (!r)
                        failure.set(QStringLiteral("setCgroupPolicy: %1").arg(QLatin1String(errcName(r.code()))));
                    break;
                }
                case 4: {
                    RecompressOptions o;
                    o.cgroup = cg;
                    o.codec = Codec::Zstd;
                    o.zstdLevel = 5;
                    o.maxPages = 128;
                    auto r = engine.recompress(o);
                    if (!r)
                        failure.set(QStringLiteral("recompress: %1").arg(QLatin1String(errcName(r.code()))));
                    break;
                }
                default: {
                    PromotionPolicy p;
                    p.deviceToPool = rng() % 2;
                    p.deviceToFasterTier = rng() % 2;
                    p.minLoads = std::uint32_t(1 + rng() % 3);
                    if (!engine.setPromotionPolicy(p))
                        failure.set(QStringLiteral("setPromotionPolicy failed"));
                    break;
                }
                }
                ++tierOps[kind];
                ++counts[t][OpTier];
                ++executed;
                idle = 0;
                continue;
            }
            std::size_t i = std::size_t(rng() % kEntries);
            // Operations other than a swap-out need a reference this thread owns: look a little.
            for (int tries = 0; op != OpOut && tries < 16 && table[i].refs[t].load(std::memory_order_acquire) == 0; ++tries)
                i = std::size_t(rng() % kEntries);
            Entry& e = table[i];

            if (op == OpOut) {
                i = (i & ~std::size_t{1}) | t; // this thread's half
                Entry& mine = table[i];
                if (mine.refs[0].load(std::memory_order_acquire) != 0 || mine.refs[1].load(std::memory_order_acquire) != 0)
                    continue;
                mine.seed = ++nextSeed;
                mine.kind = kindFor(mine.seed);
                fillPage(page, mine.kind, mine.seed);
                auto slot = engine.swapOut(page, CgroupId{std::uint16_t(1 + i % 5)});
                if (!slot) {
                    // A policy (swap.max, zswap.max with writeback off) may refuse: the page
                    // would stay resident. Anything else is a bug.
                    if (slot.code() == Errc::LimitExceeded || slot.code() == Errc::BackendFull
                        || slot.code() == Errc::PoolLimit)
                        continue;
                    failure.set(QStringLiteral("swapOut: %1").arg(QLatin1String(errcName(slot.code()))));
                    break;
                }
                mine.slot = *slot;
                mine.refs[t].store(1, std::memory_order_release);
                ++counts[t][OpOut];
                ++executed;
                idle = 0;
                continue;
            }
            if (e.refs[t].load(std::memory_order_acquire) == 0)
                continue; // we act only through references we own
            switch (op) {
            case OpIn: {
                LoadOptions lo;
                lo.keepCached = rng() % 10 == 0;
                auto r = engine.swapIn(e.slot, got, lo);
                fillPage(page, e.kind, e.seed);
                if (!r)
                    failure.set(QStringLiteral("swapIn: %1").arg(QLatin1String(errcName(r.code()))));
                else if (got != page)
                    failure.set(QStringLiteral("swapIn returned wrong bytes for slot %1 (from %2)")
                                    .arg(e.slot.value).arg(QLatin1String(backendName(r->from))));
                break;
            }
            case OpDup:
            case OpShare: {
                Status st = engine.duplicate(e.slot);
                if (!st)
                    failure.set(QStringLiteral("duplicate: %1").arg(QLatin1String(errcName(st.code()))));
                else
                    e.refs[op == OpDup ? t : 1 - t].fetch_add(1, std::memory_order_release);
                break;
            }
            case OpPut: {
                Status st = engine.put(e.slot);
                if (!st)
                    failure.set(QStringLiteral("put: %1").arg(QLatin1String(errcName(st.code()))));
                else
                    e.refs[t].fetch_sub(1, std::memory_order_release);
                break;
            }
            case OpMove: {
                MoveTarget target;
                switch (rng() % 4) {
                case 0: target = MoveTarget::pool(); break;
                case 1: target = MoveTarget::anyDevice(); break;
                case 2: target = MoveTarget::memory(); break;
                default: {
                    std::lock_guard lock(devicesLock);
                    target = MoveTarget::onDevice(devices[rng() % devices.size()].first);
                }
                }
                auto r = engine.move(e.slot, target);
                // Acceptable refusals leave the entry where it was: busy, pool or device full, a
                // device that was just swapped off.
                if (!r && !acceptableRefusal(r.code()))
                    failure.set(QStringLiteral("move: %1").arg(QLatin1String(errcName(r.code()))));
                break;
            }
            case OpDrop: {
                Status st = engine.dropCached(e.slot);
                if (!st && st.code() != Errc::InvalidArgument)
                    failure.set(QStringLiteral("dropCached: %1").arg(QLatin1String(errcName(st.code()))));
                break;
            }
            default:
                break;
            }
            ++counts[t][op];
            ++executed;
            idle = 0;
        }
    };

    // Statistics must add up at every moment, whatever the workers are doing.
    std::atomic<std::uint64_t> snapshots{0};
    std::thread statsThread([&] {
        while (!done.load()) {
            const EngineStats s = engine.stats();
            std::array<std::uint64_t, kBackendCount> sum{};
            for (const auto& cg : s.cgroups) {
                for (std::size_t b = 0; b < kBackendCount; ++b) {
                    if (cg.backends[b].entries > (std::uint64_t{1} << 40))
                        failure.set(QStringLiteral("negative entry count in a snapshot"));
                    sum[b] += cg.backends[b].entries;
                }
                std::uint64_t onDevices = 0;
                for (std::uint64_t e : cg.deviceEntries) {
                    if (e > (std::uint64_t{1} << 40))
                        failure.set(QStringLiteral("negative device entry count in a snapshot"));
                    onDevices += e;
                }
                if (onDevices != cg.backends[std::size_t(Backend::Device)].entries)
                    failure.set(QStringLiteral("per-device entries do not add up to the Device figure"));
            }
            for (std::size_t b = 0; b < kBackendCount; ++b)
                if (sum[b] != s.backends[b].entries)
                    failure.set(QStringLiteral("per-cgroup entries do not add up"));
            if (s.slotTable.liveEntries > kEntries * 64)
                failure.set(QStringLiteral("implausible live entry count"));
            ++snapshots;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });

    std::vector<std::thread> workers;
    for (unsigned t = 0; t < kThreads; ++t)
        workers.emplace_back(worker, t);
    for (auto& w : workers)
        w.join();
    done = true;
    statsThread.join();
    QVERIFY2(!failure.failed.load(), qPrintable(failure.message));

    std::uint64_t executed = 0;
    for (unsigned op = 0; op < OpCount; ++op) {
        std::uint64_t n = 0;
        for (unsigned t = 0; t < kThreads; ++t)
            n += counts[t][op];
        qInfo("%-8s %llu", kOpNames[op], static_cast<unsigned long long>(n));
        QVERIFY2(n > 0, kOpNames[op]);
        executed += n;
    }
    QVERIFY(executed >= totalOps - kThreads);
    qInfo("operations executed: %llu (asked: %llu) + %llu puts while waiting for the other thread, "
          "snapshots checked: %llu, entries moved by swapoff: %llu",
          static_cast<unsigned long long>(executed), static_cast<unsigned long long>(totalOps),
          static_cast<unsigned long long>(drained.load()),
          static_cast<unsigned long long>(snapshots.load()), static_cast<unsigned long long>(swapoffMoves.load()));

    // Every live entry reads back right, and its engine count matches the model.
    for (auto& e : table) {
        const int refs = e.refs[0].load() + e.refs[1].load();
        if (refs == 0)
            continue;
        auto info = engine.lookup(e.slot);
        QVERIFY(info.ok());
        QCOMPARE(int(info->swapCount), refs);
        Page expected, got;
        fillPage(expected, e.kind, e.seed);
        QVERIFY(engine.swapIn(e.slot, got).ok());
        QVERIFY(got == expected);
    }
    const EngineStats before = engine.stats();
    QVERIFY(before.events.moves > 0);
    QVERIFY(before.pool.limitHits > 0);
    for (std::size_t k = 0; k < tierOps.size(); ++k)
        QVERIFY2(tierOps[k].load() > 0, qPrintable(QStringLiteral("tier operation %1 never ran").arg(k)));
    QVERIFY(before.events.zswpwb > 0);
    // Quiescent: each live device's used slots are the cgroups' entries at its index.
    {
        std::vector<std::uint64_t> perIndex;
        for (const auto& cs : before.cgroups) {
            perIndex.resize(std::max(perIndex.size(), cs.deviceEntries.size()));
            for (std::size_t i = 0; i < cs.deviceEntries.size(); ++i)
                perIndex[i] += cs.deviceEntries[i];
        }
        std::uint64_t used = 0, counted = 0;
        for (const auto& d : before.devices) {
            QCOMPARE(d.index < perIndex.size() ? perIndex[d.index] : 0u, d.usedSlots);
            used += d.usedSlots;
        }
        for (std::uint64_t n : perIndex)
            counted += n;
        QCOMPARE(counted, used); // nothing counted on an index without a device
    }
    // Policy charges equal the statistics of each subtree (quiescent now).
    for (const auto& st : engine.cgroupPolicies()) {
        std::uint64_t pool = 0, device = 0;
        for (const auto& cs : before.cgroups) {
            std::uint16_t c = cs.id.value;
            bool inSubtree = st.id.value == 0;
            for (int depth = 0; depth < 4 && !inSubtree && c != 0; ++depth, c = c <= 5 ? kParents[c] : 0)
                inSubtree = c == st.id.value;
            if (!inSubtree)
                continue;
            pool += cs.backends[std::size_t(Backend::Pool)].storedBytes;
            device += cs.backends[std::size_t(Backend::Device)].entries * kPageSize;
        }
        QCOMPARE(st.poolBytes, pool);
        QCOMPARE(st.deviceBytes, device);
    }

    // Put everything: all memory and disk space must come back.
    for (auto& e : table)
        for (unsigned t = 0; t < kThreads; ++t)
            while (e.refs[t].load() > 0) {
                QVERIFY(engine.put(e.slot).ok());
                e.refs[t].fetch_sub(1);
            }
    engine.trim();
    const EngineStats s = engine.stats();
    QCOMPARE(s.slotTable.liveEntries, 0u);
    QCOMPARE(s.slotTable.clusters, 0u);
    QCOMPARE(s.slotTable.cachedPages, 0u);
    QCOMPARE(s.slotTable.overflowCounts, 0u);
    for (const auto& b : s.backends)
        QCOMPARE(b.entries, 0u);
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.pool.poolBytes, 0u);
    QCOMPARE(s.pool.zspages, 0u);
    QCOMPARE(s.events.swapOuts, s.events.frees);
    for (const auto& st : engine.cgroupPolicies()) {
        QCOMPARE(st.poolBytes, 0u);
        QCOMPARE(st.deviceBytes, 0u);
        QCOMPARE(st.lruEntries, 0u);
    }
    std::lock_guard lock(devicesLock);
    for (const auto& d : s.devices)
        QCOMPARE(d.usedSlots, 0u);
    for (const auto& [id, path] : devices) // discard gave the blocks back
        QVERIFY2(allocatedBytes(path) <= 64 * 1024, qPrintable(QString::number(allocatedBytes(path))));
}

QTEST_GUILESS_MAIN(TstEngineModel)
#include "tst_enginemodel.moc"
