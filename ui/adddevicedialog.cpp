// SPDX-License-Identifier: GPL-3.0-or-later
// AddDeviceDialog (adddevicedialog.h).
#include "adddevicedialog.h"

#include "configchange.h"
#include "editors/fielderror.h"
#include "units.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace swaptier::ui {

AddDeviceDialog::AddDeviceDialog(const swaptier::SandboxConfig& config, const QString& directory, QWidget* parent)
    : QDialog(parent), m_config(config), m_directory(directory), m_name(new QLineEdit(this)),
      m_size(new QLineEdit(QStringLiteral("64M"), this)), m_priority(new QSpinBox(this)), m_tier(new QLabel(this)),
      m_io(new QComboBox(this)) {
    setWindowTitle(tr("Add a swapfile"));
    int n = int(config.devices.size());
    QString name;
    auto taken = [&config](const std::string& candidate) {
        for (std::size_t i = 0; i < config.devices.size(); ++i)
            if ((i < config.deviceNames.size() && config.deviceNames[i] == candidate))
                return true;
        return false;
    };
    do {
        name = QStringLiteral("extra%1").arg(++n);
    } while (taken(name.toStdString()));
    m_name->setText(name);
    m_name->setObjectName(QStringLiteral("DeviceName"));
    m_size->setObjectName(QStringLiteral("DeviceSize"));
    m_priority->setRange(swaptier::kMinSwapPriority, swaptier::kMaxSwapPriority);
    m_priority->setValue(0);
    m_io->addItem(tr("auto (direct where possible)"), int(swaptier::IoMode::Auto));
    m_io->addItem(tr("direct"), int(swaptier::IoMode::Direct));
    m_io->addItem(tr("buffered"), int(swaptier::IoMode::Buffered));
    m_name->setToolTip(tr("Name shown for the swapfile; also its file name in the run's swapfile directory."));
    m_size->setToolTip(tr("Usable size of the swapfile, e.g. 64M or 1G."));
    m_priority->setToolTip(tr("Swapon priority: higher is used first; the tier follows from it."));
    m_nameError = new FieldError(m_name, this);
    m_sizeError = new FieldError(m_size, this);

    auto* form = new QFormLayout;
    auto* nameBox = new QVBoxLayout;
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameError);
    form->addRow(tr("&Name:"), nameBox);
    auto* sizeBox = new QVBoxLayout;
    sizeBox->addWidget(m_size);
    sizeBox->addWidget(m_sizeError);
    form->addRow(tr("&Size:"), sizeBox);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("Tier:"), m_tier);
    form->addRow(tr("&I/O:"), m_io);
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(nameBox)))
        l->setBuddy(m_name);
    if (auto* l = qobject_cast<QLabel*>(form->labelForField(sizeBox)))
        l->setBuddy(m_size);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AddDeviceDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddDeviceDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(m_priority, &QSpinBox::valueChanged, this, &AddDeviceDialog::updateTier);
    updateTier();
}

void AddDeviceDialog::updateTier() {
    m_tier->setText(QString::fromStdString(services::ConfigChange::tierOf(m_config, m_priority->value())));
}

bool AddDeviceDialog::check() {
    bool ok = true;
    const QString name = m_name->text().trimmed();
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    bool taken = false;
    for (std::size_t i = 0; i < m_config.devices.size(); ++i) {
        const QString existing = i < m_config.deviceNames.size() ? QString::fromStdString(m_config.deviceNames[i]) : QString();
        taken = taken || existing == name ||
                QFileInfo(QString::fromStdString(m_config.devices[i].path)).fileName() == name + QStringLiteral(".swap");
    }
    if (!allowed.match(name).hasMatch() || name.startsWith(QLatin1Char('.'))) {
        m_nameError->setMessage(tr("Use 1 to 64 letters, digits, '.', '_' or '-' (not starting with '.')."));
        ok = false;
    } else if (taken) {
        m_nameError->setMessage(tr("The run has a swapfile named \"%1\" already.").arg(name));
        ok = false;
    } else {
        m_nameError->clearMessage();
    }
    const auto size = services::parseBytes(m_size->text().trimmed());
    if (!size) {
        m_sizeError->setMessage(tr("\"%1\" is not a size: write e.g. 64M or 1G.").arg(m_size->text().trimmed()));
        ok = false;
    } else if (*size < (1u << 20)) {
        m_sizeError->setMessage(tr("A swapfile needs at least 1M."));
        ok = false;
    } else {
        m_sizeError->clearMessage();
    }
    if (!ok)
        return false;
    swaptier::SandboxAction a;
    a.kind = swaptier::SandboxAction::Kind::AddDevice;
    a.newDevice.path = QDir(m_directory).filePath(name + QStringLiteral(".swap")).toStdString();
    a.newDevice.sizeBytes = *size / 4096 * 4096;
    a.newDevice.priority = m_priority->value();
    a.newDevice.io = swaptier::IoMode(m_io->currentData().toInt());
    a.newDeviceName = name.toStdString();
    m_action = a;
    return true;
}

void AddDeviceDialog::accept() {
    if (check())
        QDialog::accept();
}

} // namespace swaptier::ui
