// SPDX-License-Identifier: GPL-3.0-or-later
// Tier policies: each policy rule as a _data() table (policy validation, store-time rules with
// hierarchy, limits lowered at runtime), the pool LRU (oldest first, second chance, innocent
// cgroups untouched), batched and compressed writeback, promotion on refault,
// recompression, maintenance with idle age and write budget (on a manual clock), and
// writeback racing with swap-in, put and stores with every page verified byte for byte and
// the charges checked against the statistics afterwards (run under TSan and ASan too).
#include "enginetestsupport.h"

#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/engine.h"
#include "swaptier/env.h"
#include "swaptier/policy.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace swaptier::test;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(swaptier::CgroupPolicy)
Q_DECLARE_METATYPE(swaptier::Errc)
Q_DECLARE_METATYPE(swaptier::Placement)
Q_DECLARE_METATYPE(swaptier::Backend)

namespace {

/// The POSIX Env with a clock the test moves.
class ManualClockEnv final : public Env {
public:
    Result<std::unique_ptr<File>> open(const std::string& path, const OpenOptions& options) override {
        return Env::posix()->open(path, options);
    }
    Status remove(const std::string& path) override { return Env::posix()->remove(path); }
    bool exists(const std::string& path) override { return Env::posix()->exists(path); }
    std::uint64_t nowNanos() override { return now.load(std::memory_order_relaxed); }
    void advance(std::uint64_t nanos) { now.fetch_add(nanos, std::memory_order_relaxed); }

    std::atomic<std::uint64_t> now{1'000'000'000};
};

constexpr std::uint64_t kSecond = 1'000'000'000ull;
constexpr CgroupId kRoot{0}, kA{1}, kB{2}, kA1{3};

struct Rig {
    QTemporaryDir dir = makeScratchDir();
    ManualClockEnv clock;
    std::unique_ptr<Engine> engine;
    std::vector<DeviceId> devices;

