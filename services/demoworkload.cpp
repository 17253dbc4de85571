// SPDX-License-Identifier: GPL-3.0-or-later
// DemoWorkload implementation. See demoworkload.h for what the run does and checks.
//
// Structure: DemoRun holds what the workers share (engine, page mix, failure list, progress
// counter); each worker owns the entries it swapped out (slot, page index, references held), so
// it can regenerate the expected bytes of any entry from the PageMix and check the engine's
// swap count against its own bookkeeping without locks. Only swapoff (main thread) touches
// other threads' entries, through the engine.
#include "demoworkload.h"

#include "errortext.h"
#include "statsreport.h"
#include "units.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace swaptier::services {

DemoCounters& DemoCounters::operator+=(const DemoCounters& o) {
    swapOuts += o.swapOuts;
    for (std::size_t i = 0; i < swapOutsByClass.size(); ++i)
        swapOutsByClass[i] += o.swapOutsByClass[i];
    swapIns += o.swapIns;
    verified += o.verified;
    cacheHits += o.cacheHits;
    duplicates += o.duplicates;
    puts += o.puts;
    frees += o.frees;
    lookups += o.lookups;
    dropCached += o.dropCached;
    moves += o.moves;
    movesSkipped += o.movesSkipped;
    movesRefused += o.movesRefused;
    movesBusy += o.movesBusy;
    batchMoved += o.batchMoved;
    return *this;
}

namespace {

constexpr int kMaxFailures = 20;     // more would only repeat the first ones
constexpr std::uint32_t kMaxRefs = 4;

/// splitmix64: a tiny deterministic PRNG per worker.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t x = (m_state += 0x9E3779B97F4A7C15ull);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
        return x ^ (x >> 31);
    }
    std::uint64_t below(std::uint64_t bound) { return next() % bound; }

private:
    std::uint64_t m_state;
};

struct Entry {
    SlotId slot;
    std::uint64_t index = 0;   // page index in the mix: the expected bytes
    std::uint32_t refs = 1;    // references this worker holds
    CgroupId cgroup;
    bool cached = false;       // loaded with keepCached since
};

/// Capacity refusals and contention: documented outcomes, not failures.
bool isRefusal(Errc c) {
    return c == Errc::PoolLimit || c == Errc::BackendFull || c == Errc::DeviceFull || c == Errc::NoDevice;
}

MoveTarget targetFor(std::uint64_t r) {
    switch (r % 3) {
    case 0: return MoveTarget::pool();
    case 1: return MoveTarget::anyDevice();
    default: return MoveTarget::memory();
    }
}

QString targetName(const MoveTarget& t) {
    switch (t.kind) {
    case MoveTarget::Kind::Pool: return DemoWorkload::tr("the compressed pool");
    case MoveTarget::Kind::AnyDevice: return DemoWorkload::tr("any swap device");
    case MoveTarget::Kind::Device: return DemoWorkload::tr("swap device %1").arg(t.device.value);
    case MoveTarget::Kind::Memory: return DemoWorkload::tr("memory");
    }
    return {};
}

using Page = std::array<std::byte, kPageSize>;

class DemoRun {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::DemoRun)

