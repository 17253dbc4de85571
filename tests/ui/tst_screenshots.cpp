// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the real window: the test starts its own Xvfb (a free display, chosen by
// Xvfb through -displayfd), opens the MainWindow on it with the xcb platform, runs a built-in
// scenario until the views are filled, and writes a PNG of each tab to
// <build>/screenshots/ (SWAPTIER_SCREENSHOT_DIR overrides) so they can be looked at; the
// README's images in docs/screenshots/ are copies of these. Each PNG must be the window's
// size and not blank. Without Xvfb the test skips, saying so.
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QTabWidget>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "apptranslations.h"
#include "charts/historychart.h"
#include "mainwindow.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include "models/actionlogmodel.h"
#include "models/cgroupmodel.h"
#include "models/tiermodel.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

pid_t g_xvfb = -1;
QString g_skipReason;

/// Starts Xvfb on a free display; sets DISPLAY. Empty on success, else why not.
QString startXvfb() {
    int fds[2];
    if (::pipe(fds) != 0)
        return u"pipe() failed"_s;
    const pid_t pid = ::fork();
    if (pid < 0)
        return u"fork() failed"_s;
    if (pid == 0) {
        ::close(fds[0]);
        const std::string fd = std::to_string(fds[1]);
        ::execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
                 static_cast<char*>(nullptr));
        std::_Exit(127);
    }
    ::close(fds[1]);
    char buf[32] = {};
    ssize_t got = 0;
    for (ssize_t n; got < ssize_t(sizeof buf) - 1 && (n = ::read(fds[0], buf + got, sizeof buf - 1 - std::size_t(got))) > 0;) {
        got += n;
        if (buf[got - 1] == '\n')
            break;
    }
    ::close(fds[0]);
    if (got <= 0) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        return u"Xvfb is not installed or did not start (exit status %1)"_s.arg(WEXITSTATUS(status));
    }
    g_xvfb = pid;
    const std::string display = ":" + std::string(buf, std::size_t(got)).substr(0, std::string(buf).find('\n'));
    ::setenv("DISPLAY", display.c_str(), 1);
    ::setenv("QT_QPA_PLATFORM", "xcb", 1);
    return {};
}

void stopXvfb() {
    if (g_xvfb > 0) {
        ::kill(g_xvfb, SIGTERM);
        ::waitpid(g_xvfb, nullptr, 0);
        g_xvfb = -1;
    }
}

/// Not one colour: something was drawn.
bool drawn(const QImage& image) {
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (image.pixel(x, y) != first)
                return true;
    return false;
}

} // namespace

class TestScreenshots : public QObject {
    Q_OBJECT

private slots:
    void mainViews();
    void germanWindow();
    void scaledWindow();
};

