// SPDX-License-Identifier: GPL-3.0-or-later
// PosixEnv: Env::posix(), the engine's door to real files (open(2), pread/pwrite, fallocate,
// ftruncate, fdatasync, fstat) and to the monotonic clock.
//
// What it guarantees on top of the raw system calls:
//  - whole transfers: pread/pwrite are looped (EINTR retried, partial transfers continued);
//    a read that meets end of file is ShortIo, never a silently short buffer;
//  - errors as values: ENOSPC/EDQUOT -> NoSpace, EEXIST -> Exists, everything else IoError,
//    each carrying errno, the path and the byte offset of the request (env/oserror.h);
//  - direct I/O without alignment burdens on the caller's buffer: O_DIRECT needs buffers,
//    offsets and lengths aligned to the logical block size. Offsets and lengths are the
//    caller's job (the engine only moves whole pages at page offsets; others get
//    InvalidArgument), but an unaligned buffer is bounced through an aligned thread-local
//    buffer of kBounceBytes, in chunks, so no allocation happens per call;
//  - O_DIRECT is best effort: the file is opened buffered and O_DIRECT is then switched on
//    with fcntl(F_SETFL). Where the filesystem refuses it (EINVAL, e.g. tmpfs before 6.6)
//    the file stays buffered and directIo() says so. Switching with fcntl rather than
//    retrying open(O_DIRECT) matters with O_CREAT|O_EXCL: a refused O_DIRECT open may
//    already have created the file, and the retry would then fail with EEXIST.
//  - every descriptor is O_CLOEXEC.
//
// Thread safety: a PosixFile is only a descriptor plus immutable fields; pread/pwrite/
// fallocate at independent offsets are safe from any number of threads. The bounce buffer is
// per thread.
#include "env/oserror.h"
#include "swaptier/env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

namespace swaptier {
namespace {

constexpr std::size_t kAlign = File::directIoAlignment();

/// Size of the per-thread bounce buffer for unaligned direct I/O: large enough that a batch of
/// 64 pages moves in one system call, small enough to keep per thread (256 KiB).
constexpr std::size_t kBounceBytes = 64 * kPageSize;

constexpr std::uint64_t kMaxOffset = std::uint64_t(std::numeric_limits<off_t>::max());

struct FreeDeleter {
    void operator()(std::byte* p) const { std::free(p); }
};

/// This thread's aligned bounce buffer (kBounceBytes), or null if it cannot be allocated.
std::byte* bounceBuffer() {
    thread_local std::unique_ptr<std::byte, FreeDeleter> buffer{
        static_cast<std::byte*>(std::aligned_alloc(kAlign, kBounceBytes))};
    return buffer.get();
}

bool isAligned(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % kAlign == 0; }

Error invalidArgument(const std::string& path, std::uint64_t offset) {
    Error e = Error::of(Errc::InvalidArgument);
    e.file(path, offset);
    return e;
}

class PosixFile final : public File {
public:
    PosixFile(int fd, std::string path, bool direct) : m_fd(fd), m_path(std::move(path)), m_direct(direct) {}
    ~PosixFile() override { ::close(m_fd); }
    PosixFile(const PosixFile&) = delete;
    PosixFile& operator=(const PosixFile&) = delete;

    Status readAt(std::uint64_t offset, std::span<std::byte> buf) override {
        if (Status s = checkRange(offset, buf.size(), buf.data()); !s)
            return s;
        if (!m_direct || isAligned(buf.data()))
            return preadFully(offset, buf.data(), buf.size(), offset);
        std::byte* bounce = bounceBuffer();
        if (!bounce)
            return env::osError(ENOMEM, m_path, offset);
        for (std::size_t done = 0; done < buf.size();) {
            const std::size_t chunk = std::min(kBounceBytes, buf.size() - done);
            if (Status s = preadFully(offset + done, bounce, chunk, offset); !s)
                return s;
            std::memcpy(buf.data() + done, bounce, chunk);
            done += chunk;
        }
        return {};
    }

    Status writeAt(std::uint64_t offset, std::span<const std::byte> data) override {
        if (Status s = checkRange(offset, data.size(), data.data()); !s)
            return s;
        if (!m_direct || isAligned(data.data()))
            return pwriteFully(offset, data.data(), data.size(), offset);
        std::byte* bounce = bounceBuffer();
        if (!bounce)
            return env::osError(ENOMEM, m_path, offset);
        for (std::size_t done = 0; done < data.size();) {
            const std::size_t chunk = std::min(kBounceBytes, data.size() - done);
            std::memcpy(bounce, data.data() + done, chunk);
            if (Status s = pwriteFully(offset + done, bounce, chunk, offset); !s)
                return s;
            done += chunk;
        }
        return {};
    }

    Status punchHole(std::uint64_t offset, std::uint64_t length) override {
        return fallocateRange(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length);
    }

    Status allocate(std::uint64_t offset, std::uint64_t length) override {
        Status s = fallocateRange(0, offset, length);
        if (s.ok() || s.error().osError != EOPNOTSUPP)
            return s;
        // The filesystem has no fallocate: glibc's posix_fallocate writes the blocks instead.
        // It returns the error number rather than setting errno.
        int err;
        do
            err = ::posix_fallocate(m_fd, off_t(offset), off_t(length));
        while (err == EINTR);
        if (err != 0)
            return env::osError(err, m_path, offset);
        return {};
    }

