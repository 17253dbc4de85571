// SPDX-License-Identifier: GPL-3.0-or-later
// The two CRC32C implementations behind util::crc32c(), exposed so that tests can check that
// they agree on every length and alignment (util::crc32c() picks one at run time).
#pragma once

#include <cstddef>
#include <cstdint>

namespace swaptier::util {

/// Table-driven (slicing-by-8) CRC32C; works on every CPU.
std::uint32_t crc32cPortable(const void* data, std::size_t length, std::uint32_t seed = 0);

/// True if this CPU has the SSE4.2 crc32 instruction.
bool crc32cHardwareAvailable();

/// CRC32C with the SSE4.2 crc32 instruction. REQUIRES: crc32cHardwareAvailable().
std::uint32_t crc32cHardware(const void* data, std::size_t length, std::uint32_t seed = 0);

} // namespace swaptier::util
