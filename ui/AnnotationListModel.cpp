// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationListModel.h"

#include "Layers.h"
#include "TextExcerpt.h"
#include "session/ArticleSession.h"

#include <QColor>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QIcon>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// What the row shows; times are left out because the panel does not show them.
bool sameRow(const Annotation &a, const Annotation &b)
{
    return a.id == b.id && a.span == b.span && a.tags == b.tags && a.note == b.note && a.color == b.color;
}

} // namespace

AnnotationListModel::AnnotationListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

AnnotationListModel::~AnnotationListModel() = default;

void AnnotationListModel::setSession(ArticleSession *session)
{
    m_session = session;
    reset();
}

QList<Annotation> AnnotationListModel::current() const
{
    return m_session && m_session->isOpen() ? m_session->annotations() : QList<Annotation>();
}

void AnnotationListModel::reset()
{
    beginResetModel();
    m_rows = current();
    endResetModel();
}

void AnnotationListModel::sync()
{
    const QList<Annotation> now = current();
    if (!now.isEmpty() && !m_rows.isEmpty() && now.first().articleId != m_rows.first().articleId) {
        reset(); // another article: nothing to keep
        return;
    }
    // Both lists are in text order, so one edit leaves a common head and tail; only the window
    // between them changes.
    qsizetype head = 0;
    const qsizetype common = std::min(now.size(), m_rows.size());
    while (head < common && sameRow(now.at(head), m_rows.at(head)))
        ++head;
    qsizetype tail = 0;
    while (tail < common - head
           && sameRow(now.at(now.size() - 1 - tail), m_rows.at(m_rows.size() - 1 - tail)))
        ++tail;
    const qsizetype oldEnd = m_rows.size() - tail;
    const qsizetype newEnd = now.size() - tail;
    bool sameIds = oldEnd - head == newEnd - head;
    for (qsizetype i = head; sameIds && i < oldEnd; ++i)
        sameIds = m_rows.at(i).id == now.at(i).id;
    if (sameIds) {
        if (head < oldEnd) {
            for (qsizetype i = head; i < oldEnd; ++i)
                m_rows[i] = now.at(i);
            emit dataChanged(index(int(head)), index(int(oldEnd - 1)));
        }
        return;
    }
    if (oldEnd > head) {
        beginRemoveRows({}, int(head), int(oldEnd - 1));
        m_rows.remove(head, oldEnd - head);
        endRemoveRows();
    }
    if (newEnd > head) {
        beginInsertRows({}, int(head), int(newEnd - 1));
        m_rows.insert(head, newEnd - head, Annotation());
        for (qsizetype i = head; i < newEnd; ++i)
            m_rows[i] = now.at(i);
        endInsertRows();
    }
}

qint64 AnnotationListModel::annotationIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int AnnotationListModel::rowOfAnnotation(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

const Annotation *AnnotationListModel::annotationAt(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString AnnotationListModel::label(const Annotation &a) const
{
    const QString &body = m_session->article().body;
    // An orphan's passage is not in this version of the text: it shows the text it was made on.
    const QString text = excerpt(a.isOrphan() ? a.exact : body.mid(a.span.start, a.span.length()), 90);
    static const QString quoteMarks = u"“”\"‘’'"_s;
    const bool quoted = !text.isEmpty() && quoteMarks.contains(text.front());
    QString label = quoted ? text : u"“"_s + text + u"”"_s;
    if (a.isOrphan())
        label = tr("Orphaned: %1").arg(label);
    QStringList second;
    if (!a.tags.isEmpty())
        second << tr("Tags: %1").arg(a.tags.join(u", "_s));
    if (!a.note.isEmpty())
        second << u"✎ "_s + excerpt(a.note, 120);
    label += u'\n' + (second.isEmpty() ? tr("No tags or note") : second.join(u"  ·  "_s));
    return label;
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    const Annotation *a = annotationAt(index);
    if (!a || !m_session)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return label(*a);
    case Qt::AccessibleTextRole:
        return QString(label(*a)).replace(u'\n', u"; "_s);
    case Qt::ToolTipRole:
        if (a->isOrphan())
            return tr(
                "This passage is not in the article's new text, so the note is kept here with the words it "
                "was made on. To place it, select the passage and choose Annotate → Set Highlight to "
                "Selection.");
        return a->note.isEmpty() ? QVariant() : QVariant(a->note.toHtmlEscaped());
    case Qt::DecorationRole: {
        QPixmap p(12, 12);
        const QColor c = a->color.isEmpty() ? defaultHighlightColor() : QColor::fromString(a->color);
        p.fill(c.isValid() ? c : defaultHighlightColor());
        return QIcon(p);
    }
    case Qt::SizeHintRole: {
        // Two lines, and no width of its own: the row takes the view's width and the text is elided
        // to it instead of widening the list.
        const QFontMetrics fm(QGuiApplication::font());
        return QSize(1, 2 * fm.lineSpacing() + 8);
    }
    case AnnotationIdRole:
        return a->id;
    default:
        return {};
    }
}

} // namespace Lede
