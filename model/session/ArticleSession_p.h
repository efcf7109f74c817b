// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the session: the undo commands of ArticleSession. Not part of the model's API; only
// ArticleSession.cpp includes this file (as Okular keeps its commands in document_p.h).

#include "ArticleSession.h"
#include "store/TagRepository.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace Lede {

// Every command has already been performed once by the session (so that a failing store call can be
// refused before anything is pushed); QUndoStack::push() calls redo() immediately, which is skipped.
class SessionCommand : public QUndoCommand
{
public:
    SessionCommand(ArticleSession *session, const QString &text)
        : QUndoCommand(text)
        , m_session(session)
        , m_stamp(session->nextStamp())
    {
    }

    void redo() final
    {
        m_stamp = m_session->nextStamp();
        if (m_firstRedo) {
            m_firstRedo = false;
            return;
        }
        run([this] { return doRedo(); });
    }
    void undo() final
    {
        m_stamp = m_session->nextStamp();
        run([this] { return doUndo(); });
    }

    // When this command was last done or undone, on the session's clock: the window's Undo acts on
    // the stack whose last done command is the most recent, Redo on the one most recently undone.
    quint64 stamp() const { return m_stamp; }

protected:
    virtual Status doRedo() = 0;
    virtual Status doUndo() = 0;
    ArticleSession *session() const { return m_session; }
    void touch() { m_stamp = m_session->nextStamp(); }

private:
    // One undo or redo step is one transaction, even when it takes several store calls (remove a
    // highlight, then the tags it created): on any failure all of it is rolled back and the
    // session reloads what the library holds, so view and library never disagree.
    template<typename Step> void run(Step step)
    {
        ArticleStore *store = m_session->store();
        Status s = store->beginBulk();
        if (s) {
            s = step();
            if (s)
                s = store->commitBulk();
            else
                store->rollbackBulk();
        }
        if (!s) {
            (void)m_session->reloadAfterTagChange();
            m_session->reportError(s.errorString());
        }
    }

    ArticleSession *m_session;
    quint64 m_stamp;
    bool m_firstRedo = true;
};

class AddAnnotationCommand final : public SessionCommand
{
public:
    AddAnnotationCommand(ArticleSession *session, Annotation added, QList<qint64> createdTags)
        : SessionCommand(session, QCoreApplication::translate("ArticleSession", "Add highlight"))
        , m_added(std::move(added))
        , m_createdTags(std::move(createdTags))
    {
    }

protected:
    Status doRedo() override
    {
        const Status tags = session()->restoreTags(m_tagSnapshots);
        return tags.ok() ? session()->applyRestore(m_added) : tags;
    }
    Status doUndo() override
    {
        const Status s = session()->applyRemove(m_added.id);
        if (!s)
            return s;
        m_tagSnapshots.clear();
        return session()->dropTags(m_createdTags, &m_tagSnapshots);
    }

private:
    Annotation m_added;
    QList<qint64> m_createdTags;
    QList<TagSnapshot> m_tagSnapshots;
};

class RemoveAnnotationCommand final : public SessionCommand
{
public:
    RemoveAnnotationCommand(ArticleSession *session, Annotation removed)
        : SessionCommand(session, QCoreApplication::translate("ArticleSession", "Delete highlight"))
        , m_removed(std::move(removed))
    {
    }

protected:
    Status doRedo() override { return session()->applyRemove(m_removed.id); }
    Status doUndo() override { return session()->applyRestore(m_removed); }

private:
    Annotation m_removed;
};

// Note, tags, color and range: the annotation before and after.
class UpdateAnnotationCommand final : public SessionCommand
{
public:
    UpdateAnnotationCommand(ArticleSession *session, const QString &text, Annotation before, Annotation after,
                            int mergeId, int burst, QList<qint64> createdTags)
        : SessionCommand(session, text)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
        , m_burst(burst)
        , m_createdTags(std::move(createdTags))
    {
    }

    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const UpdateAnnotationCommand *>(other);
        if (!next || next->m_burst != m_burst || next->m_after.id != m_after.id
            || !next->m_createdTags.isEmpty())
            return false;
        m_after = next->m_after;
        touch();
        return true;
    }

protected:
    Status doRedo() override
    {
        const Status tags = session()->restoreTags(m_tagSnapshots);
        return tags.ok() ? session()->applyUpdate(m_after) : tags;
    }
    Status doUndo() override
    {
        const Status s = session()->applyUpdate(m_before);
        if (!s)
            return s;
        m_tagSnapshots.clear();
        return session()->dropTags(m_createdTags, &m_tagSnapshots);
    }

private:
    Annotation m_before;
    Annotation m_after;
    int m_mergeId;
    int m_burst;
    QList<qint64> m_createdTags;
    QList<TagSnapshot> m_tagSnapshots;
};

