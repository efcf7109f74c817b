// SPDX-License-Identifier: GPL-3.0-or-later
#include "Insights.h"

#include "InsightsQuery_p.h"

#include <QSet>
#include <QSqlError>
#include <limits>

using namespace Qt::StringLiterals;

namespace Lede::Insights {

using namespace Query;

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
    // A large scope is checked here, as for the quotes above.
    Statement roles(handle,
                    filterHere ? u"SELECT speaker, role, article_id FROM speaker_roles"_s
                               : sql.with() + u"SELECT speaker, role, count(*) FROM speaker_roles WHERE "_s
                            + sql.in(u"article_id"_s) + u" GROUP BY speaker, role"_s,
                    filterHere ? QVariantList() : sql.values);
    while (roles.next()) {
        if (filterHere && !inScope.contains(roles.integer(2)))
            continue;
        const QString name = roles.text(0);
        roleCounts[aliases.value(name, name)][roles.text(1)] += filterHere ? 1 : roles.integer(2);
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
