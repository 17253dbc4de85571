// SPDX-License-Identifier: GPL-3.0-or-later
// FieldError: the message shown right below an editor field whose input was refused, in the
// palette's warning colour (readable on light and dark palettes). It also becomes the field's
// accessible description and tooltip, so a screen reader says why. Hidden when empty.
#pragma once

#include <QLabel>

namespace swaptier::ui {

class FieldError : public QLabel {
    Q_OBJECT

public:
    /// `field`: the widget the message is about (gets the description and tooltip).
    FieldError(QWidget* field, QWidget* parent = nullptr);

    void setMessage(const QString& message);
    void clearMessage();
    QWidget* field() const { return m_field; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColour();

    QWidget* m_field;
    QString m_fieldTip;
};

} // namespace swaptier::ui
