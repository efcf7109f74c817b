// SPDX-License-Identifier: GPL-3.0-or-later
#include "UrlDialog.h"

#include "io/UrlFetcher.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

UrlDialog::UrlDialog(const QString &title, const QString &prompt, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"urlDialog"_s);
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"urlField"_s);
    m_field->setAccessibleName(tr("Web address"));
    m_field->setPlaceholderText(tr("https://"));
    m_field->setClearButtonEnabled(true);
    label->setBuddy(m_field);
    layout->addWidget(m_field);
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"urlHint"_s);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_field, &QLineEdit::textChanged, this, &UrlDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

UrlDialog::~UrlDialog() = default;

QString UrlDialog::url() const
{
    return m_field->text().trimmed();
}

void UrlDialog::setUrl(const QString &url)
{
    m_field->setText(url);
}

void UrlDialog::validate()
{
    const QString text = url();
    const bool ok = UrlFetcher::isUrl(text) && text.size() > 8;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_hint->setText(ok || text.isEmpty() ? QString()
                                         : tr("The address must start with http:// or https://."));
}

QString UrlDialog::ask(QWidget *parent, const QString &title, const QString &prompt)
{
    UrlDialog dialog(title, prompt, parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    return dialog.url();
}

} // namespace Lede
