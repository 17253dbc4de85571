// SPDX-License-Identifier: GPL-3.0-or-later
#include "units.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace swaptier::services {

namespace {

class Units {
    Q_DECLARE_TR_FUNCTIONS(swaptier::services::Units)
};

constexpr quint64 kKiB = 1024;

} // namespace

QString formatBytes(quint64 bytes) {
    if (bytes < kKiB)
        return Units::tr("%1 B").arg(bytes);
    double value = double(bytes) / double(kKiB);
    int unit = 0;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    const QString number = QString::number(value, 'f', 1);
    switch (unit) {
    case 0: return Units::tr("%1 KiB").arg(number);
    case 1: return Units::tr("%1 MiB").arg(number);
    case 2: return Units::tr("%1 GiB").arg(number);
    default: return Units::tr("%1 TiB").arg(number);
    }
}

std::optional<quint64> parseBytes(QStringView text) {
    QString s = text.trimmed().toString().toLower();
    if (s.isEmpty())
        return std::nullopt;
    // Split the number from the unit.
    qsizetype split = 0;
    while (split < s.size() && (s.at(split).isDigit() || s.at(split) == u'.'))
        ++split;
    const QString number = s.left(split);
    QString unit = s.mid(split).trimmed();
    if (number.isEmpty())
        return std::nullopt;
    bool ok = false;
    const double value = QLocale::c().toDouble(number, &ok);
    if (!ok || !std::isfinite(value) || value < 0)
        return std::nullopt;
    if (unit.endsWith(u"ib"))
        unit.chop(2);
    else if (unit.endsWith(u'b') && unit.size() == 2)
        unit.chop(1);
    else if (unit == u"b")
        unit.clear();
    double multiplier = 1;
    if (unit.isEmpty())
        multiplier = 1;
    else if (unit == u"k")
        multiplier = 1024.0;
    else if (unit == u"m")
        multiplier = 1024.0 * 1024;
    else if (unit == u"g")
        multiplier = 1024.0 * 1024 * 1024;
    else if (unit == u"t")
        multiplier = 1024.0 * 1024 * 1024 * 1024;
    else
        return std::nullopt;
    const double bytes = std::round(value * multiplier);
    if (bytes >= 18446744073709551615.0)
        return std::nullopt;
    if (unit.isEmpty() && number.contains(u'.'))
        return std::nullopt; // fractional bytes
    return quint64(bytes);
}

QString formatRatio(double ratio) {
    if (!(ratio > 0) || !std::isfinite(ratio))
        return QStringLiteral("-");
    return QString::number(ratio, 'f', 2);
}

QString formatPercent(double fraction) {
    if (!std::isfinite(fraction))
        return QStringLiteral("-");
    return Units::tr("%1%").arg(QString::number(fraction * 100.0, 'f', 1));
}

} // namespace swaptier::services
