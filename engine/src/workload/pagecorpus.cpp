// SPDX-License-Identifier: GPL-3.0-or-later
// PageCorpus: loading real page contents for workloads (see pagecorpus.h): the default text
// and binary corpora, user-named files, and the page store itself.
//
// What and why: the compressed pool's behaviour (ratio, size-class packing, raw objects, the
// pool limit) depends entirely on what the pages contain. Synthetic patterns compress far too
// well or not at all; limits.md measures text ~2x, libraries ~1.8-2.3x, a real heap 3.6-5.8x.
// So the workload draws its pages from real files and a real process heap.
//
// Determinism: file lists are sorted, then shuffled with our own Fisher-Yates over splitmix64
// (seededhash.h); the window taken from each library is a pure function of the seed and path.
//
// Elsewhere: heap capture is in heapcapture.cpp, the page generator in pagemix.cpp, the heap
// workload process in workloadprocess.cpp.
#include "swaptier/pagecorpus.h"

#include "workload/seededhash.h"
#include "workload/workloadio.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

namespace swaptier {

using workload::appendPage;
using workload::below;
using workload::Fd;
using workload::hashString;
using workload::openRegular;
using workload::readAt;
using workload::seededShuffle;
using workload::splitmix64;

namespace {

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

} // namespace

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

} // namespace swaptier
