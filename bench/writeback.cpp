// SPDX-License-Identifier: GPL-3.0-or-later
// bench_writeback: batched writeback from the pool to a swapfile, side by side with fio's
// sequential 64 KiB writes on the same file system in the same run, with single-page and
// compressed writeback; and the throughput of swapfile and pool compaction (issue #4).
//
//   writeback/<io>        io = direct (IoMode::Direct, left out if the scratch file system
//                         refuses O_DIRECT) or buffered (IoMode::Buffered). One iteration runs
//                         six variants (buffered: seven), in an order that rotates per
//                         repetition:
//     fio                 fio --rw=write --bs=64k --size=<N pages> --ioengine=psync
//                         --fallocate=native, --direct=1, or --direct=0 --end_fsync=1, on a new
//                         file in the same directory; fio's write.bw_bytes (fio's runtime
//                         includes the end fsync). Skipped loudly if fio is not on PATH.
//     fio-run             the same with --bs=1m, the size of one batched writeback write
//                         (256 pages): a reference, not the target's baseline
//     batched             N pages stored in a fresh engine's pool (lz4, PoolOnly, untimed),
//                         then Engine::writeback(root, maxPages N, batchPages 256, oldest first,
//                         uncompressed) to one preallocated swapfile (so both sides write into
//                         fallocated blocks); buffered: plus fsync(2) of the swapfile before
//                         the clock stops, as fio's end_fsync. Wall clock. Defaults: pipelined
//                         (the pass's writer thread writes batch k while the caller gathers
//                         batch k+1) and, buffered, the device's write-behind on (writeout
//                         started every 4 MiB).
//     serial              the same with pipelined = false (gather and write take turns)
//     nowb                buffered only: batched with the device's writeBehind off (dirty
//                         pages wait in the page cache for the flusher or the fsync)
//     single              the same with batchPages 1 (one 4 KiB write per entry)
//     compressed          the same as batched with compressed = true (the pool's compressed
//                         bytes go to the slots as they are: no decompression; every entry
//                         still takes, and writes, one 4 KiB slot)
//   MiB/s are 2^20 bytes of page data (N x 4 KiB) per second. Ratios per repetition:
//   batched_vs_fio (target >= 0.80), batched_vs_serial, batched_vs_nowb, batched_vs_single,
//   compressed_vs_raw
//   (compressed / batched), batched_vs_fio_run. CPU ms: process CPU time (all threads, the
//   writer's too) of each writeback call, without the fsync. After each
//   engine variant every entry must be on the device and a sample must read back intact, else
//   the benchmark reports an error.
//
//   compact/device/<io>   A swapfile of N slots filled by a batched writeback of N pages, then
//                         every entry at an odd physical slot put: K = N/2 live entries, every
//                         other slot. Timed: Engine::compactDevice(shrinkFile) (buffered: plus
//                         fsync; before it the file is synced and its page cache dropped, so
//                         the relocation reads come from the disk). Discard on (the default).
//                         MiB relocated per second (moved x 4 KiB), file and allocated bytes
//                         before and after.
//   compact/pool          N pages in the pool, 70% of them put in a seeded random order;
//                         timed: Engine::compactPool(). MiB of pool memory given back per
//                         second, pool bytes and zspages before and after.
//
// 5 repetitions by default: the pipelined figures vary with where the host puts the two vCPUs,
// so the median needs more samples.
//
// N = $SWAPTIER_WB_PAGES (default 65,536 pages = 256 MiB of page data); the batched runs use
// batchPages = $SWAPTIER_WB_BATCH (default 256; fio-run follows it). Pages: the page corpus
// through a PageMix of the default mix without its zero class (text 40, binary 25, random 15),
// so every page is a pool object. Files go to scratchDirectory() ($SWAPTIER_BENCH_DIR, else
// /var/tmp); run-benchmarks.sh points it into the build directory.
#include "benchsupport.h"

#include "swaptier/pagemix.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

using namespace swaptier;
using namespace swaptier::bench;

