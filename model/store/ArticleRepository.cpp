// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArticleRepository.h"

#include "AnalysisRepository.h"
#include "ArticleStore.h"
#include "SearchFilters.h"
#include "StoreInternal_p.h"
#include "TextOffsets.h"

#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

QString ArticleRepository::ftsMatchQuery(const QString &text)
{
    QStringList terms;
    for (const QString &word : text.split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts)) {
        QString escaped = word;
        escaped.replace(u'"', u"\"\""_s);
        terms.append(u'"' + escaped + u"\"*"_s);
    }
    return terms.join(u' ');
}

namespace {

// A LIKE pattern that matches `text` literally (with ESCAPE '\\').
QString likeLiteral(const QString &text)
{
    QString out = text;
    out.replace(u"\\"_s, u"\\\\"_s);
    out.replace(u"%"_s, u"\\%"_s);
    out.replace(u"_"_s, u"\\_"_s);
    return out;
}

} // namespace

ArticleRepository::SearchCondition ArticleRepository::searchCondition(const QString &search,
                                                                      const QString &idColumn)
{
    SearchCondition out;
    const SearchFilters filters = SearchFilters::parse(search);
    if (filters.isEmpty())
        return out;
    QStringList parts;
    if (!filters.words.isEmpty()) {
        QStringList notes;
        for (qsizetype i = 0; i < filters.words.size(); ++i)
            notes.append(u"note LIKE ? ESCAPE '\\'"_s);
        out.values.append(ftsMatchQuery(filters.text()));
        for (const QString &word : filters.words)
            out.values.append(QString(u"%"_s + likeLiteral(word) + u"%"_s));
        parts.append(u"("_s + idColumn
                     + u" IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) OR "_s + idColumn
                     + u" IN (SELECT article_id FROM annotations WHERE "_s + notes.join(u" AND "_s)
                     + u"))"_s);
    }
    for (const QString &speaker : filters.speakers) {
        // The name itself, and the names merged into it (Insights' speaker identities).
        parts.append(idColumn
                     + u" IN (SELECT article_id FROM quotes WHERE speaker = ? COLLATE NOCASE OR speaker IN "
                       u"(SELECT alias FROM speaker_aliases WHERE identity = ? COLLATE NOCASE))"_s);
        out.values << speaker << speaker;
    }
    const auto entityFilter = [&](const QStringList &names, const QString &type) {
        for (const QString &name : names) {
            // The canonical name or the mention as written, or a full name ending with the word(s).
            parts.append(
                idColumn + u" IN (SELECT article_id FROM entities WHERE type = '"_s + type
                + u"' AND (canonical = ? COLLATE NOCASE OR text = ? COLLATE NOCASE OR canonical LIKE ? "
                  u"ESCAPE '\\'))"_s);
            out.values << name << name << QString(u"% "_s + likeLiteral(name));
        }
    };
    entityFilter(filters.people, u"PERSON"_s);
    entityFilter(filters.organisations, u"ORG"_s);
    entityFilter(filters.places, u"LOC"_s);
    for (const QString &format : filters.formats) {
        parts.append(idColumn + u" IN (SELECT id FROM articles WHERE format = ?)"_s);
        out.values << format;
    }
    for (const QString &tag : filters.tags) {
        // The tag at that path (any case) and every tag below it.
        parts.append(
            idColumn
            + u" IN (SELECT n.article_id FROM annotations n JOIN annotation_tags nt ON nt.annotation_id = "
              u"n.id "
              u"WHERE nt.tag_id IN (WITH RECURSIVE tp(id, path) AS (SELECT id, name FROM tags WHERE "
              u"parent_id "
              u"IS NULL UNION ALL SELECT t.id, tp.path || '/' || t.name FROM tags t JOIN tp ON t.parent_id = "
              u"tp.id) SELECT id FROM tp WHERE path = ? COLLATE NOCASE OR path LIKE ? ESCAPE '\\'))"_s);
        QString path = tag;
        path.replace(QRegularExpression(u"\\s*/\\s*"_s), u"/"_s);
        out.values << path << QString(likeLiteral(path) + u"/%"_s);
    }
    out.sql = parts.join(u" AND "_s);
    return out;
}

