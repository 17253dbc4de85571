// SPDX-License-Identifier: GPL-3.0-or-later
// Epoch-based reclamation: a retired object survives while a reader that could hold it is
// inside a critical section, and is deleted once every such reader has left.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "util/epoch.h"

#include <atomic>
#include <thread>
#include <vector>
#endif

using swaptier::util::Epoch;
using swaptier::util::EpochGuard;

namespace {
std::atomic<int> g_deleted{0};
void countDelete(void* p) {
    delete static_cast<int*>(p);
    ++g_deleted;
}
} // namespace

class TstEpoch : public QObject {
    Q_OBJECT

private slots:
    void init() { Epoch::global().barrier(); g_deleted = 0; }
    void deletedOnlyAfterReadersLeave();
    void nestedGuards();
    void concurrentPublishAndRetire();
};

void TstEpoch::deletedOnlyAfterReadersLeave() {
    std::atomic<bool> inside{false}, release{false};
    std::thread reader([&] {
        EpochGuard guard;
        inside = true;
        while (!release)
            std::this_thread::yield();
    });
    while (!inside)
        std::this_thread::yield();
    Epoch::global().retire(new int(1), countDelete);
    for (int i = 0; i < 100; ++i)
        Epoch::global().reclaim();
    QCOMPARE(g_deleted.load(), 0); // the reader might still hold it
    release = true;
    reader.join();
    Epoch::global().barrier();
    QCOMPARE(g_deleted.load(), 1);
}

void TstEpoch::nestedGuards() {
    QVERIFY(!Epoch::global().inCriticalSection());
    {
        EpochGuard outer;
        QVERIFY(Epoch::global().inCriticalSection());
        {
            EpochGuard inner;
            QVERIFY(Epoch::global().inCriticalSection());
        }
        QVERIFY(Epoch::global().inCriticalSection()); // still inside `outer`
        bool other = true; // another thread is not
        std::thread([&other] { other = Epoch::global().inCriticalSection(); }).join();
        QVERIFY(!other);
        Epoch::global().retire(new int(2), countDelete); // retired while still inside `outer`
    }
    QVERIFY(!Epoch::global().inCriticalSection());
    Epoch::global().barrier();
    QCOMPARE(g_deleted.load(), 1);
    QCOMPARE(Epoch::global().pending(), 0u);
}

void TstEpoch::concurrentPublishAndRetire() {
    // Readers dereference whatever the writer published; the writer retires what it replaces.
    // Under ASan a premature delete is a use-after-free.
    std::atomic<int*> published{new int(0)};
    std::atomic<bool> stop{false};
    std::vector<std::thread> readers;
    std::atomic<long> sum{0};
    for (int r = 0; r < 2; ++r)
        readers.emplace_back([&] {
            while (!stop) {
                EpochGuard guard;
                int* p = published.load(std::memory_order_acquire);
                sum += *p;
            }
        });
    for (int i = 1; i <= 20000; ++i) {
        int* old = published.exchange(new int(i), std::memory_order_acq_rel);
        Epoch::global().retire(old, countDelete);
    }
    stop = true;
    for (auto& t : readers)
        t.join();
    Epoch::global().retire(published.load(), countDelete);
    Epoch::global().barrier();
    QCOMPARE(g_deleted.load(), 20001);
    QVERIFY(sum.load() >= 0);
}

QTEST_APPLESS_MAIN(TstEpoch)
#include "tst_epoch.moc"
