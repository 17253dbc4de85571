// SPDX-License-Identifier: GPL-3.0-or-later
// PageCorpus, PageMix and WorkloadProcess: real page contents for workloads (see pagecorpus.h).
//
// What and why: the compressed pool's behaviour (ratio, size-class packing, raw objects, the
// pool limit) depends entirely on what the pages contain. Synthetic patterns compress far too
// well or not at all; limits.md measures text ~2x, libraries ~1.8-2.3x, a real heap 3.6-5.8x.
// So the workload draws its pages from real files and a real process heap.
//
// Determinism: file lists are sorted, then shuffled with our own Fisher-Yates over splitmix64
// (std::shuffle's algorithm is implementation-defined); every choice in PageMix is a pure
// function of (seed, index). Nothing here reads the clock or std::random_device.
//
// Heap capture reads another process's memory: process_vm_readv first (one syscall per batch of
// pages, remote iovecs page by page so an unmapped page only loses itself), /proc/PID/mem as the
// fallback. Both need ptrace read access; containers often deny it, so the caller gets an
// IoError value and decides (tests skip, benchmarks fall back to the other classes).
#include "swaptier/pagecorpus.h"

#include "util/zeropage.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

extern char** environ;

namespace swaptier {

namespace {

// ------------------------------------------------------------------------------------------
// Deterministic hashing and PRNG
// ------------------------------------------------------------------------------------------

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ull;

constexpr std::uint64_t splitmix64(std::uint64_t x) {
    x += kGolden;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

std::uint64_t hashString(std::string_view s) {
    std::uint64_t h = 0xCBF29CE484222325ull; // FNV-1a
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return h;
}

/// Uniform value in [0, bound) (bound > 0); the modulo bias is irrelevant at 64 bits.
std::uint64_t below(std::uint64_t h, std::uint64_t bound) { return h % bound; }

void seededShuffle(std::vector<std::string>& items, std::uint64_t seed) {
    std::uint64_t state = splitmix64(seed ^ 0x5EED5EED5EED5EEDull);
    for (std::size_t i = items.size(); i > 1; --i) {
        state = splitmix64(state);
        std::swap(items[i - 1], items[below(state, i)]);
    }
}

// ------------------------------------------------------------------------------------------
// Files
// ------------------------------------------------------------------------------------------

Error fileError(const std::string& path, int err) { return Error::of(Errc::IoError).file(path).os(err); }

/// An open read-only file descriptor, closed on scope exit.
class Fd {
public:
    Fd() = default;
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(Fd&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    Fd& operator=(Fd&& o) noexcept {
        reset();
        m_fd = std::exchange(o.m_fd, -1);
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return m_fd; }
    void reset() {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

struct OpenFile {
    Fd fd;
    std::uint64_t size = 0;
};

/// Opens a regular file for reading. Directories are refused with EISDIR, other non-regular
/// files with EINVAL (a FIFO or device could block or never end).
Result<OpenFile> openRegular(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return fileError(path, errno);
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        return fileError(path, errno);
    if (S_ISDIR(st.st_mode))
        return fileError(path, EISDIR);
    if (!S_ISREG(st.st_mode))
        return fileError(path, EINVAL);
    OpenFile f;
    f.fd = std::move(fd);
    f.size = static_cast<std::uint64_t>(st.st_size);
    return f;
}

/// Reads up to buf.size() bytes at offset (fewer only at end of file). Returns the count.
Result<std::size_t> readAt(int fd, const std::string& path, std::uint64_t offset, std::span<std::byte> buf) {
    std::size_t done = 0;
    while (done < buf.size()) {
        const ssize_t n = ::pread(fd, buf.data() + done, buf.size() - done, static_cast<off_t>(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fileError(path, errno);
        }
        if (n == 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    return done;
}

/// Reads a whole (possibly size-less, e.g. procfs) file as text.
Result<std::string> readAll(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return fileError(path, errno);
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fileError(path, errno);
        }
        if (n == 0)
            break;
        text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
}

bool isTextByte(unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c >= 0x80;
}

/// Text if no NUL and at least 95% printable (UTF-8 counts as printable).
bool looksLikeText(std::span<const std::byte> head) {
    if (head.empty())
        return true;
    std::size_t printable = 0;
    for (std::byte b : head) {
        const auto c = static_cast<unsigned char>(b);
        if (c == 0)
            return false;
        printable += isTextByte(c) ? 1 : 0;
    }
    return printable * 100 >= head.size() * 95;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool isCompressedName(std::string_view name) {
    for (std::string_view ext : {".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".Z", ".br"})
        if (endsWith(name, ext))
            return true;
    return false;
}

/// Collects regular files (following symlinks) accepted by `accept`, deduplicated by inode.
class FileCollector {
public:
    template<class Accept>
    void scanDir(const std::filesystem::path& dir, Accept accept) {
        std::error_code ec;
        std::filesystem::directory_iterator it(dir, ec);
        if (ec)
            return;
        for (const auto& entry : it) {
            const std::string name = entry.path().filename().string();
            if (accept(name))
                addIfRegular(entry.path().string());
        }
    }

    void addIfRegular(const std::string& path) {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
            return;
        if (::access(path.c_str(), R_OK) != 0)
            return;
        if (!m_seen.insert({static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)}).second)
            return;
        m_paths.push_back(path);
    }

    template<class Accept>
    void scanSubdirs(const std::filesystem::path& dir, Accept acceptDir, const std::string& fileName) {
        std::error_code ec;
        std::filesystem::directory_iterator it(dir, ec);
        if (ec)
            return;
        for (const auto& entry : it)
            if (acceptDir(entry.path().filename().string()))
                addIfRegular((entry.path() / fileName).string());
    }

    std::vector<std::string> sorted() {
        std::sort(m_paths.begin(), m_paths.end());
        return std::move(m_paths);
    }

private:
    std::set<std::pair<std::uint64_t, std::uint64_t>> m_seen;
    std::vector<std::string> m_paths;
};

bool isElf(const std::string& path) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return false;
    char magic[4] = {};
    return ::pread(fd.get(), magic, sizeof magic, 0) == 4 && std::memcmp(magic, "\177ELF", 4) == 0;
}

void appendPage(std::vector<std::byte>& store, std::span<const std::byte> bytes) {
    const std::size_t at = store.size();
    store.resize(at + kPageSize, std::byte{0});
    std::memcpy(store.data() + at, bytes.data(), std::min(bytes.size(), kPageSize));
}

} // namespace

// ------------------------------------------------------------------------------------------
// Names
// ------------------------------------------------------------------------------------------

const char* pageClassName(PageClass pageClass) {
    switch (pageClass) {
    case PageClass::Zero: return "zero";
    case PageClass::Text: return "text";
    case PageClass::Binary: return "binary";
    case PageClass::Random: return "random";
    case PageClass::Heap: return "heap";
    }
    return "unknown";
}

std::optional<PageClass> pageClassFromName(std::string_view name) {
    for (PageClass c : kAllPageClasses)
        if (name == pageClassName(c))
            return c;
    return std::nullopt;
}

// ------------------------------------------------------------------------------------------
// PageCorpus: loading files
// ------------------------------------------------------------------------------------------

std::vector<std::string> PageCorpus::defaultTextFiles() {
    FileCollector files;
    files.scanDir("/usr/share/common-licenses", [](const std::string&) { return true; });
    files.scanSubdirs("/usr/share/doc", [](const std::string&) { return true; }, "copyright");
    std::error_code ec;
    std::filesystem::directory_iterator man("/usr/share/man", ec);
    if (!ec) {
        for (const auto& section : man) {
            const std::string name = section.path().filename().string();
            if (name.rfind("man", 0) == 0)
                files.scanDir(section.path(), [](const std::string& f) { return !isCompressedName(f); });
        }
    }
    files.scanDir("/usr/share/info", [](const std::string& f) {
        return !isCompressedName(f) && f.find(".info") != std::string::npos;
    });
    return files.sorted();
}

std::vector<std::string> PageCorpus::defaultBinaryFiles() {
    FileCollector files;
    const auto isSharedObject = [](const std::string& f) {
        return f.find(".so") != std::string::npos && (endsWith(f, ".so") || f.find(".so.") != std::string::npos);
    };
    for (const char* root : {"/usr/lib", "/lib"}) {
        std::error_code ec;
        std::filesystem::directory_iterator it(root, ec);
        if (ec)
            continue;
        for (const auto& entry : it) {
            const std::string name = entry.path().filename().string();
            if (endsWith(name, "-linux-gnu"))
                files.scanDir(entry.path(), isSharedObject);
        }
    }
    std::vector<std::string> paths = files.sorted();
    // libc.so and friends are linker scripts (text): keep only real ELF objects.
    std::erase_if(paths, [](const std::string& p) { return !isElf(p); });
    return paths;
}

Result<PageCorpus> PageCorpus::load(const CorpusOptions& options) {
    PageCorpus corpus;
    const bool defaultText = options.textFiles.empty();
    std::vector<std::string> text = defaultText ? defaultTextFiles() : options.textFiles;
    seededShuffle(text, options.seed);
    auto addedText = corpus.addTextFiles(text, options.maxTextPages, defaultText);
    if (!addedText)
        return addedText.error();

    const bool defaultBinary = options.binaryFiles.empty();
    std::vector<std::string> binary = defaultBinary ? defaultBinaryFiles() : options.binaryFiles;
    seededShuffle(binary, options.seed);
    auto addedBinary = corpus.addBinaryFiles(binary, options.maxBinaryPages, options.maxPagesPerBinary,
                                             options.seed, defaultBinary);
    if (!addedBinary)
        return addedBinary.error();
    return corpus;
}

Result<PageCorpus> PageCorpus::fromFiles(const std::vector<std::string>& paths, std::size_t maxPages) {
    PageCorpus corpus;
    std::size_t added = 0;
    for (const std::string& path : paths) {
        auto file = openRegular(path);
        if (!file)
            return file.error();
        std::array<std::byte, kPageSize> head{};
        auto n = readAt(file->fd.get(), path, 0, head);
        if (!n)
            return n.error();
        if (added >= maxPages)
            continue; // still check that every named file is readable
        const std::vector<std::string> one{path};
        auto r = looksLikeText(std::span(head).first(*n))
                     ? corpus.addTextFiles(one, maxPages - added)
                     : corpus.addBinaryFiles(one, maxPages - added, maxPages - added, 0);
        if (!r)
            return r.error();
        added += *r;
    }
    return corpus;
}

Result<std::size_t> PageCorpus::addTextFiles(const std::vector<std::string>& paths, std::size_t maxPages,
                                             bool skipUnreadable) {
    std::size_t added = 0;
    std::vector<std::byte> partial; // bytes of the page being assembled across files
    partial.reserve(kPageSize);
    std::vector<std::byte> buf;
    for (const std::string& path : paths) {
        if (added >= maxPages)
            break;
        auto file = openRegular(path);
        if (!file) {
            if (skipUnreadable)
                continue;
            return file.error();
        }
        const std::uint64_t want = (maxPages - added) * kPageSize - partial.size();
        buf.resize(static_cast<std::size_t>(std::min(file->size, want)));
        auto n = readAt(file->fd.get(), path, 0, buf);
        if (!n) {
            if (skipUnreadable)
                continue;
            return n.error();
        }
        std::span<const std::byte> data(buf.data(), *n);
        while (!data.empty() && added < maxPages) {
            const std::size_t take = std::min(data.size(), kPageSize - partial.size());
            partial.insert(partial.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(take));
            data = data.subspan(take);
            if (partial.size() == kPageSize) {
                appendPage(m_text, partial);
                partial.clear();
                ++added;
            }
        }
    }
    // The tail is zero-padded as the page cache shows the last page of a file.
    if (!partial.empty() && added < maxPages) {
        appendPage(m_text, partial);
        ++added;
    }
    return added;
}

Result<std::size_t> PageCorpus::addBinaryFiles(const std::vector<std::string>& paths, std::size_t maxPages,
                                               std::size_t perFile, std::uint64_t seed, bool skipUnreadable) {
    std::size_t added = 0;
    std::array<std::byte, kPageSize> page{};
    for (const std::string& path : paths) {
        if (added >= maxPages)
            break;
        auto file = openRegular(path);
        if (!file) {
            if (skipUnreadable)
                continue;
            return file.error();
        }
        const std::uint64_t filePages = (file->size + kPageSize - 1) / kPageSize;
        const std::uint64_t take = std::min<std::uint64_t>({filePages, perFile, maxPages - added});
        if (take == 0)
            continue;
        // A window of consecutive pages from a seeded start (wrapping), the whole file if it fits.
        const std::uint64_t start =
            take == filePages ? 0 : below(splitmix64(seed ^ hashString(path)), filePages);
        for (std::uint64_t i = 0; i < take; ++i) {
            const std::uint64_t p = (start + i) % filePages;
            page.fill(std::byte{0});
            auto n = readAt(file->fd.get(), path, p * kPageSize, page);
            if (!n) {
                if (skipUnreadable)
                    break;
                return n.error();
            }
            appendPage(m_binary, page);
            ++added;
        }
    }
    return added;
}

Status PageCorpus::addPage(PageClass pageClass, ConstPage page) {
    if (pageClass != PageClass::Text && pageClass != PageClass::Binary && pageClass != PageClass::Heap)
        return Error::of(Errc::InvalidArgument);
    appendPage(storage(pageClass), page);
    return {};
}

std::vector<std::byte>& PageCorpus::storage(PageClass pageClass) {
    return const_cast<std::vector<std::byte>&>(std::as_const(*this).storage(pageClass));
}

const std::vector<std::byte>& PageCorpus::storage(PageClass pageClass) const {
    static const std::vector<std::byte> kNone;
    switch (pageClass) {
    case PageClass::Text: return m_text;
    case PageClass::Binary: return m_binary;
    case PageClass::Heap: return m_heap;
    case PageClass::Zero:
    case PageClass::Random: break;
    }
    return kNone;
}

std::size_t PageCorpus::pageCount(PageClass pageClass) const { return storage(pageClass).size() / kPageSize; }

ConstPage PageCorpus::page(PageClass pageClass, std::size_t i) const {
    return ConstPage(storage(pageClass).data() + i * kPageSize, kPageSize);
}

std::size_t PageCorpus::totalPages() const { return (m_text.size() + m_binary.size() + m_heap.size()) / kPageSize; }

// ------------------------------------------------------------------------------------------
// Heap capture
// ------------------------------------------------------------------------------------------

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

// ------------------------------------------------------------------------------------------
// MixShares and PageMix
// ------------------------------------------------------------------------------------------

unsigned MixShares::total() const {
    unsigned t = 0;
    for (unsigned w : weights)
        t += w;
    return t;
}

double MixShares::fraction(PageClass c) const {
    const unsigned t = total();
    return t ? static_cast<double>((*this)[c]) / t : 0.0;
}

std::optional<MixShares> MixShares::parse(std::string_view spec) {
    MixShares shares;
    shares.weights.fill(0);
    if (spec.empty())
        return std::nullopt;
    while (!spec.empty()) {
        const std::size_t comma = spec.find(',');
        const std::string_view item = spec.substr(0, comma);
        spec = comma == std::string_view::npos ? std::string_view{} : spec.substr(comma + 1);
        if (comma != std::string_view::npos && spec.empty())
            return std::nullopt; // trailing comma
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            return std::nullopt;
        const auto cls = pageClassFromName(item.substr(0, eq));
        const std::string_view num = item.substr(eq + 1);
        unsigned value = 0;
        const auto r = std::from_chars(num.data(), num.data() + num.size(), value);
        if (!cls || num.empty() || r.ec != std::errc{} || r.ptr != num.data() + num.size() || value > 1000000)
            return std::nullopt;
        shares[*cls] = value;
    }
    if (shares.total() == 0)
        return std::nullopt;
    return shares;
}

std::string MixShares::toString() const {
    std::string s;
    for (PageClass c : kAllPageClasses) {
        if (!s.empty())
            s += ',';
        s += pageClassName(c);
        s += '=';
        s += std::to_string((*this)[c]);
    }
    return s;
}

PageMix::PageMix(const PageCorpus& corpus, const MixShares& shares, std::uint64_t seed, bool variation)
    : m_corpus(&corpus), m_shares(shares), m_seed(seed), m_variation(variation) {
    for (PageClass c : {PageClass::Text, PageClass::Binary, PageClass::Heap})
        if (corpus.pageCount(c) == 0)
            m_shares[c] = 0;
}

namespace {
std::uint64_t pageHash(std::uint64_t seed, std::uint64_t index) { return splitmix64(splitmix64(seed) ^ index); }
} // namespace

PageClass PageMix::classOf(std::uint64_t index) const {
    const unsigned total = m_shares.total();
    if (total == 0)
        return PageClass::Zero;
    std::uint64_t r = below(pageHash(m_seed, index), total);
    for (PageClass c : kAllPageClasses) {
        if (r < m_shares[c])
            return c;
        r -= m_shares[c];
    }
    return PageClass::Zero; // not reached
}

PageClass PageMix::fill(MutablePage page, std::uint64_t index) const {
    const PageClass cls = classOf(index);
    const std::uint64_t h = splitmix64(pageHash(m_seed, index) ^ 0xC1A55ull);
    switch (cls) {
    case PageClass::Zero:
        std::fill(page.begin(), page.end(), std::byte{0});
        return cls;
    case PageClass::Random: {
        std::uint64_t x = h;
        for (std::size_t i = 0; i < kPageSize; i += sizeof x) {
            x += kGolden;
            const std::uint64_t v = splitmix64(x);
            std::memcpy(page.data() + i, &v, sizeof v);
        }
        return cls;
    }
    case PageClass::Text:
    case PageClass::Binary:
    case PageClass::Heap: break;
    }
    const ConstPage src = m_corpus->page(cls, below(h, m_corpus->pageCount(cls)));
    std::memcpy(page.data(), src.data(), kPageSize);
    if (!m_variation)
        return cls;
    const std::size_t at = below(h >> 17, kPageSize / 8) * 8;
    if (cls == PageClass::Text) {
        // Hex digits of the index keep the page printable.
        static constexpr char kHex[] = "0123456789abcdef";
        for (std::size_t i = 0; i < 8; ++i)
            page[at + i] = static_cast<std::byte>(kHex[(index >> (4 * (7 - i))) & 0xF]);
    } else {
        const std::uint64_t mask = splitmix64(index ^ m_seed) | 1;
        std::uint64_t v;
        std::memcpy(&v, page.data() + at, sizeof v);
        v ^= mask;
        std::memcpy(page.data() + at, &v, sizeof v);
    }
    return cls;
}

// ------------------------------------------------------------------------------------------
// WorkloadProcess
// ------------------------------------------------------------------------------------------

namespace {

// Builds a heap that looks like a real program's: word-count dicts, lists of strings, tuples,
// small objects with attribute dicts, ints and floats, a few bytes buffers; then reports
// "ready <pid> <bytes>" and blocks on stdin (EOF = parent gone or done: exit).
constexpr const char* kPythonHeapScript = R"PY(
import os, sys, random
target = int(sys.argv[1]) * 1024 * 1024
rnd = random.Random(1)
words = []
for path in sys.argv[2:]:
    try:
        with open(path, 'r', encoding='utf-8', errors='replace') as fh:
            words.extend(fh.read().split())
    except OSError:
        pass
    if len(words) > 1500000:
        break
if not words:
    words = ['swap', 'tier', 'zswap', 'cgroup', 'page', 'slot', 'cluster', 'device']
class Record:
    def __init__(self, name, count, tags):
        self.name = name
        self.count = count
        self.tags = tags
        self.score = count * 0.75
keep = []
size = 0
counts = {}
while size < target:
    kind = rnd.randrange(6)
    if kind == 0:
        d = {}
        for _ in range(rnd.randrange(4, 40)):
            w = rnd.choice(words)
            d[w] = d.get(w, 0) + 1
        keep.append(d); size += sys.getsizeof(d) + 64 * len(d)
    elif kind == 1:
        n = rnd.randrange(5, 60)
        s = ' '.join(rnd.choice(words) for _ in range(n))
        keep.append(s); size += sys.getsizeof(s)
    elif kind == 2:
        l = [rnd.choice(words) + str(rnd.randrange(1000)) for _ in range(rnd.randrange(3, 30))]
        keep.append(l); size += sys.getsizeof(l) + 56 * len(l)
    elif kind == 3:
        r = Record(rnd.choice(words), rnd.randrange(100000), (rnd.choice(words), rnd.choice(words)))
        keep.append(r); size += 300
    elif kind == 4:
        t = tuple(rnd.random() * 1000 for _ in range(rnd.randrange(2, 20)))
        keep.append(t); size += sys.getsizeof(t) + 24 * len(t)
    else:
        w = rnd.choice(words)
        counts[w] = counts.get(w, 0) + 1
        size += 8
print('ready', os.getpid(), size, flush=True)
sys.stdin.read()
)PY";

Error spawnError(int err) { return Error::of(Errc::IoError).file("python3").os(err); }

} // namespace

Result<std::unique_ptr<WorkloadProcess>> WorkloadProcess::startPython(std::vector<std::string> textFiles,
                                                                      unsigned targetMiB, int timeoutMs) {
    if (textFiles.empty()) {
        textFiles = PageCorpus::defaultTextFiles();
        seededShuffle(textFiles, 1);
        if (textFiles.size() > 300)
            textFiles.resize(300);
    }
    int in[2];
    int out[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return spawnError(errno);
    if (::pipe2(out, O_CLOEXEC) != 0) {
        const int err = errno;
        ::close(in[0]);
        ::close(in[1]);
        return spawnError(err);
    }
    std::unique_ptr<WorkloadProcess> proc(new WorkloadProcess);
    proc->m_stdinFd = in[1];
    proc->m_stdoutFd = out[0];
    Fd childIn(in[0]);
    Fd childOut(out[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, childIn.get(), STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, childOut.get(), STDOUT_FILENO);

    std::vector<std::string> args{"python3", "-c", kPythonHeapScript, std::to_string(targetMiB)};
    args.insert(args.end(), textFiles.begin(), textFiles.end());
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    pid_t child = -1;
    const int rc = ::posix_spawnp(&child, "python3", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return spawnError(rc);
    proc->m_pid = child; // replaced by the interpreter's own pid below
    proc->m_childPid = child;
    childIn.reset();
    childOut.reset();

    // Wait for "ready <pid> <bytes>\n".
    std::string line;
    while (line.find('\n') == std::string::npos) {
        pollfd p{proc->m_stdoutFd, POLLIN, 0};
        const int pr = ::poll(&p, 1, timeoutMs);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0)
            return spawnError(pr == 0 ? ETIMEDOUT : errno);
        char buf[256];
        const ssize_t n = ::read(proc->m_stdoutFd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return spawnError(n == 0 ? ECHILD : errno); // exited before becoming ready
        line.append(buf, static_cast<std::size_t>(n));
    }
    long long pid = 0;
    unsigned long long bytes = 0;
    if (std::sscanf(line.c_str(), "ready %lld %llu", &pid, &bytes) != 2 || pid <= 0)
        return spawnError(EPROTO);
    proc->m_pid = static_cast<pid_t>(pid);
    proc->m_reportedBytes = bytes;
    return proc;
}

WorkloadProcess::~WorkloadProcess() {
    if (m_stdinFd >= 0)
        ::close(m_stdinFd); // the interpreter exits on EOF, even if it is not our direct child
    if (m_stdoutFd >= 0)
        ::close(m_stdoutFd);
    if (m_childPid > 0) {
        ::kill(m_childPid, SIGKILL);
        int status = 0;
        while (::waitpid(m_childPid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

} // namespace swaptier
