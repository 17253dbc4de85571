// SPDX-License-Identifier: GPL-3.0-or-later
// CgroupPolicyEditor (cgrouppolicyeditor.h).
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
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace swaptier::ui {

namespace {

constexpr int kIndexRole = Qt::UserRole;

QString displayPath(const swaptier::SandboxConfig& config, std::size_t i) {
    QString path = QString::fromStdString(config.cgroups[i].name);
    int depth = 0;
    for (int p = config.cgroups[i].parent; p >= 0 && depth < 64; p = config.cgroups[std::size_t(p)].parent)
        ++depth;
    return QString(depth * 2, QLatin1Char(' ')) + path;
}

} // namespace

CgroupPolicyEditor::CgroupPolicyEditor(EditSink* sink, QWidget* parent)
    : QWidget(parent), m_sink(sink), m_cgroup(new QComboBox(this)), m_swapMax(new QLineEdit(this)),
      m_zswapMax(new QLineEdit(this)), m_writeback(new QCheckBox(tr("Write pool pages back to swapfiles"), this)),
      m_tiers(new QListWidget(this)), m_apply(new QPushButton(tr("&Apply"), this)),
      m_revert(new QPushButton(tr("Re&vert"), this)) {
    m_cgroup->setObjectName(QStringLiteral("PolicyCgroup"));
    m_swapMax->setObjectName(QStringLiteral("SwapMax"));
    m_zswapMax->setObjectName(QStringLiteral("ZswapMax"));
    m_tiers->setObjectName(QStringLiteral("AllowedTiers"));
    m_cgroup->setToolTip(tr("The cgroup whose swap policy is shown and edited."));
    m_swapMax->setToolTip(tr("memory.swap.max: most bytes of swapped pages of this cgroup and its descendants, "
                             "wherever they are stored. \"max\" for no limit; sizes like 512M or 2G."));
    m_zswapMax->setToolTip(tr("memory.zswap.max: most bytes the compressed pool may hold for this subtree. "
                              "\"max\" for no limit, 0 to keep its pages out of the pool."));
    m_writeback->setToolTip(tr("memory.zswap.writeback: when off, this subtree's pool pages are never written to a "
                               "swapfile (an ancestor that turns it off wins)."));
    m_tiers->setToolTip(tr("The swap tiers this subtree may use; a tier counts only if every ancestor allows it "
                           "too. All checked: every tier, including tiers added later."));
    m_swapMax->setAccessibleName(tr("Swap limit"));
    m_zswapMax->setAccessibleName(tr("Pool limit"));
    m_tiers->setAccessibleName(tr("Allowed tiers"));
    m_swapMaxError = new FieldError(m_swapMax, this);
    m_zswapMaxError = new FieldError(m_zswapMax, this);
    m_tiersError = new FieldError(m_tiers, this);
    m_applyError = new FieldError(m_apply, this);
    m_tiers->setMaximumHeight(110);

    auto* form = new QFormLayout;
    form->addRow(tr("&Cgroup:"), m_cgroup);
    auto* swapBox = new QVBoxLayout;
    swapBox->addWidget(m_swapMax);
    swapBox->addWidget(m_swapMaxError);
    form->addRow(tr("&Swap limit:"), swapBox);
    auto* zswapBox = new QVBoxLayout;
    zswapBox->addWidget(m_zswapMax);
    zswapBox->addWidget(m_zswapMaxError);
    form->addRow(tr("&Pool limit:"), zswapBox);
    form->addRow(QString(), m_writeback);
    auto* tiersBox = new QVBoxLayout;
    tiersBox->addWidget(m_tiers);
    tiersBox->addWidget(m_tiersError);
    form->addRow(tr("&Tiers:"), tiersBox);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_applyError);
    layout->addLayout(buttons);
    // The labels' mnemonics reach the fields (a label of a layout row has no buddy of its own).
    const std::pair<QLayout*, QWidget*> rows[] = {{swapBox, m_swapMax}, {zswapBox, m_zswapMax}, {tiersBox, m_tiers}};
    for (const auto& [row, field] : rows)
        if (auto* label = qobject_cast<QLabel*>(form->labelForField(row)))
            label->setBuddy(field);

    connect(m_cgroup, &QComboBox::activated, this, [this] {
        setDirty(false);
        load();
    });
    connect(m_swapMax, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_zswapMax, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_writeback, &QCheckBox::toggled, this, [this] {
        if (!m_loading)
            setDirty(true);
    });
    connect(m_tiers, &QListWidget::itemChanged, this, [this] {
        if (!m_loading)
            setDirty(true);
    });
    connect(m_swapMax, &QLineEdit::returnPressed, this, &CgroupPolicyEditor::apply);
    connect(m_zswapMax, &QLineEdit::returnPressed, this, &CgroupPolicyEditor::apply);
    connect(m_apply, &QPushButton::clicked, this, &CgroupPolicyEditor::apply);
    connect(m_revert, &QPushButton::clicked, this, &CgroupPolicyEditor::revert);
    setEnabled(false);
}