Result<std::optional<qint64>> ArticleRepository::findArticleByHash(const QString &contentHash) const
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"SELECT id FROM articles WHERE content_hash = ?"_s, { contentHash }))
        return Result<std::optional<qint64>>::failure(queryError(query));
    if (query.next())
        return std::optional<qint64>(query.value(0).toLongLong());
    return std::optional<qint64>();
}

Result<qint64> ArticleRepository::addArticle(const Article &article, const AnalysisResult &analysis,
                                             int analyzerVersion, bool *alreadyPresent)
{
    using R = Result<qint64>;
    if (alreadyPresent)
        *alreadyPresent = false;
    if (article.body.isEmpty())
        return R::failure(tr("The article has no text"));
    if (article.contentHash.isEmpty())
        return R::failure(tr("The article has no content hash"));

    const StoreAccess store(m_store);
    StatementCache &statements = store.statements();
    Transaction tx(store);
    if (!tx.active())
        return R::failure(tr("Cannot write to the library: %1").arg(tx.error()));

    const QString importedAt
        = article.importedAt.isValid() ? article.importedAt.toUTC().toString(Qt::ISODate) : nowUtc();
    auto insert = statements.statement(
        "INSERT INTO articles (title, byline, dateline, source, published, url, path, body, content_hash, "
        "imported_at, analyzer_version, format, metadata, provenance, metadata_text) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT (content_hash) DO NOTHING");
    insert.bind(1, article.title).bind(2, article.byline).bind(3, article.dateline).bind(4, article.source);
    if (article.published.isValid())
        insert.bind(5, article.published.toString(Qt::ISODate));
    else
        insert.bindNull(5);
    insert.bind(6, article.url).bind(7, article.path).bind(8, article.body).bind(9, article.contentHash);
    insert.bind(10, importedAt).bind(11, qint64(analyzerVersion));
    insert.bind(12, articleFormat(article))
        .bind(13, stringMapToJson(article.metadata))
        .bind(14, stringMapToJson(article.provenance))
        .bind(15, metadataSearchText(article.metadata));
    if (!insert.run())
        return R::failure(tr("Cannot store the article: %1").arg(cacheError(statements)));
    if (statements.changes() == 0) {
        // The same text is already in the library (the content hash is unique).
        auto existing = findArticleByHash(article.contentHash);
        if (!existing || !existing->has_value())
            return R::failure(existing ? tr("Cannot store the article") : existing.errorString());
        if (alreadyPresent)
            *alreadyPresent = true;
        return **existing;
    }
    const qint64 id = statements.lastInsertRowId();

    const CodePointMap map(article.body);
    for (const Block &block : article.blocks) {
        const Span cp = map.toCodePoints(block.span);
        auto stmt = statements.statement(
            "INSERT INTO article_blocks (article_id, kind, start, \"end\") VALUES (?1, ?2, ?3, ?4)");
        if (!stmt.bind(1, id)
                 .bind(2, blockKindName(block.kind))
                 .bind(3, qint64(cp.start))
                 .bind(4, qint64(cp.end))
                 .run())
            return R::failure(tr("Cannot store the article: %1").arg(cacheError(statements)));
    }
    if (auto s = AnalysisRepository(m_store).writeAnalysis(id, map, analysis); !s)
        return R::failure(s.errorString());
    if (!tx.commit())
        return R::failure(tr("Cannot store the article: %1").arg(tx.error()));
    return id;
}

