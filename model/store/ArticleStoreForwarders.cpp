// SPDX-License-Identifier: GPL-3.0-or-later
// Forwarders kept while callers move to the repositories: each ArticleStore member below is one
// call to the repository that owns its SQL, with the same signature and behaviour. New code uses
// the repositories; a forwarder goes when its last caller has moved.
#include "ArticleStore.h"

#include "AnalysisRepository.h"

namespace Lede {

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
