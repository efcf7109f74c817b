// SPDX-License-Identifier: GPL-3.0-or-later
#include "CorrectionRepository.h"

#include "AnalysisRepository.h"
#include "ArticleRepository.h"
#include "ArticleStore.h"
#include "TextOffsets.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Lede {

namespace {

bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql))
        return false;
    // A null QString would bind as SQL NULL; the text columns are NOT NULL and '' means "none".
    for (const QVariant &v : values)
        query.addBindValue(
            v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QString(u""_s)) : v);
    return query.exec();
}

QString errorOf(const QSqlQuery &query)
{
    return query.lastError().databaseText().isEmpty() ? query.lastError().text()
                                                      : query.lastError().databaseText();
}

} // namespace

// A stored layer row, with what a correction needs to know about it.
struct CorrectionRepository::Row
{
    qint64 id = 0;
    qint64 articleId = 0;
    Span span; // UTF-16
    QString canonical; // entities
    Entity::Type type = Entity::Type::Misc;
    QString body;
    CodePointMap map;
    AnalysisResult analysis; // the article's stored layers (for mentions)
};

Result<QList<LayerCorrection>> CorrectionRepository::read(const QSqlDatabase &db, qint64 articleId,
                                                          const QString &body)
{
    using R = Result<QList<LayerCorrection>>;
    const CodePointMap map(body);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!exec(query,
              u"SELECT id, layer, action, start, \"end\", value, original, type, speaker_start, speaker_end, "
              u"created_at FROM layer_corrections WHERE article_id = ? ORDER BY id"_s,
              { articleId }))
        return R::failure(tr("Cannot read the corrections: %1").arg(errorOf(query)));
    QList<LayerCorrection> out;
    while (query.next()) {
        LayerCorrection c;
        c.id = query.value(0).toLongLong();
        c.articleId = articleId;
        if (!LayerCorrection::layerFromName(query.value(1).toString(), &c.layer)
            || !LayerCorrection::actionFromName(query.value(2).toString(), &c.action))
            continue; // written by a newer Lede: not ours to apply
        c.span = map.toUtf16(Span { query.value(3).toLongLong(), query.value(4).toLongLong() });
        c.value = query.value(5).toString();
        c.original = query.value(6).toString();
        (void)entityTypeFromName(query.value(7).toString(), &c.type);
        if (!query.value(8).isNull())
            c.speakerSpan = map.toUtf16(Span { query.value(8).toLongLong(), query.value(9).toLongLong() });
        c.createdAt = QDateTime::fromString(query.value(10).toString(), Qt::ISODate);
        out.append(c);
    }
    if (query.lastError().isValid())
        return R::failure(tr("Cannot read the corrections: %1").arg(errorOf(query)));
    return out;
}

Result<QList<LayerCorrection>> CorrectionRepository::corrections(qint64 articleId) const
{
    auto article = ArticleRepository(m_store).article(articleId);
    if (!article)
        return Result<QList<LayerCorrection>>::failure(article.errorString());
    return read(m_store.database(), articleId, article->body);
}

Status CorrectionRepository::replaceCorrections(qint64 articleId, const QList<LayerCorrection> &corrections)
{
    auto article = ArticleRepository(m_store).article(articleId);
    if (!article)
        return Status::from(article);
    const CodePointMap map(article->body);
    const bool ownTransaction = !m_store.inBulk();
    if (ownTransaction) {
        if (Status s = m_store.beginBulk(); !s)
            return s;
    }
    auto fail = [&](const QString &message) {
        if (ownTransaction)
            m_store.rollbackBulk();
        return Status::failure(tr("Cannot store the correction: %1").arg(message));
    };
    QSqlQuery query(m_store.database());
    if (!exec(query, u"DELETE FROM layer_corrections WHERE article_id = ?"_s, { articleId }))
        return fail(errorOf(query));
    for (const LayerCorrection &c : corrections) {
        const Span cp = map.toCodePoints(c.span);
        QVariant speakerStart;
        QVariant speakerEnd;
        if (c.speakerSpan) {
            const Span sp = map.toCodePoints(*c.speakerSpan);
            speakerStart = qint64(sp.start);
            speakerEnd = qint64(sp.end);
        }
        const bool typed = c.action == LayerCorrection::Action::SetType
            || (c.action == LayerCorrection::Action::Add && c.layer == LayerCorrection::Layer::Entity);
        if (!exec(query,
                  u"INSERT INTO layer_corrections (id, article_id, layer, action, start, \"end\", value, "
                  u"original, type, "
                  u"speaker_start, speaker_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  { c.id, articleId, LayerCorrection::layerName(c.layer),
                    LayerCorrection::actionName(c.action), qint64(cp.start), qint64(cp.end), c.value,
                    c.original, typed ? entityTypeName(c.type) : QString(u""_s), speakerStart, speakerEnd,
                    c.createdAt.toString(Qt::ISODate) }))
            return fail(errorOf(query));
    }
    if (ownTransaction) {
        if (Status s = m_store.commitBulk(); !s)
            return Status::failure(tr("Cannot store the correction: %1").arg(s.errorString()));
    }
    return {};
}