    explicit Rig(bool pool = true, Codec codec = Codec::Lz4, std::uint64_t poolLimit = 0) {
        EngineOptions o;
        o.env = &clock;
        o.pool.enabled = pool;
        o.pool.codec = codec;
        o.pool.limitBytes = poolLimit;
        auto e = Engine::create(o);
        if (!e)
            qFatal("Engine::create: %s", errcName(e.code()));
        engine = std::move(*e);
    }
    DeviceId add(const char* name, std::uint64_t pages, int priority = -1) {
        auto d = engine->addDevice(deviceIn(dir, name, pages, priority));
        if (!d)
            qFatal("addDevice: %s", errcName(d.code()));
        devices.push_back(*d);
        return *d;
    }
    Result<SlotId> store(CgroupId cg, std::uint64_t seed, Placement placement = Placement::Auto,
                         PageKind kind = PageKind::Text) {
        StoreOptions o;
        o.placement = placement;
        return engine->swapOut(makePage(kind, seed), cg, o);
    }
    Backend backendOf(SlotId s) const { return engine->lookup(s)->backend; }
    bool readsBack(SlotId s, PageKind kind, std::uint64_t seed) const {
        Page got;
        auto r = engine->swapIn(s, got);
        return r.ok() && got == makePage(kind, seed);
    }
    const CgroupStats* cgroupStats(const EngineStats& s, CgroupId id) const {
        for (const auto& c : s.cgroups)
            if (c.id == id)
                return &c;
        return nullptr;
    }
    std::uint64_t entriesOn(CgroupId id, Backend b) const {
        const EngineStats s = engine->stats();
        const CgroupStats* c = cgroupStats(s, id);
        return c ? c->backends[std::size_t(b)].entries : 0;
    }
    CgroupPolicyState state(CgroupId id) const {
        for (const auto& s : engine->cgroupPolicies())
            if (s.id == id)
                return s;
        return {};
    }
};

CgroupPolicy child(CgroupId parent) {
    CgroupPolicy p;
    p.parent = parent;
    return p;
}

/// /a (kA) with /a/1 (kA1) below it, and /b (kB); `a` and `a1` as given.
void makeTree(Engine& e, CgroupPolicy a, CgroupPolicy a1, CgroupPolicy b = child(kRoot)) {
    a.parent = kRoot;
    a1.parent = kA;
    b.parent = kRoot;
    QVERIFY(e.setCgroupPolicy(kA, a).ok());
    QVERIFY(e.setCgroupPolicy(kA1, a1).ok());
    QVERIFY(e.setCgroupPolicy(kB, b).ok());
}

std::string tierOfEntry(Rig& rig, SlotId s) {
    const auto info = rig.engine->lookup(s);
    for (const auto& d : rig.engine->stats().devices)
        if (d.id == info->device)
            return d.tier;
    return {};
}

} // namespace

class TstTierPolicy : public QObject {
    Q_OBJECT

private slots:
    void policyValidation_data();
    void policyValidation();
    void storeRules_data();
    void storeRules();
    void poolLimitWritesBackOldestOfItsOwnSubtree();
    void secondChanceSparesReferencedEntries();
    void loweredLimitsAreEnforced_data();
    void loweredLimitsAreEnforced();
    void loweredPoolLimitIsMetPastStaleRecords_data();
    void loweredPoolLimitIsMetPastStaleRecords();
    void writebackOffMeansNoDiskWrites();
    void batchedWritebackWritesContiguousRuns_data();
    void batchedWritebackWritesContiguousRuns();
    void pipelinedPassWritesWhatASerialPassWrites_data();
    void pipelinedPassWritesWhatASerialPassWrites();
    void promotionOnRefault_data();
    void promotionOnRefault();
    void promotionUpTheTiers_data();
    void promotionUpTheTiers();
    void recompressionShrinksIdleEntriesOnce();
    void maintenanceHonoursIdleAgeAndBudget();
    void swapoffHonoursOwnersTiers();
    void writebackRacesWithSwapInAndPut();
    void writebackRacesWithDeviceOrderChanges();
};

// --- validation -------------------------------------------------------------------------------

void TstTierPolicy::policyValidation_data() {
    QTest::addColumn<int>("id");
    QTest::addColumn<CgroupPolicy>("policy");
    QTest::addColumn<QString>("field"); // empty: accepted

    QTest::newRow("top-level cgroup") << 1 << child(kRoot) << QString();
    QTest::newRow("unknown parent") << 5 << child(CgroupId{9}) << u"parent"_s;
    QTest::newRow("own parent") << 5 << child(CgroupId{5}) << u"parent"_s;
    CgroupPolicy odd = child(kRoot);
    odd.swapMaxBytes = kPageSize + 1;
    QTest::newRow("swap.max not whole pages") << 5 << odd << u"swapMaxBytes"_s;
    CgroupPolicy badTier = child(kRoot);
    badTier.allowedTiers = std::vector<std::string>{"Fast"};
    QTest::newRow("tier name with capitals") << 5 << badTier << u"allowedTiers"_s;
    CgroupPolicy emptyTier = child(kRoot);
    emptyTier.allowedTiers = std::vector<std::string>{""};
    QTest::newRow("empty tier name") << 5 << emptyTier << u"allowedTiers"_s;
    CgroupPolicy noTiers = child(kRoot);
    noTiers.allowedTiers = std::vector<std::string>{};
    QTest::newRow("no tier at all is a valid policy") << 5 << noTiers << QString();
}

void TstTierPolicy::policyValidation() {
    QFETCH(int, id);
    QFETCH(CgroupPolicy, policy);
    QFETCH(QString, field);
    Rig rig;
    auto r = rig.engine->setCgroupPolicy(CgroupId{std::uint16_t(id)}, policy);
    if (field.isEmpty()) {
        ST_VERIFY_OK(r);
        auto states = rig.engine->cgroupPolicies();
        QVERIFY(std::any_of(states.begin(), states.end(), [&](const auto& s) { return s.id.value == id; }));
        return;
    }
    QCOMPARE(r.code(), Errc::InvalidArgument);
    QCOMPARE(QString::fromStdString(r.error().path), field);
}

// --- store-time rules ---------------------------------------------------------------------------

void TstTierPolicy::storeRules_data() {
    QTest::addColumn<CgroupPolicy>("a");      // the parent
    QTest::addColumn<CgroupPolicy>("a1");     // the child that stores
    QTest::addColumn<Placement>("placement");
    QTest::addColumn<int>("stores");
    QTest::addColumn<int>("accepted");        // stores that succeed (the first ones)
    QTest::addColumn<Errc>("error");          // of the first refused store
    QTest::addColumn<QString>("limit");       // Error::path of that refusal
    QTest::addColumn<int>("refusedBy");       // Error::cgroup of that refusal
    QTest::addColumn<QString>("tier");        // tier of the accepted device entries ("" = any)

    const CgroupPolicy open = child(kRoot);
    CgroupPolicy noWriteback = open;
    noWriteback.zswapWriteback = false;
    QTest::newRow("ancestor's writeback off wins over the child")
        << noWriteback << open << Placement::DeviceOnly << 1 << 0 << Errc::LimitExceeded
        << u"memory.zswap.writeback"_s << int(kA.value) << QString();

    CgroupPolicy slowOnly = open;
    slowOnly.allowedTiers = std::vector<std::string>{"slow"};
    CgroupPolicy both = open;
    both.allowedTiers = std::vector<std::string>{"fast", "slow"};
    QTest::newRow("ancestor forbids a tier the child allows")
        << slowOnly << both << Placement::DeviceOnly << 4 << 4 << Errc::Ok << QString() << 0 << u"slow"_s;

    CgroupPolicy fastOnly = open;
    fastOnly.allowedTiers = std::vector<std::string>{"fast"};
    QTest::newRow("intersection is empty: no device tier")
        << fastOnly << slowOnly << Placement::DeviceOnly << 1 << 0 << Errc::LimitExceeded << u"tiers"_s
        << int(kA1.value) << QString();

    CgroupPolicy swapMax2 = open;
    swapMax2.swapMaxBytes = 2 * kPageSize;
    QTest::newRow("ancestor's swap.max counts the subtree")
        << swapMax2 << open << Placement::DeviceOnly << 3 << 2 << Errc::LimitExceeded << u"memory.swap.max"_s
        << int(kA.value) << QString();

    QTest::newRow("swap.max does not count the pool")
        << swapMax2 << open << Placement::Auto << 8 << 8 << Errc::Ok << QString() << 0 << QString();

    CgroupPolicy tinyPoolNoWb = open;
    tinyPoolNoWb.zswapMaxBytes = 3 * 1024;
    tinyPoolNoWb.zswapWriteback = false;
    QTest::newRow("zswap.max with writeback off: pool or nothing")
        << tinyPoolNoWb << open << Placement::Auto << 12 << -1 << Errc::LimitExceeded << u"memory.zswap.max"_s
        << int(kA.value) << QString();

    CgroupPolicy tinyPool = open;
    tinyPool.zswapMaxBytes = 3 * 1024;
    QTest::newRow("zswap.max with writeback on: oldest go to disk, all stored")
        << tinyPool << open << Placement::Auto << 12 << 12 << Errc::Ok << QString() << 0 << QString();
}

void TstTierPolicy::storeRules() {
    QFETCH(CgroupPolicy, a);
    QFETCH(CgroupPolicy, a1);
    QFETCH(Placement, placement);
    QFETCH(int, stores);
    QFETCH(int, accepted);
    QFETCH(Errc, error);
    QFETCH(QString, limit);
    QFETCH(int, refusedBy);
    QFETCH(QString, tier);

    Rig rig;
    ST_VERIFY_OK(rig.engine->setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}));
    rig.add("fast", 64, 2000);
    rig.add("slow", 64, 10);
    makeTree(*rig.engine, a, a1);

    int ok = 0;
    bool refused = false;
    std::vector<std::pair<SlotId, int>> stored;
    for (int i = 0; i < stores; ++i) {
        auto r = rig.store(kA1, std::uint64_t(i), placement);
        if (r) {
            QVERIFY2(!refused || accepted < 0, "a store succeeded after a refusal");
            ++ok;
            stored.emplace_back(*r, i);
            if (!tier.isEmpty() && rig.backendOf(*r) == Backend::Device)
                QCOMPARE(QString::fromStdString(tierOfEntry(rig, *r)), tier);
            continue;
        }
        if (!refused) {
            QCOMPARE(r.code(), error);
            QCOMPARE(QString::fromStdString(r.error().path), limit);
            QCOMPARE(int(r.error().cgroup.value), refusedBy);
        }
        refused = true;
    }
    if (accepted >= 0)
        QCOMPARE(ok, accepted);
    else
        QVERIFY2(ok > 0 && ok < stores, "some stores must fit under the limit, not all");
    QCOMPARE(refused, error != Errc::Ok);
    for (const auto& [slot, seed] : stored)
        QVERIFY(rig.readsBack(slot, PageKind::Text, std::uint64_t(seed)));
    // Charges agree with the statistics: the parent's subtree holds what the child stored.
    const auto st = rig.state(kA);
    QCOMPARE(st.deviceBytes, rig.entriesOn(kA1, Backend::Device) * kPageSize);
    QCOMPARE(st.poolBytes, rig.engine->stats().cgroups.empty() ? 0 : [&] {
        const EngineStats s = rig.engine->stats();
        const CgroupStats* c = rig.cgroupStats(s, kA1);
        return c ? c->backends[std::size_t(Backend::Pool)].storedBytes : 0;
    }());
}

