// SPDX-License-Identifier: GPL-3.0-or-later
// Small strict text-parsing helpers shared by the trace reader and the lackey importer:
// whole-field numbers only (no sign, no trailing bytes), blanks are spaces and tabs.
#pragma once

#include <charconv>
#include <string_view>
#include <system_error>

namespace swaptier::workload {

inline bool isBlank(char c) { return c == ' ' || c == '\t'; }

/// `s` without trailing blanks and carriage returns.
inline std::string_view trimRight(std::string_view s) {
    while (!s.empty() && (isBlank(s.back()) || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// Parses all of `s` as an unsigned number in `base`; false on a sign, junk or overflow.
template<class T>
bool parseNumber(std::string_view s, T& out, int base) {
    if (s.empty() || s.front() == '+' || s.front() == '-')
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out, base);
    return ec == std::errc() && end == s.data() + s.size();
}

} // namespace swaptier::workload
