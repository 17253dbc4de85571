// SPDX-License-Identifier: GPL-3.0-or-later
// bench_device: the swapfile backend against plain file I/O on the same file system.
//
//   device/swapin/<order>      Engine::swapIn of entries stored with Placement::DeviceOnly on
//                              an O_DIRECT swapfile, next to a plain 4 KiB O_DIRECT pread of the
//                              very same blocks of the same file (offsets from lookup()), in the
//                              same order: `random` (shuffled) and `store` (store order).
//                              Each iteration reads a batch both ways, alternating which goes
//                              first (the host may cache what was just read). Wall clock.
//                              `engine_vs_pread` = pread time / engine time (1.0 = no overhead).
//   device/swapoff/entries:N   Engine::swapoff of a device holding N entries to a second device
//                              (allowMemory off), next to a plain copy of the same N blocks
//                              (O_DIRECT pread from the swapfile, O_DIRECT pwrite to a new file).
//                              Odd repetitions copy first, even ones swap off first (then the
//                              copy reads the second device): each side is first half the time.
//                              Afterwards every entry must be on the second device and a sample
//                              must read back intact; anything else is a benchmark error.
//
// Files live in scratchDirectory() ($SWAPTIER_BENCH_DIR, else /var/tmp); it must be a real
// file system (ext4, xfs) for O_DIRECT: on tmpfs the engine falls back to buffered I/O and the
// comparison says so (counter direct_io = 0).
#include "benchsupport.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace swaptier;
using namespace swaptier::bench;

namespace {

constexpr std::size_t kSwapInEntries = 4096;
constexpr std::size_t kSwapInBatch = 1024;
constexpr std::uint64_t kSlack = 1024; // extra slots, so no device is ever exactly full

/// Opens `path` with O_DIRECT if the file system allows it (`direct` tells), else buffered.
int openMaybeDirect(const std::string& path, int flags, bool& direct) {
    int fd = ::open(path.c_str(), flags | O_DIRECT | O_CLOEXEC, 0600);
    direct = fd >= 0;
    if (fd < 0 && errno == EINVAL)
        fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
    return fd;
}

bool preadPage(int fd, std::byte* page, std::uint64_t offset) {
    return ::pread(fd, page, kPageSize, off_t(offset)) == ssize_t(kPageSize);
}

bool pwritePage(int fd, const std::byte* page, std::uint64_t offset) {
    return ::pwrite(fd, page, kPageSize, off_t(offset)) == ssize_t(kPageSize);
}

/// Byte offset of physical slot `slot` in a swaptier swapfile (page 0 is the header).
std::uint64_t slotOffset(std::uint64_t slot) {
    return (slot + 1) * kPageSize;
}

DeviceOptions deviceOptions(const std::string& path, std::uint64_t slots, int priority) {
    DeviceOptions d;
    d.path = path;
    d.sizeBytes = slots * kPageSize;
    d.priority = priority;
    d.discard = false; // measure reads and moves, not hole punching
    d.io = IoMode::Auto;
    d.removeFileOnClose = true;
    return d;
}

/// Stores `count` pages on `device` (cycling through `pages`); returns the slots in store order.
Result<std::vector<SlotId>> fill(Engine& engine, DeviceId device, const PageSet& pages, std::size_t count) {
    StoreOptions store;
    store.placement = Placement::DeviceOnly;
    store.device = device;
    std::vector<SlotId> slots;
    slots.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        auto s = engine.swapOut(pages.page(i % pages.size()), CgroupId{1}, store);
        if (!s)
            return s.error();
        slots.push_back(*s);
    }
    return slots;
}

const PageSet& devicePages() {
    static const PageSet pages = makeMixedPageSet(PageClass::Text, 1024, 7);
    return pages;
}

// ---------------------------------------------------------------------------------------------
// swap-in vs pread
// ---------------------------------------------------------------------------------------------

