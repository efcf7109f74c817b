// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindBar.h"

#include "DocumentView.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Lede {

FindBar::FindBar(DocumentView *view, QAction *findPrevious, QAction *findNext, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(u"findBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    m_field = new QLineEdit(this);
    m_field->setObjectName(u"findField"_s);
    m_field->setAccessibleName(tr("Find in article"));
    m_field->setPlaceholderText(tr("Find in article"));
    m_field->setClearButtonEnabled(true);
    auto *close = new QToolButton(this);
    close->setText(u"✕"_s);
    close->setAccessibleName(tr("Close find bar"));
    close->setAutoRaise(true);
    auto *previous = new QToolButton(this);
    previous->setDefaultAction(findPrevious);
    previous->setText(u"▲"_s);
    previous->setAccessibleName(tr("Previous match"));
    auto *next = new QToolButton(this);
    next->setDefaultAction(findNext);
    next->setText(u"▼"_s);
    next->setAccessibleName(tr("Next match"));
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);
    hide();
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_field, &QLineEdit::returnPressed, this, [this] { find(false); });
}

FindBar::~FindBar() = default;

void FindBar::activate()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
}

QString FindBar::text() const
{
    return m_field->text();
}

bool FindBar::find(bool backwards)
{
    const QString text = m_field->text();
    if (text.isEmpty())
        return false;
    QTextDocument::FindFlags flags;
    if (backwards)
        flags |= QTextDocument::FindBackward;
    if (m_view->find(text, flags))
        return true;
    // Wrap around once.
    QTextCursor c = m_view->textCursor();
    c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_view->setTextCursor(c);
    if (m_view->find(text, flags))
        return true;
    emit notFound(text);
    return false;
}

} // namespace Lede
