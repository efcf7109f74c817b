// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleDetailsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QLineEdit *field(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    return edit;
}

} // namespace

ArticleDetailsDialog::ArticleDetailsDialog(const ArticleDetails &details, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"articleDetailsDialog"_s);
    setWindowTitle(tr("Article Details"));
    m_title = field(this, u"detailsTitle"_s, details.title);
    m_source = field(this, u"detailsSource"_s, details.source);
    m_date = field(this, u"detailsDate"_s,
                   details.published.isValid() ? details.published.toString(Qt::ISODate) : QString());
    m_date->setPlaceholderText(tr("YYYY-MM-DD, or empty"));
    m_byline = field(this, u"detailsByline"_s, details.byline);
    m_url = field(this, u"detailsUrl"_s, details.url);
    m_url->setPlaceholderText(tr("https://…"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(u"detailsProblem"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Source:"), m_source);
    form->addRow(tr("&Date:"), m_date);
    form->addRow(tr("&Byline:"), m_byline);
    form->addRow(tr("&URL:"), m_url);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ArticleDetailsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ArticleDetailsDialog::~ArticleDetailsDialog() = default;

ArticleDetails ArticleDetailsDialog::details() const
{
    ArticleDetails d;
    d.title = m_title->text().simplified();
    d.source = m_source->text().simplified();
    d.published = QDate::fromString(m_date->text().trimmed(), Qt::ISODate);
    d.byline = m_byline->text().simplified();
    d.url = m_url->text().trimmed();
    return d;
}

void ArticleDetailsDialog::accept()
{
    QString problem;
    const QString date = m_date->text().trimmed();
    if (m_title->text().simplified().isEmpty())
        problem = tr("An article needs a title.");
    else if (!date.isEmpty() && !QDate::fromString(date, Qt::ISODate).isValid())
        problem = tr("“%1” is not a date; write it as YYYY-MM-DD (2024-03-18), or leave it empty.").arg(date);
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace Lede
