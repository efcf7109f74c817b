// SPDX-License-Identifier: GPL-3.0-or-later
#include "TagRepository.h"

#include "AnnotationRepository.h"
#include "ArticleStore.h"
#include "StoreInternal_p.h"

#include <QHash>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

namespace {

// Splits "A / B/C" into trimmed, non-empty levels; empty result means an invalid path.
QStringList splitTagPath(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(u'/')) {
        const QString name = part.simplified();
        if (name.isEmpty())
            return {};
        parts.append(name);
    }
    return parts;
}

} // namespace

Result<QList<Tag>> TagRepository::tags() const
{
    using R = Result<QList<Tag>>;
    QSqlQuery query(m_store.database());
    if (!execute(query,
                 u"SELECT t.id, ifnull(t.parent_id, 0), t.name, t.color, "
                 u"(SELECT count(*) FROM annotation_tags nt WHERE nt.tag_id = t.id) FROM tags t"_s))
        return R::failure(queryError(query));
    QHash<qint64, Tag> byId;
    while (query.next()) {
        Tag t;
        t.id = query.value(0).toLongLong();
        t.parentId = query.value(1).toLongLong();
        t.name = query.value(2).toString();
        t.color = query.value(3).toString();
        t.useCount = query.value(4).toInt();
        byId.insert(t.id, t);
    }
    QList<Tag> out;
    out.reserve(byId.size());
    for (Tag t : std::as_const(byId)) {
        QStringList parts { t.name };
        qint64 parent = t.parentId;
        for (int depth = 0; parent != 0 && depth < 64; ++depth) {
            const auto it = byId.constFind(parent);
            if (it == byId.cend())
                break;
            parts.prepend(it->name);
            parent = it->parentId;
        }
        t.path = parts.join(u'/');
        out.append(t);
    }
    std::sort(out.begin(), out.end(), [](const Tag &a, const Tag &b) {
        return QString::compare(a.path, b.path, Qt::CaseInsensitive) < 0;
    });
    return out;
}

Result<Tag> TagRepository::tag(qint64 id) const
{
    auto all = tags();
    if (!all)
        return Result<Tag>::failure(all.errorString());
    for (const Tag &t : *all) {
        if (t.id == id)
            return t;
    }
    return Result<Tag>::failure(tr("There is no tag %1").arg(id));
}

Result<qint64> TagRepository::ensureTagInTransaction(const QString &path)
{
    using R = Result<qint64>;
    const QStringList parts = splitTagPath(path);
    if (parts.isEmpty())
        return R::failure(
            tr("\"%1\" is not a valid tag (use names separated by /, e.g. Sources/Official)").arg(path));
    QSqlQuery query(m_store.database());
    qint64 parent = 0;
    for (const QString &name : parts) {
        if (!execute(query, u"SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ?"_s,
                     { parent, name }))
            return R::failure(queryError(query));
        if (query.next()) {
            parent = query.value(0).toLongLong();
            continue;
        }
        if (!execute(query, u"INSERT INTO tags (parent_id, name) VALUES (?, ?)"_s,
                     { idOrNull(parent), name }))
            return R::failure(tr("Cannot create the tag %1: %2").arg(path, queryError(query)));
        parent = query.lastInsertId().toLongLong();
    }
    return parent;
}

Result<qint64> TagRepository::ensureTag(const QString &path)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Result<qint64>::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    auto id = ensureTagInTransaction(path);
    if (id && !tx.commit())
        return Result<qint64>::failure(tx.error());
    return id;
}

Status TagRepository::renameTag(qint64 id, const QString &newName)
{
    const QString name = newName.simplified();
    if (name.isEmpty() || name.contains(u'/'))
        return Status::failure(tr("A tag name cannot be empty or contain \"/\""));
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    if (!execute(query, u"UPDATE tags SET name = ? WHERE id = ?"_s, { name, id }))
        return Status::failure(tr("Cannot rename the tag: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no tag %1").arg(id));
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Status TagRepository::setTagColor(qint64 id, const QString &color)
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"UPDATE tags SET color = ? WHERE id = ?"_s, { color, id }))
        return Status::failure(tr("Cannot change the tag color: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no tag %1").arg(id));
    return {};
}

