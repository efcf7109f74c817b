// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    m_label->setObjectName(u"messageText"_s);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(u"messageClose"_s);
    m_close->setText(u"✕"_s);
    m_close->setAccessibleName(tr("Close message"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
    if (parent)
        parent->installEventFilter(this);
}

MessageBar::~MessageBar() = default;

void MessageBar::showMessage(const QString &text, Kind kind)
{
    m_kind = kind;
    m_label->setText(text);
    // Fixed light backgrounds with dark text: readable on light and dark desktops alike.
    QString background, foreground, border;
    switch (kind) {
    case Kind::Information:
        background = u"#d9ecff"_s, foreground = u"#0b3a66"_s, border = u"#8bbcec"_s;
        break;
    case Kind::Warning:
        background = u"#fff2cc"_s, foreground = u"#5c4300"_s, border = u"#e6c35c"_s;
        break;
    case Kind::Error:
        background = u"#fde0e0"_s, foreground = u"#6b1010"_s, border = u"#e08a8a"_s;
        break;
    }
    setStyleSheet(
        u"#messageBar { background: %1; border: 1px solid %3; border-radius: 4px; }"
        u" #messageBar QLabel, #messageBar QToolButton { color: %2; background: transparent; border: none; }"_s
            .arg(background, foreground, border));
    reposition();
    show();
    raise();
    const int serial = ++m_serial;
    if (kind == Kind::Information) {
        QTimer::singleShot(8000, this, [this, serial] {
            if (serial == m_serial)
                hide();
        });
    }
}

void MessageBar::setAreas(const QList<QWidget *> &areas)
{
    for (const QPointer<QWidget> &a : std::as_const(m_areas)) {
        if (a)
            a->removeEventFilter(this);
    }
    m_areas.clear();
    for (QWidget *a : areas) {
        m_areas.append(a);
        a->installEventFilter(this);
    }
    reposition();
}

bool MessageBar::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Resize:
    case QEvent::Move:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
        if (isVisible() && watched != this)
            reposition();
        break;
    default:
        break;
    }
    return QFrame::eventFilter(watched, event);
}

void MessageBar::reposition()
{
    QWidget *host = parentWidget();
    if (!host)
        return;
    QRect area = host->rect();
    QWidget *chosen = nullptr;
    for (const QPointer<QWidget> &a : std::as_const(m_areas)) {
        if (a && host->isAncestorOf(a)) {
            chosen = a;
            if (a->isVisible())
                break;
        }
    }
    if (chosen)
        area = QRect(chosen->mapTo(host, QPoint(0, 0)), chosen->size());
    constexpr int Margin = 6;
    const int width = std::max(0, area.width() - 2 * Margin);
    const int height = hasHeightForWidth() ? heightForWidth(width) : sizeHint().height();
    setGeometry(area.left() + Margin, area.top() + Margin / 2, width,
                std::max(height, minimumSizeHint().height()));
    raise();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace Lede
