// SPDX-License-Identifier: GPL-3.0-or-later
// bench_uistall: is the desktop app's GUI thread responsive with 500 cgroups and a million
// swapped entries? (issue #5: "no UI-thread stall over 50 ms"). It drives the real
// swaptier::ui::MainWindow, shown on the offscreen platform (no display needed; a
// QT_QPA_PLATFORM set by the caller wins), and measures with a StallProbe (stallprobe.h): the
// gaps of a 1 ms heartbeat timer (the longest is the stall), the time of every
// MainWindow::showSnapshot call, and the longest events the application dispatched.
//
//   uistall/synthetic/paced   SyntheticSource snapshots (syntheticsource.h: 500 cgroups, four
//                             swapfiles, 1,000,000 swapped entries moving between cgroups and
//                             backends, counters rising) handed to showSnapshot 10 times a
//                             second, the engine host's rate, for 21 s. Before the measured part
//                             the history chart gets ten minutes of snapshots (6,000, its default
//                             span), the steady state of a run watched for a while; the progress
//                             bar then advances over the measured part.
//   uistall/synthetic/flood   The same, as fast as the event loop takes them (one snapshot per
//                             loop iteration, 0 ms timer) for 14 s: the worst case per snapshot
//                             and how many a second the views can absorb.
//   uistall/real              A real sandbox run started through MainWindow::startScenario: the
//                             scenario of realConfig() (stallsetup.h: 445 jobs of 9 MiB, three
//                             passes, 96% zero pages; about 1M swapped entries at the end) is
//                             written to a temporary directory and loaded like a user's file.
//                             The engine works in its threads (one per job) while the window
//                             shows the host's snapshots; the run is held 3 s at its end, then
//                             stopped. The host's snapshotAvailable is routed through the
//                             benchmark only to time showSnapshot; what it calls is the same.
//
// During each run the benchmark tours the views as a user would, each for an equal share of the
// time (the real run cycles every second): the tier table, the cgroup tree (expanded by the window
// on its first snapshot), the tree sorted by swapped pages (descending), the tree filtered by
// "job-1", the occupancy chart, the history chart and the setup page. Every figure is kept per
// view too, so a stall points at the view that caused it.
//
// Counters in the JSON (per benchmark): max_gap_ms (target < 50), p99_gap_ms, median_gap_ms,
// show_max_ms, show_p99_ms, show_median_ms, snapshots, snapshots_per_s, worst_event_ms,
// worst_event_cpu_ms, worst_event_wait_ms (of its wall time, the time the GUI thread waited for
// a CPU), show_cpu_max_ms, show_cpu_median_ms, cgroups, swapped_entries (the real run: the most
// seen in one snapshot), target_met, loadavg_start, loadavg_end (the shared machine's one-minute
// load average), and <view>_max_gap_ms / <view>_show_max_ms per view; the label names the
// longest event. The real run adds run_s, swap_outs, swap_ins and
// sandbox_threads of the sandbox's report, and engine_nice.
//
// Environment: SWAPTIER_UISTALL_SECONDS (paced run, default 21; the flood run takes 2/3 of it),
// SWAPTIER_UISTALL_JOB_PAGES (pages per job of the real run, default 2304 = 9 MiB),
// SWAPTIER_UISTALL_ENGINE_NICE (an experiment, default off: every thread but the GUI thread gets
// this nice value as it appears during the real run; the engine host itself starts its run
// thread at nice 10, which the sandbox's workers inherit, so only other values are of interest).
#include "benchsupport.h"
#include "probedapplication.h"
#include "stallprobe.h"
#include "stallsetup.h"
#include "syntheticsource.h"

#include "charts/cgroupbarchart.h"
#include "charts/historychart.h"
#include "enginehost.h"
#include "mainwindow.h"
#include "models/cgroupmodel.h"
#include "scenariowriter.h"
#include "setuppage.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <string>

