// SPDX-License-Identifier: GPL-3.0-or-later
// swaptierctl: the headless swaptier binary. Everything but the application object lives in
// services/ (CliApp); see `swaptierctl --help` for commands and exit codes.
#include "cliapp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("swaptierctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWAPTIER_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("swaptier"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return swaptier::services::CliApp::run(QCoreApplication::arguments(), out, err);
}
