// SPDX-License-Identifier: GPL-3.0-or-later
#include "InsightsQuery_p.h"

#include <QSet>
#include <map>

using namespace Qt::StringLiterals;

namespace Lede::Insights {

using namespace Query;

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

// The figure CTEs shared by figures() and figureGroups(): f (the figures in scope with their keys;
// a figure that counts nothing, a bare "3" or a score "1 – 0", is no claim and is left out),
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
                      u"lede_fold(fg.attributed_to) AS attr_key FROM figures fg WHERE fg.unit <> '' AND "_s
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
    // The rows come in group order (unit key, attribution key) and each group's conflict number is
    // worked out here as the group ends: joining the rows to the conflicting groups in SQL had no
    // index to use and cost minutes at 300,000 figures.
    const QString text = sql.with()
        + u"SELECT f.id, f.article_id, a.published, a.source, a.title, f.value, f.unit, f.qualifier, "
          u"f.attributed_to, f.text, f.start, f.unit_key, f.attr_key FROM f JOIN articles a ON a.id = "
          u"f.article_id "
          u"ORDER BY f.unit_key, f.attr_key, a.published IS NULL, a.published, f.article_id, f.start"_s;
    CancelGuard guard(db, cancel);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!run(query, text, sql.values))
        return R::failure(failure(query, cancel));
    QList<FigureRow> rows;
    QList<FigureRow> group;
    QSet<double> values;
    int conflicts = 0;
    auto endGroup = [&] {
        const bool conflict
            = !group.isEmpty() && !group.first().attributionKey.isEmpty() && values.size() > 1;
        if (conflict)
            ++conflicts;
        if (conflict || !conflictsOnly) {
            for (FigureRow &r : group) {
                r.conflictGroup = conflict ? conflicts : 0;
                rows.append(std::move(r));
            }
        }
        group.clear();
        values.clear();
    };
    while (query.next()) {
        FigureRow r;
        r.figureId = query.value(0).toLongLong();
        r.articleId = query.value(1).toLongLong();
        r.published = date(query.value(2));
        r.source = query.value(3).toString();
        r.title = query.value(4).toString();
        r.value = query.value(5).toDouble();
        r.unit = query.value(6).toString();
        r.qualifier = query.value(7).toString();
        r.attributedTo = query.value(8).toString();
        r.text = query.value(9).toString();
        r.start = query.value(10).toLongLong();
        r.unitKey = query.value(11).toString();
        r.attributionKey = query.value(12).toString();
        if (!group.isEmpty()
            && (group.first().unitKey != r.unitKey || group.first().attributionKey != r.attributionKey))
            endGroup();
        values.insert(r.value);
        group.append(std::move(r));
    }
    endGroup();
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
                   sql.with()
                       + u"SELECT unit, attributed_to, value, article_id FROM figures WHERE unit <> '' AND "_s
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

} // namespace Lede::Insights
