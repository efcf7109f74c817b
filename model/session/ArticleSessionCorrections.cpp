// SPDX-License-Identifier: GPL-3.0-or-later
// ArticleSession: the user's corrections of the automatic layers, each one undo step.
#include "ArticleSession.h"
#include "ArticleSession_p.h"
#include "analysis/Analyzer.h"
#include "store/CorrectionRepository.h"

namespace Lede {

Status ArticleSession::correct(const QString &text,
                               const std::function<Status(CorrectionRepository &, qint64)> &action, qint64 itemId)
{
    if (!isOpen())
        return Status::failure(tr("No article is open."));
    CorrectionRepository repository(*m_store);
    const qint64 articleId = m_article.id;
    auto before = repository.corrections(articleId);
    if (!before)
        return Status::from(before);
    if (const Status s = action(repository, itemId); !s)
        return s;
    auto after = repository.corrections(articleId);
    auto layers = m_store->analysis(articleId);
    if (!after || !layers) {
        // Recorded, but it cannot be read back: show what the library holds, without an undo step.
        reportError(!after ? after.errorString() : layers.errorString());
        return {};
    }
    m_analysis = std::move(layers).value();
    m_articleStack->push(new CorrectionCommand(this, text, articleId, std::move(before).value(),
                                               std::move(after).value()));
    emit analysisChanged(articleId);
    emit undoStateChanged();
    return {};
}

Status ArticleSession::applyCorrectionState(qint64 articleId, const QList<LayerCorrection> &corrections)
{
    CorrectionRepository repository(*m_store);
    if (const Status s = repository.replaceCorrections(articleId, corrections); !s)
        return s;
    auto article = m_store->article(articleId);
    if (!article)
        return Status::from(article);
    if (const Status s = m_store->replaceAnalysis(articleId, Analyzer::analyze(*article), Analyzer::Version); !s)
        return s;
    if (articleId == m_article.id) {
        auto layers = m_store->analysis(articleId);
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

qint64 entityId(const AnalysisResult &analysis, int index)
{
    return index >= 0 && index < analysis.entities.size() ? analysis.entities.at(index).id : 0;
}

} // namespace

Status ArticleSession::setQuoteSpeaker(int quoteIndex, const QString &speaker)
{
    const qint64 id = quoteId(m_analysis, quoteIndex);
    if (id == 0)
        return Status::failure(tr("That quote is no longer in the article."));
    return correct(
        tr("Change speaker"),
        [&](CorrectionRepository &r, qint64 item) { return Status::from(r.setQuoteSpeaker(item, speaker)); }, id);
}

Status ArticleSession::rejectQuote(int quoteIndex)
{
    const qint64 id = quoteId(m_analysis, quoteIndex);
    if (id == 0)
        return Status::failure(tr("That quote is no longer in the article."));
    return correct(
        tr("Not a quote"), [](CorrectionRepository &r, qint64 item) { return Status::from(r.rejectQuote(item)); }, id);
}

Status ArticleSession::addQuote(Span span, const QString &speaker)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The selection is empty or outside the article text."));
    return correct(
        tr("Mark as quote"),
        [&](CorrectionRepository &r, qint64 article) { return Status::from(r.addQuote(article, span, speaker)); },
        m_article.id);
}

Status ArticleSession::setEntityType(int entityIndex, Entity::Type type)
{
    const qint64 id = entityId(m_analysis, entityIndex);
    if (id == 0)
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(
        tr("Change entity type"),
        [&](CorrectionRepository &r, qint64 item) { return Status::from(r.setEntityType(item, type)); }, id);
}

Status ArticleSession::renameEntity(int entityIndex, const QString &canonical)
{
    const qint64 id = entityId(m_analysis, entityIndex);
    if (id == 0)
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(
        tr("Rename entity"),
        [&](CorrectionRepository &r, qint64 item) { return Status::from(r.setEntityCanonical(item, canonical)); }, id);
}

Status ArticleSession::removeEntity(int entityIndex)
{
    const qint64 id = entityId(m_analysis, entityIndex);
    if (id == 0)
        return Status::failure(tr("That entity is no longer in the article."));
    return correct(
        tr("Not an entity"), [](CorrectionRepository &r, qint64 item) { return Status::from(r.removeEntity(item)); },
        id);
}

Status ArticleSession::addEntity(Span span, Entity::Type type)
{
    if (span.isEmpty() || span.start < 0 || span.end > m_article.body.size())
        return Status::failure(tr("The selection is empty or outside the article text."));
    return correct(
        tr("Mark as entity"),
        [&](CorrectionRepository &r, qint64 article) { return Status::from(r.addEntity(article, span, type, {})); },
        m_article.id);
}

} // namespace Lede
