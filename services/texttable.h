// SPDX-License-Identifier: GPL-3.0-or-later
// TextTable: aligned plain-text columns for terminal reports.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace swaptier::services {

class TextTable {
public:
    enum class Align { Left, Right };

    /// Columns with headers; the first column is left-aligned, the others right-aligned
    /// unless `aligns` says otherwise.
    explicit TextTable(QStringList headers, QList<Align> aligns = {});

    /// Adds a row; missing cells are empty, extra cells are dropped.
    void addRow(QStringList cells);
    int rowCount() const { return int(m_rows.size()); }

    /// The table, each line indented by `indent` spaces, a dashed rule under the header, and
    /// a trailing newline. No trailing spaces.
    QString render(int indent = 2) const;

private:
    QStringList m_headers;
    QList<Align> m_aligns;
    QList<QStringList> m_rows;
};

} // namespace swaptier::services
