// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Annotation.h"
#include "Article.h"
#include "Correction.h"
#include "Result.h"
#include "library/ArticleEditing.h"
#include "store/ArticleStore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QUndoGroup>
#include <QUndoStack>
#include <functional>
#include <optional>

namespace Lede {

class CorrectionRepository;

// The open document: one article with its automatic layers and the user's annotations, held in
// memory so that views never touch the database while painting.
//
// Every public mutator performs its change in the store at once (one transaction), and on success
// pushes one QUndoCommand; on failure nothing is pushed, nothing changes and the returned Status
// carries the store's message.
//
// Undo belongs to the right owner: each article has its own QUndoStack, kept while the article is
// open or among the last MaxKeptHistories opened (so its history survives switching articles), and
// the codebook (tag rename, recolour, move, delete: library-wide changes) has one stack of its own.
// All of them are in undoGroup(). undo() and redo() act on the open article's stack or the
// codebook's, whichever holds the most recent step (the group's active stack follows). Undo and redo replay
// through the store as well; a failure there is reported through errorOccurred(). After any change,
// annotationsChanged() (and for codebook operations tagsChanged()) is emitted so views repaint from the
// in-memory copy.
//
// Consecutive setNote() calls on one annotation merge into one undo step until endNoteBurst() is
// called (the note editor calls it when it loses focus or shows another annotation).
class ArticleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArticleSession)

public:
    // The store must outlive the session and belong to this thread.
    explicit ArticleSession(ArticleStore *store, QObject *parent = nullptr);
    ~ArticleSession() override;

    // Histories kept for articles that are no longer open (the least recently opened go first).
    static constexpr int MaxKeptHistories = 20;

    // Loads the article, its analysis and annotations; its undo history is kept from the last time
    // it was open (when it is among the last MaxKeptHistories). When the stored layers are outdated
    // (library/Reanalysis.h), analysis() is the stored layers at first: today's are made on a worker
    // thread, stored (the user's corrections applied again) and swapped in, followed by
    // analysisChanged(). A result that arrives after the user opened another article, or after the
    // text was replaced or the layers made current by a newer step, is dropped, never stored.
    Status open(qint64 articleId);
    // Analyses of outdated layers still running (see open()).
    bool isReanalysing() const { return m_pendingAnalyses > 0; }
    // Re-reads the open article's annotations (and the codebook) after another program changed the
    // library (see LibraryWatcher), keeping the undo stack: a step whose annotation another program
    // removed fails on undo with a message and changes nothing. Fails, changing nothing, when the
    // article itself is gone from the library.
    Status reloadFromLibrary();
    bool isOpen() const { return m_article.id != 0; }
    qint64 articleId() const { return m_article.id; }
    const Article &article() const { return m_article; }
    const AnalysisResult &analysis() const { return m_analysis; }
    // Whether the open article is in English (LanguageGuess): names and speakers are only looked
    // for in English text, and the side panel says so for other text.
    bool isEnglish() const { return m_english; }
    // Sorted by span start, then end.
    const QList<Annotation> &annotations() const { return m_annotations; }
    std::optional<Annotation> annotation(qint64 id) const;
    ArticleStore *store() const { return m_store; }
    // The open article's undo stack (an empty one when no article is open).
    QUndoStack *undoStack() const { return m_articleStack; }
    QUndoStack *codebookStack() const { return m_codebookStack; }
    QUndoGroup *undoGroup() { return &m_undoGroup; }
    // The stack that undo() / redo() would act on: the open article's or the codebook's, whichever
    // did (or undid) its step most recently; nullptr when there is nothing to undo (redo).
    QUndoStack *undoTarget() const;
    QUndoStack *redoTarget() const;
    bool canUndo() const { return undoTarget() != nullptr; }
    bool canRedo() const { return redoTarget() != nullptr; }
    QString undoText() const;
    QString redoText() const;
    void undo();
    void redo();
    // Articles whose undo history is kept, least recently opened first.
    QList<qint64> keptHistories() const { return m_recentArticles; }

    // Annotations of the open article.
    Result<qint64> addHighlight(Span span, const QStringList &tags = {}, const QString &color = {},
                                const QString &note = {});
    Status setNote(qint64 annotationId, const QString &note);
    void endNoteBurst() { ++m_noteBurst; }
    Status setTags(qint64 annotationId, const QStringList &tagPaths);
    Status setColor(qint64 annotationId, const QString &color);
    Status setRange(qint64 annotationId, Span span);
    Status remove(qint64 annotationId);

    // The user's corrections of the open article's automatic layers (see Correction.h): the speaker
    // of a quote, "not a quote", a quote the analysis missed; an entity's type or name, "not an
    // entity", an entity the analysis missed. Items are named by their index in analysis(). Each is
    // one undo step. Undo puts the article's corrections back as they were and analyses the article
    // again (the analysis is deterministic), so undo and redo never depend on stored layer ids.
    // analysisChanged() follows every change.
    // undoText names the undo step where it is not "Change speaker" / "Change entity type" (the
    // review's Accept stores the same decision and calls it "Accept speaker" / "Accept entity type").
    Status setQuoteSpeaker(int quoteIndex, const QString &speaker, const QString &undoText = {});
    Status rejectQuote(int quoteIndex);
    Status addQuote(Span span, const QString &speaker);
    // Type and removal take every mention the reader means at once (one undo step).
    Status setEntityType(const QList<int> &entityIndexes, Entity::Type type, const QString &undoText = {});
    Status renameEntity(int entityIndex, const QString &canonical); // every mention with its name
    Status removeEntities(const QList<int> &entityIndexes);
    Status addEntity(Span span, Entity::Type type);

    // The codebook (library-wide; undone through codebookStack()).
    Status renameTag(qint64 tagId, const QString &newName);
    Status setTagColor(qint64 tagId, const QString &color);
    Status moveTag(qint64 tagId, qint64 newParentId);
    Status removeTag(qint64 tagId, TagRemoval mode);

    // Library management: whole articles (library-wide, undone through codebookStack() like the
    // codebook). Removing the open article closes it; undoing the removal puts the articles back
    // with every row they had (ArticleEditing.h) and opens again the one that was open.
    Status removeArticles(const QList<qint64> &articleIds);
    Status setArticleDetails(qint64 articleId, const ArticleDetails &details);
    // Moves `otherId`'s annotations onto `keepId`'s text and removes `otherId` (ArticleEditing.h);
    // undo puts it back as it was.
    Result<ReanchorReport> mergeArticles(qint64 keepId, qint64 otherId);
    // The article's text was replaced by a new version (ArticleEditing.h, replaceWithVersion): its
    // undo history (spans in the old text) is dropped and, when it is open, it is read again.
    void textReplaced(qint64 articleId);