public:
    DemoRun(const DemoOptions& options, Engine& engine, const PageMix& mix)
        : m_options(options), m_engine(engine), m_mix(mix) {}

    void fail(const QString& message) {
        std::lock_guard lock(m_mutex);
        m_failed.store(true, std::memory_order_relaxed);
        if (m_failures.size() < kMaxFailures)
            m_failures << message;
        else if (m_failures.size() == kMaxFailures)
            m_failures << tr("(further failures not shown)");
    }
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    QStringList failures() const {
        std::lock_guard lock(m_mutex);
        return m_failures;
    }

    std::uint64_t swappedOut() const { return m_swappedOut.load(std::memory_order_relaxed); }

    /// Waits until the workers are done, or (if wantHalf) half the pages are out, or timeout.
    void wait(std::chrono::milliseconds timeout, bool wantHalf) {
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, timeout, [&] { return (wantHalf && m_halfReached) || m_workersDone == m_options.threads; });
    }
    bool halfReached() const {
        std::lock_guard lock(m_mutex);
        return m_halfReached;
    }
    void workerDone() {
        std::lock_guard lock(m_mutex);
        ++m_workersDone;
        m_cv.notify_all();
    }
    bool allWorkersDone() const {
        std::lock_guard lock(m_mutex);
        return m_workersDone == m_options.threads;
    }

    void worker(int t, std::vector<Entry>& entries, DemoCounters& c);

    /// Reads an entry back and compares it with the page it was made from.
    bool verify(const Entry& e, DemoCounters& c, bool keepCached, const char* when);
    /// Checks the engine's view of an entry against the worker's bookkeeping.
    bool checkLookup(const Entry& e, DemoCounters& c);
    bool putOne(std::vector<Entry>& entries, std::size_t i, DemoCounters& c);

private:
    void noteSwappedOut() {
        const std::uint64_t n = m_swappedOut.fetch_add(1, std::memory_order_relaxed) + 1;
        if (n == std::max<std::uint64_t>(1, m_options.pages / 2)) {
            std::lock_guard lock(m_mutex);
            m_halfReached = true;
            m_cv.notify_all();
        }
    }

    const DemoOptions& m_options;
    Engine& m_engine;
    const PageMix& m_mix;

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    QStringList m_failures;
    bool m_halfReached = false;
    int m_workersDone = 0;
    std::atomic<bool> m_failed{false};
    std::atomic<std::uint64_t> m_swappedOut{0};
};

bool DemoRun::verify(const Entry& e, DemoCounters& c, bool keepCached, const char* when) {
    Page got{};
    Page want{};
    auto r = m_engine.swapIn(e.slot, got, LoadOptions{keepCached});
    if (!r) {
        fail(tr("Swap-in of slot %1 (page %2, %3) failed: %4")
                 .arg(e.slot.value).arg(e.index).arg(QLatin1StringView(when), errorText(r.error())));
        return false;
    }
    ++c.swapIns;
    c.cacheHits += r->cacheHit ? 1 : 0;
    m_mix.fill(want, e.index);
    if (got != want) {
        std::size_t at = 0;
        while (at < kPageSize && got[at] == want[at])
            ++at;
        fail(tr("Slot %1 (page %2, cgroup %3, %4) read back from the %5 backend differs from what was swapped "
                "out, first at byte %6.")
                 .arg(e.slot.value).arg(e.index).arg(e.cgroup.value)
                 .arg(QLatin1StringView(when), QLatin1StringView(backendName(r->from)))
                 .arg(at));
        return false;
    }
    ++c.verified;
    return true;
}

bool DemoRun::checkLookup(const Entry& e, DemoCounters& c) {
    auto info = m_engine.lookup(e.slot);
    if (!info) {
        fail(tr("Lookup of live slot %1 (page %2) failed: %3")
                 .arg(e.slot.value)
                 .arg(e.index)
                 .arg(errorText(info.error())));
        return false;
    }
    ++c.lookups;
    if (info->swapCount != e.refs || info->cgroup != e.cgroup) {
        fail(tr("Slot %1 reports swap count %2 and cgroup %3; its owner holds %4 references for cgroup %5.")
                 .arg(e.slot.value).arg(info->swapCount).arg(info->cgroup.value).arg(e.refs).arg(e.cgroup.value));
        return false;
    }
    return true;
}

bool DemoRun::putOne(std::vector<Entry>& entries, std::size_t i, DemoCounters& c) {
    Entry& e = entries[i];
    if (Status s = m_engine.put(e.slot); !s) {
        fail(tr("Dropping a reference to slot %1 (page %2) failed: %3")
                 .arg(e.slot.value)
                 .arg(e.index)
                 .arg(errorText(s.error())));
        return false;
    }
    ++c.puts;
    if (--e.refs == 0) {
        ++c.frees;
        entries[i] = entries.back();
        entries.pop_back();
    }
    return true;
}