// Rename, recolor and move are all "the tag as it was" versus "as it is now".
class TagEditCommand final : public SessionCommand
{
public:
    TagEditCommand(ArticleSession *session, const QString &text, Tag before, Tag after)
        : SessionCommand(session, text)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Status doRedo() override { return apply(m_before, m_after); }
    Status doUndo() override { return apply(m_after, m_before); }

private:
    Status apply(const Tag &from, const Tag &to)
    {
        ArticleStore *store = session()->store();
        Status s;
        if (from.name != to.name)
            s = TagRepository(*store).renameTag(to.id, to.name);
        if (s.ok() && from.color != to.color)
            s = TagRepository(*store).setTagColor(to.id, to.color);
        if (s.ok() && from.parentId != to.parentId)
            s = TagRepository(*store).moveTag(to.id, to.parentId);
        const Status reload = session()->reloadAfterTagChange();
        return s.ok() ? reload : s;
    }

    Tag m_before;
    Tag m_after;
};

class RemoveTagCommand final : public SessionCommand
{
public:
    RemoveTagCommand(ArticleSession *session, qint64 tagId, TagRemoval mode, TagSnapshot snapshot)
        : SessionCommand(session, QCoreApplication::translate("ArticleSession", "Delete tag"))
        , m_tagId(tagId)
        , m_mode(mode)
        , m_snapshot(std::move(snapshot))
    {
    }

protected:
    Status doRedo() override
    {
        auto removed = TagRepository(*session()->store()).removeTag(m_tagId, m_mode);
        if (removed)
            m_snapshot = removed.value();
        const Status reload = session()->reloadAfterTagChange();
        return removed ? reload : Status::from(removed);
    }
    Status doUndo() override
    {
        const Status s = TagRepository(*session()->store()).restoreTag(m_snapshot);
        const Status reload = session()->reloadAfterTagChange();
        return s.ok() ? reload : s;
    }

private:
    qint64 m_tagId;
    TagRemoval m_mode;
    TagSnapshot m_snapshot;
};

// Removed articles (with all their rows) come back on undo; redo removes them again.
class RemoveArticlesCommand final : public SessionCommand
{
public:
    RemoveArticlesCommand(ArticleSession *session, const QString &text, ArticleSnapshot snapshot,
                          qint64 wasOpen)
        : SessionCommand(session, text)
        , m_snapshot(std::move(snapshot))
        , m_wasOpen(wasOpen)
    {
    }

protected:
    Status doRedo() override
    {
        auto removed = removeArticles(*session()->store(), m_snapshot.articleIds);
        if (removed)
            m_snapshot = removed.value();
        session()->afterArticlesChanged();
        return Status::from(removed);
    }
    Status doUndo() override
    {
        const Status s = restoreArticles(*session()->store(), m_snapshot);
        // Back where the reader was: the article open when it was deleted (the list may have
        // opened a neighbour since).
        if (s && m_wasOpen)
            (void)session()->open(m_wasOpen);
        session()->afterArticlesChanged();
        return s;
    }

private:
    ArticleSnapshot m_snapshot;
    qint64 m_wasOpen;
};

class ArticleDetailsCommand final : public SessionCommand
{
public:
    ArticleDetailsCommand(ArticleSession *session, qint64 articleId, ArticleDetails before,
                          ArticleDetails after)
        : SessionCommand(session, QCoreApplication::translate("ArticleSession", "Edit article details"))
        , m_articleId(articleId)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Status doRedo() override { return apply(m_after); }
    Status doUndo() override { return apply(m_before); }

private:
    Status apply(const ArticleDetails &details)
    {
        const Status s = setArticleDetails(*session()->store(), m_articleId, details);
        session()->afterArticlesChanged();
        return s;
    }

    qint64 m_articleId;
    ArticleDetails m_before;
    ArticleDetails m_after;
};

class MergeArticlesCommand final : public SessionCommand
{
public:
    MergeArticlesCommand(ArticleSession *session, qint64 otherId, MergeRecord record)
        : SessionCommand(session, QCoreApplication::translate("ArticleSession", "Merge articles"))
        , m_otherId(otherId)
        , m_record(std::move(record))
    {
    }

protected:
    Status doRedo() override
    {
        auto merged = mergeArticles(*session()->store(), m_record.keepId, m_otherId);
        if (merged)
            m_record = merged.value();
        session()->afterArticlesChanged();
        return Status::from(merged);
    }
    Status doUndo() override
    {
        const Status s = undoMerge(*session()->store(), m_record);
        session()->afterArticlesChanged();
        return s;
    }

private:
    qint64 m_otherId;
    MergeRecord m_record;
};

// A correction of the automatic layers: undo and redo swap the article's whole list of corrections
// (a correction may replace an older one of the same item) and analyse the article again.
class CorrectionCommand final : public SessionCommand
{
public:
    CorrectionCommand(ArticleSession *session, const QString &text, qint64 articleId,
                      QList<LayerCorrection> before, QList<LayerCorrection> after)
        : SessionCommand(session, text)
        , m_articleId(articleId)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }

protected:
    Status doRedo() override { return session()->applyCorrectionState(m_articleId, m_after); }
    Status doUndo() override { return session()->applyCorrectionState(m_articleId, m_before); }

private:
    qint64 m_articleId;
    QList<LayerCorrection> m_before;
    QList<LayerCorrection> m_after;
};

} // namespace Lede
