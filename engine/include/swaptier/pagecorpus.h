// SPDX-License-Identifier: GPL-3.0-or-later
// Page corpus: 4 KiB pages with real bytes, so that compression in tests, benchmarks and the
// demo workload is real compression of realistic data, not of synthetic patterns.
//
// Page classes (see limits.md for what each compresses to):
//   Zero    all-zero pages (the zero backend; generated, never stored)
//   Text    cut from real text files: licences, copyright files, uncompressed man/info pages
//   Binary  cut from shared libraries, page-aligned as they would be mapped
//   Random  from a seeded PRNG: incompressible, the pool stores them raw (generated)
//   Heap    the anonymous writable memory of a running process ([heap] and anonymous rw-p
//           mappings), read through process_vm_readv or /proc/PID/mem
//
// A PageCorpus holds the Text, Binary and Heap pages it loaded; a PageMix turns a corpus into
// an endless, deterministic page sequence: page `index` of seed `seed` always has the same
// class and the same bytes (for the same corpus), so a workload can regenerate the expected
// bytes of any page instead of keeping a copy.
//
// This is workload generation, not the engine's storage path: it reads files and /proc
// directly with POSIX calls and is not routed through Env.
//
// Thread safety: a PageCorpus is not synchronised while it is being loaded; once loaded, its
// const methods (and PageMix, which only reads it) may be used from any number of threads.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/ids.h"
#include "swaptier/status.h"

#include <sys/types.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace swaptier {

enum class PageClass : std::uint8_t {
    Zero = 0,
    Text = 1,
    Binary = 2,
    Random = 3,
    Heap = 4,
};
inline constexpr std::size_t kPageClassCount = 5;
inline constexpr std::array<PageClass, kPageClassCount> kAllPageClasses = {
    PageClass::Zero, PageClass::Text, PageClass::Binary, PageClass::Random, PageClass::Heap};

/// Stable machine name ("zero", "text", "binary", "random", "heap").
const char* pageClassName(PageClass pageClass);
std::optional<PageClass> pageClassFromName(std::string_view name);

/// What PageCorpus::load() reads. Empty file lists mean the Debian defaults.
struct CorpusOptions {
    std::vector<std::string> textFiles;    ///< empty: PageCorpus::defaultTextFiles()
    std::vector<std::string> binaryFiles;  ///< empty: PageCorpus::defaultBinaryFiles()
    std::size_t maxTextPages = 2048;       ///< 8 MiB of text
    std::size_t maxBinaryPages = 2048;     ///< 8 MiB of library pages
    std::size_t maxPagesPerBinary = 32;    ///< at most this many pages from one library (spread)
    std::uint64_t seed = 1;                ///< which files, and which parts of them, are taken
};

/// One line of /proc/PID/maps.
struct MemoryRegion {
    std::uint64_t start = 0;
    std::uint64_t end = 0;
    std::string perms;  ///< "rw-p"
    std::string name;   ///< pathname, "[heap]", "[stack]", or empty for anonymous memory

    /// [heap] or an anonymous private writable mapping: what the kernel would swap.
    bool isAnonymousWritable() const;
};

/// Parses /proc/PID/maps text (malformed lines are skipped).
std::vector<MemoryRegion> parseMemoryMaps(std::string_view mapsText);

struct HeapCaptureOptions {
    std::size_t maxPages = 4096;  ///< pages kept at most, spread over the whole address range
    bool skipZeroPages = true;    ///< drop all-zero pages (the kernel would store them as zero entries)
};

/// 4 KiB pages of real data, grouped by class. Movable, not copyable (it can be large).
class PageCorpus {
public:
    PageCorpus() = default;
    PageCorpus(PageCorpus&&) noexcept = default;
    PageCorpus& operator=(PageCorpus&&) noexcept = default;
    PageCorpus(const PageCorpus&) = delete;
    PageCorpus& operator=(const PageCorpus&) = delete;

    /// Text and binary pages from the given or default files. Unreadable default files are
    /// skipped; unreadable files the options name are an error (IoError with path and errno).
    /// Deterministic for the same files and options.seed.
    static Result<PageCorpus> load(const CorpusOptions& options = {});

    /// Pages from user-named files, at most maxPages in all. Each file is classified by its
    /// contents (Text if its first page is printable-heavy, Binary otherwise). An unreadable
    /// file is an IoError naming the path, with errno in osError.
    static Result<PageCorpus> fromFiles(const std::vector<std::string>& paths, std::size_t maxPages);

    /// /usr/share/common-licenses/*, /usr/share/doc/*/copyright, uncompressed man and info pages.
    /// Regular readable files only, sorted.
    static std::vector<std::string> defaultTextFiles();
    /// Shared libraries under /usr/lib/x86_64-linux-gnu and /lib/x86_64-linux-gnu (*.so*). Sorted.
    static std::vector<std::string> defaultBinaryFiles();