void DemoRun::worker(int t, std::vector<Entry>& entries, DemoCounters& c) {
    Rng rng(m_options.seed * 0x100000001B3ull + std::uint64_t(t) + 1);
    Page page{};
    const auto threads = std::uint64_t(m_options.threads);
    for (std::uint64_t index = std::uint64_t(t); index < m_options.pages && !failed(); index += threads) {
        // --- swap out one page ---
        const PageClass cls = m_mix.fill(page, index);
        const CgroupId cgroup{std::uint16_t(1 + index % std::uint64_t(m_options.cgroups))};
        StoreOptions store;
        const std::uint64_t placement = rng.below(100);
        store.placement = placement < 90 ? Placement::Auto : placement < 95 ? Placement::Memory : Placement::DeviceOnly;
        store.shadow = std::uint32_t(index & ((1u << kShadowBits) - 1));
        auto slot = m_engine.swapOut(page, cgroup, store);
        if (!slot) {
            fail(tr("Swap-out of page %1 (%2) for cgroup %3 failed: %4")
                     .arg(index)
                     .arg(QLatin1StringView(pageClassName(cls)))
                     .arg(cgroup.value)
                     .arg(errorText(slot.error())));
            break;
        }
        ++c.swapOuts;
        ++c.swapOutsByClass[std::size_t(cls)];
        entries.push_back(Entry{*slot, index, 1, cgroup, false});
        noteSwappedOut();

        // --- one more operation on a random live entry ---
        const std::uint64_t op = rng.below(100);
        const std::size_t pick = std::size_t(rng.below(entries.size()));
        Entry& e = entries[pick];
        if (op < 30) { // swap in and verify, sometimes keeping the page cached
            const bool keep = rng.below(5) == 0;
            if (!verify(e, c, keep, "during the run"))
                break;
            e.cached = e.cached || keep;
        } else if (op < 40) { // fork: one more page-table reference
            if (e.refs >= kMaxRefs)
                continue;
            if (Status s = m_engine.duplicate(e.slot); !s) {
                fail(tr("Duplicating slot %1 (page %2) failed: %3")
                         .arg(e.slot.value)
                         .arg(e.index)
                         .arg(errorText(s.error())));
                break;
            }
            ++c.duplicates;
            ++e.refs;
        } else if (op < 55) { // unmap: drop one reference
            if (!putOne(entries, pick, c))
                break;
        } else if (op < 70) { // migrate one entry
            const MoveTarget target = targetFor(rng.next());
            auto moved = m_engine.move(e.slot, target);
            if (moved) {
                if (*moved == MoveOutcome::Moved)
                    ++c.moves;
                else
                    ++c.movesSkipped;
            } else if (moved.code() == Errc::Busy) {
                ++c.movesBusy;
            } else if (isRefusal(moved.code())) {
                ++c.movesRefused;
            } else {
                fail(tr("Moving slot %1 (page %2) to %3 failed: %4")
                         .arg(e.slot.value).arg(e.index).arg(targetName(target), errorText(moved.error())));
                break;
            }
        } else if (op < 73) { // migrate a batch
            std::vector<SlotId> batch;
            const std::size_t n = std::min<std::size_t>(entries.size(), 1 + rng.below(16));
            for (std::size_t k = 0; k < n; ++k)
                batch.push_back(entries[std::size_t(rng.below(entries.size()))].slot);
            std::sort(batch.begin(), batch.end());
            batch.erase(std::unique(batch.begin(), batch.end()), batch.end());
            const MoveTarget target = targetFor(rng.next());
            const BatchMoveResult r = m_engine.moveBatch(batch, target);
            c.batchMoved += r.moved;
            c.movesSkipped += r.skipped;
            c.movesBusy += r.busy;
            if (r.failed > 0) {
                if (!isRefusal(r.firstError.code) && r.firstError.code != Errc::Busy) {
                    fail(tr("Moving a batch of %1 entries to %2 failed for %3 of them: %4")
                             .arg(batch.size()).arg(targetName(target)).arg(r.failed).arg(errorText(r.firstError)));
                    break;
                }
                c.movesRefused += r.failed;
            }
        } else if (op < 80) { // look up and cross-check
            if (!checkLookup(e, c))
                break;
        } else if (op < 83 && e.cached) { // drop the swap-cache copy
            Status s = m_engine.dropCached(e.slot);
            // Memory-backed entries have no separate cache copy to drop (swapoff or a move may
            // have put the entry there meanwhile): InvalidArgument is the documented answer.
            if (!s && s.code() != Errc::InvalidArgument) {
                fail(tr("Dropping the cached page of slot %1 failed: %2").arg(e.slot.value).arg(errorText(s.error())));
                break;
            }
            ++c.dropCached;
            e.cached = false;
        }
    }
    workerDone();
}