namespace {

using namespace swaptier;
using namespace swaptier::bench::uistall;
using Clock = std::chrono::steady_clock;

constexpr double kTargetMs = 50;
constexpr std::uint64_t kSyntheticEntries = 1'000'000;
constexpr int kPrefillSnapshots = 6000;

enum class View { Tiers, Cgroups, CgroupsSorted, CgroupsFiltered, Occupancy, History, Setup, Count };
constexpr int kViews = int(View::Count);
const char* const kViewNames[kViews] = {"tiers", "cgroups", "cgroups-sorted", "cgroups-filtered",
                                        "occupancy", "history", "setup"};

std::vector<QString> viewNames() {
    std::vector<QString> names;
    for (const char* n : kViewNames)
        names.push_back(QString::fromLatin1(n));
    return names;
}

double envNumber(const char* name, double fallback) {
    bool ok = false;
    const double v = qEnvironmentVariable(name).toDouble(&ok);
    return ok && v > 0 ? v : fallback;
}

/// The one-minute load average (/proc/loadavg): how busy the shared machine was.
double loadAverage() {
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readLine().split(' ').value(0).toDouble();
}

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

/// Hands `snapshot` to the window and records the call's wall and CPU time.
void timedShow(ui::MainWindow& window, const std::shared_ptr<const services::HostSnapshot>& snapshot,
               StallProbe& probe) {
    const auto wall0 = Clock::now();
    const double cpu0 = threadCpuMs();
    window.showSnapshot(snapshot);
    probe.recordShow(msSince(wall0), threadCpuMs() - cpu0);
}

ProbedApplication& app() { return *static_cast<ProbedApplication*>(QCoreApplication::instance()); }

/// Lets the event loop run for `ms` (window mapping, first paint).
void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// The window, shown, and the user's moves between its views.
class Tour {
public:
    Tour() : m_window(std::make_unique<ui::MainWindow>()) {
        for (auto* tree : m_window->findChildren<QTreeView*>()) {
            const auto* proxy = qobject_cast<const QSortFilterProxyModel*>(tree->model());
            if (proxy && proxy->sourceModel() == m_window->cgroupModel())
                m_tree = tree;
        }
        if (m_tree)
            m_filter = m_tree->parentWidget()->findChild<QLineEdit*>();
        m_window->resize(1280, 800);
        m_window->show();
        settle(300);
    }
    ~Tour() { m_window.reset(); } // joins a run still going

    /// The cgroup tree and its filter were found (the window's layout is what this expects).
    bool valid() const { return m_tree && m_filter; }
    ui::MainWindow& window() { return *m_window; }

