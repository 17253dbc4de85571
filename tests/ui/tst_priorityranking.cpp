// SPDX-License-Identifier: GPL-3.0-or-later
// PriorityRanking: a drag to a place in the ranked list becomes the fewest priority changes
// that give that order, within -1..32767.
#include <QtTest>

#include "editors/priorityranking.h"

using swaptier::ui::PriorityRanking;
using swaptier::ui::RankedDevice;
using List = std::vector<RankedDevice>;

Q_DECLARE_METATYPE(List)

class TestPriorityRanking : public QObject {
    Q_OBJECT

private slots:
    void moveTo_data();
    void moveTo();
    void resultIsStrictAroundTheMovedDevice_data();
    void resultIsStrictAroundTheMovedDevice();
};

void TestPriorityRanking::moveTo_data() {
    QTest::addColumn<List>("ranked");
    QTest::addColumn<int>("device");
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("possible");
    QTest::addColumn<List>("changes");

    QTest::newRow("to top: just above the old top") << List{{0, 10}, {1, 1}} << 1 << 0 << true << List{{1, 11}};
    QTest::newRow("to bottom: just below the old bottom") << List{{0, 10}, {1, 5}} << 0 << 1 << true << List{{0, 4}};
    QTest::newRow("between with a gap: the midpoint") << List{{0, 100}, {1, 50}, {2, 10}} << 2 << 1 << true
                                                      << List{{2, 75}};
    QTest::newRow("same place: nothing") << List{{0, 10}, {1, 5}} << 0 << 0 << true << List{};
    QTest::newRow("already in order after a move: nothing") << List{{0, 10}, {1, 5}, {2, 1}} << 1 << 1 << true
                                                            << List{};
    QTest::newRow("no gap: those above are raised") << List{{0, 6}, {1, 5}, {2, 4}} << 2 << 1 << true
                                                    << List{{0, 7}, {2, 6}};
    QTest::newRow("equal priorities made strict") << List{{0, 5}, {1, 5}, {2, 5}} << 2 << 0 << true << List{{2, 6}};
    QTest::newRow("top of the range: those below are lowered")
        << List{{0, 32767}, {1, 32766}, {2, 5}} << 2 << 0 << true << List{{2, 32767}, {0, 32766}, {1, 32765}};
    QTest::newRow("bottom of the range: those above are raised") << List{{0, 5}, {1, -1}} << 0 << 1 << true
                                                                  << List{{1, 0}, {0, -1}};
    QTest::newRow("no gap at the top of the range: lower instead")
        << List{{0, 32767}, {1, 32766}, {2, 1}} << 2 << 1 << true << List{{2, 32766}, {1, 32765}};
    QTest::newRow("rank past the end is clamped") << List{{0, 10}, {1, 5}} << 0 << 9 << true << List{{0, 4}};
    QTest::newRow("unknown device") << List{{0, 10}} << 7 << 0 << false << List{};
    QTest::newRow("equal at the top of the range") << List{{0, 32767}, {1, 32767}} << 1 << 0 << true << List{{0, 32766}};
}

void TestPriorityRanking::moveTo() {
    QFETCH(List, ranked);
    QFETCH(int, device);
    QFETCH(int, rank);
    QFETCH(bool, possible);
    QFETCH(List, changes);
    const auto result = PriorityRanking::moveTo(ranked, device, rank);
    QCOMPARE(result.has_value(), possible);
    if (!possible)
        return;
    QCOMPARE(result->size(), changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        QCOMPARE(result->at(i).device, changes[i].device);
        QCOMPARE(result->at(i).priority, changes[i].priority);
    }
}

// Whatever the list, after applying the changes the moved device sits at the asked place with
// neighbours strictly above and below it, and every priority stays in range.
void TestPriorityRanking::resultIsStrictAroundTheMovedDevice_data() {
    QTest::addColumn<List>("ranked");
    QTest::addColumn<int>("device");
    QTest::addColumn<int>("rank");
    const List crowded{{0, 3}, {1, 3}, {2, 2}, {3, 2}, {4, 1}, {5, 0}, {6, -1}};
    for (int device = 0; device < 7; ++device)
        for (int rank = 0; rank < 7; ++rank)
            QTest::addRow("crowded d%d to %d", device, rank) << crowded << device << rank;
    const List wide{{0, 32767}, {1, 16000}, {2, 16000}, {3, -1}};
    for (int device = 0; device < 4; ++device)
        for (int rank = 0; rank < 4; ++rank)
            QTest::addRow("wide d%d to %d", device, rank) << wide << device << rank;
}

void TestPriorityRanking::resultIsStrictAroundTheMovedDevice() {
    QFETCH(List, ranked);
    QFETCH(int, device);
    QFETCH(int, rank);
    const auto changes = PriorityRanking::moveTo(ranked, device, rank);
    QVERIFY(changes);
    List after = ranked;
    for (const RankedDevice& c : *changes)
        for (RankedDevice& d : after)
            if (d.device == c.device)
                d.priority = c.priority;
    for (const RankedDevice& d : after) {
        QVERIFY(d.priority >= -1);
        QVERIFY(d.priority <= 32767);
    }
    // Rank of the moved device: the number of devices strictly above it; none ties with it
    // next to it.
    const int own = std::find_if(after.begin(), after.end(), [device](auto& d) { return d.device == device; })->priority;
    int above = 0, equal = 0;
    for (const RankedDevice& d : after) {
        if (d.device == device)
            continue;
        above += d.priority > own;
        equal += d.priority == own;
    }
    QCOMPARE(equal, 0);
    QCOMPARE(above, rank);
}

QTEST_APPLESS_MAIN(TestPriorityRanking)
#include "tst_priorityranking.moc"
