// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleSession: the user's corrections of the automatic layers, each one undo step.
#include "ArticleSession.h"
#include "ArticleSession_p.h"
#include "analysis/Analyzer.h"
#include "library/Reanalysis.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/CorrectionRepository.h"

namespace Lede {

Status ArticleSession::correct(const QString &text,
                               const std::function<Status(CorrectionRepository &)> &action)
{
    if (!isOpen())
        return Status::failure(tr("No article is open."));
    CorrectionRepository repository(*m_store);
    const qint64 articleId = m_article.id;
    auto before = repository.corrections(articleId);
    if (!before)
        return Status::from(before);
    // Several corrections (every mention of an entity) are one action: one transaction.
    if (const Status s = m_store->beginBulk(); !s)
        return s;
    if (const Status s = action(repository); !s) {
        m_store->rollbackBulk();
        return s;
    }
    if (const Status s = m_store->commitBulk(); !s)
        return s;
    auto after = repository.corrections(articleId);
    auto layers = AnalysisRepository(*m_store).analysis(articleId);
    if (!after || !layers) {
        // Stored, but it cannot be read back: say so, without an undo step.
        reportError(!after ? after.errorString() : layers.errorString());
        return {};
    }
    m_analysis = std::move(layers).value();
    m_articleStack->push(
        new CorrectionCommand(this, text, articleId, std::move(before).value(), std::move(after).value()));
    emit analysisChanged(articleId);
    emit undoStateChanged();
    return {};
}

Status ArticleSession::applyCorrectionState(qint64 articleId, const QList<LayerCorrection> &corrections)
{
    CorrectionRepository repository(*m_store);
    if (const Status s = repository.replaceCorrections(articleId, corrections); !s)
        return s;
    auto article = ArticleRepository(*m_store).article(articleId);
    if (!article)
        return Status::from(article);
    if (const Status s = storeCurrentAnalysis(*m_store, articleId, Analyzer::analyze(*article)); !s)
        return s;
    if (articleId == m_article.id) {
        auto layers = AnalysisRepository(*m_store).analysis(articleId);
        if (!layers)
            return Status::from(layers);
        m_analysis = std::move(layers).value();
        emit analysisChanged(articleId);
    }
    return {};
}

namespace {

qint64 quoteId(const AnalysisResult &analysis, int index)
{
    return index >= 0 && index < analysis.quotes.size() ? analysis.quotes.at(index).id : 0;
}

// The stored ids of the entities at these indexes; empty when any is out of range.
QList<qint64> entityIds(const AnalysisResult &analysis, const QList<int> &indexes)
{
    QList<qint64> ids;
    for (int index : indexes) {
        if (index < 0 || index >= analysis.entities.size() || analysis.entities.at(index).id == 0)
            return {};
        ids.append(analysis.entities.at(index).id);
    }
    return ids;
}

} // namespace

Status ArticleSession::setQuoteSpeaker(int quoteIndex, const QString &speaker, const QString &undoText)
{
    const qint64 id = quoteId(m_analysis, quoteIndex);
    if (id == 0)
        return Status::failure(tr("That quote is no longer in the article."));
    return correct(undoText.isEmpty() ? tr("Change speaker") : undoText,
                   [&](CorrectionRepository &r) { return Status::from(r.setQuoteSpeaker(id, speaker)); });
}

Status ArticleSession::rejectQuote(int quoteIndex)
{
    const qint64 id = quoteId(m_analysis, quoteIndex);
    if (id == 0)
        return Status::failure(tr("That quote is no longer in the article."));
    return correct(tr("Not a quote"),
                   [&](CorrectionRepository &r) { return Status::from(r.rejectQuote(id)); });
}

Status ArticleSession::addQuote(Span span, const QString &speaker)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The selection is empty or outside the article text."));
    const qint64 articleId = m_article.id;
    return correct(tr("Mark as quote"), [&](CorrectionRepository &r) {
        return Status::from(r.addQuote(articleId, span, speaker));
    });
}

Status ArticleSession::setEntityType(const QList<int> &entityIndexes, Entity::Type type,
                                     const QString &undoText)
{
    const QList<qint64> ids = entityIds(m_analysis, entityIndexes);
    if (ids.isEmpty())
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(undoText.isEmpty() ? tr("Change entity type") : undoText, [&](CorrectionRepository &r) {
        for (qint64 id : ids) {
            if (const auto c = r.setEntityType(id, type); !c)
                return Status::from(c);
        }
        return Status();
    });
}

Status ArticleSession::renameEntity(int entityIndex, const QString &canonical)
{
    const QList<qint64> ids = entityIds(m_analysis, { entityIndex });
    if (ids.isEmpty())
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(tr("Rename entity"), [&](CorrectionRepository &r) {
        return Status::from(r.setEntityCanonical(ids.first(), canonical));
    });
}

Status ArticleSession::removeEntities(const QList<int> &entityIndexes)
{
    const QList<qint64> ids = entityIds(m_analysis, entityIndexes);
    if (ids.isEmpty())
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(tr("Not an entity"), [&](CorrectionRepository &r) {
        for (qint64 id : ids) {
            if (const auto c = r.removeEntity(id); !c)
                return Status::from(c);
        }
        return Status();
    });
}

Status ArticleSession::addEntity(Span span, Entity::Type type)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The selection is empty or outside the article text."));
    const qint64 articleId = m_article.id;
    return correct(tr("Mark as entity"), [&](CorrectionRepository &r) {
        return Status::from(r.addEntity(articleId, span, type, {}));
    });
}

} // namespace Lede
