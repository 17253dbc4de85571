// SPDX-License-Identifier: GPL-3.0-or-later
// ProgressReporter: the progress of a sandbox run on stderr, as a redrawn bar on a terminal and
// as plain lines in logs (CI, pipes, `TERM=dumb`), so that neither gets flooded.
//
//   Bar:   usemem  [##########..........]  50%  1.23 M accesses  45.6 k swap-outs  12.3 k refaults  ETA 4 s
//          redrawn in place with \r at most 10 times a second; the rest of a longer earlier line
//          is overwritten with spaces (no escape sequences), and the line stays under 100 columns
//          (the label is shortened if needed; the final line of finish() is not, it may wrap).
//   Lines: usemem  50%  1.23 M accesses  45.6 k swap-outs  12.3 k refaults  ETA 4 s
//          one line each time a 10% step is crossed, or after 5 s without a line.
//   Quiet: nothing at all, not even message() and finish(); the caller reports errors itself.
//
// ETA: elapsed * (1 - progress) / progress, from the construction of the reporter; "ETA --"
// until 1% is done. Time comes from the injected clock (milliseconds, monotonic) so tests can
// drive it; the default is std::chrono::steady_clock.
//
// Not thread-safe: call it from the thread that runs the sandbox (SandboxCallbacks are called
// there).
#pragma once

#include "swaptier/sandbox.h"

#include <QCoreApplication>
#include <QString>
#include <QTextStream>

#include <functional>

namespace swaptier::services {

class ProgressReporter {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::ProgressReporter)

public:
    enum class Style { Bar, Lines, Quiet };

    static constexpr qint64 kBarIntervalMs = 100;    ///< Bar: at most 10 redraws a second
    static constexpr qint64 kLineIntervalMs = 5000;  ///< Lines: a line at least every 5 s
    static constexpr int kMaxColumns = 99;           ///< Bar: longest line (the 100th column stays free)

    /// Bar if `fd` is a terminal and TERM is not "dumb", else Lines.
    static Style styleFor(int fd);

    ProgressReporter(QTextStream& err, Style style, QString label, std::function<qint64()> clockMs = {});

    /// progress in [0, 1] (clamped); counters are the run's cumulative counters.
    void update(double progress, const swaptier::SandboxCounters& counters);
    /// A line of its own; with a bar shown, the bar is cleared first and redrawn after.
    void message(const QString& text);
    /// The final 100% line with `summary` appended, ending with a newline. Later calls do nothing.
    void finish(const QString& summary);

    /// "999", "1.23 k", "45.6 M", "123 G": three significant digits, SI prefixes.
    static QString formatCount(quint64 value);
    /// "4 s", "2 min 05 s", "1 h 02 min".
    static QString formatDuration(qint64 ms);

private:
    /// label, bar (withBar), percentage, counters, tail; fit: shorten the label to kMaxColumns.
    QString statusText(bool withBar, const QString& tail, bool fit) const;
    QString etaText(qint64 now) const;
    void drawBar(const QString& line);
    void clearBar();

    QTextStream& m_err;
    Style m_style;
    QString m_label;
    std::function<qint64()> m_clock;
    qint64 m_startMs = 0;
    qint64 m_lastDrawMs = 0;     ///< Bar: last redraw; Lines: last line
    bool m_drawn = false;        ///< Bar: something was drawn since the start
    int m_lastStep = 0;          ///< Lines: last 10% step printed
    qsizetype m_barWidth = 0;    ///< Bar: length of the line on screen now (0: none)
    QString m_barLine;           ///< Bar: that line, to redraw it after message()
    double m_progress = 0;
    swaptier::SandboxCounters m_counters;
    bool m_finished = false;
};

} // namespace swaptier::services
