// SPDX-License-Identifier: GPL-3.0-or-later
// StallProbe: how long the GUI thread is away from its event loop while the benchmark drives
// the window. Three measures, each kept per phase of the benchmark's tour of the views:
//
//   - gaps: a 1 ms heartbeat QTimer (Qt::PreciseTimer) notes the time of every timeout; a gap
//     is the time between two timeouts. A timer can only fire between two events, so the
//     longest gap is the longest time a click or a key press would have waited: the stall. An
//     idle loop gives gaps of 1 ms; the gap includes the time the thread was not scheduled.
//   - shows: the wall and thread CPU time of each MainWindow::showSnapshot call (recordShow()).
//   - events: the wall and thread CPU time of each event the application dispatches at the
//     top level (ProbedApplication::notify), with its receiver, so a long gap can be traced to
//     the view that caused it; CPU time well below wall time means the thread waited for a
//     CPU, not for its own work.
//
// Thread safety: GUI thread only (the heartbeat is a QTimer of that thread).
#pragma once

#include <QString>
#include <QTimer>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace swaptier::bench::uistall {

/// Count, maximum, 99th percentile and median of a set of durations (ms).
struct Distribution {
    std::size_t count = 0;
    double max = 0;
    double p99 = 0;
    double median = 0;
};
Distribution distributionOf(std::vector<double> values);

/// CPU time of the calling thread in ms (CLOCK_THREAD_CPUTIME_ID).
double threadCpuMs();

/// One event dispatched by the application.
struct EventRecord {
    double wallMs = 0;
    double cpuMs = 0;     ///< thread CPU time of the GUI thread during it
    double waitMs = -1;   ///< time the GUI thread waited for a CPU during it (-1: unknown)
    QString what;         ///< "QTimer (EngineHost) Timer", receiver (parent) event type
    int phase = -1;
};

class StallProbe {
public:
    explicit StallProbe(std::vector<QString> phaseNames);

    /// Starts the heartbeat and the records (phase 0).
    void start();
    void stop();
    void setPhase(int phase);
    int phase() const { return m_phase; }
    const std::vector<QString>& phaseNames() const { return m_names; }

    /// A showSnapshot call took `wallMs`, `cpuMs` of them on the CPU.
    void recordShow(double wallMs, double cpuMs);
    /// From ProbedApplication::notify(): an event took `wallMs`, `cpuMs` of them on a CPU and
    /// `waitMs` waiting for one (-1: unknown). `receiverClass` and `parentClass` (may be null)
    /// name the receiver, `objectName` its name.
    void recordEvent(double wallMs, double cpuMs, double waitMs, const char* receiverClass, const char* parentClass,
                     const QString& objectName, int eventType);

    struct PhaseFigures {
        QString name;
        Distribution gaps;
        Distribution shows;
        Distribution showsCpu;
        EventRecord worstEvent;
    };
    struct Figures {
        double seconds = 0;            ///< from start() to stop()
        Distribution gaps;
        Distribution shows;
        Distribution showsCpu;
        std::vector<PhaseFigures> phases;
        std::vector<EventRecord> worstEvents; ///< the longest events, longest first
        std::uint64_t events = 0;      ///< events timed
    };
    Figures figures() const;

private:
    using Clock = std::chrono::steady_clock;
    void beat();

    std::vector<QString> m_names;
    QTimer m_heartbeat;
    Clock::time_point m_started, m_stopped, m_lastBeat;
    bool m_running = false;
    int m_phase = 0;
    std::vector<std::vector<double>> m_gaps;   ///< per phase
    std::vector<std::vector<double>> m_shows;  ///< per phase
    std::vector<std::vector<double>> m_showsCpu; ///< per phase
    std::vector<EventRecord> m_phaseWorst;     ///< per phase
    std::vector<EventRecord> m_worst;          ///< the kWorst longest, longest first
    std::uint64_t m_events = 0;
};

} // namespace swaptier::bench::uistall
