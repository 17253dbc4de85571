// SPDX-License-Identifier: GPL-3.0-or-later
// The value forms of scenario files, written (see scenariovaluetext.h). Numbers are formatted
// without the locale (std::to_chars, QString::number), as the parser reads them.
#include "scenariovaluetext.h"

#include "scenariovalues.h"
#include "units.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace swaptier::services::detail {

namespace {

using namespace Qt::StringLiterals;

constexpr std::uint64_t kIntegerMax = std::uint64_t(std::numeric_limits<std::int64_t>::max());

} // namespace

QString tomlString(QStringView text) {
    QString out;
    out.reserve(text.size() + 2);
    out += u'"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""; break;
        case u'\\': out += u"\\\\"; break;
        case u'\b': out += u"\\b"; break;
        case u'\t': out += u"\\t"; break;
        case u'\n': out += u"\\n"; break;
        case u'\f': out += u"\\f"; break;
        case u'\r': out += u"\\r"; break;
        default:
            if (u < 0x20 || u == 0x7F)
                out += u"\\u" + QString::number(uint(u), 16).toUpper().rightJustified(4, u'0');
            else
                out += c; // surrogate pairs pass through whole; toUtf8() makes a lone one U+FFFD
        }
    }
    out += u'"';
    return out;
}

std::optional<QString> tomlInteger(std::uint64_t value) {
    if (value > kIntegerMax)
        return std::nullopt;
    return QString::number(value);
}

std::optional<QString> tomlSize(std::uint64_t bytes) {
    struct Unit {
        char16_t suffix;
        std::uint64_t bytes;
    };
    static constexpr Unit kUnits[] = {{u'T', 1ull << 40}, {u'G', 1ull << 30}, {u'M', 1ull << 20}, {u'K', 1ull << 10}};
    if (bytes != 0)
        for (const Unit& unit : kUnits) {
            if (bytes % unit.bytes != 0)
                continue;
            const QString text = QString::number(bytes / unit.bytes) + unit.suffix;
            if (parseBytes(text) == bytes) // the parser computes in doubles: exact below 2^53
                return u'"' + text + u'"';
            break;
        }
    return tomlInteger(bytes);
}

std::optional<QString> tomlDuration(std::uint64_t ms) {
    struct Unit {
        QStringView suffix;
        std::uint64_t ms;
    };
    static constexpr Unit kUnits[] = {{u"h", 3'600'000}, {u"m", 60'000}, {u"s", 1'000}, {u"ms", 1}};
    if (ms != 0)
        for (const Unit& unit : kUnits) {
            if (ms % unit.ms != 0)
                continue;
            const QString text = QString::number(ms / unit.ms) + unit.suffix;
            if (parseDurationMs(text) == ms) // the text form stops at 2^53 ms
                return u'"' + text + u'"';
            break;
        }
    return tomlInteger(ms);
}

std::optional<QString> tomlFloat(double value) {
    if (!std::isfinite(value))
        return std::nullopt;
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    if (error != std::errc())
        return std::nullopt;
    QString text = QString::fromLatin1(buffer, end - buffer);
    if (!text.contains(u'.') && !text.contains(u'e'))
        text += u".0";
    return text;
}

std::optional<QString> tomlProgressPoint(double at) {
    if (!(at >= 0.0 && at <= 1.0))
        return std::nullopt;
    if (at == 0.0)
        return u"\"start\""_s;
    if (at == 1.0)
        return u"\"end\""_s;
    const double percent = at * 100.0;
    for (int decimals = 0; decimals <= 6; ++decimals) {
        QString text = QString::number(percent, 'f', decimals);
        if (text.contains(u'.')) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(u'.'))
                text.chop(1);
        }
        text += u'%';
        if (parseProgressPoint(text) == at)
            return u'"' + text + u'"';
    }
    return tomlFloat(at);
}

} // namespace swaptier::services::detail
