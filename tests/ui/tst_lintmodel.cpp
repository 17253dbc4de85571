// SPDX-License-Identifier: GPL-3.0-or-later
// LintModel under QAbstractItemModelTester: one row per finding with severity (and its
// standard icon), subject and message, the explanation as tooltip, roles for the code and the
// subject indices; no signal at all for the same findings fed again and again (as from
// snapshots), ranged dataChanged when only texts change, a reset when findings come or go.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QIcon>
#include <QSignalSpy>
#include <QStyle>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "models/lintmodel.h"
#endif

using namespace swaptier::services;
using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

LintFinding finding(LintSeverity severity, const char* code, LintSubject::Kind kind, int index, const QString& name,
                    const QString& message, int relatedIndex = -1) {
    LintFinding f;
    f.severity = severity;
    f.code = QString::fromLatin1(code);
    f.subject = {kind, index, name};
    if (relatedIndex >= 0)
        f.related = {LintSubject::Kind::Cgroup, relatedIndex, u"apps"_s};
    f.message = message;
    f.explanation = u"Why "_s + message;
    return f;
}

std::vector<LintFinding> findings(const QString& figure = u"8.0 MiB"_s) {
    return {finding(LintSeverity::Warning, lintcode::kEqualPriority, LintSubject::Kind::Device, 1, u"hdd"_s,
                    u"Swap devices \"ssd\" and \"hdd\" share priority 5."_s),
            finding(LintSeverity::Warning, lintcode::kSwapMaxBelowUse, LintSubject::Kind::Cgroup, 3, u"batch"_s,
                    u"cgroup \"batch\" has "_s + figure + u" swapped."_s),
            finding(LintSeverity::Notice, lintcode::kLimitAboveAncestor, LintSubject::Kind::Cgroup, 2,
                    u"apps/web"_s, u"memory.max of cgroup \"apps/web\" is above that of \"apps\"."_s, 1)};
}

} // namespace

class TestLintModel : public QObject {
    Q_OBJECT

private slots:
    void showsFindings();
    void sameFindingsEmitNothing();
    void changedTextsGiveRangedDataChanged();
    void otherRowsGiveAReset();
    void everyColumnExplainsItself();
};

void TestLintModel::showsFindings() {
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setFindings(findings());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(LintModel::ColumnCount));
    QCOMPARE(model.warningCount(), 2);
    QCOMPARE(model.index(0, LintModel::Severity).data().toString(), u"warning"_s);
    QCOMPARE(model.index(2, LintModel::Severity).data().toString(), u"notice"_s);
    QCOMPARE(model.index(0, LintModel::Subject).data().toString(), u"device hdd"_s);
    QCOMPARE(model.index(1, LintModel::Subject).data().toString(), u"cgroup batch"_s);
    QVERIFY(model.index(1, LintModel::Message).data().toString().contains(u"8.0 MiB"_s));

    // Icons: the style's warning and information icons, on the severity column only.
    const auto icon = [&](int row) {
        return model.index(row, LintModel::Severity).data(Qt::DecorationRole).value<QIcon>();
    };
    QVERIFY(!icon(0).isNull());
    const QImage warning = icon(0).pixmap(16, 16).toImage();
    QCOMPARE(warning, QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16).toImage());
    QCOMPARE(icon(2).pixmap(16, 16).toImage(),
             QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16).toImage());
    QVERIFY(!model.index(0, LintModel::Message).data(Qt::DecorationRole).isValid());

    // The explanation on every cell, and the roles a panel needs to jump to the subject.
    for (int c = 0; c < LintModel::ColumnCount; ++c)
        QCOMPARE(model.index(2, c).data(Qt::ToolTipRole).toString(), findings()[2].explanation);
    QCOMPARE(model.index(2, 0).data(LintModel::ExplanationRole).toString(), findings()[2].explanation);
    QCOMPARE(model.index(0, LintModel::Message).data(LintModel::CodeRole).toString(), u"equal-priority"_s);
    QCOMPARE(model.index(2, 0).data(LintModel::SeverityRole).toInt(), int(LintSeverity::Notice));
    QCOMPARE(model.index(1, 0).data(LintModel::SubjectKindRole).toInt(), int(LintSubject::Kind::Cgroup));
    QCOMPARE(model.index(1, 0).data(LintModel::SubjectIndexRole).toInt(), 3);
    QCOMPARE(model.index(2, 0).data(LintModel::RelatedKindRole).toInt(), int(LintSubject::Kind::Cgroup));
    QCOMPARE(model.index(2, 0).data(LintModel::RelatedIndexRole).toInt(), 1);
    QCOMPARE(model.index(0, 0).data(LintModel::RelatedKindRole).toInt(), int(LintSubject::Kind::None));
    QCOMPARE(model.index(0, 0).data(LintModel::RelatedIndexRole).toInt(), -1);
    QVERIFY(!model.index(0, 0).data(Qt::UserRole + 100).isValid());
}

void TestLintModel::sameFindingsEmitNothing() {
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFindings(findings());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    for (int i = 0; i < 10; ++i) // a second of snapshots at 10 Hz
        model.setFindings(findings());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(aboutToReset.size(), 0);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(layout.size(), 0);

    // An empty list fed again is silent too.
    model.setFindings({});
    QCOMPARE(reset.size(), 1);
    model.setFindings({});
    QCOMPARE(reset.size(), 1);
}

void TestLintModel::changedTextsGiveRangedDataChanged() {
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFindings(findings());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setFindings(findings(u"9.5 MiB"_s)); // only row 1's figure changed
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), model.index(1, 0));
    QCOMPARE(changed.first().at(1).toModelIndex(), model.index(1, LintModel::ColumnCount - 1));
    QVERIFY(model.index(1, LintModel::Message).data().toString().contains(u"9.5 MiB"_s));
}

void TestLintModel::otherRowsGiveAReset() {
    LintModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFindings(findings());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    auto fewer = findings();
    fewer.erase(fewer.begin());
    model.setFindings(fewer);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(LintModel::CodeRole).toString(), u"swap-max-below-use"_s);
    auto moved = fewer;
    moved[0].subject.index = 4; // the same code about another cgroup: another row
    model.setFindings(moved);
    QCOMPARE(reset.size(), 2);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.index(0, 0).data(LintModel::SubjectIndexRole).toInt(), 4);
}

void TestLintModel::everyColumnExplainsItself() {
    LintModel model;
    for (int c = 0; c < LintModel::ColumnCount; ++c) {
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
        QVERIFY2(model.headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().size() > 20,
                 qPrintable(QString::number(c)));
    }
    QVERIFY(!model.headerData(LintModel::ColumnCount, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
}

QTEST_MAIN(TestLintModel)
#include "tst_lintmodel.moc"
