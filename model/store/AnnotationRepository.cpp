// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnnotationRepository.h"

#include "ArticleStore.h"
#include "StoreInternal_p.h"
#include "TagRepository.h"
#include "TextOffsets.h"

#include <QHash>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

namespace {

// The text-quote anchor: up to 32 characters either side, never splitting a surrogate pair.
void fillAnchor(const QString &body, Annotation &a)
{
    a.exact = body.mid(a.span.start, a.span.length());
    qsizetype from = std::max<qsizetype>(0, a.span.start - 32);
    if (from > 0 && from < body.size() && body.at(from).isLowSurrogate())
        ++from;
    a.prefix = body.mid(from, a.span.start - from);
    qsizetype to = std::min<qsizetype>(body.size(), a.span.end + 32);
    if (to < body.size() && to > a.span.end && body.at(to).isLowSurrogate())
        --to;
    a.suffix = body.mid(a.span.end, to - a.span.end);
}

} // namespace

Result<QList<Annotation>> AnnotationRepository::readAnnotations(qint64 articleId, qint64 annotationId) const
{
    using R = Result<QList<Annotation>>;
    const StoreAccess store(m_store);
    const auto text = store.texts().text(store.database(), articleId);
    if (!text)
        return R::failure(text.errorString());
    const CodePointMap &map = (*text)->map;
    auto allTags = TagRepository(m_store).tags();
    if (!allTags)
        return R::failure(allTags.errorString());
    QHash<qint64, QString> paths;
    for (const Tag &t : *allTags)
        paths.insert(t.id, t.path);

    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    const QString select
        = u"SELECT id, article_id, start, \"end\", exact, prefix, suffix, color, note, created_at, "
          u"updated_at, (SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = "
          u"annotations.id) FROM annotations "_s;
    const bool ok = annotationId > 0
        ? execute(query, select + u"WHERE id = ? AND article_id = ?"_s, { annotationId, articleId })
        : execute(query, select + u"WHERE article_id = ? ORDER BY start, \"end\", id"_s, { articleId });
    if (!ok)
        return R::failure(queryError(query));
    QList<Annotation> out;
    while (query.next()) {
        Annotation a;
        a.id = query.value(0).toLongLong();
        a.articleId = query.value(1).toLongLong();
        a.span = map.toUtf16(Span { query.value(2).toLongLong(), query.value(3).toLongLong() });
        a.exact = query.value(4).toString();
        a.prefix = query.value(5).toString();
        a.suffix = query.value(6).toString();
        a.color = query.value(7).toString();
        a.note = query.value(8).toString();
        a.createdAt = parseTime(query.value(9).toString());
        a.updatedAt = parseTime(query.value(10).toString());
        for (const QString &tagId : query.value(11).toString().split(u',', Qt::SkipEmptyParts))
            a.tags.append(paths.value(tagId.toLongLong()));
        a.tags.sort(Qt::CaseInsensitive);
        out.append(a);
    }
    return out;
}

Result<QList<Annotation>> AnnotationRepository::annotations(qint64 articleId) const
{
    return readAnnotations(articleId, 0);
}

Result<Annotation> AnnotationRepository::annotation(qint64 id) const
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"SELECT article_id FROM annotations WHERE id = ?"_s, { id }))
        return Result<Annotation>::failure(queryError(query));
    if (!query.next())
        return Result<Annotation>::failure(tr("There is no annotation %1").arg(id));
    auto list = readAnnotations(query.value(0).toLongLong(), id);
    if (!list)
        return Result<Annotation>::failure(list.errorString());
    if (list->isEmpty())
        return Result<Annotation>::failure(tr("There is no annotation %1").arg(id));
    return list->first();
}

