// SPDX-License-Identifier: GPL-3.0-or-later
// swaptier: the desktop app. Everything but the application object lives in ui/ (MainWindow).
//
// Without a display (no DISPLAY, no WAYLAND_DISPLAY, no QT_QPA_PLATFORM) Qt would abort; the
// app says so and runs the headless engine instead (swaptierctl run <scenario>, installed next
// to it), so `make run` does something useful on a server too.
#include "apptranslations.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {

bool haveDisplay() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
        const char* v = std::getenv(name);
        if (v && *v)
            return true;
    }
    return false;
}

/// Replaces this process with `swaptierctl run usemem` from the directory of argv[0].
int runHeadless(const char* argv0) {
    const std::string dir = QFileInfo(QString::fromLocal8Bit(argv0)).absolutePath().toStdString();
    const std::string ctl = dir + "/swaptierctl";
    std::fprintf(stderr,
                 "swaptier: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop app cannot open a "
                 "window.\nswaptier: running the headless engine instead: %s run usemem\n",
                 ctl.c_str());
    std::fflush(stderr);
    const char* args[] = {ctl.c_str(), "run", "usemem", nullptr};
    ::execv(ctl.c_str(), const_cast<char* const*>(args));
    std::fprintf(stderr, "swaptier: cannot start %s: %s\n", ctl.c_str(), std::strerror(errno));
    return 1;
}

} // namespace

int main(int argc, char* argv[]) {
    if (!haveDisplay())
        return runHeadless(argv[0]);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swaptier"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWAPTIER_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("swaptier"));
    const swaptier::ui::AppTranslations translations(QLocale::system());
    swaptier::ui::MainWindow window;
    window.resize(1100, 700);
    window.show();
    return app.exec();
}
