// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleEditing.h"

#include "ArticleEditing_p.h"
#include "Correction.h"
#include "Reanalysis.h"
#include "TextOffsets.h"
#include "analysis/Analyzer.h"
#include "store/AnnotationRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"
#include "store/CorrectionRepository.h"
#include "store/SqliteError.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::ArticleEditing", text);
}

QString quoted(const QString &identifier)
{
    QString s = identifier;
    s.replace(u'"', u"\"\""_s);
    return u'"' + s + u'"';
}

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks << u"?"_s;
    return marks.join(u", "_s);
}

struct ForeignKey
{
    QString table; // the child
    QString from;
    QString parent;
    QString to;
    bool cascade = false;
};

// Every foreign key of every ordinary table in the library.
Result<QList<ForeignKey>> foreignKeys(const QSqlDatabase &db)
{
    using R = Result<QList<ForeignKey>>;
    QSqlQuery query(db);
    if (!query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                    u"AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"_s))
        return R::failure(describeSqliteError(query.lastError()));
    QStringList tables;
    while (query.next())
        tables << query.value(0).toString();
    QList<ForeignKey> keys;
    for (const QString &table : std::as_const(tables)) {
        if (!query.exec(u"PRAGMA foreign_key_list(%1)"_s.arg(quoted(table))))
            return R::failure(describeSqliteError(query.lastError()));
        const QSqlRecord record = query.record();
        const int tableColumn = record.indexOf(u"table"_s), fromColumn = record.indexOf(u"from"_s),
                  toColumn = record.indexOf(u"to"_s), deleteColumn = record.indexOf(u"on_delete"_s);
        while (query.next()) {
            ForeignKey key;
            key.table = table;
            key.parent = query.value(tableColumn).toString();
            key.from = query.value(fromColumn).toString();
            key.to = query.value(toColumn).isNull() ? u"rowid"_s : query.value(toColumn).toString();
            key.cascade
                = query.value(deleteColumn).toString().compare(u"CASCADE"_s, Qt::CaseInsensitive) == 0;
            keys << key;
        }
    }
    return keys;
}

// A table that goes with an article, and the SQL condition that picks its rows of the articles
// bound as `count` parameters (repeated once per use).
struct DependentTable
{
    QString table;
    QString where;
    int uses = 1; // how many times the id list appears in `where`
};

QList<DependentTable> dependentTables(const QList<ForeignKey> &keys, qsizetype idCount)
{
    QList<DependentTable> out { { u"articles"_s, u"id IN (%1)"_s.arg(placeholders(idCount)), 1 } };
    bool grew = true;
    while (grew) {
        grew = false;
        for (const ForeignKey &key : keys) {
            if (!key.cascade)
                continue;
            const bool known = std::any_of(out.begin(), out.end(),
                                           [&](const DependentTable &t) { return t.table == key.table; });
            if (known)
                continue;
            const auto parent = std::find_if(out.begin(), out.end(),
                                             [&](const DependentTable &t) { return t.table == key.parent; });
            if (parent == out.end())
                continue;
            out.append({ key.table,
                         u"%1 IN (SELECT %2 FROM %3 WHERE %4)"_s.arg(quoted(key.from), quoted(key.to),
                                                                     quoted(parent->table), parent->where),
                         parent->uses });
            grew = true;
        }
    }
    return out;
}

bool bindIds(QSqlQuery &query, const QList<qint64> &ids, int uses)
{
    for (int u = 0; u < uses; ++u) {
        for (qint64 id : ids)
            query.addBindValue(id);
    }
    return query.exec();
}

} // namespace

// ---- one action, one transaction ------------------------------------------------------------

StoreAction::StoreAction(ArticleStore &store)
    : m_store(store)
{
    if (store.inBulk()) {
        m_savepoint = true;
        QSqlQuery query(store.database());
        m_open = query.exec(u"SAVEPOINT lede_edit"_s);
        if (!m_open)
            m_error = describeSqliteError(query.lastError());
    } else {
        const Status s = store.beginBulk();
        m_open = s.ok();
        m_error = s.errorString();
    }
}

StoreAction::~StoreAction()
{
    if (m_open)
        rollback();
}

Status StoreAction::commit()
{
    if (!m_open)
        return Status::failure(tr("Cannot write to the library: %1").arg(m_error));
    m_open = false;
    if (m_savepoint) {
        QSqlQuery query(m_store.database());
        if (!query.exec(u"RELEASE lede_edit"_s))
            return Status::failure(describeSqliteError(query.lastError()));
        return {};
    }
    return m_store.commitBulk();
}

