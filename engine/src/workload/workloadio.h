// SPDX-License-Identifier: GPL-3.0-or-later
// POSIX file helpers shared by the workload files (pagecorpus.cpp, heapcapture.cpp,
// workloadprocess.cpp): an owning file descriptor, reading regular and procfs files, IoError
// values naming the path, and appending a page to a page store.
//
// Why not Env: workload generation reads files and /proc directly, it is not the engine's
// storage path (see pagecorpus.h).
#pragma once

#include "swaptier/status.h"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace swaptier::workload {

/// IoError naming `path`, with errno `err` in osError.
Error fileError(const std::string& path, int err);

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
Result<OpenFile> openRegular(const std::string& path);

/// Reads up to buf.size() bytes at offset (fewer only at end of file). Returns the count.
Result<std::size_t> readAt(int fd, const std::string& path, std::uint64_t offset, std::span<std::byte> buf);

/// Reads a whole (possibly size-less, e.g. procfs) file as text.
Result<std::string> readAll(const std::string& path);

/// Appends one kPageSize page to `store`: `bytes` (at most a page), zero-padded.
void appendPage(std::vector<std::byte>& store, std::span<const std::byte> bytes);

} // namespace swaptier::workload
