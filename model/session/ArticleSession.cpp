// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleSession.h"

#include "ArticleSession_p.h"
#include "Logging.h"
#include "analysis/Analyzer.h"
#include "analysis/LanguageGuess.h"
#include "library/Reanalysis.h"
#include "store/AnalysisRepository.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/TagRepository.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

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
    m_codebookStack = makeStack();
    m_noArticleStack = makeStack();
    m_articleStack = m_noArticleStack;
}

ArticleSession::~ArticleSession()
{
    // The stacks go before the group (their children) and before the store the commands use.
    const QList<QUndoStack *> stacks = m_undoGroup.stacks();
    for (QUndoStack *stack : stacks)
        stack->disconnect(this);
    qDeleteAll(stacks);
}

QUndoStack *ArticleSession::makeStack()
{
    auto *stack = new QUndoStack;
    m_undoGroup.addStack(stack);
    connect(stack, &QUndoStack::indexChanged, this, [this, stack] {
        activate(stack); // the group's active stack is the one that changed last
        emit undoStateChanged();
    });
    return stack;
}

QUndoStack *ArticleSession::stackForArticle(qint64 articleId)
{
    m_recentArticles.removeOne(articleId);
    m_recentArticles.append(articleId);
    QUndoStack *&stack = m_articleStacks[articleId];
    if (!stack)
        stack = makeStack();
    while (m_recentArticles.size() > MaxKeptHistories + 1) { // the open one and the kept ones
        QUndoStack *oldest = m_articleStacks.take(m_recentArticles.takeFirst());
        oldest->disconnect(this); // its clear() on deletion must not make it the active stack
        delete oldest; // leaves the group by itself
    }
    return stack;
}

namespace {

quint64 stampOf(const QUndoStack *stack, int index)
{
    const auto *command = dynamic_cast<const SessionCommand *>(stack->command(index));
    return command ? command->stamp() : 0;
}

} // namespace

QUndoStack *ArticleSession::undoTarget() const
{
    QUndoStack *best = nullptr;
    quint64 bestStamp = 0;
    for (QUndoStack *stack : { m_articleStack, m_codebookStack }) {
        if (!stack->canUndo())
            continue;
        const quint64 stamp = stampOf(stack, stack->index() - 1);
        if (!best || stamp > bestStamp) {
            best = stack;
            bestStamp = stamp;
        }
    }
    return best;
}

QUndoStack *ArticleSession::redoTarget() const
{
    QUndoStack *best = nullptr;
    quint64 bestStamp = 0;
    for (QUndoStack *stack : { m_articleStack, m_codebookStack }) {
        if (!stack->canRedo())
            continue;
        const quint64 stamp = stampOf(stack, stack->index());
        if (!best || stamp > bestStamp) {
            best = stack;
            bestStamp = stamp;
        }
    }
    return best;
}

QString ArticleSession::undoText() const
{
    const QUndoStack *stack = undoTarget();
    return stack ? stack->undoText() : QString();
}

QString ArticleSession::redoText() const
{
    const QUndoStack *stack = redoTarget();
    return stack ? stack->redoText() : QString();
}

void ArticleSession::activate(QUndoStack *stack)
{
    if (stack && m_undoGroup.activeStack() != stack)
        m_undoGroup.setActiveStack(stack);
}

void ArticleSession::undo()
{
    if (QUndoStack *stack = undoTarget()) {
        activate(stack);
        stack->undo();
    }
}

void ArticleSession::redo()
{
    if (QUndoStack *stack = redoTarget()) {
        activate(stack);
        stack->redo();
    }
}

