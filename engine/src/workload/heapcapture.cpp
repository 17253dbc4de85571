// SPDX-License-Identifier: GPL-3.0-or-later
// Heap capture (see heapcapture.h): /proc/PID/maps parsing and PageCorpus::captureHeap().
//
// What and why: a real heap compresses very differently from files (limits.md: 3.6-5.8x), so
// the workload samples the anonymous writable memory of a real process.
//
// How: the pages of the [heap] and anonymous rw-p regions are sampled evenly over the whole
// range, then read with process_vm_readv first (one syscall per batch of pages, remote iovecs
// page by page so an unmapped page only loses itself), /proc/PID/mem as the fallback. Both
// need ptrace read access; containers often deny it, so the caller gets an IoError value and
// decides (tests skip, benchmarks fall back to the other classes).
#include "swaptier/heapcapture.h"

#include "swaptier/pagecorpus.h"
#include "util/zeropage.h"
#include "workload/workloadio.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <utility>

namespace swaptier {

using workload::appendPage;
using workload::Fd;
using workload::fileError;
using workload::readAll;

bool MemoryRegion::isAnonymousWritable() const {
    if (perms.size() < 4 || perms[0] != 'r' || perms[1] != 'w' || perms[3] != 'p')
        return false;
    return name.empty() || name == "[heap]";
}

std::vector<MemoryRegion> parseMemoryMaps(std::string_view mapsText) {
    // "55d0c7a00000-55d0c7a21000 rw-p 00000000 00:00 0      [heap]"
    std::vector<MemoryRegion> regions;
    while (!mapsText.empty()) {
        const std::size_t eol = mapsText.find('\n');
        std::string_view line = mapsText.substr(0, eol);
        mapsText = eol == std::string_view::npos ? std::string_view{} : mapsText.substr(eol + 1);

        std::vector<std::string_view> fields;
        std::size_t pos = 0;
        while (fields.size() < 5 && pos < line.size()) {
            while (pos < line.size() && line[pos] == ' ')
                ++pos;
            const std::size_t end = std::min(line.find(' ', pos), line.size());
            if (end > pos)
                fields.push_back(line.substr(pos, end - pos));
            pos = end;
        }
        if (fields.size() < 5)
            continue;
        while (pos < line.size() && line[pos] == ' ')
            ++pos;
        const std::string_view range = fields[0];
        const std::size_t dash = range.find('-');
        if (dash == std::string_view::npos)
            continue;
        MemoryRegion r;
        const auto a = std::from_chars(range.data(), range.data() + dash, r.start, 16);
        const auto b = std::from_chars(range.data() + dash + 1, range.data() + range.size(), r.end, 16);
        if (a.ec != std::errc{} || b.ec != std::errc{} || a.ptr != range.data() + dash ||
            b.ptr != range.data() + range.size() || r.end <= r.start)
            continue;
        r.perms = std::string(fields[1]);
        r.name = std::string(line.substr(std::min(pos, line.size())));
        while (!r.name.empty() && r.name.back() == ' ')
            r.name.pop_back();
        regions.push_back(std::move(r));
    }
    return regions;
}

namespace {

/// Reads the pages at `addresses` of process `pid` into `out` (kPageSize each, in order);
/// pages that cannot be read (unmapped meanwhile, guard pages) are left out.
class RemoteReader {
public:
    explicit RemoteReader(pid_t pid) : m_pid(pid) {}

