// SPDX-License-Identifier: GPL-3.0-or-later
// AddDeviceDialog: the "Add swapfile" form: name, size, priority (its tier is shown as the
// priority changes) and I/O mode of a new swapfile for the running sandbox. OK checks the
// fields (a size the parser reads and of at least 1 MiB, a name not taken, a priority in
// swapon's range) and says what is wrong under the field; the accepted values become an
// AddDevice action (the file goes into the run's swapfile directory).
#pragma once

#include <QDialog>

#ifndef Q_MOC_RUN
#include "swaptier/sandbox.h"

#include <optional>
#endif

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace swaptier::ui {

class FieldError;

class AddDeviceDialog : public QDialog {
    Q_OBJECT

public:
    /// `config`: the running setup (names taken, tiers); `directory`: where the file goes.
    AddDeviceDialog(const swaptier::SandboxConfig& config, const QString& directory, QWidget* parent = nullptr);

    /// The action for the accepted fields (only after accept()).
    const std::optional<swaptier::SandboxAction>& action() const { return m_action; }
    /// Checks the fields; false with the reasons shown. (OK calls it.)
    bool check();

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* sizeEdit() const { return m_size; }
    QSpinBox* prioritySpin() const { return m_priority; }
    FieldError* nameError() const { return m_nameError; }
    FieldError* sizeError() const { return m_sizeError; }

    void accept() override;

private:
    void updateTier();

    swaptier::SandboxConfig m_config;
    QString m_directory;
    QLineEdit* m_name;
    QLineEdit* m_size;
    QSpinBox* m_priority;
    QLabel* m_tier;
    QComboBox* m_io;
    FieldError* m_nameError;
    FieldError* m_sizeError;
    std::optional<swaptier::SandboxAction> m_action;
};

} // namespace swaptier::ui
