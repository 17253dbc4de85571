// SPDX-License-Identifier: GPL-3.0-or-later
// FaultInjectionEnv: see faultinjectionenv.h. The rules live in one State shared (by
// shared_ptr) with every FaultFile, guarded by one mutex: tests are not about speed, and a
// single lock makes "fail the next N" exact under concurrency. Counters are relaxed atomics.
#include "faultinjectionenv.h"

#include "env/oserror.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <mutex>
#include <optional>
#include <thread>

namespace swaptier::testing {

struct FaultInjectionEnv::State {
    /// One "fail the next N calls with errno E" rule. remaining: 0 off, > 0 calls left, < 0 forever.
    struct Rule {
        int err = 0;
        std::int64_t remaining = 0;

        /// Consumes one firing if the rule is active; returns its errno (0 = do not fail).
        int take() {
            if (remaining == 0)
                return 0;
            if (remaining > 0)
                --remaining;
            return err;
        }
    };

    mutable std::mutex mutex;
    Rule writeRule;                            // GUARDED_BY(mutex)
    Rule readRule;                             // GUARDED_BY(mutex)
    Rule punchRule;                            // GUARDED_BY(mutex)
    Rule allocateRule;                         // GUARDED_BY(mutex)
    Rule openRule;                             // GUARDED_BY(mutex)
    Rule startWritebackRule;                   // GUARDED_BY(mutex)
    std::int64_t shortWrites = 0;              // GUARDED_BY(mutex), same convention as Rule
    std::optional<std::uint64_t> diskBudget;   // GUARDED_BY(mutex), bytes the disk still takes
    std::atomic<bool> directSupported{true};
    std::atomic<std::int64_t> readDelayUs{0}, writeDelayUs{0}, punchDelayUs{0};

    std::atomic<std::uint64_t> opens{0}, removes{0}, reads{0}, writes{0}, punchHoleCalls{0}, allocateCalls{0},
        truncates{0}, syncs{0}, startWritebacks{0}, bytesWritten{0}, injected{0};

    static void pause(const std::atomic<std::int64_t>& us) {
        if (const std::int64_t d = us.load(std::memory_order_relaxed); d > 0)
            std::this_thread::sleep_for(std::chrono::microseconds(d));
    }

    static void bump(std::atomic<std::uint64_t>& c, std::uint64_t n = 1) { c.fetch_add(n, std::memory_order_relaxed); }

    /// errno to fail with for a rule, counting the injection.
    int fire(Rule State::*rule) {
        std::lock_guard lock(mutex);
        const int err = (this->*rule).take();
        if (err != 0)
            bump(injected);
        return err;
    }
};

namespace {

class FaultFile final : public File {
public:
    FaultFile(std::unique_ptr<File> base, std::shared_ptr<FaultInjectionEnv::State> state)
        : m_base(std::move(base)), m_state(std::move(state)) {}

    Status readAt(std::uint64_t offset, std::span<std::byte> buf) override {
        FaultInjectionEnv::State::bump(m_state->reads);
        FaultInjectionEnv::State::pause(m_state->readDelayUs);
        if (int err = m_state->fire(&FaultInjectionEnv::State::readRule))
            return env::osError(err, path(), offset);
        return m_base->readAt(offset, buf);
    }

    Status writeAt(std::uint64_t offset, std::span<const std::byte> data) override {
        FaultInjectionEnv::State& s = *m_state;
        FaultInjectionEnv::State::bump(s.writes);
        FaultInjectionEnv::State::pause(s.writeDelayUs);
        std::size_t allowed = data.size();
        Error failure;
        {
            std::lock_guard lock(s.mutex);
            if (int err = s.writeRule.take()) {
                FaultInjectionEnv::State::bump(s.injected);
                return env::osError(err, path(), offset);
            }
            if (s.shortWrites != 0) {
                if (s.shortWrites > 0)
                    --s.shortWrites;
                allowed = alignDown(data.size() / 2);
                failure = env::shortIo(path(), offset);
            }
            if (s.diskBudget && *s.diskBudget < allowed) {
                allowed = alignDown(std::size_t(*s.diskBudget));
                failure = env::osError(ENOSPC, path(), offset);
            }
            if (s.diskBudget)
                *s.diskBudget -= allowed;
            if (failure.code != Errc::Ok)
                FaultInjectionEnv::State::bump(s.injected);
        }
        if (allowed > 0) {
            Status st = m_base->writeAt(offset, data.first(allowed));
            if (!st)
                return st;
            FaultInjectionEnv::State::bump(s.bytesWritten, allowed);
        }
        if (failure.code != Errc::Ok)
            return failure;
        return {};
    }

