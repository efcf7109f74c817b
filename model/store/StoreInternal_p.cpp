// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreInternal_p.h"

#include "SqliteError.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QStringList>
#include <QTimeZone>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Lede::StoreInternal {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QDateTime parseTime(const QString &text)
{
    auto t = QDateTime::fromString(text, Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t;
}

QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(u""_s)) : QVariant(s);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QString stringMapToJson(const QMap<QString, QString> &map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QMap<QString, QString> stringMapFromJson(const QString &json)
{
    QMap<QString, QString> map;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            map.insert(it.key(), it.value().toString());
    }
    return map;
}

QString metadataSearchText(const QMap<QString, QString> &metadata)
{
    QStringList values;
    for (const QString &value : metadata)
        values.append(value);
    return values.join(u'\n');
}

QString queryError(const QSqlQuery &query)
{
    return describeSqliteError(query.lastError());
}

QString cacheError(const StatementCache &cache)
{
    return describeSqliteError(cache.errorCode(), cache.errorString());
}

bool execRaw(const StatementCache &cache, const char *sql, QString *error)
{
    sqlite3 *db = cache.handle();
    if (!db) {
        if (error)
            *error = StoreText::tr("the library is not open");
        return false;
    }
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK)
        return true;
    if (error)
        *error = describeSqliteError(db);
    return false;
}

bool execute(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql))
        return false;
    for (const QVariant &v : values)
        query.addBindValue(v.typeId() == QMetaType::QString ? text(v.toString()) : v);
    return query.exec();
}

const QString TagSubtreeCte = uR"(WITH RECURSIVE subtree(id) AS (
        SELECT ? UNION ALL SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id))"_s;

// ---- ArticleTextCache -----------------------------------------------------------------------

ArticleTextPtr ArticleTextCache::remember(qint64 articleId, const QString &body)
{
    if (!m_last || m_last->articleId != articleId || m_last->body.constData() != body.constData())
        m_last = std::make_shared<const ArticleText>(ArticleText { articleId, body, CodePointMap(body) });
    return m_last;
}

Result<ArticleTextPtr> ArticleTextCache::text(const QSqlDatabase &db, qint64 articleId)
{
    using R = Result<ArticleTextPtr>;
    if (m_last && m_last->articleId == articleId)
        return m_last;
    QSqlQuery query(db);
    if (!execute(query, u"SELECT body FROM articles WHERE id = ?"_s, { articleId }))
        return R::failure(queryError(query));
    if (!query.next())
        return R::failure(StoreText::tr("There is no article %1 in the library").arg(articleId));
    return remember(articleId, query.value(0).toString());
}

void ArticleTextCache::forget(qint64 articleId)
{
    if (m_last && m_last->articleId == articleId)
        m_last.reset();
}

void ArticleTextCache::clear()
{
    m_last.reset();
}

// ---- Transaction ----------------------------------------------------------------------------

Transaction::Transaction(StatementCache &cache, bool bulk, bool *damaged, Mode mode)
    : m_cache(cache)
    , m_bulk(bulk)
    , m_damaged(damaged)
{
    if (mode == Write && *m_damaged) {
        m_error = StoreText::tr(
            "the library is damaged, so Lede does not write to it; run `lede check` to see what "
            "is wrong, and `lede restore FILE` to go back to a backup");
        return;
    }
    m_active = execRaw(m_cache,
                       m_bulk              ? "SAVEPOINT lede_action"
                           : mode == Write ? "BEGIN IMMEDIATE"
                                           : "BEGIN",
                       &m_error);
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (execRaw(m_cache, m_bulk ? "RELEASE lede_action" : "COMMIT", &m_error))
        return true;
    rollback();
    return false;
}

void Transaction::rollback()
{
    m_active = false;
    // The statement that made the action fail is the connection's last error.
    if (m_cache.handle() && isCorruption(sqlite3_extended_errcode(m_cache.handle())))
        *m_damaged = true;
    if (m_bulk) {
        (void)execRaw(m_cache, "ROLLBACK TO lede_action", nullptr);
        (void)execRaw(m_cache, "RELEASE lede_action", nullptr);
    } else {
        (void)execRaw(m_cache, "ROLLBACK", nullptr);
    }
}

} // namespace Lede::StoreInternal
