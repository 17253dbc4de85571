// SPDX-License-Identifier: GPL-3.0-or-later
// AppTranslations (apptranslations.h).
#include "apptranslations.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace swaptier::ui {

AppTranslations::AppTranslations(const QLocale& locale) {
    const struct {
        const char* name;
        QString directory;
    } catalogues[] = {{"swaptier_services", QStringLiteral(":/i18n")},
                      {"swaptier_ui", QStringLiteral(":/i18n")},
                      {"qtbase", QLibraryInfo::path(QLibraryInfo::TranslationsPath)}};
    for (const auto& c : catalogues) {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(locale, QString::fromLatin1(c.name), QStringLiteral("_"), c.directory))
            continue;
        if (!QCoreApplication::installTranslator(translator.get()))
            continue;
        m_installed << QFileInfo(translator->filePath()).completeBaseName();
        m_translators.push_back(std::move(translator));
    }
}

AppTranslations::~AppTranslations() {
    for (const auto& t : m_translators)
        QCoreApplication::removeTranslator(t.get());
}

} // namespace swaptier::ui
