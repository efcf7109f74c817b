// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Lede {

// Asks for one web address (File → Import from URL…, Feeds → Add…). OK is enabled only for an
// http:// or https:// address; a missing scheme is pointed out under the field.
class UrlDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UrlDialog)

public:
    UrlDialog(const QString &title, const QString &prompt, QWidget *parent = nullptr);
    ~UrlDialog() override;

    QString url() const; // trimmed
    void setUrl(const QString &url);

    // Shows the dialog; the address, or empty when the reader cancelled.
    static QString ask(QWidget *parent, const QString &title, const QString &prompt);

private:
    void validate();

    QLineEdit *m_field;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace Lede
