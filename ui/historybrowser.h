// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryBrowser: the "Open history" dialog. It lists the runs of a sqlite history database
// (the file `swaptierctl run --db` and the app's own recording write) in a sortable table
// (HistoryRunModel behind a QSortFilterProxyModel, newest first), lets the user choose another
// database file, and "Open" reads the chosen run's samples and shows them in the HistoryChart
// (HistoryChart::showRun) under "Run N of <scenario>, <date>", then closes.
//
// A file that cannot be shown (missing, not a swaptier history, a newer schema, damaged,
// unreadable) is not an exception: the dialog says why in words that name the file (the
// HistoryStore's messages start with the path) and stays open for another choice.
//
// Note: HistoryStore opens read-write (it creates and migrates files), so the dialog refuses
// to create a missing file, and an older-schema file is upgraded when it is opened here.
//
// Thread safety: none; the GUI thread owns it. The reads are synchronous (a run of a few
// thousand samples reads in milliseconds).
#pragma once

#include <QDialog>

#ifndef Q_MOC_RUN
#include <functional>
#include <memory>
#endif

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace swaptier::services {
class HistoryStore;
}

namespace swaptier::ui {

class HistoryChart;
class HistoryRunModel;

class HistoryBrowser : public QDialog {
    Q_OBJECT

public:
    /// Lists the runs of `path` (empty: none yet, the user chooses a file). `chart` shows the
    /// opened run; not owned, must outlive the dialog.
    HistoryBrowser(const QString& path, HistoryChart* chart, QWidget* parent = nullptr);
    ~HistoryBrowser() override;

    QString path() const { return m_path; }
    /// Shows the runs of another history file; false (and the reason shown in the dialog, the
    /// list empty) if it cannot be read.
    bool setPath(const QString& path);
    /// Reads the runs of the current file again (a run recorded meanwhile).
    bool reload();
    /// Reads run `id` and shows it in the chart; false and the reason in the dialog otherwise.
    bool openRun(qint64 id);

    /// What the dialog says about the file (an error, or that it holds no runs); empty if fine.
    QString message() const;
    HistoryRunModel* model() const { return m_model; }

    /// Asks for a history file when "Choose file…" is clicked: given the folder to start in,
    /// returns the chosen path, empty if cancelled. The default is the file dialog; tests
    /// answer without a modal dialog.
    using FileChooser = std::function<QString(QWidget* parent, const QString& startDir)>;
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    QTableView* view() const { return m_view; }

signals:
    /// A file was chosen with the file dialog (the app may remember it).
    void pathChosen(const QString& path);
    /// Run `id` is now shown in the chart under `title`.
    void runOpened(qint64 id, const QString& title);

private:
    void chooseFile();
    void openSelected();
    void updateButtons();
    void showMessage(const QString& text);
    qint64 selectedRun() const;

    HistoryChart* m_chart;
    QString m_path;
    std::unique_ptr<services::HistoryStore> m_store;
    QLineEdit* m_file;
    QPushButton* m_choose;
    QPushButton* m_reload;
    QLabel* m_message;
    HistoryRunModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QPushButton* m_open;
    FileChooser m_chooser;
};

} // namespace swaptier::ui
