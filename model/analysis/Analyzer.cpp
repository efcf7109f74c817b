// SPDX-License-Identifier: GPL-3.0-or-later
#include "Analyzer.h"

#include "EntityRecognizer.h"
#include "FigureExtractor.h"
#include "InterviewTurns.h"
#include "LanguageGuess.h"
#include "QuoteDetector.h"
#include "SpeakerResolver.h"
#include "TokenStream.h"

#include <QSet>

namespace Lede {

AnalysisResult Analyzer::analyze(const Article &article)
{
    AnalysisResult result;
    const TokenStream tokens(article.body);
    if (!LanguageGuess::looksEnglish(tokens)) {
        // Names and speakers are read with English words and grammar: in another language they would
        // be guesses. Quotation marks pair the same way; figures are read as in English (a German
        // "1.000" or "12,7" is misread), which still finds most numbers of a text.
        result.english = false;
        result.quotes = QuoteDetector::detect(article.body);
        result.figures = FigureExtractor::extract(article.body, {});
        return result;
    }
    result.entities = EntityRecognizer::shared().recognize(article, tokens);
    result.quotes = QuoteDetector::detect(article.body);
    SpeakerResolver::resolve(article, tokens, result.quotes, result.entities, &result.speakerRoles);
    InterviewTurns::apply(article.body, result.quotes, result.entities);
    // An interview turn may have given a quote another speaker: keep the roles of the final ones.
    QSet<QString> speakers;
    for (const Quote &q : std::as_const(result.quotes))
        speakers.insert(q.speaker);
    result.speakerRoles.removeIf([&speakers](const SpeakerRole &r) { return !speakers.contains(r.speaker); });
    result.figures = FigureExtractor::extract(article.body, result.entities);
    return result;
}

} // namespace Lede
