// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <functional>

namespace Lede {

class ArticleStore;

// Analyses stored articles again with today's analyzer and stores the fresh layers, one transaction
// per article (a failure leaves that article's old layers whole). The user's corrections are
// applied again (AnalysisRepository::replaceAnalysis), so none is lost. `articleIds` empty means every
// article. `progress(done, total)` may return false to stop after the article in hand. Returns how
// many articles were analysed.
Result<int> reanalyzeArticles(ArticleStore &store, const QList<qint64> &articleIds,
                              const std::function<bool(int done, int total)> &progress = {});

} // namespace Lede