Status TagRepository::moveTag(qint64 id, qint64 newParentId)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    if (newParentId != 0) {
        // Refuse to move a tag below itself or one of its descendants.
        if (!execute(query, TagSubtreeCte + u" SELECT 1 FROM subtree WHERE id = ?"_s, { id, newParentId }))
            return Status::failure(queryError(query));
        if (query.next())
            return Status::failure(tr("A tag cannot be moved below itself"));
    }
    if (!execute(query, u"UPDATE tags SET parent_id = ? WHERE id = ?"_s, { idOrNull(newParentId), id }))
        return Status::failure(tr("Cannot move the tag: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no tag %1").arg(id));
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Result<TagSnapshot> TagRepository::removeTag(qint64 id, TagRemoval mode)
{
    using R = Result<TagSnapshot>;
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return R::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    TagSnapshot snapshot;
    auto all = tags();
    if (!all)
        return R::failure(all.errorString());
    // Collect the subtree, parents before children.
    QList<qint64> subtree { id };
    for (qsizetype i = 0; i < subtree.size(); ++i) {
        for (const Tag &t : *all) {
            if (t.parentId == subtree[i])
                subtree.append(t.id);
        }
    }
    for (qint64 tagId : subtree) {
        for (const Tag &t : *all) {
            if (t.id == tagId)
                snapshot.tags.append(t);
        }
    }
    if (snapshot.tags.isEmpty())
        return R::failure(tr("There is no tag %1").arg(id));

    QSqlQuery query(m_store.database());
    QStringList placeholders;
    QVariantList ids;
    for (qint64 tagId : subtree) {
        placeholders.append(u"?"_s);
        ids.append(tagId);
    }
    const QString in = u"("_s + placeholders.join(u',') + u")"_s;
    if (!execute(query, u"SELECT annotation_id, tag_id FROM annotation_tags WHERE tag_id IN "_s + in, ids))
        return R::failure(queryError(query));
    QList<qint64> annotationIds;
    while (query.next()) {
        snapshot.links.append({ query.value(0).toLongLong(), query.value(1).toLongLong() });
        if (!annotationIds.contains(query.value(0).toLongLong()))
            annotationIds.append(query.value(0).toLongLong());
    }
    if (mode == TagRemoval::DeleteAnnotations) {
        const AnnotationRepository annotations(m_store);
        for (qint64 annotationId : annotationIds) {
            auto a = annotations.annotation(annotationId);
            if (!a)
                return R::failure(a.errorString());
            snapshot.deletedAnnotations.append(*a);
            if (!execute(query, u"DELETE FROM annotations WHERE id = ?"_s, { annotationId }))
                return R::failure(queryError(query));
        }
    }
    if (!execute(query, u"DELETE FROM tags WHERE id = ?"_s, { id }))
        return R::failure(tr("Cannot delete the tag: %1").arg(queryError(query)));
    if (!tx.commit())
        return R::failure(tx.error());
    return snapshot;
}

Status TagRepository::restoreTag(const TagSnapshot &snapshot)
{
    Transaction tx { StoreAccess(m_store) };
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(m_store.database());
    for (const Tag &t : snapshot.tags) {
        if (!execute(query, u"INSERT INTO tags (id, parent_id, name, color) VALUES (?, ?, ?, ?)"_s,
                     { t.id, idOrNull(t.parentId), t.name, t.color }))
            return Status::failure(tr("Cannot restore the tag: %1").arg(queryError(query)));
    }
    AnnotationRepository annotations(m_store);
    for (const Annotation &a : snapshot.deletedAnnotations) {
        if (auto s = annotations.insertAnnotation(a, true); !s)
            return Status::from(s);
    }
    for (const auto &[annotationId, tagId] : snapshot.links) {
        if (!execute(query, u"INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)"_s,
                     { annotationId, tagId }))
            return Status::failure(tr("Cannot restore the tag: %1").arg(queryError(query)));
    }
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

} // namespace Lede