// --- the pool LRU ---------------------------------------------------------------------------

void TstTierPolicy::poolLimitWritesBackOldestOfItsOwnSubtree() {
    Rig rig;
    rig.add("d", 4096);
    CgroupPolicy a = child(kRoot);
    a.zswapMaxBytes = 64 * 1024;
    makeTree(*rig.engine, a, child(kA));
    // The innocent cgroup fills the pool first.
    std::vector<SlotId> innocent;
    for (int i = 0; i < 200; ++i)
        innocent.push_back(*rig.store(kB, 10'000 + std::uint64_t(i)));
    const std::uint64_t innocentPoolBytes = rig.state(kB).poolBytes;
    std::vector<SlotId> mine;
    for (int i = 0; i < 300; ++i) {
        auto r = rig.store(kA1, std::uint64_t(i));
        QVERIFY(r.ok());
        mine.push_back(*r);
    }
    const auto st = rig.state(kA);
    QVERIFY2(st.poolBytes <= a.zswapMaxBytes + kPageSize, "zswap.max held within one page");
    QVERIFY(rig.entriesOn(kA1, Backend::Device) > 0);
    // Oldest first: the first page went to disk, the newest stayed in the pool.
    QCOMPARE(rig.backendOf(mine.front()), Backend::Device);
    QCOMPARE(rig.backendOf(mine.back()), Backend::Pool);
    // The innocent cgroup was not touched.
    QCOMPARE(rig.entriesOn(kB, Backend::Device), 0u);
    QCOMPARE(rig.state(kB).poolBytes, innocentPoolBytes);
    const EngineStats s = rig.engine->stats();
    QVERIFY(rig.cgroupStats(s, kA1)->events.zswpwb > 0);
    QCOMPARE(rig.cgroupStats(s, kB)->events.zswpwb, 0u);
    for (std::size_t i = 0; i < mine.size(); ++i)
        QVERIFY(rig.readsBack(mine[i], PageKind::Text, i));
    for (std::size_t i = 0; i < innocent.size(); ++i)
        QVERIFY(rig.readsBack(innocent[i], PageKind::Text, 10'000 + i));
}

void TstTierPolicy::secondChanceSparesReferencedEntries() {
    Rig rig;
    rig.add("d", 256);
    QVERIFY(rig.engine->setCgroupPolicy(kA, child(kRoot)).ok());
    std::vector<SlotId> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(*rig.store(kA, std::uint64_t(i)));
    WritebackOptions one;
    one.cgroup = kA;
    one.maxPages = 1;
    // New entries are referenced: the first pass rotates all ten, then writes the oldest.
    auto first = rig.engine->writeback(one);
    ST_VERIFY_OK(first);
    QCOMPARE(first->written, 1u);
    QCOMPARE(first->rotated, 10u);
    QCOMPARE(rig.backendOf(ids[0]), Backend::Device);
    // Entry 1 is loaded (referenced again): it gets a second chance, entry 2 goes instead.
    QVERIFY(rig.readsBack(ids[1], PageKind::Text, 1));
    auto second = rig.engine->writeback(one);
    ST_VERIFY_OK(second);
    QCOMPARE(second->written, 1u);
    QCOMPARE(second->rotated, 1u);
    QCOMPARE(rig.backendOf(ids[1]), Backend::Pool);
    QCOMPARE(rig.backendOf(ids[2]), Backend::Device);
    // "Writeback now" ignores the bit: strictly oldest first.
    QVERIFY(rig.readsBack(ids[3], PageKind::Text, 3));
    one.secondChance = false;
    auto now = rig.engine->writeback(one);
    ST_VERIFY_OK(now);
    QCOMPARE(rig.backendOf(ids[3]), Backend::Device);
}

// --- limits lowered at runtime ----------------------------------------------------------------

void TstTierPolicy::loweredLimitsAreEnforced_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("writeback");      // the cgroup's writeback before the change
    QTest::addColumn<QString>("expect");      // what the report must show moving

    QTest::newRow("zswap.max lowered: written back") << u"zswap.max"_s << true << u"writtenBack"_s;
    QTest::newRow("zswap.max lowered, writeback off: into memory") << u"zswap.max"_s << false << u"toMemory"_s;
    QTest::newRow("swap.max lowered: device entries to the pool") << u"swap.max"_s << true << u"toPool"_s;
    QTest::newRow("writeback turned off: device entries to the pool") << u"writeback"_s << true << u"toPool"_s;
    QTest::newRow("tiers narrowed: entries move to the allowed tier") << u"tiers"_s << true << u"moved"_s;
}

void TstTierPolicy::loweredLimitsAreEnforced() {
    QFETCH(QString, change);
    QFETCH(bool, writeback);
    QFETCH(QString, expect);

    Rig rig;
    ST_VERIFY_OK(rig.engine->setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}));
    rig.add("fast", 512, 2000);
    rig.add("slow", 512, 10);
    CgroupPolicy a = child(kRoot);
    a.zswapWriteback = writeback;
    makeTree(*rig.engine, a, child(kA));
    // Half of /a/1's pages in the pool, half on the fast device; /b alike.
    std::vector<std::pair<SlotId, CgroupId>> ids;
    for (int i = 0; i < 64; ++i) {
        const Placement where = (i % 2 || !writeback) ? Placement::Auto : Placement::DeviceOnly;
        ids.emplace_back(*rig.store(kA1, std::uint64_t(i), where), kA1);
        ids.emplace_back(*rig.store(kB, 1000 + std::uint64_t(i), i % 2 ? Placement::Auto : Placement::DeviceOnly), kB);
    }
    const std::uint64_t bDevice = rig.entriesOn(kB, Backend::Device);
    const std::uint64_t bPool = rig.entriesOn(kB, Backend::Pool);

    CgroupPolicy next = a;
    if (change == u"zswap.max"_s)
        next.zswapMaxBytes = rig.state(kA).poolBytes / 4;
    else if (change == u"swap.max"_s)
        next.swapMaxBytes = 8 * kPageSize;
    else if (change == u"writeback"_s)
        next.zswapWriteback = false;
    else
        next.allowedTiers = std::vector<std::string>{"slow"};
    auto report = rig.engine->setCgroupPolicy(kA, next);
    ST_VERIFY_OK(report);
    QVERIFY(report->satisfied);

    const auto st = rig.state(kA);
    if (change == u"zswap.max"_s)
        QVERIFY(st.poolBytes <= next.zswapMaxBytes);
    if (change == u"swap.max"_s)
        QVERIFY(st.deviceBytes <= next.swapMaxBytes);
    if (change == u"writeback"_s)
        QCOMPARE(rig.entriesOn(kA1, Backend::Device), 0u);
    if (expect == u"writtenBack"_s)
        QVERIFY(report->writtenBack > 0);
    else if (expect == u"toMemory"_s)
        QVERIFY(report->toMemory > 0);
    else if (expect == u"toPool"_s)
        QVERIFY(report->toPool > 0);
    if (change == u"tiers"_s) {
        for (const auto& [slot, cg] : ids)
            if (cg == kA1 && rig.backendOf(slot) == Backend::Device)
                QCOMPARE(tierOfEntry(rig, slot), std::string("slow"));
    }
    // The sibling was not touched, and every page reads back.
    QCOMPARE(rig.entriesOn(kB, Backend::Device), bDevice);
    QCOMPARE(rig.entriesOn(kB, Backend::Pool), bPool);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const std::uint64_t seed = ids[k].second == kA1 ? k / 2 : 1000 + k / 2;
        QVERIFY(rig.readsBack(ids[k].first, PageKind::Text, seed));
    }
}

