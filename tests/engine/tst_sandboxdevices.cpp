// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's devices over a run, in both designs: AddDevice (planned and submitted) creates
// a swapfile that takes the swap-outs when its priority is the highest and can be swapped off
// later; an add that fails (no such directory) or is invalid is reported and the run goes on;
// a swapoff deletes the device's file and keeps its row marked swapped off; and the traffic
// of every place (TierUsage::pagesIn / pagesOut) never decreases and adds up exactly to the
// swap design's own counters. Every run verifies every page it swaps back in.
#include <QtTest>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"
#include "swaptier/sandboxcontrol.h"

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#endif

using namespace swaptier;
using namespace std::chrono_literals;

namespace {

using Kind = SandboxAction::Kind;

constexpr std::uint64_t kMiB = 1024 * 1024;

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + QStringLiteral("/tst-sandboxdevices-XXXXXX"));
    }
    return QTemporaryDir();
}

std::string pathIn(const QTemporaryDir& dir, const char* name) {
    return (dir.path() + QLatin1Char('/') + QLatin1String(name)).toStdString();
}

DeviceOptions device(const std::string& path, std::uint64_t bytes, int priority) {
    DeviceOptions d;
    d.path = path;
    d.sizeBytes = bytes;
    d.priority = priority;
    d.io = IoMode::Buffered;
    return d;
}

/// Two threads writing 2 x 1024 pages twice under a 2 MiB limit, with no pool: every page that
/// is not all zero is written to a device, so the devices' traffic is large and exact.
SandboxConfig deviceConfig(const QTemporaryDir& dir, SwapDesign design) {
    SandboxConfig c;
    c.name = "devices";
    c.design = design;
    c.seed = 3;
    c.engine.pool.enabled = false;
    c.devices.push_back(device(pathIn(dir, "base.swap"), 32 * kMiB, 5));
    c.deviceNames.push_back("base");
    CgroupSpec root;
    root.name = "/";
    CgroupSpec work;
    work.name = "work";
    work.parent = 0;
    work.memoryMax = 2 * kMiB;
    c.cgroups = {root, work};
    WorkloadSpec w;
    w.name = "fill";
    w.kind = WorkloadKind::Sequential;
    w.cgroup = 1;
    w.threads = 2;
    w.pages = 1024;
    w.passes = 2;
    c.workloads.push_back(w);
    c.sampleIntervalMs = 1;
    return c;
}

SandboxAction addDevice(double at, const std::string& path, int priority, const char* name) {
    SandboxAction a;
    a.kind = Kind::AddDevice;
    a.at = at;
    a.newDevice = device(path, 32 * kMiB, priority);
    a.newDeviceName = name;
    return a;
}

SandboxAction onDevice(Kind kind, double at, int device) {
    SandboxAction a;
    a.kind = kind;
    a.at = at;
    a.device = device;
    return a;
}

void addDesignRows() {
    QTest::addColumn<int>("design");
    QTest::newRow("virtual") << int(SwapDesign::Virtual);
    QTest::newRow("classic") << int(SwapDesign::Classic);
}

/// Every swapped-in page verified (faults, and the pages a classic swapoff walk faulted in),
/// some pages came back, nothing leaked.
bool intact(const SandboxReport& r) {
    if (r.counters.verifiedPages >= r.counters.swapInFaults && r.counters.verifiedPages > 0 && r.leakedEntries == 0)
        return true;
    qWarning("verified %llu of %llu swap-ins, %llu entries leaked", qulonglong(r.counters.verifiedPages),
             qulonglong(r.counters.swapInFaults), qulonglong(r.leakedEntries));
    return false;
}

const TierUsage* row(const SandboxSample& s, Backend backend, int device = -1) {
    for (const TierUsage& t : s.tiers)
        if (t.backend == backend && t.device == device)
            return &t;
    return nullptr;
}

/// The samples of a run and, at each one, whether every device's file exists exactly while
/// its row is not swapped off (checked in the callback, while the run goes on).
struct Recorder {
    std::mutex lock;
    std::vector<SandboxSample> samples;    // GUARDED_BY(lock)
    std::vector<std::string> fileMismatch; // GUARDED_BY(lock): rows whose file state was wrong
    std::map<std::uint64_t, ActionFigures> submitted; // GUARDED_BY(lock)