void StoreAction::rollback()
{
    m_open = false;
    if (m_savepoint) {
        QSqlQuery query(m_store.database());
        (void)query.exec(u"ROLLBACK TO lede_edit"_s);
        (void)query.exec(u"RELEASE lede_edit"_s);
    } else {
        m_store.rollbackBulk();
    }
}

// ---- delete and restore ---------------------------------------------------------------------

Result<DeletionCounts> countDeletion(ArticleStore &store, const QList<qint64> &articleIds)
{
    using R = Result<DeletionCounts>;
    DeletionCounts counts;
    if (articleIds.isEmpty())
        return counts;
    QSqlQuery query(store.database());
    const QString ids = placeholders(articleIds.size());
    if (!query.prepare(u"SELECT (SELECT count(*) FROM articles WHERE id IN (%1)), count(*), "
                       u"coalesce(sum(note <> ''), 0) FROM annotations WHERE article_id IN (%1)"_s.arg(ids))
        || !bindIds(query, articleIds, 2) || !query.next())
        return R::failure(describeSqliteError(query.lastError()));
    counts.articles = query.value(0).toInt();
    counts.notes = query.value(2).toInt();
    counts.highlights = query.value(1).toInt() - counts.notes;
    return counts;
}

Result<ArticleSnapshot> removeArticles(ArticleStore &store, const QList<qint64> &articleIds)
{
    using R = Result<ArticleSnapshot>;
    ArticleSnapshot snapshot;
    for (qint64 id : articleIds) {
        if (!snapshot.articleIds.contains(id))
            snapshot.articleIds << id;
    }
    if (snapshot.articleIds.isEmpty())
        return R::failure(tr("No article is selected."));
    StoreAction action(store);
    if (!action.isOpen())
        return R::failure(tr("Cannot write to the library: %1").arg(action.error()));
    auto keys = foreignKeys(store.database());
    if (!keys)
        return R::failure(keys.errorString());
    {
        QSqlQuery query(store.database());
        query.setForwardOnly(true);
        for (const DependentTable &table : dependentTables(*keys, snapshot.articleIds.size())) {
            if (!query.prepare(u"SELECT * FROM %1 WHERE %2"_s.arg(quoted(table.table), table.where))
                || !bindIds(query, snapshot.articleIds, table.uses))
                return R::failure(describeSqliteError(query.lastError()));
            TableRows rows;
            rows.table = table.table;
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i)
                rows.columns << record.fieldName(i);
            while (query.next()) {
                QVariantList values;
                for (int i = 0; i < record.count(); ++i)
                    values << query.value(i);
                rows.rows << values;
            }
            if (query.lastError().isValid())
                return R::failure(describeSqliteError(query.lastError()));
            snapshot.tables << rows;
        }
    }
    for (qint64 id : std::as_const(snapshot.articleIds)) {
        if (const Status s = ArticleRepository(store).removeArticle(id); !s)
            return R::failure(s.errorString());
    }
    if (const Status s = action.commit(); !s)
        return R::failure(s.errorString());
    return snapshot;
}

Status restoreArticles(ArticleStore &store, const ArticleSnapshot &snapshot)
{
    StoreAction action(store);
    if (!action.isOpen())
        return action.commit();
    auto keys = foreignKeys(store.database());
    if (!keys)
        return Status::failure(keys.errorString());
    QStringList restoredTables;
    for (const TableRows &t : snapshot.tables)
        restoredTables << t.table;
    QSqlQuery query(store.database());
    QSqlQuery check(store.database());
    for (const TableRows &t : snapshot.tables) {
        // References to rows outside the snapshot (an annotation's tag) are checked first: the
        // thing referred to may have been deleted since.
        QList<QPair<int, ForeignKey>> outside;
        for (const ForeignKey &key : std::as_const(*keys)) {
            if (key.table == t.table && !restoredTables.contains(key.parent) && t.columns.contains(key.from))
                outside.append({ int(t.columns.indexOf(key.from)), key });
        }
        QStringList columns;
        for (const QString &c : t.columns)
            columns << quoted(c);
        const QString insert = u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(
            quoted(t.table), columns.join(u", "_s), placeholders(t.columns.size()));
        for (const QVariantList &row : t.rows) {
            bool parentsThere = true;
            for (const auto &[column, key] : std::as_const(outside)) {
                if (row.at(column).isNull())
                    continue;
                if (!check.prepare(
                        u"SELECT 1 FROM %1 WHERE %2 = ?"_s.arg(quoted(key.parent), quoted(key.to))))
                    return Status::failure(describeSqliteError(check.lastError()));
                check.addBindValue(row.at(column));
                if (!check.exec())
                    return Status::failure(describeSqliteError(check.lastError()));
                parentsThere = parentsThere && check.next();
                check.finish();
            }
            if (!parentsThere)
                continue;
            if (!query.prepare(insert))
                return Status::failure(describeSqliteError(query.lastError()));
            for (const QVariant &v : row)
                query.addBindValue(v);
            if (!query.exec()) {
                if (t.table == u"articles"_s)
                    return Status::failure(
                        tr("Cannot put the article back: its id or its text is in the library "
                           "again (%1)")
                            .arg(describeSqliteError(query.lastError())));
                return Status::failure(
                    tr("Cannot put the article back: %1").arg(describeSqliteError(query.lastError())));
            }
        }
    }
    query.finish();
    return action.commit();
}

