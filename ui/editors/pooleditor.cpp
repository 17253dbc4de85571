// SPDX-License-Identifier: GPL-3.0-or-later
// PoolEditor (pooleditor.h).
#include "editors/pooleditor.h"

#include "editors/cgrouppolicyeditor.h"
#include "editors/editsink.h"
#include "editors/fielderror.h"
#include "units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace swaptier::ui {

PoolEditor::PoolEditor(EditSink* sink, QWidget* parent)
    : QWidget(parent), m_sink(sink), m_enabled(new QCheckBox(tr("Compress swapped pages in memory first"), this)),
      m_codec(new QComboBox(this)), m_level(new QSpinBox(this)), m_limit(new QLineEdit(this)),
      m_threshold(new QSpinBox(this)), m_apply(new QPushButton(tr("A&pply"), this)),
      m_revert(new QPushButton(tr("Rever&t"), this)) {
    m_codec->setObjectName(QStringLiteral("PoolCodec"));
    m_limit->setObjectName(QStringLiteral("PoolLimit"));
    for (swaptier::Codec c : {swaptier::Codec::Zstd, swaptier::Codec::Lz4, swaptier::Codec::Lzo})
        m_codec->addItem(QString::fromLatin1(swaptier::codecName(c)), int(c));
    m_level->setRange(1, 22);
    m_threshold->setRange(1, 100);
    m_threshold->setSuffix(QStringLiteral(" %"));
    m_enabled->setToolTip(tr("zswap's enabled: swapped pages go to the compressed pool before any swapfile."));
    m_codec->setToolTip(tr("The compressor of new pool pages: zstd packs best, lz4 and lzo are faster."));
    m_level->setToolTip(tr("zstd's level: higher packs better and costs more CPU time."));
    m_limit->setToolTip(tr("Most memory the pool may take, e.g. 256M; \"none\" or 0 for no cap. When full, "
                           "pages go to the swapfiles."));
    m_threshold->setToolTip(tr("After the pool was full it takes pages again only below this share of its limit "
                               "(zswap's accept_threshold_percent)."));
    m_codec->setAccessibleName(tr("Codec"));
    m_level->setAccessibleName(tr("zstd level"));
    m_limit->setAccessibleName(tr("Pool size limit"));
    m_threshold->setAccessibleName(tr("Accept threshold"));
    m_limitError = new FieldError(m_limit, this);
    m_applyError = new FieldError(m_apply, this);

    auto* form = new QFormLayout;
    form->addRow(QString(), m_enabled);
    form->addRow(tr("C&odec:"), m_codec);
    form->addRow(tr("zstd &level:"), m_level);
    auto* limitBox = new QVBoxLayout;
    limitBox->addWidget(m_limit);
    limitBox->addWidget(m_limitError);
    form->addRow(tr("&Limit:"), limitBox);
    form->addRow(tr("Accept &again below:"), m_threshold);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(limitBox)))
        label->setBuddy(m_limit);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_applyError);
    layout->addLayout(buttons);

    const auto edited = [this] {
        if (!m_loading)
            setDirty(true);
        m_level->setEnabled(m_codec->currentData().toInt() == int(swaptier::Codec::Zstd));
    };
    connect(m_enabled, &QCheckBox::toggled, this, edited);
    connect(m_codec, &QComboBox::currentIndexChanged, this, edited);
    connect(m_level, &QSpinBox::valueChanged, this, edited);
    connect(m_limit, &QLineEdit::textEdited, this, edited);
    connect(m_threshold, &QSpinBox::valueChanged, this, edited);
    connect(m_limit, &QLineEdit::returnPressed, this, &PoolEditor::apply);
    connect(m_apply, &QPushButton::clicked, this, &PoolEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &PoolEditor::revert);
    setEnabled(false);
}

void PoolEditor::setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    const auto config = snapshot ? snapshot->config : nullptr;
    const bool running = snapshot && (snapshot->state == services::HostSnapshot::State::Running ||
                                      snapshot->state == services::HostSnapshot::State::Paused);
    setEnabled(config && running);
    if (config && config != m_shown && !m_dirty) {
        m_shown = config;
        load();
    }
    m_shown = config;
}

void PoolEditor::load() {
    const auto config = m_sink->editedConfig();
    if (!config)
        return;
    m_loading = true;
    const swaptier::PoolOptions& p = config->engine.pool;
    m_enabled->setChecked(p.enabled);
    const int codec = m_codec->findData(int(p.codec));
    m_codec->setCurrentIndex(codec >= 0 ? codec : 0);
    m_level->setValue(p.zstdLevel);
    m_level->setEnabled(p.codec == swaptier::Codec::Zstd);
    m_limit->setText(p.limitBytes == 0 ? tr("none") : CgroupPolicyEditor::limitText(p.limitBytes));
    m_threshold->setValue(int(p.acceptThresholdPercent));
    m_limitError->clearMessage();
    m_applyError->clearMessage();
    m_loading = false;
    setDirty(false);
}

void PoolEditor::setDirty(bool dirty) {
    m_dirty = dirty;
    m_revert->setEnabled(dirty);
}

void PoolEditor::revert() {
    setDirty(false);
    load();
}

bool PoolEditor::apply() {
    const auto config = m_sink->editedConfig();
    if (!config) {
        m_applyError->setMessage(tr("Nothing is running: start a scenario first."));
        return false;
    }
    swaptier::PoolOptions p = config->engine.pool;
    const QString text = m_limit->text().trimmed();
    std::optional<quint64> limit;
    if (text.isEmpty() || text.compare(tr("none"), Qt::CaseInsensitive) == 0 ||
        text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0)
        limit = 0;
    else
        limit = services::parseBytes(text);
    if (!limit) {
        m_limitError->setMessage(tr("\"%1\" is not a size: write e.g. 256M or 1G, or none for no cap.").arg(text));
        return false;
    }
    if (*limit != 0 && *limit < 64 * 1024) {
        m_limitError->setMessage(tr("A pool limit below 64K holds almost nothing; write at least 64K, or none."));
        return false;
    }
    m_limitError->clearMessage();
    p.enabled = m_enabled->isChecked();
    p.codec = swaptier::Codec(m_codec->currentData().toInt());
    p.zstdLevel = m_level->value();
    p.limitBytes = *limit;
    p.acceptThresholdPercent = unsigned(m_threshold->value());
    const swaptier::PoolOptions& old = config->engine.pool;
    if (p.enabled == old.enabled && p.codec == old.codec && p.zstdLevel == old.zstdLevel &&
        p.limitBytes == old.limitBytes && p.acceptThresholdPercent == old.acceptThresholdPercent) {
        m_applyError->setMessage(tr("Nothing to apply: the fields hold the current pool settings."));
        setDirty(false);
        return false;
    }
    swaptier::SandboxAction a;
    a.kind = swaptier::SandboxAction::Kind::SetPool;
    a.pool = p;
    const QString refused =
        m_sink->applyEdit({a}, tr("Change the compressed pool settings"), tr("compressed pool"), QString());
    m_applyError->setMessage(refused);
    if (!refused.isEmpty())
        return false;
    setDirty(false);
    return true;
}

} // namespace swaptier::ui
