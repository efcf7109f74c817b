// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"
#include "Result.h"

#include <QList>
#include <functional>

namespace Lede {

class ArticleStore;

// The one policy for an outdated analysis. Stored layers carry the Analyzer::Version that made them;
// layers made by an older version are outdated and are analysed again with today's analyzer. Every
// caller (the open article in the window, the import and export commands, `lede reanalyze`) asks
// here rather than comparing versions itself.

// True when the article's stored layers come from an older analyzer than today's.
bool isAnalysisOutdated(const Article &article);

// The ids of the articles whose stored layers are outdated, in id order.
Result<QList<qint64>> outdatedArticleIds(ArticleStore &store);

// Stores `analysis`, made by today's analyzer from the article's stored text, as the article's layers
// (one transaction; the user's corrections are applied to it again, see
// AnalysisRepository::replaceAnalysis) and marks them current.
Status storeCurrentAnalysis(ArticleStore &store, qint64 articleId, const AnalysisResult &analysis);

// Analyses stored articles again with today's analyzer and stores the fresh layers, one transaction
// per article (a failure leaves that article's old layers whole). The user's corrections are
// applied again (AnalysisRepository::replaceAnalysis), so none is lost. `articleIds` empty means every
// article. `progress(done, total)` may return false to stop after the article in hand. Returns how
// many articles were analysed.
Result<int> reanalyzeArticles(ArticleStore &store, const QList<qint64> &articleIds,
                              const std::function<bool(int done, int total)> &progress = {});

// Analyses again the articles whose layers are outdated (isAnalysisOutdated), one transaction each.
// Returns how many were updated, or the first error.
Result<int> reanalyzeOutdated(ArticleStore &store);

} // namespace Lede