Result<CorrectionRepository::Row> CorrectionRepository::row(const char *table, qint64 id) const
{
    using R = Result<Row>;
    const bool quote = qstrcmp(table, "quotes") == 0;
    Row r;
    {
        QSqlQuery query(m_store.database());
        const QString sql = quote
            ? u"SELECT article_id, start, \"end\", '', '' FROM quotes WHERE id = ?"_s
            : u"SELECT article_id, start, \"end\", canonical, type FROM entities WHERE id = ?"_s;
        if (!exec(query, sql, { id }))
            return R::failure(errorOf(query));
        if (!query.next())
            return R::failure(
                quote ? tr("There is no quote %1 in the library (see 'lede layers ARTICLE_ID')").arg(id)
                      : tr("There is no entity %1 in the library (see 'lede layers ARTICLE_ID')").arg(id));
        r.id = id;
        r.articleId = query.value(0).toLongLong();
        r.span = Span { query.value(1).toLongLong(), query.value(2).toLongLong() }; // code points for now
        r.canonical = query.value(3).toString();
        (void)entityTypeFromName(query.value(4).toString(), &r.type);
    }
    auto article = ArticleRepository(m_store).article(r.articleId);
    if (!article)
        return R::failure(article.errorString());
    r.body = article->body;
    r.map = CodePointMap(r.body);
    r.span = r.map.toUtf16(r.span);
    auto layers = AnalysisRepository(m_store).analysis(r.articleId);
    if (!layers)
        return R::failure(layers.errorString());
    r.analysis = *layers;
    return r;
}

