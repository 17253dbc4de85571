// SPDX-License-Identifier: GPL-3.0-or-later
// DeviceOrderEditor: the ranked list of the run's swapfiles (DeviceRankModel) where the admin
// sets the order in which the engine fills them: drag a row to another place, or change a
// priority in its spin box (F2 or a double click; -1..32767). Each edit goes to the EditSink
// as one undoable change; a refused one shows its reason under the list.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#endif

class QTableView;

namespace swaptier::ui {

class DeviceRankModel;
class EditSink;
class FieldError;

class DeviceOrderEditor : public QWidget {
    Q_OBJECT

public:
    DeviceOrderEditor(EditSink* sink, QWidget* parent = nullptr);

    void setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);

    /// The edits the view's requests become (public for tests and keyboard shortcuts).
    /// Each returns false and shows the reason when the edit is refused.
    bool setPriority(int device, int priority);
    bool moveDevice(int device, int rank);

    DeviceRankModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    FieldError* error() const { return m_error; }

private:
    QString deviceName(int device) const;

    EditSink* m_sink;
    DeviceRankModel* m_model;
    QTableView* m_view;
    FieldError* m_error;
    std::shared_ptr<const services::HostSnapshot> m_snapshot;
};

} // namespace swaptier::ui
