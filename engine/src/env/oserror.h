// SPDX-License-Identifier: GPL-3.0-or-later
// Mapping of errno values to engine errors, shared by PosixEnv and the test FaultInjectionEnv
// so that an injected fault looks exactly like the real one.
#pragma once

#include "swaptier/status.h"

#include <cerrno>
#include <cstdint>
#include <string>

namespace swaptier::env {

inline constexpr std::uint64_t kNoOffset = ~std::uint64_t{0};

/// The engine error for a failed system call: ENOSPC and EDQUOT are NoSpace (the filesystem
/// is full), EEXIST is Exists, everything else IoError. errno, path and offset are kept.
inline Error osError(int err, std::string path, std::uint64_t offset = kNoOffset) {
    Errc code = Errc::IoError;
    if (err == ENOSPC || err == EDQUOT)
        code = Errc::NoSpace;
    else if (err == EEXIST)
        code = Errc::Exists;
    Error e = Error::of(code);
    e.os(err).file(std::move(path), offset);
    return e;
}

/// A transfer that ended early (the file is shorter than the range asked for).
inline Error shortIo(std::string path, std::uint64_t offset) {
    Error e = Error::of(Errc::ShortIo);
    e.file(std::move(path), offset);
    return e;
}

} // namespace swaptier::env