// Writes the correction and changes the stored rows as it decides, in one transaction.
Result<LayerCorrection> CorrectionRepository::record(LayerCorrection c, const Row &r)
{
    using R = Result<LayerCorrection>;
    using A = LayerCorrection::Action;
    const bool ownTransaction = !m_store.inBulk();
    if (ownTransaction) {
        if (Status s = m_store.beginBulk(); !s)
            return R::failure(s.errorString());
    }
    auto fail = [&](const QString &message) {
        if (ownTransaction)
            m_store.rollbackBulk();
        return R::failure(tr("Cannot store the correction: %1").arg(message));
    };
    c.articleId = r.articleId;
    c.createdAt = QDateTime::currentDateTimeUtc();
    const Span cp = r.map.toCodePoints(c.span);
    const bool quote = c.layer == LayerCorrection::Layer::Quote;
    {
        QSqlQuery query(m_store.database());
        // A newer decision about the same item replaces the older one of its kind (a quote has one
        // speaker; "not a quote" and "speaker" exclude each other).
        const QStringList superseded = quote ? QStringList { u"speaker"_s, u"reject"_s, u"add"_s }
            : c.action == A::SetCanonical    ? QStringList { u"canonical"_s }
                                             : QStringList { u"type"_s, u"remove"_s, u"add"_s };
        {
            QString list;
            for (const QString &a : superseded)
                list += (list.isEmpty() ? u"'"_s : u", '"_s) + a + u'\'';
            if (!exec(query,
                      u"DELETE FROM layer_corrections WHERE article_id = ? AND layer = ? AND start = ? AND "
                      u"\"end\" = ? "
                      u"AND action IN ("_s
                          + list + u')',
                      { c.articleId, LayerCorrection::layerName(c.layer), qint64(cp.start), qint64(cp.end) }))
                return fail(errorOf(query));
        }
        QVariant speakerStart;
        QVariant speakerEnd;
        if (c.speakerSpan) {
            const Span sp = r.map.toCodePoints(*c.speakerSpan);
            speakerStart = qint64(sp.start);
            speakerEnd = qint64(sp.end);
        }
        if (!exec(query,
                  u"INSERT INTO layer_corrections (article_id, layer, action, start, \"end\", value, "
                  u"original, type, "
                  u"speaker_start, speaker_end, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  { c.articleId, LayerCorrection::layerName(c.layer), LayerCorrection::actionName(c.action),
                    qint64(cp.start), qint64(cp.end), c.value, c.original,
                    (c.action == A::SetType || (c.action == A::Add && !quote)) ? entityTypeName(c.type)
                                                                               : QString(u""_s),
                    speakerStart, speakerEnd, c.createdAt.toString(Qt::ISODate) }))
            return fail(errorOf(query));
        c.id = query.lastInsertId().toLongLong();

        // The stored layer, changed in place the way applyCorrections() would change a fresh one.
        bool ok = true;
        switch (c.action) {
        case A::SetSpeaker:
            ok = exec(query,
                      u"UPDATE quotes SET speaker = ?, speaker_start = ?, speaker_end = ?, cue = NULL, "
                      u"corrected = 1 "
                      u"WHERE id = ?"_s,
                      { c.value.isEmpty() ? QVariant() : QVariant(c.value), speakerStart, speakerEnd, r.id });
            break;
        case A::Reject:
            ok = exec(query, u"DELETE FROM quotes WHERE id = ?"_s, { r.id });
            break;
        case A::SetType:
            ok = exec(query, u"UPDATE entities SET type = ?, corrected = 1 WHERE id = ?"_s,
                      { entityTypeName(c.type), r.id });
            break;
        case A::Remove:
            ok = exec(query, u"DELETE FROM entities WHERE id = ?"_s, { r.id });
            break;
        case A::SetCanonical:
            ok = exec(
                     query,
                     u"UPDATE entities SET canonical = ?, corrected = 1 WHERE article_id = ? AND (canonical = ? OR id = ?)"_s,
                     { c.value, c.articleId, c.original, r.id })
                && exec(query, u"UPDATE quotes SET speaker = ? WHERE article_id = ? AND speaker = ?"_s,
                        { c.value, c.articleId, c.original });
            break;
        case A::Add:
            if (quote) {
                ok = exec(
                    query,
                    u"INSERT INTO quotes (article_id, start, \"end\", text, kind, speaker, speaker_start, "
                    u"speaker_end, cue, corrected) VALUES (?, ?, ?, ?, 'direct', ?, ?, ?, NULL, 1)"_s,
                    { c.articleId, qint64(cp.start), qint64(cp.end),
                      r.body.mid(c.span.start, c.span.length()),
                      c.value.isEmpty() ? QVariant() : QVariant(c.value), speakerStart, speakerEnd });
            } else {
                const QString text = r.body.mid(c.span.start, c.span.length());
                ok = exec(
                    query,
                    u"INSERT INTO entities (article_id, start, \"end\", text, type, canonical, corrected) "
                    u"VALUES (?, ?, ?, ?, ?, ?, 1)"_s,
                    { c.articleId, qint64(cp.start), qint64(cp.end), text, entityTypeName(c.type),
                      c.value.isEmpty() ? text : c.value });
            }
            break;
        }
        if (!ok)
            return fail(errorOf(query));
    }
    if (ownTransaction) {
        if (Status s = m_store.commitBulk(); !s)
            return R::failure(tr("Cannot store the correction: %1").arg(s.errorString()));
    }
    return c;
}