namespace {

constexpr std::uint64_t kFioBlock = 64 * 1024;    // the baseline: fio --bs=64k
constexpr std::uint64_t kSlack = 1024;           // extra slots of the writeback swapfile
constexpr std::size_t kDistinctPages = 16384;    // 64 MiB of distinct page contents, cycled
constexpr double kMiB = 1024.0 * 1024.0;
constexpr double kFreedShare = 0.70;             // pool compaction: share of entries put

std::uint64_t pageCount() {
    static const std::uint64_t n = [] {
        std::uint64_t v = 65536;
        if (const char* s = std::getenv("SWAPTIER_WB_PAGES"); s && *s) {
            char* end = nullptr;
            const unsigned long long parsed = std::strtoull(s, &end, 10);
            if (end && *end == '\0' && parsed >= 1024)
                v = parsed;
            else
                std::fprintf(stderr, "bench_writeback: ignoring SWAPTIER_WB_PAGES=%s (want an integer >= 1024)\n", s);
        }
        return v & ~std::uint64_t{1}; // even: compaction keeps every other slot
    }();
    return n;
}

/// Pages per batched writeback run: $SWAPTIER_WB_BATCH, default 256 (the figure).
std::uint32_t batchPages() {
    static const std::uint32_t batch = [] {
        std::uint32_t v = 256;
        if (const char* s = std::getenv("SWAPTIER_WB_BATCH"); s && *s) {
            char* end = nullptr;
            const unsigned long parsed = std::strtoul(s, &end, 10);
            if (end && *end == '\0' && parsed >= 2 && parsed <= 512)
                v = std::uint32_t(parsed);
            else
                std::fprintf(stderr, "bench_writeback: ignoring SWAPTIER_WB_BATCH=%s (want 2..512)\n", s);
        }
        return v;
    }();
    return batch;
}

/// The default mix without its zero class: every page is a pool object.
MixShares nonZeroMix() {
    MixShares m;
    m[PageClass::Zero] = 0;
    return m;
}

const PageSet& pages() {
    static const PageSet set = [] {
        const PageMix mix(corpus(false), nonZeroMix(), 4, true);
        PageSet s(PageClass::Text, kDistinctPages);
        for (std::size_t i = 0; i < s.size(); ++i)
            mix.fill(MutablePage(s.data(i), kPageSize), i);
        return s;
    }();
    return set;
}

ConstPage pageOf(std::uint64_t i) {
    return pages().page(std::size_t(i % pages().size()));
}

const char* ioName(IoMode io) {
    return io == IoMode::Direct ? "direct" : "buffered";
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// ---------------------------------------------------------------------------------------------
// Environment probes: O_DIRECT in the scratch directory, its file system, fio
// ---------------------------------------------------------------------------------------------

/// Empty if O_DIRECT works in the scratch directory, else why not.
const std::string& directIoProblem() {
    static const std::string problem = [] {
        const std::string path = scratchPath("probe", ".tmp");
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_DIRECT | O_CLOEXEC, 0600);
        const int err = errno;
        if (fd >= 0) {
            ::close(fd);
            ::unlink(path.c_str());
            return std::string();
        }
        ::unlink(path.c_str());
        return "open(O_DIRECT) in " + scratchDirectory() + ": " + std::strerror(err);
    }();
    return problem;
}

std::string fileSystemName(const std::string& dir) {
    struct statfs s {};
    if (::statfs(dir.c_str(), &s) != 0)
        return std::string("unknown (statfs: ") + std::strerror(errno) + ")";
    switch (static_cast<unsigned long>(s.f_type)) {
    case 0xEF53: return "ext2/3/4";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    case 0x01021994: return "tmpfs";
    case 0x2FC12FC1: return "zfs";
    case 0x794C7630: return "overlayfs";
    default: {
        char hex[32];
        std::snprintf(hex, sizeof hex, "f_type 0x%lx", static_cast<unsigned long>(s.f_type));
        return hex;
    }
    }
}

std::string readWhole(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Runs argv with stdout and stderr into `logPath`; returns the exit status, or -1 with
/// `failure` set if it could not be started or did not exit normally.
int spawnLogged(const std::vector<std::string>& argv, const std::string& logPath, std::string& failure) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> storage(argv);
    std::vector<char*> args;
    for (std::string& a : storage)
        args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, storage.front().c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        failure = "cannot start " + storage.front() + ": " + std::strerror(rc);
        return -1;
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            failure = std::string("waitpid: ") + std::strerror(errno);
            return -1;
        }
    }
    if (!WIFEXITED(status)) {
        failure = storage.front() + " did not exit normally (status " + std::to_string(status) + ")";
        return -1;
    }
    return WEXITSTATUS(status);
}