QString stateLine(const EngineStats& s) {
    std::uint64_t deviceUsed = 0;
    for (const DeviceStats& d : s.devices)
        deviceUsed += d.usedSlots;
    return DemoWorkload::tr("pool %1 (ratio %2), %3 device slots used, %4 live entries")
        .arg(formatBytes(s.pool.poolBytes), formatRatio(s.pool.compressionRatio()))
        .arg(deviceUsed)
        .arg(s.slotTable.liveEntries);
}

} // namespace

QStringList DemoWorkload::validate(const DemoOptions& o) {
    QStringList problems;
    if (o.threads < 1 || o.threads > 64)
        problems << tr("The number of threads must be between 1 and 64 (got %1).").arg(o.threads);
    if (o.pages < 1 || o.pages > 10'000'000)
        problems << tr("The number of pages must be between 1 and 10000000 (got %1).").arg(o.pages);
    if (o.cgroups < 1 || o.cgroups > 1000)
        problems << tr("The number of cgroups must be between 1 and 1000 (got %1).").arg(o.cgroups);
    if (o.codec == Codec::Raw)
        problems << tr("The pool needs a compressing codec (zstd, lz4 or lzo), not \"raw\".");
    if (!o.workDir.isEmpty()) {
        const QFileInfo dir(o.workDir);
        if (!dir.isDir())
            problems << tr("The work directory \"%1\" does not exist or is not a directory.").arg(o.workDir);
        else if (!dir.isWritable())
            problems << tr("The work directory \"%1\" is not writable.").arg(o.workDir);
    }
    return problems;
}

