// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleDetailsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTreeWidget>
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
    // Where it came from: read only.
    auto *origin = new QGroupBox(tr("Origin"), this);
    m_format = new QLabel(origin);
    m_format->setObjectName(u"detailsFormat"_s);
    m_format->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file = new QLabel(origin);
    m_file->setObjectName(u"detailsFile"_s);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_file->setWordWrap(true);
    m_origin = new QTreeWidget(origin);
    m_origin->setObjectName(u"detailsOrigin"_s);
    m_origin->setColumnCount(2);
    m_origin->setHeaderLabels({ tr("Field"), tr("Value") });
    m_origin->setRootIsDecorated(true);
    m_origin->setUniformRowHeights(true);
    m_origin->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *originForm = new QFormLayout;
    originForm->addRow(tr("Format:"), m_format);
    originForm->addRow(tr("From:"), m_file);
    auto *originLayout = new QVBoxLayout(origin);
    originLayout->addLayout(originForm);
    originLayout->addWidget(m_origin);
    m_format->setText(formatDescription({}));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ArticleDetailsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(origin, 1);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

ArticleDetailsDialog::~ArticleDetailsDialog() = default;

QString ArticleDetailsDialog::formatDescription(const QString &format)
{
    if (format == u"txt"_s)
        return tr("Plain text (txt)");
    if (format == u"md"_s)
        return tr("Markdown (md)");
    if (format == u"html"_s)
        return tr("Web page (html)");
    if (format == u"pdf"_s)
        return tr("PDF (pdf)");
    if (format == u"docx"_s)
        return tr("Word document (docx)");
    if (format == u"odt"_s)
        return tr("OpenDocument text (odt)");
    if (format == u"rtf"_s)
        return tr("Rich Text Format (rtf)");
    if (format == u"nexis"_s)
        return tr("Nexis Uni export (nexis)");
    if (format == u"factiva"_s)
        return tr("Factiva export (factiva)");
    if (format == u"feed"_s)
        return tr("RSS or Atom feed (feed)");
    if (format.isEmpty())
        return tr("Unknown (imported before Lede kept the format)");
    return format;
}

void ArticleDetailsDialog::showOrigin(const Article &article)
{
    const QString format = articleFormat(article);
    m_format->setText(formatDescription(format));
    QString from = article.provenance.value(u"file"_s, article.path);
    if (const int index = articleIndex(article); index > 0)
        from = tr("%1, article %2").arg(from).arg(index);
    if (article.importedAt.isValid())
        from = tr("%1\nimported %2")
                   .arg(from, QLocale().toString(article.importedAt.toLocalTime(), QLocale::ShortFormat));
    m_file->setText(from);

    m_origin->clear();
    // "publication_type" reads as "publication type".
    const auto add = [this](const QString &group, const QMap<QString, QString> &fields,
                            const QStringList &leaveOut) {
        auto *top = new QTreeWidgetItem(m_origin, { group });
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (leaveOut.contains(it.key()))
                continue;
            auto *item = new QTreeWidgetItem(top, { QString(it.key()).replace(u'_', u' '), it.value() });
            item->setToolTip(1, it.value());
        }
        if (top->childCount() == 0)
            new QTreeWidgetItem(top, { tr("(none)") });
        top->setExpanded(true);
    };
    add(tr("Metadata"), article.metadata, {});
    // Format and file are shown above.
    add(tr("Provenance"), article.provenance, { u"format"_s, u"file"_s, u"index"_s });
}

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