    Status punchHole(std::uint64_t offset, std::uint64_t length) override {
        FaultInjectionEnv::State::bump(m_state->punchHoleCalls);
        FaultInjectionEnv::State::pause(m_state->punchDelayUs);
        if (int err = m_state->fire(&FaultInjectionEnv::State::punchRule))
            return env::osError(err, path(), offset);
        return m_base->punchHole(offset, length);
    }

    Status allocate(std::uint64_t offset, std::uint64_t length) override {
        FaultInjectionEnv::State::bump(m_state->allocateCalls);
        if (int err = m_state->fire(&FaultInjectionEnv::State::allocateRule))
            return env::osError(err, path(), offset);
        return m_base->allocate(offset, length);
    }

    Status truncate(std::uint64_t length) override {
        FaultInjectionEnv::State::bump(m_state->truncates);
        return m_base->truncate(length);
    }
    Result<std::uint64_t> size() override { return m_base->size(); }
    Status sync() override {
        FaultInjectionEnv::State::bump(m_state->syncs);
        return m_base->sync();
    }
    Status startWriteback(std::uint64_t offset, std::uint64_t length) override {
        FaultInjectionEnv::State::bump(m_state->startWritebacks);
        if (int err = m_state->fire(&FaultInjectionEnv::State::startWritebackRule))
            return env::osError(err, path(), offset);
        return m_base->startWriteback(offset, length);
    }
    Result<std::uint64_t> allocatedBytes() override { return m_base->allocatedBytes(); }
    bool directIo() const override { return m_base->directIo(); }
    const std::string& path() const override { return m_base->path(); }

private:
    /// Partial direct writes must stay block-aligned or the base file refuses them.
    std::size_t alignDown(std::size_t n) const { return m_base->directIo() ? n - n % directIoAlignment() : n; }

