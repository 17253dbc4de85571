// SPDX-License-Identifier: GPL-3.0-or-later
// DemoWorkload: the default workload of `swaptierctl demo`, until the sandbox exists.
//
// It builds a real engine (compressed pool with a limit, a fast high-priority swapfile and a
// slower one, both in a private temporary directory) and drives it from N worker threads with
// a deterministic operation mix per thread (for a seed): swap out real PageCorpus pages for
// several cgroups, swap pages in and compare every byte, duplicate references (fork) and drop
// them, move entries between pool, devices and memory, look entries up. Mid-run the main thread
// swaps off the high-priority device while the workers keep going. At the end every remaining
// entry is read back and verified, every reference is dropped, and the engine must be empty,
// its event counters must match what the workers did, and no file may be left behind.
//
// Any verification failure or unexpected engine error is recorded as a translated sentence
// (with errorText()) and makes the run fail. Capacity refusals the engine documents (pool at
// its limit, a move finding no room, an entry busy in another move) are counted, not failures.
//
// Thread safety: run() may be called from any thread; it starts and joins its own workers.
// The progress callback is called from the calling thread only.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/options.h"
#include "swaptier/pagecorpus.h"
#include "swaptier/stats.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>

namespace swaptier::services {

struct DemoOptions {
    int threads = 2;                          ///< worker threads, 1..64
    quint64 pages = 20000;                    ///< pages swapped out in all, 1..10'000'000
    quint64 seed = 1;                         ///< page contents and operation mix
    swaptier::Codec codec = swaptier::Codec::Lz4;
    quint64 poolLimitBytes = 16ull << 20;     ///< 0: no limit
    int cgroups = 4;                          ///< cgroups 1..cgroups own the pages, 1..1000
    QString workDir;                          ///< parent of the temporary swapfile directory; empty: QDir::tempPath()
};

/// What the workers did (successful operations unless named otherwise).
struct DemoCounters {
    quint64 swapOuts = 0;
    std::array<quint64, swaptier::kPageClassCount> swapOutsByClass{};
    quint64 swapIns = 0;
    quint64 verified = 0;      ///< swap-ins whose bytes were compared
    quint64 cacheHits = 0;
    quint64 duplicates = 0;
    quint64 puts = 0;
    quint64 frees = 0;         ///< puts that dropped the last reference
    quint64 lookups = 0;
    quint64 dropCached = 0;
    quint64 moves = 0;         ///< single moves that moved the entry
    quint64 movesSkipped = 0;  ///< already there, zero page, gone
    quint64 movesRefused = 0;  ///< no room on the target (pool limit, devices full)
    quint64 movesBusy = 0;
    quint64 batchMoved = 0;    ///< entries moved by moveBatch

    DemoCounters& operator+=(const DemoCounters& o);
};

struct DemoResult {
    bool ok = false;
    QStringList failures;                 ///< translated; empty when ok
    DemoCounters counters;
    swaptier::EngineStats peak;           ///< right before teardown: the remaining entries stored
    swaptier::EngineStats end;            ///< after every reference was dropped: must be empty
    bool swapoffDone = false;
    swaptier::SwapoffReport swapoff;
    quint64 elapsedNanos = 0;
};

class DemoWorkload {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::DemoWorkload)

public:
    using Progress = std::function<void(const QString& line)>;

    explicit DemoWorkload(DemoOptions options) : m_options(std::move(options)) {}

    /// Translated problems with the options (empty if valid).
    static QStringList validate(const DemoOptions& options);

    /// Runs the workload to the end. Never throws; all failures are in the result.
    DemoResult run(const Progress& progress = {}) const;

    /// A short human summary of the run (what was done, swapoff, timing, verdict).
    QString summaryText(const DemoResult& result) const;
    /// Options, counters, swapoff, verdict and both statistics snapshots, raw numbers.
    QJsonObject toJson(const DemoResult& result) const;

    const DemoOptions& options() const { return m_options; }

private:
    DemoOptions m_options;
};

} // namespace swaptier::services
