// SPDX-License-Identifier: GPL-3.0-or-later
#include "Insights.h"

#include "SqliteHandle.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <limits>
#include <map>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace Lede::Insights {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Lede::Insights", text);
}

// The scope as common table expressions: `scope(id)` holds the article ids when the scope is not
// the whole library. Values bind in order of appearance, so the CTEs come first in every query.
struct Sql
{
    QStringList ctes;
    QVariantList values;
    bool scoped = false;

    // "<column> IN scope" or "1" for the whole library.
    QString in(const QString &column) const
    {
        return scoped ? column + u" IN (SELECT id FROM scope)"_s : u"1"_s;
    }
    QString with() const
    {
        return ctes.isEmpty() ? QString() : u"WITH RECURSIVE "_s + ctes.join(u",\n"_s) + u'\n';
    }
};

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

// Interrupts the connection's running statement when the flag is set, for the guard's lifetime.
class CancelGuard final
{
    Q_DISABLE_COPY_MOVE(CancelGuard)

public:
    CancelGuard(const QSqlDatabase &db, const CancelFlag *flag)
        : m_db(flag ? sqliteHandle(db) : nullptr)
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 4000, &CancelGuard::check, const_cast<CancelFlag *>(flag));
    }
    ~CancelGuard()
    {
        if (m_db)
            sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
    }

private:
    static int check(void *flag)
    {
        return static_cast<CancelFlag *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
    }
    sqlite3 *m_db;
};

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

// A query has finished its rows without error (next() also returns false on an error).
bool finished(const QSqlQuery &query)
{
    return !query.lastError().isValid();
}

QDate date(const QVariant &v)
{
    return v.isNull() ? QDate() : QDate::fromString(v.toString(), Qt::ISODate);
}

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

bool registerFold(const QSqlDatabase &db)
{
    sqlite3 *handle = sqliteHandle(db);
    return handle
        && sqlite3_create_function_v2(handle, "lede_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      new FoldCache, &foldFunction, nullptr, nullptr,
                                      [](void *cache) { delete static_cast<FoldCache *>(cache); })
        == SQLITE_OK;
}

// Kinds are stored as 2 (PERSON), 1 (ORG), 0 so that max() picks the strongest evidence.
SpeakerKind kindOf(int rank)
{
    return rank >= 2 ? SpeakerKind::Person : rank == 1 ? SpeakerKind::Organisation : SpeakerKind::Other;
}

} // namespace

QString cancelledMessage()
{
    return tr("Cancelled");
}

QString speakerKindName(SpeakerKind kind)
{
    switch (kind) {
    case SpeakerKind::Person:
        return u"person"_s;
    case SpeakerKind::Organisation:
        return u"organisation"_s;
    case SpeakerKind::Other:
        break;
    }
    return u"other"_s;
}

