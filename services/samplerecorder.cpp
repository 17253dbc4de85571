// SPDX-License-Identifier: GPL-3.0-or-later
// SampleRecorder: a queue swapped out whole by one writer thread.
//
// The writer sleeps until the queue is non-empty, then until the queue holds a batch or the
// oldest queued sample is maxDelayMs old, then swaps the queue with its own (empty) vector and
// writes outside the lock. Swapping hands the buffers back and forth, so in steady state
// record() does not allocate for the queue itself.
#include "samplerecorder.h"

#include "historystore.h"

#include <algorithm>
#include <iterator>

namespace swaptier::services {

SampleRecorder::SampleRecorder(HistoryStore& store, qint64 runId, Options options)
    : m_store(store),
      m_runId(runId),
      m_options{std::max(1, options.batchSize), std::max(0, options.maxDelayMs)},
      m_writer([this] { writerLoop(); }) {}

SampleRecorder::SampleRecorder(HistoryStore& store, qint64 runId) : SampleRecorder(store, runId, Options{}) {}

SampleRecorder::~SampleRecorder() {
    if (!m_finished)
        finish(nullptr);
}

void SampleRecorder::record(SandboxSample sample) {
    std::size_t queued = 0;
    {
        std::lock_guard lock(m_mutex);
        Q_ASSERT(!m_stopping);
        if (m_queue.empty())
            m_oldest = std::chrono::steady_clock::now();
        m_queue.push_back(std::move(sample));
        queued = m_queue.size();
    }
    // Wake the writer to start the delay (first sample) or to write a full batch.
    if (queued == 1 || queued == std::size_t(m_options.batchSize))
        m_wake.notify_one();
}

bool SampleRecorder::finish(QString* error) {
    if (!m_finished) {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_one();
        m_writer.join();
        m_finished = true;
        m_result = m_held.empty();
        if (!m_result)
            m_resultError =
                tr("%1; in all, %n recorded sample(s) could not be written", nullptr, int(m_held.size())).arg(m_firstError);
    }
    if (!m_result && error)
        *error = m_resultError;
    return m_result;
}

void SampleRecorder::writerLoop() {
    const auto batch = std::size_t(m_options.batchSize);
    const auto delay = std::chrono::milliseconds(m_options.maxDelayMs);
    std::vector<SandboxSample> taken;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [&] { return m_stopping || !m_queue.empty(); });
        m_wake.wait_until(lock, m_oldest + delay, [&] { return m_stopping || m_queue.size() >= batch; });
        const bool last = m_stopping; // no record() after this: the queue is final
        taken.swap(m_queue);
        lock.unlock();
        write(taken, last);
        taken.clear();
        if (last)
            return;
        lock.lock();
    }
}

void SampleRecorder::write(std::vector<SandboxSample>& samples, bool last) {
    if (m_failed.load(std::memory_order_relaxed)) {
        // Keep everything after the first failure, in order; try once more at the end.
        m_held.insert(m_held.end(), std::make_move_iterator(samples.begin()), std::make_move_iterator(samples.end()));
        if (last && !m_held.empty() && m_store.appendSamples(m_runId, m_held, nullptr))
            m_held.clear();
        return;
    }
    if (samples.empty())
        return;
    QString error;
    if (m_store.appendSamples(m_runId, samples, &error))
        return;
    m_firstError = error;
    m_held = std::move(samples);
    m_failed.store(true, std::memory_order_release);
}

} // namespace swaptier::services
