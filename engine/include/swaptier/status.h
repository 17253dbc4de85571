// SPDX-License-Identifier: GPL-3.0-or-later
// Errors are values. The engine never throws across its API and never produces user-facing
// text: an Error carries a code plus the facts an upper layer needs to say what and where
// (slot, device, file path, byte offset, errno). services/ turns them into translated text.
#pragma once

#include "swaptier/ids.h"

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace swaptier {

enum class Errc : std::uint8_t {
    Ok = 0,
    UnknownSlot,     ///< the slot id was never allocated (or its cluster has been released)
    FreedSlot,       ///< the slot id lies in a live cluster but its entry is free
    BackendFull,     ///< no backend could take the page (pool refused, every device full)
    PoolLimit,       ///< the compressed pool is over its limit (or in accept-threshold hysteresis)
    NoDevice,        ///< no swapfile device is available for the operation
    UnknownDevice,   ///< the device id does not name a live device
    DeviceFull,      ///< the named device has no free slot
    IoError,         ///< a read or write failed (osError holds errno)
    NoSpace,         ///< the filesystem under a swapfile is full (ENOSPC)
    CorruptData,     ///< stored bytes failed their checksum or could not be decompressed
    ShortIo,         ///< a read or write transferred fewer bytes than asked (truncated file)
    InvalidArgument, ///< an argument is out of range or malformed
    Busy,            ///< the entry is being moved by another thread; retry later
    Cancelled,       ///< a long operation was cancelled by its caller
    Exists,          ///< a path exists and is not a swaptier swapfile: refused, nothing overwritten
    LimitExceeded,   ///< a cgroup limit refused the store (Error::cgroup; Error::path names the limit,
                     ///< "memory.swap.max", "memory.zswap.max", "memory.zswap.writeback" or "tiers")
};

/// Stable machine name of an error code ("freed-slot"), for logs, JSON and tests.
const char* errcName(Errc code);

struct Error {
    Errc code = Errc::Ok;
    int osError = 0;                           ///< errno of the failing system call, 0 if none
    SlotId slot;                               ///< slot concerned, if any
    DeviceId device;                           ///< device concerned, if any
    std::uint64_t offset = ~std::uint64_t{0};  ///< byte offset in the file, if any
    std::string path;                          ///< file concerned, if any (a policy field for LimitExceeded)
    CgroupId cgroup;                           ///< cgroup concerned (LimitExceeded)

    static Error of(Errc c) { Error e; e.code = c; return e; }
    Error& at(SlotId s) { slot = s; return *this; }
    Error& on(DeviceId d) { device = d; return *this; }
    Error& file(std::string p, std::uint64_t off = ~std::uint64_t{0}) { path = std::move(p); offset = off; return *this; }
    Error& os(int err) { osError = err; return *this; }
};

/// Result<T>: a value or an Error. Result<void> (alias Status) carries only success or an Error.
template<class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    const Error& error() const { return std::get<1>(m_v); }
    Errc code() const { return ok() ? Errc::Ok : error().code; }

private:
    std::variant<T, Error> m_v;
};

template<>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_error.code == Errc::Ok; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }
    Errc code() const { return m_error.code; }

private:
    Error m_error;
};

using Status = Result<void>;

} // namespace swaptier
