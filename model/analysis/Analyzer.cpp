// SPDX-License-Identifier: GPL-3.0-or-later
#include "Analyzer.h"

#include "EntityRecognizer.h"
#include "FigureExtractor.h"
#include "InterviewTurns.h"
#include "QuoteDetector.h"
#include "SpeakerResolver.h"

namespace Lede {

AnalysisResult Analyzer::analyze(const Article &article)
{
    AnalysisResult result;
    result.entities = EntityRecognizer::shared().recognize(article);
    result.quotes = QuoteDetector::detect(article.body);
    SpeakerResolver::resolve(article, result.quotes, result.entities);
    InterviewTurns::apply(article.body, result.quotes, result.entities);
    result.figures = FigureExtractor::extract(article.body, result.entities);
    return result;
}

} // namespace Lede
