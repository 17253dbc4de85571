// SPDX-License-Identifier: GPL-3.0-or-later
// PosixEnv against a real filesystem: whole-buffer round trips (buffered and O_DIRECT, aligned
// and unaligned caller buffers, transfers larger than the bounce buffer), short reads at end
// of file, errno mapping (EEXIST -> Exists, ENOSPC -> NoSpace via /dev/full, ENOENT/EISDIR ->
// IoError) with path and offset, punch hole really releasing blocks, allocate, truncate,
// concurrent I/O on one file, and the monotonic clock.
// moc (Qt 6.4) cannot parse GCC 12's <concepts>: keep engine headers out of moc's sight.
#ifndef Q_MOC_RUN
#include "swaptier/env.h"
#endif

#include <QByteArray>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace swaptier;

namespace {

constexpr std::uint64_t kNoOffset = ~std::uint64_t{0};

QTemporaryDir makeScratchDir() {
    const QByteArray base = qgetenv("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(QString::fromLocal8Bit(base));
        return QTemporaryDir(QString::fromLocal8Bit(base) + QStringLiteral("/tst_posixenv-XXXXXX"));
    }
    return QTemporaryDir();
}

std::string pathIn(const QTemporaryDir& dir, const char* name) {
    return (dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
}

std::vector<std::byte> randomBytes(std::size_t n, std::uint64_t seed) {
    std::vector<std::byte> v(n);
    std::mt19937_64 rng(seed);
    for (auto& b : v)
        b = std::byte(rng() & 0xFF);
    return v;
}

/// A buffer whose data() is deliberately misaligned by `skew` bytes from a 4096 boundary.
struct SkewedBuffer {
    SkewedBuffer(std::size_t n, std::size_t skew) : storage(n + 8192) {
        auto base = reinterpret_cast<std::uintptr_t>(storage.data());
        const std::size_t pad = (4096 - base % 4096) % 4096 + skew;
        ptr = storage.data() + pad;
        size = n;
    }
    std::span<std::byte> span() { return {ptr, size}; }
    std::vector<std::byte> storage;
    std::byte* ptr;
    std::size_t size;
};

const char* codeName(Errc c) { return errcName(c); }

} // namespace

class TestPosixEnv : public QObject {
    Q_OBJECT

private slots:
    void init();
    void roundTrip_data();
    void roundTrip();
    void shortReadAtEndOfFile_data();
    void shortReadAtEndOfFile();
    void directUnalignedOffsetRefused();
    void openErrors();
    void noSpaceIsMapped();
    void punchHoleReleasesBlocks();
    void allocateReservesBlocks();
    void truncateAndSize();
    void startWritebackPushesDirtyPages();
    void removeAndExists();
    void concurrentIo();
    void clockIsMonotonic();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestPosixEnv::init() {
    m_dir = std::make_unique<QTemporaryDir>(makeScratchDir());
    QVERIFY(m_dir->isValid());
}

void TestPosixEnv::roundTrip_data() {
    QTest::addColumn<bool>("direct");
    QTest::addColumn<int>("skew");
    QTest::addColumn<int>("pages");
    for (bool direct : {false, true}) {
        for (int skew : {0, 1, 512, 4095}) {
            for (int pages : {1, 3, 65, 300}) { // 65 and 300 pages exceed the 64-page bounce buffer
                const QByteArray name = QByteArray(direct ? "direct" : "buffered") + " skew " + QByteArray::number(skew)
                                        + " pages " + QByteArray::number(pages);
                QTest::newRow(name.constData()) << direct << skew << pages;
            }
        }
    }
}

void TestPosixEnv::roundTrip() {
    QFETCH(bool, direct);
    QFETCH(int, skew);
    QFETCH(int, pages);
    const std::string path = pathIn(*m_dir, "file");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true, .direct = direct});
    QVERIFY2(file.ok(), codeName(file.code()));
    if (direct && !(*file)->directIo())
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QCOMPARE((*file)->directIo(), direct);
    QCOMPARE((*file)->path(), path);