    std::unique_ptr<File> m_base;
    std::shared_ptr<FaultInjectionEnv::State> m_state;
};

/// Opens a real file for the damage helpers (buffered, no create).
Result<int> openRaw(const std::string& path) {
    int fd;
    do
        fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return env::osError(errno, path);
    return fd;
}

} // namespace

FaultInjectionEnv::FaultInjectionEnv(Env* base) : m_base(base ? base : Env::posix()), m_state(std::make_shared<State>()) {}

FaultInjectionEnv::~FaultInjectionEnv() = default;

void FaultInjectionEnv::failWrites(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->writeRule = {err, count};
}

void FaultInjectionEnv::failReads(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->readRule = {err, count};
}

void FaultInjectionEnv::shortWrites(std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->shortWrites = count;
}

void FaultInjectionEnv::failPunchHole(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->punchRule = {err, count};
}

void FaultInjectionEnv::failAllocate(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->allocateRule = {err, count};
}

void FaultInjectionEnv::failOpen(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->openRule = {err, count};
}

void FaultInjectionEnv::failStartWriteback(int err, std::int64_t count) {
    std::lock_guard lock(m_state->mutex);
    m_state->startWritebackRule = {err, count};
}

void FaultInjectionEnv::setDiskFullAfter(std::uint64_t bytes) {
    std::lock_guard lock(m_state->mutex);
    m_state->diskBudget = bytes;
}

void FaultInjectionEnv::setDirectIoSupported(bool supported) {
    m_state->directSupported.store(supported, std::memory_order_relaxed);
}

void FaultInjectionEnv::delayReads(std::chrono::microseconds delay) {
    m_state->readDelayUs.store(delay.count(), std::memory_order_relaxed);
}

void FaultInjectionEnv::delayWrites(std::chrono::microseconds delay) {
    m_state->writeDelayUs.store(delay.count(), std::memory_order_relaxed);
}

void FaultInjectionEnv::delayPunchHole(std::chrono::microseconds delay) {
    m_state->punchDelayUs.store(delay.count(), std::memory_order_relaxed);
}

void FaultInjectionEnv::clearFaults() {
    std::lock_guard lock(m_state->mutex);
    m_state->writeRule = {};
    m_state->readRule = {};
    m_state->punchRule = {};
    m_state->allocateRule = {};
    m_state->openRule = {};
    m_state->startWritebackRule = {};
    m_state->shortWrites = 0;
    m_state->diskBudget.reset();
    m_state->directSupported.store(true, std::memory_order_relaxed);
    for (auto* d : {&m_state->readDelayUs, &m_state->writeDelayUs, &m_state->punchDelayUs})
        d->store(0, std::memory_order_relaxed);
}

FaultInjectionEnv::Counters FaultInjectionEnv::counters() const {
    const State& s = *m_state;
    constexpr auto r = std::memory_order_relaxed;
    Counters c;
    c.opens = s.opens.load(r);
    c.removes = s.removes.load(r);
    c.reads = s.reads.load(r);
    c.writes = s.writes.load(r);
    c.punchHoles = s.punchHoleCalls.load(r);
    c.allocates = s.allocateCalls.load(r);
    c.truncates = s.truncates.load(r);
    c.syncs = s.syncs.load(r);
    c.startWritebacks = s.startWritebacks.load(r);
    c.bytesWritten = s.bytesWritten.load(r);
    c.injectedFaults = s.injected.load(r);
    return c;
}

void FaultInjectionEnv::resetCounters() {
    State& s = *m_state;
    for (auto* c : {&s.opens, &s.removes, &s.reads, &s.writes, &s.punchHoleCalls, &s.allocateCalls, &s.truncates,
                    &s.syncs, &s.startWritebacks, &s.bytesWritten, &s.injected})
        c->store(0, std::memory_order_relaxed);
}

Result<std::unique_ptr<File>> FaultInjectionEnv::open(const std::string& path, const OpenOptions& options) {
    State::bump(m_state->opens);
    if (int err = m_state->fire(&State::openRule))
        return env::osError(err, path);
    OpenOptions o = options;
    o.direct = options.direct && m_state->directSupported.load(std::memory_order_relaxed);
    auto base = m_base->open(path, o);
    if (!base)
        return base.error();
    return std::unique_ptr<File>(std::make_unique<FaultFile>(std::move(base).value(), m_state));
}

Status FaultInjectionEnv::remove(const std::string& path) {
    State::bump(m_state->removes);
    return m_base->remove(path);
}

bool FaultInjectionEnv::exists(const std::string& path) { return m_base->exists(path); }

std::uint64_t FaultInjectionEnv::nowNanos() { return m_base->nowNanos(); }

Status FaultInjectionEnv::flipByte(const std::string& path, std::uint64_t offset, std::uint8_t mask) {
    auto fd = openRaw(path);
    if (!fd)
        return fd.error();
    Status result;
    unsigned char byte = 0;
    ssize_t r;
    do
        r = ::pread(*fd, &byte, 1, off_t(offset));
    while (r < 0 && errno == EINTR);
    if (r < 0)
        result = env::osError(errno, path, offset);
    else if (r == 0)
        result = env::shortIo(path, offset);
    if (result.ok()) {
        byte = static_cast<unsigned char>(byte ^ mask);
        do
            r = ::pwrite(*fd, &byte, 1, off_t(offset));
        while (r < 0 && errno == EINTR);
        if (r != 1)
            result = env::osError(r < 0 ? errno : EIO, path, offset);
        else if (::fdatasync(*fd) < 0)
            result = env::osError(errno, path, offset);
    }
    ::close(*fd);
    return result;
}

Status FaultInjectionEnv::truncateFile(const std::string& path, std::uint64_t length) {
    auto fd = openRaw(path);
    if (!fd)
        return fd.error();
    Status result;
    if (::ftruncate(*fd, off_t(length)) < 0 || ::fdatasync(*fd) < 0)
        result = env::osError(errno, path, length);
    ::close(*fd);
    return result;
}

} // namespace swaptier::testing