// ---- details --------------------------------------------------------------------------------

ArticleDetails detailsOf(const Article &article)
{
    return { article.title, article.source, article.published, article.byline, article.url };
}

Status setArticleDetails(ArticleStore &store, qint64 articleId, const ArticleDetails &details)
{
    StoreAction action(store);
    if (!action.isOpen())
        return action.commit();
    auto article = ArticleRepository(store).article(articleId);
    if (!article)
        return Status::from(article);
    // Only what changes is checked: an article imported without a title, or with an address
    // QUrl finds odd, can still have its other details edited (and the edit undone).
    const QString title = details.title.simplified();
    if (title.isEmpty() && title != article->title.simplified())
        return Status::failure(tr("An article needs a title."));
    const QString url = details.url.trimmed();
    if (!url.isEmpty() && url != article->url) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.isRelative())
            return Status::failure(
                tr("\"%1\" is not a web address (it needs a scheme, like https://).").arg(url));
    }
    Article changed = *article;
    changed.title = title;
    changed.source = details.source.simplified();
    changed.published = details.published;
    changed.byline = details.byline.simplified();
    changed.url = url;
    if (const Status s = ArticleRepository(store).updateArticle(changed); !s)
        return s;
    return action.commit();
}

// ---- merge and replace ----------------------------------------------------------------------

Result<MergeRecord> mergeArticles(ArticleStore &store, qint64 keepId, qint64 otherId)
{
    using R = Result<MergeRecord>;
    if (keepId == otherId)
        return R::failure(tr("An article cannot be merged with itself."));
    StoreAction action(store);
    if (!action.isOpen())
        return R::failure(tr("Cannot write to the library: %1").arg(action.error()));
    auto keep = ArticleRepository(store).article(keepId);
    if (!keep)
        return R::failure(keep.errorString());
    auto annotations = AnnotationRepository(store).annotations(otherId);
    if (!annotations)
        return R::failure(annotations.errorString());
    MergeRecord record;
    record.keepId = keepId;
    const QList<Annotation> moved = reanchorAnnotations(*annotations, keep->body, &record.report);
    auto snapshot = removeArticles(store, { otherId });
    if (!snapshot)
        return R::failure(snapshot.errorString());
    record.other = std::move(snapshot).value();
    for (Annotation a : moved) {
        a.articleId = keepId;
        if (const Status s = AnnotationRepository(store).restoreAnnotation(a); !s)
            return R::failure(s.errorString());
        record.movedAnnotationIds << a.id;
    }
    if (const Status s = action.commit(); !s)
        return R::failure(s.errorString());
    return record;
}

Status undoMerge(ArticleStore &store, const MergeRecord &record)
{
    StoreAction action(store);
    if (!action.isOpen())
        return action.commit();
    for (qint64 id : record.movedAnnotationIds) {
        if (const Status s = AnnotationRepository(store).removeAnnotation(id); !s)
            return s;
    }
    if (const Status s = restoreArticles(store, record.other); !s)
        return s;
    return action.commit();
}

