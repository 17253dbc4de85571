// SPDX-License-Identifier: GPL-3.0-or-later
// Page codecs: zstd, lz4 and lzo1x-1 over one 4 KiB page, with per-thread compression
// contexts (ZSTD_CCtx/DCtx, LZ4 state, LZO work memory) created on first use and freed at
// thread exit, so the hot path never allocates.
//
// These functions are what the benchmarks call "raw codec": the engine's swap-out and swap-in
// are measured against them on the same pages in the same run.
#pragma once

#include "swaptier/ids.h"
#include "swaptier/options.h"
#include "swaptier/status.h"

#include <cstddef>
#include <cstdint>

namespace swaptier::codec {

/// Compresses one page of kPageSize bytes into dst (capacity dstCapacity).
/// Returns the compressed length, or 0 if the output would not fit in dstCapacity (the caller
/// then stores the page raw). `level` is used by zstd only. Codec::Raw is not a compressor
/// (returns 0).
std::size_t compressPage(Codec codec, int level, const std::byte* page, std::byte* dst, std::size_t dstCapacity);

/// Decompresses `length` bytes into exactly kPageSize bytes at `page`. CorruptData if the input
/// is malformed or does not yield exactly one page. Codec::Raw copies (length must be kPageSize).
Status decompressPage(Codec codec, const std::byte* src, std::size_t length, std::byte* page);

/// Worst-case compressed size of one page for `codec` (a safe dst capacity).
std::size_t compressBound(Codec codec);

/// Valid zstd level range.
int zstdMinLevel();
int zstdMaxLevel();

} // namespace swaptier::codec