/// fio's path (searched on PATH) and version, or why it cannot be used.
struct FioTool {
    std::string path;
    std::string version;
    std::string problem; ///< empty: usable
};

const FioTool& fio() {
    static const FioTool tool = [] {
        FioTool t;
        const char* pathEnv = std::getenv("PATH");
        std::stringstream dirs(pathEnv ? pathEnv : "/usr/bin:/bin");
        for (std::string dir; std::getline(dirs, dir, ':');) {
            const std::string candidate = (dir.empty() ? "." : dir) + "/fio";
            if (::access(candidate.c_str(), X_OK) == 0) {
                t.path = candidate;
                break;
            }
        }
        if (t.path.empty()) {
            t.problem = "fio is not installed (no executable 'fio' on PATH; Debian package fio, "
                        "scripts/install-deps.sh installs it)";
            return t;
        }
        const std::string log = scratchPath("fio-version", ".log");
        std::string failure;
        const int rc = spawnLogged({t.path, "--version"}, log, failure);
        std::string out = readWhole(log);
        ::unlink(log.c_str());
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
            out.pop_back();
        if (rc != 0)
            t.problem = t.path + " --version failed: " + (failure.empty() ? out : failure);
        else
            t.version = out;
        return t;
    }();
    return tool;
}

/// Position just after the '{' of `"key" : {` at or after `from`, or npos.
std::size_t findObject(const std::string& text, const std::string& key, std::size_t from = 0) {
    const std::string quoted = "\"" + key + "\"";
    for (std::size_t at = text.find(quoted, from); at != std::string::npos; at = text.find(quoted, at + 1)) {
        std::size_t p = at + quoted.size();
        while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p])))
            ++p;
        if (p >= text.size() || text[p] != ':')
            continue;
        ++p;
        while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p])))
            ++p;
        if (p < text.size() && text[p] == '{')
            return p + 1;
    }
    return std::string::npos;
}

/// The number of the first `"key" : <number>` at or after `from`.
std::optional<double> findNumber(const std::string& text, const std::string& key, std::size_t from) {
    const std::string quoted = "\"" + key + "\"";
    const std::size_t at = text.find(quoted, from);
    if (at == std::string::npos)
        return std::nullopt;
    const std::size_t colon = text.find(':', at + quoted.size());
    if (colon == std::string::npos)
        return std::nullopt;
    const char* begin = text.c_str() + colon + 1;
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin)
        return std::nullopt;
    return v;
}

struct FioResult {
    double bwBytes = 0;     ///< write.bw_bytes
    double runtimeMs = 0;   ///< write.runtime
    std::uint64_t ioBytes = 0;
};

/// One fio run of `bytes` sequential writes of `block` bytes to a new file in the scratch directory.
std::string runFio(bool direct, std::uint64_t bytes, std::uint64_t block, FioResult& out) {
    const FioTool& tool = fio();
    const std::string data = scratchPath("fio", ".dat");
    const std::string json = scratchPath("fio", ".json");
    const std::string log = scratchPath("fio", ".log");
    std::string escaped; // fio splits --filename at ':'
    for (char c : data) {
        if (c == ':')
            escaped += '\\';
        escaped += c;
    }
    std::vector<std::string> argv = {tool.path,
                                     "--name=seq",
                                     "--rw=write",
                                     "--bs=" + std::to_string(block),
                                     "--size=" + std::to_string(bytes),
                                     direct ? "--direct=1" : "--direct=0",
                                     "--ioengine=psync",
                                     "--fallocate=native",
                                     "--filename=" + escaped,
                                     "--output-format=json",
                                     "--output=" + json};
    if (!direct)
        argv.insert(argv.begin() + 6, "--end_fsync=1");
    std::string failure;
    const int rc = spawnLogged(argv, log, failure);
    const std::string text = readWhole(json);
    std::string logText = readWhole(log);
    ::unlink(data.c_str());
    ::unlink(json.c_str());
    ::unlink(log.c_str());
    if (rc < 0)
        return "fio: " + failure;
    if (rc != 0) {
        std::replace(logText.begin(), logText.end(), '\n', ' ');
        return "fio exited with status " + std::to_string(rc) + ": " + logText.substr(0, 400);
    }
    const std::size_t jobs = text.find("\"jobs\"");
    const std::size_t write = jobs == std::string::npos ? jobs : findObject(text, "write", jobs);
    if (write == std::string::npos)
        return "fio: no jobs[0].write object in its JSON output";
    const auto bw = findNumber(text, "bw_bytes", write);
    const auto runtime = findNumber(text, "runtime", write);
    const auto io = findNumber(text, "io_bytes", write);
    const auto error = findNumber(text, "error", jobs);
    if (!bw || !io || !runtime)
        return "fio: write.bw_bytes, io_bytes or runtime missing from its JSON output";
    if (error && *error != 0)
        return "fio: the job reports error " + std::to_string(int(*error));
    if (std::uint64_t(*io) != bytes || *bw <= 0)
        return "fio wrote " + std::to_string(std::uint64_t(*io)) + " of " + std::to_string(bytes) + " bytes";
    out.bwBytes = *bw;
    out.runtimeMs = *runtime;
    out.ioBytes = std::uint64_t(*io);
    return {};
}

