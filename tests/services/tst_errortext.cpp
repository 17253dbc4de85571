// SPDX-License-Identifier: GPL-3.0-or-later
// errorText(): every error code has its own non-empty sentence, and every fact an Error
// carries (slot, device, path, byte offset, errno) appears in the text.
#include <QSet>
#include <QTest>

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse GCC 12's C++20 headers
#include "errortext.h"
#include "swaptier/status.h"

#include <cerrno>
#endif

using namespace swaptier;
using namespace swaptier::services;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLastCode = int(Errc::Exists);

QList<Errc> allCodes() {
    QList<Errc> codes;
    for (int c = 0; c <= kLastCode; ++c)
        codes << static_cast<Errc>(c);
    return codes;
}

Error withAllFacts(Errc code) {
    Error e = Error::of(code);
    e.at(SlotId{987654321}).on(DeviceId{42}).file("/srv/swap/tier one.swap", 1234567).os(EIO);
    return e;
}

} // namespace

class TestErrorText : public QObject {
    Q_OBJECT

private slots:
    void everyCodeHasDistinctText();
    void everyCodeNamesAllFacts_data();
    void everyCodeNamesAllFacts();
    void facts_data();
    void facts();
    void unknownCodeStillSaysSomething();
};

void TestErrorText::everyCodeHasDistinctText() {
    QSet<QString> bare;
    QSet<QString> full;
    for (Errc code : allCodes()) {
        const QString plain = errorText(Error::of(code));
        const QString rich = errorText(withAllFacts(code));
        QVERIFY2(!plain.trimmed().isEmpty(), errcName(code));
        QVERIFY2(!rich.trimmed().isEmpty(), errcName(code));
        QVERIFY2(!bare.contains(plain),
                 qPrintable(u"%1 shares its text: %2"_s.arg(QLatin1String(errcName(code)), plain)));
        QVERIFY2(!full.contains(rich),
                 qPrintable(u"%1 shares its text: %2"_s.arg(QLatin1String(errcName(code)), rich)));
        bare.insert(plain);
        full.insert(rich);
        QVERIFY2(plain.endsWith(u'.'), qPrintable(plain)); // whole sentences
    }
    QCOMPARE(bare.size(), kLastCode + 1);
}

void TestErrorText::everyCodeNamesAllFacts_data() {
    QTest::addColumn<int>("code");
    for (Errc code : allCodes())
        if (code != Errc::Ok)
            QTest::newRow(errcName(code)) << int(code);
}

void TestErrorText::everyCodeNamesAllFacts() {
    QFETCH(int, code);
    const QString text = errorText(withAllFacts(static_cast<Errc>(code)));
    for (const QString& fact :
         {u"987654321"_s, u"42"_s, u"/srv/swap/tier one.swap"_s, u"1234567"_s, qt_error_string(EIO)})
        QVERIFY2(text.contains(fact), qPrintable(u"\"%1\" lacks \"%2\""_s.arg(text, fact)));
    // No fact is named twice.
    QCOMPARE(text.count(u"987654321"_s), 1);
    QCOMPARE(text.count(u"/srv/swap/tier one.swap"_s), 1);
}

