// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagDialog.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {
QString normalisedPath(const QString &path)
{
    QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    for (QString &p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    return parts.join(u'/');
}
} // namespace

TagDialog::TagDialog(const QStringList &allTags, const QStringList &checked, QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(u"tagDialog"_s);
    setWindowTitle(tr("Tags"));
    auto *label = new QLabel(tr("&Add a tag (use / for a sub-tag, e.g. Sources/Officials):"), this);
    label->setBuddy(m_input);
    m_input->setObjectName(u"tagInput"_s);
    m_input->setAccessibleName(tr("New tag"));
    m_input->setPlaceholderText(tr("Type a tag and press Enter"));
    auto *completer = new QCompleter(allTags, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_input->setCompleter(completer);
    m_list->setObjectName(u"tagList"_s);
    m_list->setAccessibleName(tr("Tags of this highlight"));
    for (const QString &t : allTags) {
        auto *item = new QListWidgetItem(t, m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(t) ? Qt::Checked : Qt::Unchecked);
    }
    for (const QString &t : checked) {
        if (!allTags.contains(t))
            addTag(t);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_input);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_input->text().trimmed().isEmpty())
            addTag(m_input->text());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter in the field adds the tag instead of closing the dialog.
    connect(m_input, &QLineEdit::returnPressed, this, [this] {
        if (!m_input->text().trimmed().isEmpty()) {
            addTag(m_input->text());
            m_input->clear();
        }
    });
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Ok)->setDefault(false);
    resize(380, 360);
}

TagDialog::~TagDialog() = default;

void TagDialog::addTag(const QString &path)
{
    const QString p = normalisedPath(path);
    if (p.isEmpty())
        return;
    const auto found = m_list->findItems(p, Qt::MatchFixedString);
    QListWidgetItem *item = found.isEmpty() ? new QListWidgetItem(p, m_list) : found.first();
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked);
    m_list->scrollToItem(item);
}

QStringList TagDialog::selectedTags() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            out.append(m_list->item(i)->text());
    }
    return out;
}

} // namespace Lede