Status ArticleSession::open(qint64 articleId)
{
    auto article = ArticleRepository(*m_store).article(articleId);
    if (!article)
        return Status::from(article);
    auto analysis = AnalysisRepository(*m_store).analysis(articleId);
    if (!analysis)
        return Status::from(analysis);
    auto annotations = AnnotationRepository(*m_store).annotations(articleId);
    if (!annotations)
        return Status::from(annotations);
    m_articleStack = stackForArticle(articleId);
    activate(m_articleStack);
    m_article = std::move(article).value();
    m_english = LanguageGuess::looksEnglish(m_article.body);
    m_analysis = std::move(analysis).value();
    m_annotations = std::move(annotations).value();
    std::sort(m_annotations.begin(), m_annotations.end(), spanLess);
    emit annotationsChanged(m_article.id);
    emit undoStateChanged();
    if (isAnalysisOutdated(m_article))
        startReanalysis();
    return {};
}

void ArticleSession::startReanalysis()
{
    // Stored by an older analyzer: the stored layers are shown now, today's are made on a worker
    // thread (the analyzer is thread-safe and touches no store) and swapped in when they arrive.
    auto *watcher = new QFutureWatcher<AnalysisResult>(this);
    ++m_pendingAnalyses;
    const Article article = m_article;
    connect(watcher, &QFutureWatcher<AnalysisResult>::finished, this, [this, watcher, article] {
        watcher->deleteLater();
        --m_pendingAnalyses;
        finishReanalysis(article, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([article] { return Analyzer::analyze(article); }));
}

void ArticleSession::finishReanalysis(const Article &analysed, const AnalysisResult &fresh)
{
    // Another article is open, or this one's text was replaced meanwhile: the result belongs to a
    // state the user has left. It is dropped; the stored layers stay outdated, so the next open
    // analyses again.
    if (m_article.id != analysed.id || m_article.body != analysed.body)
        return;
    auto stored = ArticleRepository(*m_store).article(analysed.id);
    if (!stored || stored->body != analysed.body || !isAnalysisOutdated(*stored)) {
        // Gone, replaced, or already made current by a newer step (a correction's undo analyses
        // again and stores): never write over that.
        return;
    }
    // A correction the user made meanwhile is kept: the store applies every recorded correction to
    // the fresh layers in the same transaction (AnalysisRepository::replaceAnalysis).
    if (const Status s = storeCurrentAnalysis(*m_store, analysed.id, fresh); !s) {
        // The library cannot be written: the fresh layers are still shown.
        qCWarning(lcAnalysis) << "could not store the new analysis of article" << analysed.id
                              << s.errorString();
        m_analysis = fresh;
    } else if (auto layers = AnalysisRepository(*m_store).analysis(analysed.id); layers) {
        m_analysis = std::move(layers).value();
    } else {
        reportError(layers.errorString());
        return;
    }
    m_article.analyzerVersion = Analyzer::Version;
    emit analysisChanged(analysed.id);
}

Status ArticleSession::reloadFromLibrary()
{
    if (!isOpen())
        return {};
    // Another program replaced the text with a new version (`lede import --replace`): the spans
    // of this article's history belong to the old text.
    if (auto article = ArticleRepository(*m_store).article(m_article.id);
        article && article->body != m_article.body) {
        textReplaced(m_article.id);
        return {};
    }
    auto annotations = AnnotationRepository(*m_store).annotations(m_article.id);
    if (!annotations)
        return Status::from(annotations);
    if (annotations->isEmpty()) {
        // No annotations, or no article: tell them apart before the view is told "nothing here".
        if (auto article = ArticleRepository(*m_store).article(m_article.id); !article)
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
    auto id = AnnotationRepository(*m_store).addAnnotation(a);
    if (!id)
        return id;
    auto stored = AnnotationRepository(*m_store).annotation(id.value());
    if (!stored)
        return Result<qint64>::failure(stored.errorString());
    storeLocally(stored.value());
    m_articleStack->push(new AddAnnotationCommand(
        this, stored.value(), tags.isEmpty() ? QList<qint64>() : createdTagRoots(tagsBefore)));
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
    m_articleStack->push(
        new UpdateAnnotationCommand(this, text, *before, stored, mergeId, m_noteBurst,
                                    tagsChange ? createdTagRoots(tagsBefore) : QList<qint64>()));
    return {};
}

Status ArticleSession::setNote(qint64 annotationId, const QString &note)
{
    return pushUpdate(
        annotationId, [&](Annotation &a) { a.note = note; }, tr("Edit note"), NoteMergeId);
}

Status ArticleSession::setTags(qint64 annotationId, const QStringList &tagPaths)
{
    return pushUpdate(
        annotationId, [&](Annotation &a) { a.tags = tagPaths; }, tr("Change tags"));
}

Status ArticleSession::setColor(qint64 annotationId, const QString &color)
{
    return pushUpdate(
        annotationId, [&](Annotation &a) { a.color = color; }, tr("Change color"));
}

Status ArticleSession::setRange(qint64 annotationId, Span span)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The new range is empty or outside the article text."));
    return pushUpdate(
        annotationId, [&](Annotation &a) { a.span = span; }, tr("Change highlight range"));
}

Status ArticleSession::remove(qint64 annotationId)
{
    const auto existing = annotation(annotationId);
    if (!existing)
        return Status::failure(tr("The highlight no longer exists."));
    const Status s = applyRemove(annotationId);
    if (!s)
        return s;
    m_articleStack->push(new RemoveAnnotationCommand(this, *existing));
    return {};
}

Status ArticleSession::renameTag(qint64 tagId, const QString &newName)
{
    auto before = TagRepository(*m_store).tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.name = newName.trimmed();
    if (after.name.isEmpty() || after.name.contains(u'/'))
        return Status::failure(tr("A tag name cannot be empty or contain '/'."));
    if (const Status s = TagRepository(*m_store).renameTag(tagId, after.name); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_codebookStack->push(new TagEditCommand(this, tr("Rename tag"), before.value(), after));
    return reload;
}

Status ArticleSession::setTagColor(qint64 tagId, const QString &color)
{
    auto before = TagRepository(*m_store).tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.color = color;
    if (const Status s = TagRepository(*m_store).setTagColor(tagId, color); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_codebookStack->push(new TagEditCommand(this, tr("Change tag color"), before.value(), after));
    return reload;
}

Status ArticleSession::moveTag(qint64 tagId, qint64 newParentId)
{
    auto before = TagRepository(*m_store).tag(tagId);
    if (!before)
        return Status::from(before);
    Tag after = before.value();
    after.parentId = newParentId;
    if (const Status s = TagRepository(*m_store).moveTag(tagId, newParentId); !s)
        return s;
    const Status reload = reloadAfterTagChange();
    m_codebookStack->push(new TagEditCommand(this, tr("Move tag"), before.value(), after));
    return reload;
}

Status ArticleSession::removeTag(qint64 tagId, TagRemoval mode)
{
    auto snapshot = TagRepository(*m_store).removeTag(tagId, mode);
    if (!snapshot)
        return Status::from(snapshot);
    const Status reload = reloadAfterTagChange();
    m_codebookStack->push(new RemoveTagCommand(this, tagId, mode, snapshot.value()));
    return reload;
}

Status ArticleSession::removeArticles(const QList<qint64> &articleIds)
{
    auto counts = countDeletion(*m_store, articleIds);
    if (!counts)
        return Status::from(counts);
    const qint64 open = articleIds.contains(m_article.id) ? m_article.id : 0;
    auto snapshot = Lede::removeArticles(*m_store, articleIds);
    if (!snapshot)
        return Status::from(snapshot);
    afterArticlesChanged();
    m_codebookStack->push(new RemoveArticlesCommand(
        this, tr("Delete %n article(s)", nullptr, int(snapshot->articleIds.size())), snapshot.value(), open));
    return {};
}

Status ArticleSession::setArticleDetails(qint64 articleId, const ArticleDetails &details)
{
    auto article = ArticleRepository(*m_store).article(articleId);
    if (!article)
        return Status::from(article);
    const ArticleDetails before = detailsOf(*article);
    if (const Status s = Lede::setArticleDetails(*m_store, articleId, details); !s)
        return s;
    auto stored = ArticleRepository(*m_store).article(articleId);
    const ArticleDetails after = stored ? detailsOf(*stored) : details;
    afterArticlesChanged();
    if (after != before)
        m_codebookStack->push(new ArticleDetailsCommand(this, articleId, before, after));
    return {};
}

Result<ReanchorReport> ArticleSession::mergeArticles(qint64 keepId, qint64 otherId)
{
    auto record = Lede::mergeArticles(*m_store, keepId, otherId);
    if (!record)
        return Result<ReanchorReport>::failure(record.errorString());
    afterArticlesChanged();
    const ReanchorReport report = record->report;
    m_codebookStack->push(new MergeArticlesCommand(this, otherId, std::move(record).value()));
    return report;
}

void ArticleSession::textReplaced(qint64 articleId)
{
    if (QUndoStack *stack = m_articleStacks.value(articleId))
        stack->clear();
    if (m_article.id == articleId) {
        if (const Status s = open(articleId); !s)
            close();
    }
    emit articlesChanged();
}

void ArticleSession::close()
{
    m_article = {};
    m_english = true;
    m_analysis = {};
    m_annotations.clear();
    m_articleStack = m_noArticleStack;
    activate(m_articleStack);
    emit annotationsChanged(0);
    emit undoStateChanged();
}

void ArticleSession::afterArticlesChanged()
{
    if (isOpen()) {
        auto article = ArticleRepository(*m_store).article(m_article.id);
        if (!article) {
            close();
        } else {
            m_article.title = article->title;
            m_article.source = article->source;
            m_article.published = article->published;
            m_article.byline = article->byline;
            m_article.url = article->url;
            // A merge may have brought annotations onto it (or taken them off again).
            if (auto annotations = AnnotationRepository(*m_store).annotations(m_article.id)) {
                m_annotations = std::move(annotations).value();
                std::sort(m_annotations.begin(), m_annotations.end(), spanLess);
                emit annotationsChanged(m_article.id);
            }
        }
    }
    emit articlesChanged();
}

Status ArticleSession::applyUpdate(const Annotation &annotation)
{
    if (const Status s = AnnotationRepository(*m_store).updateAnnotation(annotation); !s)
        return s;
    auto stored = AnnotationRepository(*m_store).annotation(annotation.id);
    if (!stored)
        return Status::from(stored);
    storeLocally(stored.value());
    emit annotationsChanged(m_article.id);
    emit tagsChanged(); // use counts and possibly new tags
    return {};
}

Status ArticleSession::applyRemove(qint64 annotationId)
{
    if (const Status s = AnnotationRepository(*m_store).removeAnnotation(annotationId); !s)
        return s;
    m_annotations.removeIf([annotationId](const Annotation &a) { return a.id == annotationId; });
    emit annotationsChanged(m_article.id);
    emit tagsChanged();
    return {};
}

Status ArticleSession::applyRestore(const Annotation &annotation)
{
    if (const Status s = AnnotationRepository(*m_store).restoreAnnotation(annotation); !s)
        return s;
    auto stored = AnnotationRepository(*m_store).annotation(annotation.id);
    storeLocally(stored ? stored.value() : annotation);
    emit annotationsChanged(m_article.id);
    emit tagsChanged();
    return {};
}

Status ArticleSession::reloadAfterTagChange()
{
    if (isOpen()) {
        auto annotations = AnnotationRepository(*m_store).annotations(m_article.id);
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
    if (const auto tags = TagRepository(*m_store).tags()) {
        for (const Tag &t : tags.value())
            ids.insert(t.id);
    }
    return ids;
}

QList<qint64> ArticleSession::createdTagRoots(const QSet<qint64> &before) const
{
    QList<qint64> roots;
    const auto tags = TagRepository(*m_store).tags();
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
        auto snapshot = TagRepository(*m_store).removeTag(id, TagRemoval::UntagAnnotations);
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
        if (const Status s = TagRepository(*m_store).restoreTag(snapshot); !s)
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