DemoResult DemoWorkload::run(const Progress& progress) const {
    DemoResult result;
    const auto say = [&](const QString& line) {
        if (progress)
            progress(line);
    };
    result.failures = validate(m_options);
    if (!result.failures.isEmpty())
        return result;
    QElapsedTimer clock;
    clock.start();

    // --- pages ---
    say(tr("loading the page corpus (text files, shared libraries)"));
    CorpusOptions corpusOptions;
    corpusOptions.maxTextPages = 1024;
    corpusOptions.maxBinaryPages = 1024;
    corpusOptions.seed = m_options.seed;
    auto corpus = PageCorpus::load(corpusOptions);
    if (!corpus) {
        result.failures << tr("Loading the page corpus failed: %1").arg(errorText(corpus.error()));
        return result;
    }
    const PageMix mix(*corpus, MixShares{}, m_options.seed);
    say(tr("page corpus: %1 text pages, %2 library pages; mix %3")
            .arg(corpus->pageCount(PageClass::Text))
            .arg(corpus->pageCount(PageClass::Binary))
            .arg(QString::fromStdString(mix.shares().toString())));

    // --- engine and devices ---
    const QString parent = m_options.workDir.isEmpty() ? QDir::tempPath() : m_options.workDir;
    auto tmp = std::make_unique<QTemporaryDir>(QDir(parent).filePath(QStringLiteral("swaptier-demo-XXXXXX")));
    if (!tmp->isValid()) {
        result.failures << tr("Cannot create a temporary directory in \"%1\": %2").arg(parent, tmp->errorString());
        return result;
    }
    const QString tmpPath = tmp->path();
    EngineOptions engineOptions;
    engineOptions.pool.codec = m_options.codec;
    engineOptions.pool.limitBytes = m_options.poolLimitBytes;
    auto created = Engine::create(engineOptions);
    if (!created) {
        result.failures << tr("Creating the engine failed: %1").arg(errorText(created.error()));
        return result;
    }
    std::unique_ptr<Engine> engine = std::move(created.value());

    const QString fastPath = QDir(tmpPath).filePath(QStringLiteral("fast.swap"));
    const QString slowPath = QDir(tmpPath).filePath(QStringLiteral("slow.swap"));
    DeviceOptions fast;
    fast.path = fastPath.toStdString();
    fast.sizeBytes = std::max<quint64>(64, m_options.pages / 4) * kPageSize;
    fast.priority = 10;
    fast.io = IoMode::Buffered;
    fast.removeFileOnClose = true;
    DeviceOptions slow;
    slow.path = slowPath.toStdString();
    slow.sizeBytes = (m_options.pages + 64) * kPageSize; // room for every page: swapoff of fast always fits
    slow.priority = 5;
    slow.io = IoMode::Auto;
    slow.removeFileOnClose = true;
    auto fastId = engine->addDevice(fast);
    if (!fastId) {
        result.failures << tr("Adding the fast swap device failed: %1").arg(errorText(fastId.error()));
        return result;
    }
    auto slowId = engine->addDevice(slow);
    if (!slowId) {
        result.failures << tr("Adding the slow swap device failed: %1").arg(errorText(slowId.error()));
        return result;
    }
    say(tr("engine: %1 pool, limit %2; devices %3 (priority %4, %5) and %6 (priority %7, %8) in %9")
            .arg(QLatin1StringView(codecName(m_options.codec)),
                 m_options.poolLimitBytes ? formatBytes(m_options.poolLimitBytes) : tr("none"))
            .arg(fastId->value).arg(fast.priority).arg(formatBytes(fast.sizeBytes))
            .arg(slowId->value).arg(slow.priority).arg(formatBytes(slow.sizeBytes))
            .arg(tmpPath));

    // --- workers ---
    DemoRun run(m_options, *engine, mix);
    std::vector<std::vector<Entry>> entries(std::size_t(m_options.threads));
    std::vector<DemoCounters> counters(std::size_t(m_options.threads));
    std::vector<std::thread> workers;
    say(tr("running %1 worker threads over %2 pages (seed %3)")
            .arg(m_options.threads)
            .arg(m_options.pages)
            .arg(m_options.seed));
    for (int t = 0; t < m_options.threads; ++t)
        workers.emplace_back([&run, &entries, &counters, t] {
            run.worker(t, entries[std::size_t(t)], counters[std::size_t(t)]);
        });

    const auto doSwapoff = [&] {
        say(tr("swapoff of device %1 (priority %2) while the workers run").arg(fastId->value).arg(fast.priority));
        SwapoffOptions off;
        off.removeFile = true;
        auto report = engine->swapoff(*fastId, off);
        result.swapoffDone = true;
        if (!report) {
            run.fail(tr("Swapoff of device %1 failed: %2").arg(fastId->value).arg(errorText(report.error())));
            return;
        }
        result.swapoff = *report;
        say(tr("swapoff done: %1 entries, %2 to other devices, %3 to memory, %4 freed meanwhile, %5 ms")
                .arg(report->entries).arg(report->toDevices).arg(report->toMemory).arg(report->vanished)
                .arg(QString::number(double(report->nanos) / 1e6, 'f', 1)));
        if (QFileInfo::exists(fastPath))
            run.fail(tr("After swapoff with file removal, \"%1\" still exists.").arg(fastPath));
    };

    QElapsedTimer lastLine;
    lastLine.start();
    while (!run.allWorkersDone()) {
        run.wait(std::chrono::milliseconds(250), !result.swapoffDone);
        if (!result.swapoffDone && run.halfReached() && !run.failed())
            doSwapoff();
        if (lastLine.elapsed() >= 1000) {
            lastLine.restart();
            say(tr("%1% (%2/%3 pages out): %4")
                    .arg(run.swappedOut() * 100 / m_options.pages)
                    .arg(run.swappedOut())
                    .arg(m_options.pages)
                    .arg(stateLine(engine->stats())));
        }
    }
    for (std::thread& w : workers)
        w.join();
    if (!result.swapoffDone && !run.failed())
        doSwapoff(); // a run too small to reach its middle while workers ran
    for (const DemoCounters& c : counters)
        result.counters += c;

    // --- final verification: everything still stored reads back right ---
    DemoCounters teardown;
    std::uint64_t live = 0;
    for (const auto& list : entries)
        live += list.size();
    result.peak = engine->stats();
    say(tr("workers done: %1").arg(stateLine(result.peak)));
    std::uint64_t statsLive = 0;
    for (const BackendUsage& u : result.peak.backends)
        statsLive += u.entries;
    if (!run.failed() && (statsLive != live || result.peak.slotTable.liveEntries != live))
        run.fail(tr("The engine reports %1 entries on its backends and %2 live slots; the workers hold %3.")
                     .arg(statsLive).arg(result.peak.slotTable.liveEntries).arg(live));
    if (!run.failed()) {
        say(tr("verifying all %1 remaining entries").arg(live));
        for (auto& list : entries)
            for (const Entry& e : list)
                if (!run.checkLookup(e, teardown) || !run.verify(e, teardown, false, "at the end"))
                    break;
    }
    // Drop every reference, even after a failure: the engine must end empty either way.
    for (auto& list : entries)
        while (!list.empty())
            if (!run.putOne(list, list.size() - 1, teardown))
                break;
    result.counters += teardown;
    engine->trim();
    result.end = engine->stats();

    // --- the engine must be empty and agree with what the workers did ---
    if (!run.failed()) {
        const EngineStats& s = result.end;
        for (std::size_t b = 0; b < kBackendCount; ++b)
            if (s.backends[b].entries != 0 || s.backends[b].storedBytes != 0)
                run.fail(tr("After every reference was dropped, the %1 backend still holds %2 entries (%3).")
                             .arg(QLatin1StringView(backendName(static_cast<Backend>(b))))
                             .arg(s.backends[b].entries)
                             .arg(formatBytes(s.backends[b].storedBytes)));
        if (s.slotTable.liveEntries != 0 || s.pool.objects != 0)
            run.fail(tr("After every reference was dropped, %1 slots are live and the pool holds %2 objects.")
                         .arg(s.slotTable.liveEntries).arg(s.pool.objects));
        for (const DeviceStats& d : s.devices)
            if (d.usedSlots != 0)
                run.fail(tr("After every reference was dropped, device %1 still has %2 used slots.")
                             .arg(d.id.value)
                             .arg(d.usedSlots));
        const DemoCounters& c = result.counters;
        const auto expect = [&](const char* key, quint64 engineValue, quint64 ours) {
            if (engineValue != ours)
                run.fail(tr("The engine counted %1 = %2, the workload did %3.")
                             .arg(QLatin1StringView(key))
                             .arg(engineValue)
                             .arg(ours));
        };
        expect("swap_outs", s.events.swapOuts, c.swapOuts);
        expect("swap_ins", s.events.swapIns, c.swapIns);
        expect("swap_cache_hits", s.events.cacheHits, c.cacheHits);
        expect("swap_duplicates", s.events.duplicates, c.duplicates);
        expect("swap_puts", s.events.puts, c.puts);
        expect("swap_frees", s.events.frees, c.frees);
        expect("swpout_zero", s.events.swpoutZero, c.swapOutsByClass[std::size_t(PageClass::Zero)]);
        if (c.frees != c.swapOuts)
            run.fail(tr("The workload freed %1 entries but swapped out %2.").arg(c.frees).arg(c.swapOuts));
        if (s.events.ioErrors != 0 || s.events.corruptions != 0)
            run.fail(tr("The engine counted %1 I/O errors and %2 corruptions.")
                         .arg(s.events.ioErrors)
                         .arg(s.events.corruptions));
    }

    // --- nothing may be left behind ---
    engine.reset();
    for (const QString& path : {fastPath, slowPath})
        if (QFileInfo::exists(path))
            run.fail(tr("The swap file \"%1\" was not removed when the engine closed it.").arg(path));
    if (!tmp->remove())
        run.fail(tr("The temporary directory \"%1\" could not be removed.").arg(tmpPath));
    tmp.reset();
    if (QFileInfo::exists(tmpPath))
        run.fail(tr("The temporary directory \"%1\" was left behind.").arg(tmpPath));

    result.failures = run.failures();
    result.ok = result.failures.isEmpty();
    result.elapsedNanos = quint64(clock.nsecsElapsed());
    say(result.ok ? tr("done: all checks passed")
                  : tr("done: %n check(s) failed", nullptr, int(result.failures.size())));
    return result;
}

