// SPDX-License-Identifier: GPL-3.0-or-later
// FieldError (fielderror.h).
#include "editors/fielderror.h"

#include <QEvent>

namespace swaptier::ui {

FieldError::FieldError(QWidget* field, QWidget* parent) : QLabel(parent), m_field(field) {
    setWordWrap(true);
    setVisible(false);
    setObjectName(field->objectName() + QStringLiteral("Error"));
    m_fieldTip = field->toolTip();
    applyColour();
}

void FieldError::setMessage(const QString& message) {
    setText(message);
    setVisible(!message.isEmpty());
    m_field->setAccessibleDescription(message);
    m_field->setToolTip(message.isEmpty() ? m_fieldTip : message);
}

void FieldError::clearMessage() { setMessage({}); }

void FieldError::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyColour();
    QLabel::changeEvent(event);
}

void FieldError::applyColour() {
    // A red that keeps its contrast: darker on light windows, lighter on dark ones.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    // setPalette would emit a PaletteChange again; only the text colour changes, once.
    if (p.color(QPalette::WindowText) != palette().color(QPalette::WindowText))
        setPalette(p);
}

} // namespace swaptier::ui
