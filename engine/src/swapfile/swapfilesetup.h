// SPDX-License-Identifier: GPL-3.0-or-later
// Swapfile setup: opening and sizing a swapfile, shared by the two designs that keep pages in
// one (swapfile::SwapDevice of the engine, sandbox::ClassicSwapDevice of the classic design).
//
// Why one place: both must refuse somebody else's file in exactly the same way, and both
// lay the file out the same way (swapheader.h). A path that exists and is neither empty nor
// a swaptier swapfile is refused with Exists before a single byte of it is written (the check
// only opens and reads); an earlier swaptier swapfile is taken over, its old contents
// dropped. If setting the file up fails, a file we created is removed again and an existing
// empty file is truncated back to empty, so a failed open leaves the path as it found it.
//
// What differs between the designs is a parameter: the device id errors name, and the
// cluster size written into the header. What the device does with its slots is not here.
#pragma once

#include "env/oserror.h"
#include "swaptier/env.h"
#include "swaptier/ids.h"
#include "swaptier/options.h"
#include "swaptier/status.h"

#include <cstdint>
#include <memory>
#include <string>

namespace swaptier::swapfile {

/// Byte offset of data slot `slot` in a swapfile: page 0 is the header.
constexpr std::uint64_t slotOffset(std::uint64_t slot) { return (slot + 1) * kPageSize; }

/// An error `code` that names device `id`, its file `path` and `offset` (none by default).
Error deviceError(Errc code, DeviceId id, const std::string& path, std::uint64_t offset = env::kNoOffset);

/// Opens options.path as the swapfile of device `id` with `slots` data slots: creates it, or
/// takes over an empty file or an earlier swaptier swapfile; truncates it to the header plus
/// `slots` pages, preallocates its blocks if options.preallocate, and writes and syncs a
/// header recording `slots` and `clusterSlots`. Every error names `id`. Exists (with path and
/// offset 0) for a foreign file, which is left untouched; IoError with EINVAL if
/// IoMode::Direct was asked for and the file cannot do direct I/O; otherwise the error of the
/// failed file operation. On failure the path is left as it was found (see above).
Result<std::unique_ptr<File>> openSwapfile(Env* env, DeviceId id, const DeviceOptions& options, std::uint64_t slots,
                                           std::uint32_t clusterSlots);

} // namespace swaptier::swapfile
