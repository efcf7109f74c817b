// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"

#include <QList>
#include <QString>

namespace Lede {

// Finds the quotations of a news body in one linear pass.
//
// Quotation marks are the double ones: curly “…”, straight "…" and guillemets «…», and single ones
// (‘…’, '…') outside double quotes (British style). Single marks need a clear shape, so that
// apostrophes (let’s, don't, '90s, rock 'n' roll, the ministers' plans) never open or close a quote,
// and a term in single marks with no speech around it (a scare quote) is left out. Inside a double
// quote, single marks are the quote's own nested quotation. A quote never spans a paragraph break: a
// multi-paragraph quote (a paragraph that ends inside the quote and a next paragraph that opens with
// a quotation mark again, as wire style writes it) is returned as one Quote per paragraph, the first
// ones without a closing mark; SpeakerResolver gives the whole run one speaker. A quote left open at
// the end of a paragraph whose next paragraph does not reopen it is kept up to the paragraph end when
// it holds at least three words and dropped otherwise (a stray mark). When the next paragraph does not
// reopen it but only closes it ("…today.\n\nIt was a long night."), that paragraph is its continuation
// up to the closing mark: some papers drop the reopening mark. The same holds when the paragraph
// breaks were lost and the text is one line: a new opening mark after the end of a sentence, while a
// quote of three words or more is open, ends that piece (“… again. “I’d call …”), and the next piece
// continues it.
//
// Kind: Direct for speech that stands as a sentence (at a paragraph or sentence start, after a colon,
// or after "he said,"), Partial for a fragment inside the reporter's sentence, Scare for short (1–3
// word) or title-case phrases with no speech verb next to them, and for anything after "so-called".
// Spans are UTF-16 indices and include the marks. Speaker fields are left empty. Never fails; a body
// without quotation marks gives an empty list.
class QuoteDetector final
{
public:
    static QList<Quote> detect(const QString &body);
};

} // namespace Lede