signals:
    void annotationsChanged(qint64 articleId);
    // The open article's automatic layers changed (a correction, its undo or redo).
    void analysisChanged(qint64 articleId);
    void tagsChanged();
    void errorOccurred(const QString &message);
    // Something was pushed, undone or redone, or another article opened: canUndo(), undoText()
    // and the rest may have changed.
    void undoStateChanged();
    // Articles were removed or put back, or their details changed: the library list re-reads.
    // When the open article is among them the session has closed it or re-read it (isOpen()).
    void articlesChanged();

private:
    // The undo commands (ArticleSession_p.h) replay changes through these hooks.
    friend class SessionCommand;
    friend class AddAnnotationCommand;
    friend class RemoveAnnotationCommand;
    friend class UpdateAnnotationCommand;
    friend class TagEditCommand;
    friend class RemoveTagCommand;
    friend class CorrectionCommand;

    // Corrections: run `action` (one store call that records a correction), then push its undo step.
    Status correct(const QString &text, const std::function<Status(CorrectionRepository &)> &action);
    // The article's corrections become `corrections`; its layers are analysed again with them.
    Status applyCorrectionState(qint64 articleId, const QList<LayerCorrection> &corrections);
    friend class RemoveArticlesCommand;
    friend class ArticleDetailsCommand;
    friend class MergeArticlesCommand;

    Status applyUpdate(const Annotation &annotation);
    Status applyRemove(qint64 annotationId);
    Status applyRestore(const Annotation &annotation);
    Status reloadAfterTagChange();
    // After a library-management step: closes the open article when it is gone, re-reads it when
    // it changed, and tells the views.
    void afterArticlesChanged();
    void close();
    // Tags that an add/update created implicitly are removed again by its undo (and restored, with
    // their ids, by its redo), so that undo leaves the codebook exactly as it was.
    QSet<qint64> tagIds() const;
    QList<qint64> createdTagRoots(const QSet<qint64> &before) const;
    Status dropTags(const QList<qint64> &roots, QList<TagSnapshot> *snapshots);
    Status restoreTags(const QList<TagSnapshot> &snapshots);
    void reportError(const QString &message) { emit errorOccurred(message); }
    quint64 nextStamp() { return ++m_clock; }

    void startReanalysis();
    void finishReanalysis(const Article &analysed, const AnalysisResult &fresh);

    QUndoStack *makeStack();
    QUndoStack *stackForArticle(qint64 articleId);
    void activate(QUndoStack *stack);

    Status pushUpdate(qint64 annotationId, const std::function<void(Annotation &)> &change,
                      const QString &text, int mergeId = -1);
    void storeLocally(const Annotation &annotation);

    ArticleStore *m_store;
    Article m_article;
    AnalysisResult m_analysis;
    bool m_english = true;
    QList<Annotation> m_annotations;
    QUndoGroup m_undoGroup;
    QUndoStack *m_codebookStack;
    QUndoStack *m_noArticleStack;
    QUndoStack *m_articleStack;
    QHash<qint64, QUndoStack *> m_articleStacks;
    QList<qint64> m_recentArticles; // least recently opened first; the open article last
    quint64 m_clock = 0;
    int m_noteBurst = 0;
    int m_pendingAnalyses = 0;
};

} // namespace Lede