void benchSwapIn(benchmark::State& state, bool shuffled) {
    const auto engine = makeEngine(kCodecs[2]);
    const std::string path = scratchPath("in");
    auto device = engine->addDevice(deviceOptions(path, kSwapInEntries + kSlack, 0));
    if (!device) {
        state.SkipWithError(("addDevice: " + describe(device.error())).c_str());
        return;
    }
    auto filled = fill(*engine, *device, devicePages(), kSwapInEntries);
    if (!filled) {
        state.SkipWithError(("swapOut: " + describe(filled.error())).c_str());
        return;
    }
    std::vector<SlotId> slots = std::move(filled).value();
    if (shuffled)
        std::shuffle(slots.begin(), slots.end(), std::mt19937_64(42));
    std::vector<std::uint64_t> offsets;
    for (SlotId s : slots) {
        auto info = engine->lookup(s);
        if (!info) {
            state.SkipWithError(("lookup: " + describe(info.error())).c_str());
            return;
        }
        offsets.push_back(slotOffset(info->physicalSlot));
    }
    bool direct = false;
    const Fd fd(openMaybeDirect(path, O_RDONLY, direct));
    for (const DeviceStats& d : engine->stats().devices)
        if (d.id == *device)
            direct = direct && d.directIo; // both sides O_DIRECT, or the figure says it is not
    if (fd.get() < 0) {
        state.SkipWithError(("open " + path + ": " + std::strerror(errno)).c_str());
        return;
    }
    PageSet out(PageClass::Zero, 1);
    std::string failure;

    std::size_t next = 0;
    double preadSec = 0, engineSec = 0;
    std::uint64_t pages = 0, passes = 0;
    for (auto _ : state) {
        const std::size_t begin = next;
        next = (next + kSwapInBatch) % slots.size();
        double p = 0, e = 0;
        for (int k = 0; k < 2; ++k) {
            const double t0 = wallSeconds();
            if ((k == 0) == (passes % 2 == 0)) {
                for (std::size_t i = begin; i < begin + kSwapInBatch; ++i)
                    if (!preadPage(fd.get(), out.data(0), offsets[i])) {
                        failure = "pread: " + std::string(std::strerror(errno));
                        break;
                    }
                p = wallSeconds() - t0;
            } else {
                for (std::size_t i = begin; i < begin + kSwapInBatch; ++i)
                    if (auto r = engine->swapIn(slots[i], MutablePage(out.data(0), kPageSize)); !r) {
                        failure = "swapIn: " + describe(r.error());
                        break;
                    }
                e = wallSeconds() - t0;
            }
        }
        state.SetIterationTime(e);
        preadSec += p;
        engineSec += e;
        pages += kSwapInBatch;
        ++passes;
        if (!failure.empty())
            break;
    }
    for (SlotId s : slots)
        if (Status st = engine->put(s); !st && failure.empty())
            failure = "put: " + describe(st.error());
    if (!failure.empty()) {
        state.SkipWithError(failure.c_str());
        return;
    }
    state.SetBytesProcessed(std::int64_t(pages * kPageSize));
    state.counters["direct_io"] = direct ? 1 : 0;
    state.counters["engine_us_per_page"] = engineSec / double(pages) * 1e6;
    state.counters["pread_us_per_page"] = preadSec / double(pages) * 1e6;
    state.counters["engine_vs_pread"] = preadSec / engineSec;
    state.counters["overhead_us_per_page"] = (engineSec - preadSec) / double(pages) * 1e6;
}

// ---------------------------------------------------------------------------------------------
// swapoff vs plain copy
// ---------------------------------------------------------------------------------------------

/// Copies the blocks at `offsets` of `from` into a new file, one 4 KiB O_DIRECT pread and
/// pwrite each, as swapoff does per entry. Returns wall seconds, or a negative value on error.
double plainCopy(const std::string& from, const std::vector<std::uint64_t>& offsets, std::string& failure) {
    bool directIn = false, directOut = false;
    const std::string toPath = scratchPath("copy");
    const Fd in(openMaybeDirect(from, O_RDONLY, directIn));
    const Fd out(openMaybeDirect(toPath, O_WRONLY | O_CREAT | O_EXCL, directOut));
    if (in.get() < 0 || out.get() < 0) {
        failure = "open for the plain copy: " + std::string(std::strerror(errno));
        ::unlink(toPath.c_str());
        return -1;
    }
    PageSet page(PageClass::Zero, 1);
    const double t0 = wallSeconds();
    for (std::size_t i = 0; i < offsets.size(); ++i)
        if (!preadPage(in.get(), page.data(0), offsets[i]) || !pwritePage(out.get(), page.data(0), (i + 1) * kPageSize)) {
            failure = "plain copy: " + std::string(std::strerror(errno));
            break;
        }
    const double elapsed = wallSeconds() - t0;
    ::unlink(toPath.c_str());
    return failure.empty() ? elapsed : -1;
}

