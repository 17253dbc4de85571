// SPDX-License-Identifier: GPL-3.0-or-later
// The value forms of scenario files, written: the inverse of scenariovalues.h and parseBytes()
// (units.h), for ScenarioWriter. Each function returns the TOML text of one value, exactly as
// it goes after "key = ", chosen so that a person can read and edit it ("64M", "2m", "50%")
// and so that the parser reads it back to the same value: every text form is checked by
// parsing it back before it is chosen, and a value that no form carries exactly gives nullopt
// (the writer turns that into an error rather than writing something that loads differently).
//
// Internal to ScenarioWriter; kept apart so that each form can be tested on its own.
// Thread safety: pure functions, reentrant.
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace swaptier::services::detail {

/// A TOML basic string: "..." with '"', '\\' and control characters (U+0000..U+001F, U+007F)
/// escaped (\b \t \n \f \r, else \uXXXX); every other character as it is (the file is
/// UTF-8). A lone surrogate, which no UTF-8 file can hold, becomes U+FFFD.
QString tomlString(QStringView text);

/// A decimal integer; nullopt above 2^63 - 1 (TOML integers are signed 64-bit).
std::optional<QString> tomlInteger(std::uint64_t value);

/// A byte size: "64M" when it is a whole number of T, G, M or K (the largest that fits),
/// else the number of bytes (4097). nullopt if neither form holds it.
std::optional<QString> tomlSize(std::uint64_t bytes);

/// A duration in milliseconds: "2h", "90m", "30s", "250ms" (the largest unit that divides
/// it), or the plain number of milliseconds beyond what the text form reads exactly.
std::optional<QString> tomlDuration(std::uint64_t ms);

/// A floating-point number with the fewest digits that read back as the same double, with a
/// ".0" added when it would look like an integer ("0.25", "1.0", "1e-07"). nullopt for
/// infinities and NaN, which the format never accepts.
std::optional<QString> tomlFloat(double value);

/// A point of a run's progress: "start" (0), "end" (1), a percentage with at most six
/// decimals ("50%", "12.5%") when it reads back exactly, else the number. nullopt outside
/// [0, 1].
std::optional<QString> tomlProgressPoint(double at);

} // namespace swaptier::services::detail
