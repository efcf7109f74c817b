// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportReader.h"

#include "ArticleStore.h"
#include "StoreInternal_p.h"
#include "TagRepository.h"

#include <QHash>
#include <QScopeGuard>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

namespace {

struct ExportSql
{
    QString sql;
    QVariantList values;
};

// One UNION ALL over the user's annotations and the selected automatic layers, in article order,
// then by start. Columns: article id, title, source, published, row id, kind, start, end, text,
// tag ids, note, color, speaker, entity type, created, updated.
ExportSql exportSql(const ExportQuery &q, bool count)
{
    ExportSql out;
    QString articleFilter;
    QVariantList articleValues;
    if (!q.articleIds.isEmpty()) {
        QStringList marks;
        for (qint64 id : q.articleIds) {
            marks.append(u"?"_s);
            articleValues.append(id);
        }
        articleFilter = u" AND x.article_id IN ("_s + marks.join(u',') + u')';
    }
    QStringList arms;
    if (q.tagId > 0) {
        out.sql = TagSubtreeCte + u' ';
        out.values.append(q.tagId);
    }
    QString annotations = u"SELECT x.article_id AS aid, x.id AS rid, CASE WHEN x.note = '' THEN 'highlight' "
                          u"ELSE 'note' END AS kind, "
                          u"x.start AS s, x.\"end\" AS e, x.exact AS text, "
                          u"(SELECT group_concat(tag_id) FROM annotation_tags WHERE annotation_id = x.id) AS "
                          u"tag_ids, x.note AS note, "
                          u"x.color AS color, NULL AS speaker, NULL AS etype, x.created_at AS created, "
                          u"x.updated_at AS updated, 0 AS ord, "
                          u"NULL AS lid, NULL AS canonical, NULL AS fvalue, NULL AS unit, NULL AS qualifier, "
                          u"NULL AS attributed, "
                          u"NULL AS cue, NULL AS corrected FROM annotations x WHERE 1"_s
        + articleFilter;
    QVariantList values = articleValues;
    if (q.tagId > 0)
        annotations
            += u" AND x.id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id IN (SELECT id FROM subtree))"_s;
    arms.append(annotations);
    // Automatic layers belong to articles, not to tags: a tag filter leaves them out.
    if (q.tagId == 0) {
        if (q.includeQuotes) {
            arms.append(u"SELECT x.article_id, x.id, 'quote', x.start, x.\"end\", x.text, NULL, NULL, NULL, "
                        u"x.speaker, NULL, "
                        u"NULL, NULL, 1, x.id, x.speaker, NULL, NULL, NULL, NULL, x.cue, "
                        u"CASE x.corrected WHEN 0 THEN 'false' ELSE 'true' END FROM quotes x WHERE 1"_s
                        + articleFilter);
            values += articleValues;
        }
        if (q.includeEntities) {
            arms.append(u"SELECT x.article_id, x.id, 'entity', x.start, x.\"end\", x.text, NULL, NULL, NULL, "
                        u"NULL, x.type, "
                        u"NULL, NULL, 2, x.id, x.canonical, NULL, NULL, NULL, NULL, NULL, "
                        u"CASE x.corrected WHEN 0 THEN 'false' ELSE 'true' END FROM entities x WHERE 1"_s
                        + articleFilter);
            values += articleValues;
        }
        if (q.includeFigures) {
            // A whole number prints without ".0" (17170, not 17170.0), as people write it.
            arms.append(
                u"SELECT x.article_id, x.id, 'figure', x.start, x.\"end\", x.text, NULL, NULL, NULL, NULL, "
                u"NULL, "
                u"NULL, NULL, 3, x.id, NULL, CASE WHEN x.value = CAST(x.value AS INTEGER) "
                u"THEN CAST(CAST(x.value AS INTEGER) AS TEXT) ELSE CAST(x.value AS TEXT) END, x.unit, "
                u"x.qualifier, x.attributed_to, NULL, 'false' FROM figures x WHERE 1"_s
                + articleFilter);
            values += articleValues;
        }
    }
    const QString unionSql = arms.join(u" UNION ALL "_s);
    out.values += values;
    if (count) {
        out.sql += u"SELECT count(*) FROM ("_s + unionSql + u')';
    } else {
        // With the user's annotations alone, (article, start, id) is the order of the
        // annotations_article index, so SQLite streams rows without sorting a million of them.
        const QString order = arms.size() == 1 ? u"r.aid, r.s, r.rid"_s : u"r.aid, r.s, r.ord, r.e, r.rid"_s;
        out.sql
            += u"SELECT r.aid, a.title, a.source, a.published, r.rid, r.kind, r.s, r.e, r.text, r.tag_ids, "
               u"r.note, "
               u"r.color, r.speaker, r.etype, r.created, r.updated, r.lid, r.canonical, r.fvalue, r.unit, "
               u"r.qualifier, r.attributed, r.cue, r.corrected, a.url FROM ("_s
            + unionSql + u") r JOIN articles a ON a.id = r.aid ORDER BY "_s + order;
    }
    return out;
}

} // namespace