void TestScreenshots::mainViews() {
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(u"no screenshots: "_s + g_skipReason));
    QString dir = qEnvironmentVariable("SWAPTIER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(SWAPTIER_BUILD_DIR "/screenshots");
    QVERIFY(QDir().mkpath(dir));

    MainWindow window;
    window.resize(1100, 650);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    QVERIFY2(window.startScenario(u"tier-policies"_s, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.host().snapshot() && window.host().snapshot()->holding, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(window.tierModel()->rowCount() > 0 && window.cgroupModel()->rowCount() > 0, 20000);
    // Two actions in the log: a writeback (so the swapfile holds pages) and a pool compaction.
    swaptier::SandboxAction writeback;
    writeback.kind = swaptier::SandboxAction::Kind::Writeback;
    writeback.writeback.maxPages = 2048;
    writeback.writeback.secondChance = false;
    swaptier::SandboxAction compact;
    compact.kind = swaptier::SandboxAction::Kind::CompactPool;
    const quint64 a = window.runAction(writeback, u"/"_s);
    const quint64 b = window.runAction(compact, u"compressed pool"_s);
    QTRY_VERIFY_WITH_TIMEOUT(window.actionLog()->status(window.actionLog()->rowOf(a)) == ActionLogModel::Status::Done
                                 && window.actionLog()->status(window.actionLog()->rowOf(b)) == ActionLogModel::Status::Done,
                             60000);
    QTest::qWait(300); // the snapshot after the actions

    const struct {
        int tab;
        const char* file;
    } shots[] = {{0, "tiers.png"}, {1, "cgroups.png"}, {2, "occupancy.png"}, {3, "history.png"}, {4, "setup.png"}};
    for (const auto& shot : shots) {
        window.tabs()->setCurrentIndex(shot.tab);
        if (shot.tab == 3)
            window.historyChart()->refresh();
        QTest::qWait(400); // layout, the chart's queued replot
        const QImage image = window.grab().toImage();
        QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
        QVERIFY2(drawn(image), shot.file);
        const QString path = QDir(dir).filePath(QString::fromLatin1(shot.file));
        QVERIFY2(image.save(path), qPrintable(path));
        qInfo("screenshot: %s", qPrintable(path));
    }
    // The dark palette: the window and its views draw dark (mostly dark pixels).
    window.setTheme(u"dark"_s);
    window.tabs()->setCurrentIndex(0);
    QTest::qWait(400);
    const QImage dark = window.grab().toImage();
    qint64 lightness = 0, pixels = 0;
    for (int y = 0; y < dark.height(); y += 5)
        for (int x = 0; x < dark.width(); x += 5, ++pixels)
            lightness += QColor(dark.pixel(x, y)).lightness();
    QVERIFY2(lightness / pixels < 110, qPrintable(QString::number(lightness / pixels)));
    const QString darkPath = QDir(dir).filePath(u"tiers-dark.png"_s);
    QVERIFY2(dark.save(darkPath), qPrintable(darkPath));
    qInfo("screenshot: %s", qPrintable(darkPath));
    window.setTheme(u"system"_s);
    window.host().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.host().running(), 60000);
}

// Readable at 2x: the window under QT_SCALE_FACTOR=2 (a child process of this test, as the
// factor is read when the application starts) renders at twice the pixels.
void TestScreenshots::scaledWindow() {
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(u"no screenshots: "_s + g_skipReason));
    QString dir = qEnvironmentVariable("SWAPTIER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(SWAPTIER_BUILD_DIR "/screenshots");
    const QString path = QDir(dir).filePath(u"tiers-2x.png"_s);
    if (qEnvironmentVariable("QT_SCALE_FACTOR") != u"2"_s) {
        QFile::remove(path);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_SCALE_FACTOR"_s, u"2"_s);
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(), {u"scaledWindow"_s});
        QVERIFY(child.waitForFinished(240000));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(QFileInfo::exists(path));
        return;
    }
    MainWindow window;
    window.resize(700, 420); // 1400 x 840 device pixels
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.devicePixelRatio(), 2.0);
    QString error;
    QVERIFY2(window.startScenario(u"tier-policies"_s, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.tierModel()->rowCount() > 0, 60000);
    QTest::qWait(400);
    const QImage image = window.grab().toImage();
    QCOMPARE(image.size(), window.size() * 2);
    QVERIFY(drawn(image));
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    window.host().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.host().running(), 60000);
}

// The window in German (translations installed before it is built): the tier tab.
void TestScreenshots::germanWindow() {
    if (!g_skipReason.isEmpty())
        QSKIP(qPrintable(u"no screenshots: "_s + g_skipReason));
    QString dir = qEnvironmentVariable("SWAPTIER_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(SWAPTIER_BUILD_DIR "/screenshots");
    const AppTranslations german(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(german.installed().contains(u"swaptier_ui_de"_s));
    MainWindow window;
    window.resize(1100, 650);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.tabs()->tabText(0), u"S&tufen"_s); // "tier" is "Stufe" in German
    QVERIFY(window.tabs()->tabText(3) != u"&History"_s);
    QString error;
    QVERIFY2(window.startScenario(u"cgroup-tree"_s, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window.host().snapshot() && window.host().snapshot()->holding, 120000);
    QTest::qWait(400);
    const QImage image = window.grab().toImage();
    QVERIFY(drawn(image));
    const QString path = QDir(dir).filePath(u"tiers-de.png"_s);
    QVERIFY2(image.save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
    window.host().stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.host().running(), 60000);
}

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("SWAPTIER_SCREENSHOT_NO_XVFB"))
        g_skipReason = startXvfb();
    else
        ::setenv("QT_QPA_PLATFORM", "offscreen", 1);
    int rc = 0;
    {
        QApplication app(argc, argv);
        TestScreenshots test;
        rc = QTest::qExec(&test, argc, argv);
    }
    stopXvfb();
    return rc;
}

#include "tst_screenshots.moc"