void TstTierPolicy::loweredPoolLimitIsMetPastStaleRecords_data() {
    QTest::addColumn<qulonglong>("limit");    // the new memory.zswap.max
    QTest::addColumn<bool>("writebackOff");   // the same change turns writeback off

    QTest::newRow("zswap.max 0: everything written back") << 0ull << false;
    QTest::newRow("zswap.max 16 KiB: the oldest written back") << 16ull * 1024 << false;
    QTest::newRow("zswap.max 0, writeback off: everything into memory") << 0ull << true;
    QTest::newRow("zswap.max 16 KiB, writeback off: the oldest into memory") << 16ull * 1024 << true;
}

// The LRU of /a/1 starts with 512 stale records whose slots now hold /b's pool entries, then
// 1536 records of which two in three are stale (their entries moved to the device): the
// enforcement must walk past every stale record, touch none of the entries they name, and
// end with the subtree's pool at or below the new limit in the charges and the statistics.
void TstTierPolicy::loweredPoolLimitIsMetPastStaleRecords() {
    QFETCH(qulonglong, limit);
    QFETCH(bool, writebackOff);

    Rig rig;
    rig.add("d", 8192);
    makeTree(*rig.engine, child(kRoot), child(kA));
    std::vector<SlotId> gone;
    for (int i = 0; i < 512; ++i)
        gone.push_back(*rig.store(kA1, 50'000 + std::uint64_t(i)));
    for (SlotId s : gone)
        ST_VERIFY_OK(rig.engine->put(s));
    std::vector<std::pair<SlotId, std::uint64_t>> mine, theirs;
    for (int i = 0; i < 512; ++i)
        theirs.emplace_back(*rig.store(kB, 90'000 + std::uint64_t(i)), 90'000 + std::uint64_t(i));
    const auto reused = std::count_if(theirs.begin(), theirs.end(), [&](const auto& t) {
        return std::find(gone.begin(), gone.end(), t.first) != gone.end();
    });
    QVERIFY2(reused > 256, "the test needs /b's entries in the slots of /a/1's stale records");
    for (int i = 0; i < 1536; ++i) {
        auto s = rig.store(kA1, std::uint64_t(i));
        QVERIFY(s.ok());
        mine.emplace_back(*s, std::uint64_t(i));
        if (i % 3 != 2) {
            auto moved = rig.engine->move(*s, MoveTarget::anyDevice());
            ST_VERIFY_OK(moved);
            QCOMPARE(*moved, MoveOutcome::Moved);
        }
    }
    QCOMPARE(rig.entriesOn(kA1, Backend::Pool), 512u);
    QCOMPARE(rig.state(kA1).lruEntries, 512u);
    const std::uint64_t deviceBefore = rig.entriesOn(kA1, Backend::Device);
    const std::uint64_t bPool = rig.entriesOn(kB, Backend::Pool);
    const std::uint64_t bPoolBytes = rig.state(kB).poolBytes;
    QCOMPARE(bPool, 512u);
    QVERIFY(rig.state(kA).poolBytes > limit + 64 * 1024);

    CgroupPolicy next = child(kRoot);
    next.zswapMaxBytes = limit;
    next.zswapWriteback = !writebackOff;
    auto report = rig.engine->setCgroupPolicy(kA, next);
    ST_VERIFY_OK(report);
    QVERIFY(report->satisfied);

    // The subtree's pool, as charged and as counted, is within the limit; a non-zero limit
    // keeps the youngest entries (no more than one entry's worth below the limit).
    const EngineStats s = rig.engine->stats();
    const std::uint64_t counted = rig.cgroupStats(s, kA1)->backends[std::size_t(Backend::Pool)].storedBytes;
    QVERIFY2(rig.state(kA).poolBytes <= limit, "charged pool bytes over zswap.max");
    QCOMPARE(rig.state(kA1).poolBytes, rig.state(kA).poolBytes);
    QCOMPARE(counted, rig.state(kA1).poolBytes);
    if (limit == 0) {
        QCOMPARE(rig.entriesOn(kA1, Backend::Pool), 0u);
    } else {
        QVERIFY(rig.state(kA).poolBytes + kPageSize > limit);
        QCOMPARE(rig.backendOf(mine.back().first), Backend::Pool);
    }
    QCOMPARE(rig.state(kA1).lruEntries, rig.entriesOn(kA1, Backend::Pool));
    if (writebackOff) {
        QCOMPARE(report->writtenBack, 0u);
        QCOMPARE(rig.entriesOn(kA1, Backend::Device), 0u); // writeback off: device entries leave too
        QVERIFY(report->toMemory >= deviceBefore);
    } else {
        QCOMPARE(report->toMemory, 0u);
        QCOMPARE(rig.entriesOn(kA1, Backend::Memory), 0u);
        QCOMPARE(rig.entriesOn(kA1, Backend::Device), deviceBefore + report->writtenBack);
    }
    // /b's entries, named by /a/1's stale records, were not touched.
    QCOMPARE(rig.entriesOn(kB, Backend::Pool), bPool);
    QCOMPARE(rig.entriesOn(kB, Backend::Memory), 0u);
    QCOMPARE(rig.state(kB).poolBytes, bPoolBytes);
    // zswap.max 0 keeps new pages out of the pool too.
    if (limit == 0) {
        auto more = rig.store(kA1, 77'777);
        if (more.ok()) {
            QVERIFY(rig.backendOf(*more) != Backend::Pool);
            mine.emplace_back(*more, 77'777);
        }
        QCOMPARE(rig.state(kA).poolBytes, 0u);
    }
    // No page is lost.
    for (const auto& [slot, seed] : mine)
        QVERIFY(rig.readsBack(slot, PageKind::Text, seed));
    for (const auto& [slot, seed] : theirs)
        QVERIFY(rig.readsBack(slot, PageKind::Text, seed));
}

void TstTierPolicy::writebackOffMeansNoDiskWrites() {
    Rig rig(true, Codec::Lz4, 64 * 1024); // a small pool: it fills and refuses
    rig.add("d", 4096);
    CgroupPolicy a = child(kRoot);
    a.zswapWriteback = false;
    makeTree(*rig.engine, a, child(kA));
    int refused = 0;
    std::vector<std::pair<SlotId, int>> stored;
    for (int i = 0; i < 400; ++i) {
        auto r = rig.store(kA1, std::uint64_t(i), Placement::Auto, PageKind::Mixed);
        if (r)
            stored.emplace_back(*r, i);
        else
            ++refused;
    }
    QVERIFY2(refused > 0, "the pool must fill up for this test");
    // Writeback passes, explicit ones included, leave /a's pages alone.
    auto wb = rig.engine->writeback(WritebackOptions{});
    ST_VERIFY_OK(wb);
    QCOMPARE(wb->written, 0u);
    QVERIFY(wb->notAllowed > 0);
    const EngineStats s = rig.engine->stats();
    const CgroupStats* c = rig.cgroupStats(s, kA1);
    QCOMPARE(c->events.pswpout, 0u);
    QCOMPARE(c->events.zswpwb, 0u);
    QCOMPARE(c->backends[std::size_t(Backend::Device)].entries, 0u);
    for (const auto& d : s.devices)
        QCOMPARE(d.writes, 0u);
    for (const auto& [slot, seed] : stored)
        QVERIFY(rig.readsBack(slot, PageKind::Mixed, std::uint64_t(seed)));
}

// --- batched writeback ----------------------------------------------------------------------

void TstTierPolicy::batchedWritebackWritesContiguousRuns_data() {
    QTest::addColumn<int>("batch");
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<Codec>("codec");
    QTest::newRow("runs of 256") << 256 << false << Codec::Lz4;
    QTest::newRow("single pages") << 1 << false << Codec::Lz4;
    QTest::newRow("compressed lz4") << 256 << true << Codec::Lz4;
    QTest::newRow("compressed zstd") << 128 << true << Codec::Zstd;
}

void TstTierPolicy::batchedWritebackWritesContiguousRuns() {
    QFETCH(int, batch);
    QFETCH(bool, compressed);
    QFETCH(Codec, codec);
    constexpr int kPages = 1024;
    Rig rig(true, codec);
    rig.add("d", 4096);
    std::vector<SlotId> ids;
    for (int i = 0; i < kPages; ++i)
        ids.push_back(*rig.store(kRoot, std::uint64_t(i), Placement::Auto, i % 7 ? PageKind::Text : PageKind::Random));
    std::vector<std::uint32_t> poolLength;
    for (SlotId s : ids)
        poolLength.push_back(rig.engine->lookup(s)->storedBytes);
    WritebackOptions o;
    o.batchPages = std::uint32_t(batch);
    o.compressed = compressed;
    o.secondChance = false;
    auto r = rig.engine->writeback(o);
    ST_VERIFY_OK(r);
    QCOMPARE(r->written, std::uint64_t(kPages));
    QCOMPARE(r->bytesWritten, std::uint64_t(kPages) * kPageSize);
    const std::uint64_t expectedWrites = (kPages + batch - 1) / batch;
    QVERIFY2(r->writes >= expectedWrites && r->writes <= 2 * expectedWrites,
             qPrintable(u"writes %1, expected about %2"_s.arg(r->writes).arg(expectedWrites)));
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.events.writebackWrites, r->writes);
    // Per tier: the pages and the write calls that carried them.
    QCOMPARE(s.tiers.size(), std::size_t(1));
    QCOMPARE(s.tiers.front().writes, std::uint64_t(kPages));
    QCOMPARE(s.tiers.front().writeCalls, r->writes);
    QCOMPARE(s.events.zswpwb, std::uint64_t(kPages));
    QCOMPARE(s.backends[std::size_t(Backend::Pool)].entries, 0u);
    QCOMPARE(s.pool.objects, 0u);
    // Oldest first into consecutive physical slots: the LRU order is the file order.
    std::uint64_t contiguous = 0;
    for (std::size_t i = 1; i < ids.size(); ++i)
        contiguous += rig.engine->lookup(ids[i])->physicalSlot == rig.engine->lookup(ids[i - 1])->physicalSlot + 1;
    QVERIFY2(contiguous >= std::uint64_t(kPages) * 9 / 10, qPrintable(QString::number(contiguous)));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto info = rig.engine->lookup(ids[i]);
        QCOMPARE(info->backend, Backend::Device);
        if (compressed && poolLength[i] < kPageSize) {
            QCOMPARE(info->codec, codec);
            QCOMPARE(info->storedBytes, poolLength[i]);
        } else {
            QCOMPARE(info->codec, Codec::Raw);
        }
        QVERIFY(rig.readsBack(ids[i], i % 7 ? PageKind::Text : PageKind::Random, i));
    }
}

void TstTierPolicy::pipelinedPassWritesWhatASerialPassWrites_data() {
    QTest::addColumn<int>("batch");
    QTest::addColumn<quint64>("maxPages");
    QTest::addColumn<quint64>("maxPoolBytes");
    QTest::addColumn<quint64>("maxWriteBytes");
    QTest::addColumn<bool>("compressed");
    const quint64 all = kUnlimited;
    QTest::newRow("everything") << 64 << all << all << all << false;
    QTest::newRow("maxPages between batches") << 64 << quint64(700) << all << all << false;
    QTest::newRow("maxPoolBytes") << 32 << all << quint64(900 * 1024) << all << false;
    QTest::newRow("maxWriteBytes") << 128 << all << all << quint64(333 * kPageSize) << false;
    QTest::newRow("compressed, odd batch") << 17 << quint64(500) << all << all << true;
}

// The writer thread changes when a batch is written, not what: the same entries reach the
// same physical slots, and no limit is overshot by the batch gathered ahead.
void TstTierPolicy::pipelinedPassWritesWhatASerialPassWrites() {
    QFETCH(int, batch);
    QFETCH(quint64, maxPages);
    QFETCH(quint64, maxPoolBytes);
    QFETCH(quint64, maxWriteBytes);
    QFETCH(bool, compressed);
    constexpr int kPages = 1500;
    Rig serial, pipelined;
    std::vector<SlotId> ids[2];
    Result<WritebackReport> reports[2] = {WritebackReport{}, WritebackReport{}};
    Rig* rigs[2] = {&serial, &pipelined};
    for (int k = 0; k < 2; ++k) {
        Rig& rig = *rigs[k];
        rig.add("d", 4096);
        for (int i = 0; i < kPages; ++i)
            ids[k].push_back(*rig.store(kRoot, std::uint64_t(i), Placement::Auto, i % 5 ? PageKind::Text : PageKind::Random));
        WritebackOptions o;
        o.batchPages = std::uint32_t(batch);
        o.maxPages = maxPages;
        o.maxPoolBytes = maxPoolBytes;
        o.maxWriteBytes = maxWriteBytes;
        o.compressed = compressed;
        o.secondChance = false;
        o.pipelined = k == 1;
        reports[k] = rig.engine->writeback(o);
        ST_VERIFY_OK(reports[k]);
    }
    const WritebackReport& a = *reports[0];
    const WritebackReport& b = *reports[1];
    QVERIFY(a.written > 0);
    QVERIFY(a.written < std::uint64_t(kPages) || maxPages == kUnlimited);
    QCOMPARE(b.written, a.written);
    QCOMPARE(b.writes, a.writes);
    QCOMPARE(b.bytesWritten, a.bytesWritten);
    QCOMPARE(b.poolBytesFreed, a.poolBytesFreed);
    QVERIFY(a.written <= maxPages);
    QVERIFY(a.bytesWritten <= maxWriteBytes);
    if (maxPoolBytes != kUnlimited) // stops once the budget is reached: within one entry of it
        QVERIFY2(a.poolBytesFreed >= maxPoolBytes && a.poolBytesFreed < maxPoolBytes + kPageSize,
                 qPrintable(QString::number(a.poolBytesFreed)));
    for (int i = 0; i < kPages; ++i) {
        const auto x = serial.engine->lookup(ids[0][std::size_t(i)]);
        const auto y = pipelined.engine->lookup(ids[1][std::size_t(i)]);
        QCOMPARE(y->backend, x->backend);
        QCOMPARE(y->physicalSlot, x->physicalSlot);
        QCOMPARE(y->codec, x->codec);
        QVERIFY(pipelined.readsBack(ids[1][std::size_t(i)], i % 5 ? PageKind::Text : PageKind::Random, std::uint64_t(i)));
    }
}

// --- promotion ----------------------------------------------------------------------------------

void TstTierPolicy::promotionOnRefault_data() {
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("minLoads");
    QTest::addColumn<int>("promotedAtLoad"); // 0 = never
    QTest::newRow("off by default") << false << 1 << 0;
    QTest::newRow("every refault") << true << 1 << 1;
    QTest::newRow("second refault") << true << 2 << 2;
}

void TstTierPolicy::promotionOnRefault() {
    QFETCH(bool, enabled);
    QFETCH(int, minLoads);
    QFETCH(int, promotedAtLoad);
    Rig rig;
    rig.add("d", 64);
    QCOMPARE(rig.engine->promotionPolicy().deviceToPool, false);
    if (enabled) {
        PromotionPolicy p;
        p.deviceToPool = true;
        p.minLoads = std::uint32_t(minLoads);
        ST_VERIFY_OK(rig.engine->setPromotionPolicy(p));
    }
    const SlotId id = *rig.store(kRoot, 7, Placement::DeviceOnly);
    for (int load = 1; load <= 3; ++load) {
        QVERIFY(rig.readsBack(id, PageKind::Text, 7));
        const bool promoted = promotedAtLoad != 0 && load >= promotedAtLoad;
        QCOMPARE(rig.backendOf(id), promoted ? Backend::Pool : Backend::Device);
    }
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.events.promotions, promotedAtLoad ? 1u : 0u);
    QCOMPARE(s.devices.front().usedSlots, promotedAtLoad ? 0u : 1u);
    QCOMPARE(rig.state(kRoot).deviceBytes, promotedAtLoad ? 0u : kPageSize);
    ST_VERIFY_OK(rig.engine->put(id));
    QCOMPARE(rig.state(kRoot).poolBytes, 0u);
}

void TstTierPolicy::promotionUpTheTiers_data() {
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("minLoads");
    QTest::addColumn<QString>("startTier");     // where the entry is stored
    QTest::addColumn<QStringList>("allowed");   // /a's allowed tiers; empty = all
    QTest::addColumn<bool>("fastFull");         // another entry holds the fast device's only slot
    QTest::addColumn<int>("promotedAtLoad");    // 0 = never
    QTest::addColumn<QString>("promotedTo");
    const QStringList all;
    QTest::newRow("off") << false << 1 << u"slow"_s << all << false << 0 << QString();
    QTest::newRow("every refault") << true << 1 << u"slow"_s << all << false << 1 << u"fast"_s;
    QTest::newRow("second refault") << true << 2 << u"slow"_s << all << false << 2 << u"fast"_s;
    QTest::newRow("from the middle tier") << true << 1 << u"middle"_s << all << false << 1 << u"fast"_s;
    QTest::newRow("fast tier not allowed: middle") << true << 1 << u"slow"_s << QStringList{u"middle"_s, u"slow"_s}
                                                   << false << 1 << u"middle"_s;
    QTest::newRow("fast tier full: middle") << true << 1 << u"slow"_s << all << true << 1 << u"middle"_s;
    QTest::newRow("only its own tier allowed") << true << 1 << u"slow"_s << QStringList{u"slow"_s} << false << 0
                                               << QString();
    QTest::newRow("already on the fastest") << true << 1 << u"fast"_s << all << false << 0 << QString();
}

void TstTierPolicy::promotionUpTheTiers() {
    QFETCH(bool, enabled);
    QFETCH(int, minLoads);
    QFETCH(QString, startTier);
    QFETCH(QStringList, allowed);
    QFETCH(bool, fastFull);
    QFETCH(int, promotedAtLoad);
    QFETCH(QString, promotedTo);
    Rig rig(false);
    ST_VERIFY_OK(rig.engine->setTiers({{"fast", 1000, 32767}, {"middle", 100, 999}, {"slow", -1, 99}}));
    rig.add("fast", 1, 2000);
    rig.add("middle", 64, 500);
    rig.add("slow", 64, 10);
    CgroupPolicy a = child(kRoot);
    if (!allowed.isEmpty()) {
        std::vector<std::string> names;
        for (const QString& n : allowed)
            names.push_back(n.toStdString());
        a.allowedTiers = names;
    }
    makeTree(*rig.engine, a, child(kA));
    const auto table = rig.engine->tiers();
    const auto bitOf = [&](const QString& name) {
        for (std::size_t i = 0; i < table.size(); ++i)
            if (table[i].name == name.toStdString())
                return std::uint32_t{1} << i;
        return std::uint32_t{0};
    };
    if (fastFull) {
        StoreOptions o;
        o.placement = Placement::DeviceOnly;
        o.allowedTiers = bitOf(u"fast"_s);
        QVERIFY(rig.engine->swapOut(makePage(PageKind::Text, 99), kB, o).ok());
    }
    StoreOptions o;
    o.placement = Placement::DeviceOnly;
    o.allowedTiers = bitOf(startTier);
    auto stored = rig.engine->swapOut(makePage(PageKind::Text, 7), kA1, o);
    ST_VERIFY_OK(stored);
    const SlotId id = *stored;
    QCOMPARE(QString::fromStdString(tierOfEntry(rig, id)), startTier);
    if (enabled) {
        PromotionPolicy p;
        p.deviceToFasterTier = true;
        p.minLoads = std::uint32_t(minLoads);
        ST_VERIFY_OK(rig.engine->setPromotionPolicy(p));
        QCOMPARE(rig.engine->promotionPolicy().deviceToFasterTier, true);
    }
    for (int load = 1; load <= 3; ++load) {
        QVERIFY(rig.readsBack(id, PageKind::Text, 7));
        const bool promoted = promotedAtLoad != 0 && load >= promotedAtLoad;
        QCOMPARE(rig.backendOf(id), Backend::Device);
        QCOMPARE(QString::fromStdString(tierOfEntry(rig, id)), promoted ? promotedTo : startTier);
    }
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.events.tierPromotions, promotedAtLoad ? 1u : 0u);
    QCOMPARE(s.events.promotions, s.events.tierPromotions);
    std::uint64_t used = 0;
    for (const auto& d : s.devices)
        used += d.usedSlots;
    QCOMPARE(used, fastFull ? 2u : 1u); // the old slot was freed
    QCOMPARE(rig.state(kA1).deviceBytes, kPageSize);
    ST_VERIFY_OK(rig.engine->put(id));
    QCOMPARE(rig.state(kA1).deviceBytes, 0u);
    QCOMPARE(rig.state(kA).deviceBytes, 0u);
}

// --- recompression and maintenance -------------------------------------------------------------

void TstTierPolicy::recompressionShrinksIdleEntriesOnce() {
    Rig rig(true, Codec::Lz4);
    std::vector<SlotId> ids;
    for (int i = 0; i < 200; ++i)
        ids.push_back(*rig.store(kRoot, std::uint64_t(i)));
    const std::uint64_t before = rig.engine->stats().pool.storedBytes;
    RecompressOptions o;
    o.codec = Codec::Zstd;
    o.zstdLevel = 12;
    // New entries are referenced (in use): the first scan only clears the bits.
    auto busyPass = rig.engine->recompress(o);
    ST_VERIFY_OK(busyPass);
    QCOMPARE(busyPass->recompressed, 0u);
    o.minIdleNanos = 60 * kSecond;
    rig.clock.advance(30 * kSecond);
    auto tooYoung = rig.engine->recompress(o);
    ST_VERIFY_OK(tooYoung);
    QCOMPARE(tooYoung->recompressed, 0u);
    rig.clock.advance(60 * kSecond);
    auto r = rig.engine->recompress(o);
    ST_VERIFY_OK(r);
    QVERIFY(r->recompressed > 100);
    QVERIFY(r->bytesAfter < r->bytesBefore);
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.events.recompressions, r->recompressed);
    QCOMPARE(s.pool.storedBytes, before - (r->bytesBefore - r->bytesAfter));
    QCOMPARE(rig.state(kRoot).poolBytes, s.pool.storedBytes);
    auto again = rig.engine->recompress(o);
    ST_VERIFY_OK(again);
    QCOMPARE(again->recompressed, 0u);
    for (std::size_t i = 0; i < ids.size(); ++i)
        QVERIFY(rig.readsBack(ids[i], PageKind::Text, i));
}

