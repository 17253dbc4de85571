// SPDX-License-Identifier: GPL-3.0-or-later
// Thread slots: see threadslot.h. A global free list under a mutex, touched only when a thread
// starts using the engine and when it exits.
#include "util/threadslot.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace swaptier::util {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<unsigned> freeSlots; // GUARDED_BY(mutex), reused lowest first
    unsigned next = 0;               // GUARDED_BY(mutex)
    std::atomic<unsigned> highWater{0};

    static Registry& instance() {
        static Registry* r = new Registry; // never destroyed: threads may exit after main()
        return *r;
    }
};

struct SlotHolder {
    unsigned slot;
    bool owned;

    SlotHolder() {
        Registry& r = Registry::instance();
        std::lock_guard lock(r.mutex);
        if (!r.freeSlots.empty()) {
            auto it = std::min_element(r.freeSlots.begin(), r.freeSlots.end());
            slot = *it;
            r.freeSlots.erase(it);
            owned = true;
        } else if (r.next < kMaxThreadSlots) {
            slot = r.next++;
            owned = true;
            r.highWater.store(r.next, std::memory_order_release);
        } else {
            slot = unsigned(std::hash<std::thread::id>{}(std::this_thread::get_id()) % kMaxThreadSlots);
            owned = false;
        }
    }
    ~SlotHolder() {
        if (!owned)
            return;
        Registry& r = Registry::instance();
        std::lock_guard lock(r.mutex);
        r.freeSlots.push_back(slot);
    }
};

} // namespace

unsigned threadSlot() {
    thread_local SlotHolder holder;
    return holder.slot;
}

unsigned threadSlotHighWater() {
    return Registry::instance().highWater.load(std::memory_order_acquire);
}

} // namespace swaptier::util