    const std::size_t n = std::size_t(pages) * 4096;
    const auto data = randomBytes(n, std::uint64_t(pages * 31 + skew));
    SkewedBuffer out(n, std::size_t(skew));
    std::memcpy(out.ptr, data.data(), n);
    const std::uint64_t offset = 3 * 4096;
    QVERIFY((*file)->writeAt(offset, out.span()).ok());

    SkewedBuffer in(n, std::size_t(skew));
    std::memset(in.ptr, 0xAB, n);
    QVERIFY((*file)->readAt(offset, in.span()).ok());
    QVERIFY(std::memcmp(in.ptr, data.data(), n) == 0);
    QCOMPARE(*(*file)->size(), offset + n);
    // The hole before the data reads as zeros.
    SkewedBuffer head(4096, std::size_t(skew));
    QVERIFY((*file)->readAt(0, head.span()).ok());
    for (std::size_t i = 0; i < 4096; ++i)
        QCOMPARE(head.ptr[i], std::byte{0});
}

void TestPosixEnv::shortReadAtEndOfFile_data() {
    QTest::addColumn<bool>("direct");
    QTest::addColumn<quint64>("fileLength");
    QTest::addColumn<quint64>("readOffset");
    QTest::newRow("buffered, past end") << false << quint64(8192) << quint64(8192);
    QTest::newRow("buffered, straddles end") << false << quint64(8192) << quint64(4096 + 4096 / 2);
    QTest::newRow("buffered, file ends mid-page") << false << quint64(4096 + 100) << quint64(4096);
    QTest::newRow("direct, past end") << true << quint64(8192) << quint64(8192);
    QTest::newRow("direct, file ends mid-page") << true << quint64(4096 + 100) << quint64(4096);
    QTest::newRow("direct, two pages, one there") << true << quint64(4096 * 2) << quint64(4096);
}

void TestPosixEnv::shortReadAtEndOfFile() {
    QFETCH(bool, direct);
    QFETCH(quint64, fileLength);
    QFETCH(quint64, readOffset);
    const std::string path = pathIn(*m_dir, "short");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true, .direct = direct});
    QVERIFY(file.ok());
    if (direct && !(*file)->directIo())
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    QVERIFY((*file)->truncate(fileLength).ok());
    // Direct reads must be whole blocks; buffered ones may be any size.
    const std::size_t length = direct || readOffset % 4096 == 0 ? 2 * 4096 : 4096;
    SkewedBuffer buf(length, 0);
    const Status s = (*file)->readAt(readOffset, buf.span());
    QCOMPARE(s.code(), Errc::ShortIo);
    QCOMPARE(s.error().path, path);
    QCOMPARE(s.error().offset, readOffset);
}

void TestPosixEnv::directUnalignedOffsetRefused() {
    const std::string path = pathIn(*m_dir, "direct");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true, .direct = true});
    QVERIFY(file.ok());
    if (!(*file)->directIo())
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR refuses O_DIRECT");
    SkewedBuffer buf(4096, 0);
    QCOMPARE((*file)->writeAt(100, buf.span()).code(), Errc::InvalidArgument);
    QCOMPARE((*file)->writeAt(0, buf.span().first(100)).code(), Errc::InvalidArgument);
    QCOMPARE((*file)->readAt(4096 + 1, buf.span()).code(), Errc::InvalidArgument);
}

void TestPosixEnv::openErrors() {
    const std::string path = pathIn(*m_dir, "exists");
    QVERIFY(Env::posix()->open(path, {.create = true, .exclusive = true}).ok());

    auto again = Env::posix()->open(path, {.create = true, .exclusive = true});
    QCOMPARE(again.code(), Errc::Exists);
    QCOMPARE(again.error().osError, EEXIST);
    QCOMPARE(again.error().path, path);
    QVERIFY(Env::posix()->open(path, {.create = true}).ok()); // non-exclusive create opens it

    const std::string missing = pathIn(*m_dir, "missing");
    auto none = Env::posix()->open(missing, {});
    QCOMPARE(none.code(), Errc::IoError);
    QCOMPARE(none.error().osError, ENOENT);
    QCOMPARE(none.error().path, missing);
    QCOMPARE(none.error().offset, kNoOffset);
    QVERIFY(!Env::posix()->exists(missing));

    auto dir = Env::posix()->open(m_dir->path().toStdString(), {});
    QCOMPARE(dir.code(), Errc::IoError);
    QCOMPARE(dir.error().osError, EISDIR);
}