Result<qint64> ExportReader::exportRowCount(const ExportQuery &q) const
{
    const ExportSql e = exportSql(q, true);
    QSqlQuery query(m_store.database());
    if (!execute(query, e.sql, e.values) || !query.next())
        return Result<qint64>::failure(queryError(query));
    return query.value(0).toLongLong();
}

Status ExportReader::forEachExportRow(const ExportQuery &q,
                                      const std::function<bool(const ExportRow &)> &callback) const
{
    // Reading pages through read() calls doubled the export time of a large library, so the file is
    // memory-mapped while the export runs, and unmapped afterwards so that the mapping does not
    // stay in the process's resident memory.
    const StoreAccess store(m_store);
    QSqlDatabase db = store.database();
    QSqlQuery mmap(db);
    (void)mmap.exec(u"PRAGMA mmap_size = 268435456"_s);
    const auto unmap = qScopeGuard([&mmap] { (void)mmap.exec(u"PRAGMA mmap_size = 0"_s); });
    // Tag paths and rows are read in one transaction, so the export is a consistent snapshot even
    // while the window (another connection) keeps writing.
    Transaction tx(store, Transaction::Read);
    if (!tx.active())
        return Status::failure(tr("Cannot read the library: %1").arg(tx.error()));
    // TagRepository takes the store to write too; tags() only reads it.
    auto allTags = TagRepository(const_cast<ArticleStore &>(m_store)).tags();
    if (!allTags)
        return Status::failure(allTags.errorString());
    QHash<qint64, QByteArray> paths;
    for (const Tag &t : *allTags)
        paths.insert(t.id, t.path.toUtf8());

    const ExportSql e = exportSql(q, false);
    // Rows are read through sqlite3 directly and passed on as UTF-8 views: at a million rows, Qt
    // SQL's QVariants and UTF-16 round trips cost more than SQLite's own work.
    StatementCache::Reader reader = store.statements().reader(e.sql);
    if (!reader.isValid())
        return Status::failure(tr("Cannot read the library: %1").arg(reader.errorString()));
    for (int i = 0; i < e.values.size(); ++i)
        reader.bind(i + 1, e.values[i].toLongLong());

    ExportRow row;
    QList<QByteArray> tagPaths;
    QByteArray tagsCell;
    QByteArray title;
    QByteArray source;
    QByteArray published;
    qint64 currentArticle = -1;
    while (reader.next()) {
        row.articleId = reader.int64(0);
        if (row.articleId != currentArticle) {
            // The same article's columns repeat on every row; copy them once per article.
            currentArticle = row.articleId;
            title = reader.utf8(1).toByteArray();
            source = reader.utf8(2).toByteArray();
            published = reader.utf8(3).toByteArray();
            row.articleTitle = title;
            row.articleSource = source;
            row.articlePublished = published;
        }
        // The user's annotations have an annotation id; automatic rows a layer id instead.
        const bool automatic = !reader.isNull(16);
        row.annotationId = automatic ? 0 : reader.int64(4);
        row.layerId = automatic ? reader.int64(16) : 0;
        row.kind = reader.utf8(5);
        row.start = reader.int64(6);
        row.end = reader.int64(7);
        row.text = reader.utf8(8);
        if (reader.isNull(9)) {
            row.tags = {};
        } else {
            tagPaths.clear();
            for (QByteArrayView id : QByteArrayView(reader.utf8(9)).toByteArray().split(','))
                tagPaths.append(paths.value(id.toLongLong()));
            std::sort(tagPaths.begin(), tagPaths.end(), [](const QByteArray &a, const QByteArray &b) {
                return QString::compare(QString::fromUtf8(a), QString::fromUtf8(b), Qt::CaseInsensitive) < 0;
            });
            tagsCell = tagPaths.join("; ");
            row.tags = tagsCell;
        }
        row.note = reader.utf8(10);
        row.color = reader.utf8(11);
        row.speaker = reader.utf8(12);
        row.entityType = reader.utf8(13);
        row.createdAt = reader.utf8(14);
        row.updatedAt = reader.utf8(15);
        row.canonical = reader.utf8(17);
        row.value = reader.utf8(18);
        row.unit = reader.utf8(19);
        row.qualifier = reader.utf8(20);
        row.attributedTo = reader.utf8(21);
        row.cue = reader.utf8(22);
        row.corrected = reader.utf8(23);
        row.articleUrl = reader.utf8(24);
        if (!callback(row))
            return Status::failure(tr("Cancelled"));
    }
    if (reader.failed())
        return Status::failure(tr("Cannot read the library: %1").arg(reader.errorString()));
    return {};
}

} // namespace Lede