Result<QHash<qint64, qint64>> findEarlierVersions(ArticleStore &store, const QList<qint64> &articleIds)
{
    constexpr int MaxVersionCandidates = 8;
    // Trigram sets kept for the candidates of the articles that follow (the latest few with a title
    // are compared again and again in a large import), up to this many keys in all.
    constexpr size_t MaxCachedKeys = 4'000'000;
    using R = Result<QHash<qint64, qint64>>;
    QHash<qint64, qint64> found;
    if (articleIds.isEmpty())
        return found;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    // The URL, title and source of each imported article (its text only when it has candidates).
    struct Imported
    {
        qint64 id;
        QString url, title, source;
    };
    std::vector<Imported> imported;
    imported.reserve(size_t(articleIds.size()));
    bool anyUrl = false;
    if (!query.prepare(u"SELECT url, title, source FROM articles WHERE id = ?"_s))
        return R::failure(describeSqliteError(query.lastError()));
    for (qint64 id : articleIds) {
        query.addBindValue(id);
        if (!query.exec())
            return R::failure(describeSqliteError(query.lastError()));
        if (!query.next())
            return R::failure(tr("There is no article %1 in the library").arg(id));
        imported.push_back(
            { id, query.value(0).toString(), query.value(1).toString(), query.value(2).toString() });
        anyUrl = anyUrl || !imported.back().url.isEmpty();
        query.finish();
    }
    // The URLs of the whole library in one pass (the column has no index; a query per imported
    // article would read the table once per file of a large import).
    QHash<QString, QList<qint64>> byUrl;
    if (anyUrl) {
        if (!query.exec(u"SELECT id, url FROM articles WHERE url <> ''"_s))
            return R::failure(describeSqliteError(query.lastError()));
        while (query.next())
            byUrl[query.value(1).toString()] << query.value(0).toLongLong();
        query.finish();
    }
    QSqlQuery bodies(store.database());
    bodies.setForwardOnly(true);
    if (!bodies.prepare(u"SELECT body FROM articles WHERE id = ?"_s))
        return R::failure(describeSqliteError(bodies.lastError()));
    const auto bodyOf = [&bodies](qint64 id) -> Result<QString> {
        bodies.addBindValue(id);
        if (!bodies.exec())
            return Result<QString>::failure(describeSqliteError(bodies.lastError()));
        if (!bodies.next())
            return Result<QString>::failure(tr("There is no article %1 in the library").arg(id));
        QString body = bodies.value(0).toString();
        bodies.finish();
        return body;
    };
    WordTrigramSets sets;
    QHash<qint64, std::vector<quint64>> cache;
    size_t cachedKeys = 0;
    // The text's trigram set, from the cache or worked out; nullopt when `sets` is full.
    const auto trigramsOf = [&](qint64 id) -> Result<std::optional<std::vector<quint64>>> {
        using T = Result<std::optional<std::vector<quint64>>>;
        if (auto it = cache.constFind(id); it != cache.cend())
            return std::optional<std::vector<quint64>>(*it);
        auto body = bodyOf(id);
        if (!body)
            return T::failure(body.errorString());
        auto keys = sets.of(*body);
        if (keys) {
            if (cachedKeys + keys->size() > MaxCachedKeys) {
                cache.clear();
                cachedKeys = 0;
            }
            cachedKeys += keys->size();
            cache.insert(id, *keys);
        }
        return keys;
    };
    if (!query.prepare(
            u"SELECT id FROM articles WHERE title = ? COLLATE NOCASE AND source = ? COLLATE NOCASE "
            u"AND id < ? ORDER BY id DESC LIMIT ?"_s))
        return R::failure(describeSqliteError(query.lastError()));
    for (const Imported &article : imported) {
        qint64 best = 0;
        for (qint64 id : byUrl.value(article.url)) {
            if (!article.url.isEmpty() && id < article.id && id > best)
                best = id;
        }
        if (best) {
            found.insert(article.id, best);
            continue;
        }
        // The same title and source (through the title index), then the text compared.
        query.addBindValue(article.title);
        query.addBindValue(article.source);
        query.addBindValue(article.id);
        // A title every day's article shares ("Market report") would make this quadratic: the
        // latest few are the ones a new version replaces.
        query.addBindValue(MaxVersionCandidates);
        if (!query.exec())
            return R::failure(describeSqliteError(query.lastError()));
        QList<qint64> candidates;
        while (query.next())
            candidates << query.value(0).toLongLong();
        query.finish();
        if (candidates.isEmpty())
            continue;
        auto mine = trigramsOf(article.id);
        if (!mine)
            return R::failure(mine.errorString());
        for (qint64 id : std::as_const(candidates)) {
            auto other = trigramsOf(id);
            if (!other)
                return R::failure(other.errorString());
            double similarity = 0;
            if (mine->has_value() && other->has_value()) {
                similarity = WordTrigramSets::similarity(**mine, **other);
            } else { // a vocabulary too large for numbers: the words compared as text
                auto a = bodyOf(article.id);
                auto b = a ? bodyOf(id) : a;
                if (!b)
                    return R::failure(b.errorString());
                similarity = trigramSimilarity(wordTrigrams(*b), wordTrigrams(*a));
            }
            if (similarity >= SameStorySimilarity) {
                found.insert(article.id, id);
                break;
            }
        }
    }
    return found;
}