    Status read(const std::vector<std::uint64_t>& addresses, std::vector<std::byte>& out) {
        if (!m_useMem) {
            Status s = readVm(addresses, out);
            if (s || !m_useMem)
                return s;
        }
        return readMem(addresses, out);
    }

private:
    Status readVm(const std::vector<std::uint64_t>& addresses, std::vector<std::byte>& out) {
        constexpr std::size_t kBatch = 256;
        std::vector<std::byte> buf(kBatch * kPageSize);
        std::vector<iovec> remote(kBatch);
        std::size_t i = 0;
        bool anyRead = false;
        while (i < addresses.size()) {
            const std::size_t n = std::min(kBatch, addresses.size() - i);
            for (std::size_t k = 0; k < n; ++k)
                remote[k] = iovec{reinterpret_cast<void*>(addresses[i + k]), kPageSize};
            iovec local{buf.data(), n * kPageSize};
            const ssize_t got = ::process_vm_readv(m_pid, &local, 1, remote.data(), n, 0);
            if (got < 0) {
                const int err = errno;
                if (err == EFAULT) { // the first page of the batch is gone: skip it
                    ++i;
                    continue;
                }
                if (err == EINTR)
                    continue;
                if (!anyRead && (err == EPERM || err == ENOSYS || err == EACCES)) {
                    m_useMem = true; // seccomp or an old kernel: try /proc/PID/mem
                    return Error::of(Errc::IoError).os(err);
                }
                return fileError("/proc/" + std::to_string(m_pid) + "/mem", err);
            }
            anyRead = true;
            const std::size_t pages = static_cast<std::size_t>(got) / kPageSize;
            out.insert(out.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(pages * kPageSize));
            i += pages < n ? pages + 1 : n; // a short read stopped at an unreadable page: skip it
        }
        return {};
    }

    Status readMem(const std::vector<std::uint64_t>& addresses, std::vector<std::byte>& out) {
        const std::string path = "/proc/" + std::to_string(m_pid) + "/mem";
        Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0)
            return fileError(path, errno);
        std::array<std::byte, kPageSize> page{};
        bool anyRead = false;
        int lastErr = 0;
        for (std::uint64_t addr : addresses) {
            const ssize_t got = ::pread(fd.get(), page.data(), kPageSize, static_cast<off_t>(addr));
            if (got == static_cast<ssize_t>(kPageSize)) {
                out.insert(out.end(), page.begin(), page.end());
                anyRead = true;
            } else if (got < 0) {
                lastErr = errno;
                if (lastErr == EPERM || lastErr == EACCES || lastErr == ESRCH)
                    return fileError(path, lastErr);
            }
        }
        if (!anyRead && !addresses.empty())
            return fileError(path, lastErr ? lastErr : EIO);
        return {};
    }

    pid_t m_pid;
    bool m_useMem = false;
};

} // namespace

Result<std::size_t> PageCorpus::captureHeap(pid_t pid, const HeapCaptureOptions& options) {
    if (pid <= 0)
        return Error::of(Errc::InvalidArgument);
    const std::string mapsPath = "/proc/" + std::to_string(pid) + "/maps";
    auto maps = readAll(mapsPath);
    if (!maps)
        return maps.error();
    std::vector<MemoryRegion> regions = parseMemoryMaps(*maps);
    std::erase_if(regions, [](const MemoryRegion& r) { return !r.isAnonymousWritable(); });
    std::uint64_t totalPages = 0;
    for (const MemoryRegion& r : regions)
        totalPages += (r.end - r.start) / kPageSize;
    if (totalPages == 0 || options.maxPages == 0)
        return std::size_t{0};

    // Sample evenly over the whole range. When zero pages are dropped, sample twice as many
    // candidates so that enough non-zero ones remain, then thin them evenly.
    const std::uint64_t wanted = options.maxPages * (options.skipZeroPages ? 2 : 1);
    const std::uint64_t step = std::max<std::uint64_t>(1, (totalPages + wanted - 1) / wanted);
    std::vector<std::uint64_t> addresses;
    std::uint64_t ordinal = 0;
    for (const MemoryRegion& r : regions)
        for (std::uint64_t a = r.start; a + kPageSize <= r.end; a += kPageSize, ++ordinal)
            if (ordinal % step == 0)
                addresses.push_back(a);

    std::vector<std::byte> pages;
    RemoteReader reader(pid);
    if (Status s = reader.read(addresses, pages); !s)
        return s.error();

    std::vector<std::size_t> keep;
    for (std::size_t i = 0; i < pages.size() / kPageSize; ++i)
        if (!options.skipZeroPages || !util::isZeroPage(pages.data() + i * kPageSize))
            keep.push_back(i);
    const std::size_t count = std::min(keep.size(), options.maxPages);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = keep[k * keep.size() / count];
        appendPage(m_heap, std::span<const std::byte>(pages.data() + i * kPageSize, kPageSize));
    }
    return count;
}

} // namespace swaptier
