// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Analysis.h"

#include <QList>
#include <QString>

namespace Lede {

// Interviews printed as a transcript: paragraphs that open with a speaker label,
//
//     Jane Roe: Why did you stand for mayor?
//     Tom Eck: Because nobody else would.
//     And because I know the harbour.          <- the same answer, continued
//     Q: What comes first?   A: The sea wall.
//
// Every answer is direct speech without quotation marks. A paragraph is a turn when it opens (at the
// start of a line) with a label of one to six words before a colon: a name (capitalised words,
// initials, particles such as "de" and "van"), or Q / A / Question / Answer. A body is a transcript
// only when it holds at least three such turns under at least two labels, so that a lone "Note:" or
// "Update:" line never counts. The interviewer is the Q / Question label, else the first label when
// most of its turns ask a question. Every other label answers, but only a label that names a person
// or an organisation of the entity layer (`entities`; "Mr Roe" counts when "Roe" is a person) is a
// speaker: a bare "A:" gives no quote (a wrong name is worse than none, and FAQ pages use it), nor
// do "Common Name:" or "Check Out:". At least two questions must be answered by a speaker.
// Unlabelled paragraphs after an answer continue it while the transcript goes on (another turn
// follows), except photo captions. A body whose paragraph breaks were lost ("… a year ago. Tom Eck:
// Because …") is split again before each label that follows a sentence end and comes back at
// least twice, and must then pass the same tests; there any label used twice may be the
// interviewer's, since the first turn can hide behind a heading.
//
// apply() adds one Direct quote per answer paragraph: the span is the paragraph after its label,
// the speaker the label as written ("Tom Eck"), speakerSpan the label itself, cue empty. Quotation-mark
// quotes inside an answer stay as they are: they are someone quoted within the speech (or scare quotes), a
// quote of their own. The list stays sorted by span start. A body that is not a transcript is left exactly as
// it was.
class InterviewTurns final
{
public:
    static void apply(const QString &body, QList<Quote> &quotes, const QList<Entity> &entities);
};

} // namespace Lede