void benchSwapoff(benchmark::State& state) {
    static std::uint64_t run = 0; // alternates which side goes first, across repetitions
    const auto entries = std::size_t(state.range(0));
    double swapoffSec = 0, copySec = 0;
    std::uint64_t moved = 0, total = 0;
    std::string failure;
    for (auto _ : state) {
        const auto engine = makeEngine(kCodecs[2]);
        const std::string pathA = scratchPath("off-a");
        const std::string pathB = scratchPath("off-b");
        auto a = engine->addDevice(deviceOptions(pathA, entries + kSlack, 10));
        auto b = engine->addDevice(deviceOptions(pathB, entries + kSlack, 5));
        if (!a || !b) {
            failure = "addDevice: " + describe(a ? b.error() : a.error());
            break;
        }
        auto filled = fill(*engine, *a, devicePages(), entries);
        if (!filled) {
            failure = "swapOut: " + describe(filled.error());
            break;
        }
        auto offsetsOn = [&](std::vector<std::uint64_t>& offsets) {
            offsets.clear();
            for (SlotId s : *filled) {
                auto info = engine->lookup(s);
                if (!info) {
                    failure = "lookup: " + describe(info.error());
                    return;
                }
                offsets.push_back(slotOffset(info->physicalSlot));
            }
            std::sort(offsets.begin(), offsets.end()); // swapoff walks the device in slot order
        };
        std::vector<std::uint64_t> offsets;
        const bool copyFirst = run++ % 2 == 0;
        double copy = 0;
        if (copyFirst) {
            offsetsOn(offsets);
            copy = failure.empty() ? plainCopy(pathA, offsets, failure) : -1;
        }
        SwapoffOptions options;
        options.allowMemory = false;
        auto report = engine->swapoff(*a, options);
        if (!report) {
            std::uint64_t onA = 0, onB = 0;
            for (SlotId s : *filled)
                if (auto info = engine->lookup(s); info && info->backend == Backend::Device) {
                    onA += info->device == *a;
                    onB += info->device == *b;
                }
            failure = "swapoff: " + describe(report.error()) + " after moving " + std::to_string(onB) + " of "
                      + std::to_string(entries) + " entries; " + std::to_string(onA) + " still on the device";
            break;
        }
        // Every entry must now live on B, readable (swapoff must never lose an entry).
        std::uint64_t onB = 0;
        for (SlotId s : *filled) {
            auto info = engine->lookup(s);
            onB += info && info->backend == Backend::Device && info->device == *b;
        }
        if (onB != entries || report->toDevices != entries) {
            failure = "swapoff reported " + std::to_string(report->entries) + " entries, moved "
                      + std::to_string(report->toDevices) + ", and removed the device; afterwards "
                      + std::to_string(onB) + " of " + std::to_string(entries) + " entries are on the target device";
            PageSet check(PageClass::Zero, 1);
            for (SlotId s : *filled)
                if (auto r = engine->swapIn(s, MutablePage(check.data(0), kPageSize)); !r) {
                    failure += "; first unreadable entry: " + describe(r.error());
                    break;
                }
            break;
        }
        for (std::size_t i = 0; i < filled->size(); i += 257) { // a sample, by content
            PageSet check(PageClass::Zero, 1);
            auto r = engine->swapIn((*filled)[i], MutablePage(check.data(0), kPageSize));
            if (!r || std::memcmp(check.data(0), devicePages().data(i % devicePages().size()), kPageSize) != 0) {
                failure = "entry " + std::to_string(i) + " reads back wrong after swapoff";
                break;
            }
        }
        if (!failure.empty())
            break;
        if (!copyFirst) {
            offsetsOn(offsets);
            copy = failure.empty() ? plainCopy(pathB, offsets, failure) : -1;
        }
        if (!failure.empty())
            break;
        const double seconds = double(report->nanos) * 1e-9;
        state.SetIterationTime(seconds);
        swapoffSec += seconds;
        copySec += copy;
        moved += report->toDevices;
        total += report->entries;
        for (SlotId s : *filled)
            if (Status st = engine->put(s); !st && failure.empty())
                failure = "put: " + describe(st.error());
    }
    if (!failure.empty()) {
        state.SkipWithError(failure.c_str());
        return;
    }
    state.counters["entries"] = double(total) / double(state.iterations());
    state.counters["moved_to_device"] = double(moved) / double(state.iterations());
    state.counters["swapoff_s"] = swapoffSec / double(state.iterations());
    state.counters["swapoff_us_per_entry"] = swapoffSec / double(total) * 1e6;
    state.counters["copy_us_per_entry"] = copySec / double(total) * 1e6;
    state.counters["swapoff_vs_copy"] = copySec / swapoffSec;
    state.counters["entries_per_s"] = double(total) / swapoffSec;
}

} // namespace

int main(int argc, char** argv) {
    corpus(false);
    devicePages();
    benchmark::AddCustomContext("scratch_directory", scratchDirectory());
    benchmark::RegisterBenchmark("device/swapin/random", [](benchmark::State& s) { benchSwapIn(s, true); })
        ->UseManualTime()
        ->MinTime(0.3)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("device/swapin/store", [](benchmark::State& s) { benchSwapIn(s, false); })
        ->UseManualTime()
        ->MinTime(0.3)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("device/swapoff", benchSwapoff)
        ->ArgName("entries")
        ->Arg(4096)
        ->Arg(65536)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    return runMain(argc, argv,
                   {"--benchmark_repetitions=3", "--benchmark_enable_random_interleaving=true",
                    "--benchmark_display_aggregates_only=true"});
}
