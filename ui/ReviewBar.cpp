// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewBar.h"

#include "DocumentView.h"
#include "LayerCorrectionActions.h"
#include "Layers.h"
#include "TextExcerpt.h"
#include "session/ArticleSession.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// The quote's own marks, so that the bar's “…” around it does not double them.
QString withoutMarks(QString text)
{
    static const QString marks = u"\"'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019\u201A\u2039\u203A"_s;
    while (!text.isEmpty() && marks.contains(text.front()))
        text.remove(0, 1);
    while (!text.isEmpty() && marks.contains(text.back()))
        text.chop(1);
    return text.trimmed();
}

} // namespace

ReviewBar::ReviewBar(ArticleSession *session, DocumentView *view, LayerCorrectionActions *corrections,
                     QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_view(view)
    , m_corrections(corrections)
{
    setObjectName(u"reviewBar"_s);
    setFocusPolicy(Qt::StrongFocus);
    // Two rows: what is being reviewed, over the buttons, so that the speaker and the quote have the
    // column's whole width.
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(6, 3, 6, 3);
    rows->setSpacing(2);
    auto *layout = new QHBoxLayout;
    m_label = new QLabel(this);
    m_label->setObjectName(u"reviewLabel"_s);
    m_label->setTextFormat(Qt::PlainText);
    // A long quote or name must not widen the window (it squeezed the library pane off the screen):
    // the label takes the column's width and elides; the whole text is its tooltip.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_label->setMinimumWidth(0);
    rows->addWidget(m_label);
    rows->addLayout(layout);
    auto button = [this, layout](const QString &name, const QString &text, const QString &tip,
                                 void (ReviewBar::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus); // the keys go to the bar
        connect(b, &QPushButton::clicked, this, slot);
        layout->addWidget(b);
        return b;
    };
    button(u"reviewPrevious"_s, tr("‹ P"), tr("Previous item (P)"), &ReviewBar::previous);
    m_accept = button(u"reviewAccept"_s, tr("Accept (A)"), tr("Keep it as it is, marked as reviewed"),
                      &ReviewBar::accept);
    m_change = button(u"reviewChange"_s, tr("Change… (C)"), tr("Change the speaker or the entity type"),
                      &ReviewBar::change);
    m_reject = button(u"reviewReject"_s, tr("Reject (R)"), tr("Not a quote, or not an entity"),
                      &ReviewBar::reject);
    button(u"reviewNext"_s, tr("N ›"), tr("Next item without deciding (N)"), &ReviewBar::next);
    auto *close = new QToolButton(this);
    close->setObjectName(u"reviewClose"_s);
    close->setText(u"\u2715"_s);
    close->setToolTip(tr("End the review (Esc)"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &ReviewBar::stop);
    layout->addStretch(1);
    layout->addWidget(close);
    hide();
}

ReviewBar::~ReviewBar() = default;

void ReviewBar::rebuild()
{
    m_items.clear();
    if (!m_session->isOpen())
        return;
    const AnalysisResult &an = m_session->analysis();
    QList<int> quotes;
    for (int i = 0; i < an.quotes.size(); ++i)
        quotes.append(i);
    std::stable_sort(quotes.begin(), quotes.end(),
                     [&](int a, int b) { return an.quotes.at(a).span.start < an.quotes.at(b).span.start; });
    for (int i : quotes)
        m_items.append(Item { true, { i }, an.quotes.at(i).span });
    // Entities: each name once (type and canonical name), in the order of its first mention.
    QHash<QString, int> itemOf;
    QList<Item> entities;
    for (int i = 0; i < an.entities.size(); ++i) {
        const Entity &e = an.entities.at(i);
        if (!layerOfEntity(e.type) || e.type == Entity::Type::Number)
            continue;
        const QString key = entityTypeName(e.type) + u'\x1f' + (e.canonical.isEmpty() ? e.text : e.canonical);
        auto it = itemOf.constFind(key);
        if (it == itemOf.cend()) {
            itemOf.insert(key, int(entities.size()));
            entities.append(Item { false, { i }, e.span });
        } else {
            Item &item = entities[*it];
            item.indexes.append(i);
            if (e.span.start < item.span.start)
                item.span = e.span;
        }
    }
    std::stable_sort(entities.begin(), entities.end(),
                     [](const Item &a, const Item &b) { return a.span.start < b.span.start; });
    m_items.append(entities);
}

void ReviewBar::start()
{
    rebuild();
    show();
    setFocus(Qt::OtherFocusReason);
    showItem(0);
}

void ReviewBar::stop()
{
    hide();
    m_items.clear();
    emit finished();
}

QString ReviewBar::currentText() const
{
    return m_text;
}

void ReviewBar::setText(const QString &text)
{
    m_text = text;
    m_label->setToolTip(text);
    elideLabel();
}

void ReviewBar::elideLabel()
{
    m_label->setText(m_label->fontMetrics().elidedText(m_text, Qt::ElideRight, m_label->width()));
}

void ReviewBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideLabel();
}

void ReviewBar::showItem(int position)
{
    if (m_items.isEmpty()) {
        setText(tr("Nothing to review: this article has no quotes or entities."));
        m_accept->setEnabled(false);
        m_change->setEnabled(false);
        m_reject->setEnabled(false);
        return;
    }
    m_position = std::clamp(position, 0, int(m_items.size()) - 1);
    const Item &item = m_items.at(m_position);
    const AnalysisResult &an = m_session->analysis();
    const int quotes
        = int(std::count_if(m_items.cbegin(), m_items.cend(), [](const Item &i) { return i.quote; }));
    QString text;
    bool reviewed = false;
    if (item.quote) {
        const Quote &q = an.quotes.at(item.indexes.first());
        reviewed = q.corrected;
        text = tr("Quote %1 of %2 — speaker: %3 — “%4”")
                   .arg(m_position + 1)
                   .arg(quotes)
                   .arg(q.speaker.isEmpty() ? tr("unknown") : q.speaker, excerpt(withoutMarks(q.text), 60));
    } else {
        const Entity &e = an.entities.at(item.indexes.first());
        reviewed = std::all_of(item.indexes.cbegin(), item.indexes.cend(),
                               [&](int i) { return an.entities.at(i).corrected; });
        text = tr("Entity %1 of %2 — %3: %4 (%n mentions)", nullptr, int(item.indexes.size()))
                   .arg(m_position - quotes + 1)
                   .arg(m_items.size() - quotes)
                   .arg(QString(LayerCorrectionActions::typeLabel(e.type)).remove(u'&'),
                        e.canonical.isEmpty() ? e.text : e.canonical);
    }
    if (reviewed)
        text += u"  \u2713"_s;
    setText(text);
    m_accept->setEnabled(true);
    m_change->setEnabled(true);
    m_reject->setEnabled(true);
    m_view->scrollToSpan(item.span, true);
}

void ReviewBar::advancePast(Span decided, bool quote)
{
    rebuild();
    // The first item of the same kind after the decided one, else the first of the next kind.
    int next = int(m_items.size());
    for (int i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items.at(i);
        if (item.quote == quote && item.span.start > decided.start) {
            next = i;
            break;
        }
        if (quote && !item.quote) {
            next = i;
            break;
        }
    }
    if (next >= m_items.size()) {
        showItem(int(m_items.size()) - 1);
        setText(m_text + u"  — "_s + tr("end of the review"));
        return;
    }
    showItem(next);
}

void ReviewBar::accept()
{
    if (m_items.isEmpty())
        return;
    const Item item = m_items.at(m_position);
    const AnalysisResult &an = m_session->analysis();
    Status s;
    if (item.quote)
        s = m_session->setQuoteSpeaker(item.indexes.first(), an.quotes.at(item.indexes.first()).speaker,
                                       tr("Accept speaker"));
    else
        s = m_session->setEntityType(item.indexes, an.entities.at(item.indexes.first()).type,
                                     tr("Accept entity type"));
    if (!s) {
        setText(s.errorString());
        return;
    }
    advancePast(item.span, item.quote);
}

void ReviewBar::change()
{
    if (m_items.isEmpty())
        return;
    const Item item = m_items.at(m_position);
    const AnalysisResult &an = m_session->analysis();
    Status s;
    if (item.quote) {
        QString speaker;
        if (!m_corrections->askSpeaker(tr("Change Speaker"), an.quotes.at(item.indexes.first()).speaker,
                                       &speaker))
            return;
        s = m_session->setQuoteSpeaker(item.indexes.first(), speaker);
    } else {
        Entity::Type type = an.entities.at(item.indexes.first()).type;
        if (!m_corrections->askType(type, &type))
            return;
        s = m_session->setEntityType(item.indexes, type);
    }
    if (!s) {
        setText(s.errorString());
        return;
    }
    setFocus(Qt::OtherFocusReason);
    advancePast(item.span, item.quote);
}

void ReviewBar::reject()
{
    if (m_items.isEmpty())
        return;
    const Item item = m_items.at(m_position);
    const Status s
        = item.quote ? m_session->rejectQuote(item.indexes.first()) : m_session->removeEntities(item.indexes);
    if (!s) {
        setText(s.errorString());
        return;
    }
    advancePast(item.span, item.quote);
}

void ReviewBar::next()
{
    if (!m_items.isEmpty())
        showItem(m_position + 1);
}

void ReviewBar::previous()
{
    if (!m_items.isEmpty())
        showItem(m_position - 1);
}

void ReviewBar::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_A:
        accept();
        break;
    case Qt::Key_C:
        change();
        break;
    case Qt::Key_R:
        reject();
        break;
    case Qt::Key_N:
    case Qt::Key_Right:
    case Qt::Key_Down:
        next();
        break;
    case Qt::Key_P:
    case Qt::Key_Left:
    case Qt::Key_Up:
        previous();
        break;
    case Qt::Key_Escape:
        stop();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Lede
