// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupPolicyEditor: a cgroup's swap policy as the kernel's memcg files have it:
// memory.swap.max, memory.zswap.max, memory.zswap.writeback and the swap tiers it may use.
// Pick the cgroup, change the fields, Apply: the changed fields go to the EditSink as one
// undoable edit (a lowered limit is enforced at once by the engine). Input that cannot be a
// limit ("12X"), or a tier list that allows nothing, is refused with the reason right under
// the field, and nothing is applied.
//
// The fields follow the run's setup (snapshots) until the admin starts typing; Revert goes
// back to the setup's values.
#pragma once

#include <QWidget>

#ifndef Q_MOC_RUN
#include "enginehost.h"

#include <memory>
#include <optional>
#endif

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace swaptier::ui {

class EditSink;
class FieldError;

class CgroupPolicyEditor : public QWidget {
    Q_OBJECT

public:
    CgroupPolicyEditor(EditSink* sink, QWidget* parent = nullptr);

    void setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot);
    /// Shows cgroup `index` (SandboxConfig::cgroups), dropping unapplied input.
    void selectCgroup(int index);
    int cgroup() const;

    /// Applies the fields; false (with the reasons under the fields) if any is refused.
    bool apply();
    /// Puts the setup's values back into the fields.
    void revert();

    /// "max", or the size with the largest exact binary unit ("64M", "1536K", "4097").
    static QString limitText(std::uint64_t bytes);
    /// "max" (any case) or empty: no limit; else a size (services::parseBytes). nullopt if neither.
    static std::optional<std::uint64_t> parseLimit(const QString& text);

    QComboBox* cgroupBox() const { return m_cgroup; }
    QLineEdit* swapMaxEdit() const { return m_swapMax; }
    QLineEdit* zswapMaxEdit() const { return m_zswapMax; }
    QCheckBox* writebackBox() const { return m_writeback; }
    QListWidget* tierList() const { return m_tiers; }
    QPushButton* applyButton() const { return m_apply; }
    FieldError* swapMaxError() const { return m_swapMaxError; }
    FieldError* zswapMaxError() const { return m_zswapMaxError; }
    FieldError* tiersError() const { return m_tiersError; }
    FieldError* applyError() const { return m_applyError; }

private:
    void load();
    void setDirty(bool dirty);
    std::vector<std::string> tierNames() const;

    EditSink* m_sink;
    QComboBox* m_cgroup;
    QLineEdit* m_swapMax;
    QLineEdit* m_zswapMax;
    QCheckBox* m_writeback;
    QListWidget* m_tiers;
    QPushButton* m_apply;
    QPushButton* m_revert;
    FieldError* m_swapMaxError;
    FieldError* m_zswapMaxError;
    FieldError* m_tiersError;
    FieldError* m_applyError;
    std::shared_ptr<const swaptier::SandboxConfig> m_shown; ///< the config the fields were loaded from
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace swaptier::ui
