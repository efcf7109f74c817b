// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsQuery_p.h"
#include "store/ArticleRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace Lede::Insights::Query {

namespace {

// Units and attributions repeat (a few hundred distinct values over a library): the keys are kept
// per registration, so each distinct text is folded once.
using FoldCache = QHash<QByteArray, QByteArray>;

void foldFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    if (!text) {
        sqlite3_result_text(context, "", 0, SQLITE_STATIC);
        return;
    }
    auto *cache = static_cast<FoldCache *>(sqlite3_user_data(context));
    const QByteArray key(text, sqlite3_value_bytes(argv[0]));
    auto it = cache->constFind(key);
    if (it == cache->cend()) {
        if (cache->size() > 100000)
            cache->clear();
        it = cache->insert(key, figureKey(QString::fromUtf8(key)).toUtf8());
    }
    sqlite3_result_text(context, it->constData(), int(it->size()), SQLITE_TRANSIENT);
}

} // namespace

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::Insights", text);
}

Sql scopeSql(const Scope &scope)
{
    Sql sql;
    QStringList parts;
    QVariantList partValues;
    if (scope.tagId > 0) {
        sql.ctes.append(
            u"subtree(id) AS (SELECT ? UNION ALL SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id)"_s);
        sql.values.append(scope.tagId);
        parts.append(
            u"SELECT n.article_id FROM annotations n JOIN annotation_tags nt ON nt.annotation_id = n.id "
            u"WHERE nt.tag_id IN (SELECT id FROM subtree)"_s);
    }
    // The library search field's words and filters (speaker:, person:, tag:, ...; SearchFilters.h).
    const ArticleRepository::SearchCondition search
        = ArticleRepository::searchCondition(scope.search, u"a.id"_s);
    if (!search.sql.isEmpty()) {
        parts.append(u"SELECT a.id FROM articles a WHERE "_s + search.sql);
        partValues.append(search.values);
    }
    if (scope.articleIds) {
        QStringList ids;
        for (qint64 id : *scope.articleIds)
            ids.append(QString::number(id));
        parts.append(u"SELECT value FROM json_each(?)"_s);
        partValues.append(QString(u'[' + ids.join(u',') + u']'));
    }
    if (!parts.isEmpty()) {
        sql.ctes.append(u"scope(id) AS MATERIALIZED (SELECT * FROM ("_s + parts.join(u" INTERSECT "_s)
                        + u"))"_s);
        sql.values.append(partValues);
        sql.scoped = true;
    }
    return sql;
}

bool cancelled(const CancelFlag *cancel)
{
    return cancel && cancel->load(std::memory_order_relaxed);
}

QString failure(const QSqlQuery &query, const CancelFlag *cancel)
{
    if (cancelled(cancel))
        return cancelledMessage();
    const QSqlError e = query.lastError();
    return tr("Cannot compute the insights: %1")
        .arg(e.databaseText().isEmpty() ? e.text() : e.databaseText());
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (const QVariant &v : values)
        query.addBindValue(v);
    return query.exec();
}

bool finished(const QSqlQuery &query)
{
    return !query.lastError().isValid();
}

QDate date(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

bool registerFold(const QSqlDatabase &db)
{
    sqlite3 *handle = sqliteHandle(db);
    return handle
        && sqlite3_create_function_v2(handle, "lede_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      new FoldCache, &foldFunction, nullptr, nullptr,
                                      [](void *cache) { delete static_cast<FoldCache *>(cache); })
        == SQLITE_OK;
}

SpeakerKind kindOf(int rank)
{
    return rank >= 2 ? SpeakerKind::Person : rank == 1 ? SpeakerKind::Organisation : SpeakerKind::Other;
}

QString failure(const Statement &statement, const CancelFlag *cancel)
{
    if (cancelled(cancel))
        return cancelledMessage();
    return tr("Cannot compute the insights: %1").arg(statement.error());
}

} // namespace Lede::Insights::Query
