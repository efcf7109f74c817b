// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"

namespace Lede {

// Runs the whole text analysis of one article: entities first (the other passes use them), then
// quotes with their speakers, then figures. Deterministic, thread-safe, never fails: text it cannot
// make sense of simply yields fewer results.
class Analyzer final
{
public:
    // Stored with every article; articles analysed with an older version are analysed again.
    // Bump it whenever a change to model/analysis changes results.
    static constexpr int Version = 20;

    static AnalysisResult analyze(const Article &article);
};

} // namespace Lede
