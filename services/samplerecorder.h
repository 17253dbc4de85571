// SPDX-License-Identifier: GPL-3.0-or-later
// SampleRecorder: writes the samples of one run to a HistoryStore from a thread of its own, so
// that the sandbox's sample callback never waits for the disk.
//
// record() only moves the sample into a queue under a short lock. The writer thread takes the
// whole queue when it holds `batchSize` samples, or `maxDelayMs` after the oldest sample in it
// arrived, and appends it in one transaction. Samples keep the order in which record() calls
// returned; in particular the samples of one thread keep that thread's order.
//
// Nothing is dropped. When a write fails (disk full, file removed, ...) the writer keeps the
// failed batch and every later sample in memory and stops writing; finish() tries once more to
// write all of them in one transaction, so a transient failure loses nothing.
//
// Thread safety: record() may be called from any number of threads at once; finish() and the
// destructor from one thread, after the last record() call has returned.
#pragma once

#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

namespace swaptier::services {

class HistoryStore;

class SampleRecorder {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::SampleRecorder)

public:
    struct Options {
        int batchSize = 64;  ///< samples per transaction when they come fast (at least 1)
        int maxDelayMs = 250; ///< longest a sample waits in memory before the writer takes it
    };

    /// Starts the writer thread. `store` must outlive the recorder; `runId` must exist in it.
    SampleRecorder(HistoryStore& store, qint64 runId, Options options);
    /// Default options. (Not `Options options = {}`: GCC cannot use the member initialisers of
    /// a nested struct in a default argument of its enclosing class.)
    SampleRecorder(HistoryStore& store, qint64 runId);
    ~SampleRecorder(); ///< finish() if it was not called
    SampleRecorder(const SampleRecorder&) = delete;
    SampleRecorder& operator=(const SampleRecorder&) = delete;

    /// Queues a sample: O(1) (amortised), never blocks on I/O. REQUIRES: finish() not called yet.
    void record(swaptier::SandboxSample sample);

    /// Writes what is still queued (and retries what failed), then joins the writer. True when
    /// every recorded sample is in the database. Otherwise false, and *error is the first write
    /// error (it names the file) and how many samples could not be written. A second call
    /// returns the same result.
    bool finish(QString* error);

    /// True once a write has failed; later samples are held for finish(). For progress output.
    bool writeFailed() const { return m_failed.load(std::memory_order_acquire); }

private:
    void writerLoop();
    /// Writer thread: appends `samples` (taken from the queue), or holds them after a failure;
    /// `last` is the final call, which retries what is held.
    void write(std::vector<swaptier::SandboxSample>& samples, bool last);

    HistoryStore& m_store;
    const qint64 m_runId;
    const Options m_options;

    std::mutex m_mutex;                               // guards m_queue, m_oldest, m_stopping
    std::condition_variable m_wake;                   // record() -> writer: work or stop
    std::vector<swaptier::SandboxSample> m_queue;
    std::chrono::steady_clock::time_point m_oldest;   // when the first sample of m_queue came
    bool m_stopping = false;

    // Writer thread only, until it is joined.
    std::vector<swaptier::SandboxSample> m_held;      // samples of failed writes, oldest first
    QString m_firstError;
    std::atomic<bool> m_failed{false};

    bool m_finished = false;
    bool m_result = false;
    QString m_resultError;
    std::thread m_writer; // last: starts after every other member is built
};

} // namespace swaptier::services
