// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBrowser (historybrowser.h).
#include "historybrowser.h"

#include "charts/historychart.h"
#include "historystore.h"
#include "models/historyrunmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace swaptier::ui {

HistoryBrowser::HistoryBrowser(const QString& path, HistoryChart* chart, QWidget* parent)
    : QDialog(parent), m_chart(chart), m_file(new QLineEdit(this)),
      m_choose(new QPushButton(tr("&Choose file…"), this)), m_reload(new QPushButton(tr("&Reload"), this)), m_message(new QLabel(this)), m_model(new HistoryRunModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)), m_open(nullptr) {
    setWindowTitle(tr("Run history"));
    auto* layout = new QVBoxLayout(this);

    auto* fileRow = new QHBoxLayout;
    auto* fileLabel = new QLabel(tr("History &file:"), this);
    fileLabel->setBuddy(m_file);
    m_file->setReadOnly(true);
    m_file->setAccessibleName(tr("History file"));
    m_choose->setToolTip(tr("Open another history database, such as one written by \"swaptierctl run --db FILE\"."));
    m_reload->setToolTip(tr("Read the list of runs again."));
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_choose);
    fileRow->addWidget(m_reload);
    layout->addLayout(fileRow);

    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(HistoryRunModel::SortRole);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(HistoryRunModel::Started, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Recorded runs"));
    layout->addWidget(m_view, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setToolTip(tr("Show the chosen run in the history chart."));
    m_open->setDefault(true);
    layout->addWidget(buttons);

    connect(m_choose, &QPushButton::clicked, this, &HistoryBrowser::chooseFile);
    connect(m_reload, &QPushButton::clicked, this, &HistoryBrowser::reload);
    connect(buttons, &QDialogButtonBox::accepted, this, &HistoryBrowser::openSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_view, &QTableView::doubleClicked, this, &HistoryBrowser::openSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryBrowser::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryBrowser::updateButtons);

    resize(760, 420);
    if (path.isEmpty()) {
        showMessage(tr("Choose a history file to see its runs."));
        updateButtons();
    } else {
        setPath(path);
    }
}

HistoryBrowser::~HistoryBrowser() = default;

QString HistoryBrowser::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

void HistoryBrowser::showMessage(const QString& text) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool HistoryBrowser::setPath(const QString& path) {
    m_path = path;
    m_file->setText(QDir::toNativeSeparators(path));
    m_store.reset();
    m_model->setRuns({});
    // HistoryStore::open() would create a missing file: a browser only reads.
    if (!QFileInfo::exists(path)) {
        showMessage(tr("%1: there is no such history file.").arg(path));
        updateButtons();
        return false;
    }
    QString error;
    m_store = services::HistoryStore::open(path, &error);
    if (!m_store) {
        showMessage(tr("This file cannot be shown. %1").arg(error));
        updateButtons();
        return false;
    }
    return reload();
}

bool HistoryBrowser::reload() {
    if (!m_store)
        return m_path.isEmpty() ? false : setPath(m_path);
    QString error;
    auto runs = m_store->runs(&error);
    if (!runs) {
        m_model->setRuns({});
        showMessage(tr("This file cannot be shown. %1").arg(error));
        updateButtons();
        return false;
    }
    const bool none = runs->empty();
    m_model->setRuns(std::move(*runs));
    showMessage(none ? tr("%1 holds no runs yet.").arg(m_path) : QString());
    if (!none)
        m_view->selectRow(0);
    m_view->resizeColumnsToContents();
    updateButtons();
    return true;
}

void HistoryBrowser::chooseFile() {
    const QString start = m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
    const QString chosen = m_chooser ? m_chooser(this, start)
                                     : QFileDialog::getOpenFileName(
                                           this, tr("Open a history file"), start,
                                           tr("History databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (chosen.isEmpty())
        return;
    setPath(chosen);
    emit pathChosen(chosen);
}

qint64 HistoryBrowser::selectedRun() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(HistoryRunModel::RunIdRole).toLongLong();
}

void HistoryBrowser::updateButtons() {
    m_open->setEnabled(selectedRun() > 0);
    m_reload->setEnabled(!m_path.isEmpty());
}

void HistoryBrowser::openSelected() {
    if (const qint64 id = selectedRun(); id > 0 && openRun(id))
        accept();
}

bool HistoryBrowser::openRun(qint64 id) {
    if (!m_store)
        return false;
    QString error;
    const auto run = m_store->run(id, &error);
    const auto samples = run ? m_store->samples(id, &error) : std::nullopt;
    if (!run || !samples) {
        showMessage(tr("This run cannot be shown. %1").arg(error));
        return false;
    }
    if (samples->empty()) {
        showMessage(tr("Run %1 in %2 has no samples to show.").arg(id).arg(m_path));
        return false;
    }
    const QString started = QLocale().toString(run->startedAt.toLocalTime(), QLocale::ShortFormat);
    const QString title = tr("Run %1 of %2, %3").arg(id).arg(run->scenario, started);
    if (m_chart)
        m_chart->showRun(title, *samples);
    showMessage(QString());
    emit runOpened(id, title);
    return true;
}

} // namespace swaptier::ui
