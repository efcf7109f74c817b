// SPDX-License-Identifier: GPL-3.0-or-later
// Forwarders kept while callers move to the repositories: each ArticleStore member below is one
// call to the repository that owns its SQL, with the same signature and behaviour. New code uses
// the repositories; a forwarder goes when its last caller has moved.
#include "ArticleStore.h"

#include "AnalysisRepository.h"
#include "ArticleRepository.h"

namespace Lede {

// ---- ArticleRepository ----------------------------------------------------------------------

QString ArticleStore::ftsMatchQuery(const QString &text)
{
    return ArticleRepository::ftsMatchQuery(text);
}

Result<qint64> ArticleStore::addArticle(const Article &article, const AnalysisResult &analysis, int analyzerVersion,
                                        bool *alreadyPresent)
{
    return ArticleRepository(*this).addArticle(article, analysis, analyzerVersion, alreadyPresent);
}

Result<std::optional<qint64>> ArticleStore::findArticleByHash(const QString &contentHash) const
{
    return ArticleRepository(self()).findArticleByHash(contentHash);
}

Result<Article> ArticleStore::article(qint64 id) const
{
    return ArticleRepository(self()).article(id);
}

Result<QList<ArticleSummary>> ArticleStore::articles(const ArticleQuery &query) const
{
    return ArticleRepository(self()).articles(query);
}

Result<int> ArticleStore::articleCount(const ArticleQuery &query) const
{
    return ArticleRepository(self()).articleCount(query);
}

Status ArticleStore::removeArticle(qint64 id)
{
    return ArticleRepository(*this).removeArticle(id);
}

// ---- AnalysisRepository ---------------------------------------------------------------------

Result<AnalysisResult> ArticleStore::analysis(qint64 articleId) const
{
    return AnalysisRepository(self()).analysis(articleId);
}

Status ArticleStore::replaceAnalysis(qint64 articleId, const AnalysisResult &analysis, int analyzerVersion)
{
    return AnalysisRepository(*this).replaceAnalysis(articleId, analysis, analyzerVersion);
}

Result<QList<qint64>> ArticleStore::articlesWithAnalyzerBelow(int analyzerVersion) const
{
    return AnalysisRepository(self()).articlesWithAnalyzerBelow(analyzerVersion);
}

} // namespace Lede
