// SPDX-License-Identifier: GPL-3.0-or-later
// ProgressReporter: throttled progress output for sandbox runs (see progressreporter.h).
#include "progressreporter.h"

#include <QLocale>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include <unistd.h>

namespace swaptier::services {

namespace {

constexpr int kBarCells = 20;
/// Keeps 0.3 * 10 from flooring to 2 (the product is 2.9999999999999996).
constexpr double kEpsilon = 1e-9;

qint64 steadyNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int percentOf(double progress) { return std::clamp(static_cast<int>(std::floor(progress * 100 + kEpsilon)), 0, 100); }

QString spaces(qsizetype n) { return QString(std::max<qsizetype>(n, 0), u' '); }

} // namespace

ProgressReporter::Style ProgressReporter::styleFor(int fd) {
    return ::isatty(fd) == 1 && qgetenv("TERM") != "dumb" ? Style::Bar : Style::Lines;
}

ProgressReporter::ProgressReporter(QTextStream& err, Style style, QString label, std::function<qint64()> clockMs)
    : m_err(err)
    , m_style(style)
    , m_label(std::move(label))
    , m_clock(clockMs ? std::move(clockMs) : std::function<qint64()>(steadyNowMs)) {
    m_startMs = m_clock();
    m_lastDrawMs = m_startMs;
}

QString ProgressReporter::formatCount(quint64 value) {
    if (value < 1000)
        return QString::number(value);
    // Units cover the whole quint64 range (1.8e19 = 18.4 E).
    const QString units[] = {tr("k"), tr("M"), tr("G"), tr("T"), tr("P"), tr("E")};
    double x = static_cast<double>(value);
    for (const QString& unit : units) {
        x /= 1000.0;
        const int decimals = x < 10 ? 2 : x < 100 ? 1 : 0;
        const double rounded = std::round(x * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
        if (rounded < 1000.0 || &unit == &units[std::size(units) - 1])
            return tr("%1 %2").arg(QLocale::c().toString(rounded, 'f', decimals), unit);
    }
    return QString::number(value); // not reached
}

QString ProgressReporter::formatDuration(qint64 ms) {
    const qint64 s = (std::max<qint64>(ms, 0) + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QChar(u'0'));
}

QString ProgressReporter::etaText(qint64 now) const {
    if (m_progress < 0.01)
        return tr("ETA --");
    const double elapsed = static_cast<double>(now - m_startMs);
    const auto remaining = static_cast<qint64>(elapsed * (1.0 - m_progress) / m_progress);
    return tr("ETA %1").arg(formatDuration(remaining));
}

QString ProgressReporter::statusText(bool withBar, const QString& tail, bool fit) const {
    const int percent = percentOf(m_progress);
    QString rest;
    if (withBar) {
        const int filled = std::clamp(static_cast<int>(std::floor(m_progress * kBarCells + kEpsilon)), 0, kBarCells);
        rest += u"  [" + QString(filled, u'#') + QString(kBarCells - filled, u'.') + u"] ";
    } else {
        rest += u' ';
    }
    rest += QString::number(percent).rightJustified(3) + u'%';
    rest += u"  " + tr("%1 accesses").arg(formatCount(m_counters.accesses));
    rest += u"  " + tr("%1 swap-outs").arg(formatCount(m_counters.swapOuts));
    rest += u"  " + tr("%1 refaults").arg(formatCount(m_counters.refaults));
    if (!tail.isEmpty())
        rest += u"  " + tail;

    QString label = m_label;
    if (fit && label.size() + rest.size() > kMaxColumns) {
        // Shorten the label, never the figures: keep at least one character and the ellipsis.
        const qsizetype room = std::max<qsizetype>(kMaxColumns - rest.size() - 1, 1);
        if (room < label.size())
            label = label.left(room) + QChar(0x2026);
    }
    return label + rest;
}

void ProgressReporter::drawBar(const QString& line) {
    m_err << u'\r' << line << spaces(m_barWidth - line.size());
    m_err.flush();
    m_barWidth = line.size();
    m_barLine = line;
}

void ProgressReporter::clearBar() {
    if (m_barWidth == 0)
        return;
    m_err << u'\r' << spaces(m_barWidth) << u'\r';
    m_barWidth = 0;
}

void ProgressReporter::update(double progress, const SandboxCounters& counters) {
    if (m_finished)
        return;
    m_progress = std::clamp(std::isnan(progress) ? 0.0 : progress, 0.0, 1.0);
    m_counters = counters;
    const qint64 now = m_clock();

    switch (m_style) {
    case Style::Quiet:
        return;
    case Style::Bar:
        if (m_drawn && now - m_lastDrawMs < kBarIntervalMs)
            return;
        drawBar(statusText(true, etaText(now), true));
        m_drawn = true;
        m_lastDrawMs = now;
        return;
    case Style::Lines: {
        const int step = std::clamp(static_cast<int>(std::floor(m_progress * 10 + kEpsilon)), 0, 10);
        if (step <= m_lastStep && now - m_lastDrawMs < kLineIntervalMs)
            return;
        m_err << statusText(false, etaText(now), false) << u'\n';
        m_err.flush();
        m_lastStep = std::max(step, m_lastStep);
        m_lastDrawMs = now;
        return;
    }
    }
}

void ProgressReporter::message(const QString& text) {
    if (m_style == Style::Quiet)
        return;
    const bool redraw = m_barWidth > 0;
    clearBar();
    m_err << text << u'\n';
    if (redraw)
        drawBar(m_barLine);
    m_err.flush();
}

void ProgressReporter::finish(const QString& summary) {
    if (m_finished)
        return;
    m_finished = true;
    m_progress = 1.0;
    if (m_style == Style::Quiet)
        return;
    if (m_style == Style::Bar) {
        const QString line = statusText(true, summary, false); // ends with a newline: may wrap
        m_err << u'\r' << line << spaces(m_barWidth - line.size()) << u'\n';
        m_barWidth = 0;
    } else {
        m_err << statusText(false, summary, false) << u'\n';
    }
    m_err.flush();
}

} // namespace swaptier::services