    void onSample(const SandboxSample& s) {
        std::lock_guard g(lock);
        for (const TierUsage& t : s.tiers)
            if (t.backend == Backend::Device && QFile::exists(QString::fromStdString(t.path)) == t.swappedOff)
                fileMismatch.push_back(t.path + (t.swappedOff ? " exists after swapoff" : " missing while on"));
        samples.push_back(s);
    }
    SandboxCallbacks callbacks(SandboxControl* control = nullptr) {
        SandboxCallbacks cb;
        cb.control = control;
        cb.onSample = [this](const SandboxSample& s) { onSample(s); };
        cb.onAction = [this](std::uint64_t id, const ActionFigures& f) {
            std::lock_guard g(lock);
            submitted[id] = f;
        };
        return cb;
    }
    bool has(std::uint64_t id) {
        std::lock_guard g(lock);
        return submitted.count(id) != 0;
    }
    ActionFigures figures(std::uint64_t id) {
        std::lock_guard g(lock);
        return submitted[id];
    }
};

/// Polls `ready` for up to 20 s (the machine is shared: no tight timing).
template<typename F>
bool eventually(F ready) {
    for (int i = 0; i < 2000; ++i) {
        if (ready())
            return true;
        std::this_thread::sleep_for(10ms);
    }
    return ready();
}

/// Rows never disappear (a device row stays after swapoff, in its place) and their traffic
/// never decreases from one sample to the next; a swapped-off row's traffic is frozen.
bool trafficMonotonic(const std::vector<SandboxSample>& samples) {
    for (std::size_t i = 1; i < samples.size(); ++i) {
        const auto& before = samples[i - 1].tiers;
        const auto& after = samples[i].tiers;
        if (after.size() < before.size()) {
            qWarning("sample %zu has %zu rows, %zu before", i, after.size(), before.size());
            return false;
        }
        for (std::size_t r = 0; r < before.size(); ++r) {
            const TierUsage& a = before[r];
            const TierUsage& b = after[r];
            const bool frozenBroken = a.swappedOff && (b.pagesIn != a.pagesIn || b.pagesOut != a.pagesOut);
            if (a.backend != b.backend || a.device != b.device || b.pagesIn < a.pagesIn || b.pagesOut < a.pagesOut
                || (a.swappedOff && !b.swappedOff) || frozenBroken) {
                qWarning("row %zu (%s) went from in %llu out %llu to in %llu out %llu", r, a.name.c_str(),
                         qulonglong(a.pagesIn), qulonglong(a.pagesOut), qulonglong(b.pagesIn), qulonglong(b.pagesOut));
                return false;
            }
        }
    }
    return true;
}

} // namespace

class TestSandboxDevices : public QObject {
    Q_OBJECT

private slots:
    void addedDeviceTakesSwapOutsAndSwapsOff_data();
    void addedDeviceTakesSwapOutsAndSwapsOff();
    void failedAddIsReportedAndTheRunGoesOn_data();
    void failedAddIsReportedAndTheRunGoesOn();
    void invalidAddDevice_data();
    void invalidAddDevice();
    void submittedAddDevice_data();
    void submittedAddDevice();
    void swapoffLeavesNoFile_data();
    void swapoffLeavesNoFile();
    void trafficAddsUp_data();
    void trafficAddsUp();
};

// A device added at 30% with the highest priority takes every device write from then on (the
// first device's writes stand still), a planned swapoff at 80% empties and deletes it, and its
// row keeps its name, its path and its final traffic.
void TestSandboxDevices::addedDeviceTakesSwapOutsAndSwapsOff_data() {
    addDesignRows();
}

