// SPDX-License-Identifier: GPL-3.0-or-later
// ProbedApplication (probedapplication.h).
#include "probedapplication.h"

#include "stallprobe.h"

#include <QThread>

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace swaptier::bench::uistall {

ProbedApplication::ProbedApplication(int& argc, char** argv)
    : QApplication(argc, argv), m_schedstat(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)) {}

ProbedApplication::~ProbedApplication() {
    if (m_schedstat >= 0)
        ::close(m_schedstat);
}

double ProbedApplication::runQueueWaitMs() const {
    if (m_schedstat < 0)
        return -1;
    char buf[128];
    const ssize_t n = ::pread(m_schedstat, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return -1;
    buf[n] = '\0';
    char* end = nullptr;
    std::strtoull(buf, &end, 10);                   // time on a CPU, ns
    return double(std::strtoull(end, nullptr, 10)) / 1e6; // time waiting on a run queue, ns
}

bool ProbedApplication::notify(QObject* receiver, QEvent* event) {
    if (QThread::currentThread() != thread()) // m_depth belongs to the GUI thread
        return QApplication::notify(receiver, event);
    if (!m_probe || m_depth > 0) {
        ++m_depth;
        const bool handled = QApplication::notify(receiver, event);
        --m_depth;
        return handled;
    }
    // Read before the dispatch: the event may delete its receiver.
    const char* receiverClass = receiver->metaObject()->className();
    const char* parentClass = receiver->parent() ? receiver->parent()->metaObject()->className() : nullptr;
    const QString name = receiver->objectName();
    const int type = event->type();
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = threadCpuMs();
    const double wait0 = runQueueWaitMs();
    ++m_depth;
    const bool handled = QApplication::notify(receiver, event);
    --m_depth;
    const double cpuMs = threadCpuMs() - cpu0;
    const double waitMs = wait0 < 0 ? -1 : runQueueWaitMs() - wait0;
    const double wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall0).count();
    if (m_probe)
        m_probe->recordEvent(wallMs, cpuMs, waitMs, receiverClass, parentClass, name, type);
    return handled;
}

} // namespace swaptier::bench::uistall
