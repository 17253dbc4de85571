// SPDX-License-Identifier: GPL-3.0-or-later
// POSIX file helpers of the workload files (see workloadio.h). Every failure is an IoError
// value naming the path with errno in osError, so a caller can tell which file was refused.
#include "workload/workloadio.h"

#include "swaptier/ids.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace swaptier::workload {

Error fileError(const std::string& path, int err) { return Error::of(Errc::IoError).file(path).os(err); }

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

void appendPage(std::vector<std::byte>& store, std::span<const std::byte> bytes) {
    const std::size_t at = store.size();
    store.resize(at + kPageSize, std::byte{0});
    std::memcpy(store.data() + at, bytes.data(), std::min(bytes.size(), kPageSize));
}

} // namespace swaptier::workload