void TestSandboxDevices::addedDeviceTakesSwapOutsAndSwapsOff() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = deviceConfig(dir, SwapDesign(design));
    const std::string added = pathIn(dir, "added.swap");
    c.actions.push_back(addDevice(0.3, added, 20, "fast"));
    c.actions.push_back(onDevice(Kind::Swapoff, 0.8, 1)); // devices.size() + 0: the first add
    Recorder seen;
    auto report = runSandbox(c, seen.callbacks());
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QVERIFY2(seen.fileMismatch.empty(), seen.fileMismatch.empty() ? "" : seen.fileMismatch.front().c_str());
    QVERIFY(!QFile::exists(QString::fromStdString(added)));

    QCOMPARE(report->actions.size(), std::size_t(2));
    const ActionFigures& add = report->actions[0];
    QCOMPARE(add.kind, Kind::AddDevice);
    QCOMPARE(add.error.code, Errc::Ok);
    QCOMPARE(add.device, 1);
    QVERIFY(add.nanos > 0);
    const ActionFigures& off = report->actions[1];
    QCOMPARE(off.kind, Kind::Swapoff);
    QCOMPARE(off.error.code, Errc::Ok);
    QCOMPARE(off.device, 1);
    QCOMPARE(report->swapoffs.size(), std::size_t(1));
    QCOMPARE(report->swapoffs[0].device, 1);
    QVERIFY(report->swapoffs[0].entries > 0); // it held pages when it went

    // Between the add and the swapoff, only the added device is written.
    const SandboxSample* first = nullptr;
    const SandboxSample* last = nullptr;
    for (const SandboxSample& s : seen.samples) {
        if (s.round < add.round || s.round >= off.round)
            continue;
        if (!first)
            first = &s;
        last = &s;
        const TierUsage* base = row(s, Backend::Device, 0);
        const TierUsage* fast = row(s, Backend::Device, 1);
        QVERIFY(base && fast);
        QCOMPARE(fast->name, std::string("fast"));
        QCOMPARE(fast->path, added);
        QVERIFY(!fast->swappedOff);
        QCOMPARE(base->pagesOut, row(*first, Backend::Device, 0)->pagesOut);
    }
    QVERIFY2(first && last && first != last, "no two samples between the add and the swapoff");
    QVERIFY(row(*last, Backend::Device, 1)->pagesOut > row(*first, Backend::Device, 1)->pagesOut);
    QVERIFY(row(*last, Backend::Device, 1)->entries > 0);

    // At the end: swapped off, no entry, its traffic kept (written during the run, read back
    // at the swapoff or before).
    const TierUsage* fast = row(report->final, Backend::Device, 1);
    QVERIFY(fast);
    QVERIFY(fast->swappedOff);
    QCOMPARE(fast->entries, std::uint64_t(0));
    QCOMPARE(fast->capacityBytes, std::uint64_t(0));
    QVERIFY(fast->pagesOut >= row(*last, Backend::Device, 1)->pagesOut);
    QVERIFY(fast->pagesIn > 0);
    QCOMPARE(row(report->final, Backend::Device, 0)->name, std::string("base"));
    QVERIFY(trafficMonotonic(seen.samples));
}

// An add whose file cannot be created (its directory does not exist) is the action's error,
// naming the file; it takes no index, so the swapoff planned for its device is refused without
// running, and a later add gets index 1. The run finishes with every page verified.
void TestSandboxDevices::failedAddIsReportedAndTheRunGoesOn_data() {
    addDesignRows();
}

void TestSandboxDevices::failedAddIsReportedAndTheRunGoesOn() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = deviceConfig(dir, SwapDesign(design));
    const std::string missing = pathIn(dir, "no-such-dir/added.swap");
    const std::string later = pathIn(dir, "later.swap");
    c.actions.push_back(addDevice(0.2, missing, 20, "lost"));
    c.actions.push_back(onDevice(Kind::Swapoff, 0.4, 1));    // the failed add's device
    c.actions.push_back(addDevice(0.5, later, 20, "later")); // the second add: planned device 2
    c.actions.push_back(onDevice(Kind::CompactDevice, 0.9, 2));
    QVERIFY(validateSandboxConfig(c).ok());
    Recorder seen;
    auto report = runSandbox(c, seen.callbacks());
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QVERIFY(!report->cancelled);
    QVERIFY(!QFile::exists(QString::fromStdString(missing)));

    QCOMPARE(report->actions.size(), std::size_t(4));
    const ActionFigures& failed = report->actions[0];
    QCOMPARE(failed.kind, Kind::AddDevice);
    QVERIFY(failed.error.code != Errc::Ok);
    QCOMPARE(failed.error.path, missing);
    QCOMPARE(failed.device, -1);
    const ActionFigures& refused = report->actions[1];
    QCOMPARE(refused.kind, Kind::Swapoff);
    QCOMPARE(refused.error.code, Errc::UnknownDevice);
    QCOMPARE(refused.error.path, std::string("actions[1].device"));
    QVERIFY(report->swapoffs.empty());
    // The later add succeeded as device 1; the compaction planned for "device 2" ran on it.
    QCOMPARE(report->actions[2].error.code, Errc::Ok);
    QCOMPARE(report->actions[2].device, 1);
    QCOMPARE(report->actions[3].kind, Kind::CompactDevice);
    QCOMPARE(report->actions[3].error.code, Errc::Ok);
    QCOMPARE(report->actions[3].device, 1);
    QCOMPARE(report->final.tiers.size(), std::size_t(3 + 2)); // zero, pool, memory, base, later
    const TierUsage* laterRow = row(report->final, Backend::Device, 1);
    QVERIFY(laterRow);
    QCOMPARE(laterRow->name, std::string("later"));
    QVERIFY(laterRow->pagesOut > 0);
    QVERIFY(seen.fileMismatch.empty());
}