Result<Article> ArticleRepository::article(qint64 id) const
{
    using R = Result<Article>;
    QSqlQuery query(m_store.database());
    if (!execute(query,
                 u"SELECT id, title, byline, dateline, source, published, url, path, body, content_hash, "
                 u"imported_at, analyzer_version, format, metadata, provenance FROM articles WHERE id = ?"_s,
                 { id }))
        return R::failure(queryError(query));
    if (!query.next())
        return R::failure(tr("There is no article %1 in the library").arg(id));
    Article a;
    a.id = query.value(0).toLongLong();
    a.title = query.value(1).toString();
    a.byline = query.value(2).toString();
    a.dateline = query.value(3).toString();
    a.source = query.value(4).toString();
    a.published = QDate::fromString(query.value(5).toString(), Qt::ISODate);
    a.url = query.value(6).toString();
    a.path = query.value(7).toString();
    a.body = query.value(8).toString();
    a.contentHash = query.value(9).toString();
    a.importedAt = parseTime(query.value(10).toString());
    a.analyzerVersion = query.value(11).toInt();
    a.metadata = stringMapFromJson(query.value(13).toString());
    a.provenance = stringMapFromJson(query.value(14).toString());
    // The column is the truth for the format (it is what the exports and filters read).
    if (const QString format = query.value(12).toString(); !format.isEmpty())
        a.provenance.insert(u"format"_s, format);
    else
        a.provenance.remove(u"format"_s);

    // The layers and annotations read next usually belong to this article: its map is kept.
    const ArticleTextPtr text = StoreAccess(m_store).texts().remember(a.id, a.body);
    if (!execute(query,
                 u"SELECT kind, start, \"end\" FROM article_blocks WHERE article_id = ? ORDER BY start"_s,
                 { id }))
        return R::failure(queryError(query));
    while (query.next()) {
        Block block;
        if (!blockKindFromName(query.value(0).toString(), &block.kind))
            continue;
        block.span = text->map.toUtf16(Span { query.value(1).toLongLong(), query.value(2).toLongLong() });
        a.blocks.append(block);
    }
    return a;
}

namespace {

struct ListSql
{
    QString sql;
    QVariantList values;
};

ListSql articleListSql(const ArticleQuery &q, bool count)
{
    ListSql out;
    QString from = u" FROM articles a"_s;
    QStringList where;
    if (q.tagId > 0) {
        out.sql = TagSubtreeCte + u' ';
        out.values.append(q.tagId);
        where.append(u"a.id IN (SELECT n.article_id FROM annotations n JOIN annotation_tags nt ON "
                     u"nt.annotation_id = n.id "
                     u"WHERE nt.tag_id IN (SELECT id FROM subtree))"_s);
    }
    // Words and filters (SearchFilters.h). The matches are an ephemeral set that the newest-first
    // scan of articles_imported_at probes, so a page still stops at LIMIT.
    const ArticleRepository::SearchCondition search = ArticleRepository::searchCondition(q.search, u"a.id"_s);
    if (!search.sql.isEmpty()) {
        where.append(search.sql);
        out.values.append(search.values);
    }
    if (count) {
        out.sql += u"SELECT count(*)"_s + from;
    } else {
        out.sql += u"SELECT a.id, a.title, a.source, a.published, a.imported_at, "
                   u"(SELECT count(*) FROM annotations n WHERE n.article_id = a.id) AS annotation_count"_s
            + from;
    }
    if (!where.isEmpty())
        out.sql += u" WHERE "_s + where.join(u" AND "_s);
    if (count)
        return out;

    const QString dir = q.descending ? u" DESC"_s : u" ASC"_s;
    switch (q.sort) {
    case ArticleQuery::Sort::ImportedDesc:
        out.sql += u" ORDER BY a.imported_at DESC, a.id DESC"_s;
        break;
    case ArticleQuery::Sort::Title:
        out.sql += u" ORDER BY a.title COLLATE NOCASE"_s + dir + u", a.id"_s + dir;
        break;
    case ArticleQuery::Sort::Source:
        out.sql += u" ORDER BY a.source COLLATE NOCASE"_s + dir + u", a.id"_s + dir;
        break;
    case ArticleQuery::Sort::Published:
        out.sql += u" ORDER BY a.published"_s + dir + u", a.id"_s + dir;
        break;
    case ArticleQuery::Sort::Annotations:
        out.sql += u" ORDER BY annotation_count"_s + dir + u", a.id"_s + dir;
        break;
    }
    out.sql += u" LIMIT ? OFFSET ?"_s;
    out.values.append(q.limit);
    out.values.append(q.offset);
    return out;
}

} // namespace

