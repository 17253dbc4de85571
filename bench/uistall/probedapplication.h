// SPDX-License-Identifier: GPL-3.0-or-later
// ProbedApplication: a QApplication that times every event it dispatches at the top level (not
// the events sent from inside another one, which are part of that one's time) and hands the
// figures to the current StallProbe. Wall time from steady_clock, CPU time from the thread CPU
// clock (CLOCK_THREAD_CPUTIME_ID), and the time the thread was runnable but waited for a CPU
// from the scheduler's statistics (/proc/thread-self/schedstat, second field; the GUI thread
// keeps it open), all read before and after QApplication::notify(). Wall time minus CPU time
// minus that wait is time the thread was blocked (a lock, I/O).
//
// Thread safety: notify() runs on the thread of the receiver; only GUI-thread events (the
// thread that created the application) are timed.
#pragma once

#include <QApplication>

namespace swaptier::bench::uistall {

class StallProbe;

class ProbedApplication : public QApplication {
public:
    ProbedApplication(int& argc, char** argv);
    ~ProbedApplication() override;

    /// Events go to `probe` from now on (null: nobody). The probe must outlive its use here.
    void setProbe(StallProbe* probe) { m_probe = probe; }

    bool notify(QObject* receiver, QEvent* event) override;

    /// Time the GUI thread has waited on a run queue so far, in ms (-1 if the kernel does not
    /// say: no schedstat).
    double runQueueWaitMs() const;

private:
    int m_schedstat = -1;             ///< /proc/thread-self/schedstat of the GUI thread
    StallProbe* m_probe = nullptr;
    int m_depth = 0;
};

} // namespace swaptier::bench::uistall