void TestPosixEnv::noSpaceIsMapped() {
    // /dev/full fails every write with ENOSPC: the real errno through the real code path.
    if (!Env::posix()->exists("/dev/full"))
        QSKIP("/dev/full is missing");
    auto file = Env::posix()->open("/dev/full", {});
    if (!file.ok())
        QSKIP("cannot open /dev/full read-write");
    SkewedBuffer buf(4096, 7);
    const Status s = (*file)->writeAt(8192, buf.span());
    QCOMPARE(s.code(), Errc::NoSpace);
    QCOMPARE(s.error().osError, ENOSPC);
    QCOMPARE(s.error().path, std::string("/dev/full"));
    QCOMPARE(s.error().offset, quint64(8192));
}

void TestPosixEnv::punchHoleReleasesBlocks() {
    const std::string path = pathIn(*m_dir, "holes");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true});
    QVERIFY(file.ok());
    File& f = **file;
    const std::size_t n = 1 << 20;
    const auto data = randomBytes(n, 5);
    QVERIFY(f.writeAt(0, data).ok());
    QVERIFY(f.sync().ok());
    const std::uint64_t before = *f.allocatedBytes();
    QVERIFY2(before >= n, qPrintable(QString::number(before)));

    const Status punched = f.punchHole(256 * 1024, 512 * 1024);
    if (!punched && punched.error().osError == EOPNOTSUPP)
        QSKIP("the filesystem under SWAPTIER_TEST_TMPDIR does not support FALLOC_FL_PUNCH_HOLE");
    QVERIFY2(punched.ok(), codeName(punched.code()));
    const std::uint64_t after = *f.allocatedBytes();
    QVERIFY2(after + 512 * 1024 <= before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QCOMPARE(*f.size(), std::uint64_t(n)); // FALLOC_FL_KEEP_SIZE

    std::vector<std::byte> back(n);
    QVERIFY(f.readAt(0, back).ok());
    QVERIFY(std::memcmp(back.data(), data.data(), 256 * 1024) == 0);
    for (std::size_t i = 256 * 1024; i < 768 * 1024; ++i)
        QCOMPARE(back[i], std::byte{0});
    QVERIFY(std::memcmp(back.data() + 768 * 1024, data.data() + 768 * 1024, n - 768 * 1024) == 0);
}

void TestPosixEnv::allocateReservesBlocks() {
    const std::string path = pathIn(*m_dir, "alloc");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true});
    QVERIFY(file.ok());
    QCOMPARE(*(*file)->allocatedBytes(), std::uint64_t(0));
    QVERIFY((*file)->allocate(0, 1 << 20).ok());
    QVERIFY(*(*file)->allocatedBytes() >= std::uint64_t(1 << 20));
    QCOMPARE(*(*file)->size(), std::uint64_t(1 << 20));
}

void TestPosixEnv::truncateAndSize() {
    const std::string path = pathIn(*m_dir, "trunc");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true});
    QVERIFY(file.ok());
    QCOMPARE(*(*file)->size(), std::uint64_t(0));
    QVERIFY((*file)->truncate(40960).ok());
    QCOMPARE(*(*file)->size(), std::uint64_t(40960));
    QCOMPARE(*(*file)->allocatedBytes(), std::uint64_t(0)); // sparse
    QVERIFY((*file)->truncate(4096).ok());
    QCOMPARE(*(*file)->size(), std::uint64_t(4096));
    QVERIFY((*file)->sync().ok());
}

