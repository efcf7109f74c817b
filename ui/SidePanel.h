// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Annotation.h"
#include "Span.h"

#include <QHash>
#include <QTabWidget>

class QListView;
class QPlainTextEdit;
class QTreeView;
class QLabel;
class QAction;
class QMenu;

namespace Lede {

class AnnotationListModel;
class EntitiesModel;
class QuotesModel;
class TagTreeModel;
class ArticleSession;

// The side panel: Notes (the article's highlights in text order and a note editor that saves as you
// type), Quotes grouped by speaker, Entities grouped by type and canonical name, and the Tags
// codebook as a tree, each shown from its own item model (QuotesModel, EntitiesModel, TagTreeModel). It reads
// from the ArticleSession and changes data only through it.
class SidePanel final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SidePanel)

public:
    enum Tab { NotesTab, QuotesTab, EntitiesTab, TagsTab };

    explicit SidePanel(QWidget *parent = nullptr);
    ~SidePanel() override;

    void setSession(ArticleSession *session);
    // Rebuilds the article tabs from the session (after open).
    void refreshArticle();
    // Brings the notes list up to date after an annotation change: only the rows that changed.
    void refreshAnnotations();
    void setTags(const QList<Tag> &tags);
    // The codebook as the panel shows it (the window's one copy of the tags).
    TagTreeModel *tagModel() const { return m_tagModel; }

    qint64 currentAnnotationId() const { return m_currentAnnotation; }
    void selectAnnotation(qint64 id, bool focusTab = true);
    void selectQuote(int quoteIndex);
    void selectEntity(int entityIndex);
    qint64 currentTagId() const;
    void focusNoteEditor();

    void setAnnotationActions(const QList<QAction *> &actions);
    void setTagActions(const QList<QAction *> &actions) { m_tagActions = actions; }

signals:
    // The reader picked something in the panel: show it in the text.
    void spanRequested(Span span);
    void currentAnnotationChanged(qint64 annotationId);
    void currentTagChanged(qint64 tagId);
    // Delete was pressed in the notes list on the current highlight.
    void deleteAnnotationRequested(qint64 annotationId);
    void errorOccurred(const QString &message);
    // A context menu on a quote or on an entity row is being built: add the correction entries.
    // entityIndexes are all the mentions the row stands for. Emitted synchronously.
    void quoteMenuRequested(QMenu *menu, int quoteIndex);
    void entityMenuRequested(QMenu *menu, const QList<int> &entityIndexes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void restoreCurrentAnnotation();
    void rebuildQuotes();
    void rebuildEntities();
    void showAnnotationInEditor();
    void noteEdited();

    ArticleSession *m_session = nullptr;
    AnnotationListModel *m_notesModel;
    QListView *m_notes;
    QLabel *m_noteHeading;
    QPlainTextEdit *m_noteEditor;
    QWidget *m_annotationButtons;
    QuotesModel *m_quotesModel;
    QTreeView *m_quotes;
    EntitiesModel *m_entitiesModel;
    QTreeView *m_entities;
    TagTreeModel *m_tagModel;
    QTreeView *m_tags;
    QList<QAction *> m_tagActions;
    qint64 m_currentAnnotation = 0;
    bool m_updating = false;
};

} // namespace Lede
