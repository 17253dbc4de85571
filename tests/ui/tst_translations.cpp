// SPDX-License-Identifier: GPL-3.0-or-later
// Translations: the German catalogues are complete (no unfinished or empty message) and keep
// every placeholder and accelerator of their source texts and the glossary's terms (a swap tier
// is a "Stufe", a cgroup stays "cgroup" as in the kernel); the English ones give both plural
// forms of every %n message; the compiled catalogues are in the app's resources and change the UI's text when
// installed for German, and nothing for a locale without a catalogue.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "apptranslations.h"
#include "models/tiermodel.h"
#endif

using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

struct Message {
    QString context, source;
    QStringList translations; ///< one, or the numerus forms
    bool numerus = false;
    bool unfinished = false;
};

QList<Message> readTs(const QString& path, QString* error) {
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message") {
            m = Message{};
            m.context = context;
            m.numerus = xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
        } else if (name == u"source")
            m.source = xml.readElementText();
        else if (name == u"translation") {
            m.unfinished = xml.attributes().value(QStringLiteral("type")) == QStringLiteral("unfinished");
            if (!m.numerus) {
                m.translations << xml.readElementText();
                out << m;
            }
        } else if (name == u"numerusform") {
            m.translations << xml.readElementText();
            if (m.translations.size() == 2)
                out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

/// "%1" x2, "%n" x1 ... as a sorted list.
QStringList placeholders(const QString& text) {
    static const QRegularExpression re(u"%(?:L?\\d|n)"_s);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    return out;
}

int accelerators(const QString& text) {
    static const QRegularExpression re(u"&(?=[^&\\s])"_s);
    return int(text.count(re));
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void germanIsComplete_data();
    void germanIsComplete();
    void germanUsesTheGlossary_data();
    void germanUsesTheGlossary();
    void englishGivesPluralForms();
    void installedCataloguesChangeTheText();
};

void TestTranslations::germanIsComplete_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("ui") << u"swaptier_ui_de.ts"_s;
    QTest::newRow("services") << u"swaptier_services_de.ts"_s;
}

void TestTranslations::germanIsComplete() {
    QFETCH(QString, file);
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(SWAPTIER_SOURCE_DIR "/translations/") + file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    for (const Message& m : messages) {
        const QString where = m.context + u": \""_s + m.source + u'"';
        QVERIFY2(!m.unfinished, qPrintable(u"unfinished: "_s + where));
        QCOMPARE(m.translations.size(), m.numerus ? 2 : 1);
        for (const QString& t : m.translations) {
            QVERIFY2(!t.isEmpty(), qPrintable(u"empty: "_s + where));
            QVERIFY2(placeholders(t) == placeholders(m.source), qPrintable(u"placeholders differ: "_s + where));
            QVERIFY2(accelerators(t) == accelerators(m.source), qPrintable(u"accelerator differs: "_s + where));
        }
    }
}

void TestTranslations::germanUsesTheGlossary_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("avoid"); // a pattern no German translation may contain
    QTest::addColumn<QString>("why");
    for (const QString& file : {u"swaptier_ui_de.ts"_s, u"swaptier_services_de.ts"_s}) {
        QTest::addRow("%s: tier", qPrintable(file)) << file << u"\\bTier"_s << u"a swap tier is a \"Stufe\""_s;
        QTest::addRow("%s: cgroup", qPrintable(file)) << file << u"Cgroup"_s
                                                     << u"\"cgroup\" is lowercase, as in the kernel"_s;
    }
}

void TestTranslations::germanUsesTheGlossary() {
    QFETCH(QString, file);
    QFETCH(QString, avoid);
    QFETCH(QString, why);
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(SWAPTIER_SOURCE_DIR "/translations/") + file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QRegularExpression re(avoid);
    QVERIFY(re.isValid());
    for (const Message& m : messages)
        for (const QString& t : m.translations)
            QVERIFY2(!re.match(t).hasMatch(), qPrintable(why + u": "_s + m.context + u": \""_s + t + u'"'));
}

void TestTranslations::englishGivesPluralForms() {
    QString error;
    const QList<Message> messages =
        readTs(QStringLiteral(SWAPTIER_SOURCE_DIR "/translations/swaptier_services_en.ts"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!messages.isEmpty());
    int plurals = 0;
    for (const Message& m : messages) {
        if (!m.numerus)
            continue; // other messages may be listed (lupdate), the source text is their English
        ++plurals;
        QVERIFY2(!m.unfinished, qPrintable(m.source));
        QVERIFY2(!m.translations.at(0).contains(u"(s)"_s) && !m.translations.at(1).contains(u"(s)"_s),
                 qPrintable(m.source));
        QVERIFY2(m.translations.at(0) != m.translations.at(1), qPrintable(m.source));
    }
    QVERIFY(plurals >= 5);
}

void TestTranslations::installedCataloguesChangeTheText() {
    TierModel model;
    const QString english = model.headerData(TierModel::Capacity, Qt::Horizontal).toString();
    QCOMPARE(english, u"Capacity"_s);
    {
        const AppTranslations german(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(german.installed().contains(u"swaptier_ui_de"_s), qPrintable(german.installed().join(u',')));
        QVERIFY(german.installed().contains(u"swaptier_services_de"_s));
        const QString translated = model.headerData(TierModel::Capacity, Qt::Horizontal).toString();
        QVERIFY2(!translated.isEmpty() && translated != english, qPrintable(translated));
    }
    QCOMPARE(model.headerData(TierModel::Capacity, Qt::Horizontal).toString(), english); // removed again
    const AppTranslations none(QLocale(QLocale::Swahili)); // no catalogue of ours
    for (const QString& c : none.installed())
        QVERIFY2(!c.startsWith(u"swaptier_"_s), qPrintable(c));
    QCOMPARE(model.headerData(TierModel::Capacity, Qt::Horizontal).toString(), english);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
