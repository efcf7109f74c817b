// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "MessageBar.h"
#include "Span.h"

#include <QObject>
#include <functional>

class QAction;
class QWidget;

namespace Lede {

class ArticleSession;
class DocumentView;
class SidePanel;

// The Annotate actions: Highlight (Ctrl+E), Tag (Ctrl+T), Note (Ctrl+Shift+N), Color, Set Highlight
// to Selection and Delete Highlight. They act on the text selection in the DocumentView or, without
// one, on the current highlight of the SidePanel, and change data only through the ArticleSession.
class AnnotationActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationActions)

public:
    using TagSource = std::function<QList<Tag>()>;

    // The actions are children of the window (so that their shortcuts and dialogs belong to it).
    AnnotationActions(ArticleSession *session, DocumentView *view, SidePanel *side, TagSource tags,
                      QWidget *window);
    ~AnnotationActions() override;

    QList<QAction *> actions() const;
    // Enables what makes sense for the current selection and highlight.
    void updateActions();
    // A disabled action's shortcut does nothing; when the key pressed is the shortcut of Highlight,
    // Tag or Note and that action is disabled, says why (in message()) and returns true.
    bool explainUnavailable(const QKeySequence &pressed);

    void highlightSelection(const QString &color = {});
    void tagSelectionOrHighlight();
    void noteOnSelectionOrHighlight();
    void colorCurrent(const QString &color);
    void setRangeOfCurrent();
    void deleteCurrent();

signals:
    void message(const QString &text, MessageBar::Kind kind);
    // The hint explainUnavailable() gave no longer applies: text is selected or a highlight picked.
    void hintObsolete(const QString &text);

private:
    qint64 highlightAt(const Span &span) const;
    QString m_hint; // the last hint explainUnavailable() showed, until it is obsolete
    void error(const QString &text) { emit message(text, MessageBar::Kind::Error); }

    ArticleSession *m_session;
    DocumentView *m_view;
    SidePanel *m_side;
    TagSource m_tags;
    QWidget *m_window;
    QAction *m_highlight;
    QAction *m_tag;
    QAction *m_note;
    QAction *m_setRange;
    QAction *m_delete;
    QAction *m_color;
};

} // namespace Lede
