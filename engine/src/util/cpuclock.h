// SPDX-License-Identifier: GPL-3.0-or-later
// Clocks for measuring the sandbox and the swap designs: monotonic wall time and CPU time of
// the calling thread or of the whole process, in nanoseconds (0 if the clock is unavailable).
// The engine's storage path reads time through Env (so tests can fake it); these are for
// figures only.
#pragma once

#include <cstdint>
#include <ctime>

namespace swaptier::util {

inline std::uint64_t clockNanos(clockid_t clock) {
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return 0;
    return std::uint64_t(ts.tv_sec) * 1'000'000'000u + std::uint64_t(ts.tv_nsec);
}

inline std::uint64_t monotonicNanos() { return clockNanos(CLOCK_MONOTONIC); }
inline std::uint64_t threadCpuNanos() { return clockNanos(CLOCK_THREAD_CPUTIME_ID); }
inline std::uint64_t processCpuNanos() { return clockNanos(CLOCK_PROCESS_CPUTIME_ID); }

} // namespace swaptier::util
