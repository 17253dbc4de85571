// SPDX-License-Identifier: GPL-3.0-or-later
// SourceBar::setProgress never paints during the call: QProgressBar::setValue() alone repaints
// synchronously, and a synchronous repaint paints every dirty widget of the window with it (the
// cgroup tree, in the window), inside each snapshot's handling (bench_uistall,
// docs/benchmarks.md section 7). The bar gets its new value at once and its paint event from the
// event loop afterwards; the "held" text likewise.
#include <QProgressBar>
#include <QtTest>

#ifndef Q_MOC_RUN
#include "sourcebar.h"
#endif

using namespace swaptier::ui;
using namespace Qt::StringLiterals;

namespace {

/// Counts the paint events of the object it filters.
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestSourceBar : public QObject {
    Q_OBJECT

private slots:
    void progressPaintsLater_data();
    void progressPaintsLater();
};

void TestSourceBar::progressPaintsLater_data() {
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<bool>("holding");
    QTest::addColumn<QString>("text");
    QTest::newRow("half way") << 0.0 << 0.5 << false << u"50%"_s;
    QTest::newRow("small step") << 0.42 << 0.43 << false << u"43%"_s;
    QTest::newRow("to the end") << 0.5 << 1.0 << false << u"100%"_s;
    QTest::newRow("held at the end") << 1.0 << 1.0 << true << u"done, held for actions"_s;
}

void TestSourceBar::progressPaintsLater() {
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(bool, holding);
    QFETCH(QString, text);
    SourceBar bar;
    bar.resize(1000, 40);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    auto* progress = bar.findChild<QProgressBar*>();
    QVERIFY(progress);
    bar.setProgress(from, false);
    QTest::qWait(50); // the first value painted; a paint still pending could not come in the call below anyway
    PaintCounter counter;
    progress->installEventFilter(&counter);

    bar.setProgress(to, holding);
    QCOMPARE(counter.paints, 0);
    QCOMPARE(progress->value(), int(to * 1000));
    QCOMPARE(progress->text(), text);
    QTRY_VERIFY_WITH_TIMEOUT(counter.paints > 0, 2000);
}

QTEST_MAIN(TestSourceBar)
#include "tst_sourcebar.moc"