void TestErrorText::facts_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<qint64>("slot");    // -1: none
    QTest::addColumn<int>("device");     // -1: none
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("offset");  // -1: none
    QTest::addColumn<int>("osError");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("lacks");

    QTest::newRow("freed slot") << int(Errc::FreedSlot) << qint64(4097) << -1 << QString() << qint64(-1) << 0
                                << QStringList{u"slot 4097"_s, u"free"_s} << QStringList{u"offset"_s, u"device"_s};
    QTest::newRow("unknown slot") << int(Errc::UnknownSlot) << qint64(77) << -1 << QString() << qint64(-1) << 0
                                  << QStringList{u"slot 77"_s} << QStringList{u"errno"_s};
    QTest::newRow("unknown device") << int(Errc::UnknownDevice) << qint64(-1) << 3 << QString() << qint64(-1) << 0
                                    << QStringList{u"device 3"_s} << QStringList{u"slot"_s};
    QTest::newRow("device full") << int(Errc::DeviceFull) << qint64(-1) << 9 << QString() << qint64(-1) << 0
                                 << QStringList{u"device 9"_s, u"no free slot"_s} << QStringList{};
    QTest::newRow("write error at offset")
        << int(Errc::IoError) << qint64(-1) << 1 << u"/var/swap/fast.swap"_s << qint64(8192) << EIO
        << QStringList{u"\"/var/swap/fast.swap\""_s, u"byte offset 8192"_s, u"device 1"_s, qt_error_string(EIO),
                       u"errno 5"_s}
        << QStringList{u"slot"_s};
    QTest::newRow("disk full") << int(Errc::NoSpace) << qint64(-1) << -1 << u"/mnt/ssd/swap"_s << qint64(1 << 20)
                               << ENOSPC
                               << QStringList{u"/mnt/ssd/swap"_s, u"full"_s, u"1048576"_s, qt_error_string(ENOSPC)}
                               << QStringList{};
    QTest::newRow("corrupt slot on device")
        << int(Errc::CorruptData) << qint64(555) << 2 << u"/swap/slow.swap"_s << qint64(4096 * 556) << 0
        << QStringList{u"slot 555"_s, u"device 2"_s, u"/swap/slow.swap"_s, u"2277376"_s, u"corrupt"_s}
        << QStringList{u"errno"_s};
    QTest::newRow("truncated file") << int(Errc::ShortIo) << qint64(-1) << -1 << u"/swap/t.swap"_s << qint64(40960)
                                    << 0 << QStringList{u"\"/swap/t.swap\""_s, u"40960"_s, u"truncated"_s}
                                    << QStringList{};
    QTest::newRow("foreign file") << int(Errc::Exists) << qint64(-1) << -1 << u"/etc/passwd"_s << qint64(-1) << 0
                                  << QStringList{u"\"/etc/passwd\""_s, u"untouched"_s} << QStringList{u"offset"_s};
    QTest::newRow("errno only") << int(Errc::IoError) << qint64(-1) << -1 << QString() << qint64(-1) << EACCES
                                << QStringList{qt_error_string(EACCES), u"errno 13"_s} << QStringList{u"file"_s};
    QTest::newRow("busy slot") << int(Errc::Busy) << qint64(31337) << -1 << QString() << qint64(-1) << 0
                               << QStringList{u"31337"_s, u"try again"_s} << QStringList{};
    QTest::newRow("offset zero is a real offset")
        << int(Errc::IoError) << qint64(-1) << -1 << u"/s"_s << qint64(0) << EIO << QStringList{u"byte offset 0"_s}
        << QStringList{};
}

void TestErrorText::facts() {
    QFETCH(int, code);
    QFETCH(qint64, slot);
    QFETCH(int, device);
    QFETCH(QString, path);
    QFETCH(qint64, offset);
    QFETCH(int, osError);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, lacks);

    Error e = Error::of(static_cast<Errc>(code));
    if (slot >= 0)
        e.at(SlotId{quint64(slot)});
    if (device >= 0)
        e.on(DeviceId{quint32(device)});
    if (!path.isEmpty())
        e.file(path.toStdString());
    if (offset >= 0)
        e.offset = quint64(offset);
    e.os(osError);
    const QString text = errorText(e);
    for (const QString& s : contains)
        QVERIFY2(text.contains(s), qPrintable(u"\"%1\" lacks \"%2\""_s.arg(text, s)));
    for (const QString& s : lacks)
        QVERIFY2(!text.contains(s, Qt::CaseInsensitive),
                 qPrintable(u"\"%1\" should not mention \"%2\""_s.arg(text, s)));
}

void TestErrorText::unknownCodeStillSaysSomething() {
    const QString text = errorText(Error::of(static_cast<Errc>(200)));
    QVERIFY(text.contains(u"200"_s));
    QCOMPARE(errorText(Error::of(Errc::Ok)), errorText(Error{}));
}

QTEST_APPLESS_MAIN(TestErrorText)
#include "tst_errortext.moc"