// What validation refuses, with the field it names: an action's options, a path that another
// device (or an earlier add) has, a planned action naming a device added after it.
void TestSandboxDevices::invalidAddDevice_data() {
    QTest::addColumn<int>("mutation");
    QTest::addColumn<QString>("field");
    QTest::newRow("valid") << 0 << QString();
    QTest::newRow("empty path") << 1 << QStringLiteral("actions[0].newDevice.path");
    QTest::newRow("path of a device") << 2 << QStringLiteral("actions[0].newDevice.path");
    QTest::newRow("path of an earlier add") << 3 << QStringLiteral("actions[1].newDevice.path");
    QTest::newRow("size not whole pages") << 4 << QStringLiteral("actions[0].newDevice.sizeBytes");
    QTest::newRow("size zero") << 5 << QStringLiteral("actions[0].newDevice.sizeBytes");
    QTest::newRow("priority") << 6 << QStringLiteral("actions[0].newDevice.priority");
    QTest::newRow("named before the add") << 7 << QStringLiteral("actions[0].device");
    QTest::newRow("named earlier than the add runs") << 8 << QStringLiteral("actions[1].device");
    QTest::newRow("named at the add's point") << 9 << QString();
    QTest::newRow("beyond every add") << 10 << QStringLiteral("actions[1].device");
}

void TestSandboxDevices::invalidAddDevice() {
    QFETCH(int, mutation);
    QFETCH(QString, field);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = deviceConfig(dir, SwapDesign::Virtual);
    SandboxAction add = addDevice(0.5, pathIn(dir, "added.swap"), 20, "added");
    switch (mutation) {
    case 0: c.actions = {add}; break;
    case 1: add.newDevice.path.clear(); c.actions = {add}; break;
    case 2: add.newDevice.path = c.devices[0].path; c.actions = {add}; break;
    case 3: c.actions = {add, add}; break;
    case 4: add.newDevice.sizeBytes = 5000; c.actions = {add}; break;
    case 5: add.newDevice.sizeBytes = 0; c.actions = {add}; break;
    case 6: add.newDevice.priority = 40000; c.actions = {add}; break;
    case 7: c.actions = {onDevice(Kind::Swapoff, 0.9, 1), add}; break;
    case 8: c.actions = {add, onDevice(Kind::SetPriority, 0.4, 1)}; break;
    case 9: c.actions = {add, onDevice(Kind::CompactDevice, 0.5, 1)}; break;
    case 10: c.actions = {add, onDevice(Kind::Swapoff, 0.9, 2)}; break;
    }
    const Status status = validateSandboxConfig(c);
    if (field.isEmpty()) {
        QVERIFY2(status.ok(), status.error().path.c_str());
    } else {
        QCOMPARE(status.code(), Errc::InvalidArgument);
        QCOMPARE(QString::fromStdString(status.error().path), field);
    }
    // A submitted action is checked against the run's devices as they are.
    if (mutation >= 1 && mutation <= 6 && mutation != 3) {
        const Status submitted = validateSandboxAction(c, c.actions[0]);
        QCOMPARE(submitted.code(), Errc::InvalidArgument);
        QCOMPARE(QString::fromStdString(submitted.error().path), QString(field).replace(QStringLiteral("actions[0]"), QStringLiteral("action")));
    }
}

// Submitted while paused: the add runs at once, its sample shows the named device, an invalid
// add (the same path again) is refused with its field, and after the workload (held at the end)
// a submitted swapoff of the added device deletes its file. The added device, the highest
// priority, took the writes of the run after the add.
void TestSandboxDevices::submittedAddDevice_data() {
    addDesignRows();
}

