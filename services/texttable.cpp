// SPDX-License-Identifier: GPL-3.0-or-later
#include "texttable.h"

#include <algorithm>

namespace swaptier::services {

TextTable::TextTable(QStringList headers, QList<Align> aligns)
    : m_headers(std::move(headers)), m_aligns(std::move(aligns)) {
    while (m_aligns.size() < m_headers.size())
        m_aligns << (m_aligns.isEmpty() ? Align::Left : Align::Right);
}

void TextTable::addRow(QStringList cells) {
    cells = cells.mid(0, m_headers.size());
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << std::move(cells);
}

QString TextTable::render(int indent) const {
    const qsizetype columns = m_headers.size();
    QList<qsizetype> widths(columns, 0);
    for (qsizetype c = 0; c < columns; ++c) {
        widths[c] = m_headers.at(c).size();
        for (const QStringList& row : m_rows)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const QString margin(indent, u' ');
    QString out;
    const auto line = [&](const QStringList& cells) {
        QString text = margin;
        for (qsizetype c = 0; c < columns; ++c) {
            if (c > 0)
                text += QStringLiteral("  ");
            text += m_aligns.at(c) == Align::Left ? cells.at(c).leftJustified(widths.at(c))
                                                  : cells.at(c).rightJustified(widths.at(c));
        }
        while (text.endsWith(u' '))
            text.chop(1);
        out += text + u'\n';
    };
    line(m_headers);
    QStringList rule;
    for (qsizetype c = 0; c < columns; ++c)
        rule << QString(widths.at(c), u'-');
    line(rule);
    for (const QStringList& row : m_rows)
        line(row);
    return out;
}

} // namespace swaptier::services