void TstTierPolicy::maintenanceHonoursIdleAgeAndBudget() {
    Rig rig;
    rig.add("d", 1024);
    std::vector<SlotId> ids;
    for (int i = 0; i < 64; ++i)
        ids.push_back(*rig.store(kRoot, std::uint64_t(i)));
    MaintenancePolicy p;
    p.idleWritebackNanos = 600 * kSecond;
    p.writeBudgetBytesPerHour = 16 * kPageSize;
    ST_VERIFY_OK(rig.engine->setMaintenancePolicy(p));
    // Young: nothing is written even though the budget allows 16 pages.
    auto young = rig.engine->maintain();
    ST_VERIFY_OK(young);
    QCOMPARE(young->writeback.written, 0u);
    // Old enough: the scan first clears the referenced bits, then the budget caps the pass.
    rig.clock.advance(1200 * kSecond);
    auto old = rig.engine->maintain();
    ST_VERIFY_OK(old);
    QCOMPARE(old->writeback.written, 16u);
    QVERIFY(old->budgetLeftBytes < kPageSize);
    // Budget used up: nothing more until it refills (16 pages per hour: 4 in 15 minutes).
    auto dry = rig.engine->maintain();
    ST_VERIFY_OK(dry);
    QCOMPARE(dry->writeback.written, 0u);
    rig.clock.advance(901 * kSecond);
    auto refilled = rig.engine->maintain();
    ST_VERIFY_OK(refilled);
    QCOMPARE(refilled->writeback.written, 4u);
    QCOMPARE(rig.entriesOn(kRoot, Backend::Device), 20u);
    for (std::size_t i = 0; i < ids.size(); ++i)
        QVERIFY(rig.readsBack(ids[i], PageKind::Text, i));
}