// ---------------------------------------------------------------------------------------------
// Engine side
// ---------------------------------------------------------------------------------------------

DeviceOptions deviceOptions(const std::string& path, std::uint64_t slots, IoMode io) {
    DeviceOptions d;
    d.path = path;
    d.sizeBytes = slots * kPageSize;
    d.priority = 0;
    d.io = io;
    d.removeFileOnClose = true;
    return d;
}

/// Stores pages 0..n-1 in the pool of `engine` (cgroup 1).
Result<std::vector<SlotId>> fillPool(Engine& engine, std::uint64_t n) {
    StoreOptions store;
    store.placement = Placement::PoolOnly;
    std::vector<SlotId> slots;
    slots.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
        auto s = engine.swapOut(pageOf(i), CgroupId{1}, store);
        if (!s)
            return s.error();
        slots.push_back(*s);
    }
    return slots;
}

WritebackOptions allOf(std::uint64_t n, std::uint32_t batch, bool compressed, bool pipelined) {
    WritebackOptions o;
    o.pipelined = pipelined;
    o.cgroup = CgroupId{0};
    o.maxPages = n;
    o.secondChance = false; // "writeback now": strictly oldest first
    o.batchPages = batch;
    o.compressed = compressed;
    return o;
}

/// Every entry of `slots[i]` (page i) must be on `device`; every 509th must read back intact.
std::string checkOnDevice(Engine& engine, const std::vector<SlotId>& slots, DeviceId device,
                          const std::vector<std::uint64_t>* pageIndex = nullptr) {
    PageSet out(PageClass::Zero, 1);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        auto info = engine.lookup(slots[i]);
        if (!info)
            return "lookup: " + describe(info.error());
        if (info->backend != Backend::Device || info->device != device)
            return "entry " + std::to_string(i) + " is on the " + backendName(info->backend) + " backend, not the device";
        if (i % 509 != 0)
            continue;
        auto r = engine.swapIn(slots[i], MutablePage(out.data(0), kPageSize));
        const std::uint64_t page = pageIndex ? (*pageIndex)[i] : i;
        if (!r)
            return "swapIn of entry " + std::to_string(i) + ": " + describe(r.error());
        if (std::memcmp(out.data(0), pageOf(page).data(), kPageSize) != 0)
            return "entry " + std::to_string(i) + " reads back wrong";
    }
    return {};
}

bool deviceDirect(const Engine& engine, DeviceId device) {
    for (const DeviceStats& d : engine.stats().devices)
        if (d.id == device)
            return d.directIo;
    return false;
}

struct WritebackRun {
    double seconds = 0;      ///< writeback (+ fsync when buffered), wall
    double syncSeconds = 0;  ///< of which fsync
    double cpuSeconds = 0;   ///< thread CPU time of the writeback call
    WritebackReport report;
    std::uint64_t poolStoredBytes = 0;
    bool directIo = false;
};

/// One engine variant: fill a fresh engine's pool with n pages, write them all back (timed).
struct EngineVariant {
    std::uint32_t batch = 256;
    bool compressed = false;
    bool pipelined = true;
    bool writeBehind = true;
    const char* file = "wb-batched";
};