void TestSandboxDevices::submittedAddDevice() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    const SandboxConfig c = deviceConfig(dir, SwapDesign(design));
    const std::string added = pathIn(dir, "live.swap");
    SandboxControl control;
    control.setPaused(true);
    control.setHoldAtEnd(true);
    Recorder seen;
    Result<SandboxReport> report = Error::of(Errc::Busy);
    std::thread run([&] { report = runSandbox(c, seen.callbacks(&control)); });

    SandboxAction add = addDevice(0, added, 20, "live");
    const std::uint64_t addId = control.submit(add);
    const std::uint64_t againId = control.submit(add); // the same path: now a device's
    QVERIFY(eventually([&] { return seen.has(addId) && seen.has(againId); }));
    const ActionFigures added1 = seen.figures(addId);
    QCOMPARE(added1.error.code, Errc::Ok);
    QCOMPARE(added1.kind, Kind::AddDevice);
    QCOMPARE(added1.device, 1);
    QVERIFY(QFile::exists(QString::fromStdString(added)));
    const ActionFigures again = seen.figures(againId);
    QCOMPARE(again.error.code, Errc::InvalidArgument);
    QCOMPARE(again.error.path, std::string("action.newDevice.path"));
    QCOMPARE(again.device, -1);
    std::uint64_t writtenAtAdd = 0;
    {
        std::lock_guard g(seen.lock);
        const TierUsage* live = row(seen.samples.back(), Backend::Device, 1); // the sample after the add
        QVERIFY(live);
        QCOMPARE(live->name, std::string("live"));
        writtenAtAdd = row(seen.samples.back(), Backend::Device, 0)->pagesOut;
    }

    control.setPaused(false);
    QVERIFY(eventually([&] {
        std::lock_guard g(seen.lock);
        return seen.samples.back().progress >= 1.0;
    }));
    const std::uint64_t offId = control.submit(onDevice(Kind::Swapoff, 0, 1));
    QVERIFY(eventually([&] { return seen.has(offId); }));
    QCOMPARE(seen.figures(offId).error.code, Errc::Ok);
    QCOMPARE(seen.figures(offId).device, 1);
    QVERIFY(!QFile::exists(QString::fromStdString(added)));
    control.stop();
    run.join();
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QVERIFY(seen.fileMismatch.empty());
    const TierUsage* base = row(report->final, Backend::Device, 0);
    const TierUsage* live = row(report->final, Backend::Device, 1);
    QVERIFY(base && live);
    QVERIFY(live->swappedOff);
    QVERIFY(live->pagesOut > 0);
    // Before the swapoff every write went to the added device; the swapoff moved (virtual) or
    // faulted in (classic) its pages, writing no more to the first device than it held.
    if (SwapDesign(design) == SwapDesign::Classic)
        QCOMPARE(base->pagesOut, writtenAtAdd);
    else
        QVERIFY(base->pagesOut - writtenAtAdd <= report->swapoffs.at(0).entries);
    QVERIFY(trafficMonotonic(seen.samples));
}

// A swapoff deletes the file the run made and keeps the device's row, marked swapped off, with
// nothing in it and its traffic frozen.
void TestSandboxDevices::swapoffLeavesNoFile_data() {
    addDesignRows();
}

void TestSandboxDevices::swapoffLeavesNoFile() {
    QFETCH(int, design);
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = deviceConfig(dir, SwapDesign(design));
    c.devices[0].priority = 20; // the first device takes the pages, then goes
    c.devices.push_back(device(pathIn(dir, "second.swap"), 32 * kMiB, 5));
    c.actions.push_back(onDevice(Kind::Swapoff, 0.5, 0));
    Recorder seen;
    auto report = runSandbox(c, seen.callbacks());
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QVERIFY2(seen.fileMismatch.empty(), seen.fileMismatch.empty() ? "" : seen.fileMismatch.front().c_str());
    QCOMPARE(report->actions.at(0).error.code, Errc::Ok);
    QVERIFY(report->swapoffs.at(0).entries > 0);
    const TierUsage* gone = row(report->final, Backend::Device, 0);
    QVERIFY(gone);
    QVERIFY(gone->swappedOff);
    QCOMPARE(gone->entries, std::uint64_t(0));
    QCOMPARE(gone->storedBytes, std::uint64_t(0));
    QCOMPARE(gone->capacityBytes, std::uint64_t(0));
    QCOMPARE(gone->tier, std::string());
    QCOMPARE(gone->path, c.devices[0].path);
    QVERIFY(gone->pagesOut > 0);
    QVERIFY(!row(report->final, Backend::Device, 1)->swappedOff);
    QVERIFY(!QFile::exists(QString::fromStdString(c.devices[0].path)));
    QVERIFY(trafficMonotonic(seen.samples));
}