// sync_file_range(SYNC_FILE_RANGE_WRITE) on a buffered file: a range, the whole file (length
// 0), the data unchanged; a range past off_t is refused naming the file; a direct file has
// nothing to push.
void TestPosixEnv::startWritebackPushesDirtyPages() {
    const std::string path = pathIn(*m_dir, "behind");
    auto file = Env::posix()->open(path, {.create = true, .exclusive = true});
    QVERIFY(file.ok());
    File& f = **file;
    QVERIFY(!f.directIo());
    std::vector<std::byte> data(1 << 20);
    for (std::size_t i = 0; i < data.size(); ++i)
        data[i] = std::byte(i * 131 % 251);
    QVERIFY(f.writeAt(0, data).ok());
    const Status range = f.startWriteback(0, 512 * 1024);
    QVERIFY2(range.ok(), codeName(range.code()));
    QVERIFY(f.startWriteback(512 * 1024, 0).ok());
    std::vector<std::byte> back(data.size());
    QVERIFY(f.readAt(0, back).ok());
    QVERIFY(back == data);
    const Status bad = f.startWriteback(~0ull - 4096, 8192);
    QCOMPARE(bad.code(), Errc::InvalidArgument);
    QCOMPARE(bad.error().path, path);

    auto direct = Env::posix()->open(pathIn(*m_dir, "behind-direct"), {.create = true, .direct = true});
    QVERIFY(direct.ok());
    QVERIFY((*direct)->startWriteback(0, 0).ok());
}

void TestPosixEnv::removeAndExists() {
    const std::string path = pathIn(*m_dir, "gone");
    QVERIFY(!Env::posix()->exists(path));
    QVERIFY(Env::posix()->open(path, {.create = true}).ok());
    QVERIFY(Env::posix()->exists(path));
    QVERIFY(Env::posix()->remove(path).ok());
    QVERIFY(!Env::posix()->exists(path));
    const Status again = Env::posix()->remove(path);
    QCOMPARE(again.code(), Errc::IoError);
    QCOMPARE(again.error().osError, ENOENT);
    QCOMPARE(again.error().path, path);
}

void TestPosixEnv::concurrentIo() {
    // Four threads write and verify their own pages of one direct file, through unaligned
    // buffers (the per-thread bounce buffers must not mix).
    const std::string path = pathIn(*m_dir, "shared");
    auto opened = Env::posix()->open(path, {.create = true, .exclusive = true, .direct = true});
    QVERIFY(opened.ok());
    File& f = **opened;
    constexpr int kThreads = 4, kPages = 200;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            SkewedBuffer out(4096, std::size_t(1 + t)), in(4096, std::size_t(3 + t));
            for (int round = 0; round < 3; ++round) {
                for (int p = 0; p < kPages; ++p) {
                    const auto page = std::uint64_t(p * kThreads + t);
                    std::memset(out.ptr, (t * 37 + p + round) & 0xFF, 4096);
                    std::memcpy(out.ptr, &page, sizeof page);
                    if (!f.writeAt(page * 4096, out.span()).ok())
                        ++failures;
                }
                for (int p = 0; p < kPages; ++p) {
                    const auto page = std::uint64_t(p * kThreads + t);
                    if (!f.readAt(page * 4096, in.span()).ok()) {
                        ++failures;
                        continue;
                    }
                    std::uint64_t tag;
                    std::memcpy(&tag, in.ptr, sizeof tag);
                    if (tag != page || in.ptr[4095] != std::byte((t * 37 + p + round) & 0xFF))
                        ++failures;
                }
            }
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
}

void TestPosixEnv::clockIsMonotonic() {
    std::uint64_t last = Env::posix()->nowNanos();
    QVERIFY(last > 0);
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t now = Env::posix()->nowNanos();
        QVERIFY(now >= last);
        last = now;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    QVERIFY(Env::posix()->nowNanos() - last >= 2'000'000);
}

QTEST_APPLESS_MAIN(TestPosixEnv)
#include "tst_posixenv.moc"
