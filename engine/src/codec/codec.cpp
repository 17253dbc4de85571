// SPDX-License-Identifier: GPL-3.0-or-later
// Page codecs over one 4 KiB page: zstd, lz4 and lzo1x-1.
//
// Every codec needs a context (zstd: ZSTD_CCtx/ZSTD_DCtx; lz4: a 16 KiB LZ4_stream_t; lzo:
// LZO1X_1_MEM_COMPRESS bytes of hash table). Allocating one per call would cost more than
// compressing a page with lz4, and sharing one needs a lock. So each thread owns its contexts
// (the user-space stand-in for the kernel's per-CPU crypto_acomp contexts): ThreadCodecs below
// creates each one the first time the thread uses that codec and frees them all when the thread
// exits. After that first call the hot path allocates nothing.
//
// Output formats are the libraries' own, minus what a page does not need: zstd frames carry no
// content size, checksum or dictionary id (the page size is fixed, the pool keeps the exact
// stored length in the handle, and the swapfile layer checksums what goes to disk).
//
// Decompression trusts nothing: the "safe" decoders of the three libraries never read past
// `length` input bytes nor write past the page, and anything that does not decode to exactly
// kPageSize bytes is CorruptData.
#include "codec/codec.h"

#include <lz4.h>
#include <lzo/lzo1x.h>
#include <zstd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <new>

namespace swaptier::codec {
namespace {

// Worst-case output of lzo1x-1 for one page (lzo's documented bound: n + n/16 + 64 + 3).
// lzo1x_1_compress has no output limit, so it must always be given this much room.
constexpr std::size_t kLzoBound = kPageSize + kPageSize / 16 + 64 + 3;
constexpr std::size_t kZstdBound = ZSTD_COMPRESSBOUND(kPageSize);
// Room for any codec's output: used when the caller's dst is smaller than the codec's bound.
constexpr std::size_t kScratchBytes = kLzoBound > kZstdBound ? kLzoBound : kZstdBound;

// lzo_init() checks that the library was built with the ABI this program expects. It must run
// once before any other lzo call; a function-local static makes that thread-safe.
bool lzoReady() {
    static const bool ready = lzo_init() == LZO_E_OK;
    return ready;
}

// ---------------------------------------------------------------------------------------------
// Per-thread contexts
// ---------------------------------------------------------------------------------------------

/// One thread's codec contexts. Members start null and are created on first use; a failed
/// creation leaves the member null and the call fails (compress: 0, so the page is stored raw).
struct ThreadCodecs {
    ZSTD_CCtx* zstdC = nullptr;     ///< compression context, parameters set once at creation
    int zstdLevel = INT_MIN;        ///< level currently set on zstdC (INT_MIN: none yet)
    ZSTD_DCtx* zstdD = nullptr;
    void* lz4State = nullptr;       ///< LZ4_sizeofState() bytes for LZ4_compress_fast_extState
    void* lzoWork = nullptr;        ///< LZO1X_1_MEM_COMPRESS bytes of hash table
    std::byte* scratch = nullptr;   ///< kScratchBytes: output when the caller's dst is below the bound

    ThreadCodecs() = default;
    ThreadCodecs(const ThreadCodecs&) = delete;
    ThreadCodecs& operator=(const ThreadCodecs&) = delete;
    ~ThreadCodecs() {
        ZSTD_freeCCtx(zstdC);
        ZSTD_freeDCtx(zstdD);
        ::operator delete(lz4State);
        ::operator delete(lzoWork);
        delete[] scratch;
    }

    ZSTD_CCtx* zstdCompressor(int level) {
        if (!zstdC) {
            zstdC = ZSTD_createCCtx();
            if (!zstdC)
                return nullptr;
            ZSTD_CCtx_setParameter(zstdC, ZSTD_c_contentSizeFlag, 0);
            ZSTD_CCtx_setParameter(zstdC, ZSTD_c_checksumFlag, 0);
            ZSTD_CCtx_setParameter(zstdC, ZSTD_c_dictIDFlag, 0);
        }
        if (level != zstdLevel) {
            if (ZSTD_isError(ZSTD_CCtx_setParameter(zstdC, ZSTD_c_compressionLevel, level)))
                return nullptr;
            zstdLevel = level;
        }
        return zstdC;
    }

    ZSTD_DCtx* zstdDecompressor() {
        if (!zstdD)
            zstdD = ZSTD_createDCtx();
        return zstdD;
    }

    void* lz4() {
        if (!lz4State)
            lz4State = ::operator new(std::size_t(LZ4_sizeofState()), std::nothrow);
        return lz4State;
    }

    void* lzo() {
        if (!lzoWork && lzoReady())
            lzoWork = ::operator new(std::size_t{LZO1X_1_MEM_COMPRESS}, std::nothrow);
        return lzoWork;
    }

