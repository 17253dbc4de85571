// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBrowser and HistoryChart::showRun with a real history file made by HistoryStore: the
// dialog lists its runs newest first; "Open" puts the chosen run's points in the chart under
// "Run N of <scenario>, <date>" with the span that covers the run, per-second rates and device
// names from the stored paths, while the live history keeps recording, and "Back to live"
// restores the live view and its span; files that cannot be shown (garbage, a newer schema,
// another application's database, a missing file) give a message naming the file and an empty
// list; "Choose file…" opens another file through the file dialog; an empty history says so.
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "charts/historychart.h"
#include "historybrowser.h"
#include "historystore.h"
#include "models/historyrunmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

QTemporaryDir makeScratchDir() {
    const QString base = qEnvironmentVariable("SWAPTIER_TEST_TMPDIR");
    if (!base.isEmpty()) {
        QDir().mkpath(base);
        return QTemporaryDir(base + u"/tst-historybrowser-XXXXXX"_s);
    }
    return QTemporaryDir();
}

/// Sample i of a run: i seconds in, 100 swap-outs a second, the pool and two swapfiles in two
/// tiers filling.
SandboxSample sampleAt(int i) {
    SandboxSample s;
    s.elapsedNanos = std::uint64_t(i) * 1'000'000'000u;
    s.progress = i / 10.0;
    s.counters.swapOuts = std::uint64_t(i) * 100;
    s.counters.accesses = std::uint64_t(i) * 5000;
    TierUsage zero{"zero", Backend::Zero, -1, 3, 3 * 4096, 0, 0, ""};
    TierUsage pool{"pool", Backend::Pool, -1, std::uint64_t(i) * 40, std::uint64_t(i) * 40 * 4096,
                   std::uint64_t(i) * 40 * 1024, 8u << 20, ""};
    TierUsage device{"/swap/ssd.swap", Backend::Device, 0, std::uint64_t(i) * 20, std::uint64_t(i) * 20 * 4096,
                     std::uint64_t(i) * 20 * 4096, 32u << 20, "fast"};
    TierUsage slow{"/swap/hdd.swap", Backend::Device, 1, std::uint64_t(i) * 5, std::uint64_t(i) * 5 * 4096,
                   std::uint64_t(i) * 5 * 4096, 64u << 20, "slow"};
    s.tiers = {zero, pool, device, slow};
    CgroupUsage root;
    root.name = "/";
    s.cgroups = {root};
    return s;
}

/// Run 1 "alpha" (virtual, 5 samples, done) and run 2 "beta" (classic, 3 samples, cancelled,
/// started a day later).
bool makeHistory(const QString& path, QString* error) {
    auto store = HistoryStore::open(path, error);
    if (!store)
        return false;
    const struct {
        const char* scenario;
        const char* design;
        const char* started;
        int samples;
        const char* status;
    } runs[] = {{"alpha", "virtual", "2024-05-01T09:00:00Z", 5, "done"},
                {"beta", "classic", "2024-05-02T09:00:00Z", 3, "cancelled"}};
    for (const auto& r : runs) {
        RunRecord record;
        record.scenario = QString::fromLatin1(r.scenario);
        record.design = QString::fromLatin1(r.design);
        record.startedAt = QDateTime::fromString(QString::fromLatin1(r.started), Qt::ISODate);
        const qint64 id = store->beginRun(record, error);
        if (id == 0)
            return false;
        std::vector<SandboxSample> samples;
        for (int i = 0; i < r.samples; ++i)
            samples.push_back(sampleAt(i));
        if (!store->appendSamples(id, samples, error) ||
            !store->finishRun(id, QString::fromLatin1(r.status), QString(), QString(), error))
            return false;
    }
    return true;
}

/// Overwrites 4 big-endian bytes of the sqlite header (60: user_version, 68: application_id).
bool patchHeader(const QString& path, qint64 offset, quint32 value) {
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return file.write(bytes, 4) == 4;
}

QPushButton* openButton(HistoryBrowser& browser) {
    for (QDialogButtonBox* box : browser.findChildren<QDialogButtonBox*>())
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == QDialogButtonBox::AcceptRole)
                return qobject_cast<QPushButton*>(b);
    return nullptr;
}

int proxyRowOfRun(const HistoryBrowser& browser, qint64 id) {
    const QAbstractItemModel* shown = browser.view()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        if (shown->index(row, 0).data(HistoryRunModel::RunIdRole).toLongLong() == id)
            return row;
    return -1;
}

} // namespace

class TestHistoryBrowser : public QObject {
    Q_OBJECT

private slots:
    void listsTheRunsNewestFirst();
    void openingARunShowsItInTheChart();
    void fileErrorsNameTheFile_data();
    void fileErrorsNameTheFile();
    void choosingAnotherFile();
    void emptyHistorySaysSo();
};

