// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the SwapDevice tests (tst_swapdevice.cpp, tst_swapdevicefaults.cpp): a
// scratch swapfile path, device options and opening, deterministic incompressible pages whose
// first 8 bytes name their seed, slot offsets, and what the filesystem holds for a file.
#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

// moc (Qt 6.4) cannot parse GCC 12's C++20 standard headers: hide non-Qt includes from it.
#ifndef Q_MOC_RUN
#include "swapfile/swapdevice.h"
#include "swaptier/env.h"

#include <array>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <utility>
#endif

namespace swaptier::test {

using Page = std::array<std::byte, kPageSize>;
inline constexpr DeviceId kDev{7};

/// A scratch directory under $SWAPTIER_TEST_TMPDIR (set by ctest) or the system temp dir,
/// removed at the end of the test.
inline QTemporaryDir makeSwapDeviceScratchDir() {
    const QByteArray base = qgetenv("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(base));
        return QTemporaryDir(QString::fromLocal8Bit(base) + QStringLiteral("/tst_swapdevice-XXXXXX"));
    }
    return QTemporaryDir();
}

/// Deterministic incompressible page for `seed`; its first 8 bytes are the seed itself.
inline Page makePage(std::uint64_t seed) {
    Page p;
    std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + 1);
    for (std::size_t i = 0; i < kPageSize; i += 8) {
        const std::uint64_t v = i == 0 ? seed : rng();
        std::memcpy(p.data() + i, &v, 8);
    }
    return p;
}

/// File offset of a slot: the header takes page 0.
constexpr std::uint64_t offsetOf(std::uint64_t slot) { return (slot + 1) * kPageSize; }

inline QByteArray fileHash(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

/// Blocks the filesystem holds for a file, after flushing (delayed allocation).
inline std::uint64_t allocatedBytes(const std::string& path) {
    auto f = Env::posix()->open(path, {});
    if (!f)
        return 0;
    static_cast<void>((*f)->sync());
    auto n = (*f)->allocatedBytes();
    return n ? *n : 0;
}

inline const char* ioName(IoMode m) {
    return m == IoMode::Direct ? "direct" : m == IoMode::Buffered ? "buffered" : "auto";
}

/// A test class's swapfile: each test class inherits it (privately, after QObject), sets m_dir
/// and m_path in its init() slot and opens devices with options() and openOrFail().
class SwapDeviceFixture {
protected:
    DeviceOptions options(std::uint64_t pages, IoMode io = IoMode::Buffered, bool discard = true) const {
        DeviceOptions o;
        o.path = m_path;
        o.sizeBytes = pages * kPageSize;
        o.io = io;
        o.discard = discard;
        return o;
    }
    std::unique_ptr<swapfile::SwapDevice> openOrFail(const DeviceOptions& o, Env* env = nullptr) {
        auto dev = swapfile::SwapDevice::open(env ? env : Env::posix(), kDev, o);
        if (!dev) {
            qWarning("open failed: %s errno %d", errcName(dev.code()), dev.error().osError);
            return nullptr;
        }
        return std::move(dev).value();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::string m_path;
};

} // namespace swaptier::test
