// SPDX-License-Identifier: GPL-3.0-or-later
// The value forms of scenario files (docs/scenario-format.md) that are text rather than TOML
// types: durations ("250ms", "30s", "2m"), percentages ("90%") and points of a run's progress
// ("start", "end", "50%"). Sizes use parseBytes() (units.h), so a scenario says "64M" exactly
// as the command line does.
//
// Kept apart from the TOML reader so that the grammar of each form is small, documented in one
// place and testable without a file around it.
#pragma once

#include <QStringView>

#include <optional>

namespace swaptier::services {

/// Page size of the sandbox: sizes that must be whole pages are multiples of this.
inline constexpr quint64 kScenarioPageBytes = 4096;

/// A duration in whole milliseconds: a decimal number followed by a unit, "ms", "s", "m" or
/// "h" ("250ms", "1.5s", "2m"; spaces around and between are allowed). nullopt if malformed,
/// negative, not a whole number of milliseconds ("0.5ms") or beyond 2^53 ms.
std::optional<quint64> parseDurationMs(QStringView text);

/// "90%" or "12.5%" as a fraction (0.9, 0.125). The '%' is required. nullopt if malformed or
/// negative; the caller checks the upper bound (a threshold stops at 100%, others may not).
std::optional<double> parsePercent(QStringView text);

/// A point of a run's progress in [0, 1]: "start" (0), "end" (1) or a percentage "0%".."100%".
/// nullopt if malformed or out of range.
std::optional<double> parseProgressPoint(QStringView text);

} // namespace swaptier::services
