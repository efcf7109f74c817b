// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsQuery_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Lede::Insights {

using namespace Query;

Result<QList<EntityRow>> entities(const QSqlDatabase &db, const Scope &scope, const QString &type,
                                  const CancelFlag *cancel)
{
    using R = Result<QList<EntityRow>>;
    Sql sql = scopeSql(scope);
    QString text = sql.with()
        + u"SELECT canonical, type, count(*), count(DISTINCT article_id) FROM entities e WHERE "_s
        + sql.in(u"e.article_id"_s);
    if (!type.isEmpty()) {
        text += u" AND e.type = ?"_s;
        sql.values.append(type);
    }
    text += u" GROUP BY canonical, type ORDER BY 4 DESC, 3 DESC, canonical, type"_s;
    CancelGuard guard(db, cancel);
    QSqlQuery query(db);
    if (!run(query, text, sql.values))
        return R::failure(failure(query, cancel));
    QList<EntityRow> rows;
    while (query.next())
        rows.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                      query.value(3).toLongLong() });
    if (!finished(query) || cancelled(cancel))
        return R::failure(failure(query, cancel));
    return rows;
}

Result<QList<CooccurrenceRow>> cooccurrence(const QSqlDatabase &db, const Scope &scope, int top,
                                            const QString &type, const CancelFlag *cancel)
{
    using R = Result<QList<CooccurrenceRow>>;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return R::failure(tr("Cannot compute the insights: the library is not an SQLite connection"));
    top = std::clamp(top, 0, 2000);
    CancelGuard guard(db, cancel);
    // 1. The top entities by articles (one aggregate over the entities_canonical index).
    Sql sql = scopeSql(scope);
    QString text = sql.with()
        + u"SELECT canonical, type, count(*) AS mentions, count(DISTINCT article_id) AS articles "
          u"FROM entities e WHERE "_s
        + (type.isEmpty() ? u"e.type IN ('PERSON', 'ORG', 'LOC', 'MISC')"_s : u"e.type = ?"_s) + u" AND "_s
        + sql.in(u"e.article_id"_s)
        + u" GROUP BY canonical, type ORDER BY articles DESC, mentions DESC, canonical, type LIMIT ?"_s;
    QVariantList values = sql.values;
    if (!type.isEmpty())
        values.append(type);
    values.append(top);
    QList<EntityRow> tops;
    {
        Statement read(handle, text, values);
        while (read.next())
            tops.append({ read.text(0), read.text(1), read.integer(2), read.integer(3) });
        if (!read.error().isEmpty() || cancelled(cancel))
            return R::failure(failure(read, cancel));
    }
    // 2. Each top entity's articles (index seeks, passed the list as JSON), gathered per article;
    // 3. pairs counted per article in a top x top table. SQLite cannot index a materialized CTE for
    // the self-join, which made the pure SQL form quadratic.
    QJsonArray list;
    for (const EntityRow &e : std::as_const(tops))
        list.append(QJsonArray { e.canonical, e.type });
    sql = scopeSql(scope);
    sql.ctes.append(
        u"t(k, canonical, type) AS (SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') "
        u"FROM json_each(?))"_s);
    sql.values.append(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
    QHash<qint64, QList<int>> byArticle;
    {
        Statement read(
            handle,
            sql.with()
                + u"SELECT DISTINCT t.k, e.article_id FROM t JOIN entities e ON e.canonical = t.canonical "
                  u"AND e.type = t.type WHERE "_s
                + sql.in(u"e.article_id"_s),
            sql.values);
        while (read.next())
            byArticle[read.integer(1)].append(int(read.integer(0)));
        if (!read.error().isEmpty() || cancelled(cancel))
            return R::failure(failure(read, cancel));
    }
    const int n = int(tops.size());
    std::vector<qint64> counts(size_t(n) * size_t(n), 0);
    for (const QList<int> &ks : std::as_const(byArticle)) {
        for (int i = 0; i < ks.size(); ++i) {
            for (int j = 0; j < ks.size(); ++j) {
                if (ks[i] < ks[j])
                    ++counts[size_t(ks[i]) * size_t(n) + size_t(ks[j])];
            }
        }
    }
    QList<CooccurrenceRow> rows;
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            if (const qint64 c = counts[size_t(i) * size_t(n) + size_t(j)]; c > 0)
                rows.append({ tops[i], tops[j], c });
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const CooccurrenceRow &a, const CooccurrenceRow &b) {
        return a.articles > b.articles;
    });
    return rows;
}

Result<QList<ArticleRef>> articlesNaming(const QSqlDatabase &db, const QString &canonical,
                                         const QString &type, const Scope &scope, const CancelFlag *cancel)
{
    using R = Result<QList<ArticleRef>>;
    Sql sql = scopeSql(scope);
    const QString text = sql.with()
        + u"SELECT a.id, a.title, a.source, a.published, m.n, m.first FROM (SELECT e.article_id AS "
          u"article_id, "
          u"count(*) AS n, min(e.start) AS first FROM entities e WHERE e.canonical = ? AND e.type = ? AND "_s
        + sql.in(u"e.article_id"_s)
        + u" GROUP BY e.article_id) m JOIN articles a ON a.id = m.article_id "
          u"ORDER BY a.published IS NULL, a.published DESC, a.id DESC"_s;
    sql.values << canonical << type;
    CancelGuard guard(db, cancel);
    QSqlQuery query(db);
    if (!run(query, text, sql.values))
        return R::failure(failure(query, cancel));
    QList<ArticleRef> rows;
    while (query.next())
        rows.append({ query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                      date(query.value(3)), query.value(4).toLongLong(), query.value(5).toLongLong() });
    if (!finished(query) || cancelled(cancel))
        return R::failure(failure(query, cancel));
    return rows;
}

} // namespace Lede::Insights
