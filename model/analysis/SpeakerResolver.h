// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"
#include "Article.h"

#include <QList>

namespace Lede {

class TokenStream;

// Attributes each Direct or Partial quote found by QuoteDetector to the person or organisation that
// said it. For every quote it can attribute it fills:
//   speaker     the full resolved name: "Antony Blinken" (titles such as "Secretary of State",
//               "Mayor", "Dr." stripped), an organisation without its article ("White House"), or,
//               when a common noun phrase cannot be tied to a name, the phrase as written with a
//               lower-case article ("the draft", "a police spokesman");
//   speakerSpan the mention the attribution uses: "he", "Blinken", "the White House", "the minister";
//               a quote that borrows its speaker from another quote shares that quote's mention;
//               empty when the speaker comes only from the paragraph's focus;
//   cue         the speech verb as written ("said", "told", "reiterated"), empty when none.
//
// Rules, in order: the attribution after the quote in the same sentence (`“…,” Blinken said`,
// `“…,” said analyst Jane Roe`); else the one before it (`X told Reuters: “…”`, `X said that …
// “partial”`); else the speaker of the previous quote in the same sentence or paragraph (interrupted
// and follow-up quotes), the whole run of a multi-paragraph quote, the next attributed quote of the
// paragraph, a colon introduction closing the previous paragraph, and for a quote that opens a
// paragraph the person in focus. "he"/"she" resolve to the latest person who was a sentence subject
// or a quoted speaker (mentions after "with", "met", "told"... are objects and do not take the focus),
// skipping people whose gender is known to differ; "it" to the latest organisation; "they" stays
// unresolved. Role nouns ("the mayor", "the chief engineer", "the firm") resolve to the person or
// organisation named with that role or title in the article.
//
// `entities` may be empty or imperfect: when an entity overlaps a mention its type and canonical name
// win, otherwise capitalised-name heuristics (NameHeuristics) decide, and a surname maps to the
// longest full name in the article that ends with it. Quotes inside byline, dateline, credit and
// heading blocks, Scare quotes and quotes whose span does not fit the body are left unattributed.
// Never fails and never throws; what cannot be resolved stays empty.
class SpeakerResolver final
{
public:
    // `roles`, when given, receives the roles the article gives each speaker found (titles before
    // the name, role words and appositives: "Secretary of State", "analyst", ", the chief engineer,").
    static void resolve(const Article &article, QList<Quote> &quotes, const QList<Entity> &entities,
                        QList<SpeakerRole> *roles = nullptr);
    // The same reading the article's token stream, built on article.body, which Analyzer has built
    // for all its passes: the resolver takes its words from it instead of scanning the text again.
    static void resolve(const Article &article, const TokenStream &tokens, QList<Quote> &quotes,
                        const QList<Entity> &entities, QList<SpeakerRole> *roles = nullptr);
};

} // namespace Lede
