// SPDX-License-Identifier: GPL-3.0-or-later
// FaultInjectionEnv: an Env that wraps another (normally Env::posix()) and fails chosen
// operations on demand, so tests can prove that the engine reports the right error and loses
// no page when the disk misbehaves.
//
// Rules are set at run time from any thread and apply to every File the env opened (before
// or after the rule was set). A rule with a count fails that many next calls and then turns
// itself off; kForever keeps failing until cleared. An injected failure is indistinguishable
// from the real one: same Errc, errno, path and offset as PosixEnv would report.
//
//   failWrites(EIO, 1)        next writeAt fails: IoError, osError EIO
//   failWrites(ENOSPC)        next writeAt fails: NoSpace
//   shortWrites(1)            next writeAt stores only its first half, then reports ShortIo
//   setDiskFullAfter(n)       the disk takes n more bytes of writes; the write crossing the
//                             budget stores what fits and fails with NoSpace (ENOSPC)
//   failReads / failPunchHole / failAllocate / failOpen / failStartWriteback
//   setDirectIoSupported(false)  the "filesystem" refuses O_DIRECT: files open buffered
//   delayReads/delayWrites/delayPunchHole(d)  every such call first sleeps d (no lock held):
//                             widens race windows (I/O in flight, discard in progress)
//
// Counters count calls that reached this env (injected failures included).
//
// The static helpers damage real files behind the engine's back (flip a byte, truncate),
// for the corruption tests. They use plain buffered POSIX I/O and fdatasync.
//
// Thread safety: everything is thread-safe. Files stay valid after the env is destroyed.
#pragma once

#include "swaptier/env.h"
#include "swaptier/status.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace swaptier::testing {

/// Count for a rule that never turns itself off.
inline constexpr std::int64_t kForever = -1;

class FaultInjectionEnv final : public Env {
public:
    struct Counters {
        std::uint64_t opens = 0;
        std::uint64_t removes = 0;
        std::uint64_t reads = 0;
        std::uint64_t writes = 0;
        std::uint64_t punchHoles = 0;
        std::uint64_t allocates = 0;
        std::uint64_t truncates = 0;
        std::uint64_t syncs = 0;
        std::uint64_t startWritebacks = 0;
        std::uint64_t bytesWritten = 0;   ///< bytes that reached the base file
        std::uint64_t injectedFaults = 0; ///< calls failed (or shortened) by a rule
    };

    /// Wraps `base` (not owned; must outlive the env and its files).
    explicit FaultInjectionEnv(Env* base = Env::posix());
    ~FaultInjectionEnv() override;
    FaultInjectionEnv(const FaultInjectionEnv&) = delete;
    FaultInjectionEnv& operator=(const FaultInjectionEnv&) = delete;

    // --- rules ------------------------------------------------------------------------------
    void failWrites(int err, std::int64_t count = 1);
    void failReads(int err, std::int64_t count = 1);
    void shortWrites(std::int64_t count = 1);
    void failPunchHole(int err, std::int64_t count = 1);
    void failAllocate(int err, std::int64_t count = 1);
    void failOpen(int err, std::int64_t count = 1);
    void failStartWriteback(int err, std::int64_t count = 1);
    /// After `bytes` more bytes have been written, writes fail with ENOSPC.
    void setDiskFullAfter(std::uint64_t bytes);
    void setDirectIoSupported(bool supported);
    void delayReads(std::chrono::microseconds delay);
    void delayWrites(std::chrono::microseconds delay);
    void delayPunchHole(std::chrono::microseconds delay);
    /// Turns every rule and delay off (counters are kept).
    void clearFaults();

    Counters counters() const;
    void resetCounters();

    // --- Env --------------------------------------------------------------------------------
    Result<std::unique_ptr<File>> open(const std::string& path, const OpenOptions& options) override;
    Status remove(const std::string& path) override;
    bool exists(const std::string& path) override;
    std::uint64_t nowNanos() override;

    // --- damage to real files ---------------------------------------------------------------
    /// XORs the byte at `offset` of the file with `mask` (in place, then fdatasync).
    static Status flipByte(const std::string& path, std::uint64_t offset, std::uint8_t mask = 0xFF);
    /// Sets the file's length (shorter: data beyond is gone; then fdatasync).
    static Status truncateFile(const std::string& path, std::uint64_t length);

    struct State; // shared with the files it opened

private:
    Env* m_base;
    std::shared_ptr<State> m_state;
};

} // namespace swaptier::testing
