// SPDX-License-Identifier: GPL-3.0-or-later
// Page class names (see pageclass.h): the stable machine names used in mix specifications
// ("text=40,..."), command lines, statistics and reports.
#include "swaptier/pageclass.h"

namespace swaptier {

const char* pageClassName(PageClass pageClass) {
    switch (pageClass) {
    case PageClass::Zero: return "zero";
    case PageClass::Text: return "text";
    case PageClass::Binary: return "binary";
    case PageClass::Random: return "random";
    case PageClass::Heap: return "heap";
    }
    return "unknown";
}

std::optional<PageClass> pageClassFromName(std::string_view name) {
    for (PageClass c : kAllPageClasses)
        if (name == pageClassName(c))
            return c;
    return std::nullopt;
}

} // namespace swaptier