    void enter(View view) {
        QTabWidget* tabs = m_window->tabs();
        switch (view) {
        case View::Tiers:
            m_tree->sortByColumn(-1, Qt::AscendingOrder); // model order again
            m_filter->clear();
            tabs->setCurrentIndex(0);
            break;
        case View::Cgroups: tabs->setCurrentIndex(tabs->indexOf(m_tree->parentWidget())); break;
        case View::CgroupsSorted: m_tree->sortByColumn(ui::CgroupModel::Swapped, Qt::DescendingOrder); break;
        case View::CgroupsFiltered: m_filter->setText(QStringLiteral("job-1")); break;
        case View::Occupancy:
            m_filter->clear();
            tabs->setCurrentWidget(m_window->cgroupChart());
            break;
        case View::History: tabs->setCurrentWidget(m_window->historyChart()); break;
        case View::Setup: tabs->setCurrentWidget(m_window->setupPage()); break;
        case View::Count: break;
        }
    }

private:
    std::unique_ptr<ui::MainWindow> m_window;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter = nullptr;
};

std::string fmt(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string thousands(std::uint64_t v) {
    const std::string digits = std::to_string(v);
    std::string s;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            s += ',';
        s += digits[i];
    }
    return s;
}

/// The readable summary (stdout) and the counters and label of the JSON report.
void report(benchmark::State& state, const char* title, const StallProbe::Figures& f, std::uint64_t entries,
            int cgroups, double loadStart) {
    const double loadEnd = loadAverage();
    const double perSecond = f.seconds > 0 ? double(f.shows.count) / f.seconds : 0.0;
    const bool met = f.gaps.max < kTargetMs;
    std::printf("\n%s: %d cgroups, %s swapped entries, %s snapshots in %s s (%s a second)\n", title, cgroups,
                thousands(entries).c_str(), thousands(f.shows.count).c_str(), fmt(f.seconds).c_str(),
                fmt(perSecond).c_str());
    std::printf("  GUI thread gaps (1 ms heartbeat, %s beats): max %s ms, p99 %s ms, median %s ms; target max < %s ms: %s\n",
                thousands(f.gaps.count).c_str(), fmt(f.gaps.max).c_str(), fmt(f.gaps.p99, 2).c_str(),
                fmt(f.gaps.median, 2).c_str(), fmt(kTargetMs, 0).c_str(), met ? "met" : "MISSED");
    std::printf("  load average (1 min) %s at the start, %s at the end\n", fmt(loadStart).c_str(), fmt(loadEnd).c_str());
    std::printf("  MainWindow::showSnapshot: max %s ms, p99 %s ms, median %s ms; CPU max %s ms, median %s ms\n",
                fmt(f.shows.max, 2).c_str(), fmt(f.shows.p99, 2).c_str(), fmt(f.shows.median, 2).c_str(),
                fmt(f.showsCpu.max, 2).c_str(), fmt(f.showsCpu.median, 2).c_str());
    std::printf("  %-17s %9s %11s %11s %12s %12s  %s\n", "view", "snapshots", "max gap ms", "p99 gap ms", "show max ms",
                "show med ms", "longest event: wall / CPU / CPU wait ms, receiver, type");
    for (const StallProbe::PhaseFigures& p : f.phases) {
        std::printf("  %-17s %9zu %11s %11s %12s %12s  %s / %s / %s, %s\n", p.name.toUtf8().constData(), p.shows.count,
                    fmt(p.gaps.max).c_str(), fmt(p.gaps.p99, 2).c_str(), fmt(p.shows.max, 2).c_str(),
                    fmt(p.shows.median, 2).c_str(), fmt(p.worstEvent.wallMs).c_str(), fmt(p.worstEvent.cpuMs).c_str(),
                    fmt(p.worstEvent.waitMs).c_str(), p.worstEvent.what.toUtf8().constData());
        const std::string key(p.name.toStdString());
        state.counters[key + "_max_gap_ms"] = p.gaps.max;
        state.counters[key + "_show_max_ms"] = p.shows.max;
    }
    std::printf("  longest events (of %s):\n", thousands(f.events).c_str());
    for (const EventRecord& e : f.worstEvents)
        std::printf("    %7s ms (CPU %5s, waiting for a CPU %5s) in %-16s %s\n", fmt(e.wallMs).c_str(),
                    fmt(e.cpuMs).c_str(), fmt(e.waitMs).c_str(), kViewNames[e.phase], e.what.toUtf8().constData());
    std::fflush(stdout);

    state.counters["max_gap_ms"] = f.gaps.max;
    state.counters["p99_gap_ms"] = f.gaps.p99;
    state.counters["median_gap_ms"] = f.gaps.median;
    state.counters["show_max_ms"] = f.shows.max;
    state.counters["show_p99_ms"] = f.shows.p99;
    state.counters["show_median_ms"] = f.shows.median;
    state.counters["show_cpu_max_ms"] = f.showsCpu.max;
    state.counters["show_cpu_median_ms"] = f.showsCpu.median;
    state.counters["snapshots"] = double(f.shows.count);
    state.counters["snapshots_per_s"] = perSecond;
    state.counters["seconds"] = f.seconds;
    state.counters["cgroups"] = cgroups;
    state.counters["swapped_entries"] = double(entries);
    state.counters["target_met"] = met ? 1 : 0;
    state.counters["loadavg_start"] = loadStart;
    state.counters["loadavg_end"] = loadEnd;
    if (!f.worstEvents.empty()) {
        const EventRecord& e = f.worstEvents.front();
        state.counters["worst_event_ms"] = e.wallMs;
        state.counters["worst_event_cpu_ms"] = e.cpuMs;
        state.counters["worst_event_wait_ms"] = e.waitMs;
        state.SetLabel("longest event " + fmt(e.wallMs) + " ms (CPU " + fmt(e.cpuMs) + ", waiting for a CPU "
                       + fmt(e.waitMs) + ") in " + kViewNames[e.phase] + ": " + e.what.toStdString());
    }
}

/// Synthetic snapshots, 10 a second (paced) or one per event-loop iteration (flood).
void benchSynthetic(benchmark::State& state, bool flood) {
    const double paced = envNumber("SWAPTIER_UISTALL_SECONDS", 21);
    const double seconds = flood ? paced * 2 / 3 : paced;
    for (auto _ : state) {
        Tour tour;
        if (!tour.valid()) {
            state.SkipWithError("the cgroup tree or its filter was not found in the window");
            return;
        }
        SyntheticSource source(kSyntheticEntries, 42);
        // The steady state of a run shown for a while: the history chart holds its default span,
        // ten minutes of snapshots at 10 a second.
        for (int i = 0; i < kPrefillSnapshots; ++i)
            tour.window().historyChart()->addSnapshot(*source.next(0.1));
        // The progress bar advances over the measured part (10 snapshots a second of run time).
        source.startProgress(flood ? seconds * 20 : seconds);
        StallProbe probe(viewNames());
        app().setProbe(&probe);

        QEventLoop loop;
        QTimer feed;
        feed.setTimerType(Qt::PreciseTimer);
        feed.setInterval(flood ? 0 : services::EngineHost::kPublishIntervalMs);
        const auto started = Clock::now();
        QObject::connect(&feed, &QTimer::timeout, &feed, [&] {
            if (msSince(started) >= seconds * 1000) {
                loop.quit();
                return;
            }
            // 0.1 s of run time per snapshot, as the host publishes them.
            timedShow(tour.window(), source.next(0.1), probe);
        });
        QTimer tourTimer;
        int view = 0;
        QObject::connect(&tourTimer, &QTimer::timeout, &tourTimer, [&] {
            if (view + 1 >= kViews)
                return;
            probe.setPhase(++view);
            tour.enter(View(view));
        });
        tourTimer.setInterval(int(seconds * 1000 / kViews));

        const double load = loadAverage();
        probe.start();
        tour.enter(View::Tiers);
        feed.start();
        tourTimer.start();
        loop.exec();
        probe.stop();
        app().setProbe(nullptr);
        const StallProbe::Figures figures = probe.figures();
        state.SetIterationTime(figures.seconds);
        report(state, flood ? "uistall/synthetic/flood" : "uistall/synthetic/paced", figures, source.entries(),
               source.cgroups(), load);
    }
}

/// The experiment of SWAPTIER_UISTALL_ENGINE_NICE: gives every thread of the process but the
/// GUI thread the nice value `nice`, as an engine host that started its run thread at that nice
/// value would (threads inherit it from the thread that creates them). Called every few ms, it
/// catches the sandbox's workers as they start.
class EngineRenicer {
public:
    explicit EngineRenicer(int nice) : m_nice(nice), m_gui(::gettid()) {}
    void sweep() {
        const QStringList tids = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString& t : tids) {
            const int tid = t.toInt();
            if (tid == m_gui || !m_done.insert(tid).second)
                continue;
            static_cast<void>(::setpriority(PRIO_PROCESS, id_t(tid), m_nice));
        }
    }
    std::size_t threads() const { return m_done.size(); }

private:
    int m_nice;
    int m_gui;
    std::set<int> m_done;
};

