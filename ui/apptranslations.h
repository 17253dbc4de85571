// SPDX-License-Identifier: GPL-3.0-or-later
// AppTranslations: installs the app's catalogues for a locale: the services and ui messages
// compiled in under :/i18n/ (swaptier_services_<lang>.qm, swaptier_ui_<lang>.qm; see
// translations/) and Qt's own (qtbase_<lang>.qm) when the system has them. English needs only
// the plural forms; a locale without a catalogue keeps the English source texts.
#pragma once

#include <QLocale>
#include <QStringList>

#include <memory>
#include <vector>

class QTranslator;

namespace swaptier::ui {

class AppTranslations {
public:
    /// Loads and installs what exists for `locale`; the translators live as long as this object.
    /// REQUIRES: a QCoreApplication exists.
    explicit AppTranslations(const QLocale& locale);
    ~AppTranslations();
    AppTranslations(const AppTranslations&) = delete;
    AppTranslations& operator=(const AppTranslations&) = delete;

    /// The catalogues installed, e.g. {"swaptier_services_de", "swaptier_ui_de", "qtbase_de"}.
    QStringList installed() const { return m_installed; }

private:
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    QStringList m_installed;
};

} // namespace swaptier::ui
