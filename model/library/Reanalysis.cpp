// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reanalysis.h"

#include "analysis/Analyzer.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <limits>

namespace Lede {

bool isAnalysisOutdated(const Article &article)
{
    return article.analyzerVersion < Analyzer::Version;
}

Result<QList<qint64>> outdatedArticleIds(ArticleStore &store)
{
    return AnalysisRepository(store).articlesWithAnalyzerBelow(Analyzer::Version);
}

Status storeCurrentAnalysis(ArticleStore &store, qint64 articleId, const AnalysisResult &analysis)
{
    return AnalysisRepository(store).replaceAnalysis(articleId, analysis, Analyzer::Version);
}

Result<int> reanalyzeArticles(ArticleStore &store, const QList<qint64> &articleIds,
                              const std::function<bool(int, int)> &progress)
{
    ArticleRepository articles(store);
    QList<qint64> ids = articleIds;
    if (ids.isEmpty()) {
        // Every article: the ids of those analysed by any version (all of them).
        auto all = AnalysisRepository(store).articlesWithAnalyzerBelow(std::numeric_limits<int>::max());
        if (!all)
            return Result<int>::failure(all.errorString());
        ids = *all;
    }
    int done = 0;
    for (qint64 id : std::as_const(ids)) {
        auto article = articles.article(id);
        if (!article)
            return Result<int>::failure(article.errorString());
        if (Status s = storeCurrentAnalysis(store, id, Analyzer::analyze(*article)); !s)
            return Result<int>::failure(s.errorString());
        ++done;
        if (progress && !progress(done, int(ids.size())))
            break;
    }
    return done;
}

Result<int> reanalyzeOutdated(ArticleStore &store)
{
    auto ids = outdatedArticleIds(store);
    if (!ids)
        return Result<int>::failure(ids.errorString());
    if (ids->isEmpty())
        return 0; // an empty list would mean "every article" to reanalyzeArticles
    return reanalyzeArticles(store, *ids);
}

} // namespace Lede
