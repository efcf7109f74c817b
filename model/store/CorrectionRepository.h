// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Correction.h"
#include "Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace Lede {

class ArticleStore;

// The user's corrections of the automatic layers (see Correction.h), stored in the library.
//
// Every call is one transaction: it records the decision and changes the stored layer row in place
// (so the layer ids that `lede layers` printed stay valid for the other rows). Re-analysis
// (AnalysisRepository::replaceAnalysis) applies the recorded decisions to the fresh layers again.
// Items are named by their layer id: the `id` of a Quote or Entity read from
// AnalysisRepository::analysis().
// On failure nothing is written and the Result carries a one-line message.
class CorrectionRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::CorrectionRepository)

public:
    explicit CorrectionRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    Result<QList<LayerCorrection>> corrections(qint64 articleId) const;

    // Quotes. A speaker's mention (speakerSpan) is the nearest mention of the name in the text, or
    // none; an empty name means "speaker unknown".
    Result<LayerCorrection> setQuoteSpeaker(qint64 quoteId, const QString &speaker);
    Result<LayerCorrection> rejectQuote(qint64 quoteId);
    Result<LayerCorrection> addQuote(qint64 articleId, const Span &span, const QString &speaker);

    // Entities. setEntityCanonical renames the whole entity (every mention with the same canonical
    // name, and the quotes given to it); naming another entity's canonical merges the two.
    Result<LayerCorrection> setEntityType(qint64 entityId, Entity::Type type);
    Result<LayerCorrection> setEntityCanonical(qint64 entityId, const QString &canonical);
    Result<LayerCorrection> removeEntity(qint64 entityId);
    Result<LayerCorrection> addEntity(qint64 articleId, const Span &span, Entity::Type type,
                                      const QString &canonical);

    // Undo and redo of a correction in the window: the article's corrections become exactly
    // `corrections` (ids kept), as corrections() returned them at some earlier point. The stored
    // layers are not touched: the caller analyses the article again
    // (AnalysisRepository::replaceAnalysis applies the corrections). Joins the open bulk
    // transaction, if any.
    Status replaceCorrections(qint64 articleId, const QList<LayerCorrection> &corrections);

    // For AnalysisRepository: the article's corrections, oldest first, with spans in UTF-16 of `body`.
    static Result<QList<LayerCorrection>> read(const QSqlDatabase &db, qint64 articleId, const QString &body);

private:
    struct Row;
    Result<Row> row(const char *table, qint64 id) const;
    Result<LayerCorrection> record(LayerCorrection correction, const Row &row);

    ArticleStore &m_store;
};

} // namespace Lede
