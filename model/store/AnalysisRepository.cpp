// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnalysisRepository.h"

#include "ArticleStore.h"
#include "Correction.h"
#include "CorrectionRepository.h"
#include "StoreInternal_p.h"
#include "TextOffsets.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Lede {

using namespace StoreInternal;

Status AnalysisRepository::writeAnalysis(qint64 articleId, const CodePointMap &map,
                                         const AnalysisResult &analysis)
{
    StatementCache &statements = StoreAccess(m_store).statements();
    auto failed = [&statements] {
        return Status::failure(tr("Cannot store the analysis: %1").arg(cacheError(statements)));
    };
    for (const Quote &q : analysis.quotes) {
        const Span cp = map.toCodePoints(q.span);
        auto stmt = statements.statement("INSERT INTO quotes (article_id, start, \"end\", text, kind, "
                                         "speaker, speaker_start, speaker_end, cue, "
                                         "corrected) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        stmt.bind(1, articleId).bind(2, qint64(cp.start)).bind(3, qint64(cp.end)).bind(4, q.text);
        stmt.bind(5, quoteKindName(q.kind));
        if (q.speaker.isEmpty())
            stmt.bindNull(6);
        else
            stmt.bind(6, q.speaker);
        if (q.speakerSpan) {
            const Span sp = map.toCodePoints(*q.speakerSpan);
            stmt.bind(7, qint64(sp.start)).bind(8, qint64(sp.end));
        } else {
            stmt.bindNull(7).bindNull(8);
        }
        if (q.cue.isEmpty())
            stmt.bindNull(9);
        else
            stmt.bind(9, q.cue);
        stmt.bind(10, qint64(q.corrected ? 1 : 0));
        if (!stmt.run())
            return failed();
    }
    for (const Entity &e : analysis.entities) {
        const Span cp = map.toCodePoints(e.span);
        auto stmt = statements.statement(
            "INSERT INTO entities (article_id, start, \"end\", text, type, canonical, corrected) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        stmt.bind(1, articleId).bind(2, qint64(cp.start)).bind(3, qint64(cp.end)).bind(4, e.text);
        stmt.bind(5, entityTypeName(e.type)).bind(6, e.canonical.isEmpty() ? e.text : e.canonical);
        stmt.bind(7, qint64(e.corrected ? 1 : 0));
        if (!stmt.run())
            return failed();
    }
    for (const Figure &f : analysis.figures) {
        const Span cp = map.toCodePoints(f.span);
        auto stmt = statements.statement(
            "INSERT INTO figures (article_id, start, \"end\", text, value, unit, qualifier, attributed_to) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        stmt.bind(1, articleId)
            .bind(2, qint64(cp.start))
            .bind(3, qint64(cp.end))
            .bind(4, f.text)
            .bind(5, f.value);
        stmt.bind(6, f.unit).bind(7, f.qualifier).bind(8, f.attributedTo);
        if (!stmt.run())
            return failed();
    }
    for (const SpeakerRole &r : analysis.speakerRoles) {
        auto stmt = statements.statement(
            "INSERT OR IGNORE INTO speaker_roles (article_id, speaker, role) VALUES (?1, ?2, ?3)");
        stmt.bind(1, articleId).bind(2, r.speaker).bind(3, r.role);
        if (!stmt.run())
            return failed();
    }
    return {};
}

Result<AnalysisResult> AnalysisRepository::analysis(qint64 articleId) const
{
    using R = Result<AnalysisResult>;
    const StoreAccess store(m_store);
    const auto text = store.texts().text(store.database(), articleId);
    if (!text)
        return R::failure(text.errorString());
    const CodePointMap &map = (*text)->map;
    AnalysisResult out;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    if (!execute(
            query,
            u"SELECT start, \"end\", text, kind, speaker, speaker_start, speaker_end, cue, id, corrected "
            u"FROM quotes WHERE article_id = ? ORDER BY start, id"_s,
            { articleId }))
        return R::failure(queryError(query));
    while (query.next()) {
        Quote q;
        q.span = map.toUtf16(Span { query.value(0).toLongLong(), query.value(1).toLongLong() });
        q.text = query.value(2).toString();
        const QString kind = query.value(3).toString();
        q.kind = kind == u"partial"_s ? Quote::Kind::Partial
            : kind == u"scare"_s      ? Quote::Kind::Scare
                                      : Quote::Kind::Direct;
        q.speaker = query.value(4).toString();
        if (!query.value(5).isNull())
            q.speakerSpan = map.toUtf16(Span { query.value(5).toLongLong(), query.value(6).toLongLong() });
        q.cue = query.value(7).toString();
        q.id = query.value(8).toLongLong();
        q.corrected = query.value(9).toInt() != 0;
        out.quotes.append(q);
    }
    if (!execute(
            query,
            u"SELECT start, \"end\", text, type, canonical, id, corrected FROM entities WHERE article_id = ? "
            u"ORDER BY start, id"_s,
            { articleId }))
        return R::failure(queryError(query));
    while (query.next()) {
        Entity e;
        e.span = map.toUtf16(Span { query.value(0).toLongLong(), query.value(1).toLongLong() });
        e.text = query.value(2).toString();
        if (!entityTypeFromName(query.value(3).toString(), &e.type))
            e.type = Entity::Type::Misc;
        e.canonical = query.value(4).toString();
        e.id = query.value(5).toLongLong();
        e.corrected = query.value(6).toInt() != 0;
        out.entities.append(e);
    }
    if (!execute(query,
                 u"SELECT start, \"end\", text, value, unit, qualifier, attributed_to, id FROM figures "
                 u"WHERE article_id = ? ORDER BY start, id"_s,
                 { articleId }))
        return R::failure(queryError(query));
    while (query.next()) {
        Figure f;
        f.span = map.toUtf16(Span { query.value(0).toLongLong(), query.value(1).toLongLong() });
        f.text = query.value(2).toString();
        f.value = query.value(3).toDouble();
        f.unit = query.value(4).toString();
        f.qualifier = query.value(5).toString();
        f.attributedTo = query.value(6).toString();
        f.id = query.value(7).toLongLong();
        out.figures.append(f);
    }
    if (!execute(query,
                 u"SELECT speaker, role FROM speaker_roles WHERE article_id = ? ORDER BY speaker, role"_s,
                 { articleId }))
        return R::failure(queryError(query));
    while (query.next())
        out.speakerRoles.append(SpeakerRole { query.value(0).toString(), query.value(1).toString() });
    return out;
}

Status AnalysisRepository::replaceAnalysis(qint64 articleId, const AnalysisResult &analysis,
                                           int analyzerVersion)
{
    const StoreAccess store(m_store);
    QSqlDatabase db = store.database();
    Transaction tx(store);
    if (!tx.active())
        return Status::failure(tr("Cannot write to the library: %1").arg(tx.error()));
    QSqlQuery query(db);
    if (!execute(query, u"SELECT body FROM articles WHERE id = ?"_s, { articleId }))
        return Status::failure(queryError(query));
    if (!query.next())
        return Status::failure(tr("There is no article %1 in the library").arg(articleId));
    const QString body = query.value(0).toString();
    for (const QString &table : { u"quotes"_s, u"entities"_s, u"figures"_s, u"speaker_roles"_s }) {
        if (!execute(query, u"DELETE FROM "_s + table + u" WHERE article_id = ?"_s, { articleId }))
            return Status::failure(queryError(query));
    }
    // The user's corrections outlive every re-analysis: they are applied to the fresh layers before
    // these are stored.
    auto corrections = CorrectionRepository::read(db, articleId, body);
    if (!corrections)
        return Status::failure(corrections.errorString());
    AnalysisResult corrected = analysis;
    applyCorrections(corrected, *corrections, body);
    if (auto s = writeAnalysis(articleId, CodePointMap(body), corrected); !s)
        return s;
    if (!execute(query, u"UPDATE articles SET analyzer_version = ? WHERE id = ?"_s,
                 { analyzerVersion, articleId }))
        return Status::failure(queryError(query));
    if (!tx.commit())
        return Status::failure(tx.error());
    return {};
}

Result<QList<qint64>> AnalysisRepository::articlesWithAnalyzerBelow(int analyzerVersion) const
{
    QSqlQuery query(m_store.database());
    if (!execute(query, u"SELECT id FROM articles WHERE analyzer_version < ? ORDER BY id"_s,
                 { analyzerVersion }))
        return Result<QList<qint64>>::failure(queryError(query));
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

} // namespace Lede