void TstTierPolicy::swapoffHonoursOwnersTiers() {
    Rig rig;
    ST_VERIFY_OK(rig.engine->setTiers({{"fast", 1000, 32767}, {"slow", -1, 999}}));
    const DeviceId fast = rig.add("fast", 256, 2000);
    const DeviceId slow = rig.add("slow", 256, 10);
    CgroupPolicy a = child(kRoot);
    a.allowedTiers = std::vector<std::string>{"slow"};
    makeTree(*rig.engine, a, child(kA));
    const auto table = rig.engine->tiers();
    const std::uint32_t slowBit = table[0].name == "slow" ? 1u : 2u;
    std::vector<std::pair<SlotId, std::uint64_t>> ids;
    for (int i = 0; i < 32; ++i) {
        StoreOptions o;
        o.placement = Placement::DeviceOnly;
        o.allowedTiers = slowBit; // /b's pages land on the slow device too
        const CgroupId cg = i % 2 ? kA1 : kB;
        auto r = rig.engine->swapOut(makePage(PageKind::Text, std::uint64_t(i)), cg, o);
        QVERIFY(r.ok());
        QCOMPARE(rig.engine->lookup(*r)->device, slow);
        ids.emplace_back(*r, std::uint64_t(i));
    }
    auto off = rig.engine->swapoff(slow);
    ST_VERIFY_OK(off);
    QCOMPARE(off->toDevices, 16u); // /b's pages: to the fast device
    QCOMPARE(off->toMemory, 16u);  // /a/1 may only use "slow": into memory, never onto "fast"
    for (const auto& [slot, seed] : ids) {
        const auto info = rig.engine->lookup(slot);
        if (seed % 2) {
            QCOMPARE(info->backend, Backend::Memory);
        } else {
            QCOMPARE(info->backend, Backend::Device);
            QCOMPARE(info->device, fast);
        }
        QVERIFY(rig.readsBack(slot, PageKind::Text, seed));
    }
    QCOMPARE(rig.state(kA).deviceBytes, 0u);
    QCOMPARE(rig.state(kB).deviceBytes, 16 * kPageSize);
}