    /// Appends text files as one byte stream cut into whole pages (no padding between files).
    /// Returns the number of pages added. Stops at maxPages added pages.
    Result<std::size_t> addTextFiles(const std::vector<std::string>& paths, std::size_t maxPages,
                                     bool skipUnreadable = false);
    /// Appends page-aligned pages of each file (at most perFile, from a seeded start page;
    /// the last partial page zero-padded as a mapping would show it). Stops at maxPages.
    Result<std::size_t> addBinaryFiles(const std::vector<std::string>& paths, std::size_t maxPages,
                                       std::size_t perFile, std::uint64_t seed, bool skipUnreadable = false);
    /// Adds the anonymous writable memory of process `pid` as Heap pages. Returns the number
    /// of pages added. IoError (path "/proc/PID/maps" or "/proc/PID/mem", errno in osError)
    /// if the process does not exist or may not be read (ptrace access mode, seccomp).
    Result<std::size_t> captureHeap(pid_t pid, const HeapCaptureOptions& options = {});
    /// Adds one page of the given class (Text, Binary or Heap; InvalidArgument otherwise).
    Status addPage(PageClass pageClass, ConstPage page);

    /// Stored pages of a class (always 0 for Zero and Random, which are generated).
    std::size_t pageCount(PageClass pageClass) const;
    ConstPage page(PageClass pageClass, std::size_t i) const;
    std::size_t totalPages() const;

private:
    std::vector<std::byte>& storage(PageClass pageClass);
    const std::vector<std::byte>& storage(PageClass pageClass) const;

    std::vector<std::byte> m_text;
    std::vector<std::byte> m_binary;
    std::vector<std::byte> m_heap;
};

/// Relative weights of the page classes in a PageMix (any scale; percentages read best).
struct MixShares {
    std::array<unsigned, kPageClassCount> weights{20, 40, 25, 15, 0};

    unsigned& operator[](PageClass c) { return weights[static_cast<std::size_t>(c)]; }
    unsigned operator[](PageClass c) const { return weights[static_cast<std::size_t>(c)]; }
    unsigned total() const;
    /// Share of a class in [0, 1].
    double fraction(PageClass c) const;
    /// "zero=20,text=40,binary=25,random=15,heap=0" (missing classes get 0); nullopt if malformed.
    static std::optional<MixShares> parse(std::string_view spec);
    std::string toString() const;
};

/// Deterministic page generator over a corpus: page `index` gets a class drawn with the shares
/// from hash(seed, index) and a page of that class (a corpus page chosen by the same hash, a
/// PRNG page, or zeros). With variation on, Text/Binary/Heap pages get 8 bytes changed from the
/// index (hex digits in text, an XOR elsewhere) so repeated corpus pages are not identical;
/// Zero pages always stay all-zero.
///
/// Classes whose corpus is empty (no Heap capture, no text files found) are dropped from the
/// shares; shares() reports what is really used. If nothing is left, every page is Zero.
/// The corpus must outlive the mix. fill() is const and may run concurrently.
class PageMix {
public:
    PageMix(const PageCorpus& corpus, const MixShares& shares, std::uint64_t seed, bool variation = true);

    PageClass classOf(std::uint64_t index) const;
    /// Writes page `index` and returns its class.
    PageClass fill(MutablePage page, std::uint64_t index) const;
    const MixShares& shares() const { return m_shares; }
    std::uint64_t seed() const { return m_seed; }

private:
    const PageCorpus* m_corpus;
    MixShares m_shares;
    std::uint64_t m_seed;
    bool m_variation;
};

/// A real child process holding a realistic heap (python3 building dicts, lists, strings and
/// objects from text files), for captureHeap(). It stays alive until destroyed (SIGKILL then
/// reaped); it also exits by itself when the parent dies (its stdin pipe closes).
class WorkloadProcess {
public:
    /// Starts `python3` with a heap of about targetMiB built from textFiles (default text files
    /// if empty) and waits up to timeoutMs for it to report ready. IoError with path "python3"
    /// if it cannot be started or does not become ready.
    static Result<std::unique_ptr<WorkloadProcess>> startPython(std::vector<std::string> textFiles = {},
                                                                unsigned targetMiB = 32, int timeoutMs = 60000);
    ~WorkloadProcess();
    WorkloadProcess(const WorkloadProcess&) = delete;
    WorkloadProcess& operator=(const WorkloadProcess&) = delete;

    /// The process whose heap to capture (the python interpreter itself).
    pid_t pid() const { return m_pid; }
    /// Bytes of heap the workload reported building (its own estimate).
    std::uint64_t reportedBytes() const { return m_reportedBytes; }

private:
    WorkloadProcess() = default;

    pid_t m_pid = -1;       ///< the interpreter (reported by itself)
    pid_t m_childPid = -1;  ///< what we spawned (the same process unless a launcher forked)
    int m_stdinFd = -1;
    int m_stdoutFd = -1;
    std::uint64_t m_reportedBytes = 0;
};

} // namespace swaptier
