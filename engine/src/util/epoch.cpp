// SPDX-License-Identifier: GPL-3.0-or-later
// Epoch-based reclamation: see epoch.h for the protocol.
//
// Locks: `State::mutex` guards the retire list; it is a leaf (deleters run after it is
// released, and may themselves retire objects).
#include "util/epoch.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace swaptier::util {
namespace {

/// A full fence. ThreadSanitizer does not model standalone fences (GCC refuses them under
/// -fsanitize=thread); there the seq_cst read-modify-writes next to each call site carry the
/// ordering, which TSan does understand.
inline void fullFence() {
#if !defined(__SANITIZE_THREAD__)
    std::atomic_thread_fence(std::memory_order_seq_cst);
#endif
}

struct alignas(64) Record {
    std::atomic<std::uint64_t> epoch{0}; // 0: outside any critical section, else the announced epoch
    std::atomic<bool> inUse{false};      // owned by a live thread
    Record* next = nullptr;              // immutable once published
};

struct Retired {
    void* object;
    Epoch::Deleter deleter;
    std::uint64_t epoch; // global epoch at retirement
};

struct State {
    std::atomic<std::uint64_t> globalEpoch{1};
    std::atomic<Record*> records{nullptr};
    mutable std::mutex mutex;
    std::vector<Retired> retired; // GUARDED_BY(mutex)
    std::atomic<std::uint64_t> pending{0};

    static State& instance() {
        static State* s = new State; // never destroyed: threads may exit after main()
        return *s;
    }

    Record* acquireRecord() {
        for (Record* r = records.load(std::memory_order_acquire); r; r = r->next) {
            bool expected = false;
            if (!r->inUse.load(std::memory_order_relaxed)
                && r->inUse.compare_exchange_strong(expected, true, std::memory_order_acq_rel))
                return r;
        }
        auto* r = new Record;
        r->inUse.store(true, std::memory_order_relaxed);
        Record* head = records.load(std::memory_order_relaxed);
        do {
            r->next = head;
        } while (!records.compare_exchange_weak(head, r, std::memory_order_release, std::memory_order_relaxed));
        return r;
    }

    /// Advances the global epoch if every active reader has seen the current one.
    void tryAdvance() {
        std::uint64_t g = globalEpoch.fetch_add(0, std::memory_order_seq_cst);
        fullFence();
        for (Record* r = records.load(std::memory_order_acquire); r; r = r->next) {
            std::uint64_t e = r->epoch.load(std::memory_order_seq_cst);
            if (e != 0 && e != g)
                return;
        }
        globalEpoch.compare_exchange_strong(g, g + 1, std::memory_order_seq_cst);
    }

    /// Deletes what is safe; returns how many objects remain pending.
    std::size_t collect() {
        tryAdvance();
        std::vector<Retired> ready;
        std::size_t left;
        {
            std::lock_guard lock(mutex);
            const std::uint64_t g = globalEpoch.load(std::memory_order_seq_cst);
            auto keep = retired.begin();
            for (auto& item : retired) {
                if (item.epoch + 2 <= g)
                    ready.push_back(item);
                else
                    *keep++ = item;
            }
            retired.erase(keep, retired.end());
            left = retired.size();
        }
        for (auto& item : ready)
            item.deleter(item.object);
        pending.fetch_sub(ready.size(), std::memory_order_relaxed);
        return left;
    }
};

struct ThreadRecord {
    Record* record = nullptr;
    unsigned depth = 0;

    Record* get() {
        if (!record)
            record = State::instance().acquireRecord();
        return record;
    }
    ~ThreadRecord() {
        if (record) {
            record->epoch.store(0, std::memory_order_release);
            record->inUse.store(false, std::memory_order_release);
        }
    }
};

thread_local ThreadRecord t_record;

} // namespace

Epoch& Epoch::global() {
    static Epoch e;
    return e;
}

void Epoch::enter() {
    if (t_record.depth++ != 0)
        return;
    State& s = State::instance();
    Record* r = t_record.get();
    // An exchange, not a store: as a read-modify-write it continues the release sequence of
    // this record's last exit, so a reclaimer that reads the new value also synchronizes with
    // everything this thread did in its previous critical section.
    r->epoch.exchange(s.globalEpoch.load(std::memory_order_relaxed), std::memory_order_seq_cst);
    fullFence();
}

void Epoch::exit() {
    if (--t_record.depth != 0)
        return;
    t_record.record->epoch.store(0, std::memory_order_release);
}

void Epoch::retire(void* object, Deleter deleter) {
    State& s = State::instance();
    {
        std::lock_guard lock(s.mutex);
        s.retired.push_back({object, deleter, s.globalEpoch.load(std::memory_order_seq_cst)});
    }
    s.pending.fetch_add(1, std::memory_order_relaxed);
    // Reclaim opportunistically, but never from inside a critical section of this thread
    // (its own announcement would hold the epoch back anyway).
    if (t_record.depth == 0)
        s.collect();
}

void Epoch::reclaim() {
    State::instance().collect();
}

void Epoch::barrier() {
    State& s = State::instance();
    std::uint64_t target;
    {
        std::lock_guard lock(s.mutex);
        target = s.globalEpoch.load(std::memory_order_seq_cst) + 2;
    }
    // Everything retired before now carries an epoch < target - 1; drive the epoch forward.
    while (s.globalEpoch.load(std::memory_order_seq_cst) < target) {
        s.tryAdvance();
        if (s.globalEpoch.load(std::memory_order_seq_cst) < target)
            std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    s.collect();
}

bool Epoch::inCriticalSection() const { return t_record.depth != 0; }

std::uint64_t Epoch::pending() const {
    return State::instance().pending.load(std::memory_order_relaxed);
}

} // namespace swaptier::util