// --- concurrency ----------------------------------------------------------------------------

void TstTierPolicy::writebackRacesWithSwapInAndPut() {
    Rig rig;
    rig.add("d", 16384);
    CgroupPolicy a = child(kRoot);
    a.zswapMaxBytes = 256 * 1024;
    makeTree(*rig.engine, a, child(kA));
    constexpr int kThreads = 3, kOps = 3000;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            std::vector<std::pair<SlotId, std::uint64_t>> mine;
            const CgroupId cg = t == 0 ? kB : kA1;
            for (int i = 0; i < kOps; ++i) {
                const std::uint64_t seed = std::uint64_t(t) * 1'000'000 + std::uint64_t(i);
                auto r = rig.store(cg, seed);
                if (!r) {
                    failures.fetch_add(1);
                    continue;
                }
                mine.emplace_back(*r, seed);
                if (i % 3 == 0 && !mine.empty()) {
                    const auto [slot, s] = mine[std::size_t(i) % mine.size()];
                    if (!rig.readsBack(slot, PageKind::Text, s))
                        failures.fetch_add(1);
                }
                if (i % 5 == 0) {
                    const auto victim = mine.front();
                    mine.erase(mine.begin());
                    if (!rig.readsBack(victim.first, PageKind::Text, victim.second) || !rig.engine->put(victim.first).ok())
                        failures.fetch_add(1);
                }
            }
            for (const auto& [slot, s] : mine)
                if (!rig.readsBack(slot, PageKind::Text, s) || !rig.engine->put(slot).ok())
                    failures.fetch_add(1);
        });
    }
    std::thread writer([&] {
        while (!stop.load()) {
            WritebackOptions o;
            o.batchPages = 32;
            o.maxPages = 200;
            o.compressed = true;
            if (!rig.engine->writeback(o).ok())
                failures.fetch_add(1);
            std::this_thread::yield();
        }
    });
    for (auto& t : threads)
        t.join();
    stop = true;
    writer.join();
    QCOMPARE(failures.load(), 0);
    // Everything was put: no entry, no charge, no pool object, no device slot is left.
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.slotTable.liveEntries, 0u);
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.devices.front().usedSlots, 0u);
    for (const auto& st : rig.engine->cgroupPolicies()) {
        QCOMPARE(st.poolBytes, 0u);
        QCOMPARE(st.deviceBytes, 0u);
        QCOMPARE(st.lruEntries, 0u);
    }
    QVERIFY(s.events.zswpwb > 0);
}

