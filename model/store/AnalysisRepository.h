// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Result.h"

#include <QCoreApplication>
#include <QList>

namespace Lede {

class ArticleStore;
class CodePointMap;

// The automatic layers of each article (quotes, entities, figures), as the Analyzer found them and
// the user's corrections (CorrectionRepository) decided them. Works on the store's connection, from
// the thread that opened it; every mutating call is one transaction.
class AnalysisRepository final
{
    Q_DECLARE_TR_FUNCTIONS(Lede::AnalysisRepository)

public:
    explicit AnalysisRepository(ArticleStore &store)
        : m_store(store)
    {
    }

    // The stored layers, each item with its layer id, in start order.
    Result<AnalysisResult> analysis(qint64 articleId) const;
    // Replaces the layers with a fresh analysis, after applying the user's corrections to it, and
    // records the analyzer version.
    Status replaceAnalysis(qint64 articleId, const AnalysisResult &analysis, int analyzerVersion);
    // Articles analysed with an older analyzer (to be re-run).
    Result<QList<qint64>> articlesWithAnalyzerBelow(int analyzerVersion) const;

private:
    friend class ArticleRepository; // addArticle stores the analysis in its own transaction
    // Inserts the layers; runs inside the caller's transaction. `map` is the article body's.
    Status writeAnalysis(qint64 articleId, const CodePointMap &map, const AnalysisResult &analysis);

    ArticleStore &m_store;
};

} // namespace Lede