Result<std::optional<qint64>> findEarlierVersion(ArticleStore &store, qint64 articleId)
{
    auto found = findEarlierVersions(store, { articleId });
    if (!found)
        return Result<std::optional<qint64>>::failure(found.errorString());
    if (!found->contains(articleId))
        return std::optional<qint64>();
    return std::optional<qint64>(found->value(articleId));
}

Result<ReanchorReport> replaceWithVersion(ArticleStore &store, qint64 oldId, qint64 newId)
{
    using R = Result<ReanchorReport>;
    if (oldId == newId)
        return R::failure(tr("An article cannot replace itself."));
    StoreAction action(store);
    if (!action.isOpen())
        return R::failure(tr("Cannot write to the library: %1").arg(action.error()));
    auto old = ArticleRepository(store).article(oldId);
    if (!old)
        return R::failure(old.errorString());
    auto fresh = ArticleRepository(store).article(newId);
    if (!fresh)
        return R::failure(fresh.errorString());
    auto annotations = AnnotationRepository(store).annotations(oldId);
    if (!annotations)
        return R::failure(annotations.errorString());
    CorrectionRepository repository(store);
    auto corrections = repository.corrections(oldId);
    if (!corrections)
        return R::failure(corrections.errorString());

    ReanchorReport report;
    const QList<Annotation> placed = reanchorAnnotations(*annotations, fresh->body, &report);
    // The user's corrections are found by their span: they move with the text. One that cannot be
    // placed keeps its old span (it only applies where an item overlaps it) and is kept.
    struct MovedCorrection
    {
        qint64 id;
        Span span;
        std::optional<Span> speaker;
    };
    QList<MovedCorrection> movedCorrections;
    for (const LayerCorrection &c : std::as_const(*corrections)) {
        if (c.span.isEmpty())
            continue;
        const AnchorMatch match = locateAnchor(fresh->body, anchorAt(old->body, c.span));
        if (match.kind == AnchorMatch::Kind::Orphan)
            continue;
        MovedCorrection moved { c.id, match.span, std::nullopt };
        if (c.speakerSpan && !c.speakerSpan->isEmpty()) {
            const AnchorMatch speaker = locateAnchor(fresh->body, anchorAt(old->body, *c.speakerSpan));
            if (speaker.kind != AnchorMatch::Kind::Orphan)
                moved.speaker = speaker.span;
        }
        movedCorrections << moved;
    }

    if (const Status s = ArticleRepository(store).removeArticle(newId);
        !s) // frees its text for the old article
        return R::failure(s.errorString());
    Article updated = *fresh;
    updated.id = oldId;
    if (updated.url.isEmpty())
        updated.url = old->url;
    updated.importedAt = old->importedAt;
    if (const Status s = ArticleRepository(store).updateArticle(updated); !s)
        return R::failure(s.errorString());
    for (const Annotation &a : placed) {
        if (const Status s = AnnotationRepository(store).updateAnnotation(a); !s)
            return R::failure(s.errorString());
    }
    {
        const CodePointMap map(updated.body);
        QSqlQuery query(store.database());
        for (const MovedCorrection &c : std::as_const(movedCorrections)) {
            const Span cp = map.toCodePoints(c.span);
            QVariant speakerStart; // NULL: the speaker's span stays
            QVariant speakerEnd;
            if (c.speaker) {
                const Span speaker = map.toCodePoints(*c.speaker);
                speakerStart = qint64(speaker.start);
                speakerEnd = qint64(speaker.end);
            }
            if (!query.prepare(
                    u"UPDATE layer_corrections SET start = ?, \"end\" = ?, "
                    u"speaker_start = coalesce(?, speaker_start), speaker_end = coalesce(?, speaker_end) "
                    u"WHERE id = ?"_s))
                return R::failure(describeSqliteError(query.lastError()));
            query.addBindValue(qint64(cp.start));
            query.addBindValue(qint64(cp.end));
            query.addBindValue(speakerStart);
            query.addBindValue(speakerEnd);
            query.addBindValue(c.id);
            if (!query.exec())
                return R::failure(describeSqliteError(query.lastError()));
        }
    }
    if (const Status s = storeCurrentAnalysis(store, oldId, Analyzer::analyze(updated)); !s)
        return R::failure(s.errorString());
    if (const Status s = action.commit(); !s)
        return R::failure(s.errorString());
    return report;
}

} // namespace Lede