    std::byte* boundedScratch() {
        if (!scratch)
            scratch = new (std::nothrow) std::byte[kScratchBytes];
        return scratch;
    }
};

thread_local ThreadCodecs t_codecs;

// ---------------------------------------------------------------------------------------------
// Compression
// ---------------------------------------------------------------------------------------------

std::size_t compressZstd(int level, const std::byte* page, std::byte* dst, std::size_t dstCapacity) {
    ZSTD_CCtx* cctx = t_codecs.zstdCompressor(level);
    if (!cctx)
        return 0;
    // zstd needs working room beyond its final output: given exactly as many bytes as the
    // result takes it may fail. Below the bound, compress into the thread's scratch buffer and
    // copy if the result fits, so the answer does not depend on the slack the caller gave.
    std::byte* out = dstCapacity >= kZstdBound ? dst : t_codecs.boundedScratch();
    if (!out)
        return 0;
    const std::size_t n = ZSTD_compress2(cctx, out, kZstdBound, page, kPageSize);
    // Any error means "store it raw".
    if (ZSTD_isError(n) || n > dstCapacity)
        return 0;
    if (out != dst)
        std::memcpy(dst, out, n);
    return n;
}

std::size_t compressLz4(const std::byte* page, std::byte* dst, std::size_t dstCapacity) {
    void* state = t_codecs.lz4();
    if (!state)
        return 0;
    const int capacity = dstCapacity > std::size_t{INT_MAX} ? INT_MAX : int(dstCapacity);
    // extState clears its 16 KiB state on every call (~4% of a page), but for inputs below
    // 64 KiB it uses 16-bit hash tables, which the streaming API (LZ4_resetStream_fast +
    // LZ4_compress_fast_continue) never does: that measured a quarter slower on 4 KiB pages. The
    // _fastReset variant that would have both is not exported by Debian's liblz4.
    // Returns 0 when the output does not fit in capacity (it stops early, writing nothing past it).
    const int n = LZ4_compress_fast_extState(state, reinterpret_cast<const char*>(page),
                                             reinterpret_cast<char*>(dst), int(kPageSize), capacity, 1);
    return n > 0 ? std::size_t(n) : 0;
}

std::size_t compressLzo(const std::byte* page, std::byte* dst, std::size_t dstCapacity) {
    void* work = t_codecs.lzo();
    if (!work)
        return 0;
    // lzo1x-1 cannot be told where dst ends: with a smaller dst, compress into the thread's
    // bound-sized buffer and copy if it fits.
    std::byte* out = dstCapacity >= kLzoBound ? dst : t_codecs.boundedScratch();
    if (!out)
        return 0;
    lzo_uint n = 0;
    // lzo's prototype takes `const lzo_bytep` (a const pointer to mutable bytes); it only reads src.
    const int rc = lzo1x_1_compress(const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(page)),
                                    kPageSize, reinterpret_cast<unsigned char*>(out), &n, work);
    if (rc != LZO_E_OK || n == 0 || n > dstCapacity)
        return 0;
    if (out != dst)
        std::memcpy(dst, out, n);
    return n;
}

// ---------------------------------------------------------------------------------------------
// Decompression
// ---------------------------------------------------------------------------------------------

Status corrupt() {
    return Error::of(Errc::CorruptData);
}

Status decompressZstd(const std::byte* src, std::size_t length, std::byte* page) {
    ZSTD_DCtx* dctx = t_codecs.zstdDecompressor();
    if (!dctx)
        return Error::of(Errc::CorruptData).os(ENOMEM);
    // Decodes every frame in src (a second frame would need more than one page: an error).
    const std::size_t n = ZSTD_decompressDCtx(dctx, page, kPageSize, src, length);
    return !ZSTD_isError(n) && n == kPageSize ? Status{} : corrupt();
}

Status decompressLz4(const std::byte* src, std::size_t length, std::byte* page) {
    if (length > std::size_t{INT_MAX})
        return corrupt();
    const int n = LZ4_decompress_safe(reinterpret_cast<const char*>(src), reinterpret_cast<char*>(page),
                                      int(length), int(kPageSize));
    return n == int(kPageSize) ? Status{} : corrupt();
}

Status decompressLzo(const std::byte* src, std::size_t length, std::byte* page) {
    if (!lzoReady())
        return corrupt();
    lzo_uint n = kPageSize; // in: capacity of page; out: bytes written
    // _safe checks every input read, output write and back-reference distance. It reports
    // LZO_E_INPUT_NOT_CONSUMED when bytes follow the end marker: with an exact stored length
    // that is corruption as well.
    const int rc = lzo1x_decompress_safe(const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(src)),
                                         length, reinterpret_cast<unsigned char*>(page), &n, nullptr);
    return rc == LZO_E_OK && n == kPageSize ? Status{} : corrupt();
}

} // namespace

std::size_t compressPage(Codec codec, int level, const std::byte* page, std::byte* dst, std::size_t dstCapacity) {
    switch (codec) {
    case Codec::Zstd: return compressZstd(level, page, dst, dstCapacity);
    case Codec::Lz4: return compressLz4(page, dst, dstCapacity);
    case Codec::Lzo: return compressLzo(page, dst, dstCapacity);
    case Codec::Raw: break;
    }
    return 0;
}

Status decompressPage(Codec codec, const std::byte* src, std::size_t length, std::byte* page) {
    if (length == 0)
        return corrupt();
    switch (codec) {
    case Codec::Zstd: return decompressZstd(src, length, page);
    case Codec::Lz4: return decompressLz4(src, length, page);
    case Codec::Lzo: return decompressLzo(src, length, page);
    case Codec::Raw:
        if (length != kPageSize)
            return corrupt();
        std::memmove(page, src, kPageSize);
        return {};
    }
    return corrupt();
}

std::size_t compressBound(Codec codec) {
    switch (codec) {
    case Codec::Zstd: return kZstdBound;
    case Codec::Lz4: return std::size_t(LZ4_COMPRESSBOUND(kPageSize));
    case Codec::Lzo: return kLzoBound;
    case Codec::Raw: break;
    }
    return kPageSize;
}

int zstdMinLevel() {
    return ZSTD_minCLevel();
}

int zstdMaxLevel() {
    return ZSTD_maxCLevel();
}

} // namespace swaptier::codec