    Status truncate(std::uint64_t length) override {
        if (length > kMaxOffset)
            return invalidArgument(m_path, length);
        int r;
        do
            r = ::ftruncate(m_fd, off_t(length));
        while (r < 0 && errno == EINTR);
        if (r < 0)
            return env::osError(errno, m_path, length);
        return {};
    }

    Result<std::uint64_t> size() override {
        struct stat st {};
        if (::fstat(m_fd, &st) < 0)
            return env::osError(errno, m_path);
        return std::uint64_t(st.st_size);
    }

    Status sync() override {
        int r;
        do
            r = ::fdatasync(m_fd);
        while (r < 0 && errno == EINTR);
        if (r < 0)
            return env::osError(errno, m_path);
        return {};
    }

    Status startWriteback(std::uint64_t offset, std::uint64_t length) override {
        if (m_direct)
            return {};
        if (offset > kMaxOffset || length > kMaxOffset - offset)
            return invalidArgument(m_path, offset);
        int r;
        do
            r = ::sync_file_range(m_fd, off64_t(offset), off64_t(length), SYNC_FILE_RANGE_WRITE);
        while (r < 0 && errno == EINTR);
        if (r < 0)
            return env::osError(errno, m_path, offset);
        return {};
    }

    Result<std::uint64_t> allocatedBytes() override {
        struct stat st {};
        if (::fstat(m_fd, &st) < 0)
            return env::osError(errno, m_path);
        return std::uint64_t(st.st_blocks) * 512;
    }

    bool directIo() const override { return m_direct; }
    const std::string& path() const override { return m_path; }

private:
    /// Offsets must fit off_t; with direct I/O, offsets and lengths must be block-aligned
    /// (buffers need not be: they are bounced).
    Status checkRange(std::uint64_t offset, std::size_t length, const void* buf) const {
        if (offset > kMaxOffset || length > kMaxOffset - offset || (length != 0 && buf == nullptr))
            return invalidArgument(m_path, offset);
        if (m_direct && (offset % kAlign != 0 || length % kAlign != 0))
            return invalidArgument(m_path, offset);
        return {};
    }

    /// Reads [offset, offset + length) into p. Errors name `requestOffset`, the offset the
    /// caller asked for (a chunk of a bounced transfer starts later).
    Status preadFully(std::uint64_t offset, std::byte* p, std::size_t length, std::uint64_t requestOffset) const {
        std::size_t done = 0;
        while (done < length) {
            const ssize_t r = ::pread(m_fd, p + done, length - done, off_t(offset + done));
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return env::osError(errno, m_path, requestOffset);
            }
            if (r == 0)
                return env::shortIo(m_path, requestOffset);
            done += std::size_t(r);
            // A direct read ends short only at end of file; a partial block means the file
            // ends inside the range (continuing would be an unaligned, refused, O_DIRECT read).
            if (m_direct && done < length && done % kAlign != 0)
                return env::shortIo(m_path, requestOffset);
        }
        return {};
    }

    Status pwriteFully(std::uint64_t offset, const std::byte* p, std::size_t length, std::uint64_t requestOffset) const {
        std::size_t done = 0;
        while (done < length) {
            const ssize_t r = ::pwrite(m_fd, p + done, length - done, off_t(offset + done));
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return env::osError(errno, m_path, requestOffset);
            }
            if (r == 0)
                return env::shortIo(m_path, requestOffset);
            done += std::size_t(r);
            if (m_direct && done < length && done % kAlign != 0)
                return env::shortIo(m_path, requestOffset);
        }
        return {};
    }

    Status fallocateRange(int mode, std::uint64_t offset, std::uint64_t length) const {
        if (offset > kMaxOffset || length > kMaxOffset - offset)
            return invalidArgument(m_path, offset);
        if (length == 0)
            return {};
        int r;
        do
            r = ::fallocate(m_fd, mode, off_t(offset), off_t(length));
        while (r < 0 && errno == EINTR);
        if (r < 0)
            return env::osError(errno, m_path, offset);
        return {};
    }

    const int m_fd;
    const std::string m_path;
    const bool m_direct;
};

class PosixEnv final : public Env {
public:
    Result<std::unique_ptr<File>> open(const std::string& path, const OpenOptions& options) override {
        int flags = O_RDWR | O_CLOEXEC;
        if (options.create)
            flags |= O_CREAT;
        if (options.create && options.exclusive)
            flags |= O_EXCL;
        int fd;
        do
            fd = ::open(path.c_str(), flags, 0600);
        while (fd < 0 && errno == EINTR);
        if (fd < 0)
            return env::osError(errno, path);

        bool direct = false;
        if (options.direct) {
            const int fl = ::fcntl(fd, F_GETFL);
            if (fl >= 0 && ::fcntl(fd, F_SETFL, fl | O_DIRECT) == 0) {
                direct = true;
            } else if (errno != EINVAL) {
                const int err = errno;
                ::close(fd);
                return env::osError(err, path);
            }
            // EINVAL: the filesystem does not do direct I/O; stay buffered.
        }
        return std::unique_ptr<File>(std::make_unique<PosixFile>(fd, path, direct));
    }

    Status remove(const std::string& path) override {
        if (::unlink(path.c_str()) < 0)
            return env::osError(errno, path);
        return {};
    }

    bool exists(const std::string& path) override {
        struct stat st {};
        return ::lstat(path.c_str(), &st) == 0;
    }

    std::uint64_t nowNanos() override {
        return std::uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::steady_clock::now().time_since_epoch())
                                 .count());
    }
};

} // namespace

Env* Env::posix() {
    static PosixEnv* env = new PosixEnv; // never destroyed: files may be closed after main()
    return env;
}

} // namespace swaptier
