// SPDX-License-Identifier: GPL-3.0-or-later
// Byte sizes for people: "12.5 MiB" in reports, "16M" / "512KiB" / "1G" on the command line.
// Binary units throughout (KiB = 1024 bytes), as the kernel's swap and zswap figures are.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace swaptier::services {

/// "0 B", "1023 B", "1.0 KiB", "12.5 MiB", "3.2 GiB", "1.1 TiB" (translated unit format).
QString formatBytes(quint64 bytes);

/// Parses a byte size: a plain number of bytes, or a number with a binary suffix K, M, G, T
/// (also KB/KiB, MB/MiB, ...; case-insensitive; fractions allowed: "1.5G"). nullopt if
/// malformed, negative or out of range.
std::optional<quint64> parseBytes(QStringView text);

/// "2.41" (two decimals), or "-" when the value is not meaningful (ratio of nothing).
QString formatRatio(double ratio);

/// "98.3%" of a fraction in [0, 1].
QString formatPercent(double fraction);

} // namespace swaptier::services