Result<qint64> AnnotationRepository::insertAnnotation(const Annotation &in, bool keepId)
{
    using R = Result<qint64>;
    // The article's body and its code point map come together, from one lookup.
    const StoreAccess store(m_store);
    const auto text = store.texts().text(store.database(), in.articleId);
    if (!text)
        return R::failure(text.errorString());
    const QString &body = (*text)->body;
    if (in.span.start < 0 || in.span.end > body.size() || in.span.start > in.span.end)
        return R::failure(tr("The range %1–%2 is outside the article (length %3)")
                              .arg(in.span.start)
                              .arg(in.span.end)
                              .arg(body.size()));
    const Span cp = (*text)->map.toCodePoints(in.span);
    Annotation a = in;
    // A restored annotation (undo) keeps the anchor it had; a new one gets it from the text.
    if (!a.isOrphan() && (a.exact.isEmpty() || (a.prefix.isEmpty() && a.suffix.isEmpty())))
        fillAnchor(body, a);
    QSqlQuery query(store.database());
    const QString now = nowUtc();
    const QString created = a.createdAt.isValid() ? a.createdAt.toUTC().toString(Qt::ISODate) : now;
    const QString updated = a.updatedAt.isValid() ? a.updatedAt.toUTC().toString(Qt::ISODate) : created;
    if (!execute(
            query,
            u"INSERT INTO annotations (id, article_id, start, \"end\", exact, prefix, suffix, color, note, "
            u"created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { keepId ? idOrNull(a.id) : QVariant(), a.articleId, cp.start, cp.end, a.exact, a.prefix,
              a.suffix, a.color, a.note, created, updated }))
        return R::failure(tr("Cannot store the annotation: %1").arg(queryError(query)));
    const qint64 id = query.lastInsertId().toLongLong();
    if (auto s = writeAnnotationTags(id, a.tags); !s)
        return R::failure(s.errorString());
    return id;
}

Status AnnotationRepository::writeAnnotationTags(qint64 annotationId, const QStringList &tagPaths)
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"DELETE FROM annotation_tags WHERE annotation_id = ?"_s, { annotationId }))
        return Status::failure(queryError(query));
    TagRepository tags(m_store);
    for (const QString &path : tagPaths) {
        auto tagId = tags.ensureTagInTransaction(path);
        if (!tagId)
            return Status::failure(tagId.errorString());
        if (!execute(query, u"INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)"_s,
                     { annotationId, *tagId }))
            return Status::failure(queryError(query));
    }
    return {};
}

Result<qint64> AnnotationRepository::addAnnotation(const Annotation &annotation)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Result<qint64>::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    auto id = insertAnnotation(annotation, false);
    if (id && !tx.commit())
        return Result<qint64>::failure(tx.error());
    return id;
}

Status AnnotationRepository::restoreAnnotation(const Annotation &annotation)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    auto id = insertAnnotation(annotation, true);
    if (!id)
        return Status::failure(id.errorString());
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Status AnnotationRepository::updateAnnotation(const Annotation &in)
{
    const StoreAccess store(m_store);
    Transaction tx(store);
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(store.database());
    if (!execute(query, u"SELECT article_id FROM annotations WHERE id = ?"_s, { in.id }))
        return Status::failure(queryError(query));
    if (!query.next())
        return Status::failure(tr("There is no annotation %1").arg(in.id));
    const auto text = store.texts().text(store.database(), query.value(0).toLongLong());
    if (!text)
        return Status::failure(text.errorString());
    const QString &body = (*text)->body;
    if (in.span.start < 0 || in.span.end > body.size() || in.span.start > in.span.end)
        return Status::failure(
            tr("The range %1–%2 is outside the article").arg(in.span.start).arg(in.span.end));
    const Span cp = (*text)->map.toCodePoints(in.span);
    Annotation a = in;
    // An orphan (Annotation::isOrphan) keeps the text it was made on; its empty span holds none.
    if (!a.isOrphan())
        fillAnchor(body, a);
    if (!execute(
            query,
            u"UPDATE annotations SET start = ?, \"end\" = ?, exact = ?, prefix = ?, suffix = ?, color = ?, "
            u"note = ?, updated_at = ? WHERE id = ?"_s,
            { cp.start, cp.end, a.exact, a.prefix, a.suffix, a.color, a.note, nowUtc(), a.id }))
        return Status::failure(tr("Cannot change the annotation: %1").arg(queryError(query)));
    if (auto s = writeAnnotationTags(in.id, in.tags); !s)
        return s;
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Status AnnotationRepository::removeAnnotation(qint64 id)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    if (!execute(query, u"DELETE FROM annotations WHERE id = ?"_s, { id }))
        return Status::failure(tr("Cannot delete the annotation: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no annotation %1").arg(id));
    if (!tx.commit())
        return Status::failure(tr("Cannot delete the annotation: %1").arg(tx.error()));
    return {};
}

} // namespace Lede