QString DemoWorkload::summaryText(const DemoResult& r) const {
    const DemoCounters& c = r.counters;
    QStringList classes;
    for (PageClass cls : kAllPageClasses)
        if (c.swapOutsByClass[std::size_t(cls)] > 0)
            classes << QStringLiteral("%1 %2")
                           .arg(QLatin1StringView(pageClassName(cls)))
                           .arg(c.swapOutsByClass[std::size_t(cls)]);
    const double seconds = double(r.elapsedNanos) / 1e9;
    QList<std::pair<QString, QString>> rows = {
        {tr("workload"), tr("%1 threads, %2 pages, seed %3, %4 pool, pool limit %5, %6 cgroups")
                             .arg(m_options.threads)
                             .arg(m_options.pages)
                             .arg(m_options.seed)
                             .arg(QLatin1StringView(codecName(m_options.codec)),
                                  m_options.poolLimitBytes ? formatBytes(m_options.poolLimitBytes) : tr("none"))
                             .arg(m_options.cgroups)},
        {tr("swapped out"), tr("%1 pages (%2)").arg(c.swapOuts).arg(classes.join(QStringLiteral(", ")))},
        {tr("swapped in"),
         tr("%1 (%2 verified byte for byte, %3 swap-cache hits)").arg(c.swapIns).arg(c.verified).arg(c.cacheHits)},
        {tr("references"),
         tr("%1 duplicated, %2 dropped, %3 entries freed").arg(c.duplicates).arg(c.puts).arg(c.frees)},
        {tr("moves"), tr("%1 moved, %2 moved in batches, %3 skipped, %4 refused (no room), %5 busy")
                          .arg(c.moves)
                          .arg(c.batchMoved)
                          .arg(c.movesSkipped)
                          .arg(c.movesRefused)
                          .arg(c.movesBusy)},
        {tr("lookups"), tr("%1 cross-checked, %2 cached pages dropped").arg(c.lookups).arg(c.dropCached)},
        {tr("swapoff"), r.swapoffDone
                            ? tr("%1 entries moved off the fast device (%2 to devices, %3 to memory, %4 freed "
                                 "meanwhile) in %5 ms")
                                  .arg(r.swapoff.entries)
                                  .arg(r.swapoff.toDevices)
                                  .arg(r.swapoff.toMemory)
                                  .arg(r.swapoff.vanished)
                                  .arg(QString::number(double(r.swapoff.nanos) / 1e6, 'f', 1))
                            : tr("not done")},
        {tr("elapsed"),
         tr("%1 s (%2 pages/s)")
             .arg(QString::number(seconds, 'f', 2))
             .arg(seconds > 0 ? QString::number(double(c.swapOuts) / seconds, 'f', 0) : QStringLiteral("-"))},
        {tr("result"), r.ok ? tr("OK: every page read back intact, the engine ended empty, no file left behind")
                            : tr("FAILED: %n problem(s)", nullptr, int(r.failures.size()))},
    };
    qsizetype width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    QString out = tr("swaptier demo") + u'\n';
    for (const auto& [key, value] : rows)
        out += QStringLiteral("  ") + key.leftJustified(width) + QStringLiteral("  ") + value + u'\n';
    for (const QString& f : r.failures)
        out += QStringLiteral("  ! ") + f + u'\n';
    return out;
}