Result<QList<ArticleSummary>> ArticleRepository::articles(const ArticleQuery &q) const
{
    using R = Result<QList<ArticleSummary>>;
    const ListSql list = articleListSql(q, false);
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    if (!execute(query, list.sql, list.values))
        return R::failure(queryError(query));
    QList<ArticleSummary> out;
    while (query.next()) {
        ArticleSummary s;
        s.id = query.value(0).toLongLong();
        s.title = query.value(1).toString();
        s.source = query.value(2).toString();
        s.published = QDate::fromString(query.value(3).toString(), Qt::ISODate);
        s.importedAt = parseTime(query.value(4).toString());
        s.annotationCount = query.value(5).toInt();
        out.append(s);
    }
    return out;
}

Result<int> ArticleRepository::articleCount(const ArticleQuery &q) const
{
    const ListSql list = articleListSql(q, true);
    QSqlQuery query(m_store.database());
    if (!execute(query, list.sql, list.values) || !query.next())
        return Result<int>::failure(queryError(query));
    return query.value(0).toInt();
}

Status ArticleRepository::removeArticle(qint64 id)
{
    const StoreAccess store(m_store);
    Transaction tx(store);
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(store.database());
    if (!execute(query, u"DELETE FROM articles WHERE id = ?"_s, { id }))
        return Status::failure(tr("Cannot remove the article: %1").arg(queryError(query)));
    if (query.numRowsAffected() == 0)
        return Status::failure(tr("There is no article %1 in the library").arg(id));
    if (!tx.commit())
        return Status::failure(tr("Cannot remove the article: %1").arg(tx.error()));
    store.texts().forget(id);
    return {};
}

Status ArticleRepository::updateArticle(const Article &in)
{
    if (in.body.isEmpty())
        return Status::failure(tr("The article has no text"));
    const StoreAccess store(m_store);
    Transaction tx(store);
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(store.database());
    if (!execute(query, u"SELECT body FROM articles WHERE id = ?"_s, { in.id }))
        return Status::failure(queryError(query));
    if (!query.next())
        return Status::failure(tr("There is no article %1 in the library").arg(in.id));
    const bool newBody = query.value(0).toString() != in.body;
    query.finish();
    if (newBody) {
        if (in.contentHash.isEmpty())
            return Status::failure(tr("The article has no content hash"));
        auto other = findArticleByHash(in.contentHash);
        if (!other)
            return Status::failure(other.errorString());
        if (other->has_value() && **other != in.id)
            return Status::failure(tr("Article %1 already holds this text").arg(**other));
    }
    const QVariant published
        = in.published.isValid() ? QVariant(in.published.toString(Qt::ISODate)) : QVariant();
    if (!execute(
            query,
            u"UPDATE articles SET title = ?, byline = ?, dateline = ?, source = ?, published = ?, url = ?, "
            u"path = ?, format = ?, metadata = ?, provenance = ?, metadata_text = ? WHERE id = ?"_s,
            { in.title, in.byline, in.dateline, in.source, published, in.url, in.path, articleFormat(in),
              stringMapToJson(in.metadata), stringMapToJson(in.provenance), metadataSearchText(in.metadata),
              in.id }))
        return Status::failure(tr("Cannot change the article: %1").arg(queryError(query)));
    if (newBody) {
        if (!execute(query, u"UPDATE articles SET body = ?, content_hash = ? WHERE id = ?"_s,
                     { in.body, in.contentHash, in.id })
            || !execute(query, u"DELETE FROM article_blocks WHERE article_id = ?"_s, { in.id }))
            return Status::failure(tr("Cannot change the article: %1").arg(queryError(query)));
        const CodePointMap map(in.body);
        for (const Block &block : in.blocks) {
            const Span cp = map.toCodePoints(block.span);
            if (!execute(
                    query,
                    u"INSERT INTO article_blocks (article_id, kind, start, \"end\") VALUES (?, ?, ?, ?)"_s,
                    { in.id, blockKindName(block.kind), qint64(cp.start), qint64(cp.end) }))
                return Status::failure(tr("Cannot change the article: %1").arg(queryError(query)));
        }
    }
    query.finish();
    if (!tx.commit())
        return Status::failure(tr("Cannot change the article: %1").arg(tx.error()));
    // The cached text and code point map belong to the old text.
    if (newBody)
        store.texts().forget(in.id);
    return {};
}

} // namespace Lede
