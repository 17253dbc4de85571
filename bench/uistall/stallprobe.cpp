// SPDX-License-Identifier: GPL-3.0-or-later
// StallProbe (stallprobe.h).
#include "stallprobe.h"

#include <QEvent>
#include <QMetaEnum>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace swaptier::bench::uistall {

namespace {

constexpr std::size_t kWorst = 8;

double msBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

/// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double share) {
    const auto rank = std::size_t(std::ceil(share * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

} // namespace

Distribution distributionOf(std::vector<double> values) {
    Distribution d;
    d.count = values.size();
    if (values.empty())
        return d;
    std::sort(values.begin(), values.end());
    d.max = values.back();
    d.p99 = percentile(values, 0.99);
    d.median = percentile(values, 0.5);
    return d;
}

double threadCpuMs() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

StallProbe::StallProbe(std::vector<QString> phaseNames)
    : m_names(std::move(phaseNames)), m_gaps(m_names.size()), m_shows(m_names.size()), m_showsCpu(m_names.size()), m_phaseWorst(m_names.size()) {
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    m_heartbeat.setInterval(1);
    QObject::connect(&m_heartbeat, &QTimer::timeout, &m_heartbeat, [this] { beat(); });
}

void StallProbe::start() {
    m_started = m_lastBeat = Clock::now();
    m_running = true;
    m_phase = 0;
    m_heartbeat.start();
}

void StallProbe::stop() {
    m_heartbeat.stop();
    m_stopped = Clock::now();
    m_running = false;
}

void StallProbe::setPhase(int phase) { m_phase = std::clamp(phase, 0, int(m_names.size()) - 1); }

void StallProbe::beat() {
    const Clock::time_point now = Clock::now();
    m_gaps[std::size_t(m_phase)].push_back(msBetween(m_lastBeat, now));
    m_lastBeat = now;
}

void StallProbe::recordShow(double wallMs, double cpuMs) {
    if (!m_running)
        return;
    m_shows[std::size_t(m_phase)].push_back(wallMs);
    m_showsCpu[std::size_t(m_phase)].push_back(cpuMs);
}

void StallProbe::recordEvent(double wallMs, double cpuMs, double waitMs, const char* receiverClass,
                             const char* parentClass, const QString& objectName, int eventType) {
    if (!m_running)
        return;
    ++m_events;
    EventRecord& phaseWorst = m_phaseWorst[std::size_t(m_phase)];
    const bool worstOfPhase = wallMs > phaseWorst.wallMs;
    const bool worstOfAll = m_worst.size() < kWorst || wallMs > m_worst.back().wallMs;
    if (!worstOfPhase && !worstOfAll)
        return;
    EventRecord r;
    r.wallMs = wallMs;
    r.cpuMs = cpuMs;
    r.waitMs = waitMs;
    r.phase = m_phase;
    r.what = QString::fromLatin1(receiverClass);
    if (!objectName.isEmpty())
        r.what += QStringLiteral(" \"") + objectName + QStringLiteral("\"");
    if (parentClass)
        r.what += QStringLiteral(" (in ") + QString::fromLatin1(parentClass) + QStringLiteral(")");
    const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(eventType);
    r.what += QLatin1Char(' ') + (type ? QString::fromLatin1(type) : QString::number(eventType));
    if (worstOfPhase)
        phaseWorst = r;
    if (worstOfAll) {
        const auto at = std::find_if(m_worst.begin(), m_worst.end(), [&](const EventRecord& e) { return e.wallMs < wallMs; });
        m_worst.insert(at, r);
        if (m_worst.size() > kWorst)
            m_worst.pop_back();
    }
}

StallProbe::Figures StallProbe::figures() const {
    Figures f;
    f.seconds = msBetween(m_started, m_running ? Clock::now() : m_stopped) / 1000.0;
    std::vector<double> gaps, shows, showsCpu;
    for (std::size_t p = 0; p < m_names.size(); ++p) {
        gaps.insert(gaps.end(), m_gaps[p].begin(), m_gaps[p].end());
        shows.insert(shows.end(), m_shows[p].begin(), m_shows[p].end());
        showsCpu.insert(showsCpu.end(), m_showsCpu[p].begin(), m_showsCpu[p].end());
        f.phases.push_back({m_names[p], distributionOf(m_gaps[p]), distributionOf(m_shows[p]),
                            distributionOf(m_showsCpu[p]), m_phaseWorst[p]});
    }
    f.gaps = distributionOf(std::move(gaps));
    f.shows = distributionOf(std::move(shows));
    f.showsCpu = distributionOf(std::move(showsCpu));
    f.worstEvents = m_worst;
    f.events = m_events;
    return f;
}

} // namespace swaptier::bench::uistall
