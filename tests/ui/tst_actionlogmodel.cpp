// SPDX-License-Identifier: GPL-3.0-or-later
// ActionLogModel under QAbstractItemModelTester: an action is queued when added, running with
// a share once progress comes, done / failed / cancelled by its figures with a one-line
// result; the end of the run cancels what was still waiting; unknown ids are ignored.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/actionlogmodel.h"
#endif

using namespace swaptier;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;
using Kind = SandboxAction::Kind;
using LogStatus = ActionLogModel::Status;

class TestActionLogModel : public QObject {
    Q_OBJECT

private slots:
    void lifecycle();
    void resultTexts();
};

void TestActionLogModel::lifecycle() {
    ActionLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.added(7, Kind::Writeback, u"apps/web"_s);
    model.added(8, Kind::CompactPool, u"compressed pool"_s);
    model.added(9, Kind::Swapoff, u"ssd"_s);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ActionLogModel::Action).data().toString(), u"write back now"_s);
    QCOMPARE(model.index(0, ActionLogModel::Target).data().toString(), u"apps/web"_s);
    QCOMPARE(model.index(0, ActionLogModel::State).data().toString(), u"queued"_s);
    QCOMPARE(model.index(0, 0).data(ActionLogModel::IdRole).toULongLong(), 7u);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.progressed(7, 256, 1024);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(0, ActionLogModel::ColumnCount - 1));
    QCOMPARE(model.status(0), LogStatus::Running);
    QCOMPARE(model.index(0, ActionLogModel::Progress).data().toString(), u"25.0%"_s);
    QCOMPARE(model.index(0, 0).data(ActionLogModel::ProgressRole).toDouble(), 0.25);

    ActionFigures ok;
    ok.kind = Kind::Writeback;
    ok.pagesMoved = 1024;
    ok.pagesWritten = 1024;
    ok.writeCalls = 4;
    model.finished(7, ok);
    QCOMPARE(model.status(0), LogStatus::Done);
    QCOMPARE(model.index(0, ActionLogModel::Progress).data().toString(), u"100.0%"_s);
    QVERIFY(model.index(0, ActionLogModel::Result).data().toString().contains(u"in 4 writes"_s));

    ActionFigures failed;
    failed.error = Error::of(Errc::IoError).os(5);
    model.finished(8, failed);
    QCOMPARE(model.status(1), LogStatus::Failed);
    QVERIFY(!model.index(1, ActionLogModel::Result).data().toString().isEmpty());

    model.finished(12345, ok); // unknown: ignored
    model.progressed(12345, 1, 2);
    QCOMPARE(model.rowOf(12345), -1);

    model.runEnded(); // 9 was still queued
    QCOMPARE(model.status(2), LogStatus::Cancelled);
    QCOMPARE(model.status(0), LogStatus::Done);
}

void TestActionLogModel::resultTexts() {
    ActionFigures f;
    f.pagesMoved = 3;
    f.bytesReclaimed = 2u << 20;
    f.nanos = 1'500'000'000;
    const QString text = ActionLogModel::resultText(f);
    QVERIFY2(text.contains(u"moved 3 pages"_s) && text.contains(u"2.0 MiB"_s) && text.contains(u"1.50 s"_s),
             qPrintable(text));
    f.error = Error::of(Errc::Cancelled);
    QCOMPARE(ActionLogModel::resultText(f), u"cancelled"_s);
    for (int k = 0; k <= int(Kind::SetPromotion); ++k)
        QVERIFY(!ActionLogModel::kindName(Kind(k)).isEmpty());
}

QTEST_MAIN(TestActionLogModel)
#include "tst_actionlogmodel.moc"