Result<LayerCorrection> CorrectionRepository::setQuoteSpeaker(qint64 quoteId, const QString &speaker)
{
    auto r = row("quotes", quoteId);
    if (!r)
        return Result<LayerCorrection>::failure(r.errorString());
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Quote;
    c.action = LayerCorrection::Action::SetSpeaker;
    c.span = r->span;
    c.value = speaker.simplified();
    c.speakerSpan = nearestMention(c.value, c.span, r->body, r->analysis.entities);
    return record(c, *r);
}

Result<LayerCorrection> CorrectionRepository::rejectQuote(qint64 quoteId)
{
    auto r = row("quotes", quoteId);
    if (!r)
        return Result<LayerCorrection>::failure(r.errorString());
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Quote;
    c.action = LayerCorrection::Action::Reject;
    c.span = r->span;
    return record(c, *r);
}

Result<LayerCorrection> CorrectionRepository::setEntityType(qint64 entityId, Entity::Type type)
{
    auto r = row("entities", entityId);
    if (!r)
        return Result<LayerCorrection>::failure(r.errorString());
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Entity;
    c.action = LayerCorrection::Action::SetType;
    c.span = r->span;
    c.type = type;
    return record(c, *r);
}

Result<LayerCorrection> CorrectionRepository::setEntityCanonical(qint64 entityId, const QString &canonical)
{
    auto r = row("entities", entityId);
    if (!r)
        return Result<LayerCorrection>::failure(r.errorString());
    const QString name = canonical.simplified();
    if (name.isEmpty())
        return Result<LayerCorrection>::failure(tr("A canonical name cannot be empty"));
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Entity;
    c.action = LayerCorrection::Action::SetCanonical;
    c.span = r->span;
    c.value = name;
    c.original = r->canonical;
    return record(c, *r);
}

Result<LayerCorrection> CorrectionRepository::removeEntity(qint64 entityId)
{
    auto r = row("entities", entityId);
    if (!r)
        return Result<LayerCorrection>::failure(r.errorString());
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Entity;
    c.action = LayerCorrection::Action::Remove;
    c.span = r->span;
    return record(c, *r);
}

namespace {

// A row for an item that is not stored yet: the article and its text.
Result<CodePointMap> articleMap(ArticleStore &store, qint64 articleId, const Span &span, QString *body,
                                AnalysisResult *layers)
{
    auto article = ArticleRepository(store).article(articleId);
    if (!article)
        return Result<CodePointMap>::failure(article.errorString());
    if (span.start < 0 || span.end > article->body.size() || span.isEmpty())
        return Result<CodePointMap>::failure(
            QCoreApplication::translate("Lede::CorrectionRepository", "The passage is outside article %1")
                .arg(articleId));
    *body = article->body;
    auto stored = AnalysisRepository(store).analysis(articleId);
    if (!stored)
        return Result<CodePointMap>::failure(stored.errorString());
    *layers = *stored;
    return CodePointMap(*body);
}

} // namespace

Result<LayerCorrection> CorrectionRepository::addQuote(qint64 articleId, const Span &span,
                                                       const QString &speaker)
{
    Row r;
    auto map = articleMap(m_store, articleId, span, &r.body, &r.analysis);
    if (!map)
        return Result<LayerCorrection>::failure(map.errorString());
    r.articleId = articleId;
    r.map = *map;
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Quote;
    c.action = LayerCorrection::Action::Add;
    c.span = span;
    c.value = speaker.simplified();
    c.speakerSpan = nearestMention(c.value, span, r.body, r.analysis.entities);
    return record(c, r);
}

Result<LayerCorrection> CorrectionRepository::addEntity(qint64 articleId, const Span &span, Entity::Type type,
                                                        const QString &canonical)
{
    Row r;
    auto map = articleMap(m_store, articleId, span, &r.body, &r.analysis);
    if (!map)
        return Result<LayerCorrection>::failure(map.errorString());
    r.articleId = articleId;
    r.map = *map;
    LayerCorrection c;
    c.layer = LayerCorrection::Layer::Entity;
    c.action = LayerCorrection::Action::Add;
    c.span = span;
    c.type = type;
    c.value = canonical.simplified();
    return record(c, r);
}

} // namespace Lede
