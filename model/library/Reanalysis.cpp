// SPDX-License-Identifier: GPL-3.0-or-later
#include "Reanalysis.h"

#include "analysis/Analyzer.h"
#include "store/AnalysisRepository.h"
#include "store/ArticleRepository.h"
#include "store/ArticleStore.h"

#include <limits>

namespace Lede {

Result<int> reanalyzeArticles(ArticleStore &store, const QList<qint64> &articleIds,
                              const std::function<bool(int, int)> &progress)
{
    ArticleRepository articles(store);
    AnalysisRepository layers(store);
    QList<qint64> ids = articleIds;
    if (ids.isEmpty()) {
        // Every article: the ids of those analysed by any version (all of them).
        auto all = layers.articlesWithAnalyzerBelow(std::numeric_limits<int>::max());
        if (!all)
            return Result<int>::failure(all.errorString());
        ids = *all;
    }
    int done = 0;
    for (qint64 id : std::as_const(ids)) {
        auto article = articles.article(id);
        if (!article)
            return Result<int>::failure(article.errorString());
        if (Status s = layers.replaceAnalysis(id, Analyzer::analyze(*article), Analyzer::Version); !s)
            return Result<int>::failure(s.errorString());
        ++done;
        if (progress && !progress(done, int(ids.size())))
            break;
    }
    return done;
}

} // namespace Lede