std::string runWriteback(IoMode io, const EngineVariant& v, WritebackRun& out) {
    const std::uint64_t n = pageCount();
    const auto engine = makeEngine(kCodecs[2]); // lz4, the pool's default codec
    const std::string path = scratchPath(v.file, ".swap");
    DeviceOptions d = deviceOptions(path, n + kSlack, io);
    d.discard = false;
    d.preallocate = true; // as fio --fallocate=native: both write into allocated blocks
    d.writeBehind = v.writeBehind;
    auto device = engine->addDevice(d);
    if (!device)
        return std::string("addDevice(") + ioName(io) + "): " + describe(device.error());
    auto slots = fillPool(*engine, n);
    if (!slots)
        return "swapOut: " + describe(slots.error());
    out.poolStoredBytes = engine->stats().pool.storedBytes;
    const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return "open " + path + ": " + std::strerror(errno);

    const double c0 = processCpuSeconds();
    const double t0 = wallSeconds();
    auto report = engine->writeback(allOf(n, v.batch, v.compressed, v.pipelined));
    const double t1 = wallSeconds();
    out.cpuSeconds = processCpuSeconds() - c0;
    if (io == IoMode::Buffered && ::fsync(fd.get()) != 0)
        return "fsync " + path + ": " + std::strerror(errno);
    const double t2 = wallSeconds();

    if (!report)
        return "writeback: " + describe(report.error());
    if (report->written != n || report->firstError.code != Errc::Ok)
        return "writeback wrote " + std::to_string(report->written) + " of " + std::to_string(n) + " entries"
               + (report->deviceFull ? " (device full)" : "")
               + (report->firstError.code != Errc::Ok ? "; first error: " + describe(report->firstError) : "");
    if (std::string failure = checkOnDevice(*engine, *slots, *device); !failure.empty())
        return failure;
    out.seconds = t2 - t0;
    out.syncSeconds = t2 - t1;
    out.report = *report;
    out.directIo = deviceDirect(*engine, *device);
    return {};
}

// ---------------------------------------------------------------------------------------------
// writeback/<io>
// ---------------------------------------------------------------------------------------------

