// SPDX-License-Identifier: GPL-3.0-or-later
// errorText(): the user-facing, translated sentence for an engine Error.
//
// The engine returns error values with facts (code, slot, device, path, byte offset, errno)
// and never text; this is the one place that turns them into a sentence. Every Errc has its
// own sentence; the facts the error carries are named in it (slot and device ids, the file
// path, the byte offset, and the system's message for errno).
#pragma once

#include <QString>

namespace swaptier {
struct Error;
}

namespace swaptier::services {

/// A translated sentence (or two) saying what failed and where. Never empty.
QString errorText(const swaptier::Error& error);

} // namespace swaptier::services