/// A real sandbox run through the window.
void benchReal(benchmark::State& state) {
    const auto jobPages = std::uint64_t(envNumber("SWAPTIER_UISTALL_JOB_PAGES", 2304));
    constexpr std::uint64_t kCapMs = 150'000;
    for (auto _ : state) {
        QTemporaryDir dir(QDir::temp().filePath(QStringLiteral("swaptier-uistall-XXXXXX")));
        const QString path = dir.filePath(QStringLiteral("ui-stall.toml"));
        const SandboxConfig config = realConfig(dir.path().toStdString(), jobPages, kCapMs);
        services::ScenarioWriter::Options options;
        options.relativeTo = dir.path();
        if (auto failed = services::ScenarioWriter::save(path, config, QStringLiteral("ui-stall"),
                                                         QStringLiteral("500 cgroups, about 1M swapped entries"), options)) {
            state.SkipWithError(("cannot write the scenario: " + failed->toStdString()).c_str());
            return;
        }
        Tour tour;
        if (!tour.valid()) {
            state.SkipWithError("the cgroup tree or its filter was not found in the window");
            return;
        }
        ui::MainWindow& window = tour.window();
        services::EngineHost& host = window.host();
        StallProbe probe(viewNames());
        app().setProbe(&probe);

        QEventLoop loop;
        std::uint64_t peakEntries = 0;
        bool holding = false;
        QString runError;
        std::shared_ptr<const SandboxReport> runReport;
        // The window's own connection, replaced by one that times the same call.
        QObject::disconnect(&host, &services::EngineHost::snapshotAvailable, &window, nullptr);
        QObject::connect(&host, &services::EngineHost::snapshotAvailable, &loop,
                         [&](const std::shared_ptr<const services::HostSnapshot>& snapshot) {
                             timedShow(window, snapshot, probe);
                             std::uint64_t entries = 0;
                             for (const TierUsage& t : snapshot->sample.tiers)
                                 entries += t.entries;
                             peakEntries = std::max(peakEntries, entries);
                             if (snapshot->holding && !holding) {
                                 holding = true;
                                 QTimer::singleShot(3000, &loop, [&host] { host.stop(); });
                             }
                         });
        QObject::connect(&host, &services::EngineHost::finished, &loop,
                         [&](const std::shared_ptr<const SandboxReport>& r, const QString& error) {
                             runReport = r;
                             runError = error;
                             loop.quit();
                         });
        QTimer tourTimer;
        int view = 0;
        QObject::connect(&tourTimer, &QTimer::timeout, &tourTimer, [&] {
            view = (view + 1) % kViews;
            probe.setPhase(view);
            tour.enter(View(view));
        });
        tourTimer.setInterval(1000);
        const int engineNice = int(envNumber("SWAPTIER_UISTALL_ENGINE_NICE", 0));
        EngineRenicer renicer(engineNice);
        QTimer renice;
        QObject::connect(&renice, &QTimer::timeout, &renice, [&renicer] { renicer.sweep(); });
        renice.setInterval(5);

        const double load = loadAverage();
        probe.start();
        tour.enter(View::Tiers);
        tourTimer.start();
        QString error;
        if (engineNice > 0)
            renice.start();
        if (!window.startScenario(path, &error)) {
            app().setProbe(nullptr);
            state.SkipWithError(("cannot start the scenario: " + error.toStdString()).c_str());
            return;
        }
        loop.exec();
        probe.stop();
        tourTimer.stop();
        app().setProbe(nullptr);
        if (!runError.isEmpty() || !runReport) {
            state.SkipWithError(("the run failed: " + runError.toStdString()).c_str());
            return;
        }
        const StallProbe::Figures figures = probe.figures();
        state.SetIterationTime(figures.seconds);
        report(state, "uistall/real", figures, peakEntries, int(config.cgroups.size()), load);
        state.counters["run_s"] = double(runReport->figures.wallNanos) / 1e9;
        state.counters["swap_outs"] = double(runReport->counters.swapOuts);
        state.counters["swap_ins"] = double(runReport->counters.swapInFaults);
        state.counters["sandbox_threads"] = double(config.workloads.size());
        state.counters["engine_nice"] = engineNice;
        if (engineNice > 0)
            std::printf("  experiment: %zu engine threads given nice %d (SWAPTIER_UISTALL_ENGINE_NICE)\n",
                        renicer.threads(), engineNice);
        std::uint64_t planned = 0;
        for (const WorkloadSpec& w : config.workloads)
            planned += w.pages * w.passes;
        std::printf("  sandbox: %s threads, %s s of run, %s swap-outs, %s swap-ins, %s of %s accesses%s\n",
                    thousands(config.workloads.size()).c_str(), fmt(double(runReport->figures.wallNanos) / 1e9).c_str(),
                    thousands(runReport->counters.swapOuts).c_str(), thousands(runReport->counters.swapInFaults).c_str(),
                    thousands(runReport->counters.accesses).c_str(),
                    thousands(planned).c_str(),
                    runReport->cutShort ? " (cut short by the time cap)" : "");
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // The window reads and writes QSettings: keep the user's own settings out of it.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("swaptier-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_uistall"));
    int qtArgc = 1;
    char* qtArgv[] = {argv[0], nullptr};
    ProbedApplication application(qtArgc, qtArgv);

    benchmark::AddCustomContext("qt_platform", QGuiApplication::platformName().toStdString());
    benchmark::AddCustomContext("qt_version", qVersion());
    for (bool flood : {false, true})
        benchmark::RegisterBenchmark(flood ? "uistall/synthetic/flood" : "uistall/synthetic/paced",
                                     [flood](benchmark::State& s) { benchSynthetic(s, flood); })
            ->Iterations(1)
            ->UseManualTime()
            ->Unit(benchmark::kSecond);
    benchmark::RegisterBenchmark("uistall/real", benchReal)->Iterations(1)->UseManualTime()->Unit(benchmark::kSecond);
    return swaptier::bench::runMain(argc, argv, {"--benchmark_repetitions=1"});
}