// A pass walks the published device order for every run it writes, on its own thread or on
// its BatchWriter, while priority changes publish new orders and retire the old ones. The
// pass must keep the order it walks alive (an EpochGuard around its writes). Without it the
// order can be freed while a pass still reads it: TSan reports that race here on every run
// (the use after free itself needs an unlucky schedule, so plain and ASan runs rarely see it).
void TstTierPolicy::writebackRacesWithDeviceOrderChanges() {
    Rig rig;
    const DeviceId d1 = rig.add("d1", 16384, 5);
    const DeviceId d2 = rig.add("d2", 16384, 5);
    constexpr int kRounds = 12, kPagesPerRound = 300;
    std::atomic<bool> stop{false};
    std::atomic<int> failures{0};
    std::atomic<std::uint64_t> orders{0};
    std::thread reorder([&] {
        // Flip the two devices between one group (same priority) and two: a new order each time.
        for (int i = 0; !stop.load(); ++i) {
            if (!rig.engine->setDevicePriority(i % 2 ? d1 : d2, 5 + (i / 2) % 2).ok())
                failures.fetch_add(1);
            orders.fetch_add(1);
            std::this_thread::yield();
        }
    });
    std::vector<std::pair<SlotId, std::uint64_t>> stored;
    std::uint64_t written = 0;
    for (int round = 0; round < kRounds; ++round) {
        for (int i = 0; i < kPagesPerRound; ++i) {
            const std::uint64_t seed = std::uint64_t(round) * 100'000 + std::uint64_t(i);
            auto r = rig.store(kRoot, seed, Placement::PoolOnly);
            if (!r) {
                failures.fetch_add(1);
                continue;
            }
            stored.emplace_back(*r, seed);
        }
        WritebackOptions o;
        o.batchPages = 16; // many runs per pass: many walks of the order
        o.maxPages = kPagesPerRound;
        o.pipelined = round % 2 == 0; // the pass's thread and the BatchWriter both walk it
        auto wb = rig.engine->writeback(o);
        if (!wb)
            failures.fetch_add(1);
        else
            written += wb->written;
    }
    stop = true;
    reorder.join();
    QCOMPARE(failures.load(), 0);
    QVERIFY(orders.load() > 0);
    QCOMPARE(written, std::uint64_t(kRounds * kPagesPerRound)); // every page reached a device
    const EngineStats s = rig.engine->stats();
    QCOMPARE(s.pool.objects, 0u);
    QCOMPARE(s.devices.at(0).usedSlots + s.devices.at(1).usedSlots, std::uint64_t(kRounds * kPagesPerRound));
    for (const auto& [slot, seed] : stored) {
        QVERIFY2(rig.readsBack(slot, PageKind::Text, seed), qPrintable(QString::number(slot.value)));
        QVERIFY(rig.engine->put(slot).ok());
    }
}

QTEST_GUILESS_MAIN(TstTierPolicy)
#include "tst_tierpolicy.moc"