void benchWriteback(benchmark::State& state, IoMode io) {
    static unsigned rotation[2] = {0, 0};
    const std::uint64_t n = pageCount();
    const double pageMiB = double(n) * double(kPageSize) / kMiB;
    const bool withFio = fio().problem.empty();
    enum Variant { Fio, Batched, Serial, NoWriteBehind, Single, Compressed, FioRun, kVariants };
    const std::uint32_t batch = batchPages();
    const bool buffered = io == IoMode::Buffered;
    WritebackRun batched, serial, nowb, single, compressed;
    FioResult fioResult, fioRunResult;
    std::string failure;
    for (auto _ : state) {
        const unsigned start = rotation[io == IoMode::Direct ? 0 : 1]++;
        for (unsigned k = 0; k < kVariants && failure.empty(); ++k) {
            switch (Variant((start + k) % kVariants)) {
            case Fio:
                if (withFio)
                    failure = runFio(io == IoMode::Direct, n * kPageSize, kFioBlock, fioResult);
                break;
            case FioRun:
                if (withFio)
                    failure = runFio(io == IoMode::Direct, n * kPageSize, std::uint64_t(batchPages()) * kPageSize, fioRunResult);
                break;
            case kVariants:
                break;
            case Batched:
                failure = runWriteback(io, {batch, false, true, true, "wb-batched"}, batched);
                break;
            case Serial:
                failure = runWriteback(io, {batch, false, false, true, "wb-serial"}, serial);
                break;
            case NoWriteBehind:
                if (buffered)
                    failure = runWriteback(io, {batch, false, true, false, "wb-nowb"}, nowb);
                break;
            case Single:
                failure = runWriteback(io, {1, false, true, true, "wb-single"}, single);
                break;
            case Compressed:
                failure = runWriteback(io, {batch, true, true, true, "wb-compressed"}, compressed);
                break;
            }
        }
        if (!failure.empty())
            break;
        state.SetIterationTime(batched.seconds);
    }
    if (!failure.empty()) {
        state.SkipWithError(failure.c_str());
        return;
    }
    const double batchedMiBps = pageMiB / batched.seconds;
    const double serialMiBps = pageMiB / serial.seconds;
    const double singleMiBps = pageMiB / single.seconds;
    const double compressedMiBps = pageMiB / compressed.seconds;
    state.SetBytesProcessed(std::int64_t(n * kPageSize));
    state.counters["pages"] = double(n);
    state.counters["direct_io"] = batched.directIo && single.directIo && compressed.directIo ? 1 : 0;
    state.counters["batched_MiBps"] = batchedMiBps;
    state.counters["serial_MiBps"] = serialMiBps;
    state.counters["single_MiBps"] = singleMiBps;
    state.counters["batched_vs_serial"] = batchedMiBps / serialMiBps;
    state.counters["compressed_MiBps"] = compressedMiBps;
    state.counters["batched_vs_single"] = batchedMiBps / singleMiBps;
    state.counters["compressed_vs_raw"] = compressedMiBps / batchedMiBps;
    state.counters["batched_writes"] = double(batched.report.writes);
    state.counters["single_writes"] = double(single.report.writes);
    state.counters["compressed_writes"] = double(compressed.report.writes);
    if (buffered) { // the end-of-run fsync, included in the MiB/s above
        const double nowbMiBps = pageMiB / nowb.seconds;
        state.counters["nowb_MiBps"] = nowbMiBps;
        state.counters["batched_vs_nowb"] = batchedMiBps / nowbMiBps;
        state.counters["nowb_sync_ms"] = nowb.syncSeconds * 1e3;
        state.counters["nowb_cpu_ms"] = nowb.cpuSeconds * 1e3;
        state.counters["batched_sync_ms"] = batched.syncSeconds * 1e3;
        state.counters["serial_sync_ms"] = serial.syncSeconds * 1e3;
        state.counters["single_sync_ms"] = single.syncSeconds * 1e3;
        state.counters["compressed_sync_ms"] = compressed.syncSeconds * 1e3;
    }
    state.counters["batched_cpu_ms"] = batched.cpuSeconds * 1e3; // CPU of the call (no fsync)
    state.counters["serial_cpu_ms"] = serial.cpuSeconds * 1e3;
    state.counters["single_cpu_ms"] = single.cpuSeconds * 1e3;
    state.counters["compressed_cpu_ms"] = compressed.cpuSeconds * 1e3;
    state.counters["pool_compression_ratio"] = double(n * kPageSize) / double(batched.poolStoredBytes);
    state.counters["fio_available"] = withFio ? 1 : 0;
    if (withFio) {
        const double fioMiBps = fioResult.bwBytes / kMiB;
        state.counters["fio_MiBps"] = fioMiBps;
        state.counters["batched_vs_fio"] = batchedMiBps / fioMiBps;
        state.counters["single_vs_fio"] = singleMiBps / fioMiBps;
        state.counters["compressed_vs_fio"] = compressedMiBps / fioMiBps;
        state.counters["fio_run_MiBps"] = fioRunResult.bwBytes / kMiB;
        state.counters["batched_vs_fio_run"] = batchedMiBps / (fioRunResult.bwBytes / kMiB);
    }
}

// ---------------------------------------------------------------------------------------------
// compact/device/<io>
// ---------------------------------------------------------------------------------------------

