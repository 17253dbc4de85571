// SPDX-License-Identifier: GPL-3.0-or-later
// PoolEditor: the compressed pool's settings (zswap's enabled, compressor, max_pool_percent
// and accept_threshold_percent, here as a byte limit): on or off, the codec (zstd with its
// level, lz4, lzo), the limit and the share of it below which the pool accepts pages again
// after it was full. Apply sends the new options to the EditSink as one undoable edit; a
// limit that is not a size is refused under its field.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#endif

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace swaptier::ui {

class EditSink;
class FieldError;

class PoolEditor : public QWidget {
    Q_OBJECT

public:
    PoolEditor(EditSink* sink, QWidget* parent = nullptr);

    void setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);
    bool apply();
    void revert();

    QCheckBox* enabledBox() const { return m_enabled; }
    QComboBox* codecBox() const { return m_codec; }
    QSpinBox* levelSpin() const { return m_level; }
    QLineEdit* limitEdit() const { return m_limit; }
    QSpinBox* thresholdSpin() const { return m_threshold; }
    QPushButton* applyButton() const { return m_apply; }
    FieldError* limitError() const { return m_limitError; }
    FieldError* applyError() const { return m_applyError; }

private:
    void load();
    void setDirty(bool dirty);

    EditSink* m_sink;
    QCheckBox* m_enabled;
    QComboBox* m_codec;
    QSpinBox* m_level;
    QLineEdit* m_limit;
    QSpinBox* m_threshold;
    QPushButton* m_apply;
    QPushButton* m_revert;
    FieldError* m_limitError;
    FieldError* m_applyError;
    std::shared_ptr<const swaptier::SandboxConfig> m_shown;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace swaptier::ui