void TestHistoryBrowser::listsTheRunsNewestFirst() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    QString error;
    QVERIFY2(makeHistory(db, &error), qPrintable(error));
    HistoryChart chart;
    HistoryBrowser browser(db, &chart);
    QCOMPARE(browser.path(), db);
    QCOMPARE(browser.message(), QString());
    QCOMPARE(browser.model()->rowCount(), 2);
    const QAbstractItemModel* shown = browser.view()->model();
    QCOMPARE(shown->index(0, HistoryRunModel::Scenario).data().toString(), u"beta"_s); // newest first
    QCOMPARE(shown->index(0, HistoryRunModel::Design).data().toString(), u"classic"_s);
    QCOMPARE(shown->index(0, HistoryRunModel::Samples).data().toString(), u"3"_s);
    QCOMPARE(shown->index(0, HistoryRunModel::Status).data().toString(), u"cancelled"_s);
    QCOMPARE(shown->index(1, HistoryRunModel::Scenario).data().toString(), u"alpha"_s);
    QCOMPARE(shown->index(1, HistoryRunModel::Samples).data().toString(), u"5"_s);
    QVERIFY(openButton(browser));
    QVERIFY(openButton(browser)->isEnabled()); // the newest run is selected
    browser.view()->clearSelection();
    QVERIFY(!openButton(browser)->isEnabled());
}

void TestHistoryBrowser::openingARunShowsItInTheChart() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    QString error;
    QVERIFY2(makeHistory(db, &error), qPrintable(error));
    HistoryChart chart;
    chart.setSpanIndex(1); // live: last 10 minutes
    const double liveSpan = chart.span();
    // A live point before, to see that the live history is kept apart.
    HostSnapshot live;
    live.sample.elapsedNanos = 1'000'000'000;
    live.sample.tiers = {TierUsage{"pool", Backend::Pool, -1, 7, 7 * 4096, 7 * 1024, 0, ""}};
    chart.addSnapshot(live);
    chart.refresh();
    QCOMPARE(chart.pointsShown(u"tier:pool"_s), 1);

    HistoryBrowser browser(db, &chart);
    QSignalSpy opened(&browser, &HistoryBrowser::runOpened);
    QSignalSpy switched(&chart, &HistoryChart::showingRunChanged);
    const int row = proxyRowOfRun(browser, 1);
    QVERIFY(row >= 0);
    browser.view()->selectRow(row);
    openButton(browser)->click();
    QCOMPARE(browser.result(), int(QDialog::Accepted));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().at(0).toLongLong(), 1);
    QCOMPARE(switched.size(), 1);
    QVERIFY(chart.showingRun());
    QVERIFY2(chart.runTitle().startsWith(u"Run 1 of alpha, "_s), qPrintable(chart.runTitle()));
    QCOMPARE(opened.first().at(1).toString(), chart.runTitle());
    QVERIFY(!chart.findChild<QWidget*>(u"historyRunBanner"_s)->isHidden());

    // The run's points, not the live one's.
    QCOMPARE(chart.pointsShown(u"tier:pool"_s), 5);
    QCOMPARE(chart.pointsShown(u"tier:zero"_s), 5);
    QCOMPARE(chart.pointsShown(u"tier:device:0"_s), 5);
    QCOMPARE(chart.pointsShown(u"rate:swapout"_s), 5);
    QCOMPARE(chart.seriesName(u"tier:device:0"_s), u"ssd.swap"_s); // file name of the stored path
    // The tiers were stored with the devices: a line per tier, as in the live view.
    QCOMPARE(chart.pointsShown(u"swaptier:fast"_s), 5);
    QCOMPARE(chart.pointsShown(u"swaptier:slow"_s), 5);
    QCOMPARE(chart.seriesPoints(u"swaptier:slow"_s).back(), QPointF(4.0, 20.0));
    QCOMPARE(chart.span(), 60.0);                                     // a 4-second run: the last minute covers it
    QVector<double> times, values;
    chart.runBuffer().points(u"rate:swapout"_s, 0, times, values);
    QCOMPARE(values, (QVector<double>{0, 100, 100, 100, 100}));
    QCOMPARE(times.back(), 4.0);
    chart.setSpanIndex(3); // everything
    QCOMPARE(chart.pointsShown(u"tier:pool"_s), 5);

    // The live history keeps recording underneath.
    live.sample.elapsedNanos = 2'000'000'000;
    chart.addSnapshot(live);
    chart.refresh();
    QCOMPARE(chart.buffer().latestTime(), 2.0);
    QCOMPARE(chart.pointsShown(u"tier:pool"_s), 5);

    auto* back = chart.findChild<QPushButton*>(u"backToLive"_s);
    QVERIFY(back);
    back->click();
    QVERIFY(!chart.showingRun());
    QCOMPARE(switched.size(), 2);
    QCOMPARE(chart.runTitle(), QString());
    QVERIFY(chart.findChild<QWidget*>(u"historyRunBanner"_s)->isHidden());
    QCOMPARE(chart.span(), liveSpan);
    QCOMPARE(chart.pointsShown(u"tier:pool"_s), 2);
    QCOMPARE(chart.pointsShown(u"tier:device:0"_s), 0); // the loaded run's device is not live
    QVERIFY(chart.runBuffer().empty());
}