std::string runDeviceCompaction(IoMode io, benchmark::State& state, double& seconds) {
    const std::uint64_t n = pageCount();
    const auto engine = makeEngine(kCodecs[2]);
    const std::string path = scratchPath("compact", ".swap");
    auto device = engine->addDevice(deviceOptions(path, n, io)); // discard on: the default
    if (!device)
        return std::string("addDevice(") + ioName(io) + "): " + describe(device.error());
    auto filled = fillPool(*engine, n);
    if (!filled)
        return "swapOut: " + describe(filled.error());
    auto wb = engine->writeback(allOf(n, batchPages(), false, true));
    if (!wb || wb->written != n)
        return "writeback to fill the device: " + (wb ? std::to_string(wb->written) + " of " + std::to_string(n) + " written"
                                                       : describe(wb.error()));
    // Keep the entries at even physical slots: every other slot live.
    std::vector<SlotId> live;
    std::vector<std::uint64_t> livePage;
    for (std::uint64_t i = 0; i < n; ++i) {
        auto info = engine->lookup((*filled)[i]);
        if (!info)
            return "lookup: " + describe(info.error());
        if (info->physicalSlot % 2 == 0) {
            live.push_back((*filled)[i]);
            livePage.push_back(i);
        } else if (Status st = engine->put((*filled)[i]); !st) {
            return "put: " + describe(st.error());
        }
    }
    const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return "open " + path + ": " + std::strerror(errno);
    if (io == IoMode::Buffered) { // relocation reads come from the disk, as for pages swapped long ago
        if (::fsync(fd.get()) != 0)
            return "fsync " + path + ": " + std::strerror(errno);
        if (int rc = ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_DONTNEED); rc != 0)
            return std::string("posix_fadvise(DONTNEED): ") + std::strerror(rc);
    }

    const double t0 = wallSeconds();
    CompactOptions options;
    options.shrinkFile = true;
    auto report = engine->compactDevice(*device, options);
    if (io == IoMode::Buffered && ::fsync(fd.get()) != 0)
        return "fsync " + path + ": " + std::strerror(errno);
    seconds = wallSeconds() - t0;

    if (!report)
        return "compactDevice: " + describe(report.error());
    const std::uint64_t ceiling = (live.size() + 511) / 512 * 512;
    if (report->moved == 0 || report->after.usedSlots != live.size() || report->after.highestUsedSlot > ceiling
        || !report->shrunk)
        return "compactDevice moved " + std::to_string(report->moved) + "; afterwards " + std::to_string(report->after.usedSlots)
               + " used slots (want " + std::to_string(live.size()) + "), highest used slot + 1 = "
               + std::to_string(report->after.highestUsedSlot) + " (want <= " + std::to_string(ceiling) + "), shrunk "
               + (report->shrunk ? "yes" : "no");
    if (std::string failure = checkOnDevice(*engine, live, *device, &livePage); !failure.empty())
        return "after compaction: " + failure;

    const DeviceCompactReport& r = *report;
    state.counters["live_entries"] = double(live.size());
    state.counters["moved"] = double(r.moved);
    state.counters["compact_ms"] = seconds * 1e3;
    state.counters["relocated_MiBps"] = double(r.moved) * double(kPageSize) / kMiB / seconds;
    state.counters["entries_per_s"] = double(r.moved) / seconds;
    state.counters["file_MiB_before"] = double(r.before.fileBytes) / kMiB;
    state.counters["file_MiB_after"] = double(r.after.fileBytes) / kMiB;
    state.counters["allocated_MiB_before"] = double(r.before.allocatedBytes) / kMiB;
    state.counters["allocated_MiB_after"] = double(r.after.allocatedBytes) / kMiB;
    state.counters["free_extents_before"] = double(r.before.freeExtents);
    state.counters["free_extents_after"] = double(r.after.freeExtents);
    state.counters["direct_io"] = deviceDirect(*engine, *device) ? 1 : 0;
    return {};
}

