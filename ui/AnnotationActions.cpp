// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationActions.h"

#include "DocumentView.h"
#include "Layers.h"
#include "SidePanel.h"
#include "TagDialog.h"
#include "TextExcerpt.h"
#include "UiHelpers.h"
#include "session/ArticleSession.h"

#include <QAction>
#include <QColorDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <utility>

using namespace Qt::StringLiterals;

namespace Lede {

AnnotationActions::AnnotationActions(ArticleSession *session, DocumentView *view, SidePanel *side,
                                     TagSource tags, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_view(view)
    , m_side(side)
    , m_tags(std::move(tags))
    , m_window(window)
{
    m_highlight = makeAction(window, u"highlightAction"_s, tr("&Highlight"), u"highlight"_s);
    m_highlight->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_highlight->setToolTip(tr("Highlight the selected text (Ctrl+E)"));
    connect(m_highlight, &QAction::triggered, this, [this] { highlightSelection(); });
    m_tag = makeAction(window, u"tagAction"_s, tr("&Tag…"), u"tag"_s);
    m_tag->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_tag->setToolTip(tr("Tag the selection or the current highlight (Ctrl+T)"));
    connect(m_tag, &QAction::triggered, this, &AnnotationActions::tagSelectionOrHighlight);
    m_note = makeAction(window, u"noteAction"_s, tr("&Note…"), u"note"_s);
    m_note->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_note->setToolTip(tr("Write a note on the selection or the current highlight (Ctrl+Shift+N)"));
    connect(m_note, &QAction::triggered, this, &AnnotationActions::noteOnSelectionOrHighlight);
    m_setRange = makeAction(window, u"setRangeAction"_s, tr("Set Highlight to &Selection"));
    m_setRange->setToolTip(tr("Move the current highlight to the selected text"));
    connect(m_setRange, &QAction::triggered, this, &AnnotationActions::setRangeOfCurrent);
    m_delete = makeAction(window, u"deleteHighlightAction"_s, tr("&Delete Highlight"), u"delete"_s);
    m_delete->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Delete));
    connect(m_delete, &QAction::triggered, this, &AnnotationActions::deleteCurrent);
    m_color = makeAction(window, u"colorAction"_s, tr("&Color"), u"color"_s);
    auto *colorMenu = new QMenu(window);
    colorMenu->setObjectName(u"colorMenu"_s);
    for (const auto &[name, label] : highlightColorChoices()) {
        QPixmap swatch(14, 14);
        swatch.fill(QColor::fromString(name));
        QAction *c = colorMenu->addAction(QIcon(swatch), label);
        c->setObjectName(u"color_"_s + QString(name).remove(u'#'));
        connect(c, &QAction::triggered, this, [this, name = name] { colorCurrent(name); });
    }
    colorMenu->addSeparator();
    connect(colorMenu->addAction(tr("Tag Color")), &QAction::triggered, this,
            [this] { colorCurrent(QString()); });
    connect(colorMenu->addAction(tr("Other…")), &QAction::triggered, this, [this] {
        const QColor c = QColorDialog::getColor(defaultHighlightColor(), m_window, tr("Highlight color"));
        if (c.isValid())
            colorCurrent(c.name());
    });
    m_color->setMenu(colorMenu);
}

AnnotationActions::~AnnotationActions() = default;

QList<QAction *> AnnotationActions::actions() const
{
    return { m_highlight, m_tag, m_note, m_setRange, m_delete, m_color };
}

void AnnotationActions::updateActions()
{
    const bool open = m_session->isOpen();
    const bool selection = open && !m_view->selectedSpan().isEmpty();
    const bool current = open && m_side->currentAnnotationId() != 0;
    m_highlight->setEnabled(selection);
    m_tag->setEnabled(selection || current);
    m_note->setEnabled(selection || current);
    m_color->setEnabled(selection || current);
    m_setRange->setEnabled(selection && current);
    m_delete->setEnabled(current);
    if ((selection || current) && !m_hint.isEmpty())
        emit hintObsolete(std::exchange(m_hint, QString()));
}

bool AnnotationActions::explainUnavailable(const QKeySequence &pressed)
{
    for (QAction *a : { m_highlight, m_tag, m_note }) {
        if (a->isEnabled() || !a->shortcuts().contains(pressed))
            continue;
        QString why;
        if (!m_session->isOpen())
            why = tr("Open an article first: pick one in the library on the left.");
        else if (a == m_highlight)
            why = tr("Select some text in the article first.");
        else
            why = tr("Select some text in the article, or pick a highlight in the Notes list, first.");
        m_hint = why;
        emit message(why, MessageBar::Kind::Warning);
        return true;
    }
    return false;
}

