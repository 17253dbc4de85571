// SPDX-License-Identifier: GPL-3.0-or-later
// threadBuffer<Tag>(): a per-thread, 4096-aligned scratch buffer (O_DIRECT needs the
// alignment) that keeps the largest size asked for and lives as long as its thread. Each tag
// is a separate buffer, so two layers can hold theirs at once (the engine's writeback gathers
// pages into one, the device may copy them into another; a pipelined writeback gathers
// alternately into two).
#pragma once

#include "swaptier/env.h"

#include <cstddef>
#include <cstdlib>
#include <memory>

namespace swaptier::util {

enum class BufferTag { DeviceRun, WritebackGather, WritebackGatherNext };

/// Null if the buffer cannot grow to `bytes` (a whole number of 4096-byte pages).
template<BufferTag Tag>
std::byte* threadBuffer(std::size_t bytes) {
    struct FreeDeleter {
        void operator()(std::byte* p) const { std::free(p); }
    };
    thread_local std::unique_ptr<std::byte, FreeDeleter> buffer;
    thread_local std::size_t capacity = 0;
    if (bytes > capacity) {
        buffer.reset(static_cast<std::byte*>(std::aligned_alloc(File::directIoAlignment(), bytes)));
        capacity = buffer ? bytes : 0;
    }
    return buffer.get();
}

} // namespace swaptier::util