// The traffic of each place adds up to the design's own counters, exactly, at the end of a run
// with a small pool (the virtual engine writes back at its limit), a writeback action and a
// swapoff: devices' pagesOut are their page writes and sum to pswpout (DesignFigures::
// pagesWritten); the zero and pool rows are their vmstat counters; in the virtual design every
// swap-out and move is stored once and every swap-in and move (but a promotion) loaded once.
void TestSandboxDevices::trafficAddsUp_data() {
    addDesignRows();
}

void TestSandboxDevices::trafficAddsUp() {
    QFETCH(int, design);
    const bool classic = SwapDesign(design) == SwapDesign::Classic;
    QTemporaryDir dir = makeScratchDir();
    SandboxConfig c = deviceConfig(dir, SwapDesign(design));
    c.engine.pool.enabled = true;
    c.engine.pool.limitBytes = 1 * kMiB;
    c.devices[0].priority = 20;
    c.devices.push_back(device(pathIn(dir, "second.swap"), 32 * kMiB, 5));
    SandboxAction writeback;
    writeback.kind = Kind::Writeback;
    writeback.at = 0.4;
    writeback.cgroup = 1;
    writeback.writeback.maxPages = 100;
    c.actions.push_back(writeback);
    c.actions.push_back(onDevice(Kind::Swapoff, 0.7, 0));
    Recorder seen;
    auto report = runSandbox(c, seen.callbacks());
    QVERIFY2(report.ok(), errcName(report.code()));
    QVERIFY(intact(*report));
    QVERIFY(seen.samples.size() > 3);
    QVERIFY(trafficMonotonic(seen.samples));

    const SandboxSample& f = report->final;
    const EventCounters& ev = report->engine.events; // taken with the final sample, nothing between
    const TierUsage* zero = row(f, Backend::Zero);
    const TierUsage* pool = row(f, Backend::Pool);
    const TierUsage* memory = row(f, Backend::Memory);
    QVERIFY(zero && pool && memory);
    QVERIFY(zero->pagesOut > 0 && pool->pagesOut > 0 && pool->pagesIn > 0);
    QCOMPARE(zero->pagesOut, ev.swpoutZero);
    QCOMPARE(zero->pagesIn, ev.swpinZero);
    QCOMPARE(pool->pagesOut, ev.zswpout);
    QCOMPARE(f.counters.swapOuts, ev.swapOuts);
    std::uint64_t devicesOut = 0, devicesIn = 0, allOut = 0, allIn = 0;
    for (const TierUsage& t : f.tiers) {
        allOut += t.pagesOut;
        allIn += t.pagesIn;
        if (t.backend != Backend::Device)
            continue;
        devicesOut += t.pagesOut;
        devicesIn += t.pagesIn;
        // A live device's traffic is its own page reads and writes.
        for (const DeviceStats& d : report->engine.devices)
            if (d.path == t.path) {
                QCOMPARE(t.pagesOut, d.writes);
                QCOMPARE(t.pagesIn, d.reads);
            }
    }
    QVERIFY(devicesOut > 0);
    QCOMPARE(devicesOut, f.figures.pagesWritten);
    QCOMPARE(devicesOut, ev.pswpout);
    QVERIFY(devicesIn >= f.figures.pagesRead);
    QVERIFY(allOut >= f.counters.swapOuts);
    if (classic) {
        QCOMPARE(pool->pagesIn, ev.zswpin + ev.zswpwb);
        QCOMPARE(memory->pagesIn, std::uint64_t(0));
        QCOMPARE(memory->pagesOut, std::uint64_t(0));
    } else {
        QCOMPARE(pool->pagesIn, ev.loadedFrom[std::size_t(Backend::Pool)]);
        QVERIFY(pool->pagesIn >= ev.zswpin + ev.zswpwb); // pages leave the pool by swap-in or writeback
        QVERIFY(ev.moves > 0);
        QCOMPARE(allOut, ev.swapOuts + ev.moves);
        QCOMPARE(allIn, ev.swapIns + ev.moves - ev.promotions);
        // The engine's own identities.
        QCOMPARE(ev.storedTo[std::size_t(Backend::Device)], ev.pswpout);
        QCOMPARE(ev.loadedFrom[std::size_t(Backend::Device)], devicesIn); // no swap-cache copy of a device page here
    }
    // The writeback moved pages out of the pool and onto a device.
    const ActionFigures& wb = report->actions.at(0);
    QCOMPARE(wb.error.code, Errc::Ok);
    QVERIFY(wb.pagesMoved > 0);
}

QTEST_APPLESS_MAIN(TestSandboxDevices)
#include "tst_sandboxdevices.moc"