qint64 AnnotationActions::highlightAt(const Span &span) const
{
    // The selection is exactly an existing highlight (typically the one just made): act on it
    // instead of stacking a duplicate on the same words. The current one wins a tie.
    const qint64 current = m_side->currentAnnotationId();
    qint64 found = 0;
    for (const Annotation &a : m_session->annotations()) {
        if (a.span == span && (found == 0 || a.id == current))
            found = a.id;
    }
    return found;
}

void AnnotationActions::highlightSelection(const QString &color)
{
    const Span span = m_view->selectedSpan();
    if (span.isEmpty()) {
        emit message(tr("Select some text in the article first."), MessageBar::Kind::Warning);
        return;
    }
    if (const qint64 existing = highlightAt(span)) {
        if (!color.isEmpty()) {
            if (const Status s = m_session->setColor(existing, color); !s)
                error(tr("Cannot change the color: %1").arg(s.errorString()));
        }
        m_side->selectAnnotation(existing, false);
        return;
    }
    auto id = m_session->addHighlight(span, {}, color);
    if (!id) {
        error(tr("Cannot add the highlight: %1").arg(id.errorString()));
        return;
    }
    m_side->selectAnnotation(id.value(), false);
}

void AnnotationActions::tagSelectionOrHighlight()
{
    QStringList all;
    for (const Tag &t : m_tags())
        all << t.path;
    Span span = m_view->selectedSpan();
    qint64 current = m_side->currentAnnotationId();
    if (const qint64 existing = span.isEmpty() ? 0 : highlightAt(span)) {
        current = existing;
        span = {};
    }
    QStringList checked;
    if (span.isEmpty() && current) {
        if (const auto a = m_session->annotation(current))
            checked = a->tags;
    } else if (span.isEmpty()) {
        return;
    }
    TagDialog dialog(all, checked, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QStringList tags = dialog.selectedTags();
    if (!span.isEmpty()) {
        auto id = m_session->addHighlight(span, tags);
        if (!id) {
            error(tr("Cannot add the highlight: %1").arg(id.errorString()));
            return;
        }
        m_side->selectAnnotation(id.value(), false);
    } else if (const Status s = m_session->setTags(current, tags); !s) {
        error(tr("Cannot change the tags: %1").arg(s.errorString()));
    }
}

void AnnotationActions::noteOnSelectionOrHighlight()
{
    const Span span = m_view->selectedSpan();
    if (const qint64 existing = span.isEmpty() ? 0 : highlightAt(span)) {
        m_side->selectAnnotation(existing);
    } else if (!span.isEmpty()) {
        auto id = m_session->addHighlight(span);
        if (!id) {
            error(tr("Cannot add the highlight: %1").arg(id.errorString()));
            return;
        }
        m_side->selectAnnotation(id.value());
    } else if (!m_side->currentAnnotationId()) {
        return;
    }
    m_side->focusNoteEditor();
}

void AnnotationActions::colorCurrent(const QString &color)
{
    if (!m_view->selectedSpan().isEmpty()) {
        highlightSelection(color);
        return;
    }
    if (const qint64 id = m_side->currentAnnotationId()) {
        if (const Status s = m_session->setColor(id, color); !s)
            error(tr("Cannot change the color: %1").arg(s.errorString()));
    }
}

void AnnotationActions::setRangeOfCurrent()
{
    const Span span = m_view->selectedSpan();
    const qint64 id = m_side->currentAnnotationId();
    if (span.isEmpty() || !id)
        return;
    if (const Status s = m_session->setRange(id, span); !s)
        error(tr("Cannot move the highlight: %1").arg(s.errorString()));
}

void AnnotationActions::deleteCurrent()
{
    if (const qint64 id = m_side->currentAnnotationId()) {
        // A note is the reader's own writing: ask before it goes (undo brings it back as well).
        const auto a = m_session->annotation(id);
        if (a && !a->note.trimmed().isEmpty()) {
            const QString passage
                = excerpt(m_session->article().body.mid(a->span.start, a->span.length()), 50);
            QMessageBox box(QMessageBox::Question, tr("Delete Highlight"),
                            tr("Delete the highlight on “%1” and its note?").arg(passage),
                            QMessageBox::Cancel, m_window);
            box.setObjectName(u"deleteHighlightBox"_s);
            box.setInformativeText(excerpt(a->note, 200));
            QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
            box.setDefaultButton(QMessageBox::Cancel);
            box.exec();
            if (box.clickedButton() != remove)
                return;
        }
        if (const Status s = m_session->remove(id); !s)
            error(tr("Cannot delete the highlight: %1").arg(s.errorString()));
        else
            emit message(tr("Highlight deleted. Undo with %1.")
                             .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                         MessageBar::Kind::Information);
    }
}

} // namespace Lede