QString CgroupPolicyEditor::limitText(std::uint64_t bytes) {
    if (bytes == swaptier::kNoLimit)
        return QStringLiteral("max");
    static const char* const suffixes[] = {"T", "G", "M", "K"};
    for (int i = 0; i < 4; ++i) {
        const std::uint64_t unit = std::uint64_t(1) << (10 * (4 - i));
        if (bytes != 0 && bytes % unit == 0)
            return QString::number(bytes / unit) + QLatin1String(suffixes[i]);
    }
    return QString::number(bytes);
}

std::optional<std::uint64_t> CgroupPolicyEditor::parseLimit(const QString& text) {
    const QString t = text.trimmed();
    if (t.isEmpty() || t.compare(QLatin1String("max"), Qt::CaseInsensitive) == 0)
        return swaptier::kNoLimit;
    auto bytes = services::parseBytes(t);
    if (!bytes)
        return std::nullopt;
    return std::uint64_t(*bytes);
}

void CgroupPolicyEditor::setSnapshot(const std::shared_ptr<const services::HostSnapshot>& snapshot) {
    const auto config = snapshot ? snapshot->config : nullptr;
    const bool running = snapshot && (snapshot->state == services::HostSnapshot::State::Running ||
                                      snapshot->state == services::HostSnapshot::State::Paused);
    setEnabled(config && running);
    if (!config) {
        m_shown.reset();
        return;
    }
    // New cgroup list (a new run): refill the chooser, keep the selection by name.
    bool sameCgroups = m_shown && m_shown->cgroups.size() == config->cgroups.size();
    for (std::size_t i = 0; sameCgroups && i < config->cgroups.size(); ++i)
        sameCgroups = m_shown->cgroups[i].name == config->cgroups[i].name;
    if (!sameCgroups) {
        const QString selected = m_cgroup->currentIndex() >= 0 ? m_cgroup->currentText().trimmed() : QString();
        m_cgroup->clear();
        for (std::size_t i = 0; i < config->cgroups.size(); ++i)
            m_cgroup->addItem(displayPath(*config, i), int(i));
        const int keep = m_cgroup->findText(selected, Qt::MatchEndsWith);
        m_cgroup->setCurrentIndex(std::max(keep, 0));
        setDirty(false);
    }
    if (config != m_shown && !m_dirty) {
        m_shown = config;
        load();
    }
    m_shown = config;
}

void CgroupPolicyEditor::selectCgroup(int index) {
    const int row = m_cgroup->findData(index);
    if (row < 0)
        return;
    m_cgroup->setCurrentIndex(row);
    setDirty(false);
    load();
}

int CgroupPolicyEditor::cgroup() const { return m_cgroup->currentData(kIndexRole).toInt(); }

std::vector<std::string> CgroupPolicyEditor::tierNames() const {
    const auto config = m_sink->editedConfig();
    std::vector<std::string> names;
    if (!config)
        return names;
    for (const swaptier::TierSpec& t : config->tiers)
        names.push_back(t.name);
    if (names.empty())
        names.push_back("default");
    return names;
}

