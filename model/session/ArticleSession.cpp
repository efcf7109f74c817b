// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleSession.h"

#include "Logging.h"
#include "analysis/Analyzer.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

// Every command has already been performed once by the session (so that a failing store call can be
// refused before anything is pushed); QUndoStack::push() calls redo() immediately, which is skipped.
class SessionCommand : public QUndoCommand
{
public:
    SessionCommand(ArticleSession *session, const QString &text)
        : QUndoCommand(text)
        , m_session(session)
    {
    }

    void redo() final
    {
        if (m_firstRedo) {
            m_firstRedo = false;
            return;
        }
        run([this] { return doRedo(); });
    }
    void undo() final
    {
        run([this] { return doUndo(); });
    }

protected:
    virtual Status doRedo() = 0;
    virtual Status doUndo() = 0;
    ArticleSession *session() const { return m_session; }

private:
    // One undo or redo step is one transaction, even when it takes several store calls (remove a
    // highlight, then the tags it created): on any failure all of it is rolled back and the
    // session reloads what the library holds, so view and library never disagree.
    template<typename Step>
    void run(Step step)
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
        if (!next || next->m_burst != m_burst || next->m_after.id != m_after.id || !next->m_createdTags.isEmpty())
            return false;
        m_after = next->m_after;
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
            s = store->renameTag(to.id, to.name);
        if (s.ok() && from.color != to.color)
            s = store->setTagColor(to.id, to.color);
        if (s.ok() && from.parentId != to.parentId)
            s = store->moveTag(to.id, to.parentId);
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
        auto removed = session()->store()->removeTag(m_tagId, m_mode);
        if (removed)
            m_snapshot = removed.value();
        const Status reload = session()->reloadAfterTagChange();
        return removed ? reload : Status::from(removed);
    }
    Status doUndo() override
    {
        const Status s = session()->store()->restoreTag(m_snapshot);
        const Status reload = session()->reloadAfterTagChange();
        return s.ok() ? reload : s;
    }

private:
    qint64 m_tagId;
    TagRemoval m_mode;
    TagSnapshot m_snapshot;
};

enum MergeId { NoteMergeId = 1 };

bool spanLess(const Annotation &a, const Annotation &b)
{
    if (a.span.start != b.span.start)
        return a.span.start < b.span.start;
    if (a.span.end != b.span.end)
        return a.span.end < b.span.end;
    return a.id < b.id;
}

} // namespace

