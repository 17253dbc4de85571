// SPDX-License-Identifier: GPL-3.0-or-later
// Env: the engine's only door to the operating system (files and the clock).
// Production uses Env::posix(); tests wrap it in FaultInjectionEnv (engine/testing/) to fail
// writes, fill the disk, truncate or corrupt data on demand.
//
// Thread safety: every Env and File implementation must be safe for concurrent use; pread and
// pwrite on one File may run concurrently from several threads.
#pragma once

#include "swaptier/status.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace swaptier {

class File {
public:
    virtual ~File() = default;

    /// Reads exactly buf.size() bytes at offset, or fails (ShortIo if the file ends first).
    virtual Status readAt(std::uint64_t offset, std::span<std::byte> buf) = 0;
    /// Writes exactly data.size() bytes at offset, or fails (NoSpace, IoError, ShortIo).
    virtual Status writeAt(std::uint64_t offset, std::span<const std::byte> data) = 0;
    /// Releases the blocks of [offset, offset+length) and reads them back as zeros (discard).
    virtual Status punchHole(std::uint64_t offset, std::uint64_t length) = 0;
    /// Allocates blocks for [offset, offset+length) so later writes cannot hit ENOSPC.
    virtual Status allocate(std::uint64_t offset, std::uint64_t length) = 0;
    /// Sets the file length.
    virtual Status truncate(std::uint64_t length) = 0;
    /// Current file length in bytes.
    virtual Result<std::uint64_t> size() = 0;
    /// Flushes written data to stable storage.
    virtual Status sync() = 0;
    /// Starts writing the dirty pages of [offset, offset+length) to storage without waiting
    /// for them (sync_file_range(SYNC_FILE_RANGE_WRITE); length 0: to the end of the file): a
    /// hint that makes them clean, and reclaimable, sooner. Nothing to do for direct I/O
    /// files (returns success).
    virtual Status startWriteback(std::uint64_t offset, std::uint64_t length) = 0;
    /// Bytes the filesystem has really allocated for the file (st_blocks * 512).
    virtual Result<std::uint64_t> allocatedBytes() = 0;
    /// True if the file was opened for direct (unbuffered) I/O: buffers and offsets must then
    /// be aligned to directIoAlignment().
    virtual bool directIo() const = 0;
    static constexpr std::size_t directIoAlignment() { return 4096; }
    virtual const std::string& path() const = 0;
};

struct OpenOptions {
    bool create = false;     ///< create if missing
    bool exclusive = false;  ///< with create: fail with Exists if the path exists
    bool direct = false;     ///< ask for O_DIRECT; falls back to buffered if the filesystem refuses
};

class Env {
public:
    virtual ~Env() = default;

    virtual Result<std::unique_ptr<File>> open(const std::string& path, const OpenOptions& options) = 0;
    virtual Status remove(const std::string& path) = 0;
    virtual bool exists(const std::string& path) = 0;
    /// Monotonic clock in nanoseconds.
    virtual std::uint64_t nowNanos() = 0;

    /// The process-wide POSIX implementation (never null, never destroyed).
    static Env* posix();
};

} // namespace swaptier