void CgroupPolicyEditor::load() {
    const auto config = m_sink->editedConfig();
    const int index = cgroup();
    if (!config || index < 0 || std::size_t(index) >= config->cgroups.size())
        return;
    m_loading = true;
    const swaptier::CgroupSpec& g = config->cgroups[std::size_t(index)];
    m_swapMax->setText(limitText(g.swapMax));
    m_zswapMax->setText(limitText(g.zswapMax));
    m_writeback->setChecked(g.zswapWriteback);
    m_tiers->clear();
    for (const std::string& name : tierNames()) {
        auto* item = new QListWidgetItem(QString::fromStdString(name), m_tiers);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const bool allowed =
            g.allowedTiers.empty() || std::find(g.allowedTiers.begin(), g.allowedTiers.end(), name) != g.allowedTiers.end();
        item->setCheckState(allowed ? Qt::Checked : Qt::Unchecked);
    }
    for (FieldError* e : {m_swapMaxError, m_zswapMaxError, m_tiersError, m_applyError})
        e->clearMessage();
    m_loading = false;
}

void CgroupPolicyEditor::setDirty(bool dirty) {
    m_dirty = dirty;
    m_revert->setEnabled(dirty);
}

void CgroupPolicyEditor::revert() {
    setDirty(false);
    load();
}

bool CgroupPolicyEditor::apply() {
    const auto config = m_sink->editedConfig();
    const int index = cgroup();
    if (!config || index < 0 || std::size_t(index) >= config->cgroups.size()) {
        m_applyError->setMessage(tr("Nothing is running: start a scenario first."));
        return false;
    }
    const swaptier::CgroupSpec& g = config->cgroups[std::size_t(index)];
    bool ok = true;
    const auto swapMax = parseLimit(m_swapMax->text());
    if (!swapMax) {
        m_swapMaxError->setMessage(
            tr("\"%1\" is not a limit: write max, or a size such as 512M or 2G.").arg(m_swapMax->text().trimmed()));
        ok = false;
    } else {
        m_swapMaxError->clearMessage();
    }
    const auto zswapMax = parseLimit(m_zswapMax->text());
    if (!zswapMax) {
        m_zswapMaxError->setMessage(
            tr("\"%1\" is not a limit: write max, or a size such as 64M (0 keeps pages out of the pool).")
                .arg(m_zswapMax->text().trimmed()));
        ok = false;
    } else {
        m_zswapMaxError->clearMessage();
    }
    std::vector<std::string> allowed;
    bool every = true;
    for (int i = 0; i < m_tiers->count(); ++i) {
        if (m_tiers->item(i)->checkState() == Qt::Checked)
            allowed.push_back(m_tiers->item(i)->text().toStdString());
        else
            every = false;
    }
    if (allowed.empty()) {
        m_tiersError->setMessage(tr("Allow at least one tier. To keep this cgroup's pages off every swapfile, turn "
                                    "writeback off instead."));
        ok = false;
    } else {
        m_tiersError->clearMessage();
    }
    if (!ok) {
        m_applyError->clearMessage();
        return false;
    }
    if (every)
        allowed.clear();

    swaptier::SandboxAction a;
    a.kind = swaptier::SandboxAction::Kind::SetCgroupPolicy;
    a.cgroup = index;
    if (*swapMax != g.swapMax)
        a.policy.swapMax = *swapMax;
    if (*zswapMax != g.zswapMax)
        a.policy.zswapMax = *zswapMax;
    if (m_writeback->isChecked() != g.zswapWriteback)
        a.policy.zswapWriteback = m_writeback->isChecked();
    if (allowed != g.allowedTiers)
        a.policy.allowedTiers = allowed;
    if (!a.policy.swapMax && !a.policy.zswapMax && !a.policy.zswapWriteback && !a.policy.allowedTiers) {
        m_applyError->setMessage(tr("Nothing to apply: the fields hold the current policy."));
        setDirty(false);
        return false;
    }
    const QString name = QString::fromStdString(g.name);
    const QString refused = m_sink->applyEdit({a}, tr("Change the swap policy of %1").arg(name), name, QString());
    m_applyError->setMessage(refused);
    if (!refused.isEmpty())
        return false;
    setDirty(false);
    load(); // the edited config now holds the new values
    return true;
}

} // namespace swaptier::ui