QJsonObject DemoWorkload::toJson(const DemoResult& r) const {
    const DemoCounters& c = r.counters;
    QJsonObject byClass;
    for (PageClass cls : kAllPageClasses)
        byClass.insert(QLatin1StringView(pageClassName(cls)), qint64(c.swapOutsByClass[std::size_t(cls)]));
    return QJsonObject{
        {QStringLiteral("ok"), r.ok},
        {QStringLiteral("failures"), QJsonArray::fromStringList(r.failures)},
        {QStringLiteral("options"),
         QJsonObject{{QStringLiteral("threads"), m_options.threads},
                     {QStringLiteral("pages"), qint64(m_options.pages)},
                     {QStringLiteral("seed"), QString::number(m_options.seed)}, // may exceed 2^53
                     {QStringLiteral("codec"), QLatin1StringView(codecName(m_options.codec))},
                     {QStringLiteral("pool_limit_bytes"), qint64(m_options.poolLimitBytes)},
                     {QStringLiteral("cgroups"), m_options.cgroups}}},
        {QStringLiteral("counters"),
         QJsonObject{{QStringLiteral("swap_outs"), qint64(c.swapOuts)},
                     {QStringLiteral("swap_outs_by_class"), byClass},
                     {QStringLiteral("swap_ins"), qint64(c.swapIns)},
                     {QStringLiteral("verified"), qint64(c.verified)},
                     {QStringLiteral("cache_hits"), qint64(c.cacheHits)},
                     {QStringLiteral("duplicates"), qint64(c.duplicates)},
                     {QStringLiteral("puts"), qint64(c.puts)},
                     {QStringLiteral("frees"), qint64(c.frees)},
                     {QStringLiteral("lookups"), qint64(c.lookups)},
                     {QStringLiteral("drop_cached"), qint64(c.dropCached)},
                     {QStringLiteral("moves"), qint64(c.moves)},
                     {QStringLiteral("batch_moved"), qint64(c.batchMoved)},
                     {QStringLiteral("moves_skipped"), qint64(c.movesSkipped)},
                     {QStringLiteral("moves_refused"), qint64(c.movesRefused)},
                     {QStringLiteral("moves_busy"), qint64(c.movesBusy)}}},
        {QStringLiteral("swapoff"),
         QJsonObject{{QStringLiteral("done"), r.swapoffDone},
                     {QStringLiteral("entries"), qint64(r.swapoff.entries)},
                     {QStringLiteral("to_devices"), qint64(r.swapoff.toDevices)},
                     {QStringLiteral("to_memory"), qint64(r.swapoff.toMemory)},
                     {QStringLiteral("vanished"), qint64(r.swapoff.vanished)},
                     {QStringLiteral("nanos"), qint64(r.swapoff.nanos)}}},
        {QStringLiteral("elapsed_nanos"), qint64(r.elapsedNanos)},
        {QStringLiteral("peak"), StatsReport::toJsonObject(r.peak)},
        {QStringLiteral("end"), StatsReport::toJsonObject(r.end)},
    };
}

} // namespace swaptier::services