ArticleSession::ArticleSession(ArticleStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

ArticleSession::~ArticleSession() = default;

Status ArticleSession::open(qint64 articleId)
{
    auto article = m_store->article(articleId);
    if (!article)
        return Status::from(article);
    auto analysis = m_store->analysis(articleId);
    if (!analysis)
        return Status::from(analysis);
    if (article->analyzerVersion < Analyzer::Version) {
        // Stored by an older analyzer: show today's results and keep them (one transaction). If
        // the library cannot be written, the fresh layers are still shown.
        analysis = Analyzer::analyze(*article);
        if (const Status s = m_store->replaceAnalysis(articleId, *analysis, Analyzer::Version); !s)
            qCWarning(lcAnalysis) << "could not store the new analysis of article" << articleId << s.errorString();
    }
    auto annotations = m_store->annotations(articleId);
    if (!annotations)
        return Status::from(annotations);
    m_undoStack.clear();
    m_article = std::move(article).value();
    m_analysis = std::move(analysis).value();
    m_annotations = std::move(annotations).value();
    std::sort(m_annotations.begin(), m_annotations.end(), spanLess);
    emit annotationsChanged(m_article.id);
    return {};
}

Status ArticleSession::reloadFromLibrary()
{
    if (!isOpen())
        return {};
    auto annotations = m_store->annotations(m_article.id);
    if (!annotations)
        return Status::from(annotations);
    if (annotations->isEmpty()) {
        // No annotations, or no article: tell them apart before the view is told "nothing here".
        if (auto article = m_store->article(m_article.id); !article)
            return Status::from(article);
    }
    m_annotations = std::move(annotations).value();
    std::sort(m_annotations.begin(), m_annotations.end(), spanLess);
    emit annotationsChanged(m_article.id);
    emit tagsChanged();
    return {};
}

std::optional<Annotation> ArticleSession::annotation(qint64 id) const
{
    for (const Annotation &a : m_annotations) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

Result<qint64> ArticleSession::addHighlight(Span span, const QStringList &tags, const QString &color,
                                             const QString &note)
{
    if (!isOpen())
        return Result<qint64>::failure(tr("No article is open."));
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Result<qint64>::failure(tr("The selection is empty or outside the article text."));
    Annotation a;
    a.articleId = m_article.id;
    a.span = span;
    a.tags = tags;
    a.color = color;
    a.note = note;
    const QSet<qint64> tagsBefore = tags.isEmpty() ? QSet<qint64>() : tagIds();
    auto id = m_store->addAnnotation(a);
    if (!id)
        return id;
    auto stored = m_store->annotation(id.value());
    if (!stored)
        return Result<qint64>::failure(stored.errorString());
    storeLocally(stored.value());
    m_undoStack.push(new AddAnnotationCommand(this, stored.value(), tags.isEmpty() ? QList<qint64>() : createdTagRoots(tagsBefore)));
    emit annotationsChanged(m_article.id);
    if (!tags.isEmpty())
        emit tagsChanged();
    return id;
}

Status ArticleSession::pushUpdate(qint64 annotationId, const std::function<void(Annotation &)> &change,
                                  const QString &text, int mergeId)
{
    const auto before = annotation(annotationId);
    if (!before)
        return Status::failure(tr("The highlight no longer exists."));
    Annotation after = *before;
    change(after);
    const bool tagsChange = after.tags != before->tags;
    const QSet<qint64> tagsBefore = tagsChange ? tagIds() : QSet<qint64>();
    const Status s = applyUpdate(after);
    if (!s)
        return s;
    // applyUpdate() re-read the stored row (times, anchor, created tags).
    const Annotation stored = annotation(annotationId).value_or(after);
    m_undoStack.push(new UpdateAnnotationCommand(this, text, *before, stored, mergeId, m_noteBurst,
                                                 tagsChange ? createdTagRoots(tagsBefore) : QList<qint64>()));
    return {};
}

Status ArticleSession::setNote(qint64 annotationId, const QString &note)
{
    return pushUpdate(annotationId, [&](Annotation &a) { a.note = note; }, tr("Edit note"), NoteMergeId);
}

Status ArticleSession::setTags(qint64 annotationId, const QStringList &tagPaths)
{
    return pushUpdate(annotationId, [&](Annotation &a) { a.tags = tagPaths; }, tr("Change tags"));
}

Status ArticleSession::setColor(qint64 annotationId, const QString &color)
{
    return pushUpdate(annotationId, [&](Annotation &a) { a.color = color; }, tr("Change color"));
}

Status ArticleSession::setRange(qint64 annotationId, Span span)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The new range is empty or outside the article text."));
    return pushUpdate(annotationId, [&](Annotation &a) { a.span = span; }, tr("Change highlight range"));
}

Status ArticleSession::remove(qint64 annotationId)
{
    const auto existing = annotation(annotationId);
    if (!existing)
        return Status::failure(tr("The highlight no longer exists."));
    const Status s = applyRemove(annotationId);
    if (!s)
        return s;
    m_undoStack.push(new RemoveAnnotationCommand(this, *existing));
    return {};
}

Status ArticleSession::renameTag(qint64 tagId, const QString &newName)
{
    auto before = m_store->tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.name = newName.trimmed();
    if (after.name.isEmpty() || after.name.contains(u'/'))
        return Status::failure(tr("A tag name cannot be empty or contain '/'."));
    if (const Status s = m_store->renameTag(tagId, after.name); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_undoStack.push(new TagEditCommand(this, tr("Rename tag"), before.value(), after));
    return reload;
}

Status ArticleSession::setTagColor(qint64 tagId, const QString &color)
{
    auto before = m_store->tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.color = color;
    if (const Status s = m_store->setTagColor(tagId, color); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_undoStack.push(new TagEditCommand(this, tr("Change tag color"), before.value(), after));
    return reload;
}

Status ArticleSession::moveTag(qint64 tagId, qint64 newParentId)
{
    auto before = m_store->tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.parentId = newParentId;
    if (const Status s = m_store->moveTag(tagId, newParentId); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_undoStack.push(new TagEditCommand(this, tr("Move tag"), before.value(), after));
    return reload;
}

Status ArticleSession::removeTag(qint64 tagId, TagRemoval mode)
{
    auto snapshot = m_store->removeTag(tagId, mode);
    if (!snapshot)
        return Status::from(snapshot);
    const Status reload = reloadAfterTagChange();
    m_undoStack.push(new RemoveTagCommand(this, tagId, mode, snapshot.value()));
    return reload;
}

Status ArticleSession::applyUpdate(const Annotation &annotation)
{
    if (const Status s = m_store->updateAnnotation(annotation); !s)
        return s;
    auto stored = m_store->annotation(annotation.id);
    if (!stored)
        return Status::from(stored);
    storeLocally(stored.value());
    emit annotationsChanged(m_article.id);
    emit tagsChanged(); // use counts and possibly new tags
    return {};
}

Status ArticleSession::applyRemove(qint64 annotationId)
{
    if (const Status s = m_store->removeAnnotation(annotationId); !s)
        return s;
    m_annotations.removeIf([annotationId](const Annotation &a) { return a.id == annotationId; });
    emit annotationsChanged(m_article.id);
    emit tagsChanged();
    return {};
}

Status ArticleSession::applyRestore(const Annotation &annotation)
{
    if (const Status s = m_store->restoreAnnotation(annotation); !s)
        return s;
    auto stored = m_store->annotation(annotation.id);
    storeLocally(stored ? stored.value() : annotation);
    emit annotationsChanged(m_article.id);
    emit tagsChanged();
    return {};
}

Status ArticleSession::reloadAfterTagChange()
{
    if (isOpen()) {
        auto annotations = m_store->annotations(m_article.id);
        if (!annotations) {
            emit tagsChanged();
            return Status::from(annotations);
        }
        m_annotations = std::move(annotations).value();
        std::sort(m_annotations.begin(), m_annotations.end(), spanLess);
        emit annotationsChanged(m_article.id);
    }
    emit tagsChanged();
    return {};
}

QSet<qint64> ArticleSession::tagIds() const
{
    QSet<qint64> ids;
    if (const auto tags = m_store->tags()) {
        for (const Tag &t : tags.value())
            ids.insert(t.id);
    }
    return ids;
}

QList<qint64> ArticleSession::createdTagRoots(const QSet<qint64> &before) const
{
    QList<qint64> roots;
    const auto tags = m_store->tags();
    if (!tags)
        return roots;
    for (const Tag &t : tags.value()) {
        // Removing a created tag removes its subtree, so only the top-most created ones are kept.
        if (!before.contains(t.id) && (t.parentId == 0 || before.contains(t.parentId)))
            roots.append(t.id);
    }
    return roots;
}

Status ArticleSession::dropTags(const QList<qint64> &roots, QList<TagSnapshot> *snapshots)
{
    for (qint64 id : roots) {
        auto snapshot = m_store->removeTag(id, TagRemoval::UntagAnnotations);
        if (!snapshot)
            return Status::from(snapshot);
        snapshots->append(snapshot.value());
    }
    if (!roots.isEmpty())
        emit tagsChanged();
    return {};
}

Status ArticleSession::restoreTags(const QList<TagSnapshot> &snapshots)
{
    for (const TagSnapshot &snapshot : snapshots) {
        if (const Status s = m_store->restoreTag(snapshot); !s)
            return s;
    }
    return {};
}

void ArticleSession::storeLocally(const Annotation &annotation)
{
    m_annotations.removeIf([&](const Annotation &a) { return a.id == annotation.id; });
    const auto pos = std::lower_bound(m_annotations.begin(), m_annotations.end(), annotation, spanLess);
    m_annotations.insert(pos, annotation);
}

} // namespace Lede