void TestHistoryBrowser::fileErrorsNameTheFile_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("garbage") << u"garbage"_s << u"not a swaptier history database"_s;
    QTest::newRow("newer schema") << u"newer"_s << u"newer than this swaptier knows"_s;
    QTest::newRow("another application") << u"other"_s << u"another application"_s;
    QTest::newRow("missing") << u"missing"_s << u"no such history file"_s;
}

void TestHistoryBrowser::fileErrorsNameTheFile() {
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(kind + u".db"_s);
    QString error;
    if (kind == u"garbage"_s) {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(8192, 'x')) == 8192);
    } else if (kind != u"missing"_s) {
        QVERIFY2(makeHistory(db, &error), qPrintable(error));
        if (kind == u"newer"_s)
            QVERIFY(patchHeader(db, 60, quint32(HistoryStore::kSchemaVersion + 1)));
        else
            QVERIFY(patchHeader(db, 68, 0x12345678));
    }
    HistoryChart chart;
    HistoryBrowser browser(db, &chart);
    const QString message = browser.message();
    QVERIFY2(message.contains(db), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
    QCOMPARE(browser.model()->rowCount(), 0);
    QVERIFY(!openButton(browser)->isEnabled());
    QVERIFY(!browser.openRun(1));
    QVERIFY(!chart.showingRun());
    if (kind == u"missing"_s)
        QVERIFY(!QFileInfo::exists(db)); // a browser never creates a file
}

void TestHistoryBrowser::choosingAnotherFile() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"history.db"_s);
    QString error;
    QVERIFY2(makeHistory(db, &error), qPrintable(error));
    HistoryChart chart;
    HistoryBrowser browser(QString(), &chart);
    QVERIFY(!browser.message().isEmpty()); // asks for a file
    QCOMPARE(browser.model()->rowCount(), 0);
    QSignalSpy chosen(&browser, &HistoryBrowser::pathChosen);

    // The chooser is asked with the current file's folder (none yet: empty); first the user
    // cancels, then picks the file.
    QStringList starts;
    QString answer;
    browser.setFileChooser([&](QWidget* parent, const QString& startDir) {
        starts << startDir;
        return parent == &browser ? answer : QString();
    });
    QPushButton* choose = nullptr;
    for (QPushButton* b : browser.findChildren<QPushButton*>())
        if (b->text() == u"&Choose file…"_s)
            choose = b;
    QVERIFY(choose);
    choose->click(); // cancelled: nothing changes
    QCOMPARE(chosen.size(), 0);
    QCOMPARE(browser.path(), QString());
    answer = db;
    choose->click();
    QCOMPARE(starts, (QStringList{QString(), QString()}));
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(QFileInfo(chosen.first().at(0).toString()), QFileInfo(db));
    QCOMPARE(QFileInfo(browser.path()), QFileInfo(db));
    QCOMPARE(browser.model()->rowCount(), 2);
    QCOMPARE(browser.message(), QString());

    // The next choice starts in the chosen file's folder.
    answer.clear();
    choose->click();
    QCOMPARE(starts.size(), 3);
    QCOMPARE(QFileInfo(starts.last()), QFileInfo(QFileInfo(db).absolutePath()));
    QCOMPARE(QFileInfo(browser.path()), QFileInfo(db)); // cancelling keeps the file
}

void TestHistoryBrowser::emptyHistorySaysSo() {
    const QTemporaryDir dir = makeScratchDir();
    const QString db = dir.filePath(u"empty.db"_s);
    QString error;
    QVERIFY2(HistoryStore::open(db, &error), qPrintable(error)); // created, no runs
    HistoryChart chart;
    HistoryBrowser browser(db, &chart);
    QCOMPARE(browser.model()->rowCount(), 0);
    QVERIFY2(browser.message().contains(db) && browser.message().contains(u"no runs"_s), qPrintable(browser.message()));
    QVERIFY(!openButton(browser)->isEnabled());

    // A run recorded meanwhile shows up on reload.
    {
        auto store = HistoryStore::open(db, &error);
        QVERIFY2(store, qPrintable(error));
        RunRecord record;
        record.scenario = u"later"_s;
        record.design = u"virtual"_s;
        QVERIFY(store->beginRun(record, &error) > 0);
    }
    QVERIFY(browser.reload());
    QCOMPARE(browser.model()->rowCount(), 1);
    QCOMPARE(browser.message(), QString());
}

QTEST_MAIN(TestHistoryBrowser)
#include "tst_historybrowser.moc"
