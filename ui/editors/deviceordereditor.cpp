// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceOrderEditor (deviceordereditor.h).
#include "editors/deviceordereditor.h"

#include "editors/editsink.h"
#include "editors/fielderror.h"
#include "editors/priorityranking.h"
#include "models/devicerankmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace swaptier::ui {

namespace {

/// Priorities are edited in a spin box limited to swapon's range.
class PriorityDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override {
        auto* spin = new QSpinBox(parent);
        spin->setObjectName(QStringLiteral("PrioritySpin"));
        spin->setRange(swaptier::kMinSwapPriority, swaptier::kMaxSwapPriority);
        spin->setAccessibleName(DeviceOrderEditor::tr("Priority"));
        spin->setFrame(false);
        return spin;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        static_cast<QSpinBox*>(editor)->setValue(index.data(Qt::EditRole).toInt());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override {
        auto* spin = static_cast<QSpinBox*>(editor);
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
    }
};

} // namespace

DeviceOrderEditor::DeviceOrderEditor(EditSink* sink, QWidget* parent)
    : QWidget(parent), m_sink(sink), m_model(new DeviceRankModel(this)), m_view(new QTableView(this)) {
    m_view->setObjectName(QStringLiteral("DeviceOrderView"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(DeviceRankModel::Priority, new PriorityDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragDropOverwriteMode(false);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(DeviceRankModel::Name, QHeaderView::Stretch);
    m_view->setAccessibleName(tr("Swapfiles in the order the engine uses them"));
    m_view->setToolTip(tr("Drag a row to rank the swapfile, or press F2 on its priority to change it. "
                          "Higher priorities fill first; equal priorities take turns."));
    m_error = new FieldError(m_view, this);

    auto* hint = new QLabel(tr("Drag a row to change the order, or edit a priority (F2). Ctrl+Z undoes."), this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    layout->addWidget(m_error);
    layout->addWidget(hint);

    connect(m_model, &DeviceRankModel::priorityEditRequested, this,
            [this](int device, int priority) { setPriority(device, priority); });
    connect(m_model, &DeviceRankModel::moveRequested, this, [this](int device, int rank) { moveDevice(device, rank); });
}

void DeviceOrderEditor::setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    m_snapshot = snapshot;
    // Keep the selected device selected across a reordering.
    const QModelIndex current = m_view->currentIndex();
    const int device = current.isValid() ? current.data(DeviceRankModel::DeviceIndexRole).toInt() : -1;
    const int column = current.isValid() ? current.column() : 0;
    m_model->setSnapshot(snapshot);
    if (device >= 0 && !m_view->currentIndex().isValid()) {
        const auto& order = m_model->order();
        for (std::size_t r = 0; r < order.size(); ++r)
            if (order[r] == device)
                m_view->setCurrentIndex(m_model->index(int(r), column));
    }
}

QString DeviceOrderEditor::deviceName(int device) const {
    if (m_snapshot && std::size_t(device) < m_snapshot->deviceNames.size())
        return QString::fromStdString(m_snapshot->deviceNames[std::size_t(device)]);
    return tr("device %1").arg(device);
}

bool DeviceOrderEditor::setPriority(int device, int priority) {
    swaptier::SandboxAction a;
    a.kind = swaptier::SandboxAction::Kind::SetPriority;
    a.device = device;
    a.priority = priority;
    const QString name = deviceName(device);
    const QString refused = m_sink->applyEdit({a}, tr("Set the priority of %1 to %2").arg(name).arg(priority), name,
                                              QStringLiteral("priority/%1").arg(device));
    m_error->setMessage(refused);
    return refused.isEmpty();
}

bool DeviceOrderEditor::moveDevice(int device, int rank) {
    const auto config = m_sink->editedConfig();
    if (!config) {
        m_error->setMessage(tr("Nothing is running: start a scenario first."));
        return false;
    }
    std::vector<RankedDevice> ranked;
    for (int d : m_model->order())
        if (std::size_t(d) < config->devices.size())
            ranked.push_back({d, config->devices[std::size_t(d)].priority});
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedDevice& a, const RankedDevice& b) { return a.priority > b.priority; });
    const auto changes = PriorityRanking::moveTo(ranked, device, rank);
    if (!changes) {
        m_error->setMessage(tr("There is no room for that order within the priorities -1 to 32767."));
        return false;
    }
    if (changes->empty()) {
        m_error->clearMessage();
        return true;
    }
    std::vector<swaptier::SandboxAction> actions;
    for (const RankedDevice& c : *changes) {
        swaptier::SandboxAction a;
        a.kind = swaptier::SandboxAction::Kind::SetPriority;
        a.device = c.device;
        a.priority = c.priority;
        actions.push_back(a);
    }
    const QString name = deviceName(device);
    const QString refused =
        m_sink->applyEdit(actions, tr("Move %1 to place %2").arg(name).arg(rank + 1), name, QString());
    m_error->setMessage(refused);
    return refused.isEmpty();
}

} // namespace swaptier::ui
