// SPDX-License-Identifier: GPL-3.0-or-later
// Page corpus: 4 KiB pages with real bytes, so that compression in tests, benchmarks and the
// demo workload is real compression of realistic data, not of synthetic patterns.
//
// A PageCorpus holds the Text, Binary and Heap pages it loaded (the page classes are listed in
// pageclass.h); a PageMix (pagemix.h) turns a corpus into an endless, deterministic page
// sequence: page `index` of seed `seed` always has the same class and the same bytes (for the
// same corpus), so a workload can regenerate the expected bytes of any page instead of keeping
// a copy. Heap pages come from captureHeap() (heapcapture.h), usually of a WorkloadProcess
// (workloadprocess.h).
//
// This header includes those four, so including it alone gives the whole workload API.
//
// This is workload generation, not the engine's storage path: it reads files and /proc
// directly with POSIX calls and is not routed through Env.
//
// Thread safety: a PageCorpus is not synchronised while it is being loaded; once loaded, its
// const methods (and PageMix, which only reads it) may be used from any number of threads.
#pragma once

#include "swaptier/engine.h"
#include "swaptier/heapcapture.h"
#include "swaptier/pageclass.h"
#include "swaptier/pagemix.h"        // not needed here: part of the workload API (see above)
#include "swaptier/status.h"
#include "swaptier/workloadprocess.h" // not needed here: part of the workload API (see above)

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace swaptier {

/// What PageCorpus::load() reads. Empty file lists mean the Debian defaults.
struct CorpusOptions {
    std::vector<std::string> textFiles;    ///< empty: PageCorpus::defaultTextFiles()
    std::vector<std::string> binaryFiles;  ///< empty: PageCorpus::defaultBinaryFiles()
    std::size_t maxTextPages = 2048;       ///< 8 MiB of text
    std::size_t maxBinaryPages = 2048;     ///< 8 MiB of library pages
    std::size_t maxPagesPerBinary = 32;    ///< at most this many pages from one library (spread)
    std::uint64_t seed = 1;                ///< which files, and which parts of them, are taken
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

} // namespace swaptier