namespace {

// A statement on the connection's sqlite3 handle, for the scans that stream a million rows: Qt SQL
// builds a QVariant per value, which costs more than SQLite's own work there.
class Statement final
{
    Q_DISABLE_COPY_MOVE(Statement)

public:
    Statement(sqlite3 *db, const QString &sql, const QVariantList &values)
        : m_db(db)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK)
            return;
        for (int i = 0; i < values.size(); ++i) {
            const QVariant &v = values[i];
            if (v.typeId() == QMetaType::QString) {
                const QByteArray text = v.toString().toUtf8();
                sqlite3_bind_text(m_stmt, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            } else {
                sqlite3_bind_int64(m_stmt, i + 1, v.toLongLong());
            }
        }
    }
    ~Statement() { sqlite3_finalize(m_stmt); }
    bool isValid() const { return m_stmt != nullptr; }
    // True for a row; false at the end or on an error (then error() is not empty).
    bool next()
    {
        if (!m_stmt)
            return false;
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_failed = true;
        return false;
    }
    void reset() { sqlite3_reset(m_stmt); }
    void bindText(int index, const QByteArray &text)
    {
        sqlite3_bind_text(m_stmt, index, text.constData(), int(text.size()), SQLITE_TRANSIENT);
    }
    QString error() const
    {
        return (!m_stmt || m_failed) ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString();
    }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    QByteArrayView bytes(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
    }
    QString text(int column) const { return QString::fromUtf8(bytes(column)); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

QString failure(const Statement &statement, const CancelFlag *cancel)
{
    if (cancelled(cancel))
        return cancelledMessage();
    return tr("Cannot compute the insights: %1").arg(statement.error());
}

} // namespace

Result<QList<SourceRow>> sources(const QSqlDatabase &db, const Scope &scope, const CancelFlag *cancel)
{
    using R = Result<QList<SourceRow>>;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return R::failure(tr("Cannot compute the insights: the library is not an SQLite connection"));
    CancelGuard guard(db, cancel);

    // A million quotes mean about as many (speaker, article) pairs, so the per-pair work avoids
    // SQL joins: the articles' dates and outlets are read once into memory (two covering index
    // scans, a few MB for 100,000 articles), the pairs stream from the quotes_speaker index in name
    // order, and the sums per speaker are kept here.
    struct ArticleInfo
    {
        qint64 day = std::numeric_limits<qint64>::min(); // Julian day, min when unknown
        int outlet = -1;
    };
    QHash<qint64, ArticleInfo> articles;
    QStringList outletNames;
    QHash<QString, int> outletIds;
    {
        Sql sql = scopeSql(scope);
        Statement dates(handle,
                        sql.with()
                            + u"SELECT id, published FROM articles INDEXED BY articles_published "
                              u"WHERE published IS NOT NULL AND "_s
                            + sql.in(u"id"_s),
                        sql.values);
        while (dates.next()) {
            const QDate d = QDate::fromString(dates.text(1), Qt::ISODate);
            if (d.isValid())
                articles[dates.integer(0)].day = d.toJulianDay();
        }
        if (!dates.error().isEmpty() || cancelled(cancel))
            return R::failure(failure(dates, cancel));
        Statement outlets(
            handle,
            sql.with()
                + u"SELECT id, source FROM articles INDEXED BY articles_source WHERE source <> '' AND "_s
                + sql.in(u"id"_s),
            sql.values);
        while (outlets.next()) {
            const QString name = outlets.text(1);
            auto it = outletIds.constFind(name);
            if (it == outletIds.cend()) {
                it = outletIds.insert(name, int(outletNames.size()));
                outletNames.append(name);
            }
            articles[outlets.integer(0)].outlet = *it;
        }
        if (!outlets.error().isEmpty() || cancelled(cancel))
            return R::failure(failure(outlets, cancel));
    }

    QHash<QString, QString> aliases;
    QSet<QString> mergedIdentities; // identities with more than one name: their articles need a set
    {
        Statement read(handle, u"SELECT alias, identity FROM speaker_aliases WHERE alias <> identity"_s, {});
        while (read.next()) {
            aliases.insert(read.text(0), read.text(1));
            mergedIdentities.insert(read.text(1));
        }
        if (!read.error().isEmpty())
            return R::failure(failure(read, cancel));
    }

    struct Acc
    {
        qint64 quotes = 0;
        qint64 articles = 0;
        qint64 first = std::numeric_limits<qint64>::max();
        qint64 last = std::numeric_limits<qint64>::min();
        int kind = 0;
        QSet<int> outlets;
        QStringList names;
        QSet<qint64> seen; // only for merged identities
    };
    QHash<QString, Acc> byIdentity;
    // The kind of a name: the canonical name of a PERSON (else ORG) entity in the library.
    Statement kindQuery(handle,
                        u"SELECT max(CASE type WHEN 'PERSON' THEN 2 ELSE 1 END) FROM entities "
                        u"WHERE canonical = ? AND type IN ('PERSON', 'ORG')"_s,
                        {});
    Sql sql = scopeSql(scope);
    // Each quote's (speaker, article) in index order, without GROUP BY: equal neighbours are one
    // pair, counted here (SQLite's aggregate step cost twice the scan itself).
    // A large scope (a search matching most of the library) is checked here: a lookup per quote in
    // the materialized scope cost more than streaming every quote.
    QSet<qint64> inScope;
    bool filterHere = false;
    if (sql.scoped) {
        Statement ids(handle, sql.with() + u"SELECT id FROM scope"_s, sql.values);
        while (ids.next())
            inScope.insert(ids.integer(0));
        if (!ids.error().isEmpty() || cancelled(cancel))
            return R::failure(failure(ids, cancel));
        filterHere = inScope.size() > 5000;
    }
    Statement pairs(
        handle,
        (filterHere ? QString() : sql.with())
            + u"SELECT speaker, article_id FROM quotes WHERE speaker IS NOT NULL AND speaker <> '' AND "_s
            + (filterHere ? u"1"_s : sql.in(u"article_id"_s)) + u" ORDER BY speaker, article_id"_s,
        filterHere ? QVariantList() : sql.values);
    QByteArray currentRaw;
    Acc *acc = nullptr;
    bool merged = false;
    qint64 previousArticle = -1;
    while (pairs.next()) {
        const qint64 articleId = pairs.integer(1);
        if (filterHere && !inScope.contains(articleId))
            continue;
        const QByteArrayView raw = pairs.bytes(0);
        if (!acc || raw != currentRaw) {
            currentRaw = raw.toByteArray();
            const QString name = QString::fromUtf8(currentRaw);
            const QString identity = aliases.value(name, name);
            acc = &byIdentity[identity];
            acc->names.append(name);
            merged = mergedIdentities.contains(identity);
            previousArticle = -1;
            kindQuery.reset();
            kindQuery.bindText(1, currentRaw);
            if (kindQuery.next())
                acc->kind = std::max(acc->kind, int(kindQuery.integer(0)));
            if (!kindQuery.error().isEmpty())
                return R::failure(failure(kindQuery, cancel));
        }
        ++acc->quotes;
        if (articleId == previousArticle)
            continue;
        previousArticle = articleId;
        if (merged) {
            if (acc->seen.contains(articleId))
                continue;
            acc->seen.insert(articleId);
        }
        ++acc->articles;
        const auto it = articles.constFind(articleId);
        if (it == articles.cend())
            continue;
        if (it->day != std::numeric_limits<qint64>::min()) {
            acc->first = std::min(acc->first, it->day);
            acc->last = std::max(acc->last, it->day);
        }
        if (it->outlet >= 0)
            acc->outlets.insert(it->outlet);
    }
    if (!pairs.error().isEmpty() || cancelled(cancel))
        return R::failure(failure(pairs, cancel));

    QList<SourceRow> rows;
    rows.reserve(byIdentity.size());
    for (auto it = byIdentity.begin(); it != byIdentity.end(); ++it) {
        if (it->quotes == 0)
            continue;
        SourceRow row;
        row.speaker = it.key();
        row.kind = kindOf(it->kind);
        row.quotes = it->quotes;
        row.articles = it->articles;
        if (it->first != std::numeric_limits<qint64>::max()) {
            row.firstPublished = QDate::fromJulianDay(it->first);
            row.lastPublished = QDate::fromJulianDay(it->last);
        }
        for (int outlet : std::as_const(it->outlets))
            row.outlets.append(outletNames.at(outlet));
        row.outlets.sort(Qt::CaseInsensitive);
        row.names = it->names;
        row.names.sort(Qt::CaseInsensitive);
        rows.append(std::move(row));
    }
    // The roles: one row per (article, speaker, role), so the counts are articles.
    QHash<QString, QHash<QString, qint64>> roleCounts;
    Statement roles(handle,
                    sql.with() + u"SELECT speaker, role, count(*) FROM speaker_roles WHERE "_s
                        + sql.in(u"article_id"_s) + u" GROUP BY speaker, role"_s,
                    sql.values);
    while (roles.next()) {
        const QString name = roles.text(0);
        roleCounts[aliases.value(name, name)][roles.text(1)] += roles.integer(2);
    }
    if (!roles.error().isEmpty() || cancelled(cancel))
        return R::failure(failure(roles, cancel));
    for (SourceRow &row : rows) {
        const auto counts = roleCounts.constFind(row.speaker);
        if (counts == roleCounts.cend())
            continue;
        QList<std::pair<qint64, QString>> ranked;
        for (auto it = counts->cbegin(); it != counts->cend(); ++it)
            ranked.append({ -it.value(), it.key() });
        std::sort(ranked.begin(), ranked.end());
        for (qsizetype i = 0; i < ranked.size() && i < 3; ++i)
            row.roles.append(ranked.at(i).second);
    }
    std::sort(rows.begin(), rows.end(), [](const SourceRow &a, const SourceRow &b) {
        return a.quotes != b.quotes ? a.quotes > b.quotes : a.speaker < b.speaker;
    });
    return rows;
}

Result<QList<SpeakerQuote>> quotesBy(const QSqlDatabase &db, const QString &identity, const Scope &scope,
                                     int context, int limit, const CancelFlag *cancel)
{
    using R = Result<QList<SpeakerQuote>>;
    Sql sql = scopeSql(scope);
    // The names merged into the identity, and the identity itself unless it was merged elsewhere.
    sql.ctes.append(
        u"names(n) AS (SELECT alias FROM speaker_aliases WHERE identity = ? UNION "
        u"SELECT ? WHERE NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE alias = ? AND identity <> ?))"_s);
    sql.values << identity << identity << identity << identity;
    const QString text = sql.with()
        + u"SELECT q.id, q.article_id, a.title, a.source, a.published, q.start, q.\"end\", "
          u"substr(a.body, max(q.start - ?, 0) + 1, q.start - max(q.start - ?, 0)), q.text, "
          u"substr(a.body, q.\"end\" + 1, ?) "
          u"FROM quotes q JOIN articles a ON a.id = q.article_id "
          u"WHERE q.speaker IN (SELECT n FROM names) AND "_s
        + sql.in(u"q.article_id"_s)
        + u" ORDER BY a.published IS NULL, a.published, q.article_id, q.start LIMIT ?"_s;
    sql.values << context << context << context << limit;
    CancelGuard guard(db, cancel);
    QSqlQuery query(db);
    if (!run(query, text, sql.values))
        return R::failure(failure(query, cancel));
    const auto oneLine = [](QString s) {
        s.replace(u'\n', u' ');
        s.replace(u'\r', u' ');
        s.replace(u'\t', u' ');
        return s;
    };
    QList<SpeakerQuote> rows;
    while (query.next()) {
        SpeakerQuote q;
        q.quoteId = query.value(0).toLongLong();
        q.articleId = query.value(1).toLongLong();
        q.title = query.value(2).toString();
        q.source = query.value(3).toString();
        q.published = date(query.value(4));
        q.start = query.value(5).toLongLong();
        q.end = query.value(6).toLongLong();
        q.before = oneLine(query.value(7).toString());
        q.text = oneLine(query.value(8).toString());
        q.after = oneLine(query.value(9).toString());
        rows.append(std::move(q));
    }
    if (!finished(query) || cancelled(cancel))
        return R::failure(failure(query, cancel));
    return rows;
}

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

QString figureKey(const QString &text)
{
    QString key = text.toLower();
    key.replace(u'\u2019', u'\'');
    key.replace(u'\u2018', u'\'');
    key = key.simplified();
    for (const QString &article : { u"the "_s, u"a "_s, u"an "_s }) {
        if (key.startsWith(article)) {
            key.remove(0, article.size());
            break;
        }
    }
    while (!key.isEmpty() && QStringView(u".,;:").contains(key.back()))
        key.chop(1);
    if (key.endsWith(u"'s"_s))
        key.chop(2);
    return key.trimmed();
}

namespace {

// The figure CTEs shared by figures() and figureGroups(): f (the figures in scope with their keys),
// g (the groups), c (the conflicting groups, numbered).
Sql figureSql(const Scope &scope, bool details)
{
    Sql sql = scopeSql(scope);
    // The groups need only the keys, values and articles; the rows' text is read only for rows.
    sql.ctes.append(u"f AS MATERIALIZED (SELECT "_s
                    + (details ? u"fg.id AS id, fg.start AS start, fg.text AS text, fg.unit AS unit, "
                                 u"fg.qualifier AS qualifier, fg.attributed_to AS attributed_to, "_s
                               : QString())
                    + u"fg.article_id AS article_id, fg.value AS value, lede_fold(fg.unit) AS unit_key, "
                      u"lede_fold(fg.attributed_to) AS attr_key FROM figures fg WHERE "_s
                    + sql.in(u"fg.article_id"_s) + u')');
    sql.ctes.append(
        u"g AS MATERIALIZED (SELECT unit_key, attr_key, count(*) AS n, count(DISTINCT value) AS nv, "
        u"count(DISTINCT article_id) AS na, min(value) AS mn, max(value) AS mx, "
        u"(attr_key <> '' AND count(DISTINCT value) > 1) AS conflict FROM f GROUP BY unit_key, attr_key)"_s);
    sql.ctes.append(
        u"c AS MATERIALIZED (SELECT unit_key, attr_key, row_number() OVER (ORDER BY unit_key, attr_key) AS k "
        u"FROM g WHERE conflict)"_s);
    return sql;
}

} // namespace

Result<QList<FigureRow>> figures(const QSqlDatabase &db, const Scope &scope, bool conflictsOnly,
                                 const CancelFlag *cancel)
{
    using R = Result<QList<FigureRow>>;
    if (!registerFold(db))
        return R::failure(tr("Cannot compute the insights: the library is not an SQLite connection"));
    Sql sql = figureSql(scope, true);
    const QString text = sql.with()
        + u"SELECT ifnull(c.k, 0), f.id, f.article_id, a.published, a.source, a.title, f.value, f.unit, "
          u"f.qualifier, "
          u"f.attributed_to, f.text, f.start, f.unit_key, f.attr_key FROM f JOIN articles a ON a.id = "
          u"f.article_id "
          u"LEFT JOIN c ON c.unit_key = f.unit_key AND c.attr_key = f.attr_key "_s
        + (conflictsOnly ? u"WHERE c.k IS NOT NULL "_s : QString())
        + u"ORDER BY f.unit_key, f.attr_key, a.published IS NULL, a.published, f.article_id, f.start"_s;
    CancelGuard guard(db, cancel);
    QSqlQuery query(db);
    if (!run(query, text, sql.values))
        return R::failure(failure(query, cancel));
    QList<FigureRow> rows;
    while (query.next()) {
        FigureRow r;
        r.conflictGroup = query.value(0).toInt();
        r.figureId = query.value(1).toLongLong();
        r.articleId = query.value(2).toLongLong();
        r.published = date(query.value(3));
        r.source = query.value(4).toString();
        r.title = query.value(5).toString();
        r.value = query.value(6).toDouble();
        r.unit = query.value(7).toString();
        r.qualifier = query.value(8).toString();
        r.attributedTo = query.value(9).toString();
        r.text = query.value(10).toString();
        r.start = query.value(11).toLongLong();
        r.unitKey = query.value(12).toString();
        r.attributionKey = query.value(13).toString();
        rows.append(std::move(r));
    }
    if (!finished(query) || cancelled(cancel))
        return R::failure(failure(query, cancel));
    return rows;
}

Result<QList<FigureGroup>> figureGroups(const QSqlDatabase &db, const Scope &scope, bool conflictsOnly,
                                        const CancelFlag *cancel)
{
    using R = Result<QList<FigureGroup>>;
    sqlite3 *handle = sqliteHandle(db);
    if (!handle)
        return R::failure(tr("Cannot compute the insights: the library is not an SQLite connection"));
    CancelGuard guard(db, cancel);
    // One scan of the figures; the groups are summed here (SQLite's GROUP BY with two DISTINCT
    // counts over folded keys cost over a second at 300,000 figures). Keys are compared as UTF-8
    // bytes, which is SQLite's BINARY order, so the numbering matches figures().
    struct Acc
    {
        qint64 figures = 0;
        QSet<double> values;
        QSet<qint64> articles;
        double min = 0;
        double max = 0;
    };
    std::map<std::pair<QByteArray, QByteArray>, Acc> groups;
    QHash<QByteArray, QByteArray> folded;
    auto fold = [&folded](QByteArrayView text) {
        auto it = folded.constFind(text.toByteArray());
        if (it == folded.cend())
            it = folded.insert(text.toByteArray(), figureKey(QString::fromUtf8(text)).toUtf8());
        return *it;
    };
    Sql sql = scopeSql(scope);
    Statement scan(handle,
                   sql.with() + u"SELECT unit, attributed_to, value, article_id FROM figures WHERE "_s
                       + sql.in(u"article_id"_s),
                   sql.values);
    while (scan.next()) {
        Acc &acc = groups[{ fold(scan.bytes(0)), fold(scan.bytes(1)) }];
        const double v = scan.real(2);
        acc.min = acc.figures == 0 ? v : std::min(acc.min, v);
        acc.max = acc.figures == 0 ? v : std::max(acc.max, v);
        ++acc.figures;
        acc.values.insert(v);
        acc.articles.insert(scan.integer(3));
    }
    if (!scan.error().isEmpty() || cancelled(cancel))
        return R::failure(failure(scan, cancel));
    QList<FigureGroup> rows;
    int conflicts = 0;
    for (const auto &[key, acc] : groups) {
        const bool conflict = !key.second.isEmpty() && acc.values.size() > 1;
        if (conflictsOnly && !conflict)
            continue;
        rows.append({ conflict ? ++conflicts : 0, QString::fromUtf8(key.first), QString::fromUtf8(key.second),
                      acc.figures, qint64(acc.values.size()), qint64(acc.articles.size()), acc.min,
                      acc.max });
    }
    return rows;
}

Result<qint64> utf16Offset(const QSqlDatabase &db, qint64 articleId, qint64 codePointOffset)
{
    QSqlQuery query(db);
    if (!run(query, u"SELECT substr(body, 1, ?) FROM articles WHERE id = ?"_s,
             { codePointOffset, articleId }))
        return Result<qint64>::failure(failure(query, nullptr));
    if (!query.next())
        return finished(query) ? Result<qint64>(-1) : Result<qint64>::failure(failure(query, nullptr));
    return qint64(query.value(0).toString().size());
}

Result<qint64> tagIdForPath(const QSqlDatabase &db, const QString &path)
{
    qint64 parent = 0;
    QSqlQuery query(db);
    for (const QString &part : path.split(u'/')) {
        const QString name = part.simplified();
        if (name.isEmpty())
            return qint64(0);
        if (!run(query, u"SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ?"_s,
                 { parent, name }))
            return Result<qint64>::failure(failure(query, nullptr));
        if (!query.next())
            return finished(query) ? Result<qint64>(0) : Result<qint64>::failure(failure(query, nullptr));
        parent = query.value(0).toLongLong();
    }
    return parent;
}

} // namespace Lede::Insights
