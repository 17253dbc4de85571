// SPDX-License-Identifier: GPL-3.0-or-later
// Durations, percentages and progress points of scenario files (see scenariovalues.h).
// The number part is read with the C locale: a scenario file means the same everywhere.
#include "scenariovalues.h"

#include <QLocale>
#include <QString>

#include <cmath>

namespace swaptier::services {

namespace {

/// Splits "12.5 ms" into the number (12.5) and the lower-case unit ("ms"). The number is
/// digits with at most one '.', and no sign; nullopt if there is none or it does not parse.
std::optional<std::pair<double, QString>> splitNumber(QStringView text) {
    const QStringView s = text.trimmed();
    qsizetype end = 0;
    bool dot = false;
    while (end < s.size() && (s.at(end).isDigit() || (s.at(end) == u'.' && !dot))) {
        dot = dot || s.at(end) == u'.';
        ++end;
    }
    if (end == 0)
        return std::nullopt;
    bool ok = false;
    const double value = QLocale::c().toDouble(s.left(end), &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return std::pair{value, s.mid(end).trimmed().toString().toLower()};
}

} // namespace

std::optional<quint64> parseDurationMs(QStringView text) {
    const auto split = splitNumber(text);
    if (!split)
        return std::nullopt;
    const auto& [value, unit] = *split;
    double scale = 0;
    if (unit == u"ms")
        scale = 1;
    else if (unit == u"s")
        scale = 1000;
    else if (unit == u"m" || unit == u"min")
        scale = 60.0 * 1000;
    else if (unit == u"h")
        scale = 3600.0 * 1000;
    else
        return std::nullopt;
    const double ms = value * scale;
    // 2^53: every integer below is exact in a double, so the whole-number test is honest.
    if (ms > 9007199254740992.0 || ms != std::floor(ms))
        return std::nullopt;
    return quint64(ms);
}

std::optional<double> parsePercent(QStringView text) {
    const auto split = splitNumber(text);
    if (!split || split->second != u"%")
        return std::nullopt;
    return split->first / 100.0;
}

std::optional<double> parseProgressPoint(QStringView text) {
    const QStringView s = text.trimmed();
    if (s == u"start")
        return 0.0;
    if (s == u"end")
        return 1.0;
    const auto fraction = parsePercent(s);
    if (!fraction || *fraction > 1.0)
        return std::nullopt;
    return *fraction;
}

} // namespace swaptier::services
