// SPDX-License-Identifier: GPL-3.0-or-later
// Configuration of the engine, its compressed pool and its swapfile devices, plus the
// per-call options of the store, load, move and swapoff operations.
#pragma once

#include "swaptier/ids.h"
#include "swaptier/tiers.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace swaptier {

class Env;

/// Compression codec of a pool object. The value is stored in pool handles (2 bits).
enum class Codec : std::uint8_t {
    Raw = 0,  ///< stored uncompressed (incompressible page)
    Zstd = 1,
    Lz4 = 2,
    Lzo = 3,  ///< lzo1x-1, the algorithm family of the kernel's lzo / lzo-rle
};
const char* codecName(Codec codec);                        // "zstd"
std::optional<Codec> codecFromName(std::string_view name); // case-sensitive, "raw" included

struct PoolOptions {
    bool enabled = true;
    Codec codec = Codec::Lz4;
    int zstdLevel = 3;                      ///< used when codec == Zstd; ZSTD_minCLevel()..ZSTD_maxCLevel()
    std::uint64_t limitBytes = 0;           ///< cap on pool memory (whole zspage pages); 0 = no cap
    unsigned acceptThresholdPercent = 90;   ///< after hitting the cap, accept again below this % of it (zswap)
    unsigned maxPagesPerZspage = 4;         ///< longest zspage chain, 1..16 (zsmalloc uses 4)
};

enum class IoMode : std::uint8_t {
    Auto,     ///< O_DIRECT where the filesystem supports it, buffered otherwise
    Direct,   ///< O_DIRECT or fail
    Buffered, ///< page-cache I/O
};

struct DeviceOptions {
    std::string path;               ///< swapfile path; created if missing, refused if it holds foreign data
    std::uint64_t sizeBytes = 0;    ///< usable size; whole pages, at least one page
    int priority = -1;              ///< -1..32767 as swapon(2); higher first, round-robin among equals
    bool discard = true;            ///< punch holes in clusters that become free (swapon --discard=pages)
    IoMode io = IoMode::Auto;
    bool preallocate = false;       ///< reserve all blocks at creation so writes cannot hit ENOSPC later
    /// Buffered I/O: start the writeout of what was written every 4 MiB (sync_file_range), as
    /// the kernel submits swap writes at once; the page cache can then drop the pages soon
    /// instead of holding them dirty. No effect with direct I/O.
    bool writeBehind = true;
    bool removeFileOnClose = false; ///< delete the file when the device is removed or the engine ends
};

struct EngineOptions {
    Env* env = nullptr;             ///< null: Env::posix()
    PoolOptions pool;
    bool detectZeroPages = true;    ///< store all-zero pages as descriptor state only
};

/// Where swapOut may put a page. Zero pages always go to the zero backend when detection is on.
enum class Placement : std::uint8_t {
    Auto,       ///< pool if enabled and accepting, else devices by priority
    PoolOnly,   ///< pool or fail (PoolLimit / BackendFull)
    DeviceOnly, ///< devices by priority (or the named device) or fail
    Memory,     ///< keep the page in memory (swap cache only)
};

struct StoreOptions {
    Placement placement = Placement::Auto;
    DeviceId device;                ///< with DeviceOnly: this device only
    std::uint32_t shadow = 0;       ///< refault shadow to keep with the entry (kShadowBits wide)
    /// Device tiers the page may go to: bit i = tier i of the engine's current tier table
    /// (Engine::tiers(), highest priorities first). A mask is only meaningful with the table
    /// it was computed from: after setTiers() the same bits may name other tiers. Devices of
    /// other tiers are skipped (a named device too); with none left the store fails as with
    /// no device (NoDevice, or BackendFull for Auto). The pool is not a tier.
    std::uint32_t allowedTiers = kAllTiers;
};

struct LoadOptions {
    bool keepCached = false;        ///< leave a copy in the swap cache (later loads hit it)
};

/// Destination of a move (migration) of an entry to another backend.
struct MoveTarget {
    enum class Kind : std::uint8_t { Pool, AnyDevice, Device, Memory };
    Kind kind = Kind::AnyDevice;
    DeviceId device;                ///< for Kind::Device
    DeviceId exclude;               ///< for Kind::AnyDevice: never this device (swapoff)
    std::uint32_t allowedTiers = kAllTiers; ///< for Kind::AnyDevice: as StoreOptions::allowedTiers

    static MoveTarget pool() { return {Kind::Pool, {}, {}}; }
    static MoveTarget anyDevice(DeviceId excluded = {}, std::uint32_t tiers = kAllTiers) {
        return {Kind::AnyDevice, {}, excluded, tiers};
    }
    static MoveTarget onDevice(DeviceId d) { return {Kind::Device, d, {}}; }
    static MoveTarget memory() { return {Kind::Memory, {}, {}}; }
};

struct SwapoffOptions {
    /// Where the device's entries go: other devices by priority, then memory when they are full.
    bool allowOtherDevices = true;
    bool allowMemory = true;
    bool removeFile = false;                                  ///< delete the swapfile afterwards
    std::function<void(std::uint64_t done, std::uint64_t total)> progress; ///< called from the caller's thread
    const std::atomic<bool>* cancel = nullptr;                ///< set to true to stop (Cancelled)
};

/// Options of Engine::compactDevice (swapfile compaction).
struct CompactOptions {
    bool shrinkFile = true;                                   ///< cut the device and its file down afterwards
    std::function<void(std::uint64_t done, std::uint64_t total)> progress; ///< called from the caller's thread
    const std::atomic<bool>* cancel = nullptr;                ///< set to true to stop (Cancelled)
};

} // namespace swaptier
