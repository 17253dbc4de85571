// SPDX-License-Identifier: GPL-3.0-or-later
// Epoch-based reclamation: the user-space stand-in for RCU.
//
// Lookups in the slot table's directory and in the device table take no lock: they read an
// atomic pointer and use the object behind it. An object that is unlinked (a cluster that
// became empty, a removed device) may still be in use by such a reader, so it is not deleted
// at once but retired: deleted after every thread that was inside a critical section at the
// time of retirement has left it.
//
// Protocol (classic three-epoch EBR):
//  - A reader announces the global epoch in its per-thread record on entering (outermost
//    EpochGuard, a seq_cst exchange plus a full fence) and clears it on leaving (release).
//    The fence pairs the announcement with the reclaimer's scan, which is preceded by a
//    seq_cst read-modify-write of the global epoch and a fence of its own.
//  - The global epoch advances from g to g+1 only when every active record shows g.
//  - An object retired while the global epoch was e is deleted once the global epoch reaches
//    e + 2: no reader can still hold it.
// Records are per thread, never freed, and reused by later threads. Guards nest.
//
// Cost: an outermost guard is one exchange (a full barrier on x86, ~20 ns); inner guards are
// a counter.
// Retiring takes a mutex (rare: cluster release, device removal).
#pragma once

#include <cstdint>

namespace swaptier::util {

class Epoch {
public:
    using Deleter = void (*)(void*);

    /// The process-wide domain.
    static Epoch& global();

    void enter();
    void exit();
    /// Defers deleter(object) until no reader can hold object. Thread-safe.
    void retire(void* object, Deleter deleter);
    /// Tries to advance the epoch and deletes what is safe to delete now.
    void reclaim();
    /// Waits until everything retired before this call has been deleted. Must not be called
    /// inside a critical section.
    void barrier();
    /// Objects retired and not yet deleted.
    std::uint64_t pending() const;
    /// Whether the calling thread is inside a critical section (an EpochGuard is alive on it).
    /// For the assertions of code that REQUIRES a guard.
    bool inCriticalSection() const;

private:
    Epoch() = default;
};

/// RAII critical section.
class EpochGuard {
public:
    EpochGuard() { Epoch::global().enter(); }
    ~EpochGuard() { Epoch::global().exit(); }
    EpochGuard(const EpochGuard&) = delete;
    EpochGuard& operator=(const EpochGuard&) = delete;
};

} // namespace swaptier::util