void benchCompactDevice(benchmark::State& state, IoMode io) {
    std::string failure;
    for (auto _ : state) {
        double seconds = 0;
        failure = runDeviceCompaction(io, state, seconds);
        if (!failure.empty())
            break;
        state.SetIterationTime(seconds);
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

// ---------------------------------------------------------------------------------------------
// compact/pool
// ---------------------------------------------------------------------------------------------

void benchCompactPool(benchmark::State& state) {
    static std::uint64_t run = 0;
    const std::uint64_t n = pageCount();
    std::string failure;
    for (auto _ : state) {
        const auto engine = makeEngine(kCodecs[2]);
        auto filled = fillPool(*engine, n);
        if (!filled) {
            failure = "swapOut: " + describe(filled.error());
            break;
        }
        std::vector<std::uint64_t> order(n);
        for (std::uint64_t i = 0; i < n; ++i)
            order[i] = i;
        std::shuffle(order.begin(), order.end(), std::mt19937_64(1000 + run++));
        const auto freed = std::uint64_t(double(n) * kFreedShare);
        for (std::uint64_t i = 0; i < freed && failure.empty(); ++i)
            if (Status st = engine->put((*filled)[order[i]]); !st)
                failure = "put: " + describe(st.error());
        if (!failure.empty())
            break;
        const PoolStats before = engine->stats().pool;

        const double t0 = wallSeconds();
        auto report = engine->compactPool();
        const double seconds = wallSeconds() - t0;

        if (!report) {
            failure = "compactPool: " + describe(report.error());
            break;
        }
        const PoolStats after = engine->stats().pool;
        if (report->reclaimedBytes() == 0 || after.objects != n - freed) {
            failure = "compactPool gave back " + std::to_string(report->reclaimedBytes()) + " bytes; "
                      + std::to_string(after.objects) + " objects left of " + std::to_string(n - freed);
            break;
        }
        PageSet out(PageClass::Zero, 1);
        for (std::uint64_t i = freed; i < n; i += 97) {
            auto r = engine->swapIn((*filled)[order[i]], MutablePage(out.data(0), kPageSize));
            if (!r || std::memcmp(out.data(0), pageOf(order[i]).data(), kPageSize) != 0) {
                failure = "entry " + std::to_string(order[i]) + " reads back wrong after pool compaction";
                break;
            }
        }
        if (!failure.empty())
            break;
        state.SetIterationTime(seconds);
        state.counters["entries_left"] = double(n - freed);
        state.counters["pool_MiB_before"] = double(report->poolBytesBefore) / kMiB;
        state.counters["pool_MiB_after"] = double(report->poolBytesAfter) / kMiB;
        state.counters["reclaimed_MiB"] = double(report->reclaimedBytes()) / kMiB;
        state.counters["reclaimed_MiBps"] = double(report->reclaimedBytes()) / kMiB / seconds;
        state.counters["objects_moved"] = double(report->objectsMoved);
        state.counters["zspages_before"] = double(report->zspagesBefore);
        state.counters["zspages_after"] = double(report->zspagesAfter);
        state.counters["efficiency_before"] = before.allocatorEfficiency();
        state.counters["efficiency_after"] = after.allocatorEfficiency();
        state.counters["compact_ms"] = seconds * 1e3;
    }
    if (!failure.empty())
        state.SkipWithError(failure.c_str());
}

} // namespace

int main(int argc, char** argv) {
    const std::string dir = scratchDirectory();
    if (!fileExists(dir)) {
        std::fprintf(stderr, "bench_writeback: scratch directory %s does not exist\n", dir.c_str());
        return 2;
    }
    corpus(false);
    pages();
    const bool direct = directIoProblem().empty();
    if (!direct)
        std::fprintf(stderr, "bench_writeback: O_DIRECT IS NOT SUPPORTED here (%s): the direct-I/O benchmarks are left out\n",
                     directIoProblem().c_str());
    if (!fio().problem.empty())
        std::fprintf(stderr, "bench_writeback: FIO COMPARISON SKIPPED: %s\n", fio().problem.c_str());

    benchmark::AddCustomContext("scratch_directory", dir);
    benchmark::AddCustomContext("scratch_filesystem", fileSystemName(dir));
    benchmark::AddCustomContext("direct_io", direct ? "supported" : "not supported: " + directIoProblem());
    benchmark::AddCustomContext("fio", fio().problem.empty() ? fio().path + " (" + fio().version + ")"
                                                             : "skipped: " + fio().problem);
    benchmark::AddCustomContext("writeback_pages", std::to_string(pageCount()) + " pages ("
                                                       + std::to_string(pageCount() * kPageSize >> 20) + " MiB of page data)");
    benchmark::AddCustomContext("writeback_batch_pages", std::to_string(batchPages()));
    benchmark::AddCustomContext("page_mix", nonZeroMix().toString() + ", " + std::to_string(kDistinctPages)
                                                + " distinct pages cycled; pool codec lz4");

    std::vector<IoMode> modes;
    if (direct)
        modes.push_back(IoMode::Direct);
    modes.push_back(IoMode::Buffered);
    for (IoMode io : modes) {
        benchmark::RegisterBenchmark((std::string("writeback/") + ioName(io)).c_str(),
                                     [io](benchmark::State& s) { benchWriteback(s, io); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    }
    for (IoMode io : modes) {
        benchmark::RegisterBenchmark((std::string("compact/device/") + ioName(io)).c_str(),
                                     [io](benchmark::State& s) { benchCompactDevice(s, io); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("compact/pool", benchCompactPool)
        ->Iterations(1)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
    return runMain(argc, argv,
                   {"--benchmark_repetitions=5", "--benchmark_enable_random_interleaving=true",
                    "--benchmark_display_aggregates_only=true"});
}
